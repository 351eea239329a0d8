//! Perceptron weights in two forms. Training keeps, per hashed feature, a short sparse row
//! of (class, weight, running sum) with Daumé's trick for averaging (the average is
//! `w - u / c`, so an update touches only the classes involved). Rows stay sparse because
//! a feature is updated only with the few classes it was confused between.
//!
//! The shipped form is a frozen open-addressing [`table`] in the model bytes: each slot
//! holds a 32-bit fingerprint of the feature and the offset of its row; a row is a count
//! and then (class, weight) pairs, or, for a row that has a weight for more than a quarter
//! of the classes (the bias, common tags: the features that fire everywhere), the marker
//! 255 and one i16 weight per class, summed as a plain vector (a sparse sum over a hundred
//! classes is a chain of dependent memory adds). The weights are quantized to i16 or i8
//! with one scale per table (the largest magnitude maps to the largest integer; smaller
//! weights that round to zero are dropped). The tagger keeps i16 (i8 costs it accuracy),
//! the parser, most of the model's bytes, i8 where dev accuracy holds.
//!
//! Scoring is bound by memory latency: every feature is a random bucket and a random row
//! in megabytes of tables, and a bucket is 64 bytes. Where a table's slots start on a
//! cache line, each bucket is one line; where they do not, most buckets straddle two, and
//! the search of one misses twice. So when a model is loaded, the slots of a weight table
//! that is not on a cache line in memory are copied once to a buffer where it is (the
//! same bytes: every lookup finds what it found), and the shipped model is embedded at an
//! address that puts the parser's slots, the biggest table, on a cache line with no copy
//! (see [`super::shipped`]). The rows are read in place.

use rustc_hash::FxHashMap;

use super::model::{ByteReader, ByteWriter, ModelError};
use super::table;
use super::tagger::Scorer;

#[derive(Clone, Copy, Debug)]
struct Param {
    class: u8,
    /// Updates so far (saturating): rows updated only once or twice are noise.
    n: u16,
    w: f32,
    /// The sum of `c * delta` over the updates, for the average.
    u: f64,
}

/// Averaged-perceptron weights being trained.
#[derive(Default)]
pub(crate) struct TrainWeights {
    rows: FxHashMap<u64, Vec<Param>>,
    /// Instances seen so far (the `c` of the averaging).
    c: f64,
}

impl TrainWeights {
    pub(crate) fn new() -> TrainWeights {
        TrainWeights::default()
    }

    /// Counts one training instance (call before its update, if any).
    pub(crate) fn tick(&mut self) {
        self.c += 1.0;
    }

    /// Adds the current weights of `feats` into `scores` (one slot per class).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    scores[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Moves the weights of `feats` for `class` by `delta`.
    pub(crate) fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        let c = self.c;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            let p = match row.iter_mut().position(|p| p.class as usize == class) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Param {
                        class: class as u8,
                        n: 0,
                        w: 0.0,
                        u: 0.0,
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            p.w += delta;
            p.u += c * delta as f64;
            p.n = p.n.saturating_add(1);
        }
    }

    /// The averaged weights, rows sorted by feature and by class; rows updated fewer
    /// than `min_updates` times in all are dropped, and entries smaller than `prune` in
    /// magnitude (rows left empty with them).
    pub(crate) fn averaged(&self, prune: f32, min_updates: u32) -> Vec<(u64, Vec<(u8, f32)>)> {
        let c = self.c.max(1.0);
        let mut out: Vec<(u64, Vec<(u8, f32)>)> = self
            .rows
            .iter()
            .filter(|(_, row)| row.iter().map(|p| p.n as u32).sum::<u32>() >= min_updates)
            .filter_map(|(&f, row)| {
                let mut r: Vec<(u8, f32)> = row
                    .iter()
                    .map(|p| (p.class, (p.w as f64 - p.u / c) as f32))
                    .filter(|&(_, w)| w.abs() >= prune && w != 0.0)
                    .collect();
                r.sort_by_key(|&(k, _)| k);
                (!r.is_empty()).then_some((f, r))
            })
            .collect();
        out.sort_unstable_by_key(|&(f, _)| f);
        out
    }

    /// The averaged weights frozen into the shipped form.
    pub(crate) fn freeze(
        &self,
        prune: f32,
        min_updates: u32,
        width: u8,
        classes: usize,
    ) -> FrozenWeights {
        FrozenWeights::build(&self.averaged(prune, min_updates), width, classes)
    }
}

/// The shipped weights: a [`table`] from feature to row offset, and the rows.
#[derive(Clone, Debug)]
pub(crate) struct FrozenWeights {
    slots: Vec<u8>,
    rows: Vec<u8>,
    scale: f32,
    /// Bytes per weight: 1 or 2.
    width: u8,
    classes: usize,
}

/// The count byte of a dense row.
const DENSE: u8 = 255;

impl FrozenWeights {
    /// Quantizes `rows` over `classes` classes (at most 254) to weights of `width` bytes
    /// (1 or 2).
    pub(crate) fn build(
        rows: &[(u64, Vec<(u8, f32)>)],
        width: u8,
        classes: usize,
    ) -> FrozenWeights {
        let top = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0.0f32, f32::max);
        let width = width.clamp(1, 2);
        let limit = if width == 1 { 127.0 } else { 32767.0 };
        let scale = if top > 0.0 { top / limit } else { 1.0 };
        let mut data = Vec::new();
        let mut entries = Vec::with_capacity(rows.len());
        for (f, row) in rows {
            let kept: Vec<(u8, i16)> = row
                .iter()
                .map(|&(k, w)| (k, (w / scale).round().clamp(-limit, limit) as i16))
                .filter(|&(k, q)| q != 0 && (k as usize) < classes)
                .collect();
            if kept.is_empty() {
                continue;
            }
            let push = |data: &mut Vec<u8>, q: i16| {
                if width == 1 {
                    data.push(q as i8 as u8);
                } else {
                    data.extend_from_slice(&q.to_le_bytes());
                }
            };
            entries.push((*f, data.len() as u32));
            if kept.len() * 4 > classes {
                // dense rows are i16 whatever the width: summed as they are, with no
                // widening, they cost half
                data.push(DENSE);
                let mut dense = vec![0i16; classes];
                for (k, q) in kept {
                    dense[k as usize] = q;
                }
                for q in dense {
                    data.extend_from_slice(&q.to_le_bytes());
                }
            } else {
                data.push(kept.len() as u8);
                for (k, q) in kept {
                    data.push(k);
                    push(&mut data, q);
                }
            }
        }
        FrozenWeights {
            slots: table::build_slots(&entries),
            rows: data,
            scale,
            width,
            classes,
        }
    }

    pub(crate) fn write(&self, w: &mut ByteWriter) {
        w.u32(self.width as u32);
        w.u32(self.classes as u32);
        w.f32(self.scale);
        w.bytes(&self.slots);
        w.bytes(&self.rows);
    }

    pub(crate) fn features(&self) -> usize {
        table::len(&self.slots)
    }

    pub(crate) fn byte_len(&self) -> usize {
        self.slots.len() + self.rows.len()
    }
}

impl Scorer for FrozenWeights {
    fn unit(&self) -> f32 {
        self.scale
    }
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        Frozen {
            buckets: self.slots.as_chunks().0,
            rows: &self.rows,
            width: self.width,
            classes: self.classes,
            scale: self.scale,
        }
        .score(feats, scores)
    }
}

/// The value of a free slot.
const EMPTY: u32 = table::EMPTY;
/// The most classes a table can have (class numbers are bytes, 255 marks a dense row).
const MAX_CLASSES: usize = 254;
/// Slots per bucket.
const SLOTS: usize = table::BUCKET;

/// Bytes in a bucket: 8 slots of a fingerprint and a value.
const BUCKET_BYTES: usize = 8 * SLOTS;

/// Where a loaded weight table's slots are searched.
#[derive(Clone, Debug)]
enum Slots {
    /// In the model bytes (this range), which put them on a cache line.
    InPlace(usize, usize),
    /// Copied to `buf[start..start + len]`, which is on one.
    Copied {
        buf: Vec<u8>,
        start: usize,
        len: usize,
    },
}

impl Slots {
    /// The slots at `range` of `bytes`, copied unless they start on a cache line. The
    /// address checked is the one they are read at later: the model keeps `bytes` and
    /// never moves or changes them.
    fn new(bytes: &[u8], range: (usize, usize)) -> Slots {
        let slots = &bytes[range.0..range.1];
        if slots.as_ptr().align_offset(BUCKET_BYTES) == 0 {
            return Slots::InPlace(range.0, range.1);
        }
        // a Vec's buffer does not move when the Vec does, so the alignment holds
        let mut buf = vec![0u8; slots.len() + BUCKET_BYTES];
        let start = buf.as_ptr().align_offset(BUCKET_BYTES).min(BUCKET_BYTES);
        buf[start..start + slots.len()].copy_from_slice(slots);
        Slots::Copied {
            buf,
            start,
            len: slots.len(),
        }
    }

    fn get<'a>(&'a self, bytes: &'a [u8]) -> &'a [u8] {
        match self {
            Slots::InPlace(a, b) => &bytes[*a..*b],
            Slots::Copied { buf, start, len } => &buf[*start..*start + *len],
        }
    }
}

/// A weight table of a loaded model: its slots (see the module comment) and its rows, a
/// range of the model bytes. Checked once when the model is loaded.
#[derive(Clone, Debug)]
pub(crate) struct WeightsView {
    slots: Slots,
    rows: (usize, usize),
    width: u8,
    classes: usize,
    scale: f32,
}

impl WeightsView {
    /// Reads a table written by [`FrozenWeights::write`] from `r`, which reads `bytes`.
    /// Only its shape is checked here (the lookups themselves are safe on any bytes), so
    /// loading costs no pass over it unless its slots have to be copied.
    pub(crate) fn read(r: &mut ByteReader<'_>, bytes: &[u8]) -> Result<WeightsView, ModelError> {
        let width = r.u32()?;
        if !(1..=2).contains(&width) {
            return Err(ModelError::Corrupt("a weight width".into()));
        }
        let classes = r.u32()? as usize;
        if classes == 0 || classes > MAX_CLASSES {
            return Err(ModelError::Corrupt("a class count".into()));
        }
        let scale = r.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Corrupt("a weight scale".into()));
        }
        let slots = r.bytes_range()?;
        let rows = r.bytes_range()?;
        if !table::shape_ok(slots.1 - slots.0) {
            return Err(ModelError::Corrupt("a weight table".into()));
        }
        Ok(WeightsView {
            slots: Slots::new(bytes, slots),
            rows,
            width: width as u8,
            classes,
            scale,
        })
    }

    /// Whether the slots are read where they are in the model bytes.
    #[cfg(test)]
    pub(crate) fn in_place(&self) -> bool {
        matches!(self.slots, Slots::InPlace(..))
    }

    /// The table over the model bytes it was read from.
    pub(crate) fn over<'a>(&'a self, bytes: &'a [u8]) -> Frozen<'a> {
        Frozen {
            buckets: self.slots.get(bytes).as_chunks().0,
            rows: &bytes[self.rows.0..self.rows.1],
            width: self.width,
            classes: self.classes,
            scale: self.scale,
        }
    }
}

/// A checked weight table: its buckets and its rows.
#[derive(Clone, Copy)]
pub(crate) struct Frozen<'a> {
    buckets: &'a [[u8; BUCKET_BYTES]],
    rows: &'a [u8],
    width: u8,
    classes: usize,
    scale: f32,
}

impl Scorer for Frozen<'_> {
    fn unit(&self) -> f32 {
        self.scale
    }

    /// Adds the rows of `feats` into `scores` (in quantized units: one scale per table,
    /// so the argmax is that of the real weights).
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2 (detected just above), the only requirement
            // of a function compiled for it.
            unsafe { self.score_avx2(feats, scores) };
            return;
        }
        self.score_with::<false>(feats, scores)
    }
}

impl Frozen<'_> {
    /// [`Frozen::score_with`] compiled for AVX2: buckets compared 8 slots at a time, dense
    /// rows summed 16 lanes at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_avx2(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_with::<true>(feats, scores)
    }

    #[inline(always)]
    fn score_with<const AVX2: bool>(&self, feats: &[u64], scores: &mut [f32]) {
        // the dense rows of the shipped tables are summed with their length a constant
        // (unrolled, the sums in registers); any other shape the same way, at run time
        match (self.width, self.classes) {
            (1, 111) => self.score_block::<AVX2, 1, 111>(feats, scores),
            (1, _) => self.score_block::<AVX2, 1, 0>(feats, scores),
            (_, 17) => self.score_block::<AVX2, 2, 17>(feats, scores),
            _ => self.score_block::<AVX2, 2, 0>(feats, scores),
        }
    }

    /// Scoring with weights of `W` bytes and dense rows of `D` lanes (0: `classes`).
    ///
    /// The lookups are memory-bound, so they are done in phases over a block of
    /// features, each phase's loads independent of one another so that the processor
    /// keeps many cache misses in flight: first every feature's home bucket is touched,
    /// with no branch on what is loaded (a mispredicted branch would cancel the loads
    /// issued after it, and the misses would be waited for one by one), then searched,
    /// then the first byte of each row found is read, then the rows are summed: the dense
    /// ones with the running sums in registers, then the sparse ones. The sums are
    /// integers (wrapping i16 for i8 tables, exact in any order), so the scores do not
    /// depend on that order. A corrupt table cannot make this panic or loop: rows out of
    /// range are skipped, probing stops after one round of the table.
    #[inline(always)]
    fn score_block<const AVX2: bool, const W: usize, const D: usize>(
        &self,
        feats: &[u64],
        scores: &mut [f32],
    ) {
        let (buckets, rows) = (self.buckets, self.rows);
        let n_buckets = buckets.len();
        if n_buckets == 0 {
            return;
        }
        let classes = self.classes.min(MAX_CLASSES);
        let lanes = if D == 0 { classes } else { D };
        // one lane per possible class byte, so that a class indexes without a check;
        // i8 weights of at most BLOCK features sum within i16
        let mut acc16 = [0i16; 256];
        let mut acc = [0i32; 256];
        let mut first = [0u32; BLOCK];
        let mut found = [0u32; BLOCK];
        let mut dense = [0u32; BLOCK];
        let mut sparse = [0u32; BLOCK];
        for block in feats.chunks(BLOCK) {
            // the value of the first slot of every home bucket: EMPTY if the bucket is (a
            // bucket fills from its first slot)
            for (v, &f) in first.iter_mut().zip(block) {
                let b = &buckets[home(f, n_buckets)];
                *v = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
            }
            let mut n_found = 0;
            for (&f, &v) in block.iter().zip(&first) {
                if v == EMPTY {
                    continue;
                }
                if let Some(o) = find::<AVX2>(buckets, home(f, n_buckets), f) {
                    found[n_found] = o;
                    n_found += 1;
                }
            }
            // the count byte of every row found: its first cache line
            let (mut n_dense, mut n_sparse) = (0, 0);
            for &o in &found[..n_found] {
                let Some(&n) = rows.get(o as usize) else {
                    continue;
                };
                let start = o as usize + 1;
                if n == DENSE {
                    if start + 2 * lanes <= rows.len() {
                        dense[n_dense] = start as u32;
                        n_dense += 1;
                    }
                } else if n != 0 && start + (1 + W) * n as usize <= rows.len() {
                    sparse[n_sparse] = o;
                    n_sparse += 1;
                }
            }
            if W == 1 {
                sum_dense::<D, i16>(&mut acc16[..lanes], rows, &dense[..n_dense]);
            } else {
                sum_dense::<D, i32>(&mut acc[..lanes], rows, &dense[..n_dense]);
            }
            for &o in &sparse[..n_sparse] {
                let (n, start) = (rows[o as usize] as usize, o as usize + 1);
                for e in rows[start..start + (1 + W) * n].chunks_exact(1 + W) {
                    if W == 1 {
                        let a = &mut acc16[e[0] as usize];
                        *a = a.wrapping_add(e[1] as i8 as i16);
                    } else {
                        acc[e[0] as usize] += i16::from_le_bytes([e[1], e[2]]) as i32;
                    }
                }
            }
            if W == 1 {
                for (a, b) in acc.iter_mut().zip(acc16.iter_mut()) {
                    *a += *b as i32;
                    *b = 0;
                }
            }
        }
        for (s, &a) in scores.iter_mut().zip(&acc) {
            *s += a as f32;
        }
    }
}

/// Features per phase block: with i8 weights, the sums of a block fit in i16.
const BLOCK: usize = 128;

/// The home bucket of `key` among `n`: [`table::home`].
#[inline(always)]
fn home(key: u64, n: usize) -> usize {
    table::home(key, n)
}

/// The value of `key` from bucket `b` on, as [`table::find`] finds it: the first slot
/// with its fingerprint in the first bucket that has it, stopping at the first bucket
/// with a free slot (and after one round of the table).
#[inline(always)]
fn find<const AVX2: bool>(buckets: &[[u8; BUCKET_BYTES]], mut b: usize, key: u64) -> Option<u32> {
    let fp = (key >> 32) as u32;
    for _ in 0..buckets.len() {
        let bucket = buckets.get(b)?;
        let m = if AVX2 {
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: instantiated with AVX2 only by `Frozen::score_avx2`, which
                // runs only on a processor with AVX2, and by a test that checks for it
                unsafe { match_mask_avx2(bucket, fp) }
            }
            #[cfg(not(target_arch = "x86_64"))]
            table::match_mask(bucket, fp)
        } else {
            table::match_mask(bucket, fp)
        };
        // bit 2j: slot j's fingerprint is `fp`; bit 2j + 1: slot j is free (a free slot
        // never matches: its fingerprint is ignored)
        let hit = m & 0x5555 & !(m >> 1);
        if hit != 0 {
            let at = (hit.trailing_zeros() as usize / 2) * 8 + 4;
            return Some(u32::from_le_bytes([
                bucket[at],
                bucket[at + 1],
                bucket[at + 2],
                bucket[at + 3],
            ]));
        }
        if m & 0xAAAA != 0 {
            return None;
        }
        b = if b + 1 == buckets.len() { 0 } else { b + 1 };
    }
    None
}

/// [`table::match_mask`] with two 32-byte compares.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn match_mask_avx2(bucket: &[u8; BUCKET_BYTES], fp: u32) -> u32 {
    use std::arch::x86_64::{
        __m256i, _mm256_castsi256_ps, _mm256_cmpeq_epi32, _mm256_loadu_si256, _mm256_movemask_ps,
        _mm256_set_epi32,
    };
    let p = bucket.as_ptr() as *const __m256i;
    let (f, e) = (fp as i32, EMPTY as i32);
    let want = _mm256_set_epi32(e, f, e, f, e, f, e, f);
    // SAFETY: the two unaligned 32-byte loads read bytes 0..64 of `bucket`, which is 64
    // bytes long.
    let (lo, hi) = unsafe { (_mm256_loadu_si256(p), _mm256_loadu_si256(p.add(1))) };
    let m = |v| _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(v, want))) as u32;
    m(lo) | m(hi) << 8
}

/// An accumulator lane: i16 for i8 tables (wrapping), i32 for i16 ones.
trait Lane: Copy + Default {
    fn add_weight(self, w: i16) -> Self;
    fn add(self, o: Self) -> Self;
}

impl Lane for i16 {
    #[inline(always)]
    fn add_weight(self, w: i16) -> i16 {
        self.wrapping_add(w)
    }
    #[inline(always)]
    fn add(self, o: i16) -> i16 {
        self.wrapping_add(o)
    }
}

impl Lane for i32 {
    #[inline(always)]
    fn add_weight(self, w: i16) -> i32 {
        self + w as i32
    }
    #[inline(always)]
    fn add(self, o: i32) -> i32 {
        self + o
    }
}

/// Sums the dense rows starting at `starts` (each checked to hold `acc.len()` lanes of
/// little-endian i16) into `acc`: with `D` lanes, a constant, the running sums stay in
/// registers.
#[inline(always)]
fn sum_dense<const D: usize, L: Lane>(acc: &mut [L], rows: &[u8], starts: &[u32]) {
    let n = acc.len();
    if D == 0 || n != D {
        for &s in starts {
            let s = s as usize;
            for (a, e) in acc.iter_mut().zip(rows[s..s + 2 * n].chunks_exact(2)) {
                *a = a.add_weight(i16::from_le_bytes([e[0], e[1]]));
            }
        }
        return;
    }
    let mut sum = [L::default(); D];
    for &s in starts {
        let s = s as usize;
        for (a, e) in sum.iter_mut().zip(rows[s..s + 2 * D].chunks_exact(2)) {
            *a = a.add_weight(i16::from_le_bytes([e[0], e[1]]));
        }
    }
    for (a, s) in acc.iter_mut().zip(sum) {
        *a = a.add(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::hash::fmix;

    /// What a table scores, read straight from its slots and rows as the file lays them
    /// out (exact sums, one lookup at a time): what the buckets must reproduce.
    fn scored_from_slots(w: &FrozenWeights, feats: &[u64]) -> Vec<f32> {
        let mut acc = vec![0i64; w.classes];
        for &f in feats {
            let Some(o) = table::find(&w.slots, f) else {
                continue;
            };
            let (n, row) = (w.rows[o as usize], &w.rows[o as usize + 1..]);
            if n == DENSE {
                for (a, e) in acc.iter_mut().zip(row.chunks_exact(2)) {
                    *a += i16::from_le_bytes([e[0], e[1]]) as i64;
                }
                continue;
            }
            let width = w.width as usize;
            for e in row.chunks_exact(1 + width).take(n as usize) {
                acc[e[0] as usize] += if width == 1 {
                    e[1] as i8 as i64
                } else {
                    i16::from_le_bytes([e[1], e[2]]) as i64
                };
            }
        }
        acc.into_iter().map(|a| a as f32).collect()
    }

    /// Rows over `classes` classes for keys 1..=n: every seventh one dense, the others a
    /// few classes; weights of both signs.
    fn rows(n: u64, classes: usize) -> Vec<(u64, Vec<(u8, f32)>)> {
        (1..=n)
            .map(|i| {
                let h = fmix(i);
                let k = if i % 7 == 0 {
                    classes
                } else {
                    1 + (h % 4) as usize
                };
                let row = (0..k)
                    .map(|j| {
                        let class = ((h >> 8) as usize + j * 5) % classes;
                        let w = ((h >> (j % 40)) % 2001) as f32 / 1000.0 - 1.0;
                        (class as u8, w)
                    })
                    .collect::<std::collections::BTreeMap<u8, f32>>();
                (h, row.into_iter().collect())
            })
            .collect()
    }

    #[test]
    fn buckets_score_what_the_slots_say() {
        // the shipped shapes (i8 over 111 classes, i16 over 17) and one of neither
        for (width, classes) in [(1u8, 111usize), (2, 17), (1, 40)] {
            let rows = rows(3000, classes);
            let frozen = FrozenWeights::build(&rows, width, classes);
            // present keys, absent ones, and absent ones sharing a present key's
            // fingerprint (upper 32 bits) but not its home bucket
            let mut feats: Vec<u64> = rows.iter().step_by(3).map(|(k, _)| *k).collect();
            feats.extend((5000..5400).map(fmix));
            feats.extend(rows.iter().take(200).map(|(k, _)| k ^ 0x8000_0000));
            for chunk in feats.chunks(90) {
                let mut got = vec![0.0f32; classes];
                frozen.score(chunk, &mut got);
                assert_eq!(got, scored_from_slots(&frozen, chunk), "{width} {classes}");
            }
            // and every lookup, with and without AVX2, finds what the slots find
            let buckets: &[[u8; BUCKET_BYTES]] = frozen.slots.as_chunks().0;
            for &f in &feats {
                let want = table::find(&frozen.slots, f);
                assert_eq!(find::<false>(buckets, home(f, buckets.len()), f), want);
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    assert_eq!(find::<true>(buckets, home(f, buckets.len()), f), want);
                }
            }
        }
    }

    #[test]
    fn a_corrupt_table_scores_without_panicking() {
        let frozen = FrozenWeights::build(&rows(200, 17), 2, 17);
        let mut bytes = frozen.slots.clone();
        // every slot taken, every value far past the rows
        for s in bytes.chunks_exact_mut(8) {
            s[4..].copy_from_slice(&(u32::MAX - 1).to_le_bytes());
        }
        let t = Frozen {
            buckets: bytes.as_chunks().0,
            rows: &frozen.rows,
            width: 2,
            classes: 17,
            scale: 1.0,
        };
        let mut scores = vec![0.0f32; 17];
        t.score(&(1..300).map(fmix).collect::<Vec<_>>(), &mut scores);
        assert!(scores.iter().all(|&s| s == 0.0));
    }
}
