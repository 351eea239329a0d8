//! Text as the extractor reads it, and offsets as the graph records them.
//!
//! The same name can be written with different code points: "José" with a precomposed
//! `é` (NFC) or with `e` and a combining accent (NFD, as macOS file systems and some
//! editors write it), and invisible format characters (zero-width joiners and spaces,
//! soft hyphens, bidirectional marks) can sit inside a word. The tokenizer cut a word at
//! such a character ("Vladimir Pu", "Jose") and the gazetteer did not match. So the
//! extractor reads a copy in NFC without format characters, and every sentence span is
//! mapped back to the original text: evidence spans and texts are the original's.
//!
//! Text that is ASCII, or NFC without format characters already (almost all news), is
//! not copied.

use crate::language::Language;
use crate::model::is_format_char;
use crate::text::{split_sentences, Sentence};
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A document's text in NFC without format characters, with the way back to the
/// original's offsets.
#[derive(Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// Where the two texts are aligned, in order: from each anchor to the next, either
    /// both texts are the same bytes (`same`), or one piece of the original (a combining
    /// sequence, a format character) became the normalized piece. The last anchor is the
    /// end of both. Empty when the text is the original.
    anchors: Vec<Anchor>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchor {
    normalized: usize,
    original: usize,
    same: bool,
}

/// A character that cannot combine with the ones before it: NFC may begin a new piece
/// there.
fn starts_piece(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

impl<'a> Normalized<'a> {
    pub fn new(original: &'a str) -> Normalized<'a> {
        let unchanged = original.is_ascii()
            || (!original.chars().any(is_format_char)
                && is_nfc_quick(original.chars()) == IsNormalized::Yes);
        if unchanged {
            return Normalized {
                original,
                text: Cow::Borrowed(original),
                anchors: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut anchors: Vec<Anchor> = Vec::new();
        let mut piece = String::new();
        let mut add = |text: &mut String, s: usize, e: usize| {
            piece.clear();
            piece.extend(original[s..e].chars().filter(|&c| !is_format_char(c)).nfc());
            let same = piece == original[s..e];
            let here = Anchor {
                normalized: text.len(),
                original: s,
                same,
            };
            // a run of unchanged pieces is one anchor
            let continues = anchors.last().is_some_and(|a| {
                // the same shift (NFC can lengthen a piece too: U+0958)
                a.same && same && a.original + text.len() == s + a.normalized
            });
            if !continues {
                anchors.push(here);
            }
            text.push_str(&piece);
        };
        let mut piece_start = 0;
        for (i, c) in original.char_indices() {
            if i > piece_start && (starts_piece(c) || is_format_char(c)) {
                add(&mut text, piece_start, i);
                piece_start = i;
            }
        }
        if piece_start < original.len() {
            add(&mut text, piece_start, original.len());
        }
        anchors.push(Anchor {
            normalized: text.len(),
            original: original.len(),
            same: false,
        });
        Normalized {
            original,
            text: Cow::Owned(text),
            anchors,
        }
    }

    /// The text the extractor reads.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text is the original (nothing was normalized or removed).
    pub fn is_original(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The original offset where the text from normalized offset `at` starts: after any
    /// format characters removed there.
    pub fn original_start(&self, at: usize) -> usize {
        if self.is_original() {
            return at;
        }
        // the last anchor at or before `at` (of several at `at`, the last: removed
        // characters are passed over)
        let i = self.anchors.partition_point(|a| a.normalized <= at);
        let a = self.anchors[i.saturating_sub(1)];
        if a.same {
            a.original + (at - a.normalized)
        } else {
            a.original
        }
    }

    /// The original offset where the text up to normalized offset `at` ends: before any
    /// format characters removed there.
    pub fn original_end(&self, at: usize) -> usize {
        if self.is_original() {
            return at;
        }
        // the first anchor at or after `at`
        let i = self.anchors.partition_point(|a| a.normalized < at);
        let next = self.anchors[i.min(self.anchors.len() - 1)];
        if next.normalized == at || i == 0 {
            return next.original;
        }
        let a = self.anchors[i - 1];
        if a.same {
            a.original + (at - a.normalized)
        } else {
            // inside a changed piece: the whole piece
            next.original
        }
    }

    /// The normalized offset of original offset `at` (a piece boundary, such as the
    /// start of a line).
    pub fn normalized(&self, at: usize) -> usize {
        if self.is_original() {
            return at;
        }
        let i = self.anchors.partition_point(|a| a.original <= at);
        let a = self.anchors[i.saturating_sub(1)];
        if a.same {
            a.normalized + (at - a.original)
        } else {
            a.normalized
        }
    }

    /// The sentences of the text from original byte `base` on: tokens read the
    /// normalized text; each sentence's byte and character spans are the original's.
    pub fn split_sentences(&self, base: usize, lang: &Language) -> Vec<Sentence<'_>> {
        let mut sentences = split_sentences(&self.text, self.normalized(base), lang);
        if self.is_original() {
            return sentences;
        }
        let mut cursor = (0usize, 0usize); // (byte, char) counted in the original so far
        for s in &mut sentences {
            let start = self.original_start(s.start);
            let end = self.original_end(s.end).max(start);
            s.char_start = cursor.1 + self.original[cursor.0..start].chars().count();
            s.char_end = s.char_start + self.original[start..end].chars().count();
            cursor = (end, s.char_end);
            s.start = start;
            s.end = end;
        }
        sentences
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Language {
        Language::builtin().unwrap()
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        for text in [
            "Macron met Scholz.",
            "Le président a dit «non».",
            "Владимир Путин",
        ] {
            let n = Normalized::new(text);
            assert!(n.is_original() && n.text() == text);
        }
        // a long text with one accent to compose holds a handful of anchors, not one a
        // character
        let long = format!(
            "{}Jose\u{301}{}",
            "Macron met Scholz. ".repeat(1000),
            " Then more.".repeat(1000)
        );
        let n = Normalized::new(&long);
        assert!(n.anchors.len() <= 4, "{}", n.anchors.len());
        assert_eq!(n.text().len(), long.len() - 1);
    }

    #[test]
    fn decomposed_accents_and_format_characters_are_read_as_one_word() {
        let original =
            "Jose\u{301} Mari\u{301}a met Vladimir Pu\u{200d}tin and Ang\u{ad}ela Mer\u{200b}kel.";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "José María met Vladimir Putin and Angela Merkel.");
        let s = n.split_sentences(0, &english());
        assert_eq!(s.len(), 1);
        let words: Vec<&str> = s[0].tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            ["José", "María", "met", "Vladimir", "Putin", "and", "Angela", "Merkel", "."]
        );
        // the sentence is the original's, in bytes and in characters
        assert_eq!(s[0].text(original), original);
        assert_eq!(
            (s[0].char_start, s[0].char_end),
            (0, original.chars().count())
        );
    }

    #[test]
    fn spans_map_back_to_the_original_around_removed_characters() {
        let original = "\u{200b}Intro here.\n\nJose\u{301} Ruiz spoke.\u{200d} Then\u{feff} Pu\u{200d}tin left.";
        let n = Normalized::new(original);
        let s = n.split_sentences(0, &english());
        let texts: Vec<&str> = s.iter().map(|x| x.text(original)).collect();
        assert_eq!(
            texts,
            [
                "Intro here.",
                "Jose\u{301} Ruiz spoke.",
                "Then\u{feff} Pu\u{200d}tin left."
            ]
        );
        for x in &s {
            assert_eq!(x.char_start, original[..x.start].chars().count());
            assert_eq!(x.char_end, original[..x.end].chars().count());
        }
        // a body that starts after a header line
        let original = " date 2024-05-08 \nJose\u{301} spoke.";
        let n = Normalized::new(original);
        let s = n.split_sentences(18, &english());
        assert_eq!(s[0].text(original), "Jose\u{301} spoke.");
        assert_eq!(s[0].char_start, 18);
    }

    #[test]
    fn any_text_maps_to_char_boundaries_of_the_original() {
        let pieces = [
            "e", "\u{301}", "\u{323}", "\u{200d}", "\u{ad}", " ", ".", "A", "\u{1100}", "\u{1161}",
            "가", "\u{feff}", "\n\n", "ǅ", "\u{345}", "\u{958}", "\u{fb2c}",
        ];
        // every pair of pieces, in several places
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a}Khan{a}{b}{a} met{b} Ali{a}{b}.{b}"));
            }
        }
        for original in &texts {
            let n = Normalized::new(original);
            for x in n.split_sentences(0, &english()) {
                assert!(x.start <= x.end && x.end <= original.len(), "{original:?}");
                assert!(
                    original.is_char_boundary(x.start) && original.is_char_boundary(x.end),
                    "{original:?}"
                );
                assert_eq!(
                    x.char_start,
                    original[..x.start].chars().count(),
                    "{original:?}"
                );
                assert_eq!(
                    x.char_end,
                    original[..x.end].chars().count(),
                    "{original:?}"
                );
            }
        }
    }
}
