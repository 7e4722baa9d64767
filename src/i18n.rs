//! The one translation function: every user-visible string is a Fluent message
//! from `locales/<lang>/*.ftl`, looked up for the request's language.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::static_loader;
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

/// The languages the portal speaks, in the order the language switch offers
/// them (each names itself there). A language whose catalog lacks a message
/// falls back on English for it; the catalog test (`tests/catalog.rs`) sees
/// that none does.
pub const SUPPORTED: [&str; 5] = ["en-US", "ru-RU", "zh-CN", "pl-PL", "cs-CZ"];

/// The supported languages as identifiers, English first.
pub fn supported() -> Vec<LanguageIdentifier> {
    SUPPORTED.iter().filter_map(|l| l.parse().ok()).collect()
}

/// A message argument: text, or a number (which plural selectors read).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<&i64> for Arg<'_> {
    fn from(n: &i64) -> Self {
        Arg::Number(*n)
    }
}

impl From<&usize> for Arg<'_> {
    fn from(n: &usize) -> Self {
        Arg::from(*n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// An argument kept for later (a field error, an import problem): text, or
/// a number that stays a number until the message is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgValue {
    Text(String),
    Number(i64),
}

impl ArgValue {
    pub fn as_arg(&self) -> Arg<'_> {
        match self {
            ArgValue::Text(s) => Arg::Text(s),
            ArgValue::Number(n) => Arg::Number(*n),
        }
    }

    /// A count or a limit: a number if it fits, else its digits.
    pub fn number(n: impl TryInto<i64> + ToString + Copy) -> ArgValue {
        n.try_into()
            .map(ArgValue::Number)
            .unwrap_or_else(|_| ArgValue::Text(n.to_string()))
    }
}

impl Arg<'_> {
    fn value(self) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.to_owned()),
            Arg::Number(n) => FluentValue::from(n),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct I18n {
    lang: LanguageIdentifier,
    /// `lang`'s place in [`SUPPORTED`]: its row of the message cache.
    slot: usize,
    /// Where times are shown; `None` is UTC.
    tz: Option<chrono_tz::Tz>,
}

impl Default for I18n {
    fn default() -> Self {
        I18n {
            lang: DEFAULT_LANG,
            slot: 0,
            tz: None,
        }
    }
}

/// What a page shows for an id no catalog holds (the catalog test keeps
/// the code's ids in the catalogs).
fn unknown(id: &str) -> String {
    format!("Unknown localization key: {id:?}")
}

thread_local! {
    /// Messages without arguments, formatted once per language and worker
    /// thread: a message is a pure function of its language and id, and a
    /// page asks for the same few dozen again and again (a column's label
    /// on each of 50 rows). Formatting each time was an eighth of the
    /// software list's time in a profile (bench/RESULTS.md). Per thread, so
    /// no lock; bounded by the catalogs' size.
    static PLAIN: RefCell<[HashMap<Box<str>, Box<str>>; SUPPORTED.len()]> =
        RefCell::new(Default::default());
    /// Messages whose one argument is a count, per language, id and count
    /// (`3 days left` on each row of the software list): the same pure
    /// function, a twentieth of that page's time when formatted afresh
    /// (bench/RESULTS.md). Bounded per id by `COUNTED_MAX`.
    static COUNTED: RefCell<[HashMap<Box<str>, Counts>; SUPPORTED.len()]> =
        RefCell::new(Default::default());
    /// Messages with text arguments, as patterns (`I18n::pattern`): a list
    /// that writes "closed on {date}" or "{amount} credited" on each row
    /// had Fluent format each afresh from a map of its arguments.
    static PATTERNS: RefCell<Patterns> = RefCell::new(Patterns::default());
}

/// One message's texts by its argument's name and count.
type Counts = HashMap<(&'static str, i64), Box<str>>;

/// How many counts of one message a thread keeps.
const COUNTED_MAX: usize = 1024;

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
                return I18n::with(l.clone());
            }
            if let Some(l) = supported.iter().find(|l| l.language == wanted.language) {
                return I18n::with(l.clone());
            }
        }
        I18n::default()
    }

    fn with(lang: LanguageIdentifier) -> I18n {
        let slot = SUPPORTED
            .iter()
            .position(|l| l.parse::<LanguageIdentifier>().is_ok_and(|l| l == lang))
            .unwrap_or(0);
        I18n {
            lang,
            slot,
            tz: None,
        }
    }

    /// A supported language named exactly (a saved preference, the `lang`
    /// cookie, the switch's choice); `None` for anything else.
    pub fn exactly(tag: &str) -> Option<I18n> {
        let wanted: LanguageIdentifier = tag.trim().parse().ok()?;
        supported()
            .into_iter()
            .find(|l| *l == wanted)
            .map(I18n::with)
    }

    /// Whom mail is written for: their saved language (and time zone), else
    /// `otherwise` (the language of the page that caused the mail).
    pub fn for_recipient(language: Option<&str>, time_zone: Option<&str>, otherwise: I18n) -> I18n {
        language
            .and_then(I18n::exactly)
            .unwrap_or(otherwise)
            .in_time_zone(time_zone)
    }

    /// The language `tag` if supported, else English (tests, tools).
    pub fn with_lang(tag: &str) -> I18n {
        I18n::exactly(tag).unwrap_or_default()
    }

    /// The same language, showing times in `tz` (an IANA name; an unknown
    /// one, or none, is UTC).
    pub fn in_time_zone(self, tz: Option<&str>) -> I18n {
        I18n {
            tz: tz.and_then(|t| t.parse().ok()),
            ..self
        }
    }

    /// The time zone times are shown in, `None` for UTC.
    pub fn time_zone(&self) -> Option<chrono_tz::Tz> {
        self.tz
    }

    /// The time zone's name as pages say it: `UTC`, `Europe/Warsaw`.
    pub fn time_zone_name(&self) -> String {
        self.tz
            .map(|t| t.name().to_owned())
            .unwrap_or_else(|| "UTC".to_owned())
    }

    /// The language's position in [`SUPPORTED`]: what per-language tables
    /// are indexed by.
    pub(crate) fn slot(&self) -> usize {
        self.slot
    }

    pub fn lang(&self) -> String {
        self.lang.to_string()
    }

    /// The message `id` in this language.
    pub fn t(&self, id: &str) -> String {
        PLAIN.with_borrow_mut(|cache| {
            // `slot` comes from SUPPORTED's positions, so the row exists.
            let Some(by_id) = cache.get_mut(self.slot) else {
                return self.lookup(id, None);
            };
            if let Some(text) = by_id.get(id) {
                return String::from(&**text);
            }
            match self.found(id, None) {
                // Only ids the catalogs hold are kept, so the table is
                // bounded by them whatever id a page is made to ask for.
                Some(text) => {
                    by_id.insert(id.into(), text.as_str().into());
                    text
                }
                None => unknown(id),
            }
        })
    }

    /// `id` in this language, else in English (which the catalog test makes
    /// sure has every message). fluent-templates' own lookup negotiates the
    /// language afresh on every call; it is known here.
    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
        self.found(id, args).unwrap_or_else(|| unknown(id))
    }

    fn found(
        &self,
        id: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue>>,
    ) -> Option<String> {
        LOCALES
            .lookup_single_language(&self.lang, id, args)
            .or_else(|_| LOCALES.lookup_single_language(&DEFAULT_LANG, id, args))
            .ok()
    }

    /// The message `id` with named arguments (text).
    pub fn t_args(&self, id: &str, args: &[(&'static str, &str)]) -> String {
        fill(&self.pattern(id, args, None), args)
    }

    /// `id` cut where its arguments `args` (named; their values are not
    /// read) go, with `count`, if any, passed as that number. Every text
    /// argument goes through Fluent as a marker, so the pattern is a pure
    /// function of the language, the id, the names and the count, and is
    /// kept per thread (see `PATTERNS`); a value is put in afterwards,
    /// never read by Fluent. The catalogs select variants on numbers only
    /// (`$count ->`, `$days ->`), which stay numbers here, and a text value
    /// never matches a variant's key, so the text is what Fluent would have
    /// made of the values themselves.
    pub fn pattern<T>(
        &self,
        id: &str,
        args: &[(&'static str, T)],
        count: Option<(&'static str, i64)>,
    ) -> Rc<[Piece]> {
        PATTERNS.with_borrow_mut(|Patterns { kept, by_id }| {
            let slot = self.slot;
            let same = |p: &&Pattern| {
                p.slot == slot
                    && p.count == count
                    && p.names.iter().eq(args.iter().map(|(name, _)| name))
            };
            if let Some(p) = by_id.get(id).and_then(|ps| ps.iter().find(same)) {
                return p.pieces.clone();
            }
            let Some(pieces) = self.make_pattern(id, args, count) else {
                return Rc::from([Piece::Words(unknown(id).into())]);
            };
            let pieces: Rc<[Piece]> = pieces.into();
            // As in `t`: only ids the catalogs hold are kept.
            if *kept < PATTERNS_MAX {
                *kept += 1;
                by_id.entry(id.into()).or_default().push(Pattern {
                    slot,
                    names: args.iter().map(|(name, _)| *name).collect(),
                    count,
                    pieces: pieces.clone(),
                });
            }
            pieces
        })
    }

    /// Formats `id` with a marker for each argument and cuts it at them;
    /// `None` if no catalog holds it.
    fn make_pattern<T>(
        &self,
        id: &str,
        args: &[(&'static str, T)],
        count: Option<(&'static str, i64)>,
    ) -> Option<Vec<Piece>> {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .enumerate()
            .map(|(i, (name, _))| {
                let marker = format!("{MARK_OPEN}{i}{MARK_CLOSE}");
                (Cow::Borrowed(*name), FluentValue::from(marker))
            })
            .collect();
        if let Some((name, n)) = count {
            map.insert(Cow::Borrowed(name), FluentValue::from(n));
        }
        self.found(id, Some(&map)).map(|text| cut(&text))
    }

    /// The message `id` with the number `n` as `name`: passed as a number, so
    /// that the message can choose its plural form (`[one]`, `*[other]`); a
    /// text argument never matches one.
    pub fn t_count(&self, id: &str, name: &'static str, n: i64) -> String {
        COUNTED.with_borrow_mut(|cache| {
            let Some(by_id) = cache.get_mut(self.slot) else {
                return self.t_count_args(id, name, n, &[]);
            };
            if let Some(text) = by_id.get(id).and_then(|by_n| by_n.get(&(name, n))) {
                return String::from(&**text);
            }
            let args = HashMap::from([(Cow::Borrowed(name), FluentValue::from(n))]);
            match self.found(id, Some(&args)) {
                // As in `t`: only ids the catalogs hold are kept.
                Some(text) => {
                    let by_n = by_id.entry(id.into()).or_default();
                    if by_n.len() < COUNTED_MAX {
                        by_n.insert((name, n), text.as_str().into());
                    }
                    text
                }
                None => unknown(id),
            }
        })
    }

    /// `t_count` with more (text) arguments.
    pub fn t_count_args(
        &self,
        id: &str,
        name: &'static str,
        n: i64,
        args: &[(&'static str, &str)],
    ) -> String {
        fill(&self.pattern(id, args, Some((name, n))), args)
    }

    /// The message `id` with arguments that may be numbers (`Arg::Number`,
    /// or an `i64` / `usize` through `into()`): a number reaches Fluent as a
    /// number, so that the message chooses its plural form.
    pub fn t_with(&self, id: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.value()))
            .collect();
        self.lookup(id, Some(&map))
    }

    /// Shorthand for a message with one argument, handy in templates.
    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.t_args(id, &[(name, value)])
    }
}

// Where an argument goes in a pattern: private-use characters, which no
// catalog holds.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// A message cut where its arguments go: its own words, and the argument
/// (by its place in the call's list) at each place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Words(Box<str>),
    Arg(usize),
}

/// A message's pieces for one language, argument names and count.
struct Pattern {
    slot: usize,
    names: Vec<&'static str>,
    count: Option<(&'static str, i64)>,
    pieces: Rc<[Piece]>,
}

/// How many patterns a thread keeps: one per language, message and set of
/// names, and per count where a count is given, so a thread stays well
/// under it; past it a message is formatted afresh.
const PATTERNS_MAX: usize = 4096;

/// A thread's patterns by message id, and how many it keeps.
#[derive(Default)]
struct Patterns {
    kept: usize,
    by_id: HashMap<Box<str>, Vec<Pattern>>,
}

/// `text` cut at the markers `make_pattern` put in.
fn cut(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(MARK_OPEN) {
        let (before, after) = rest.split_at(start);
        if !before.is_empty() {
            pieces.push(Piece::Words(before.into()));
        }
        let after = &after[MARK_OPEN.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            rest = after;
            break;
        };
        if let Ok(index) = after[..end].parse() {
            pieces.push(Piece::Arg(index));
        }
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Words(rest.into()));
    }
    pieces
}

/// A pattern with the arguments' values put in.
fn fill(pieces: &[Piece], args: &[(&'static str, &str)]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Words(words) => out.push_str(words),
            Piece::Arg(i) => out.push_str(args.get(*i).map_or("", |(_, v)| v)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message of every catalog, with a text value for each of its
    /// variables: the pattern with the values put in reads exactly as
    /// Fluent's own formatting of those values (the claim `pattern` rests
    /// on), the second time from the thread's patterns too.
    #[test]
    fn a_pattern_filled_in_reads_as_fluent_formats_the_values() {
        let var = regex::Regex::new(r"\{\s*\$([a-z_]+)").unwrap();
        let mut checked = 0;
        for (slot, lang) in SUPPORTED.iter().enumerate() {
            let i = I18n::with_lang(lang);
            assert_eq!(i.slot, slot);
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang);
            for file in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                // A message: its `id =` line and the indented lines after it.
                let mut messages: Vec<(String, String)> = Vec::new();
                for line in text.lines() {
                    if let Some((id, body)) = line
                        .split_once(" = ")
                        .filter(|(id, _)| !id.starts_with([' ', '#', '-']) && !id.contains(' '))
                    {
                        messages.push((id.to_owned(), body.to_owned()));
                    } else if line.starts_with(' ')
                        && let Some((_, body)) = messages.last_mut()
                    {
                        body.push_str(line);
                    }
                }
                for (id, body) in messages {
                    let mut names: Vec<&'static str> = Vec::new();
                    for c in var.captures_iter(&body) {
                        let name: &'static str = Box::leak(c[1].to_owned().into_boxed_str());
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                    let values: Vec<String> = names.iter().map(|n| format!("<{n} & 1>")).collect();
                    let args: Vec<(&'static str, &str)> = names
                        .iter()
                        .zip(&values)
                        .map(|(n, v)| (*n, v.as_str()))
                        .collect();
                    let map: HashMap<Cow<'static, str>, FluentValue> = args
                        .iter()
                        .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string())))
                        .collect();
                    let fluent = i.lookup(&id, Some(&map));
                    for _ in 0..2 {
                        assert_eq!(i.t_args(&id, &args), fluent, "{lang} {id}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 2000, "{checked} messages");
    }

    #[test]
    fn a_value_is_put_in_as_it_is_and_a_count_still_chooses_the_form() {
        let en = I18n::default();
        assert_eq!(
            en.t1("software-window-closed", "date", "\u{E000}0\u{E001}"),
            "Closed (\u{E000}0\u{E001})"
        );
        for _ in 0..2 {
            assert_eq!(
                en.t_count_args("report-days-left", "days", 1, &[("date", "1 May")]),
                "1 day left to cancel, until 1 May."
            );
            assert_eq!(
                en.t_count_args("report-days-left", "days", 3, &[("date", "1 May")]),
                "3 days left to cancel, until 1 May."
            );
        }
    }

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
    fn a_kept_count_is_kept_per_language_and_number() {
        // Twice each: the second is read from the thread's table.
        let (en, pl) = (I18n::default(), I18n::with_lang("pl-PL"));
        for _ in 0..2 {
            assert_eq!(en.t_count("software-days-left", "days", 1), "1 day left");
            assert_eq!(en.t_count("software-days-left", "days", 3), "3 days left");
            assert_eq!(
                pl.t_count("software-days-left", "days", 1),
                "Pozostał 1 dzień"
            );
            assert_eq!(
                pl.t_count("software-days-left", "days", 3),
                "Pozostały 3 dni"
            );
            assert_eq!(
                pl.t_count("software-days-left", "days", 5),
                "Pozostało 5 dni"
            );
        }
        // An id the catalogs lack is never kept, whatever is asked for (made
        // at run time, as the catalog test reads ids from the code's text).
        let missing = format!("no-such-message-{}", 1);
        assert_eq!(
            en.t_count(&missing, "days", 1),
            format!("Unknown localization key: {missing:?}")
        );
        assert!(
            COUNTED.with_borrow(|c| c.iter().all(|by_id| !by_id.contains_key(missing.as_str())))
        );
        for n in 0..(COUNTED_MAX as i64 + 10) {
            en.t_count("software-days-left", "days", n);
        }
        let kept = COUNTED.with_borrow(|c| {
            c.first()
                .and_then(|by_id| by_id.get("software-days-left"))
                .map(HashMap::len)
        });
        assert_eq!(kept, Some(COUNTED_MAX));
        assert_eq!(
            en.t_count("software-days-left", "days", 5000),
            "5000 days left"
        );
    }

    #[test]
    fn numbers_reach_fluent_as_numbers() {
        let i = I18n::default();
        assert_eq!(
            i.t_with("catalog-term-months", &[("months", 1_i64.into())]),
            "1 month"
        );
        assert_eq!(
            i.t_with("catalog-term-months", &[("months", 12_i64.into())]),
            "12 months"
        );
        assert_eq!(i.t_count("software-days-left", "days", 1), "1 day left");
        // A number given as text never matches `[one]`: the old bug.
        assert_eq!(
            i.t_args("software-days-left", &[("days", "1")]),
            "1 days left"
        );
        let too_long = crate::domain::FieldError::too_long("name", 1);
        assert_eq!(
            crate::web::form::message(&i, &too_long),
            "This is too long: use at most 1 character."
        );
    }

    #[test]
    fn the_language_is_chosen_from_the_supported_ones() {
        assert_eq!(I18n::negotiate("pl;q=0.8, xx, cs-CZ;q=0.9").lang(), "cs-CZ");
        assert_eq!(I18n::negotiate("zh").lang(), "zh-CN");
        assert_eq!(
            I18n::exactly("ru-RU").map(|i| i.lang()).as_deref(),
            Some("ru-RU")
        );
        assert_eq!(I18n::exactly("ru"), None);
        assert_eq!(I18n::exactly("de-DE"), None);
        assert_eq!(I18n::with_lang("xx").lang(), "en-US");
    }

    #[test]
    fn each_language_keeps_its_own_messages_on_one_thread() {
        let (en, pl) = (I18n::default(), I18n::with_lang("pl-PL"));
        for _ in 0..2 {
            assert_eq!(en.t("country-CZ"), "Czechia");
            assert_eq!(pl.t("country-CZ"), "Czechy");
            assert_eq!(
                I18n::with_lang("cs-CZ").t("country-CZ"),
                "Česko",
                "the second time, from the cache"
            );
        }
    }

    #[test]
    fn ids_no_catalog_holds_are_not_kept() {
        let i = I18n::default();
        for n in 0..3 {
            let id = format!("no-such-message-{n}");
            assert_eq!(i.t(&id), format!("Unknown localization key: {id:?}"));
        }
        assert_eq!(i.t("country-CZ"), "Czechia");
        PLAIN.with_borrow(|cache| {
            assert!(cache[0].contains_key("country-CZ"));
            assert!(!cache[0].keys().any(|k| k.starts_with("no-such-message")));
        });
        for n in 0..3 {
            let id = format!("no-such-message-{n}");
            assert_eq!(
                i.t1(&id, "date", "1 May"),
                format!("Unknown localization key: {id:?}")
            );
        }
        assert_eq!(
            i.t1("software-window-closed", "date", "1 May"),
            "Closed (1 May)"
        );
        PATTERNS.with_borrow(|p| {
            assert!(p.by_id.contains_key("software-window-closed"));
            assert!(!p.by_id.keys().any(|k| k.starts_with("no-such-message")));
        });
    }

    #[test]
    fn messages_come_from_the_fluent_files() {
        let i = I18n::default();
        assert_eq!(i.t("country-CZ"), "Czechia");
        assert!(i.t1("footer-request-id", "id", "abc").contains("abc"));
    }
}
