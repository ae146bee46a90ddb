//! The sentence classifier. It decides, in this order: not a claim (heading, question, instruction, caption,
//! fragment …); attributed (citation, the author's marked judgement, a named source, or a source carried from
//! the sentence before); vaguely attributed (anonymous source, hedge, or "he said" with no one to refer to);
//! otherwise unattributed. Every verdict carries the reason and where in the sentence the cue is.

use super::sources::{self, SentenceWords, SourceKind};
use super::word_gate::{Open, WordGate};
use super::{citations, clause, cues, likelihood};
use crate::actors::{KnowledgeBase, Mention};
use crate::document::{BlockKind, Document, Sentence};
use crate::model::RuleSettings;
use crate::text::lower_case::{LowerCase, Lowered};
use crate::text::words::{self, tokens_into, Token};
use regex::{Match, Regex};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimClass {
    NotAClaim,
    Attributed,
    Vague,
    Unattributed,
}

impl ClaimClass {
    pub fn label(self) -> &'static str {
        match self {
            ClaimClass::NotAClaim => "none",
            ClaimClass::Attributed => "attributed",
            ClaimClass::Vague => "vague",
            ClaimClass::Unattributed => "unattributed",
        }
    }
}

/// What an unsourced sentence asserts, with the words that show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assertion {
    Figure(String),
    Cause(String),
    Judgement(String),
    Event(String),
    Statement,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Heading,
    Question,
    Instruction,
    Caption,
    LinkTeaser,
    MetaText,
    Fragment,
    SourceNote,
    /// What someone must, should or shall do: a statute's provision, doctrine, a recommendation.
    Prescription,
    Definition,
    Citation(String),
    AuthorJudgement(String),
    /// The author in the first person ("I believe", "we found", "in my view"), not a marked judgement.
    AuthorVoice(String),
    NamedSource(String),
    CarriedOver(String),
    AnonymousSource(String),
    Hedge(String),
    UnnamedSpeaker(String),
    Unsourced(Assertion),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub class: ClaimClass,
    pub reason: Reason,
    /// Where the deciding cue stands, as a range of the sentence's plain text.
    pub cue: Option<Range<usize>>,
}

impl Verdict {
    fn new(class: ClaimClass, reason: Reason, cue: Option<Range<usize>>) -> Verdict {
        Verdict { class, reason, cue }
    }

    /// The named source a following "He said …" may continue.
    fn carries(&self) -> Option<&str> {
        match &self.reason {
            Reason::NamedSource(s) | Reason::CarriedOver(s) | Reason::Citation(s) => Some(s),
            _ => None,
        }
    }
}

/// Which of the rules' patterns a sentence's words leave open: the classifier looks its words up anyway, and
/// one look-up answers for its own cues and these at once, where a rule's regex would scan every byte.
#[derive(Clone, Copy, Debug)]
pub struct RuleCues(Open);

impl RuleCues {
    /// Of a sentence the classifier does not split into words (a heading, a footnote): every pattern open.
    const UNKNOWN: RuleCues = RuleCues(Open::EVERY);

    /// Whether [`cues::relative_date`] may match the sentence; if not, it does not.
    pub fn may_have_relative_date(self) -> bool {
        self.0.may_match(RulePattern::RelativeDate.gate_index())
    }

    /// Whether [`likelihood::find_terms`] may find a term in the sentence; if not, it finds none.
    pub fn may_have_likelihood_term(self) -> bool {
        self.0.may_match(RulePattern::LikelihoodTerm.gate_index())
    }

    /// Whether [`likelihood::find_hedges`] may find a hedge in the sentence; if not, it finds none.
    pub fn may_have_hedge(self) -> bool {
        self.0.may_match(RulePattern::LikelihoodHedge.gate_index())
    }

    /// Whether [`likelihood::find_confidence`] may find a confidence level in the sentence; if not, it does not.
    pub fn may_have_confidence(self) -> bool {
        self.0.may_match(RulePattern::Confidence.gate_index())
    }
}

/// One verdict per sentence of the document, in order, and which of the rules' patterns each sentence leaves
/// open.
pub fn classify_sentences(
    doc: &Document,
    kb: &KnowledgeBase,
    mentions_by_block: &[Vec<Mention>],
    settings: &RuleSettings,
) -> (Vec<Verdict>, Vec<RuleCues>) {
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(doc.sentences.len());
    let mut rule_cues: Vec<RuleCues> = Vec::with_capacity(doc.sentences.len());
    let lowered = LoweredBlocks::of(doc);
    let mut scratch = Scratch::default();
    // The ranges of the block's mentions of actors that can be a source, found once for all its sentences.
    let mut block_speakers: Option<(usize, Vec<Range<usize>>)> = None;
    let mut within = Within::default();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if block_speakers
            .as_ref()
            .is_none_or(|(block, _)| *block != sentence.block)
        {
            let mut speakers = block_speakers.take().map(|(_, s)| s).unwrap_or_default();
            speakers.clear();
            speakers.extend(
                mentions_by_block[sentence.block]
                    .iter()
                    .filter(|m| kb.actors_of(m).any(|a| a.kind.can_be_a_source()))
                    .map(|m| m.range.clone()),
            );
            block_speakers = Some((sentence.block, speakers));
        }
        let same_block = index
            .checked_sub(1)
            .filter(|&i| doc.sentences[i].block == sentence.block);
        if same_block.is_none() {
            within = Within::default();
        }
        let carry = Carry {
            source: same_block.and_then(|i| verdicts[i].carries()),
            vague_source: same_block.and_then(|i| match &verdicts[i].reason {
                Reason::AnonymousSource(s) | Reason::UnnamedSpeaker(s) => Some(s.as_str()),
                _ => None,
            }),
            subject: within.named_subject.as_deref(),
            inside_quote: within.quote_open,
            previous_figure: within.figure,
        };
        let mut open = RuleCues::UNKNOWN;
        let verdict = classify_sentence(
            &Classifying { doc, settings },
            block_speakers.as_ref().map_or(&[], |(_, s)| s),
            sentence,
            lowered.sentence(sentence),
            carry,
            &mut scratch,
            &mut open,
        );
        within.after(
            doc.sentence_text(sentence),
            scratch.named_subject.take(),
            open.0.may_match(Gated::Figure as usize),
        );
        verdicts.push(verdict);
        rule_cues.push(open);
    }
    (verdicts, rule_cues)
}

/// What a sentence may take its source from, in the sentences before it in its paragraph.
#[derive(Clone, Copy, Default)]
struct Carry<'a> {
    /// The source of the sentence before, named or carried ("The ISPR said …" before "It added …").
    source: Option<&'a str>,
    /// The anonymous source of the sentence before, which a quotation it opened goes on with.
    vague_source: Option<&'a str>,
    /// The named subject of an unsourced sentence before ("The ministry issued a statement." before "The
    /// statement added …").
    subject: Option<&'a str>,
    /// A quotation opened before this sentence and not yet closed.
    inside_quote: bool,
    /// Whether the sentence before states a figure.
    previous_figure: bool,
}

/// What the sentences read so far in a paragraph leave to the next one.
#[derive(Default)]
struct Within {
    named_subject: Option<String>,
    quote_open: bool,
    figure: bool,
}

impl Within {
    /// `figure`: whether the word gate left the figure cue open for the sentence (a digit or a number word).
    fn after(&mut self, text: &str, named_subject: Option<String>, figure: bool) {
        self.named_subject = named_subject;
        let curly = text.matches('“').count() as isize - text.matches('”').count() as isize;
        let straight = text.matches('"').count() % 2 == 1;
        self.quote_open = if curly != 0 {
            curly > 0
        } else {
            self.quote_open ^ straight
        };
        self.figure = figure;
    }
}

/// The text of every block whose sentences are split into words, in lower case, made once for all their
/// sentences' words (one string, so that the tokens of every sentence may borrow from it).
struct LoweredBlocks {
    lowered: Lowered,
    /// Where each block starts in `lowered`, if it is there.
    starts: Vec<Option<usize>>,
}

impl LoweredBlocks {
    fn of(doc: &Document) -> LoweredBlocks {
        let split = |kind: BlockKind| !matches!(kind, BlockKind::Heading | BlockKind::FootnoteDefinition);
        let length = doc.blocks.iter().filter(|b| split(b.kind)).map(|b| b.text.len()).sum();
        let mut lowered = Lowered::with_capacity(length);
        let mut starts = Vec::with_capacity(doc.blocks.len());
        for block in &doc.blocks {
            starts.push(split(block.kind).then_some(lowered.len()));
            if split(block.kind) {
                lowered.push(&block.text);
            }
        }
        // Most blocks are all ASCII, and then so are their sentences.
        let mut ascii_block = None;
        for sentence in &doc.sentences {
            let Some(start) = starts[sentence.block] else {
                continue;
            };
            if ascii_block.is_none_or(|(block, _)| block != sentence.block) {
                ascii_block = Some((sentence.block, doc.blocks[sentence.block].text.is_ascii()));
            }
            if ascii_block.is_some_and(|(_, ascii)| !ascii) {
                lowered.lower_tokens_outside_ascii(doc.sentence_text(sentence), start + sentence.plain.start);
            }
        }
        LoweredBlocks { lowered, starts }
    }

    /// The sentence's lower case; empty for a sentence whose block is not split into words.
    fn sentence(&self, sentence: &Sentence) -> LowerCase<'_> {
        let range =
            self.starts[sentence.block].map_or(0..0, |start| start + sentence.plain.start..start + sentence.plain.end);
        self.lowered.part(range)
    }
}

/// Buffers that every sentence of a document reuses, instead of allocating its own.
#[derive(Default)]
struct Scratch<'t> {
    tokens: Vec<Token<'t>>,
    speakers: Vec<Range<usize>>,
    /// The named subject of the last sentence, when it was unsourced ("The ministry issued a statement.").
    named_subject: Option<String>,
}

/// What every sentence of a document is classified with.
struct Classifying<'a> {
    doc: &'a Document,
    settings: &'a RuleSettings,
}

/// A sentence's verdict; `rule_cues` is set where the sentence's words are looked up, and the scratch's
/// `named_subject` where an unsourced sentence's subject names a source the next sentence may refer back to.
fn classify_sentence<'t>(
    with: &Classifying<'t>,
    block_speakers: &[Range<usize>],
    sentence: &Sentence,
    lower: LowerCase<'t>,
    carry: Carry,
    scratch: &mut Scratch<'t>,
    rule_cues: &mut RuleCues,
) -> Verdict {
    let Classifying { doc, settings } = *with;
    use ClaimClass::*;
    let block = &doc.blocks[sentence.block];
    let text = doc.sentence_text(sentence);
    match block.kind {
        BlockKind::Heading => return Verdict::new(NotAClaim, Reason::Heading, None),
        BlockKind::FootnoteDefinition => return Verdict::new(NotAClaim, Reason::SourceNote, None),
        _ => {}
    }
    let base = sentence.plain.start;
    let Scratch {
        tokens,
        speakers,
        named_subject,
    } = scratch;
    speakers.clear();
    speakers.extend(
        block_speakers
            .iter()
            .filter(|r| r.start >= base && r.end <= sentence.plain.end)
            .map(|r| r.start - base..r.end - base),
    );
    speakers.extend(settings.trusted_sources.iter().flat_map(|name| find_phrase(text, name)));
    tokens_into(text, lower, tokens);
    let words = SentenceWords::new(text, tokens, speakers);
    // Most blocks cite nothing: no call to collect none.
    let citations: Vec<Range<usize>> = if block.citations.is_empty() {
        Vec::new()
    } else {
        block
            .citations
            .iter()
            .filter(|c| c.start < sentence.plain.end && c.end > sentence.plain.start)
            .map(|c| c.start.max(base) - base..c.end.min(sentence.plain.end) - base)
            .collect()
    };

    let cues = SentenceCues::of(text, words.tokens);
    *rule_cues = RuleCues(cues.open);
    if let Some(reason) = not_a_claim(&cues, &words, &citations, block.kind) {
        return Verdict::new(NotAClaim, reason, None);
    }
    if let Some(cue) = citations.first().cloned().or_else(|| written_citation(&cues)) {
        return Verdict::new(Attributed, Reason::Citation(text[cue.clone()].to_string()), Some(cue));
    }
    if let Some(m) = cues.find(Gated::AuthorJudgement) {
        return Verdict::new(
            Attributed,
            Reason::AuthorJudgement(m.as_str().to_string()),
            Some(m.range()),
        );
    }
    let found = sources::find(&words);
    let phrase = |s: &sources::Source| text[s.phrase.clone()].to_string();
    if let Some(s) = found.iter().find(|s| s.kind == SourceKind::Named) {
        return Verdict::new(Attributed, Reason::NamedSource(phrase(s)), Some(s.phrase.clone()));
    }
    if let Some(s) = found.iter().find(|s| s.kind == SourceKind::Anaphoric) {
        return match carry.source.or(carry.subject) {
            Some(source) => Verdict::new(
                Attributed,
                Reason::CarriedOver(source.to_string()),
                Some(s.phrase.clone()),
            ),
            None => Verdict::new(Vague, Reason::UnnamedSpeaker(phrase(s)), Some(s.phrase.clone())),
        };
    }
    if let Some(s) = found.iter().find(|s| s.kind == SourceKind::Anonymous) {
        return Verdict::new(Vague, Reason::AnonymousSource(phrase(s)), Some(s.phrase.clone()));
    }
    if let Some(range) = clause::first_person(text, words.tokens, words.starts) {
        return Verdict::new(
            Attributed,
            Reason::AuthorVoice(text[range.clone()].to_string()),
            Some(range),
        );
    }
    if let Some(range) = settings.vague_phrases.iter().find_map(|p| find_phrase(text, p)) {
        return Verdict::new(
            Vague,
            Reason::AnonymousSource(text[range.clone()].to_string()),
            Some(range),
        );
    }
    if let Some(m) = cues.find(Gated::Hedge) {
        return Verdict::new(Vague, Reason::Hedge(m.as_str().to_string()), Some(m.range()));
    }
    if clause::prescribes(words.tokens, words.starts) {
        return Verdict::new(NotAClaim, Reason::Prescription, None);
    }
    if let Some(source) = carry.source.filter(|_| continues_a_report(&carry, text, &words, &cues)) {
        return Verdict::new(Attributed, Reason::CarriedOver(source.to_string()), None);
    }
    if let Some(source) = carry.vague_source.filter(|_| continues_a_quotation(&carry, text)) {
        return Verdict::new(Vague, Reason::AnonymousSource(source.to_string()), None);
    }
    *named_subject = sources::named_subject(&words);
    let (assertion, cue) = assertion(&cues, &words);
    Verdict::new(Unattributed, Reason::Unsourced(assertion), cue)
}

/// Whether an unsourced sentence goes on with the report of the sentence before: it stands inside the
/// quotation that sentence opened, opens a new quotation right after a quoted speaker, or takes up the figures
/// of a named dataset ("ACLED recorded 310 events in May. That is a third more than in April.").
fn continues_a_report(carry: &Carry, text: &str, words: &SentenceWords, cues: &SentenceCues) -> bool {
    if continues_a_quotation(carry, text) {
        return true;
    }
    let figure = cues.counts.figure || cues.find(Gated::Figure).is_some() || cues::comparison().is_match(text);
    // "The Act dissolved the AEC. It established two agencies.": what a named document does goes on.
    let document = carry.source.is_some_and(sources::names_a_document);
    (document || carry.previous_figure && figure) && sources::refers_back(words)
}

/// Whether the sentence stands inside a quotation opened before it, or opens one right after its speaker.
fn continues_a_quotation(carry: &Carry, text: &str) -> bool {
    carry.inside_quote || text.starts_with(['“', '"'])
}

/// A phrase in the text, ignoring ASCII case, at word boundaries.
fn find_phrase(text: &str, phrase: &str) -> Option<Range<usize>> {
    let phrase = phrase.trim();
    if phrase.is_empty() || phrase.len() > text.len() {
        return None;
    }
    (0..=text.len() - phrase.len())
        .filter(|&i| text.is_char_boundary(i) && text.is_char_boundary(i + phrase.len()))
        .find_map(|i| {
            let candidate = &text[i..i + phrase.len()];
            let before_ok = !text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let after_ok = !text[i + phrase.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            (candidate.eq_ignore_ascii_case(phrase) && before_ok && after_ok).then_some(i..i + phrase.len())
        })
}

/// The cues whose regexes run on a sentence only when its words could start a match (see `word_gate`).
#[derive(Clone, Copy)]
enum Gated {
    AuthorJudgement,
    Hedge,
    Figure,
    Cause,
    Judgement,
    BareUrl,
}

impl Gated {
    const ALL: [Gated; 6] = [
        Gated::AuthorJudgement,
        Gated::Hedge,
        Gated::Figure,
        Gated::Cause,
        Gated::Judgement,
        Gated::BareUrl,
    ];

    fn regex(self) -> &'static Regex {
        match self {
            Gated::AuthorJudgement => cues::author_judgement(),
            Gated::Hedge => cues::hedge(),
            Gated::Figure => cues::figure(),
            Gated::Cause => cues::cause(),
            Gated::Judgement => cues::judgement(),
            Gated::BareUrl => citations::bare_url_pattern(),
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
        }
    }
}

/// The rules' patterns that the classifier's word gate answers for too, after its own cues (see [`RuleCues`]).
#[derive(Clone, Copy)]
enum RulePattern {
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
    fn gate_index(self) -> usize {
        Gated::ALL.len() + self as usize
    }
}

/// The cues anchored at the start of a sentence, run only when its first word could begin them.
#[derive(Clone, Copy)]
enum Opening {
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
struct SentenceCues<'t> {
    text: &'t str,
    open: Open,
    /// The anchored cues its first word leaves open.
    opening: Open,
    /// What its tokens hold, counted in one pass.
    counts: TokenCounts,
}

/// How many words a sentence has, whether one is a figure, and which of the marks that some cues' regexes need
/// it has (each mark is a token of its own, so no search of the text is needed for them).
#[derive(Clone, Copy, Default)]
struct TokenCounts {
    words: usize,
    figure: bool,
    bracket: bool,
    parenthesis: bool,
    ellipsis: bool,
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
    fn of(text: &'t str, tokens: &[Token]) -> SentenceCues<'t> {
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

    fn opens_with(&self, cue: Opening) -> bool {
        self.opening.may_match(cue as usize) && cue.regex().is_match(self.text)
    }

    fn find(&self, cue: Gated) -> Option<Match<'t>> {
        self.find_iter(cue).next()
    }

    fn find_iter(&self, cue: Gated) -> impl Iterator<Item = Match<'t>> {
        let open = self.open.may_match(cue as usize);
        open.then(|| cue.regex().find_iter(self.text)).into_iter().flatten()
    }
}

fn written_citation(cues: &SentenceCues) -> Option<Range<usize>> {
    let marks = citations::Marks {
        bracket: cues.counts.bracket,
        parenthesis: cues.counts.parenthesis,
    };
    citations::find(cues.text, marks, cues.open.may_match(Gated::BareUrl as usize))
}

fn not_a_claim(
    cues: &SentenceCues,
    words: &SentenceWords,
    citations: &[Range<usize>],
    kind: BlockKind,
) -> Option<Reason> {
    let text = cues.text;
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', ' ']);
    if trimmed.ends_with('?') {
        return Some(Reason::Question);
    }
    if cues.opens_with(Opening::Caption) {
        return Some(Reason::Caption);
    }
    let whole_link = citations
        .iter()
        .any(|c| text[..c.start].trim().is_empty() && text[c.end..].trim_matches(['.', ' ']).is_empty());
    if cues.opens_with(Opening::LinkTeaser) || whole_link {
        return Some(Reason::LinkTeaser);
    }
    if cues.opens_with(Opening::MetaText) || cues::byline().is_match(text) {
        return Some(Reason::MetaText);
    }
    if kind == BlockKind::TableCell
        || clause::is_list_piece(text, words.tokens)
        || clause::is_enumerated_piece(words.tokens)
        || clause::is_title(text, words.tokens)
        || clause::is_in_capitals(words.tokens)
    {
        return Some(Reason::Fragment);
    }
    if clause::is_reference_entry(text) {
        return Some(Reason::SourceNote);
    }
    if cues.opens_with(Opening::Instruction)
        || cues.opens_with(Opening::CrossReference)
        || (clause::may_point_elsewhere(text) && cues::points_elsewhere().is_match(text))
        || clause::is_imperative(words.tokens, words.starts)
    {
        return Some(Reason::Instruction);
    }
    if clause::defines(text, words.tokens) {
        return Some(Reason::Definition);
    }
    if clause::is_verbless_phrase(words.tokens, words.starts) {
        return Some(Reason::Fragment);
    }
    // A row of leader dots needs five full stops or two ellipses; the stops are found by memchr's vectorised
    // search, where counting them byte by byte cost more than the rest of this function.
    let leader_marks = cues.counts.ellipsis || memchr::memchr_iter(b'.', text.as_bytes()).nth(4).is_some();
    if leader_marks && cues::contents_leader().is_match(text) {
        return Some(Reason::Fragment);
    }
    let TokenCounts {
        words: sentence_words,
        figure: has_figure,
        ..
    } = cues.counts;
    let ends_like_sentence = trimmed.ends_with(['.', '!']);
    // Without a verb it is a fragment, unless it reads as a full sentence: long enough and closed by a full stop
    // (the verb lexicon cannot know every verb), or a figure stated in a closed sentence. Most sentences read as
    // one, so the verbs are looked for only when that is not enough.
    let reads_as_sentence = ends_like_sentence && (sentence_words >= 7 || (has_figure && sentence_words >= 3));
    if !reads_as_sentence && !words::has_verb(words.tokens) {
        return Some(Reason::Fragment);
    }
    if trimmed.ends_with(':') && sentence_words <= 8 {
        return Some(Reason::Fragment);
    }
    // List items and table cells are often labels ("- A TTP claim of an attack in Punjab", "Security forces"):
    // without closing punctuation they count as claims only with a verb that cannot be a noun.
    let label_block = matches!(kind, BlockKind::ListItem | BlockKind::TableCell);
    let unmistakable = || (0..words.tokens.len()).any(|i| words::is_unmistakable_verb_at(words.tokens, i));
    if label_block
        && !trimmed.ends_with(['.', '!', ';'])
        && (!unmistakable() || kind == BlockKind::TableCell && sentence_words <= 3)
    {
        return Some(Reason::Fragment);
    }
    None
}

const FUNCTION_WORDS: &[&str] = &[
    "in", "on", "at", "of", "to", "and", "or", "the", "a", "an", "for", "by", "from", "with", "as", "was", "were",
    "is", "are", "that", "which", "when", "after", "before", "since", "until", "through", "per",
];

/// What an unsourced sentence asserts: a figure, a cause, a judgement, an event, or a plain statement.
fn assertion(cues: &SentenceCues, words: &SentenceWords) -> (Assertion, Option<Range<usize>>) {
    let text = cues.text;
    // Years and numbers followed by a function word ("in 2011 the", "612 in") are not figures of anything.
    let figure = cues.find_iter(Gated::Figure).find(|m| {
        // "N-25", "F-16": a number inside a name is not a figure.
        let in_name = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c == '-' || c.is_alphanumeric());
        let mut parts = m.as_str().split_whitespace();
        let number = parts.next().unwrap_or_default();
        let unit = parts.next().unwrap_or_default();
        let is_year = number.len() == 4
            && (number.starts_with("19") || number.starts_with("20"))
            && number.chars().all(|c| c.is_ascii_digit());
        !in_name && !is_year && !FUNCTION_WORDS.contains(&unit) && !cues::MONTHS.contains(&unit)
    });
    if let Some(m) = figure {
        return (Assertion::Figure(m.as_str().to_string()), Some(m.range()));
    }
    if let Some(m) = cues.find(Gated::Cause) {
        return (Assertion::Cause(m.as_str().to_string()), Some(m.range()));
    }
    if let Some(m) = cues.find(Gated::Judgement) {
        return (Assertion::Judgement(m.as_str().to_string()), Some(m.range()));
    }
    let verb = (0..words.tokens.len())
        .find(|&i| words::is_verb_at(words.tokens, i) && !words::is_auxiliary(&words.tokens[i], i == 0))
        .map(|i| &words.tokens[i]);
    match verb {
        Some(t) => (Assertion::Event(t.text.to_string()), Some(t.range())),
        None => (Assertion::Statement, None),
    }
}

#[cfg(test)]
mod tests;
