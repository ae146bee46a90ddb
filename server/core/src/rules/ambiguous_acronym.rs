//! `ambiguous-acronym`: an acronym that names more than one known actor and is not spelled out.

use super::{Context, DocumentRule, Kind, Rule, RuleInfo};
use crate::actors::{KnowledgeBase, NameForm};
use crate::actors::{NamedInDocument, NamedInFull};
use crate::document::shift;
use crate::findings::{Edit, Finding, Fix, Severity};
use std::collections::HashSet;
use std::ops::Range;

pub struct AmbiguousAcronym;

static INFO: RuleInfo = RuleInfo {
    code: "ambiguous-acronym",
    default_severity: Severity::Info,
    summary: "An acronym that names more than one known actor and is not spelled out.",
    explanation: r#"## What it does
Flags the first use of an acronym that the knowledge base knows for more than one actor ("FC": the Frontier
Corps or the Federal Constabulary) when the document never writes out either name.

## Why is this bad?
A reader who guesses wrong attributes an attack, a statement or a casualty figure to the wrong force.

## Example
```markdown
Militants attacked an FC post in Khyber.
```

## Use instead
```markdown
Militants attacked a Frontier Corps (FC) post in Khyber.
```
"#,
};

impl Rule for AmbiguousAcronym {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Document(self)
    }
}

impl DocumentRule for AmbiguousAcronym {
    type Notes = Notes;

    /// The chunk's notes; `ctx` is the chunk alone.
    fn notes(&self, ctx: &Context) -> Notes {
        let named = NamedInFull::of(ctx.kb, ctx.located.iter().map(|m| m.surface));
        let shared = ctx
            .located
            .iter()
            .filter(|mention| {
                let surface = ctx.kb.matcher().surface(mention.surface);
                surface.actors.len() >= 2 && surface.actors.iter().all(|(_, form)| *form == NameForm::Acronym)
            })
            .map(|mention| SharedUse {
                surface: mention.surface,
                range: mention.range.clone(),
                written: ctx.text[mention.range.clone()].to_string(),
            })
            .collect();
        Notes { named, shared }
    }

    /// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) {
        let chunks = chunks.iter().copied();
        let named = NamedInDocument::new(|| chunks.clone().map(|(_, notes)| &notes.named));
        let mut reported = HashSet::new();
        for (by, notes) in chunks.clone() {
            for used in &notes.shared {
                let surface = kb.matcher().surface(used.surface);
                if surface.actors.iter().any(|(actor, _)| named.contains(*actor)) || !reported.insert(used.surface) {
                    continue;
                }
                let range = shift(&used.range, by);
                let acronym = &used.written;
                let names: Vec<&str> = surface.actors.iter().map(|(a, _)| kb.actor(*a).name.as_str()).collect();
                let fixes = names
                    .iter()
                    .map(|name| {
                        let full = format!("{name} ({acronym})");
                        Fix {
                            title: format!("Spell it out: “{full}”"),
                            edits: vec![Edit {
                                range: range.clone(),
                                replacement: full,
                            }],
                            // Which actor the writer meant is theirs to choose.
                            safe: false,
                        }
                    })
                    .collect();
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range,
                    message: format!(
                        "“{acronym}” can mean {}, and this document does not spell it out; write the full name at \
                         first use.",
                        or_list(&names)
                    ),
                    fixes,
                });
            }
        }
    }
}

/// What one chunk tells this rule: the actors it names in full, and its uses of acronyms that name more than
/// one actor, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    named: NamedInFull,
    shared: Vec<SharedUse>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct SharedUse {
    surface: usize,
    range: Range<usize>,
    written: String,
}

fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "ambiguous-acronym";

    #[test]
    fn fires_on_a_shared_acronym_never_spelled_out() {
        let found = findings_of("Militants attacked an FC post. The FC returned fire.", CODE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.contains("Frontier Corps") && found[0].1.contains("Federal Constabulary"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn quiet_when_one_meaning_is_spelled_out() {
        assert!(!codes_in("The Federal Constabulary (FC) guarded the gate. The FC returned fire.").contains(&CODE));
        assert!(!codes_in("The FC returned fire, the Frontier Corps said later.").contains(&CODE));
    }
}
