//! Random edits applied to a document the way an editor sends them: the rope after the edits equals the
//! string rebuilt from scratch, and analysing the result never panics; the language server's analysis, which
//! keeps groups of chunks from one edit to the next, agrees after every edit with an analysis from scratch.
#![no_main]

use arbitrary::Arbitrary;
use brieflint_core::analysis::{analyse_cached, ChunkCache};
use brieflint_core::{analyse, DocKind, KnowledgeBase, RuleSettings};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use std::sync::LazyLock;

static KB: LazyLock<KnowledgeBase> = LazyLock::new(KnowledgeBase::builtin);

#[derive(Arbitrary, Debug)]
struct Edit {
    /// Where the replaced range starts and how long it is, in characters (wrapped to the text).
    start: u16,
    len: u8,
    insert: String,
}

#[derive(Arbitrary, Debug)]
struct Session {
    text: String,
    edits: Vec<Edit>,
}

fuzz_target!(|session: Session| {
    let mut rope = Rope::from_str(&session.text);
    let mut string = session.text.clone();
    let settings = RuleSettings::default();
    let mut cache = ChunkCache::default();
    analyse_cached(&string, DocKind::Markdown, &KB, &settings, &mut cache);
    for edit in &session.edits {
        let chars = rope.len_chars();
        let start = edit.start as usize % (chars + 1);
        let end = (start + edit.len as usize).min(chars);
        rope.remove(start..end);
        rope.insert(start, &edit.insert);
        let byte_start = string.char_indices().nth(start).map_or(string.len(), |(i, _)| i);
        let byte_end = string.char_indices().nth(end).map_or(string.len(), |(i, _)| i);
        string.replace_range(byte_start..byte_end, &edit.insert);
        assert_eq!(rope.len_bytes(), string.len());
        let kept = analyse_cached(&string, DocKind::Markdown, &KB, &settings, &mut cache);
        let fresh = analyse(&string, DocKind::Markdown, &KB);
        assert_eq!(kept.flat().findings, fresh.findings, "text: {string:?}");
        assert_eq!(kept.flat().verdicts, fresh.verdicts, "text: {string:?}");
        assert_eq!(kept.mentions(), fresh.mentions(), "text: {string:?}");
    }
    assert_eq!(rope.to_string(), string);
});
