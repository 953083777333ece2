//! Rule 4's schedules and rule 5's split of their cost, over the planning
//! year (364 days from `planning_year_start`). Costs accrue per day. Days
//! with the same services in peak have the same cover, so they are taken
//! together: a group's cost is the sum of its days' costs.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::demand::Frequency;
use crate::model::{BudgetHolder, Domain, Funding, Service, Team};
use crate::money::Money;
use crate::oncall::{out_of_hours, OutOfHours};
use crate::selector::{choose, OperatingModel, ServiceKind};
use crate::settings::{CostSplit, Per, Rate, Settings};

pub const PLANNING_YEAR_DAYS: u64 = 364;

/// Decimal places kept in a share of a schedule's cost.
const SHARE_SCALE: u32 = 16;

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
    pub standby_cost: Money,
    /// Each covered service's exact share of the standby cost, by index.
    pub shares: BTreeMap<usize, Money>,
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
}

/// The cover of a service at an hourly exposure under a scenario.
pub fn cover(service: &Service, exposure: Money, settings: &Settings, scenario: Scenario) -> Cover {
    let target = settings.exposure_bands.target(exposure).level;
    let model = match scenario {
        Scenario::All(model) => model,
        Scenario::Planned => match &service.model_override {
            Some(o) => o.model,
            None => {
                let deployment = settings.demand_bands.find(&service.feature_demand).map_or(Frequency::MONTHLY, |b| b.1);
                choose(service.kind, target, deployment).1
            }
        },
    };
    Cover { model, out_of_hours: out_of_hours(model, target, &settings.out_of_hours_levels) }
}

/// The first day of the planning year and the day after its last.
pub fn planning_year(settings: &Settings) -> (NaiveDate, NaiveDate) {
    let start = settings.planning_year_start;
    (start, start + Days::new(PLANNING_YEAR_DAYS))
}

/// Days with the same cover, gathered: the year is cut wherever a peak
/// starts or ends, and runs with the same services in peak are one group
/// (the weeks before and after Black Friday cost alike). Each group is a
/// day to assess it on, its weekday counts and its number of days.
fn day_groups(services: &[Service], start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, [i64; 7], u32)> {
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
    let peaked: Vec<&Service> = services.iter().filter(|s| s.peak.is_some()).collect();
    let mut groups: BTreeMap<Vec<usize>, (NaiveDate, [i64; 7], u32)> = BTreeMap::new();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        // Cover depends only on each day's exposure, so that is what tells groups apart.
        let in_peak: Vec<usize> = peaked.iter().enumerate().filter(|(_, s)| s.exposure_on(from) != s.exposure_per_hour).map(|(i, _)| i).collect();
        let g = groups.entry(in_peak).or_insert((from, [0; 7], 0));
        for (total, n) in g.1.iter_mut().zip(weekday_counts(from, to)) {
            *total += n;
        }
        g.2 += (to - from).num_days() as u32;
    }
    groups.into_values().collect()
}

/// Days of the planning year on which a service is in a peak period.
pub fn peak_days(service: &Service, settings: &Settings) -> u32 {
    let Some(peak) = &service.peak else { return 0 };
    let (start, end) = planning_year(settings);
    start.iter_days().take_while(|d| *d < end).filter(|d| peak.periods.iter().any(|r| r.contains(*d))).count() as u32
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
pub fn standby_cost(rate: Rate, counts: &[i64; 7], settings: &Settings) -> Money {
    let days: i64 = counts.iter().sum();
    let factor = match rate.per {
        Per::Week => Decimal::from(days) / Decimal::from(7),
        Per::Day => Decimal::from(days),
        Per::Hour => (0..7).map(|i| Decimal::from(counts[i]) * settings.working_hours.out_of_hours(weekday(i))).sum(),
    };
    rate.amount.checked_mul(factor).expect("standby cost overflow")
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
        let team_index: HashMap<&str, usize> = teams.iter().enumerate().map(|(i, t)| (t.name.as_str(), i)).collect();
        let mut domain_index: HashMap<&str, usize> = HashMap::new();
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

/// One run's schedules: key → (participants, covered services with their exposure).
type RunCover = BTreeMap<Key, (u32, Vec<(usize, Money)>)>;

fn run_cover(services: &[Service], day: NaiveDate, owners: &Owners, settings: &Settings, scenario: Scenario, without_domain: &mut Vec<usize>) -> RunCover {
    let mut out: RunCover = BTreeMap::new();
    let covers: Vec<(Cover, Money)> = services
        .iter()
        .map(|s| {
            let e = s.exposure_on(day);
            (cover(s, e, settings, scenario), e)
        })
        .collect();
    let team_key = |i: usize| owners.team_of[i].unwrap_or(owners.teams.len() + i);
    // Team schedules first: a team's schedule also covers its Domain-level services.
    for (i, (c, e)) in covers.iter().enumerate() {
        if c.model == OperatingModel::YouBuildItYouRunIt && c.out_of_hours == OutOfHours::Team {
            let n = owners.participants(owners.team_of[i]);
            out.entry((ScheduleKind::Team, team_key(i))).or_insert_with(|| (n, Vec::new())).1.push((i, *e));
        }
    }
    for (i, (c, e)) in covers.iter().enumerate() {
        match (c.model, c.out_of_hours) {
            (OperatingModel::YouBuildItYouRunIt, OutOfHours::Domain) => {
                if let Some(team) = out.get_mut(&(ScheduleKind::Team, team_key(i))) {
                    team.1.push((i, *e));
                } else if let Some(d) = owners.domain_of[i] {
                    out.entry((ScheduleKind::Domain, d)).or_insert_with(|| (0, Vec::new())).1.push((i, *e));
                } else if !without_domain.contains(&i) {
                    without_domain.push(i);
                }
            }
            (OperatingModel::OpsRunIt, _) => {
                out.entry((ScheduleKind::AppSupport, 0)).or_insert_with(|| (owners.app_support_participants, Vec::new())).1.push((i, *e));
            }
            _ => {}
        }
    }
    // A domain schedule's participants: every team owning a YBIYRI digital service in the domain.
    let mut domain_teams: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, (c, _)) in covers.iter().enumerate() {
        if let (Some(d), Some(t), ServiceKind::Digital, OperatingModel::YouBuildItYouRunIt) = (owners.domain_of[i], owners.team_of[i], services[i].kind, c.model) {
            domain_teams.insert((d, t));
        }
    }
    for &(d, t) in &domain_teams {
        if let Some(entry) = out.get_mut(&(ScheduleKind::Domain, d)) {
            entry.0 += owners.participants(Some(t));
        }
    }
    out
}

/// Splits a run's cost across the services covered, by exposure (or
/// equally). The cost per unit of weight is divided out once (28
/// significant digits) and the last share takes what is left, so the shares
/// add up to the cost exactly.
fn split(cost: Money, covered: &[(usize, Money)], how: CostSplit) -> Vec<(usize, Money)> {
    let total: Money = covered.iter().map(|(_, e)| *e).sum();
    let equal = how == CostSplit::Equal || total.is_zero();
    let per_unit = if equal { cost.checked_div(Decimal::from(covered.len())) } else { cost.checked_div(total.decimal()) }.expect("share overflow");
    let mut left = cost;
    let mut shares: Vec<(usize, Money)> = covered[..covered.len() - 1]
        .iter()
        .map(|(i, e)| {
            // Shares are kept to 16 decimal places: far below a penny, and at
            // one scale they add without rescaling. The last share absorbs
            // the difference, so the shares still sum to the cost exactly.
            let share = per_unit.checked_mul(if equal { Decimal::ONE } else { e.decimal() }).expect("share overflow").at_scale(SHARE_SCALE);
            left = left.checked_sub(share).expect("share overflow");
            (*i, share)
        })
        .collect();
    shares.push((covered[covered.len() - 1].0, left));
    shares
}

/// Every out-of-hours schedule of the year under a scenario, with costs.
pub fn schedules(services: &[Service], teams: &[Team], settings: &Settings, scenario: Scenario) -> Schedules {
    let owners = Owners::new(services, teams);
    let (start, end) = planning_year(settings);
    let mut result = Schedules::default();
    let mut acc: BTreeMap<Key, Schedule> = BTreeMap::new();
    for (day, counts, days) in day_groups(services, start, end) {
        for ((kind, index), (participants, covered)) in run_cover(services, day, &owners, settings, scenario, &mut result.without_domain) {
            let rate = if kind == ScheduleKind::AppSupport { settings.app_support_standby_rate } else { settings.developer_standby_rate };
            let cost = if settings.remuneration_model == crate::settings::Remuneration::CalloutOnly {
                Money::ZERO
            } else {
                standby_cost(rate, &counts, settings)
            };
            let s = acc.entry((kind, index)).or_insert_with(|| Schedule {
                kind,
                owner: owners.name(kind, index, services, covered[0].0),
                participants,
                days: 0,
                services: Vec::new(),
                standby_cost: Money::ZERO,
                shares: BTreeMap::new(),
            });
            s.participants = s.participants.min(participants);
            s.days += days;
            s.standby_cost = s.standby_cost.checked_add(cost).expect("cost overflow");
            for (i, share) in split(cost, &covered, settings.schedule_cost_split) {
                let e = s.shares.entry(i).or_insert(Money::ZERO.at_scale(SHARE_SCALE));
                *e = e.checked_add(share).expect("share overflow");
            }
        }
    }
    let mut all: Vec<Schedule> = acc.into_values().collect();
    // Team schedules by team name, then domains by name, then the rota.
    all.sort_by(|a, b| (a.kind, &a.owner).cmp(&(b.kind, &b.owner)));
    for mut s in all {
        s.services = s.shares.keys().copied().collect();
        result.schedules.push(s);
    }
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
