//! Every stored file the database names, with the size and SHA-256 it
//! recorded: what `files migrate` copies and checks.

use super::{Conn, StoreResult, fetch_all};
use crate::files::Kind;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredFileRow {
    pub storage_name: String,
    pub size_bytes: i64,
    pub sha256: String,
}

pub async fn all<'c>(c: impl Into<Conn<'c>>, kind: Kind) -> StoreResult<Vec<StoredFileRow>> {
    let sql = match kind {
        Kind::Files => {
            "SELECT DISTINCT storage_name, size_bytes, sha256 FROM download_files ORDER BY storage_name"
        }
        Kind::Attachments => {
            "SELECT DISTINCT storage_name, size_bytes, sha256 FROM attachments ORDER BY storage_name"
        }
    };
    fetch_all!(c, sqlx::query_as::<_, StoredFileRow>(sql))
}
