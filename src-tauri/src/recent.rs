//! The workspaces opened recently, most recent first, kept in a small JSON
//! file in the app's config folder. The list itself is pure functions over a
//! `Vec` and a path; reading and writing the file are the only effects.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many workspaces are remembered.
pub const MAX: usize = 10;

/// The file's name in the app's config folder.
pub const FILE: &str = "recent-workspaces.json";

pub use opmodel_core::view::RecentWorkspace;

/// The file as stored: an object, so that more can be added later.
#[derive(Default, Serialize, Deserialize)]
struct Stored {
    workspaces: Vec<PathBuf>,
}

/// `list` with `path` first, once, and at most [`MAX`] long.
pub fn add(list: Vec<PathBuf>, path: &Path) -> Vec<PathBuf> {
    std::iter::once(path.to_path_buf()).chain(list.into_iter().filter(|p| p != path)).take(MAX).collect()
}

/// The workspaces of `list` that `exists` says are still there.
pub fn existing(list: Vec<PathBuf>, exists: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    list.into_iter().filter(|p| exists(p)).collect()
}

/// How `path` is shown: its file name, and its folder (`~` for `home`).
pub fn entry(path: &Path, home: Option<&Path>, exists: bool) -> RecentWorkspace {
    let folder = path.parent().unwrap_or(Path::new(""));
    let folder = match home.and_then(|h| folder.strip_prefix(h).ok()) {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_string(),
        Some(rest) => format!("~/{}", rest.display()),
        None => folder.display().to_string(),
    };
    RecentWorkspace {
        path: path.display().to_string(),
        name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        folder,
        exists,
    }
}

/// The path as remembered: absolute and, when the file is there, with
/// symlinks and `..` resolved, so one file is listed once.
pub fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf())
}

/// The list in `file`; empty when there is none or it cannot be read.
pub fn load(file: &Path) -> Vec<PathBuf> {
    std::fs::read(file).ok().and_then(|b| serde_json::from_slice::<Stored>(&b).ok()).unwrap_or_default().workspaces
}

pub fn save(file: &Path, list: &[PathBuf]) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(&Stored { workspaces: list.to_vec() }).map_err(io::Error::other)?;
    write_atomic(file, &json)
}

/// Writes `bytes` to a temporary file beside `file` and renames it into
/// place, so a reader sees the old contents or the new, never half. Creates
/// the folder when it is missing.
pub fn write_atomic(file: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let name = file.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let tmp = file.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, file)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(|n| PathBuf::from(format!("/plans/{n}.opmodel"))).collect()
    }

    #[test]
    fn an_opened_workspace_goes_first_once() {
        let list = add(paths(&["a", "b", "c"]), Path::new("/plans/c.opmodel"));
        assert_eq!(list, paths(&["c", "a", "b"]));
        let list = add(list, Path::new("/plans/d.opmodel"));
        assert_eq!(list, paths(&["d", "c", "a", "b"]));
        assert_eq!(add(Vec::new(), Path::new("/plans/a.opmodel")), paths(&["a"]));
    }

    #[test]
    fn at_most_ten_are_kept_and_the_oldest_goes() {
        let mut list = Vec::new();
        for i in 0..12 {
            list = add(list, Path::new(&format!("/plans/{i}.opmodel")));
        }
        assert_eq!(list.len(), MAX);
        assert_eq!(list[0], Path::new("/plans/11.opmodel"));
        assert_eq!(list[9], Path::new("/plans/2.opmodel"));
        // Reopening one already listed does not push another out.
        let again = add(list.clone(), Path::new("/plans/5.opmodel"));
        assert_eq!(again.len(), MAX);
        assert!(again.contains(&PathBuf::from("/plans/2.opmodel")));
    }

    #[test]
    fn files_that_are_gone_are_dropped_in_order() {
        let list = existing(paths(&["a", "b", "c"]), |p| p != Path::new("/plans/b.opmodel"));
        assert_eq!(list, paths(&["a", "c"]));
    }

    #[test]
    fn an_entry_is_the_file_name_and_its_folder() {
        let home = Path::new("/home/sam");
        let e = entry(Path::new("/home/sam/plans/retail.opmodel"), Some(home), true);
        assert_eq!(e, RecentWorkspace { path: "/home/sam/plans/retail.opmodel".into(), name: "retail.opmodel".into(), folder: "~/plans".into(), exists: true });
        assert_eq!(entry(Path::new("/home/sam/x.opmodel"), Some(home), true).folder, "~");
        assert_eq!(entry(Path::new("/srv/plans/x.opmodel"), Some(home), false).folder, "/srv/plans");
        // The UI's type in ui/src/lib/api.ts is written by hand: these are its fields.
        let json = serde_json::to_value(&e).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["exists", "folder", "name", "path"]);
    }

    #[test]
    fn the_list_survives_a_save_and_a_bad_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/app").join(FILE);
        assert!(load(&file).is_empty());
        save(&file, &paths(&["a", "b"])).unwrap();
        assert_eq!(load(&file), paths(&["a", "b"]));
        // Only the file itself is left: the temporary one was renamed into place.
        assert_eq!(std::fs::read_dir(file.parent().unwrap()).unwrap().count(), 1);
        std::fs::write(&file, "not json").unwrap();
        assert!(load(&file).is_empty());
    }

    #[test]
    fn a_path_is_remembered_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.opmodel");
        std::fs::write(&file, "").unwrap();
        let dotted = dir.path().join("sub/../a.opmodel");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(normalise(&dotted), std::fs::canonicalize(&file).unwrap());
        assert!(normalise(Path::new("missing.opmodel")).is_absolute());
    }
}
