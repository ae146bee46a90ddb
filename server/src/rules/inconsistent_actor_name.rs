//! `inconsistent-actor-name`: one actor written in two spellings in one document.

use super::{shift, Context, Rule, RuleInfo};
use crate::actors::FastMap;
use crate::actors::{KnowledgeBase, NameForm};
use crate::findings::{Edit, Finding, Fix, Severity};
use std::ops::Range;

pub struct InconsistentActorName;

static INFO: RuleInfo = RuleInfo {
    code: "inconsistent-actor-name",
    default_severity: Severity::Warning,
    summary: "One actor spelled two ways in one document.",
    explanation: r#"## What it does
Flags a mention of an actor spelled differently from the document's first spelling of the same actor
("al Qaeda" then "al-Qaida"; "Tehrik-i-Taliban" then "Tehreek-e-Taliban"). Acronyms and other names (aliases)
are not spellings and are left alone, and so are quotations of someone else's words.

## Why is this bad?
Two spellings make a reader wonder whether two groups are meant, and they break searches of the archive.

## Example
```markdown
Al Qaeda figures attended. Analysts tie al-Qaida to the camp.
```

## Use instead
```markdown
Al Qaeda figures attended. Analysts tie al Qaeda to the camp.
```
"#,
};

impl Rule for InconsistentActorName {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        merge(ctx.kb, [(0, &notes(ctx))], out);
    }
}

/// What one chunk tells this rule: every mention that spells out one actor's name, outside quotations, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    spellings: Vec<Spelling>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Spelling {
    actor: usize,
    surface: usize,
    written: String,
    range: Range<usize>,
}

/// The chunk's notes; `ctx` is the chunk alone.
pub fn notes(ctx: &Context) -> Notes {
    let mut spellings = Vec::new();
    for mention in ctx.located {
        let surface = ctx.kb.matcher().surface(mention.surface);
        let [(actor, form)] = surface.actors.as_slice() else {
            continue;
        };
        if !matches!(form, NameForm::Name | NameForm::Variant) || ctx.quoted(mention) {
            continue;
        }
        spellings.push(Spelling {
            actor: *actor,
            surface: mention.surface,
            written: ctx.text[mention.range.clone()].to_string(),
            range: mention.range.clone(),
        });
    }
    Notes { spellings }
}

/// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
pub fn merge<'a>(kb: &KnowledgeBase, chunks: impl IntoIterator<Item = (isize, &'a Notes)>, out: &mut Vec<Finding>) {
    // For each actor, the surface and text of its first spelled mention.
    let mut first: FastMap<usize, (usize, &str)> = FastMap::default();
    for (by, notes) in chunks {
        for spelling in &notes.spellings {
            let Some(&(first_surface, first_written)) = first.get(&spelling.actor) else {
                first.insert(spelling.actor, (spelling.surface, &spelling.written));
                continue;
            };
            if first_surface == spelling.surface {
                continue;
            }
            let range = shift(&spelling.range, by);
            let written = &spelling.written;
            let canonical = &kb.actor(spelling.actor).name;
            // Joined rather than formatted: this runs for thousands of findings on every edit of a long
            // briefing, and `format!` costs several times more.
            let mut fixes = vec![Fix {
                title: ["Use “", first_written, "”, this document's first spelling"].concat(),
                edits: vec![Edit {
                    range: range.clone(),
                    replacement: first_written.to_string(),
                }],
            }];
            if !canonical.eq_ignore_ascii_case(first_written) {
                fixes.push(Fix {
                    title: ["Use the canonical spelling “", canonical, "”"].concat(),
                    edits: vec![Edit {
                        range: range.clone(),
                        replacement: canonical.clone(),
                    }],
                });
            }
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range,
                message: [
                    "“",
                    written,
                    "” is spelled “",
                    first_written,
                    "” earlier in this document; keep to one spelling of ",
                    canonical,
                    ".",
                ]
                .concat(),
                fixes,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, codes_in, findings_of};

    const CODE: &str = "inconsistent-actor-name";

    #[test]
    fn fires_on_a_second_spelling() {
        let found = findings_of("Al Qaeda figures attended. The camp hosted al-Qaida trainers.", CODE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "al-Qaida");
        assert!(found[0].1.contains("“Al Qaeda” earlier"));
    }

    #[test]
    fn quiet_for_case_acronyms_aliases_and_quotations() {
        assert!(!codes_in("Al Qaeda figures attended. The camp hosted al Qaeda trainers.").contains(&CODE));
        assert!(!codes_in("The Tehreek-e-Taliban Pakistan (TTP) struck. The TTP later withdrew.").contains(&CODE));
        assert!(!codes_in("Al Qaeda figures attended. A leaflet read “al-Qaida will return”.").contains(&CODE));
    }

    #[test]
    fn its_fix_uses_the_first_spelling() {
        let text = "Al Qaeda figures attended. The camp hosted al-Qaida trainers.";
        assert_eq!(
            apply_first_fix(text, CODE),
            "Al Qaeda figures attended. The camp hosted Al Qaeda trainers."
        );
    }
}
