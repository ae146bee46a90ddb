pub mod document;
pub mod findings;
