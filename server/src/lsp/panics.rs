//! Panics caught and reported, so that one bad document or request never takes the server down: the handlers
//! and the scheduler run their work through [`Panics::guarded`], and a lock a caught panic poisoned is used as
//! it is.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::Client;

/// Reports caught panics to stderr and to the client.
#[derive(Clone)]
pub struct Panics {
    client: Client,
}

impl Panics {
    pub fn new(client: Client) -> Panics {
        Panics { client }
    }

    /// Run `f`, catching a panic: it is logged to stderr and to the client, and the request answers nothing.
    pub fn guarded<T>(&self, what: &str, f: impl FnOnce() -> T) -> Option<T> {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(value) => Some(value),
            Err(payload) => {
                self.report(what, &message(payload.as_ref()));
                None
            }
        }
    }

    pub fn report(&self, what: &str, message: &str) {
        let message = format!("brieflint: internal error in {what}: {message}; the server goes on");
        eprintln!("{message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(MessageType::ERROR, message).await });
    }
}

/// What a panic said.
pub fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Lock `mutex`, even when a panic (caught, and reported) poisoned it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
