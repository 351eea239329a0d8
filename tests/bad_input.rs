//! Broken and hostile input (issue #7): each bad input goes to the binary together with a
//! good article, and the test checks the message (naming the file, and the line for
//! JSONL), the exit code (3 when something was skipped, 0 when it was only warned about,
//! 1 with --strict or when nothing was usable) and that the good article still reached the
//! output. Then size: long runs, many names, repeated marks finish without a panic and say
//! when a bound was hit. The fixtures are in tests/fixtures/bad/.

use crate::util::*;
use std::path::{Path, PathBuf};
use std::process::Output;

const GOOD: &str = "French President Emmanuel Macron met with Olaf Scholz in Berlin.\n";
const GOOD_JSONL: &str = r#"{"id": "good", "date": "2024-05-08", "text": "French President Emmanuel Macron met with Olaf Scholz in Berlin."}"#;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/bad").join(name)
}

/// The outcome of one `actorgraph build INPUTS -f json -o DIR/out.json`.
struct Run {
    out: Output,
    stderr: String,
    json: PathBuf,
}

impl Run {
    fn graph(&self) -> serde_json::Value {
        assert!(
            self.json.is_file(),
            "no output written; stderr:\n{}",
            self.stderr
        );
        read_json(&self.json)
    }

    /// The good article's facts are in the output.
    fn has_good_facts(&self) {
        let g = self.graph();
        assert!(
            has(&g, "Emmanuel Macron", "CONSULT", "Olaf Scholz"),
            "the good article's facts are missing: {:#?}\nstderr:\n{}",
            triples(&g),
            self.stderr
        );
    }

    /// stderr holds a line containing every one of `parts`.
    fn says(&self, parts: &[&str]) {
        assert!(
            self.stderr
                .lines()
                .any(|l| parts.iter().all(|p| l.contains(p))),
            "no stderr line contains all of {parts:?}; stderr:\n{}",
            self.stderr
        );
    }

    fn does_not_say(&self, part: &str) {
        assert!(
            !self.stderr.contains(part),
            "stderr should not mention {part:?}:\n{}",
            self.stderr
        );
    }
}

fn build(d: &Dir, inputs: &[&Path], extra: &[&str]) -> Run {
    let json = d.path("out.json");
    let out = run(bin()
        .arg("build")
        .args(inputs)
        .args(["-f", "json", "-j", "1", "-o"])
        .arg(&json)
        .args(extra));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    Run { out, stderr, json }
}

fn good(d: &Dir) -> PathBuf {
    d.write("good.txt", GOOD)
}

// ---------------------------------------------------------------- one test per bad input

#[test]
fn missing_path_is_skipped_and_named() {
    let d = Dir::new();
    let missing = d.path("nowhere/missing.txt");
    let r = build(&d, &[&good(&d), &missing], &[]);
    assert_exit!(r.out, 3);
    r.says(&[
        "error:",
        "nowhere/missing.txt: no such file or directory; skipped",
    ]);
    r.says(&["1 article, 1 skipped (1 missing path)"]);
    r.has_good_facts();
}

#[test]
fn unreadable_file_is_skipped_and_named() {
    // tests run as root, for whom no permission bit makes a file unreadable: a symbolic
    // link to itself cannot be opened by anyone
    let d = Dir::new();
    let looped = d.path("looped.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let r = build(&d, &[&good(&d), &looped], &[]);
    assert_exit!(r.out, 3);
    r.says(&["looped.txt: cannot read:", "; skipped"]);
    r.says(&["1 skipped (1 unreadable)"]);
    r.has_good_facts();
}

#[test]
fn directory_without_articles_is_skipped_and_named() {
    let d = Dir::new();
    d.write("notes/readme.md", "Not an article.");
    d.write("notes/.hidden.txt", "Hidden files are not read.");
    let r = build(&d, &[&good(&d), &d.path("notes")], &[]);
    assert_exit!(r.out, 3);
    r.says(&["notes: directory holds no *.txt or *.jsonl articles; skipped"]);
    r.says(&["1 skipped (1 no articles in directory)"]);
    r.has_good_facts();
}

#[test]
fn empty_files_are_skipped_and_named() {
    let d = Dir::new();
    let r = build(
        &d,
        &[
            &fixture("empty.txt"),
            &good(&d),
            &fixture("header-only.txt"),
        ],
        &[],
    );
    assert_exit!(r.out, 3);
    r.says(&["empty.txt: empty article: no text; skipped"]);
    r.says(&["header-only.txt: empty article: no text; skipped"]);
    r.says(&["2 skipped (2 empty)"]);
    r.has_good_facts();
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_and_the_article_kept() {
    // the current decision (issue #7): decode with U+FFFD and warn; nothing is skipped
    let d = Dir::new();
    let mut record = br#"{"id": "latin", "text": "Caf"#.to_vec();
    record.extend_from_slice(b"\xe9 talk: Angela Merkel met with Vladimir Putin.\"}\n");
    let corpus = d.write("c.jsonl", [GOOD_JSONL.as_bytes(), b"\n", &record].concat());
    let r = build(&d, &[&fixture("latin1.txt"), &corpus], &[]);
    assert_exit!(r.out, 0);
    r.says(&[
        "warning:",
        "latin1.txt: invalid UTF-8 at line 3, byte 24 and 3 more places: replaced with U+FFFD",
    ]);
    r.says(&["c.jsonl:2: invalid UTF-8 at byte 28 of the record"]);
    r.does_not_say("skipped");
    r.has_good_facts();
    // the sentence after the replaced bytes is read as usual
    assert!(has(
        &r.graph(),
        "Angela Merkel",
        "CONSULT",
        "Vladimir Putin"
    ));
}

#[test]
fn binary_files_are_skipped_and_named() {
    let d = Dir::new();
    // a PNG image and a UTF-16 text file, both named .txt; binary bytes on stdin too
    let mut child = bin()
        .arg("build")
        .arg(fixture("image.txt"))
        .arg(good(&d))
        .arg(fixture("utf16.txt"))
        .arg("-")
        .args(["-f", "json", "-j", "1", "-o"])
        .arg(d.path("out.json"))
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let r = Run {
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        out,
        json: d.path("out.json"),
    };
    assert_exit!(r.out, 3);
    r.says(&["image.txt: binary data (NUL bytes), not text; skipped"]);
    r.says(&["utf16.txt: UTF-16 text; only UTF-8 is read", "; skipped"]);
    r.says(&["<stdin>: binary data (NUL bytes), not text; skipped"]);
    r.says(&["3 skipped (1 UTF-16, 2 binary)"]);
    r.has_good_facts();
}

#[test]
fn binary_file_named_jsonl_gives_one_message() {
    let d = Dir::new();
    let fake = d.write(
        "dump.jsonl",
        b"\x1f\x8b\x08\x00\x00\n\x00\n\x00\n\x00\n".as_slice(),
    );
    let r = build(&d, &[&fake, &good(&d)], &[]);
    assert_exit!(r.out, 3);
    r.says(&["dump.jsonl:1: binary data (NUL bytes), not text; skipped"]);
    r.says(&["1 skipped (1 binary)"]);
    r.has_good_facts();
}

#[test]
fn malformed_jsonl_lines_are_skipped_and_named_with_their_line() {
    let d = Dir::new();
    let corpus = d.write(
        "c.jsonl",
        format!(
            "{GOOD_JSONL}\n{{\"id\": \"x\", \"text\": \"Macron met Scholz.\",\n[1, 2]\n\n{{\"text\": \"Imran Khan criticized the United States.\"}}\n"
        ),
    );
    let r = build(&d, &[&corpus], &[]);
    assert_exit!(r.out, 3);
    r.says(&["c.jsonl:2: not valid JSON: EOF while parsing a value at column 41; skipped"]);
    r.says(&["c.jsonl:3: not valid JSON: a record must be a JSON object; skipped"]);
    r.says(&["2 articles, 2 skipped (2 malformed JSONL)"]);
    r.has_good_facts();
    // the line after the bad ones (and the blank line) still counts
    assert!(has(&r.graph(), "Imran Khan", "ACCUSE", "United States"));
}

#[test]
fn truncated_jsonl_line_is_skipped_and_named() {
    let d = Dir::new();
    let corpus = d.write(
        "c.jsonl",
        format!("{GOOD_JSONL}\n{{\"id\": \"cut\", \"text\": \"The file ends in the mid"),
    );
    let r = build(&d, &[&corpus], &[]);
    assert_exit!(r.out, 3);
    r.says(&[
        "c.jsonl:2: truncated record: the file ends inside it (EOF while parsing a string",
        "; skipped",
    ]);
    r.says(&["1 skipped (1 truncated JSONL)"]);
    r.has_good_facts();
}

#[test]
fn jsonl_line_without_text_is_skipped_and_named() {
    let d = Dir::new();
    let corpus = d.write(
        "c.jsonl",
        format!("{{\"id\": \"a\", \"title\": \"Headline only\"}}\n{GOOD_JSONL}\n{{\"id\": \"b\", \"text\": [\"not\", \"a string\"]}}\n{{\"id\": \"c\", \"text\": null}}\n"),
    );
    let r = build(&d, &[&corpus], &[]);
    assert_exit!(r.out, 3);
    r.says(&["c.jsonl:1: JSONL record has no \"text\" string; skipped"]);
    r.says(&["c.jsonl:3: JSONL record field \"text\" must be a string; skipped"]);
    r.says(&["c.jsonl:4: JSONL record has no \"text\" string; skipped"]);
    r.says(&["3 skipped (1 JSONL field of wrong type, 2 JSONL without text)"]);
    r.has_good_facts();
}

#[test]
fn duplicate_jsonl_ids_keep_the_first_article() {
    let d = Dir::new();
    let corpus = d.write(
        "c.jsonl",
        format!(
            "{GOOD_JSONL}\n{{\"id\": \"good\", \"text\": \"Imran Khan criticized the United States.\"}}\n"
        ),
    );
    let r = build(&d, &[&corpus], &[]);
    assert_exit!(r.out, 3);
    r.says(&[
        "c.jsonl:2: duplicate article id \"good\" (the first article with this id is kept); skipped",
    ]);
    r.says(&["1 skipped (1 duplicate id)"]);
    r.has_good_facts();
    assert!(!has(&r.graph(), "Imran Khan", "ACCUSE", "United States"));
}

#[test]
fn text_files_with_the_same_name_are_both_read_and_a_file_given_twice_once() {
    let d = Dir::new();
    let good_a = d.write("2023/story.txt", GOOD);
    d.write(
        "2024/story.txt",
        "Imran Khan criticized the United States.\n",
    );
    let r = build(&d, &[&d.path("2023"), &d.path("2024"), &good_a], &[]);
    assert_exit!(r.out, 3);
    r.says(&[
        "warning:",
        "2024/story.txt: article id \"story\" is taken by an earlier file; this one's id is",
    ]);
    r.says(&["2023/story.txt: this file was given twice", "; skipped"]);
    r.says(&["2 articles, 1 skipped (1 file given twice)"]);
    r.has_good_facts();
    assert!(has(&r.graph(), "Imran Khan", "ACCUSE", "United States"));
}

#[test]
fn invalid_date_header_is_skipped_and_named() {
    let d = Dir::new();
    let corpus = d.write(
        "c.jsonl",
        format!("{{\"id\": \"d\", \"date\": \"05/08/2024\", \"text\": \"Imran Khan criticized the United States.\"}}\n{GOOD_JSONL}\n"),
    );
    let r = build(&d, &[&fixture("bad-date.txt"), &corpus], &[]);
    assert_exit!(r.out, 3);
    r.says(&[
        "bad-date.txt:1: invalid date \"2024-13-40\" (write YYYY-MM-DD, or \"date unknown\"); skipped",
    ]);
    r.says(&["c.jsonl:1: invalid date \"05/08/2024\"", "; skipped"]);
    r.says(&["2 skipped (2 invalid date)"]);
    r.has_good_facts();
}

#[test]
fn article_over_the_size_limit_is_skipped_and_named() {
    let d = Dir::new();
    let big = d.write(
        "big.txt",
        "Imran Khan criticized the United States. ".repeat(100),
    );
    let corpus = d.write(
        "c.jsonl",
        format!("{{\"text\": \"{}\"}}\n", "Khan spoke. ".repeat(100)),
    );
    let r = build(
        &d,
        &[&big, &good(&d), &corpus],
        &["--max-article-bytes", "1000"],
    );
    assert_exit!(r.out, 3);
    r.says(&[
        "big.txt: article is 4100 bytes, over the limit of 1000 bytes (--max-article-bytes); skipped",
    ]);
    r.says(&["c.jsonl:1: article is 1200 bytes", "; skipped"]);
    r.says(&["2 skipped (2 too large)"]);
    r.has_good_facts();
}

// ---------------------------------------------------------------- the run as a whole

#[test]
fn summary_counts_what_was_skipped_and_why() {
    let d = Dir::new();
    let r = build(
        &d,
        &[
            &fixture("corpus.jsonl"),
            &good(&d),
            &fixture("empty.txt"),
            &d.path("missing.txt"),
        ],
        &[],
    );
    assert_exit!(r.out, 3);
    r.says(&[
        "actorgraph: 3 articles, 11 skipped (1 JSONL field of wrong type, 1 JSONL without text, \
         1 binary, 1 duplicate id, 2 empty, 1 invalid date, 2 malformed JSONL, 1 missing path, \
         1 truncated JSONL), ",
    ]);
    // every skipped record is named by its line
    for line in [2, 3, 4, 5, 6, 7, 8, 9, 12] {
        r.says(&[&format!("corpus.jsonl:{line}: "), "; skipped"]);
    }
    r.has_good_facts();
    let g = r.graph();
    assert!(has(&g, "Shehbaz Sharif", "CONSULT", "Xi Jinping"));
    assert!(has(&g, "Vladimir Putin", "CONSULT", "Recep Tayyip Erdogan"));
}

#[test]
fn strict_stops_at_the_first_bad_article_and_writes_nothing() {
    let d = Dir::new();
    let r = build(
        &d,
        &[&good(&d), &fixture("bad-date.txt"), &d.path("missing.txt")],
        &["--strict"],
    );
    assert_exit!(r.out, 1);
    r.says(&[
        "error:",
        "bad-date.txt:1: invalid date \"2024-13-40\"",
        "(--strict: stopping, nothing written)",
    ]);
    // it stopped there: the next bad input was never looked at
    r.does_not_say("missing.txt");
    assert!(!r.json.exists());
    assert_eq!(
        std::fs::read_dir(d.tmp.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name() != "good.txt")
            .count(),
        0,
        "no file (not even a temporary one) is left beside the output"
    );
    // warnings are not errors: invalid UTF-8 is still read under --strict
    let r = build(&d, &[&good(&d), &fixture("latin1.txt")], &["--strict"]);
    assert_exit!(r.out, 0);
    r.has_good_facts();
}

#[test]
fn nothing_usable_is_fatal_and_an_earlier_output_is_kept() {
    let d = Dir::new();
    let earlier = d.write("out.json", "{\"earlier\": true}");
    let r = build(&d, &[&fixture("empty.txt"), &fixture("image.txt")], &[]);
    assert_exit!(r.out, 1);
    r.says(&["error: no article could be read, 2 skipped (1 binary, 1 empty); nothing written"]);
    assert_eq!(
        std::fs::read_to_string(&earlier).unwrap(),
        "{\"earlier\": true}"
    );
}

#[test]
fn unwritable_output_is_refused_before_any_input_is_read() {
    let d = Dir::new();
    let file = d.write("notes.txt", "A file, not a directory.");
    let missing = d.path("missing.txt");
    for (format, out) in [
        ("json", "notes.txt/graph.json"),
        ("json,dot", "notes.txt/out"),
    ] {
        let o = run(bin()
            .arg("build")
            .arg(good(&d))
            .arg(&missing)
            .args(["-f", format, "-o"])
            .arg(d.path(out)));
        assert_exit!(o, 1);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains(&format!(
                "cannot write the output {}: {} is a file, not a directory",
                d.path(out).display(),
                file.display()
            )),
            "{stderr}"
        );
        // refused before reading: the missing input was never reported
        assert!(!stderr.contains("missing.txt"), "{stderr}");
    }
}

// ---------------------------------------------------------------- size: bounded work, no panic

/// Runs a generated hostile article together with the good one: exit 0, the good facts.
/// The directory is returned so that the output can still be read.
fn hostile(name: &str, text: &str) -> (Dir, Run) {
    let d = Dir::new();
    let bad = d.write(name, text);
    let r = build(&d, &[&bad, &good(&d)], &[]);
    assert_exit!(r.out, 0);
    r.does_not_say("panicked");
    r.has_good_facts();
    (d, r)
}

#[test]
fn a_200000_character_sentence_is_cut_and_said_so() {
    let words = [
        "minister", "Khan", "said", "talks", "with", "Pakistan", "continue",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 200_000 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    let (_d, r) = hostile("run.txt", &text);
    r.says(&[
        "warning:",
        "run.txt: 97 sentences longer than 300 tokens, cut there",
    ]);
    // one token of 200,000 letters
    hostile("word.txt", &"a".repeat(200_000));
}

#[test]
fn cut_sentences_are_named_by_article_then_counted() {
    let d = Dir::new();
    let mut corpus = String::new();
    for i in 0..7 {
        corpus.push_str(&format!(
            "{{\"id\": \"long{i}\", \"text\": \"{}\"}}\n",
            "word ".repeat(301)
        ));
    }
    let r = build(&d, &[&d.write("c.jsonl", corpus), &good(&d)], &[]);
    assert_exit!(r.out, 0);
    r.says(&["c.jsonl:5: 1 sentence longer than 300 tokens, cut there"]);
    r.does_not_say("c.jsonl:6:");
    r.says(&["in all, 7 sentences in 7 articles were longer than 300 tokens and were cut there"]);
    r.has_good_facts();
}

#[test]
fn ten_thousand_names_in_one_article() {
    // 10,000 distinct capitalised names, two a sentence, each pair meeting
    let mut text = String::new();
    for i in 0..5_000 {
        text.push_str(&format!(
            "Name{i:04} Person{i:04} met with Other{i:04} Human{i:04}. "
        ));
    }
    let (_d, r) = hostile("names.txt", &text);
    let g = r.graph();
    assert!(g["nodes"].as_array().unwrap().len() >= 10_000);
    assert!(has(
        &g,
        "Name4999 Person4999",
        "CONSULT",
        "Other4999 Human4999"
    ));
}

#[test]
fn repeated_quotes_parentheses_and_possessives() {
    let (_d, r) = hostile(
        "quotes.txt",
        &format!("Macron met Scholz.{}", "\"".repeat(100_000)),
    );
    r.says(&["quotes.txt: 333 sentences longer than 300 tokens, cut there"]);
    hostile(
        "parens.txt",
        &format!("{}Macron{}", "(".repeat(50_000), ")".repeat(50_000)),
    );
    hostile("possessives.txt", &format!("Khan{}", "'s".repeat(50_000)));
    hostile("dots.txt", &".".repeat(200_000));
    hostile("lines.txt", &"Khan\n".repeat(10_000));
}

/// A 50 MB article of varied news sentences, with many distinct names. Slow in a debug
/// build: run it with `cargo test --release -- --ignored fifty_megabyte`.
#[test]
#[ignore]
fn fifty_megabyte_article() {
    let d = Dir::new();
    let path = d.path("big.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        writeln!(f, " date 2024-05-08 \n").unwrap();
        let mut written = 0;
        let mut i = 0usize;
        while written < 50 * 1024 * 1024 {
            let s = format!(
                "Minister Ana Costa{a} met with Prime Minister Luis Ortega{b} in Lisbon on Monday. \
                 Spain criticized Portugal{c}, and Costa{a} urged France to act. \
                 \"We will not accept this,\" said Pakistani spokesperson Omar Ayub Khan{d}.\n",
                a = i % 10_007,
                b = i % 7_919,
                c = if i.is_multiple_of(3) { "'s government" } else { "" },
                d = i % 101,
            );
            if i % 50 == 49 {
                f.write_all(b"\n").unwrap();
            }
            f.write_all(s.as_bytes()).unwrap();
            written += s.len();
            i += 1;
        }
    }
    let r = build(&d, &[&path, &good(&d)], &[]);
    assert_exit!(r.out, 0);
    r.has_good_facts();
}
