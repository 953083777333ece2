//! The main window's size, position and maximized state: kept in a JSON
//! file in the app's config folder as the window is moved and resized, and
//! given back at the next start when it still fits on a monitor (otherwise
//! the window keeps its configured size, centred).
//!
//! The size is the inner size, as `set_size` takes it (the outer size would
//! grow by the title bar at each start); the position is the outer one, as
//! `set_position` takes it. Both in physical pixels, as monitors report them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tauri::{PhysicalPosition, PhysicalSize, Runtime, WebviewWindow, WindowEvent};

/// The file's name in the app's config folder.
pub const FILE: &str = "window-state.json";

/// How long moves and resizes must settle before the state is written.
const SETTLE: Duration = Duration::from_millis(400);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowState {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
    pub maximized: bool,
}

/// A monitor's rectangle.
#[derive(Clone, Copy, Debug)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

/// Whether the window of `state` lies wholly on one of `monitors`.
pub fn fits(state: &WindowState, monitors: &[Rect]) -> bool {
    state.width > 0
        && state.height > 0
        && monitors.iter().any(|m| {
            let (right, bottom) = (i64::from(m.x) + i64::from(m.width), i64::from(m.y) + i64::from(m.height));
            state.x >= m.x && state.y >= m.y && i64::from(state.x) + i64::from(state.width) <= right && i64::from(state.y) + i64::from(state.height) <= bottom
        })
}

/// What to keep once the window reports its geometry. Maximized, its size
/// and position are the screen's, so the last normal ones are kept with the
/// flag; minimized, nothing changes.
pub fn observe(kept: Option<WindowState>, size: (u32, u32), position: (i32, i32), maximized: bool, minimized: bool) -> Option<WindowState> {
    let now = WindowState { width: size.0, height: size.1, x: position.0, y: position.1, maximized };
    match kept {
        _ if minimized || size.0 == 0 || size.1 == 0 => kept,
        Some(k) if maximized => Some(WindowState { maximized: true, ..k }),
        _ => Some(now),
    }
}

pub fn load(file: &Path) -> Option<WindowState> {
    serde_json::from_slice(&std::fs::read(file).ok()?).ok()
}

pub fn save(file: &Path, state: &WindowState) -> std::io::Result<()> {
    crate::recent::write_atomic(file, &serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?)
}

/// Gives `window` its size and position from `file` when they fit on a
/// monitor, then keeps them there as the window changes: a moment after the
/// last move or resize, and when it is closed.
pub fn remember<R: Runtime>(window: &WebviewWindow<R>, file: PathBuf) {
    let saved = load(&file);
    let monitors: Vec<Rect> = window
        .available_monitors()
        .unwrap_or_default()
        .iter()
        .map(|m| Rect { x: m.position().x, y: m.position().y, width: m.size().width, height: m.size().height })
        .collect();
    let restored = saved.filter(|s| fits(s, &monitors));
    if let Some(s) = restored {
        let _ = window.set_size(PhysicalSize::new(s.width, s.height));
        let _ = window.set_position(PhysicalPosition::new(s.x, s.y));
        if s.maximized {
            let _ = window.maximize();
        }
    }

    let kept = Arc::new(Mutex::new(restored));
    let write = {
        let (kept, file) = (kept.clone(), file.clone());
        // Under the lock, so an older state never overwrites a newer one.
        move || {
            let kept = kept.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(s) = *kept {
                let _ = save(&file, &s);
            }
        }
    };
    let (settled, changes) = mpsc::channel::<()>();
    let write_later = write.clone();
    std::thread::spawn(move || {
        while changes.recv().is_ok() {
            loop {
                match changes.recv_timeout(SETTLE) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return write_later(),
                }
            }
            write_later();
        }
    });

    let w = window.clone();
    window.on_window_event(move |event| {
        let closing = matches!(event, WindowEvent::CloseRequested { .. });
        if !closing && !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            return;
        }
        let (Ok(size), Ok(position)) = (w.inner_size(), w.outer_position()) else { return };
        let (maximized, minimized) = (w.is_maximized().unwrap_or(false), w.is_minimized().unwrap_or(false));
        {
            let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
            *kept = observe(*kept, (size.width, size.height), (position.x, position.y), maximized, minimized);
        }
        if closing {
            write();
        } else {
            let _ = settled.send(());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Rect = Rect { x: 0, y: 0, width: 1920, height: 1080 };
    const RIGHT: Rect = Rect { x: 1920, y: 0, width: 1280, height: 1024 };

    fn at(x: i32, y: i32, width: u32, height: u32) -> WindowState {
        WindowState { width, height, x, y, maximized: false }
    }

    #[test]
    fn a_window_fits_when_it_lies_on_one_monitor() {
        assert!(fits(&at(100, 80, 1440, 860), &[SCREEN]));
        assert!(fits(&at(0, 0, 1920, 1080), &[SCREEN]));
        assert!(fits(&at(2000, 50, 1200, 900), &[SCREEN, RIGHT]));
        // The second monitor was unplugged, or the window hangs off an edge.
        assert!(!fits(&at(2000, 50, 1200, 900), &[SCREEN]));
        assert!(!fits(&at(600, 300, 1440, 860), &[SCREEN]));
        assert!(!fits(&at(-20, 0, 1440, 860), &[SCREEN]));
        // Across two monitors is on neither.
        assert!(!fits(&at(1500, 0, 1000, 800), &[SCREEN, RIGHT]));
        assert!(!fits(&at(0, 0, 0, 0), &[SCREEN]));
        assert!(!fits(&at(0, 0, 800, 600), &[]));
    }

    #[test]
    fn maximized_keeps_the_normal_size_and_minimized_changes_nothing() {
        let normal = observe(None, (1200, 700), (40, 30), false, false);
        assert_eq!(normal, Some(at(40, 30, 1200, 700)));
        let maximized = observe(normal, (1920, 1053), (0, 27), true, false).unwrap();
        assert_eq!(maximized, WindowState { maximized: true, ..at(40, 30, 1200, 700) });
        // Unmaximized: back to the normal geometry, flag off.
        assert_eq!(observe(Some(maximized), (1200, 700), (40, 30), false, false), normal);
        assert_eq!(observe(normal, (0, 0), (-32000, -32000), false, true), normal);
        // Maximized from the first start: that is all there is to keep.
        assert_eq!(observe(None, (1920, 1053), (0, 27), true, false), Some(WindowState { maximized: true, ..at(0, 27, 1920, 1053) }));
    }

    #[test]
    fn the_state_survives_a_save_and_a_bad_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config").join(FILE);
        assert_eq!(load(&file), None);
        let s = WindowState { maximized: true, ..at(10, 20, 1100, 700) };
        save(&file, &s).unwrap();
        assert_eq!(load(&file), Some(s));
        std::fs::write(&file, "{\"width\": 3}").unwrap();
        assert_eq!(load(&file), None);
    }
}
