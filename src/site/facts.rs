//! What Jekyll makes of one file, computed once per file before the rules run: its kind
//! (post, draft, collection document, page...), its date, URL and output file, and the
//! front matter defaults that apply to it.

use std::path::Path;

use crate::jekyll::defaults::defaults_for;
use crate::jekyll::filename::SkipReason;
use crate::jekyll::page::{PageInput, resolve_page};
use crate::jekyll::permalink::{converter_output_ext, ruby_extname};
use crate::jekyll::post::{
    DateSource, DocumentCollection, PostOutcome, hidden_in_the_future, resolve_document,
};
use crate::jekyll::reader::{IgnoreReason, SourceRole, source_role};
use crate::jekyll::site_config::scalar_to_s;
use crate::jekyll::url::UrlError;
use crate::post::{Post, ReadProblem};

use super::Site;
use super::front_matter::{self, ReadFrontMatter};

/// The kind of file Jekyll sees.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocKind {
    /// In `_posts/` (whether or not its name lets Jekyll read it).
    Post,
    Draft,
    /// A document of a collection from `_config.yml`.
    Document {
        label: String,
    },
    /// A file with front matter outside the special folders.
    Page,
    /// A file without front matter that Jekyll copies as is (including collection files).
    StaticFile,
    /// A file the reader never looks at (`_includes/`, excluded, ...).
    NotRead(IgnoreReason),
    /// Not inside the site's source folder.
    OutsideSite,
}

impl DocKind {
    pub fn name(&self) -> &str {
        match self {
            DocKind::Post => "post",
            DocKind::Draft => "draft",
            DocKind::Document { .. } => "document",
            DocKind::Page => "page",
            DocKind::StaticFile => "static",
            DocKind::NotRead(_) => "ignored",
            DocKind::OutsideSite => "outside",
        }
    }

    /// The collection label for documents, posts and drafts.
    pub fn collection(&self) -> Option<&str> {
        match self {
            DocKind::Post | DocKind::Draft => Some("posts"),
            DocKind::Document { label } => Some(label),
            _ => None,
        }
    }

    /// Posts, drafts and documents: files that belong to a collection and are read as
    /// documents (they need front matter to be worth anything).
    pub fn is_collection_member(&self) -> bool {
        self.collection().is_some()
    }
}

/// Why a rendered document is not written to the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotWritten {
    /// `published: false`.
    Unpublished,
    /// Dated after the build and `future` is off.
    Future,
    /// A draft, and `show_drafts` is off.
    Draft,
    /// The collection has no `output: true`.
    NoOutput,
}

/// A document or page Jekyll renders.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The effective date (pages have none).
    pub date: Option<crate::jekyll::date::PostDate>,
    pub date_source: Option<DateSource>,
    pub categories: Vec<String>,
    pub url: String,
    /// Relative to the output folder.
    pub output_path: String,
    pub not_written: Option<NotWritten>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not a document or page (static, ignored, outside the site).
    NotRendered,
    /// A `_posts` file Jekyll skips because of its name.
    Skipped(SkipReason),
    Built(Box<Built>),
    /// Jekyll stops the build on this file.
    BuildFails(String),
    /// Jekyll reads the file but leaves it out of the site.
    Dropped(&'static str),
    /// Beyond what the model reproduces; no guess is made.
    Unsupported(String),
    /// The URL has a placeholder Jekyll does not know (the name as written), on a site whose
    /// `_plugins/` may define it: Jekyll stops the build unless one does.
    PluginPlaceholder(String),
}

/// Everything the model says about one file.
#[derive(Debug, Clone)]
pub struct DocFacts {
    /// Relative to the site source, `/`-separated (`None` outside the site).
    pub source_path: Option<String>,
    pub kind: DocKind,
    /// The collection whose folder holds the file (`posts` for `_posts/` and `_drafts/`),
    /// with or without front matter.
    pub in_collection: Option<String>,
    pub outcome: Outcome,
    pub front_matter: ReadFrontMatter,
    /// Keys that `_config.yml` front matter defaults give this file a (non-null) value for.
    pub default_keys: Vec<String>,
    /// `jekyll-default-layout` gives this file a layout when it has none.
    pub layout_from_plugin: bool,
    /// Jekyll converts it as Markdown (`markdown_ext`); text given without a path counts.
    pub is_markdown: bool,
    /// The stub pages jekyll-redirect-from writes for this file's `redirect_from`.
    pub redirects: Vec<RedirectStub>,
    /// jekyll-redirect-from turns this file into a redirect (`redirect_to`): its URL is an
    /// old address kept alive on purpose, whatever it looks like.
    pub redirect_stub: bool,
}

/// A page jekyll-redirect-from publishes at an old URL of a document (`redirect_from`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RedirectStub {
    pub url: String,
    pub output_path: String,
    /// The `redirect_from` entry in the front matter.
    pub span: std::ops::Range<usize>,
}

impl DocFacts {
    /// Facts for a file outside any site (text linted without a path, tests).
    pub fn outside() -> DocFacts {
        DocFacts {
            source_path: None,
            kind: DocKind::OutsideSite,
            in_collection: None,
            outcome: Outcome::NotRendered,
            front_matter: ReadFrontMatter::default(),
            default_keys: Vec::new(),
            layout_from_plugin: false,
            is_markdown: true,
            redirects: Vec::new(),
            redirect_stub: false,
        }
    }

    pub fn built(&self) -> Option<&Built> {
        match &self.outcome {
            Outcome::Built(built) => Some(built),
            _ => None,
        }
    }

    /// Left out only because it is dated after the build: the next build may write it.
    pub fn depends_on_the_clock(&self) -> bool {
        self.built()
            .is_some_and(|built| built.not_written == Some(NotWritten::Future))
    }

    /// Is `key` given to this file by `_config.yml` defaults (or, for `layout`, a plugin)?
    pub fn supplied_by_site(&self, key: &str) -> bool {
        self.default_keys.iter().any(|k| k == key) || (key == "layout" && self.layout_from_plugin)
    }

    /// Compute the facts of `post`, a file at `source_path` (relative to `site.root`).
    pub fn compute(post: &Post, site: &Site, source_path: Option<&str>) -> DocFacts {
        let Some(source_path) = source_path else {
            return DocFacts::outside();
        };
        let config = &site.config;
        // Jekyll looks at the raw first line: a UTF-16 file never starts with `---`.
        let has_header = has_yaml_header(&post.source.text)
            && !matches!(
                post.read_problem,
                Some(ReadProblem::InvalidUtf8 { utf16: true, .. })
            );
        let role = source_role(config, source_path);
        let in_collection = match &role {
            SourceRole::Post { .. } | SourceRole::Draft => Some("posts".to_owned()),
            SourceRole::Document { label } => Some(label.clone()),
            _ => None,
        };
        let kind = match role {
            SourceRole::Post { .. } => DocKind::Post,
            SourceRole::Draft => DocKind::Draft,
            SourceRole::Document { label } if has_header => DocKind::Document { label },
            SourceRole::Page if has_header => DocKind::Page,
            SourceRole::Document { .. } | SourceRole::Page => DocKind::StaticFile,
            SourceRole::Ignored(reason) => DocKind::NotRead(reason),
        };
        let fm = front_matter::read(post);
        let dir = config.collections_dir.trim_matches('/');
        let relative_path = match dir.is_empty() {
            true => source_path,
            false => source_path
                .strip_prefix(&format!("{dir}/"))
                .unwrap_or(source_path),
        };
        let defaults_type = match &kind {
            DocKind::Page => Some("pages"),
            other => other.collection(),
        };
        let default_keys = match defaults_type {
            Some(kind_name) if !config.defaults.is_empty() => {
                let doc_relative = if kind_name == "pages" {
                    source_path
                } else {
                    relative_path
                };
                defaults_for(&config.defaults, source_path, doc_relative, kind_name, dir)
                    .into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, _)| scalar_to_s(&k))
                    .collect()
            }
            _ => Vec::new(),
        };
        let is_markdown = site.is_markdown(source_path);
        let layout_from_plugin = site.plugins.default_layout
            && is_markdown
            && matches!(
                kind,
                DocKind::Post | DocKind::Draft | DocKind::Document { .. } | DocKind::Page
            );
        let invalid_utf8 = matches!(post.read_problem, Some(ReadProblem::InvalidUtf8 { .. }));
        let outcome = if let Some(why) = &fm.unsupported {
            Outcome::Unsupported(why.clone())
        } else if invalid_utf8 && matches!(kind, DocKind::Post | DocKind::Draft) {
            Outcome::Dropped("the file is not valid UTF-8 (Jekyll skips such posts)")
        } else {
            match &kind {
                DocKind::Post => document(site, DocumentCollection::Posts, source_path, &fm),
                DocKind::Draft => document(site, DocumentCollection::Drafts, source_path, &fm),
                DocKind::Document { label } => {
                    document(site, DocumentCollection::Other(label), source_path, &fm)
                }
                DocKind::Page => page(site, source_path, &fm),
                _ => Outcome::NotRendered,
            }
        };
        let redirects_on = site.plugins.redirect_from
            && matches!(
                &kind,
                DocKind::Post | DocKind::Draft | DocKind::Document { .. } | DocKind::Page
            );
        let redirects = match &outcome {
            Outcome::Built(built) if redirects_on && built.not_written.is_none() => {
                redirect_stubs(site, &fm, &built.url)
            }
            _ => Vec::new(),
        };
        let redirect_stub = redirects_on && fm.redirect_to;
        DocFacts {
            source_path: Some(source_path.to_owned()),
            kind,
            in_collection,
            outcome,
            front_matter: fm,
            default_keys,
            layout_from_plugin,
            is_markdown,
            redirects,
            redirect_stub,
        }
    }
}

/// [`has_yaml_header`] of a file on disk, reading no more than its first line (at most a
/// few KiB: a first line longer than that is no `---`).
pub fn file_has_yaml_header(path: &Path) -> bool {
    use std::io::Read;
    // Not a regular file (a FIFO would block the open): lint it, `unreadable-file` says why.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        // Unreadable: lint it, so that `unreadable-file` says so.
        return true;
    };
    let mut head = Vec::with_capacity(512);
    if file.take(4096).read_to_end(&mut head).is_err() {
        return true;
    }
    let line_end = head
        .iter()
        .position(|&b| b == b'\n')
        .map_or(head.len(), |i| i + 1);
    has_yaml_header(&String::from_utf8_lossy(&head[..line_end]))
}

/// `Utils.has_yaml_header?`: the raw first line (a byte order mark counts) is `---`.
pub fn has_yaml_header(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("---") else {
        return false;
    };
    let line = rest.split_inclusive('\n').next().unwrap_or("");
    line.ends_with('\n')
        && line
            .trim_end_matches(['\n', '\r'])
            .trim_matches([' ', '\t', '\x0b', '\x0c'])
            .is_empty()
}

fn document(
    site: &Site,
    collection: DocumentCollection<'_>,
    source_path: &str,
    fm: &ReadFrontMatter,
) -> Outcome {
    let ctx = site.date_context();
    let fallback = match collection {
        DocumentCollection::Drafts => {
            modified_time(&site.root.join(source_path)).unwrap_or(site.build_time)
        }
        _ => site.build_time,
    };
    let (outcome, date_source) = resolve_document(
        &site.config,
        collection,
        source_path,
        &fm.fields,
        &ctx,
        fallback,
    );
    match outcome {
        PostOutcome::Built(post) => {
            let not_written = if fm.unpublished && !site.config.unpublished {
                Some(NotWritten::Unpublished)
            } else if collection == DocumentCollection::Drafts && !site.config.show_drafts {
                Some(NotWritten::Draft)
            } else if hidden_in_the_future(&post.date, site.build_time, &site.config) {
                Some(NotWritten::Future)
            } else if let DocumentCollection::Other(label) = collection
                && !site.config.collection(label).is_some_and(|c| c.output)
            {
                Some(NotWritten::NoOutput)
            } else {
                None
            };
            Outcome::Built(Box::new(Built {
                date: Some(post.date),
                date_source: Some(date_source),
                categories: post.categories,
                url: post.url,
                output_path: post.output_path,
                not_written,
            }))
        }
        PostOutcome::Skipped(reason) => Outcome::Skipped(reason),
        PostOutcome::BuildFails(message) => Outcome::BuildFails(message),
        PostOutcome::UnknownPlaceholder(names) => unknown_placeholder(site, &names),
        PostOutcome::Unsupported(reason) => Outcome::Unsupported(reason),
        PostOutcome::NotAPost => Outcome::NotRendered,
    }
}

fn page(site: &Site, source_path: &str, fm: &ReadFrontMatter) -> Outcome {
    let (dir, name) = match source_path.rsplit_once('/') {
        Some((dir, name)) => (format!("/{dir}"), name),
        None => (String::new(), source_path),
    };
    let permalink = fm.fields.permalink.clone().or_else(|| {
        crate::jekyll::defaults::default_value(
            &site.config.defaults,
            source_path,
            source_path,
            "pages",
            site.config.collections_dir.trim_matches('/'),
            "permalink",
        )
        .filter(|v| !v.is_null())
        .map(|v| scalar_to_s(&v))
    });
    let converter = converter_output_ext(ruby_extname(name), &site.config.markdown_ext);
    let input = PageInput {
        dir: &dir,
        name,
        permalink: permalink.as_deref(),
        converter_output_ext: &converter,
    };
    match resolve_page(&input, &site.config.permalink) {
        Ok(page) => Outcome::Built(Box::new(Built {
            date: None,
            date_source: None,
            categories: Vec::new(),
            url: page.url,
            output_path: page.output_path,
            not_written: (fm.unpublished && !site.config.unpublished)
                .then_some(NotWritten::Unpublished),
        })),
        Err(UrlError::InvalidPermalink) => {
            Outcome::BuildFails("an empty `permalink` (InvalidPermalinkError)".into())
        }
        Err(UrlError::InvalidUri(value)) => {
            Outcome::BuildFails(format!("InvalidURIError: {value}"))
        }
        Err(UrlError::UnknownPlaceholder(names)) => unknown_placeholder(site, &names),
        Err(UrlError::Unsupported(why)) => Outcome::Unsupported(why),
    }
}

/// A placeholder Jekyll does not know (`names`: `number`, or `foo_ or foo` for `:foo_`):
/// declared as a plugin's (`permalink-placeholders`), the URL is simply unknown; on a site
/// with code in `_plugins/`, one may define it; elsewhere Jekyll stops the build.
fn unknown_placeholder(site: &Site, names: &str) -> Outcome {
    let written = names.split(" or ").next().unwrap_or(names).to_owned();
    if names
        .split(" or ")
        .any(|name| site.plugins.defines_placeholder(name))
    {
        Outcome::Unsupported(format!(
            "the URL uses `:{written}`, which a plugin of the site fills (`permalink-placeholders`)"
        ))
    } else if site.plugins.site_plugins {
        Outcome::PluginPlaceholder(written)
    } else {
        Outcome::BuildFails(format!("The URL template doesn't have {names} keys"))
    }
}

/// Why the URL of a file using a placeholder Jekyll does not know is unknown.
pub fn plugin_placeholder_reason(name: &str) -> String {
    format!(
        "`:{name}` is not a Jekyll placeholder: Jekyll stops the build unless a plugin in `_plugins/` defines it, and then only the plugin knows the URL"
    )
}

/// `RedirectPage.redirect_from`: a page named `redirect.html` at the site root whose
/// permalink is the old path (given a leading `/`). A stub at the document's own URL would
/// only replace it with a redirect to itself; such an entry is left to the page.
fn redirect_stubs(site: &Site, fm: &ReadFrontMatter, own_url: &str) -> Vec<RedirectStub> {
    fm.redirect_from
        .iter()
        .filter_map(|(from, span)| {
            let permalink = match from.starts_with('/') {
                true => from.clone(),
                false => format!("/{from}"),
            };
            let input = PageInput {
                dir: "",
                name: "redirect.html",
                permalink: Some(&permalink),
                converter_output_ext: ".html",
            };
            let page = resolve_page(&input, &site.config.permalink).ok()?;
            (page.url != own_url).then(|| RedirectStub {
                url: page.url,
                output_path: page.output_path,
                span: span.clone(),
            })
        })
        .collect()
}

fn modified_time(path: &Path) -> Option<jiff::Timestamp> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    jiff::Timestamp::try_from(modified).ok()
}
