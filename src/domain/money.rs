//! Money as integer minor units and an ISO 4217 currency: never floating point.

/// Digits after the decimal point for the currencies we meet; 2 otherwise.
pub fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "CLP" | "ISK" | "VND" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// A currency code: three upper-case ASCII letters.
pub fn valid_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// `123456, "USD"` -> `1,234.56 USD`.
pub fn format(minor: i64, currency: &str) -> String {
    let exp = exponent(currency);
    let scale = 10i64.pow(exp);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (units, cents) = (abs / scale as u64, abs % scale as u64);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if exp == 0 {
        format!("{sign}{grouped} {currency}")
    } else {
        format!(
            "{sign}{grouped}.{cents:0width$} {currency}",
            width = exp as usize
        )
    }
}

/// An amount typed by a person in minor units of `currency`, in the forms
/// the portal's languages write it: `2,138.50`, `2 138,50` (spaces or
/// no-break spaces), `2.138,50`, `2138`, with the currency's code after it
/// or not. No sign: prices and refunds are never negative.
///
/// The decimal mark is told from the grouping one by position, not by the
/// reader's language: with both `.` and `,` the last is the decimal mark; a
/// lone `,` followed by one or two digits is one (`12,5`), followed by three
/// it groups thousands (`6,771`); a lone `.` is a decimal point. What could
/// be read either way with the same currency (`1,500` of a currency with
/// three decimals) is refused rather than guessed.
pub fn parse(input: &str, currency: &str) -> Option<i64> {
    let s = input.trim().trim_end_matches(currency).trim();
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let exp = exponent(currency) as usize;
    let (units, frac) = split_decimal(&s, exp)?;
    if units.is_empty()
        || !units.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > exp
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let units = super::number::parse_whole(&units, 0..=i64::MAX)?;
    let frac_padded = format!("{frac:0<exp$}");
    let frac = if exp == 0 {
        0
    } else {
        super::number::parse_whole(&frac_padded, 0..=i64::MAX)?
    };
    units.checked_mul(10i64.pow(exp as u32))?.checked_add(frac)
}

/// `s` (no spaces) as its whole units without grouping marks and its
/// decimals, or `None` where the marks are not a number's.
fn split_decimal(s: &str, exp: usize) -> Option<(String, &str)> {
    let last_mark = s.rfind(['.', ',']);
    let decimal_at = match last_mark {
        None => None,
        Some(i) => {
            let mark = if s[i..].starts_with('.') { '.' } else { ',' };
            let other = if mark == '.' { ',' } else { '.' };
            let digits_after = s.len() - i - 1;
            let lone = s.matches(mark).count() == 1;
            if s.contains(other) {
                // `2,138.50` or `2.138,50`: the last mark is the decimal one.
                Some(lone.then_some(i)?)
            } else if mark == '.' {
                // `2138.50`; `1.234.567` groups.
                lone.then_some(i)
            } else if lone && digits_after != 3 {
                // `12,5`: a decimal comma.
                Some(i)
            } else if lone && exp == 3 {
                // `1,500` of a three-decimal currency: 1500 or 1.5.
                return None;
            } else {
                None
            }
        }
    };
    let (units, frac) = match decimal_at {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    if frac.contains(['.', ',']) {
        return None;
    }
    Some((ungrouped(units)?, frac))
}

/// `units` without its thousands marks, which must group by three.
fn ungrouped(units: &str) -> Option<String> {
    let Some(mark) = units.chars().find(|c| matches!(c, '.' | ',')) else {
        return Some(units.to_owned());
    };
    let mut groups = units.split(mark);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len());
    let mut digits = first.to_owned();
    for g in groups {
        if g.len() != 3 || g.contains(['.', ',']) {
            return None;
        }
        digits.push_str(g);
    }
    first_ok.then_some(digits)
}

/// `unit * quantity`, refusing overflow rather than wrapping.
pub fn line_total(unit_minor: i64, quantity: i64) -> Option<i64> {
    unit_minor.checked_mul(quantity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_format_with_grouping_and_the_currency_exponent() {
        assert_eq!(format(123456, "USD"), "1,234.56 USD");
        assert_eq!(format(5, "EUR"), "0.05 EUR");
        assert_eq!(format(100000000, "USD"), "1,000,000.00 USD");
        assert_eq!(format(1500, "JPY"), "1,500 JPY");
        assert_eq!(format(-250, "USD"), "-2.50 USD");
    }

    #[test]
    fn typed_amounts_parse_in_minor_units_of_their_currency() {
        assert_eq!(parse("6,771.00", "USD"), Some(677100));
        assert_eq!(parse("6771", "USD"), Some(677100));
        assert_eq!(parse("1500 JPY", "JPY"), Some(1500));
        assert_eq!(parse("1.5", "JPY"), None);
        for bad in ["", "abc", "1.234", "-5", "+5", "1e3", "100%"] {
            assert_eq!(parse(bad, "USD"), None, "{bad}");
        }
    }

    /// The forms the portal's languages write (and show) amounts in.
    #[test]
    fn amounts_parse_as_each_language_writes_them() {
        for (typed, minor) in [
            ("2,138.50", 213850),
            ("2 138,50", 213850),
            ("2\u{a0}138,50 USD", 213850),
            ("2\u{202f}138,50", 213850),
            ("2.138,50", 213850),
            ("12,5", 1250),
            ("12,50", 1250),
            ("6,771", 677100),
            ("1,234,567.89", 123456789),
            ("1.234.567,89", 123456789),
            ("1.234.567", 123456700),
            ("0,05", 5),
        ] {
            assert_eq!(parse(typed, "USD"), Some(minor), "{typed}");
        }
        assert_eq!(parse("1 500", "JPY"), Some(1500));
        assert_eq!(parse("1,500", "JPY"), Some(1500));
        assert_eq!(parse("1,5", "JPY"), None);
        assert_eq!(parse("1.500,250", "BHD"), Some(1500250));
        assert_eq!(parse("1,500", "BHD"), None, "1500 or 1.5: not guessed");
        for bad in [
            "1,2,3",
            "12,34,56",
            "1,23.45",
            "1.234,5,6",
            "2.138.50",
            "2,138,5",
            ",5",
            "1,234,5678",
            "1.2.3,45",
            "1,2345",
        ] {
            assert_eq!(parse(bad, "USD"), None, "{bad}");
        }
    }

    #[test]
    fn totals_never_overflow_silently() {
        assert_eq!(line_total(1000, 3), Some(3000));
        assert_eq!(line_total(i64::MAX, 2), None);
    }
}
