//! Rule 4's schedules and rule 5's split of their cost, over the planning
//! year (364 days from `planning_year_start`). Costs accrue per day. Days
//! with the same services in peak have the same cover, so they are taken
//! together: a group's cost is the sum of its days' costs.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::demand::Frequency;
use crate::model::{BudgetHolder, Domain, Funding, Service, Team};
use crate::money::{Exact, Money};
use crate::oncall::{out_of_hours, OutOfHours};
use crate::selector::{choose, OperatingModel, ServiceKind};
use crate::settings::{CostSplit, Per, Rate, Settings};

pub const PLANNING_YEAR_DAYS: u64 = 364;

/// Which model the plan puts services under: the one each has (with
/// overrides), or every service under one model, for the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    Planned,
    All(OperatingModel),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleKind {
    Team,
    Domain,
    AppSupport,
}

/// One out-of-hours schedule over the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub kind: ScheduleKind,
    /// The team or domain it belongs to; empty for the app support rota.
    pub owner: String,
    /// The fewest participants on any day it exists (one week in N).
    pub participants: u32,
    pub days: u32,
    /// Indexes of the services it covers on at least one day, ascending.
    pub services: Vec<usize>,
    /// Exact standby cost for the year.
    pub standby_cost: Exact,
    /// Each covered service's share of it, by index, ascending.
    pub shares: Vec<Share>,
}

/// One service's part in a schedule: its exact share of the standby cost
/// and the days the schedule covers it (when it is called out from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub service: usize,
    pub standby: Exact,
    pub days: u32,
}

/// The days of the year on which nobody is on call out of hours for a
/// service, and its hourly exposure summed over those days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uncovered {
    pub days: u32,
    /// Of those days, the ones in a peak period.
    pub peak_days: u32,
    pub exposure_days: Exact,
}

impl ScheduleKind {
    /// The snake_case code reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleKind::Team => "team",
            ScheduleKind::Domain => "domain",
            ScheduleKind::AppSupport => "app_support",
        }
    }

    /// For people: "Team schedule".
    pub fn label(self) -> &'static str {
        match self {
            ScheduleKind::Team => "Team schedule",
            ScheduleKind::Domain => "Domain schedule",
            ScheduleKind::AppSupport => "Application support rota",
        }
    }
}

impl Schedule {
    pub fn name(&self) -> String {
        match self.kind {
            ScheduleKind::Team => format!("team schedule: {}", self.owner),
            ScheduleKind::Domain => format!("domain schedule: {}", self.owner),
            ScheduleKind::AppSupport => "application support rota".to_string(),
        }
    }
}

/// The planned cover of one service on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cover {
    pub model: OperatingModel,
    pub out_of_hours: OutOfHours,
}

/// What the schedules are, and what they could not cover.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedules {
    pub schedules: Vec<Schedule>,
    /// Services at the Domain level on some day with no domain to share a schedule with.
    pub without_domain: Vec<usize>,
    /// Per service (by index): the days no schedule covers it.
    pub uncovered: Vec<Uncovered>,
}

/// The model a service runs under in a scenario: the scenario's one model,
/// or else the override's or the selector's. The selector reads the normal
/// exposure: a peak never changes who builds, deploys and supports a service.
pub fn model_of(service: &Service, settings: &Settings, scenario: Scenario) -> OperatingModel {
    match (scenario, &service.model_override) {
        (Scenario::All(model), _) => model,
        (Scenario::Planned, Some(o)) => o.model,
        (Scenario::Planned, None) => {
            let target = settings.exposure_bands.target(service.exposure_per_hour).level;
            let deployment = settings.demand_bands.find(&service.feature_demand).map_or(Frequency::MONTHLY, |b| b.1);
            choose(service.kind, target, deployment).1
        }
    }
}

/// The cover of a service on a day with the given hourly exposure: its
/// model, and the out-of-hours level that day's target gives.
pub fn cover(service: &Service, exposure: Money, settings: &Settings, scenario: Scenario) -> Cover {
    let model = model_of(service, settings, scenario);
    let target = settings.exposure_bands.target(exposure).level;
    Cover { model, out_of_hours: out_of_hours(model, target, &settings.out_of_hours_levels) }
}

/// The first day of the planning year and the day after its last.
pub fn planning_year(settings: &Settings) -> (NaiveDate, NaiveDate) {
    let start = settings.planning_year_start;
    (start, start + Days::new(PLANNING_YEAR_DAYS))
}

/// Days with the same cover, gathered: the year is cut wherever a peak
/// starts or ends, and runs with the same services in peak are one group
/// (the weeks before and after Black Friday cost alike). Each group is the
/// services in peak on its days, its weekday counts and its number of days.
fn day_groups(services: &[Service], start: NaiveDate, end: NaiveDate) -> Vec<(Vec<usize>, [i64; 7], u32)> {
    let mut cuts = vec![start, end];
    for p in services.iter().filter_map(|s| s.peak.as_ref()) {
        for r in &p.periods {
            for d in [r.start, r.end + Days::new(1)] {
                if start < d && d < end {
                    cuts.push(d);
                }
            }
        }
    }
    cuts.sort();
    cuts.dedup();
    let peaked: Vec<usize> = services.iter().enumerate().filter(|(_, s)| s.peak.is_some()).map(|(i, _)| i).collect();
    let mut groups: BTreeMap<Vec<usize>, ([i64; 7], u32)> = BTreeMap::new();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        // Cover depends only on each day's exposure, so that is what tells groups apart.
        let in_peak: Vec<usize> = peaked.iter().copied().filter(|&i| services[i].exposure_on(from) != services[i].exposure_per_hour).collect();
        let g = groups.entry(in_peak).or_insert(([0; 7], 0));
        for (total, n) in g.0.iter_mut().zip(weekday_counts(from, to)) {
            *total += n;
        }
        g.1 += (to - from).num_days() as u32;
    }
    groups.into_iter().map(|(in_peak, (counts, days))| (in_peak, counts, days)).collect()
}

/// Days of the planning year on which a service is in a peak period.
pub fn peak_days(service: &Service, settings: &Settings) -> u32 {
    let Some(peak) = &service.peak else { return 0 };
    let (start, end) = planning_year(settings);
    // Periods may overlap: each day counts once.
    let mut periods: Vec<(NaiveDate, NaiveDate)> = peak.periods.iter().map(|r| (r.start.max(start), (r.end + Days::new(1)).min(end))).collect();
    periods.sort();
    let (mut days, mut reached) = (0, start);
    for (from, to) in periods {
        let from = from.max(reached);
        if from < to {
            days += (to - from).num_days();
            reached = to;
        }
    }
    days as u32
}

/// How many of each weekday (Monday first) fall in [from, to).
fn weekday_counts(from: NaiveDate, to: NaiveDate) -> [i64; 7] {
    let days = (to - from).num_days();
    let mut counts = [days / 7; 7];
    let first = from.weekday().num_days_from_monday() as i64;
    for i in 0..days % 7 {
        counts[((first + i) % 7) as usize] += 1;
    }
    counts
}

/// The exact standby cost of one schedule over days counted by weekday: a
/// weekly rate is rate ÷ 7 a day, a daily rate itself, an hourly rate that
/// day's out-of-hours hours.
pub fn standby_cost(rate: Rate, counts: &[i64; 7], settings: &Settings) -> Exact {
    let days: i64 = counts.iter().sum();
    let (numerator, denominator) = match rate.per {
        Per::Week => (days, 7),
        Per::Day => (days, 1),
        Per::Hour => ((0..7).map(|i| counts[i] * settings.working_hours.out_of_hours_minutes(weekday(i))).sum(), 60),
    };
    Exact::of(rate.amount).checked_mul_div(numerator.into(), denominator).expect("standby cost overflow")
}

fn weekday(monday_first: usize) -> chrono::Weekday {
    [chrono::Weekday::Mon, chrono::Weekday::Tue, chrono::Weekday::Wed, chrono::Weekday::Thu, chrono::Weekday::Fri, chrono::Weekday::Sat, chrono::Weekday::Sun][monday_first]
}

/// The number of each weekday in the whole planning year.
pub fn year_counts(settings: &Settings) -> [i64; 7] {
    let (start, end) = planning_year(settings);
    weekday_counts(start, end)
}

/// Teams and domains by index, so the per-day work compares integers, not names.
struct Owners<'a> {
    /// Each service's team index; `None` for a team not in the workspace.
    team_of: Vec<Option<usize>>,
    /// Each service's domain index into `domains`.
    domain_of: Vec<Option<usize>>,
    teams: &'a [Team],
    domains: Vec<&'a str>,
    /// Participants of the application support rota: all operations-funded teams.
    app_support_participants: u32,
}

impl<'a> Owners<'a> {
    fn new(services: &'a [Service], teams: &'a [Team]) -> Owners<'a> {
        let team_index: FxHashMap<&str, usize> = teams.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
        let mut domain_index: FxHashMap<&str, usize> = FxHashMap::default();
        let mut domains = Vec::new();
        let domain_of = services
            .iter()
            .map(|s| {
                s.domain.as_deref().map(|d| {
                    *domain_index.entry(d).or_insert_with(|| {
                        domains.push(d);
                        domains.len() - 1
                    })
                })
            })
            .collect();
        Owners {
            team_of: services.iter().map(|s| team_index.get(s.team.as_str()).copied()).collect(),
            domain_of,
            teams,
            domains,
            app_support_participants: teams.iter().filter(|t| t.funding == Funding::Operations).map(|t| t.on_call_participants).sum(),
        }
    }

    fn participants(&self, team: Option<usize>) -> u32 {
        team.map_or(0, |t| self.teams[t].on_call_participants)
    }

    fn name(&self, kind: ScheduleKind, index: usize, services: &[Service], example: usize) -> String {
        match kind {
            ScheduleKind::Team => services[example].team.clone(),
            ScheduleKind::Domain => self.domains[index].to_string(),
            ScheduleKind::AppSupport => String::new(),
        }
    }
}

/// A schedule's key within a run: its kind and its team's or domain's index
/// (for a team not in the workspace, the first service's index, offset past
/// the teams so it cannot collide).
type Key = (ScheduleKind, usize);

/// One schedule of a run of days: its key, participants, and the services
/// it covers with their exposure.
type RunSchedule = (Key, u32, Vec<(usize, Money)>);

/// The services a run's schedule covers, made on first use: `at` is where
/// the schedule is in `out`, if it is there yet.
fn covered_by<'a>(out: &'a mut Vec<RunSchedule>, at: &mut Option<usize>, key: Key, participants: u32) -> &'a mut Vec<(usize, Money)> {
    let at = *at.get_or_insert_with(|| {
        out.push((key, participants, Vec::new()));
        out.len() - 1
    });
    &mut out[at].2
}

/// The schedules of a run of days, from each service's cover and exposure
/// on them. Schedules are found by index, not by searching.
fn run_cover(services: &[Service], covers: &[(Cover, Money)], owners: &Owners, without_domain: &mut Vec<usize>) -> Vec<RunSchedule> {
    let mut out: Vec<RunSchedule> = Vec::new();
    let team_key = |i: usize| owners.team_of[i].unwrap_or(owners.teams.len() + i);
    let mut team_at: Vec<Option<usize>> = vec![None; owners.teams.len() + services.len()];
    let mut domain_at: Vec<Option<usize>> = vec![None; owners.domains.len()];
    let mut rota_at: Option<usize> = None;
    // Team schedules first: a team's schedule also covers its Domain-level services.
    for (i, (c, e)) in covers.iter().enumerate() {
        if c.model == OperatingModel::YouBuildItYouRunIt && c.out_of_hours == OutOfHours::Team {
            let n = owners.participants(owners.team_of[i]);
            covered_by(&mut out, &mut team_at[team_key(i)], (ScheduleKind::Team, team_key(i)), n).push((i, *e));
        }
    }
    for (i, (c, e)) in covers.iter().enumerate() {
        match (c.model, c.out_of_hours) {
            (OperatingModel::YouBuildItYouRunIt, OutOfHours::Domain) => {
                if let Some(team) = team_at[team_key(i)] {
                    out[team].2.push((i, *e));
                } else if let Some(d) = owners.domain_of[i] {
                    covered_by(&mut out, &mut domain_at[d], (ScheduleKind::Domain, d), 0).push((i, *e));
                } else {
                    without_domain.push(i);
                }
            }
            (OperatingModel::OpsRunIt, _) => {
                covered_by(&mut out, &mut rota_at, (ScheduleKind::AppSupport, 0), owners.app_support_participants).push((i, *e));
            }
            _ => {}
        }
    }
    // A domain schedule's participants: every team owning a YBIYRI digital service in the domain.
    let mut domain_teams: Vec<(usize, usize)> = covers
        .iter()
        .enumerate()
        .filter_map(|(i, (c, _))| match (owners.domain_of[i], owners.team_of[i], services[i].kind, c.model) {
            (Some(d), Some(t), ServiceKind::Digital, OperatingModel::YouBuildItYouRunIt) => Some((d, t)),
            _ => None,
        })
        .collect();
    domain_teams.sort_unstable();
    domain_teams.dedup();
    for (d, t) in domain_teams {
        if let Some(at) = domain_at[d] {
            out[at].1 += owners.participants(Some(t));
        }
    }
    out
}

/// One schedule as the days of the year are gathered: its cost is kept per
/// distinct cover (the services it covers, with their exposures), so cover
/// that is the same on many days is split once.
struct Gathering {
    owner: String,
    participants: u32,
    days: u32,
    /// Each distinct cover: the services with their exposures, the cost and the days.
    covers: Vec<(Vec<(usize, Money)>, Exact, u32)>,
}

/// Every out-of-hours schedule of the year under a scenario, with costs.
/// A schedule's cost is split over the services it covers by exposure (or
/// equally); the shares add up to the cost exactly.
pub fn schedules(services: &[Service], teams: &[Team], settings: &Settings, scenario: Scenario) -> Schedules {
    let owners = Owners::new(services, teams);
    let (start, end) = planning_year(settings);
    let mut result = Schedules { uncovered: vec![Uncovered::default(); services.len()], ..Schedules::default() };
    let mut acc: BTreeMap<Key, Gathering> = BTreeMap::new();
    // Each service's cover on an ordinary day, and on its peak days.
    let ordinary: Vec<(Cover, Money)> = services.iter().map(|s| (cover(s, s.exposure_per_hour, settings, scenario), s.exposure_per_hour)).collect();
    let peak: Vec<Option<(Cover, Money)>> =
        services.iter().map(|s| s.peak.as_ref().map(|p| (cover(s, p.exposure_per_hour, settings, scenario), p.exposure_per_hour))).collect();
    for (peaked, counts, days) in day_groups(services, start, end) {
        let mut covers = ordinary.clone();
        let mut in_peak = vec![false; services.len()];
        for i in peaked {
            covers[i] = peak[i].expect("a service in peak has a peak");
            in_peak[i] = true;
        }
        // What a schedule costs over these days: the same for every developer schedule.
        let cost_at = |rate| if settings.remuneration_model == crate::settings::Remuneration::CalloutOnly { Exact::ZERO } else { standby_cost(rate, &counts, settings) };
        let (developer_cost, app_support_cost) = (cost_at(settings.developer_standby_rate), cost_at(settings.app_support_standby_rate));
        let run = run_cover(services, &covers, &owners, &mut result.without_domain);
        let mut on_call = vec![false; services.len()];
        for (i, _) in run.iter().flat_map(|(_, _, covered)| covered) {
            on_call[*i] = true;
        }
        for (((u, (_, exposure)), _), peaked) in result.uncovered.iter_mut().zip(&covers).zip(&on_call).zip(&in_peak).filter(|((_, on), _)| !**on) {
            u.days += days;
            u.peak_days += if *peaked { days } else { 0 };
            u.exposure_days = u.exposure_days.checked_add(Exact::of(*exposure).checked_mul(days.into()).expect("overflow")).expect("overflow");
        }
        for ((kind, index), participants, covered) in run {
            let cost = if kind == ScheduleKind::AppSupport { app_support_cost } else { developer_cost };
            let g = acc
                .entry((kind, index))
                .or_insert_with(|| Gathering { owner: owners.name(kind, index, services, covered[0].0), participants, days: 0, covers: Vec::new() });
            g.participants = g.participants.min(participants);
            g.days += days;
            match g.covers.iter_mut().find(|(c, _, _)| *c == covered) {
                Some((_, total, n)) => {
                    *total = total.checked_add(cost).expect("cost overflow");
                    *n += days;
                }
                None => g.covers.push((covered, cost, days)),
            }
        }
    }
    let mut all: Vec<Schedule> = acc
        .into_iter()
        .map(|((kind, _), g)| {
            let mut shares: Vec<Share> = Vec::new();
            for (covered, cost, days) in &g.covers {
                let weights: Vec<i128> = match settings.schedule_cost_split {
                    CostSplit::Exposure => covered.iter().map(|(_, e)| e.to_minor_units()).collect(),
                    CostSplit::Equal => vec![1; covered.len()],
                };
                shares.extend(covered.iter().zip(cost.split(&weights)).map(|((i, _), standby)| Share { service: *i, standby, days: *days }));
            }
            // A service whose cover changed during the year has a share of each.
            shares.sort_by_key(|s| s.service);
            shares.dedup_by(|later, kept| {
                let same = later.service == kept.service;
                if same {
                    kept.standby = kept.standby.checked_add(later.standby).expect("share overflow");
                    kept.days += later.days;
                }
                same
            });
            Schedule {
                kind,
                owner: g.owner,
                participants: g.participants,
                days: g.days,
                services: shares.iter().map(|s| s.service).collect(),
                standby_cost: g.covers.iter().map(|(_, c, _)| *c).sum(),
                shares,
            }
        })
        .collect();
    // Team schedules by team name, then domains by name, then the rota.
    all.sort_by(|a, b| (a.kind, &a.owner).cmp(&(b.kind, &b.owner)));
    result.schedules = all;
    result.without_domain.sort_unstable();
    result.without_domain.dedup();
    result
}

/// The budget holder who pays for a schedule: a team schedule its team's
/// funder, a domain schedule the domain's chosen holder, the rota the Head
/// of Operations.
pub fn holder(schedule: &Schedule, teams: &BTreeMap<&str, &Team>, domains: &[Domain]) -> BudgetHolder {
    match schedule.kind {
        ScheduleKind::AppSupport => BudgetHolder::HeadOfOperations,
        ScheduleKind::Team => teams.get(schedule.owner.as_str()).map_or(BudgetHolder::HeadOfProduct, |t| t.funding.budget_holder()),
        ScheduleKind::Domain => domains.iter().find(|d| d.name == schedule.owner).map_or(BudgetHolder::HeadOfProduct, |d| d.on_call_budget_holder),
    }
}
