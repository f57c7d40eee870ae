//! A post as the rules see it: the source text, where its front matter is, and the parsed YAML.

use std::ops::Range;
use std::sync::OnceLock;

use crate::front_matter::{self, Split};
use crate::markdown::{self, Scan};
use crate::source::Source;
use crate::suppress::Suppressions;
use crate::yaml::{self, Node, YamlError};

/// Why a file's text is not exactly its bytes (or missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadProblem {
    /// The file could not be read at all; `text` is empty.
    Unreadable(String),
    /// A folder the walk could not list: none of its files were linted; `text` is empty.
    UnreadableFolder(String),
    /// Not valid UTF-8: `text` is a lossy decoding (or the UTF-16 decoding); `offset` is the
    /// first bad byte in the file.
    InvalidUtf8 { offset: usize, utf16: bool },
}

pub struct Post {
    pub source: Source,
    /// The path relative to the site root with `/` separators: what globs and Jekyll's path
    /// rules (`_posts/`, collections) look at.
    pub site_path: String,
    pub read_problem: Option<ReadProblem>,
    pub split: Split,
    /// The parsed front matter, when there is a front matter block: `Ok(None)` for an empty one.
    pub yaml: Option<Result<Option<Node>, YamlError>>,
    /// The body's links and attribute lists, scanned on first use and shared by every link rule.
    markdown: OnceLock<Scan>,
    /// The suppression comments, found on first use (by the engine and by FL904).
    suppressions: OnceLock<Suppressions>,
}

impl Post {
    pub fn new(source: Source, site_path: String, read_problem: Option<ReadProblem>) -> Post {
        let split = front_matter::split(&source.text);
        let yaml = match &split {
            Split::Present(block) => Some(yaml::parse(&source.text, block.yaml.clone())),
            _ => None,
        };
        Post {
            source,
            site_path,
            read_problem,
            split,
            yaml,
            markdown: OnceLock::new(),
            suppressions: OnceLock::new(),
        }
    }

    /// Build a post from raw bytes, decoding them as UTF-8 — lossily, with the problem noted,
    /// when they are not; a UTF-16 file (known by its byte order mark) is decoded as UTF-16 so
    /// that the other rules still see its real text.
    pub fn from_bytes(path: &str, site_path: String, bytes: Vec<u8>) -> Post {
        let (text, problem) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(error) => {
                let bytes = error.as_bytes();
                let offset = error.utf8_error().valid_up_to();
                match decode_utf16(bytes) {
                    Some(text) => (
                        text,
                        Some(ReadProblem::InvalidUtf8 {
                            offset,
                            utf16: true,
                        }),
                    ),
                    None => (
                        String::from_utf8_lossy(bytes).into_owned(),
                        Some(ReadProblem::InvalidUtf8 {
                            offset,
                            utf16: false,
                        }),
                    ),
                }
            }
        };
        Post::new(Source::new(path, text), site_path, problem)
    }

    /// A folder that could not be listed: no text, one problem.
    pub fn unreadable_folder(path: &str, site_path: String, reason: String) -> Post {
        Post::new(
            Source::new(path, String::new()),
            site_path,
            Some(ReadProblem::UnreadableFolder(reason)),
        )
    }

    /// A file that could not be read: no text, one problem.
    pub fn unreadable(path: &str, site_path: String, reason: String) -> Post {
        Post::new(
            Source::new(path, String::new()),
            site_path,
            Some(ReadProblem::Unreadable(reason)),
        )
    }

    pub fn is_readable(&self) -> bool {
        !matches!(
            self.read_problem,
            Some(ReadProblem::Unreadable(_) | ReadProblem::UnreadableFolder(_))
        )
    }

    /// The front matter's root node when it parsed (`None` when absent, empty or broken).
    pub fn front_matter(&self) -> Option<&Node> {
        self.yaml.as_ref()?.as_ref().ok()?.as_ref()
    }

    /// The front matter's root mapping entries (`None` unless it is a mapping).
    pub fn fields(&self) -> Option<&[yaml::Entry]> {
        self.front_matter()?.as_mapping()
    }

    /// The links, attribute lists and broken link syntax of the body, as kramdown reads them
    /// (scanned once, on first use). Empty for a file that could not be read.
    pub fn markdown(&self) -> &Scan {
        self.markdown.get_or_init(|| {
            if !self.is_readable() {
                return Scan::default();
            }
            let body = self.body();
            markdown::scan(&self.source.text[body.clone()], body.start)
        })
    }

    /// The `frontlint-disable…` comments of the file, as written (none used yet).
    pub fn suppressions(&self) -> &Suppressions {
        self.suppressions.get_or_init(|| Suppressions::parse(self))
    }

    /// The Markdown content after the front matter.
    pub fn body(&self) -> Range<usize> {
        match &self.split {
            Split::Present(block) => block.body_start..self.source.text.len(),
            _ => self.source.bom_len()..self.source.text.len(),
        }
    }
}

/// Decode a file that starts with a UTF-16 byte order mark (little or big endian).
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}
