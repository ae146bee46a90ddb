//! `brieflint classify FILE` (hidden): every sentence with its class and reason, for tuning the classifier and
//! for answering "why was this not flagged?".

use super::{check, exit};
use crate::workspace;
use brieflint_core::DocKind;
use std::path::Path;

pub fn run(path: &Path) -> i32 {
    let (kb, _) = workspace::load_kb(&[]);
    let kind = DocKind::from_path(path).unwrap_or(DocKind::PlainText);
    let report = match check::check_file(path, kind, &kb, &brieflint_core::RuleSettings::default()) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::ERROR;
        }
    };
    let analysis = brieflint_core::analyse(&report.text, kind, &kb);
    for (sentence, verdict) in analysis.document.sentences.iter().zip(&analysis.verdicts) {
        println!(
            "{:12} {:?}\n    {}",
            verdict.class.label(),
            verdict.reason,
            &report.text[sentence.range.clone()].replace('\n', " ")
        );
    }
    exit::CLEAN
}
