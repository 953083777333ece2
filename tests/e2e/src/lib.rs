//! Helpers for the end-to-end test of the real app (tests/window.rs), run by
//! tests/e2e/run.sh under Xvfb with tauri-driver and WebKitWebDriver.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// A value the run script must provide.
pub fn env_path(key: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(key).unwrap_or_else(|| panic!("{key} is not set: run this test through tests/e2e/run.sh")))
}

/// Starts the app through tauri-driver, on the run script's workspace.
pub async fn start_app() -> Client {
    start_app_on(None).await
}

/// Starts the app through tauri-driver; on `workspace` when given (the app
/// opens a workspace named on its command line). The window starts at its
/// configured size: the app remembers the last one in the run's config
/// folder, and a test that resized it must not narrow the next one's.
pub async fn start_app_on(workspace: Option<&std::path::Path>) -> Client {
    let _ = std::fs::remove_file(window_state_file());
    restart_app_on(workspace).await
}

/// Where the app keeps the window's size and place (run.sh's throwaway config folder).
pub fn window_state_file() -> PathBuf {
    env_path("XDG_CONFIG_HOME").join("app.opmodel.planner").join("window-state.json")
}

/// Starts the app as `start_app_on` does, but with the window where the last
/// start left it.
pub async fn restart_app_on(workspace: Option<&std::path::Path>) -> Client {
    let app = env_path("OPMODEL_APP");
    let url = std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| "http://127.0.0.1:4444".into());
    let args: Vec<String> = workspace.map(|w| w.display().to_string()).into_iter().collect();
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), serde_json::json!({ "application": app, "args": args }));
    caps.insert("browserName".into(), "wry".into());
    ClientBuilder::rustls().expect("tls").capabilities(caps).connect(&url).await.expect("connect to tauri-driver")
}

/// Waits up to ten seconds for `check` to return Some.
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..100 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The text of the first element matching `css`, if there is one.
pub async fn text(c: &Client, css: &str) -> Option<String> {
    c.find(Locator::Css(css)).await.ok()?.text().await.ok()
}

/// Replaces a field's text and presses Enter: select all, then type over
/// it. Two calls, because WebKitWebDriver drops what follows a Ctrl+A in the
/// same one (modifiers are released between calls).
pub async fn type_over(field: &Element, text: &str) {
    field.click().await.expect("focus the field");
    field.send_keys("\u{E009}a").await.expect("select the field's text");
    field.send_keys(&format!("{text}\u{E007}")).await.expect("type into the field");
}

/// Waits for the header to say the last edit is saved.
pub async fn saved(c: &Client) {
    eventually("the save status", || async { (text(c, "#save-status").await?.trim() == "Saved").then_some(()) }).await;
}

/// Saves a screenshot once two frames have been drawn (an earlier one can
/// show the frame before the last edit), and says where.
pub async fn screenshot(c: &Client, name: &str) -> PathBuf {
    c.execute_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![])
        .await
        .expect("two frames");
    let png = c.screenshot().await.expect("screenshot");
    let dir = env_path("E2E_ARTIFACTS");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    let path = dir.join(name);
    std::fs::write(&path, png).expect("write screenshot");
    eprintln!("screenshot: {}", path.display());
    path
}

/// Runs the `opmodel` CLI on a workspace and returns its standard output.
pub fn cli(workspace: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env_path("OPMODEL_CLI")).args(args).arg("--workspace").arg(workspace).output().expect("run opmodel");
    assert!(out.status.success(), "opmodel {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The services of a workspace as the CLI reports them (JSON).
pub fn services(workspace: &std::path::Path) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&cli(workspace, &["report", "services", "--format", "json"])).expect("json").as_array().expect("array").clone()
}

/// Clicks the first element matching `css`, waiting for it to appear.
pub async fn click(c: &Client, css: &str) {
    let e = eventually(css, || async { c.find(Locator::Css(css)).await.ok() }).await;
    e.click().await.unwrap_or_else(|err| panic!("click {css}: {err}"));
}

/// The first element matching `css` once it is drawn: a canvas node exists
/// in the page before its layout makes it visible, and cannot be dragged until then.
pub async fn shown(c: &Client, css: &str) -> Element {
    eventually(&format!("{css} shown"), || async {
        let e = c.find(Locator::Css(css)).await.ok()?;
        e.is_displayed().await.ok()?.then_some(e)
    })
    .await
}

/// The number of elements matching `css`.
pub async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.map_or(0, |v| v.len())
}

/// Drags with the mouse, as a person would: press on `from`, move a little
/// (so a click is not taken for a drag), glide to `to` and let go there.
pub async fn drag(c: &Client, from: &Element, to: &Element, offset: (f64, f64)) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let step = Some(Duration::from_millis(150));
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: from.clone(), duration: None, x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: step, x: 12.0, y: 12.0 })
        .then(PointerAction::MoveToElement { element: to.clone(), duration: step, x: offset.0, y: offset.1 })
        .then(PointerAction::MoveToElement { element: to.clone(), duration: step, x: offset.0 + 2.0, y: offset.1 + 2.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(mouse).await.expect("drag");
    c.release_actions().await.expect("release the mouse");
}
