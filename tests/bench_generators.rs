//! The benchmark generators (`server/benches/support/`), checked here so that a change to them cannot quietly
//! make the benchmarks measure nothing: the knowledge base loads, and the corpus has claims of every kind and
//! names the base's actors.

#[path = "../server/benches/support/mod.rs"]
mod generators;

#[test]
fn the_benchmark_corpus_and_knowledge_base_are_realistic() {
    let kb = brieflint_core::KnowledgeBase::from_toml(&generators::generated_kb(2_000, 1))
        .expect("the generated base loads");
    assert_eq!(kb.actors().len(), 2_000);
    assert!(kb.actors().iter().any(|a| !a.relations.is_empty()));
    let cast = generators::names_of(&kb);
    for style in [generators::CorpusStyle::Markdown, generators::CorpusStyle::PlainText] {
        let text = generators::corpus(32 * 1024, style, &cast, 3);
        assert!(text.len() >= 32 * 1024);
        let kind = match style {
            generators::CorpusStyle::Markdown => brieflint_core::DocKind::Markdown,
            generators::CorpusStyle::PlainText => brieflint_core::DocKind::PlainText,
        };
        let analysis = brieflint_core::analyse(&text, kind, &kb);
        let codes: std::collections::HashSet<&str> = analysis.findings.iter().map(|f| f.code).collect();
        for code in ["unattributed-claim", "vague-attribution"] {
            assert!(codes.contains(code), "{style:?}: no {code} in {codes:?}");
        }
        assert!(analysis.mentions().len() > 100, "{style:?}: few actors found");
        assert!(analysis.document.sentences.len() > 200, "{style:?}");
    }
}
