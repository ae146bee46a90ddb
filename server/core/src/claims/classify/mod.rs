//! The sentence classifier. It decides, in this order: not a claim (heading, question, instruction, caption,
//! fragment …); attributed (citation, the author's marked judgement, a named source, or a source carried from
//! the sentence before); vaguely attributed (anonymous source, hedge, or "he said" with no one to refer to);
//! otherwise unattributed. Every verdict carries the reason and where in the sentence the cue is.

mod assertion;
mod carry;
mod not_a_claim;
mod phrases;
mod public_record;
mod sentence_cues;

use super::clause;
use super::sources::{self, SentenceWords, SourceKind};
use super::word_gate::Open;
use crate::actors::{KnowledgeBase, Mention};
use crate::document::{BlockKind, Document, Sentence};
use crate::text::lower_case::{LowerCase, Lowered};
use crate::text::words::{tokens_into, Token};
use assertion::assertion;
use carry::{continues_a_quotation, continues_a_report, Carry, Named, Within};
use not_a_claim::not_a_claim;
use phrases::{find_phrase, people_named_before};
use public_record::official_act;
use sentence_cues::{written_citation, Gated, RulePattern, SentenceCues};
use std::ops::Range;

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
    /// The writer's note on what could not be learned: "did not respond to a request for comment", "could not
    /// independently verify", "it was not immediately clear who …".
    WritersNote,
    /// What someone must, should or shall do: a statute's provision, doctrine, a recommendation.
    Prescription,
    Definition,
    Citation(String),
    AuthorJudgement(String),
    /// The author in the first person ("I believe", "we found", "in my view"), not a marked judgement.
    AuthorVoice(String),
    NamedSource(String),
    /// An official act on a law, a document or an office, by the body named ("Parliament passed the bill").
    PublicRecord(String),
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
    pub fn carries(&self) -> Option<&str> {
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

    /// Whether [`cues::relative_date`](super::cues::relative_date) may match the sentence; if not, it does not.
    pub fn may_have_relative_date(self) -> bool {
        self.0.may_match(RulePattern::RelativeDate.gate_index())
    }

    /// Whether [`likelihood::find_terms`](super::likelihood::find_terms) may find a term in the sentence; if not, it
    /// finds none.
    pub fn may_have_likelihood_term(self) -> bool {
        self.0.may_match(RulePattern::LikelihoodTerm.gate_index())
    }

    /// Whether [`likelihood::find_hedges`](super::likelihood::find_hedges) may find a hedge in the sentence; if not,
    /// it finds none.
    pub fn may_have_hedge(self) -> bool {
        self.0.may_match(RulePattern::LikelihoodHedge.gate_index())
    }

    /// Whether [`likelihood::find_confidence`](super::likelihood::find_confidence) may find a confidence level in the
    /// sentence; if not, it does not.
    pub fn may_have_confidence(self) -> bool {
        self.0.may_match(RulePattern::Confidence.gate_index())
    }
}

/// The team's own sourcing words (`[sources]` in `brieflint.toml`): names it trusts as sources ("ACLED"), and
/// phrases it treats as vague sourcing ("people familiar with the matter").
#[derive(Clone, Copy, Debug, Default)]
pub struct TeamSources<'a> {
    pub trusted: &'a [String],
    pub vague: &'a [String],
}

/// One verdict per sentence of the document, in order, and which of the rules' patterns each sentence leaves
/// open.
pub fn classify_sentences(
    doc: &Document,
    kb: &KnowledgeBase,
    mentions_by_block: &[Vec<Mention>],
    team: TeamSources,
) -> (Vec<Verdict>, Vec<RuleCues>) {
    let mut verdicts: Vec<Verdict> = Vec::with_capacity(doc.sentences.len());
    let mut rule_cues: Vec<RuleCues> = Vec::with_capacity(doc.sentences.len());
    let lowered = LoweredBlocks::of(doc);
    let mut scratch = Scratch::default();
    // The ranges of the block's mentions of actors, found once for all its sentences.
    let mut block_actors: Option<(usize, BlockActors)> = None;
    let mut within = Within::default();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if block_actors.as_ref().is_none_or(|(block, _)| *block != sentence.block) {
            let mut actors = block_actors.take().map(|(_, a)| a).unwrap_or_default();
            actors.refill(kb, &mentions_by_block[sentence.block]);
            block_actors = Some((sentence.block, actors));
        }
        let same_block = index
            .checked_sub(1)
            .filter(|&i| doc.sentences[i].block == sentence.block);
        if same_block.is_none() {
            within = Within::default();
        }
        // "He did not say how many troops had been deployed." stands aside: the source before it goes on.
        let source_before = same_block.map(|i| {
            (0..=i)
                .rev()
                .take_while(|&j| doc.sentences[j].block == sentence.block)
                .find(|&j| verdicts[j].reason != Reason::WritersNote)
                .unwrap_or(i)
        });
        let carry = Carry {
            source: source_before.and_then(|i| verdicts[i].carries()),
            vague_source: same_block.and_then(|i| match &verdicts[i].reason {
                Reason::AnonymousSource(s) | Reason::UnnamedSpeaker(s) => Some(s.as_str()),
                _ => None,
            }),
            subject: within.named_subject.as_deref(),
            inside_quote: within.quote_open,
            previous_figure: within.figure,
            document: within.named_document.as_deref(),
            after_caption_label: within.caption_label,
            opens_block: same_block.is_none(),
            after_unclosed: same_block.is_some_and(|i| {
                !doc.sentence_text(&doc.sentences[i])
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '’', ')', ']'])
            }),
            author: within.author.as_deref(),
        };
        let mut open = RuleCues::UNKNOWN;
        let verdict = classify_sentence(
            &Classifying { doc, team },
            block_actors.as_ref().map_or(&BlockActors::NONE, |(_, a)| a),
            sentence,
            lowered.sentence(sentence),
            carry,
            &mut scratch,
            &mut open,
        );
        within.after(
            doc.sentence_text(sentence),
            std::mem::take(&mut scratch.named),
            open.0.may_match(Gated::Figure as usize),
        );
        within.read_verdict(doc.sentence_text(sentence), &verdict);
        verdicts.push(verdict);
        rule_cues.push(open);
    }
    (verdicts, rule_cues)
}

/// The ranges of a block's mentions of actors: those that can be a source, and the armed groups, people and
/// places (which no public record answers for).
#[derive(Default)]
struct BlockActors {
    speakers: Vec<Range<usize>>,
    parties: Vec<Range<usize>>,
}

impl BlockActors {
    const NONE: BlockActors = BlockActors {
        speakers: Vec::new(),
        parties: Vec::new(),
    };

    fn refill(&mut self, kb: &KnowledgeBase, mentions: &[Mention]) {
        use crate::actors::ActorKind::{ArmedGroup, Person, Place};
        self.speakers.clear();
        self.parties.clear();
        for mention in mentions {
            if kb.actors_of(mention).any(|a| a.kind.can_be_a_source()) {
                self.speakers.push(mention.range.clone());
            }
            if kb
                .actors_of(mention)
                .any(|a| matches!(a.kind, ArmedGroup | Person | Place))
            {
                self.parties.push(mention.range.clone());
            }
        }
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
    parties: Vec<Range<usize>>,
    /// What the last sentence named that the next may refer back to ("The ministry issued a statement.").
    named: Named,
}

/// What every sentence of a document is classified with.
struct Classifying<'a> {
    doc: &'a Document,
    team: TeamSources<'a>,
}

/// A sentence's verdict; `rule_cues` is set where the sentence's words are looked up, and the scratch's `named`
/// to what the sentence names that the next may refer back to.
fn classify_sentence<'t>(
    with: &Classifying<'t>,
    block_actors: &BlockActors,
    sentence: &Sentence,
    lower: LowerCase<'t>,
    carry: Carry,
    scratch: &mut Scratch<'t>,
    rule_cues: &mut RuleCues,
) -> Verdict {
    let Classifying { doc, team } = *with;
    use ClaimClass::*;
    let block = &doc.blocks[sentence.block];
    let text = doc.sentence_text(sentence);
    match block.kind {
        BlockKind::Heading => return Verdict::new(NotAClaim, Reason::Heading, None),
        BlockKind::FootnoteDefinition => return Verdict::new(NotAClaim, Reason::SourceNote, None),
        _ if carry.after_caption_label => return Verdict::new(NotAClaim, Reason::Caption, None),
        // "found on the last page of this report.": a paragraph that opens in lower case is the rest of a
        // sentence that a page break in a converted document cut in two; its first half carries the claim.
        // (A list item in lower case is a list's way of writing, and still read.)
        BlockKind::Paragraph
            if (carry.opens_block || carry.after_unclosed) && text.starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            return Verdict::new(NotAClaim, Reason::Fragment, None)
        }
        _ => {}
    }
    let base = sentence.plain.start;
    let Scratch {
        tokens,
        speakers,
        parties,
        named,
    } = scratch;
    let in_sentence = |ranges: &[Range<usize>], out: &mut Vec<Range<usize>>| {
        out.clear();
        out.extend(
            ranges
                .iter()
                .filter(|r| r.start >= base && r.end <= sentence.plain.end)
                .map(|r| r.start - base..r.end - base),
        );
    };
    in_sentence(&block_actors.speakers, speakers);
    in_sentence(&block_actors.parties, parties);
    speakers.extend(team.trusted.iter().flat_map(|name| find_phrase(text, name)));
    tokens_into(text, lower, tokens);
    let words = SentenceWords::new(text, tokens, speakers);
    named.document = sources::named_document(&words);
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
        if let Some(named) = people_named_before(text, s.phrase.clone(), carry.source) {
            return Verdict::new(Attributed, Reason::CarriedOver(named), Some(s.phrase.clone()));
        }
        return Verdict::new(Vague, Reason::AnonymousSource(phrase(s)), Some(s.phrase.clone()));
    }
    if let Some(range) = clause::told_by_others(words.tokens, words.starts) {
        return Verdict::new(
            Vague,
            Reason::AnonymousSource(text[range.clone()].to_string()),
            Some(range),
        );
    }
    if let Some(range) = clause::first_person(text, words.tokens, words.starts) {
        return Verdict::new(
            Attributed,
            Reason::AuthorVoice(text[range.clone()].to_string()),
            Some(range),
        );
    }
    if let Some(range) = team.vague.iter().find_map(|p| find_phrase(text, p)) {
        return Verdict::new(
            Vague,
            Reason::AnonymousSource(text[range.clone()].to_string()),
            Some(range),
        );
    }
    // Only a note that is the whole sentence: "… declined to comment, but the toll rose" still claims; "It is
    // not clear whether A, B or C." is one note, whatever its commas.
    let whole_note = |m: &regex::Match| {
        let opens = text[..m.start()]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>();
        let it_is = matches!(opens.as_slice(), [it, _] | [it, _, _] if it == "it");
        // "The authorities did not respond." is a note; "… did not respond to the attack" is not.
        let bare_reply = m.as_str().ends_with("respond") || m.as_str().ends_with("responded");
        if bare_reply {
            return text[m.end()..]
                .trim_matches(|c: char| c == '.' || c.is_whitespace())
                .is_empty();
        }
        it_is || !text[m.end()..].contains([',', ';', ':'])
    };
    // A bare "did not respond" that goes on ("… did not respond to AFP's requests for comment") may still hold a
    // note further on.
    let note = cues.find(Gated::WritersNote).and_then(|m| {
        std::iter::successors(Some(m), |m| crate::claims::cues::writers_note().find_at(text, m.end())).find(whole_note)
    });
    if let Some(m) = note.or_else(|| crate::claims::cues::anonymity_note().find(text)) {
        return Verdict::new(NotAClaim, Reason::WritersNote, Some(m.range()));
    }
    if let Some(m) = cues.find(Gated::Hedge) {
        return Verdict::new(Vague, Reason::Hedge(m.as_str().to_string()), Some(m.range()));
    }
    if clause::prescribes(words.tokens, words.starts) || clause::advises(words.tokens, words.starts) {
        return Verdict::new(NotAClaim, Reason::Prescription, None);
    }
    if let Some(source) = carry.source.filter(|_| continues_a_report(&carry, text, &words, &cues)) {
        return Verdict::new(Attributed, Reason::CarriedOver(source.to_string()), None);
    }
    // "Our examination found that 83 per cent … . Most had been shipped through …": the author's own figures
    // go on as a named dataset's do.
    if let Some(author) = carry
        .author
        .filter(|_| carry.previous_figure && sources::share_alone(&words))
    {
        return Verdict::new(Attributed, Reason::CarriedOver(author.to_string()), None);
    }
    if let Some(source) = carry.vague_source.filter(|_| continues_a_quotation(&carry, text)) {
        return Verdict::new(Vague, Reason::AnonymousSource(source.to_string()), None);
    }
    if let Some(document) = carry.document.filter(|_| sources::provides_again(&words)) {
        return Verdict::new(Attributed, Reason::CarriedOver(document.to_string()), None);
    }
    if let Some(by) = official_act(&words, parties) {
        return Verdict::new(Attributed, Reason::PublicRecord(text[by.clone()].to_string()), Some(by));
    }
    // "We found that … . As a result, the data cannot be compared.": once the author has spoken in the first
    // person, a later sentence of the paragraph that links itself to the ones before ("As a result,", "For
    // example,", "In addition,") goes on with the author's findings.
    if let Some(author) = carry.author.filter(|_| words.starts.opening > 0) {
        return Verdict::new(Attributed, Reason::CarriedOver(author.to_string()), None);
    }
    named.subject = sources::named_subject(&words);
    let (assertion, cue) = assertion(&cues, &words);
    Verdict::new(Unattributed, Reason::Unsourced(assertion), cue)
}

#[cfg(test)]
mod report_forms_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wire_forms_tests;
