//! Code actions: the core's fixes as quick fixes, "add to the knowledge base" for an unknown actor, and
//! "suppress here" on every diagnostic with the comment the core honours (see `brieflint_core::suppress`).

use super::diagnostics;
use super::positions::{self, Encoding};
use super::snapshot::Snapshot;
use brieflint_core::findings::Finding;
use ropey::Rope;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

/// The workspace knowledge-base file new entries go to, with its current text (`None` when it does not exist).
pub struct KbTarget<'a> {
    pub path: &'a Path,
    pub text: Option<&'a str>,
}

pub fn code_actions(
    uri: &Uri,
    snapshot: &Snapshot,
    bytes: &Range<usize>,
    encoding: Encoding,
    kb_target: Option<KbTarget>,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let touching = snapshot
        .analysis
        .flat()
        .findings
        .iter()
        .filter(|f| f.range.start <= bytes.end && bytes.start <= f.range.end);
    for finding in touching {
        let diagnostic = diagnostics::of_finding(snapshot, finding, encoding);
        let action = |title: String, edit: WorkspaceEdit, preferred: bool| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(edit),
                is_preferred: Some(preferred),
                ..Default::default()
            })
        };
        let fixes = brieflint_core::rules::fixes_of(&snapshot.text, snapshot.analysis.flat(), snapshot.kb(), finding);
        for (i, fix) in fixes.iter().enumerate() {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(snapshot.range(&e.range, encoding), e.replacement.clone()))
                .collect();
            actions.push(action(fix.title.clone(), in_document(uri, edits), i == 0));
        }
        if finding.code == "unknown-actor" {
            if let Some(target) = &kb_target {
                let name = &snapshot.text[finding.range.clone()];
                if let Some(edit) = add_stub_entry(target, name, encoding) {
                    let title = format!("Add “{name}” to {}", target.path.display());
                    actions.push(action(title, edit, fixes.is_empty()));
                }
            }
        }
        actions.push(action(
            format!("Suppress {} here", finding.code),
            in_document(uri, vec![suppress_here(snapshot, finding, encoding)]),
            false,
        ));
    }
    actions
}

fn in_document(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// `<!-- brieflint-disable-next-line CODE -->` on its own line above the line where the finding starts, indented
/// like it.
fn suppress_here(snapshot: &Snapshot, finding: &Finding, encoding: Encoding) -> TextEdit {
    let rope = &snapshot.rope;
    let line = rope.byte_to_line(finding.range.start.min(rope.len_bytes()));
    let line_start = rope.line_to_byte(line);
    let indent: String = rope
        .line(line)
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = if rope.line(line).to_string().ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let at = snapshot.range(&(line_start..line_start), encoding);
    TextEdit::new(
        at,
        format!("{indent}<!-- brieflint-disable-next-line {} -->{eol}", finding.code),
    )
}

/// A new `[[actors]]` entry for `name` appended to the workspace knowledge base (created when missing).
fn add_stub_entry(target: &KbTarget, name: &str, encoding: Encoding) -> Option<WorkspaceEdit> {
    let uri = Uri::from_file_path(target.path)?;
    let entry = stub_entry(name);
    match target.text {
        Some(text) => {
            let rope = Rope::from_str(text);
            let end = positions::position(&rope, text.len(), encoding);
            let separator = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            Some(WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![TextEdit::new(
                        tower_lsp_server::ls_types::Range::new(end, end),
                        format!("{separator}{entry}"),
                    )],
                )])),
                ..Default::default()
            })
        }
        None => {
            let start = Position::new(0, 0);
            Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: uri.clone(),
                        options: None,
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                        edits: vec![OneOf::Left(TextEdit::new(
                            tower_lsp_server::ls_types::Range::new(start, start),
                            entry,
                        ))],
                    }),
                ])),
                ..Default::default()
            })
        }
    }
}

/// The TOML of a stub entry; the kind is a guess from the name for the writer to check.
pub fn stub_entry(name: &str) -> String {
    let id: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    let is_acronym = name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && name.len() >= 2;
    let last = name.split_whitespace().last().unwrap_or(name);
    let kind = if is_acronym {
        "armed-group"
    } else {
        match last {
            "Ministry" | "Council" | "Committee" | "Commission" | "Police" | "Agency" | "Directorate" | "Bureau"
            | "Tribunal" | "Corps" | "Forces" | "Regiment" | "Battalion" | "Jirga" | "Shura" => "government-body",
            "Army" | "Front" | "Movement" | "Brigade" | "Group" | "Network" | "Militia" | "Alliance" | "Jamaat"
            | "Lashkar" | "Party" | "Organisation" | "Organization" => "armed-group",
            _ if name.split_whitespace().count() >= 2 => "person",
            _ => "armed-group",
        }
    };
    let acronyms = if is_acronym {
        format!("acronyms = [\"{name}\"]\n")
    } else {
        String::new()
    };
    let name = name.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "[[actors]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"  # check: armed-group, state, government-body, person, place, …\n{acronyms}description = \"\"\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use brieflint_core::KnowledgeBase;

    #[test]
    fn a_stub_entry_loads_and_adds_the_actor() {
        for name in ["Zarghun Liberation Front", "ZQM", "Noor Gul", "Kurram Peace Committee"] {
            let kb = KnowledgeBase::from_toml(&stub_entry(name)).unwrap();
            assert_eq!(kb.lookup(name).map(|a| a.name.as_str()), Some(name));
        }
        assert!(stub_entry("Kurram Peace Committee").contains("government-body"));
        assert!(stub_entry("Noor Gul").contains("\"person\""));
    }
}
