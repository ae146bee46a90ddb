//! Transcripts: a debate, a hearing or a press briefing gives each turn its speaker's name at the start ("**Sir
//! Roger Callow (Frettenham) (Con):** …", "Spokesperson: …", "Senator COLLINS. …"), and what follows, up to the
//! next speaker or heading, is that speaker's to stand behind, however many paragraphs it runs to. A turn may
//! still pass on what others said ("We are told that …"): only `unattributed-claim` is answered by the turn.
//!
//! A turn may run on into another chunk, so this is decided once the chunks are placed.

use super::sourcing::silence_sentences;
use super::Part;
use crate::claims::ClaimClass;
use crate::document::BlockKind;
use crate::rules;
use crate::util::floor_char_boundary;

/// Who speaks in a turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Speaker {
    /// Named by the transcript: a member, a minister, the spokesperson.
    Named,
    /// A journalist's or a member of the public's question, whom the transcript does not name.
    Questioner,
}

/// Silence `unattributed-claim` on the sentences of a named speaker's turns, in a document that reads as a
/// transcript (two turns or more).
pub(super) fn speakers_own_words(parts: &mut [Part]) {
    let labelled = parts
        .iter()
        .flat_map(|p| p.chunk.document.blocks.iter())
        .filter(|b| b.kind == BlockKind::Paragraph && speaker_label(&b.text).is_some())
        .take(2)
        .count();
    if labelled < 2 {
        return;
    }
    let code = rules::unattributed_claim::INFO.code;
    let mut speaker = None;
    for part in parts.iter_mut() {
        let chunk = &part.chunk;
        let mut answered = Vec::new();
        let mut previous_block = None;
        for (sentence, verdict) in chunk.document.sentences.iter().zip(&chunk.verdicts) {
            let block = &chunk.document.blocks[sentence.block];
            if previous_block != Some(sentence.block) {
                speaker = match block.kind {
                    BlockKind::Heading => None,
                    BlockKind::Paragraph => speaker_label(&block.text).or(speaker),
                    _ => speaker,
                };
            }
            previous_block = Some(sentence.block);
            if speaker == Some(Speaker::Named) && verdict.class == ClaimClass::Unattributed {
                answered.push(sentence.range.start);
            }
        }
        silence_sentences(part, code, &answered);
    }
}

/// Offices and roles a transcript names its speakers by.
const ROLES: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "deputy spokesperson",
    "chair",
    "chairman",
    "chairwoman",
    "moderator",
    "the speaker",
    "mr speaker",
    "mr. speaker",
    "madam speaker",
    "madam deputy speaker",
    "mr deputy speaker",
];

/// Words that open a speaker's name: a title or an office.
/// Personal titles only: "The General Counsel of the ODNI: …" is a questionnaire's topic, not a speaker.
const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "judge",
    "justice",
    "prof.",
    "professor",
    "admiral",
    "colonel",
    "general",
    "gen.",
    "ambassador",
    "chairman",
    "chairwoman",
];

/// Labels of a question from the floor.
const QUESTIONERS: &[&str] = &["question", "q", "questioner", "journalist", "reporter", "correspondent"];

/// The speaker a paragraph's opening label names, if it opens with one: "**Name (Place) (Party):**", "Name
/// (Party):", "Spokesperson:", "Question:", "Senator COLLINS.".
fn speaker_label(text: &str) -> Option<Speaker> {
    let text = text.trim_start();
    // Most paragraphs have no label: one opens with a capital or bold, and has a colon or a full stop early on.
    let head = text.as_bytes().get(..text.len().min(120)).unwrap_or_default();
    let opens = head
        .first()
        .is_some_and(|&b| b.is_ascii_uppercase() || b == b'*' || b == b'_' || b >= 0x80);
    if !opens || memchr::memchr2(b':', b'.', head).is_none() {
        return None;
    }
    let bold = text.starts_with("**") || text.starts_with("__");
    let text = text.trim_start_matches(['*', '_']);
    let head = &text[..floor_char_boundary(text, 120)];
    let end = head.find([':', '.'])?;
    // Before a full stop only "Senator COLLINS." labels a turn: two words, the second in capitals.
    if head.as_bytes()[end] == b'.' {
        let mut words = head[..end].split(' ');
        let surname = words.nth(1).unwrap_or_default();
        if words.next().is_some() || surname.len() < 2 || !surname.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
        {
            return None;
        }
    }
    let label = head[..end].trim_end_matches(['*', '_', ' ']);
    let after = text[end + 1..].trim_start_matches(['*', '_', ' ']);
    if label.is_empty() || after.is_empty() || !label.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let lower = label.to_lowercase();
    let words: Vec<&str> = label.split_whitespace().collect();
    if head.as_bytes()[end] == b':' && QUESTIONERS.contains(&lower.as_str()) {
        return Some(Speaker::Questioner);
    }
    if words.len() > 12 || label.contains([',', ';', '"', '“']) {
        return None;
    }
    let role = ROLES.contains(&lower.as_str());
    // "Kirsty Dunmore (Glenmorie) (SNP)", "The Minister for Security (Dan Jarvis)".
    let parenthesised = label.contains('(') && label.ends_with(')');
    let titled = words.len() >= 2
        && TITLES.contains(&words[0].to_lowercase().as_str())
        && words[1..]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "of" | "for" | "the" | "and"));
    // "Senator COLLINS.": a hearing's way, a title and a surname in capitals before a full stop.
    let by_surname = head.as_bytes()[end] == b'.'
        && words.len() == 2
        && TITLES.contains(&words[0].to_lowercase().as_str())
        && words[1].len() > 1
        && words[1].bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    let colon = head.as_bytes()[end] == b':';
    ((colon && (role || parenthesised || (bold && words.len() <= 8) || titled)) || by_surname).then_some(Speaker::Named)
}

#[cfg(test)]
mod tests {
    use super::{speaker_label, Speaker};
    use crate::actors::KnowledgeBase;

    #[test]
    fn a_turn_opens_with_its_speakers_name() {
        for text in [
            "**Sir Roger Callow (Frettenham) (Con):** Will the hon. Lady give way?",
            "Kirsty Dunmore (Glenmorie) (SNP): The scheme came into force in July.",
            "The Minister for Security (Dan Jarvis): The Government share the concern.",
            "Spokesperson: The Special Representative is in Juba.",
            "Senator COLLINS. Thank you, Mr. Chairman.",
        ] {
            assert_eq!(speaker_label(text), Some(Speaker::Named), "{text}");
        }
        assert_eq!(
            speaker_label("Question: Is the airstrip closed?"),
            Some(Speaker::Questioner)
        );
        for text in [
            "Note: figures are provisional.",
            "Answer: Established in 2004, the council advises the DNI.",
            "Update: the army retook the town.",
            "Key points: the army retook the town.",
            "The army retook the town. It said so.",
            "Date: 4 December 2026",
            // A questionnaire's topic before its answer.
            "The General Counsel of the ODNI: The fact that Congress required the position matters.",
            "Director of National Intelligence: The office was created in 2004.",
        ] {
            assert_eq!(speaker_label(text), None, "{text}");
        }
    }

    fn unattributed(text: &str) -> Vec<&str> {
        super::super::flagged_by(text, &KnowledgeBase::builtin(), "unattributed-claim")
    }

    #[test]
    fn a_named_speakers_turn_is_theirs_to_the_next_turn() {
        let text = "# Iran sanctions\n\n\
                    **Ann Vale (Kenton) (Lab):** The threat has grown since 2022. More than 20 plots were disrupted.\n\n\
                    The channel's presenter was stabbed in March 2024.\n\n\
                    **Question:** The airstrip has been closed since Friday.\n\n\
                    ## Background\n\n\
                    The embassy stayed open.\n";
        assert_eq!(
            unattributed(text),
            vec![
                "**Question:** The airstrip has been closed since Friday.",
                "The embassy stayed open."
            ]
        );
        // One label alone does not make a transcript.
        let text = "**Ann Vale (Kenton) (Lab):** The threat has grown since 2022.\n\nThe embassy stayed open.\n";
        assert_eq!(unattributed(text).len(), 2);
    }
}
