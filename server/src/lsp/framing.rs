//! A guard in front of the protocol reader. tower-lsp-server stops reading at the first message it cannot
//! decode (bad JSON, or JSON that is not a JSON-RPC message), which would end the session; this passes whole
//! frames through and replaces a bad one: by a request for an unknown method when it carries an id (so the client
//! gets an error response for it), else by nothing, with a note on stderr.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tower_lsp_server::jsonrpc::{Request, Response};

/// The input the server reads: `input` with bad frames replaced.
pub fn guard<R: AsyncRead + Unpin + Send + 'static>(input: R) -> DuplexStream {
    let (mut to_server, from_guard) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        while let Some(body) = read_frame(&mut reader).await {
            let Some(body) = checked(body) else { continue };
            let header = header(body.len());
            if to_server.write_all(header.as_bytes()).await.is_err() || to_server.write_all(&body).await.is_err() {
                break;
            }
        }
    });
    from_guard
}

/// The header of a frame whose body is `length` bytes.
pub(super) fn header(length: usize) -> String {
    format!("Content-Length: {length}\r\n\r\n")
}

/// The body unchanged when it decodes as a message, else its replacement (or `None`).
fn checked(body: Vec<u8>) -> Option<Vec<u8>> {
    if serde_json::from_slice::<Request>(&body).is_ok() || serde_json::from_slice::<Response>(&body).is_ok() {
        return Some(body);
    }
    let id = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(|id| id.is_number() || id.is_string());
    eprintln!(
        "brieflint lsp: ignored a malformed message ({} bytes){}",
        body.len(),
        if id.is_some() { "; answered with an error" } else { "" }
    );
    id.map(|id| {
        json!({ "jsonrpc": "2.0", "id": id, "method": "$/brieflint/malformedRequest" })
            .to_string()
            .into_bytes()
    })
}

/// The next frame's body; `None` at the end of input. Headers other than Content-Length are skipped, and so is a
/// header block without one.
pub(super) async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<Vec<u8>> {
    loop {
        let mut length = None;
        let mut seen_header = false;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                if seen_header {
                    break;
                }
                continue;
            }
            seen_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse::<usize>().ok();
                }
            }
        }
        let Some(length) = length else {
            eprintln!("brieflint lsp: skipped a message without Content-Length");
            continue;
        };
        let mut body = vec![0; length];
        reader.read_exact(&mut body).await.ok()?;
        return Some(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_messages_pass_and_bad_ones_are_replaced_or_dropped() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.to_vec();
        assert_eq!(checked(good.clone()), Some(good));
        assert_eq!(checked(b"{ not json".to_vec()), None);
        let replaced = checked(br#"{"id":4,"params":[]}"#.to_vec()).unwrap();
        let replaced: Value = serde_json::from_slice(&replaced).unwrap();
        assert_eq!(replaced["id"], 4);
        assert!(serde_json::from_value::<Request>(replaced).is_ok());
    }

    #[tokio::test]
    async fn frames_are_read_whole_and_in_order() {
        let input: &[u8] = b"Content-Length: 2\r\n\r\n{}Content-Type: x\r\nContent-Length: 3\r\n\r\n[1]";
        let mut reader = BufReader::new(input);
        assert_eq!(read_frame(&mut reader).await.unwrap(), b"{}");
        assert_eq!(read_frame(&mut reader).await.unwrap(), b"[1]");
        assert_eq!(read_frame(&mut reader).await, None);
    }
}
