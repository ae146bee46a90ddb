//! Where a text names an organisation ("Zarghun Liberation Front", "Jamaat-ul-Ahrar") or a person with a title
//! ("Commander Noor Wali"): exactly the matches of two regexes, which the tests keep as the oracle. Every such
//! name has a keyword or a title that starts a capitalised word, so the text's capitalised words are looked up
//! in a word table and the words around each hit walked over; the organisation regex searched backwards from
//! every keyword over Unicode classes instead, which cost unknown-actor most of its time.

use std::ops::Range;
use std::sync::OnceLock;

/// Words that organisations use: a name is up to four capitalised words, then one of these.
const KEYWORDS: &[&str] = &[
    "Army",
    "Front",
    "Movement",
    "Party",
    "Ministry",
    "Council",
    "Corps",
    "Forces",
    "Brigade",
    "Group",
    "Network",
    "Organisation",
    "Organization",
    "Agency",
    "Authority",
    "Association",
    "Union",
    "Committee",
    "Commission",
    "Court",
    "Police",
    "Jamaat",
    "Lashkar",
    "Battalion",
    "Regiment",
    "Militia",
    "Alliance",
    "Directorate",
    "Bureau",
    "Tribunal",
    "Shura",
    "Jirga",
];

/// Words that start the South Asian pattern of names joined by hyphens: "Jamaat-ul-Ahrar", "Lashkar-e-Islam".
const HYPHENATED_STARTS: &[&str] = &["Jamaat", "Lashkar", "Jaish", "Harkat", "Ansar"];

/// Titles that a person's name follows: "Commander Noor Wali", "Maulana Fazl". None is the start of another, so
/// the one a match starts with is the one it matched.
pub const TITLES: &[&str] = &[
    "Gen.",
    "General",
    "Lt. Gen.",
    "Maj. Gen.",
    "Brig.",
    "Brigadier",
    "Col.",
    "Colonel",
    "Commander",
    "Mullah",
    "Maulana",
    "Mufti",
    "Sheikh",
    "Minister",
    "President",
    "Governor",
    "Senator",
    "Ambassador",
    "Dr.",
    "Qari",
    "Hafiz",
];

/// The organisations and titled people a text names.
#[derive(Debug, Default)]
pub struct ProperNames {
    /// The matches of `\b(?:[A-Z][\w'’-]+\s+){1,4}(?:KEYWORDS)\b(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3}` and
    /// `\b(?:HYPHENATED_STARTS)-[a-z]{1,3}-[A-Z][\w'’]+` (with ASCII `\b`), in order.
    pub organisations: Vec<Range<usize>>,
    /// The matches of `\b(?:TITLES)\s+(?:[A-Z][\w'’-]+\s?){1,3}` (with ASCII `\b`), in order.
    pub people: Vec<Range<usize>>,
}

impl ProperNames {
    /// The names in `text`, from a pass over its capitals of their own.
    #[cfg(test)]
    pub fn find(text: &str) -> ProperNames {
        let mut starts = Vec::new();
        let mut scan = NameScan::new(text, &mut starts);
        super::capitals::for_each_capital(text, |at| scan.capital(at));
        scan.finish()
    }
}

/// The names of one text, told its capitals in order ([`super::capitals`] shares them with the acronyms).
pub struct NameScan<'a> {
    text: &'a str,
    cues: &'static CueWords,
    /// The places where an organisation's name may start.
    starts: &'a mut Vec<usize>,
    people: Vec<Range<usize>>,
    /// Where the last titled person ends: the next may not start before.
    people_from: usize,
}

impl<'a> NameScan<'a> {
    /// `starts` is room for the places where organisations may start.
    pub fn new(text: &'a str, starts: &'a mut Vec<usize>) -> NameScan<'a> {
        starts.clear();
        NameScan {
            text,
            cues: CueWords::get(),
            starts,
            people: Vec::new(),
            people_from: 0,
        }
    }

    /// The capital at `at`: every keyword, hyphenated start and title starts with one, after a word boundary.
    /// Nothing happens unless a small letter follows it.
    #[inline(always)]
    pub fn capital(&mut self, at: usize) {
        let bytes = self.text.as_bytes();
        if boundary_before(bytes, at) && self.cues.may_start(&bytes[at..]) {
            self.cue_word_at(at);
        }
    }

    /// The word at `at`, which may be a cue word: out of line, since few capitals get this far and the scan
    /// over them stays small.
    #[inline(never)]
    fn cue_word_at(&mut self, at: usize) {
        let (text, cues) = (self.text, self.cues);
        let word = first_word(&text[at..]);
        let kinds = cues.kinds(word);
        if kinds & KEYWORD != 0 {
            starts_before_keyword(text, at, self.starts);
        }
        if kinds & HYPHENATED_START != 0 {
            self.starts.push(at);
        }
        if kinds & TITLE != 0 && at >= self.people_from {
            if let Some(end) = titled_at(text, at) {
                self.people.push(at..end);
                self.people_from = end;
            }
        }
    }

    pub fn finish(self) -> ProperNames {
        let text = self.text;
        self.starts.sort_unstable();
        self.starts.dedup();
        let mut organisations = Vec::new();
        let mut from = 0;
        for &start in self.starts.iter() {
            if start < from {
                continue;
            }
            if let Some(end) = around_keyword(text, start, self.cues).or_else(|| hyphenated(text, start)) {
                organisations.push(start..end);
                from = end;
            }
        }
        ProperNames {
            organisations,
            people: self.people,
        }
    }
}

/// What a cue word is, as bits: a keyword, a hyphenated start, the first word of a title, or several.
const KEYWORD: u8 = 1;
const HYPHENATED_START: u8 = 2;
const TITLE: u8 = 4;

/// The keywords, the hyphenated starts and the first words of the titles ("Lt" of "Lt. Gen.").
struct CueWords {
    /// Per first two bytes of a word, a capital and a small letter (entry `26 * (first - b'A') + second - b'a'`),
    /// which third bytes follow them in some cue word: bit `third - b'a'` for a small letter, bit 26 for the end
    /// of the word. Most capitalised words of a text are ruled out by these alone.
    starts: Vec<u32>,
    /// Per first two bytes (as `starts`), the cue words that start with them and what each is: one or two
    /// words, compared in one look where a hash set per kind cost three look-ups.
    by_pair: Vec<Vec<(&'static str, u8)>>,
}

impl CueWords {
    fn get() -> &'static CueWords {
        static WORDS: OnceLock<CueWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            let titles = TITLES.iter().map(|title| (first_word(title), TITLE));
            let words = (KEYWORDS.iter().map(|&word| (word, KEYWORD)))
                .chain(HYPHENATED_STARTS.iter().map(|&word| (word, HYPHENATED_START)))
                .chain(titles);
            let mut starts = vec![0; 26 * 26];
            let mut by_pair: Vec<Vec<(&'static str, u8)>> = vec![Vec::new(); 26 * 26];
            for (word, kind) in words {
                let (Some(pair), third) = (pair_index(word.as_bytes()), word.as_bytes().get(2)) else {
                    panic!("{word} does not start with a capital and a small letter");
                };
                starts[pair] |= third_bit(third.copied().unwrap_or(0));
                match by_pair[pair].iter_mut().find(|(known, _)| *known == word) {
                    Some((_, kinds)) => *kinds |= kind,
                    None => by_pair[pair].push((word, kind)),
                }
            }
            CueWords { starts, by_pair }
        })
    }

    /// What `word` is as a cue word ([`KEYWORD`], [`HYPHENATED_START`], [`TITLE`]); 0 if none.
    fn kinds(&self, word: &str) -> u8 {
        pair_index(word.as_bytes()).map_or(0, |pair| {
            self.by_pair[pair]
                .iter()
                .find(|(known, _)| *known == word)
                .map_or(0, |&(_, kinds)| kinds)
        })
    }

    /// Whether `bytes` (from a capital) may start a cue word.
    fn may_start(&self, bytes: &[u8]) -> bool {
        pair_index(bytes)
            .is_some_and(|pair| self.starts[pair] & THIRD_BITS[usize::from(bytes.get(2).copied().unwrap_or(0))] != 0)
    }
}

/// The index of a capital and a small letter that `bytes` starts with among all such pairs.
fn pair_index(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [first @ b'A'..=b'Z', second @ b'a'..=b'z', ..] => {
            Some(26 * usize::from(first - b'A') + usize::from(second - b'a'))
        }
        _ => None,
    }
}

/// The bit of a word's third byte in [`CueWords::starts`]: its letter if small, else whether it ends the word.
const fn third_bit(third: u8) -> u32 {
    if third.is_ascii_lowercase() {
        1 << (third - b'a')
    } else if third.is_ascii_alphanumeric() || third == b'_' {
        0
    } else {
        1 << 26
    }
}

/// [`third_bit`] of every byte, looked up on the scan's hot path.
static THIRD_BITS: [u32; 256] = {
    let mut bits = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        bits[byte] = third_bit(byte as u8);
        byte += 1;
    }
    bits
};

/// The run of ASCII word characters that `text` starts with.
fn first_word(text: &str) -> &str {
    let end = text.bytes().position(|b| !is_ascii_word(b)).unwrap_or(text.len());
    &text[..end]
}

/// Every place from which one to four capitalised words, each followed by spaces, reach the keyword at
/// `keyword`: the first word may start anywhere in its run of name characters after a word boundary, the
/// others only where their run starts.
fn starts_before_keyword(text: &str, keyword: usize, starts: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut next = keyword;
    for _ in 0..4 {
        let word_end = skip_back(text, next, SPACE);
        let word_start = skip_back(text, word_end, NAME);
        if word_end == next || word_start == word_end {
            return;
        }
        for at in word_start..word_end - 1 {
            if bytes[at].is_ascii_uppercase() && boundary_before(bytes, at) {
                starts.push(at);
            }
        }
        if !bytes[word_start].is_ascii_uppercase() || word_start + 1 == word_end {
            return;
        }
        next = word_start;
    }
}

/// The end of the first branch's match at `start`: the most capitalised words (up to four) that a keyword
/// follows, then up to three more, each perhaps after "of".
fn around_keyword(text: &str, start: usize, cues: &CueWords) -> Option<usize> {
    if !boundary_before(text.as_bytes(), start) {
        return None;
    }
    let mut word_starts = [start; 5];
    let mut words = 0;
    while words < 4 {
        let Some(next) = capitalised(text, word_starts[words]).and_then(|end| spaces(text, end)) else {
            break;
        };
        words += 1;
        word_starts[words] = next;
    }
    let mut end = (1..=words).rev().find_map(|n| keyword_at(text, word_starts[n], cues))?;
    for _ in 0..3 {
        let Some(word) = spaces(text, end) else {
            break;
        };
        let after_of = text[word..].starts_with("of").then(|| spaces(text, word + 2)).flatten();
        match after_of
            .and_then(|word| capitalised(text, word))
            .or_else(|| capitalised(text, word))
        {
            Some(word_end) => end = word_end,
            None => break,
        }
    }
    Some(end)
}

/// The end of the keyword at `at` that a word boundary follows: the ASCII word there is a keyword, since none
/// starts another (a test checks). Looked up in the table, where trying each keyword in turn cost the most of
/// the organisation scan.
fn keyword_at(text: &str, at: usize, cues: &CueWords) -> Option<usize> {
    if !cues.may_start(&text.as_bytes()[at..]) {
        return None;
    }
    let word = first_word(&text[at..]);
    (cues.kinds(word) & KEYWORD != 0).then_some(at + word.len())
}

/// The end of the second branch's match at `start`: "Jamaat-ul-Ahrar".
fn hyphenated(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !boundary_before(bytes, start) {
        return None;
    }
    let first = HYPHENATED_STARTS.iter().find(|word| text[start..].starts_with(*word))?;
    let mut at = start + first.len();
    if bytes.get(at) != Some(&b'-') {
        return None;
    }
    at += 1;
    let particle = bytes[at..].iter().take_while(|b| b.is_ascii_lowercase()).count();
    at += particle;
    if !(1..=3).contains(&particle) || bytes.get(at) != Some(&b'-') || !bytes.get(at + 1)?.is_ascii_uppercase() {
        return None;
    }
    let end = skip(text, at + 2, NAME_WITHOUT_HYPHEN);
    (end > at + 2).then_some(end)
}

/// The end of the match of a title at `start`, a word boundary before it, then spaces and up to three
/// capitalised words, each with the space after it.
fn titled_at(text: &str, start: usize) -> Option<usize> {
    if !boundary_before(text.as_bytes(), start) {
        return None;
    }
    let title = TITLES.iter().find(|title| text[start..].starts_with(*title))?;
    let mut end = spaces(text, start + title.len())?;
    let mut words = 0;
    while words < 3 {
        let Some(word_end) = capitalised(text, end) else {
            break;
        };
        end = word_end
            + text[word_end..]
                .chars()
                .next()
                .filter(|&c| SPACE.holds(c))
                .map_or(0, char::len_utf8);
        words += 1;
    }
    (words > 0).then_some(end)
}

/// `[A-Z][\w'’-]+` at `at`: its end.
fn capitalised(text: &str, at: usize) -> Option<usize> {
    if !text.as_bytes().get(at)?.is_ascii_uppercase() {
        return None;
    }
    let end = skip(text, at + 1, NAME);
    (end > at + 1).then_some(end)
}

/// `\s+` at `at`: its end.
fn spaces(text: &str, at: usize) -> Option<usize> {
    let end = skip(text, at, SPACE);
    (end > at).then_some(end)
}

/// A class of characters: its ASCII members by a bit of [`ASCII_CLASSES`], looked up without decoding (nearly
/// every character these walks see is ASCII), the others by a test.
#[derive(Clone, Copy)]
struct Class {
    bit: u8,
    other: fn(char) -> bool,
}

/// `[\w'’-]`, with the regex crate's Unicode `\w`.
const NAME: Class = Class {
    bit: 1,
    other: |c| c == '’' || regex_syntax::is_word_character(c),
};
/// `[\w'’]`.
const NAME_WITHOUT_HYPHEN: Class = Class { bit: 2, ..NAME };
/// `\s`: Unicode's White_Space, as `char::is_whitespace`.
const SPACE: Class = Class {
    bit: 4,
    other: char::is_whitespace,
};
/// `[0-9A-Za-z_]`, ASCII only.
const ASCII_WORD: Class = Class {
    bit: 8,
    other: |_| false,
};

static ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0; 128];
    let mut b: u8 = 0;
    while b < 128 {
        let word = b.is_ascii_alphanumeric() || b == b'_';
        let mut class = 0;
        if word || b == b'\'' || b == b'-' {
            class |= NAME.bit;
        }
        if word || b == b'\'' {
            class |= NAME_WITHOUT_HYPHEN.bit;
        }
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            class |= SPACE.bit;
        }
        if word {
            class |= ASCII_WORD.bit;
        }
        classes[b as usize] = class;
        b += 1;
    }
    classes
};

impl Class {
    #[inline]
    fn holds(self, c: char) -> bool {
        if c.is_ascii() {
            ASCII_CLASSES[c as usize] & self.bit != 0
        } else {
            (self.other)(c)
        }
    }
}

/// Where the characters of `class` from `at` end.
fn skip(text: &str, at: usize, class: Class) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if ASCII_CLASSES[usize::from(b)] & class.bit == 0 {
                break;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a character");
            if !(class.other)(c) {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Where the characters of `class` before `end` start.
fn skip_back(text: &str, end: usize, class: Class) -> usize {
    let bytes = text.as_bytes();
    let mut i = end;
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii() {
            if ASCII_CLASSES[usize::from(b)] & class.bit == 0 {
                break;
            }
            i -= 1;
        } else {
            let c = text[..i].chars().next_back().expect("a character");
            if !(class.other)(c) {
                break;
            }
            i -= c.len_utf8();
        }
    }
    i
}

/// The ASCII `\b` before a word character at `at`.
fn boundary_before(bytes: &[u8], at: usize) -> bool {
    at == 0 || !is_ascii_word(bytes[at - 1])
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii() && ASCII_CLASSES[usize::from(b)] & ASCII_WORD.bit != 0
}

#[cfg(test)]
mod tests;
