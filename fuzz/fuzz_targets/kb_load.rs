//! Any text as a knowledge-base file: loading gives a base or a located error, never a panic; a base that
//! loads finds its own names in the text without panicking.
#![no_main]

use brieflint_core::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match KnowledgeBase::from_toml(text) {
        Ok(kb) => {
            for mention in kb.find_mentions(text) {
                assert!(text.is_char_boundary(mention.range.start) && text.is_char_boundary(mention.range.end));
                assert!(kb.actors_of(&mention).count() > 0);
            }
            for actor in kb.actors() {
                let _ = brieflint_core::actors::card(&kb, actor);
            }
        }
        Err(error) => assert!(error.line >= 1 && error.column >= 1, "{error}"),
    }
});
