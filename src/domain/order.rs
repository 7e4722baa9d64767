//! What a partner asks to buy, checked before anything is written.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::product::QUANTITY;
use super::{money, number};

text_enum! {
    /// `orders.status`: an order is final when placed (its lines are
    /// cancelled one by one, see `SubscriptionStatus`).
    pub enum OrderStatus {
        Placed = "placed" => "order-status-placed",
    }
}

impl OrderStatus {
    /// The class of its badge (static/css).
    pub fn badge_class(self) -> &'static str {
        match self {
            OrderStatus::Placed => "ok",
        }
    }
}

/// One product the catalog offers this customer (sellable in their country).
#[derive(Debug, Clone)]
pub struct Offer {
    pub product_id: Uuid,
    pub name: String,
    pub unit_price_minor: i64,
    pub currency: String,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub offer: Offer,
    pub quantity: i64,
    pub total_minor: i64,
}

#[derive(Debug, Clone)]
pub struct Basket {
    pub lines: Vec<Line>,
    pub total_minor: i64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BasketError {
    /// Nothing was chosen.
    Empty,
    /// A quantity that is not a whole number in 1..=1000 (the field's name).
    Quantity(String),
    /// A product id that is unknown or not offered to this customer.
    NotOffered(String),
    MixedCurrencies,
    TooLarge,
}

/// Field name of a product's quantity in the Add products forms.
pub fn quantity_field(product_id: Uuid) -> String {
    format!("qty_{product_id}")
}

/// Reads `qty_<product id>` fields against the offers. Empty and zero
/// quantities mean "not chosen"; anything else must be in 1..=1000 and name
/// an offered product.
pub fn parse_basket(
    fields: &BTreeMap<String, String>,
    offers: &[Offer],
) -> Result<Basket, Vec<BasketError>> {
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    for (field, value) in fields {
        let Some(id) = field.strip_prefix("qty_") else {
            continue;
        };
        let value = value.trim();
        // Only digits: `+5` is not a quantity (`str::parse` would say 5).
        let quantity = number::parse_whole(value, 0..=*QUANTITY.end());
        if value.is_empty() || quantity == Some(0) {
            continue;
        }
        let offer = Uuid::parse_str(id)
            .ok()
            .and_then(|id| offers.iter().find(|o| o.product_id == id));
        let Some(offer) = offer else {
            errors.push(BasketError::NotOffered(field.clone()));
            continue;
        };
        match quantity {
            Some(q) if QUANTITY.contains(&q) => {
                match money::line_total(offer.unit_price_minor, q) {
                    Some(total_minor) => lines.push(Line {
                        offer: offer.clone(),
                        quantity: q,
                        total_minor,
                    }),
                    None => errors.push(BasketError::TooLarge),
                }
            }
            _ => errors.push(BasketError::Quantity(field.clone())),
        }
    }
    if lines.is_empty() && errors.is_empty() {
        errors.push(BasketError::Empty);
    }
    let currency = lines
        .first()
        .map(|l| l.offer.currency.clone())
        .unwrap_or_default();
    if lines.iter().any(|l| l.offer.currency != currency) {
        errors.push(BasketError::MixedCurrencies);
    }
    let total = lines
        .iter()
        .try_fold(0i64, |acc, l| acc.checked_add(l.total_minor));
    if total.is_none() {
        errors.push(BasketError::TooLarge);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Catalog order (the offers' order), not the form's.
    lines.sort_by_key(|l| {
        offers
            .iter()
            .position(|o| o.product_id == l.offer.product_id)
    });
    Ok(Basket {
        lines,
        total_minor: total.unwrap_or_default(),
        currency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offers() -> Vec<Offer> {
        vec![
            Offer {
                product_id: Uuid::from_u128(1),
                name: "A".into(),
                unit_price_minor: 1000,
                currency: "USD".into(),
            },
            Offer {
                product_id: Uuid::from_u128(2),
                name: "B".into(),
                unit_price_minor: 250,
                currency: "USD".into(),
            },
        ]
    }

    fn fields(pairs: &[(u128, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(id, q)| (quantity_field(Uuid::from_u128(*id)), (*q).to_owned()))
            .collect()
    }

    #[test]
    fn quantities_make_lines_and_a_total() {
        let b = parse_basket(&fields(&[(1, "2"), (2, "4"), (3, "")]), &offers());
        let b = b.as_ref().ok();
        assert_eq!(b.map(|b| b.total_minor), Some(3000));
        assert_eq!(b.map(|b| b.lines.len()), Some(2));
    }

    #[test]
    fn quantity_edges_are_one_and_a_thousand() {
        assert!(parse_basket(&fields(&[(1, "1")]), &offers()).is_ok());
        assert!(parse_basket(&fields(&[(1, "1000")]), &offers()).is_ok());
        for bad in ["1001", "-1", "1.5", "x", "+5", "+0", "-0", "5 5", "1e2"] {
            assert!(
                parse_basket(&fields(&[(1, bad)]), &offers()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_unknown_product_or_nothing_chosen_is_refused() {
        assert_eq!(
            parse_basket(&fields(&[(9, "1")]), &offers()).err(),
            Some(vec![BasketError::NotOffered(quantity_field(
                Uuid::from_u128(9)
            ))])
        );
        assert_eq!(
            parse_basket(&fields(&[(1, "0")]), &offers()).err(),
            Some(vec![BasketError::Empty])
        );
    }
}
