//! Briefing-like text: sections of paragraphs, lists, tables, quotes and footnotes built from sentence
//! templates that vary actors, figures, dates and sourcing (cited, named, vague, hedged, judged, unsourced).

use super::kb::Cast;
use super::words::{ESTIMATES, HEDGES, MONTHS, OUTCOMES, RELATIVE, ROLES, TARGETS, VAGUE_SOURCES, VICTIMS};
use fastrand::Rng;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusStyle {
    Markdown,
    PlainText,
}

/// At least `bytes` of briefing text in `style`, naming actors from `cast`; the same for the same seed.
pub fn corpus(bytes: usize, style: CorpusStyle, cast: &Cast, seed: u64) -> String {
    let mut writer = Writer {
        rng: Rng::with_seed(seed),
        cast,
        style,
        out: String::with_capacity(bytes + 4096),
        notes: 0,
    };
    while writer.out.len() < bytes {
        writer.section();
    }
    writer.out
}

struct Writer<'c> {
    rng: Rng,
    cast: &'c Cast,
    style: CorpusStyle,
    out: String,
    notes: usize,
}

impl Writer<'_> {
    fn pick<'a>(&mut self, from: &'a [String]) -> &'a str {
        self.rng.choice(from).map_or("the group", String::as_str)
    }

    fn word<'a>(&mut self, from: &'a [&'a str]) -> &'a str {
        self.rng.choice(from).copied().unwrap_or("")
    }

    fn markdown(&self) -> bool {
        self.style == CorpusStyle::Markdown
    }

    fn section(&mut self) {
        let place = self.pick(&self.cast.places).to_string();
        let heading = format!(
            "{place} security update, {} {}",
            self.word(MONTHS),
            2020 + self.rng.u32(..6)
        );
        if self.markdown() {
            let _ = write!(self.out, "## {heading}\n\n");
        } else {
            let _ = write!(self.out, "{heading}\n\n");
        }
        for _ in 0..self.rng.usize(2..5) {
            self.paragraph();
        }
        match self.rng.u8(..5) {
            0 => self.list(),
            1 if self.markdown() => self.table(),
            2 if self.markdown() => self.quote(),
            _ => {}
        }
        if self.markdown() && self.notes > 0 && self.rng.bool() {
            self.footnotes();
        }
    }

    fn paragraph(&mut self) {
        let sentences: Vec<String> = (0..self.rng.usize(2..7)).map(|_| self.sentence()).collect();
        if self.markdown() || self.rng.u8(..3) > 0 {
            self.out.push_str(&sentences.join(" "));
        } else {
            // Plain text converted from PDF wraps lines mid-sentence.
            let joined = sentences.join(" ");
            let mut column = 0;
            for piece in joined.split(' ') {
                if column > 72 {
                    self.out.push('\n');
                    column = 0;
                } else if column > 0 {
                    self.out.push(' ');
                }
                self.out.push_str(piece);
                column += piece.len() + 1;
            }
        }
        self.out.push_str("\n\n");
    }

    fn list(&mut self) {
        for _ in 0..self.rng.usize(2..5) {
            let item = self.sentence();
            let _ = writeln!(self.out, "- {item}");
        }
        self.out.push('\n');
    }

    fn table(&mut self) {
        self.out.push_str("| District | Incidents | Killed |\n|---|---|---|\n");
        for _ in 0..self.rng.usize(2..5) {
            let place = self.pick(&self.cast.places).to_string();
            let (incidents, killed) = (self.rng.u32(1..60), self.rng.u32(0..200));
            let _ = writeln!(self.out, "| {place} | {incidents} | {killed} |");
        }
        self.out.push('\n');
    }

    fn quote(&mut self) {
        let said = self.sentence();
        let _ = write!(self.out, "> {said}\n\n");
    }

    fn footnotes(&mut self) {
        for note in 1..=self.notes {
            let outlet = self.pick(&self.cast.outlets).to_string();
            let (day, month) = (self.rng.u32(1..29), self.word(MONTHS));
            let _ = writeln!(self.out, "[^{note}]: {outlet}, {day} {month}.");
        }
        self.out.push('\n');
        self.notes = 0;
    }

    fn figure(&mut self) -> String {
        match self.rng.u8(..4) {
            0 => self.rng.u32(2..30).to_string(),
            1 => format!("{},{:03}", self.rng.u32(1..9), self.rng.u32(..1000)),
            2 => ["two", "three", "five", "seven", "dozens of"][self.rng.usize(..5)].to_string(),
            _ => format!("{}.{}", self.rng.u32(1..20), self.rng.u32(..10)),
        }
    }

    fn date(&mut self) -> String {
        format!("{} {}", self.rng.u32(1..29), self.word(MONTHS))
    }

    /// One sentence, with its own sourcing and, in Markdown, sometimes emphasis, a link or a footnote.
    fn sentence(&mut self) -> String {
        let group = self.pick(&self.cast.groups).to_string();
        let other = self.pick(&self.cast.groups).to_string();
        let person = self.pick(&self.cast.people).to_string();
        let place = self.pick(&self.cast.places).to_string();
        let outlet = self.pick(&self.cast.outlets).to_string();
        let group = if self.markdown() && self.rng.u8(..6) == 0 {
            format!("**{group}**")
        } else {
            group
        };
        let n = self.figure();
        let date = self.date();
        let target = self.word(TARGETS);
        let victims = self.word(VICTIMS);
        let mut sentence = match self.rng.u8(..14) {
            0 => format!("The {group} claimed responsibility for an attack on a {target} in {place} on {date}, killing {n} {victims}."),
            1 => format!("According to {outlet}, {n} {victims} were killed when {group} fighters attacked a {target} near {place}."),
            2 => format!("{} the {group} had moved {n} fighters into {place}.", self.word(VAGUE_SOURCES)),
            3 => format!("{} the {group} {} received funding from {other}.", self.word(ESTIMATES), self.word(HEDGES)),
            4 => format!("{person}, the {}, told {outlet} on {date} that {n} operations had been conducted.", self.word(ROLES)),
            5 => format!("The {group} {} will {} in {place}.", self.word(ESTIMATES).to_lowercase(), self.word(OUTCOMES)),
            6 => format!("Attacks in {place} rose by {n} percent compared with {} ({outlet}, {date}).", 2018 + self.rng.u32(..6)),
            7 => format!("\"We will not negotiate with the {group},\" said {person}."),
            8 => format!("He added that {n} suspects had been detained in {place} {}.", self.word(RELATIVE)),
            9 => format!("The {group} {} executed {n} {victims} in {place}.", self.word(HEDGES)),
            10 => format!("Violence in {place} is likely to increase ahead of the {} elections.", self.word(MONTHS)),
            11 => format!("Gen. {person} met U.S. officials in {place} on {date} to discuss the {other}."),
            12 => format!("Why did the {group} withdraw from {place}?"),
            _ => format!("Clashes between the {group} and {other} displaced {n} families in {place} {}.", self.word(RELATIVE)),
        };
        if self.markdown() {
            match self.rng.u8(..8) {
                0 => {
                    self.notes += 1;
                    sentence.push_str(&format!("[^{}]", self.notes));
                }
                1 => {
                    let end = sentence.pop().unwrap_or('.');
                    let _ = write!(
                        sentence,
                        " ([{outlet}](https://example.org/{}/{})){end}",
                        self.rng.u32(..9999),
                        self.rng.u32(..99)
                    );
                }
                2 => {
                    sentence = sentence
                        .replacen(", ", " — ", 1)
                        .replacen('"', "“", 1)
                        .replacen('"', "”", 1)
                }
                _ => {}
            }
        }
        sentence
    }
}
