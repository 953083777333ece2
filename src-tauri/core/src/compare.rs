//! Two plans side by side (issue 11): the budget per holder, schedules,
//! standby and callout, each model's premium and expected loss, and per
//! service what differs.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::budget::budget;
use crate::model::BudgetHolder;
use crate::money::Money;
use crate::portfolio::Portfolio;
use crate::premiums::premiums;
use crate::view::views;

#[derive(Clone, Debug, Serialize, TS)]
pub struct Comparison {
    pub a: String,
    pub b: String,
    pub currency: String,
    pub summary: Vec<Measure>,
    pub services: Vec<ServiceDifference>,
}

/// One figure of both plans; `change` is b − a.
#[derive(Clone, Debug, Serialize, TS)]
pub struct Measure {
    pub measure: String,
    pub a: String,
    pub b: String,
    pub change: String,
}

#[derive(Clone, Debug, Serialize, TS)]
pub struct ServiceDifference {
    pub name: String,
    pub field: String,
    /// Empty when the service is not in that plan.
    pub a: String,
    pub b: String,
}

/// What a plan shows per service: model, target, cover, and its line items' total.
fn per_service(p: &Portfolio) -> BTreeMap<String, [String; 4]> {
    let b = budget(p);
    let mut amounts: BTreeMap<&str, Money> = BTreeMap::new();
    for l in &b.line_items {
        let a = amounts.entry(l.service.as_str()).or_default();
        *a = a.checked_add(l.amount).expect("overflow");
    }
    views(&p.services, &p.settings)
        .into_iter()
        .map(|v| {
            let amount = amounts.get(v.name.as_str()).copied().unwrap_or_default().plain();
            (v.name.clone(), [v.operating_model.as_str().to_string(), v.availability_target.clone(), v.on_call_out_of_hours.as_str().to_string(), amount])
        })
        .collect()
}

fn figures(p: &Portfolio) -> Vec<(String, Money)> {
    let b = budget(p);
    let pr = premiums(p);
    let mut out = vec![("Budget total".to_string(), b.total.amount)];
    for h in BudgetHolder::ALL {
        out.push((format!("{} total", h.label()), b.holder_total(h)));
    }
    let sum = |f: fn(&crate::budget::LineItem) -> Money| b.line_items.iter().map(f).sum::<Money>();
    out.push(("Out-of-hours schedules".to_string(), Money::units(b.schedules.schedules.len() as i64)));
    out.push(("Standby".to_string(), sum(|l| l.standby)));
    out.push(("Callout".to_string(), sum(|l| l.callout)));
    for (label, c) in [("Ops Run It", &pr.ops_run_it), ("You Build It You Run It", &pr.you_build_it_you_run_it)] {
        out.push((format!("{label}: premium"), c.premium));
        out.push((format!("{label}: expected loss"), c.expected_loss));
    }
    out
}

pub fn compare(a_name: &str, a: &Portfolio, b_name: &str, b: &Portfolio) -> Comparison {
    let summary = figures(a)
        .into_iter()
        .zip(figures(b))
        .map(|((measure, x), (_, y))| {
            let change = y.checked_sub(x).expect("overflow");
            // The schedule count is a count, not money.
            let show = |m: Money| if measure == "Out-of-hours schedules" { m.decimal().trunc().to_string() } else { m.plain() };
            Measure { a: show(x), b: show(y), change: show(change), measure }
        })
        .collect();
    let (pa, pb) = (per_service(a), per_service(b));
    let fields = ["operating_model", "availability_target", "on_call_out_of_hours", "line_item_amount"];
    let mut names: Vec<&String> = pa.keys().chain(pb.keys()).collect();
    names.sort();
    names.dedup();
    let mut services = Vec::new();
    for name in names {
        for (k, field) in fields.iter().enumerate() {
            let (x, y) = (pa.get(name).map(|v| v[k].clone()).unwrap_or_default(), pb.get(name).map(|v| v[k].clone()).unwrap_or_default());
            if x != y {
                services.push(ServiceDifference { name: name.clone(), field: field.to_string(), a: x, b: y });
            }
        }
    }
    Comparison { a: a_name.to_string(), b: b_name.to_string(), currency: b.settings.currency.clone(), summary, services }
}

impl Comparison {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a comparison serialises") + "\n"
    }
}

pub fn comparison_csv(c: &Comparison) -> Vec<u8> {
    use crate::csv_out::{write, Cell};
    let mut rows: Vec<Vec<Cell>> = c
        .summary
        .iter()
        .map(|m| vec![Cell::text("summary"), Cell::text(&m.measure), Cell::text(""), Cell::Number(m.a.clone()), Cell::Number(m.b.clone()), Cell::Number(m.change.clone())])
        .collect();
    rows.extend(c.services.iter().map(|d| vec![Cell::text("service"), Cell::text(&d.field), Cell::text(&d.name), Cell::text(&d.a), Cell::text(&d.b), Cell::text("")]));
    write(&["section", "measure", "service", &c.a, &c.b, "change"], &rows)
}
