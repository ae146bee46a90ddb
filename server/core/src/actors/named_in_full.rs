//! Which actors a text names in full (by a name, alias or variant rather than an acronym): an acronym of an
//! actor named in full counts as spelled out.

use super::{KnowledgeBase, NameForm};
use crate::util::bits;
use std::cell::OnceCell;

/// The actors a chunk names by something other than an acronym (a name, alias or variant), sorted: their
/// acronyms count as spelled out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedInFull(Vec<usize>);

impl NamedInFull {
    /// From the knowledge-base surfaces a chunk's mentions matched.
    pub fn of(kb: &KnowledgeBase, surfaces: impl Iterator<Item = usize>) -> NamedInFull {
        // Gathered as bits, one per actor, then read off in order: a chunk names few actors, many times each,
        // and sorting every mention's actor cost more than the rest of the rule.
        let mut named = vec![0; bits::words_for(kb.actors().len())];
        for surface in surfaces {
            for &(actor, form) in &kb.matcher().surface(surface).actors {
                if form != NameForm::Acronym {
                    bits::set(&mut named, actor);
                }
            }
        }
        NamedInFull(bits::members(&named).collect())
    }
}

/// The actors a whole document names in full, from its chunks' notes: gathered at the first question, since
/// only a shared acronym asks it.
pub struct NamedInDocument<F> {
    /// The chunks' notes, in order, each time it is called.
    chunks: F,
    /// One bit per actor, by index: set for each actor named in full. A bit set rather than a hash set: it is
    /// gathered anew on every edit of a long briefing, from thousands of chunks.
    gathered: OnceCell<Vec<u64>>,
}

impl<'a, F, I> NamedInDocument<F>
where
    F: Fn() -> I,
    I: Iterator<Item = &'a NamedInFull>,
{
    pub fn new(chunks: F) -> Self {
        NamedInDocument {
            chunks,
            gathered: OnceCell::new(),
        }
    }

    pub fn contains(&self, actor: usize) -> bool {
        let gathered = self.gathered.get_or_init(|| {
            let mut actors = Vec::new();
            for named in (self.chunks)() {
                // Sorted: the last is the greatest.
                if let Some(&greatest) = named.0.last() {
                    let words = bits::words_for(greatest + 1);
                    if words > actors.len() {
                        actors.resize(words, 0);
                    }
                }
                for &actor in &named.0 {
                    bits::set(&mut actors, actor);
                }
            }
            actors
        });
        bits::is_set(gathered, actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_in_document_holds_exactly_the_chunks_actors() {
        let chunks = [
            NamedInFull(vec![0, 63, 64]),
            NamedInFull(vec![]),
            NamedInFull(vec![5, 200]),
        ];
        let named = NamedInDocument::new(|| chunks.iter());
        for actor in [0, 5, 63, 64, 200] {
            assert!(named.contains(actor), "{actor}");
        }
        for actor in [1, 62, 65, 128, 199, 201, 100_000] {
            assert!(!named.contains(actor), "{actor}");
        }
    }
}
