//! What the app's Costs view shows: the budget per holder before and after
//! the transfer, the schedules, both models' premiums side by side, the run
//! cost curve and the pitfalls. Presented amounts, as in the reports.

use serde::Serialize;
use ts_rs::TS;

use crate::budget::{budget, Budget, Category};
use crate::money::{Exact, Money};
use crate::schedules::{Schedule, ScheduleKind};
use crate::model::BudgetHolder;
use crate::pitfalls::pitfalls;
use crate::portfolio::Portfolio;
use crate::premiums::{assumption_lines, premiums, ModelCost};
use crate::schedules::planning_year;

#[derive(Clone, Debug, Serialize, TS)]
pub struct CostSummary {
    pub currency: String,
    /// "2026-04-01 to 2027-03-30".
    pub planning_year: String,
    pub holders: Vec<HolderTotals>,
    /// All capex and all opex after the transfer.
    pub capex_total: String,
    pub opex_total: String,
    pub budget_total: String,
    /// The budget's line items, by holder.
    pub line_items: Vec<LineItemRow>,
    /// Before the transfer: the same schedules, all Head of Operations opex.
    pub before: Vec<LabelledAmount>,
    /// As-is for comparison: standby and callout if every service ran Ops Run It.
    pub as_is_ops_run_it: String,
    pub schedules: Vec<ScheduleRow>,
    /// Standby, callout, setup, premium, expected loss and total cost, both models.
    pub premiums: Vec<PremiumRow>,
    /// Each service under each model.
    pub service_premiums: Vec<ServicePremiumRow>,
    pub run_cost: Vec<RunCostRow>,
    /// Where this plan stands on the run cost curve.
    pub run_cost_now: RunCostNow,
    pub assumptions: Vec<LabelledAmount>,
    pub pitfalls: Vec<PitfallRow>,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct HolderTotals {
    pub holder: String,
    pub capex: String,
    pub opex: String,
    pub total: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct LineItemRow {
    pub service: String,
    pub schedule: String,
    pub holder: String,
    pub category: String,
    pub standby: String,
    pub callout: String,
    pub amount: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct CostRow {
    pub standby: String,
    pub callout: String,
    pub setup: String,
    pub premium: String,
    pub expected_loss: String,
    pub total: String,
    /// Days nobody would be on call out of hours, when each incident waits for working hours.
    pub days_without_cover: u32,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ServicePremiumRow {
    pub name: String,
    pub ops_run_it: CostRow,
    pub you_build_it_you_run_it: CostRow,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct LabelledAmount {
    pub label: String,
    pub amount: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ScheduleRow {
    pub name: String,
    pub kind: String,
    pub participants: u32,
    pub days: u32,
    pub services: Vec<String>,
    pub standby_cost: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PremiumRow {
    pub component: String,
    pub ops_run_it: String,
    pub you_build_it_you_run_it: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct RunCostRow {
    pub teams: u32,
    pub team_schedules: String,
    pub domain_schedules: String,
    pub ops_run_it: String,
}

/// This plan on the run cost curve: the teams with a You Build It You Run
/// It service on call out of hours, and what the plan's team and domain
/// schedules cost in standby a year.
#[derive(Clone, Debug, Serialize, TS)]
pub struct RunCostNow {
    pub teams: u32,
    #[ts(type = "string")]
    #[serde(serialize_with = "plain")]
    pub standby: Money,
}

fn plain<S: serde::Serializer>(m: &Money, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&m.plain())
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct PitfallRow {
    pub pitfall: String,
    pub services: Vec<String>,
    pub detail: String,
    pub advice: String,
}

pub fn cost_summary(p: &Portfolio) -> CostSummary {
    let b = budget(p);
    let pr = premiums(p);
    let (start, end) = planning_year(&p.settings);
    let holders = BudgetHolder::ALL
        .into_iter()
        .map(|h| {
            let part = |c| b.total_of(h, c).plain();
            HolderTotals { holder: h.label().into(), capex: part(Category::Capex), opex: part(Category::Opex), total: b.holder_total(h).plain() }
        })
        .collect();
    let (o, y) = (&pr.ops_run_it, &pr.you_build_it_you_run_it);
    let premiums = [
        ("Standby", o.standby, y.standby),
        ("Callout", o.callout, y.callout),
        ("Setup (amortised)", o.setup, y.setup),
        ("Premium", o.premium, y.premium),
        ("Expected loss", o.expected_loss, y.expected_loss),
        ("Total cost", o.total, y.total),
    ]
    .into_iter()
    .map(|(c, a, b)| PremiumRow { component: c.into(), ops_run_it: a.plain(), you_build_it_you_run_it: b.plain() })
    .collect();
    let cost_row = |c: &ModelCost, days_without_cover: u32| CostRow {
        standby: c.standby.plain(),
        callout: c.callout.plain(),
        setup: c.setup.plain(),
        premium: c.premium.plain(),
        expected_loss: c.expected_loss.plain(),
        total: c.total.plain(),
        days_without_cover,
    };
    let category_total = |c| b.categories.get(&c).map(|t| t.amount).unwrap_or_default().plain();
    CostSummary {
        currency: p.settings.currency.clone(),
        planning_year: format!("{} to {}", start, end.pred_opt().unwrap_or(end)),
        holders,
        capex_total: category_total(Category::Capex),
        opex_total: category_total(Category::Opex),
        budget_total: b.total.amount.plain(),
        line_items: b
            .line_items
            .iter()
            .map(|l| LineItemRow {
                service: l.service.clone(),
                schedule: l.schedule.clone(),
                holder: l.budget_holder.label().into(),
                category: l.category.label().into(),
                standby: l.standby.plain(),
                callout: l.callout.plain(),
                amount: l.amount.plain(),
            })
            .collect(),
        before: b.before.iter().map(|(l, m)| LabelledAmount { label: l.clone(), amount: m.plain() }).collect(),
        as_is_ops_run_it: o.standby.checked_add(o.callout).expect("overflow").plain(),
        schedules: b
            .schedules
            .schedules
            .iter()
            .map(|s| ScheduleRow {
                name: s.name(),
                kind: s.kind.as_str().into(),
                participants: s.participants,
                days: s.days,
                services: s.services.iter().map(|i| p.services[*i].name.clone()).collect(),
                standby_cost: s.standby_cost.plain(),
            })
            .collect(),
        premiums,
        service_premiums: pr
            .services
            .iter()
            .map(|s| ServicePremiumRow {
                name: s.name.clone(),
                ops_run_it: cost_row(&s.ops_run_it, s.ops_run_it_days_without_cover),
                you_build_it_you_run_it: cost_row(&s.you_build_it_you_run_it, s.you_build_it_you_run_it_days_without_cover),
            })
            .collect(),
        run_cost: pr
            .run_cost
            .iter()
            .map(|r| RunCostRow { teams: r.teams, team_schedules: r.team_schedules.plain(), domain_schedules: r.domain_schedules.plain(), ops_run_it: r.ops_run_it.plain() })
            .collect(),
        run_cost_now: run_cost_now(p, &b),
        assumptions: assumption_lines(p).into_iter().map(|(label, amount)| LabelledAmount { label, amount }).collect(),
        pitfalls: pitfalls(p, &b)
            .into_iter()
            .map(|f| PitfallRow { pitfall: f.pitfall.replace('_', " "), services: f.services, detail: f.detail, advice: f.advice.into() })
            .collect(),
    }
}

/// This plan on the run cost curve (the Costs view and the budget PDF mark it).
pub fn run_cost_now(p: &Portfolio, b: &Budget) -> RunCostNow {
    let developer = |s: &&Schedule| s.kind != ScheduleKind::AppSupport;
    let mut teams: Vec<&str> = b.schedules.schedules.iter().filter(developer).flat_map(|s| s.services.iter().map(|i| p.services[*i].team.as_str())).collect();
    teams.sort_unstable();
    teams.dedup();
    let standby: Exact = b.schedules.schedules.iter().filter(developer).map(|s| s.standby_cost).sum();
    RunCostNow { teams: teams.len() as u32, standby: standby.rounded() }
}
