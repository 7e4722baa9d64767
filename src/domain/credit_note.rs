//! Credit notes (SPEC 2, 3.4): issued when a cancellation is approved, for
//! 100% of the line, numbered per partner 1, 2, 3... without gaps.

/// How a credit note's number is written on its page and in links:
/// `CN-000042` (at least six digits, so that lists sort as people read them).
pub fn label(number: i64) -> String {
    format!("CN-{number:06}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_written_with_six_digits_at_least() {
        assert_eq!(super::label(1), "CN-000001");
        assert_eq!(super::label(1_234_567), "CN-1234567");
    }
}
