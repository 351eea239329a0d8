//! Lemmas: a table learned from the training treebank, from (lower-case form, UPOS) to an
//! edit script (lower-case or not, cut N chars from the end, append a string), and for
//! words the table does not know, the most common script of the longest known suffix
//! (5 chars down to 1) under the same UPOS. Scripts instead of lemma strings keep the table
//! small (a few hundred distinct scripts) and let suffix rules generalize: `-ies` → `-y`.

use rustc_hash::FxHashMap;

use super::hash::{f2, f3, hash_str};
use super::labels::Upos;

/// How a lemma is made from its form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Script {
    pub(crate) lower: bool,
    pub(crate) cut: u8,
    pub(crate) append: String,
}

impl Script {
    /// The script that turns `form` into `lemma` with the fewest edits.
    pub(crate) fn derive(form: &str, lemma: &str) -> Script {
        let best = |lower: bool| -> (usize, Script) {
            let base: Vec<char> = if lower {
                form.chars().flat_map(char::to_lowercase).collect()
            } else {
                form.chars().collect()
            };
            let target: Vec<char> = lemma.chars().collect();
            let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
            let cut = base.len() - common;
            let append: String = target[common..].iter().collect();
            let cost = cut + target.len() - common;
            (
                cost,
                Script {
                    lower,
                    cut: cut.min(255) as u8,
                    append,
                },
            )
        };
        let (keep_cost, keep) = best(false);
        let (lower_cost, lower) = best(true);
        if lower_cost < keep_cost {
            lower
        } else {
            keep
        }
    }

    pub(crate) fn apply(&self, form: &str) -> String {
        let mut base: String = if self.lower {
            form.chars().flat_map(char::to_lowercase).collect()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        if (self.cut as usize) > n {
            return base;
        }
        let keep = n - self.cut as usize;
        if let Some((i, _)) = base.char_indices().nth(keep) {
            base.truncate(i);
        }
        base.push_str(&self.append);
        base
    }
}

fn lower(form: &str) -> String {
    form.chars().flat_map(char::to_lowercase).collect()
}

/// The key of an exact form (case kept: `The` and `US` are entries of their own).
pub(crate) fn known_key(form: &str, upos: Upos) -> u64 {
    f2(0x1E, hash_str(form), upos as u64)
}

pub(crate) fn suffix_key(suffix: &str, upos: Upos) -> u64 {
    f3(
        0x5F,
        hash_str(suffix),
        upos as u64,
        suffix.chars().count() as u64,
    )
}

/// The longest suffix length used by the rules.
pub(crate) const MAX_SUFFIX: usize = 5;

/// The suffixes of `lower` (lower-case) of 5 chars down to 1, each shorter than the word.
pub(crate) fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    (1..=MAX_SUFFIX.min(n.saturating_sub(1)))
        .rev()
        .map(move |k| &lower[starts[n - k]..])
}

/// Tables learned from (form, UPOS, lemma) triples.
pub(crate) struct LemmaTables {
    pub(crate) scripts: Vec<Script>,
    /// `known_key` → script index.
    pub(crate) known: Vec<(u64, u32)>,
    /// `suffix_key` → script index.
    pub(crate) suffix: Vec<(u64, u32)>,
}

/// Learns the tables; the most frequent script wins each key (ties: the smaller script).
pub(crate) fn learn<'a>(words: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> LemmaTables {
    let mut script_ids: FxHashMap<Script, u32> = FxHashMap::default();
    let mut scripts = Vec::new();
    let mut known: FxHashMap<(String, Upos), FxHashMap<u32, usize>> = FxHashMap::default();
    for (form, upos, lemma) in words {
        if lemma.is_empty() || lemma == "_" {
            continue;
        }
        let script = Script::derive(form, lemma);
        let id = *script_ids.entry(script.clone()).or_insert_with(|| {
            scripts.push(script);
            scripts.len() as u32 - 1
        });
        *known
            .entry((form.to_string(), upos))
            .or_default()
            .entry(id)
            .or_default() += 1;
    }
    let pick = |counts: &FxHashMap<u32, usize>, scripts: &[Script]| -> u32 {
        let mut v: Vec<(&u32, &usize)> = counts.iter().collect();
        v.sort_by(|a, b| {
            b.1.cmp(a.1)
                .then_with(|| scripts[*a.0 as usize].cmp(&scripts[*b.0 as usize]))
        });
        *v[0].0
    };
    // suffix rules count each (word, UPOS) type once, by its own best script: unknown
    // words behave like rare types, not like frequent tokens
    let mut by_suffix: FxHashMap<(String, Upos), FxHashMap<u32, usize>> = FxHashMap::default();
    let mut known_out = Vec::with_capacity(known.len());
    let mut keys: Vec<&(String, Upos)> = known.keys().collect();
    keys.sort();
    for key in keys {
        let id = pick(&known[key], &scripts);
        known_out.push((known_key(&key.0, key.1), id));
        for s in suffixes(&lower(&key.0)) {
            *by_suffix
                .entry((s.to_string(), key.1))
                .or_default()
                .entry(id)
                .or_default() += 1;
        }
    }
    let mut suffix_out: Vec<(u64, u32)> = by_suffix
        .iter()
        .map(|(k, counts)| (suffix_key(&k.0, k.1), pick(counts, &scripts)))
        .collect();
    suffix_out.sort_unstable();
    known_out.sort_unstable();
    known_out.dedup_by_key(|e| e.0);
    suffix_out.dedup_by_key(|e| e.0);
    LemmaTables {
        scripts,
        known: known_out,
        suffix: suffix_out,
    }
}

/// The lemma of `form` tagged `upos`, from the tables `known` and `suffix`: the exact
/// form if known; else, for all but proper nouns (whose lemma keeps its case), the lower
/// case form if known; else the suffix rules.
pub(crate) fn lemmatize(
    form: &str,
    upos: Upos,
    scripts: &[Script],
    known: impl Fn(u64) -> Option<u32>,
    suffix: impl Fn(u64) -> Option<u32>,
) -> String {
    let script = |id: u32| scripts.get(id as usize);
    if let Some(s) = known(known_key(form, upos)).and_then(script) {
        return s.apply(form);
    }
    let proper = matches!(upos, Upos::Propn);
    let l = lower(form);
    let base = if proper { form } else { l.as_str() };
    if !proper && base != form {
        if let Some(s) = known(known_key(base, upos)).and_then(script) {
            return s.apply(base);
        }
    }
    let rule = suffixes(&l).find_map(|s| suffix(suffix_key(s, upos)).and_then(script));
    match rule {
        Some(s) => s.apply(base),
        None => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_turn_forms_into_lemmas() {
        for (form, lemma) in [
            ("studies", "study"),
            ("The", "the"),
            ("Khan", "Khan"),
            ("went", "go"),
            ("n't", "not"),
            ("Élections", "élection"),
        ] {
            assert_eq!(Script::derive(form, lemma).apply(form), lemma, "{form}");
        }
        let s = Script::derive("studies", "study");
        assert_eq!(s.apply("parties"), "party");
    }

    #[test]
    fn unknown_words_follow_the_suffix_rules_of_their_tag() {
        let train = [
            ("studies", Upos::Noun, "study"),
            ("parties", Upos::Noun, "party"),
            ("cities", Upos::Noun, "city"),
            ("walked", Upos::Verb, "walk"),
            ("talked", Upos::Verb, "talk"),
        ];
        let t = learn(train.iter().copied());
        let known: FxHashMap<u64, u32> = t.known.iter().copied().collect();
        let suffix: FxHashMap<u64, u32> = t.suffix.iter().copied().collect();
        let lem = |f: &str, u: Upos| {
            lemmatize(
                f,
                u,
                &t.scripts,
                |k| known.get(&k).copied(),
                |k| suffix.get(&k).copied(),
            )
        };
        assert_eq!(lem("armies", Upos::Noun), "army");
        assert_eq!(lem("Walked", Upos::Verb), "walk"); // lower-cased: not a proper noun
        assert_eq!(lem("Oslo", Upos::Propn), "Oslo");
        assert_eq!(lem("Studies", Upos::Noun), "study");
    }
}
