//! Cross-document identity: which forms of the corpus name one actor. A pure function of
//! the forms alone ([`roots`]), so that it gives the same answer whatever order the
//! documents were read or merged in, and whatever shards the corpus was built in.
//!
//! A form is linked to a fuller one when the corpus leaves no doubt:
//!
//! - a person's bare surname, first name or shorter name ("Trump", "Omar Ayub") goes to
//!   the one fuller person name whose words it ends or starts ("Donald Trump", "Omar Ayub
//!   Khan");
//! - a form that another form of the same type lists as its alias (an article said
//!   "Pakistan Tehreek-e-Insaf (PTI)"; another says only "PTI") goes to that form;
//! - a spelling that differs only by accents ("Erdogan") goes to the more mentioned one.
//!
//! When the candidates lead to several actors ("Khan": Imran Khan and Sadiq Khan), the
//! candidates seen within [`WINDOW_DAYS`] of the form are kept, then those sharing one of
//! its titles, then the surname matches over the first-name ones; a form still ambiguous
//! stays its own node. A form seen with a title (an office) links only to an actor seen
//! within the window: "President Bush" of 1990 is not the one of 2005.

use crate::model::{fold, Actor, EntityType};
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How far apart (in days) the dates of two forms may be for one to stand for the other
/// when the name alone is ambiguous, or when the shorter form is seen with an office.
pub const WINDOW_DAYS: i64 = 730;

/// Every form's root: the form whose node it belongs to (itself when it is linked to
/// none). Keys and values are form ids.
pub fn roots(forms: &BTreeMap<String, Actor>) -> BTreeMap<String, String> {
    let info: Vec<FormInfo> = forms.values().map(FormInfo::new).collect();
    let index = Index::new(&info);
    // a form links only to a form of higher rank, so that links never make a cycle and
    // every candidate's root is known when a form is looked at
    let mut order: Vec<usize> = (0..info.len()).collect();
    order.sort_by_key(|&i| Reverse(info[i].rank()));
    let mut root: Vec<usize> = (0..info.len()).collect();
    for &g in &order {
        if let Some(f) = link_target(g, &info, &index, &root) {
            root[g] = root[f];
        }
    }
    info.iter()
        .enumerate()
        .map(|(i, f)| (f.id.to_string(), info[root[i]].id.to_string()))
        .collect()
}

/// What linking reads of a form, folded once.
struct FormInfo<'a> {
    id: &'a str,
    kind: EntityType,
    words: Vec<String>,
    folded: String,
    aliases: BTreeSet<String>,
    /// Offices, lower case, "former" left out.
    titles: BTreeSet<String>,
    mentions: u32,
    dates: Option<(NaiveDate, NaiveDate)>,
}

impl<'a> FormInfo<'a> {
    fn new(a: &'a Actor) -> FormInfo<'a> {
        let folded = fold(&a.name);
        let day = |d: &Option<String>| {
            d.as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        };
        let dates = match (day(&a.first_seen), day(&a.last_seen)) {
            (Some(f), Some(l)) => Some((f, l)),
            (Some(d), None) | (None, Some(d)) => Some((d, d)),
            (None, None) => None,
        };
        FormInfo {
            id: &a.id,
            kind: a.kind,
            words: words_of(&a.name),
            folded,
            aliases: a.aliases.iter().map(|x| fold(x)).collect(),
            titles: a.titles.iter().map(|t| office(t)).collect(),
            mentions: a.mentions,
            dates,
        }
    }

    /// Fuller names first, then the more mentioned; the id breaks ties.
    fn rank(&self) -> (usize, u32, Reverse<&str>) {
        (self.words.len(), self.mentions, Reverse(self.id))
    }

    /// Seen within the window of the other's dates (true when either has none).
    fn near(&self, other: &FormInfo<'_>) -> bool {
        match (self.dates, other.dates) {
            (Some((f1, l1)), Some((f2, l2))) => {
                (f2 - l1).num_days() <= WINDOW_DAYS && (f1 - l2).num_days() <= WINDOW_DAYS
            }
            _ => true,
        }
    }
}

/// The folded words of a name, with a lower-case particle joined to a word by a hyphen
/// left out ("Bashar al-Assad": bashar, assad), so that "Assad" is a surname of it.
fn words_of(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            let bare = match w.split_once('-') {
                Some((p, rest))
                    if p.chars().all(char::is_lowercase)
                        && rest.chars().next().is_some_and(char::is_uppercase) =>
                {
                    rest
                }
                _ => w,
            };
            fold(bare)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A title as an office: lower case, without the word for "former".
fn office(title: &str) -> String {
    let t = title.to_lowercase();
    t.strip_prefix("former ").unwrap_or(&t).to_string()
}

/// The forms a form may stand for, found without a scan over every form.
struct Index {
    /// (folded alias, type) → forms that list it.
    alias: HashMap<(String, EntityType), Vec<usize>>,
    /// (folded name, type) → forms.
    name: HashMap<(String, EntityType), Vec<usize>>,
    /// Last and first word of person names of two words or more → forms.
    last_word: HashMap<String, Vec<usize>>,
    first_word: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(info: &[FormInfo<'_>]) -> Index {
        let mut ix = Index {
            alias: HashMap::new(),
            name: HashMap::new(),
            last_word: HashMap::new(),
            first_word: HashMap::new(),
        };
        for (i, f) in info.iter().enumerate() {
            for a in &f.aliases {
                ix.alias.entry((a.clone(), f.kind)).or_default().push(i);
            }
            ix.name
                .entry((f.folded.clone(), f.kind))
                .or_default()
                .push(i);
            if f.kind == EntityType::Person && f.words.len() >= 2 {
                if let (Some(first), Some(last)) = (f.words.first(), f.words.last()) {
                    ix.last_word.entry(last.clone()).or_default().push(i);
                    ix.first_word.entry(first.clone()).or_default().push(i);
                }
            }
        }
        ix
    }
}

/// How a candidate matched, best first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Listed as an alias, or the same name but for accents.
    Alias,
    /// The form's words end the candidate's name (a surname).
    Surname,
    /// The form's words start the candidate's name (a first name).
    FirstName,
}

/// A test a candidate (form, how it matched) passes or not.
type Filter<'a> = dyn Fn(&(usize, Match)) -> bool + 'a;

/// The form `g` stands for, when the corpus leaves no doubt.
fn link_target(g: usize, info: &[FormInfo<'_>], index: &Index, root: &[usize]) -> Option<usize> {
    let form = &info[g];
    let higher = |f: usize| f != g && info[f].rank() > form.rank();
    let mut candidates: Vec<(usize, Match)> = Vec::new();
    let key = (form.folded.clone(), form.kind);
    for &f in index.alias.get(&key).into_iter().flatten() {
        if higher(f) {
            candidates.push((f, Match::Alias));
        }
    }
    for &f in index.name.get(&key).into_iter().flatten() {
        if higher(f) {
            candidates.push((f, Match::Alias));
        }
    }
    if form.kind == EntityType::Person {
        let n = form.words.len();
        let ends = |f: usize| info[f].words.len() > n && info[f].words.ends_with(&form.words);
        let starts = |f: usize| info[f].words.len() > n && info[f].words.starts_with(&form.words);
        if let Some(last) = form.words.last() {
            for &f in index.last_word.get(last).into_iter().flatten() {
                if higher(f) && ends(f) {
                    candidates.push((f, Match::Surname));
                }
            }
        }
        if let Some(first) = form.words.first() {
            for &f in index.first_word.get(first).into_iter().flatten() {
                if higher(f) && starts(f) {
                    candidates.push((f, Match::FirstName));
                }
            }
        }
    }
    if candidates.is_empty() {
        return None;
    }
    // one entry per actor (root), with its best match
    let mut by_root: BTreeMap<usize, (usize, Match)> = BTreeMap::new();
    for (f, m) in candidates {
        let e = by_root.entry(root[f]).or_insert((f, m));
        if m < e.1 {
            *e = (f, m);
        }
    }
    let mut left: Vec<(usize, Match)> = by_root.into_values().collect();
    let root_of = |(f, _): &(usize, Match)| &info[root[*f]];
    // an office holder is linked only within the window
    if !form.titles.is_empty() {
        left.retain(|c| form.near(root_of(c)) && form.near(&info[c.0]));
    }
    // narrow down an ambiguous name; each filter applies only if it leaves someone
    let filters: [&Filter<'_>; 3] = [
        &|c| form.near(root_of(c)),
        &|c| !form.titles.is_empty() && (form.titles.iter()).any(|t| root_of(c).titles.contains(t)),
        &|c| c.1 <= Match::Surname,
    ];
    for keep in filters {
        if left.len() <= 1 {
            break;
        }
        let kept: Vec<(usize, Match)> = left.iter().copied().filter(|c| keep(c)).collect();
        if !kept.is_empty() {
            left = kept;
        }
    }
    match left.as_slice() {
        [(f, _)] => Some(*f),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::actor_id;

    fn form(name: &str, kind: EntityType, aliases: &[&str], date: &str) -> Actor {
        Actor {
            id: actor_id(name, kind),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: vec![],
            mentions: 1,
            documents: 1,
            first_seen: Some(date.into()),
            last_seen: Some(date.into()),
            ids: Default::default(),
        }
    }

    fn titled(mut a: Actor, title: &str) -> Actor {
        a.titles.push(title.into());
        a
    }

    /// Each form's name with its root's name, for the forms that are linked.
    fn links(forms: Vec<Actor>) -> Vec<(String, String)> {
        let by_id: BTreeMap<String, Actor> = forms.into_iter().map(|a| (a.id.clone(), a)).collect();
        roots(&by_id)
            .into_iter()
            .filter(|(f, r)| f != r)
            .map(|(f, r)| (by_id[&f].name.clone(), by_id[&r].name.clone()))
            .collect()
    }

    fn s(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    const P: EntityType = EntityType::Person;

    #[test]
    fn a_bare_surname_or_first_name_goes_to_the_one_full_name() {
        assert_eq!(
            links(vec![
                form("Donald Trump", P, &["Trump"], "2020-01-01"),
                form("Trump", P, &[], "2020-02-01"),
                form("Donald", P, &[], "2020-02-01"),
                form("Omar Ayub", P, &[], "2020-02-01"),
                form("Omar Ayub Khan", P, &[], "2020-02-01"),
                // another type is another actor
                form("Trump", EntityType::Organization, &[], "2020-02-01"),
            ]),
            vec![
                s("Donald", "Donald Trump"),
                s("Omar Ayub", "Omar Ayub Khan"),
                s("Trump", "Donald Trump"),
            ]
        );
    }

    #[test]
    fn two_people_with_one_surname_keep_the_bare_surname_apart() {
        assert_eq!(
            links(vec![
                form("Imran Khan", P, &["Khan"], "2024-01-01"),
                form("Sadiq Khan", P, &["Khan"], "2024-01-01"),
                form("Khan", P, &[], "2024-01-01"),
            ]),
            vec![]
        );
        // a title they share with only one of them decides
        assert_eq!(
            links(vec![
                titled(
                    form("Imran Khan", P, &[], "2024-01-01"),
                    "former Prime Minister"
                ),
                titled(form("Sadiq Khan", P, &[], "2024-01-01"), "Mayor"),
                titled(form("Khan", P, &[], "2024-01-03"), "Prime Minister"),
            ]),
            vec![s("Khan", "Imran Khan")]
        );
        // and so do the dates, years apart
        assert_eq!(
            links(vec![
                form("George H. W. Bush", P, &[], "1990-01-01"),
                form("George W. Bush", P, &[], "2005-01-01"),
                form("Bush", P, &[], "2005-06-01"),
            ]),
            vec![s("Bush", "George W. Bush")]
        );
    }

    #[test]
    fn an_office_holder_is_linked_only_within_the_window() {
        assert_eq!(
            links(vec![
                form("George H. W. Bush", P, &[], "1990-01-01"),
                titled(form("Bush", P, &[], "2005-06-01"), "President"),
            ]),
            vec![]
        );
        assert_eq!(
            links(vec![
                form("George H. W. Bush", P, &[], "1990-01-01"),
                titled(form("Bush", P, &[], "1991-06-01"), "President"),
            ]),
            vec![s("Bush", "George H. W. Bush")]
        );
    }

    #[test]
    fn aliases_and_accents_link_other_types_too() {
        let party = EntityType::PoliticalParty;
        assert_eq!(
            links(vec![
                form("Pakistan Tehreek-e-Insaf", party, &["PTI"], "2024-01-01"),
                form("PTI", party, &[], "2024-01-02"),
                // an alias of another type says nothing
                form("PTI", EntityType::Media, &[], "2024-01-02"),
                form("Recep Tayyip Erdoğan", P, &["Erdoğan"], "2024-01-01"),
                form("Erdogan", P, &[], "2024-01-02"),
            ]),
            vec![
                s("Erdogan", "Recep Tayyip Erdoğan"),
                s("PTI", "Pakistan Tehreek-e-Insaf"),
            ]
        );
    }

    #[test]
    fn a_surname_after_a_particle_is_a_surname() {
        assert_eq!(
            links(vec![
                form("Bashar al-Assad", P, &[], "2024-01-01"),
                form("Assad", P, &[], "2024-01-02"),
            ]),
            vec![s("Assad", "Bashar al-Assad")]
        );
    }

    #[test]
    fn a_short_name_of_a_short_name_reaches_the_full_one() {
        // "Omar" → "Omar Ayub" → "Omar Ayub Khan": one actor, not an ambiguity
        assert_eq!(
            links(vec![
                form("Omar Ayub Khan", P, &[], "2024-01-01"),
                form("Omar Ayub", P, &[], "2024-01-01"),
                form("Omar", P, &[], "2024-01-01"),
            ]),
            vec![
                s("Omar Ayub", "Omar Ayub Khan"),
                s("Omar", "Omar Ayub Khan")
            ]
        );
    }
}
