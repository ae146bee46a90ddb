//! Completion of known actors: the items offered for the words before the cursor ([`complete`]), found in an
//! index built once per knowledge base: every written form (name, alias, variant, acronym) keyed by its letters
//! and digits in lower case, and again from each later word in it, both sorted, so a request is a binary search
//! rather than a scan of every actor.

use super::documents::OpenDocument;
use super::positions::{self, Encoding};
use super::project::Knowledge;
use brieflint_core::actors::{ActorKind, KnowledgeBase, NameForm, Origin};
use std::collections::HashSet;
use tower_lsp_server::ls_types::{CompletionItem, CompletionItemLabelDetails, CompletionTextEdit, Position, TextEdit};

const MAX_COMPLETIONS: usize = 50;

/// How a typed prefix met a written form; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    /// The form starts with the prefix ("Tehr" → "Tehreek-e-Taliban Pakistan").
    Start,
    /// A later word of the form starts with it ("Tali" → "Tehreek-e-Taliban Pakistan").
    Word,
}

/// One suggestion: an actor, by index, and the written form that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub actor: usize,
    pub surface: usize,
    pub quality: MatchQuality,
}

pub struct ActorIndex {
    /// (key, surface), sorted by key: keys of whole forms.
    starts: Vec<(String, usize)>,
    /// (key, surface), sorted by key: keys from the second word of each form on.
    words: Vec<(String, usize)>,
}

/// Letters and digits only, in lower case: "Tehreek-e" and "tehreek e" are the same key.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl ActorIndex {
    pub fn new(kb: &KnowledgeBase) -> ActorIndex {
        let mut starts = Vec::new();
        let mut words = Vec::new();
        for (index, surface) in kb.matcher().surfaces().iter().enumerate() {
            starts.push((key(&surface.text), index));
            let text = &surface.text;
            for (at, _) in text.match_indices([' ', '-']).filter(|(at, _)| *at + 1 < text.len()) {
                words.push((key(&text[at + 1..]), index));
            }
        }
        starts.sort_unstable();
        words.sort_unstable();
        ActorIndex { starts, words }
    }

    /// Actors whose written forms match `prefix`, best first: forms that start with it (shorter first), then
    /// forms with a later word that does; one candidate per actor, at most `limit`.
    pub fn search(&self, kb: &KnowledgeBase, prefix: &str, limit: usize) -> Vec<Candidate> {
        let wanted = key(prefix);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut seen = HashSet::new();
        let mut found = Vec::new();
        for (list, quality) in [(&self.starts, MatchQuality::Start), (&self.words, MatchQuality::Word)] {
            let from = list.partition_point(|(k, _)| k.as_str() < wanted.as_str());
            let mut matches: Vec<&(String, usize)> = list[from..]
                .iter()
                .take_while(|(k, _)| k.starts_with(&wanted))
                .take(limit * 4)
                .collect();
            // Canonical names before acronyms, aliases and variants; then shorter first.
            matches.sort_by_key(|(k, surface)| (best_form(kb, *surface), k.len()));
            for (_, surface) in matches {
                for &(actor, _) in &kb.matcher().surface(*surface).actors {
                    if found.len() < limit && seen.insert(actor) {
                        found.push(Candidate {
                            actor,
                            surface: *surface,
                            quality,
                        });
                    }
                }
            }
        }
        found
    }
}

/// How good a written form is to suggest: canonical names first, variants last.
fn best_form(kb: &KnowledgeBase, surface: usize) -> u8 {
    kb.matcher()
        .surface(surface)
        .actors
        .iter()
        .map(|(_, form)| match form {
            NameForm::Name => 0,
            NameForm::Acronym => 1,
            NameForm::Alias => 2,
            NameForm::Variant => 3,
        })
        .min()
        .unwrap_or(3)
}

/// What a completion may replace: the last three, two or one words before the cursor, longest first; the caller
/// takes the longest that still begins a known name ("Pakistani Tal").
pub fn typed_prefixes(line_before_cursor: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let mut prefixes = Vec::new();
    let mut start = line_before_cursor.len();
    for _ in 0..3 {
        let before = &line_before_cursor[..start];
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word(*c))
            .last()
            .map(|(i, _)| i);
        let Some(word_start) = word_start else { break };
        prefixes.push(&line_before_cursor[word_start..]);
        let trimmed = line_before_cursor[..word_start].trim_end_matches(' ');
        if trimmed.len() + 1 != word_start || trimmed.is_empty() {
            break;
        }
        start = trimmed.len();
    }
    prefixes.reverse();
    prefixes
}

/// A completion item kind that suits the actor.
pub fn item_kind(kind: ActorKind) -> tower_lsp_server::ls_types::CompletionItemKind {
    use tower_lsp_server::ls_types::CompletionItemKind as K;
    match kind {
        ActorKind::Person => K::REFERENCE,
        ActorKind::Place => K::FOLDER,
        ActorKind::State => K::MODULE,
        ActorKind::Event => K::EVENT,
        _ => K::CLASS,
    }
}

/// The first sentence of a description, for a short detail line.
pub fn short_description(description: &str) -> &str {
    match description.find(". ") {
        Some(end) => &description[..end + 1],
        None => description,
    }
}

/// Completion items for the words before the cursor: the full form on the actor's first mention in the
/// document, its acronym or name afterwards.
pub fn complete(
    doc: &OpenDocument,
    knowledge: &Knowledge,
    position: Position,
    encoding: Encoding,
) -> Option<Vec<CompletionItem>> {
    let rope = &doc.rope;
    let offset = positions::offset(rope, position, encoding);
    let line_start = rope.line_to_byte(rope.byte_to_line(offset));
    let before: String = rope.byte_slice(line_start..offset).to_string();
    let kb = &knowledge.kb;
    // Searched wider than shown: the ranking below may put later candidates first.
    let (prefix, mut candidates) = typed_prefixes(&before)
        .into_iter()
        .map(|prefix| (prefix, knowledge.index.search(kb, prefix, MAX_COMPLETIONS * 4)))
        .find(|(_, found)| !found.is_empty())?;
    let prefix_start = offset - prefix.len();
    let replace = positions::range(rope, &(prefix_start..offset), encoding);
    // The kept analysis may be a version behind; it is only asked which actors appear before the cursor.
    let mentioned_before = |actor: usize| {
        doc.analysis
            .latest()
            .and_then(|s| s.first_mention(actor))
            .is_some_and(|first| first.range.start < prefix_start)
    };
    // Actors the document already mentions first, then the curated base's, then the packs' (hundreds of listed
    // names, which should not push a writer's usual actors down); the search's order within each.
    let mentioned = |actor: usize| doc.analysis.latest().and_then(|s| s.first_mention(actor)).is_some();
    candidates.sort_by_key(|c| (!mentioned(c.actor), matches!(kb.actor(c.actor).origin, Origin::Pack(_))));
    candidates.truncate(MAX_COMPLETIONS);
    let items = candidates
        .iter()
        .enumerate()
        .map(|(rank, candidate)| {
            let actor = kb.actor(candidate.actor);
            let insert = if mentioned_before(candidate.actor) {
                actor.acronyms.first().cloned().unwrap_or_else(|| actor.name.clone())
            } else {
                actor.full_form()
            };
            let surface = &kb.matcher().surface(candidate.surface).text;
            CompletionItem {
                label: actor.name.clone(),
                label_details: Some(CompletionItemLabelDetails {
                    detail: None,
                    description: (surface != &actor.name).then(|| surface.clone()),
                }),
                kind: Some(item_kind(actor.kind)),
                detail: Some(format!("{} — {}", actor.kind, short_description(&actor.description))),
                // The card comes with completionItem/resolve, for the one item the editor shows.
                data: Some(serde_json::Value::String(actor.id.clone())),
                filter_text: Some(surface.clone()),
                sort_text: Some(format!("{rank:04}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(replace, insert))),
                ..Default::default()
            }
        })
        .collect();
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::from_toml(
            r#"
[[actors]]
id = "ttp"
name = "Tehreek-e-Taliban Pakistan"
kind = "armed-group"
acronyms = ["TTP"]
aliases = ["Pakistani Taliban"]
[[actors]]
id = "afghan-taliban"
name = "Taliban"
kind = "armed-group"
[[actors]]
id = "tehran"
name = "Tehran"
kind = "place"
"#,
        )
        .unwrap()
    }

    fn ids(kb: &KnowledgeBase, found: &[Candidate]) -> Vec<String> {
        found.iter().map(|c| kb.actor(c.actor).id.clone()).collect()
    }

    #[test]
    fn whole_name_prefixes_come_first_shorter_first() {
        let kb = kb();
        let index = ActorIndex::new(&kb);
        assert_eq!(ids(&kb, &index.search(&kb, "Teh", 10)), vec!["tehran", "ttp"]);
        assert_eq!(ids(&kb, &index.search(&kb, "tali", 10)), vec!["afghan-taliban", "ttp"]);
        assert_eq!(index.search(&kb, "tali", 10)[1].quality, MatchQuality::Word);
        assert_eq!(ids(&kb, &index.search(&kb, "tehreek e", 10)), vec!["ttp"]);
        assert_eq!(ids(&kb, &index.search(&kb, "tt", 10)), vec!["ttp"]);
        assert!(index.search(&kb, "zz", 10).is_empty());
        assert_eq!(index.search(&kb, "t", 1).len(), 1);
    }

    #[test]
    fn prefixes_are_the_last_words_before_the_cursor() {
        assert_eq!(
            typed_prefixes("said the Pakistani Tal"),
            vec!["the Pakistani Tal", "Pakistani Tal", "Tal"]
        );
        assert_eq!(typed_prefixes("x, Tehreek-e"), vec!["Tehreek-e"]);
        assert!(typed_prefixes("end. ").is_empty());
    }
}
