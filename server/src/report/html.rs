//! The HTML page: the report's numbers laid out for the templates in `templates/` (embedded at compile time and
//! rendered by minijinja, which escapes every text the page shows because the templates' names end in .html).

use super::model::{ratio, Mark, SentenceInfo};
use super::svg::{bar, Bar};
use super::{actors, percent, sources, DocumentReport, Meta};
use minijinja::Environment;
use serde::Serialize;
use std::sync::OnceLock;

const TEMPLATES: [(&str, &str); 7] = [
    ("page.html", include_str!("templates/page.html")),
    ("index.html", include_str!("templates/index.html")),
    ("document.html", include_str!("templates/document.html")),
    ("bar.html", include_str!("templates/bar.html")),
    ("legend.html", include_str!("templates/legend.html")),
    ("report.css", include_str!("templates/report.css")),
    ("report.js", include_str!("templates/report.js")),
];

fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("the embedded templates parse");
        }
        env
    })
}

pub fn render(documents: &[DocumentReport], meta: &Meta) -> String {
    let views: Vec<DocumentView> = documents
        .iter()
        .enumerate()
        .map(|(index, document)| DocumentView::of(document, index + 1))
        .collect();
    let title = match documents {
        [one] => format!("Sourcing report: {}", one.name),
        _ => format!("Sourcing report: {} documents", documents.len()),
    };
    let template = environment().get_template("page.html").expect("embedded");
    template
        .render(minijinja::value::Serde(Page {
            title,
            meta,
            documents: views,
        }))
        // The data is plain and the templates are fixed: a failure here is a bug in a template, caught by tests.
        .expect("the report's templates render")
}

#[derive(Serialize)]
struct Page<'a> {
    title: String,
    meta: &'a Meta,
    documents: Vec<DocumentView<'a>>,
}

/// One document as the templates read it.
#[derive(Serialize)]
struct DocumentView<'a> {
    anchor: String,
    name: &'a str,
    counts: &'a super::Counts,
    claims: usize,
    unsourced: String,
    /// The share of unsourced claims, for sorting the index.
    unsourced_share: f64,
    bar: Bar,
    rules: Vec<RuleView>,
    top_rules: Vec<RuleView>,
    sections: Vec<SectionView<'a>>,
    pieces: Vec<Piece<'a>>,
    loose_findings: &'a [super::model::FindingView],
    named: &'a [sources::Entry],
    anonymous: &'a [sources::Entry],
    actors: &'a [actors::ActorEntry],
    pairs: &'a [actors::Pair],
}

#[derive(Serialize)]
struct RuleView {
    code: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    first: usize,
    claims: usize,
    unsourced: String,
    bar: Bar,
}

/// A run of the text: between sentences (`s` is none) or one sentence.
#[derive(Serialize)]
struct Piece<'a> {
    t: &'a str,
    s: Option<SentenceView>,
}

#[derive(Serialize)]
struct SentenceView {
    i: usize,
    m: &'static str,
    /// The details shown on hover and focus (and as the title, without script).
    tip: String,
}

/// Rules shown in the index's row.
const TOP_RULES: usize = 3;

impl<'a> DocumentView<'a> {
    fn of(document: &'a DocumentReport, number: usize) -> DocumentView<'a> {
        let model = &document.model;
        let rules: Vec<RuleView> = model
            .rules
            .iter()
            .map(|&(code, count)| RuleView { code, count })
            .collect();
        DocumentView {
            anchor: format!("d{number}"),
            name: &document.name,
            counts: &model.counts,
            claims: model.counts.claims(),
            unsourced: percent(model.counts.unsourced_share()),
            unsourced_share: model.counts.unsourced_share(),
            bar: bar(&model.counts),
            top_rules: rules
                .iter()
                .take(TOP_RULES)
                .map(|r| RuleView {
                    code: r.code,
                    count: r.count,
                })
                .collect(),
            rules,
            sections: model
                .sections
                .iter()
                .map(|s| SectionView {
                    title: &s.title,
                    first: s.first,
                    claims: s.counts.claims(),
                    unsourced: percent(ratio(s.counts.vague + s.counts.unattributed, s.counts.claims())),
                    bar: bar(&s.counts),
                })
                .collect(),
            pieces: pieces(&document.text, &model.sentences),
            loose_findings: &model.loose_findings,
            named: &document.inventory.named,
            anonymous: &document.inventory.anonymous,
            actors: &document.actors.actors,
            pairs: &document.actors.pairs,
        }
    }
}

/// The text cut into sentences and what lies between them, in order.
fn pieces<'t>(text: &'t str, sentences: &[SentenceInfo]) -> Vec<Piece<'t>> {
    let mut pieces = Vec::with_capacity(sentences.len() * 2 + 1);
    let mut at = 0;
    for (index, sentence) in sentences.iter().enumerate() {
        // Sentences are in order and apart; a range that would overlap the previous one is cut to follow it.
        let start = sentence.range.start.max(at);
        let end = sentence.range.end.max(start);
        let (Some(gap), Some(words)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if !gap.is_empty() {
            pieces.push(Piece { t: gap, s: None });
        }
        pieces.push(Piece {
            t: words,
            s: Some(SentenceView {
                i: index,
                m: sentence.mark.key(),
                tip: tip(sentence),
            }),
        });
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        pieces.push(Piece { t: rest, s: None });
    }
    pieces
}

/// A sentence's details: its mark, the reason as `brieflint classify` prints it, and its findings (which say it in
/// words).
fn tip(sentence: &SentenceInfo) -> String {
    let note = if sentence.mark == Mark::NotAsked {
        " (answered by the document)"
    } else {
        ""
    };
    let mut tip = format!("{}{note}: {}", sentence.mark.label(), sentence.reason);
    for finding in &sentence.findings {
        tip.push_str(&format!("\n{} {}: {}", finding.severity, finding.code, finding.message));
    }
    tip
}
