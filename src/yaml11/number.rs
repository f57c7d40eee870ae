//! Numbers the way Psych computes them: `Integer()`, `Float()`, `String#to_i`,
//! `String#to_f` and the base-60 sums of `ScalarScanner#tokenize`, including the
//! places where Ruby's C code drops digits.

use super::RubyError;
use super::bignum::{BASE_CONVERSION_LIMIT, BigUint};
use super::inspect::inspect_string;
use std::fmt;

/// A Ruby Integer: Psych has bignums, so anything outside `i64` is kept exactly as
/// decimal text instead of wrapping or panicking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubyInt {
    Small(i64),
    /// Decimal digits with a leading `-` when negative; only for values outside `i64`.
    /// A base 2/8/16 literal of more than 10,000 digits is kept as Ruby read it
    /// (`-0x1f…`, still a Ruby literal of the value): converting it would take
    /// quadratic time.
    Big(String),
}

impl RubyInt {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            RubyInt::Small(v) => Some(*v),
            RubyInt::Big(_) => None,
        }
    }

    fn from_sign_magnitude(negative: bool, magnitude: &BigUint) -> RubyInt {
        if let Some(m) = magnitude.to_u64() {
            if !negative && m <= i64::MAX as u64 {
                return RubyInt::Small(m as i64);
            }
            if negative && m <= i64::MAX as u64 + 1 {
                return RubyInt::Small((m as i64).wrapping_neg());
            }
        }
        let sign = if negative && !magnitude.is_zero() {
            "-"
        } else {
            ""
        };
        RubyInt::Big(format!("{sign}{magnitude}"))
    }
}

impl fmt::Display for RubyInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RubyInt::Small(v) => write!(f, "{v}"),
            RubyInt::Big(text) => f.write_str(text),
        }
    }
}

/// `ScalarScanner#parse_int`: `Integer(string.gsub(/[,_]/, ''))`.
///
/// `Integer()` picks the base from the prefix (`0b`, `0x`, a leading `0` is octal).
/// INTEGER lets `0b_`, `0x,` through, which leave a bare prefix: `Integer("0b")`
/// raises an ArgumentError that Psych does not rescue, so the document fails to load.
pub(super) fn parse_int(text: &str) -> Result<RubyInt, RubyError> {
    let cleaned: String = text.chars().filter(|&c| c != ',' && c != '_').collect();
    let (negative, unsigned) = split_sign(&cleaned);
    let (radix, digits) = if let Some(d) = unsigned.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = unsigned.strip_prefix("0x") {
        (16, d)
    } else if unsigned.len() > 1 && unsigned.starts_with('0') {
        (8, &unsigned[1..])
    } else {
        (10, unsigned)
    };
    if digits.is_empty() {
        return Err(invalid_value("Integer()", &cleaned));
    }
    if radix != 10 && digits.trim_start_matches('0').len() > BASE_CONVERSION_LIMIT {
        return Ok(RubyInt::Big(cleaned.trim_start_matches('+').to_owned()));
    }
    Ok(RubyInt::from_sign_magnitude(
        negative,
        &BigUint::from_digits(digits, radix),
    ))
}

/// The FLOAT branch: `Float(string.gsub(/[,_]|\.([Ee]|$)/, '\1'))`.
///
/// Commas and underscores vanish and a dot before the exponent or at the end is
/// dropped (`1.` → `1`, `1.e+5` → `1e+5`). FLOAT also accepts `.e+5`, which leaves
/// no mantissa digits: `Float("e+5")` raises an unrescued ArgumentError.
pub(super) fn parse_float(text: &str) -> Result<f64, RubyError> {
    let bytes = text.as_bytes();
    let mut cleaned = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let dot_dropped = c == '.' && matches!(bytes.get(i + 1), None | Some(b'e') | Some(b'E'));
        if c != ',' && c != '_' && !dot_dropped {
            cleaned.push(c);
        }
    }
    match strtod_prefix(&cleaned) {
        (value, used) if used > 0 && used == cleaned.len() => Ok(value),
        _ => Err(invalid_value("Float()", &cleaned)),
    }
}

/// The base-60 integer branch: `n.to_i * 60 ** (e - 2).abs` summed over the
/// `:`-separated parts. The weights are 3600, 60, 1 counted from the *left*, so
/// `1:20` is 1·3600 + 20·60 = 4800 (not 80), and the sign belongs to the first
/// part only: `-1:20` is -3600 + 1200 = -2400 and `-0:30` is +1800.
pub(super) fn sexagesimal_int(text: &str) -> RubyInt {
    let mut parts = text.split(':');
    let (negative, mut magnitude) = ruby_to_i(parts.next().unwrap_or(""));
    // The later parts are `[0-5]?[0-9]`, so their weighted sum stays below 3600.
    let mut rest: u32 = 0;
    for (weight, part) in [60u32, 1].into_iter().zip(parts) {
        rest += weight * part.parse::<u32>().unwrap_or(0);
    }
    magnitude.mul_add(3600, 0);
    if !negative || magnitude.is_zero() {
        magnitude.mul_add(1, rest);
        RubyInt::from_sign_magnitude(false, &magnitude)
    } else {
        // -(a·3600) + rest with a ≥ 1 and rest < 3600: still negative.
        magnitude.sub_small(rest);
        RubyInt::from_sign_magnitude(true, &magnitude)
    }
}

/// The base-60 float branch: the same sum with `n.to_f`, in Float arithmetic,
/// left to right (`1:20.5` → 4830.0).
pub(super) fn sexagesimal_float(text: &str) -> f64 {
    let mut sum = 0.0;
    for (weight, part) in [3600.0, 60.0, 1.0].into_iter().zip(text.split(':')) {
        sum += ruby_to_f(part) * weight;
    }
    sum
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

fn invalid_value(function: &str, text: &str) -> RubyError {
    RubyError {
        class: "ArgumentError",
        message: format!("invalid value for {function}: {}", inspect_string(text)),
    }
}

/// `String#to_i` for `[-+]?[0-9][0-9_]*`: a single underscore between digits is
/// skipped, a doubled or trailing one ends the number (`"1__2".to_i` is 1).
fn ruby_to_i(text: &str) -> (bool, BigUint) {
    let (negative, unsigned) = split_sign(text);
    let mut digits = String::new();
    let mut after_underscore = false;
    for c in unsigned.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                after_underscore = false;
            }
            '_' if !after_underscore && !digits.is_empty() => after_underscore = true,
            _ => break,
        }
    }
    (negative, BigUint::from_digits(&digits, 10))
}

/// `String#to_f`, i.e. `rb_cstr_to_dbl(p, badcheck = FALSE)` in object.c (Ruby 3.1).
///
/// `strtod` stops at the first underscore; Ruby then copies the text into a
/// 70-byte buffer, skipping single underscores between digits, but copies at most
/// `DBL_DIG * 4` = 60 characters and silently drops the rest — digits before the
/// dot included, so `("1_" + "0"*100 + ".5").to_f` is 1.0e59. Only `[-+0-9_.]`
/// reaches here (a sexagesimal part), so the exponent and space cases of the C
/// loop are unreachable and left out.
fn ruby_to_f(text: &str) -> f64 {
    const BUFFER_LIMIT: usize = 60;
    let bytes = text.as_bytes();
    let (value, used) = strtod_prefix(text);
    if used == 0 || used == bytes.len() {
        return value;
    }
    let mut buf: Vec<u8> = Vec::with_capacity(BUFFER_LIMIT + 1);
    let mut p = 0;
    let mut prev = 0u8;
    if let Some(&sign @ (b'+' | b'-')) = bytes.first() {
        buf.push(sign);
        prev = sign;
        p = 1;
    }
    if bytes.get(p) == Some(&b'0') {
        // Leading zeros are squeezed to one.
        buf.push(b'0');
        prev = b'0';
        p += 1;
        while bytes.get(p) == Some(&b'0') {
            p += 1;
        }
    }
    while p < used && buf.len() < BUFFER_LIMIT {
        prev = bytes[p];
        buf.push(prev);
        p += 1;
    }
    let mut dot_seen = false;
    while p < bytes.len() {
        if bytes[p] == b'_' {
            // "remove an underscore between digits"
            if buf.is_empty() || !prev.is_ascii_digit() {
                break;
            }
            p += 1;
            if !bytes.get(p).is_some_and(u8::is_ascii_digit) {
                break;
            }
        }
        prev = bytes[p];
        p += 1;
        let stop = if prev == b'.' {
            std::mem::replace(&mut dot_seen, true)
        } else {
            !prev.is_ascii_digit()
        };
        if stop {
            break;
        }
        if buf.len() < BUFFER_LIMIT {
            buf.push(prev);
        }
    }
    strtod_prefix(std::str::from_utf8(&buf).unwrap_or("")).0
}

/// Ruby's own `strtod` (missing/dtoa.c, David Gay's correctly rounded algorithm)
/// on the longest prefix of `[-+]?digits[.digits][(e|E)[-+]?digits]`; returns the
/// value and the bytes used (0 when there is no number).
///
/// One Ruby change matters: a fraction digit met after more than `DBL_DIG * 4` =
/// 60 significant digits is ignored (`if (nd > DBL_DIG * 4) continue;`), so a
/// long fraction is truncated before rounding. Exponents beyond 19999 are
/// clamped to 19999, as in the C code.
fn strtod_prefix(text: &str) -> (f64, usize) {
    const MAX_DIGITS: usize = 60;
    let bytes = text.as_bytes();
    let mut p = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            p = 1;
            true
        }
        Some(b'+') => {
            p = 1;
            false
        }
        _ => false,
    };
    let digits_from = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let int_start = p;
    p = digits_from(p);
    let int_digits = text[int_start..p].trim_start_matches('0');
    let saw_int = p > int_start;
    let mut mantissa = String::from(int_digits);
    let mut kept_fraction = 0usize;
    let mut saw_fraction_digit = false;
    if bytes.get(p) == Some(&b'.') && (saw_int || bytes.get(p + 1).is_some_and(u8::is_ascii_digit))
    {
        p += 1;
        let frac_start = p;
        p = digits_from(p);
        let fraction = &text[frac_start..p];
        saw_fraction_digit = !fraction.is_empty();
        // nd: significant digits so far; leading zeros of a pure fraction don't count.
        let mut nd = int_digits.len();
        let mut leading_zeros = 0usize;
        for (i, c) in fraction.bytes().enumerate() {
            if nd == 0 && c == b'0' {
                leading_zeros += 1;
                continue;
            }
            if nd > MAX_DIGITS {
                break;
            }
            if c != b'0' {
                nd = int_digits.len() + i + 1 - leading_zeros;
                kept_fraction = i + 1;
            }
        }
        mantissa.push_str(&fraction[..kept_fraction]);
    }
    if !saw_int && !saw_fraction_digit {
        return (0.0, 0);
    }
    let mut exponent: i64 = 0;
    if matches!(bytes.get(p), Some(b'e' | b'E')) {
        let mut q = p + 1;
        let exp_negative = bytes.get(q) == Some(&b'-');
        if matches!(bytes.get(q), Some(b'-' | b'+')) {
            q += 1;
        }
        let exp_end = digits_from(q);
        if exp_end > q {
            let significant = text[q..exp_end].trim_start_matches('0');
            let magnitude = if significant.len() > 9 {
                19_999
            } else {
                significant.parse::<i64>().unwrap_or(0).min(19_999)
            };
            exponent = if exp_negative { -magnitude } else { magnitude };
            p = exp_end;
        }
    }
    let magnitude = if mantissa.is_empty() {
        0.0
    } else {
        let exact = format!("{mantissa}e{}", exponent - kept_fraction as i64);
        exact.parse::<f64>().unwrap_or(0.0)
    };
    (if negative { -magnitude } else { magnitude }, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> String {
        parse_int(text)
            .map(|n| n.to_string())
            .unwrap_or_else(|e| e.message)
    }

    #[test]
    fn integer_bases_follow_ruby_integer() {
        assert_eq!(int("0755"), "493");
        assert_eq!(int("0b101"), "5");
        assert_eq!(int("0x_1F"), "31");
        assert_eq!(int("-0x1f"), "-31");
        assert_eq!(int("1,000"), "1000");
        assert_eq!(int("1_000"), "1000");
        assert_eq!(int("0,17"), "15");
        assert_eq!(int("-0"), "0");
        assert_eq!(int("00"), "0");
        assert_eq!(int("+12"), "12");
    }

    #[test]
    fn integers_never_wrap() {
        assert_eq!(int("9223372036854775807"), "9223372036854775807");
        assert_eq!(
            parse_int("-9223372036854775808"),
            Ok(RubyInt::Small(i64::MIN))
        );
        assert_eq!(
            parse_int("9223372036854775808"),
            Ok(RubyInt::Big("9223372036854775808".into()))
        );
        assert_eq!(
            parse_int("-0xffffffffffffffffff"),
            Ok(RubyInt::Big("-4722366482869645213695".into()))
        );
    }

    #[test]
    fn giant_non_decimal_literals_are_kept_as_written() {
        let hex = format!("-0x{}", "f".repeat(BASE_CONVERSION_LIMIT + 1));
        assert_eq!(parse_int(&hex), Ok(RubyInt::Big(hex.clone())));
        let decimal = "9".repeat(BASE_CONVERSION_LIMIT * 10);
        assert_eq!(parse_int(&decimal), Ok(RubyInt::Big(decimal.clone())));
    }

    #[test]
    fn bare_prefix_raises_like_integer() {
        assert_eq!(int("0b_"), r#"invalid value for Integer(): "0b""#);
        assert_eq!(int("-0x,"), r#"invalid value for Integer(): "-0x""#);
    }

    #[test]
    fn floats_follow_psych_cleanup() {
        assert_eq!(parse_float("1.10"), Ok(1.1));
        assert_eq!(parse_float("1."), Ok(1.0));
        assert_eq!(parse_float("+.5"), Ok(0.5));
        assert_eq!(parse_float("1_000.5"), Ok(1000.5));
        assert_eq!(parse_float("1,2.5"), Ok(12.5));
        assert_eq!(parse_float("1.e+5"), Ok(100_000.0));
        assert_eq!(parse_float("1.0e+400"), Ok(f64::INFINITY));
        assert_eq!(
            parse_float("-1.0e-400").map(f64::to_bits),
            Ok((-0.0f64).to_bits())
        );
        assert_eq!(
            parse_float(".e+5").unwrap_err().message,
            r#"invalid value for Float(): "e+5""#
        );
    }

    #[test]
    fn strtod_truncates_long_fractions_after_60_digits() {
        // Exactly halfway between 0x3eb0000000000001 and ...02 (67 significant
        // digits). Correct rounding ties to even (...02); Ruby drops the digits
        // after the 61st, lands below the tie and rounds down (checked in irb).
        let tie = "0.0000009536743164062503176373552203626271506209377548657357692718505859375";
        assert_eq!(
            tie.parse::<f64>().map(f64::to_bits),
            Ok(0x3eb0_0000_0000_0002)
        );
        assert_eq!(strtod_prefix(tie).0.to_bits(), 0x3eb0_0000_0000_0001);
        // Zeros are not counted until a non-zero digit follows them.
        let late_one = format!("9007199254740993.{}1", "0".repeat(50));
        assert_eq!(strtod_prefix(&late_one).0, 9_007_199_254_740_994.0);
        assert_eq!(strtod_prefix("12abc"), (12.0, 2));
        assert_eq!(strtod_prefix("."), (0.0, 0));
        assert_eq!(strtod_prefix("30."), (30.0, 3));
        assert_eq!(strtod_prefix("1e99999999999"), (f64::INFINITY, 13));
    }

    #[test]
    fn to_f_and_to_i_handle_underscores_like_ruby() {
        assert_eq!(ruby_to_f("1_000"), 1000.0);
        assert_eq!(ruby_to_f("1__2"), 1.0);
        assert_eq!(ruby_to_f("20._5"), 20.0);
        assert_eq!(ruby_to_f("20.5_5"), 20.55);
        assert_eq!(ruby_to_f(&format!("1_{}.5", "0".repeat(100))), 1.0e59);
        assert_eq!(ruby_to_i("1__2").1.to_string(), "1");
        assert_eq!(ruby_to_i("1_2_").1.to_string(), "12");
        assert_eq!(ruby_to_i("-0_7"), (true, BigUint::from_digits("7", 10)));
    }

    #[test]
    fn base_60_weights_count_from_the_left() {
        assert_eq!(sexagesimal_int("1:20"), RubyInt::Small(4800));
        assert_eq!(sexagesimal_int("190:20:30"), RubyInt::Small(685_230));
        assert_eq!(sexagesimal_int("-1:20"), RubyInt::Small(-2400));
        assert_eq!(sexagesimal_int("-0:30"), RubyInt::Small(1800));
        assert_eq!(sexagesimal_int("1__2:30"), RubyInt::Small(5400));
        assert_eq!(
            sexagesimal_int("-99999999999999999999:59:59"),
            RubyInt::Big("-359999999999999999992801".into())
        );
        assert_eq!(sexagesimal_float("1:20.5"), 4830.0);
        assert_eq!(sexagesimal_float("12:30:45.5_5"), 45045.55);
        assert_eq!(sexagesimal_float("1_0:30.5"), 37830.0);
    }
}
