//! Knowledge-base packs: actor lists generated from a public source (`seeds/packs/`), built into the binary and
//! switched on by name in `brieflint.toml` (`[actors] packs`). A pack's actor that the curated base also knows is
//! folded into the curated entry (see `merge.rs`), so a writer sees one card.

use super::{KbError, KbSource, KnowledgeBase, Origin, BUILTIN_TOML};
use std::path::PathBuf;

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

impl KnowledgeBase {
    /// The built-in base and the named packs, with workspace files on top (later files overriding earlier ones by
    /// id); each pack's actors are then folded into the curated ones they are (see `merge.rs`) or added.
    pub fn with_packs(packs: &[String], files: &[(String, PathBuf)]) -> Result<KnowledgeBase, KbError> {
        let mut sources = vec![KbSource {
            text: BUILTIN_TOML,
            origin: Origin::Builtin,
        }];
        sources.extend(files.iter().map(|(text, path)| KbSource::file(text, path)));
        for name in packs {
            let pack = pack(name).ok_or_else(|| KbError {
                path: None,
                line: 1,
                column: 1,
                message: format!("unknown pack `{name}`; the packs are: {}", names().join(", ")),
            })?;
            sources.push(KbSource {
                text: pack.text,
                origin: Origin::Pack(pack.name),
            });
        }
        KnowledgeBase::load(sources)
    }
}
