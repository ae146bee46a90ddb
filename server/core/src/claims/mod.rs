//! Claims and their sources: is a sentence a claim, and if so, who stands behind it.

pub mod author;
pub mod citations;
pub mod classify;
pub mod clause;
pub mod cues;
pub mod genre;
pub mod likelihood;
mod prefiltered;
pub mod short_names;
pub mod sources;
pub mod word_gate;

pub use classify::{classify_sentences, Assertion, ClaimClass, Reason, RuleCues, TeamSources, Verdict};
