//! `actorgraph parse FILE...`: the syntax analysis itself, as CoNLL-U, for users who want
//! the trees (and for scoring the parser with the standard CoNLL 2018 script). Articles
//! are split and tokenized by `text`, as `build` does, and each token's character span in
//! the article is kept in MISC (`TokenRange=start:end`, the convention of UDPipe); with
//! `--conllu`, the word forms of a CoNLL-U file are analysed instead and its annotation is
//! ignored (its sentence ids and texts are kept).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::args::ParseArgs;
use crate::cli::messages;
use crate::cli::{exit, output};
use crate::ingest::{IngestOptions, Inputs};
use crate::language::Language;
use crate::syntax::conllu::{read_conllu, write_conllu_sentence, SentenceMeta};
use crate::text::split_sentences;

pub fn run(a: ParseArgs) -> Result<u8> {
    // one file (or stdout, or a device), checked before any work; written whole or not
    // at all (src/cli/output.rs)
    let target = output::Target::new(&a.output, 1, true)?;
    if let output::Target::Dir(d) = &target {
        anyhow::bail!(
            "the output {} is a directory; give a file",
            messages::path(d)
        );
    }
    target.check(&[])?;
    if !matches!(target, output::Target::Stdout) {
        output::refuse_overwriting_inputs(std::slice::from_ref(&a.output), &a.inputs)?;
    }
    // inputs skipped, by reason
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut out: Vec<u8> = Vec::new();
    if a.conllu {
        for path in &a.inputs {
            if let Err(e) = conllu_file(path, &mut out) {
                messages::error(format!("{e:#}; skipped"));
                *skipped.entry("unreadable CoNLL-U").or_default() += 1;
            }
        }
    } else {
        articles(&a, &mut out, &mut skipped)?;
    }
    output::write_file(&target, |w| w.write_all(&out))?;
    if !skipped.is_empty() {
        messages::info(format!(
            "CoNLL-U written{}",
            messages::describe_skipped(&skipped)
        ));
    }
    Ok(if !skipped.is_empty() {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

fn conllu_file(path: &Path, out: &mut Vec<u8>) -> Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let sentences = read_conllu(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
    let model = crate::syntax::shipped();
    for s in &sentences {
        let forms = s.forms();
        let words = model.analyze(&forms);
        let misc: Vec<String> = s
            .words
            .iter()
            .map(|w| {
                if w.no_space_after() {
                    "SpaceAfter=No".to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        let meta = SentenceMeta {
            sent_id: s.sent_id.as_deref(),
            text: s.text.as_deref(),
            misc: Some(&misc),
        };
        write_conllu_sentence(out, &meta, &forms, &words)?;
    }
    Ok(())
}

fn articles(
    a: &ParseArgs,
    out: &mut Vec<u8>,
    skipped: &mut BTreeMap<&'static str, usize>,
) -> Result<()> {
    let model = crate::syntax::shipped();
    let english = Language::builtin().context("loading the built-in English word lists")?;
    for item in Inputs::new(&a.inputs, IngestOptions::default()) {
        let doc = match item {
            Ok(d) => d,
            Err(e) => {
                messages::error(format!("{}; skipped", messages::input_error(&e)));
                *skipped.entry(e.reason()).or_default() += 1;
                continue;
            }
        };
        for w in &doc.warnings {
            messages::warn(format!("{}: {w}", doc.origin));
        }
        writeln!(out, "# newdoc id = {}", doc.id.replace(['\n', '\r'], " "))?;
        for s in split_sentences(&doc.text, doc.body_start, &english) {
            let forms: Vec<&str> = s.tokens.iter().map(|t| t.text).collect();
            let words = model.analyze(&forms);
            // character offsets of each token in the document text
            let mut misc = Vec::with_capacity(forms.len());
            let mut chars = s.char_start;
            let mut byte = s.start;
            for (k, t) in s.tokens.iter().enumerate() {
                chars += doc.text[byte..t.start].chars().count();
                let start = chars;
                chars += t.text.chars().count();
                byte = t.end;
                let glued = s.tokens.get(k + 1).is_some_and(|n| n.start == t.end);
                misc.push(format!(
                    "TokenRange={start}:{chars}{}",
                    if glued { "|SpaceAfter=No" } else { "" }
                ));
            }
            let id = format!("{}-{}", doc.id, s.index + 1);
            let meta = SentenceMeta {
                sent_id: Some(&id),
                text: Some(s.text(&doc.text)),
                misc: Some(&misc),
            };
            write_conllu_sentence(out, &meta, &forms, &words)?;
        }
    }
    Ok(())
}
