//! Rule 1: availability target from financial exposure, and the tolerable
//! unavailability a week that a target allows.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use crate::money::Money;

/// Seconds in a week of 168 hours.
pub const WEEK_SECONDS: i64 = 168 * 3600;

/// An availability level as a percentage, e.g. 99.9. Kept exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(Decimal);

impl Level {
    /// Every level is kept at this scale, so comparing two needs no rescaling.
    const SCALE: u32 = 4;
    /// 99.9%: at or above it the selector's amber case goes YBIYRI.
    pub const THREE_NINES: Level = Level(Decimal::from_parts(999_000, 0, 0, false, Self::SCALE));
    /// 99.99%: rule 1 sends any service this high to YBIYRI.
    pub const FOUR_NINES: Level = Level(Decimal::from_parts(999_900, 0, 0, false, Self::SCALE));

    /// Parses "99.9" (a `%` sign is allowed): more than 0 and less than 100.
    pub fn parse(text: &str) -> Option<Level> {
        let t = text.trim().trim_end_matches('%').trim();
        let d = Decimal::from_str(t).ok()?;
        let plain = t.chars().all(|c| c.is_ascii_digit() || c == '.');
        if !(plain && d > Decimal::ZERO && d < Decimal::ONE_HUNDRED && d.normalize().scale() <= Self::SCALE) {
            return None;
        }
        let mut d = d;
        d.rescale(Self::SCALE);
        Some(Level(d))
    }

    /// (1 − target) × one week, exact: 99.9% is 604.8 s.
    pub fn tolerable_unavailability_seconds(self) -> Decimal {
        (Decimal::ONE_HUNDRED - self.0) * Decimal::from(WEEK_SECONDS) / Decimal::ONE_HUNDRED
    }
}

/// Written with at least one decimal place, as the playbook does: "95.0", "99.99".
impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0.normalize();
        if d.scale() < 1 {
            d.rescale(1);
        }
        write!(f, "{d}")
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Seconds as h:mm:ss, rounded to the second half away from zero
/// (604.8 s is shown 0:10:05).
pub fn hms(seconds: Decimal) -> String {
    let s = seconds.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let total = i64::try_from(s).unwrap_or(i64::MAX);
    format!("{}:{:02}:{:02}", total / 3600, total % 3600 / 60, total % 60)
}

/// An upper bound of hourly exposure paired with an availability level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExposureBand {
    pub upper_bound: Money,
    pub level: Level,
}

/// The bands, sorted by upper bound. Never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExposureBands(Vec<ExposureBand>);

/// A service's availability target and whether its exposure was above every band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub level: Level,
    pub above_highest_band: bool,
}

pub const ABOVE_HIGHEST_BAND: &str = "above the highest band: review, or consider 99.99%";

impl ExposureBands {
    /// Sorts the bands by bound; `None` when empty or when two bands share a bound.
    pub fn new(mut bands: Vec<ExposureBand>) -> Option<ExposureBands> {
        bands.sort_by_key(|b| b.upper_bound);
        let distinct = bands.windows(2).all(|w| w[0].upper_bound != w[1].upper_bound);
        (!bands.is_empty() && distinct).then_some(ExposureBands(bands))
    }

    pub fn bands(&self) -> &[ExposureBand] {
        &self.0
    }

    /// The level of the first band whose upper bound is at least the exposure;
    /// above every bound, the top band's level, flagged.
    pub fn target(&self, exposure_per_hour: Money) -> Target {
        match self.0.iter().find(|b| b.upper_bound >= exposure_per_hour) {
            Some(b) => Target { level: b.level, above_highest_band: false },
            None => Target { level: self.0[self.0.len() - 1].level, above_highest_band: true },
        }
    }

    /// The lowest level any band gives (95.0% by default).
    pub fn lowest_level(&self) -> Level {
        self.0.iter().map(|b| b.level).min().expect("bands are never empty")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> Level {
        Level::parse(s).unwrap()
    }

    fn retailer_bands() -> ExposureBands {
        ExposureBands::new(vec![
            ExposureBand { upper_bound: Money::units(800_000), level: level("99.9") },
            ExposureBand { upper_bound: Money::units(7_000), level: level("95.0") },
            ExposureBand { upper_bound: Money::units(250_000), level: level("99.0") },
        ])
        .unwrap()
    }

    #[test]
    fn furniture_retailer_targets() {
        let bands = retailer_bands();
        let t = bands.target(Money::units(810_000));
        assert_eq!((t.level.to_string(), t.above_highest_band), ("99.9".into(), true));
        let t = bands.target(Money::units(6_000));
        assert_eq!((t.level.to_string(), t.above_highest_band), ("95.0".into(), false));
        let t = bands.target(Money::units(200_000));
        assert_eq!((t.level.to_string(), t.above_highest_band), ("99.0".into(), false));
    }

    #[test]
    fn exposure_exactly_on_a_bound_takes_that_band() {
        let bands = retailer_bands();
        assert_eq!(bands.target(Money::units(7_000)).level, level("95"));
        assert_eq!(bands.target(Money::from_minor(700_001)).level, level("99.0"));
        assert_eq!(bands.target(Money::units(250_000)).level, level("99.0"));
        let top = bands.target(Money::units(800_000));
        assert_eq!((top.level, top.above_highest_band), (level("99.9"), false));
        assert!(bands.target(Money::from_minor(80_000_001)).above_highest_band);
        assert_eq!(bands.target(Money::ZERO).level, level("95.0"));
    }

    #[test]
    fn a_99_99_band_catches_what_was_above_the_highest() {
        let mut b = retailer_bands().bands().to_vec();
        b.push(ExposureBand { upper_bound: Money::units(5_000_000), level: level("99.99") });
        let bands = ExposureBands::new(b).unwrap();
        let t = bands.target(Money::units(810_000));
        assert_eq!((t.level.to_string(), t.above_highest_band), ("99.99".into(), false));
    }

    #[test]
    fn the_named_levels_are_the_parsed_ones() {
        assert_eq!(Level::THREE_NINES, level("99.9"));
        assert_eq!(Level::FOUR_NINES, level("99.99"));
    }

    #[test]
    fn tolerable_unavailability_is_exact() {
        assert_eq!(level("95.0").tolerable_unavailability_seconds(), Decimal::from(30_240));
        assert_eq!(hms(level("95.0").tolerable_unavailability_seconds()), "8:24:00");
        assert_eq!(hms(level("99.0").tolerable_unavailability_seconds()), "1:40:48");
        assert_eq!(level("99.9").tolerable_unavailability_seconds(), Decimal::new(6048, 1));
        assert_eq!(hms(level("99.9").tolerable_unavailability_seconds()), "0:10:05");
        assert_eq!(level("99.99").tolerable_unavailability_seconds(), Decimal::new(6048, 2));
    }

    #[test]
    fn levels_parse_and_print_like_the_playbook() {
        assert_eq!(level("95").to_string(), "95.0");
        assert_eq!(level("99.90%").to_string(), "99.9");
        assert!(Level::parse("100").is_none());
        assert!(Level::parse("0").is_none());
        assert!(Level::parse("-5").is_none());
        assert!(Level::parse("high").is_none());
        assert!(ExposureBands::new(vec![]).is_none());
    }
}
