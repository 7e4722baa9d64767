//! CSV for exports: RFC 4180 quoting, and cells that a spreadsheet would run
//! as a formula are defused (OWASP's CSV injection advice).

/// One field, quoted when needed.
pub fn field(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// One record, ended by CRLF as RFC 4180 asks.
pub fn record(values: &[&str]) -> String {
    let mut line = values
        .iter()
        .map(|v| field(v))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(record(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }
}
