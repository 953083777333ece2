//! The workspace file: one SQLite database per workspace. Every edit is one
//! transaction; a file that is not ours, or is newer than this code, is
//! refused before SQLite ever opens it, so its bytes stay as they were.
//!
//! Opening, migrating and the edit transaction are here; the plan's tables
//! in `plan`, the incident log in `incidents`, several changes as one edit
//! in `batch`.

mod batch;
mod incidents;
mod plan;

pub use batch::Batch;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

/// `PRAGMA application_id`: "OPMD", so our files are recognisable.
pub const APPLICATION_ID: u32 = 0x4F50_4D44;

const SCHEMA_V1: &str = include_str!("schema_v1.sql");
const SCHEMA_V2: &str = include_str!("schema_v2.sql");
const SCHEMA_V3: &str = include_str!("schema_v3.sql");
const SCHEMA_V4: &str = include_str!("schema_v4.sql");
const SCHEMA_V5: &str = include_str!("schema_v5.sql");

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(SCHEMA_V1), M::up(SCHEMA_V2), M::up(SCHEMA_V3), M::up(SCHEMA_V4), M::up(SCHEMA_V5)])
}

/// The schema version this code writes.
pub fn latest_schema_version() -> i64 {
    5
}

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

/// What an edit that may create teams and domains did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Created {
    pub teams: Vec<String>,
    pub domains: Vec<String>,
}

/// Reads the 100-byte SQLite header without opening the file for writing:
/// refuses anything that is not a workspace of a schema we know.
fn check_header(path: &Path) -> Result<()> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let mut header = Vec::with_capacity(100);
    fs::File::open(path).map_err(io)?.take(100).read_to_end(&mut header).map_err(io)?;
    let not_ours = |why: &str| Error::NotAWorkspace { path: path.to_path_buf(), why: why.to_string() };
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(not_ours("not an SQLite database"));
    }
    let word = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    if word(68) != APPLICATION_ID {
        return Err(not_ours("an SQLite database of another application"));
    }
    let version = i64::from(word(60) as i32);
    if version > latest_schema_version() {
        return Err(Error::NewerSchema { path: path.to_path_buf(), found: version, known: latest_schema_version() });
    }
    Ok(())
}

/// Pragmas every connection needs: durable commits, enforced references,
/// and patience with a second process (the CLI beside the app).
///
/// A rollback journal, not WAL: every commit is written into the
/// `.opmodel` file itself before it returns, so the file alone always
/// holds every saved edit (a copy, an e-mail attachment or a synced folder
/// never lacks a session's work), and the journal beside it lives only
/// while a transaction does. A file left in WAL mode by an earlier version
/// is checkpointed into its main file here. docs/performance.md gives what
/// an edit costs this way.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

impl Workspace {
    /// Opens a workspace, creating it (with default settings) if the file is missing.
    pub fn open(path: &Path) -> Result<Workspace> {
        if path.exists() {
            Self::open_existing(path)
        } else {
            Self::create(path)
        }
    }

    /// Opens an existing workspace; refuses (untouched) anything else.
    pub fn open_existing(path: &Path) -> Result<Workspace> {
        check_header(path)?;
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        configure(&conn)?;
        let mut ws = Workspace { conn, path: path.to_path_buf() };
        // The header may lag a WAL that holds a newer schema: ask SQLite too.
        let version: i64 = ws.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > latest_schema_version() {
            return Err(Error::NewerSchema { path: path.to_path_buf(), found: version, known: latest_schema_version() });
        }
        migrations().to_latest(&mut ws.conn).map_err(migration_error)?;
        // The plan's tables are unchanged by a migration, so the restore point taken
        // now holds the plan as it was before it.
        if version > 0 && version < latest_schema_version() {
            crate::snapshot::take_restore_point(&mut ws, &format!("schema migration from {version} to {}", latest_schema_version()))?;
        }
        Ok(ws)
    }

    /// Creates a new workspace. The schema is written to a file beside the
    /// target and moved into place, so a crash never leaves half a workspace.
    pub fn create(path: &Path) -> Result<Workspace> {
        if path.exists() {
            return Err(Error::Conflict(format!("{} already exists; choose another name, or open it", path.display())));
        }
        let io = |source| Error::Io { path: path.to_path_buf(), source };
        let tmp = path.with_file_name(format!(
            ".{}.creating-{}",
            path.file_name().map_or("workspace".into(), |n| n.to_string_lossy()),
            std::process::id()
        ));
        let written = Connection::open(&tmp)
            .map_err(Error::from)
            .and_then(|mut conn| migrations().to_latest(&mut conn).map_err(migration_error))
            .and_then(|()| fs::rename(&tmp, path).map_err(io));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(match e {
                Error::Database(_) if !path.parent().is_some_and(|d| d.as_os_str().is_empty() || d.is_dir()) => {
                    Error::Io { path: path.to_path_buf(), source: std::io::Error::new(std::io::ErrorKind::NotFound, "its folder does not exist") }
                }
                other => other,
            });
        }
        Self::open_existing(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one transaction: all of it is stored, or none.
    /// One edit: one transaction, and one undo step called `label` when it changed anything.
    fn edit<T>(&mut self, label: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let step = crate::undo::begin(&tx)?;
        let out = f(&tx)?;
        crate::undo::end(&tx, step, label)?;
        tx.commit()?;
        Ok(out)
    }

    /// One transaction that is not an edit of its own, for undo and redo.
    pub(crate) fn unrecorded<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Writes a consistent copy of the workspace to a new file with SQLite's
    /// backup API (never a file copy of a live database); the copy opens on
    /// its own. An existing file is never overwritten.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(Error::Conflict(format!("{} already exists; choose another name", to.display())));
        }
        let tmp = to.with_file_name(format!(".{}.copying-{}", to.file_name().map_or("workspace".into(), |n| n.to_string_lossy()), std::process::id()));
        let written = self
            .conn
            .backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(Error::from)
            .and_then(|()| Connection::open(&tmp).and_then(|c| c.pragma_update(None, "journal_mode", "DELETE")).map_err(Error::from))
            .and_then(|()| fs::rename(&tmp, to).map_err(|source| Error::Io { path: to.to_path_buf(), source }));
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    /// The connection, for the snapshot module's own statements.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction, for the snapshot module.
    pub(crate) fn transaction<T>(&mut self, label: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.edit(label, f)
    }

    /// Several changes as one edit (an import, the example, a restored plan), undone as one.
    pub fn batch<T>(&mut self, label: &str, f: impl FnOnce(&mut Batch) -> Result<T>) -> Result<T> {
        self.edit(label, |tx| f(&mut Batch { tx }))
    }
}

fn migration_error(e: rusqlite_migration::Error) -> Error {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::Database(err),
        other => Error::Conflict(format!("the workspace schema could not be brought up to date: {other}")),
    }
}
