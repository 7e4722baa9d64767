//! Where download files and service-request attachments live: a local
//! directory (the default, `PORTAL_DATA_DIR/files` and `/attachments`) or an
//! S3-compatible bucket that every instance shares (`PORTAL_FILES_URL`).
//! Callers see only [`FileStore`]: files go in as streams, hashed on the
//! way, under names we generate (hex), never a caller's.

mod bucket;
mod local;
pub mod location;
pub mod migrate;

use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt};

pub use bucket::Bucket;

use crate::config::Settings;

/// What storing a stream produced.
#[derive(Debug, Clone)]
pub struct Stored {
    pub storage_name: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// The two stores, each its own directory or prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Files,
    Attachments,
}

impl Kind {
    pub fn dir_name(self) -> &'static str {
        match self {
            Kind::Files => "files",
            Kind::Attachments => "attachments",
        }
    }
}

#[derive(Debug, Clone)]
pub struct FileStore {
    backend: Backend,
}

#[derive(Debug, Clone)]
enum Backend {
    Local(local::Local),
    Bucket(Bucket),
}

/// A stored file being written: to a temporary local name, or to the bucket.
enum Writer {
    Local(local::LocalWriter),
    Bucket(bucket::BucketWriter),
}

impl Writer {
    async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        match self {
            Writer::Local(w) => w.write(chunk).await,
            Writer::Bucket(w) => w.write(chunk).await,
        }
    }

    async fn finish(self) -> std::io::Result<()> {
        match self {
            Writer::Local(w) => w.finish().await,
            Writer::Bucket(w) => w.finish().await,
        }
    }
}

/// Storage names are ours: hex only, so never a path.
fn valid_name(storage_name: &str) -> bool {
    !storage_name.is_empty() && storage_name.bytes().all(|b| b.is_ascii_hexdigit())
}

fn new_name() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A reader as a stream of chunks of at most 64 KiB.
fn chunks_of(reader: impl AsyncRead + Unpin) -> impl Stream<Item = std::io::Result<Bytes>> + Unpin {
    Box::pin(futures_util::stream::unfold(
        (reader, false),
        |(mut reader, done)| async move {
            if done {
                return None;
            }
            let mut buf = vec![0u8; 64 * 1024];
            match reader.read(&mut buf).await {
                Ok(0) => None,
                Ok(n) => {
                    buf.truncate(n);
                    Some((Ok(Bytes::from(buf)), (reader, false)))
                }
                Err(e) => Some((Err(e), (reader, true))),
            }
        },
    ))
}

impl FileStore {
    /// The local directory `root`.
    pub fn new(root: impl Into<PathBuf>) -> FileStore {
        FileStore {
            backend: Backend::Local(local::Local::new(root.into())),
        }
    }

    pub fn in_bucket(bucket: Bucket) -> FileStore {
        FileStore {
            backend: Backend::Bucket(bucket),
        }
    }

    /// The store of `kind` the settings name.
    pub fn from_settings(settings: &Settings, kind: Kind) -> anyhow::Result<FileStore> {
        Ok(match &settings.files_s3 {
            None => FileStore::new(settings.data_dir.join(kind.dir_name())),
            Some(location) => {
                FileStore::in_bucket(Bucket::open(location, kind, settings.files_presign)?)
            }
        })
    }

    /// Where it is, for messages: a directory or `s3://bucket/prefix/kind`.
    pub fn describe(&self) -> String {
        match &self.backend {
            Backend::Local(l) => l.root().display().to_string(),
            Backend::Bucket(b) => b.url().to_owned(),
        }
    }

    /// Stores a stream under a new generated name, hashing as it goes, so a
    /// file of any size passes through a small buffer.
    pub async fn put(&self, reader: impl AsyncRead + Unpin) -> std::io::Result<Stored> {
        self.put_named(&new_name(), reader).await
    }

    /// Stores a stream as `storage_name` (a copy keeps its name).
    pub async fn put_named(
        &self,
        storage_name: &str,
        reader: impl AsyncRead + Unpin,
    ) -> std::io::Result<Stored> {
        self.write(storage_name, chunks_of(reader), None)
            .await?
            .ok_or_else(|| std::io::Error::other("a store without a limit refused a file"))
    }

    /// Stores a stream of chunks (an upload) unless it grows past `limit`
    /// bytes: then the partial file is removed and `None` is returned. The
    /// partial file goes on every other way out too (a read or write error,
    /// the caller's future dropped mid-upload).
    pub async fn put_limited<S, E>(&self, chunks: S, limit: i64) -> std::io::Result<Option<Stored>>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        self.write(&new_name(), chunks, Some(limit)).await
    }

    async fn write<S, E>(
        &self,
        storage_name: &str,
        mut chunks: S,
        limit: Option<i64>,
    ) -> std::io::Result<Option<Stored>>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        if !valid_name(storage_name) {
            return Err(std::io::Error::other("not a storage name"));
        }
        let mut out = match &self.backend {
            Backend::Local(l) => Writer::Local(l.create(storage_name).await?),
            Backend::Bucket(b) => Writer::Bucket(b.create(storage_name)),
        };
        let mut hasher = Sha256::new();
        let mut size: i64 = 0;
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.map_err(|e| std::io::Error::other(e.to_string()))?;
            size += chunk.len() as i64;
            if limit.is_some_and(|l| size > l) {
                drop(out);
                // Drain the rest so the request can still be answered (a
                // broken stream fails for ever: stop at its first error).
                while let Some(chunk) = chunks.next().await {
                    chunk.map_err(|e| std::io::Error::other(e.to_string()))?;
                }
                return Ok(None);
            }
            hasher.update(&chunk);
            out.write(&chunk).await?;
        }
        out.finish().await?;
        Ok(Some(Stored {
            storage_name: storage_name.to_owned(),
            size_bytes: size,
            sha256: hex::encode(hasher.finalize()),
        }))
    }

    /// Removes a stored file (a rejected form keeps nothing). Synchronous so
    /// that a drop guard can call it: a bucket's delete is sent on its way.
    pub fn remove_now(&self, storage_name: &str) {
        if !valid_name(storage_name) {
            return;
        }
        match &self.backend {
            Backend::Local(l) => {
                let _ = std::fs::remove_file(l.path(storage_name));
            }
            Backend::Bucket(b) => {
                if let Ok(rt) = tokio::runtime::Handle::try_current() {
                    let (b, name) = (b.clone(), storage_name.to_owned());
                    rt.spawn(async move {
                        if let Err(e) = b.delete(&name).await {
                            tracing::warn!(error = %e, "removing a stored file failed");
                        }
                    });
                }
            }
        }
    }

    /// The path of a stored file in the local directory; `None` for a
    /// bucket or a name that is not ours.
    pub fn path(&self, storage_name: &str) -> Option<PathBuf> {
        match &self.backend {
            Backend::Local(l) if valid_name(storage_name) => Some(l.path(storage_name)),
            _ => None,
        }
    }

    /// The local directory, if that is where the files are.
    pub fn root(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Local(l) => Some(l.root()),
            Backend::Bucket(_) => None,
        }
    }

    /// The bucket, if that is where the files are.
    pub fn bucket(&self) -> Option<&Bucket> {
        match &self.backend {
            Backend::Bucket(b) => Some(b),
            Backend::Local(_) => None,
        }
    }

    /// Whether `storage_name` holds exactly `size` bytes hashing to
    /// `sha256` (read back whole, as a stream).
    pub async fn holds(&self, storage_name: &str, size: u64, sha256: &str) -> anyhow::Result<bool> {
        if !valid_name(storage_name) {
            return Ok(false);
        }
        let mut hasher = Sha256::new();
        let mut seen: u64 = 0;
        match &self.backend {
            Backend::Local(l) => {
                let Ok(file) = tokio::fs::File::open(l.path(storage_name)).await else {
                    return Ok(false);
                };
                let mut chunks = chunks_of(file);
                while let Some(c) = chunks.next().await {
                    let c = c?;
                    seen += c.len() as u64;
                    hasher.update(&c);
                }
            }
            Backend::Bucket(b) => {
                if b.size(storage_name).await? != Some(size) {
                    return Ok(false);
                }
                let mut chunks = b.get(storage_name, None).await?;
                while let Some(c) = chunks.next().await {
                    let c = c?;
                    seen += c.len() as u64;
                    hasher.update(&c);
                }
            }
        }
        Ok(seen == size && hex::encode(hasher.finalize()) == sha256)
    }
}
