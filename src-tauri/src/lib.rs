//! The desktop shell: Tauri commands, each a one-line adapter into
//! `opmodel-core`. Errors cross IPC as `{code, message}`.

pub mod recent;
pub mod window_state;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use opmodel_core::import::{self, ImportKind, ImportPreview, Paste};
use opmodel_core::incident_log::{self, IncidentInput, IncidentReport};
use opmodel_core::compare::{self, Comparison};
use opmodel_core::evidence::Evidence;
use opmodel_core::snapshot::{self, SnapshotInfo};
use opmodel_core::incidents::LiveIncident;
use opmodel_core::loss_distribution::LossDistributions;
use opmodel_core::input::{NewOwners, ServiceInput};
use opmodel_core::map::{self, DomainMap, Position};
use opmodel_core::selector_chart::SelectorChart;
use opmodel_core::organisation::{self, organisation, DomainInput, Organisation, TeamInput};
use opmodel_core::view::{service_view, service_views, setting_views, ServiceView, SettingView, WorkspaceInfo};
use opmodel_core::portfolio::Portfolio;
use opmodel_core::report::{self, ReportFormat, ReportKind};
use opmodel_core::summary::{self, CostSummary};
use opmodel_core::undo::{self, UndoState};
use opmodel_core::{demo, AppError, Error, Result, Workspace};
use tauri::{Manager, Runtime, State};

/// The open workspace, and where to remember it for the next start.
pub struct AppState {
    workspace: Mutex<Workspace>,
    remember_in: Option<PathBuf>,
    /// Reports written this session: the only files Open and Show in folder act on.
    exported: Mutex<Vec<PathBuf>>,
    /// The recent workspaces file, once the app knows its config folder.
    recent: OnceLock<PathBuf>,
}

impl AppState {
    pub fn new(workspace: Workspace, remember_in: Option<PathBuf>) -> AppState {
        AppState { workspace: Mutex::new(workspace), remember_in, exported: Mutex::new(Vec::new()), recent: OnceLock::new() }
    }

    /// Keeps the recently opened workspaces in `file` from now on, the open
    /// one first. Set once; later calls change nothing.
    pub fn keep_recent_in(&self, file: PathBuf) {
        if self.recent.set(file).is_ok() {
            let ws = self.workspace.lock().unwrap_or_else(|p| p.into_inner());
            self.note_recent(ws.path());
        }
    }

    /// Best effort: failing to remember must not fail the open.
    fn note_recent(&self, path: &Path) {
        if let Some(file) = self.recent.get() {
            let _ = recent::save(file, &recent::add(recent::load(file), &recent::normalise(path)));
        }
    }

    /// The recent workspaces still there, most recent first; those gone are dropped from the file.
    pub fn recent_workspaces(&self) -> Vec<recent::RecentWorkspace> {
        let Some(file) = self.recent.get() else { return Vec::new() };
        let all = recent::load(file);
        let there = recent::existing(all.clone(), Path::exists);
        if there != all {
            let _ = recent::save(file, &there);
        }
        let home = dirs::home_dir();
        there.iter().map(|p| recent::entry(p, home.as_deref(), true)).collect()
    }

    /// `path`, if this session exported it.
    fn exported(&self, path: PathBuf) -> Result<PathBuf, AppError> {
        let known = self.exported.lock().unwrap_or_else(|p| p.into_inner()).contains(&path);
        known.then_some(path).ok_or_else(|| Error::NotFound("only a report exported in this session can be opened from here".into()).into())
    }

    /// Runs `f` on the open workspace.
    fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T, AppError> {
        let mut ws = self.workspace.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut ws).map_err(AppError::from)
    }

    /// Switches to another workspace and remembers it for the next start.
    fn switch(&self, ws: Result<Workspace>) -> Result<WorkspaceInfo, AppError> {
        let ws = ws?;
        if let Some(file) = &self.remember_in {
            // Best effort: failing to remember must not fail the open.
            let _ = std::fs::write(file, ws.path().as_os_str().as_encoded_bytes());
        }
        self.note_recent(ws.path());
        let info = WorkspaceInfo::new(&ws)?;
        *self.workspace.lock().unwrap_or_else(|p| p.into_inner()) = ws;
        Ok(info)
    }
}

type Reply<T> = Result<T, AppError>;

#[tauri::command]
fn workspace_info(state: State<AppState>) -> Reply<WorkspaceInfo> {
    state.with(|ws| WorkspaceInfo::new(ws))
}

#[tauri::command]
fn new_workspace(state: State<AppState>, path: PathBuf) -> Reply<WorkspaceInfo> {
    state.switch(Workspace::create(&path))
}

#[tauri::command]
fn open_workspace(state: State<AppState>, path: PathBuf) -> Reply<WorkspaceInfo> {
    state.switch(Workspace::open_existing(&path))
}

/// The workspaces opened recently, most recent first; `open_workspace` opens one.
#[tauri::command]
fn recent_workspaces(state: State<AppState>) -> Reply<Vec<recent::RecentWorkspace>> {
    Ok(state.recent_workspaces())
}

#[tauri::command]
fn load_example(state: State<AppState>) -> Reply<WorkspaceInfo> {
    state.with(|ws| demo::write_example(ws, true).and_then(|()| WorkspaceInfo::new(ws)))
}

#[tauri::command]
fn list_services(state: State<AppState>) -> Reply<Vec<ServiceView>> {
    state.with(|ws| service_views(ws))
}

#[tauri::command]
/// Saves one service; resolves to its row alone, so an edit costs what it changes.
fn save_service(state: State<AppState>, id: Option<i64>, input: ServiceInput, create: Option<NewOwners>) -> Reply<ServiceView> {
    state.with(|ws| opmodel_core::input::save_service(ws, id, &input, &create.unwrap_or_default()).and_then(|id| service_view(ws, id)))
}

#[tauri::command]
fn list_organisation(state: State<AppState>) -> Reply<Organisation> {
    state.with(|ws| organisation(ws))
}

#[tauri::command]
fn save_team(state: State<AppState>, original: Option<String>, input: TeamInput) -> Reply<Organisation> {
    state.with(|ws| organisation::save_team(ws, original.as_deref(), &input).and_then(|()| organisation(ws)))
}

#[tauri::command]
fn delete_team(state: State<AppState>, name: String) -> Reply<Organisation> {
    state.with(|ws| ws.delete_team(&name).and_then(|()| organisation(ws)))
}

#[tauri::command]
fn save_domain(state: State<AppState>, original: Option<String>, input: DomainInput) -> Reply<Organisation> {
    state.with(|ws| organisation::save_domain(ws, original.as_deref(), &input).and_then(|()| organisation(ws)))
}

#[tauri::command]
fn delete_domain(state: State<AppState>, name: String) -> Reply<Organisation> {
    state.with(|ws| ws.delete_domain(&name).and_then(|()| organisation(ws)))
}

#[tauri::command]
fn list_settings(state: State<AppState>) -> Reply<Vec<SettingView>> {
    state.with(|ws| setting_views(ws))
}

#[tauri::command]
fn set_setting(state: State<AppState>, key: String, value: String) -> Reply<Vec<SettingView>> {
    state.with(|ws| ws.set_setting(&key, &value).and_then(|()| setting_views(ws)))
}

#[tauri::command]
fn cost_summary(state: State<AppState>) -> Reply<CostSummary> {
    state.with(|ws| Portfolio::load(ws).map(|p| summary::cost_summary(&p)))
}

#[tauri::command]
fn export_report(state: State<AppState>, what: ReportKind, format: ReportFormat, path: PathBuf) -> Reply<Vec<PathBuf>> {
    let written = state.with(|ws| report::export(ws, what, format, opmodel_core::chrono::Local::now().date_naive(), &path))?;
    state.exported.lock().unwrap_or_else(|p| p.into_inner()).extend(written.iter().cloned());
    Ok(written)
}

#[tauri::command]
fn open_exported(state: State<AppState>, path: PathBuf) -> Reply<()> {
    tauri_plugin_opener::open_path(state.exported(path)?, None::<&str>).map_err(|e| AppError::from(Error::Conflict(e.to_string())))
}

#[tauri::command]
fn show_exported(state: State<AppState>, path: PathBuf) -> Reply<()> {
    tauri_plugin_opener::reveal_item_in_dir(state.exported(path)?).map_err(|e| AppError::from(Error::Conflict(e.to_string())))
}

#[tauri::command]
fn preview_import(state: State<AppState>, what: ImportKind, path: PathBuf) -> Reply<ImportPreview> {
    state.with(|ws| import::preview(ws, what, &path))
}

#[tauri::command]
fn import_file(state: State<AppState>, what: ImportKind, path: PathBuf) -> Reply<WorkspaceInfo> {
    state.with(|ws| import::apply(ws, what, &path).and_then(|_| WorkspaceInfo::new(ws)))
}

#[tauri::command]
fn domain_map(state: State<AppState>) -> Reply<DomainMap> {
    state.with(|ws| Ok(map::domain_map(&Portfolio::load(ws)?, ws.positions()?)))
}

#[tauri::command]
fn selector_chart(state: State<AppState>) -> Reply<SelectorChart> {
    state.with(|ws| Portfolio::load(ws).map(|p| opmodel_core::selector_chart::selector_chart(&p)))
}

#[tauri::command]
fn move_services(state: State<AppState>, ids: Vec<i64>, domain: Option<String>) -> Reply<DomainMap> {
    state.with(|ws| ws.move_services(&ids, domain.as_deref()).and_then(|()| Ok(map::domain_map(&Portfolio::load(ws)?, ws.positions()?))))
}

#[tauri::command]
fn save_positions(state: State<AppState>, positions: Vec<Position>) -> Reply<()> {
    state.with(|ws| ws.save_positions(&positions))
}

#[tauri::command]
fn release_domain(state: State<AppState>, name: String) -> Reply<DomainMap> {
    state.with(|ws| map::release_domain(ws, &name).and_then(|()| Ok(map::domain_map(&Portfolio::load(ws)?, ws.positions()?))))
}

#[tauri::command]
fn incident_report(state: State<AppState>) -> Reply<IncidentReport> {
    state.with(|ws| Ok(incident_log::report(&ws.incidents()?, &ws.settings()?, None, None)))
}

#[tauri::command]
fn save_incident(state: State<AppState>, id: Option<i64>, input: IncidentInput) -> Reply<IncidentReport> {
    state.with(|ws| incident_log::save(ws, id, &input).and_then(|()| Ok(incident_log::report(&ws.incidents()?, &ws.settings()?, None, None))))
}

#[tauri::command]
fn delete_incident(state: State<AppState>, id: i64) -> Reply<IncidentReport> {
    state.with(|ws| ws.delete_incident(id).and_then(|()| Ok(incident_log::report(&ws.incidents()?, &ws.settings()?, None, None))))
}

#[tauri::command]
fn live_incident(state: State<AppState>, service: String, minutes: String, loss: String) -> Reply<LiveIncident> {
    state.with(|ws| incident_log::live_from(ws, &service, &minutes, opmodel_core::chrono::Local::now().naive_local(), &loss))
}

#[tauri::command]
fn loss_distributions(state: State<AppState>) -> Reply<LossDistributions> {
    state.with(|ws| Portfolio::load(ws).map(|p| opmodel_core::loss_distribution::distributions(&p)))
}

#[tauri::command]
fn evidence(state: State<AppState>) -> Reply<Evidence> {
    state.with(|ws| Ok(opmodel_core::evidence::evidence(&ws.incidents()?, &ws.services()?, &ws.settings()?)))
}

#[tauri::command]
fn list_history(state: State<AppState>) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::restore_points(ws))
}

#[tauri::command]
fn preview_paste(state: State<AppState>, paste: Paste) -> Reply<ImportPreview> {
    state.with(|ws| import::preview_paste(ws, &paste))
}

/// Applies a checked paste; the app rereads the services.
#[tauri::command]
fn apply_paste(state: State<AppState>, paste: Paste) -> Reply<WorkspaceInfo> {
    state.with(|ws| import::apply_paste(ws, &paste).and_then(|_| WorkspaceInfo::new(ws)))
}

#[tauri::command]
fn undo_state(state: State<AppState>) -> Reply<UndoState> {
    state.with(|ws| undo::state(ws))
}

/// Takes back the newest edit; resolves to what it was.
#[tauri::command]
fn undo(state: State<AppState>) -> Reply<String> {
    state.with(undo::undo)
}

#[tauri::command]
fn redo(state: State<AppState>) -> Reply<String> {
    state.with(undo::redo)
}

#[tauri::command]
fn restore_history(state: State<AppState>, id: i64) -> Reply<WorkspaceInfo> {
    state.with(|ws| snapshot::restore(ws, id).and_then(|()| WorkspaceInfo::new(ws)))
}

#[tauri::command]
fn list_scenarios(state: State<AppState>) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::scenarios(ws))
}

#[tauri::command]
fn save_scenario(state: State<AppState>, name: String) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::save_scenario(ws, &name).and_then(|()| snapshot::scenarios(ws)))
}

#[tauri::command]
fn open_scenario(state: State<AppState>, name: String) -> Reply<WorkspaceInfo> {
    state.with(|ws| snapshot::open_scenario(ws, &name).and_then(|()| WorkspaceInfo::new(ws)))
}

#[tauri::command]
fn delete_scenario(state: State<AppState>, name: String) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::delete_scenario(ws, &name).and_then(|()| snapshot::scenarios(ws)))
}

#[tauri::command]
fn rename_scenario(state: State<AppState>, from: String, to: String) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::rename_scenario(ws, &from, &to).and_then(|()| snapshot::scenarios(ws)))
}

#[tauri::command]
fn copy_scenario(state: State<AppState>, from: String, to: String) -> Reply<Vec<SnapshotInfo>> {
    state.with(|ws| snapshot::copy_scenario(ws, &from, &to).and_then(|()| snapshot::scenarios(ws)))
}

#[tauri::command]
fn compare_plans(state: State<AppState>, a: String, b: String) -> Reply<Comparison> {
    state.with(|ws| Ok(compare::compare(&a, &snapshot::plan_named(ws, &a)?.portfolio()?, &b, &snapshot::plan_named(ws, &b)?.portfolio()?)))
}

#[tauri::command]
fn save_as(state: State<AppState>, path: PathBuf) -> Reply<WorkspaceInfo> {
    state.with(|ws| ws.save_copy(&path))?;
    state.switch(Workspace::open_existing(&path))
}

#[tauri::command]
fn delete_service(state: State<AppState>, id: i64) -> Reply<()> {
    state.with(|ws| ws.delete_service(id))
}

/// The app on a given builder, generic over the runtime so tests can build
/// it on Tauri's mock runtime.
pub fn builder<R: Runtime>(base: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    base.plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            workspace_info,
            new_workspace,
            open_workspace,
            load_example,
            list_services,
            save_service,
            delete_service,
            list_organisation,
            save_team,
            delete_team,
            save_domain,
            delete_domain,
            list_settings,
            set_setting,
            cost_summary,
            export_report,
            preview_import,
            import_file,
            open_exported,
            show_exported,
            domain_map,
            selector_chart,
            move_services,
            save_positions,
            release_domain,
            incident_report,
            save_incident,
            delete_incident,
            live_incident,
            loss_distributions,
            evidence,
            list_history,
            restore_history,
            list_scenarios,
            save_scenario,
            open_scenario,
            delete_scenario,
            rename_scenario,
            undo_state,
            preview_paste,
            apply_paste,
            undo,
            redo,
            copy_scenario,
            compare_plans,
            save_as,
            recent_workspaces
        ])
}

pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!("tauri.conf.json")
}

/// The workspace to start on: the file given on the command line
/// (`opmodel-app plan.opmodel`, as a file manager opens it), else
/// `OPMODEL_WORKSPACE` if set, else the last one opened, else
/// "My plan.opmodel" in the user's data folder (created).
fn startup_workspace(data_dir: &Path) -> Result<Workspace> {
    let given = std::env::args_os().nth(1).filter(|a| !a.to_string_lossy().starts_with('-'));
    if let Some(path) = given.or_else(|| std::env::var_os("OPMODEL_WORKSPACE")) {
        return Workspace::open(Path::new(&path));
    }
    let last = std::fs::read(data_dir.join("last-workspace")).ok().map(|b| PathBuf::from(String::from_utf8_lossy(&b).into_owned()));
    if let Some(ws) = last.filter(|p| p.exists()).and_then(|p| Workspace::open_existing(&p).ok()) {
        return Ok(ws);
    }
    std::fs::create_dir_all(data_dir).map_err(|source| Error::Io { path: data_dir.to_path_buf(), source })?;
    Workspace::open(&data_dir.join("My plan.opmodel"))
}

pub fn run() {
    let data_dir = dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("opmodel");
    let workspace = match startup_workspace(&data_dir) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("opmodel: {e}");
            std::process::exit(1);
        }
    };
    builder(tauri::Builder::default(), AppState::new(workspace, Some(data_dir.join("last-workspace"))))
        // The recent workspaces and the window's size and place live in the
        // config folder; not in `builder`, so tests never touch the user's.
        .setup(|app| {
            if let Ok(config) = app.path().app_config_dir() {
                app.state::<AppState>().keep_recent_in(config.join(recent::FILE));
                if let Some(window) = app.get_webview_window("main") {
                    window_state::remember(&window, config.join(window_state::FILE));
                }
            }
            Ok(())
        })
        .run(context())
        .expect("error while running the app");
}
