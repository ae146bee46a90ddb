//! publishDiagnostics for a document analysed as chunks, serialised from what is kept for each chunk.
//!
//! A chunk's own findings stay as they are while the chunk is unchanged, and so do their positions counted from
//! the chunk's first line: a chunk starts at a line start, so where it sits in the document changes only which
//! line it starts on. So each chunk's diagnostics are serialised once, all but their ranges, and kept under the
//! chunk; a publish writes each range from the line the chunk starts on and copies the rest. The
//! document-scoped rules' findings are made anew by each analysis, but mostly come out the same: those of a
//! chunk are kept too, with what they were made from, and serialised again only when that differs. Every piece
//! of JSON comes from serde_json; this file only puts the pieces in order.

use super::diagnostics::{link, severity, Link};
use super::outgoing::{self, Encoded};
use super::positions::{Encoding, Sweep};
use brieflint_core::analysis::{ChunkId, ChunkedAnalysis, Part};
use brieflint_core::document::shift;
use brieflint_core::findings::Finding;
use brieflint_core::util::FastMap;
use serde::Serialize;
use tower_lsp_server::ls_types::notification::{Notification, PublishDiagnostics};
use tower_lsp_server::ls_types::{DiagnosticSeverity, Position, Range, Uri};

/// A diagnostic but for its range.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Said<'a> {
    severity: DiagnosticSeverity,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_description: Option<Link>,
    source: &'static str,
    message: &'a str,
}

impl<'a> Said<'a> {
    fn of(finding: &'a Finding) -> Said<'a> {
        Said {
            severity: severity(finding.severity),
            code: finding.code,
            code_description: link(finding.code),
            source: "brieflint",
            message: &finding.message,
        }
    }
}

/// Diagnostics serialised all but their ranges: the `i`th range and [`Said`] (without its opening brace, the
/// `i`th piece of `said`, ending at `ends[i]`).
#[derive(Default)]
struct Serialised {
    /// Lines counted from the chunk's first line.
    ranges: Vec<Range>,
    said: Vec<u8>,
    ends: Vec<usize>,
}

impl Serialised {
    fn push(&mut self, range: Range, finding: &Finding) -> serde_json::Result<()> {
        let start = self.said.len();
        serde_json::to_writer(&mut self.said, &Said::of(finding))?;
        // Without its opening brace: the range goes before the rest.
        self.said.remove(start);
        self.ranges.push(range);
        self.ends.push(self.said.len());
        Ok(())
    }

    /// Write the `index`th diagnostic placed in a document where the chunk's first line is `first_line`.
    fn write(&self, index: usize, first_line: u32, body: &mut Vec<u8>) -> serde_json::Result<()> {
        body.extend_from_slice(b"{\"range\":");
        serde_json::to_writer(&mut *body, &placed(self.ranges[index], first_line))?;
        body.push(b',');
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        body.extend_from_slice(&self.said[start..self.ends[index]]);
        Ok(())
    }
}

/// What a document-scoped finding was serialised from, with its range counted from the chunk's start.
#[derive(PartialEq)]
struct MadeFrom {
    range: std::ops::Range<usize>,
    code: &'static str,
    severity: brieflint_core::findings::Severity,
    message: Box<str>,
}

impl MadeFrom {
    fn of(finding: &Finding, chunk_start: usize) -> MadeFrom {
        MadeFrom {
            range: shift(&finding.range, -(chunk_start as isize)),
            code: finding.code,
            severity: finding.severity,
            message: finding.message.as_str().into(),
        }
    }

    fn is(&self, finding: &Finding, chunk_start: usize) -> bool {
        self.range == shift(&finding.range, -(chunk_start as isize))
            && self.code == finding.code
            && self.severity == finding.severity
            && *self.message == finding.message
    }
}

/// One chunk's diagnostics, serialised.
struct ChunkDiagnostics {
    /// The line the next chunk starts on, counted from this chunk's first line.
    lines: u32,
    /// The chunk's own findings.
    own: Serialised,
    /// The document-scoped findings last published in the chunk, and what they were made from.
    document: Serialised,
    document_made_from: Vec<MadeFrom>,
    /// What the chunk's diagnostics last came to, whole: copied again as it is while the chunk starts on the
    /// same line with the same document-scoped findings and the same of its own silenced (the usual case
    /// after typing a character anywhere else).
    written: Option<Written>,
}

struct Written {
    first_line: u32,
    silenced: Vec<bool>,
    json: Vec<u8>,
}

impl ChunkDiagnostics {
    fn of(part: &Part, encoding: Encoding) -> serde_json::Result<ChunkDiagnostics> {
        let text = part.text();
        let to_text = part.shift() - part.start() as isize;
        let mut sweep = Sweep::over(text, encoding);
        let mut own = Serialised::default();
        for finding in part.kept_findings() {
            own.push(sweep.range(&shift(&finding.range, to_text)), finding)?;
        }
        Ok(ChunkDiagnostics {
            lines: sweep.position(text.len()).line,
            own,
            document: Serialised::default(),
            document_made_from: Vec::new(),
            written: None,
        })
    }

    /// Serialise the part's document-scoped findings again unless they are those kept; whether they were.
    fn refresh_document(&mut self, part: &Part, encoding: Encoding) -> serde_json::Result<bool> {
        let findings = part.document_findings();
        let same = findings.len() == self.document_made_from.len()
            && findings
                .iter()
                .zip(&self.document_made_from)
                .all(|(finding, made_from)| made_from.is(finding, part.start()));
        if same {
            return Ok(true);
        }
        let mut sweep = Sweep::over(part.text(), encoding);
        self.document = Serialised::default();
        self.document_made_from = Vec::with_capacity(findings.len());
        for finding in findings {
            let range = sweep.range(&shift(&finding.range, -(part.start() as isize)));
            self.document.push(range, finding)?;
            self.document_made_from.push(MadeFrom::of(finding, part.start()));
        }
        Ok(false)
    }

    /// Write the part's diagnostics, the chunk starting on `first_line`, separated by commas.
    fn write(
        &mut self,
        part: &Part,
        first_line: u32,
        encoding: Encoding,
        body: &mut Vec<u8>,
    ) -> serde_json::Result<()> {
        let document_same = self.refresh_document(part, encoding)?;
        if let Some(written) = &self.written {
            if document_same && written.first_line == first_line && written.silenced == part.silenced() {
                body.extend_from_slice(&written.json);
                return Ok(());
            }
        }
        let start = body.len();
        let mut document = 0;
        for (index, finding) in part.findings().enumerate() {
            if index > 0 {
                body.push(b',');
            }
            match finding.kept {
                Some(own) => self.own.write(own, first_line, body)?,
                None => {
                    self.document.write(document, first_line, body)?;
                    document += 1;
                }
            }
        }
        self.written = Some(Written {
            first_line,
            silenced: part.silenced().to_vec(),
            json: body[start..].to_vec(),
        });
        Ok(())
    }
}

/// The serialised diagnostics of one document's chunks, kept from one publish to the next.
#[derive(Default)]
pub struct KeptDiagnostics {
    encoding: Option<Encoding>,
    /// By the chunk's address, with its handle, which keeps the chunk and so its address taken.
    /// Boxed: thousands move out of the map and into the next on each publish.
    chunks: FastMap<usize, (ChunkId, Box<ChunkDiagnostics>)>,
}

impl KeptDiagnostics {
    /// The publishDiagnostics notification of `analysis`, framed: every finding in document order.
    pub fn encode(
        &mut self,
        uri: &Uri,
        version: i32,
        analysis: &ChunkedAnalysis,
        encoding: Encoding,
    ) -> serde_json::Result<Encoded> {
        if self.encoding != Some(encoding) {
            *self = KeptDiagnostics {
                encoding: Some(encoding),
                chunks: FastMap::default(),
            };
        }
        let parts = analysis.parts();
        let mut kept = FastMap::with_capacity_and_hasher(parts.len(), Default::default());
        let mut body = Vec::with_capacity(self.size_guess() + 4096);
        body.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"method\":");
        serde_json::to_writer(&mut body, PublishDiagnostics::METHOD)?;
        body.extend_from_slice(b",\"params\":{\"uri\":");
        serde_json::to_writer(&mut body, uri)?;
        body.extend_from_slice(b",\"diagnostics\":[");
        let mut first_line = 0;
        let mut comma = false;
        for part in parts {
            let (id, mut chunk) = match self.chunks.remove(&part.address()) {
                Some(kept) => kept,
                None => (part.id(), Box::new(ChunkDiagnostics::of(part, encoding)?)),
            };
            if part.findings().next().is_some() && std::mem::replace(&mut comma, true) {
                body.push(b',');
            }
            chunk.write(part, first_line, encoding, &mut body)?;
            first_line += chunk.lines;
            kept.insert(part.address(), (id, chunk));
        }
        body.extend_from_slice(b"],\"version\":");
        serde_json::to_writer(&mut body, &version)?;
        body.extend_from_slice(b"}}");
        self.chunks = kept;
        Ok(outgoing::framed(body))
    }

    /// About how long the last publish was: what is kept, and a range for each diagnostic.
    fn size_guess(&self) -> usize {
        // A range is about 90 bytes; a little more, since growing the body would copy it.
        const RANGE: usize = 128;
        let of = |serialised: &Serialised| serialised.said.len() + RANGE * serialised.ends.len();
        self.chunks.values().map(|(_, c)| of(&c.own) + of(&c.document)).sum()
    }
}

/// A range counted from a chunk's first line, placed in a document where that line is `first_line`.
fn placed(range: Range, first_line: u32) -> Range {
    let at = |p: Position| Position::new(p.line + first_line, p.character);
    Range::new(at(range.start), at(range.end))
}

#[cfg(test)]
mod tests {
    use super::super::diagnostics::of_snapshot;
    use super::super::project::Knowledge;
    use super::super::snapshot::Snapshot;
    use super::*;
    use brieflint_core::analysis::{analyse_cached, ChunkCache};
    use brieflint_core::{DocKind, KnowledgeBase, RuleSettings};
    use ropey::Rope;
    use std::sync::Arc;

    /// Kept chunks land on their new lines after edits above them, and the published JSON stays what the LSP
    /// types make of the flat analysis.
    #[test]
    fn kept_chunks_move_with_the_lines_above_them() {
        let knowledge = Arc::new(Knowledge::new(KnowledgeBase::builtin()));
        let settings = RuleSettings::default();
        let uri: Uri = "file:///a.md".parse().unwrap();
        let mut cache = ChunkCache::default();
        let mut kept = KeptDiagnostics::default();
        let paragraphs = [
            "The TTP attacked Bannu on Tuesday.\r\n",
            "Sources say 😀 al-Qaida trained them. Al Qaeda denied it.\n",
            "It is highly likely that talks resume. Talks may fail.\n",
        ];
        let texts = [
            paragraphs.join("\n"),
            format!("New opening line.\n\n{}", paragraphs.join("\n")),
            format!("New opening line.\n\n{}", paragraphs.join("\n\n\n")),
            format!("Two\nlines.\n\n{}", paragraphs[1..].join("\n")),
            // The second chunk is unchanged, but its document-scoped finding changes, goes and comes back.
            "Al Qaeda met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            "Al Qaida met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            "Officials met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            "Al Qaeda met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            // The unchanged second chunk, on the same line with the same document-scoped findings, but its own
            // silenced by a suppression in the first, and then not.
            "Officials met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            "<!-- brieflint-disable unattributed-claim -->\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
            "Officials met.\n\nThe camp hosted al-Qaida trainers.\n".to_string(),
        ];
        for (version, text) in texts.iter().enumerate() {
            let version = version as i32;
            let analysis = analyse_cached(text, DocKind::Markdown, &knowledge.kb, &settings, &mut cache);
            let snapshot = Snapshot::new(
                version,
                0,
                Rope::from_str(text),
                text.clone(),
                analysis,
                knowledge.clone(),
                true,
            );
            let expected = serde_json::to_value(of_snapshot(&snapshot, Encoding::Utf16)).unwrap();
            // Something to compare, but where a suppression silences it all.
            let count = expected.as_array().map_or(0, Vec::len);
            assert!(count >= 2 || text.contains("brieflint-disable"), "{expected}");
            let published = kept.encode(&uri, version, &snapshot.analysis, Encoding::Utf16).unwrap();
            let published: serde_json::Value = serde_json::from_slice(published.body()).unwrap();
            assert_eq!(published["params"]["diagnostics"], expected, "version {version}");
            assert_eq!(published["params"]["version"], version);
        }
    }
}
