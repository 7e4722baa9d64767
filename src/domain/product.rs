//! Product kinds, key formats and the per-product policy of SPEC 3.4.

use std::str::FromStr;

use chrono::{DateTime, Duration, Months, Utc};

use super::role::UnknownValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProductKind {
    /// Perpetual software (bought once).
    Perpetual,
    /// A software subscription with a 1- or 3-year term.
    Subscription,
    /// An Azure reserved instance (no keys, no downloads).
    ReservedInstance,
}

impl ProductKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProductKind::Perpetual => "perpetual",
            ProductKind::Subscription => "subscription",
            ProductKind::ReservedInstance => "reserved_instance",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ProductKind::Perpetual => "kind-perpetual",
            ProductKind::Subscription => "kind-subscription",
            ProductKind::ReservedInstance => "kind-reserved-instance",
        }
    }
}

impl FromStr for ProductKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "perpetual" => Ok(ProductKind::Perpetual),
            "subscription" => Ok(ProductKind::Subscription),
            "reserved_instance" => Ok(ProductKind::ReservedInstance),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// How long a purchase can be cancelled, and how far a download link goes.
/// The seeds' values are the defaults; the vendor has changed them over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub cancel_window_days: i64,
    pub link_lifetime_days: i64,
    pub link_download_cap: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            cancel_window_days: 60,
            link_lifetime_days: 14,
            link_download_cap: 50,
        }
    }
}

impl Policy {
    /// The last instant a purchase made at `purchased_at` may be cancelled.
    pub fn cancel_until(&self, purchased_at: DateTime<Utc>) -> DateTime<Utc> {
        purchased_at + Duration::days(self.cancel_window_days)
    }
}

/// When a term of `months` started at `start` ends.
pub fn term_end(start: DateTime<Utc>, months: Option<i64>) -> Option<DateTime<Utc>> {
    let m = u32::try_from(months?).ok()?;
    start.checked_add_months(Months::new(m))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// 32 characters, shown in eight groups of four (the seeds' figure).
    Chars32,
    /// 25 characters in five groups of five (the vendor's real keys).
    Chars25,
}

impl KeyFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyFormat::Chars32 => "chars32",
            KeyFormat::Chars25 => "chars25",
        }
    }

    fn shape(self) -> (usize, usize) {
        match self {
            KeyFormat::Chars32 => (32, 4),
            KeyFormat::Chars25 => (25, 5),
        }
    }

    /// The key without separators, upper-case, if it has this format's shape.
    pub fn normalise(self, input: &str) -> Option<String> {
        let s: String = input
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\t'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let (len, _) = self.shape();
        (s.len() == len
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        .then_some(s)
    }

    /// A normalised key grouped for reading: `XXXX-XXXX-...`.
    pub fn group(self, key: &str) -> String {
        let (_, size) = self.shape();
        key.as_bytes()
            .chunks(size)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl FromStr for KeyFormat {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "chars32" | "32" => Ok(KeyFormat::Chars32),
            "chars25" | "25" => Ok(KeyFormat::Chars25),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// Quantities a partner may order on one line.
pub const QUANTITY: std::ops::RangeInclusive<i64> = 1..=1000;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn keys_normalise_and_group_by_format() {
        let k = KeyFormat::Chars32.normalise("abcd-efgh-ijkl-mnop-qrst-uvwx-yz01-2345");
        assert_eq!(k.as_deref(), Some("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"));
        assert_eq!(
            KeyFormat::Chars32.group("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"),
            "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ01-2345"
        );
        assert_eq!(
            KeyFormat::Chars25.group("ABCDEFGHIJKLMNOPQRSTUVWXY"),
            "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY"
        );
        assert!(
            KeyFormat::Chars25
                .normalise("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")
                .is_none()
        );
        assert!(
            KeyFormat::Chars32
                .normalise("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234!")
                .is_none()
        );
    }

    #[test]
    fn the_cancel_window_is_sixty_days_from_purchase() {
        let t = Utc
            .with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(
            Policy::default().cancel_until(t),
            Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
                .single()
                .unwrap_or_default()
        );
    }
}
