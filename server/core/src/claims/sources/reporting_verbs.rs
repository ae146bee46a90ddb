//! The reporting verbs, strong ("said") and weak ("analysts warn"), the words that can start a frame, and the
//! forms in which a reporting verb has no subject of its own (a passive, an infinitive).

use crate::text::lexicon::{Lexicon, WordList, WordTable};
use crate::text::words::Token;
use std::sync::OnceLock;

/// Verbs that frame a report whatever their subject.
pub(super) static STRONG_VERBS: Lexicon = Lexicon::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "reported",
    "reports",
    "announced",
    "announces",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "added",
    "adds",
    "denied",
    "denies",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "declared",
    "declares",
    "quoted",
    "alleged",
    "alleges",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "insisted",
    "insists",
    "explained",
    "explains",
    "disclosed",
    "discloses",
    "revealed",
    "reveals",
    "published",
    "publishes",
    "asserted",
    "asserts",
    "accused",
    "accuses",
    "reiterated",
    "reiterates",
    "briefed",
    "testified",
    "recalled",
    "commented",
    "remarked",
    "conceded",
    "concedes",
    "clarified",
    "responded",
    "replied",
    "cautioned",
    "rejected",
    "rejects",
    "condemned",
    "condemns",
    "vowed",
    "vows",
    "pledged",
    "urged",
    "informed",
    "informs",
    "notified",
    "notifies",
    "assured",
    "assures",
    // Base forms, for plural subjects ("The Afghan Taliban deny …", "Lawyers allege …").
    "tell",
    "report",
    "announce",
    "claim",
    "confirm",
    "deny",
    "allege",
    "acknowledge",
    "admit",
    "insist",
    "reveal",
    "assert",
    "accuse",
    "concede",
    "reject",
    "condemn",
]);

/// Verbs that frame a report only when their subject is a source ("analysts warn", not "the attacks warn").
pub(super) static WEAK_VERBS: Lexicon = Lexicon::new(&[
    "warned",
    "warns",
    "warn",
    "noted",
    "notes",
    "note",
    "stressed",
    "stresses",
    "stress",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "indicated",
    "indicates",
    "indicate",
    "suggested",
    "suggests",
    "suggest",
    "showed",
    "shown",
    "shows",
    "show",
    "estimated",
    "estimates",
    "estimate",
    "believe",
    "believes",
    "believed",
    "argued",
    "argues",
    "argue",
    "maintained",
    "maintains",
    "maintain",
    "observed",
    "observes",
    "observe",
    "attributed",
    "attribute",
    "attributes",
    "described",
    "describes",
    "describe",
    "signaled",
    "signalled",
    "signals",
    "signal",
    "highlighted",
    "highlights",
    "highlight",
    "underlined",
    "underlines",
    "underscored",
    "underscores",
    "pointed",
    "points",
    "point",
    "fear",
    "fears",
    "feared",
    "predicted",
    "predicts",
    "predict",
    "assessed",
    "assesses",
    "assess",
    "concluded",
    "concludes",
    "conclude",
    "found",
    "find",
    "finds",
    "documented",
    "documents",
    // "The Mission verified 11 attempted killings", "OHCHR verified 19 of them".
    "verified",
    "verifies",
    "recognized",
    "recognizes",
    "recognised",
    "recognises",
    "recorded",
    "records",
    "counted",
    "put",
    "puts",
    "cited",
    "cites",
    "expect",
    "expects",
    "expected",
    "contend",
    "contends",
    "contended",
    "speculate",
    "speculated",
    "demanded",
    "demands",
    "demand",
    "counter",
    "countered",
    "counters",
    "question",
    "questioned",
    "doubt",
    "doubted",
    "suspect",
    "suspected",
    "link",
    "linked",
    "blame",
    "blamed",
    "blames",
    "complain",
    "complains",
    "complained",
    // Characterising: "the Foreign Office called the statement baseless".
    "called",
    "termed",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "criticised",
    "criticized",
    "criticise",
    "criticize",
    "criticises",
    "criticizes",
]);

/// Verbs by which a body takes a position ("agreed", "recommends"): weak frames, kept as data.
pub(super) static STANCE_VERBS: WordList = WordList::embedded(include_str!("../data/stance_verbs.txt"));

/// Verbs that report only a clause ("maintains that …"); with a plain object they mean something else.
pub(super) const CLAUSE_ONLY_VERBS: &[&str] = &[
    "maintain",
    "maintains",
    "maintained",
    "consider",
    "considers",
    "considered",
    "hold",
    "holds",
    "held",
];

/// The verbs of "come from" and "are from", which tell where evidence comes from.
pub(super) const ORIGIN_VERBS: &[&str] = &["come", "comes", "came", "is", "are", "was", "were"];

/// Verbs that report only as a passive with its agent: "The figures were provided by the health office".
pub(super) const PROVIDING_VERBS: &[&str] = &["provided", "supplied", "compiled", "collected", "gathered", "shared"];

/// Verbs of receiving evidence, whose subject reports what it shows: "The Panel received information that …".
pub(super) const RECEIVING_VERBS: &[&str] = &["received", "obtained", "gathered"];

/// Every word that can start a frame: "according", an origin verb or a reporting verb.
pub(super) fn frame_words() -> &'static WordTable {
    static WORDS: OnceLock<WordTable> = OnceLock::new();
    WORDS.get_or_init(|| {
        let reporting = STRONG_VERBS.words().iter().chain(WEAK_VERBS.words()).copied();
        let stance = STANCE_VERBS.source_words();
        WordTable::new(
            reporting
                .chain(stance)
                .chain(ORIGIN_VERBS.iter().copied())
                .chain(PROVIDING_VERBS.iter().copied())
                .chain(RECEIVING_VERBS.iter().copied())
                .chain(["according", "per"]),
        )
    })
}

/// "was reported", "is believed", "to say": not a frame with a subject.
pub(super) fn is_passive_or_infinitive(tokens: &[Token], verb: usize) -> bool {
    let before = before_adverbs(tokens, verb).checked_sub(1).map(|i| tokens[i].lower());
    let after = tokens.get(verb + 1).map(Token::lower);
    // "reported to the Panel that …": "to" before whom it was told, then what, is no infinitive ("reports to
    // the DNI" names a superior, not a report).
    let told_to_someone = || {
        tokens.get(verb + 2).is_some_and(|t| {
            t.word && (t.capitalised() || matches!(t.lower(), "the" | "a" | "an" | "its" | "their" | "his" | "her"))
        }) && reports_a_clause_within(tokens, verb, 10)
    };
    matches!(
        before,
        Some("is" | "are" | "was" | "were" | "be" | "been" | "being" | "to")
    ) || after == Some("to")
        && !told_to_someone()
        && !TO_OBJECT_VERBS.contains(&tokens[verb].lower())
        && !INTENT_VERBS.contains(&tokens[verb].lower())
}

/// Whether "that" opens a reported clause within `reach` words after the verb: "informed the Panel, in a
/// letter, that …".
pub(super) fn reports_a_clause_within(tokens: &[Token], verb: usize, reach: usize) -> bool {
    tokens
        .iter()
        .skip(verb + 1)
        .take(reach)
        .any(|t| t.word && t.lower() == "that")
}

/// Verbs of telling someone, which report only with what they were told after the one told: "MINUSCA informed
/// the Panel that …", not "The analysis informs policy decisions".
pub(super) const TELLING_VERBS: &[&str] = &["informed", "informs", "notified", "notifies", "assured", "assures"];

/// Verbs that report an intention with "to": "Gen. Burhan vowed to retake the city" is his vow, not an
/// infinitive without a subject.
const INTENT_VERBS: &[&str] = &[
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "threatened",
    "threatens",
];

/// Where the adverbs before a verb begin: "is widely believed", "was not reported".
pub(super) fn before_adverbs(tokens: &[Token], verb: usize) -> usize {
    let mut at = verb;
    while at > 0 && tokens[at - 1].word && {
        let lower = tokens[at - 1].lower();
        (lower.ends_with("ly") && lower.len() > 3)
            || matches!(lower, "also" | "still" | "now" | "long" | "not" | "just" | "already")
    } {
        at -= 1;
    }
    at
}

/// Reporting verbs whose "to" starts an object, not an infinitive: "told to", "pointed to", "linked to".
const TO_OBJECT_VERBS: &[&str] = &[
    "told",
    "pointed",
    "points",
    "point",
    "attributed",
    "attribute",
    "attributes",
    "linked",
    "link",
    "referred",
    "refers",
    "refer",
];
