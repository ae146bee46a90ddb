//! Checking knowledge-base files: what loading accepts but a curator should hear about, each at its file, line
//! and column. `brieflint kb check` prints these; the language server shows them on an open knowledge-base file.
//!
//! Errors: a file that does not load (syntax, an unknown field or kind, a duplicate id in it), a relation to an
//! id no file, pack or the built-in base has. Warnings: the same id in two files, the same name or variant on
//! two actors, a review date older than a year. Notes: an acronym shared by several actors (writers will be asked
//! to spell it out), an empty description.

use brieflint_core::actors::{check_format, name_key};
use brieflint_core::{KnowledgeBase, Severity};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One problem in a knowledge-base file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The same place as bytes of the file, for editors.
    pub range: std::ops::Range<usize>,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

/// The fields checked, with where each is written; anything else is the loader's to judge.
#[derive(Deserialize)]
struct File {
    #[serde(default)]
    actors: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    acronyms: Vec<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    unmatched: Vec<String>,
    #[serde(default)]
    description: Option<Spanned<String>>,
    #[serde(default)]
    reviewed: Option<Spanned<String>>,
    #[serde(default)]
    relations: Vec<RelationEntry>,
}

#[derive(Deserialize)]
struct RelationEntry {
    to: Spanned<String>,
}

/// Check `files` (path and text) together; relations may also name the actors of `base` (the built-in base and
/// packs, or the workspace's whole knowledge base), and acronyms shared with them are noted. `today` is
/// `YYYY-MM-DD`. Problems in file order, then by position.
pub fn check(files: &[(PathBuf, String)], base: &KnowledgeBase, today: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut parsed: Vec<(&Path, &str, File)> = Vec::new();
    for (path, text) in files {
        let at = |offset: usize| brieflint_core::actors::line_column(text, offset);
        if let Err(e) = check_format(text, path) {
            let offset = offset_of(text, e.line, e.column);
            problems.push(Problem {
                path: path.clone(),
                line: e.line,
                column: e.column,
                range: offset..offset,
                severity: Severity::Error,
                code: "kb-format",
                message: e.message,
            });
            continue;
        }
        match toml::from_str::<File>(text) {
            Ok(file) => parsed.push((path, text, file)),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let (line, column) = at(span.start);
                problems.push(Problem {
                    path: path.clone(),
                    line,
                    column,
                    range: span,
                    severity: Severity::Error,
                    code: "kb-format",
                    message: e.message().trim().to_string(),
                });
            }
        }
    }
    let local_ids: std::collections::HashSet<&str> = parsed
        .iter()
        .flat_map(|(_, _, f)| f.actors.iter().map(|a| a.id.get_ref().as_str()))
        .collect();
    let mut ids: HashMap<&str, (&Path, usize)> = HashMap::new();
    let mut names: HashMap<String, &str> = HashMap::new();
    let mut acronyms: HashMap<&str, Vec<&str>> = HashMap::new();
    for (_, _, file) in &parsed {
        for entry in &file.actors {
            acronyms_of(entry, &mut acronyms);
        }
    }
    for (path, text, file) in &parsed {
        let mut report = |span: std::ops::Range<usize>, severity: Severity, code: &'static str, message: String| {
            let (line, column) = brieflint_core::actors::line_column(text, span.start);
            problems.push(Problem {
                path: path.to_path_buf(),
                line,
                column,
                range: span,
                severity,
                code,
                message,
            });
        };
        for entry in &file.actors {
            let id = entry.id.get_ref().as_str();
            let id_at = entry.id.span();
            if let Some((other, _)) = ids.insert(id, (path, id_at.start)) {
                report(
                    id_at.clone(),
                    Severity::Warning,
                    "kb-duplicate-id",
                    format!(
                        "the id `{id}` is also used in {}; the later entry replaces the earlier",
                        other.display()
                    ),
                );
            }
            let forms = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .chain(&entry.variants)
                .filter(|form| !entry.unmatched.contains(form.get_ref()));
            for form in forms {
                let key = name_key(form.get_ref());
                match names.get(&key) {
                    Some(&owner) if owner != id => report(
                        form.span(),
                        Severity::Warning,
                        "kb-duplicate-name",
                        format!(
                            "`{}` is also a name of `{owner}`: a text that writes it cannot tell which one is meant",
                            form.get_ref()
                        ),
                    ),
                    _ => {
                        names.insert(key, id);
                    }
                }
            }
            for acronym in &entry.acronyms {
                let itself = base.index_of(id);
                let in_base = base
                    .lookup_all(acronym.get_ref())
                    .into_iter()
                    .filter(|a| a.acronyms.contains(acronym.get_ref()) && base.index_of(&a.id) != itself)
                    .map(|a| a.id.as_str());
                let mut sharing: Vec<&str> = acronyms[acronym.get_ref().as_str()]
                    .iter()
                    .copied()
                    .filter(|other| *other != id)
                    .collect();
                for other in in_base {
                    if !sharing.contains(&other) && !local_ids.contains(other) {
                        sharing.push(other);
                    }
                }
                if !sharing.is_empty() {
                    report(
                        acronym.span(),
                        Severity::Info,
                        "kb-shared-acronym",
                        format!(
                            "the acronym `{}` is shared with {}: writers will be asked to spell it out",
                            acronym.get_ref(),
                            sharing.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
            }
            match &entry.description {
                Some(d) if !d.get_ref().trim().is_empty() => {}
                other => report(
                    other.as_ref().map_or(id_at.clone(), |d| d.span()),
                    Severity::Info,
                    "kb-empty-description",
                    format!("`{id}` has no description: its hover shows only its names"),
                ),
            }
            if let Some(reviewed) = &entry.reviewed {
                let date = reviewed.get_ref();
                if !super::is_date(date) {
                    report(
                        reviewed.span(),
                        Severity::Warning,
                        "kb-stale-review",
                        format!("`reviewed` is `{date}`, not a date YYYY-MM-DD"),
                    );
                } else if older_than_a_year(date, today) {
                    report(
                        reviewed.span(),
                        Severity::Warning,
                        "kb-stale-review",
                        format!("`{id}` was last reviewed on {date}, more than a year ago"),
                    );
                }
            }
        }
    }
    for (path, text, file) in &parsed {
        for entry in &file.actors {
            for relation in &entry.relations {
                let to = relation.to.get_ref().as_str();
                if !local_ids.contains(to) && base.index_of(to).is_none() {
                    let (line, column) = brieflint_core::actors::line_column(text, relation.to.span().start);
                    problems.push(Problem {
                        path: path.to_path_buf(),
                        line,
                        column,
                        range: relation.to.span(),
                        severity: Severity::Error,
                        code: "kb-unknown-relation",
                        message: format!(
                            "`{}` has a relation to `{to}`, which no knowledge base here knows",
                            entry.id.get_ref()
                        ),
                    });
                }
            }
        }
    }
    let order: Vec<&PathBuf> = files.iter().map(|(p, _)| p).collect();
    problems.sort_by_key(|p| (order.iter().position(|o| **o == p.path), p.line, p.column));
    problems
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn acronyms_of<'a>(entry: &'a Entry, acronyms: &mut HashMap<&'a str, Vec<&'a str>>) {
    for acronym in &entry.acronyms {
        let ids = acronyms.entry(acronym.get_ref().as_str()).or_default();
        if !ids.contains(&entry.id.get_ref().as_str()) {
            ids.push(entry.id.get_ref());
        }
    }
}

/// Whether `date` is more than a year before `today` (both `YYYY-MM-DD`, compared as text a year on).
fn older_than_a_year(date: &str, today: &str) -> bool {
    let year: u32 = date[..4].parse().unwrap_or(0);
    format!("{}{}", year + 1, &date[4..]).as_str() < today
}

/// Today's date, `YYYY-MM-DD`, in UTC.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (seconds / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-12-07";

    fn problems(text: &str) -> Vec<(usize, usize, Severity, &'static str)> {
        check(
            &[(PathBuf::from("kb.toml"), text.to_string())],
            &KnowledgeBase::builtin(),
            TODAY,
        )
        .into_iter()
        .map(|p| (p.line, p.column, p.severity, p.code))
        .collect()
    }

    #[test]
    fn each_problem_is_found_at_its_place() {
        let text = "[[actors]]\nid = \"a\"\nname = \"Alpha Front\"\nkind = \"armed-group\"\nacronyms = [\"FC\"]\ndescription = \"A group.\"\nreviewed = \"2025-01-02\"\n\n[[actors]]\nid = \"b\"\nname = \"Beta\"\nkind = \"armed-group\"\nvariants = [\"alpha front\"]\ndescription = \"\"\n\n[[actors.relations]]\nto = \"nobody\"\nkind = \"part-of\"\n";
        assert_eq!(
            problems(text),
            [
                (5, 13, Severity::Info, "kb-shared-acronym"),
                (7, 12, Severity::Warning, "kb-stale-review"),
                (13, 13, Severity::Warning, "kb-duplicate-name"),
                (14, 15, Severity::Info, "kb-empty-description"),
                (17, 6, Severity::Error, "kb-unknown-relation"),
            ]
        );
    }

    #[test]
    fn a_file_that_does_not_load_is_one_error_and_relations_may_name_the_builtin_base() {
        assert_eq!(
            problems("[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"planet\"\n"),
            [(4, 8, Severity::Error, "kb-format")]
        );
        let text = "[[actors]]\nid = \"x\"\nname = \"Xeno Front\"\nkind = \"armed-group\"\ndescription = \"A group.\"\n[[actors.relations]]\nto = \"ttp\"\nkind = \"allied-with\"\n";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
    }

    #[test]
    fn today_is_a_date() {
        assert!(super::super::is_date(&today()), "{}", today());
    }
}
