//! Which documents the server lints: `brieflint.toml`'s `[files]` as `brieflint check` applies them, and the
//! `enable` setting (`auto`, `always`, `never`).

use super::{at, change, init_params, start, with_code, Pipe, UNSOURCED};
use crate::support::lsp_client::file_uri;
use crate::support::{brieflint, stdout, write};
use serde_json::{json, Value};
use std::path::Path;

async fn serving(root: &Path, options: Value) -> Pipe {
    let mut client = start();
    client.initialize(init_params(Some(root), false, options)).await;
    client
}

/// Open `name` under `root` holding the unsourced sentence; the diagnostics first published for it.
async fn open_unsourced(client: &mut Pipe, root: &Path, name: &str) -> (String, Vec<Value>) {
    let uri = file_uri(&root.join(name));
    client.open(&uri, "markdown", &format!("{UNSOURCED}\n")).await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    (uri, diagnostics)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_excluded_file_gets_nothing_from_the_server_or_from_check() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brieflint.toml", "[files]\nexclude = [\"drafts/**\"]\n");
    write(dir.path(), "drafts/early.md", format!("{UNSOURCED}\n"));
    write(dir.path(), "briefs/final.md", format!("{UNSOURCED}\n"));

    let mut client = serving(dir.path(), Value::Null).await;
    let (draft, diagnostics) = open_unsourced(&mut client, dir.path(), "drafts/early.md").await;
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let pulled = client
        .request("textDocument/diagnostic", json!({ "textDocument": { "uri": draft } }))
        .await;
    assert!(pulled["items"].as_array().unwrap().is_empty(), "{pulled}");
    // The same folder's other files are linted: the exclusion, not the folder, silenced the draft.
    let (_, diagnostics) = open_unsourced(&mut client, dir.path(), "briefs/final.md").await;
    assert_eq!(
        with_code(&diagnostics, "unattributed-claim").len(),
        1,
        "{diagnostics:?}"
    );

    let output = brieflint(dir.path(), &["check", "--format", "json", "."]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().all(|p| !p.contains("early")), "{paths:?}");
    assert!(paths.iter().any(|p| p.contains("final")), "{paths:?}");
    // Named on the command line, as an editor's save hook or pre-commit names it, with the excludes applied.
    let named = brieflint(
        dir.path(),
        &["check", "--force-exclude", "--format", "json", "drafts/early.md"],
    );
    let report: Value = serde_json::from_str(&stdout(&named)).unwrap();
    assert!(report["files"].as_array().unwrap().is_empty(), "{report}");
    assert!(named.status.success(), "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_lints_a_folder_once_brieflint_toml_appears_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = serving(dir.path(), Value::Null).await;
    let (uri, diagnostics) = open_unsourced(&mut client, dir.path(), "brief.md").await;
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(client.request("textDocument/hover", at(&uri, 0, 6)).await.is_null());

    let config = dir.path().join("brieflint.toml");
    std::fs::write(&config, "").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": file_uri(&config), "type": 1 }] }),
        )
        .await;
    let published = client
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
        })
        .await;
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(with_code(diagnostics, "unattributed-claim").len(), 1, "{diagnostics:?}");
    let hover = client.request("textDocument/hover", at(&uri, 0, 6)).await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("unattributed-claim"));

    // And off again when it goes.
    std::fs::remove_file(&config).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": file_uri(&config), "type": 3 }] }),
        )
        .await;
    client
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"].as_array().unwrap().is_empty()
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn always_lints_a_folder_without_configuration_and_never_lints_one_with() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = serving(dir.path(), json!({ "enable": "always" })).await;
    let (_, diagnostics) = open_unsourced(&mut client, dir.path(), "brief.md").await;
    assert_eq!(
        with_code(&diagnostics, "unattributed-claim").len(),
        1,
        "{diagnostics:?}"
    );

    write(dir.path(), "brieflint.toml", "");
    let mut client = serving(dir.path(), json!({ "enable": "never" })).await;
    let (_, diagnostics) = open_unsourced(&mut client, dir.path(), "brief.md").await;
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn front_matter_opts_a_file_in_under_auto() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = serving(dir.path(), Value::Null).await;
    let uri = file_uri(&dir.path().join("brief.md"));
    let front_matter = "---\nbrieflint: true\n---\n";
    let typing = "Attacks by Tehr";
    client
        .open(&uri, "markdown", &format!("{front_matter}{UNSOURCED}\n\n{typing}"))
        .await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    assert_eq!(
        with_code(&diagnostics, "unattributed-claim").len(),
        1,
        "{diagnostics:?}"
    );
    let completions = client.request("textDocument/completion", at(&uri, 5, 15)).await;
    assert_eq!(
        completions["items"][0]["label"], "Tehreek-e-Taliban Pakistan",
        "{completions}"
    );

    // Without it, the file is not linted: what was published is taken back, and completion is off.
    change(
        &mut client,
        &uri,
        2,
        json!([{ "text": format!("{UNSOURCED}\n\n{typing}") }]),
    )
    .await;
    assert!(client.diagnostics(&uri, Some(2)).await.is_empty());
    let completions = client.request("textDocument/completion", at(&uri, 2, 15)).await;
    assert!(completions.is_null(), "{completions}");
}
