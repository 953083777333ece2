//! The incident log: recorded incidents, each with what its service was on
//! that day.

use rusqlite::params;
use rust_decimal::Decimal;

use super::plan::minor;
use super::Workspace;
use crate::error::{Error, Result};
use crate::money::Money;
use crate::selector::OperatingModel;

impl Workspace {
    /// The incident log, oldest first.
    pub fn incidents(&self) -> Result<Vec<crate::incidents::Incident>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, service, team, domain, started_at, duration_seconds, loss_minor, exposure_minor, availability_target, operating_model
             FROM incidents ORDER BY started_at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let seconds: String = r.get(5)?;
            let target: String = r.get(8)?;
            let model: String = r.get(9)?;
            Ok(crate::incidents::Incident {
                id: r.get(0)?,
                service: r.get(1)?,
                team: r.get(2)?,
                domain: r.get(3)?,
                started_at: r.get(4)?,
                duration_seconds: seconds.parse().unwrap_or(Decimal::ZERO),
                entered_loss: r.get::<_, Option<i64>>(6)?.map(Money::from_minor),
                exposure_per_hour: Money::from_minor(r.get(7)?),
                target: crate::availability::Level::parse(&target).unwrap_or(crate::availability::Level::THREE_NINES),
                operating_model: OperatingModel::parse(&model).unwrap_or(OperatingModel::OpsRunIt),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records incidents (id 0) or changes one (its id), in one transaction.
    pub fn save_incidents(&mut self, incidents: &[crate::incidents::Incident]) -> Result<()> {
        let label = match incidents {
            [one] if one.id != 0 => format!("edit an incident of {}", one.service),
            [one] => format!("record an incident of {}", one.service),
            many => format!("record {} incidents", many.len()),
        };
        self.edit(&label, |tx| {
            for i in incidents {
                let values = params![
                    i.service,
                    i.team,
                    i.domain,
                    i.started_at,
                    i.duration_seconds.normalize().to_string(),
                    i.entered_loss.map(minor),
                    minor(i.exposure_per_hour),
                    i.target.to_string(),
                    i.operating_model.as_str()
                ];
                let columns = "service, team, domain, started_at, duration_seconds, loss_minor, exposure_minor, availability_target, operating_model";
                if i.id == 0 {
                    tx.execute(&format!("INSERT INTO incidents ({columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"), values)?;
                } else if tx.execute(
                    &format!("UPDATE incidents SET ({columns}) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) WHERE id = ?10"),
                    rusqlite::params_from_iter(values.iter().copied().chain(std::iter::once(&i.id as &dyn rusqlite::ToSql))),
                )? == 0
                {
                    return Err(Error::NotFound(format!("no incident with id {}", i.id)));
                }
            }
            Ok(())
        })
    }

    pub fn delete_incident(&mut self, id: i64) -> Result<()> {
        self.edit("delete an incident", |tx| match tx.execute("DELETE FROM incidents WHERE id = ?1", [id])? {
            0 => Err(Error::NotFound(format!("no incident with id {id}"))),
            _ => Ok(()),
        })
    }
}
