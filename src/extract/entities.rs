//! Entities: the mentions of one document resolved to actors. Gazetteer forms go to
//! their entry (`US`, `U.S.`, `America` → United States); an acronym defined in
//! parentheses is an alias of the name before it; a surname or first name goes to the
//! full name that has it (the most mentioned, then the first introduced, so two people
//! sharing a surname stay two); an acronym goes to the name whose initials it spells.

use super::mentions::{Mention, TitleMention};
use crate::graph::{name_key, EntityType};
use crate::lexicon::Lexicon;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub kind: EntityType,
    pub gaz: Option<usize>,
    /// Every surface form used, including the name.
    pub forms: Vec<String>,
    pub titles: Vec<String>,
    pub mentions: u32,
    /// Seen only as a demonym adjective: kept only if a relation uses it.
    pub demonym_only: bool,
    /// The country whose name was folded into this one's ("Russian Foreign Ministry").
    pub part_of: Option<usize>,
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=8).contains(&letters)
}

/// Resolves mentions to entities. Returns the entities and, per mention, its entity
/// (None for a mention dropped as not a name).
pub fn resolve(
    lex: &Lexicon,
    mentions: &[Mention],
    titles: &[TitleMention],
    acronym_of: &HashMap<usize, usize>,
) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_gaz: HashMap<usize, usize> = HashMap::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    let titled_holders: HashSet<usize> = titles.iter().filter_map(|t| t.holder).collect();

    let add = |entities: &mut Vec<Entity>, m: &Mention, kind: EntityType| -> usize {
        entities.push(Entity {
            name: m.text.clone(),
            kind,
            gaz: m.gaz,
            forms: Vec::new(),
            titles: Vec::new(),
            mentions: 0,
            demonym_only: m.demonym,
            part_of: m.part_of,
        });
        entities.len() - 1
    };

    // pass 1: gazetteer forms and names of several words
    for (mi, m) in mentions.iter().enumerate() {
        if let Some(g) = m.gaz {
            let entry = &lex.entries[g];
            let e = *by_gaz.entry(g).or_insert_with(|| {
                let ix = add(&mut entities, m, entry.kind);
                entities[ix].name = entry.name.clone();
                ix
            });
            // an organisation is named by the fullest form the text uses ("US State
            // Department" over "State Department"); a country by its common name
            if entry.kind != EntityType::Country
                && !m.demonym
                && m.words() > entities[e].name.split_whitespace().count()
            {
                let old = std::mem::replace(&mut entities[e].name, m.text.clone());
                entities[e].forms.push(old);
            }
            if !m.demonym {
                entities[e].demonym_only = false;
            }
            assigned[mi] = Some(e);
            continue;
        }
        if m.words() < 2 || acronym_of.contains_key(&mi) {
            continue;
        }
        let key = name_key(&m.text);
        if let Some(&e) = by_key.get(&key) {
            assigned[mi] = Some(e);
            continue;
        }
        // a shorter or longer form of a person already known ("Omar Ayub" / "Omar Ayub Khan")
        let kind = m.kind.unwrap_or(EntityType::Person);
        let words: Vec<&str> = m.text.split_whitespace().collect();
        let found = entities.iter().position(|e| {
            e.gaz.is_none() && e.kind == EntityType::Person && kind == EntityType::Person && {
                let ew: Vec<&str> = e.name.split_whitespace().collect();
                (ew.len() > words.len() && (ew.starts_with(&words) || ew.ends_with(&words)))
                    || (words.len() > ew.len() && (words.starts_with(&ew) || words.ends_with(&ew)))
                    // "John Bolton" and "John R. Bolton": same first and last name
                    || (ew.len() >= 2 && words.len() >= 2 && ew.len() != words.len() && ew[0] == words[0] && ew[ew.len() - 1] == words[words.len() - 1])
            }
        });
        let e = match found {
            Some(e) => {
                if words.len() > entities[e].name.split_whitespace().count() {
                    entities[e].name = m.text.clone();
                }
                e
            }
            None => add(&mut entities, m, kind),
        };
        by_key.insert(key, e);
        assigned[mi] = Some(e);
    }

    // pass 2: acronyms defined in parentheses, then single words
    for (&acr, &full) in acronym_of {
        if let Some(e) = assigned[full] {
            assigned[acr] = Some(e);
            by_key.insert(name_key(&mentions[acr].text), e);
        }
    }
    let mut counts: Vec<u32> = vec![0; entities.len()];
    for e in assigned.iter().flatten() {
        counts[*e] += 1;
    }
    for (mi, m) in mentions.iter().enumerate() {
        if assigned[mi].is_some() {
            continue;
        }
        let key = name_key(&m.text);
        if let Some(&e) = by_key.get(&key) {
            assigned[mi] = Some(e);
            continue;
        }
        let word = m.text.as_str();
        let acronym = is_acronym(word);
        let candidates: Vec<usize> = (0..entities.len())
            .filter(|&e| {
                let ent = &entities[e];
                if ent.gaz.is_some() && ent.kind == EntityType::Country {
                    return false;
                }
                if acronym && ent.kind != EntityType::Person {
                    return initials(&ent.name) == word;
                }
                ent.kind == EntityType::Person
                    && m.kind.is_none_or(|k| k == EntityType::Person)
                    // cheap necessary condition first: most names do not contain the word
                    && ent.name.contains(word)
                    && ent.name.split_whitespace().count() > 1
                    && ent.name.split_whitespace().any(|w| w == word)
            })
            .collect();
        // surname first, then first name; the most mentioned, then the first introduced
        let best = candidates.iter().copied().max_by_key(|&e| {
            let last = entities[e].name.split_whitespace().last() == Some(word);
            (last, counts[e], std::cmp::Reverse(e))
        });
        let e = match best {
            Some(e) => e,
            None => {
                // an unknown single word: keep it only when something says what it is
                let kind = if let Some(k) = m.kind {
                    k
                } else if titled_holders.contains(&mi) || m.titled {
                    EntityType::Person
                } else if acronym {
                    EntityType::Organization
                } else {
                    continue;
                };
                let e = add(&mut entities, m, kind);
                counts.push(0);
                e
            }
        };
        by_key.insert(key, e);
        counts[e] += 1;
        assigned[mi] = Some(e);
    }

    for (mi, m) in mentions.iter().enumerate() {
        if let Some(e) = assigned[mi] {
            let ent = &mut entities[e];
            ent.mentions += 1;
            if !ent.forms.contains(&m.text) {
                ent.forms.push(m.text.clone());
            }
        }
    }
    for t in titles {
        if let Some(e) = t.holder.and_then(|h| assigned[h]) {
            let title = if t.former {
                format!("former {}", t.text)
            } else {
                t.text.clone()
            };
            if !entities[e].titles.contains(&title) {
                entities[e].titles.push(title);
            }
        }
    }
    (entities, assigned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_spell_acronyms() {
        assert_eq!(initials("Pakistan Tehreek-e-Insaf"), "PTI");
        assert_eq!(initials("Islamic State"), "IS");
        assert!(is_acronym("U.S.") && is_acronym("PTI") && !is_acronym("Khan"));
    }
}
