//! Reporting frames and who they name: "the ISPR said", "according to Dawn", "sources indicate", "He added".
//!
//! A frame is a reporting verb with its subject (or, after a quotation, the speaker that follows it), or an
//! "according to" phrase. The source phrase is then judged: named (a known actor, a proper name, a named body),
//! anonymous ("officials", "sources"), or a reference back to an earlier source ("he", "the statement").

use crate::text::lexicon::{Lexicon, WordList, WordTable};
use crate::text::words::{is_auxiliary, Token};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// Verbs that frame a report whatever their subject.
static STRONG_VERBS: Lexicon = Lexicon::new(&[
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
static WEAK_VERBS: Lexicon = Lexicon::new(&[
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

/// Nouns that name no one: a source by one of these is anonymous.
static ANONYMOUS_NOUNS: Lexicon = Lexicon::new(&[
    "source",
    "sources",
    "official",
    "officials",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "critic",
    "critics",
    "resident",
    "residents",
    "authorities",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "witness",
    "witnesses",
    "commentator",
    "commentators",
    "people",
    "locals",
    "villagers",
    "intelligence",
    "media",
    "reports",
    "report",
    "militants",
    "insurgents",
    "fighters",
    "gunmen",
    "elders",
    "activists",
    "researchers",
    "scholars",
    "specialists",
    "watchers",
    "onlookers",
    "survivors",
    "relatives",
    "families",
    "police",
    "policemen",
    "officers",
    "commanders",
    "members",
    "leaders",
    "spokesmen",
    "someone",
    "sources'",
    "press",
    "outlets",
    "accounts",
    "claims",
    "rumours",
    "rumors",
    "channels",
    "estimates",
    // People and bodies named only by what they are.
    "officer",
    "journalist",
    "parties",
    "contacts",
    "contact",
    "journalists",
    "reporters",
    "traders",
    "shopkeepers",
    "transporters",
    "lawyers",
    "groups",
    "organisations",
    "organizations",
    "agencies",
    "doctors",
    "medics",
    "tribesmen",
    "clerics",
    "politicians",
    "lawmakers",
    "legislators",
    "campaigners",
    "protesters",
    "protestors",
    "demonstrators",
    "workers",
    "eyewitnesses",
    "bystanders",
    "passengers",
    "refugees",
    "detainees",
    "victims",
    "neighbours",
    "neighbors",
]);

/// Nouns for a speaker or a document that, with "the" or a name, can carry a source.
static SOURCE_NOUNS: Lexicon = Lexicon::new(&[
    "statement",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "ministry",
    "minister",
    "military",
    "army",
    "office",
    "report",
    "communiqué",
    "communique",
    "release",
    "agency",
    "department",
    "government",
    "group",
    "organisation",
    "organization",
    "outlet",
    "newspaper",
    "paper",
    "channel",
    "broadcaster",
    "commander",
    "leader",
    "general",
    "president",
    "secretary",
    "ambassador",
    "envoy",
    "chief",
    "director",
    "council",
    "committee",
    "team",
    "mission",
    "embassy",
    "court",
    "police",
    "force",
    "forces",
    "administration",
    "cabinet",
    "premier",
    "governor",
    "commission",
    "figures",
    "data",
    "statistics",
    "records",
    "documents",
    "document",
    "letter",
    "post",
    "video",
    "study",
    "survey",
    "assessment",
    "review",
    "official",
    "monitor",
    "monitors",
    "tally",
    "count",
    "database",
    "authority",
    "wing",
    "bureau",
    "service",
    "alert",
    "advisory",
    "notice",
    "notification",
    "circular",
    "bulletin",
    "memo",
    "dossier",
    "audit",
    "resolution",
    "verdict",
    "judgment",
    "judgement",
    "ruling",
    "order",
    "petition",
    "message",
]);

/// Source nouns that a place or body before them names ("the Balochistan police", "a UN report"), unlike
/// "a Foreign Office official", who stays anonymous.
const NAMED_BY_MODIFIER: &[&str] = &["police", "report"];

/// Nationalities and other broad adjectives: "Afghan police" names no body.
static DEMONYMS: Lexicon = Lexicon::new(&[
    "pakistani",
    "afghan",
    "indian",
    "iranian",
    "chinese",
    "american",
    "u.s",
    "us",
    "british",
    "western",
    "russian",
    "saudi",
    "qatari",
    "emirati",
    "turkish",
    "tajik",
    "uzbek",
    "bangladeshi",
    "nepali",
    "israeli",
    "arab",
    "european",
    "foreign",
    "local",
    "regional",
    "provincial",
    "federal",
    "tribal",
]);

/// A subject that denies there is a source: "No group has claimed the attack".
const NEGATIONS: &[&str] = &["no", "none", "nobody", "neither", "nor", "never"];

/// Relative pronouns: "Mahrang Baloch, who leads the BYC, has said" has its subject before them.
const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "his", "her", "their", "its"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "one", "two", "three", "several",
    "some", "many", "other", "another", "senior", "local", "top",
];

const PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "from", "for", "with", "on", "near", "inside", "across", "close", "familiar", "within", "by",
    "to", "around", "among", "under", "based",
];

/// Words that start a clause: the subject of a verb does not reach back past them.
const CLAUSE_BREAKS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "while", "whereas", "but", "and", "as", "because", "although", "though",
    "when", "after", "before", "since", "if", "where", "so", "yet", "nor", "or",
];

/// Adverbs and auxiliaries that sit between a subject and its verb.
static BETWEEN_WORDS: Lexicon = Lexicon::new(&[
    "also",
    "further",
    "later",
    "earlier",
    "previously",
    "publicly",
    "repeatedly",
    "again",
    "separately",
    "however",
    "then",
    "reportedly",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "not",
    "have",
    "had",
    "recently",
    "subsequently",
    "originally",
    "initially",
    "last",
    "yesterday",
    "today",
    "once",
    "first",
    "separately",
    "jointly",
    "quickly",
    "already",
    "often",
    "frequently",
    "explicitly",
    "privately",
    "openly",
    "formally",
    "officially",
    "widely",
]);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Named,
    Anonymous,
    /// "he", "the statement": named only if an earlier sentence named the source.
    Anaphoric,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub kind: SourceKind,
    /// The source phrase as written in the sentence.
    pub phrase: Range<usize>,
    /// The reporting word that frames it ("said", "according"), as a range of the sentence.
    pub frame: Range<usize>,
}

/// What the classifier knows of a sentence's words.
pub struct SentenceWords<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token<'t>],
    /// Ranges of known actors that can speak (not places or events).
    pub speakers: &'t [Range<usize>],
    /// Where its own words and its main clause begin.
    pub starts: super::clause::Starts,
}

impl<'t> SentenceWords<'t> {
    pub fn new(text: &'t str, tokens: &'t [Token<'t>], speakers: &'t [Range<usize>]) -> SentenceWords<'t> {
        SentenceWords {
            text,
            tokens,
            speakers,
            starts: super::clause::Starts::of(tokens),
        }
    }

    fn is_speaker(&self, token: &Token) -> bool {
        self.speakers
            .iter()
            .any(|r| r.start <= token.range().start && token.range().end <= r.end)
    }

    fn span(&self, tokens: &[Token]) -> Range<usize> {
        match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => first.range().start..last.range().end,
            _ => 0..0,
        }
    }
}

/// The verbs of "come from" and "are from", which tell where evidence comes from.
const ORIGIN_VERBS: &[&str] = &["come", "comes", "came", "is", "are", "was", "were"];

/// Every word that can start a frame: "according", an origin verb or a reporting verb.
fn frame_words() -> &'static WordTable {
    static WORDS: OnceLock<WordTable> = OnceLock::new();
    WORDS.get_or_init(|| {
        let reporting = STRONG_VERBS.words().iter().chain(WEAK_VERBS.words()).copied();
        let stance = STANCE_VERBS.source_words();
        WordTable::new(
            reporting
                .chain(stance)
                .chain(ORIGIN_VERBS.iter().copied())
                .chain(["according", "per"]),
        )
    })
}

/// Verbs that report only a clause ("maintains that …"); with a plain object they mean something else.
const CLAUSE_ONLY_VERBS: &[&str] = &[
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

/// Verbs by which a body takes a position ("agreed", "recommends"): weak frames, kept as data.
static STANCE_VERBS: WordList = WordList::embedded(include_str!("../data/stance_verbs.txt"));
/// Quantifiers and generic groups that name no one ("Some", "Others", "Critics").
static GENERIC_SUBJECTS: WordList = WordList::embedded(include_str!("../data/generic_subjects.txt"));
/// Nouns for a law or document, which sources what it says it does.
static DOCUMENT_NOUNS: WordList = WordList::embedded(include_str!("../data/document_nouns.txt"));
/// What a law or policy does ("requires", "establishes"), said of it as a subject.
static PROVISION_VERBS: WordList = WordList::embedded(include_str!("../data/provision_verbs.txt"));
/// Institutions that "the" makes definite enough to name ("the army", "the interior ministry").
static INSTITUTIONS: WordList = WordList::embedded(include_str!("../data/institutions.txt"));

/// Every source phrase framed in the sentence, leaving out frames reported inside another frame.
pub fn find(words: &SentenceWords) -> Vec<Source> {
    let tokens = words.tokens;
    let mut found: Vec<Source> = Vec::new();
    let frame_words = frame_words();
    // One look-up rules out most words, which start no frame of any kind; the frames are read out of this loop,
    // which then keeps its state in registers.
    // A capital letter inside the sentence makes a name, not a verb: "Islamic State".
    let may_start_a_frame = |(i, token): &(usize, &Token)| {
        token.word && !(*i > 0 && token.capitalised()) && frame_words.contains(token.lower())
    };
    for (i, _) in tokens.iter().enumerate().filter(may_start_a_frame) {
        found.extend(framed_at(words, i));
    }
    if let Some(source) = document_provision(words) {
        found.push(source);
    }
    if let Some(source) = in_a_statement(words) {
        if !found.iter().any(|s| s.phrase == source.phrase) {
            found.push(source);
        }
    }
    let embedded: Vec<bool> = found
        .iter()
        .map(|inner| found.iter().any(|outer| reports(words.text, outer, inner)))
        .collect();
    found
        .into_iter()
        .zip(embedded)
        .filter(|(_, embedded)| !embedded)
        .map(|(source, _)| source)
        .collect()
}

/// The source that the frame word at `verb` frames, if any.
#[inline(never)]
fn framed_at(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let lower = tokens[verb].lower();
    let frame = tokens[verb].range();
    if lower == "according" && tokens.get(verb + 1).is_some_and(|t| t.lower() == "to") {
        return according_to(words, verb + 2).map(|s| s.framed_by(frame));
    }
    // "Per the Foreign Office, …": "per" at the start of the sentence or of a clause.
    if lower == "per" {
        let opens = verb == words.starts.opening || tokens[verb - 1].is(&[',', ';', '(']);
        return opens
            .then(|| according_to(words, verb + 1))
            .flatten()
            .map(|s| s.framed_by(frame));
    }
    if let Some(source) = origin_of_evidence(words, verb) {
        return Some(source.framed_by(frame));
    }
    let strong = STRONG_VERBS.contains(lower);
    let weak = WEAK_VERBS.contains(lower) || STANCE_VERBS.contains(lower);
    if !(strong || weak) {
        return None;
    }
    // "with the estimate", "its claims": after a determiner or a possessive the word is a noun.
    if verb > 0 && {
        let before = &tokens[verb - 1];
        before.word
            && (matches!(
                before.lower(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
            ) || before.lower().ends_with("'s")
                || before.lower().ends_with("’s"))
    } {
        return None;
    }
    // "OICI maintains a liaison", "Congress considered proposals": with a named subject these verbs report only
    // a clause ("Observers consider talks unlikely" is a judgement, whoever the observers are).
    let object_only = CLAUSE_ONLY_VERBS.contains(&lower)
        && !tokens
            .get(verb + 1)
            .is_some_and(|next| next.lower() == "that" || next.is(&[':', '“', '"', ',']))
        && verb + 1 < tokens.len();
    // "Failing states pose …", "claims of responsibility": a noun before a verb or "of", not a frame.
    if tokens.get(verb + 1).is_some_and(|next| {
        next.word && (next.lower() == "of" || crate::text::words::is_unmistakable_verb_at(tokens, verb + 1))
    }) {
        return None;
    }
    // "The government found itself isolated": a verb in another sense.
    if tokens
        .get(verb + 1)
        .is_some_and(|next| matches!(next.lower(), "itself" | "themselves" | "himself" | "herself"))
    {
        return None;
    }
    // "The army has never confirmed the strike", "The group did not comment": a report that was not made
    // sources nothing.
    let negated = before_adverbs(tokens, verb)
        .checked_sub(1)
        .is_some_and(|i| matches!(tokens[i].lower(), "not" | "never" | "n't") || tokens[i].lower().ends_with("n't"))
        || tokens[before_adverbs(tokens, verb)..verb]
            .iter()
            .any(|t| matches!(t.lower(), "not" | "never"));
    if negated {
        return None;
    }
    let source = if is_passive_or_infinitive(tokens, verb) {
        agent_of_passive(words, verb).or_else(|| impersonal_passive(words, verb))
    } else {
        subject_of(words, verb, strong).or_else(|| speaker_after(words, verb))
    };
    source
        .filter(|s| !(object_only && s.kind == SourceKind::Named))
        .map(|s| s.framed_by(frame))
}

impl Source {
    fn framed_by(self, frame: Range<usize>) -> Source {
        Source { frame, ..self }
    }
}

/// Whether `inner` stands in what `outer` reports: "She added that Pakistan expected …" reports Pakistan's
/// expectation; the source of the sentence is "she". A frame set off by punctuation (", the ISPR said") or
/// after a quotation is a frame of its own.
fn reports(text: &str, outer: &Source, inner: &Source) -> bool {
    let outer_first = outer.phrase.start < outer.frame.start;
    outer_first
        && outer.frame.end <= inner.phrase.start.min(inner.frame.start)
        && !text[outer.frame.end..inner.phrase.start.min(inner.frame.start)]
            .contains([',', ';', ':', '”', '"', '—', '–', '(', ')'])
}

/// "according to X and Y": named if any part names a source, else anonymous if any part is anonymous.
fn according_to(words: &SentenceWords, start: usize) -> Option<Source> {
    let tokens = words.tokens;
    let mut parts = Vec::new();
    let mut at = start;
    loop {
        let phrase = phrase_after(tokens, at);
        if phrase.is_empty() {
            break;
        }
        let end = at + phrase.len();
        if let Some(kind) = judge(words, phrase, false, true) {
            parts.push(Source {
                kind,
                phrase: words.span(phrase),
                frame: 0..0,
            });
        }
        match tokens.get(end) {
            Some(t) if t.word && matches!(t.lower(), "and" | "or") => at = end + 1,
            _ => break,
        }
    }
    let best = parts
        .iter()
        .position(|p| p.kind == SourceKind::Named)
        .or_else(|| parts.iter().position(|p| p.kind == SourceKind::Anonymous));
    let kind = parts.get(best.unwrap_or(0))?.kind.clone();
    let first = parts.first()?.phrase.start;
    let last = parts.last()?.phrase.end;
    Some(Source {
        kind,
        phrase: first..last,
        frame: 0..0,
    })
}

/// Nouns for what is known, whose origin is their source: "the figures come from ACLED".
const EVIDENCE_NOUNS: &[&str] = &[
    "figure",
    "figures",
    "data",
    "numbers",
    "information",
    "estimate",
    "estimates",
    "account",
    "accounts",
    "details",
    "claim",
    "claims",
    "statistics",
    "tally",
    "toll",
];

/// "The curfew figures come from a local journalist": what comes after "from" is the source, when the subject
/// is evidence ("The militants came from Afghanistan" names no source).
fn origin_of_evidence(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    // "come from", and "are from" for evidence: "The figures are from the CTD".
    // "from" is asked first: it rules out nearly every frame word, for one comparison.
    if tokens.get(verb + 1).map(Token::lower) != Some("from") || !ORIGIN_VERBS.contains(&tokens[verb].lower()) {
        return None;
    }
    // The subject may hold a coordination ("Figures for security forces and militants"): reach back to the
    // last punctuation mark rather than the last clause break.
    let start = tokens[..verb]
        .iter()
        .rposition(|t| !t.word && !t.is(&['\'', '’', '-']))
        .map_or(0, |i| i + 1);
    let subject = &tokens[start..verb];
    // The head noun stands before any prepositional phrase: "Figures for security forces".
    let head_part = subject
        .iter()
        .take_while(|t| !(t.word && PREPOSITIONS.contains(&t.lower())));
    let head = head_part.filter(|t| t.word).last()?.lower();
    if !EVIDENCE_NOUNS.contains(&head) {
        return None;
    }
    let phrase = phrase_after(tokens, verb + 2);
    let kind = judge(words, phrase, false, true)?;
    Some(Source {
        kind,
        phrase: words.span(phrase),
        frame: 0..0,
    })
}

/// "The attack was claimed by the BLA": the agent after "by" is the source of a passive report.
fn agent_of_passive(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let passive = before_adverbs(tokens, verb)
        .checked_sub(1)
        .is_some_and(|i| matches!(tokens[i].lower(), "is" | "are" | "was" | "were" | "been" | "being"));
    if !passive || tokens.get(verb + 1).map(Token::lower) != Some("by") {
        return None;
    }
    let phrase = phrase_after(tokens, verb + 2);
    let kind = judge(words, phrase, false, true)?;
    Some(Source {
        kind,
        phrase: words.span(phrase),
        frame: 0..0,
    })
}

/// What a law, order or policy does, with the document as the main clause's subject: "The Intelligence Reform
/// Act assigns …", "PDD-61 mandated …", "OFPP Policy Letter 11-01 requires …". The document sources what the
/// sentence says it does.
fn document_provision(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let verb = (start..tokens.len().min(start + 16))
        .find(|&i| tokens[i].word && !tokens[i].capitalised() && PROVISION_VERBS.contains(tokens[i].lower()))?;
    let subject = &tokens[start..verb];
    // A numbered document ("PDD-61", "Policy Letter 11-01", "EO 12333") or a document noun with a name.
    let named = |t: &Token| t.capitalised() || t.text.bytes().any(|b| b.is_ascii_digit());
    let numbered = subject
        .iter()
        .any(|t| t.word && t.capitalised() && t.text.bytes().any(|b| b.is_ascii_digit()));
    let document = subject.iter().any(|t| t.word && DOCUMENT_NOUNS.contains(t.lower()))
        && (subject.iter().skip(1).any(named) || subject.first().is_some_and(|t| t.lower() == "the"));
    let plain = subject.iter().all(|t| t.word || t.is(&['(', ')', '-', '\'', '’', ',']));
    (!subject.is_empty() && plain && (numbered || document) && !crate::text::words::has_verb(subject)).then(|| Source {
        kind: SourceKind::Named,
        phrase: words.span(subject),
        frame: tokens[verb].range(),
    })
}

/// Whether a source phrase names a law, order or document ("The Intelligence Reform Act", "PDD-61").
pub fn names_a_document(phrase: &str) -> bool {
    phrase.split(|c: char| !c.is_alphanumeric() && c != '-').any(|word| {
        DOCUMENT_NOUNS.contains(&word.to_lowercase())
            || (word.contains('-') && word.bytes().any(|b| b.is_ascii_digit()))
    })
}

/// The subject of the sentence's main clause, when it names a source: "The interior ministry issued a
/// statement." leaves "the interior ministry" for "The statement added …" to refer back to.
pub fn named_subject(words: &SentenceWords) -> Option<String> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let end = (start..tokens.len())
        .find(|&i| !tokens[i].word || is_auxiliary(&tokens[i], false) || crate::text::words::is_verb_at(tokens, i))?;
    let subject = &tokens[start..end];
    (!subject.is_empty() && judge(words, subject, true, true) == Some(SourceKind::Named))
        .then(|| words.text[words.span(subject)].to_string())
}

/// Whether the main clause's subject refers back to what the sentence before reported: a pronoun or a
/// demonstrative ("That is a third more …", "Its tally …"), a figure's noun with "the" ("The total …"), or a
/// part of it ("Twenty-two of the strikes …", "Of those, …").
pub fn refers_back(words: &SentenceWords) -> bool {
    let tokens = words.tokens;
    let start = words.starts.main;
    let lower = |i: usize| tokens.get(i).map_or("", |t| t.lower());
    let first = lower(start);
    matches!(
        first,
        "that" | "this" | "it" | "these" | "those" | "its" | "their" | "they"
    ) || (first == "the" && EVIDENCE_NOUNS.contains(&lower(start + 1)))
        || matches!(
            lower(start + 1),
            "total" | "number" | "rise" | "increase" | "drop" | "fall"
        ) && first == "the"
        || (0..4)
            .any(|i| lower(start + i) == "of" && matches!(lower(start + i + 1), "the" | "those" | "these" | "them"))
        || (first == "of" && matches!(lower(start + 1), "those" | "these" | "them"))
}

/// "It has been suggested that …", "It was reported that …": a passive report with no one behind it, an
/// anonymous frame over what it reports.
fn impersonal_passive(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let start = words.starts.main;
    let expletive = tokens.get(start).is_some_and(|t| t.lower() == "it") && (start + 1..=start + 5).contains(&verb);
    let reports_a_clause = tokens
        .get(verb + 1)
        .is_some_and(|t| matches!(t.lower(), "that" | "in" | "by" | "to"));
    (expletive && reports_a_clause).then(|| Source {
        kind: SourceKind::Anonymous,
        phrase: tokens[start].range().start..tokens[verb].range().end,
        frame: 0..0,
    })
}

/// "was reported", "is believed", "to say": not a frame with a subject.
fn is_passive_or_infinitive(tokens: &[Token], verb: usize) -> bool {
    let before = before_adverbs(tokens, verb).checked_sub(1).map(|i| tokens[i].lower());
    let after = tokens.get(verb + 1).map(Token::lower);
    matches!(
        before,
        Some("is" | "are" | "was" | "were" | "be" | "been" | "being" | "to")
    ) || after == Some("to") && !TO_OBJECT_VERBS.contains(&tokens[verb].lower())
}

/// Where the adverbs before a verb begin: "is widely believed", "was not reported".
fn before_adverbs(tokens: &[Token], verb: usize) -> usize {
    let mut at = verb;
    while at > 0 && tokens[at - 1].word && {
        let lower = tokens[at - 1].lower();
        (lower.ends_with("ly") && lower.len() > 3) || matches!(lower, "also" | "still" | "now" | "long" | "not")
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

/// The noun phrase after a preposition or verb: up to a punctuation mark, a clause break or a verb.
fn phrase_after<'a, 't>(tokens: &'a [Token<'t>], start: usize) -> &'a [Token<'t>] {
    let mut end = start;
    while end < tokens.len() && end - start < 10 {
        let t = &tokens[end];
        if !t.word && !t.is(&['\'', '’', '-']) {
            break;
        }
        let lower = t.lower();
        if end > start && (CLAUSE_BREAKS.contains(&lower) || is_auxiliary(t, false) || STRONG_VERBS.contains(lower)) {
            break;
        }
        end += 1;
    }
    &tokens[start.min(end)..end]
}

/// The subject before a reporting verb, judged; for an appositive ("Asif, the defence minister, said") the
/// name before it counts.
fn subject_of(words: &SentenceWords, verb: usize, strong: bool) -> Option<Source> {
    let tokens = words.tokens;
    let mut end = verb;
    while end > 0 && tokens[end - 1].word && BETWEEN_WORDS.contains(tokens[end - 1].lower()) {
        end -= 1;
    }
    // "X, however, said" and "X, the army's spokesman, said": step back over the comma before the verb, and
    // over an aside between two commas.
    if end > 0 && tokens[end - 1].is(&[',']) {
        end -= 1;
        let mut before = end;
        while before > 0 && tokens[before - 1].word && BETWEEN_WORDS.contains(tokens[before - 1].lower()) {
            before -= 1;
        }
        if before < end && before > 0 && tokens[before - 1].is(&[',']) {
            end = before - 1;
        }
    }
    // "The Counter Terrorism Department (CTD) said": the subject is before the bracketed short form.
    if end > 0 && tokens[end - 1].is(&[')']) {
        if let Some(open) = tokens[..end - 1].iter().rposition(|t| t.is(&['('])) {
            if end - open <= 8 {
                end = open;
            }
        }
    }
    // A subject is a noun phrase: with a verb in it ("documentation limits the information reported") the
    // reporting word is a participle, not a frame.
    // A participle opening the subject describes the noun after it: "Displaced families complain".
    let attributive = |start: usize, i: usize| {
        i == start
            && tokens[i].lower().ends_with("ed")
            && tokens.get(i + 1).is_some_and(|next| {
                next.word && !PREPOSITIONS.contains(&next.lower()) && !DETERMINERS.contains(&next.lower())
            })
    };
    // A participle after the noun and before a preposition describes the noun: "Officials involved in the
    // drafting said", "Residents displaced by the fighting say".
    let postnominal = |start: usize, i: usize| {
        i > start
            && tokens[i].lower().ends_with("ed")
            && tokens[i - 1].word
            && !DETERMINERS.contains(&tokens[i - 1].lower())
            && tokens
                .get(i + 1)
                .is_some_and(|next| next.word && PREPOSITIONS.contains(&next.lower()))
    };
    // In a subject only a verb whose form leaves no doubt counts ("press office", "force operations" are
    // nouns); after a relative pronoun any verb does.
    let verb_at = |i: usize, any_form: bool| {
        if any_form {
            crate::text::words::is_verb_at(tokens, i)
        } else {
            crate::text::words::is_unmistakable_verb_at(tokens, i)
        }
    };
    let has_verb_of = |start: usize, end: usize, any_form: bool| {
        (start..end).any(|i| {
            verb_at(i, any_form)
                && !crate::text::words::is_auxiliary(&tokens[i], i == 0)
                && !attributive(start, i)
                && !postnominal(start, i)
        })
    };
    let mut start = segment_start(tokens, end);
    // A relative clause inside the subject: "Mahrang Baloch, who leads the BYC, has said", "An officer who
    // asked not to be named told AFP". The subject is the noun phrase before the relative pronoun.
    // The relative pronoun is asked first: the verb search costs far more, and is made again below otherwise.
    if start > 0 && RELATIVES.contains(&tokens[start - 1].lower()) && has_verb_of(start, end, true) {
        end = start - 1;
        if end > 0 && tokens[end - 1].is(&[',']) {
            end -= 1;
        }
        start = segment_start(tokens, end);
    }
    let segment = &tokens[start..end];
    if segment.is_empty() || has_verb_of(start, end, false) {
        return None;
    }
    let mut kind = judge(words, segment, start <= words.starts.opening, strong)?;
    // An appositive: "Ahmed Sharif Chaudhry, a military spokesman, said".
    if kind != SourceKind::Named && start > words.starts.opening && tokens[start - 1].is(&[',']) {
        let before_start = segment_start(tokens, start - 1);
        let before = &tokens[before_start..start - 1];
        let before: Vec<&Token> = before.iter().filter(|t| t.word).collect();
        if !before.is_empty() && before.len() <= 6 && before.iter().all(|t| t.capitalised() || words.is_speaker(t)) {
            kind = SourceKind::Named;
        }
    }
    Some(Source {
        kind,
        phrase: words.span(segment),
        frame: 0..0,
    })
}

/// Where the subject before `end` begins: after a punctuation mark or a clause break.
fn segment_start(tokens: &[Token], end: usize) -> usize {
    let mut start = end;
    while start > 0 && end - start < 12 {
        let t = &tokens[start - 1];
        if !t.word && !t.is(&['\'', '’', '-', '.']) {
            break;
        }
        if t.word && CLAUSE_BREAKS.contains(&t.lower()) {
            break;
        }
        start -= 1;
    }
    start
}

/// A quotation's speaker after the verb: '"…," said Khawaja Asif.'
fn speaker_after(words: &SentenceWords, verb: usize) -> Option<Source> {
    let tokens = words.tokens;
    let mut before = verb;
    while before > 0 && tokens[before - 1].word && BETWEEN_WORDS.contains(tokens[before - 1].lower()) {
        before -= 1;
    }
    // The speaker follows the verb only after a quotation or an aside: '"…," said X', "…, added X".
    if !before
        .checked_sub(1)
        .is_some_and(|i| tokens[i].is(&[',', '”', '"', '’', '\'', '—', '–']))
    {
        return None;
    }
    let phrase = phrase_after(tokens, verb + 1);
    let kind = judge(words, phrase, false, true)?;
    Some(Source {
        kind,
        phrase: words.span(phrase),
        frame: 0..0,
    })
}

/// "In a statement (on Sunday), the ISPR …": the subject after the opening phrase.
fn in_a_statement(words: &SentenceWords) -> Option<Source> {
    let tokens = words.tokens;
    let opens = tokens.first().map(Token::lower) == Some("in")
        && tokens.iter().skip(1).take(4).any(|t| {
            matches!(
                t.lower(),
                "statement"
                    | "interview"
                    | "post"
                    | "briefing"
                    | "communiqué"
                    | "communique"
                    | "release"
                    | "message"
                    | "video"
                    | "speech"
                    | "address"
                    | "letter"
            )
        });
    // "Speaking to Reuters, …", "Writing in Dawn, …": the outlet named in the opening phrase.
    let speaking = tokens
        .first()
        .is_some_and(|t| matches!(t.lower(), "speaking" | "talking" | "writing"))
        && tokens
            .get(1)
            .is_some_and(|t| matches!(t.lower(), "to" | "with" | "in" | "on"));
    if !opens && !speaking {
        return None;
    }
    let comma = tokens.iter().take(16).position(|t| t.is(&[',']))?;
    // "In a statement released by the Jubaland presidency, …": the body named in the opening phrase.
    let by = tokens[..comma].iter().position(|t| t.lower() == "by").map(|i| i + 1);
    for start in by.into_iter().chain(speaking.then_some(2)) {
        let phrase = phrase_after(&tokens[..comma], start);
        if judge(words, phrase, false, true) == Some(SourceKind::Named) {
            let span = words.span(phrase);
            return Some(Source {
                kind: SourceKind::Named,
                frame: span.end..span.end,
                phrase: span,
            });
        }
    }
    if !opens {
        return None;
    }
    let phrase = phrase_after(tokens, comma + 1);
    let phrase = &phrase[..phrase
        .iter()
        .position(|t| crate::text::words::is_verb(t, false))
        .unwrap_or(phrase.len())];
    let kind = judge(words, phrase, false, true)?;
    let span = words.span(phrase);
    Some(Source {
        kind,
        frame: span.end..span.end,
        phrase: span,
    })
}

/// Judge a source phrase: named, anonymous or anaphoric; `None` when it is not a source at all.
fn judge(words: &SentenceWords, phrase: &[Token], sentence_start: bool, strong: bool) -> Option<SourceKind> {
    // Most phrases are words only: those are read in place, not copied.
    let phrase: Cow<[Token]> = if phrase.iter().all(|t| t.word) {
        Cow::Borrowed(phrase)
    } else {
        Cow::Owned(phrase.iter().filter(|t| t.word).copied().collect())
    };
    let first = phrase.first()?;
    if NEGATIONS.contains(&first.lower()) {
        return None;
    }
    // "Some", "Others", "Many experts", "Several analysts": quantifiers and generic groups name no one.
    if GENERIC_SUBJECTS.longest_at(phrase.iter().map(|t| t.lower())).is_some() && !words.is_speaker(first) {
        return Some(SourceKind::Anonymous);
    }
    // "Maritime security consultants": a generic group with modifiers.
    let plain_head = phrase
        .iter()
        .take_while(|t| !PREPOSITIONS.contains(&t.lower()))
        .last()
        .filter(|t| GENERIC_SUBJECTS.contains(t.lower()));
    if plain_head.is_some() && phrase.iter().all(|t| !words.is_speaker(t)) {
        return Some(SourceKind::Anonymous);
    }
    // Determiners, pronouns and numbers alone are never a named source ("The", "Four", "it").
    if phrase.len() == 1 && (DETERMINERS.contains(&first.lower()) || first.text.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let cut = phrase
        .iter()
        .position(|t| PREPOSITIONS.contains(&t.lower()))
        .unwrap_or(phrase.len());
    let (head_part, rest) = phrase.split_at(cut);
    // "A statement released by the presidency": the participle after the noun describes it.
    let head_part = match head_part {
        [.., noun, participle]
            if participle.lower().ends_with("ed") && noun.word && !DETERMINERS.contains(&noun.lower()) =>
        {
            &head_part[..head_part.len() - 1]
        }
        _ => head_part,
    };
    let head = head_part.last().map(|t| t.lower()).unwrap_or_default();
    // Most words of a phrase are not capitalised: the look-ups that only a capitalised word needs come last.
    // A plural lower-case head after a capitalised first word ("Maritime security consultants", "Hospital officials"):
    // the capital is the sentence's, not a name's, unless the word is all capitals ("DHS officials").
    let lower_head = head_part.len() > 1
        && head_part.last().is_some_and(|t| {
            !t.capitalised() && t.text.ends_with('s') && t.text.bytes().all(|b| b.is_ascii_lowercase())
        });
    let title_case = |t: &Token| t.text.chars().skip(1).any(char::is_lowercase);
    let proper = |t: &Token, index: usize| -> bool {
        // A word capitalised only because it opens the sentence: a common opener, a gerund ("Failing"), or the
        // modifier of a common noun.
        let opener = || {
            index == 0
                && sentence_start
                && (is_common_opener(t) || t.lower().ends_with("ing") || (lower_head && title_case(t)))
        };
        let generic = || PRONOUNS.contains(&t.lower()) || ANONYMOUS_NOUNS.contains(t.lower());
        words.is_speaker(t) || (t.capitalised() && !opener() && !generic())
    };
    let named_head = || head_part.iter().enumerate().any(|(i, t)| proper(t, i));
    let named_modifier = || {
        head_part
            .iter()
            .enumerate()
            .any(|(i, t)| proper(t, i) && !DEMONYMS.contains(t.lower()))
    };
    if NAMED_BY_MODIFIER.contains(&head) && named_modifier() {
        return Some(SourceKind::Named);
    }
    // "the army", "the interior ministry", "the army's press office": a definite institution is named.
    let possessive = head_part
        .iter()
        .any(|t| t.lower().ends_with("'s") || t.lower().ends_with("’s"))
        || words.text[words.span(head_part)].contains(['\'', '’']);
    let definite_institution = first.lower() == "the" && head_part.iter().any(|t| INSTITUTIONS.contains(t.lower()));
    if (SOURCE_NOUNS.contains(head) || INSTITUTIONS.contains(head)) && (possessive || definite_institution) {
        return Some(SourceKind::Named);
    }
    // "Pakistani officials", "Afghan media": a name as a modifier does not name the source.
    if head_part
        .iter()
        .any(|t| ANONYMOUS_NOUNS.contains(t.lower()) && !SOURCE_NOUNS.contains(t.lower()))
        || ANONYMOUS_NOUNS.contains(head)
    {
        // "the analyst Michael Kugelman": a name right after the anonymous noun names the source.
        let named_after = head_part.windows(2).any(|w| {
            ANONYMOUS_NOUNS.contains(w[0].lower()) && w[1].capitalised() && !words.is_speaker(&w[1]) && strong
        });
        // "Coast Guard officials", "DHS officials": the people of a named body (a nationality names none); but
        // "one former UN official", "a Foreign Office official" is one person left unnamed.
        let people = head_part
            .iter()
            .position(|t| ANONYMOUS_NOUNS.contains(t.lower()))
            .unwrap_or(0);
        let one_of_them = head_part.first().is_some_and(|t| {
            matches!(t.lower(), "a" | "an" | "another") || DETERMINERS.contains(&t.lower()) || is_number(t)
        });
        let named_before = !one_of_them
            && head_part[..people]
                .iter()
                .enumerate()
                .any(|(i, t)| proper(t, i) && !DEMONYMS.contains(t.lower()));
        return Some(if named_after || named_before {
            SourceKind::Named
        } else {
            SourceKind::Anonymous
        });
    }
    if named_head() {
        return Some(SourceKind::Named);
    }
    let first_lower = first.lower();
    if head_part.len() == 1 && PRONOUNS.contains(&first_lower) {
        return Some(SourceKind::Anaphoric);
    }
    // "The Intelligence Reform Act assigns …", "Section 102A provides …": a named law or document.
    if DOCUMENT_NOUNS.contains(head)
        && head_part
            .iter()
            .enumerate()
            .any(|(i, t)| t.capitalised() && (i > 0 || !sentence_start))
    {
        return Some(SourceKind::Named);
    }
    if SOURCE_NOUNS.contains(head) || ANONYMOUS_NOUNS.contains(head) {
        // "a spokesman for the militia", "figures from the interior ministry", "a study by the Small Arms
        // Survey": the body after the noun is the source.
        let body = rest.iter().enumerate().any(|(i, t)| proper(t, i + cut))
            || (rest.iter().any(|t| t.lower() == "the") && rest.iter().any(|t| INSTITUTIONS.contains(t.lower())));
        if body
            && matches!(
                rest.first().map(|t| t.lower()),
                Some("for" | "from" | "by" | "of" | "at")
            )
        {
            return Some(SourceKind::Named);
        }
    }
    if SOURCE_NOUNS.contains(head) {
        // "a spokesman for the ISPR": the body named after the noun is the source.
        if rest.iter().enumerate().any(|(i, t)| proper(t, i + cut)) {
            return Some(SourceKind::Named);
        }
        let definite = matches!(
            first_lower,
            "the" | "this" | "that" | "these" | "its" | "his" | "her" | "their"
        );
        return Some(if definite {
            SourceKind::Anaphoric
        } else {
            SourceKind::Anonymous
        });
    }
    let _ = strong;
    None
}

/// A number in figures or words: "40", "Four", "twelve".
fn is_number(token: &Token) -> bool {
    token.text.bytes().all(|b| b.is_ascii_digit()) || super::cues::FIGURE_WORDS.contains(&token.lower())
}

/// Capitalised only because it opens the sentence.
fn is_common_opener(token: &Token) -> bool {
    let lower = token.lower();
    DETERMINERS.contains(&lower)
        || PRONOUNS.contains(&lower)
        || ANONYMOUS_NOUNS.contains(lower)
        || SOURCE_NOUNS.contains(lower)
        || NEGATIONS.contains(&lower)
        || matches!(
            lower,
            "each" | "every" | "any" | "all" | "most" | "few" | "both" | "such"
        )
        || matches!(
            lower,
            "we" | "i"
                | "you"
                | "there"
                | "security"
                | "official"
                | "western"
                | "recent"
                | "regional"
                | "intelligence"
                | "local"
                | "unnamed"
                | "anonymous"
                | "government"
                | "military"
                | "provincial"
                | "federal"
                | "foreign"
                | "afghan"
                | "pakistani"
        )
}

#[cfg(test)]
mod tests;
