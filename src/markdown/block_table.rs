//! Tables (`parser/kramdown/table.rb`): consecutive lines with an unescaped `|`, after a
//! block boundary and before one. Each cell is its own span context; cells are split at `|`
//! outside code spans, and `\|` stands for a literal `|`.

use super::blocks::{BlockParser, Tree};
use super::model::BlockKind;
use super::text::VLine;

impl BlockParser<'_> {
    /// The table starting at line `i`, if kramdown would make one.
    pub fn table(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> Option<usize> {
        let mut end = i;
        while end < lines.len() && self.table_line(lines[end]) {
            end += 1;
        }
        if end == i {
            return None;
        }
        let boundary = end >= lines.len() || {
            let next = self.line(lines[end]);
            next.is_blank() || next.eob_marker() || next.block_ial().is_some()
        };
        let separators: Vec<usize> = (i..end)
            .filter(|&k| self.separator_line(lines[k]))
            .collect();
        // A header row and its separator alone make no body: "table without body".
        let body = match separators.as_slice() {
            [only] => *only == i || *only + 1 < end,
            _ => true,
        };
        if !boundary || !body || separators.len() == end - i {
            return None;
        }
        let first = self.out.contexts.len();
        for (k, &line) in lines.iter().enumerate().take(end).skip(i) {
            if !separators.contains(&k) {
                self.split_cells(line);
            }
        }
        let last = (self.out.contexts.len() > first).then(|| self.out.contexts.len() - 1);
        self.set_block(tree, BlockKind::Table, last);
        Some(end)
    }

    /// `TABLE_LINE = /(?:\||.*?[^\\\n]\|).*?\n/` after `OPT_SPACE(?=\S)`.
    fn table_line(&self, v: VLine) -> bool {
        let l = self.line(v);
        let rest = l.rest(l.opt_space());
        !l.is_blank()
            && !matches!(rest.first(), Some(b' ' | b'\t'))
            && (rest.first() == Some(&b'|')
                || memchr::memchr_iter(b'|', rest).any(|i| i > 0 && rest[i - 1] != b'\\'))
    }

    /// `TABLE_SEP_LINE` or `TABLE_FSEP_LINE`.
    fn separator_line(&self, v: VLine) -> bool {
        let rest = self.line(v).rest(0);
        let only = |allowed: &[u8], needed: u8| {
            rest.iter().all(|c| allowed.contains(c)) && rest.contains(&needed)
        };
        only(b"+|: \t-", b'-') || only(b"+|: \t=", b'=')
    }

    /// Splits a row into cell contexts.
    fn split_cells(&mut self, v: VLine) {
        let b = self.src.as_bytes();
        let pipes = memchr::memchr_iter(b'|', &b[v.start..v.end]).count();
        let mut cells: Vec<(usize, usize, Vec<usize>)> = Vec::with_capacity(pipes + 1);
        let mut cell_start = v.start;
        let mut drop = Vec::new();
        let mut p = v.start;
        // Only `` ` ``, `\` and `|` matter; jump from one to the next.
        while p < v.end
            && let Some(off) = memchr::memchr3(b'`', b'\\', b'|', &b[p..v.end])
        {
            p += off;
            match b[p] {
                b'`' => {
                    let run = b[p..v.end].iter().take_while(|&&c| c == b'`').count();
                    let needle = vec![b'`'; run];
                    let close = (p + run..v.end).find(|&k| b[k..v.end].starts_with(&needle));
                    p = close.map_or(p + run, |c| c + run);
                }
                b'\\' if b.get(p + 1) == Some(&b'|') => {
                    drop.push(p);
                    p += 2;
                }
                b'|' => {
                    cells.push((cell_start, p, std::mem::take(&mut drop)));
                    cell_start = p + 1;
                    p += 1;
                }
                _ => p += 1,
            }
        }
        cells.push((cell_start, v.end, drop));
        let leading_pipe = self.src[v.start..v.end].trim_start().starts_with('|');
        let blank = |c: &(usize, usize, Vec<usize>)| self.src[c.0..c.1].trim().is_empty();
        if leading_pipe && cells.first().is_some_and(blank) {
            cells.remove(0);
        }
        if cells.last().is_some_and(blank) {
            cells.pop();
        }
        for (start, end, drop) in cells {
            self.push_context_dropping(&[VLine { pad: 0, start, end }], drop);
        }
    }
}
