// The only place that talks to the Rust shell.
import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type {
  AppError,
  CostSummary,
  DomainInput,
  DomainMap,
  Position,
  SelectorChart,
  ImportKind,
  ImportPreview,
  IncidentInput,
  IncidentReport,
  Comparison,
  Evidence,
  SnapshotInfo,
  UndoState,
  Paste,
  LiveIncident,
  LossDistributions,
  NewOwners,
  Organisation,
  RecentWorkspace,
  ReportFormat,
  ReportKind,
  ServiceInput,
  ServiceView,
  SettingView,
  TeamInput,
  WorkspaceInfo,
} from './bindings';

/** Whatever type ts-rs gives the id; it is only ever passed back, never computed with. */
export type ServiceId = ServiceView['id'];

/** Normalises whatever a rejected call gives us (AppError from our commands, a string from Tauri itself). */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : 'unknown';
    const name = 'name' in e && typeof e.name === 'string' ? e.name : undefined;
    const suggestions = 'suggestions' in e && Array.isArray(e.suggestions) ? e.suggestions.map(String) : [];
    return { code, message: e.message, name, suggestions };
  }
  return { code: 'unknown', message: typeof e === 'string' ? e : String(e), suggestions: [] };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const workspaceInfo = () => call<WorkspaceInfo>('workspace_info');
export const newWorkspace = (path: string) => call<WorkspaceInfo>('new_workspace', { path });
export const openWorkspace = (path: string) => call<WorkspaceInfo>('open_workspace', { path });

/** Most recent first, at most ten; files no longer there are left out. Open one with `openWorkspace`. */
export const recentWorkspaces = () => call<RecentWorkspace[]>('recent_workspaces');
export const loadExample = () => call<WorkspaceInfo>('load_example');
export const listServices = () => call<ServiceView[]>('list_services');
export const saveService = (id: ServiceId | null, input: ServiceInput, create: NewOwners | null = null) =>
  call<ServiceView>('save_service', { id, input, create });
export const deleteService = (id: ServiceId) => call<null>('delete_service', { id });
export const listOrganisation = () => call<Organisation>('list_organisation');
export const saveTeam = (original: string | null, input: TeamInput) =>
  call<Organisation>('save_team', { original, input });
export const deleteTeam = (name: string) => call<Organisation>('delete_team', { name });
export const saveDomain = (original: string | null, input: DomainInput) =>
  call<Organisation>('save_domain', { original, input });
export const deleteDomain = (name: string) => call<Organisation>('delete_domain', { name });
export const listSettings = () => call<SettingView[]>('list_settings');
export const setSetting = (key: string, value: string) => call<SettingView[]>('set_setting', { key, value });
export const costSummary = () => call<CostSummary>('cost_summary');
/** Resolves to the files written: the report, and a CSV's companion assumptions CSV. */
export const exportReport = (what: ReportKind, format: ReportFormat, path: string) =>
  call<string[]>('export_report', { what, format, path });
export const domainMap = () => call<DomainMap>('domain_map');
export const selectorChart = () => call<SelectorChart>('selector_chart');
/** Moves services into a domain, or out of every domain (`null`): one edit. */
export const moveServices = (ids: ServiceId[], domain: string | null) => call<DomainMap>('move_services', { ids, domain });
export const savePositions = (positions: Position[]) => call<null>('save_positions', { positions });
/** Deletes a domain; its services move to no domain. */
export const releaseDomain = (name: string) => call<DomainMap>('release_domain', { name });
export const incidentReport = () => call<IncidentReport>('incident_report');
export const saveIncident = (id: number | null, input: IncidentInput) => call<IncidentReport>('save_incident', { id, input });
export const deleteIncident = (id: number) => call<IncidentReport>('delete_incident', { id });
/** The live calculation, started now: minutes so far as typed, and a loss if known ('' for none). */
export const liveIncident = (service: string, minutes: string, loss: string) =>
  call<LiveIncident>('live_incident', { service, minutes, loss });
/** The yearly loss under each model as a distribution (1,000 simulated years). */
export const lossDistributions = () => call<LossDistributions>('loss_distributions');
/** What the incident log measured, beside what the premiums assume. */
export const evidence = () => call<Evidence>('evidence');
export const listHistory = () => call<SnapshotInfo[]>('list_history');
/** Restores a restore point; the working plan is kept as one first. */
export const restoreHistory = (id: number) => call<WorkspaceInfo>('restore_history', { id });
export const listScenarios = () => call<SnapshotInfo[]>('list_scenarios');
export const saveScenario = (name: string) => call<SnapshotInfo[]>('save_scenario', { name });
/** Makes a scenario the working plan; the working plan is kept as a restore point first. */
export const openScenario = (name: string) => call<WorkspaceInfo>('open_scenario', { name });
export const deleteScenario = (name: string) => call<SnapshotInfo[]>('delete_scenario', { name });
export const previewPaste = (paste: Paste) => call<ImportPreview>('preview_paste', { paste });
export const applyPaste = (paste: Paste) => call<WorkspaceInfo>('apply_paste', { paste });
export const undoState = () => call<UndoState>('undo_state');
export const undo = () => call<string>('undo');
export const redo = () => call<string>('redo');
export const renameScenario = (from: string, to: string) => call<SnapshotInfo[]>('rename_scenario', { from, to });
export const copyScenario = (from: string, to: string) => call<SnapshotInfo[]>('copy_scenario', { from, to });
/** Two plans side by side: scenario names, or `current` for the working plan. */
export const comparePlans = (a: string, b: string) => call<Comparison>('compare_plans', { a, b });
/** Writes a consistent copy with SQLite's backup API and switches to it. */
export const saveAs = (path: string) => call<WorkspaceInfo>('save_as', { path });
export const openExported = (path: string) => call<null>('open_exported', { path });
export const showExported = (path: string) => call<null>('show_exported', { path });
export const previewImport = (what: ImportKind, path: string) => call<ImportPreview>('preview_import', { what, path });
export const importFile = (what: ImportKind, path: string) => call<WorkspaceInfo>('import_file', { what, path });

const filters = [{ name: 'opmodel workspace', extensions: ['opmodel'] }];

export async function pickNewPath(): Promise<string | null> {
  try {
    return await save({ filters, defaultPath: 'plan.opmodel' });
  } catch (e) {
    throw toAppError(e);
  }
}

export async function pickExistingPath(): Promise<string | null> {
  try {
    const path = await open({ multiple: false, directory: false, filters });
    return typeof path === 'string' ? path : null;
  } catch (e) {
    throw toAppError(e);
  }
}

const formatNames: Record<ReportFormat, string> = {
  pdf: 'PDF document',
  csv: 'CSV spreadsheet',
  json: 'JSON',
  svg: 'SVG picture',
  png: 'PNG picture',
};

/** Today as YYYY-MM-DD, where the user is. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What an export proposes: `<workspace> – <report> – <date>.<format>` in the workspace's own folder, so
 * finance's files say what they are and sit beside the plan they came from.
 */
export function exportName(workspacePath: string, what: ReportKind, format: ReportFormat): string {
  const cut = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
  const folder = cut >= 0 ? workspacePath.slice(0, cut + 1) : '';
  const stem = workspacePath.slice(cut + 1).replace(/\.opmodel$/i, '') || 'plan';
  return `${folder}${stem} – ${what.replace(/_/g, ' ')} – ${today()}.${format}`;
}

/** Where to write a report: the native save dialog, offering `exportName` and filtered to that format. */
export async function pickExportPath(defaultPath: string, format: ReportFormat): Promise<string | null> {
  try {
    return await save({ defaultPath, filters: [{ name: formatNames[format], extensions: [format] }] });
  } catch (e) {
    throw toAppError(e);
  }
}

/** A CSV file to import, from the native open dialog. */
export async function pickCsvPath(): Promise<string | null> {
  try {
    const path = await open({ multiple: false, directory: false, filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }] });
    return typeof path === 'string' ? path : null;
  } catch (e) {
    throw toAppError(e);
  }
}

export function toInput(s: ServiceView): ServiceInput {
  return {
    name: s.name,
    kind: s.kind,
    team: s.team,
    domain: s.domain,
    exposure_per_hour: s.exposure_per_hour,
    feature_demand: s.feature_demand,
    peak_exposure_per_hour: s.peak_exposure_per_hour,
    peak_periods: s.peak_periods,
    out_of_hours_incidents_per_year: s.out_of_hours_incidents_per_year,
    model_override: s.model_override,
    override_reason: s.override_reason,
  };
}
