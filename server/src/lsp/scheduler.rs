//! The language server's scheduling in one place: analysing a document, refreshing it when it changes or the
//! workspace is reloaded, and publishing its diagnostics once per version.
//!
//! The analysis runs on the blocking pool with panics caught, and keeps the document's chunks between edits so
//! that only changed chunks are analysed again. A document too large to be a briefing takes the same path: it
//! is refused rather than analysed, and its one diagnostic says why.

use super::diagnostics;
use super::linted::{Placement, Scope};
use super::outgoing::{self, Encoded, Outgoing};
use super::panics::{self, lock, Panics};
use super::positions::Encoding;
use super::publish::KeptDiagnostics;
use super::snapshot::{self, Snapshot};
use super::state::State;
use brieflint_core::analysis::{analyse_cached, ChunkCache, ChunkedAnalysis};
use brieflint_core::{DocKind, KnowledgeBase, RuleSettings};
use ropey::Rope;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};
use tower_lsp_server::ls_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::ls_types::{PublishDiagnosticsParams, Uri};

/// The document's analysed chunks, kept between edits so that only changed chunks are analysed again, and where
/// it lies; valid for one workspace generation (knowledge base, settings and configuration files).
#[derive(Default)]
struct KeptChunks {
    generation: u64,
    cache: ChunkCache,
    placement: Option<Placement>,
}

impl KeptChunks {
    /// Forget what an older workspace generation made.
    fn renew(&mut self, generation: u64) {
        if self.generation != generation {
            *self = KeptChunks {
                generation,
                ..KeptChunks::default()
            };
        }
    }

    fn placement(&mut self, scope: &Scope, uri: &Uri) -> Placement {
        *self.placement.get_or_insert_with(|| scope.place(uri))
    }

    fn analyse(&mut self, text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> ChunkedAnalysis {
        analyse_cached(text, kind, kb, settings, &mut self.cache)
    }
}

/// What the scheduler keeps of one open document's analysis.
#[derive(Default)]
pub struct KeptAnalysis {
    /// The latest analysis, possibly of an older version.
    snapshot: Option<Arc<Snapshot>>,
    /// A refresh is running for this document; `pending` asks it to go round again for a newer version.
    analysing: bool,
    pending: bool,
    /// Shared with the analysis running on the blocking pool.
    chunks: Arc<Mutex<KeptChunks>>,
}

impl KeptAnalysis {
    /// The latest analysis, which may be of an older version: for a request that must not wait for a new one.
    pub fn latest(&self) -> Option<&Arc<Snapshot>> {
        self.snapshot.as_ref()
    }

    /// The latest analysis when it is of this version and workspace generation.
    fn current(&self, version: i32, generation: u64) -> Option<Arc<Snapshot>> {
        self.snapshot
            .clone()
            .filter(|s| s.version == version && s.generation == generation)
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

/// Analyses, refreshes and publishes the open documents; the handlers tell it when one opens, changes or closes.
pub struct Scheduler {
    state: Arc<Mutex<State>>,
    /// Where publishDiagnostics goes, serialised straight to bytes.
    outgoing: Outgoing,
    panics: Panics,
    /// What was last published per document; held while publishing so a stale result never overtakes and the
    /// same result is not sent twice (a reload publishes the same version anew).
    published: tokio::sync::Mutex<HashMap<Uri, Published>>,
    /// Replaced snapshots, to be freed after the next publish. Locked after `state` when both are held.
    retired: Mutex<Vec<Arc<Snapshot>>>,
}

impl Scheduler {
    pub fn new(state: Arc<Mutex<State>>, outgoing: Outgoing, panics: Panics) -> Scheduler {
        Scheduler {
            state,
            outgoing,
            panics,
            published: tokio::sync::Mutex::new(HashMap::new()),
            retired: Mutex::new(Vec::new()),
        }
    }

    /// The document was opened (again): nothing is published for it yet.
    pub async fn opened(self: &Arc<Self>, uri: Uri) {
        self.published.lock().await.remove(&uri);
        self.refresh_later(uri);
    }

    /// The document was closed: its diagnostics are cleared, after any publish under way (and none follows, the
    /// document being gone).
    pub async fn closed(&self, uri: Uri) {
        let mut published = self.published.lock().await;
        published.remove(&uri);
        self.outgoing.publish(uri, Vec::new()).await;
    }

    /// Analyse and publish in the background, so the handler (and the requests queued behind it) need not wait.
    pub fn refresh_later(self: &Arc<Self>, uri: Uri) {
        let scheduler = self.clone();
        tokio::spawn(async move { scheduler.refresh(&uri).await });
    }

    /// Analyse and publish every open document again, as after a reload of the workspace.
    pub async fn refresh_all(&self) {
        let uris: Vec<Uri> = lock(&self.state).documents.keys().cloned().collect();
        for uri in uris {
            self.refresh(&uri).await;
        }
    }

    /// The analysis of the document's current version, made now if the kept one is stale. `None` for an unknown
    /// document, when the document changed meanwhile, or when the analysis panicked.
    pub async fn analysed(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let (rope, version, kind, knowledge, settings, scope, generation, chunks) = {
            let state = lock(&self.state);
            let doc = state.documents.get(uri)?;
            let generation = state.view.generation;
            if let Some(current) = doc.analysis.current(doc.version, generation) {
                return Some(current);
            }
            (
                doc.rope.clone(),
                doc.version,
                doc.kind,
                state.view.knowledge.clone(),
                state.view.settings_for(uri),
                state.view.scope.clone(),
                generation,
                doc.analysis.chunks.clone(),
            )
        };
        let state = self.state.clone();
        let key = uri.clone();
        let job = tokio::task::spawn_blocking(move || {
            let superseded = lock(&state).documents.get(&key).is_none_or(|d| d.version != version);
            if superseded {
                return None;
            }
            let text = text_of(&rope);
            let mut chunks = lock(&chunks);
            let analysed = catch_unwind(AssertUnwindSafe(|| {
                chunks.renew(generation);
                let linted = scope.lints(chunks.placement(&scope, &key), &text);
                let analysis = if !linted || snapshot::too_large(&text) {
                    // Not linted: served as empty. Too large: refused, as `brieflint check` refuses such a file,
                    // and the diagnostics say why.
                    analyse_cached("", kind, &knowledge.kb, &settings, &mut ChunkCache::default())
                } else {
                    chunks.analyse(&text, kind, &knowledge.kb, &settings)
                };
                (analysis, linted)
            }));
            if analysed.is_err() {
                // Whatever the panic left half-made is not reused.
                *chunks = Default::default();
            }
            Some(
                analysed
                    .map(|(analysis, linted)| {
                        Snapshot::new(version, generation, rope, text, analysis, knowledge.clone(), linted)
                    })
                    .map_err(|payload| panics::message(payload.as_ref())),
            )
        });
        let snapshot = match job.await {
            Ok(Some(Ok(snapshot))) => Arc::new(snapshot),
            Ok(Some(Err(message))) => {
                self.panics
                    .report(&format!("the analysis of {}", uri.as_str()), &message);
                return None;
            }
            Ok(None) => return None,
            Err(e) => {
                self.panics.report("the analysis task", &e.to_string());
                return None;
            }
        };
        let mut state = lock(&self.state);
        let generation = state.view.generation;
        let doc = state.documents.get_mut(uri)?;
        if doc.version == snapshot.version && generation == snapshot.generation {
            if let Some(replaced) = doc.analysis.snapshot.replace(snapshot.clone()) {
                lock(&self.retired).push(replaced);
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
            if doc.analysis.analysing {
                doc.analysis.pending = true;
                return;
            }
            doc.analysis.analysing = true;
        }
        loop {
            self.refresh_once(uri).await;
            let mut state = lock(&self.state);
            let Some(doc) = state.documents.get_mut(uri) else {
                return;
            };
            if !std::mem::take(&mut doc.analysis.pending) {
                doc.analysis.analysing = false;
                return;
            }
        }
    }

    async fn refresh_once(&self, uri: &Uri) {
        self.publish_once(uri).await;
        // Freeing a large document's analysis takes a while: done once its successor's diagnostics are out.
        let retired = std::mem::take(&mut *lock(&self.retired));
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
        let encoded = self
            .panics
            .guarded("diagnostics", || encode(uri, &snapshot, &mut last.kept, encoding));
        match encoded {
            Some(Ok(message)) => {
                self.outgoing.send(message).await;
                last.made_from = Some(made_from);
            }
            Some(Err(e)) => self.panics.report("diagnostics", &e.to_string()),
            None => {}
        }
    }
}

/// The snapshot's publishDiagnostics: made from what is kept for its unchanged chunks, or, for a document too
/// large to be analysed, the one diagnostic that says so.
fn encode(
    uri: &Uri,
    snapshot: &Snapshot,
    kept: &mut KeptDiagnostics,
    encoding: Encoding,
) -> serde_json::Result<Encoded> {
    if snapshot.too_large() {
        let params = PublishDiagnosticsParams::new(
            uri.clone(),
            diagnostics::of_snapshot(snapshot, encoding),
            Some(snapshot.version),
        );
        outgoing::encode(PublishDiagnostics::METHOD, &params, 0)
    } else {
        kept.encode(uri, snapshot.version, &snapshot.analysis, encoding)
    }
}

/// The rope's text in one string, made at its final size (`to_string` grows it, copying megabytes more than once).
fn text_of(rope: &Rope) -> String {
    let mut text = String::with_capacity(rope.len_bytes());
    rope.chunks().for_each(|chunk| text.push_str(chunk));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_of_a_rope_of_many_pieces_is_whole() {
        let text = "Line with ünïcode 😀\r\n".repeat(5000);
        let rope = Rope::from_str(&text);
        assert!(rope.chunks().count() > 10);
        assert_eq!(text_of(&rope), text);
    }
}
