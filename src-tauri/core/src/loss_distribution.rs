//! The yearly expected loss as a distribution (issue 9): an insurance buyer
//! asks about the bad year, not only the average. Incidents arrive as a
//! Poisson process at each service's rate, on days spread evenly over the
//! year; each costs what rule 5 says it costs on its day (exposure × time
//! lost, the wait for working hours included on a day without cover). The
//! year is simulated many times from a fixed seed, so the same plan always
//! gives the same figures. Random numbers decide how many incidents fall on
//! which kind of day, never an amount: amounts are exact and summed exactly.

use rand::SeedableRng;
use rand_distr::{Distribution, Poisson};
use rand_pcg::Pcg64Mcg;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use ts_rs::TS;

use crate::model::Service;
use crate::money::{fraction, Exact};
use crate::portfolio::Portfolio;
use crate::schedules::{peak_days, schedules, Scenario, Uncovered, PLANNING_YEAR_DAYS};
use crate::selector::OperatingModel;
use crate::settings::{ModelAssumptions, Settings};

/// Simulated years: enough for a stable 90th percentile, few enough for 10,000 services.
pub const YEARS: usize = 1000;
const SEED: u64 = 0x4F50_4D44;

/// The yearly loss under one model: its mean over the simulated years, the
/// median year and the year that nine in ten are no worse than.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct LossDistribution {
    pub years: u32,
    pub mean: String,
    pub p50: String,
    pub p90: String,
}

/// One kind of day for a service: how many such days, and what one incident costs on it.
struct DayKind {
    days: u32,
    loss: Exact,
}

/// A service's kinds of day under a model: normal or peak exposure, with or without cover.
fn day_kinds(svc: &Service, u: &Uncovered, a: &ModelAssumptions, s: &Settings) -> Vec<DayKind> {
    let (minutes, per_minutes) = fraction(a.time_to_acknowledge_minutes + a.time_to_restore_minutes);
    let (wait, per_wait) = s.working_hours.mean_wait_minutes();
    // Minutes lost as a fraction: (minutes ÷ per) and, without cover, + wait ÷ per_wait.
    let per_incident = |exposure, covered: bool| {
        let e = Exact::of(exposure);
        let base = e.checked_mul_div(minutes, per_minutes * 60).expect("overflow");
        if covered { base } else { base.checked_add(e.checked_mul_div(wait, per_wait * 60).expect("overflow")).expect("overflow") }
    };
    let peak_total = peak_days(svc, s);
    let peak_exposure = svc.peak.as_ref().map_or(svc.exposure_per_hour, |p| p.exposure_per_hour);
    let normal_total = PLANNING_YEAR_DAYS as u32 - peak_total;
    let uncovered_normal = u.days - u.peak_days;
    [
        DayKind { days: normal_total - uncovered_normal, loss: per_incident(svc.exposure_per_hour, true) },
        DayKind { days: uncovered_normal, loss: per_incident(svc.exposure_per_hour, false) },
        DayKind { days: peak_total - u.peak_days, loss: per_incident(peak_exposure, true) },
        DayKind { days: u.peak_days, loss: per_incident(peak_exposure, false) },
    ]
    .into_iter()
    .filter(|k| k.days > 0)
    .collect()
}

/// The yearly loss distribution of the portfolio with every service under `model`.
pub fn distribution(p: &Portfolio, model: OperatingModel) -> LossDistribution {
    let s = &p.settings;
    let a = match model {
        OperatingModel::OpsRunIt => &s.ops_run_it,
        OperatingModel::YouBuildItYouRunIt => &s.you_build_it_you_run_it,
    };
    let plan = schedules(&p.services, &p.teams, s, Scenario::All(model));
    // Each service's incidents on each kind of its days arrive as their own
    // Poisson process, at its yearly rate × that kind's share of the year.
    let year_days = PLANNING_YEAR_DAYS as f64;
    let sources: Vec<(Poisson<f64>, Exact)> = p
        .services
        .iter()
        .zip(&plan.uncovered)
        .flat_map(|(svc, u)| {
            let rate = svc.out_of_hours_incidents_per_year.to_f64().unwrap_or(0.0);
            day_kinds(svc, u, a, s).into_iter().filter_map(move |k| {
                let share = rate * f64::from(k.days) / year_days;
                (share > 0.0).then(|| (Poisson::new(share).expect("a positive rate"), k.loss))
            })
        })
        .collect();
    let mut rng = Pcg64Mcg::seed_from_u64(SEED);
    let mut years: Vec<Exact> = (0..YEARS)
        .map(|_| {
            sources.iter().fold(Exact::ZERO, |year, (poisson, loss)| {
                let incidents = poisson.sample(&mut rng) as i128;
                if incidents == 0 { year } else { year.checked_add(loss.checked_mul(incidents).expect("overflow")).expect("overflow") }
            })
        })
        .collect();
    let mean = years.iter().copied().sum::<Exact>().checked_mul_div(1, YEARS as i128).expect("overflow");
    years.sort_unstable();
    // Nearest rank: the year at or below which half (nine in ten) of the years fall.
    let rank = |q: usize| years[(YEARS * q).div_ceil(100) - 1];
    LossDistribution { years: YEARS as u32, mean: mean.plain(), p50: rank(50).plain(), p90: rank(90).plain() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Team, Funding};
    use crate::money::Money;
    use crate::selector::ServiceKind;
    use rust_decimal::Decimal;

    fn portfolio(n: usize) -> Portfolio {
        let services = (0..n)
            .map(|i| Service {
                id: i as i64,
                name: format!("s{i}"),
                kind: ServiceKind::Digital,
                team: "t".into(),
                domain: None,
                exposure_per_hour: Money::units(1_000 + (i as i64 * 7_919) % 300_000),
                feature_demand: "high".into(),
                peak: None,
                out_of_hours_incidents_per_year: Decimal::from(1 + i % 8),
                model_override: None,
            })
            .collect();
        Portfolio { services, teams: vec![Team { name: "t".into(), funding: Funding::Product, on_call_participants: 5 }], domains: vec![], settings: Settings::defaults() }
    }

    #[test]
    fn the_same_plan_gives_the_same_figures_and_the_mean_is_the_expected_loss() {
        let p = portfolio(300);
        let ops = distribution(&p, OperatingModel::OpsRunIt);
        assert_eq!(ops, distribution(&p, OperatingModel::OpsRunIt), "seeded: the same figures on two runs");
        let expected: Decimal = crate::premiums::premiums(&p).ops_run_it.expected_loss.decimal();
        let mean: Decimal = ops.mean.parse().unwrap();
        let off = ((mean - expected) / expected).abs();
        assert!(off < Decimal::new(1, 2), "mean {mean} is within 1% of the expected loss {expected} ({off})");
        let (p50, p90): (Decimal, Decimal) = (ops.p50.parse().unwrap(), ops.p90.parse().unwrap());
        assert!(p50 < p90 && p90 > expected, "the bad year is worse than the average: p50 {p50}, p90 {p90}");
    }
}

/// Both models' distributions, side by side, as the premium comparison shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct LossDistributions {
    pub ops_run_it: LossDistribution,
    pub you_build_it_you_run_it: LossDistribution,
}

pub fn distributions(p: &Portfolio) -> LossDistributions {
    // The two models are independent: one core each.
    std::thread::scope(|scope| {
        let ops = scope.spawn(|| distribution(p, OperatingModel::OpsRunIt));
        let ybiyri = distribution(p, OperatingModel::YouBuildItYouRunIt);
        LossDistributions { ops_run_it: ops.join().expect("distribution thread"), you_build_it_you_run_it: ybiyri }
    })
}
