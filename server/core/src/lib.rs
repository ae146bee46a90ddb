//! brieflint's analysis core: text and a knowledge base in, findings out.
//!
//! The core knows nothing of terminals or the Language Server Protocol, and has no dependency that does; the
//! `brieflint` crate's CLI and language server are thin adapters over [`analyse`], so an editor and CI always
//! agree. This file is the front door: the modules below it hold the work.

pub mod actors;
pub mod analysis;
pub mod autofix;
pub mod claims;
pub mod config;
pub mod document;
pub mod findings;
pub mod limits;
pub mod located;
pub mod model;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod util;

// brieflint is an application: this library exists for its binary, tests and benchmarks. Setting the allocator
// here gives all of them the same one, so the benchmarks measure what the binary runs. The analysis makes many
// small short-lived allocations, and mimalloc serves those markedly faster than glibc's malloc.
#[cfg(feature = "mimalloc")]
mod allocator;
#[cfg(feature = "mimalloc")]
pub use allocator::purge_delay;
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

pub use actors::KnowledgeBase;
pub use document::DocKind;
pub use findings::{Finding, Severity};

pub use model::{Analysis, LocatedMention, RuleSettings};

/// Analyse a document with every rule at its default severity.
pub fn analyse(text: &str, kind: DocKind, kb: &KnowledgeBase) -> Analysis {
    analyse_with(text, kind, kb, &RuleSettings::default())
}

/// Analyse a document with the given rule settings: the chunked analysis with nothing cached, the same the
/// language server runs with its cache.
pub fn analyse_with(text: &str, kind: DocKind, kb: &KnowledgeBase, settings: &RuleSettings) -> Analysis {
    analysis::analyse_fresh(text, kind, kb, settings)
}
