//! The Flotta desktop app's entry point.

// Without this a release build on Windows opens a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    prefer_shared_memory_rendering();
    flotta_app::run();
}

/// WebKitGTK's DMA-BUF renderer falls back to software OpenGL on machines without a usable
/// GPU (virtual desktops, remote sessions), which doubles the web process's memory (measured:
/// 270 MB against 135 MB with 50,000 devices) and is known to leave windows blank on some
/// drivers. Shared-memory rendering is the safe default; a user can still set the variable.
fn prefer_shared_memory_rendering() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: this runs first in `main`, before any other thread exists, so nothing can
        // read the environment concurrently.
        #[expect(
            unsafe_code,
            reason = "setting an environment variable before threads start"
        )]
        unsafe {
            std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
        }
    }
}
