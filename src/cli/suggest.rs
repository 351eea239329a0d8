//! "Did you mean …?" for names the user mistyped: formats, types, relations, modes,
//! actors. The closest candidate by Jaro–Winkler similarity (strsim), case and spacing
//! aside, when it is close enough to be a likely typo.

/// Below this similarity a candidate is not offered (clap's own threshold for flags is 0.7;
/// names of actors are longer and alike, so a bit stricter).
const MIN_SIMILARITY: f64 = 0.8;

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['-', '_'], " ")
}

/// The candidate most like `wanted`, if one is close enough; ties go to the first.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = norm(wanted);
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&w, &norm(c));
        if score >= MIN_SIMILARITY && best.is_none_or(|(_, b)| score > b) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// `"; did you mean X?"`, or nothing.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, candidates)
        .map(|c| format!("; did you mean {c}?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word_and_strangers_find_none() {
        let names = ["Donald Trump", "Joe Biden", "Donald Tusk"];
        assert_eq!(closest("Donald Trumpp", names), Some("Donald Trump"));
        assert_eq!(closest("joe  biden", names), Some("Joe Biden"));
        assert_eq!(closest("Angela Merkel", names), None);
        assert_eq!(
            closest("grapml", ["json", "graphml", "gexf"]),
            Some("graphml")
        );
        assert_eq!(closest("CONSLUT", ["CONSULT", "ACCUSE"]), Some("CONSULT"));
        assert_eq!(
            did_you_mean("persn", ["Person", "Place"]),
            "; did you mean Person?"
        );
        assert_eq!(did_you_mean("zzz", ["Person"]), "");
    }
}
