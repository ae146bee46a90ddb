//! Scores the claim classifier on text it was not tuned on, in two splits: `dev` (looked at while changing the
//! classifier) and `heldout` (frozen before the changes and never used to decide one).
//!
//! - Real reports: the ten public-domain government reports in `../shared/corpus`, labelled by reading them
//!   (`tests/real_corpus/GUIDELINES.md`). Only positions are stored (`tests/real_corpus/labels.tsv`: file, byte
//!   range, a hash of the sentence, split, label); the text stays in `../shared`. Where `../shared` is absent the
//!   test prints a `SKIPPED` line, which `scripts/test` reports in its summary.
//! - Fresh text: briefings of several regions and genres written for this corpus (`tests/fresh_corpus/dev` and
//!   `heldout`), in the format of `tests/support/labelled.rs`.
//!
//! A printed line per corpus and split gives flag precision and recall and the vague-vs-unattributed accuracy.
//! The floors below are where the classifier stands, so that a change cannot lose ground unseen; the targets are
//! in the README's accuracy section.

mod support;

use brieflint_core::{analyse, Analysis, DocKind, KnowledgeBase};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::labelled::assemble;
use support::scores::{parse_label, shown_class, Score};

/// The floors, per corpus, on all its splits together: (precision, recall, class accuracy), a little under where
/// the classifier stands (the printed "all" lines), so that a change cannot lose ground unseen. The targets (0.90
/// each, on the held-out splits) are higher: see the README.
const REAL_FLOORS: (f64, f64, f64) = (0.63, 0.85, 0.95);
const FRESH_FLOORS: (f64, f64, f64) = (0.85, 0.95, 0.95);
const NEWS_FLOORS: (f64, f64, f64) = (0.83, 0.92, 0.95);
const NEWS_DEV_FLOORS: (f64, f64, f64) = (0.90, 0.94, 0.96);
/// Doctrine is not asked for sources: under 5% of its sentences may be flagged.
const DOCTRINE_MAX_FLAGGED: f64 = 0.05;

/// The shared folder: `BRIEFLINT_SHARED`, or `../shared` beside the repository.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("BRIEFLINT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| support::repo().join("../shared"));
    dir.join("corpus").is_dir().then_some(dir)
}

/// FNV-1a, 64 bits, as `tests/real_corpus/units.py` writes it: a check that a label still points at the
/// sentence it was given to.
fn fnv1a64(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

struct Row {
    file: String,
    start: usize,
    end: usize,
    hash: String,
    split: String,
    label: String,
}

/// The rows of every batch of labels: `labels.tsv` (splits `dev`, `heldout`), `labels2.tsv` (`dev2`,
/// `heldout2`, frozen before the fourth pass on the classifier), and so on.
fn rows() -> Vec<Row> {
    let dir = support::repo().join("tests/real_corpus");
    let mut batches: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/real_corpus exists")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("labels") && name.ends_with(".tsv")
        })
        .collect();
    batches.sort();
    assert!(!batches.is_empty(), "tests/real_corpus/labels.tsv exists");
    let text: String = batches
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 6, "labels.tsv: short row {line:?}");
            Row {
                file: f[0].into(),
                start: f[1].parse().unwrap(),
                end: f[2].parse().unwrap(),
                hash: f[3].into(),
                split: f[4].into(),
                label: f[5].into(),
            }
        })
        .collect()
}

fn print_and_check(corpus: &str, scores: &BTreeMap<String, Score>, floors: (f64, f64, f64)) {
    for (split, score) in scores {
        println!("{corpus} {split}: {score}");
    }
    let all = scores.values().fold(Score::default(), |a, b| a.merged(*b));
    println!("{corpus} all: {all}");
    let (precision, recall, accuracy) = floors;
    assert!(all.precision() >= precision, "{corpus}: precision below {precision}");
    assert!(all.recall() >= recall, "{corpus}: recall below {recall}");
    assert!(
        all.class_accuracy() >= accuracy,
        "{corpus}: class accuracy below {accuracy}"
    );
}

/// The knowledge base `brieflint check` uses with no configuration: the built-in base and the default packs.
fn default_kb() -> KnowledgeBase {
    let packs: Vec<String> = brieflint_core::actors::packs::DEFAULT_PACKS
        .iter()
        .map(|p| p.to_string())
        .collect();
    KnowledgeBase::with_packs(&packs, &[]).expect("the built-in packs load")
}

fn analyse_markdown(text: &str, kb: &KnowledgeBase) -> Analysis {
    analyse(text, DocKind::Markdown, kb)
}

#[test]
fn real_reports_by_split() {
    let Some(shared) = shared() else {
        println!("real corpus: SKIPPED: ../shared/corpus not found (set BRIEFLINT_SHARED)");
        return;
    };
    let kb = default_kb();
    let rows = rows();
    assert!(
        rows.len() >= 1200,
        "at least 1,200 labelled sentences, not {}",
        rows.len()
    );
    let mut by_file: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        by_file.entry(&row.file).or_default().push(row);
    }
    assert_eq!(by_file.len(), 10, "labels on all ten reports");
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let verbose = std::env::var_os("BRIEFLINT_CORPUS_MISSES").is_some();
    // With the misses, the dev splits' scores per kind of report (crs, gao, jp-, ssc).
    let mut by_kind: BTreeMap<&str, Score> = BTreeMap::new();
    for (file, rows) in by_file {
        let text = std::fs::read(shared.join("corpus").join(file)).unwrap();
        let analysis = analyse_markdown(std::str::from_utf8(&text).unwrap(), &kb);
        for row in rows {
            assert_eq!(
                fnv1a64(&text[row.start..row.end])[..row.hash.len()],
                row.hash,
                "{file}:{}..{}: the text under the label changed",
                row.start,
                row.end
            );
            let label = parse_label(&row.label);
            let shown = shown_class(&analysis, &(row.start..row.end));
            let right = scores.entry(row.split.clone()).or_default().add(label, shown);
            if verbose && row.split.starts_with("dev") {
                by_kind.entry(&file[..3]).or_default().add(label, shown);
            }
            // Misses of the dev splits only: the held-out splits are not read to decide changes.
            if verbose && !right && row.split.starts_with("dev") {
                println!(
                    "miss: {file}:{}..{} labelled {}, shown {:?}",
                    row.start,
                    row.end,
                    row.label,
                    shown.map(|c| c.label())
                );
            }
        }
    }
    for (kind, score) in &by_kind {
        println!("real corpus dev, {kind} reports: {score}");
    }
    print_and_check("real corpus", &scores, REAL_FLOORS);
}

#[test]
fn fresh_text_by_split() {
    let scores = score_folders(&["dev", "heldout"]);
    print_and_check("fresh corpus", &scores, FRESH_FLOORS);
}

/// News-style text and government-report excerpts written and labelled by a worker who never ran brieflint
/// nor read its classifier (a wire report, a newspaper feature, a think-tank analysis, a conflict monitor's
/// update, a GAO-style audit and a CRS-style primer), on 2026-12-07, as a development set: its misses may be
/// read to decide a change, unlike `heldout_news`. `dev_news2`, by a third such worker (a wire, a magazine
/// investigation, an institute's chapter, a statute with its bill summary, a UN panel's report, a risk brief);
/// `dev_news3`, by a fourth (a war-study assessment, an explainer, a live blog, a Crisis Group–style section, a
/// blog post, a press release with a newspaper's reaction); `dev_news4`, by a fifth, partway through the fifth
/// pass (an NGO report, a Security Council statement and noon briefing, a journal article, a Commons debate, a
/// court's judgment, an open-source investigation, a monthly conflict digest); `dev_news5` and `dev_news6`, by two
/// more in the sixth pass, each genre in its ordinary house style (a wire, a magazine long read, a think-tank
/// chapter, a monitor's monthly, a UN Secretary-General's report, an intelligence service's threat assessment, a
/// court page; an explainer, a news story, a rights group's chapter, an exclusive built on documents, a ministry
/// statement with its wire, a CRS In Focus, a risk firm's digest).
#[test]
fn news_text_dev() {
    let scores = score_folders(&[
        "dev_news",
        "dev_news2",
        "dev_news3",
        "dev_news4",
        "dev_news5",
        "dev_news6",
    ]);
    print_and_check("news corpus", &scores, NEWS_DEV_FLOORS);
}

/// News-style text (a wire report, a newspaper feature, a think-tank brief, a monitoring bulletin) written and
/// labelled by a worker who never ran brieflint nor read its classifier, partway through the classifier
/// changes of 2026-12-07, and never read to decide one. `heldout_news2`, six more (a wire, a newspaper
/// analysis, a think-tank commentary, a GAO-style audit, a monitor's update, an op-ed), frozen before the
/// fourth pass on the classifier. `heldout_news3`, seven more (a wire, a newspaper feature, a think-tank
/// analysis, a monitor's update, a weekly brief, a CRS-style report, a parliamentary committee's report), frozen
/// before the fifth. `heldout_news4`, seven more in each genre's ordinary house style rather than a show of hard
/// cases (a wire, a newspaper analysis, a think-tank commentary, a humanitarian situation report, a ministry's
/// release with the news report on it, a parliamentary library paper, an inspector general's audit), frozen
/// before the sixth.
#[test]
fn news_text_held_out() {
    let scores = score_folders(&["heldout_news", "heldout_news2", "heldout_news3", "heldout_news4"]);
    print_and_check("news corpus", &scores, NEWS_FLOORS);
}

/// The scores of the labelled files in each of `splits`, folders of `tests/fresh_corpus`.
fn score_folders(splits: &[&str]) -> BTreeMap<String, Score> {
    let kb = default_kb();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let root = support::repo().join("tests/fresh_corpus");
    for &split in splits {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(split))
            .unwrap_or_else(|e| panic!("tests/fresh_corpus/{split}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no files in tests/fresh_corpus/{split}");
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let (doc, labelled) = assemble(&name, &std::fs::read_to_string(&path).unwrap());
            let analysis = analyse_markdown(&doc, &kb);
            for item in labelled {
                let shown = shown_class(&analysis, &(item.start..item.end));
                let right = scores.entry(split.to_string()).or_default().add(item.label, shown);
                if !right && split.starts_with("dev") && std::env::var_os("BRIEFLINT_CORPUS_MISSES").is_some() {
                    println!(
                        "miss: {name}:{} labelled {}, shown {:?}: {}",
                        item.line,
                        item.label.label(),
                        shown.map(|c| c.label()),
                        &doc[item.start..item.end]
                    );
                }
            }
        }
    }
    scores
}

/// Doctrine asks little of sources: its sentences say what should be done. The share of the joint doctrine's
/// sentences that get a sourcing warning stays under 5%.
#[test]
fn doctrine_share_flagged() {
    let Some(shared) = shared() else {
        println!("doctrine: SKIPPED: ../shared/corpus not found (set BRIEFLINT_SHARED)");
        return;
    };
    let kb = default_kb();
    let text = std::fs::read_to_string(Path::new(&shared).join("corpus/jp-2-0-joint-intelligence.md")).unwrap();
    let analysis = analyse_markdown(&text, &kb);
    let flagged = analysis
        .findings
        .iter()
        .filter(|f| matches!(f.code, "vague-attribution" | "unattributed-claim"))
        .count();
    let share = flagged as f64 / analysis.document.sentences.len().max(1) as f64;
    println!(
        "doctrine: {flagged} of {} sentences flagged ({:.1}%)",
        analysis.document.sentences.len(),
        share * 100.0
    );
    assert!(
        share < DOCTRINE_MAX_FLAGGED,
        "doctrine: {:.1}% of sentences flagged",
        share * 100.0
    );
}
