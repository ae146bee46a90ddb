//! The writer's notes on what could not be learnt ("It was not immediately clear whether …", "He did not say how
//! many …", "Reuters could not determine …") and on why a source goes unnamed: sentences that assert nothing.

use regex::Regex;
use std::sync::OnceLock;

cue!(
    writers_note,
    r"(?i)\b(?:(?:did|does|has|have|had)(?:\s+not|n['’]t)\s+(?:immediately\s+|yet\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)\s+(?:to\s+)?(?:an?\s+|several\s+|repeated\s+|multiple\s+|our\s+|its\s+|the\s+)?(?:follow-?up\s+|written\s+)?(?:requests?|calls?|messages?|e-?mails?|inquiries|queries|questions|letters?)|(?:did|does|has|have|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?respond(?:ed)?|(?:do|does|did)(?:\s+not|n['’]t)\s+comment\s+on|declined\s+to\s+comment|(?:did|does|has|have|had)(?:\s+not|n['’]t)\s+(?:immediately|yet)\s+comment(?:ed)?|(?:has|have)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:observed|seen)\s+(?:any\s+)?confirmation|requests?\s+for\s+comment|(?:could|can)(?:\s*not|n['’]t)\s+be\s+(?:immediately\s+|independently\s+){0,2}(?:reached|verified|confirmed)|(?:could|can)(?:\s*not|n['’]t)\s+(?:immediately\s+|independently\s+){0,2}(?:verify|confirm)|not\s+(?:immediately\s+|yet\s+)?(?:clear|known)\s+(?:who|what|whether|how|why|if|when|where)|unclear\s+(?:who|what|whether|how|why|if|when|where)|(?:was|were|is|are|has\s+been|have\s+been)\s+unable\s+to\s+(?:independently\s+)?(?:confirm|verify)|(?:independent\s+)?verification\s+(?:was|is|has\s+not\s+been)\s+(?:not\s+)?(?:possible|available)|questions\s+remain(?:ed)?\s+(?:about|over|as\s+to)\s+(?:who|what|whether|how|why|when|where)|(?:did|does|would)(?:\s+not|n['’]t)\s+(?:say|specify|elaborate|disclose)\s+(?:who|what|whether|how|why|when|where|which|if)|(?:did|does|would)(?:\s+not|n['’]t)\s+(?:elaborate|give\s+(?:further\s+|more\s+|any\s+)?details|provide\s+(?:any\s+|further\s+)?(?:evidence|details))|(?:did|does|would)(?:\s+not|n['’]t)\s+(?:give|provide|release|publish|disclose)\s+(?:the\s+|any\s+|a\s+|further\s+)?(?:names?|ranks?|figures?|numbers?|reasons?|breakdown|identit(?:y|ies))|(?:could|can)(?:\s*not|n['’]t)\s+(?:immediately\s+|independently\s+){0,2}(?:determine|establish|ascertain)|(?:has|have|had)\s+not\s+(?:previously\s+)?been\s+(?:previously\s+)?(?:reported|disclosed)|(?:has|have|had)(?:\s+not|n['’]t)\s+commented|did(?:\s+not|n['’]t)\s+comment)\b"
);
// Why a source is left unnamed, as a sentence of its own: "He spoke on condition of anonymity because …", "She
// asked not to be named." (A note inside a claim, "… an official who spoke on condition of anonymity", leaves
// the claim.)
cue!(
    anonymity_note,
    r"^(?i:(?:he|she|they|both|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:spoke|talked)\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:he|she|they)\s+(?:asked|requested)\s+(?:not\s+to\s+be\s+(?:named|identified)|anonymity))\b"
);
/// Key words of `writers_note`: the word of each alternative that every match of it has.
pub const WRITERS_NOTE_WORDS: &[&str] = &[
    "name",
    "rank",
    "figure",
    "number",
    "reason",
    "breakdown",
    "identit",
    "determin",
    "establish",
    "ascertain",
    "reported",
    "disclosed",
    "say",
    "specify",
    "elaborate",
    "disclose",
    "details",
    "evidence",
    "respond",
    "reply",
    "replied",
    "return",
    "comment",
    "request",
    "reached",
    "verif",
    "confirm",
    "clear",
    "known",
    "unclear",
    "questions",
];
