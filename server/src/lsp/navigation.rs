//! Go to definition, references and the document outline, all from the kept analysis of each document.

use super::positions::Encoding;
use super::snapshot::Snapshot;
use brieflint_core::actors::{ActorKind, KnowledgeBase, Origin};
use brieflint_core::document::BlockKind;
use brieflint_core::LocatedMention;
use tower_lsp_server::ls_types::{DocumentSymbol, Location, Position, Range, SymbolKind, Uri};

/// Whether a mention names the actor (a shared acronym names several).
pub fn names_actor(kb: &KnowledgeBase, mention: &LocatedMention, actor: usize) -> bool {
    kb.matcher()
        .surface(mention.surface)
        .actors
        .iter()
        .any(|(a, _)| *a == actor)
}

/// The mention under `offset` and the actors it may name.
pub fn actor_at(
    mentions: &[LocatedMention],
    kb: &KnowledgeBase,
    offset: usize,
) -> Option<(LocatedMention, Vec<usize>)> {
    let index = mentions.partition_point(|m| m.range.end <= offset);
    let mention = mentions.get(index).filter(|m| m.range.start <= offset)?;
    let actors = kb
        .matcher()
        .surface(mention.surface)
        .actors
        .iter()
        .map(|(a, _)| *a)
        .collect();
    Some((mention.clone(), actors))
}

/// The actor's entry in a workspace knowledge-base file, else its first mention in this document.
pub fn definition(
    uri: &Uri,
    snapshot: &Snapshot,
    kb: &KnowledgeBase,
    actor: usize,
    encoding: Encoding,
) -> Option<Location> {
    if let Origin::File { path, line } = &kb.actor(actor).origin {
        if let Some(file) = Uri::from_file_path(path) {
            let at = Position::new(line.saturating_sub(1) as u32, 0);
            return Some(Location::new(file, Range::new(at, at)));
        }
    }
    let first = snapshot.first_mention(actor)?;
    Some(Location::new(uri.clone(), snapshot.range(&first.range, encoding)))
}

/// Every mention of the actor in the given documents.
pub fn references<'a>(
    documents: impl IntoIterator<Item = (&'a Uri, &'a Snapshot)>,
    kb: &KnowledgeBase,
    actor: usize,
    encoding: Encoding,
) -> Vec<Location> {
    let mut found = Vec::new();
    for (uri, snapshot) in documents {
        for mention in snapshot.mentions() {
            if names_actor(kb, mention, actor) {
                found.push(Location::new(uri.clone(), snapshot.range(&mention.range, encoding)));
            }
        }
    }
    found
}

fn symbol_kind(kind: ActorKind) -> SymbolKind {
    match kind {
        ActorKind::Person => SymbolKind::OBJECT,
        ActorKind::Place => SymbolKind::PACKAGE,
        ActorKind::State => SymbolKind::NAMESPACE,
        ActorKind::Event => SymbolKind::EVENT,
        _ => SymbolKind::CLASS,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
fn symbol(name: String, detail: Option<String>, kind: SymbolKind, range: Range, selection: Range) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: None,
    }
}

/// The outline: each heading with the actors first mentioned under it (once each), in order. Actors before the
/// first heading are listed at the top level.
pub fn symbols(snapshot: &Snapshot, kb: &KnowledgeBase, encoding: Encoding) -> Vec<DocumentSymbol> {
    let document = &snapshot.analysis.flat().document;
    let mentions = snapshot.mentions();
    let mut top: Vec<DocumentSymbol> = Vec::new();
    let mut heading: Option<(DocumentSymbol, Vec<usize>)> = None;
    let mut loose: Vec<usize> = Vec::new();
    let mut next_mention = 0;
    let text_len = snapshot.text.len();
    for (index, block) in document.blocks.iter().enumerate() {
        let block_range = block.source_range(&(0..block.text.len()));
        if block.kind == BlockKind::Heading {
            // A section runs from its heading to the next one.
            let line_start = snapshot
                .rope
                .line_to_byte(snapshot.rope.byte_to_line(block_range.start));
            if let Some((mut section, _)) = heading.take() {
                section.range.end = snapshot.range(&(line_start..line_start), encoding).start;
                top.push(section);
            }
            let range = snapshot.range(&(line_start..text_len), encoding);
            let selection = snapshot.range(&block_range, encoding);
            let mut section = symbol(
                block.text.trim().to_string(),
                None,
                SymbolKind::STRING,
                range,
                selection,
            );
            section.children = Some(Vec::new());
            heading = Some((section, Vec::new()));
        }
        while next_mention < mentions.len() && mentions[next_mention].block <= index {
            let mention = &mentions[next_mention];
            next_mention += 1;
            let Some(&(actor, _)) = kb.matcher().surface(mention.surface).actors.first() else {
                continue;
            };
            let (seen, children) = match &mut heading {
                Some((symbol, seen)) => (seen, symbol.children.get_or_insert_with(Vec::new)),
                None => (&mut loose, &mut top),
            };
            if seen.contains(&actor) {
                continue;
            }
            seen.push(actor);
            let a = kb.actor(actor);
            let range = snapshot.range(&mention.range, encoding);
            children.push(symbol(
                a.full_form(),
                Some(a.kind.to_string()),
                symbol_kind(a.kind),
                range,
                range,
            ));
        }
    }
    if let Some((symbol, _)) = heading.take() {
        top.push(symbol);
    }
    top
}
