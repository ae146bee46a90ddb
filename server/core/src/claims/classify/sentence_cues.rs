//! Which cues' regexes a sentence's words leave open, found by one word-gate look-up per word, and those cues run
//! on the sentence only; the citations its marks allow.

use crate::claims::word_gate::{Open, WordGate};
use crate::claims::{citations, cues, likelihood};
use crate::text::words::Token;
use regex::{Match, Regex};
use std::ops::Range;
use std::sync::OnceLock;

/// The cues whose regexes run on a sentence only when its words could start a match (see `word_gate`).
#[derive(Clone, Copy)]
pub(super) enum Gated {
    AuthorJudgement,
    Hedge,
    Figure,
    Cause,
    Judgement,
    BareUrl,
    WritersNote,
}

impl Gated {
    const ALL: [Gated; 7] = [
        Gated::AuthorJudgement,
        Gated::Hedge,
        Gated::Figure,
        Gated::Cause,
        Gated::Judgement,
        Gated::BareUrl,
        Gated::WritersNote,
    ];

    fn regex(self) -> &'static Regex {
        match self {
            Gated::AuthorJudgement => cues::author_judgement(),
            Gated::Hedge => cues::hedge(),
            Gated::Figure => cues::figure(),
            Gated::Cause => cues::cause(),
            Gated::Judgement => cues::judgement(),
            Gated::BareUrl => citations::bare_url_pattern(),
            Gated::WritersNote => cues::writers_note(),
        }
    }

    fn key_words(self) -> &'static [&'static str] {
        match self {
            Gated::AuthorJudgement => cues::AUTHOR_JUDGEMENT_WORDS,
            Gated::Hedge => cues::HEDGE_WORDS,
            Gated::Figure => cues::FIGURE_WORDS,
            Gated::Cause => cues::CAUSE_WORDS,
            Gated::Judgement => cues::JUDGEMENT_WORDS,
            Gated::BareUrl => citations::BARE_URL_WORDS,
            Gated::WritersNote => cues::WRITERS_NOTE_WORDS,
        }
    }
}

/// The rules' patterns that the classifier's word gate answers for too, after its own cues (see
/// [`RuleCues`](super::RuleCues)).
#[derive(Clone, Copy)]
pub(super) enum RulePattern {
    RelativeDate,
    LikelihoodTerm,
    LikelihoodHedge,
    Confidence,
}

impl RulePattern {
    const ALL: [RulePattern; 4] = [
        RulePattern::RelativeDate,
        RulePattern::LikelihoodTerm,
        RulePattern::LikelihoodHedge,
        RulePattern::Confidence,
    ];

    fn key_words(self) -> &'static [&'static str] {
        match self {
            RulePattern::RelativeDate => cues::RELATIVE_DATE_WORDS,
            RulePattern::LikelihoodTerm => likelihood::TERM_WORDS,
            RulePattern::LikelihoodHedge => likelihood::HEDGE_WORDS,
            RulePattern::Confidence => likelihood::CONFIDENCE_WORDS,
        }
    }

    /// Its pattern's number in the gate.
    pub(super) fn gate_index(self) -> usize {
        Gated::ALL.len() + self as usize
    }
}

/// The cues anchored at the start of a sentence, run only when its first word could begin them.
#[derive(Clone, Copy)]
pub(super) enum Opening {
    Caption,
    LinkTeaser,
    MetaText,
    CrossReference,
    Instruction,
}

impl Opening {
    const ALL: [Opening; 5] = [
        Opening::Caption,
        Opening::LinkTeaser,
        Opening::MetaText,
        Opening::CrossReference,
        Opening::Instruction,
    ];

    fn regex(self) -> &'static Regex {
        match self {
            Opening::Caption => cues::caption(),
            Opening::LinkTeaser => cues::link_teaser(),
            Opening::MetaText => cues::meta_text(),
            Opening::CrossReference => cues::cross_reference(),
            Opening::Instruction => cues::instruction(),
        }
    }

    fn key_words(self) -> &'static [&'static str] {
        match self {
            Opening::Caption => cues::CAPTION_WORDS,
            Opening::LinkTeaser => cues::LINK_TEASER_WORDS,
            Opening::MetaText => cues::META_TEXT_WORDS,
            Opening::CrossReference => cues::CROSS_REFERENCE_WORDS,
            Opening::Instruction => cues::INSTRUCTION_WORDS,
        }
    }
}

/// A sentence's text and which gated cues its words leave open: one look-up per word, on the words the
/// classifier has already split, instead of a pass of each cue's regex over the text.
pub(super) struct SentenceCues<'t> {
    pub(super) text: &'t str,
    pub(super) open: Open,
    /// The anchored cues its first word leaves open.
    opening: Open,
    /// What its tokens hold, counted in one pass.
    pub(super) counts: TokenCounts,
}

/// How many words a sentence has, whether one is a figure, and which of the marks that some cues' regexes need
/// it has (each mark is a token of its own, so no search of the text is needed for them).
#[derive(Clone, Copy, Default)]
pub(super) struct TokenCounts {
    pub(super) words: usize,
    pub(super) figure: bool,
    bracket: bool,
    parenthesis: bool,
    pub(super) ellipsis: bool,
}

impl TokenCounts {
    /// The counts of the tokens, and the patterns of `gate` their words open, in one pass.
    fn of(tokens: &[Token], gate: &WordGate) -> (TokenCounts, Open) {
        let mut counts = TokenCounts::default();
        let mut open = Open::NONE;
        for token in tokens {
            if token.word {
                counts.words += 1;
                counts.figure |= token.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
                open = gate.open_word(token, open);
                continue;
            }
            // A mark is one char: its first byte tells these apart without comparing strings.
            match token.text.as_bytes().first() {
                Some(b'[') => counts.bracket = true,
                Some(b'(') => counts.parenthesis = true,
                Some(0xE2) => counts.ellipsis |= token.text == "…",
                _ => {}
            }
        }
        (counts, open)
    }
}

impl<'t> SentenceCues<'t> {
    pub(super) fn of(text: &'t str, tokens: &[Token]) -> SentenceCues<'t> {
        static GATE: OnceLock<WordGate> = OnceLock::new();
        static FIRST_WORD_GATE: OnceLock<WordGate> = OnceLock::new();
        let gate = GATE.get_or_init(|| {
            let cues = Gated::ALL.map(|cue| cue.key_words().iter().copied());
            WordGate::new(
                cues.into_iter()
                    .chain(RulePattern::ALL.map(|rule| rule.key_words().iter().copied())),
            )
        });
        let first_word_gate =
            FIRST_WORD_GATE.get_or_init(|| WordGate::new(Opening::ALL.map(|cue| cue.key_words().iter().copied())));
        let (counts, open) = TokenCounts::of(tokens, gate);
        SentenceCues {
            text,
            open,
            opening: first_word_gate.open_first_word(tokens),
            counts,
        }
    }

    pub(super) fn opens_with(&self, cue: Opening) -> bool {
        self.opening.may_match(cue as usize) && cue.regex().is_match(self.text)
    }

    pub(super) fn find(&self, cue: Gated) -> Option<Match<'t>> {
        self.find_iter(cue).next()
    }

    pub(super) fn find_iter(&self, cue: Gated) -> impl Iterator<Item = Match<'t>> {
        let open = self.open.may_match(cue as usize);
        open.then(|| cue.regex().find_iter(self.text)).into_iter().flatten()
    }
}

pub(super) fn written_citation(cues: &SentenceCues) -> Option<Range<usize>> {
    let marks = citations::Marks {
        bracket: cues.counts.bracket,
        parenthesis: cues.counts.parenthesis,
    };
    citations::find(cues.text, marks, cues.open.may_match(Gated::BareUrl as usize))
}
