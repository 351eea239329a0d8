//! Word classes learned from unlabelled text with the exchange algorithm (Kneser & Ney
//! 1993; Martin, Liermann & Ney 1998): each word is moved to the class that most raises
//! the likelihood of a class-bigram model of the text, until few words move. Words the
//! treebank never saw but the unlabelled text did get a class shared with known words,
//! which is what the tagger and the parser lack most (rare proper nouns, adjectives,
//! participles). Exchange clustering gives classes of the same use as Brown clusters for
//! such features and is simpler and faster; two granularities are learned.
//!
//! Deterministic: the vocabulary is ordered by frequency and then by spelling, classes
//! start round-robin in that order, and words are visited in that order.

use rustc_hash::FxHashMap;

/// The classes of a vocabulary at one granularity.
pub(crate) struct Clustering {
    pub(crate) words: Vec<String>,
    pub(crate) class: Vec<u32>,
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Clusters the words seen at least `min_count` times in `sentences` into `k` classes.
pub(crate) fn exchange(
    sentences: &[Vec<String>],
    k: usize,
    min_count: usize,
    iterations: usize,
    log: &mut dyn FnMut(&str),
) -> Clustering {
    // vocabulary: frequent words; all others share one pseudo-word (id 0) that is never
    // moved and stays in class 0
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|&(_, &c)| c >= min_count)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: FxHashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| (w, i as u32 + 2))
        .collect();
    // ids: 0 rare word, 1 sentence boundary, 2.. vocabulary
    let n_words = vocab.len() + 2;
    let mut word_count = vec![0f64; n_words];
    let mut bigrams: FxHashMap<(u32, u32), f64> = FxHashMap::default();
    for s in sentences {
        let mut prev = 1u32;
        word_count[1] += 1.0;
        for w in s {
            let cur = id.get(w.as_str()).copied().unwrap_or(0);
            word_count[cur as usize] += 1.0;
            *bigrams.entry((prev, cur)).or_default() += 1.0;
            prev = cur;
        }
        *bigrams.entry((prev, 1)).or_default() += 1.0;
    }
    let mut right: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_words];
    let mut left: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_words];
    let mut pairs: Vec<(&(u32, u32), &f64)> = bigrams.iter().collect();
    pairs.sort_by_key(|p| *p.0);
    for (&(a, b), &c) in pairs {
        right[a as usize].push((b, c));
        left[b as usize].push((a, c));
    }
    // classes: 0 the rare words, 1 the boundary, 2..k+2 the learned ones
    let kk = k + 2;
    let mut class: Vec<u32> = (0..n_words)
        .map(|w| {
            if w < 2 {
                w as u32
            } else {
                2 + ((w - 2) % k) as u32
            }
        })
        .collect();
    let mut cc = vec![0f64; kk * kk];
    let mut cn = vec![0f64; kk];
    for w in 0..n_words {
        cn[class[w] as usize] += word_count[w];
        for &(v, c) in &right[w] {
            cc[class[w] as usize * kk + class[v as usize] as usize] += c;
        }
    }
    let mut to = vec![0f64; kk];
    let mut from = vec![0f64; kk];
    for it in 0..iterations {
        let mut moved = 0;
        for w in 2..n_words {
            let a = class[w] as usize;
            let nw = word_count[w];
            // the word's bigram counts with each class, on either side
            to.iter_mut().for_each(|x| *x = 0.0);
            from.iter_mut().for_each(|x| *x = 0.0);
            let mut self_loop = 0.0;
            for &(v, c) in &right[w] {
                if v as usize == w {
                    self_loop += c;
                } else {
                    to[class[v as usize] as usize] += c;
                }
            }
            for &(v, c) in &left[w] {
                if v as usize != w {
                    from[class[v as usize] as usize] += c;
                }
            }
            let touched: Vec<usize> = (0..kk)
                .filter(|&c| to[c] != 0.0 || from[c] != 0.0)
                .collect();
            // remove w from a
            for &c in &touched {
                cc[a * kk + c] -= to[c];
                cc[c * kk + a] -= from[c];
            }
            cc[a * kk + a] -= self_loop;
            cn[a] -= nw;
            // the gain of putting w into class b
            let gain = |b: usize, cc: &[f64], cn: &[f64]| -> f64 {
                let mut g = 0.0;
                for &c in &touched {
                    if c == b {
                        continue;
                    }
                    g += xlogx(cc[b * kk + c] + to[c]) - xlogx(cc[b * kk + c]);
                    g += xlogx(cc[c * kk + b] + from[c]) - xlogx(cc[c * kk + b]);
                }
                let bb = cc[b * kk + b];
                g += xlogx(bb + to[b] + from[b] + self_loop) - xlogx(bb);
                g - 2.0 * (xlogx(cn[b] + nw) - xlogx(cn[b]))
            };
            let mut best = a;
            let mut best_gain = gain(a, &cc, &cn);
            for b in 2..kk {
                if b != a {
                    let g = gain(b, &cc, &cn);
                    if g > best_gain + 1e-9 {
                        best = b;
                        best_gain = g;
                    }
                }
            }
            for &c in &touched {
                if c != best {
                    cc[best * kk + c] += to[c];
                    cc[c * kk + best] += from[c];
                }
            }
            cc[best * kk + best] += to[best] + from[best] + self_loop;
            cn[best] += nw;
            if best != a {
                class[w] = best as u32;
                moved += 1;
            }
        }
        log(&format!(
            "word classes ({k}): iteration {}: {moved} of {} words moved",
            it + 1,
            n_words - 2
        ));
        if moved * 200 < n_words {
            break;
        }
    }
    Clustering {
        words: vocab.iter().map(|&(w, _)| w.to_string()).collect(),
        class: class[2..].iter().map(|&c| c - 2).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_used_alike_share_a_class() {
        let mut text = Vec::new();
        for (a, v) in [
            ("Paris", "visited"),
            ("Berlin", "left"),
            ("Rome", "visited"),
            ("Oslo", "left"),
        ] {
            for (b, p) in [("Khan", "in"), ("Merkel", "from"), ("Modi", "in")] {
                text.push(
                    format!("{b} {v} {p} {a} today")
                        .split(' ')
                        .map(String::from)
                        .collect(),
                );
            }
        }
        let c = exchange(&text, 4, 1, 20, &mut |_| {});
        let of = |w: &str| c.class[c.words.iter().position(|x| x == w).unwrap()];
        assert_eq!(of("Paris"), of("Berlin"));
        assert_eq!(of("Khan"), of("Modi"));
        assert_ne!(of("Paris"), of("Khan"));
    }
}
