//! The app builder on Tauri's mock runtime: the commands are registered, the
//! capability grants them to the main window, and errors cross as {code, message}.

use opmodel_app::{builder, context, AppState};
use opmodel_core::Workspace;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn invoke(webview: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn the_app_loads_the_example_and_edits_a_service() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("plan.opmodel")).unwrap();
    let app = builder(mock_builder(), AppState::new(ws, None)).build(context()).expect("app builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();

    let info = invoke(&webview, "load_example", json!({})).unwrap();
    assert_eq!(info["service_count"], 3);
    assert_eq!(info["demand_bands"], json!(["Low", "Medium", "High", "Very High"]));
    let services = invoke(&webview, "list_services", json!({})).unwrap();
    let bedroom = services.as_array().unwrap().iter().find(|s| s["name"] == "bedroom").unwrap().clone();
    assert_eq!(bedroom["availability_target"], "99.0");

    let mut input = json!({
        "name": "bedroom", "kind": "digital", "team": "bedroom-team", "domain": "home-shopping",
        "exposure_per_hour": "300000", "feature_demand": "Very High", "peak_exposure_per_hour": null,
        "peak_periods": "", "out_of_hours_incidents_per_year": "8", "model_override": null, "override_reason": null
    });
    // An edit answers with the edited row alone.
    let bedroom = &invoke(&webview, "save_service", json!({ "id": bedroom["id"], "input": input.clone() })).unwrap();
    assert_eq!(bedroom["name"], "bedroom");
    assert_eq!((bedroom["availability_target"].as_str(), bedroom["on_call_out_of_hours"].as_str()), (Some("99.9"), Some("team")));

    input["exposure_per_hour"] = json!("lots");
    let err = invoke(&webview, "save_service", json!({ "id": bedroom["id"], "input": input })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["message"], "service 'bedroom', column exposure_per_hour: 'lots' is not valid; expected a plain decimal amount such as 810000 or 810000.00");

    // The Costs view and the exports finance receives.
    let costs = invoke(&webview, "cost_summary", json!({})).unwrap();
    assert_eq!(costs["currency"], "USD");
    assert_eq!(costs["planning_year"], "2026-04-01 to 2027-03-30");
    assert_eq!(costs["holders"][0], json!({ "holder": "Head of Product", "capex": "26000.00", "opex": "0.00", "total": "26000.00" }));
    assert_eq!(costs["premiums"][0]["component"], "Standby");
    let pdf = dir.path().join("budget.pdf");
    invoke(&webview, "export_report", json!({ "what": "budget", "format": "pdf", "path": pdf })).unwrap();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let err = invoke(&webview, "export_report", json!({ "what": "pitfalls", "format": "pdf", "path": dir.path().join("x.pdf") })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(!dir.path().join("x.pdf").exists());

    // The assumptions are edited in the app too: a new rate changes the budget; a bad one changes nothing.
    let settings = invoke(&webview, "list_settings", json!({})).unwrap();
    assert_eq!(settings.as_array().unwrap().len(), opmodel_core::settings::KEYS.len());
    let after = invoke(&webview, "set_setting", json!({ "key": "developer_standby_rate", "value": "600/week" })).unwrap();
    assert_eq!(after.as_array().unwrap().iter().find(|s| s["key"] == "developer_standby_rate").unwrap()["value"], "600/week");
    let costs = invoke(&webview, "cost_summary", json!({})).unwrap();
    assert_eq!(costs["holders"][0]["capex"], "31200.00");
    let err = invoke(&webview, "set_setting", json!({ "key": "developer_standby_rate", "value": "600 a week" })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert!(err["message"].as_str().unwrap().contains("AMOUNT/week"), "{err}");
    assert_eq!(invoke(&webview, "list_settings", json!({})).unwrap(), after);

    // Teams and domains: a team's rota size changes, a team with services is not deleted.
    let org = invoke(&webview, "save_team", json!({ "original": "bedroom-team", "input": { "name": "bedroom-team", "funding": "product", "on_call_participants": "3" } })).unwrap();
    let team = org["teams"].as_array().unwrap().iter().find(|t| t["name"] == "bedroom-team").unwrap().clone();
    assert_eq!((team["on_call_participants"].as_u64(), team["services"].as_u64()), (Some(3), Some(1)));
    let err = invoke(&webview, "delete_team", json!({ "name": "bedroom-team" })).unwrap_err();
    assert_eq!(err["code"], "conflict");
    let err = invoke(&webview, "save_domain", json!({ "original": null, "input": { "name": "", "kind": "product", "on_call_budget_holder": "head_of_product" } })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(invoke(&webview, "list_organisation", json!({})).unwrap()["domains"].as_array().unwrap().len(), 1);

    let err = invoke(&webview, "open_workspace", json!({ "path": dir.path().join("missing.opmodel") })).unwrap_err();
    assert_eq!(err["code"], "io");
    let err = invoke(&webview, "delete_service", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn a_command_outside_the_capability_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("plan.opmodel")).unwrap();
    let app = builder(mock_builder(), AppState::new(ws, None)).build(context()).expect("app builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    assert!(invoke(&webview, "plugin:dialog|message", json!({ "message": "hi" })).is_err());
    assert!(invoke(&webview, "workspace_info", json!({})).is_ok());
}

#[test]
fn opened_workspaces_are_listed_as_recent_most_recent_first() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (dir.path().join("a.opmodel"), dir.path().join("b.opmodel"), dir.path().join("c.opmodel"));
    let state = AppState::new(Workspace::open(&a).unwrap(), None);
    let recent_file = dir.path().join("config").join(opmodel_app::recent::FILE);
    // The workspace opened at start is the first one.
    state.keep_recent_in(recent_file.clone());
    let app = builder(mock_builder(), state).build(context()).expect("app builds");
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let names = |webview| -> Vec<String> {
        let list = invoke(webview, "recent_workspaces", json!({})).unwrap();
        list.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(&webview), ["a.opmodel"]);

    invoke(&webview, "new_workspace", json!({ "path": b })).unwrap();
    invoke(&webview, "save_as", json!({ "path": c })).unwrap();
    invoke(&webview, "open_workspace", json!({ "path": a })).unwrap();
    assert_eq!(names(&webview), ["a.opmodel", "c.opmodel", "b.opmodel"]);
    let first = invoke(&webview, "recent_workspaces", json!({})).unwrap()[0].clone();
    assert_eq!(first["path"], std::fs::canonicalize(&a).unwrap().display().to_string());
    assert_eq!(first["exists"], true);

    // A file that is gone is dropped, from the file too; a failed open is not remembered.
    std::fs::remove_file(&b).unwrap();
    assert_eq!(names(&webview), ["a.opmodel", "c.opmodel"]);
    assert_eq!(opmodel_app::recent::load(&recent_file).len(), 2);
    assert!(invoke(&webview, "open_workspace", json!({ "path": b })).is_err());
    assert_eq!(names(&webview), ["a.opmodel", "c.opmodel"]);
}
