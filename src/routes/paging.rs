//! The links under a list paged by keyset both ways: Previous and Next from
//! the rows shown, First when that is further back, and "Showing N–M of T".

use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use std::future::Future;

use crate::store::StoreResult;
use crate::store::keyset::{self, Counted, Counting, Cursor};
use crate::web::page::Page;

/// A row where a page starts or ends, as its address carries it.
pub type Edge = (DateTime<Utc>, Uuid);

/// The cursor in a page's address: the row the page starts after (Next)
/// or ends before (Previous); neither for the first page. Next and
/// Previous also say how many rows lie ahead of the page they lead to
/// (`from`), which the page before knew: counting them again (up to
/// `COUNT_CAP` entries of the index) made a deep page cost a fifth more
/// than the first (bench/RESULTS.md). It only numbers the rows shown
/// ("Showing 951–1,000"), never chooses them: an edited one shows its
/// editor other numbers, within the list's total; a list that changed
/// since the page before is numbered as it was until the first page.
#[derive(Deserialize, Default)]
pub struct CursorQuery {
    after_at: Option<DateTime<Utc>>,
    after_id: Option<Uuid>,
    before_at: Option<DateTime<Utc>>,
    before_id: Option<Uuid>,
    /// Not a number, or negative: counted as without it.
    from: Option<String>,
}

impl CursorQuery {
    pub fn cursor(&self) -> Cursor<Edge> {
        match (self.after_at, self.after_id, self.before_at, self.before_id) {
            (Some(at), Some(id), _, _) => Cursor::After((at, id)),
            (_, _, Some(at), Some(id)) => Cursor::Before((at, id)),
            _ => Cursor::First,
        }
    }

    /// The rows ahead of the page, when its address says.
    pub fn ahead(&self) -> Option<i64> {
        self.from
            .as_deref()
            .and_then(|f| f.parse::<i64>().ok())
            .filter(|n| *n >= 0)
    }
}

pub struct Pager {
    /// "Showing 51–100 of 230", or empty when nothing is shown.
    pub showing: String,
    pub first: Option<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// What a page of a list came to.
pub struct Shown {
    /// How the page was asked for (its key left out).
    pub cursor: Cursor<()>,
    /// More rows lie beyond the page in the direction it was read.
    pub more: bool,
    /// Its first and last rows.
    pub edges: Option<(Edge, Edge)>,
    pub rows: usize,
    /// Rows ahead of the page, and of the whole list (the same filters).
    pub before: i64,
    pub total: i64,
    pub page_size: i64,
}

/// Reads the page `cursor` asks for with `fetch`: its rows, each carrying
/// the counts of the whole list and, unless the address gave them
/// (`ahead`, [`CursorQuery::ahead`]), of the rows ahead
/// ([`keyset::counts`]), and whether more lie beyond. A previous page that
/// reaches the top short of a whole page (a row left the list meanwhile)
/// is read again as the first page, so that one is whole. `edge` says
/// where a row stands, for the links to the pages around.
pub async fn read<K: Copy, T, Rows>(
    cursor: Cursor<K>,
    ahead: Option<i64>,
    page_size: i64,
    fetch: impl Fn(Counting<K>) -> Rows,
    edge: impl Fn(&T) -> Edge,
) -> StoreResult<(Vec<T>, Shown)>
where
    Rows: Future<Output = StoreResult<(Vec<Counted<T>>, bool)>>,
{
    let counting = |cursor| Counting {
        cursor,
        count_ahead: ahead.is_none(),
    };
    let (mut cursor, (mut rows, mut more)) = (cursor, fetch(counting(cursor)).await?);
    if cursor.backwards() && !more && (rows.len() as i64) < page_size {
        cursor = Cursor::First;
        (rows, more) = fetch(counting(cursor)).await?;
    }
    // A page without rows has nothing to count.
    let (total, before) = rows.first().map_or((0, 0), |r| {
        let shown = rows.len();
        let before = match (cursor, ahead) {
            (Cursor::First, _) => 0,
            // Within an exact total...
            (_, Some(n)) if r.total <= keyset::COUNT_CAP => n.min(r.total - shown as i64).max(0),
            // ... or past the cap, where a page only says it lies further
            // (a capped total may be short of the list's).
            (_, Some(n)) => n.min(r.total.max(keyset::COUNT_CAP + 1)),
            (_, None) => keyset::rows_ahead(cursor.kind(), r.ahead, shown),
        };
        (r.total, before)
    });
    let rows: Vec<T> = rows.into_iter().map(|r| r.row).collect();
    let shown = Shown {
        cursor: cursor.kind(),
        more,
        edges: rows
            .first()
            .zip(rows.last())
            .map(|(a, b)| (edge(a), edge(b))),
        rows: rows.len(),
        before,
        total,
        page_size,
    };
    Ok((rows, shown))
}

/// `base` with the list's own `params` and, for another page, its cursor
/// (`after_at`/`after_id` or `before_at`/`before_id`) and the rows ahead
/// of that page (`from`).
pub fn url(base: &str, params: &[(&str, String)], cursor: Cursor<Edge>, from: i64) -> String {
    let mut all: Vec<(&str, String)> = params.to_vec();
    let (at, id) = match cursor {
        Cursor::First => ("", ""),
        Cursor::After(_) => ("after_at", "after_id"),
        Cursor::Before(_) => ("before_at", "before_id"),
    };
    if let Some((time, row)) = cursor.key() {
        all.push((at, time.to_rfc3339()));
        all.push((id, row.to_string()));
        all.push(("from", from.to_string()));
    }
    if all.is_empty() {
        return base.to_owned();
    }
    format!(
        "{base}?{}",
        serde_urlencoded::to_string(&all).unwrap_or_default()
    )
}

impl Pager {
    pub fn new(page: &Page, base: &str, params: &[(&str, String)], s: Shown) -> Pager {
        let backwards = s.cursor.backwards();
        // Read forwards, rows lie behind unless this is the first page; read
        // backwards (Previous), the page was reached from a row after it.
        let has_prev = if backwards {
            s.more
        } else {
            s.cursor != Cursor::First
        };
        let has_next = if backwards { true } else { s.more };
        // A previous page that is not whole is read as the first one.
        let (prev_from, next_from) = ((s.before - s.page_size).max(0), s.before + s.rows as i64);
        let (prev, next) = match s.edges {
            Some((first, last)) => (
                has_prev.then(|| url(base, params, Cursor::Before(first), prev_from)),
                has_next.then(|| url(base, params, Cursor::After(last), next_from)),
            ),
            None => (None, None),
        };
        Pager {
            showing: crate::routes::support::list::showing(page, s.before, s.rows, s.total),
            // Previous already leads to the first page from the second.
            first: (s.before > s.page_size || (s.rows == 0 && s.cursor != Cursor::First))
                .then(|| url(base, params, Cursor::First, 0)),
            prev,
            next,
        }
    }
}
