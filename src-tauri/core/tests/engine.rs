//! The money engine on worked examples: the furniture retailer (whose peak
//! moves bedroom from the domain schedule to its team's for Black Friday
//! week) and portfolios of our own for rates, splits, callout and pitfalls.

use opmodel_core::budget::{budget, Category};
use opmodel_core::model::BudgetHolder::*;
use opmodel_core::pitfalls::pitfalls;
use opmodel_core::portfolio::Portfolio;
use opmodel_core::premiums::premiums;
use opmodel_core::raci::{service_raci, Raci};
use opmodel_core::schedules::{schedules, standby_cost, year_counts, ScheduleKind, Scenario};
use opmodel_core::{demo, import, Workspace};

struct Fixture {
    _dir: tempfile::TempDir,
    ws: Workspace,
}

impl Fixture {
    fn retailer() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.opmodel")).unwrap();
        demo::write_example(&mut ws, false).unwrap();
        Fixture { _dir: dir, ws }
    }

    fn empty() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("w.opmodel")).unwrap();
        Fixture { _dir: dir, ws }
    }

    fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.ws.set_setting(key, value).unwrap();
        self
    }

    fn import(&mut self, what: &str, csv: &str) -> &mut Self {
        let path = self._dir.path().join(format!("{what}.csv"));
        std::fs::write(&path, csv).unwrap();
        match what {
            "teams" => import::import_teams(&mut self.ws, &path).unwrap(),
            "domains" => import::import_domains(&mut self.ws, &path).unwrap(),
            _ => import::import_services(&mut self.ws, &path).unwrap(),
        };
        self
    }

    fn portfolio(&self) -> Portfolio {
        Portfolio::load(&self.ws).unwrap()
    }
}

fn amounts(b: &opmodel_core::budget::Budget) -> Vec<(String, String, String, &'static str, String)> {
    b.line_items.iter().map(|l| (l.service.clone(), l.schedule.clone(), l.budget_holder.as_str().to_string(), l.category.as_str(), l.amount.plain())).collect()
}

#[test]
fn retailer_schedules_move_with_the_black_friday_peak() {
    let p = Fixture::retailer().portfolio();
    let plan = schedules(&p.services, &p.teams, &p.settings, Scenario::Planned);
    let got: Vec<_> = plan.schedules.iter().map(|s| (s.kind, s.owner.as_str(), s.participants, s.days, s.standby_cost.plain())).collect();
    assert_eq!(got, [
        (ScheduleKind::Team, "bedroom-team", 6, 7, "500.00".to_string()),
        (ScheduleKind::Domain, "home-shopping", 11, 357, "25500.00".to_string()),
        (ScheduleKind::AppSupport, "", 6, 364, "26000.00".to_string()),
    ]);
    // appointments (95.0%, level None) is on no schedule at all.
    assert!(plan.schedules.iter().all(|s| s.services.iter().all(|i| p.services[*i].name != "appointments")));
}

#[test]
fn retailer_budget_transfers_digital_on_call_to_product_capex() {
    let p = Fixture::retailer().portfolio();
    let b = budget(&p);
    assert_eq!(amounts(&b), [
        ("bedroom".into(), "domain schedule: home-shopping".into(), "head_of_product".into(), "capex", "25500.00".into()),
        ("bedroom".into(), "team schedule: bedroom-team".into(), "head_of_product".into(), "capex", "500.00".into()),
        ("ecommerce-platform".into(), "application support rota".into(), "head_of_operations".into(), "opex", "26000.00".into()),
    ]);
    assert_eq!(b.holder_total(HeadOfProduct).plain(), "26000.00");
    assert_eq!(b.holder_total(HeadOfOperations).plain(), "26000.00");
    assert_eq!(b.holder_total(HeadOfDelivery).plain(), "0.00");
    assert_eq!(b.total.amount.plain(), "52000.00");
    // Before the transfer the Head of Operations holds the same schedules: bedroom's to transfer, and the rota.
    assert_eq!(b.before.iter().map(|(_, m)| m.plain()).collect::<Vec<_>>(), ["26000.00", "26000.00"]);
}

#[test]
fn retailer_premiums_side_by_side() {
    let p = Fixture::retailer().portfolio();
    let pr = premiums(&p);
    let row = |name: &str| pr.services.iter().find(|s| s.name == name).unwrap();
    let parts = |c: &opmodel_core::premiums::ModelCost| [c.standby, c.callout, c.setup, c.expected_loss, c.total].map(|m| m.plain());
    // Ops Run It: one rota for all three, split by each day's exposure
    // (the bedroom peak week weighs 400,000 an hour).
    assert_eq!(parts(&row("ecommerce-platform").ops_run_it), ["20662.78", "0.00", "0.00", "11340000.00", "11360662.78"]);
    assert_eq!(parts(&row("appointments").ops_run_it), ["153.06", "0.00", "0.00", "56000.00", "56153.06"]);
    // bedroom's 8 incidents fall evenly over the year, 7 of its 364 days at
    // the Black Friday exposure: 8 × 140 min × (357 × 200,000 + 7 × 400,000) ÷ 364 ÷ 60.
    assert_eq!(parts(&row("bedroom").ops_run_it), ["5184.16", "0.00", "0.00", "3805128.21", "3810312.37"]);
    assert_eq!(parts(&pr.ops_run_it), ["26000.00", "0.00", "0.00", "15201128.21", "15227128.21"]);
    // YBIYRI: ecommerce-platform (99.9%) on its team's schedule, bedroom on
    // the domain schedule and, in the peak week, its team's.
    assert_eq!(parts(&row("ecommerce-platform").you_build_it_you_run_it), ["26000.00", "0.00", "0.00", "2835000.00", "2861000.00"]);
    // appointments (95.0%) has nobody on call out of hours under YBIYRI: each of
    // its 4 incidents waits for working hours, on average Σg² ÷ 2Σg =
    // (4 × 15.5² + 63.5²) ÷ 251 = 19.8934… h, before the 35 minutes to
    // acknowledge and restore: 4 × 6,000 × (35 ÷ 60 + 4,993.25 ÷ 251)
    // = 14,000 + 477,442.2310… = 491,442.23, far above Ops Run It's 56,000.
    assert_eq!(parts(&row("appointments").you_build_it_you_run_it), ["0.00", "0.00", "0.00", "491442.23", "491442.23"]);
    assert_eq!(parts(&row("bedroom").you_build_it_you_run_it), ["26000.00", "0.00", "0.00", "951282.05", "977282.05"]);
    assert_eq!(parts(&pr.you_build_it_you_run_it), ["52000.00", "0.00", "0.00", "4277724.28", "4329724.28"]);
    // The linear run cost: R(n) with team schedules, flat at one domain, R(1) for Ops Run It.
    let curve: Vec<_> = pr.run_cost.iter().map(|r| (r.teams, r.team_schedules.plain(), r.domain_schedules.plain(), r.ops_run_it.plain())).collect();
    assert_eq!(curve.len(), 10);
    assert_eq!(curve[0], (1, "26000.00".into(), "26000.00".into(), "26000.00".into()));
    assert_eq!(curve[9], (10, "260000.00".into(), "26000.00".into(), "26000.00".into()));
}

#[test]
fn hourly_daily_and_weekly_rates_accrue_per_day() {
    let mut f = Fixture::retailer();
    let s = f.portfolio().settings;
    let counts = year_counts(&s);
    assert_eq!(counts, [52; 7]);
    assert_eq!(standby_cost(s.developer_standby_rate, &counts, &s).plain(), "26000.00");
    f.set("developer_standby_rate", "4/hour").set("app_support_standby_rate", "60/day");
    let p = f.portfolio();
    // 52 weeks of 5 × 15.5 h + 2 × 24 h = 6,526 h at 4 an hour.
    assert_eq!(standby_cost(p.settings.developer_standby_rate, &counts, &p.settings).plain(), "26104.00");
    let b = budget(&p);
    let got: Vec<_> = b.schedules.schedules.iter().map(|s| (s.owner.as_str(), s.standby_cost.plain())).collect();
    // Black Friday week, Monday 23 to Sunday 29 November: 125.5 h × 4 = 502.00;
    // the rest of the year: 26,104 − 502 = 25,602.00; the rota: 364 × 60.
    assert_eq!(got, [("bedroom-team", "502.00".into()), ("home-shopping", "25602.00".into()), ("", "21840.00".into())]);
    f.set("working_hours", "mon-thu 08:00-18:00");
    let p = f.portfolio();
    // 4 × 14 h + 3 × 24 h = 128 h a week.
    assert_eq!(standby_cost(p.settings.developer_standby_rate, &counts, &p.settings).plain(), "26624.00");
}

#[test]
fn a_shared_schedule_splits_by_exposure_or_equally_and_the_parts_add_up() {
    let mut f = Fixture::retailer();
    f.set("schedule_cost_split", "equal");
    let pr = premiums(&f.portfolio());
    let ops: Vec<_> = pr.services.iter().map(|s| s.ops_run_it.standby.plain()).collect();
    // 26,000 ÷ 3 = 8,666.666…: the two earliest take the two spare pennies.
    assert_eq!(ops, ["8666.67", "8666.67", "8666.66"]);
    assert_eq!(pr.ops_run_it.standby.plain(), "26000.00");
}

#[test]
fn callout_is_paid_only_under_the_standby_and_callout_model() {
    let mut f = Fixture::retailer();
    f.set("remuneration_model", "standby_and_callout").set("developer_callout_rate", "75/hour").set("app_support_callout_rate", "40/hour");
    let pr = premiums(&f.portfolio());
    let row = |name: &str| pr.services.iter().find(|s| s.name == name).unwrap().clone();
    // incidents × 2 hours × rate × 1 person; appointments has no out-of-hours cover under YBIYRI.
    assert_eq!(row("bedroom").you_build_it_you_run_it.callout.plain(), "1200.00");
    assert_eq!(row("ecommerce-platform").you_build_it_you_run_it.callout.plain(), "900.00");
    assert_eq!(row("appointments").you_build_it_you_run_it.callout.plain(), "0.00");
    assert_eq!(row("appointments").ops_run_it.callout.plain(), "320.00");

    // A 95.0% service with no cover out of hours gets callout only on the
    // days a peak lifts it to domain cover: 4 × 2 h × 75 × 14 ÷ 364.
    f.import("services", "name,kind,team,domain,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods,out_of_hours_incidents_per_year\nappointments,digital,appointments-team,home-shopping,6000,high,100000,2026-12-14..2026-12-27,4\n");
    let pr = premiums(&f.portfolio());
    let appointments = pr.services.iter().find(|s| s.name == "appointments").unwrap();
    assert_eq!(appointments.you_build_it_you_run_it.callout.plain(), "23.08");
    f.set("remuneration_model", "callout_only");
    let p = f.portfolio();
    assert_eq!(premiums(&p).you_build_it_you_run_it.standby.plain(), "0.00");
    assert!(pitfalls(&p, &budget(&p)).iter().any(|x| x.pitfall == "callout_only_remuneration" && x.services.contains(&"bedroom".to_string())));
}

#[test]
fn setup_costs_are_amortised() {
    let mut f = Fixture::retailer();
    f.set("you_build_it_you_run_it_setup_cost", "10000").set("setup_amortisation_years", "3");
    let pr = premiums(&f.portfolio());
    let setups: Vec<_> = pr.services.iter().map(|s| s.you_build_it_you_run_it.setup.plain()).collect();
    // 10,000 ÷ 3 = 3,333.333… each; 10,000.00 in all across the three.
    assert_eq!(setups, ["3333.34", "3333.33", "3333.33"]);
    assert_eq!(pr.you_build_it_you_run_it.setup.plain(), "10000.00");
}

#[test]
fn raci_has_one_accountable_party_per_row_and_flags_the_unaccountable() {
    let mut f = Fixture::retailer();
    let rows = service_raci(&f.portfolio());
    assert!(rows.iter().all(|r| r.accountable() == 1));
    let bedroom = rows.iter().find(|r| r.service == "bedroom").unwrap();
    assert_eq!(bedroom.cells, [Raci::I, Raci::I, Raci::A, Raci::I, Raci::R]);
    let ecommerce = rows.iter().find(|r| r.service == "ecommerce-platform").unwrap();
    assert_eq!(ecommerce.cells, [Raci::A, Raci::R, Raci::I, Raci::I, Raci::I]);
    assert!({ let p = f.portfolio(); pitfalls(&p, &budget(&p)) }.iter().all(|x| x.pitfall != "responsible_but_unaccountable"));

    // A digital service run YBIYRI by an operations-funded team.
    f.import("teams", "name,funding,on_call_participants\nplatform-ops,operations,2\nbasket-team,it,4\n")
        .import("services", "name,kind,team,domain,exposure_per_hour,feature_demand\nstock-api,digital,platform-ops,,300000,high\nbasket,digital,basket-team,,300000,high\n");
    let p = f.portfolio();
    let rows = service_raci(&p);
    assert!(rows.iter().all(|r| r.accountable() == 1));
    assert_eq!(rows.iter().find(|r| r.service == "basket").unwrap().cells, [Raci::I, Raci::I, Raci::I, Raci::A, Raci::R]);
    let found = pitfalls(&p, &budget(&p));
    let unaccountable = found.iter().find(|x| x.pitfall == "responsible_but_unaccountable").unwrap();
    assert_eq!(unaccountable.services, ["stock-api"]);
    // stock-api's team schedule is paid from operations opex; basket's is Head of Delivery capex.
    let b = budget(&p);
    let item = |s: &str| b.line_items.iter().find(|l| l.service == s).unwrap().clone();
    assert_eq!((item("stock-api").budget_holder, item("stock-api").category), (HeadOfOperations, Category::Opex));
    assert_eq!((item("basket").budget_holder, item("basket").category, item("basket").amount.plain()), (HeadOfDelivery, Category::Capex, "26000.00".into()));
    // platform-ops has two people on call: a limited schedule.
    let limited: Vec<_> = found.iter().filter(|x| x.pitfall == "limited_on_call_schedule").collect();
    assert!(limited.iter().any(|x| x.services == ["stock-api"] && x.detail.contains("2 participants")), "{limited:?}");
}

#[test]
fn pitfalls_name_their_services_and_practice() {
    let mut f = Fixture::retailer();
    f.import("teams", "name,funding,on_call_participants\nt1,product,4\nt2,product,4\nt3,it,5\n")
        .import("domains", "name,kind,on_call_budget_holder\nuk,geography,head_of_delivery\n")
        .import("services", "name,kind,team,domain,exposure_per_hour,feature_demand\na,digital,t1,uk,900000,high\nb,digital,t2,uk,850000,high\nc,digital,t3,uk,820000,high\nlegacy-cms,digital,t3,,100,low\n");
    let p = f.portfolio();
    let found = pitfalls(&p, &budget(&p));
    let get = |name: &str| found.iter().find(|x| x.pitfall == name).unwrap_or_else(|| panic!("no {name}: {found:?}"));
    assert_eq!(get("linear_run_cost").services, ["a", "b", "c"]);
    assert_eq!(get("inflated_availability_targets").services, ["a", "b", "c", "ecommerce-platform"]);
    assert_eq!(get("domain_by_geography_or_tool").services, ["a", "b", "c"]);
    assert_eq!(get("low_demand_digital_service").services, ["legacy-cms"]);
    assert!(found.iter().all(|x| !x.advice.is_empty() && !x.services.is_empty()));
}

#[test]
fn the_largest_inputs_accepted_still_compute_exactly() {
    // Every amount and quantity at the top of its range: the exact integer
    // arithmetic must neither overflow nor lose a penny.
    let mut f = Fixture::retailer();
    let top = "999999999999.99";
    for (k, v) in [
        ("remuneration_model", "standby_and_callout"),
        ("developer_standby_rate", "999999999999.99/hour"),
        ("app_support_standby_rate", "999999999999.99/hour"),
        ("developer_callout_rate", "999999999999.99/hour"),
        ("app_support_callout_rate", "999999999999.99/hour"),
        ("callout_hours", "24"),
        ("callout_people", "1000"),
        ("ops_run_it_time_to_acknowledge_minutes", "100000"),
        ("ops_run_it_time_to_restore_minutes", "100000"),
        ("ops_run_it_setup_cost", top),
        ("setup_amortisation_years", "7"),
    ] {
        f.set(k, v);
    }
    f.import("services", &format!("name,kind,team,domain,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods,out_of_hours_incidents_per_year\nbedroom,digital,bedroom-team,home-shopping,{top},very high,{top},2026-11-23..2026-11-29,10000\n"));
    let p = f.portfolio();
    let pr = premiums(&p);
    let bedroom = pr.services.iter().find(|s| s.name == "bedroom").unwrap();
    // Callout: 999,999,999,999.99 × 24 h × 1,000 people × 10,000 incidents, every day covered.
    assert_eq!(bedroom.ops_run_it.callout.plain(), "239999999999997600000.00");
    // Expected loss: exposure × 10,000 incidents × 200,000 minutes ÷ 60.
    assert_eq!(bedroom.ops_run_it.expected_loss.plain(), "33333333333333000000.00");
    // Setup: the cost over 7 years.
    assert_eq!(bedroom.ops_run_it.setup.plain(), "142857142857.14");
    let b = budget(&p);
    assert_eq!(b.line_items.iter().map(|l| l.amount).sum::<opmodel_core::money::Money>(), b.total.amount);
}

/// (service, schedule, holder, category, standby, callout, amount) of each line item.
fn columns(b: &opmodel_core::budget::Budget) -> Vec<[String; 7]> {
    b.line_items
        .iter()
        .map(|l| [l.service.clone(), l.schedule.clone(), l.budget_holder.as_str().into(), l.category.as_str().into(), l.standby.plain(), l.callout.plain(), l.amount.plain()])
        .collect()
}

fn row<const N: usize>(cells: [&str; N]) -> [String; N] {
    cells.map(String::from)
}

#[test]
fn a_domain_level_service_with_no_domain_waits_for_working_hours_and_is_called_out_only_when_covered() {
    let mut f = Fixture::retailer();
    f.set("remuneration_model", "standby_and_callout").set("developer_callout_rate", "75/hour");
    // bedroom leaves its domain: 99.0% is the Domain level, and no domain means nobody on call,
    // except in the Black Friday week, when 99.9% puts it on its team's schedule.
    f.import("services", "name,kind,team,domain,exposure_per_hour,feature_demand\nbedroom,digital,bedroom-team,,200000,very high\n");
    let pr = premiums(&f.portfolio());
    let bedroom = pr.services.iter().find(|s| s.name == "bedroom").unwrap();
    // Callout on the 7 covered days only: 8 incidents × 2 h × 75 × 7 ÷ 364 = 23.08.
    assert_eq!(bedroom.you_build_it_you_run_it.callout.plain(), "23.08");
    // Expected loss: every day's 35 minutes, 8 ÷ 364 × (357 × 200,000 + 7 × 400,000) × 35 ÷ 60
    // = 951,282.0512…, plus on the 357 uncovered days the mean wait:
    // 8 ÷ 364 × 357 × 200,000 × 4,993.25 ÷ 251 = 31,217,376.6472… : 32,168,658.70.
    assert_eq!(bedroom.you_build_it_you_run_it.expected_loss.plain(), "32168658.70");
    // Under Ops Run It the rota covers it every day: no wait, and callout at the app support rate (0).
    assert_eq!(bedroom.ops_run_it.expected_loss.plain(), "3805128.21");
}

#[test]
fn a_callout_paying_workspace_budgets_standby_and_callout_per_line_item() {
    let mut f = Fixture::retailer();
    f.set("remuneration_model", "standby_and_callout").set("developer_callout_rate", "75/hour").set("app_support_callout_rate", "40/hour");
    let b = budget(&f.portfolio());
    // bedroom: 8 incidents × 2 h × 75 = 1,200 a year, on the domain schedule 357 days
    // (1,176.923…) and its team's 7 (23.0769…); ecommerce-platform: 6 × 2 × 40 = 480 on the rota.
    assert_eq!(columns(&b), [
        row(["bedroom", "domain schedule: home-shopping", "head_of_product", "capex", "25500.00", "1176.92", "26676.92"]),
        row(["bedroom", "team schedule: bedroom-team", "head_of_product", "capex", "500.00", "23.08", "523.08"]),
        row(["ecommerce-platform", "application support rota", "head_of_operations", "opex", "26000.00", "480.00", "26480.00"]),
    ]);
    assert_eq!((b.holder_total(HeadOfProduct).plain(), b.holder_total(HeadOfOperations).plain()), ("27200.00".into(), "26480.00".into()));
    assert_eq!(b.total.amount.plain(), "53680.00");
}

#[test]
fn a_foundational_system_run_ybiyri_is_paid_by_whoever_pays_its_schedule_as_the_raci_says() {
    let mut f = Fixture::empty();
    f.import("teams", "name,funding,on_call_participants\nerp-team,it,4\nwarehouse-team,it,3\n")
        .import("domains", "name,kind,on_call_budget_holder\nlogistics,architecture,head_of_delivery\n")
        .import(
            "services",
            "name,kind,team,domain,exposure_per_hour,feature_demand,model_override,override_reason\n\
             erp,foundational,erp-team,,300000,low,you_build_it_you_run_it,the ERP team deploys weekly\n\
             warehouse,foundational,warehouse-team,logistics,100000,low,you_build_it_you_run_it,run by its builders\n",
        );
    let p = f.portfolio();
    let b = budget(&p);
    // erp is 99.9%: its team's schedule, paid by the team's funder, the Head of Delivery.
    // warehouse is 99.0%: the logistics domain's schedule, paid by its chosen holder, the Head of Delivery.
    assert_eq!(columns(&b), [
        row(["erp", "team schedule: erp-team", "head_of_delivery", "capex", "26000.00", "0.00", "26000.00"]),
        row(["warehouse", "domain schedule: logistics", "head_of_delivery", "capex", "26000.00", "0.00", "26000.00"]),
    ]);
    assert_eq!(b.holder_total(HeadOfOperations).plain(), "0.00");
    // The RACI names the same head as accountable, and the product team as responsible.
    for r in service_raci(&p) {
        assert_eq!(r.cells, [Raci::I, Raci::I, Raci::I, Raci::A, Raci::R], "{}", r.service);
    }
    assert!(pitfalls(&p, &b).iter().all(|x| x.pitfall != "responsible_but_unaccountable"));
}

#[test]
fn a_peak_moves_the_target_and_cover_but_never_the_operating_model() {
    let mut f = Fixture::empty();
    f.set("demand_bands", "low=monthly,medium=every 10 days,high=weekly,very high=daily")
        .import("teams", "name,funding,on_call_participants\nkitchen-team,product,5\nsupport,operations,4\n")
        .import(
            "services",
            "name,kind,team,domain,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods\n\
             kitchen,digital,kitchen-team,,200000,medium,500000,2026-11-23..2026-11-29\n",
        );
    let p = f.portfolio();
    // Amber (every 10 days) at 99.0%: selector step 5 gives Ops Run It. The
    // peak's 99.9% would give YBIYRI, but the model is chosen once.
    let v = opmodel_core::view::views(&p.services, &p.settings).remove(0);
    assert_eq!((v.operating_model, v.availability_target.as_str()), (opmodel_core::selector::OperatingModel::OpsRunIt, "99.0"));
    let peak = v.peak.unwrap();
    assert_eq!((peak.availability_target.as_str(), peak.operating_model, peak.on_call_out_of_hours), ("99.9", opmodel_core::selector::OperatingModel::OpsRunIt, opmodel_core::oncall::OutOfHours::AppSupport));
    // So the rota covers it all year, and no team schedule appears for the peak week.
    let b = budget(&p);
    assert_eq!(columns(&b), [row(["kitchen", "application support rota", "head_of_operations", "opex", "26000.00", "0.00", "26000.00"])]);
    // A peak above every band is flagged, like a normal exposure.
    f.import("services", "name,kind,team,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods\nkitchen,digital,kitchen-team,200000,medium,900000,2026-11-23..2026-11-29\n");
    let p = f.portfolio();
    let v = opmodel_core::view::views(&p.services, &p.settings).remove(0);
    assert_eq!(v.warnings, [opmodel_core::assess::PEAK_ABOVE_HIGHEST_BAND]);
    assert!(v.peak.unwrap().above_highest_band);
}

#[test]
fn four_equal_schedules_are_presented_top_down_to_the_penny() {
    let mut f = Fixture::empty();
    f.set("developer_standby_rate", "1/hour").set("working_hours", "mon-fri 09:00-17:29");
    f.import("teams", "name,funding,on_call_participants\nt1,product,3\nt2,product,3\nt3,it,3\nt4,it,3\n").import(
        "services",
        "name,kind,team,exposure_per_hour,feature_demand\ns1,digital,t1,300000,high\ns2,digital,t2,300000,high\ns3,digital,t3,300000,high\ns4,digital,t4,300000,high\n",
    );
    let b = budget(&f.portfolio());
    // Out of hours: 5 × 15 h 31 min + 2 × 24 h = 7,535 minutes a week; 52 weeks at
    // 1 an hour is 6,530.333… a schedule, 26,121.333… for the four.
    assert!(b.schedules.schedules.iter().all(|s| s.standby_cost.plain() == "6530.33"));
    // The total is the exact total rounded; each holder's 13,060.666… is
    // allocated from it (the earlier takes the spare penny), and each
    // holder's two line items from the holder's total.
    assert_eq!(b.total.amount.plain(), "26121.33");
    assert_eq!((b.holder_total(HeadOfProduct).plain(), b.holder_total(HeadOfDelivery).plain()), ("13060.67".into(), "13060.66".into()));
    let amounts: Vec<String> = b.line_items.iter().map(|l| l.amount.plain()).collect();
    assert_eq!(amounts, ["6530.34", "6530.33", "6530.33", "6530.33"]);
}

#[test]
fn moving_a_service_between_domains_moves_its_schedule_line_item_and_payer() {
    let mut f = Fixture::retailer();
    f.import("domains", "name,kind,on_call_budget_holder\nbedroom-journey,product,head_of_delivery\n");
    let bedroom = f.ws.services().unwrap().into_iter().find(|s| s.name == "bedroom").unwrap().id;
    f.ws.move_services(&[bedroom], Some("bedroom-journey")).unwrap();
    let p = f.portfolio();
    let b = budget(&p);
    // home-shopping keeps only appointments (95.0%, no cover out of hours): no schedule of its own.
    // bedroom-journey's schedule has bedroom-team's 6 people and is paid by its holder, the Head of Delivery.
    let got: Vec<_> = b.schedules.schedules.iter().map(|s| (s.kind, s.owner.as_str(), s.participants, s.standby_cost.plain())).collect();
    assert_eq!(got, [
        (ScheduleKind::Team, "bedroom-team", 6, "500.00".to_string()),
        (ScheduleKind::Domain, "bedroom-journey", 6, "25500.00".to_string()),
        (ScheduleKind::AppSupport, "", 6, "26000.00".to_string()),
    ]);
    assert_eq!(columns(&b), [
        row(["bedroom", "team schedule: bedroom-team", "head_of_product", "capex", "500.00", "0.00", "500.00"]),
        row(["bedroom", "domain schedule: bedroom-journey", "head_of_delivery", "capex", "25500.00", "0.00", "25500.00"]),
        row(["ecommerce-platform", "application support rota", "head_of_operations", "opex", "26000.00", "0.00", "26000.00"]),
    ]);
    assert_eq!((b.holder_total(HeadOfProduct).plain(), b.holder_total(HeadOfDelivery).plain()), ("500.00".into(), "25500.00".into()));
    let map = opmodel_core::map::domain_map(&p, vec![]);
    let home = map.domains.iter().find(|d| d.name == "home-shopping").unwrap();
    assert!(home.schedule.is_none());
    let journey = map.domains.iter().find(|d| d.name == "bedroom-journey").unwrap();
    assert_eq!(journey.schedule.as_ref().map(|s| (s.participants, s.standby.as_str())), Some((6, "25500.00")));
    assert_eq!((map.schedules, map.standby.as_str()), (3, "52000.00"));

    // Out of every domain, bedroom at the Domain level has nobody on call but in its peak week.
    f.ws.move_services(&[bedroom], None).unwrap();
    let p = f.portfolio();
    let b = budget(&p);
    assert_eq!(b.schedules.schedules.len(), 2);
    assert_eq!(b.total.amount.plain(), "26500.00");
    let map = opmodel_core::map::domain_map(&p, vec![]);
    assert_eq!((map.schedules, map.standby.as_str(), map.tray.len()), (2, "26500.00", 2));
    assert!(pitfalls(&p, &b).iter().any(|x| x.pitfall == "domain_level_without_domain" && x.services == ["bedroom"]));
    // An unknown domain is refused and nothing moves.
    assert_eq!(f.ws.move_services(&[bedroom], Some("nowhere")).unwrap_err().code(), "not_found");
}

#[test]
fn map_positions_survive_a_reopen_and_follow_a_renamed_domain() {
    use opmodel_core::map::Position;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.opmodel");
    let mut ws = Workspace::open(&path).unwrap();
    demo::write_example(&mut ws, false).unwrap();
    let left = [Position { node: "domain:home-shopping".into(), x: 40, y: 120 }, Position { node: "team:home-shopping/bedroom-team".into(), x: 16, y: 210 }];
    ws.save_positions(&left).unwrap();
    drop(ws);
    let mut ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.positions().unwrap(), [left[0].clone(), left[1].clone()]);
    let renamed = opmodel_core::model::Domain { name: "shopping".into(), kind: opmodel_core::model::DomainKind::Product, on_call_budget_holder: HeadOfProduct };
    ws.save_domain(Some("home-shopping"), &renamed).unwrap();
    let nodes: Vec<String> = ws.positions().unwrap().into_iter().map(|p| p.node).collect();
    assert_eq!(nodes, ["domain:shopping", "team:shopping/bedroom-team"]);
}
