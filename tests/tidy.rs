//! Tidy: the architecture invariants of ARCHITECTURE.md, checked on every `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository root")
        .to_owned()
}

/// Every file below `dir` whose name ends in one of `extensions`, skipping build output.
fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | "node_modules" | "dist" | ".git" | "gen"
                ) {
                    pending.push(path);
                }
            } else if extensions.iter().any(|extension| name.ends_with(extension)) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn rust_files() -> Vec<PathBuf> {
    let root = root();
    ["crates", "src-tauri", "tests"]
        .iter()
        .flat_map(|dir| files(&root.join(dir), &[".rs"]))
        .collect()
}

struct Package {
    name: String,
    manifest: PathBuf,
    dependencies: Vec<String>,
}

fn workspace_packages() -> Result<Vec<Package>, Box<dyn std::error::Error>> {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root())
        .output()?;
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("no packages in cargo metadata")?;
    Ok(packages
        .iter()
        .map(|package| Package {
            name: package["name"].as_str().unwrap_or_default().to_owned(),
            manifest: PathBuf::from(package["manifest_path"].as_str().unwrap_or_default()),
            dependencies: package["dependencies"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|dependency| dependency["kind"].is_null())
                .filter_map(|dependency| dependency["name"].as_str().map(str::to_owned))
                .collect(),
        })
        .collect())
}

#[test]
fn crates_under_crates_do_not_depend_on_tauri() -> TestResult {
    for package in workspace_packages()? {
        if !package.manifest.starts_with(root().join("crates")) {
            continue;
        }
        for dependency in &package.dependencies {
            assert!(
                !dependency.starts_with("tauri"),
                "{} depends on {dependency}: the core must run without Tauri",
                package.name
            );
        }
    }
    Ok(())
}

#[test]
fn the_app_does_not_reach_past_the_core() -> TestResult {
    let app = workspace_packages()?
        .into_iter()
        .find(|package| package.name == "flotta-app")
        .ok_or("flotta-app is missing")?;
    for forbidden in [
        "rusqlite",
        "reqwest",
        "printpdf",
        "csv",
        "flotta-store",
        "flotta-domain",
    ] {
        assert!(
            !app.dependencies
                .iter()
                .any(|dependency| dependency == forbidden),
            "src-tauri depends on {forbidden}: it talks only to flotta-core"
        );
    }
    Ok(())
}

#[test]
fn only_the_store_contains_sql() {
    let store = root().join("crates/flotta-store");
    let keywords = [
        "SELECT ",
        "INSERT INTO",
        "CREATE TABLE",
        "UPDATE ",
        "DELETE FROM",
    ];
    for path in rust_files() {
        if path.starts_with(&store) || path.ends_with("tidy.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for keyword in keywords {
            let in_string = text.lines().any(|line| {
                line.contains(keyword) && line.contains('"') && !line.trim_start().starts_with("//")
            });
            assert!(
                !in_string,
                "{} contains SQL ({keyword:?}); SQL lives in flotta-store",
                path.display()
            );
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    for path in rust_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text.starts_with("//!"),
            "{} must open with a `//!` line saying what it holds",
            path.display()
        );
    }
}

#[test]
fn no_test_is_skipped() {
    let root = root();
    // Assembled so that this file does not match its own patterns.
    let rust_patterns = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    let script_patterns = [
        concat!(".", "skip("),
        concat!(".", "only("),
        concat!("it.", "todo"),
        concat!("test.", "todo"),
    ];
    for path in rust_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for pattern in rust_patterns {
            assert!(
                !text.contains(pattern),
                "{} has {pattern}: no skipped tests",
                path.display()
            );
        }
    }
    let scripts = [root.join("ui/src"), root.join("tests/e2e")]
        .iter()
        .flat_map(|dir| files(dir, &[".ts", ".tsx", ".mjs", ".js"]))
        .collect::<Vec<_>>();
    for path in scripts {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for pattern in script_patterns {
            assert!(
                !text.contains(pattern),
                "{} has {pattern}: no skipped tests",
                path.display()
            );
        }
    }
}

#[test]
fn architecture_md_names_every_crate_and_folder() -> TestResult {
    let root = root();
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md"))?;
    for package in workspace_packages()? {
        assert!(
            architecture.contains(&package.name),
            "ARCHITECTURE.md does not mention {}",
            package.name
        );
    }
    for folder in ["ui/", "assets/", "tests/", ".ci/", "scripts/", "src-tauri/"] {
        assert!(
            architecture.contains(folder),
            "ARCHITECTURE.md does not mention {folder}"
        );
    }
    Ok(())
}
