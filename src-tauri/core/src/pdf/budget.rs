//! The budget report.

use chrono::{Days, NaiveDate};

use super::charts::*;
use super::doc::*;
use super::pictures;
use super::table::*;
use crate::budget::{budget, Budget, Category};
use crate::model::BudgetHolder;
use crate::evidence::Evidence;
use crate::map::domain_map;
use crate::selector_chart::selector_chart;
use crate::loss_distribution::{distributions, LossDistributions};
use crate::money::{group_thousands, Money};
use crate::portfolio::Portfolio;
use crate::premiums::{assumption_lines, premiums, ModelCost, Premiums, RunCostPoint};
use crate::schedules::planning_year;
use crate::selector::OperatingModel;
use crate::summary::{run_cost_now, RunCostNow};

/// The budget report: summary per budget holder, the transfer, line items,
/// the premium comparison and the assumptions behind it.
pub fn budget_pdf(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    budget_pdf_with(p, None, workspace_name, generated)
}

/// The budget report, with what the incident log measured beside the assumptions when there is a log.
pub fn budget_pdf_with(p: &Portfolio, evidence: Option<&Evidence>, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let b = budget(p);
    let currency = p.settings.currency.as_str();
    let mut doc = Doc::new(BUDGET_TITLE, workspace_name, generated);
    doc.title_block(BUDGET_TITLE, &facts(p, workspace_name, generated), ("Total on-call budget", format!("{} {currency}", b.total.amount.grouped())));
    summary(&mut doc, &b, currency);
    transfer(&mut doc, &b, currency);
    doc.new_page();
    line_items(&mut doc, &b, currency);
    doc.new_page();
    premium_comparison(&mut doc, &premiums(p), &distributions(p), &run_cost_now(p, &b), currency);
    pictures::domain_map(&mut doc, &domain_map(p, Vec::new()), 5);
    pictures::selector(&mut doc, &selector_chart(p), 6);
    doc.new_page();
    assumptions(&mut doc, p, evidence);
    doc.finish()
}

pub(super) fn facts(p: &Portfolio, workspace_name: &str, generated: NaiveDate) -> Vec<(&'static str, String)> {
    let (start, end) = planning_year(&p.settings);
    let last = end - Days::new(1);
    vec![
        ("Workspace", workspace_name.to_string()),
        ("Currency", p.settings.currency.clone()),
        ("Planning year", format!("{start} to {last}, {} days", (end - start).num_days())),
        ("Generated", generated.to_string()),
    ]
}

fn summary(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("1. Summary per budget holder");
    let cat = |h: BudgetHolder, c: Category| b.total_of(h, c);
    let mut rows: Vec<Row> = BudgetHolder::ALL
        .iter()
        .map(|&h| Row::body([h.label().to_string(), cat(h, Category::Capex).grouped(), cat(h, Category::Opex).grouped(), b.holder_total(h).grouped()]))
        .collect();
    let all = |c: Category| b.categories.get(&c).map(|t| t.amount).unwrap_or_default();
    rows.push(Row::new(Kind::Total, ["Grand total".to_string(), all(Category::Capex).grouped(), all(Category::Opex).grouped(), b.total.amount.grouped()]));
    Table::new(vec![
        Col::new("Budget holder", 117.0, Align::Left),
        Col::new(format!("Capex ({currency})"), 50.0, Align::Right),
        Col::new(format!("Opex ({currency})"), 50.0, Align::Right),
        Col::new(format!("Total ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "After the transfer: standby and expected callout", &rows);
}

fn transfer(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("2. Before and after the transfer");
    doc.paragraph(
        "Before: every schedule is Head of Operations opex. After: each service run You Build It You Run It is a line item \
         of whoever pays its schedule (capex); services run Ops Run It stay on the application support rota (opex).",
    );
    let total = b.total.amount;
    let mut before: Vec<Row> = b
        .before
        .iter()
        .map(|(what, m)| Row::body([what.clone(), BudgetHolder::HeadOfOperations.label().into(), Category::Opex.label().into(), m.grouped()]))
        .collect();
    before.push(Row::new(Kind::Total, ["Total".to_string(), String::new(), String::new(), total.grouped()]));
    Table::new(vec![
        Col::new("Line item", 117.0, Align::Left).wrapped(),
        Col::new("Budget holder", 60.0, Align::Left),
        Col::new("Category", 40.0, Align::Left),
        Col::new(format!("Amount ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "Before the transfer: the same schedules, all held by the Head of Operations", &before);

    let before_of = |h: BudgetHolder| if h == BudgetHolder::HeadOfOperations { total } else { Money::ZERO };
    let change = |before: Money, after: Money| after.checked_sub(before).expect("budget amounts are far from overflow");
    let mut rows: Vec<Row> = BudgetHolder::ALL
        .iter()
        .map(|&h| {
            let (was, is) = (before_of(h), b.holder_total(h));
            Row::body([h.label().to_string(), was.grouped(), is.grouped(), change(was, is).grouped()])
        })
        .collect();
    rows.push(Row::new(Kind::Total, ["Total".to_string(), total.grouped(), total.grouped(), Money::ZERO.grouped()]));
    Table::new(vec![
        Col::new("Budget holder", 117.0, Align::Left),
        Col::new(format!("Before ({currency})"), 50.0, Align::Right),
        Col::new(format!("After ({currency})"), 50.0, Align::Right),
        Col::new(format!("Change ({currency})"), 50.0, Align::Right),
    ])
    .draw(doc, "Per budget holder, before and after", &rows);
}

fn line_items(doc: &mut Doc, b: &Budget, currency: &str) {
    doc.heading("3. Line items by budget holder");
    let mut rows = Vec::new();
    for h in BudgetHolder::ALL {
        let items: Vec<_> = b.line_items.iter().filter(|l| l.budget_holder == h).collect();
        if items.is_empty() {
            continue;
        }
        rows.push(Row::new(Kind::Group, [h.label()]));
        rows.extend(items.iter().map(|l| {
            Row::body([l.service.clone(), l.schedule.clone(), l.category.label().into(), l.standby.grouped(), l.callout.grouped(), l.amount.grouped()])
        }));
        let blank = String::new;
        rows.push(Row::new(Kind::Subtotal, [format!("Subtotal {}", h.label()), blank(), blank(), blank(), blank(), b.holder_total(h).grouped()]));
    }
    let blank = String::new;
    rows.push(Row::new(Kind::Total, ["Total".to_string(), blank(), blank(), blank(), blank(), b.total.amount.grouped()]));
    Table::new(vec![
        Col::new("Service", 70.0, Align::Left),
        Col::new("Schedule", 85.0, Align::Left),
        Col::new("Category", 22.0, Align::Left),
        Col::new(format!("Standby ({currency})"), 30.0, Align::Right),
        Col::new(format!("Callout ({currency})"), 30.0, Align::Right),
        Col::new(format!("Amount ({currency})"), 30.0, Align::Right),
    ])
    .draw(doc, "Line items: the service's share of its schedule's standby, and its expected callout on it", &rows);
}

fn premium_comparison(doc: &mut Doc, pr: &Premiums, dist: &LossDistributions, now: &RunCostNow, currency: &str) {
    doc.heading("4. Premium comparison");
    doc.paragraph(
        "What each operating model would cost for the planning year if every service ran under it. The premium is what is paid: \
         standby, callout and setup (amortised). The expected loss is what out-of-hours incidents still cost while they are \
         acknowledged and restored, and, on days nobody is on call, while they wait for working hours. Total cost is both.",
    );

    let (ops, ybiyri) = (&pr.ops_run_it, &pr.you_build_it_you_run_it);
    let part = |label: &str, f: fn(&ModelCost) -> Money| Row::body([label.to_string(), f(ops).grouped(), f(ybiyri).grouped()]);
    let rows = vec![
        part("Standby", |c| c.standby),
        part("Callout", |c| c.callout),
        part("Setup (amortised)", |c| c.setup),
        Row::new(Kind::Subtotal, ["Premium".to_string(), ops.premium.grouped(), ybiyri.premium.grouped()]),
        part("Expected loss", |c| c.expected_loss),
        Row::new(Kind::Total, ["Total cost".to_string(), ops.total.grouped(), ybiyri.total.grouped()]),
        Row::new(Kind::Group, ["The yearly loss as a distribution (1,000 simulated years)"]),
        Row::body(["Loss in a median year".to_string(), group_thousands(&dist.ops_run_it.p50), group_thousands(&dist.you_build_it_you_run_it.p50)]),
        Row::body(["Loss in a bad year (9 in 10 are no worse)".to_string(), group_thousands(&dist.ops_run_it.p90), group_thousands(&dist.you_build_it_you_run_it.p90)]),
    ];
    let table = Table::new(vec![
        Col::new("Component", 45.0, Align::Left),
        Col::new(format!("{} ({currency})", OperatingModel::OpsRunIt.label()), 38.0, Align::Right),
        Col::new(format!("{} ({currency})", OperatingModel::YouBuildItYouRunIt.label()), 38.0, Align::Right),
    ]);
    // The table on the left, its chart beside it on the same page.
    doc.ensure(CHART_H.max(table.start_height(doc, &rows)));
    let top = doc.y;
    table.draw(doc, "Portfolio cost per year", &rows);
    premium_chart(doc, chart_frame(top), currency, [ops, ybiyri]);
    doc.y = doc.y.max(top + CHART_H + TABLE_GAP);

    run_cost(doc, &pr.run_cost, now, currency);

    let mut rows: Vec<Row> = pr
        .services
        .iter()
        .map(|s| {
            let (o, y) = (&s.ops_run_it, &s.you_build_it_you_run_it);
            Row::body([s.name.clone(), o.premium.grouped(), o.expected_loss.grouped(), y.premium.grouped(), y.expected_loss.grouped()])
        })
        .collect();
    rows.push(Row::new(Kind::Total, [
        "Portfolio".to_string(),
        ops.premium.grouped(),
        ops.expected_loss.grouped(),
        ybiyri.premium.grouped(),
        ybiyri.expected_loss.grouped(),
    ]));
    Table::new(vec![
        Col::new("Service", 87.0, Align::Left),
        Col::new(format!("Ops Run It premium ({currency})"), 45.0, Align::Right),
        Col::new(format!("Ops Run It expected loss ({currency})"), 45.0, Align::Right),
        Col::new(format!("YBIYRI premium ({currency})"), 45.0, Align::Right),
        Col::new(format!("YBIYRI expected loss ({currency})"), 45.0, Align::Right),
    ])
    .draw(doc, "Premium and expected loss per service", &rows);
}

/// The linear run cost: a table of the series and a line chart beside it.
fn run_cost(doc: &mut Doc, points: &[RunCostPoint], now: &RunCostNow, currency: &str) {
    let rows: Vec<Row> = points
        .iter()
        .map(|r| Row::body([r.teams.to_string(), r.team_schedules.grouped(), r.domain_schedules.grouped(), r.ops_run_it.grouped()]))
        .collect();
    let table = Table::new(vec![
        Col::new("Teams on call", 20.0, Align::Right),
        Col::new(format!("YBIYRI team schedules ({currency})"), 36.0, Align::Right),
        Col::new(format!("YBIYRI domain schedules ({currency})"), 36.0, Align::Right),
        Col::new(format!("Ops Run It ({currency})"), 36.0, Align::Right),
    ]);
    doc.ensure(CHART_H.max(table.start_height(doc, &rows)));
    let (top, page) = (doc.y, doc.current);
    // Drawn first, beside the table's start: the table may run onto more pages.
    line_chart(doc, chart_frame(top), currency, points, now);
    table.draw(doc, "Linear run cost: standby per year", &rows);
    if doc.current == page {
        doc.y = doc.y.max(top + CHART_H + TABLE_GAP);
    }
}

fn assumptions(doc: &mut Doc, p: &Portfolio, evidence: Option<&Evidence>) {
    doc.heading("7. Assumptions");
    let rows: Vec<Row> = assumption_lines(p).into_iter().map(|(k, v)| Row::body([k, v])).collect();
    Table::new(vec![Col::new("Assumption", 130.0, Align::Left), Col::new("Value", 137.0, Align::Left)]).draw(doc, "Behind the premiums", &rows);
    let Some(e) = evidence.filter(|e| e.models.iter().any(|m| m.incidents > 0)) else { return };
    let rows: Vec<Row> = e
        .models
        .iter()
        .map(|m| {
            let measured = m.measured_minutes.as_ref().map_or("no incidents recorded".to_string(), |v| format!("{v} minutes (median of {})", m.incidents));
            Row::body([format!("{}: minutes to acknowledge and restore", m.operating_model.label()), format!("{} minutes", m.assumed_minutes), measured])
        })
        .collect();
    Table::new(vec![Col::new("Assumption", 110.0, Align::Left), Col::new("Assumed", 60.0, Align::Left), Col::new("Measured in the incident log", 97.0, Align::Left)])
        .draw(doc, "Evidence from the incident log", &rows);
}

