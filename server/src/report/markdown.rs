//! `brieflint report --format markdown`: one table row per file (shares and counts), for a pull request's
//! comment or `$GITHUB_STEP_SUMMARY`.

use super::{percent, DocumentReport};
use std::fmt::Write;

pub fn render(documents: &[DocumentReport]) -> String {
    let mut out = String::from("## brieflint sourcing report\n\n");
    out.push_str(
        "| File | Claims | Attributed | Vague | Unattributed | Unsourced share | Not a claim | Findings |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut total = super::model::Counts::default();
    for document in documents {
        row(
            &mut out,
            &format!("`{}`", document.name.replace('|', "\\|")),
            &document.model.counts,
        );
        total.absorb(&document.model.counts);
    }
    if documents.len() > 1 {
        row(&mut out, "**All files**", &total);
    }
    out.push_str(
        "\nClaims are sentences that assert something; unsourced means vague or unattributed, as \
         `brieflint check` reports them.\n",
    );
    out
}

fn row(out: &mut String, name: &str, c: &super::model::Counts) {
    let _ = writeln!(
        out,
        "| {name} | {} | {} | {} | {} | {} | {} | {} |",
        c.claims(),
        c.attributed,
        c.vague,
        c.unattributed,
        percent(c.unsourced_share()),
        percent(super::model::ratio(c.not_a_claim, c.sentences)),
        c.findings
    );
}
