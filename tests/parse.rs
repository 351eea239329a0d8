//! `actorgraph parse`: CoNLL-U for articles and for the words of a CoNLL-U file.

use crate::util::*;

/// The data lines of a CoNLL-U text, split into columns.
fn rows(conllu: &str) -> Vec<Vec<&str>> {
    conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

/// The characters of `text` that a MISC column's `TokenRange=a:b` (character offsets)
/// points at.
fn span_of(text: &str, misc: &str) -> String {
    let range = misc.split('|').next().unwrap();
    let range = range.strip_prefix("TokenRange=").unwrap();
    let (a, b) = range.split_once(':').unwrap();
    let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
    text.chars().skip(a).take(b - a).collect()
}

#[test]
fn articles_become_conllu_with_token_offsets() {
    let d = Dir::new();
    let text = "Khan was arrested by the police.\n\nThe EU agreed to provide aid.";
    let input = d.write("a.txt", text);
    let out = run(bin().arg("parse").arg(&input));
    assert_exit!(out, 0);
    let conllu = String::from_utf8(out.stdout).unwrap();
    assert!(
        conllu.starts_with(
            "# newdoc id = a\n# sent_id = a-1\n# text = Khan was arrested by the police.\n"
        ),
        "{conllu}"
    );
    let r = rows(&conllu);
    assert_eq!(r.len(), 7 + 7);
    assert!(r.iter().all(|c| c.len() == 10));
    // "police" (6) is the agent of "arrested" (3); the spans point back into the text
    assert_eq!((r[5][1], r[5][6], r[5][7]), ("police", "3", "obl:agent"));
    assert_eq!(span_of(text, r[5][9]), "police");
    assert_eq!(r[6][9], "TokenRange=31:32");
    assert_eq!(r[5][9], "TokenRange=25:31|SpaceAfter=No");
    // one root per sentence
    assert_eq!(r.iter().filter(|c| c[6] == "0").count(), 2);
}

#[test]
fn an_article_with_a_date_header_is_parsed_from_its_body_with_offsets_in_its_file() {
    // the header's bytes once shifted every offset, past the body's start and into a
    // curly quote: a panic, or the body's first words lost
    let d = Dir::new();
    let text = " date 2019-03-31 \n\n\u{201c}Khan\u{201d} met the minister in Ankara.";
    let input = d.write("b.txt", text);
    let out = run(bin().arg("parse").arg(&input));
    assert_exit!(out, 0);
    let conllu = String::from_utf8(out.stdout).unwrap();
    let r = rows(&conllu);
    let forms: Vec<&str> = r.iter().map(|c| c[1]).collect();
    assert_eq!(
        forms,
        ["\u{201c}", "Khan", "\u{201d}", "met", "the", "minister", "in", "Ankara", "."]
    );
    for c in &r {
        assert_eq!(span_of(text, c[9]), c[1]);
    }
}

#[test]
fn conllu_input_keeps_its_words_and_ids_and_ignores_its_annotation() {
    let d = Dir::new();
    let input = d.write(
        "in.conllu",
        "# sent_id = s1\n# text = Iran met Oman.\n\
         1\tIran\t_\tX\t_\t_\t0\tdep\t_\t_\n\
         2\tmet\t_\tX\t_\t_\t1\tdep\t_\t_\n\
         3\tOman\t_\tX\t_\t_\t1\tdep\t_\tSpaceAfter=No\n\
         4\t.\t_\tX\t_\t_\t1\tdep\t_\t_\n\n",
    );
    let output = d.path("out.conllu");
    let out = run(bin()
        .args(["parse", "--conllu"])
        .arg(&input)
        .arg("-o")
        .arg(&output));
    assert_exit!(out, 0);
    let conllu = std::fs::read_to_string(&output).unwrap();
    assert!(
        conllu.starts_with("# sent_id = s1\n# text = Iran met Oman.\n"),
        "{conllu}"
    );
    let r = rows(&conllu);
    let words: Vec<&str> = r.iter().map(|c| c[1]).collect();
    assert_eq!(words, ["Iran", "met", "Oman", "."]);
    assert_eq!((r[1][3], r[1][6], r[1][7]), ("VERB", "0", "root"));
    assert_eq!((r[0][6], r[0][7]), ("2", "nsubj"));
    assert_eq!((r[2][6], r[2][7], r[2][9]), ("2", "obj", "SpaceAfter=No"));
}

#[test]
fn a_broken_conllu_file_is_named_and_skipped() {
    let d = Dir::new();
    let bad = d.write("bad.conllu", "1\tonly\tthree\n");
    let good = d.write("good.conllu", "1\tYes\t_\t_\t_\t_\t0\troot\t_\t_\n\n");
    let out = run(bin().args(["parse", "--conllu"]).arg(&bad).arg(&good));
    assert_exit!(out, 3);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu:line 1"), "{err}");
    assert_eq!(rows(&String::from_utf8(out.stdout).unwrap()).len(), 1);
}
