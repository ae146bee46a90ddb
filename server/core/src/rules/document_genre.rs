//! `document-genre`: a document that reads as (or is declared) a statute or doctrine, whose sentences are not
//! asked for sources. Reported by the analysis once it has seen the whole document (`analysis::genre`).

use super::{Context, Rule, RuleInfo};
use crate::analysis::genre::{Genre, Profile};
use crate::findings::{Finding, Severity};

pub struct DocumentGenre;

pub static INFO: RuleInfo = RuleInfo {
    code: "document-genre",
    default_severity: Severity::Info,
    summary: "A statute or doctrine: its sentences are not asked for sources, and the document says so once.",
    explanation: r#"## What it does
Reports, once per document, that the document reads as a statute (provisions and definitions) or as doctrine
(what should be done and how things work, with almost no citations), or is declared one, and that the sourcing
rules (`unattributed-claim`, `vague-attribution`) are therefore off for it. A document declares its genre in its
front matter (`genre: doctrine`, `statute` or `briefing`) or by a glob in `brieflint.toml`:

```toml
[genres]
doctrine = ["doctrine/**"]
briefing = ["drafts/**"]
```

## Why is this bad?
It is not: it explains why a long document has no sourcing warnings. Asking each provision of a law or each
paragraph of a manual for a source gives hundreds of warnings that are all the wrong question.

## Example
```markdown
The J-2 should ensure that collection plans are synchronized with operations.
Intelligence staffs must coordinate collection with the component commands.
```

## Use instead
Nothing to change in the text. To have every sentence checked anyway, declare the document a briefing:
```markdown
---
genre: briefing
---
```
"#,
};

impl Rule for DocumentGenre {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    /// Nothing to do here: see [`report`], which the analysis calls once it has every chunk.
    fn check(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}

/// The finding for a document of `genre`, declared or read from its `profile`; none for a briefing.
pub fn report(text: &str, genre: Genre, declared: bool, profile: Profile, severity: Severity) -> Option<Finding> {
    if genre == Genre::Briefing {
        return None;
    }
    let why = if declared {
        format!("is declared {}", genre.name())
    } else {
        let sentences = (profile.claims + profile.prescriptions).max(1);
        format!(
            "reads as {}: {} of its {} sentences prescribe or define, and {} of its {} claims cite nothing",
            genre.name(),
            profile.prescriptions,
            sentences,
            profile.unattributed,
            profile.claims
        )
    };
    let first_line = text.find('\n').unwrap_or(text.len());
    Some(Finding {
        code: INFO.code,
        severity,
        range: 0..first_line,
        message: format!(
            "This document {why}, so its sentences are not checked for sources (unattributed-claim, \
             vague-attribution are off for it). To check every sentence, declare `genre: briefing` in its front \
             matter or under [genres] in brieflint.toml."
        ),
        fixes: Vec::new(),
    })
}
