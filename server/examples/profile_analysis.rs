//! Loops the analysis over the benchmark's generated corpus, for profilers (perf, callgrind), which want one
//! plain process rather than criterion's harness. `cargo run --release --example profile_analysis [ROUNDS]`.

#[path = "../benches/support/mod.rs"]
mod support;

use brieflint::{analyse, DocKind, KnowledgeBase};
use std::time::Instant;
use support::{corpus, names_of, CorpusStyle};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let kb = KnowledgeBase::builtin();
    let text = corpus(1 << 20, CorpusStyle::Markdown, &names_of(&kb), 11);
    let start = Instant::now();
    let mut last = None;
    for _ in 0..rounds {
        last = Some(analyse(&text, DocKind::Markdown, &kb));
    }
    let seconds = start.elapsed().as_secs_f64();
    let megabytes = (text.len() * rounds) as f64 / 1e6;
    println!("{:.1} MB/s", megabytes / seconds);
    // Fingerprints of the output, so that a speed change can be checked to leave the results alone.
    if let Some(analysis) = last {
        println!(
            "{} verdicts, fingerprint {:016x}; {} findings, fingerprint {:016x}",
            analysis.verdicts.len(),
            fingerprint(&analysis.verdicts),
            analysis.findings.len(),
            fingerprint(&analysis.findings)
        );
    }
}

fn fingerprint(value: &impl std::fmt::Debug) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    format!("{value:?}").hash(&mut hasher);
    hasher.finish()
}
