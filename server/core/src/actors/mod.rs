//! The actor knowledge base: who the actors are, every way they are written, and finding them in text.
//!
//! The built-in base (`seeds/actors.toml`) is embedded in the binary; a workspace adds to it or overrides
//! entries by id with its own files.

mod card;
mod events;
mod format;
mod load;
mod matcher;
mod merge;
mod named_in_full;
pub mod packs;

pub use card::card;
pub use format::{ActorKind, Designation};
pub use load::line_column;
pub use load::KbError;
pub use matcher::{Matcher, Mention, Surface};
pub use merge::name_key;
pub use named_in_full::{NamedInDocument, NamedInFull};

use crate::util::FastMap;
use std::path::{Path, PathBuf};

/// The built-in knowledge base, as shipped: `seeds/actors.toml`, read through the symlink `server/core/actors.toml`,
/// since a published crate holds only what is inside its folder (cargo packs the file the link points to).
pub const BUILTIN_TOML: &str = include_str!("../../actors.toml");

/// Where an actor's entry was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    /// A file, and the 1-based line of the entry's id once parsed.
    File {
        path: PathBuf,
        line: usize,
    },
    /// Text given directly (tests, editor settings).
    Inline,
    /// A built-in pack, by name (`packs.rs`).
    Pack(&'static str),
}

impl Origin {
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Origin::File { path, .. } => Some(path),
            _ => None,
        }
    }

    fn at_line(&self, line: usize) -> Origin {
        match self {
            Origin::File { path, .. } => Origin::File {
                path: path.clone(),
                line,
            },
            other => other.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameForm {
    Name,
    Alias,
    Variant,
    Acronym,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub to: String,
    pub kind: String,
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub acronyms: Vec<String>,
    pub aliases: Vec<String>,
    pub variants: Vec<String>,
    /// Shown, never matched (see `format::ActorEntry::unmatched`).
    pub unmatched: Vec<String>,
    pub nationality: Vec<String>,
    pub description: String,
    pub relations: Vec<Relation>,
    pub designations: Vec<Designation>,
    pub reviewed: Option<String>,
    pub sources: Vec<String>,
    pub origin: Origin,
}

impl Actor {
    /// Every way the actor is written, with the form each one is.
    pub fn written_forms(&self) -> impl Iterator<Item = (&str, NameForm)> {
        std::iter::once((self.name.as_str(), NameForm::Name))
            .chain(self.aliases.iter().map(|s| (s.as_str(), NameForm::Alias)))
            .chain(self.variants.iter().map(|s| (s.as_str(), NameForm::Variant)))
            .chain(self.acronyms.iter().map(|s| (s.as_str(), NameForm::Acronym)))
    }

    /// The written forms that are matched in text: all but those listed as unmatched.
    pub fn matched_forms(&self) -> impl Iterator<Item = (&str, NameForm)> {
        self.written_forms()
            .filter(|(text, _)| !self.unmatched.iter().any(|u| u == text))
    }

    /// The name with its first acronym, as written on first mention: "Tehreek-e-Taliban Pakistan (TTP)".
    pub fn full_form(&self) -> String {
        match self.acronyms.first() {
            Some(acronym) => format!("{} ({acronym})", self.name),
            None => self.name.clone(),
        }
    }
}

/// Check one knowledge-base file's syntax and format on its own (relations are not resolved): the first error,
/// at its line and column.
pub fn check_format(text: &str, path: &Path) -> Result<usize, KbError> {
    load::parse(text, KbSource::file(text, path).origin).map(|parsed| parsed.actors.len())
}

/// One knowledge-base text to load and where it came from.
pub struct KbSource<'a> {
    pub text: &'a str,
    pub origin: Origin,
}

impl<'a> KbSource<'a> {
    pub fn file(text: &'a str, path: &Path) -> KbSource<'a> {
        KbSource {
            text,
            origin: Origin::File {
                path: path.to_path_buf(),
                line: 1,
            },
        }
    }
}

/// From this many actors on, loading frees tens of megabytes (the parser's trees, the automaton's builder), which
/// the allocator would keep for a second or more, counted as the process's own: they are given back at once.
const RELEASE_FROM_ACTORS: usize = 10_000;

/// Give the memory freed on every thread that took part in a load back to the system.
fn release_freed_memory() {
    #[cfg(feature = "mimalloc")]
    {
        // SAFETY: mi_collect frees nothing in use: it returns the pages no allocation holds, those of the calling
        // thread and (forced) those that threads which ended left behind.
        rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
        // SAFETY: as above.
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
}

#[derive(Clone, Debug)]
pub struct KnowledgeBase {
    actors: Vec<Actor>,
    by_id: FastMap<String, usize>,
    matcher: Matcher,
}

impl KnowledgeBase {
    /// The built-in knowledge base.
    pub fn builtin() -> KnowledgeBase {
        KnowledgeBase::load([KbSource {
            text: BUILTIN_TOML,
            origin: Origin::Builtin,
        }])
        .expect("the built-in knowledge base is checked by its tests")
    }

    /// One knowledge base from inline TOML (tests, examples).
    pub fn from_toml(text: &str) -> Result<KnowledgeBase, KbError> {
        KnowledgeBase::load([KbSource {
            text,
            origin: Origin::Inline,
        }])
    }

    /// The built-in base with workspace files on top, later files overriding earlier ones by id.
    pub fn builtin_with(files: &[(String, PathBuf)]) -> Result<KnowledgeBase, KbError> {
        let builtin = KbSource {
            text: BUILTIN_TOML,
            origin: Origin::Builtin,
        };
        KnowledgeBase::load(std::iter::once(builtin).chain(files.iter().map(|(text, path)| KbSource::file(text, path))))
    }

    /// Load and merge sources in order: an actor with an id seen before replaces the earlier entry. Packs
    /// (`Origin::Pack`) come after every other source, whatever their place, and are folded in (`merge.rs`).
    pub fn load<'a>(sources: impl IntoIterator<Item = KbSource<'a>>) -> Result<KnowledgeBase, KbError> {
        let sources: Vec<KbSource<'a>> = sources.into_iter().collect();
        let mut actors: Vec<Actor> = Vec::new();
        let mut by_id: FastMap<String, usize> = FastMap::default();
        let mut pending = Vec::new();
        let mut pack_sources = Vec::new();
        for (source_index, source) in sources.iter().enumerate() {
            if matches!(source.origin, Origin::Pack(_)) {
                pack_sources.push(source_index);
                continue;
            }
            let parsed = load::parse(source.text, source.origin.clone())?;
            pending.reserve(parsed.actors.len());
            if actors.is_empty() {
                // The first file's actors are all new (a file repeats no id): taken as they are, not copied.
                pending.extend(
                    parsed
                        .relations
                        .into_iter()
                        .enumerate()
                        .map(|(index, relations)| (index, relations, source_index)),
                );
                actors = parsed.actors;
                by_id = parsed.by_id;
                continue;
            }
            actors.reserve(parsed.actors.len());
            by_id.reserve(parsed.actors.len());
            for (actor, relations) in parsed.actors.into_iter().zip(parsed.relations) {
                let index = match by_id.get(&actor.id) {
                    Some(&index) => {
                        actors[index] = actor;
                        index
                    }
                    None => {
                        by_id.insert(actor.id.clone(), actors.len());
                        actors.push(actor);
                        actors.len() - 1
                    }
                };
                pending.push((index, relations, source_index));
            }
        }
        let mut folded = Vec::new();
        for source_index in pack_sources {
            let source = &sources[source_index];
            let parsed = load::parse(source.text, source.origin.clone())?;
            let placed = merge::add_pack(&mut actors, &mut by_id, parsed.actors);
            for ((index, was_folded), relations) in placed.into_iter().zip(parsed.relations) {
                let list = if was_folded { &mut folded } else { &mut pending };
                list.push((index, relations, source_index));
            }
        }
        for pending in pending {
            let (index, relations) = load::resolve(&sources, &actors, &by_id, pending)?;
            actors[index].relations = relations;
        }
        let folded = folded
            .into_iter()
            .map(|pending| load::resolve(&sources, &actors, &by_id, pending))
            .collect::<Result<Vec<_>, _>>()?;
        merge::add_relations(&mut actors, &by_id, folded);
        let matcher = Matcher::new(&actors);
        if actors.len() >= RELEASE_FROM_ACTORS {
            release_freed_memory();
        }
        Ok(KnowledgeBase { actors, by_id, matcher })
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn actor(&self, index: usize) -> &Actor {
        &self.actors[index]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn by_id(&self, id: &str) -> Option<&Actor> {
        self.index_of(id).map(|i| &self.actors[i])
    }

    /// An actor by id or by any written form, ignoring case for everything but acronyms: the first of
    /// [`KnowledgeBase::lookup_all`].
    pub fn lookup(&self, query: &str) -> Option<&Actor> {
        self.lookup_all(query).into_iter().next()
    }

    /// Every actor that answers to `query`: the one with that id, then those with it as an acronym (written
    /// exactly: "FC" names two forces), then those with it as a name or alias, ignoring case.
    pub fn lookup_all(&self, query: &str) -> Vec<&Actor> {
        let query = query.trim();
        let mut found: Vec<&Actor> = self.by_id(query).into_iter().collect();
        let acronym = |a: &Actor| a.acronyms.iter().any(|s| s == query);
        let name = |a: &Actor| {
            a.written_forms()
                .any(|(s, form)| form != NameForm::Acronym && s.eq_ignore_ascii_case(query))
        };
        for matches in [&acronym as &dyn Fn(&Actor) -> bool, &name] {
            for actor in &self.actors {
                if matches(actor) && !found.iter().any(|f| std::ptr::eq(*f, actor)) {
                    found.push(actor);
                }
            }
        }
        found
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn find_mentions(&self, text: &str) -> Vec<Mention> {
        self.matcher.find(text)
    }

    /// The mentions in each of `texts`, as [`KnowledgeBase::find_mentions`] finds them one by one.
    pub fn find_mentions_in_each<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<Vec<Mention>> {
        self.matcher.find_in_each(texts)
    }

    /// The actors a mention may name (more than one for a shared acronym).
    pub fn actors_of<'s>(&'s self, mention: &Mention) -> impl Iterator<Item = &'s Actor> + 's {
        self.matcher
            .surface(mention.surface)
            .actors
            .iter()
            .map(|(index, _)| &self.actors[*index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_base_loads() {
        let kb = KnowledgeBase::builtin();
        assert!(kb.actors().len() >= 40, "only {} actors", kb.actors().len());
        assert!(kb
            .actors()
            .iter()
            .all(|a| !a.description.is_empty() && a.reviewed.is_some() && !a.sources.is_empty()));
    }

    #[test]
    fn lookup_all_finds_every_actor_sharing_an_acronym() {
        let kb = KnowledgeBase::builtin();
        let ids = |query: &str| -> Vec<String> { kb.lookup_all(query).iter().map(|a| a.id.clone()).collect() };
        assert_eq!(ids("FC"), ["federal-constabulary", "frontier-corps"]);
        assert_eq!(ids("frontier corps"), ["frontier-corps"]);
        assert!(ids("fc").is_empty(), "acronyms are matched as written");
        assert_eq!(kb.lookup("FC").unwrap().id, "federal-constabulary");
    }

    #[test]
    fn a_workspace_file_overrides_by_id_and_adds() {
        let extra = "[[actors]]\nid = \"ttp\"\nname = \"Tehreek-e-Taliban Pakistan\"\nkind = \"armed-group\"\nacronyms = [\"TTP\"]\ndescription = \"Local note.\"\n\n[[actors]]\nid = \"new-group\"\nname = \"New Front\"\nkind = \"armed-group\"\n";
        let kb = KnowledgeBase::builtin_with(&[(extra.into(), PathBuf::from("ws/actors.toml"))]).unwrap();
        let ttp = kb.by_id("ttp").unwrap();
        assert_eq!(ttp.description, "Local note.");
        assert_eq!(
            ttp.origin,
            Origin::File {
                path: PathBuf::from("ws/actors.toml"),
                line: 2
            }
        );
        assert_eq!(kb.lookup("new front").unwrap().id, "new-group");
        assert_eq!(kb.actors().len(), KnowledgeBase::builtin().actors().len() + 1);
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let broken = "[[actors]]\nid = \"x\"\nname = \"X\nkind = \"place\"\n";
        let err = KnowledgeBase::builtin_with(&[(broken.into(), PathBuf::from("kb.toml"))]).unwrap_err();
        assert_eq!(err.path, Some(PathBuf::from("kb.toml")));
        assert_eq!(err.line, 3);
        assert!(err.to_string().starts_with("kb.toml:3:"), "{err}");
    }

    #[test]
    fn bad_values_and_unknown_fields_are_located() {
        let bad_kind = "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"planet\"\n";
        let err = KnowledgeBase::from_toml(bad_kind).unwrap_err();
        assert_eq!((err.line, err.column), (4, 8));
        assert!(
            err.message.contains("planet") && err.message.contains("armed-group"),
            "{}",
            err.message
        );
        let unknown = "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"place\"\ncolour = \"red\"\n";
        assert!(KnowledgeBase::from_toml(unknown)
            .unwrap_err()
            .message
            .contains("colour"));
    }

    #[test]
    fn duplicate_ids_and_unknown_relations_are_errors() {
        let dup = "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"place\"\n[[actors]]\nid = \"x\"\nname = \"Y\"\nkind = \"place\"\n";
        assert_eq!(KnowledgeBase::from_toml(dup).unwrap_err().line, 6);
        let rel = "[[actors]]\nid = \"x\"\nname = \"X\"\nkind = \"place\"\n[[actors.relations]]\nto = \"nobody\"\nkind = \"part-of\"\n";
        let err = KnowledgeBase::from_toml(rel).unwrap_err();
        assert_eq!(err.line, 6);
        assert!(err.message.contains("nobody"));
    }
}
