//! Maps offsets in a block's plain text back to byte offsets in the original file.

use std::ops::Range;

#[derive(Clone, Debug, Default)]
struct Segment {
    plain: usize,
    plain_len: usize,
    source: Range<usize>,
}

/// An ordered list of plain-text pieces and the source bytes each one stands for.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    pub(crate) fn with_capacity(pieces: usize) -> OffsetMap {
        OffsetMap {
            segments: Vec::with_capacity(pieces),
        }
    }

    pub(crate) fn push(&mut self, plain: usize, plain_len: usize, source: Range<usize>) {
        self.segments.push(Segment {
            plain,
            plain_len,
            source,
        });
    }

    /// The same map with every source offset moved by `by` bytes.
    pub(crate) fn shifted(&self, by: isize) -> OffsetMap {
        let shift = |offset: usize| offset.wrapping_add_signed(by);
        OffsetMap {
            segments: self
                .segments
                .iter()
                .map(|s| Segment {
                    plain: s.plain,
                    plain_len: s.plain_len,
                    source: shift(s.source.start)..shift(s.source.end),
                })
                .collect(),
        }
    }

    /// Where a piece stands for fewer source bytes than it has (an escape, an entity), offsets inside it are clamped.
    fn locate(segment: &Segment, plain: usize) -> usize {
        let within = plain - segment.plain;
        if segment.plain_len == segment.source.len() {
            segment.source.start + within
        } else if within >= segment.plain_len {
            segment.source.end
        } else {
            segment.source.start + within.min(segment.source.len())
        }
    }

    /// The source offset of the character starting at `plain`.
    pub fn to_source(&self, plain: usize) -> usize {
        let index = self.segments.partition_point(|s| s.plain <= plain);
        match index.checked_sub(1).map(|i| &self.segments[i]) {
            Some(segment) => Self::locate(segment, plain),
            None => self.segments.first().map_or(0, |s| s.source.start),
        }
    }

    /// The source offset just after the character ending at `plain` (for range ends).
    pub fn to_source_end(&self, plain: usize) -> usize {
        let index = self.segments.partition_point(|s| s.plain < plain);
        match index.checked_sub(1).map(|i| &self.segments[i]) {
            Some(segment) => Self::locate(segment, plain),
            None => self.segments.first().map_or(0, |s| s.source.start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_across_removed_markup() {
        // "**Bold** text" → "Bold text": "Bold" at 2..6, " text" at 8..13.
        let mut map = OffsetMap::default();
        map.push(0, 4, 2..6);
        map.push(4, 5, 8..13);
        assert_eq!(map.to_source(0), 2);
        assert_eq!(map.to_source(4), 8);
        assert_eq!(map.to_source_end(4), 6);
        assert_eq!(map.to_source_end(9), 13);
    }

    #[test]
    fn clamps_inside_escapes() {
        // "\*" (2 source bytes) stands for "*" (1 plain byte).
        let mut map = OffsetMap::default();
        map.push(0, 1, 10..12);
        assert_eq!(map.to_source(0), 10);
        assert_eq!(map.to_source_end(1), 12);
    }
}
