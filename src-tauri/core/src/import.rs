//! CSV import of services, teams and domains: every row is checked first,
//! then all rows are stored in one transaction, or none is.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Place, Problem, Result};
use crate::input::ServiceInput;
use crate::organisation::{DomainInput, TeamInput};
use crate::selector::OperatingModel;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use crate::store::{Created, Workspace};

/// What an import did, for the message people read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub created: Created,
}

pub const SERVICE_COLUMNS: &[&str] = &[
    "name", "kind", "team", "domain", "exposure_per_hour", "feature_demand",
    "peak_exposure_per_hour", "peak_periods", "out_of_hours_incidents_per_year",
    "model_override", "override_reason",
];
const SERVICE_REQUIRED: &[&str] = &["name", "kind", "team", "exposure_per_hour", "feature_demand"];
pub const TEAM_COLUMNS: &[&str] = &["name", "funding", "on_call_participants"];
pub const DOMAIN_COLUMNS: &[&str] = &["name", "kind", "on_call_budget_holder"];

/// A parsed file: its rows as column → value, each with its row number
/// (the header is row 1, as a spreadsheet shows it).
pub(crate) struct Table {
    pub(crate) file: String,
    pub(crate) rows: Vec<(u64, HashMap<String, String>)>,
}

impl Table {
    pub(crate) fn read(path: &Path, columns: &[&str], required: &[&str]) -> Result<Table> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        let place = |row: Option<u64>, column: Option<String>| Place { file: Some(file.clone()), row, column, item: None };
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            Error::invalid(place(None, None), &format!("invalid byte at offset {}", e.valid_up_to()), "a UTF-8 text file (save it as 'CSV UTF-8')")
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| Error::invalid(place(Some(1), None), &e.to_string(), "a header row"))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let mut problems = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            if !columns.contains(&h.as_str()) {
                problems.push(Problem { place: place(Some(1), Some(format!("{}", i + 1))), value: h.clone(), expected: format!("one of the columns {}", columns.join(", ")) });
            } else if headers[..i].contains(h) {
                problems.push(Problem { place: place(Some(1), Some(h.clone())), value: h.clone(), expected: "each column once".into() });
            }
        }
        for r in required {
            if !headers.iter().any(|h| h == r) {
                problems.push(Problem { place: place(Some(1), Some(r.to_string())), value: String::new(), expected: format!("a header row with the column {r} ({})", columns.join(",")) });
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let row = i as u64 + 2;
            let record = record.map_err(|e| {
                let expected = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, .. } => format!("{expected_len} fields, as in the header row"),
                    _ => "a well-formed CSV row".to_string(),
                };
                Error::invalid(place(Some(row), None), &e.to_string(), &expected)
            })?;
            let values = headers.iter().cloned().zip(record.iter().map(str::to_string)).collect();
            rows.push((row, values));
        }
        Ok(Table { file, rows })
    }

    /// Rows pasted from a spreadsheet, already given our column names: row 1 is the first row pasted.
    pub(crate) fn pasted(paste: &Paste, columns: &[&str]) -> Result<Table> {
        let file = PASTED.to_string();
        let mut problems = Vec::new();
        for (i, c) in paste.columns.iter().enumerate() {
            let place = Place { file: Some(file.clone()), row: None, column: Some(c.clone()), item: None };
            if !columns.contains(&c.as_str()) {
                problems.push(Problem { place, value: c.clone(), expected: format!("one of the columns {}", columns.join(", ")) });
            } else if paste.columns[..i].contains(c) {
                problems.push(Problem { place, value: c.clone(), expected: "each column once".into() });
            }
        }
        for (i, r) in paste.rows.iter().enumerate() {
            if r.len() != paste.columns.len() {
                let place = Place { file: Some(file.clone()), row: Some(i as u64 + 1), column: None, item: None };
                problems.push(Problem { place, value: format!("{} cells", r.len()), expected: format!("{} cells, one for each column pasted into", paste.columns.len()) });
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let rows = paste.rows.iter().enumerate().map(|(i, r)| (i as u64 + 1, paste.columns.iter().cloned().zip(r.iter().cloned()).collect())).collect();
        Ok(Table { file, rows })
    }

    pub(crate) fn place(&self, row: u64) -> Place {
        Place { file: Some(self.file.clone()), row: Some(row), column: None, item: None }
    }
}

pub(crate) fn get<'a>(values: &'a HashMap<String, String>, column: &str) -> &'a str {
    values.get(column).map_or("", String::as_str)
}

/// Problems with names repeated within a file.
fn duplicate_names(table: &Table) -> Vec<Problem> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut problems = Vec::new();
    for (row, values) in &table.rows {
        let name = get(values, "name").trim().to_string();
        if let Some(first) = seen.get(&name) {
            problems.push(Problem {
                place: Place { column: Some("name".into()), ..table.place(*row) },
                value: name.clone(),
                expected: format!("a name not already used in row {first}"),
            });
        } else {
            seen.insert(name, *row);
        }
    }
    problems
}

/// What the planner calls rows pasted from a spreadsheet in its messages.
pub const PASTED: &str = "the pasted rows";

/// Rows pasted from a spreadsheet into the services grid: the grid's column
/// names the cells went under, and the cells, a row each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
pub struct Paste {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What pasting would do, checked as an import is; stores nothing.
pub fn preview_paste(ws: &Workspace, paste: &Paste) -> Result<ImportPreview> {
    preview_outcome(ws, ImportKind::Services, Table::pasted(paste, SERVICE_COLUMNS).and_then(|t| services_preview(ws, &t)))
}

/// Pastes rows: all or nothing, one edit, the plan before it kept as a restore point.
pub fn apply_paste(ws: &mut Workspace, paste: &Paste) -> Result<ImportSummary> {
    let services = checked_services(ws, &Table::pasted(paste, SERVICE_COLUMNS)?)?;
    let label = format!("paste {} row{}", services.len(), if services.len() == 1 { "" } else { "s" });
    crate::snapshot::take_restore_point(ws, &label)?;
    store_services(ws, &services, &label)
}

/// Adds or updates services by name; all or nothing.
pub fn import_services(ws: &mut Workspace, path: &Path) -> Result<ImportSummary> {
    let services = checked_services(ws, &Table::read(path, SERVICE_COLUMNS, SERVICE_REQUIRED)?)?;
    restore_point(ws, "services", path)?;
    let label = format!("import services from {}", path.file_name().unwrap_or_default().to_string_lossy());
    store_services(ws, &services, &label)
}

fn store_services(ws: &mut Workspace, services: &[crate::model::Service], label: &str) -> Result<ImportSummary> {
    let existing: Vec<String> = ws.services()?.into_iter().map(|s| s.name).collect();
    ws.batch(label, |b| {
        let mut summary = ImportSummary::default();
        for s in services {
            b.put_service(s, &mut summary.created)?;
            if existing.contains(&s.name) { summary.updated += 1 } else { summary.added += 1 }
        }
        Ok(summary)
    })
}

/// Every row of a services file (or a paste), checked; nothing is stored.
fn checked_services(ws: &Workspace, table: &Table) -> Result<Vec<crate::model::Service>> {
    let settings = ws.settings()?;
    let existing = ws.services()?;
    let mut problems = duplicate_names(&table);
    let mut services = Vec::new();
    for (row, values) in &table.rows {
        let name = get(values, "name").trim();
        // An update keeps what the file does not mention: columns it lacks,
        // and the override, which has no column.
        let mut input = existing.iter().find(|s| s.name == name).map(ServiceInput::from_service).unwrap_or_default();
        let take = |column: &str, field: &mut String| {
            if let Some(v) = values.get(column) {
                *field = v.clone();
            }
        };
        input.name = name.to_string();
        take("kind", &mut input.kind);
        take("team", &mut input.team);
        take("exposure_per_hour", &mut input.exposure_per_hour);
        take("feature_demand", &mut input.feature_demand);
        take("peak_periods", &mut input.peak_periods);
        take("out_of_hours_incidents_per_year", &mut input.out_of_hours_incidents_per_year);
        if let Some(d) = values.get("domain") {
            input.domain = Some(d.trim().to_string()).filter(|d| !d.is_empty());
        }
        if let Some(p) = values.get("peak_exposure_per_hour") {
            input.peak_exposure_per_hour = Some(p.clone());
        }
        if let Some(m) = values.get("model_override") {
            input.model_override = match m.trim() {
                "" => None,
                text => match OperatingModel::parse(text) {
                    Some(model) => Some(model),
                    None => {
                        problems.push(Problem {
                            place: Place { column: Some("model_override".into()), ..table.place(*row) },
                            value: text.to_string(),
                            expected: "ops_run_it or you_build_it_you_run_it, or empty for the selector's choice".into(),
                        });
                        continue;
                    }
                },
            };
            input.override_reason = values.get("override_reason").cloned().filter(|_| input.model_override.is_some());
        }
        match input.validate(&settings, &table.place(*row)) {
            Ok(s) => services.push(s),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(services)
}

/// Adds or updates teams by name; all or nothing.
pub fn import_teams(ws: &mut Workspace, path: &Path) -> Result<ImportSummary> {
    let teams = checked_teams(path)?;
    restore_point(ws, "teams", path)?;
    let label = format!("import teams from {}", path.file_name().unwrap_or_default().to_string_lossy());
    let existing: Vec<String> = ws.teams()?.into_iter().map(|t| t.name).collect();
    ws.batch(&label, |b| {
        let mut summary = ImportSummary::default();
        for t in &teams {
            b.put_team(t)?;
            if existing.contains(&t.name) { summary.updated += 1 } else { summary.added += 1 }
        }
        Ok(summary)
    })
}

fn checked_teams(path: &Path) -> Result<Vec<crate::model::Team>> {
    let table = Table::read(path, TEAM_COLUMNS, TEAM_COLUMNS)?;
    let mut problems = duplicate_names(&table);
    let mut teams = Vec::new();
    for (row, values) in &table.rows {
        let input = TeamInput { name: get(values, "name").into(), funding: get(values, "funding").into(), on_call_participants: get(values, "on_call_participants").into() };
        match input.validate(&table.place(*row)) {
            Ok(team) => teams.push(team),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(teams)
}

/// Adds or updates domains by name; all or nothing.
pub fn import_domains(ws: &mut Workspace, path: &Path) -> Result<ImportSummary> {
    let domains = checked_domains(path)?;
    restore_point(ws, "domains", path)?;
    let label = format!("import domains from {}", path.file_name().unwrap_or_default().to_string_lossy());
    let existing: Vec<String> = ws.domains()?.into_iter().map(|d| d.name).collect();
    ws.batch(&label, |b| {
        let mut summary = ImportSummary::default();
        for d in &domains {
            b.put_domain(d)?;
            if existing.contains(&d.name) { summary.updated += 1 } else { summary.added += 1 }
        }
        Ok(summary)
    })
}

fn checked_domains(path: &Path) -> Result<Vec<crate::model::Domain>> {
    let table = Table::read(path, DOMAIN_COLUMNS, DOMAIN_COLUMNS)?;
    let mut problems = duplicate_names(&table);
    let mut domains = Vec::new();
    for (row, values) in &table.rows {
        let input = DomainInput { name: get(values, "name").into(), kind: get(values, "kind").into(), on_call_budget_holder: get(values, "on_call_budget_holder").into() };
        match input.validate(&table.place(*row)) {
            Ok(domain) => domains.push(domain),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(domains)
}

/// The plan as it was before an import, once the file has been checked (a
/// refused file changes nothing, not even the history).
pub(crate) fn restore_point(ws: &mut Workspace, what: &str, path: &Path) -> Result<()> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned());
    crate::snapshot::take_restore_point(ws, &format!("import {what} {file}")).map(|_| ())
}

/// Which file an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Services,
    Teams,
    Domains,
    Incidents,
}

/// What an import would do, shown before it is applied: the rows it adds
/// and updates, the teams and domains it would create with defaults, and
/// every problem, by row and column (when there are any, it applies nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub new_teams: Vec<String>,
    pub new_domains: Vec<String>,
    pub problems: Vec<String>,
}

/// Names the services rows would add or update, and the teams and domains they would create.
fn services_preview(ws: &Workspace, table: &Table) -> Result<(Vec<String>, Vec<String>, Vec<String>)> {
    let services = checked_services(ws, table)?;
    let teams: Vec<String> = ws.teams()?.into_iter().map(|t| t.name).collect();
    let domains: Vec<String> = ws.domains()?.into_iter().map(|d| d.name).collect();
    let mut new_teams: Vec<String> = services.iter().map(|s| s.team.clone()).filter(|t| !teams.contains(t)).collect();
    let mut new_domains: Vec<String> = services.iter().filter_map(|s| s.domain.clone()).filter(|d| !domains.contains(d)).collect();
    new_teams.sort();
    new_teams.dedup();
    new_domains.sort();
    new_domains.dedup();
    Ok((services.into_iter().map(|s| s.name).collect(), new_teams, new_domains))
}

/// Checks a file as its import would, and says what it would do; stores nothing.
pub fn preview(ws: &Workspace, what: ImportKind, path: &Path) -> Result<ImportPreview> {
    let rows = match what {
        ImportKind::Services => Table::read(path, SERVICE_COLUMNS, SERVICE_REQUIRED).and_then(|t| services_preview(ws, &t)),
        ImportKind::Teams => checked_teams(path).map(|t| (t.into_iter().map(|t| t.name).collect(), vec![], vec![])),
        ImportKind::Domains => checked_domains(path).map(|d| (d.into_iter().map(|d| d.name).collect(), vec![], vec![])),
        // Incidents are only ever added: each is named by its service and start.
        ImportKind::Incidents => crate::incident_log::checked(ws, path).map(|i| {
            (i.iter().map(|i| format!("{} at {}", i.service, i.started_at.format("%Y-%m-%d %H:%M"))).collect(), vec![], vec![])
        }),
    };
    preview_outcome(ws, what, rows)
}

/// The preview of rows checked: what they add and update, or every problem.
fn preview_outcome(ws: &Workspace, what: ImportKind, rows: Result<(Vec<String>, Vec<String>, Vec<String>)>) -> Result<ImportPreview> {
    match rows {
        Ok((names, new_teams, new_domains)) => {
            let existing: Vec<String> = match what {
                ImportKind::Services => ws.services()?.into_iter().map(|s| s.name).collect(),
                ImportKind::Teams => ws.teams()?.into_iter().map(|t| t.name).collect(),
                ImportKind::Domains => ws.domains()?.into_iter().map(|d| d.name).collect(),
                ImportKind::Incidents => Vec::new(),
            };
            let (added, updated) = names.into_iter().partition(|n| !existing.contains(n));
            Ok(ImportPreview { added, updated, new_teams, new_domains, problems: vec![] })
        }
        Err(Error::Invalid(problems)) => Ok(ImportPreview { problems: problems.iter().map(ToString::to_string).collect(), ..Default::default() }),
        Err(other) => Err(other),
    }
}

/// Applies an import, all or nothing.
pub fn apply(ws: &mut Workspace, what: ImportKind, path: &Path) -> Result<ImportSummary> {
    match what {
        ImportKind::Services => import_services(ws, path),
        ImportKind::Teams => import_teams(ws, path),
        ImportKind::Domains => import_domains(ws, path),
        ImportKind::Incidents => crate::incident_log::import_incidents(ws, path).map(|added| ImportSummary { added, ..Default::default() }),
    }
}
