//! Keyset pages read from a cursor row either way (Next, Previous) in either
//! order (newest or oldest first): the fixed pieces of SQL a list query puts
//! together with [`super::numbered`], and turning a Previous page round.

use super::by_position::{Columns, column};

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

/// `(SELECT COUNT(*) ...)` of the rows `body` (` FROM ... WHERE ...`) names,
/// stopped at `limit`: the engine reads at most that many index entries.
pub fn capped_count(body: &str, limit: i64) -> String {
    format!("(SELECT COUNT(*) FROM (SELECT 1{body} LIMIT {limit}) c)")
}

/// `, <total> AS total, <ahead> AS ahead`: the counts a page's rows carry,
/// so that "Showing 51–100 of 230" costs no statement of its own. Both are
/// uncorrelated scalar subqueries, which SQLite and PostgreSQL each run once
/// per statement (not per row). `body` is the list's ` FROM ... WHERE ...`
/// with its `?`s and `key` its row of key columns; bind `body`'s values for
/// the total, then, unless `cursor` is the first page, `body`'s values again
/// and the cursor's key, then the list's own. Each count stops at
/// `COUNT_CAP + 1` rows ahead of the page; [`rows_ahead`] reads `ahead` back.
/// `kept`, when given, is a scalar subquery that reads the total from a
/// count kept in a table, with the same values as `body` (in its place).
/// `rest` follows the key's condition: what closes a subquery of `body`
/// that the condition belongs inside (or nothing).
pub fn counts(
    body: &[&str],
    rest: &str,
    kept: Option<&str>,
    key: &str,
    cursor: Cursor<()>,
    order: Order,
    page: i64,
) -> String {
    let count =
        |cond: &[&str], limit: i64| capped_count(&[body, cond, &[rest]].concat().concat(), limit);
    let newest = order == Order::NewestFirst;
    let ahead = match cursor {
        // A plain 0 is an INT4 to PostgreSQL; the counts are BIGINT.
        Cursor::First => "CAST(0 AS BIGINT)".to_owned(),
        // The rows ahead of a next page's first row are those at or ahead
        // of the row it was read after: none lies between the two.
        Cursor::After(()) => count(
            &[
                " AND ",
                key,
                if newest { " >= (?, ?)" } else { " <= (?, ?)" },
            ],
            COUNT_CAP + 1,
        ),
        // A previous page holds the rows nearest ahead of its cursor; what
        // lies ahead of it is the rest of those (counted a page further).
        Cursor::Before(()) => count(
            &[" AND ", key, if newest { " > (?, ?)" } else { " < (?, ?)" }],
            COUNT_CAP + 1 + page,
        ),
    };
    let total = kept.map_or_else(|| count(&[], COUNT_CAP + 1), str::to_owned);
    format!(", {total} AS total, {ahead} AS ahead")
}

/// The rows ahead of a page's first row, from the `ahead` its rows carry
/// ([`counts`]) and the `rows` the page shows.
pub fn rows_ahead(cursor: Cursor<()>, ahead: i64, rows: usize) -> i64 {
    match cursor {
        Cursor::First => 0,
        Cursor::After(()) => ahead,
        Cursor::Before(()) => (ahead - rows as i64).clamp(0, COUNT_CAP + 1),
    }
}

/// A counted page as asked for: its cursor, and whether its statement
/// counts the rows ahead of the cursor or the page's address already says
/// how many (`routes::paging`: a page reached by Next or Previous).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counting<K> {
    pub cursor: Cursor<K>,
    pub count_ahead: bool,
}

impl<K: Copy> Counting<K> {
    /// The cursor [`counts`] writes the count ahead for: the first page's
    /// (none) when nothing is counted.
    pub fn ahead_of(self) -> Cursor<()> {
        if self.count_ahead {
            self.cursor.kind()
        } else {
            Cursor::First
        }
    }

    /// Binds the page's values in the order [`counts`] writes them: the
    /// total's, the count ahead of the cursor's (when counted), the page's.
    /// `bind(q, None)` binds the list's conditions, `bind(q, key)` them and
    /// the cursor's key.
    pub fn bind<Q>(self, q: Q, bind: impl Fn(Q, Option<K>) -> Q) -> Q {
        let key = self.cursor.key();
        let total = bind(q, None);
        let ahead = match key {
            Some(_) if self.count_ahead => bind(total, key),
            _ => total,
        };
        bind(ahead, key)
    }
}

/// A row of a page with the counts [`counts`] adds to each, after its
/// columns.
#[derive(Debug)]
pub struct Counted<T> {
    pub row: T,
    pub total: i64,
    pub ahead: i64,
}

/// Read by position (`store::by_position`).
impl<'r, R: sqlx::Row, T: Columns<'r, R>> sqlx::FromRow<'r, R> for Counted<T>
where
    usize: sqlx::ColumnIndex<R>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Counted {
            row: T::from_columns(row, 0)?,
            total: column(row, T::COLUMNS, "total")?,
            ahead: column(row, T::COLUMNS + 1, "ahead")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "(t, id)";

    #[test]
    fn a_page_counts_the_list_and_what_lies_ahead_of_its_cursor() {
        let body = [" FROM x WHERE a = ?"];
        let total = "(SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = ? LIMIT 1001) c) AS total";
        assert_eq!(
            counts(&body, "", None, KEY, Cursor::First, Order::NewestFirst, 50),
            format!(", {total}, CAST(0 AS BIGINT) AS ahead")
        );
        assert_eq!(
            counts(
                &body,
                "",
                None,
                KEY,
                Cursor::After(()),
                Order::NewestFirst,
                50
            ),
            format!(
                ", {total}, (SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = ? AND (t, id) >= (?, ?) LIMIT 1001) c) AS ahead"
            )
        );
        assert_eq!(
            counts(
                &body,
                "",
                None,
                KEY,
                Cursor::Before(()),
                Order::OldestFirst,
                50
            ),
            format!(
                ", {total}, (SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = ? AND (t, id) < (?, ?) LIMIT 1051) c) AS ahead"
            )
        );
    }

    #[test]
    fn the_rest_follows_the_cursors_condition_inside_the_count() {
        let body = [" FROM m CROSS JOIN LATERAL (SELECT 1 FROM x WHERE x.m = m.id AND a = ?"];
        assert_eq!(
            counts(
                &body,
                " LIMIT 9) s",
                None,
                KEY,
                Cursor::After(()),
                Order::NewestFirst,
                50
            ),
            ", (SELECT COUNT(*) FROM (SELECT 1 FROM m CROSS JOIN LATERAL (SELECT 1 FROM x \
             WHERE x.m = m.id AND a = ? LIMIT 9) s LIMIT 1001) c) AS total, \
             (SELECT COUNT(*) FROM (SELECT 1 FROM m CROSS JOIN LATERAL (SELECT 1 FROM x \
             WHERE x.m = m.id AND a = ? AND (t, id) >= (?, ?) LIMIT 9) s LIMIT 1001) c) AS ahead"
        );
    }

    #[test]
    fn a_kept_total_takes_the_place_of_the_count() {
        let body = [" FROM x WHERE a = ?"];
        let kept = "(SELECT n FROM kept WHERE a = ?)";
        assert_eq!(
            counts(
                &body,
                "",
                Some(kept),
                KEY,
                Cursor::First,
                Order::NewestFirst,
                50
            ),
            format!(", {kept} AS total, CAST(0 AS BIGINT) AS ahead")
        );
        assert_eq!(
            counts(
                &body,
                "",
                Some(kept),
                KEY,
                Cursor::After(()),
                Order::NewestFirst,
                50
            ),
            format!(
                ", {kept} AS total, (SELECT COUNT(*) FROM (SELECT 1 FROM x WHERE a = ? AND (t, id) >= (?, ?) LIMIT 1001) c) AS ahead"
            )
        );
    }

    #[test]
    fn rows_ahead_of_a_previous_page_are_those_ahead_of_its_cursor_less_the_page() {
        assert_eq!(rows_ahead(Cursor::First, 0, 50), 0);
        assert_eq!(rows_ahead(Cursor::After(()), 150, 50), 150);
        assert_eq!(rows_ahead(Cursor::Before(()), 150, 50), 100);
        // Counted a page past the cap, it stays past the cap.
        assert_eq!(
            rows_ahead(Cursor::Before(()), COUNT_CAP + 51, 50),
            COUNT_CAP + 1
        );
        assert_eq!(
            rows_ahead(Cursor::Before(()), COUNT_CAP + 50, 50),
            COUNT_CAP
        );
        assert_eq!(rows_ahead(Cursor::Before(()), 20, 20), 0);
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
