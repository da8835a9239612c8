//! Points tauri-build at the configuration in the repository root.

fn main() {
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
    {
        panic!("tauri-build failed: {error:#}");
    }
}
