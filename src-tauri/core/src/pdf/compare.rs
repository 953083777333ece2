//! Two plans compared, as a one-page brief for finance.

use chrono::NaiveDate;

use super::doc::*;
use super::table::*;
use crate::compare::Comparison;
use crate::money::group_thousands;

const TITLE: &str = "Plans compared";

pub fn comparison_pdf(c: &Comparison, workspace_name: &str, generated: NaiveDate) -> Vec<u8> {
    let mut doc = Doc::new(TITLE, workspace_name, generated);
    let facts = vec![
        ("Workspace", workspace_name.to_string()),
        ("Currency", c.currency.clone()),
        ("Compared", format!("{} with {}", c.a, c.b)),
        ("Generated", generated.to_string()),
    ];
    let total = c.summary.first().map_or(String::new(), |m| format!("{} {}", group_thousands(&m.change), c.currency));
    doc.title_block(TITLE, &facts, ("Change in the budget", total));
    let rows: Vec<Row> = c.summary.iter().map(|m| Row::body([m.measure.clone(), group_thousands(&m.a), group_thousands(&m.b), group_thousands(&m.change)])).collect();
    Table::new(vec![
        Col::new("Measure", 100.0, Align::Left),
        Col::new(c.a.clone(), 55.0, Align::Right),
        Col::new(c.b.clone(), 55.0, Align::Right),
        Col::new("Change", 55.0, Align::Right),
    ])
    .draw(&mut doc, "What each plan costs a year", &rows);
    let rows: Vec<Row> = c.services.iter().map(|d| Row::body([d.name.clone(), d.field.replace('_', " "), d.a.replace('_', " "), d.b.replace('_', " ")])).collect();
    if !rows.is_empty() {
        Table::new(vec![Col::new("Service", 80.0, Align::Left), Col::new("What differs", 60.0, Align::Left), Col::new(c.a.clone(), 62.0, Align::Left), Col::new(c.b.clone(), 63.0, Align::Left)])
            .draw(&mut doc, "Services that differ", &rows);
    }
    doc.finish()
}
