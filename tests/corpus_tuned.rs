//! Scores the claim classifier on the labelled corpus in `tests/corpus/*.txt`.
//!
//! The format is `tests/support/labelled.rs`'s. The classifier was tuned on this corpus, so its score guards
//! against regressions only; `corpus_real.rs` scores it on text it was not tuned on. The test prints precision, recall and F1 for
//! flagging (vague or unattributed) and the accuracy of the class, lists every miss, and fails below F1 0.90.

mod support;

use brieflint_core::claims::ClaimClass;
use brieflint_core::{analyse, DocKind, KnowledgeBase};
use std::path::Path;
use support::labelled::assemble;

const MIN_F1: f64 = 0.90;

#[test]
fn classifier_scores_on_the_labelled_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let kb = KnowledgeBase::builtin();
    let (mut tp, mut fp, mut fn_, mut correct, mut total, mut split_errors) = (0, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let (doc, labelled) = assemble(&name, &std::fs::read_to_string(path).unwrap());
        let analysis = analyse(&doc, DocKind::Markdown, &kb);
        for item in &labelled {
            total += 1;
            let found = analysis
                .document
                .sentences
                .iter()
                .position(|s| s.range.start <= item.start && item.start < s.range.end.max(s.range.start + 1));
            let Some(index) = found else {
                split_errors += 1;
                misses.push(format!("{}:{} not found as a sentence", item.file, item.line));
                continue;
            };
            let sentence = &analysis.document.sentences[index];
            if sentence.range.start != item.start || sentence.range.end != item.end {
                split_errors += 1;
                misses.push(format!(
                    "{}:{} split differently: {:?}",
                    item.file,
                    item.line,
                    &doc[sentence.range.clone()]
                ));
            }
            let verdict = &analysis.verdicts[index];
            let flagged = matches!(verdict.class, ClaimClass::Vague | ClaimClass::Unattributed);
            let should = matches!(item.label, ClaimClass::Vague | ClaimClass::Unattributed);
            match (flagged, should) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
            if verdict.class == item.label {
                correct += 1;
            } else {
                misses.push(format!(
                    "{}:{} expected {}, got {} ({:?}): {}",
                    item.file,
                    item.line,
                    item.label.label(),
                    verdict.class.label(),
                    verdict.reason,
                    &doc[item.start..item.end]
                ));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let accuracy = correct as f64 / total.max(1) as f64;
    for miss in &misses {
        println!("miss: {miss}");
    }
    println!(
        "corpus: {total} sentences in {} files; flagging precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}; class accuracy {accuracy:.3}; sentence splits differing {split_errors}",
        files.len()
    );
    assert!(
        total >= 250,
        "the corpus must hold at least 250 labelled sentences, has {total}"
    );
    assert!(f1 >= MIN_F1, "flagging F1 {f1:.3} is below {MIN_F1}");
}
