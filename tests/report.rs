//! `brieflint report`: the HTML page's counts are `check --format json`'s for the same files and configuration,
//! every text is escaped and the page loads nothing from elsewhere, the Markdown table, errors and exit statuses
//! as `check`'s, the output written atomically or to stdout, and the size of the report of a large document. The
//! page in a browser (hover, screenshots, accessibility) is tested by `tests/report-e2e/`.

#[path = "../server/benches/support/mod.rs"]
mod generators;
mod support;

use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use support::{brieflint, repo, stderr, stdout, write};

/// Per file: the number of findings of each rule.
type RuleCounts = BTreeMap<String, BTreeMap<String, usize>>;

fn check_counts(dir: &Path, args: &[&str]) -> RuleCounts {
    let output = brieflint(dir, &[&["check", "--format", "json"], args].concat());
    let json: Value = serde_json::from_str(&stdout(&output)).expect("check prints JSON");
    let mut counts = RuleCounts::new();
    for file in json["files"].as_array().unwrap() {
        let rules = counts.entry(file["path"].as_str().unwrap().to_string()).or_default();
        for d in file["diagnostics"].as_array().unwrap() {
            *rules.entry(d["code"].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    counts
}

/// Per document section of the page: its findings per rule, and its `data-` counts.
fn page_counts(html: &str) -> (RuleCounts, BTreeMap<String, BTreeMap<String, usize>>) {
    let section = Regex::new(r#"<section class="doc" id="d\d+"[^>]*data-path="([^"]*)"([^>]*)>"#).unwrap();
    let data = Regex::new(r#"data-([a-z]+)="(\d+)""#).unwrap();
    let rule = Regex::new(r#"data-rule="([^"]+)" data-count="(\d+)""#).unwrap();
    let starts: Vec<_> = section.captures_iter(html).collect();
    let mut rules = RuleCounts::new();
    let mut numbers = BTreeMap::new();
    for (i, found) in starts.iter().enumerate() {
        let path = unescape(&found[1]);
        let end = starts
            .get(i + 1)
            .map_or(html.len(), |next| next.get(0).unwrap().start());
        let body = &html[found.get(0).unwrap().end()..end];
        let per_rule = rules.entry(path.clone()).or_default();
        for r in rule.captures_iter(body) {
            per_rule.insert(r[1].to_string(), r[2].parse().unwrap());
        }
        let attributes = data
            .captures_iter(&found[2])
            .map(|d| (d[1].to_string(), d[2].parse().unwrap()))
            .collect();
        numbers.insert(path, attributes);
    }
    (rules, numbers)
}

/// An attribute's text as written before escaping.
fn unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn the_pages_counts_are_checks_for_the_sample_briefings() {
    let root = repo();
    let output = brieflint(&root, &["report", "seeds/briefings"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    let expected = check_counts(&root, &["seeds/briefings"]);
    assert_eq!(expected.len(), 3, "{expected:?}");
    let (rules, numbers) = page_counts(&html);
    assert_eq!(rules, expected);
    for (path, per_rule) in &expected {
        let n = &numbers[path];
        assert_eq!(n["findings"], per_rule.values().sum::<usize>(), "{path}");
        assert_eq!(
            n["unattributed"],
            per_rule.get("unattributed-claim").copied().unwrap_or(0),
            "{path}"
        );
        assert_eq!(
            n["vague"],
            per_rule.get("vague-attribution").copied().unwrap_or(0),
            "{path}"
        );
        assert!(n["attributed"] > 0 && n["claims"] > n["attributed"], "{path}: {n:?}");
    }
    // Several files: the index, one sortable row each, linking to its document.
    assert!(html.contains(r#"<section class="index" id="index""#));
    assert_eq!(html.matches(r#"<tr data-doc="d"#).count(), 3);
    for anchor in ["d1", "d2", "d3"] {
        assert!(html.contains(&format!(r##"<a href="#{anchor}">"##)), "{anchor}");
    }
}

#[test]
fn the_counts_follow_the_files_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Week\n\nThe convoy lost four vehicles near Bannu.\n\nSources say more died.\n";
    write(dir.path(), "week.md", text);
    write(dir.path(), "brieflint.toml", "[rules]\nunattributed-claim = \"off\"\n");
    let output = brieflint(dir.path(), &["report", "week.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (rules, numbers) = page_counts(&stdout(&output));
    assert_eq!(rules, check_counts(dir.path(), &["week.md"]));
    let week = &numbers["week.md"];
    assert_eq!((week["unattributed"], week["vague"]), (0, 1), "{week:?}");
    // The claim the configuration does not ask about is shown as such, not as unsourced.
    let html = stdout(&output);
    assert!(html.contains(r#"<span class="s x""#), "no sentence marked not asked");
    assert!(!html.contains(r#"<span class="s u" id="#));
    // One document: no index.
    assert!(!html.contains(r#"id="index""#));
}

#[test]
fn every_text_is_escaped_and_nothing_is_loaded_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# <b>Bold</b> & co\n\nThe <script>alert(1)</script> group \"attacked\" a post, [Dawn](https://example.com/x) said.\n\nOfficials say <img src=x onerror=alert(2)> more died.\n";
    write(dir.path(), "a<b>.md", text);
    let output = brieflint(dir.path(), &["report", "a<b>.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"), "{html}");
    assert!(html.contains("a&lt;b&gt;.md"));
    // No element loads anything: no src or external href, no stylesheet link, and a policy that forbids it.
    let attribute = Regex::new(r#"\s(src|href|xlink:href|action)="([^"]*)""#).unwrap();
    for found in attribute.captures_iter(&html) {
        assert!(
            found[1] == *"href" && found[2].starts_with('#'),
            "loads or links outside the page: {}",
            &found[0]
        );
    }
    assert!(!html.contains("<link") && !html.contains("@import") && !html.contains("url(http"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn markdown_has_one_row_per_file_with_checks_counts() {
    let root = repo();
    let output = brieflint(&root, &["report", "--format", "markdown", "seeds/briefings"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    let expected = check_counts(&root, &["seeds/briefings"]);
    let row =
        Regex::new(r"(?m)^\| `([^`]+)` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+)% \| (\d+)% \| (\d+) \|$").unwrap();
    let rows: Vec<_> = row.captures_iter(&table).collect();
    assert_eq!(rows.len(), 3, "{table}");
    for found in rows {
        let rules = &expected[&found[1]];
        let number = |i: usize| found[i].parse::<usize>().unwrap();
        assert_eq!(
            number(4),
            rules.get("vague-attribution").copied().unwrap_or(0),
            "{table}"
        );
        assert_eq!(
            number(5),
            rules.get("unattributed-claim").copied().unwrap_or(0),
            "{table}"
        );
        assert_eq!(number(8), rules.values().sum::<usize>(), "{table}");
        let claims = number(2) as f64;
        let share = ((number(4) + number(5)) as f64 * 100.0 / claims).round() as usize;
        assert_eq!(number(6), share, "{table}");
    }
    assert!(table.contains("| **All files** |"), "{table}");
}

#[test]
fn a_bad_path_is_an_error_with_status_2_and_the_rest_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", "The convoy lost four vehicles near Bannu.\n");
    let output = brieflint(dir.path(), &["report", "missing.md", "-o", "out.html"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error: missing.md: no such file or folder"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("out.html").exists(),
        "nothing to report: no file written"
    );

    let output = brieflint(dir.path(), &["report", "missing.md", "good.md", "-o", "out.html"]);
    assert_eq!(output.status.code(), Some(2));
    let html = std::fs::read_to_string(dir.path().join("out.html")).unwrap();
    assert!(html.contains(r#"data-path="good.md""#));
}

#[test]
fn the_output_file_is_replaced_atomically_and_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "week.md", "The convoy lost four vehicles near Bannu.\n");
    write(dir.path(), "report.html", "old");
    let output = brieflint(dir.path(), &["report", "week.md", "-o", "report.html"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let written = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "a temporary file was left behind: {names:?}");

    let output = brieflint(dir.path(), &["report", "week.md", "-o", "-"]);
    assert!(stdout(&output).starts_with("<!DOCTYPE html>"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn the_report_of_a_large_document_is_under_five_times_its_size() {
    let kb = brieflint_core::KnowledgeBase::builtin();
    let text = generators::corpus(
        1 << 20,
        generators::CorpusStyle::Markdown,
        &generators::names_of(&kb),
        11,
    );
    let analysis = brieflint_core::analyse(&text, brieflint_core::DocKind::Markdown, &kb);
    assert!(analysis.findings.len() > 1_000, "the document has findings to show");
    let document = brieflint::report::DocumentReport::new("big.md".into(), text.clone(), &analysis, &kb);
    let html = brieflint::report::html(&[document], &brieflint::report::Meta::now(vec!["built-in".into()]));
    let ratio = html.len() as f64 / text.len() as f64;
    println!("report of {} bytes: {} bytes ({ratio:.2}x)", text.len(), html.len());
    if let Some(path) = std::env::var_os("BRIEFLINT_REPORT_SAMPLE") {
        std::fs::write(path, &html).unwrap();
    }
    assert!(ratio < 5.0, "{ratio:.2}x");
}

#[test]
fn a_document_shows_its_sections_sources_actors_and_what_made_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Week\n\n## Border\n\nThe TTP attacked a post near Bannu, Dawn reported. \
                Officials say the Afghan Taliban sheltered the TTP.\n\n\
                ## Outlook\n\nThe TTP will strike again. Attacks reportedly rose. The ISPR said six died.\n";
    write(dir.path(), "week.md", text);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_brieflint"))
        .args(["report", "week.md"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "86400")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    let squeezed: String = html.split_whitespace().collect::<Vec<_>>().join(" ");
    // What made it: the date (fixed by SOURCE_DATE_EPOCH), the version and the knowledge base.
    assert!(
        html.contains(&format!(
            "Made 1970-01-02T00:00:00Z by brieflint {}",
            env!("CARGO_PKG_VERSION")
        )),
        "{html}"
    );
    assert!(html.contains("knowledge base: built-in ("), "{html}");
    // A bar per section, with its claims and unsourced share.
    let row = |title: &str| {
        let at = squeezed
            .find(&format!(">{title}</a></td>"))
            .unwrap_or_else(|| panic!("no section {title}"));
        squeezed[at..squeezed[at..].find("</tr>").unwrap() + at].to_string()
    };
    let border = row("Border");
    assert!(border.contains(r#"<svg class="bar""#), "{border}");
    assert!(
        border.contains(r#"<td class="num">2</td><td class="num">50%</td>"#),
        "{border}"
    );
    assert!(
        row("Outlook").contains(r#"<td class="num">3</td><td class="num">67%</td>"#),
        "{}",
        row("Outlook")
    );
    // The source inventory: named sources with links to their sentences, anonymous phrases and hedges counted.
    for source in [
        r##"<td>Dawn</td><td>named</td><td class="num">1</td><td><a href="#d1-s2">3</a>"##,
        r##"<td>ISPR</td><td>named</td><td class="num">1</td><td><a href="#d1-s7">8</a>"##,
        r#"<td>Officials</td><td>anonymous</td><td class="num">1</td>"#,
        r#"<td>reportedly</td><td>hedge</td><td class="num">1</td>"#,
    ] {
        assert!(squeezed.contains(source), "no {source} in the inventory");
    }
    // The actors with their cards and where they appear, and who is named together.
    assert!(
        squeezed.contains(r#"<tr data-actor="ttp"><td><details><summary>Tehreek-e-Taliban Pakistan (TTP)</summary>"#)
    );
    assert!(squeezed.contains(
        "Designated by: United States Department of State (Foreign Terrorist Organization), since 2010-09-01"
    ));
    assert!(
        squeezed.contains(
            r##"<td class="num">3</td><td><a href="#d1-s2">3</a> <a href="#d1-s3">4</a> <a href="#d1-s5">6</a>"##
        ),
        "TTP: 3 mentions, in sentences 3, 4 and 6"
    );
    assert!(
        squeezed.contains(
            "<tr><td>Tehreek-e-Taliban Pakistan (TTP)</td><td>Afghan Taliban (TTA)</td><td class=\"num\">1</td></tr>"
        ) || squeezed.contains(
            "<tr><td>Afghan Taliban (TTA)</td><td>Tehreek-e-Taliban Pakistan (TTP)</td><td class=\"num\">1</td></tr>"
        ),
        "the two are named in one paragraph"
    );
}
