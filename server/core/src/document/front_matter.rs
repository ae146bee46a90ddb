//! A Markdown document's front matter: `key: value` lines between a first line `---` and the next `---`.

/// The value of `key` in the front matter, trimmed; `None` without front matter or without the key.
pub fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let body = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    body.lines()
        .take_while(|line| line.trim_end() != "---")
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
}

/// Whether the document asks to be linted (`brieflint: true`), for editors that lint only what asks.
pub fn opts_in(text: &str) -> bool {
    field(text, "brieflint").is_some_and(|value| value.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_read_only_inside_the_front_matter() {
        let text = "---\ntitle: Kurram\nbrieflint: true\r\n---\ngenre: doctrine\n";
        assert_eq!(field(text, "title"), Some("Kurram"));
        assert_eq!(field(text, "genre"), None);
        assert_eq!(field("title: Kurram\n", "title"), None);
        // A longer key that starts with the one asked for is another key.
        assert_eq!(field("---\nbrieflinted: true\n---\n", "brieflint"), None);
    }

    #[test]
    fn only_true_opts_in() {
        assert!(opts_in("---\nbrieflint: true\n---\n# Update\n"));
        assert!(opts_in("---\r\nbrieflint:   True\r\n---\r\n"));
        assert!(!opts_in("---\nbrieflint: false\n---\n"));
        assert!(!opts_in("# Update\n\nbrieflint: true\n"));
    }
}
