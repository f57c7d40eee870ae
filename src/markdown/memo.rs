//! What keeps the span parser linear where kramdown is quadratic.
//!
//! kramdown gives up on an unclosed `[`, `*` or `` ` `` only after scanning to the end of the
//! paragraph, then moves one character on and tries the next opener, which scans to the end
//! again. Every such search here is answered from a table filled by the first one:
//!
//! - brackets: a failed (or successful) `[…]` parse saw every bracket at its level; matching
//!   them with a stack answers every later `[` at that level in O(1);
//! - emphasis: a closing delimiter is accepted or not by its neighbours alone, so once
//!   `*…` fails from a position, it fails from every later one in the same environment;
//! - code spans: no run of N backticks after a position means none after any later one;
//! - parentheses and titles of link destinations depend only on the raw text, so they are
//!   indexed once per context.

use super::spans::Ctx;
use super::text::NextFinder;
use std::collections::HashMap;

/// The tables are looked up for nearly every opener: a fast fixed-seed hash rather than
/// SipHash (the keys are positions in the file being linted).
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The parts of a [`Ctx`] that change how text parses.
pub type CtxKey = (bool, bool, bool, bool, usize, usize);

pub fn key(ctx: &Ctx) -> CtxKey {
    (
        ctx.in_link,
        ctx.in_em,
        ctx.in_strong,
        ctx.raw_only,
        ctx.start,
        ctx.end,
    )
}

/// One bracket event at a link's level: an opening `[`/`![`, a closing `]`, or the end of an
/// image parsed there (which consumed its own `]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BracketEvent {
    Open(usize),
    Close(usize),
    ImageEnd,
}

#[derive(Default)]
pub struct Memo {
    /// `(text environment, position of [) → position of the matching ]`, or `None`.
    pub brackets: Map<(CtxKey, usize), Option<usize>>,
    /// `(content environment, delimiter) → first position an emphasis failed from`.
    pub emphasis_fail: Map<(CtxKey, &'static str), usize>,
    /// `(scanner end, backtick run length) → first position a code span failed from`.
    pub code_fail: Map<(usize, usize), usize>,
    /// `scanner end → first position a ~~ failed from`.
    pub strike_fail: Map<usize, usize>,
    pub finder: NextFinder,
    parens: ParenIndex,
    parens_built: bool,
}

impl Memo {
    /// Forgets everything, keeping the tables' memory for the next context.
    pub fn clear(&mut self) {
        reset(&mut self.brackets);
        reset(&mut self.emphasis_fail);
        reset(&mut self.code_fail);
        reset(&mut self.strike_fail);
        self.finder.clear();
        self.parens_built = false;
    }

    /// The paren index of the context text `b`, built on first use.
    pub fn parens(&mut self, b: &[u8]) -> &ParenIndex {
        if !self.parens_built {
            self.parens.rebuild(b);
            self.parens_built = true;
        }
        &self.parens
    }

    /// Stores what the bracket events of the link parse opened at `open` say about every `[`
    /// seen at that level. `found` is the position of the closing `]` when the parse found it.
    pub fn record_brackets(
        &mut self,
        key: CtxKey,
        open: usize,
        events: &[BracketEvent],
        found: Option<usize>,
    ) {
        let mut stack: Vec<usize> = Vec::new();
        for event in events {
            match *event {
                BracketEvent::Open(at) => stack.push(at),
                BracketEvent::Close(at) => match stack.pop() {
                    Some(inner) => {
                        self.brackets.insert((key, inner), Some(at));
                    }
                    None => {
                        self.brackets.insert((key, open), Some(at));
                    }
                },
                BracketEvent::ImageEnd => {
                    stack.pop();
                }
            }
        }
        if found.is_none() {
            for inner in stack {
                self.brackets.insert((key, inner), None);
            }
            self.brackets.insert((key, open), None);
        }
    }

    pub fn emphasis_failed(&self, key: CtxKey, delim: &'static str, at: usize) -> bool {
        self.emphasis_fail
            .get(&(key, delim))
            .is_some_and(|&from| from <= at)
    }

    pub fn note_emphasis_failure(&mut self, key: CtxKey, delim: &'static str, at: usize) {
        let slot = self.emphasis_fail.entry((key, delim)).or_insert(at);
        *slot = (*slot).min(at);
    }
}

/// Empties a table. Clearing costs its capacity, so a table grown by one huge context is
/// dropped rather than cleared for every small context after it (which would be quadratic).
fn reset<K, V>(map: &mut Map<K, V>) {
    if map.capacity() > 64 {
        *map = Map::default();
    } else {
        map.clear();
    }
}

/// Raw-text facts about link destinations (`LINK_PAREN_STOP_RE`, `LINK_INLINE_TITLE_RE`).
#[derive(Default)]
pub struct ParenIndex {
    /// `(` position → matching `)` (counting every paren, as kramdown's scan does), sorted
    /// by the `(`: see [`ParenIndex::matching`].
    pairs: Vec<(usize, usize)>,
    /// Positions of whitespace followed by a quote (`\s(?=['"])`), sorted.
    pub space_quote: Vec<usize>,
    /// Positions of a quote followed by optional whitespace and `)`, sorted, per quote char.
    pub title_end_double: Vec<usize>,
    pub title_end_single: Vec<usize>,
    /// Open parens while building.
    stack: Vec<usize>,
}

impl ParenIndex {
    /// The `)` matching the `(` at `open`.
    pub fn matching(&self, open: usize) -> Option<usize> {
        let i = self.pairs.binary_search_by_key(&open, |&(o, _)| o).ok()?;
        Some(self.pairs[i].1)
    }

    /// Indexes `b`, reusing the memory of the previous index.
    fn rebuild(&mut self, b: &[u8]) {
        let (pairs, stack) = (&mut self.pairs, &mut self.stack);
        pairs.clear();
        stack.clear();
        for i in memchr::memchr2_iter(b'(', b')', b) {
            if b[i] == b'(' {
                stack.push(i);
            } else if let Some(open) = stack.pop() {
                pairs.push((open, i));
            }
        }
        // Pushed as each `)` closes: inner pairs first.
        pairs.sort_unstable();
        self.space_quote.clear();
        self.title_end_double.clear();
        self.title_end_single.clear();
        for i in memchr::memchr2_iter(b'"', b'\'', b) {
            if i > 0 && super::chars::is_space_byte(b[i - 1]) {
                self.space_quote.push(i - 1);
            }
            let mut j = i + 1;
            while j < b.len() && super::chars::is_space_byte(b[j]) {
                j += 1;
            }
            if b.get(j) == Some(&b')') {
                if b[i] == b'"' {
                    self.title_end_double.push(i);
                } else {
                    self.title_end_single.push(i);
                }
            }
        }
    }

    /// The first entry of `sorted` at or after `from`.
    pub fn first_from(sorted: &[usize], from: usize) -> Option<usize> {
        sorted.get(sorted.partition_point(|&p| p < from)).copied()
    }
}
