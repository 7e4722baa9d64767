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
            let chunk = buf
                .get(..n)
                .ok_or_else(|| std::io::Error::other("a read past the end of its buffer"))?;
            hasher.update(chunk);
            out.write_all(chunk).await?;
            size += n as i64;
        }
        out.sync_all().await?;
        drop(out);
        tokio::fs::rename(&tmp, self.root.join(&storage_name)).await?;
        let sha256 = hex::encode(hasher.finalize());
        Ok(Stored {
            storage_name,
            size_bytes: size,
            sha256,
        })
    }

    /// Stores a stream of chunks (an upload) unless it grows past `limit`
    /// bytes: then the partial file is removed and `None` is returned. The
    /// partial file goes on every other way out too (a read or write error,
    /// the caller's future dropped mid-upload).
    pub async fn put_limited<S, E>(
        &self,
        mut chunks: S,
        limit: i64,
    ) -> std::io::Result<Option<Stored>>
    where
        S: futures_util::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        use futures_util::StreamExt;
        tokio::fs::create_dir_all(&self.root).await?;
        let storage_name = uuid::Uuid::new_v4().simple().to_string();
        let tmp = PartialFile {
            path: self.root.join(format!("{storage_name}.part")),
            kept: false,
        };
        let mut out = tokio::fs::File::create(&tmp.path).await?;
        let mut hasher = Sha256::new();
        let mut size: i64 = 0;
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.map_err(|e| std::io::Error::other(e.to_string()))?;
            size += chunk.len() as i64;
            if size > limit {
                drop(out);
                drop(tmp);
                // Drain the rest so the request can still be answered (a
                // broken stream fails for ever: stop at its first error).
                while let Some(chunk) = chunks.next().await {
                    chunk.map_err(|e| std::io::Error::other(e.to_string()))?;
                }
                return Ok(None);
            }
            hasher.update(&chunk);
            out.write_all(&chunk).await?;
        }
        out.sync_all().await?;
        drop(out);
        tokio::fs::rename(&tmp.path, self.root.join(&storage_name)).await?;
        tmp.kept();
        let sha256 = hex::encode(hasher.finalize());
        Ok(Some(Stored {
            storage_name,
            size_bytes: size,
            sha256,
        }))
    }

    /// Removes a stored file (a rejected form keeps nothing). Synchronous so
    /// that a drop guard can call it; unlinking does not wait on the size.
    pub fn remove_now(&self, storage_name: &str) {
        if let Some(p) = self.path(storage_name) {
            let _ = std::fs::remove_file(p);
        }
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

/// A file being written under a temporary name: removed when dropped, unless
/// it was renamed into place ([`PartialFile::kept`]).
struct PartialFile {
    path: PathBuf,
    kept: bool,
}

impl PartialFile {
    fn kept(mut self) {
        self.kept = true;
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
