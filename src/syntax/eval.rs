//! Evaluation against a treebank: UPOS accuracy over all words; UAS and LAS over the
//! words whose gold relation is not `punct` (also given over all words, as the CoNLL 2018
//! script counts them); LAS compares the universal relation, as the CoNLL 2018 script does
//! (`nsubj:pass` against `nsubj`), and LAS-full the whole label; lemma accuracy. And the
//! cost of our tokenizer: sentences re-tokenized by any tokenizer, aligned to the gold
//! words by character offsets, scored as the CoNLL 2018 script does (a word counts only
//! if its span is reproduced; an arc is right only if its head is the aligned gold head).

use super::conllu::{ConlluSentence, ConlluWord};
use super::labels::{Deprel, Upos};
use super::{Model, Word};

/// Counts of an evaluation run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub lemma: usize,
    /// Words whose gold relation is not `punct`, and the right heads and labels there.
    pub scored: usize,
    pub uas: usize,
    pub las: usize,
    pub las_full: usize,
    /// Right heads and universal labels over all words.
    pub uas_all: usize,
    pub las_all: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

impl Scores {
    pub fn upos(&self) -> f64 {
        pct(self.upos, self.words)
    }
    pub fn lemma(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    pub fn uas(&self) -> f64 {
        pct(self.uas, self.scored)
    }
    pub fn las(&self) -> f64 {
        pct(self.las, self.scored)
    }
    pub fn las_full(&self) -> f64 {
        pct(self.las_full, self.scored)
    }
    pub fn uas_all(&self) -> f64 {
        pct(self.uas_all, self.words)
    }
    pub fn las_all(&self) -> f64 {
        pct(self.las_all, self.words)
    }

    fn add(&mut self, o: &Scores) {
        self.words += o.words;
        self.upos += o.upos;
        self.lemma += o.lemma;
        self.scored += o.scored;
        self.uas += o.uas;
        self.las += o.las;
        self.las_full += o.las_full;
        self.uas_all += o.uas_all;
        self.las_all += o.las_all;
    }

    /// The figures as one line.
    pub fn summary(&self) -> String {
        format!(
            "UPOS {:.2}  UAS {:.2}  LAS {:.2}  (LAS full labels {:.2}; all words incl. punct: UAS {:.2} LAS {:.2})  lemma {:.2}  [{} words, {} scored]",
            self.upos(),
            self.uas(),
            self.las(),
            self.las_full(),
            self.uas_all(),
            self.las_all(),
            self.lemma(),
            self.words,
            self.scored
        )
    }
}

fn score_word(gold: &ConlluWord, pred: &Word, head_right: bool) -> Scores {
    let gold_rel = Deprel::parse(&gold.deprel);
    let universal = head_right && gold_rel.universal() == pred.deprel.universal();
    let full = head_right && gold_rel == pred.deprel;
    let scored = gold_rel != Deprel::Punct;
    Scores {
        words: 1,
        upos: (gold.upos == Some(pred.upos)) as usize,
        lemma: (gold.lemma == pred.lemma) as usize,
        scored: scored as usize,
        uas: (scored && head_right) as usize,
        las: (scored && universal) as usize,
        las_full: (scored && full) as usize,
        uas_all: head_right as usize,
        las_all: universal as usize,
    }
}

/// Tags, parses and lemmatizes every sentence from its gold word forms and scores it.
pub fn evaluate(model: &Model, gold: &[ConlluSentence]) -> Scores {
    let mut total = Scores::default();
    for s in gold {
        let pred = model.analyze(&s.forms());
        for (g, p) in s.words.iter().zip(&pred) {
            total.add(&score_word(g, p, g.head == p.head));
        }
    }
    total
}

/// Figures of a run on re-tokenized text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenizedScores {
    pub gold_tokens: usize,
    /// Gold surface tokens (a multiword token as one) whose span our tokens reproduce.
    pub tokens_matched: usize,
    pub gold_words: usize,
    pub system_words: usize,
    pub words_matched: usize,
    /// Non-punct gold words, and the system tokens aligned to none or to a non-punct word.
    pub gold_scored: usize,
    pub system_scored: usize,
    pub uas: usize,
    pub las: usize,
    /// Sentences whose gold forms could not be found in their `# text` (skipped).
    pub skipped: usize,
}

fn f1(right: usize, gold: usize, system: usize) -> f64 {
    let (p, r) = (pct(right, system), pct(right, gold));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl TokenizedScores {
    pub fn token_share(&self) -> f64 {
        pct(self.tokens_matched, self.gold_tokens)
    }
    pub fn word_f1(&self) -> f64 {
        f1(self.words_matched, self.gold_words, self.system_words)
    }
    pub fn uas_f1(&self) -> f64 {
        f1(self.uas, self.gold_scored, self.system_scored)
    }
    pub fn las_f1(&self) -> f64 {
        f1(self.las, self.gold_scored, self.system_scored)
    }
    pub fn summary(&self) -> String {
        format!(
            "gold tokens reproduced {:.2}% ({} of {}); words F1 {:.2}; UAS F1 {:.2}  LAS F1 {:.2} (punct excluded){}",
            self.token_share(),
            self.tokens_matched,
            self.gold_tokens,
            self.word_f1(),
            self.uas_f1(),
            self.las_f1(),
            if self.skipped > 0 { format!("; {} sentences skipped", self.skipped) } else { String::new() }
        )
    }
}

/// A byte span in a sentence text.
type Span = (usize, usize);

/// Byte spans of the gold words in the sentence text: each surface token is found after
/// the previous one; the words of a multiword token get the pieces of its span that spell
/// them (`do` + `n't` in `don't`), or none when they do not.
fn gold_spans(s: &ConlluSentence, text: &str) -> Option<(Vec<Span>, Vec<Option<Span>>)> {
    let mut pos = 0;
    let mut tokens = Vec::new();
    let mut words = vec![None; s.words.len()];
    for (first, last, form, _) in s.surface_tokens() {
        let at = text[pos..].find(form)? + pos;
        let end = at + form.len();
        tokens.push((at, end));
        if first == last {
            words[first] = Some((at, end));
        } else {
            let mut p = at;
            for (w, slot) in words.iter_mut().enumerate().take(last + 1).skip(first) {
                let f = &s.words[w].form;
                if text[p..end].starts_with(f.as_str()) {
                    *slot = Some((p, p + f.len()));
                    p += f.len();
                } else {
                    break;
                }
            }
        }
        pos = end;
    }
    Some((tokens, words))
}

/// Re-tokenizes each sentence's `# text` with `tokenize` (byte spans into the text),
/// parses those tokens and scores them against the gold words by alignment.
pub fn evaluate_tokenized(
    model: &Model,
    gold: &[ConlluSentence],
    tokenize: impl Fn(&str) -> Vec<(usize, usize)>,
) -> TokenizedScores {
    let mut out = TokenizedScores::default();
    for s in gold {
        let Some(text) = s.text.as_deref() else {
            out.skipped += 1;
            continue;
        };
        let Some((gold_tokens, gold_words)) = gold_spans(s, text) else {
            out.skipped += 1;
            continue;
        };
        let ours = tokenize(text);
        let forms: Vec<&str> = ours.iter().map(|&(a, b)| &text[a..b]).collect();
        let pred = model.analyze(&forms);
        out.gold_tokens += gold_tokens.len();
        out.tokens_matched += gold_tokens.iter().filter(|t| ours.contains(t)).count();
        // our token index → gold word index, where the spans agree
        let to_gold: Vec<Option<usize>> = ours
            .iter()
            .map(|t| gold_words.iter().position(|g| g.as_ref() == Some(t)))
            .collect();
        out.gold_words += s.words.len();
        out.system_words += ours.len();
        out.words_matched += to_gold.iter().flatten().count();
        let is_punct = |g: usize| Deprel::parse(&s.words[g].deprel) == Deprel::Punct;
        out.gold_scored += (0..s.words.len()).filter(|&g| !is_punct(g)).count();
        for (i, p) in pred.iter().enumerate() {
            match to_gold[i] {
                Some(g) if is_punct(g) => continue,
                None if p.upos == Upos::Punct => continue,
                _ => out.system_scored += 1,
            }
            let Some(g) = to_gold[i] else { continue };
            let gw = &s.words[g];
            let head_right = match (p.head, gw.head) {
                (None, None) => true,
                (Some(h), Some(gh)) => to_gold[h] == Some(gh),
                _ => false,
            };
            if head_right {
                out.uas += 1;
                if Deprel::parse(&gw.deprel).universal() == p.deprel.universal() {
                    out.las += 1;
                }
            }
        }
    }
    out
}
