//! Events from predicate–argument structure. Every verb and event noun of
//! `data/frames.tsv` is a predicate; its frames say where its target stands. The source
//! of a verb is its subject, or the agent of a passive ("was joined by X"), or the
//! subject it shares: a coordinated verb's ("condemned and sanctioned"), a controlled
//! complement's ("agreed to provide": the one who agreed; "urged Iran to release": the
//! one urged), a participial adjunct's ("…, blaming Hamas": the main clause's), a relative
//! clause's antecedent ("Hamas, which attacked Israel"). The source of an event noun is
//! its owner ("Iran's cooperation", "US aid", "Canadian sanctions", "an attack by Hamas")
//! or the subject of the light verb it is the object of ("held talks with"); "between"
//! makes its coordinated actors act on each other. The mode comes from [`modes`]; an
//! intended cooperative event is an AGREE, an intended hostile one a THREATEN
//! (`data/intents.tsv`); the complement of "refused to" is a REJECT of its target.
//! Evaluative speech: a naming verb with a pejorative label accuses the one labelled
//! ("named X as terrorists"); a doer noun acts through the actor it describes ("X, a
//! critic of Y"); a stance on an act is a stance on its owner ("attacked Y's decision").
//!
//! [`modes`]: super::modes

use super::actors::{self, Filler};
use super::{modes, reports, Found, Sentence};
use crate::lexicon::{Frame, FramePos, Target};
use crate::model::{Mode, RelationKind};
use crate::syntax::{Deprel, Upos};

/// Confidence of each way of finding a source, before the ends' own certainty.
const ACTIVE: f64 = 0.8;
const PASSIVE: f64 = 0.75;
const SHARED_SUBJECT: f64 = 0.65;
const NOMINAL: f64 = 0.7;
/// Coordinated subjects acting on each other ("X and Y met"), relative to the subject's.
const COORDINATED: f64 = 0.9;
/// A target reached through the act's own phrase ("action against X").
const INDIRECT: f64 = 0.8;

/// How many levels of shared subjects are followed ("agreed to try to meet").
const MAX_CHAIN: usize = 6;
/// How deep phrases on phrases are read for the target of an act ("an offensive in its
/// war with Iraq").
const MAX_PHRASE_DEPTH: usize = 3;

/// The events of every predicate of the sentence.
pub fn read(s: &Sentence<'_>, out: &mut Vec<Found>) {
    for p in 0..s.tree.len() {
        match s.tree.upos(p) {
            // "called X a terrorist" labels X: no call, whatever the verb's frames
            Upos::Verb if label_events(s, p, out) => {}
            Upos::Verb => {
                verb_events(s, p, out);
                answered_requests(s, p, out);
                addressed_request(s, p, out);
            }
            Upos::Noun if s.actors[p].is_none() => noun_events(s, p, out),
            _ => {}
        }
    }
    let mut refused = Vec::new();
    for g in 0..s.tree.len() {
        complement_events(s, g, &mut refused);
    }
    for f in refused {
        let known = out
            .iter()
            .any(|o| (o.subject, o.object, o.relation) == (f.subject, f.object, f.relation));
        if !known {
            out.push(f);
        }
    }
}

/// "threatened to institute a curfew in Algiers", "refused to deploy peacekeepers in
/// Iraq": a threat or a refusal is aimed at the actors its complement acts on, whatever
/// that complement's verb (PLOVER codes the threat, not the threatened act); a threat on
/// a condition ("… unless Baghdad accepted") is aimed at the condition's subject too.
fn complement_events(s: &Sentence<'_>, g: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    if !matches!(t.upos(g), Upos::Verb) {
        return;
    }
    // the verb itself threatens ("threatened to", not "vowed revenge"), and names no
    // target of its own ("warned Iran to stop" warns Iran)
    let threat = s.has_frame(FramePos::Verb, g, |f| {
        f.relation == RelationKind::Threaten && f.object.is_empty()
    });
    if !threat && !s.lang.refusal_verbs.contains(t.lemma(g)) || t.has_child(g, Deprel::Obj) {
        return;
    }
    for c in t.children(g).iter().copied() {
        if t.upos(c) != Upos::Verb
            || modes::complement_governor(s, c) != Some(g)
            || modes::own_mode(s, c) == Some(Mode::Negated)
        {
            continue;
        }
        let mut targets = Vec::new();
        clause_actors(s, c, &mut targets);
        if threat {
            // the condition may stand on a complement of the complement ("threatened to
            // stop negotiations to reduce weapons if the United States goes ahead")
            let mut chain = vec![g, c];
            while let Some(x) = chain
                .last()
                .and_then(|&x| t.children_by(x, &[Deprel::Xcomp]).next())
                .filter(|x| !chain.contains(x) && chain.len() <= MAX_CHAIN)
            {
                chain.push(x);
            }
            for v in chain {
                for cond in modes::threat_conditions(s, v, true) {
                    for x in t.children_by(cond, &[Deprel::Nsubj]) {
                        targets.extend(actors::of(s, x));
                    }
                }
            }
        }
        let src = sources(s, g, 0);
        let verb = t.lower(c).to_string();
        push_all(
            s,
            c,
            &src.fillers,
            &targets,
            RelationKind::Threaten,
            &verb,
            src.confidence * INDIRECT,
            out,
        );
    }
}

/// The actors a clause acts on: those of its objects and prepositional phrases, and of
/// the phrases on them ("launch an offensive in its war with Iraq"), not of the clauses
/// inside it. An object that is an actor is the one acted on: the phrases beside it are
/// circumstances ("refuse to recognize Macedonia on Greece's border" is no refusal of
/// Greece).
fn clause_actors(s: &Sentence<'_>, c: usize, out: &mut Vec<Filler>) {
    let t = s.tree;
    let object_is_actor = t
        .children_by(c, &[Deprel::Obj, Deprel::Iobj])
        .any(|w| !actors::of(s, w).is_empty());
    let rels: &[Deprel] = if object_is_actor {
        &[Deprel::Obj, Deprel::Iobj]
    } else {
        &[Deprel::Obj, Deprel::Iobj, Deprel::Obl]
    };
    let mut at: Vec<usize> = t
        .children_by(c, rels)
        .filter(|&w| t.case_words(w).as_slice() != ["by"])
        .collect();
    for _ in 0..MAX_PHRASE_DEPTH {
        let mut next = Vec::new();
        for w in at {
            out.extend(actors::of(s, w));
            next.extend(t.children_by(w, &[Deprel::Nmod]));
        }
        at = next;
    }
}

/// The verb threatens: one of its frames is a THREATEN.
fn is_threat(s: &Sentence<'_>, g: usize) -> bool {
    s.has_frame(FramePos::Verb, g, |f| f.relation == RelationKind::Threaten)
}

/// Sources found for a predicate, with how they were found.
struct Sources {
    fillers: Vec<Filler>,
    confidence: f64,
}

/// The source of verb `v`: its subject (the agent of a passive), or a shared one.
pub fn subjects(s: &Sentence<'_>, v: usize) -> Vec<Filler> {
    sources(s, v, 0).fillers
}

fn sources(s: &Sentence<'_>, v: usize, depth: usize) -> Sources {
    let t = s.tree;
    let none = Sources {
        fillers: Vec::new(),
        confidence: 0.0,
    };
    if is_passive(s, v) {
        let mut fillers = Vec::new();
        for c in t.children(v).iter().copied() {
            let agent = t.rel(c) == Deprel::OblAgent
                || (t.rel(c) == Deprel::Obl && t.case_words(c).as_slice() == ["by"]);
            if agent {
                fillers.extend(actors::of(s, c));
            }
        }
        return Sources {
            fillers,
            confidence: PASSIVE,
        };
    }
    let mut fillers = Vec::new();
    // "it is willing to withdraw" is sometimes parsed with "it" as an expletive: an
    // expletive the document resolves to an actor is that actor
    for c in t.children_by(v, &[Deprel::Nsubj, Deprel::NsubjOuter, Deprel::Expl]) {
        fillers.extend(actors::of(s, c));
    }
    if !fillers.is_empty() {
        return Sources {
            fillers,
            confidence: ACTIVE,
        };
    }
    if let Some(stray) = stray_subject(s, v) {
        return Sources {
            fillers: actors::of(s, stray),
            confidence: SHARED_SUBJECT,
        };
    }
    if t.children_by(v, &[Deprel::Nsubj, Deprel::NsubjOuter, Deprel::Expl])
        .next()
        .is_some()
        || depth >= MAX_CHAIN
    {
        // a subject that names no actor ("the talks failed") is not replaced by another
        return none;
    }
    let Some(g) = t.head(v) else {
        return none;
    };
    let rel = match modes::complement_governor(s, v) {
        Some(_) => Deprel::Xcomp,
        None => t.rel(v),
    };
    let inherited = match rel {
        Deprel::Conj => {
            // "urged the embassy to reconsider and spoke with X": a finite verb is not
            // coordinated with an infinitive, whatever the parse says
            match modes::finite_after_infinitive(s, v) {
                Some(g) => sources(s, g, depth + 1).fillers,
                None => sources(s, t.first_conjunct(v), depth + 1).fillers,
            }
        }
        Deprel::Xcomp => {
            // object control ("urged Iran to release"), else subject control
            let objects: Vec<usize> = t.children_by(g, &[Deprel::Obj, Deprel::Iobj]).collect();
            let mut f = Vec::new();
            for o in &objects {
                f.extend(actors::of(s, *o));
            }
            if objects.is_empty() {
                sources(s, g, depth + 1).fillers
            } else {
                f
            }
        }
        Deprel::Advcl if matches!(t.upos(g), Upos::Verb | Upos::Aux) => {
            sources(s, g, depth + 1).fillers
        }
        Deprel::AclRelcl | Deprel::Acl => match actors::of(s, g) {
            own if own.is_empty() => message_author(s, v, g, depth),
            own => own,
        },
        _ => Vec::new(),
    };
    Sources {
        fillers: inherited,
        confidence: SHARED_SUBJECT,
    }
}

/// The subject the parser hung on a clause inside `v`'s: "Khan, who was removed …, is
/// hanging out in jail" is often parsed with both "Khan" and "who" as subjects of
/// "removed". A clause with a relative pronoun subject and a name before it gives the name
/// back to the verb that has no subject.
fn stray_subject(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let t = s.tree;
    const SUBJECTS: &[Deprel] = &[Deprel::Nsubj, Deprel::NsubjPass];
    if t.children_by(v, SUBJECTS).next().is_some() {
        return None;
    }
    t.children_by(
        v,
        &[
            Deprel::Advcl,
            Deprel::AclRelcl,
            Deprel::Acl,
            Deprel::Parataxis,
        ],
    )
    .find_map(|c| {
        let subjects: Vec<usize> = t.children_by(c, SUBJECTS).collect();
        let relative = subjects
            .iter()
            .position(|&x| matches!(t.lower(x), "who" | "which" | "that"))?;
        let name = subjects[..relative]
            .iter()
            .copied()
            .find(|&x| actors::named(s, x).is_some())?;
        (name < v).then_some(name)
    })
}

/// A passive verb: a passive auxiliary or subject, or an agent ("the coalition led by
/// X" has neither auxiliary nor subject).
fn is_passive(s: &Sentence<'_>, v: usize) -> bool {
    s.tree.is_passive(v) || s.tree.has_child(v, Deprel::OblAgent)
}

/// The word of `v` that a frame's object names ("troops" of "sent troops to").
fn object_noun(s: &Sentence<'_>, v: usize, frame: &Frame) -> Option<Option<usize>> {
    if frame.object.is_empty() {
        return Some(None);
    }
    let t = s.tree;
    let rels: &[Deprel] = if is_passive(s, v) {
        &[Deprel::NsubjPass]
    } else {
        &[Deprel::Obj]
    };
    // "providing photographs and other intelligence to X": any conjunct of the object
    t.children_by(v, rels)
        .flat_map(|o| t.conjuncts(o))
        .find(|&o| frame.object.iter().any(|w| t.is_noun_form(o, w)))
        .map(Some)
}

/// The particles of a frame ("out" of "pull out") stand on the verb.
fn particles_on_verb(s: &Sentence<'_>, v: usize, frame: &Frame) -> bool {
    let t = s.tree;
    frame.particle.iter().all(|p| {
        t.children_by(v, &[Deprel::CompoundPrt, Deprel::Advmod, Deprel::Obl])
            .any(|c| t.lower(c) == p)
    })
}

/// A phrase matches a frame's prepositions, its particles standing either on the verb
/// or before the prepositions ("pulled out of": `out` and `of` are both case markers).
fn phrase_matches(s: &Sentence<'_>, v: usize, phrase: usize, frame: &Frame) -> bool {
    let preps = frame.target.prepositions();
    let t = s.tree;
    if t.introduced_by(phrase, preps) && particles_on_verb(s, v, frame) {
        return true;
    }
    if frame.particle.is_empty() {
        return false;
    }
    let words = t.case_words(phrase);
    let expected: Vec<&str> = frame
        .particle
        .iter()
        .chain(preps)
        .map(String::as_str)
        .collect();
    words == expected
}

/// The words of the target phrases of a verb's frame.
fn verb_targets(s: &Sentence<'_>, v: usize, frame: &Frame, object: Option<usize>) -> Vec<usize> {
    let t = s.tree;
    let passive = is_passive(s, v);
    match &frame.target {
        Target::Obj => {
            if !particles_on_verb(s, v, frame) {
                return Vec::new();
            }
            let rels: &[Deprel] = if passive {
                &[Deprel::NsubjPass]
            } else {
                &[Deprel::Obj]
            };
            let mut found: Vec<usize> = t.children_by(v, rels).collect();
            if found.is_empty() && !passive {
                // "accused the United States of ...": an object parsed as indirect
                found.extend(t.children_by(v, &[Deprel::Iobj]));
            }
            if found.is_empty() && !passive {
                // "condemned and sanctioned Israel": the object after the last conjunct
                // belongs to every verb before it
                found.extend(shared_object(s, v));
            }
            if !passive && !found.iter().any(|&o| !actors::of(s, o).is_empty()) {
                found.extend(examples_of_object(s, v, &found));
            }
            if found.is_empty() && passive && matches!(t.rel(v), Deprel::Acl | Deprel::AclRelcl) {
                // "the coalition (which was) joined by X": the noun the participle modifies
                found.extend(t.head(v));
            }
            found
        }
        Target::Iobj if !passive => {
            let mut found: Vec<usize> = t.children_by(v, &[Deprel::Iobj]).collect();
            if found.is_empty() {
                // "Qatar sent Gaza fuel" parsed as a compound: a name before the thing
                // given is its recipient ("Ukraine aid")
                found.extend(object.into_iter().flat_map(|o| {
                    t.children_by(o, &[Deprel::Compound])
                        .filter(|&c| actors::named(s, c).is_some())
                        .collect::<Vec<_>>()
                }));
            }
            found
        }
        Target::Iobj => Vec::new(),
        Target::Clause => t
            .children_by(v, &[Deprel::Ccomp])
            .flat_map(|c| {
                t.children_by(c, &[Deprel::Nsubj, Deprel::NsubjPass])
                    .collect::<Vec<_>>()
            })
            .collect(),
        Target::Obl(_) => {
            let mut found: Vec<usize> = t
                .children_by(v, &[Deprel::Obl, Deprel::OblUnmarked])
                .filter(|&c| phrase_matches(s, v, c, frame))
                .collect();
            // the phrase attached to the object noun: "sent troops to X"
            let holders: Vec<usize> = match object {
                Some(o) => vec![o],
                None => t.children_by(v, &[Deprel::Obj]).collect(),
            };
            for o in holders {
                found.extend(
                    t.children_by(o, &[Deprel::Nmod])
                        .filter(|&c| phrase_matches(s, v, c, frame)),
                );
            }
            found
        }
        Target::Nmod(_) => Vec::new(),
    }
}

/// "issued a declaration demanding that …", "sent a letter urging X to …": a participle on
/// the object noun of a light verb is said by that verb's subject (an infinitive is not:
/// "has a lawsuit to prevent …" does not say who prevents).
fn message_author(s: &Sentence<'_>, clause: usize, noun: usize, depth: usize) -> Vec<Filler> {
    let t = s.tree;
    if t.has_child(clause, Deprel::Mark) || t.has_child(clause, Deprel::Nsubj) {
        return Vec::new();
    }
    match t.head(noun) {
        Some(g)
            if t.rel(noun) == Deprel::Obj
                && t.upos(g) == Upos::Verb
                && s.lang.light_verbs.contains(t.lemma(g)) =>
        {
            sources(s, g, depth + 1).fillers
        }
        _ => Vec::new(),
    }
}

/// "encouraged allies such as Germany to …": the actors an object that names none is
/// exemplified by, whether the parser hung the such-as phrase on the object or on the verb.
fn examples_of_object(s: &Sentence<'_>, v: usize, objects: &[usize]) -> Vec<usize> {
    let t = s.tree;
    let such_as = |c: &usize| t.case_words(*c).as_slice() == ["such", "as"];
    let mut out: Vec<usize> = objects
        .iter()
        .flat_map(|&o| t.children_by(o, &[Deprel::Nmod]).collect::<Vec<_>>())
        .filter(such_as)
        .collect();
    if let Some(&first) = objects.first() {
        // on the verb, right after its object
        out.extend(
            t.children_by(v, &[Deprel::Obl])
                .filter(|&c| c > first)
                .filter(such_as),
        );
    }
    out
}

/// "the Queen complied with the request of Boris Johnson", "Russia granted Ukraine's
/// request": the owner of a request a verb of `grant_verb` grants asked its subject.
fn answered_requests(s: &Sentence<'_>, v: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    if !s.lang.grant_verbs.contains(t.lemma(v)) || is_passive(s, v) {
        return;
    }
    for w in t.children_by(v, &[Deprel::Obj, Deprel::Obl]) {
        let asks = t.upos(w) == Upos::Noun
            && s.has_frame(FramePos::Noun, w, |f| f.relation == RelationKind::Request);
        if !asks {
            continue;
        }
        let mut owners = actors::owners_of_anything(s, w);
        owners.extend(by_phrase(s, w));
        let addressees = subjects(s, v);
        let verb = t.lower(w).to_string();
        push_all(
            s,
            w,
            &owners,
            &addressees,
            RelationKind::Request,
            &verb,
            NOMINAL,
            out,
        );
    }
}

/// "X wrote to Y asking to waive …": a request verb with no object of its own, the
/// complement of a verb of saying, asks the one that verb addresses with "to".
fn addressed_request(s: &Sentence<'_>, v: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    let Some(g) = t.head(v) else {
        return;
    };
    let asks = s.has_frame(FramePos::Verb, v, |f| {
        f.relation == RelationKind::Request && f.target == Target::Obj
    });
    if !asks
        || !matches!(t.rel(v), Deprel::Ccomp | Deprel::Advcl | Deprel::Xcomp)
        || t.upos(g) != Upos::Verb
        || !s.lang.report_verbs.contains(t.lemma(g))
        || t.children_by(v, &[Deprel::Obj, Deprel::Iobj, Deprel::Nsubj])
            .next()
            .is_some()
    {
        return;
    }
    let to = ["to".to_string()];
    let addressees: Vec<Filler> = t
        .children_by(g, &[Deprel::Obl])
        .filter(|&c| t.introduced_by(c, &to))
        .flat_map(|c| actors::of(s, c))
        .collect();
    let src = sources(s, g, 0);
    let verb = format!("{} to … {}", t.lower(g), t.lower(v));
    push_all(
        s,
        v,
        &src.fillers,
        &addressees,
        RelationKind::Request,
        &verb,
        src.confidence * SHARED_SUBJECT / ACTIVE,
        out,
    );
}

/// The object of the verb coordinated right after `v`, when `v` has none of its own
/// and the object follows that conjunct ("condemned and sanctioned Israel").
fn shared_object(s: &Sentence<'_>, v: usize) -> Vec<usize> {
    let t = s.tree;
    if t.children_by(v, &[Deprel::Obj, Deprel::Ccomp, Deprel::Xcomp])
        .next()
        .is_some()
    {
        return Vec::new();
    }
    t.children_by(v, &[Deprel::Conj])
        .filter(|&c| t.upos(c) == Upos::Verb && !is_passive(s, c))
        .take(1)
        .flat_map(|c| {
            t.children_by(c, &[Deprel::Obj])
                .filter(move |&o| o > c)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A verb's events, one per (source, target) of each frame that fits.
fn verb_events(s: &Sentence<'_>, v: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    let frames = s.frames(FramePos::Verb, v);
    if frames.is_empty() {
        return;
    }
    let src = sources(s, v, 0);
    // a frame that names the object ("offered condolences to") wins over one that does
    // not ("offered X to") for the same target phrase
    let mut matched_slots: Vec<&Target> = Vec::new();
    let mut any_target = false;
    let (with_object, without): (Vec<&Frame>, Vec<&Frame>) =
        frames.iter().partition(|f| !f.object.is_empty());
    for frame in with_object.into_iter().chain(without) {
        let Some(object) = object_noun(s, v, frame) else {
            continue;
        };
        if frame.object.is_empty() && matched_slots.contains(&&frame.target) {
            continue;
        }
        let phrases = verb_targets(s, v, frame, object);
        let mut targets: Vec<Filler> = phrases.iter().flat_map(|&w| actors::of(s, w)).collect();
        if targets.is_empty() && takes_stance(frame.relation) {
            // "will support Turkey's bid": the bid stands for Turkey
            targets = phrases
                .iter()
                .flat_map(|&w| stance_owners(s, v, w))
                .collect();
        }
        let mut confidence = src.confidence;
        if targets.is_empty()
            && frame.target == Target::Obj
            && aims_at(frame.relation)
            && !holds_own_event(s, v, &phrases)
        {
            // "threatened further action against Russia": the act's own target
            targets = phrases
                .iter()
                .flat_map(|&w| aimed_at(s, w, frame.relation))
                .collect();
            confidence *= INDIRECT;
        }
        if targets.is_empty() {
            continue;
        }
        any_target = true;
        if !frame.object.is_empty() {
            matched_slots.push(&frame.target);
        }
        let verb = verb_words(s, v, frame, object);
        if frame.relation == RelationKind::DetainedIn {
            // the detainee is the verb's object (the subject of a passive)
            let held: Vec<Filler> = detainees(s, v);
            push_all(s, v, &held, &targets, frame.relation, &verb, PASSIVE, out);
            continue;
        }
        push_all(
            s,
            v,
            &src.fillers,
            &targets,
            frame.relation,
            &verb,
            confidence,
            out,
        );
    }
    // "Finland and Estonia met", "Egypt and Greece signed an agreement": the coordinated
    // subjects of a symmetric verb act on each other when it names no other party
    if !any_target && src.fillers.len() >= 2 {
        if let Some(frame) = frames.iter().find(|f| f.relation.is_symmetric()) {
            let verb = t.lower(v).to_string();
            for (i, a) in src.fillers.iter().enumerate() {
                for b in &src.fillers[i + 1..] {
                    push_all(
                        s,
                        v,
                        std::slice::from_ref(a),
                        std::slice::from_ref(b),
                        frame.relation,
                        &verb,
                        src.confidence * COORDINATED,
                        out,
                    );
                }
            }
        }
    }
}

/// "named the PKK and the YPG as terrorists", "called Hamas a terrorist group", "was
/// branded a traitor by X": a naming verb (`naming_verb`) gives its objects a label; a
/// pejorative one (`pejorative_noun`, the label's head or a word before it: "a criminal
/// regime") accuses them, or the owners of the act or stance labelled ("called Iran's
/// policy criminal"). True when the verb gives a label at all: then it is no call, and
/// its own frames are not read ("called X a friend" is no CONSULT).
fn label_events(s: &Sentence<'_>, v: usize, out: &mut Vec<Found>) -> bool {
    let t = s.tree;
    if !s.lang.naming_verbs.contains(t.lemma(v)) {
        return false;
    }
    let passive = is_passive(s, v);
    let object_rels: &[Deprel] = if passive {
        &[Deprel::NsubjPass]
    } else {
        &[Deprel::Obj, Deprel::Iobj, Deprel::Xcomp]
    };
    let is_label_word = |w: usize| {
        matches!(t.upos(w), Upos::Noun | Upos::Propn | Upos::Adj) && actors::of(s, w).is_empty()
    };
    let as_phrases = |w: usize| -> Vec<usize> {
        t.children_by(w, &[Deprel::Obl, Deprel::Nmod, Deprel::Xcomp])
            .filter(|&c| t.case_words(c).as_slice() == ["as"])
            .collect()
    };
    let mut objects: Vec<usize> = t.children_by(v, object_rels).collect();
    // the label: a small clause's predicate ("called X a terrorist": xcomp, or obj after
    // an iobj), an as-phrase on the verb or on an object ("named X as terrorists")
    let mut labels: Vec<usize> = as_phrases(v);
    for &o in &objects {
        labels.extend(as_phrases(o));
    }
    let has_actor_object = objects.iter().any(|&o| !actors::of(s, o).is_empty());
    for &o in &objects {
        let small_clause = t.rel(o) == Deprel::Xcomp
            || (t.rel(o) == Deprel::Obj && t.has_child(v, Deprel::Iobj) && has_actor_object);
        if small_clause && !labels.contains(&o) && is_label_word(o) {
            labels.push(o);
        }
    }
    labels.retain(|&l| is_label_word(l));
    objects.retain(|o| !labels.contains(o));
    if labels.is_empty() || objects.is_empty() {
        return false;
    }
    let pejorative = |w: usize| {
        let listed = |i: usize| {
            s.lang.pejorative_nouns.contains(t.lemma(i))
                || s.lang.pejorative_nouns.contains(t.lower(i))
        };
        listed(w)
            || t.children_by(w, &[Deprel::Amod, Deprel::Compound])
                .any(listed)
    };
    let Some(label) = labels.iter().copied().find(|&l| pejorative(l)) else {
        return true;
    };
    let mut targets: Vec<Filler> = Vec::new();
    for &o in &objects {
        let named = actors::of(s, o);
        if named.is_empty() {
            targets.extend(stance_owners(s, v, o));
        } else {
            targets.extend(named);
        }
    }
    let src = sources(s, v, 0);
    let verb = format!("{} {}", t.lower(v), t.lower(label));
    push_all(
        s,
        v,
        &src.fillers,
        &targets,
        RelationKind::Accuse,
        &verb,
        src.confidence,
        out,
    );
    true
}

/// Relations whose act has a target of its own that is the event's target ("threatened
/// action against X", "imposed a ban on X", "condemned violence against X").
fn aims_at(r: RelationKind) -> bool {
    matches!(
        r,
        RelationKind::Threaten
            | RelationKind::Reject
            | RelationKind::Sanction
            | RelationKind::Coerce
            | RelationKind::Request
            | RelationKind::Protest
    )
}

/// "ordered an attack on X", "held talks on X": the object of a light verb that is an event
/// noun of its own aims at nothing for the verb (the noun's own frame reads it).
fn holds_own_event(s: &Sentence<'_>, v: usize, objects: &[usize]) -> bool {
    let t = s.tree;
    s.lang.light_verbs.contains(t.lemma(v))
        && objects
            .iter()
            .any(|&o| !s.frames(FramePos::Noun, o).is_empty())
}

/// The actors an act noun is aimed at: its against/on/to-phrases ("action against
/// Russia", "a ban on X").
fn aimed_at(s: &Sentence<'_>, w: usize, relation: RelationKind) -> Vec<Filler> {
    let t = s.tree;
    // a measure that cuts or refuses is aimed at those it links or feeds too ("suspended
    // air links with Serbia", "suspended aid to Bosnia", "boycott all contact with X")
    let restricts = matches!(
        relation,
        RelationKind::Sanction | RelationKind::Reject | RelationKind::Protest
    );
    let mut out = Vec::new();
    // the act's own phrases, and those of the thing it is part of ("suspended part of a
    // program for Bosnia")
    let mut at = vec![w];
    at.extend(
        t.children_by(w, &[Deprel::Nmod])
            .filter(|&c| t.case_words(c).as_slice() == ["of"] && s.actors[c].is_none()),
    );
    for n in at {
        for c in t.children_by(n, &[Deprel::Nmod]) {
            let aimed = match t.case_words(c).as_slice() {
                ["against"] | ["on"] | ["upon"] | ["toward"] | ["towards"] | ["at"] => true,
                ["with"] | ["to"] | ["for"] => restricts,
                _ => false,
            };
            if aimed {
                out.extend(actors::of(s, c));
            }
        }
    }
    out
}

/// The actors whose stance or act the noun at `w`, a target of verb `v`, is: any noun's
/// possessor, by-phrase or name before it ("opposed Macron's statement", "rejected calls
/// by Belarus", "condemned the Israeli strikes"); for a noun of `owned_noun`, its of- and
/// from-phrases too ("the request of Boris Johnson", "an offer from Portugal"). A
/// by-phrase the parser hung on the active verb ("rejected calls by X") is the object's.
fn stance_owners(s: &Sentence<'_>, v: usize, w: usize) -> Vec<Filler> {
    let t = s.tree;
    if !matches!(t.upos(w), Upos::Noun) {
        return Vec::new();
    }
    let mut out = if s.lang.owned_nouns.contains(t.lemma(w)) {
        // "a proposal by France", "an offer from Portugal": who made it
        let mut owners = actors::owners_of_anything(s, w);
        owners.extend(by_phrase(s, w));
        owners.extend(phrase_actors(s, w, "from"));
        owners
    } else {
        // a demonym before a noun is no owner here ("banned Iranian airline Mahan Air")
        let mut owners = by_phrase(s, w);
        for c in t.children_by(w, &[Deprel::NmodPoss, Deprel::Compound]) {
            if t.rel(c) == Deprel::NmodPoss {
                owners.extend(actors::of(s, c));
            } else if let Some(a) = s.actors[c].filter(|a| !a.modifier && !a.demonym) {
                owners.push(Filler::from(a));
            }
        }
        owners
    };
    if out.is_empty() && !is_passive(s, v) && t.rel(w) == Deprel::Obj {
        // or on a phrase after it that names no actor ("attacked the proclamation of X
        // as Israeli territory by Y", with the by-phrase hung on "territory")
        let later: Vec<usize> = t
            .children_by(v, &[Deprel::Obl])
            .filter(|&c| c > w)
            .collect();
        for c in later {
            if t.case_words(c).as_slice() == ["by"] {
                out.extend(actors::of(s, c));
            } else if actors::of(s, c).is_empty() {
                out.extend(by_phrase(s, c));
            }
        }
    }
    out
}

/// Relations whose target can be an actor's stance or act ("rejected the Israeli plan").
fn takes_stance(r: RelationKind) -> bool {
    matches!(
        r,
        RelationKind::Support
            | RelationKind::Reject
            | RelationKind::Accuse
            | RelationKind::Agree
            | RelationKind::Concede
            | RelationKind::Protest
            | RelationKind::Request
            | RelationKind::Sanction
            | RelationKind::Coerce
    )
}

fn detainees(s: &Sentence<'_>, v: usize) -> Vec<Filler> {
    let rels: &[Deprel] = if is_passive(s, v) {
        &[Deprel::NsubjPass]
    } else {
        &[Deprel::Obj]
    };
    let mut held: Vec<Filler> = s
        .tree
        .children_by(v, rels)
        .flat_map(|c| actors::of(s, c))
        .collect();
    if held.is_empty() && matches!(s.tree.rel(v), Deprel::Acl | Deprel::AclRelcl) {
        // "Khan, held in Adiala jail"
        if let Some(h) = s.tree.head(v) {
            held = actors::of(s, h);
        }
    }
    held
}

/// The words that state the event: the verb as written with the frame's particle,
/// object and prepositions ("pulled out of", "imposed sanctions on").
fn verb_words(s: &Sentence<'_>, v: usize, frame: &Frame, object: Option<usize>) -> String {
    let t = s.tree;
    let mut words = vec![t.lower(v).to_string()];
    words.extend(frame.particle.iter().cloned());
    if let Some(o) = object {
        words.push(t.lower(o).to_string());
    }
    words.extend(frame.target.prepositions().iter().cloned());
    words.join(" ")
}

/// What governs a verb's complement turns its event into another: "refused to meet X"
/// is a REJECT of X, "threatened to attack X" a THREATEN of X, in the governing verb's
/// mode.
fn governed(s: &Sentence<'_>, v: usize) -> Option<(RelationKind, usize)> {
    let t = s.tree;
    let g = modes::complement_governor(s, v)?;
    if s.lang.refusal_verbs.contains(t.lemma(g)) {
        return Some((RelationKind::Reject, g));
    }
    is_threat(s, g).then_some((RelationKind::Threaten, g))
}

/// Pushes one fact per (source, target) pair, with the mode and reporter of the
/// predicate `p`.
#[allow(clippy::too_many_arguments)]
fn push_all(
    s: &Sentence<'_>,
    p: usize,
    sources: &[Filler],
    targets: &[Filler],
    relation: RelationKind,
    verb: &str,
    confidence: f64,
    out: &mut Vec<Found>,
) {
    if sources.is_empty() || targets.is_empty() {
        return;
    }
    let (relation, mode, verb) = match governed(s, p) {
        Some((r, g)) => (r, modes::of(s, g), format!("{} to {verb}", s.tree.lower(g))),
        None => {
            let mode = modes::of(s, p);
            let r = if mode == Mode::Intended && !modes::threat_conditions(s, p, false).is_empty() {
                // "will withdraw its force from Chad unless ...": a conditional commitment
                RelationKind::Threaten
            } else if mode == Mode::Intended {
                s.lex.intended(relation)
            } else {
                relation
            };
            (r, mode, verb.to_string())
        }
    };
    let reporter = reports::reporter(s, p);
    for a in sources {
        for b in targets {
            if a.entity == b.entity {
                continue;
            }
            let mut f = Found::new(
                a.entity,
                b.entity,
                relation,
                verb.clone(),
                confidence * a.certainty * b.certainty,
            );
            f.mode = mode;
            f.reported_by =
                reporter.filter(|r| *r != a.entity || relation != RelationKind::Request);
            out.push(f);
        }
    }
}

/// An event noun's events.
fn noun_events(s: &Sentence<'_>, n: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    let frames = s.frames(FramePos::Noun, n);
    if frames.is_empty() {
        return;
    }
    let governor = t.head(n).filter(|_| t.rel(n) == Deprel::Obj);
    for frame in frames {
        let preps = frame.target.prepositions();
        let mut phrases: Vec<usize> = t
            .noun_phrases(n)
            .into_iter()
            .filter(|&c| t.introduced_by(c, preps))
            .collect();
        if phrases.is_empty() && preps.len() == 1 {
            // a preposition parsed as a word of its own ("a meeting between" with
            // "between" as the noun's dependent and the phrase under it)
            let p = n + 1;
            if p < t.len() && t.lower(p) == preps[0] && t.head(p) == Some(n) {
                phrases.extend(t.children_by(p, &[Deprel::Obl, Deprel::Nmod, Deprel::Obj]));
            }
        }
        // "increased its cooperation with X", "held talks with X": the phrase may hang
        // on the verb
        if let Some(g) = governor {
            phrases.extend(
                t.children_by(g, &[Deprel::Obl])
                    .filter(|&c| t.introduced_by(c, preps)),
            );
        }
        let verb = match governor {
            Some(g) if s.lang.light_verbs.contains(t.lemma(g)) => {
                format!("{} {} {}", t.lower(g), t.lower(n), preps.join(" "))
            }
            _ => format!("{} {}", t.lower(n), preps.join(" ")),
        };
        if frame.target.is_between() {
            for phrase in phrases {
                let mut parties = actors::of(s, phrase);
                if parties.len() == 1 {
                    // "a meeting between X and Y took place" is often parsed with Y as the
                    // subject: the name right after "X and" is the other party
                    parties.extend(name_after_and(s, phrase));
                }
                for (i, a) in parties.iter().enumerate() {
                    for b in &parties[i + 1..] {
                        push_all(
                            s,
                            n,
                            std::slice::from_ref(a),
                            std::slice::from_ref(b),
                            frame.relation,
                            &verb,
                            NOMINAL,
                            out,
                        );
                    }
                }
            }
            continue;
        }
        let mut targets: Vec<Filler> = phrases.iter().flat_map(|&p| actors::of(s, p)).collect();
        let mut owners = noun_owners(s, n);
        if targets.is_empty() && frame.target.is_of() {
            // "Khan's arrest": the possessor is the one arrested
            targets = t
                .children_by(n, &[Deprel::NmodPoss])
                .flat_map(|c| actors::of(s, c))
                .collect();
            owners = by_phrase(s, n);
        }
        if s.lang.doer_nouns.contains(t.lemma(n)) {
            // "a critic of Russia" is the one who criticises, not an act someone owns
            owners = doers(s, n);
        } else if owners.is_empty() {
            if let Some(g) = governor.filter(|&g| s.lang.light_verbs.contains(t.lemma(g))) {
                owners = subjects(s, g);
            }
        }
        push_all(s, n, &owners, &targets, frame.relation, &verb, NOMINAL, out);
    }
}

/// The actors a doer noun (`doer_noun`: "critic") describes: its apposition or the name
/// it is an apposition of ("X, a critic of Y"), a copula's subject ("X is a critic of
/// Y"), also through a degree word ("X was more of a critic of Y"), its examples
/// ("critics of Y such as X").
fn doers(s: &Sentence<'_>, n: usize) -> Vec<Filler> {
    let t = s.tree;
    let mut out = actors::of(s, n);
    if out.is_empty() {
        out = actors::described(s, n).unwrap_or_default();
    }
    if out.is_empty()
        && matches!(t.rel(n), Deprel::Obl | Deprel::Nmod)
        && t.case_words(n).as_slice() == ["of"]
    {
        // "more of a critic", "something of a critic": the degree word carries the copula
        if let Some(h) = t.head(n).filter(|&h| {
            matches!(t.upos(h), Upos::Adj | Upos::Adv | Upos::Pron) && t.has_child(h, Deprel::Cop)
        }) {
            out = t
                .children_by(h, &[Deprel::Nsubj])
                .flat_map(|c| actors::of(s, c))
                .collect();
        }
    }
    out
}

/// The actor named right after "and" following the phrase at `w`'s name.
fn name_after_and(s: &Sentence<'_>, w: usize) -> Option<Filler> {
    let t = s.tree;
    let start = s.mention_start[w]?;
    let mut end = start;
    while end < t.len() && s.mention_start[end] == Some(start) {
        end += 1;
    }
    if end + 1 < t.len() && t.lower(end) == "and" {
        // "between Israel and the United Arab Emirates"
        let next = if t.lower(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        if next >= t.len() {
            return None;
        }
        let a = actors::named(s, next)?;
        if s.mention_start[next] == Some(next) {
            return Some(Filler::from(a));
        }
    }
    None
}

/// The owner of an event noun: a possessor ("Iran's cooperation"), a name or demonym
/// before it ("US aid", "Canadian sanctions"), a by-phrase ("an attack by Hamas").
fn noun_owners(s: &Sentence<'_>, n: usize) -> Vec<Filler> {
    let t = s.tree;
    let mut out = by_phrase(s, n);
    for c in t.children(n).iter().copied() {
        match t.rel(c) {
            Deprel::NmodPoss => out.extend(actors::of(s, c)),
            Deprel::Compound | Deprel::Amod => {
                for cc in t.conjuncts(c) {
                    if let Some(a) = s.actors[cc].filter(|a| !a.modifier) {
                        out.push(Filler::from(a));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn by_phrase(s: &Sentence<'_>, n: usize) -> Vec<Filler> {
    phrase_actors(s, n, "by")
}

/// The actors of noun `n`'s phrases with preposition `preposition` ([`Tree::noun_phrases`]).
fn phrase_actors(s: &Sentence<'_>, n: usize, preposition: &str) -> Vec<Filler> {
    let t = s.tree;
    t.noun_phrases(n)
        .into_iter()
        .filter(|&c| t.case_words(c).as_slice() == [preposition])
        .flat_map(|c| actors::of(s, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::{fixture, read_with};
    use crate::model::EntityType::{Country, Person};

    fn events(
        fx: &crate::extract::readers::testing::Fixture,
    ) -> Vec<(usize, &'static str, usize, &'static str)> {
        read_with(fx, read)
    }

    #[test]
    fn subject_object_and_prepositional_frames() {
        // Blome met with Khan
        let fx = fixture(
            &[
                ("Blome", "Blome", "PROPN", 2, "nsubj"),
                ("met", "meet", "VERB", 0, "root"),
                ("with", "with", "ADP", 4, "case"),
                ("Khan", "Khan", "PROPN", 2, "obl"),
            ],
            &[(0..1, 0, Person), (3..4, 1, Person)],
        );
        assert_eq!(events(&fx), vec![(0, "CONSULT", 1, "asserted")]);
        // Russia pulled out of the Council (both words are case markers)
        let fx = fixture(
            &[
                ("Russia", "Russia", "PROPN", 2, "nsubj"),
                ("pulled", "pull", "VERB", 0, "root"),
                ("out", "out", "ADP", 5, "case"),
                ("of", "of", "ADP", 5, "case"),
                ("Council", "Council", "PROPN", 2, "obl"),
            ],
            &[(0..1, 0, Country), (4..5, 1, EntityType::Organization)],
        );
        assert_eq!(events(&fx), vec![(0, "RETREAT", 1, "asserted")]);
    }

    #[test]
    fn coordinated_verbs_share_the_object_after_the_last() {
        // Iran condemned and sanctioned Israel
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("and", "and", "CCONJ", 4, "cc"),
                ("sanctioned", "sanction", "VERB", 2, "conj"),
                ("Israel", "Israel", "PROPN", 4, "obj"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country)],
        );
        let mut got = events(&fx);
        got.sort();
        assert_eq!(
            got,
            vec![(0, "ACCUSE", 1, "asserted"), (0, "SANCTION", 1, "asserted")]
        );
    }

    #[test]
    fn passives_coordination_and_relative_clauses() {
        // Britain joined the American coalition , which was joined by Australia and Bahrain
        let fx = fixture(
            &[
                ("Britain", "Britain", "PROPN", 2, "nsubj"),
                ("joined", "join", "VERB", 0, "root"),
                ("the", "the", "DET", 5, "det"),
                ("American", "American", "ADJ", 5, "amod"),
                ("coalition", "coalition", "NOUN", 2, "obj"),
                (",", ",", "PUNCT", 9, "punct"),
                ("which", "which", "PRON", 9, "nsubj:pass"),
                ("was", "be", "AUX", 9, "aux:pass"),
                ("joined", "join", "VERB", 5, "acl:relcl"),
                ("by", "by", "ADP", 11, "case"),
                ("Australia", "Australia", "PROPN", 9, "obl:agent"),
                ("and", "and", "CCONJ", 13, "cc"),
                ("Bahrain", "Bahrain", "PROPN", 11, "conj"),
            ],
            &[
                (0..1, 0, Country),
                (3..4, 1, Country),
                (10..11, 2, Country),
                (12..13, 3, Country),
            ],
        )
        .demonym(3);
        assert_eq!(
            events(&fx),
            vec![
                (0, "COOPERATE", 1, "asserted"),
                (2, "COOPERATE", 1, "asserted"),
                (3, "COOPERATE", 1, "asserted"),
            ]
        );
    }

    #[test]
    fn control_and_participles_share_subjects() {
        // The EU agreed to provide aid to Romania: intended, hence AGREE
        let fx = fixture(
            &[
                ("EU", "EU", "PROPN", 2, "nsubj"),
                ("agreed", "agree", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("provide", "provide", "VERB", 2, "xcomp"),
                ("aid", "aid", "NOUN", 4, "obj"),
                ("to", "to", "ADP", 7, "case"),
                ("Romania", "Romania", "PROPN", 5, "nmod"),
            ],
            &[(0..1, 0, EntityType::Organization), (6..7, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "AGREE", 1, "intended")]);
        // Israel struck Gaza , blaming Hamas for the attack
        let fx = fixture(
            &[
                ("Israel", "Israel", "PROPN", 2, "nsubj"),
                ("struck", "strike", "VERB", 0, "root"),
                ("Gaza", "Gaza", "PROPN", 2, "obj"),
                (",", ",", "PUNCT", 5, "punct"),
                ("blaming", "blame", "VERB", 2, "advcl"),
                ("Hamas", "Hamas", "PROPN", 5, "obj"),
            ],
            &[
                (0..1, 0, Country),
                (2..3, 1, EntityType::Place),
                (5..6, 2, EntityType::Organization),
            ],
        );
        assert!(events(&fx).contains(&(0, "ACCUSE", 2, "asserted")));
        // Portugal refused to meet Angola: REJECT, asserted
        let fx = fixture(
            &[
                ("Portugal", "Portugal", "PROPN", 2, "nsubj"),
                ("refused", "refuse", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("meet", "meet", "VERB", 2, "xcomp"),
                ("Angola", "Angola", "PROPN", 4, "obj"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "REJECT", 1, "asserted")]);
    }

    #[test]
    fn event_nouns_with_owners_light_verbs_and_between() {
        // Iran increased its cooperation with the navies of China and Oman
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("increased", "increase", "VERB", 0, "root"),
                ("its", "its", "PRON", 4, "nmod:poss"),
                ("cooperation", "cooperation", "NOUN", 2, "obj"),
                ("with", "with", "ADP", 7, "case"),
                ("the", "the", "DET", 7, "det"),
                ("navies", "navy", "NOUN", 2, "obl"),
                ("of", "of", "ADP", 9, "case"),
                ("China", "China", "PROPN", 7, "nmod"),
                ("and", "and", "CCONJ", 11, "cc"),
                ("Oman", "Oman", "PROPN", 9, "conj"),
            ],
            // "its" resolved to Iran, as the document's pronoun resolution does
            &[
                (0..1, 0, Country),
                (2..3, 0, Country),
                (8..9, 1, Country),
                (10..11, 2, Country),
            ],
        );
        assert_eq!(
            events(&fx),
            vec![
                (0, "COOPERATE", 1, "asserted"),
                (0, "COOPERATE", 2, "asserted")
            ]
        );
        // a meeting between Varga and Nowak
        let fx = fixture(
            &[
                ("a", "a", "DET", 2, "det"),
                ("meeting", "meeting", "NOUN", 0, "root"),
                ("between", "between", "ADP", 4, "case"),
                ("Varga", "Varga", "PROPN", 2, "nmod"),
                ("and", "and", "CCONJ", 6, "cc"),
                ("Nowak", "Nowak", "PROPN", 4, "conj"),
            ],
            &[(3..4, 0, Person), (5..6, 1, Person)],
        );
        assert_eq!(events(&fx), vec![(0, "CONSULT", 1, "asserted")]);
        // Turkey imposed sanctions on Sweden (the object frame and the noun agree)
        let fx = fixture(
            &[
                ("Turkey", "Turkey", "PROPN", 2, "nsubj"),
                ("imposed", "impose", "VERB", 0, "root"),
                ("sanctions", "sanction", "NOUN", 2, "obj"),
                ("on", "on", "ADP", 5, "case"),
                ("Sweden", "Sweden", "PROPN", 3, "nmod"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "SANCTION", 1, "asserted")]);
        // Iran condemned the attack on Israel: no source for the attack
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("attack", "attack", "NOUN", 2, "obj"),
                ("on", "on", "ADP", 6, "case"),
                ("Israel", "Israel", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country)],
        );
        assert!(!events(&fx).iter().any(|f| f.1 == "ASSAULT"));
    }

    #[test]
    fn threats_and_refusals_reach_their_complements_actors() {
        // Ghana threatened to institute a curfew in Accra (the complement has no frame;
        // "to institute" parsed as an adjunct)
        let fx = fixture(
            &[
                ("Ghana", "Ghana", "PROPN", 2, "nsubj"),
                ("threatened", "threaten", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("institute", "institute", "VERB", 2, "advcl"),
                ("a", "a", "DET", 6, "det"),
                ("curfew", "curfew", "NOUN", 4, "obj"),
                ("in", "in", "ADP", 8, "case"),
                ("Accra", "Accra", "PROPN", 6, "nmod"),
            ],
            &[(0..1, 0, Country), (7..8, 1, EntityType::Place)],
        );
        assert_eq!(events(&fx), vec![(0, "THREATEN", 1, "asserted")]);
        // Iran threatened to launch an offensive unless Iraq accepted : the condition's
        // subject is threatened
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("threatened", "threaten", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("launch", "launch", "VERB", 2, "xcomp"),
                ("an", "a", "DET", 6, "det"),
                ("offensive", "offensive", "NOUN", 4, "obj"),
                ("unless", "unless", "SCONJ", 9, "mark"),
                ("Iraq", "Iraq", "PROPN", 9, "nsubj"),
                ("accepted", "accept", "VERB", 4, "advcl"),
            ],
            &[(0..1, 0, Country), (7..8, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "THREATEN", 1, "asserted")]);
        // Norway refused to deploy soldiers in Mali ; "… not to deploy" is no refusal of Mali
        let rows = [
            ("Norway", "Norway", "PROPN", 2, "nsubj"),
            ("refused", "refuse", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("deploy", "deploy", "VERB", 2, "xcomp"),
            ("soldiers", "soldier", "NOUN", 4, "obj"),
            ("in", "in", "ADP", 7, "case"),
            ("Mali", "Mali", "PROPN", 4, "obl"),
        ];
        let places = [(0..1, 0, Country), (6..7, 1, Country)];
        assert_eq!(
            events(&fixture(&rows, &places)),
            vec![(0, "REJECT", 1, "asserted")]
        );
        let mut not = rows;
        not[2] = ("not", "not", "PART", 4, "advmod");
        assert_eq!(events(&fixture(&not, &places)), vec![]);
        // Chile refused to admit Peru on Bolivia's border: an actor object, the phrase
        // beside it a circumstance
        let fx = fixture(
            &[
                ("Chile", "Chile", "PROPN", 2, "nsubj"),
                ("refused", "refuse", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("admit", "admit", "VERB", 2, "xcomp"),
                ("Peru", "Peru", "PROPN", 4, "obj"),
                ("on", "on", "ADP", 9, "case"),
                ("Bolivia", "Bolivia", "PROPN", 9, "nmod:poss"),
                ("'s", "'s", "PART", 7, "case"),
                ("border", "border", "NOUN", 4, "obl"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country), (6..7, 2, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "REJECT", 1, "asserted")]);
    }

    #[test]
    fn a_condition_on_the_complements_complement_is_the_threats() {
        // Russia threatened to stop talks to reduce weapons if Japan goes ahead
        let fx = fixture(
            &[
                ("Russia", "Russia", "PROPN", 2, "nsubj"),
                ("threatened", "threaten", "VERB", 0, "root"),
                ("to", "to", "PART", 4, "mark"),
                ("stop", "stop", "VERB", 2, "xcomp"),
                ("talks", "talk", "NOUN", 4, "obj"),
                ("to", "to", "PART", 7, "mark"),
                ("reduce", "reduce", "VERB", 4, "xcomp"),
                ("weapons", "weapon", "NOUN", 7, "obj"),
                ("if", "if", "SCONJ", 11, "mark"),
                ("Japan", "Japan", "PROPN", 11, "nsubj"),
                ("goes", "go", "VERB", 7, "advcl"),
            ],
            &[(0..1, 0, Country), (9..10, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "THREATEN", 1, "asserted")]);
    }

    #[test]
    fn a_frames_object_noun_may_be_a_conjunct_of_the_object() {
        // Qatar provided photographs and intelligence to Jordan
        let fx = fixture(
            &[
                ("Qatar", "Qatar", "PROPN", 2, "nsubj"),
                ("provided", "provide", "VERB", 0, "root"),
                ("photographs", "photograph", "NOUN", 2, "obj"),
                ("and", "and", "CCONJ", 5, "cc"),
                ("intelligence", "intelligence", "NOUN", 3, "conj"),
                ("to", "to", "ADP", 7, "case"),
                ("Jordan", "Jordan", "PROPN", 5, "nmod"),
            ],
            &[(0..1, 0, Country), (6..7, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "AID", 1, "asserted")]);
    }

    #[test]
    fn a_commitment_on_an_unless_condition_is_a_threat() {
        // Kenya will withdraw its troops from Somalia unless Somalia holds elections
        let fx = fixture(
            &[
                ("Kenya", "Kenya", "PROPN", 3, "nsubj"),
                ("will", "will", "AUX", 3, "aux"),
                ("withdraw", "withdraw", "VERB", 0, "root"),
                ("troops", "troops", "NOUN", 3, "obj"),
                ("from", "from", "ADP", 6, "case"),
                ("Somalia", "Somalia", "PROPN", 3, "obl"),
                ("unless", "unless", "SCONJ", 9, "mark"),
                ("Somalia", "Somalia", "PROPN", 9, "nsubj"),
                ("holds", "hold", "VERB", 3, "advcl"),
                ("elections", "election", "NOUN", 9, "obj"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country), (7..8, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "THREATEN", 1, "intended")]);
    }

    #[test]
    fn a_stance_on_an_act_is_a_stance_on_its_owner() {
        // Germany rejected calls by Poland (the by-phrase hung on the verb) ; Japan
        // banned Russian airline Aeroflot (a demonym owns nothing banned)
        let fx = fixture(
            &[
                ("Germany", "Germany", "PROPN", 2, "nsubj"),
                ("rejected", "reject", "VERB", 0, "root"),
                ("calls", "call", "NOUN", 2, "obj"),
                ("by", "by", "ADP", 5, "case"),
                ("Poland", "Poland", "PROPN", 2, "obl"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "REJECT", 1, "asserted")]);
        let fx = fixture(
            &[
                ("Japan", "Japan", "PROPN", 2, "nsubj"),
                ("banned", "ban", "VERB", 0, "root"),
                ("Russian", "Russian", "ADJ", 4, "amod"),
                ("airline", "airline", "NOUN", 2, "obj"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        )
        .demonym(2);
        assert_eq!(events(&fx), vec![]);
        // Chile condemned the violence by Peru
        let fx = fixture(
            &[
                ("Chile", "Chile", "PROPN", 2, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("violence", "violence", "NOUN", 2, "obj"),
                ("by", "by", "ADP", 6, "case"),
                ("Peru", "Peru", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "ACCUSE", 1, "asserted")]);
    }

    #[test]
    fn an_act_names_its_maker_in_a_by_or_from_phrase() {
        // Germany rejected a proposal by France
        let by = fixture(
            &[
                ("Germany", "Germany", "PROPN", 2, "nsubj"),
                ("rejected", "reject", "VERB", 0, "root"),
                ("a", "a", "DET", 4, "det"),
                ("proposal", "proposal", "NOUN", 2, "obj"),
                ("by", "by", "ADP", 6, "case"),
                ("France", "France", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country)],
        );
        assert_eq!(events(&by), vec![(0, "REJECT", 1, "asserted")]);
        // Spain refused an offer from Portugal
        let from = fixture(
            &[
                ("Spain", "Spain", "PROPN", 2, "nsubj"),
                ("refused", "refuse", "VERB", 0, "root"),
                ("an", "a", "DET", 4, "det"),
                ("offer", "offer", "NOUN", 2, "obj"),
                ("from", "from", "ADP", 6, "case"),
                ("Portugal", "Portugal", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country)],
        );
        assert_eq!(events(&from), vec![(0, "REJECT", 1, "asserted")]);
        // Spain refused aid from Portugal: aid is no stance of its giver's
        let aid = fixture(
            &[
                ("Spain", "Spain", "PROPN", 2, "nsubj"),
                ("refused", "refuse", "VERB", 0, "root"),
                ("aid", "aid", "NOUN", 2, "obj"),
                ("from", "from", "ADP", 5, "case"),
                ("Portugal", "Portugal", "PROPN", 3, "nmod"),
            ],
            &[(0..1, 0, Country), (4..5, 1, Country)],
        );
        assert_eq!(events(&aid), vec![]);
    }

    #[test]
    fn a_pejorative_label_accuses_the_one_labelled() {
        // Egypt named Hamas and Hezbollah as terrorists (the as-phrase on the object)
        let rows = [
            ("Egypt", "Egypt", "PROPN", 2, "nsubj"),
            ("named", "name", "VERB", 0, "root"),
            ("Hamas", "Hamas", "PROPN", 2, "obj"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("Hezbollah", "Hezbollah", "PROPN", 3, "conj"),
            ("as", "as", "ADP", 7, "case"),
            ("terrorists", "terrorist", "NOUN", 3, "nmod"),
        ];
        let actors = [
            (0..1, 0, Country),
            (2..3, 1, EntityType::Organization),
            (4..5, 2, EntityType::Organization),
        ];
        assert_eq!(
            events(&fixture(&rows, &actors)),
            vec![(0, "ACCUSE", 1, "asserted"), (0, "ACCUSE", 2, "asserted")]
        );
        // ... as partners: a label, but no accusation
        let mut partners = rows;
        partners[6] = ("partners", "partner", "NOUN", 3, "nmod");
        assert_eq!(events(&fixture(&partners, &actors)), vec![]);
        // Iran called Israel a terrorist regime: a small clause, the word before the
        // label's head is pejorative; no CONSULT of the call frame
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("Israel", "Israel", "PROPN", 2, "obj"),
                ("a", "a", "DET", 6, "det"),
                ("terrorist", "terrorist", "ADJ", 6, "amod"),
                ("regime", "regime", "NOUN", 2, "xcomp"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "ACCUSE", 1, "asserted")]);
        // Iran called Israel a friend: neither an accusation nor a call
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("Israel", "Israel", "PROPN", 2, "obj"),
                ("a", "a", "DET", 5, "det"),
                ("friend", "friend", "NOUN", 2, "xcomp"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        );
        assert_eq!(events(&fx), vec![]);
    }

    #[test]
    fn a_doer_noun_acts_through_the_actor_it_describes() {
        // Kerry was more of a critic of Russia (a degree word carries the copula)
        let fx = fixture(
            &[
                ("Kerry", "Kerry", "PROPN", 3, "nsubj"),
                ("was", "be", "AUX", 3, "cop"),
                ("more", "more", "ADJ", 0, "root"),
                ("of", "of", "ADP", 6, "case"),
                ("a", "a", "DET", 6, "det"),
                ("critic", "critic", "NOUN", 3, "obl"),
                ("of", "of", "ADP", 8, "case"),
                ("Russia", "Russia", "PROPN", 6, "nmod"),
            ],
            &[(0..1, 0, Person), (7..8, 1, Country)],
        );
        assert_eq!(events(&fx), vec![(0, "ACCUSE", 1, "asserted")]);
        // Russia 's critics , such as Kerry : the possessor is the target
        let fx = fixture(
            &[
                ("Russia", "Russia", "PROPN", 3, "nmod:poss"),
                ("'s", "'s", "PART", 1, "case"),
                ("critics", "critic", "NOUN", 0, "root"),
                (",", ",", "PUNCT", 7, "punct"),
                ("such", "such", "ADJ", 7, "case"),
                ("as", "as", "ADP", 5, "fixed"),
                ("Kerry", "Kerry", "PROPN", 3, "nmod"),
            ],
            &[(0..1, 0, Country), (6..7, 1, Person)],
        );
        assert_eq!(events(&fx), vec![(1, "ACCUSE", 0, "asserted")]);
    }

    #[test]
    fn an_attack_on_an_act_accuses_its_owner() {
        // Iran attacked the recognition of Golan as Israeli territory by Canada (the
        // by-phrase hung on the later phrase): no ASSAULT, an ACCUSE of Canada
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("attacked", "attack", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("recognition", "recognition", "NOUN", 2, "obj"),
                ("of", "of", "ADP", 6, "case"),
                ("Golan", "Golan", "PROPN", 4, "nmod"),
                ("as", "as", "ADP", 9, "case"),
                ("Israeli", "Israeli", "ADJ", 9, "amod"),
                ("territory", "territory", "NOUN", 2, "obl"),
                ("by", "by", "ADP", 11, "case"),
                ("Canada", "Canada", "PROPN", 9, "nmod"),
            ],
            &[
                (0..1, 0, Country),
                (5..6, 1, EntityType::Place),
                (7..8, 2, Country),
                (10..11, 3, Country),
            ],
        )
        .demonym(7);
        assert_eq!(events(&fx), vec![(0, "ACCUSE", 3, "asserted")]);
    }

    fn requests(fx: &crate::extract::readers::testing::Fixture) -> Vec<(usize, usize)> {
        events(fx)
            .into_iter()
            .filter(|e| e.1 == "REQUEST")
            .map(|e| (e.0, e.2))
            .collect()
    }

    #[test]
    fn a_participle_on_a_light_verbs_object_is_its_subjects() {
        // PKK issued a declaration demanding that Turkey provide information
        let words = |mark: &'static str, rel: &'static str| {
            vec![
                ("PKK", "PKK", "PROPN", 2, "nsubj"),
                ("issued", "issue", "VERB", 0, "root"),
                ("a", "a", "DET", 4, "det"),
                ("declaration", "declaration", "NOUN", 2, "obj"),
                (mark, mark, "PART", 6, rel),
                ("demand", "demand", "VERB", 4, "acl"),
                ("that", "that", "SCONJ", 9, "mark"),
                ("Turkey", "Turkey", "PROPN", 9, "nsubj"),
                ("provide", "provide", "VERB", 6, "ccomp"),
                ("information", "information", "NOUN", 9, "obj"),
            ]
        };
        let actors = [(0..1, 0, EntityType::Organization), (7..8, 1, Country)];
        // the participle (the word before it is only punctuation here)
        let fx = fixture(&words(",", "punct"), &actors);
        assert_eq!(requests(&fx), vec![(0, 1)]);
        // "issued a declaration to demand …": an infinitive does not say who demands
        let fx = fixture(&words("to", "mark"), &actors);
        assert_eq!(requests(&fx), vec![]);
    }

    #[test]
    fn an_object_is_read_through_its_such_as_examples() {
        // US encouraged allies such as Germany to act: "such as" on the verb or the object
        for head in [2, 3] {
            let rel = if head == 2 { "obl" } else { "nmod" };
            let fx = fixture(
                &[
                    ("US", "US", "PROPN", 2, "nsubj"),
                    ("encouraged", "encourage", "VERB", 0, "root"),
                    ("allies", "ally", "NOUN", 2, "obj"),
                    ("such", "such", "ADJ", 6, "case"),
                    ("as", "as", "ADP", 4, "fixed"),
                    ("Germany", "Germany", "PROPN", head, rel),
                    ("to", "to", "PART", 8, "mark"),
                    ("act", "act", "VERB", 2, "advcl"),
                ],
                &[(0..1, 0, Country), (5..6, 1, Country)],
            );
            assert_eq!(requests(&fx), vec![(0, 1)], "such as on word {head}");
        }
    }

    #[test]
    fn a_granted_request_was_made_to_the_granter() {
        // Elizabeth complied with the request of Johnson
        let fx = fixture(
            &[
                ("Elizabeth", "Elizabeth", "PROPN", 2, "nsubj"),
                ("complied", "comply", "VERB", 0, "root"),
                ("with", "with", "ADP", 5, "case"),
                ("the", "the", "DET", 5, "det"),
                ("request", "request", "NOUN", 2, "obl"),
                ("of", "of", "ADP", 7, "case"),
                ("Johnson", "Johnson", "PROPN", 5, "nmod"),
            ],
            &[(0..1, 0, Person), (6..7, 1, Person)],
        );
        assert_eq!(requests(&fx), vec![(1, 0)]);
        // Lebanon rejected a UN appeal: the rejection is the event
        let fx = fixture(
            &[
                ("Lebanon", "Lebanon", "PROPN", 2, "nsubj"),
                ("rejected", "reject", "VERB", 0, "root"),
                ("a", "a", "DET", 5, "det"),
                ("UN", "UN", "PROPN", 5, "compound"),
                ("appeal", "appeal", "NOUN", 2, "obj"),
            ],
            &[(0..1, 0, Country), (3..4, 1, EntityType::Organization)],
        );
        assert_eq!(requests(&fx), vec![]);
    }

    #[test]
    fn a_request_after_writing_to_someone_asks_them() {
        // Adderley wrote to the Embassy asking to waive immunity
        let words = |rel: &'static str| {
            vec![
                ("Adderley", "Adderley", "PROPN", 2, "nsubj"),
                ("wrote", "write", "VERB", 0, "root"),
                ("to", "to", "ADP", 5, "case"),
                ("the", "the", "DET", 5, "det"),
                ("Embassy", "Embassy", "PROPN", 2, "obl"),
                ("asking", "ask", "VERB", 2, rel),
                ("to", "to", "PART", 8, "mark"),
                ("waive", "waive", "VERB", 6, "xcomp"),
                ("immunity", "immunity", "NOUN", 8, "obj"),
            ]
        };
        let actors = [(0..1, 0, Person), (4..5, 1, EntityType::GovernmentBody)];
        let fx = fixture(&words("ccomp"), &actors);
        assert_eq!(requests(&fx), vec![(0, 1)]);
        // a clause that is no complement or adjunct of "wrote" asks nobody it addresses
        let fx = fixture(&words("parataxis"), &actors);
        assert_eq!(requests(&fx), vec![]);
    }

    #[test]
    fn an_ordered_act_is_no_request_of_its_target() {
        // Russia ordered an attack on Georgia: the attack's frame reads it
        let fx = fixture(
            &[
                ("Russia", "Russia", "PROPN", 2, "nsubj"),
                ("ordered", "order", "VERB", 0, "root"),
                ("an", "a", "DET", 4, "det"),
                ("attack", "attack", "NOUN", 2, "obj"),
                ("on", "on", "ADP", 6, "case"),
                ("Georgia", "Georgia", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Country), (5..6, 1, Country)],
        );
        let got = events(&fx);
        assert!(got.iter().all(|e| e.1 != "REQUEST"), "{got:?}");
        assert!(got.iter().any(|e| e.1 == "ASSAULT"), "{got:?}");
    }

    use crate::model::EntityType;
}
