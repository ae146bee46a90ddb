//! How large a document brieflint analyses. A briefing is a few pages; a file of many megabytes is a data dump or
//! a log, and analysing it would hold an editor's diagnostics (or a CI job) for seconds to say nothing useful. The
//! CLI and the language server refuse such a document with the same plain message.

/// The largest document analysed, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Why a document of `size` bytes is not analysed, and what to do about it.
pub fn too_large(size: usize) -> String {
    format!(
        "too large to be a briefing ({:.1} MB; brieflint analyses documents up to {} MB): split it, or exclude it in brieflint.toml",
        size as f64 / (1024.0 * 1024.0),
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_gives_the_size_and_the_limit() {
        let message = super::too_large(50 * 1024 * 1024);
        assert!(
            message.contains("50.0 MB") && message.contains("up to 10 MB"),
            "{message}"
        );
    }
}
