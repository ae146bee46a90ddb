//! The sourcing report of a 1 MB briefing, in wall time (what a user waits for): the whole of what
//! `brieflint report FILE` does after reading the file (analysis, then the HTML page), and the page alone from a
//! finished analysis. Prints the page's size against the text's. Run with `cargo bench -p brieflint --bench report`.

mod support;

use brieflint::report::{html, DocumentReport, Meta};
use brieflint_core::{analyse, DocKind, KnowledgeBase};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use support::{corpus, names_of, CorpusStyle};

const CORPUS_BYTES: usize = 1 << 20;

fn report(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin();
    let text = corpus(CORPUS_BYTES, CorpusStyle::Markdown, &names_of(&kb), 11);
    let meta = Meta::now(vec!["built-in".into()]);
    let page = |analysis: &brieflint_core::Analysis| {
        html(
            &[DocumentReport::new("big.md".into(), text.clone(), analysis, &kb)],
            &meta,
        )
    };
    let analysis = analyse(&text, DocKind::Markdown, &kb);
    let size = page(&analysis).len();
    println!(
        "report size: {size} bytes for {} bytes of text ({:.2}x)",
        text.len(),
        size as f64 / text.len() as f64
    );

    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("1mb-markdown", |b| {
        b.iter(|| page(&analyse(&text, DocKind::Markdown, &kb)))
    });
    group.bench_function("1mb-markdown-page-only", |b| b.iter(|| page(&analysis)));
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
