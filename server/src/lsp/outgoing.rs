//! The way out to the client. tower-lsp-server turns a notification's params into a `serde_json::Value` tree
//! and then serialises that tree: for the multi-megabyte publishDiagnostics of a long briefing, building and
//! dropping the tree costs more than the serialisation itself. So the server serialises those notifications
//! straight to bytes and hands them here, and everything else tower-lsp-server writes is passed through whole
//! frame by frame, so the two never interleave inside a message. The queue to the client is short and senders
//! wait while it is full: a client that reads slowly holds the server back, as it did through tower-lsp-server,
//! instead of letting multi-megabyte publishes of versions already replaced pile up in memory.

use super::framing;
use tokio::io::{AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::notification::{Notification as _, PublishDiagnostics};
use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

/// A handle that queues whole messages for the client.
#[derive(Clone)]
pub struct Outgoing(mpsc::Sender<Queued>);

/// Messages waiting to be written; a sender waits while this many are.
const QUEUE: usize = 2;

/// A notification serialised and framed, ready to be sent.
pub struct Encoded(Queued);

enum Queued {
    /// A header and its body, kept apart so that a body of megabytes is not copied to follow its header.
    Frame(Vec<u8>, Vec<u8>),
    /// tower-lsp-server has closed its end: the session is over.
    End,
}

fn frame(body: Vec<u8>) -> Queued {
    Queued::Frame(framing::header(body.len()).into_bytes(), body)
}

/// A JSON-RPC notification, serialised straight from `params`; `size` is a guess at its length.
pub fn encode(method: &str, params: &impl serde::Serialize, size: usize) -> serde_json::Result<Encoded> {
    #[derive(serde::Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    let mut body = Vec::with_capacity(size + 100);
    let notification = Notification {
        jsonrpc: "2.0",
        method,
        params,
    };
    serde_json::to_writer(&mut body, &notification)?;
    Ok(Encoded(frame(body)))
}

/// A message body already serialised (see `publish.rs`), framed.
pub fn framed(body: Vec<u8>) -> Encoded {
    Encoded(frame(body))
}

impl Encoded {
    /// The message without its header.
    #[cfg(test)]
    pub fn body(&self) -> &[u8] {
        match &self.0 {
            Queued::Frame(_, body) => body,
            Queued::End => &[],
        }
    }
}

impl Outgoing {
    /// Queue a message for the client, waiting while the queue is full.
    pub async fn send(&self, message: Encoded) {
        // The writer is gone only once the session has ended; nothing is waiting for the message then.
        let _ = self.0.send(message.0).await;
    }

    /// Publish unversioned diagnostics, by the same way out as documents' diagnostics so that they stay in order.
    pub async fn publish(&self, uri: Uri, items: Vec<Diagnostic>) {
        let params = PublishDiagnosticsParams::new(uri, items, None);
        match encode(PublishDiagnostics::METHOD, &params, 0) {
            Ok(message) => self.send(message).await,
            Err(e) => eprintln!("brieflint: cannot publish diagnostics: {e}"),
        }
    }
}

/// The end tower-lsp-server writes to, the handle for messages written here, and the loop that writes both to
/// `output` until tower-lsp-server's end closes.
pub fn join<O: AsyncWrite + Unpin>(output: O) -> (DuplexStream, Outgoing, impl std::future::Future<Output = ()>) {
    let (server_side, from_server) = tokio::io::duplex(1 << 16);
    let (sender, mut queued) = mpsc::channel::<Queued>(QUEUE);
    let outgoing = Outgoing(sender.clone());
    // Frames are read whole in their own loop: a read cut short halfway would lose its place in the stream.
    let read = async move {
        let mut from_server = BufReader::new(from_server);
        while let Some(body) = framing::read_frame(&mut from_server).await {
            let _ = sender.send(frame(body)).await;
        }
        let _ = sender.send(Queued::End).await;
    };
    let write = async move {
        let mut output = output;
        while let Some(Queued::Frame(header, body)) = queued.recv().await {
            if output.write_all(&header).await.is_err()
                || output.write_all(&body).await.is_err()
                || output.flush().await.is_err()
            {
                return;
            }
        }
        // What was queued before the end still goes out.
        while let Ok(Queued::Frame(header, body)) = queued.try_recv() {
            if output.write_all(&header).await.is_err() || output.write_all(&body).await.is_err() {
                return;
            }
        }
        let _ = output.flush().await;
    };
    let both = async move {
        tokio::join!(read, write);
    };
    (server_side, outgoing, both)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    #[tokio::test]
    async fn both_sources_reach_the_output_as_whole_frames() {
        let mut written = Vec::new();
        let (mut server_side, outgoing, write) = join(&mut written);
        let feed = async move {
            server_side.write_all(b"Content-Length: 2\r\n\r\n{}").await.unwrap();
            outgoing.send(encode("a/b", &[1, 2], 0).unwrap()).await;
            server_side.write_all(b"Content-Length: 3\r\n\r\n[1]").await.unwrap();
            drop(server_side);
        };
        tokio::join!(feed, write);
        let text = String::from_utf8(written).unwrap();
        let notification = r#"{"jsonrpc":"2.0","method":"a/b","params":[1,2]}"#;
        assert!(text.contains(&format!("Content-Length: {}\r\n\r\n{notification}", notification.len())));
        assert!(text.contains("Content-Length: 2\r\n\r\n{}"));
        assert!(text.contains("Content-Length: 3\r\n\r\n[1]"));
        assert_eq!(text.matches("Content-Length").count(), 3);
    }

    #[tokio::test]
    async fn a_client_that_does_not_read_holds_senders_back() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        // Writes to `output` block once its small buffer is full, as stdout does when the editor stops reading.
        let (output, _unread) = tokio::io::duplex(64);
        let (_server_side, outgoing, write) = join(output);
        tokio::spawn(write);
        let sent = Arc::new(AtomicUsize::new(0));
        let counter = sent.clone();
        let sender = tokio::spawn(async move {
            for _ in 0..20 {
                outgoing.send(encode("a/b", &vec![0u8; 1000], 0).unwrap()).await;
                counter.fetch_add(1, Ordering::SeqCst);
            }
        });
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        // One message is being written and the queue is full; the sender waits instead of queueing all twenty.
        assert_eq!(sent.load(Ordering::SeqCst), QUEUE + 1);
        assert!(!sender.is_finished());
    }
}
