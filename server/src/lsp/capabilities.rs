//! What `initialize` settles: what the server offers, what the client can do, and the workspace root.

use super::positions::Encoding;
use std::path::PathBuf;
use tower_lsp_server::ls_types::*;

/// What the client can do; nothing until `initialize` says otherwise.
#[derive(Default)]
pub struct ClientFlags {
    pub dynamic_watchers: bool,
    pub configuration: bool,
    /// The client pulls document diagnostics (VS Code, Neovim 0.11): pushing them too would show each twice.
    pub pull_diagnostics: bool,
    /// The client re-pulls when asked with workspace/diagnostic/refresh.
    pub diagnostic_refresh: bool,
}

impl ClientFlags {
    pub fn of(capabilities: &ClientCapabilities) -> ClientFlags {
        let workspace = capabilities.workspace.as_ref();
        ClientFlags {
            dynamic_watchers: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            pull_diagnostics: capabilities
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
        }
    }
}

pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            resolve_provider: Some(true),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![super::report::COMMAND.into()],
            ..Default::default()
        }),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("brieflint".into()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            ..Default::default()
        })),
        ..Default::default()
    }
}

pub fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri);
    #[allow(deprecated)] // rootUri is still what many clients send.
    let uri = folder.or(params.root_uri.as_ref());
    uri.and_then(|u| u.to_file_path()).map(|p| p.into_owned())
}
