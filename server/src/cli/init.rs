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
/// file. A file rewritten keeps its permissions, and a link keeps pointing at it: the file it names is replaced.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let target = std::fs::canonicalize(path).ok();
    let permissions = target
        .as_deref()
        .and_then(|t| std::fs::metadata(t).ok())
        .map(|m| m.permissions());
    let path = target.as_deref().unwrap_or(path);
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
        .and_then(|mut file| {
            if let Some(permissions) = permissions {
                file.set_permissions(permissions)?;
            }
            file.write_all(text.as_bytes()).and_then(|_| file.sync_all())
        })
        .and_then(|_| std::fs::rename(&temp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_rewritten_file_keeps_its_permissions_and_its_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_atomically(&link, "new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
