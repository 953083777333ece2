//! The playbook's furniture retailer: a self-hosted COTS ecommerce
//! platform, a custom appointments frontend and a custom bedroom frontend.

use crate::error::{Error, Result};
use crate::input::ServiceInput;
use crate::model::{BudgetHolder, Domain, DomainKind, Funding, Team};
use crate::store::{Created, Workspace};

/// Writes the example into the workspace. Refuses to replace existing
/// services unless `force`; with `force`, the workspace's services, teams,
/// domains and settings are replaced, so its figures are the playbook's.
pub fn write_example(ws: &mut Workspace, force: bool) -> Result<()> {
    let settings = crate::settings::Settings::defaults();
    let services: Vec<_> = [
        ("ecommerce-platform", "foundational", "app-support", None, "810000", "Low", None, "", "6"),
        ("appointments", "digital", "appointments-team", Some("home-shopping"), "6000", "High", None, "", "4"),
        ("bedroom", "digital", "bedroom-team", Some("home-shopping"), "200000", "Very High", Some("400000"), "2026-11-23..2026-11-29", "8"),
    ]
    .into_iter()
    .map(|(name, kind, team, domain, exposure, demand, peak, periods, incidents)| {
        ServiceInput {
            name: name.into(),
            kind: kind.into(),
            team: team.into(),
            domain: domain.map(Into::into),
            exposure_per_hour: exposure.into(),
            feature_demand: demand.into(),
            peak_exposure_per_hour: peak.map(Into::into),
            peak_periods: periods.into(),
            out_of_hours_incidents_per_year: incidents.into(),
            model_override: None,
            override_reason: None,
        }
        .validate(&settings, &Default::default())
        .expect("the example is valid")
    })
    .collect();
    if force && (!ws.services()?.is_empty() || !ws.teams()?.is_empty() || !ws.domains()?.is_empty()) {
        crate::snapshot::take_restore_point(ws, "demo --force")?;
    }
    ws.batch("load the example", |b| {
        let (s, t, d, k) = b.counts()?;
        if s + t + d + k > 0 && !force {
            return Err(Error::Conflict(format!(
                "the workspace already has {s} services, {t} teams, {d} domains and {k} settings; use --force to replace them with the example"
            )));
        }
        b.clear()?;
        b.set_setting("currency", "USD")?;
        for (name, funding, on_call_participants) in
            [("app-support", Funding::Operations, 6), ("appointments-team", Funding::Product, 5), ("bedroom-team", Funding::Product, 6)]
        {
            b.put_team(&Team { name: name.into(), funding, on_call_participants })?;
        }
        b.put_domain(&Domain { name: "home-shopping".into(), kind: DomainKind::Product, on_call_budget_holder: BudgetHolder::HeadOfProduct })?;
        let mut created = Created::default();
        for s in &services {
            b.put_service(s, &mut created)?;
        }
        Ok(())
    })
}
