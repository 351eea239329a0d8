//! Hostile input, round two (issue 14): inputs written to make the tool misbehave, each
//! class with several cases of its own, through the binary. Every test checks the bound
//! or the message, the exit code, and that a good article in the same run still reaches
//! the output. Slow cases (large inputs, signals during a long run) are `#[ignore]`d
//! here and run by `scripts/hostile-input.sh`, which `.ci/run` calls.

use crate::util::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const GOOD: &str = "French President Emmanuel Macron met with Olaf Scholz in Berlin.\n";

/// A finished run of the binary, its stderr as text, and its peak memory.
pub struct Run {
    pub out: Output,
    pub stderr: String,
    /// Peak resident memory of the process, in bytes.
    pub peak: u64,
}

impl Run {
    /// stderr holds a line containing every one of `parts`.
    pub fn says(&self, parts: &[&str]) {
        assert!(
            self.stderr
                .lines()
                .any(|l| parts.iter().all(|p| l.contains(p))),
            "no stderr line contains all of {parts:?}; stderr:\n{}",
            self.stderr
        );
    }

    pub fn does_not_say(&self, part: &str) {
        assert!(
            !self.stderr.contains(part),
            "stderr should not mention {part:?}:\n{}",
            self.stderr
        );
    }
}

/// Runs the command to its end, following the child's peak memory (`VmHWM` of
/// `/proc/PID/status`, read every millisecond; the kernel's `ru_maxrss` of a child
/// would include the test process it was spawned from).
pub fn measured(cmd: &mut Command) -> Run {
    use std::io::Read;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running actorgraph");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        stdout.read_to_end(&mut v).unwrap();
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        stderr.read_to_end(&mut v).unwrap();
        v
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    let out = Output {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    };
    Run {
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        out,
        peak,
    }
}

/// `actorgraph build INPUTS -j 1 ARGS`.
fn build(inputs: &[&Path], args: &[&str]) -> Run {
    measured(bin().arg("build").args(inputs).args(["-j", "1"]).args(args))
}

/// `actorgraph build INPUTS -j 1 -f json -o JSON ARGS`.
fn build_json(inputs: &[&Path], json: &Path, args: &[&str]) -> Run {
    let out = json.to_str().expect("test paths are UTF-8");
    build(inputs, &[&["-f", "json", "-o", out], args].concat())
}

fn good(d: &Dir) -> PathBuf {
    d.write("good.txt", GOOD)
}

/// The good article's fact is in a node-link JSON graph.
fn has_good_fact(g: &serde_json::Value) {
    assert!(
        has(g, "Emmanuel Macron", "CONSULT", "Olaf Scholz"),
        "the good article's fact is missing: {:#?}",
        triples(g)
    );
}

/// The most memory a run may take beyond an ordinary run, for `input` bytes of
/// hostile input: what its graph and text need, plus the allocator's arenas (mimalloc
/// keeps tens of MB it has used). Before the bound on relations a sentence, a 60 KB article
/// took 84 MB more, a 300 KB one 420 MB more. Since relations are read from the parse tree
/// (2026-12-01) the "varied" 300 KB case, whose every sentence names twelve new people,
/// takes 560 bytes a byte of input (168 MB; it was 350 with the word-order reader): still
/// linear in the input, and a to-do of issue 16 (evidence memory) to bring back down.
fn memory_bound(input: u64) -> u64 {
    48 * 1024 * 1024 + 640 * input
}

/// Total size of the files in a directory.
fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

// ---------------------------------------------------------------- 1. amplification

/// `n` people named with three-letter first names and four-letter surnames.
fn people(n: usize, offset: usize) -> Vec<String> {
    let first = [
        "Ann", "Bob", "Cal", "Dan", "Eve", "Fay", "Gus", "Hal", "Ian", "Jan", "Kim", "Lee", "Max",
        "Ned", "Oli", "Pam", "Ray", "Sam", "Tom", "Uma", "Vic", "Wes", "Zoe", "Amy", "Ben",
    ];
    let last = [
        "Abel", "Bard", "Cole", "Dorn", "Esch", "Fink", "Gold", "Hart", "Ives", "Judd", "Kerr",
        "Lutz", "Mohr", "Nagy", "Ortz", "Pohl", "Quan", "Roth", "Sapp", "Tusk", "Ueda", "Volk",
        "Wahl", "Yost", "Zorn",
    ];
    (offset..offset + n)
        .map(|i| {
            format!(
                "{} {}",
                first[i % first.len()],
                last[(i / first.len() + i) % last.len()]
            )
        })
        .collect()
}

fn listing(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Hostile articles that make each sentence give many relations, about `bytes` long.
fn amplifiers(bytes: usize) -> Vec<(&'static str, String)> {
    let repeat = |sentence: String| sentence.repeat(bytes / sentence.len() + 1);
    vec![
        // the issue's case: one long coordinated sentence (25 × 25 people), repeated
        (
            "wide",
            repeat(format!(
                "{} met with {} in Paris. ",
                listing(&people(25, 0)),
                listing(&people(25, 25))
            )),
        ),
        // short sentences, each just over the bound (4 × 5 people)
        (
            "short",
            repeat(format!(
                "{} met {}. ",
                listing(&people(4, 0)),
                listing(&people(5, 4))
            )),
        ),
        // every sentence different: new people each time (6 × 6)
        ("varied", {
            let mut text = String::new();
            let mut i = 0;
            while text.len() < bytes {
                text.push_str(&format!(
                    "{} criticized {}. ",
                    listing(&people(6, i)),
                    listing(&people(6, i + 6))
                ));
                i += 12;
            }
            text
        }),
    ]
}

#[test]
fn sentences_that_pair_many_actors_give_bounded_output_and_memory() {
    let d = Dir::new();
    let g = good(&d);
    // what an ordinary run takes, to measure the hostile ones against
    let base = build(
        &[&g],
        &["-f", "json", "-o", d.path("base.json").to_str().unwrap()],
    );
    assert_exit!(base.out, 0);
    for (name, text) in amplifiers(60_000) {
        let article = d.write(&format!("{name}.txt"), &text);
        let input = text.len() as u64;
        let json = d.path(&format!("{name}.json"));
        let r = build_json(&[&article, &g], &json, &[]);
        assert_exit!(r.out, 0);
        r.says(&[
            "warning:",
            &format!("{name}.txt: "),
            "gave more than 16 relations; kept the 16 most confident of each",
        ]);
        r.says(&["cut to 16 relations)"]);
        let out = std::fs::metadata(&json).unwrap().len();
        let graph = read_json(&json);
        has_good_fact(&graph);
        let bound = output_bound(input, &graph);
        assert!(
            out < bound,
            "{name}: {out} bytes of JSON for {input} bytes of input (bound {bound})"
        );
        if name != "varied" {
            // a repeated sentence gives few distinct relations: the output is a small
            // multiple of the input (before the bound: 815 times)
            assert!(out < 40 * input, "{name}: {out} bytes of JSON for {input}");
        }
        let extra = r.peak.saturating_sub(base.peak);
        assert!(
            extra < memory_bound(input),
            "{name}: peak memory {} bytes, {extra} more than an ordinary run, for {input} bytes of input",
            r.peak
        );
    }
}

/// What a format may write for `input` bytes giving `graph`: each sentence repeated in
/// at most 16 pieces of evidence (20 times the input, with escapes), and a record of
/// at most 512 bytes for each actor, relation and piece of evidence. Checks on the way
/// that no sentence supports more than 16 relations.
fn output_bound(input: u64, graph: &serde_json::Value) -> u64 {
    let mut per_sentence: std::collections::HashMap<(String, u64), usize> = Default::default();
    let mut evidence = 0;
    for l in graph["links"].as_array().unwrap() {
        for e in l["evidence"].as_array().unwrap() {
            let key = (
                e["doc"].as_str().unwrap().to_string(),
                e["sentence"].as_u64().unwrap(),
            );
            *per_sentence.entry(key).or_default() += 1;
            evidence += 1;
        }
    }
    let most = per_sentence.values().max().copied().unwrap_or(0);
    assert!(most <= 16, "a sentence supports {most} relations");
    let items = graph["nodes"].as_array().unwrap().len()
        + graph["links"].as_array().unwrap().len()
        + evidence;
    20 * input + 512 * items as u64
}

#[test]
fn a_sentence_within_the_bound_is_kept_whole() {
    // six leaders meeting: 15 relations, under the bound of 16
    let d = Dir::new();
    let leaders = people(6, 0);
    let article = d.write(
        "summit.txt",
        format!("{} met in Hiroshima on Friday.\n", listing(&leaders)),
    );
    let json = d.path("g.json");
    let r = build_json(&[&article, &good(&d)], &json, &[]);
    assert_exit!(r.out, 0);
    r.does_not_say("most confident");
    let g = read_json(&json);
    has_good_fact(&g);
    let consults = triples(&g)
        .into_iter()
        .filter(|(s, r, o)| r == "CONSULT" && leaders.contains(s) && leaders.contains(o))
        .count();
    assert_eq!(consults, 15, "{:#?}", triples(&g));
}

/// Every format of a hostile article at once, 300 KB: all files together stay within
/// twelve times [`output_bound`], and memory within [`memory_bound`]. Slow in a debug build:
/// `scripts/hostile-input.sh` runs it.
#[test]
#[ignore]
fn every_format_of_a_300_kb_amplifier_is_bounded() {
    let d = Dir::new();
    let g = good(&d);
    let base = build(&[&g], &["-o", d.path("base").to_str().unwrap(), "-q"]);
    assert_exit!(base.out, 0);
    for (name, text) in amplifiers(300_000) {
        let article = d.write(&format!("{name}.txt"), &text);
        let input = text.len() as u64;
        let out = d.path(name);
        let r = build(&[&article, &g], &["-o", out.to_str().unwrap()]);
        assert_exit!(r.out, 0);
        let bytes = dir_bytes(&out);
        let extra = r.peak.saturating_sub(base.peak);
        eprintln!(
            "{name}: {input} bytes in, {bytes} bytes out ({:.1}x), peak {} MB ({extra} bytes, {:.0} a byte of input, over an ordinary run)",
            bytes as f64 / input as f64,
            r.peak / 1_000_000,
            extra as f64 / input as f64
        );
        let graph = read_json(&out.join("graph.json"));
        // twelve times the bound of one format, for the fifteen files of all formats
        let bound = 12 * output_bound(input, &graph);
        assert!(bytes < bound, "{name}: {bytes} bytes out, bound {bound}");
        assert!(
            extra < memory_bound(input),
            "{name}: {extra} bytes more memory"
        );
        has_good_fact(&graph);
    }
}

#[test]
fn long_document_ids_are_refused_before_they_repeat_in_every_piece_of_evidence() {
    let d = Dir::new();
    let long = "x".repeat(5_000);
    let corpus = d.write(
        "c.jsonl",
        format!(
            "{{\"id\": \"{long}\", \"text\": \"Imran Khan criticized the United States.\"}}\n{{\"id\": \"ok\", \"text\": {GOOD:?}}}\n"
        ),
    );
    let json = d.path("g.json");
    let r = build(&[&corpus], &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 3);
    r.says(&["c.jsonl:1: article id is 5000 bytes, over the limit of 512; skipped"]);
    let g = read_json(&json);
    has_good_fact(&g);
    assert!(!has(&g, "Imran Khan", "ACCUSE", "United States"));
}

// ---------------------------------------------------------------- 2. resources from options and knowledge files

/// A usage error: exit 2 at once, the message names the option, and nothing was read
/// (the missing input is never reported) or written.
fn refused_before_work(args: &[&str], message: &[&str]) {
    let d = Dir::new();
    let out = d.path("out");
    let started = std::time::Instant::now();
    let r = measured(
        bin()
            .arg("build")
            .arg(good(&d))
            .arg(d.path("missing.txt"))
            .arg("-o")
            .arg(&out)
            .args(args),
    );
    assert_exit!(r.out, 2);
    r.says(message);
    r.does_not_say("missing.txt");
    assert!(!out.exists(), "{args:?} wrote {}", out.display());
    assert!(started.elapsed().as_secs() < 10, "{args:?} took long");
}

#[test]
fn absurd_numbers_are_usage_errors_before_any_work() {
    for n in ["100000", "1025", "18446744073709551615"] {
        refused_before_work(&["-j", n], &["--threads", "at most 1024 worker threads"]);
    }
    refused_before_work(
        &["-j", "99999999999999999999999"],
        &["--threads", "not a whole number"],
    );
    refused_before_work(
        &["--threads", "0"],
        &["--threads", "at least 1 worker thread"],
    );
    refused_before_work(
        &["--max-nodes", "0"],
        &["--max-nodes", "must be at least 1"],
    );
    refused_before_work(&["--depth=-3"], &["--depth", "invalid value"]);
    refused_before_work(&["--max-article-bytes", "1e9"], &["--max-article-bytes"]);
}

#[test]
fn the_largest_allowed_numbers_run() {
    // a huge depth, weight or size limit is harmless: the graph bounds the work
    let d = Dir::new();
    let json = d.path("g.json");
    let r = build_json(
        &[&good(&d)],
        &json,
        &[
            "--max-article-bytes",
            "18446744073709551615",
            "--focus",
            "Emmanuel Macron",
            "--depth",
            "18446744073709551615",
            "--max-nodes",
            "18446744073709551615",
        ],
    );
    assert_exit!(r.out, 0);
    has_good_fact(&read_json(&json));
    // 1024 threads are allowed, and start
    let r = measured(
        bin()
            .arg("build")
            .arg(good(&d))
            .args(["-j", "1024", "-f", "json", "-o"])
            .arg(&json),
    );
    assert_exit!(r.out, 0);
    has_good_fact(&read_json(&json));
}

/// A knowledge file that is not one: exit 1 before any article is read, the file named
/// with the reason, quickly, with little memory, nothing written.
fn bad_knowledge(flag: &str, file: &Path, message: &str) {
    let d = Dir::new();
    let out = d.path("g.json");
    let started = std::time::Instant::now();
    let r = measured(
        bin()
            .arg("build")
            .arg(good(&d))
            .arg(d.path("missing.txt"))
            .args(["-f", "json", "-o"])
            .arg(&out)
            .arg(flag)
            .arg(file),
    );
    assert_exit!(r.out, 1);
    r.says(&["error:", &file.display().to_string(), message]);
    r.does_not_say("missing.txt");
    assert!(!out.exists());
    assert!(
        started.elapsed().as_secs() < 20,
        "{} took long",
        file.display()
    );
    // the limit is 64 MiB: a file is never read far beyond it
    assert!(
        r.peak < 400 * 1024 * 1024,
        "{}: {} bytes of memory",
        file.display(),
        r.peak
    );
}

#[test]
fn devices_directories_and_huge_knowledge_files_are_refused_with_their_name() {
    let d = Dir::new();
    bad_knowledge(
        "--lexicon",
        Path::new("/dev/zero"),
        ":1: binary data (NUL bytes), not a text data file",
    );
    bad_knowledge(
        "--gazetteer",
        Path::new("/dev/urandom"),
        "binary data (NUL bytes)",
    );
    bad_knowledge(
        "--lexicon",
        d.tmp.path(),
        ":0: a directory, not a data file",
    );
    bad_knowledge(
        "--gazetteer",
        Path::new("/dev/null"),
        ":0: no header row: nothing to read",
    );
    // a sparse file of 100 MB: refused at the limit, not read whole
    let huge = d.path("huge.tsv");
    let f = std::fs::File::create(&huge).unwrap();
    std::io::Write::write_all(&mut &f, b"word\nthe\n").unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    bad_knowledge("--lexicon", &huge, "binary data (NUL bytes)");
    // 70 MB of text: over the limit
    let text = d.path("big.tsv");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&text).unwrap());
        w.write_all(b"word\n").unwrap();
        let line = "a".repeat(999) + "\n";
        for _ in 0..70_000 {
            w.write_all(line.as_bytes()).unwrap();
        }
    }
    bad_knowledge(
        "--lexicon",
        &text,
        ":0: more than 67108864 bytes, the limit for a data file",
    );
    let latin = d.write("latin.tsv", b"word\ncaf\xe9\n".as_slice());
    bad_knowledge(
        "--lexicon",
        &latin,
        ":2: invalid UTF-8 at byte 4 of the line",
    );
}

#[test]
fn an_endless_pipe_as_knowledge_file_is_cut_at_the_limit() {
    let d = Dir::new();
    let fifo = d.path("endless.tsv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            let _ = f.write_all(b"word\n");
            let line = "endless\n".repeat(8192);
            // ends when the reader closes the pipe
            while f.write_all(line.as_bytes()).is_ok() {}
        })
    };
    bad_knowledge("--lexicon", &fifo, ":0: more than 67108864 bytes");
    writer.join().unwrap();
    // a pipe with a good file in it is read (process substitution: --lexicon <(…))
    let fifo2 = d.path("words.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo2)
        .status()
        .unwrap()
        .success());
    let writer = {
        let fifo2 = fifo2.clone();
        std::thread::spawn(move || std::fs::write(fifo2, "non_name\nBerlin\n").unwrap())
    };
    let json = d.path("g.json");
    let r = build_json(&[&good(&d)], &json, &["--lexicon", fifo2.to_str().unwrap()]);
    writer.join().unwrap();
    assert_exit!(r.out, 0);
    has_good_fact(&read_json(&json));
}

#[test]
fn endless_and_device_articles_are_cut_at_the_size_limit() {
    let d = Dir::new();
    let json = d.path("g.json");
    // /dev/zero as an article: binary, found in the first block
    let r = build_json(&[Path::new("/dev/zero"), &good(&d)], &json, &[]);
    assert_exit!(r.out, 3);
    r.says(&["/dev/zero: binary data (NUL bytes), not text; skipped"]);
    has_good_fact(&read_json(&json));
    // an endless text stream on stdin: cut at --max-article-bytes
    let mut child = bin()
        .arg("build")
        .arg("-")
        .arg(good(&d))
        .args(["-f", "json", "--max-article-bytes", "1000000", "-o"])
        .arg(&json)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let line = "Imran Khan criticized the United States.\n".repeat(1000);
        while stdin.write_all(line.as_bytes()).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_exit!(out, 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>: article is over the limit of 1000000 bytes (a stream: read no further) (--max-article-bytes); skipped"),
        "{stderr}"
    );
    has_good_fact(&read_json(&json));
}

// ---------------------------------------------------------------- 5. a run's files, or the old ones

const OTHER: &str = "Imran Khan criticized the United States.\n";

/// The entries of a directory, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A directory with an earlier run's files of `--name set`, from the good article.
fn earlier_set(d: &Dir, formats: &str) -> (PathBuf, Vec<(String, Vec<u8>)>) {
    let out = d.path("out");
    let r = build(
        &[&good(d)],
        &[
            "-f",
            formats,
            "--name",
            "set",
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
    );
    assert_exit!(r.out, 0);
    let files = entries(&out)
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(out.join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    (out, files)
}

fn unchanged(out: &Path, files: &[(String, Vec<u8>)]) {
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(entries(out), names, "the directory holds other entries now");
    for (n, bytes) in files {
        assert!(std::fs::read(out.join(n)).unwrap() == *bytes, "{n} changed");
    }
}

/// A `dot` that fails: a picture fails after the other formats were written.
fn failing_graphviz(d: &Dir) -> std::ffi::OsString {
    let bin_dir = d.path("fakebin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    let dot = bin_dir.join("dot");
    std::fs::write(&dot, "#!/bin/sh\necho 'dot: out of memory' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&dot, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin_dir];
    dirs.extend(std::env::split_paths(&path));
    std::env::join_paths(dirs).unwrap()
}

#[test]
fn a_failure_in_the_middle_of_a_set_leaves_the_earlier_set() {
    let d = Dir::new();
    let (out, files) = earlier_set(&d, "json,tsv,dot");
    let path = failing_graphviz(&d);
    let other = d.write("other.txt", OTHER);
    // json, tsv and dot are written, then the picture fails
    for formats in ["json,tsv,dot,svg", "svg,json", "json,dot,tsv,png"] {
        let r = measured(
            bin()
                .env("PATH", &path)
                .arg("build")
                .arg(&other)
                .args(["-f", formats, "--engine", "graphviz", "--name", "set", "-o"])
                .arg(&out),
        );
        assert_exit!(r.out, 1);
        r.says(&["error:", "Graphviz failed", "dot: out of memory"]);
        unchanged(&out, &files);
    }
    // a set of one file (-o FILE) too
    let single = out.join("set.json");
    let r = measured(
        bin()
            .env("PATH", &path)
            .arg("build")
            .arg(&other)
            .args(["-f", "svg", "--engine", "graphviz", "-o"])
            .arg(out.join("set.svg")),
    );
    assert_exit!(r.out, 1);
    unchanged(&out, &files);
    // and the good article's set is written whole when nothing fails
    let r = build(
        &[&other, &good(&d)],
        &[
            "-f",
            "json,tsv,dot",
            "--name",
            "set",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 0);
    assert_eq!(entries(&out), vec!["set.dot", "set.json", "set.tsv"]);
    let g = read_json(&single);
    has_good_fact(&g);
    assert!(has(&g, "Imran Khan", "ACCUSE", "United States"));
}

#[test]
fn a_second_run_into_a_locked_directory_waits_and_says_so() {
    let d = Dir::new();
    let (out, files) = earlier_set(&d, "json,tsv");
    // this test holds the directory's lock, as a run writing into it would
    let lock = std::fs::File::open(&out).unwrap();
    lock.lock().unwrap();
    let mut child = bin()
        .arg("build")
        .arg(d.write("other.txt", OTHER))
        .args(["-f", "json,tsv", "--name", "set", "-o"])
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    assert!(
        line.contains(&format!(
            "waiting for another actorgraph run to finish writing into {}",
            out.display()
        )),
        "{line}"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "it did not wait");
    unchanged(&out, &files);
    drop(lock);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(entries(&out), vec!["set.json", "set.tsv"]);
    assert!(has(
        &read_json(&out.join("set.json")),
        "Imran Khan",
        "ACCUSE",
        "United States"
    ));
}

#[test]
fn concurrent_runs_into_one_directory_leave_one_whole_set() {
    let d = Dir::new();
    let out = d.path("out");
    let a = d.write("a.txt", GOOD.repeat(200));
    let b = d.write("b.txt", OTHER.repeat(200));
    for _ in 0..3 {
        let spawn = |input: &Path| {
            bin()
                .arg("build")
                .arg(input)
                .args(["-f", "json,tsv,dot,graphml", "--name", "set", "-q", "-o"])
                .arg(&out)
                .spawn()
                .unwrap()
        };
        let (mut x, mut y) = (spawn(&a), spawn(&b));
        assert!(x.wait().unwrap().success() && y.wait().unwrap().success());
        // every file of the set is from the same run: all about Macron, or all about Khan
        let names = entries(&out);
        assert_eq!(names, vec!["set.dot", "set.graphml", "set.json", "set.tsv"]);
        let from_a: Vec<bool> = names
            .iter()
            .map(|n| {
                String::from_utf8_lossy(&std::fs::read(out.join(n)).unwrap()).contains("Macron")
            })
            .collect();
        assert!(
            from_a.iter().all(|&x| x) || from_a.iter().all(|&x| !x),
            "{names:?}: {from_a:?}"
        );
    }
}

#[test]
fn stale_temporaries_of_interrupted_runs_are_removed() {
    let d = Dir::new();
    let (out, files) = earlier_set(&d, "json");
    // what an interrupted run left: a half-written set, and an old version's temporary file
    let cut = out.join(".actorgraph-tmp-31337-Ab12Cd");
    std::fs::create_dir(&cut).unwrap();
    std::fs::write(cut.join("set.json"), "{\"half\": ").unwrap();
    std::fs::write(out.join(".actorgraph-q1W2e3"), "partial").unwrap();
    // a set whose files were all written, killed while moving them into place
    let done = out.join(".actorgraph-tmp-31338-Ef34Gh");
    std::fs::create_dir(&done).unwrap();
    std::fs::write(done.join("COMMIT"), "other.tsv\n").unwrap();
    std::fs::write(done.join("other.tsv"), "subject\trelation\tobject\n").unwrap();
    let r = build(
        &[&d.write("x.txt", OTHER)],
        &["-f", "tsv", "-o", out.join("x.tsv").to_str().unwrap()],
    );
    assert_exit!(r.out, 0);
    r.says(&[
        "completed the output of an interrupted run in",
        "(other.tsv)",
    ]);
    let mut expected: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    expected.extend(["other.tsv".to_string(), "x.tsv".to_string()]);
    expected.sort();
    assert_eq!(entries(&out), expected);
    assert_eq!(std::fs::read(out.join("set.json")).unwrap(), files[0].1);
}

#[test]
fn an_output_path_taken_by_a_directory_is_refused_before_work() {
    let d = Dir::new();
    let out = d.path("out");
    std::fs::create_dir_all(out.join("set.tsv")).unwrap();
    let r = build(
        &[&good(&d), &d.path("missing.txt")],
        &[
            "-f",
            "json,tsv",
            "--name",
            "set",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 1);
    r.says(&["error:", "set.tsv: it is a directory"]);
    r.does_not_say("missing.txt");
    assert_eq!(entries(&out), vec!["set.tsv"]);
}

/// A long run interrupted by SIGINT or SIGTERM at several moments: no temporary is left,
/// and the directory holds the earlier set or the whole new one, never a mix. Needs a
/// release build to be long enough and quick: `scripts/hostile-input.sh` runs it.
#[test]
#[ignore]
fn an_interrupted_run_leaves_no_temporary_and_the_earlier_set() {
    let d = Dir::new();
    let (out, files) = earlier_set(&d, "json,dot,graphml,tsv,html");
    // 20,000 articles about other people
    let corpus = d.path("big.jsonl");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&corpus).unwrap());
        for i in 0..20_000 {
            writeln!(
                w,
                "{{\"id\": \"a{i}\", \"text\": \"Minister Ana Costa{a} met with Prime Minister Luis Ortega{b} in Lisbon. Spain criticized Portugal{c}.\"}}",
                a = i % 5_003,
                b = i % 3_001,
                c = i % 7
            )
            .unwrap();
        }
    }
    // during extraction, as soon as the set's temporary directory appears (the writing
    // has begun), and a little later
    let mut interrupted_writing = 0;
    for (signal, moment) in [
        (libc::SIGINT, Moment::After(300)),
        (libc::SIGTERM, Moment::Writing(0)),
        (libc::SIGINT, Moment::Writing(0)),
        (libc::SIGINT, Moment::Writing(30)),
        (libc::SIGTERM, Moment::Writing(100)),
        (libc::SIGHUP, Moment::Writing(10)),
    ] {
        let mut child = bin()
            .arg("build")
            .arg(&corpus)
            .args([
                "-f",
                "json,dot,graphml,tsv,html",
                "--name",
                "set",
                "-q",
                "-o",
            ])
            .arg(&out)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let writing = match moment {
            Moment::After(ms) => {
                std::thread::sleep(std::time::Duration::from_millis(ms));
                false
            }
            Moment::Writing(ms) => {
                // the set's temporary, not the probe of the output check made at start
                while !entries(&out).iter().any(|n| {
                    n.starts_with(".actorgraph-tmp-") && !n.starts_with(".actorgraph-tmp-probe-")
                }) {
                    assert!(
                        child.try_wait().unwrap().is_none(),
                        "it finished without writing"
                    );
                    assert!(started.elapsed().as_secs() < 120);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                std::thread::sleep(std::time::Duration::from_millis(ms));
                true
            }
        };
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let status = child.wait().unwrap();
        let names = entries(&out);
        assert!(
            names.iter().all(|n| !n.starts_with(".actorgraph")),
            "a temporary is left after signal {signal} at {moment:?}: {names:?}"
        );
        use std::os::unix::process::ExitStatusExt;
        if status.success() {
            // it had moved the set into place: the whole new set
            eprintln!(
                "signal {signal} at {moment:?} ({:?}): the run had finished",
                started.elapsed()
            );
            assert_eq!(
                names,
                files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>()
            );
            assert!(!has(
                &read_json(&out.join("set.json")),
                "Emmanuel Macron",
                "CONSULT",
                "Olaf Scholz"
            ));
            return;
        }
        eprintln!(
            "signal {signal} at {moment:?} ({:?}): interrupted",
            started.elapsed()
        );
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        unchanged(&out, &files);
        interrupted_writing += usize::from(writing);
    }
    assert!(
        interrupted_writing > 0,
        "no signal came while the set was written"
    );
}

#[derive(Debug, Clone, Copy)]
enum Moment {
    /// Milliseconds after the start.
    After(u64),
    /// Milliseconds after the set's temporary directory appeared.
    Writing(u64),
}

// ---------------------------------------------------------------- 6. paths

#[test]
fn a_name_cannot_leave_the_output_directory() {
    for name in [
        "../escaped",
        "/etc/passwd",
        "/",
        "sub/dir",
        "..",
        ".",
        "a\\b",
        "",
        "x\u{1b}[2J",
    ] {
        refused_before_work(&["--name", name], &["--name"]);
    }
    // nothing was written beside the output directory either
    let d = Dir::new();
    let out = d.path("out");
    let r = build(
        &[&good(&d)],
        &[
            "-f",
            "json",
            "--name",
            "../escaped",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 2);
    assert!(!d.path("escaped.json").exists() && !out.exists());
    // names that only look odd are names
    let r = build(
        &[&good(&d)],
        &[
            "-f",
            "json,tsv",
            "--name",
            "..2024 May, «draft»",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 0);
    assert_eq!(
        entries(&out),
        vec!["..2024 May, «draft».json", "..2024 May, «draft».tsv"]
    );
    has_good_fact(&read_json(&out.join("..2024 May, «draft».json")));
}

#[test]
fn devices_take_single_file_output() {
    let d = Dir::new();
    for (format, device) in [
        ("json", "/dev/null"),
        ("tsv", "/dev/null"),
        ("png", "/dev/null"),
        ("json", "/dev/stderr"),
    ] {
        let r = build(&[&good(&d)], &["-f", format, "-o", device, "-q"]);
        assert_exit!(r.out, 0);
        // still a device, not replaced by a file
        assert!(!Path::new("/dev/null").metadata().unwrap().is_file());
        assert!(
            entries(d.tmp.path()) == vec!["good.txt"],
            "{:?}",
            entries(d.tmp.path())
        );
    }
    // what went to /dev/stderr is the graph
    let r = build(&[&good(&d)], &["-f", "tsv", "-o", "/dev/stderr", "-q"]);
    assert_exit!(r.out, 0);
    r.says(&["Emmanuel Macron\tCONSULT\tOlaf Scholz"]);
    // several files cannot go into one device
    let r = build(&[&good(&d)], &["-f", "json,tsv", "-o", "/dev/null"]);
    assert_exit!(r.out, 1);
    r.says(&["cannot write the output /dev/null: /dev/null is a file, not a directory"]);
    // a picture drawn from a saved graph, too
    let json = d.path("g.json");
    assert_exit!(
        build(&[&good(&d)], &["-f", "json", "-o", json.to_str().unwrap()]).out,
        0
    );
    let r = measured(
        bin()
            .arg("render")
            .arg(&json)
            .args(["-o", "/dev/null", "-f", "svg"]),
    );
    assert_exit!(r.out, 0);
    assert!(!Path::new("/dev/null").metadata().unwrap().is_file());
}

#[test]
fn an_output_name_too_long_for_the_file_system_is_refused_before_work() {
    let d = Dir::new();
    let long = "n".repeat(300);
    // as --name, as -o FILE, and as an input file's stem
    let out = d.path("out");
    let file = d.path(&format!("{}.json", "f".repeat(260)));
    for args in [
        vec![
            "-f",
            "json,tsv",
            "--name",
            long.as_str(),
            "-o",
            out.to_str().unwrap(),
        ],
        vec!["-f", "json", "-o", file.to_str().unwrap()],
    ] {
        let r = build(&[&good(&d), &d.path("missing.txt")], &args);
        assert_exit!(r.out, 1);
        r.says(&["error: cannot write the output", "name too long"]);
        r.does_not_say("missing.txt");
    }
    assert!(entries(&out).is_empty());
    // a name that just fits is written
    let fits = "n".repeat(250);
    let r = build(
        &[&good(&d)],
        &[
            "-f",
            "json",
            "--name",
            fits.as_str(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 0);
    has_good_fact(&read_json(&out.join(format!("{fits}.json"))));
    // render checks its output before reading the graph
    let r = measured(
        bin()
            .arg("render")
            .arg(d.path("missing.json"))
            .arg("-o")
            .arg(d.path(&format!("{long}.svg"))),
    );
    assert_exit!(r.out, 1);
    r.says(&["name too long"]);
    r.does_not_say("missing.json");
}

// ---------------------------------------------------------------- 7. ids of JSONL lines

fn record(id: Option<&str>, text: &str) -> String {
    match id {
        Some(id) => format!("{{\"id\": {id:?}, \"text\": {text:?}}}\n"),
        None => format!("{{\"text\": {text:?}}}\n"),
    }
}

/// Every (document id, subject) of a node-link graph's evidence.
fn doc_ids(g: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = g["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_made_up_id_never_takes_a_real_one() {
    let d = Dir::new();
    let json = d.path("g.json");
    // line 1 has no id; a later line's real id is the one it would have got ("c:1"), and
    // an earlier line's real id is the one line 3 would have got
    let corpus = d.write(
        "c.jsonl",
        [
            record(None, GOOD),
            record(Some("c:3"), OTHER),
            record(None, "Joe Biden met Xi Jinping."),
            record(Some("c:1"), "Angela Merkel met Vladimir Putin."),
            record(Some("c:1~2"), "Shehbaz Sharif met Recep Tayyip Erdogan."),
        ]
        .concat(),
    );
    let r = build(&[&corpus], &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 0);
    r.does_not_say("duplicate");
    r.says(&[
        "5 articles, 2 without an id given one (",
        "c.jsonl:1 \"c:1~3\"",
        "c.jsonl:3 \"c:3~2\")",
    ]);
    let g = read_json(&json);
    assert_eq!(doc_ids(&g), vec!["c:1", "c:1~2", "c:1~3", "c:3", "c:3~2"]);
    has_good_fact(&g);
    for (s, o) in [
        ("Imran Khan", "United States"),
        ("Joe Biden", "Xi Jinping"),
        ("Angela Merkel", "Vladimir Putin"),
    ] {
        assert!(
            triples(&g).iter().any(|(a, _, b)| a == s && b == o),
            "{s} – {o}"
        );
    }
}

#[test]
fn across_files_and_stdin_no_article_is_dropped_for_a_made_up_id() {
    let d = Dir::new();
    let json = d.path("g.json");
    // a.jsonl line 1 gets "a:1"; b.jsonl's real "a:1" comes later, in another file
    let a = d.write("a.jsonl", record(None, GOOD));
    let b = d.write(
        "b.jsonl",
        [
            record(Some("a:1"), OTHER),
            record(Some("5"), "Joe Biden met Xi Jinping."),
        ]
        .concat(),
    );
    let mut child = bin()
        .arg("build")
        .args([&a, &b])
        .arg("-")
        .args(["-f", "json", "-o"])
        .arg(&json)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // stdin: a record without an id, and one whose real id stdin's made-up one would be
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(
                [
                    record(None, "Angela Merkel met Vladimir Putin."),
                    record(
                        Some("<stdin>:1"),
                        "Shehbaz Sharif met Recep Tayyip Erdogan.",
                    ),
                ]
                .concat()
                .as_bytes(),
            )
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_exit!(out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.jsonl:1: article id \"a:1\" was made up earlier for a record without an id; this one's id is \"a:1~2\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("<stdin>:2: article id \"<stdin>:1\" was made up earlier"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 without an id given one (") && !stderr.contains("duplicate"),
        "{stderr}"
    );
    let g = read_json(&json);
    assert_eq!(
        doc_ids(&g),
        vec!["5", "<stdin>:1", "<stdin>:1~2", "a:1", "a:1~2"]
    );
    has_good_fact(&g);
    assert!(has(&g, "Imran Khan", "ACCUSE", "United States"));
    // true duplicates of real ids are still duplicates
    let dup = d.write(
        "dup.jsonl",
        [record(Some("x"), GOOD), record(Some("x"), OTHER)].concat(),
    );
    let r = build(&[&dup], &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 3);
    r.says(&["dup.jsonl:2: duplicate article id \"x\""]);
}

#[test]
fn the_summary_names_the_first_lines_given_an_id_and_counts_the_rest() {
    let d = Dir::new();
    let json = d.path("g.json");
    let mut corpus = record(Some("real"), GOOD);
    for i in 0..20 {
        corpus.push_str(&record(
            None,
            &format!("Person{i} Name{i} met Other{i} Human{i}."),
        ));
    }
    let r = build_json(&[&d.write("many.jsonl", corpus)], &json, &[]);
    assert_exit!(r.out, 0);
    r.says(&[
        "21 articles, 20 without an id given one (",
        "many.jsonl:2 \"many:2\", ",
        "many.jsonl:6 \"many:6\", and 15 more), ",
    ]);
    r.does_not_say("many:7");
    let g = read_json(&json);
    assert_eq!(doc_ids(&g).len(), 21);
    has_good_fact(&g);
}

// ---------------------------------------------------------------- 8. dates

/// The date of each article of a node-link JSON graph, by id.
fn doc_dates(g: &serde_json::Value) -> Vec<(String, Option<String>)> {
    g["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["date"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn line_ends_of_every_kind_keep_the_date_and_the_sentences() {
    let d = Dir::new();
    let body = [
        "Pakistan's former Prime Minister Imran Khan accused the United States.",
        "",
        "German Chancellor Olaf Scholz criticized Hungary.",
    ];
    let mut inputs = Vec::new();
    for (name, eol) in [
        ("cr", "\r"),
        ("crlf", "\r\n"),
        ("lf", "\n"),
        ("ls", "\u{2028}"),
    ] {
        let text = format!(" date 2024-05-08 {eol}{}{eol}", body.join(eol));
        inputs.push(d.write(&format!("{name}.txt"), text));
    }
    inputs.push(good(&d));
    let json = d.path("g.json");
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let r = build(&paths, &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 0);
    r.does_not_say("warning");
    let g = read_json(&json);
    has_good_fact(&g);
    let dates = doc_dates(&g);
    for name in ["cr", "crlf", "lf", "ls"] {
        assert!(
            dates.contains(&(name.to_string(), Some("2024-05-08".to_string()))),
            "{name}: {dates:?}"
        );
    }
    assert!(has(&g, "Imran Khan", "ACCUSE", "United States"));
    assert!(has(&g, "Olaf Scholz", "ACCUSE", "Hungary"));
    // the blank line between them ends the first sentence in every file: each
    // sentence of evidence is one line of the body
    for l in g["links"].as_array().unwrap() {
        for e in l["evidence"].as_array().unwrap() {
            let text = e["text"].as_str().unwrap();
            assert!(body.contains(&text) || text == GOOD.trim(), "{text:?}");
        }
    }
}

#[test]
fn a_header_that_is_nearly_a_date_header_is_read_or_warned_about() {
    let d = Dir::new();
    let article = "Pakistan's former Prime Minister Imran Khan accused the United States.\n";
    let cases = [
        // (file, first line, date read, a warning naming it)
        (
            "trailing",
            " date 2024-05-08 extra ",
            Some("2024-05-08"),
            Some("the words after its date are ignored: \"extra\""),
        ),
        ("colon", "Date: 2024-05-08", Some("2024-05-08"), None),
        ("upper", "DATE 2024-05-08", Some("2024-05-08"), None),
        ("zwsp", "date\u{200b} 2024-05-08", Some("2024-05-08"), None),
        (
            "words",
            "Date: May 8, 2024",
            None,
            Some("starts like a date header but holds no date"),
        ),
        (
            "slashes",
            "date 05/08/2024 Reuters",
            None,
            Some("\"date 05/08/2024 Reuters\""),
        ),
    ];
    let mut inputs = vec![good(&d)];
    for (name, first, _, _) in cases {
        inputs.push(d.write(&format!("{name}.txt"), format!("{first}\n{article}")));
    }
    // an article that merely starts with the word is not warned about
    inputs.push(d.write("plain.txt", format!("Date night in Paris.\n\n{article}")));
    let json = d.path("g.json");
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let r = build(&paths, &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 0);
    let g = read_json(&json);
    has_good_fact(&g);
    let dates = doc_dates(&g);
    for (name, _, date, warning) in cases {
        assert!(
            dates.contains(&(name.to_string(), date.map(str::to_string))),
            "{name}: {dates:?}"
        );
        match warning {
            Some(w) => r.says(&["warning:", &format!("{name}.txt: line 1 "), w]),
            None => r.does_not_say(&format!("{name}.txt")),
        }
    }
    r.does_not_say("plain.txt");
    // an exact header with a wrong date is still refused, and the others go on
    let bad = d.write("bad.txt", format!(" date 2024-13-40 \r{article}"));
    let r = build_json(&[&bad, &good(&d)], &json, &[]);
    assert_exit!(r.out, 3);
    r.says(&["bad.txt:1: invalid date \"2024-13-40\""]);
    has_good_fact(&read_json(&json));
}

// ---------------------------------------------------------------- 9. Unicode in names

#[test]
fn decomposed_accents_and_format_characters_do_not_cut_names() {
    let d = Dir::new();
    let cases = [
        // (article, the names it must give)
        ("Russian President Vladimir Pu\u{200d}tin met Jose\u{301} Mari\u{301}a Aznar in Madrid.\n", ["Vladimir Putin", "José María Aznar"]),
        ("Ang\u{ad}ela Mer\u{2060}kel criticized Recep Tayyip Erdog\u{306}an.\n", ["Angela Merkel", "Recep Tayyip Erdoğan"]),
        ("\u{feff}Franc\u{327}ois Hollande met Bor\u{200b}is Johnson in Paris.\n", ["François Hollande", "Boris Johnson"]),
    ];
    let mut inputs = vec![good(&d)];
    for (i, (text, _)) in cases.iter().enumerate() {
        inputs.push(d.write(&format!("u{i}.txt"), text));
    }
    let json = d.path("g.json");
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let r = build(&paths, &["-f", "json", "-o", json.to_str().unwrap()]);
    assert_exit!(r.out, 0);
    let g = read_json(&json);
    has_good_fact(&g);
    let names: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    for (text, expected) in cases {
        for name in expected {
            assert!(names.contains(&name), "{name:?} from {text:?}: {names:?}");
        }
        // the two are related, and the evidence is the sentence as written, its span
        // counted in the original's characters
        let [a, b] = expected;
        let link = triples(&g)
            .iter()
            .position(|(s, _, o)| s == a && o == b)
            .unwrap_or_else(|| panic!("{a} – {b}: {:#?}", triples(&g)));
        let e = &g["links"][link]["evidence"][0];
        let sentence = text.trim_start_matches('\u{feff}').trim_end();
        assert_eq!(e["text"].as_str(), Some(sentence));
        let start = e["start"].as_u64().unwrap() as usize;
        let end = e["end"].as_u64().unwrap() as usize;
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[start..end].iter().collect::<String>(), sentence);
    }
    // --focus typed decomposed finds the composed name
    let r = build(
        &paths,
        &[
            "-f",
            "json",
            "-o",
            json.to_str().unwrap(),
            "--focus",
            "Jose\u{301} Mari\u{301}a Aznar",
        ],
    );
    assert_exit!(r.out, 0);
    assert!(has(
        &read_json(&json),
        "Vladimir Putin",
        "CONSULT",
        "José María Aznar"
    ));
}

#[test]
fn knowledge_files_written_decomposed_match_composed_text() {
    let d = Dir::new();
    let gazetteer = d.write(
        "orgs.tsv",
        "\u{feff}name\ttype\taliases\tcountry\nPartido Accio\u{301}n Nacional\tPoliticalParty\tPAN\tMexico\n",
    );
    let article = d.write(
        "mx.txt",
        "The Partido Acción Nacional criticized Olaf Scholz.\n",
    );
    let json = d.path("g.json");
    let r = build_json(
        &[&article, &good(&d)],
        &json,
        &["--gazetteer", gazetteer.to_str().unwrap()],
    );
    assert_exit!(r.out, 0);
    let g = read_json(&json);
    has_good_fact(&g);
    let pan = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "Partido Acción Nacional")
        .unwrap_or_else(|| panic!("{:#?}", g["nodes"]));
    assert_eq!(pan["type"], "PoliticalParty");
}

// ---------------------------------------------------------------- 10. names in pictures

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[1..4], b"PNG");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

/// Every `<text>` of an SVG.
fn svg_text_lines(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.to_string()))
        .collect()
}

#[test]
fn pathological_names_are_drawn_short_and_kept_whole() {
    let d = Dir::new();
    let long_word = format!("Z{}", "a".repeat(200_000));
    let article = d.write(
        "long.txt",
        format!("President {long_word} met with Olaf Scholz in Berlin. {GOOD}"),
    );
    let out = d.path("out");
    let r = build(
        &[&article],
        &["-f", "json,svg,png", "-o", out.to_str().unwrap()],
    );
    assert_exit!(r.out, 0);
    let g = read_json(&out.join("long.json"));
    has_good_fact(&g);
    // the data keeps the name whole
    assert!(
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["name"].as_str().is_some_and(|s| s.contains(&long_word))),
        "the long name is not kept whole"
    );
    // the picture draws it in three lines, cut with an ellipsis (it was a blank 4096×1 PNG)
    let svg = std::fs::read_to_string(out.join("long.svg")).unwrap();
    assert!(svg.len() < 64_000, "{} bytes of SVG", svg.len());
    let lines = svg_text_lines(&svg);
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("Zaaa")));
    assert!(lines.iter().any(|l| l.ends_with("aaa…")), "{lines:?}");
    assert!(lines.iter().any(|l| l == "Emmanuel Macron"));
    let (w, h) = png_size(&std::fs::read(out.join("long.png")).unwrap());
    assert!(
        (400..4096).contains(&w) && (300..4096).contains(&h),
        "{w}×{h}"
    );

    // a saved graph edited by hand: a million-character name of short words, a
    // million-character verb, a thousand aliases, a name of combining marks only
    let mut g = g;
    let nodes = g["nodes"].as_array_mut().unwrap();
    nodes[0]["name"] = "Qx y".repeat(250_000).into();
    nodes[1]["name"] = "\u{301}".repeat(100_000).into();
    nodes[2]["aliases"] = (0..1000).map(|i| format!("Alias {i}")).collect();
    g["links"][0]["verb"] = "met ".repeat(250_000).into();
    let edited = d.path("edited.json");
    std::fs::write(&edited, serde_json::to_vec(&g).unwrap()).unwrap();
    for image in ["edited.svg", "edited.png"] {
        let r = measured(
            bin()
                .args(["render", edited.to_str().unwrap(), "-o"])
                .arg(d.path(image)),
        );
        assert_exit!(r.out, 0);
    }
    let svg = std::fs::read_to_string(d.path("edited.svg")).unwrap();
    assert!(svg.len() < 64_000, "{} bytes of SVG", svg.len());
    // tooltips are bounded too: no line of the file is longer than a few hundred characters
    let longest = svg.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 2_000, "an SVG line of {longest} characters");
    assert!(svg.contains("and 988 more"), "the alias list is not cut");
    let (w, h) = png_size(&std::fs::read(d.path("edited.png")).unwrap());
    assert!(
        (400..4096).contains(&w) && (300..4096).contains(&h),
        "{w}×{h}"
    );
}

// ---------------------------------------------------------------- 11. terminal escapes

#[test]
fn escape_sequences_in_file_names_and_values_are_shown_escaped() {
    let d = Dir::new();
    // an empty article, a nearly-date header, a missing file and a bad lexicon, each named
    // with a sequence that would clear the screen, set the title, ring or reverse the text
    let empty = d.write("empty\u{1b}[2J.txt", "");
    let header = d.write(
        "title\u{1b}]0;pwned\u{7}.txt",
        format!("Date: May 8, 2024\n{GOOD}"),
    );
    let missing = d.path("gone\u{9b}31m\u{202e}txt.txt");
    let r = build(
        &[&empty, &header, &missing, &good(&d)],
        &["-f", "json", "-o", d.path("g.json").to_str().unwrap()],
    );
    assert_exit!(r.out, 3);
    has_good_fact(&d.read_json("g.json"));
    for raw in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(
            !r.stderr.contains(raw),
            "{raw:?} printed raw:\n{}",
            r.stderr
        );
    }
    r.says(&["error:", "empty\\u{1b}[2J.txt: empty article"]);
    r.says(&[
        "warning:",
        "title\\u{1b}]0;pwned\\u{7}.txt: line 1 starts like a date header",
    ]);
    r.says(&["gone\\u{9b}31m\\u{202e}txt.txt"]);
    // a knowledge file, and a value on the command line
    let lexicon = d.write("lex\u{1b}[5m.tsv", "no header here\n");
    let r = build(
        &[&good(&d)],
        &[
            "-f",
            "json",
            "-o",
            d.path("h.json").to_str().unwrap(),
            "--lexicon",
            lexicon.to_str().unwrap(),
        ],
    );
    assert_exit!(r.out, 1);
    assert!(!r.stderr.contains('\u{1b}'), "{}", r.stderr);
    r.says(&["lex\\u{1b}[5m.tsv"]);
    let r = build(&[&good(&d)], &["-f", "json\u{1b}[2J"]);
    assert_exit!(r.out, 2);
    assert!(!r.stderr.contains('\u{1b}'), "{}", r.stderr);
    r.says(&["json\\u{1b}[2J"]);
}
