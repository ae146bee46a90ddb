//! Helpers for the rules' tests: analyse a Markdown text with the built-in knowledge base.

use crate::actors::KnowledgeBase;
use crate::analyse;
use crate::document::DocKind;
use crate::findings::Finding;
use std::sync::OnceLock;

pub fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::builtin)
}

pub fn findings(text: &str) -> Vec<Finding> {
    analyse(text, DocKind::Markdown, kb()).findings
}

/// (text under the finding, message) for one rule.
pub fn findings_of(text: &str, code: &str) -> Vec<(String, String)> {
    findings(text)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| (text[f.range].to_string(), f.message))
        .collect()
}

pub fn codes_in(text: &str) -> Vec<&'static str> {
    findings(text).into_iter().map(|f| f.code).collect()
}

/// The text after applying the first fix of the first finding of `code`.
pub fn apply_first_fix(text: &str, code: &str) -> String {
    let analysis = analyse(text, DocKind::Markdown, kb());
    let finding = analysis.findings.iter().find(|f| f.code == code).expect("a finding");
    crate::findings::apply(text, &super::fixes_of(text, &analysis, kb(), finding)[0].edits)
}
