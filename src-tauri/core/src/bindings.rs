//! The UI's TypeScript types, generated from these Rust types so they are
//! never written twice. `UPDATE_BINDINGS=1 cargo test -p opmodel-core bindings`
//! rewrites ui/src/lib/bindings.ts; without it the test fails if it is stale.

use ts_rs::TS;

fn generated() -> String {
    let cfg = ts_rs::Config::new();
    let decls = [
        crate::selector::ServiceKind::decl(&cfg),
        crate::selector::OperatingModel::decl(&cfg),
        crate::selector::TrafficLight::decl(&cfg),
        crate::oncall::OutOfHours::decl(&cfg),
        crate::view::ServiceView::decl(&cfg),
        crate::view::PeakView::decl(&cfg),
        crate::input::ServiceInput::decl(&cfg),
        crate::input::NewOwners::decl(&cfg),
        crate::view::WorkspaceInfo::decl(&cfg),
        crate::view::RecentWorkspace::decl(&cfg),
        crate::undo::UndoState::decl(&cfg),
        crate::view::SettingView::decl(&cfg),
        crate::model::Funding::decl(&cfg),
        crate::model::DomainKind::decl(&cfg),
        crate::model::BudgetHolder::decl(&cfg),
        crate::organisation::TeamInput::decl(&cfg),
        crate::organisation::DomainInput::decl(&cfg),
        crate::organisation::TeamView::decl(&cfg),
        crate::organisation::DomainView::decl(&cfg),
        crate::organisation::Organisation::decl(&cfg),
        crate::error::AppError::decl(&cfg),
        crate::report::ReportKind::decl(&cfg),
        crate::import::ImportKind::decl(&cfg),
        crate::import::ImportPreview::decl(&cfg),
        crate::import::Paste::decl(&cfg),
        crate::report::ReportFormat::decl(&cfg),
        crate::summary::CostSummary::decl(&cfg),
        crate::summary::HolderTotals::decl(&cfg),
        crate::summary::LabelledAmount::decl(&cfg),
        crate::summary::ScheduleRow::decl(&cfg),
        crate::summary::PremiumRow::decl(&cfg),
        crate::summary::RunCostRow::decl(&cfg),
        crate::summary::PitfallRow::decl(&cfg),
        crate::summary::LineItemRow::decl(&cfg),
        crate::summary::CostRow::decl(&cfg),
        crate::summary::ServicePremiumRow::decl(&cfg),
        crate::summary::RunCostNow::decl(&cfg),
        crate::loss_distribution::LossDistribution::decl(&cfg),
        crate::loss_distribution::LossDistributions::decl(&cfg),
        crate::snapshot::SnapshotInfo::decl(&cfg),
        crate::compare::Comparison::decl(&cfg),
        crate::compare::Measure::decl(&cfg),
        crate::compare::ServiceDifference::decl(&cfg),
        crate::evidence::Evidence::decl(&cfg),
        crate::evidence::ModelEvidence::decl(&cfg),
        crate::evidence::ServiceEvidence::decl(&cfg),
        crate::incidents::LossClass::decl(&cfg),
        crate::incidents::IncidentType::decl(&cfg),
        crate::incidents::LiveIncident::decl(&cfg),
        crate::incident_log::IncidentInput::decl(&cfg),
        crate::incident_log::IncidentRow::decl(&cfg),
        crate::incident_log::AggregateRow::decl(&cfg),
        crate::incident_log::IncidentReport::decl(&cfg),
        crate::incident_log::Aggregates::decl(&cfg),
        crate::map::DomainMap::decl(&cfg),
        crate::map::DomainCard::decl(&cfg),
        crate::map::DomainSchedule::decl(&cfg),
        crate::map::TeamCard::decl(&cfg),
        crate::map::ServiceCard::decl(&cfg),
        crate::map::Position::decl(&cfg),
        crate::selector_chart::SelectorChart::decl(&cfg),
        crate::selector_chart::DemandColumn::decl(&cfg),
        crate::selector_chart::SelectorCell::decl(&cfg),
        crate::selector_chart::SelectorMark::decl(&cfg),
    ];
    let mut out = String::from("// Generated from Rust by ts-rs (cargo test -p opmodel-core bindings). Do not edit.\n\n");
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[test]
fn bindings_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/lib/bindings.ts");
    let want = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(have == want, "ui/src/lib/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p opmodel-core bindings");
}
