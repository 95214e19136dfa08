//! What the tests share: one moto server while any test needs it, and unique names.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};

use pagination_examples::moto::MotoServer;

/// The moto server of the tests running now. Not a plain static: a static is never dropped, and
/// the server would outlive the test binary. Here the last test to finish drops the last `Arc`
/// and the server is stopped; a test that starts later starts a new one.
static SHARED_SERVER: Mutex<Weak<MotoServer>> = Mutex::new(Weak::new());

pub fn moto() -> Arc<MotoServer> {
    let mut shared = SHARED_SERVER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(server) = shared.upgrade() {
        return server;
    }
    let server = Arc::new(MotoServer::start().unwrap_or_else(|error| panic!("{error}")));
    *shared = Arc::downgrade(&server);
    server
}

/// A bucket name no other test uses.
pub fn unique_bucket(purpose: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{purpose}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}
