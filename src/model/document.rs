//! An input document: what a reader yields and an extractor reads. A library user (or
//! the Python package) makes one in memory with [`Document::from_text`].

/// One article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    /// The whole text as read (for a .txt file, including its date line); evidence
    /// offsets count characters from its start.
    pub text: String,
    /// Byte offset where the article body starts (after a date header).
    pub body_start: usize,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Where the article came from, for messages: `path` or `path:line`.
    pub origin: String,
    /// Problems that did not stop the article from being read (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// The input gave no id: `id` was made from the article's place (file and line), and
    /// yields to every id an input gives.
    pub id_made_up: bool,
}

impl Document {
    /// A document from a string, for library users and tests.
    pub fn from_text(id: &str, text: &str, date: Option<&str>) -> Document {
        Document {
            id: id.to_string(),
            text: text.to_string(),
            body_start: 0,
            date: date.map(str::to_string),
            title: None,
            url: None,
            origin: id.to_string(),
            warnings: Vec::new(),
            id_made_up: false,
        }
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}
