//! Stopping cleanly. On SIGTERM or SIGINT the server stops accepting
//! connections and gives requests in flight, downloads included, up to
//! `PORTAL_SHUTDOWN_SECONDS` to finish; the background loops stop between
//! passes, so a reminder claimed in the store is always also sent.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

/// What a background loop watches to know it should stop.
#[derive(Clone)]
pub struct StopSignal(watch::Receiver<bool>);

impl StopSignal {
    /// Resolves once a stop is asked for (at once if it already was).
    pub async fn stopped(&mut self) {
        // An error means the sender is gone: nobody is left to wait for.
        let _ = self.0.wait_for(|stop| *stop).await;
    }
}

/// The background loops of one instance (the reminder job, the store probe).
pub struct Jobs {
    stop: watch::Sender<bool>,
    running: Vec<JoinHandle<()>>,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs {
            stop: watch::Sender::new(false),
            running: Vec::new(),
        }
    }
}

impl Jobs {
    /// Runs `job` until it returns; it gets the signal to return on.
    pub fn spawn<F>(&mut self, job: impl FnOnce(StopSignal) -> F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let signal = StopSignal(self.stop.subscribe());
        self.running.push(tokio::spawn(job(signal)));
    }

    /// A handle that asks every loop to stop.
    pub fn stopper(&self) -> watch::Sender<bool> {
        self.stop.clone()
    }

    /// Asks every loop to stop and waits up to `limit` for them to finish
    /// the pass they are in; false when one was still busy (and is left to
    /// be dropped with the runtime).
    pub async fn finish(self, limit: Duration) -> bool {
        self.stop.send_replace(true);
        let all = futures_util::future::join_all(self.running);
        tokio::time::timeout(limit, all).await.is_ok()
    }
}

/// Resolves on the first SIGTERM or SIGINT (Ctrl-C), naming it. Elsewhere
/// than on Unix, on Ctrl-C.
pub async fn signalled() -> std::io::Result<&'static str> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        Ok(tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
        })
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await?;
        Ok("Ctrl-C")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn loops_stop_between_passes_and_one_still_busy_at_the_limit_is_left() {
        let mut jobs = Jobs::default();
        jobs.spawn(|mut stop| async move {
            loop {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(1)) => {}
                    _ = stop.stopped() => return,
                }
            }
        });
        assert!(jobs.finish(Duration::from_secs(10)).await);

        let mut busy = Jobs::default();
        busy.spawn(|_| std::future::pending());
        assert!(!busy.finish(Duration::from_millis(10)).await);
    }
}
