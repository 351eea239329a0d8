//! Extraction: one document becomes a [`DocExtraction`] (the contract in
//! [`crate::model`]). The corpus pipeline calls an [`Extractor`]; [`Rules`] is the
//! rule-based one, and a second one (statistical, or on the parser) implements the same
//! trait and plugs in without touching the pipeline or the CLI.
//!
//! In [`Rules`], one document's sentences become mentions, entities (typed, titled,
//! aliases resolved within the document) and triples with evidence. The stages are
//! composed in [`extract_document`], the one place that shows the whole pipeline:
//!
//! sentences → mentions and titles ([`mentions`]) → entities ([`entities`]) →
//! office relations (here) and events and locations ([`relations`]) → dates ([`dates`]).

pub mod dates;
pub mod entities;
mod knowledge;
pub mod mentions;
pub mod readers;
pub mod tree;
pub mod typing;

pub use knowledge::Knowledge;

use crate::language::Language;
use crate::lexicon::{EntryId, TitleScope};
use crate::model::{
    keep_most_confident, DocEntity, DocExtraction, Document, DocumentInfo, EntityType, Evidence,
    OfficeStatus, RelationKind, SharedText, Spent, Triple, MAX_TRIPLES_PER_SENTENCE,
};
use crate::text::{Normalized, Sentence};
use entities::{Assigned, Entity, EntityId};
use mentions::{Mention, MentionId, TitleMention};
use readers::{ActorAt, Found};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::{Duration, Instant};

/// What the corpus pipeline calls for each document, on every worker thread at once.
pub trait Extractor: Sync {
    /// A short name for messages and the build's summary (`rules`).
    fn name(&self) -> &'static str;

    /// Reads one document. Never fails: a document the extractor can make nothing of
    /// gives an extraction without entities.
    fn extract(&self, doc: &Document, knowledge: &Knowledge) -> DocExtraction;
}

/// The rule-based extractor: [`extract_document`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Rules;

impl Extractor for Rules {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn extract(&self, doc: &Document, knowledge: &Knowledge) -> DocExtraction {
        extract_document(doc, knowledge)
    }
}

/// A fact before it has a date and evidence.
struct Raw {
    sentence: usize,
    found: Found,
}

/// Runs the whole rule-based extraction on one document.
pub fn extract_document(doc: &Document, knowledge: &Knowledge) -> DocExtraction {
    // read in NFC without format characters; sentence spans stay the original's
    let text = Normalized::new(&doc.text);
    let sentences = text.split_sentences(doc.body_start, &knowledge.language);
    let (mentions, ranges, titles) = find_mentions(knowledge, &sentences);
    let acronym_of = mentions::aliases(&sentences, &mentions);

    let (entities, assigned) = entities::resolve(knowledge, &mentions, &titles, &acronym_of);

    // relations
    let mut cx = DocContext {
        knowledge,
        doc,
        sentences: &sentences,
        mentions: &mentions,
        ranges: &ranges,
        titles: &titles,
        entities,
        assigned,
    };
    let mut raw = cx.office_relations();
    let (sentence_raw, acting, parsing) = cx.sentence_relations();
    raw.extend(sentence_raw);
    raw.extend(cx.part_of_relations());
    let mut x = cx.build(raw, &acting);
    x.parsing = Spent(parsing);
    x
}

/// Bounds the memory one sentence's findings take (a sentence listing dozens of actors
/// on both sides of a verb finds one per pair). The pipeline keeps the
/// [`MAX_TRIPLES_PER_SENTENCE`] most confident triples of a sentence; the most confident
/// twice as many distinct findings (by the confidence a triple gets) are enough for it to
/// keep the same ones and to see that the sentence went over.
fn bound_findings(found: &mut Vec<Found>) {
    let limit = 2 * MAX_TRIPLES_PER_SENTENCE;
    if found.len() <= limit {
        return;
    }
    // as in `build`: the first finding of a (subject, relation, object) is the one kept
    let mut seen = HashSet::new();
    found.retain(|f| seen.insert((f.subject, f.relation, f.object)));
    keep_most_confident(found, limit, |f| (f.confidence * 100.0).round());
}

/// The mention stage: the document's mentions (in sentence and token order), the range
/// of each sentence's mentions, and its titles with their holders and owners.
fn find_mentions(
    knowledge: &Knowledge,
    sentences: &[Sentence<'_>],
) -> (Vec<Mention>, Vec<Range<usize>>, Vec<TitleMention>) {
    let (mut mentions, mut titles) = mentions::find_document(knowledge, sentences);
    // find pushes mentions in sentence and token order, and titles refer to them by
    // their position: the sort must not move any
    debug_assert!(mentions.is_sorted_by_key(|m| (m.sentence, m.start)));
    mentions.sort_by_key(|m| (m.sentence, m.start));
    typing::from_context(knowledge, sentences, &mut mentions);
    let ranges = sentence_ranges(&mentions, sentences.len());
    link_titles(
        &knowledge.language,
        sentences,
        &mentions,
        &ranges,
        &mut titles,
    );
    (mentions, ranges, titles)
}

/// The mentions of each sentence, as positions in the document's mentions (which are in
/// sentence order): no scan over the document per sentence.
fn sentence_ranges(mentions: &[Mention], sentences: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(sentences);
    let mut at = 0;
    for i in 0..sentences {
        let start = at;
        while at < mentions.len() && mentions[at].sentence == i {
            at += 1;
        }
        ranges.push(start..at);
    }
    ranges
}

/// Titles without a holder take the name right after them ("spokesperson Matthew
/// Miller") or the name before a comma ("Miller, the spokesperson"); titles take as
/// modifiers the names right before them ("US State Department spokesperson",
/// "Pakistan's Prime Minister") and after "of" ("leader of the Labour Party").
fn link_titles(
    lang: &Language,
    sentences: &[Sentence<'_>],
    mentions: &[Mention],
    ranges: &[Range<usize>],
    titles: &mut [TitleMention],
) {
    for t in titles.iter_mut() {
        let toks = &sentences[t.sentence].tokens;
        let lower = |i: usize| toks[i].text.to_lowercase();
        let in_sentence: Vec<MentionId> = ranges[t.sentence].clone().map(MentionId).collect();
        // modifiers: a chain of names ending where the title starts, "X's" allowed
        let mut edge = t.start;
        while edge > 0 && {
            let w = lower(edge - 1);
            lang.former.contains(&w) || lang.title_prefixes.contains(&w)
        } {
            edge -= 1;
        }
        loop {
            let mut e = edge;
            if e > 0 && matches!(toks[e - 1].text, "'s" | "’s") {
                e -= 1;
            }
            match in_sentence.iter().find(|&&m| mentions[m].end == e) {
                Some(&m) if Some(m) != t.holder => {
                    if mentions[m].kind != Some(EntityType::Person)
                        && !(mentions[m].kind.is_none() && mentions[m].words() > 1)
                    {
                        // a modifier the mention stage found already still moves the edge
                        if !t.modifiers.contains(&m) {
                            t.modifiers.push(m);
                        }
                        edge = mentions[m].start;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if t.holder.is_none() && !t.plural {
            if let Some(m) = mention_starting_at(mentions, &in_sentence, t.end) {
                if may_be_person(&mentions[m]) {
                    t.holder = Some(m);
                }
            }
        }
        // "of (the) X" after the title; "of X's Y" is an office of Y
        if let Some(c) = complement(lang, toks, mentions, &in_sentence, t.end) {
            if c.owns && Some(c.group) != t.holder {
                t.modifiers.push(c.group);
            }
            // the complement between the title and the name: "US Ambassador to Germany
            // Richard Grenell", "the president of the League, Jamel Msallem, said"
            if t.holder.is_none() && !t.plural {
                t.holder = holder_at(toks, mentions, &in_sentence, c.end);
            }
        }
        // "The Italian foreign minister, Luigi Di Maio, joined"
        if t.holder.is_none() && !t.plural && t.end + 1 < toks.len() && toks[t.end].text == "," {
            if let Some(m) = mention_starting_at(mentions, &in_sentence, t.end + 1) {
                let closed = toks
                    .get(mentions[m].end)
                    .is_none_or(|x| matches!(x.text, "," | "." | ";"));
                if closed && may_be_person(&mentions[m]) {
                    t.holder = Some(m);
                }
            }
        }
        // apposition: "X, (the) [mods] title"; "X, then the minister" held it no longer
        if t.holder.is_none() && !t.plural {
            let mut s = edge;
            while s > 0 && {
                let w = lower(s - 1);
                let former = lang.former.contains(&w);
                t.former |= former;
                former || lang.articles.contains(&w)
            } {
                s -= 1;
            }
            if s > 0 && toks[s - 1].text == "," {
                if let Some(&m) = in_sentence.iter().find(|&&m| mentions[m].end == s - 1) {
                    if may_be_person(&mentions[m]) {
                        t.holder = Some(m);
                    }
                }
            } else if s > 0 && lang.title_predicates.contains(&lower(s - 1)) {
                // "Pompeo, who is the secretary of state" / "served as the ambassador"
                if let Some(&m) = in_sentence.iter().rev().find(|&&m| {
                    mentions[m].end < s
                        && mentions[m].kind.is_none_or(|k| k == EntityType::Person)
                        && mentions[m].gaz.is_none()
                }) {
                    if s - mentions[m].end <= 4 {
                        t.holder = Some(m);
                    }
                }
            }
            t.definite = t.holder.is_none() && s > 0 && lower(s - 1) == "the";
        }
    }
}

/// The mention among `in_sentence` that starts at token `i`.
fn mention_starting_at(
    mentions: &[Mention],
    in_sentence: &[MentionId],
    i: usize,
) -> Option<MentionId> {
    in_sentence
        .iter()
        .copied()
        .find(|&m| mentions[m].start == i)
}

/// A name that may be a person's: none the gazetteer knows, typed a person or not typed.
fn may_be_person(m: &Mention) -> bool {
    m.gaz.is_none() && m.kind.is_none_or(|k| k == EntityType::Person)
}

/// A title's complement: the named group or place after its preposition.
struct Complement {
    group: MentionId,
    /// After `of` or `for`: the group owns the office ("president of the League"); after
    /// `to`, `at` it is where the office is held ("Ambassador to Germany").
    owns: bool,
    /// The token after the complement.
    end: usize,
}

/// The complement right after a title ending at token `end`: a `title_complement`
/// preposition, articles, and a name that is no person's; "of Argentina's Amnesty
/// International" is Amnesty International's.
fn complement(
    lang: &Language,
    toks: &[crate::text::Token<'_>],
    mentions: &[Mention],
    in_sentence: &[MentionId],
    end: usize,
) -> Option<Complement> {
    let lower = |i: usize| toks[i].text.to_lowercase();
    if end >= toks.len() {
        return None;
    }
    let preposition = lower(end);
    if !lang.title_complements.contains(&preposition) {
        return None;
    }
    let mut at = end + 1;
    while at < toks.len() && lang.articles.contains(&lower(at)) {
        at += 1;
    }
    let starting = |i: usize| mention_starting_at(mentions, in_sentence, i);
    let mut group = starting(at)?;
    // "X's Y": the possessed name is the complement
    let e = mentions[group].end;
    if e < toks.len() && matches!(toks[e].text, "'s" | "’s") {
        if let Some(possessed) = starting(e + 1) {
            group = possessed;
        }
    }
    if mentions[group].kind.is_none_or(|k| k == EntityType::Person) {
        return None;
    }
    Some(Complement {
        group,
        owns: matches!(preposition.as_str(), "of" | "for"),
        end: mentions[group].end,
    })
}

/// The holder's name at token `at`, right after a title's complement: directly ("US
/// Ambassador to Germany Richard Grenell"), after the complement's acronym in brackets
/// ("Member of Parliament (MP) Yvette Cooper") or after a comma when the name ends a
/// phrase ("the president of the League, Jamel Msallem, said"; not "…, X and Y").
fn holder_at(
    toks: &[crate::text::Token<'_>],
    mentions: &[Mention],
    in_sentence: &[MentionId],
    mut at: usize,
) -> Option<MentionId> {
    if at + 2 < toks.len() && toks[at].text == "(" && toks[at + 2].text == ")" {
        at += 3;
    }
    let after_comma = at < toks.len() && toks[at].text == ",";
    if after_comma {
        at += 1;
    }
    let m = mention_starting_at(mentions, in_sentence, at)?;
    if !may_be_person(&mentions[m]) {
        return None;
    }
    if after_comma {
        let next = toks.get(mentions[m].end).map(|x| x.text.to_lowercase());
        if matches!(next.as_deref(), Some("and" | "or" | "&")) {
            return None;
        }
    }
    Some(m)
}

/// An actor's place in a sentence: a token range and the entity it names.
#[derive(Clone, Debug)]
struct Slot {
    start: usize,
    end: usize,
    entity: EntityId,
    kind: EntityType,
    /// How sure we are this slot is that entity (1.0 for a name, less for a pronoun).
    certainty: f64,
    /// The slot modifies a title ("US" in "US Ambassador X"), so it acts in no event.
    modifier: bool,
    /// A demonym adjective ("Pakistani"): its country acts only as an owner.
    demonym: bool,
    /// The parser reads the words as written, not as a name: a demonym, or a party
    /// adjective ("Conservative MP").
    written: bool,
}

impl Slot {
    /// What each token of the slot names, for the relation readers.
    fn actor_at(&self) -> ActorAt {
        ActorAt {
            entity: self.entity,
            kind: self.kind,
            certainty: self.certainty,
            modifier: self.modifier,
            demonym: self.demonym,
        }
    }
}

/// The actors a sentence had for its subject together ([`readers::actors::plural_subject`]):
/// what a plural pronoun soon after stands for, each of them.
struct Group {
    members: Vec<(EntityId, EntityType)>,
    /// The last sentence that named the group or a pronoun that stood for it.
    sentence: usize,
}

/// How many sentences after the group's last one a plural pronoun may still stand for it.
const GROUP_REACH: usize = 2;

/// The name spans of a sentence's actors, each with the frequent name of its type the
/// parser reads in its place ([`tree::Tree::parse_with_names`]): demonyms, party adjectives and pronouns
/// are words of their own and stay as written.
fn name_spans(slots: &[Slot]) -> Vec<(usize, usize, &'static str)> {
    let mut spans: Vec<(usize, usize, &'static str)> = slots
        .iter()
        .filter(|s| !s.written && s.certainty >= 1.0)
        .map(|s| {
            // names frequent in the parser's training text, one per kind of actor
            let placeholder = match s.kind {
                EntityType::Person => "Bush",
                EntityType::Country => "Iraq",
                EntityType::Place | EntityType::Facility => "London",
                _ => "Microsoft",
            };
            (s.start, s.end, placeholder)
        })
        .collect();
    spans.sort_unstable();
    spans
}

/// One document once its entities are resolved: what the relation readers look at.
struct DocContext<'a, 'd> {
    knowledge: &'a Knowledge,
    doc: &'a Document,
    sentences: &'a [Sentence<'d>],
    /// In sentence and token order.
    mentions: &'a [Mention],
    /// The mentions of sentence `i` are `mentions[ranges[i]]`.
    ranges: &'a [Range<usize>],
    titles: &'a [TitleMention],
    entities: Vec<Entity>,
    assigned: Assigned,
}

impl DocContext<'_, '_> {
    /// The document's country, the fallback owner of state offices: the most mentioned
    /// country (a name counts two, a demonym one) when it clearly dominates (twice the
    /// mentions of any other).
    fn main_country(&self) -> Option<EntityId> {
        let mut country_counts: HashMap<EntityId, u32> = HashMap::new();
        for (mi, e) in self.assigned.iter() {
            if let Some(e) = e {
                if self.entities[e].kind == EntityType::Country {
                    *country_counts.entry(e).or_default() +=
                        1 + u32::from(!self.mentions[mi].demonym);
                }
            }
        }
        let mut ranked: Vec<(EntityId, u32)> = country_counts.into_iter().collect();
        ranked.sort_by_key(|&(e, c)| (std::cmp::Reverse(c), e));
        match ranked.as_slice() {
            [(e, _)] => Some(*e),
            [(e, a), (_, b), ..] if *a >= 2 * *b => Some(*e),
            _ => None,
        }
    }

    /// HOLDS_OFFICE, LEADS and MEMBER_OF from the titles that have a holder.
    fn office_relations(&self) -> Vec<Raw> {
        let (mentions, entities, assigned) = (self.mentions, &self.entities, &self.assigned);
        let mut raw = Vec::new();
        let main_country = self.main_country();
        let modifier_set: HashSet<MentionId> = self
            .titles
            .iter()
            .filter(|t| t.holder.is_some())
            .flat_map(|t| t.modifiers.iter().copied())
            .collect();
        let country_entity = |gaz: EntryId| {
            entities
                .iter()
                .position(|e| e.gaz == Some(gaz) && e.kind == EntityType::Country)
                .map(EntityId)
        };

        for t in self.titles {
            let holders: Vec<EntityId> = match t.holder {
                Some(h) => assigned[h].into_iter().collect(),
                None => self.listed_holders(t),
            };
            let holders: Vec<EntityId> = holders
                .into_iter()
                .filter(|&h| entities[h].kind == EntityType::Person)
                .collect();
            if holders.is_empty() {
                continue;
            }
            let status = Some(if t.former {
                OfficeStatus::Former
            } else {
                OfficeStatus::Current
            });
            let role = Some(t.text.clone());
            let mut owners: Vec<(EntityId, f64)> = t
                .modifiers
                .iter()
                .filter_map(|&m| assigned[m])
                .map(|e| (e, 0.9))
                .collect();
            if t.title.scope == TitleScope::Country
                && readers::offices::only_parties(owners.iter().map(|&(e, _)| entities[e].kind))
            {
                // the nearest country named in the sentence that owns no other title, else the document's
                let in_sentence = self.ranges[t.sentence]
                    .clone()
                    .map(MentionId)
                    .map(|mi| (mi, &mentions[mi]))
                    .filter(|(mi, _)| !modifier_set.contains(mi))
                    // a country, or the country an organisation is part of ("the Syrian Army")
                    .filter_map(|(mi, m)| match assigned[mi] {
                        Some(e) if entities[e].kind == EntityType::Country => Some((e, m)),
                        _ => m.part_of.and_then(country_entity).map(|e| (e, m)),
                    })
                    // only a country named before the title: one named after it is about something else
                    .filter(|(_, m)| m.end <= t.start)
                    .max_by_key(|(_, m)| m.start);
                if let Some((e, _)) = in_sentence {
                    owners.push((e, 0.6));
                } else if let Some(e) = main_country {
                    owners.push((e, 0.5));
                }
            }
            for (owner, confidence) in owners {
                let relation = match (entities[owner].kind, t.title.relation) {
                    (EntityType::Country | EntityType::GovernmentBody, _) => {
                        RelationKind::HoldsOffice
                    }
                    (EntityType::PoliticalParty, RelationKind::Leads) => RelationKind::Leads,
                    (EntityType::PoliticalParty, _) => RelationKind::MemberOf,
                    (EntityType::Organization | EntityType::Media, r) => r,
                    _ => continue,
                };
                for &holder in &holders {
                    let mut found = Found::new(holder, owner, relation, t.text.clone(), confidence);
                    found.role = role.clone();
                    found.status = status;
                    raw.push(Raw {
                        sentence: t.sentence,
                        found,
                    });
                }
            }
        }
        raw
    }

    /// "Two Liberal senators, Paul Girard and Anne Roy, voted": the people listed after a
    /// plural title and a comma, each named in full, joined by commas and "and", the list
    /// closed by a comma or the sentence's end, hold it each.
    fn listed_holders(&self, t: &TitleMention) -> Vec<EntityId> {
        let toks = &self.sentences[t.sentence].tokens;
        let text = |i: usize| toks.get(i).map_or("", |x| x.text);
        if !t.plural || text(t.end) != "," {
            return Vec::new();
        }
        let range = self.ranges[t.sentence].clone();
        // a sentence's mentions are in token order: the one at a token is found by halving
        let in_sentence = &self.mentions[range.clone()];
        let person_at = |i: usize| {
            let k = in_sentence.partition_point(|m| m.start < i);
            Some(MentionId(range.start + k))
                .filter(|_| in_sentence.get(k).is_some_and(|m| m.start == i))
                .filter(|&m| self.mentions[m].gaz.is_none())
                .and_then(|m| self.assigned[m].map(|e| (e, self.mentions[m].end)))
                .filter(|&(e, _)| self.entities[e].kind == EntityType::Person)
        };
        let mut holders = Vec::new();
        let mut at = t.end + 1;
        loop {
            let Some((e, end)) = person_at(at) else {
                return Vec::new();
            };
            holders.push(e);
            at = end;
            match (text(at), text(at + 1)) {
                ("and", _) => at += 1,
                (",", "and") if person_at(at + 2).is_some() => at += 2,
                (",", _) if person_at(at + 1).is_some() => at += 1,
                ("," | "." | ";" | "", _) => return holders,
                _ => return Vec::new(),
            }
        }
    }

    /// Events, places and offices read from each sentence's tree ([`readers`]). Only a
    /// sentence that names two actors (or one and a pronoun) is parsed: the others can
    /// state no relation. Also the countries that act through an agent noun their demonym
    /// owns ([`readers::actors::owning_demonyms`]), kept as actors even without a relation.
    /// Also the time spent parsing.
    fn sentence_relations(&self) -> (Vec<Raw>, HashSet<EntityId>, Duration) {
        let k = self.knowledge;
        let mut raw = Vec::new();
        let mut acting = HashSet::new();
        let mut parsing = Duration::ZERO;
        let mut last_person: Option<EntityId> = None;
        let mut group: Option<Group> = None;
        let mut titles_by_sentence: Vec<Vec<&TitleMention>> =
            vec![Vec::new(); self.sentences.len()];
        for t in self.titles {
            titles_by_sentence[t.sentence].push(t);
        }
        let descriptions = self.descriptions();
        let document_country = self.main_country();
        // read once: the variable cannot change during a run that is checked per sentence
        let debug_trees = std::env::var_os("ACTORGRAPH_DEBUG_TREES").is_some();
        for s in self.sentences {
            let (slots, plural) = self.slots_for(
                s,
                &titles_by_sentence[s.index],
                &mut last_person,
                &mut group,
            );
            let mut distinct: Vec<EntityId> = slots.iter().map(|x| x.entity).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < 2 {
                continue;
            }
            let n = s.tokens.len();
            let mut actors: Vec<Option<ActorAt>> = vec![None; n];
            let mut starts: Vec<Option<usize>> = vec![None; n];
            for slot in &slots {
                for i in slot.start..slot.end.min(n) {
                    actors[i] = Some(slot.actor_at());
                    starts[i] = Some(slot.start);
                }
            }
            let words: Vec<&str> = s.tokens.iter().map(|t| t.text).collect();
            let names = name_spans(&slots);
            let started = Instant::now();
            let mut tree = tree::Tree::parse_with_names(k.parser, &words, s.lower.clone(), &names);
            parsing += started.elapsed();
            tree.time_words_off_subjects(|w| k.language.is_time_word(w));
            let sentence = readers::Sentence {
                index: s.index,
                descriptions: &descriptions,
                document_country,
                tree: &tree,
                actors: &actors,
                mention_start: &starts,
                lang: &k.language,
                lex: &k.lexicon,
            };
            if debug_trees {
                self.print_tree(&sentence, &words);
            }
            acting.extend(readers::actors::owning_demonyms(&sentence));
            let mut found = readers::read(&sentence);
            if let (Some(p), Some(g)) = (plural.map(|p| &slots[p]), group.as_ref()) {
                // the plural pronoun stands for each member: read again with each other one
                for &(entity, kind) in g.members.iter().skip(1) {
                    let mut alt = actors.clone();
                    let member = ActorAt {
                        entity,
                        kind,
                        ..p.actor_at()
                    };
                    alt[p.start..p.end.min(n)].fill(Some(member));
                    found.extend(readers::read(&readers::Sentence {
                        actors: &alt,
                        ..sentence
                    }));
                }
            }
            let members = readers::actors::plural_subject(&sentence);
            if !members.is_empty() {
                group = Some(Group {
                    members: members.iter().map(|f| (f.entity, f.kind)).collect(),
                    sentence: s.index,
                });
            }
            bound_findings(&mut found);
            raw.extend(found.into_iter().map(|found| Raw {
                sentence: s.index,
                found,
            }));
        }
        (raw, acting, parsing)
    }

    /// Prints a parsed sentence's tree, its actors and what the readers find in it to
    /// standard error (`ACTORGRAPH_DEBUG_TREES`), for reading why an edge is or is not made.
    fn print_tree(&self, sentence: &readers::Sentence<'_>, words: &[&str]) {
        let (tree, actors) = (sentence.tree, sentence.actors);
        let mut dbg = String::new();
        for i in 0..tree.len() {
            let h = tree.head(i).map_or(0, |h| h + 1);
            let a = actors[i].map_or(String::new(), |a| {
                let flag = if a.demonym {
                    " dem"
                } else if a.modifier {
                    " mod"
                } else {
                    ""
                };
                format!("  <{}:{}{flag}>", self.entities[a.entity].name, a.kind)
            });
            dbg.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}{a}\n",
                i + 1,
                words[i],
                tree.lemma(i),
                tree.upos(i),
                h,
                tree.rel(i)
            ));
        }
        for f in readers::read(sentence) {
            dbg.push_str(&format!(
                "  => {} {} {} [{}] {:?} {:.2}\n",
                self.entities[f.subject].name,
                f.relation,
                self.entities[f.object].name,
                f.mode,
                f.verb,
                f.confidence
            ));
        }
        eprintln!("{dbg}");
    }

    /// The nouns that can stand for each actor in a definite description: the head word
    /// of its name ("the Commission"), its titles ("the president"), the nouns of its
    /// type ("the network" for media), at each of its mentions.
    fn descriptions(&self) -> readers::Descriptions {
        let lang = &self.knowledge.language;
        let mut d = readers::Descriptions::default();
        let type_nouns = |kind: EntityType| -> Option<&crate::language::WordList> {
            Some(match kind {
                EntityType::Media => &lang.media_nouns,
                EntityType::Organization => &lang.company_nouns,
                EntityType::PoliticalParty => &lang.party_nouns,
                EntityType::GovernmentBody => &lang.body_nouns,
                EntityType::Country => &lang.country_nouns,
                EntityType::Facility => &lang.facility_nouns,
                EntityType::Place => &lang.place_nouns,
                EntityType::Person => return None,
            })
        };
        for (mi, e) in self.assigned.iter() {
            let Some(e) = e else { continue };
            let m = &self.mentions[mi];
            if m.demonym {
                continue;
            }
            let ent = &self.entities[e];
            let actor = ActorAt {
                entity: e,
                kind: ent.kind,
                certainty: 1.0,
                modifier: false,
                demonym: false,
            };
            let words: Vec<&str> = ent.name.split_whitespace().collect();
            if words.len() > 1 && ent.kind != EntityType::Person {
                let head = words
                    .iter()
                    .position(|w| lang.prepositions.contains(&w.to_lowercase()))
                    .filter(|&p| p > 0)
                    .map_or(words[words.len() - 1], |p| words[p - 1]);
                d.add(head, m.sentence, m.start, actor);
            }
            for title in &ent.titles {
                if let Some(last) = title.split_whitespace().last() {
                    d.add(last, m.sentence, m.start, actor);
                }
            }
            if let Some(nouns) = type_nouns(ent.kind) {
                for n in nouns.iter() {
                    d.add_type_noun(n, m.sentence, m.start, actor);
                }
            }
        }
        d
    }

    /// The actors of one sentence in token order. A pronoun subject (`he`, `she`) stands
    /// for the last person named before it; a plural one (`they`), first among the
    /// sentence's actors, for the first member of a recent [`Group`], and its position in
    /// the slots is returned so that the others can be read in its place too.
    fn slots_for(
        &self,
        s: &Sentence<'_>,
        titles: &[&TitleMention],
        last_person: &mut Option<EntityId>,
        group: &mut Option<Group>,
    ) -> (Vec<Slot>, Option<usize>) {
        let (lang, entities) = (&self.knowledge.language, &self.entities);
        // modifiers of a named official ("US" in "US Ambassador X") act in no event; those of
        // a plural title ("Russian diplomats") stand for their country
        let modifiers: HashSet<MentionId> = titles
            .iter()
            .filter(|t| t.holder.is_some())
            .flat_map(|t| t.modifiers.iter().copied())
            .collect();
        let mut slots: Vec<Slot> = Vec::new();
        let named: Vec<(MentionId, &Mention)> = self.ranges[s.index]
            .clone()
            .map(MentionId)
            .map(|mi| (mi, &self.mentions[mi]))
            .collect();
        let mut next_named = 0;
        let mut plural = None;
        let mut sentence_subject: Option<EntityId> = None;
        let mut sentence_actor: Option<(EntityId, EntityType)> = None;
        // the end of the last named slot: a name inside it (the nickname of Jeremy "Spike"
        // Cohen) is a form of it, no slot of its own, so that slots never overlap
        let mut named_until = 0;
        for (i, tok) in s.tokens.iter().enumerate() {
            while next_named < named.len() && named[next_named].1.start < i {
                next_named += 1;
            }
            if i < named_until {
                continue;
            }
            if let Some(&(mi, m)) = named.get(next_named).filter(|(_, m)| m.start == i) {
                if let Some(e) = self.assigned[mi] {
                    named_until = m.end;
                    slots.push(Slot {
                        start: m.start,
                        end: m.end,
                        entity: e,
                        kind: entities[e].kind,
                        certainty: 1.0,
                        modifier: modifiers.contains(&mi),
                        demonym: m.demonym,
                        written: m.demonym
                            || mentions::is_party_adjective(&self.knowledge.lexicon, m),
                    });
                    // the first person of a sentence who is no object of a preposition is its
                    // subject, and the one a later "he" or "she" most likely means
                    let after_prep = i > 0 && lang.prepositions.contains(&s.lower[i - 1]);
                    if entities[e].kind == EntityType::Person
                        && sentence_subject.is_none()
                        && !after_prep
                    {
                        sentence_subject = Some(e);
                    }
                    if entities[e].kind != EntityType::Person
                        && sentence_actor.is_none()
                        && !after_prep
                        && !modifiers.contains(&mi)
                    {
                        sentence_actor = Some((e, entities[e].kind));
                    }
                }
                continue;
            }
            let lower = tok.text.to_lowercase();
            // "Switzerland said it had expelled ...": "it" is the state or body the sentence is about
            if lang.group_pronouns.contains(&lower) {
                if let Some((e, kind)) = sentence_actor {
                    slots.push(Slot {
                        start: i,
                        end: i + 1,
                        entity: e,
                        kind,
                        certainty: 0.7,
                        modifier: false,
                        demonym: false,
                        written: false,
                    });
                }
            }
            if lang.plural_pronouns.contains(&lower) && slots.is_empty() {
                if let Some(g) = group
                    .as_mut()
                    .filter(|g| s.index <= g.sentence + GROUP_REACH)
                {
                    let (entity, kind) = g.members[0];
                    g.sentence = s.index;
                    plural = Some(slots.len());
                    slots.push(Slot {
                        start: i,
                        end: i + 1,
                        entity,
                        kind,
                        certainty: 0.7,
                        modifier: false,
                        demonym: false,
                        written: false,
                    });
                }
            }
            if lang.person_pronouns.contains(&lower) {
                if let Some(e) = sentence_subject.or(*last_person) {
                    slots.push(Slot {
                        start: i,
                        end: i + 1,
                        entity: e,
                        kind: EntityType::Person,
                        certainty: 0.8,
                        modifier: false,
                        demonym: false,
                        written: false,
                    });
                }
            }
        }
        if sentence_subject.is_some() {
            *last_person = sentence_subject;
        }
        // a state or body named outside a prepositional phrase may be what a later "they"
        // means ("the Ministry ... they invited")
        if sentence_actor.is_some() && plural.is_none() {
            *group = None;
        }
        (slots, plural)
    }

    /// PART_OF from names ("Russian Foreign Ministry"), evidenced by the first sentence
    /// that names the part; the country is an actor even if only its demonym was written.
    fn part_of_relations(&mut self) -> Vec<Raw> {
        let lex = &self.knowledge.lexicon;
        let mut raw = Vec::new();
        for e in (0..self.entities.len()).map(EntityId) {
            let Some(g) = self.entities[e].part_of else {
                continue;
            };
            // a state's name before a body makes it the state's only when the body is one
            // of government ("German Foreign Ministry", not "German Society for Philosophy")
            if self.entities[e].kind != EntityType::GovernmentBody {
                continue;
            }
            let country = self
                .entities
                .iter()
                .position(|x| x.gaz == Some(g) && x.kind == EntityType::Country);
            let c = match country {
                Some(c) => EntityId(c),
                None => {
                    self.entities.push(Entity {
                        name: lex.entries[g].name.clone(),
                        kind: EntityType::Country,
                        gaz: Some(g),
                        forms: Vec::new(),
                        titles: Vec::new(),
                        mentions: 0,
                        demonym_only: false,
                        part_of: None,
                        guessed: false,
                    });
                    EntityId(self.entities.len() - 1)
                }
            };
            let sentence = self
                .assigned
                .first_mention(e)
                .map(|mi| self.mentions[mi].sentence)
                .unwrap_or(0);
            raw.push(Raw {
                sentence,
                found: Found::new(e, c, RelationKind::PartOf, "name".into(), 0.7),
            });
        }
        raw
    }

    /// The document's extraction: the entities that are named or that a relation uses,
    /// and one triple per (subject, relation, object, sentence), dated.
    fn build(self, raw: Vec<Raw>, acting: &HashSet<EntityId>) -> DocExtraction {
        let (doc, sentences, lang) = (self.doc, self.sentences, &self.knowledge.language);
        let used: HashSet<EntityId> = raw
            .iter()
            .flat_map(|r| {
                [
                    Some(r.found.subject),
                    Some(r.found.object),
                    r.found.reported_by,
                ]
            })
            .flatten()
            .collect();
        // a name nothing typed is kept only when it acts in a relation, with the type
        // the relations' frames imply (typing::settle)
        let mut acts: HashMap<EntityId, Vec<typing::Act>> = HashMap::new();
        for r in &raw {
            for (e, slot) in [
                (r.found.subject, typing::Slot::Subject),
                (r.found.object, typing::Slot::Object),
            ] {
                if self.entities[e.0].guessed {
                    acts.entry(e).or_default().push(typing::Act {
                        relation: r.found.relation,
                        verb: r.found.verb.clone(),
                        slot,
                    });
                }
            }
        }
        // EntityId → position in the extraction's entities
        let mut new_index: Vec<Option<usize>> = vec![None; self.entities.len()];
        let mut out_entities = Vec::new();
        for (e, ent) in self.entities.iter().enumerate() {
            if ent.demonym_only && !used.contains(&EntityId(e)) && !acting.contains(&EntityId(e)) {
                continue;
            }
            let mut kind = ent.kind;
            if ent.guessed {
                let acts = acts.get(&EntityId(e)).map_or(&[][..], Vec::as_slice);
                match typing::settle(acts, &typing::DefaultFrames) {
                    Some(k) => kind = k,
                    None => continue,
                }
            }
            new_index[e] = Some(out_entities.len());
            let mut aliases: Vec<String> = ent
                .forms
                .iter()
                .filter(|f| **f != ent.name)
                .cloned()
                .collect();
            aliases.sort();
            aliases.dedup();
            out_entities.push(DocEntity {
                name: ent.name.clone(),
                kind,
                aliases,
                titles: ent.titles.clone(),
                mentions: ent.mentions,
            });
        }
        let mut triples = Vec::new();
        let mut seen = HashSet::new();
        // one copy of each sentence's text, shared by all the evidence it gives
        let mut texts: Vec<Option<SharedText>> = vec![None; sentences.len()];
        let doc_id = SharedText::new(&doc.id);
        let shared = |s: &Option<String>| s.as_deref().map(SharedText::new);
        // each sentence's event date, found once for all the triples it gives
        let base = dates::article_date(doc.date.as_deref());
        let mut event_dates: Vec<Option<Option<String>>> = vec![None; sentences.len()];
        for r in raw {
            let (Some(s), Some(o)) = (new_index[r.found.subject.0], new_index[r.found.object.0])
            else {
                continue;
            };
            let Some(sent) = sentences.get(r.sentence) else {
                continue;
            };
            if !seen.insert((s, r.found.relation, r.found.mode, o, r.sentence)) {
                continue;
            }
            let date = event_dates[sent.index]
                .get_or_insert_with(|| dates::event_date(lang, &sent.tokens, &sent.lower, base))
                .clone();
            triples.push(Triple {
                subject: s,
                object: o,
                relation: r.found.relation,
                mode: r.found.mode,
                verb: r.found.verb,
                date,
                confidence: (r.found.confidence * 100.0).round() / 100.0,
                role: r.found.role,
                status: r.found.status,
                reported_by: r.found.reported_by.and_then(|e| new_index[e.0]),
                evidence: Evidence {
                    doc: doc_id.clone(),
                    sentence: Evidence::offset(sent.index),
                    start: Evidence::offset(sent.char_start),
                    end: Evidence::offset(sent.char_end),
                    text: texts[sent.index]
                        .get_or_insert_with(|| SharedText::new(sent.text(&doc.text)))
                        .clone(),
                    // set from the triple when the graph takes it in
                    date: None,
                    reported_by: None,
                },
            });
        }
        DocExtraction {
            info: DocumentInfo {
                id: doc_id,
                date: shared(&doc.date),
                title: shared(&doc.title),
                url: shared(&doc.url),
            },
            entities: out_entities,
            triples,
            sentences: sentences.len(),
            truncated_sentences: sentences.iter().filter(|s| s.truncated).count(),
            parsing: Spent::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_inside_a_name_is_part_of_the_name() {
        // found by fuzzing a user's gazetteer (issue 14): "It" inside a name became a
        // slot of its own, overlapping the name's, and the location rules panicked
        let mut k = Knowledge {
            language: crate::language::Language::builtin().unwrap(),
            lexicon: crate::lexicon::Lexicon::default(),
            parser: crate::syntax::shipped(),
        };
        k.lexicon
            .add_text(
                "user.tsv",
                "name\ttype\taliases\tcountry\nWhere It Goes\tOrganization\t\t\nSave Her Now\tOrganization\t\t\n",
            )
            .unwrap();
        k.lexicon
            .add_text(
                "countries.tsv",
                "name\taliases\tdemonyms\tcapital\tcode\nHungary\t\tHungarian\tBudapest\tHUN\n",
            )
            .unwrap();
        for text in [
            "Hungary criticized Where It Goes in Budapest.",
            "Hungary said Where It Goes and Save Her Now were in Budapest.",
        ] {
            let x = extract_document(&Document::from_text("t", text, None), &k);
            let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
            assert!(names.contains(&"Where It Goes"), "{text}: {names:?}");
        }
    }

    fn requests(text: &str) -> Vec<(String, String)> {
        let k = Knowledge::shared();
        let x = extract_document(&Document::from_text("t", text, Some("2024-05-08")), k);
        let mut v: Vec<(String, String)> = x
            .triples
            .iter()
            .filter(|t| t.relation == RelationKind::Request)
            .map(|t| {
                let name = |i: usize| x.entities[i].name.clone();
                (name(t.subject), name(t.object))
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn they_stands_for_each_of_a_recent_plural_subject() {
        let met = "Ann Linde and Pekka Haavisto met in Oslo on Monday.";
        let each = vec![
            ("Ann Linde".to_string(), "Russia".to_string()),
            ("Pekka Haavisto".to_string(), "Russia".to_string()),
        ];
        let near = format!("{met} The talks lasted hours. They called on Russia to leave.");
        assert_eq!(requests(&near), each);
        // too far from the group's sentence: "they" may be anyone
        let far = format!(
            "{met} The talks lasted. It rained. Nobody came. They called on Russia to leave."
        );
        assert_eq!(requests(&far), Vec::new());
        // not first among the sentence's actors: Russia is not the group
        let after = format!("{met} Moscow said they called on Russia to leave.");
        assert!(requests(&after).iter().all(|(s, _)| s != "Ann Linde"));
    }

    fn offices(text: &str) -> Vec<(String, String, Option<OfficeStatus>)> {
        let k = Knowledge::shared();
        let x = extract_document(&Document::from_text("t", text, Some("2024-05-08")), k);
        x.triples
            .iter()
            .filter(|t| t.relation == RelationKind::HoldsOffice)
            .map(|t| {
                let name = |i: usize| x.entities[i].name.clone();
                (name(t.subject), name(t.object), t.status)
            })
            .collect()
    }

    #[test]
    fn a_pope_holds_no_office_of_the_document_country() {
        // the document's country owns a state's office, not the pope's (data/titles.tsv)
        let text = "Pope Francis arrived in Brazil on Monday. Brazil welcomed the visit, \
                    and the Brazilian President Luiz Lula thanked Brazil.";
        let found = offices(text);
        assert!(found
            .iter()
            .any(|(p, c, _)| p == "Luiz Lula" && c == "Brazil"));
        assert!(
            found.iter().all(|(p, _, _)| !p.contains("Francis")),
            "{found:?}"
        );
    }

    #[test]
    fn the_people_listed_after_a_plural_title_hold_it_each() {
        let current = Some(OfficeStatus::Current);
        let both = vec![
            ("Paul Girard".into(), "France".into(), current),
            ("Anne Roy".into(), "France".into(), current),
        ];
        assert_eq!(
            offices("Two French senators, Paul Girard and Anne Roy, voted against it."),
            both
        );
        assert_eq!(
            offices("The French senators, Paul Girard, and Anne Roy."),
            both
        );
        // a list not closed after its names is no list of the title's holders
        assert_eq!(
            offices("French senators, Paul Girard said on Monday, voted."),
            vec![]
        );
    }

    #[test]
    fn a_party_adjective_before_a_state_office_gives_the_membership_and_the_office() {
        let k = Knowledge::shared();
        let text = "In France, Republican senator Anne Roy voted against it.";
        let x = extract_document(&Document::from_text("t", text, Some("2024-05-08")), k);
        let mut facts: Vec<(String, RelationKind, String)> = x
            .triples
            .iter()
            .map(|t| {
                let name = |i: usize| x.entities[i].name.clone();
                (name(t.subject), t.relation, name(t.object))
            })
            .collect();
        facts.sort();
        let fact = |r, o: &str| ("Anne Roy".to_string(), r, o.to_string());
        assert_eq!(
            facts,
            vec![
                fact(RelationKind::HoldsOffice, "France"),
                fact(RelationKind::MemberOf, "Republican Party"),
            ]
        );
    }

    #[test]
    fn a_nickname_inside_a_name_is_no_second_slot() {
        let k = Knowledge::shared();
        let text = "The party nominated podcast host Jeremy \"Spike\" Cohen in Boston on Monday.";
        let x = extract_document(&Document::from_text("t", text, Some("2024-05-08")), k);
        let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Jeremy Cohen"), "{names:?}");
        assert!(!names.contains(&"Spike"), "{names:?}");
    }

    #[test]
    fn a_titles_complement_may_stand_between_the_title_and_the_name() {
        let current = Some(OfficeStatus::Current);
        // "to" says where the office is held, not whose it is
        assert_eq!(
            offices("US Ambassador to Germany Richard Grenell spoke on Monday."),
            vec![("Richard Grenell".into(), "United States".into(), current)]
        );
        // "of" names the owner; the name after a comma ends its phrase
        assert_eq!(
            offices("The director of the International Monetary Fund, Jane Mbeki, said it."),
            vec![(
                "Jane Mbeki".into(),
                "International Monetary Fund".into(),
                current
            )]
        );
        // "of X's Y" is an office of Y
        assert_eq!(
            offices("The director of Kenya's International Monetary Fund, Jane Mbeki, said it."),
            vec![(
                "Jane Mbeki".into(),
                "International Monetary Fund".into(),
                current
            )]
        );
        // a list after the comma: the title is none of theirs
        assert_eq!(
            offices("The director of the International Monetary Fund, Jane Mbeki and Tom Ode met."),
            vec![]
        );
    }

    #[test]
    fn current_before_a_title_is_no_name() {
        assert_eq!(
            offices("Britain voted. Current Prime Minister Theresa May resigned."),
            vec![(
                "Theresa May".into(),
                "United Kingdom".into(),
                Some(OfficeStatus::Current)
            )]
        );
    }

    #[test]
    fn an_apposition_after_then_or_former_is_an_office_held_no_longer() {
        let former = Some(OfficeStatus::Former);
        assert_eq!(
            offices("Canada voted on Monday. Justin Trudeau, then the Prime Minister, spoke."),
            vec![("Justin Trudeau".into(), "Canada".into(), former)]
        );
        // "former" before the modifier, not right before the title
        assert_eq!(
            offices("Maria Souza, the former Brazilian foreign minister, spoke."),
            vec![("Maria Souza".into(), "Brazil".into(), former)]
        );
        assert_eq!(
            offices("Maria Souza, the Brazilian foreign minister, spoke."),
            vec![(
                "Maria Souza".into(),
                "Brazil".into(),
                Some(OfficeStatus::Current)
            )]
        );
    }
}
