//! A port of Ruby's `Date._parse(str, comp = true)` (ext/date/date_parse.c, the non-TIGHT
//! parser), which `Time.parse` — and so `Jekyll::Utils.parse_date` — runs on every front
//! matter date. Jekyll calls it on `value.to_s`, so this is where `04/07/2022`, `5 May 2022`
//! and `2022-01-05 10:00 +8` get their meaning.
//!
//! The C code is a cascade of regexes; each one that matches has its text replaced by a
//! space ("SUBS") so later rules do not see it again. We keep that shape rule for rule.
//!
//! Only ASCII is emulated: a non-ASCII letter or digit would meet Onigmo's Unicode-aware
//! `[[:alpha:]]`/`\b`, so such input is reported as unsupported instead of guessed.

mod ddd;
mod rules;
mod s3e;

/// The fields `Date._parse` returns that `Time.parse` reads (`:offset` is left out: Time.parse
/// ignores it and computes its own offset from `:zone`), plus the ISO week fields, which it
/// also ignores but whose presence explains an "invalid date".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateHash {
    pub year: Option<i64>,
    pub mon: Option<i64>,
    pub mday: Option<i64>,
    pub yday: Option<i64>,
    pub hour: Option<i64>,
    pub min: Option<i64>,
    pub sec: Option<i64>,
    /// Decimal digits after the seconds' point (a Rational n/10^len in Ruby).
    pub sec_fraction: Option<String>,
    pub zone: Option<String>,
    pub wday: Option<i64>,
    pub cwyear: Option<i64>,
    pub cweek: Option<i64>,
    pub cwday: Option<i64>,
}

/// Why a string is outside what this port reproduces faithfully.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseLimit {
    /// Ruby 3.1's `Date._parse` raises ArgumentError for strings over 128 characters.
    TooLong,
    /// A non-ASCII letter or digit: Onigmo's Unicode classes are not emulated.
    NonAsciiAlphanumeric,
    /// A number too large for i64 (Ruby would use a Bignum).
    NumberOverflow,
}

/// Ruby's `Date._parse` length limit (date 3.2: `limit: 128`).
const LENGTH_LIMIT: usize = 128;

/// Working state: the hash being filled plus the `_comp`/`_bc` flags the C code keeps in it.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) hash: DateHash,
    pub(crate) comp: bool,
    pub(crate) bc: bool,
    pub(crate) overflow: bool,
}

impl State {
    /// `str2num`: digits (with an optional sign) to a number; flags overflow instead of
    /// silently wrapping.
    pub(crate) fn num(&mut self, digits: &str) -> i64 {
        let trimmed = digits.trim_start_matches('+');
        trimmed.parse::<i64>().unwrap_or_else(|_| {
            let all_digits = trimmed.trim_start_matches('-');
            if !all_digits.is_empty() && all_digits.bytes().all(|b| b.is_ascii_digit()) {
                self.overflow = true;
            }
            0
        })
    }
}

/// `Date._parse(input, true)`. `Err` when the input is outside the emulated subset or Ruby
/// itself raises (too long).
pub fn date_parse(input: &str) -> Result<DateHash, ParseLimit> {
    if let Some(hash) = canonical(input) {
        return Ok(hash);
    }
    if input.chars().count() > LENGTH_LIMIT {
        return Err(ParseLimit::TooLong);
    }
    let mut text = normalise(input)?;
    let mut st = State {
        comp: true,
        ..State::default()
    };
    rules::run_cascade(&mut text, &mut st);
    finish(&mut st);
    if st.overflow {
        return Err(ParseLimit::NumberOverflow);
    }
    Ok(st.hash)
}

/// The strings Jekyll itself produces for nearly every post — a filename date
/// `2024-03-08`, and `Time#to_s` of a front matter timestamp `2024-03-08 10:00:00 +0800` (or
/// `… UTC`) — read directly. `tests` check the result is exactly the cascade's; the cascade
/// (dozens of regular expressions) is for everything people write by hand.
fn canonical(input: &str) -> Option<DateHash> {
    let b = input.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let year = digits(0..4).filter(|&y| y >= 1000)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let mut hash = DateHash {
        year: Some(year),
        mon: Some(digits(5..7)?),
        mday: Some(digits(8..10)?),
        ..DateHash::default()
    };
    match b.len() {
        10 => Some(hash),
        // ` HH:MM:SS +0800` or ` HH:MM:SS UTC`
        23 | 25 if b[10] == b' ' && b[13] == b':' && b[16] == b':' && b[19] == b' ' => {
            hash.hour = Some(digits(11..13)?);
            hash.min = Some(digits(14..16)?);
            hash.sec = Some(digits(17..19)?);
            let zone = &input[20..];
            let numeric =
                zone.len() == 5 && matches!(b[20], b'+' | b'-') && digits(21..25).is_some();
            (numeric || zone == "UTC").then(|| {
                hash.zone = Some(zone.to_owned());
                hash
            })
        }
        _ => None,
    }
}

/// `str.gsub(/[^-+',.\/:@[:alnum:]\[\]]+/, " ")`, in ASCII.
fn normalise(input: &str) -> Result<String, ParseLimit> {
    let mut out = String::with_capacity(input.len());
    let mut in_run = false;
    for c in input.chars() {
        let kept = c.is_ascii_alphanumeric() || "-+',./:@[]".contains(c);
        if !c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)) {
            return Err(ParseLimit::NonAsciiAlphanumeric);
        }
        if kept {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push(' ');
            in_run = true;
        }
    }
    Ok(out)
}

/// Combining marks can be word characters for Onigmo; treat them as unsupported too.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// The tail of `date__parse`: BC years, then two-digit years completed to 19xx/20xx.
fn finish(st: &mut State) {
    let h = &mut st.hash;
    if st.bc {
        h.cwyear = h.cwyear.map(|y| 1 - y);
        h.year = h.year.map(|y| 1 - y);
    }
    if st.comp {
        let complete = |y: i64| match y {
            69..=99 => y + 1900,
            0..=68 => y + 2000,
            _ => y,
        };
        h.cwyear = h.cwyear.map(complete);
        h.year = h.year.map(complete);
    }
}

/// True when the text holds a character of the class (the C `check_class`, re-run on the
/// text as rules consume it, exactly like the `HAVE_ELEM_P` macro).
pub(crate) fn has(text: &str, alpha: bool, digit: bool, extra: Option<u8>) -> bool {
    let b = text.as_bytes();
    (!alpha || b.iter().any(u8::is_ascii_alphabetic))
        && (!digit || b.iter().any(u8::is_ascii_digit))
        && extra.is_none_or(|x| b.contains(&x))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod canonical_tests {
    use super::*;

    /// The shortcut must give exactly what the rule cascade gives.
    fn cascade(input: &str) -> DateHash {
        let mut text = normalise(input).unwrap();
        let mut st = State {
            comp: true,
            ..State::default()
        };
        rules::run_cascade(&mut text, &mut st);
        finish(&mut st);
        st.hash
    }

    #[test]
    fn canonical_forms_agree_with_the_cascade() {
        let mut inputs = Vec::new();
        for (y, m, d) in [
            (2024, 3, 8),
            (1999, 12, 31),
            (2020, 2, 30),
            (1000, 0, 0),
            (9999, 13, 99),
        ] {
            inputs.push(format!("{y:04}-{m:02}-{d:02}"));
            for zone in ["+0800", "-0500", "+0000", "UTC", "-1130"] {
                inputs.push(format!("{y:04}-{m:02}-{d:02} 23:59:60 {zone}"));
                inputs.push(format!("{y:04}-{m:02}-{d:02} 00:00:00 {zone}"));
            }
        }
        for input in &inputs {
            assert_eq!(canonical(input).as_ref(), Some(&cascade(input)), "{input}");
        }
        for other in [
            "0999-01-01",
            "2024-3-8",
            "2024-03-08 10:00 +0800",
            "2024-03-08 10:00:00 SGT",
            "2024-03-08T10:00:00Z",
        ] {
            assert_eq!(canonical(other), None, "{other}");
        }
    }
}
