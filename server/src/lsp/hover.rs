//! Hovers: the card of a known actor (with how this document uses it), the probability range of a likelihood
//! term on the configured scale, and the explanation of a rule whose diagnostic is under the cursor.

use super::navigation;
use super::positions::Encoding;
use super::snapshot::Snapshot;
use brieflint_core::actors::{card, KnowledgeBase};
use brieflint_core::claims::likelihood;
use brieflint_core::{rules, RuleSettings};
use std::fmt::Write;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

pub fn hover(
    snapshot: &Snapshot,
    kb: &KnowledgeBase,
    settings: &RuleSettings,
    offset: usize,
    encoding: Encoding,
) -> Option<Hover> {
    let mut sections = Vec::new();
    let mut range = None;
    let mentions = snapshot.mentions();
    if let Some((mention, actors)) = navigation::actor_at(mentions, kb, offset) {
        range = Some(snapshot.range(&mention.range, encoding));
        for actor in actors {
            sections.push(format!(
                "{}\n{}",
                card(kb, kb.actor(actor)),
                in_this_document(snapshot, mentions, kb, actor)
            ));
        }
    }
    if let Some((term_range, text)) = likelihood_term_at(snapshot, settings, offset) {
        range.get_or_insert_with(|| snapshot.range(&term_range, encoding));
        sections.push(text);
    }
    for finding in snapshot.analysis.findings().filter(|f| {
        let range = f.range();
        range.start <= offset && offset < range.end.max(range.start + 1)
    }) {
        if let Some(rule) = rules::by_code(finding.finding.code) {
            let info = rule.info();
            let explanation = info.explanation.replace("\n## ", "\n#### ").replacen("## ", "#### ", 1);
            sections.push(format!("**{}** — {}\n\n{explanation}", info.code, info.summary));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}

/// "In this document: 4 mentions; first introduced on line 3 as “Tehreek-e-Taliban Pakistan (TTP)”."
fn in_this_document(
    snapshot: &Snapshot,
    mentions: &[brieflint_core::LocatedMention],
    kb: &KnowledgeBase,
    actor: usize,
) -> String {
    let of_actor: Vec<&brieflint_core::LocatedMention> = mentions
        .iter()
        .filter(|m| navigation::names_actor(kb, m, actor))
        .collect();
    let Some(first) = of_actor.first() else {
        return String::new();
    };
    let line = snapshot.rope.byte_to_line(first.range.start) + 1;
    let written = &snapshot.text[first.range.clone()];
    let mut out = String::new();
    let times = if of_actor.len() == 1 { "once" } else { "times" };
    let count = if of_actor.len() == 1 {
        String::new()
    } else {
        format!("{} ", of_actor.len())
    };
    let _ = write!(
        out,
        "\n**In this document:** mentioned {count}{times}; first introduced on line {line} as “{written}”."
    );
    out
}

/// The likelihood term under the cursor and what it means on the configured scale.
fn likelihood_term_at(
    snapshot: &Snapshot,
    settings: &RuleSettings,
    offset: usize,
) -> Option<(std::ops::Range<usize>, String)> {
    let rope = &snapshot.rope;
    let line = rope.byte_to_line(offset.min(rope.len_bytes()));
    let line_start = rope.line_to_byte(line);
    let line_end = rope.line_to_byte((line + 1).min(rope.len_lines()));
    let text = &snapshot.text[line_start..line_end];
    likelihood::find_terms(text)
        .into_iter()
        .map(|(range, term)| (line_start + range.start..line_start + range.end, term))
        .find(|(range, _)| range.start <= offset && offset < range.end)
        .map(|(range, term)| (range, term.describe(settings.likelihood_scale)))
}
