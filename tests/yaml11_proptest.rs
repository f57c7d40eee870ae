//! Property tests for `yaml11`: resolution never panics on any text, and
//! `quote_for_yaml` always writes something that reads back as the same String.

use frontlint::yaml11::{Resolved, quote_for_yaml, resolve_plain};
use proptest::prelude::*;

/// Text that looks like the scalars Psych converts, so the number, date and
/// word branches get exercised far more often than by random Unicode.
fn scalar_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-+0-9_,.:eExobXB ]{0,24}",
        "[-+]?(0x|0b|0)?[0-9a-f_,]{30,300}",
        "[-+]?[0-9_]{1,80}(:[0-9]{1,2}){1,2}(\\.[0-9_]{0,80})?",
        "[-+]?[0-9,_]{0,80}\\.[0-9]{0,200}([eE][-+][0-9]{1,12})?",
        "-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t]+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,40})?([ \t]*(Z|[-+][0-9]{1,2}:?([0-9]{2})?))?)?",
        "[ytonfYTONF~ſﬀKsSeElLuU\n]{0,7}",
        ":[\"']?.{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn resolve_plain_never_panics(text in scalar_like()) {
        let resolved = resolve_plain(&text);
        // Exercise the formatting too; a String keeps the text unchanged.
        let shown = resolved.ruby_inspect();
        prop_assert!(!shown.is_empty());
        prop_assert!(!resolved.kind().name().is_empty());
        if let Resolved::Str(kept) = &resolved {
            prop_assert_eq!(kept, &text);
        }
    }

    #[test]
    fn quote_for_yaml_reads_back_as_the_same_string(text in scalar_like()) {
        let quoted = quote_for_yaml(&text);
        match quoted.chars().next() {
            Some('\'') => prop_assert_eq!(read_single_quoted(&quoted), Some(text)),
            Some('"') => prop_assert_eq!(read_double_quoted(&quoted), Some(text)),
            _ => {
                prop_assert_eq!(&quoted, &text);
                prop_assert_eq!(resolve_plain(&quoted), Resolved::Str(text.clone()));
                let breaks_flow_or_lines = text.contains(['\n', '\r', '\t', ',', '[', ']', '{', '}']);
                prop_assert!(!breaks_flow_or_lines, "unsafe plain scalar {:?}", text);
            }
        }
    }
}

/// A one-line single-quoted scalar: `''` is a quote, nothing else is special,
/// and a line break would be folded, so there must be none.
fn read_single_quoted(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('\'')?.strip_suffix('\'')?;
    if inner.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        return None;
    }
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\'' && chars.next()? != '\'' {
            return None; // a lone quote would end the scalar early
        }
        out.push(c);
    }
    Some(out)
}

/// A one-line double-quoted scalar with the escapes `quote_for_yaml` writes.
fn read_double_quoted(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => return None,
            '\\' => {
                let escaped = match chars.next()? {
                    '0' => '\0',
                    'a' => '\u{07}',
                    'b' => '\u{08}',
                    't' => '\t',
                    'n' => '\n',
                    'v' => '\u{0B}',
                    'f' => '\u{0C}',
                    'r' => '\r',
                    'e' => '\u{1B}',
                    '"' => '"',
                    '\\' => '\\',
                    'N' => '\u{85}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'x' => hex_char(&mut chars, 2)?,
                    'u' => hex_char(&mut chars, 4)?,
                    _ => return None,
                };
                out.push(escaped);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

fn hex_char(chars: &mut std::str::Chars<'_>, digits: usize) -> Option<char> {
    let hex: String = chars.take(digits).collect();
    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)
}
