//! Rule 7: who is responsible and who is accountable, per category and per
//! service.

use serde::Serialize;

use crate::model::Funding;
use crate::portfolio::Portfolio;
use crate::schedules::{cover, Scenario};
use crate::selector::{OperatingModel, ServiceKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Raci {
    R,
    A,
    C,
    I,
}

impl Raci {
    pub fn as_str(self) -> &'static str {
        match self {
            Raci::R => "R",
            Raci::A => "A",
            Raci::C => "C",
            Raci::I => "I",
        }
    }
}

/// The parties, in the order of DOMAIN.md's table.
pub const PARTIES: [&str; 5] = ["Head of Operations", "App Support team", "Head of Product", "Head of Delivery", "Product teams"];

/// The category matrix, as the playbook writes it.
pub const CATEGORY_MATRIX: [(&str, [&str; 5]); 2] = [
    ("Digital services reliability", ["I", "I", "A for product-funded services", "A for IT-funded services", "R"]),
    ("Foundational systems reliability", ["A", "R", "I", "I", "I"]),
];

/// Availability, support, telemetry and reporting: what each category covers.
pub const CATEGORY_SCOPE: &str = "availability, support, telemetry, reporting";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRaci {
    pub service: String,
    pub team: String,
    pub operating_model: OperatingModel,
    /// Which category row applies: digital (YBIYRI) or foundational (Ops Run It).
    pub category: &'static str,
    /// Why the model was overridden, when it was.
    pub override_reason: Option<String>,
    /// One letter per party, in the order of PARTIES.
    pub cells: [Raci; 5],
}

impl ServiceRaci {
    pub fn accountable(&self) -> usize {
        self.cells.iter().filter(|c| **c == Raci::A).count()
    }
}

/// One row per service, in the portfolio's order.
pub fn service_raci(p: &Portfolio) -> Vec<ServiceRaci> {
    use Raci::*;
    let teams: std::collections::HashMap<&str, Funding> = p.teams.iter().map(|t| (t.name.as_str(), t.funding)).collect();
    p.services
        .iter()
        .map(|s| {
            let model = cover(s, s.exposure_per_hour, &p.settings, Scenario::Planned).model;
            let funding = teams.get(s.team.as_str()).copied().unwrap_or(Funding::Product);
            let (category, cells) = match model {
                OperatingModel::YouBuildItYouRunIt => (
                    CATEGORY_MATRIX[0].0,
                    match funding {
                        Funding::Product => [I, I, A, I, R],
                        Funding::It => [I, I, I, A, R],
                        // An operations-funded team running its own service: the Head of Operations is accountable.
                        Funding::Operations => [A, I, I, I, R],
                    },
                ),
                OperatingModel::OpsRunIt => (CATEGORY_MATRIX[1].0, [A, R, I, I, I]),
            };
            ServiceRaci { service: s.name.clone(), team: s.team.clone(), operating_model: model, category, override_reason: s.model_override.as_ref().map(|o| o.reason.clone()), cells }
        })
        .collect()
}

/// Digital services run YBIYRI whose accountable party is the Head of Operations.
pub fn responsible_but_unaccountable(p: &Portfolio, rows: &[ServiceRaci]) -> Vec<String> {
    // Rows are in the portfolio's order, one per service.
    rows.iter()
        .zip(&p.services)
        .filter(|(r, s)| s.kind == ServiceKind::Digital && r.operating_model == OperatingModel::YouBuildItYouRunIt && r.cells[0] == Raci::A)
        .map(|(r, _)| r.service.clone())
        .collect()
}
