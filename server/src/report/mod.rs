//! The sourcing report: a draft's sourcing at a glance. One self-contained HTML page (an index of the files and a
//! section per document: the text marked sentence by sentence, a bar per section, the source inventory and the
//! actors), or a Markdown table for CI. Everything in it is computed from the analysis `check` reports, so the
//! report, `check` and the editors agree.
//!
//! - `model.rs`: each sentence's mark, reason and findings, the sections and the counts;
//! - `sources.rs`: the named sources and anonymous phrases; `actors.rs`: the actors and who is named with whom;
//! - `svg.rs`: the bars' geometry;
//! - `html.rs` with `templates/`: the page (minijinja, every text escaped); `markdown.rs`: the summary table.

mod actors;
mod html;
mod markdown;
mod model;
mod sources;
mod svg;

pub use model::{Counts, Mark};

use brieflint_core::{Analysis, KnowledgeBase};

/// What the report was made with, shown at the foot of the page.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Meta {
    /// When it was made (UTC, to the second).
    pub date: String,
    pub version: &'static str,
    /// The knowledge bases used, in words: "built-in (62 actors)" and any files loaded on top.
    pub knowledge_bases: Vec<String>,
}

impl Meta {
    /// Made now; `SOURCE_DATE_EPOCH` (the reproducible-builds convention) fixes the date, for byte-identical
    /// reports.
    pub fn now(knowledge_bases: Vec<String>) -> Meta {
        let epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .map(|seconds| std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds));
        let when = epoch.unwrap_or_else(std::time::SystemTime::now);
        Meta {
            date: humantime::format_rfc3339_seconds(when).to_string(),
            version: env!("CARGO_PKG_VERSION"),
            knowledge_bases,
        }
    }
}

/// A knowledge base in words, as the page's foot names it.
pub fn describe_kb(kb: &KnowledgeBase, files: &[std::path::PathBuf]) -> String {
    let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let extra = if files.is_empty() {
        String::new()
    } else {
        format!(" with {}", files.join(", "))
    };
    format!("built-in{extra} ({} actors)", kb.actors().len())
}

/// One document's report: its name and text, and what the page shows of it.
pub struct DocumentReport {
    pub name: String,
    pub text: String,
    model: model::DocumentModel,
    inventory: sources::Inventory,
    actors: actors::Actors,
}

impl DocumentReport {
    /// The report of `text` (named `name`), from its analysis with the knowledge base it was analysed with.
    pub fn new(name: String, text: String, analysis: &Analysis, kb: &KnowledgeBase) -> DocumentReport {
        DocumentReport {
            model: model::document_model(analysis),
            inventory: sources::inventory(&analysis.verdicts, kb),
            actors: actors::actors(analysis, kb),
            name,
            text,
        }
    }

    pub fn counts(&self) -> &Counts {
        &self.model.counts
    }

    /// Findings per rule, most first.
    pub fn rules(&self) -> &[(&'static str, usize)] {
        &self.model.rules
    }
}

/// The HTML page of `documents`: an index when there are several, then each document.
pub fn html(documents: &[DocumentReport], meta: &Meta) -> String {
    html::render(documents, meta)
}

/// The Markdown summary table of `documents`.
pub fn markdown(documents: &[DocumentReport]) -> String {
    markdown::render(documents)
}

/// A share as a whole percentage ("42%").
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}
