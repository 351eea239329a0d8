//! Feature hashing. Every feature is one `u64`: a template number mixed with the hashed
//! values it combines (word forms, affixes, tags, labels, counts), so feature extraction
//! allocates nothing and the model needs no feature strings. The hash is our own (not
//! `std`'s or a crate's, whose output may change between versions): a model file's keys
//! must mean the same thing to every build that reads it.

/// The splitmix64 finalizer: a cheap mix with full avalanche.
#[inline(always)]
pub(crate) fn fmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[inline(always)]
fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(23) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A feature of template `t` over one value.
#[inline(always)]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    fmix(step(step(0x2545_F491_4F6C_DD1D, t), a))
}

/// A feature of template `t` over two values.
#[inline(always)]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    fmix(step(step(step(0x2545_F491_4F6C_DD1D, t), a), b))
}

/// A feature of template `t` over three values.
#[inline(always)]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(step(step(step(step(0x2545_F491_4F6C_DD1D, t), a), b), c))
}

/// A streaming hash of a sequence of chars (or other small values).
#[derive(Clone, Copy)]
pub(crate) struct Stream(u64);

impl Stream {
    #[inline(always)]
    pub(crate) fn new(seed: u64) -> Stream {
        Stream(seed)
    }
    #[inline(always)]
    pub(crate) fn push(&mut self, x: u64) {
        self.0 = step(self.0, x);
    }
    #[inline(always)]
    pub(crate) fn finish(self) -> u64 {
        fmix(self.0)
    }
}

/// The hash of a string, as its chars.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = Stream::new(0x51_7C_C1_B7_27_22_0A_95);
    for c in s.chars() {
        h.push(c as u64);
    }
    h.push(0xFFFF_FFFF);
    h.finish()
}

/// Lower case, char by char (a char whose lower case is several chars keeps all of them).
#[inline]
pub(crate) fn lower_chars(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
}
