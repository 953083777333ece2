//! Rule 5: the premium of each operating model, per service and for the
//! portfolio, side by side, and the linear run cost curve.

use rust_decimal::Decimal;

use crate::model::Service;
use crate::money::{allocate_minor_units, fraction, Exact, Money};
use crate::portfolio::Portfolio;
use crate::schedules::{peak_days, schedules, standby_cost, year_counts, ScheduleKind, Scenario, Uncovered, PLANNING_YEAR_DAYS};
use crate::selector::OperatingModel;
use crate::settings::{ModelAssumptions, Remuneration, Settings};

/// What one model costs for a year, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModelCost {
    pub standby: Money,
    pub callout: Money,
    pub setup: Money,
    /// What is paid: standby + callout + setup.
    pub premium: Money,
    /// What is lost: the loss the cover does not prevent.
    pub expected_loss: Money,
    /// The total cost: premium + expected loss.
    pub total: Money,
}

impl ModelCost {
    /// From presented parts in minor units: standby, callout, setup, expected loss.
    fn of_minor_units(parts: [i128; 4]) -> ModelCost {
        let [standby, callout, setup, expected_loss] = parts.map(Money::from_minor_units);
        let premium = Money::from_minor_units(parts[..3].iter().sum());
        ModelCost { standby, callout, setup, premium, expected_loss, total: Money::from_minor_units(parts.iter().sum()) }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicePremium {
    pub name: String,
    pub ops_run_it: ModelCost,
    pub you_build_it_you_run_it: ModelCost,
    /// Days of the year nobody would be on call out of hours for it, under each model.
    pub ops_run_it_days_without_cover: u32,
    pub you_build_it_you_run_it_days_without_cover: u32,
}

/// One point of the linear run cost curve: standby a year for `teams` teams.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunCostPoint {
    pub teams: u32,
    pub team_schedules: Money,
    pub domain_schedules: Money,
    pub ops_run_it: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Premiums {
    pub services: Vec<ServicePremium>,
    pub ops_run_it: ModelCost,
    pub you_build_it_you_run_it: ModelCost,
    pub run_cost: Vec<RunCostPoint>,
}

fn assumptions(p: &Portfolio, model: OperatingModel) -> &ModelAssumptions {
    match model {
        OperatingModel::OpsRunIt => &p.settings.ops_run_it,
        OperatingModel::YouBuildItYouRunIt => &p.settings.you_build_it_you_run_it,
    }
}

/// A service's exact costs for a year under one model: standby, callout,
/// setup and expected loss.
type Exacts = [Exact; 4];

/// What one out-of-hours incident pays in callout from a schedule of this
/// kind: its rate × hours paid × people called; nothing under standby only.
pub fn callout_per_incident(settings: &Settings, kind: ScheduleKind) -> Exact {
    let rate = match kind {
        ScheduleKind::AppSupport => settings.app_support_callout_rate.amount,
        ScheduleKind::Team | ScheduleKind::Domain => settings.developer_callout_rate.amount,
    };
    match settings.remuneration_model {
        Remuneration::StandbyOnly => Exact::ZERO,
        Remuneration::StandbyAndCallout | Remuneration::CalloutOnly => {
            Exact::of(rate).checked_mul_decimal(settings.callout_hours).and_then(|x| x.checked_mul_decimal(settings.callout_people)).expect("overflow")
        }
    }
}

/// A service's expected callout from a schedule that covers it on `days`
/// days: its incidents fall evenly over the year, and only those on days
/// someone is on call for it are called out.
pub fn expected_callout(per_incident: Exact, incidents_per_year: Decimal, days: u32) -> Exact {
    let (incidents, per) = fraction(incidents_per_year);
    per_incident.checked_mul_div(incidents * i128::from(days), per * i128::from(PLANNING_YEAR_DAYS)).expect("overflow")
}

/// A service's hourly exposure summed over the days of the year: peak days
/// at the peak exposure.
fn exposure_days(svc: &Service, s: &Settings) -> Exact {
    let peak = i128::from(peak_days(svc, s));
    let peak_exposure = svc.peak.as_ref().map_or(svc.exposure_per_hour, |p| p.exposure_per_hour);
    Exact::of(svc.exposure_per_hour)
        .checked_mul(i128::from(PLANNING_YEAR_DAYS) - peak)
        .zip(Exact::of(peak_exposure).checked_mul(peak))
        .and_then(|(a, b)| a.checked_add(b))
        .expect("overflow")
}

/// Rule 5's expected loss: Σ over the days of (incidents ÷ 364) × that
/// day's exposure × time lost, where time lost is the model's time to
/// acknowledge and restore, plus, on a day nobody is on call out of hours,
/// the mean wait for working hours to resume.
pub fn expected_loss(svc: &Service, uncovered: &Uncovered, a: &ModelAssumptions, s: &Settings) -> Exact {
    let (incidents, per_incidents) = fraction(svc.out_of_hours_incidents_per_year);
    let (minutes, per_minutes) = fraction(a.time_to_acknowledge_minutes + a.time_to_restore_minutes);
    let (wait, per_wait) = s.working_hours.mean_wait_minutes();
    let per_year = per_incidents * 60 * i128::from(PLANNING_YEAR_DAYS);
    // Exposure-days × incidents × minutes lost ÷ (60 × 364): one division each.
    let every_day = exposure_days(svc, s).checked_mul_div(incidents * minutes, per_year * per_minutes);
    let waiting = uncovered.exposure_days.checked_mul_div(incidents * wait, per_year * per_wait);
    every_day.zip(waiting).and_then(|(a, b)| a.checked_add(b)).expect("overflow")
}

/// Each service's cost for the year under one model, every service under
/// it, and the days nobody would be on call out of hours for it.
fn costs_under(p: &Portfolio, model: OperatingModel) -> (Vec<Exacts>, Vec<u32>) {
    let s = &p.settings;
    let plan = schedules(&p.services, &p.teams, s, Scenario::All(model));
    let a = assumptions(p, model);
    let (years, per_years) = fraction(s.setup_amortisation_years);
    let setup = Exact::of(a.setup_cost).checked_mul_div(per_years, years).expect("years are at least 1");
    let mut standby = vec![Exact::ZERO; p.services.len()];
    let mut callout = vec![Exact::ZERO; p.services.len()];
    for sch in &plan.schedules {
        let per_incident = callout_per_incident(s, sch.kind);
        for share in &sch.shares {
            let i = share.service;
            standby[i] = standby[i].checked_add(share.standby).expect("overflow");
            let c = expected_callout(per_incident, p.services[i].out_of_hours_incidents_per_year, share.days);
            callout[i] = callout[i].checked_add(c).expect("overflow");
        }
    }
    let costs = p
        .services
        .iter()
        .zip(standby.into_iter().zip(callout))
        .zip(&plan.uncovered)
        .map(|((svc, (standby, callout)), uncovered)| [standby, callout, setup, expected_loss(svc, uncovered, a, s)])
        .collect();
    (costs, plan.uncovered.iter().map(|u| u.days).collect())
}

/// Standby for a year of one schedule that exists every day.
fn yearly_standby(p: &Portfolio, model: OperatingModel) -> Exact {
    let rate = match model {
        OperatingModel::OpsRunIt => p.settings.app_support_standby_rate,
        OperatingModel::YouBuildItYouRunIt => p.settings.developer_standby_rate,
    };
    if p.settings.remuneration_model == Remuneration::CalloutOnly {
        return Exact::ZERO;
    }
    standby_cost(rate, &year_counts(&p.settings), &p.settings)
}

/// The playbook's R(n): YBIYRI team schedules grow with the teams on call;
/// domain schedules stop growing at the number of domains; Ops Run It is R(1).
/// The curve runs to the product and delivery teams of the workspace, and
/// to at least ten teams so its shape shows.
pub fn run_cost_curve(p: &Portfolio) -> Vec<RunCostPoint> {
    let r_dev = yearly_standby(p, OperatingModel::YouBuildItYouRunIt);
    let r_ops = yearly_standby(p, OperatingModel::OpsRunIt);
    let teams = p.teams.iter().filter(|t| t.funding != crate::model::Funding::Operations).count().max(10) as u32;
    let domains = p.domains.len().max(1) as u32;
    (1..=teams)
        .map(|n| RunCostPoint {
            teams: n,
            team_schedules: r_dev.checked_mul(n.into()).expect("overflow").rounded(),
            domain_schedules: r_dev.checked_mul(n.min(domains).into()).expect("overflow").rounded(),
            ops_run_it: r_ops.rounded(),
        })
        .collect()
}

/// Presents each component column by largest remainder, so the presented
/// services add up to the presented portfolio, and each row's total is the
/// sum of its presented parts. Returns the services and the portfolio.
fn presented(costs: &[Exacts]) -> (Vec<ModelCost>, ModelCost) {
    let columns: Vec<Vec<i128>> = (0..4).map(|k| allocate_minor_units(&costs.iter().map(|c| c[k]).collect::<Vec<_>>())).collect();
    let services = (0..costs.len()).map(|i| ModelCost::of_minor_units([0, 1, 2, 3].map(|k| columns[k][i]))).collect();
    (services, ModelCost::of_minor_units([0, 1, 2, 3].map(|k| columns[k].iter().sum())))
}

/// The premiums of both models, presented (whole minor units that add up).
pub fn premiums(p: &Portfolio) -> Premiums {
    // The two models are independent: one core each.
    let (((ops, ops_total), ops_days), ((ybiyri, ybiyri_total), ybiyri_days)) = std::thread::scope(|scope| {
        let under = |model| {
            let (costs, days) = costs_under(p, model);
            (presented(&costs), days)
        };
        let ops = scope.spawn(move || under(OperatingModel::OpsRunIt));
        let ybiyri = under(OperatingModel::YouBuildItYouRunIt);
        (ops.join().expect("premium thread"), ybiyri)
    });
    let services: Vec<ServicePremium> = p
        .services
        .iter()
        .zip(ops.into_iter().zip(ybiyri))
        .zip(ops_days.into_iter().zip(ybiyri_days))
        .map(|((s, (o, y)), (od, yd))| ServicePremium {
            name: s.name.clone(),
            ops_run_it: o,
            you_build_it_you_run_it: y,
            ops_run_it_days_without_cover: od,
            you_build_it_you_run_it_days_without_cover: yd,
        })
        .collect();
    Premiums { ops_run_it: ops_total, you_build_it_you_run_it: ybiyri_total, services, run_cost: run_cost_curve(p) }
}

/// The assumptions behind the premiums, as people read them, for every report.
pub fn assumption_lines(p: &Portfolio) -> Vec<(String, String)> {
    let s = &p.settings;
    let mut lines = Vec::new();
    for (label, a) in [("Ops Run It", &s.ops_run_it), ("You Build It You Run It", &s.you_build_it_you_run_it)] {
        lines.push((format!("{label}: time to acknowledge"), format!("{} minutes", a.time_to_acknowledge_minutes)));
        lines.push((format!("{label}: time to restore"), format!("{} minutes", a.time_to_restore_minutes)));
        lines.push((format!("{label}: setup and transition cost per service"), format!("{} {}", a.setup_cost.grouped(), s.currency)));
    }
    lines.push(("Setup amortised over".into(), format!("{} years", s.setup_amortisation_years)));
    lines.push(("Remuneration model".into(), s.remuneration_model.as_str().replace('_', " ")));
    lines.push(("Developer standby rate".into(), format!("{} {}", s.developer_standby_rate, s.currency)));
    lines.push(("App support standby rate".into(), format!("{} {}", s.app_support_standby_rate, s.currency)));
    lines.push(("Developer callout rate".into(), format!("{} {}", s.developer_callout_rate, s.currency)));
    lines.push(("App support callout rate".into(), format!("{} {}", s.app_support_callout_rate, s.currency)));
    lines.push(("Hours paid per callout".into(), s.callout_hours.to_string()));
    lines.push(("People called per incident".into(), s.callout_people.to_string()));
    lines.push(("Working hours".into(), s.working_hours.to_string()));
    let (wait, per_wait) = s.working_hours.mean_wait_minutes();
    let hours = (Decimal::from(wait) / Decimal::from(per_wait * 60)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    lines.push(("Mean wait for working hours when nobody is on call".into(), format!("{hours} hours (added to the time lost on days without out-of-hours cover)")));
    lines.push(("Planning year".into(), format!("364 days from {}", s.planning_year_start)));
    lines.push(("Shared schedule cost split".into(), match s.schedule_cost_split {
        crate::settings::CostSplit::Exposure => "by exposure".into(),
        crate::settings::CostSplit::Equal => "equally".into(),
    }));
    lines
}
