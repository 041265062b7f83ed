//! The tower-lsp-server backend: document sync and diagnostics publishing.

use super::convert::{self, Encoding};
use super::types::*;
use crate::analysis;
use crate::config;
use crate::document::{Document, TextEdit};
use dashmap::DashMap;
use std::sync::OnceLock;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::{Client, LanguageServer};

pub(super) struct OpenDocument {
    pub(super) doc: Document,
    pub(super) version: i32,
}

pub struct Backend {
    pub(super) client: Client,
    pub(super) docs: DashMap<Uri, OpenDocument>,
    /// The workspace index and navigation state (`super::navigation`).
    pub(super) nav: super::navigation::Navigation,
    /// What the client can display (snippets, Markdown, rule links): `super::features`.
    pub(super) features: OnceLock<super::features::ClientFeatures>,
    /// `agentls.toml` files and the editor's settings: `super::settings`.
    pub(super) config: super::settings::ConfigState,
    encoding: OnceLock<Encoding>,
    related_information: OnceLock<bool>,
    /// Serialises publishing, so a slow handler can never publish an older version's
    /// diagnostics after a newer one (handlers run up to four at a time).
    publish: tokio::sync::Mutex<()>,
}

pub(super) fn log(msg: impl AsRef<str>) {
    eprintln!("agentls: {}", msg.as_ref());
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            docs: DashMap::new(),
            nav: Default::default(),
            features: OnceLock::new(),
            config: Default::default(),
            encoding: OnceLock::new(),
            related_information: OnceLock::new(),
            publish: tokio::sync::Mutex::new(()),
        }
    }

    pub(super) fn encoding(&self) -> Encoding {
        self.encoding.get().copied().unwrap_or_default()
    }

    /// The document's diagnostics in protocol form. Runs synchronously, under the map's lock,
    /// right after the edit it reflects. A panic in the analysis is contained here: the
    /// document is kept and the client gets no diagnostics for this version.
    pub(super) fn related_information_supported(&self) -> bool {
        self.related_information.get().copied().unwrap_or(false)
    }

    pub(super) fn diagnostics_of(&self, uri: &Uri, open: &OpenDocument) -> Vec<super::types::Diagnostic> {
        let doc = &open.doc;
        // The settings decide first: an ignored file gets nothing, a path glob can name the
        // format, and every finding passes the judge (levels, `extra-*`, inline ignores).
        let config = self.config.for_path(doc.path());
        if doc.path().is_some_and(|p| config.is_ignored(p)) {
            return Vec::new();
        }
        let format = doc
            .path()
            .and_then(|p| config.format_for(p))
            .or_else(|| analysis::diagnostics::detect(doc).map(|d| d.format));
        let judge = config.judge(doc, format.map_or("markdown", |f| f.id));
        let analyse = || match format {
            Some(f) => config::apply_judged(&judge, analysis::diagnostics::diagnostics_for(doc, f, config.targets())),
            None => Vec::new(),
        };
        let found = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse)) {
            Ok(d) => d,
            Err(_) => {
                log(format!(
                    "analysis panicked on {} (version {}); no diagnostics published",
                    uri.as_str(),
                    open.version
                ));
                return Vec::new();
            }
        };
        let enc = self.encoding();
        let related = self.related_information.get().copied().unwrap_or(false);
        let mut out: Vec<super::types::Diagnostic> = found
            .into_iter()
            .map(|d| super::types::Diagnostic {
                range: convert::range(doc.rope(), &d.range, enc),
                severity: Some(convert::severity(d.severity)),
                code: Some(NumberOrString::String(d.code)),
                source: Some("agentls".into()),
                message: d.message,
                related_information: (related && !d.related.is_empty()).then(|| {
                    d.related
                        .iter()
                        .map(|(r, msg)| DiagnosticRelatedInformation {
                            location: Location::new(uri.clone(), convert::range(doc.rope(), r, enc)),
                            message: msg.clone(),
                        })
                        .collect()
                }),
                ..Default::default()
            })
            .collect();
        // Cross-file and link findings (`super::navigation`), contained like the analysis.
        let nav = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.nav_diagnostics(uri, doc, &judge)));
        out.extend(nav.unwrap_or_default());
        self.feat_code_descriptions(&mut out);
        out
    }

    pub(super) async fn publish(&self, uri: Uri, version: i32, diagnostics: Vec<super::types::Diagnostic>) {
        let _guard = self.publish.lock().await;
        // A newer edit arrived while we waited: its handler publishes instead.
        let current = self.docs.get(&uri).map(|d| d.version);
        if current != Some(version) {
            return;
        }
        self.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        self.settings_initialize(&params);
        let general = params.capabilities.general.as_ref();
        let utf8 = general
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encs| encs.contains(&PositionEncodingKind::UTF8));
        let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let _ = self.encoding.set(enc);
        let related = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false);
        let _ = self.related_information.set(related);
        let mut result = InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "agentls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        };
        self.nav_initialize(&params, &mut result);
        self.feat_initialize(&params, &mut result);
        Ok(result)
    }

    async fn initialized(&self, _: InitializedParams) {
        self.nav_initialized().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let TextDocumentItem { uri, version, text, .. } = params.text_document;
        let path = uri.to_file_path().map(|p| p.into_owned());
        let open = OpenDocument {
            doc: Document::new(&text, path),
            version,
        };
        let diagnostics = self.diagnostics_of(&uri, &open);
        self.docs.insert(uri.clone(), open);
        self.publish(uri, version, diagnostics).await;
        self.publish_config_errors().await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Apply every change before the first await: handlers run concurrently, and edits
        // must land in the order the client sent them.
        let diagnostics = {
            let Some(mut open) = self.docs.get_mut(&uri) else {
                log(format!("didChange for a document that is not open: {}", uri.as_str()));
                return;
            };
            let enc = self.encoding();
            for change in params.content_changes {
                match change.range {
                    Some(r) => {
                        let rope = open.doc.rope();
                        let (start, c1) = convert::offset(rope, r.start, enc);
                        let (end, c2) = convert::offset(rope, r.end, enc);
                        if c1 || c2 {
                            log(format!("clamped an out-of-range edit {r:?} in {}", uri.as_str()));
                        }
                        open.doc.edit(&TextEdit {
                            range: start.min(end)..end.max(start),
                            new_text: change.text,
                        });
                    }
                    None => open.doc.replace_all(&change.text),
                }
            }
            open.version = version;
            self.diagnostics_of(&uri, &open)
        };
        self.publish(uri, version, diagnostics).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.docs.remove(&uri);
        {
            let _guard = self.publish.lock().await;
            self.client.publish_diagnostics(uri.clone(), Vec::new(), None).await;
        }
        self.nav_did_close(&uri).await;
    }

    // Navigation and the workspace: the handlers live in `super::navigation`.

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.nav_did_save(&params.text_document.uri).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params.changes.iter().any(|c| {
            c.uri
                .to_file_path()
                .is_some_and(|p| super::settings::is_config_file(&p))
        });
        self.nav_watched_files(params).await;
        if config_changed {
            self.settings_files_changed().await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.settings_changed(params).await;
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.nav_document_symbol(params)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.nav_folding_range(params)
    }

    async fn selection_range(&self, params: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
        self.nav_selection_range(params)
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.nav_document_link(params)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        self.nav_definition(params)
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.nav_references(params)
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        self.nav_prepare_rename(params)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.nav_rename(params)
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.nav_symbol(params)
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        self.nav_pull_diagnostic(params)
    }

    async fn workspace_diagnostic(&self, params: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        self.nav_workspace_diagnostic(params)
    }

    // Editing help: the handlers live in `super::features`.

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.feat_completion(params)
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.feat_hover(params)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.feat_code_action(params)
    }

    async fn document_color(&self, params: DocumentColorParams) -> Result<Vec<ColorInformation>> {
        self.feat_document_color(params)
    }

    async fn color_presentation(&self, params: ColorPresentationParams) -> Result<Vec<ColorPresentation>> {
        self.feat_color_presentation(params)
    }
}

impl Backend {
    /// Debug builds only: panics while holding the document's lock, for the test that proves a
    /// panicking handler neither kills the server nor corrupts the document.
    #[cfg(debug_assertions)]
    pub async fn debug_panic(&self, params: serde_json::Value) -> Result<()> {
        let uri = params
            .get("uri")
            .and_then(|u| u.as_str())
            .and_then(|u| u.parse::<Uri>().ok());
        let _held = uri.as_ref().and_then(|u| self.docs.get_mut(u));
        panic!("agentls/debugPanic was called");
    }
}
