//! An analysis kept as its chunks: each part is an analysed chunk, shared with the cache, placed in the
//! document, with the document-scoped rules' findings that fall in it. An edit makes a new one without copying
//! the unchanged chunks; the flat [`Analysis`] is put together only when something asks for it.

use super::chunk::Chunk;
use super::flat;
use crate::document::shift;
use crate::document::DocKind;
use crate::findings::Finding;
use crate::model::Analysis;
use crate::model::LocatedMention;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub struct ChunkedAnalysis {
    pub(super) kind: DocKind,
    pub(super) parts: Vec<Part>,
    flat: OnceLock<Analysis>,
    mentions: OnceLock<Vec<LocatedMention>>,
}

/// One chunk placed in the document.
pub struct Part {
    pub(super) start: usize,
    pub(super) chunk: Arc<Chunk>,
    /// The findings of the document-scoped rules and of unused-suppression that start in this chunk, in
    /// document offsets, sorted.
    pub(super) document_findings: Vec<Finding>,
    /// Which of the chunk's own findings a suppression silences; empty when none is.
    pub(super) silenced: Vec<bool>,
}

/// One finding of a part, in the order of the document's findings.
pub struct PartFinding<'a> {
    pub finding: &'a Finding,
    /// What to add to the finding's offsets to place it in the document.
    pub shift: isize,
    /// Its index among the chunk's own findings, which stay as they are while the chunk is unchanged (see
    /// [`ChunkId`]); `None` for a document-scoped rule's finding, made anew by each analysis.
    pub kept: Option<usize>,
}

impl PartFinding<'_> {
    /// The finding's range in the document.
    pub fn range(&self) -> Range<usize> {
        shift(&self.finding.range, self.shift)
    }
}

/// A handle on an analysed chunk that keeps it alive, so that whatever was made from the chunk can be kept
/// under its [`Part::address`].
#[derive(Clone)]
pub struct ChunkId {
    _held: Arc<Chunk>,
}

impl Part {
    /// Where the chunk's text starts in the document.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The chunk's text (empty in an analysis that keeps nothing, which is only ever made flat).
    pub fn text(&self) -> &str {
        &self.chunk.text
    }

    pub fn id(&self) -> ChunkId {
        ChunkId {
            _held: self.chunk.clone(),
        }
    }

    /// The analysed chunk's address: the same for every part of the same chunk. Kept as a key, it must be
    /// kept with the chunk's [`ChunkId`], which keeps the chunk alive and its address from being reused.
    pub fn address(&self) -> usize {
        Arc::as_ptr(&self.chunk) as usize
    }

    /// What to add to the chunk's offsets to place them in the document.
    pub fn shift(&self) -> isize {
        self.chunk.shift_at(self.start)
    }

    /// The document-scoped findings that fall in the part, in document offsets, in order.
    pub fn document_findings(&self) -> &[Finding] {
        &self.document_findings
    }

    /// Which of the chunk's own findings a suppression silences; empty when none is.
    pub fn silenced(&self) -> &[bool] {
        &self.silenced
    }

    /// The chunk's own findings (those of the block-scoped rules), in its offsets, silenced ones included.
    pub fn kept_findings(&self) -> &[Finding] {
        &self.chunk.findings
    }

    /// The part's findings in document order: its chunk's own, less those silenced, merged with the
    /// document-scoped ones that fall in it.
    pub fn findings(&self) -> impl Iterator<Item = PartFinding<'_>> {
        let shift = self.shift();
        let silenced = |i: &usize| self.silenced.get(*i).copied().unwrap_or(false);
        let mut kept = self
            .chunk
            .findings
            .iter()
            .enumerate()
            .filter(move |(i, _)| !silenced(i))
            .peekable();
        let mut document = self.document_findings.iter().peekable();
        std::iter::from_fn(move || {
            let kept_first = match (kept.peek(), document.peek()) {
                (Some((_, k)), Some(d)) => {
                    (k.range.start.wrapping_add_signed(shift), k.code) <= (d.range.start, d.code)
                }
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            Some(if kept_first {
                let (index, finding) = kept.next()?;
                PartFinding {
                    finding,
                    shift,
                    kept: Some(index),
                }
            } else {
                PartFinding {
                    finding: document.next()?,
                    shift: 0,
                    kept: None,
                }
            })
        })
    }
}

impl ChunkedAnalysis {
    pub(super) fn new(kind: DocKind, parts: Vec<Part>) -> ChunkedAnalysis {
        ChunkedAnalysis {
            kind,
            parts,
            flat: OnceLock::new(),
            mentions: OnceLock::new(),
        }
    }

    /// The chunks in document order, covering the text.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Every finding in document order.
    pub fn findings(&self) -> impl Iterator<Item = PartFinding<'_>> {
        self.parts.iter().flat_map(Part::findings)
    }

    /// All actor mentions located in the document, in order, as in [`Analysis::mentions`]: put together at the
    /// first call, without the rest of the flat analysis (hovers and completions ask for them on every edit).
    pub fn mentions(&self) -> &[LocatedMention] {
        self.mentions.get_or_init(|| match self.flat.get() {
            Some(flat) => flat.mentions().to_vec(),
            None => flat::mentions(&self.parts),
        })
    }

    /// The whole analysis as one document, put together at the first call by copying out of the chunks.
    pub fn flat(&self) -> &Analysis {
        self.flat.get_or_init(|| flat::copied(self.kind, &self.parts))
    }

    /// The whole analysis as one document, moving out of the chunks that nothing else holds.
    pub fn into_flat(self) -> Analysis {
        match self.flat.into_inner() {
            Some(flat) => flat,
            None => flat::moved(self.kind, self.parts),
        }
    }
}
