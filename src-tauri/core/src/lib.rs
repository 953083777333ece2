//! opmodel's core: the You Build It You Run It rules (DOMAIN.md), exact
//! money, the workspace store and the reports. It knows nothing of Tauri;
//! the desktop shell and the `opmodel` CLI are thin layers over it.

pub mod assess;
pub mod availability;
pub mod budget;
pub mod compare;
pub mod csv_out;
pub mod demand;
pub mod demo;
pub mod drawing;
pub mod error;
pub mod evidence;
pub mod import;
pub mod incident_log;
pub mod incidents;
pub mod input;
pub mod loss_distribution;
pub mod map;
pub mod model;
pub mod names;
pub mod money;
pub mod oncall;
pub mod organisation;
pub mod pdf;
pub mod pitfalls;
pub mod portfolio;
pub mod premiums;
pub mod raci;
pub mod report;
pub mod schedules;
pub mod selector;
pub mod selector_chart;
pub mod settings;
pub mod snapshot;
pub mod summary;
pub mod undo;
pub mod store;
pub mod view;

#[cfg(test)]
mod bindings;

pub use error::{AppError, Error, Result};
/// The date type every rule takes; the shell and the CLI read today's date
/// with it (no rule ever does).
pub use chrono;
pub use store::Workspace;
