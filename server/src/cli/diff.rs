//! `check --diff`: what the safe fixes would change, as a unified diff that `patch -p1`/`git apply` read.

use std::path::Path;

/// The diff from `before` to `after` for `path`, empty when they are the same.
pub fn unified(path: &Path, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let name = path.to_string_lossy().replace('\\', "/");
    let name = name.trim_start_matches("./");
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_changed_lines_with_context() {
        let diff = unified(Path::new("./a.md"), "one\ntwo\n", "one\n2\n");
        assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n@@"), "{diff}");
        assert!(diff.contains("\n-two\n+2\n"), "{diff}");
        assert_eq!(unified(Path::new("a.md"), "same\n", "same\n"), "");
    }
}
