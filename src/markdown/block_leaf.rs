//! Leaf blocks: code blocks, headers, math, tables, definitions and block extensions.

use super::block_line::Line;
use super::blocks::{BlockParser, Prev, Tree};
use super::chars::is_space_byte;
use super::model::{BlockKind, SkippedKind};
use super::text::VLine;

impl BlockParser<'_> {
    /// `CODEBLOCK_MATCH`: indented lines, the non-blank lines right after them (kramdown's
    /// lazy lines, even unindented ones), and more of both after blank lines.
    pub fn code_block_end(&self, lines: &[VLine], i: usize) -> usize {
        let mut end = i;
        loop {
            let mut k = end;
            while k > i && k < lines.len() && self.line(lines[k]).is_blank() {
                k += 1;
            }
            if k >= lines.len() || !self.line(lines[k]).indented() || self.line(lines[k]).is_blank()
            {
                return end;
            }
            while k < lines.len()
                && self.line(lines[k]).indented()
                && !self.line(lines[k]).is_blank()
            {
                k += 1;
            }
            while k < lines.len() {
                let l = self.line(lines[k]);
                if l.is_blank() || l.block_ial().is_some() || l.eob_marker() || l.html_lazy_end() {
                    break;
                }
                k += 1;
            }
            end = k;
        }
    }

    /// GFM's `FENCED_CODEBLOCK_MATCH`: the end (exclusive line index) of a fenced block that
    /// has its closing fence; `None` otherwise (an unclosed fence is text in kramdown).
    pub fn fenced_code_end(&self, lines: &[VLine], i: usize) -> Option<usize> {
        let l = self.line(lines[i]);
        if !l.fence_start() {
            return None;
        }
        let rest = l.rest(l.opt_space());
        let fence_len = rest.iter().take_while(|c| matches!(c, b'~' | b'`')).count();
        let fence = &rest[..fence_len];
        let last = fence[fence_len - 1];
        // `\s*?((\S+?)(?:\?\S*)?)?\s*?\n`: at most one word after the fence.
        let info = std::str::from_utf8(&rest[fence_len..])
            .unwrap_or("")
            .trim_matches(|c: char| c.is_ascii_whitespace());
        if info.bytes().any(is_space_byte) {
            return None;
        }
        (i + 1..lines.len())
            .find(|&k| {
                let c = self.line(lines[k]);
                let r = c.rest(c.opt_space());
                c.spaces() <= 3
                    && r.starts_with(fence)
                    && r[fence_len..]
                        .iter()
                        .skip_while(|&&x| x == last)
                        .all(|&x| is_space_byte(x))
            })
            .map(|k| k + 1)
    }

    /// The content of an ATX header (`parse_header_contents`): trailing `#`s and a
    /// `{#id}` removed.
    pub fn atx_header(&self, l: Line, hashes: usize) -> Option<VLine> {
        let mut start = hashes;
        while matches!(l.at(start), Some(b' ' | b'\t')) {
            start += 1;
        }
        let from = l.from(start);
        let text = &self.src[from.start..from.end];
        let mut end = text.trim_end().len();
        // `ends_with` first: most headers have no `}` to look back from.
        if text[..end].ends_with('}')
            && let Some(open) = text[..end].rfind("{#").filter(|&o| o > 0)
            && matches!(text.as_bytes()[open - 1], b' ' | b'\t')
        {
            end = text[..open].trim_end().len();
        }
        let trimmed = &text[..end];
        let hashes_at = trimmed.trim_end_matches('#').len();
        if hashes_at < trimmed.len()
            && hashes_at > 0
            && matches!(trimmed.as_bytes()[hashes_at - 1], b' ' | b'\t')
        {
            end = trimmed[..hashes_at].trim_end().len();
        }
        (end > 0).then_some(VLine {
            pad: 0,
            start: from.start,
            end: from.start + end,
        })
    }

    /// Setext headers, math, tables, definitions, block extensions and `^`.
    pub fn leaf_block(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> Option<usize> {
        let l = self.line(lines[i]);
        let rest = l.rest(l.opt_space());
        // Most of these parsers need a particular first byte: check it here rather than
        // calling each one.
        let first = rest.first().copied();
        if let Some(end) = self.setext_header(lines, i, tree) {
            return Some(end);
        }
        if tree.after_boundary() {
            if first == Some(b'$')
                && let Some(end) = self.block_math_end(lines, i)
            {
                self.skip(SkippedKind::Math, lines[i].start..lines[end - 1].end);
                self.set_block(tree, BlockKind::Math, None);
                return Some(end);
            }
            if let Some(end) = self.table(lines, i, tree) {
                return Some(end);
            }
        }
        if first == Some(b'[') {
            if let Some(end) = self.footnote_definition(lines, i) {
                tree.prev = Prev::Def(None);
                return Some(end);
            }
            if let Some((def, end)) = self.link_definition(lines, i) {
                self.out.defs.push(def);
                tree.prev = Prev::Def(Some(self.out.defs.len() - 1));
                return Some(end);
            }
        }
        if rest.starts_with(b"*[") && rest.windows(2).any(|w| w == b"]:") {
            tree.prev = Prev::Def(None);
            return Some(i + 1);
        }
        if first == Some(b'{')
            && let Some(end) = self.block_extension(lines, i, tree)
        {
            return Some(end);
        }
        if l.eob_marker() {
            tree.prev = Prev::Eob;
            return Some(i + 1);
        }
        None
    }

    /// `SETEXT_HEADER_START` after a block boundary: the line after the header.
    pub fn setext_header(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> Option<usize> {
        let l = self.line(lines[i]);
        if !tree.after_boundary()
            || i + 1 >= lines.len()
            || !self.setext_underline(lines[i + 1])
            || matches!(l.at(l.opt_space()), Some(b' ' | b'\t'))
        {
            return None;
        }
        let from = l.from(l.opt_space());
        let text = self.src[from.start..from.end].trim_end();
        if text.is_empty() {
            return None;
        }
        let ctx = self.push_context(&[VLine {
            pad: 0,
            start: from.start,
            end: from.start + text.len(),
        }]);
        self.set_block(tree, BlockKind::Header, Some(ctx));
        Some(i + 2)
    }

    /// The second line of `SETEXT_HEADER_START`: `[-=][-=]*[ \t\r\f\v]*`.
    fn setext_underline(&self, v: VLine) -> bool {
        let l = self.line(v);
        matches!(l.at(0), Some(b'-' | b'=')) && {
            let r = l.rest(0);
            let marks = r.iter().take_while(|c| matches!(c, b'-' | b'=')).count();
            r[marks..]
                .iter()
                .all(|c| matches!(c, b' ' | b'\t' | b'\r' | 0x0c | 0x0b))
        }
    }

    /// `BLOCK_MATH_START = /^ {0,3}(\\)?\$\$(.*?)\$\$(\s*?\n)?/m` followed by a block
    /// boundary.
    fn block_math_end(&self, lines: &[VLine], i: usize) -> Option<usize> {
        let l = self.line(lines[i]);
        let start = l.file(l.opt_space());
        if !self.src[start..].starts_with("$$") {
            return None;
        }
        let close = self.src[start + 2..].find("$$")? + start + 2;
        let k = (i..lines.len()).find(|&k| lines[k].end >= close + 2)?;
        let after_ok = self.src[close + 2..lines[k].end].trim().is_empty();
        let boundary = k + 1 >= lines.len() || {
            let next = self.line(lines[k + 1]);
            next.is_blank() || next.eob_marker() || next.block_ial().is_some()
        };
        (after_ok && boundary).then_some(k + 1)
    }

    /// `FOOTNOTE_DEFINITION_START`: the definition's text is parsed as blocks.
    fn footnote_definition(&mut self, lines: &[VLine], i: usize) -> Option<usize> {
        let l = self.line(lines[i]);
        let at = l.opt_space();
        let rest = l.rest(at);
        if !rest.starts_with(b"[^") {
            return None;
        }
        let name = super::chars::ald_id_name_len(rest, 2);
        if name == 0 || !rest[2 + name..].starts_with(b"]:") {
            return None;
        }
        self.out
            .footnotes
            .insert(String::from_utf8_lossy(&rest[2..2 + name]).into_owned());
        let first = l.from(at + 4 + name);
        let end = if i + 1 < lines.len() && self.line(lines[i + 1]).indented() {
            self.code_block_end(lines, i + 1)
        } else {
            i + 1
        };
        let mut body = vec![first];
        body.extend(lines[i + 1..end].iter().map(|&v| self.unindent(v)));
        self.parse_blocks(&mut body, &mut Tree::new());
        Some(end)
    }

    /// Removes one `INDENT` (a tab or four spaces).
    pub fn unindent(&self, v: VLine) -> VLine {
        let l = self.line(v);
        if l.at(0) == Some(b'\t') && v.pad == 0 {
            l.from(1)
        } else if l.spaces() >= 4 {
            l.from(4)
        } else {
            v
        }
    }
}
