//! CoNLL-U (<https://universaldependencies.org/format.html>): reading treebank files for
//! training and evaluation, and writing the analysis so that standard tools (the CoNLL 2018
//! evaluation script, UD viewers) can read it. Multiword-token ranges are kept (the
//! tokenizer comparison needs the surface tokens); empty nodes (`8.1`) are skipped, as the
//! basic tree does not contain them.

use std::io::{self, Write};

use super::labels::{Deprel, Upos};
use super::Word;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    /// `None` when the column is `_` or not a UPOS tag.
    pub upos: Option<Upos>,
    /// 0-based index of the head word; `None` for the root (and when the column is `_`).
    pub head: Option<usize>,
    /// The DEPREL column as written.
    pub deprel: String,
    /// The MISC column as written.
    pub misc: String,
}

impl ConlluWord {
    /// The word is followed by no space in the text (`SpaceAfter=No` in MISC).
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multiword token such as `don't` = `do` + `n't`: its surface form covers the words
/// `first..=last` (0-based).
#[derive(Clone, Debug, PartialEq)]
pub struct MultiwordToken {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConlluSentence {
    pub sent_id: Option<String>,
    /// The `# text =` comment.
    pub text: Option<String>,
    pub words: Vec<ConlluWord>,
    pub multiword: Vec<MultiwordToken>,
}

impl ConlluSentence {
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// The surface tokens: `(first word, last word, form, misc)`, multiword tokens as one.
    pub fn surface_tokens(&self) -> Vec<(usize, usize, &str, &str)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut mw = self.multiword.iter().peekable();
        let mut i = 0;
        while i < self.words.len() {
            if let Some(m) = mw.next_if(|m| m.first == i) {
                out.push((m.first, m.last, m.form.as_str(), m.misc.as_str()));
                i = m.last + 1;
            } else {
                let w = &self.words[i];
                out.push((i, i, w.form.as_str(), w.misc.as_str()));
                i += 1;
            }
        }
        out
    }
}

/// A line of a CoNLL-U file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Reads every sentence of a CoNLL-U text.
pub fn read_conllu(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    // the 1-based CoNLL-U head of each word, checked once the sentence is complete
    let mut raw_heads: Vec<(usize, Option<usize>)> = Vec::new();
    let mut finish = |current: &mut ConlluSentence,
                      raw_heads: &mut Vec<(usize, Option<usize>)>|
     -> Result<(), ConlluError> {
        if current.words.is_empty() {
            *current = ConlluSentence::default();
            raw_heads.clear();
            return Ok(());
        }
        let n = current.words.len();
        for (i, &(line, head)) in raw_heads.iter().enumerate() {
            current.words[i].head = match head {
                None | Some(0) => None,
                Some(h) if h <= n => Some(h - 1),
                Some(h) => {
                    return Err(ConlluError {
                        line,
                        message: format!("head {h} is beyond the sentence's {n} words"),
                    })
                }
            };
        }
        sentences.push(std::mem::take(current));
        raw_heads.clear();
        Ok(())
    };
    for (k, line) in text.lines().enumerate() {
        let line_no = k + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            finish(&mut current, &mut raw_heads)?;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(t) = comment.strip_prefix("text =") {
                current.text = Some(t.trim().to_string());
            } else if let Some(id) = comment.strip_prefix("sent_id =") {
                current.sent_id = Some(id.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| ConlluError {
            line: line_no,
            message,
        };
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // an empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                return Err(err(format!("bad multiword token id {id:?}")));
            };
            if a == 0 || b < a || a != current.words.len() + 1 {
                return Err(err(format!("multiword token {id} out of order")));
            }
            current.multiword.push(MultiwordToken {
                first: a - 1,
                last: b - 1,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        match id.parse::<usize>() {
            Ok(i) if i == current.words.len() + 1 => {}
            _ => {
                return Err(err(format!(
                    "word id {id:?} where {} was expected",
                    current.words.len() + 1
                )))
            }
        }
        let head = match cols[6] {
            "_" => None,
            h => Some(
                h.parse::<usize>()
                    .map_err(|_| err(format!("bad head {h:?}")))?,
            ),
        };
        raw_heads.push((line_no, head));
        current.words.push(ConlluWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::from_label(cols[3]),
            head: None,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    finish(&mut current, &mut raw_heads)?;
    for s in &sentences {
        if let Some(m) = s.multiword.iter().find(|m| m.last >= s.words.len()) {
            return Err(ConlluError {
                line: 0,
                message: format!(
                    "multiword token {:?} covers words the sentence does not have",
                    m.form
                ),
            });
        }
    }
    Ok(sentences)
}

/// Comment lines and per-word MISC values to write with an analysed sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceMeta<'a> {
    pub sent_id: Option<&'a str>,
    pub text: Option<&'a str>,
    /// One MISC value per word (`_` when empty or absent).
    pub misc: Option<&'a [String]>,
}

/// Writes one analysed sentence as a CoNLL-U block (ending with the blank line). Tabs and
/// line breaks inside forms are replaced by spaces, so every line keeps its 10 columns.
pub fn write_conllu_sentence<W: Write>(
    out: &mut W,
    meta: &SentenceMeta<'_>,
    forms: &[&str],
    words: &[Word],
) -> io::Result<()> {
    let clean = |s: &str| -> String {
        if s.is_empty() {
            "_".to_string()
        } else {
            s.replace(['\t', '\n', '\r'], " ")
        }
    };
    if let Some(id) = meta.sent_id {
        writeln!(out, "# sent_id = {}", clean(id))?;
    }
    if let Some(t) = meta.text {
        writeln!(
            out,
            "# text = {}",
            t.replace(['\t', '\n', '\r'], " ").trim()
        )?;
    }
    for (i, (form, w)) in forms.iter().zip(words).enumerate() {
        let head = w.head.map_or(0, |h| h + 1);
        let misc = meta
            .misc
            .and_then(|m| m.get(i))
            .filter(|m| !m.is_empty())
            .map_or("_".to_string(), |m| clean(m));
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t{}",
            i + 1,
            clean(form),
            clean(&w.lemma),
            w.upos,
            head,
            w.deprel,
            misc
        )?;
    }
    writeln!(out)
}

/// The deprel column as a label of ours.
pub(crate) fn deprel_of(word: &ConlluWord) -> Deprel {
    Deprel::parse(&word.deprel)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_multiword_tokens_and_heads() {
        let s = read_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.text.as_deref(), Some("I don't know."));
        assert_eq!(s.forms(), vec!["I", "do", "n't", "know", "."]);
        assert_eq!(s.words[0].head, Some(3));
        assert_eq!(s.words[3].head, None);
        assert!(s.words[3].no_space_after());
        let surface: Vec<&str> = s.surface_tokens().iter().map(|t| t.2).collect();
        assert_eq!(surface, vec!["I", "don't", "know", "."]);
    }

    #[test]
    fn bad_lines_name_their_line_number() {
        let e = read_conllu("1\tI\tI\tPRON\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = read_conllu("1\ta\ta\tX\t_\t_\t9\tdep\t_\t_\n\n").unwrap_err();
        assert!(e.message.contains("beyond"), "{e}");
        let e = read_conllu("2\ta\ta\tX\t_\t_\t0\troot\t_\t_\n").unwrap_err();
        assert!(e.message.contains("expected"), "{e}");
    }

    #[test]
    fn writes_ten_columns_per_word() {
        let words = vec![
            Word {
                upos: Upos::Propn,
                lemma: "Khan".into(),
                head: Some(1),
                deprel: Deprel::Nsubj,
            },
            Word {
                upos: Upos::Verb,
                lemma: "speak".into(),
                head: None,
                deprel: Deprel::Root,
            },
        ];
        let mut out = Vec::new();
        let meta = SentenceMeta {
            sent_id: Some("d-1"),
            text: Some("Khan spoke"),
            misc: None,
        };
        write_conllu_sentence(&mut out, &meta, &["Khan", "spo\tke"], &words).unwrap();
        let text = String::from_utf8(out).unwrap();
        let back = read_conllu(&text).unwrap();
        assert_eq!(back[0].words[0].head, Some(1));
        assert_eq!(back[0].words[1].form, "spo ke");
        assert_eq!(back[0].words[1].deprel, "root");
        assert_eq!(back[0].sent_id.as_deref(), Some("d-1"));
    }
}
