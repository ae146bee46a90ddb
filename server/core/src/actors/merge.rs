//! Folding a pack's actors into the curated base: where both know the same actor (they share a name, alias or
//! variant, written alike but for case, hyphens and apostrophes, and are both people or both not), the writer sees
//! one card: the curated entry, with the pack's designation, nationality and names added. The pack's id then
//! names the curated actor, so the pack's relations to it still resolve.

use super::{Actor, ActorKind, NameForm, Relation};
use crate::util::FastMap;

/// A written name as it is compared across bases: lower case, hyphens as spaces, apostrophes dropped, one space
/// between words. "Al-Qa'ida" and "al Qaida" are one key.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—'))
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(
            word.chars()
                .filter(|c| !matches!(c, '\'' | '’' | '‘' | '`' | '.'))
                .flat_map(char::to_lowercase),
        );
    }
    key
}

/// Whether two actors of these kinds can be one: a person only with a person.
fn same_sort(a: ActorKind, b: ActorKind) -> bool {
    (a == ActorKind::Person) == (b == ActorKind::Person)
}

/// The curated actor a pack's actor is, if any.
struct CuratedNames(FastMap<String, usize>);

impl CuratedNames {
    fn of(actors: &[Actor]) -> CuratedNames {
        let mut names = FastMap::default();
        for (index, actor) in actors.iter().enumerate() {
            for (text, form) in actor.matched_forms() {
                if form != NameForm::Acronym {
                    names.entry(name_key(text)).or_insert(index);
                }
            }
        }
        CuratedNames(names)
    }

    fn find(&self, actors: &[Actor], pack_actor: &Actor) -> Option<usize> {
        pack_actor
            .matched_forms()
            .filter(|(_, form)| *form != NameForm::Acronym)
            .filter_map(|(text, _)| self.0.get(&name_key(text)).copied())
            .find(|&index| same_sort(actors[index].kind, pack_actor.kind))
    }
}

/// Add a pack's actors to `actors`: each one the curated base knows is folded into it (the first pack actor
/// that names it; a later one stays apart), the others appended. Returns, for each pack actor in order, where it
/// went, and whether it was folded.
pub fn add_pack(actors: &mut Vec<Actor>, by_id: &mut FastMap<String, usize>, pack: Vec<Actor>) -> Vec<(usize, bool)> {
    let curated = CuratedNames::of(actors);
    let mut folded_into: Vec<bool> = vec![false; actors.len()];
    let mut placed = Vec::with_capacity(pack.len());
    for actor in pack {
        let target = curated.find(actors, &actor).filter(|&i| !folded_into[i]);
        match target {
            Some(index) => {
                folded_into[index] = true;
                by_id.entry(actor.id.clone()).or_insert(index);
                fold(&mut actors[index], actor);
                placed.push((index, true));
            }
            None if by_id.contains_key(&actor.id) => {
                // A workspace entry with the pack's id overrides it, as files override the built-in base.
                placed.push((by_id[&actor.id], true));
            }
            None => {
                by_id.insert(actor.id.clone(), actors.len());
                actors.push(actor);
                placed.push((actors.len() - 1, false));
            }
        }
    }
    placed
}

/// Add folded pack actors' relations (resolved) to the curated actors they were folded into, but those the
/// actor has already (to the same actor, whatever the id) and those to itself.
pub fn add_relations(actors: &mut [Actor], by_id: &FastMap<String, usize>, folded: Vec<(usize, Vec<Relation>)>) {
    for (index, relations) in folded {
        for relation in relations {
            let target = by_id.get(&relation.to).copied();
            let known = actors[index]
                .relations
                .iter()
                .any(|r| by_id.get(&r.to).copied() == target);
            if target != Some(index) && !known {
                actors[index].relations.push(relation);
            }
        }
    }
}

/// The curated entry keeps its name, kind and description; the pack adds its designations (replacing the
/// curated ones by the same body, which it states with reference and date), nationality, names and sources.
fn fold(curated: &mut Actor, pack: Actor) {
    let bodies: Vec<&str> = pack.designations.iter().map(|d| d.by.as_str()).collect();
    curated.designations.retain(|d| !bodies.contains(&d.by.as_str()));
    curated.designations.extend(pack.designations);
    if curated.nationality.is_empty() {
        curated.nationality = pack.nationality;
    }
    if curated.description.is_empty() {
        curated.description = pack.description;
    }
    let known: Vec<String> = curated.written_forms().map(|(text, _)| name_key(text)).collect();
    let is_new = |text: &String| !known.contains(&name_key(text));
    for text in std::iter::once(pack.name.clone())
        .chain(pack.aliases)
        .chain(pack.variants)
    {
        if !is_new(&text) {
            continue;
        }
        if pack.unmatched.contains(&text) {
            curated.unmatched.push(text);
        } else {
            curated.variants.push(text);
        }
    }
    for acronym in pack.acronyms {
        if !curated.acronyms.contains(&acronym) && !pack.unmatched.contains(&acronym) {
            curated.acronyms.push(acronym);
        }
    }
    for text in pack.unmatched {
        if !curated.unmatched.contains(&text) && is_new(&text) {
            curated.unmatched.push(text);
        }
    }
    curated.sources.extend(pack.sources);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_ignore_case_hyphens_and_apostrophes() {
        assert_eq!(name_key("Al-Qa'ida"), name_key("al Qaida"));
        assert_eq!(name_key("Tehrik-e  Taliban Pakistan"), "tehrik e taliban pakistan");
        assert_ne!(name_key("Haqqani Network"), name_key("Haqqani"));
    }
}
