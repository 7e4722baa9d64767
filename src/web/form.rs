//! Field errors of a rejected form, translated for the template.

use crate::domain::FieldError;
use crate::i18n::{Arg, I18n};

#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    items: Vec<(String, String)>,
    summary: Option<Vec<(String, String)>>,
}

/// The text of one field error in `i18n`'s language.
pub fn message(i18n: &I18n, e: &FieldError) -> String {
    let args: Vec<(&'static str, Arg<'_>)> = e.args.iter().map(|(k, v)| (*k, v.as_arg())).collect();
    i18n.t_with(e.message, &args)
}

impl FormErrors {
    pub fn new(i18n: &I18n, errors: &[FieldError]) -> Self {
        FormErrors {
            items: errors
                .iter()
                .map(|e| (e.field.to_owned(), message(i18n, e)))
                .collect(),
            summary: None,
        }
    }

    pub fn push(&mut self, field: &str, message: String) {
        self.items.push((field.to_owned(), message));
    }

    /// Prefixes each summary line with its field's label ("Country: Choose…"),
    /// since "Fill this in." alone does not say where.
    pub fn labelled(self, i18n: &I18n, labels: &[(&str, &str)]) -> Self {
        let summary = self
            .items
            .iter()
            .map(|(f, m)| match labels.iter().find(|(lf, _)| lf == f) {
                Some((_, label)) => (f.clone(), format!("{}: {m}", i18n.t(label))),
                None => (f.clone(), m.clone()),
            })
            .collect();
        FormErrors {
            summary: Some(summary),
            ..self
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The message for one field, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    /// Every message, for the summary at the top of the form.
    pub fn all(&self) -> &[(String, String)] {
        self.summary.as_deref().unwrap_or(&self.items)
    }
}
