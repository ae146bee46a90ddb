//! `brieflint kb import csv`: a team's own spreadsheet of actors, one row each, as a knowledge-base file.
//!
//! Columns, by their header (any order; only `id`, `name` and `kind` are required):
//! `id`, `name`, `kind` (as in the TOML format: `armed-group`, `person`, …), `acronyms`, `variants` (lists
//! separated by `;`), `description`, `relations` (`kind:id` pairs separated by `;`, e.g.
//! `led-by:sirajuddin-haqqani`), `source` (one or more, separated by `;`), `reviewed` (`YYYY-MM-DD`).

use super::write::{OutActor, OutRelation};
use super::ImportError;
use brieflint_core::actors::ActorKind;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    id: String,
    name: String,
    kind: ActorKind,
    #[serde(default)]
    acronyms: String,
    #[serde(default)]
    variants: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    relations: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    reviewed: String,
}

pub fn import(text: &str) -> Result<Vec<OutActor>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let bad = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        ImportError::at(line, 1, format!("bad row: {e}"))
    };
    let headers = reader.headers().map_err(bad)?.clone();
    let mut record = csv::StringRecord::new();
    let mut actors = Vec::new();
    while reader.read_record(&mut record).map_err(bad)? {
        let line = record.position().map_or(1, |p| p.line() as usize);
        let row: Row = record
            .deserialize(Some(&headers))
            .map_err(|e| ImportError::at(line, 1, format!("bad row: {e}")))?;
        actors.push(actor(row).map_err(|message| ImportError::at(line, 1, message))?);
    }
    if actors.is_empty() {
        return Err(ImportError::at(
            1,
            1,
            "no rows: the file needs a header row (id,name,kind,…) and one row per actor".into(),
        ));
    }
    Ok(actors)
}

fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn actor(row: Row) -> Result<OutActor, String> {
    if row.id.is_empty() || row.name.is_empty() {
        return Err("bad row: `id` and `name` must not be empty".into());
    }
    let relations = list(&row.relations)
        .into_iter()
        .map(|pair| match pair.split_once(':') {
            Some((kind, to)) if !kind.trim().is_empty() && !to.trim().is_empty() => Ok(OutRelation {
                to: to.trim().to_string(),
                kind: kind.trim().to_string(),
            }),
            _ => Err(format!("bad row: the relation `{pair}` is not `kind:id`")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let reviewed = (!row.reviewed.is_empty()).then_some(row.reviewed);
    if let Some(date) = &reviewed {
        if !super::is_date(date) {
            return Err(format!("bad row: `reviewed` is `{date}`, not a date YYYY-MM-DD"));
        }
    }
    Ok(OutActor {
        id: row.id,
        name: row.name,
        kind: Some(row.kind),
        acronyms: list(&row.acronyms),
        variants: list(&row.variants),
        description: row.description,
        reviewed,
        sources: list(&row.source),
        relations,
        ..OutActor::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_actors_and_a_bad_row_names_its_line() {
        let text = "id,name,kind,acronyms,variants,description,relations,source,reviewed\nzlf,Zarghun Liberation Front,armed-group,ZLF,Zarghun Front;Z.L.F.,A group.,allied-with:ttp,https://example.org,2026-11-01\n";
        let actors = import(text).unwrap();
        assert_eq!(actors[0].acronyms, ["ZLF"]);
        assert_eq!(actors[0].variants, ["Zarghun Front", "Z.L.F."]);
        assert_eq!(actors[0].relations[0].to, "ttp");
        let bad_kind = format!("{text}x,X,planet,,,,,,\n");
        let err = import(&bad_kind).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        let bad_relation = format!("{text}y,Y,person,,,,ttp,,\n");
        let err = import(&bad_relation).unwrap_err();
        assert!(err.message.contains("kind:id"), "{err}");
        assert_eq!(err.line, 3, "{err}");
    }
}
