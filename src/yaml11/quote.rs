//! Writing a string so that Psych reads it back unchanged: plain when that is
//! unambiguous, else single-quoted, else double-quoted with escapes.

use super::{Resolved, resolve_plain};

/// Write `value` as a YAML scalar that Psych reads back as exactly this String.
///
/// Plain when the text is a String to Psych *and* libyaml scans it as one plain
/// scalar in both block and flow context (`key: here`, `[here]`); single-quoted
/// when every character may appear raw inside quotes; double-quoted with escapes
/// otherwise (line breaks, control characters, BOM). The text is never altered.
pub fn quote_for_yaml(value: &str) -> String {
    if is_safe_plain(value) {
        value.to_owned()
    } else if value.chars().all(allowed_in_single_quotes) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        double_quoted(value)
    }
}

/// Always quoted, the way a person would write it in a help message or a fix: double quotes
/// when the text needs no escaping (`"Budget 2024: what changes"`, `"it's"`), otherwise what
/// `quote_for_yaml` chooses.
pub fn quote_for_humans(value: &str) -> String {
    if value.chars().all(allowed_in_single_quotes) && !value.contains(['"', '\\', '\t']) {
        format!("\"{value}\"")
    } else {
        let quoted = quote_for_yaml(value);
        if quoted.starts_with(['\'', '"']) {
            quoted
        } else {
            double_quoted(value)
        }
    }
}

/// Conservative: anything that might start a different token, end the scalar
/// early, or be folded is quoted instead (quoting is never wrong).
fn is_safe_plain(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false; // empty plain scalar is null
    };
    // Indicators that start another token (`-`, `?`, `:` only when followed by a
    // space, but plain is never needed there).
    const LEADING_INDICATORS: &str = "-?:,[]{}#&*!|>'\"%@`";
    // Flow-context delimiters, a tab (trimmed next to line breaks), `\` is fine.
    const NEVER: &str = ",[]{}\t";
    let bytes = value.as_bytes();
    let colon_ok = |i: usize| {
        bytes
            .get(i + 1)
            .is_some_and(|&next| !matches!(next, b' ' | b'?'))
    };
    !LEADING_INDICATORS.contains(first)
        && !value.starts_with(' ')
        && !value.ends_with(' ')
        && !value.starts_with("---")
        && !value.starts_with("...")
        && value != "<<" // the merge key, if this ever becomes a key
        && !value.contains(" #")
        && !value.contains(|c| NEVER.contains(c) || !allowed_in_single_quotes(c))
        && value
            .char_indices()
            .all(|(i, c)| c != ':' || colon_ok(i))
        && matches!(resolve_plain(value), Resolved::Str(_))
}

/// Characters libyaml accepts raw that are not line breaks. Line breaks (LF, CR,
/// NEL, LS, PS) would be folded, the rest is rejected by libyaml's reader; the
/// BOM (U+FEFF) is avoided.
fn allowed_in_single_quotes(c: char) -> bool {
    let cp = u32::from(c);
    c == '\t'
        || (0x20..=0x7E).contains(&cp)
        || ((0xA0..=0xD7FF).contains(&cp) && cp != 0x2028 && cp != 0x2029)
        || ((0xE000..=0xFFFD).contains(&cp) && cp != 0xFEFF)
        || cp >= 0x1_0000
}

/// A double-quoted scalar with libyaml's escapes.
fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{0B}' => out.push_str("\\v"),
            '\u{0C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1B}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if allowed_in_single_quotes(c) => out.push(c),
            c if u32::from(c) <= 0xFF => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_psych_reads_a_string() {
        assert_eq!(quote_for_yaml("Hello world"), "Hello world");
        assert_eq!(
            quote_for_yaml("http://example.com/a?b=c#d"),
            "http://example.com/a?b=c#d"
        );
        assert_eq!(quote_for_yaml("Singapore’s café 🦀"), "Singapore’s café 🦀");
        assert_eq!(quote_for_yaml("2022-02-30"), "2022-02-30");
    }

    #[test]
    fn quotes_what_psych_would_convert() {
        assert_eq!(quote_for_yaml("No"), "'No'");
        assert_eq!(quote_for_yaml("0755"), "'0755'");
        assert_eq!(quote_for_yaml("1:20"), "'1:20'");
        assert_eq!(quote_for_yaml("2022-07-04"), "'2022-07-04'");
        assert_eq!(quote_for_yaml(":smile"), "':smile'");
        assert_eq!(quote_for_yaml("~"), "'~'");
        assert_eq!(quote_for_yaml(""), "''");
    }

    #[test]
    fn quotes_what_libyaml_would_scan_differently() {
        assert_eq!(quote_for_yaml("a: b"), "'a: b'");
        assert_eq!(quote_for_yaml("a #b"), "'a #b'");
        assert_eq!(quote_for_yaml("- x"), "'- x'");
        assert_eq!(quote_for_yaml("it's"), "it's");
        assert_eq!(quote_for_yaml("'it'"), "'''it'''");
        assert_eq!(quote_for_yaml(" padded "), "' padded '");
        assert_eq!(quote_for_yaml("a,b"), "'a,b'");
        assert_eq!(quote_for_yaml("tab\there"), "'tab\there'");
    }

    #[test]
    fn escapes_what_cannot_appear_raw() {
        assert_eq!(quote_for_yaml("two\nlines"), r#""two\nlines""#);
        assert_eq!(quote_for_yaml("say \"hi\"\r"), r#""say \"hi\"\r""#);
        assert_eq!(quote_for_yaml("\u{feff}bom"), r#""\uFEFFbom""#);
        assert_eq!(quote_for_yaml("nel\u{85}ls\u{2028}"), r#""nel\Nls\L""#);
        assert_eq!(quote_for_yaml("\u{7f}\u{90}\0"), r#""\x7F\x90\0""#);
    }
}
