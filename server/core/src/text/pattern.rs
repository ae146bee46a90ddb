//! Compiling the fixed patterns. Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` makes the regex crate
//! leave its fast DFA for a backtracking engine on any non-ASCII text (curly quotes, dashes), which costs
//! several times the speed; letters outside ASCII are not word characters for these English cue words anyway.

use regex::Regex;

pub fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
        .unwrap_or_else(|e| panic!("fixed pattern {pattern:?} is invalid: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn boundaries_still_hold_next_to_non_ascii_text() {
        let re = super::compile(r"(?i)\breportedly\b");
        assert!(re.is_match("“reportedly”"));
        assert!(!re.is_match("unreportedly"));
    }
}
