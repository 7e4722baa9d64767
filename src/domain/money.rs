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
/// no-break spaces), `2.138,50`, `2138`, with the currency's code before or
/// after it or not. No sign: prices and refunds are never negative.
///
/// The decimal mark is told from the grouping one by position, not by the
/// reader's language: with both `.` and `,` the last is the decimal mark; a
/// lone `,` followed by three digits groups thousands (`6,771`), followed
/// by another count of digits it is a decimal comma (`12,5`); a lone `.` is
/// a decimal point. Only a currency with three decimals leaves `1,500`
/// either way, and there `decimal_mark`, the reader's language's, decides.
/// Groups are of three digits, whatever marks them, and a grouped number
/// does not start with 0 (`0,500` is no thousand).
pub fn parse(input: &str, currency: &str, decimal_mark: char) -> Option<i64> {
    let s: String = input
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '\u{a0}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let s = without_code(s.trim(), currency).trim();
    let exp = exponent(currency) as usize;
    let (units, frac) = split_decimal(s, exp, decimal_mark)?;
    if frac.len() > exp || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let units = super::number::parse_whole(&ungrouped(units)?, 0..=i64::MAX)?;
    let frac_padded = format!("{frac:0<exp$}");
    let frac = if exp == 0 {
        0
    } else {
        super::number::parse_whole(&frac_padded, 0..=i64::MAX)?
    };
    units.checked_mul(10i64.pow(exp as u32))?.checked_add(frac)
}

/// `s` without the currency's code in front or behind, in any case.
fn without_code<'a>(s: &'a str, currency: &str) -> &'a str {
    let n = currency.len();
    if n > 0 && s.len() >= n {
        if s.get(..n).is_some_and(|h| h.eq_ignore_ascii_case(currency)) {
            return &s[n..];
        }
        if s.get(s.len() - n..)
            .is_some_and(|t| t.eq_ignore_ascii_case(currency))
        {
            return &s[..s.len() - n];
        }
    }
    s
}

/// `s` split at its decimal mark (whole units, decimals), or `None` where
/// its marks are not a number's.
fn split_decimal(s: &str, exp: usize, decimal_mark: char) -> Option<(&str, &str)> {
    let Some(i) = s.rfind(['.', ',']) else {
        return Some((s, ""));
    };
    let mark = if s[i..].starts_with('.') { '.' } else { ',' };
    let other = if mark == '.' { ',' } else { '.' };
    if s.matches(mark).count() > 1 {
        // `1.234.567`, `6,771,000`: grouping marks, no decimals.
        return (!s.contains(other)).then_some((s, ""));
    }
    let digits_after = s.len() - i - 1;
    let decimal =
        s.contains(other) || mark == '.' || digits_after != 3 || (exp == 3 && decimal_mark == ',');
    Some(if decimal {
        (&s[..i], &s[i + 1..])
    } else {
        (s, "")
    })
}

/// `units` as bare digits: grouped by one kind of mark (space, `.` or `,`)
/// into threes after a first group of one to three that is not a lone
/// leading zero, or not grouped at all.
fn ungrouped(units: &str) -> Option<String> {
    let Some(mark) = units.chars().find(|c| matches!(c, ' ' | '.' | ',')) else {
        return units
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| units.to_owned());
    };
    let mut groups = units.split(mark);
    let first = groups.next()?;
    let mut digits = first.to_owned();
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        digits.push_str(g);
    }
    (first_ok && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
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
        assert_eq!(parse("6,771.00", "USD", '.'), Some(677100));
        assert_eq!(parse("6771", "USD", '.'), Some(677100));
        assert_eq!(parse("1500 JPY", "JPY", '.'), Some(1500));
        assert_eq!(parse("1.5", "JPY", '.'), None);
        for bad in ["", "abc", "1.234", "-5", "+5", "1e3", "100%"] {
            assert_eq!(parse(bad, "USD", '.'), None, "{bad}");
        }
    }

    /// The forms the portal's languages write (and show) amounts in, read
    /// the same whichever language the reader has.
    #[test]
    fn amounts_parse_as_each_language_writes_them() {
        for mark in ['.', ','] {
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
                ("1 234 567,89", 123456789),
                ("1.234.567", 123456700),
                ("0,05", 5),
                ("0.5", 50),
                ("100 usd", 10000),
                ("USD 100", 10000),
            ] {
                assert_eq!(parse(typed, "USD", mark), Some(minor), "{typed} ({mark})");
            }
            assert_eq!(parse("1 500", "JPY", mark), Some(1500));
            assert_eq!(parse("1,500", "JPY", mark), Some(1500));
            assert_eq!(parse("1,5", "JPY", mark), None);
            assert_eq!(parse("1.500,250", "BHD", mark), Some(1500250));
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
                "0,500",
                "00,123",
                "1 23,45",
                "12 5",
                "1 234.567,89",
                ",",
                ".",
                "١٢٣",
            ] {
                assert_eq!(parse(bad, "USD", mark), None, "{bad} ({mark})");
            }
        }
        // Only here does the reader's language decide.
        assert_eq!(parse("1,500", "BHD", ','), Some(1500));
        assert_eq!(parse("1,500", "BHD", '.'), Some(1500000));
        assert_eq!(parse("12,500", "BHD", ','), Some(12500));
    }

    #[test]
    fn totals_never_overflow_silently() {
        assert_eq!(line_total(1000, 3), Some(3000));
        assert_eq!(line_total(i64::MAX, 2), None);
    }
}
