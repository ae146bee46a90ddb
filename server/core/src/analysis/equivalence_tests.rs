//! The chunked analysis with a warm cache after random edits equals an analysis of the whole text as one chunk.

use super::{analyse_chunked, ChunkCache, ChunkedAnalysis, Chunking, Keep};
use crate::actors::KnowledgeBase;
use crate::document::DocKind;
use crate::model::Analysis;
use crate::model::RuleSettings;
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::OnceLock;

/// Pieces of briefing-like Markdown; documents are random sequences of them, edited at random places.
const PIECES: &[&str] = &[
    "# Security update\n\n",
    "## Kurram, May 2025\n",
    "The TTP attacked a checkpoint in Bannu, killing four soldiers.\n\n",
    "According to Dawn, the BLA claimed the attack.[^1] Officials said it was likely planned.\n\n",
    "Sources say the Haqqani Network is probably behind it. We assess with moderate confidence that AQ is weak.\n",
    "Tehreek-e-Taliban Pakistan said last week that the FC withdrew.\n\n",
    "- The BLF attacked a convoy.\n- Police said two died.[^2]\n\n",
    "1. First point without a source.\n2. Second point, reported recently.\n\n",
    "- loose item one.\n\n- loose item two, it is highly likely.\n\n",
    "```\ncode with TTP\n\nmore code\n```\n\n",
    "~~~text\nfenced\n~~~\n\n",
    "| District | Incidents |\n|---|---|\n| Bannu | 4 killed |\n\n",
    "> The army said the area is clear.\n>\n> It was almost certainly a raid.\n\n",
    "[^1]: Dawn, 2 May 2025.\n\n",
    "[^2]: ISPR statement.\n    Indented continuation.\n\n",
    "[^3]: Unused note.\n\n",
    "See the report.[^3] It said the TTA regrouped.\n\n",
    "<!-- brieflint-disable-next-line unattributed-claim -->\nThe BLA grew stronger.\n\n",
    "<!--\n\nA comment over a blank line.\n\n-->\n\n",
    "    indented code, not prose\n\n",
    "Text with a [link](https://example.org) and **bold TTP** words.\n\n",
    "A wrapped\nparagraph that goes on\nover lines.\n\n",
    "***\n\n",
    "Setext heading\n==============\n\n",
    "\r\nA CRLF paragraph said nothing.\r\n\r\n",
    "Uses [ref] here.\n\n",
    "<div>\nhtml block\n</div>\n\n",
    "Some FC officials, the HQN and the PTM were there.\n",
    // For the document-scoped rules' notes: first uses, spellings, unknown names and likelihood scales.
    "The Frontier Corps (FC) met the ZQM and the Zarghun Liberation Front.\n\n",
    "Al Qaeda figures attended; analysts tie al-Qaida to Commander Noor Gul. A deal is highly probable.\n\n",
    "The Zarghun Qaumi Movement (ZQM) called it a realistic possibility. A strike is very likely.\n\n",
    "\n",
];

/// Pieces that make the whole document one chunk; added to few documents.
const RARE: &[&str] = &[
    "---\n\n",
    "[ref]: https://example.org\n\n",
    "<pre>\n\n</pre>\n\n",
    "- item\n  ```\n",
];

const FRONT_MATTER: &str = "---\ntitle: Briefing\n---\n\n";

/// What an edit inserts; empty means delete one character.
const INSERTS: &[&str] = &[
    "",
    "x",
    " ",
    "\n",
    "\n\n",
    "[^1]",
    "[^2]: New note.\n\n",
    "- ",
    "```\n",
    "<!--",
    "-->",
    "TTP ",
    "#",
    "\r\n",
    "> ",
    "|",
    "é",
];

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::builtin)
}

/// Everything the analysis yields, in comparable form.
fn summary(text: &str, analysis: &Analysis) -> impl PartialEq + std::fmt::Debug {
    let blocks: Vec<_> = analysis
        .document
        .blocks
        .iter()
        .map(|b| {
            let whole = b.source_range(&(0..b.text.len()));
            (
                b.kind,
                b.quoted,
                b.text.clone(),
                b.citations.clone(),
                text[whole].to_string(),
            )
        })
        .collect();
    (
        blocks,
        analysis.document.sentences.clone(),
        analysis.verdicts.clone(),
        analysis.mentions().to_vec(),
        analysis.findings.clone(),
    )
}

/// The findings read part by part (as the language server publishes them) and the mentions put together
/// alone (as hovers and completions read them) are the flat analysis's.
fn assert_parts_agree(analysis: &ChunkedAnalysis) {
    // Before the flat analysis exists, which the mentions would otherwise be copied from.
    let mentions = analysis.mentions().to_vec();
    let by_parts: Vec<_> = analysis
        .findings()
        .map(|f| (f.range(), f.finding.code, f.finding.severity, f.finding.message.clone()))
        .collect();
    let flat: Vec<_> = analysis
        .flat()
        .findings
        .iter()
        .map(|f| (f.range.clone(), f.code, f.severity, f.message.clone()))
        .collect();
    assert_eq!(by_parts, flat);
    assert_eq!(mentions, analysis.flat().mentions());
}

fn check_edits(text: String, kind: DocKind, edits: Vec<(Index, usize)>, chunking: Chunking) {
    let settings = RuleSettings::default();
    let mut cache = ChunkCache::default();
    let mut text = text;
    analyse_chunked(&text, kind, kb(), &settings, &mut cache, Keep::Chunks, chunking);
    for (at, insert) in edits {
        let mut offset = at.index(text.len() + 1);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        match INSERTS[insert] {
            "" => {
                if let Some(c) = text[offset..].chars().next() {
                    text.replace_range(offset..offset + c.len_utf8(), "");
                }
            }
            piece => text.insert_str(offset, piece),
        }
        let warm = analyse_chunked(&text, kind, kb(), &settings, &mut cache, Keep::Chunks, chunking);
        let whole = analyse_chunked(
            &text,
            kind,
            kb(),
            &settings,
            &mut ChunkCache::default(),
            Keep::Nothing,
            Chunking::Whole,
        );
        assert_parts_agree(&warm);
        assert_eq!(
            summary(&text, warm.flat()),
            summary(&text, &whole.into_flat()),
            "text: {text:?}"
        );
    }
}

fn document() -> impl Strategy<Value = String> {
    let rare = prop::option::weighted(0.1, (0..RARE.len(), any::<Index>()));
    (any::<bool>(), prop::collection::vec(0..PIECES.len(), 1..24), rare).prop_map(|(front, pieces, rare)| {
        let mut body: Vec<&str> = pieces.into_iter().map(|i| PIECES[i]).collect();
        if let Some((piece, at)) = rare {
            body.insert(at.index(body.len() + 1), RARE[piece]);
        }
        let body = body.concat();
        if front {
            format!("{FRONT_MATTER}{body}")
        } else {
            body
        }
    })
}

fn edits() -> impl Strategy<Value = Vec<(Index, usize)>> {
    prop::collection::vec((any::<Index>(), 0..INSERTS.len()), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn markdown_edits_analyse_as_the_whole_text(text in document(), edits in edits()) {
        check_edits(text, DocKind::Markdown, edits, Chunking::Safe);
    }

    #[test]
    fn plain_text_edits_analyse_as_the_whole_text(text in document(), edits in edits()) {
        check_edits(text, DocKind::PlainText, edits, Chunking::Safe);
    }

    /// Grouped as the language server's analysis is, but cut more often, so that short texts have groups.
    #[test]
    fn grouped_edits_analyse_as_the_whole_text(text in document(), edits in edits(), markdown in any::<bool>()) {
        let kind = if markdown { DocKind::Markdown } else { DocKind::PlainText };
        check_edits(text, kind, edits, Chunking::Grouped(2));
    }
}

#[test]
fn a_briefing_is_cut_into_many_chunks_and_footnotes_still_resolve() {
    let text = "# Update\n\nThe TTP attacked a post.[^1]\n\nThe BLA said it withdrew.\n\n[^1]: Dawn, 2 May 2025.\n";
    assert!(super::chunks::split(text, DocKind::Markdown).len() >= 3);
    let settings = RuleSettings::default();
    let chunked = analyse_chunked(
        text,
        DocKind::Markdown,
        kb(),
        &settings,
        &mut ChunkCache::default(),
        Keep::Chunks,
        Chunking::Safe,
    );
    let whole = analyse_chunked(
        text,
        DocKind::Markdown,
        kb(),
        &settings,
        &mut ChunkCache::default(),
        Keep::Nothing,
        Chunking::Whole,
    );
    assert_eq!(summary(text, chunked.flat()), summary(text, &whole.into_flat()));
    let cited = &chunked.flat().document.blocks[1];
    assert_eq!(
        cited.citations.len(),
        1,
        "the footnote defined in another chunk is a citation"
    );
}

#[test]
fn an_unchanged_chunk_is_reused_and_a_changed_one_is_not() {
    let text = "First paragraph about the TTP.\n\nSecond paragraph about the BLA.\n";
    let settings = RuleSettings::default();
    let mut cache = ChunkCache::default();
    // Analyse with the cache, and give the chunks it keeps after.
    let mut kept_after = |text: &str| {
        analyse_chunked(
            text,
            DocKind::Markdown,
            kb(),
            &settings,
            &mut cache,
            Keep::Chunks,
            Chunking::Safe,
        );
        let kept: Vec<_> = cache.chunks.by_key.values().map(|(chunk, _)| chunk.clone()).collect();
        kept
    };
    let before = kept_after(text);
    let after = kept_after(&text.replace("BLA", "BLF"));
    assert_eq!(after.len(), 2);
    let reused = after
        .iter()
        .filter(|c| before.iter().any(|b| std::sync::Arc::ptr_eq(b, c)))
        .count();
    assert_eq!(reused, 1);
}

#[test]
fn a_same_length_change_inside_a_long_chunk_is_seen() {
    // A change of the same length in the middle of a long chunk, which a key made from a sample could miss.
    let text = format!(
        "{} The TTP attacked Bannu.\n\nAnother paragraph.\n",
        "Filler words here. ".repeat(20)
    );
    let at = text.find("TTP").unwrap();
    assert!(at % 61 != 0 && at > 64);
    let edited = format!("{}BLA{}", &text[..at], &text[at + 3..]);
    let settings = RuleSettings::default();
    let mut cache = ChunkCache::default();
    let analyse = |text: &str, cache: &mut ChunkCache| {
        analyse_chunked(
            text,
            DocKind::Markdown,
            kb(),
            &settings,
            cache,
            Keep::Chunks,
            Chunking::Safe,
        )
    };
    analyse(&text, &mut cache);
    let warm = analyse(&edited, &mut cache);
    let fresh = analyse(&edited, &mut ChunkCache::default());
    assert_eq!(summary(&edited, warm.flat()), summary(&edited, fresh.flat()));
    assert_ne!(
        summary(&edited, warm.flat()),
        summary(&text, analyse(&text, &mut cache).flat())
    );
}

/// A fresh analysis moves the lone chunk's results out whole; one whose chunk the cache still holds copies them,
/// and the kept chunk stays as it was for the next analysis.
#[test]
fn a_whole_text_chunk_the_cache_holds_is_copied_not_moved() {
    let text = "# Update\n\nThe TTP attacked a post.[^1] Officials said so.\n\n[^1]: Dawn, 2 May 2025.\n";
    let settings = RuleSettings::default();
    let mut cache = ChunkCache::default();
    let mut analyse = |keep: Keep| {
        analyse_chunked(
            text,
            DocKind::Markdown,
            kb(),
            &settings,
            &mut cache,
            keep,
            Chunking::Whole,
        )
    };
    let held = analyse(Keep::Chunks).into_flat();
    let reused = analyse(Keep::Chunks);
    assert_eq!(reused.parts()[0].text(), text);
    let fresh = analyse_chunked(
        text,
        DocKind::Markdown,
        kb(),
        &settings,
        &mut ChunkCache::default(),
        Keep::Nothing,
        Chunking::Whole,
    )
    .into_flat();
    assert!(!held.findings.is_empty() && !held.document.sentences.is_empty());
    assert_eq!(summary(text, &held), summary(text, reused.flat()));
    assert_eq!(summary(text, &held), summary(text, &fresh));
}
