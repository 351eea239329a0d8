//! Mentions: the spans of a sentence that name an actor, and the titles around them.
//! Capitalised runs are cut into parts by longest match against the gazetteer,
//! demonyms and titles; the remaining words form names, typed by cue words. Titles
//! (capitalised or not) are found on their own, with the modifiers that say whose office
//! they are ("US" in "US Ambassador").

use super::knowledge::Knowledge;
use crate::language::Language;
use crate::lexicon::{CuePosition, EntryId, Lexicon, Title};
use crate::model::{fold, index_type, EntityType};
use crate::text::{Sentence, Token};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

index_type! {
    /// A mention of the document: an index into its mentions, which are ordered by
    /// sentence and position.
    MentionId => Mention
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    /// Token range within the sentence.
    pub start: usize,
    pub end: usize,
    /// The name as written (title and determiners stripped).
    pub text: String,
    pub kind: Option<EntityType>,
    /// Gazetteer entry, when the form is known.
    pub gaz: Option<EntryId>,
    /// A demonym used as an adjective ("Pakistani ambassador").
    pub demonym: bool,
    /// A name built from a country and an organisation word ("Russian Foreign Ministry"):
    /// the country's entry, for PART_OF.
    pub part_of: Option<EntryId>,
    /// Preceded directly by a title (so a person).
    pub titled: bool,
    /// `kind` is a weak guess ("in X" → Place) that other evidence overrides.
    pub weak: bool,
    /// A gazetteer form that is also a common name of a body of any state (`Congress`,
    /// `Senate`, one cue word): it names the gazetteer's entry only when nothing in the
    /// document says which state's it is.
    pub generic: bool,
}

impl Mention {
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// A title in a sentence, with its modifiers and (once found) its holder.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleMention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub title: Title,
    /// The title as written, with `former` etc. kept out (`Prime Minister`).
    pub text: String,
    pub former: bool,
    /// The mentions of the actors that own the office.
    pub modifiers: Vec<MentionId>,
    /// The holder's mention.
    pub holder: Option<MentionId>,
    /// Plural title ("officials"): names a group, no single holder.
    pub plural: bool,
    /// Preceded by "the" with no name after it: a description of a known person.
    pub definite: bool,
}

enum Part {
    /// A gazetteer form: entry, token range, and whether the form is generic.
    Gaz(EntryId, usize, usize, bool),
    /// A direction and a known place: a place of its own (token range).
    Region(usize, usize),
    /// A demonym adjective of one or more words (token range): "Sri Lankan".
    Demonym(EntryId, usize, usize),
    Title(usize, usize, Title, bool),
    Former,
    Connector(usize),
    Word(usize),
}

/// What the whole document says of its words, for reading one sentence.
#[derive(Default)]
pub struct DocWords<'a> {
    /// Words seen in lower case: a capitalised sentence opener that is one is no name.
    pub common: FxHashSet<&'a str>,
    /// Words seen capitalised inside a sentence: an opener before a comma that is none
    /// of these ("Rather,", "Normally,") is no name.
    pub mid_caps: FxHashSet<&'a str>,
}

impl<'a> DocWords<'a> {
    pub fn of(sentences: &'a [Sentence<'a>]) -> DocWords<'a> {
        let mut w = DocWords::default();
        for s in sentences {
            for (i, t) in s.tokens.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                if t.text.chars().next().is_some_and(char::is_lowercase) {
                    w.common.insert(t.text);
                } else if i > 0 && t.is_capitalized() && !t.paragraph_before {
                    w.mid_caps.insert(t.text);
                }
            }
        }
        w
    }
}

/// Finds mentions and titles in one sentence, appending to the document's lists.
pub fn find(
    k: &Knowledge,
    sentence: &Sentence<'_>,
    common_words: &DocWords<'_>,
    mentions: &mut Vec<Mention>,
    titles: &mut Vec<TitleMention>,
) {
    let scan = Scan {
        lex: &k.lexicon,
        lang: &k.language,
        sentence,
        toks: &sentence.tokens,
        lower: &sentence.lower,
    };
    scan.find(common_words, mentions, titles);
}

/// The mentions and titles of a whole document, in sentence and token order. Each
/// sentence is read by [`find`], then, with the document in view:
///
/// - a headline in Title Case is read as a headline: its capitals say nothing, so only
///   gazetteer forms and names the body confirms are mentions there;
/// - an acronym in parentheses takes the words whose initials it spells as one name
///   ("United Nations Educational, Scientific and Cultural Organization (UNESCO)");
/// - a nickname in quotes between a first name and a surname is left out of the name
///   ('Jean-Claude "Baby Doc" Duvalier'; [`aliases`] makes it an alias);
/// - a month name after a first name, or alone where it is the surname of a person of
///   the document, is a name ("Theresa May", "May's deal");
/// - a generational suffix after a person's name and a comma is part of the name
///   ("Cyrus R. Vance, Jr.").
pub fn find_document(
    k: &Knowledge,
    sentences: &[Sentence<'_>],
) -> (Vec<Mention>, Vec<TitleMention>) {
    let common_words = DocWords::of(sentences);
    // months only: "Theresa May" is a surname, "Arafat Wednesday" a date
    let calendar: FxHashSet<String> = k.language.months.iter().map(|m| fold(m)).collect();
    let headline: Vec<bool> = sentences
        .iter()
        .map(|s| is_title_case_headline(&k.language, s))
        .collect();
    let mut per_sentence: Vec<(Vec<Mention>, Vec<TitleMention>)> =
        Vec::with_capacity(sentences.len());
    for (s, &head) in sentences.iter().zip(&headline) {
        let (mut ms, mut ts) = (Vec::new(), Vec::new());
        if !head {
            find(k, s, &common_words, &mut ms, &mut ts);
            expand_acronyms(k, s, &mut ms, &mut ts);
            drop_nicknames_from_names(s, &mut ms, &mut ts);
            continue_with_month_names(s, &calendar, &mut ms);
            join_name_suffixes(&k.language, s, &mut ms, &mut ts);
        }
        per_sentence.push((ms, ts));
    }
    let countries = country_counts(&per_sentence);
    // what the body confirms: its names, and the surnames of its people
    let mut known: FxHashMap<String, (Option<EntityType>, Option<EntryId>)> = FxHashMap::default();
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    for (ms, _) in &per_sentence {
        for m in ms {
            known.entry(fold(&m.text)).or_insert((m.kind, m.gaz));
            if m.gaz.is_none() && m.kind.is_none_or(|t| t == EntityType::Person) && m.words() > 1 {
                if let Some(last) = m.text.split_whitespace().last() {
                    surnames.insert(fold(last));
                    known
                        .entry(fold(last))
                        .or_insert((Some(EntityType::Person), None));
                }
            }
        }
    }
    for (i, s) in sentences.iter().enumerate() {
        if headline[i] {
            per_sentence[i].0 = find_known(k, s, &known);
        } else {
            add_month_surnames(k, s, &calendar, &surnames, &mut per_sentence[i].0);
        }
    }
    for (ms, _) in &mut per_sentence {
        choose_parties(&k.lexicon, ms, &countries);
    }
    // one list for the document; titles refer to mentions by their place in it
    let mut mentions = Vec::new();
    let mut titles = Vec::new();
    for (ms, ts) in per_sentence {
        let offset = mentions.len();
        mentions.extend(ms);
        titles.extend(ts.into_iter().map(|mut t| {
            for m in &mut t.modifiers {
                m.0 += offset;
            }
            if let Some(h) = &mut t.holder {
                h.0 += offset;
            }
            t
        }));
    }
    (mentions, titles)
}

/// How often the document names each country (by name or demonym).
fn country_counts(per_sentence: &[(Vec<Mention>, Vec<TitleMention>)]) -> FxHashMap<EntryId, usize> {
    let mut counts = FxHashMap::default();
    for m in per_sentence.iter().flat_map(|(ms, _)| ms) {
        if let (Some(EntityType::Country), Some(g)) = (m.kind, m.gaz) {
            *counts.entry(g).or_default() += 1;
        }
    }
    counts
}

/// A party adjective several parties share ("Conservative": the British and the
/// Canadian party) names the one whose country the document names most; when it names
/// none of them, the party of the adjective's first row (as [`Scan::party_adjective`]
/// left it). A form of a party of its own ("Labour") is that party.
fn choose_parties(lex: &Lexicon, mentions: &mut [Mention], countries: &FxHashMap<EntryId, usize>) {
    for m in mentions.iter_mut() {
        if !is_party_adjective(lex, m) {
            continue;
        }
        let parties = lex.parties_of_adjective(&adjective_key(&m.text));
        if parties.len() < 2 {
            continue;
        }
        let named = |party: EntryId| {
            lex.entries[party]
                .country
                .as_deref()
                .and_then(|c| lex.entry_index(c))
                .and_then(|c| countries.get(&c))
                .copied()
                .unwrap_or(0)
        };
        let mut best = parties[0];
        for &p in &parties[1..] {
            if named(p) > named(best) {
                best = p;
            }
        }
        m.gaz = Some(best);
    }
}

/// The mention is a party adjective ("Conservative" of "Conservative MP X"), not a form
/// of the party's own: the parser reads it as the adjective it is.
pub fn is_party_adjective(lex: &Lexicon, m: &Mention) -> bool {
    m.kind == Some(EntityType::PoliticalParty)
        && lex.entry_index(&m.text).is_none()
        && !lex.parties_of_adjective(&adjective_key(&m.text)).is_empty()
}

fn adjective_key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A headline in Title Case: one line without a full stop whose words (function words
/// and acronyms aside) are capitalised, three or more of them, or all in capitals.
fn is_title_case_headline(lang: &Language, s: &Sentence<'_>) -> bool {
    let toks = &s.tokens;
    if toks.iter().skip(1).any(|t| t.newline_before)
        || toks
            .last()
            .is_some_and(|t| matches!(t.text, "." | "!" | ";"))
    {
        return false;
    }
    let words: Vec<(usize, &Token<'_>)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word() && t.text.chars().any(char::is_alphabetic))
        .collect();
    if words.len() >= 3 && words.iter().all(|(_, t)| t.is_all_caps()) {
        return true;
    }
    let content: Vec<&Token<'_>> = words
        .iter()
        .filter(|(i, t)| {
            let w = &s.lower[*i];
            !t.is_all_caps()
                && !lang.name_connectors.contains(w)
                && !lang.articles.contains(w)
                && !lang.prepositions.contains(w)
                && !lang.coordinators.contains(w)
        })
        .map(|(_, t)| *t)
        .collect();
    let capitalised = content.iter().filter(|t| t.is_capitalized()).count();
    content.len() >= 3 && capitalised * 4 >= content.len() * 3
}

/// The mentions of a headline: the longest spans that are gazetteer forms, demonyms or
/// names the body confirms (`known`, by folded name), whatever their capitals.
fn find_known(
    k: &Knowledge,
    s: &Sentence<'_>,
    known: &FxHashMap<String, (Option<EntityType>, Option<EntryId>)>,
) -> Vec<Mention> {
    let (lex, toks) = (&k.lexicon, &s.tokens);
    let mut out = Vec::new();
    let max = lex.max_form_tokens.max(6);
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_word() || !toks[i].is_capitalized() {
            i += 1;
            continue;
        }
        let mut found = None;
        for len in (1..=max.min(toks.len() - i)).rev() {
            let end = i + len;
            if !toks[end - 1].is_word() {
                continue;
            }
            let text = span_text(toks, i, end);
            let gaz = if len == 1 {
                lex.word_entry(&text)
                    .filter(|_| toks[i].is_all_caps() || !lex.acronym_only(&text))
            } else {
                lex.entry_index(&text)
            };
            if let Some(g) = gaz {
                found = Some((end, text, Some(lex.entries[g].kind), Some(g), false));
                break;
            }
            if let Some(&(kind, gaz)) = known.get(&fold(&text)) {
                found = Some((end, text, kind, gaz, false));
                break;
            }
            if len == 1 {
                if let Some(g) = lex.demonym(&text) {
                    found = Some((end, text, Some(EntityType::Country), Some(g), true));
                }
            }
        }
        match found {
            Some((end, text, kind, gaz, demonym)) => {
                out.push(Mention {
                    sentence: s.index,
                    start: i,
                    end,
                    text,
                    kind,
                    gaz,
                    demonym,
                    part_of: None,
                    titled: false,
                    weak: false,
                    generic: false,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// "United Nations Educational, Scientific and Cultural Organization (UNESCO)": the
/// words before an acronym in parentheses whose initials spell it are one name, whatever
/// mentions they were cut into. The shortest such stretch of capitalised words (with
/// connectors and commas between them) is taken.
fn expand_acronyms(
    k: &Knowledge,
    s: &Sentence<'_>,
    mentions: &mut Vec<Mention>,
    titles: &mut [TitleMention],
) {
    let (lex, lang, toks) = (&k.lexicon, &k.language, &s.tokens);
    for p in 1..toks.len().saturating_sub(2) {
        let acr = toks[p + 1].text;
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        if toks[p].text != "(" || toks[p + 2].text != ")" || !toks[p + 1].is_all_caps() {
            continue;
        }
        if !(2..=10).contains(&letters) {
            continue;
        }
        let acr_letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
        let mut found = None;
        let mut start = p;
        while start > 0 && p - start < 3 * letters + 2 {
            start -= 1;
            let t = &toks[start];
            let connector = lang.name_connectors.contains(&s.lower[start]);
            if !(t.is_capitalized() || connector || t.text == ",") {
                break;
            }
            if t.is_capitalized() && initials(&span_text(toks, start, p)) == acr_letters {
                found = Some(start);
                break;
            }
        }
        let Some(start) = found else { continue };
        // already one mention of exactly these words: nothing to do
        let inside: Vec<usize> = (0..mentions.len())
            .filter(|&m| mentions[m].start >= start && mentions[m].end <= p)
            .collect();
        if inside.len() == 1 && mentions[inside[0]].start == start && mentions[inside[0]].end == p {
            continue;
        }
        if inside.is_empty() || mentions.iter().any(|m| m.start < start && m.end > start) {
            continue;
        }
        let head = toks[start..p]
            .iter()
            .rposition(|t| t.is_word() && lex.cue(t.text, CuePosition::Last).is_some())
            .map(|i| start + i);
        let text = span_text(toks, start, p);
        // the whole name may be a known form ("… Cultural Organization" of UNESCO)
        let gaz = lex.entry_index(&text);
        let kind = gaz
            .map(|g| lex.entries[g].kind)
            .or_else(|| head.and_then(|h| lex.cue(toks[h].text, CuePosition::Last)));
        let name = Mention {
            sentence: s.index,
            start,
            end: p,
            text,
            kind,
            gaz,
            demonym: false,
            part_of: None,
            titled: false,
            weak: false,
            generic: false,
        };
        replace_mentions(mentions, titles, &inside, name);
    }
}

/// The initials of a name's capitalised words and word parts ("Tehreek-e-Insaf": T, I).
pub(crate) fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Replaces the mentions at `inside` (positions, ascending, contiguous in the sentence)
/// by `name`; titles that pointed at them point at it (as holder) or lose them (as
/// modifiers).
fn replace_mentions(
    mentions: &mut Vec<Mention>,
    titles: &mut [TitleMention],
    inside: &[usize],
    name: Mention,
) {
    let first = inside[0];
    let removed = inside.len();
    mentions.splice(first..first + removed, std::iter::once(name));
    let remap = |m: MentionId| -> Option<MentionId> {
        if m.0 < first {
            Some(m)
        } else if m.0 < first + removed {
            None
        } else {
            Some(MentionId(m.0 - removed + 1))
        }
    };
    for t in titles.iter_mut() {
        t.modifiers = t.modifiers.iter().filter_map(|&m| remap(m)).collect();
        t.holder = t.holder.and_then(remap);
    }
}

/// 'Jean-Claude "Baby Doc" Duvalier': the first name and the surname around a quoted
/// nickname are one name, which spans the nickname; the nickname stays a mention of its
/// own, inside the name ([`aliases`] makes it an alias).
fn drop_nicknames_from_names(
    s: &Sentence<'_>,
    mentions: &mut Vec<Mention>,
    titles: &mut [TitleMention],
) {
    let toks = &s.tokens;
    let quote = |i: usize| {
        toks.get(i)
            .is_some_and(|t| matches!(t.text, "\"" | "“" | "”"))
    };
    let mut i = 0;
    while i + 2 < mentions.len() {
        let (a, n, b) = (&mentions[i], &mentions[i + 1], &mentions[i + 2]);
        let personal =
            |m: &Mention| m.gaz.is_none() && m.kind.is_none_or(|k| k == EntityType::Person);
        if personal(a)
            && personal(b)
            && n.gaz.is_none()
            && quote(a.end)
            && n.start == a.end + 1
            && quote(n.end)
            && b.start == n.end + 1
        {
            let text = format!("{} {}", a.text, b.text);
            let (start, end) = (a.start, b.end);
            let kind = a.kind.or(b.kind);
            let titled = a.titled || b.titled;
            let nickname = mentions[i + 1].clone();
            let name = Mention {
                text,
                start,
                end,
                kind,
                titled,
                ..mentions[i].clone()
            };
            replace_mentions(mentions, titles, &[i, i + 1, i + 2], name);
            // the nickname after the name it is inside: order by start stays
            mentions.insert(i + 1, nickname);
            for t in titles.iter_mut() {
                for m in t.modifiers.iter_mut().chain(t.holder.iter_mut()) {
                    if m.0 > i {
                        m.0 += 1;
                    }
                }
            }
        }
        i += 1;
    }
}

/// "Cyrus R. Vance, Jr.": a comma and a generational suffix (`name_suffix`) right after a
/// name of a person continue it; the suffix is no mention of its own.
fn join_name_suffixes(
    lang: &Language,
    s: &Sentence<'_>,
    mentions: &mut Vec<Mention>,
    titles: &mut [TitleMention],
) {
    let toks = &s.tokens;
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let suffix = m.end + 1;
        let is_suffix = toks.get(m.end).is_some_and(|t| t.text == ",")
            && toks.get(suffix).is_some_and(|t| {
                t.is_capitalized()
                    && lang
                        .name_suffixes
                        .contains(&fold(t.text.trim_end_matches('.')))
            });
        if !is_suffix || m.gaz.is_some() || m.kind.is_some_and(|k| k != EntityType::Person) {
            i += 1;
            continue;
        }
        let mut name = Mention {
            end: suffix + 1,
            kind: Some(EntityType::Person),
            text: format!("{}, {}", m.text, toks[suffix].text),
            ..m.clone()
        };
        // "Jr" and its full stop: the stop belongs to the name when it is written on it
        if toks
            .get(suffix + 1)
            .is_some_and(|t| t.text == "." && t.start == toks[suffix].end)
        {
            name.text.push('.');
        }
        let inside: Vec<usize> = (i..mentions.len())
            .take_while(|&j| mentions[j].start < name.end)
            .collect();
        replace_mentions(mentions, titles, &inside, name);
        i += 1;
    }
}

/// "Theresa May": a month or weekday name right after a name of a person (not a
/// number after it) is the person's surname.
fn continue_with_month_names(
    s: &Sentence<'_>,
    calendar: &FxHashSet<String>,
    mentions: &mut [Mention],
) {
    let toks = &s.tokens;
    for m in mentions.iter_mut() {
        let next = toks.get(m.end);
        let after = toks.get(m.end + 1);
        if m.gaz.is_none()
            && m.kind.is_none_or(|k| k == EntityType::Person)
            && next.is_some_and(|t| {
                t.is_capitalized() && !t.newline_before && calendar.contains(&fold(t.text))
            })
            && !after.is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            m.end += 1;
            m.text = span_text(toks, m.start, m.end);
        }
    }
}

/// "May's deal", "said May": a month name where a person of the document has it as
/// surname, and no date is meant (no number after it, no preposition or determiner
/// before it), is that person.
fn add_month_surnames(
    k: &Knowledge,
    s: &Sentence<'_>,
    calendar: &FxHashSet<String>,
    surnames: &FxHashSet<String>,
    mentions: &mut Vec<Mention>,
) {
    let (lang, toks) = (&k.language, &s.tokens);
    for (i, t) in toks.iter().enumerate() {
        let key = fold(t.text);
        if !t.is_capitalized() || !calendar.contains(&key) || !surnames.contains(&key) {
            continue;
        }
        let before = i.checked_sub(1).map(|b| s.lower[b].as_str());
        let dated = before.is_some_and(|w| {
            lang.prepositions.contains(w)
                || lang.determiners.contains(w)
                || lang.former.contains(w)
                || matches!(
                    w,
                    "last"
                        | "next"
                        | "early"
                        | "late"
                        | "mid"
                        | "since"
                        | "until"
                        | "each"
                        | "every"
                )
        }) || toks
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        if dated || mentions.iter().any(|m| m.start <= i && i < m.end) {
            continue;
        }
        let at = mentions.partition_point(|m| m.start < i);
        mentions.insert(
            at,
            Mention {
                sentence: s.index,
                start: i,
                end: i + 1,
                text: t.text.to_string(),
                kind: Some(EntityType::Person),
                gaz: None,
                demonym: false,
                part_of: None,
                titled: false,
                weak: false,
                generic: false,
            },
        );
    }
}

/// Other forms a mention defines for the mention before it, as (alias → name):
///
/// - an acronym in parentheses: "Pakistan Tehreek-e-Insaf (PTI)";
/// - a translation or other name in parentheses: "Hohe Luft (High Air)" (after a
///   person's name only in quotes: "(\"Baby Doc\")", since "Ann Lee (Labour)" names her
///   party);
/// - a nickname in quotes inside a name: 'Jean-Claude "Baby Doc" Duvalier'.
pub fn aliases(sentences: &[Sentence<'_>], mentions: &[Mention]) -> HashMap<MentionId, MentionId> {
    let mut alias_of = HashMap::new();
    for (i, pair) in mentions.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if a.sentence != b.sentence {
            continue;
        }
        let toks = &sentences[a.sentence].tokens;
        if b.start >= a.start && b.end <= a.end {
            alias_of.insert(MentionId(i + 1), MentionId(i));
            continue;
        }
        let quoted = |x: usize| {
            toks.get(x)
                .is_some_and(|t| matches!(t.text, "\"" | "“" | "”"))
        };
        let open = toks.get(a.end).is_some_and(|t| t.text == "(");
        let (inner_start, inner_end) = if quoted(a.end + 1) {
            (a.end + 2, b.end + 1)
        } else {
            (a.end + 1, b.end)
        };
        let closed = toks.get(inner_end).is_some_and(|t| t.text == ")");
        if !open || b.start != inner_start || !closed || a.demonym || b.demonym {
            continue;
        }
        let acronym = b.end - b.start == 1 && toks[b.start].is_all_caps();
        if acronym {
            // a known full name keeps its acronym from the gazetteer
            if a.gaz.is_none() && a.words() > 1 {
                alias_of.insert(MentionId(i + 1), MentionId(i));
            }
            continue;
        }
        let in_quotes = inner_start == a.end + 2;
        let person = a.kind == Some(EntityType::Person) || a.titled;
        if b.gaz.is_none() && (in_quotes || !person) {
            alias_of.insert(MentionId(i + 1), MentionId(i));
        }
    }
    alias_of
}

/// One sentence being read, with the knowledge it is read with.
struct Scan<'k, 's, 'a> {
    lex: &'k Lexicon,
    lang: &'k Language,
    sentence: &'s Sentence<'a>,
    toks: &'s [Token<'a>],
    /// Each token in lower case.
    lower: &'s [String],
}

impl Scan<'_, '_, '_> {
    fn find(
        &self,
        words: &DocWords<'_>,
        mentions: &mut Vec<Mention>,
        titles: &mut Vec<TitleMention>,
    ) {
        let (lex, lang, sentence, toks, lower) =
            (self.lex, self.lang, self.sentence, self.toks, self.lower);
        let n = toks.len();
        let is_cap = |i: usize| -> bool {
            let t = &toks[i];
            if !t.is_word() {
                return false;
            }
            if !t.is_capitalized() {
                // "al-Assad", "bin-Salman", "el-Sisi": a lower-case particle joined to a name
                return i > 0 && self.is_particle_name(t.text) && toks[i - 1].is_capitalized();
            }
            let opener = i == 0
                || (i > 0 && matches!(toks[i - 1].text, "\"" | "“" | "‘" | "(" | "—" | "-"))
                || t.paragraph_before;
            let known =
                lex.word_entry(t.text).is_some() && (t.is_all_caps() || !lex.acronym_only(t.text));
            // "Muslim-majority", "Washington-based", "Saudi-led", "Turkish-Libyan": an
            // adjective, not a name
            if !known
                && (is_compound_adjective(t.text)
                    || (t.text.contains('-')
                        && t.text.split('-').all(|p| lex.demonym(p).is_some())))
            {
                return false;
            }
            if lex.is_non_name(t.text) && !known {
                return false;
            }
            let plain = !known
                && !t.is_all_caps()
                && lex.demonym(t.text).is_none()
                && !lex.titles.contains_key(&lower[i]);
            if opener && plain && words.common.contains(lower[i].as_str()) {
                return false;
            }
            // "Rather, …", "Normally, …": an opener before a comma, never capitalised
            // inside a sentence, is an adverb
            if i == 0
                && plain
                && toks.get(1).is_some_and(|n| n.text == ",")
                && !lower
                    .get(2)
                    .is_some_and(|w| lang.person_relatives.contains(w))
                && !words.mid_caps.contains(t.text)
                && !lex.is_first_name(t.text)
            {
                return false;
            }
            true
        };
        let mut in_span = vec![false; n];
        let mut i = 0;
        while i < n {
            if !is_cap(i) {
                i += 1;
                continue;
            }
            // a maximal run of capitalised words, with connectors between them
            let start = i;
            let mut end = i + 1;
            while end < n {
                if is_cap(end) && !toks[end].newline_before {
                    end += 1;
                } else if end + 1 < n
                    && lang.name_connectors.contains(&lower[end])
                    && is_cap(end + 1)
                    && !toks[end + 1].newline_before
                {
                    end += 2;
                } else if end + 2 < n
                    && lang.name_connectors.contains(&lower[end])
                    && lang.name_connectors.contains(&lower[end + 1])
                    && is_cap(end + 2)
                    && !toks[end + 2].newline_before
                {
                    // "League for the Defence of Human Rights"
                    end += 3;
                } else if end + 1 < n
                    && matches!(toks[end].text, "'s" | "’s" | "'" | "’")
                    && is_cap(end + 1)
                    && (end + 2..=(start + lex.max_form_tokens).min(n))
                        .any(|e| lex.entry_index(&span_text(toks, start, e)).is_some())
                {
                    // "People's Protection Units", "Kurdistan Workers' Party": known names with an apostrophe
                    end += 2;
                } else {
                    break;
                }
            }
            // "Second Circuit Court of Appeals": an ordinal before a body's name
            let start = if start > 0
                && toks[start - 1].is_capitalized()
                && lang.ordinals.contains(&lower[start - 1])
                && (start..end).any(|w| {
                    [CuePosition::Last, CuePosition::First].iter().any(|&p| {
                        lex.cue(&lower[w], p)
                            .is_some_and(EntityType::is_organisation_like)
                    })
                }) {
                start - 1
            } else {
                start
            };
            // a lower-case facility word after a name belongs to it ("Adiala jail"); so does
            // a place word after a known name of something else ("Amazon rainforest"); after
            // another name it says the name is a place ("Idlib province")
            let mut place_word = false;
            if end < n && toks[end].is_word() && !toks[end].is_capitalized() {
                let known = lex
                    .entry_index(&span_text(toks, start, end))
                    .map(|g| lex.entries[g].kind);
                match (lex.cue(&lower[end], CuePosition::Last), known) {
                    (Some(EntityType::Facility), None) => end += 1,
                    (Some(EntityType::Place), Some(k)) if k != EntityType::Place => end += 1,
                    (Some(EntityType::Place), None) => place_word = true,
                    _ => {}
                }
            }
            for flag in in_span.iter_mut().take(end).skip(start) {
                *flag = true;
            }
            i = end;
            if self.names_no_actor(start, end) {
                continue;
            }
            let run = span_text(toks, start, end);
            if lex.entry_index(&run).is_none() {
                // a name of the low-precedence dictionaries counts only as a whole name
                if let Some(g) = lex.background_entry(&run) {
                    mentions.push(Mention {
                        sentence: sentence.index,
                        start,
                        end,
                        text: run,
                        kind: Some(lex.entries[g].kind),
                        gaz: Some(g),
                        demonym: false,
                        part_of: None,
                        titled: false,
                        weak: false,
                        generic: false,
                    });
                    continue;
                }
            }
            self.segment(start, end, place_word, mentions, titles);
        }
        // titles written in lower case ("spokesperson", "former prime minister")
        let mut i = 0;
        while i < n {
            if in_span[i] || !toks[i].is_word() {
                i += 1;
                continue;
            }
            match self.longest_title(i, n, &in_span) {
                Some((end, title, plural)) => {
                    let former = i > 0 && lang.former.contains(&lower[i - 1]);
                    titles.push(TitleMention {
                        sentence: sentence.index,
                        start: i,
                        end,
                        text: span_text(toks, i, end),
                        title,
                        former,
                        modifiers: Vec::new(),
                        holder: None,
                        plural,
                        definite: false,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// The run names no actor: an event, a law, a war, a prize, a work ("World War
    /// II", "the Paris Climate Accord", "Iran-Contra Affair"; `non_actors.tsv` and
    /// `non_actor_cues.tsv`), or a title of several words in quotation marks ("Decision
    /// and Order"). A gazetteer form, and a first name with one more word ("Jude Law"),
    /// are actors whatever they end with.
    fn names_no_actor(&self, start: usize, end: usize) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let run = span_text(toks, start, end);
        if lex.entry_index(&run).is_some() || lex.background_entry(&run).is_some() {
            return false;
        }
        // "Operation Peace Spring" where the first word was read as a common word
        if start > 0
            && toks[start - 1].is_capitalized()
            && lex.non_actor_cues.contains_key(&(
                self.lower[start - 1].clone(),
                crate::lexicon::NonActorPosition::First,
            ))
        {
            return true;
        }
        let words: Vec<&str> = toks[start..end]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text)
            .collect();
        // "World War II", "Operation Desert Storm 2": the numeral is not the head
        let mut head = words.len();
        while head > 1 && is_numeral(words[head - 1]) {
            head -= 1;
        }
        let person = words.len() == 2 && lex.is_first_name(words[0]);
        if !person && (lex.non_actor(&words).is_some() || lex.non_actor(&words[..head]).is_some()) {
            return true;
        }
        let quoted = |i: usize| matches!(toks[i].text, "\"" | "“" | "”" | "‘" | "’" | "'");
        // 'Jean-Claude "Baby Doc" Duvalier': between two parts of a name, a nickname
        let cap = |i: Option<usize>| {
            i.and_then(|i| toks.get(i))
                .is_some_and(|t| t.is_capitalized())
        };
        let between_names = cap(start.checked_sub(2)) && cap(Some(end + 1));
        !between_names
            && words.len() >= 2
            && start > 0
            && end < toks.len()
            && quoted(start - 1)
            && quoted(end)
            && (start..end).all(|i| lex.word_entry(toks[i].text).is_none())
            && (start..end).all(|i| lex.demonym(toks[i].text).is_none())
    }

    fn is_particle_name(&self, word: &str) -> bool {
        match word.split_once('-') {
            Some((p, rest)) => {
                self.lang.person_particles.contains(p)
                    && rest.chars().next().is_some_and(char::is_uppercase)
            }
            None => false,
        }
    }

    /// The longest title starting at `i`: its end, the title, and whether the plural form matched.
    fn longest_title(
        &self,
        i: usize,
        end: usize,
        in_span: &[bool],
    ) -> Option<(usize, Title, bool)> {
        let (lex, lower) = (self.lex, self.lower);
        if !lex.may_start_title(&lower[i]) {
            return None;
        }
        let max = lex.max_title_tokens.min(end - i);
        for len in (1..=max).rev() {
            if (i..i + len).any(|k| in_span.get(k).copied().unwrap_or(false)) {
                continue;
            }
            let key = lower[i..i + len].join(" ").replace(" - ", "-");
            if let Some(t) = lex.titles.get(&key) {
                return Some((i + len, t.clone(), key != t.title));
            }
        }
        None
    }

    fn segment(
        &self,
        start: usize,
        end: usize,
        place_word: bool,
        mentions: &mut Vec<Mention>,
        titles: &mut Vec<TitleMention>,
    ) {
        let (lex, lang, sentence, toks, lower) =
            (self.lex, self.lang, self.sentence, self.toks, self.lower);
        // no token is in a span yet: `longest_title` reads a missing flag as false
        let no_span: &[bool] = &[];
        // an organisation named by a first-position cue takes the whole run: "Ministry of Foreign Affairs"
        if lex.cue(&lower[start], CuePosition::First).is_some()
            && end - start > 2
            && lex.entry_index(&span_text(toks, start, end)).is_none()
            // "House of Commons Speaker John Bercow": a title ends the body's name
            && !(start + 1..end).any(|p| self.longest_title(p, end, no_span).is_some())
        {
            let kind = lex.cue(&lower[start], CuePosition::First);
            // "Ministry of Foreign Affairs of Pakistan": part of the country it ends with
            let part_of = (start..end)
                .rev()
                .find(|&i| lower[i] == "of")
                .map(|i| {
                    let mut j = i + 1;
                    while j < end && lang.articles.contains(&lower[j]) {
                        j += 1;
                    }
                    j
                })
                .and_then(|j| lex.entry_index(&span_text(toks, j, end)))
                .filter(|&g| lex.entries[g].kind == EntityType::Country);
            self.push_name(start, end, kind, part_of, false, false, mentions);
            return;
        }
        let mut parts = Vec::new();
        let mut p = start;
        while p < end {
            // gazetteer, longest first
            let mut matched = false;
            for len in (1..=lex.max_form_tokens.min(end - p)).rev() {
                let text = span_text(toks, p, p + len);
                if let Some(ix) = lex.entry_index(&text) {
                    // a bare connector ("The") is not a name, nor a form led by an
                    // article; "Al Jazeera", "El Salvador" are
                    if lang.name_connectors.contains(&lower[p])
                        && (len == 1 || lang.articles.contains(&lower[p]))
                    {
                        continue;
                    }
                    // "Who" is not the WHO, "Us" not the US, "Let" not LeT
                    if len == 1
                        && (lex.word_entry(&text).is_none()
                            || (!toks[p].is_all_caps() && lex.acronym_only(&text)))
                    {
                        continue;
                    }
                    // "National Congress", "Argentine Congress": a generic form after other
                    // words of the name is the head of another body's name
                    let generic = lex.is_generic_form(&text, ix);
                    // ("Republican Senate Majority Leader X" is the Senate, with a title)
                    let after_words = p > start
                        && p + len == end
                        && matches!(
                            parts.last(),
                            Some(Part::Word(_) | Part::Demonym(..) | Part::Gaz(..))
                        );
                    let before_of = p + len < end && lang.name_connectors.contains(&lower[p + len]);
                    if generic && (after_words || before_of) {
                        continue;
                    }
                    // "Eastern Mediterranean", "Central Asia": a direction and a known
                    // place are one place
                    if lex.entries[ix].kind == EntityType::Place {
                        if let Some(&Part::Word(w)) = parts.last() {
                            if w + 1 == p && lang.place_directions.contains(&lower[w]) {
                                parts.pop();
                                parts.push(Part::Region(w, p + len));
                                p += len;
                                matched = true;
                                break;
                            }
                        }
                    }
                    parts.push(Part::Gaz(ix, p, p + len, generic));
                    p += len;
                    matched = true;
                    break;
                }
            }
            if matched {
                continue;
            }
            if let Some((party, len)) = self.party_adjective(p, end) {
                parts.push(Part::Gaz(party, p, p + len, false));
                p += len;
                continue;
            }
            if let Some((e, title, plural)) = self.longest_title(p, end, no_span) {
                // "Defence Secretary Tom King": a one-word title that ends the run right
                // after a word of a name is that name's last word, not a title
                let surname = e == p + 1
                    && e == end
                    && !plural
                    && matches!(parts.last(), Some(Part::Word(w)) if *w + 1 == p);
                if !surname {
                    parts.push(Part::Title(p, e, title, plural));
                    p = e;
                    continue;
                }
            }
            // "Sri Lankan", "South Korean": the longest demonym of up to two words
            let demonym = (1..=2.min(end - p)).rev().find_map(|len| {
                lex.demonym(&span_text(toks, p, p + len))
                    .map(|ix| (ix, len))
            });
            if let Some((ix, len)) = demonym {
                // "South American", "West African": a direction before a one-word demonym
                // (not itself one of two words, as "South Korean") says a region's, neither
                // a country's nor a name
                let regional = len == 1
                    && matches!(parts.last(), Some(&Part::Word(w))
                        if w + 1 == p && lang.place_directions.contains(&lower[w]));
                if regional {
                    parts.pop();
                } else if !lower
                    .get(p + len)
                    .is_some_and(|w| lang.language_nouns.contains(w))
                {
                    // "Spanish language": a language, not a country
                    parts.push(Part::Demonym(ix, p, p + len));
                }
                p += len - 1;
            } else if lang.former.contains(&lower[p]) {
                parts.push(Part::Former);
            } else if lang.title_prefixes.contains(&lower[p])
                && self.longest_title(p + 1, end, no_span).is_some()
            {
                // "Vice Foreign Minister": the prefix belongs to the title, not to a name
            } else if lang.name_connectors.contains(&lower[p]) {
                parts.push(Part::Connector(p));
            } else {
                parts.push(Part::Word(p));
            }
            p += 1;
        }

        // group runs of words into names; remember what stood before each
        let mut pending_mods: Vec<MentionId> = Vec::new(); // mentions of modifiers seen
        let mut pending_place: Option<MentionId> = None; // gaz country, place or demonym right before a word run
        let mut pending_title: Option<usize> = None; // index into titles of the title right before
        let mut former = false;
        let mut k = 0;
        while k < parts.len() {
            match &parts[k] {
                Part::Gaz(ix, a, b, generic) => {
                    let entry = &lex.entries[*ix];
                    let kind = entry.kind;
                    let (mut start_tok, mut gaz, mut part_of) = (*a, Some(*ix), None);
                    // "Afghan Taliban", "Libyan House of Representatives": a country word before a known organisation
                    if let Some(c) = pending_place.filter(|&c| {
                        mentions[c].end == *a
                            && kind.is_organisation_like()
                            && mentions[c].kind == Some(EntityType::Country)
                    }) {
                        let country = mentions[c].gaz;
                        let same_country = entry.country.is_none()
                            || country.is_some_and(|g| {
                                Some(&lex.entries[g].name) == entry.country.as_ref()
                            });
                        start_tok = mentions[c].start;
                        if !same_country {
                            gaz = None;
                            part_of = country;
                        }
                        remove_mention(mentions, &mut pending_mods, c);
                    }
                    // a known national body is part of its state ("State Department", "Russian Foreign Ministry")
                    if part_of.is_none() && kind == EntityType::GovernmentBody {
                        part_of = entry
                            .country
                            .as_deref()
                            .and_then(|c| lex.entry_index(c))
                            .filter(|&g| lex.entries[g].kind == EntityType::Country);
                    }
                    mentions.push(Mention {
                        sentence: sentence.index,
                        start: start_tok,
                        end: *b,
                        text: span_text(toks, start_tok, *b),
                        kind: Some(kind),
                        gaz,
                        demonym: false,
                        part_of,
                        titled: false,
                        weak: false,
                        generic: *generic,
                    });
                    // "Prime Minister of Pakistan": the office belongs to what follows "of"
                    if let Some(t) = pending_title {
                        if k > 0
                            && matches!(parts[k - 1], Part::Connector(c) if lower[c] == "of")
                            && kind != EntityType::Person
                        {
                            titles[t].modifiers.push(last(mentions));
                        }
                    }
                    pending_place = matches!(kind, EntityType::Country | EntityType::Place)
                        .then_some(last(mentions));
                    pending_mods.push(last(mentions));
                    k += 1;
                }
                Part::Region(a, b) => {
                    let ix = self.push_name(
                        *a,
                        *b,
                        Some(EntityType::Place),
                        None,
                        false,
                        false,
                        mentions,
                    );
                    pending_place = ix;
                    pending_mods.extend(ix);
                    k += 1;
                }
                Part::Demonym(ix, a, b) => {
                    mentions.push(Mention {
                        sentence: sentence.index,
                        start: *a,
                        end: *b,
                        text: span_text(toks, *a, *b),
                        kind: Some(EntityType::Country),
                        gaz: Some(*ix),
                        demonym: true,
                        part_of: None,
                        titled: false,
                        weak: false,
                        generic: false,
                    });
                    pending_place = Some(last(mentions));
                    pending_mods.push(last(mentions));
                    k += 1;
                }
                Part::Title(a, b, title, plural) => {
                    let plural = *plural;
                    titles.push(TitleMention {
                        sentence: sentence.index,
                        start: *a,
                        end: *b,
                        text: span_text(toks, *a, *b),
                        title: title.clone(),
                        former: former || (*a > 0 && lang.former.contains(&lower[*a - 1])),
                        modifiers: std::mem::take(&mut pending_mods),
                        holder: None,
                        plural,
                        definite: false,
                    });
                    pending_title = Some(titles.len() - 1);
                    pending_place = None;
                    former = false;
                    k += 1;
                }
                Part::Former => {
                    former = true;
                    k += 1;
                }
                Part::Connector(c) => {
                    // "X and President Y": what stood before "and" modifies nothing after it
                    if lower[*c] == "and" {
                        pending_mods.clear();
                    }
                    k += 1;
                }
                Part::Word(a) => {
                    let mut b = *a + 1;
                    let mut j = k + 1;
                    // the country a name's "of" phrase names ("Court of Pakistan")
                    let mut of_country = None;
                    let mut headed = false;
                    while j < parts.len() {
                        // a name headed by an organisation's cue word takes its "of" phrase:
                        // "Ministry of (the) Interior", "Bank of England" (a first-position
                        // cue), "Court for the Southern District of New York", "Committee on
                        // Ways and Means" (the cue before the connector)
                        headed = headed
                            || (*a..b).any(|w| lex.cue(&lower[w], CuePosition::First).is_some())
                            || lex
                                .cue(&lower[b - 1], CuePosition::Last)
                                .is_some_and(EntityType::is_organisation_like);
                        if headed {
                            let mut c = j;
                            let mut and = false;
                            while c < parts.len()
                                && matches!(parts[c], Part::Connector(x) if lang.cue_phrase_connectors.contains(&lower[x]))
                            {
                                if let Part::Connector(x) = parts[c] {
                                    and |= lower[x] == "and";
                                }
                                c += 1;
                            }
                            if c > j && c < parts.len() {
                                match &parts[c] {
                                    // "Interior Ministry and Defence Ministry": two bodies
                                    Part::Word(w) if !(and && self.ends_in_body_cue(&parts, c)) => {
                                        b = w + 1;
                                        j = c + 1;
                                        continue;
                                    }
                                    Part::Gaz(ix, _, gb, _)
                                        if !and && lex.entries[*ix].kind != EntityType::Person =>
                                    {
                                        let of = matches!(parts[j], Part::Connector(x) if lower[x] == "of");
                                        if of && lex.entries[*ix].kind == EntityType::Country {
                                            of_country = Some(*ix);
                                        }
                                        b = *gb;
                                        j = c + 1;
                                        continue;
                                    }
                                    _ => {}
                                }
                            }
                        } else if let Part::Connector(x) = parts[j] {
                            // "Disaster and Emergency Management Presidency": words joined by
                            // "and" before the cue word of one body
                            if lower[x] == "and"
                                && matches!(parts.get(j + 1), Some(Part::Word(_)))
                                && self.ends_in_body_cue(&parts, j + 1)
                            {
                                j += 1;
                                continue;
                            }
                        }
                        match &parts[j] {
                            Part::Word(w) => {
                                b = w + 1;
                                j += 1;
                            }
                            Part::Connector(c)
                                if j + 1 < parts.len()
                                    && matches!(parts[j + 1], Part::Word(_))
                                    && lang.person_particles.contains(&lower[*c]) =>
                            {
                                j += 1;
                            }
                            _ => break,
                        }
                    }
                    let a = *a;
                    let last_cue = lex.cue(&lower[b - 1], CuePosition::Last);
                    // the head of "A B of C": the word before the first connector
                    let head_cue = (a..b)
                        .find(|&w| lang.name_connectors.contains(&lower[w]))
                        .filter(|&w| w > a)
                        .and_then(|w| lex.cue(&lower[w - 1], CuePosition::Last));
                    let any_cue = (a..b).find_map(|w| lex.cue(&lower[w], CuePosition::Any));
                    let first_cue = lex.cue(&lower[a], CuePosition::First).filter(|_| b - a > 1);
                    let cue = last_cue.or(head_cue).or(any_cue).or(first_cue);
                    let mut name_start = a;
                    let mut part_of = of_country;
                    if let (Some(kind), Some(c)) = (cue, pending_place) {
                        // a country or place word before an organisation's name is part of it:
                        // "Russian Foreign Ministry", "Atlantic Council", "Lahore High Court"
                        if kind != EntityType::Person
                            && mentions[c].end == a
                            && kind != EntityType::Place
                        {
                            name_start = mentions[c].start;
                            if mentions[c].kind == Some(EntityType::Country) {
                                part_of = mentions[c].gaz;
                            }
                            remove_mention(mentions, &mut pending_mods, c);
                        }
                    }
                    // "Amazon Environmental Research Institute": a known organisation's
                    // name before another body's name is part of it
                    if let (Some(kind), Some(m)) = (cue, mentions.last()) {
                        if kind.is_organisation_like()
                            && name_start == a
                            && m.end == a
                            && m.sentence == sentence.index
                            && !m.demonym
                            && m.gaz
                                .is_some_and(|g| lex.entries[g].kind.is_organisation_like())
                        {
                            name_start = m.start;
                            let c = last(mentions);
                            remove_mention(mentions, &mut pending_mods, c);
                        }
                    }
                    // "Sofia Reyes", "Georgia Mills": a one-word place or country right before a
                    // surname-like word run is a first name, not the place
                    if let (None, Some(c)) = (cue, pending_place) {
                        let m = &mentions[c];
                        if m.end == a
                            && !m.demonym
                            && m.end - m.start == 1
                            && !toks[m.start].is_all_caps()
                            && b - a == 1
                            && pending_title.is_none()
                            && (m.start == 0 || !lang.prepositions.contains(&lower[m.start - 1]))
                        {
                            name_start = m.start;
                            remove_mention(mentions, &mut pending_mods, c);
                        }
                    }
                    // "Supreme Court of Pakistan": an organisation word run followed by "of" + a country
                    let mut name_end = b;
                    if cue.is_some_and(|k| k.is_organisation_like()) && j + 1 < parts.len() {
                        if let (Part::Connector(c), Part::Gaz(ix, ga, gb, _)) =
                            (&parts[j], &parts[j + 1])
                        {
                            if lower[*c] == "of"
                                && lex.entries[*ix].kind == EntityType::Country
                                && *ga == c + 1
                            {
                                name_end = *gb;
                                part_of = Some(*ix);
                                j += 2;
                            }
                        }
                    }
                    let titled = pending_title.is_some();
                    let mut weak = false;
                    let kind = if titled && cue.is_none() {
                        Some(EntityType::Person)
                    } else if cue.is_none() && place_word && name_end == end {
                        Some(EntityType::Place)
                    } else if cue.is_none() && self.introduced_as_place(name_start, name_end) {
                        weak = true;
                        Some(EntityType::Place)
                    } else {
                        cue
                    };
                    let ix =
                        self.push_name(name_start, name_end, kind, part_of, titled, weak, mentions);
                    if let (Some(t), Some(m)) = (pending_title.take(), ix) {
                        if !titles[t].plural {
                            titles[t].holder = Some(m);
                        }
                    }
                    // an organisation can own the next title ("PTI chief X"); a person cannot
                    if let Some(m) =
                        ix.filter(|&m| mentions[m].kind.is_some_and(|k| k != EntityType::Person))
                    {
                        pending_mods.push(m);
                    }
                    pending_place = None;
                    k = j;
                }
            }
        }
    }

    /// A party adjective at `p` in the run ending at `end` ("Conservative MP X",
    /// "Democratic Representatives", "the Republican Senate Majority Leader", "the
    /// Conservative leader"; `data/party_adjectives.tsv`): the party its first row names
    /// ([`choose_parties`] picks among several) and its length in tokens. Only before a
    /// title, with at most the names of other owners (gazetteer forms, demonyms) between.
    fn party_adjective(&self, p: usize, end: usize) -> Option<(EntryId, usize)> {
        let (lex, lower) = (self.lex, self.lower);
        let max = lex.max_party_adjective_tokens.min(end - p);
        (1..=max).rev().find_map(|len| {
            let party = *lex
                .parties_of_adjective(&lower[p..p + len].join(" "))
                .first()?;
            self.title_follows(p + len, end).then_some((party, len))
        })
    }

    /// A title starts at `q`, or after the gazetteer forms and demonyms that start there;
    /// when the capitalised run ends first, a title written in lower case right after it.
    fn title_follows(&self, mut q: usize, end: usize) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        // no token is in a span yet: `longest_title` reads a missing flag as false
        let no_span: &[bool] = &[];
        'owners: while q < end {
            for len in (1..=lex.max_form_tokens.min(end - q)).rev() {
                let text = span_text(toks, q, q + len);
                if lex.entry_index(&text).is_some() || lex.demonym(&text).is_some() {
                    q += len;
                    continue 'owners;
                }
            }
            break;
        }
        if q < end {
            return self.longest_title(q, end, no_span).is_some();
        }
        q < toks.len()
            && toks[q].is_word()
            && !toks[q].is_capitalized()
            && self.longest_title(q, toks.len(), no_span).is_some()
    }

    /// The words from part `from` on end with the cue word of a body ("Emergency
    /// Management Presidency", "Defence Ministry").
    fn ends_in_body_cue(&self, parts: &[Part], from: usize) -> bool {
        let mut last = None;
        for p in &parts[from..] {
            match p {
                Part::Word(w) => last = Some(*w),
                _ => break,
            }
        }
        last.and_then(|w| self.lex.cue(&self.lower[w], CuePosition::Last))
            .is_some_and(EntityType::is_organisation_like)
    }

    /// Words before a name that make it a place: "in X", "near X", "the town of X". Not
    /// when the name owns what follows ("in Tomasz Sekielski's film"): the preposition
    /// is the film's.
    fn introduced_as_place(&self, start: usize, end: usize) -> bool {
        let before = |k: usize| start.checked_sub(k).map(|i| self.lower[i].as_str());
        let lang = self.lang;
        if self
            .lower
            .get(end)
            .is_some_and(|w| matches!(w.as_str(), "'s" | "\u{2019}s"))
        {
            return false;
        }
        before(1).is_some_and(|w| lang.place_prepositions.contains(w))
            || (before(1) == Some("of") && before(2).is_some_and(|w| lang.place_nouns.contains(w)))
    }

    /// "the Radical Left Democrats": stance words (`party_epithet`) before a party's name
    /// of the gazetteer label that party; the mention is the party's own name, so the
    /// label does not make a party of its own.
    fn party_behind_epithets(&self, start: usize, end: usize) -> Option<Mention> {
        let from = (start..end).find(|&i| !self.lang.party_epithets.contains(&self.lower[i]))?;
        if from == start || !self.toks[from].is_capitalized() {
            return None;
        }
        let text = span_text(self.toks, from, end);
        let gaz = if end - from == 1 {
            self.lex.word_entry(&text)
        } else {
            self.lex.entry_index(&text)
        }?;
        let kind = self.lex.entries[gaz].kind;
        (kind == EntityType::PoliticalParty).then_some(Mention {
            sentence: self.sentence.index,
            start: from,
            end,
            text,
            kind: Some(kind),
            gaz: Some(gaz),
            demonym: false,
            part_of: None,
            titled: false,
            weak: false,
            generic: false,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn push_name(
        &self,
        start: usize,
        end: usize,
        kind: Option<EntityType>,
        part_of: Option<EntryId>,
        titled: bool,
        weak: bool,
        mentions: &mut Vec<Mention>,
    ) -> Option<MentionId> {
        let (lex, sentence, toks) = (self.lex, self.sentence, self.toks);
        let text = span_text(toks, start, end);
        if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        // "XXI", "II": a numeral alone is no name
        if toks[start..end]
            .iter()
            .all(|t| !t.is_word() || is_numeral(t.text))
        {
            return None;
        }
        // "the Iran-Contra Affair and …": an event's name inside a longer run
        if self.names_no_actor(start, end) {
            return None;
        }
        let before = start.checked_sub(1).map(|i| self.lower[i].as_str());
        // "their Lenten Break", "his Presidency": a thing someone has, not an actor ("its
        // European Community partners" names the partners' body)
        let modifies_a_role = self
            .lower
            .get(end)
            .is_some_and(|w| lex.role_noun(w).is_some() || lex.titles.contains_key(w));
        if kind.is_none()
            && !modifies_a_role
            && before.is_some_and(|w| self.lang.possessive_determiners.contains(w))
        {
            return None;
        }
        // "a Greek Orthodox church": a description, not the name of one place
        let described = !toks[end - 1].is_capitalized();
        if described
            && start > 0
            && self
                .lang
                .indefinite_articles
                .contains_lower_or_capitalised(toks[start - 1].text)
        {
            return None;
        }
        // "a Volvo XC90", "an Airbus A320": a name after an indefinite article with nothing to
        // say what it is names a thing, not an actor
        if kind.is_none()
            && start > 0
            && self
                .lang
                .indefinite_articles
                .contains_lower_or_capitalised(toks[start - 1].text)
        {
            return None;
        }
        if let Some(party) = self.party_behind_epithets(start, end) {
            mentions.push(party);
            return Some(last(mentions));
        }
        // a cue word alone ("Police", "Council") is a generic reference, not a name; the
        // common name of a state's body written capitalised mid-sentence ("Parliament
        // voted") is the body of the document's country
        if end - start == 1
            && [CuePosition::First, CuePosition::Last, CuePosition::Any]
                .iter()
                .any(|&p| lex.cue(&text, p).is_some())
        {
            let mid_sentence = start > 0 && !toks[start].paragraph_before;
            if !(mid_sentence && self.lang.state_bodies.contains(&self.lower[start])) {
                return None;
            }
            mentions.push(Mention {
                sentence: sentence.index,
                start,
                end,
                text,
                kind: Some(EntityType::GovernmentBody),
                gaz: None,
                demonym: false,
                part_of: None,
                titled: false,
                weak: false,
                generic: true,
            });
            return Some(last(mentions));
        }
        // an all-capitals run of several words (a dateline) is written in title case
        let text = if end - start > 1
            && toks[start..end]
                .iter()
                .all(|t| t.is_all_caps() || !t.is_word())
        {
            title_case(&text)
        } else {
            text
        };
        mentions.push(Mention {
            sentence: sentence.index,
            start,
            end,
            text,
            kind,
            gaz: None,
            demonym: false,
            part_of,
            titled,
            weak,
            generic: false,
        });
        Some(last(mentions))
    }
}

/// A Roman numeral of I, V and X up to XXXIX ("II", "XXI") or a number ("2"): what
/// follows a name's head without being it ("World War II", "Elizabeth II"). Letters such
/// as C, D and M are left out: "CDC" and "DC" are names.
fn is_numeral(word: &str) -> bool {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let tens = word.bytes().take_while(|&b| b == b'X').count();
    let units = &word[tens..];
    tens <= 3
        && !word.is_empty()
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// "Muslim-majority", "Washington-based", "Saudi-led": a capitalised word joined to a
/// lower-case word of three letters or more is an adjective.
fn is_compound_adjective(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.chars().count() >= 3
            && tail.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
    })
}

fn span_text(toks: &[Token<'_>], start: usize, end: usize) -> String {
    let mut s = String::new();
    for (k, t) in toks[start..end].iter().enumerate() {
        if k > 0 && t.start > toks[start + k - 1].end {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    s
}

/// The mention pushed last.
fn last(mentions: &[Mention]) -> MentionId {
    MentionId(mentions.len() - 1)
}

fn remove_mention(mentions: &mut Vec<Mention>, pending_mods: &mut Vec<MentionId>, c: MentionId) {
    mentions.remove(c.0);
    pending_mods.retain(|&m| m != c);
    for m in pending_mods.iter_mut() {
        if *m > c {
            m.0 -= 1;
        }
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// (text, token span, kind, gazetteer entry's name, demonym) of each mention, and
    /// (text, span, former, modifiers' texts, holder's text) of each title.
    type Spans = (
        Vec<(
            String,
            (usize, usize),
            Option<EntityType>,
            Option<String>,
            bool,
        )>,
        Vec<(String, (usize, usize), bool, Vec<String>, Option<String>)>,
    );

    fn spans(text: &str) -> Spans {
        let k = Knowledge::shared();
        let sentences = split_sentences(text, 0, &k.language);
        let (ms, _, ts) = crate::extract::find_mentions(k, &sentences);
        let name = |g: Option<EntryId>| g.map(|g| k.lexicon.entries[g].name.clone());
        let mentions = ms
            .iter()
            .map(|m| {
                (
                    m.text.clone(),
                    (m.start, m.end),
                    m.kind,
                    name(m.gaz),
                    m.demonym,
                )
            })
            .collect();
        let titles = ts
            .iter()
            .map(|t| {
                let mods = t.modifiers.iter().map(|&m| ms[m].text.clone()).collect();
                let holder = t.holder.map(|h| ms[h].text.clone());
                (t.text.clone(), (t.start, t.end), t.former, mods, holder)
            })
            .collect();
        (mentions, titles)
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn demonyms_titles_names_and_the_gazetteer() {
        use EntityType::*;
        // French(0) President(1) Emmanuel(2) Macron(3) met(4) German(5) Chancellor(6)
        // Olaf(7) Scholz(8) in(9) Berlin(10) .(11)
        let (m, t) =
            spans("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.");
        assert_eq!(
            m,
            vec![
                (s("French"), (0, 1), Some(Country), Some(s("France")), true),
                (s("Emmanuel Macron"), (2, 4), Some(Person), None, false),
                (s("German"), (5, 6), Some(Country), Some(s("Germany")), true),
                (s("Olaf Scholz"), (7, 9), Some(Person), None, false),
                (s("Berlin"), (10, 11), Some(Place), Some(s("Berlin")), false),
            ]
        );
        assert_eq!(
            t,
            vec![
                (
                    s("President"),
                    (1, 2),
                    false,
                    vec![s("French")],
                    Some(s("Emmanuel Macron"))
                ),
                (
                    s("Chancellor"),
                    (6, 7),
                    false,
                    vec![s("German")],
                    Some(s("Olaf Scholz"))
                ),
            ]
        );
    }

    #[test]
    fn stance_words_before_a_party_name_label_that_party() {
        use EntityType::*;
        // The(0) Radical(1) Left(2) Democrats(3) have(4) failed(5)
        let m = spans("The Radical Left Democrats have failed.");
        let democrats = (
            s("Democrats"),
            (3, 4),
            Some(PoliticalParty),
            Some(s("Democratic Party")),
            false,
        );
        assert_eq!(m.0, vec![democrats]);
        // a party whose name begins with a word that is no stance word stays itself
        let m = spans("The Liberal Democrats met.");
        assert_eq!(m.0[0].3, Some(s("Liberal Democrats")));
        // stance words before a name that is no party: the name as written
        let m = spans("The Radical Left Caucus met.");
        assert!(m.0.iter().all(|x| x.3.is_none()), "{m:?}");
    }

    #[test]
    fn a_democratic_member_before_a_title_is_in_the_democratic_party() {
        let m = spans("Two Democratic Representatives, Ann Lee and Bo Park, opposed it.");
        assert_eq!(m.0[0].3, Some(s("Democratic Party")), "{m:?}");
    }

    #[test]
    fn a_party_adjective_before_a_title_names_the_party() {
        use EntityType::*;
        let party = |m: &Spans, i: usize| (m.0[i].0.clone(), m.0[i].2, m.0[i].3.clone());
        let conservative = |p: &str| (s("Conservative"), Some(PoliticalParty), Some(s(p)));
        // Conservative(0) MP(1) Ann(2) Lee(3) spoke(4) .(5)
        let m = spans("Conservative MP Ann Lee spoke.");
        assert_eq!(party(&m, 0), conservative("Conservative Party"));
        assert_eq!(m.1[0].3, vec![s("Conservative")]);
        // other owners between it and the title; a title in lower case after the run
        let m = spans("The Republican Senate Majority Leader spoke.");
        assert_eq!(m.1[0].3, vec![s("Republican"), s("Senate")]);
        assert_eq!(party(&m, 0).2, Some(s("Republican Party")));
        let m = spans("He met the new Conservative leader on Monday.");
        assert_eq!(party(&m, 0), conservative("Conservative Party"));
        // the party of the country the article names most
        let m = spans("Canada voted. Conservative MP Ann Lee spoke in Canada.");
        assert_eq!(party(&m, 1), conservative("Conservative Party of Canada"));
        // no title after it: no party
        let m = spans("The Conservative Club of Lagos met.");
        assert!(m.0.iter().all(|x| x.2 != Some(PoliticalParty)), "{m:?}");
    }

    #[test]
    fn a_demonym_of_two_words_is_one_demonym() {
        use EntityType::*;
        // The(0) Sri(1) Lankan(2) army(3) shelled(4) Jaffna(5) .(6)
        let (m, _) = spans("The Sri Lankan army shelled Jaffna.");
        assert_eq!(
            m[0],
            (
                s("Sri Lankan"),
                (1, 3),
                Some(Country),
                Some(s("Sri Lanka")),
                true
            )
        );
    }

    #[test]
    fn a_direction_before_a_demonym_is_a_region_not_a_country_nor_a_name() {
        use EntityType::*;
        // The(0) EU(1) met(2) the(3) South(4) American(5) bloc(6) Mercosur(7) .(8)
        let (m, _) = spans("The EU met the South American bloc Mercosur.");
        let texts: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert!(
            !texts.contains(&"South") && !texts.contains(&"American"),
            "{texts:?}"
        );
        // a demonym of two words that starts with a direction is still its country's
        let (m, _) = spans("The South Korean navy met the EU.");
        assert_eq!(m[0].0, "South Korean");
        assert_eq!(m[0].3, Some(s("South Korea")));
        assert_eq!(m[0].2, Some(Country));
    }

    #[test]
    fn a_title_word_ending_a_name_is_its_surname() {
        use EntityType::*;
        // British(0) Defence(1) Secretary(2) Tom(3) King(4) visited(5) Maputo(6) .(7)
        let (m, t) = spans("British Defence Secretary Tom King visited Maputo.");
        assert_eq!(m[1], (s("Tom King"), (3, 5), Some(Person), None, false));
        assert_eq!(t[0].4, Some(s("Tom King")));
        // King Abdullah: the title before the name stays a title
        let (m, _) = spans("Jordan's King Abdullah visited Maputo.");
        assert!(m.iter().any(|x| x.0 == "Abdullah"), "{m:?}");
    }

    #[test]
    fn a_portfolio_after_minister_for_is_part_of_the_title() {
        // titles.tsv: "federal minister for interior"; the name after it is the person's
        let (m, t) = spans("Federal Minister for Interior Aftab Ahmad Khan Sherpao spoke.");
        assert_eq!(m[0].0, "Aftab Ahmad Khan Sherpao", "{m:?}");
        assert_eq!(t[0].0, "Federal Minister for Interior");
    }

    #[test]
    fn cue_words_type_names() {
        use EntityType::*;
        // The(0) Interior(1) Ministry(2) said(3) protesters(4) gathered(5) near(6)
        // Adiala(7) jail(8) .(9): a lower-case facility word joins the name before it
        let (m, _) = spans("The Interior Ministry said protesters gathered near Adiala jail.");
        assert_eq!(
            m,
            vec![
                (
                    s("Interior Ministry"),
                    (1, 3),
                    Some(GovernmentBody),
                    None,
                    false
                ),
                (s("Adiala jail"), (7, 9), Some(Facility), None, false),
            ]
        );
        // a name after "the town of" is a place; a known body carries its country
        let (m, t) = spans("Officials from the Russian Foreign Ministry met in the town of Qaim.");
        assert_eq!(
            m,
            vec![
                (
                    s("Russian Foreign Ministry"),
                    (3, 6),
                    Some(GovernmentBody),
                    Some(s("Russian Foreign Ministry")),
                    false
                ),
                (s("Qaim"), (11, 12), Some(Place), None, false),
            ]
        );
        assert_eq!(t, vec![(s("Officials"), (0, 1), false, vec![], None)]);
    }

    #[test]
    fn what_is_not_a_name_and_what_joins_one() {
        // "Yesterday" is a non-name; "a Volvo XC90" names a thing; names without a cue
        // or title have no kind yet (entity resolution decides)
        let (m, _) = spans("Yesterday Ali Raza met Sara Khan. He bought a Volvo XC90.");
        assert_eq!(
            m,
            vec![
                (s("Ali Raza"), (1, 3), None, None, false),
                (s("Sara Khan"), (4, 6), None, None, false),
            ]
        );
        // connectors join the words of one name; a first-position cue takes the whole run
        let (m, _) = spans("Osama bin Laden and the Ministry of Foreign Affairs of Pakistan.");
        assert_eq!(
            m,
            vec![
                (s("Osama bin Laden"), (0, 3), None, None, false),
                (
                    s("Ministry of Foreign Affairs of Pakistan"),
                    (5, 11),
                    Some(EntityType::GovernmentBody),
                    None,
                    false
                ),
            ]
        );
    }

    #[test]
    fn lower_case_titles_and_former_offices() {
        // The(0) talks(1) were(2) led(3) by(4) former(5) prime(6) minister(7) Imran(8)
        // Khan(9) and(10) Al-Sisi(11) .(12)
        let (m, t) = spans("The talks were led by former prime minister Imran Khan and Al-Sisi.");
        assert_eq!(
            m,
            vec![
                // a title before a name types it
                (
                    s("Imran Khan"),
                    (8, 10),
                    Some(EntityType::Person),
                    None,
                    false
                ),
                (s("Al-Sisi"), (11, 12), None, None, false),
            ]
        );
        assert_eq!(
            t,
            vec![(
                s("prime minister"),
                (6, 8),
                true,
                vec![],
                Some(s("Imran Khan"))
            )]
        );
    }

    /// Each mention's text and type, after the whole document is read.
    fn names(text: &str) -> Vec<(String, Option<EntityType>)> {
        spans(text).0.into_iter().map(|m| (m.0, m.2)).collect()
    }

    fn n(text: &str, kind: Option<EntityType>) -> (String, Option<EntityType>) {
        (text.to_string(), kind)
    }

    use EntityType::*;

    #[test]
    fn a_title_prefix_belongs_to_the_title_not_to_a_name() {
        let texts = |text: &str| -> Vec<String> { names(text).into_iter().map(|m| m.0).collect() };
        assert_eq!(
            texts("Senate Minority Whip Ivo Quent spoke."),
            vec![s("Senate"), s("Ivo Quent")]
        );
        assert_eq!(
            texts("Russian Vice Foreign Minister Ivo Quent spoke."),
            vec![s("Russian"), s("Ivo Quent")]
        );
    }

    #[test]
    fn a_name_after_in_is_a_place_unless_it_owns_what_follows() {
        assert_eq!(
            names("The talks were held in Ulm Varka."),
            vec![n("Ulm Varka", Some(Place))]
        );
        let owner = names("He was moved by what he saw in Ulm Varka's film.");
        assert_eq!(owner.len(), 1, "{owner:?}");
        assert_ne!(owner[0].1, Some(Place), "{owner:?}");
    }

    #[test]
    fn events_laws_treaties_and_works_are_no_actors() {
        // "World War II", a war with its numeral; the Paris of the accord is no actor
        assert_eq!(
            names("During World War II, France signed the Paris Climate Accord."),
            vec![n("France", Some(Country))]
        );
        assert_eq!(
            names("The Iran-Contra Affair and Operation Desert Storm shaped Bush's term."),
            vec![n("Bush", None)]
        );
        // a quoted title of several words
        assert_eq!(
            names("The judge wrote \"Decision and Order\" in May."),
            vec![]
        );
        // a first name and one more word is a person whatever the word
        assert_eq!(
            names("Yesterday Maria Law spoke."),
            vec![n("Maria Law", None)]
        );
    }

    #[test]
    fn a_body_takes_its_of_phrase_and_its_type_from_its_head() {
        assert_eq!(
            names("Trump asked the District Court for the Southern District of New York."),
            vec![
                n("Trump", None),
                n(
                    "District Court for the Southern District of New York",
                    Some(GovernmentBody)
                )
            ]
        );
        assert_eq!(
            names("It reached the Committee on Ways and Means on Monday."),
            vec![n("Committee on Ways and Means", Some(GovernmentBody))]
        );
        assert_eq!(
            names("The Disaster and Emergency Management Presidency said so."),
            vec![n(
                "Disaster and Emergency Management Presidency",
                Some(GovernmentBody)
            )]
        );
        // two bodies joined by "and" stay two
        assert_eq!(
            names("Both the Interior Ministry and Defence Ministry agreed."),
            vec![
                n("Interior Ministry", Some(GovernmentBody)),
                n("Defence Ministry", Some(GovernmentBody))
            ]
        );
        // an ordinal before a body's name is part of it
        assert_eq!(
            names("They appealed to the Second Circuit Court of Appeals."),
            vec![n("Second Circuit Court of Appeals", Some(GovernmentBody))]
        );
        // a title ends a body's name
        let (m, t) = spans("Then House of Commons Speaker John Bercow spoke.");
        let m: Vec<String> = m.into_iter().map(|x| x.0).collect();
        assert_eq!(m, vec![s("House of Commons"), s("John Bercow")]);
        assert_eq!(t[0].4, Some(s("John Bercow")));
    }

    #[test]
    fn a_generic_body_form_inside_a_longer_name_is_its_head() {
        // "Congress" alone is the gazetteer's US Congress; in "National Congress" it is
        // the head of another name, and so before "of"
        let (m, _) = spans("The crowds stood outside the National Congress. The Congress of the Philippines met. Congress voted.");
        let m: Vec<(String, Option<EntityType>, Option<String>)> =
            m.into_iter().map(|x| (x.0, x.2, x.3)).collect();
        assert_eq!(
            m,
            vec![
                (s("National Congress"), Some(GovernmentBody), None),
                (s("Congress of the Philippines"), Some(GovernmentBody), None),
                (s("Congress"), Some(GovernmentBody), Some(s("US Congress"))),
            ]
        );
        // before a title it stays the gazetteer's body, with the title its own
        let (m, t) = spans("Senate Majority Leader Mitch McConnell spoke.");
        assert_eq!(m[0].3, Some(s("US Senate")));
        assert_eq!(t[0].0, "Majority Leader");
    }

    #[test]
    fn place_words_places_and_regions() {
        // a lower-case place word after a known name of something else makes a place
        assert_eq!(
            names("The fires burned in the Amazon rainforest."),
            vec![n("Amazon rainforest", Some(Place))]
        );
        // after an unknown name it says the name is one
        assert_eq!(
            names("The troops entered Qarnet province."),
            vec![n("Qarnet", Some(Place))]
        );
        // a direction and a known place are one place
        assert_eq!(
            names("The drilling in the Eastern Mediterranean began."),
            vec![n("Eastern Mediterranean", Some(Place))]
        );
        // "in X" says Place, weakly
        let (m, _) = spans("The protests in Qarnet grew.");
        assert_eq!(m[0].2, Some(Place));
    }

    #[test]
    fn what_is_not_a_name_however_capitalised() {
        assert_eq!(
            names("The Muslim-majority and Turkish-Libyan deals followed the Washington-based report."),
            vec![]
        );
        // a numeral alone; a thing someone has; a description after "a"
        assert_eq!(
            names("In the XXI century they held their Lenten Break."),
            vec![]
        );
        assert_eq!(names("It was formerly a Greek Orthodox church."), vec![]);
        // a language is not its country
        assert_eq!(names("He said it in the Spanish language."), vec![]);
        // an opener before a comma, never capitalised inside a sentence, is an adverb
        assert_eq!(names("Rather, the leader is appointed."), vec![]);
        // time zones
        assert_eq!(names("It began at 15:00 UTC."), vec![]);
    }

    #[test]
    fn the_low_precedence_dictionaries_count_as_whole_names() {
        // Addameer is in data/actors/organizations.tsv only
        assert_eq!(
            names("Yesterday Addameer reported arrests."),
            vec![n("Addameer", Some(Organization))]
        );
        assert_eq!(
            names("Yesterday Addameer Husseini reported arrests."),
            vec![n("Addameer Husseini", None)]
        );
    }

    #[test]
    fn headlines_in_title_case_are_read_for_what_the_body_confirms() {
        let text = "Rejects Easing Assisted Fertility Rules, Says Second-Term Task Force\n\nPrime Minister Ana Reyes of Spain said on Monday that the rules stay.";
        assert_eq!(
            names(text),
            vec![n("Ana Reyes", Some(Person)), n("Spain", Some(Country)),]
        );
        // a headline confirmed by the body keeps its names, however cut
        let text = "Reyes Meets Macron In Paris Over Fishing Quotas\n\nSpanish leader Ana Reyes met Emmanuel Macron.";
        let got: Vec<String> = names(text).into_iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            vec![
                s("Reyes"),
                s("Macron"),
                s("Paris"),
                s("Spanish"),
                s("Ana Reyes"),
                s("Emmanuel Macron")
            ]
        );
    }

    #[test]
    fn acronyms_nicknames_and_translations_define_aliases() {
        let k = Knowledge::shared();
        let text = "The Coastal Fisheries Protection Organization (CFPO) objected. Jean-Claude \"Baby Doc\" Duvalier fled. The magazine Hohe Luft (High Air) wrote.";
        let sentences = split_sentences(text, 0, &k.language);
        let (ms, _, _) = crate::extract::find_mentions(k, &sentences);
        let found: Vec<(String, String)> = {
            let mut a: Vec<(String, String)> = aliases(&sentences, &ms)
                .into_iter()
                .map(|(x, y)| (ms[x].text.clone(), ms[y].text.clone()))
                .collect();
            a.sort();
            a
        };
        assert_eq!(
            found,
            vec![
                (s("Baby Doc"), s("Jean-Claude Duvalier")),
                (s("CFPO"), s("Coastal Fisheries Protection Organization")),
                (s("High Air"), s("Hohe Luft")),
            ]
        );
        // a spelled-out name the gazetteer knows is that entry, which has its acronym already
        let text = "The United Nations Educational, Scientific and Cultural Organization (UNESCO) objected.";
        let sentences = split_sentences(text, 0, &k.language);
        let (ms, _, _) = crate::extract::find_mentions(k, &sentences);
        let long = ms
            .iter()
            .find(|m| m.text.starts_with("United Nations Educational"))
            .expect("the spelled-out name is a mention");
        assert!(long.gaz.is_some(), "{long:?}");
        assert!(aliases(&sentences, &ms).is_empty());
        // a person's party in parentheses is no alias of the person
        let text = "Senator Ana Reyes (Labour) spoke.";
        let sentences = split_sentences(text, 0, &k.language);
        let (ms, _, _) = crate::extract::find_mentions(k, &sentences);
        assert!(aliases(&sentences, &ms).is_empty());
    }

    #[test]
    fn a_month_name_can_be_a_surname() {
        assert_eq!(
            names("Prime Minister Theresa May resigned. May's deal failed in May 2019."),
            vec![n("Theresa May", Some(Person)), n("May", Some(Person))]
        );
    }
}
