//! `cargo bench -p opmodel-core --bench plan`: the whole derived plan
//! (schedules, premiums, budget) of 10,000 services, 1,000 teams and 100
//! domains for one year, the budget PDF of 1,000 services, and one edit
//! saved to a workspace file. Prints the
//! median of repeated runs; the method and figures are in docs/performance.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use opmodel_core::budget::budget;
use opmodel_core::pdf::budget_pdf;
use opmodel_core::model::{BudgetHolder, DateRange, Domain, DomainKind, Funding, Peak, Service, Team};
use opmodel_core::money::Money;
use opmodel_core::portfolio::Portfolio;
use opmodel_core::premiums::premiums;
use opmodel_core::selector::ServiceKind;
use opmodel_core::settings::Settings;
use rust_decimal::Decimal;

/// A large, varied portfolio: every exposure band, every demand band, one
/// service in twenty with a Black Friday peak.
pub fn portfolio(services: usize, teams: usize, domains: usize) -> Portfolio {
    let settings = Settings::defaults();
    let fundings = [Funding::Product, Funding::It, Funding::Product, Funding::Operations];
    let teams: Vec<Team> = (0..teams).map(|t| Team { name: format!("team-{t:04}"), funding: fundings[t % 4], on_call_participants: 3 + (t % 6) as u32 }).collect();
    let domains: Vec<Domain> = (0..domains)
        .map(|d| Domain { name: format!("domain-{d:03}"), kind: DomainKind::Product, on_call_budget_holder: if d % 2 == 0 { BudgetHolder::HeadOfProduct } else { BudgetHolder::HeadOfDelivery } })
        .collect();
    let demand = ["low", "medium", "high", "very high"];
    let black_friday = DateRange { start: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), end: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap() };
    let services = (0..services)
        .map(|i| Service {
            id: i as i64,
            name: format!("service-{i:05}"),
            kind: if i % 5 == 0 { ServiceKind::Foundational } else { ServiceKind::Digital },
            team: teams[i % teams.len()].name.clone(),
            domain: Some(domains[i % domains.len()].name.clone()),
            exposure_per_hour: Money::units(((i * 7919) % 900_000) as i64),
            feature_demand: demand[i % 4].into(),
            peak: (i % 20 == 0).then(|| Peak { exposure_per_hour: Money::units(900_000), periods: vec![black_friday] }),
            out_of_hours_incidents_per_year: Decimal::from(i % 9),
            model_override: None,
        })
        .collect();
    Portfolio { services, teams, domains, settings }
}

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    // Like libtest: `cargo bench --bench plan -- pdf` runs only the benchmarks whose name contains "pdf".
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    if "plan".contains(filter.as_str()) {
        bench_plan();
    }
    if "budget pdf".contains(filter.as_str()) {
        bench_pdf();
    }
    if "edit".contains(filter.as_str()) {
        bench_edit();
    }
    if "distribution".contains(filter.as_str()) {
        bench_distribution();
    }
}

/// The yearly loss distribution (1,000 simulated years) of 10,000 services under one model.
fn bench_distribution() {
    let big = portfolio(10_000, 1_000, 100);
    let t = median(|| {
        black_box(opmodel_core::loss_distribution::distribution(black_box(&big), opmodel_core::selector::OperatingModel::YouBuildItYouRunIt));
    }, 5);
    println!("loss distribution of 10,000 services, 1,000 years, one model: median {:.0} ms", t.as_secs_f64() * 1e3);
}

/// One service edit as the app makes it, in a workspace file of `n`
/// services: the input checked against the settings, teams and domains,
/// the transaction with its undo step and durable write (a rollback
/// journal, fsync'd), and the one row read back with its derived values.
fn bench_edit() {
    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut ws = opmodel_core::Workspace::open(&dir.path().join("bench.opmodel")).expect("a workspace");
        let p = portfolio(n, 100, 10);
        ws.batch("bench", |b| {
            let mut created = Default::default();
            p.services.iter().try_for_each(|s| b.put_service(s, &mut created).map(|_| ()))
        })
        .expect("the services are stored");
        let service = ws.services().expect("services").remove(n / 2);
        let mut input = opmodel_core::input::ServiceInput::from_service(&service);
        let mut k = 0;
        let edit = median(
            || {
                k += 1;
                input.exposure_per_hour = (100_000 + k).to_string();
                let id = opmodel_core::input::save_service(&mut ws, Some(service.id), &input, &Default::default()).expect("saved");
                black_box(opmodel_core::view::service_view(&ws, id).expect("read back"));
            },
            51,
        );
        println!("one service edit saved to a {n}-service workspace file and read back: median {:.2} ms", edit.as_secs_f64() * 1e3);
    }
}

fn bench_plan() {
    let big = portfolio(10_000, 1_000, 100);
    let plan = median(|| {
        black_box(budget(black_box(&big)));
        black_box(premiums(black_box(&big)));
    }, 21);
    println!("plan (schedules, premiums, budget) of 10,000 services / 1,000 teams / 100 domains: median {:.2} ms", plan.as_secs_f64() * 1e3);
}

fn bench_pdf() {
    let thousand = portfolio(1_000, 100, 10);
    let generated = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut size = 0;
    let pdf = median(|| size = black_box(budget_pdf(black_box(&thousand), "bench.opmodel", generated)).len(), 11);
    println!("budget PDF of 1,000 services ({} KB): median {:.2} ms", size / 1024, pdf.as_secs_f64() * 1e3);
}
