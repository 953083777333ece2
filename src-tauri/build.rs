/// The app's own commands: listed so that the capability in
/// src-tauri/capabilities grants exactly these and nothing else.
const COMMANDS: &[&str] = &[
    "workspace_info",
    "new_workspace",
    "open_workspace",
    "load_example",
    "list_services",
    "save_service",
    "delete_service",
    "list_organisation",
    "save_team",
    "delete_team",
    "save_domain",
    "delete_domain",
    "list_settings",
    "set_setting",
    "cost_summary",
    "export_report",
    "preview_import",
    "import_file",
    "open_exported",
    "show_exported",
    "domain_map",
    "selector_chart",
    "move_services",
    "save_positions",
    "release_domain",
    "incident_report",
    "save_incident",
    "delete_incident",
    "live_incident",
    "loss_distributions",
    "evidence",
    "list_history",
    "restore_history",
    "list_scenarios",
    "save_scenario",
    "open_scenario",
    "delete_scenario",
    "rename_scenario",
    "undo_state",
    "preview_paste",
    "apply_paste",
    "undo",
    "redo",
    "copy_scenario",
    "compare_plans",
    "save_as",
    "recent_workspaces",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
