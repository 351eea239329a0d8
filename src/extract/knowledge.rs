//! [`Knowledge`]: everything an extractor reads besides the document, loaded once and
//! shared by every worker thread.

use crate::error::DataError;
use crate::lexicon::Lexicon;
use std::path::Path;

/// The knowledge an [`Extractor`](super::Extractor) reads: the lexicon (gazetteers,
/// titles, cues, verbs; the shipped `data/` files and the user's). The parser's model
/// joins it here when the parser lands (an `Option`, so that extractors that do not
/// parse and builds without a model are unchanged).
#[derive(Clone, Debug)]
pub struct Knowledge {
    pub lexicon: Lexicon,
}

impl Knowledge {
    /// The knowledge of the shipped data files.
    pub fn builtin() -> Result<Knowledge, DataError> {
        Ok(Knowledge {
            lexicon: Lexicon::builtin()?,
        })
    }

    /// Adds a user's lexicon or gazetteer file; its header row tells its kind.
    pub fn add_file(&mut self, path: &Path) -> Result<(), DataError> {
        self.lexicon.add_file(path)
    }
}
