//! Outgoing mail: one RFC 5322 message, built once, handed to an SMTP relay
//! or, for the embedded default and tests, to lettre's file transport, which
//! writes it to `data/outbox/` (one `.eml` file per message) exactly as the
//! relay would have received it.

use std::path::PathBuf;

use anyhow::Context;
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

#[derive(Clone)]
enum Transport {
    Outbox {
        dir: PathBuf,
        files: AsyncFileTransport<Tokio1Executor>,
    },
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// The relay of the settings (`PORTAL_SMTP_HOST`, `PORTAL_SMTP_PORT`),
    /// else the outbox under the data directory; `PORTAL_MAIL_FROM` signs
    /// both.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Mailer> {
        let from = settings
            .mail_from
            .parse()
            .context("PORTAL_MAIL_FROM is not a mailbox")?;
        let transport = match &settings.smtp {
            Some(relay) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(relay.host.clone())
                    .port(relay.port)
                    .build(),
            ),
            None => {
                let dir = settings.data_dir.join("outbox");
                Transport::Outbox {
                    files: AsyncFileTransport::new(&dir),
                    dir,
                }
            }
        };
        Ok(Mailer { from, transport })
    }

    pub async fn send(&self, mail: &Mail<'_>) -> anyhow::Result<()> {
        // A MIME part (not a bare body) so the message says its charset and
        // MIME version; lettre picks the transfer encoding (7bit, else
        // quoted-printable or base64 for long lines and non-ASCII), so any
        // relay takes it.
        let message = Message::builder()
            .message_id(Some(message_id(&self.from)))
            .from(self.from.clone())
            .to(mail.to.parse().context("bad recipient")?)
            .subject(&mail.subject)
            .singlepart(SinglePart::plain(mail.body.clone()))?;
        match &self.transport {
            Transport::Outbox { dir, files } => {
                tokio::fs::create_dir_all(dir).await?;
                files.send(message).await?;
            }
            Transport::Smtp(relay) => {
                relay.send(message).await?;
            }
        }
        Ok(())
    }
}

/// `<send time.random@sender's domain>`. The outbox's file names are random
/// (lettre's), so whoever reads it in sending order sorts by this id: its
/// fixed-width UTC time to the nanosecond sorts as text, whatever the
/// file system keeps of modification times. Unique by the random part.
fn message_id(from: &Mailbox) -> String {
    format!(
        "<{}.{}@{}>",
        wall_clock_stamp(),
        uuid::Uuid::new_v4().simple(),
        from.email.domain()
    )
}

/// The system clock, not the application's: it orders mail as sent (a test
/// clock stands still between two mails), and it is what the Date header
/// lettre writes reads too.
#[allow(clippy::disallowed_methods)]
fn wall_clock_stamp() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%S%.9fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_sort_in_sending_order_and_are_valid() {
        let from: Mailbox = "CSP Portal <no-reply@portal.example>".parse().unwrap();
        let ids: Vec<String> = (0..50).map(|_| message_id(&from)).collect();
        let re =
            regex::Regex::new(r"^<(\d{8}T\d{6}\.\d{9}Z)\.[0-9a-f]{32}@portal\.example>$").unwrap();
        let stamps: Vec<&str> = ids
            .iter()
            .map(|id| re.captures(id).expect(id).get(1).unwrap().as_str())
            .collect();
        assert!(stamps.windows(2).all(|w| w[0] <= w[1]), "{stamps:?}");
    }

    #[tokio::test]
    async fn the_outbox_holds_the_message_a_relay_would_get() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer {
            from: "CSP Portal <no-reply@portal.example>".parse().unwrap(),
            transport: Transport::Outbox {
                dir: dir.path().join("outbox"),
                files: AsyncFileTransport::new(dir.path().join("outbox")),
            },
        };
        // Longer than a line may be, with a link and text that is not ASCII.
        let link = format!("https://portal.example/invitation/{}", "A".repeat(43));
        let body = format!("Grüße aus Zürich: open {link} to choose your password. Ünïcödé.");
        let subject = "Einladung für Müller GmbH".to_owned();
        mailer
            .send(&Mail {
                to: "anna@customer.example",
                subject: subject.clone(),
                body: body.clone(),
            })
            .await
            .unwrap();

        let files: Vec<_> = std::fs::read_dir(dir.path().join("outbox"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        let raw = std::fs::read_to_string(&files[0]).unwrap();
        for header in [
            "From: \"CSP Portal\" <no-reply@portal.example>\r\n",
            "To: anna@customer.example\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "MIME-Version: 1.0\r\n",
            "Message-ID: <",
            "Date: ",
        ] {
            assert!(raw.contains(header), "{header} in {raw}");
        }
        // What SMTP without extensions carries: ASCII, lines of at most 998
        // octets, and a body folded to 76.
        assert!(raw.is_ascii(), "{raw}");
        assert!(raw.split("\r\n").all(|l| l.len() <= 998), "{raw}");
        let (_, encoded_body) = raw.split_once("\r\n\r\n").unwrap();
        assert!(encoded_body.split("\r\n").all(|l| l.len() <= 76), "{raw}");
        assert!(!encoded_body.contains(&link), "folded or encoded: {raw}");
        let parsed = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .unwrap();
        assert_eq!(parsed.subject(), Some(subject.as_str()));
        assert_eq!(
            parsed.body_text(0).as_deref().map(str::trim_end),
            Some(body.as_str())
        );
    }
}
