//! `csp-portal files migrate --to s3://...`: copies every download file and
//! attachment the database names from the local directory into a bucket,
//! each under its own name, and checks each copy against the size and
//! SHA-256 the database recorded. A copy already there and intact is left
//! as it is, so a run that stopped part way is simply run again. It switches
//! nothing: the instances read the bucket once `PORTAL_FILES_URL` is set.

use std::path::Path;

use super::location::S3Location;
use super::{Bucket, FileStore, Kind};
use crate::store::{Db, stored_files};

/// What a run did, per file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Copied and checked now.
    pub copied: usize,
    /// Already in the bucket, intact.
    pub present: usize,
    /// `kind/name: why` of each file not copied.
    pub failed: Vec<String>,
}

impl Report {
    pub fn complete(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Copies the files of both kinds under `data_dir` into `to`.
pub async fn to_bucket(db: &Db, data_dir: &Path, to: &S3Location) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for kind in [Kind::Files, Kind::Attachments] {
        let from = FileStore::new(data_dir.join(kind.dir_name()));
        let into = FileStore::in_bucket(Bucket::open(to, kind, None)?);
        copy_kind(db, kind, &from, &into, &mut report).await?;
    }
    Ok(report)
}

async fn copy_kind(
    db: &Db,
    kind: Kind,
    from: &FileStore,
    into: &FileStore,
    report: &mut Report,
) -> anyhow::Result<()> {
    let mut fail = |name: &str, why: String| {
        report
            .failed
            .push(format!("{}/{name}: {why}", kind.dir_name()))
    };
    let rows = stored_files::all(db, kind).await?;
    let mut copied = 0;
    let mut present = 0;
    for row in rows {
        let size = u64::try_from(row.size_bytes).unwrap_or(0);
        if into.holds(&row.storage_name, size, &row.sha256).await? {
            present += 1;
            continue;
        }
        let Some(path) = from.path(&row.storage_name) else {
            fail(&row.storage_name, "not a storage name".into());
            continue;
        };
        let file = match tokio::fs::File::open(&path).await {
            Ok(f) => f,
            Err(e) => {
                fail(&row.storage_name, format!("{}: {e}", path.display()));
                continue;
            }
        };
        // Hashed on the way in, as every write is: what arrived is what the
        // database recorded, or the copy goes again.
        let stored = into.put_named(&row.storage_name, file).await?;
        if stored.sha256 != row.sha256 || stored.size_bytes != row.size_bytes {
            if let Some(b) = into.bucket() {
                b.delete(&row.storage_name).await?;
            }
            fail(
                &row.storage_name,
                format!(
                    "the local file has SHA-256 {} ({} bytes), the database {} ({} bytes)",
                    stored.sha256, stored.size_bytes, row.sha256, row.size_bytes
                ),
            );
            continue;
        }
        copied += 1;
    }
    report.copied += copied;
    report.present += present;
    Ok(())
}
