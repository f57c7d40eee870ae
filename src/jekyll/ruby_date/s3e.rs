//! `s3e` from date_parse.c: given three captured fields in the order a rule *guessed*
//! (year, month, day), decide which one really is the year. Its swaps are why
//! `04/07/2022` is 4 July (day first) while `2022/04/07` is 7 April, and why `15-08-2019`
//! is 15 August 2019.

use super::State;

/// Position of the first digit run (with an optional leading sign when `signed`), as
/// `(start, end)` byte offsets, skipping any other leading characters (e.g. `'`).
fn digit_run(s: &str, signed: bool) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let start = b
        .iter()
        .position(|c| c.is_ascii_digit() || (signed && (*c == b'-' || *c == b'+')))?;
    let mut i = start;
    if signed && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    Some((start, i + digits))
}

fn apostrophe_or_long(s: &str) -> bool {
    s.starts_with('\'') || s.len() > 2
}

/// Port of `s3e(hash, y, m, d, bc)`.
pub(crate) fn s3e(
    st: &mut State,
    y: Option<String>,
    m: Option<String>,
    d: Option<String>,
    bc: bool,
) {
    let (mut y, mut m, mut d) = (y, m, d);

    // "y m" with no day: the C code rotates to (d, y, m).
    if y.is_some() && m.is_some() && d.is_none() {
        (y, m, d) = (d, y, m);
    }

    if y.is_none()
        && let Some(dd) = &d
        && (dd.len() > 2 || dd.starts_with('\''))
    {
        y = d.take();
    }

    // A "year" with trailing text after its digits ("5th") is really the day.
    if let Some(yy) = y.clone()
        && let Some((bp, ep)) = digit_run(&yy, true)
        && ep < yy.len()
    {
        y = d.take();
        d = Some(yy[bp..ep].to_string());
    }

    if let Some(mm) = &m
        && apostrophe_or_long(mm)
    {
        // "us -> be": (y, m, d) = (m, d, y)
        (y, m, d) = (m, d, y);
    }

    if let Some(dd) = &d
        && apostrophe_or_long(dd)
    {
        std::mem::swap(&mut y, &mut d);
    }

    let mut comp_false = false;
    if let Some(yy) = &y
        && let Some((bp, ep)) = digit_run(yy, true)
    {
        let text = &yy[bp..ep];
        let signed = text.starts_with(['-', '+']);
        let digits = text.trim_start_matches(['-', '+']).len();
        if signed || digits > 2 {
            comp_false = true;
        }
        let value = st.num(text);
        st.hash.year = Some(value);
    }

    if bc {
        st.bc = true;
    }

    if let Some(mm) = &m
        && let Some((bp, ep)) = digit_run(mm, false)
    {
        let value = st.num(&mm[bp..ep]);
        st.hash.mon = Some(value);
    }

    if let Some(dd) = &d
        && let Some((bp, ep)) = digit_run(dd, false)
    {
        let value = st.num(&dd[bp..ep]);
        st.hash.mday = Some(value);
    }

    if comp_false {
        st.comp = false;
    }
}
