//! The chunks put together as one flat [`Analysis`]: blocks, sentences and mentions renumbered and every
//! offset placed in the document.

use super::chunk::Chunk;
use super::parts::Part;
use crate::document::shift;
use crate::document::DocKind;
use crate::document::{Document, Sentence};
use crate::findings::Finding;
use crate::model::Analysis;
use crate::model::LocatedMention;
use std::sync::Arc;

/// Copying, leaving the chunks as they are.
pub(super) fn copied(kind: DocKind, parts: &[Part]) -> Analysis {
    let mut flat = empty(kind, parts);
    for part in parts {
        copy_part(&mut flat, part);
    }
    flat
}

/// Moving out of each chunk that nothing else holds (a fresh analysis), copying the others.
pub(super) fn moved(kind: DocKind, mut parts: Vec<Part>) -> Analysis {
    if parts.len() == 1 && parts[0].shift() == 0 {
        match whole(kind, parts.remove(0)) {
            Ok(flat) => return flat,
            Err(part) => parts.push(part),
        }
    }
    let mut flat = empty(kind, &parts);
    for part in parts {
        let order: Vec<Option<usize>> = part.findings().map(|f| f.kept).collect();
        let by = part.shift();
        match owned(part) {
            Ok((chunk, document_findings, _)) => move_part(&mut flat, chunk, by, &order, document_findings),
            Err(part) => copy_part(&mut flat, &part),
        }
    }
    flat
}

/// The whole text analysed as one chunk that nothing else holds (a fresh analysis): its vectors are the
/// document's as they are, with nothing to renumber or shift, so they move instead of being copied element by
/// element. `Err` gives the part back when it is held elsewhere.
fn whole(kind: DocKind, part: Part) -> Result<Analysis, Part> {
    let (chunk, document_findings, silenced) = owned(part)?;
    let findings = merged(chunk.findings, &silenced, document_findings);
    Ok(Analysis {
        document: Document { kind, ..chunk.document },
        block_mentions: chunk.mentions,
        verdicts: chunk.verdicts,
        findings,
        located: chunk.located,
    })
}

/// A part's chunk, its document-scoped findings and which of its own are silenced, when nothing else holds the
/// chunk; the part as it was otherwise.
fn owned(part: Part) -> Result<(Chunk, Vec<Finding>, Vec<bool>), Part> {
    let Part {
        start,
        chunk,
        document_findings,
        silenced,
    } = part;
    match Arc::try_unwrap(chunk) {
        Ok(chunk) => Ok((chunk, document_findings, silenced)),
        Err(chunk) => Err(Part {
            start,
            chunk,
            document_findings,
            silenced,
        }),
    }
}

/// A lone chunk's own findings, less the silenced ones, merged with the document-scoped ones in the order of
/// [`Part::findings`] (where the shift is 0): each moved once, with no list of the order made first.
fn merged(own: Vec<Finding>, silenced: &[bool], document: Vec<Finding>) -> Vec<Finding> {
    let mut out = Vec::with_capacity(own.len() + document.len());
    let mut document = document.into_iter().peekable();
    for (index, finding) in own.into_iter().enumerate() {
        if silenced.get(index).copied().unwrap_or(false) {
            continue;
        }
        let before = |d: &Finding| (d.range.start, d.code) < (finding.range.start, finding.code);
        while let Some(d) = document.next_if(before) {
            out.push(d);
        }
        out.push(finding);
    }
    out.extend(document);
    out
}

/// The mentions alone, placed as [`copied`] places them.
pub(super) fn mentions(parts: &[Part]) -> Vec<LocatedMention> {
    let mut mentions = Vec::with_capacity(parts.iter().map(|p| p.chunk.located.len()).sum());
    let mut first_block = 0;
    for part in parts {
        let by = part.shift();
        mentions.extend(part.chunk.located.iter().map(|m| placed(m.clone(), by, first_block)));
        first_block += part.chunk.document.blocks.len();
    }
    mentions
}

fn copy_part(flat: &mut Analysis, part: &Part) {
    let (chunk, by) = (&part.chunk, part.shift());
    let first_block = flat.document.blocks.len();
    flat.document
        .blocks
        .extend(chunk.document.blocks.iter().map(|b| b.shifted(by)));
    flat.document.sentences.extend(
        chunk
            .document
            .sentences
            .iter()
            .map(|s| placed_sentence(s.clone(), by, first_block)),
    );
    flat.block_mentions.extend(chunk.mentions.iter().cloned());
    flat.located
        .extend(chunk.located.iter().map(|m| placed(m.clone(), by, first_block)));
    flat.verdicts.extend(chunk.verdicts.iter().cloned());
    flat.findings
        .extend(part.findings().map(|f| shifted(f.finding.clone(), f.shift)));
}

/// `order` is the part's findings in document order: an index among the chunk's own, or the next
/// document-scoped one.
fn move_part(flat: &mut Analysis, mut chunk: Chunk, by: isize, order: &[Option<usize>], document: Vec<Finding>) {
    let first_block = flat.document.blocks.len();
    flat.document
        .blocks
        .extend(chunk.document.blocks.drain(..).map(|mut b| {
            if by != 0 {
                b.map = b.map.shifted(by);
            }
            b
        }));
    flat.document.sentences.extend(
        chunk
            .document
            .sentences
            .drain(..)
            .map(|s| placed_sentence(s, by, first_block)),
    );
    flat.block_mentions.append(&mut chunk.mentions);
    flat.located
        .extend(chunk.located.drain(..).map(|m| placed(m, by, first_block)));
    flat.verdicts.append(&mut chunk.verdicts);
    let mut kept = chunk.findings.into_iter().enumerate();
    let mut document = document.into_iter();
    for entry in order {
        let finding = match entry {
            Some(index) => kept.find(|(i, _)| i == index).map(|(_, f)| shifted(f, by)),
            None => document.next(),
        };
        flat.findings.extend(finding);
    }
}

fn empty(kind: DocKind, parts: &[Part]) -> Analysis {
    let sum = |count: fn(&Chunk) -> usize| parts.iter().map(|p| count(&p.chunk)).sum::<usize>();
    let blocks = sum(|c| c.document.blocks.len());
    let sentences = sum(|c| c.document.sentences.len());
    Analysis {
        document: Document {
            kind,
            blocks: Vec::with_capacity(blocks),
            sentences: Vec::with_capacity(sentences),
        },
        block_mentions: Vec::with_capacity(blocks),
        verdicts: Vec::with_capacity(sentences),
        findings: Vec::with_capacity(
            parts
                .iter()
                .map(|p| p.chunk.findings.len() + p.document_findings.len())
                .sum(),
        ),
        located: Vec::with_capacity(sum(|c| c.located.len())),
    }
}

fn placed_sentence(sentence: Sentence, by: isize, first_block: usize) -> Sentence {
    Sentence {
        block: sentence.block + first_block,
        plain: sentence.plain,
        range: shift(&sentence.range, by),
    }
}

/// A chunk's mention placed in the document.
fn placed(mention: LocatedMention, by: isize, first_block: usize) -> LocatedMention {
    LocatedMention {
        range: shift(&mention.range, by),
        block: mention.block + first_block,
        ..mention
    }
}

fn shifted(mut finding: Finding, by: isize) -> Finding {
    if by != 0 {
        finding.range = shift(&finding.range, by);
        for fix in &mut finding.fixes {
            for edit in &mut fix.edits {
                edit.range = shift(&edit.range, by);
            }
        }
    }
    finding
}
