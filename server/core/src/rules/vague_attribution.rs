//! `vague-attribution`: a claim whose only source is anonymous ("sources say") or a hedge ("reportedly").

use super::{fixes, BlockRule, Context, Kind, Rule, RuleInfo};
use crate::actors::KnowledgeBase;
use crate::claims::Reason;
use crate::findings::{Finding, Fix, Severity};
use crate::model::Analysis;

pub struct VagueAttribution;

pub static INFO: RuleInfo = RuleInfo {
    code: "vague-attribution",
    default_severity: Severity::Warning,
    summary: "A claim sourced only to someone unnamed (\"sources\", \"analysts\") or hedged (\"reportedly\").",
    explanation: r#"## What it does
Flags a sentence whose only source is anonymous or unnamed ("sources indicate", "officials said", "analysts
warn", "local media reported", "it is believed"), or that is hedged without a source ("reportedly",
"allegedly", "is said to"). A "He said" that does not follow a sentence naming the speaker is flagged too.

## Why is this bad?
An anonymous or hedged attribution looks like a source but gives the reader nothing to weigh: who are the
sources, how would they know, and can anyone check? Where sources must stay anonymous, say what kind of
access they have, and cite the report that quotes them.

## Example
```markdown
Intelligence sources indicate that the pact was agreed in Mir Ali.
```

## Use instead
```markdown
According to the UN Monitoring Team's 2025 report, the pact was agreed in Mir Ali.[^2]
```
"#,
};

impl Rule for VagueAttribution {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }

    fn fixes(&self, text: &str, analysis: &Analysis, _: &KnowledgeBase, finding: &Finding) -> Vec<Fix> {
        let document = &analysis.document;
        fixes::sentence_of(document, finding)
            .map(|sentence| vec![fixes::citation_stub(text, document, sentence)])
            .unwrap_or_default()
    }
}

impl BlockRule for VagueAttribution {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (sentence, verdict) in ctx.document.sentences.iter().zip(ctx.verdicts) {
            let message = match &verdict.reason {
                Reason::AnonymousSource(phrase) => format!(
                    "Vague attribution: “{phrase}” does not say who the source is. Name the person, body or outlet, or cite the report."
                ),
                Reason::Hedge(hedge) => format!(
                    "Vague attribution: “{hedge}” hedges the claim without saying who reports it. Name the source or cite it."
                ),
                Reason::UnnamedSpeaker(phrase) => format!(
                    "Vague attribution: “{phrase}” refers to no source named just before it. Name the source in this sentence."
                ),
                _ => continue,
            };
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range: sentence.range.clone(),
                message,
                fixes: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::KnowledgeBase;
    use crate::analyse;
    use crate::document::DocKind;

    fn messages(text: &str) -> Vec<String> {
        analyse(text, DocKind::Markdown, &KnowledgeBase::builtin())
            .findings
            .into_iter()
            .filter(|f| f.code == "vague-attribution")
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn names_the_vague_phrase() {
        assert!(messages("Intelligence sources indicate that the pact holds.")[0].contains("“Intelligence sources”"));
        assert!(messages("The signatories reportedly included two commanders.")[0].contains("“reportedly”"));
        assert!(messages("He added that the border would close.")[0].contains("“He”"));
    }

    #[test]
    fn quiet_when_a_named_source_stands_beside_the_hedge() {
        assert!(messages("Dawn reported that the camp allegedly moved.").is_empty());
        assert!(messages("The ISPR said the post fell. It added that two died.").is_empty());
    }
}
