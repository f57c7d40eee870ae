//! Differential test of the link rules against kramdown itself. Hundreds of generated posts
//! each hold one link written with an intent — `target="_blank"`, `target` and `rel`, a class,
//! an id — in every way editors write it: Word's quotes, a forgotten colon or quote, entries
//! glued together, a space or line break before the list, emphasis around the link, a typo in
//! the name or the value, broken link syntax, HTML `<a>` tags. All are rendered in one Ruby
//! process by Jekyll's own Markdown converter (Jekyll 4.3 defaults: kramdown, `input: GFM`).
//!
//! The claim under test: frontlint's link rules (FL501–FL505) report a post exactly when the
//! HTML kramdown makes of it lacks an intended attribute on the `<a>` (or has no `<a>`), or
//! shows a `{` as text — and report none of the others.
//!
//! Skips with a message when `ruby` (or Jekyll) is missing, unless
//! `FRONTLINT_REQUIRE_ORACLE=1`. Run with `--nocapture` to see the agreement counts.

mod support;

use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::markdown::{BlockKind, Follows, scan};
use support::kramdown;

/// What the author wants on the link, as (attribute, value) pairs.
#[derive(Clone, Copy)]
struct Intent {
    name: &'static str,
    attrs: &'static [(&'static str, &'static str)],
    /// Only attributes that mean something on a link alone: a class or id after emphasis or
    /// on a paragraph is legitimately theirs, so those placements are left out for the rest.
    link_only: bool,
}

const INTENTS: &[Intent] = &[
    Intent {
        name: "new tab",
        attrs: &[("target", "_blank")],
        link_only: true,
    },
    Intent {
        name: "new tab, noopener",
        attrs: &[("target", "_blank"), ("rel", "noopener")],
        link_only: true,
    },
    Intent {
        name: "class",
        attrs: &[("class", "btn")],
        link_only: false,
    },
    Intent {
        name: "id and class",
        attrs: &[("id", "top"), ("class", "btn")],
        link_only: false,
    },
];

/// How one `key=value` entry is written; `.class`/`#id` entries are written as such.
#[derive(Clone, Copy, Debug)]
enum Style {
    Double,
    Single,
    CurlyDouble,
    RightCurly,
    CurlySingle,
    Unquoted,
    OpenOnly,
    CloseOnly,
    SpacedEquals,
    /// No space before the next entry.
    Glued,
    /// `taget`, `rle`: a misspelt name.
    NameTypo,
    /// `target="blank"`: a misspelt value.
    ValueTypo,
    /// `class="btn"` / `id="top"` instead of `.btn` / `#top`.
    KeyValueClass,
}

const STYLES: &[Style] = &[
    Style::Double,
    Style::Single,
    Style::CurlyDouble,
    Style::RightCurly,
    Style::CurlySingle,
    Style::Unquoted,
    Style::OpenOnly,
    Style::CloseOnly,
    Style::SpacedEquals,
    Style::Glued,
    Style::NameTypo,
    Style::ValueTypo,
    Style::KeyValueClass,
];

/// The entries of an attribute list for `intent` in `style`, or `None` when the style does
/// not apply (glued needs two entries).
fn entries(intent: Intent, style: Style) -> Option<String> {
    if matches!(style, Style::Glued) && intent.attrs.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for (i, (key, value)) in intent.attrs.iter().enumerate() {
        if i > 0 && !matches!(style, Style::Glued) {
            out.push(' ');
        }
        let as_name = match *key {
            "class" if !matches!(style, Style::KeyValueClass) => Some(format!(".{value}")),
            "id" if !matches!(style, Style::KeyValueClass) => Some(format!("#{value}")),
            _ => None,
        };
        if let Some(name) = as_name {
            out.push_str(&name);
            continue;
        }
        let key = match style {
            Style::NameTypo if i == 0 => typo(key),
            _ => key.to_string(),
        };
        let value = match style {
            Style::ValueTypo if i == 0 && *value == "_blank" => "blank",
            Style::ValueTypo if i == 0 => return None,
            _ => value,
        };
        let entry = match style {
            Style::Single => format!("{key}='{value}'"),
            Style::CurlyDouble => format!("{key}=“{value}”"),
            Style::RightCurly => format!("{key}=”{value}”"),
            Style::CurlySingle => format!("{key}=‘{value}’"),
            Style::Unquoted => format!("{key}={value}"),
            Style::OpenOnly => format!("{key}=\"{value}"),
            Style::CloseOnly => format!("{key}={value}\""),
            Style::SpacedEquals => format!("{key} = \"{value}\""),
            _ => format!("{key}=\"{value}\""),
        };
        out.push_str(&entry);
    }
    Some(out)
}

fn typo(key: &str) -> String {
    match key {
        "target" => "taget".into(),
        "rel" => "rle".into(),
        "class" => "clas".into(),
        "id" => "di".into(),
        other => other.into(),
    }
}

/// The braces around the entries.
const FRAMES: &[(&str, &str)] = &[("{:", "}"), ("{: ", " }"), ("{", "}"), ("{ :", "}")];

/// Where the list goes: `{L}` is the link text position, `{I}` the list.
const PLACEMENTS: &[(&str, bool)] = &[
    ("See [the page](https://x.gov.sg/a){I} now.", true),
    ("See [the page][r]{I} now.\n\n[r]: https://x.gov.sg/a", true),
    ("See <https://x.gov.sg/a>{I} now.", true),
    (
        "See <a href=\"https://x.gov.sg/a\">the page</a>{I} now.",
        true,
    ),
    ("- item [the page](https://x.gov.sg/a){I}", true),
    (
        "| [the page](https://x.gov.sg/a){I} | b |\n|---|---|\n| c | d |",
        true,
    ),
    ("**[the page](https://x.gov.sg/a){I}**", true),
    (
        "See [the page][r] now.\n\n[r]: https://x.gov.sg/a\n{I}",
        true,
    ),
    ("See [the page](https://x.gov.sg/a) {I} now.", true),
    // Placements where a class or id is legitimately the other element's.
    ("**[the page](https://x.gov.sg/a)**{I} now.", false),
    ("*[the page](https://x.gov.sg/a)*{I} now.", false),
    ("See [the page](https://x.gov.sg/a)\n{I}", false),
];

/// Link syntax kramdown does not read as a link, each with a correct list after it.
const BROKEN_LINKS: &[&str] = &[
    "See [the page] (https://x.gov.sg/a){:target=\"_blank\"} now.",
    "See [the page](https://x.gov.sg/a]{:target=\"_blank\"} now.",
    "See [the page]((https://x.gov.sg/a){:target=\"_blank\"} now.",
    "See **[the page]**(https://x.gov.sg/a){:target=\"_blank\"} now.",
    "See [the page]](https://x.gov.sg/a){:target=\"_blank\"} now.",
    "See [the page][nowhere]{:target=\"_blank\"} now.",
    "See <a href=“https://x.gov.sg/a” target=”_blank”>the page</a> now.",
    "See <a href=https://x.gov.sg/a target=_blank>the page</a> now.",
];

/// HTML anchors with the intent written as HTML attributes.
const HTML_TARGETS: &[&str] = &[
    "target=\"_blank\"",
    "target='_blank'",
    "target=_blank",
    "target=\"blank\"",
    "target=\"_new\"",
    "taget=\"_blank\"",
];

struct Variant {
    markdown: String,
    /// What the author wants, in words (for failure messages).
    intent: &'static str,
    intended: Vec<(&'static str, &'static str)>,
}

fn variants() -> Vec<Variant> {
    let mut out = Vec::new();
    for intent in INTENTS {
        for style in STYLES {
            let Some(entries) = entries(*intent, *style) else {
                continue;
            };
            for (i, (open, close)) in FRAMES.iter().enumerate() {
                for (placement, any_intent) in PLACEMENTS {
                    // Every frame at the first placement, the plain frame everywhere.
                    if i > 0 && *placement != PLACEMENTS[0].0 {
                        continue;
                    }
                    if !any_intent && !intent.link_only {
                        continue;
                    }
                    out.push(Variant {
                        markdown: placement.replace("{I}", &format!("{open}{entries}{close}")),
                        intent: intent.name,
                        intended: intent.attrs.to_vec(),
                    });
                }
            }
        }
    }
    for broken in BROKEN_LINKS {
        out.push(Variant {
            markdown: (*broken).to_owned(),
            intent: "new tab",
            intended: vec![("target", "_blank")],
        });
    }
    for attribute in HTML_TARGETS {
        out.push(Variant {
            markdown: format!("See <a href=\"https://x.gov.sg/a\" {attribute}>the page</a> now."),
            intent: "new tab",
            intended: vec![("target", "_blank")],
        });
    }
    out
}

/// The attributes of the first `<a>` kramdown wrote (`None`: no link), and whether a `{`
/// shows as text outside `<code>`.
fn observe(html: &str) -> (Option<Vec<(String, String)>>, bool) {
    let literal = html.contains('{');
    let attrs = html.find("<a ").map(|start| {
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        kramdown::attributes(&html[start..end])
    });
    (attrs, literal)
}

/// The `<a>` has every intended attribute (a class among others counts).
fn has_intended(attrs: &[(String, String)], intended: &[(&str, &str)]) -> bool {
    intended.iter().all(|(key, value)| {
        attrs.iter().any(|(k, v)| {
            k == key && (v == value || (*key == "class" && v.split(' ').any(|c| c == *value)))
        })
    })
}

/// The link rules that judge the syntax (the policies are off in the default preset).
const SYNTAX_RULES: &[&str] = &["FL501", "FL502", "FL503", "FL504", "FL505"];

#[test]
fn link_rules_flag_exactly_what_kramdown_gets_wrong() {
    let variants = variants();
    assert!(variants.len() >= 200, "only {} variants", variants.len());
    let blocks = block_variants();
    // One Ruby process renders both sets.
    let docs: Vec<&str> = variants
        .iter()
        .map(|v| v.markdown.as_str())
        .chain(blocks.iter().map(String::as_str))
        .collect();
    let Some(mut htmls) = kramdown::render(&docs) else {
        support::skip(
            "kramdown link-rule oracle",
            "ruby or Jekyll is not installed, or could not render the variants",
        );
        return;
    };
    let block_htmls = htmls.split_off(variants.len());
    check_block_targets(&blocks, &block_htmls);
    let config = Config::default_for(Path::new(env!("CARGO_TARGET_TMPDIR"))).unwrap();
    let (mut agree, mut flagged, mut failures) = (0, 0, Vec::new());
    for (variant, html) in variants.iter().zip(&htmls) {
        let (attrs, literal) = observe(html);
        let wrong = literal || !attrs.is_some_and(|a| has_intended(&a, &variant.intended));
        let post = format!("---\ntitle: Variant\n---\n{}\n", variant.markdown);
        let (_, diagnostics) = engine::lint_text(
            "_posts/2024-01-01-v.md",
            "_posts/2024-01-01-v.md",
            &post,
            &config,
        );
        let found: Vec<String> = diagnostics
            .iter()
            .filter(|d| SYNTAX_RULES.contains(&d.code))
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        flagged += usize::from(wrong);
        let reported = !found.is_empty();
        if wrong == reported {
            agree += 1;
        } else {
            failures.push(format!(
                "{:?}\n  kramdown: {html:?} ({}: {:?}: {})\n  frontlint: {found:?}",
                variant.markdown,
                variant.intent,
                variant.intended,
                if wrong { "wrong" } else { "right" }
            ));
        }
    }
    eprintln!(
        "kramdown link-rule oracle: {} variants, {flagged} wrong in kramdown's HTML; frontlint agrees on {agree}",
        variants.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Blocks around a block attribute list `{: .probe}` on a line of its own, with and without
/// a blank line before it: the element kramdown gives the class to must be the one the
/// scanner names (its messages say "the list is numbered from 1" or "applies to the
/// paragraph" from this).
const BEFORE: &[&str] = &[
    "Para one.",
    "* a\n* b",
    "1. a\n2. b",
    "# Heading",
    "> quoted",
    "---",
    "| a | b |\n|---|---|\n| c | d |",
];
const AFTER: &[&str] = &["Para two.", "* c\n* d", "5. e\n6. f", "## Heading two", ""];

fn block_variants() -> Vec<String> {
    let mut out = Vec::new();
    for before in BEFORE {
        for blank in ["", "\n"] {
            for after in AFTER {
                out.push(format!("{before}\n{blank}{{: .probe}}\n{after}\n"));
            }
        }
    }
    out
}

/// The tag of the element kramdown gave `class="probe"`, if any.
fn probed_tag(html: &str) -> Option<String> {
    let at = html.find("class=\"probe\"")?;
    let open = html[..at].rfind('<')?;
    Some(
        html[open + 1..at]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_owned(),
    )
}

fn check_block_targets(docs: &[String], htmls: &[String]) {
    let mut failures = Vec::new();
    for (doc, html) in docs.iter().zip(htmls) {
        let seen = probed_tag(html);
        let predicted = scan(doc, 0).ials.iter().find_map(|ial| match ial.follows {
            Follows::Block { target, .. } => Some(target),
            _ => None,
        });
        let agrees = match (predicted, seen.as_deref()) {
            (Some(BlockKind::Paragraph), Some("p")) => true,
            (Some(BlockKind::List), Some("ul" | "ol")) => true,
            (Some(BlockKind::Header), Some("h1" | "h2")) => true,
            (Some(BlockKind::Blockquote), Some("blockquote")) => true,
            (Some(BlockKind::HorizontalRule), Some("hr")) => true,
            (Some(BlockKind::Table), Some("table")) => true,
            // An attribute list with nothing after it applies to nothing.
            (Some(_), None) => doc.trim_end().ends_with("{: .probe}"),
            _ => false,
        };
        if !agrees {
            failures.push(format!(
                "{doc:?}\n  kramdown: {html:?}\n  scanner: {predicted:?}"
            ));
        }
    }
    eprintln!(
        "kramdown block-IAL oracle: {} placements, {} agree",
        docs.len(),
        docs.len() - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} block IAL placements disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
