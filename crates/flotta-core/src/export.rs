//! Writing an export where the user asked: into a temporary file beside the target, then
//! renamed over it, so a full disk or a crash leaves the old file or none, never half a file.

use std::io::Write;
use std::path::Path;

use crate::Error;

/// Where the app puts an export the user did not place: their Downloads folder (else their
/// home folder, else the working folder), under `name` with the time and `extension`, never
/// over a file.
pub(crate) fn in_downloads(
    name: &str,
    extension: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> std::path::PathBuf {
    let folder = dirs::download_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let stamp = at.format("%Y-%m-%d-%H%M%S");
    let mut path = folder.join(format!("{name}-{stamp}.{extension}"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{name}-{stamp}-{n}.{extension}"));
        n += 1;
    }
    path
}

pub(crate) fn write_beside_then_rename(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let failed = |source: std::io::Error| Error::Export {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|error| failed(error.error))?;
    Ok(())
}
