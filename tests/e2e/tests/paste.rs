//! Paste from a spreadsheet in the real window: a block on the X clipboard
//! (as Excel, LibreOffice or Google Sheets put it there), Ctrl+V into a cell,
//! a preview that refuses a bad row, then the fixed block added as one edit,
//! undone and redone.

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, count, eventually, screenshot, services, start_app_on, text};

/// Puts tab-separated rows on the clipboard, as a spreadsheet does.
fn copy(block: &str) {
    use std::io::Write;
    let mut xclip = std::process::Command::new("xclip").args(["-selection", "clipboard"]).stdin(std::process::Stdio::piped()).spawn().expect("xclip (make deps installs it)");
    xclip.stdin.take().unwrap().write_all(block.as_bytes()).unwrap();
    assert!(xclip.wait().unwrap().success());
}

async fn paste_into_bedroom_name(c: &Client) {
    let cell = c.find(Locator::Css("#services tr[data-service='bedroom'] [data-input=name]")).await.expect("bedroom's name");
    cell.click().await.unwrap();
    cell.send_keys("\u{E009}v").await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn a_pasted_block_is_checked_then_added_as_one_edit() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-paste-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("paste.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);

    let c = start_app_on(Some(&ws)).await;
    eventually("the services", || async { c.find(Locator::Css("#services tr[data-service='bedroom']")).await.ok() }).await;

    // Three rows, one with an exposure that is not an amount: the preview names its row and column and applies nothing.
    copy("bedroom\tdigital\tbedroom-team\thome-shopping\t300,000\tVery High\nchairs\tdigital\tchairs-team\t\t9000\tHigh\ntables\tdigital\tchairs-team\t\tlots\tHigh\n");
    paste_into_bedroom_name(&c).await;
    let problem = eventually("the problem", || async { text(&c, "dialog[data-dialog=paste] .problems li").await }).await;
    assert!(problem.contains("row 3") && problem.contains("exposure_per_hour") && problem.contains("lots"), "{problem}");
    screenshot(&c, "paste-refused.png").await;
    assert!(c.find(Locator::Css("dialog[data-dialog=paste] [data-action=apply-paste]")).await.unwrap().attr("disabled").await.unwrap().is_some());
    click(&c, "dialog[data-dialog=paste] [data-action=cancel]").await;
    assert_eq!(services(&ws).len(), 3, "nothing changed");

    // Fixed in the spreadsheet and pasted again: two added, one updated.
    copy("bedroom\tdigital\tbedroom-team\thome-shopping\t300,000\tVery High\nchairs\tdigital\tchairs-team\t\t9000\tHigh\ntables\tdigital\tchairs-team\t\t12000\tHigh\n");
    paste_into_bedroom_name(&c).await;
    let summary = eventually("the summary", || async { text(&c, "dialog[data-dialog=paste] [data-summary]").await }).await;
    assert!(summary.contains("2 to add") && summary.contains("1 to update"), "{summary}");
    screenshot(&c, "paste-preview.png").await;
    click(&c, "dialog[data-dialog=paste] [data-action=apply-paste]").await;
    eventually("tables in the grid", || async { c.find(Locator::Css("#services tr[data-service='tables']")).await.ok() }).await;
    assert_eq!(services(&ws).len(), 5);

    // One Undo takes back the whole paste; Redo makes it again.
    let body = c.find(Locator::Css("body")).await.unwrap();
    c.execute("document.activeElement && document.activeElement.blur()", vec![]).await.unwrap();
    body.send_keys("\u{E009}z").await.unwrap();
    eventually("the paste undone", || async { (count(&c, "#services tr[data-service]").await == 3).then_some(()) }).await;
    assert_eq!(services(&ws).len(), 3);
    body.send_keys("\u{E009}\u{E008}z").await.unwrap();
    eventually("the paste redone", || async { (count(&c, "#services tr[data-service]").await == 5).then_some(()) }).await;
    c.close().await.unwrap();
    let bedroom = services(&ws).into_iter().find(|s| s["name"] == "bedroom").unwrap();
    assert_eq!(bedroom["exposure_per_hour"], "300000.00");
}
