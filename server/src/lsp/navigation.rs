//! Navigation and the workspace at the protocol edge: outline, folding, selection ranges,
//! document links, go-to-definition, references, rename, workspace symbols, the workspace
//! index (built on `initialized` with `$/progress`, kept current by edits and watched-file
//! events) and cross-file diagnostics, pushed and pulled. Handlers convert positions and call
//! `analysis` and `workspace`; nothing is decided here.

use super::convert;
use super::server::{Backend, OpenDocument};
use super::types::*;
use crate::analysis::completion::{NameInfo, ProjectNames};
use crate::analysis::folding::{FoldKind, folding_ranges};
use crate::analysis::links::{self, LinkTargets, Target};
use crate::analysis::navigation::selection_ranges;
use crate::analysis::symbols::{self, Symbol};
use crate::document::Document;
use crate::workspace::cross_file;
use crate::workspace::index::{FileEntry, FileKind, Index, Location as IndexLocation};
use crate::workspace::references;
use ropey::Rope;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tower_lsp_server::jsonrpc::{Error, Result};

/// The server's workspace state.
pub struct Navigation {
    /// Shared with the polling watcher (clients that cannot watch files for us).
    index: Arc<RwLock<Index>>,
    roots: Mutex<Vec<PathBuf>>,
    work_done_progress: AtomicBool,
    dynamic_watch: AtomicBool,
    /// Files whose cross-file findings changed through edits since the last save.
    dirty: Arc<Mutex<BTreeSet<PathBuf>>>,
}

impl Default for Navigation {
    fn default() -> Self {
        Navigation {
            index: Arc::new(RwLock::new(Index::new(true))),
            roots: Mutex::new(Vec::new()),
            work_done_progress: AtomicBool::new(false),
            dynamic_watch: AtomicBool::new(false),
            dirty: Arc::new(Mutex::new(BTreeSet::new())),
        }
    }
}

fn log(msg: impl AsRef<str>) {
    eprintln!("agentls: {}", msg.as_ref());
}

impl Navigation {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    fn mark_dirty(&self, paths: impl IntoIterator<Item = PathBuf>) {
        self.dirty.lock().unwrap_or_else(|e| e.into_inner()).extend(paths);
    }

    /// Runs `f` with the index as the answer to "does this file exist" (it stats, never reads,
    /// files it has not indexed).
    pub(super) fn with_link_targets<T>(&self, f: impl FnOnce(&dyn LinkTargets) -> T) -> T {
        f(&*self.read())
    }

    /// The agents and skills of the workspace, for completion: each name with the file that
    /// defines it (shown relative to a workspace root) and its description. `current` (the
    /// document being completed) is left out: an agent does not spawn itself.
    pub(super) fn project_names(&self, current: Option<&Path>) -> ProjectNames {
        let roots = self.roots.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let shown = |path: &Path| {
            roots
                .iter()
                .filter_map(|r| path.strip_prefix(r).ok())
                .min_by_key(|rel| rel.components().count())
                .filter(|rel| !rel.as_os_str().is_empty())
                .map(|rel| {
                    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
                    parts.join("/")
                })
                .or_else(|| path.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| path.display().to_string())
        };
        let index = self.read();
        let info = |name: &str, e: &FileEntry, vocabulary| NameInfo {
            name: name.to_string(),
            path: shown(&e.path),
            description: e.refs.description.clone(),
            vocabulary,
        };
        let is_other = |p: &&PathBuf| Some(p.as_path()) != current;
        let mut names = ProjectNames::default();
        for name in index.agent_names() {
            for e in index.agents_named(name).filter(is_other).filter_map(|p| index.get(p)) {
                if let FileKind::Agent(format) = e.kind {
                    names.agents.push(info(name, e, format.vocabulary()));
                }
            }
        }
        for name in index.skill_names() {
            for e in index.skills_named(name).filter(is_other).filter_map(|p| index.get(p)) {
                let FileKind::Skill(format) = e.kind else { continue };
                names.skills.push(info(name, e, format.vocabulary()));
            }
        }
        names
    }

    /// The text of an indexed file, for position conversion.
    fn rope_of(&self, path: &Path) -> Option<Rope> {
        self.read().get(path).map(|e| e.text.clone())
    }
}

/// A regular file's text, through the bounded reader; `None` for a FIFO or a device (opening
/// one could block the server) and for anything unreadable.
fn read_regular(path: &Path) -> Option<String> {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    crate::workspace::read_text(path).ok()
}

fn path_of(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

/// The headings and links of a document, with the `@path` includes and imports of the formats
/// that have them (commands, memory files), resolved as the index resolves them.
fn scan_of(doc: &Document) -> std::sync::Arc<links::Scan> {
    let format = crate::analysis::diagnostics::detect(doc).map(|d| d.format);
    links::scan_doc(doc, format)
}

fn symbol_kind(s: &Symbol) -> SymbolKind {
    match s.kind {
        symbols::SymbolKind::FrontMatter => SymbolKind::NAMESPACE,
        symbols::SymbolKind::Field => SymbolKind::FIELD,
        symbols::SymbolKind::Heading => SymbolKind::STRING,
        symbols::SymbolKind::Tag => SymbolKind::STRUCT,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written out.
fn document_symbol(rope: &Rope, s: &Symbol, enc: convert::Encoding) -> DocumentSymbol {
    DocumentSymbol {
        name: s.name.clone(),
        detail: s.detail.clone(),
        kind: symbol_kind(s),
        tags: None,
        deprecated: None,
        range: convert::range(rope, &s.range, enc),
        selection_range: convert::range(rope, &s.selection, enc),
        children: (!s.children.is_empty()).then(|| s.children.iter().map(|c| document_symbol(rope, c, enc)).collect()),
    }
}

impl Backend {
    /// Reads what the client supports and adds the navigation capabilities.
    #[allow(deprecated)] // `root_uri` is still what single-folder clients send.
    pub(super) fn nav_initialize(&self, params: &InitializeParams, result: &mut InitializeResult) {
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| path_of(&f.uri))
            .collect();
        if roots.is_empty()
            && let Some(p) = params.root_uri.as_ref().and_then(path_of)
        {
            roots.push(p);
        }
        *self.nav.roots.lock().unwrap_or_else(|e| e.into_inner()) = roots;
        let caps = &params.capabilities;
        let progress = caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false);
        self.nav.work_done_progress.store(progress, Ordering::Relaxed);
        let dynamic = caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.nav.dynamic_watch.store(dynamic, Ordering::Relaxed);
        let c = &mut result.capabilities;
        c.document_symbol_provider = Some(OneOf::Left(true));
        c.folding_range_provider = Some(FoldingRangeProviderCapability::Simple(true));
        c.selection_range_provider = Some(SelectionRangeProviderCapability::Simple(true));
        c.definition_provider = Some(OneOf::Left(true));
        c.references_provider = Some(OneOf::Left(true));
        c.rename_provider = Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        }));
        c.document_link_provider = Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        });
        c.workspace_symbol_provider = Some(OneOf::Left(true));
        // One channel per client: the server always pushes (versioned, and re-pushed when a
        // related file changes), and a client that also pulls keeps the two sets apart (Helix
        // 25.07, Neovim 0.11 and vscode-languageclient key them by provider), so advertising
        // pull to it shows every finding twice. Only a client that pulls and does not take
        // pushed diagnostics is told to pull; the pull requests are answered for anyone.
        let text = caps.text_document.as_ref();
        let pulls = text.is_some_and(|t| t.diagnostic.is_some());
        let takes_push = text.is_some_and(|t| t.publish_diagnostics.is_some());
        if pulls && !takes_push {
            c.diagnostic_provider = Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("agentls".into()),
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                work_done_progress_options: Default::default(),
            }));
        }
    }

    /// Registers the file watcher, indexes the workspace folders with progress, then
    /// re-publishes the open documents' diagnostics against the full index.
    pub(super) async fn nav_initialized(&self) {
        if self.nav.dynamic_watch.load(Ordering::Relaxed) {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String("**/*.{md,mdc}".into()),
                        kind: None,
                    },
                    // Configuration files: a change re-diagnoses the open documents.
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String("**/{agentls,.agentls}.toml".into()),
                        kind: None,
                    },
                ],
            };
            let registration = Registration {
                id: "agentls-watch-markdown".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                log(format!("could not register the file watcher: {e}"));
            }
        }
        let roots = self.nav.roots.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if roots.is_empty() {
            return;
        }
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let started = std::time::Instant::now();
        let build = {
            let (done, total) = (done.clone(), total.clone());
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
            tokio::task::spawn_blocking(move || Index::build(&roots, threads, &done, &total))
        };
        let progress = if self.nav.work_done_progress.load(Ordering::Relaxed) {
            let token = NumberOrString::String("agentls/index".into());
            match self.client.create_work_done_progress(token.clone()).await {
                Ok(()) => Some(
                    self.client
                        .progress(token, "Indexing agent files")
                        .with_percentage(0)
                        .begin()
                        .await,
                ),
                Err(e) => {
                    log(format!("no work done progress: {e}"));
                    None
                }
            }
        } else {
            None
        };
        tokio::pin!(build);
        let index = loop {
            tokio::select! {
                res = &mut build => break res,
                _ = tokio::time::sleep(std::time::Duration::from_millis(100)) => {
                    if let Some(p) = &progress {
                        let (d, t) = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
                        if t > 0 {
                            p.report_with_message(format!("{d}/{t} files"), (d * 100 / t) as u32).await;
                        }
                    }
                }
            }
        };
        let mut index = match index {
            Ok(i) => i,
            Err(e) => {
                log(format!("indexing failed: {e}"));
                if let Some(p) = progress {
                    p.finish_with_message("indexing failed").await;
                }
                return;
            }
        };
        // Open buffers win over what is on disk.
        let open: Vec<FileEntry> = self
            .docs
            .iter()
            .filter_map(|d| path_of(d.key()).map(|p| FileEntry::from_document(&d.doc, p)))
            .collect();
        for e in open {
            index.upsert(e);
        }
        let n = index.len();
        *self.nav.write() = index;
        log(format!("indexed {n} files in {:?}", started.elapsed()));
        if !self.nav.dynamic_watch.load(Ordering::Relaxed) {
            self.spawn_polling_watcher();
        }
        if let Some(p) = progress {
            p.finish_with_message(format!("{n} files")).await;
        }
        let uris: Vec<Uri> = self.docs.iter().map(|d| d.key().clone()).collect();
        self.republish(uris).await;
    }

    /// For clients that cannot watch files for us: every few seconds, look at the workspace's
    /// modification times and bring the index up to date (the files affected are re-checked on
    /// the next save, as after an edit). Only changed files are read.
    fn spawn_polling_watcher(&self) {
        let roots = self.nav.roots.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let (index, dirty) = (self.nav.index.clone(), self.nav.dirty.clone());
        let stamp = |p: &Path| std::fs::metadata(p).ok().map(|m| (m.modified().ok(), m.len()));
        let snapshot = move |roots: &[PathBuf]| -> BTreeMap<PathBuf, (Option<std::time::SystemTime>, u64)> {
            roots
                .iter()
                .flat_map(|r| crate::workspace::walk(r))
                .filter_map(|p| Some((p.clone(), stamp(&p)?)))
                .collect()
        };
        log("the client does not watch files: polling the workspace every 3 s");
        tokio::spawn(async move {
            // What the index holds now; a file that appeared since it was built counts as new.
            let mut known = {
                let roots = roots.clone();
                tokio::task::spawn_blocking(move || snapshot(&roots))
                    .await
                    .unwrap_or_default()
            };
            {
                let index = index.read().unwrap_or_else(|e| e.into_inner());
                known.retain(|p, _| index.get(p).is_some());
            }
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(3)).await;
                let now = {
                    let roots = roots.clone();
                    match tokio::task::spawn_blocking(move || snapshot(&roots)).await {
                        Ok(s) => s,
                        Err(_) => continue,
                    }
                };
                let mut affected = BTreeSet::new();
                for (path, s) in &now {
                    if known.get(path) != Some(s)
                        && let Some(text) = read_regular(path)
                    {
                        let entry = FileEntry::from_text(&text, path.clone());
                        affected.extend(index.write().unwrap_or_else(|e| e.into_inner()).upsert(entry));
                    }
                }
                for path in known.keys().filter(|p| !now.contains_key(*p)) {
                    affected.extend(index.write().unwrap_or_else(|e| e.into_inner()).remove(path));
                }
                if !affected.is_empty() {
                    dirty.lock().unwrap_or_else(|e| e.into_inner()).extend(affected);
                }
                known = now;
            }
        });
    }

    /// Cross-file and link diagnostics of an open document, after updating its entry in the
    /// index. Called with the document's lock held (from `diagnostics_of`).
    pub(super) fn nav_diagnostics(
        &self,
        uri: &Uri,
        doc: &Document,
        judge: &crate::config::Judge,
    ) -> Vec<super::types::Diagnostic> {
        let Some(path) = doc.path().map(Path::to_path_buf).or_else(|| path_of(uri)) else {
            return Vec::new();
        };
        let entry = FileEntry::from_document(doc, path.clone());
        let found = {
            let mut index = self.nav.write();
            let affected = index.upsert(entry);
            self.nav.mark_dirty(affected);
            cross_file::check(&index, &path)
        };
        let found = found
            .into_iter()
            .filter_map(|mut c| {
                c.diagnostic.severity = judge.verdict(&c.diagnostic)?;
                Some(c)
            })
            .collect();
        self.cross_file_to_protocol(doc.rope(), found)
    }

    fn cross_file_to_protocol(
        &self,
        rope: &Rope,
        found: Vec<cross_file::CrossFileDiagnostic>,
    ) -> Vec<super::types::Diagnostic> {
        let enc = self.encoding();
        let related_ok = self.related_information_supported();
        found
            .into_iter()
            .map(|f| {
                let d = f.diagnostic;
                let related: Vec<DiagnosticRelatedInformation> = f
                    .related
                    .iter()
                    .filter_map(|r| {
                        let rope = self.nav.rope_of(&r.location.path)?;
                        Some(DiagnosticRelatedInformation {
                            location: Location::new(
                                Uri::from_file_path(&r.location.path)?,
                                convert::range(&rope, &r.location.range, enc),
                            ),
                            message: r.message.clone(),
                        })
                    })
                    .collect();
                super::types::Diagnostic {
                    range: convert::range(rope, &d.range, enc),
                    severity: Some(convert::severity(d.severity)),
                    code: Some(NumberOrString::String(d.code)),
                    source: Some("agentls".into()),
                    message: d.message,
                    related_information: (related_ok && !related.is_empty()).then_some(related),
                    ..Default::default()
                }
            })
            .collect()
    }

    /// Re-publishes the diagnostics of those of `uris` that are open.
    pub(super) async fn republish(&self, uris: impl IntoIterator<Item = Uri>) {
        for uri in uris {
            let found = {
                let Some(open) = self.docs.get(&uri) else { continue };
                (open.version, self.diagnostics_of(&uri, &open))
            };
            self.publish(uri, found.0, found.1).await;
        }
    }

    async fn republish_paths(&self, paths: BTreeSet<PathBuf>) {
        let uris: Vec<Uri> = paths.iter().filter_map(Uri::from_file_path).collect();
        self.republish(uris).await;
    }

    /// On save: re-check the files the edits since the last save may have affected.
    pub(super) async fn nav_did_save(&self, uri: &Uri) {
        let mut dirty = std::mem::take(&mut *self.nav.dirty.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(p) = path_of(uri) {
            dirty.remove(&p);
        }
        self.republish_paths(dirty).await;
    }

    /// On close: the file on disk replaces the buffer in the index.
    pub(super) async fn nav_did_close(&self, uri: &Uri) {
        let Some(path) = path_of(uri) else { return };
        let affected = match read_regular(&path) {
            Some(text) => self.nav.write().upsert(FileEntry::from_text(&text, path)),
            None => self.nav.write().remove(&path),
        };
        self.republish_paths(affected).await;
    }

    pub(super) async fn nav_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut affected = BTreeSet::new();
        for change in params.changes {
            let Some(path) = path_of(&change.uri) else { continue };
            // An open buffer is the truth for its file until it is closed.
            if self.docs.contains_key(&change.uri) {
                continue;
            }
            if change.typ == FileChangeType::DELETED {
                affected.extend(self.nav.write().remove(&path));
            } else if crate::workspace::is_candidate(&path)
                && let Some(text) = read_regular(&path)
            {
                let entry = FileEntry::from_text(&text, path);
                affected.extend(self.nav.write().upsert(entry));
            }
        }
        self.republish_paths(affected).await;
    }

    /// Runs `f` on the document at `uri`: the open buffer, or the indexed file.
    fn with_doc<T>(&self, uri: &Uri, f: impl FnOnce(&Document) -> T) -> Option<T> {
        if let Some(open) = self.docs.get(uri) {
            return Some(f(&open.doc));
        }
        let path = path_of(uri)?;
        let text = self.nav.read().get(&path).map(|e| e.text.clone())?;
        Some(f(&Document::from_rope(text, Some(path))))
    }

    fn offset_in(&self, doc: &Document, pos: Position) -> usize {
        convert::offset(doc.rope(), pos, self.encoding()).0
    }

    fn locations(&self, current: (&Path, &Rope), locs: Vec<IndexLocation>) -> Vec<Location> {
        let enc = self.encoding();
        let mut ropes: HashMap<PathBuf, Rope> = HashMap::new();
        let mut out = Vec::new();
        for l in locs {
            let rope = if l.path == current.0 {
                current.1.clone()
            } else if let Some(r) = ropes.get(&l.path) {
                r.clone()
            } else {
                // A file outside the index is only ever the target of a link: at a heading
                // of a Markdown file (read, bounded), else at its start.
                let r = self
                    .nav
                    .rope_of(&l.path)
                    .or_else(|| {
                        let text = (!l.range.is_empty()).then(|| references::read_markdown(&l.path));
                        text.flatten().map(|t| Rope::from_str(&t))
                    })
                    .unwrap_or_default();
                ropes.insert(l.path.clone(), r.clone());
                r
            };
            if let Some(uri) = Uri::from_file_path(&l.path) {
                out.push(Location::new(uri, convert::range(&rope, &l.range, enc)));
            }
        }
        out
    }

    pub(super) fn nav_document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let enc = self.encoding();
        Ok(self.with_doc(&p.text_document.uri, |doc| {
            let syms = symbols::document_symbols(doc, &scan_of(doc));
            DocumentSymbolResponse::Nested(syms.iter().map(|s| document_symbol(doc.rope(), s, enc)).collect())
        }))
    }

    pub(super) fn nav_folding_range(&self, p: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        Ok(self.with_doc(&p.text_document.uri, |doc| {
            folding_ranges(doc, &scan_of(doc))
                .into_iter()
                .filter_map(|f| {
                    let start = doc.rope().byte_to_line(f.range.start.min(doc.rope().len_bytes()));
                    let end = doc.rope().byte_to_line(f.range.end.min(doc.rope().len_bytes()));
                    (end > start).then(|| FoldingRange {
                        start_line: start as u32,
                        end_line: end as u32,
                        kind: Some(match f.kind {
                            FoldKind::FrontMatter => FoldingRangeKind::Imports,
                            _ => FoldingRangeKind::Region,
                        }),
                        ..Default::default()
                    })
                })
                .collect()
        }))
    }

    pub(super) fn nav_selection_range(&self, p: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
        let enc = self.encoding();
        Ok(self.with_doc(&p.text_document.uri, |doc| {
            let scan = scan_of(doc);
            p.positions
                .iter()
                .map(|pos| {
                    let offset = self.offset_in(doc, *pos);
                    let ranges = selection_ranges(doc, &scan, offset);
                    let mut sel: Option<SelectionRange> = None;
                    for r in ranges.iter().rev() {
                        sel = Some(SelectionRange {
                            range: convert::range(doc.rope(), r, enc),
                            parent: sel.map(Box::new),
                        });
                    }
                    sel.unwrap_or(SelectionRange {
                        range: Range::new(*pos, *pos),
                        parent: None,
                    })
                })
                .collect()
        }))
    }

    pub(super) fn nav_document_link(&self, p: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        let enc = self.encoding();
        let uri = p.text_document.uri;
        let Some(from) = path_of(&uri) else { return Ok(None) };
        Ok(self.with_doc(&uri, |doc| {
            let index = self.nav.read();
            scan_of(doc)
                .links
                .iter()
                .filter_map(|l| {
                    let target = links::resolve(&from, l.path.as_deref()?);
                    if index.target(&target) == Target::Missing {
                        return None;
                    }
                    Some(DocumentLink {
                        range: convert::range(doc.rope(), &l.dest_range, enc),
                        target: Uri::from_file_path(&target),
                        tooltip: Some(format!("open {}", target.display())),
                        data: None,
                    })
                })
                .collect()
        }))
    }

    /// The item under the cursor and the current document's path and rope.
    fn cursor<T>(
        &self,
        tdp: &TextDocumentPositionParams,
        f: impl FnOnce(&Index, &Path, &crate::analysis::navigation::Item) -> T,
    ) -> Option<(T, PathBuf, Rope)> {
        let path = path_of(&tdp.text_document.uri)?;
        self.with_doc(&tdp.text_document.uri, |doc| {
            let offset = self.offset_in(doc, tdp.position);
            let index = self.nav.read();
            let item = references::item(doc, &index, &path, offset)?;
            Some((f(&index, &path, &item), doc.rope().clone()))
        })
        .flatten()
        .map(|(t, rope)| (t, path, rope))
    }

    pub(super) fn nav_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let Some((locs, path, rope)) = self.cursor(&p.text_document_position_params, references::definition) else {
            return Ok(None);
        };
        let locs = self.locations((&path, &rope), locs);
        Ok((!locs.is_empty()).then_some(GotoDefinitionResponse::Array(locs)))
    }

    pub(super) fn nav_references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let decl = p.context.include_declaration;
        let Some((locs, path, rope)) = self.cursor(&p.text_document_position, |i, path, item| {
            references::references(i, path, item, decl)
        }) else {
            return Ok(None);
        };
        Ok(Some(self.locations((&path, &rope), locs)))
    }

    pub(super) fn nav_prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let enc = self.encoding();
        let Some((found, _, rope)) = self.cursor(&p, references::rename_range) else {
            return Ok(None);
        };
        Ok(
            found.map(|(range, placeholder)| PrepareRenameResponse::RangeWithPlaceholder {
                range: convert::range(&rope, &range, enc),
                placeholder,
            }),
        )
    }

    pub(super) fn nav_rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let new_name = p.new_name.clone();
        let Some((found, path, rope)) = self.cursor(&p.text_document_position, |i, path, item| {
            references::rename(i, path, item, &new_name)
        }) else {
            return Ok(None);
        };
        let edits = found.map_err(Error::invalid_params)?;
        let enc = self.encoding();
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for (file, list) in edits {
            let rope = if file == path {
                rope.clone()
            } else {
                match self.nav.rope_of(&file) {
                    Some(r) => r,
                    None => continue,
                }
            };
            let Some(uri) = Uri::from_file_path(&file) else {
                continue;
            };
            changes.insert(
                uri,
                list.iter()
                    .map(|e| TextEdit::new(convert::range(&rope, &e.range, enc), e.new_text.clone()))
                    .collect(),
            );
        }
        Ok(Some(WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }))
    }

    pub(super) fn nav_symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        let found = references::workspace_symbols(&self.nav.read(), &p.query, 256);
        let enc = self.encoding();
        let mut ropes: HashMap<PathBuf, Rope> = HashMap::new();
        let mut out = Vec::new();
        for s in found {
            let path = &s.location.path;
            if !ropes.contains_key(path) {
                let Some(r) = self.nav.rope_of(path) else { continue };
                ropes.insert(path.clone(), r);
            }
            let Some(uri) = Uri::from_file_path(path) else { continue };
            out.push(WorkspaceSymbol {
                name: s.name,
                kind: match s.kind {
                    references::SymbolKind::Agent => SymbolKind::CLASS,
                    references::SymbolKind::Skill => SymbolKind::MODULE,
                    references::SymbolKind::Command => SymbolKind::FUNCTION,
                    references::SymbolKind::Heading => SymbolKind::STRING,
                },
                tags: None,
                container_name: s.container,
                location: OneOf::Left(Location::new(uri, convert::range(&ropes[path], &s.location.range, enc))),
                data: None,
            });
        }
        Ok(Some(WorkspaceSymbolResponse::Nested(out)))
    }

    /// All diagnostics of one file: the open buffer's, or the indexed file's.
    fn full_diagnostics(&self, uri: &Uri) -> Vec<super::types::Diagnostic> {
        if let Some(open) = self.docs.get(uri) {
            return self.diagnostics_of(uri, &open);
        }
        let Some(path) = path_of(uri) else { return Vec::new() };
        let Some(text) = self.nav.read().get(&path).map(|e| e.text.clone()) else {
            return Vec::new();
        };
        let doc = OpenDocument {
            doc: Document::from_rope(text, Some(path)),
            version: 0,
        };
        self.diagnostics_of(uri, &doc)
    }

    pub(super) fn nav_pull_diagnostic(&self, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let items = self.full_diagnostics(&p.text_document.uri);
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: None, items },
            },
        )))
    }

    pub(super) fn nav_workspace_diagnostic(
        &self,
        _: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let agents: Vec<PathBuf> = self
            .nav
            .read()
            .files()
            .filter(|e| matches!(e.kind, FileKind::Agent(_)))
            .map(|e| e.path.clone())
            .collect();
        let mut items = Vec::new();
        for path in agents {
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            let version = self.docs.get(&uri).map(|d| d.version as i64);
            let diags = self.full_diagnostics(&uri);
            items.push(WorkspaceDocumentDiagnosticReport::Full(
                WorkspaceFullDocumentDiagnosticReport {
                    uri,
                    version,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: None,
                        items: diags,
                    },
                },
            ));
        }
        Ok(WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport {
            items,
        }))
    }
}
