//! Block extensions (`parse_block_extensions` in `parser/kramdown/extensions.rb`):
//! attribute list definitions `{:name: …}`, `{::comment}`/`{::nomarkdown}` blocks and block
//! IALs, which go to the block before them or, after a blank line, to the next one.

use super::blocks::{BlockIal, BlockParser, Prev, Tree};
use super::model::{BlockKind, SkippedKind};
use super::text::VLine;

impl BlockParser<'_> {
    /// `ALD_START`, `EXT_BLOCK_START` and `IAL_BLOCK_START`.
    pub fn block_extension(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> Option<usize> {
        let l = self.line(lines[i]);
        let at = l.file(l.opt_space());
        let rest = &self.src[at..lines[i].end];
        if !rest.starts_with("{:") {
            return None;
        }
        let name = super::chars::ald_id_name_len(rest.as_bytes(), 2);
        if name > 0
            && rest[2 + name..].starts_with(':')
            && rest.trim_end().ends_with('}')
            && rest.len() > name + 4
        {
            self.out.alds.insert(rest[2..2 + name].to_string());
            tree.prev = Prev::Marker;
            return Some(i + 1);
        }
        if let Some(after) = rest.strip_prefix("{::") {
            return self.block_extension_tag(lines, i, after, tree);
        }
        let (content_start, close) = l.block_ial()?;
        let ial = BlockIal {
            span: at..close + 1,
            content: content_start..close,
            target: BlockKind::Other,
            next: false,
            context: None,
            ref_def: None,
        };
        self.out.ials.push(ial);
        let index = self.out.ials.len() - 1;
        match tree.prev {
            Prev::Nothing | Prev::Blank | Prev::Eob | Prev::Marker => {
                self.out.ials[index].next = true;
                tree.pending.push(index);
            }
            Prev::Def(def) => {
                self.out.ials[index].target = BlockKind::LinkDefinition;
                self.out.ials[index].ref_def = def;
            }
            Prev::Block(kind, context) => {
                self.out.ials[index].target = kind;
                self.out.ials[index].context = context;
                let next_is_ial = lines
                    .get(i + 1)
                    .is_some_and(|&n| self.line(n).block_ial().is_some());
                if !next_is_ial {
                    tree.prev = Prev::Marker;
                }
            }
        }
        Some(i + 1)
    }

    /// `{::comment}`, `{::nomarkdown}`, `{::options …/}` on their own lines.
    pub fn block_extension_tag(
        &mut self,
        lines: &[VLine],
        i: usize,
        after: &str,
        tree: &mut Tree,
    ) -> Option<usize> {
        let name_len = after
            .bytes()
            .take_while(|c| super::chars::is_word_byte(*c))
            .count();
        let name = &after[..name_len];
        let tag = after.trim_end();
        if name_len == 0 || !tag.ends_with('}') {
            return None;
        }
        if tag.ends_with("/}") {
            tree.prev = Prev::Marker;
            return (name == "options").then_some(i + 1);
        }
        let stop = (i + 1..lines.len()).find(|&k| {
            let l = self.line(lines[k]);
            let r = std::str::from_utf8(l.rest(l.opt_space()))
                .unwrap_or("")
                .trim_end();
            r == "{:/}"
                || (r.starts_with("{:/")
                    && &r[3..r.len().saturating_sub(1)] == name
                    && r.ends_with('}'))
        })?;
        let span = lines[i].start..lines[stop].end;
        match name {
            "comment" => self.skip(SkippedKind::Extension, span),
            "nomarkdown" => {
                self.out.raw_html.push(span.clone());
                self.skip(SkippedKind::Extension, span);
            }
            _ => return None,
        }
        tree.prev = Prev::Marker;
        Some(stop + 1)
    }
}
