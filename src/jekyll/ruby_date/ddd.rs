//! The digit-only rules of date_parse.c: `parse_iso2` (ISO week and ordinal dates) and
//! `parse_ddd`, which reads runs of digits by their length — this is why `20220105` is a
//! date and a bare `2022` is month 20, day 22 (and so an invalid date in Jekyll).

use super::State;
use super::rules::{cap, subs};
use regex::{Captures, Regex};
use std::sync::LazyLock;

fn re(src: &str) -> Regex {
    Regex::new(src).expect("date_parse pattern compiles")
}

static ISO21: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b"));
static ISO22: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)-w-(\d)\b"));
static ISO23: LazyLock<Regex> = LazyLock::new(|| re(r"--(\d{2})?-(\d{2})\b"));
static ISO24: LazyLock<Regex> = LazyLock::new(|| re(r"--(\d{2})(\d{2})?\b"));
static ISO25_GUARD: LazyLock<Regex> = LazyLock::new(|| re(r"[,.](\d{2}|\d{4})-\d{3}\b"));
static ISO25: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{2}|\d{4})-(\d{3})\b"));
static ISO26_GUARD: LazyLock<Regex> = LazyLock::new(|| re(r"\d-\d{3}\b"));
static ISO26: LazyLock<Regex> = LazyLock::new(|| re(r"\b-(\d{3})\b"));
pub(crate) static DDD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?",
        r"(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?"
    ))
});

/// `parse_iso2`: the first of iso21..iso26 that matches.
pub(crate) fn parse_iso2(text: &mut String, st: &mut State) -> bool {
    subs(text, &ISO21, st, |c, st| {
        st.hash.cwyear = cap(c, 1).map(|y| st.num(&y));
        st.hash.cweek = Some(st.num(&c[2]));
        if let Some(d) = cap(c, 3) {
            st.hash.cwday = Some(st.num(&d));
        }
    }) || subs(text, &ISO22, st, |c, st| {
        st.hash.cwday = Some(st.num(&c[1]))
    }) || subs(text, &ISO23, st, |c, st| {
        if let Some(m) = cap(c, 1) {
            st.hash.mon = Some(st.num(&m));
        }
        st.hash.mday = Some(st.num(&c[2]));
    }) || subs(text, &ISO24, st, |c, st| {
        st.hash.mon = Some(st.num(&c[1]));
        if let Some(d) = cap(c, 2) {
            st.hash.mday = Some(st.num(&d));
        }
    }) || (!ISO25_GUARD.is_match(text)
        && subs(text, &ISO25, st, |c, st| {
            st.hash.year = Some(st.num(&c[1]));
            st.hash.yday = Some(st.num(&c[2]));
        }))
        || (!ISO26_GUARD.is_match(text)
            && subs(text, &ISO26, st, |c, st| st.hash.yday = Some(st.num(&c[1]))))
}

/// `n2i`: `width` digits of `s` starting at byte `from`.
fn n2i(s: &str, from: usize, width: usize) -> i64 {
    s[from..from + width]
        .bytes()
        .fold(0, |v, b| v * 10 + i64::from(b - b'0'))
}

/// `parse_ddd_cb`. `s2` is the digit run; with `s4` (a fraction) but no `s3` the run ends in
/// a time (`...hhmmss.fff`), otherwise it starts with a date.
pub(crate) fn ddd_cb(c: &Captures, st: &mut State) {
    let negative = c.get(1).is_some_and(|m| m.as_str() == "-");
    let s2 = &c[2];
    let l2 = s2.len();
    let time_first = c.get(3).is_none() && c.get(4).is_some();
    let signed = |y: i64| if negative { -y } else { y };
    let h = &mut st.hash;
    match l2 {
        2 if time_first => h.sec = Some(n2i(s2, 0, 2)),
        2 => h.mday = Some(n2i(s2, 0, 2)),
        4 if time_first => {
            h.sec = Some(n2i(s2, 2, 2));
            h.min = Some(n2i(s2, 0, 2));
        }
        4 => {
            h.mon = Some(n2i(s2, 0, 2));
            h.mday = Some(n2i(s2, 2, 2));
        }
        6 if time_first => {
            h.sec = Some(n2i(s2, 4, 2));
            h.min = Some(n2i(s2, 2, 2));
            h.hour = Some(n2i(s2, 0, 2));
        }
        6 => {
            h.year = Some(signed(n2i(s2, 0, 2)));
            h.mon = Some(n2i(s2, 2, 2));
            h.mday = Some(n2i(s2, 4, 2));
        }
        8 | 10 | 12 | 14 if time_first => {
            h.sec = Some(n2i(s2, l2 - 2, 2));
            h.min = Some(n2i(s2, l2 - 4, 2));
            h.hour = Some(n2i(s2, l2 - 6, 2));
            h.mday = Some(n2i(s2, l2 - 8, 2));
            if l2 >= 10 {
                h.mon = Some(n2i(s2, l2 - 10, 2));
            }
            if l2 == 12 {
                h.year = Some(signed(n2i(s2, 0, 2)));
            }
            if l2 == 14 {
                h.year = Some(signed(n2i(s2, 0, 4)));
                st.comp = false;
            }
        }
        8 | 10 | 12 | 14 => {
            h.year = Some(signed(n2i(s2, 0, 4)));
            h.mon = Some(n2i(s2, 4, 2));
            h.mday = Some(n2i(s2, 6, 2));
            if l2 >= 10 {
                h.hour = Some(n2i(s2, 8, 2));
            }
            if l2 >= 12 {
                h.min = Some(n2i(s2, 10, 2));
            }
            if l2 >= 14 {
                h.sec = Some(n2i(s2, 12, 2));
            }
            st.comp = false;
        }
        3 if time_first => {
            h.sec = Some(n2i(s2, 1, 2));
            h.min = Some(n2i(s2, 0, 1));
        }
        3 => h.yday = Some(n2i(s2, 0, 3)),
        5 if time_first => {
            h.sec = Some(n2i(s2, 3, 2));
            h.min = Some(n2i(s2, 1, 2));
            h.hour = Some(n2i(s2, 0, 1));
        }
        5 => {
            h.year = Some(signed(n2i(s2, 0, 2)));
            h.yday = Some(n2i(s2, 2, 3));
        }
        7 if time_first => {
            h.sec = Some(n2i(s2, 5, 2));
            h.min = Some(n2i(s2, 3, 2));
            h.hour = Some(n2i(s2, 1, 2));
            h.mday = Some(n2i(s2, 0, 1));
        }
        7 => {
            h.year = Some(signed(n2i(s2, 0, 4)));
            h.yday = Some(n2i(s2, 4, 3));
        }
        _ => {}
    }
    let h = &mut st.hash;
    if let Some(s3) = c.get(3).map(|m| m.as_str()) {
        let l3 = s3.len();
        if matches!(l3, 2 | 4 | 6) {
            if c.get(4).is_some() {
                h.sec = Some(n2i(s3, l3 - 2, 2));
                if l3 >= 4 {
                    h.min = Some(n2i(s3, l3 - 4, 2));
                }
                if l3 >= 6 {
                    h.hour = Some(n2i(s3, l3 - 6, 2));
                }
            } else {
                h.hour = Some(n2i(s3, 0, 2));
                if l3 >= 4 {
                    h.min = Some(n2i(s3, 2, 2));
                }
                if l3 >= 6 {
                    h.sec = Some(n2i(s3, 4, 2));
                }
            }
        }
    }
    if let Some(frac) = c.get(4) {
        h.sec_fraction = Some(frac.as_str().to_string());
    }
    if let Some(zone) = c.get(5).map(|m| m.as_str()) {
        h.zone = Some(bracket_zone(zone));
    }
}

/// A zone written `[+8:SGT]` or `[-5]`: Ruby keeps the name after `:`, else the inside.
fn bracket_zone(zone: &str) -> String {
    let Some(inner) = zone.strip_prefix('[') else {
        return zone.to_string();
    };
    let inner = &inner[..inner.len().saturating_sub(1)];
    match inner.split_once(':') {
        Some((_, name)) => name.to_string(),
        None => inner.to_string(),
    }
}
