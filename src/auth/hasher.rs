//! Where passwords are hashed and checked in the server: at most a few at a
//! time, each in a memory buffer of its own that is kept and reused.
//!
//! Argon2id with OWASP's parameters needs 19 MiB per hash. Allocated per
//! call, parallel sign-ins (even for addresses nobody has) pushed the heap
//! up by the number in flight and the allocator kept it. Here a semaphore
//! bounds the hashes running at once (queueing beyond, with a short wait
//! limit answered by a 503), and each permit comes with a buffer from a
//! pool of exactly that many, so the memory is bounded and steady.
//!
//! The hashes run on threads of their own at a lower CPU priority (nice 9):
//! on a busy machine the kernel gives the page workers the CPU first, so a
//! crowd signing in slows sign-ins, not every page (bench/RESULTS.md,
//! "while 20 clients sign in").

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;

use crate::error::AppError;

/// How long a password check may wait for its turn before the answer is
/// "busy, try again" rather than a hanging page (`Settings::hash_wait`).
pub const WAIT: Duration = Duration::from_secs(3);

type Job = Box<dyn FnOnce() + Send>;

struct Hasher {
    wait: Duration,
    permits: Arc<Semaphore>,
    /// To the hash threads; as many as permits, so a job never waits here.
    jobs: Mutex<std::sync::mpsc::Sender<Job>>,
    buffers: Mutex<Vec<Vec<Block>>>,
    limit: usize,
    running: AtomicUsize,
    peak: AtomicUsize,
}

/// (most hashes ever run at once in this process, the limit).
pub fn peak_and_limit() -> (usize, usize) {
    let h = hasher();
    (h.peak.load(Ordering::Relaxed), h.limit)
}

static HASHER: OnceLock<Hasher> = OnceLock::new();

/// Sets how many hashes run at once (`PORTAL_HASH_THREADS`; `None`: one per
/// core). The process has one hasher: the first setting (or first hash)
/// fixes it, later calls change nothing.
pub fn set_concurrency(threads: Option<usize>, wait: Duration) {
    HASHER.get_or_init(|| Hasher::new(threads, wait));
}

impl Hasher {
    fn new(threads: Option<usize>, wait: Duration) -> Hasher {
        let limit = threads
            .filter(|n| *n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from));
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..limit {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("hash-{n}"))
                .spawn(move || {
                    lower_priority();
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match job {
                            // A job that panics must not take the thread with it.
                            Ok(job) => {
                                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                            }
                            Err(_) => return,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "a password hash thread could not start");
            }
        }
        Hasher {
            wait,
            jobs: Mutex::new(tx),
            permits: Arc::new(Semaphore::new(limit)),
            buffers: Mutex::new(Vec::new()),
            limit,
            running: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }
}

/// Below the page workers (nice 9 on Linux); where the system refuses, the
/// thread keeps the normal priority and says so once.
fn lower_priority() {
    use thread_priority::{ThreadPriority, ThreadPriorityValue, set_current_thread_priority};
    let low = ThreadPriorityValue::try_from(23u8).map(ThreadPriority::Crossplatform);
    if let Err(e) = low.map(set_current_thread_priority) {
        tracing::warn!(error = ?e, "password hashes run at the normal priority");
    }
}

fn hasher() -> &'static Hasher {
    HASHER.get_or_init(|| Hasher::new(None, WAIT))
}

fn params() -> Params {
    Params::default()
}

/// Runs `work` on the blocking pool with a permit and a buffer of
/// `blocks` blocks; both go back when it ends, even if the caller gave up.
async fn with_memory<T: Send + 'static>(
    blocks: usize,
    work: impl FnOnce(&mut [Block]) -> T + Send + 'static,
) -> Result<T, AppError> {
    let h = hasher();
    let permit = tokio::time::timeout(h.wait, h.permits.clone().acquire_owned())
        .await
        .map_err(|_| AppError::Busy)?
        .map_err(|_| AppError::Busy)?;
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let mut buf = h
            .buffers
            .lock()
            .ok()
            .and_then(|mut b| b.pop())
            .filter(|b| b.len() == blocks)
            .unwrap_or_else(|| vec![Block::default(); blocks]);
        let now = h.running.fetch_add(1, Ordering::SeqCst) + 1;
        h.peak.fetch_max(now, Ordering::SeqCst);
        let out = work(&mut buf);
        h.running.fetch_sub(1, Ordering::SeqCst);
        if let Ok(mut pool) = h.buffers.lock() {
            pool.push(buf);
        }
        drop(permit);
        // The caller may have gone (the client left): nobody to tell.
        let _ = done.send(out);
    });
    h.jobs
        .lock()
        .map_err(|_| AppError::Busy)?
        .send(job)
        .map_err(|_| AppError::Busy)?;
    result.await.map_err(|_| AppError::Busy)
}

fn compute(
    argon: &Argon2<'_>,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
    memory: &mut [Block],
) -> Result<(), argon2::Error> {
    let n = argon.params().block_count();
    let memory = memory.get_mut(..n).ok_or(argon2::Error::MemoryTooLittle)?;
    argon.hash_password_into_with_memory(password, salt, out, memory)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) for `password`.
pub async fn hash(password: SecretString) -> Result<String, AppError> {
    let p = params();
    with_memory(p.block_count(), move |memory| {
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, p.clone());
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
        compute(
            &argon,
            password.expose_secret().as_bytes(),
            &salt,
            &mut out,
            memory,
        )
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&p).map_err(|e| anyhow::anyhow!("{e}"))?,
            salt: Some(Salt::new(&salt).map_err(|e| anyhow::anyhow!("{e}"))?),
            hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("{e}"))?),
        };
        Ok::<_, anyhow::Error>(phc.to_string())
    })
    .await?
    .map_err(AppError::Internal)
}

/// Whether `password` matches the PHC string `stored`. A string that does
/// not parse, or asks for more memory than our parameters, never matches.
pub async fn verify(stored: String, password: SecretString) -> Result<bool, AppError> {
    let blocks = params().block_count();
    with_memory(blocks, move |memory| {
        let Ok(phc) = PasswordHash::new(&stored) else {
            return false;
        };
        let (Ok(algorithm), Ok(p)) = (
            Algorithm::try_from(phc.algorithm.as_str()),
            Params::try_from(&phc),
        ) else {
            return false;
        };
        let version = phc
            .version
            .and_then(|v| Version::try_from(v).ok())
            .unwrap_or_default();
        let (Some(salt), Some(expected)) = (&phc.salt, &phc.hash) else {
            return false;
        };
        let argon = Argon2::new(algorithm, version, p);
        let mut out = vec![0u8; expected.len()];
        compute(
            &argon,
            password.expose_secret().as_bytes(),
            salt.as_ref(),
            &mut out,
            memory,
        )
        .is_ok()
            && bool::from(out.as_slice().ct_eq(expected.as_ref()))
    })
    .await
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    use super::*;

    #[tokio::test]
    async fn hashes_agree_with_the_reference_implementation() {
        let pw = || SecretString::from("correct horse battery staple".to_owned());
        let ours = hash(pw()).await.expect("hash");
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        let parsed = PasswordHash::new(&ours).expect("phc");
        assert!(
            Argon2::default()
                .verify_password(pw().expose_secret().as_bytes(), &parsed)
                .is_ok()
        );
        let theirs = Argon2::default()
            .hash_password(pw().expose_secret().as_bytes())
            .expect("reference hash")
            .to_string();
        assert!(verify(theirs.clone(), pw()).await.expect("verify"));
        assert!(
            !verify(theirs, SecretString::from("wrong".to_owned()))
                .await
                .expect("verify")
        );
        assert!(!verify("not a hash".into(), pw()).await.expect("verify"));
    }
}
