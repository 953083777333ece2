//! Desktop habits in the real window: the workspaces opened before are
//! offered on an empty plan and in the File menu, most recent first, and
//! open from there; the window comes back where it was left, at its size
//! (Xvfb with no window manager honours both: a window is placed where the
//! app or WebDriver puts it).

use std::path::Path;

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, eventually, restart_app_on, screenshot, start_app_on, window_state_file};

/// Waits for the header to name the open workspace (its title is the path;
/// WebDriver's visible text leaves out the ellipsised name).
async fn open_on(c: &Client, name: &str) {
    eventually(&format!("{name} in the header"), || async {
        let path = c.find(Locator::Css(".brand .workspace")).await.ok()?.attr("title").await.ok()??;
        path.ends_with(&format!("/{name}")).then_some(())
    })
    .await;
}

/// Waits until the app has written `rect` (x, y, width, height) as the window's place and size.
async fn saved_rect(file: &Path, rect: (u64, u64, u64, u64)) {
    eventually("the window's place and size saved", || async {
        let s: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
        ((s["x"].as_u64()?, s["y"].as_u64()?, s["width"].as_u64()?, s["height"].as_u64()?) == rect).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn recent_workspaces_and_the_window_rect_are_remembered() {
    // The test's folder, removed when the test ends, passed or not.
    let temp = tempfile::Builder::new().prefix("opmodel-e2e-desktop-").tempdir().expect("a temporary folder");
    let dir = temp.path();
    let (alpha, beta) = (dir.join("alpha.opmodel"), dir.join("beta.opmodel"));
    cli(&alpha, &["demo"]);
    let state_file = window_state_file();

    // A: the example.
    let c = start_app_on(Some(&alpha)).await;
    open_on(&c, "alpha.opmodel").await;
    let default_rect = c.get_window_rect().await.unwrap();
    c.close().await.unwrap();

    // B, a new plan: its empty page offers A; the window is made smaller and moved.
    let moved = (30, 20, 1100, 700);
    assert_ne!(default_rect, moved);
    let c = restart_app_on(Some(&beta)).await;
    let offered = async {
        open_on(&c, "beta.opmodel").await;
        let recent = "[data-action=open-recent]";
        eventually("Open recent on the empty plan", || async { c.find(Locator::Css(recent)).await.ok() }).await;
        let paths = c.find_all(Locator::Css(recent)).await.unwrap();
        let mut offered = Vec::new();
        for b in paths {
            offered.push(b.attr("data-path").await.unwrap().unwrap_or_default());
        }
        screenshot(&c, "empty-recent.png").await;
        c.set_window_rect(moved.0 as u32, moved.1 as u32, moved.2 as u32, moved.3 as u32).await.expect("move and resize the window");
        assert_eq!(c.get_window_rect().await.unwrap(), moved);
        saved_rect(&state_file, moved).await;
        offered
    }
    .await;
    c.close().await.unwrap();
    assert!(offered.iter().any(|p| p.ends_with("/alpha.opmodel")), "{offered:?}");
    assert!(!offered.iter().any(|p| p.ends_with("/beta.opmodel")), "the open plan is not offered: {offered:?}");

    // No argument: the run's own workspace. The window is where it was left,
    // at its size; the File menu lists B above A, and A opens from it.
    let c = restart_app_on(None).await;
    let result = async {
        open_on(&c, "e2e.opmodel").await;
        assert_eq!(c.get_window_rect().await.unwrap(), moved, "the window comes back where it was left, at its size");
        click(&c, "[data-action=file]").await;
        let items = eventually("the File menu", || async {
            let items = c.find_all(Locator::Css("#file-menu [role=menuitem]")).await.ok()?;
            (!items.is_empty()).then_some(items)
        })
        .await;
        let mut labels = Vec::new();
        for item in items {
            labels.push(item.text().await.unwrap());
        }
        let at = |name: &str| labels.iter().position(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} in the File menu: {labels:?}"));
        assert!(at("beta.opmodel") < at("alpha.opmodel"), "most recent first: {labels:?}");
        assert!(labels[at("alpha.opmodel")].contains(&dir.display().to_string()), "the folder beside the name: {labels:?}");
        assert!(!labels.iter().any(|l| l.starts_with("e2e.opmodel")), "the open workspace is not listed: {labels:?}");
        screenshot(&c, "file-menu-recent.png").await;
        click(&c, "#file-menu [data-item$='/alpha.opmodel']").await;
        open_on(&c, "alpha.opmodel").await;
        eventually("alpha's services", || async { (c.find_all(Locator::Css("#services tr[data-service]")).await.ok()?.len() == 3).then_some(()) }).await;
    }
    .await;
    c.close().await.unwrap();
    result
}
