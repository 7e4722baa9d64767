//! Keyset pages read from a cursor row either way (Next, Previous) in either
//! order (newest or oldest first): the fixed pieces of SQL a list query puts
//! together with [`super::numbered`], and turning a Previous page round.

/// Which end of a list comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

impl Order {
    /// The value of a form's option and of the `sort` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::NewestFirst => "newest",
            Order::OldestFirst => "oldest",
        }
    }

    pub fn parse(s: &str) -> Option<Order> {
        [Order::NewestFirst, Order::OldestFirst]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// Where a page starts: at the top, after a row (the next page) or before
/// one (the previous page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor<K> {
    First,
    After(K),
    Before(K),
}

impl<K: Copy> Cursor<K> {
    pub fn key(self) -> Option<K> {
        match self {
            Cursor::First => None,
            Cursor::After(k) | Cursor::Before(k) => Some(k),
        }
    }

    /// The same way, from the row `f` makes of its row.
    pub fn map<L>(self, f: impl FnOnce(K) -> L) -> Cursor<L> {
        match self {
            Cursor::First => Cursor::First,
            Cursor::After(k) => Cursor::After(f(k)),
            Cursor::Before(k) => Cursor::Before(f(k)),
        }
    }

    /// Which way it points, without its row.
    pub fn kind(self) -> Cursor<()> {
        self.map(|_| ())
    }

    /// A previous page is read against the list's order, then turned round.
    pub fn backwards(self) -> bool {
        matches!(self, Cursor::Before(_))
    }

    /// Whether rows are read in descending key order.
    fn reads_descending(self, order: Order) -> bool {
        (order == Order::NewestFirst) != self.backwards()
    }

    /// `" AND <key> < (?, ?)"` (or `>`) in the reading direction, nothing
    /// on the first page. `key` is a row of columns, `"(s.purchased_at, s.id)"`.
    pub fn condition(self, key: &str, order: Order) -> [&str; 3] {
        match (self.key(), self.reads_descending(order)) {
            (None, _) => ["", "", ""],
            (Some(_), true) => [" AND ", key, " < (?, ?)"],
            (Some(_), false) => [" AND ", key, " > (?, ?)"],
        }
    }

    /// `" ORDER BY <time> DESC, <id> DESC"` (or ascending) in the reading
    /// direction, so an index on (..., time, id) serves it either way.
    pub fn order_by<'a>(self, time: &'a str, id: &'a str, order: Order) -> [&'a str; 6] {
        let dir = if self.reads_descending(order) {
            " DESC"
        } else {
            ""
        };
        [" ORDER BY ", time, dir, ", ", id, dir]
    }

    /// The rows read (`limit` + 1 asked for) as the page shows them, and
    /// whether more lie beyond in the reading direction.
    pub fn finish<T>(self, mut rows: Vec<T>, limit: i64) -> (Vec<T>, bool) {
        let more = rows.len() as i64 > limit;
        rows.truncate(limit.max(0) as usize);
        if self.backwards() {
            rows.reverse();
        }
        (rows, more)
    }
}

/// The condition that a row comes before the row `(?, ?)` in `order`: what a
/// count of the rows ahead of a page's first row filters on.
/// Counts stop here: past it a page says "of more than 1,000" instead of
/// a total. An exact count of a customer holding 100,000 purchases read the
/// whole range of the index on every page (60 ms on PostgreSQL); this reads
/// at most this many entries however large the list.
pub const COUNT_CAP: i64 = 1_000;

/// `SELECT <total>, <ahead>`: the rows of `body` (` FROM ... WHERE ...`),
/// and those of them ahead of a page's first row (`key` `ahead`, two `?`
/// bound last), each counted up to `COUNT_CAP + 1`. The text is numbered
/// (`$n`): bind `body`'s values twice, then the key's.
pub fn capped_counts(body: &[&str], key: &str, ahead: &str) -> String {
    let limit = format!(" LIMIT {}) c)", COUNT_CAP + 1);
    let count = "(SELECT COUNT(*) FROM (SELECT 1";
    let mut pieces = vec!["SELECT ", count];
    pieces.extend(body);
    pieces.extend([limit.as_str(), ", ", count]);
    pieces.extend(body);
    pieces.extend([" AND ", key, ahead, limit.as_str()]);
    super::numbered(&pieces)
}

pub fn ahead_of(key: &str, order: Order) -> [&str; 2] {
    match order {
        Order::NewestFirst => [key, " > (?, ?)"],
        Order::OldestFirst => [key, " < (?, ?)"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "(t, id)";

    #[test]
    fn capped_counts_number_the_body_twice_then_the_key() {
        assert_eq!(
            capped_counts(&[" FROM x WHERE a = ?", " AND b = ?"], KEY, " > (?, ?)"),
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = $1 AND b = $2 LIMIT 1001) c), \
             (SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = $3 AND b = $4 AND (t, id) > ($5, $6) LIMIT 1001) c)"
        );
    }

    #[test]
    fn a_previous_page_reads_against_the_order_and_is_turned_round() {
        let c = Cursor::Before(1);
        assert_eq!(
            c.condition(KEY, Order::NewestFirst).concat(),
            " AND (t, id) > (?, ?)"
        );
        assert_eq!(
            c.order_by("t", "id", Order::NewestFirst).concat(),
            " ORDER BY t, id"
        );
        assert_eq!(
            c.condition(KEY, Order::OldestFirst).concat(),
            " AND (t, id) < (?, ?)"
        );
        assert_eq!(c.finish(vec![3, 2, 1], 2), (vec![2, 3], true));
    }

    #[test]
    fn a_next_page_reads_with_the_order() {
        let c = Cursor::After(1);
        assert_eq!(
            c.condition(KEY, Order::NewestFirst).concat(),
            " AND (t, id) < (?, ?)"
        );
        assert_eq!(
            c.order_by("t", "id", Order::NewestFirst).concat(),
            " ORDER BY t DESC, id DESC"
        );
        assert_eq!(
            c.order_by("t", "id", Order::OldestFirst).concat(),
            " ORDER BY t, id"
        );
        assert_eq!(c.finish(vec![1, 2], 2), (vec![1, 2], false));
        assert_eq!(
            Cursor::<i32>::First
                .condition(KEY, Order::OldestFirst)
                .concat(),
            ""
        );
    }
}
