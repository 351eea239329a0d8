//! Tests of the whole stage: a model trained here on a few sentences survives a round
//! trip through its bytes, and the shipped model gets the arcs that relation extraction
//! reads right on hand-checked news sentences (expected arcs follow the UD English
//! guidelines, not the model's output).

use std::borrow::Cow;

use super::conllu::read_conllu;
use super::train::{train, TrainConfig};
use super::*;

const TINY: &str = "\
1\tKhan\tKhan\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_
4\tminister\tminister\tNOUN\t_\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_
2\tpolice\tpolice\tNOUN\t_\t_\t3\tnsubj\t_\t_
3\tarrested\tarrest\tVERB\t_\t_\t0\troot\t_\t_
4\tKhan\tKhan\tPROPN\t_\t_\t3\tobj\t_\t_
5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

1\tKhan\tKhan\tPROPN\t_\t_\t3\tnsubj:pass\t_\t_
2\twas\tbe\tAUX\t_\t_\t3\taux:pass\t_\t_
3\tarrested\tarrest\tVERB\t_\t_\t0\troot\t_\t_
4\tby\tby\tADP\t_\t_\t6\tcase\t_\t_
5\tthe\tthe\tDET\t_\t_\t6\tdet\t_\t_
6\tpolice\tpolice\tNOUN\t_\t_\t3\tobl:agent\t_\t_
7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\t_\t_\t3\tnsubj\t_\t_
3\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_
4\tKhan\tKhan\tPROPN\t_\t_\t3\tobj\t_\t_
5\tin\tin\tADP\t_\t_\t6\tcase\t_\t_
6\tParis\tParis\tPROPN\t_\t_\t3\tobl\t_\t_
7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

";

fn tiny_model() -> (Vec<u8>, Vec<conllu::ConlluSentence>) {
    let sentences = read_conllu(TINY).unwrap();
    let cfg = TrainConfig {
        tagger_epochs: 5,
        parser_epochs: 8,
        folds: 2,
        threads: 1,
        dict_min_count: 1000,
        ..TrainConfig::default()
    };
    (train(&sentences, None, &[], &cfg, &mut |_| {}), sentences)
}

#[test]
fn a_trained_model_round_trips_through_its_file() {
    let (bytes, sentences) = tiny_model();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.model");
    std::fs::write(&path, &bytes).unwrap();
    let before = Model::from_bytes(Cow::Owned(bytes.clone())).unwrap();
    let after = Model::from_bytes(Cow::Owned(std::fs::read(&path).unwrap())).unwrap();
    assert_eq!(after.to_bytes(), bytes.as_slice());
    let mut right = 0;
    let mut total = 0;
    for s in &sentences {
        let forms = s.forms();
        let a = before.analyze(&forms);
        assert_eq!(a, after.analyze(&forms));
        for (w, g) in a.iter().zip(&s.words) {
            right += (Some(w.upos) == g.upos && w.head == g.head) as usize;
            total += 1;
        }
        // exactly one root, every head in range
        assert_eq!(a.iter().filter(|w| w.head.is_none()).count(), 1);
        assert!(a.iter().all(|w| w.head.is_none_or(|h| h < forms.len())));
    }
    // it learned its training sentences (so equal predictions mean something)
    assert!(right * 10 >= total * 9, "{right} of {total}");
    // a training run is deterministic: the same file again
    assert_eq!(tiny_model().0, bytes);
}

#[test]
fn damaged_model_files_are_refused_or_harmless() {
    let (bytes, _) = tiny_model();
    assert!(matches!(
        Model::from_bytes(Cow::Owned(b"NOTAMODEL".to_vec())),
        Err(ModelError::Magic)
    ));
    for cut in [8, 12, 20, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(Cow::Owned(bytes[..cut].to_vec())).is_err());
    }
    // flipped bytes in the tables: a model that may be wrong but does not panic
    let mut bad = bytes.clone();
    for i in (200..bad.len()).step_by(7) {
        bad[i] ^= 0x5A;
    }
    if let Ok(m) = Model::from_bytes(Cow::Owned(bad)) {
        let out = m.analyze(&["Khan", "met", "the", "minister", "."]);
        assert_eq!(out.len(), 5);
    }
}

#[test]
fn weight_blocks_on_a_cache_line_are_read_in_place_and_others_copied_alike() {
    let (bytes, sentences) = tiny_model();
    // the model at an address on a cache line, and one byte on
    let placed = |shift: usize| -> Model {
        let buf: &'static mut [u8] = Box::leak(vec![0u8; bytes.len() + 128].into_boxed_slice());
        let start = buf.as_ptr().align_offset(64) + shift;
        buf[start..start + bytes.len()].copy_from_slice(&bytes);
        let buf: &'static [u8] = buf;
        Model::from_bytes(Cow::Borrowed(&buf[start..start + bytes.len()])).unwrap()
    };
    let (on_line, off_line) = (placed(0), placed(1));
    assert!(on_line.weights_in_place());
    assert!(!off_line.weights_in_place());
    for s in &sentences {
        let forms = s.forms();
        assert_eq!(on_line.analyze(&forms), off_line.analyze(&forms));
    }
}

#[test]
fn empty_and_one_word_sentences() {
    let (bytes, _) = tiny_model();
    let m = Model::from_bytes(Cow::Owned(bytes)).unwrap();
    assert!(m.analyze(&[]).is_empty());
    let one = m.analyze(&["Khan"]);
    assert_eq!(one.len(), 1);
    assert_eq!((one[0].head, one[0].deprel), (None, Deprel::Root));
}

/// The shipped model's analysis of a sentence given as space-separated tokens.
fn parse(sentence: &str) -> (Vec<&str>, Vec<Word>) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let out = analyze(&words);
    (words, out)
}

/// Asserts that `dep` (the word, first occurrence) has head `head` with relation `rel`.
fn arc(words: &[&str], out: &[Word], dep: &str, head: Option<&str>, rel: Deprel) {
    let i = words.iter().position(|w| *w == dep).unwrap();
    let h = head.map(|h| words.iter().position(|w| *w == h).unwrap());
    let got = (out[i].head.map(|k| words[k]), out[i].deprel);
    assert_eq!(
        (out[i].head, out[i].deprel),
        (h, rel),
        "{dep}: got {got:?} in {words:?}"
    );
}

/// Asserts that the prepositional phrase of `dep` is `nmod` of `noun` or `obl` of `verb`,
/// the two attachments UD allows where the sentence is ambiguous.
fn noun_or_verb_attachment(words: &[&str], out: &[Word], dep: &str, noun: &str, verb: &str) {
    let i = words.iter().position(|x| *x == dep).unwrap();
    let got = (out[i].head.map(|h| words[h]), out[i].deprel);
    assert!(
        got == (Some(noun), Deprel::Nmod) || got == (Some(verb), Deprel::Obl),
        "{dep}: got {got:?}"
    );
}

#[test]
fn shipped_model_passive_with_agent() {
    let (w, o) = parse("Khan was arrested by the police in Lahore .");
    arc(&w, &o, "arrested", None, Deprel::Root);
    arc(&w, &o, "Khan", Some("arrested"), Deprel::NsubjPass);
    arc(&w, &o, "was", Some("arrested"), Deprel::AuxPass);
    arc(&w, &o, "police", Some("arrested"), Deprel::OblAgent);
    arc(&w, &o, "by", Some("police"), Deprel::Case);
    assert_eq!(o[0].upos, Upos::Propn);
    assert_eq!(o[2].lemma, "arrest");
}

#[test]
fn shipped_model_relative_clause() {
    let (w, o) = parse("The United States leads a coalition which was joined by Australia .");
    arc(&w, &o, "joined", Some("coalition"), Deprel::AclRelcl);
    arc(&w, &o, "which", Some("joined"), Deprel::NsubjPass);
    arc(&w, &o, "Australia", Some("joined"), Deprel::OblAgent);
    arc(&w, &o, "coalition", Some("leads"), Deprel::Obj);
}

#[test]
fn shipped_model_coordination_of_three() {
    let (w, o) = parse("Iran increased cooperation with China , India and Oman .");
    arc(&w, &o, "increased", None, Deprel::Root);
    arc(&w, &o, "Iran", Some("increased"), Deprel::Nsubj);
    arc(&w, &o, "cooperation", Some("increased"), Deprel::Obj);
    arc(&w, &o, "India", Some("China"), Deprel::Conj);
    arc(&w, &o, "Oman", Some("China"), Deprel::Conj);
    arc(&w, &o, "and", Some("Oman"), Deprel::Cc);
    // "with China" modifies the noun or the verb: both are UD-valid readings
    noun_or_verb_attachment(&w, &o, "China", "cooperation", "increased");
}

#[test]
fn shipped_model_apposition() {
    let (w, o) = parse("Mohammed Suweysi , the head of the SSC , said the talks failed .");
    arc(&w, &o, "said", None, Deprel::Root);
    // a name is a flat phrase headed by its first word; the apposition attaches there
    arc(&w, &o, "Suweysi", Some("Mohammed"), Deprel::Flat);
    arc(&w, &o, "Mohammed", Some("said"), Deprel::Nsubj);
    arc(&w, &o, "head", Some("Mohammed"), Deprel::Appos);
    arc(&w, &o, "SSC", Some("head"), Deprel::Nmod);
}

#[test]
fn shipped_model_control_verb() {
    let (w, o) = parse("The EU agreed to provide aid to Romania .");
    arc(&w, &o, "agreed", None, Deprel::Root);
    arc(&w, &o, "EU", Some("agreed"), Deprel::Nsubj);
    arc(&w, &o, "provide", Some("agreed"), Deprel::Xcomp);
    arc(&w, &o, "aid", Some("provide"), Deprel::Obj);
    arc(&w, &o, "to", Some("provide"), Deprel::Mark);
    // "to Romania" is the recipient of providing or the complement of "aid": UD allows
    // either attachment
    noun_or_verb_attachment(&w, &o, "Romania", "aid", "provide");
}

#[test]
fn shipped_model_loads_fast_enough_to_be_called_per_run() {
    // not a timing test: the load must not parse or copy the tables, which shows as
    // the model borrowing the embedded bytes
    let m = shipped();
    assert_eq!(m.to_bytes().as_ptr(), SHIPPED_BYTES.as_ptr());
    // nor copy the weight tables' slots and dense rows: the embedding put them on a
    // cache line
    assert!(m.weights_in_place());
}
