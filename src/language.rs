//! The English the extractor knows, as data: the function words of `data/en/` (articles,
//! prepositions, negators, modals, forms of "be", pronouns …), the abbreviations and
//! sentence openers the splitter needs, and the calendar words dates are read from. All
//! of it is read into one [`Language`] value, one copy of each list; the code keeps only
//! the grammar that is not a word list.
//!
//! The files are embedded at build time (`data/en/*.tsv`, documented in
//! `data/README.md`). A word-list file has the header `word TAB list`: each row puts one
//! word in one named list. `calendar.tsv` has `word TAB kind TAB number`.

use crate::datafile::DataFile;
use crate::error::{DataError, DataErrorKind};
use rustc_hash::FxHashSet;

/// A list of words: membership in constant time, the order of the file kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordList {
    words: Vec<String>,
    set: FxHashSet<String>,
}

impl WordList {
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// Membership ignoring ASCII case (`MR.` is `Mr.`).
    pub fn contains_ignoring_ascii_case(&self, word: &str) -> bool {
        self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The word as listed, or with its first letter in upper case (`a`, `A`).
    pub fn contains_lower_or_capitalised(&self, word: &str) -> bool {
        if self.contains(word) {
            return true;
        }
        let mut chars = word.chars();
        match chars.next() {
            Some(first) if first.is_uppercase() => {
                let lowered: String = first.to_lowercase().chain(chars).collect();
                self.contains(&lowered)
            }
            _ => false,
        }
    }

    /// The first word of the file's list.
    pub fn first(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn push(&mut self, word: &str) {
        if self.set.insert(word.to_string()) {
            self.words.push(word.to_string());
        }
    }
}

/// The English of `data/en/`. Each list is documented in `data/README.md` ("Language")
/// and in the file that holds it; lists hold words in lower case unless said otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Language {
    // sentences.tsv: the sentence splitter
    /// Always followed by more of the sentence (`Mr.`, `Gen.`); matched ignoring case.
    pub title_abbreviations: WordList,
    /// End a sentence only before an opener (`Jan.`, `Inc.`); matched exactly.
    pub abbreviations: WordList,
    /// Typically open a sentence (`The`, `However`); matched exactly.
    pub sentence_openers: WordList,

    // names.tsv: mentions and titles
    pub name_connectors: WordList,
    pub person_particles: WordList,
    /// `former`, `ex`, `then`; the first is written before former offices' titles.
    pub former: WordList,
    pub title_prefixes: WordList,
    pub articles: WordList,
    pub indefinite_articles: WordList,
    pub place_prepositions: WordList,
    pub place_nouns: WordList,
    pub cue_phrase_connectors: WordList,
    pub title_predicates: WordList,
    pub title_complements: WordList,
    pub honorifics: WordList,
    /// `jr`, `sr`, `iii`: after a person's name and a comma, still the name ("X, Jr.").
    pub name_suffixes: WordList,
    /// `radical`, `left`: capitalised before a party's name, a label for the party, not
    /// another party ("the Radical Left Democrats").
    pub party_epithets: WordList,
    pub person_relatives: WordList,
    pub copulas: WordList,
    pub ordinals: WordList,
    pub language_nouns: WordList,
    pub place_directions: WordList,
    pub list_openers: WordList,
    pub state_bodies: WordList,

    // clauses.tsv: relations and pronouns
    pub prepositions: WordList,
    pub determiners: WordList,
    pub possessive_determiners: WordList,
    pub negators: WordList,
    pub modals: WordList,
    pub obligation_modals: WordList,
    pub be: WordList,
    pub passive_be: WordList,
    pub verb_fillers: WordList,
    pub coordinators: WordList,
    pub group_nouns: WordList,
    pub member_nouns: WordList,
    pub group_of_nouns: WordList,
    pub reporting_verbs: WordList,
    pub apposition_openers: WordList,
    pub clause_openers: WordList,
    pub detention_prepositions: WordList,
    pub person_pronouns: WordList,
    pub group_pronouns: WordList,
    pub plural_pronouns: WordList,

    // predicates.tsv: the tree-based relation reader, by lemma
    pub negation: WordList,
    pub future_auxiliaries: WordList,
    pub possibility_auxiliaries: WordList,
    pub obligation_auxiliaries: WordList,
    pub condition_markers: WordList,
    /// "will withdraw unless X ...": a condition that makes a commitment a threat.
    pub threat_conditions: WordList,
    pub intent_verbs: WordList,
    pub refusal_verbs: WordList,
    /// "X granted Y's request": a verb whose subject grants or heeds a request made to it.
    pub grant_verbs: WordList,
    pub failure_verbs: WordList,
    pub attempt_verbs: WordList,
    pub report_verbs: WordList,
    pub light_verbs: WordList,
    pub agent_nouns: WordList,
    pub intent_adjectives: WordList,
    pub possibility_adjectives: WordList,
    pub intent_nouns: WordList,
    pub attempt_nouns: WordList,
    pub location_nouns: WordList,
    pub owned_nouns: WordList,
    pub part_nouns: WordList,
    /// "the town of Cizre": a kind of place whose of-phrase names the place itself.
    pub place_kind_nouns: WordList,
    pub unit_nouns: WordList,
    pub temporal_nouns: WordList,
    pub media_nouns: WordList,
    pub company_nouns: WordList,
    pub party_nouns: WordList,
    pub body_nouns: WordList,
    pub country_nouns: WordList,
    pub facility_nouns: WordList,
    pub office_verbs: WordList,
    /// "named X as terrorists", "called X a criminal": a verb that labels its object.
    pub naming_verbs: WordList,
    /// A label that accuses the one a naming verb gives it to.
    pub pejorative_nouns: WordList,
    /// "a critic of X": a frame noun naming the one who acts, not the act.
    pub doer_nouns: WordList,

    // calendar.tsv: dates
    /// Month names, January first: the month's number is its index + 1.
    pub months: Vec<String>,
    /// Weekday names with their number, Monday 1 … Sunday 7.
    pub weekdays: Vec<(String, u32)>,
    /// `st`, `nd`, `rd`, `th`.
    pub ordinal_suffixes: WordList,
    /// Expressions (one or two words) for a day before the article's date, with the
    /// number of days (`yesterday` 1, `last week` 7).
    pub days_before: Vec<(Vec<String>, i64)>,
}

macro_rules! shipped {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)))),*]
    };
}

/// The language files embedded in the binary, by their path under `data/`.
pub const SHIPPED: &[(&str, &str)] = shipped!(
    "en/sentences.tsv",
    "en/names.tsv",
    "en/clauses.tsv",
    "en/predicates.tsv",
    "en/calendar.tsv",
);

const WORD_LIST_HEADER: &str = "word\tlist";
const CALENDAR_HEADER: &str = "word\tkind\tnumber";

impl Language {
    /// English, from the shipped files.
    pub fn builtin() -> Result<Language, DataError> {
        let mut lang = Language::default();
        for (name, text) in SHIPPED {
            lang.add_text(&format!("data/{name}"), text)?;
        }
        Ok(lang)
    }

    /// Adds the rows of one file's text; its header row tells its kind, and `file` names
    /// it in errors.
    pub fn add_text(&mut self, file: &str, text: &str) -> Result<(), DataError> {
        let (kind, rows) = DataFile::open(file, text, &[WORD_LIST_HEADER, CALENDAR_HEADER], None)?;
        for row in rows {
            let row = row?;
            let err = |kind: DataErrorKind| DataError {
                file: file.to_string(),
                line: row.line,
                kind,
            };
            let word = row.field(0);
            if kind == 0 {
                let name = row.field(1);
                let list = self
                    .list_mut(name)
                    .ok_or_else(|| err(DataErrorKind::UnknownList(name.to_string())))?;
                list.push(word);
            } else {
                self.add_calendar_row(word, row.field(1), row.field(2))
                    .map_err(err)?;
            }
        }
        Ok(())
    }

    fn add_calendar_row(
        &mut self,
        word: &str,
        kind: &str,
        number: &str,
    ) -> Result<(), DataErrorKind> {
        let number = |min: i64, max: i64| -> Result<i64, DataErrorKind> {
            number
                .parse::<i64>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| DataErrorKind::BadNumber {
                    kind: kind.to_string(),
                    word: word.to_string(),
                    min,
                    max,
                    found: number.to_string(),
                })
        };
        match kind {
            "month" => {
                let n = number(1, 12)? as usize;
                if self.months.len() < n {
                    self.months.resize(n, String::new());
                }
                self.months[n - 1] = word.to_string();
            }
            "weekday" => self.weekdays.push((word.to_string(), number(1, 7)? as u32)),
            "ordinal_suffix" => self.ordinal_suffixes.push(word),
            "days_before" => {
                let words: Vec<String> = word.split_whitespace().map(str::to_string).collect();
                if words.len() > 2 {
                    return Err(DataErrorKind::LongExpression(word.to_string()));
                }
                self.days_before.push((words, number(0, 3660)?));
            }
            other => {
                return Err(DataErrorKind::NotOneOf {
                    column: "kind",
                    value: other.to_string(),
                    expected: "month, weekday, ordinal_suffix or days_before",
                })
            }
        }
        Ok(())
    }

    /// The list a `word TAB list` row names.
    fn list_mut(&mut self, name: &str) -> Option<&mut WordList> {
        Some(match name {
            "title_abbreviation" => &mut self.title_abbreviations,
            "abbreviation" => &mut self.abbreviations,
            "sentence_opener" => &mut self.sentence_openers,
            "name_connector" => &mut self.name_connectors,
            "person_particle" => &mut self.person_particles,
            "former" => &mut self.former,
            "title_prefix" => &mut self.title_prefixes,
            "article" => &mut self.articles,
            "indefinite_article" => &mut self.indefinite_articles,
            "place_preposition" => &mut self.place_prepositions,
            "place_noun" => &mut self.place_nouns,
            "cue_phrase_connector" => &mut self.cue_phrase_connectors,
            "title_predicate" => &mut self.title_predicates,
            "title_complement" => &mut self.title_complements,
            "honorific" => &mut self.honorifics,
            "name_suffix" => &mut self.name_suffixes,
            "party_epithet" => &mut self.party_epithets,
            "person_relative" => &mut self.person_relatives,
            "copula" => &mut self.copulas,
            "ordinal" => &mut self.ordinals,
            "language_noun" => &mut self.language_nouns,
            "place_direction" => &mut self.place_directions,
            "list_opener" => &mut self.list_openers,
            "state_body" => &mut self.state_bodies,
            "preposition" => &mut self.prepositions,
            "determiner" => &mut self.determiners,
            "possessive_determiner" => &mut self.possessive_determiners,
            "negator" => &mut self.negators,
            "modal" => &mut self.modals,
            "obligation_modal" => &mut self.obligation_modals,
            "be" => &mut self.be,
            "passive_be" => &mut self.passive_be,
            "verb_filler" => &mut self.verb_fillers,
            "coordinator" => &mut self.coordinators,
            "group_noun" => &mut self.group_nouns,
            "member_noun" => &mut self.member_nouns,
            "group_of_noun" => &mut self.group_of_nouns,
            "reporting_verb" => &mut self.reporting_verbs,
            "apposition_opener" => &mut self.apposition_openers,
            "clause_opener" => &mut self.clause_openers,
            "detention_preposition" => &mut self.detention_prepositions,
            "person_pronoun" => &mut self.person_pronouns,
            "group_pronoun" => &mut self.group_pronouns,
            "plural_pronoun" => &mut self.plural_pronouns,
            "negation" => &mut self.negation,
            "future_auxiliary" => &mut self.future_auxiliaries,
            "possibility_auxiliary" => &mut self.possibility_auxiliaries,
            "obligation_auxiliary" => &mut self.obligation_auxiliaries,
            "condition_marker" => &mut self.condition_markers,
            "threat_condition" => &mut self.threat_conditions,
            "intent_verb" => &mut self.intent_verbs,
            "refusal_verb" => &mut self.refusal_verbs,
            "grant_verb" => &mut self.grant_verbs,
            "failure_verb" => &mut self.failure_verbs,
            "attempt_verb" => &mut self.attempt_verbs,
            "report_verb" => &mut self.report_verbs,
            "light_verb" => &mut self.light_verbs,
            "agent_noun" => &mut self.agent_nouns,
            "intent_adjective" => &mut self.intent_adjectives,
            "possibility_adjective" => &mut self.possibility_adjectives,
            "intent_noun" => &mut self.intent_nouns,
            "attempt_noun" => &mut self.attempt_nouns,
            "location_noun" => &mut self.location_nouns,
            "owned_noun" => &mut self.owned_nouns,
            "part_noun" => &mut self.part_nouns,
            "place_kind_noun" => &mut self.place_kind_nouns,
            "unit_noun" => &mut self.unit_nouns,
            "temporal_noun" => &mut self.temporal_nouns,
            "media_noun" => &mut self.media_nouns,
            "company_noun" => &mut self.company_nouns,
            "party_noun" => &mut self.party_nouns,
            "body_noun" => &mut self.body_nouns,
            "country_noun" => &mut self.country_nouns,
            "facility_noun" => &mut self.facility_nouns,
            "office_verb" => &mut self.office_verbs,
            "naming_verb" => &mut self.naming_verbs,
            "pejorative_noun" => &mut self.pejorative_nouns,
            "doer_noun" => &mut self.doer_nouns,
            _ => return None,
        })
    }

    /// Every word list with its name, for checks and documentation.
    pub fn lists(&self) -> Vec<(&'static str, &WordList)> {
        vec![
            ("title_abbreviation", &self.title_abbreviations),
            ("abbreviation", &self.abbreviations),
            ("sentence_opener", &self.sentence_openers),
            ("name_connector", &self.name_connectors),
            ("person_particle", &self.person_particles),
            ("former", &self.former),
            ("title_prefix", &self.title_prefixes),
            ("article", &self.articles),
            ("indefinite_article", &self.indefinite_articles),
            ("place_preposition", &self.place_prepositions),
            ("place_noun", &self.place_nouns),
            ("cue_phrase_connector", &self.cue_phrase_connectors),
            ("title_predicate", &self.title_predicates),
            ("title_complement", &self.title_complements),
            ("honorific", &self.honorifics),
            ("name_suffix", &self.name_suffixes),
            ("party_epithet", &self.party_epithets),
            ("person_relative", &self.person_relatives),
            ("copula", &self.copulas),
            ("ordinal", &self.ordinals),
            ("language_noun", &self.language_nouns),
            ("place_direction", &self.place_directions),
            ("list_opener", &self.list_openers),
            ("state_body", &self.state_bodies),
            ("preposition", &self.prepositions),
            ("determiner", &self.determiners),
            ("possessive_determiner", &self.possessive_determiners),
            ("negator", &self.negators),
            ("modal", &self.modals),
            ("obligation_modal", &self.obligation_modals),
            ("be", &self.be),
            ("passive_be", &self.passive_be),
            ("verb_filler", &self.verb_fillers),
            ("coordinator", &self.coordinators),
            ("group_noun", &self.group_nouns),
            ("member_noun", &self.member_nouns),
            ("group_of_noun", &self.group_of_nouns),
            ("reporting_verb", &self.reporting_verbs),
            ("apposition_opener", &self.apposition_openers),
            ("clause_opener", &self.clause_openers),
            ("detention_preposition", &self.detention_prepositions),
            ("person_pronoun", &self.person_pronouns),
            ("group_pronoun", &self.group_pronouns),
            ("plural_pronoun", &self.plural_pronouns),
            ("negation", &self.negation),
            ("future_auxiliary", &self.future_auxiliaries),
            ("possibility_auxiliary", &self.possibility_auxiliaries),
            ("obligation_auxiliary", &self.obligation_auxiliaries),
            ("condition_marker", &self.condition_markers),
            ("threat_condition", &self.threat_conditions),
            ("intent_verb", &self.intent_verbs),
            ("refusal_verb", &self.refusal_verbs),
            ("grant_verb", &self.grant_verbs),
            ("failure_verb", &self.failure_verbs),
            ("attempt_verb", &self.attempt_verbs),
            ("report_verb", &self.report_verbs),
            ("light_verb", &self.light_verbs),
            ("agent_noun", &self.agent_nouns),
            ("intent_adjective", &self.intent_adjectives),
            ("possibility_adjective", &self.possibility_adjectives),
            ("intent_noun", &self.intent_nouns),
            ("attempt_noun", &self.attempt_nouns),
            ("location_noun", &self.location_nouns),
            ("owned_noun", &self.owned_nouns),
            ("part_noun", &self.part_nouns),
            ("place_kind_noun", &self.place_kind_nouns),
            ("unit_noun", &self.unit_nouns),
            ("temporal_noun", &self.temporal_nouns),
            ("media_noun", &self.media_nouns),
            ("company_noun", &self.company_nouns),
            ("party_noun", &self.party_nouns),
            ("body_noun", &self.body_nouns),
            ("country_noun", &self.country_nouns),
            ("facility_noun", &self.facility_nouns),
            ("office_verb", &self.office_verbs),
            ("naming_verb", &self.naming_verbs),
            ("pejorative_noun", &self.pejorative_nouns),
            ("doer_noun", &self.doer_nouns),
            ("ordinal_suffix", &self.ordinal_suffixes),
        ]
    }

    /// The number of the month a word names: its full name or its first three or four
    /// letters, a full stop allowed (`May`, `Jan.`, `Sept`).
    pub fn month(&self, word: &str) -> Option<u32> {
        let w = word.trim_end_matches('.').to_lowercase();
        if w.len() < 3 {
            return None;
        }
        self.months
            .iter()
            .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
            .map(|i| i as u32 + 1)
    }

    /// The number of the weekday a lower-case word names (Monday 1).
    pub fn weekday(&self, word: &str) -> Option<u32> {
        self.weekdays
            .iter()
            .find(|(name, _)| name == word)
            .map(|&(_, n)| n)
    }

    /// How many days before the article an expression ending with `words[i]` puts an
    /// event (`yesterday`, `last week`); the words are in lower case.
    pub fn days_before(&self, words: &[String], i: usize) -> Option<i64> {
        let one = self
            .days_before
            .iter()
            .find(|(e, _)| e.len() == 1 && e[0] == words[i]);
        let two = || {
            self.days_before
                .iter()
                .find(|(e, _)| e.len() == 2 && i > 0 && e[1] == words[i] && e[0] == words[i - 1])
        };
        one.or_else(two).map(|&(_, n)| n)
    }

    /// A lower-case word that alone says when, as a noun phrase with no preposition: a
    /// weekday or a one-word `days_before` expression ("Wednesday", "today").
    pub fn is_time_word(&self, word: &str) -> bool {
        self.weekday(word).is_some()
            || self
                .days_before
                .iter()
                .any(|(e, _)| e.len() == 1 && e[0] == word)
    }

    /// Month and weekday names in lower case: never the name of an actor on its own.
    pub fn calendar_names(&self) -> impl Iterator<Item = &str> {
        self.months
            .iter()
            .map(String::as_str)
            .chain(self.weekdays.iter().map(|(w, _)| w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_list_is_read_and_none_is_empty() {
        let lang = Language::builtin().unwrap_or_else(|e| panic!("{e}"));
        for (name, list) in lang.lists() {
            assert!(!list.is_empty(), "list {name} is empty");
        }
        assert_eq!(lang.months.len(), 12);
        assert!(lang.months.iter().all(|m| !m.is_empty()));
        assert_eq!(lang.weekdays.len(), 7);
        assert_eq!(lang.former.first(), Some("former"));
        assert!(lang.prepositions.contains("with") && !lang.prepositions.contains("With"));
        assert!(lang.title_abbreviations.contains_ignoring_ascii_case("MR."));
        assert!(!lang.abbreviations.contains("inc."));
    }

    #[test]
    fn dates_words() {
        let lang = Language::builtin().unwrap();
        assert_eq!(lang.month("May"), Some(5));
        assert_eq!(lang.month("Jan."), Some(1));
        assert_eq!(lang.month("Sept"), Some(9));
        assert_eq!(lang.month("Ma"), None);
        assert_eq!(lang.month("Septem"), None);
        assert_eq!(lang.weekday("tuesday"), Some(2));
        let words: Vec<String> = ["met", "last", "week"].map(String::from).to_vec();
        assert_eq!(lang.days_before(&words, 2), Some(7));
        assert_eq!(lang.days_before(&words, 1), None);
        let words = vec!["yesterday".to_string()];
        assert_eq!(lang.days_before(&words, 0), Some(1));
    }

    #[test]
    fn a_bad_row_names_its_file_and_line() {
        let mut lang = Language::default();
        let e = lang
            .add_text("x.tsv", "# c\nword\tlist\nthe\tarticle\nthe\tarticel\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "x.tsv:4: unknown list \"articel\"");
        let e = lang
            .add_text("c.tsv", "word\tkind\tnumber\nsmarch\tmonth\t13\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.tsv:2: month \"smarch\" needs a number from 1 to 12, not \"13\""
        );
        assert!(lang.add_text("h.tsv", "words\n").is_err());
        assert!(lang.add_text("f.tsv", "word\tlist\nthe\n").is_err());
        assert!(lang.articles.contains("the"));
    }

    #[test]
    fn capitalised_forms() {
        let mut lang = Language::default();
        lang.add_text(
            "a.tsv",
            "word\tlist\na\tindefinite_article\nan\tindefinite_article\n",
        )
        .unwrap();
        let l = &lang.indefinite_articles;
        assert!(l.contains_lower_or_capitalised("a") && l.contains_lower_or_capitalised("An"));
        assert!(!l.contains_lower_or_capitalised("AN") && !l.contains_lower_or_capitalised("the"));
    }
}
