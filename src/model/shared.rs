//! [`SharedText`]: a string that every value holding it shares, so that a sentence that
//! supports many edges is held in memory once, not once per edge. An extractor makes one
//! per sentence and clones it (a reference count, not the text) into each piece of
//! evidence; [`TextInterner`] goes further and gives equal texts one allocation across
//! documents (a corpus that repeats an article, or a graph read back from a file).
//!
//! It is one pointer wide (an [`ArcStr`], whose length lives in the allocation beside
//! the count), and so is an `Option` of it: evidence holds four of them, and a corpus
//! holds millions of evidence items.

use arcstr::ArcStr;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// An immutable string behind a reference count: cloning it copies a pointer. It reads
/// like a `&str` (`Deref`, `as_str`, `Display`) and is written and read as a plain
/// JSON string.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedText(ArcStr);

impl SharedText {
    pub fn new(text: &str) -> SharedText {
        SharedText(ArcStr::from(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when both are the same allocation (not only equal text).
    pub fn ptr_eq(a: &SharedText, b: &SharedText) -> bool {
        ArcStr::ptr_eq(&a.0, &b.0)
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> SharedText {
        SharedText::new(s)
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> SharedText {
        SharedText(ArcStr::from(s))
    }
}

impl From<&String> for SharedText {
    fn from(s: &String) -> SharedText {
        SharedText::new(s)
    }
}

impl From<SharedText> for String {
    fn from(s: SharedText) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedText> for str {
    fn eq(&self, other: &SharedText) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<SharedText> for String {
    fn eq(&self, other: &SharedText) -> bool {
        **self == *other.0
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedText, D::Error> {
        String::deserialize(d).map(SharedText::from)
    }
}

/// Equal texts as one allocation: [`TextInterner::intern`] hands back the text it holds
/// already when there is one. It holds each distinct text once, for as long as it lives.
#[derive(Clone, Debug, Default)]
pub struct TextInterner {
    texts: FxHashSet<SharedText>,
}

impl TextInterner {
    pub fn new() -> TextInterner {
        TextInterner::default()
    }

    /// The interner's copy of `text`, made from `text` when it has none yet.
    pub fn intern(&mut self, text: &str) -> SharedText {
        if let Some(t) = self.texts.get(text) {
            return t.clone();
        }
        let t = SharedText::new(text);
        self.texts.insert(t.clone());
        t
    }

    /// Replaces `text` by the interner's copy of it (keeps `text` when it is the first).
    pub fn share(&mut self, text: &mut SharedText) {
        if let Some(t) = self.texts.get(text.as_str()) {
            if !SharedText::ptr_eq(t, text) {
                *text = t.clone();
            }
            return;
        }
        self.texts.insert(text.clone());
    }

    /// [`Self::share`] for an optional text.
    pub fn share_opt(&mut self, text: &mut Option<SharedText>) {
        if let Some(t) = text {
            self.share(t);
        }
    }

    /// Distinct texts held.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_the_text_and_reads_as_a_str() {
        let a = SharedText::from("Macron met Scholz.".to_string());
        let b = a.clone();
        assert!(SharedText::ptr_eq(&a, &b));
        assert_eq!(a, "Macron met Scholz.");
        assert_eq!(a.len(), 18);
        assert!(a.starts_with("Macron"));
        assert_eq!(
            format!("{a} / {a:?}"),
            "Macron met Scholz. / \"Macron met Scholz.\""
        );
        // an equal text made apart is equal but not shared
        let c = SharedText::new("Macron met Scholz.");
        assert_eq!(a, c);
        assert!(!SharedText::ptr_eq(&a, &c));
    }

    #[test]
    fn it_is_a_plain_json_string() {
        let a = SharedText::new("«quoted» \"text\"\n");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#""«quoted» \"text\"\n""#);
        let back: SharedText = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert!(serde_json::from_str::<SharedText>("3").is_err());
    }

    #[test]
    fn the_interner_gives_equal_texts_one_allocation() {
        let mut interner = TextInterner::new();
        let a = interner.intern("One sentence.");
        let b = interner.intern(&String::from("One sentence."));
        let c = interner.intern("Another.");
        assert!(SharedText::ptr_eq(&a, &b));
        assert!(!SharedText::ptr_eq(&a, &c));
        let mut d = SharedText::new("One sentence.");
        interner.share(&mut d);
        assert!(SharedText::ptr_eq(&a, &d));
        assert_eq!(interner.len(), 2);
    }

    #[test]
    fn a_shared_text_and_its_option_are_one_pointer_wide() {
        let ptr = std::mem::size_of::<usize>();
        assert_eq!(std::mem::size_of::<SharedText>(), ptr);
        assert_eq!(std::mem::size_of::<Option<SharedText>>(), ptr);
        // the empty text too is a text, shared and equal to ""
        let e = SharedText::default();
        assert_eq!(e, "");
        assert!(SharedText::ptr_eq(&e, &e.clone()));
    }
}
