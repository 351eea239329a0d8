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
use crate::model::{fold, EntityType};
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
    /// Nothing typed it: `kind` is a guess, and the entity is kept only if it acts in a
    /// relation ([`super::typing::settle`]).
    pub guessed: bool,
}

use super::mentions::initials;

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
            guessed: m.kind.is_none(),
        });
        EntityId(entities.len() - 1)
    };

    // "the Christian Democrats (CDU)": a name before a known acronym whose initials it
    // does not spell is that acronym's actor; one that spells them defines its own
    let mut gaz_of: HashMap<MentionId, EntryId> = HashMap::new();
    for (&acr, &full) in acronym_of {
        if let (Some(g), None) = (mentions[acr].gaz, mentions[full].gaz) {
            let spelled = super::mentions::initials(&mentions[full].text);
            let letters: String = mentions[acr]
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            if spelled != letters {
                gaz_of.insert(full, g);
            }
        }
    }
    let acronyms_of_gaz: HashSet<MentionId> = acronym_of
        .iter()
        .filter(|(_, full)| gaz_of.contains_key(full))
        .map(|(&acr, _)| acr)
        .collect();
    let short_of = short_forms(k, mentions);

    // pass 1: gazetteer forms and names of several words
    let mut forms = FormIndex::default();
    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
        if m.generic || short_of.contains_key(&mi) || acronyms_of_gaz.contains(&mi) {
            continue;
        }
        if let Some(g) = m.gaz.or_else(|| gaz_of.get(&mi).copied()) {
            let entry = &lex.entries[g];
            let e = *by_gaz.entry(g).or_insert_with(|| {
                let ix = add(&mut entities, m, entry.kind);
                entities[ix].name = entry.name.clone();
                entities[ix].gaz = Some(g);
                entities[ix].guessed = false;
                ix
            });
            // a known actor is named by its entry, whatever form the text uses, so that
            // every article names it alike (the forms become aliases)
            if !m.demonym {
                entities[e].demonym_only = false;
            }
            assigned[mi] = Some(e);
            continue;
        }
        if m.words() < 2 || acronym_of.contains_key(&mi) {
            continue;
        }
        // "UK Parliament", "Parliament of the United Kingdom": one name for a state's body
        if let Some(name) = state_body_name(k, m) {
            let key = fold(&name);
            let e = *by_key.entry(key).or_insert_with(|| {
                let e = add(&mut entities, m, EntityType::GovernmentBody);
                entities[e].name = name;
                entities[e].guessed = false;
                e
            });
            assigned[mi] = Some(e);
            continue;
        }
        let key = place_key(k, m);
        if let Some(&e) = by_key.get(&key) {
            if m.kind.is_some() {
                entities[e].guessed = false;
            }
            assigned[mi] = Some(e);
            continue;
        }
        // a shorter or longer form of a person already known ("Omar Ayub" / "Omar Ayub Khan")
        let kind = m.kind.unwrap_or(EntityType::Person);
        let words: Vec<String> = key.split(' ').map(str::to_string).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let found = (kind == EntityType::Person)
            .then(|| forms.candidates(&words))
            .into_iter()
            .flatten()
            .find(|&e| {
                let e = &entities[e];
                e.gaz.is_none() && e.kind == EntityType::Person && {
                    let name = fold(&e.name);
                    let ew: Vec<&str> = name.split(' ').collect();
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
                    forms.add(e, &key);
                }
                if m.kind.is_some() {
                    entities[e].guessed = false;
                }
                e
            }
            None => {
                let e = add(&mut entities, m, kind);
                if kind == EntityType::Person {
                    forms.add(e, &key);
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
            by_key.insert(fold(&mentions[acr].text), e);
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
                for w in name_words(&ent.name) {
                    by_word.entry(w).or_default().push(e);
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
        if assigned[mi].is_some() || m.generic || short_of.contains_key(&mi) {
            continue;
        }
        let key = fold(&m.text);
        if let Some(&e) = by_key.get(&key) {
            assigned[mi] = Some(e);
            continue;
        }
        let word = m.text.as_str();
        let acronym = is_acronym(word);
        // "al-Assad" looks for the Assad of "Bashar al-Assad"
        let word_key = name_words(word).join(" ");
        let mut candidates: Vec<EntityId> = by_word
            .get(&word_key)
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
                    && ent.name.split_whitespace().count() > 1
                    && name_words(&ent.name).contains(&word_key)
            })
            .collect();
        // surname first, then first name; the most mentioned, then the first introduced
        let best = candidates.iter().copied().max_by_key(|&e| {
            let last = name_words(&entities[e].name).last() == Some(&word_key);
            (last, counts[e.0], std::cmp::Reverse(e))
        });
        let e = match best {
            Some(e) => e,
            None => {
                // an unknown single word: typed by what says what it is, else a guess
                // kept only if it acts in a relation
                let kind = if let Some(k) = m.kind {
                    k
                } else if titled_holders.contains(&mi) || m.titled {
                    EntityType::Person
                } else if acronym {
                    EntityType::Organization
                } else {
                    EntityType::Person
                };
                let e = add(&mut entities, m, kind);
                entities[e].guessed =
                    m.kind.is_none() && !titled_holders.contains(&mi) && !m.titled;
                index(&mut by_word, &mut by_initials, e, &entities[e]);
                counts.push(0);
                e
            }
        };
        by_key.insert(key, e);
        counts[e.0] += 1;
        assigned[mi] = Some(e);
    }

    // short forms of bodies and places named in full elsewhere in the document
    for (&short, &long) in &short_of {
        assigned[short] = assigned[long];
    }
    // generic names of bodies: the document's own body of that name, or its country's
    let main_country = main_country(mentions, &assigned, &entities);
    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
        if !m.generic || assigned[mi].is_some() {
            continue;
        }
        assigned[mi] = state_body(k, m, main_country, &mut entities, &mut by_gaz, &mut by_key);
    }

    // an entity not from the gazetteer has the type its most certain mention gives (a
    // cue or the context over "in X"; the first among equals)
    let mut best: Vec<Option<(u8, EntityType)>> = vec![None; entities.len()];
    for (mi, m) in mentions.iter().enumerate() {
        let mi = MentionId(mi);
        if let Some(e) = assigned[mi] {
            let ent = &mut entities[e];
            ent.mentions += 1;
            if !ent.forms.contains(&m.text) {
                ent.forms.push(m.text.clone());
            }
            if m.kind.is_some() || m.titled || titled_holders.contains(&mi) {
                ent.guessed = false;
            }
            let strength = if m.weak { 1 } else { 2 };
            if let (Some(kind), None) = (m.kind, ent.gaz) {
                if best[e.0].is_none_or(|(s, _)| strength > s) {
                    best[e.0] = Some((strength, kind));
                }
            }
        }
    }
    for (ent, best) in entities.iter_mut().zip(best) {
        if let (Some((_, kind)), None, None) = (best, ent.gaz, ent.part_of) {
            ent.kind = kind;
        }
    }
    for t in titles {
        if let Some(e) = t.holder.and_then(|h| assigned[h]) {
            entities[e].guessed = false;
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
    for e in entities.iter_mut().filter(|e| e.guessed) {
        e.guessed = !looks_like_a_person(k, e);
    }
    (entities, assigned)
}

/// The key of a name; a place led by a direction takes the direction's adjective when the
/// language lists both ("east" and "eastern"), so that "East Mediterranean" and "Eastern
/// Mediterranean" in one article are one place.
fn place_key(k: &Knowledge, m: &Mention) -> String {
    let key = fold(&m.text);
    if m.kind != Some(EntityType::Place) {
        return key;
    }
    let directions = &k.language.place_directions;
    match key.split_once(' ') {
        Some((d, rest)) if directions.contains(d) => {
            let adjective = format!("{d}ern");
            if directions.contains(&adjective) {
                format!("{adjective} {rest}")
            } else {
                key
            }
        }
        _ => key,
    }
}

/// The folded words of a name, a lower-case particle before a hyphen left out ("Bashar
/// al-Assad": bashar, assad): what a single word may stand for.
fn name_words(name: &str) -> Vec<String> {
    // the comma before a suffix ("Vance, Jr.") is no part of the surname
    name.split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .map(|w| match w.split_once('-') {
            Some((p, rest))
                if p.chars().all(char::is_lowercase)
                    && rest.chars().next().is_some_and(char::is_uppercase) =>
            {
                fold(rest)
            }
            _ => fold(w),
        })
        .collect()
}

/// A name no mention typed that is still a person's by its words: a known person, a
/// first name before the surname, or a surname the document uses alone.
fn looks_like_a_person(k: &Knowledge, e: &Entity) -> bool {
    let lex = &k.lexicon;
    let words: Vec<&str> = e.name.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let first_name = lex.is_first_name(words[0])
        && !k
            .language
            .name_connectors
            .contains(&words[0].to_lowercase());
    let surname_alone = words
        .last()
        .is_some_and(|last| e.forms.iter().any(|f| fold(f) == fold(last)));
    lex.is_person(&e.name) || first_name || surname_alone
}

/// The document's country: the one named most, when it has twice the mentions of any
/// other (a name counts twice, a demonym once).
fn main_country(
    mentions: &[Mention],
    assigned: &Assigned,
    entities: &[Entity],
) -> Option<EntityId> {
    let mut counts: HashMap<EntityId, u32> = HashMap::new();
    for (mi, e) in assigned.iter() {
        if let Some(e) = e {
            if entities[e].kind == EntityType::Country && entities[e].gaz.is_some() {
                *counts.entry(e).or_default() += 1 + u32::from(!mentions[mi].demonym);
            }
        }
    }
    let mut ranked: Vec<(EntityId, u32)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(e, c)| (std::cmp::Reverse(c), e));
    match ranked.as_slice() {
        [(e, _)] => Some(*e),
        [(e, a), (_, b), ..] if *a >= 2 * *b => Some(*e),
        _ => None,
    }
}

/// What a generic body name ("Congress", "Senate", "Parliament" alone) stands for: a
/// body of the document with that head word ("Congress of the Philippines", "National
/// Congress"); else, when the document is about another state than the gazetteer entry's
/// (or the word has no entry), that state's body ("Philippine Senate"); else the entry.
fn state_body(
    k: &Knowledge,
    m: &Mention,
    main_country: Option<EntityId>,
    entities: &mut Vec<Entity>,
    by_gaz: &mut HashMap<EntryId, EntityId>,
    by_key: &mut HashMap<String, EntityId>,
) -> Option<EntityId> {
    let lex = &k.lexicon;
    let word = fold(&m.text);
    let headed = |e: &Entity| {
        let name = fold(&e.name);
        let words: Vec<&str> = name.split(' ').collect();
        let head = words
            .iter()
            .position(|w| k.language.name_connectors.contains(w))
            .map_or(words.last(), |i| {
                i.checked_sub(1).and_then(|h| words.get(h))
            });
        e.kind.is_organisation_like() && words.len() > 1 && head == Some(&word.as_str())
    };
    let own: Vec<usize> = (0..entities.len())
        .filter(|&e| headed(&entities[e]))
        .collect();
    if let [e] = own.as_slice() {
        return Some(EntityId(*e));
    }
    let entry_country = m
        .gaz
        .and_then(|g| lex.entries[g].country.as_deref())
        .and_then(|c| lex.entry_index(c));
    let main = main_country.and_then(|c| entities[c.0].gaz);
    match (m.gaz, main) {
        (Some(g), main) if main.is_none() || main == entry_country => {
            Some(*by_gaz.entry(g).or_insert_with(|| {
                entities.push(Entity {
                    name: lex.entries[g].name.clone(),
                    kind: lex.entries[g].kind,
                    gaz: Some(g),
                    forms: Vec::new(),
                    titles: Vec::new(),
                    mentions: 0,
                    demonym_only: false,
                    part_of: None,
                    guessed: false,
                });
                EntityId(entities.len() - 1)
            }))
        }
        (_, Some(c)) => {
            let adjective = lex.adjective_of(c)?;
            let word = capitalised(&m.text);
            let country = &lex.entries[c].name;
            // the country's body in the gazetteer ("UK Parliament" for Britain)
            let known = [
                format!("{adjective} {word}"),
                format!("{country} {word}"),
                format!("{word} of {country}"),
                format!("{word} of the {country}"),
            ]
            .iter()
            .find_map(|f| lex.entry_index(f))
            .filter(|&g| lex.entries[g].kind == EntityType::GovernmentBody);
            if let Some(g) = known {
                return Some(*by_gaz.entry(g).or_insert_with(|| {
                    entities.push(Entity {
                        name: lex.entries[g].name.clone(),
                        kind: EntityType::GovernmentBody,
                        gaz: Some(g),
                        forms: Vec::new(),
                        titles: Vec::new(),
                        mentions: 0,
                        demonym_only: false,
                        part_of: None,
                        guessed: false,
                    });
                    EntityId(entities.len() - 1)
                }));
            }
            let name = format!("{adjective} {word}");
            let key = fold(&name);
            if let Some(&e) = by_key.get(&key) {
                return Some(e);
            }
            entities.push(Entity {
                name,
                kind: EntityType::GovernmentBody,
                gaz: None,
                forms: Vec::new(),
                titles: Vec::new(),
                mentions: 0,
                demonym_only: false,
                part_of: Some(c),
                guessed: false,
            });
            let e = EntityId(entities.len() - 1);
            by_key.insert(key, e);
            Some(e)
        }
        _ => None,
    }
}

/// The one name of a state's common body named with its country ("UK Parliament",
/// "British Parliament", "Parliament of the United Kingdom": "British Parliament"), so
/// that every article names it alike.
fn state_body_name(k: &Knowledge, m: &Mention) -> Option<String> {
    let (lex, lang) = (&k.lexicon, &k.language);
    let country = m.part_of?;
    let is_country = |words: &[&str]| {
        let form = words.join(" ");
        let form = form.strip_prefix("the ").unwrap_or(&form);
        lex.entry_index(form) == Some(country) || lex.demonym(form) == Some(country)
    };
    let words: Vec<&str> = m.text.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    let body = if lang.state_bodies.contains(&last.to_lowercase())
        && is_country(&words[..words.len() - 1])
    {
        last
    } else if lang.state_bodies.contains(&first.to_lowercase())
        && words.get(1).is_some_and(|w| *w == "of")
        && is_country(&words[2..])
    {
        first
    } else {
        return None;
    };
    Some(format!(
        "{} {}",
        lex.adjective_of(country)?,
        capitalised(body)
    ))
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Short forms of bodies, places and companies named in full in the document (short →
/// full): the full name less its last word, when that word is the name's cue word
/// ("Hagia Sophia" of "Hagia Sophia Museum"), a company's legal form ("Siemens" of
/// "Siemens AG") or a lower-case place word ("Amazon" of "Amazon rainforest", even where
/// "Amazon" is a known company). A short form two full names share is neither's.
fn short_forms(k: &Knowledge, mentions: &[Mention]) -> HashMap<MentionId, MentionId> {
    let lex = &k.lexicon;
    let mut stems: HashMap<String, Option<MentionId>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let typed = m
            .kind
            .is_some_and(|t| t != EntityType::Person && t != EntityType::Country);
        let Some((stem, last)) = m.text.rsplit_once(' ') else {
            continue;
        };
        let lower_word = last.chars().next().is_some_and(char::is_lowercase);
        // a known name counts as the full one only where the text describes it
        if !typed || m.demonym || (m.gaz.is_some() && !lower_word) {
            continue;
        }
        let cue_word = lex.cue(last, crate::lexicon::CuePosition::Last).is_some()
            || lex.cue(last, crate::lexicon::CuePosition::Any).is_some();
        if !(lower_word || cue_word) {
            continue;
        }
        let key = (fold(stem), lower_word);
        let entry = stems.entry(key.0.clone() + if key.1 { "\u{1}" } else { "" });
        entry
            .and_modify(|x| {
                if x.is_some_and(|x| fold(&mentions[x.0].text) != fold(&m.text)) {
                    *x = None;
                }
            })
            .or_insert(Some(MentionId(i)));
    }
    let mut out = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.demonym || m.titled {
            continue;
        }
        let key = place_key(k, m);
        // a known name is short only for a place named after it with a lower-case word
        let long = if m.gaz.is_some() {
            let known = m.gaz.map(|g| lex.entries[g].kind);
            if known.is_some_and(|t| matches!(t, EntityType::Country | EntityType::Place)) {
                None
            } else {
                stems.get(&(key.clone() + "\u{1}")).copied().flatten()
            }
        } else {
            stems
                .get(&key)
                .or_else(|| stems.get(&(key.clone() + "\u{1}")))
                .copied()
                .flatten()
        };
        // "the city of Cahors" beside "Cahors Cathedral": a name the text itself calls a
        // place is the place the building is named after, not its short form
        let named_place = m.kind == Some(EntityType::Place) && !m.weak;
        let long =
            long.filter(|l| !(named_place && mentions[l.0].kind == Some(EntityType::Facility)));
        if let Some(long) = long.filter(|l| l.0 != i) {
            out.insert(MentionId(i), long);
        }
    }
    out
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

    /// Each entity's name and type.
    fn actors(text: &str) -> Vec<(String, EntityType)> {
        resolved(text).1.into_iter().map(|e| (e.0, e.1)).collect()
    }

    fn a(name: &str, kind: EntityType) -> (String, EntityType) {
        (name.to_string(), kind)
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    use EntityType::*;

    #[test]
    fn a_generic_body_is_the_body_of_the_document_s_country() {
        // in an article about the Philippines, "the Senate" is not the US Senate
        assert_eq!(
            actors("The Philippines voted. The Philippines and its people waited. The network asked the Senate for help."),
            vec![a("Philippines", Country), a("Philippine Senate", GovernmentBody)]
        );
        // a body of the document with that head word is the one meant
        assert_eq!(
            actors("Argentina's National Congress met. Argentina waited. Congress voted."),
            vec![
                a("Argentina", Country),
                a("National Congress", GovernmentBody)
            ]
        );
        // in an article about the United States, and with no country in view, the gazetteer's
        assert_eq!(
            actors("The United States voted. The United States waited. The Senate acquitted him."),
            vec![a("United States", Country), a("US Senate", GovernmentBody)]
        );
        assert_eq!(
            actors("The Senate acquitted him."),
            vec![a("US Senate", GovernmentBody)]
        );
        // "Parliament" alone, inside a sentence, in a British article
        assert_eq!(
            actors("Britain waited. Britain voted. The vote in Parliament failed."),
            vec![
                a("United Kingdom", Country),
                // the gazetteer's name of it
                a("UK Parliament", GovernmentBody)
            ]
        );
        // and the same body named with its country, however written
        let (_, es) = resolved(
            "The Moldovan Parliament met. The Parliament of Moldova voted. The Moldova Parliament rose.",
        );
        let bodies: Vec<(&str, u32)> = es
            .iter()
            .filter(|e| e.1 == GovernmentBody)
            .map(|e| (e.0.as_str(), e.4))
            .collect();
        assert_eq!(bodies, vec![("Moldovan Parliament", 3)], "{es:?}");
    }

    #[test]
    fn short_forms_of_bodies_places_and_companies() {
        assert_eq!(
            actors("The Hagia Sophia Museum reopened. Hagia Sophia drew crowds."),
            vec![a("Hagia Sophia Museum", Facility)]
        );
        assert_eq!(
            actors("Siemens AG left. Later Siemens said more."),
            vec![a("Siemens AG", Organization)]
        );
        // a name the text calls a place is the place a building is named after
        assert_eq!(
            actors("The Cahors Cathedral is old. The city of Cahors honoured it."),
            vec![a("Cahors Cathedral", Facility), a("Cahors", Place)]
        );
        // a known company's name is the place's where the text calls it a rainforest
        assert_eq!(
            actors("The Amazon rainforest burned. The smoke rose over the Amazon."),
            vec![a("Amazon rainforest", Place)]
        );
    }

    #[test]
    fn a_name_before_a_known_acronym_it_does_not_spell_is_that_actor() {
        let (_, es) = resolved("The Christian Democrats (CDU) won. CDU leaders celebrated.");
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].0, "Christian Democratic Union");
        assert!(
            es[0].2.contains(&"Christian Democrats".to_string()),
            "{:?}",
            es[0].2
        );
    }

    #[test]
    fn a_place_led_by_a_direction_is_one_place_with_its_adjective() {
        let (to_, es) = resolved(
            "Ships sailed in the Eastern Mediterranean. Gas lies under the East Mediterranean.",
        );
        let places: Vec<_> = es.iter().filter(|e| e.1 == EntityType::Place).collect();
        assert_eq!(places.len(), 1, "{es:?}");
        assert_eq!(places[0].0, "Eastern Mediterranean");
        assert!(
            to_.contains(&to("East Mediterranean", "Eastern Mediterranean")),
            "{to_:?}"
        );
        // a direction with no adjective form keys as written
        let (_, es) = resolved("Troops moved to Central Asia. Then to Western Asia.");
        assert_eq!(
            es.iter().filter(|e| e.1 == EntityType::Place).count(),
            2,
            "{es:?}"
        );
    }

    #[test]
    fn spellings_that_differ_by_accents_are_one_person() {
        let (to_, es) = resolved("Recep Tayyip Erdoğan spoke. Erdogan left.");
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(to_[1], to("Erdogan", "Recep Tayyip Erdoğan"));
    }

    #[test]
    fn what_types_a_name_and_what_only_guesses() {
        let k = Knowledge::shared();
        let guessed = |text: &str| -> Vec<(String, bool)> {
            let sentences = crate::text::split_sentences(text, 0, &k.language);
            let (ms, _, ts) = crate::extract::find_mentions(k, &sentences);
            let al = crate::extract::mentions::aliases(&sentences, &ms);
            let (es, _) = resolve(k, &ms, &ts, &al);
            es.into_iter().map(|e| (e.name, e.guessed)).collect()
        };
        // a known first name, a surname used alone, a title: a person
        assert_eq!(
            guessed("Yesterday Maria Zorvek spoke. Then Tal Brodsky came. Brodsky left. Senator Ivo Quent came."),
            vec![
                (s("Maria Zorvek"), false),
                (s("Tal Brodsky"), false),
                (s("Ivo Quent"), false)
            ]
        );
        // words nothing types
        assert_eq!(
            guessed("Then Ulm Varka came."),
            vec![(s("Ulm Varka"), true)]
        );
    }
}
