//! The reminder job, run inside the server on a schedule: admin agents get
//! one e-mail when a purchase has 7 days left to cancel, and one summary a
//! day of the links that expire tomorrow (UTC). Each reminder is claimed in
//! the database first, so several instances on one PostgreSQL send it once.

use std::collections::BTreeMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::i18n::I18n;
use crate::mail::Mail;
use crate::store::reminders;
use crate::web::state::AppState;

pub const WINDOW_NOTICE_DAYS: i64 = 7;
/// How often the job looks; a reminder is due within this of its time.
pub const INTERVAL: StdDuration = StdDuration::from_secs(15 * 60);

/// One pass of the job at `now`; returns how many mails it sent.
pub async fn run(state: &AppState, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let i18n = I18n::default();
    let mut sent = 0;
    for c in
        reminders::windows_closing(&state.db, now, now + Duration::days(WINDOW_NOTICE_DAYS)).await?
    {
        if !reminders::claim(&state.db, "cancel_window", c.subscription_id, "7d", now).await? {
            continue;
        }
        let days_left = ((c.cancel_until - now).num_seconds() + 86_399) / 86_400;
        for to in reminders::admin_agents(&state.db, c.partner_id).await? {
            let mail = Mail {
                to: &to,
                subject: i18n.t1("mail-window-subject", "product", &c.product_name),
                body: i18n.t_args(
                    "mail-window-body",
                    &[
                        ("product", &c.product_name),
                        ("customer", &c.customer_name),
                        ("days", &days_left.to_string()),
                        (
                            "until",
                            &c.cancel_until.format("%Y-%m-%d %H:%M UTC").to_string(),
                        ),
                    ],
                ),
            };
            state.mailer.send(&mail).await?;
            sent += 1;
        }
    }
    let tomorrow = (now + Duration::days(1)).date_naive();
    let start = tomorrow
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let mut by_partner: BTreeMap<Uuid, Vec<reminders::Expiring>> = BTreeMap::new();
    for l in reminders::links_expiring(&state.db, start, start + Duration::days(1)).await? {
        by_partner.entry(l.partner_id).or_default().push(l);
    }
    let period = tomorrow.to_string();
    for (partner, links) in by_partner {
        if !reminders::claim(&state.db, "links_expiring", partner, &period, now).await? {
            continue;
        }
        let lines: Vec<String> = links
            .iter()
            .map(|l| {
                format!(
                    "- {} · {} · {}",
                    l.customer_name,
                    l.file_name,
                    l.expires_at.format("%H:%M UTC")
                )
            })
            .collect();
        for to in reminders::admin_agents(&state.db, partner).await? {
            let mail = Mail {
                to: &to,
                subject: i18n.t1("mail-links-subject", "date", &period),
                body: i18n.t_args(
                    "mail-links-body",
                    &[("date", &period), ("links", &lines.join("\n"))],
                ),
            };
            state.mailer.send(&mail).await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Runs the job (and housekeeping) every `INTERVAL` for as long as the
/// server runs.
pub fn spawn(state: actix_web::web::Data<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(INTERVAL);
        loop {
            tick.tick().await;
            if let Err(e) = run(&state, state.clock.now()).await {
                tracing::warn!(error = %e, "reminder job failed; it will try again");
            }
            if let Err(e) = crate::housekeeping::run(&state.db, state.clock.now()).await {
                tracing::warn!(error = %e, "housekeeping failed; it will try again");
            }
        }
    });
}
