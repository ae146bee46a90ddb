//! `unknown-actor`: a name that looks like an organisation or a person and is not in the knowledge base.

use super::{Context, DocumentRule, Kind, Rule, RuleInfo};
use crate::actors::KnowledgeBase;
use crate::document::shift;
use crate::document::BlockKind;
use crate::findings::{Finding, Severity};
use crate::text::acronyms::{in_a_heading_in_capitals, NOT_ACRONYMS, WELL_KNOWN};
use crate::text::proper_names::TITLES;
use std::collections::HashSet;
use std::ops::Range;

pub struct UnknownActor;

static INFO: RuleInfo = RuleInfo {
    code: "unknown-actor",
    default_severity: Severity::Hint,
    summary: "A proper name or acronym that looks like an actor and is not in the knowledge base.",
    explanation: r#"## What it does
Points out names that look like organisations ("Zarghun Liberation Front", "Kurram Peace Committee"), people
with a title ("Commander Noor Wali") or acronyms that the knowledge base does not know, once per document.
In an editor, a code action adds a stub entry to the workspace knowledge base (`.brieflint/actors.toml`).

## Why is this bad?
It is not wrong to name a new actor; but an actor the knowledge base knows gets hovers, completions and the
spelling and acronym checks. Adding it once helps every later briefing.

## Example
```markdown
The Zarghun Liberation Front claimed the attack.
```

## Use instead
Add the actor to `.brieflint/actors.toml`:
```toml
[[actors]]
id = "zarghun-liberation-front"
name = "Zarghun Liberation Front"
kind = "armed-group"
```
"#,
};

/// The name in a titled person's match, without its title and the spaces around it.
fn name_in(text: &str, matched: Range<usize>) -> Range<usize> {
    let found = &text[matched.clone()];
    let title = TITLES
        .iter()
        .find(|title| found.starts_with(*title))
        .map_or(0, |title| title.len());
    let name = found[title..].trim_start();
    let start = matched.end - name.len();
    start..start + name.trim_end().len()
}

/// Sets hashed with foldhash, several times faster than the standard SipHash on short names.
type FastSet<T> = HashSet<T, foldhash::fast::FixedState>;

impl Rule for UnknownActor {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Document(self)
    }
}

impl DocumentRule for UnknownActor {
    type Notes = Notes;

    /// The chunk's notes; `ctx` is the chunk alone.
    fn notes(&self, ctx: &Context) -> Notes {
        let mut seen: FastSet<&str> = FastSet::default();
        let mut names = Vec::new();
        // Room reused from block to block.
        let mut candidates = Vec::new();
        for (index, block) in ctx.document.blocks.iter().enumerate() {
            if block.kind == BlockKind::FootnoteDefinition {
                continue;
            }
            let overlaps_known = |r: &Range<usize>| {
                ctx.mentions[index]
                    .iter()
                    .any(|m| m.range.start < r.end && r.start < m.range.end)
            };
            candidates.clear();
            let found = ctx.proper_names(index);
            let organisations = found.organisations.iter().map(|r| trim_article(&block.text, r.clone()));
            candidates.extend(organisations);
            candidates.extend(found.people.iter().map(|r| name_in(&block.text, r.clone())));
            if block.kind != BlockKind::Heading {
                candidates.extend(
                    ctx.capital_words(index)
                        .iter()
                        .filter(|r| {
                            let word = &block.text[(*r).clone()];
                            !NOT_ACRONYMS.contains(word)
                                && !WELL_KNOWN.contains(word)
                                && !in_a_heading_in_capitals(&block.text, r)
                        })
                        .cloned(),
                );
            }
            candidates.sort_by_key(|r| r.start);
            for range in candidates.drain(..) {
                let name = &block.text[range.clone()];
                if overlaps_known(&range) || !seen.insert(name) {
                    continue;
                }
                names.push((name.to_string(), block.source_range(&range)));
            }
        }
        Notes { names }
    }

    /// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
    fn merge(&self, _kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) {
        let chunks = chunks.iter().copied();
        let mut reported: FastSet<&str> = FastSet::default();
        for (by, notes) in chunks {
            for (name, range) in &notes.names {
                if !reported.insert(name) {
                    continue;
                }
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: shift(range, by),
                    message: format!(
                        "“{name}” looks like an actor but is not in the knowledge base; add it to get hovers and \
                         spelling checks."
                    ),
                    fixes: Vec::new(),
                });
            }
        }
    }
}

/// What one chunk tells this rule: the first place in it of each unknown name, in order (the document reports
/// a name once, so later places in the same chunk cannot be reported).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    names: Vec<(String, Range<usize>)>,
}

/// "The Kurram Peace Committee" → "Kurram Peace Committee".
fn trim_article(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let matched = &text[range.clone()];
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = matched.strip_prefix(article) {
            return range.end - rest.len()..range.end;
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "unknown-actor";

    #[test]
    fn fires_on_unknown_organisations_people_and_acronyms() {
        let found = findings_of("The Zarghun Liberation Front and Commander Noor Gul met the ZQM.", CODE);
        let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, vec!["Zarghun Liberation Front", "Noor Gul", "ZQM"]);
    }

    #[test]
    fn fires_on_associations_hyphenated_group_names_and_spelled_out_ranks() {
        let text = "The Parachinar Traders Association, Jamaat-ul-Ahrar and Colonel Imran Shah were named.";
        let found = findings_of(text, CODE);
        let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            vec!["Parachinar Traders Association", "Jamaat-ul-Ahrar", "Imran Shah"]
        );
        assert!(!codes_in("Lashkar-e-Jhangvi claimed it.").contains(&CODE));
        let found = findings_of(
            "The National Counter Terrorism Authority and the Lahore High Court met.",
            CODE,
        );
        let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, vec!["National Counter Terrorism Authority", "Lahore High Court"]);
    }

    #[test]
    fn a_titled_name_is_the_name_without_its_title() {
        let found = findings_of(
            "Lt. Gen. Zarak Hameed met Maulana Fazl Noor and Dr.  Amina Zarghun.",
            CODE,
        );
        let names: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, vec!["Zarak Hameed", "Fazl Noor", "Amina Zarghun"]);
    }

    #[test]
    fn quiet_for_known_actors() {
        assert!(!codes_in("The Pakistan Army and the Baloch Liberation Army (BLA) clashed.").contains(&CODE));
    }
}
