//! A document's genre, and the sections of a document that hold no claims.
//!
//! Asking every provision of a statute or every paragraph of doctrine for a source is the wrong question: such a
//! text prescribes and describes how things are to work, in its own authority. Where a whole document reads as
//! one (or is declared one), the sourcing rules say so once, with `document-genre`, instead of warning on
//! hundreds of sentences. Likewise a section under a "References", "Contents" or "Disclaimer" heading lists
//! sources or boilerplate, and one under "Comments from …" or "Statement of …" reprints someone's own words: its
//! sentences are not claims to source.

use crate::claims::{ClaimClass, Reason, Verdict};
use crate::document::{BlockKind, Document};
use crate::text::lexicon::WordList;
use serde::Deserialize;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Genre {
    /// Analysis and reporting: every claim wants a source (the default).
    Briefing,
    /// Doctrine, manuals and guidance: what should be done and how things work.
    Doctrine,
    /// Laws and regulations: provisions and definitions.
    Statute,
}

impl Genre {
    pub fn name(self) -> &'static str {
        match self {
            Genre::Briefing => "briefing",
            Genre::Doctrine => "doctrine",
            Genre::Statute => "statute",
        }
    }

    fn parse(word: &str) -> Option<Genre> {
        match word.trim().trim_matches(['"', '\'']).to_ascii_lowercase().as_str() {
            "briefing" => Some(Genre::Briefing),
            "doctrine" => Some(Genre::Doctrine),
            "statute" => Some(Genre::Statute),
            _ => None,
        }
    }
}

/// How a document's sentences are classed, counted per chunk and added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub claims: usize,
    /// Claims that cite nothing or only an anonymous source.
    pub unattributed: usize,
    pub prescriptions: usize,
}

impl Profile {
    pub fn of(verdicts: &[Verdict]) -> Profile {
        let mut profile = Profile::default();
        for verdict in verdicts {
            match (verdict.class, &verdict.reason) {
                (ClaimClass::NotAClaim, Reason::Prescription | Reason::Definition) => profile.prescriptions += 1,
                (ClaimClass::NotAClaim, _) => {}
                (class, _) => {
                    profile.claims += 1;
                    profile.unattributed += usize::from(class != ClaimClass::Attributed);
                }
            }
        }
        profile
    }

    /// The genre a document of this profile reads as. A statute is mostly provisions and definitions; doctrine
    /// prescribes often and otherwise describes, almost never citing anyone. A briefing cites, or at least
    /// seldom prescribes. Short texts are always briefings: a few sentences say too little.
    pub fn genre(self) -> Genre {
        let sentences = self.claims + self.prescriptions;
        if sentences < MIN_SENTENCES {
            return Genre::Briefing;
        }
        let prescribing = self.prescriptions as f64 / sentences as f64;
        let unsourced = self.unattributed as f64 / self.claims.max(1) as f64;
        if prescribing >= STATUTE_PRESCRIBING {
            Genre::Statute
        } else if prescribing >= DOCTRINE_PRESCRIBING && unsourced >= DOCTRINE_UNSOURCED {
            Genre::Doctrine
        } else {
            Genre::Briefing
        }
    }
}

const MIN_SENTENCES: usize = 40;
const STATUTE_PRESCRIBING: f64 = 0.35;
const DOCTRINE_PRESCRIBING: f64 = 0.10;
const DOCTRINE_UNSOURCED: f64 = 0.85;

impl std::ops::Add for Profile {
    type Output = Profile;

    fn add(self, other: Profile) -> Profile {
        Profile {
            claims: self.claims + other.claims,
            unattributed: self.unattributed + other.unattributed,
            prescriptions: self.prescriptions + other.prescriptions,
        }
    }
}

/// How far into a document its enacting formula counts: after the title, the long title and the date.
const ENACTING_HEAD: usize = 3000;

/// The part of a document that is a law or an order, which says so at its head in the formula that gives it
/// force, however short it is: "Be it enacted by the Senate and House of Representatives …", "BE IT ENACTED by
/// the King's most Excellent Majesty …", "… it is hereby ordered as follows:". It runs from the start to a
/// heading of the title's rank that is no division of the law ("## Summary: H.R. 6120", "## Background"), or to
/// the end.
pub fn enacted(text: &str) -> Option<Range<usize>> {
    let head = text[..crate::util::floor_char_boundary(text, ENACTING_HEAD)].to_lowercase();
    let formula = [
        "be it enacted",
        "it is hereby ordered",
        "it is hereby enacted",
        "hereby decrees",
    ]
    .iter()
    .filter_map(|formula| head.find(formula))
    .min()?;
    let level = |line: &str| line.bytes().take_while(|&b| b == b'#').count();
    let title_level = text[..formula].lines().map(level).find(|&l| l > 0).unwrap_or(1);
    let mut at = formula;
    for line in text[formula..].split_inclusive('\n') {
        let rank = level(line);
        if rank > 0 && rank <= title_level && !divides_a_law(line[rank..].trim()) {
            return Some(0..at);
        }
        at += line.len();
    }
    Some(0..text.len())
}

/// "Sec. 3.", "SECTION 1. SHORT TITLE.", "Part 2 Offences", "TITLE II—…", "1 Interpretation": a heading of a
/// law's own divisions.
fn divides_a_law(heading: &str) -> bool {
    let first = heading.split([' ', '.', '—']).next().unwrap_or_default().to_lowercase();
    matches!(
        first.as_str(),
        "sec" | "section" | "part" | "title" | "chapter" | "article" | "schedule" | "subtitle" | "division"
    ) || heading.starts_with(|c: char| c.is_ascii_digit())
}

/// The genre a Markdown document declares in its front matter (`genre: doctrine`).
pub fn declared(text: &str) -> Option<Genre> {
    crate::document::front_matter::field(text, "genre").and_then(Genre::parse)
}

static NON_CLAIM_HEADINGS: WordList = WordList::embedded(include_str!("data/non_claim_headings.txt"));

/// Whether a heading opens a section without claims to source: a list of sources, contents or boilerplate
/// ("References", "Table of Contents", "Appendix VI: Acknowledgments"), or someone's own words reprinted
/// ("Appendix IV: Comments from the Department of Homeland Security", "Statement of the ISPR").
pub fn opens_non_claim_section(heading: &str) -> bool {
    // "Appendix I: Scope and MethodologyAppendix I: Scope and Methodology": a converted PDF printed the heading
    // twice over.
    let heading = heading.trim();
    let half = heading.len() / 2;
    let heading =
        if heading.len().is_multiple_of(2) && heading.is_char_boundary(half) && heading[..half] == heading[half..] {
            &heading[..half]
        } else {
            heading
        };
    let lower = heading.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | ')' | '(' | '#' | '—' | '–'))
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    // "Appendix IV: …", "Annex B …": the part's name, then its title.
    if matches!(words.first(), Some(&("appendix" | "annex"))) && words.len() > 2 {
        words.drain(..2);
    }
    let listed = NON_CLAIM_HEADINGS.longest_at(words.iter().copied()) == Some(words.len());
    let someones_words = matches!(
        words.first(),
        Some(&("comments" | "letter" | "statement" | "testimony" | "remarks" | "response" | "responses"))
    ) && matches!(words.get(1), Some(&("from" | "of" | "by")))
        && words.len() > 2
        && heading
            .split_whitespace()
            .skip(2)
            .any(|w| w.starts_with(char::is_uppercase));
    !words.is_empty() && (listed || someones_words)
}

/// The byte ranges of `document` (shifted by `by`) that non-claim sections cover, from their heading to the next
/// heading, given whether the text before it was in one (`open`); returns whether the last section stays open.
pub fn non_claim_sections(
    document: &Document,
    by: isize,
    mut open: Option<usize>,
    out: &mut Vec<Range<usize>>,
) -> Option<usize> {
    for block in &document.blocks {
        if block.kind != BlockKind::Heading {
            continue;
        }
        let start = block.map.to_source(0).wrapping_add_signed(by);
        if let Some(from) = open.take() {
            out.push(from..start);
        }
        if opens_non_claim_section(&block.text) {
            open = Some(start);
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_sections_without_claims() {
        for heading in [
            "References",
            "Table of Contents",
            "5. Endnotes:",
            "Related CRS Products",
            "Disclaimer",
            "Staff Acknowledgments",
            "GAO’s Mission",
            "Obtaining Copies of GAO Reports and Testimony",
            "Author Information",
            "Methodology",
            "Appendix I: Scope and MethodologyAppendix I: Scope and Methodology",
        ] {
            assert!(opens_non_claim_section(heading), "{heading}");
        }
        // "Notes" may hold an analyst's notes as well as endnotes: it is not taken for a list of sources.
        for heading in [
            "Sources of the conflict",
            "Key judgements",
            "Notes",
            "Notes on Kurram",
            "",
        ] {
            assert!(!opens_non_claim_section(heading), "{heading}");
        }
    }

    #[test]
    fn front_matter_declares_a_genre() {
        assert_eq!(
            declared("---\ntitle: JP 2-0\ngenre: doctrine\n---\n# Text"),
            Some(Genre::Doctrine)
        );
        assert_eq!(declared("---\ngenre: \"statute\"\n---\n"), Some(Genre::Statute));
        assert_eq!(declared("---\ntitle: x\n---\ngenre: doctrine\n"), None);
        assert_eq!(declared("genre: doctrine\n"), None);
    }

    #[test]
    fn genre_from_the_profile() {
        let profile = |claims, unattributed, prescriptions| Profile {
            claims,
            unattributed,
            prescriptions,
        };
        assert_eq!(profile(10, 10, 20).genre(), Genre::Briefing, "too short to tell");
        assert_eq!(profile(60, 30, 40).genre(), Genre::Statute);
        assert_eq!(profile(170, 160, 26).genre(), Genre::Doctrine);
        assert_eq!(profile(170, 90, 26).genre(), Genre::Briefing, "it cites");
        assert_eq!(
            profile(200, 200, 5).genre(),
            Genre::Briefing,
            "unsourced, but it does not prescribe"
        );
    }
}
