//! Wall-clock time as git-multi writes it: UTC stamps for backup events and records, without a date crate.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Milliseconds since the Unix epoch, now.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// `(year, month, day, hour, minute, second)` in UTC for `secs` since the epoch.
pub fn civil(secs: u64) -> (i64, u32, u32, u32, u32, u32) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-from-civil inverse: exact for every date after 1970.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
    )
}

/// `2026-11-29T19:11:30Z`.
pub fn rfc3339(secs: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `20261129T191130Z`: the same instant in a form that is a valid ref name component and sorts by time.
pub fn compact(secs: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

/// A time budget for humans: `2s`, `1.5s`, `5m`.
pub fn span(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 120.0 && secs % 60.0 == 0.0 {
        format!("{}m", secs / 60.0)
    } else if secs.fract() == 0.0 {
        format!("{secs}s")
    } else {
        format!("{secs:.1}s")
    }
}

/// Seconds since the epoch of a UTC civil time; `None` before 1970 or for a date that does not exist.
pub fn from_civil(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Option<u64> {
    if !(1..=12).contains(&month) || day == 0 || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day > month_days[month as usize - 1] {
        return None;
    }
    // Howard Hinnant's days-from-civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    u64::try_from(secs).ok()
}

/// The forms [`parse_since`] reads, for the hint that follows a value it cannot read.
pub const SINCE_FORMS: &str = "2026-01-31, 2026-01-31T12:00:00Z, now, today, yesterday, last week, 3d, 12h, \"2 weeks ago\" (units: s, m, h, d, w, month, year)";

/// A point in time as people write it for `--since`: `2026-01-31`, `2026-01-31T12:00:00Z` (or with a space
/// instead of `T`), an age such as `3d`, `12h`, `2 weeks ago`, `2.weeks.ago` (s, m, h, d, w, month = 30 days,
/// year = 365 days), or one of git's approxidate words: `now`, `today` (00:00 UTC today), `yesterday` (24 hours
/// ago, as git reads it), `last <unit>` (one unit ago). Dates are UTC.
pub fn parse_since(text: &str, now: u64) -> Option<u64> {
    let text = text.trim();
    if let Some(secs) = parse_date(text) {
        return Some(secs);
    }
    let spaced = text.replace('.', " ").to_ascii_lowercase();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let (number, unit) = match words.as_slice() {
        ["now"] => return Some(now),
        ["today"] | ["midnight"] => return Some(now - now % 86_400),
        ["yesterday"] => return now.checked_sub(86_400),
        ["last", unit] => ("1", *unit),
        [one] | [one, "ago"] => {
            let digits = one.chars().take_while(char::is_ascii_digit).count();
            (&one[..digits], &one[digits..])
        }
        [number, unit] | [number, unit, "ago"] => (*number, *unit),
        _ => return None,
    };
    let n: u64 = number.parse().ok()?;
    let unit_secs = match unit.trim_end_matches('s') {
        "" | "sec" | "second" => 1,
        "m" | "min" | "minute" => 60,
        "h" | "hour" => 3600,
        "d" | "day" => 86_400,
        "w" | "week" => 7 * 86_400,
        "month" => 30 * 86_400,
        "y" | "year" => 365 * 86_400,
        _ => return None,
    };
    now.checked_sub(n.checked_mul(unit_secs)?)
}

/// `YYYY-MM-DD` (midnight) or `YYYY-MM-DD[T ]HH:MM[:SS][Z]`.
fn parse_date(text: &str) -> Option<u64> {
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time.trim_end_matches('Z'))),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || year < 1970 {
        return None;
    }
    let (hour, minute, second) = match time {
        None => (0, 0, 0),
        Some(time) => {
            let mut t = time.split(':');
            let hour: u32 = t.next()?.parse().ok()?;
            let minute: u32 = t.next()?.parse().ok()?;
            let second: u32 = t.next().map_or(Some(0), |s| s.parse().ok())?;
            if t.next().is_some() {
                return None;
            }
            (hour, minute, second)
        }
    };
    from_civil(year, month, day, hour, minute, second)
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// When this process started working: the first call fixes it (the dashboard's first-paint figure counts from
/// here).
pub fn process_started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // 2026-01-01T00:00:00Z, the tests' fixed commit date.
        assert_eq!(rfc3339(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(compact(1_767_225_600 + 86_399), "20260101T235959Z");
        // A leap day.
        assert_eq!(rfc3339(1_709_164_800), "2024-02-29T00:00:00Z");
    }

    #[test]
    fn since_takes_git_approxidate_words() {
        // 2026-01-01T13:30:00Z
        let now = 1_767_225_600 + 13 * 3600 + 1800;
        let midnight = 1_767_225_600;
        assert_eq!(parse_since("now", now), Some(now));
        assert_eq!(parse_since("today", now), Some(midnight));
        assert_eq!(parse_since("Today", now), Some(midnight));
        assert_eq!(parse_since("midnight", now), Some(midnight));
        // As git reads it: 24 hours ago.
        assert_eq!(parse_since("yesterday", now), Some(now - 86_400));
        assert_eq!(parse_since("last week", now), Some(now - 7 * 86_400));
        assert_eq!(parse_since("last.day", now), Some(now - 86_400));
        assert_eq!(parse_since("2 months ago", now), Some(now - 60 * 86_400));
        assert_eq!(parse_since("1 year ago", now), Some(now - 365 * 86_400));
    }

    #[test]
    fn civil_time_round_trips() {
        for secs in [0, 1_709_164_800, 1_767_225_600 + 86_399, 4_102_444_800] {
            let (y, mo, d, h, mi, s) = civil(secs);
            assert_eq!(from_civil(y, mo, d, h, mi, s), Some(secs));
        }
        assert_eq!(from_civil(2025, 2, 29, 0, 0, 0), None);
        assert_eq!(from_civil(2026, 13, 1, 0, 0, 0), None);
    }

    #[test]
    fn since_takes_dates_and_ages() {
        let now = 1_767_225_600;
        assert_eq!(parse_since("2026-01-01", now), Some(1_767_225_600));
        assert_eq!(
            parse_since("2026-01-01T01:02:03Z", now),
            Some(1_767_225_600 + 3723)
        );
        assert_eq!(parse_since("2026-01-01 00:01", now), Some(now + 60));
        assert_eq!(parse_since("3d", now), Some(now - 3 * 86_400));
        assert_eq!(parse_since("2 weeks ago", now), Some(now - 14 * 86_400));
        assert_eq!(parse_since("2.weeks.ago", now), Some(now - 14 * 86_400));
        assert_eq!(parse_since("90 minutes", now), Some(now - 5400));
        assert_eq!(parse_since("soon", now), None);
        assert_eq!(parse_since("last", now), None);
        assert_eq!(parse_since("last soon", now), None);
        assert_eq!(parse_since("3 fortnights ago", now), None);
        assert_eq!(parse_since("2026-02-30", now), None);
    }
}
