//! Time as the demand log and its reports write it: Unix milliseconds in
//! the log, ISO 8601 UTC dates in reports, and the periods merchants name
//! (`--since 7d`, `24h`, `2w`, `2026-01-31`). Depends on std only.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;
/// Milliseconds in an hour.
pub const HOUR_MS: u64 = 3_600_000;

/// Now, in Unix milliseconds (0 for a clock before 1970).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), after
/// Howard Hinnant's `days_from_civil`.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number since 1970-01-01 (Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-11-25T23:47:01Z`.
pub fn iso_datetime(ms: u64) -> String {
    let secs = ms / 1000;
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `2026-11-25`.
pub fn iso_date(ms: u64) -> String {
    let (y, m, d) = civil_from_days((ms / DAY_MS) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-25 14:00` (an hour's bucket).
pub fn iso_hour(ms: u64) -> String {
    let secs = ms / 1000;
    format!("{} {:02}:00", iso_date(ms), secs % 86_400 / 3600)
}

/// Unix milliseconds of `YYYY-MM-DD` (midnight UTC) or
/// `YYYY-MM-DDTHH:MM[:SS][Z]`.
pub fn parse_iso(text: &str) -> Option<u64> {
    let text = text.trim().trim_end_matches('Z');
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut secs = 0u64;
    if let Some(time) = time {
        let mut hms = time.split(':');
        let h: u64 = hms.next()?.parse().ok()?;
        let m: u64 = hms.next()?.parse().ok()?;
        let s: u64 = hms.next().map_or(Some(0), |s| s.parse().ok())?;
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        secs = h * 3600 + m * 60 + s;
    }
    let days = days_from_civil(year, month, day);
    let days = u64::try_from(days).ok()?;
    Some((days * 86_400 + secs) * 1000)
}

/// Where a `--since` period starts, in Unix milliseconds: `7d`, `24h`,
/// `30m`, `2w` before `now`, an ISO date or date-time, or `all` (`None`).
pub fn parse_since(text: &str, now: u64) -> Result<Option<u64>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("all") {
        return Ok(None);
    }
    if let Some(at) = parse_iso(text) {
        return Ok(Some(at));
    }
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(unit_at);
    let unit_ms = match unit.trim().to_ascii_lowercase().as_str() {
        "m" | "min" => 60_000,
        "h" => HOUR_MS,
        "d" => DAY_MS,
        "w" => 7 * DAY_MS,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(n) if unit_ms > 0 => Ok(Some(now.saturating_sub(n.saturating_mul(unit_ms)))),
        _ => Err(format!(
            "`{text}` is not a period: use 30m, 24h, 7d, 2w, a date (2026-01-31) or all"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(iso_datetime(0), "1970-01-01T00:00:00Z");
        let at = parse_iso("2026-11-25T23:47:01Z").unwrap();
        assert_eq!(iso_datetime(at), "2026-11-25T23:47:01Z");
        assert_eq!(iso_date(at), "2026-11-25");
        assert_eq!(iso_hour(at), "2026-11-25 23:00");
        assert_eq!(parse_iso("2024-02-29"), Some(1_709_164_800_000));
        assert_eq!(iso_date(1_709_164_800_000), "2024-02-29");
        assert_eq!(parse_iso("2024-13-01"), None);
        assert_eq!(parse_iso("yesterday"), None);
    }

    #[test]
    fn periods() {
        let now = 10 * DAY_MS;
        assert_eq!(parse_since("7d", now), Ok(Some(3 * DAY_MS)));
        assert_eq!(parse_since("24h", now), Ok(Some(9 * DAY_MS)));
        assert_eq!(parse_since("1w", now), Ok(Some(3 * DAY_MS)));
        assert_eq!(parse_since("90m", now), Ok(Some(now - 90 * 60_000)));
        assert_eq!(parse_since("30d", now), Ok(Some(0)));
        assert_eq!(parse_since("all", now), Ok(None));
        assert_eq!(parse_since("1970-01-02", now), Ok(Some(DAY_MS)));
        assert!(parse_since("7 years", now).is_err());
        assert!(parse_since("d", now).is_err());
    }
}
