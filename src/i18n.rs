//! The one translation function: every user-visible string is a Fluent message
//! from `locales/<lang>/*.ftl`, looked up for the request's language.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Isolation marks around placeables would show up in e-mails and CSV.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const DEFAULT_LANG: LanguageIdentifier = langid!("en-US");

/// The languages the portal has messages for, in the order offered.
pub fn supported() -> Vec<LanguageIdentifier> {
    let mut langs: Vec<_> = LOCALES.locales().cloned().collect();
    langs.sort_by_key(|l| (l != &DEFAULT_LANG, l.to_string()));
    langs
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct I18n {
    lang: LanguageIdentifier,
}

impl Default for I18n {
    fn default() -> Self {
        I18n { lang: DEFAULT_LANG }
    }
}

impl I18n {
    /// Picks the first supported language of an `Accept-Language` header (or
    /// of a user's stored preference), else English.
    pub fn negotiate(preferences: &str) -> I18n {
        let supported = supported();
        let mut prefs: Vec<(f32, &str)> = preferences
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(";q=");
                let tag = it.next()?.trim();
                let q = it.next().and_then(|q| q.trim().parse().ok()).unwrap_or(1.0);
                (!tag.is_empty()).then_some((q, tag))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, tag) in prefs {
            let Ok(wanted) = tag.parse::<LanguageIdentifier>() else {
                continue;
            };
            if let Some(l) = supported.iter().find(|l| **l == wanted) {
                return I18n { lang: l.clone() };
            }
            if let Some(l) = supported.iter().find(|l| l.language == wanted.language) {
                return I18n { lang: l.clone() };
            }
        }
        I18n::default()
    }

    pub fn lang(&self) -> String {
        self.lang.to_string()
    }

    /// The message `id` in this language.
    pub fn t(&self, id: &str) -> String {
        LOCALES.lookup(&self.lang, id)
    }

    /// The message `id` with named arguments.
    pub fn t_args(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string())))
            .collect();
        LOCALES.lookup_with_args(&self.lang, id, &map)
    }

    /// The message `id` with the number `n` as `name`: passed as a number, so
    /// that the message can choose its plural form (`[one]`, `*[other]`); a
    /// text argument never matches one.
    pub fn t_count(&self, id: &str, name: &'static str, n: i64) -> String {
        self.t_count_args(id, name, n, &[])
    }

    /// `t_count` with more (text) arguments.
    pub fn t_count_args(
        &self,
        id: &str,
        name: &'static str,
        n: i64,
        args: &[(&'static str, &str)],
    ) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string())))
            .collect();
        map.insert(Cow::Borrowed(name), FluentValue::from(n));
        LOCALES.lookup_with_args(&self.lang, id, &map)
    }

    /// Shorthand for a message with one argument, handy in templates.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.t_args(id, &[(name, value)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_fallback() {
        assert_eq!(I18n::negotiate("xx-YY, zz;q=0.5").lang(), "en-US");
        assert_eq!(I18n::negotiate("en-GB,en;q=0.9").lang(), "en-US");
    }

    #[test]
    fn counts_choose_their_plural_form() {
        let i = I18n::default();
        assert_eq!(
            i.t_count("catalog-low-warning", "count", 1),
            "One product is running low on keys."
        );
        assert_eq!(
            i.t_count("catalog-low-warning", "count", 3),
            "3 products are running low on keys."
        );
    }

    #[test]
    fn messages_come_from_the_fluent_files() {
        let i = I18n::default();
        assert_eq!(i.t("country-CZ"), "Czechia");
        assert!(i.t1("footer-request-id", "id", "abc").contains("abc"));
    }
}
