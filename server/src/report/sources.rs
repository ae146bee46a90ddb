//! The source inventory of a document: every named source cited (named speakers, bodies, citations) with the
//! sentences that cite it, and the anonymous phrases and hedges used, with counts. Read from the verdicts'
//! reasons, so it is what the classifier decided, not a second reading.

use brieflint_core::claims::{Reason, Verdict};
use brieflint_core::KnowledgeBase;
use serde::Serialize;
use std::collections::HashMap;

/// Links kept per entry; the count covers them all (a large document cites one source hundreds of times).
pub const MAX_LINKS: usize = 10;

/// A source or phrase, how often it stands behind a sentence, and the first of those sentences.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub text: String,
    /// "named", "citation", "anonymous", "hedge" or "unnamed speaker".
    pub kind: &'static str,
    pub count: usize,
    pub sentences: Vec<usize>,
}

pub struct Inventory {
    /// Named sources and citations, most cited first.
    pub named: Vec<Entry>,
    /// Anonymous sources, hedges and unnamed speakers, most used first.
    pub anonymous: Vec<Entry>,
}

/// The inventory of a document's verdicts; a named source that is a known actor is counted under the actor, however
/// it is written ("the TTP", "Tehreek-e-Taliban Pakistan").
pub fn inventory<'v>(verdicts: impl IntoIterator<Item = &'v Verdict>, kb: &KnowledgeBase) -> Inventory {
    let mut named = Tally {
        kb: Some(kb),
        ..Tally::default()
    };
    let mut anonymous = Tally::default();
    for (index, verdict) in verdicts.into_iter().enumerate() {
        match &verdict.reason {
            Reason::NamedSource(s) | Reason::CarriedOver(s) => named.add(s, "named", index),
            Reason::Citation(s) => named.add(s, "citation", index),
            Reason::AnonymousSource(s) => anonymous.add(s, "anonymous", index),
            Reason::Hedge(s) => anonymous.add(s, "hedge", index),
            Reason::UnnamedSpeaker(s) => anonymous.add(s, "unnamed speaker", index),
            _ => {}
        }
    }
    Inventory {
        named: named.into_sorted(),
        anonymous: anonymous.into_sorted(),
    }
}

/// Entries keyed by the actor they name, else by their words in lower case without a leading "the"; shown by the
/// actor's name, else as first written.
#[derive(Default)]
struct Tally<'k> {
    /// Where known actors are looked up; none for phrases that name no one.
    kb: Option<&'k KnowledgeBase>,
    index: HashMap<String, usize>,
    entries: Vec<Entry>,
}

impl Tally<'_> {
    fn add(&mut self, text: &str, kind: &'static str, sentence: usize) {
        let text = text.trim();
        let bare = ["the ", "The "]
            .iter()
            .find_map(|article| text.strip_prefix(article))
            .unwrap_or(text);
        let actor = self.kb.and_then(|kb| kb.lookup(bare));
        let key = match actor {
            Some(actor) => format!("actor {}", actor.id),
            None => bare.to_lowercase(),
        };
        let shown = actor.map_or_else(|| text.to_string(), |actor| actor.full_form());
        let at = *self.index.entry(key).or_insert_with(|| {
            self.entries.push(Entry {
                text: shown,
                kind,
                count: 0,
                sentences: Vec::new(),
            });
            self.entries.len() - 1
        });
        let entry = &mut self.entries[at];
        entry.count += 1;
        if entry.sentences.len() < MAX_LINKS {
            entry.sentences.push(sentence);
        }
    }

    fn into_sorted(mut self) -> Vec<Entry> {
        // Stable: equal counts keep the order of first use.
        self.entries.sort_by_key(|entry| std::cmp::Reverse(entry.count));
        self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brieflint_core::claims::{Assertion, ClaimClass};

    fn verdict(class: ClaimClass, reason: Reason) -> Verdict {
        Verdict {
            class,
            reason,
            cue: None,
        }
    }

    #[test]
    fn counts_named_sources_across_spellings_and_anonymous_phrases() {
        let verdicts = [
            verdict(ClaimClass::Attributed, Reason::NamedSource("the Kurram office".into())),
            verdict(ClaimClass::Vague, Reason::AnonymousSource("Officials".into())),
            verdict(ClaimClass::Attributed, Reason::CarriedOver("The Kurram Office".into())),
            verdict(ClaimClass::Unattributed, Reason::Unsourced(Assertion::Statement)),
            verdict(ClaimClass::Vague, Reason::AnonymousSource("officials".into())),
            verdict(ClaimClass::Vague, Reason::Hedge("reportedly".into())),
            verdict(ClaimClass::Attributed, Reason::Citation("Dawn".into())),
            verdict(ClaimClass::Attributed, Reason::NamedSource("The TTP".into())),
            verdict(
                ClaimClass::Attributed,
                Reason::NamedSource("Tehreek-e-Taliban Pakistan".into()),
            ),
        ];
        let found = inventory(&verdicts, &KnowledgeBase::builtin());
        let named: Vec<(&str, usize, &[usize])> = found
            .named
            .iter()
            .map(|e| (e.text.as_str(), e.count, e.sentences.as_slice()))
            .collect();
        assert_eq!(
            named,
            [
                ("the Kurram office", 2, &[0, 2][..]),
                ("Tehreek-e-Taliban Pakistan (TTP)", 2, &[7, 8][..]),
                ("Dawn", 1, &[6][..])
            ]
        );
        let anonymous: Vec<(&str, &str, usize)> = found
            .anonymous
            .iter()
            .map(|e| (e.text.as_str(), e.kind, e.count))
            .collect();
        assert_eq!(anonymous, [("Officials", "anonymous", 2), ("reportedly", "hedge", 1)]);
    }
}
