//! Editor latency on a 2 MB briefing: the real language server in process over a duplex pipe, a one-character
//! didChange at a different line each time, timed until the publishDiagnostics of that version arrives; the
//! same edits through the core alone (`analysis::analyse_cached`); and completion with a 100,000-actor workspace
//! knowledge base. Besides criterion's estimates it prints the median and 99th percentile of every timed edit.
//! Run with `cargo bench -p brieflint --bench lsp_latency`.

mod support;

use brieflint_core::analysis::{analyse_cached, ChunkCache};
use brieflint_core::{DocKind, KnowledgeBase, RuleSettings};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::cpu_time::process_cpu_time;
use support::{corpus, generated_kb, names_of, CorpusStyle};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};

const DOCUMENT_BYTES: usize = 2 << 20;
const LARGE_KB_ACTORS: usize = 100_000;
const URI: &str = "file:///bench/briefing.md";

/// A bare LSP client: it parses responses but only peeks at publishDiagnostics (a 2 MB briefing has thousands
/// of findings; decoding them all would time the client, not the server).
struct Lsp {
    reader: BufReader<ReadHalf<DuplexStream>>,
    writer: WriteHalf<DuplexStream>,
    next_id: i64,
    version: i64,
    /// The last message read, in a buffer kept from one to the next: a fresh one for each multi-megabyte
    /// publish would time the client's page faults.
    message: Vec<u8>,
}

impl Lsp {
    fn start() -> Lsp {
        let (client, server) = tokio::io::duplex(1 << 22);
        let (server_read, server_write) = tokio::io::split(server);
        tokio::spawn(brieflint::lsp::serve(server_read, server_write));
        let (reader, writer) = tokio::io::split(client);
        Lsp {
            reader: BufReader::new(reader),
            writer,
            next_id: 1,
            version: 1,
            message: Vec::new(),
        }
    }

    async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(body.as_bytes()).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    /// Read the next message into `self.message`.
    async fn body(&mut self) {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.reader.read_line(&mut line).await.unwrap() > 0,
                "the server hung up"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("Content-Length") {
                    length = value.trim().parse().unwrap();
                }
            }
        }
        self.message.clear();
        let read = (&mut self.reader)
            .take(length as u64)
            .read_to_end(&mut self.message)
            .await;
        assert_eq!(read.unwrap(), length, "the server hung up");
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        loop {
            self.body().await;
            if is_publish(&self.message) {
                continue;
            }
            let message: Value = serde_json::from_slice(&self.message).unwrap();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message["result"].clone();
            }
        }
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// Wait for the diagnostics of `version`, left in `self.message` (count them with [`diagnostics_in`]
    /// after the clock stops: counting is the client's work, not the server's).
    async fn published(&mut self, version: i64) {
        let wanted = format!("\"version\":{version}");
        loop {
            self.body().await;
            let body = &self.message;
            if !is_publish(body) {
                continue;
            }
            // The version is at the end: read only the end (decoding megabytes would time the client).
            let end = &body[body.len().saturating_sub(64)..];
            let text = String::from_utf8_lossy(end);
            let tail = &text[text.rfind("\"version\":").expect("a versioned publish")..];
            if tail.starts_with(&wanted) && !tail[wanted.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                return;
            }
        }
    }

    async fn open(root: Option<&std::path::Path>, text: &str) -> Lsp {
        let mut lsp = Lsp::start();
        let root_uri = root.map(|r| format!("file://{}", r.display()));
        lsp.request(
            "initialize",
            // The document lies in no brieflint workspace: linted only when the server is told to lint all.
            json!({ "processId": null, "rootUri": root_uri, "capabilities": {}, "initializationOptions": { "enable": "always" } }),
        )
        .await;
        lsp.notify("initialized", json!({})).await;
        lsp.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "markdown", "version": 1, "text": text } }),
        )
        .await;
        lsp.published(1).await;
        lsp
    }

    /// Type one character at the start of `line`; returns the version sent.
    async fn type_at(&mut self, line: usize) -> i64 {
        self.version += 1;
        let at = json!({ "line": line, "character": 0 });
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": self.version },
                "contentChanges": [{ "range": { "start": at, "end": at }, "text": "x" }]
            }),
        )
        .await;
        self.version
    }
}

/// How many diagnostics a publishDiagnostics carries (roughly: the number of ranges).
fn diagnostics_in(body: &[u8]) -> usize {
    String::from_utf8_lossy(body).matches("\"range\"").count()
}

fn is_publish(body: &[u8]) -> bool {
    const METHOD: &[u8] = b"\"method\":\"textDocument/publishDiagnostics\"";
    let head = &body[..body.len().min(200)];
    head.windows(METHOD.len()).any(|w| w == METHOD)
}

/// Median and 99th percentile of the recorded times.
fn report(what: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        // Filtered out on the command line (`cargo bench --bench lsp_latency -- completion`).
        return;
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what}: {} timed, median {:.2} ms, p99 {:.2} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3
    );
}

/// The line to edit for the `n`th edit: spread over the document.
fn line_for(n: i64, lines: usize) -> usize {
    (n as usize).wrapping_mul(7919) % lines
}

fn edits(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin();
    let text = corpus(DOCUMENT_BYTES, CorpusStyle::Markdown, &names_of(&kb), 11);
    let lines = text.lines().count();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut group = c.benchmark_group("edit-2mb");
    group.sample_size(20).measurement_time(Duration::from_secs(15));

    // The core alone: the same one-character edits, analysed with the document's kept chunks.
    let mut edited = text.clone();
    let mut cache = ChunkCache::default();
    let settings = RuleSettings::default();
    analyse_cached(&edited, DocKind::Markdown, &kb, &settings, &mut cache);
    let mut core_times = Vec::new();
    let mut n = 0;
    group.bench_function("core-analyse-cached", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let line = line_for(n, lines);
                let at: usize = edited.split_inclusive('\n').take(line).map(str::len).sum();
                edited.insert(at, 'x');
                let start = Instant::now();
                let analysis = analyse_cached(&edited, DocKind::Markdown, &kb, &settings, &mut cache);
                let took = start.elapsed();
                std::hint::black_box(analysis);
                core_times.push(took);
                total += took;
            }
            total
        })
    });

    // The whole server: didChange in, publishDiagnostics of that version out.
    let mut lsp = runtime.block_on(Lsp::open(None, &text));
    let mut lsp_times = Vec::new();
    let mut lsp_cpu = Duration::ZERO;
    group.bench_function("lsp-didchange-to-publish", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let line = line_for(lsp.version + 1, lines);
                    let cpu = process_cpu_time();
                    let start = Instant::now();
                    let version = lsp.type_at(line).await;
                    lsp.published(version).await;
                    let took = start.elapsed();
                    lsp_cpu += process_cpu_time() - cpu;
                    lsp_times.push(took);
                    total += took;
                }
                total
            })
        })
    });
    group.finish();
    println!(
        "document: {} bytes, {lines} lines, about {} diagnostics per publish",
        text.len(),
        diagnostics_in(&lsp.message)
    );
    report("core analyse_cached after a one-character edit", core_times);
    if !lsp_times.is_empty() {
        // Wall time waits for a core when other work shares the machine; this is what the cores did, on average.
        println!(
            "lsp didChange -> publishDiagnostics: CPU time of all threads per edit, the bench's client included, mean {:.2} ms",
            lsp_cpu.as_secs_f64() * 1e3 / lsp_times.len() as f64
        );
    }
    report("lsp didChange -> publishDiagnostics", lsp_times);
}

fn completion(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let kb_toml = generated_kb(LARGE_KB_ACTORS, 7);
    let kb_path = dir.path().join(".brieflint/actors.toml");
    std::fs::create_dir_all(kb_path.parent().unwrap()).unwrap();
    std::fs::write(&kb_path, &kb_toml).unwrap();
    let cast = names_of(&KnowledgeBase::from_toml(&kb_toml).expect("the generated base loads"));
    let text = corpus(DOCUMENT_BYTES, CorpusStyle::Markdown, &cast, 11);
    let prefix: String = cast
        .groups
        .first()
        .map_or("Ta".into(), |name| name.chars().take(3).collect());
    let text = format!("{text}\nThe {prefix}");
    let last_line = text.lines().count() - 1;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut lsp = runtime.block_on(Lsp::open(Some(dir.path()), &text));
    let params = json!({
        "textDocument": { "uri": URI },
        "position": { "line": last_line, "character": 4 + prefix.chars().count() }
    });
    let items = runtime.block_on(lsp.request("textDocument/completion", params.clone()));
    let offered = items["items"].as_array().map_or(0, Vec::len);
    assert!(offered > 0, "completion offers actors for {prefix:?}");
    let mut times = Vec::new();
    let mut group = c.benchmark_group("completion");
    group.sample_size(20);
    group.bench_function("100k-actors", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    std::hint::black_box(lsp.request("textDocument/completion", params.clone()).await);
                    let took = start.elapsed();
                    times.push(took);
                    total += took;
                }
                total
            })
        })
    });
    group.finish();
    report(
        &format!("completion of {prefix:?} with {LARGE_KB_ACTORS} actors ({offered} offered)"),
        times,
    );
}

criterion_group!(benches, edits, completion);
criterion_main!(benches);
