//! Download-link rules (SPEC 3.3 step 5): a link works until its expiry or
//! its download cap, whichever comes first; only a transfer from byte 0
//! counts as a download, so resuming does not use one up.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Live,
    Expired,
    UsedUp,
    Revoked,
}

/// The state of a link at `now`. Revocation wins, then expiry, then the cap.
pub fn state(
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    used: i64,
    cap: i64,
    revoked: bool,
) -> LinkState {
    if revoked {
        LinkState::Revoked
    } else if now >= expires_at {
        LinkState::Expired
    } else if used >= cap {
        LinkState::UsedUp
    } else {
        LinkState::Live
    }
}

/// Whether a request with this `Range` header starts a new download: no
/// range, or a range from byte 0. `bytes=500-` resumes one already counted.
pub fn starts_a_download(range: Option<&str>) -> bool {
    let Some(range) = range else { return true };
    let Some(spec) = range.trim().strip_prefix("bytes=") else {
        return true;
    };
    // Only the first range matters: a multi-range from 0 is still a start.
    let first = spec.split(',').next().unwrap_or("").trim();
    match first.split_once('-') {
        // A suffix range (`bytes=-500`) fetches the tail: a resume too.
        Some((start, _)) => start.trim() == "0",
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn a_link_expires_at_its_instant_and_stops_at_its_cap() {
        let t = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let exp = t + Duration::days(14);
        assert_eq!(
            state(exp - Duration::seconds(1), exp, 0, 50, false),
            LinkState::Live
        );
        assert_eq!(state(exp, exp, 0, 50, false), LinkState::Expired);
        assert_eq!(state(t, exp, 49, 50, false), LinkState::Live);
        assert_eq!(state(t, exp, 50, 50, false), LinkState::UsedUp);
        assert_eq!(state(t, exp, 0, 50, true), LinkState::Revoked);
    }

    #[test]
    fn only_transfers_from_byte_zero_count() {
        assert!(starts_a_download(None));
        assert!(starts_a_download(Some("bytes=0-")));
        assert!(starts_a_download(Some("bytes=0-99")));
        assert!(!starts_a_download(Some("bytes=100-")));
        assert!(
            !starts_a_download(Some("bytes=-500")),
            "a suffix range is a resume of the tail"
        );
    }
}
