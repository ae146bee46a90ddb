//! Knowledge-base packs: actor lists generated from a public source (`seeds/packs/`), built into the binary and
//! switched on by name in `brieflint.toml` (`[actors] packs`). A pack's actor that the curated base also knows is
//! folded into the curated entry (see `merge.rs`), so a writer sees one card.

/// One built-in pack.
pub struct Pack {
    /// The name `brieflint.toml` uses.
    pub name: &'static str,
    /// What it holds and as of when, for `brieflint actors` and errors.
    pub about: &'static str,
    pub text: &'static str,
}

/// Every built-in pack. Each file is read through a symlink in the core's folder (as `actors.toml` is), so the
/// published crate holds it too.
pub const PACKS: &[Pack] = &[Pack {
    name: "un-sc",
    about: "UN Security Council Consolidated List, snapshot of 2025-11-20",
    text: include_str!("../../un-sc.toml"),
}];

/// The packs on when the configuration names none.
pub const DEFAULT_PACKS: &[&str] = &["un-sc"];

pub fn pack(name: &str) -> Option<&'static Pack> {
    PACKS.iter().find(|p| p.name == name)
}

/// The names of the built-in packs, for errors.
pub fn names() -> Vec<&'static str> {
    PACKS.iter().map(|p| p.name).collect()
}
