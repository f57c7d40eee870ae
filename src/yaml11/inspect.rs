//! How Ruby's `inspect` prints the values Psych returns, for messages that show
//! the user what Jekyll actually sees.

/// `Float#inspect` (`flo_to_s` in numeric.c): the shortest round-trip digits,
/// fixed notation while the decimal point position is in -4 < decpt < 16, otherwise
/// `d.ddde+XX` with at least two exponent digits; always a `.0` for whole numbers.
pub(crate) fn inspect_float(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    // Rust's `{:e}` prints the same shortest round-trip digits as Ruby's dtoa mode 0.
    let sci = format!("{:e}", value.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let decpt = exponent.parse::<i32>().unwrap_or(0) + 1;
    let body = if 0 < decpt && decpt < 16 {
        let point = decpt as usize;
        if digits.len() <= point {
            format!("{digits}{}.0", "0".repeat(point - digits.len()))
        } else {
            format!("{}.{}", &digits[..point], &digits[point..])
        }
    } else if -4 < decpt && decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{first}.{rest}e{:+03}", decpt - 1)
    };
    format!("{sign}{body}")
}

/// `String#inspect` for a UTF-8 string (`rb_str_inspect` in string.c).
///
/// Ruby escapes what Onigmo does not call printable: C0/C1 controls except
/// U+0085, U+2028/U+2029 and unassigned code points. This copy knows the
/// noncharacters but prints other unassigned code points as they are (that would
/// need Unicode 13 tables; real front matter does not contain them).
pub(crate) fn inspect_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // `#{`, `#$`, `#@` would interpolate inside a Ruby literal.
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{0C}' => out.push_str("\\f"),
            '\u{0B}' => out.push_str("\\v"),
            '\u{08}' => out.push_str("\\b"),
            '\u{07}' => out.push_str("\\a"),
            '\u{1B}' => out.push_str("\\e"),
            c if !ruby_printable(c) => {
                let cp = u32::from(c);
                if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04X}"));
                } else {
                    out.push_str(&format!("\\u{{{cp:X}}}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Onigmo's `[[:print:]]` for UTF-8, minus the unassigned code points it would
/// also reject (see [`inspect_string`]).
pub(crate) fn ruby_printable(c: char) -> bool {
    let cp = u32::from(c);
    let control = cp < 0x20 || ((0x7F..=0x9F).contains(&cp) && cp != 0x85);
    let line_or_paragraph_separator = cp == 0x2028 || cp == 0x2029;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&cp) || cp & 0xFFFE == 0xFFFE;
    !(control || line_or_paragraph_separator || noncharacter)
}

/// `Symbol#inspect`: `:name` when the name reads back as a symbol literal
/// (identifier, `@ivar`, `@@cvar`, `$global`, operator method), else `:"..."`.
/// Follows `rb_enc_symname_type` in symbol.c for the common shapes.
pub(crate) fn inspect_symbol(name: &str) -> String {
    if is_simple_symbol(name) && name.chars().all(ruby_printable) {
        format!(":{name}")
    } else {
        format!(":{}", inspect_string(name))
    }
}

fn is_simple_symbol(name: &str) -> bool {
    const OPERATORS: &[&str] = &[
        "[]", "[]=", "*", "**", "!", "!=", "!~", "+", "+@", "-", "-@", "/", "%", "<", "<<", "<=",
        "<=>", "==", "===", "=~", ">", ">=", ">>", "^", "&", "|", "~", "`",
    ];
    if OPERATORS.contains(&name) {
        return true;
    }
    if let Some(rest) = name.strip_prefix("@@") {
        return is_identifier(rest);
    }
    if let Some(rest) = name.strip_prefix('@') {
        return is_identifier(rest);
    }
    if let Some(rest) = name.strip_prefix('$') {
        let mut chars = rest.chars();
        let special = match (chars.next(), chars.next()) {
            (Some(c), None) => "~*$?!@/\\;,.=:<>\"&`'+0".contains(c),
            (Some('-'), Some(c)) => chars.next().is_none() && is_identifier_char(c),
            _ => false,
        };
        let numbered = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
        return special || numbered || is_identifier(rest);
    }
    // Local or constant name, optionally ending in one of `?`, `!`, `=`.
    let stem = name
        .strip_suffix(['?', '!', '='])
        .filter(|stem| !stem.ends_with(['?', '!', '=']))
        .unwrap_or(name);
    is_identifier(stem)
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| is_identifier_char(c) && !c.is_ascii_digit())
        && chars.all(is_identifier_char)
}

/// `is_identchar`: ASCII alphanumerics, `_`, and every non-ASCII character.
fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_ruby() {
        assert_eq!(inspect_float(1.1), "1.1");
        assert_eq!(inspect_float(1000.0), "1000.0");
        assert_eq!(inspect_float(-0.0), "-0.0");
        assert_eq!(inspect_float(1e14), "100000000000000.0");
        assert_eq!(inspect_float(1e15), "1.0e+15");
        assert_eq!(inspect_float(1e16), "1.0e+16");
        assert_eq!(inspect_float(1.5e300), "1.5e+300");
        assert_eq!(inspect_float(0.0001), "0.0001");
        assert_eq!(inspect_float(0.00001), "1.0e-05");
        assert_eq!(inspect_float(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(inspect_float(f64::NAN), "NaN");
        assert_eq!(
            inspect_float(9_007_199_254_740_994.0),
            "9.007199254740994e+15"
        );
    }

    #[test]
    fn strings_escape_like_ruby() {
        assert_eq!(inspect_string("No"), r#""No""#);
        assert_eq!(inspect_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(inspect_string("#{x} #$y #@z #x"), r#""\#{x} \#$y \#@z #x""#);
        assert_eq!(inspect_string("\t\n\u{1b}\u{7f}"), r#""\t\n\e\u007F""#);
        assert_eq!(inspect_string("\u{85}\u{a0}é🦀"), "\"\u{85}\u{a0}é🦀\"");
        assert_eq!(
            inspect_string("\u{2028}\u{fffe}\u{10ffff}"),
            r#""\u2028\uFFFE\u{10FFFF}""#
        );
    }

    #[test]
    fn symbols_quote_only_when_needed() {
        assert_eq!(inspect_symbol("smile"), ":smile");
        assert_eq!(inspect_symbol("Foo?"), ":Foo?");
        assert_eq!(inspect_symbol("a="), ":a=");
        assert_eq!(inspect_symbol("@x"), ":@x");
        assert_eq!(inspect_symbol("$-w"), ":$-w");
        assert_eq!(inspect_symbol("$1"), ":$1");
        assert_eq!(inspect_symbol("<=>"), ":<=>");
        assert_eq!(inspect_symbol("é"), ":é");
        assert_eq!(inspect_symbol("foo bar"), r#":"foo bar""#);
        assert_eq!(inspect_symbol("@x="), r#":"@x=""#);
        assert_eq!(inspect_symbol("1a"), r#":"1a""#);
        assert_eq!(inspect_symbol(""), r#":"""#);
    }
}
