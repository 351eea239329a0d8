//! The ontology of `ONTOLOGY.md`: the eight entity types, the relation vocabulary and
//! its families, and the status of an office. Exactly the names every export writes.

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

/// A name that is not in the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnknownName {
    #[error("unknown entity type {0:?} (expected one of: {types})", types = EntityType::ALL.map(|t| t.as_str()).join(", "))]
    EntityType(String),
    #[error("unknown relation {0:?}")]
    Relation(String),
    #[error("unknown mode {0:?} (expected one of: asserted, intended, negated, hypothetical)")]
    Mode(String),
}

impl FromStr for EntityType {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName::EntityType(s.to_string()))
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
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase().replace([' ', '-'], "_");
        RelationKind::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| UnknownName::Relation(s.to_string()))
    }
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

/// How a sentence reports an interaction (PLOVER's auxiliary modes, ONTOLOGY.md "Mode").
/// Only `Asserted` and `Intended` edges are in the default graph.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Happened or is happening.
    #[default]
    Asserted,
    /// A commitment, offer or plan announced as decided ("will visit", "agreed to send").
    Intended,
    /// Reported as not having happened ("did not meet").
    Negated,
    /// A condition, possibility or counterfactual ("could have worked with").
    Hypothetical,
}

impl Mode {
    pub const ALL: [Mode; 4] = [
        Mode::Asserted,
        Mode::Intended,
        Mode::Negated,
        Mode::Hypothetical,
    ];

    /// The name used in every export.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Intended => "intended",
            Mode::Negated => "negated",
            Mode::Hypothetical => "hypothetical",
        }
    }

    /// True for the modes the default graph keeps.
    pub fn is_default(self) -> bool {
        matches!(self, Mode::Asserted | Mode::Intended)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Mode {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Mode::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == wanted)
            .ok_or_else(|| UnknownName::Mode(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_round_trip() {
        for m in Mode::ALL {
            assert_eq!(m.as_str().parse::<Mode>().unwrap(), m);
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""));
        }
        assert_eq!(" Negated ".parse::<Mode>().unwrap(), Mode::Negated);
        assert!("probable".parse::<Mode>().is_err());
        assert!(Mode::Intended.is_default() && !Mode::Hypothetical.is_default());
    }

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
}
