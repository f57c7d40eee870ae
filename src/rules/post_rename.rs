//! New names for post files, for the fixes that rename them: the date first, written
//! `YYYY-MM-DD`, and the rest of the name kept byte for byte (its slug decides the URL).

use jiff::civil::Date;

/// A day that exists in the calendar (`2022-02-30` does not).
pub fn calendar_date(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// `name` with its first `date_len` bytes (the date as written) replaced by `date`.
pub fn with_date(name: &str, date_len: usize, date: Date) -> Option<String> {
    let rest = name.get(date_len..)?;
    Some(format!("{}{rest}", date.strftime("%Y-%m-%d")))
}

/// `date-` put in front of a name that has no date.
pub fn dated(name: &str, date: Date) -> String {
    format!("{}-{name}", date.strftime("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let day = calendar_date(2019, 8, 15).unwrap();
        assert_eq!(
            with_date("15-08-2019-ecanvas.md", 10, day).unwrap(),
            "2019-08-15-ecanvas.md"
        );
        assert_eq!(dated("ib2020.md", day), "2019-08-15-ib2020.md");
        assert!(calendar_date(2022, 2, 30).is_none());
        assert!(calendar_date(2022, 13, 1).is_none());
        assert!(calendar_date(100_000, 1, 1).is_none());
    }
}
