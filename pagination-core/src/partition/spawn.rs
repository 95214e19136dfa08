//! Page requests of a parallel listing, run on the Tokio runtime's worker threads.

#[cfg(feature = "tokio")]
use std::pin::Pin;
#[cfg(feature = "tokio")]
use std::sync::Arc;
#[cfg(feature = "tokio")]
use std::task::{Context, Poll};

use super::KeyRanges;
use crate::Paginator;

/// The template paginator, its page requests spawned on the Tokio runtime (when there is one at
/// the time of the request) so that answers are parsed on every core; dropping a request's
/// future aborts its task.
pub(super) fn spawning<Op: KeyRanges>(paginator: Paginator<Op>) -> Paginator<Op> {
    #[cfg(feature = "tokio")]
    {
        let mut paginator = paginator;
        let send: crate::fetch::Sender<Op> = match paginator.sender.take() {
            Some(send) => send,
            None => Arc::new(|request| Op::send(request)),
        };
        paginator.sender = Some(Arc::new(move |request| {
            let response = send(request);
            match tokio::runtime::Handle::try_current() {
                Ok(runtime) => {
                    #[cfg(feature = "tracing")]
                    let response =
                        tracing::instrument::WithSubscriber::with_current_subscriber(response);
                    Box::pin(Spawned(runtime.spawn(response))) as crate::SendFuture<Op>
                }
                Err(_) => response,
            }
        }));
        paginator
    }
    #[cfg(not(feature = "tokio"))]
    paginator
}

/// A request running on its own task, aborted when dropped.
#[cfg(feature = "tokio")]
struct Spawned<T>(tokio::task::JoinHandle<T>);

#[cfg(feature = "tokio")]
impl<T> std::future::Future for Spawned<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        match std::task::ready!(Pin::new(&mut self.0).poll(cx)) {
            Ok(output) => Poll::Ready(output),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(_) => panic!(
                "a parallel listing's page request was cancelled: the Tokio runtime shut down"
            ),
        }
    }
}

#[cfg(feature = "tokio")]
impl<T> Drop for Spawned<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}
