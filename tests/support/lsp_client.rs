//! A minimal LSP client for the end-to-end tests: Content-Length framing over any async pipe, requests matched
//! to responses by id, server-to-client requests answered (configuration, capability registration), and
//! notifications kept for the test to look at.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

const PATIENCE: Duration = Duration::from_secs(30);

pub struct Client<R, W> {
    reader: BufReader<R>,
    writer: W,
    next_id: i64,
    /// Notifications received and not yet taken.
    pub notifications: Vec<Value>,
    /// What `workspace/configuration` answers for the "brieflint" section.
    pub configuration: Value,
    /// Server-to-client requests seen (method names).
    pub server_requests: Vec<Value>,
}

impl<R: AsyncRead + Unpin, W: AsyncWrite + Unpin> Client<R, W> {
    pub fn new(reader: R, writer: W) -> Self {
        Client {
            reader: BufReader::new(reader),
            writer,
            next_id: 1,
            notifications: Vec::new(),
            configuration: Value::Null,
            server_requests: Vec::new(),
        }
    }

    pub async fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(body).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    pub async fn send(&mut self, message: Value) {
        self.send_raw(message.to_string().as_bytes()).await;
    }

    /// The next message, or `None` at the end of the stream.
    pub async fn read(&mut self) -> Option<Value> {
        tokio::time::timeout(PATIENCE, self.read_unbounded())
            .await
            .expect("the server answers in time")
    }

    async fn read_unbounded(&mut self) -> Option<Value> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').expect("a header line");
            assert!(
                name.eq_ignore_ascii_case("Content-Length") || name.eq_ignore_ascii_case("Content-Type"),
                "not an LSP header: {line}"
            );
            if name.eq_ignore_ascii_case("Content-Length") {
                length = Some(value.trim().parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.expect("Content-Length")];
        self.reader.read_exact(&mut body).await.ok()?;
        Some(serde_json::from_slice(&body).expect("the server sends JSON"))
    }

    /// Keep a notification, or answer a server-to-client request; returns a response to one of ours.
    async fn dispatch(&mut self, message: Value) -> Option<Value> {
        let is_request = message.get("method").is_some() && message.get("id").is_some();
        if is_request {
            let result = match message["method"].as_str().unwrap() {
                "workspace/configuration" => {
                    let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![self.configuration.clone(); items])
                }
                _ => Value::Null,
            };
            let id = message["id"].clone();
            self.server_requests.push(message);
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": result })).await;
            None
        } else if message.get("method").is_some() {
            self.notifications.push(message);
            None
        } else {
            Some(message)
        }
    }

    /// Send a request and wait for its response (the whole message, with `result` or `error`).
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        loop {
            let message = self.read().await.expect("the server is still there");
            if let Some(response) = self.dispatch(message).await {
                if response["id"] == json!(id) {
                    return response;
                }
            }
        }
    }

    /// A request's `result`, failing the test on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params).await;
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// Wait for a notification that satisfies `wanted`, and take it.
    pub async fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            if let Some(i) = self.notifications.iter().position(&wanted) {
                return self.notifications.remove(i);
            }
            let message = self.read().await.expect("the server is still there");
            if let Some(response) = self.dispatch(message).await {
                panic!("unexpected response {response}");
            }
        }
    }

    /// The diagnostics published for `uri` at `version` (`None`: without a version).
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let uri = uri.to_string();
        let message = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == json!(uri)
                    && version.is_none_or(|v| m["params"]["version"] == json!(v))
            })
            .await;
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    pub async fn initialize(&mut self, params: Value) -> Value {
        let result = self.request("initialize", params).await;
        self.notify("initialized", json!({})).await;
        result
    }

    pub async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        )
        .await;
    }

    pub async fn shutdown_and_exit(&mut self) {
        let result = self.request("shutdown", Value::Null).await;
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null).await;
    }
}

/// The text a diagnostic's range covers, counting characters in UTF-16 or UTF-8 code units.
pub fn text_at(text: &str, range: &Value, utf8: bool) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= character {
                return line_start + i;
            }
            units += if utf8 { c.len_utf8() } else { c.len_utf16() };
        }
        text.len()
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}

/// A file URI for a path.
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}
