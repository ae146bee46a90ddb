//! A paragraph quoted after a lead-in that names its speaker: "As former Secretary Chertoff has noted:" then,
//! as a paragraph of its own (a block quotation, often printed without quotation marks), the speaker's words.
//! Its sentences are the speaker's, not unsourced claims of the author.

use super::sourcing::silence_sentences;
use super::Part;
use crate::claims::ClaimClass;
use crate::rules;

/// Where the reading stands: after a lead-in, awaiting the next block (`None`: the lead-in ended the chunk
/// before, whose blocks are numbered apart), or inside the quoted block.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    Awaiting(Option<usize>),
    Quoting(usize),
}

/// Silence the `unattributed-claim` findings on the paragraph right after a lead-in that names its speaker.
pub(super) fn quoted_after_a_lead_in(parts: &mut [Part]) {
    let unattributed = rules::unattributed_claim::INFO.code;
    let mut state = State::Idle;
    for part in parts.iter_mut() {
        let chunk = &part.chunk;
        let mut answered = Vec::new();
        for (sentence, verdict) in chunk.document.sentences.iter().zip(&chunk.verdicts) {
            let block = sentence.block;
            state = match state {
                State::Awaiting(lead) if lead != Some(block) => State::Quoting(block),
                State::Quoting(quoted) if quoted != block => State::Idle,
                state => state,
            };
            if state == State::Quoting(block) && verdict.class == ClaimClass::Unattributed {
                answered.push(sentence.range.start);
            }
            if introduces_a_quotation(chunk.document.sentence_text(sentence)) {
                state = State::Awaiting(Some(block));
            }
        }
        silence_sentences(part, unattributed, &answered);
        // A quoted block ends with its chunk; a lead-in at a chunk's end awaits the next chunk's first block.
        state = match state {
            State::Awaiting(_) => State::Awaiting(None),
            _ => State::Idle,
        };
    }
}

/// Verbs of saying that end a lead-in ("has noted:", "wrote in 2009:", "put it this way:").
const SAYING: &[&str] = &[
    "noted",
    "said",
    "stated",
    "wrote",
    "testified",
    "observed",
    "explained",
    "remarked",
    "declared",
    "warned",
    "argued",
    "put",
    "told",
    "notes",
    "says",
    "writes",
    "states",
    "observes",
    "explains",
    "argues",
];

/// "But, as former Secretary Chertoff has noted:", "The minister told parliament in May:": a sentence that ends
/// on a colon, with a verb of saying among its last words and a capitalised name before the verb.
fn introduces_a_quotation(text: &str) -> bool {
    let Some(lead) = text.trim_end().strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = lead.split_whitespace().collect();
    let Some(verb) = words
        .iter()
        .rposition(|w| SAYING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|&v| words.len() - v <= 4)
    else {
        return false;
    };
    // A name before the verb, not the sentence's own capital: "Secretary Chertoff", "the ISPR".
    words[1..verb]
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()) && !matches!(*w, "I" | "We"))
}

#[cfg(test)]
mod tests {
    use super::super::flagged_by as flagged;
    use crate::actors::KnowledgeBase;

    #[test]
    fn the_paragraph_after_a_lead_in_naming_its_speaker_is_the_speakers() {
        let text = "Border crossings doubled in 2024. But, as the former minister Amina Qureshi has noted:\n\n\
                    Smuggling is not only about trucks at the crossing. It is about the villages on either side.\n\n\
                    The new posts opened in March.\n";
        let kb = KnowledgeBase::builtin();
        assert_eq!(
            flagged(text, &kb, "unattributed-claim"),
            vec!["Border crossings doubled in 2024.", "The new posts opened in March."]
        );
    }

    #[test]
    fn a_lead_in_without_a_named_speaker_quotes_no_one() {
        let text = "The plan rests on three ideas, as follows:\n\n\
                    Smuggling is not only about trucks at the crossing.\n";
        let kb = KnowledgeBase::builtin();
        assert_eq!(
            flagged(text, &kb, "unattributed-claim"),
            vec!["Smuggling is not only about trucks at the crossing."]
        );
    }
}
