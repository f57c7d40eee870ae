//! Builds the spanned tree from `saphyr-parser`'s pull events.
//!
//! The parser reports positions as *character* indices into the YAML it was given; the tree
//! stores *byte* offsets into the file, so every position goes through [`CharOffsets`].

use std::borrow::Cow;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle as SaphyrStyle, ScanError, Span, Tag};

use super::error::{YamlError, YamlErrorKind};
use super::repair::Repaired;
use super::{Entry, Node, ResolvedCache, Scalar, ScalarStyle, Value};

/// Deeper nesting than this is refused: no front matter needs it, and dropping a very deep tree
/// would otherwise recurse once per level.
pub const MAX_DEPTH: usize = 128;

/// How many Psych-compatibility repairs one front matter may need before we give up.
const MAX_REPAIRS: usize = 64;

/// Parse the YAML in `file[range]` (a front matter block, from its opening `---`). Returns the
/// document's root node, `None` for an empty document.
pub fn parse(file: &str, range: Range<usize>) -> Result<Option<Node>, YamlError> {
    let yaml = &file[range.clone()];
    let mut repaired = Repaired::new(yaml);
    for _ in 0..=MAX_REPAIRS {
        let offsets = CharOffsets::new(&repaired, range.start);
        match build(repaired.text(), &offsets) {
            Ok(root) => return Ok(root),
            Err(Failure::Scan(error)) => {
                let at = offsets.parsed_byte(error.marker().index());
                let described = YamlError::from_scan(&error, yaml, &offsets);
                drop(offsets);
                if !repaired.repair(at, error.info()) {
                    return Err(described);
                }
            }
            Err(other) => return Err(other.into_error(yaml, &offsets)),
        }
    }
    let offsets = CharOffsets::new(&repaired, range.start);
    build(repaired.text(), &offsets).map_err(|failure| failure.into_error(yaml, &offsets))
}

enum Failure {
    Scan(ScanError),
    /// Nesting beyond `MAX_DEPTH`, at this byte offset in the file.
    TooDeep(usize),
    /// `: value` with no key, at this byte offset in the file: saphyr reads an empty key,
    /// Psych stops with an error.
    MissingKey(usize),
}

impl Failure {
    fn into_error(self, yaml: &str, offsets: &CharOffsets) -> YamlError {
        match self {
            Failure::TooDeep(at) => YamlError::new(at, YamlErrorKind::TooDeep, "nesting too deep"),
            Failure::MissingKey(at) => {
                YamlError::new(at, YamlErrorKind::MissingKey, "a value has no key")
            }
            Failure::Scan(error) => YamlError::from_scan(&error, yaml, offsets),
        }
    }
}

enum Frame {
    Sequence {
        start: usize,
        tag: Option<String>,
        items: Vec<Node>,
    },
    Mapping {
        start: usize,
        tag: Option<String>,
        entries: Vec<Entry>,
        key: Option<Node>,
    },
}

fn build(yaml: &str, offsets: &CharOffsets) -> Result<Option<Node>, Failure> {
    let mut parser = Parser::new_from_str(yaml);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(Failure::Scan)?;
        let is_sequence = matches!(event, Event::SequenceStart(..));
        let node = match event {
            Event::Scalar(text, style, _anchor, tag) => {
                let span = scalar_span(yaml, offsets, span, style);
                Node {
                    span,
                    value: Value::Scalar(Scalar {
                        text: text.into_owned(),
                        style: style_of(style),
                    }),
                    tag: tag_text(tag),
                    resolved: ResolvedCache::default(),
                }
            }
            Event::Alias(_) => Node {
                span: offsets.range(span),
                value: Value::Alias,
                tag: None,
                resolved: ResolvedCache::default(),
            },
            Event::SequenceStart(_, tag) | Event::MappingStart(_, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Failure::TooDeep(offsets.byte(span.start.index())));
                }
                let start = offsets.byte(span.start.index());
                let tag = tag_text(tag);
                stack.push(if is_sequence {
                    Frame::Sequence {
                        start,
                        tag,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Mapping {
                        start,
                        tag,
                        entries: Vec::new(),
                        key: None,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end_of_event = offsets.byte(span.end.index());
                match stack.pop() {
                    Some(Frame::Sequence { start, tag, items }) => {
                        let end =
                            collection_end(span, end_of_event, items.last().map(|n| n.span.end));
                        Node {
                            span: start..end.max(start),
                            value: Value::Sequence(items),
                            tag,
                            resolved: ResolvedCache::default(),
                        }
                    }
                    Some(Frame::Mapping {
                        start,
                        tag,
                        entries,
                        ..
                    }) => {
                        let end = collection_end(
                            span,
                            end_of_event,
                            entries.last().map(|e| e.value.span.end),
                        );
                        Node {
                            span: start..end.max(start),
                            value: Value::Mapping(entries),
                            tag,
                            resolved: ResolvedCache::default(),
                        }
                    }
                    None => continue,
                }
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => continue,
        };
        if is_missing_key(&stack, &node, yaml, offsets) {
            return Err(Failure::MissingKey(node.span.start));
        }
        attach(&mut stack, &mut root, node);
    }
    // An empty document is one empty plain scalar to saphyr and `nil` to Psych.
    let empty = root.as_ref().is_some_and(|node| {
        node.tag.is_none()
            && matches!(&node.value, Value::Scalar(s) if s.text.is_empty() && s.style == ScalarStyle::Plain)
    });
    Ok(if empty { None } else { root })
}

/// Where a collection ends: at its closing `]`/`}` for flow style (the end event has a width),
/// else at its last child (a block collection's end event sits on the next line).
fn collection_end(end_event: Span, end_of_event: usize, last_child_end: Option<usize>) -> usize {
    if end_event.start.index() < end_event.end.index() {
        end_of_event
    } else {
        last_child_end.unwrap_or(end_of_event)
    }
}

/// Is `node` about to become the key of a mapping entry although it is empty and written as
/// nothing but the `:` (`: value`)? Explicit `? ` keys are allowed to be empty.
fn is_missing_key(stack: &[Frame], node: &Node, yaml: &str, offsets: &CharOffsets) -> bool {
    let Some(Frame::Mapping { key: None, .. }) = stack.last() else {
        return false;
    };
    let empty = matches!(&node.value, Value::Scalar(s) if s.text.is_empty() && s.style == ScalarStyle::Plain);
    let at = node.span.start - offsets.base();
    empty && node.tag.is_none() && node.span.is_empty() && yaml.as_bytes().get(at) == Some(&b':')
}

/// Put a finished node into its parent (or make it the root).
fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        Some(Frame::Sequence { items, .. }) => items.push(node),
        Some(Frame::Mapping { entries, key, .. }) => match key.take() {
            Some(key) => entries.push(Entry { key, value: node }),
            None => *key = Some(node),
        },
        None => {
            if root.is_none() {
                *root = Some(node);
            }
        }
    }
}

/// saphyr's scalar spans sometimes run over trailing blanks (`"x" ` after a quoted value);
/// trim them so a diagnostic underlines exactly the value.
fn scalar_span(yaml: &str, offsets: &CharOffsets, span: Span, style: SaphyrStyle) -> Range<usize> {
    let start = offsets.parsed_byte(span.start.index());
    let end = offsets.parsed_byte(span.end.index()).max(start);
    let text = &yaml[start..end];
    let trimmed = match style {
        SaphyrStyle::Literal | SaphyrStyle::Folded => text.trim_end_matches(['\n', '\r']),
        // End at the closing quote (the span may run on over blanks and a comment).
        SaphyrStyle::SingleQuoted | SaphyrStyle::DoubleQuoted => {
            let quote = text.as_bytes().first().copied().unwrap_or(b'"');
            super::repair::closing_quote(text.as_bytes(), 0, quote)
                .map_or(text, |close| &text[..=close])
        }
        _ => text.trim_end_matches([' ', '\t', '\r', '\n']),
    };
    let file_start = offsets.file_byte(start);
    file_start..offsets.file_byte(start + trimmed.len()).max(file_start)
}

fn style_of(style: SaphyrStyle) -> ScalarStyle {
    match style {
        SaphyrStyle::Plain => ScalarStyle::Plain,
        SaphyrStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        SaphyrStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        SaphyrStyle::Literal => ScalarStyle::Literal,
        SaphyrStyle::Folded => ScalarStyle::Folded,
    }
}

fn tag_text(tag: Option<Cow<'_, Tag>>) -> Option<String> {
    tag.map(|tag| match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        _ => tag.to_string(),
    })
}

/// Character index in the parsed text (what saphyr reports) → byte offset in the file,
/// through any repairs that inserted characters.
pub(super) struct CharOffsets<'a> {
    base: usize,
    repaired: &'a Repaired,
    /// Byte offset of each character of the parsed text; empty when it is ASCII.
    bytes_of_chars: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    pub(super) fn new(repaired: &'a Repaired, base: usize) -> Self {
        let text = repaired.text();
        let bytes_of_chars = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharOffsets {
            base,
            repaired,
            bytes_of_chars,
        }
    }

    /// Byte offset in the parsed (possibly repaired) text.
    pub(super) fn parsed_byte(&self, char_index: usize) -> usize {
        let len = self.repaired.text().len();
        if self.bytes_of_chars.is_empty() {
            char_index.min(len)
        } else {
            self.bytes_of_chars.get(char_index).copied().unwrap_or(len)
        }
    }

    /// A byte offset in the parsed text → byte offset in the file.
    pub(super) fn file_byte(&self, parsed_byte: usize) -> usize {
        self.base + self.repaired.original_offset(parsed_byte)
    }

    pub(super) fn byte(&self, char_index: usize) -> usize {
        self.file_byte(self.parsed_byte(char_index))
    }

    pub(super) fn base(&self) -> usize {
        self.base
    }

    fn range(&self, span: Span) -> Range<usize> {
        let start = self.byte(span.start.index());
        start..self.byte(span.end.index()).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        parse(text, 0..text.len()).unwrap().unwrap()
    }

    #[test]
    fn spans_are_bytes_in_the_file_with_non_ascii_text() {
        let file = "---\ntitle: \"Héllo 🦀\" \ntamil: தமிழ்\nafter: x\n";
        let node = root(file);
        let title = &node.get("title").unwrap().value;
        assert_eq!(&file[title.span.clone()], "\"Héllo 🦀\"");
        let after = node.get("after").unwrap();
        assert_eq!(&file[after.key.span.clone()], "after");
        assert_eq!(&file[after.value.span.clone()], "x");
        assert_eq!(&file[node.get("tamil").unwrap().value.span.clone()], "தமிழ்");
    }

    #[test]
    fn offsets_are_relative_to_the_file_not_the_block() {
        let file = "\u{feff}---\nk: v\n---\n";
        let node = parse(file, 3..file.len() - 4).unwrap().unwrap();
        assert_eq!(&file[node.get("k").unwrap().value.span.clone()], "v");
    }

    #[test]
    fn keeps_duplicate_keys_and_returns_the_last() {
        let node = root("---\ntitle: a\ntitle: b\n");
        assert_eq!(node.as_mapping().unwrap().len(), 2);
        let title = node.get("title").unwrap();
        assert_eq!(title.value.as_scalar().unwrap().text, "b");
    }

    #[test]
    fn collections_span_their_content() {
        let file = "---\ntags:\n  - a\n  - b\nmap: {x: 1}\n";
        let node = root(file);
        assert_eq!(
            &file[node.get("tags").unwrap().value.span.clone()],
            "- a\n  - b"
        );
        assert_eq!(&file[node.get("map").unwrap().value.span.clone()], "{x: 1}");
    }

    #[test]
    fn accepts_a_tab_after_the_colon_like_psych() {
        let file = "---\na:\tb\nc:\td\n";
        let node = root(file);
        assert_eq!(node.get("c").unwrap().value.as_scalar().unwrap().text, "d");
        assert_eq!(&file[node.get("c").unwrap().value.span.clone()], "d");
    }

    #[test]
    fn aliases_are_not_expanded() {
        let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..40 {
            bomb.push_str(&format!(
                "b{i}: &b{i} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
                p = if i == 1 {
                    "a".to_string()
                } else {
                    format!("b{}", i - 1)
                }
            ));
        }
        let node = root(&bomb);
        assert_eq!(node.as_mapping().unwrap().len(), 40);
    }

    #[test]
    fn refuses_absurd_nesting() {
        let deep = format!("---\na: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let error = parse(&deep, 0..deep.len()).unwrap_err();
        assert_eq!(error.kind, YamlErrorKind::TooDeep);
    }

    #[test]
    fn empty_document_has_no_root() {
        assert_eq!(parse("---\n", 0..4).unwrap(), None);
        assert_eq!(parse("---\n# comment\n", 0..14).unwrap(), None);
    }
}
