//! Where the desktop app keeps its log file: the folder each OS has for an app's logs, so a
//! person can find it (the app's Help shows it) and send it. A Windows GUI app has no console,
//! so without the file its log would go nowhere.

use std::path::PathBuf;

/// The app's identifier, as in `tauri.conf.json`: the name of its folders.
pub const APP_IDENTIFIER: &str = "se.flotta.app";

/// `FLOTTA_LOG_DIR` when set; otherwise `~/Library/Logs/se.flotta.app` on macOS and
/// `<local app data>/se.flotta.app/logs` elsewhere (`~/.local/share/…` on Linux,
/// `%LOCALAPPDATA%\…` on Windows) — the folders Tauri's own log path uses.
pub fn log_folder() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os("FLOTTA_LOG_DIR").filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(folder));
    }
    if cfg!(target_os = "macos") {
        return dirs::home_dir().map(|home| home.join("Library/Logs").join(APP_IDENTIFIER));
    }
    dirs::data_local_dir().map(|data| data.join(APP_IDENTIFIER).join("logs"))
}
