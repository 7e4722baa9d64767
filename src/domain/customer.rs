//! A new customer (tenant) as a partner enters it, validated as a whole.

use super::FieldError;
use super::country::Country;
use super::email::Email;

pub const NAME_MAX: usize = 120;

#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub company_name: String,
    pub primary_domain: Domain,
    pub country: Country,
    pub billing_name: String,
    pub billing_email: Email,
}

/// What the create-customer form sends, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CustomerInput {
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub primary_domain: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub billing_name: String,
    #[serde(default)]
    pub billing_email: String,
}

impl NewCustomer {
    /// Every field is checked, so the form can show all its errors at once.
    pub fn parse(input: &CustomerInput) -> Result<NewCustomer, Vec<FieldError>> {
        let mut errors = Vec::new();
        let company_name = required_text(&input.company_name, "company_name", &mut errors);
        let primary_domain = Domain::parse(&input.primary_domain);
        if input.primary_domain.trim().is_empty() {
            errors.push(FieldError::new("primary_domain", "error-required"));
        } else if primary_domain.is_none() {
            errors.push(FieldError::new("primary_domain", "error-domain-invalid"));
        }
        let country = Country::parse(&input.country);
        if country.is_none() {
            errors.push(FieldError::new("country", "error-country-invalid"));
        }
        let billing_name = required_text(&input.billing_name, "billing_name", &mut errors);
        let billing_email = Email::parse(&input.billing_email);
        if input.billing_email.trim().is_empty() {
            errors.push(FieldError::new("billing_email", "error-required"));
        } else if billing_email.is_none() {
            errors.push(FieldError::new("billing_email", "error-email-invalid"));
        }
        match (primary_domain, country, billing_email) {
            (Some(primary_domain), Some(country), Some(billing_email)) if errors.is_empty() => {
                Ok(NewCustomer {
                    company_name,
                    primary_domain,
                    country,
                    billing_name,
                    billing_email,
                })
            }
            _ => Err(errors),
        }
    }
}

fn required_text(value: &str, field: &'static str, errors: &mut Vec<FieldError>) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.push(FieldError::new(field, "error-required"));
    } else if v.chars().count() > NAME_MAX {
        errors.push(FieldError::too_long(field, NAME_MAX));
    } else if v.chars().any(char::is_control) {
        errors.push(FieldError::new(field, "error-control-characters"));
    }
    v.to_owned()
}

/// A DNS name such as `contoso.onmicrosoft.com`, lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain(String);

impl Domain {
    pub fn parse(input: &str) -> Option<Domain> {
        let s = input.trim().trim_end_matches('.').to_ascii_lowercase();
        if s.len() > 253 {
            return None;
        }
        let labels: Vec<&str> = s.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let tld_ok = labels
            .last()
            .is_some_and(|t| t.bytes().any(|b| b.is_ascii_lowercase()));
        (labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok).then_some(Domain(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CustomerInput {
        CustomerInput {
            company_name: "Contoso".into(),
            primary_domain: "Contoso.onmicrosoft.com".into(),
            country: "us".into(),
            billing_name: "Ann Smith".into(),
            billing_email: "ann@contoso.example".into(),
        }
    }

    #[test]
    fn a_complete_form_parses_and_normalises() {
        let c = NewCustomer::parse(&input()).ok();
        let c = c.as_ref();
        assert_eq!(
            c.map(|c| c.primary_domain.as_str()),
            Some("contoso.onmicrosoft.com")
        );
        assert_eq!(c.map(|c| c.country.code()), Some("US"));
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = CustomerInput {
            company_name: " ".into(),
            primary_domain: "not a domain".into(),
            country: "ZZ".into(),
            billing_name: String::new(),
            billing_email: "nope".into(),
        };
        let fields: Vec<_> = NewCustomer::parse(&bad)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "company_name",
                "primary_domain",
                "country",
                "billing_name",
                "billing_email"
            ]
        );
    }

    #[test]
    fn domains_need_two_labels_of_legal_characters() {
        for good in ["contoso.onmicrosoft.com", "a-b.io", "x1.example"] {
            assert!(Domain::parse(good).is_some(), "{good}");
        }
        for bad in [
            "contoso", "-a.com", "a-.com", "a..com", "a_b.com", "a.123", "ä.com",
        ] {
            assert!(Domain::parse(bad).is_none(), "{bad}");
        }
    }
}
