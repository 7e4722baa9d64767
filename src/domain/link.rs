//! Download-link rules (SPEC 3.3 step 5): a link works until its expiry or
//! its download cap, whichever comes first; only a transfer from byte 0
//! counts as a download, so resuming does not use one up. Once it stops
//! working, its history says why and when.

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

/// Why a link stopped working, and when (unknown only for a link used up
/// before the store kept that moment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    pub why: LinkState,
    pub at: Option<DateTime<Utc>>,
}

/// How a link ended, as of `now`: whichever of revocation, last allowed
/// download and expiry came first (a link used up on day 3 ended then, not
/// at its expiry); `None` while it works. Ties go to revocation, a
/// deliberate act.
pub fn ending(
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    used: i64,
    cap: i64,
    used_up_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
) -> Option<Ending> {
    let expired = (now >= expires_at).then_some(expires_at);
    let first = [
        (LinkState::Revoked, revoked_at),
        (LinkState::UsedUp, used_up_at),
        (LinkState::Expired, expired),
    ]
    .into_iter()
    .filter_map(|(why, at)| at.map(|at| (why, at)))
    .min_by_key(|(_, at)| *at);
    match first {
        Some((why, at)) => Some(Ending { why, at: Some(at) }),
        None if used >= cap => Some(Ending {
            why: LinkState::UsedUp,
            at: None,
        }),
        None => None,
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
    fn a_link_ended_by_whatever_came_first() {
        let t = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let exp = t + Duration::days(14);
        let day = |n| t + Duration::days(n);
        assert_eq!(ending(day(13), exp, 49, 50, None, None), None, "live");
        let at = |why, at| Some(Ending { why, at: Some(at) });
        assert_eq!(
            ending(exp, exp, 0, 50, None, None),
            at(LinkState::Expired, exp),
            "expired at its instant"
        );
        assert_eq!(
            ending(day(20), exp, 50, 50, Some(day(3)), None),
            at(LinkState::UsedUp, day(3)),
            "used up on day 3, not expired on day 14"
        );
        assert_eq!(
            ending(day(20), exp, 50, 50, Some(day(5)), Some(day(4))),
            at(LinkState::Revoked, day(4))
        );
        assert_eq!(
            ending(day(20), exp, 2, 50, None, Some(day(15))),
            at(LinkState::Expired, exp),
            "revoking an expired link changes nothing"
        );
        assert_eq!(
            ending(day(2), exp, 5, 50, Some(day(2)), Some(day(2))),
            at(LinkState::Revoked, day(2)),
            "a tie goes to revocation"
        );
        assert_eq!(
            ending(day(2), exp, 50, 50, None, None),
            Some(Ending {
                why: LinkState::UsedUp,
                at: None
            }),
            "used up before the moment was kept"
        );
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
