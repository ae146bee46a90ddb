//! One analysis of the benchmarks' 1 MB Markdown corpus with the curated base or with the UN pack, for
//! deterministic instruction counts under `valgrind --tool=callgrind` (BENCHMARKS.md, "The UN pack"):
//! `perf_probe curated|packed load|analyse`; the analysis's count is `analyse` less `load`.
#[path = "../benches/support/mod.rs"]
mod support;

use brieflint_core::{analyse, DocKind, KnowledgeBase};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (base, step) = (
        args.get(1).map_or("curated", String::as_str),
        args.get(2).map_or("analyse", String::as_str),
    );
    let curated = KnowledgeBase::builtin();
    let text = support::corpus(
        1 << 20,
        support::CorpusStyle::Markdown,
        &support::names_of(&curated),
        11,
    );
    let kb = match base {
        "packed" => KnowledgeBase::with_packs(&["un-sc".to_string()], &[]).expect("the pack loads"),
        _ => curated,
    };
    if step == "analyse" {
        std::hint::black_box(analyse(&text, DocKind::Markdown, &kb));
    }
}
