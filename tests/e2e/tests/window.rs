//! The real app in a real window: load the example, read the services table,
//! edit an exposure, see the target change and the edit saved, read the
//! budget, change a rate in the settings and a team's rota.

use fantoccini::Locator;
use opmodel_e2e::{env_path, eventually, saved, screenshot, start_app, text, type_over};

#[tokio::test(flavor = "current_thread")]
async fn load_the_example_read_the_plan_and_edit_an_exposure() {
    let c = start_app().await;
    let result = async {
        let load = eventually("the load-example button", || async { c.find(Locator::Css("[data-action=load-example]")).await.ok() }).await;
        load.click().await.expect("click load example");
        eventually("three services in the table", || async {
            let rows = c.find_all(Locator::Css("#services tr[data-service]")).await.ok()?;
            (rows.len() == 3).then_some(())
        })
        .await;

        let cell = |service: &str, col: &str| format!("#services tr[data-service='{service}'] td[data-col={col}]");
        for (service, target, tolerable, deployment, model, ooh) in [
            ("ecommerce-platform", "99.9%", "0:10:05", "Monthly", "Ops Run It", "App support rota"),
            ("appointments", "95.0%", "8:24:00", "Weekly", "You Build It You Run It", "None"),
            ("bedroom", "99.0%", "1:40:48", "Daily", "You Build It You Run It", "Domain"),
        ] {
            assert_eq!(text(&c, &cell(service, "availability_target")).await.unwrap().trim(), target, "{service}");
            assert_eq!(text(&c, &cell(service, "tolerable_unavailability")).await.unwrap().trim(), tolerable, "{service}");
            assert_eq!(text(&c, &cell(service, "deployment_target")).await.unwrap().trim(), deployment, "{service}");
            assert!(text(&c, &cell(service, "operating_model")).await.unwrap().contains(model), "{service}");
            assert_eq!(text(&c, &cell(service, "on_call_out_of_hours")).await.unwrap().trim(), ooh, "{service}");
        }
        screenshot(&c, "services-example.png").await;

        // bedroom at 300,000 an hour is above the 250,000 band: 99.9%, team on call.
        let input = c.find(Locator::Css("#services tr[data-service='bedroom'] [data-input=exposure_per_hour]")).await.expect("exposure input");
        type_over(&input, "300000").await;
        eventually("bedroom's target to become 99.9%", || async {
            (text(&c, &cell("bedroom", "availability_target")).await?.trim() == "99.9%").then_some(())
        })
        .await;
        assert_eq!(text(&c, &cell("bedroom", "on_call_out_of_hours")).await.unwrap().trim(), "Team");
        saved(&c).await;
        screenshot(&c, "services-edited.png").await;

        // Incidents and peak live under the row: bedroom's Black Friday peak is there; its incidents change.
        c.find(Locator::Css("#services tr[data-service='bedroom'] [data-action=details]")).await.expect("details button").click().await.expect("open details");
        let details = "#services tr[data-details='bedroom']";
        let periods = eventually("bedroom's peak days", || async {
            c.find(Locator::Css(&format!("{details} [data-input=peak_periods]"))).await.ok()?.prop("value").await.ok().flatten()
        })
        .await;
        assert_eq!(periods, "2026-11-23..2026-11-29");
        let incidents = c.find(Locator::Css(&format!("{details} [data-input=out_of_hours_incidents_per_year]"))).await.expect("incidents input");
        type_over(&incidents, "12").await;
        saved(&c).await;
        screenshot(&c, "service-details.png").await;

        // The Costs view: the budget and the premium comparison from the same plan.
        c.find(Locator::Css("[data-tab=costs]")).await.expect("costs tab").click().await.expect("open costs");
        let total = eventually("the budget total", || async { text(&c, "[data-total=budget]").await.filter(|t| !t.trim().is_empty()) }).await;
        // bedroom at 300,000 is on its team's schedule all year (26,000) beside the rota (26,000).
        assert_eq!(total.trim(), "52,000.00");
        screenshot(&c, "costs.png").await;

        // The Settings view: a rate it cannot read is refused, saying what it
        // expects; a good one is saved and the budget follows.
        c.find(Locator::Css("[data-tab=settings]")).await.expect("settings tab").click().await.expect("open settings");
        // A rate is an amount and a unit, in words: "lots" is refused beside the field, in words.
        let rate = eventually("the standby rate setting", || async { c.find(Locator::Css("[data-input=developer_standby_rate]")).await.ok() }).await;
        type_over(&rate, "lots").await;
        let problem = eventually("the refusal", || async { text(&c, "[data-problem=developer_standby_rate]").await.filter(|t| !t.trim().is_empty()) }).await;
        assert!(problem.contains("Type an amount"), "{problem}");
        assert!(!problem.contains("developer_standby_rate"), "no internal key: {problem}");
        assert_ne!(text(&c, "#save-status").await.unwrap_or_default().trim(), "Could not save", "a refused value is not a failed workspace");
        screenshot(&c, "settings-refused.png").await;
        type_over(&rate, "600").await;
        eventually("the refusal to clear", || async { c.find(Locator::Css("[data-problem=developer_standby_rate]")).await.is_err().then_some(()) }).await;
        saved(&c).await;
        screenshot(&c, "settings.png").await;

        // Teams & domains: bedroom-team's rota shrinks to two people.
        c.find(Locator::Css("[data-tab=organisation]")).await.expect("teams tab").click().await.expect("open teams");
        let people = eventually("bedroom-team's participants", || async {
            c.find(Locator::Css("#teams tr[data-team='bedroom-team'] [data-input=on_call_participants]")).await.ok()
        })
        .await;
        type_over(&people, "2").await;
        saved(&c).await;
        screenshot(&c, "teams.png").await;

        c.find(Locator::Css("[data-tab=costs]")).await.expect("costs tab").click().await.expect("open costs");
        // bedroom-team's schedule at 600 a week is 31,200 a year, beside the rota's 26,000.
        eventually("the budget at the new rate", || async { (text(&c, "[data-total=budget]").await?.trim() == "57,200.00").then_some(()) }).await;
        let participants = "tr[data-schedule='team schedule: bedroom-team'] td[data-col=participants]";
        assert_eq!(text(&c, participants).await.unwrap().trim(), "2");

        // Callout paid on top of standby is in the budget, line by line.
        c.find(Locator::Css("[data-tab=settings]")).await.expect("settings tab").click().await.expect("open settings");
        let model = eventually("the remuneration setting", || async { c.find(Locator::Css("[data-input=remuneration_model]")).await.ok() }).await;
        model.select_by_value("standby_and_callout").await.expect("choose standby and callout");
        saved(&c).await;
        let callout_rate = c.find(Locator::Css("[data-input=developer_callout_rate]")).await.expect("the callout rate");
        type_over(&callout_rate, "75").await;
        saved(&c).await;
        c.find(Locator::Css("[data-tab=costs]")).await.expect("costs tab").click().await.expect("open costs");
        // bedroom's 12 incidents × 2 hours × 75 on its team's schedule: 1,800 beside the 57,200 of standby.
        eventually("the budget with callout", || async { (text(&c, "[data-total=budget]").await?.trim() == "59,000.00").then_some(()) }).await;
        assert_eq!(text(&c, "tr[data-line-item='bedroom'] td[data-col=callout]").await.unwrap().trim(), "1,800.00");
        // appointments (95.0%) has nobody on call under YBIYRI: each incident waits for working hours.
        let loss = "tr[data-service='appointments'] td[data-col=expected_loss][data-model=you_build_it_you_run_it]";
        assert_eq!(text(&c, loss).await.unwrap().trim(), "491,442.23");
        assert!(text(&c, "[data-uncovered='appointments']").await.unwrap().contains("364 days"));
        c.execute("document.querySelector(\"[data-table=service-premiums]\").scrollIntoView()", vec![]).await.expect("scroll");
        screenshot(&c, "costs-premiums.png").await;
        c.find(Locator::Css("[data-tab=services]")).await.expect("services tab").click().await.expect("back to services");

        // The edit is in the workspace file, as the CLI reads it.
        let out = std::process::Command::new(env_path("OPMODEL_CLI"))
            .args(["report", "services", "--format", "json", "--workspace"])
            .arg(env_path("OPMODEL_WORKSPACE"))
            .output()
            .expect("run opmodel");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
        let bedroom = report.as_array().unwrap().iter().find(|s| s["name"] == "bedroom").unwrap();
        assert_eq!(bedroom["exposure_per_hour"], "300000.00");
        assert_eq!(bedroom["availability_target"], "99.9");
        assert_eq!(bedroom["out_of_hours_incidents_per_year"], "12");
    }
    .await;
    c.close().await.expect("close the session");
    result
}
