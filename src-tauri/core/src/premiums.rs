//! Rule 5: the premium of each operating model, per service and for the
//! portfolio, side by side, and the linear run cost curve.

use crate::money::{allocate_minor_units, fraction, Exact, Money};
use crate::oncall::OutOfHours;
use crate::portfolio::Portfolio;
use crate::schedules::{cover, peak_days, schedules, standby_cost, year_counts, Scenario, PLANNING_YEAR_DAYS};
use crate::selector::OperatingModel;
use crate::settings::{ModelAssumptions, Remuneration};

/// What one model costs for a year, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModelCost {
    pub standby: Money,
    pub callout: Money,
    pub setup: Money,
    pub expected_loss: Money,
    pub total: Money,
}

impl ModelCost {
    /// From presented parts in minor units: standby, callout, setup, expected loss.
    fn of_minor_units(parts: [i128; 4]) -> ModelCost {
        let [standby, callout, setup, expected_loss] = parts.map(Money::from_minor_units);
        ModelCost { standby, callout, setup, expected_loss, total: Money::from_minor_units(parts.iter().sum()) }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicePremium {
    pub name: String,
    pub ops_run_it: ModelCost,
    pub you_build_it_you_run_it: ModelCost,
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

/// Each service's cost for the year under one model, every service under it.
fn costs_under(p: &Portfolio, model: OperatingModel) -> Vec<Exacts> {
    let s = &p.settings;
    let plan = schedules(&p.services, &p.teams, s, Scenario::All(model));
    let a = assumptions(p, model);
    let callout_rate = match model {
        OperatingModel::OpsRunIt => s.app_support_callout_rate.amount,
        OperatingModel::YouBuildItYouRunIt => s.developer_callout_rate.amount,
    };
    // What one incident on a covered day pays: the rate × hours paid × people called.
    let per_incident = match s.remuneration_model {
        Remuneration::StandbyOnly => Exact::ZERO,
        _ => Exact::of(callout_rate).checked_mul_decimal(s.callout_hours).and_then(|x| x.checked_mul_decimal(s.callout_people)).expect("overflow"),
    };
    let (minutes, per_minutes) = fraction(a.time_to_acknowledge_minutes + a.time_to_restore_minutes);
    let (years, per_years) = fraction(s.setup_amortisation_years);
    let setup = Exact::of(a.setup_cost).checked_mul_div(per_years, years).expect("years are at least 1");
    let mut standby = vec![Exact::ZERO; p.services.len()];
    for &(i, share) in plan.schedules.iter().flat_map(|sch| &sch.shares) {
        standby[i] = standby[i].checked_add(share).expect("overflow");
    }
    let year = i128::from(PLANNING_YEAR_DAYS);
    p.services
        .iter()
        .zip(standby)
        .map(|(svc, standby)| {
            // Incidents fall evenly over the year: peak days weigh in at the
            // peak exposure and the peak's cover.
            let peak = i128::from(peak_days(svc, s));
            let normal = year - peak;
            let covered = |exposure: Money| i128::from(cover(svc, exposure, s, Scenario::All(model)).out_of_hours != OutOfHours::None);
            let peak_exposure = svc.peak.as_ref().map_or(svc.exposure_per_hour, |p| p.exposure_per_hour);
            let covered_days = normal * covered(svc.exposure_per_hour) + if peak > 0 { peak * covered(peak_exposure) } else { 0 };
            let (incidents, per_incidents) = fraction(svc.out_of_hours_incidents_per_year);
            let callout = per_incident.checked_mul_div(incidents * covered_days, per_incidents * year).expect("overflow");
            // Exposure-days over the year × incidents × minutes lost ÷ (60 × 364): one division.
            let exposure_days = Exact::of(svc.exposure_per_hour)
                .checked_mul(normal)
                .zip(Exact::of(peak_exposure).checked_mul(peak))
                .and_then(|(a, b)| a.checked_add(b))
                .expect("overflow");
            let expected_loss = exposure_days.checked_mul_div(incidents * minutes, per_incidents * per_minutes * 60 * year).expect("overflow");
            [standby, callout, setup, expected_loss]
        })
        .collect()
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
    let ((ops, ops_total), (ybiyri, ybiyri_total)) = std::thread::scope(|scope| {
        let ops = scope.spawn(|| presented(&costs_under(p, OperatingModel::OpsRunIt)));
        let ybiyri = presented(&costs_under(p, OperatingModel::YouBuildItYouRunIt));
        (ops.join().expect("premium thread"), ybiyri)
    });
    let services: Vec<ServicePremium> = p
        .services
        .iter()
        .zip(ops.into_iter().zip(ybiyri))
        .map(|(s, (o, y))| ServicePremium { name: s.name.clone(), ops_run_it: o, you_build_it_you_run_it: y })
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
    lines.push(("Planning year".into(), format!("364 days from {}", s.planning_year_start)));
    lines.push(("Shared schedule cost split".into(), match s.schedule_cost_split {
        crate::settings::CostSplit::Exposure => "by exposure".into(),
        crate::settings::CostSplit::Equal => "equally".into(),
    }));
    lines
}
