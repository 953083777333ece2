//! Trust in the room (issue 12), in the real window: nothing destructive
//! happens on one click, the workspace file alone holds every saved edit, a
//! mistyped team is caught, and the services fit a projector.

use fantoccini::Locator;
use opmodel_e2e::{cli, click, count, eventually, saved, screenshot, services, start_app_on, text, type_over};

#[tokio::test(flavor = "current_thread")]
async fn nothing_is_lost_to_a_click_and_the_file_alone_is_whole() {
    let dir = std::env::temp_dir().join(format!("opmodel-e2e-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("workshop.opmodel");
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);
    let teams = dir.join("teams.csv");
    std::fs::write(&teams, "name,funding,on_call_participants\ncheckout-team,product,4\n").unwrap();
    cli(&ws, &["import", "teams", teams.to_str().unwrap()]);

    let c = start_app_on(Some(&ws)).await;
    let result = async {
        let rows = "#services tr[data-service]";
        eventually("three services", || async { (count(&c, rows).await == 3).then_some(()) }).await;

        // Delete asks first; Cancel changes nothing, in the window or in the file.
        click(&c, "#services tr[data-service='appointments'] button[aria-label^='Delete service']").await;
        eventually("the confirmation", || async { text(&c, "dialog[data-dialog=confirm] h2").await.filter(|t| t.contains("appointments")) }).await;
        screenshot(&c, "confirm-delete.png").await;
        click(&c, "dialog[data-dialog=confirm] [data-action=cancel]").await;
        eventually("the dialog to close", || async { c.find(Locator::Css("dialog[data-dialog=confirm][open]")).await.is_err().then_some(()) }).await;
        assert_eq!(count(&c, rows).await, 3);
        assert_eq!(services(&ws).len(), 3);
        // Confirmed, it happens.
        click(&c, "#services tr[data-service='appointments'] button[aria-label^='Delete service']").await;
        click(&c, "dialog[data-dialog=confirm] [data-action=confirm]").await;
        eventually("two services", || async { (count(&c, rows).await == 2).then_some(()) }).await;
        assert_eq!(services(&ws).len(), 2);

        // Loading the example lives in the File menu, and asks too.
        assert_eq!(count(&c, ".topbar [data-action=load-example]").await, 0, "no load-example button in the top bar");
        click(&c, "[data-action=file]").await;
        click(&c, "#file-menu [data-item=example]").await;
        eventually("the example question", || async { text(&c, "dialog[data-dialog=confirm] h2").await.filter(|t| t.contains("example")) }).await;
        click(&c, "dialog[data-dialog=confirm] [data-action=cancel]").await;
        assert_eq!(services(&ws).len(), 2, "cancelled: the plan is untouched");

        // A mistyped team is not created: the closest existing one is offered.
        let team = c.find(Locator::Css("#services tr[data-service='bedroom'] [data-input=team]")).await.expect("team input");
        type_over(&team, "checkout team").await;
        let suggestion = eventually("the suggestion", || async {
            c.find(Locator::Css("dialog[data-dialog=new-owner] [data-action=use-suggestion][data-name='checkout-team']")).await.ok()
        })
        .await;
        screenshot(&c, "unknown-team.png").await;
        suggestion.click().await.expect("use checkout-team");
        saved(&c).await;
        let bedroom = services(&ws).into_iter().find(|s| s["name"] == "bedroom").unwrap();
        assert_eq!(bedroom["team"], "checkout-team");
        assert!(!cli(&ws, &["report", "schedules", "--format", "json"]).contains("checkout team"));

        // A new team is created only as described, with its rota.
        type_over(&team, "payments-team").await;
        let people = eventually("the new team form", || async { c.find(Locator::Css("dialog[data-dialog=new-owner] [data-input=on_call_participants]")).await.ok() }).await;
        people.send_keys("5").await.expect("type participants");
        click(&c, "dialog[data-dialog=new-owner] [data-action=create]").await;
        saved(&c).await;
        let schedules = cli(&ws, &["report", "schedules", "--format", "json"]);
        let schedules: serde_json::Value = serde_json::from_str(&schedules).unwrap();
        // bedroom (99.0%) is on the home-shopping domain schedule, now with payments-team's five people.
        let domain = schedules.as_array().unwrap().iter().find(|s| s["owner"] == "home-shopping").expect("the domain schedule");
        assert_eq!(domain["participants"], 5);

        // Mid-session, the .opmodel file alone holds every saved edit, and nothing lies beside it.
        let copy = dir.join("copy-of-workshop.opmodel");
        std::fs::copy(&ws, &copy).unwrap();
        let copied = services(&copy);
        assert_eq!(copied.len(), 2);
        assert_eq!(copied.iter().find(|s| s["name"] == "bedroom").unwrap()["team"], "payments-team");
        let beside: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with("workshop.opmodel")).collect();
        assert_eq!(beside, ["workshop.opmodel"], "no -wal, -shm or -journal beside the workspace");

        // A projector: every column in view at 1280×720, and every answer at 1024×768.
        for (w, h, name) in [(1280, 720, "services-1280x720.png"), (1024, 768, "services-1024x768.png")] {
            c.set_window_size(w, h).await.expect("resize the window");
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            screenshot(&c, name).await;
            let width: f64 = c.execute("return window.innerWidth", vec![]).await.unwrap().as_f64().unwrap();
            // Where an element's right edge is, against the window's width.
            let right_of = |css: String| {
                let c = &c;
                async move { c.execute(&format!("return document.querySelector({css:?}).getBoundingClientRect().right"), vec![]).await.unwrap().as_f64().unwrap() }
            };
            // The header keeps its menus and Export in the window, on one line each.
            for menu in ["file", "edit", "export"] {
                let right = right_of(format!("[data-action={menu}]")).await;
                assert!(right <= width, "the {menu} menu ends at {right}, past the {width}-pixel window at {w}×{h}");
            }
            // At 1280 the whole row, its actions too; at 1024 every answer.
            let mut cols = vec!["availability_target", "deployment_target", "operating_model", "on_call_out_of_hours"];
            if w >= 1280 {
                cols.push("actions");
            }
            for col in cols {
                let right = right_of(format!("#services tr[data-service] td[data-col={col}]")).await;
                assert!(right <= width, "{col} ends at {right}, past the {width}-pixel window at {w}×{h}");
            }
        }
    }
    .await;
    c.close().await.expect("close the session");
    result
}
