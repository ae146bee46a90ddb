//! Installing brieflint: the release workflow (`.github/workflows/release.yml`, checked by actionlint where
//! `scripts/install-ci-tools` installed it, else `SKIPPED`) and the archive its build script packs (scripts/test
//! builds the Linux x64 one and points `BRIEFLINT_RELEASE_ARCHIVE` at it, else `SKIPPED`); what the published
//! crates hold; one licence everywhere; the README's install facts.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;
use support::{brieflint, ci_tool, repo, stdout};

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The Rust targets `scripts/action/install` downloads a release asset for.
fn action_targets() -> Vec<String> {
    let install = read("scripts/action/install");
    let pattern = regex::Regex::new(r"\) target=([a-z0-9_-]+) ;;").unwrap();
    pattern.captures_iter(&install).map(|c| c[1].to_string()).collect()
}

#[test]
fn the_release_workflow_builds_every_asset_the_action_installs() {
    let targets = action_targets();
    assert_eq!(
        targets.len(),
        5,
        "Linux and macOS x64 and arm64, Windows x64: {targets:?}"
    );
    assert!(read("scripts/action/install").contains("/brieflint-$target.tar.gz"));
    assert!(read("scripts/release/build").contains("archive=\"brieflint-$target.tar.gz\""));
    let workflow = read(".github/workflows/release.yml");
    assert!(
        workflow.contains("scripts/release/build \"$TARGET\" dist"),
        "{workflow}"
    );
    assert!(workflow.contains("tags: [\"v*\"]"));
    let built: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.split("{ target: ").nth(1))
        .map(|rest| rest.split(',').next().unwrap())
        .collect();
    assert_eq!(built, targets, "the workflow's matrix, in the Action's order");
    for asset in [
        "SHA256SUMS",
        "npm run package -- --target \"$VSCODE_TARGET\"",
        "gh release upload",
    ] {
        assert!(workflow.contains(asset), "{asset}");
    }
}

/// actionlint checks every workflow of the repository, and `action.yml` with them.
#[test]
fn the_workflows_pass_actionlint() {
    let Some(actionlint) = ci_tool("actionlint") else {
        println!("SKIPPED: actionlint is not installed (scripts/install-ci-tools installs it)");
        return;
    };
    let workflows: Vec<PathBuf> = std::fs::read_dir(repo().join(".github/workflows"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml"))
        .collect();
    assert!(!workflows.is_empty());
    let output = Command::new(actionlint)
        .arg("-no-color")
        .args(&workflows)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
}

/// The archive `scripts/release/build` packed: the executable at its top level (the Action unpacks it straight
/// into a bin folder), the README and the licence; its checksum file; and a binary that runs with the built-in
/// knowledge base inside.
#[test]
fn the_release_archive_holds_a_working_binary_the_readme_and_the_licence() {
    let Some(archive) = std::env::var_os("BRIEFLINT_RELEASE_ARCHIVE").map(PathBuf::from) else {
        println!("SKIPPED: no release archive (scripts/test builds one with scripts/release/build)");
        return;
    };
    let name = archive.file_name().unwrap().to_str().unwrap().to_string();
    assert!(name.starts_with("brieflint-") && name.ends_with(".tar.gz"), "{name}");
    let list = Command::new("tar").arg("-tzf").arg(&archive).output().unwrap();
    assert!(list.status.success(), "{}", text(&list));
    let mut entries: Vec<String> = stdout(&list).lines().map(str::to_string).collect();
    entries.sort();
    assert_eq!(entries, ["LICENSE", "README.md", "brieflint"]);

    let sums = std::fs::read_to_string(format!("{}.sha256", archive.display())).unwrap();
    let sum = Command::new("sha256sum").arg(&archive).output().unwrap();
    assert_eq!(
        sums.split_whitespace().collect::<Vec<_>>(),
        [stdout(&sum).split_whitespace().next().unwrap(), name.as_str()]
    );

    let dir = tempfile::tempdir().unwrap();
    let unpack = Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(unpack.status.success(), "{}", text(&unpack));
    assert_eq!(
        std::fs::read(dir.path().join("LICENSE")).unwrap(),
        std::fs::read(repo().join("LICENSE")).unwrap()
    );
    let binary = dir.path().join("brieflint");
    let version = Command::new(&binary).arg("--version").output().unwrap();
    assert!(version.status.success(), "{}", text(&version));
    assert_eq!(
        stdout(&version).trim(),
        format!("brieflint {}", env!("CARGO_PKG_VERSION"))
    );
    let actors = Command::new(&binary)
        .args(["actors", "TTP"])
        .env("NO_COLOR", "1")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        stdout(&actors).contains("Tehreek-e-Taliban Pakistan"),
        "the built-in knowledge base: {}",
        text(&actors)
    );
}

/// A published crate holds only its own folder, so the core reads `seeds/actors.toml` through a symlink inside
/// it (cargo packs the file it points to); a copy could drift from the one source.
#[test]
fn the_core_crate_holds_the_built_in_knowledge_base_by_a_symlink_to_seeds() {
    let link = repo().join("server/core/actors.toml");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::canonicalize(&link).unwrap(),
        std::fs::canonicalize(repo().join("seeds/actors.toml")).unwrap()
    );
    assert_eq!(brieflint_core::actors::BUILTIN_TOML, read("seeds/actors.toml"));
}

#[test]
fn every_manifest_and_licence_file_says_mit() {
    let manifest = |path: &str| read(path).parse::<toml::Table>().unwrap();
    let root = manifest("Cargo.toml");
    assert_eq!(root["workspace"]["package"]["license"].as_str(), Some("MIT"));
    for crate_manifest in ["server/Cargo.toml", "server/core/Cargo.toml"] {
        assert_eq!(
            manifest(crate_manifest)["package"]["license"]["workspace"].as_bool(),
            Some(true),
            "{crate_manifest}"
        );
    }
    assert_eq!(manifest("fuzz/Cargo.toml")["package"]["license"].as_str(), Some("MIT"));
    let extension: Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    assert_eq!(extension["license"], "MIT");
    let licence = read("LICENSE");
    assert!(licence.starts_with("MIT License\n"), "{licence}");
    for copy in ["editors/vscode/LICENSE", "server/LICENSE", "server/core/LICENSE"] {
        assert_eq!(read(copy), licence, "{copy}");
    }
}

/// The README's minimum Rust is the manifests' `rust-version`.
#[test]
fn the_readme_gives_the_minimum_rust_version_of_the_manifests() {
    let root = read("Cargo.toml").parse::<toml::Table>().unwrap();
    let rust_version = root["workspace"]["package"]["rust-version"].as_str().unwrap();
    for crate_manifest in ["server/Cargo.toml", "server/core/Cargo.toml"] {
        assert!(
            read(crate_manifest).contains("rust-version.workspace = true"),
            "{crate_manifest}"
        );
    }
    assert!(
        read("README.md").contains(&format!("Rust {rust_version} or newer")),
        "README: Rust {rust_version}"
    );
}

/// The README's sample of `--format json` is a finding that `check` really reports on the sample briefings.
#[test]
fn the_readme_json_sample_is_a_real_finding() {
    let readme = read("README.md");
    let sample = readme
        .split("```json\n")
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.contains("\"diagnostics\""))
        .expect("the JSON sample");
    let sample: Value = serde_json::from_str(sample).unwrap();
    let file = &sample["files"][0];
    let shown = &file["diagnostics"][0];
    let output = brieflint(&repo(), &["check", "--format", "json", "seeds/briefings"]);
    let real: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let real_file = real["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == file["path"])
        .unwrap_or_else(|| panic!("{} has findings", file["path"]));
    let found = real_file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == shown["code"] && d["start"] == shown["start"] && d["end"] == shown["end"]);
    let found = found.unwrap_or_else(|| panic!("{shown} among {}", real_file["diagnostics"]));
    let prefix = shown["message"].as_str().unwrap().trim_end_matches('…');
    assert!(found["message"].as_str().unwrap().starts_with(prefix), "{found}");
    assert!(Path::new(file["path"].as_str().unwrap()).starts_with("seeds/briefings"));
}

/// The README's sample of the human output: its finding's first words and its quoted line are what `check` prints.
#[test]
fn the_readme_human_sample_is_a_real_finding() {
    let readme = read("README.md");
    let sample = readme
        .split("```text\n")
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.contains("warning["))
        .expect("the human sample");
    let human = stdout(&brieflint(&repo(), &["check", "seeds/briefings"]));
    let location = sample.split(" No source").next().unwrap();
    let quoted = sample.lines().find(|l| l.starts_with("  │ ")).unwrap();
    let real = human
        .lines()
        .position(|l| l.starts_with(location))
        .unwrap_or_else(|| panic!("{location} in {human}"));
    assert_eq!(human.lines().nth(real + 1), Some(quoted), "{human}");
}
