//! `Jekyll::Utils.slugify` (utils.rb) with every mode, plus the `latin` transliteration
//! (`I18n.transliterate`). Used for `:slug`, `:name`, `:title` and `:slugified_categories`.

use super::transliterate::APPROXIMATIONS;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `slugify`'s `mode:`; an unknown mode behaves like `none` (utils.rb `SLUGIFY_MODES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugMode {
    /// Only lower-cases (also what any unknown mode name does).
    None,
    /// Whitespace runs become `-`.
    Raw,
    /// Anything but letters, marks and decimal digits becomes `-`.
    #[default]
    Default,
    /// Like default, but keeps `._~!$&'()+,;=@`.
    Pretty,
    /// Anything but ASCII letters and digits becomes `-`.
    Ascii,
    /// Accents transliterated to ASCII first (other non-ASCII becomes `?`), then default.
    Latin,
}

impl SlugMode {
    /// The mode for a `slugify` filter/config string; `None` for anything unknown, as in Ruby.
    pub fn from_name(name: &str) -> SlugMode {
        match name {
            "raw" => SlugMode::Raw,
            "default" => SlugMode::Default,
            "pretty" => SlugMode::Pretty,
            "ascii" => SlugMode::Ascii,
            "latin" => SlugMode::Latin,
            _ => SlugMode::None,
        }
    }
}

// utils.rb SLUGIFY_*_REGEXP. Ruby's `\s` is ASCII whitespace; \p{..} classes are Unicode
// (Onigmo in Ruby 3.1 knows Unicode 13; the regex crate is newer, which only matters for
// characters assigned since).
static RAW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\t\n\x0B\x0C\r ]+").expect("regex"));
static DEFAULT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}]+").expect("regex"));
static PRETTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+").expect("regex"));
static ASCII: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^A-Za-z0-9]+").expect("regex"));

/// `I18n.transliterate(string)` with the default approximations.
pub fn transliterate(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            match APPROXIMATIONS.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(i) => out.push_str(APPROXIMATIONS[i].1),
                Err(_) => out.push('?'),
            }
        }
    }
    Cow::Owned(out)
}

/// `Utils.slugify(string, mode:, cased:)`.
pub fn slugify(text: &str, mode: SlugMode, cased: bool) -> String {
    if mode == SlugMode::None {
        return if cased {
            text.to_string()
        } else {
            ruby_downcase(text)
        };
    }
    // A function, not a value: dereferencing a `LazyLock` compiles its regex.
    let pattern = || -> &'static Regex {
        match mode {
            SlugMode::Raw => &RAW,
            SlugMode::Default | SlugMode::Latin | SlugMode::None => &DEFAULT,
            SlugMode::Pretty => &PRETTY,
            SlugMode::Ascii => &ASCII,
        }
    };
    let source = if mode == SlugMode::Latin {
        transliterate(text)
    } else {
        Cow::Borrowed(text)
    };
    // ASCII text (most titles and file names) needs none of the Unicode classes, which cost
    // milliseconds to compile: replace the runs by hand.
    let ascii_keep: Option<fn(char) -> bool> = match mode {
        _ if !source.is_ascii() => None,
        SlugMode::Default | SlugMode::Latin | SlugMode::Ascii => {
            Some(|c: char| c.is_ascii_alphanumeric())
        }
        SlugMode::Pretty => {
            Some(|c: char| c.is_ascii_alphanumeric() || "._~!$&'()+,;=@".contains(c))
        }
        SlugMode::Raw | SlugMode::None => None,
    };
    let replaced = match ascii_keep {
        Some(keep) => Cow::Owned(replace_runs(&source, keep)),
        None => pattern().replace_all(&source, "-"),
    };
    // `slug.gsub!(%r!^-|-$!i, "")`: one hyphen off each end (no newline is left by now,
    // so the line anchors are the string's ends).
    let mut slug: &str = &replaced;
    if let Some(rest) = slug.strip_prefix('-') {
        slug = rest;
    }
    if let Some(rest) = slug.strip_suffix('-') {
        slug = rest;
    }
    if cased {
        slug.to_string()
    } else {
        ruby_downcase(slug)
    }
}

/// Every run of characters that `keep` refuses becomes one `-`.
fn replace_runs(text: &str, keep: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        if keep(c) {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    out
}

/// Ruby's `String#downcase` (full Unicode mapping). Unlike Rust's `to_lowercase`, Ruby has no
/// final-sigma rule: `Σ` always becomes `σ`.
pub fn ruby_downcase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.extend(c.to_lowercase());
    }
    out
}
