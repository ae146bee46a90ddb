//! `undefined-acronym`: an acronym used before the document spells it out.

use super::{Context, DocumentRule, Kind, Rule, RuleInfo};
use crate::actors::{KnowledgeBase, NameForm};
use crate::actors::{NamedInDocument, NamedInFull};
use crate::document::shift;
use crate::document::BlockKind;
use crate::findings::{Edit, Finding, Fix, Severity};
use crate::text::acronyms::{in_a_heading_in_capitals, spelled_out_here, NOT_ACRONYMS, WELL_KNOWN};
use std::collections::HashSet;
use std::ops::Range;

pub struct UndefinedAcronym;

static INFO: RuleInfo = RuleInfo {
    code: "undefined-acronym",
    default_severity: Severity::Warning,
    summary: "An acronym used before the document spells it out.",
    explanation: r#"## What it does
Flags the first use of an acronym ("TTP", "CTD") when the document has not yet written it out in full with the
acronym in brackets. Known actors and unknown all-capital words are both checked; headings are not, and the
best-known acronyms (US, UK, UN, EU, NATO) need no expansion. An acronym several actors share ("FC") is left to
`ambiguous-acronym` when the document names none of them.

## Why is this bad?
Readers outside the field, and readers of a forwarded excerpt, cannot be expected to know every group's
acronym. Spelling it out once, at first use, costs a few words and saves a search.

## Example
```markdown
The TTP claimed the attack in Bannu.
```

## Use instead
```markdown
The Tehreek-e-Taliban Pakistan (TTP) claimed the attack in Bannu.
```
"#,
};

impl Rule for UndefinedAcronym {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Document(self)
    }
}

impl DocumentRule for UndefinedAcronym {
    type Notes = Notes;

    /// The chunk's notes; `ctx` is the chunk alone.
    fn notes(&self, ctx: &Context) -> Notes {
        let named = NamedInFull::of(ctx.kb, ctx.located.iter().map(|m| m.surface));
        let mut known = Vec::new();
        let mut seen: FastSet<&str> = FastSet::default();
        // Per block, the plain ranges of acronym-only mentions (headings included): those words are known.
        let mut known_ranges: Vec<Vec<Range<usize>>> = vec![Vec::new(); ctx.document.blocks.len()];
        for mention in ctx.located {
            let surface = ctx.kb.matcher().surface(mention.surface);
            if !surface.actors.iter().all(|(_, form)| *form == NameForm::Acronym) {
                continue;
            }
            known_ranges[mention.block].push(mention.plain.clone());
            let block = &ctx.document.blocks[mention.block];
            let acronym = &block.text[mention.plain.clone()];
            if block.kind == BlockKind::Heading || !seen.insert(acronym) {
                continue;
            }
            known.push(KnownUse {
                acronym: acronym.to_string(),
                surface: mention.surface,
                range: mention.range.clone(),
                exempt: WELL_KNOWN.contains(acronym) || spelled_out_here(&block.text, &mention.plain),
            });
        }
        let mut unknown = Vec::new();
        let mut seen: FastSet<&str> = FastSet::default();
        for (index, block) in ctx.document.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading
                || block
                    .text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
            {
                continue;
            }
            for plain in ctx.capital_words(index).iter().cloned() {
                let word = &block.text[plain.clone()];
                let known = known_ranges[index]
                    .iter()
                    .any(|r| r.start <= plain.start && plain.end <= r.end);
                let covered = ctx.mentions[index]
                    .iter()
                    .any(|m| m.range.start <= plain.start && plain.end <= m.range.end);
                if known
                    || covered
                    || NOT_ACRONYMS.contains(word)
                    || WELL_KNOWN.contains(word)
                    || in_a_heading_in_capitals(&block.text, &plain)
                    || !seen.insert(word)
                {
                    continue;
                }
                unknown.push(WordUse {
                    word: word.to_string(),
                    range: block.source_range(&plain),
                    spelled_out: spelled_out_here(&block.text, &plain),
                });
            }
        }
        Notes { named, known, unknown }
    }

    /// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) {
        let chunks = chunks.iter().copied();
        let named = NamedInDocument::new(|| chunks.clone().map(|(_, notes)| &notes.named));
        let mut seen: FastSet<&str> = FastSet::default();
        // Known actors' acronyms, at their first use outside headings.
        for (by, notes) in chunks.clone() {
            for known in &notes.known {
                if !seen.insert(&known.acronym) || known.exempt {
                    continue;
                }
                // A shared acronym ("FC") stands for the actor the document names; naming none, it is
                // `ambiguous-acronym`'s to report.
                let meant = match kb.matcher().surface(known.surface).actors.as_slice() {
                    [(only, _)] => Some(*only),
                    shared => shared
                        .iter()
                        .map(|(actor, _)| *actor)
                        .find(|&actor| named.contains(actor)),
                };
                let Some(meant) = meant else {
                    continue;
                };
                let acronym = &known.acronym;
                let range = shift(&known.range, by);
                let full = format!("{} ({acronym})", kb.actor(meant).name);
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: range.clone(),
                    message: format!("“{acronym}” is used before it is spelled out; at first use write “{full}”."),
                    fixes: vec![Fix {
                        title: format!("Spell it out: “{full}”"),
                        edits: vec![Edit {
                            range,
                            replacement: full,
                        }],
                        safe: true,
                    }],
                });
            }
        }
        // Unknown all-capital words.
        for (by, notes) in chunks {
            for found in &notes.unknown {
                if !seen.insert(&found.word) || found.spelled_out {
                    continue;
                }
                let word = &found.word;
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: shift(&found.range, by),
                    message: format!(
                        "“{word}” is used before it is spelled out; at first use write the full name followed by \
                         “({word})”."
                    ),
                    fixes: Vec::new(),
                });
            }
        }
    }
}

/// What one chunk tells this rule: the actors it names in full, and the first use in it of each acronym. Only
/// a first use can be the document's first, so later ones need not be kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// Actors named by something other than an acronym.
    named: NamedInFull,
    /// Known actors' acronyms outside headings, in document order.
    known: Vec<KnownUse>,
    /// Unknown all-capital words outside headings, in document order.
    unknown: Vec<WordUse>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct KnownUse {
    acronym: String,
    surface: usize,
    range: Range<usize>,
    /// Well known, or spelled out right there: never reported.
    exempt: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct WordUse {
    word: String,
    range: Range<usize>,
    spelled_out: bool,
}

/// Sets hashed with foldhash: a merge runs on every edit.
type FastSet<T> = HashSet<T, foldhash::fast::FixedState>;

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "undefined-acronym";

    #[test]
    fn fires_on_a_known_acronym_before_its_expansion() {
        let text = "The TTP claimed the raid. Later, the Tehreek-e-Taliban Pakistan (TTP) denied it.";
        let found = findings_of(text, CODE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "TTP");
        assert!(found[0].1.contains("Tehreek-e-Taliban Pakistan (TTP)"));
    }

    #[test]
    fn fires_on_an_unknown_capital_word_once() {
        let found = findings_of("The ZQM held a rally. The ZQM marched again.", CODE);
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec!["ZQM"]);
    }

    #[test]
    fn quiet_when_spelled_out_first_in_headings_and_for_well_known_ones() {
        assert!(!codes_in("The Tehreek-e-Taliban Pakistan (TTP) claimed it. The TTP later denied it.").contains(&CODE));
        assert!(!codes_in(
            "## TTP activity\n\nThe Zarghun Qaumi Movement (ZQM) held a rally. The US and NATO watched."
        )
        .contains(&CODE));
        assert!(!codes_in("The ZQM (Zarghun Qaumi Movement) held a rally. The ZQM marched.").contains(&CODE));
    }

    #[test]
    fn a_shared_acronym_fires_before_the_name_the_document_gives_it() {
        let text = "FC troops sealed the market. The Frontier Corps (FC) later reopened it.";
        let found = findings_of(text, CODE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "FC");
        assert!(found[0].1.contains("Frontier Corps (FC)"));
        // Named nowhere, it is ambiguous-acronym's finding alone.
        let codes = codes_in("Two FC soldiers were killed.");
        assert!(codes.contains(&"ambiguous-acronym") && !codes.contains(&CODE));
    }

    #[test]
    fn its_fix_spells_the_acronym_out() {
        let text = "The TTP claimed the raid.";
        assert_eq!(
            crate::rules::test_support::apply_first_fix(text, CODE),
            "The Tehreek-e-Taliban Pakistan (TTP) claimed the raid."
        );
    }
}
