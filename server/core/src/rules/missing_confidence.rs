//! `missing-confidence`: an author's judgement with no confidence level in its sentence or paragraph.

use super::{BlockRule, Context, Kind, Rule, RuleInfo};
use crate::claims::likelihood::find_confidence;
use crate::claims::Reason;
use crate::findings::{Finding, Severity};

pub struct MissingConfidence;

static INFO: RuleInfo = RuleInfo {
    code: "missing-confidence",
    default_severity: Severity::Info,
    summary: "An author's judgement (\"We assess ...\") with no confidence level in its sentence or paragraph.",
    explanation: r#"## What it does
Points out a judgement marked as the author's ("We assess that ...", "We judge ...") when neither its sentence
nor its paragraph says how confident the author is (high, moderate or low confidence).

## Why is this bad?
Analytic standards ask for a confidence level with every key judgement, so readers know how much weight the
evidence bears.

## Example
```markdown
We assess that the TTP will expand operations in Bannu.
```

## Use instead
```markdown
We assess with moderate confidence that the TTP will expand operations in Bannu.
```
"#,
};

impl Rule for MissingConfidence {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }
}

impl BlockRule for MissingConfidence {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        // Whether the last block looked at gives a confidence level: a paragraph of several judgements is
        // searched once.
        let mut last_block: Option<(usize, bool)> = None;
        for (sentence, verdict) in ctx.document.sentences.iter().zip(ctx.verdicts) {
            let Reason::AuthorJudgement(cue) = &verdict.reason else {
                continue;
            };
            // "We assess" inside someone else's quoted words is their judgement, not the author's.
            if verdict
                .cue
                .as_ref()
                .is_some_and(|c| ctx.quoted_in_sentence(sentence, c))
            {
                continue;
            }
            let gives_confidence = match last_block {
                Some((block, gives)) if block == sentence.block => gives,
                _ => {
                    let gives = find_confidence(&ctx.document.blocks[sentence.block].text).is_some();
                    last_block = Some((sentence.block, gives));
                    gives
                }
            };
            if gives_confidence {
                continue;
            }
            let range = verdict
                .cue
                .as_ref()
                .map_or(sentence.range.clone(), |c| ctx.locate_in_sentence(sentence, c));
            out.push(Finding {
                code: INFO.code,
                severity: INFO.default_severity,
                range,
                message: format!("“{cue}” gives no confidence level; say how confident you are (high, moderate or low confidence) in this sentence or its paragraph."),
                fixes: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "missing-confidence";

    #[test]
    fn fires_on_a_judgement_without_confidence() {
        let found = findings_of("We assess that the TTP will expand operations in Bannu.", CODE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "We assess");
    }

    #[test]
    fn quiet_with_confidence_in_the_sentence_or_paragraph() {
        assert!(!codes_in("We assess with moderate confidence that the TTP will expand.").contains(&CODE));
        assert!(!codes_in("We assess that the TTP will expand. We have low confidence in this.").contains(&CODE));
    }

    #[test]
    fn each_paragraph_is_judged_by_its_own_confidence() {
        let text = "We assess that the TTP will expand. We assess that Bannu is at risk.\n\n\
                    We assess with high confidence that talks will fail. We assess that the truce ends.\n\n\
                    We assess that the BLA will strike.";
        let found = findings_of(text, CODE);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn quiet_when_the_judgement_is_quoted() {
        let text = "The interior department said on 4 April 2026: \"We assess that the threat to schools is serious.\"";
        assert!(!codes_in(text).contains(&CODE));
    }
}
