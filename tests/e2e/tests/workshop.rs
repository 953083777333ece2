//! The workshop in the real window: the selector shows each service where
//! the selector puts it, with its reason; a team in an incident reads its
//! class in seconds and records it; the effectiveness follows.

use fantoccini::Locator;
use opmodel_e2e::{cli, click, eventually, screenshot, start_app_on, text, type_over};

#[tokio::test(flavor = "current_thread")]
async fn the_selector_and_the_incident_calculator() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-workshop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("workshop.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);

    let c = start_app_on(Some(&ws)).await;
    let result = async {
        // The selector: bedroom (99.0%, very high demand) is in the 99.0% row, Very High column, green.
        click(&c, "[data-tab=selector]").await;
        let mark = "#selector [data-cell='1-3'] [data-service='bedroom']";
        eventually("bedroom on the selector", || async { c.find(Locator::Css(mark)).await.ok() }).await;
        assert!(c.find(Locator::Css("#selector [data-cell='0-2'] [data-service='appointments']")).await.is_ok(), "appointments at 95.0%, High");
        assert!(c.find(Locator::Css("#selector [data-cell='2-0'] [data-service='ecommerce-platform']")).await.is_ok(), "ecommerce-platform at 99.9%, Low");
        screenshot(&c, "selector.png").await;
        click(&c, mark).await;
        let reason = eventually("bedroom's reason", || async {
            let all = c.find_all(Locator::Css("#selector .reason, [role=dialog] .reason")).await.ok()?;
            for r in all {
                if let Ok(t) = r.text().await {
                    if t.contains("selector step 3") {
                        return Some(t);
                    }
                }
            }
            None
        })
        .await;
        assert!(reason.contains("weekly or more often"), "{reason}");
        screenshot(&c, "selector-reason.png").await;
        c.execute("document.activeElement && document.activeElement.blur()", vec![]).await.unwrap();

        // Presenter mode: P hides the editing chrome, P again brings it back.
        assert!(opmodel_e2e::count(&c, "#selector-panel select").await > 0, "the model panel edits outside presenter mode");
        c.find(Locator::Css("body")).await.unwrap().send_keys("p").await.unwrap();
        eventually("presenter mode", || async { c.find(Locator::Css(".app.presenter")).await.ok() }).await;
        assert_eq!(opmodel_e2e::count(&c, "#selector-panel select").await, 0, "the side panel reads, it does not edit, on a projector");
        assert!(text(&c, "#selector-panel .reason").await.is_some_and(|t| t.contains("selector step 3")), "the reason stays");
        screenshot(&c, "selector-presenter.png").await;
        click(&c, "[data-action=leave-presenter]").await;

        // The live calculator: bedroom, 3 minutes so far: 10,000.00, exactly the medium threshold.
        click(&c, "[data-tab=incidents]").await;
        let service = eventually("the live calculator", || async { c.find(Locator::Css("[data-input=live-service]")).await.ok() }).await;
        service.select_by_value("bedroom").await.expect("choose bedroom");
        let minutes = c.find(Locator::Css("[data-input=live-minutes]")).await.expect("minutes");
        type_over(&minutes, "3").await;
        eventually("Medium", || async { text(&c, "[data-live=class]").await.filter(|t| t.contains("Medium")) }).await;
        assert_eq!(text(&c, "[data-live=loss]").await.unwrap().trim(), "10,000.00");
        // Half an hour: 100,000.00, a major incident: restore immediately.
        type_over(&minutes, "30").await;
        eventually("High", || async { text(&c, "[data-live=class]").await.filter(|t| t.contains("High")) }).await;
        assert!(text(&c, "[data-live=response]").await.unwrap().contains("immediately"));
        screenshot(&c, "incident-live.png").await;

        // Recorded from the calculator: the effectiveness table follows (100,000 of 336,000 projected: 70.24%).
        click(&c, "[data-action=record-live]").await;
        click(&c, "[data-action=save-incident]").await;
        let net = "[data-aggregate='operating_model:you_build_it_you_run_it'] [data-col=net_effectiveness]";
        let shown = eventually("the effectiveness", || async { text(&c, net).await.filter(|t| !t.trim().is_empty()) }).await;
        assert!(shown.contains("70.24"), "{shown}");
        screenshot(&c, "incidents.png").await;
        let report: serde_json::Value = serde_json::from_str(&cli(&ws, &["report", "incidents", "--format", "json"])).unwrap();
        assert_eq!(report["incidents"][0]["effectiveness"], "70.24");

        // Evidence against assumptions: the log's 30 minutes beside the assumed 35, and one click to use it
        // (5 minutes to acknowledge, so 25 to restore).
        click(&c, "[data-tab=costs]").await;
        let measured = "[data-table=evidence] tr[data-model=you_build_it_you_run_it] td[data-col=measured]";
        let shown = eventually("the measured figure", || async { text(&c, measured).await.filter(|t| !t.trim().is_empty()) }).await;
        assert_eq!(shown.trim(), "30 (1)");
        click(&c, "[data-action=use-measured-you_build_it_you_run_it]").await;
        eventually("the assumption to follow", || async {
            cli(&ws, &["settings", "list"]).contains("you_build_it_you_run_it_time_to_restore_minutes = 25").then_some(())
        })
        .await;
    }
    .await;
    c.close().await.expect("close the session");
    result
}
