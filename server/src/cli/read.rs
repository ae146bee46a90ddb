//! Reading what `check` analyses: a file or standard input, as UTF-8 text no larger than the document limit.

use super::InputError;
use brieflint_core::limits::{self, MAX_DOCUMENT_BYTES};
use std::io::Read;
use std::path::Path;

/// Standard input's text, under the same limits as a file's.
pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(limits::too_large(bytes.len()));
    }
    decode(bytes)
}

fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A file's bytes, unless it cannot be read or is larger than [`MAX_DOCUMENT_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let cannot_read = |e: std::io::Error| format!("cannot read: {e}");
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let size = file.metadata().map_err(cannot_read)?.len();
    let too_large = |size: u64| limits::too_large(size as usize);
    if size > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow after its size was read: never read past the limit.
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

pub fn read_text(path: &Path) -> Result<String, InputError> {
    read_limited(path).and_then(decode).map_err(|message| InputError {
        path: path.to_path_buf(),
        message,
    })
}
