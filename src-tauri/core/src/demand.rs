//! Rule 2: deployment target from feature demand.

use std::fmt;

/// How often a service should deploy: at least once every `days` days.
/// The named levels are the playbook's; others are user-defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Frequency {
    days: u32,
}

const NAMED: [(&str, u32); 5] = [("daily", 1), ("weekly", 7), ("fortnightly", 14), ("monthly", 30), ("quarterly", 91)];

impl Frequency {
    pub const DAILY: Frequency = Frequency { days: 1 };
    pub const WEEKLY: Frequency = Frequency { days: 7 };
    pub const FORTNIGHTLY: Frequency = Frequency { days: 14 };
    pub const MONTHLY: Frequency = Frequency { days: 30 };

    /// `daily`, `weekly`, `fortnightly`, `monthly`, `quarterly`, or
    /// `every N days` (N from 1 to 366), case-insensitive.
    pub fn parse(text: &str) -> Option<Frequency> {
        let t = text.trim().to_ascii_lowercase();
        if let Some((_, days)) = NAMED.iter().find(|(n, _)| *n == t) {
            return Some(Frequency { days: *days });
        }
        let n = t.strip_prefix("every ")?.trim_end_matches("days").trim_end_matches("day").trim();
        let days: u32 = n.parse().ok()?;
        (1..=366).contains(&days).then_some(Frequency { days })
    }

    pub fn days(self) -> u32 {
        self.days
    }

    /// The snake_case code reports use: `weekly`, `every_10_days`.
    pub fn code(self) -> String {
        match NAMED.iter().find(|(_, d)| *d == self.days) {
            Some((name, _)) => name.to_string(),
            None => format!("every_{}_days", self.days),
        }
    }

    /// Weekly or more frequent.
    pub fn at_least_weekly(self) -> bool {
        self.days <= Self::WEEKLY.days
    }

    /// Fortnightly or less frequent.
    pub fn at_most_fortnightly(self) -> bool {
        self.days >= Self::FORTNIGHTLY.days
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match NAMED.iter().find(|(_, d)| *d == self.days) {
            Some((name, _)) => f.write_str(&title_case(name)),
            None => write!(f, "Every {} days", self.days),
        }
    }
}

/// "very high" → "Very High".
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |first| first.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ordered demand labels, each tied to a deployment frequency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemandBands(Vec<(String, Frequency)>);

impl DemandBands {
    /// Labels are kept lower-case; `None` when empty or a label repeats.
    pub fn new(bands: Vec<(String, Frequency)>) -> Option<DemandBands> {
        let bands: Vec<_> = bands.into_iter().map(|(l, f)| (l.trim().to_lowercase(), f)).collect();
        let unique = bands.iter().enumerate().all(|(i, (l, _))| !l.is_empty() && bands[..i].iter().all(|(o, _)| o != l));
        (!bands.is_empty() && unique).then_some(DemandBands(bands))
    }

    pub fn bands(&self) -> &[(String, Frequency)] {
        &self.0
    }

    /// The band matching a label, case-insensitively, as (label, frequency).
    pub fn find(&self, label: &str) -> Option<&(String, Frequency)> {
        // Labels are stored lower-case; compare without allocating.
        let l = label.trim();
        self.0.iter().find(|(b, _)| b == l || b.len() == l.len() && b.chars().zip(l.chars()).all(|(x, y)| y.to_lowercase().eq(std::iter::once(x))))
    }

    /// Labels for people, in order: "Low", …, "Very High".
    pub fn display_labels(&self) -> Vec<String> {
        self.0.iter().map(|(l, _)| title_case(l)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> DemandBands {
        DemandBands::new(vec![
            ("Low".into(), Frequency::MONTHLY),
            ("medium".into(), Frequency::FORTNIGHTLY),
            ("high".into(), Frequency::WEEKLY),
            ("very high".into(), Frequency::DAILY),
        ])
        .unwrap()
    }

    #[test]
    fn furniture_retailer_deployment_targets() {
        let d = defaults();
        assert_eq!(d.find("Low").unwrap().1.to_string(), "Monthly");
        assert_eq!(d.find("HIGH").unwrap().1.to_string(), "Weekly");
        assert_eq!(d.find(" Very High ").unwrap().1.to_string(), "Daily");
        assert!(d.find("extreme").is_none());
        assert_eq!(d.display_labels(), ["Low", "Medium", "High", "Very High"]);
    }

    #[test]
    fn frequencies_parse_named_and_user_defined() {
        assert_eq!(Frequency::parse("Fortnightly"), Some(Frequency::FORTNIGHTLY));
        let ten = Frequency::parse("every 10 days").unwrap();
        assert_eq!(ten.to_string(), "Every 10 days");
        assert_eq!((ten.code(), Frequency::FORTNIGHTLY.code()), ("every_10_days".to_string(), "fortnightly".to_string()));
        assert!(!ten.at_least_weekly() && !ten.at_most_fortnightly());
        assert_eq!(Frequency::parse("every 7 days"), Some(Frequency::WEEKLY));
        assert!(Frequency::parse("every 0 days").is_none());
        assert!(Frequency::parse("sometimes").is_none());
        assert!(DemandBands::new(vec![("a".into(), Frequency::DAILY), ("A".into(), Frequency::WEEKLY)]).is_none());
    }
}
