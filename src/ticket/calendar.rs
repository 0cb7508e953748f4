//! Business calendar: which instants count as working time (weekdays, daily hours, an
//! IANA time zone, holidays and make-up working days), and the two sums built on it,
//! `add_working` and `working_between`. PURE: no I/O and no clock reads; every loop walks
//! whole days and is bounded by [`HORIZON_DAYS`], so no input can make it spin.

use super::model::Timestamp;
use chrono::{Datelike, LocalResult, NaiveDate, NaiveTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::BTreeSet;

/// Days walked at most by one call (about 100 years). Past it `add_working` adds the
/// remainder as wall-clock time and `working_between` stops counting; only absurd
/// inputs get there.
pub const HORIZON_DAYS: u32 = 36_600;

const DAY: u32 = 86_400;

/// The `[calendar]` TOML table. Every key is optional; an absent table is 24×7 in UTC.
///
/// ```toml
/// [calendar]
/// timezone = "Asia/Shanghai"
/// days = ["mon", "tue", "wed", "thu", "fri"]   # default: all seven days
/// hours = ["09:00-12:00", "13:00-18:00"]       # default: "00:00-24:00"
/// holidays = ["2026-10-01", "2026-10-02"]      # dates that are never working days
/// workdays = ["2026-10-11"]                    # make-up working days (调休), e.g. a Saturday
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarConfig {
    /// IANA zone name the days and hours are read in ("UTC" when absent).
    pub timezone: Option<String>,
    /// Working weekdays: "mon" … "sun" (full English names also accepted).
    pub days: Option<Vec<String>>,
    /// Working intervals of a working day, "HH:MM-HH:MM", end after start, "24:00" allowed.
    pub hours: Option<Vec<String>>,
    /// Local dates (YYYY-MM-DD) without working time, whatever their weekday.
    pub holidays: Vec<String>,
    /// Local dates (YYYY-MM-DD) that are working days whatever their weekday.
    pub workdays: Vec<String>,
}

/// A `[calendar]` table that cannot be used; lists every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid calendar: {}", .problems.join("; "))]
pub struct CalendarError {
    pub problems: Vec<String>,
}

/// When the clock of a ticket runs. Build with [`Calendar::from_config`] or
/// [`Calendar::always`] (24×7, also the `Default`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    tz: Tz,
    /// Indexed by `num_days_from_monday`.
    days: [bool; 7],
    /// Sorted, non-overlapping `[start, end)` seconds from local midnight.
    hours: Vec<(u32, u32)>,
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
    /// Every instant is working time: the sums are plain arithmetic.
    always: bool,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::always()
    }
}

impl Calendar {
    /// Round the clock, every day (the default service calendar).
    pub fn always() -> Calendar {
        Calendar {
            tz: Tz::UTC,
            days: [true; 7],
            hours: vec![(0, DAY)],
            holidays: BTreeSet::new(),
            workdays: BTreeSet::new(),
            always: true,
        }
    }

    /// Validate a `[calendar]` table. Rejects a calendar without any working time
    /// (no working weekday or no hours) so that deadlines always exist.
    pub fn from_config(cfg: &CalendarConfig) -> Result<Calendar, CalendarError> {
        let mut problems = Vec::new();

        let tz = match cfg.timezone.as_deref().map(str::trim) {
            None | Some("") => Tz::UTC,
            Some(name) => name.parse::<Tz>().unwrap_or_else(|_| {
                problems.push(format!(
                    "calendar.timezone: unknown IANA time zone {name:?} (e.g. \"Asia/Shanghai\")"
                ));
                Tz::UTC
            }),
        };

        let mut days = [true; 7];
        if let Some(names) = &cfg.days {
            days = [false; 7];
            for name in names {
                match parse_weekday(name) {
                    Some(i) => {
                        if let Some(slot) = days.get_mut(i) {
                            *slot = true;
                        }
                    }
                    None => problems.push(format!(
                        "calendar.days: unknown day {name:?} (expected mon tue wed thu fri sat sun)"
                    )),
                }
            }
            if names.is_empty() {
                problems.push("calendar.days: no working day listed".to_string());
            }
        }

        let mut hours = vec![(0, DAY)];
        if let Some(specs) = &cfg.hours {
            hours.clear();
            for spec in specs {
                match parse_interval(spec) {
                    Ok(iv) => hours.push(iv),
                    Err(why) => problems.push(format!("calendar.hours: {spec:?}: {why}")),
                }
            }
            hours.sort_unstable();
            for pair in hours.windows(2) {
                if let [a, b] = pair {
                    if b.0 < a.1 {
                        problems.push(format!(
                            "calendar.hours: {} and {} overlap",
                            fmt_interval(*a),
                            fmt_interval(*b)
                        ));
                    }
                }
            }
            if specs.is_empty() {
                problems.push("calendar.hours: no working hours listed".to_string());
            }
        }

        let holidays = parse_dates("calendar.holidays", &cfg.holidays, &mut problems);
        let workdays = parse_dates("calendar.workdays", &cfg.workdays, &mut problems);
        for both in holidays.intersection(&workdays) {
            problems.push(format!(
                "calendar: {both} is listed both as a holiday and as a workday"
            ));
        }

        if !problems.is_empty() {
            return Err(CalendarError { problems });
        }
        let always = days.iter().all(|d| *d) && hours == [(0, DAY)] && holidays.is_empty();
        Ok(Calendar {
            tz,
            days,
            hours,
            holidays,
            workdays,
            always,
        })
    }

    /// The zone days and hours are read in.
    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// True when every instant is working time.
    pub fn is_always(&self) -> bool {
        self.always
    }

    /// Whether a local date has working hours at all: holidays win, then make-up
    /// workdays, then the weekday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.holidays.contains(&date) {
            return false;
        }
        if self.workdays.contains(&date) {
            return true;
        }
        let i = date.weekday().num_days_from_monday();
        usize::try_from(i)
            .ok()
            .and_then(|i| self.days.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// The instant at which `secs` of working time have elapsed after `start`.
    /// `secs <= 0` returns `start` unchanged. A start outside working hours first waits
    /// for the next working interval; a deadline that falls exactly at the end of an
    /// interval is that end (18:00), not the next morning.
    pub fn add_working(&self, start: Timestamp, secs: i64) -> Timestamp {
        if secs <= 0 {
            return start;
        }
        if self.always {
            return start.saturating_add(secs);
        }
        let Some(mut date) = self.local_date(start) else {
            return start.saturating_add(secs);
        };
        let mut remaining = secs;
        let mut cursor = start;
        for _ in 0..HORIZON_DAYS {
            if self.is_working_day(date) {
                for (from, to) in self.windows(date) {
                    if to <= cursor {
                        continue;
                    }
                    let from = from.max(cursor);
                    let available = to - from;
                    if remaining <= available {
                        return from + remaining;
                    }
                    remaining -= available;
                    cursor = to;
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        cursor.saturating_add(remaining)
    }

    /// Working seconds in `[a, b)`; 0 when `b <= a`.
    pub fn working_between(&self, a: Timestamp, b: Timestamp) -> i64 {
        if b <= a {
            return 0;
        }
        if self.always {
            return b.saturating_sub(a);
        }
        let (Some(mut date), Some(last)) = (self.local_date(a), self.local_date(b)) else {
            return b.saturating_sub(a);
        };
        let mut total: i64 = 0;
        for _ in 0..HORIZON_DAYS {
            if self.is_working_day(date) {
                for (from, to) in self.windows(date) {
                    let overlap = to.min(b) - from.max(a);
                    if overlap > 0 {
                        total += overlap;
                    }
                }
            }
            if date >= last {
                return total;
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => return total,
            }
        }
        total
    }

    /// Local calendar date of an instant.
    pub fn local_date(&self, t: Timestamp) -> Option<NaiveDate> {
        self.tz
            .timestamp_opt(t, 0)
            .single()
            .map(|dt| dt.date_naive())
    }

    /// The working intervals of `date` as UTC instants (the caller checks the day).
    fn windows(&self, date: NaiveDate) -> impl Iterator<Item = (Timestamp, Timestamp)> + '_ {
        self.hours.iter().filter_map(move |&(s, e)| {
            let from = self.local_instant(date, s)?;
            let to = self.local_instant(date, e)?;
            (to > from).then_some((from, to))
        })
    }

    /// UTC instant of a local wall time on `date` (`sec_of_day` may be 86 400 = 24:00).
    fn local_instant(&self, date: NaiveDate, sec_of_day: u32) -> Option<Timestamp> {
        let (date, secs) = if sec_of_day >= DAY {
            (date.succ_opt()?, sec_of_day - DAY)
        } else {
            (date, sec_of_day)
        };
        let wall = date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)?);
        match self.tz.from_local_datetime(&wall) {
            LocalResult::Single(t) => Some(t.timestamp()),
            // A fall-back hour happens twice; the first reading is when the clock shows it first.
            LocalResult::Ambiguous(first, _) => Some(first.timestamp()),
            LocalResult::None => {
                // A spring-forward gap: read the wall time with the offset in force before
                // the gap, which lands as far after the jump (02:30 → 03:30 in New York).
                let before = wall.checked_sub_signed(TimeDelta::hours(24))?;
                let offset = self.tz.offset_from_utc_datetime(&before).fix();
                Some(wall.and_utc().timestamp() - i64::from(offset.local_minus_utc()))
            }
        }
    }
}

fn parse_weekday(name: &str) -> Option<usize> {
    let lower = name.trim().to_ascii_lowercase();
    let i = match lower.as_str() {
        "mon" | "monday" => 0,
        "tue" | "tuesday" => 1,
        "wed" | "wednesday" => 2,
        "thu" | "thursday" => 3,
        "fri" | "friday" => 4,
        "sat" | "saturday" => 5,
        "sun" | "sunday" => 6,
        _ => return None,
    };
    Some(i)
}

/// "09:00-18:00" → seconds from midnight.
fn parse_interval(spec: &str) -> Result<(u32, u32), String> {
    let (a, b) = spec
        .split_once('-')
        .ok_or_else(|| "expected HH:MM-HH:MM".to_string())?;
    let start = parse_clock(a)?;
    let end = parse_clock(b)?;
    if start >= DAY {
        return Err("an interval cannot start at 24:00".to_string());
    }
    if end <= start {
        return Err("end must be after start (split overnight shifts at midnight)".to_string());
    }
    Ok((start, end))
}

fn parse_clock(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let (h, m) = text
        .split_once(':')
        .ok_or_else(|| format!("{text:?} is not HH:MM"))?;
    let h: u32 = h.parse().map_err(|_| format!("{text:?} is not HH:MM"))?;
    let m: u32 = m.parse().map_err(|_| format!("{text:?} is not HH:MM"))?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(format!("{text:?} is not a time of day"));
    }
    Ok(h * 3600 + m * 60)
}

fn fmt_interval((s, e): (u32, u32)) -> String {
    format!(
        "{:02}:{:02}-{:02}:{:02}",
        s / 3600,
        s % 3600 / 60,
        e / 3600,
        e % 3600 / 60
    )
}

fn parse_dates(key: &str, items: &[String], problems: &mut Vec<String>) -> BTreeSet<NaiveDate> {
    let mut out = BTreeSet::new();
    for item in items {
        match NaiveDate::parse_from_str(item.trim(), "%Y-%m-%d") {
            Ok(d) => {
                out.insert(d);
            }
            Err(_) => problems.push(format!("{key}: {item:?} is not a date (YYYY-MM-DD)")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Epoch seconds of a local wall time in `tz`.
    fn at(tz: &str, ymd_hm: &str) -> Timestamp {
        let tz: Tz = tz.parse().unwrap();
        let ndt = chrono::NaiveDateTime::parse_from_str(ymd_hm, "%Y-%m-%d %H:%M").unwrap();
        tz.from_local_datetime(&ndt).earliest().unwrap().timestamp()
    }

    fn cfg(tz: &str, days: &[&str], hours: &[&str]) -> CalendarConfig {
        CalendarConfig {
            timezone: Some(tz.into()),
            days: Some(days.iter().map(|s| s.to_string()).collect()),
            hours: Some(hours.iter().map(|s| s.to_string()).collect()),
            holidays: vec![],
            workdays: vec![],
        }
    }

    const WEEK: &[&str] = &["mon", "tue", "wed", "thu", "fri"];
    const H: i64 = 3600;

    /// Shanghai, Mon–Fri 09:00–12:00 + 13:00–18:00, National Day holidays 2026-10-01..07,
    /// make-up Saturday 2026-10-10.
    fn shanghai() -> Calendar {
        let mut c = cfg("Asia/Shanghai", WEEK, &["09:00-12:00", "13:00-18:00"]);
        c.holidays = (1..=7).map(|d| format!("2026-10-0{d}")).collect();
        c.workdays = vec!["2026-10-10".into()];
        Calendar::from_config(&c).unwrap()
    }

    #[test]
    fn add_working_table() {
        let sh = shanghai();
        let z = "Asia/Shanghai";
        // (start, working seconds, expected end) — 2026-09-25 is a Friday.
        let cases = [
            ("2026-09-25 10:00", H, "2026-09-25 11:00"),
            ("2026-09-25 11:30", H, "2026-09-25 13:30"), // lunch is not working time
            ("2026-09-25 17:00", H, "2026-09-25 18:00"), // ends exactly at closing
            ("2026-09-25 17:00", 2 * H, "2026-09-28 10:00"), // weekend skipped
            ("2026-09-26 10:00", H, "2026-09-28 10:00"), // starts on Saturday
            ("2026-09-25 20:00", 15 * 60, "2026-09-28 09:15"), // starts after hours
            ("2026-09-25 06:00", 15 * 60, "2026-09-25 09:15"), // starts before hours
            ("2026-09-30 17:30", H, "2026-10-08 09:30"), // National Day week skipped
            ("2026-10-09 17:30", H, "2026-10-10 09:30"), // make-up Saturday works
            ("2026-09-25 10:00", 8 * H, "2026-09-28 10:00"), // one full day = 8 h
            ("2026-09-25 10:00", 0, "2026-09-25 10:00"),
        ];
        for (start, secs, want) in cases {
            let got = sh.add_working(at(z, start), secs);
            assert_eq!(got, at(z, want), "{start} + {secs}s");
            if secs > 0 {
                assert_eq!(sh.working_between(at(z, start), got), secs, "{start}");
            }
        }
    }

    #[test]
    fn add_working_and_working_between_agree_on_random_inputs() {
        // add_working(s, n) is the first instant with n working seconds since s.
        let mut ny = cfg("America/New_York", WEEK, &["08:30-12:00", "13:00-17:30"]);
        ny.holidays = vec!["2026-11-26".into(), "2026-03-09".into()];
        ny.workdays = vec!["2026-03-07".into()];
        let calendars = [
            shanghai(),
            Calendar::from_config(&ny).unwrap(),
            Calendar::always(),
        ];
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            i64::try_from((seed >> 33) % n).unwrap()
        };
        let base = at("UTC", "2026-01-01 00:00");
        for cal in &calendars {
            for _ in 0..2_000 {
                let start = base + next(365 * 86_400);
                let secs = 1 + next(60 * 3600);
                let end = cal.add_working(start, secs);
                assert_eq!(cal.working_between(start, end), secs, "{start} + {secs}");
                assert_eq!(
                    cal.working_between(start, end - 1),
                    secs - 1,
                    "{start} + {secs}"
                );
            }
        }
    }

    #[test]
    fn working_between_table() {
        let sh = shanghai();
        let z = "Asia/Shanghai";
        let cases = [
            ("2026-09-25 08:00", "2026-09-25 20:00", 8 * H),
            ("2026-09-25 12:00", "2026-09-25 13:00", 0),
            ("2026-09-25 17:00", "2026-09-28 10:00", 2 * H),
            ("2026-09-30 09:00", "2026-10-08 09:00", 8 * H),
            ("2026-10-09 18:00", "2026-10-12 09:00", 8 * H), // Sat 10th is a workday
            ("2026-09-25 12:00", "2026-09-25 11:00", 0),     // reversed
        ];
        for (a, b, want) in cases {
            assert_eq!(sh.working_between(at(z, a), at(z, b)), want, "{a} → {b}");
        }
    }

    #[test]
    fn always_calendar_is_plain_arithmetic() {
        let c = Calendar::from_config(&CalendarConfig::default()).unwrap();
        assert!(c.is_always());
        assert_eq!(c, Calendar::always());
        assert_eq!(c.add_working(1_000, 900), 1_900);
        assert_eq!(c.working_between(1_000, 1_900), 900);
    }

    #[test]
    fn new_york_spring_forward_day_counts_real_seconds() {
        // 2026-03-08: clocks jump 02:00 → 03:00. A 00:00-24:00 Sunday has 23 real hours.
        let c =
            Calendar::from_config(&cfg("America/New_York", &["sun"], &["00:00-24:00"])).unwrap();
        let z = "America/New_York";
        let a = at(z, "2026-03-08 00:00");
        let b = at(z, "2026-03-09 00:00");
        assert_eq!(c.working_between(a, b), 23 * H);
        // Friday 17:00 EST + 2 working hours on a 9–18 calendar = Monday 10:00 EDT.
        let wk = Calendar::from_config(&cfg(z, WEEK, &["09:00-18:00"])).unwrap();
        let fri = at(z, "2026-03-06 17:00");
        let mon = wk.add_working(fri, 2 * H);
        assert_eq!(mon, at(z, "2026-03-09 10:00"));
        assert_eq!(mon - fri, 2 * 24 * H + 17 * H - H, "one wall hour vanished");
    }

    #[test]
    fn new_york_fall_back_day_counts_real_seconds() {
        // 2026-11-01: 02:00 EDT → 01:00 EST, the day has 25 real hours.
        let z = "America/New_York";
        let c = Calendar::from_config(&cfg(z, &["sun"], &["00:00-24:00"])).unwrap();
        let a = at(z, "2026-11-01 00:00");
        assert_eq!(c.working_between(a, a + 48 * H), 25 * H);
        assert_eq!(c.add_working(a, 25 * H), at(z, "2026-11-02 00:00"));
    }

    #[test]
    fn hours_inside_the_gap_start_after_the_jump() {
        let z = "America/New_York";
        let c = Calendar::from_config(&cfg(z, &["sun"], &["02:30-04:00"])).unwrap();
        let midnight = at(z, "2026-03-08 00:00");
        // 02:30 does not exist; it reads as 03:30 EDT, leaving 30 minutes until 04:00.
        assert_eq!(c.working_between(midnight, midnight + 24 * H), 30 * 60);
    }

    #[test]
    fn from_config_reports_every_problem() {
        let mut c = cfg(
            "Mars/Base",
            &["mon", "funday"],
            &["09:00-12:00", "11:00-13:00", "18:00-09:00", "9h"],
        );
        c.holidays = vec!["2026-13-01".into(), "2026-10-01".into()];
        c.workdays = vec!["2026-10-01".into()];
        let err = Calendar::from_config(&c).unwrap_err();
        let msg = err.to_string();
        for needle in [
            "Mars/Base",
            "funday",
            "overlap",
            "18:00-09:00",
            "\"9h\"",
            "2026-13-01",
            "both as a holiday",
        ] {
            assert!(msg.contains(needle), "missing {needle}: {msg}");
        }
        assert_eq!(err.problems.len(), 7, "{msg}");
    }

    #[test]
    fn calendar_without_working_time_is_rejected() {
        for c in [cfg("UTC", &[], &["09:00-18:00"]), cfg("UTC", WEEK, &[])] {
            let err = Calendar::from_config(&c).unwrap_err();
            assert!(err.to_string().contains("no working"), "{err}");
        }
    }

    #[test]
    fn loops_stay_bounded_when_holidays_cover_the_horizon() {
        // Only Mondays work, and a huge amount of time is requested: the walk stops at
        // the horizon instead of looping forever.
        let c = Calendar::from_config(&cfg("UTC", &["mon"], &["09:00-09:01"])).unwrap();
        let end = c.add_working(0, i64::MAX / 4);
        assert!(end > 0);
        assert!(c.working_between(0, i64::from(HORIZON_DAYS) * 86_400 * 3) > 0);
    }

    #[test]
    fn toml_table_deserialises() {
        let text = r#"
timezone = "Asia/Shanghai"
days = ["mon", "tue", "wed", "thu", "fri"]
hours = ["09:00-18:00"]
holidays = ["2026-10-01"]
workdays = ["2026-10-11"]
"#;
        let c: CalendarConfig = toml::from_str(text).unwrap();
        let cal = Calendar::from_config(&c).unwrap();
        assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()));
        assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 10, 11).unwrap()));
        assert!(toml::from_str::<CalendarConfig>("tz = \"UTC\"").is_err());
    }
}
