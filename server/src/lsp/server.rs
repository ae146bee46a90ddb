//! The language server: LSP requests and notifications mapped onto the document store, the workspace and the
//! pure analysis core. Locks are never held across an `.await`; analysis runs on the blocking pool with panics
//! caught, so one bad document never takes the server down.

use super::actions::{self, KbTarget};
use super::completion;
use super::diagnostics;
use super::documents::{self, OpenDocument, Snapshot};
use super::hover;
use super::navigation;
use super::outgoing::{self, Outgoing};
use super::positions::{self, Encoding};
use super::project::{Knowledge, Project, View};
use super::publish::KeptDiagnostics;
use super::settings::EditorSettings;
use brieflint_core::actors::card;
use brieflint_core::analysis::{analyse_cached, ChunkCache};
use brieflint_core::limits::MAX_DOCUMENT_BYTES;
use brieflint_core::DocKind;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// Files whose change means reloading the workspace.
const WATCHED: &[&str] = &["**/brieflint.toml", "**/.brieflint.toml", "**/.brieflint/*.toml"];
const MAX_COMPLETIONS: usize = 50;

struct ClientFlags {
    dynamic_watchers: bool,
    configuration: bool,
    /// The client pulls document diagnostics (VS Code, Neovim 0.11): pushing them too would show each twice.
    pull_diagnostics: bool,
    /// The client re-pulls when asked with workspace/diagnostic/refresh.
    diagnostic_refresh: bool,
}

struct State {
    encoding: Encoding,
    documents: HashMap<Uri, OpenDocument>,
    /// The loaded workspace as requests see it.
    view: View,
    editor: EditorSettings,
    root: Option<PathBuf>,
    flags: ClientFlags,
    /// Workspace files that currently carry problem diagnostics.
    problem_files: HashSet<Uri>,
    /// Replaced snapshots, to be freed after the next publish.
    retired: Vec<Arc<Snapshot>>,
}

/// The server as tower-lsp sees it: a handle on the shared state, which background tasks hold too.
pub struct Backend(Arc<Shared>);

impl std::ops::Deref for Backend {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The diagnostics last published for a document.
#[derive(Default)]
struct Published {
    /// The (version, workspace generation) they were made from.
    made_from: Option<(i32, u64)>,
    /// Each unchanged chunk's diagnostics, serialised.
    kept: KeptDiagnostics,
}

pub struct Shared {
    client: Client,
    /// Where publishDiagnostics goes, serialised straight to bytes.
    outgoing: Outgoing,
    state: Arc<Mutex<State>>,
    /// What was last published per document; held while publishing so a stale result never overtakes and the
    /// same result is not sent twice (a reload publishes the same version anew).
    published: tokio::sync::Mutex<HashMap<Uri, Published>>,
    shutdown: Arc<AtomicBool>,
    /// Loads the workspace; used by one reload at a time, away from `state`.
    loader: Arc<Mutex<Option<Project>>>,
}

fn lock<T>(state: &Mutex<T>) -> MutexGuard<'_, T> {
    state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

impl Backend {
    /// `outgoing` is the way out that publishDiagnostics takes (see `outgoing.rs`).
    pub fn new(client: Client, shutdown: Arc<AtomicBool>, outgoing: Outgoing) -> Backend {
        Backend(Arc::new(Shared::new(client, shutdown, outgoing)))
    }

    /// Analyse and publish in the background, so the handler (and the requests queued behind it) need not wait.
    fn refresh_later(&self, uri: Uri) {
        let shared = self.0.clone();
        tokio::spawn(async move { shared.refresh(&uri).await });
    }
}

impl Shared {
    fn new(client: Client, shutdown: Arc<AtomicBool>, outgoing: Outgoing) -> Shared {
        Shared {
            client,
            outgoing,
            state: Arc::new(Mutex::new(State {
                encoding: Encoding::Utf16,
                documents: HashMap::new(),
                view: Project::new(None, EditorSettings::default()).view(),
                editor: EditorSettings::default(),
                root: None,
                flags: ClientFlags {
                    dynamic_watchers: false,
                    configuration: false,
                    pull_diagnostics: false,
                    diagnostic_refresh: false,
                },
                problem_files: HashSet::new(),
                retired: Vec::new(),
            })),
            published: tokio::sync::Mutex::new(HashMap::new()),
            shutdown,
            loader: Arc::new(Mutex::new(None)),
        }
    }

    /// Run `f`, catching a panic: it is logged to stderr and to the client, and the request answers nothing.
    fn guarded<T>(&self, what: &str, f: impl FnOnce() -> T) -> Option<T> {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(value) => Some(value),
            Err(payload) => {
                self.report_panic(what, &panic_message(payload.as_ref()));
                None
            }
        }
    }

    fn report_panic(&self, what: &str, message: &str) {
        let message = format!("brieflint: internal error in {what}: {message}; the server goes on");
        eprintln!("{message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(MessageType::ERROR, message).await });
    }

    async fn log(&self, messages: Vec<String>) {
        for message in messages {
            self.client.log_message(MessageType::INFO, message).await;
        }
    }

    /// The analysis of the document's current version, made now if the kept one is stale. `None` for an unknown
    /// document, when the document changed meanwhile, or when the analysis panicked.
    async fn analysed(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let (rope, version, kind, knowledge, settings, generation, chunks) = {
            let state = lock(&self.state);
            let doc = state.documents.get(uri)?;
            let generation = state.view.generation;
            if let Some(current) = doc.current(generation) {
                return Some(current);
            }
            (
                doc.rope.clone(),
                doc.version,
                doc.kind,
                state.view.knowledge.clone(),
                settings_for(&state.view, uri),
                generation,
                doc.chunks.clone(),
            )
        };
        let state = self.state.clone();
        let key = uri.clone();
        let job = tokio::task::spawn_blocking(move || {
            let superseded = lock(&state).documents.get(&key).is_none_or(|d| d.version != version);
            if superseded {
                return None;
            }
            let text = documents::text_of(&rope);
            let mut chunks = lock(&chunks);
            let analysed = catch_unwind(AssertUnwindSafe(|| {
                if text.len() > MAX_DOCUMENT_BYTES {
                    // Refused, as `brieflint check` refuses such a file: the diagnostics say why.
                    analyse_cached("", kind, &knowledge.kb, &settings, &mut ChunkCache::default())
                } else {
                    chunks.analyse(&text, kind, &knowledge.kb, &settings, generation)
                }
            }));
            if analysed.is_err() {
                // Whatever the panic left half-made is not reused.
                *chunks = Default::default();
            }
            Some(
                analysed
                    .map(|analysis| Snapshot::new(version, generation, rope, text, analysis, knowledge.clone()))
                    .map_err(|payload| panic_message(payload.as_ref())),
            )
        });
        let snapshot = match job.await {
            Ok(Some(Ok(snapshot))) => Arc::new(snapshot),
            Ok(Some(Err(message))) => {
                self.report_panic(&format!("the analysis of {}", uri.as_str()), &message);
                return None;
            }
            Ok(None) => return None,
            Err(e) => {
                self.report_panic("the analysis task", &e.to_string());
                return None;
            }
        };
        let mut state = lock(&self.state);
        let generation = state.view.generation;
        let doc = state.documents.get_mut(uri)?;
        if doc.version == snapshot.version && generation == snapshot.generation {
            if let Some(replaced) = doc.snapshot.replace(snapshot.clone()) {
                state.retired.push(replaced);
            }
        }
        Some(snapshot)
    }

    /// Analyse and publish, unless a newer version has been (or is about to be) published.
    ///
    /// One analysis per document runs at a time: a change made meanwhile marks the document, and the running task
    /// goes round again with the latest version, so fast typing neither piles up analyses nor loses the last one.
    async fn refresh(&self, uri: &Uri) {
        {
            let mut state = lock(&self.state);
            let Some(doc) = state.documents.get_mut(uri) else {
                return;
            };
            if doc.analysing {
                doc.pending = true;
                return;
            }
            doc.analysing = true;
        }
        loop {
            self.refresh_once(uri).await;
            let mut state = lock(&self.state);
            let Some(doc) = state.documents.get_mut(uri) else {
                return;
            };
            if !std::mem::take(&mut doc.pending) {
                doc.analysing = false;
                return;
            }
        }
    }

    async fn refresh_once(&self, uri: &Uri) {
        self.publish_once(uri).await;
        // Freeing a large document's analysis takes a while: done once its successor's diagnostics are out.
        let retired = std::mem::take(&mut lock(&self.state).retired);
        if !retired.is_empty() {
            tokio::task::spawn_blocking(move || drop(retired));
        }
    }

    async fn publish_once(&self, uri: &Uri) {
        let Some(snapshot) = self.analysed(uri).await else {
            return;
        };
        if lock(&self.state).flags.pull_diagnostics {
            return;
        }
        let mut published = self.published.lock().await;
        let (current, encoding) = {
            let state = lock(&self.state);
            (state.documents.get(uri).map(|d| d.version), state.encoding)
        };
        let made_from = (snapshot.version, snapshot.generation);
        let last = published.entry(uri.clone()).or_default();
        if current != Some(snapshot.version) || last.made_from.is_some_and(|done| done >= made_from) {
            return;
        }
        let encoded = self.guarded("diagnostics", || {
            if snapshot.text.len() > MAX_DOCUMENT_BYTES {
                let params = PublishDiagnosticsParams::new(
                    uri.clone(),
                    diagnostics::of_snapshot(&snapshot, encoding),
                    Some(snapshot.version),
                );
                outgoing::encode(PublishDiagnostics::METHOD, &params, 0)
            } else {
                last.kept.encode(uri, snapshot.version, &snapshot.analysis, encoding)
            }
        });
        match encoded {
            Some(Ok(message)) => {
                self.outgoing.send(message).await;
                last.made_from = Some(made_from);
            }
            Some(Err(e)) => self.report_panic("diagnostics", &e.to_string()),
            None => {}
        }
    }

    /// Re-read the workspace files, show their problems, and re-check every open document.
    async fn reload(&self) {
        self.load_project().await;
        self.publish_problems().await;
        let uris: Vec<Uri> = lock(&self.state).documents.keys().cloned().collect();
        for uri in uris {
            self.refresh(&uri).await;
        }
        let ask_to_pull = {
            let flags = &lock(&self.state).flags;
            flags.pull_diagnostics && flags.diagnostic_refresh
        };
        if ask_to_pull {
            if let Err(error) = self.client.workspace_diagnostic_refresh().await {
                eprintln!("brieflint: workspace/diagnostic/refresh failed: {error}");
            }
        }
    }

    /// Re-read the workspace files on the blocking pool (a large knowledge base takes a while), then swap the
    /// result in: requests meanwhile go on with the previous knowledge base.
    async fn load_project(&self) {
        let (root, editor) = {
            let state = lock(&self.state);
            (state.root.clone(), state.editor.clone())
        };
        let loader = self.loader.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            let mut guard = loader.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let project = guard.get_or_insert_with(|| Project::new(root.clone(), editor.clone()));
            project.root = root;
            project.editor = editor;
            catch_unwind(AssertUnwindSafe(|| {
                let log = project.reload();
                (project.view(), log)
            }))
            .map_err(|payload| panic_message(payload.as_ref()))
        })
        .await;
        match loaded {
            Ok(Ok((view, log))) => {
                lock(&self.state).view = view;
                self.log(log).await;
            }
            Ok(Err(message)) => self.report_panic("loading the workspace", &message),
            Err(e) => self.report_panic("loading the workspace", &e.to_string()),
        }
    }

    async fn publish_problems(&self) {
        let (by_file, stale) = {
            let mut state = lock(&self.state);
            let mut by_file: HashMap<Uri, Vec<Diagnostic>> = HashMap::new();
            for problem in &state.view.problems {
                if let Some(uri) = Uri::from_file_path(&problem.path) {
                    by_file.entry(uri).or_default().push(diagnostics::of_problem(problem));
                } else {
                    eprintln!("brieflint: {}: {}", problem.path.display(), problem.message);
                }
            }
            let now: HashSet<Uri> = by_file.keys().cloned().collect();
            let stale: Vec<Uri> = state.problem_files.difference(&now).cloned().collect();
            state.problem_files = now;
            (by_file, stale)
        };
        for (uri, items) in by_file {
            self.publish(uri, items).await;
        }
        for uri in stale {
            self.publish(uri, Vec::new()).await;
        }
    }

    /// The `brieflint` section of the client's configuration, when the client can be asked.
    async fn pull_configuration(&self) -> Option<Value> {
        if !lock(&self.state).flags.configuration {
            return None;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("brieflint".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(mut values) if !values.is_empty() => Some(values.swap_remove(0)),
            Ok(_) => None,
            Err(e) => {
                self.client
                    .log_message(MessageType::WARNING, format!("workspace/configuration failed: {e}"))
                    .await;
                None
            }
        }
    }

    /// Take the client's settings; `null` (a client without any) keeps the ones given at initialisation.
    async fn set_editor_settings(&self, value: Option<Value>) {
        if value.as_ref().is_none_or(Value::is_null) {
            return;
        }
        match EditorSettings::from_json(value) {
            Ok(settings) => lock(&self.state).editor = settings,
            Err(message) => self.client.log_message(MessageType::WARNING, message).await,
        }
    }

    async fn register_watchers(&self) {
        let (dynamic, kb_files) = {
            let state = lock(&self.state);
            (state.flags.dynamic_watchers, state.view.kb_files.clone())
        };
        if !dynamic {
            return;
        }
        let watchers = WATCHED
            .iter()
            .map(|g| g.to_string())
            .chain(kb_files.iter().map(|p| p.display().to_string()))
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "brieflint-workspace-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.client
                .log_message(MessageType::WARNING, format!("cannot watch the workspace files: {e}"))
                .await;
        }
    }

    /// Publish unversioned diagnostics, by the same way out as documents' diagnostics so that they stay in order.
    async fn publish(&self, uri: Uri, items: Vec<Diagnostic>) {
        let params = PublishDiagnosticsParams::new(uri, items, None);
        match outgoing::encode(PublishDiagnostics::METHOD, &params, 0) {
            Ok(message) => self.outgoing.send(message).await,
            Err(e) => eprintln!("brieflint: cannot publish diagnostics: {e}"),
        }
    }

    /// The document's current analysis and the negotiated encoding.
    async fn snapshot_of(&self, uri: &Uri) -> Option<(Arc<Snapshot>, Encoding)> {
        let snapshot = self.analysed(uri).await?;
        let encoding = lock(&self.state).encoding;
        Some((snapshot, encoding))
    }

    fn knowledge(&self) -> Arc<Knowledge> {
        lock(&self.state).view.knowledge.clone()
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            resolve_provider: Some(true),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("brieflint".into()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            ..Default::default()
        })),
        ..Default::default()
    }
}

fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri);
    #[allow(deprecated)] // rootUri is still what many clients send.
    let uri = folder.or(params.root_uri.as_ref());
    uri.and_then(|u| u.to_file_path()).map(|p| p.into_owned())
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
        let workspace = params.capabilities.workspace.as_ref();
        let flags = ClientFlags {
            dynamic_watchers: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            pull_diagnostics: params
                .capabilities
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
        };
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
        let Some(kind) = DocKind::from_language_id(&doc.language_id) else {
            return;
        };
        let uri = doc.uri.clone();
        lock(&self.state)
            .documents
            .insert(doc.uri.clone(), OpenDocument::new(kind, doc.version, &doc.text));
        self.published.lock().await.remove(&uri);
        self.refresh_later(uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
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
            self.refresh_later(uri);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if lock(&self.state).documents.remove(&uri).is_none() {
            return;
        }
        let mut published = self.published.lock().await;
        published.remove(&uri);
        self.publish(uri, Vec::new()).await;
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
            let knowledge = state.view.knowledge.clone();
            let encoding = state.encoding;
            self.guarded("completion", || complete(doc, &knowledge, at.position, encoding))
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
        let documentation = self.guarded("completion resolve", || {
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
        let location = self.guarded("definition", || {
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
        let actor = self.guarded("references", || {
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
            if let Some(snapshot) = self.analysed(&uri).await {
                documents.push((uri, snapshot));
            }
        }
        documents.sort_by(|a, b| a.0.cmp(&b.0));
        let found = self.guarded("references", || {
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
        let found = self.guarded("code actions", || {
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
}

/// Completion items for the words before the cursor (see `completion.rs`): the full form on the actor's first
/// mention in the document, its acronym or name afterwards.
fn complete(
    doc: &OpenDocument,
    knowledge: &Knowledge,
    position: Position,
    encoding: Encoding,
) -> Option<Vec<CompletionItem>> {
    let rope = &doc.rope;
    let offset = positions::offset(rope, position, encoding);
    let line_start = rope.line_to_byte(rope.byte_to_line(offset));
    let before: String = rope.byte_slice(line_start..offset).to_string();
    let kb = &knowledge.kb;
    let (prefix, candidates) = completion::typed_prefixes(&before)
        .into_iter()
        .map(|prefix| (prefix, knowledge.index.search(kb, prefix, MAX_COMPLETIONS)))
        .find(|(_, found)| !found.is_empty())?;
    let prefix_start = offset - prefix.len();
    let replace = positions::range(rope, &(prefix_start..offset), encoding);
    // The kept analysis may be a version behind; it is only asked which actors appear before the cursor.
    let mentioned_before = |actor: usize| {
        doc.snapshot
            .as_ref()
            .and_then(|s| s.first_mention(actor))
            .is_some_and(|first| first.range.start < prefix_start)
    };
    let items = candidates
        .iter()
        .enumerate()
        .map(|(rank, candidate)| {
            let actor = kb.actor(candidate.actor);
            let insert = if mentioned_before(candidate.actor) {
                actor.acronyms.first().cloned().unwrap_or_else(|| actor.name.clone())
            } else {
                actor.full_form()
            };
            let surface = &kb.matcher().surface(candidate.surface).text;
            CompletionItem {
                label: actor.name.clone(),
                label_details: Some(CompletionItemLabelDetails {
                    detail: None,
                    description: (surface != &actor.name).then(|| surface.clone()),
                }),
                kind: Some(completion::item_kind(actor.kind)),
                detail: Some(format!(
                    "{} — {}",
                    actor.kind,
                    completion::short_description(&actor.description)
                )),
                // The card comes with completionItem/resolve, for the one item the editor shows.
                data: Some(Value::String(actor.id.clone())),
                filter_text: Some(surface.clone()),
                sort_text: Some(format!("{rank:04}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(replace, insert))),
                ..Default::default()
            }
        })
        .collect();
    Some(items)
}

/// The rule settings for one document: the workspace's, with the genre `[genres]` declares for its path (as
/// `brieflint check` applies them).
fn settings_for(view: &super::project::View, uri: &Uri) -> Arc<brieflint_core::RuleSettings> {
    let genre = uri.to_file_path().and_then(|path| view.genres.genre_of(&path));
    match genre {
        Some(genre) => Arc::new(brieflint_core::RuleSettings {
            genre: Some(genre),
            ..(*view.settings).clone()
        }),
        None => view.settings.clone(),
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
        let caught: Option<()> = backend.guarded("a test handler", || panic!("boom"));
        assert!(caught.is_none());
        assert_eq!(backend.guarded("a test handler", || 7), Some(7));
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
