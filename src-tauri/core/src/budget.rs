//! Rule 6: capex line items and the opex transfer. Each schedule's cost is
//! split into one line item per service it covers; presented amounts are
//! allocated by largest remainder so line items add up to the schedule and
//! holder totals add up to the line items, to the penny.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{BudgetHolder, Team};
use crate::money::{allocate_largest_remainder, Exact, Money};
use crate::portfolio::Portfolio;
use crate::schedules::{holder, schedules, Scenario, Schedules};
use crate::selector::ServiceKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Capex,
    Opex,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Capex => "capex",
            Category::Opex => "opex",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineItem {
    /// The service's index in the portfolio.
    pub index: usize,
    pub service: String,
    pub schedule: String,
    pub budget_holder: BudgetHolder,
    pub category: Category,
    /// The exact share.
    pub exact: Exact,
    /// The presented amount, in whole minor units.
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub line_items: Vec<LineItem>,
    /// After the transfer: per holder and category, sums of presented line items.
    pub totals: BTreeMap<(BudgetHolder, Category), Money>,
    /// Before the transfer: everything on Head of Operations opex, as
    /// (description, amount): digital services' on-call as one line item.
    pub before: Vec<(String, Money)>,
    pub total: Money,
    pub schedules: Schedules,
}

impl Budget {
    /// A holder's capex or opex after the transfer (zero when it has none).
    pub fn total_of(&self, h: BudgetHolder, c: Category) -> Money {
        self.totals.get(&(h, c)).copied().unwrap_or_default()
    }

    pub fn holder_total(&self, h: BudgetHolder) -> Money {
        self.totals.iter().filter(|((holder, _), _)| *holder == h).map(|(_, m)| *m).sum()
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
        let schedule_holder = holder(sch, &teams, &p.domains);
        let (indexes, exact): (Vec<usize>, Vec<Exact>) = sch.shares.iter().map(|(i, m)| (*i, *m)).unzip();
        for ((i, exact), amount) in indexes.iter().zip(&exact).zip(allocate_largest_remainder(&exact)) {
            let service = &p.services[*i];
            // A digital service's own on-call is capex of its schedule's
            // holder; foundational systems (even at 99.99%, run YBIYRI) are
            // Head of Operations opex, as is anything operations pays for.
            let (budget_holder, category) = match (service.kind, schedule_holder) {
                (ServiceKind::Foundational, _) | (_, BudgetHolder::HeadOfOperations) => (BudgetHolder::HeadOfOperations, Category::Opex),
                (ServiceKind::Digital, holder) => (holder, Category::Capex),
            };
            let item = LineItem { index: *i, service: service.name.clone(), schedule: schedule.clone(), budget_holder, category, exact: *exact, amount };
            line_items.push(((budget_holder, category, service_rank[*i], schedule_rank), item));
        }
    }
    line_items.sort_unstable_by_key(|(key, _)| *key);
    let line_items: Vec<LineItem> = line_items.into_iter().map(|(_, item)| item).collect();
    let mut totals = BTreeMap::new();
    for li in &line_items {
        let t = totals.entry((li.budget_holder, li.category)).or_insert(Money::ZERO);
        *t = t.checked_add(li.amount).expect("overflow");
    }
    let of_kind = |k| line_items.iter().filter(|l| p.services[l.index].kind == k).map(|l| l.amount).sum::<Money>();
    let (digital, foundational) = (of_kind(ServiceKind::Digital), of_kind(ServiceKind::Foundational));
    let total = line_items.iter().map(|l| l.amount).sum();
    Budget {
        line_items,
        totals,
        before: vec![
            ("On-call for all digital services".to_string(), digital),
            ("On-call for foundational systems".to_string(), foundational),
        ],
        total,
        schedules: plan,
    }
}
