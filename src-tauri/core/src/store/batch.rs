//! Several changes as one edit: an import, the example, a restored plan.

use rusqlite::{params, OptionalExtension, Transaction};

use super::plan::{put_positions, upsert_service};
use super::Created;
use crate::error::Result;
use crate::model::{Service, Team, Domain};

/// Changes inside one transaction.
pub struct Batch<'a> {
    pub(super) tx: &'a Transaction<'a>,
}

impl Batch<'_> {
    /// Adds or updates a service by name.
    pub fn put_service(&mut self, service: &Service, created: &mut Created) -> Result<i64> {
        let id = self.tx.query_row("SELECT id FROM services WHERE name = ?1", [&service.name], |r| r.get(0)).optional()?;
        upsert_service(self.tx, id, service, created)
    }

    /// Adds or updates a team by name.
    pub fn put_team(&mut self, team: &Team) -> Result<()> {
        self.tx.execute(
            "INSERT INTO teams(name, funding, on_call_participants) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET funding = excluded.funding, on_call_participants = excluded.on_call_participants",
            params![team.name, team.funding.as_str(), team.on_call_participants],
        )?;
        Ok(())
    }

    /// Adds or updates a domain by name.
    pub fn put_domain(&mut self, domain: &Domain) -> Result<()> {
        self.tx.execute(
            "INSERT INTO domains(name, kind, on_call_budget_holder) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, on_call_budget_holder = excluded.on_call_budget_holder",
            params![domain.name, domain.kind.as_str(), domain.on_call_budget_holder.as_str()],
        )?;
        Ok(())
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", params![key, value])?;
        Ok(())
    }

    /// Empties the workspace: services, teams, domains and settings.
    pub fn put_positions(&mut self, positions: &[crate::map::Position]) -> Result<()> {
        put_positions(self.tx, positions)
    }

    pub fn clear(&mut self) -> Result<()> {
        self.tx.execute_batch("DELETE FROM peak_periods; DELETE FROM services; DELETE FROM teams; DELETE FROM domains; DELETE FROM settings; DELETE FROM map_positions;")?;
        Ok(())
    }

    /// Rows of services, teams, domains and settings.
    pub fn counts(&self) -> Result<(i64, i64, i64, i64)> {
        Ok(self.tx.query_row(
            "SELECT (SELECT count(*) FROM services), (SELECT count(*) FROM teams), (SELECT count(*) FROM domains), (SELECT count(*) FROM settings)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?)
    }
}
