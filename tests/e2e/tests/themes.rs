//! Light and dark in the real window: the header's theme switch turns the
//! whole app dark (every view is photographed to be looked at), the choice
//! is remembered when the app is started again, and Light brings the light
//! palette back.

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, click, eventually, screenshot, start_app_on, text, type_over};

async fn eval(c: &Client, script: &str) -> String {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}")).as_str().unwrap_or_default().to_string()
}

async fn theme(c: &Client) -> String {
    eval(c, "return document.documentElement.dataset.theme || ''").await
}

async fn page_background(c: &Client) -> String {
    eval(c, "return getComputedStyle(document.body).backgroundColor").await
}

/// Chooses System, Light or Dark in the header and waits for the root element to follow.
async fn choose(c: &Client, setting: &str, expect: &str) {
    let switch = eventually("the theme switch", || async { c.find(Locator::Css("[data-input=theme]")).await.ok() }).await;
    switch.select_by_value(setting).await.unwrap_or_else(|e| panic!("choose {setting}: {e}"));
    eventually(&format!("data-theme={expect}"), || async { (theme(c).await == expect).then_some(()) }).await;
}

/// Shows a tab and waits for `ready` in it.
async fn show(c: &Client, tab: &str, ready: &str) {
    click(c, &format!("[data-tab={tab}]")).await;
    eventually(ready, || async { c.find(Locator::Css(ready)).await.ok() }).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_theme_switch_turns_every_view_dark_and_is_remembered() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-themes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("themes.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);
    cli(&ws, &["scenario", "save", "as-is"]);

    let c = start_app_on(Some(&ws)).await;
    let light = async {
        eventually("the services table", || async { c.find(Locator::Css("#services tr[data-service]")).await.ok() }).await;
        // Xvfb's desktop has no dark preference: System is light.
        assert_eq!(theme(&c).await, "light");
        let light = page_background(&c).await;

        choose(&c, "dark", "dark").await;
        let dark = page_background(&c).await;
        assert_ne!(dark, light, "the page's background follows the theme");
        assert_eq!(eval(&c, "return getComputedStyle(document.documentElement).colorScheme").await, "dark");
        screenshot(&c, "theme-dark-services.png").await;

        // A service's details row and its model panel over the table.
        click(&c, "#services tr[data-service='bedroom'] [data-action=details]").await;
        let chip = "#services tr[data-service='bedroom'] td[data-col=operating_model] button";
        click(&c, chip).await;
        screenshot(&c, "theme-dark-services-panel.png").await;
        click(&c, chip).await;

        show(&c, "selector", "#selector [data-service='bedroom']").await;
        click(&c, "#selector [data-service='bedroom']").await;
        eventually("the side panel", || async { c.find(Locator::Css("#selector-panel")).await.ok() }).await;
        screenshot(&c, "theme-dark-selector.png").await;

        show(&c, "map", "[data-service='bedroom']").await;
        assert_eq!(eval(&c, "return document.querySelector('.svelte-flow').classList.contains('dark') ? 'dark' : 'light'").await, "dark");
        screenshot(&c, "theme-dark-map.png").await;

        show(&c, "costs", "#budget").await;
        screenshot(&c, "theme-dark-costs.png").await;
        c.execute("document.querySelector('#premiums').scrollIntoView()", vec![]).await.unwrap();
        screenshot(&c, "theme-dark-costs-charts.png").await;
        c.execute("document.querySelector('#service-premiums').scrollIntoView()", vec![]).await.unwrap();
        screenshot(&c, "theme-dark-costs-premiums.png").await;

        // An incident worked out live, then logged: the verdict, the meter, the log and the effectiveness bars.
        click(&c, "[data-tab=incidents]").await;
        let service = eventually("the live calculator", || async { c.find(Locator::Css("[data-input=live-service]")).await.ok() }).await;
        service.select_by_value("bedroom").await.expect("choose bedroom");
        let minutes = c.find(Locator::Css("[data-input=live-minutes]")).await.expect("minutes");
        type_over(&minutes, "30").await;
        eventually("High", || async { text(&c, "[data-live=class]").await.filter(|t| t.contains("High")) }).await;
        screenshot(&c, "theme-dark-incident-live.png").await;
        click(&c, "[data-action=record-live]").await;
        screenshot(&c, "theme-dark-incident-form.png").await;
        click(&c, "[data-action=save-incident]").await;
        let net = "[data-aggregate='operating_model:you_build_it_you_run_it'] [data-col=net_effectiveness]";
        eventually("the effectiveness", || async { text(&c, net).await.filter(|t| !t.trim().is_empty()) }).await;
        c.execute("document.querySelector('#panel-incidents .view-card:last-child').scrollIntoView()", vec![]).await.unwrap();
        screenshot(&c, "theme-dark-incidents.png").await;

        show(&c, "plans", "tr[data-scenario='as-is']").await;
        click(&c, "tr[data-scenario='as-is'] [data-action=compare]").await;
        eventually("the comparison", || async { text(&c, "#compare tr[data-measure='Budget total'] td[data-col=a]").await }).await;
        screenshot(&c, "theme-dark-plans.png").await;

        show(&c, "organisation", "#panel-organisation table").await;
        screenshot(&c, "theme-dark-teams.png").await;

        show(&c, "settings", "#panel-settings input").await;
        screenshot(&c, "theme-dark-settings.png").await;

        // The file menu and a dialog.
        click(&c, "[data-tab=services]").await;
        click(&c, "[data-action=file]").await;
        screenshot(&c, "theme-dark-menu.png").await;
        click(&c, "[data-action=file]").await;
        click(&c, "#services tr[data-service='bedroom'] .row-action.delete").await;
        eventually("the confirmation", || async { c.find(Locator::Css("dialog[open]")).await.ok() }).await;
        screenshot(&c, "theme-dark-dialog.png").await;
        c.find(Locator::Css("dialog[open]")).await.unwrap().send_keys("\u{E00C}").await.unwrap();
        eventually("the dialog closed", || async { c.find(Locator::Css("dialog[open]")).await.err().map(|_| ()) }).await;
        light
    }
    .await;
    c.close().await.unwrap();

    // Started again: still dark, and the switch says so.
    let c = start_app_on(Some(&ws)).await;
    async {
        eventually("the services table", || async { c.find(Locator::Css("#services tr[data-service]")).await.ok() }).await;
        assert_eq!(theme(&c).await, "dark", "the choice is remembered");
        let switch = c.find(Locator::Css("[data-input=theme]")).await.unwrap();
        assert_eq!(switch.prop("value").await.unwrap().as_deref(), Some("dark"));

        choose(&c, "light", "light").await;
        assert_eq!(page_background(&c).await, light, "Light is the light palette");
        screenshot(&c, "theme-light-services.png").await;

        // Back to System, so the tests after this one see the app as it starts for everyone.
        choose(&c, "system", "light").await;
    }
    .await;
    c.close().await.unwrap();
}
