//! Citations written into a sentence's text, as reports converted from PDF and briefings written by hand carry
//! them: reference numbers (`[3]`), footnote marks, URLs, note numbers run into the text or set as superscripts,
//! legal citations ("P.L. 108-458", "50 U.S.C. 3024", "118 Stat. 3638"), report numbers ("GAO-12-679",
//! "CRS Report RL34231"), and parenthesised sources ("(Reuters, 4 May 2025)", "(Smith, 2019; Khan and Lee,
//! 2021)"). Any one of them sources the sentence.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

macro_rules! pattern {
    ($name:ident, $pattern:expr) => {
        fn $name() -> &'static Regex {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| crate::text::pattern::compile($pattern))
        }
    };
}

pattern!(numeric_reference, r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]");
pattern!(footnote_mark, r"\[\^[^\]\s]+\]");
pattern!(bare_url, r"\bhttps?://\S+|\bwww\.\S+\.\S+");
// A note number run into the text by a conversion, after a word and its punctuation ("authority.14",
// "attacks,4 and", "in 2019.12"), a superscript ("¹²", "^12"), or a note number left by dropped markup
// ("staff.12" from `<sup>12</sup>`), a superscript converted to LaTeX ("$2004 ^ { 5 }$"), or a number run into
// a word ("HITRAC products90 include"). A decimal has a digit before its point, so "3.14" is none, but a year is
// ("2019.12"): only four digits of a year before the point.
pattern!(
    note_number,
    r#"(?:[A-Za-z)”"’]|\b(?:19|20)\d\d)[.,;:]\d{1,3}(?:\s|$)|[.,;:]?[)”"’]\d{1,3}(?:\s|$)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\^\s*\{?\s*(?:\d\s*){1,3}\}?|\b[A-Za-z]?[a-z]{3,}\d{1,3}(?:\s|$)"#
);
// Statutes, regulations, bills and reports, cited by number ("P.L. 108-458", "GAO-12-679", "Asia Report No.
// 341", "Notification No. 41/2025"); a UN resolution or document ("resolution 2127 (2013)", "S/2024/287"), and
// a report's annex of evidence ("(see annex 7)").
pattern!(
    legal_or_report_number,
    r"\b(?:P\.\s?L\.|Pub\.\s?L\.(?:\s?No\.)?|Public\s+Law)\s?\d{2,3}[-–]\s?\d{1,4}\b|\b\d{1,2}\s+U\.\s?S\.\s?C\.?\s*(?:§+\s*)?\d+|\b\d{1,3}\s+(?:Stat\.|C\.\s?F\.\s?R\.|Fed\.\s?Reg\.)\s*(?:§+\s*)?\d+|\b[SH]\.\s?(?:Rept|Rpt|Doc|Res|Con\.\s?Res|J\.\s?Res)\.\s?(?:No\.\s?)?\d{2,3}[-–]\d{1,4}\b|\bH\.\s?R\.\s?\d{1,5}\b|\bGAO(?:/[A-Z]{2,6})?-\d{2}-\d{1,6}[A-Z]{0,2}\b|\bCRS\s+(?:Report|In\s+Focus|Insight)\s+[A-Z]{1,2}\d{4,5}\b|\b(?:RL|RS|IF|IN)\d{5}\b|\b(?:Executive\s+Order|E\.\s?O\.)\s+\d{4,5}\b|\b(?:Report|Notification|Notice|Decree|Order|Resolution|Directive|Bulletin|Circular|Paper|Note|Gazette|Law|Act)\s+No\.\s?\d+(?:/\d+)?|\b[Rr]esolution\s+\d{3,4}\s+\((?:19|20)\d\d\)|\b[SA]/(?:19|20)\d\d/\d{1,4}\b|\((?:see\s+)?[Aa]nnex(?:es)?\s+[\dIVXL]+[^()]{0,20}\)"
);
// A source in parentheses: "(Reuters, 4 May 2025)", "(Smith, 2019; Khan and Lee, 2021, p. 4)".
pattern!(
    parenthetical_source,
    r"\((?:[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|for|on))*),\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?|[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|[A-Z][a-z]+\s+\d{4}|\d{4}(?:-\d{2}-\d{2})?)\)|\((?:[A-Z][\w'’.-]+(?:\s+(?:and|&|et\s+al\.?)|\s+[A-Z][\w'’.-]+)*,?\s+(?:19|20)\d\d[a-z]?(?:,\s*pp?\.\s*\d+(?:[-–]\d+)?)?(?:;\s*)?)+\)"
);

// An author named in the sentence with the year of the work: "Staniland (2014) traces …", "Kalyvas and Balcells
// (2010, p. 4) find …", "as Darwish et al. (2019) show".
pattern!(
    narrative_author_year,
    r"\b[A-Z][A-Za-z'’-]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z'’-]+|\s+et\s+al\.?)?\s+\((?:19|20)\d\d[a-z]?(?:,\s*pp?\.\s*\d+(?:[-–]\d+)?)?\)"
);

// A source named in parentheses at the end of a sentence, after a lower-case word or a figure: "12 soldiers
// killed (ACLED).", "rose by a third (UNHCR)." ("… Data Project (ACLED)." spells out a name instead.)
pattern!(
    closing_parenthetical_name,
    r"(?:^|\s)[a-z0-9][^\s(]*\s+\((?:[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|the|and|for))*)\)[.;]?\s*$"
);

// A source in parentheses by its volume or page: "(Joint Staff, Threat Finance Handbook, Vol. II, p. 37)".
pattern!(
    parenthetical_page,
    r"\([A-Z][^()]{2,120}?,\s*(?:pp?\.|Vol\.)\s*[\dIVX]+[^()]*\)"
);

/// What a sentence's words hold, counted before: the citations that need a mark or a digit are looked for only
/// where there is one.
#[derive(Clone, Copy, Default)]
pub struct Marks {
    pub bracket: bool,
    pub parenthesis: bool,
}

/// What one pass over a sentence's bytes finds for the number-based citations.
#[derive(Default)]
struct Digits {
    any: bool,
    /// A digit right after a letter or a mark ("authority.14", "products90", "”8"), or a superscript.
    run_in: bool,
}

impl Digits {
    fn of(text: &str) -> Digits {
        let mut digits = Digits::default();
        // Most sentences have no digit, caret or superscript: one vectorised pass rules them out.
        let bytes = text.as_bytes();
        let candidate = bytes.iter().any(|&b| b.is_ascii_digit() || b == b'^' || b == 0xC2)
            || memchr::memmem::find(bytes, b"\xE2\x81").is_some();
        if !candidate {
            return digits;
        }
        // "… in 2019.12": a year's four digits before the mark.
        let after_year = |at: usize| {
            at >= 5
                && bytes[at - 5..at - 1].iter().all(u8::is_ascii_digit)
                && matches!(&bytes[at - 5..at - 3], b"19" | b"20")
        };
        let (mut before, mut previous) = (b' ', b' ');
        for (at, &byte) in bytes.iter().enumerate() {
            if byte.is_ascii_digit() {
                digits.any = true;
                // A mark between two digits is a number's own ("1,200", "3.5"), not a note's, but for a year's.
                let mark = matches!(previous, b'.' | b',' | b';' | b':' | b')' | b'"' | 0x9D | 0x99);
                let own = before.is_ascii_digit() && !after_year(at);
                digits.run_in |= previous.is_ascii_alphabetic() || (mark && !own) || previous == b'^';
            } else if byte == b'^' {
                digits.run_in = true;
            } else if matches!((previous, byte), (0xC2, 0xB2 | 0xB3 | 0xB9) | (0xE2, 0x81)) {
                // "¹", "²", "³" are C2 B9, C2 B2, C2 B3; "⁰" and "⁴"-"⁹" are E2 81 B0-B9.
                digits.run_in = true;
            }
            (before, previous) = (previous, byte);
        }
        digits
    }
}

/// The first citation written into `text`, if any.
pub fn find(text: &str, marks: Marks, may_have_url: bool) -> Option<Range<usize>> {
    let found = |re: &Regex| re.find(text).map(|m| m.range());
    let bracketed = || {
        marks
            .bracket
            .then(|| found(numeric_reference()).or_else(|| found(footnote_mark())))
            .flatten()
    };
    bracketed()
        .or_else(|| may_have_url.then(|| found(bare_url())).flatten())
        .or_else(|| {
            let digits = Digits::of(text);
            let note = digits.run_in.then(|| found(note_number())).flatten();
            note.map(|range| trim_to_mark(text, range)).or_else(|| {
                (digits.any && may_cite_by_number(text))
                    .then(|| found(legal_or_report_number()))
                    .flatten()
            })
        })
        .or_else(|| {
            marks
                .parenthesis
                .then(|| found(parenthetical_source()).or_else(|| found(narrative_author_year())))
                .flatten()
        })
        .or_else(|| {
            let paged = marks.parenthesis && (text.contains("p. ") || text.contains("Vol. "));
            paged.then(|| found(parenthetical_page())).flatten()
        })
        .or_else(|| {
            let closing = marks.parenthesis && text.trim_end().trim_end_matches(['.', ';']).ends_with(')');
            closing
                .then(|| closing_parenthetical_name().find(text))
                .flatten()
                .map(|m| {
                    let piece = &text[m.range()];
                    let open = piece.find('(').unwrap_or(0);
                    let close = piece.rfind(')').map_or(piece.len(), |at| at + 1);
                    m.start() + open..m.start() + close
                })
        })
}

/// Whether the text has one of the marks a law or report number needs ("P.L.", "U.S.C", "Stat.", "GAO-", a
/// CRS number's "RL" and a digit, …): the long pattern runs only then.
fn may_cite_by_number(text: &str) -> bool {
    static MARKS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        aho_corasick::AhoCorasick::new([
            "P.L.",
            "P. L.",
            "Pub.",
            "Public Law",
            "U.S.C",
            "U. S. C",
            "Stat.",
            "C.F.R",
            "C. F. R",
            "Reg.",
            "Rept.",
            "Rpt.",
            "Doc.",
            "Res.",
            "H.R.",
            "H. R.",
            "GAO-",
            "GAO/",
            "CRS ",
            "Executive Order",
            "E.O.",
            "E. O.",
            " No.",
            "esolution ",
            "nnex",
            "S/",
            "A/",
        ])
        .expect("fixed patterns")
    });
    let crs_number = || {
        text.as_bytes()
            .windows(3)
            .any(|w| matches!(w, [b'R', b'L' | b'S', d] | [b'I', b'F' | b'N', d] if d.is_ascii_digit()))
    };
    marks.is_match(text) || crs_number()
}

/// A run-in note number's match starts at the word or mark before it: the cue is the number itself.
fn trim_to_mark(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = text[range.clone()].trim_end();
    let end = range.start + piece.len();
    let digits = piece.bytes().rev().take_while(u8::is_ascii_digit).count();
    let run_in = digits > 0 && digits < piece.len() && !piece.contains(['^', '}', ' ']);
    if run_in {
        end - digits..end
    } else {
        range.start..end
    }
}

/// Key words of the bare URL pattern (see `super::word_gate`).
pub const BARE_URL_WORDS: &[&str] = &["http", "www"];

/// The bare URL pattern, for the word gate's tests.
pub fn bare_url_pattern() -> &'static Regex {
    bare_url()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Option<&str> {
        let marks = Marks {
            bracket: text.contains('['),
            parenthesis: text.contains('('),
        };
        find(text, marks, text.contains("http") || text.contains("www")).map(|r| &text[r])
    }

    #[test]
    fn note_numbers_run_into_the_text() {
        assert_eq!(cited("The program cost more in 2019.12"), Some("12"));
        assert_eq!(
            cited("Contractors made up a quarter of the workforce,4 and cost more."),
            Some("4")
        );
        assert_eq!(cited("The authority was never used.14"), Some("14"));
        assert_eq!(cited("The office said so.”7"), Some("7"));
        assert_eq!(
            cited("following “a systematic evaluation”8 (the review), it changed."),
            Some("8")
        );
        assert_eq!(cited("The agency grew to 9,000 staff.¹²"), Some("¹²"));
        assert_eq!(cited("The agency grew to 9,000 staff.^12"), Some("^12"));
        assert_eq!(cited("The act of $2 0 0 4 ^ { 5 }$ required it."), Some("^ { 5 }"));
        assert_eq!(cited("HITRAC products90 include assessments."), Some("90"));
        assert_eq!(
            cited("The office contributes items to the Daily Brief35 providing a view."),
            Some("35")
        );
    }

    #[test]
    fn decimals_and_figures_are_not_notes() {
        assert_eq!(cited("Inflation rose 3.14 percent."), None);
        assert_eq!(cited("The budget grew to 1,200 posts in 2019."), None);
        assert_eq!(cited("Section 3.2 sets the rule."), None);
    }

    #[test]
    fn laws_and_reports_by_number() {
        assert_eq!(cited("Congress created it (P.L. 115-232)."), Some("P.L. 115-232"));
        assert_eq!(cited("Congress amended it (P.L. 102- 496)."), Some("P.L. 102- 496"));
        assert_eq!(
            cited("It was amended by Pub. L. 108-458, and later."),
            Some("Pub. L. 108-458")
        );
        assert_eq!(
            cited("It is defined in 6 U.S.C. 101 as a department."),
            Some("6 U.S.C. 101")
        );
        assert_eq!(cited("See 118 Stat. 3638 for the text."), Some("118 Stat. 3638"));
        assert_eq!(cited("The backlog doubled (GAO-19-123)."), Some("GAO-19-123"));
        assert_eq!(
            cited("The mandate was extended by resolution 2789 (2026) in July."),
            Some("resolution 2789 (2026)")
        );
        assert_eq!(cited("The Panel reported it before (S/2025/412)."), Some("S/2025/412"));
        assert_eq!(
            cited("A source gave the Panel photographs of the crates (see annex 7)."),
            Some("(see annex 7)")
        );
        assert_eq!(cited("The annex lists 40 names."), None);
        assert_eq!(
            cited("Staniland (2014) traces the cohesion of insurgent groups to their networks."),
            Some("Staniland (2014)")
        );
        assert_eq!(
            cited("As Kalyvas and Balcells (2010, p. 4) find, rebels adapt."),
            Some("Kalyvas and Balcells (2010, p. 4)")
        );
        assert_eq!(cited("The group (formed in 2014) grew."), None);
        assert_eq!(
            cited("CRS Report RL34231 describes the powers."),
            Some("CRS Report RL34231")
        );
        assert_eq!(
            cited("The committee agreed (H.Rept. 110-478)."),
            Some("H.Rept. 110-478")
        );
        assert_eq!(
            cited("The districts were named in Notification No. 12/2024 of the commission."),
            Some("Notification No. 12/2024")
        );
        assert_eq!(cited("It was the No. 1 priority for the army."), None);
    }

    #[test]
    fn parenthesised_sources_and_author_years() {
        assert_eq!(
            cited("Attacks rose sharply (Smith, 2019; Khan and Lee, 2021)."),
            Some("(Smith, 2019; Khan and Lee, 2021)")
        );
        assert_eq!(
            cited("Five soldiers died (Reuters, 4 May 2025)."),
            Some("(Reuters, 4 May 2025)")
        );
        assert_eq!(
            cited("Attacks rose (Jones et al., 2020, p. 14)."),
            Some("(Jones et al., 2020, p. 14)")
        );
        assert_eq!(cited("Attacks rose (in 2019, sharply)."), None);
        assert_eq!(cited("Attack near Gao, 12 soldiers killed (ACLED)."), Some("(ACLED)"));
        assert_eq!(
            cited("It was founded by the Armed Conflict Location & Event Data Project (ACLED)."),
            None
        );
        assert_eq!(
            cited("The cell found 14 firms (Joint Staff, Finance Handbook, Vol. II, p. 37)."),
            Some("(Joint Staff, Finance Handbook, Vol. II, p. 37)")
        );
    }

    #[test]
    fn what_is_not_a_parenthesised_source() {
        assert_eq!(cited("Attacks rose (the TTP, in 2025)."), None);
        assert_eq!(cited("The Tehreek-e-Taliban Pakistan (TTP) attacked."), None);
        assert_eq!(cited("The post fell (Dawn, May 4, 2025)."), Some("(Dawn, May 4, 2025)"));
        assert_eq!(
            cited("The post fell (UN Monitoring Team, 2025)."),
            Some("(UN Monitoring Team, 2025)")
        );
    }

    #[test]
    fn references_marks_and_urls() {
        assert_eq!(cited("as noted [4, 7] before"), Some("[4, 7]"));
        assert_eq!(cited("the [sic] quote"), None);
        assert_eq!(cited("Five soldiers died [3]."), Some("[3]"));
        assert_eq!(cited("Five soldiers died.[^a]"), Some("[^a]"));
        assert_eq!(
            cited("Figures at https://acleddata.com show it."),
            Some("https://acleddata.com")
        );
    }
}
