//! Tidy: the architecture invariants of ARCHITECTURE.md, checked on every `cargo test`.
//!
//! No check may pass on nothing: a walk that finds no file fails and names its folder, a file
//! or folder that cannot be read fails and names it, and a table row that names a package that
//! does not exist fails.
//!
//! The checks:
//! - dependency edges, read from `cargo metadata`, against the one table
//!   [`FORBIDDEN_DEPENDENCIES`];
//! - the crates that never read the clock ([`CLOCK_FREE`]) have no call that does;
//! - SQL only in the store, a `//!` line opening every Rust file, no skipped tests;
//! - the shipped migrations are the files they were ([`SHIPPED_MIGRATIONS`]): append-only;
//! - ARCHITECTURE.md names every crate and top folder, and every path it names (and
//!   docs/performance.md names) exists.
//!
//! Which code spans of a document count as paths, and where they must exist: a span is a
//! path when it has no spaces, does not start with `/`, `~`, `-` or `$` (vendor API routes,
//! home folders, options, variables), contains none of `{}?=:*@()$,;` (URL templates, Rust
//! paths, queries), and either contains a `/` or ends in a known file extension (`.rs`, `.md`,
//! `.sql`, …). A trailing `/` asks for a folder. In a section whose heading names folders
//! (``### `crates/flotta-store` ``), a path must exist from the repository root or below one of
//! those folders (`devices.rs` somewhere in `crates/flotta-store`, `src/bindings.ts` in
//! `ui/`); elsewhere it must exist from the root or below any folder of the repository.
//! `<placeholder>` parts name no file, so only the folders before the first one are checked
//! (`commands/<area>.rs` checks `commands/`). Build output, installed packages and generated
//! code (`target`, `node_modules`, `dist`, `gen`) do not count as existing.
//! [`NOT_REPOSITORY_PATHS`] lists the few spans that look like paths but are not, each with
//! its reason; an entry the document no longer names fails, so the list cannot go stale.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The dependency edges ARCHITECTURE.md forbids — the one table of them.
///
/// Dev-dependencies count unless a row says `Edges::Shipped`: a crate's tests are its code
/// and keep its boundaries (the SQL check covers tests too, so a test outside the store has
/// no use for rusqlite; the domain's tests need no runtime). Only the HTTP client is left to
/// tests, which may talk to the emulator with a client of their own.
const FORBIDDEN_DEPENDENCIES: &[Forbidden] = &[
    Forbidden {
        packages: Packages::Named(&["flotta-app"]),
        dependencies: Dependencies::OursBut("flotta-core"),
        edges: Edges::All,
        because: "src-tauri reaches our crates only through flotta-core",
    },
    Forbidden {
        packages: Packages::Named(&["flotta-app"]),
        dependencies: Dependencies::Named(&["rusqlite", "reqwest", "printpdf", "csv"]),
        edges: Edges::All,
        because: "src-tauri has no SQL, HTTP, PDF or CSV: it hands every call to flotta-core",
    },
    Forbidden {
        packages: Packages::AllBut("flotta-store"),
        dependencies: Dependencies::Named(&["rusqlite"]),
        edges: Edges::All,
        because: "flotta-store is the only crate with SQL",
    },
    Forbidden {
        packages: Packages::AllBut("flotta-sync"),
        dependencies: Dependencies::Named(&["reqwest"]),
        edges: Edges::Shipped,
        because: "flotta-sync is the only crate that speaks HTTP to the vendors",
    },
    Forbidden {
        packages: Packages::Named(&["flotta-domain", "flotta-demo"]),
        dependencies: Dependencies::Named(&[
            "tokio",
            "mio",
            "async-std",
            "smol",
            "futures",
            "futures-util",
            "reqwest",
            "hyper",
            "rusqlite",
            "libsqlite3-sys",
            "keyring",
        ]),
        edges: Edges::Transitive,
        because: "the domain and the demo fleet do no IO and have no async, not even through a dependency",
    },
    Forbidden {
        packages: Packages::UnderCrates,
        dependencies: Dependencies::Prefixed("tauri"),
        edges: Edges::Transitive,
        because: "the core runs the same from the app, the CLI and tests: no Tauri below src-tauri",
    },
];

/// The crates whose source never reads the clock: their rules take "now" as an argument.
const CLOCK_FREE: &[&str] = &[
    "crates/flotta-domain",
    "crates/flotta-demo",
    "crates/flotta-import",
    "crates/flotta-reports",
];

/// Calls that read the clock.
const CLOCK_READS: &[&str] = &["Utc::now", "Local::now", "SystemTime::now", "Instant::now"];

/// Every migration in `crates/flotta-store/migrations/` with the SHA-256 of its bytes, as
/// `sha256sum` prints it. Migrations are append-only: a database that ran one never runs it
/// again, so an edit reaches only new registers. A new migration gets its row here.
const SHIPPED_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        "4e10e81b5e0874aa5af40a48e008a7062029e40e04b47917cdc0e93623ac08e2",
    ),
    (
        "0002_sync.sql",
        "0cc35225dc2ea5d036f318e4222598be56b68d630faddf8dc82cb39d50f5c257",
    ),
    (
        "0003_apps.sql",
        "bc9eed9212a07efcaa2fe1444b5f084cf6d11ef46016193f55765d8af296d84b",
    ),
    (
        "0004_search.sql",
        "93f32a232492306eafdb94f302d4b3843aca2c542a1baae06161a17d2c68fcec",
    ),
    (
        "0005_devices_checks.sql",
        "397e2e4a0a1f394602e8c454f85d9648b5b5c6cca39d0f254a02e858f86be1f1",
    ),
    (
        "0006_sync_run_owner.sql",
        "5bf98ab53d8a4b36c6bbfb86eb1d4c5ec4c3ed560f9d733c01f1f743c009251b",
    ),
    (
        "0007_devices_without_serial.sql",
        "454b43f6c17533757cd26c8930f8acc9861e5808a17b7550a2e9e0b55e93a17b",
    ),
    (
        "0008_history_reason.sql",
        "2507fe7cd9b6384dca5b2e4c772f9c3bd1b09d10a5919bc527b9c24d14104325",
    ),
    (
        "0009_purchases.sql",
        "f8c14c6b7b0c2fbb18c45906257ff4789a5f72c8b8ee2709abde50aebaef49d5",
    ),
    (
        "0010_certification.sql",
        "2e8ab6fdcb287ad851fa09a924d098efa354a5b6506bc4ef18f81d8d363aa98d",
    ),
    (
        "0011_preconfig.sql",
        "6a00e23ccb6a0e50776f682c2a7dbc0a117ba86633f783c95758d34fae84207f",
    ),
    (
        "0012_model_lifetime.sql",
        "1220d9fe204934ec9d9d77dc10b2efe2f5cd4bd3f1f7825a09ecda8a00a0bafc",
    ),
    (
        "0013_purchase_edits.sql",
        "0ff05684f9f5cfa5c23d2dd7bbe612d4db79c53f6f255ecb35d54ea208533aec",
    ),
    (
        "0014_repairs.sql",
        "cbad038f2b270d35bc0f3869c20f668d31cc78a482dcda135a51731c4373d4e4",
    ),
    (
        "0015_incidents.sql",
        "c65858c3e3807d4719116bc642b3069986d8ca21db7c23ea2fc5fe25db0d97ff",
    ),
    (
        "0016_app_first_seen.sql",
        "e549c6e0ad17549c20666d52b19ddd5aeb2499d12d9a3bf9fcb97b2bb9c477b7",
    ),
    (
        "0017_app_publisher.sql",
        "b172567b84798dd1e7932a7ab5cccacf3e9511ff45de85bbd527faf2faf508e8",
    ),
    (
        "0018_record_json_apart.sql",
        "7b5aca558cf799001d1532d8bc9114c249b12f102c6b352ca3820f2a1e5e3195",
    ),
];

/// Code spans that look like paths but name no file of the repository, with the reason.
const NOT_REPOSITORY_PATHS: &[(&str, &str)] = &[
    (
        "ui/dist",
        "Vite's output, built by the UI build and not committed",
    ),
    (
        "computers/",
        "the prefix Flotta gives Jamf computer ids, not a folder",
    ),
];

/// The documents whose paths must exist.
const DOCUMENTS_NAMING_PATHS: &[&str] = &["ARCHITECTURE.md", "docs/performance.md"];

/// Folders no walk enters: build output, installed packages, generated code, git's own data.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules", "dist", ".git", "gen"];

#[test]
fn dependency_edges_follow_the_table() -> TestResult {
    let workspace = workspace()?;
    let mut broken = Vec::new();
    for rule in FORBIDDEN_DEPENDENCIES {
        let packages = rule.packages.select(workspace)?;
        for package in packages {
            for dependency in workspace.dependencies(package, rule.edges) {
                if rule.dependencies.contains(dependency, package, workspace)? {
                    let declared = package.declared.iter().any(|(name, _)| name == dependency);
                    let how = if declared {
                        ""
                    } else {
                        " through its dependencies"
                    };
                    broken.push(format!(
                        "{} depends on {dependency}{how}: {}",
                        package.name, rule.because
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    Ok(())
}

#[test]
fn clock_free_crates_never_read_the_clock() -> TestResult {
    let root = root();
    for folder in CLOCK_FREE {
        for path in files(&root.join(folder), &[".rs"])? {
            let text = read(&path)?;
            for (number, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for call in CLOCK_READS {
                    assert!(
                        !line.contains(call),
                        "{}:{} calls {call}: {folder} never reads the clock, its rules take \
                         \"now\" as an argument",
                        path.display(),
                        number + 1
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn only_the_store_contains_sql() -> TestResult {
    let store = root().join("crates/flotta-store");
    let keywords = [
        "SELECT ",
        "INSERT INTO",
        "CREATE TABLE",
        "UPDATE ",
        "DELETE FROM",
    ];
    for path in rust_files()? {
        if path.starts_with(&store) || path.ends_with("tidy.rs") {
            continue;
        }
        let text = read(&path)?;
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
    Ok(())
}

#[test]
fn every_rust_file_opens_with_a_module_comment() -> TestResult {
    for path in rust_files()? {
        assert!(
            read(&path)?.starts_with("//!"),
            "{} must open with a `//!` line saying what it holds",
            path.display()
        );
    }
    Ok(())
}

#[test]
fn no_test_is_skipped() -> TestResult {
    let root = root();
    // Assembled so that this file does not match its own patterns.
    let rust_patterns = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    let script_patterns = [
        concat!(".", "skip("),
        concat!(".", "only("),
        concat!("it.", "todo"),
        concat!("test.", "todo"),
    ];
    for path in rust_files()? {
        let text = read(&path)?;
        for pattern in rust_patterns {
            assert!(
                !text.contains(pattern),
                "{} has {pattern}: no skipped tests",
                path.display()
            );
        }
    }
    let script_extensions = [".ts", ".tsx", ".mjs", ".js"];
    let mut scripts = files(&root.join("ui/src"), &script_extensions)?;
    scripts.extend(files(&root.join("tests/e2e"), &script_extensions)?);
    for path in scripts {
        let text = read(&path)?;
        for pattern in script_patterns {
            assert!(
                !text.contains(pattern),
                "{} has {pattern}: no skipped tests",
                path.display()
            );
        }
    }
    Ok(())
}

#[test]
fn shipped_migrations_are_unchanged() -> TestResult {
    let problems = migration_problems(
        &root().join("crates/flotta-store/migrations"),
        SHIPPED_MIGRATIONS,
    )?;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn architecture_md_names_every_crate_and_folder() -> TestResult {
    let root = root();
    let architecture = read(&root.join("ARCHITECTURE.md"))?;
    for package in &workspace()?.members {
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

#[test]
fn documented_paths_exist() -> TestResult {
    let root = root();
    let entries = walk(&root)?
        .into_iter()
        .map(|entry| {
            let relative = entry.path.strip_prefix(&root).map(Path::to_owned);
            relative.map(|path| Entry {
                path,
                is_dir: entry.is_dir,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut missing = Vec::new();
    for document in DOCUMENTS_NAMING_PATHS {
        let text = read(&root.join(document))?;
        let named = named_paths(&text);
        assert!(
            !named.is_empty(),
            "{document} names no path: the check would pass on nothing"
        );
        for path in named {
            if !path_exists(&entries, &path) {
                let place = match path.folders.as_slice() {
                    [] => "in the repository".to_owned(),
                    folders => format!("from the root or under {}", folders.join(", ")),
                };
                missing.push(format!(
                    "{document}:{} names `{}`, which does not exist {place}",
                    path.line, path.span
                ));
            }
        }
    }
    let architecture = read(&root.join("ARCHITECTURE.md"))?;
    for (span, reason) in NOT_REPOSITORY_PATHS {
        assert!(
            architecture.contains(&format!("`{span}`")),
            "NOT_REPOSITORY_PATHS lists `{span}` ({reason}), which ARCHITECTURE.md no longer \
             names: remove the entry"
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    Ok(())
}

// Dependency rules.

struct Forbidden {
    packages: Packages,
    dependencies: Dependencies,
    edges: Edges,
    because: &'static str,
}

/// The workspace packages a rule holds for.
enum Packages {
    Named(&'static [&'static str]),
    AllBut(&'static str),
    UnderCrates,
}

/// The dependencies a rule forbids.
enum Dependencies {
    Named(&'static [&'static str]),
    Prefixed(&'static str),
    /// Every workspace package except this one (and the package itself).
    OursBut(&'static str),
}

/// Which of a package's dependency edges a rule looks at.
#[derive(Clone, Copy)]
enum Edges {
    /// Its normal, build and dev-dependencies.
    All,
    /// Its normal and build dependencies: what ships.
    Shipped,
    /// Everything its edges of any kind lead to, through normal and build edges below them.
    Transitive,
}

impl Packages {
    fn select<'a>(&self, workspace: &'a Workspace) -> Result<Vec<&'a Package>, String> {
        let selected: Vec<&Package> = match self {
            Packages::Named(names) => names
                .iter()
                .map(|name| workspace.member(name))
                .collect::<Result<_, _>>()?,
            Packages::AllBut(name) => {
                workspace.member(name)?;
                workspace
                    .members
                    .iter()
                    .filter(|package| package.name != *name)
                    .collect()
            }
            Packages::UnderCrates => {
                let crates = root().join("crates");
                workspace
                    .members
                    .iter()
                    .filter(|package| package.manifest.starts_with(&crates))
                    .collect()
            }
        };
        if selected.is_empty() {
            return Err("a dependency rule selects no package: it would pass on nothing".into());
        }
        Ok(selected)
    }
}

impl Dependencies {
    fn contains(
        &self,
        dependency: &str,
        package: &Package,
        workspace: &Workspace,
    ) -> Result<bool, String> {
        Ok(match self {
            Dependencies::Named(names) => names.contains(&dependency),
            Dependencies::Prefixed(prefix) => dependency.starts_with(prefix),
            Dependencies::OursBut(allowed) => {
                workspace.member(allowed)?;
                dependency != *allowed
                    && dependency != package.name
                    && workspace.members.iter().any(|ours| ours.name == dependency)
            }
        })
    }
}

/// The workspace as `cargo metadata` describes it.
struct Workspace {
    members: Vec<Package>,
    /// Package id → (dependency's package id, kind) for every resolved edge on this host.
    resolved: HashMap<String, Vec<(String, Kind)>>,
    /// Package id → package name, for every package of the resolved graph.
    names: HashMap<String, String>,
}

struct Package {
    id: String,
    name: String,
    manifest: PathBuf,
    /// As declared in the manifest, optional and other platforms' dependencies included.
    declared: Vec<(String, Kind)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Normal,
    Build,
    Dev,
}

impl Kind {
    fn parse(kind: &serde_json::Value) -> Result<Kind, String> {
        match kind.as_str() {
            None => Ok(Kind::Normal),
            Some("build") => Ok(Kind::Build),
            Some("dev") => Ok(Kind::Dev),
            Some(other) => Err(format!(
                "unknown dependency kind {other:?} in cargo metadata"
            )),
        }
    }
}

impl Workspace {
    fn member(&self, name: &str) -> Result<&Package, String> {
        self.members
            .iter()
            .find(|package| package.name == name)
            .ok_or_else(|| format!("the dependency table names {name}, no workspace package"))
    }

    /// The names of the packages `package` depends on through `edges`.
    fn dependencies<'a>(&'a self, package: &'a Package, edges: Edges) -> BTreeSet<&'a str> {
        let shipped = |kind: &Kind| *kind != Kind::Dev;
        let mut names: BTreeSet<&str> = package
            .declared
            .iter()
            .filter(|(_, kind)| !matches!(edges, Edges::Shipped) || shipped(kind))
            .map(|(name, _)| name.as_str())
            .collect();
        if let Edges::Transitive = edges {
            let mut seen = BTreeSet::new();
            let mut pending: Vec<&str> = self.edges_of(&package.id, |_| true);
            while let Some(id) = pending.pop() {
                if seen.insert(id) {
                    pending.extend(self.edges_of(id, shipped));
                }
            }
            names.extend(
                seen.iter()
                    .filter_map(|id| self.names.get(*id).map(String::as_str)),
            );
        }
        names
    }

    fn edges_of(&self, id: &str, keep: impl Fn(&Kind) -> bool) -> Vec<&str> {
        self.resolved
            .get(id)
            .into_iter()
            .flatten()
            .filter(|(_, kind)| keep(kind))
            .map(|(dependency, _)| dependency.as_str())
            .collect()
    }
}

/// The workspace, read once per test run: `cargo metadata` for this host's platform (other
/// platforms' crates need not be downloaded), offline.
fn workspace() -> Result<&'static Workspace, String> {
    static WORKSPACE: OnceLock<Result<Workspace, String>> = OnceLock::new();
    WORKSPACE
        .get_or_init(read_workspace)
        .as_ref()
        .map_err(Clone::clone)
}

fn read_workspace() -> Result<Workspace, String> {
    let version = cargo(&["-vV"])?;
    let host = String::from_utf8_lossy(&version)
        .lines()
        .find_map(|line| line.strip_prefix("host: ").map(str::to_owned))
        .ok_or("`cargo -vV` names no host")?;
    let output = cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--offline",
        "--filter-platform",
        &host,
    ])?;
    let metadata: serde_json::Value =
        serde_json::from_slice(&output).map_err(|error| format!("cargo metadata: {error}"))?;
    let text = |value: &serde_json::Value, what: &str| {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("cargo metadata has no {what}"))
    };
    let array = |value: &serde_json::Value, what: &str| {
        value
            .as_array()
            .cloned()
            .ok_or_else(|| format!("cargo metadata has no {what}"))
    };
    let member_ids = array(&metadata["workspace_members"], "workspace_members")?
        .iter()
        .map(|id| text(id, "workspace member id"))
        .collect::<Result<BTreeSet<_>, _>>()?;
    let mut members = Vec::new();
    let mut names = HashMap::new();
    for package in array(&metadata["packages"], "packages")? {
        let id = text(&package["id"], "package id")?;
        let name = text(&package["name"], "package name")?;
        names.insert(id.clone(), name.clone());
        if !member_ids.contains(&id) {
            continue;
        }
        let declared = array(&package["dependencies"], "dependencies")?
            .iter()
            .map(|dependency| {
                Ok((
                    text(&dependency["name"], "dependency name")?,
                    Kind::parse(&dependency["kind"])?,
                ))
            })
            .collect::<Result<_, String>>()?;
        let manifest = PathBuf::from(text(&package["manifest_path"], "manifest path")?);
        members.push(Package {
            id,
            name,
            manifest,
            declared,
        });
    }
    let mut resolved = HashMap::new();
    for node in array(&metadata["resolve"]["nodes"], "resolve nodes")? {
        let mut edges = Vec::new();
        for dependency in array(&node["deps"], "resolved deps")? {
            let id = text(&dependency["pkg"], "resolved dependency id")?;
            for kind in array(&dependency["dep_kinds"], "dep_kinds")? {
                edges.push((id.clone(), Kind::parse(&kind["kind"])?));
            }
        }
        resolved.insert(text(&node["id"], "resolve node id")?, edges);
    }
    if members.len() != member_ids.len() {
        return Err("cargo metadata lists workspace members it does not describe".into());
    }
    Ok(Workspace {
        members,
        resolved,
        names,
    })
}

fn cargo(arguments: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new(env!("CARGO"))
        .args(arguments)
        .current_dir(root())
        .output()
        .map_err(|error| format!("cannot run cargo {}: {error}", arguments.join(" ")))?;
    if !output.status.success() {
        return Err(format!(
            "cargo {} failed: {}",
            arguments.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(output.stdout)
}

// Migrations.

/// What differs between the migrations in `folder` and the `shipped` table.
fn migration_problems(folder: &Path, shipped: &[(&str, &str)]) -> Result<Vec<String>, String> {
    let table = shipped.iter().copied().collect::<HashMap<_, _>>();
    let mut problems = Vec::new();
    let mut present = BTreeSet::new();
    for path in files(folder, &[])? {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{} has no file name", path.display()))?;
        let bytes = std::fs::read(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let hash = Sha256::digest(&bytes)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>();
        match table.get(name.as_str()) {
            Some(expected) if *expected == hash => {}
            Some(expected) => problems.push(format!(
                "{name} differs from the migration that was shipped (sha256 {expected}, now \
                 {hash}): migrations are append-only — undo the edit and put the change in a \
                 new migration (only a migration no database has run yet, one not merged, may \
                 change, with its hash in SHIPPED_MIGRATIONS)"
            )),
            None => problems.push(format!(
                "{name} is a new migration: add its hash to SHIPPED_MIGRATIONS in \
                 tests/tidy.rs: (\"{name}\", \"{hash}\")"
            )),
        }
        present.insert(name);
    }
    for (name, _) in shipped {
        if !present.contains(*name) {
            problems.push(format!(
                "{name} was shipped and is gone: migrations are append-only, never deleted or \
                 renamed"
            ));
        }
    }
    Ok(problems)
}

// Paths named in documents.

struct NamedPath {
    span: String,
    line: usize,
    /// The folders the heading of its section names; empty: anywhere.
    folders: Vec<String>,
}

/// The code spans of `markdown` that are paths, each with the folders of its section.
fn named_paths(markdown: &str) -> Vec<NamedPath> {
    let mut named = Vec::new();
    let mut folders = Vec::new();
    let mut in_code_block = false;
    for (number, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code_block = !in_code_block;
            continue;
        }
        if in_code_block {
            continue;
        }
        // The odd pieces between backticks are the code spans.
        let spans = line
            .split('`')
            .enumerate()
            .filter(|(index, span)| index % 2 == 1 && path_like(span))
            .map(|(_, span)| span);
        if line.starts_with('#') {
            folders = spans
                .clone()
                .filter(|span| root().join(span).is_dir())
                .map(|span| span.trim_end_matches('/').to_owned())
                .collect();
        }
        let not_paths = NOT_REPOSITORY_PATHS.iter().map(|(span, _)| *span);
        for span in spans.filter(|span| !not_paths.clone().any(|not| not == *span)) {
            named.push(NamedPath {
                span: span.to_owned(),
                line: number + 1,
                folders: folders.clone(),
            });
        }
    }
    named
}

fn path_like(span: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "rs", "md", "sql", "sh", "toml", "json", "lock", "ts", "tsx", "js", "mjs", "css", "html",
        "py", "yml", "yaml",
    ];
    let plain = !span.is_empty()
        && !span.starts_with(['/', '~', '-', '$'])
        && !span.contains(|character: char| {
            character.is_whitespace() || "{}?=:*@()$,;".contains(character)
        });
    let has_extension = span
        .rsplit_once('.')
        .is_some_and(|(stem, extension)| !stem.is_empty() && EXTENSIONS.contains(&extension));
    plain && (span.contains('/') || has_extension)
}

/// Whether `named` exists by the rule of this file's doc comment.
fn path_exists(entries: &[Entry], named: &NamedPath) -> bool {
    let fixed = named
        .span
        .split('/')
        .take_while(|part| !part.contains('<'))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>();
    if fixed.is_empty() {
        return true;
    }
    let placeholder = named.span.contains('<');
    let wants_folder = placeholder || named.span.ends_with('/');
    let relative = fixed.iter().collect::<PathBuf>();
    entries.iter().any(|entry| {
        let within_section = named.folders.is_empty()
            || named
                .folders
                .iter()
                .any(|folder| entry.path.starts_with(folder));
        let found = entry.path == relative || (within_section && entry.path.ends_with(&relative));
        found && (entry.is_dir || !wants_folder)
    })
}

// Files.

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository root")
        .to_owned()
}

struct Entry {
    path: PathBuf,
    is_dir: bool,
}

/// Every file and folder below `folder`, skipping [`SKIPPED_FOLDERS`]; a folder that cannot be
/// listed is an error.
fn walk(folder: &Path) -> Result<Vec<Entry>, String> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(folder) = pending.pop() {
        let cannot_list =
            |error: std::io::Error| format!("cannot list {}: {error}", folder.display());
        for entry in std::fs::read_dir(&folder).map_err(cannot_list)? {
            let path = entry.map_err(cannot_list)?.path();
            let is_dir = path.is_dir();
            let skipped = path
                .file_name()
                .is_some_and(|name| SKIPPED_FOLDERS.iter().any(|skipped| name == *skipped));
            if is_dir && skipped {
                continue;
            }
            if is_dir {
                pending.push(path.clone());
            }
            found.push(Entry { path, is_dir });
        }
    }
    found.sort_by(|one, other| one.path.cmp(&other.path));
    Ok(found)
}

/// Every file below `folder` whose name ends in one of `extensions` (any file when there are
/// none); finding none is an error, since a check over no files passes on nothing.
fn files(folder: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, String> {
    let found = walk(folder)?
        .into_iter()
        .filter(|entry| !entry.is_dir)
        .map(|entry| entry.path)
        .filter(|path| {
            let name = path.to_string_lossy();
            extensions.is_empty() || extensions.iter().any(|extension| name.ends_with(extension))
        })
        .collect::<Vec<_>>();
    if found.is_empty() {
        let kind = extensions.join(" or ");
        return Err(format!(
            "found no {kind} file under {}: the check would pass on nothing",
            folder.display()
        ));
    }
    Ok(found)
}

fn rust_files() -> Result<Vec<PathBuf>, String> {
    let root = root();
    let mut found = Vec::new();
    for folder in ["crates", "src-tauri", "tests"] {
        found.extend(files(&root.join(folder), &[".rs"])?);
    }
    Ok(found)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}
