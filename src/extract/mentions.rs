//! Mentions: the spans of a sentence that name an actor, and the titles around them.
//! Capitalised runs are cut into parts by longest match against the gazetteer,
//! demonyms and titles; the remaining words form names, typed by cue words. Titles
//! (capitalised or not) are found on their own, with the modifiers that say whose office
//! they are ("US" in "US Ambassador").

use super::knowledge::Knowledge;
use crate::language::Language;
use crate::lexicon::{CuePosition, EntryId, Lexicon, Title};
use crate::model::{index_type, EntityType};
use crate::text::{Sentence, Token};
use rustc_hash::FxHashSet;

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
    Gaz(EntryId, usize, usize),
    Demonym(EntryId, usize),
    Title(usize, usize, Title, bool),
    Former,
    Connector(usize),
    Word(usize),
}

/// Finds mentions and titles in one sentence, appending to the document's lists.
/// `common_words` holds words seen in lower case in the document: a capitalised
/// sentence opener that is also a common word is not a name.
pub fn find(
    k: &Knowledge,
    sentence: &Sentence<'_>,
    common_words: &FxHashSet<&str>,
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
        common_words: &FxHashSet<&str>,
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
            if lex.is_non_name(t.text) && !known {
                return false;
            }
            if opener
                && !t.is_all_caps()
                && common_words.contains(lower[i].as_str())
                && !known
                && lex.demonym(t.text).is_none()
                && !lex.titles.contains_key(&lower[i])
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
            // a lower-case facility or place word after a name belongs to it: "Adiala jail"
            if end < n && toks[end].is_word() && !toks[end].is_capitalized() {
                if let Some(kind) = lex.cue(&lower[end], CuePosition::Last) {
                    if matches!(kind, EntityType::Facility)
                        && lex.entry_index(&span_text(toks, start, end)).is_none()
                    {
                        end += 1;
                    }
                }
            }
            for flag in in_span.iter_mut().take(end).skip(start) {
                *flag = true;
            }
            self.segment(start, end, mentions, titles);
            i = end;
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
        mentions: &mut Vec<Mention>,
        titles: &mut Vec<TitleMention>,
    ) {
        let (lex, lang, sentence, toks, lower) =
            (self.lex, self.lang, self.sentence, self.toks, self.lower);
        // an organisation named by a first-position cue takes the whole run: "Ministry of Foreign Affairs"
        if lex.cue(&lower[start], CuePosition::First).is_some()
            && end - start > 2
            && lex.entry_index(&span_text(toks, start, end)).is_none()
        {
            let kind = lex.cue(&lower[start], CuePosition::First);
            self.push_name(start, end, kind, None, false, mentions);
            return;
        }
        let no_span = vec![false; toks.len()];
        let mut parts = Vec::new();
        let mut p = start;
        while p < end {
            // gazetteer, longest first
            let mut matched = false;
            for len in (1..=lex.max_form_tokens.min(end - p)).rev() {
                let text = span_text(toks, p, p + len);
                if let Some(ix) = lex.entry_index(&text) {
                    // a bare connector-led match ("The") is not a name
                    if lang.name_connectors.contains(&lower[p]) {
                        continue;
                    }
                    // "Who" is not the WHO, "Us" not the US, "Let" not LeT
                    if len == 1
                        && (lex.word_entry(&text).is_none()
                            || (!toks[p].is_all_caps() && lex.acronym_only(&text)))
                    {
                        continue;
                    }
                    parts.push(Part::Gaz(ix, p, p + len));
                    p += len;
                    matched = true;
                    break;
                }
            }
            if matched {
                continue;
            }
            if let Some((e, title, plural)) = self.longest_title(p, end, &no_span) {
                parts.push(Part::Title(p, e, title, plural));
                p = e;
                continue;
            }
            if let Some(ix) = lex.demonym(toks[p].text) {
                parts.push(Part::Demonym(ix, p));
            } else if lang.former.contains(&lower[p]) {
                parts.push(Part::Former);
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
                Part::Gaz(ix, a, b) => {
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
                Part::Demonym(ix, a) => {
                    mentions.push(Mention {
                        sentence: sentence.index,
                        start: *a,
                        end: *a + 1,
                        text: toks[*a].text.to_string(),
                        kind: Some(EntityType::Country),
                        gaz: Some(*ix),
                        demonym: true,
                        part_of: None,
                        titled: false,
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
                    while j < parts.len() {
                        // "Ministry of (the) Interior", "Bank of England": a first-position cue takes its "of" phrase
                        let of_chain =
                            (*a..b).any(|w| lex.cue(&lower[w], CuePosition::First).is_some());
                        if of_chain {
                            let mut c = j;
                            while c < parts.len()
                                && matches!(parts[c], Part::Connector(x) if lang.cue_phrase_connectors.contains(&lower[x]))
                            {
                                c += 1;
                            }
                            if c > j && c < parts.len() {
                                match &parts[c] {
                                    Part::Word(w) => {
                                        b = w + 1;
                                        j = c + 1;
                                        continue;
                                    }
                                    Part::Gaz(_, _, gb) => {
                                        b = *gb;
                                        j = c + 1;
                                        continue;
                                    }
                                    _ => {}
                                }
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
                    let any_cue = (a..b).find_map(|w| lex.cue(&lower[w], CuePosition::Any));
                    let first_cue = lex.cue(&lower[a], CuePosition::First).filter(|_| b - a > 1);
                    let cue = last_cue.or(any_cue).or(first_cue);
                    let mut name_start = a;
                    let mut part_of = None;
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
                        if let (Part::Connector(c), Part::Gaz(ix, ga, gb)) =
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
                    let kind = if titled && cue.is_none() {
                        Some(EntityType::Person)
                    } else if cue.is_none() && self.introduced_as_place(name_start) {
                        Some(EntityType::Place)
                    } else {
                        cue
                    };
                    let ix = self.push_name(name_start, name_end, kind, part_of, titled, mentions);
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

    /// Words before a name that make it a place: "in X", "near X", "the town of X".
    fn introduced_as_place(&self, start: usize) -> bool {
        let before = |k: usize| start.checked_sub(k).map(|i| self.lower[i].as_str());
        let lang = self.lang;
        before(1).is_some_and(|w| lang.place_prepositions.contains(w))
            || (before(1) == Some("of") && before(2).is_some_and(|w| lang.place_nouns.contains(w)))
    }

    fn push_name(
        &self,
        start: usize,
        end: usize,
        kind: Option<EntityType>,
        part_of: Option<EntryId>,
        titled: bool,
        mentions: &mut Vec<Mention>,
    ) -> Option<MentionId> {
        let (lex, sentence, toks) = (self.lex, self.sentence, self.toks);
        let text = span_text(toks, start, end);
        if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
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
        // a cue word alone ("Police", "Council") is a generic reference, not a name
        if end - start == 1
            && [CuePosition::First, CuePosition::Last, CuePosition::Any]
                .iter()
                .any(|&p| lex.cue(&text, p).is_some())
        {
            return None;
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
        });
        Some(last(mentions))
    }
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
                (s("Imran Khan"), (8, 10), None, None, false),
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
}
