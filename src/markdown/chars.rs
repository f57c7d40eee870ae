//! Character classes as Ruby's regular expressions (Onigmo) define them. kramdown's regexes
//! mix ASCII-only classes (`\s`, `\w`) with Unicode ones (`[[:alpha:]]`, `\p{Word}`), and the
//! difference decides real cases: a no-break space is not `\s`, so `[a](u)\u{a0}{:…}` is "after
//! text", and `é` is not `\w`, so `{:clé="x"}` is no key.

/// Ruby `\s`: space, tab, newline, carriage return, form feed, vertical tab.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Ruby `\s` for a byte (all of them are ASCII).
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Ruby `\w`: ASCII letters, digits and `_`.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Ruby `[[:alpha:]]` on a UTF-8 string.
pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic()
}

/// Ruby `[[:alnum:]]` on a UTF-8 string.
pub fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// Ruby `\p{Word}`: letters, marks, numbers, connector punctuation.
pub fn is_pword(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{203f}' || c == '\u{2040}'
}

/// The char that ends at byte `pos` of `s`, if any.
pub fn char_before(s: &str, pos: usize) -> Option<char> {
    s.get(..pos).and_then(|head| head.chars().next_back())
}

/// The char that starts at byte `pos` of `s`, if any.
pub fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|tail| tail.chars().next())
}

/// Length of the run of `\w[\w-]*` (kramdown's `ALD_ID_NAME`) starting at `pos`, 0 if none.
pub fn ald_id_name_len(b: &[u8], pos: usize) -> usize {
    if pos >= b.len() || !is_word_byte(b[pos]) {
        return 0;
    }
    let mut end = pos + 1;
    while end < b.len() && (is_word_byte(b[end]) || b[end] == b'-') {
        end += 1;
    }
    end - pos
}

/// The largest char boundary of `s` that is `<= pos`.
pub fn floor_boundary(s: &str, pos: usize) -> usize {
    let mut p = pos.min(s.len());
    while !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}
