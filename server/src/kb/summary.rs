//! A list's narrative summary (`COMMENTS1`) without its boilerplate: the INTERPOL-UN Special Notice link and
//! photo notes, the notices that a review was concluded, old reference numbers. What is left is the list's own
//! words; where nothing is left, the description stays empty rather than made up.

use regex::Regex;
use std::sync::LazyLock;

static BOILERPLATE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // "INTERPOL-UN Security Council Special Notice web link:https://…", sometimes twice, sometimes without
        // the address.
        r"(?i)(INTERPOL-UN Security Council Special Notice web link:\s*(https?://\S+)?\s*)+",
        // Any sentence that still speaks of the INTERPOL notice ("Photo available for inclusion in …").
        r"(?i)[^.]*\bINTERPOL\b[^.]*(\.|$)",
        // "Review pursuant to Security Council resolution 2253 (2015) was concluded on 21 Nov. 2019."
        r"(?i)(The )?reviews? pursuant to (Security Council )?resolution \d+ \(\d{4}\) (was |were )?(concluded|completed)( on)? \d{1,2} [A-Za-z]+\.?,? \d{4}\.?",
        r"\[Old Reference ?#[^\]]*\]",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("the boilerplate patterns are valid"))
    .collect()
});

/// The summary without boilerplate, its white space made single spaces.
pub fn clean(comments: &str) -> String {
    let mut text = comments.split_whitespace().collect::<Vec<_>>().join(" ");
    for pattern in BOILERPLATE.iter() {
        text = pattern.replace_all(&text, " ").into_owned();
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    // A lone full stop or a date left behind is no summary.
    if text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return String::new();
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_is_stripped_and_the_rest_kept() {
        assert_eq!(
            clean("Fled in March 2013. INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Individuals"),
            "Fled in March 2013."
        );
        assert_eq!(
            clean("Review pursuant to Security Council resolution 1822 (2008) was concluded on 21 Jul. 2010. Belongs to Nurzai tribe. Photo available for inclusion in the INTERPOL-UN Security Council Special Notice. [Old Reference # I.01.C.1]"),
            "Belongs to Nurzai tribe."
        );
        assert_eq!(
            clean("Review pursuant to Security Council resolution 2253 (2015) was concluded on 2 November 2020. INTERPOL-UN Security Council Special Notice web link:https://x"),
            ""
        );
    }
}
