//! The part-of-speech tagger: a greedy averaged perceptron over hashed sparse features
//! (the word, its lower case, prefixes and suffixes of 1–4 chars, its shape, two words of
//! context each side, the tags already given), run in two passes: the second pass sees the
//! first pass's tags of the two words to the right, which a left-to-right tagger otherwise
//! has to guess ("that" before a verb or a noun). A tag dictionary fixes the tag of
//! frequent words that are (almost) never ambiguous; they are not scored at all.

use super::hash::{f1, f2, f3, hash_str, lower_chars, Stream};
use super::labels::Upos;
use super::weights::TrainWeights;

pub(crate) const TAGS: usize = 17;
/// `fixed` of a word that the tag dictionary does not know.
pub(crate) const NOT_FIXED: u8 = u8::MAX;

const START: u64 = 1001;
const START2: u64 = 1002;
const END: u64 = 1003;
const END2: u64 = 1004;

/// Scores features: the training weights or the shipped table.
pub(crate) trait Scorer {
    fn score(&self, feats: &[u64], scores: &mut [f32]);
    /// The real weight of one unit of score (the quantization scale of a frozen table).
    fn unit(&self) -> f32 {
        1.0
    }
}

impl Scorer for TrainWeights {
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        TrainWeights::score(self, feats, scores)
    }
}

/// At run time the first pass's tag stands, and the second pass is not run, for a word
/// whose best tag beats the next by this much (in averaged-perceptron weight): on dev the
/// second pass changed no such tag's score (UPOS, UAS, LAS all equal), and skipping it
/// makes tagging 1.5 times as fast. Training tags with both passes everywhere
/// (`f32::INFINITY`).
pub(crate) const SURE_MARGIN: f32 = 30.0;

/// The hashed views of one word that features combine.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordFeats {
    pub(crate) form: u64,
    /// Lower case with every ASCII digit as `0`: the key of word features.
    pub(crate) lower: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    shape: u64,
    /// The tag-dictionary tag, or [`NOT_FIXED`].
    pub(crate) fixed: u8,
    /// Word classes from unlabelled text, coarse and fine ([`NO_CLASS`] when unknown).
    pub(crate) cl: [u64; 2],
}

/// The class value of a word the classes do not cover.
pub(crate) const NO_CLASS: u64 = 0xC1A55;

/// The class-table entry of a word: its coarse and fine classes.
pub(crate) fn class_entry(coarse: u32, fine: u32) -> u32 {
    (coarse << 16) | (fine & 0xFFFF)
}

impl WordFeats {
    /// Sets the word classes from a class-table entry.
    pub(crate) fn set_classes(&mut self, entry: Option<u32>) {
        if let Some(e) = entry {
            self.cl = [(e >> 16) as u64, (e & 0xFFFF) as u64 | 1 << 20];
        }
    }

    /// Sets the tag the tag dictionary gives the word, if any.
    pub(crate) fn set_dict(&mut self, entry: Option<u32>) {
        self.fixed = match entry {
            Some(t) if (t as usize) < TAGS => t as u8,
            _ => NOT_FIXED,
        };
    }
}

/// The key of a word in the tag dictionary and in word features.
pub(crate) fn lower_key(word: &str) -> u64 {
    let mut h = Stream::new(0x7A11);
    for c in word.chars() {
        for l in lower_chars(c) {
            h.push(if l.is_ascii_digit() { '0' } else { l } as u64);
        }
    }
    h.finish()
}

impl WordFeats {
    pub(crate) fn new(word: &str) -> WordFeats {
        let mut pre = [0u64; 4];
        let mut h = Stream::new(0x9E3);
        let mut n = 0;
        for c in word.chars() {
            for l in lower_chars(c) {
                h.push(l as u64);
            }
            if n < 4 {
                pre[n] = h.finish();
                n += 1;
            }
        }
        for k in n..4 {
            pre[k] = pre[n.max(1) - 1] ^ 0x55;
        }
        let mut suf = [0u64; 4];
        let mut h = Stream::new(0x5F1);
        let mut n = 0;
        for c in word.chars().rev() {
            for l in lower_chars(c) {
                h.push(l as u64);
            }
            if n < 4 {
                suf[n] = h.finish();
                n += 1;
            }
        }
        for k in n..4 {
            suf[k] = suf[n.max(1) - 1] ^ 0x55;
        }
        // shape: X x d or the char itself, runs longer than 3 cut to 3
        let mut h = Stream::new(0x5A);
        let (mut last, mut run) = ('\0', 0);
        for c in word.chars() {
            let s = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if s == last {
                run += 1;
            } else {
                last = s;
                run = 1;
            }
            if run <= 3 {
                h.push(s as u64);
            }
        }
        WordFeats {
            form: hash_str(word),
            lower: lower_key(word),
            pre,
            suf,
            shape: h.finish(),
            fixed: NOT_FIXED,
            cl: [NO_CLASS; 2],
        }
    }
}

fn tag_value(t: u8) -> u64 {
    t as u64 + 1
}

/// The features of word `i` given the tags so far (`tags[..i]`) and, in the second pass,
/// the first pass's tags of all words.
pub(crate) fn features(
    words: &[WordFeats],
    i: usize,
    tags: &[u8],
    first: Option<&[u8]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let w = &words[i];
    let lw = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            if j == -1 {
                START
            } else {
                START2
            }
        } else if j as usize >= words.len() {
            if j as usize == words.len() {
                END
            } else {
                END2
            }
        } else {
            words[j as usize].lower
        }
    };
    let at = |k: isize| -> Option<&WordFeats> {
        let j = i as isize + k;
        (j >= 0).then(|| words.get(j as usize)).flatten()
    };
    let t1 = if i >= 1 {
        tag_value(tags[i - 1])
    } else {
        START
    };
    let t2 = if i >= 2 {
        tag_value(tags[i - 2])
    } else {
        START2
    };
    out.push(f1(0, 0));
    out.push(f1(1, w.form));
    out.push(f1(2, w.lower));
    for k in 0..4 {
        out.push(f1(3 + k as u64, w.pre[k]));
        out.push(f1(7 + k as u64, w.suf[k]));
    }
    out.push(f1(11, w.shape));
    out.push(f1(12, lw(-1)));
    out.push(f1(13, lw(-2)));
    out.push(f1(14, lw(1)));
    out.push(f1(15, lw(2)));
    out.push(f1(16, at(-1).map_or(START, |p| p.suf[2])));
    out.push(f1(17, at(1).map_or(END, |n| n.suf[2])));
    out.push(f1(18, at(-1).map_or(START, |p| p.shape)));
    out.push(f1(19, at(1).map_or(END, |n| n.shape)));
    out.push(f1(20, t1));
    out.push(f1(21, t2));
    out.push(f2(22, t1, t2));
    out.push(f2(23, t1, w.lower));
    out.push(f2(24, lw(-1), w.lower));
    out.push(f2(25, w.lower, lw(1)));
    out.push(f2(26, t1, w.suf[2]));
    out.push(f2(27, (i == 0) as u64, w.shape));
    out.push(f2(28, lw(-1), lw(1)));
    out.push(f2(29, lw(1), lw(2)));
    out.push(f2(30, t1, w.suf[1]));
    // word classes
    let cl =
        |k: isize, g: usize| -> u64 { at(k).map_or(if k < 0 { START } else { END }, |x| x.cl[g]) };
    out.push(f1(60, w.cl[0]));
    out.push(f1(61, w.cl[1]));
    out.push(f1(62, cl(-1, 1)));
    out.push(f1(63, cl(1, 1)));
    out.push(f2(64, t1, w.cl[1]));
    out.push(f2(65, w.cl[0], cl(1, 0)));
    out.push(f2(66, cl(-1, 0), w.cl[0]));
    out.push(f2(67, w.cl[1], w.suf[2]));
    if let Some(first) = first {
        let p = |k: usize| -> u64 {
            first
                .get(i + k)
                .map_or(if k == 1 { END } else { END2 }, |&t| tag_value(t))
        };
        let (p0, p1, p2) = (tag_value(first[i]), p(1), p(2));
        out.push(f1(40, p1));
        out.push(f1(41, p2));
        out.push(f2(42, p1, p2));
        out.push(f2(43, t1, p1));
        out.push(f2(44, p1, w.lower));
        out.push(f3(45, t1, p0, p1));
        out.push(f2(46, p0, w.suf[2]));
        out.push(f2(47, p1, w.suf[2]));
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// Reusable buffers of one tagging thread.
#[derive(Default)]
pub(crate) struct TagScratch {
    feats: Vec<u64>,
    first: Vec<u8>,
    sure: Vec<bool>,
}

/// One greedy pass over a sentence. The first pass records which words it is sure of
/// (`sure`); the second pass keeps the first pass's tags there.
pub(crate) fn run_pass<S: Scorer>(
    weights: &S,
    words: &[WordFeats],
    first: Option<&[u8]>,
    sure: &mut Vec<bool>,
    sure_margin: f32,
    tags: &mut Vec<u8>,
    feats: &mut Vec<u64>,
) {
    tags.clear();
    if first.is_none() {
        sure.clear();
    }
    let margin = sure_margin / weights.unit();
    let mut scores = [0f32; TAGS];
    for i in 0..words.len() {
        if words[i].fixed != NOT_FIXED {
            tags.push(words[i].fixed);
            if first.is_none() {
                sure.push(true);
            }
            continue;
        }
        if let Some(f) = first {
            if sure.get(i).copied().unwrap_or(false) {
                tags.push(f[i]);
                continue;
            }
        }
        features(words, i, tags, first, feats);
        scores.fill(0.0);
        weights.score(feats, &mut scores);
        let best = argmax(&scores);
        if first.is_none() {
            let second = scores
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != best)
                .map(|(_, &v)| v)
                .fold(f32::NEG_INFINITY, f32::max);
            sure.push(scores[best] - second > margin);
        }
        tags.push(best as u8);
    }
}

/// Tags a sentence with one or two passes; the second skips the words the first is sure
/// of by `sure_margin` ([`SURE_MARGIN`] at run time).
pub(crate) fn tag<S: Scorer>(
    first_pass: &S,
    second_pass: Option<&S>,
    words: &[WordFeats],
    scratch: &mut TagScratch,
    sure_margin: f32,
    out: &mut Vec<u8>,
) {
    let sure = &mut scratch.sure;
    let feats = &mut scratch.feats;
    match second_pass {
        None => run_pass(first_pass, words, None, sure, sure_margin, out, feats),
        Some(second) => {
            let mut first = std::mem::take(&mut scratch.first);
            run_pass(
                first_pass,
                words,
                None,
                sure,
                sure_margin,
                &mut first,
                feats,
            );
            run_pass(second, words, Some(&first), sure, sure_margin, out, feats);
            scratch.first = first;
        }
    }
}

/// One training epoch of one pass over the sentences in `order`; returns the share of
/// scored words tagged right.
pub(crate) fn train_epoch(
    weights: &mut TrainWeights,
    sentences: &[(Vec<WordFeats>, Vec<u8>)],
    first: Option<&[Vec<u8>]>,
    order: &[usize],
) -> f64 {
    let mut feats = Vec::new();
    let mut tags = Vec::new();
    let (mut right, mut total) = (0usize, 0usize);
    let mut scores = [0f32; TAGS];
    for &s in order {
        let (words, gold) = &sentences[s];
        let first = first.map(|f| f[s].as_slice());
        tags.clear();
        for i in 0..words.len() {
            if words[i].fixed != NOT_FIXED {
                tags.push(words[i].fixed);
                continue;
            }
            features(words, i, &tags, first, &mut feats);
            scores.fill(0.0);
            weights.score(&feats, &mut scores);
            let guess = argmax(&scores);
            weights.tick();
            let g = gold[i] as usize;
            if guess != g {
                weights.update(&feats, g, 1.0);
                weights.update(&feats, guess, -1.0);
            } else {
                right += 1;
            }
            total += 1;
            tags.push(guess as u8);
        }
    }
    right as f64 / total.max(1) as f64
}

pub(crate) fn upos_of(t: u8) -> Upos {
    Upos::from_index(t as usize).unwrap_or(Upos::X)
}
