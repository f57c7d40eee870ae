//! kramdown's block parser, re-enacted as far as it decides what is Markdown text: which
//! lines form a paragraph (a span context), which are code, raw HTML or skipped, and where
//! block IALs go. The parsers run in kramdown's order (`@block_parsers` in
//! `parser/kramdown.rb`, GFM's replacements from `kramdown-parser-gfm`):
//! blank_line, codeblock, codeblock_fenced (GFM), blockquote, atx_header (GFM), horizontal_rule,
//! list, definition_list, block_html, setext_header, block_math, table, footnote_definition,
//! link_definition, abbrev_definition, block_extensions, eob_marker, paragraph.

use super::block_line::Line;
use super::block_lists::Items;
use super::model::{BlockKind, Skipped, SkippedKind};
use super::text::{NextFinder, VLine, split_lines};
use std::collections::HashSet;
use std::ops::Range;

/// Text kramdown parses with its span parser.
#[derive(Debug, Clone)]
pub struct Context {
    /// Its lines: a range of [`Blocks::context_lines`] (one buffer for all contexts, since
    /// most have a line or two).
    pub lines: Range<usize>,
    /// Bytes left out of the text (the `\` of `\|` in table cells).
    pub drop: Vec<usize>,
}

/// A block IAL line `{:…}`.
#[derive(Debug, Clone)]
pub struct BlockIal {
    /// From `{` to `}` inclusive.
    pub span: Range<usize>,
    pub content: Range<usize>,
    pub target: BlockKind,
    /// Applies to the next block (after a blank line or at the start).
    pub next: bool,
    /// The context of the block it applies to, when that block is text.
    pub context: Option<usize>,
    /// The link definition it applies to.
    pub ref_def: Option<usize>,
}

/// A link definition, positions in the body.
#[derive(Debug, Clone)]
pub struct DefRaw {
    pub span: Range<usize>,
    pub id: Range<usize>,
    pub url: Range<usize>,
    pub title: Option<Range<usize>>,
}

/// What the block parser found.
#[derive(Debug, Default)]
pub struct Blocks {
    pub contexts: Vec<Context>,
    pub context_lines: Vec<VLine>,
    pub ials: Vec<BlockIal>,
    pub defs: Vec<DefRaw>,
    pub footnotes: HashSet<String>,
    pub alds: HashSet<String>,
    pub skipped: Vec<Skipped>,
    /// Raw HTML, searched for `<a>` tags only.
    pub raw_html: Vec<Range<usize>>,
    /// The contexts that are headers, in document order.
    pub headers: Vec<usize>,
}

/// The last child of the element being filled, as far as the block parsers look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prev {
    Nothing,
    Blank,
    /// `^` or a block IAL applied backwards.
    Eob,
    /// A link/abbreviation/footnote definition (block IALs after it go to it).
    Def(Option<usize>),
    /// An attribute list definition or an applied block IAL: neither a boundary nor a target.
    Marker,
    Block(BlockKind, Option<usize>),
}

/// The state of one `parse_blocks` call.
pub struct Tree {
    pub prev: Prev,
    /// Block IALs waiting for the next block (`@block_ial`).
    pub pending: Vec<usize>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree {
            prev: Prev::Nothing,
            pending: Vec::new(),
        }
    }

    /// `after_block_boundary?`
    pub fn after_boundary(&self) -> bool {
        matches!(self.prev, Prev::Nothing | Prev::Blank | Prev::Eob) || !self.pending.is_empty()
    }
}

pub struct BlockParser<'a> {
    pub src: &'a str,
    pub opaque: &'a [Range<usize>],
    pub out: Blocks,
    pub depth: usize,
    /// The item buffers of finished lists, for the next ones (one per nesting level).
    pub spare_items: Vec<Items>,
    /// Searches in `src` for HTML blocks: one for the whole text, so its answers are reused.
    pub finder: NextFinder,
}

/// Containers nested deeper than this are read as paragraphs.
const MAX_BLOCK_DEPTH: usize = 32;

impl<'a> BlockParser<'a> {
    pub fn run(src: &'a str, opaque: &'a [Range<usize>]) -> Blocks {
        let mut lines = split_lines(src);
        let mut out = Blocks::default();
        // Most lines end up in a context (table rows in several), and few contexts are
        // shorter than a line: enough room that the buffers rarely grow.
        out.context_lines.reserve(lines.len() + lines.len() / 2);
        out.contexts.reserve(lines.len());
        let mut parser = BlockParser {
            src,
            opaque,
            out,
            depth: 0,
            spare_items: Vec::new(),
            finder: NextFinder::default(),
        };
        parser.parse_blocks(&mut lines, &mut Tree::new());
        parser.out
    }

    pub fn line(&self, v: VLine) -> Line<'a> {
        Line::new(self.src, v)
    }

    /// `parse_blocks`
    pub fn parse_blocks(&mut self, lines: &mut [VLine], tree: &mut Tree) {
        self.depth += 1;
        let mut i = 0;
        while i < lines.len() {
            let l = self.line(lines[i]);
            if self.is_opaque(lines[i]) {
                let start = i;
                while i < lines.len() && self.is_opaque(lines[i]) {
                    i += 1;
                }
                self.skip(SkippedKind::Liquid, lines[start].start..lines[i - 1].end);
                self.set_block(tree, BlockKind::Other, None);
            } else if l.is_blank() {
                while i < lines.len() && self.line(lines[i]).is_blank() {
                    i += 1;
                }
                tree.prev = Prev::Blank;
            } else if l.indented() {
                let end = self.code_block_end(lines, i);
                self.skip(
                    SkippedKind::IndentedCode,
                    lines[i].start..lines[end - 1].end,
                );
                self.set_block(tree, BlockKind::CodeBlock, None);
                i = end;
            } else if l.plain_start() {
                i = self.text_block(lines, i, tree);
            } else if let Some(end) = self.fenced_code_end(lines, i) {
                self.skip(SkippedKind::FencedCode, lines[i].start..lines[end - 1].end);
                self.set_block(tree, BlockKind::CodeBlock, None);
                i = end;
            } else if l.blockquote_start() && self.depth < MAX_BLOCK_DEPTH {
                i = self.blockquote(lines, i, tree);
            } else if let Some(header) = l.atx_header().and_then(|h| self.atx_header(l, h)) {
                let ctx = self.push_context(&[header]);
                self.set_block(tree, BlockKind::Header, Some(ctx));
                i += 1;
            } else if l.horizontal_rule() {
                self.set_block(tree, BlockKind::HorizontalRule, None);
                i += 1;
            } else if l.list_marker(3).is_some() && self.depth < MAX_BLOCK_DEPTH {
                i = self.list(lines, i, tree, false);
            } else if l.definition_marker().is_some()
                && self.definition_allowed(tree)
                && self.depth < MAX_BLOCK_DEPTH
            {
                i = self.list(lines, i, tree, true);
            } else if let Some((next, rest)) = self.html_block(lines, i, tree) {
                i = next;
                if let Some(rest) = rest {
                    lines[i] = rest;
                }
            } else if let Some(next) = self.leaf_block(lines, i, tree) {
                i = next;
            } else {
                i = self.paragraph(lines, i, tree);
            }
        }
        self.depth -= 1;
    }

    fn is_opaque(&self, v: VLine) -> bool {
        let i = self.opaque.partition_point(|r| r.end <= v.start);
        self.opaque.get(i).is_some_and(|r| r.start <= v.start)
    }

    pub fn skip(&mut self, kind: SkippedKind, span: Range<usize>) {
        self.out.skipped.push(Skipped { span, kind });
    }

    /// Records a new block: waiting block IALs go to it.
    pub fn set_block(&mut self, tree: &mut Tree, kind: BlockKind, context: Option<usize>) {
        if let (BlockKind::Header, Some(header)) = (kind, context) {
            self.out.headers.push(header);
        }
        for ial in tree.pending.drain(..) {
            self.out.ials[ial].target = kind;
            self.out.ials[ial].context = context;
        }
        tree.prev = Prev::Block(kind, context);
    }

    pub fn push_context(&mut self, lines: &[VLine]) -> usize {
        self.push_context_dropping(lines, Vec::new())
    }

    /// A context whose text leaves out the bytes at `drop`.
    pub fn push_context_dropping(&mut self, lines: &[VLine], drop: Vec<usize>) -> usize {
        let all = &mut self.out.context_lines;
        let start = all.len();
        all.extend_from_slice(lines);
        self.out.contexts.push(Context {
            lines: start..all.len(),
            drop,
        });
        self.out.contexts.len() - 1
    }

    /// Appends `lines` to context `ctx`, first moving its lines to the end of the buffer
    /// if another context's lines come after them.
    fn extend_context(&mut self, ctx: usize, lines: &[VLine]) {
        let all = &mut self.out.context_lines;
        let own = &mut self.out.contexts[ctx].lines;
        if own.end != all.len() {
            let start = all.len();
            all.extend_from_within(own.clone());
            *own = start..all.len();
        }
        all.extend_from_slice(lines);
        own.end = all.len();
    }

    /// The blocks a [`Line::plain_start`] line can start, in kramdown's order.
    fn text_block(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> usize {
        if let Some(end) = self.setext_header(lines, i, tree) {
            return end;
        }
        if tree.after_boundary()
            && let Some(end) = self.table(lines, i, tree)
        {
            return end;
        }
        self.paragraph(lines, i, tree)
    }

    /// `parse_paragraph` with GFM's `PARAGRAPH_END_GFM`: lines up to a blank line, a block
    /// IAL, `^`, an HTML block tag, a list item, a header, a block quote or a fence. A
    /// paragraph right after another one (nothing in between) continues it.
    fn paragraph(&mut self, lines: &[VLine], i: usize, tree: &mut Tree) -> usize {
        let mut j = i + 1;
        while j < lines.len() && !self.paragraph_ends(lines[j]) {
            j += 1;
        }
        match tree.prev {
            Prev::Block(BlockKind::Paragraph, Some(ctx)) => self.extend_context(ctx, &lines[i..j]),
            _ => {
                let ctx = self.push_context(&lines[i..j]);
                self.set_block(tree, BlockKind::Paragraph, Some(ctx));
            }
        }
        j
    }

    pub fn paragraph_ends(&self, v: VLine) -> bool {
        let l = self.line(v);
        if l.plain_start() {
            // Not blank, and none of the patterns below can match.
            return self.is_opaque(v);
        }
        l.is_blank()
            || self.is_opaque(v)
            || l.block_ial().is_some()
            || l.eob_marker()
            || l.html_lazy_end()
            || l.list_marker(3).is_some()
            || l.atx_header().is_some()
            || l.definition_marker().is_some()
            || l.blockquote_start()
            || l.fence_start()
    }

    /// `LAZY_END`: where a block quote or lazy list line stops.
    pub fn lazy_end(&self, v: VLine) -> bool {
        let l = self.line(v);
        l.is_blank()
            || self.is_opaque(v)
            || l.block_ial().is_some()
            || l.eob_marker()
            || l.html_lazy_end()
    }
}
