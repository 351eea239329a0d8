//! How a picture looks, whichever engine lays it out: the shipped font and text
//! measurement with its real glyph widths, line width per weight, and label wrapping.
//! Colours, shapes and dashes come from [`crate::palette`], which every drawing
//! format shares.
//! Both engines size boxes with these numbers and `svg.rs` draws with them, so that
//! what was measured is what is drawn.

use crate::model::{EntityType, RelationFamily};
use crate::palette::{family_style as family, type_style as kind_style};
pub(crate) use crate::palette::{Shape, FAMILIES};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans 2.37 (see `data/fonts/README.md` for source and licence).
pub(crate) const FONT_DATA: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");
/// The family name inside [`FONT_DATA`].
pub(crate) const FONT_FAMILY: &str = "DejaVu Sans";
/// What SVG text asks for: the shipped font first, then whatever sans-serif exists.
pub(crate) const FONT_STACK: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";

/// Font sizes in px.
pub(crate) const NODE_FONT: f64 = 13.0;
pub(crate) const TITLE_FONT: f64 = 10.5;
pub(crate) const EDGE_FONT: f64 = 10.5;
pub(crate) const CAPTION_FONT: f64 = 17.0;
pub(crate) const SUBCAPTION_FONT: f64 = 12.0;
pub(crate) const LEGEND_FONT: f64 = 12.0;
/// Line height as a multiple of the font size.
pub(crate) const LINE: f64 = 1.25;

pub(crate) const TEXT_COLOUR: &str = "#1a1a1a";
pub(crate) const MUTED_COLOUR: &str = "#555555";

/// Width in px of `text` set in the shipped font at `size` px. Characters the font
/// lacks (CJK, for instance) count as one em, which is about what fallback fonts use.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let Ok(font) = FontRef::new(FONT_DATA) else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size as f32), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|g| metrics.advance_width(g))
                .map(f64::from)
                .unwrap_or(size)
        })
        .sum()
}

/// Greedy word wrap to at most `max_chars` characters a line (a longer word stays whole
/// up to twice that, and is cut into pieces of twice that beyond) and at most
/// `max_lines` lines, the last one ending in `…` when text was cut. The work is bounded by what is shown: a name of a million
/// characters costs what a name of three lines does.
pub(crate) fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut len = 0; // characters in `current`
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        let mut rest = word;
        while !rest.is_empty() {
            let end = rest
                .char_indices()
                .nth(2 * max_chars)
                .map_or(rest.len(), |(i, _)| i);
            let (piece, tail) = rest.split_at(end);
            let n = piece.chars().count();
            if len > 0 && len + 1 + n <= max_chars {
                current.push(' ');
                current.push_str(piece);
                len += 1 + n;
            } else {
                if len > 0 {
                    lines.push(std::mem::take(&mut current));
                }
                if lines.len() == max_lines {
                    cut = true;
                    break 'words;
                }
                current.push_str(piece);
                len = n;
            }
            rest = tail;
        }
    }
    if len > 0 {
        if lines.len() == max_lines {
            cut = true;
        } else {
            lines.push(current);
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// How much wider and taller than its text a shape must be for the text to stay
/// inside (the slanted corners of hexagons and octagons cut into the box).
pub(crate) fn grow(shape: Shape) -> (f64, f64) {
    match shape {
        Shape::Ellipse => (1.3, 1.45),
        Shape::Octagon => (1.2, 1.8),
        Shape::Hexagon => (1.4, 1.8),
        _ => (1.0, 1.0),
    }
}

/// Fill colour and shape of an entity type (from [`crate::palette`]).
pub(crate) fn type_style(kind: EntityType) -> (&'static str, Shape) {
    let s = kind_style(kind);
    (s.fill, s.shape)
}

/// A readable name of a type for the legend.
pub(crate) fn type_label(kind: EntityType) -> &'static str {
    kind_style(kind).label
}

/// Line colour of a relation family, and whether its lines are dashed.
pub(crate) fn family_style(f: RelationFamily) -> (&'static str, bool) {
    let s = family(f);
    (s.colour, s.dashed)
}

pub(crate) fn family_label(f: RelationFamily) -> &'static str {
    family(f).label
}

/// Length of an arrowhead on an edge of this weight.
pub(crate) fn arrow_len(weight: usize) -> f64 {
    8.0 + 1.5 * edge_width(weight)
}

/// Line width in px for an edge supported by `weight` sentences: 1.2 for one, growing
/// with the logarithm, at most 7.
pub(crate) fn edge_width(weight: usize) -> f64 {
    (1.2 + 1.6 * (weight.max(1) as f64).log2()).min(7.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_measures_real_widths() {
        let i = text_width("iiii", 10.0);
        let m = text_width("MMMM", 10.0);
        assert!(i > 5.0 && i < 15.0, "{i}");
        assert!(m > 30.0 && m < 45.0, "{m}");
        // Non-ASCII Latin and Cyrillic are in DejaVu; CJK is not and counts one em.
        assert!(text_width("Влади́мир Žižek", 10.0) > 50.0);
        assert_eq!(text_width("北京", 10.0), 20.0);
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("Imran Khan", 22, 2), vec!["Imran Khan"]);
        // a word longer than a line is cut into lines, and the cut is marked
        assert_eq!(
            wrap("Abcdefghijklmnopqrs", 4, 2),
            vec!["Abcdefgh", "ijklmnop…"]
        );
        assert_eq!(wrap("Abcdefgh ij", 4, 2), vec!["Abcdefgh", "ij"]);
        // however long the text, three lines of at most twice the width and a mark (the
        // work is shown bounded through the binary, tests/hostile.rs, not timed here)
        let huge = "a".repeat(1_000_000);
        for text in [huge.as_str(), &"ab ".repeat(500_000)] {
            let lines = wrap(text, 22, 3);
            assert_eq!(lines.len(), 3);
            assert!(lines.iter().all(|l| l.chars().count() <= 45), "{lines:?}");
            assert!(lines[2].ends_with('…'));
        }
        assert_eq!(
            wrap("Pakistan Tehreek-e-Insaf party of the people", 20, 2),
            vec!["Pakistan", "Tehreek-e-Insaf…"]
        );
        assert_eq!(
            wrap("Ministry of Foreign Affairs", 20, 3),
            vec!["Ministry of Foreign", "Affairs"]
        );
        assert!(wrap("   ", 10, 2).is_empty());
    }

    #[test]
    fn widths_grow_with_weight_and_stop() {
        assert!(edge_width(1) < edge_width(2));
        assert!(edge_width(2) < edge_width(8));
        assert_eq!(edge_width(10_000), 7.0);
        assert_eq!(edge_width(0), edge_width(1));
    }
}
