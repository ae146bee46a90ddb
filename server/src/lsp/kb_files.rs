//! Knowledge-base files open in the editor: the same checks as `brieflint kb check` (`crate::kb::check`), as
//! diagnostics on the text being edited. A document is a knowledge base when it is one of the workspace's
//! knowledge-base files, or any `.toml` file with `[[actors]]` tables.

use super::diagnostics;
use super::documents::OpenDocument;
use super::panics::lock;
use super::positions::{self, Encoding};
use super::server::Backend;
use crate::kb::check;
use brieflint_core::{DocKind, KnowledgeBase};
use ropey::Rope;
use std::path::PathBuf;
use tower_lsp_server::ls_types::{Diagnostic, DidChangeTextDocumentParams, NumberOrString, TextDocumentItem, Uri};

/// Whether an opened document is a knowledge base: its path, and its text.
pub fn is_knowledge_base(path: &std::path::Path, text: &str, kb_files: &[PathBuf]) -> bool {
    let toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    toml && (kb_files.iter().any(|f| f == path) || text.lines().any(|l| l.trim_start().starts_with("[[actors]]")))
}

/// The checks' problems as diagnostics on the document's text.
pub fn diagnostics_of(path: PathBuf, rope: &Rope, base: &KnowledgeBase, encoding: Encoding) -> Vec<Diagnostic> {
    check::check(&[(path, rope.to_string())], base, &check::today())
        .into_iter()
        .map(|problem| Diagnostic {
            range: positions::range(rope, &problem.range, encoding),
            severity: Some(diagnostics::severity(problem.severity)),
            code: Some(NumberOrString::String(problem.code.to_string())),
            source: Some("brieflint".into()),
            message: problem.message,
            ..Default::default()
        })
        .collect()
}

impl Backend {
    /// Take an opened document as a knowledge base if it is one; `false` for any other document.
    pub(super) async fn opened_knowledge_base(&self, doc: &TextDocumentItem) -> bool {
        let Some(path) = doc.uri.to_file_path().map(|p| p.into_owned()) else {
            return false;
        };
        let is_kb = is_knowledge_base(&path, &doc.text, &lock(&self.state).view.kb_files);
        if is_kb {
            let opened = OpenDocument::new(DocKind::PlainText, doc.version, &doc.text);
            lock(&self.state).kb_documents.insert(doc.uri.clone(), opened);
            self.publish_knowledge_base(&doc.uri).await;
        }
        is_kb
    }

    /// Apply a change to an open knowledge base and check it again; `false` if the document is not one.
    pub(super) async fn changed_knowledge_base(&self, params: &DidChangeTextDocumentParams) -> bool {
        let uri = &params.text_document.uri;
        let applied = {
            let mut state = lock(&self.state);
            let encoding = state.encoding;
            match state.kb_documents.get_mut(uri) {
                Some(doc) => {
                    let changes = params.content_changes.clone();
                    let version = params.text_document.version;
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| doc.apply(version, changes, encoding)))
                        .is_ok()
                }
                None => return false,
            }
        };
        if applied {
            self.publish_knowledge_base(uri).await;
        }
        true
    }

    /// Forget a closed knowledge base and clear its diagnostics; `false` if the document was not one.
    pub(super) async fn closed_knowledge_base(&self, uri: &Uri) -> bool {
        if lock(&self.state).kb_documents.remove(uri).is_none() {
            return false;
        }
        self.outgoing.publish(uri.clone(), Vec::new()).await;
        true
    }

    async fn publish_knowledge_base(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        // Checked out of the lock (a rope is cheap to clone), against the workspace's loaded knowledge base.
        let (rope, knowledge, encoding) = {
            let state = lock(&self.state);
            let Some(doc) = state.kb_documents.get(uri) else {
                return;
            };
            (doc.rope.clone(), state.view.knowledge.clone(), state.encoding)
        };
        let items = self
            .panics
            .guarded("knowledge-base check", || {
                diagnostics_of(path, &rope, &knowledge.kb, encoding)
            })
            .unwrap_or_default();
        self.outgoing.publish(uri.clone(), items).await;
    }
}
