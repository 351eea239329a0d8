//! Perceptron weights in two forms. Training keeps, per hashed feature, a short sparse row
//! of (class, weight, running sum) with Daumé's trick for averaging (the average is
//! `w - u / c`, so an update touches only the classes involved). The shipped form is a
//! frozen open-addressing table read in place from the model bytes: each slot holds a
//! 32-bit fingerprint of the feature and the offset of its row; a row is a count and then
//! (class, weight) pairs, or, for a row that has a weight for more than a quarter of the
//! classes (the bias, common tags: the features that fire everywhere), the marker 255 and
//! one i16 weight per class, summed as a plain vector (a sparse sum over a hundred classes is
//! a chain of dependent memory adds, the slowest part of scoring before this). The
//! weights are quantized to i16 or i8 with one scale per table (the
//! largest magnitude maps to the largest integer; smaller weights that round to zero are
//! dropped). The tagger keeps i16 (i8 costs it accuracy), the parser, most of the model's
//! bytes, i8 where dev accuracy holds. Rows stay
//! sparse because a feature is updated only with the few classes it was confused between.

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
        if self.width == 1 {
            score_rows::<1>(&self.slots, &self.rows, self.classes, feats, scores)
        } else {
            score_rows::<2>(&self.slots, &self.rows, self.classes, feats, scores)
        }
    }
}

/// Adds the rows of `feats` into `scores` (in quantized units: one scale per table, so
/// the argmax is that of the real weights).
///
/// The lookups are memory-bound (the tables are megabytes, each feature a random bucket
/// and a random row), so they are done in phases over a block of features: first every
/// feature's bucket is searched, then the first byte of each row found is read, then the
/// rows are summed. The loads of a phase do not depend on one another, so the processor
/// keeps many cache misses in flight instead of waiting for each in turn. A corrupt table
/// cannot make this panic or loop: rows and classes out of range are skipped, probing
/// stops after one round of the table.
#[inline]
fn score_rows<const W: usize>(
    slots: &[u8],
    rows: &[u8],
    classes: usize,
    feats: &[u64],
    scores: &mut [f32],
) {
    const BLOCK: usize = 128;
    if slots.len() < 8 * table::BUCKET {
        return;
    }
    let classes = classes.min(254);
    // i8 weights of at most BLOCK features sum within i16: twice the lanes per vector
    let mut acc16 = [0i16; 256];
    let mut acc = [0i32; 256];
    for block in feats.chunks(BLOCK) {
        // the home buckets, each found by the first probe in all but rare cases; touching
        // them all first puts their cache misses in flight together
        // first the first slot of every home bucket, with no branch on what is loaded:
        // a mispredicted branch would cancel the loads issued after it, and the misses
        // would be waited for one by one
        let n_buckets = slots.len() / (8 * table::BUCKET);
        let mut first = [0u32; BLOCK];
        for (v, &f) in first.iter_mut().zip(block) {
            let at = table::home(f, n_buckets) * 8 * table::BUCKET;
            let s = &slots[at + 4..at + 8];
            *v = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        }
        // then the search, in lines now in cache; an empty first slot means an empty
        // bucket (a bucket fills from its first slot), so the key is absent
        let mut offs = [table::EMPTY; BLOCK];
        for ((o, &f), &v) in offs.iter_mut().zip(block).zip(&first) {
            if v != table::EMPTY {
                if let Some(found) = table::find(slots, f) {
                    *o = found;
                }
            }
        }
        let mut counts = [0u8; BLOCK];
        for (c, &o) in counts.iter_mut().zip(&offs[..block.len()]) {
            if o != table::EMPTY {
                *c = rows.get(o as usize).copied().unwrap_or(0);
            }
        }
        for (&o, &n) in offs[..block.len()].iter().zip(&counts) {
            if n == 0 {
                continue;
            }
            let start = o as usize + 1;
            if n == DENSE {
                let Some(row) = rows.get(start..start + 2 * classes) else {
                    continue;
                };
                if W == 1 {
                    for (a, e) in acc16[..classes].iter_mut().zip(row.chunks_exact(2)) {
                        *a = a.wrapping_add(i16::from_le_bytes([e[0], e[1]]));
                    }
                } else {
                    for (a, e) in acc[..classes].iter_mut().zip(row.chunks_exact(2)) {
                        *a += i16::from_le_bytes([e[0], e[1]]) as i32;
                    }
                }
                continue;
            }
            let Some(row) = rows.get(start..start + (1 + W) * n as usize) else {
                continue;
            };
            for e in row.chunks_exact(1 + W) {
                if W == 1 {
                    acc16[e[0] as usize] = acc16[e[0] as usize].wrapping_add(e[1] as i8 as i16);
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

/// A frozen table as ranges of the model bytes, checked once when the model is loaded.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WeightsView {
    slots: (usize, usize),
    rows: (usize, usize),
    width: u8,
    classes: usize,
    scale: f32,
}

impl WeightsView {
    /// Reads a table written by [`FrozenWeights::write`]. Only its shape is checked here
    /// (the lookups themselves are safe on any bytes), so loading costs no pass over it.
    pub(crate) fn read(r: &mut ByteReader<'_>) -> Result<WeightsView, ModelError> {
        let width = r.u32()?;
        if !(1..=2).contains(&width) {
            return Err(ModelError::Corrupt("a weight width".into()));
        }
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 254 {
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
            slots,
            rows,
            width: width as u8,
            classes,
            scale,
        })
    }

    /// The table over the model bytes it was read from.
    pub(crate) fn over<'a>(&self, bytes: &'a [u8]) -> Frozen<'a> {
        Frozen {
            slots: &bytes[self.slots.0..self.slots.1],
            rows: &bytes[self.rows.0..self.rows.1],
            width: self.width,
            classes: self.classes,
            scale: self.scale,
        }
    }
}

/// A checked weight table borrowed from the model bytes.
#[derive(Clone, Copy)]
pub(crate) struct Frozen<'a> {
    slots: &'a [u8],
    rows: &'a [u8],
    width: u8,
    classes: usize,
    scale: f32,
}

impl Scorer for Frozen<'_> {
    fn unit(&self) -> f32 {
        self.scale
    }
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        if self.width == 1 {
            score_rows::<1>(self.slots, self.rows, self.classes, feats, scores)
        } else {
            score_rows::<2>(self.slots, self.rows, self.classes, feats, scores)
        }
    }
}
