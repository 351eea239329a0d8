//! One sentence's dependency tree (from [`crate::syntax`]) with the lookups the relation
//! readers need: a word's children by relation, its case markers (the prepositions of
//! its phrase), its conjuncts, its auxiliaries. Nothing here knows actors or relations.

use crate::syntax::{Deprel, Model, Upos, Word};

/// A parsed sentence: one [`Word`] per token, and each word's children in token order.
#[derive(Clone, Debug)]
pub struct Tree {
    words: Vec<Word>,
    /// The lower-case token texts.
    lower: Vec<String>,
    children: Vec<Vec<usize>>,
}

/// Attachments the parser often gets wrong in news and that decide who did what;
/// each repair is a general pattern of English, tested on its own below.
fn repair(words: &mut [Word], lower: &[String]) {
    verb_conjunct_under_object(words);
    relative_clause_off_its_noun(words, lower);
    bare_phrase_after_verb_is_its_object(words);
    apposition_off_its_comma(words, lower);
}

/// "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, opposed" parsed
/// with the name in apposition to the comma before it: an apposition hung on a comma
/// belongs to the noun the comma follows (the head of that noun's name).
fn apposition_off_its_comma(words: &mut [Word], lower: &[String]) {
    for a in 0..words.len() {
        let Some(c) = words[a]
            .head
            .filter(|&c| c < a && words[a].deprel == Deprel::Appos)
        else {
            continue;
        };
        if lower[c] != "," || words[c].upos != Upos::Punct {
            continue;
        }
        let mut n = c.checked_sub(1);
        while let Some(i) = n.filter(|&i| words[i].deprel == Deprel::Flat) {
            n = words[i].head.filter(|&h| h < i);
        }
        let Some(n) = n.filter(|&n| matches!(words[n].upos, Upos::Noun | Upos::Propn)) else {
            continue;
        };
        words[a].head = Some(n);
        if has_cycle(words, a) {
            words[a].head = Some(c);
        }
    }
}

/// "Bolsonaro opposed Macron's statement" parsed with the statement as an `obl`: a
/// nominal phrase with no preposition that follows its verb directly, where the verb has
/// no object, is the verb's object (a time phrase without one is `obl:unmarked`).
fn bare_phrase_after_verb_is_its_object(words: &mut [Word]) {
    for o in 0..words.len() {
        let Some(v) = words[o].head.filter(|&v| v < o) else {
            continue;
        };
        let bare = words[o].deprel == Deprel::Obl
            && matches!(words[o].upos, Upos::Noun | Upos::Propn)
            && words[v].upos == Upos::Verb
            && !words
                .iter()
                .any(|x| x.head == Some(o) && x.deprel == Deprel::Case)
            && !words
                .iter()
                .any(|x| x.head == Some(v) && x.deprel == Deprel::Obj);
        if bare && (v + 1..o).all(|i| descends_from(words, i, o)) {
            words[o].deprel = Deprel::Obj;
        }
    }
}

/// Following heads from `i` reaches `a`.
fn descends_from(words: &[Word], i: usize, a: usize) -> bool {
    climbs_to(words, i, a) == Some(true)
}

/// Following heads from `i`: whether it reaches `a` (`Some(true)`) or the root
/// (`Some(false)`); `None` when it goes round a cycle that does not pass `a`.
fn climbs_to(words: &[Word], i: usize, a: usize) -> Option<bool> {
    let mut at = words[i].head;
    for _ in 0..words.len() {
        match at {
            Some(h) if h == a => return Some(true),
            Some(h) if h < words.len() => at = words[h].head,
            _ => return Some(false),
        }
    }
    None
}

/// "Chad expelled the envoy and criticized France": a verb coordinated with the object
/// noun of a verb ("envoy ... criticized") is coordinated with that verb, and shares its
/// subject.
fn verb_conjunct_under_object(words: &mut [Word]) {
    for w in 0..words.len() {
        let Some(n) = words[w].head.filter(|&n| n < w) else {
            continue;
        };
        let under_object = words[w].upos == Upos::Verb
            && words[w].deprel == Deprel::Conj
            && matches!(words[n].upos, Upos::Noun | Upos::Propn)
            && matches!(words[n].deprel, Deprel::Obj | Deprel::Obl);
        if !under_object {
            continue;
        }
        let has_subject = words
            .iter()
            .any(|x| x.head == Some(w) && matches!(x.deprel, Deprel::Nsubj | Deprel::NsubjPass));
        match words[n].head {
            Some(v) if v < n && words[v].upos == Upos::Verb && !has_subject => {
                words[w].head = Some(v);
            }
            _ => {}
        }
    }
}

/// "the coalition, which was later joined by X": a clause whose subject or object is a
/// relative pronoun right after a noun (and maybe a comma) is a relative clause on that
/// noun, however the parser attached it.
fn relative_clause_off_its_noun(words: &mut [Word], lower: &[String]) {
    for r in 0..words.len() {
        let relative = matches!(lower[r].as_str(), "which" | "who" | "whom")
            && matches!(
                words[r].deprel,
                Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obj
            );
        let Some(v) = words[r].head.filter(|_| relative) else {
            continue;
        };
        if !matches!(
            words[v].deprel,
            Deprel::Parataxis | Deprel::Conj | Deprel::Advcl | Deprel::Ccomp
        ) {
            continue;
        }
        let mut n = match r.checked_sub(1) {
            Some(p) if lower[p] == "," => p.checked_sub(1),
            p => p,
        };
        // the last word of a name stands for the name's head
        while let Some(i) = n.filter(|&i| words[i].deprel == Deprel::Flat) {
            n = words[i].head.filter(|&h| h < i);
        }
        let Some(n) = n.filter(|&n| n != v && matches!(words[n].upos, Upos::Noun | Upos::Propn))
        else {
            continue;
        };
        if words[n].head == Some(v) {
            // "Khan, who was removed ..., is in jail" with Khan read as the relative
            // clause's subject: Khan takes the clause's place under its governor
            let Some(g) = words[v].head.filter(|&g| words[g].upos == Upos::Verb) else {
                continue;
            };
            words[n].head = Some(g);
            words[n].deprel = Deprel::Nsubj;
        }
        words[v].head = Some(n);
        words[v].deprel = Deprel::AclRelcl;
        if has_cycle(words, v) {
            // never leave a cycle: such a tree is beyond a local repair
            words[v].head = None;
            words[v].deprel = Deprel::Root;
        }
    }
}

/// Following heads from `i` comes back to `i`.
fn has_cycle(words: &[Word], i: usize) -> bool {
    climbs_to(words, i, i) != Some(false)
}

impl Tree {
    /// `words` are the parser's analyses of the tokens whose lower-case texts are `lower`.
    pub fn new(mut words: Vec<Word>, lower: Vec<String>) -> Tree {
        debug_assert_eq!(words.len(), lower.len());
        repair(&mut words, &lower);
        let mut tree = Tree {
            words,
            lower,
            children: Vec::new(),
        };
        tree.index_children();
        tree
    }

    /// "Nicaragua's government today ordered", "the Security Council today agreed": news
    /// puts a bare time word between the subject and its verb, and the web-trained parser
    /// makes the time word the subject, with the real one as its compound. The noun before
    /// a time word (`is_time`, the language's calendar) that hangs on it takes back the
    /// subject's place and the time word's other dependents; the time word becomes the
    /// verb's unmarked oblique, as "last month" is.
    pub fn time_words_off_subjects(&mut self, is_time: impl Fn(&str) -> bool) {
        for w in 1..self.words.len() {
            if self.words[w].deprel != Deprel::Nsubj || !is_time(&self.lower[w]) {
                continue;
            }
            let n = w - 1;
            let noun = &self.words[n];
            if noun.head != Some(w)
                || !matches!(noun.deprel, Deprel::Compound | Deprel::Flat)
                || !matches!(noun.upos, Upos::Noun | Upos::Propn)
            {
                continue;
            }
            let verb = self.words[w].head;
            for &c in &self.children[w] {
                if c != n {
                    self.words[c].head = Some(n);
                }
            }
            self.words[n].head = verb;
            self.words[n].deprel = Deprel::Nsubj;
            self.words[w].head = verb;
            self.words[w].deprel = Deprel::OblUnmarked;
            // the next time word reads its dependents from the repaired tree
            self.index_children();
        }
    }

    fn index_children(&mut self) {
        let n = self.words.len();
        self.children = vec![Vec::new(); n];
        for (i, w) in self.words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < n && h != i) {
                self.children[h].push(i);
            }
        }
    }

    /// Parses a sentence whose name spans are each read as one placeholder word: a
    /// name of many unknown words ("Recep Tayyip Erdogan") derails a parser trained on
    /// web text, a frequent name in its place ("Bush") does not. `spans` are (start, end,
    /// placeholder) over the token indices, in order and disjoint. In the tree, a span's
    /// first token takes the placeholder's analysis and the others hang on it as `flat`.
    pub fn parse_with_names(
        model: &Model,
        tokens: &[&str],
        lower: Vec<String>,
        spans: &[(usize, usize, &str)],
    ) -> Tree {
        let n = tokens.len();
        // the words the parser sees, and the first token each stands for
        let mut words: Vec<&str> = Vec::with_capacity(n);
        let mut first_token: Vec<usize> = Vec::with_capacity(n);
        let mut span_end: Vec<usize> = Vec::with_capacity(n);
        let mut spans = spans.iter().peekable();
        let mut i = 0;
        while i < n {
            match spans.peek() {
                Some(&&(start, end, placeholder)) if start == i && end > start && end <= n => {
                    words.push(placeholder);
                    first_token.push(i);
                    span_end.push(end);
                    spans.next();
                    i = end;
                }
                Some(&&(start, _, _)) if start < i => {
                    spans.next();
                }
                _ => {
                    words.push(tokens[i]);
                    first_token.push(i);
                    span_end.push(i + 1);
                    i += 1;
                }
            }
        }
        let analysed = model.analyze(&words);
        let mut out: Vec<Word> = (0..n)
            .map(|t| Word {
                upos: Upos::Propn,
                lemma: lower[t].clone(),
                head: None,
                deprel: Deprel::Flat,
            })
            .collect();
        for (r, w) in analysed.into_iter().enumerate() {
            let first = first_token[r];
            let placeholder = span_end[r] > first + 1 || words[r] != tokens[first];
            out[first] = Word {
                head: w.head.map(|h| first_token[h]),
                lemma: if placeholder {
                    lower[first].clone()
                } else {
                    w.lemma
                },
                upos: w.upos,
                deprel: w.deprel,
            };
            for word in &mut out[first + 1..span_end[r]] {
                word.head = Some(first);
            }
        }
        Tree::new(out, lower)
    }

    /// The prepositional phrases of a noun: its own, and those the parser hung on a name
    /// inside them ("the arrest of Omar Saleh by the ministry", "an attack by Hamas on
    /// Israel": a name rarely takes a phrase of its own).
    pub fn noun_phrases(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.children_by(n, &[Deprel::Nmod]) {
            out.push(c);
            if self.upos(c) == Upos::Propn {
                out.extend(self.children_by(c, &[Deprel::Nmod]).filter(|&g| g > c));
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.words[i].head
    }

    pub fn rel(&self, i: usize) -> Deprel {
        self.words[i].deprel
    }

    pub fn upos(&self, i: usize) -> Upos {
        self.words[i].upos
    }

    pub fn lemma(&self, i: usize) -> &str {
        &self.words[i].lemma
    }

    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The word is `noun` or its regular plural, whatever lemma the tagger gave it
    /// ("troops" is sometimes left as its own lemma).
    pub fn is_noun_form(&self, i: usize, noun: &str) -> bool {
        let (lemma, lower) = (self.lemma(i), self.lower(i));
        if lemma == noun || lower == noun {
            return true;
        }
        let stem = |w: &str| {
            w.strip_suffix("ies").map(|x| format!("{x}y")).or_else(|| {
                w.strip_suffix("es")
                    .filter(|x| {
                        x.ends_with('s')
                            || x.ends_with("sh")
                            || x.ends_with("ch")
                            || x.ends_with('x')
                    })
                    .or_else(|| w.strip_suffix('s').filter(|x| !x.ends_with('s')))
                    .map(str::to_string)
            })
        };
        stem(lower).is_some_and(|x| x == noun)
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The children of `i` attached by one of `rels`, in token order.
    pub fn children_by<'a>(
        &'a self,
        i: usize,
        rels: &'a [Deprel],
    ) -> impl Iterator<Item = usize> + 'a {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| rels.contains(&self.words[c].deprel))
    }

    pub fn has_child(&self, i: usize, rel: Deprel) -> bool {
        self.children[i]
            .iter()
            .any(|&c| self.words[c].deprel == rel)
    }

    /// The lemmas of the prepositions that introduce `i`'s phrase ("out of" → `out`,
    /// `of`): its `case` children and what is `fixed` to them ("according to").
    pub fn case_words(&self, i: usize) -> Vec<&str> {
        let mut out = Vec::new();
        for &c in &self.children[i] {
            if self.words[c].deprel == Deprel::Case {
                out.push(self.case_form(c));
                for &f in &self.children[c] {
                    if self.words[f].deprel == Deprel::Fixed {
                        out.push(self.case_form(f));
                    }
                }
            }
        }
        out
    }

    /// A preposition's word: the lower-case form (the lemma of "upon" is itself, but the
    /// tagger may call a preposition something else, and forms are what frames list).
    fn case_form(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The phrase at `i` is introduced by exactly these prepositions.
    pub fn introduced_by(&self, i: usize, preps: &[String]) -> bool {
        let words = self.case_words(i);
        words.len() == preps.len() && words.iter().zip(preps).all(|(a, b)| *a == b.as_str())
    }

    /// `i` and every word coordinated with it (its `conj` children, and theirs).
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut at = 0;
        while at < out.len() {
            let w = out[at];
            for &c in &self.children[w] {
                if self.words[c].deprel == Deprel::Conj && !out.contains(&c) {
                    out.push(c);
                }
            }
            at += 1;
        }
        out
    }

    /// The first word of a coordination `i` belongs to (`i` itself when it is no
    /// conjunct): "Iran condemned and sanctioned Israel" → `condemned` for `sanctioned`.
    pub fn first_conjunct(&self, mut i: usize) -> usize {
        let mut steps = 0;
        while self.words[i].deprel == Deprel::Conj && steps < self.len() {
            match self.head(i) {
                Some(h) => i = h,
                None => break,
            }
            steps += 1;
        }
        i
    }

    /// The lemmas of `i`'s auxiliaries (`aux`, `aux:pass`) and of its negation and
    /// modality adverbs (`advmod`), in token order.
    pub fn aux_lemmas(&self, i: usize) -> impl Iterator<Item = &str> {
        self.children[i]
            .iter()
            .filter(move |&&c| matches!(self.words[c].deprel, Deprel::Aux | Deprel::AuxPass))
            .map(move |&c| self.lower_or_lemma(c))
    }

    /// Auxiliaries are matched on their form (`will`, `'ll`, `wo` of "won't"), which is
    /// what the language lists hold; other words on their lemma.
    fn lower_or_lemma(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The verb is passive: it has a passive subject or a passive auxiliary.
    pub fn is_passive(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| {
            matches!(
                self.words[c].deprel,
                Deprel::NsubjPass | Deprel::AuxPass | Deprel::CsubjPass
            )
        })
    }

    /// Ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head(i);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let h = at?;
            steps += 1;
            if steps > self.len() {
                return None;
            }
            at = self.head(h);
            Some(h)
        })
    }

    /// `i`'s subtree (itself included), in token order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut at = 0;
        while at < out.len() {
            let w = out[at];
            out.extend(self.children[w].iter().copied());
            at += 1;
            if out.len() > self.len() {
                break;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tree written by hand: (form, lemma, upos, head (1-based, 0 root), deprel), as in
    /// CoNLL-U, so the readers' tests do not depend on the trained model.
    pub(crate) fn tree(rows: &[(&str, &str, &str, usize, &str)]) -> Tree {
        let words = rows
            .iter()
            .map(|&(_, lemma, upos, head, rel)| Word {
                upos: Upos::from_label(upos).expect("a UPOS tag"),
                lemma: lemma.to_string(),
                head: head.checked_sub(1),
                deprel: Deprel::from_label(rel).expect("a UD relation"),
            })
            .collect();
        let lower = rows.iter().map(|r| r.0.to_lowercase()).collect();
        Tree::new(words, lower)
    }

    #[test]
    fn a_time_word_read_as_the_subject_gives_it_back_to_the_noun_before_it() {
        // Nicaragua 's government today ordered the paper
        let mut t = tree(&[
            ("Nicaragua", "Nicaragua", "PROPN", 4, "nmod:poss"),
            ("'s", "'s", "PART", 1, "case"),
            ("government", "government", "NOUN", 4, "compound"),
            ("today", "today", "NOUN", 5, "nsubj"),
            ("ordered", "order", "VERB", 0, "root"),
            ("the", "the", "DET", 7, "det"),
            ("paper", "paper", "NOUN", 5, "obj"),
        ]);
        t.time_words_off_subjects(|w| w == "today");
        assert_eq!((t.head(2), t.rel(2)), (Some(4), Deprel::Nsubj));
        assert_eq!((t.head(3), t.rel(3)), (Some(4), Deprel::OblUnmarked));
        assert_eq!(t.head(0), Some(2), "the possessor goes with its noun");
        assert_eq!(t.children(4), &[2, 3, 6]);
        // a time word that is the subject itself stays ("Today is a holiday")
        let mut t = tree(&[
            ("Today", "today", "NOUN", 3, "nsubj"),
            ("is", "be", "AUX", 3, "cop"),
            ("holiday", "holiday", "NOUN", 0, "root"),
        ]);
        t.time_words_off_subjects(|w| w == "today");
        assert_eq!((t.head(0), t.rel(0)), (Some(2), Deprel::Nsubj));
    }

    #[test]
    fn a_verb_coordinated_with_an_object_is_coordinated_with_its_verb() {
        // Chad expelled the envoy and criticized France .
        let t = tree(&[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("expelled", "expel", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("envoy", "envoy", "NOUN", 2, "obj"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("criticized", "criticize", "VERB", 4, "conj"),
            ("France", "France", "PROPN", 6, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ]);
        assert_eq!(t.head(5), Some(1));
        assert_eq!(t.rel(5), Deprel::Conj);
        // a noun conjunct stays: "the envoy and the consul"
        let t = tree(&[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("expelled", "expel", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("envoy", "envoy", "NOUN", 2, "obj"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("consul", "consul", "NOUN", 4, "conj"),
        ]);
        assert_eq!(t.head(5), Some(3));
    }

    #[test]
    fn an_apposition_hung_on_a_comma_belongs_to_the_noun_before_it() {
        // two Representatives , Ann Lee , voted : the parser hung Ann on the comma
        let rows = [
            ("two", "two", "NUM", 2, "nummod"),
            ("Representatives", "Representative", "PROPN", 7, "nsubj"),
            (",", ",", "PUNCT", 4, "punct"),
            ("Ann", "Ann", "PROPN", 3, "appos"),
            ("Lee", "Lee", "PROPN", 4, "flat"),
            (",", ",", "PUNCT", 7, "punct"),
            ("voted", "vote", "VERB", 0, "root"),
        ];
        let t = tree(&rows);
        assert_eq!((t.head(3), t.rel(3)), (Some(1), Deprel::Appos));
        // the comma, left under the name, never makes a cycle
        assert!(!has_cycle(&t.words, 2));
        // a comma after a word that is no noun gives no head: it stays
        let mut verb_first = rows;
        verb_first[1] = ("voted", "vote", "VERB", 0, "root");
        verb_first[6] = ("said", "say", "VERB", 2, "conj");
        assert_eq!(tree(&verb_first).head(3), Some(2));
    }

    #[test]
    fn a_clause_with_a_relative_pronoun_after_a_noun_is_its_relative_clause() {
        // Britain joined the coalition , which was joined by Australia .
        let rows = [
            ("Britain", "Britain", "PROPN", 2, "nsubj"),
            ("joined", "join", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("coalition", "coalition", "NOUN", 2, "obj"),
            (",", ",", "PUNCT", 8, "punct"),
            ("which", "which", "PRON", 8, "nsubj:pass"),
            ("was", "be", "AUX", 8, "aux:pass"),
            ("joined", "join", "VERB", 2, "parataxis"),
            ("by", "by", "ADP", 10, "case"),
            ("Australia", "Australia", "PROPN", 8, "obl:agent"),
        ];
        let t = tree(&rows);
        assert_eq!(t.head(7), Some(3));
        assert_eq!(t.rel(7), Deprel::AclRelcl);
        // Khan , who was removed , is in jail : Khan read as the clause's subject
        let t = tree(&[
            ("Khan", "Khan", "PROPN", 5, "nsubj:pass"),
            (",", ",", "PUNCT", 5, "punct"),
            ("who", "who", "PRON", 5, "nsubj:pass"),
            ("was", "be", "AUX", 5, "aux:pass"),
            ("removed", "remove", "VERB", 8, "advcl"),
            (",", ",", "PUNCT", 5, "punct"),
            ("is", "be", "AUX", 8, "aux"),
            ("hanging", "hang", "VERB", 0, "root"),
        ]);
        assert_eq!((t.head(0), t.rel(0)), (Some(7), Deprel::Nsubj));
        assert_eq!((t.head(4), t.rel(4)), (Some(0), Deprel::AclRelcl));
        // without the relative pronoun the parataxis stays
        let mut plain = rows;
        plain[5] = ("it", "it", "PRON", 8, "nsubj:pass");
        assert_eq!(tree(&plain).head(7), Some(1));
    }

    #[test]
    fn a_bare_phrase_right_after_a_verb_without_object_is_its_object() {
        // Bolsonaro opposed Macron 's statement
        let rows = [
            ("Bolsonaro", "Bolsonaro", "PROPN", 2, "nsubj"),
            ("opposed", "oppose", "VERB", 0, "root"),
            ("Macron", "Macron", "PROPN", 5, "nmod:poss"),
            ("'s", "'s", "PART", 3, "case"),
            ("statement", "statement", "NOUN", 2, "obl"),
        ];
        assert_eq!(tree(&rows).rel(4), Deprel::Obj);
        // with a preposition it stays a phrase: "opposed it in Macron 's statement"
        let t = tree(&[
            ("Bolsonaro", "Bolsonaro", "PROPN", 2, "nsubj"),
            ("opposed", "oppose", "VERB", 0, "root"),
            ("it", "it", "PRON", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Macron", "Macron", "PROPN", 6, "nmod:poss"),
            ("statement", "statement", "NOUN", 2, "obl"),
        ]);
        assert_eq!(t.rel(5), Deprel::Obl);
        // a phrase that does not follow the verb directly stays: "opposed , Monday , ..."
        let t = tree(&[
            ("Bolsonaro", "Bolsonaro", "PROPN", 2, "nsubj"),
            ("opposed", "oppose", "VERB", 0, "root"),
            (",", ",", "PUNCT", 2, "punct"),
            ("statement", "statement", "NOUN", 2, "obl"),
        ]);
        assert_eq!(t.rel(3), Deprel::Obl);
    }

    #[test]
    fn phrases_hung_on_a_name_belong_to_the_noun_before_it() {
        // the arrest of Saleh by the ministry ; the arrest of the lawyer by the ministry
        let rows = [
            ("the", "the", "DET", 2, "det"),
            ("arrest", "arrest", "NOUN", 0, "root"),
            ("of", "of", "ADP", 4, "case"),
            ("Saleh", "Saleh", "PROPN", 2, "nmod"),
            ("by", "by", "ADP", 7, "case"),
            ("the", "the", "DET", 7, "det"),
            ("ministry", "ministry", "NOUN", 4, "nmod"),
        ];
        assert_eq!(tree(&rows).noun_phrases(1), vec![3, 6]);
        let mut common = rows;
        common[3] = ("lawyer", "lawyer", "NOUN", 2, "nmod");
        assert_eq!(tree(&common).noun_phrases(1), vec![3]);
    }

    #[test]
    fn cases_conjuncts_and_passives() {
        // The US pulled out of Syria , Iraq and Libya .
        let t = tree(&[
            ("The", "the", "DET", 2, "det"),
            ("US", "US", "PROPN", 3, "nsubj"),
            ("pulled", "pull", "VERB", 0, "root"),
            ("out", "out", "ADP", 6, "case"),
            ("of", "of", "ADP", 6, "case"),
            ("Syria", "Syria", "PROPN", 3, "obl"),
            (",", ",", "PUNCT", 8, "punct"),
            ("Iraq", "Iraq", "PROPN", 6, "conj"),
            ("and", "and", "CCONJ", 10, "cc"),
            ("Libya", "Libya", "PROPN", 6, "conj"),
            (".", ".", "PUNCT", 3, "punct"),
        ]);
        assert_eq!(t.case_words(5), vec!["out", "of"]);
        assert!(t.introduced_by(5, &["out".into(), "of".into()]));
        assert!(!t.introduced_by(5, &["of".into()]));
        assert_eq!(t.conjuncts(5), vec![5, 7, 9]);
        assert_eq!(t.first_conjunct(9), 5);
        assert_eq!(
            t.children_by(2, &[Deprel::Nsubj]).collect::<Vec<_>>(),
            vec![1]
        );
        assert!(!t.is_passive(2));
        assert_eq!(t.ancestors(7).collect::<Vec<_>>(), vec![5, 2]);
        assert_eq!(t.subtree(5), vec![3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn passive_and_auxiliaries() {
        // Khan was not arrested by police
        let t = tree(&[
            ("Khan", "Khan", "PROPN", 4, "nsubj:pass"),
            ("was", "be", "AUX", 4, "aux:pass"),
            ("not", "not", "PART", 4, "advmod"),
            ("arrested", "arrest", "VERB", 0, "root"),
            ("by", "by", "ADP", 6, "case"),
            ("police", "police", "NOUN", 4, "obl:agent"),
        ]);
        assert!(t.is_passive(3));
        assert_eq!(t.aux_lemmas(3).collect::<Vec<_>>(), vec!["was"]);
        assert_eq!(t.case_words(5), vec!["by"]);
    }
}
