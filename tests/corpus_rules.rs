//! Scores the tradecraft rules on the labelled corpus in `tests/rules_corpus/*.md`.
//!
//! Format: Markdown files; a line `<!-- document -->` starts a new document (rules such as acronym first use and
//! mixed scales look at the whole document). A label is an HTML comment on its own line and refers to the nearest
//! line above it that is neither blank nor a comment:
//!
//! - `<!-- expect: CODE "text" -->`: the rule fires on `text` (its first occurrence on that line);
//! - `<!-- not: CODE "text" -->`: a near miss: the rule must not fire there (documentation; any finding that no
//!   `expect` label claims is a false positive, labelled or not).
//!
//! A finding matches an `expect` label of its code when their ranges overlap; ranges that overlap but differ are
//! counted and listed. The test prints precision, recall and F1 per rule with every miss, and fails when a rule
//! falls below `MIN_F1` or has fewer than `MIN_CASES` labels.

use brieflint_core::{analyse, DocKind, KnowledgeBase};
use regex::Regex;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

const RULES: [&str; 9] = [
    "undefined-acronym",
    "inconsistent-actor-name",
    "ambiguous-acronym",
    "unknown-actor",
    "estimative-language",
    "mixed-likelihood-scale",
    "confidence-and-likelihood",
    "missing-confidence",
    "relative-date",
];

/// A rule must find most of what it should and flag little else; below this a writer learns to ignore it.
const MIN_F1: f64 = 0.85;
/// Labels (`expect` and `not`) per rule, so that a score rests on more than a handful of cases.
const MIN_CASES: usize = 12;

#[derive(Debug)]
struct Label {
    expect: bool,
    code: String,
    text: String,
    /// Line of the labelled text in the file, from 1.
    line: usize,
    /// Byte range of the labelled text in the document.
    span: Range<usize>,
}

struct Document {
    text: String,
    /// File line of the document's first line, from 1.
    first_line: usize,
    labels: Vec<Label>,
}

/// Split a corpus file into documents and read their labels. Labels stay in the documents as HTML comments.
fn parse(file: &str, source: &str) -> Vec<Document> {
    let marker = Regex::new(r#"^<!-- (expect|not): ([a-z-]+) "(.+)" -->$"#).unwrap();
    let mut documents = Vec::new();
    let mut current = Document {
        text: String::new(),
        first_line: 1,
        labels: Vec::new(),
    };
    // (file line, byte offset in the document) of the last line a label can refer to.
    let mut target: Option<(usize, usize)> = None;
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        if trimmed == "<!-- document -->" {
            documents.push(std::mem::replace(
                &mut current,
                Document {
                    text: String::new(),
                    first_line: number + 1,
                    labels: Vec::new(),
                },
            ));
            target = None;
            continue;
        }
        let line_start = current.text.len();
        current.text.push_str(line);
        current.text.push('\n');
        if let Some(caps) = marker.captures(trimmed) {
            let code = caps[2].to_string();
            assert!(RULES.contains(&code.as_str()), "{file}:{number}: unknown rule {code:?}");
            let text = caps[3].to_string();
            let (target_line, target_start) =
                target.unwrap_or_else(|| panic!("{file}:{number}: a label with no text line above it"));
            let target_text = current.text[target_start..].lines().next().unwrap_or_default();
            let at = target_text
                .find(&text)
                .unwrap_or_else(|| panic!("{file}:{number}: {text:?} is not on line {target_line}"));
            current.labels.push(Label {
                expect: &caps[1] == "expect",
                code,
                span: target_start + at..target_start + at + text.len(),
                text,
                line: target_line,
            });
        } else if trimmed.starts_with("<!-- expect") || trimmed.starts_with("<!-- not") {
            panic!("{file}:{number}: malformed label {trimmed:?}");
        } else if !trimmed.starts_with("<!--") && !trimmed.is_empty() {
            target = Some((number, line_start));
        }
    }
    documents.push(current);
    documents.retain(|d| !d.text.trim().is_empty());
    documents
}

#[derive(Default)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    cases: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_positives).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_negatives).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r).max(f64::EPSILON)
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn tradecraft_rules_score_on_the_labelled_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/rules_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/rules_corpus exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let kb = KnowledgeBase::builtin();
    let mut scores: BTreeMap<&str, Score> = RULES.iter().map(|code| (*code, Score::default())).collect();
    let (mut misses, mut range_differences) = (Vec::new(), Vec::new());
    let mut document_count = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for document in parse(&name, &std::fs::read_to_string(path).unwrap()) {
            document_count += 1;
            let line_of = |offset: usize| document.first_line + document.text[..offset].matches('\n').count();
            let findings: Vec<_> = analyse(&document.text, DocKind::Markdown, &kb)
                .findings
                .into_iter()
                .filter(|f| RULES.contains(&f.code))
                .collect();
            let mut claimed = vec![false; findings.len()];
            for label in &document.labels {
                let score = scores.get_mut(label.code.as_str()).unwrap();
                score.cases += 1;
                if !label.expect {
                    continue;
                }
                let candidates = || {
                    findings
                        .iter()
                        .enumerate()
                        .filter(|(i, f)| !claimed[*i] && f.code == label.code && overlaps(&f.range, &label.span))
                };
                let exact = candidates().find(|(_, f)| f.range == label.span).map(|(i, _)| i);
                match exact.or_else(|| candidates().next().map(|(i, _)| i)) {
                    Some(i) => {
                        claimed[i] = true;
                        score.true_positives += 1;
                        if findings[i].range != label.span {
                            range_differences.push(format!(
                                "{name}:{} {} labelled {:?}, found {:?}",
                                label.line,
                                label.code,
                                label.text,
                                &document.text[findings[i].range.clone()]
                            ));
                        }
                    }
                    None => {
                        score.false_negatives += 1;
                        misses.push(format!("{name}:{} missed {} {:?}", label.line, label.code, label.text));
                    }
                }
            }
            for (finding, _) in findings.iter().zip(&claimed).filter(|(_, claimed)| !**claimed) {
                scores.get_mut(finding.code).unwrap().false_positives += 1;
                let near_miss = document
                    .labels
                    .iter()
                    .any(|l| !l.expect && l.code == finding.code && overlaps(&l.span, &finding.range));
                misses.push(format!(
                    "{name}:{} false positive {} {:?}{}",
                    line_of(finding.range.start),
                    finding.code,
                    &document.text[finding.range.clone()],
                    if near_miss { " (a labelled near miss)" } else { "" }
                ));
            }
        }
    }
    for miss in &misses {
        println!("miss: {miss}");
    }
    for difference in &range_differences {
        println!("range differs: {difference}");
    }
    println!("rules corpus: {} files, {document_count} documents", files.len());
    println!(
        "{:<27} {:>5} {:>3} {:>3} {:>3} {:>9} {:>6} {:>5}",
        "rule", "cases", "tp", "fp", "fn", "precision", "recall", "F1"
    );
    for (code, score) in &scores {
        println!(
            "{code:<27} {:>5} {:>3} {:>3} {:>3} {:>9.3} {:>6.3} {:>5.3}",
            score.cases,
            score.true_positives,
            score.false_positives,
            score.false_negatives,
            score.precision(),
            score.recall(),
            score.f1()
        );
    }
    let total: usize = scores.values().map(|s| s.cases).sum();
    println!("{total} labels, {} range differences", range_differences.len());
    for (code, score) in &scores {
        assert!(score.cases >= MIN_CASES, "{code}: only {} labelled cases", score.cases);
        assert!(
            score.true_positives + score.false_negatives > 0,
            "{code}: no case where it must fire"
        );
    }
    let failing: Vec<_> = scores
        .iter()
        .filter(|(_, score)| score.f1() < MIN_F1)
        .map(|(code, score)| format!("{code} {:.3}", score.f1()))
        .collect();
    assert!(failing.is_empty(), "F1 below {MIN_F1}: {}", failing.join(", "));
}
