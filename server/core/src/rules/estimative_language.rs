//! `estimative-language`: a judgement hedged with "may", "could", "possibly" instead of a standard term.

use super::{BlockRule, Context, Kind, Rule, RuleInfo};
use crate::claims::likelihood::{find_hedges, yardstick};
use crate::claims::{ClaimClass, Reason};
use crate::findings::{Finding, Severity};

pub struct EstimativeLanguage;

pub static INFO: RuleInfo = RuleInfo {
    code: "estimative-language",
    default_severity: Severity::Info,
    summary: "A judgement hedged with words outside the standard likelihood terms (\"may\", \"could\", \"possibly\").",
    explanation: r#"## What it does
Points out hedges such as "may", "might", "could", "possibly", "perhaps" and "it seems" in the author's own
judgements and unsourced claims, and suggests the standard likelihood terms of the configured scale: ICD 203
(almost no chance 1-5%, very unlikely 5-20%, unlikely 20-45%, roughly even chance 45-55%, likely 55-80%, very
likely 80-95%, almost certainly 95-99%) or the PHIA yardstick. Quotations, sourced statements, "May" the month
and "could not" are left alone.

## Why is this bad?
"May" covers everything from a remote chance to near certainty; readers hear what they expect. A standard
term tells them how likely the writer thinks it is.

## Example
```markdown
The TTP may attempt another attack on the convoy route.
```

## Use instead
```markdown
We assess that the TTP is likely (55-80%) to attempt another attack on the convoy route.
```
"#,
};

impl Rule for EstimativeLanguage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }
}

impl BlockRule for EstimativeLanguage {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let scale = ctx.settings.likelihood_scale;
        for ((sentence, verdict), cues) in ctx.document.sentences.iter().zip(ctx.verdicts).zip(ctx.rule_cues) {
            if !cues.may_have_hedge() {
                continue;
            }
            let own_judgement =
                matches!(verdict.reason, Reason::AuthorJudgement(_)) || verdict.class == ClaimClass::Unattributed;
            if !own_judgement {
                continue;
            }
            let text = ctx.document.sentence_text(sentence);
            for hedge in find_hedges(text) {
                if ctx.quoted_in_sentence(sentence, &hedge) {
                    continue;
                }
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: ctx.locate_in_sentence(sentence, &hedge),
                    message: format!(
                        "“{}” hedges without saying how likely; use a standard term of the {} scale: {}.",
                        &text[hedge],
                        scale.label(),
                        yardstick(scale)
                    ),
                    fixes: Vec::new(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "estimative-language";

    #[test]
    fn fires_on_hedges_in_own_judgements() {
        let found = findings_of(
            "The group may attempt another attack. We assess it could strike again.",
            CODE,
        );
        let words: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(words, vec!["may", "could"]);
        assert!(found[0].1.contains("roughly even chance (45–55%)"));
    }

    #[test]
    fn quiet_for_the_month_quotations_sources_and_inability() {
        assert!(!codes_in("The attack came in May 2025.").contains(&CODE));
        assert!(!codes_in("“We could strike again,” the TTP said.").contains(&CODE));
        assert!(!codes_in("The ISPR said militants may regroup.").contains(&CODE));
        assert!(!codes_in("Rescuers could not reach the site.").contains(&CODE));
    }

    #[test]
    fn follows_the_configured_scale() {
        let settings = crate::model::RuleSettings {
            likelihood_scale: crate::claims::likelihood::Scale::Phia,
            ..Default::default()
        };
        let analysis = crate::analyse_with(
            "The group may attack.",
            crate::DocKind::Markdown,
            crate::rules::test_support::kb(),
            &settings,
        );
        let finding = analysis.findings.iter().find(|f| f.code == CODE).unwrap();
        assert!(
            finding.message.contains("realistic possibility (40–50%)"),
            "{}",
            finding.message
        );
    }
}
