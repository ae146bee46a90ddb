//! The cost of the built-in UN pack (`seeds/packs/un-sc.toml`, on by default): analysis throughput with the
//! curated base alone and with the pack, on the same text, and the time to load the whole knowledge base (curated
//! base and pack merged). Run with `cargo bench -p brieflint --bench kb_packs`.

mod support;

use brieflint_core::actors::packs::DEFAULT_PACKS;
use brieflint_core::{analyse, DocKind, KnowledgeBase};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use support::cpu_time::ThreadCpuTime;
use support::{corpus, names_of, CorpusStyle};

const CORPUS_BYTES: usize = 1 << 20;

fn with_packs() -> KnowledgeBase {
    let packs: Vec<String> = DEFAULT_PACKS.iter().map(|p| p.to_string()).collect();
    KnowledgeBase::with_packs(&packs, &[]).expect("the packs load")
}

fn throughput(c: &mut Criterion<ThreadCpuTime>) {
    let mut group = c.benchmark_group("analyse-packs");
    group.sample_size(20);
    let curated = KnowledgeBase::builtin();
    let packed = with_packs();
    // A briefing of the curated base's actors (what a writer of the seeds' kind writes), and one that also names
    // listed ones (the pack's people and groups), each analysed with and without the pack.
    for (text_name, cast_kb) in [("curated-text", &curated), ("listed-text", &packed)] {
        let text = corpus(CORPUS_BYTES, CorpusStyle::Markdown, &names_of(cast_kb), 11);
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        for (kb_name, kb) in [("curated", &curated), ("with-un-sc", &packed)] {
            group.bench_function(format!("{text_name}/{kb_name}"), |b| {
                b.iter(|| analyse(&text, DocKind::Markdown, kb))
            });
        }
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("kb-load-packs");
    group.sample_size(20);
    group.bench_function("curated", |b| b.iter(KnowledgeBase::builtin));
    group.bench_function("curated+un-sc", |b| b.iter(with_packs));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = throughput
}
criterion_group!(loads, load);
criterion_main!(benches, loads);
