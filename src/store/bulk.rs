//! Many rows into one table at once, for loading large data sets (the
//! benchmark's `csp-portal demo --scale`): multi-row `VALUES` on SQLite,
//! `UNNEST` of one array per column on PostgreSQL. Values are bound, never
//! spliced, so they are encoded exactly as the portal's own inserts encode
//! them (UUID blobs and RFC 3339 text on SQLite); only the table and column
//! names, which come from code, are part of the SQL text.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{StoreResult, Tx, execute};

/// One column's values, all rows of the batch.
pub enum Column {
    Uuid(Vec<Uuid>),
    OptUuid(Vec<Option<Uuid>>),
    Time(Vec<DateTime<Utc>>),
    OptTime(Vec<Option<DateTime<Utc>>>),
    Int(Vec<i64>),
    Text(Vec<String>),
    OptText(Vec<Option<String>>),
    Bytes(Vec<Vec<u8>>),
}

impl Column {
    fn len(&self) -> usize {
        match self {
            Column::Uuid(v) => v.len(),
            Column::OptUuid(v) => v.len(),
            Column::Time(v) => v.len(),
            Column::OptTime(v) => v.len(),
            Column::Int(v) => v.len(),
            Column::Text(v) => v.len(),
            Column::OptText(v) => v.len(),
            Column::Bytes(v) => v.len(),
        }
    }

    /// The PostgreSQL array type `UNNEST` reads this column as.
    fn pg_array(&self) -> &'static str {
        match self {
            Column::Uuid(_) | Column::OptUuid(_) => "uuid[]",
            Column::Time(_) | Column::OptTime(_) => "timestamptz[]",
            Column::Int(_) => "int8[]",
            Column::Text(_) | Column::OptText(_) => "text[]",
            Column::Bytes(_) => "bytea[]",
        }
    }
}

/// Rows for one table, column by column (every column as long as the first).
pub struct Rows {
    pub table: &'static str,
    pub columns: Vec<(&'static str, Column)>,
}

impl Rows {
    pub fn new(table: &'static str) -> Rows {
        Rows {
            table,
            columns: Vec::new(),
        }
    }

    pub fn column(mut self, name: &'static str, values: Column) -> Rows {
        self.columns.push((name, values));
        self
    }

    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, |(_, c)| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn names(&self) -> String {
        self.columns
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// SQLite allows 32,766 bound values a statement; a few hundred rows a
/// statement already takes the per-statement cost out of the load.
const SQLITE_ROWS: usize = 400;
/// PostgreSQL rows a statement: each column is one array parameter.
const PG_ROWS: usize = 10_000;

/// Inserts every row of `rows` in `tx`; how many were written.
pub async fn insert(tx: &mut Tx, rows: &Rows) -> StoreResult<u64> {
    let n = rows.len();
    if rows.columns.iter().any(|(_, c)| c.len() != n) {
        return Err(super::StoreError::Other(sqlx::Error::Protocol(format!(
            "bulk insert into {}: columns of different lengths",
            rows.table
        ))));
    }
    let mut written = 0;
    match tx {
        Tx::Sqlite(t) => {
            for start in (0..n).step_by(SQLITE_ROWS) {
                let end = (start + SQLITE_ROWS).min(n);
                written += sqlite_chunk(t, rows, start, end).await?;
            }
        }
        Tx::Pg(t) => {
            for start in (0..n).step_by(PG_ROWS) {
                let end = (start + PG_ROWS).min(n);
                written += pg_chunk(t, rows, start, end).await?;
            }
        }
    }
    Ok(written)
}

async fn sqlite_chunk(
    conn: &mut sqlx::SqliteConnection,
    rows: &Rows,
    start: usize,
    end: usize,
) -> StoreResult<u64> {
    // Anonymous `?` placeholders here, not `$n`: SQLite finds a numbered
    // parameter's name by a linear walk, once per parameter as sqlx binds,
    // which made binding thousands of them cost three quarters of a load.
    let tuple = format!("({})", vec!["?"; rows.columns.len()].join(", "));
    let tuples = vec![tuple.as_str(); end - start];
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {}",
        rows.table,
        rows.names(),
        tuples.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for r in start..end {
        for (_, col) in &rows.columns {
            q = match col {
                Column::Uuid(v) => q.bind(v.get(r).copied()),
                Column::OptUuid(v) => q.bind(v.get(r).copied().flatten()),
                Column::Time(v) => q.bind(v.get(r).copied()),
                Column::OptTime(v) => q.bind(v.get(r).copied().flatten()),
                Column::Int(v) => q.bind(v.get(r).copied()),
                Column::Text(v) => q.bind(v.get(r).cloned()),
                Column::OptText(v) => q.bind(v.get(r).cloned().flatten()),
                Column::Bytes(v) => q.bind(v.get(r).cloned()),
            };
        }
    }
    Ok(q.execute(conn).await?.rows_affected())
}

async fn pg_chunk(
    conn: &mut sqlx::PgConnection,
    rows: &Rows,
    start: usize,
    end: usize,
) -> StoreResult<u64> {
    let arrays: Vec<String> = rows
        .columns
        .iter()
        .enumerate()
        .map(|(i, (_, c))| format!("${}::{}", i + 1, c.pg_array()))
        .collect();
    let sql = format!(
        "INSERT INTO {} ({}) SELECT * FROM UNNEST({})",
        rows.table,
        rows.names(),
        arrays.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (_, col) in &rows.columns {
        q = match col {
            Column::Uuid(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::OptUuid(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::Time(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::OptTime(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::Int(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::Text(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::OptText(v) => q.bind(v.get(start..end).unwrap_or_default()),
            Column::Bytes(v) => q.bind(v.get(start..end).unwrap_or_default()),
        };
    }
    Ok(q.execute(conn).await?.rows_affected())
}

/// The indexes of `table` that no constraint owns, as the store would
/// create them again: what [`without_indexes`] drops.
async fn secondary_indexes(tx: &mut Tx, table: &str) -> StoreResult<Vec<(String, String)>> {
    Ok(match tx {
        // An index SQLite made for a constraint has no `sql`.
        Tx::Sqlite(t) => {
            sqlx::query_as(
                "SELECT name, sql FROM sqlite_master \
                 WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL ORDER BY name",
            )
            .bind(table)
            .fetch_all(&mut **t)
            .await?
        }
        Tx::Pg(t) => {
            sqlx::query_as(
                "SELECT CAST(i.relname AS TEXT), pg_get_indexdef(x.indexrelid) \
                 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
                 WHERE x.indrelid = CAST(CAST($1 AS TEXT) AS regclass) \
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) \
                 ORDER BY 1",
            )
            .bind(table)
            .fetch_all(&mut **t)
            .await?
        }
    })
}

/// Runs `load` with `table`'s secondary indexes dropped and builds them
/// again after, all in `tx`: building an index once over a million rows
/// costs a fraction of keeping it sorted row by row as they arrive (the
/// audit log's six, bench/RESULTS.md). If anything fails the transaction
/// is not committed and the indexes were never gone; the table is locked
/// for the load.
pub async fn without_indexes<F>(tx: &mut Tx, table: &'static str, load: F) -> anyhow::Result<()>
where
    F: AsyncFnOnce(&mut Tx) -> anyhow::Result<()>,
{
    let indexes = secondary_indexes(tx, table).await?;
    for (name, _) in &indexes {
        execute!(
            &mut *tx,
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP INDEX \"{name}\"")))
        )?;
    }
    load(&mut *tx).await?;
    for (_, create) in &indexes {
        execute!(&mut *tx, sqlx::query(sqlx::AssertSqlSafe(create.as_str())))?;
    }
    Ok(())
}

/// After a load: PostgreSQL's planner statistics and visibility map brought
/// up to date at once rather than whenever autovacuum gets to the tables, so
/// a benchmark right after the load sees the plans a settled store has.
/// SQLite's write-ahead log is copied into the database and emptied: the
/// load leaves hundreds of megabytes in it, which the next process to open
/// the store would read through first (4 s for 750 MB, past the pool's
/// wait for a connection). The portal never runs ANALYZE on SQLite.
pub async fn settle(db: &super::Db, tables: &[&str]) -> StoreResult<()> {
    match db {
        super::Db::Pg(pool) => {
            for t in tables {
                sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM (ANALYZE) {t}")))
                    .execute(pool)
                    .await?;
            }
        }
        super::Db::Sqlite(pool) => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await?;
        }
    }
    Ok(())
}
