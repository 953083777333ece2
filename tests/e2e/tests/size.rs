//! A 10,000-service workspace in the real window: only the rows in sight
//! are drawn, an edit reaches its derived cell, and Find brings the last
//! service to hand.

use fantoccini::Locator;
use opmodel_e2e::{cli, count, eventually, saved, screenshot, start_app_on, text, type_over};

#[tokio::test(flavor = "current_thread")]
async fn ten_thousand_services_edit_like_three() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("large.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);
    let mut csv = String::from("name,kind,team,domain,exposure_per_hour,feature_demand\n");
    for i in 0..9_997 {
        csv += &format!("service-{i:05},digital,team-{:03},domain-{:02},{},High\n", i % 100, i % 10, [2_000, 120_000, 900_000][i % 3]);
    }
    let file = dir.join("large.csv");
    std::fs::write(&file, csv).unwrap();
    cli(&ws, &["import", "services", file.to_str().unwrap()]);

    let c = start_app_on(Some(&ws)).await;
    let target = |name: &str| format!("#services tr[data-service='{name}'] td[data-col=availability_target]");
    eventually("the table", || async { text(&c, &target("bedroom")).await }).await;
    assert_eq!(text(&c, "[data-count]").await.unwrap().trim(), "10,000 services");
    let drawn = count(&c, "#services tr[data-service]").await;
    assert!(drawn < 100, "only the rows in sight are drawn: {drawn}");

    let exposure = c.find(Locator::Css("#services tr[data-service='bedroom'] [data-input=exposure_per_hour]")).await.unwrap();
    type_over(&exposure, "900000").await;
    eventually("bedroom at 99.9%", || async { text(&c, &target("bedroom")).await.filter(|t| t.contains("99.9")) }).await;
    saved(&c).await;

    // The last service, found by name and edited.
    let find = c.find(Locator::Css("[data-input=filter]")).await.unwrap();
    find.send_keys("service-09996").await.unwrap();
    let last = eventually("the last service", || async {
        c.find(Locator::Css("#services tr[data-service='service-09996'] [data-input=exposure_per_hour]")).await.ok()
    })
    .await;
    assert_eq!(text(&c, "[data-count]").await.unwrap().trim(), "1 of 10,000 services");
    type_over(&last, "2000").await;
    eventually("service-09996 at 95.0%", || async { text(&c, &target("service-09996")).await.filter(|t| t.contains("95.0")) }).await;
    screenshot(&c, "services-10000.png").await;
    c.close().await.unwrap();
}
