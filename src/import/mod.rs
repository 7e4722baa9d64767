//! Operator tools that load data: the catalog, product keys and download
//! files. Each validates the whole input first and writes in one
//! transaction, so bad input changes nothing. The command line and the
//! operator's pages call the same checks; their messages are Fluent
//! messages, so each shows them in its own words (English on the terminal).

pub mod catalog;
pub mod files;
pub mod keys;
pub mod product;

use crate::i18n::{Arg, ArgValue, I18n};

/// A message id of `locales/*/main.ftl` with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, ArgValue)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Message {
        self.args.push((name, ArgValue::Text(value.to_string())));
        self
    }

    /// A number argument (a limit, a line): the message may choose its
    /// plural form by it.
    pub fn num(
        mut self,
        name: &'static str,
        value: impl TryInto<i64> + ToString + Copy,
    ) -> Message {
        self.args.push((name, ArgValue::number(value)));
        self
    }

    pub fn text(&self, i18n: &I18n) -> String {
        let args: Vec<(&'static str, Arg<'_>)> =
            self.args.iter().map(|(k, v)| (*k, v.as_arg())).collect();
        i18n.t_with(self.id, &args)
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
        i18n.t_with(
            "import-line",
            &[
                ("line", self.line.into()),
                ("message", (&self.message.text(i18n)).into()),
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
