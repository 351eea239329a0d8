//! The graph's vocabulary: entity types, relation kinds, actors, relations and their
//! evidence, exactly as `ONTOLOGY.md` names them. Nothing here knows petgraph or any
//! export format; every exporter reads these types and nothing else.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The eight actor types of the ontology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Country,
    Place,
    Facility,
    GovernmentBody,
    PoliticalParty,
    Media,
    Organization,
}

impl EntityType {
    pub const ALL: [EntityType; 8] = [
        EntityType::Person,
        EntityType::Country,
        EntityType::Place,
        EntityType::Facility,
        EntityType::GovernmentBody,
        EntityType::PoliticalParty,
        EntityType::Media,
        EntityType::Organization,
    ];

    /// The name used in every export (`Person`, `GovernmentBody`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::Place => "Place",
            EntityType::Facility => "Facility",
            EntityType::GovernmentBody => "GovernmentBody",
            EntityType::PoliticalParty => "PoliticalParty",
            EntityType::Media => "Media",
            EntityType::Organization => "Organization",
        }
    }

    /// True for the types that can act as a group of people (hold offices, be members).
    pub fn is_organisation_like(self) -> bool {
        matches!(
            self,
            EntityType::GovernmentBody
                | EntityType::PoliticalParty
                | EntityType::Media
                | EntityType::Organization
        )
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown entity type {s:?} (expected one of: {})",
                    EntityType::ALL.map(|t| t.as_str()).join(", ")
                )
            })
    }
}

/// Which family a relation belongs to; images colour edges by family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationFamily {
    /// Offices, leadership, membership, parts of bodies.
    Office,
    /// Where places and facilities are, and where people are held.
    Location,
    /// Verbal and material cooperation (CONSULT .. RETREAT).
    Cooperation,
    /// Verbal and material conflict (REQUEST .. ASSAULT).
    Conflict,
}

macro_rules! relation_kinds {
    ($($variant:ident => $name:literal, $family:ident;)*) => {
        /// The relation vocabulary: six static relations and the sixteen PLOVER types.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum RelationKind { $($variant),* }

        impl RelationKind {
            pub const ALL: &'static [RelationKind] = &[$(RelationKind::$variant),*];

            /// The upper-case name used in every export (`HOLDS_OFFICE`, `CONSULT`, ...).
            pub fn as_str(self) -> &'static str {
                match self { $(RelationKind::$variant => $name),* }
            }

            pub fn family(self) -> RelationFamily {
                match self { $(RelationKind::$variant => RelationFamily::$family),* }
            }
        }
    };
}

relation_kinds! {
    HoldsOffice => "HOLDS_OFFICE", Office;
    Leads => "LEADS", Office;
    MemberOf => "MEMBER_OF", Office;
    PartOf => "PART_OF", Office;
    LocatedIn => "LOCATED_IN", Location;
    DetainedIn => "DETAINED_IN", Location;
    Consult => "CONSULT", Cooperation;
    Agree => "AGREE", Cooperation;
    Support => "SUPPORT", Cooperation;
    Concede => "CONCEDE", Cooperation;
    Cooperate => "COOPERATE", Cooperation;
    Aid => "AID", Cooperation;
    Retreat => "RETREAT", Cooperation;
    Request => "REQUEST", Conflict;
    Accuse => "ACCUSE", Conflict;
    Reject => "REJECT", Conflict;
    Threaten => "THREATEN", Conflict;
    Protest => "PROTEST", Conflict;
    Sanction => "SANCTION", Conflict;
    Mobilize => "MOBILIZE", Conflict;
    Coerce => "COERCE", Conflict;
    Assault => "ASSAULT", Conflict;
}

impl RelationKind {
    /// CONSULT, AGREE and COOPERATE hold in both directions.
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            RelationKind::Consult | RelationKind::Agree | RelationKind::Cooperate
        )
    }

    /// The static relations (offices, membership, location) as opposed to events.
    pub fn is_static(self) -> bool {
        matches!(
            self.family(),
            RelationFamily::Office | RelationFamily::Location
        )
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase().replace([' ', '-'], "_");
        RelationKind::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| format!("unknown relation {s:?}"))
    }
}

/// Where a fact was read: the document, the sentence (0-based index within the
/// document) and the sentence's character span in the document text (Unicode scalar
/// values, end exclusive), with the sentence text itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Current or former holder of an office (`HOLDS_OFFICE` and `LEADS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfficeStatus {
    Current,
    Former,
}

impl OfficeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OfficeStatus::Current => "current",
            OfficeStatus::Former => "former",
        }
    }
}

/// A node: one real-world actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, a slug of the name (`imran-khan`), unique in the graph.
    pub id: String,
    /// The fullest proper name the text uses.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every other form that referred to this actor, sorted, without `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Titles as written (`former Prime Minister`), sorted.
    #[serde(default)]
    pub titles: Vec<String>,
    /// How many mentions the actor has across all documents.
    #[serde(default)]
    pub mentions: u32,
    /// In how many documents the actor is mentioned.
    #[serde(default)]
    pub documents: u32,
    /// Earliest and latest document date the actor is mentioned on (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
}

/// An edge: one (subject, relation, object) fact with everything that supports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub relation: RelationKind,
    /// The surface verb or pattern as written (`met with`, `Ambassador`).
    pub verb: String,
    /// Date of the event (`YYYY-MM-DD`): the first supporting sentence's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// 0..1, see README "Confidence".
    pub confidence: f64,
    /// For HOLDS_OFFICE / LEADS: the title as written (`Prime Minister`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OfficeStatus>,
    /// Every supporting sentence, in document order; never empty.
    pub evidence: Vec<Evidence>,
    /// Earliest and latest date among the supporting sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
}

impl Relation {
    /// Number of supporting sentences.
    pub fn weight(&self) -> usize {
        self.evidence.len()
    }
}

/// An input document as the graph remembers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Turns a name into an id: lower case ASCII letters and digits joined by `-`;
/// other letters are kept as they are (lower-cased) so that non-Latin names stay distinct.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' && c != '.' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_names_round_trip() {
        for r in RelationKind::ALL {
            assert_eq!(r.as_str().parse::<RelationKind>().unwrap(), *r);
        }
        assert_eq!(RelationKind::ALL.len(), 22);
        assert_eq!(
            serde_json::to_string(&RelationKind::HoldsOffice).unwrap(),
            "\"HOLDS_OFFICE\""
        );
    }

    #[test]
    fn entity_types_parse_case_insensitively() {
        assert_eq!(
            "governmentbody".parse::<EntityType>().unwrap(),
            EntityType::GovernmentBody
        );
        assert!("Tribe".parse::<EntityType>().is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Imran Khan"), "imran-khan");
        assert_eq!(slug("U.S. State Department"), "us-state-department");
        assert_eq!(slug("Pakistan Tehreek-e-Insaf"), "pakistan-tehreek-e-insaf");
        assert_eq!(slug("Khan's"), "khans");
        assert_eq!(slug("!!!"), "actor");
        assert_eq!(slug("Владимир Путин"), "владимир-путин");
    }
}
