//! Generators for the benchmarks (checked by tests/bench_generators.rs): a corpus of briefing-like text and a
//! knowledge base of any size, both made by code from a seed (nothing downloaded), so every run measures the same
//! input.
//!
//! Shared by the benches (`mod support;`) and by tests (`#[path = ".../benches/support/mod.rs"] mod support;`).
#![allow(dead_code, unused_imports)] // each user takes only what it needs

pub mod corpus;
pub mod cpu_time;
pub mod kb;
mod words;

pub use corpus::{corpus, CorpusStyle};
pub use kb::{generated_kb, names_of, Cast};
