//! Any text, as Markdown and as plain text: analysis never panics, and everything it reports lies inside the
//! text on character boundaries, with sentences in order and apart.
#![no_main]

use brieflint_core::{analyse, DocKind, KnowledgeBase};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static KB: LazyLock<KnowledgeBase> = LazyLock::new(KnowledgeBase::builtin);

fuzz_target!(|text: &str| {
    for kind in [DocKind::Markdown, DocKind::PlainText] {
        let analysis = analyse(text, kind, &KB);
        let on_boundaries = |r: &std::ops::Range<usize>| {
            r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        };
        for finding in &analysis.findings {
            assert!(
                on_boundaries(&finding.range),
                "{:?} in {} bytes",
                finding.range,
                text.len()
            );
        }
        for pair in analysis.document.sentences.windows(2) {
            assert!(
                pair[0].range.end <= pair[1].range.start,
                "{:?} then {:?}",
                pair[0].range,
                pair[1].range
            );
        }
        for sentence in &analysis.document.sentences {
            assert!(on_boundaries(&sentence.range), "{:?}", sentence.range);
        }
        for mention in analysis.mentions() {
            assert!(on_boundaries(&mention.range), "{:?}", mention.range);
        }
    }
});
