//! Who is on the other end: the client's address, taken from
//! `X-Forwarded-For` only when the connection comes from a configured trusted
//! proxy (a header anyone else sends is ignored), and never the request's
//! Host or forwarded host for anything but comparisons.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;

/// The client's address for throttling and the audit log.
pub fn client_ip(req: &HttpRequest, trusted: &[IpNet]) -> Option<String> {
    let peer = req.peer_addr()?.ip();
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    Some(resolve(peer, &forwarded, trusted).to_string())
}

/// Walks the proxy chain from the nearest hop: the first address that is not
/// a trusted proxy is the client. Entries left of it were written by the
/// client itself and prove nothing.
fn resolve(peer: IpAddr, forwarded: &str, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded.rsplit(',').map(str::trim) {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // A garbled hop: stop at the last address we could vouch for.
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn ip(s: &str) -> std::net::IpAddr {
        s.parse().expect("ip")
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxies = vec!["10.0.0.0/8".parse().expect("net")];
        // Not from the proxy: the header is whatever the client wrote.
        assert_eq!(
            resolve(ip("203.0.113.9"), "1.2.3.4", &proxies),
            ip("203.0.113.9")
        );
        // From the proxy: the nearest untrusted hop, not the client's own claim.
        assert_eq!(
            resolve(ip("10.0.0.2"), "1.2.3.4, 198.51.100.7", &proxies),
            ip("198.51.100.7")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), "198.51.100.7, 10.0.0.5", &proxies),
            ip("198.51.100.7")
        );
        assert_eq!(resolve(ip("10.0.0.2"), "", &proxies), ip("10.0.0.2"));
        assert_eq!(
            resolve(ip("10.0.0.2"), "junk, 198.51.100.7", &proxies),
            ip("198.51.100.7")
        );
        assert_eq!(resolve(ip("10.0.0.2"), "junk", &proxies), ip("10.0.0.2"));
        assert_eq!(resolve(ip("127.0.0.1"), "1.2.3.4", &[]), ip("127.0.0.1"));
    }
}
