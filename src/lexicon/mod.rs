//! The extractor's knowledge: gazetteers (countries with their name forms, demonyms and
//! capitals; places; organizations), titles, type cues, the verb lexicon, nominal event
//! patterns and capitalised words that are not names; the actor dictionaries of
//! PETRARCH2 (people and organizations, a gazetteer of low precedence), the role nouns
//! that type a name set beside them, the names and cue words of what is not an actor
//! (events, laws, works, prizes), and the identifiers that join an actor to other data.
//! The shipped `data/` files are embedded at build time; users add files of the same
//! formats at run time (`--gazetteer`, `--lexicon`), told apart by their header row.

mod frames;
mod parse;

pub use frames::{Frame, FramePos, Target};

use crate::datafile::{read_user_file, MAX_USER_FILE_BYTES};
use crate::error::DataError;
use crate::model::{fold, index_type, name_key, EntityType, RelationKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

/// A known actor from a gazetteer file.
#[derive(Clone, Debug, PartialEq)]
pub struct GazEntry {
    pub name: String,
    pub kind: EntityType,
    pub aliases: Vec<String>,
    /// The country a place lies in or a national body belongs to (common name).
    pub country: Option<String>,
    /// From the low-precedence dictionaries (`data/actors/`): matched only as a whole
    /// name, and every other gazetteer entry (shipped or the user's) goes first.
    pub background: bool,
}

index_type! {
    /// A gazetteer entry: an index into [`Lexicon::entries`].
    EntryId => GazEntry
}

/// What a title says about its holder.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// The title's canonical (singular, lower-case) form.
    pub title: String,
    pub relation: RelationKind,
    pub scope: TitleScope,
}

/// What an office belongs to when the text names no organisation for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleScope {
    /// An office of a state: fall back to the country of the context.
    Country,
    /// An office of the body named in the modifier.
    Body,
    /// A role in the organisation or party named in the modifier; no edge without one.
    Org,
}

/// Where a cue word stands in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CuePosition {
    First,
    Last,
    Any,
}

/// The type a cue word gives, by where it stands in a name; `any` applies wherever the
/// position has none of its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueTypes {
    pub first: Option<EntityType>,
    pub last: Option<EntityType>,
    pub any: Option<EntityType>,
}

impl CueTypes {
    pub fn get(&self, position: CuePosition) -> Option<EntityType> {
        match position {
            CuePosition::First => self.first,
            CuePosition::Last => self.last,
            CuePosition::Any => self.any,
        }
    }

    pub fn set(&mut self, position: CuePosition, kind: EntityType) {
        match position {
            CuePosition::First => self.first = Some(kind),
            CuePosition::Last => self.last = Some(kind),
            CuePosition::Any => self.any = Some(kind),
        }
    }
}

/// `word.to_lowercase()`, without allocating when the word is lower-case ASCII already
/// (the callers mostly pass lower-cased tokens).
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Where a non-actor cue word stands in a name ("… War", "Operation …"), or a phrase
/// that is not an actor when it is the whole name ("COVID-19").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NonActorPosition {
    First,
    Last,
    Whole,
}

/// All knowledge the extractor uses. Lookups take lower-case keys unless said otherwise.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<GazEntry>,
    /// `name_key` of every name and alias → entry.
    pub forms: HashMap<String, EntryId>,
    /// Longest gazetteer form, in tokens, bounding the matcher.
    pub max_form_tokens: usize,
    /// Lower-case demonym → country entry.
    pub demonyms: HashMap<String, EntryId>,
    /// Country entry → the demonym that names its bodies ("Philippine", "British").
    pub adjectives: HashMap<EntryId, String>,
    /// Lower-case title (singular and plural forms) → title.
    pub titles: HashMap<String, Title>,
    pub max_title_tokens: usize,
    /// Every start of a title key that ends before a space or a hyphen, and every whole
    /// key (`vice`, `vice president`, `director`, `director-general`): a word that is none
    /// of these starts no title, so the matcher skips it without building keys.
    pub title_heads: HashSet<String>,
    /// Lower-case cue word → the type it gives in each position.
    pub cues: HashMap<String, CueTypes>,
    /// Verb lemma → its frames (`data/frames.tsv`).
    pub verb_frames: HashMap<String, Vec<Frame>>,
    /// Noun lemma (or form) → its frames.
    pub noun_frames: HashMap<String, Vec<Frame>>,
    /// Regular inflected forms of the frames' verbs → their lemma (`apologized` →
    /// `apologize`), for words the parser lemmatizes wrongly.
    pub verb_forms: HashMap<String, String>,
    /// The relation a committed-to event takes (`data/intents.tsv`): CONSULT → AGREE.
    pub intended_as: HashMap<RelationKind, RelationKind>,
    /// Capitalised words that are never names on their own (lower case).
    pub non_names: HashSet<String>,
    /// Words for places of detention (`jail`, `prison`), lower case.
    pub detention_words: HashSet<String>,
    /// Form keys written only in capitals in the gazetteer (`WHO`, `US`): a word that
    /// is not in capitals does not match them.
    pub acronym_keys: HashSet<String>,
    /// Form keys also written in ordinary case (`Who` would match these).
    pub cased_keys: HashSet<String>,
    /// Every gazetteer form exactly as written: a single word must match one of these
    /// to the letter (so "Let" is not the acronym "LeT").
    pub exact_forms: HashSet<String>,
    /// `name_key` of the names and aliases of low-precedence entries → entry; a form
    /// the main gazetteer has is not here.
    pub background: HashMap<String, EntryId>,
    /// Folded names and aliases of known people (`actors/people.tsv`).
    pub people: HashSet<String>,
    /// Folded first words of known people's names of two words or more.
    pub first_names: HashSet<String>,
    /// Role nouns (singular and plural, lower case) → the type of what they describe.
    pub role_nouns: HashMap<String, EntityType>,
    pub max_role_tokens: usize,
    /// Folded phrases that are never actors (`non_actors.tsv`).
    pub non_actors: HashSet<String>,
    /// Lower-case cue words (or folded whole phrases) of non-actors, by position →
    /// category (`war`, `law`, `event` …).
    pub non_actor_cues: HashMap<(String, NonActorPosition), String>,
    /// (name key, type) → identifier scheme (`iso3`, `wikidata`) → id.
    pub identifiers: HashMap<(String, EntityType), BTreeMap<String, String>>,
    /// Lower-case party adjective ("conservative", "lib dem") → the names of the parties
    /// it can name, in file order (`data/party_adjectives.tsv`).
    pub party_adjectives: HashMap<String, Vec<String>>,
    pub max_party_adjective_tokens: usize,
}

macro_rules! shipped {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)))),*]
    };
}

/// The data files embedded in the binary, by their path under `data/`.
pub const SHIPPED: &[(&str, &str)] = shipped!(
    "gazetteer/countries.tsv",
    "gazetteer/places.tsv",
    "gazetteer/organizations.tsv",
    "party_adjectives.tsv",
    "titles.tsv",
    "cues.tsv",
    "frames.tsv",
    "intents.tsv",
    "non_names.txt",
    "detention.txt",
    "actors/people.tsv",
    "actors/organizations.tsv",
    "role_nouns.tsv",
    "role_nouns_general.tsv",
    "non_actors.tsv",
    "non_actor_cues.tsv",
    "identifiers.tsv",
);

impl Lexicon {
    /// The lexicon of the shipped data files.
    pub fn builtin() -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for (name, text) in SHIPPED {
            lex.add_text(&format!("data/{name}"), text)?;
        }
        Ok(lex)
    }

    /// Adds a user file; its kind is told by its header row (or `.txt` word lists). It
    /// is read with [`crate::datafile::read_user_file`]'s limit.
    pub fn add_file(&mut self, path: &Path) -> Result<(), DataError> {
        let text = read_user_file(path, MAX_USER_FILE_BYTES)?;
        self.add_text(&path.display().to_string(), &text)
    }

    /// Adds the entries of one file's text; `file` names it in errors.
    pub fn add_text(&mut self, file: &str, text: &str) -> Result<(), DataError> {
        parse::add_text(self, file, text)
    }

    pub(crate) fn add_entry(&mut self, entry: GazEntry) {
        if entry.background {
            self.add_background_entry(entry);
            return;
        }
        let ix = match self.forms.get(&name_key(&entry.name)) {
            // a later file refines an entry of the same name and type
            Some(&ix)
                if self.entries[ix].kind == entry.kind
                    && name_key(&self.entries[ix].name) == name_key(&entry.name) =>
            {
                let e = &mut self.entries[ix];
                for a in &entry.aliases {
                    if !e.aliases.contains(a) {
                        e.aliases.push(a.clone());
                    }
                }
                if entry.country.is_some() {
                    e.country = entry.country.clone();
                }
                ix
            }
            _ => {
                self.entries.push(entry);
                EntryId(self.entries.len() - 1)
            }
        };
        let e = &self.entries[ix];
        let forms: Vec<String> = std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .cloned()
            .collect();
        for f in forms {
            let n = crate::text::tokenize(&f, 0).len();
            self.max_form_tokens = self.max_form_tokens.max(n);
            // the first entry to claim a form keeps it (countries load first)
            let key = name_key(&f);
            let letters: Vec<char> = f.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                self.acronym_keys.insert(key.clone());
            } else {
                self.cased_keys.insert(key.clone());
            }
            self.exact_forms.insert(f.clone());
            // a low-precedence entry gives way
            self.background.remove(&key);
            self.forms.entry(key).or_insert(ix);
        }
    }

    /// A low-precedence entry claims only the forms no other entry has; a later one
    /// does not take them from it.
    fn add_background_entry(&mut self, entry: GazEntry) {
        let forms: Vec<String> = std::iter::once(&entry.name)
            .chain(entry.aliases.iter())
            .map(|f| name_key(f))
            .filter(|k| !self.forms.contains_key(k))
            .collect();
        if forms.is_empty() {
            return;
        }
        self.entries.push(entry);
        let ix = EntryId(self.entries.len() - 1);
        for key in forms {
            self.background.entry(key).or_insert(ix);
        }
    }

    /// A form of one word that is a cue word and not the entry's own name: a body's
    /// common name that every state has ("Congress", "Senate" for `US Congress`).
    pub fn is_generic_form(&self, form: &str, entry: EntryId) -> bool {
        !form.contains(' ')
            && name_key(form) != name_key(&self.entries[entry].name)
            && self.cues.contains_key(lower(form).as_ref())
    }

    /// The low-precedence entry of a whole name.
    pub fn background_entry(&self, name: &str) -> Option<EntryId> {
        self.background.get(&name_key(name)).copied()
    }

    /// Records a known person's name and its aliases.
    pub(crate) fn add_person(&mut self, name: &str, aliases: &[String]) {
        for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            let folded = fold(n);
            let mut words = folded.split(' ');
            if let (Some(first), Some(_)) = (words.next(), words.next()) {
                if first.chars().count() >= 2
                    && first.chars().all(|c| c.is_alphabetic() || c == '-')
                {
                    self.first_names.insert(first.to_string());
                }
            }
            self.people.insert(folded);
        }
    }

    /// A known person's whole name (accents aside).
    pub fn is_person(&self, name: &str) -> bool {
        self.people.contains(&fold(name))
    }

    /// The word starts the names of known people, and is no title, cue word, non-name,
    /// demonym or gazetteer form ("Maria", not "New" or "General").
    pub fn is_first_name(&self, word: &str) -> bool {
        let lower = lower(word);
        self.first_names.contains(&fold(word))
            && !self.is_non_name(word)
            && !self.titles.contains_key(lower.as_ref())
            && !self.cues.contains_key(lower.as_ref())
            && self.demonym(word).is_none()
            && self.entry_index(word).is_none()
    }

    /// The type a role noun gives what it describes ("newspaper" → Media).
    pub fn role_noun(&self, noun: &str) -> Option<EntityType> {
        self.role_nouns.get(lower(noun).as_ref()).copied()
    }

    /// Why a name is not an actor (its category), if it is one of the phrases of
    /// `non_actors.tsv` or starts or ends with a non-actor cue word.
    pub fn non_actor(&self, words: &[&str]) -> Option<&str> {
        let (first, last) = (words.first()?, words.last()?);
        let whole = fold(&words.join(" "));
        if self.non_actors.contains(&whole) {
            return Some("phrase");
        }
        let cue = |w: &str, p: NonActorPosition| {
            self.non_actor_cues
                .get(&(w.to_lowercase(), p))
                .map(String::as_str)
        };
        cue(&whole, NonActorPosition::Whole)
            .or_else(|| {
                (words.len() > 1)
                    .then(|| cue(last, NonActorPosition::Last))
                    .flatten()
            })
            .or_else(|| {
                (words.len() > 1)
                    .then(|| cue(first, NonActorPosition::First))
                    .flatten()
            })
    }

    /// The identifiers of an actor of this name and type (`iso3`, `wikidata`).
    pub fn identifiers_of(&self, name: &str, kind: EntityType) -> Vec<(String, String)> {
        self.identifiers
            .get(&(name_key(name), kind))
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    }

    /// The gazetteer entry a name form refers to.
    pub fn lookup(&self, form: &str) -> Option<&GazEntry> {
        self.forms.get(&name_key(form)).map(|&i| &self.entries[i])
    }

    pub fn entry_index(&self, form: &str) -> Option<EntryId> {
        self.forms.get(&name_key(form)).copied()
    }

    /// The adjective for a country's bodies ("Philippine Senate", "British Parliament"):
    /// of its demonyms, the one that starts like its name or one of its aliases (four
    /// letters or more), else the first.
    pub fn adjective_of(&self, country: EntryId) -> Option<&str> {
        self.adjectives.get(&country).map(String::as_str)
    }

    /// The parties a party adjective can name (`Conservative` → Conservative Party,
    /// Conservative Party of Canada), in file order: the rows whose party is a
    /// `PoliticalParty` of the gazetteer. `words` is lower case, one space between words.
    pub fn parties_of_adjective(&self, words: &str) -> Vec<EntryId> {
        let mut out = Vec::new();
        for name in self.party_adjectives.get(words).into_iter().flatten() {
            if let Some(ix) = self
                .entry_index(name)
                .filter(|&ix| self.entries[ix].kind == EntityType::PoliticalParty)
            {
                if !out.contains(&ix) {
                    out.push(ix);
                }
            }
        }
        out
    }

    /// The country a demonym names (`Pakistani` → Pakistan).
    pub fn demonym(&self, word: &str) -> Option<EntryId> {
        self.demonyms.get(lower(word).as_ref()).copied()
    }

    pub fn cue(&self, word: &str, position: CuePosition) -> Option<EntityType> {
        let types = self.cues.get(lower(word).as_ref())?;
        types.get(position).or(types.any)
    }

    /// The gazetteer entry of a single word: written exactly as a known form, or in
    /// capitals throughout (datelines, headlines).
    pub fn word_entry(&self, word: &str) -> Option<EntryId> {
        let all_caps = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if self.exact_forms.contains(word)
            || (all_caps && word.chars().filter(|c| c.is_alphabetic()).count() > 1)
        {
            self.entry_index(word)
        } else {
            None
        }
    }

    /// Registers a title form (lower case) for [`Lexicon::may_start_title`].
    pub(crate) fn add_title_heads(&mut self, form: &str) {
        for (p, c) in form.char_indices() {
            if c == ' ' || c == '-' {
                self.title_heads.insert(form[..p].to_string());
            }
        }
        self.title_heads.insert(form.to_string());
    }

    /// False when no title key starts with `word` followed by the end, a space or a
    /// hyphen: the lower-case token `word` then begins no title, whatever follows it.
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_heads.contains(word)
    }

    /// The form is known only as an acronym in capitals.
    pub fn acronym_only(&self, form: &str) -> bool {
        let key = name_key(form);
        self.acronym_keys.contains(&key) && !self.cased_keys.contains(&key)
    }

    /// Adds words that are never names on their own (any case).
    pub fn add_non_names<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        self.non_names
            .extend(words.into_iter().map(str::to_lowercase));
    }

    /// The frames of a predicate of this part of speech, by its lemma or, failing that,
    /// its lower-case form.
    pub fn frames(&self, pos: FramePos, lemma: &str, lower: &str) -> &[Frame] {
        let map = match pos {
            FramePos::Verb => &self.verb_frames,
            FramePos::Noun => &self.noun_frames,
        };
        map.get(lemma)
            .or_else(|| map.get(lower))
            .or_else(|| match pos {
                FramePos::Verb => self.verb_forms.get(lower).and_then(|l| map.get(l)),
                FramePos::Noun => None,
            })
            .map_or(&[], Vec::as_slice)
    }

    /// The relation an event of this relation is when it is only committed to.
    pub fn intended(&self, relation: RelationKind) -> RelationKind {
        self.intended_as.get(&relation).copied().unwrap_or(relation)
    }

    pub fn is_non_name(&self, word: &str) -> bool {
        self.non_names.contains(lower(word).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_are_written_as_they_are_read() {
        // user files are read in NFC without format characters, as articles are: the
        // shipped ones must be so already, or their names would not match
        for (name, text) in SHIPPED.iter().chain(crate::language::SHIPPED) {
            assert!(
                crate::datafile::as_read(text.to_string()) == *text,
                "data/{name} is not NFC without format characters"
            );
        }
    }

    #[test]
    fn every_shipped_file_parses() {
        let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(
            lex.entries.len() > 150,
            "gazetteer too small: {}",
            lex.entries.len()
        );
        assert!(lex.frames(FramePos::Verb, "meet", "met").len() > 1);
        assert!(lex.titles.len() > 50);
    }

    #[test]
    fn shipped_lexicon_knows_the_basics() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.lookup("U.S.").unwrap().name, "United States");
        assert_eq!(lex.lookup("America").unwrap().kind, EntityType::Country);
        assert_eq!(
            lex.entries[lex.demonym("Pakistani").unwrap()].name,
            "Pakistan"
        );
        assert_eq!(
            lex.titles["prime minister"].relation,
            RelationKind::HoldsOffice
        );
        assert!(lex
            .frames(FramePos::Verb, "meet", "met")
            .iter()
            .any(|f| f.relation == RelationKind::Consult));
        assert_eq!(
            lex.cue("Party", CuePosition::Last),
            Some(EntityType::PoliticalParty)
        );
        assert!(lex.is_non_name("Breaking") && lex.is_non_name("sept"));
    }

    #[test]
    fn title_heads_cover_every_title_start() {
        let lex = Lexicon::builtin().unwrap();
        for key in lex.titles.keys() {
            let first = key.split([' ', '-']).next().unwrap();
            assert!(lex.may_start_title(first), "{key:?}");
            assert!(lex.may_start_title(key), "{key:?}");
        }
        assert!(lex.may_start_title("vice") && lex.may_start_title("prime"));
        assert!(!lex.may_start_title("the") && !lex.may_start_title("khan"));
    }
}
