//! The document's own author named in the third person ("GAO reviewed the guidance." in a GAO report, "The
//! Panel is not satisfied …" in a judgment): the author's voice, as "we reviewed" is. The author is read from
//! the whole document, so this is decided once the chunks are placed.

use super::sourcing::silence_sentences;
use super::Part;
use crate::claims::{author, ClaimClass};
use crate::rules;

/// Silence an `unattributed-claim` finding on a sentence whose subject is the document's own author, named in
/// the third person ("GAO reviewed the guidance." in a GAO report): the author's voice, as "we reviewed" is.
/// A later sentence of the paragraph that links itself to the author's ("GAO identified several limitations.
/// For example, …", "In addition, …") goes on with the author's findings, as after "we found".
pub(super) fn author_voice(text: &str, parts: &mut [Part]) {
    let Some(author) = author::document_author(text) else {
        return;
    };
    let unattributed = rules::unattributed_claim::INFO.code;
    for part in parts.iter_mut() {
        let by = part.shift();
        let chunk = &part.chunk;
        let mut spoke_in_block = None;
        let mut answered = Vec::new();
        for (sentence, verdict) in chunk.document.sentences.iter().zip(&chunk.verdicts) {
            let range = sentence.range.start.wrapping_add_signed(by)..sentence.range.end.wrapping_add_signed(by);
            let Some(sentence_text) = text.get(range) else {
                continue;
            };
            let speaks = author::speaks_as_author(sentence_text, &author);
            let goes_on = spoke_in_block == Some(sentence.block) && author::links_to_the_sentence_before(sentence_text);
            if speaks || author::finds_as_author(sentence_text, &author) {
                spoke_in_block = Some(sentence.block);
            }
            if (speaks || goes_on) && verdict.class == ClaimClass::Unattributed {
                answered.push(sentence.range.start);
            }
        }
        silence_sentences(part, unattributed, &answered);
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::KnowledgeBase;
    use crate::document::DocKind;
    use crate::model::RuleSettings;

    use super::super::flagged_by as flagged;

    #[test]
    fn the_reports_own_author_in_the_third_person_is_its_voice() {
        let kb = KnowledgeBase::builtin();
        let text = "# What GAO Found\n\nGAO reviewed the program's guidance and interviewed officials.\n\n\
                    GAO was asked to review the program. DHS has not assessed whether its data are complete.\n\n\
                    GAO is an agency of Congress.\n";
        let flagged = flagged(text, &kb, "unattributed-claim");
        assert_eq!(flagged, vec!["DHS has not assessed whether its data are complete."]);
    }

    #[test]
    fn a_sentence_linked_to_the_authors_finding_goes_on_with_it() {
        let kb = KnowledgeBase::builtin();
        let text = "# What GAO Found\n\nGAO reviewed the program's guidance.\n\n\
                    GAO identified several limitations in the inventory. For example, the data changed twice. \
                    The elements kept no records.\n\n\
                    In addition, DHS has not assessed its data.\n";
        let flagged = flagged(text, &kb, "unattributed-claim");
        assert_eq!(
            flagged,
            vec![
                "The elements kept no records.",
                "In addition, DHS has not assessed its data."
            ],
            "only a linked sentence, and only in the author's paragraph"
        );
        // The author's finding may stand inside the sentence: "… GAO reviewed, seven …", "but GAO found …".
        let text = "# What GAO Found\n\nGAO reviewed the program's guidance.\n\n\
                    DHS expanded the program, but GAO found that it keeps no data. As a result, DHS cannot show \
                    whether the systems work.\n";
        assert!(
            super::super::analyse_fresh(text, DocKind::Markdown, &kb, &RuleSettings::default())
                .findings
                .iter()
                .all(|f| f.code != "unattributed-claim")
        );
    }
}
