//! Permalink styles and templates (configuration.rb `STYLE_TO_PERMALINK`, utils.rb
//! `add_permalink_suffix`, collection.rb `url_template`, renderer.rb `permalink_ext`).

/// `_config.yml` `permalink`: a style name or a template. The names mean something only in
/// `_config.yml`; in front matter `permalink: pretty` is the literal URL `/pretty`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermalinkStyle {
    Date,
    Pretty,
    Ordinal,
    Weekdate,
    None,
    /// A template such as `/:categories/:title/`.
    Custom(String),
}

impl PermalinkStyle {
    /// How Jekyll reads the config value (`to_sym` then looked up; anything else is a template).
    pub fn from_config(value: &str) -> PermalinkStyle {
        match value {
            "date" => PermalinkStyle::Date,
            "pretty" => PermalinkStyle::Pretty,
            "ordinal" => PermalinkStyle::Ordinal,
            "weekdate" => PermalinkStyle::Weekdate,
            "none" => PermalinkStyle::None,
            other => PermalinkStyle::Custom(other.to_string()),
        }
    }

    /// `style_to_permalink`: the posts template for this style.
    pub fn posts_template(&self) -> String {
        match self {
            PermalinkStyle::None => "/:categories/:title:output_ext".into(),
            PermalinkStyle::Date => "/:categories/:year/:month/:day/:title:output_ext".into(),
            PermalinkStyle::Ordinal => "/:categories/:year/:y_day/:title:output_ext".into(),
            PermalinkStyle::Pretty => "/:categories/:year/:month/:day/:title/".into(),
            PermalinkStyle::Weekdate => {
                "/:categories/:year/W:week/:short_day/:title:output_ext".into()
            }
            PermalinkStyle::Custom(template) => template.clone(),
        }
    }

    fn as_config_string(&self) -> &str {
        match self {
            PermalinkStyle::Date => "date",
            PermalinkStyle::Pretty => "pretty",
            PermalinkStyle::Ordinal => "ordinal",
            PermalinkStyle::Weekdate => "weekdate",
            PermalinkStyle::None => "none",
            PermalinkStyle::Custom(t) => t,
        }
    }
}

/// True for the five built-in style names.
pub fn is_style_name(value: &str) -> bool {
    !matches!(
        PermalinkStyle::from_config(value),
        PermalinkStyle::Custom(_)
    )
}

/// `Utils.add_permalink_suffix(template, permalink_style)`: give `template` the same ending
/// as the site style (`/` for pretty or a style ending in `/`, `:output_ext` for date,
/// ordinal, none or a style ending in `:output_ext`). Weekdate adds nothing.
pub fn add_permalink_suffix(template: &str, style: &PermalinkStyle) -> String {
    let mut out = template.to_string();
    match style {
        PermalinkStyle::Pretty => out.push('/'),
        PermalinkStyle::Date | PermalinkStyle::Ordinal | PermalinkStyle::None => {
            out.push_str(":output_ext")
        }
        other => {
            let s = other.as_config_string();
            if s.ends_with('/') {
                out.push('/');
            }
            if s.ends_with(":output_ext") {
                out.push_str(":output_ext");
            }
        }
    }
    out
}

/// `Collection#url_template`: the collection's own `permalink` as written (never read as a
/// style name), else for posts the site style's template, else `/:collection/:path` with
/// the site style's ending.
pub fn collection_url_template(
    label: &str,
    collection_permalink: Option<&str>,
    site_style: &PermalinkStyle,
) -> String {
    match collection_permalink {
        Some(own) => own.to_string(),
        None if label == "posts" => site_style.posts_template(),
        None => add_permalink_suffix("/:collection/:path", site_style),
    }
}

/// `Page#template`: non-HTML pages keep their extension, `index` pages get a directory URL,
/// other HTML pages follow the site style's ending.
pub fn page_url_template(basename: &str, output_ext: &str, site_style: &PermalinkStyle) -> String {
    if ![".html", ".xhtml", ".htm"].contains(&output_ext) {
        "/:path/:basename:output_ext".into()
    } else if basename == "index" {
        "/:path/".into()
    } else {
        add_permalink_suffix("/:path/:basename", site_style)
    }
}

/// Ruby's `File.extname` on Linux (Ruby >= 2.7): leading dots do not start an extension, a
/// trailing dot is the extension `.`.
pub fn ruby_extname(path: &str) -> &str {
    let name = super::filename::basename(path);
    let body_start = name.len() - name.trim_start_matches('.').len();
    match name[body_start..].rfind('.') {
        Some(dot) => &name[body_start + dot..],
        None => "",
    }
}

/// `File.basename(path, ".*")`.
pub fn basename_without_ext(path: &str) -> &str {
    let name = super::filename::basename(path);
    &name[..name.len() - ruby_extname(name).len()]
}

/// `Renderer#output_ext`: a front matter permalink not ending in `/` that has an extension
/// decides it (`/v1.2` gives `.2`!); otherwise the converter's (`.html` for Markdown, the
/// file's own extension for files no converter claims).
pub fn output_ext(permalink: Option<&str>, converter_output_ext: &str) -> String {
    if let Some(p) = permalink
        && !p.ends_with('/')
    {
        let ext = ruby_extname(p);
        if !ext.is_empty() {
            return ext.to_string();
        }
    }
    converter_output_ext.to_string()
}

/// The converter's output extension: Markdown extensions (`markdown_ext`, default
/// `markdown,mkdown,mkdn,mkd,md`) become `.html`; other files keep theirs (Identity).
pub fn converter_output_ext(extname: &str, markdown_ext: &str) -> String {
    if is_markdown_ext(extname, markdown_ext) {
        ".html".into()
    } else {
        extname.into()
    }
}

/// `Converters::Markdown#matches`: is `extname` (`.md`, `.MD`) one of `markdown_ext`?
pub fn is_markdown_ext(extname: &str, markdown_ext: &str) -> bool {
    let bare = extname.strip_prefix('.').unwrap_or(extname);
    // `extname_list` downcases the configured names, `matches` the extension; names are not
    // trimmed (`" md"` is no `md`). Every document passes here (twice), so ASCII extensions
    // are compared without lowercase copies.
    if bare.is_ascii() {
        // Bytes, not `str::split`: its char searcher cost more than the comparisons.
        let bare = bare.as_bytes();
        markdown_ext
            .as_bytes()
            .split(|&b| b == b',')
            .any(|e| e.eq_ignore_ascii_case(bare))
    } else {
        let bare = bare.to_lowercase();
        markdown_ext.split(',').any(|e| e.to_lowercase() == bare)
    }
}
