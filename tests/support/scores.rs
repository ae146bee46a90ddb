//! Scoring the claim classifier against labelled sentences: flagging precision and recall, and whether a flagged
//! sentence gets the right class (vague or unattributed).

use brieflint_core::claims::ClaimClass;
use brieflint_core::Analysis;
use std::fmt;
use std::ops::Range;

pub fn parse_label(label: &str) -> ClaimClass {
    match label {
        "none" => ClaimClass::NotAClaim,
        "attributed" => ClaimClass::Attributed,
        "vague" => ClaimClass::Vague,
        "unattributed" => ClaimClass::Unattributed,
        other => panic!("unknown label {other:?}"),
    }
}

pub fn is_flag(class: ClaimClass) -> bool {
    matches!(class, ClaimClass::Vague | ClaimClass::Unattributed)
}

/// What the writer is shown for the text in `range`: the class of the sourcing finding (`vague-attribution`,
/// `unattributed-claim`) that covers most of it, or `None` when none does. Findings, not verdicts, so that what
/// a document-level decision (a statute's genre) silences counts as silenced.
pub fn shown_class(analysis: &Analysis, range: &Range<usize>) -> Option<ClaimClass> {
    let overlap = |r: &Range<usize>| r.end.min(range.end).saturating_sub(r.start.max(range.start));
    analysis
        .findings
        .iter()
        .filter_map(|f| match f.code {
            "vague-attribution" => Some((ClaimClass::Vague, overlap(&f.range))),
            "unattributed-claim" => Some((ClaimClass::Unattributed, overlap(&f.range))),
            _ => None,
        })
        .filter(|(_, bytes)| *bytes * 2 > range.len())
        .max_by_key(|(_, bytes)| *bytes)
        .map(|(class, _)| class)
}

/// Counts over a set of labelled sentences.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub sentences: usize,
    pub true_flags: usize,
    pub false_flags: usize,
    pub missed_flags: usize,
    /// Sentences labelled and flagged both, and of those, flagged with the labelled class.
    pub both_flagged: usize,
    pub right_class: usize,
}

impl Score {
    /// Count one sentence labelled `label` and shown as `shown`; whether it was scored right.
    pub fn add(&mut self, label: ClaimClass, shown: Option<ClaimClass>) -> bool {
        self.sentences += 1;
        match (shown, is_flag(label)) {
            (Some(class), true) => {
                self.true_flags += 1;
                self.both_flagged += 1;
                self.right_class += usize::from(class == label);
                class == label
            }
            (Some(_), false) => {
                self.false_flags += 1;
                false
            }
            (None, true) => {
                self.missed_flags += 1;
                false
            }
            (None, false) => true,
        }
    }

    pub fn precision(&self) -> f64 {
        self.true_flags as f64 / (self.true_flags + self.false_flags).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.true_flags as f64 / (self.true_flags + self.missed_flags).max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r).max(f64::EPSILON)
    }

    /// Of the sentences both labelled and shown as flagged, the share with the labelled class.
    pub fn class_accuracy(&self) -> f64 {
        self.right_class as f64 / self.both_flagged.max(1) as f64
    }

    pub fn merged(self, other: Score) -> Score {
        Score {
            sentences: self.sentences + other.sentences,
            true_flags: self.true_flags + other.true_flags,
            false_flags: self.false_flags + other.false_flags,
            missed_flags: self.missed_flags + other.missed_flags,
            both_flagged: self.both_flagged + other.both_flagged,
            right_class: self.right_class + other.right_class,
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} sentences; flag precision {:.3}, recall {:.3}, F1 {:.3}; vague-vs-unattributed accuracy {:.3} ({} flags: {} right, {} wrong, {} missed)",
            self.sentences,
            self.precision(),
            self.recall(),
            self.f1(),
            self.class_accuracy(),
            self.true_flags + self.false_flags,
            self.true_flags,
            self.false_flags,
            self.missed_flags
        )
    }
}
