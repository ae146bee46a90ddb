//! `brieflint classify FILE` (hidden): every sentence with its class and reason, for tuning the classifier and
//! for answering "why was this not flagged?".

use super::{check, exit};
use crate::workspace;
use brieflint_core::claims::ClaimClass;
use brieflint_core::DocKind;
use std::io::Write;
use std::path::Path;

pub fn run(path: &Path) -> i32 {
    let (kb, _) = workspace::load_kb(&[], &brieflint_core::config::Config::default().packs());
    let kind = DocKind::from_path(path).unwrap_or(DocKind::PlainText);
    let report = match check::check_file(path, kind, &kb, &brieflint_core::RuleSettings::default()) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::ERROR;
        }
    };
    let analysis = brieflint_core::analyse(&report.text, kind, &kb);
    let sourcing = ["unattributed-claim", "vague-attribution"];
    let reported: std::collections::HashSet<usize> = analysis
        .findings
        .iter()
        .filter(|f| sourcing.contains(&f.code))
        .map(|f| f.range.start)
        .collect();
    let mut out = std::io::stdout().lock();
    for (sentence, verdict) in analysis.document.sentences.iter().zip(&analysis.verdicts) {
        // A sentence the document as a whole answers: its genre, a section of sources, the named source of the
        // paragraph before, or a suppression.
        let flagged = matches!(verdict.class, ClaimClass::Vague | ClaimClass::Unattributed);
        let answered = if flagged && !reported.contains(&sentence.range.start) {
            " (not reported: answered by the document)"
        } else {
            ""
        };
        let line = writeln!(
            out,
            "{:12} {:?}{answered}\n    {}",
            verdict.class.label(),
            verdict.reason,
            &report.text[sentence.range.clone()].replace('\n', " ")
        );
        // A reader that stops early (`| head`) closes the pipe: stop quietly.
        if line.is_err() {
            break;
        }
    }
    exit::CLEAN
}
