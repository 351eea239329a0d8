//! The model file and the analysis it drives. The file is flat little-endian binary: a
//! magic and version, the label lists it was trained with (checked against ours), then
//! tables read in place (see [`super::table`]): the tag dictionary, the tagger's two passes,
//! the parser, and the lemma tables with their edit scripts. Loading checks every table
//! once and copies nothing but the slots and dense rows of the weight tables when the
//! bytes do not start on a cache line in memory (see [`super::weights`]), so the shipped
//! model, embedded with `include_bytes!` on a cache line, is ready in about a millisecond.

use std::borrow::Cow;
use std::cell::RefCell;

use super::constrain::{self, Lexicon as _};
use super::labels::{Deprel, Upos};
use super::lemma::{self, Script};
use super::parser::{self, ParseScratch, ParseWord};
use super::table;
use super::tagger::{self, TagScratch, WordFeats};
use super::weights::{FrozenWeights, WeightsView};
use super::{adapt, Word};

const MAGIC: &[u8; 8] = b"AGSYNTAX";
const VERSION: u32 = 3;
const FLAG_SECOND_PASS: u32 = 1;

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not an actorgraph syntax model (bad magic bytes)")]
    Magic,
    #[error("model format version {0}, this build reads version {VERSION}")]
    Version(u32),
    #[error("the model was trained with other {0} labels; retrain it with this build")]
    Labels(&'static str),
    #[error("the model file is truncated")]
    Truncated,
    #[error("the model file is corrupt: {0}")]
    Corrupt(String),
}

/// Appends little-endian values.
#[derive(Default)]
pub(crate) struct ByteWriter {
    pub(crate) out: Vec<u8>,
}

impl ByteWriter {
    pub(crate) fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    /// A length-prefixed byte block, padded to 8 bytes.
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(&(b.len() as u64).to_le_bytes());
        self.out.extend_from_slice(b);
        while !self.out.len().is_multiple_of(8) {
            self.out.push(0);
        }
    }
    /// A block as [`ByteWriter::bytes`] writes it, starting at an offset of the file that
    /// is a multiple of 64 (zeros before its length fill the gap).
    pub(crate) fn aligned_bytes(&mut self, b: &[u8]) {
        while !(self.out.len() + 8).is_multiple_of(64) {
            self.out.push(0);
        }
        self.bytes(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

/// Reads what [`ByteWriter`] wrote, checking bounds.
pub(crate) struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let b = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(b)
    }
    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// A block written by [`ByteWriter::bytes`], as a range of the whole buffer.
    pub(crate) fn bytes_range(&mut self) -> Result<(usize, usize), ModelError> {
        let b = self.take(8)?;
        let n = u64::from_le_bytes(b.try_into().map_err(|_| ModelError::Truncated)?);
        let n = usize::try_from(n).map_err(|_| ModelError::Truncated)?;
        let start = self.pos;
        self.take(n)?;
        while !self.pos.is_multiple_of(8) {
            self.take(1)?;
        }
        Ok((start, start + n))
    }
    /// A block written by [`ByteWriter::aligned_bytes`].
    pub(crate) fn aligned_range(&mut self) -> Result<(usize, usize), ModelError> {
        while !(self.pos + 8).is_multiple_of(64) {
            self.take(1)?;
        }
        self.bytes_range()
    }
    fn str(&mut self) -> Result<&'a str, ModelError> {
        let (a, b) = self.bytes_range()?;
        std::str::from_utf8(&self.bytes[a..b]).map_err(|_| ModelError::Corrupt("a label".into()))
    }
}

/// Everything a model is made of, before it is written.
pub(crate) struct ModelParts {
    pub(crate) tagdict: Vec<(u64, u32)>,
    /// Word classes: lower-case key → [`tagger::class_entry`].
    pub(crate) classes: Vec<(u64, u32)>,
    pub(crate) first_pass: FrozenWeights,
    pub(crate) second_pass: Option<FrozenWeights>,
    pub(crate) parser: FrozenWeights,
    pub(crate) lemmas: lemma::LemmaTables,
}

impl ModelParts {
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        write_file(&FileParts {
            tagdict: &table::build_slots(&self.tagdict),
            classes: &table::build_slots(&self.classes),
            first_pass: &self.first_pass,
            second_pass: self.second_pass.as_ref(),
            parser: &self.parser,
            lemma_known: &table::build_slots(&self.lemmas.known),
            lemma_suffix: &table::build_slots(&self.lemmas.suffix),
            scripts: &self.lemmas.scripts,
        })
    }

    /// Sizes for the training log: (features, bytes) of each weight table.
    pub(crate) fn describe(&self) -> String {
        let mut s = format!(
            "tagger pass 1: {} features, {} bytes",
            self.first_pass.features(),
            self.first_pass.byte_len()
        );
        if let Some(p) = &self.second_pass {
            s += &format!(
                "; pass 2: {} features, {} bytes",
                p.features(),
                p.byte_len()
            );
        }
        s += &format!(
            "; parser: {} features, {} bytes; tag dictionary: {} words; word classes: {} words; lemma table: {} forms, {} suffixes, {} scripts",
            self.parser.features(),
            self.parser.byte_len(),
            self.tagdict.len(),
            self.classes.len(),
            self.lemmas.known.len(),
            self.lemmas.suffix.len(),
            self.lemmas.scripts.len()
        );
        s
    }
}

/// The parts of a model file, its tables as their slots.
struct FileParts<'a> {
    tagdict: &'a [u8],
    classes: &'a [u8],
    first_pass: &'a FrozenWeights,
    second_pass: Option<&'a FrozenWeights>,
    parser: &'a FrozenWeights,
    lemma_known: &'a [u8],
    lemma_suffix: &'a [u8],
    scripts: &'a [Script],
}

fn write_file(p: &FileParts<'_>) -> Vec<u8> {
    let mut w = ByteWriter::default();
    w.out.extend_from_slice(MAGIC);
    w.u32(VERSION);
    w.u32(if p.second_pass.is_some() {
        FLAG_SECOND_PASS
    } else {
        0
    });
    w.u32(Upos::ALL.len() as u32);
    for u in Upos::ALL {
        w.str(u.as_str());
    }
    w.u32(Deprel::ALL.len() as u32);
    for d in Deprel::ALL {
        w.str(d.as_str());
    }
    w.bytes(p.tagdict);
    w.bytes(p.classes);
    p.first_pass.write(&mut w);
    if let Some(s) = p.second_pass {
        s.write(&mut w);
    }
    p.parser.write(&mut w);
    w.bytes(p.lemma_known);
    w.bytes(p.lemma_suffix);
    w.u32(p.scripts.len() as u32);
    for s in p.scripts {
        w.u32(s.lower as u32);
        w.u32(s.cut as u32);
        w.str(&s.append);
    }
    w.out
}

/// Reads the header of a model file up to its tables: the flags, after checking the magic,
/// the version (`version`) and the label lists.
fn read_header(r: &mut ByteReader<'_>, version: u32) -> Result<u32, ModelError> {
    if r.bytes.len() < 8 || &r.bytes[..8] != MAGIC {
        return Err(ModelError::Magic);
    }
    r.pos = 8;
    let v = r.u32()?;
    if v != version {
        return Err(ModelError::Version(v));
    }
    let flags = r.u32()?;
    let n = r.u32()? as usize;
    if n != Upos::ALL.len() {
        return Err(ModelError::Labels("UPOS"));
    }
    for u in Upos::ALL {
        if r.str()? != u.as_str() {
            return Err(ModelError::Labels("UPOS"));
        }
    }
    let n = r.u32()? as usize;
    if n != Deprel::ALL.len() {
        return Err(ModelError::Labels("dependency"));
    }
    for d in Deprel::ALL {
        if r.str()? != d.as_str() {
            return Err(ModelError::Labels("dependency"));
        }
    }
    Ok(flags)
}

fn read_scripts(r: &mut ByteReader<'_>) -> Result<Vec<Script>, ModelError> {
    let n_scripts = r.u32()?;
    let mut scripts = Vec::with_capacity((n_scripts as usize).min(1 << 16));
    for _ in 0..n_scripts {
        let lower = r.u32()? != 0;
        let cut = r.u32()?.min(255) as u8;
        let append = r.str()?.to_string();
        scripts.push(Script { lower, cut, append });
    }
    Ok(scripts)
}

/// Rewrites a model file of format 2 (dense rows in line with the sparse ones) in the
/// current format, with the same weights: the analyses do not change (see
/// [`FrozenWeights::from_format2`]).
pub fn upgrade_format2(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    let mut r = ByteReader { bytes, pos: 0 };
    let flags = read_header(&mut r, 2)?;
    let block = |r: &mut ByteReader<'_>| -> Result<&[u8], ModelError> {
        let (a, b) = r.bytes_range()?;
        Ok(&bytes[a..b])
    };
    let tagdict = block(&mut r)?;
    let classes = block(&mut r)?;
    let weights = |r: &mut ByteReader<'_>| -> Result<FrozenWeights, ModelError> {
        let width = r.u32()?;
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        if !(1..=2).contains(&width) || n == 0 || n > 254 {
            return Err(ModelError::Corrupt("a format 2 weight table".into()));
        }
        let slots = block(r)?;
        let rows = block(r)?;
        FrozenWeights::from_format2(width as u8, n, scale, slots, rows)
    };
    let first_pass = weights(&mut r)?;
    let second_pass = if flags & FLAG_SECOND_PASS != 0 {
        Some(weights(&mut r)?)
    } else {
        None
    };
    let parser = weights(&mut r)?;
    let lemma_known = block(&mut r)?;
    let lemma_suffix = block(&mut r)?;
    let scripts = read_scripts(&mut r)?;
    Ok(write_file(&FileParts {
        tagdict,
        classes,
        first_pass: &first_pass,
        second_pass: second_pass.as_ref(),
        parser: &parser,
        lemma_known,
        lemma_suffix,
        scripts: &scripts,
    }))
}

/// A trained tagger, parser and lemmatizer.
pub struct Model {
    bytes: Cow<'static, [u8]>,
    tagdict: (usize, usize),
    classes: (usize, usize),
    first_pass: WeightsView,
    second_pass: Option<WeightsView>,
    parser: WeightsView,
    lemma_known: (usize, usize),
    lemma_suffix: (usize, usize),
    scripts: Vec<Script>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("bytes", &self.bytes.len())
            .field("second_pass", &self.second_pass.is_some())
            .finish()
    }
}

/// Buffers of one thread, reused from sentence to sentence.
#[derive(Default)]
struct Scratch {
    words: Vec<WordFeats>,
    tags: Vec<u8>,
    tag: TagScratch,
    parse_words: Vec<ParseWord>,
    parse: ParseScratch,
    forms: Vec<String>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Model {
    /// Reads a model from its bytes (the shipped file's, or any [`Model::to_bytes`] output).
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let b: &[u8] = &bytes;
        let mut r = ByteReader { bytes: b, pos: 0 };
        let flags = read_header(&mut r, VERSION)?;
        let tagdict = r.bytes_range()?;
        if !table::shape_ok(tagdict.1 - tagdict.0) {
            return Err(ModelError::Corrupt("the tag dictionary".into()));
        }
        let classes = r.bytes_range()?;
        if !table::shape_ok(classes.1 - classes.0) {
            return Err(ModelError::Corrupt("the word classes".into()));
        }
        let first_pass = WeightsView::read(&mut r, b)?;
        let second_pass = if flags & FLAG_SECOND_PASS != 0 {
            Some(WeightsView::read(&mut r, b)?)
        } else {
            None
        };
        let parser = WeightsView::read(&mut r, b)?;
        let lemma_known = r.bytes_range()?;
        let lemma_suffix = r.bytes_range()?;
        let scripts = read_scripts(&mut r)?;
        for range in [lemma_known, lemma_suffix] {
            if !table::shape_ok(range.1 - range.0) {
                return Err(ModelError::Corrupt("a lemma table".into()));
            }
        }
        Ok(Model {
            bytes,
            tagdict,
            classes,
            first_pass,
            second_pass,
            parser,
            lemma_known,
            lemma_suffix,
            scripts,
        })
    }

    /// Whether the weight tables' slots and dense rows are read where they are in the
    /// model bytes.
    #[cfg(test)]
    pub(crate) fn weights_in_place(&self) -> bool {
        [
            Some(&self.first_pass),
            self.second_pass.as_ref(),
            Some(&self.parser),
        ]
        .into_iter()
        .flatten()
        .all(|w| w.in_place())
    }

    /// The model's bytes, as [`Model::from_bytes`] reads them.
    pub fn to_bytes(&self) -> &[u8] {
        &self.bytes
    }

    fn slots(&self, range: (usize, usize)) -> &[u8] {
        &self.bytes[range.0..range.1]
    }

    fn prepare(&self, s: &mut Scratch, words: &[&str]) {
        s.forms.resize(words.len(), String::new());
        s.words.clear();
        let dict = self.slots(self.tagdict);
        let classes = self.slots(self.classes);
        for (w, form) in words.iter().zip(s.forms.iter_mut()) {
            form.clear();
            adapt::normalize(w, form);
            let mut f = WordFeats::new(form);
            f.set_dict(table::find(dict, f.lower));
            f.set_classes(table::find(classes, f.lower));
            s.words.push(f);
        }
    }

    fn run_tagger(&self, s: &mut Scratch) {
        let b: &[u8] = &self.bytes;
        let first = self.first_pass.over(b);
        let second = self.second_pass.as_ref().map(|v| v.over(b));
        tagger::tag(
            &first,
            second.as_ref(),
            &s.words,
            &mut s.tag,
            tagger::SURE_MARGIN,
            &mut s.tags,
        );
        constrain::apply(&s.forms, &mut s.tags, &self.lemma_tables());
    }

    /// The lemma tables, read for the lemmas of [`Model::collect`] and by the tagger
    /// constraints.
    fn lemma_tables(&self) -> ModelLexicon<'_> {
        ModelLexicon {
            known: self.slots(self.lemma_known),
            suffix: self.slots(self.lemma_suffix),
            scripts: &self.scripts,
        }
    }

    fn run_parser(&self, s: &mut Scratch) {
        s.parse_words.clear();
        s.parse_words.extend(
            s.words
                .iter()
                .zip(&s.tags)
                .map(|(w, &t)| ParseWord::new(w.lower, t, w.cl[1])),
        );
        parser::parse(&self.parser.over(&self.bytes), &s.parse_words, &mut s.parse);
    }

    /// The UPOS tag of each word.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        SCRATCH.with_borrow_mut(|s| {
            self.prepare(s, words);
            self.run_tagger(s);
            s.tags.iter().map(|&t| tagger::upos_of(t)).collect()
        })
    }

    /// Tags and parses `words` (one sentence, as tokens) and lemmatizes them.
    pub fn analyze(&self, words: &[&str]) -> Vec<Word> {
        SCRATCH.with_borrow_mut(|s| {
            self.analyze_into(s, words);
            self.collect(s, words, true)
        })
    }

    /// Tags and parses without lemmas (`lemma` left empty): what the speed benchmark times.
    pub fn analyze_without_lemmas(&self, words: &[&str]) -> Vec<Word> {
        SCRATCH.with_borrow_mut(|s| {
            self.analyze_into(s, words);
            self.collect(s, words, false)
        })
    }

    /// The number of words given a head, without building the output: the inner loop of
    /// the speed benchmark.
    pub fn parse_count(&self, words: &[&str]) -> usize {
        SCRATCH.with_borrow_mut(|s| {
            self.analyze_into(s, words);
            s.parse.state.heads.len().saturating_sub(1)
        })
    }

    fn analyze_into(&self, s: &mut Scratch, words: &[&str]) {
        self.prepare(s, words);
        self.run_tagger(s);
        self.run_parser(s);
    }

    fn collect(&self, s: &Scratch, words: &[&str], lemmas: bool) -> Vec<Word> {
        let n = words.len();
        let tables = self.lemma_tables();
        (0..n)
            .map(|i| {
                let upos = tagger::upos_of(s.tags[i]);
                let h = s.parse.state.heads[i] as usize;
                let head = (h < n).then_some(h);
                let deprel = if head.is_none() {
                    Deprel::Root
                } else {
                    Deprel::from_index(s.parse.state.labels[i] as usize).unwrap_or(Deprel::Dep)
                };
                let lemma = if lemmas {
                    tables.lemma(&s.forms[i], upos)
                } else {
                    String::new()
                };
                Word {
                    upos,
                    lemma,
                    head,
                    deprel,
                }
            })
            .collect()
    }
}

/// The lemma tables of the model file: the lemmas of the analyses, and what the tagger
/// constraints ask of the treebank's forms.
struct ModelLexicon<'a> {
    known: &'a [u8],
    suffix: &'a [u8],
    scripts: &'a [lemma::Script],
}

impl constrain::Lexicon for ModelLexicon<'_> {
    fn seen_as(&self, form: &str, upos: Upos) -> bool {
        let found = |f: &str| table::find(self.known, lemma::known_key(f, upos)).is_some();
        found(form) || found(&form.to_lowercase())
    }

    fn lemma(&self, form: &str, upos: Upos) -> String {
        lemma::lemmatize(
            form,
            upos,
            self.scripts,
            |k| table::find(self.known, k),
            |k| table::find(self.suffix, k),
        )
    }
}
