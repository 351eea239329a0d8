//! The command line: formats, output targets, exit codes, help.

use crate::util::*;
use actorgraph::format::Format;

const ARTICLE: &str = " date 2024-03-05 \n\nFrench President Emmanuel Macron met with German Chancellor Olaf Scholz in Berlin on Monday. Macron criticized Russia.\n";

#[test]
fn help_lists_commands_formats_and_exit_codes() {
    let out = run(bin().arg("--help"));
    assert_exit!(out, 0);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("build") && help.contains("render") && help.contains("Exit codes"));
    let out = run(bin().args(["build", "--help"]));
    let help = String::from_utf8_lossy(&out.stdout);
    for f in Format::ALL {
        assert!(help.contains(f.name()), "build --help lacks {f}");
        assert!(
            help.contains(f.description()),
            "build --help lacks {f}'s description"
        );
    }
    for flag in ["--focus", "--threads"] {
        assert!(help.contains(flag), "build --help lacks {flag}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_exit!(run(bin().args(["build"])), 2);
    assert_exit!(run(bin().args(["frobnicate"])), 2);
}

#[test]
fn one_format_to_a_file_and_to_stdout() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let out = run(bin()
        .arg("build")
        .arg(&a)
        .args(["--format", "json", "-o"])
        .arg(d.path("g.json")));
    assert_exit!(out, 0);
    let g = d.read_json("g.json");
    assert!(
        has(&g, "Emmanuel Macron", "CONSULT", "Olaf Scholz"),
        "{:#?}",
        triples(&g)
    );
    assert!(
        has(&g, "Emmanuel Macron", "ACCUSE", "Russia"),
        "{:#?}",
        triples(&g)
    );
    // "on Monday" moves the article date (a Tuesday) back one day
    let consult = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == "CONSULT")
        .unwrap();
    assert_eq!(consult["date"], "2024-03-04");
    let out = run(bin().arg("build").arg(&a).args(["-f", "tsv", "-o", "-"]));
    assert_exit!(out, 0);
    let tsv = String::from_utf8_lossy(&out.stdout);
    assert!(
        tsv.lines()
            .any(|l| l.starts_with("Emmanuel Macron\tCONSULT\tOlaf Scholz")),
        "{tsv}"
    );
}

#[test]
fn several_formats_go_to_a_directory_named_after_the_input() {
    let d = Dir::new();
    let a = d.write("story.txt", ARTICLE);
    let out = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json,dot,neo4j", "-o"])
        .arg(d.path("out")));
    assert_exit!(out, 0);
    for f in [
        "story.json",
        "story.dot",
        "story.nodes.csv",
        "story.relationships.csv",
    ] {
        assert!(d.path("out").join(f).is_file(), "missing {f}");
    }
}

#[test]
fn output_equal_to_input_is_refused() {
    let d = Dir::new();
    let a = d.write(
        "a.json",
        "{\"id\": \"x\", \"text\": \"Macron met Scholz.\"}\n",
    );
    let before = std::fs::read(&a).unwrap();
    let out = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-o"])
        .arg(&a));
    assert_exit!(out, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("also an input"));
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

#[test]
fn same_output_whatever_the_number_of_threads() {
    let d = Dir::new();
    let mut corpus = String::new();
    for i in 0..300 {
        corpus.push_str(&serde_json::json!({"id": format!("a{i}"), "date": "2024-01-02", "text": format!("Minister Ana Costa{} met with Prime Minister Luis Ortega. Spain criticized Portugal on Monday. Costa{} urged France to act.", i % 7, i % 7)}).to_string());
        corpus.push('\n');
    }
    let c = d.write("c.jsonl", corpus);
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let dir = d.path(&format!("out{threads}"));
        let out = run(bin()
            .arg("build")
            .arg(&c)
            .args([
                "-f",
                "json,graphml,tsv,dot,html",
                "-j",
                threads,
                "--quiet",
                "-o",
            ])
            .arg(&dir));
        assert_exit!(out, 0);
        outputs.push(
            ["c.json", "c.graphml", "c.tsv", "c.dot", "c.html"]
                .map(|f| std::fs::read(dir.join(f)).unwrap()),
        );
    }
    assert!(
        outputs[0] == outputs[1],
        "outputs differ between 1 and 2 threads"
    );
    let g = read_json(&d.path("out1/c.json"));
    assert!(g["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["weight"].as_u64().unwrap() >= 300));
}
