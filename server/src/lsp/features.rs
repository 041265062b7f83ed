//! Editing help at the protocol edge: completion, hover, code actions (quick fixes, fix-all,
//! refactors), colour swatches, and the rule links on diagnostics. Each handler converts
//! positions, calls one pure function in [`crate::analysis`], and converts the answer back; what
//! the client can show (snippets, Markdown) was read once at `initialize`.

use super::convert::{self, Encoding};
use super::server::Backend;
use super::types::*;
use crate::analysis::{code_actions as actions, colors, completion, diagnostics::rules, hover};
use crate::document::{Document, TextRange};
use crate::workspace::mcp::{self, McpCatalog};
use std::collections::HashMap;
use std::str::FromStr;
use tower_lsp_server::jsonrpc::Result;

/// The kind of the "fix all" source action (`editor.codeActionsOnSave: {"source.fixAll": …}`
/// in VS Code picks it up).
pub(super) const FIX_ALL_KIND: &str = "source.fixAll.agentls";

/// What the client can display, from its capabilities at `initialize`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ClientFeatures {
    snippets: bool,
    markdown_hover: bool,
    markdown_completion_docs: bool,
    code_description: bool,
    /// `workspace.workspaceEdit.resourceOperations` includes `rename`: a quick fix may move
    /// the file (`.chatmode.md` → `.agent.md`).
    rename_files: bool,
    /// It includes `create` and `delete`: a move can be done as a new file and a deletion
    /// when the client cannot rename.
    create_delete_files: bool,
}

impl ClientFeatures {
    fn from_capabilities(caps: &ClientCapabilities) -> Self {
        let text = caps.text_document.as_ref();
        let completion_item = text
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref());
        let markdown = |formats: Option<&Vec<MarkupKind>>| formats.is_some_and(|f| f.contains(&MarkupKind::Markdown));
        ClientFeatures {
            snippets: completion_item.and_then(|c| c.snippet_support).unwrap_or(false),
            markdown_hover: markdown(
                text.and_then(|t| t.hover.as_ref())
                    .and_then(|h| h.content_format.as_ref()),
            ),
            markdown_completion_docs: markdown(completion_item.and_then(|c| c.documentation_format.as_ref())),
            code_description: text
                .and_then(|t| t.publish_diagnostics.as_ref())
                .and_then(|p| p.code_description_support)
                .unwrap_or(false),
            rename_files: resource_ops(caps).is_some_and(|ops| ops.contains(&ResourceOperationKind::Rename)),
            create_delete_files: resource_ops(caps).is_some_and(|ops| {
                ops.contains(&ResourceOperationKind::Create) && ops.contains(&ResourceOperationKind::Delete)
            }),
        }
    }
}

/// `workspace.workspaceEdit.resourceOperations`: the file operations a workspace edit may hold.
fn resource_ops(caps: &ClientCapabilities) -> Option<&Vec<ResourceOperationKind>> {
    caps.workspace
        .as_ref()
        .and_then(|w| w.workspace_edit.as_ref())
        .and_then(|e| e.resource_operations.as_ref())
}

fn path_of(uri: &Uri) -> Option<std::path::PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

/// The project's MCP servers for a document (read from disk, size-limited).
fn mcp_for(uri: &Uri) -> McpCatalog {
    path_of(uri).map(|p| mcp::discover(&p)).unwrap_or_default()
}

fn markup(markdown: bool, md: String, plain: String) -> MarkupContent {
    if markdown {
        MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }
    } else {
        MarkupContent {
            kind: MarkupKind::PlainText,
            value: plain,
        }
    }
}

fn strip_markdown(md: &str) -> String {
    hover::HoverInfo {
        range: 0..0,
        markdown: md.to_string(),
    }
    .plain()
}

fn completion_kind(kind: completion::CompletionKind) -> CompletionItemKind {
    use completion::CompletionKind as K;
    match kind {
        K::Key => CompletionItemKind::PROPERTY,
        K::Value => CompletionItemKind::ENUM_MEMBER,
        K::Model => CompletionItemKind::CONSTANT,
        K::Color => CompletionItemKind::COLOR,
        K::Tool => CompletionItemKind::FUNCTION,
        K::McpTool => CompletionItemKind::MODULE,
        K::Rule => CompletionItemKind::VALUE,
        K::McpServer => CompletionItemKind::MODULE,
        K::Agent => CompletionItemKind::CLASS,
        K::Skill => CompletionItemKind::MODULE,
    }
}

impl Backend {
    fn features(&self) -> ClientFeatures {
        self.features.get().copied().unwrap_or_default()
    }

    /// Reads the client's display capabilities and registers the editing-help providers.
    pub(super) fn feat_initialize(&self, params: &InitializeParams, result: &mut InitializeResult) {
        let _ = self
            .features
            .set(ClientFeatures::from_capabilities(&params.capabilities));
        let c = &mut result.capabilities;
        c.completion_provider = Some(CompletionOptions {
            trigger_characters: Some([":", ",", " ", "-", "("].iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        });
        c.hover_provider = Some(HoverProviderCapability::Simple(true));
        c.code_action_provider = Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(FIX_ALL_KIND),
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            ..Default::default()
        }));
        c.color_provider = Some(ColorProviderCapability::Simple(true));
    }

    /// Runs `f` on an open document; a panic in the analysis is logged and answered with nothing.
    fn feat_doc<T>(&self, uri: &Uri, what: &str, f: impl FnOnce(&Document, Encoding) -> T) -> Option<T> {
        let enc = self.encoding();
        let open = self.docs.get(uri)?;
        let doc = &open.doc;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(doc, enc))) {
            Ok(v) => Some(v),
            Err(_) => {
                eprintln!("agentls: {what} panicked on {}", uri.as_str());
                None
            }
        }
    }

    /// Adds the rule's documentation link to every diagnostic with a code, when the client
    /// shows such links.
    pub(super) fn feat_code_descriptions(&self, diagnostics: &mut [super::types::Diagnostic]) {
        if !self.features().code_description {
            return;
        }
        for d in diagnostics.iter_mut().filter(|d| d.code_description.is_none()) {
            if let Some(NumberOrString::String(code)) = &d.code
                && let Ok(href) = Uri::from_str(&rules::doc_url(code))
            {
                d.code_description = Some(CodeDescription { href });
            }
        }
    }

    pub(super) fn feat_completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = p.text_document_position.text_document.uri;
        let pos = p.text_document_position.position;
        let features = self.features();
        let mcp = mcp_for(&uri);
        let items = self.feat_doc(&uri, "completion", |doc, enc| {
            let (offset, _) = convert::offset(doc.rope(), pos, enc);
            // The workspace's names are gathered only where completion offers them.
            let names = if completion::wants_project_names(doc, offset) {
                self.nav.project_names(path_of(&uri).as_deref())
            } else {
                Default::default()
            };
            let project = completion::ProjectContext { mcp, names };
            completion::completions(doc, offset, &project)
                .into_iter()
                .map(|c| {
                    let (new_text, format) = match (&c.snippet, features.snippets) {
                        (Some(s), true) => (s.clone(), InsertTextFormat::SNIPPET),
                        _ => (c.text.clone(), InsertTextFormat::PLAIN_TEXT),
                    };
                    let documentation = (!c.doc.is_empty()).then(|| {
                        Documentation::MarkupContent(markup(
                            features.markdown_completion_docs,
                            c.doc.clone(),
                            strip_markdown(&c.doc),
                        ))
                    });
                    CompletionItem {
                        label: c.label,
                        kind: Some(completion_kind(c.kind)),
                        detail: Some(strip_markdown(&c.detail)),
                        documentation,
                        sort_text: Some(c.sort),
                        insert_text_format: Some(format),
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                            range: convert::range(doc.rope(), &c.range, enc),
                            new_text,
                        })),
                        ..Default::default()
                    }
                })
                .collect::<Vec<_>>()
        });
        Ok(items.filter(|i| !i.is_empty()).map(|items| {
            CompletionResponse::List(CompletionList {
                is_incomplete: false,
                items,
            })
        }))
    }

    pub(super) fn feat_hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        let uri = p.text_document_position_params.text_document.uri;
        let pos = p.text_document_position_params.position;
        let markdown = self.features().markdown_hover;
        let mcp = mcp_for(&uri);
        Ok(self
            .feat_doc(&uri, "hover", |doc, enc| {
                let (offset, _) = convert::offset(doc.rope(), pos, enc);
                let config = self.config.for_path(doc.path());
                let found = self
                    .nav
                    .with_link_targets(|t| hover::hover_for(doc, offset, &mcp, Some(t), config.targets()));
                found.map(|h| Hover {
                    range: Some(convert::range(doc.rope(), &h.range, enc)),
                    contents: HoverContents::Markup(markup(markdown, h.markdown.clone(), h.plain())),
                })
            })
            .flatten())
    }

    pub(super) fn feat_code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = p.text_document.uri;
        let only = p.context.only;
        let wanted = |kind: &CodeActionKind| {
            only.as_ref().is_none_or(|only| {
                only.iter()
                    .any(|o| kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str())))
            })
        };
        let client_diags = p.context.diagnostics;
        let range = p.range;
        let rename_files = self.features().rename_files;
        let create_delete_files = self.features().create_delete_files;
        let out = self.feat_doc(&uri, "code actions", |doc, enc| {
            let rope = doc.rope();
            let (start, _) = convert::offset(rope, range.start, enc);
            let (end, _) = convert::offset(rope, range.end, enc);
            let edit = |edits: &[crate::document::TextEdit]| WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri.clone(),
                    edits.iter().map(|e| convert::text_edit(rope, e, enc)).collect(),
                )])),
                ..Default::default()
            };
            let mut out: Vec<CodeActionOrCommand> = Vec::new();
            let found = actions::code_actions(doc, &(start.min(end)..end.max(start)));
            for a in found {
                let kind = match a.kind {
                    actions::ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                    actions::ActionKind::RefactorRewrite => CodeActionKind::REFACTOR_REWRITE,
                    actions::ActionKind::FixAll => CodeActionKind::new(FIX_ALL_KIND),
                };
                if !wanted(&kind) {
                    continue;
                }
                let moved = match &a.rename_to {
                    None => Some(edit(&a.edits)),
                    Some(to) if rename_files => rename_edit(&uri, rope, &a.edits, to, enc),
                    // Without rename: the new file with the edited text, then this one deleted.
                    Some(to) if create_delete_files => create_delete_edit(&uri, doc, &a.edits, to),
                    // A client that can do neither gets no such action.
                    Some(_) => None,
                };
                let Some(workspace_edit) = moved else { continue };
                let diagnostics = a
                    .diagnostic
                    .as_ref()
                    .map(|d| vec![protocol_diagnostic(rope, d, enc, &client_diags)]);
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: a.title.clone(),
                    kind: Some(kind),
                    diagnostics,
                    edit: Some(workspace_edit),
                    is_preferred: a.preferred.then_some(true),
                    ..Default::default()
                }));
            }
            let fix_all_kind = CodeActionKind::new(FIX_ALL_KIND);
            if wanted(&fix_all_kind)
                && let Some(a) = actions::fix_all(doc)
            {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: a.title.clone(),
                    kind: Some(fix_all_kind),
                    edit: Some(edit(&a.edits)),
                    ..Default::default()
                }));
            }
            out
        });
        Ok(out.filter(|o| !o.is_empty()))
    }

    pub(super) fn feat_document_color(&self, p: DocumentColorParams) -> Result<Vec<ColorInformation>> {
        Ok(self
            .feat_doc(&p.text_document.uri, "documentColor", |doc, enc| {
                colors::document_colors(doc)
                    .into_iter()
                    .map(|c| ColorInformation {
                        range: convert::range(doc.rope(), &c.range, enc),
                        color: Color {
                            red: f32::from(c.rgb.0) / 255.0,
                            green: f32::from(c.rgb.1) / 255.0,
                            blue: f32::from(c.rgb.2) / 255.0,
                            alpha: 1.0,
                        },
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    pub(super) fn feat_color_presentation(&self, p: ColorPresentationParams) -> Result<Vec<ColorPresentation>> {
        let (range, color) = (p.range, p.color);
        Ok(self
            .feat_doc(&p.text_document.uri, "colorPresentation", |doc, enc| {
                let rope = doc.rope();
                let r: TextRange = convert::offset(rope, range.start, enc).0..convert::offset(rope, range.end, enc).0;
                colors::color_presentations(doc, &r, (color.red, color.green, color.blue))
                    .into_iter()
                    .map(|c| ColorPresentation {
                        label: c.label,
                        text_edit: Some(convert::text_edit(rope, &c.edit, enc)),
                        additional_text_edits: None,
                    })
                    .collect()
            })
            .unwrap_or_default())
    }
}

/// A workspace edit that applies `edits` to the document at `uri`, then moves it to `to`: a
/// `RenameFile` document change (the client must support resource operations).
fn rename_edit(
    uri: &Uri,
    rope: &ropey::Rope,
    edits: &[crate::document::TextEdit],
    to: &std::path::Path,
    enc: Encoding,
) -> Option<WorkspaceEdit> {
    let new_uri = Uri::from_file_path(to)?;
    let mut ops = Vec::new();
    if !edits.is_empty() {
        ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: None,
            },
            edits: edits
                .iter()
                .map(|e| OneOf::Left(convert::text_edit(rope, e, enc)))
                .collect(),
        }));
    }
    ops.push(DocumentChangeOperation::Op(ResourceOp::Rename(RenameFile {
        old_uri: uri.clone(),
        new_uri,
        // Never replace an agent that is already there: the client then fails the edit.
        options: Some(RenameFileOptions {
            overwrite: Some(false),
            ignore_if_exists: Some(false),
        }),
        annotation_id: None,
    })));
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    })
}

/// A workspace edit that moves the document at `uri` to `to` with `edits` applied, for a client
/// that can create and delete files but not rename them: `CreateFile` (never over an existing
/// file), the whole new text inserted into it, then `DeleteFile` of the old one.
fn create_delete_edit(
    uri: &Uri,
    doc: &Document,
    edits: &[crate::document::TextEdit],
    to: &std::path::Path,
) -> Option<WorkspaceEdit> {
    let new_uri = Uri::from_file_path(to)?;
    let text = actions::apply(&doc.text(), edits);
    let start = Position { line: 0, character: 0 };
    let ops = vec![
        DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
            uri: new_uri.clone(),
            options: Some(CreateFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(false),
            }),
            annotation_id: None,
        })),
        DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: new_uri,
                version: None,
            },
            edits: vec![OneOf::Left(TextEdit {
                range: Range { start, end: start },
                new_text: text,
            })],
        }),
        DocumentChangeOperation::Op(ResourceOp::Delete(DeleteFile {
            uri: uri.clone(),
            options: None,
            annotation_id: None,
        })),
    ];
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    })
}

/// The diagnostic a quick fix repairs: the client's own copy when it sent one (so the editor
/// links the two), else ours in protocol form.
fn protocol_diagnostic(
    rope: &ropey::Rope,
    d: &crate::analysis::Diagnostic,
    enc: Encoding,
    from_client: &[super::types::Diagnostic],
) -> super::types::Diagnostic {
    let range = convert::range(rope, &d.range, enc);
    let code = NumberOrString::String(d.code.clone());
    if let Some(c) = from_client
        .iter()
        .find(|c| c.range == range && c.code.as_ref() == Some(&code))
    {
        return c.clone();
    }
    super::types::Diagnostic {
        range,
        severity: Some(convert::severity(d.severity)),
        code: Some(code),
        source: Some("agentls".into()),
        message: d.message.clone(),
        ..Default::default()
    }
}
