//! `document-genre`: a document that reads as (or is declared) a statute or doctrine, whose sentences are not
//! asked for sources. Reported once the whole document is assembled (`claims::genre` reads the genre).

use super::{Assembled, AssembledRule, Kind, Rule, RuleInfo};
use crate::claims::genre::{Genre, Profile};
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

    fn kind(&'static self) -> Kind {
        Kind::Assembled(self)
    }
}

impl AssembledRule for DocumentGenre {
    /// One finding for a statute or doctrine, declared or read from its profile; none for a briefing.
    fn report(&self, document: &Assembled, out: &mut Vec<Finding>) {
        let (genre, profile) = (document.genre, document.profile);
        if genre == Genre::Briefing {
            return;
        }
        out.push(finding(document.text, genre, document.genre_declared, profile));
    }
}

fn finding(text: &str, genre: Genre, declared: bool, profile: Profile) -> Finding {
    let why = if declared {
        format!("is declared {}", genre.name())
    } else if genre == Genre::Statute && crate::claims::genre::enacted(text).is_some() {
        "is a statute: its head holds the formula that gives a law force (“Be it enacted …”, “it is hereby \
         ordered …”)"
            .to_string()
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
    Finding {
        code: INFO.code,
        severity: INFO.default_severity,
        range: 0..first_line,
        message: format!(
            "This document {why}, so its sentences are not checked for sources (unattributed-claim, \
             vague-attribution are off for it). To check every sentence, declare `genre: briefing` in its front \
             matter or under [genres] in brieflint.toml."
        ),
        fixes: Vec::new(),
    }
}
