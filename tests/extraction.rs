/*!
Extraction, one phenomenon at a time.

Each small hand-written article `tests/fixtures/articles/NAME.txt` (a ` date 2024-03-05 `
header, a blank line, then the text; none of it copied from the gold articles) has its facts,
checked by hand against `../shared/ONTOLOGY.md`, in `tests/fixtures/expected/NAME.tsv`:

```text
# a comment
subject<TAB>RELATION<TAB>object               the graph must have this link
subject<TAB>RELATION<TAB>object<TAB>date      ... and one such link carries this date
!subject<TAB>RELATION<TAB>object              the graph must not have it (`*` matches anything)
```

Names are node names (the fullest proper name the text uses); `CONSULT`, `AGREE` and
`COOPERATE` are symmetric, so either direction matches. Links the file does not mention
may be there or not.

When the extractor disagrees with a correct expectation, the expectation stays as it is and
the line goes into [`KNOWN_FAILURES`] with a reason: it is reported, not failed on. A known
failure that starts to pass fails the test until it is removed from the list.
*/

use crate::util::*;
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

/// (article, expected line with `\t`, why the extractor misses it today). Checked by hand
/// on 2026-11-27 against main 721ab2e; each is a to-do for `src/extract/`.
const KNOWN_FAILURES: &[(&str, &str, &str)] = &[
    (
        "part_of",
        "Russian Foreign Ministry\tPART_OF\tRussia",
        "PART_OF is drawn only when the country is also named on its own; a country named only by a demonym is dropped",
    ),
    (
        "party_roles",
        "Nadia Ferro\tMEMBER_OF\tCivic Renewal Party",
        "sentence-initial 'Senior' is taken into the party name (node 'Senior Civic Renewal Party')",
    ),
    (
        "located_in_prep",
        "Camp Jail\tLOCATED_IN\tLahore",
        "the apposition 'X, a prison in Y' is not read; only 'X in Y' is",
    ),
    (
        "passive",
        "Central Bureau of Investigation\tCOERCE\tKiran Rao",
        "the passive agent must follow 'by' directly: 'by the X' gives nothing",
    ),
    (
        "nominal_events",
        "Helena Varga\tCONSULT\tPiotr Nowak",
        "'a meeting/talks between X and Y' gives nothing, for people and countries alike",
    ),
    (
        "nominal_events",
        "Egyptian Interior Ministry\tCOERCE\tOmar Saleh",
        "the agent of a nominal event ('the arrest of X by Y') is not read",
    ),
    (
        "alias_place_first_name",
        "Sofia Reyes\tACCUSE\tChile",
        "a first name that is a gazetteer place splits the name: node 'Sofia' (Place) acts, 'Reyes' is lost",
    ),
    (
        "alias_place_first_name",
        "Georgia Mills\tSUPPORT\tPeru",
        "a first name that is a gazetteer country splits the name: the country Georgia acts",
    ),
    (
        "alias_place_first_name",
        "!Sofia\t*\t*",
        "as above: the place Sofia takes the person's event",
    ),
    (
        "alias_place_first_name",
        "!Georgia\t*\t*",
        "as above: the country Georgia takes the person's event",
    ),
];

/// One line on stderr past the test harness's capture, so that it is always seen; one
/// write, so that lines from tests running in parallel do not mix.
fn say(line: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(format!("{line}\n").as_bytes());
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures")
}

/// One link of the graph as names: (source, relation, target, date).
type Link = (String, String, String, Option<String>);

fn links(g: &serde_json::Value) -> Vec<Link> {
    let names: std::collections::HashMap<&str, &str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["name"].as_str().unwrap()))
        .collect();
    g["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let name = |k: &str| names[l[k].as_str().unwrap()].to_string();
            (
                name("source"),
                l["relation"].as_str().unwrap().to_string(),
                name("target"),
                l["date"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// A parsed line of an expected file.
struct Expect {
    line: String,
    negated: bool,
    s: String,
    r: String,
    o: String,
    date: Option<String>,
}

fn read_expected(name: &str) -> Vec<Expect> {
    let p = fixtures().join("expected").join(format!("{name}.tsv"));
    let text =
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (negated, body) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let f: Vec<&str> = body.split('\t').collect();
        assert!(
            matches!(f.len(), 3 | 4) && !(negated && f.len() == 4),
            "{}:{}: expected subject<TAB>RELATION<TAB>object[<TAB>date], got {line:?}",
            p.display(),
            n + 1
        );
        out.push(Expect {
            line: line.to_string(),
            negated,
            s: f[0].to_string(),
            r: f[1].to_string(),
            o: f[2].to_string(),
            date: f.get(3).map(|d| d.to_string()),
        });
    }
    out
}

fn symmetric(r: &str) -> bool {
    matches!(r, "CONSULT" | "AGREE" | "COOPERATE")
}

/// The links that match an expected line, either direction for a symmetric relation.
fn matching<'g>(e: &Expect, links: &'g [Link]) -> Vec<&'g Link> {
    let m = |want: &str, got: &str| want == "*" || want == got;
    links
        .iter()
        .filter(|(s, r, o, _)| {
            m(&e.r, r) && ((m(&e.s, s) && m(&e.o, o)) || (symmetric(r) && m(&e.s, o) && m(&e.o, s)))
        })
        .collect()
}

/// Runs the binary on one fixture and checks its expected file.
fn check(name: &str) {
    let d = Dir::new();
    let article = fixtures().join("articles").join(format!("{name}.txt"));
    let out = run(bin()
        .arg("build")
        .arg(&article)
        .args(["--format", "json", "-o"])
        .arg(d.path("g.json")));
    assert_exit!(out, 0);
    let links = links(&d.read_json("g.json"));
    let mut failures = Vec::new();
    for e in read_expected(name) {
        let found = matching(&e, &links);
        let holds = if e.negated {
            found.is_empty()
        } else {
            match &e.date {
                Some(date) => found.iter().any(|l| l.3.as_deref() == Some(date.as_str())),
                None => !found.is_empty(),
            }
        };
        let known = KNOWN_FAILURES
            .iter()
            .find(|(a, l, _)| *a == name && *l == e.line);
        let what = if e.negated { "unwanted" } else { "missing" };
        match (holds, known) {
            (true, None) => {}
            (false, None) => {
                let dates: Vec<String> = found
                    .iter()
                    .map(|l| format!("{:?}", l.3))
                    .collect::<Vec<_>>();
                let detail = if !e.negated && !found.is_empty() {
                    format!(" (found with date {})", dates.join(", "))
                } else {
                    String::new()
                };
                failures.push(format!("{what}: {}{detail}", e.line.replace('\t', " | ")));
            }
            (false, Some((_, _, why))) => say(&format!(
                "known failure {name}: {} ({why})",
                e.line.replace('\t', " | ")
            )),
            (true, Some(_)) => failures.push(format!(
                "now passes: remove it from KNOWN_FAILURES: {name}: {}",
                e.line.replace('\t', " | ")
            )),
        }
    }
    let all: Vec<String> = links
        .iter()
        .map(|(s, r, o, date)| format!("  {s} | {r} | {o} | {}", date.as_deref().unwrap_or("-")))
        .collect();
    assert!(
        failures.is_empty(),
        "{name}:\n{}\nall links:\n{}",
        failures.join("\n"),
        all.join("\n")
    );
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
        const FIXTURES: &[&str] = &[$(stringify!($name)),*];
    };
}

fixtures! {
    // titles → HOLDS_OFFICE
    title_demonym,
    title_possessive,
    title_apposition,
    title_of_country,
    // party titles → LEADS, MEMBER_OF
    party_roles,
    // "the Russian Foreign Ministry" → PART_OF
    part_of,
    // LOCATED_IN
    located_possessive,
    located_in_prep,
    located_comma,
    // DETAINED_IN
    detained,
    // events
    svo_particles,
    passive,
    coordination,
    nominal_events,
    negation_modality,
    reported_demand,
    // one node per actor
    acronym,
    alias_surname,
    alias_shared_surname,
    alias_us,
    alias_place_first_name,
    pronoun,
    // link dates
    dates,
}

/// Every article has an expected file and a test, and every known failure names a real line.
#[test]
fn fixtures_are_complete() {
    let listed: HashSet<&str> = FIXTURES.iter().copied().collect();
    for dir in ["articles", "expected"] {
        for entry in std::fs::read_dir(fixtures().join(dir)).unwrap() {
            let p = entry.unwrap().path();
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            assert!(
                listed.contains(stem.as_str()),
                "{} has no test in tests/extraction.rs",
                p.display()
            );
        }
    }
    for name in FIXTURES {
        let text = std::fs::read_to_string(fixtures().join(format!("articles/{name}.txt")))
            .unwrap_or_else(|e| panic!("articles/{name}.txt: {e}"));
        assert!(
            text.starts_with(" date 2024-03-05 \n\n"),
            "articles/{name}.txt: header"
        );
        assert!(
            !read_expected(name).is_empty(),
            "expected/{name}.tsv is empty"
        );
    }
    for (name, line, _) in KNOWN_FAILURES {
        assert!(
            FIXTURES.contains(name) && read_expected(name).iter().any(|e| e.line == *line),
            "KNOWN_FAILURES names no expected line: {name}: {line}"
        );
    }
}
