//! The document's own author, when the document names it: an audit office, an inspector general or a research
//! service writes of itself in the third person ("GAO reviewed the program's guidance", "GAO was asked to
//! review …"). Those sentences are the author's voice, as "we reviewed" is, not claims that need a source.
//!
//! The author is read from what such reports print: `author:` in front matter, a report number that opens with
//! the author's short name near the top ("Highlights of GAO-12-679", "DODIG-2021-077"), or a heading that puts
//! it to work ("What GAO Found", "Why GAO Did This Study", "What GAO Recommends"). It must then stand in the
//! text a few times, so that a stray number names no one.

use crate::util::floor_char_boundary;
use regex::Regex;
use std::sync::OnceLock;

/// How far into the document a report number counts: its cover and summary page.
const COVER: usize = 4096;
/// How far into the document a UN body's letter of transmittal or its report's title counts.
const HEAD: usize = 1500;

/// The short name the document's author uses for itself, if the document shows one.
pub fn document_author(text: &str) -> Option<String> {
    let cover = &text[..floor_char_boundary(text, COVER)];
    let head = &text[..floor_char_boundary(text, HEAD)];
    // Each way a document may show its author, in turn; the first whose name stands in the text a few times, so
    // that a stray number ("KSC-BC-2024-07") names no one.
    let declared = || {
        crate::document::front_matter::field(text, "author")
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
    };
    let numbered = || report_number().captures(cover).map(|c| c[1].to_string());
    let headed = || author_heading().captures(text).map(|c| c[1].to_string());
    // Only the document's head says whose report it is; a briefing citing the Panel further on is not.
    let expert = || {
        let found = expert_body().captures(head)?;
        found.get(1).or_else(|| found.get(2)).map(|m| m.as_str().to_string())
    };
    let candidates: [&dyn Fn() -> Option<String>; 7] = [
        &declared,
        &numbered,
        &headed,
        &expert,
        &|| issuer_of_a_release(head),
        &|| bench_of_a_judgment(head),
        &|| mission_of_a_report(head),
    ];
    candidates
        .iter()
        .filter_map(|candidate| candidate())
        .find(|found| word_count(text, found, 3) >= 3)
}

/// Whether the sentence opens with a linking word set off by a comma ("For example,", "In addition,"), by which
/// it goes on with the sentence before.
pub fn links_to_the_sentence_before(sentence: &str) -> bool {
    use crate::text::lower_case::Lowered;
    use crate::text::words::tokens_into;
    let head = &sentence[..floor_char_boundary(sentence, 64)];
    if !head.contains(',') {
        return false;
    }
    let mut lowered = Lowered::with_capacity(head.len());
    lowered.push(head);
    let mut tokens = Vec::new();
    tokens_into(head, lowered.part(0..head.len()), &mut tokens);
    crate::claims::clause::opening(&tokens) > 0
}

/// Whether the sentence's main clause has the author as its subject: "GAO reviewed …", "In addition, GAO
/// found …"; not "DHS told GAO …".
pub fn speaks_as_author(sentence: &str, author: &str) -> bool {
    let sentence = sentence.trim_start();
    // The author stands as the subject near the start, or not at all: only the start is searched.
    if !sentence[..floor_char_boundary(sentence, 96)].contains(author) {
        return false;
    }
    // "7. The Panel inspected …": a numbered paragraph, and the article a body's common name takes.
    let sentence = match sentence.split_once(". ") {
        Some((number, rest)) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => sentence,
    };
    // A short linking phrase before a comma ("In addition,", "As a result,") leaves the main clause after it.
    let main = match sentence.split_once(", ") {
        Some((lead, rest)) if lead.split_whitespace().count() <= 5 && !lead.contains(author) => rest,
        _ => sentence,
    };
    let main = main
        .strip_prefix("The ")
        .or_else(|| main.strip_prefix("the "))
        .unwrap_or(main);
    // "The Mission, together with the Church, facilitated …": an aside between the author and its verb.
    let Some(rest) = main.strip_prefix(author).and_then(|r| {
        r.strip_prefix(' ').or_else(|| {
            r.strip_prefix(", ")
                .and_then(|aside| aside.split_once(", ").map(|(_, verb)| verb))
        })
    }) else {
        return false;
    };
    // A verb follows the subject: a lower-case word ("reviewed", "was asked", "also recommends").
    let next = rest.split_whitespace().next().unwrap_or_default();
    rest.starts_with(|c: char| c.is_lowercase()) && !matches!(next, "of" | "on" | "for" | "in" | "and" | "to")
}

/// Whether the author states a finding anywhere in the sentence: "… but GAO found that …", "Of the 11
/// deployments GAO reviewed, seven …". Its paragraph then goes on with the author's findings.
pub fn finds_as_author(sentence: &str, author: &str) -> bool {
    sentence.match_indices(author).any(|(at, _)| {
        let before_ok = !sentence[..at].ends_with(|c: char| c.is_alphanumeric());
        let next = sentence[at + author.len()..].strip_prefix(' ').unwrap_or_default();
        let verb = next.split_whitespace().next().unwrap_or_default();
        before_ok
            && matches!(
                verb.trim_end_matches([',', '.']),
                "found"
                    | "reviewed"
                    | "identified"
                    | "determined"
                    | "analyzed"
                    | "analysed"
                    | "estimated"
                    | "concluded"
            )
    })
}

fn report_number() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"\b([A-Z]{2,8})-\d{2,4}-\d{1,4}[A-Z]?\b").unwrap())
}

/// A UN expert body reporting on its own work calls itself "the Panel", "the Group" or "the Monitoring Team"
/// ("Final report of the Panel of Experts on …").
fn expert_body() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?:[Rr]eport of|[Ff]rom|[Mm]embers of) the (Panel|Group) of Experts\b|(?:[Rr]eport of|[Ff]rom) the (?:Analytical Support and Sanctions )?(Monitoring Team)\b",
        )
        .unwrap()
    })
}

/// The Secretary-General's report on a UN mission speaks through the mission ("United Nations Verification
/// Mission in Colombia", "Report of the Secretary-General", then "The Mission verified …").
fn mission_of_a_report(head: &str) -> Option<String> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let mission =
        PATTERN.get_or_init(|| Regex::new(r"\bUnited Nations (?:[A-Z][a-z]+ ){0,3}(Mission) (?:in|to|for)\b").unwrap());
    head.contains("Report of the Secretary-General")
        .then(|| mission.captures(head))
        .flatten()
        .map(|c| c[1].to_string())
}

/// A press release speaks for the body whose letterhead heads it ("MINISTRY OF FOREIGN AFFAIRS …" above "PRESS
/// RELEASE | Warsaw, 5 December 2026"): "The Ministry considers …" is its own voice. The body is named by its
/// kind, as the release names itself.
fn issuer_of_a_release(head: &str) -> Option<String> {
    let lower = head.to_lowercase();
    if ![
        "press release",
        "news release",
        "press statement",
        "for immediate release",
    ]
    .iter()
    .any(|mark| lower.contains(mark))
    {
        return None;
    }
    const ISSUERS: &[&str] = &[
        "Ministry",
        "Department",
        "Embassy",
        "Directorate",
        "Secretariat",
        "Commission",
        "Presidency",
        "Command",
        "Mission",
    ];
    // The letterhead's first line that names one of them.
    head.lines().take(6).find_map(|line| {
        let line_lower = line.to_lowercase();
        ISSUERS
            .iter()
            .find(|issuer| {
                line_lower
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w == issuer.to_lowercase())
            })
            .map(|issuer| issuer.to_string())
    })
}

/// A court's judgment speaks as its bench: "The Chamber finds …", "The Panel is not satisfied …". The head names
/// both the judgment and the bench ("Before: Trial Panel III", "TRIAL CHAMBER I").
fn bench_of_a_judgment(head: &str) -> Option<String> {
    let lower = head.to_lowercase();
    if !(lower.contains("judgment") || lower.contains("judgement")) {
        return None;
    }
    ["Chamber", "Panel", "Court", "Tribunal"]
        .iter()
        .find(|bench| {
            let bench = bench.to_lowercase();
            ["trial ", "appeals ", "pre-trial ", "before: "]
                .iter()
                .any(|before| lower.contains(&format!("{before}{bench}")))
                || lower.contains(&format!("the {bench} finds"))
        })
        .map(|bench| bench.to_string())
}

fn author_heading() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?m)^#+\s*(?:What|Why)\s+([A-Z]{2,8})\s+(?:Found|Recommends|Did\s+This\s+(?:Study|Review|Audit|Evaluation))\b")
            .unwrap()
    })
}

/// How often `name` stands in the text as a word of its own, counted up to `enough`.
fn word_count(text: &str, name: &str, enough: usize) -> usize {
    text.match_indices(name)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .take(enough)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_is_read_from_the_report_number_or_its_headings() {
        let audit = "# Border security\n\nHighlights of GAO-27-104, a report to congressional committees\n\n\
                     GAO reviewed the guidance. GAO was asked to review the program. DHS told GAO it agreed.\n";
        assert_eq!(document_author(audit).as_deref(), Some("GAO"));
        let headed = "# What OIG Found\n\nOIG reviewed the files. OIG found gaps. OIG recommends changes.\n";
        assert_eq!(document_author(headed).as_deref(), Some("OIG"));
        // A report number cited once names no author.
        let briefing = "The TTP attacked a post, the ISPR said (see UN report S-2024-556).\n";
        assert_eq!(document_author(briefing), None);
        // The Secretary-General's report on a mission speaks through it.
        let report = "# United Nations Verification Mission in Colombia\n\n## Report of the Secretary-General\n\n\
                      1. The Mission opened two offices. The Mission met leaders.\n\n\
                      8. The Mission facilitated the release of four soldiers.\n";
        assert_eq!(document_author(report).as_deref(), Some("Mission"));
        let briefing = "# Colombia\n\nThe United Nations Verification Mission in Colombia met leaders. The Mission \
                        said the Mission would stay.\n";
        assert_eq!(document_author(briefing), None);
    }

    #[test]
    fn the_author_as_subject_speaks_in_its_own_voice() {
        assert!(speaks_as_author("GAO reviewed the program's guidance.", "GAO"));
        assert!(speaks_as_author(
            "7. On 2 November, the Mission, together with the Church, facilitated the release of four soldiers.",
            "Mission"
        ));
        assert!(speaks_as_author(
            "In addition, GAO was asked to review the program.",
            "GAO"
        ));
        assert!(!speaks_as_author("DHS told GAO that it agreed.", "GAO"));
        assert!(!speaks_as_author("GAO's prior work found gaps.", "GAO"));
        assert!(!speaks_as_author("GAO Contact and Staff Acknowledgments", "GAO"));
        assert!(speaks_as_author("7. The Panel inspected 23 rifles.", "Panel"));
        assert!(!speaks_as_author("The Panel of Experts was set up in 2013.", "Panel"));
        assert!(speaks_as_author(
            "2. During the reporting period, the Panel travelled to Bangui.",
            "Panel"
        ));
    }

    #[test]
    fn a_judgment_speaks_as_its_bench() {
        // The case number looks like a report number but names no one the text speaks as.
        let judgment = "## KOSOVO SPECIALIST CHAMBERS\n\nIn: KSC-BC-2024-07\n\nBefore: Trial Panel III\n\nPublic Redacted Version of Trial \
                        Judgment\n\n416. The Panel is not satisfied that the roster was written in 1999. The Panel \
                        has therefore not relied on it. The Panel recalls its earlier finding.\n";
        assert_eq!(document_author(judgment).as_deref(), Some("Panel"));
        assert!(speaks_as_author(
            "416. The Panel is not satisfied that the roster is genuine.",
            "Panel"
        ));
        // A report on a trial names a panel without being the court's own judgment.
        let report = "## Weekly brief\n\nThe trial panel heard two witnesses. The Panel adjourned. The Panel met.\n";
        assert_eq!(document_author(report), None);
    }

    #[test]
    fn a_press_release_speaks_for_the_body_on_its_letterhead() {
        let release = "## MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF POLAND\n\nPRESS RELEASE | Warsaw, 5 December \
                       2026\n\nThe Ministry of Foreign Affairs condemns the attack. The Ministry considers it part of \
                       a hybrid operation. The Ministry calls on Belarus to end it.\n";
        assert_eq!(document_author(release).as_deref(), Some("Ministry"));
        assert!(speaks_as_author(
            "The Ministry considers it part of a hybrid operation.",
            "Ministry"
        ));
        // A briefing that quotes a ministry is no release of its own.
        let briefing = "## Weekly brief\n\nThe Ministry of Defence said the Ministry would respond. The Ministry \
                        did not say when.\n";
        assert_eq!(document_author(briefing), None);
    }

    #[test]
    fn a_un_expert_body_reporting_on_its_work_is_the_author() {
        let report = "# Final report of the Panel of Experts on the Central African Republic\n\n\
                      The Panel travelled to Bangui. The Panel inspected rifles. The Panel will continue to investigate.\n";
        assert_eq!(document_author(report).as_deref(), Some("Panel"));
        let team = "# Report of the Analytical Support and Sanctions Monitoring Team\n\n\
                    The Monitoring Team met officials. The Monitoring Team notes gaps. The Monitoring Team will report.\n";
        assert_eq!(document_author(team).as_deref(), Some("Monitoring Team"));
        // A briefing that cites the Monitoring Team is not its report.
        let briefing = "# Kurram weekly\n\nThe UN Monitoring Team reported new camps. The Monitoring Team said so. \
                        The Monitoring Team counted 40.\n";
        assert_eq!(document_author(briefing), None);
    }
}
