//! A workspace read once: everything the money reports derive from.

use crate::error::Result;
use crate::model::{Domain, Service, Team};
use crate::settings::Settings;
use crate::store::Workspace;

#[derive(Clone, Debug)]
pub struct Portfolio {
    pub services: Vec<Service>,
    pub teams: Vec<Team>,
    pub domains: Vec<Domain>,
    pub settings: Settings,
}

impl Portfolio {
    pub fn load(ws: &Workspace) -> Result<Portfolio> {
        Ok(Portfolio { services: ws.services()?, teams: ws.teams()?, domains: ws.domains()?, settings: ws.settings()? })
    }
}
