//! Where download files (and later attachments) live: a directory outside the
//! web root, under generated names. Callers see only this interface, so an
//! object store can replace the local disk when several instances serve
//! downloads.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

/// What storing a stream produced.
#[derive(Debug, Clone)]
pub struct Stored {
    pub storage_name: String,
    pub size_bytes: i64,
    pub sha256: String,
}

impl FileStore {
    pub fn new(root: impl Into<PathBuf>) -> FileStore {
        FileStore { root: root.into() }
    }

    /// Stores a stream under a new generated name, hashing as it goes, so a
    /// file of any size passes through a small buffer. Written to a temporary
    /// name first: a crash leaves no half file under a real name.
    pub async fn put(&self, mut reader: impl AsyncRead + Unpin) -> std::io::Result<Stored> {
        tokio::fs::create_dir_all(&self.root).await?;
        let storage_name = uuid::Uuid::new_v4().simple().to_string();
        let tmp = self.root.join(format!("{storage_name}.part"));
        let mut out = tokio::fs::File::create(&tmp).await?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut size: i64 = 0;
        loop {
            let n = reader.read(&mut buf).await?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).await?;
            size += n as i64;
        }
        out.sync_all().await?;
        drop(out);
        tokio::fs::rename(&tmp, self.root.join(&storage_name)).await?;
        let sha256 = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Stored {
            storage_name,
            size_bytes: size,
            sha256,
        })
    }

    /// The path of a stored file; names are ours (hex), never a caller's.
    pub fn path(&self, storage_name: &str) -> Option<PathBuf> {
        let ok = !storage_name.is_empty() && storage_name.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| self.root.join(storage_name))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}
