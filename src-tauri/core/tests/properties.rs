//! Properties of the money paths over random portfolios: presented parts add
//! up exactly, and no money path uses binary floating point.

use proptest::prelude::*;

use opmodel_core::budget::budget;
use opmodel_core::model::{DateRange, Funding, Peak, Service, Team};
use opmodel_core::money::{allocate_largest_remainder, Exact, Money};
use opmodel_core::portfolio::Portfolio;
use opmodel_core::premiums::premiums;
use opmodel_core::selector::ServiceKind;
use opmodel_core::settings::Settings;
use rust_decimal::Decimal;

/// A generated service: digital?, team, exposure in minor units, demand, and
/// an optional peak (exposure in units, start offset, length in days).
type Spec = (bool, u32, u64, u8, Option<(u32, u16, u8)>);

fn portfolio(specs: Vec<Spec>, split: &str, rate: &str) -> Portfolio {
    let mut settings = Settings::defaults();
    settings.apply("schedule_cost_split", split).unwrap();
    settings.apply("developer_standby_rate", rate).unwrap();
    let demand = ["low", "medium", "high", "very high"];
    let teams: Vec<Team> = (0..5)
        .map(|t| Team { name: format!("team-{t}"), funding: [Funding::Product, Funding::It, Funding::Operations][t % 3], on_call_participants: t as u32 + 1 })
        .collect();
    let services = specs
        .into_iter()
        .enumerate()
        .map(|(i, (digital, team, exposure_minor, d, peak))| Service {
            id: i as i64,
            name: format!("s{i}"),
            kind: if digital { ServiceKind::Digital } else { ServiceKind::Foundational },
            team: teams[team as usize % 5].name.clone(),
            domain: Some(format!("d{}", i % 3)),
            exposure_per_hour: Money::from_minor(exposure_minor as i64),
            feature_demand: demand[d as usize % 4].into(),
            peak: peak.map(|(x, offset, len)| {
                let start = settings.planning_year_start + chrono::Days::new(offset as u64 % 400);
                Peak { exposure_per_hour: Money::from_minor(x as i64 * 100), periods: vec![DateRange { start, end: start + chrono::Days::new(len as u64 % 20) }] }
            }),
            out_of_hours_incidents_per_year: Decimal::new(i as i64 % 7 * 100 + i as i64 % 3 * 25, 2),
            model_override: None,
        })
        .collect();
    Portfolio { services, teams, domains: vec![], settings }
}

fn spec() -> impl Strategy<Value = Spec> {
    (any::<bool>(), 0u32..5, 0u64..200_000_000, any::<u8>(), proptest::option::of((0u32..2_000_000, any::<u16>(), any::<u8>())))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_budget_is_presented_top_down_and_every_figure_is_within_a_penny(
        specs in proptest::collection::vec(spec(), 1..25),
        equal in any::<bool>(),
        rate in prop_oneof![Just("500/week"), Just("61.37/day"), Just("3.33/hour")],
        callout in prop_oneof![Just(None), Just(Some("standby_and_callout")), Just(Some("callout_only"))],
    ) {
        let mut p = portfolio(specs, if equal { "equal" } else { "exposure" }, rate);
        if let Some(model) = callout {
            p.settings.apply("remuneration_model", model).unwrap();
            p.settings.apply("developer_callout_rate", "37.13/hour").unwrap();
            p.settings.apply("app_support_callout_rate", "41.07/hour").unwrap();
            p.settings.apply("callout_hours", "1.5").unwrap();
        }
        let b = budget(&p);
        let penny = Decimal::new(1, 2);
        let near = |presented: Money, exact: Exact| (presented.decimal() - exact.money().decimal()).abs() < penny;
        // Each line item: its columns add up, each within a penny of its exact value.
        for l in &b.line_items {
            prop_assert_eq!(l.standby.checked_add(l.callout).unwrap(), l.amount);
            prop_assert!(near(l.amount, l.exact()) && near(l.standby, l.exact_standby) && near(l.callout, l.exact_callout), "{:?}", l);
            prop_assert!(l.amount.to_minor().is_some(), "presented amounts are whole minor units");
        }
        // A schedule's line items share out its exact standby.
        for s in &b.schedules.schedules {
            let shares: Exact = b.line_items.iter().filter(|l| l.schedule == s.name()).map(|l| l.exact_standby).sum();
            prop_assert_eq!(shares, s.standby_cost, "schedule {}", s.name());
        }
        // Line items add up to their holder's capex or opex, those to the
        // holder's total and to all capex or opex, and those to the total.
        for ((h, c), t) in &b.totals {
            let items: Money = b.line_items.iter().filter(|l| (l.budget_holder, l.category) == (*h, *c)).map(|l| l.amount).sum();
            prop_assert_eq!(items, t.amount);
            prop_assert!(near(t.amount, t.exact));
        }
        for (h, t) in &b.holders {
            prop_assert_eq!(b.totals.iter().filter(|((holder, _), _)| holder == h).map(|(_, x)| x.amount).sum::<Money>(), t.amount);
            prop_assert!(near(t.amount, t.exact));
        }
        for (c, t) in &b.categories {
            prop_assert_eq!(b.totals.iter().filter(|((_, cat), _)| cat == c).map(|(_, x)| x.amount).sum::<Money>(), t.amount);
            prop_assert!(near(t.amount, t.exact));
        }
        prop_assert_eq!(b.holders.values().map(|t| t.amount).sum::<Money>(), b.total.amount);
        prop_assert_eq!(b.categories.values().map(|t| t.amount).sum::<Money>(), b.total.amount);
        // The total is the exact total rounded (a sum within the 16th-place
        // noise of a half penny counts as the half it is).
        prop_assert!((b.total.amount.decimal() - b.total.exact.money().decimal()).abs() <= Decimal::new(5_000_000_000_001, 15));
        prop_assert_eq!(b.before.iter().map(|(_, m)| *m).sum::<Money>(), b.total.amount);

        let pr = premiums(&p);
        let sum = |f: fn(&opmodel_core::premiums::ServicePremium) -> Money| pr.services.iter().map(f).sum::<Money>();
        prop_assert_eq!(sum(|s| s.ops_run_it.total), pr.ops_run_it.total);
        prop_assert_eq!(sum(|s| s.you_build_it_you_run_it.standby), pr.you_build_it_you_run_it.standby);
        prop_assert_eq!(sum(|s| s.you_build_it_you_run_it.expected_loss), pr.you_build_it_you_run_it.expected_loss);
    }

    #[test]
    fn largest_remainder_is_within_a_penny_and_exact_in_sum(minor in proptest::collection::vec(0i64..10_000_000, 1..40), divisor in 1u32..13) {
        let exact: Vec<Exact> = minor.iter().map(|m| Exact::of(Money::from_minor(*m)).checked_mul_div(1, divisor.into()).unwrap()).collect();
        let parts = allocate_largest_remainder(&exact);
        // The true total, Σ minor ÷ divisor, rounded half away from zero in integers.
        let (sum, d) = (minor.iter().sum::<i64>(), i64::from(divisor));
        let presented = sum / d + i64::from(2 * (sum % d) >= d);
        prop_assert_eq!(parts.iter().copied().sum::<Money>(), Money::from_minor(presented));
        for (p, e) in parts.iter().zip(&exact) {
            prop_assert!((p.decimal() - e.money().decimal()).abs() < Decimal::new(1, 2));
        }
    }
}

/// Money never passes through binary floating point: the only f32/f64 in
/// the core are the JSON number of tolerable seconds, the similarity of two
/// names, and the geometry of the PDF and the drawings (the pdf and drawing
/// folders, which write presented amounts as text).
#[test]
fn no_money_path_uses_floating_point() {
    let mut folders = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let mut read = 0;
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // The PDF and the drawings place boxes and text with floating point; the figures they write are presented amounts.
            if path.is_dir() {
                if !["pdf", "drawing"].contains(&name.as_str()) {
                    folders.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            read += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let floaty = line.contains("f64") || line.contains("f32") || line.contains("serde::float");
                // view.rs: the JSON number of tolerable seconds; names.rs: how alike two names are;
                // loss_distribution.rs: the rates and shares that draw incident counts (amounts stay exact).
                let allowed = (name == "view.rs" && line.contains("rust_decimal::serde::float")) || name == "names.rs" || name == "loss_distribution.rs";
                assert!(!floaty || allowed, "{}:{}: {line}", path.display(), n + 1);
            }
        }
    }
    assert!(read > 20, "only {read} source files read");
}
