//! The cue lexicons: the author's own judgement, hedges, and the patterns of sentences that are
//! not claims. Each is a regex compiled once.

use regex::Regex;
use std::sync::OnceLock;

macro_rules! cue {
    ($name:ident, $pattern:expr) => {
        pub fn $name() -> &'static Regex {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| crate::text::pattern::compile($pattern))
        }
    };
}

mod writers_notes;
pub use writers_notes::{anonymity_note, writers_note, WRITERS_NOTE_WORDS};

// The author's judgement, marked the way analytic standards ask.
cue!(
    author_judgement,
    r"(?i)\bwe\s+(?:have\s+|had\s+)?(?:\w+ly\s+|also\s+|still\s+|now\s+|further\s+|continue\s+to\s+|therefore\s+)?(?:do\s+not\s+|don['’]t\s+|did\s+not\s+|didn['’]t\s+)?(?:assess|assessed|judge|judged|estimate|estimated|believe|expect|anticipate|calculate|doubt|found|determined|concluded)\b|\bin\s+our\s+(?:assessment|judge?ment|view|estimation|analysis)\b|\bour\s+(?:assessment|judge?ment)\s+is\b|\bit\s+is\s+our\s+(?:assessment|judge?ment|view)\b|\bwe\s+have\s+(?:high|moderate|low)\s+confidence\b|\bwe\s+(?:have\s+)?(?:high|moderate|low)[\s-]confidence\b"
);
/// Key words of `author_judgement` (see `super::word_gate`): its verb, "confidence" or "our".
pub const AUTHOR_JUDGEMENT_WORDS: &[&str] = &[
    "assess",
    "judge",
    "estimate",
    "believe",
    "expect",
    "anticipate",
    "calculate",
    "doubt",
    "found",
    "determined",
    "concluded",
    "confidence",
    "our",
];

// Hedges that stand in for a source.
cue!(
    hedge,
    r"(?i)\b(?:reportedly|allegedly|purportedly|supposedly|apparently|ostensibly|rumou?red(?:ly)?|(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|also|still|now|long)\s+)?(?:said|believed|thought|understood|reported|alleged|rumou?red|claimed|suspected|held|presumed|assumed|estimated)\s+to|(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|also|still|now|long|often)\s+)?(?:described|characteri[sz]ed|portrayed|touted|hailed)\s+as|(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|also|still|now|long|often)\s+)?(?:accused|blamed)\s+(?:of|for)\b|(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|also|still|now|long)\s+)?(?:considered|deemed|widely\s+held|(?:regarded|seen|viewed|perceived)\s+(?:(?:in|by)\s+[^,.;]{1,40}?\s+)?as)|it\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:\w+ly|often|also|now|long)\s+)?(?:believed|understood|thought|said|reported|alleged|claimed|rumou?red|feared|suspected|suggested|argued|speculated|assumed|estimated)|(?:many|some|others|few)\s+(?:believe|argue|say|claim|suggest|fear|contend|think|allege)|(?:reports|unconfirmed\s+reports|media\s+reports|accounts)\s+(?:suggest|indicate|say|claim|show|allege)|there\s+(?:are|were|have\s+been)\s+(?:unconfirmed\s+)?reports|(?:word|rumou?rs?|speculation)\s+(?:is|are|has\s+it|abounds?|persists?|swirls?|circulates?|grows?)\b|(?:questions|concerns|doubts|fears|suspicions|allegations)\s+(?:have|has|had)\s+(?:also\s+)?been\s+raised|there\s+(?:are|were|have\s+been)\s+(?:growing\s+|widespread\s+)?(?:fears|concerns|suspicions|doubts|allegations|indications)\s+that|there\s+(?:is|was|has\s+been)\s+(?:growing\s+|mounting\s+|increasing\s+|some\s+|strong\s+)?(?:evidence|speculation)\s+that|(?:appears?|appeared|seems?|seemed)\s+to\s+(?:show|confirm|indicate|suggest)|unverified\s+(?:reports?|videos?|footage|images|claims?|accounts?|posts?)|(?:are|is|am|['’]re|['’]m)\s+(?:also\s+)?hearing\s+reports|(?:is|are|was|were)\s+widely\s+(?:doubted|disputed|questioned)|on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|speaking\s+anonymously)"
);
/// Key words of `hedge`: the adverb, the verb after "is" or "it is", after "many" or after "reports", the noun,
/// or the word of a source's anonymity ("on condition of anonymity", "asked not to be named").
pub const HEDGE_WORDS: &[&str] = &[
    "accused",
    "blamed",
    "described",
    "characteri",
    "portrayed",
    "touted",
    "hailed",
    "evidence",
    "appear",
    "seem",
    "unverified",
    "raised",
    "fears",
    "concerns",
    "suspicions",
    "doubts",
    "allegations",
    "indications",
    "anonym",
    "named",
    "identified",
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "rumoured",
    "rumored",
    "said",
    "believe",
    "thought",
    "understood",
    "reported",
    "alleged",
    "claim",
    "suspected",
    "feared",
    "argue",
    "say",
    "suggest",
    "fear",
    "contend",
    "think",
    "allege",
    "indicate",
    "show",
    "reports",
    "word",
    "rumour",
    "rumor",
    "rumours",
    "rumors",
    "speculation",
    "held",
    "presumed",
    "assumed",
    "estimated",
    "considered",
    "regarded",
    "seen",
    "viewed",
    "deemed",
    "perceived",
    "suggested",
    "argued",
    "speculated",
    "hearing",
    "doubted",
    "disputed",
    "questioned",
];

// Sentences that are not claims.
cue!(
    caption,
    r"^(?i:figure|fig\.|table|map|chart|graph|image|(?:file\s+)?photo|photograph|caption|source|sources|note|notes|credit|graphic|annex|appendix|file)\s*[\dA-Z]{0,3}\s*[.:—–-]"
);
/// Key words of `caption`, which its first word starts with (see `super::word_gate`).
pub const CAPTION_WORDS: &[&str] = &[
    "fig", "table", "map", "chart", "graph", "image", "photo", "file", "caption", "source", "note", "credit", "annex",
    "appendix",
];
cue!(
    link_teaser,
    r"^(?i:also\s+read|read\s+more|read\s+also|related|see\s+also|(?:the\s+)?previous\s+read|next\s+read|more\s+on|further\s+reading|recommended|watch|listen|subscribe)\b"
);
/// Key words of `link_teaser`, which its first word starts with.
pub const LINK_TEASER_WORDS: &[&str] = &[
    "also",
    "read",
    "related",
    "see",
    "the",
    "previous",
    "next",
    "more",
    "further",
    "recommended",
    "watch",
    "listen",
    "subscribe",
];
cue!(
    meta_text,
    r"^(?:(?i:this|the\s+following|(?:table|figure|fig\.|map|chart|appendix|annex)\s+[\dA-Z][\w.-]*(?:\s+(?:below|above))?)\s+(?i:(?:brief|briefing|paper|report|note|section|assessment|update|memo|analysis|document|summary|chapter|annex|appendix|table|figure|map|chart|timeline|list|commentary|review|study|investigation|project|publication|article|story)\s+)?(?i:was\s+(?:supported|funded|commissioned|made\s+possible|(?:originally\s+|first\s+)?(?:published|posted))|(?:originally|first)\s+appeared|examines|asks|describes|looks|does\s+not\s+(?:discuss|address|examine|cover|consider|assess|review|include)|outlines|covers|summari[sz]es|reviews|considers|sets\s+out|provides|draws|presents|lists|shows|focuses|uses|is\s+based|updates|explores|gives|maps|tracks|illustrates|depicts|will\s+be\s+updated|was\s+prepared|has\s+been\s+prepared|are\s+options|is\s+a\s+list)\b|(?i:the|our)\s+(?i:objectives?|purpose|aims?|scope|goals?)\s+of\s+(?i:this|our|the\s+present)\s+(?i:brief|briefing|paper|report|review|study|audit|analysis|assessment|work)\s+(?i:is|are|was|were)\b|(?i:the\s+following\s+(?:[\w-]+\s+){0,4}(?:statement|text|transcript|communiqué|communique|declaration)\s+was\s+(?:issued|released|published|adopted)|the\s+following\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:transcript|text|summary|statement|excerpt|extract)\b)|(?i:the\s+views\s+expressed|our\s+standards:|the\s+(?:data\s+)?cut-?off\s+(?:date\s+|time\s+)?(?:for|of)\s+this\b))"
);
/// Key words of `meta_text`, which its first word starts with.
pub const META_TEXT_WORDS: &[&str] = &[
    "this", "the", "our", "table", "figure", "fig", "map", "chart", "appendix", "annex",
];
// "For more information on targeting, see JP 3-60." points the reader elsewhere and asserts nothing.
cue!(
    cross_reference,
    r"^(?i:for\s+(?:further|more|additional|fuller)\s+(?:information|details?|discussion|guidance|background)\b[^.;]*?\b(?:see|refer\s+to|consult)\b)"
);
// A comparison of figures: "a third more than", "twice as many", "down from", "the largest this year".
cue!(
    comparison,
    r"(?i)\b(?:more|fewer|less|higher|lower|larger|smaller|greater)\s+than\b|\b(?:twice|double|half|a\s+third|a\s+quarter)\b|\b(?:up|down)\s+from\b|\b(?:rise|increase|drop|fall|decline)\s+(?:of|on|from)\b|\bpercent\b|\bper\s+cent\b|%|\bthe\s+(?:largest|highest|lowest|biggest|smallest|deadliest|most|fewest)\b|\brecord\b"
);
// Who wrote or compiled the text: "Reporting by …; editing by …", "Compiled by the research team, 3 May 2025."
cue!(
    byline,
    r"^(?:(?i:published|updated|posted|last\s+updated)\s*(?i:on|at)?\s*:?\s*\d|(?i:welcome\s+to\s+(?:our|the)\s+live)|(?i:(?:additional\s+)?reporting|compiled|prepared|written|edited|editing|commentary|analysis|research|text|photos?|graphics?|translated|translation|produced|authored)\s+by\b)|(?i:\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article))"
);
// Pointing the reader to another part or another document: "For an overview, see appendix III.", "The comments
// are reprinted in appendix IV.", "HUMINT is addressed in detail in JP 2-01.2."
cue!(
    points_elsewhere,
    r"(?i),\s*(?:please\s+)?(?:see|refer\s+to|consult)\s+(?:app\.|appendix|appendices|annex|section|sections|chapter|table|figure|fig\.|part|page|pages|pp?\.|box|the\s+(?:appendix|annex|section|chapter|table|figure))|\b(?:is|are)\s+(?:reprinted|discussed|described|addressed|covered|listed|presented|summari[sz]ed|explained|detailed)\s+(?:(?:more\s+fully|further|in\s+(?:more|greater|full)\s+detail|in\s+detail|in\s+their\s+entirety)\s+)?in\s+(?:app\.|appendix|annex|section|chapter|table|figure|part|JP\s+\d)|\b(?:is|are)\s+(?:described|discussed|listed|summari[sz]ed|explained|detailed|outlined|presented|set\s+out)\s+below(?:[.:;]|\s*$)|\b(?:is|are)\s+(?:shown\s+)?(?:at|in)\s+(?:figure|table|appendix|annex)\s+[\dA-Z]"
);
/// Key words of `cross_reference`, which its first word starts with.
pub const CROSS_REFERENCE_WORDS: &[&str] = &["for"];
// A contents line, its title run into the page number by a row of leader dots: "Annex B .......... 41".
cue!(contents_leader, r"\.{5,}|(?:\.\s){5,}|…{2,}");
cue!(
    instruction,
    r"^(?:Please\s+)?(?:See|Read|Click|Visit|Contact|Subscribe|Refer|Consult|Download|Follow|Watch|Listen|Compare|Consider|Check|Email|Share|Register|Review|Send|Call|Go|Find|Join|Sign|Ensure|Avoid|Include|Cite|Attach|Ask|Verify|Confirm|Track|Monitor|Flag|Update|Add|Recheck|Double-check|Let\s+us|Let's)\b(?:\s+(?:the|a|an|our|your|this|these|that|those|to|up|for|at|on|in|with|all|each|every|whether|if|how|what|who|when|where|which|why|paragraph|section|chapter|pages?|notes?|annex|appendix|figure|table|below|above|here|[A-Z0-9]\S*))"
);
/// Key words of `instruction`, which its first word starts with.
pub const INSTRUCTION_WORDS: &[&str] = &[
    "please",
    "see",
    "read",
    "click",
    "visit",
    "contact",
    "subscribe",
    "refer",
    "consult",
    "download",
    "follow",
    "watch",
    "listen",
    "compare",
    "consider",
    "check",
    "email",
    "share",
    "register",
    "review",
    "send",
    "call",
    "go",
    "find",
    "join",
    "sign",
    "ensure",
    "avoid",
    "include",
    "cite",
    "attach",
    "ask",
    "verify",
    "confirm",
    "track",
    "monitor",
    "flag",
    "update",
    "add",
    "recheck",
    "double",
    "let",
];

// What an unsourced sentence asserts, for the message.
cue!(
    figure,
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?:%|percent|per\s+cent)|\s+[a-z][a-z-]+)|(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens|scores|millions|billions)\s+(?:of\s+)?[a-z][a-z-]+)"
);
/// Key words of `figure`: a digit, or the number word.
pub const FIGURE_WORDS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundreds",
    "thousands",
    "dozens",
    "scores",
    "millions",
    "billions",
];
cue!(
    cause,
    r"(?i)\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|led\s+to|leading\s+to|caused|causing|resulted\s+in|resulting\s+in|triggered|fuell?ed\s+by|driven\s+by|stems?\s+from|stemming\s+from|attributable\s+to)\b"
);
/// Key words of `cause`: its first word, or "result" in "as a result of".
pub const CAUSE_WORDS: &[&str] = &[
    "because",
    "due",
    "owing",
    "result",
    "led",
    "leading",
    "caused",
    "causing",
    "resulted",
    "resulting",
    "triggered",
    "fuelled",
    "fueled",
    "driven",
    "stem",
    "stemming",
    "attributable",
];
cue!(
    judgement,
    r"(?i)\b(?:significant(?:ly)?|alarming|dangerous|clear(?:ly)?|evident(?:ly)?|undoubtedly|certainly|likely|unlikely|probabl[ey]|inevitabl[ey]|critical|serious|unprecedented|questionable|fraught|represents|demonstrates?|underscores?|underlines?|marks|validates|confirms|proves|reflects|signals|suggests|indicates|appears|seems|increasingly|growing|deepening|persistent|enduring)\b|\b(?-i:will|must|cannot|could|may|might|should)\b"
);
/// Key words of `judgement`: each of its words.
/// Relative dates ("yesterday", "last week", "in recent days"), for the relative-date rule.
pub fn relative_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| crate::text::pattern::compile(r"(?i)\b(?:yesterday|today|tonight|tomorrow|recently|lately|(?:last|this|next|past)\s+(?:week|month|year|weekend|night|morning|evening|spring|summer|autumn|winter)|earlier\s+(?:this|in\s+the)\s+(?:week|month|year)|in\s+recent\s+(?:days|weeks|months)|(?:a\s+few|several|two|three)\s+(?:days|weeks)\s+ago|days\s+ago|in\s+the\s+(?:coming|next|past)\s+(?:days|weeks|months)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"))
}

/// Key words of `relative_date` (see `super::word_gate`): its time word ("week" also opens "weekend"), "ago",
/// "earlier" or a day's name.
pub const RELATIVE_DATE_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "recently",
    "lately",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "spring",
    "summer",
    "autumn",
    "winter",
    "earlier",
    "day",
    "ago",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub const JUDGEMENT_WORDS: &[&str] = &[
    "significant",
    "alarming",
    "dangerous",
    "clear",
    "evident",
    "undoubtedly",
    "certainly",
    "likely",
    "unlikely",
    "probable",
    "probably",
    "inevitable",
    "inevitably",
    "critical",
    "serious",
    "unprecedented",
    "questionable",
    "fraught",
    "represents",
    "demonstrate",
    "underscore",
    "underline",
    "marks",
    "validates",
    "confirms",
    "proves",
    "reflects",
    "signals",
    "suggests",
    "indicates",
    "appears",
    "seems",
    "increasingly",
    "growing",
    "deepening",
    "persistent",
    "enduring",
    "will",
    "must",
    "cannot",
    "could",
    "may",
    "might",
    "should",
];

/// Months, so that "5 May" is not read as a figure of something.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_judgements() {
        for s in [
            "We assess with moderate confidence that",
            "We judge it likely",
            "In our assessment, the",
            "We now estimate that",
            "we have moderate confidence",
            "We do not expect the project to face attack",
            "We have found no document that confirms it",
            "we don’t believe the truce will hold",
            "It is our assessment that the curfew will be extended",
        ] {
            assert!(author_judgement().is_match(s), "{s}");
        }
        assert!(!author_judgement().is_match("They assess that"));
    }

    #[test]
    fn hedges() {
        for s in [
            "it reportedly included",
            "is said to have",
            "It is believed that",
            "some argue that",
            "reports suggest that",
            "allegedly originating",
        ] {
            assert!(hedge().is_match(s), "{s}");
        }
        assert!(!hedge().is_match("the report said"));
    }

    #[test]
    fn key_words_open_every_match() {
        use crate::claims::word_gate::tests::check_key_words;
        check_key_words(
            crate::claims::citations::bare_url_pattern(),
            crate::claims::citations::BARE_URL_WORDS,
        );
        check_key_words(author_judgement(), AUTHOR_JUDGEMENT_WORDS);
        check_key_words(hedge(), HEDGE_WORDS);
        check_key_words(figure(), FIGURE_WORDS);
        check_key_words(cause(), CAUSE_WORDS);
        check_key_words(judgement(), JUDGEMENT_WORDS);
        check_key_words(caption(), CAPTION_WORDS);
        check_key_words(link_teaser(), LINK_TEASER_WORDS);
        check_key_words(meta_text(), META_TEXT_WORDS);
        check_key_words(writers_note(), WRITERS_NOTE_WORDS);
        check_key_words(cross_reference(), CROSS_REFERENCE_WORDS);
        check_key_words(instruction(), INSTRUCTION_WORDS);
        check_key_words(relative_date(), RELATIVE_DATE_WORDS);
    }

    #[test]
    fn not_claims() {
        assert!(caption().is_match("Figure 2: Attacks in Kurram"));
        assert!(caption().is_match("Source: ACLED"));
        assert!(link_teaser().is_match("Also read: How the TTP regrouped"));
        assert!(meta_text().is_match("This brief examines the pact."));
        assert!(meta_text().is_match("This report does not discuss the classified budget."));
        assert!(meta_text().is_match("The objectives of this study were to count the camps and map them."));
        assert!(!meta_text().is_match("The objectives of the campaign were to seize the port."));
        assert!(meta_text().is_match("Table 2 below summarizes our criteria for each field."));
        assert!(byline().is_match("Posted On: 07 DEC 2026 11:40AM by PIB Delhi"));
        assert!(points_elsewhere().is_match("The office's role in each of these is described below."));
        assert!(points_elsewhere().is_match("The current organization is at Figure 2."));
        assert!(!points_elsewhere().is_match("The garrison is at full strength."));
        assert!(!points_elsewhere().is_match("Ten of the dead are listed below the age of 18."));
        assert!(instruction().is_match("See the appendix for details."));
        assert!(!instruction().is_match("Sign language was used."));
        assert!(!instruction().is_match("Seeing the attacks, they left."));
        assert!(instruction().is_match("Ask the Quetta office for the log."));
        assert!(instruction().is_match("Check whether the union has issued anything."));
        assert!(!instruction().is_match("Monitors said the vote was fair."));
        assert!(instruction().is_match("See paragraph 4, “Open-source reporting.”"));
        assert!(!instruction().is_match("Seeing paragraphs of praise, they left."));
        assert!(cross_reference().is_match("For further information, see Annex B."));
        assert!(cross_reference().is_match("For more information on checkpoints, refer to the Kurram log."));
        assert!(!cross_reference().is_match("For more information was needed; the team waited."));
        assert!(!cross_reference().is_match("For years the group said nothing."));
        assert!(contents_leader().is_match("Annex B: Casualty tables .......... 41"));
        assert!(contents_leader().is_match("Chapter 2 . . . . . . 17"));
        assert!(!contents_leader().is_match("He paused... then spoke."));
    }
}
