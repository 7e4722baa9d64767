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

/// An amount typed by a person (`2,138.00`, `2138`, `2138.5 USD`) in minor
/// units of `currency`: digits, optional grouping commas or spaces, and no
/// more decimals than the currency has. No sign: prices and refunds are
/// never negative.
pub fn parse(input: &str, currency: &str) -> Option<i64> {
    let s = input.trim().trim_end_matches(currency).trim();
    let s: String = s.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let exp = exponent(currency) as usize;
    let (units, frac) = s.split_once('.').unwrap_or((&s, ""));
    if units.is_empty()
        || !units.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > exp
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let units = super::number::parse_whole(units, 0..=i64::MAX)?;
    let frac_padded = format!("{frac:0<exp$}");
    let frac = if exp == 0 {
        0
    } else {
        super::number::parse_whole(&frac_padded, 0..=i64::MAX)?
    };
    units.checked_mul(10i64.pow(exp as u32))?.checked_add(frac)
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

    #[test]
    fn totals_never_overflow_silently() {
        assert_eq!(line_total(1000, 3), Some(3000));
        assert_eq!(line_total(i64::MAX, 2), None);
    }
}
