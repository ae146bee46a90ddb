//! `mixed-likelihood-scale`: likelihood terms from both rows of the ICD 203 table, or from two scales.

use super::{Context, DocumentRule, Kind, Rule, RuleInfo};
use crate::actors::KnowledgeBase;
use crate::claims::likelihood::{find_terms, Family};
use crate::document::shift;
use crate::findings::{Finding, Severity};
use std::ops::Range;

pub struct MixedLikelihoodScale;

static INFO: RuleInfo = RuleInfo {
    code: "mixed-likelihood-scale",
    default_severity: Severity::Warning,
    summary: "Likelihood terms from both rows of the ICD 203 table, or from two scales, in one document.",
    explanation: r#"## What it does
Flags a likelihood term from a different set than the document's first: ICD 203's first row ("very likely",
"roughly even chance"), its second row ("highly probable", "roughly even odds"), or the PHIA yardstick
("realistic possibility", "highly likely"). Terms both scales share ("likely", "unlikely") fit any set.

## Why is this bad?
The sets are calibrated differently ("highly likely" is 80-90% on PHIA; "very likely" is 80-95% on ICD 203).
Mixing them makes readers wonder whether two different probabilities are meant.

## Example
```markdown
An attack is very likely. A second strike is highly probable.
```

## Use instead
```markdown
An attack is very likely. A second strike is likely.
```
"#,
};

impl Rule for MixedLikelihoodScale {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Document(self)
    }
}

impl DocumentRule for MixedLikelihoodScale {
    type Notes = Notes;

    /// The chunk's notes; `ctx` is the chunk alone.
    fn notes(&self, ctx: &Context) -> Notes {
        let mut terms = Vec::new();
        for (sentence, cues) in ctx.document.sentences.iter().zip(ctx.rule_cues) {
            if !cues.may_have_likelihood_term() {
                continue;
            }
            let text = ctx.document.sentence_text(sentence);
            for (range, term) in find_terms(text) {
                if term.family == Family::Shared || ctx.quoted_in_sentence(sentence, &range) {
                    continue;
                }
                terms.push((term.family, term.text, ctx.locate_in_sentence(sentence, &range)));
            }
        }
        Notes { terms }
    }

    /// The findings of the chunks' notes, in order, each with the shift that puts its offsets in the document.
    fn merge(&self, _kb: &KnowledgeBase, chunks: &[(isize, &Notes)], out: &mut Vec<Finding>) {
        let chunks = chunks.iter().copied();
        let mut first: Option<(Family, &'static str)> = None;
        for (by, notes) in chunks {
            for &(family, text, ref range) in &notes.terms {
                match first {
                    None => first = Some((family, text)),
                    Some((first_family, first_term)) if first_family != family => out.push(Finding {
                        code: INFO.code,
                        severity: INFO.default_severity,
                        range: shift(range, by),
                        message: format!(
                            "“{text}” is from {}, but this document already uses “{first_term}” from {}; keep to one \
                             set of terms.",
                            family.label(),
                            first_family.label()
                        ),
                        fixes: Vec::new(),
                    }),
                    Some(_) => {}
                }
            }
        }
    }
}

/// What one chunk tells this rule: its likelihood terms outside quotations that belong to one set, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    terms: Vec<(Family, &'static str, Range<usize>)>,
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{codes_in, findings_of};

    const CODE: &str = "mixed-likelihood-scale";

    #[test]
    fn fires_on_the_second_set() {
        let found = findings_of("An attack is very likely. A second strike is highly probable.", CODE);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "highly probable");
        assert!(found[0].1.contains("“very likely” from the first row"));
        assert_eq!(
            findings_of("Talks are a realistic possibility. A deal is very unlikely.", CODE).len(),
            1
        );
    }

    #[test]
    fn quiet_for_one_set_and_shared_terms() {
        assert!(!codes_in("An attack is very likely. A truce is unlikely. Talks are likely.").contains(&CODE));
        assert!(!codes_in("A deal is remote. An attack is highly probable.").contains(&CODE));
    }
}
