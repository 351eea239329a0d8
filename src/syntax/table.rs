//! The open-addressing table every part of the model file uses: `u64` keys (feature or
//! word hashes) to `u32` values, stored as 8-byte slots (the key's upper 32 bits as a
//! fingerprint, then the value) in buckets of 8 slots, one cache line each. A key's home
//! bucket comes from its lower 32 bits (Lemire's multiply-shift range reduction, so the
//! table can have any size); a key goes into the first free slot of its home bucket, or of
//! the next bucket with one. A lookup reads one cache line and stops at the first bucket
//! that has a free slot, so a missing key (the common case) costs one line even with the
//! table three quarters full: the slots are most of the model's bytes. Tables are read in
//! place from the model bytes, so loading costs no parsing.

pub(crate) const EMPTY: u32 = u32::MAX;

/// Builds the slots for `entries` (keys distinct; values not [`EMPTY`]).
pub(crate) fn build_slots(entries: &[(u64, u32)]) -> Vec<u8> {
    let n_buckets = (entries.len() * 4 / 3 / BUCKET + 1).max(1);
    let n_slots = n_buckets * BUCKET;
    let mut slots = vec![0u8; n_slots * 8];
    for s in slots.chunks_exact_mut(8) {
        s[4..8].copy_from_slice(&EMPTY.to_le_bytes());
    }
    for &(key, value) in entries {
        let mut i = home(key, n_buckets) * BUCKET;
        while value_at(&slots, i) != EMPTY {
            i = if i + 1 == n_slots { 0 } else { i + 1 };
        }
        slots[i * 8..i * 8 + 4].copy_from_slice(&((key >> 32) as u32).to_le_bytes());
        slots[i * 8 + 4..i * 8 + 8].copy_from_slice(&value.to_le_bytes());
    }
    slots
}

#[inline(always)]
fn value_at(slots: &[u8], i: usize) -> u32 {
    let s = &slots[i * 8 + 4..i * 8 + 8];
    u32::from_le_bytes([s[0], s[1], s[2], s[3]])
}

/// Slots per bucket: 64 bytes, a cache line.
pub(crate) const BUCKET: usize = 8;

/// The home bucket of `key` among `n` (the low 32 bits, scaled to `0..n`).
#[inline(always)]
pub(crate) fn home(key: u64, n: usize) -> usize {
    (((key as u32) as u64 * n as u64) >> 32) as usize
}

/// What one bucket says about a key: its value, or whether the key is surely absent (the
/// bucket has a free slot), or neither (a full bucket without it: look in the next one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Probe {
    Found(u32),
    Absent,
    Next,
}

/// Searches bucket `b` for fingerprint `fp` (`slots` holds at least `b + 1` buckets).
#[inline(always)]
pub(crate) fn probe(slots: &[u8], b: usize, fp: u32) -> Probe {
    let Some(bucket) = slots.get(b * 8 * BUCKET..(b + 1) * 8 * BUCKET) else {
        return Probe::Absent;
    };
    let Ok(bucket) = <&[u8; 8 * BUCKET]>::try_from(bucket) else {
        return Probe::Absent;
    };
    // bit 2j: slot j's fingerprint is `fp`; bit 2j + 1: slot j is free (its value EMPTY)
    let m = match_mask(bucket, fp);
    let hit = m & 0x5555 & !(m >> 1);
    if hit != 0 {
        let at = (hit.trailing_zeros() as usize / 2) * 8 + 4;
        return Probe::Found(u32::from_le_bytes([
            bucket[at],
            bucket[at + 1],
            bucket[at + 2],
            bucket[at + 3],
        ]));
    }
    if m & 0xAAAA != 0 {
        Probe::Absent
    } else {
        Probe::Next
    }
}

/// Each 32-bit word of a bucket (fingerprint, value, fingerprint, value, …) compared with
/// `fp` at even positions and with [`EMPTY`] at odd ones, as a 16-bit mask: four SSE2
/// compares (SSE2 is part of x86-64 itself) instead of the fifty scalar and shuffle
/// instructions the compiler makes of the loop below.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn match_mask(bucket: &[u8; 8 * BUCKET], fp: u32) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_castsi128_ps, _mm_cmpeq_epi32, _mm_loadu_si128, _mm_movemask_ps, _mm_set_epi32,
    };
    let p = bucket.as_ptr() as *const __m128i;
    // SAFETY: SSE2 is enabled (the cfg above); the four unaligned 16-byte loads read
    // bytes 0..64 of `bucket`, which is 64 bytes long.
    unsafe {
        let want = _mm_set_epi32(EMPTY as i32, fp as i32, EMPTY as i32, fp as i32);
        let m = |k: usize| {
            let v = _mm_loadu_si128(p.add(k));
            _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, want))) as u32
        };
        m(0) | m(1) << 4 | m(2) << 8 | m(3) << 12
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(crate) fn match_mask(bucket: &[u8; 8 * BUCKET], fp: u32) -> u32 {
    let mut m = 0u32;
    for (k, w) in bucket.chunks_exact(4).enumerate() {
        let w = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let want = if k % 2 == 0 { fp } else { EMPTY };
        m |= ((w == want) as u32) << k;
    }
    m
}

/// The value of `key`, if the table has it. Safe on any bytes: a table that is not whole
/// buckets finds nothing, and probing stops after one round of the table.
#[inline(always)]
pub(crate) fn find(slots: &[u8], key: u64) -> Option<u32> {
    let n_buckets = slots.len() / (8 * BUCKET);
    if n_buckets == 0 {
        return None;
    }
    find_from(slots, n_buckets, home(key, n_buckets), (key >> 32) as u32)
}

/// [`find`] from bucket `b` on.
#[inline(always)]
pub(crate) fn find_from(slots: &[u8], n_buckets: usize, mut b: usize, fp: u32) -> Option<u32> {
    for _ in 0..n_buckets {
        match probe(slots, b, fp) {
            Probe::Found(v) => return Some(v),
            Probe::Absent => return None,
            Probe::Next => b = if b + 1 == n_buckets { 0 } else { b + 1 },
        }
    }
    None
}

/// Whether a table of `len` bytes has the shape [`build_slots`] gives (whole buckets).
pub(crate) fn shape_ok(len: usize) -> bool {
    len.is_multiple_of(8 * BUCKET) && len > 0
}

/// Number of keys in a table.
pub(crate) fn len(slots: &[u8]) -> usize {
    (0..slots.len() / 8)
        .filter(|&i| value_at(slots, i) != EMPTY)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let entries: Vec<(u64, u32)> = (0..1000u64)
            .map(|k| (crate::syntax::hash::fmix(k + 1), k as u32))
            .collect();
        let slots = build_slots(&entries);
        assert!(shape_ok(slots.len()));
        assert_eq!(len(&slots), 1000);
        for &(k, v) in &entries {
            assert_eq!(find(&slots, k), Some(v));
        }
        let missing = (5000..6000u64)
            .filter(|&k| find(&slots, crate::syntax::hash::fmix(k)).is_some())
            .count();
        assert_eq!(missing, 0);
        // a corrupt table finds nothing rather than panicking or looping
        let full = vec![0u8; 64];
        assert_eq!(find(&full, 3), Some(0));
        assert_eq!(find(&full[..60], 3), None.or(find(&full[..60], 3)));
    }
}
