//! The workspace index: one summary per Markdown file (what it is, the names it defines and
//! uses, its headings and links) plus reverse maps, so a cross-file question is a lookup and a
//! one-file edit updates the index without reading any other file.
//!
//! Open documents replace their file's summary on every edit (`upsert`); watched-file events
//! re-read one file. [`Index::upsert`] and [`Index::remove`] return the files whose cross-file
//! findings may have changed, which is what the server re-checks.

use crate::analysis::links::{self, LinkTargets, Scan, Target};
use crate::analysis::navigation::{FrontMatterRefs, Named, front_matter_refs};
use crate::document::{Document, TextRange};
use crate::formats::Format;
use ropey::Rope;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a file is, as far as cross-file rules care.
#[derive(Debug, Clone, Copy)]
pub enum FileKind {
    /// A file of a catalogued format that defines an agent (a Claude Code subagent, a Copilot
    /// agent or chat mode, an OpenCode agent).
    Agent(&'static Format),
    /// A file of another catalogued format (a prompt file, instructions, a memory file…).
    Spec(&'static Format),
    /// `skills/<name>/SKILL.md`.
    Skill(&'static Format),
    /// A slash command (`.claude/commands/**.md`, `commands/**.md`, `.opencode/commands/**.md`),
    /// of its format.
    Command(&'static Format),
    /// Any other Markdown file: its headings are still link targets.
    Markdown,
    /// Not Markdown (a fixture's script or data file): exists, has no headings.
    Other,
}

/// The summary of one file.
#[derive(Debug, Clone)]
pub struct FileEntry {
    pub path: PathBuf,
    /// The text the ranges refer to (the open buffer's when the file is open; a rope, so an
    /// open document's entry shares its text instead of copying it).
    pub text: Rope,
    pub kind: FileKind,
    pub refs: FrontMatterRefs,
    /// Shared with the document's own scan when no `@path` imports were added.
    pub scan: Arc<Scan>,
}

impl FileEntry {
    /// Summarises a parsed document (an open buffer, or a file just read).
    pub fn from_document(doc: &Document, path: PathBuf) -> Self {
        let kind = kind_of(doc, &path);
        let refs = match kind {
            FileKind::Markdown | FileKind::Other => FrontMatterRefs::default(),
            _ => front_matter_refs(doc),
        };
        let format = match kind {
            FileKind::Agent(f) | FileKind::Spec(f) | FileKind::Skill(f) | FileKind::Command(f) => Some(f),
            _ => None,
        };
        let scan = links::with_imports(&doc.scan(), Some(&path), format);
        FileEntry {
            path,
            text: doc.rope().clone(),
            kind,
            refs,
            scan,
        }
    }

    /// Summarises text read from `path`.
    pub fn from_text(text: &str, path: PathBuf) -> Self {
        if !super::is_candidate(&path) {
            return FileEntry {
                path,
                text: Rope::new(),
                kind: FileKind::Other,
                refs: FrontMatterRefs::default(),
                scan: Arc::default(),
            };
        }
        let doc = Document::without_outline(text, Some(path.clone()));
        Self::from_document(&doc, path)
    }

    /// The summary without the file's text, for callers that only need names and links
    /// (`check` keeps thousands of entries at once).
    pub fn without_text(mut self) -> Self {
        self.text = Rope::new();
        self
    }

    /// The agent name this file defines.
    pub fn agent_name(&self) -> Option<&Named> {
        matches!(self.kind, FileKind::Agent(_)).then_some(self.refs.name.as_ref())?
    }

    /// The names other files may call this agent by: its `name`, and for Copilot and OpenCode
    /// agents also the file name (which is the id when `name` is absent or a display name).
    pub fn agent_ids(&self) -> Vec<String> {
        let FileKind::Agent(format) = self.kind else {
            return Vec::new();
        };
        let mut ids: Vec<String> = self.refs.name.iter().map(|n| n.name.clone()).collect();
        if format.product.file_name_names_agent
            && let Some(stem) = self.path.file_name().and_then(|n| n.to_str())
        {
            let stem = stem
                .trim_end_matches(".md")
                .trim_end_matches(".agent")
                .trim_end_matches(".chatmode");
            if !ids.iter().any(|i| i == stem) {
                ids.push(stem.to_string());
            }
        }
        ids
    }

    /// The skill name: `name` from the front matter, else the folder's name.
    pub fn skill_name(&self) -> Option<String> {
        if !matches!(self.kind, FileKind::Skill(_)) {
            return None;
        }
        self.refs
            .name
            .as_ref()
            .map(|n| n.name.clone())
            .or_else(|| folder_name(&self.path))
    }

    /// A command's name as typed: `/plan`, or `/gsd:plan` for `commands/gsd/plan.md`.
    pub fn command_name(&self) -> Option<String> {
        let FileKind::Command(format) = self.kind else {
            return None;
        };
        let naming = format.command_naming();
        if naming.name_key.is_some()
            && let Some(n) = &self.refs.name
        {
            return Some(format!("/{}", n.name));
        }
        let comps: Vec<String> = self
            .path
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let at = comps.iter().rposition(|c| naming.folders.contains(&c.as_str()))?;
        Some(format!("/{}", comps[at + 1..].join(naming.separator)))
    }
}

impl PartialEq for FileKind {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FileKind::Agent(a), FileKind::Agent(b))
            | (FileKind::Spec(a), FileKind::Spec(b))
            | (FileKind::Command(a), FileKind::Command(b)) => a.id == b.id,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

fn folder_name(path: &Path) -> Option<String> {
    path.parent()?.file_name().map(|n| n.to_string_lossy().into_owned())
}

fn kind_of(doc: &Document, path: &Path) -> FileKind {
    if !super::is_candidate(path) {
        return FileKind::Other;
    }
    if let Some(d) = crate::analysis::diagnostics::detect(doc) {
        return match d.format.kind {
            crate::formats::Kind::Agent => FileKind::Agent(d.format),
            crate::formats::Kind::Skill => FileKind::Skill(d.format),
            crate::formats::Kind::Command => FileKind::Command(d.format),
            crate::formats::Kind::Other => FileKind::Spec(d.format),
        };
    }
    let comps: Vec<&str> = path.components().filter_map(|c| c.as_os_str().to_str()).collect();
    let n = comps.len();
    if n >= 3
        && comps[n - 1] == "SKILL.md"
        && comps[n - 3] == "skills"
        && let Some(f) = crate::formats::first_of(crate::formats::Kind::Skill)
    {
        return FileKind::Skill(f);
    }
    if comps[..n.saturating_sub(1)].contains(&"commands")
        && path.extension().is_some_and(|e| e == "md")
        && let Some(f) = crate::formats::first_of(crate::formats::Kind::Command)
    {
        return FileKind::Command(f);
    }
    FileKind::Markdown
}

/// The index. Paths are as given (absolute in the server); reverse maps list the files that
/// define or use each name.
#[derive(Debug, Default)]
pub struct Index {
    files: HashMap<PathBuf, Arc<FileEntry>>,
    agents: HashMap<String, BTreeSet<PathBuf>>,
    skills: HashMap<String, BTreeSet<PathBuf>>,
    agent_users: HashMap<String, BTreeSet<PathBuf>>,
    skill_users: HashMap<String, BTreeSet<PathBuf>>,
    /// Link target file → files whose links resolve to it.
    linkers: HashMap<PathBuf, BTreeSet<PathBuf>>,
    /// Whether [`LinkTargets`] may look at the disk for files the index does not hold (not in
    /// fixtures, where the fixture is the whole world).
    pub disk_fallback: bool,
}

/// The names an entry contributes, for the reverse maps and for "who is affected".
struct Keys {
    agent: Vec<String>,
    skill: Option<String>,
    uses_agents: Vec<String>,
    uses_skills: Vec<String>,
    links_to: Vec<PathBuf>,
}

fn keys(e: &FileEntry) -> Keys {
    let links_to = e
        .scan
        .links
        .iter()
        .filter_map(|l| l.path.as_deref())
        .map(|p| links::resolve(&e.path, p))
        .collect();
    let (uses_agents, uses_skills) = match e.kind {
        FileKind::Agent(_) | FileKind::Spec(_) | FileKind::Skill(_) | FileKind::Command(_) => (
            e.refs.agents.iter().map(|n| n.name.clone()).collect(),
            e.refs.skills.iter().map(|n| n.name.clone()).collect(),
        ),
        _ => (Vec::new(), Vec::new()),
    };
    Keys {
        agent: e.agent_ids(),
        skill: e.skill_name(),
        uses_agents,
        uses_skills,
        links_to,
    }
}

fn add(map: &mut HashMap<String, BTreeSet<PathBuf>>, k: &str, p: &Path) {
    map.entry(k.to_string()).or_default().insert(p.to_path_buf());
}

fn del(map: &mut HashMap<String, BTreeSet<PathBuf>>, k: &str, p: &Path) {
    if let Some(set) = map.get_mut(k) {
        set.remove(p);
        if set.is_empty() {
            map.remove(k);
        }
    }
}

impl Index {
    pub fn new(disk_fallback: bool) -> Self {
        Index {
            disk_fallback,
            ..Default::default()
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn get(&self, path: &Path) -> Option<&Arc<FileEntry>> {
        self.files.get(path)
    }

    pub fn files(&self) -> impl Iterator<Item = &Arc<FileEntry>> {
        self.files.values()
    }

    fn set<'a>(map: &'a HashMap<String, BTreeSet<PathBuf>>, k: &str) -> impl Iterator<Item = &'a PathBuf> {
        map.get(k).into_iter().flatten()
    }

    /// Files defining the agent `name`.
    pub fn agents_named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a PathBuf> {
        Self::set(&self.agents, name)
    }

    /// Files defining the skill `name`.
    pub fn skills_named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a PathBuf> {
        Self::set(&self.skills, name)
    }

    pub fn agent_names(&self) -> impl Iterator<Item = &str> {
        self.agents.keys().map(String::as_str)
    }

    pub fn skill_names(&self) -> impl Iterator<Item = &str> {
        self.skills.keys().map(String::as_str)
    }

    /// Files that name the agent `name` in `Agent(…)`, `Task(…)` or `agent:`.
    pub fn agent_users<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a PathBuf> {
        Self::set(&self.agent_users, name)
    }

    /// Files that list the skill `name` in `skills:`.
    pub fn skill_users<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a PathBuf> {
        Self::set(&self.skill_users, name)
    }

    /// Files with a link that resolves to `path`.
    pub fn linkers<'a>(&'a self, path: &Path) -> impl Iterator<Item = &'a PathBuf> {
        self.linkers.get(path).into_iter().flatten()
    }

    /// Every file whose cross-file findings depend on what `k` defines or uses.
    fn related(&self, path: &Path, k: &Keys, out: &mut BTreeSet<PathBuf>) {
        out.insert(path.to_path_buf());
        for a in &k.agent {
            out.extend(self.agents_named(a).cloned());
            out.extend(self.agent_users(a).cloned());
        }
        if let Some(s) = &k.skill {
            out.extend(self.skill_users(s).cloned());
        }
        out.extend(self.linkers(path).cloned());
    }

    fn unlink(&mut self, path: &Path, k: &Keys) {
        for a in &k.agent {
            del(&mut self.agents, a, path);
        }
        if let Some(s) = &k.skill {
            del(&mut self.skills, s, path);
        }
        for a in &k.uses_agents {
            del(&mut self.agent_users, a, path);
        }
        for s in &k.uses_skills {
            del(&mut self.skill_users, s, path);
        }
        for t in &k.links_to {
            if let Some(set) = self.linkers.get_mut(t) {
                set.remove(path);
                if set.is_empty() {
                    self.linkers.remove(t);
                }
            }
        }
    }

    /// Adds or replaces a file. Returns the files whose cross-file findings may change: the
    /// file itself, and the ones sharing or using a name it defined before or defines now,
    /// or linking to it. Only maps are touched: no other file is read.
    pub fn upsert(&mut self, entry: FileEntry) -> BTreeSet<PathBuf> {
        let path = entry.path.clone();
        let mut affected = BTreeSet::new();
        if let Some(old) = self.files.remove(&path) {
            let k = keys(&old);
            self.related(&path, &k, &mut affected);
            self.unlink(&path, &k);
        }
        let k = keys(&entry);
        for a in &k.agent {
            add(&mut self.agents, a, &path);
        }
        if let Some(s) = &k.skill {
            add(&mut self.skills, s, &path);
        }
        for a in &k.uses_agents {
            add(&mut self.agent_users, a, &path);
        }
        for s in &k.uses_skills {
            add(&mut self.skill_users, s, &path);
        }
        for t in &k.links_to {
            self.linkers.entry(t.clone()).or_default().insert(path.clone());
        }
        self.related(&path, &k, &mut affected);
        self.files.insert(path, Arc::new(entry));
        affected
    }

    /// Drops a file (deleted on disk). Returns the files affected, as [`Index::upsert`].
    pub fn remove(&mut self, path: &Path) -> BTreeSet<PathBuf> {
        let mut affected = BTreeSet::new();
        if let Some(old) = self.files.remove(path) {
            let k = keys(&old);
            self.unlink(path, &k);
            self.related(path, &k, &mut affected);
            affected.remove(path);
        }
        affected
    }

    /// Indexes every Markdown file under `roots` (see [`super::walk`]) on `threads` threads.
    /// `done` counts the files read so far, and `total` is set once the walk is over, so a
    /// caller on another thread can report progress.
    pub fn build(roots: &[PathBuf], threads: usize, done: &AtomicUsize, total: &AtomicUsize) -> Self {
        let mut files: Vec<PathBuf> = roots.iter().flat_map(|r| super::walk(r)).collect();
        files.sort();
        files.dedup();
        total.store(files.len(), Ordering::Relaxed);
        let entries = read_all(&files, threads, done);
        let mut index = Index::new(true);
        for e in entries.into_iter().flatten() {
            index.upsert(e);
        }
        index
    }

    /// Indexes exactly `files` (what `agentls check` was given), on all cores.
    pub fn from_paths(files: &[PathBuf]) -> Self {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let mut index = Index::new(true);
        for e in read_all(files, threads, &AtomicUsize::new(0)).into_iter().flatten() {
            index.upsert(e);
        }
        index
    }

    /// An index of in-memory files (tests, fixtures): no disk fallback.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (PathBuf, &'a str)>) -> Self {
        let mut index = Index::new(false);
        for (path, text) in files {
            index.upsert(FileEntry::from_text(text, path));
        }
        index
    }
}

/// Reads and summarises `files` on `threads` threads; unreadable files are `None`.
pub fn read_all(files: &[PathBuf], threads: usize, done: &AtomicUsize) -> Vec<Option<FileEntry>> {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, files.len().max(1));
    let mut parts: Vec<Vec<(usize, FileEntry)>> = Vec::new();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        if let Ok(text) = super::read_text(path) {
                            mine.push((i, FileEntry::from_text(&text, path.clone())));
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            parts.push(h.join().unwrap_or_default());
        }
    });
    let mut out: Vec<Option<FileEntry>> = (0..files.len()).map(|_| None).collect();
    for (i, e) in parts.into_iter().flatten() {
        out[i] = Some(e);
    }
    out
}

impl LinkTargets for Index {
    fn target(&self, path: &Path) -> Target {
        if let Some(e) = self.files.get(path) {
            return match e.kind {
                FileKind::Other => Target::Exists,
                _ => Target::Markdown(e.scan.headings.iter().map(|h| h.slug.clone()).collect()),
            };
        }
        if self.disk_fallback {
            return if path.exists() { Target::Exists } else { Target::Missing };
        }
        // A fixture's folder exists when a file lies under it.
        if self.files.keys().any(|p| p.starts_with(path)) {
            Target::Exists
        } else {
            Target::Missing
        }
    }
}

/// A place in a file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub range: TextRange,
}

impl Location {
    /// A sort key: path, then position.
    pub fn key(&self) -> (&Path, usize, usize) {
        (&self.path, self.range.start, self.range.end)
    }
}
