//! The CSRF token of a `multipart/form-data` request: the form's first part,
//! which must be a small text field named `csrf_token` ending within the
//! first [`MAX_HEAD_BYTES`] of the body (browsers send parts in DOM order, so
//! the hidden input comes first in the form). Only that much is read here;
//! the bytes read and the rest of the stream go on to the handler unchanged,
//! so an upload is still streamed, never held whole in memory.

use actix_web::HttpMessage;
use actix_web::dev::{Payload, ServiceRequest};
use actix_web::error::PayloadError;
use actix_web::http::header::{self, ContentDisposition, HeaderValue};
use actix_web::web::{Bytes, BytesMut};
use futures_util::StreamExt;

/// The first part (boundary, headers, value) must end within this many bytes.
pub const MAX_HEAD_BYTES: usize = 4 * 1024;

/// What the start of the body says about its first part.
#[derive(Debug, PartialEq, Eq)]
enum FirstPart {
    /// The first part is the text field `field`, with this value.
    Token(String),
    /// The first part is something else, or is not a well-formed text field.
    NotToken,
    /// More bytes are needed to tell.
    Incomplete,
}

/// The token given in the first part of a multipart request, if that part is
/// the field `field`. The payload is put back whatever the answer.
pub async fn given_token(
    req: &mut ServiceRequest,
    field: &str,
) -> Result<Option<String>, PayloadError> {
    let Some(boundary) = boundary(req) else {
        return Ok(None);
    };
    let mut payload = req.take_payload();
    let mut head = BytesMut::new();
    let mut parsed = FirstPart::Incomplete;
    let mut failed = None;
    while parsed == FirstPart::Incomplete && head.len() < MAX_HEAD_BYTES {
        match payload.next().await {
            Some(Ok(chunk)) => {
                head.extend_from_slice(&chunk);
                parsed = first_part(&head, &boundary, field);
            }
            Some(Err(e)) => {
                failed = Some(e);
                break;
            }
            None => break,
        }
    }
    // Hand on exactly what was read, then the rest as it arrives.
    let read = head.freeze();
    let rest =
        futures_util::stream::iter((!read.is_empty()).then_some(Ok::<Bytes, PayloadError>(read)))
            .chain(payload);
    req.set_payload(Payload::from(rest.boxed_local()));
    if let Some(e) = failed {
        return Err(e);
    }
    Ok(match parsed {
        FirstPart::Token(t) => Some(t),
        FirstPart::NotToken | FirstPart::Incomplete => None,
    })
}

fn boundary(req: &ServiceRequest) -> Option<String> {
    let ct: mime::Mime = req
        .headers()
        .get(header::CONTENT_TYPE)?
        .to_str()
        .ok()?
        .parse()
        .ok()?;
    let b = ct.get_param(mime::BOUNDARY)?.as_str();
    (!b.is_empty()).then(|| b.to_owned())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads the first part from the start of the body (at most
/// [`MAX_HEAD_BYTES`] of it). A preamble before the first boundary is not
/// accepted: browsers send none.
fn first_part(body: &[u8], boundary: &str, field: &str) -> FirstPart {
    let complete_if_longer = body.len() >= MAX_HEAD_BYTES;
    let body = body.get(..MAX_HEAD_BYTES).unwrap_or(body);
    let incomplete = if complete_if_longer {
        FirstPart::NotToken
    } else {
        FirstPart::Incomplete
    };
    let opening = format!("--{boundary}\r\n");
    if body.len() < opening.len() {
        return if opening.as_bytes().starts_with(body) {
            incomplete
        } else {
            FirstPart::NotToken
        };
    }
    let Some(rest) = body.strip_prefix(opening.as_bytes()) else {
        return FirstPart::NotToken;
    };
    let Some(end_of_headers) = find(rest, b"\r\n\r\n") else {
        return incomplete;
    };
    let Some((headers, after_headers)) = rest.split_at_checked(end_of_headers) else {
        return incomplete;
    };
    let is_field = headers
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .filter_map(|line| {
            let colon = line.iter().position(|b| *b == b':')?;
            let (name, value) = line.split_at(colon);
            name.eq_ignore_ascii_case(b"content-disposition")
                .then(|| HeaderValue::from_bytes(value.get(1..)?.trim_ascii()).ok())
                .flatten()
        })
        .filter_map(|value| ContentDisposition::from_raw(&value).ok())
        .any(|cd| {
            cd.is_form_data()
                && cd.get_name() == Some(field)
                && cd.get_filename().is_none()
                && cd.get_filename_ext().is_none()
        });
    if !is_field {
        return FirstPart::NotToken;
    }
    let value = after_headers.get(4..).unwrap_or_default();
    let delimiter = format!("\r\n--{boundary}");
    let Some(end) = find(value, delimiter.as_bytes()) else {
        return incomplete;
    };
    match std::str::from_utf8(value.get(..end).unwrap_or_default()) {
        Ok(v) => FirstPart::Token(v.to_owned()),
        Err(_) => FirstPart::NotToken,
    }
}

#[cfg(test)]
mod tests {
    use super::{FirstPart, MAX_HEAD_BYTES, first_part};

    const B: &str = "XyZ";

    fn part(headers: &str, value: &str) -> String {
        format!("--{B}\r\n{headers}\r\n\r\n{value}\r\n--{B}\r\n")
    }

    #[test]
    fn the_first_part_named_csrf_token_gives_the_token() {
        let body = part(
            r#"Content-Disposition: form-data; name="csrf_token""#,
            "abc",
        );
        assert_eq!(
            first_part(body.as_bytes(), B, "csrf_token"),
            FirstPart::Token("abc".into())
        );
        let body = part(
            "content-disposition: form-data; name=csrf_token\r\nContent-Type: text/plain",
            "abc",
        );
        assert_eq!(
            first_part(body.as_bytes(), B, "csrf_token"),
            FirstPart::Token("abc".into())
        );
    }

    #[test]
    fn another_first_part_or_a_file_gives_none() {
        let body = part(r#"Content-Disposition: form-data; name="title""#, "abc");
        assert_eq!(
            first_part(body.as_bytes(), B, "csrf_token"),
            FirstPart::NotToken
        );
        let body = part(
            r#"Content-Disposition: form-data; name="csrf_token"; filename="t.txt""#,
            "abc",
        );
        assert_eq!(
            first_part(body.as_bytes(), B, "csrf_token"),
            FirstPart::NotToken
        );
        let body = format!(
            "preamble\r\n{}",
            part(
                r#"Content-Disposition: form-data; name="csrf_token""#,
                "abc"
            )
        );
        assert_eq!(
            first_part(body.as_bytes(), B, "csrf_token"),
            FirstPart::NotToken
        );
    }

    #[test]
    fn a_part_cut_short_needs_more_until_the_head_is_full() {
        let body = part(
            r#"Content-Disposition: form-data; name="csrf_token""#,
            "abc",
        );
        for cut in [1, 10, body.len() - 8] {
            assert_eq!(
                first_part(&body.as_bytes()[..cut], B, "csrf_token"),
                FirstPart::Incomplete,
                "{cut}"
            );
        }
        let long = part(
            r#"Content-Disposition: form-data; name="csrf_token""#,
            &"a".repeat(MAX_HEAD_BYTES),
        );
        assert_eq!(
            first_part(long.as_bytes(), B, "csrf_token"),
            FirstPart::NotToken
        );
    }
}
