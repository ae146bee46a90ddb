pub mod actors;
pub mod claims;
pub mod document;
pub mod findings;
