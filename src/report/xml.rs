//! The little XML the JUnit and checkstyle formats need: two escaping functions.
//!
//! Both formats are a few flat elements with attributes, so they are written by hand rather
//! than with an XML crate: quick-xml's `escape` handles `<&>"'` but passes through the control
//! characters XML 1.0 cannot hold at all, which is the one hard part, so a crate would not save
//! this file. The output is checked with a real XML parser in the tests.

use std::borrow::Cow;

/// Escape text for a double-quoted attribute value. Tab, line feed and carriage return are
/// written as character references: a parser normalises literal ones in attributes to spaces.
pub fn attribute(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Escape text for element content. A carriage return is written as a reference, since a
/// parser turns a literal `\r\n` into `\n`.
pub fn text(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

fn escape(text: &str, in_attribute: bool) -> Cow<'_, str> {
    let needs_escape = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r')
            || (in_attribute && matches!(c, '"' | '\'' | '\t' | '\n'))
            || !is_xml_char(c)
    };
    if !text.contains(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\r' => escaped.push_str("&#13;"),
            '"' if in_attribute => escaped.push_str("&quot;"),
            '\'' if in_attribute => escaped.push_str("&apos;"),
            '\t' if in_attribute => escaped.push_str("&#9;"),
            '\n' if in_attribute => escaped.push_str("&#10;"),
            // Not even a character reference can hold these in XML 1.0.
            c if !is_xml_char(c) => escaped.push(char::REPLACEMENT_CHARACTER),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// XML 1.0 `Char`: tab, LF, CR, and everything from U+0020 except U+FFFE and U+FFFF
/// (surrogates cannot occur in a Rust `char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            attribute(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(text(r#"<&>"'"#), r#"&lt;&amp;&gt;"'"#);
    }

    #[test]
    fn line_breaks_survive_attribute_normalisation() {
        assert_eq!(attribute("a\r\n\tb"), "a&#13;&#10;&#9;b");
        assert_eq!(text("a\r\n\tb"), "a&#13;\n\tb");
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(
            attribute("a\u{0}b\u{1b}c\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(text("\u{7}"), "\u{FFFD}");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(attribute("plain é 🦀"), Cow::Borrowed(_)));
    }
}
