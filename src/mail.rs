//! Outgoing mail through one small interface: an SMTP relay (lettre), or
//! for the embedded default and tests a file outbox (`data/outbox/`) that
//! shows what would have been sent.

use std::path::PathBuf;

use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;

#[derive(Clone)]
pub enum Mailer {
    Outbox(PathBuf),
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// The relay of the settings (`PORTAL_SMTP_HOST`, `PORTAL_SMTP_PORT`,
    /// `PORTAL_MAIL_FROM`); else the outbox under the data directory.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Mailer> {
        match &settings.smtp {
            Some(relay) => {
                let from = relay
                    .from
                    .parse()
                    .context("PORTAL_MAIL_FROM is not a mailbox")?;
                let transport =
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(relay.host.clone())
                        .port(relay.port)
                        .build();
                Ok(Mailer::Smtp { transport, from })
            }
            None => Ok(Mailer::Outbox(settings.data_dir.join("outbox"))),
        }
    }

    pub async fn send(&self, mail: &Mail<'_>) -> anyhow::Result<()> {
        match self {
            Mailer::Outbox(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let name = format!("{}-{}.eml", chrono_stamp(), uuid::Uuid::new_v4().simple());
                let text = format!(
                    "To: {}\r\nSubject: {}\r\n\r\n{}\r\n",
                    mail.to, mail.subject, mail.body
                );
                tokio::fs::write(dir.join(name), text).await?;
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let message = Message::builder()
                    .from(from.clone())
                    .to(mail.to.parse().context("bad recipient")?)
                    .subject(&mail.subject)
                    .body(mail.body.clone())?;
                transport.send(message).await?;
                Ok(())
            }
        }
    }
}

/// Sortable file names for the outbox, from the wall clock (only names).
#[allow(clippy::disallowed_methods)]
fn chrono_stamp() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f").to_string()
}
