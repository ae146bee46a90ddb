//! Loops the analysis over the benchmark's generated corpus, for profilers (perf, callgrind), which want one
//! plain process rather than criterion's harness. `cargo run --release --example profile_analysis [ROUNDS] [large|plain]`:
//! with `large`, the generated knowledge base of 100,000 actors instead of the built-in one; with `plain`, the
//! plain-text corpus instead of the Markdown one.

#[path = "../benches/support/mod.rs"]
mod support;

use brieflint_core::{analyse, DocKind, KnowledgeBase};
use std::time::Instant;
use support::{corpus, generated_kb, names_of, CorpusStyle};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let kb = if std::env::args().nth(2).as_deref() == Some("large") {
        KnowledgeBase::from_toml(&generated_kb(100_000, 7)).expect("the generated base loads")
    } else {
        KnowledgeBase::builtin()
    };
    let (style, kind) = if std::env::args().nth(2).as_deref() == Some("plain") {
        (CorpusStyle::PlainText, DocKind::PlainText)
    } else {
        (CorpusStyle::Markdown, DocKind::Markdown)
    };
    let text = corpus(1 << 20, style, &names_of(&kb), 11);
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut fastest = f64::INFINITY;
    let mut last = None;
    for _ in 0..rounds {
        let round = thread_cpu_seconds();
        last = Some(analyse(&text, kind, &kb));
        fastest = fastest.min(thread_cpu_seconds() - round);
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = thread_cpu_seconds() - cpu_start;
    let megabytes = (text.len() * rounds) as f64 / 1e6;
    // CPU time of this thread (the analysis runs on it) is less disturbed by other work on the machine.
    println!(
        "{:.1} MB/s; in CPU time {:.1} MB/s, fastest round {:.1} MB/s",
        megabytes / seconds,
        megabytes / cpu_seconds,
        text.len() as f64 / 1e6 / fastest
    );
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

fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec to write to; the clock id is a constant the kernel knows.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime failed");
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

fn fingerprint(value: &impl std::fmt::Debug) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    format!("{value:?}").hash(&mut hasher);
    hasher.finish()
}
