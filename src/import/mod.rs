//! Operator tools that load data: the catalog, product keys and download
//! files. Each validates the whole input first and writes in one
//! transaction, so bad input changes nothing. The command line and the
//! operator's pages call the same checks; their messages are Fluent
//! messages, so each shows them in its own words (English on the terminal).

pub mod catalog;
pub mod files;
pub mod keys;
pub mod product;

use crate::i18n::I18n;

/// A message id of `locales/*/main.ftl` with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn text(&self, i18n: &I18n) -> String {
        let args: Vec<(&'static str, &str)> =
            self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n.t_args(self.id, &args)
    }
}

/// One problem in an input file, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: Message,
}

impl LineError {
    pub fn text(&self, i18n: &I18n) -> String {
        i18n.t_args(
            "import-line",
            &[
                ("line", &self.line.to_string()),
                ("message", &self.message.text(i18n)),
            ],
        )
    }
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&I18n::default()))
    }
}

/// All the problems found, one per line of output.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct FileErrors(pub Vec<LineError>);

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}
