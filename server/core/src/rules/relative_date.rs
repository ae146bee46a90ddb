//! `relative-date`: "yesterday", "last week", "recently" with no absolute date in the sentence.

use super::{BlockRule, Context, Kind, Rule, RuleInfo};
use crate::claims::cues;
use crate::findings::{Finding, Severity};
use regex::Regex;
use std::sync::OnceLock;

pub struct RelativeDate;

static INFO: RuleInfo = RuleInfo {
    code: "relative-date",
    default_severity: Severity::Info,
    summary: "A relative date (\"yesterday\", \"last week\", \"recently\") with no absolute date in the sentence.",
    explanation: r#"## What it does
Points out relative time words ("yesterday", "today", "last week", "this month", "recently", "in recent
days") in a sentence that gives no absolute date (a year, or a day and month).

## Why is this bad?
A briefing is read later than it is written, forwarded, and archived. "Last week" means nothing a month on.

## Example
```markdown
Militants attacked the checkpoint yesterday.
```

## Use instead
```markdown
Militants attacked the checkpoint on 21 November 2026.
```
"#,
};

fn absolute() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::text::pattern::compile(r"(?i)\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b")
    })
}

impl Rule for RelativeDate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn kind(&'static self) -> Kind {
        Kind::Block(self)
    }
}

impl BlockRule for RelativeDate {
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for (sentence, cues) in ctx.document.sentences.iter().zip(ctx.rule_cues) {
            if !cues.may_have_relative_date() {
                continue;
            }
            let text = ctx.document.sentence_text(sentence);
            // Relative dates are rare, so they are looked for first and the absolute date only behind one.
            let mut relatives = cues::relative_date().find_iter(text).peekable();
            if relatives.peek().is_none() || absolute().is_match(text) {
                continue;
            }
            for m in relatives {
                if ctx.quoted_in_sentence(sentence, &m.range()) {
                    continue;
                }
                out.push(Finding {
                    code: INFO.code,
                    severity: INFO.default_severity,
                    range: ctx.locate_in_sentence(sentence, &m.range()),
                    message: format!(
                        "“{}” will be unclear when this is read later; give the date (for example “on 12 May 2026”).",
                        m.as_str()
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

    const CODE: &str = "relative-date";

    #[test]
    fn fires_without_an_absolute_date() {
        let found = findings_of(
            "Militants attacked the checkpoint yesterday. Raids rose last week.",
            CODE,
        );
        let words: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(words, vec!["yesterday", "last week"]);
    }

    #[test]
    fn fires_on_a_bare_weekday_and_the_coming_weeks() {
        let found = findings_of(
            "Militants stormed a post on Tuesday. More attacks are expected in the coming weeks.",
            CODE,
        );
        let words: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(words, vec!["on Tuesday", "in the coming weeks"]);
        assert!(!codes_in("Militants stormed a post on Tuesday 9 June 2026.").contains(&CODE));
    }

    #[test]
    fn quiet_with_a_date_or_in_a_quotation() {
        assert!(!codes_in("Militants attacked the checkpoint yesterday, 21 November 2026.").contains(&CODE));
        assert!(!codes_in("The raid came last week, on Nov. 14.").contains(&CODE));
        assert!(!codes_in("“We struck yesterday,” the TTP said.").contains(&CODE));
    }
}
