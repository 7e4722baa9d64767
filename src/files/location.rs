//! Where the files live, as configured: the data directory (the default) or
//! an S3-compatible bucket (`PORTAL_FILES_URL=s3://bucket/prefix`) with its
//! endpoint, region and credentials from the usual `AWS_*` variables.

use secrecy::SecretString;

/// A bucket and the prefix under which `files/` and `attachments/` go.
/// `Debug` shows the secret key as `[REDACTED]`.
#[derive(Debug, Clone)]
pub struct S3Location {
    pub bucket: String,
    /// Without leading or trailing slashes; may be empty.
    pub prefix: String,
    /// `AWS_ENDPOINT_URL` (an S3-compatible server); `None`: AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<SecretString>,
    /// `AWS_ALLOW_HTTP`: a plain-http endpoint (a test or local server).
    pub allow_http: bool,
}

impl S3Location {
    /// `s3://bucket[/prefix]`, the rest from `var` (the environment,
    /// as `config` reads it).
    pub fn parse(url: &str, var: impl Fn(&str) -> Option<String>) -> anyhow::Result<S3Location> {
        let u = url::Url::parse(url.trim())
            .map_err(|e| anyhow::anyhow!("{url} is not a URL (s3://bucket/prefix): {e}"))?;
        anyhow::ensure!(
            u.scheme() == "s3",
            "files URL must be s3://bucket/prefix (the local directory needs no URL)"
        );
        let bucket = u
            .host_str()
            .filter(|b| !b.is_empty())
            .ok_or_else(|| anyhow::anyhow!("{url} names no bucket"))?
            .to_owned();
        anyhow::ensure!(
            u.username().is_empty() && u.password().is_none() && u.query().is_none(),
            "files URL takes no credentials or query: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        );
        let flag = |k: &str| var(k).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        Ok(S3Location {
            bucket,
            prefix: u.path().trim_matches('/').to_owned(),
            endpoint: var("AWS_ENDPOINT_URL").or_else(|| var("AWS_ENDPOINT")),
            region: var("AWS_REGION")
                .or_else(|| var("AWS_DEFAULT_REGION"))
                .unwrap_or_else(|| "us-east-1".into()),
            access_key_id: var("AWS_ACCESS_KEY_ID"),
            secret_access_key: var("AWS_SECRET_ACCESS_KEY").map(SecretString::from),
            allow_http: flag("AWS_ALLOW_HTTP"),
        })
    }

    /// `s3://bucket/prefix`, for messages (no credentials in it).
    pub fn url(&self) -> String {
        if self.prefix.is_empty() {
            format!("s3://{}", self.bucket)
        } else {
            format!("s3://{}/{}", self.bucket, self.prefix)
        }
    }
}

/// `PORTAL_FILES_PRESIGN`: `300s`, `5m` or `300`; at most 7 days (S3's
/// limit on a presigned URL), at least a second.
pub fn parse_presign(v: &str) -> anyhow::Result<std::time::Duration> {
    let v = v.trim();
    let (number, unit) = match v.strip_suffix('s') {
        Some(n) => (n, 1),
        None => match v.strip_suffix('m') {
            Some(n) => (n, 60),
            None => (v, 1),
        },
    };
    let secs: u64 = number.trim().parse().map_err(|_| {
        anyhow::anyhow!("PORTAL_FILES_PRESIGN must be seconds (300s) or minutes (5m)")
    })?;
    let secs = secs.saturating_mul(unit);
    anyhow::ensure!(
        (1..=7 * 24 * 3600).contains(&secs),
        "PORTAL_FILES_PRESIGN must be between 1 second and 7 days"
    );
    Ok(std::time::Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn an_s3_url_names_bucket_and_prefix_and_the_secret_is_never_printed() {
        let l = S3Location::parse(
            "s3://portal-files/prod/eu/",
            env(&[
                ("AWS_ENDPOINT_URL", "http://127.0.0.1:9000"),
                ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
                ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMIsecretK7MDENG"),
                ("AWS_ALLOW_HTTP", "true"),
            ]),
        )
        .expect("valid");
        assert_eq!(
            (l.bucket.as_str(), l.prefix.as_str()),
            ("portal-files", "prod/eu")
        );
        assert_eq!(l.region, "us-east-1");
        assert!(l.allow_http);
        assert_eq!(l.url(), "s3://portal-files/prod/eu");
        let shown = format!("{l:?}");
        assert!(shown.contains("REDACTED"), "{shown}");
        assert!(!shown.contains("wJalr"), "{shown}");
        for bad in [
            "portal-files",
            "https://x/y",
            "s3:///prefix",
            "s3://k:s@bucket/p",
        ] {
            assert!(S3Location::parse(bad, env(&[])).is_err(), "{bad}");
        }
    }

    #[test]
    fn presign_lifetimes_are_seconds_or_minutes_within_s3s_week() {
        assert_eq!(parse_presign("300s").unwrap().as_secs(), 300);
        assert_eq!(parse_presign("5m").unwrap().as_secs(), 300);
        assert_eq!(parse_presign("90").unwrap().as_secs(), 90);
        for bad in ["0", "-5", "five", "8000000", ""] {
            assert!(parse_presign(bad).is_err(), "{bad}");
        }
    }
}
