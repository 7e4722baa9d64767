//! The static files, built into the binary. Each is served under a name
//! that carries a hash of its content (`/static/css/portal.3f9c01ab2d.css`),
//! so a browser keeps it for a year without asking again (`immutable`), and
//! a new release changes the name. The gzip form is made once, at the first
//! request, for clients that accept it. Nothing here touches the store or
//! the session: these routes are mounted before the session middleware.
//!
//! The plain name (`/static/css/portal.css`) still answers, for anything
//! that links to it from outside, but may be cached for a few minutes only.

use std::collections::HashMap;
use std::io::Write;
use std::sync::LazyLock;

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use sha2::{Digest, Sha256};

/// Every file under `static/`: its path there, and its content.
const FILES: &[(&str, &[u8])] = &[
    (
        "css/portal.css",
        include_bytes!("../../static/css/portal.css"),
    ),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    (
        "js/software.js",
        include_bytes!("../../static/js/software.js"),
    ),
    (
        "js/confirm.js",
        include_bytes!("../../static/js/confirm.js"),
    ),
];

const YEAR: &str = "public, max-age=31536000, immutable";
const PLAIN: &str = "public, max-age=300";

struct Asset {
    /// The path under `/static/` with the hash in it.
    hashed: String,
    content_type: &'static str,
    etag: String,
    body: Bytes,
    /// Only when it is smaller than `body`.
    gzip: Option<Bytes>,
}

struct Assets {
    by_path: HashMap<&'static str, Asset>,
    /// The hashed path to the plain one.
    by_hashed: HashMap<String, &'static str>,
}

static ASSETS: LazyLock<Assets> = LazyLock::new(|| {
    let mut by_path = HashMap::new();
    let mut by_hashed = HashMap::new();
    for (path, content) in FILES {
        let asset = Asset::new(path, content);
        by_hashed.insert(asset.hashed.clone(), *path);
        by_path.insert(*path, asset);
    }
    Assets { by_path, by_hashed }
});

impl Asset {
    fn new(path: &str, content: &'static [u8]) -> Asset {
        let hash = hex::encode(Sha256::digest(content));
        let short = hash.get(..10).unwrap_or(&hash);
        let hashed = match path.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{short}.{ext}"),
            _ => format!("{path}.{short}"),
        };
        let content_type = content_type(path);
        Asset {
            hashed,
            content_type,
            etag: format!("\"{short}\""),
            body: Bytes::from_static(content),
            gzip: compressible(content_type)
                .then(|| gzip(content))
                .flatten()
                .filter(|z| z.len() < content.len())
                .map(Bytes::from),
        }
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/") || content_type == "image/svg+xml"
}

fn gzip(content: &[u8]) -> Option<Vec<u8>> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(content).ok()?;
    z.finish().ok()
}

/// The address of the static file at `path` under `static/` (for example
/// `css/portal.css`), with its content hash; the templates link through it.
pub fn url(path: &str) -> String {
    match ASSETS.by_path.get(path) {
        Some(a) => format!("/static/{}", a.hashed),
        None => format!("/static/{path}"),
    }
}

/// Makes the hashes and the compressed forms now rather than at the first
/// request.
pub fn prepare() {
    LazyLock::force(&ASSETS);
}

/// `GET /static/{path}`.
pub async fn serve(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let path = path.into_inner();
    let assets = &*ASSETS;
    let (asset, cache) = match assets.by_hashed.get(&path) {
        Some(plain) => (assets.by_path.get(plain), YEAR),
        None => (assets.by_path.get(path.as_str()), PLAIN),
    };
    let Some(asset) = asset else {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("not found");
    };
    let not_modified = fresh(&req, &asset.etag);
    let mut res = if not_modified {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, asset.etag.as_str()))
        .insert_header((header::VARY, "Accept-Encoding"));
    if not_modified {
        return res.finish();
    }
    res.insert_header((header::CONTENT_TYPE, asset.content_type));
    match &asset.gzip {
        Some(z) if accepts_gzip(&req) => res
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .body(z.clone()),
        _ => res.body(asset.body.clone()),
    }
}

/// The client already holds this version.
fn fresh(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
}

fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v: &HeaderValue| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            // "gzip;q=0" refuses it.
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file added to `static/` must be listed in `FILES`, or it would not
    /// be served.
    #[test]
    fn every_file_under_static_is_built_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        let mut on_disk = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("static dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    let rel = path.strip_prefix(&root).expect("under static");
                    on_disk.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(p, _)| (*p).to_owned()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn hashed_names_keep_the_extension() {
        let css = url("css/portal.css");
        assert!(css.starts_with("/static/css/portal."), "{css}");
        assert!(css.ends_with(".css"), "{css}");
        assert_eq!(css.len(), "/static/css/portal..css".len() + 10);
        assert_eq!(url("nope.txt"), "/static/nope.txt");
    }
}
