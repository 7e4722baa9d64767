//! An audit event told in the reader's language: a sentence ("Alex Admin
//! revealed the key of Windows Server 2022 Datacenter for Contoso") and its
//! details as labelled values, from one row of the log's statement. The
//! names come from that row (joined, or kept in the event's detail); what
//! no longer exists reads as "an unknown product", with its id beside it.

use serde_json::Value;

use crate::domain::audit_action::Action;
use crate::domain::role::Role;
use crate::i18n::{I18n, Piece};
use crate::store::audit::NamedRow;

/// A piece of a sentence: the message's own words, or a name put in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// A product, file, request... named in the sentence.
    Name(String),
    /// A user or customer, linked to the log filtered by them.
    Link {
        text: String,
        href: String,
    },
}

/// One labelled value under the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub label: String,
    pub value: String,
    /// Shown as code (a SHA-256, an id).
    pub code: bool,
}

pub struct Told {
    pub sentence: Vec<Part>,
    pub details: Vec<Detail>,
}

#[cfg(test)]
impl Told {
    /// The sentence as plain text.
    pub fn text(&self) -> String {
        self.sentence
            .iter()
            .map(|p| match p {
                Part::Text(t) | Part::Name(t) => t.as_str(),
                Part::Link { text, .. } => text.as_str(),
            })
            .collect()
    }
}

struct Teller<'a> {
    i18n: &'a I18n,
    row: &'a NamedRow,
    detail: Value,
    /// Customers link to the log filtered by them (a partner's log has the
    /// filter; the operators' has not).
    link_customers: bool,
    /// Something named by id was not found: its id goes in the details.
    missing: std::cell::Cell<bool>,
}

/// Tells `row` in `i18n`'s language.
pub fn tell(i18n: &I18n, row: &NamedRow, link_customers: bool) -> Told {
    let teller = Teller {
        i18n,
        row,
        detail: serde_json::from_str(&row.row.detail).unwrap_or(Value::Null),
        link_customers,
        missing: std::cell::Cell::new(false),
    };
    let (sentence, mut details) = teller.event();
    if teller.missing.get()
        && let Some(id) = row.row.subject_id
    {
        details.push(Detail {
            label: i18n.t("activity-detail-record"),
            value: id.to_string(),
            code: true,
        });
    }
    Told { sentence, details }
}

impl Teller<'_> {
    fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.detail.get(key).and_then(Value::as_str)
    }

    fn int(&self, key: &str) -> Option<i64> {
        self.detail.get(key).and_then(Value::as_i64)
    }

    /// The message `id` with `args`, split into parts; `count`, if any, is
    /// passed as a number so that the message can choose its plural form.
    fn say(&self, id: &str, args: &[(&'static str, Part)], count: Option<i64>) -> Vec<Part> {
        let pieces = self.i18n.pattern(id, args, count.map(|n| ("count", n)));
        pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Words(words) => Some(Part::Text(words.to_string())),
                Piece::Arg(i) => args.get(*i).map(|(_, part)| part.clone()),
            })
            .collect()
    }

    /// Who acted: their name (linked to their activity), else who it was
    /// in words.
    fn actor(&self) -> Part {
        let r = &self.row;
        match (&r.actor_name, &r.row.user_email) {
            (Some(name), Some(email)) => Part::Link {
                text: name.clone(),
                href: filter_href("user", email),
            },
            _ if self.str("via") == Some("command line") => {
                Part::Text(self.t("activity-someone-command-line"))
            }
            _ => Part::Text(self.t("activity-someone")),
        }
    }

    /// A name, else the words for an unknown one (its id then goes in the
    /// details).
    fn named(&self, name: Option<&str>, unknown: &str) -> Part {
        match name.filter(|n| !n.is_empty()) {
            Some(n) => Part::Name(n.to_owned()),
            None => {
                self.missing.set(true);
                Part::Text(self.t(unknown))
            }
        }
    }

    fn customer(&self) -> Part {
        let r = &self.row;
        let name = r.row.customer.as_deref().or(r.org_name.as_deref());
        match (name, &r.customer_domain) {
            (Some(name), Some(domain)) if self.link_customers => Part::Link {
                text: name.to_owned(),
                href: filter_href("customer", domain),
            },
            (Some(name), _) => Part::Name(name.to_owned()),
            (None, _) => self.named(self.str("name"), "activity-unknown-customer"),
        }
    }

    fn product(&self) -> Part {
        let kept = self.str("product").or(self.str("name"));
        self.named(
            self.row.product.as_deref().or(kept),
            "activity-unknown-product",
        )
    }

    fn file(&self) -> Part {
        self.named(
            self.row.file_name.as_deref().or(self.str("file_name")),
            "activity-unknown-file",
        )
    }

    fn user(&self) -> Part {
        self.named(
            self.row.user_name.as_deref().or(self.str("email")),
            "activity-unknown-user",
        )
    }

    /// The organisation acted on (a partner, or the one invited to).
    fn organisation(&self) -> Part {
        self.named(
            self.row.org_name.as_deref(),
            "activity-unknown-organisation",
        )
    }

    /// The organisation whose log this is (the actor's own).
    fn own_organisation(&self) -> Part {
        match &self.row.row.organisation {
            Some(name) => Part::Name(name.clone()),
            None => Part::Text(self.t("activity-unknown-organisation")),
        }
    }

    fn request(&self) -> Part {
        self.named(
            self.row.request_number.as_deref().or(self.str("number")),
            "activity-unknown-request",
        )
    }

    fn roles(&self) -> Part {
        let names: Vec<String> = self
            .detail
            .get("roles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|r| match r.parse::<Role>() {
                Ok(role) => self.t(role.message_id()),
                Err(_) => r.to_owned(),
            })
            .collect();
        if names.is_empty() {
            Part::Text(self.t("activity-no-roles"))
        } else {
            Part::Text(names.join(", "))
        }
    }

    fn detail(&self, label: &str, value: impl Into<String>) -> Detail {
        Detail {
            label: self.t(label),
            value: value.into(),
            code: false,
        }
    }

    fn event(&self) -> (Vec<Part>, Vec<Detail>) {
        use Action as A;
        let action = self.row.row.action;
        let id = format!("activity-event-{}", action.as_str());
        let actor = || ("actor", self.actor());
        let mut details = Vec::new();
        let sentence = match action {
            A::SignIn => {
                let id = match self.str("second_factor") {
                    Some("totp") => "activity-event-sign_in-totp",
                    Some("recovery_code") => "activity-event-sign_in-recovery_code",
                    _ => "activity-event-sign_in",
                };
                self.say(id, &[actor()], None)
            }
            A::SignInFailed => {
                let reason = match (self.str("reason"), &self.row.row.user_email) {
                    (Some("bad_credentials"), None) => "no_account",
                    (
                        Some(
                            r @ ("bad_credentials" | "deactivated" | "second_factor" | "throttled"),
                        ),
                        _,
                    ) => r,
                    _ => "other",
                };
                let email = self.str("email").or(self.row.row.user_email.as_deref());
                let email = self.named(email, "activity-unknown-user");
                self.say(
                    &format!("activity-event-sign_in_failed-{reason}"),
                    &[("email", email)],
                    None,
                )
            }
            A::SignOut
            | A::ApiTokenCreated
            | A::ApiTokenRevoked
            | A::PasswordChanged
            | A::PasswordReset
            | A::SecondFactorEnabled
            | A::SecondFactorDisabled => self.say(&id, &[actor()], None),
            A::SecondFactorRequired | A::SecondFactorOptional => self.say(
                &id,
                &[actor(), ("organisation", self.own_organisation())],
                None,
            ),
            A::InvitationAccepted => self.say(
                &id,
                &[actor(), ("organisation", self.own_organisation())],
                None,
            ),
            A::CustomerCreated => {
                if let Some(domain) = self.str("primary_domain") {
                    details.push(self.detail("activity-detail-domain", domain));
                }
                self.say(&id, &[actor(), ("customer", self.customer())], None)
            }
            A::OrderPlaced => {
                details.extend(self.order());
                self.say(&id, &[actor(), ("customer", self.customer())], None)
            }
            A::KeyRevealed => self.say(
                &id,
                &[
                    actor(),
                    ("product", self.product()),
                    ("customer", self.customer()),
                ],
                None,
            ),
            A::FileDownloaded | A::LinkCreated | A::LinkRenewed | A::LinkRevoked => self.say(
                &id,
                &[
                    actor(),
                    ("file", self.file()),
                    ("product", self.product()),
                    ("customer", self.customer()),
                ],
                None,
            ),
            A::LinkDownloadCounted => {
                if let Some(n) = self.int("downloads_used") {
                    details
                        .push(self.detail("activity-detail-link-downloads", self.i18n.number(n)));
                }
                self.say(
                    &id,
                    &[
                        ("file", self.file()),
                        ("product", self.product()),
                        ("customer", self.customer()),
                    ],
                    None,
                )
            }
            A::ServiceRequestFiled => {
                details.extend(self.request_details());
                let about = self.row.row.customer.is_some();
                let id = if about {
                    "activity-event-service_request_filed-customer"
                } else {
                    "activity-event-service_request_filed"
                };
                let mut args = vec![actor(), ("request", self.request())];
                if about {
                    args.push(("customer", self.customer()));
                }
                self.say(id, &args, None)
            }
            A::CancellationRequested | A::CancellationApproved | A::CancellationRejected => {
                details.extend(self.request_details());
                self.say(
                    &id,
                    &[
                        actor(),
                        ("product", self.product()),
                        ("customer", self.customer()),
                        ("request", self.request()),
                    ],
                    None,
                )
            }
            A::ServiceRequestClosed => self.say(&id, &[actor(), ("request", self.request())], None),
            A::RequestTaken => {
                let over = self.detail.get("from").is_some_and(|v| !v.is_null());
                let id = if over {
                    "activity-event-request_taken-over"
                } else {
                    "activity-event-request_taken"
                };
                self.say(id, &[actor(), ("request", self.request())], None)
            }
            A::UserInvited => {
                let email = self.named(self.str("email"), "activity-unknown-user");
                self.say(
                    &id,
                    &[
                        actor(),
                        ("email", email),
                        ("organisation", self.organisation()),
                        ("roles", self.roles()),
                    ],
                    None,
                )
            }
            A::RoleChanged => self.say(
                &id,
                &[actor(), ("user", self.user()), ("roles", self.roles())],
                None,
            ),
            A::UserDeactivated | A::UserReactivated => {
                self.say(&id, &[actor(), ("user", self.user())], None)
            }
            A::PartnerDeactivated | A::PartnerReactivated => {
                self.say(&id, &[actor(), ("organisation", self.organisation())], None)
            }
            A::DemoLoaded => self.say(&id, &[], None),
            A::ProductCreated | A::ProductUpdated => {
                details.extend(self.sku());
                details.extend(self.product_changes());
                self.say(&id, &[actor(), ("product", self.product())], None)
            }
            A::KeysAdded => {
                details.extend(self.sku());
                self.say(
                    &id,
                    &[actor(), ("product", self.product())],
                    Some(self.int("count").unwrap_or(0)),
                )
            }
            A::DownloadFileAdded => {
                details.extend(self.sku());
                details.extend(self.file_details());
                self.say(
                    &id,
                    &[actor(), ("file", self.file()), ("product", self.product())],
                    None,
                )
            }
        };
        (sentence, details)
    }

    fn sku(&self) -> Option<Detail> {
        self.str("sku")
            .map(|sku| self.detail("activity-detail-sku", sku))
    }

    /// What was ordered and the total; the demo's orders list only their
    /// purchases.
    fn order(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        let lines: Vec<String> = self
            .detail
            .get("lines")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|l| {
                let sku = l.get("sku")?.as_str()?;
                let quantity = l.get("quantity")?.as_i64()?;
                Some(self.i18n.t_with(
                    "activity-detail-order-line",
                    &[("sku", sku.into()), ("quantity", quantity.into())],
                ))
            })
            .collect();
        if !lines.is_empty() {
            out.push(self.detail("activity-detail-products", lines.join(", ")));
        } else if let Some(subs) = self.detail.get("subscriptions").and_then(Value::as_array) {
            out.push(self.detail("activity-detail-purchases", subs.len().to_string()));
        }
        if let (Some(total), Some(currency)) = (self.int("total_minor"), self.str("currency")) {
            out.push(self.detail("activity-detail-total", self.i18n.money(total, currency)));
        }
        out
    }

    fn request_details(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        if let Some(kind) = self
            .str("problem_type")
            .and_then(crate::domain::service_request::ProblemType::parse)
            .filter(|k| !k.is_refund())
        {
            out.push(self.detail("activity-detail-problem-type", self.t(kind.message_id())));
        }
        if let Some(n) = self.int("attachments").filter(|n| *n > 0) {
            out.push(self.detail("activity-detail-attachments", self.i18n.number(n)));
        }
        if let Some(number) = self
            .detail
            .get("credit_note")
            .and_then(|c| c.get("number"))
            .and_then(Value::as_str)
        {
            out.push(self.detail("activity-detail-credit-note", number));
        }
        out
    }

    fn file_details(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        for (key, label) in [
            ("version", "activity-detail-version"),
            ("language", "activity-detail-language"),
            ("platform", "activity-detail-platform"),
        ] {
            if let Some(v) = self.str(key).filter(|v| !v.is_empty()) {
                out.push(self.detail(label, v));
            }
        }
        if let Some(size) = self.int("size_bytes") {
            out.push(self.detail("activity-detail-size", self.i18n.size(size)));
        }
        if let Some(sha) = self.str("sha256") {
            out.push(Detail {
                code: true,
                ..self.detail("activity-detail-sha256", sha)
            });
        }
        if self.detail.get("replaced").and_then(Value::as_bool) == Some(true) {
            out.push(self.detail(
                "activity-detail-replaced",
                self.t("activity-value-replaced"),
            ));
        }
        out
    }

    /// A changed product's fields, each "old → new".
    fn product_changes(&self) -> Vec<Detail> {
        let mut out = Vec::new();
        let currency = self.row.currency.as_deref();
        if let Some(changes) = self.detail.get("changes").and_then(Value::as_object) {
            for (field, change) in changes {
                let from = self.value(field, change.get("from"), currency);
                let to = self.value(field, change.get("to"), currency);
                out.push(Detail {
                    label: match CHANGE_LABELS.iter().find(|(f, _)| f == field) {
                        Some((_, id)) => self.t(id),
                        None => field.clone(),
                    },
                    value: self
                        .i18n
                        .t_args("activity-change", &[("from", &from), ("to", &to)]),
                    code: false,
                });
            }
        }
        if let Some(n) = self.int("variants_added") {
            out.push(self.detail("activity-detail-variants-added", self.i18n.number(n)));
        }
        out
    }

    fn value(&self, field: &str, v: Option<&Value>, currency: Option<&str>) -> String {
        match (field, v) {
            (_, None | Some(Value::Null)) => self.t("activity-value-none"),
            (_, Some(Value::Bool(b))) => self.t(if *b {
                "activity-value-yes"
            } else {
                "activity-value-no"
            }),
            ("unit_price_minor", Some(Value::Number(n))) => match (n.as_i64(), currency) {
                (Some(minor), Some(c)) => self.i18n.money(minor, c),
                _ => n.to_string(),
            },
            ("kind", Some(Value::String(k))) => self.t(&format!("kind-{}", k.replace('_', "-"))),
            (_, Some(Value::Array(items))) if items.is_empty() => self.t("activity-value-none"),
            (_, Some(Value::Array(items))) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(", "),
            (_, Some(Value::String(s))) => s.clone(),
            (_, Some(other)) => other.to_string(),
        }
    }
}

/// The labels of the product fields a change may name.
const CHANGE_LABELS: &[(&str, &str)] = &[
    ("name", "activity-change-name"),
    ("family", "activity-change-family"),
    ("kind", "activity-change-kind"),
    ("term_months", "activity-change-term_months"),
    ("keys", "activity-change-keys"),
    ("downloads", "activity-change-downloads"),
    ("key_format", "activity-change-key_format"),
    ("unit_price_minor", "activity-change-unit_price_minor"),
    ("currency", "activity-change-currency"),
    (
        "restricted_countries",
        "activity-change-restricted_countries",
    ),
    ("low_stock_at", "activity-change-low_stock_at"),
    ("cancel_window_days", "activity-change-cancel_window_days"),
    ("link_lifetime_days", "activity-change-link_lifetime_days"),
    ("link_download_cap", "activity-change-link_download_cap"),
];

/// `/activity?{name}={value}`: the log filtered by one user or customer.
fn filter_href(name: &str, value: &str) -> String {
    use url::form_urlencoded::byte_serialize;
    let mut href = String::from("/activity?");
    href.extend(byte_serialize(name.as_bytes()));
    href.push('=');
    href.extend(byte_serialize(value.as_bytes()));
    href
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::*;
    use crate::store::audit::LogRow;

    fn row(action: Action, detail: &str) -> NamedRow {
        NamedRow {
            row: LogRow {
                id: Uuid::new_v4(),
                at: DateTime::UNIX_EPOCH,
                organisation: Some("Northwind Partners".into()),
                user_email: Some("admin@northwind.example".into()),
                action,
                subject_type: None,
                subject_id: None,
                customer: Some("Contoso".into()),
                ip: None,
                detail: detail.into(),
            },
            customer_id: Some(Uuid::new_v4()),
            customer_domain: Some("contoso.onmicrosoft.com".into()),
            actor_name: Some("Alex Admin".into()),
            user_name: None,
            org_name: None,
            product: Some("Windows Server 2022 Datacenter".into()),
            currency: Some("USD".into()),
            file_name: None,
            request_number: None,
        }
    }

    #[test]
    fn every_action_has_a_sentence_of_its_own() {
        let english = I18n::default();
        let mut seen = std::collections::HashSet::new();
        for action in Action::ALL {
            let told = tell(&english, &row(action, "{}"), true);
            let text = told.text();
            assert!(
                !text.is_empty() && !text.contains("activity-") && !text.contains("Unknown"),
                "{action}: {text}"
            );
            assert!(!text.contains(['\u{E000}', '\u{E001}']), "{text}");
            assert!(
                seen.insert(text.clone()),
                "{action} reads like another: {text}"
            );
        }
    }

    #[test]
    fn names_are_parts_of_the_sentence_wherever_the_message_puts_them() {
        let told = tell(&I18n::default(), &row(Action::KeyRevealed, "{}"), true);
        assert_eq!(
            told.text(),
            "Alex Admin revealed the key of Windows Server 2022 Datacenter for Contoso"
        );
        assert_eq!(
            told.sentence,
            vec![
                Part::Link {
                    text: "Alex Admin".into(),
                    href: "/activity?user=admin%40northwind.example".into()
                },
                Part::Text(" revealed the key of ".into()),
                Part::Name("Windows Server 2022 Datacenter".into()),
                Part::Text(" for ".into()),
                Part::Link {
                    text: "Contoso".into(),
                    href: "/activity?customer=contoso.onmicrosoft.com".into()
                },
            ]
        );
        // A name holding what looks like a marker stays text.
        let mut odd = row(Action::KeyRevealed, "{}");
        odd.product = Some("\u{E000}0\u{E001} Edition".into());
        assert!(
            tell(&I18n::default(), &odd, false)
                .text()
                .contains("Edition")
        );
    }

    #[test]
    fn a_kept_pattern_serves_only_its_language_count_and_words() {
        let keys = |n: i64| row(Action::KeysAdded, &format!(r#"{{"count": {n}}}"#));
        let en = I18n::default();
        let ru = I18n::with_lang("ru-RU");
        // Each twice: the second comes from the thread's patterns.
        for _ in 0..2 {
            assert_eq!(
                tell(&en, &keys(1), true).text(),
                "Alex Admin added one key to Windows Server 2022 Datacenter"
            );
            assert_eq!(
                tell(&en, &keys(3), true).text(),
                "Alex Admin added 3 keys to Windows Server 2022 Datacenter"
            );
            assert_eq!(
                tell(&ru, &keys(3), true).text(),
                "Alex Admin: добавление 3 ключей для продукта Windows Server 2022 Datacenter"
            );
        }
        // Words given as an argument (no actor's name) land where the
        // marker was, in each language.
        let mut nameless = row(Action::SignIn, "{}");
        nameless.actor_name = None;
        assert_eq!(tell(&en, &nameless, true).text(), "Someone signed in");
        assert_eq!(tell(&ru, &nameless, true).text(), "Кто-то: вход в систему");
        assert_eq!(
            tell(&en, &row(Action::SignIn, "{}"), true).text(),
            "Alex Admin signed in"
        );
    }

    #[test]
    fn a_subject_that_no_longer_exists_is_unknown_and_given_by_id() {
        let mut r = row(Action::KeyRevealed, "{}");
        r.product = None;
        r.row.subject_type = Some("subscription".into());
        let id = Uuid::new_v4();
        r.row.subject_id = Some(id);
        let told = tell(&I18n::default(), &r, true);
        assert_eq!(
            told.text(),
            "Alex Admin revealed the key of an unknown product for Contoso"
        );
        assert_eq!(
            told.details.last().map(|d| d.value.clone()),
            Some(id.to_string())
        );
        // The name kept in the event's detail is used when the join finds none.
        r.row.detail = r#"{"product":"SQL Server 2019 Standard"}"#.into();
        let told = tell(&I18n::default(), &r, true);
        assert!(told.text().contains("SQL Server 2019 Standard"));
        assert!(told.details.is_empty());
    }
}
