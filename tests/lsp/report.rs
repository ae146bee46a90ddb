//! `workspace/executeCommand` `brieflint.sourcingReport`: advertised, it returns the report of the document's
//! current unsaved text with the counts of its diagnostics, and a bad request gets an error while the server
//! goes on.

use super::{change, started};
use serde_json::{json, Value};

fn report_of(uri: &str) -> Value {
    command("brieflint.sourcingReport", json!([uri]))
}

fn command(name: &str, arguments: Value) -> Value {
    json!({ "command": name, "arguments": arguments })
}

fn data(html: &str, name: &str) -> usize {
    let key = format!(r#"data-{name}=""#);
    let at = html.find(&key).unwrap_or_else(|| panic!("no {key}")) + key.len();
    html[at..].split('"').next().unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_of_the_unsaved_text_agrees_with_its_diagnostics() {
    let mut client = super::start();
    let result = client.initialize(super::init_params(None, true, super::always())).await;
    let commands = &result["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(commands, &json!(["brieflint.sourcingReport"]));

    let uri = "file:///brief/report.md";
    client
        .open(uri, "markdown", "# Week\n\nThe convoy lost four vehicles near Bannu.\n")
        .await;
    client.diagnostics(uri, Some(1)).await;
    let added = "Officials say the TTP <planned> it.";
    change(
        &mut client,
        uri,
        2,
        json!([{ "text": format!("# Week\n\nThe convoy lost four vehicles near Bannu. {added}\n") }]),
    )
    .await;
    let diagnostics = client.diagnostics(uri, Some(2)).await;

    let result = client.request("workspace/executeCommand", report_of(uri)).await;
    assert_eq!(result["title"], "Sourcing report: /brief/report.md");
    let html = result["html"].as_str().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("Officials say the TTP &lt;planned&gt; it."),
        "the unsaved text is reported"
    );
    let count = |code: &str| diagnostics.iter().filter(|d| d["code"] == code).count();
    assert_eq!(data(html, "findings"), diagnostics.len());
    assert_eq!(data(html, "unattributed"), count("unattributed-claim"));
    assert_eq!(data(html, "vague"), count("vague-attribution"));
    assert_eq!(data(html, "vague"), 1);
    assert!(html.contains("Tehreek-e-Taliban Pakistan"), "the actors' cards");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_report_request_is_an_error_and_the_server_goes_on() {
    let mut client = started(true).await;
    let not_open = client
        .call("workspace/executeCommand", report_of("file:///brief/closed.md"))
        .await;
    assert!(
        not_open["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not an open document"),
        "{not_open}"
    );
    for (name, arguments) in [
        ("brieflint.sourcingReport", json!([])),
        ("brieflint.nothing", json!([])),
    ] {
        let answer = client.call("workspace/executeCommand", command(name, arguments)).await;
        assert!(answer["error"].is_object(), "{answer}");
    }

    let uri = "file:///brief/after.md";
    client
        .open(uri, "markdown", "The convoy lost four vehicles near Bannu.\n")
        .await;
    assert!(!client.diagnostics(uri, Some(1)).await.is_empty());
    let by_object = command("brieflint.sourcingReport", json!([{ "uri": uri }]));
    let result = client.request("workspace/executeCommand", by_object).await;
    assert!(result["html"].as_str().unwrap().contains("lost four vehicles"));
}
