//! The look every drawing format shares, defined once: fill colour, outline shape and
//! legend name per actor type; line colour, dash and legend name per relation family.
//! The SVG/PNG renderer, DOT (`fillcolor`, `shape`, `color`, `style`), GEXF
//! (`viz:color`) and the HTML report all read these values, so an actor or a relation
//! looks the same in every picture and tool.
//!
//! The fills are light (black labels stay readable on them); the four family colours
//! are far apart in hue and stay distinguishable for the common colour-vision
//! deficiencies (green and red also differ in lightness, and location lines are
//! dashed).

use crate::model::{EntityType, RelationFamily};

/// The outline drawn for an actor type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Ellipse,
    Box,
    /// A box with a dashed outline.
    Dashed,
    /// A box with rounded corners.
    Rounded,
    Hexagon,
    Octagon,
    /// A box with a folded top-right corner.
    Note,
    /// A box with a tab on its top-left edge.
    Tab,
}

impl Shape {
    /// The Graphviz `shape` and the `style` that draws this outline, filled.
    pub fn graphviz(self) -> (&'static str, &'static str) {
        match self {
            Shape::Ellipse => ("ellipse", "filled"),
            Shape::Box => ("box", "filled"),
            Shape::Dashed => ("box", "dashed,filled"),
            Shape::Rounded => ("box", "rounded,filled"),
            Shape::Hexagon => ("hexagon", "filled"),
            Shape::Octagon => ("octagon", "filled"),
            Shape::Note => ("note", "filled"),
            Shape::Tab => ("tab", "filled"),
        }
    }

    /// A lower-case name for formats that describe the shape in words (the HTML report).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Ellipse => "ellipse",
            Shape::Box => "box",
            Shape::Dashed => "dashed",
            Shape::Rounded => "rounded",
            Shape::Hexagon => "hexagon",
            Shape::Octagon => "octagon",
            Shape::Note => "note",
            Shape::Tab => "tab",
        }
    }
}

/// How an actor type is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeStyle {
    /// Fill colour, `#rrggbb`.
    pub fill: &'static str,
    pub shape: Shape,
    /// The legend's name for the type.
    pub label: &'static str,
}

/// How a relation family is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FamilyStyle {
    /// Line colour, `#rrggbb`.
    pub colour: &'static str,
    pub dashed: bool,
    /// The legend's name for the family.
    pub label: &'static str,
}

/// The outline colour of every actor.
pub const OUTLINE: &str = "#333333";

/// The style of an actor type.
pub fn type_style(kind: EntityType) -> TypeStyle {
    let (fill, shape, label) = match kind {
        EntityType::Person => ("#ffeda0", Shape::Ellipse, "person"),
        EntityType::Country => ("#9ecae1", Shape::Box, "country"),
        EntityType::Place => ("#c7e9c0", Shape::Dashed, "place"),
        EntityType::Facility => ("#d9d9d9", Shape::Octagon, "facility"),
        EntityType::GovernmentBody => ("#cbc0e3", Shape::Rounded, "government body"),
        EntityType::PoliticalParty => ("#fcbba1", Shape::Hexagon, "political party"),
        EntityType::Media => ("#fdd49e", Shape::Note, "media"),
        EntityType::Organization => ("#a8ddd3", Shape::Tab, "organization"),
    };
    TypeStyle { fill, shape, label }
}

/// Relation families in legend order.
pub const FAMILIES: [RelationFamily; 4] = [
    RelationFamily::Cooperation,
    RelationFamily::Conflict,
    RelationFamily::Office,
    RelationFamily::Location,
];

/// The style of a relation family.
pub fn family_style(f: RelationFamily) -> FamilyStyle {
    let (colour, dashed, label) = match f {
        RelationFamily::Cooperation => ("#1a9641", false, "cooperation"),
        RelationFamily::Conflict => ("#d7191c", false, "conflict"),
        RelationFamily::Office => ("#2c7bb6", false, "office, membership"),
        RelationFamily::Location => ("#8c6d31", true, "location"),
    };
    FamilyStyle {
        colour,
        dashed,
        label,
    }
}

/// A stable lower-case name of a family, for formats that key styles by name.
pub fn family_name(f: RelationFamily) -> &'static str {
    match f {
        RelationFamily::Cooperation => "cooperation",
        RelationFamily::Conflict => "conflict",
        RelationFamily::Office => "office",
        RelationFamily::Location => "location",
    }
}

/// `#rrggbb` as its three components (for GEXF's `viz:color`). Every colour here is
/// written that way; anything else gives black.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let part = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|p| u8::from_str_radix(p, 16).ok())
            .unwrap_or(0)
    };
    if hex.len() == 7 && hex.starts_with('#') {
        (part(1), part(3), part(5))
    } else {
        (0, 0, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_hex_colour(s: &str) -> bool {
        s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
    }

    #[test]
    fn every_type_and_family_has_a_distinct_valid_style() {
        let fills: std::collections::HashSet<_> = EntityType::ALL
            .iter()
            .map(|&t| type_style(t).fill)
            .collect();
        assert_eq!(fills.len(), EntityType::ALL.len());
        let shapes: std::collections::HashSet<_> = EntityType::ALL
            .iter()
            .map(|&t| type_style(t).shape)
            .collect();
        assert_eq!(shapes.len(), EntityType::ALL.len());
        assert!(fills.iter().all(|f| is_hex_colour(f)));
        let colours: std::collections::HashSet<_> =
            FAMILIES.iter().map(|&f| family_style(f).colour).collect();
        assert_eq!(colours.len(), 4);
        assert!(colours.iter().all(|c| is_hex_colour(c)));
    }

    #[test]
    fn hex_to_rgb() {
        assert_eq!(rgb("#1a9641"), (0x1a, 0x96, 0x41));
        assert_eq!(rgb("#FFFFFF"), (255, 255, 255));
        assert_eq!(rgb("red"), (0, 0, 0));
        assert_eq!(rgb("#12345"), (0, 0, 0));
    }
}
