//! Values a template writes as they are, because they are HTML-safe by
//! construction: ids (hex digits and hyphens) and text escaped once for a
//! whole page. askama escapes every other value byte by byte, on every
//! write: the software list wrote nine ids and eight column names a row,
//! and its escaping was a tenth of the page's CPU (`bench/RESULTS.md`).

use std::fmt;

use askama::filters::{Html, HtmlSafe};
use askama::{FastWritable, Values};
use uuid::Uuid;

/// An id as pages write it: hyphenated, lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Id(pub Uuid);

/// The first characters of an id, as lists show it (`Page::short_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortId(Uuid);

/// How many characters of an id a list shows: as unique among one
/// customer's rows as a reader needs.
const SHORT: usize = 8;

impl Id {
    pub fn short(self) -> ShortId {
        ShortId(self.0)
    }

    fn write(&self, dest: &mut (impl fmt::Write + ?Sized)) -> fmt::Result {
        dest.write_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

impl From<Uuid> for Id {
    fn from(id: Uuid) -> Id {
        Id(id)
    }
}

impl From<&Uuid> for Id {
    fn from(id: &Uuid) -> Id {
        Id(*id)
    }
}

impl From<&Id> for Id {
    fn from(id: &Id) -> Id {
        *id
    }
}

impl ShortId {
    fn write(&self, dest: &mut (impl fmt::Write + ?Sized)) -> fmt::Result {
        let mut buf = Uuid::encode_buffer();
        let whole = self.0.simple().encode_lower(&mut buf);
        dest.write_str(whole.get(..SHORT).unwrap_or(whole))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f)
    }
}

impl fmt::Display for ShortId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f)
    }
}

impl HtmlSafe for Id {}
impl HtmlSafe for ShortId {}

impl FastWritable for Id {
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn Values) -> askama::Result<()> {
        Ok(self.write(dest)?)
    }
}

impl FastWritable for ShortId {
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn Values) -> askama::Result<()> {
        Ok(self.write(dest)?)
    }
}

/// Text escaped once, to be written many times: the column names a list
/// repeats on every row (`data-label`, for the cards of narrow screens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escaped(String);

impl Escaped {
    pub fn new(text: &str) -> Escaped {
        let Ok(escaped) = askama::filters::escape(text, Html);
        Escaped(escaped.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Escaped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl HtmlSafe for Escaped {}

impl FastWritable for Escaped {
    fn write_into(&self, dest: &mut dyn fmt::Write, _: &dyn Values) -> askama::Result<()> {
        Ok(dest.write_str(&self.0)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_written_whole_and_short_as_uuid_writes_it() {
        let id = Uuid::parse_str("0F3A5C7E-1B2D-4E6F-8A9B-0C1D2E3F4A5B").unwrap();
        assert_eq!(Id(id).to_string(), id.to_string());
        assert_eq!(Id(id).to_string(), "0f3a5c7e-1b2d-4e6f-8a9b-0c1d2e3f4a5b");
        assert_eq!(Id(id).short().to_string(), "0f3a5c7e");
    }

    #[test]
    fn escaped_text_is_escaped_once() {
        let e = Escaped::new(r#"Tom & "Jerry" <b>'s</b>"#);
        assert!(
            !e.as_str().contains(['<', '>', '"', '\'']),
            "{}",
            e.as_str()
        );
        assert_eq!(
            e.as_str(),
            askama::filters::escape(r#"Tom & "Jerry" <b>'s</b>"#, Html)
                .unwrap()
                .to_string()
        );
        assert_eq!(e.to_string(), e.as_str());
    }
}
