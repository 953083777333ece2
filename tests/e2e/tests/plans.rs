//! Scenarios and restore points in the real window: keep the plan as
//! "as-is", change an exposure, compare the two budgets; a wrong import is
//! one restore away from undone.

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, eventually, saved, screenshot, services, start_app_on, text, type_over};

async fn figure(c: &Client, measure: &str, col: &str) -> String {
    let css = format!("#compare tr[data-measure='{measure}'] td[data-col={col}]");
    eventually(&css, || async { text(c, &css).await }).await.trim().to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn compare_a_scenario_and_restore_after_a_wrong_import() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-plans-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("plans.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);

    let c = start_app_on(Some(&ws)).await;
    async {
        // Keep the example as "as-is".
        click(&c, "[data-tab=plans]").await;
        let name = eventually("the scenario name", || async { c.find(Locator::Css("[data-input=scenario-name]")).await.ok() }).await;
        type_over(&name, "as-is").await;
        eventually("as-is in the list", || async { c.find(Locator::Css("tr[data-scenario='as-is']")).await.ok() }).await;

        // bedroom at 2,000 an hour needs no domain cover out of hours: the domain schedule goes, its peak week stays.
        click(&c, "[data-tab=services]").await;
        let exposure = eventually("bedroom's exposure", || async {
            c.find(Locator::Css("#services tr[data-service='bedroom'] [data-input=exposure_per_hour]")).await.ok()
        })
        .await;
        type_over(&exposure, "2000").await;
        saved(&c).await;

        click(&c, "[data-tab=plans]").await;
        click(&c, "tr[data-scenario='as-is'] [data-action=compare]").await;
        assert_eq!(figure(&c, "Budget total", "a").await, "52,000.00");
        eventually("the working plan's budget", || async {
            let b = text(&c, "#compare tr[data-measure='Budget total'] td[data-col=b]").await?;
            (b.trim() == "26,500.00").then_some(())
        })
        .await;
        assert!(figure(&c, "Budget total", "change").await.contains("25,500.00"));
        screenshot(&c, "plans-compare.png").await;

        // Duplicate "as-is", then rename the copy: both keep as-is's plan.
        click(&c, "tr[data-scenario='as-is'] [data-action=duplicate]").await;
        let new_name = eventually("the new name", || async { c.find(Locator::Css("[data-input=scenario-new-name]")).await.ok() }).await;
        type_over(&new_name, "workshop").await;
        eventually("the copy", || async { c.find(Locator::Css("tr[data-scenario='workshop']")).await.ok() }).await;
        click(&c, "tr[data-scenario='workshop'] [data-action=rename]").await;
        let new_name = eventually("the new name", || async { c.find(Locator::Css("[data-input=scenario-new-name]")).await.ok() }).await;
        type_over(&new_name, "to-be").await;
        eventually("renamed", || async { c.find(Locator::Css("tr[data-scenario='to-be']")).await.ok() }).await;
        assert!(c.find(Locator::Css("tr[data-scenario='workshop']")).await.is_err(), "the old name is gone");
        assert!(c.find(Locator::Css("tr[data-scenario='as-is']")).await.is_ok(), "the original stays");
        screenshot(&c, "plans-scenarios.png").await;
    }
    .await;

    // The wrong spreadsheet, imported from the command line while the app is open: every exposure becomes 1.
    let wrong = dir.join("wrong.csv");
    std::fs::write(
        &wrong,
        "name,kind,team,domain,exposure_per_hour,feature_demand,peak_exposure_per_hour,peak_periods,out_of_hours_incidents_per_year\n\
         ecommerce-platform,foundational,app-support,,1,Low,,,6\nappointments,digital,appointments-team,home-shopping,1,High,,,4\n",
    )
    .unwrap();
    cli(&ws, &["import", "services", wrong.to_str().unwrap()]);
    let exposure = |name: &str| services(&ws).into_iter().find(|s| s["name"] == name).unwrap()["exposure_per_hour"].as_str().unwrap().to_string();
    assert_eq!(exposure("appointments"), "1.00");

    // History: the newest restore point was taken before that import; restoring it brings the old figures back.
    click(&c, "[data-tab=services]").await;
    click(&c, "[data-tab=plans]").await;
    let newest = "[data-table=history] tr[data-restore-point]";
    eventually("the restore point before the import", || async {
        text(&c, &format!("{newest} [data-col=before]")).await.filter(|t| t.contains("wrong.csv"))
    })
    .await;
    click(&c, &format!("{newest} [data-action=restore]")).await;
    click(&c, "dialog[data-dialog=confirm] [data-action=confirm]").await;
    eventually("restored", || async { c.find(Locator::Css("[data-restored]")).await.ok() }).await;
    screenshot(&c, "plans-history.png").await;
    click(&c, "[data-tab=services]").await;
    let shown = eventually("appointments' exposure back", || async {
        let v = c.find(Locator::Css("#services tr[data-service='appointments'] [data-input=exposure_per_hour]")).await.ok()?.prop("value").await.ok()??;
        (v != "1.00" && v != "1").then_some(v)
    })
    .await;
    c.close().await.unwrap();
    assert_eq!(shown.replace(',', "").trim_end_matches(".00"), "6000", "the table shows the old exposure");
    assert_eq!(exposure("appointments"), "6000.00");
}
