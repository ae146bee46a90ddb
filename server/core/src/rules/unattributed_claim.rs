//! `unattributed-claim`: a sentence that asserts something with no source at all.

use super::{fixes, BlockRule, Context, Kind, Rule, RuleInfo};
use crate::actors::KnowledgeBase;
use crate::claims::{Assertion, ClaimClass, Reason};
use crate::findings::{Finding, Fix, Severity};
use crate::model::Analysis;

pub struct UnattributedClaim;

pub static INFO: RuleInfo = RuleInfo {
    code: "unattributed-claim",
    default_severity: Severity::Warning,
    summary: "A claim with no source: no citation, no named source, not marked as the author's judgement.",
    explanation: r#"## What it does
Flags a sentence that asserts a fact or a judgement (an event, a figure, a cause, a characterisation) but gives
no source for it: no link, footnote or reference such as `[3]`, no named source ("the ISPR said", "according to
Dawn"), and no sign that it is the author's own judgement ("We assess ...").

## Why is this bad?
A reader cannot weigh a claim without knowing where it comes from. Analytic standards (for example US ICD 203)
ask that every claim be sourced, and that the writer's own judgements be marked as judgements rather than
stated as fact.

## Example
```markdown
The raid on the Federal Constabulary headquarters left five personnel injured.
```

## Use instead
```markdown
The raid on the Federal Constabulary headquarters left five personnel injured, the ISPR said.[^1]
```
or, for your own judgement:
```markdown
We assess with moderate confidence that the raid was planned from across the border.
```
"#,
};

impl Rule for UnattributedClaim {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }

    fn fixes(&self, text: &str, analysis: &Analysis, _: &KnowledgeBase, finding: &Finding) -> Vec<Fix> {
        let document = &analysis.document;
        fixes::sentence_of(document, finding)
            .map(|sentence| {
                vec![
                    fixes::citation_stub(text, document, sentence),
                    fixes::attribution_template(text, sentence),
                ]
            })
            .unwrap_or_default()
    }
}

impl BlockRule for UnattributedClaim {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (sentence, verdict) in ctx.document.sentences.iter().zip(ctx.verdicts) {
            let Reason::Unsourced(assertion) = &verdict.reason else {
                continue;
            };
            debug_assert_eq!(verdict.class, ClaimClass::Unattributed);
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range: sentence.range.clone(),
                message: message(assertion),
                fixes: Vec::new(),
            });
        }
    }
}

fn message(assertion: &Assertion) -> String {
    let what = match assertion {
        Assertion::Figure(s) => format!("it states a figure (“{s}”)"),
        Assertion::Cause(s) => format!("it states a cause (“{s}”)"),
        Assertion::Judgement(s) => format!("it makes a judgement (“{s}”) as if it were fact"),
        Assertion::Event(s) => format!("it reports an event (“{s}”)"),
        Assertion::Statement => "it states this as fact".to_string(),
    };
    format!(
        "No source: no citation, no attribution such as “according to” or “said”, and {what}. \
         Cite the source, name who says it, or mark it as your judgement (“We assess …”)."
    )
}

#[cfg(test)]
mod tests {
    use crate::actors::KnowledgeBase;
    use crate::analyse;
    use crate::document::DocKind;
    use crate::rules::Rule;

    fn findings(text: &str) -> Vec<(String, String)> {
        analyse(text, DocKind::Markdown, &KnowledgeBase::builtin())
            .findings
            .into_iter()
            .filter(|f| f.code == "unattributed-claim")
            .map(|f| (text[f.range].to_string(), f.message))
            .collect()
    }

    #[test]
    fn fires_on_an_unsourced_figure_and_says_why() {
        let found = findings("The raid left five personnel injured.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "The raid left five personnel injured.");
        assert!(
            found[0].1.contains("it states a figure (“five personnel”)"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn quiet_on_sourced_sentences_questions_and_headings() {
        assert!(findings("# The raid\n\nThe raid left five injured, the ISPR said. Who ordered it?").is_empty());
        assert!(findings("We assess that the raid was planned abroad.").is_empty());
    }

    #[test]
    fn its_fixes_cite_or_attribute() {
        let text = "The raid left five personnel injured.\n";
        let analysis = analyse(text, DocKind::Markdown, &KnowledgeBase::builtin());
        let fixes = super::UnattributedClaim.fixes(text, &analysis, &KnowledgeBase::builtin(), &analysis.findings[0]);
        let cite = crate::findings::apply(text, &fixes[0].edits);
        assert_eq!(cite, "The raid left five personnel injured.[^1]\n\n[^1]: Source: …\n");
        let attribute = crate::findings::apply(text, &fixes[1].edits);
        assert_eq!(attribute, "According to …, the raid left five personnel injured.\n");
    }

    #[test]
    fn its_footnote_takes_the_first_label_the_whole_text_leaves_free() {
        // The rule runs per chunk, but the fix is made for the whole text: [^1] is taken further down.
        let text = "The raid left five personnel injured.\n\nThe police said so.[^1]\n\n[^1]: Dawn, 2 May.\n";
        let analysis = analyse(text, DocKind::Markdown, &KnowledgeBase::builtin());
        let finding = analysis
            .findings
            .iter()
            .find(|f| f.code == "unattributed-claim")
            .unwrap();
        let fixes = super::UnattributedClaim.fixes(text, &analysis, &KnowledgeBase::builtin(), finding);
        let cite = crate::findings::apply(text, &fixes[0].edits);
        assert!(
            cite.starts_with("The raid left five personnel injured.[^2]\n"),
            "{cite}"
        );
        assert!(cite.ends_with("[^1]: Dawn, 2 May.\n\n[^2]: Source: …\n"), "{cite}");
    }
}
