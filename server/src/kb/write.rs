//! Imported actors as a knowledge-base file in brieflint's TOML format, checked to load before it is written,
//! and written atomically: broken input writes nothing.

use brieflint_core::actors::{ActorKind, Designation};
use serde::Serialize;
use std::path::Path;

/// One actor as it is written out.
#[derive(Clone, Debug, Default, Serialize)]
pub struct OutActor {
    pub id: String,
    pub name: String,
    pub kind: Option<ActorKind>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acronyms: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nationality: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<OutRelation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub designations: Vec<Designation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OutRelation {
    pub to: String,
    pub kind: String,
}

#[derive(Serialize)]
struct OutFile<'a> {
    actors: &'a [OutActor],
}

/// The actors as TOML, under a comment header (each line of `header` a comment line).
pub fn to_toml(header: &str, actors: &[OutActor]) -> Result<String, String> {
    let body = toml::to_string(&OutFile { actors }).map_err(|e| format!("cannot write the actors as TOML: {e}"))?;
    let comments: String = header
        .lines()
        .map(|line| format!("# {line}\n").replace("# \n", "#\n"))
        .collect();
    Ok(format!("{comments}\n{body}"))
}

/// Write `text` to `output` (atomically), or to stdout; the text is first loaded as a knowledge base on top of
/// the built-in one and the packs, so that a file that would not load is never written.
pub fn emit(text: &str, output: Option<&Path>) -> Result<(), String> {
    let packs: Vec<String> = brieflint_core::actors::packs::names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let name = output.map_or_else(|| Path::new("<stdout>").to_path_buf(), Path::to_path_buf);
    brieflint_core::KnowledgeBase::with_packs(&packs, &[(text.to_string(), name)])
        .map_err(|e| format!("the imported actors do not load ({e}); nothing was written"))?;
    match output {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            crate::cli::init::write_atomically(path, text)
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
