//! Parsers for the data file formats (see `data/README.md`). Every file is UTF-8 text;
//! `#` starts a comment line; TSV files have one header row that tells their kind; lists
//! inside a field are separated by `;`. Errors name the file and line.

use super::{
    CuePosition, EntryId, Frame, FramePos, GazEntry, Lexicon, NonActorPosition, Target, Title,
    TitleScope,
};
use crate::datafile::DataFile;
use crate::error::{DataError, DataErrorKind};
use crate::model::{fold, name_key, EntityType, RelationKind};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Countries,
    Places,
    Organizations,
    Titles,
    Cues,
    Frames,
    Intents,
    NonNames,
    Detention,
    People,
    ActorOrganizations,
    RoleNouns,
    NonActors,
    NonActorCues,
    Identifiers,
    PartyAdjectives,
}

const HEADERS: &[(Kind, &str)] = &[
    (Kind::Countries, "name\taliases\tdemonyms\tcapital\tcode"),
    (Kind::Places, "name\ttype\taliases\tlocated_in"),
    (Kind::Organizations, "name\ttype\taliases\tcountry"),
    (Kind::Titles, "title\trelation\tscope\tplural"),
    (Kind::Cues, "cue\tposition\ttype"),
    (Kind::Intents, "relation\tintended_as"),
    (
        Kind::Frames,
        "lemma\tpos\tobject\ttarget\trelation\texample",
    ),
    (Kind::NonNames, "non_name"),
    (Kind::Detention, "detention_word"),
    (Kind::People, "name\taliases\tcountry\troles\tsource"),
    (
        Kind::ActorOrganizations,
        "name\ttype\taliases\tcountry\tcodes\tsource",
    ),
    (Kind::RoleNouns, "noun\tplural\ttype\tcode"),
    (Kind::NonActors, "phrase\tcategory"),
    (Kind::NonActorCues, "cue\tposition\tcategory"),
    (
        Kind::Identifiers,
        "name\ttype\tiso3\twikidata\tchecked\tsource",
    ),
    (Kind::PartyAdjectives, "adjective\tparty"),
];

fn split_list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn none_if_empty(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty()).then(|| f.to_string())
}

pub(super) fn add_text(lex: &mut Lexicon, file: &str, text: &str) -> Result<(), DataError> {
    let err = |line: usize, kind: DataErrorKind| DataError {
        file: file.to_string(),
        line,
        kind,
    };
    // word lists may go without a header when their file name says what they are
    let by_name = if file.ends_with("non_names.txt") {
        Some(Kind::NonNames)
    } else if file.ends_with("detention.txt") {
        Some(Kind::Detention)
    } else {
        None
    };
    let headers: Vec<&str> = HEADERS.iter().map(|(_, h)| *h).collect();
    let headerless = by_name.and_then(|k| HEADERS.iter().position(|(hk, _)| *hk == k));
    let (k, rows) = DataFile::open(file, text, &headers, headerless)?;
    let k = HEADERS[k].0;
    for row in rows {
        let row = row?;
        let line_no = row.line;
        let f = |j: usize| row.field(j);
        let parse_type = |s: &str| s.parse::<EntityType>().map_err(|e| err(line_no, e.into()));
        let parse_relation = |s: &str| {
            s.parse::<RelationKind>()
                .map_err(|e| err(line_no, e.into()))
        };
        let one_of = |column: &'static str, value: &str, expected: &'static str| {
            err(
                line_no,
                DataErrorKind::NotOneOf {
                    column,
                    value: value.to_string(),
                    expected,
                },
            )
        };
        match k {
            Kind::Countries => {
                let aliases = split_list(f(1));
                let before = lex.entries.len();
                lex.add_entry(GazEntry {
                    name: f(0).to_string(),
                    kind: EntityType::Country,
                    aliases,
                    country: None,
                    background: false,
                });
                let ix = lex.entry_index(f(0)).unwrap_or(EntryId(before));
                let demonyms = split_list(f(2));
                for d in &demonyms {
                    lex.demonyms.insert(d.to_lowercase(), ix);
                }
                let names: Vec<String> = std::iter::once(f(0).to_string())
                    .chain(split_list(f(1)))
                    .map(|n| n.to_lowercase())
                    .collect();
                let shared = |d: &str| {
                    let d = d.to_lowercase();
                    names
                        .iter()
                        .map(|n| n.chars().zip(d.chars()).take_while(|(a, b)| a == b).count())
                        .max()
                        .unwrap_or(0)
                };
                // the best shared start; among equals the first listed
                let best = demonyms.iter().map(|d| shared(d)).max().unwrap_or(0);
                let adjective = demonyms
                    .iter()
                    .find(|d| best >= 4 && shared(d) == best)
                    .or(demonyms.first());
                if let Some(a) = adjective {
                    lex.adjectives.entry(ix).or_insert_with(|| a.clone());
                }
                if let Some(capital) = none_if_empty(f(3)) {
                    lex.add_entry(GazEntry {
                        name: capital,
                        kind: EntityType::Place,
                        aliases: vec![],
                        country: Some(f(0).to_string()),
                        background: false,
                    });
                }
            }
            Kind::Places | Kind::Organizations => {
                let kind = parse_type(f(1))?;
                lex.add_entry(GazEntry {
                    name: f(0).to_string(),
                    kind,
                    aliases: split_list(f(2)),
                    country: none_if_empty(f(3)),
                    background: false,
                });
            }
            Kind::ActorOrganizations => {
                let kind = parse_type(f(1))?;
                lex.add_entry(GazEntry {
                    name: f(0).to_string(),
                    kind,
                    aliases: split_list(f(2)),
                    country: none_if_empty(f(3)),
                    background: true,
                });
            }
            Kind::People => {
                lex.add_person(f(0), &split_list(f(1)));
            }
            Kind::RoleNouns => {
                let kind = parse_type(f(2))?;
                for form in std::iter::once(f(0)).chain(split_list(f(1)).iter().map(String::as_str))
                {
                    let form = form.to_lowercase();
                    lex.max_role_tokens = lex.max_role_tokens.max(form.split_whitespace().count());
                    lex.role_nouns.entry(form).or_insert(kind);
                }
            }
            Kind::NonActors => {
                lex.non_actors.insert(fold(f(0)));
            }
            Kind::NonActorCues => {
                let position = match f(1) {
                    "first" => NonActorPosition::First,
                    "last" => NonActorPosition::Last,
                    "whole" => NonActorPosition::Whole,
                    other => return Err(one_of("position", other, "first, last or whole")),
                };
                let cue = match position {
                    NonActorPosition::Whole => fold(f(0)),
                    _ => f(0).to_lowercase(),
                };
                lex.non_actor_cues.insert((cue, position), f(2).to_string());
            }
            Kind::Identifiers => {
                let kind = parse_type(f(1))?;
                let (iso3, wikidata, checked, source) = (f(2), f(3), f(4), f(5));
                let iso3_ok = iso3.len() == 3 && iso3.bytes().all(|b| b.is_ascii_uppercase());
                if !iso3.is_empty() && !iso3_ok {
                    return Err(one_of(
                        "iso3",
                        iso3,
                        "three capital letters (ISO 3166-1 alpha-3) or empty",
                    ));
                }
                let q = wikidata.strip_prefix('Q').unwrap_or("");
                if !wikidata.is_empty()
                    && (q.is_empty()
                        || q.starts_with('0')
                        || !q.bytes().all(|b| b.is_ascii_digit()))
                {
                    return Err(one_of(
                        "wikidata",
                        wikidata,
                        "a Wikidata item (Q and digits) or empty",
                    ));
                }
                if !matches!(checked, "yes" | "no") {
                    return Err(one_of("checked", checked, "yes or no"));
                }
                if source.is_empty() {
                    return Err(one_of(
                        "source",
                        source,
                        "where the id was checked (a URL or a file): an id without a source is never attached",
                    ));
                }
                let ids = lex.identifiers.entry((name_key(f(0)), kind)).or_default();
                for (scheme, id) in [("iso3", iso3), ("wikidata", wikidata)] {
                    if !id.is_empty() {
                        ids.entry(scheme.to_string())
                            .or_insert_with(|| id.to_string());
                    }
                }
            }
            Kind::Titles => {
                let relation = parse_relation(f(1))?;
                let scope = match f(2) {
                    "country" => TitleScope::Country,
                    "body" => TitleScope::Body,
                    "org" => TitleScope::Org,
                    other => return Err(one_of("scope", other, "country, body or org")),
                };
                let title = Title {
                    title: f(0).to_lowercase(),
                    relation,
                    scope,
                };
                for form in std::iter::once(f(0)).chain(split_list(f(3)).iter().map(String::as_str))
                {
                    let form = form.to_lowercase();
                    lex.max_title_tokens = lex
                        .max_title_tokens
                        .max(crate::text::tokenize(&form, 0).len());
                    lex.add_title_heads(&form);
                    lex.titles.insert(form, title.clone());
                }
            }
            Kind::Cues => {
                let position = match f(1) {
                    "first" => CuePosition::First,
                    "last" => CuePosition::Last,
                    "any" => CuePosition::Any,
                    other => return Err(one_of("position", other, "first, last or any")),
                };
                let kind = parse_type(f(2))?;
                lex.cues
                    .entry(f(0).to_lowercase())
                    .or_default()
                    .set(position, kind);
            }
            Kind::Frames => {
                let pos = match f(1) {
                    "VERB" => FramePos::Verb,
                    "NOUN" => FramePos::Noun,
                    other => return Err(one_of("pos", other, "VERB or NOUN")),
                };
                let target = Target::parse(f(3), pos).map_err(|_| {
                    one_of(
                        "target",
                        f(3),
                        "obj, iobj or obl:PREP for a verb, nmod:PREP for a noun",
                    )
                })?;
                let mut words = f(0).split_whitespace().map(str::to_lowercase);
                let Some(lemma) = words.next() else {
                    return Err(one_of("lemma", f(0), "a word"));
                };
                let frame = Frame {
                    lemma: lemma.clone(),
                    particle: words.collect(),
                    pos,
                    object: split_list(&f(2).to_lowercase()),
                    target,
                    relation: parse_relation(f(4))?,
                    example: f(5).to_string(),
                };
                if pos == FramePos::Verb {
                    // regular forms, for words whose lemma the parser gets wrong
                    let past = regular_past(&lemma);
                    for form in [third_singular(&lemma), gerund(&lemma, &past), past.clone()] {
                        lex.verb_forms.entry(form).or_insert_with(|| lemma.clone());
                    }
                }
                let map = match pos {
                    FramePos::Verb => &mut lex.verb_frames,
                    FramePos::Noun => &mut lex.noun_frames,
                };
                let frames = map.entry(lemma).or_default();
                if !frames.contains(&frame) {
                    frames.push(frame);
                }
            }
            Kind::Intents => {
                let relation = parse_relation(f(0))?;
                lex.intended_as.insert(relation, parse_relation(f(1))?);
            }
            Kind::NonNames => {
                lex.non_names.insert(f(0).to_lowercase());
            }
            Kind::Detention => {
                lex.detention_words.insert(f(0).to_lowercase());
            }
            Kind::PartyAdjectives => {
                let words: Vec<String> = f(0).split_whitespace().map(str::to_lowercase).collect();
                if words.is_empty() || f(1).trim().is_empty() {
                    return Err(one_of("adjective", f(0), "a word and a party's name"));
                }
                lex.max_party_adjective_tokens = lex.max_party_adjective_tokens.max(words.len());
                let parties = lex.party_adjectives.entry(words.join(" ")).or_default();
                let party = f(1).trim().to_string();
                if !parties.contains(&party) {
                    parties.push(party);
                }
            }
        }
    }
    Ok(())
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

pub(crate) fn third_singular(w: &str) -> String {
    if ends_consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

pub(crate) fn regular_past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if ends_consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

/// The -ing form; a doubled consonant in the past form (`banned`) is doubled here too.
pub(crate) fn gerund(w: &str, past: &str) -> String {
    if let Some(last) = w.chars().last() {
        let doubled = format!("{w}{last}ed");
        if past == doubled {
            return format!("{w}{last}ing");
        }
    }
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(third_singular("criticize"), "criticizes");
        assert_eq!(third_singular("deny"), "denies");
        assert_eq!(third_singular("push"), "pushes");
        assert_eq!(regular_past("deny"), "denied");
        assert_eq!(regular_past("praise"), "praised");
        assert_eq!(regular_past("back"), "backed");
        assert_eq!(gerund("ban", "banned"), "banning");
        assert_eq!(gerund("praise", "praised"), "praising");
        assert_eq!(gerund("see", "saw"), "seeing");
        assert_eq!(gerund("meet", "met"), "meeting");
    }

    #[test]
    fn files_are_told_apart_by_header_and_errors_name_the_line() {
        let mut lex = Lexicon::default();
        lex.add_text("v.tsv", "# my verbs\nlemma\tpos\tobject\ttarget\trelation\texample\nscold\tVERB\t\tobj\tACCUSE\tA scolded B.\n").unwrap();
        let scold = lex.frames(FramePos::Verb, "scold", "scolded");
        assert_eq!(scold.len(), 1);
        assert_eq!(scold[0].relation, RelationKind::Accuse);
        // the verb lexicon's old format is no longer read: its header is refused
        let old = lex
            .add_text("old.tsv", "verb\tpast\tparticiple\tparticle\trelation\texample\nmeet\tmet\tmet\twith\tCONSULT\tA met with B.\n")
            .unwrap_err();
        assert!(
            matches!(old.kind, DataErrorKind::UnknownHeader { .. }),
            "{old}"
        );
        let e = lex
            .add_text("bad.tsv", "cue\tposition\ttype\nParty\tlast\tClub\n")
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("bad.tsv", 2));
        assert!(e.to_string().contains("unknown entity type"));
        let e = lex.add_text("x.tsv", "hello\tworld\n").unwrap_err();
        assert!(matches!(e.kind, DataErrorKind::UnknownHeader { .. }), "{e}");
        let e = lex
            .add_text(
                "t.tsv",
                "title\trelation\tscope\tplural\npresident\tHOLDS_OFFICE\tcountry\n",
            )
            .unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn party_adjectives_name_the_gazetteers_parties_in_file_order() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "o.tsv",
            "name\ttype\taliases\tcountry\nBlue Party\tPoliticalParty\tBlues\tFreedonia\nBlue Party of Sylvania\tPoliticalParty\t\tSylvania\nBlue Bank\tOrganization\t\t\n",
        )
        .unwrap();
        lex.add_text(
            "p.tsv",
            "adjective\tparty\nBlue\tBlue Party of Sylvania\nBlue\tBlues\nBlue\tBlue Bank\nDeep  Blue\tBlue Party\n",
        )
        .unwrap();
        let names = |key: &str| -> Vec<String> {
            lex.parties_of_adjective(key)
                .into_iter()
                .map(|ix| lex.entries[ix].name.clone())
                .collect()
        };
        // an alias names its party; a row naming no party (a bank) names nothing
        assert_eq!(names("blue"), vec!["Blue Party of Sylvania", "Blue Party"]);
        assert_eq!(names("deep blue"), vec!["Blue Party"]);
        assert_eq!(lex.max_party_adjective_tokens, 2);
        assert!(lex
            .add_text("p.tsv", "adjective\tparty\nBlue\t \n")
            .is_err());
    }

    #[test]
    fn gazetteer_rows_become_entries_with_forms_and_demonyms() {
        let mut lex = Lexicon::default();
        lex.add_text("c.tsv", "name\taliases\tdemonyms\tcapital\tcode\nFreedonia\tFD;Republic of Freedonia\tFreedonian;Freedonians\tFreedon City\tFRD\n").unwrap();
        assert_eq!(lex.lookup("fd").unwrap().name, "Freedonia");
        assert_eq!(
            lex.lookup("Republic of Freedonia").unwrap().name,
            "Freedonia"
        );
        assert_eq!(lex.lookup("Freedon City").unwrap().kind, EntityType::Place);
        assert_eq!(
            lex.entries[lex.demonym("freedonians").unwrap()].name,
            "Freedonia"
        );
    }
}
