//! `brieflint kb import un-sc`: the UN Security Council Consolidated List, in the UN's own XML format
//! (`CONSOLIDATED_LIST`, schema `sc-sanctions.xsd`), as actors. Every entry says where it comes from and the
//! snapshot's date, since the list changes every few weeks.

use super::listed::{self, Listed};
use super::precision::Precision;
use super::write::OutActor;
use super::ImportError;
use roxmltree::{Document, Node};

/// The body every designation is by.
pub const BODY: &str = "United Nations Security Council";

/// The actors of a list, with its snapshot date and how many individuals and entities it held.
pub struct Imported {
    pub actors: Vec<OutActor>,
    pub date: String,
    pub individuals: usize,
    pub entities: usize,
}

pub fn import(text: &str) -> Result<Imported, ImportError> {
    let doc = Document::parse(text).map_err(|e| match e {
        // Said where the file ends, which is where it was cut.
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode => {
            let line = text.lines().count().max(1);
            let column = text.lines().last().map_or(0, |l| l.chars().count()) + 1;
            ImportError::at(
                line,
                column,
                format!("the file ends before the list does (is it cut short?): {e}"),
            )
        }
        e => {
            let pos = e.pos();
            ImportError::at(pos.row as usize, pos.col as usize, format!("not well-formed XML: {e}"))
        }
    })?;
    let root = doc.root_element();
    let at = |node: Node, message: String| {
        let pos = doc.text_pos_at(node.range().start);
        ImportError::at(pos.row as usize, pos.col as usize, message)
    };
    if root.tag_name().name() != "CONSOLIDATED_LIST" {
        return Err(at(
            root,
            format!(
                "this is not the UN Security Council Consolidated List: its root element is <{}>, not <CONSOLIDATED_LIST>",
                root.tag_name().name()
            ),
        ));
    }
    let date = root
        .attribute("dateGenerated")
        .and_then(|d| d.get(..10))
        .filter(|d| super::is_date(d))
        .ok_or_else(|| at(root, "the list has no dateGenerated date (YYYY-MM-DD…)".into()))?
        .to_string();
    let records = |group: &str, one: &str| -> Vec<Node> {
        root.children()
            .filter(|n| n.has_tag_name(group))
            .flat_map(|g| g.children().filter(move |n| n.has_tag_name(one)))
            .collect()
    };
    let individuals = records("INDIVIDUALS", "INDIVIDUAL");
    let entities = records("ENTITIES", "ENTITY");
    if individuals.is_empty() && entities.is_empty() {
        return Err(at(root, "the list holds no <INDIVIDUAL> and no <ENTITY>".into()));
    }
    let given_names: Vec<String> = individuals.iter().map(|n| child_text(*n, "FIRST_NAME")).collect();
    let precision = Precision::new(given_names.iter().map(String::as_str));
    let mut entries = Vec::with_capacity(individuals.len() + entities.len());
    for (node, person) in individuals
        .iter()
        .map(|n| (*n, true))
        .chain(entities.iter().map(|n| (*n, false)))
    {
        entries.push(record(node, person).map_err(|message| at(node, message))?);
    }
    let actors = listed::into_actors(entries, &precision, &date);
    Ok(Imported {
        actors,
        date,
        individuals: individuals.len(),
        entities: entities.len(),
    })
}

/// One `<INDIVIDUAL>` or `<ENTITY>` as read; an error names the missing field.
fn record(node: Node, person: bool) -> Result<Listed, String> {
    let required = |tag: &str| {
        let value = child_text(node, tag);
        if value.is_empty() {
            Err(format!("an entry has no {tag}"))
        } else {
            Ok(value)
        }
    };
    let reference = required("REFERENCE_NUMBER")?;
    let names: Vec<String> = if person {
        ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
            .iter()
            .map(|tag| child_text(node, tag))
            // Some entries give "na" for a part they do not have.
            .filter(|part| !part.is_empty() && !part.eq_ignore_ascii_case("na") && !part.eq_ignore_ascii_case("n/a"))
            .collect::<Vec<_>>()
            .join(" ")
            .split(';')
            .map(str::to_string)
            .collect()
    } else {
        vec![required("FIRST_NAME")?]
    };
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err(format!("the entry {reference} has no FIRST_NAME"));
    }
    let alias_tag = if person { "INDIVIDUAL_ALIAS" } else { "ENTITY_ALIAS" };
    let mut good_aliases = Vec::new();
    let mut low_aliases = Vec::new();
    for alias in node.children().filter(|n| n.has_tag_name(alias_tag)) {
        let name = child_text(alias, "ALIAS_NAME");
        if name.is_empty() {
            continue;
        }
        match child_text(alias, "QUALITY").as_str() {
            "Low" => low_aliases.push(name),
            // `Good` for people; entities' aliases are "a.k.a." or "f.k.a.", names all the same.
            _ => good_aliases.push(name),
        }
    }
    Ok(Listed {
        reference: reference.clone(),
        person,
        names,
        good_aliases,
        low_aliases,
        nationality: values(node, "NATIONALITY"),
        titles: values(node, "TITLE"),
        positions: values(node, "DESIGNATION"),
        regime: required("UN_LIST_TYPE")?,
        listed_on: required("LISTED_ON")?,
        comments: child_text(node, "COMMENTS1"),
    })
}

/// The trimmed text of the first child with this tag, or "".
fn child_text(node: Node, tag: &str) -> String {
    node.children()
        .find(|n| n.has_tag_name(tag))
        .and_then(|n| n.text())
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

/// The `<VALUE>`s of a child such as `<NATIONALITY>`.
fn values(node: Node, tag: &str) -> Vec<String> {
    node.children()
        .filter(|n| n.has_tag_name(tag))
        .flat_map(|n| n.children().filter(|v| v.has_tag_name("VALUE")))
        .filter_map(|v| v.text())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}
