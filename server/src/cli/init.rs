//! `brieflint init`: write a commented default `brieflint.toml`, never over an existing file.

use super::exit;
use brieflint_core::config;
use std::io::Write;
use std::path::Path;

pub fn run(dir: &Path) -> i32 {
    let path = dir.join("brieflint.toml");
    if path.exists() {
        eprintln!(
            "error: {} already exists; brieflint init does not overwrite it",
            path.display()
        );
        return exit::ERROR;
    }
    match write_atomically(&path, &config::template()) {
        Ok(()) => {
            println!("wrote {}", path.display());
            exit::CLEAN
        }
        Err(e) => {
            eprintln!("error: {e}");
            exit::ERROR
        }
    }
}

/// Write through a temporary file in the same folder and rename it into place, so a crash never leaves half a
/// file.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(text.as_bytes()).and_then(|_| file.sync_all()))
        .and_then(|_| std::fs::rename(&temp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {}: {e}", path.display())
    })
}
