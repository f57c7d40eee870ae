//! The rule cascade of `date__parse` (date_parse.c), in the C order. Every pattern is the
//! C pattern verbatim (non-TIGHT_PARSER branch); `(?i)` marks REGCOMP_I. Rust's regex crate
//! has the same leftmost-first semantics as Onigmo for these backreference-free patterns.

use super::s3e::s3e;
use super::{State, ddd, has};
use regex::{Captures, Regex};
use std::sync::LazyLock;

const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const ERA: &str = r"c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.)";

fn re(src: &str) -> Regex {
    Regex::new(src).expect("date_parse pattern compiles")
}

macro_rules! pattern {
    ($name:ident, $src:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| re(&$src));
    };
}

pattern!(DAY, r"(?i)\b(sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*");
pattern!(
    TIME,
    concat!(
        r"(?i)((?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)",
        r"(?:\s*[ap](?:m\b|\.m\.))?|\d+\s*[ap](?:m\b|\.m\.))",
        r"(?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?",
        r"|(?-i:[[:alpha:].\s]+)(?:standard|daylight)\stime\b",
        r"|(?-i:[[:alpha:]]+)(?:\sdst)?\b))?"
    )
);
pattern!(
    TIME_FIELDS,
    r"(?i)\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?"
);
pattern!(
    EU,
    format!(
        r"(?i)('?\d+)[^-\d\s]*\s*({MONTHS})[^-\d\s']*(?:\s*({ERA})?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?"
    )
);
pattern!(
    US,
    format!(r"(?i)\b({MONTHS})[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*({ERA})?\s*('?-?\d+))?")
);
pattern!(ISO, r"('?[-+]?\d+)-(\d+)-('?-?\d+)");
pattern!(JIS, r"(?i)\b([mtsh])(\d+)\.(\d+)\.(\d+)");
pattern!(VMS11, format!(r"(?i)('?-?\d+)-({MONTHS})[^-/.]*-('?-?\d+)"));
pattern!(
    VMS12,
    format!(r"(?i)\b({MONTHS})[^-/.]*-('?-?\d+)(?:-('?-?\d+))?")
);
pattern!(SLA, r"(?i)('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?");
pattern!(DOT, r"(?i)('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)");
pattern!(YEAR, r"'(\d+)\b");
pattern!(MON, format!(r"(?i)\b({MONTHS})\S*"));
pattern!(MDAY, r"(?i)(\d+)(st|nd|rd|th)\b");
pattern!(BC, r"(?i)\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)");
pattern!(FRAG, r"(?i)\A\s*(\d{1,2})\s*\z");

/// `subx`: on a match, replace the matched text by one space, then hand the captures over.
pub(crate) fn subs(
    text: &mut String,
    pat: &Regex,
    st: &mut State,
    cb: fn(&Captures, &mut State),
) -> bool {
    let owned = text.clone();
    let Some(caps) = pat.captures(&owned) else {
        return false;
    };
    text.replace_range(caps.get(0).map_or(0..0, |m| m.range()), " ");
    cb(&caps, st);
    true
}

pub(crate) fn cap(c: &Captures, i: usize) -> Option<String> {
    c.get(i).map(|m| m.as_str().to_string())
}

/// `mon_num`: the month whose three-letter abbreviation starts the word.
fn mon_num(word: &str) -> i64 {
    let lower = word.get(..3).unwrap_or(word).to_ascii_lowercase();
    MONTHS
        .split('|')
        .position(|m| m == lower)
        .map_or(13, |i| i as i64 + 1)
}

fn is_bc(era: Option<String>) -> bool {
    era.is_some_and(|e| e.starts_with(['b', 'B']))
}

/// Runs the cascade; stops at the first date rule that matches (the C `goto ok`).
pub(crate) fn run_cascade(text: &mut String, st: &mut State) {
    if has(text, true, false, None) {
        subs(text, &DAY, st, |c, st| {
            let day = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
            let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
            st.hash.wday = days
                .iter()
                .position(|d| day.starts_with(d))
                .map(|i| i as i64);
        });
    }
    if has(text, false, true, None) {
        subs(text, &TIME, st, time_cb);
    }
    date_rules(text, st);
    if has(text, true, false, None) {
        subs(text, &BC, st, |_, st| st.bc = true);
    }
    if has(text, false, true, None) {
        subs(text, &FRAG, st, frag_cb);
    }
}

fn date_rules(text: &mut String, st: &mut State) -> bool {
    if has(text, true, true, None) && (subs(text, &EU, st, eu_cb) || subs(text, &US, st, us_cb)) {
        return true;
    }
    if has(text, false, true, Some(b'-')) && subs(text, &ISO, st, iso_cb) {
        return true;
    }
    if has(text, false, true, Some(b'.')) && subs(text, &JIS, st, jis_cb) {
        return true;
    }
    if has(text, true, true, Some(b'-'))
        && (subs(text, &VMS11, st, vms11_cb) || subs(text, &VMS12, st, vms12_cb))
    {
        return true;
    }
    if has(text, false, true, Some(b'/')) && subs(text, &SLA, st, iso_cb) {
        return true;
    }
    if has(text, false, true, Some(b'.')) && subs(text, &DOT, st, iso_cb) {
        return true;
    }
    if has(text, false, true, None) && ddd::parse_iso2(text, st) {
        return true;
    }
    if has(text, false, true, None)
        && subs(text, &YEAR, st, |c, st| st.hash.year = Some(st.num(&c[1])))
    {
        return true;
    }
    if has(text, true, false, None)
        && subs(text, &MON, st, |c, st| st.hash.mon = Some(mon_num(&c[1])))
    {
        return true;
    }
    if has(text, false, true, None)
        && subs(text, &MDAY, st, |c, st| st.hash.mday = Some(st.num(&c[1])))
    {
        return true;
    }
    has(text, false, true, None) && subs(text, &ddd::DDD, st, ddd::ddd_cb)
}

/// `parse_time_cb` + `parse_time2_cb`. The zone is recorded even when the fields fail.
fn time_cb(c: &Captures, st: &mut State) {
    if let Some(zone) = c.get(2) {
        st.hash.zone = Some(zone.as_str().to_string());
    }
    let Some(f) = TIME_FIELDS.captures(&c[1]) else {
        return;
    };
    let mut hour = st.num(&f[1]);
    if let Some(ampm) = f.get(5) {
        hour %= 12;
        if ampm.as_str().eq_ignore_ascii_case("p") {
            hour += 12;
        }
    }
    st.hash.hour = Some(hour);
    if let Some(m) = f.get(2) {
        st.hash.min = Some(st.num(m.as_str()));
    }
    if let Some(s) = f.get(3) {
        st.hash.sec = Some(st.num(s.as_str()));
    }
    if let Some(frac) = f.get(4) {
        st.hash.sec_fraction = Some(frac.as_str().to_string());
    }
}

fn eu_cb(c: &Captures, st: &mut State) {
    let mon = mon_num(&c[2]).to_string();
    s3e(st, cap(c, 4), Some(mon), cap(c, 1), is_bc(cap(c, 3)));
}

fn us_cb(c: &Captures, st: &mut State) {
    let mon = mon_num(&c[1]).to_string();
    s3e(st, cap(c, 4), Some(mon), cap(c, 2), is_bc(cap(c, 3)));
}

/// Shared by `parse_iso_cb`, `parse_sla_cb` and `parse_dot_cb`: captures in (y, m, d) order.
fn iso_cb(c: &Captures, st: &mut State) {
    s3e(st, cap(c, 1), cap(c, 2), cap(c, 3), false);
}

/// Japanese era dates (`h31.04.30`): year offset by the era's start.
fn jis_cb(c: &Captures, st: &mut State) {
    let era = match c[1].to_ascii_lowercase().as_str() {
        "m" => 1867,
        "t" => 1911,
        "s" => 1925,
        _ => 1988,
    };
    st.hash.year = Some(st.num(&c[2]) + era);
    st.hash.mon = Some(st.num(&c[3]));
    st.hash.mday = Some(st.num(&c[4]));
}

fn vms11_cb(c: &Captures, st: &mut State) {
    let mon = mon_num(&c[2]).to_string();
    s3e(st, cap(c, 3), Some(mon), cap(c, 1), false);
}

fn vms12_cb(c: &Captures, st: &mut State) {
    let mon = mon_num(&c[1]).to_string();
    s3e(st, cap(c, 3), Some(mon), cap(c, 2), false);
}

/// `parse_frag_cb`: a lone 1–2 digit number left over completes a day or an hour.
fn frag_cb(c: &Captures, st: &mut State) {
    let n = st.num(&c[1]);
    if st.hash.hour.is_some() && st.hash.mday.is_none() && (1..=31).contains(&n) {
        st.hash.mday = Some(n);
    }
    if st.hash.mday.is_some() && st.hash.hour.is_none() && (0..=24).contains(&n) {
        st.hash.hour = Some(n);
    }
}
