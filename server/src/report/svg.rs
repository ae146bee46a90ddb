//! The geometry of the stacked bars: one segment per mark, as a share of the width. The template
//! (`templates/bar.html`) draws them as inline SVG; the patterns they are filled with are in `page.html`, so a
//! bar reads the same printed in black and white.

use super::model::{Counts, Mark};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Segment {
    /// The mark's key, which picks the fill pattern.
    pub key: &'static str,
    pub label: &'static str,
    pub count: usize,
    /// Left edge and width, in percent of the bar.
    pub x: String,
    pub width: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Bar {
    pub segments: Vec<Segment>,
    /// What the bar shows, in words, for screen readers and the tooltip.
    pub label: String,
}

/// The bar of `counts`: every sentence, by mark, left to right from attributed to not a claim.
pub fn bar(counts: &Counts) -> Bar {
    let total = counts.sentences.max(1) as f64;
    let mut x = 0.0;
    let mut segments = Vec::new();
    let mut words = Vec::new();
    for mark in Mark::ALL {
        let count = counts.of(mark);
        if count == 0 {
            continue;
        }
        words.push(format!("{} {}", count, mark.label()));
        let width = count as f64 * 100.0 / total;
        segments.push(Segment {
            key: mark.key(),
            label: mark.label(),
            count,
            x: format!("{x:.1}%"),
            width: format!("{width:.1}%"),
        });
        x += width;
    }
    Bar {
        segments,
        label: format!("{} sentences: {}", counts.sentences, words.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_follow_each_other_and_fill_the_bar() {
        let mut counts = Counts::default();
        for mark in [
            Mark::Attributed,
            Mark::Unattributed,
            Mark::Unattributed,
            Mark::NotAClaim,
        ] {
            counts.add(mark);
        }
        let bar = bar(&counts);
        let spans: Vec<(&str, &str, &str)> = bar
            .segments
            .iter()
            .map(|s| (s.key, s.x.as_str(), s.width.as_str()))
            .collect();
        assert_eq!(
            spans,
            [("a", "0.0%", "25.0%"), ("u", "25.0%", "50.0%"), ("n", "75.0%", "25.0%")]
        );
        assert_eq!(bar.label, "4 sentences: 1 attributed, 2 unattributed, 1 not a claim");
    }
}
