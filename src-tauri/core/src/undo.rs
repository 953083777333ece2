//! Undo and redo, kept in the workspace file so they survive a restart.
//!
//! Schema 5's triggers write, for every row an edit changes, the statement
//! that takes it back; `Workspace::edit` groups them into one step per edit.
//! Undoing a step runs its statements newest first and records what they
//! did as a redo step, and redoing does the same the other way. A new edit
//! clears the redo steps, as in any editor. The oldest steps go past
//! `KEPT_STEPS`.

use chrono::Local;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::Workspace;

/// Steps kept for undo; the oldest are dropped past this.
pub const KEPT_STEPS: i64 = 200;

/// What Undo and Redo would do now, for the menu: each step's label, or null.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

fn next_step(tx: &Transaction) -> Result<i64> {
    Ok(tx.query_row("SELECT COALESCE(MAX(step), 0) + 1 FROM (SELECT step FROM undo_steps UNION ALL SELECT MAX(step) AS step FROM undo_log)", [], |r| r.get(0))?)
}

/// Starts recording an edit's changes; returns its step.
pub(crate) fn begin(tx: &Transaction) -> Result<i64> {
    let step = next_step(tx)?;
    tx.execute("UPDATE undo_state SET recording = ?1", [step])?;
    Ok(step)
}

/// Ends an edit: a step that changed something becomes the newest undo step, and the redo steps go.
pub(crate) fn end(tx: &Transaction, step: i64, label: &str) -> Result<()> {
    if close(tx, step, "undo", label)? {
        tx.execute("DELETE FROM undo_log WHERE step IN (SELECT step FROM undo_steps WHERE stack = 'redo')", [])?;
        tx.execute("DELETE FROM undo_steps WHERE stack = 'redo'", [])?;
        let oldest_kept: Option<i64> =
            tx.query_row("SELECT step FROM undo_steps WHERE stack = 'undo' ORDER BY step DESC LIMIT 1 OFFSET ?1", [KEPT_STEPS - 1], |r| r.get(0)).optional()?;
        if let Some(oldest) = oldest_kept {
            tx.execute("DELETE FROM undo_log WHERE step < ?1", [oldest])?;
            tx.execute("DELETE FROM undo_steps WHERE step < ?1", [oldest])?;
        }
    }
    Ok(())
}

/// Stops recording; files the step on `stack` if it logged anything. Says whether it did.
fn close(tx: &Transaction, step: i64, stack: &str, label: &str) -> Result<bool> {
    tx.execute("UPDATE undo_state SET recording = 0", [])?;
    let changed: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM undo_log WHERE step = ?1)", [step], |r| r.get(0))?;
    if changed {
        tx.execute("INSERT INTO undo_steps (step, stack, label, at) VALUES (?1, ?2, ?3, ?4)", params![step, stack, label, Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()])?;
    }
    Ok(changed)
}

pub fn state(ws: &Workspace) -> Result<UndoState> {
    let top = |stack: &str| ws.conn().query_row("SELECT label FROM undo_steps WHERE stack = ?1 ORDER BY step DESC LIMIT 1", [stack], |r| r.get(0)).optional();
    Ok(UndoState { undo: top("undo")?, redo: top("redo")? })
}

/// Takes back the newest edit; returns its label, or an error when there is nothing to undo.
pub fn undo(ws: &mut Workspace) -> Result<String> {
    replay(ws, "undo", "redo")
}

/// Makes the newest undone edit again; returns its label.
pub fn redo(ws: &mut Workspace) -> Result<String> {
    replay(ws, "redo", "undo")
}

/// Runs the newest step of `from` backwards, recording what that does as a step on `to`.
fn replay(ws: &mut Workspace, from: &str, to: &str) -> Result<String> {
    ws.unrecorded(|tx| {
        let (step, label): (i64, String) = tx
            .query_row("SELECT step, label FROM undo_steps WHERE stack = ?1 ORDER BY step DESC LIMIT 1", [from], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("there is nothing to {from}")))?;
        let statements: Vec<String> = {
            let mut stmt = tx.prepare("SELECT sql FROM undo_log WHERE step = ?1 ORDER BY seq DESC")?;
            let rows = stmt.query_map([step], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Rows come back in the reverse order they changed: a service may return before its team.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let recording = next_step(tx)?;
        tx.execute("UPDATE undo_state SET recording = ?1", [recording])?;
        for sql in &statements {
            tx.execute(sql, [])?;
        }
        tx.execute("DELETE FROM undo_log WHERE step = ?1", [step])?;
        tx.execute("DELETE FROM undo_steps WHERE step = ?1", [step])?;
        close(tx, recording, to, &label)?;
        Ok(label)
    })
}
