//! The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) over hashed
//! sparse features in the style of Zhang & Nivre (2011): words, tags, the leftmost and
//! rightmost children and their labels, valency, label sets and distances of the top three
//! stack items and the first three buffer words. Each transition carries its label (one
//! class per transition and label), so labels are chosen jointly with the attachment.
//!
//! Why this design: a greedy parser does one linear pass, which is what the speed target
//! (over 150,000 words a second on one core, with tagging) allows; the dynamic oracle of
//! Goldberg & Nivre (2013) trains it on the configurations its own mistakes lead to, which
//! is most of the gap a small beam would close. Arc-hybrid has the simplest exact dynamic
//! oracle for projective trees; the few non-projective training trees are projectivized by
//! lifting (Nivre & Nilsson 2005) before training.
//!
//! The root is a virtual word after the last one, at the end of the buffer ("Going to the
//! roots", Ballesteros & Nivre 2013): it is attached last, and only to a stack of one word,
//! so every sentence gets exactly one root.

use super::hash::{f1, f2, f3};
use super::labels::Deprel;
use super::tagger::Scorer;
use super::weights::TrainWeights;

/// Labels the parser can assign (class ids are built from these indices).
pub(crate) const LABELS: usize = Deprel::ALL.len();
/// SHIFT, then LEFT(label) for each label, then RIGHT(label).
pub(crate) const CLASSES: usize = 1 + 2 * LABELS;
const SHIFT: usize = 0;
const NONE: u32 = u32::MAX;
const ROOT_LABEL: usize = Deprel::Root as usize;

const V_NONE: u64 = 0xA000;
const V_ROOT: u64 = 0xA001;

/// A word as the parser sees it: hashed lower-case form and tag.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseWord {
    pub(crate) w: u64,
    pub(crate) p: u64,
    wp: u64,
    /// The word's fine class from unlabelled text.
    c: u64,
}

impl ParseWord {
    pub(crate) fn new(lower_key: u64, tag: u8, class: u64) -> ParseWord {
        let p = tag as u64 + 1;
        ParseWord {
            w: lower_key,
            p,
            wp: f2(0x77, lower_key, p),
            c: class,
        }
    }
}

const ROOT_WORD: ParseWord = ParseWord {
    w: V_ROOT,
    p: V_ROOT,
    wp: V_ROOT,
    c: V_ROOT,
};
const NO_WORD: ParseWord = ParseWord {
    w: V_NONE,
    p: V_NONE,
    wp: V_NONE,
    c: V_NONE,
};

/// A parser configuration; word `n` is the root.
#[derive(Default)]
pub(crate) struct State {
    n: usize,
    stack: Vec<u32>,
    b0: usize,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        for v in [
            &mut self.heads,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.labels, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    fn terminal(&self) -> bool {
        self.b0 == self.n && self.stack.is_empty()
    }

    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head as u32;
        self.labels[dep] = label as u8;
        if dep < head {
            // arc-hybrid adds left children right to left: the new one is leftmost
            self.l2[head] = self.l1[head];
            self.l1[head] = dep as u32;
            self.nl[head] = self.nl[head].saturating_add(1);
            self.lset[head] |= 1 << (label % 64);
        } else {
            self.r2[head] = self.r1[head];
            self.r1[head] = dep as u32;
            self.nr[head] = self.nr[head].saturating_add(1);
            self.rset[head] |= 1 << (label % 64);
        }
    }

    /// Whether transition class `c` may be taken.
    fn legal(&self, c: usize) -> bool {
        if c == SHIFT {
            return self.b0 < self.n;
        }
        let (left, label) = split_class(c);
        if left {
            if self.stack.is_empty() {
                return false;
            }
            if self.b0 == self.n {
                self.stack.len() == 1 && label == ROOT_LABEL
            } else {
                label != ROOT_LABEL
            }
        } else {
            self.stack.len() >= 2 && label != ROOT_LABEL
        }
    }

    fn apply(&mut self, c: usize) {
        if c == SHIFT {
            self.stack.push(self.b0 as u32);
            self.b0 += 1;
            return;
        }
        let (left, label) = split_class(c);
        let s0 = self.stack.pop().expect("legal transition") as usize;
        if left {
            self.add_arc(self.b0, s0, label);
        } else {
            let s1 = *self.stack.last().expect("legal transition") as usize;
            self.add_arc(s1, s0, label);
        }
    }
}

fn split_class(c: usize) -> (bool, usize) {
    if c <= LABELS {
        (true, c - 1)
    } else {
        (false, c - 1 - LABELS)
    }
}

fn left_class(label: usize) -> usize {
    1 + label
}

fn right_class(label: usize) -> usize {
    1 + LABELS + label
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

/// The features of a configuration.
fn features(st: &State, words: &[ParseWord], out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let word = |i: u32| -> ParseWord {
        if i == NONE {
            NO_WORD
        } else if i as usize == n {
            ROOT_WORD
        } else {
            words[i as usize]
        }
    };
    let lab = |i: u32| -> u64 {
        if i == NONE {
            V_NONE
        } else {
            st.labels[i as usize] as u64 + 1
        }
    };
    let child = |v: &Vec<u32>, i: u32| -> u32 {
        if i == NONE {
            NONE
        } else {
            v[i as usize]
        }
    };
    let (s0i, s1i, s2i) = (st.s(0), st.s(1), st.s(2));
    let b0i = st.b0 as u32;
    let b1i = if st.b0 < n { b0i + 1 } else { NONE };
    let b2i = if st.b0 + 1 < n { b0i + 2 } else { NONE };
    let (s0, s1, s2, b0, b1, b2) = (
        word(s0i),
        word(s1i),
        word(s2i),
        word(b0i),
        word(b1i),
        word(b2i),
    );
    let s0l = child(&st.l1, s0i);
    let s0l2 = child(&st.l2, s0i);
    let s0r = child(&st.r1, s0i);
    let s0r2 = child(&st.r2, s0i);
    let s1l = child(&st.l1, s1i);
    let s1l2 = child(&st.l2, s1i);
    let s1r = child(&st.r1, s1i);
    let s1r2 = child(&st.r2, s1i);
    let b0l = child(&st.l1, b0i);
    let b0l2 = child(&st.l2, b0i);
    let (ws0l, ws0r, ws1l, ws1r, wb0l) = (word(s0l), word(s0r), word(s1l), word(s1r), word(b0l));
    let (ws0l2, ws0r2, ws1l2, ws1r2, wb0l2) =
        (word(s0l2), word(s0r2), word(s1l2), word(s1r2), word(b0l2));
    let d = if s0i == NONE {
        V_NONE
    } else {
        bucket(b0i as usize - s0i as usize)
    };
    let d1 = if s1i == NONE {
        V_NONE
    } else {
        bucket(s0i as usize - s1i as usize)
    };
    let val = |v: &Vec<u8>, i: u32| -> u64 {
        if i == NONE {
            V_NONE
        } else {
            v[i as usize].min(6) as u64
        }
    };
    let set = |v: &Vec<u64>, i: u32| -> u64 {
        if i == NONE {
            V_NONE
        } else {
            v[i as usize]
        }
    };
    let (s0vl, s0vr, s1vl, s1vr, b0vl) = (
        val(&st.nl, s0i),
        val(&st.nr, s0i),
        val(&st.nl, s1i),
        val(&st.nr, s1i),
        val(&st.nl, b0i),
    );
    let f = [
        f1(0, 0),
        // single words
        f1(1, s0.w),
        f1(2, s0.p),
        f1(3, s0.wp),
        f1(4, s1.w),
        f1(5, s1.p),
        f1(6, s1.wp),
        f1(7, b0.w),
        f1(8, b0.p),
        f1(9, b0.wp),
        f1(10, b1.w),
        f1(11, b1.p),
        f1(12, b1.wp),
        f1(13, b2.w),
        f1(14, b2.p),
        f1(15, s2.p),
        // pairs
        f2(20, s0.wp, b0.wp),
        f2(21, s0.wp, b0.w),
        f2(22, s0.w, b0.wp),
        f2(23, s0.wp, b0.p),
        f2(24, s0.p, b0.wp),
        f2(25, s0.w, b0.w),
        f2(26, s0.p, b0.p),
        f2(27, b0.p, b1.p),
        f2(28, s1.wp, s0.wp),
        f2(29, s1.w, s0.w),
        f2(30, s1.p, s0.p),
        f2(31, s1.p, s0.wp),
        f2(32, s1.wp, s0.p),
        f2(33, s1.p, b0.p),
        f2(34, s1.w, b0.w),
        // triples of tags
        f3(40, b0.p, b1.p, b2.p),
        f3(41, s0.p, b0.p, b1.p),
        f3(42, s1.p, s0.p, b0.p),
        f3(43, s2.p, s1.p, s0.p),
        f3(44, s0.p, ws0l.p, b0.p),
        f3(45, s0.p, ws0r.p, b0.p),
        f3(46, s0.p, b0.p, wb0l.p),
        f3(47, s1.p, s0.p, ws0l.p),
        f3(48, s1.p, s0.p, ws0r.p),
        f3(49, s1.p, ws1r.p, s0.p),
        f3(50, s1.p, ws1l.p, s0.p),
        f3(51, s0.w, b0.p, b1.p),
        f3(52, s0.p, b0.w, b1.p),
        // distance
        f2(61, s0.p, d),
        f2(63, b0.p, d),
        f3(65, s0.p, b0.p, d),
        f3(66, s1.p, s0.p, d1),
        // valency
        f2(71, s0.p, s0vl),
        f2(73, s0.p, s0vr),
        f2(75, s1.p, s1vl),
        f2(77, s1.p, s1vr),
        f2(79, b0.p, b0vl),
        // children
        f1(80, ws0l.w),
        f1(81, ws0l.p),
        f1(82, lab(s0l)),
        f1(83, ws0r.w),
        f1(84, ws0r.p),
        f1(85, lab(s0r)),
        f1(87, ws1l.p),
        f1(88, lab(s1l)),
        f1(90, ws1r.p),
        f1(91, lab(s1r)),
        f1(92, wb0l.w),
        f1(93, wb0l.p),
        f1(94, lab(b0l)),
        // second children
        f1(101, ws0l2.p),
        f1(102, lab(s0l2)),
        f1(104, ws0r2.p),
        f1(105, lab(s0r2)),
        f2(106, ws1r2.p, lab(s1r2)),
        f1(108, wb0l2.p),
        f1(109, lab(b0l2)),
        f3(110, s0.p, lab(s0l), lab(s0l2)),
        f3(111, s0.p, lab(s0r), lab(s0r2)),
        f3(112, b0.p, lab(b0l), lab(b0l2)),
        f3(113, s1.p, lab(s1r), lab(s1r2)),
        f2(114, ws1l2.p, lab(s1l2)),
        // label sets
        f2(121, s0.p, set(&st.lset, s0i)),
        f2(123, s0.p, set(&st.rset, s0i)),
        f2(125, s1.p, set(&st.lset, s1i)),
        f2(127, s1.p, set(&st.rset, s1i)),
        f2(129, b0.p, set(&st.lset, b0i)),
        // word classes
        f1(130, s0.c),
        f1(131, b0.c),
        f1(132, s1.c),
        f1(133, b1.c),
        f2(134, s0.c, b0.c),
        f2(135, s0.c, b0.p),
        f2(136, s0.p, b0.c),
        f2(137, s1.c, s0.c),
        f2(138, s1.p, s0.c),
        f2(139, s1.c, s0.p),
    ];
    out.extend_from_slice(&f);
}

/// Reusable buffers of one parsing thread.
#[derive(Default)]
pub(crate) struct ParseScratch {
    pub(crate) state: State,
    feats: Vec<u64>,
}

fn best_legal(st: &State, scores: &[f32]) -> usize {
    let mut best = usize::MAX;
    let mut best_score = f32::NEG_INFINITY;
    // SHIFT, then the LEFT and RIGHT blocks: legality depends only on the block and on
    // whether the label is root, so test each block once
    let shift = st.legal(SHIFT);
    let left_root = st.legal(left_class(ROOT_LABEL));
    let left_other = LABELS > 1 && st.legal(left_class(if ROOT_LABEL == 0 { 1 } else { 0 }));
    let right = st.stack.len() >= 2;
    if shift && scores[SHIFT] > best_score {
        best = SHIFT;
        best_score = scores[SHIFT];
    }
    for l in 0..LABELS {
        let lc = left_class(l);
        let ok = if l == ROOT_LABEL {
            left_root
        } else {
            left_other
        };
        if ok && scores[lc] > best_score {
            best = lc;
            best_score = scores[lc];
        }
        let rc = right_class(l);
        if right && l != ROOT_LABEL && scores[rc] > best_score {
            best = rc;
            best_score = scores[rc];
        }
    }
    debug_assert!(
        best != usize::MAX,
        "a non-terminal state has a legal transition"
    );
    best
}

/// Parses a tagged sentence: `heads[i]` is the head of word `i` (`n` for the root) and
/// `labels[i]` its label index, left in `scratch.state`.
pub(crate) fn parse<S: Scorer>(weights: &S, words: &[ParseWord], scratch: &mut ParseScratch) {
    let st = &mut scratch.state;
    st.reset(words.len());
    let mut scores = [0f32; CLASSES];
    while !st.terminal() {
        // with an empty stack only SHIFT is legal, with one word left before the root
        // only its attachment to the root: no need to score
        if st.stack.is_empty() {
            st.apply(SHIFT);
            continue;
        }
        if st.b0 == st.n && st.stack.len() == 1 {
            st.apply(left_class(ROOT_LABEL));
            continue;
        }
        features(st, words, &mut scratch.feats);
        scores.fill(0.0);
        weights.score(&scratch.feats, &mut scores);
        let c = best_legal(st, &scores);
        if c == usize::MAX {
            break;
        }
        st.apply(c);
    }
}

/// The gold tree the oracle aims at: projective heads (root = `n`) and label indices.
pub(crate) struct GoldTree {
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
    /// Gold children of each word, the root included.
    children: Vec<Vec<u32>>,
}

impl GoldTree {
    /// `heads[i]` is `None` for the root word.
    pub(crate) fn new(heads: &[Option<usize>], labels: &[Deprel]) -> GoldTree {
        let n = heads.len();
        let mut h: Vec<u32> = heads
            .iter()
            .map(|h| h.map_or(n as u32, |h| h as u32))
            .collect();
        projectivize(&mut h);
        let mut children = vec![Vec::new(); n + 1];
        for (d, &hd) in h.iter().enumerate() {
            children[hd as usize].push(d as u32);
        }
        GoldTree {
            heads: h,
            labels: labels.iter().map(|&l| l as u8).collect(),
            children,
        }
    }
}

fn is_descendant(heads: &[u32], mut k: usize, h: usize) -> bool {
    let n = heads.len();
    let mut steps = 0;
    while k != h {
        if k >= n || steps > n {
            return false;
        }
        k = heads[k] as usize;
        steps += 1;
    }
    true
}

fn is_projective_arc(heads: &[u32], d: usize) -> bool {
    let h = heads[d] as usize;
    let (a, b) = if h < d { (h, d) } else { (d, h) };
    ((a + 1)..b).all(|k| is_descendant(heads, k, h))
}

/// Lifts the shortest non-projective arc to the head's head until the tree is projective.
pub(crate) fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    // a cycle or out-of-range head would never become projective: leave such trees be
    if (0..n).any(|d| !is_descendant(heads, d, n)) {
        return;
    }
    loop {
        let worst = (0..n)
            .filter(|&d| !is_projective_arc(heads, d))
            .min_by_key(|&d| (heads[d] as usize).abs_diff(d));
        let Some(d) = worst else { return };
        let h = heads[d] as usize;
        if h >= n {
            return;
        }
        heads[d] = heads[h];
    }
}

/// The unlabelled cost of SHIFT, LEFT and RIGHT (`u32::MAX` when illegal): the gold arcs
/// each would make unreachable (Goldberg & Nivre 2013, arc-hybrid).
fn costs(st: &State, gold: &GoldTree) -> [u32; 3] {
    let n = st.n;
    let b0 = st.b0;
    let in_buffer_deps = |x: usize| -> u32 {
        gold.children[x]
            .iter()
            .filter(|&&k| k as usize >= b0 && (k as usize) < n)
            .count() as u32
    };
    let mut out = [u32::MAX; 3];
    if b0 < n {
        // b0 goes on the stack: its head can no longer be under s0, its dependents on
        // the stack can no longer be attached to it
        let h = gold.heads[b0] as usize;
        let s0 = st.s(0) as usize;
        let mut c = 0;
        if h < b0 && h != s0 && st.heads[h] == NONE {
            c += 1;
        }
        c += gold.children[b0]
            .iter()
            .filter(|&&k| (k as usize) < b0 && st.heads[k as usize] == NONE)
            .count() as u32;
        out[0] = c;
    }
    if let Some(&s0) = st.stack.last() {
        let s0 = s0 as usize;
        let h = gold.heads[s0] as usize;
        let deps = in_buffer_deps(s0);
        // LEFT: s0 takes b0 as head
        if st.b0 < n || st.stack.len() == 1 {
            let s1 = st.s(1) as usize;
            let mut c = deps;
            if h != b0 && (h == s1 || h > b0) {
                c += 1;
            }
            out[1] = c;
        }
        // RIGHT: s0 takes s1 as head
        if st.stack.len() >= 2 {
            let mut c = deps;
            if h >= b0 {
                c += 1;
            }
            out[2] = c;
        }
    }
    out
}

/// Cost of a labelled transition class given the unlabelled costs.
fn class_cost(st: &State, gold: &GoldTree, c: usize, unl: &[u32; 3]) -> u32 {
    if c == SHIFT {
        return unl[0];
    }
    let (left, label) = split_class(c);
    let s0 = st.s(0) as usize;
    let (base, head) = if left {
        (unl[1], st.b0)
    } else {
        (unl[2], st.s(1) as usize)
    };
    if base == u32::MAX {
        return base;
    }
    let wrong_label = gold.heads[s0] as usize == head && gold.labels[s0] as usize != label;
    base + wrong_label as u32
}

/// A small deterministic generator (xorshift64*) for the exploration of the oracle.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Trains on one sentence with the dynamic oracle; returns (right, total) transitions.
/// With `explore`, a wrong prediction is followed with probability `p`, so that the
/// parser learns to recover from its own mistakes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn train_sentence(
    weights: &mut TrainWeights,
    words: &[ParseWord],
    gold: &GoldTree,
    scratch: &mut ParseScratch,
    explore: Option<f64>,
    rng: &mut Rng,
) -> (usize, usize) {
    let st = &mut scratch.state;
    st.reset(words.len());
    let mut scores = [0f32; CLASSES];
    let (mut right, mut total) = (0, 0);
    while !st.terminal() {
        features(st, words, &mut scratch.feats);
        scores.fill(0.0);
        weights.score(&scratch.feats, &mut scores);
        let pred = best_legal(st, &scores);
        let unl = costs(st, gold);
        // the best-scoring class of zero cost
        let mut best = usize::MAX;
        for c in 0..CLASSES {
            if st.legal(c)
                && class_cost(st, gold, c, &unl) == 0
                && (best == usize::MAX || scores[c] > scores[best])
            {
                best = c;
            }
        }
        if best == usize::MAX {
            // no zero-cost move (only when the gold tree is not projective): the cheapest
            let mut cheapest = u32::MAX;
            for c in 0..CLASSES {
                if st.legal(c) {
                    let k = class_cost(st, gold, c, &unl);
                    if k < cheapest || (k == cheapest && scores[c] > scores[best]) {
                        cheapest = k;
                        best = c;
                    }
                }
            }
        }
        weights.tick();
        total += 1;
        let pred_cost = class_cost(st, gold, pred, &unl);
        let best_cost = class_cost(st, gold, best, &unl);
        let next = if pred_cost <= best_cost {
            right += 1;
            pred
        } else {
            weights.update(&scratch.feats, best, 1.0);
            weights.update(&scratch.feats, pred, -1.0);
            match explore {
                Some(p) if rng.chance(p) => pred,
                _ => best,
            }
        };
        st.apply(next);
    }
    (right, total)
}
