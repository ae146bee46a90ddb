//! The actor mentions that only the built-in packs produce, for checking the packs' precision by hand
//! (`docs/kb-pack-precision.md`): every Markdown and text file under the given folders is searched with the
//! curated base alone and with the packs on, and each mention found only with the packs is printed as
//! `file<TAB>byte offset<TAB>text<TAB>actor ids<TAB>context`.
//!
//! `cargo run --release -p brieflint --example pack_mentions -- seeds/briefings ../shared/seeds ../shared/corpus`

use brieflint_core::actors::packs::DEFAULT_PACKS;
use brieflint_core::KnowledgeBase;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            files_under(&entry, out);
        }
    } else if path
        .extension()
        .is_some_and(|e| e == "md" || e == "txt" || e == "markdown")
    {
        out.push(path.to_path_buf());
    }
}

fn mentions(kb: &KnowledgeBase, text: &str) -> Vec<(std::ops::Range<usize>, Vec<String>)> {
    kb.find_mentions(text)
        .into_iter()
        .map(|m| {
            let ids = kb.actors_of(&m).map(|a| a.id.clone()).collect();
            (m.range, ids)
        })
        .collect()
}

fn main() {
    let base = KnowledgeBase::builtin();
    let packs: Vec<String> = DEFAULT_PACKS.iter().map(|p| p.to_string()).collect();
    let with_packs = KnowledgeBase::with_packs(&packs, &[]).expect("the packs load");
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        files_under(Path::new(&arg), &mut files);
    }
    let mut total = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let before: HashSet<_> = mentions(&base, &text).into_iter().collect();
        for (range, ids) in mentions(&with_packs, &text) {
            if before.contains(&(range.clone(), ids.clone())) {
                continue;
            }
            total += 1;
            let mut from = range.start.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (range.end + 60).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            let context = text[from..to].replace(['\n', '\t'], " ");
            println!(
                "{}\t{}\t{}\t{}\t{}",
                file.display(),
                range.start,
                &text[range.clone()],
                ids.join(","),
                context
            );
        }
    }
    eprintln!("{total} mentions only the packs produce");
}
