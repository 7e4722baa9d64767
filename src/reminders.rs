//! The reminder job, run inside the server on a schedule: admin agents get
//! one e-mail when a purchase has 7 days left to cancel, and one summary a
//! day of the links that expire tomorrow (UTC). Each reminder is claimed in
//! the database first, so several instances on one PostgreSQL send it once.

use std::collections::BTreeMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tracing::Instrument;
use uuid::Uuid;

use crate::clock::SharedClock;
use crate::i18n::I18n;
use crate::mail::{Mail, Mailer};
use crate::request_scope;
use crate::shutdown::StopSignal;
use crate::store::{Db, reminders};

pub const WINDOW_NOTICE_DAYS: i64 = 7;
/// How often the job looks; a reminder is due within this of its time.
pub const INTERVAL: StdDuration = StdDuration::from_secs(15 * 60);

/// What one pass works with: the store and the mailer. `Job` has them; so
/// does anything else that implements this (the web state, which tests use).
pub trait Deps {
    fn db(&self) -> &Db;
    fn mailer(&self) -> &Mailer;
}

/// The scheduled job's own parts, apart from the web state.
#[derive(Clone)]
pub struct Job {
    pub db: Db,
    pub mailer: Mailer,
    pub clock: SharedClock,
}

impl Deps for Job {
    fn db(&self) -> &Db {
        &self.db
    }
    fn mailer(&self) -> &Mailer {
        &self.mailer
    }
}

/// One pass of the job at `now`; returns how many mails it sent.
pub async fn run(deps: &impl Deps, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let (db, mailer) = (deps.db(), deps.mailer());
    let mut sent = 0;
    for c in reminders::windows_closing(db, now, now + Duration::days(WINDOW_NOTICE_DAYS)).await? {
        if !reminders::claim(db, "cancel_window", c.subscription_id, "7d", now).await? {
            continue;
        }
        let days_left = ((c.cancel_until - now).num_seconds() + 86_399) / 86_400;
        for (to, language, time_zone) in reminders::admin_agents(db, c.partner_id).await? {
            // In each recipient's language and time zone (else English, UTC).
            let i18n =
                I18n::for_recipient(language.as_deref(), time_zone.as_deref(), I18n::default());
            let until = format!(
                "{} ({})",
                i18n.date_time(&c.cancel_until),
                i18n.time_zone_name()
            );
            let mail = Mail {
                to: &to,
                subject: i18n.t1("mail-window-subject", "product", &c.product_name),
                body: i18n.t_with(
                    "mail-window-body",
                    &[
                        ("product", (&c.product_name).into()),
                        ("customer", (&c.customer_name).into()),
                        ("days", days_left.into()),
                        ("until", (&until).into()),
                    ],
                ),
            };
            mailer.send(&mail).await?;
            sent += 1;
        }
    }
    let tomorrow = (now + Duration::days(1)).date_naive();
    let start = tomorrow
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let mut by_partner: BTreeMap<Uuid, Vec<reminders::Expiring>> = BTreeMap::new();
    for l in reminders::links_expiring(db, start, start + Duration::days(1)).await? {
        by_partner.entry(l.partner_id).or_default().push(l);
    }
    let period = tomorrow.to_string();
    for (partner, links) in by_partner {
        if !reminders::claim(db, "links_expiring", partner, &period, now).await? {
            continue;
        }
        for (to, language, _) in reminders::admin_agents(db, partner).await? {
            // The day is tomorrow in UTC (the mail says so), in the
            // recipient's language.
            let i18n = I18n::for_recipient(language.as_deref(), None, I18n::default());
            let day = i18n.date(&start);
            let lines: Vec<String> = links
                .iter()
                .map(|l| {
                    format!(
                        "- {} · {} · {}",
                        l.customer_name,
                        l.file_name,
                        i18n.time(&l.expires_at)
                    )
                })
                .collect();
            let mail = Mail {
                to: &to,
                subject: i18n.t1("mail-links-subject", "date", &day),
                body: i18n.t_args(
                    "mail-links-body",
                    &[("date", &day), ("links", &lines.join("\n"))],
                ),
            };
            mailer.send(&mail).await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Runs the job (and housekeeping) every `INTERVAL`, the first pass at
/// once, until `stop`: a pass under way is finished first, so a reminder
/// claimed is also sent. Each pass logs under an id of its own.
pub async fn run_every(job: Job, mut stop: StopSignal) {
    let mut tick = tokio::time::interval(INTERVAL);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.stopped() => return,
        }
        let span = tracing::info_span!("job", id = %request_scope::new_id());
        pass(&job).instrument(span).await;
    }
}

async fn pass(job: &Job) {
    let sent = match run(job, job.clock.now()).await {
        Ok(sent) => sent,
        Err(e) => {
            tracing::warn!(error = %e, "reminder job failed; it will try again");
            0
        }
    };
    match crate::housekeeping::run(&job.db, job.clock.now()).await {
        Ok((sessions, counts)) => {
            tracing::info!(
                reminders = sent,
                sessions_purged = sessions,
                throttle_counts_purged = counts,
                "jobs ran"
            );
        }
        Err(e) => tracing::warn!(error = %e, "housekeeping failed; it will try again"),
    }
}
