//! `workspace/executeCommand` `brieflint.sourcingReport`: the sourcing report of an open document, its current
//! (possibly unsaved) text as last analysed, as the self-contained HTML page `brieflint report` writes. Every
//! editor can show it: VS Code in a webview, Neovim through the system's opener.

use super::snapshot::Snapshot;
use crate::report::{self, DocumentReport, Meta};
use serde_json::{json, Value};
use std::path::PathBuf;
use tower_lsp_server::ls_types::Uri;

/// The command's name, as the server advertises it.
pub const COMMAND: &str = "brieflint.sourcingReport";

/// The document the command's arguments name: `[uri]` or `[{"uri": uri}]`.
pub fn uri_argument(arguments: &[Value]) -> Option<Uri> {
    let first = arguments.first()?;
    let text = first.as_str().or_else(|| first.get("uri")?.as_str())?;
    text.parse().ok()
}

/// `{"title", "html"}`: the report of the document's snapshot, made with the knowledge base it was analysed with.
pub fn report(uri: &Uri, snapshot: &Snapshot, kb_files: &[PathBuf]) -> Value {
    let name = uri
        .to_file_path()
        .map(|path| path.display().to_string())
        .unwrap_or_else(|| uri.as_str().to_string());
    let kb = snapshot.kb();
    let document = DocumentReport::new(name.clone(), snapshot.text.clone(), snapshot.analysis.flat(), kb);
    let meta = Meta::now(vec![report::describe_kb(kb, kb_files)]);
    json!({
        "title": format!("Sourcing report: {name}"),
        "html": report::html(&[document], &meta),
    })
}
