//! Entities: the mentions of one document resolved to actors. Gazetteer forms go to
//! their entry (`US`, `U.S.`, `America` → United States); an acronym defined in
//! parentheses is an alias of the name before it; a surname or first name goes to the
//! full name that has it (the most mentioned, then the first introduced, so two people
//! sharing a surname stay two); an acronym goes to the name whose initials it spells.

use super::knowledge::Knowledge;
use super::mentions::MentionId;
use super::mentions::{Mention, TitleMention};
use crate::lexicon::EntryId;
use crate::model::index_type;
use crate::model::{name_key, EntityType};
use std::collections::{HashMap, HashSet};

index_type! {
    /// An actor of the document: an index into the entities [`resolve`] returns.
    EntityId => Entity
}

/// The entity each mention stands for (`None` for a mention dropped as not a name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assigned(Vec<Option<EntityId>>);

impl Assigned {
    fn new(mentions: usize) -> Assigned {
        Assigned(vec![None; mentions])
    }

    /// Every mention with its entity, in mention order.
    pub fn iter(&self) -> impl Iterator<Item = (MentionId, Option<EntityId>)> + '_ {
        self.0.iter().enumerate().map(|(m, e)| (MentionId(m), *e))
    }

    /// The first mention of an entity.
    pub fn first_mention(&self, e: EntityId) -> Option<MentionId> {
        self.0.iter().position(|a| *a == Some(e)).map(MentionId)
    }
}

impl std::ops::Index<MentionId> for Assigned {
    type Output = Option<EntityId>;
    fn index(&self, m: MentionId) -> &Option<EntityId> {
        &self.0[m.0]
    }
}

impl std::ops::IndexMut<MentionId> for Assigned {
    fn index_mut(&mut self, m: MentionId) -> &mut Option<EntityId> {
        &mut self.0[m.0]
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub kind: EntityType,
    pub gaz: Option<EntryId>,
    /// Every surface form used, including the name.
    pub forms: Vec<String>,
    pub titles: Vec<String>,
    pub mentions: u32,
    /// Seen only as a demonym adjective: kept only if a relation uses it.
    pub demonym_only: bool,
    /// The country whose name was folded into this one's ("Russian Foreign Ministry").
    pub part_of: Option<EntryId>,
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

/// Hashes of word sequences read from the front (`prefix`) or from the back (`suffix`).
fn affix_hashes(words: &[&str], from_back: bool) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    from_back.hash(&mut h);
    let mut out = Vec::with_capacity(words.len());
    let mut push = |w: &&str| {
        w.hash(&mut h);
        out.push(h.finish());
    };
    if from_back {
        words.iter().rev().for_each(&mut push);
    } else {
        words.iter().for_each(&mut push);
    }
    out
}

/// Finds, without scanning every entity, the persons whose name is a shorter or longer
/// form of a mention's (pass 1), so that the work stays linear in the number of names.
/// It may return extra candidates (hash collisions, names since lengthened): the caller
/// checks each one.
#[derive(Default)]
struct FormIndex {
    /// Proper prefixes and suffixes of each name → entities.
    affix: HashMap<u64, Vec<EntityId>>,
    /// Whole names (as a prefix and as a suffix hash) → entities.
    whole: HashMap<u64, Vec<EntityId>>,
    /// (first word, last word) of names of two words or more → entities, for middle
    /// names and initials ("John Bolton" and "John R. Bolton").
    ends: HashMap<(String, String), Vec<EntityId>>,
}

impl FormIndex {
    fn add(&mut self, e: EntityId, name: &str) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if let (true, Some(first), Some(last)) = (words.len() >= 2, words.first(), words.last()) {
            self.ends
                .entry((first.to_string(), last.to_string()))
                .or_default()
                .push(e);
        }
        for from_back in [false, true] {
            let h = affix_hashes(&words, from_back);
            if let Some((last, proper)) = h.split_last() {
                for x in proper {
                    self.affix.entry(*x).or_default().push(e);
                }
                self.whole.entry(*last).or_default().push(e);
            }
        }
    }

    fn candidates(&self, words: &[&str]) -> Vec<EntityId> {
        let mut out = Vec::new();
        for from_back in [false, true] {
            let h = affix_hashes(words, from_back);
            if let Some((last, proper)) = h.split_last() {
                out.extend(self.affix.get(last).into_iter().flatten());
                for x in proper {
                    out.extend(self.whole.get(x).into_iter().flatten());
                }
            }
        }
        if let (true, Some(first), Some(last)) = (words.len() >= 2, words.first(), words.last()) {
            out.extend(
                self.ends
                    .get(&(first.to_string(), last.to_string()))
                    .into_iter()
                    .flatten(),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Resolves mentions to entities. Returns the entities and, per mention, its entity
/// (None for a mention dropped as not a name).
pub fn resolve(
    k: &Knowledge,
    mentions: &[Mention],
    titles: &[TitleMention],
    acronym_of: &HashMap<MentionId, MentionId>,
) -> (Vec<Entity>, Assigned) {
    let lex = &k.lexicon;
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_gaz: HashMap<EntryId, EntityId> = HashMap::new();
    let mut by_key: HashMap<String, EntityId> = HashMap::new();
    let mut assigned = Assigned::new(mentions.len());
    let titled_holders: HashSet<MentionId> = titles.iter().filter_map(|t| t.holder).collect();

    let add = |entities: &mut Vec<Entity>, m: &Mention, kind: EntityType| -> EntityId {
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
        EntityId(entities.len() - 1)
    };

    // pass 1: gazetteer forms and names of several words
    let mut forms = FormIndex::default();
    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
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
        let found = (kind == EntityType::Person)
            .then(|| forms.candidates(&words))
            .into_iter()
            .flatten()
            .find(|&e| {
                let e = &entities[e];
                e.gaz.is_none() && e.kind == EntityType::Person && {
                    let ew: Vec<&str> = e.name.split_whitespace().collect();
                    (ew.len() > words.len() && (ew.starts_with(&words) || ew.ends_with(&words)))
                        || (words.len() > ew.len()
                            && (words.starts_with(&ew) || words.ends_with(&ew)))
                        // "John Bolton" and "John R. Bolton": same first and last name
                        || (ew.len() >= 2
                            && words.len() >= 2
                            && ew.len() != words.len()
                            && ew[0] == words[0]
                            && ew[ew.len() - 1] == words[words.len() - 1])
                }
            });
        let e = match found {
            Some(e) => {
                if words.len() > entities[e].name.split_whitespace().count() {
                    entities[e].name = m.text.clone();
                    forms.add(e, &m.text);
                }
                e
            }
            None => {
                let e = add(&mut entities, m, kind);
                if kind == EntityType::Person {
                    forms.add(e, &m.text);
                }
                e
            }
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
    // the entities a single word may stand for, by the words of person names and by the
    // initials of the others: no scan over every entity per word
    let mut by_word: HashMap<String, Vec<EntityId>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<EntityId>> = HashMap::new();
    let index = |by_word: &mut HashMap<String, Vec<EntityId>>,
                 by_initials: &mut HashMap<String, Vec<EntityId>>,
                 e: EntityId,
                 ent: &Entity| {
        if ent.kind == EntityType::Person {
            if ent.name.split_whitespace().count() > 1 {
                for w in ent.name.split_whitespace() {
                    by_word.entry(w.to_string()).or_default().push(e);
                }
            }
        } else {
            by_initials.entry(initials(&ent.name)).or_default().push(e);
        }
    };
    for (e, ent) in entities.iter().enumerate() {
        index(&mut by_word, &mut by_initials, EntityId(e), ent);
    }
    // mentions per entity so far, by EntityId
    let mut counts: Vec<u32> = vec![0; entities.len()];
    for (_, e) in assigned.iter() {
        if let Some(e) = e {
            counts[e.0] += 1;
        }
    }
    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
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
        let mut candidates: Vec<EntityId> = by_word
            .get(word)
            .into_iter()
            .chain(by_initials.get(word))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let candidates: Vec<EntityId> = candidates
            .into_iter()
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
            (last, counts[e.0], std::cmp::Reverse(e))
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
                index(&mut by_word, &mut by_initials, e, &entities[e]);
                counts.push(0);
                e
            }
        };
        by_key.insert(key, e);
        counts[e.0] += 1;
        assigned[mi] = Some(e);
    }

    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
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
                // "former Prime Minister": the language's first spelling of "former"
                format!(
                    "{} {}",
                    k.language.former.first().unwrap_or("former"),
                    t.text
                )
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

    /// Each mention's text with the name of its entity, and each entity as (name, type,
    /// forms, titles, mentions).
    type Resolved = (
        Vec<(String, Option<String>)>,
        Vec<(String, EntityType, Vec<String>, Vec<String>, u32)>,
    );

    fn resolved(text: &str) -> Resolved {
        let k = Knowledge::shared();
        let sentences = crate::text::split_sentences(text, 0, &k.language);
        let (ms, _, ts) = crate::extract::find_mentions(k, &sentences);
        let acronyms = crate::extract::mentions::aliases(&sentences, &ms);
        let (es, assigned) = resolve(k, &ms, &ts, &acronyms);
        let to = assigned
            .iter()
            .map(|(m, e)| (ms[m].text.clone(), e.map(|e| es[e].name.clone())))
            .collect();
        let entities = es
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.kind,
                    e.forms.clone(),
                    e.titles.clone(),
                    e.mentions,
                )
            })
            .collect();
        (to, entities)
    }

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    fn to(m: &str, e: &str) -> (String, Option<String>) {
        (m.to_string(), Some(e.to_string()))
    }

    #[test]
    fn a_surname_and_a_first_name_go_to_the_full_name() {
        let (to_, es) =
            resolved("Imran Khan spoke on Monday. Khan left early. Later Imran returned.");
        assert_eq!(
            to_,
            vec![
                to("Imran Khan", "Imran Khan"),
                to("Khan", "Imran Khan"),
                to("Imran", "Imran Khan")
            ]
        );
        assert_eq!(
            es,
            vec![(
                "Imran Khan".into(),
                EntityType::Person,
                strings(&["Imran Khan", "Khan", "Imran"]),
                vec![],
                3
            )]
        );
        // a middle initial: the same first and last name
        let (to_, es) = resolved("John R. Bolton spoke. John Bolton left. Bolton returned.");
        assert_eq!(
            to_,
            vec![
                to("John R. Bolton", "John R. Bolton"),
                to("John Bolton", "John R. Bolton"),
                to("Bolton", "John R. Bolton")
            ]
        );
        assert_eq!(es.len(), 1);
    }

    #[test]
    fn two_people_sharing_a_surname_stay_two() {
        // "Khan" goes to the first introduced when both are mentioned as often
        let (to_, es) = resolved("Imran Khan met Sadiq Khan in London. Khan said little.");
        assert_eq!(
            to_,
            vec![
                to("Imran Khan", "Imran Khan"),
                to("Sadiq Khan", "Sadiq Khan"),
                to("London", "London"),
                to("Khan", "Imran Khan")
            ]
        );
        let names: Vec<(&str, EntityType, u32)> =
            es.iter().map(|e| (e.0.as_str(), e.1, e.4)).collect();
        assert_eq!(
            names,
            vec![
                ("Imran Khan", EntityType::Person, 2),
                ("Sadiq Khan", EntityType::Person, 1),
                ("London", EntityType::Place, 1)
            ]
        );
    }

    #[test]
    fn gazetteer_forms_are_one_country() {
        let (to_, es) =
            resolved("The US, the United States and America are one. U.S. officials agreed.");
        assert!(
            to_.iter()
                .all(|(_, e)| e.as_deref() == Some("United States")),
            "{to_:?}"
        );
        assert_eq!(
            es,
            vec![(
                "United States".into(),
                EntityType::Country,
                strings(&["US", "United States", "America", "U.S."]),
                vec![],
                4
            )]
        );
    }

    #[test]
    fn acronyms_defined_in_parentheses_or_spelled_by_initials() {
        let (to_, es) = resolved("The Green Future Party (GFP) won. GFP leaders celebrated.");
        assert_eq!(
            to_,
            vec![
                to("Green Future Party", "Green Future Party"),
                to("GFP", "Green Future Party"),
                to("GFP", "Green Future Party")
            ]
        );
        assert_eq!(
            es,
            vec![(
                "Green Future Party".into(),
                EntityType::PoliticalParty,
                strings(&["Green Future Party", "GFP"]),
                vec![],
                3
            )]
        );
        let (to_, _) = resolved("The World Food Organisation said aid was late. WFO staff left.");
        assert_eq!(
            to_,
            vec![
                to("World Food Organisation", "World Food Organisation"),
                to("WFO", "World Food Organisation")
            ]
        );
    }

    #[test]
    fn titles_of_former_offices_are_kept_with_former() {
        let (_, es) = resolved("Former President Ana Silva spoke. Silva left.");
        assert_eq!(
            es,
            vec![(
                "Ana Silva".into(),
                EntityType::Person,
                strings(&["Ana Silva", "Silva"]),
                strings(&["former President"]),
                2
            )]
        );
    }
}
