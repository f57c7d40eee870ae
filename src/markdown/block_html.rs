//! HTML blocks (`parse_block_html` in `parser/kramdown/html.rb`): a line starting with a
//! comment or a tag of anything but a span element. Without `parse_block_html` (Jekyll's
//! default) the content is raw HTML up to the matching end tag, nested tags counted: Markdown
//! in it is not parsed, but `<a>` tags in it are real links. `markdown="1"` turns parsing on.

use super::blocks::{BlockParser, Tree};
use super::html_tag::{self, BLOCK_CONTENT, SPAN_CONTENT, SPAN_ELEMENTS, VOID_ELEMENTS};
use super::model::{BlockKind, SkippedKind};
use super::text::{NextFinder, VLine};

/// How the content of an element is parsed.
enum Model {
    Raw,
    Block,
    Span,
}

impl BlockParser<'_> {
    /// The HTML block at line `i`: where parsing resumes (a line index, and the rest of a
    /// line when the block ended in its middle).
    pub fn html_block(
        &mut self,
        lines: &[VLine],
        i: usize,
        tree: &mut Tree,
    ) -> Option<(usize, Option<VLine>)> {
        let l = self.line(lines[i]);
        if l.spaces() > 3 || l.at(l.opt_space()) != Some(b'<') {
            return None;
        }
        let at = l.file(l.opt_space());
        let src = self.src;
        if let Some(end) = html_tag::comment_at(src, at, &mut self.finder) {
            self.skip(SkippedKind::HtmlComment, at..end);
            self.set_block(tree, BlockKind::Html, None);
            return Some(self.resume(lines, i, end));
        }
        // A span element never starts a block, whatever its attributes: check the name
        // before reading the whole tag (lines starting with `<a href=…>` are common).
        let name_len = html_tag::uname_len(src, at + 1);
        let written = &src[at + 1..at + 1 + name_len];
        if name_len == 0 || is_one_of(SPAN_ELEMENTS, written) {
            return None;
        }
        let tag = html_tag::tag_at(src, at, &mut self.finder)?;
        // The name as written: every element list holds known (lower-case) names, so kramdown's
        // normalized name is in one exactly when the written name is, ignoring case.
        let name = &src[tag.name.clone()];
        let markdown = tag
            .attrs
            .iter()
            .find(|a| src[a.name.clone()].eq_ignore_ascii_case("markdown"))
            .and_then(|a| a.value.clone())
            .map(|v| &src[v]);
        let default = if is_one_of(BLOCK_CONTENT, name) {
            Model::Block
        } else if is_one_of(SPAN_CONTENT, name) {
            Model::Span
        } else {
            Model::Raw
        };
        let model = match markdown {
            Some("1") => default,
            Some("block") => Model::Block,
            Some("span") => Model::Span,
            _ => Model::Raw,
        };
        let mut raw = true;
        let end = if tag.self_closing || is_one_of(VOID_ELEMENTS, name) {
            tag.end
        } else if is_one_of(&["script", "style"], name) {
            raw = false;
            let close = find_close(src, tag.end, name);
            close.map_or(src.len(), |(_, e)| e)
        } else {
            match model {
                Model::Raw => raw_html_end(src, tag.end, name, &mut self.finder),
                Model::Span => match find_close(src, tag.end, name) {
                    Some((start, end)) => {
                        raw = false;
                        let inner = self.lines_in(lines, tag.end..start);
                        self.push_context(&inner);
                        end
                    }
                    None => raw_html_end(src, tag.end, name, &mut self.finder),
                },
                Model::Block => match find_close(src, tag.end, name) {
                    Some((start, end)) => {
                        raw = false;
                        let mut inner = self.lines_in(lines, tag.end..start);
                        self.parse_blocks(&mut inner, &mut Tree::new());
                        end
                    }
                    None => raw_html_end(src, tag.end, name, &mut self.finder),
                },
            }
        };
        if raw {
            self.out.raw_html.push(at..end);
        }
        self.set_block(tree, BlockKind::Html, None);
        Some(self.resume(lines, i, end))
    }

    /// Where to go on after a block ending at file position `pos` (`TRAILING_WHITESPACE`
    /// skipped): the line holding `pos`, or its rest.
    fn resume(&self, lines: &[VLine], i: usize, pos: usize) -> (usize, Option<VLine>) {
        for (k, v) in lines.iter().enumerate().skip(i) {
            if v.end >= pos {
                if pos <= v.start {
                    return (k, None);
                }
                if self.src[pos..v.end].trim().is_empty() {
                    return (k + 1, None);
                }
                return (
                    k,
                    Some(VLine {
                        pad: 0,
                        start: pos,
                        end: v.end,
                    }),
                );
            }
        }
        (lines.len(), None)
    }

    /// The parts of `lines` inside the file range `r`.
    fn lines_in(&self, lines: &[VLine], r: std::ops::Range<usize>) -> Vec<VLine> {
        lines
            .iter()
            .filter(|v| v.end >= r.start && v.start <= r.end)
            .map(|v| VLine {
                pad: if v.start >= r.start { v.pad } else { 0 },
                start: v.start.max(r.start),
                end: v.end.min(r.end),
            })
            .filter(|v| v.start <= v.end)
            .collect()
    }
}

/// The first `</name\s*>` at or after `from`: its start and end.
fn find_close(src: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(off) = src[at..].find("</") {
        let p = at + off;
        if let Some((n, end)) = html_tag::close_tag_at(src, p)
            && src[n].eq_ignore_ascii_case(name)
        {
            return Some((p, end));
        }
        at = p + 2;
    }
    None
}

/// `parse_raw_html` from `from` inside element `name`: nested start tags need their own end
/// tags, stray end tags are text, and an element never closed runs to the end.
fn raw_html_end(src: &str, from: usize, name: &str, finder: &mut NextFinder) -> usize {
    // Names as written, compared by `same_element`; room for usual nesting without growing.
    let mut stack = Vec::with_capacity(8);
    stack.push(name);
    let mut p = from;
    while let Some(off) = memchr::memchr(b'<', &src.as_bytes()[p..]) {
        let at = p + off;
        if let Some(end) = html_tag::comment_at(src, at, finder) {
            p = end;
        } else if let Some((n, end)) = html_tag::close_tag_at(src, at) {
            if stack.last().is_some_and(|top| same_element(top, &src[n])) {
                stack.pop();
                if stack.is_empty() {
                    return end;
                }
            }
            p = end;
        } else if let Some(tag) = html_tag::tag_at(src, at, finder) {
            let inner = &src[tag.name.clone()];
            if is_one_of(&["script", "style"], inner) {
                p = find_close(src, tag.end, inner).map_or(src.len(), |(_, e)| e);
            } else {
                if !tag.self_closing && !is_one_of(VOID_ELEMENTS, inner) {
                    stack.push(inner);
                }
                p = tag.end;
            }
        } else {
            p = at + 1;
        }
    }
    src.len()
}

/// Whether `name` (as written) is in `list` (of lower-case known element names) once
/// normalized: then it is in it ignoring ASCII case.
fn is_one_of(list: &[&str], name: &str) -> bool {
    list.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// Whether two tag names normalize to the same name. Normalizing changes ASCII case only,
/// so names that differ otherwise never do: that test comes first and nearly always settles
/// it without allocating.
fn same_element(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        && (a == b || html_tag::normalized_name(a) == html_tag::normalized_name(b))
}
