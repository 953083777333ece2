// Generated from Rust by ts-rs (cargo test -p opmodel-core bindings). Do not edit.

export type ServiceKind = "digital" | "foundational";
export type OperatingModel = "ops_run_it" | "you_build_it_you_run_it";
export type TrafficLight = "green" | "amber" | "red";
export type OutOfHours = "none" | "domain" | "team" | "app_support";
export type ServiceView = { id: number, name: string, kind: ServiceKind, team: string, domain: string | null, exposure_per_hour: string, feature_demand: string, peak_exposure_per_hour: string | null, peak_periods: string, out_of_hours_incidents_per_year: string, availability_target: string, tolerable_unavailability_seconds: number, 
/**
 * h:mm:ss, rounded to the second.
 */
tolerable_unavailability: string, above_highest_band: boolean, 
/**
 * snake_case: `weekly`, `every_10_days`.
 */
deployment_target: string, operating_model: OperatingModel, selection_reason: string, traffic_light: TrafficLight | null, model_override: OperatingModel | null, override_reason: string | null, on_call_out_of_hours: OutOfHours, warnings: Array<string>, 
/**
 * The target and cover on peak days, when the service has a peak.
 */
peak: PeakView | null, };
export type PeakView = { exposure_per_hour: string, availability_target: string, 
/**
 * Always the service's own model: a peak never changes it.
 */
operating_model: OperatingModel, on_call_out_of_hours: OutOfHours, above_highest_band: boolean, };
export type ServiceInput = { name: string, kind: ServiceKind, team: string, domain: string | null, exposure_per_hour: string, feature_demand: string, peak_exposure_per_hour: string | null, peak_periods: string, out_of_hours_incidents_per_year: string, model_override: OperatingModel | null, override_reason: string | null, };
export type NewOwners = { team?: TeamInput, domain?: DomainInput, };
export type WorkspaceInfo = { path: string, name: string, currency: string, demand_bands: Array<string>, teams: Array<string>, domains: Array<string>, service_count: number, };
export type RecentWorkspace = { path: string, name: string, 
/**
 * The folder, with the home folder written `~`.
 */
folder: string, 
/**
 * Whether the file was there when the list was read.
 */
exists: boolean, };
export type UndoState = { undo: string | null, redo: string | null, };
export type SettingView = { key: string, 
/**
 * For people: "Ops Run It: time to restore minutes".
 */
label: string, value: string, default: string, 
/**
 * What a value must look like.
 */
expected: string, };
export type Funding = "product" | "it" | "operations";
export type DomainKind = "product" | "architecture" | "geography" | "technology";
export type BudgetHolder = "head_of_product" | "head_of_delivery" | "head_of_operations";
export type TeamInput = { name: string, funding: Funding, on_call_participants: string, };
export type DomainInput = { name: string, kind: DomainKind, on_call_budget_holder: BudgetHolder, };
export type TeamView = { name: string, funding: Funding, on_call_participants: number, services: number, };
export type DomainView = { name: string, kind: DomainKind, on_call_budget_holder: BudgetHolder, services: number, };
export type Organisation = { teams: Array<TeamView>, domains: Array<DomainView>, };
export type AppError = { code: string, message: string, name?: string, suggestions: Array<string>, };
export type ReportKind = "services" | "schedules" | "premiums" | "budget" | "raci" | "pitfalls" | "assumptions" | "domain_map" | "selector" | "incidents";
export type ImportKind = "services" | "teams" | "domains" | "incidents";
export type ImportPreview = { added: Array<string>, updated: Array<string>, new_teams: Array<string>, new_domains: Array<string>, problems: Array<string>, };
export type Paste = { columns: Array<string>, rows: Array<Array<string>>, };
export type ReportFormat = "json" | "csv" | "pdf" | "svg" | "png";
export type CostSummary = { currency: string, 
/**
 * "2026-04-01 to 2027-03-30".
 */
planning_year: string, holders: Array<HolderTotals>, 
/**
 * All capex and all opex after the transfer.
 */
capex_total: string, opex_total: string, budget_total: string, 
/**
 * The budget's line items, by holder.
 */
line_items: Array<LineItemRow>, 
/**
 * Before the transfer: the same schedules, all Head of Operations opex.
 */
before: Array<LabelledAmount>, 
/**
 * As-is for comparison: standby and callout if every service ran Ops Run It.
 */
as_is_ops_run_it: string, schedules: Array<ScheduleRow>, 
/**
 * Standby, callout, setup, premium, expected loss and total cost, both models.
 */
premiums: Array<PremiumRow>, 
/**
 * Each service under each model.
 */
service_premiums: Array<ServicePremiumRow>, run_cost: Array<RunCostRow>, 
/**
 * Where this plan stands on the run cost curve.
 */
run_cost_now: RunCostNow, assumptions: Array<LabelledAmount>, pitfalls: Array<PitfallRow>, };
export type HolderTotals = { holder: string, capex: string, opex: string, total: string, };
export type LabelledAmount = { label: string, amount: string, };
export type ScheduleRow = { name: string, kind: string, participants: number, days: number, services: Array<string>, standby_cost: string, };
export type PremiumRow = { component: string, ops_run_it: string, you_build_it_you_run_it: string, };
export type RunCostRow = { teams: number, team_schedules: string, domain_schedules: string, ops_run_it: string, };
export type PitfallRow = { pitfall: string, services: Array<string>, detail: string, advice: string, };
export type LineItemRow = { service: string, schedule: string, holder: string, category: string, standby: string, callout: string, amount: string, };
export type CostRow = { standby: string, callout: string, setup: string, premium: string, expected_loss: string, total: string, 
/**
 * Days nobody would be on call out of hours, when each incident waits for working hours.
 */
days_without_cover: number, };
export type ServicePremiumRow = { name: string, ops_run_it: CostRow, you_build_it_you_run_it: CostRow, };
export type RunCostNow = { teams: number, standby: string, };
export type LossDistribution = { years: number, mean: string, p50: string, p90: string, };
export type LossDistributions = { ops_run_it: LossDistribution, you_build_it_you_run_it: LossDistribution, };
export type SnapshotInfo = { id: number, name: string | null, taken_at: string, before: string, services: number, };
export type Comparison = { a: string, b: string, currency: string, summary: Array<Measure>, services: Array<ServiceDifference>, };
export type Measure = { measure: string, a: string, b: string, change: string, };
export type ServiceDifference = { name: string, field: string, 
/**
 * Empty when the service is not in that plan.
 */
a: string, b: string, };
export type Evidence = { models: Array<ModelEvidence>, services: Array<ServiceEvidence>, 
/**
 * The year the incident rates are measured over: the 364 days up to the latest incident.
 */
from: string | null, to: string | null, };
export type ModelEvidence = { operating_model: OperatingModel, incidents: number, 
/**
 * Assumed minutes to acknowledge + restore.
 */
assumed_minutes: string, 
/**
 * The median minutes availability was lost in the log's incidents under this model.
 */
measured_minutes: string | null, 
/**
 * The restore time that makes acknowledge + restore the measured median (never below zero).
 */
measured_restore_minutes: string | null, };
export type ServiceEvidence = { service: string, assumed_per_year: string, measured_per_year: string, };
export type LossClass = "high" | "medium" | "low";
export type IncidentType = "major" | "minor";
export type LiveIncident = { service: string, minutes: string, loss: string, loss_class: LossClass, incident_type: IncidentType, response: string, projected_loss: string, };
export type IncidentInput = { service: string, started_at: string, 
/**
 * Either this or `resolved_at`.
 */
duration_minutes: string, resolved_at?: string, 
/**
 * Empty: the exposure on that date × the duration.
 */
loss: string, };
export type IncidentRow = { id: number, service: string, team: string, domain: string | null, started_at: string, duration_minutes: string, loss: string, loss_entered: boolean, loss_class: LossClass, incident_type: IncidentType, response: string, operating_model: OperatingModel, availability_target: string, projected_loss: string, protection: string | null, overrun: string | null, 
/**
 * Protection ÷ projected, "70.24"; none for an overrun.
 */
effectiveness: string | null, 
/**
 * Overrun ÷ projected, for an overrun.
 */
overrun_share: string | null, };
export type AggregateRow = { name: string, incidents: number, projected_loss: string, actual_loss: string, protection: string, overrun: string, net_effectiveness: string | null, };
export type IncidentReport = { currency: string, from: string | null, to: string | null, incidents: Array<IncidentRow>, aggregates: Aggregates, };
export type Aggregates = { by_service: Array<AggregateRow>, by_team: Array<AggregateRow>, by_domain: Array<AggregateRow>, by_operating_model: Array<AggregateRow>, };
export type DomainMap = { currency: string, domains: Array<DomainCard>, 
/**
 * Teams with services in no domain.
 */
tray: Array<TeamCard>, 
/**
 * Out-of-hours schedules in the plan, of every kind, and their standby a year.
 */
schedules: number, standby: string, 
/**
 * Where the user left each box: `domain:NAME`, `team:DOMAIN/TEAM`.
 */
positions: Array<Position>, };
export type DomainCard = { name: string, kind: DomainKind, 
/**
 * Geography and tool groupings are allowed but not recommended.
 */
not_recommended: boolean, holder: BudgetHolder, schedule: DomainSchedule | null, warnings: Array<string>, teams: Array<TeamCard>, };
export type DomainSchedule = { participants: number, 
/**
 * Days of the year it exists.
 */
days: number, standby: string, holder: BudgetHolder, };
export type TeamCard = { name: string, 
/**
 * The team has its own out-of-hours schedule on some day.
 */
team_schedule: boolean, services: Array<ServiceCard>, };
export type ServiceCard = { id: number, name: string, kind: ServiceKind, availability_target: string, operating_model: OperatingModel, overridden: boolean, traffic_light: TrafficLight | null, on_call_out_of_hours: OutOfHours, };
export type Position = { node: string, x: number, y: number, };
export type SelectorChart = { 
/**
 * Feature demand bands, least demand first: the x axis.
 */
columns: Array<DemandColumn>, 
/**
 * Availability levels, lowest first: the y axis.
 */
rows: Array<string>, 
/**
 * One per column and row: `cells[row][column]`.
 */
cells: Array<Array<SelectorCell>>, services: Array<SelectorMark>, };
export type DemandColumn = { 
/**
 * "Very High".
 */
demand: string, 
/**
 * "Daily", "Every 10 days".
 */
deployment: string, };
export type SelectorCell = { digital: OperatingModel, light: TrafficLight | null, 
/**
 * The top row's rule: 99.99% is You Build It You Run It, whatever the kind.
 */
highest_target: boolean, foundational: OperatingModel, };
export type SelectorMark = { id: number, name: string, kind: ServiceKind, column: number, row: number, operating_model: OperatingModel, overridden: boolean, reason: string, 
/**
 * The row its peak exposure takes it to, when it has a peak in another row.
 */
peak_row: number | null, };
