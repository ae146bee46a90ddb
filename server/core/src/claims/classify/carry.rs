//! What a sentence may take its source from in the sentences before it in its paragraph, and whether it goes on
//! with their report.

use super::sentence_cues::{Gated, SentenceCues};
use super::{Reason, Verdict};
use crate::claims::cues;
use crate::claims::sources::{self, SentenceWords};

/// What a sentence may take its source from, in the sentences before it in its paragraph.
#[derive(Clone, Copy, Default)]
pub(super) struct Carry<'a> {
    /// The source of the sentence before, named or carried ("The ISPR said …" before "It added …").
    pub(super) source: Option<&'a str>,
    /// The anonymous source of the sentence before, which a quotation it opened goes on with.
    pub(super) vague_source: Option<&'a str>,
    /// The named subject of an unsourced sentence before ("The ministry issued a statement." before "The
    /// statement added …").
    pub(super) subject: Option<&'a str>,
    /// A quotation opened before this sentence and not yet closed.
    pub(super) inside_quote: bool,
    /// Whether the sentence before states a figure.
    pub(super) previous_figure: bool,
    /// The law or document the sentence before named by its title.
    pub(super) document: Option<&'a str>,
    /// Whether the sentence before is a caption's label alone ("Figure B-2."), whose text this sentence is.
    pub(super) after_caption_label: bool,
    /// Whether the sentence opens its paragraph.
    pub(super) opens_block: bool,
    /// Whether the sentence before it in the paragraph stops without closing ("… clearly specify" above a hard
    /// line break), so that a sentence in lower case after it is its rest.
    pub(super) after_unclosed: bool,
    /// The words by which the author spoke in the first person earlier in the paragraph ("we found"), whose
    /// findings the paragraph's later sentences go on with.
    pub(super) author: Option<&'a str>,
}

/// What a sentence names that the next may refer back to.
#[derive(Default)]
pub(super) struct Named {
    /// Its main clause's subject, when it names a source and the sentence is unsourced.
    pub(super) subject: Option<String>,
    /// A law or document it names by its title.
    pub(super) document: Option<String>,
}

/// What the sentences read so far in a paragraph leave to the next one.
#[derive(Default)]
pub(super) struct Within {
    pub(super) named_subject: Option<String>,
    pub(super) named_document: Option<String>,
    pub(super) quote_open: bool,
    pub(super) figure: bool,
    /// Whether the sentence before the one just read stated or took up figures.
    figure_before: bool,
    pub(super) caption_label: bool,
    /// The first-person words of the paragraph's first sentence in the author's voice.
    pub(super) author: Option<String>,
}

impl Within {
    /// `figure`: whether the word gate left the figure cue open for the sentence (a digit or a number word).
    pub(super) fn after(&mut self, text: &str, named: Named, figure: bool) {
        self.named_subject = named.subject;
        self.named_document = named.document;
        let curly = text.matches('“').count() as isize - text.matches('”').count() as isize;
        let straight = text.matches('"').count() % 2 == 1;
        self.quote_open = if curly != 0 {
            curly > 0
        } else {
            self.quote_open ^ straight
        };
        self.figure_before = self.figure;
        self.figure = figure;
    }

    /// Note whether the sentence just read, with `verdict`, is a caption's label alone ("Figure B-2.", "Map 3."),
    /// and whether it went on with a dataset's figures ("That is a third more than in 2024.", "Most moved to
    /// camps."), which a next sentence's figures may take up in turn.
    pub(super) fn read_verdict(&mut self, text: &str, verdict: &Verdict) {
        self.caption_label = verdict.reason == Reason::Caption && text.split_whitespace().count() <= 3;
        if let (None, Reason::AuthorVoice(words) | Reason::AuthorJudgement(words)) = (&self.author, &verdict.reason) {
            self.author = Some(words.clone());
        }
        self.figure |= matches!(verdict.reason, Reason::CarriedOver(_))
            && (self.figure_before || cues::comparison().is_match(text));
    }
}

/// Whether an unsourced sentence goes on with the report of the sentence before: it stands inside the
/// quotation that sentence opened, opens a new quotation right after a quoted speaker, or takes up the figures
/// of a named dataset ("ACLED recorded 310 events in May. That is a third more than in April.").
pub(super) fn continues_a_report(carry: &Carry, text: &str, words: &SentenceWords, cues: &SentenceCues) -> bool {
    if continues_a_quotation(carry, text) || counts_on(words) || gives_an_instance(words) {
        return true;
    }
    let figure = cues.counts.figure || cues.find(Gated::Figure).is_some() || cues::comparison().is_match(text);
    // "The Act dissolved the AEC. It established two agencies.": what a named document does goes on.
    let document = carry.source.is_some_and(sources::names_a_document);
    // "Most moved to camps east of the city." takes up the count before it without a figure of its own.
    let counted = figure || sources::share_alone(words);
    (document || carry.previous_figure && counted) && sources::refers_back(words) || document && grants_or_bars(words)
}

/// "The Act assigns the DNI two roles. The DNI will head the Intelligence Community.": a main clause that
/// says what someone will, may or can do, or is authorized or required to do, goes on setting out what the
/// document named before provides.
fn grants_or_bars(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    let lower = |i: usize| tokens.get(i).filter(|t| t.word).map_or("", |t| t.lower());
    let start = words.starts.main;
    // "There will be more hybrid employment models": a forecast, not a grant.
    if lower(start) == "there" {
        return false;
    }
    // The verb group comes within the subject's few words, before any mark.
    (start..tokens.len().min(start + 8))
        .take_while(|&i| tokens[i].word)
        .any(|i| match lower(i) {
            "will" | "may" | "can" | "cannot" => i > start,
            "is" | "are" => {
                matches!(
                    lower(i + 1),
                    "authorized" | "authorised" | "required" | "permitted" | "empowered" | "prohibited" | "barred"
                ) || lower(i + 1) == "not" && lower(i + 2) == "authorized"
            }
            _ => false,
        })
}

/// "GAO identified several limitations. For example, the data …": a sentence that opens by giving an instance
/// or a detail of what the one before reported goes on with its source.
fn gives_an_instance(words: &SentenceWords) -> bool {
    let opening: Vec<&str> = words.tokens[..words.starts.opening]
        .iter()
        .filter(|t| t.word)
        .map(|t| t.lower())
        .collect();
    matches!(
        opening.as_slice(),
        ["for", "example" | "instance"]
            | ["specifically"]
            | ["in", "particular"]
            | ["in", "addition"]
            | ["further" | "furthermore" | "additionally" | "moreover"]
    )
}

/// "… under two different circumstances. First, the DNI may …. Second, …": a sentence that counts on the points
/// the one before announced goes on with its source.
fn counts_on(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    tokens.first().is_some_and(|t| {
        matches!(
            t.lower(),
            "first" | "second" | "third" | "fourth" | "fifth" | "finally" | "lastly"
        )
    }) && tokens.get(1).is_some_and(|t| t.is(&[',']))
}

/// Whether the sentence stands inside a quotation opened before it, or opens one right after its speaker.
pub(super) fn continues_a_quotation(carry: &Carry, text: &str) -> bool {
    carry.inside_quote || text.starts_with(['“', '"'])
}
