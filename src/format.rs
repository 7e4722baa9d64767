//! Dates, times, numbers, sizes and money as the reader's language writes
//! them, through ICU4X's CLDR data (compiled in): `1 234,50 PLN` in Polish,
//! `22.11.2026` in Russian, `2026年11月22日` in Chinese. Times are shown in the
//! reader's time zone (a preference, else UTC); stored values never change.
//! Pages reach this through `I18n` (a template's `page.i18n`, a mail's
//! recipient's), and the free functions read the request's language.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{T, YMD, YMDT};
use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
use icu_datetime::options::{TimePrecision, YearStyle};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

use crate::domain::money;
use crate::i18n::{I18n, SUPPORTED};
use crate::request_scope;

const DEFAULT: &str = "en-US";

/// The formatters of one language, made once per thread.
struct Formatters {
    number: Option<DecimalFormatter>,
    date: Option<DateTimeFormatter<YMD>>,
    date_time: Option<DateTimeFormatter<YMDT>>,
    time: Option<DateTimeFormatter<T>>,
}

impl Formatters {
    fn new(lang: &str) -> Formatters {
        let locale: Locale = lang.parse().unwrap_or(Locale::UNKNOWN);
        Formatters {
            number: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            date: DateTimeFormatter::try_new((&locale).into(), date_fields(lang)).ok(),
            date_time: DateTimeFormatter::try_new(
                (&locale).into(),
                date_time_fields(lang).with_time_precision(TimePrecision::Minute),
            )
            .ok(),
            time: DateTimeFormatter::try_new(
                (&locale).into(),
                T::medium().with_time_precision(TimePrecision::Minute),
            )
            .ok(),
        }
    }
}

/// Business documents in Russian, Polish and Czech write days in digits
/// (`22.11.2026`, CLDR's short pattern with the full year); English and
/// Chinese readers expect the month named (`Nov 22, 2026`, `2026年11月22日`,
/// CLDR's medium one).
fn numeric_dates(lang: &str) -> bool {
    matches!(lang.split('-').next(), Some("ru" | "pl" | "cs"))
}

fn date_fields(lang: &str) -> YMD {
    if numeric_dates(lang) {
        YMD::short().with_year_style(YearStyle::Full)
    } else {
        YMD::medium()
    }
}

fn date_time_fields(lang: &str) -> YMDT {
    if numeric_dates(lang) {
        YMDT::short().with_year_style(YearStyle::Full)
    } else {
        YMDT::medium()
    }
}

thread_local! {
    /// By language slot (`I18n::slot`): made on a thread's first use.
    static FORMATTERS: RefCell<[Option<Rc<Formatters>>; SUPPORTED.len()]> =
        RefCell::new(Default::default());
    /// Days and minutes already written, per thread: a list page writes two
    /// dates on each of its 50 rows, mostly the same ones as the last time
    /// it was read, and ICU's formatting was a twentieth of the software
    /// list's time in a profile (bench/RESULTS.md). A written date is a pure
    /// function of its key; the table is emptied when it reaches its bound.
    static WRITTEN: RefCell<HashMap<(usize, Written, NaiveDateTime), Box<str>>> =
        RefCell::new(HashMap::new());
}

/// How many written dates a thread keeps: a few hundred KiB at most.
const WRITTEN_MAX: usize = 4096;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Written {
    Date,
    DateTime,
}

fn formatters(slot: usize) -> Rc<Formatters> {
    FORMATTERS.with_borrow_mut(|all| {
        let lang = SUPPORTED.get(slot).copied().unwrap_or(DEFAULT);
        match all.get_mut(slot) {
            Some(kept) => kept
                .get_or_insert_with(|| Rc::new(Formatters::new(lang)))
                .clone(),
            None => Rc::new(Formatters::new(lang)),
        }
    })
}

/// `write()`'s text for `key`, written once per thread while it is kept.
fn memo(key: (usize, Written, NaiveDateTime), write: impl FnOnce() -> String) -> String {
    WRITTEN.with_borrow_mut(|kept| {
        if let Some(text) = kept.get(&key) {
            return String::from(&**text);
        }
        let text = write();
        if kept.len() >= WRITTEN_MAX {
            kept.clear();
        }
        kept.insert(key, text.as_str().into());
        text
    })
}

fn ymd(local: &NaiveDateTime) -> Option<(i32, u8, u8)> {
    Some((
        local.year(),
        u8::try_from(local.month()).ok()?,
        u8::try_from(local.day()).ok()?,
    ))
}

fn icu_time(local: &NaiveDateTime) -> Option<Time> {
    Time::try_new(
        u8::try_from(local.hour()).ok()?,
        u8::try_from(local.minute()).ok()?,
        0,
        0,
    )
    .ok()
}

impl I18n {
    /// `at` as the wall clock of the reader's time zone shows it.
    fn local(&self, at: &DateTime<Utc>) -> NaiveDateTime {
        match self.time_zone() {
            Some(tz) => at.with_timezone(&tz).naive_local(),
            None => at.naive_utc(),
        }
    }

    /// A day: `Nov 22, 2026`, `22 нояб. 2026 г.`, `2026年11月22日`.
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        let local = self.local(at);
        let day = local.date().and_time(chrono::NaiveTime::MIN);
        memo((self.slot(), Written::Date, day), || {
            let f = formatters(self.slot());
            let date = ymd(&local).and_then(|(y, m, d)| Date::try_new_iso(y, m, d).ok());
            match (&f.date, date) {
                (Some(fmt), Some(d)) => fmt.format(&d).to_string(),
                _ => local.format("%Y-%m-%d").to_string(),
            }
        })
    }

    /// A moment, to the minute, in the reader's time zone (pages say which:
    /// `time_zone_label`).
    pub fn date_time(&self, at: &DateTime<Utc>) -> String {
        let local = self.local(at);
        let minute = local
            .with_second(0)
            .unwrap_or(local)
            .with_nanosecond(0)
            .unwrap_or(local);
        memo((self.slot(), Written::DateTime, minute), || {
            let f = formatters(self.slot());
            let date = ymd(&local).and_then(|(y, m, d)| Date::try_new_iso(y, m, d).ok());
            match (&f.date_time, date, icu_time(&local)) {
                (Some(fmt), Some(date), Some(time)) => {
                    fmt.format(&IcuDateTime { date, time }).to_string()
                }
                _ => local.format("%Y-%m-%d %H:%M").to_string(),
            }
        })
    }

    /// The time of day alone: `9:05 AM`, `09:05`.
    pub fn time(&self, at: &DateTime<Utc>) -> String {
        let local = self.local(at);
        let f = formatters(self.slot());
        match (&f.time, icu_time(&local)) {
            (Some(fmt), Some(t)) => fmt.format(&t).to_string(),
            _ => local.format("%H:%M").to_string(),
        }
    }

    /// A whole number with the language's grouping: `1,234`, `1 234`.
    pub fn number(&self, n: i64) -> String {
        self.decimal(Decimal::from(n))
    }

    fn decimal(&self, d: Decimal) -> String {
        match &formatters(self.slot()).number {
            Some(fmt) => fmt.format(&d).to_string(),
            None => d.to_string(),
        }
    }

    /// An amount in minor units with its currency's digits and its ISO code:
    /// `1,234.50 USD`, `1 234,50 PLN`.
    pub fn money(&self, minor: i64, currency: &str) -> String {
        let exp = money::exponent(currency);
        let mut d = Decimal::from(minor);
        let shift = -i16::try_from(exp).unwrap_or(0);
        d.multiply_pow10(shift);
        d.absolute.pad_end(shift);
        format!("{} {currency}", self.decimal(d))
    }

    /// The decimal mark this language writes: `.` or `,`.
    pub fn decimal_mark(&self) -> char {
        let mut half = Decimal::from(15);
        half.multiply_pow10(-1);
        if self.decimal(half).contains(',') {
            ','
        } else {
            '.'
        }
    }

    /// A file size in binary units: `512 B`, `1.5 MiB`, `1,5 MiB`.
    pub fn size(&self, bytes: i64) -> String {
        const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
        if bytes < 1024 {
            return format!("{} B", self.number(bytes));
        }
        // Tenths of the unit: 1.0 KiB for 1024 bytes, 1.5 MiB for 1536 KiB.
        let mut unit = 0;
        let mut scaled = bytes as f64 / 1024.0;
        while scaled >= 1024.0 && unit + 1 < UNITS.len() {
            scaled /= 1024.0;
            unit += 1;
        }
        let tenths = (scaled * 10.0).round() as i64;
        let mut d = Decimal::from(tenths);
        d.multiply_pow10(-1);
        d.absolute.pad_end(-1);
        let name = UNITS.get(unit).copied().unwrap_or("TiB");
        format!("{} {name}", self.decimal(d))
    }
}

/// A day in the request's language and time zone.
pub fn date(at: &DateTime<Utc>) -> String {
    request_scope::i18n().date(at)
}

/// A moment in the request's language and time zone.
pub fn date_time(at: &DateTime<Utc>) -> String {
    request_scope::i18n().date_time(at)
}

/// Money in the request's language.
pub fn money(minor: i64, currency: &str) -> String {
    request_scope::i18n().money(minor, currency)
}

/// The decimal mark of the request's language.
pub fn decimal_mark() -> char {
    request_scope::i18n().decimal_mark()
}

/// A size in the request's language.
pub fn size(bytes: i64) -> String {
    request_scope::i18n().size(bytes)
}

/// A number in the request's language.
pub fn number(n: i64) -> String {
    request_scope::i18n().number(n)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 21, 5, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn each_language_writes_days_and_moments_its_own_way() {
        let cases = [
            ("en-US", "Nov 22, 2026", "Nov 22, 2026, 9:05\u{202f}PM"),
            ("ru-RU", "22.11.2026", "22.11.2026, 21:05"),
            ("zh-CN", "2026年11月22日", "2026年11月22日 21:05"),
            ("pl-PL", "22.11.2026", "22.11.2026, 21:05"),
            ("cs-CZ", "22. 11. 2026", "22. 11. 2026 21:05"),
        ];
        for (lang, date, date_time) in cases {
            let i = I18n::with_lang(lang);
            assert_eq!(i.lang(), lang);
            assert_eq!(i.date(&at()), date, "{lang}");
            assert_eq!(i.date_time(&at()), date_time, "{lang}");
        }
    }

    #[test]
    fn a_kept_date_is_kept_per_language_zone_and_minute() {
        // Each call twice: the second is read from the thread's table, and
        // must be what the first wrote for that language and zone.
        let en = I18n::default();
        let pl = I18n::with_lang("pl-PL");
        let auckland = I18n::default().in_time_zone(Some("Pacific/Auckland"));
        for _ in 0..2 {
            assert_eq!(en.date(&at()), "Nov 22, 2026");
            assert_eq!(pl.date(&at()), "22.11.2026");
            // 21:05 UTC is the next morning in Auckland.
            assert_eq!(auckland.date(&at()), "Nov 23, 2026");
            assert_eq!(en.date_time(&at()), "Nov 22, 2026, 9:05\u{202f}PM");
            assert_eq!(auckland.date_time(&at()), "Nov 23, 2026, 10:05\u{202f}AM");
            let a_minute_on = at() + chrono::Duration::seconds(60);
            assert_eq!(en.date_time(&a_minute_on), "Nov 22, 2026, 9:06\u{202f}PM");
            let seconds_on = at() + chrono::Duration::seconds(59);
            assert_eq!(en.date_time(&seconds_on), "Nov 22, 2026, 9:05\u{202f}PM");
        }
    }

    #[test]
    fn the_kept_dates_stay_bounded() {
        let en = I18n::default();
        for minute in 0..(WRITTEN_MAX as i64 + 10) {
            en.date_time(&(at() + chrono::Duration::minutes(minute)));
        }
        assert!(WRITTEN.with_borrow(|kept| kept.len()) <= WRITTEN_MAX);
        assert_eq!(en.date_time(&at()), "Nov 22, 2026, 9:05\u{202f}PM");
    }

    #[test]
    fn money_groups_and_keeps_the_currency_digits() {
        let cases = [
            ("en-US", "1,234.50 PLN", "-1,500 JPY", "0.05 EUR"),
            ("ru-RU", "1\u{a0}234,50 PLN", "-1\u{a0}500 JPY", "0,05 EUR"),
            ("zh-CN", "1,234.50 PLN", "-1,500 JPY", "0.05 EUR"),
            // CLDR: Polish groups from five digits on.
            ("pl-PL", "1234,50 PLN", "-1500 JPY", "0,05 EUR"),
            ("cs-CZ", "1\u{a0}234,50 PLN", "-1\u{a0}500 JPY", "0,05 EUR"),
        ];
        for (lang, pln, jpy, eur) in cases {
            let i = I18n::with_lang(lang);
            assert_eq!(i.money(123450, "PLN"), pln, "{lang}");
            assert_eq!(i.money(-1500, "JPY"), jpy, "{lang}");
            assert_eq!(i.money(5, "EUR"), eur, "{lang}");
        }
        assert_eq!(
            I18n::with_lang("pl-PL").money(123456789, "PLN"),
            "1\u{a0}234\u{a0}567,89 PLN"
        );
    }

    /// What a page shows, a reader can type back: every language's amounts
    /// read as they are written, in currencies of 0, 2 and 3 decimals.
    #[test]
    fn amounts_as_shown_are_read_back() {
        for lang in crate::i18n::SUPPORTED {
            let i = I18n::with_lang(lang);
            for currency in ["JPY", "USD", "BHD"] {
                for minor in [0, 5, 1500, 12500, 106900, 123456789] {
                    let shown = i.money(minor, currency);
                    assert_eq!(
                        money::parse(&shown, currency, i.decimal_mark()),
                        Some(minor),
                        "{lang}: {shown:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn sizes_and_numbers_use_the_languages_separators() {
        let en = I18n::default();
        assert_eq!(en.size(0), "0 B");
        assert_eq!(en.size(1023), "1,023 B");
        assert_eq!(en.size(1024), "1.0 KiB");
        assert_eq!(en.size(10 * 1024 * 1024), "10.0 MiB");
        assert_eq!(en.size(3 * 1024_i64.pow(5)), "3,072.0 TiB");
        assert_eq!(en.number(1234567), "1,234,567");
        let ru = I18n::with_lang("ru-RU");
        assert_eq!(ru.size(1536 * 1024), "1,5 MiB");
        assert_eq!(ru.number(1234567), "1\u{a0}234\u{a0}567");
    }

    #[test]
    fn times_follow_the_readers_time_zone_and_never_the_stored_value() {
        let utc = I18n::with_lang("pl-PL");
        assert_eq!(utc.time_zone_name(), "UTC");
        assert_eq!(utc.time(&at()), "21:05");
        let warsaw = I18n::with_lang("pl-PL").in_time_zone(Some("Europe/Warsaw"));
        assert_eq!(warsaw.time_zone_name(), "Europe/Warsaw");
        // 21:05 UTC on 22 November is 22:05 in Warsaw (CET)...
        assert_eq!(warsaw.date_time(&at()), "22.11.2026, 22:05");
        // ...and in Shanghai already the next day.
        let shanghai = I18n::with_lang("zh-CN").in_time_zone(Some("Asia/Shanghai"));
        assert_eq!(shanghai.date(&at()), "2026年11月23日");
        // A name that is no IANA zone is UTC.
        let bad = I18n::default().in_time_zone(Some("Mars/Olympus"));
        assert_eq!(bad.time_zone_name(), "UTC");
    }
}
