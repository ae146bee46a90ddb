//! `inconsistent-actor-name`: one actor written in two spellings in one document.

use super::{Context, DocumentRule, Kind, Rule, RuleInfo};
use crate::actors::{KnowledgeBase, NameForm};
use crate::document::shift;
use crate::document::Document;
use crate::findings::{Edit, Finding, Fix, Severity};
use crate::model::Analysis;
use crate::model::LocatedMention;
use crate::util::FastMap;
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

    fn kind(&'static self) -> Kind {
        Kind::Document(self)
    }

    /// Made on request: a long briefing has thousands of these findings, made anew on every edit, and an
    /// editor asks for the fixes of one at a time.
    fn fixes(&self, text: &str, analysis: &Analysis, kb: &KnowledgeBase, finding: &Finding) -> Vec<Fix> {
        let mentions = analysis.mentions();
        let spells = |mention: &LocatedMention| spelled_actor(kb, &analysis.document, mention);
        let Some(actor) = mentions.iter().find(|m| m.range == finding.range).and_then(spells) else {
            return Vec::new();
        };
        let Some(first) = mentions.iter().find(|m| spells(m) == Some(actor)) else {
            return Vec::new();
        };
        let first_written = &text[first.range.clone()];
        let canonical = &kb.actor(actor).name;
        // The first spelling is safe to apply unasked only when it is the canonical one.
        let mut fixes = vec![fix(
            ["Use “", first_written, "”, this document's first spelling"].concat(),
            &finding.range,
            first_written,
            first_written == canonical,
        )];
        if !canonical.eq_ignore_ascii_case(first_written) {
            fixes.push(fix(
                ["Use the canonical spelling “", canonical, "”"].concat(),
                &finding.range,
                canonical,
                true,
            ));
        }
        fixes
    }
}

impl DocumentRule for InconsistentActorName {
    type Notes = Notes;

    /// The chunk's notes; `ctx` is the chunk alone.
    fn notes(&self, ctx: &Context) -> Notes {
        let mut spellings = Vec::new();
        let mut written = String::new();
        for mention in ctx.located {
            let Some(actor) = spelled_actor(ctx.kb, ctx.document, mention) else {
                continue;
            };
            let start = written.len();
            written.push_str(&ctx.text[mention.range.clone()]);
            spellings.push(Spelling {
                actor,
                surface: mention.surface,
                written: start..written.len(),
                range: mention.range.clone(),
            });
        }
        Notes { spellings, written }
    }

    /// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
    /// They carry no fixes: [`InconsistentActorName::fixes`] makes them on request.
    fn merge(&self, kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) {
        let chunks = chunks.iter().copied();
        // For each actor, the surface and text of its first spelled mention.
        let mut first: FastMap<usize, (usize, &str)> = FastMap::default();
        for (by, notes) in chunks {
            for spelling in &notes.spellings {
                let written = &notes.written[spelling.written.clone()];
                let Some(&(first_surface, first_written)) = first.get(&spelling.actor) else {
                    first.insert(spelling.actor, (spelling.surface, written));
                    continue;
                };
                if first_surface == spelling.surface {
                    continue;
                }
                let canonical = &kb.actor(spelling.actor).name;
                // Joined rather than formatted: this runs for thousands of findings on every edit of a long
                // briefing, and `format!` costs several times more.
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: shift(&spelling.range, by),
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
                    fixes: Vec::new(),
                });
            }
        }
    }
}

fn fix(title: String, range: &Range<usize>, replacement: &str, safe: bool) -> Fix {
    Fix {
        title,
        edits: vec![Edit {
            range: range.clone(),
            replacement: replacement.to_string(),
        }],
        safe,
    }
}

/// What one chunk tells this rule: every mention that spells out one actor's name, outside quotations, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    spellings: Vec<Spelling>,
    /// What the spellings' mentions say, one after the other: one string rather than one for each of thousands
    /// of mentions.
    written: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Spelling {
    actor: usize,
    surface: usize,
    /// Where the mention's words are in [`Notes::written`].
    written: Range<usize>,
    range: Range<usize>,
}

/// The actor `mention` spells out by name: one actor's name or spelling variant (not an acronym or alias),
/// outside a quotation.
fn spelled_actor(kb: &KnowledgeBase, document: &Document, mention: &LocatedMention) -> Option<usize> {
    let surface = kb.matcher().surface(mention.surface);
    let [(actor, form)] = surface.actors.as_slice() else {
        return None;
    };
    (matches!(form, NameForm::Name | NameForm::Variant) && !document.blocks[mention.block].quotes(&mention.plain))
        .then_some(*actor)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, codes_in, findings, findings_of, kb};

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

    #[test]
    fn its_fixes_are_made_on_request_from_the_whole_document() {
        // The first spelling is paragraphs away, in another chunk, as the language server cuts the text.
        use crate::analysis::{analyse_chunked, ChunkCache, Chunking, Keep};
        let text = "Al Qaeda figures attended.\n\nThe talks ended.\n\nThe camp hosted al-Qaida trainers.\n";
        let chunked = analyse_chunked(
            text,
            crate::DocKind::Markdown,
            kb(),
            &crate::RuleSettings::default(),
            &mut ChunkCache::default(),
            Keep::Chunks,
            Chunking::Safe,
        );
        assert_eq!(chunked.parts().len(), 3);
        let analysis = chunked.flat();
        let finding = analysis.findings.iter().find(|f| f.code == CODE).expect("a finding");
        assert!(finding.fixes.is_empty(), "made with the finding: {:?}", finding.fixes);
        let fixes = crate::rules::fixes_of(text, analysis, kb(), finding);
        let titles: Vec<&str> = fixes.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Use “Al Qaeda”, this document's first spelling",
                "Use the canonical spelling “al-Qaeda”"
            ]
        );
        assert_eq!(
            crate::findings::apply(text, &fixes[1].edits),
            text.replace("al-Qaida", "al-Qaeda")
        );
    }

    #[test]
    fn no_fix_for_a_finding_of_another_text() {
        let text = "Al Qaeda figures attended. The camp hosted al-Qaida trainers.";
        let finding = findings(text).into_iter().find(|f| f.code == CODE).expect("a finding");
        let other = crate::analyse("Nothing here names anyone at all.", crate::DocKind::Markdown, kb());
        assert!(crate::rules::fixes_of(text, &other, kb(), &finding).is_empty());
    }
}
