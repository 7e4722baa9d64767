//! An S3-compatible bucket (object_store's client): the files of one kind
//! under `<prefix>/<kind>/<storage name>`. Writes are multipart past a
//! part's size, so memory per upload stays a few parts whatever the file;
//! reads stream the bytes asked for.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::BoxStream;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::buffered::BufWriter;
use object_store::path::Path;
use object_store::signer::{Method, SignedUrlOptions, Signer};
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt};
use secrecy::ExposeSecret;
use tokio::io::AsyncWriteExt;

use super::Kind;
use super::location::S3Location;

/// S3's smallest part but the last is 5 MiB; two parts in flight at most.
const PART_BYTES: usize = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT: usize = 2;

#[derive(Clone)]
pub struct Bucket {
    store: Arc<AmazonS3>,
    root: Path,
    /// `s3://bucket/prefix/kind`, for messages.
    url: String,
    /// Downloads may be redirected to a URL signed for this long.
    presign: Option<Duration>,
}

/// Only where it is: the client's own `Debug` would show its credentials.
impl std::fmt::Debug for Bucket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bucket").field("url", &self.url).finish()
    }
}

impl Bucket {
    /// The bucket of `kind` at `location`; nothing is asked of the server yet.
    pub fn open(
        location: &S3Location,
        kind: Kind,
        presign: Option<Duration>,
    ) -> anyhow::Result<Bucket> {
        let mut b = AmazonS3Builder::new()
            .with_bucket_name(&location.bucket)
            .with_region(&location.region)
            .with_allow_http(location.allow_http);
        if let Some(endpoint) = &location.endpoint {
            b = b.with_endpoint(endpoint);
        }
        if let Some(id) = &location.access_key_id {
            b = b.with_access_key_id(id);
        }
        if let Some(secret) = &location.secret_access_key {
            b = b.with_secret_access_key(secret.expose_secret());
        }
        let store = b
            .build()
            .map_err(|e| anyhow::anyhow!("opening {}: {e}", location.url()))?;
        let root = if location.prefix.is_empty() {
            Path::from(kind.dir_name())
        } else {
            Path::from(location.prefix.as_str()).join(kind.dir_name())
        };
        Ok(Bucket {
            store: Arc::new(store),
            url: format!("s3://{}/{root}", location.bucket),
            root,
            presign: presign.filter(|_| kind == Kind::Files),
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn presign(&self) -> Option<Duration> {
        self.presign
    }

    fn path(&self, storage_name: &str) -> Path {
        self.root.clone().join(storage_name)
    }

    /// An object being written as `storage_name`: it appears only once
    /// [`BucketWriter::finish`] completes (a multipart upload is invisible
    /// until then), and one dropped unfinished is aborted.
    pub fn create(&self, storage_name: &str) -> BucketWriter {
        let store: Arc<dyn ObjectStore> = self.store.clone();
        BucketWriter {
            w: Some(
                BufWriter::with_capacity(store, self.path(storage_name), PART_BYTES)
                    .with_max_concurrency(PARTS_IN_FLIGHT),
            ),
        }
    }

    /// The bytes of `range` (all of them: `None`), as they arrive.
    pub async fn get(
        &self,
        storage_name: &str,
        range: Option<std::ops::Range<u64>>,
    ) -> object_store::Result<BoxStream<'static, object_store::Result<Bytes>>> {
        let options = GetOptions {
            range: range.map(GetRange::Bounded),
            ..GetOptions::default()
        };
        let got = self
            .store
            .get_opts(&self.path(storage_name), options)
            .await?;
        Ok(got.into_stream())
    }

    /// The size of a stored object, `None` when there is none.
    pub async fn size(&self, storage_name: &str) -> object_store::Result<Option<u64>> {
        match self.store.head(&self.path(storage_name)).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every storage name in the bucket (tests look for leftovers).
    #[cfg(feature = "test-helpers")]
    pub async fn names(&self) -> object_store::Result<Vec<String>> {
        use futures_util::TryStreamExt;
        let listed: Vec<_> = self.store.list(Some(&self.root)).try_collect().await?;
        Ok(listed
            .into_iter()
            .filter_map(|m| m.location.filename().map(str::to_owned))
            .collect())
    }

    pub async fn delete(&self, storage_name: &str) -> object_store::Result<()> {
        match self.store.delete(&self.path(storage_name)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// A GET of `storage_name` signed for `ttl`, saved as `file_name`.
    pub async fn signed_url(
        &self,
        storage_name: &str,
        file_name: &str,
        ttl: Duration,
    ) -> object_store::Result<url::Url> {
        let disposition = actix_web::http::header::ContentDisposition {
            disposition: actix_web::http::header::DispositionType::Attachment,
            parameters: vec![actix_web::http::header::DispositionParam::Filename(
                file_name.to_owned(),
            )],
        };
        let options = SignedUrlOptions::new()
            .with_query([("response-content-disposition", disposition.to_string())]);
        self.store
            .signed_url_opts(Method::GET, &self.path(storage_name), ttl, &options)
            .await
    }
}

pub struct BucketWriter {
    w: Option<BufWriter>,
}

impl BucketWriter {
    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        match &mut self.w {
            Some(w) => w.write_all(chunk).await,
            None => Err(std::io::Error::other("write after finish")),
        }
    }

    /// Uploads what is buffered and completes the object.
    pub async fn finish(mut self) -> std::io::Result<()> {
        match self.w.take() {
            Some(mut w) => match w.shutdown().await {
                Ok(()) => Ok(()),
                Err(e) => {
                    let _ = w.abort().await;
                    Err(e)
                }
            },
            None => Ok(()),
        }
    }
}

impl Drop for BucketWriter {
    fn drop(&mut self) {
        // An unfinished multipart upload keeps its parts (and their cost)
        // until aborted.
        if let Some(mut w) = self.w.take()
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(async move {
                let _ = w.abort().await;
            });
        }
    }
}
