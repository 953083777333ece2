//! Rule 8: an incident's loss, its class and response, and how well the
//! operating model protected against the loss: projected loss at the
//! tolerable unavailability, protection, effectiveness, overrun; and the
//! same aggregated per service, team, domain and operating model.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

use crate::availability::Level;
use crate::money::{fraction, Exact, Money};
use crate::selector::OperatingModel;
use crate::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LossClass {
    High,
    Medium,
    Low,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    Major,
    Minor,
}

impl LossClass {
    /// A loss equal to a threshold is in the higher class.
    pub fn of(loss: Money, s: &Settings) -> LossClass {
        if loss >= s.loss_threshold_high {
            LossClass::High
        } else if loss >= s.loss_threshold_medium {
            LossClass::Medium
        } else {
            LossClass::Low
        }
    }

    pub fn incident_type(self) -> IncidentType {
        if self == LossClass::High { IncidentType::Major } else { IncidentType::Minor }
    }

    /// What to do, as the playbook says it.
    pub fn response(self) -> &'static str {
        match self {
            LossClass::High => "Major incident: restore availability immediately",
            LossClass::Medium => "Minor incident: restore availability by the next working day",
            LossClass::Low => "Minor incident: restore availability when possible, and add a ticket to the backlog",
        }
    }
}

/// A recorded incident, with what the service was on that date: its hourly
/// exposure, target and operating model are kept with it, so later edits to
/// the service never rewrite history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incident {
    pub id: i64,
    pub service: String,
    pub team: String,
    pub domain: Option<String>,
    pub started_at: NaiveDateTime,
    /// How long availability was lost, in seconds (minutes entered with up
    /// to four places, or a resolved time, are whole or near-whole seconds:
    /// exact).
    pub duration_seconds: Decimal,
    /// The loss worked out by the people in the incident, if they entered one.
    pub entered_loss: Option<Money>,
    pub exposure_per_hour: Money,
    pub target: Level,
    pub operating_model: OperatingModel,
}

/// The live calculation: loss so far, its class and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct LiveIncident {
    pub service: String,
    pub minutes: String,
    pub loss: String,
    pub loss_class: LossClass,
    pub incident_type: IncidentType,
    pub response: String,
    pub projected_loss: String,
}

impl LiveIncident {
    /// As `opmodel incident` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a live incident serialises") + "\n"
    }
}

/// Exposure per hour × seconds ÷ 3600, exact.
pub fn loss_over(exposure_per_hour: Money, seconds: Decimal) -> Exact {
    let (n, per) = fraction(seconds);
    Exact::of(exposure_per_hour).checked_mul_div(n, per * 3600).expect("overflow")
}

/// Minutes as people read them: "30", "12.5", "0.3333" (four places at most).
pub fn minutes_of(seconds: Decimal) -> String {
    (seconds / Decimal::from(60)).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero).normalize().to_string()
}

/// Projected loss: exposure per hour × the tolerable unavailability a week at the target.
pub fn projected_loss(exposure_per_hour: Money, target: Level) -> Exact {
    let (s, per) = fraction(target.tolerable_unavailability_seconds());
    Exact::of(exposure_per_hour).checked_mul_div(s, per * 3600).expect("overflow")
}

pub fn live(service: &str, exposure_per_hour: Money, target: Level, minutes: Decimal, entered: Option<Money>, s: &Settings) -> LiveIncident {
    let loss = entered.map_or_else(|| loss_over(exposure_per_hour, minutes * Decimal::from(60)), Exact::of);
    let class = LossClass::of(loss.rounded(), s);
    LiveIncident {
        service: service.to_string(),
        minutes: minutes.normalize().to_string(),
        loss: loss.plain(),
        loss_class: class,
        incident_type: class.incident_type(),
        response: class.response().to_string(),
        projected_loss: projected_loss(exposure_per_hour, target).plain(),
    }
}

/// One incident measured against its projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub loss: Exact,
    pub projected: Exact,
    pub class: LossClass,
}

impl Measured {
    pub fn of(i: &Incident, s: &Settings) -> Measured {
        let loss = i.entered_loss.map_or_else(|| loss_over(i.exposure_per_hour, i.duration_seconds), Exact::of);
        Measured { loss, projected: projected_loss(i.exposure_per_hour, i.target), class: LossClass::of(loss.rounded(), s) }
    }

    /// Protection: projected − actual, when the loss stayed within the projection.
    pub fn protection(&self) -> Option<Exact> {
        (self.loss <= self.projected).then(|| self.projected.checked_sub(self.loss).expect("overflow"))
    }

    /// Overrun: actual − projected, when the loss exceeded the projection (never a negative protection).
    pub fn overrun(&self) -> Option<Exact> {
        (self.loss > self.projected).then(|| self.loss.checked_sub(self.projected).expect("overflow"))
    }
}

/// `part ÷ whole` as a percentage with two places, half away from zero; None for a zero whole.
pub fn percentage(part: Exact, whole: Exact) -> Option<String> {
    if whole == Exact::ZERO {
        return None;
    }
    let (p, w) = (part.money().decimal(), whole.money().decimal());
    Some((p * Decimal::ONE_HUNDRED / w).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).to_string())
}

/// Totals over a group of incidents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aggregate {
    pub incidents: u32,
    pub projected: Exact,
    pub actual: Exact,
    pub protection: Exact,
    pub overrun: Exact,
}

impl Aggregate {
    pub fn add(&mut self, m: &Measured) {
        let add = |a: Exact, b: Exact| a.checked_add(b).expect("overflow");
        self.incidents += 1;
        self.projected = add(self.projected, m.projected);
        self.actual = add(self.actual, m.loss);
        self.protection = add(self.protection, m.protection().unwrap_or_default());
        self.overrun = add(self.overrun, m.overrun().unwrap_or_default());
    }

    /// (Σ projected − Σ actual) ÷ Σ projected, a percentage; negative when losses overran.
    pub fn net_effectiveness(&self) -> Option<String> {
        percentage(self.projected.checked_sub(self.actual).expect("overflow"), self.projected)
    }
}

/// Incidents that started on a day within [from, to] (either end open).
pub fn in_range(i: &Incident, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    let day = i.started_at.date();
    from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bedroom(minutes: i64, loss: Option<i64>) -> Incident {
        Incident {
            id: 1,
            service: "bedroom".into(),
            team: "bedroom-team".into(),
            domain: Some("home-shopping".into()),
            started_at: "2026-11-24T21:15:00".parse().unwrap(),
            duration_seconds: Decimal::from(minutes * 60),
            entered_loss: loss.map(Money::units),
            exposure_per_hour: Money::units(200_000),
            target: Level::parse("99.0").unwrap(),
            operating_model: OperatingModel::YouBuildItYouRunIt,
        }
    }

    #[test]
    fn the_playbook_bedroom_incident() {
        // 200,000 an hour at 99.0% (1:40:48 = 1.68 h a week): projected 336,000.00.
        // 30 minutes with an entered loss of 100,000: protection 236,000.00,
        // effectiveness 236,000 ÷ 336,000 = 70.238…% → 70.24%.
        let s = Settings::defaults();
        let m = Measured::of(&bedroom(30, Some(100_000)), &s);
        assert_eq!(m.projected.plain(), "336000.00");
        assert_eq!(m.protection().unwrap().plain(), "236000.00");
        assert_eq!(percentage(m.protection().unwrap(), m.projected).as_deref(), Some("70.24"));
        assert_eq!(m.overrun(), None);
        // A loss of exactly the high threshold is High: a major incident.
        assert_eq!((m.class, m.class.incident_type()), (LossClass::High, IncidentType::Major));
    }

    #[test]
    fn an_overrun_is_reported_never_a_negative_protection() {
        // Two hours with no entered loss: 200,000 × 2 = 400,000, 64,000 over the projection (19.05%).
        let m = Measured::of(&bedroom(120, None), &Settings::defaults());
        assert_eq!(m.loss.plain(), "400000.00");
        assert_eq!(m.protection(), None);
        assert_eq!(m.overrun().unwrap().plain(), "64000.00");
        assert_eq!(percentage(m.overrun().unwrap(), m.projected).as_deref(), Some("19.05"));
    }

    #[test]
    fn classes_turn_on_the_thresholds_the_higher_class_at_equality() {
        let s = Settings::defaults();
        for (loss, class) in [(100_000, LossClass::High), (99_999, LossClass::Medium), (10_000, LossClass::Medium), (9_999, LossClass::Low)] {
            assert_eq!(LossClass::of(Money::units(loss), &s), class, "{loss}");
        }
        // Live: 3 minutes of 200,000 an hour so far is 10,000.00, exactly the medium threshold.
        let live = live("bedroom", Money::units(200_000), Level::parse("99.0").unwrap(), Decimal::from(3), None, &s);
        assert_eq!((live.loss.as_str(), live.loss_class, live.incident_type), ("10000.00", LossClass::Medium, IncidentType::Minor));
        assert!(live.response.contains("next working day"));
    }

    #[test]
    fn aggregates_net_out_overruns() {
        let s = Settings::defaults();
        let mut a = Aggregate::default();
        a.add(&Measured::of(&bedroom(30, Some(100_000)), &s));
        a.add(&Measured::of(&bedroom(120, None), &s));
        // Projected 672,000; actual 500,000; protection 236,000; overrun 64,000; net (672 − 500) ÷ 672 = 25.60%.
        assert_eq!((a.incidents, a.projected.plain(), a.actual.plain()), (2, "672000.00".into(), "500000.00".into()));
        assert_eq!((a.protection.plain(), a.overrun.plain()), ("236000.00".into(), "64000.00".into()));
        assert_eq!(a.net_effectiveness().as_deref(), Some("25.60"));
    }
}
