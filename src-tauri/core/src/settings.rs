//! Workspace settings: the keys of CLI.md, each parsed and checked before it
//! is stored, and printed back in one canonical form.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveTime, Weekday};
use rust_decimal::Decimal;

use crate::availability::{ExposureBand, ExposureBands, Level};
use crate::demand::{DemandBands, Frequency};
use crate::money::Money;
use crate::oncall::{OutOfHours, OutOfHoursLevels};

/// A flat rate per hour, day or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub amount: Money,
    pub per: Per,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    Hour,
    Day,
    Week,
}

impl Rate {
    fn parse(text: &str) -> Option<Rate> {
        let (amount, per) = text.trim().split_once('/')?;
        let per = match per.trim().to_ascii_lowercase().as_str() {
            "hour" => Per::Hour,
            "day" => Per::Day,
            "week" => Per::Week,
            _ => return None,
        };
        Some(Rate { amount: Money::parse_input(amount).ok()?, per })
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = match self.per {
            Per::Hour => "hour",
            Per::Day => "day",
            Per::Week => "week",
        };
        write!(f, "{}/{per}", self.amount.decimal().normalize())
    }
}

/// How on-call people are paid out of hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remuneration {
    StandbyOnly,
    StandbyAndCallout,
    /// Allowed, but flagged: unfair remuneration, not recommended.
    CalloutOnly,
}

impl Remuneration {
    pub fn as_str(self) -> &'static str {
        match self {
            Remuneration::StandbyOnly => "standby_only",
            Remuneration::StandbyAndCallout => "standby_and_callout",
            Remuneration::CalloutOnly => "callout_only",
        }
    }
}

/// How a shared schedule's daily cost is split across the services it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostSplit {
    Exposure,
    Equal,
}

/// Working days and the working time of each: `mon-fri 09:00-17:30`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingHours {
    /// Monday first.
    pub days: [bool; 7],
    pub start: NaiveTime,
    pub end: NaiveTime,
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl WorkingHours {
    fn parse(text: &str) -> Option<WorkingHours> {
        let t = text.trim().to_ascii_lowercase();
        let (days_text, times) = t.split_once(' ')?;
        let mut days = [false; 7];
        for part in days_text.split(',') {
            let index = |name: &str| DAY_NAMES.iter().position(|d| *d == name.trim());
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (index(a)?, index(b)?);
                    if a > b {
                        return None;
                    }
                    days[a..=b].iter_mut().for_each(|d| *d = true);
                }
                None => days[index(part)?] = true,
            }
        }
        let (start, end) = times.trim().split_once('-')?;
        let start = NaiveTime::parse_from_str(start.trim(), "%H:%M").ok()?;
        let end = NaiveTime::parse_from_str(end.trim(), "%H:%M").ok()?;
        (start < end).then_some(WorkingHours { days, start, end })
    }

    /// Working minutes on a weekday (zero on a non-working day).
    pub fn working_minutes(&self, day: Weekday) -> i64 {
        if self.days[day.num_days_from_monday() as usize] {
            (self.end - self.start).num_minutes()
        } else {
            0
        }
    }

    /// Out-of-hours minutes on a weekday: 24 hours less the working hours.
    pub fn out_of_hours_minutes(&self, day: Weekday) -> i64 {
        24 * 60 - self.working_minutes(day)
    }

    /// The week's out-of-hours gaps in minutes, each from the end of one
    /// working day to the start of the next (the week wraps round):
    /// by default four weeknights of 15.5 h and a weekend of 63.5 h.
    pub fn out_of_hours_gaps(&self) -> Vec<i64> {
        const WEEK: i64 = 7 * 24 * 60;
        let (start, end) = (minute_of_day(self.start), minute_of_day(self.end));
        let working: Vec<(i64, i64)> = (0..7).filter(|d| self.days[*d]).map(|d| (d as i64 * 1440 + start, d as i64 * 1440 + end)).collect();
        // Working hours always name at least one day.
        let next_starts = working.iter().skip(1).map(|w| w.0).chain(std::iter::once(working[0].0 + WEEK));
        working.iter().zip(next_starts).map(|(w, next)| next - w.1).collect()
    }

    /// The mean wait, in minutes, from an incident out of hours to the start
    /// of the next working hours, with incidents spread evenly over the
    /// week's out-of-hours time: Σ g² ÷ (2 × Σ g) over the gaps g, as the
    /// exact fraction (Σ g², 2 × Σ g). 19.8934… h by default.
    pub fn mean_wait_minutes(&self) -> (i128, i128) {
        let gaps = self.out_of_hours_gaps();
        (gaps.iter().map(|g| i128::from(g * g)).sum(), 2 * gaps.iter().map(|g| i128::from(*g)).sum::<i128>())
    }
}

fn minute_of_day(t: NaiveTime) -> i64 {
    i64::from(chrono::Timelike::hour(&t)) * 60 + i64::from(chrono::Timelike::minute(&t))
}

impl fmt::Display for WorkingHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Runs of consecutive days as ranges: "mon-fri", "mon,wed-fri".
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            if self.days[i] {
                let start = i;
                while i + 1 < 7 && self.days[i + 1] {
                    i += 1;
                }
                parts.push(if start == i { DAY_NAMES[i].to_string() } else { format!("{}-{}", DAY_NAMES[start], DAY_NAMES[i]) });
            }
            i += 1;
        }
        write!(f, "{} {}-{}", parts.join(","), self.start.format("%H:%M"), self.end.format("%H:%M"))
    }
}

/// Every setting, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub currency: String,
    pub exposure_bands: ExposureBands,
    pub demand_bands: DemandBands,
    pub out_of_hours_levels: OutOfHoursLevels,
    pub remuneration_model: Remuneration,
    pub developer_standby_rate: Rate,
    pub developer_callout_rate: Rate,
    pub app_support_standby_rate: Rate,
    pub app_support_callout_rate: Rate,
    pub callout_hours: Decimal,
    pub working_hours: WorkingHours,
    pub planning_year_start: NaiveDate,
    pub schedule_cost_split: CostSplit,
    /// People called out to one out-of-hours incident.
    pub callout_people: Decimal,
    /// The premium's assumptions per model (rule 5).
    pub ops_run_it: ModelAssumptions,
    pub you_build_it_you_run_it: ModelAssumptions,
    pub setup_amortisation_years: Decimal,
    /// Rule 8: a loss at or above it is High (a major incident).
    pub loss_threshold_high: Money,
    /// A loss at or above it (and below high) is Medium; below it, Low.
    pub loss_threshold_medium: Money,
}

/// Editable assumptions of one operating model, shown in every premium report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelAssumptions {
    pub time_to_acknowledge_minutes: Decimal,
    pub time_to_restore_minutes: Decimal,
    /// One-off setup and transition cost per service.
    pub setup_cost: Money,
}

/// Each key, its default, and what a value must look like.
pub const KEYS: &[(&str, &str, &str)] = &[
    ("currency", "GBP", "an ISO 4217 code of three capital letters, e.g. USD"),
    ("exposure_bands", "7000=95.0,250000=99.0,800000=99.9", "comma-separated BOUND=LEVEL pairs with distinct bounds, e.g. 7000=95.0,250000=99.0"),
    ("demand_bands", "low=monthly,medium=fortnightly,high=weekly,very high=daily", "comma-separated LABEL=FREQUENCY pairs in order, the frequency daily, weekly, fortnightly, monthly, quarterly or 'every N days'"),
    ("out_of_hours_levels", "95.0=none,99.0=domain,99.9=team,99.99=team", "comma-separated LEVEL=none|domain|team pairs"),
    ("remuneration_model", "standby_only", "standby_only, standby_and_callout or callout_only"),
    ("developer_standby_rate", "500/week", "AMOUNT/hour, AMOUNT/day or AMOUNT/week, e.g. 60/day"),
    ("developer_callout_rate", "0/hour", "AMOUNT/hour, e.g. 75/hour"),
    ("app_support_standby_rate", "500/week", "AMOUNT/hour, AMOUNT/day or AMOUNT/week"),
    ("app_support_callout_rate", "0/hour", "AMOUNT/hour"),
    ("callout_hours", "2", "hours paid for one callout, 0 to 24 with at most 4 decimal places, e.g. 2 or 1.5"),
    ("working_hours", "mon-fri 09:00-17:30", "DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-17:30"),
    ("planning_year_start", "2026-04-01", "an ISO date, e.g. 2026-04-01"),
    ("schedule_cost_split", "exposure", "exposure or equal"),
    ("callout_people", "1", "people called out to one incident, 0 to 1000, e.g. 1 or 2"),
    ("ops_run_it_time_to_acknowledge_minutes", "20", "minutes, 0 to 100000, e.g. 20"),
    ("ops_run_it_time_to_restore_minutes", "120", "minutes, 0 to 100000, e.g. 120"),
    ("ops_run_it_setup_cost", "0", "a one-off amount per service, e.g. 2000"),
    ("you_build_it_you_run_it_time_to_acknowledge_minutes", "5", "minutes, 0 to 100000, e.g. 5"),
    ("you_build_it_you_run_it_time_to_restore_minutes", "30", "minutes, 0 to 100000, e.g. 30"),
    ("you_build_it_you_run_it_setup_cost", "0", "a one-off amount per service, e.g. 10000"),
    ("setup_amortisation_years", "3", "years over which setup costs are spread, 1 to 100, e.g. 3"),
    ("loss_threshold_high", "100000", "an amount: an incident losing this much or more is High, a major incident, e.g. 100000"),
    ("loss_threshold_medium", "10000", "an amount below the high threshold: losing this much or more is Medium, less is Low, e.g. 10000"),
];

/// A rejected setting: the key and what its value must look like.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error("unknown setting '{0}'; the settings are: {keys}", keys = KEYS.iter().map(|k| k.0).collect::<Vec<_>>().join(", "))]
    UnknownKey(String),
    #[error("setting {key}: '{value}' is not valid; expected {expected}")]
    Invalid { key: String, value: String, expected: String },
}

fn pairs(text: &str) -> Option<Vec<(String, String)>> {
    text.split(',')
        .map(|p| p.split_once('=').map(|(a, b)| (a.trim().to_string(), b.trim().to_string())))
        .collect()
}

fn parse_exposure_bands(v: &str) -> Option<ExposureBands> {
    let bands = pairs(v)?
        .into_iter()
        .map(|(b, l)| Some(ExposureBand { upper_bound: Money::parse_input(&b).ok()?, level: Level::parse(&l)? }))
        .collect::<Option<Vec<_>>>()?;
    ExposureBands::new(bands)
}

fn parse_demand_bands(v: &str) -> Option<DemandBands> {
    let bands = pairs(v)?.into_iter().map(|(l, f)| Some((l, Frequency::parse(&f)?))).collect::<Option<Vec<_>>>()?;
    DemandBands::new(bands)
}

fn parse_levels(v: &str) -> Option<OutOfHoursLevels> {
    let levels = pairs(v)?
        .into_iter()
        .map(|(l, o)| {
            let o = match o.to_ascii_lowercase().as_str() {
                "none" => OutOfHours::None,
                "domain" => OutOfHours::Domain,
                "team" => OutOfHours::Team,
                _ => return None,
            };
            Some((Level::parse(&l)?, o))
        })
        .collect::<Option<Vec<_>>>()?;
    OutOfHoursLevels::new(levels)
}

/// Decimal places a quantity setting may have: enough for any real one,
/// few enough that exact arithmetic on it stays small.
const QUANTITY_PLACES: u32 = 4;

/// A decimal from `min` up to `max`, written plainly ("2", "1.5").
fn parse_decimal(v: &str, min: Decimal, max: Decimal) -> Option<Decimal> {
    let t = v.trim();
    let d: Decimal = t.parse().ok().filter(|_| t.chars().all(|c| c.is_ascii_digit() || c == '.'))?;
    (d >= min && d <= max && d.normalize().scale() <= QUANTITY_PLACES).then_some(d.normalize())
}


impl Settings {
    pub fn defaults() -> Settings {
        Settings::from_stored(&BTreeMap::new()).expect("defaults are valid")
    }

    /// Builds the settings from stored values, defaults for missing keys.
    pub fn from_stored(stored: &BTreeMap<String, String>) -> Result<Settings, SettingError> {
        let get = |key: &str| {
            let default = KEYS.iter().find(|k| k.0 == key).expect("known key").1;
            stored.get(key).map_or(default, String::as_str)
        };
        let mut s = Settings {
            currency: String::new(),
            exposure_bands: parse_exposure_bands(KEYS[1].1).expect("default"),
            demand_bands: parse_demand_bands(KEYS[2].1).expect("default"),
            out_of_hours_levels: parse_levels(KEYS[3].1).expect("default"),
            remuneration_model: Remuneration::StandbyOnly,
            developer_standby_rate: Rate::parse("500/week").expect("default"),
            developer_callout_rate: Rate::parse("0/hour").expect("default"),
            app_support_standby_rate: Rate::parse("500/week").expect("default"),
            app_support_callout_rate: Rate::parse("0/hour").expect("default"),
            callout_hours: Decimal::TWO,
            working_hours: WorkingHours::parse("mon-fri 09:00-17:30").expect("default"),
            planning_year_start: NaiveDate::from_ymd_opt(2026, 4, 1).expect("default"),
            schedule_cost_split: CostSplit::Exposure,
            callout_people: Decimal::ONE,
            ops_run_it: ModelAssumptions { time_to_acknowledge_minutes: Decimal::ZERO, time_to_restore_minutes: Decimal::ZERO, setup_cost: Money::ZERO },
            you_build_it_you_run_it: ModelAssumptions { time_to_acknowledge_minutes: Decimal::ZERO, time_to_restore_minutes: Decimal::ZERO, setup_cost: Money::ZERO },
            setup_amortisation_years: Decimal::ONE,
            loss_threshold_high: Money::ZERO,
            loss_threshold_medium: Money::ZERO,
        };
        for (key, _, _) in KEYS {
            s.apply(key, get(key))?;
        }
        Ok(s)
    }

    /// Checks and applies one setting; on error nothing changes.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), SettingError> {
        let invalid = || SettingError::Invalid {
            key: key.to_string(),
            value: value.to_string(),
            expected: KEYS.iter().find(|k| k.0 == key).map_or("", |k| k.2).to_string(),
        };
        let v = value.trim();
        match key {
            "currency" => {
                if v.len() != 3 || !v.chars().all(|c| c.is_ascii_uppercase()) {
                    return Err(invalid());
                }
                self.currency = v.to_string();
            }
            "exposure_bands" => self.exposure_bands = parse_exposure_bands(v).ok_or_else(invalid)?,
            "demand_bands" => self.demand_bands = parse_demand_bands(v).ok_or_else(invalid)?,
            "out_of_hours_levels" => self.out_of_hours_levels = parse_levels(v).ok_or_else(invalid)?,
            "remuneration_model" => {
                self.remuneration_model = match v {
                    "standby_only" => Remuneration::StandbyOnly,
                    "standby_and_callout" => Remuneration::StandbyAndCallout,
                    "callout_only" => Remuneration::CalloutOnly,
                    _ => return Err(invalid()),
                }
            }
            "developer_standby_rate" => self.developer_standby_rate = Rate::parse(v).ok_or_else(invalid)?,
            "app_support_standby_rate" => self.app_support_standby_rate = Rate::parse(v).ok_or_else(invalid)?,
            "developer_callout_rate" | "app_support_callout_rate" => {
                let rate = Rate::parse(v).filter(|r| r.per == Per::Hour).ok_or_else(invalid)?;
                if key == "developer_callout_rate" {
                    self.developer_callout_rate = rate;
                } else {
                    self.app_support_callout_rate = rate;
                }
            }
            "callout_hours" => self.callout_hours = parse_decimal(v, Decimal::ZERO, Decimal::from(24)).ok_or_else(invalid)?,
            "working_hours" => self.working_hours = WorkingHours::parse(v).ok_or_else(invalid)?,
            "planning_year_start" => self.planning_year_start = crate::model::parse_date(v).ok_or_else(invalid)?,
            "schedule_cost_split" => {
                self.schedule_cost_split = match v {
                    "exposure" => CostSplit::Exposure,
                    "equal" => CostSplit::Equal,
                    _ => return Err(invalid()),
                }
            }
            "callout_people" => self.callout_people = parse_decimal(v, Decimal::ZERO, Decimal::from(1000)).ok_or_else(invalid)?,
            "setup_amortisation_years" => {
                self.setup_amortisation_years = parse_decimal(v, Decimal::ONE, Decimal::from(100)).ok_or_else(invalid)?
            }
            // The medium threshold stays below the high one whichever is set first.
            "loss_threshold_high" => {
                let high = Money::parse_input(v).map_err(|_| invalid())?;
                if high <= self.loss_threshold_medium && self.loss_threshold_medium != Money::ZERO {
                    return Err(invalid());
                }
                self.loss_threshold_high = high;
            }
            "loss_threshold_medium" => {
                let medium = Money::parse_input(v).map_err(|_| invalid())?;
                if medium >= self.loss_threshold_high && self.loss_threshold_high != Money::ZERO {
                    return Err(invalid());
                }
                self.loss_threshold_medium = medium;
            }
            _ => {
                let (model, field) = key
                    .strip_prefix("ops_run_it_")
                    .map(|f| (&mut self.ops_run_it, f))
                    .or_else(|| key.strip_prefix("you_build_it_you_run_it_").map(|f| (&mut self.you_build_it_you_run_it, f)))
                    .ok_or_else(|| SettingError::UnknownKey(key.to_string()))?;
                let minutes = || parse_decimal(v, Decimal::ZERO, Decimal::from(100_000));
                match field {
                    "time_to_acknowledge_minutes" => model.time_to_acknowledge_minutes = minutes().ok_or_else(invalid)?,
                    "time_to_restore_minutes" => model.time_to_restore_minutes = minutes().ok_or_else(invalid)?,
                    "setup_cost" => model.setup_cost = Money::parse_input(v).map_err(|_| invalid())?,
                    _ => return Err(SettingError::UnknownKey(key.to_string())),
                }
            }
        }
        Ok(())
    }

    /// Every key with its value in canonical form, in the order of KEYS.
    pub fn list(&self) -> Vec<(&'static str, String)> {
        let bands = self.exposure_bands.bands().iter().map(|b| format!("{}={}", b.upper_bound.decimal().normalize(), b.level));
        let demand = self.demand_bands.bands().iter().map(|(l, f)| format!("{l}={}", f.to_string().to_lowercase()));
        let levels = self.out_of_hours_levels.levels().iter().map(|(l, o)| format!("{l}={o}"));
        vec![
            ("currency", self.currency.clone()),
            ("exposure_bands", bands.collect::<Vec<_>>().join(",")),
            ("demand_bands", demand.collect::<Vec<_>>().join(",")),
            ("out_of_hours_levels", levels.collect::<Vec<_>>().join(",")),
            ("remuneration_model", self.remuneration_model.as_str().to_string()),
            ("developer_standby_rate", self.developer_standby_rate.to_string()),
            ("developer_callout_rate", self.developer_callout_rate.to_string()),
            ("app_support_standby_rate", self.app_support_standby_rate.to_string()),
            ("app_support_callout_rate", self.app_support_callout_rate.to_string()),
            ("callout_hours", self.callout_hours.to_string()),
            ("working_hours", self.working_hours.to_string()),
            ("planning_year_start", self.planning_year_start.to_string()),
            ("schedule_cost_split", match self.schedule_cost_split { CostSplit::Exposure => "exposure", CostSplit::Equal => "equal" }.to_string()),
            ("callout_people", self.callout_people.to_string()),
            ("ops_run_it_time_to_acknowledge_minutes", self.ops_run_it.time_to_acknowledge_minutes.to_string()),
            ("ops_run_it_time_to_restore_minutes", self.ops_run_it.time_to_restore_minutes.to_string()),
            ("ops_run_it_setup_cost", self.ops_run_it.setup_cost.decimal().normalize().to_string()),
            ("you_build_it_you_run_it_time_to_acknowledge_minutes", self.you_build_it_you_run_it.time_to_acknowledge_minutes.to_string()),
            ("you_build_it_you_run_it_time_to_restore_minutes", self.you_build_it_you_run_it.time_to_restore_minutes.to_string()),
            ("you_build_it_you_run_it_setup_cost", self.you_build_it_you_run_it.setup_cost.decimal().normalize().to_string()),
            ("setup_amortisation_years", self.setup_amortisation_years.to_string()),
            ("loss_threshold_high", self.loss_threshold_high.decimal().normalize().to_string()),
            ("loss_threshold_medium", self.loss_threshold_medium.decimal().normalize().to_string()),
        ]
    }

    /// The canonical form of one key's value.
    pub fn value(&self, key: &str) -> Option<String> {
        self.list().into_iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_print_as_cli_md_lists_them() {
        let s = Settings::defaults();
        for (key, default, _) in KEYS {
            assert_eq!(s.value(key).as_deref(), Some(*default), "{key}");
        }
        assert_eq!(s.working_hours.out_of_hours_minutes(Weekday::Mon), 15 * 60 + 30);
        assert_eq!(s.working_hours.out_of_hours_minutes(Weekday::Sat), 24 * 60);
        // 125.5 out-of-hours hours in a default week.
        let week: i64 = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
            .into_iter()
            .map(|d| s.working_hours.out_of_hours_minutes(d))
            .sum();
        assert_eq!(week, 1255 * 6);
    }

    #[test]
    fn the_mean_wait_for_working_hours_comes_from_the_gaps() {
        let mut s = Settings::defaults();
        // Four weeknights of 15.5 h and a weekend of 63.5 h:
        // (4 × 15.5² + 63.5²) ÷ (2 × 125.5) = 4,993.25 ÷ 251 = 19.8934… h.
        assert_eq!(s.working_hours.out_of_hours_gaps(), [930, 930, 930, 930, 3810]);
        let (num, den) = s.working_hours.mean_wait_minutes();
        assert_eq!((num, den), (4 * 930 * 930 + 3810 * 3810, 2 * 7530));
        let hours = Decimal::from(num) / Decimal::from(den) / Decimal::from(60);
        assert_eq!(hours.round_dp(6).to_string(), "19.893426");
        // Mondays, and Wednesday to Friday: the Monday night runs to Wednesday.
        s.apply("working_hours", "mon,wed-fri 08:00-16:00").unwrap();
        assert_eq!(s.working_hours.out_of_hours_gaps(), [40 * 60, 16 * 60, 16 * 60, 64 * 60]);
    }

    #[test]
    fn values_are_checked_before_they_apply() {
        let mut s = Settings::defaults();
        s.apply("exposure_bands", "7000=95.0,250000=99.0,800000=99.9,5000000=99.99").unwrap();
        assert_eq!(s.exposure_bands.bands().len(), 4);
        s.apply("developer_standby_rate", "60/day").unwrap();
        assert_eq!(s.developer_standby_rate, Rate { amount: Money::units(60), per: Per::Day });
        s.apply("working_hours", "mon,wed-fri 08:00-16:00").unwrap();
        assert_eq!(s.value("working_hours").unwrap(), "mon,wed-fri 08:00-16:00");
        let before = s.clone();
        for (k, v) in [
            ("currency", "pounds"),
            ("exposure_bands", "7000=95,7000=99"),
            ("demand_bands", "low=sometimes"),
            ("developer_callout_rate", "75/week"),
            ("working_hours", "mon-fri 17:30-09:00"),
            ("planning_year_start", "2026-13-01"),
            ("planning_year_start", "+262143-06-01"),
            ("planning_year_start", "26-04-01"),
            ("ops_run_it_time_to_restore_minutes", "-5"),
            ("setup_amortisation_years", "0"),
            ("you_build_it_you_run_it_setup_cost", "1.234"),
            ("you_build_it_you_run_it_setup_cost", "1000000000000"),
            ("callout_hours", "1.00001"),
            ("callout_people", "1001"),
            ("out_of_hours_levels", "99.0=app_support"),
        ] {
            let e = s.apply(k, v).unwrap_err();
            assert!(e.to_string().contains("expected"), "{e}");
        }
        assert_eq!(s, before);
        assert!(matches!(s.apply("colour", "red"), Err(SettingError::UnknownKey(_))));
    }
}
