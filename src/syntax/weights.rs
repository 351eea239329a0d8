//! Perceptron weights in two forms. Training keeps, per hashed feature, a short sparse row
//! of (class, weight, running sum) with Daumé's trick for averaging (the average is
//! `w - u / c`, so an update touches only the classes involved). Rows stay sparse because
//! a feature is updated only with the few classes it was confused between.
//!
//! The shipped form is a frozen open-addressing [`table`] in the model bytes: each slot
//! holds a 32-bit fingerprint of the feature and a value that says where its row is. A
//! sparse row is a count and then (class, weight) pairs; a row that has a weight for more
//! than a quarter of the classes (the bias, common tags: the features that fire
//! everywhere) is dense, one weight per class, summed as a plain vector (a sparse sum over
//! a hundred classes is a chain of dependent memory adds). The dense rows are a block of
//! their own, each row on its own cache lines (a stride of whole lines: the parser's 111
//! i8 weights are two lines, the tagger's 17 i16 weights one), and a slot whose value has
//! [`DENSE_BIT`] set holds the number of its dense row: the row is found without first
//! reading a count byte, and it is read with whole aligned loads. The weights are
//! quantized to i16 or i8 with one scale per table (the largest magnitude maps to the
//! largest integer; smaller weights that round to zero are dropped), dense rows with the
//! same width as sparse ones. The tagger keeps i16 (i8 costs it accuracy), the parser,
//! most of the model's bytes, i8 where dev accuracy holds.
//!
//! Scoring is bound by memory latency: every feature is a random bucket and a random row
//! in megabytes of tables, and a bucket is 64 bytes. The slots and dense rows are written
//! at offsets of the file that are multiples of 64, so where the model bytes start on a
//! cache line (the embedded model, see [`super::shipped`]) every bucket is one line and
//! every dense row its own lines; where they do not (a model read from a file into any
//! buffer), most buckets would straddle two lines and the search of one would miss twice,
//! so those two blocks are copied once, at load, to buffers that are on a line (the same
//! bytes: every lookup finds what it found). The sparse rows are read in place.

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

/// The shipped weights: a [`table`] from feature to row, the sparse rows and the dense ones.
#[derive(Clone, Debug)]
pub(crate) struct FrozenWeights {
    slots: Vec<u8>,
    rows: Vec<u8>,
    dense: Vec<u8>,
    scale: f32,
    /// Bytes per weight: 1 or 2.
    width: u8,
    classes: usize,
}

/// The bit of a slot's value that marks a dense row (the rest is its number); without it
/// the value is the offset of a sparse row.
pub(crate) const DENSE_BIT: u32 = 1 << 31;

/// Bytes from one dense row to the next: the row's weights rounded up to whole cache lines.
fn dense_stride(width: u8, classes: usize) -> usize {
    (width as usize * classes).next_multiple_of(64)
}

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
        let stride = dense_stride(width, classes);
        let push = |data: &mut Vec<u8>, q: i16| {
            if width == 1 {
                data.push(q as i8 as u8);
            } else {
                data.extend_from_slice(&q.to_le_bytes());
            }
        };
        let (mut data, mut dense) = (Vec::new(), Vec::new());
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
            if kept.len() * 4 > classes {
                entries.push((*f, DENSE_BIT | (dense.len() / stride) as u32));
                let start = dense.len();
                dense.resize(start + stride, 0);
                for (k, q) in kept {
                    let at = start + k as usize * width as usize;
                    let mut w = Vec::with_capacity(2);
                    push(&mut w, q);
                    dense[at..at + w.len()].copy_from_slice(&w);
                }
            } else {
                assert!(data.len() < DENSE_BIT as usize, "sparse rows past 2 GB");
                entries.push((*f, data.len() as u32));
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
            dense,
            scale,
            width,
            classes,
        }
    }

    pub(crate) fn write(&self, w: &mut ByteWriter) {
        w.u32(self.width as u32);
        w.u32(self.classes as u32);
        w.f32(self.scale);
        w.aligned_bytes(&self.slots);
        w.bytes(&self.rows);
        w.aligned_bytes(&self.dense);
    }

    pub(crate) fn features(&self) -> usize {
        table::len(&self.slots)
    }

    pub(crate) fn byte_len(&self) -> usize {
        self.slots.len() + self.rows.len() + self.dense.len()
    }

    /// The same weights from a table of model format 2, where dense rows were in line
    /// with the sparse ones (the count byte 255, then one i16 weight per class, whatever
    /// the width) and every slot held a row offset: the slots keep their places (the same
    /// keys in the same buckets), their values are renumbered, and the dense rows move to
    /// their own block, narrowed to the table's width (exact: an i8 table's weights are
    /// within ±127). The result is what [`FrozenWeights::build`] makes of the same
    /// weights.
    pub(crate) fn from_format2(
        width: u8,
        classes: usize,
        scale: f32,
        slots: &[u8],
        rows: &[u8],
    ) -> Result<FrozenWeights, ModelError> {
        let bad = |what: &str| ModelError::Corrupt(format!("a format 2 weight table: {what}"));
        let stride = dense_stride(width, classes);
        let (mut data, mut dense) = (Vec::new(), Vec::new());
        let mut values = FxHashMap::default();
        let mut o = 0;
        while o < rows.len() {
            let n = rows[o] as usize;
            if n == 255 {
                let row = rows
                    .get(o + 1..o + 1 + 2 * classes)
                    .ok_or(bad("a dense row"))?;
                values.insert(o as u32, DENSE_BIT | (dense.len() / stride) as u32);
                let start = dense.len();
                dense.resize(start + stride, 0);
                for (k, e) in row.chunks_exact(2).enumerate() {
                    let q = i16::from_le_bytes([e[0], e[1]]);
                    let at = start + k * width as usize;
                    if width == 1 {
                        dense[at] = i8::try_from(q).map_err(|_| bad("an i8 weight"))? as u8;
                    } else {
                        dense[at..at + 2].copy_from_slice(&q.to_le_bytes());
                    }
                }
                o += 1 + 2 * classes;
            } else {
                let len = 1 + n * (1 + width as usize);
                let row = rows.get(o..o + len).ok_or(bad("a sparse row"))?;
                values.insert(o as u32, data.len() as u32);
                data.extend_from_slice(row);
                o += len;
            }
        }
        let mut slots = slots.to_vec();
        for s in slots.chunks_exact_mut(8) {
            let v = u32::from_le_bytes([s[4], s[5], s[6], s[7]]);
            if v != EMPTY {
                let new = values.get(&v).ok_or(bad("a slot's row"))?;
                s[4..8].copy_from_slice(&new.to_le_bytes());
            }
        }
        Ok(FrozenWeights {
            slots,
            rows: data,
            dense,
            scale,
            width,
            classes,
        })
    }

    /// The table in model format 2 (see [`FrozenWeights::from_format2`]): what the test
    /// of that conversion starts from.
    #[cfg(test)]
    pub(crate) fn to_format2(&self) -> (Vec<u8>, Vec<u8>) {
        let stride = dense_stride(self.width, self.classes);
        let w = self.width as usize;
        let mut rows = Vec::new();
        let mut values = FxHashMap::default();
        let mut o = 0;
        while o < self.rows.len() {
            let len = 1 + self.rows[o] as usize * (1 + w);
            values.insert(o as u32, rows.len() as u32);
            rows.extend_from_slice(&self.rows[o..o + len]);
            o += len;
        }
        for (k, row) in self.dense.chunks_exact(stride).enumerate() {
            values.insert(DENSE_BIT | k as u32, rows.len() as u32);
            rows.push(255);
            for e in row[..w * self.classes].chunks_exact(w) {
                let q = if w == 1 {
                    e[0] as i8 as i16
                } else {
                    i16::from_le_bytes([e[0], e[1]])
                };
                rows.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut slots = self.slots.clone();
        for s in slots.chunks_exact_mut(8) {
            let v = u32::from_le_bytes([s[4], s[5], s[6], s[7]]);
            if v != EMPTY {
                s[4..8].copy_from_slice(&values[&v].to_le_bytes());
            }
        }
        (slots, rows)
    }

    fn frozen(&self) -> Frozen<'_> {
        Frozen {
            buckets: self.slots.as_chunks().0,
            rows: &self.rows,
            dense: &self.dense,
            stride: dense_stride(self.width, self.classes),
            width: self.width,
            classes: self.classes,
            scale: self.scale,
        }
    }
}

impl Scorer for FrozenWeights {
    fn unit(&self) -> f32 {
        self.scale
    }
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        self.frozen().score(feats, scores)
    }
}

/// The value of a free slot.
const EMPTY: u32 = table::EMPTY;
/// The most classes a table can have (class numbers are bytes).
const MAX_CLASSES: usize = 254;
/// Slots per bucket.
const SLOTS: usize = table::BUCKET;

/// Bytes in a bucket: 8 slots of a fingerprint and a value.
const BUCKET_BYTES: usize = 8 * SLOTS;

/// A block of the model bytes that is read on cache lines: the slots, the dense rows.
#[derive(Clone, Debug)]
enum Aligned {
    /// In the model bytes (this range), which put it on a cache line.
    InPlace(usize, usize),
    /// Copied to `buf[start..start + len]`, which is on one.
    Copied {
        buf: Vec<u8>,
        start: usize,
        len: usize,
    },
}

impl Aligned {
    /// The block at `range` of `bytes`, copied unless it starts on a cache line. The
    /// address checked is the one it is read at later: the model keeps `bytes` and never
    /// moves or changes them.
    fn new(bytes: &[u8], range: (usize, usize)) -> Aligned {
        let block = &bytes[range.0..range.1];
        if block.as_ptr().align_offset(64) == 0 {
            return Aligned::InPlace(range.0, range.1);
        }
        // a Vec's buffer does not move when the Vec does, so the alignment holds
        let mut buf = vec![0u8; block.len() + 64];
        let start = buf.as_ptr().align_offset(64).min(64);
        buf[start..start + block.len()].copy_from_slice(block);
        Aligned::Copied {
            buf,
            start,
            len: block.len(),
        }
    }

    fn get<'a>(&'a self, bytes: &'a [u8]) -> &'a [u8] {
        match self {
            Aligned::InPlace(a, b) => &bytes[*a..*b],
            Aligned::Copied { buf, start, len } => &buf[*start..*start + *len],
        }
    }
}

/// A weight table of a loaded model: its slots and dense rows (see the module comment)
/// and its sparse rows, a range of the model bytes. Checked once when the model is loaded.
#[derive(Clone, Debug)]
pub(crate) struct WeightsView {
    slots: Aligned,
    rows: (usize, usize),
    dense: Aligned,
    width: u8,
    classes: usize,
    scale: f32,
}

impl WeightsView {
    /// Reads a table written by [`FrozenWeights::write`] from `r`, which reads `bytes`.
    /// Only its shape is checked here (the lookups themselves are safe on any bytes), so
    /// loading costs no pass over it unless its blocks have to be copied.
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
        let slots = r.aligned_range()?;
        let rows = r.bytes_range()?;
        let dense = r.aligned_range()?;
        if !table::shape_ok(slots.1 - slots.0) {
            return Err(ModelError::Corrupt("a weight table".into()));
        }
        if !(dense.1 - dense.0).is_multiple_of(dense_stride(width as u8, classes)) {
            return Err(ModelError::Corrupt(
                "the dense rows of a weight table".into(),
            ));
        }
        Ok(WeightsView {
            slots: Aligned::new(bytes, slots),
            rows,
            dense: Aligned::new(bytes, dense),
            width: width as u8,
            classes,
            scale,
        })
    }

    /// Whether the slots and dense rows are read where they are in the model bytes.
    #[cfg(test)]
    pub(crate) fn in_place(&self) -> bool {
        matches!(
            (&self.slots, &self.dense),
            (Aligned::InPlace(..), Aligned::InPlace(..))
        )
    }

    /// The table over the model bytes it was read from.
    pub(crate) fn over<'a>(&'a self, bytes: &'a [u8]) -> Frozen<'a> {
        Frozen {
            buckets: self.slots.get(bytes).as_chunks().0,
            rows: &bytes[self.rows.0..self.rows.1],
            dense: self.dense.get(bytes),
            stride: dense_stride(self.width, self.classes),
            width: self.width,
            classes: self.classes,
            scale: self.scale,
        }
    }
}

/// A checked weight table: its buckets, its sparse rows and its dense rows.
#[derive(Clone, Copy)]
pub(crate) struct Frozen<'a> {
    buckets: &'a [[u8; BUCKET_BYTES]],
    rows: &'a [u8],
    dense: &'a [u8],
    /// Bytes from one dense row to the next (a multiple of 64, at least the row).
    stride: usize,
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
        // the dense rows of the shipped tables are summed over a constant number of lanes,
        // the classes rounded up to whole vectors (unrolled, the sums in registers; the
        // lanes past the classes are zero in the rows); any other shape over its classes,
        // at run time
        match (self.width, self.classes) {
            (1, 97..=112) => self.score_block::<AVX2, 1, 112>(feats, scores),
            (1, _) => self.score_block::<AVX2, 1, 0>(feats, scores),
            (_, 17..=24) => self.score_block::<AVX2, 2, 24>(feats, scores),
            _ => self.score_block::<AVX2, 2, 0>(feats, scores),
        }
    }

    /// Scoring with weights of `W` bytes and dense rows summed over `D` lanes (0: over
    /// `classes`; else `classes <= D` and `W * D <= stride`).
    ///
    /// The lookups are memory-bound, so they are done in phases over a block of
    /// features, each phase's loads independent of one another so that the processor
    /// keeps many cache misses in flight: first every feature's home bucket is touched,
    /// with no branch on what is loaded (a mispredicted branch would cancel the loads
    /// issued after it, and the misses would be waited for one by one), then searched,
    /// which sorts the rows found into dense and sparse ones and prefetches the first line of
    /// each sparse row, then the rows are summed: the dense ones with the running sums in
    /// registers, then the sparse ones. The sums are integers (wrapping i16 for i8
    /// tables, exact in any order), so the scores do not depend on that order. A corrupt
    /// table cannot make this panic or loop: rows out of range are skipped, probing stops
    /// after one round of the table.
    #[inline(always)]
    fn score_block<const AVX2: bool, const W: usize, const D: usize>(
        &self,
        feats: &[u64],
        scores: &mut [f32],
    ) {
        let (buckets, rows, dense) = (self.buckets, self.rows, self.dense);
        let n_buckets = buckets.len();
        if n_buckets == 0 {
            return;
        }
        let classes = self.classes.min(MAX_CLASSES);
        let stride = self.stride;
        if stride < W * classes.max(D) {
            return;
        }
        let n_dense = dense.len() / stride;
        // one lane per possible class byte, so that a class indexes without a check;
        // i8 weights of at most BLOCK features sum within i16
        let mut acc16 = [0i16; 256];
        let mut acc = [0i32; 256];
        let mut homes = [0u32; BLOCK];
        let mut first = [0u32; BLOCK];
        let mut dense_at = [0u32; BLOCK];
        let mut sparse = [0u32; BLOCK];
        for block in feats.chunks(BLOCK) {
            // the home bucket of every feature and the value of its first slot: EMPTY if
            // the bucket is (a bucket fills from its first slot)
            for ((h, v), &f) in homes.iter_mut().zip(first.iter_mut()).zip(block) {
                *h = home(f, n_buckets) as u32;
                let b = &buckets[*h as usize];
                *v = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
            }
            let (mut n_dense_found, mut n_sparse) = (0, 0);
            for ((&f, &h), &v) in block.iter().zip(&homes).zip(&first) {
                if v == EMPTY {
                    continue;
                }
                let Some(o) = find::<AVX2>(buckets, h as usize, f) else {
                    continue;
                };
                if o & DENSE_BIT != 0 {
                    let k = (o & !DENSE_BIT) as usize;
                    if k < n_dense {
                        dense_at[n_dense_found] = (k * stride) as u32;
                        n_dense_found += 1;
                    }
                } else if (o as usize) < rows.len() {
                    // the sparse row's first cache line, asked for and not waited on: a
                    // load here would hold the search of the next features behind it
                    prefetch(rows, o as usize);
                    sparse[n_sparse] = o;
                    n_sparse += 1;
                }
            }
            let dense_at = &dense_at[..n_dense_found];
            if W == 1 {
                sum_dense_i8::<D>(&mut acc16[..classes], dense, dense_at);
            } else {
                sum_dense_i16::<D>(&mut acc[..classes], dense, dense_at);
            }
            for &o in &sparse[..n_sparse] {
                let (n, start) = (rows[o as usize] as usize, o as usize + 1);
                let Some(row) = rows.get(start..start + (1 + W) * n) else {
                    continue;
                };
                for e in row.chunks_exact(1 + W) {
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
        for (s, &a) in scores.iter_mut().zip(&acc[..classes]) {
            *s += a as f32;
        }
    }
}

/// Asks for the cache line of `bytes[at]`, to be read soon, without waiting for it: a
/// hint, nothing at all off x86-64 or past the end of `bytes`.
#[inline(always)]
fn prefetch(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = bytes.get(at) {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch reads nothing the program sees and cannot fault; SSE, which
        // has it, is part of x86-64 itself.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(b as *const u8 as *const i8) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, at);
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

/// Sums the i8 dense rows at `starts` (each checked to have a whole stride in `rows`, at
/// least `D` bytes) into `acc` (wrapping i16): with `D` lanes, a constant, the running
/// sums stay in registers and widen 16 lanes at a time.
#[inline(always)]
fn sum_dense_i8<const D: usize>(acc: &mut [i16], rows: &[u8], starts: &[u32]) {
    if D == 0 || acc.len() > D {
        let n = acc.len();
        for &s in starts {
            let s = s as usize;
            for (a, &w) in acc.iter_mut().zip(&rows[s..s + n]) {
                *a = a.wrapping_add(w as i8 as i16);
            }
        }
        return;
    }
    let mut sum = [0i16; D];
    for &s in starts {
        let row: &[u8; D] = rows[s as usize..s as usize + D]
            .try_into()
            .expect("a slice of D bytes");
        for (a, &w) in sum.iter_mut().zip(row) {
            *a = a.wrapping_add(w as i8 as i16);
        }
    }
    for (a, s) in acc.iter_mut().zip(sum) {
        *a = a.wrapping_add(s);
    }
}

/// Sums the i16 dense rows at `starts` (each checked to have a whole stride in `rows`, at
/// least `2 * D` bytes) into `acc`, as [`sum_dense_i8`] does.
#[inline(always)]
fn sum_dense_i16<const D: usize>(acc: &mut [i32], rows: &[u8], starts: &[u32]) {
    if D == 0 || acc.len() > D {
        let n = acc.len();
        for &s in starts {
            let s = s as usize;
            for (a, e) in acc.iter_mut().zip(rows[s..s + 2 * n].chunks_exact(2)) {
                *a += i16::from_le_bytes([e[0], e[1]]) as i32;
            }
        }
        return;
    }
    let mut sum = [0i32; D];
    for &s in starts {
        let s = s as usize;
        for (a, e) in sum.iter_mut().zip(rows[s..s + 2 * D].chunks_exact(2)) {
            *a += i16::from_le_bytes([e[0], e[1]]) as i32;
        }
    }
    for (a, s) in acc.iter_mut().zip(sum) {
        *a += s;
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
            let width = w.width as usize;
            if o & DENSE_BIT != 0 {
                let stride = dense_stride(w.width, w.classes);
                let start = (o & !DENSE_BIT) as usize * stride;
                let row = &w.dense[start..start + width * w.classes];
                for (a, e) in acc.iter_mut().zip(row.chunks_exact(width)) {
                    *a += if width == 1 {
                        e[0] as i8 as i64
                    } else {
                        i16::from_le_bytes([e[0], e[1]]) as i64
                    };
                }
                continue;
            }
            let (n, row) = (w.rows[o as usize], &w.rows[o as usize + 1..]);
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
    fn format2_tables_convert_to_what_build_makes() {
        for (width, classes) in [(1u8, 111usize), (2, 17)] {
            let built = FrozenWeights::build(&rows(3000, classes), width, classes);
            assert!(!built.dense.is_empty() && !built.rows.is_empty());
            let (slots2, rows2) = built.to_format2();
            // format 2 is another layout: dense rows in line, every value an offset
            assert_ne!(slots2, built.slots);
            assert!(rows2.len() > built.rows.len());
            let back =
                FrozenWeights::from_format2(width, classes, built.scale, &slots2, &rows2).unwrap();
            assert_eq!(back.slots, built.slots);
            assert_eq!(back.rows, built.rows);
            assert_eq!(back.dense, built.dense);
        }
        // a format 2 i8 table whose dense row has a weight i8 cannot hold is refused, and
        // so is a slot that points into no row
        let classes = 111;
        let mut rows2 = vec![255u8];
        rows2.extend((0..classes).flat_map(|k| (if k == 5 { 300i16 } else { 1 }).to_le_bytes()));
        let slots = table::build_slots(&[(fmix(1), 0)]);
        assert!(FrozenWeights::from_format2(1, classes, 1.0, &slots, &rows2).is_err());
        assert!(FrozenWeights::from_format2(2, classes, 1.0, &slots, &rows2).is_ok());
        let slots = table::build_slots(&[(fmix(1), 3)]);
        assert!(FrozenWeights::from_format2(2, classes, 1.0, &slots, &rows2).is_err());
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
            ..frozen.frozen()
        };
        let mut scores = vec![0.0f32; 17];
        t.score(&(1..300).map(fmix).collect::<Vec<_>>(), &mut scores);
        assert!(scores.iter().all(|&s| s == 0.0));
    }
}
