//! `opmodel`: the workspace from the command line (see CLI.md). Exit status
//! 0 done, 1 bad input, 2 usage error; a failed command changes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use opmodel_core::import::{self, ImportSummary};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use opmodel_core::report::{self, ReportFormat, ReportKind};
use opmodel_core::chrono::NaiveDate;
use opmodel_core::error::Place;
use opmodel_core::money::Money;
use opmodel_core::portfolio::Portfolio;
use opmodel_core::{demo, snapshot, Error, Workspace};

#[derive(Parser)]
#[command(name = "opmodel", version, about = "Operating Model Planner: plan and cost You Build It You Run It, offline")]
struct Cli {
    /// The workspace file (created with defaults when missing).
    #[arg(long, global = true, env = "OPMODEL_WORKSPACE", value_name = "PATH")]
    workspace: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the playbook's furniture retailer example.
    Demo {
        /// Replace the workspace's services, teams, domains and settings.
        #[arg(long)]
        force: bool,
    },
    /// Add or update rows by name from a CSV file; all or nothing.
    Import {
        #[arg(value_enum)]
        what: ImportKind,
        csv: PathBuf,
    },
    /// List or change settings.
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// Print a report.
    Report {
        #[arg(value_parser = PossibleValuesParser::new(ReportKind::ALL.map(ReportKind::as_str))
            .map(|s| ReportKind::ALL.into_iter().find(|k| k.as_str() == s).expect("a listed value")))]
        what: ReportKind,
        /// json or csv; pdf for budget and raci; svg or png for domain-map
        /// and selector (pdf and png need --out). A budget or premiums CSV
        /// written with --out gets its assumptions beside it.
        #[arg(long, value_parser = PossibleValuesParser::new(ReportFormat::ALL.map(ReportFormat::as_str))
            .map(|s| ReportFormat::ALL.into_iter().find(|f| f.as_str() == s).expect("a listed value")))]
        format: ReportFormat,
        /// Where to write it (standard output when omitted).
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Incidents only: those that started on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// Incidents only: those that started on or before this day.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        to: Option<NaiveDate>,
    },
    /// Named plans kept in the workspace: save, open, compare.
    Scenario {
        #[command(subcommand)]
        action: ScenarioAction,
    },
    /// Restore points, taken before every import, demo --force, scenario open and restore.
    History {
        #[command(subcommand)]
        action: HistoryAction,
    },
    /// Take back the newest edit, whoever made it (the app or this CLI); kept in the workspace.
    Undo,
    /// Make the newest undone edit again.
    Redo,
    /// The live in-incident calculation: loss so far, its class and what to do (JSON).
    Incident {
        service: String,
        /// Minutes of lost availability so far.
        #[arg(long)]
        minutes: String,
        /// When it started, YYYY-MM-DDTHH:MM (now when omitted): a peak day has its own exposure.
        #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
        at: Option<String>,
        /// The loss worked out by the people in the incident, if known.
        #[arg(long)]
        loss: Option<String>,
    },
}

#[derive(Subcommand)]
enum ScenarioAction {
    /// The scenarios, newest first.
    List,
    /// Keep a copy of the whole plan under NAME.
    Save { name: String },
    /// Make NAME's plan the working plan (the working plan becomes a restore point first).
    Open { name: String },
    Delete { name: String },
    /// Give the scenario FROM the new name TO.
    Rename { from: String, to: String },
    /// Keep a copy of the scenario FROM under the new name TO.
    Copy { from: String, to: String },
    /// Two plans side by side; A and B are scenario names or `current`.
    Compare {
        a: String,
        b: String,
        #[arg(long, value_parser = ["json", "csv", "pdf"])]
        format: String,
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum HistoryAction {
    /// Restore points, newest first.
    List {
        #[arg(long, value_parser = ["json"])]
        format: Option<String>,
    },
    /// Make restore point ID the working plan (the working plan becomes a restore point first).
    Restore { id: i64 },
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    opmodel_core::model::parse_date(text).ok_or_else(|| format!("'{text}' is not a date: expected YYYY-MM-DD"))
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportKind {
    Services,
    Teams,
    Domains,
    Incidents,
}

#[derive(Subcommand)]
enum SettingsAction {
    /// Every setting and its value.
    List,
    /// Change one setting (checked before it is stored).
    Set { key: String, value: String },
}

/// A failure and its exit status.
struct Failure(u8, String);

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure(1, e.to_string())
    }
}

fn summary(what: &str, s: &ImportSummary) -> String {
    let mut lines = vec![format!("imported {what}: {} added, {} updated", s.added, s.updated)];
    if !s.created.teams.is_empty() {
        lines.push(format!("created teams with defaults (funding by kind, 0 on-call participants): {}", s.created.teams.join(", ")));
    }
    if !s.created.domains.is_empty() {
        lines.push(format!("created domains with defaults (product, head_of_product): {}", s.created.domains.join(", ")));
    }
    lines.join("\n")
}

fn write_out(bytes: &[u8]) -> Result<(), Failure> {
    std::io::stdout().write_all(bytes).map_err(|e| Failure(1, e.to_string()))
}

/// Runs a command; a workspace it had to create is removed again if the
/// command fails, so a failed command leaves nothing behind.
fn run(cli: Cli) -> Result<(), Failure> {
    let path = cli.workspace.ok_or_else(|| Failure(2, "no workspace: pass --workspace PATH or set OPMODEL_WORKSPACE".into()))?;
    if let Command::Report { what, format, out, from, to } = &cli.command {
        if (from.is_some() || to.is_some()) && *what != ReportKind::Incidents {
            return Err(Failure(2, "--from and --to select incidents: they go with report incidents".into()));
        }
        let picture = matches!(format, ReportFormat::Svg | ReportFormat::Png);
        if *format == ReportFormat::Pdf && !what.has_pdf() {
            return Err(Failure(2, format!("only the budget, raci and incidents reports have a pdf format, not {}", what.as_str())));
        }
        if picture != what.is_picture() {
            let expected = if what.is_picture() { "svg or png" } else { "json or csv (or pdf for budget and raci)" };
            return Err(Failure(2, format!("the {} report is written as {expected}, not {}", what.as_str(), format.as_str())));
        }
        if matches!(format, ReportFormat::Pdf | ReportFormat::Png) && out.is_none() {
            return Err(Failure(2, format!("a {} report needs --out PATH", format.as_str())));
        }
    }
    let created = !path.exists();
    let ws = Workspace::open(&path)?;
    let result = execute(ws, &path, cli.command);
    if result.is_err() && created {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    result
}

fn execute(mut ws: Workspace, path: &Path, command: Command) -> Result<(), Failure> {
    match command {
        Command::Demo { force } => {
            demo::write_example(&mut ws, force)?;
            eprintln!("wrote the furniture retailer example to {}", path.display());
        }
        Command::Import { what, csv } => {
            let (kind, name) = match what {
                ImportKind::Services => (import::ImportKind::Services, "services"),
                ImportKind::Teams => (import::ImportKind::Teams, "teams"),
                ImportKind::Domains => (import::ImportKind::Domains, "domains"),
                ImportKind::Incidents => (import::ImportKind::Incidents, "incidents"),
            };
            eprintln!("{}", summary(name, &import::apply(&mut ws, kind, &csv)?));
        }
        Command::Settings { action: SettingsAction::List } => {
            let lines: String = ws.settings()?.list().iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            write_out(lines.as_bytes())?;
        }
        Command::Settings { action: SettingsAction::Set { key, value } } => ws.set_setting(&key, &value)?,
        Command::Scenario { action: ScenarioAction::List } => {
            let lines: String = snapshot::scenarios(&ws)?.iter().map(|s| format!("{}\t{}\t{} services\n", s.name.as_deref().unwrap_or(""), s.taken_at, s.services)).collect();
            write_out(lines.as_bytes())?;
        }
        Command::Scenario { action: ScenarioAction::Save { name } } => snapshot::save_scenario(&mut ws, &name)?,
        Command::Scenario { action: ScenarioAction::Open { name } } => snapshot::open_scenario(&mut ws, &name)?,
        Command::Scenario { action: ScenarioAction::Delete { name } } => snapshot::delete_scenario(&mut ws, &name)?,
        Command::Scenario { action: ScenarioAction::Rename { from, to } } => snapshot::rename_scenario(&mut ws, &from, &to)?,
        Command::Scenario { action: ScenarioAction::Copy { from, to } } => snapshot::copy_scenario(&mut ws, &from, &to)?,
        Command::Scenario { action: ScenarioAction::Compare { a, b, format, out } } => {
            if format == "pdf" && out.is_none() {
                return Err(Failure(2, "a pdf report needs --out PATH".into()));
            }
            let (pa, pb) = (snapshot::plan_named(&ws, &a)?.portfolio()?, snapshot::plan_named(&ws, &b)?.portfolio()?);
            let c = opmodel_core::compare::compare(&a, &pa, &b, &pb);
            let bytes = match format.as_str() {
                "json" => c.to_json().into_bytes(),
                "csv" => opmodel_core::compare::comparison_csv(&c),
                _ => opmodel_core::pdf::comparison_pdf(&c, &path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()), today()),
            };
            match out {
                Some(file) => {
                    report::refuse_workspace_as_output(&ws, &file)?;
                    std::fs::write(&file, bytes).map_err(|source| Error::Io { path: file.clone(), source })?;
                }
                None => write_out(&bytes)?,
            }
        }
        Command::History { action: HistoryAction::List { format } } => {
            let points = snapshot::restore_points(&ws)?;
            let text = match format {
                Some(_) => snapshot::history_json(&points),
                None => points.iter().map(|p| format!("{}\t{}\tbefore {}\n", p.id, p.taken_at, p.before)).collect(),
            };
            write_out(text.as_bytes())?;
        }
        Command::History { action: HistoryAction::Restore { id } } => snapshot::restore(&mut ws, id)?,
        Command::Undo => println!("undone: {}", opmodel_core::undo::undo(&mut ws)?),
        Command::Redo => println!("redone: {}", opmodel_core::undo::redo(&mut ws)?),
        Command::Incident { service, minutes, at, loss } => {
            let bad = |column: &str, value: &str, expected: &str| Failure::from(Error::invalid(Place { column: Some(column.into()), ..Default::default() }, value, expected));
            let minutes = opmodel_core::incident_log::parse_minutes(&minutes).ok_or_else(|| bad("minutes", &minutes, "minutes so far, 0 or more, such as 30 or 12.5"))?;
            let at = match at {
                Some(a) => opmodel_core::incident_log::parse_timestamp(&a).ok_or_else(|| bad("at", &a, "a date and time such as 2026-11-24T21:15"))?,
                None => opmodel_core::chrono::Local::now().naive_local(),
            };
            let loss = loss.map(|l| Money::parse_input(&l).map_err(|e| bad("loss", &l, &e.to_string()))).transpose()?;
            let live = opmodel_core::incident_log::live(&Portfolio::load(&ws)?, &service, minutes, at, loss)?;
            write_out(live.to_json().as_bytes())?;
        }
        Command::Report { what, format, out: Some(out), from, to } => {
            let written = report::export_in(&ws, what, format, today(), (from, to), &out)?;
            for companion in &written[1..] {
                eprintln!("wrote the assumptions behind these figures to {}", companion.display());
            }
        }
        Command::Report { what, format, out: None, from, to } => {
            write_out(&report::render_in(&ws, what, format, today(), (from, to))?)?;
            if format == ReportFormat::Csv && what.has_assumptions() {
                eprintln!("the assumptions behind these figures: opmodel report assumptions --format csv");
            }
        }
    }
    Ok(())
}

/// The date a PDF prints: today, where the user is.
fn today() -> opmodel_core::chrono::NaiveDate {
    opmodel_core::chrono::Local::now().date_naive()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, message)) => {
            eprintln!("opmodel: {message}");
            ExitCode::from(code)
        }
    }
}
