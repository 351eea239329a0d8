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

/// The value of `key`, if the table has it. Safe on any bytes: a table that is not whole
/// buckets finds nothing, and probing stops after one round of the table.
#[inline(always)]
pub(crate) fn find(slots: &[u8], key: u64) -> Option<u32> {
    let n_buckets = slots.len() / (8 * BUCKET);
    if n_buckets == 0 {
        return None;
    }
    let fp = (key >> 32) as u32;
    let mut b = home(key, n_buckets);
    for _ in 0..n_buckets {
        let bucket = &slots[b * 8 * BUCKET..(b + 1) * 8 * BUCKET];
        // the whole bucket at once, without a branch per slot: which slots match, which
        // are free (a free slot never matches: its fingerprint is ignored)
        let (mut hit, mut free) = (0u32, 0u32);
        for (j, s) in bucket.chunks_exact(8).enumerate() {
            let f = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
            let value = u32::from_le_bytes([s[4], s[5], s[6], s[7]]);
            let empty = (value == EMPTY) as u32;
            free |= empty << j;
            hit |= (((f == fp) as u32) & (empty ^ 1)) << j;
        }
        if hit != 0 {
            let s = &bucket[hit.trailing_zeros() as usize * 8..];
            return Some(u32::from_le_bytes([s[4], s[5], s[6], s[7]]));
        }
        if free != 0 {
            return None;
        }
        b = if b + 1 == n_buckets { 0 } else { b + 1 };
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
