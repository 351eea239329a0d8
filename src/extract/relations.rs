//! Relations read in one sentence: subject–verb–object with the verb lexicon (phrasal
//! particles, passives with "by", coordinated subjects and objects), nominal events
//! ("a meeting between X and Y", "US aid to Y"), locations ("Rawalpindi's Adiala jail",
//! "a jail in Rawalpindi", "Lahore, Pakistan") and detention ("held in ... jail").
//! Negated, modal and hypothetical verbs give no edge.

use super::entities::EntityId;
use crate::language::Language;
use crate::lexicon::Lexicon;
use crate::model::{EntityType, RelationKind};
use crate::text::Sentence;

/// An actor's place in a sentence: a token range and the entity it names.
#[derive(Clone, Debug)]
pub struct Slot {
    pub start: usize,
    pub end: usize,
    pub entity: EntityId,
    pub kind: EntityType,
    /// How sure we are this slot is that entity (1.0 for a name, less for a pronoun).
    pub certainty: f64,
    pub name: String,
    /// The slot modifies a title ("US" in "US Ambassador X"), so it acts in no event.
    pub modifier: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub subject: EntityId,
    pub object: EntityId,
    pub relation: RelationKind,
    pub verb: String,
    pub confidence: f64,
}

fn is_clause_break(t: &str) -> bool {
    matches!(
        t,
        ";" | ":" | "." | "?" | "!" | "\"" | "“" | "”" | "(" | ")" | "—" | "–"
    )
}

pub struct SentenceView<'s, 'a> {
    pub lang: &'s Language,
    pub sentence: &'s Sentence<'a>,
    pub lower: &'s [String],
    pub slots: Vec<Slot>,
}

impl SentenceView<'_, '_> {
    fn len(&self) -> usize {
        self.lower.len()
    }

    fn in_slot(&self, i: usize) -> bool {
        self.slots.iter().any(|s| s.start <= i && i < s.end)
    }

    /// The token before a slot, skipping determiners, is a preposition.
    fn prep_before(&self, slot: &Slot) -> Option<&str> {
        let mut i = slot.start;
        while i > 0 {
            i -= 1;
            let w = self.lower[i].as_str();
            if self.lang.determiners.contains(w) || self.lang.former.contains(w) {
                continue;
            }
            return self.lang.prepositions.contains(w).then_some(w);
        }
        None
    }

    fn possessive(&self, slot: &Slot) -> bool {
        self.lower
            .get(slot.end)
            .is_some_and(|w| w == "'s" || w == "’s")
    }

    fn has_break(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| is_clause_break(&self.lower[i]))
    }

    /// The subjects of a verb at `v`: the nearest actor to its left that is not the object
    /// of a preposition nor a possessive, with the actors coordinated with it.
    fn subjects(&self, v: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let cands: Vec<usize> = (0..self.slots.len())
            .filter(|&k| self.slots[k].end <= v)
            .collect();
        for &k in cands.iter().rev() {
            let s = &self.slots[k];
            if self.has_break(s.end, v) || v - s.end > 25 {
                break;
            }
            // "a group of Moroccan diplomats met ...": the group is its members
            let group_of = self.prep_before(s) == Some("of")
                && s.start >= 2
                && self.lang.group_of_nouns.contains(&self.lower[s.start - 2]);
            if s.modifier || (self.prep_before(s).is_some() && !group_of) {
                continue;
            }
            // "Sudan's government lifted ...": the possessor acts through its organ; any other
            // possessive ("Khan's security") is no subject
            // "Sudan's government lifted", "Taiwan's Vice Foreign Minister visited": the
            // possessor acts through its organ or unnamed official
            if self.possessive(s)
                && !(v - s.end <= 5
                    && self.lower[s.end + 1..v]
                        .iter()
                        .all(|w| w.chars().all(char::is_alphabetic)))
            {
                continue;
            }
            // "Pakistan, a key U.S. ally, has refused": skip back over an apposition
            let k = self.apposition_head(k).unwrap_or(k);
            out.push(k);
            // coordination: "X and Y met", "X, Y and Z met"
            // (titles and their modifiers may stand between: "Donald Trump and Turkish
            // President Recep Tayyip Erdoğan spoke")
            let mut cur = k;
            while let Some(p) = (0..cur).rev().find(|&p| !self.slots[p].modifier) {
                let prev = &self.slots[p];
                let between: Vec<&str> = (prev.end..self.slots[cur].start)
                    .filter(|&i| {
                        !self.sentence.tokens[i].is_capitalized()
                            && !self.slots[p + 1..cur]
                                .iter()
                                .any(|m| m.start <= i && i < m.end)
                    })
                    .map(|i| self.lower[i].as_str())
                    .collect();
                if matches!(between.as_slice(), ["and"] | [","] | [",", "and"])
                    && self.prep_before(prev).is_none()
                {
                    out.push(p);
                    cur = p;
                } else {
                    break;
                }
            }
            break;
        }
        out
    }

    /// For a slot inside ", a/an/the ... ," right after another actor, that actor.
    fn apposition_head(&self, k: usize) -> Option<usize> {
        let s = &self.slots[k];
        let c1 = (0..s.start).rev().find(|&i| self.lower[i] == ",")?;
        if s.start - c1 > 8
            || !self
                .lower
                .get(c1 + 1)
                .is_some_and(|w| self.lang.apposition_openers.contains(w))
        {
            return None;
        }
        self.slots.iter().position(|h| h.end == c1 && !h.modifier)
    }

    /// The subject of the sentence's first clause: for a verb coordinated with an earlier
    /// one ("X urged Y and spoke with Z").
    fn clause_subject(&self, v: usize) -> Vec<usize> {
        let first = self.slots.iter().position(|s| {
            s.end <= v && !s.modifier && self.prep_before(s).is_none() && !self.possessive(s)
        });
        match first {
            Some(k) if !self.has_break(self.slots[k].end, v) => vec![k],
            _ => Vec::new(),
        }
    }

    /// The objects after position `after`, with the actors coordinated with the first.
    fn objects(&self, after: usize, particle_last: Option<&str>, window: usize) -> Vec<usize> {
        let mut out = Vec::new();
        // "demanded that X ...": the object of a demand or charge follows "that"
        let after = if self.lower.get(after).is_some_and(|w| w == "that") {
            after + 1
        } else {
            after
        };
        for (k, s) in self.slots.iter().enumerate() {
            if s.start < after || s.modifier {
                continue;
            }
            if s.start - after > window
                || self.has_break(after, s.start)
                || self.lower[after..s.start].iter().any(|w| w == ",")
            {
                break;
            }
            if let Some(p) = self.prep_before(s) {
                let own = particle_last == Some(p) && s.start - after <= 2;
                if !own && p != "of" {
                    break;
                }
            }
            // no other preposition between verb and object: "agreed on borders in the Mediterranean"
            if self.lower[after..s.start].iter().enumerate().any(|(i, w)| {
                self.lang.prepositions.contains(w)
                    && w != "of"
                    && !(particle_last == Some(w.as_str()) && i + 1 == s.start - after)
            }) {
                break;
            }
            // "banned Iranian airline Mahan Air": a modifier before a common noun and a name
            let k = match self.slots.get(k + 1) {
                Some(t)
                    if t.start > s.end
                        && t.start - s.end <= 2
                        && self.lower[s.end..t.start].iter().all(|w| {
                            w.chars().all(char::is_lowercase)
                                && !self.lang.prepositions.contains(w)
                                && !self.lang.coordinators.contains(w)
                        }) =>
                {
                    k + 1
                }
                _ => k,
            };
            out.push(k);
            let mut cur = k;
            while cur + 1 < self.slots.len() {
                let next = &self.slots[cur + 1];
                let between: Vec<&str> = self.lower[self.slots[cur].end..next.start]
                    .iter()
                    .map(String::as_str)
                    .collect();
                // "X and leaders of the Y": a group named by its organisation is that organisation
                let group_of = matches!(between.as_slice(), ["and", g, "of"] | ["and", g, "of", "the"] if self.lang.group_nouns.contains(g) || self.lang.member_nouns.contains(g));
                if group_of
                    || matches!(
                        between.as_slice(),
                        ["and"] | [","] | [",", "and"] | ["and", "the"]
                    )
                {
                    out.push(cur + 1);
                    cur += 1;
                } else {
                    break;
                }
            }
            break;
        }
        out
    }

    /// True when the verb at `v` is negated or not asserted as having happened.
    fn not_asserted(&self, v: usize) -> bool {
        let from = v.saturating_sub(4);
        for i in (from..v).rev() {
            let w = self.lower[i].as_str();
            if is_clause_break(w)
                || w == ","
                || self.lang.coordinators.contains(w)
                || self.in_slot(i)
            {
                break;
            }
            // "to" marks an infinitive only right before its verb ("urged X to reconsider and spoke")
            if w == "to" && i + 1 < v && !self.lower[i + 1..v].iter().all(|x| x.ends_with("ly")) {
                continue;
            }
            if self.lang.negators.contains(w) || self.lang.modals.contains(w) {
                return true;
            }
        }
        false
    }
}

fn push(
    out: &mut Vec<Found>,
    view: &SentenceView<'_, '_>,
    s: usize,
    o: usize,
    relation: RelationKind,
    verb: String,
    confidence: f64,
) {
    let (a, b) = (&view.slots[s], &view.slots[o]);
    if a.entity == b.entity {
        return;
    }
    out.push(Found {
        subject: a.entity,
        object: b.entity,
        relation,
        verb,
        confidence: confidence * a.certainty.min(b.certainty),
    });
}

/// Who can take part in an event: not a building. A place may ("Beirut rejected", "aid
/// to Islamabad": a capital standing for its government).
fn is_actor(kind: EntityType) -> bool {
    !matches!(kind, EntityType::Facility)
}

/// "X said (that) Y must/should ...": a demand of X on Y (REQUEST).
fn reported_demands(view: &SentenceView<'_, '_>, out: &mut Vec<Found>) {
    for m in 0..view.len() {
        if !view.lang.obligation_modals.contains(&view.lower[m]) {
            continue;
        }
        // the object: the actor right before the modal, a group noun allowed ("British forces must")
        let Some(last) = view.slots.iter().rposition(|s| {
            s.end <= m
                && m - s.end <= 2
                && view.lower[s.end..m]
                    .iter()
                    .all(|w| view.lang.group_nouns.contains(w))
        }) else {
            continue;
        };
        let mut objects = vec![last];
        let mut cur = last;
        while cur > 0 {
            let prev = &view.slots[cur - 1];
            let between: Vec<&str> = view.lower[prev.end..view.slots[cur].start]
                .iter()
                .map(String::as_str)
                .collect();
            if matches!(between.as_slice(), ["and"] | [","] | [",", "and"]) {
                objects.push(cur - 1);
                cur -= 1;
            } else {
                break;
            }
        }
        let first = view.slots[cur].start;
        // the reporting verb just before the object (with "that", "on Tuesday" between)
        let Some(r) = (first.saturating_sub(6)..first)
            .rev()
            .find(|&i| view.lang.reporting_verbs.contains(&view.lower[i]))
        else {
            continue;
        };
        if view.has_break(r, first) {
            continue;
        }
        let verb = format!(
            "{} ... {}",
            view.sentence.tokens[r].text, view.sentence.tokens[m].text
        );
        for s in view.subjects(r) {
            for &o in &objects {
                push(out, view, s, o, RelationKind::Request, verb.clone(), 0.6);
            }
        }
    }
}

/// Event relations from the verb lexicon and nominal patterns.
pub fn events(lex: &Lexicon, view: &SentenceView<'_, '_>, out: &mut Vec<Found>) {
    reported_demands(view, out);
    let n = view.len();
    for v in 0..n {
        if view.in_slot(v) || !view.sentence.tokens[v].is_word() {
            continue;
        }
        let word = view.lower[v].as_str();
        if let Some(senses) = lex.verbs.get(word) {
            // the sense whose particle matches the most words
            let best = senses
                .iter()
                .filter(|s| {
                    s.particle
                        .iter()
                        .enumerate()
                        .all(|(k, p)| view.lower.get(v + 1 + k) == Some(p))
                })
                .max_by_key(|s| s.particle.len());
            // a verb form right after a determiner or preposition is an adjective or a noun
            // an -ing form is a verb only after a form of "be" ("is meeting"), else a noun or
            // adjective ("a press briefing", "the ruling party")
            let gerund_noun =
                word.ends_with("ing") && !(v > 0 && view.lang.be.contains(&view.lower[v - 1]));
            let adjectival = gerund_noun
                || (v > 0 && view.lower[v - 1].ends_with("ing") && view.lower[v - 1].len() > 4)
                || v > 0
                    && (view.lang.determiners.contains(&view.lower[v - 1])
                        || view.lang.prepositions.contains(&view.lower[v - 1]));
            if let Some(sense) = best.filter(|_| !adjectival) {
                if !view.not_asserted(v) {
                    let after = v + 1 + sense.particle.len();
                    let verb_text = view.sentence.tokens[v..after]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let mut b = v;
                    while b > 0
                        && (view.lower[b - 1].ends_with("ly")
                            || view.lang.verb_fillers.contains(&view.lower[b - 1]))
                    {
                        b -= 1;
                    }
                    let been = view.lower[b..v]
                        .iter()
                        .any(|w| view.lang.passive_be.contains(w));
                    let passive = sense.participle
                        && b > 0
                        && (view.lang.be.contains(&view.lower[b - 1]) || been)
                        && !sense.detention;
                    if passive {
                        let agent = view.slots.iter().position(|s| {
                            s.start > after.saturating_sub(1)
                                && s.start <= after + 8
                                && s.start > 0
                                && (view.lower[s.start - 1] == "by"
                                    // "by the Central Bureau of Investigation"
                                    || (s.start >= 2 && view.lower[s.start - 2] == "by" && view.lang.determiners.contains(&view.lower[s.start - 1]))
                                    // "condemned by members of the European Union"
                                    || (s.start >= 3 && view.lower[s.start - 1] == "of" && view.lower[s.start - 3] == "by")
                                    || (s.start >= 4 && view.lower[s.start - 1] == "the" && view.lower[s.start - 2] == "of" && view.lower[s.start - 4] == "by"))
                                && !view.has_break(after, s.start)
                        });
                        if let Some(a) = agent {
                            for p in view.subjects(b.saturating_sub(1)) {
                                push(out, view, a, p, sense.relation, verb_text.clone(), 0.75);
                            }
                        }
                    } else if sense.detention {
                        let objs =
                            view.objects(after, sense.particle.last().map(String::as_str), 4);
                        // "X, held in Y" / "the leader imprisoned in Y": the holder stands right before
                        let be_before = b > 0 && view.lang.be.contains(&view.lower[b - 1]);
                        let subjects: Vec<usize> = if be_before {
                            view.subjects(b)
                        } else {
                            view.slots
                                .iter()
                                .position(|s| {
                                    s.end == b || (s.end + 1 == b && view.lower[s.end] == ",")
                                })
                                .into_iter()
                                .collect()
                        };
                        for s in subjects {
                            for &o in &objs {
                                if view.slots[s].kind == EntityType::Person
                                    && !is_actor(view.slots[o].kind)
                                    || view.slots[o].kind == EntityType::Country
                                {
                                    push(
                                        out,
                                        view,
                                        s,
                                        o,
                                        RelationKind::DetainedIn,
                                        verb_text.clone(),
                                        0.75,
                                    );
                                }
                            }
                        }
                    } else {
                        let subjects = if b > 0 && view.lower[b - 1] == "and" {
                            view.clause_subject(b)
                        } else {
                            view.subjects(b)
                        };
                        if !subjects.is_empty() {
                            let mut objects =
                                view.objects(after, sense.particle.last().map(String::as_str), 8);
                            // "threatened to ban voting in East Jerusalem", "agreed to re-open its
                            // borders to UN peacekeepers": the target of an infinitive complement
                            let mut confidence = 0.8;
                            if objects.is_empty()
                                && sense.particle.is_empty()
                                && view.lower.get(after).is_some_and(|w| w == "to")
                                && !view.slots.iter().any(|s| s.start == after + 1)
                            {
                                if let Some(k) = view.slots.iter().position(|s| {
                                    s.start > after + 1
                                        && s.start <= after + 12
                                        && !s.modifier
                                        && !view.has_break(after, s.start)
                                        && !view.lower[after..s.start].iter().any(|w| {
                                            w == "," || view.lang.clause_openers.contains(w)
                                        })
                                }) {
                                    objects = vec![k];
                                    confidence = 0.6;
                                }
                            }
                            for &s in &subjects {
                                for &o in &objects {
                                    if is_actor(view.slots[s].kind) && is_actor(view.slots[o].kind)
                                    {
                                        push(
                                            out,
                                            view,
                                            s,
                                            o,
                                            sense.relation,
                                            verb_text.clone(),
                                            confidence,
                                        );
                                    }
                                }
                            }
                            // "Turkey and Libya agreed": a symmetric event between coordinated subjects
                            if objects.is_empty()
                                && subjects.len() >= 2
                                && sense.relation.is_symmetric()
                            {
                                for (k, &a) in subjects.iter().enumerate() {
                                    for &b in &subjects[k + 1..] {
                                        if is_actor(view.slots[a].kind)
                                            && is_actor(view.slots[b].kind)
                                        {
                                            push(
                                                out,
                                                view,
                                                b,
                                                a,
                                                sense.relation,
                                                verb_text.clone(),
                                                0.7,
                                            );
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some(nominals) = lex.nominals.get(word) {
            for nom in nominals {
                if view.lower.get(v + 1) != Some(&nom.preposition) {
                    continue;
                }
                let verb_text = format!(
                    "{} {}",
                    view.sentence.tokens[v].text,
                    view.sentence.tokens[v + 1].text
                );
                if nom.preposition == "between" {
                    let objs = view.objects(v + 2, Some("between"), 3);
                    if objs.len() >= 2 && is_actor(view.slots[objs[0]].kind) {
                        for &o in &objs[1..] {
                            if is_actor(view.slots[o].kind) {
                                push(out, view, objs[0], o, nom.relation, verb_text.clone(), 0.7);
                            }
                        }
                    }
                    continue;
                }
                // the actor right before the noun, adjectives allowed: "US economic aid to"
                let subject = view.slots.iter().rposition(|s| {
                    s.end <= v
                        && s.end + 3 >= v
                        && view.lower[s.end..v].iter().all(|w| {
                            w == "'s"
                                || w == "’s"
                                || (w.chars().all(char::is_alphabetic)
                                    && !view.lang.prepositions.contains(w)
                                    && !view.lang.determiners.contains(w)
                                    && !lex.verbs.contains_key(w))
                        })
                });
                let objects = view.objects(v + 2, Some(nom.preposition.as_str()), 3);
                // "Israel mounted its invasion of X": the owner of "its" is the clause's subject
                let subject = subject.or_else(|| {
                    let owner = (v.saturating_sub(3)..v)
                        .find(|&i| view.lang.possessive_determiners.contains(&view.lower[i]))?;
                    view.subjects(owner).first().copied()
                });
                if let Some(s) = subject {
                    for &o in &objects {
                        if is_actor(view.slots[s].kind)
                            && view.slots[o].kind != EntityType::Facility
                        {
                            push(out, view, s, o, nom.relation, verb_text.clone(), 0.7);
                        }
                    }
                }
            }
        }
    }
}

/// LOCATED_IN and DETAINED_IN read from the shape of names and prepositions.
pub fn locations(lex: &Lexicon, view: &SentenceView<'_, '_>, out: &mut Vec<Found>) {
    use EntityType::*;
    let slots = &view.slots;
    for k in 0..slots.len() {
        let a = &slots[k];
        if let Some(b) = slots.get(k + 1) {
            let between: Vec<&str> = view.lower[a.end..b.start]
                .iter()
                .map(String::as_str)
                .collect();
            // "Rawalpindi's Adiala jail"
            if matches!(between.as_slice(), ["'s"] | ["’s"])
                && matches!(a.kind, Place | Country)
                && matches!(b.kind, Place | Facility)
            {
                push(
                    out,
                    view,
                    k + 1,
                    k,
                    RelationKind::LocatedIn,
                    "'s".into(),
                    0.8,
                );
            }
            // "Lahore, Pakistan" and "Adiala jail, Rawalpindi"
            if between == [","]
                && ((matches!(a.kind, Place) && b.kind == Country)
                    || (a.kind == Facility && matches!(b.kind, Place | Country)))
            {
                let list_follows = slots.get(k + 2).is_some_and(|c| {
                    matches!(
                        view.lower[b.end..c.start]
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>()
                            .as_slice(),
                        [","] | ["and"] | [",", "and"]
                    )
                });
                let list_before = k > 0
                    && view.lower[slots[k - 1].end..a.start]
                        .iter()
                        .all(|w| w == "," || w == "and");
                if !list_follows && !list_before {
                    push(
                        out,
                        view,
                        k,
                        k + 1,
                        RelationKind::LocatedIn,
                        ",".into(),
                        0.7,
                    );
                }
            }
            // "a jail in Rawalpindi"
            if matches!(between.as_slice(), ["in"] | ["in", "the"])
                && a.kind == Facility
                && matches!(b.kind, Place | Country)
            {
                push(
                    out,
                    view,
                    k,
                    k + 1,
                    RelationKind::LocatedIn,
                    "in".into(),
                    0.7,
                );
            }
        }
        // a person "in" a place of detention: "Khan, who ..., is in Rawalpindi's Adiala jail"
        if a.kind == Facility
            && lex
                .detention_words
                .iter()
                .any(|w| a.name.to_lowercase().split_whitespace().any(|x| x == w))
        {
            // walk back over "X's" to the preposition
            let mut start = a.start;
            if k > 0 && view.possessive(&slots[k - 1]) && slots[k - 1].end + 1 == a.start {
                start = slots[k - 1].start;
            }
            let mut p = start;
            while p > 0 && view.lang.determiners.contains(&view.lower[p - 1]) {
                p -= 1;
            }
            if p > 0
                && view
                    .lang
                    .detention_prepositions
                    .contains(&view.lower[p - 1])
                && !view.not_asserted(p - 1)
            {
                if let Some(person) = slots[..k].iter().position(|s| {
                    s.kind == Person
                        && !s.modifier
                        && view.prep_before(s).is_none()
                        && !view.possessive(s)
                }) {
                    let verb = view.sentence.tokens[p - 1].text.to_string();
                    push(out, view, person, k, RelationKind::DetainedIn, verb, 0.6);
                }
            }
        }
    }
}
