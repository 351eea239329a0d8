//! [`Knowledge`]: everything an extractor reads besides the document, loaded once and
//! shared by every worker thread.

use crate::error::DataError;
use crate::language::Language;
use crate::lexicon::Lexicon;
use crate::syntax::Model;
use std::fmt;
use std::path::Path;

/// The knowledge an [`Extractor`](super::Extractor) reads: the language (English
/// function words, abbreviations, calendar words: `data/en/`) and the lexicon
/// (gazetteers, titles, cues, verbs: the other shipped `data/` files and the user's).
/// and the parser's model (`data/syntax/`), which the rule-based extractor reads
/// relations from.
#[derive(Clone)]
pub struct Knowledge {
    pub language: Language,
    pub lexicon: Lexicon,
    pub parser: &'static Model,
}

impl fmt::Debug for Knowledge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Knowledge")
            .field("language", &self.language)
            .field("lexicon", &self.lexicon)
            .finish_non_exhaustive()
    }
}

impl Knowledge {
    /// The knowledge of the shipped data files.
    pub fn builtin() -> Result<Knowledge, DataError> {
        let language = Language::builtin()?;
        let mut lexicon = Lexicon::builtin()?;
        // a month or weekday name is never a name on its own ("On Tuesday, …")
        lexicon.add_non_names(language.calendar_names());
        Ok(Knowledge {
            language,
            lexicon,
            parser: crate::syntax::shipped(),
        })
    }

    /// The shipped knowledge, loaded once for all the tests of the process.
    #[cfg(test)]
    pub(crate) fn shared() -> &'static Knowledge {
        static SHARED: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| Knowledge::builtin().expect("the shipped data files"))
    }

    /// Adds a user's lexicon or gazetteer file; its header row tells its kind.
    pub fn add_file(&mut self, path: &Path) -> Result<(), DataError> {
        self.lexicon.add_file(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_names_are_never_names() {
        let k = Knowledge::shared();
        for w in ["Tuesday", "May", "december", "Sept"] {
            assert!(k.lexicon.is_non_name(w), "{w}");
        }
        assert!(!k.lexicon.is_non_name("Jan"));
    }
}
