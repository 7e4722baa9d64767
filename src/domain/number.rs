//! Whole numbers typed into forms. Only ASCII digits are a number here:
//! `str::parse::<i64>` alone would also take `+5` (and `-0`), which a person
//! did not mean and a forged request should not get through.

use std::ops::RangeInclusive;

/// `input` (surrounding white space ignored) as a whole number in `range`:
/// one or more ASCII digits and nothing else, no sign, no separators.
pub fn parse_whole(input: &str, range: RangeInclusive<i64>) -> Option<i64> {
    let s = input.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Digits only, so the one way left to fail is overflow.
    let n: i64 = s.parse().ok()?;
    range.contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_range_are_numbers() {
        assert_eq!(parse_whole("5", 1..=1000), Some(5));
        assert_eq!(parse_whole(" 1000 ", 1..=1000), Some(1000));
        assert_eq!(parse_whole("007", 1..=1000), Some(7));
        assert_eq!(parse_whole("0", 0..=10), Some(0));
    }

    #[test]
    fn signs_separators_and_other_digits_are_not() {
        for bad in [
            "", " ", "+5", "-5", "-0", "+0", "5.0", "1e3", "1,000", "1 000", "5x", "٥", "0x10",
        ] {
            assert_eq!(parse_whole(bad, 0..=i64::MAX), None, "{bad:?}");
        }
    }

    #[test]
    fn out_of_range_and_overflow_are_not() {
        assert_eq!(parse_whole("1001", 1..=1000), None);
        assert_eq!(parse_whole("0", 1..=1000), None);
        assert_eq!(parse_whole("99999999999999999999", 0..=i64::MAX), None);
    }
}
