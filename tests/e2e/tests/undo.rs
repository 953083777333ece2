//! Undo and redo in the real window: Ctrl+Z takes back a saved edit,
//! Ctrl+Shift+Z makes it again, and the history is still there after a restart.

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, eventually, saved, services, start_app_on, text, type_over};

const EXPOSURE: &str = "#services tr[data-service='bedroom'] [data-input=exposure_per_hour]";
const TARGET: &str = "#services tr[data-service='bedroom'] td[data-col=availability_target]";

async fn target_is(c: &Client, want: &str) {
    eventually(want, || async { text(c, TARGET).await.filter(|t| t.contains(want)) }).await;
}

async fn keys(c: &Client, keys: &str) {
    c.find(Locator::Css(EXPOSURE)).await.unwrap().send_keys(keys).await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn ctrl_z_takes_back_a_saved_edit_and_the_history_survives_a_restart() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-undo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("undo.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);
    let exposure = |ws: &std::path::Path| services(ws).into_iter().find(|s| s["name"] == "bedroom").unwrap()["exposure_per_hour"].as_str().unwrap().to_string();

    let c = start_app_on(Some(&ws)).await;
    let field = eventually("bedroom's exposure", || async { c.find(Locator::Css(EXPOSURE)).await.ok() }).await;
    target_is(&c, "99.0").await;
    type_over(&field, "900000").await;
    saved(&c).await;
    target_is(&c, "99.9").await;

    // Ctrl+Z in the field just saved: the edit is taken back, not only the typing.
    keys(&c, "\u{E009}z").await;
    target_is(&c, "99.0").await;
    assert!(text(&c, "#save-status").await.unwrap().contains("Undone: edit bedroom"));
    assert_eq!(exposure(&ws), "200000.00");
    // Ctrl+Shift+Z makes it again.
    keys(&c, "\u{E009}\u{E008}z").await;
    target_is(&c, "99.9").await;
    assert_eq!(exposure(&ws), "900000.00");
    c.close().await.unwrap();

    // After a restart the Edit menu still offers to take it back.
    let c = start_app_on(Some(&ws)).await;
    click(&c, "[data-action=edit]").await;
    let undo = "[data-item=undo]";
    let label = eventually("the Undo item", || async { text(&c, undo).await }).await;
    assert!(label.contains("Undo edit bedroom"), "{label}");
    click(&c, undo).await;
    target_is(&c, "99.0").await;
    c.close().await.unwrap();
    assert_eq!(exposure(&ws), "200000.00");
}
