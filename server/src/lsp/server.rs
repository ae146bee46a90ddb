//! The language server: LSP requests and notifications mapped onto the document store, the scheduler, the
//! workspace and the pure analysis core. Locks are never held across an `.await`; every handler's work runs with
//! panics caught, so one bad request never takes the server down.

use super::actions::{self, KbTarget};
use super::capabilities::{capabilities, root_of, ClientFlags};
use super::completion;
use super::diagnostics;
use super::documents::OpenDocument;
use super::hover;
use super::navigation;
use super::outgoing::Outgoing;
use super::panics::{lock, Panics};
use super::positions::{self, Encoding};
use super::project::{Knowledge, Project};
use super::report;
use super::scheduler::Scheduler;
use super::settings::EditorSettings;
use super::snapshot::Snapshot;
use super::state::State;
use brieflint_core::actors::card;
use brieflint_core::DocKind;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// The server as tower-lsp sees it: what the handlers share, and the scheduler that analyses and publishes the
/// open documents in the background.
pub struct Backend {
    pub(super) client: Client,
    /// Where publishDiagnostics goes, serialised straight to bytes.
    pub(super) outgoing: Outgoing,
    pub(super) panics: Panics,
    pub(super) state: Arc<Mutex<State>>,
    pub(super) scheduler: Arc<Scheduler>,
    shutdown: Arc<AtomicBool>,
    /// Loads the workspace; used by one reload at a time, away from `state`.
    pub(super) loader: Arc<Mutex<Option<Project>>>,
}

impl Backend {
    /// `outgoing` is the way out that publishDiagnostics takes (see `outgoing.rs`).
    pub fn new(client: Client, shutdown: Arc<AtomicBool>, outgoing: Outgoing) -> Backend {
        let panics = Panics::new(client.clone());
        let state = Arc::new(Mutex::new(State::new()));
        let scheduler = Arc::new(Scheduler::new(state.clone(), outgoing.clone(), panics.clone()));
        Backend {
            client,
            outgoing,
            panics,
            state,
            scheduler,
            shutdown,
            loader: Arc::new(Mutex::new(None)),
        }
    }

    /// The document's current analysis and the negotiated encoding; none for a document that is not linted.
    async fn snapshot_of(&self, uri: &Uri) -> Option<(Arc<Snapshot>, Encoding)> {
        let snapshot = self.scheduler.analysed(uri).await.filter(|s| s.linted)?;
        let encoding = lock(&self.state).encoding;
        Some((snapshot, encoding))
    }

    fn knowledge(&self) -> Arc<Knowledge> {
        lock(&self.state).view.knowledge.clone()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let flags = ClientFlags::of(&params.capabilities);
        let root = root_of(&params);
        let editor = match EditorSettings::from_json(params.initialization_options.clone()) {
            Ok(settings) => settings,
            Err(message) => {
                eprintln!("brieflint: {message}");
                EditorSettings::default()
            }
        };
        {
            let mut state = lock(&self.state);
            state.encoding = encoding;
            state.flags = flags;
            state.root = root;
            state.editor = editor;
        }
        self.load_project().await;
        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "brieflint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if let Some(value) = self.pull_configuration().await.filter(|v| !v.is_null()) {
            self.set_editor_settings(Some(value)).await;
            self.reload().await;
        } else {
            self.publish_problems().await;
        }
        self.register_watchers().await;
        let actors = self.knowledge().kb.actors().len();
        self.client
            .log_message(MessageType::INFO, format!("brieflint ready: {actors} known actors"))
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        if self.opened_knowledge_base(&doc).await {
            return;
        }
        let Some(kind) = DocKind::from_language_id(&doc.language_id) else {
            return;
        };
        let uri = doc.uri.clone();
        lock(&self.state)
            .documents
            .insert(doc.uri.clone(), OpenDocument::new(kind, doc.version, &doc.text));
        self.scheduler.opened(uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        if self.changed_knowledge_base(&params).await {
            return;
        }
        let uri = params.text_document.uri;
        let applied = {
            let mut state = lock(&self.state);
            let encoding = state.encoding;
            match state.documents.get_mut(&uri) {
                Some(doc) => {
                    let version = params.text_document.version;
                    let changes = params.content_changes;
                    catch_unwind(AssertUnwindSafe(|| doc.apply(version, changes, encoding))).is_ok()
                }
                None => false,
            }
        };
        if applied {
            self.scheduler.refresh_later(uri);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.closed_knowledge_base(&uri).await {
            return;
        }
        if lock(&self.state).documents.remove(&uri).is_none() {
            return;
        }
        self.scheduler.closed(uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let value = match self.pull_configuration().await {
            Some(value) => Some(value),
            None => match params.settings {
                Value::Object(mut map) if map.contains_key("brieflint") => map.remove("brieflint"),
                Value::Object(map) if map.is_empty() => return,
                other => Some(other),
            },
        };
        self.set_editor_settings(value).await;
        self.reload().await;
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.reload().await;
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let items = match self.snapshot_of(&params.text_document.uri).await {
            Some((snapshot, encoding)) => self
                .panics
                .guarded("diagnostics", || diagnostics::of_snapshot(&snapshot, encoding))
                .unwrap_or_default(),
            None => Vec::new(),
        };
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
            },
        )))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some((snapshot, encoding)) = self.snapshot_of(&at.text_document.uri).await else {
            return Ok(None);
        };
        let (knowledge, settings) = {
            let state = lock(&self.state);
            (state.view.knowledge.clone(), state.view.settings.clone())
        };
        Ok(self
            .panics
            .guarded("hover", || {
                let offset = positions::offset(&snapshot.rope, at.position, encoding);
                hover::hover(&snapshot, &knowledge.kb, &settings, offset, encoding)
            })
            .flatten())
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let found = {
            let state = lock(&self.state);
            let Some(doc) = state.documents.get(&at.text_document.uri) else {
                return Ok(None);
            };
            // Judged by the latest analysis: completion must not wait for one.
            if !doc.analysis.latest().is_some_and(|s| s.linted) {
                return Ok(None);
            }
            let knowledge = state.view.knowledge.clone();
            let encoding = state.encoding;
            self.panics.guarded("completion", || {
                completion::complete(doc, &knowledge, at.position, encoding)
            })
        };
        Ok(found.flatten().map(|items| {
            CompletionResponse::List(CompletionList {
                is_incomplete: true,
                items,
            })
        }))
    }

    async fn completion_resolve(&self, mut item: CompletionItem) -> Result<CompletionItem> {
        let knowledge = self.knowledge();
        let documentation = self.panics.guarded("completion resolve", || {
            let id = item.data.as_ref()?.as_str()?;
            let actor = knowledge.kb.by_id(id)?;
            Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: card(&knowledge.kb, actor),
            }))
        });
        if let Some(Some(documentation)) = documentation {
            item.documentation = Some(documentation);
        }
        Ok(item)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let Some((snapshot, encoding)) = self.snapshot_of(&at.text_document.uri).await else {
            return Ok(None);
        };
        let knowledge = self.knowledge();
        let location = self.panics.guarded("definition", || {
            let offset = positions::offset(&snapshot.rope, at.position, encoding);
            let (_, actors) = navigation::actor_at(snapshot.mentions(), &knowledge.kb, offset)?;
            let actor = *actors.first()?;
            navigation::definition(&at.text_document.uri, &snapshot, &knowledge.kb, actor, encoding)
        });
        Ok(location.flatten().map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let Some((snapshot, encoding)) = self.snapshot_of(&at.text_document.uri).await else {
            return Ok(None);
        };
        let knowledge = self.knowledge();
        let actor = self.panics.guarded("references", || {
            let offset = positions::offset(&snapshot.rope, at.position, encoding);
            navigation::actor_at(snapshot.mentions(), &knowledge.kb, offset)
                .and_then(|(_, actors)| actors.first().copied())
        });
        let Some(Some(actor)) = actor else {
            return Ok(None);
        };
        let uris: Vec<Uri> = lock(&self.state).documents.keys().cloned().collect();
        let mut documents = Vec::new();
        for uri in uris {
            if let Some(snapshot) = self.scheduler.analysed(&uri).await {
                documents.push((uri, snapshot));
            }
        }
        documents.sort_by(|a, b| a.0.cmp(&b.0));
        let found = self.panics.guarded("references", || {
            navigation::references(documents.iter().map(|(u, s)| (u, &**s)), &knowledge.kb, actor, encoding)
        });
        Ok(found)
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let Some((snapshot, encoding)) = self.snapshot_of(&params.text_document.uri).await else {
            return Ok(None);
        };
        let knowledge = self.knowledge();
        Ok(self
            .panics
            .guarded("document symbols", || {
                navigation::symbols(&snapshot, &knowledge.kb, encoding)
            })
            .map(DocumentSymbolResponse::Nested))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((snapshot, encoding)) = self.snapshot_of(&uri).await else {
            return Ok(None);
        };
        let target = lock(&self.state).view.target_kb_file.clone();
        let target_text = target.as_ref().and_then(|p| std::fs::read_to_string(p).ok());
        let found = self.panics.guarded("code actions", || {
            let start = positions::offset(&snapshot.rope, params.range.start, encoding);
            let end = positions::offset(&snapshot.rope, params.range.end, encoding);
            let kb_target = target.as_deref().map(|path| KbTarget {
                path,
                text: target_text.as_deref(),
            });
            actions::code_actions(&uri, &snapshot, &(start.min(end)..start.max(end)), encoding, kb_target)
        });
        Ok(found.filter(|a| !a.is_empty()))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        use tower_lsp_server::jsonrpc::Error;
        if params.command != report::COMMAND {
            return Err(Error::invalid_params(format!("unknown command {}", params.command)));
        }
        let Some(uri) = report::uri_argument(&params.arguments) else {
            return Err(Error::invalid_params(
                "expected the document's URI as the first argument",
            ));
        };
        let Some((snapshot, _)) = self.snapshot_of(&uri).await else {
            return Err(Error::invalid_params(format!(
                "{} is not an open document that brieflint lints",
                uri.as_str()
            )));
        };
        let kb_files = lock(&self.state).view.kb_files.clone();
        let made = self
            .panics
            .guarded("sourcing report", || report::report(&uri, &snapshot, &kb_files));
        made.map(Some).ok_or_else(Error::internal_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::LspService;

    #[tokio::test]
    async fn a_panicking_handler_is_caught_and_the_server_goes_on() {
        let (_, outgoing, _) = super::super::outgoing::join(tokio::io::sink());
        let (service, _socket) =
            LspService::new(|client| Backend::new(client, Arc::new(AtomicBool::new(false)), outgoing));
        let backend = service.inner();
        let caught: Option<()> = backend.panics.guarded("a test handler", || panic!("boom"));
        assert!(caught.is_none());
        assert_eq!(backend.panics.guarded("a test handler", || 7), Some(7));
        // The state lock is usable after a panic while it was held.
        let state = backend.state.clone();
        let _ = std::thread::spawn(move || {
            let _guard = lock(&state);
            panic!("poison");
        })
        .join();
        assert!(lock(&backend.state).documents.is_empty());
    }
}
