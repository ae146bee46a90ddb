//! Analysis throughput (MB/s of briefing text) with the built-in knowledge base and with 100,000 generated
//! actors, in CPU time of the benchmark thread, and the time to load those 100,000 actors, in CPU time of the
//! whole process and in wall time (see `support/cpu_time.rs`). Run with `cargo bench -p brieflint --bench analysis`.

mod support;

use brieflint_core::{analyse, DocKind, KnowledgeBase};
use criterion::measurement::{Measurement, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use support::cpu_time::{ProcessCpuTime, ThreadCpuTime};
use support::{corpus, generated_kb, names_of, CorpusStyle};

/// Enough text that one iteration is tens of milliseconds: per-document costs do not hide per-byte ones.
const CORPUS_BYTES: usize = 1 << 20;
const LARGE_KB_ACTORS: usize = 100_000;

/// Set to profile the built-in cases alone, without generating and loading the large base first.
const SKIP_LARGE: &str = "BRIEFLINT_BENCH_SKIP_LARGE";

fn throughput(c: &mut Criterion<ThreadCpuTime>) {
    let mut group = c.benchmark_group("analyse");
    group.sample_size(20);
    let mut bench = |name: &str, kb: &KnowledgeBase, style: CorpusStyle| {
        let text = corpus(CORPUS_BYTES, style, &names_of(kb), 11);
        let kind = match style {
            CorpusStyle::Markdown => DocKind::Markdown,
            CorpusStyle::PlainText => DocKind::PlainText,
        };
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| analyse(&text, kind, kb)));
    };
    let builtin = KnowledgeBase::builtin();
    bench("builtin-kb/markdown", &builtin, CorpusStyle::Markdown);
    bench("builtin-kb/plaintext", &builtin, CorpusStyle::PlainText);
    // The large base is made only now: merely holding its ~300 MB while the built-in cases run slowed them from
    // about 13 to about 7 MB/s on this machine (allocator and cache effects), which is not what a user sees.
    if std::env::var_os(SKIP_LARGE).is_none() {
        let large = KnowledgeBase::from_toml(&generated_kb(LARGE_KB_ACTORS, 7)).expect("the generated base loads");
        bench("100k-actors/markdown", &large, CorpusStyle::Markdown);
    }
    group.finish();
}

/// Loading spreads the parse over a thread pool: `kb-load` is the CPU time of every thread of the process (all the
/// work, on however many cores), `kb-load-wall` the wall time a user waits (on this machine's two cores).
fn kb_load<M: Measurement>(c: &mut Criterion<M>, group_name: &str) {
    let mut group = c.benchmark_group(group_name);
    group.sample_size(10);
    if std::env::var_os(SKIP_LARGE).is_none() {
        let toml = generated_kb(LARGE_KB_ACTORS, 7);
        // Freeing the previous base is not part of a load: `iter` would time it too (criterion's own advice for
        // a result with an expensive drop). kb-memory's loads are timed the same way.
        group.bench_function("100k-actors", |b| {
            b.iter_with_large_drop(|| KnowledgeBase::from_toml(&toml).expect("loads"))
        });
    }
    group.bench_function("builtin", |b| b.iter(KnowledgeBase::builtin));
    group.finish();
}

fn kb_load_cpu(c: &mut Criterion<ProcessCpuTime>) {
    kb_load(c, "kb-load");
}

fn kb_load_wall(c: &mut Criterion<WallTime>) {
    kb_load(c, "kb-load-wall");
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = throughput
}
criterion_group! {
    name = load_cpu;
    config = Criterion::default().with_measurement(ProcessCpuTime);
    targets = kb_load_cpu
}
criterion_group!(load_wall, kb_load_wall);
criterion_main!(benches, load_cpu, load_wall);
