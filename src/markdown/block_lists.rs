//! Containers: lists, definition lists (`parser/kramdown/list.rb`) and block quotes
//! (`blockquote.rb`). Their lines are collected with kramdown's rules, the prefixes cut off,
//! and the content parsed as blocks again.

use super::block_line::Line;
use super::blocks::{BlockIal, BlockParser, Prev, Tree};
use super::model::BlockKind;
use super::text::VLine;

/// The content lines of a list's items, in chunks kramdown parses separately. Lines are
/// only ever added to the last chunk of the last item, so all of them share one buffer.
pub struct Items {
    lines: Vec<VLine>,
    /// Per chunk: its item and where its lines start (they end where the next chunk starts).
    chunks: Vec<(usize, usize)>,
    count: usize,
}

impl Items {
    /// Room for a typical list, so that the first list of a post rarely grows its buffers.
    fn new() -> Items {
        Items {
            lines: Vec::with_capacity(32),
            chunks: Vec::with_capacity(16),
            count: 0,
        }
    }

    fn new_item(&mut self, first: VLine) {
        self.count += 1;
        self.new_chunk();
        self.lines.push(first);
    }

    fn new_chunk(&mut self) {
        self.chunks.push((self.count - 1, self.lines.len()));
    }

    fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn clear(&mut self) {
        self.lines.clear();
        self.chunks.clear();
        self.count = 0;
    }
}

impl BlockParser<'_> {
    /// `parse_blockquote`: lines up to `LAZY_END`, `^ {0,3}> ?` removed from each.
    pub fn blockquote(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> usize {
        let mut end = i + 1;
        while end < lines.len() && !self.lazy_end(lines[end]) {
            end += 1;
        }
        let mut inner: Vec<VLine> = lines[i..end]
            .iter()
            .map(|&v| {
                let l = self.line(v);
                let at = l.opt_space();
                if l.at(at) != Some(b'>') {
                    return v;
                }
                let skip = if l.at(at + 1) == Some(b' ') {
                    at + 2
                } else {
                    at + 1
                };
                l.from(skip)
            })
            .collect();
        self.set_block(tree, BlockKind::Blockquote, None);
        self.parse_blocks(&mut inner, &mut Tree::new());
        end
    }

    /// Definition lists may only follow a paragraph (possibly after one blank line).
    pub fn definition_allowed(&self, tree: &Tree) -> bool {
        matches!(tree.prev, Prev::Block(BlockKind::Paragraph, _))
    }

    /// `parse_list` (and `parse_definition_list` for `:` items).
    pub fn list(&mut self, lines: &[VLine], i: usize, tree: &mut Tree, definition: bool) -> usize {
        let ordered = !definition && self.line(lines[i]).list_marker(3).is_some_and(|(_, ol)| ol);
        let mut items = self.spare_items.pop().unwrap_or_else(Items::new);
        let mut indentation = 0;
        let mut max_marker_spaces = 3;
        let mut nested = false;
        let mut last_blank = false;
        let mut eob_found = false;
        let mut j = i;
        while j < lines.len() {
            let l = self.line(lines[j]);
            let marker = if definition {
                l.definition_marker()
            } else {
                l.list_marker(max_marker_spaces)
                    .filter(|&(_, ol)| ol == ordered)
                    .map(|(len, _)| len)
            };
            if last_blank && l.horizontal_rule() {
                break;
            } else if l.eob_marker() {
                eob_found = true;
                j += 1;
                break;
            } else if let Some(marker_len) = marker {
                let (first, ind) = self.first_item_line(l, marker_len);
                indentation = ind;
                max_marker_spaces = indentation.saturating_sub(1).min(3);
                nested = self.line(first).list_marker(3).is_some();
                last_blank = false;
                items.new_item(first);
            } else if !items.is_empty()
                && (self.content_line(l, indentation)
                    || (!last_blank && self.lazy_line(l, indentation)))
            {
                let (v, found) = dedent(l, indentation);
                let starts_list = self.line(v).list_marker(3).is_some();
                let v = if !nested && found && starts_list {
                    items.new_chunk();
                    nested = true;
                    v
                } else if nested && !found && starts_list {
                    VLine {
                        pad: v.pad + indentation + 4,
                        ..v
                    }
                } else {
                    v
                };
                items.lines.push(v);
                last_blank = false;
            } else if l.is_blank() && !items.is_empty() {
                nested = true;
                last_blank = true;
                items.lines.push(lines[j]);
            } else {
                break;
            }
            j += 1;
        }
        let kind = if definition {
            BlockKind::Other
        } else {
            BlockKind::List
        };
        self.set_block(tree, kind, None);
        let mut item_tree = Tree::new();
        for (k, &(item, start)) in items.chunks.iter().enumerate() {
            if k > 0 && items.chunks[k - 1].0 != item {
                item_tree = Tree::new();
            }
            let end = items.chunks.get(k + 1).map_or(items.lines.len(), |c| c.1);
            self.parse_blocks(&mut items.lines[start..end], &mut item_tree);
        }
        items.clear();
        self.spare_items.push(items);
        // kramdown moves a blank line that ends the last item out of the list, into the
        // parent: a block IAL after it then applies to the next block, not to the list.
        tree.prev = if last_blank && !eob_found {
            Prev::Blank
        } else {
            Prev::Block(kind, None)
        };
        j.max(i + 1)
    }

    /// `parse_first_list_line`: the item's first content line and its indentation. A leading
    /// `{:…}` (`LIST_ITEM_IAL`) is an IAL of the list item.
    fn first_item_line(&mut self, l: Line, marker_len: usize) -> (VLine, usize) {
        let after = l.from(marker_len);
        let rest = self.line(after);
        let text = rest.text();
        // Nearly every item starts with a visible ASCII byte: then it is neither blank nor an
        // IAL, and trimming (which knows Unicode spaces) is not needed to tell.
        let visible = text
            .bytes()
            .find(|&c| c != b' ' && c != b'\t')
            .is_some_and(|c| c.is_ascii_graphic() && c != b'{');
        let blank_or_ial = !visible
            && (text.trim().is_empty()
                || (text.trim_start().starts_with("{:")
                    && text.trim_end().ends_with('}')
                    && !text.contains("}{")));
        let mut columns = 0;
        for c in rest
            .rest(0)
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
        {
            columns += if *c == b'\t' {
                4 - (marker_len + columns) % 4
            } else {
                1
            };
        }
        let indentation = if blank_or_ial {
            4
        } else {
            marker_len + columns + after.pad
        };
        let ws = rest
            .rest(0)
            .iter()
            .take_while(|c| super::chars::is_space_byte(**c))
            .count();
        let mut first = VLine {
            pad: 0,
            start: after.start + ws,
            end: after.end,
        };
        let content = &self.src[first.start..first.end];
        if content.starts_with("{:")
            && !content[2..].starts_with(':')
            && !content[2..].starts_with('/')
            && let Some(close) = content.find('}').filter(|&c| c > 2)
        {
            let start = first.start;
            self.out.ials.push(BlockIal {
                span: start..start + close + 1,
                content: start + 2..start + close,
                target: BlockKind::ListItem,
                next: false,
                context: None,
                ref_def: None,
            });
            let skip = content[close + 1..].len() - content[close + 1..].trim_start().len();
            first.start += close + 1 + skip;
        }
        (first, indentation)
    }

    /// The item's `content_re`: indented by `indentation` columns (tabs count four) and not
    /// blank.
    fn content_line(&self, l: Line, indentation: usize) -> bool {
        if l.is_blank() {
            return false;
        }
        let mut col = 0;
        let mut k = 0;
        while col < indentation {
            match l.at(k) {
                Some(b'\t') if col % 4 == 0 => col += 4,
                Some(b' ') => col += 1,
                _ => return false,
            }
            k += 1;
        }
        true
    }

    /// The item's `lazy_re`: any non-blank line that does not start a block IAL or HTML block.
    fn lazy_line(&self, l: Line, _indentation: usize) -> bool {
        !l.is_blank() && l.block_ial().is_none() && !l.html_lazy_end()
    }
}

/// Leading tabs become four spaces each, then `indentation` spaces are removed if present.
fn dedent(l: Line, indentation: usize) -> (VLine, bool) {
    let tabs = if l.v.pad == 0 {
        l.s.iter().take_while(|&&c| c == b'\t').count()
    } else {
        0
    };
    let pad = l.v.pad + 4 * tabs;
    let spaces = l.s[tabs..].iter().take_while(|&&c| c == b' ').count();
    let v = VLine {
        pad,
        start: l.v.start + tabs,
        end: l.v.end,
    };
    if pad + spaces < indentation {
        return (v, false);
    }
    let from_pad = indentation.min(pad);
    let from_text = indentation - from_pad;
    (
        VLine {
            pad: pad - from_pad,
            start: v.start + from_text,
            end: v.end,
        },
        true,
    )
}
