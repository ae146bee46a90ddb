//! End-to-end tests of the language server, checking what an editor would see:
//!
//! - here, in process: real JSON-RPC over a duplex pipe into `brieflint::lsp::serve`;
//! - `lsp/stdio.rs`: the built `brieflint lsp` binary over stdio, a session from initialize to exit, and its exit
//!   statuses;
//! - `lsp/positions.rs`: property tests of the document rope and of LSP positions ↔ byte offsets;
//! - `lsp/kb.rs`: the built-in UN pack (hover, completion ranking) and an open knowledge-base file's problems;
//! - `lsp/scope.rs`: which documents are linted (`[files]`, `enable`), against `brieflint check` too;
//! - `lsp/report.rs`: the sourcing report through `workspace/executeCommand`.
//!
//! The LSP client they share is `support/lsp_client.rs`.

#[path = "lsp/kb.rs"]
mod kb;
#[path = "lsp/positions.rs"]
mod positions;
#[path = "lsp/report.rs"]
mod report;
#[path = "lsp/scope.rs"]
mod scope;
#[path = "lsp/stdio.rs"]
mod stdio;
mod support;

use serde_json::{json, Value};
use std::path::Path;
use support::lsp_client::{file_uri, text_at, Client};
use tokio::io::{DuplexStream, ReadHalf, WriteHalf};

type Pipe = Client<ReadHalf<DuplexStream>, WriteHalf<DuplexStream>>;

const UNSOURCED: &str = "The convoy lost four vehicles near Bannu.";

fn start() -> Pipe {
    let (client_io, server_io) = tokio::io::duplex(1 << 20);
    let (server_read, server_write) = tokio::io::split(server_io);
    tokio::spawn(brieflint::lsp::serve(server_read, server_write));
    let (read, write) = tokio::io::split(client_io);
    Client::new(read, write)
}

fn init_params(root: Option<&Path>, utf8: bool, options: Value) -> Value {
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    json!({
        "processId": null,
        "rootUri": root.map(file_uri),
        "capabilities": {
            "general": { "positionEncodings": encodings },
            "workspace": { "configuration": true, "didChangeWatchedFiles": { "dynamicRegistration": true } }
        },
        "initializationOptions": options
    })
}

/// A server without a workspace folder that lints every document (`file:///brief/…` lies in no brieflint
/// workspace).
async fn started(utf8: bool) -> Pipe {
    let mut client = start();
    client.initialize(init_params(None, utf8, always())).await;
    client
}

fn always() -> Value {
    json!({ "enable": "always" })
}

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position(line, character) })
}

async fn change(client: &mut Pipe, uri: &str, version: i64, changes: Value) {
    client
        .notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        )
        .await;
}

/// The code actions offered over `diagnostic`'s range; `sent` says whether the request carries the diagnostic in
/// its context (editors send the diagnostics under the cursor, or none).
async fn code_actions(client: &mut Pipe, uri: &str, diagnostic: &Value, sent: bool) -> Vec<Value> {
    let context = if sent { json!([diagnostic]) } else { json!([]) };
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": { "diagnostics": context } }),
        )
        .await;
    actions.as_array().expect("a list of code actions").clone()
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_advertises_capabilities_and_negotiates_the_encoding() {
    let mut client = start();
    let result = client.initialize(init_params(None, true, Value::Null)).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for capability in [
        "hoverProvider",
        "completionProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "codeActionProvider",
        "diagnosticProvider",
    ] {
        assert!(!caps[capability].is_null(), "{capability} missing in {caps}");
    }
    assert_eq!(caps["completionProvider"]["resolveProvider"], true);
    assert_eq!(result["serverInfo"]["name"], "brieflint");

    let mut utf16 = start();
    let result = utf16.initialize(init_params(None, false, Value::Null)).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

/// Open a document with an unsourced sentence, then insert an emoji before it: the diagnostic follows the
/// sentence, in the negotiated encoding.
async fn diagnostics_follow_incremental_edits(utf8: bool) {
    let mut client = started(utf8).await;
    let uri = "file:///brief/update.md";
    let mut text = format!("# Update\n\nSee the appendix. {UNSOURCED}\n");
    client.open(uri, "markdown", &text).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim");
    assert_eq!(flagged.len(), 1, "{diagnostics:?}");
    assert_eq!(text_at(&text, &flagged[0]["range"], utf8), UNSOURCED);
    assert!(flagged[0]["message"].as_str().unwrap().contains("No source"));
    assert_eq!(flagged[0]["source"], "brieflint");
    assert!(flagged[0]["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .starts_with("https://"));

    // "😀 " at the start of line 2, then "Bannu" → "Bannu district" through a second change in the same message.
    let emoji_end = if utf8 { 5 } else { 3 };
    let bannu = "See the appendix. ".len() + UNSOURCED.find("Bannu").unwrap() + "Bannu".len();
    let bannu_after = bannu as u32 + emoji_end;
    change(
        &mut client,
        uri,
        2,
        json!([
            { "range": { "start": position(2, 0), "end": position(2, 0) }, "text": "😀 " },
            { "range": { "start": position(2, bannu_after), "end": position(2, bannu_after) }, "text": " district" }
        ]),
    )
    .await;
    text = format!(
        "# Update\n\n😀 See the appendix. {}\n",
        UNSOURCED.replace("Bannu", "Bannu district")
    );
    let diagnostics = client.diagnostics(uri, Some(2)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim");
    assert_eq!(flagged.len(), 1, "{diagnostics:?}");
    assert_eq!(
        text_at(&text, &flagged[0]["range"], utf8),
        "The convoy lost four vehicles near Bannu district."
    );
    assert_eq!(
        flagged[0]["range"]["start"]["character"],
        emoji_end + "See the appendix. ".len() as u32
    );

    // The same through pull diagnostics.
    let report = client
        .request("textDocument/diagnostic", json!({ "textDocument": { "uri": uri } }))
        .await;
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"].as_array().unwrap(), &diagnostics);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_follow_incremental_edits_in_utf16() {
    diagnostics_follow_incremental_edits(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_follow_incremental_edits_in_utf8() {
    diagnostics_follow_incremental_edits(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crlf_text_gets_ranges_on_the_right_lines() {
    let mut client = started(false).await;
    let uri = "file:///brief/crlf.txt";
    let text = format!("Update\r\n\r\n{UNSOURCED}\r\n");
    client.open(uri, "plaintext", &text).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim");
    assert_eq!(flagged[0]["range"]["start"], position(2, 0));
    assert_eq!(text_at(&text, &flagged[0]["range"], false), UNSOURCED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_result_never_follows_a_newer_one() {
    let mut client = started(false).await;
    let uri = "file:///brief/typing.md";
    client.open(uri, "markdown", "").await;
    let typed = format!("{UNSOURCED} {UNSOURCED}");
    for (i, c) in typed.chars().enumerate() {
        let version = i as i64 + 2;
        let range = json!({ "start": position(0, i as u32), "end": position(0, i as u32) });
        change(
            &mut client,
            uri,
            version,
            json!([{ "range": range, "text": c.to_string() }]),
        )
        .await;
    }
    let last = typed.chars().count() as i64 + 1;
    let final_diagnostics = client.diagnostics(uri, Some(last)).await;
    assert_eq!(with_code(&final_diagnostics, "unattributed-claim").len(), 2);
    let versions: Vec<i64> = client
        .notifications
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(
        versions.iter().all(|&v| v < last),
        "published after the last version: {versions:?}"
    );
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "out of order: {versions:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_shows_the_card_of_an_acronym_and_of_a_person() {
    let mut client = started(false).await;
    let uri = "file:///brief/hover.md";
    let text = "# Talks\n\nThe TTP rejected the offer, Khawaja Asif said. The TTP said the talks will likely fail.\n";
    client.open(uri, "markdown", text).await;
    client.diagnostics(uri, Some(1)).await;

    let hover = client.request("textDocument/hover", at(uri, 2, 5)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(card.contains("Tehreek-e-Taliban Pakistan (TTP)"), "{card}");
    assert!(card.contains("armed group"), "{card}");
    assert!(card.contains("mentioned 2 times") && card.contains("line 3"), "{card}");
    assert_eq!(text_at(text, &hover["range"], false), "TTP");

    let column = text.lines().nth(2).unwrap().find("Asif").unwrap() as u32;
    let hover = client.request("textDocument/hover", at(uri, 2, column)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("**Khawaja Asif**") && card.contains("person"), "{card}");
    assert!(card.contains("Defence"), "{card}");

    let column = text.lines().nth(2).unwrap().find("likely").unwrap() as u32 + 1;
    let hover = client.request("textDocument/hover", at(uri, 2, column)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("55–80%") && card.contains("ICD 203"), "{card}");

    let nothing = client.request("textDocument/hover", at(uri, 0, 0)).await;
    assert!(nothing.is_null(), "{nothing}");

    // Over a flagged sentence: the rule's explanation.
    client
        .open("file:///brief/rule.md", "markdown", &format!("{UNSOURCED}\n"))
        .await;
    let hover = client
        .request("textDocument/hover", at("file:///brief/rule.md", 0, 6))
        .await;
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("unattributed-claim") && text.contains("Why is this bad?"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_offers_the_full_form_first_then_the_acronym() {
    let mut client = started(false).await;
    let uri = "file:///brief/complete.md";
    client.open(uri, "markdown", "Attacks by Tehr").await;
    client.diagnostics(uri, Some(1)).await;
    let list = client.request("textDocument/completion", at(uri, 0, 15)).await;
    let items = list["items"].as_array().unwrap();
    let first = &items[0];
    assert_eq!(first["label"], "Tehreek-e-Taliban Pakistan", "{items:?}");
    assert_eq!(first["textEdit"]["newText"], "Tehreek-e-Taliban Pakistan (TTP)");
    assert_eq!(first["textEdit"]["range"]["start"], position(0, 11));
    assert!(first["detail"].as_str().unwrap().starts_with("armed group — "));
    // The actor card is not sent with every item but when the editor resolves the one it shows.
    assert!(first.get("documentation").is_none(), "{first}");
    let resolved = client.request("completionItem/resolve", first.clone()).await;
    let card = resolved["documentation"]["value"].as_str().unwrap();
    assert!(card.contains("Tehreek-e-Taliban Pakistan (TTP)"), "{card}");
    assert_eq!(resolved["textEdit"], first["textEdit"]);

    let text = "The Tehreek-e-Taliban Pakistan (TTP) struck. Later the Tehr";
    change(&mut client, uri, 2, json!([{ "text": text }])).await;
    client.diagnostics(uri, Some(2)).await;
    let list = client
        .request("textDocument/completion", at(uri, 0, text.len() as u32))
        .await;
    assert_eq!(list["items"][0]["textEdit"]["newText"], "TTP");
}

/// Turn a WorkspaceEdit's edits for one document into a didChange, last edit first.
async fn apply(client: &mut Pipe, uri: &str, version: i64, edit: &Value) {
    let mut edits = edit["changes"][uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| {
        let start = &e["range"]["start"];
        std::cmp::Reverse((start["line"].as_u64(), start["character"].as_u64()))
    });
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    change(client, uri, version, Value::Array(changes)).await;
}

/// inconsistent-actor-name makes its fixes only when asked: the server makes them from the whole document.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_spelling_is_fixed_to_the_first_on_request() {
    let mut client = started(false).await;
    let uri = "file:///brief/spelling.md";
    let text = "# Update\n\nAl Qaeda figures met.\n\nThe camp hosted al-Qaida trainers.\n";
    client.open(uri, "markdown", text).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    let flagged = with_code(&diagnostics, "inconsistent-actor-name")[0].clone();
    let actions = code_actions(&mut client, uri, &flagged, true).await;
    let first = actions
        .iter()
        .find(|a| a["title"] == "Use “Al Qaeda”, this document's first spelling")
        .unwrap_or_else(|| panic!("no fix to the first spelling in {actions:?}"))
        .clone();
    assert_eq!(first["isPreferred"], true);
    apply(&mut client, uri, 2, &first["edit"]).await;
    let after = client.diagnostics(uri, Some(2)).await;
    assert!(with_code(&after, "inconsistent-actor-name").is_empty(), "{after:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_fix_and_suppress_and_the_result_is_rechecked() {
    let mut client = started(false).await;
    let uri = "file:///brief/actions.md";
    let text = format!("# Update\n\n{UNSOURCED}\n");
    client.open(uri, "markdown", &text).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim")[0].clone();
    let actions = code_actions(&mut client, uri, &flagged, true).await;
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.contains("According to")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("footnote")), "{titles:?}");
    assert!(actions.iter().all(|a| a["kind"] == "quickfix"));

    let footnote = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("footnote"))
        .unwrap();
    apply(&mut client, uri, 2, &footnote["edit"]).await;
    let after = client.diagnostics(uri, Some(2)).await;
    assert!(!codes(&after).contains(&"unattributed-claim".to_string()), "{after:?}");

    // Back to the unsourced text, then suppress it.
    change(&mut client, uri, 3, json!([{ "text": text }])).await;
    let diagnostics = client.diagnostics(uri, Some(3)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim")[0].clone();
    let actions = code_actions(&mut client, uri, &flagged, false).await;
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "Suppress unattributed-claim here")
        .unwrap()
        .clone();
    apply(&mut client, uri, 4, &suppress["edit"]).await;
    let after = client.diagnostics(uri, Some(4)).await;
    assert!(after.is_empty(), "{after:?}");
    let shown = client
        .request("textDocument/diagnostic", json!({ "textDocument": { "uri": uri } }))
        .await;
    assert!(shown["items"].as_array().unwrap().is_empty());
}

const KB: &str = "[[actors]]\nid = \"zlf\"\nname = \"Zarghun Liberation Front\"\nkind = \"armed-group\"\nacronyms = [\"ZLF\"]\ndescription = \"A group invented for this test.\"\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_knowledge_base_is_used_watched_and_kept_when_broken() {
    let dir = tempfile::tempdir().unwrap();
    let kb_path = dir.path().join(".brieflint/actors.toml");
    std::fs::create_dir_all(kb_path.parent().unwrap()).unwrap();
    std::fs::write(&kb_path, KB).unwrap();
    let mut client = start();
    client
        .initialize(init_params(Some(dir.path()), false, Value::Null))
        .await;
    let uri = file_uri(&dir.path().join("brief.md"));
    let text = "The ZLF claimed the attack, the ISPR said.\n";
    client.open(&uri, "markdown", text).await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    assert!(with_code(&diagnostics, "unknown-actor").is_empty(), "{diagnostics:?}");

    let definition = client.request("textDocument/definition", at(&uri, 0, 5)).await;
    assert_eq!(definition["uri"], file_uri(&kb_path));
    assert_eq!(definition["range"]["start"]["line"], 1);

    std::fs::write(&kb_path, "[[actors]]\nid = \"x\"\nname = \"X\nkind = \"place\"\n").unwrap();
    let changes = json!({ "changes": [{ "uri": file_uri(&kb_path), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes).await;
    let on_kb = client.diagnostics(&file_uri(&kb_path), None).await;
    assert_eq!(on_kb.len(), 1);
    assert_eq!(on_kb[0]["range"]["start"]["line"], 2);
    assert_eq!(on_kb[0]["severity"], 1);

    let hover = client.request("textDocument/hover", at(&uri, 0, 5)).await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Zarghun Liberation Front"));

    std::fs::write(&kb_path, KB).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": file_uri(&kb_path), "type": 2 }] }),
        )
        .await;
    assert!(client.diagnostics(&file_uri(&kb_path), None).await.is_empty());
    assert!(client
        .server_requests
        .iter()
        .any(|r| r["method"] == "client/registerCapability"
            && r["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_actor_can_be_added_to_the_knowledge_base() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brieflint.toml"), "").unwrap();
    let mut client = start();
    client
        .initialize(init_params(Some(dir.path()), false, Value::Null))
        .await;
    let uri = file_uri(&dir.path().join("brief.md"));
    client
        .open(&uri, "markdown", "The Zarghun Liberation Front met, the ISPR said.\n")
        .await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    let unknown = with_code(&diagnostics, "unknown-actor")[0].clone();
    let actions = code_actions(&mut client, &uri, &unknown, true).await;
    let add = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Add “Zarghun Liberation Front”")
        })
        .unwrap()
        .clone();
    let operations = add["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(operations[0]["kind"], "create");
    let entry = operations[1]["edits"][0]["newText"].as_str().unwrap();
    let kb_path = dir.path().join(".brieflint/actors.toml");
    std::fs::create_dir_all(kb_path.parent().unwrap()).unwrap();
    std::fs::write(&kb_path, entry).unwrap();
    client.notifications.clear();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": file_uri(&kb_path), "type": 1 }] }),
        )
        .await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    assert!(with_code(&diagnostics, "unknown-actor").is_empty(), "{diagnostics:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_settings_apply_on_top_and_are_reloaded() {
    let mut client = start();
    let options = json!({ "rules": { "unattributed-claim": "error" }, "enable": "always" });
    client.initialize(init_params(None, false, options.clone())).await;
    let uri = "file:///brief/settings.md";
    client.open(uri, "markdown", &format!("{UNSOURCED}\n")).await;
    let diagnostics = client.diagnostics(uri, Some(1)).await;
    assert_eq!(with_code(&diagnostics, "unattributed-claim")[0]["severity"], 1);

    client.configuration = json!({ "rules": { "unattributed-claim": "off" }, "enable": "always" });
    client.notifications.clear();
    client
        .notify("workspace/didChangeConfiguration", json!({ "settings": null }))
        .await;
    // Waits until a publication without the rule arrives (fails by timeout if none does).
    client
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && with_code(m["params"]["diagnostics"].as_array().unwrap(), "unattributed-claim").is_empty()
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_and_the_outline_find_every_mention() {
    let mut client = started(false).await;
    let a = "file:///brief/a.md";
    let b = "file:///brief/b.md";
    client
        .open(
            a,
            "markdown",
            "# North\n\nThe TTP and the BLA.\n\n# South\n\nThe Tehreek-e-Taliban Pakistan again.\n",
        )
        .await;
    client.open(b, "markdown", "TTP attacks rose, the ISPR said.\n").await;
    let references = client
        .request("textDocument/references", json!({ "textDocument": { "uri": a }, "position": position(2, 5), "context": { "includeDeclaration": true } }))
        .await;
    let found: Vec<(String, u64)> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap().to_string(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, vec![(a.to_string(), 2), (a.to_string(), 6), (b.to_string(), 0)]);

    // A built-in actor has no entry in a workspace file: its definition is its first mention in the document.
    let definition = client.request("textDocument/definition", at(a, 6, 10)).await;
    assert_eq!(definition["uri"], a);
    assert_eq!(definition["range"]["start"], position(2, 4));
    assert_eq!(definition["range"]["end"], position(2, 7));

    let outline = client
        .request("textDocument/documentSymbol", json!({ "textDocument": { "uri": a } }))
        .await;
    let outline = outline.as_array().unwrap();
    assert_eq!(outline[0]["name"], "North");
    let children: Vec<&str> = outline[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        children.contains(&"Tehreek-e-Taliban Pakistan (TTP)") && children.len() == 2,
        "{children:?}"
    );
    assert_eq!(outline[1]["name"], "South");
    assert_eq!(outline[0]["range"]["end"], position(4, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_and_positions_leave_the_server_serving() {
    let mut client = started(false).await;
    let unknown = client.call("brieflint/noSuchMethod", json!({})).await;
    assert_eq!(unknown["error"]["code"], -32601);
    client.send_raw(b"{ this is not json").await;
    let malformed = client.call("textDocument/hover", json!({ "textDocument": 7 })).await;
    assert!(malformed.get("error").is_some(), "{malformed}");

    change(&mut client, "file:///never/opened.md", 2, json!([{ "text": "x" }])).await;
    let uri = "file:///brief/edge.md";
    client.open(uri, "markdown", "The TTP.\n").await;
    client.diagnostics(uri, Some(1)).await;
    assert!(client.request("textDocument/hover", at(uri, 999, 999)).await.is_null());
    change(
        &mut client,
        uri,
        2,
        json!([{ "range": { "start": position(40, 3), "end": position(0, 900) }, "text": "!" }]),
    )
    .await;
    client.diagnostics(uri, Some(2)).await;
    let hover = client.request("textDocument/hover", at(uri, 0, 5)).await;
    assert!(hover["contents"]["value"].as_str().unwrap().contains("TTP"));

    client
        .notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }))
        .await;
    let cleared = client.diagnostics(uri, None).await;
    assert!(cleared.is_empty());
    client.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_configuration_is_read_and_a_broken_one_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("brieflint.toml");
    std::fs::write(&config, "[rules]\nunattributed-claim = \"error\"\n").unwrap();
    let mut client = start();
    client
        .initialize(init_params(Some(dir.path()), false, Value::Null))
        .await;
    let uri = file_uri(&dir.path().join("brief.md"));
    client.open(&uri, "markdown", &format!("{UNSOURCED}\n")).await;
    let diagnostics = client.diagnostics(&uri, Some(1)).await;
    assert_eq!(with_code(&diagnostics, "unattributed-claim")[0]["severity"], 1);

    std::fs::write(
        &config,
        "[rules]\nunattributed-claim = \"error\"\nrelative-dates = \"off\"\n",
    )
    .unwrap();
    let changes = json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes).await;
    let on_config = client.diagnostics(&file_uri(&config), None).await;
    assert_eq!(on_config[0]["range"]["start"]["line"], 2);
    assert!(on_config[0]["message"].as_str().unwrap().contains("relative-dates"));
    // The last good configuration stays in use.
    let report = client
        .request("textDocument/diagnostic", json!({ "textDocument": { "uri": uri } }))
        .await;
    assert_eq!(
        with_code(report["items"].as_array().unwrap(), "unattributed-claim")[0]["severity"],
        1
    );
}

/// A document far larger than any briefing is refused with one plain diagnostic instead of being analysed, and
/// the server goes on serving the other documents.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_50_mb_document_is_refused_plainly_and_the_server_keeps_serving() {
    let mut client = started(false).await;
    let huge_uri = "file:///brief/huge.md";
    let paragraph = format!("{UNSOURCED} The TTP denied it.\n\n");
    let huge = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    client.open(huge_uri, "markdown", &huge).await;
    let diagnostics = client.diagnostics(huge_uri, Some(1)).await;
    assert_eq!(
        diagnostics.len(),
        1,
        "one diagnostic, not an analysis: {:?}",
        &diagnostics[..1]
    );
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(message.contains("too large"), "{message}");
    assert!(client
        .request("textDocument/hover", at(huge_uri, 0, 45))
        .await
        .is_null());

    // An edit that brings it under the limit gets it analysed.
    change(&mut client, huge_uri, 2, json!([{ "text": paragraph }])).await;
    let diagnostics = client.diagnostics(huge_uri, Some(2)).await;
    assert_eq!(codes(&diagnostics), ["unattributed-claim", "undefined-acronym"]);

    let small = "file:///brief/small.md";
    client.open(small, "markdown", UNSOURCED).await;
    assert_eq!(codes(&client.diagnostics(small, Some(1)).await), ["unattributed-claim"]);
    client.shutdown_and_exit().await;
}

/// Thousands of edits sent without waiting: the server keeps up, publishes nothing out of order, and the last
/// diagnostics describe the last text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_rapid_edits_end_in_the_diagnostics_of_the_last_text() {
    let mut client = started(false).await;
    let uri = "file:///brief/rapid.md";
    let mut text = format!("# Notes\n\n{UNSOURCED}\n");
    client.open(uri, "markdown", &text).await;
    client.diagnostics(uri, Some(1)).await;
    const EDITS: i64 = 3000;
    for version in 2..=EDITS + 1 {
        // Type "x" at the end of the heading, then delete it again: the text ends where it started, plus a
        // sourced sentence typed in the last edit.
        let end = "# Notes".len() as u32;
        let edit = if version % 2 == 0 {
            json!({ "range": { "start": position(0, end), "end": position(0, end) }, "text": "x" })
        } else {
            json!({ "range": { "start": position(0, end), "end": position(0, end + 1) }, "text": "" })
        };
        change(&mut client, uri, version, json!([edit])).await;
    }
    let last = EDITS + 2;
    let line = UNSOURCED.len() as u32;
    let sourced = " The ISPR said the TTP had regrouped.";
    change(
        &mut client,
        uri,
        last,
        json!([{ "range": { "start": position(2, line), "end": position(2, line) }, "text": sourced }]),
    )
    .await;
    text = text.replace(UNSOURCED, &format!("{UNSOURCED}{sourced}"));
    let diagnostics = client.diagnostics(uri, Some(last)).await;
    let flagged = with_code(&diagnostics, "unattributed-claim");
    assert_eq!(flagged.len(), 1, "{diagnostics:?}");
    assert_eq!(text_at(&text, &flagged[0]["range"], false), UNSOURCED);
    let versions: Vec<i64> = client
        .notifications
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "out of order: {versions:?}");
    let hover = client.request("textDocument/hover", at(uri, 2, line + 6)).await;
    assert!(
        hover["contents"]["value"].as_str().unwrap().contains("Inter-Services"),
        "{hover}"
    );
    client.shutdown_and_exit().await;
}
