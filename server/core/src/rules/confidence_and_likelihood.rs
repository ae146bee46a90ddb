//! `confidence-and-likelihood`: a confidence level and a likelihood term in one sentence.

use super::{BlockRule, Context, Kind, Rule, RuleInfo};
use crate::claims::likelihood::{find_confidence, find_terms};
use crate::findings::{Finding, Severity};

pub struct ConfidenceAndLikelihood;

static INFO: RuleInfo = RuleInfo {
    code: "confidence-and-likelihood",
    default_severity: Severity::Info,
    summary: "A confidence level and a likelihood term in the same sentence.",
    explanation: r#"## What it does
Points out a sentence that states both a confidence level ("high confidence") and a likelihood ("likely").

## Why is this bad?
ICD 203 asks writers not to combine the two in one sentence: likelihood is how probable the event is,
confidence is how good the evidence and reasoning are. Together in one sentence they read as one, stronger
claim.

## Example
```markdown
We assess with high confidence that an attack is very likely.
```

## Use instead
```markdown
We assess that an attack is very likely. We have high confidence in this judgement, which rests on ...
```
"#,
};

impl Rule for ConfidenceAndLikelihood {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }
}

impl BlockRule for ConfidenceAndLikelihood {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (sentence, cues) in ctx.document.sentences.iter().zip(ctx.rule_cues) {
            if !(cues.may_have_confidence() && cues.may_have_likelihood_term()) {
                continue;
            }
            let text = ctx.document.sentence_text(sentence);
            let Some(confidence) = find_confidence(text) else {
                continue;
            };
            let Some((_, term)) = find_terms(text)
                .into_iter()
                .find(|(r, _)| !ctx.quoted_in_sentence(sentence, r))
            else {
                continue;
            };
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range: sentence.range.clone(),
                message: format!(
                    "This sentence gives both a confidence level (“{}”) and a likelihood (“{}”); ICD 203 asks to keep them in separate sentences.",
                    &text[confidence],
                    term.text
                ),
                fixes: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "confidence-and-likelihood";

    #[test]
    fn fires_when_both_stand_in_one_sentence() {
        let found = findings_of("We assess with high confidence that an attack is very likely.", CODE);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("“high confidence”") && found[0].1.contains("“very likely”"));
    }

    #[test]
    fn quiet_when_they_stand_apart() {
        assert!(
            !codes_in("We assess that an attack is very likely. We have high confidence in this judgement.")
                .contains(&CODE)
        );
    }
}
