//! The document-level decisions about the sourcing findings, made once the chunks are placed: which of them the
//! document does not ask for (a statute, doctrine, a section of sources), and which a named source in the
//! paragraph before answers ("Minister X said …" then, as a paragraph of its own, "He added …").

use super::Part;
use crate::actors::{ActorKind, KnowledgeBase};
use crate::claims::genre::{self, Genre, Profile};
use crate::claims::{short_names, ClaimClass, Reason};
use crate::model::RuleSettings;
use crate::rules;

/// Silence the sourcing findings that a statute or doctrine, or a section of sources, contents or boilerplate,
/// does not ask for (see [`genre`]). Returns the document's genre, whether it was declared, and the profile it
/// was read from.
pub(super) fn silence_unasked(text: &str, settings: &RuleSettings, parts: &mut [Part]) -> (Genre, bool, Profile) {
    let profile = parts
        .iter()
        .fold(Profile::default(), |sum, part| sum + Profile::of(&part.chunk.verdicts));
    let declared = settings.genre.or_else(|| genre::declared(text));
    // A law in force from its formula to the end is a statute; one followed by a summary or commentary is a
    // section without claims to source, and the rest is read as usual.
    let enacted = genre::enacted(text);
    let whole_law = enacted.as_ref().is_some_and(|law| law.end == text.len());
    let genre = declared
        .or(whole_law.then_some(Genre::Statute))
        .unwrap_or_else(|| profile.genre());
    let mut sections: Vec<_> = enacted.into_iter().filter(|_| !whole_law).collect();
    let mut open = None;
    for part in parts.iter() {
        open = genre::non_claim_sections(&part.chunk.document, part.shift(), open, &mut sections);
    }
    if let Some(from) = open {
        sections.push(from..text.len());
    }
    for part in parts.iter_mut() {
        let by = part.shift();
        let unasked: Vec<bool> = part
            .chunk
            .findings
            .iter()
            .map(|f| {
                let start = f.range.start.wrapping_add_signed(by);
                (SOURCING_CODES.contains(&f.code)
                    && (genre != Genre::Briefing || sections.iter().any(|s| s.contains(&start))))
                    // "The Secretary may designate …": in a law or a manual "may" permits; it estimates nothing.
                    || (f.code == rules::estimative_language::INFO.code && genre != Genre::Briefing)
            })
            .collect();
        merge_silenced(part, unasked);
    }
    (genre, declared.is_some(), profile)
}

/// The rules that ask a sentence for its source.
const SOURCING_CODES: &[&str] = &[
    rules::unattributed_claim::INFO.code,
    rules::vague_attribution::INFO.code,
];

/// Silence a `vague-attribution` finding whose only fault is a speaker that refers back to a source the reader
/// knows:
/// - a pronoun ("He added …", "It said …") at the start of a paragraph that follows a paragraph ending on a
///   named source, the like ones after it, and the rest of a quotation it opens: wire reports give each sentence
///   a paragraph of its own, and their reader knows who "he" is;
/// - a paragraph that is the rest of a named speaker's quotation (it opens with a quotation mark and names no
///   one), which is the speaker's, not an unsourced claim;
/// - "the group", "the militants" once the document has named an armed group or a listed organisation (the UN
///   pack's entities): "Al-Shabaab attacked the base …" then, paragraphs later, "The group claimed responsibility …".
///
/// The classifier carries a source within a paragraph; this carries it across the paragraph break, here
/// because chunks end there.
pub(super) fn carry_across_paragraphs(parts: &mut [Part], kb: &KnowledgeBase) {
    let vague = rules::vague_attribution::INFO.code;
    let unattributed = rules::unattributed_claim::INFO.code;
    // Whether the sentence before carries a named source, and the pronoun that has since stood for it: "He
    // added" may follow "He said", not "She said".
    let mut carrying = false;
    let mut pronoun: Option<String> = None;
    let mut group_named = false;
    for part in parts.iter_mut() {
        let chunk = &part.chunk;
        let mut answered = Vec::new();
        let mut quoted = Vec::new();
        for (sentence, verdict) in chunk.document.sentences.iter().zip(&chunk.verdicts) {
            match &verdict.reason {
                _ if verdict.carries().is_some() => {
                    carrying = true;
                    pronoun = None;
                }
                // A paragraph that opens a quotation with no speaker of its own, after a named speaker's
                // quotation: the wire's way of letting a quotation run on across paragraphs.
                Reason::Unsourced(_) if carrying && chunk.document.sentence_text(sentence).starts_with(['"', '“']) => {
                    quoted.push(sentence.range.start);
                }
                Reason::UnnamedSpeaker(speaker) if group_named && names_a_group(speaker) => {
                    answered.push(sentence.range.start);
                }
                Reason::UnnamedSpeaker(speaker)
                    if carrying && pronoun.as_ref().is_none_or(|p| p.eq_ignore_ascii_case(speaker)) =>
                {
                    answered.push(sentence.range.start);
                    pronoun = Some(speaker.clone());
                }
                // The rest of a quotation whose speaker was answered: "'They came at dawn,' he said. 'We
                // fought for two hours.'"
                Reason::AnonymousSource(speaker)
                    if carrying && pronoun.as_ref().is_some_and(|p| p.eq_ignore_ascii_case(speaker)) =>
                {
                    answered.push(sentence.range.start);
                }
                // "He did not say how many …" stands aside; the speaker before it goes on.
                Reason::WritersNote => {}
                _ => carrying = false,
            }
            group_named = group_named
                || chunk.mentions[sentence.block].iter().any(|m| {
                    sentence.plain.start <= m.range.start
                        && m.range.end <= sentence.plain.end
                        && kb
                            .actors_of(m)
                            .any(|a| matches!(a.kind, ActorKind::ArmedGroup | ActorKind::Organisation))
                });
        }
        silence_sentences(part, vague, &answered);
        silence_sentences(part, unattributed, &quoted);
    }
}

/// "the group", "the militants", "the movement": a definite phrase whose noun stands for an armed group.
fn names_a_group(speaker: &str) -> bool {
    let mut words = speaker.split_whitespace().map(str::to_lowercase);
    let definite = words.next().is_some_and(|w| matches!(w.as_str(), "the" | "this"));
    let noun = words.next_back();
    definite
        && noun.is_some_and(|n| {
            matches!(
                n.as_str(),
                "group"
                    | "movement"
                    | "militants"
                    | "militia"
                    | "insurgents"
                    | "rebels"
                    | "outfit"
                    | "faction"
                    | "organisation"
                    | "organization"
                    | "network"
                    | "jihadists"
                    | "fighters"
            )
        })
}

/// Silence an `unattributed-claim` finding on an item of a numbered list that a named source introduces:
/// "Congress finds the following:" then "(1) Jordan hosts more than 650,000 refugees.", "(2) …". The items are
/// the findings of whoever the lead-in names, paragraphs apart as a statute prints them.
pub(super) fn findings_of_a_lead_in(parts: &mut [Part]) {
    let unattributed = rules::unattributed_claim::INFO.code;
    let mut introduced = false;
    for part in parts.iter_mut() {
        let chunk = &part.chunk;
        let mut answered = Vec::new();
        for (sentence, verdict) in chunk.document.sentences.iter().zip(&chunk.verdicts) {
            let text = chunk.document.sentence_text(sentence).trim_end();
            if introduces_findings(text) {
                introduced = true;
                continue;
            }
            if !(introduced && opens_with_a_number(text)) {
                introduced = false;
                continue;
            }
            if verdict.class == ClaimClass::Unattributed {
                answered.push(sentence.range.start);
            }
        }
        silence_sentences(part, unattributed, &answered);
    }
}

/// "Congress finds the following:", "The Commission makes the following findings:": a named body's lead-in to
/// a list of what it found. (The classifier reads it as a fragment: it ends on a colon.)
fn introduces_findings(text: &str) -> bool {
    // The lead-in may end the sentence or, where a list runs on in one paragraph, open it.
    let Some((lead, _)) = text.split_once(':') else {
        return false;
    };
    const FRAMES: &[&str] = &[
        " finds",
        " found",
        " findings",
        " declares",
        " concludes",
        " concluded",
        " determines",
    ];
    lead.starts_with(|c: char| c.is_uppercase()) && FRAMES.iter().any(|frame| lead.contains(frame))
}

/// "(1) …", "(A) …", "2. …": an item of a numbered list.
fn opens_with_a_number(text: &str) -> bool {
    let text = text.strip_prefix('(').unwrap_or(text);
    let mark = text.find([')', '.']).unwrap_or(usize::MAX);
    mark <= 4
        && mark > 0
        && text[..mark].chars().all(|c| c.is_ascii_alphanumeric())
        && text[mark + 1..].starts_with(' ')
}

/// Silence an `unattributed-claim` finding on what a law provides, named by the short form the document gave
/// it ("IRTPA requires …" after "the Intelligence Reform and Terrorism Prevention Act of 2004 (IRTPA)").
pub(super) fn short_named_documents(text: &str, parts: &mut [Part]) {
    let mut names: Vec<String> = parts.iter().flat_map(|p| p.chunk.short_names.iter().cloned()).collect();
    names.sort();
    names.dedup();
    if !names.is_empty() {
        silence_unattributed_where(text, parts, |s| short_names::provided_by_short_name(s, &names));
    }
}

/// Silence the `unattributed-claim` findings on the sentences whose text (in the whole document) `answers`.
fn silence_unattributed_where(text: &str, parts: &mut [Part], answers: impl Fn(&str) -> bool) {
    let unattributed = rules::unattributed_claim::INFO.code;
    for part in parts.iter_mut() {
        let by = part.shift();
        let chunk = &part.chunk;
        let answered: Vec<usize> = chunk
            .document
            .sentences
            .iter()
            .zip(&chunk.verdicts)
            .filter(|(_, verdict)| verdict.class == ClaimClass::Unattributed)
            .filter(|(sentence, _)| {
                let range = sentence.range.start.wrapping_add_signed(by)..sentence.range.end.wrapping_add_signed(by);
                text.get(range).is_some_and(&answers)
            })
            .map(|(sentence, _)| sentence.range.start)
            .collect();
        silence_sentences(part, unattributed, &answered);
    }
}

/// Silence the part's findings of rule `code` on the sentences that start at `answered` (chunk offsets).
pub(super) fn silence_sentences(part: &mut Part, code: &str, answered: &[usize]) {
    if answered.is_empty() {
        return;
    }
    let silenced: Vec<bool> = part
        .chunk
        .findings
        .iter()
        .map(|f| f.code == code && answered.contains(&f.range.start))
        .collect();
    merge_silenced(part, silenced);
}

/// Add `silenced` (one flag per finding of the part's chunk) to what the part already silences.
fn merge_silenced(part: &mut Part, silenced: Vec<bool>) {
    if !silenced.contains(&true) {
        return;
    }
    let kept = std::mem::take(&mut part.silenced);
    part.silenced = silenced
        .iter()
        .enumerate()
        .map(|(i, now)| *now || kept.get(i).copied().unwrap_or(false))
        .collect();
}

#[cfg(test)]
mod tests {
    use crate::actors::KnowledgeBase;
    use crate::document::DocKind;
    use crate::model::RuleSettings;

    /// The lines (from 1) of the vague-attribution findings of `text`.
    fn vague_lines(text: &str) -> Vec<usize> {
        let kb = KnowledgeBase::builtin();
        let analysis = super::super::analyse_fresh(text, DocKind::Markdown, &kb, &RuleSettings::default());
        analysis
            .findings
            .iter()
            .filter(|f| f.code == "vague-attribution")
            .map(|f| text[..f.range.start].matches('\n').count() + 1)
            .collect()
    }

    use super::super::flagged_by as flagged;

    #[test]
    fn a_pronoun_speaker_in_the_paragraph_after_a_named_source_is_answered() {
        let text = "Interior Minister Ahmed Farouk said the border would reopen.\n\n\
                    He added that 200 guards had been deployed.\n\n\
                    He said the road was closed.\n\n\
                    She said the talks had failed.\n\n\
                    ## Reactions\n\n\
                    He said the crossing was calm.\n";
        assert_eq!(vague_lines(text), vec![7, 11]);
    }

    #[test]
    fn the_rest_of_a_quotation_whose_pronoun_speaker_is_answered_is_answered_too() {
        let text = "Two soldiers were killed, Captain Ali Hassan told reporters.\n\n\
                    \"They came at dawn,\" he said. \"We fought them for two hours.\"\n\n\
                    \"Nobody came to help,\" a villager said. \"We hid in the fields.\"\n";
        assert_eq!(vague_lines(text), vec![5, 5]);
    }

    #[test]
    fn a_quotation_running_on_into_a_paragraph_of_its_own_is_the_speakers() {
        let kb = KnowledgeBase::builtin();
        let text =
            "\"We heard shooting at the market,\" said Amade Saide, a fisherman. \"My brother stayed behind.\n\n\
                    \"Since Saturday his phone has been switched off.\"\n\n\
                    The army retook the town on Monday.\n\n\
                    \"Nobody will come back,\" the sign on the road read.\n";
        let flagged = flagged(text, &kb, "unattributed-claim");
        assert!(!flagged.iter().any(|s| s.contains("switched off")), "{flagged:?}");
        // A quotation after an unsourced paragraph has no speaker to run on from.
        assert!(
            flagged.iter().any(|s| s.contains("Nobody will come back")),
            "{flagged:?}"
        );
    }

    #[test]
    fn what_a_law_named_by_its_short_form_provides_is_the_laws() {
        let kb = KnowledgeBase::builtin();
        let text = "Congress passed the Intelligence Reform and Terrorism Prevention Act of 2004 (IRTPA).\n\n\
                    IRTPA requires the DNI to report on the program every year.\n\n\
                    ODNI requires the elements to report every year.\n";
        let flagged = flagged(text, &kb, "unattributed-claim");
        assert!(!flagged.iter().any(|s| s.starts_with("IRTPA")), "{flagged:?}");
        assert!(flagged.iter().any(|s| s.starts_with("ODNI")), "{flagged:?}");
    }

    #[test]
    fn a_law_with_its_enacting_formula_is_a_statute_however_short() {
        let kb = KnowledgeBase::builtin();
        let text = "# Cable Protection Act 2026\n\nBE IT ENACTED by the King's most Excellent Majesty, as follows:\n\n\
                    (1) The Secretary of State may designate a cable as protected infrastructure.\n\n\
                    (2) This Act extends to England and Wales.\n";
        let analysis = super::super::analyse_fresh(text, DocKind::Markdown, &kb, &RuleSettings::default());
        let codes: Vec<&str> = analysis.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["document-genre"], "{:?}", analysis.findings);
        assert!(
            analysis.findings[0].message.contains("formula"),
            "{}",
            analysis.findings[0].message
        );
        // Without the formula, the same provisions are two sentences of a briefing.
        let short = text.replace(
            "BE IT ENACTED by the King's most Excellent Majesty, as follows:",
            "Notes.",
        );
        let analysis = super::super::analyse_fresh(&short, DocKind::Markdown, &kb, &RuleSettings::default());
        assert!(analysis.findings.iter().any(|f| f.code == "unattributed-claim"));
        // A summary after the law, under a heading of the title's rank, is read as any text is.
        let summarised = format!("{text}\n# Summary\n\nThe bill passed the House by 408 votes to 11 in July.\n");
        let flagged = flagged(&summarised, &kb, "unattributed-claim");
        assert_eq!(flagged, vec!["The bill passed the House by 408 votes to 11 in July."]);
    }

    #[test]
    fn the_numbered_findings_after_a_named_lead_in_are_its_findings() {
        let text = "Congress finds the following:\n\n(1) Jordan hosts more than 650,000 refugees.\n\n\
                    (2) Jordan's forces have joined coalition operations since 2014.\n\n\
                    Jordan's economy shrank in 2020.\n\n(3) The border is long.\n";
        let kb = KnowledgeBase::builtin();
        let flagged = flagged(text, &kb, "unattributed-claim");
        assert_eq!(
            flagged,
            vec!["Jordan's economy shrank in 2020.", "(3) The border is long."]
        );
    }

    #[test]
    fn the_group_refers_back_to_a_listed_organisation_too() {
        let kb = KnowledgeBase::from_toml(
            "[[actors]]\nid = \"un-soe-001\"\nname = \"Al-Shabaab\"\nkind = \"organisation\"\n",
        )
        .unwrap();
        let text = "Al-Shabaab fighters overran a base on Sunday, the army said.\n\n\
                    Residents said the fighting lasted hours.\n\n\
                    The group said it had lost no men.\n";
        let vague = flagged(text, &kb, "vague-attribution");
        assert_eq!(vague, vec!["Residents said the fighting lasted hours."]);
    }

    #[test]
    fn the_group_refers_back_to_an_armed_group_named_before() {
        let text = "Fighters of the TTP attacked a police post in Bannu on Sunday, the ISPR said.\n\n\
                    Residents said the gunfight lasted hours.\n\n\
                    The group said it had lost no men.\n";
        assert_eq!(vague_lines(text), vec![3]);
        let unnamed = "Residents said the gunfight lasted hours.\n\nThe group said it had lost no men.\n";
        assert_eq!(vague_lines(unnamed), vec![1, 3]);
    }

    #[test]
    fn the_chunked_analysis_carries_across_paragraphs_as_the_whole_does() {
        let kb = KnowledgeBase::builtin();
        let settings = RuleSettings::default();
        let text =
            "Interior Minister Ahmed Farouk said the border would reopen.\n\nHe added that guards were deployed.\n";
        let mut cache = super::super::ChunkCache::default();
        let (keep, safe) = (super::super::Keep::Nothing, super::super::Chunking::Safe);
        let chunked = super::super::analyse_chunked(text, DocKind::Markdown, &kb, &settings, &mut cache, keep, safe);
        let second = text.find("He added").unwrap();
        assert!(
            chunked.parts().iter().any(|p| p.start() == second),
            "the paragraph is a chunk of its own"
        );
        assert!(chunked.flat().findings.iter().all(|f| f.code != "vague-attribution"));
    }
}
