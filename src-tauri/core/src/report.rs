//! The reports the CLI prints and the app exports.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::csv_out::{self, Cell};
use crate::error::{Error, Place, Problem, Result};
use crate::store::Workspace;
use crate::view::{views, ServiceView};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Services,
    Schedules,
    Premiums,
    Budget,
    Raci,
    Pitfalls,
    Assumptions,
    DomainMap,
    Selector,
    Incidents,
}

impl ReportKind {
    pub const ALL: [ReportKind; 10] = [
        ReportKind::Services,
        ReportKind::Schedules,
        ReportKind::Premiums,
        ReportKind::Budget,
        ReportKind::Raci,
        ReportKind::Pitfalls,
        ReportKind::Assumptions,
        ReportKind::DomainMap,
        ReportKind::Selector,
        ReportKind::Incidents,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Services => "services",
            ReportKind::Schedules => "schedules",
            ReportKind::Premiums => "premiums",
            ReportKind::Budget => "budget",
            ReportKind::Raci => "raci",
            ReportKind::Pitfalls => "pitfalls",
            ReportKind::Assumptions => "assumptions",
            ReportKind::DomainMap => "domain-map",
            ReportKind::Selector => "selector",
            ReportKind::Incidents => "incidents",
        }
    }

    /// The pictures: SVG or PNG, nothing else.
    pub fn is_picture(self) -> bool {
        matches!(self, ReportKind::DomainMap | ReportKind::Selector)
    }

    /// Reports whose figures rest on the premium assumptions: their CSV
    /// has a companion assumptions CSV beside it.
    pub fn has_assumptions(self) -> bool {
        matches!(self, ReportKind::Premiums | ReportKind::Budget)
    }

    /// The budget, the RACI matrix and the incidents are printed for people.
    pub fn has_pdf(self) -> bool {
        matches!(self, ReportKind::Budget | ReportKind::Raci | ReportKind::Incidents)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Json,
    Csv,
    Pdf,
    Svg,
    Png,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 5] = [ReportFormat::Json, ReportFormat::Csv, ReportFormat::Pdf, ReportFormat::Svg, ReportFormat::Png];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Csv => "csv",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Svg => "svg",
            ReportFormat::Png => "png",
        }
    }
}

/// Renders a report of the workspace. `generated` is the date a PDF prints.
pub fn render(ws: &Workspace, what: ReportKind, format: ReportFormat, generated: NaiveDate) -> Result<Vec<u8>> {
    render_in(ws, what, format, generated, (None, None))
}

/// [`render`], with the incidents report limited to those that started in
/// [from, to] (days, either end open).
pub fn render_in(ws: &Workspace, what: ReportKind, format: ReportFormat, generated: NaiveDate, range: (Option<NaiveDate>, Option<NaiveDate>)) -> Result<Vec<u8>> {
    use ReportFormat::*;
    use ReportKind::*;
    let p = Portfolio::load(ws)?;
    let name = ws.path().file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Ok(match (what, format) {
        (Services, Json) => services_json(&p).into_bytes(),
        (Services, Csv) => services_csv(&p),
        (Schedules, Json) => schedules_json(&p).into_bytes(),
        (Schedules, Csv) => schedules_csv(&p),
        (Premiums, Json) => premiums_json(&p).into_bytes(),
        (Premiums, Csv) => premiums_csv(&p),
        (Budget, Json) => budget_json(&p).into_bytes(),
        (Budget, Csv) => budget_csv(&p),
        (Budget, Pdf) => crate::pdf::budget_pdf_with(&p, Some(&crate::evidence::evidence(&ws.incidents()?, &p.services, &p.settings)), &name, generated),
        (Raci, Json) => raci_json(&p).into_bytes(),
        (Raci, Csv) => raci_csv(&p),
        (Raci, Pdf) => crate::pdf::raci_pdf(&p, &name, generated),
        (Pitfalls, Json) => pitfalls_json(&p).into_bytes(),
        (Pitfalls, Csv) => pitfalls_csv(&p),
        (Assumptions, Json) => assumptions_json(&p).into_bytes(),
        (Assumptions, Csv) => assumptions_csv(&p),
        (DomainMap, Svg) => crate::drawing::domain_map_svg(&crate::map::domain_map(&p, vec![])).into_bytes(),
        (DomainMap, Png) => crate::drawing::png(&crate::drawing::domain_map_svg(&crate::map::domain_map(&p, vec![]))),
        (Selector, Svg) => crate::drawing::selector_svg(&crate::selector_chart::selector_chart(&p)).into_bytes(),
        (Selector, Png) => crate::drawing::png(&crate::drawing::selector_svg(&crate::selector_chart::selector_chart(&p))),
        (Incidents, Json | Csv | Pdf) => {
            let r = crate::incident_log::report(&ws.incidents()?, &p.settings, range.0, range.1);
            match format {
                Json => pretty(&serde_json::to_value(&r).expect("report serialises")).into_bytes(),
                Csv => incidents_csv(&r),
                _ => crate::pdf::incidents_pdf(&p, &r, &name, generated),
            }
        }
        (what, format) => {
            let expected = if what.is_picture() {
                format!("svg or png: the {} report is a picture", what.as_str())
            } else if what.has_pdf() {
                "json, csv or pdf".to_string()
            } else {
                format!("json or csv: the {} report has no {}; budget and raci have pdf", what.as_str(), format.as_str())
            };
            return Err(Error::Invalid(vec![Problem { place: Place { column: Some("format".into()), ..Default::default() }, value: format.as_str().into(), expected }]));
        }
    })
}

/// Renders a report into a file the user chose; never over the workspace
/// itself. A CSV whose figures rest on assumptions gets its companion
/// assumptions CSV beside it ([`companion_path`]). Returns the files written.
pub fn export(ws: &Workspace, what: ReportKind, format: ReportFormat, generated: NaiveDate, path: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    export_in(ws, what, format, generated, (None, None), path)
}

/// [`export`] with a date range for the incidents report.
pub fn export_in(
    ws: &Workspace,
    what: ReportKind,
    format: ReportFormat,
    generated: NaiveDate,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    path: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>> {
    refuse_workspace_as_output(ws, path)?;
    let mut files = vec![(path.to_path_buf(), render_in(ws, what, format, generated, range)?)];
    if format == ReportFormat::Csv && what.has_assumptions() {
        let companion = companion_path(path);
        refuse_workspace_as_output(ws, &companion)?;
        files.push((companion, render(ws, ReportKind::Assumptions, ReportFormat::Csv, generated)?));
    }
    for (file, bytes) in &files {
        std::fs::write(file, bytes).map_err(|source| Error::Io { path: file.clone(), source })?;
    }
    Ok(files.into_iter().map(|(f, _)| f).collect())
}

/// `budget.csv` → `budget-assumptions.csv`, in the same folder.
pub fn companion_path(path: &std::path::Path) -> std::path::PathBuf {
    let stem = path.file_stem().map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-assumptions.csv"))
}

/// An output path that is the workspace file or its journal is refused.
pub fn refuse_workspace_as_output(ws: &Workspace, path: &std::path::Path) -> Result<()> {
    let canonical = |p: &std::path::Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        parent.canonicalize().ok().map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    let (Some(out), Some(file)) = (canonical(path), canonical(ws.path())) else { return Ok(()) };
    let journal = |suffix: &str| file.with_file_name(format!("{}{suffix}", file.file_name().unwrap_or_default().to_string_lossy()));
    if out == file || ["-journal", "-wal", "-shm"].iter().any(|suffix| out == journal(suffix)) {
        return Err(Error::Conflict(format!("{} is the workspace itself: choose another file for the report", path.display())));
    }
    Ok(())
}

/// CSV reports are for people and spreadsheets: codes as the words people
/// read ("Head of Product", "You Build It You Run It"), amounts as plain
/// numbers, with a currency column beside them. JSON keeps the codes.
pub const SERVICE_CSV_HEADER: &[&str] = &[
    "name", "kind", "team", "domain", "currency", "exposure_per_hour", "feature_demand", "peak_exposure_per_hour",
    "peak_periods", "out_of_hours_incidents_per_year", "availability_target", "tolerable_unavailability_seconds",
    "tolerable_unavailability", "above_highest_band", "deployment_target", "operating_model", "selection_reason",
    "model_override", "override_reason", "on_call_out_of_hours", "warnings",
];

pub fn services_json(p: &Portfolio) -> String {
    serde_json::to_string_pretty(&views(&p.services, &p.settings)).expect("views serialise") + "\n"
}

/// A snake_case code as words: "every_10_days" → "Every 10 days".
fn words(code: &str) -> String {
    let text = code.replace('_', " ");
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn yes_no(b: bool) -> Cell {
    Cell::text(if b { "yes" } else { "no" })
}

fn service_row(v: &ServiceView, currency: &str) -> Vec<Cell> {
    let opt = |s: &Option<String>| Cell::text(s.clone().unwrap_or_default());
    vec![
        Cell::text(&v.name),
        Cell::text(v.kind.label()),
        Cell::text(&v.team),
        opt(&v.domain),
        Cell::text(currency),
        Cell::Number(v.exposure_per_hour.clone()),
        Cell::text(&v.feature_demand),
        v.peak_exposure_per_hour.clone().map_or(Cell::text(""), Cell::Number),
        Cell::text(&v.peak_periods),
        Cell::Number(v.out_of_hours_incidents_per_year.clone()),
        Cell::Number(v.availability_target.clone()),
        Cell::Number(v.tolerable_unavailability_seconds.to_string()),
        Cell::text(&v.tolerable_unavailability),
        yes_no(v.above_highest_band),
        Cell::text(words(&v.deployment_target)),
        Cell::text(v.operating_model.label()),
        Cell::text(&v.selection_reason),
        Cell::text(v.model_override.map_or("", |m| m.label())),
        opt(&v.override_reason),
        Cell::text(v.on_call_out_of_hours.label()),
        Cell::text(v.warnings.join("; ")),
    ]
}

pub fn services_csv(p: &Portfolio) -> Vec<u8> {
    let rows: Vec<_> = views(&p.services, &p.settings).iter().map(|v| service_row(v, &p.settings.currency)).collect();
    csv_out::write(SERVICE_CSV_HEADER, &rows)
}

use serde_json::{json, Map, Value};

use crate::budget::budget;
use crate::pitfalls::pitfalls;
use crate::portfolio::Portfolio;
use crate::premiums::{assumption_lines, premiums, ModelCost};
use crate::raci::{service_raci, CATEGORY_MATRIX, CATEGORY_SCOPE, PARTIES};
use crate::schedules::Schedule;

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("json") + "\n"
}

fn service_names(p: &Portfolio, s: &Schedule) -> Vec<String> {
    s.services.iter().map(|i| p.services[*i].name.clone()).collect()
}

/// The planned schedules: each with its presented standby cost, which the
/// budget's line items for it add up to.
pub fn schedules_json(p: &Portfolio) -> String {
    let b = budget(p);
    let rows: Vec<Value> = b.schedules.schedules.iter().map(|s| json!({
        "name": s.name(),
        "kind": s.kind.as_str(),
        "owner": s.owner,
        "participants": s.participants,
        "days": s.days,
        "services": service_names(p, s),
        "standby_cost": s.standby_cost.plain(),
    })).collect();
    pretty(&Value::Array(rows))
}

pub fn schedules_csv(p: &Portfolio) -> Vec<u8> {
    let b = budget(p);
    let rows: Vec<Vec<Cell>> = b.schedules.schedules.iter().map(|s| vec![
        Cell::text(s.name()),
        Cell::text(s.kind.label()),
        Cell::text(&s.owner),
        Cell::Number(s.participants.to_string()),
        Cell::Number(s.days.to_string()),
        Cell::text(service_names(p, s).join("; ")),
        Cell::text(&p.settings.currency),
        Cell::Number(s.standby_cost.plain()),
    ]).collect();
    csv_out::write(&["name", "kind", "owner", "participants", "days", "services", "currency", "standby_cost"], &rows)
}

fn cost_json(c: &ModelCost) -> Value {
    json!({
        "standby": c.standby.plain(),
        "callout": c.callout.plain(),
        "setup": c.setup.plain(),
        "premium": c.premium.plain(),
        "expected_loss": c.expected_loss.plain(),
        "total": c.total.plain(),
    })
}

pub fn premiums_json(p: &Portfolio) -> String {
    let pr = premiums(p);
    pretty(&json!({
        "currency": p.settings.currency,
        "services": pr.services.iter().map(|s| json!({
            "name": s.name,
            "ops_run_it": cost_json(&s.ops_run_it),
            "you_build_it_you_run_it": cost_json(&s.you_build_it_you_run_it),
            "days_without_cover": {
                "ops_run_it": s.ops_run_it_days_without_cover,
                "you_build_it_you_run_it": s.you_build_it_you_run_it_days_without_cover,
            },
        })).collect::<Vec<_>>(),
        "portfolio": { "ops_run_it": cost_json(&pr.ops_run_it), "you_build_it_you_run_it": cost_json(&pr.you_build_it_you_run_it) },
        "run_cost": pr.run_cost.iter().map(|r| json!({
            "teams": r.teams,
            "you_build_it_you_run_it_team_schedules": r.team_schedules.plain(),
            "you_build_it_you_run_it_domain_schedules": r.domain_schedules.plain(),
            "ops_run_it": r.ops_run_it.plain(),
        })).collect::<Vec<_>>(),
        "loss_distribution": crate::loss_distribution::distributions(p),
        "assumptions": assumptions_map(p),
    }))
}

pub const PREMIUM_PARTS: [&str; 6] = ["standby", "callout", "setup", "premium", "expected_loss", "total"];

fn cost_cells(c: &ModelCost) -> Vec<Cell> {
    [c.standby, c.callout, c.setup, c.premium, c.expected_loss, c.total].iter().map(|m| Cell::Number(m.plain())).collect()
}

/// One row per service, both models side by side, and a portfolio row; the
/// assumptions are the companion assumptions CSV.
pub fn premiums_csv(p: &Portfolio) -> Vec<u8> {
    let pr = premiums(p);
    let mut header = vec!["name".to_string(), "currency".to_string()];
    for model in ["ops_run_it", "you_build_it_you_run_it"] {
        header.extend(PREMIUM_PARTS.iter().map(|part| format!("{model}_{part}")));
    }
    let mut rows: Vec<Vec<Cell>> = pr.services.iter().map(|s| {
        let mut row = vec![Cell::text(&s.name), Cell::text(&p.settings.currency)];
        row.extend(cost_cells(&s.ops_run_it));
        row.extend(cost_cells(&s.you_build_it_you_run_it));
        row
    }).collect();
    let mut total = vec![Cell::text("portfolio"), Cell::text(&p.settings.currency)];
    total.extend(cost_cells(&pr.ops_run_it));
    total.extend(cost_cells(&pr.you_build_it_you_run_it));
    rows.push(total);
    csv_out::write(&header.iter().map(String::as_str).collect::<Vec<_>>(), &rows)
}

pub fn budget_json(p: &Portfolio) -> String {
    let b = budget(p);
    let holders = crate::model::BudgetHolder::ALL;
    let totals: Map<String, Value> = holders.iter().map(|h| (h.as_str().to_string(), Value::String(b.holder_total(*h).plain()))).collect();
    let by_category: Map<String, Value> = holders.iter().map(|h| {
        let cat = |c| b.total_of(*h, c).plain();
        (h.as_str().to_string(), json!({ "capex": cat(crate::budget::Category::Capex), "opex": cat(crate::budget::Category::Opex) }))
    }).collect();
    pretty(&json!({
        "currency": p.settings.currency,
        "planning_year_start": p.settings.planning_year_start.to_string(),
        "line_items": b.line_items.iter().map(|l| json!({
            "service": l.service,
            "schedule": l.schedule,
            "budget_holder": l.budget_holder.as_str(),
            "category": l.category.as_str(),
            "standby": l.standby.plain(),
            "callout": l.callout.plain(),
            "amount": l.amount.plain(),
        })).collect::<Vec<_>>(),
        "totals": totals,
        "totals_by_category": by_category,
        "capex": b.categories.get(&crate::budget::Category::Capex).map(|t| t.amount).unwrap_or_default().plain(),
        "opex": b.categories.get(&crate::budget::Category::Opex).map(|t| t.amount).unwrap_or_default().plain(),
        "total": b.total.amount.plain(),
        "before_transfer": b.before.iter().map(|(what, amount)| json!({
            "line_item": what, "budget_holder": "head_of_operations", "category": "opex", "amount": amount.plain(),
        })).collect::<Vec<_>>(),
        "assumptions": assumptions_map(p),
    }))
}

pub fn budget_csv(p: &Portfolio) -> Vec<u8> {
    let b = budget(p);
    let rows: Vec<Vec<Cell>> = b.line_items.iter().map(|l| vec![
        Cell::text(&l.service),
        Cell::text(&l.schedule),
        Cell::text(l.budget_holder.label()),
        Cell::text(l.category.label()),
        Cell::text(&p.settings.currency),
        Cell::Number(l.standby.plain()),
        Cell::Number(l.callout.plain()),
        Cell::Number(l.amount.plain()),
    ]).collect();
    csv_out::write(&["service", "schedule", "budget_holder", "category", "currency", "standby", "callout", "amount"], &rows)
}

fn assumptions_map(p: &Portfolio) -> Map<String, Value> {
    assumption_lines(p).into_iter().map(|(k, v)| (k, Value::String(v))).collect()
}

pub fn assumptions_json(p: &Portfolio) -> String {
    pretty(&Value::Object(assumptions_map(p)))
}

/// The assumptions behind the premiums and the budget, one per row.
pub fn assumptions_csv(p: &Portfolio) -> Vec<u8> {
    let rows: Vec<Vec<Cell>> = assumption_lines(p).into_iter().map(|(k, v)| vec![Cell::text(k), Cell::text(v)]).collect();
    csv_out::write(&["assumption", "value"], &rows)
}

const PARTY_KEYS: [&str; 5] = ["head_of_operations", "app_support_team", "head_of_product", "head_of_delivery", "product_team"];

pub fn raci_json(p: &Portfolio) -> String {
    let categories: Vec<Value> = CATEGORY_MATRIX.iter().map(|(name, cells)| {
        let mut m = Map::new();
        m.insert("category".into(), Value::String(name.to_string()));
        m.insert("covers".into(), Value::String(CATEGORY_SCOPE.into()));
        for (k, c) in PARTY_KEYS.iter().zip(cells) {
            m.insert(k.to_string(), Value::String(c.to_string()));
        }
        Value::Object(m)
    }).collect();
    let services: Vec<Value> = service_raci(p).iter().map(|r| {
        let mut m = Map::new();
        m.insert("service".into(), Value::String(r.service.clone()));
        m.insert("team".into(), Value::String(r.team.clone()));
        m.insert("operating_model".into(), Value::String(r.operating_model.as_str().into()));
        m.insert("category".into(), Value::String(r.category.into()));
        m.insert("override_reason".into(), r.override_reason.clone().map_or(Value::Null, Value::String));
        for (k, c) in PARTY_KEYS.iter().zip(&r.cells) {
            m.insert(k.to_string(), Value::String(c.as_str().into()));
        }
        Value::Object(m)
    }).collect();
    pretty(&json!({ "parties": PARTIES, "categories": categories, "services": services }))
}

pub fn raci_csv(p: &Portfolio) -> Vec<u8> {
    let rows: Vec<Vec<Cell>> = service_raci(p).iter().map(|r| {
        let mut row = vec![Cell::text(&r.service), Cell::text(&r.team), Cell::text(r.operating_model.label()), Cell::text(r.category)];
        row.extend(r.cells.iter().map(|c| Cell::text(c.as_str())));
        row.push(Cell::text(r.override_reason.clone().unwrap_or_default()));
        row
    }).collect();
    let mut header = vec!["service", "team", "operating_model", "category"];
    header.extend(PARTY_KEYS);
    header.push("override_reason");
    csv_out::write(&header, &rows)
}

pub fn pitfalls_json(p: &Portfolio) -> String {
    pretty(&Value::Array(pitfalls(p, &budget(p)).iter().map(|f| json!({
        "pitfall": f.pitfall, "services": f.services, "detail": f.detail, "advice": f.advice,
    })).collect()))
}

pub fn pitfalls_csv(p: &Portfolio) -> Vec<u8> {
    let rows: Vec<Vec<Cell>> = pitfalls(p, &budget(p)).iter().map(|f| vec![
        Cell::text(words(f.pitfall)), Cell::text(f.services.join("; ")), Cell::text(&f.detail), Cell::text(f.advice),
    ]).collect();
    csv_out::write(&["pitfall", "services", "detail", "advice"], &rows)
}

/// The incident log as one table, in words, with the currency beside the amounts.
pub fn incidents_csv(r: &crate::incident_log::IncidentReport) -> Vec<u8> {
    let opt = |o: &Option<String>| o.clone().map_or(Cell::text(""), Cell::Number);
    let rows: Vec<Vec<Cell>> = r.incidents.iter().map(|i| vec![
        Cell::text(&i.service),
        Cell::text(&i.team),
        Cell::text(i.domain.clone().unwrap_or_default()),
        Cell::text(i.operating_model.label()),
        Cell::Number(i.availability_target.clone()),
        Cell::text(&i.started_at),
        Cell::Number(i.duration_minutes.clone()),
        Cell::text(&r.currency),
        Cell::Number(i.loss.clone()),
        yes_no(i.loss_entered),
        Cell::text(words(&format!("{:?}", i.loss_class).to_lowercase())),
        Cell::text(words(&format!("{:?}", i.incident_type).to_lowercase())),
        Cell::text(&i.response),
        Cell::Number(i.projected_loss.clone()),
        opt(&i.protection),
        opt(&i.overrun),
        opt(&i.effectiveness),
        opt(&i.overrun_share),
    ]).collect();
    csv_out::write(&[
        "service", "team", "domain", "operating_model", "availability_target", "started_at", "duration_minutes", "currency", "loss",
        "loss_entered", "loss_class", "incident_type", "response", "projected_loss", "protection", "overrun", "effectiveness_percent",
        "overrun_percent",
    ], &rows)
}
