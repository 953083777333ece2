//! The `opmodel` binary, driven as scripts and finance drive it.

mod incidents;
mod plan;
mod plans;
mod reports;
mod support;
