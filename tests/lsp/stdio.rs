//! The built `brieflint lsp` binary over stdio: a session from initialize to exit, nothing but protocol on
//! stdout, and the exit statuses.

use crate::support::lsp_client::{text_at, Client};
use serde_json::{json, Value};
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

fn spawn(args: &[&str]) -> (Child, Client<ChildStdout, ChildStdin>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brieflint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    (child, Client::new(stdout, stdin))
}

async fn status(child: &mut Child) -> i32 {
    tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("the server exits")
        .unwrap()
        .code()
        .expect("an exit status")
}

/// Without a workspace folder: told to lint every document.
fn init() -> Value {
    json!({ "processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": { "enable": "always" } })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_session_over_stdio_ends_with_status_zero() {
    let (mut child, mut client) = spawn(&["lsp", "--stdio"]);
    let result = client.initialize(init()).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    let uri = "file:///brief/stdio.md";
    let text = "# Note\n\n😀 The convoy lost four vehicles near Bannu. The TTP denied it.\n";
    client.open(uri, "markdown", text).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    let flagged: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unattributed-claim")
        .collect();
    assert!(!flagged.is_empty(), "{diagnostics:?}");
    assert!(text_at(text, &flagged[0]["range"], false).contains("The convoy lost four vehicles near Bannu."));

    let column = text.lines().nth(2).unwrap().chars().map(char::len_utf16).sum::<usize>() - "TTP denied it.".len() + 1;
    let hover = client
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": column } }),
        )
        .await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Tehreek-e-Taliban Pakistan"));

    client.shutdown_and_exit().await;
    assert_eq!(status(&mut child).await, 0);
    // Every byte on stdout was a framed message: the client would have failed on anything else.
    assert!(client.read().await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_status_one() {
    let (mut child, mut client) = spawn(&["lsp"]);
    client.initialize(init()).await;
    client.notify("exit", Value::Null).await;
    assert_eq!(status(&mut child).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_end_of_input_without_shutdown_is_status_one() {
    let (mut child, client) = spawn(&["lsp"]);
    drop(client);
    assert_eq!(status(&mut child).await, 1);
}
