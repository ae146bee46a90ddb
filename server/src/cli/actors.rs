//! `brieflint actors [NAME]`: what the knowledge base knows, or every actor that answers to a name or acronym.

use super::exit;
use crate::workspace;
use brieflint_core::actors::card;

pub fn run(name: Option<&str>) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = workspace::find_config(&cwd);
    let (workspace, errors) = workspace::load(config.as_deref(), &cwd, &[]);
    let kb = workspace.kb;
    for error in &errors {
        eprintln!("error: {error}");
    }
    let status = if errors.is_empty() { exit::CLEAN } else { exit::ERROR };
    match name {
        Some(name) => {
            let found = kb.lookup_all(name);
            if found.is_empty() {
                eprintln!("error: no actor called `{name}` in the knowledge base; `brieflint actors` lists them");
                return exit::ERROR;
            }
            // A shared acronym answers for several actors: show them all, not the first.
            let cards: Vec<String> = found.into_iter().map(|actor| card(&kb, actor)).collect();
            print!("{}", cards.join("\n---\n\n"));
            status
        }
        None => {
            let mut actors: Vec<_> = kb.actors().iter().collect();
            actors.sort_by(|a, b| a.kind.label().cmp(b.kind.label()).then(a.name.cmp(&b.name)));
            for actor in actors {
                println!("{:28} {:28} {}", actor.id, actor.kind.label(), actor.full_form());
            }
            status
        }
    }
}
