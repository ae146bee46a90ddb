//! Baselines: accepted findings, so a team adopting brieflint on an archive fails only on new ones. Findings
//! are matched by rule, file and the text of their sentence (whitespace folded), never by line, so edits
//! elsewhere in the file do not break the match. Each baseline entry absorbs one finding.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub path: String,
    pub sentence: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// Paths are stored with forward slashes so a baseline works across systems.
pub fn entry(code: &str, path: &Path, sentence: &str) -> Entry {
    Entry {
        code: code.to_string(),
        path: path
            .to_string_lossy()
            .replace('\\', "/")
            .trim_start_matches("./")
            .to_string(),
        sentence: sentence.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

pub struct Baseline {
    remaining: HashMap<Entry, usize>,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read baseline: {e}"))?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| format!("not a brieflint baseline: {e}"))?;
        let mut remaining = HashMap::new();
        for entry in file.findings {
            *remaining.entry(entry).or_insert(0) += 1;
        }
        Ok(Baseline { remaining })
    }

    /// Whether the finding is accepted; each entry accepts one finding.
    pub fn absorbs(&mut self, entry: &Entry) -> bool {
        match self.remaining.get_mut(entry) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        }
    }
}

/// Write the entries as a baseline file, atomically (a temporary file renamed into place).
pub fn write(path: &Path, mut entries: Vec<Entry>) -> Result<(), String> {
    entries.sort_by(|a, b| (&a.path, &a.code, &a.sentence).cmp(&(&b.path, &b.code, &b.sentence)));
    let json = serde_json::to_string_pretty(&BaselineFile {
        version: 1,
        findings: entries,
    })
    .expect("plain data serialises");
    super::init::write_atomically(path, &(json + "\n"))
}
