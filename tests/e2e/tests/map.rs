//! The domain map in the real window: a service dragged from its domain to
//! the tray is one edit, the header shows what it did to the schedules, and
//! a domain box dragged elsewhere is where it was left after a reopen.

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, drag, eventually, screenshot, services, shown, start_app_on, text};

/// The canvas position (not the screen position, which follows pan and zoom) of a node.
async fn node_transform(c: &Client, id: &str) -> String {
    let css = format!(".svelte-flow__node[data-id='{id}']");
    let node = eventually(&css, || async { c.find(Locator::Css(&css)).await.ok() }).await;
    node.attr("style").await.unwrap().unwrap_or_default().split(';').find(|p| p.contains("transform")).unwrap_or_default().trim().to_string()
}

async fn schedules(c: &Client) -> String {
    eventually("the schedule count", || async { text(c, "[data-map=schedules]").await.filter(|t| t != "…") }).await
}

#[tokio::test(flavor = "current_thread")]
async fn a_move_on_the_map_is_an_edit_and_the_layout_is_kept() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("map.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);

    let c = start_app_on(Some(&ws)).await;
    let moved_to = async {
        click(&c, "[data-tab=map]").await;
        let bedroom = "[data-id^='team:home-shopping/'] [data-service='bedroom']";
        let from = shown(&c, bedroom).await;
        // The example: bedroom's team schedule, the home-shopping domain schedule and application support.
        assert_eq!(schedules(&c).await, "3");
        assert_eq!(text(&c, "[data-map=standby]").await.unwrap(), "52,000.00");
        screenshot(&c, "map.png").await;

        // Drag bedroom out of every domain: its team's own schedule covers it every day, the domain schedule goes.
        // Onto the tray, below its team card.
        let tray = shown(&c, "[data-id^='team:/']").await;
        drag(&c, &from, &tray, (0.0, 120.0)).await;
        eventually("bedroom in the tray", || async { c.find(Locator::Css("[data-id^='team:/'] [data-service='bedroom']")).await.ok() }).await;
        eventually("two schedules", || async { (schedules(&c).await == "2").then_some(()) }).await;
        let change = text(&c, "[data-map=change]").await.unwrap();
        assert!(change.contains("bedroom"), "the header says what moved: {change}");
        screenshot(&c, "map-after-move.png").await;

        // Drag the home-shopping box by its heading to somewhere else on the canvas.
        let head = shown(&c, "[data-domain='home-shopping'] .region-head").await;
        let before = node_transform(&c, "domain:home-shopping").await;
        let canvas = c.find(Locator::Css(".svelte-flow__pane")).await.unwrap();
        drag(&c, &head, &canvas, (250.0, 150.0)).await;
        // Mid-drag the box sits at fractions of a pixel; where it is dropped is rounded to whole pixels and kept.
        let whole = |t: &str| t.split(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == '-')).filter(|n| !n.is_empty()).all(|n| !n.contains('.'));
        let after = eventually("the box dropped somewhere else", || async {
            let now = node_transform(&c, "domain:home-shopping").await;
            (now != before && whole(&now)).then_some(now)
        })
        .await;

        // Presenter mode: larger type, no editing chrome.
        c.execute("document.activeElement && document.activeElement.blur()", vec![]).await.unwrap();
        c.find(Locator::Css("body")).await.unwrap().send_keys("p").await.unwrap();
        eventually("presenter mode", || async { c.find(Locator::Css(".app.presenter")).await.ok() }).await;
        assert_eq!(c.find_all(Locator::Css("[data-action=new-domain]")).await.unwrap().len(), 0, "no editing chrome");
        screenshot(&c, "map-presenter.png").await;
        after
    }
    .await;
    c.close().await.unwrap();

    // The move is in the file, and the box is where it was left when the workspace is opened again.
    let bedroom = services(&ws).into_iter().find(|s| s["name"] == "bedroom").unwrap();
    assert!(bedroom["domain"].is_null(), "{bedroom}");
    let c = start_app_on(Some(&ws)).await;
    click(&c, "[data-tab=map]").await;
    shown(&c, "[data-id^='team:/'] [data-service='bedroom']").await;
    let reopened = node_transform(&c, "domain:home-shopping").await;
    c.close().await.unwrap();
    assert_eq!(reopened, moved_to, "the box is where it was left");
}

/// A workshop's portfolio: 150 services over 40 teams in 15 domains (two of them geography, not recommended).
fn workshop(dir: &std::path::Path) -> std::path::PathBuf {
    let ws = dir.join("workshop.opmodel");
    let _ = std::fs::remove_file(&ws);
    let mut domains = String::from("name,kind,on_call_budget_holder\n");
    for d in 0..15 {
        let kind = if d < 2 { "geography" } else { "product" };
        domains += &format!("journey-{d:02},{kind},head_of_product\n");
    }
    let mut teams = String::from("name,funding,on_call_participants\n");
    for t in 0..40 {
        teams += &format!("team-{t:02},product,{}\n", 2 + t % 5);
    }
    let mut services = String::from("name,kind,team,domain,exposure_per_hour,feature_demand\n");
    for s in 0..150 {
        let exposure = [2_000, 9_000, 120_000, 300_000, 900_000][s % 5];
        let demand = ["Low", "Medium", "High", "Very High"][s % 4];
        let domain = if s % 25 == 24 { String::new() } else { format!("journey-{:02}", s % 40 % 15) };
        services += &format!("service-{s:03},digital,team-{:02},{domain},{exposure},{demand}\n", s % 40);
    }
    for (what, csv) in [("domains", domains), ("teams", teams), ("services", services)] {
        let file = dir.join(format!("workshop-{what}.csv"));
        std::fs::write(&file, csv).unwrap();
        cli(&ws, &["import", what, file.to_str().unwrap()]);
    }
    ws
}

#[tokio::test(flavor = "current_thread")]
async fn a_workshop_of_150_services_fits_on_a_projector() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-workshop-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = workshop(&dir);
    let c = start_app_on(Some(&ws)).await;
    c.set_window_size(1280, 720).await.unwrap();
    click(&c, "[data-tab=map]").await;
    let regions = ".svelte-flow__node[data-id^='domain:']";
    eventually("fifteen domains and the tray", || async { (opmodel_e2e::count(&c, regions).await == 16).then_some(()) }).await;
    assert_eq!(opmodel_e2e::count(&c, "[data-id^='team:/']").await, 6, "the teams of the six services in no domain, in the tray");
    shown(&c, regions).await;
    click(&c, "[data-action=fit]").await;
    screenshot(&c, "map-workshop-1280.png").await;
    c.execute("document.activeElement && document.activeElement.blur()", vec![]).await.unwrap();
    c.find(Locator::Css("body")).await.unwrap().send_keys("p").await.unwrap();
    eventually("presenter mode", || async { c.find(Locator::Css(".app.presenter")).await.ok() }).await;
    screenshot(&c, "map-workshop-presenter.png").await;
    c.close().await.unwrap();
}
