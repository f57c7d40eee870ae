//! `Time.make_time` (lib/time.rb), step for step: fill missing leading fields from `now`,
//! then either shift by the written offset (`apply_offset` + `Time.utc`) or read the wall
//! clock in the local zone (`Time.local`).

use super::{TimeParseError, ZoneUse, civil, local_instant, month_days, validate, zone_offset};
use crate::jekyll::ruby_date::DateHash;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp, ZonedDateTime};

pub(super) type Made = (Timestamp, Option<ZoneUse>);

fn unsupported(what: &str) -> TimeParseError {
    TimeParseError::Unsupported(what.to_string())
}

fn zoned(ts: Timestamp, off: Option<i32>, tz: &TimeZone) -> Result<ZonedDateTime, TimeParseError> {
    let zone = match off {
        Some(secs) => {
            TimeZone::fixed(Offset::from_seconds(secs).map_err(|_| unsupported("offset"))?)
        }
        None => tz.clone(),
    };
    Ok(ts.to_zoned_datetime(zone))
}

/// `make_time(date, year, yday, mon, day, hour, min, sec, sec_fraction, zone, now)`; the
/// `yday` branch recurses with a guessed month/day and corrects it, as Ruby does.
pub(super) fn make_time(
    h: &DateHash,
    yday: Option<i64>,
    mon: Option<i64>,
    day: Option<i64>,
    tz: &TimeZone,
    now: Timestamp,
) -> Result<Made, TimeParseError> {
    let now_year = i64::from(now.to_zoned_datetime(tz.clone()).year());
    let off_year = h.year.unwrap_or(now_year);
    let zone = h.zone.as_deref();
    let off = zone.and_then(|z| zone_offset(z, off_year, tz));

    if let Some(yday) = yday {
        if !(1..=366).contains(&yday) {
            return Err(TimeParseError::Raises(format!("yday {yday} out of range")));
        }
        let (mut mon, mut day) = ((yday - 1).div_euclid(31) + 1, (yday - 1).rem_euclid(31) + 1);
        let (t, z) = make_time(h, None, Some(mon), Some(day), tz, now)?;
        let shown_off = match &z {
            Some(ZoneUse::Applied { offset_seconds, .. }) => Some(*offset_seconds),
            _ => None,
        };
        let diff = yday - i64::from(zoned(t, shown_off, tz)?.day_of_year());
        if diff == 0 {
            return Ok((t, z));
        }
        day += diff;
        if let Some(days) = month_days(off_year, mon)
            && day > 28
            && day > days
        {
            mon += 1;
            if mon > 12 {
                return Err(TimeParseError::Raises(format!("yday {yday} out of range")));
            }
            day -= days;
        }
        return make_time(h, None, Some(mon), Some(day), tz, now);
    }

    // `now.getlocal(off)` / `now.getlocal`, then the begin..break chain: only the fields
    // before the first one written come from the clock.
    let now_local = zoned(now, off, tz)?;
    let (mut year, mut mon, mut day) = (h.year, mon, day);
    let (mut hour, mut min, mut sec) = (h.hour, h.min, h.sec);
    let mut nanos = h.sec_fraction.as_deref().map(fraction_nanos);
    if year.is_none() {
        year = Some(now_local.year().into());
        if mon.is_none() {
            mon = Some(now_local.month().into());
            if day.is_none() {
                day = Some(now_local.day().into());
                if hour.is_none() {
                    hour = Some(now_local.hour().into());
                    if min.is_none() {
                        min = Some(now_local.minute().into());
                        if sec.is_none() {
                            sec = Some(now_local.second().into());
                            if nanos.is_none() {
                                nanos = Some(now_local.subsec_nanosecond() / 1000 * 1000);
                            }
                        }
                    }
                }
            }
        }
    }
    let year = year.unwrap_or(1970);
    let (mut mon, mut day) = (mon.unwrap_or(1), day.unwrap_or(1));
    let (mut hour, mut min, mut sec) = (hour.unwrap_or(0), min.unwrap_or(0), sec.unwrap_or(0));
    let nanos = nanos.unwrap_or(0);

    let off = if year == off_year {
        off
    } else {
        zone.and_then(|z| zone_offset(z, year, tz))
    };
    let zone_use = zone.map(|z| match off {
        Some(offset_seconds) => ZoneUse::Applied {
            zone: z.to_string(),
            offset_seconds,
        },
        None => ZoneUse::Ignored {
            zone: z.to_string(),
        },
    });

    let instant = if let Some(off) = off {
        let mut y = year;
        (y, mon, day, hour, min, sec) = apply_offset(y, mon, day, hour, min, sec, i64::from(off));
        validate(mon, day, hour, min, sec)?;
        let dt = civil(y, mon, day, hour, min, sec).ok_or_else(|| unsupported("year"))?;
        dt.to_zoned_datetime(TimeZone::UTC)
            .map_err(|_| unsupported("year"))?
            .timestamp()
    } else {
        validate(mon, day, hour, min, sec)?;
        local_instant(tz, year, mon, day, hour, min, sec).ok_or_else(|| unsupported("year"))?
    };
    let instant = instant
        .checked_add(SignedDuration::from_nanos(i64::from(nanos)))
        .map_err(|_| unsupported("year"))?;
    Ok((instant, zone_use))
}

/// Fraction digits to nanoseconds, truncated (Jekyll drops sub-seconds anyway).
fn fraction_nanos(digits: &str) -> i32 {
    let mut padded: String = digits.chars().take(9).collect();
    while padded.len() < 9 {
        padded.push('0');
    }
    padded.parse().unwrap_or(0)
}

/// `Time.apply_offset`: move the wall clock to UTC, rolling over at most one day/month the
/// way time.rb does (its own simplified calendar arithmetic, kept as is).
fn apply_offset(
    mut year: i64,
    mut mon: i64,
    mut day: i64,
    mut hour: i64,
    mut min: i64,
    mut sec: i64,
    off: i64,
) -> (i64, i64, i64, i64, i64, i64) {
    let sign = off.signum();
    if sign == 0 {
        return (year, mon, day, hour, min, sec);
    }
    let mut off = off.abs();
    let step = |value: &mut i64, modulus: i64, off: &mut i64| {
        let o = off.rem_euclid(modulus);
        *off = off.div_euclid(modulus);
        if o != 0 {
            *value -= sign * o;
            let carry = value.div_euclid(modulus);
            *value = value.rem_euclid(modulus);
            *off -= sign * carry;
        }
    };
    step(&mut sec, 60, &mut off);
    step(&mut min, 60, &mut off);
    step(&mut hour, 24, &mut off);
    if off != 0 {
        if sign < 0 {
            day += off;
            if let Some(days) = month_days(year, mon)
                && days < day
            {
                mon += 1;
                if mon > 12 {
                    mon = 1;
                    year += 1;
                }
                day = 1;
            }
        } else {
            day -= off;
            if day < 1 {
                mon -= 1;
                if mon < 1 {
                    year -= 1;
                    mon = 12;
                }
                day = month_days(year, mon).unwrap_or(31);
            }
        }
    }
    (year, mon, day, hour, min, sec)
}
