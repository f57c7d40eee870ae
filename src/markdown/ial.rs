//! Inline attribute lists: the parsed form, what kramdown does with one, and what is wrong
//! with it. The grammar itself is in `ial_grammar.rs`; finding where an IAL ends in running
//! text is in `ial_extent.rs`.

use super::ial_grammar::{
    RawEntry, RawList, scan_attribute_list, split_id_or_class, unescape_value,
};
use super::ial_problems::find_problems;
use super::model::{BlockKind, ElementKind, Span, Spanned};

/// An IAL (`{:…}`) or something written as one (`{target="_blank"}`).
#[derive(Debug, Clone, PartialEq)]
pub struct Ial {
    /// From `{` to `}` inclusive.
    pub span: Span,
    /// The attribute text between `{:` (or `{`) and `}`.
    pub content: Span,
    /// kramdown reads this as an attribute list. `false` for look-alikes it prints as text:
    /// `{target="_blank"}`, `{ :target="_blank"}`, `{:}`.
    pub recognized: bool,
    /// The entries kramdown's grammar finds in `content`. For a look-alike that kramdown does
    /// not read, these are the entries it *would* find if the syntax were right.
    pub entries: Vec<IalEntry>,
    pub problems: Vec<IalProblem>,
    /// What comes right before it, which decides where kramdown applies it.
    pub follows: Follows,
    /// The link this IAL was meant for: the link it applies to, the link inside the
    /// `**…**` it applies to instead, the link before the whitespace that detached it, or the
    /// link ending the line above a block IAL.
    pub link: Option<usize>,
}

/// One entry of an attribute list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IalEntry {
    /// The whole entry (`target="_blank"`, `.btn`, `#top`, `name`).
    pub span: Span,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// `key="value"`; the value is unescaped (`\}` → `}`, `\"` → `"`), its span is between
    /// the quotes.
    KeyValue {
        key: Spanned<String>,
        value: Spanned<String>,
        quote: char,
    },
    /// `.name`
    Class(Spanned<String>),
    /// `#name`
    Id(Spanned<String>),
    /// A bare name: a reference to an attribute list definition `{:name: …}`.
    Reference(Spanned<String>),
}

/// What precedes an IAL. kramdown applies a span IAL to the last element before it, and
/// prints it as text when that is text (`parse_span_extensions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follows {
    /// A link, image, autolink or HTML `<a>` (see [`Ial::link`]).
    Link,
    /// Another span element: kramdown applies the IAL to it, not to any link inside it.
    Element(ElementKind),
    /// Text, including whitespace: "Found span IAL after text - ignoring it".
    Text,
    /// Nothing: the IAL opens the paragraph, cell or link text.
    Start,
    /// A block IAL on its own line, applied to the block before it (or to the next block).
    Block { target: BlockKind, next: bool },
}

/// What kramdown does with an IAL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Its attributes end up on the link or image.
    AppliedToLink,
    /// Its attributes end up on another element (`<strong>`, `<code>`, a smart quote…).
    AppliedToElement,
    /// Its attributes end up on a block (`<p>`, `<ul>`, …).
    AppliedToBlock,
    /// Consumed without output, and no attribute comes out of it.
    Dropped,
    /// Printed as text.
    Literal,
}

/// A problem in an IAL, with the text it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IalProblem {
    pub kind: IalProblemKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IalProblemKind {
    /// `{target="_blank"}`: kramdown prints it as text.
    MissingColon,
    /// `{ :target="_blank"}`: kramdown prints it as text.
    SpaceBeforeColon,
    /// `{:}` (printed as text) or `{: }` (dropped).
    Empty,
    /// `target=”_blank”`: typographic quotes; kramdown ignores the entry.
    CurlyQuotes,
    /// `target=_blank`: kramdown ignores the entry.
    UnquotedValue,
    /// `target="_blank` or `target=_blank"`: kramdown ignores the entry.
    HalfQuoted,
    /// `target="_blank"rel="x"`: no space between entries; kramdown reads one value
    /// `_blank"rel="x` for the first key.
    GluedEntries,
    /// The value contains its own quote character (kramdown keeps it in the value).
    QuoteInValue,
    /// `target="a}b"`: the IAL ends at the first `}`, the rest is printed as text.
    BraceInValue,
    /// `target = "_blank"`: the key becomes a reference, the rest is ignored.
    SpaceAroundEquals,
    /// A bare name with no `{:name: …}` definition: kramdown ignores it.
    UnknownReference(String),
    /// The key appears again later; kramdown keeps the last value.
    DuplicateKey(String),
    /// Text kramdown's grammar does not match (`=x`, `"b"`, `::x`): ignored.
    IgnoredText,
}

impl Ial {
    /// The attributes kramdown sets from this IAL alone, in order (later keys win, classes
    /// accumulate, `class="…"` replaces earlier classes): `update_ial_with_ial`. References to
    /// attribute list definitions are not expanded.
    pub fn attributes(&self) -> Vec<(String, String)> {
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut set = |key: &str, value: String, append: bool| {
            if let Some(slot) = attrs.iter_mut().find(|(k, _)| k == key) {
                slot.1 = if append {
                    format!("{} {}", slot.1, value).trim_start().to_string()
                } else {
                    value
                };
            } else {
                attrs.push((key.to_string(), value));
            }
        };
        for entry in &self.entries {
            match &entry.kind {
                EntryKind::KeyValue { key, value, .. } => {
                    set(&key.value, value.value.clone(), false)
                }
                EntryKind::Class(name) => set("class", name.value.clone(), true),
                EntryKind::Id(name) => set("id", name.value.clone(), false),
                EntryKind::Reference(_) => {}
            }
        }
        attrs
    }

    /// What kramdown does with this IAL.
    pub fn effect(&self) -> Effect {
        if !self.recognized {
            return Effect::Literal;
        }
        match self.follows {
            Follows::Text | Follows::Start => Effect::Literal,
            _ if self.attributes().is_empty() => Effect::Dropped,
            Follows::Link => Effect::AppliedToLink,
            Follows::Element(_) => Effect::AppliedToElement,
            Follows::Block { .. } => Effect::AppliedToBlock,
        }
    }

    /// The value kramdown gives `key`, if this IAL sets it.
    pub fn get(&self, key: &str) -> Option<String> {
        self.attributes()
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

/// The entries of `raw`, kramdown's scan of the attribute text `structure`. `structure` is the
/// text the scanner reads (Liquid masked); values are cut from `original` (same length).
/// `to_file` maps a position in these strings to the file.
pub fn build_entries(
    raw: &RawList,
    structure: &str,
    original: &str,
    to_file: &dyn Fn(usize) -> usize,
) -> Vec<IalEntry> {
    let spanned = |r: std::ops::Range<usize>| Spanned {
        value: original[r.clone()].to_string(),
        span: to_file(r.start)..to_file(r.end),
    };
    let mut entries = Vec::with_capacity(raw.entries.len());
    for (span, entry) in &raw.entries {
        let file_span = to_file(span.start)..to_file(span.end);
        let glued = matches!(entry, RawEntry::Id(_) | RawEntry::Class(_));
        let parts = glued
            .then(|| split_id_or_class(structure, span.clone()))
            .into_iter()
            .flatten()
            .chain((!glued).then(|| entry.clone()));
        for part in parts {
            let kind = match part {
                RawEntry::KeyValue { key, value, quote } => {
                    let quote = quote as char;
                    let text = unescape_value(&original[value.clone()], quote);
                    let value = Spanned {
                        value: text,
                        span: to_file(value.start)..to_file(value.end),
                    };
                    EntryKind::KeyValue {
                        key: spanned(key),
                        value,
                        quote,
                    }
                }
                RawEntry::Reference(r) => EntryKind::Reference(spanned(r)),
                RawEntry::Id(r) => EntryKind::Id(spanned(r.start + 1..r.end)),
                RawEntry::Class(r) => EntryKind::Class(spanned(r.start + 1..r.end)),
            };
            entries.push(IalEntry {
                span: file_span.clone(),
                kind,
            });
        }
    }
    entries
}

/// Parses attribute-list text (what is between `{:` and `}`) on its own, spans relative to
/// `content`: the entries kramdown finds and the problems with them.
pub fn parse_attribute_list(content: &str) -> (Vec<IalEntry>, Vec<IalProblem>) {
    let identity = |p: usize| p;
    let raw = scan_attribute_list(content);
    let entries = build_entries(&raw, content, content, &identity);
    let problems = find_problems(content, 0..content.len(), &raw, &entries, &identity);
    (entries, problems)
}
