//! Is a span inside someone else's quoted words? Curly quotes pair by direction; straight double quotes by
//! parity within the block.

use std::ops::Range;

/// Whether `range` of a block's plain `text` lies inside a quotation.
pub fn in_quotation(text: &str, range: &Range<usize>) -> bool {
    let before = &text[..range.start.min(text.len())];
    let curly_open = before.rfind('“');
    let curly_close = before.rfind('”');
    let inside_curly = match (curly_open, curly_close) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    };
    inside_curly || before.matches('"').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes() {
        let text = "He said “al-Qaida will return” and \"TTP\" but not al Qaeda.";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        assert!(in_quotation(text, &at("al-Qaida")));
        assert!(in_quotation(text, &at("TTP")));
        assert!(!in_quotation(text, &at("al Qaeda")));
    }
}
