//! The built-in UN pack in the editor: a listed person's hover, completion ranking curated and mentioned actors
//! before the pack's, and `kb check`'s problems on an open knowledge-base file.

use super::{at, change, started};
use crate::support::lsp_client::file_uri;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_listed_person_shows_summary_designation_and_snapshot_date() {
    let mut client = started(false).await;
    let uri = "file:///brief/listed.md";
    let text = "# Kabul\n\nYahya Haqqani met the envoys, the ministry said.\n";
    client.open(uri, "markdown", text).await;
    client.diagnostics(uri, Some(1)).await;
    let hover = client.request("textDocument/hover", at(uri, 2, 3)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    for part in [
        "**Yahya Haqqani** — person",
        // The list's own summary.
        "Senior Haqqani Network (HQN) (TAe.012) member.",
        "**Designated** by United Nations Security Council (Taliban sanctions list), TAi.169, listed 2014-07-31",
        "(UN list of 2025-11-20)",
        "**Nationality:** Afghanistan",
        "not matched in text): Yaya, Qari Sahab",
    ] {
        assert!(card.contains(part), "missing {part} in {card}");
    }
    assert!(!card.contains("INTERPOL"), "{card}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_ranks_mentioned_then_curated_then_pack_actors() {
    let mut client = started(false).await;
    let uri = "file:///brief/complete-pack.md";
    // "Haqq" begins curated actors (the Haqqani Network, Sirajuddin Haqqani) and listed people only the pack knows.
    client.open(uri, "markdown", "Reports name Haqq").await;
    client.diagnostics(uri, Some(1)).await;
    let labels = |list: &serde_json::Value| -> Vec<String> {
        let items = list["items"].as_array().unwrap();
        let mut items: Vec<&serde_json::Value> = items.iter().collect();
        items.sort_by_key(|i| i["sortText"].as_str().unwrap().to_string());
        items.iter().map(|i| i["label"].as_str().unwrap().to_string()).collect()
    };
    let list = client.request("textDocument/completion", at(uri, 0, 17)).await;
    let first = labels(&list);
    let pack_at = first
        .iter()
        .position(|l| l == "Yahya Haqqani")
        .expect("a pack actor is offered");
    for curated in ["Haqqani Network", "Sirajuddin Haqqani"] {
        let curated_at = first.iter().position(|l| l == curated).expect(curated);
        assert!(curated_at < pack_at, "{first:?}");
    }

    // Once the document mentions a listed person, that person comes first.
    let text = "Yahya Haqqani spoke. Reports name Haqq";
    change(&mut client, uri, 2, json!([{ "text": text }])).await;
    client.diagnostics(uri, Some(2)).await;
    let list = client
        .request("textDocument/completion", at(uri, 0, text.len() as u32))
        .await;
    assert_eq!(labels(&list)[0], "Yahya Haqqani", "{:?}", labels(&list));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_knowledge_base_file_gets_kb_check_problems() {
    let mut client = started(false).await;
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("team-actors.toml"));
    let text = "[[actors]]\nid = \"zlf\"\nname = \"Zarghun Liberation Front\"\nkind = \"armed-group\"\ndescription = \"A group.\"\n\n[[actors.relations]]\nto = \"nobody\"\nkind = \"allied-with\"\n";
    client.open(&uri, "toml", text).await;
    let diagnostics = client.diagnostics(&uri, None).await;
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "kb-unknown-relation");
    assert_eq!(diagnostics[0]["severity"], 1);
    assert_eq!(diagnostics[0]["range"]["start"], json!({ "line": 7, "character": 5 }));

    // The same checks as `brieflint kb check`, on the text as edited.
    let fixed = text
        .replace("nobody", "ttp")
        .replace("description = \"A group.\"\n", "");
    change(&mut client, &uri, 2, json!([{ "text": fixed }])).await;
    let diagnostics = client.diagnostics(&uri, None).await;
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "kb-empty-description");
}
