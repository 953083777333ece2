//! Rule 6: capex line items and the opex transfer. Each schedule's cost is
//! split into one line item per service it covers, with the expected
//! callout on it; presented amounts are allocated top down by largest
//! remainder, so line items add up to their holder's capex or opex, those
//! to the holder's total and the holders to the budget total, to the penny.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{BudgetHolder, Team};
use crate::money::{allocate_whole, round_table, split_presented, Exact, Money};
use crate::portfolio::Portfolio;
use crate::premiums::{callout_per_incident, expected_callout};
use crate::schedules::{holder, schedules, Schedule, ScheduleKind, Scenario, Schedules};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Capex,
    Opex,
}

impl Category {
    pub const ALL: [Category; 2] = [Category::Capex, Category::Opex];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Capex => "capex",
            Category::Opex => "opex",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Capex => "Capex",
            Category::Opex => "Opex",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineItem {
    /// The service's index in the portfolio.
    pub index: usize,
    pub service: String,
    pub schedule: String,
    pub schedule_kind: ScheduleKind,
    pub budget_holder: BudgetHolder,
    pub category: Category,
    /// The exact share of the schedule's standby, and the exact expected callout on it.
    pub exact_standby: Exact,
    pub exact_callout: Exact,
    /// Presented: standby + callout = amount, each within a penny of its exact value.
    pub standby: Money,
    pub callout: Money,
    pub amount: Money,
}

impl LineItem {
    pub fn exact(&self) -> Exact {
        self.exact_standby.checked_add(self.exact_callout).expect("overflow")
    }
}

/// A presented total beside the exact amount it presents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Total {
    pub exact: Exact,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub line_items: Vec<LineItem>,
    /// After the transfer, per holder.
    pub holders: BTreeMap<BudgetHolder, Total>,
    /// After the transfer, per holder and category.
    pub totals: BTreeMap<(BudgetHolder, Category), Total>,
    /// After the transfer, all capex and all opex.
    pub categories: BTreeMap<Category, Total>,
    /// Before the transfer: every schedule held by the Head of Operations as
    /// opex, as (description, amount); they add up to the same total.
    pub before: Vec<(String, Money)>,
    pub total: Total,
    pub schedules: Schedules,
}

impl Budget {
    /// A holder's capex or opex after the transfer (zero when it has none).
    pub fn total_of(&self, h: BudgetHolder, c: Category) -> Money {
        self.totals.get(&(h, c)).map(|t| t.amount).unwrap_or_default()
    }

    pub fn holder_total(&self, h: BudgetHolder) -> Money {
        self.holders.get(&h).map(|t| t.amount).unwrap_or_default()
    }
}

/// Each name's place in alphabetical order.
fn rank(names: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| names[i]);
    let mut rank = vec![0; names.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Who pays a schedule's line items, and from which budget: a team schedule
/// its team's funder, a domain schedule the domain's chosen holder (capex);
/// the rota, and anything an operations-funded team pays, is Head of
/// Operations opex.
fn payer(schedule: &Schedule, teams: &BTreeMap<&str, &Team>, domains: &[crate::model::Domain]) -> (BudgetHolder, Category) {
    match holder(schedule, teams, domains) {
        BudgetHolder::HeadOfOperations => (BudgetHolder::HeadOfOperations, Category::Opex),
        h => (h, Category::Capex),
    }
}

/// Rule 6: one line item per service and schedule, to whoever pays that
/// schedule, so line items follow the operating model as the RACI does.
/// Presented top down: the total is the exact total rounded, each holder's
/// total is allocated from it, each holder's capex and opex from the
/// holder's, and each line item from its holder's capex or opex.
pub fn budget(p: &Portfolio) -> Budget {
    let plan = schedules(&p.services, &p.teams, &p.settings, Scenario::Planned);
    let teams: BTreeMap<&str, &Team> = p.teams.iter().map(|t| (t.name.as_str(), t)).collect();
    // Line items go by holder, category, service name and schedule name;
    // names are ranked once so sorting compares integers.
    let names: Vec<String> = plan.schedules.iter().map(|s| s.name()).collect();
    let service_rank = rank(&p.services.iter().map(|s| s.name.as_str()).collect::<Vec<_>>());
    let schedule_rank = rank(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let mut line_items = Vec::new();
    for ((sch, schedule), schedule_rank) in plan.schedules.iter().zip(&names).zip(schedule_rank) {
        let (budget_holder, category) = payer(sch, &teams, &p.domains);
        let per_incident = callout_per_incident(&p.settings, sch.kind);
        for share in &sch.shares {
            let service = &p.services[share.service];
            let item = LineItem {
                index: share.service,
                service: service.name.clone(),
                schedule: schedule.clone(),
                schedule_kind: sch.kind,
                budget_holder,
                category,
                exact_standby: share.standby,
                exact_callout: expected_callout(per_incident, service.out_of_hours_incidents_per_year, share.days),
                standby: Money::ZERO,
                callout: Money::ZERO,
                amount: Money::ZERO,
            };
            line_items.push(((budget_holder, category, service_rank[share.service], schedule_rank), item));
        }
    }
    line_items.sort_unstable_by_key(|(key, _)| *key);
    let mut line_items: Vec<LineItem> = line_items.into_iter().map(|(_, item)| item).collect();

    // Top down: the total is the exact total rounded; the holders' capex and
    // opex are rounded from it as one table whose rows and columns add up;
    // each holder's line items of a category are allocated from its cell.
    let exacts: Vec<Exact> = line_items.iter().map(LineItem::exact).collect();
    let cell = |h: BudgetHolder, c: Category| line_items.iter().zip(&exacts).filter(|(l, _)| (l.budget_holder, l.category) == (h, c)).map(|(_, e)| *e).sum::<Exact>();
    let table: Vec<Vec<Exact>> = BudgetHolder::ALL.iter().map(|&h| Category::ALL.iter().map(|&c| cell(h, c)).collect()).collect();
    let rounded = round_table(&table);
    let total_of = |exact: Exact, minor: i128| Total { exact, amount: Money::from_minor_units(minor) };
    let mut totals = BTreeMap::new();
    let mut holders = BTreeMap::new();
    for ((h, exact), minor) in BudgetHolder::ALL.iter().zip(&table).zip(&rounded) {
        holders.insert(*h, total_of(exact.iter().copied().sum(), minor.iter().sum()));
        for ((c, e), m) in Category::ALL.iter().zip(exact).zip(minor) {
            totals.insert((*h, *c), total_of(*e, *m));
        }
    }
    let categories: BTreeMap<Category, Total> = Category::ALL
        .iter()
        .enumerate()
        .map(|(k, c)| (*c, total_of(table.iter().map(|r| r[k]).sum(), rounded.iter().map(|r| r[k]).sum())))
        .collect();
    let total = total_of(exacts.iter().copied().sum(), rounded.iter().flatten().sum());
    for ((h, c), cat_total) in &totals {
        let in_cat: Vec<usize> = (0..line_items.len()).filter(|i| (line_items[*i].budget_holder, line_items[*i].category) == (*h, *c)).collect();
        let ex: Vec<Exact> = in_cat.iter().map(|i| exacts[*i]).collect();
        for (i, minor) in in_cat.iter().zip(allocate_whole(cat_total.amount.to_minor_units(), &ex)) {
            let l = &mut line_items[*i];
            let (standby, callout) = split_presented(minor, exacts[*i], l.exact_standby);
            (l.standby, l.callout, l.amount) = (Money::from_minor_units(standby), Money::from_minor_units(callout), Money::from_minor_units(minor));
        }
    }
    // Before the transfer, the same schedules are all the Head of Operations': the
    // rota's line items and the rest (to be transferred), presented from the same total.
    let rota = |l: &&LineItem| l.schedule_kind == ScheduleKind::AppSupport;
    let parts = [
        line_items.iter().filter(|l| !rota(l)).map(LineItem::exact).sum::<Exact>(),
        line_items.iter().filter(rota).map(LineItem::exact).sum::<Exact>(),
    ];
    let before = allocate_whole(total.amount.to_minor_units(), &parts);
    Budget {
        line_items,
        holders,
        categories,
        totals,
        before: vec![
            ("On-call of services run You Build It You Run It, to transfer".to_string(), Money::from_minor_units(before[0])),
            ("Application support rota (services run Ops Run It)".to_string(), Money::from_minor_units(before[1])),
        ],
        total,
        schedules: plan,
    }
}
