//! `parse_smart_quotes` (`smart_quotes.rb`): `SMART_QUOTES_RE = /[^\\]?["']/`. A quote
//! becomes a typographic-quote element; the character before it, when the match starts there,
//! stays text. What matters to the scanner is only where the match ends and that its last
//! child is an element, never text: `"quoted"{:target="_blank"}` gives the IAL to the
//! closing quote, which drops it.
//!
//! The rule list (`SQ_RULES`) decides which typographic quote comes out; for the extent it
//! only matters whether one or two quotes are consumed: the double-quote rules
//! `(\s?)"'(?=\w)` and `(\s?)'"(?=\w)` take two, every other rule one.

use super::chars::{char_at, is_space};

/// The end of the smart-quote match at `p`, if `SMART_QUOTES_RE` matches there.
pub fn smart_quote_end(s: &str, p: usize) -> Option<usize> {
    let c = char_at(s, p)?;
    let quote_at = if c == '"' || c == '\'' {
        p
    } else if c == '\\' {
        return None;
    } else {
        let q = p + c.len_utf8();
        match char_at(s, q) {
            Some('"' | '\'') => q,
            _ => return None,
        }
    };
    let rest = &s[quote_at..];
    let leading_ok = quote_at == p || is_space(c);
    let double = (rest.starts_with("\"'") || rest.starts_with("'\""))
        && char_at(rest, 2).is_some_and(|w| w.is_ascii_alphanumeric() || w == '_');
    Some(if double && leading_ok {
        quote_at + 2
    } else {
        quote_at + 1
    })
}
