//! `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations on the changed lines.
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`

use super::super::position::LineIndex;
use super::super::InputError;
use super::display_path;
use super::FileReport;
use brieflint_core::Severity;
use std::fmt::Write;

pub fn render(reports: &[FileReport], errors: &[InputError]) -> String {
    let mut out = String::new();
    write(&mut out, reports, errors).expect("writing to a String cannot fail");
    out
}

fn write(out: &mut String, reports: &[FileReport], errors: &[InputError]) -> std::fmt::Result {
    for report in reports {
        let index = LineIndex::new(&report.text);
        for finding in &report.findings {
            let start = index.position(finding.range.start);
            let end = index.position(finding.range.end);
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&display_path(&report.path)),
                start.line,
                start.column,
                end.line,
                end.column,
                property(finding.code),
                data(&finding.message)
            )?;
        }
    }
    for error in errors {
        writeln!(
            out,
            "::error file={},title=brieflint::{}",
            property(&display_path(&error.path)),
            data(&error.message)
        )?;
    }
    Ok(())
}

/// Escape a command's message, as the runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a command's property value, which also may not hold ':' or ','.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
