//! `undefined-acronym`: an acronym used before the document spells it out.

use super::acronyms::{capital_words, named_in_full, spelled_out_here, NOT_ACRONYMS, WELL_KNOWN};
use super::{Context, Rule, RuleInfo};
use crate::actors::NameForm;
use crate::document::BlockKind;
use crate::findings::{Edit, Finding, Fix, Severity};
use std::collections::HashSet;

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

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let mut seen: HashSet<String> = HashSet::new();
        let named = named_in_full(ctx);
        // Known actors' acronyms, at their first use outside headings.
        let mut known_ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for mention in ctx.located {
            let surface = ctx.kb.matcher().surface(mention.surface);
            if !surface.actors.iter().all(|(_, form)| *form == NameForm::Acronym) {
                continue;
            }
            known_ranges.push((mention.block, mention.plain.clone()));
            let block = &ctx.document.blocks[mention.block];
            let acronym = &block.text[mention.plain.clone()];
            if block.kind == BlockKind::Heading || !seen.insert(acronym.to_string()) {
                continue;
            }
            // A shared acronym ("FC") stands for the actor the document names; naming none, it is
            // `ambiguous-acronym`'s to report.
            let meant = match surface.actors.as_slice() {
                [(only, _)] => Some(*only),
                shared => shared
                    .iter()
                    .map(|(actor, _)| *actor)
                    .find(|actor| named.contains(actor)),
            };
            let Some(meant) = meant else {
                continue;
            };
            if WELL_KNOWN.contains(&acronym) || spelled_out_here(&block.text, &mention.plain) {
                continue;
            }
            let actor = ctx.kb.actor(meant);
            let full = format!("{} ({acronym})", actor.name);
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range: mention.range.clone(),
                message: format!("“{acronym}” is used before it is spelled out; at first use write “{full}”."),
                fixes: vec![Fix {
                    title: format!("Spell it out: “{full}”"),
                    edits: vec![Edit {
                        range: mention.range.clone(),
                        replacement: full,
                    }],
                }],
            });
        }
        // Unknown all-capital words.
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
            for plain in capital_words(&block.text) {
                let word = &block.text[plain.clone()];
                let known = known_ranges
                    .iter()
                    .any(|(b, r)| *b == index && r.start <= plain.start && plain.end <= r.end);
                let covered = ctx.mentions[index]
                    .iter()
                    .any(|m| m.range.start <= plain.start && plain.end <= m.range.end);
                if known
                    || covered
                    || NOT_ACRONYMS.contains(&word)
                    || WELL_KNOWN.contains(&word)
                    || !seen.insert(word.to_string())
                {
                    continue;
                }
                if spelled_out_here(&block.text, &plain) {
                    continue;
                }
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: block.source_range(&plain),
                    message: format!("“{word}” is used before it is spelled out; at first use write the full name followed by “({word})”."),
                    fixes: Vec::new(),
                });
            }
        }
    }
}

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
