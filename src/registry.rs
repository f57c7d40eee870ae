//! The one table of rules: code, name, default severity, fixability, documentation and
//! constructor, one line per rule. Codes are stable forever once released.
//!
//! Families: 1xx front matter and YAML, 2xx fields, 3xx dates, 4xx permalinks and URLs,
//! 5xx links and IALs, 9xx files.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::diagnostic::Severity;
use crate::rule::Rule;
use crate::rules::*;

/// Builds a rule from its options (`None`: defaults); errors are the deserializer's words.
pub type BuildRule = fn(Option<yaml_serde::Value>) -> Result<Box<dyn Rule>, String>;

pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    pub fixable: bool,
    /// The rule's documentation, `rules/<CODE>-<name>.md`, embedded at build time.
    pub doc: &'static str,
    pub build: BuildRule,
    /// The rule's default options as YAML (an empty mapping when it has none).
    pub default_options: fn() -> yaml_serde::Value,
}

macro_rules! rule {
    ($code:literal, $name:literal, $ty:ty, $severity:ident, fixable: $fixable:literal) => {
        RuleMeta {
            code: $code,
            name: $name,
            default_severity: Severity::$severity,
            fixable: $fixable,
            doc: include_str!(concat!("../rules/", $code, "-", $name, ".md")),
            build: build::<$ty>,
            default_options: default_options::<$ty>,
        }
    };
}

#[rustfmt::skip]
pub static RULES: &[RuleMeta] = &[
    rule!("FL101", "missing-front-matter",      MissingFrontMatter,      Error,   fixable: false),
    rule!("FL102", "unterminated-front-matter", UnterminatedFrontMatter, Error,   fixable: false),
    rule!("FL103", "yaml-syntax-error",         YamlSyntaxError,         Error,   fixable: true),
    rule!("FL104", "duplicate-key",             DuplicateKey,            Error,   fixable: true),
    rule!("FL105", "front-matter-not-mapping",  FrontMatterNotMapping,   Error,   fixable: false),
    rule!("FL106", "yaml-tab-indentation",      YamlTabIndentation,      Error,   fixable: false),
    rule!("FL107", "implicit-yaml-type",        ImplicitYamlType,        Error,   fixable: true),
    rule!("FL108", "rejected-yaml-value",       RejectedYamlValue,       Error,   fixable: false),
    rule!("FL109", "bom-hides-front-matter",    BomHidesFrontMatter,     Error,   fixable: true),
    rule!("FL201", "missing-required-field",    MissingRequiredField,    Error,   fixable: false),
    rule!("FL202", "wrong-field-type",          WrongFieldType,          Error,   fixable: false),
    rule!("FL203", "empty-field",               EmptyField,              Error,   fixable: false),
    rule!("FL204", "disallowed-field-value",    DisallowedFieldValue,    Error,   fixable: false),
    rule!("FL205", "field-pattern-mismatch",    FieldPatternMismatch,    Error,   fixable: false),
    rule!("FL206", "field-length",              FieldLength,             Warning, fixable: false),
    rule!("FL207", "unknown-field",             UnknownField,            Warning, fixable: false),
    rule!("FL301", "invalid-post-filename",     InvalidPostFilename,     Error,   fixable: true),
    rule!("FL302", "suspicious-filename-date",  SuspiciousFilenameDate,  Error,   fixable: true),
    rule!("FL303", "date-mismatch",             DateMismatch,            Warning, fixable: true),
    rule!("FL304", "permalink-date-mismatch",   PermalinkDateMismatch,   Warning, fixable: true),
    rule!("FL305", "invalid-date",              InvalidDate,             Error,   fixable: false),
    rule!("FL306", "future-date",               FutureDate,              Warning, fixable: false),
    rule!("FL307", "unknown-timezone",          UnknownTimezone,         Error,   fixable: false),
    rule!("FL308", "timestamp-read-as-utc",     TimestampReadAsUtc,      Warning, fixable: false),
    rule!("FL401", "malformed-permalink",       MalformedPermalink,      Error,   fixable: false),
    rule!("FL402", "uppercase-permalink",       UppercasePermalink,      Warning, fixable: false),
    rule!("FL403", "inconsistent-trailing-slash", InconsistentTrailingSlash, Warning, fixable: false),
    rule!("FL404", "permalink-slug-mismatch",   PermalinkSlugMismatch,   Warning, fixable: true),
    rule!("FL405", "permalink-template-mismatch", PermalinkTemplateMismatch, Error, fixable: true),
    rule!("FL406", "duplicate-url",             DuplicateUrl,            Error,   fixable: false),
    rule!("FL407", "url-case-collision",        UrlCaseCollision,        Error,   fixable: false),
    rule!("FL408", "unknown-permalink-placeholder", UnknownPermalinkPlaceholder, Warning, fixable: false),
    rule!("FL501", "malformed-ial",             MalformedIal,            Error,   fixable: true),
    rule!("FL502", "detached-ial",              DetachedIal,             Error,   fixable: true),
    rule!("FL503", "suspicious-link-attribute", SuspiciousLinkAttribute, Warning, fixable: true),
    rule!("FL504", "broken-link-syntax",        BrokenLinkSyntax,        Error,   fixable: true),
    rule!("FL505", "invalid-link-url",          InvalidLinkUrl,          Error,   fixable: true),
    rule!("FL506", "insecure-link",             InsecureLink,            Warning, fixable: true),
    rule!("FL507", "javascript-url",            JavascriptUrl,           Error,   fixable: false),
    rule!("FL508", "link-target-mismatch",      LinkTargetMismatch,      Warning, fixable: true),
    rule!("FL509", "target-blank-without-noopener", TargetBlankWithoutNoopener, Warning, fixable: true),
    rule!("FL510", "broken-internal-link",      BrokenInternalLink,      Error,   fixable: true),
    rule!("FL511", "missing-anchor",            MissingAnchor,           Warning, fixable: false),
    rule!("FL512", "empty-link",                EmptyLink,               Warning, fixable: false),
    rule!("FL513", "broken-link-tag",           BrokenLinkTag,           Error,   fixable: false),
    rule!("FL514", "unpublished-site-url",      UnpublishedSiteUrl,      Warning, fixable: true),
    rule!("FL515", "link-case-mismatch",        LinkCaseMismatch,        Warning, fixable: true),
    rule!("FL901", "unreadable-file",           UnreadableFile,          Error,   fixable: false),
    rule!("FL902", "invalid-utf8",              InvalidUtf8,             Error,   fixable: false),
    rule!("FL903", "empty-file",                EmptyFile,               Warning, fixable: false),
    rule!("FL904", "unused-suppression",        UnusedSuppression,       Warning, fixable: true),
    rule!("FL905", "broken-site-config",        BrokenSiteConfig,        Error,   fixable: false),
    rule!("FL906", "non-portable-filename",     NonPortableFilename,     Warning, fixable: false),
];

/// Find a rule by code (`FL104`, any case) or name (`duplicate-key`).
pub fn find(key: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .find(|rule| rule.code.eq_ignore_ascii_case(key) || rule.name == key)
}

fn build<T>(options: Option<yaml_serde::Value>) -> Result<Box<dyn Rule>, String>
where
    T: Rule + DeserializeOwned + Default + 'static,
{
    match options {
        None => Ok(Box::new(T::default())),
        Some(value) => yaml_serde::from_value::<T>(value)
            .map(|rule| Box::new(rule) as Box<dyn Rule>)
            .map_err(|e| e.to_string()),
    }
}

fn default_options<T: Serialize + Default>() -> yaml_serde::Value {
    yaml_serde::to_value(T::default()).unwrap_or(yaml_serde::Value::Null)
}

impl RuleMeta {
    /// Where the rule's documentation lives on the web: its doc in the repository at the tag
    /// of the running version, `{repository}/blob/v{version}/rules/{CODE}-{name}.md`. A tag
    /// never moves, so the page describes the rule as this binary checks it, even after the
    /// rule changes on `main`. SARIF's `helpUri` and the language server's `codeDescription`.
    pub fn doc_url(&self) -> String {
        format!(
            "{}/blob/v{}/rules/{}-{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            env!("CARGO_PKG_VERSION"),
            self.code,
            self.name
        )
    }

    /// The one-line summary from the doc's front matter.
    pub fn summary(&self) -> &'static str {
        doc_field(self.doc, "summary").unwrap_or("")
    }

    /// The doc's Markdown without its front matter.
    pub fn doc_body(&self) -> &'static str {
        match crate::front_matter::split(self.doc) {
            crate::front_matter::Split::Present(block) => &self.doc[block.body_start..],
            _ => self.doc,
        }
    }
}

/// A `key: value` line of a rule doc's front matter (docs are written by us, one line each).
pub fn doc_field(doc: &'static str, key: &str) -> Option<&'static str> {
    let crate::front_matter::Split::Present(block) = crate::front_matter::split(doc) else {
        return None;
    };
    doc[block.inner()].lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(value.trim_matches('"'))
    })
}
