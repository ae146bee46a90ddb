//! The actors a document mentions: each with its knowledge-base card (kind, description, designations) and the
//! sentences it appears in, and which actors are mentioned in the same paragraph.

use super::sources::MAX_LINKS;
use brieflint_core::{Analysis, KnowledgeBase};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Pairs of actors shown; the most frequent first.
const MAX_PAIRS: usize = 40;

#[derive(Clone, Debug, Serialize)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub designations: Vec<String>,
    pub mentions: usize,
    /// The first sentences it appears in (each once).
    pub sentences: Vec<usize>,
}

/// Two actors named in the same paragraph, and in how many paragraphs.
#[derive(Clone, Debug, Serialize)]
pub struct Pair {
    pub first: String,
    pub second: String,
    pub paragraphs: usize,
}

pub struct Actors {
    pub actors: Vec<ActorEntry>,
    pub pairs: Vec<Pair>,
}

pub fn actors(analysis: &Analysis, kb: &KnowledgeBase) -> Actors {
    let mut entries: Vec<ActorEntry> = Vec::new();
    let mut entry_of: HashMap<usize, usize> = HashMap::new();
    let mut in_block: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    for mention in analysis.mentions() {
        let sentence = analysis.document.sentence_at(mention.range.start).map(|(i, _)| i);
        // A shared acronym may name several actors: each is listed, as the hover lists them.
        for &(actor, _) in &kb.matcher().surface(mention.surface).actors {
            let at = *entry_of.entry(actor).or_insert_with(|| {
                entries.push(card_of(kb, actor));
                entries.len() - 1
            });
            let entry = &mut entries[at];
            entry.mentions += 1;
            if let Some(sentence) = sentence {
                if entry.sentences.last() != Some(&sentence) && entry.sentences.len() < MAX_LINKS {
                    entry.sentences.push(sentence);
                }
            }
            in_block.entry(mention.block).or_default().insert(at);
        }
    }
    let mut together: HashMap<(usize, usize), usize> = HashMap::new();
    for named in in_block.values() {
        let named: Vec<usize> = named.iter().copied().collect();
        for (i, &a) in named.iter().enumerate() {
            for &b in &named[i + 1..] {
                *together.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = together.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let pairs = pairs
        .into_iter()
        .take(MAX_PAIRS)
        .map(|((a, b), paragraphs)| Pair {
            first: entries[a].name.clone(),
            second: entries[b].name.clone(),
            paragraphs,
        })
        .collect();
    entries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    Actors { actors: entries, pairs }
}

fn card_of(kb: &KnowledgeBase, index: usize) -> ActorEntry {
    let actor = kb.actor(index);
    ActorEntry {
        id: actor.id.clone(),
        name: actor.full_form(),
        kind: actor.kind.label().to_string(),
        description: actor.description.clone(),
        designations: actor
            .designations
            .iter()
            .map(|d| {
                let list = d.list.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
                let since = d.since.as_deref().map(|s| format!(", since {s}")).unwrap_or_default();
                format!("{}{list}{since}", d.by)
            })
            .collect(),
        mentions: 0,
        sentences: Vec::new(),
    }
}
