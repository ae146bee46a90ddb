//! Decisions that read a block together with the block before it, which may lie in another chunk: made once the
//! chunks are placed, so that an edited document and the same text analysed afresh agree.
//!
//! - A paragraph after one that stops on a word no sentence ends with ("… participating in the" then "Joint Duty
//!   Program is implemented."): a converted document's page break cut one sentence in two, and its first half
//!   carries the claim.
//! - The items of a list that a recommendation leads into ("We recommend that the Secretary:", "17. … the two
//!   governments should:"): each item completes the advice, whatever verb it opens with.

use super::sourcing::silence_sentences;
use super::Part;
use crate::claims::clause::leads_into_advice;
use crate::document::{stops_on_a_function_word, BlockKind};
use crate::rules;

/// Silence the sourcing findings on the first sentence of a paragraph that goes on with a cut sentence, and on
/// the items of a list that a recommendation leads into.
pub(super) fn cut_sentences_and_advised_lists(parts: &mut [Part]) {
    let codes = [
        rules::unattributed_claim::INFO.code,
        rules::vague_attribution::INFO.code,
    ];
    // What the block before the current one leaves: whether it was a paragraph cut mid-sentence, and whether a
    // recommendation's list is open.
    let mut this_block_cut = false;
    let mut advised = false;
    for part in parts.iter_mut() {
        let chunk = &part.chunk;
        let mut answered = Vec::new();
        let mut previous_block = None;
        for sentence in &chunk.document.sentences {
            let block = &chunk.document.blocks[sentence.block];
            let opens_block = previous_block != Some(sentence.block);
            if opens_block {
                let cut = this_block_cut;
                this_block_cut = block.kind == BlockKind::Paragraph && stops_on_a_function_word(&block.text);
                let in_a_list = block.kind == BlockKind::ListItem;
                advised &= in_a_list;
                if (cut && block.kind == BlockKind::Paragraph) || (advised && in_a_list) {
                    answered.push(sentence.range.start);
                }
            } else if advised && block.kind == BlockKind::ListItem {
                answered.push(sentence.range.start);
            }
            previous_block = Some(sentence.block);
            let text = chunk.document.sentence_text(sentence);
            advised |= leads_into_advice(text) || (block.kind == BlockKind::Heading && heads_recommendations(text));
        }
        for code in codes {
            silence_sentences(part, code, &answered);
        }
    }
}

/// "Recommendations", "Recommendations to the Ministry", "To the Government of Nicaragua": a heading over a list
/// of what someone is urged to do.
fn heads_recommendations(heading: &str) -> bool {
    let heading = heading.trim();
    heading.starts_with("Recommendation") || heading.starts_with("To the ") || heading.starts_with("To Governments")
}

#[cfg(test)]
mod tests {
    use crate::actors::KnowledgeBase;
    use crate::document::DocKind;
    use crate::model::RuleSettings;

    fn flagged(text: &str) -> Vec<&str> {
        let kb = KnowledgeBase::builtin();
        let analysis = super::super::analyse_fresh(text, DocKind::Markdown, &kb, &RuleSettings::default());
        analysis
            .findings
            .iter()
            .filter(|f| matches!(f.code, "unattributed-claim" | "vague-attribution"))
            .map(|f| &text[f.range.clone()])
            .collect()
    }

    #[test]
    fn a_paragraph_after_one_cut_on_a_function_word_is_the_rest_of_its_sentence() {
        let text = "In addition, each element has some flexibility in how its process for taking part in the\n\n\
                    Joint Duty Program is implemented.\n\n\
                    The program began in 2006.\n";
        let flagged = flagged(text);
        assert!(!flagged.iter().any(|s| s.starts_with("Joint Duty")), "{flagged:?}");
        assert!(
            flagged.iter().any(|s| s.starts_with("The program began")),
            "{flagged:?}"
        );
    }

    #[test]
    fn the_items_of_a_recommendation_complete_it() {
        let text = "We recommend that the United States and its partners:\n\n\
                    - Fund the systematic collection of drone debris data.\n\
                    - Realign export enforcement to the largest distributors.\n\n\
                    17. To reduce the risk of a clash, the two governments should:\n\
                    \x20   - reaffirm publicly their commitment not to use force.\n\n\
                    The drones were shipped through Hong Kong.\n\n\
                    The attacks have led to the following:\n\n\
                    - Forty people were killed in Kurram.\n";
        let flagged = flagged(text);
        assert!(
            !flagged.iter().any(|s| s.contains("debris") || s.contains("Realign")),
            "{flagged:?}"
        );
        assert!(!flagged.iter().any(|s| s.contains("reaffirm")), "{flagged:?}");
        assert!(flagged.iter().any(|s| s.contains("Hong Kong")), "{flagged:?}");
        assert!(flagged.iter().any(|s| s.contains("Forty people")), "{flagged:?}");
    }

    #[test]
    fn the_items_under_a_recommendations_heading_are_advice() {
        let text = "## Recommendations\n\n### To the Governments of Costa Rica and Spain\n\n\
                    - Impose targeted sanctions on officials responsible for arbitrary detention.\n\n\
                    ## Background\n\n\
                    - Police detained 37 relatives of exiles in 2026.\n";
        let flagged = flagged(text);
        assert_eq!(flagged, vec!["Police detained 37 relatives of exiles in 2026."]);
    }
}
