//! The numbers of one document's report, computed from the same analysis `check` reports: each sentence's class
//! and reason, its findings, the sections and the counts. Sources and actors are in `sources.rs` and `actors.rs`.

use brieflint_core::claims::ClaimClass;
use brieflint_core::{Analysis, Finding};
use serde::Serialize;
use std::collections::BTreeMap;

/// How the report shows a sentence. A sentence the classifier flags is shown as flagged only when `check`
/// reports it; one the document answers (its genre, a section of sources, a suppression) is "not asked", so the
/// report's counts are `check`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Mark {
    #[serde(rename = "a")]
    Attributed,
    #[serde(rename = "v")]
    Vague,
    #[serde(rename = "u")]
    Unattributed,
    #[serde(rename = "x")]
    NotAsked,
    #[serde(rename = "n")]
    NotAClaim,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Mark::Attributed,
        Mark::Vague,
        Mark::Unattributed,
        Mark::NotAsked,
        Mark::NotAClaim,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mark::Attributed => "attributed",
            Mark::Vague => "vague",
            Mark::Unattributed => "unattributed",
            Mark::NotAsked => "not asked",
            Mark::NotAClaim => "not a claim",
        }
    }

    /// The short name the page's CSS and patterns use.
    pub fn key(self) -> &'static str {
        match self {
            Mark::Attributed => "a",
            Mark::Vague => "v",
            Mark::Unattributed => "u",
            Mark::NotAsked => "x",
            Mark::NotAClaim => "n",
        }
    }
}

/// How many sentences of each mark, and the findings.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub sentences: usize,
    pub attributed: usize,
    pub vague: usize,
    pub unattributed: usize,
    pub not_asked: usize,
    pub not_a_claim: usize,
    pub findings: usize,
}

impl Counts {
    pub fn add(&mut self, mark: Mark) {
        self.sentences += 1;
        *match mark {
            Mark::Attributed => &mut self.attributed,
            Mark::Vague => &mut self.vague,
            Mark::Unattributed => &mut self.unattributed,
            Mark::NotAsked => &mut self.not_asked,
            Mark::NotAClaim => &mut self.not_a_claim,
        } += 1;
    }

    /// Add another document's counts (the totals of several files).
    pub fn absorb(&mut self, other: &Counts) {
        self.sentences += other.sentences;
        self.attributed += other.attributed;
        self.vague += other.vague;
        self.unattributed += other.unattributed;
        self.not_asked += other.not_asked;
        self.not_a_claim += other.not_a_claim;
        self.findings += other.findings;
    }

    pub fn of(&self, mark: Mark) -> usize {
        match mark {
            Mark::Attributed => self.attributed,
            Mark::Vague => self.vague,
            Mark::Unattributed => self.unattributed,
            Mark::NotAsked => self.not_asked,
            Mark::NotAClaim => self.not_a_claim,
        }
    }

    /// Sentences that assert something, asked for a source or not.
    pub fn claims(&self) -> usize {
        self.attributed + self.vague + self.unattributed + self.not_asked
    }

    /// The share of claims with no named source (vague or unattributed), 0 to 1.
    pub fn unsourced_share(&self) -> f64 {
        ratio(self.vague + self.unattributed, self.claims())
    }
}

pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// One finding as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct FindingView {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
}

impl FindingView {
    fn of(finding: &Finding) -> FindingView {
        FindingView {
            code: finding.code,
            severity: finding.severity.as_str(),
            message: finding.message.clone(),
        }
    }
}

/// One sentence: where it is, how it is marked, why, and the findings on it.
#[derive(Clone, Debug)]
pub struct SentenceInfo {
    pub range: std::ops::Range<usize>,
    pub mark: Mark,
    /// The reason as `brieflint classify` prints it.
    pub reason: String,
    pub findings: Vec<FindingView>,
}

/// A heading's section: its title and its sentences' counts.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub title: String,
    /// The index of its first sentence.
    pub first: usize,
    pub counts: Counts,
}

/// Everything one document's page shows but its sources and actors.
pub struct DocumentModel {
    pub sentences: Vec<SentenceInfo>,
    pub sections: Vec<Section>,
    pub counts: Counts,
    /// Findings per rule, most first.
    pub rules: Vec<(&'static str, usize)>,
    /// Findings that fall in no sentence (a whole-document note).
    pub loose_findings: Vec<FindingView>,
}

pub fn document_model(analysis: &Analysis) -> DocumentModel {
    let document = &analysis.document;
    let mut findings_of: Vec<Vec<&Finding>> = vec![Vec::new(); document.sentences.len()];
    let mut loose_findings = Vec::new();
    let mut by_rule = BTreeMap::<&'static str, usize>::new();
    for finding in &analysis.findings {
        *by_rule.entry(finding.code).or_default() += 1;
        match document.sentence_at(finding.range.start) {
            Some((index, _)) => findings_of[index].push(finding),
            None => loose_findings.push(FindingView::of(finding)),
        }
    }
    let mut counts = Counts {
        findings: analysis.findings.len(),
        ..Counts::default()
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut sentences = Vec::with_capacity(document.sentences.len());
    for (index, (sentence, verdict)) in document.sentences.iter().zip(&analysis.verdicts).enumerate() {
        let findings = &findings_of[index];
        let mark = mark_of(verdict.class, findings);
        let block = &document.blocks[sentence.block];
        let starts_section = block.kind == brieflint_core::document::BlockKind::Heading
            && sections
                .last()
                .is_none_or(|s| document.sentences[s.first].block != sentence.block);
        if starts_section || sections.is_empty() {
            sections.push(Section {
                title: if starts_section {
                    block.text.trim().to_string()
                } else {
                    "(before the first heading)".into()
                },
                first: index,
                counts: Counts::default(),
            });
        }
        if let Some(section) = sections.last_mut() {
            section.counts.add(mark);
            section.counts.findings += findings.len();
        }
        counts.add(mark);
        sentences.push(SentenceInfo {
            range: sentence.range.clone(),
            mark,
            reason: format!("{:?}", verdict.reason),
            findings: findings.iter().map(|f| FindingView::of(f)).collect(),
        });
    }
    let mut rules: Vec<(&'static str, usize)> = by_rule.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    DocumentModel {
        sentences,
        sections,
        counts,
        rules,
        loose_findings,
    }
}

/// The mark of a sentence of `class` with `findings` on it: flagged only as `check` flags it, by the two sourcing
/// rules' findings.
fn mark_of(class: ClaimClass, findings: &[&Finding]) -> Mark {
    use brieflint_core::rules::{unattributed_claim, vague_attribution};
    let has = |code: &str| findings.iter().any(|f| f.code == code);
    match class {
        ClaimClass::NotAClaim => Mark::NotAClaim,
        ClaimClass::Attributed => Mark::Attributed,
        _ if has(unattributed_claim::INFO.code) => Mark::Unattributed,
        _ if has(vague_attribution::INFO.code) => Mark::Vague,
        _ => Mark::NotAsked,
    }
}
