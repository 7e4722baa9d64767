//! The local directory: files under generated names outside the web root,
//! written to a temporary name first so that a crash leaves no half file
//! under a real name.

use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

#[derive(Debug, Clone)]
pub struct Local {
    root: PathBuf,
}

impl Local {
    pub fn new(root: PathBuf) -> Local {
        Local { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn path(&self, storage_name: &str) -> PathBuf {
        self.root.join(storage_name)
    }

    /// A file being written as `storage_name`.
    pub async fn create(&self, storage_name: &str) -> std::io::Result<LocalWriter> {
        tokio::fs::create_dir_all(&self.root).await?;
        let partial = PartialFile {
            path: self.root.join(format!("{storage_name}.part")),
            kept: false,
        };
        let out = tokio::fs::File::create(&partial.path).await?;
        Ok(LocalWriter {
            out,
            partial,
            target: self.path(storage_name),
        })
    }
}

pub struct LocalWriter {
    out: tokio::fs::File,
    partial: PartialFile,
    target: PathBuf,
}

impl LocalWriter {
    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.out.write_all(chunk).await
    }

    /// Synced and renamed into place.
    pub async fn finish(self) -> std::io::Result<()> {
        let LocalWriter {
            out,
            partial,
            target,
        } = self;
        out.sync_all().await?;
        drop(out);
        tokio::fs::rename(&partial.path, &target).await?;
        partial.kept();
        Ok(())
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
