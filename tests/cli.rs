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

/// Every usage error exits 2, with the closest name where there is one.
#[test]
fn usage_errors_exit_2_with_did_you_mean() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let out = d.path("out");
    let cases: &[(&[&str], &str)] = &[
        (&["-f", "grapml"], "did you mean graphml?"),
        (&["--types", "Persn"], "did you mean Person?"),
        (&["--relations", "CONSLUT"], "did you mean CONSULT?"),
        (&["--modes", "negatd"], "did you mean negated?"),
        (&["--date", "2024-13-01"], "--date"),
        (&["--cypher-dialect", "oracle"], "invalid value"),
        (&["--base-iri", "no-slash"], "--base-iri"),
        (&["--max-nodes", "0"], "--max-nodes"),
    ];
    for (args, says) in cases {
        let o = run(bin().arg("build").arg(&a).args(*args).arg("-o").arg(&out));
        assert_exit!(o, 2);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // a format that disagrees with the output file's extension
    let o = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-o"])
        .arg(d.path("g.graphml")));
    assert_exit!(o, 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("graphml's"));
    assert!(!d.path("g.graphml").exists());
}

#[test]
fn an_unknown_focus_suggests_the_closest_actor() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let o = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-o"])
        .arg(d.path("g.json"))
        .args(["--focus", "Emmanuel Macronn"]));
    assert_exit!(o, 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("did you mean Emmanuel Macron?"), "{err}");
}

#[test]
fn quiet_prints_nothing_but_errors() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let o = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-q", "-f", "json,png", "-o"])
        .arg(d.path("out"))
        .args(["--relations", "CONSULT", "--engine", "builtin"]));
    assert_exit!(o, 0);
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    // without -q the same run says what it cut and sums up
    let o = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-o"])
        .arg(d.path("out2"))
        .args(["--relations", "CONSULT"]));
    assert!(!o.stderr.is_empty());
    // errors still show
    let o = run(bin()
        .args(["-q", "render", "missing.json", "-o"])
        .arg(d.path("x.svg")));
    assert_exit!(o, 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("error"));
}

#[test]
fn render_reads_stdin_and_writes_stdout() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let g = d.path("g.json");
    assert_exit!(
        run(bin()
            .arg("build")
            .arg(&a)
            .args(["-f", "json", "-q", "-o"])
            .arg(&g)),
        0
    );
    let mut child = bin()
        .args(["render", "-", "-o", "-", "--engine", "builtin", "-q"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&std::fs::read(&g).unwrap()).unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_exit!(o, 0);
    let svg = String::from_utf8_lossy(&o.stdout);
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{svg:.80}"
    );
    assert!(svg.contains("Emmanuel Macron"));
    let o = run(bin()
        .arg("render")
        .arg(&g)
        .args(["-o", "-", "-f", "png", "--engine", "builtin"]));
    assert_exit!(o, 0);
    assert!(o.stdout.starts_with(b"\x89PNG"));
    // a --format that disagrees with the file's extension is refused
    let o = run(bin()
        .arg("render")
        .arg(&g)
        .args(["-f", "png", "-o"])
        .arg(d.path("x.svg")));
    assert_exit!(o, 2);
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef actorgraph"),
        ("fish", "complete -c actorgraph"),
    ] {
        let o = run(bin().args(["completions", shell]));
        assert_exit!(o, 0);
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(s.contains(marker), "{shell}");
        for word in ["build", "render", "stats", "cypher-dialect", "modes"] {
            assert!(s.contains(word), "{shell} completion lacks {word}");
        }
    }
    let o = run(bin().arg("man"));
    assert_exit!(o, 0);
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH actorgraph"),
        "{page:.200}"
    );
    assert!(page.contains("completions") && page.contains("stats"));
    assert_exit!(run(bin().args(["completions", "tcsh"])), 2);
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let bad = ["build", "nothing-here.txt", "-f", "json", "-o", "-"];
    let o = run(bin().args(bad).args(["--color", "always"]));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("\x1b["),
        "always colours"
    );
    let o = run(bin().args(bad).args(["--color", "never"]));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("\x1b["));
    // auto: stderr is a pipe here, so no colour; NO_COLOR is honoured as well
    let o = run(bin().args(bad).env("NO_COLOR", "1"));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("\x1b["));
}

#[test]
fn stats_tables_and_json() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let g = d.path("g.json");
    assert_exit!(
        run(bin()
            .arg("build")
            .arg(&a)
            .args(["-f", "json", "-q", "-o"])
            .arg(&g)),
        0
    );
    let o = run(bin().arg("stats").arg(&g));
    assert_exit!(o, 0);
    let t = String::from_utf8_lossy(&o.stdout);
    for part in [
        "actors by type",
        "PageRank",
        "betweenness",
        "communities",
        "top pairs",
    ] {
        assert!(t.contains(part), "{t}");
    }
    let o = run(bin().arg("stats").arg(&g).arg("--json"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let json = read_json(&g);
    assert_eq!(v["actors"], json["nodes"].as_array().unwrap().len());
    assert_eq!(v["relations"], json["links"].as_array().unwrap().len());
    let total: f64 = v["pagerank"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_f64().unwrap())
        .sum();
    assert!(total <= 1.0 + 1e-9);
}

#[test]
fn timings_name_every_stage_on_stderr_and_change_no_output() {
    let d = Dir::new();
    let a = d.write("a.txt", ARTICLE);
    let plain = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-q", "-o"])
        .arg(d.path("plain.json")));
    assert_exit!(plain, 0);
    let timed = run(bin()
        .arg("build")
        .arg(&a)
        .args(["-f", "json", "-q", "--timings", "-j", "1", "-o"])
        .arg(d.path("timed.json")));
    assert_exit!(timed, 0);
    assert_eq!(
        std::fs::read(d.path("plain.json")).unwrap(),
        std::fs::read(d.path("timed.json")).unwrap()
    );
    assert!(plain.stderr.is_empty());
    let err = String::from_utf8_lossy(&timed.stderr);
    assert!(err.starts_with("timings: "), "{err}");
    assert!(err.contains(" wall, 1 worker thread\n"), "{err}");
    let seconds = |label: &str| -> f64 {
        let at = err
            .find(label)
            .unwrap_or_else(|| panic!("no {label}: {err}"))
            + label.len();
        err[at..]
            .trim_start()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    for stage in ["reading", "merging", "resolving", "writing"] {
        assert!(seconds(stage) >= 0.0);
    }
    // the article names two actors in a sentence: it is parsed, within its extraction
    let (extracting, parsing) = (seconds("extracting"), seconds("parsing"));
    assert!(parsing <= extracting, "{err}");
    assert!(
        (extracting - parsing - seconds("the rest")).abs() <= 0.011,
        "{err}"
    );
}
