//! What the end-to-end tests share: running the built binary, reading its JSON, writing fixture files; the LSP
//! client (`lsp_client.rs`), random text for property tests (`random_text.rs`), and the labelled-corpus format and
//! scores (`labelled.rs`, `scores.rs`). Each test crate uses only some of it.
#![allow(dead_code)]

pub mod labelled;
pub mod lsp_client;
pub mod random_text;
pub mod scores;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Run the built `brieflint` binary in `dir`, without colour.
pub fn brieflint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brieflint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// Run the built `brieflint` binary in `dir` with `input` on its standard input, without colour.
pub fn brieflint_stdin(dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_brieflint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().expect("the binary ends")
}

/// A command from `scripts/install-ci-tools` (its folder is `$BRIEFLINT_CI_TOOLS`, or `.cache/ci-tools-venv/bin`),
/// or else on PATH; `None` where it does not run.
pub fn ci_tool(name: &str) -> Option<PathBuf> {
    let folders = [
        std::env::var_os("BRIEFLINT_CI_TOOLS").map(PathBuf::from),
        Some(repo().join(".cache/ci-tools-venv/bin")),
    ];
    let candidates = folders.into_iter().flatten().map(|f| f.join(name));
    candidates.chain([PathBuf::from(name)]).find(|command| {
        Command::new(command)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The repository's root folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Write `text` to `dir/name`, creating folders on the way.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The codes of the findings in `check --format json` output, in order.
pub fn codes(output: &Output) -> Vec<String> {
    let json: Value = serde_json::from_str(&stdout(output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)));
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Doctrine: many sentences that prescribe, the rest general description citing no one.
pub fn doctrine_text() -> String {
    let mut text = String::from("# Intelligence support to planning\n\n");
    for i in 0..12 {
        text.push_str(&format!(
            "The J-2 should synchronize collection plan {i} with the operation. The collection manager tracks \
             requirement {i} across the force. The intelligence cell compares the indicators with the estimate. The \
             cell updates the assessment as the situation develops. Targeting follows the commander's priorities.\n\n"
        ));
    }
    text
}
