//! What the reminder job needs: purchases about to leave their cancellation
//! window, links that expire tomorrow, the partner's admin agents, and the
//! claim that makes each reminder go out once across instances.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_all};
use crate::domain::subscription::SubscriptionStatus;

/// Claims a reminder; `true` only for the one caller that inserted the row.
pub async fn claim<'c>(
    c: impl Into<Conn<'c>>,
    kind: &str,
    subject: Uuid,
    period: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    const SQL: &str = "INSERT INTO reminders_sent (kind, subject_id, period, sent_at) \
        VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
    let n = execute!(
        c,
        sqlx::query(SQL)
            .bind(kind)
            .bind(subject)
            .bind(period)
            .bind(now)
    )?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Closing {
    pub subscription_id: Uuid,
    pub partner_id: Uuid,
    pub customer_name: String,
    pub product_name: String,
    pub cancel_until: DateTime<Utc>,
}

/// Active purchases whose window closes within (now, until].
pub async fn windows_closing<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> StoreResult<Vec<Closing>> {
    const SQL: &str = "SELECT s.id AS subscription_id, s.partner_id, c.name AS customer_name, \
        p.name AS product_name, s.cancel_until FROM subscriptions s \
        JOIN organisations c ON c.id = s.customer_id JOIN products p ON p.id = s.product_id \
        WHERE s.status = $3 AND s.cancel_until > $1 AND s.cancel_until <= $2 ORDER BY s.cancel_until";
    fetch_all!(
        c,
        sqlx::query_as::<_, Closing>(SQL)
            .bind(now)
            .bind(until)
            .bind(SubscriptionStatus::Active)
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Expiring {
    pub partner_id: Uuid,
    pub customer_name: String,
    pub file_name: String,
    pub expires_at: DateTime<Utc>,
}

/// Live links that expire in [from, to).
pub async fn links_expiring<'c>(
    c: impl Into<Conn<'c>>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> StoreResult<Vec<Expiring>> {
    const SQL: &str = "SELECT s.partner_id, c.name AS customer_name, f.file_name, l.expires_at \
        FROM download_links l JOIN subscriptions s ON s.id = l.subscription_id \
        JOIN organisations c ON c.id = s.customer_id JOIN download_files f ON f.id = l.download_file_id \
        WHERE l.revoked_at IS NULL AND l.downloads_used < l.download_cap \
        AND l.expires_at >= $1 AND l.expires_at < $2 ORDER BY s.partner_id, l.expires_at";
    fetch_all!(c, sqlx::query_as::<_, Expiring>(SQL).bind(from).bind(to))
}

/// The active admin agents of a partner (who get the reminders).
/// A partner's active admin agents: address, language and time zone (what
/// their reminders are written in).
pub async fn admin_agents<'c>(
    c: impl Into<Conn<'c>>,
    partner: Uuid,
) -> StoreResult<Vec<(String, Option<String>, Option<String>)>> {
    const SQL: &str = "SELECT u.email, u.language, u.time_zone FROM users u JOIN user_roles r ON r.user_id = u.id \
        WHERE u.organisation_id = $1 AND r.role = 'admin_agent' AND u.deactivated_at IS NULL ORDER BY u.email";
    fetch_all!(c, sqlx::query_as(SQL).bind(partner))
}
