//! Cross-file navigation over the [`Index`]: go-to-definition, references and rename for
//! headings (through the links that point at them) and for agent and skill names, and the
//! fuzzy workspace symbol search. The item under the cursor comes from
//! [`analysis::navigation::item_at`](crate::analysis::navigation::item_at).

use super::index::{FileEntry, FileKind, Index, Location};
use crate::analysis::links::{self, Heading, Link, slug};
use crate::analysis::navigation::{Item, item_at};
use crate::document::{Document, TextEdit};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The item at `offset` in the indexed file `path` (whose entry must reflect `doc`).
pub fn item(doc: &Document, index: &Index, path: &Path, offset: usize) -> Option<Item> {
    let entry = index.get(path)?;
    item_at(doc, &entry.scan, offset)
}

/// The heading a link points at: `(file, heading)`; the heading is `None` for a link to a
/// whole file.
fn link_target(index: &Index, from: &Path, link: &Link) -> Option<(PathBuf, Option<Heading>)> {
    let file = match &link.path {
        Some(p) => links::resolve(from, p),
        None => from.to_path_buf(),
    };
    let entry = index.get(&file);
    let heading = match (&link.fragment, entry) {
        (Some((f, _)), Some(e)) => e.scan.heading_by_slug(f).cloned(),
        // A Markdown file outside the index (no workspace folder): read it, bounded, for its
        // headings.
        (Some((f, _)), None) => read_unindexed(&file).and_then(|e| e.scan.heading_by_slug(f).cloned()),
        _ => None,
    };
    if entry.is_none() && link.path.is_some() && !file.exists() {
        return None;
    }
    Some((file, heading))
}

/// The summary of a Markdown file the index does not hold: only a regular file (never a FIFO
/// or a device, which could block or never end) of a candidate extension, read through
/// [`super::read_text`] and its size limit.
fn read_unindexed(path: &Path) -> Option<FileEntry> {
    let text = read_markdown(path)?;
    Some(FileEntry::from_text(&text, path.to_path_buf()))
}

/// The text of a Markdown file on disk, for a link target outside the index: `None` for
/// anything but a regular `.md`/`.mdc` file within [`super::MAX_FILE_BYTES`].
pub fn read_markdown(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > super::MAX_FILE_BYTES || !super::is_candidate(path) {
        return None;
    }
    super::read_text(path).ok()
}

/// Go-to-definition.
pub fn definition(index: &Index, path: &Path, item: &Item) -> Vec<Location> {
    match item {
        Item::Link(link) => link_target(index, path, link)
            .map(|(file, h)| Location {
                path: file,
                range: h.map_or(0..0, |h| h.range),
            })
            .into_iter()
            .collect(),
        Item::Agent(n) => index
            .agents_named(&n.name)
            .filter_map(|p| index.get(p))
            .map(|e| super::cross_file::name_location(e))
            .collect(),
        Item::Skill(n) => index
            .skills_named(&n.name)
            .filter_map(|p| index.get(p))
            .map(|e| super::cross_file::name_location(e))
            .collect(),
        Item::OwnName(_) | Item::Heading(_) => Vec::new(),
    }
}

/// What a references or rename request is about, once links are followed to their heading.
enum Subject {
    Heading(PathBuf, Heading),
    Agent(String),
    Skill(String),
}

fn subject(index: &Index, path: &Path, item: &Item) -> Option<Subject> {
    let entry = index.get(path)?;
    Some(match item {
        Item::Heading(h) => Subject::Heading(path.to_path_buf(), h.clone()),
        Item::Link(l) => {
            let (file, h) = link_target(index, path, l)?;
            Subject::Heading(file, h?)
        }
        Item::Agent(n) => Subject::Agent(n.name.clone()),
        Item::Skill(n) => Subject::Skill(n.name.clone()),
        Item::OwnName(n) => match entry.kind {
            FileKind::Agent(_) => Subject::Agent(n.name.clone()),
            FileKind::Skill(_) => Subject::Skill(n.name.clone()),
            _ => return None,
        },
    })
}

/// Links anywhere in the index that point at heading `slug` of `file`.
fn links_to_heading(index: &Index, file: &Path, slug: &str) -> Vec<(PathBuf, Link)> {
    let mut sources: Vec<PathBuf> = index.linkers(file).cloned().collect();
    sources.push(file.to_path_buf());
    sources.sort();
    sources.dedup();
    let mut out = Vec::new();
    for src in sources {
        let Some(e) = index.get(&src) else { continue };
        for l in &e.scan.links {
            let points_here = match &l.path {
                Some(p) => links::resolve(&src, p) == file,
                None => src == file,
            };
            if points_here && l.fragment.as_ref().is_some_and(|(f, _)| f == slug) {
                out.push((src.clone(), l.clone()));
            }
        }
    }
    out
}

/// Every place an agent or skill name is written: definitions first, then uses.
fn name_places(index: &Index, subject: &Subject) -> (Vec<Location>, Vec<Location>) {
    let (defs, users): (Vec<&PathBuf>, Vec<&PathBuf>) = match subject {
        Subject::Agent(n) => (index.agents_named(n).collect(), index.agent_users(n).collect()),
        Subject::Skill(n) => (index.skills_named(n).collect(), index.skill_users(n).collect()),
        Subject::Heading(..) => return (Vec::new(), Vec::new()),
    };
    let name = match subject {
        Subject::Agent(n) | Subject::Skill(n) => n,
        Subject::Heading(..) => unreachable!("returned above"),
    };
    let defs = defs
        .into_iter()
        .filter_map(|p| index.get(p))
        .filter_map(|e| {
            e.refs.name.as_ref().filter(|n| &n.name == name).map(|n| Location {
                path: e.path.clone(),
                range: n.range.clone(),
            })
        })
        .collect();
    let mut uses = Vec::new();
    for p in users {
        let Some(e) = index.get(p) else { continue };
        let list = match subject {
            Subject::Agent(_) => &e.refs.agents,
            _ => &e.refs.skills,
        };
        uses.extend(list.iter().filter(|n| &n.name == name).map(|n| Location {
            path: e.path.clone(),
            range: n.range.clone(),
        }));
    }
    (defs, uses)
}

/// Find-references. With `include_declaration`, the heading or the `name` values come first.
pub fn references(index: &Index, path: &Path, item: &Item, include_declaration: bool) -> Vec<Location> {
    let Some(subject) = subject(index, path, item) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match &subject {
        Subject::Heading(file, h) => {
            if include_declaration {
                out.push(Location {
                    path: file.clone(),
                    range: h.title_range.clone(),
                });
            }
            out.extend(
                links_to_heading(index, file, &h.slug)
                    .into_iter()
                    .map(|(p, l)| Location {
                        path: p,
                        range: l.fragment.map_or(l.dest_range, |f| f.1),
                    }),
            );
        }
        _ => {
            let (defs, uses) = name_places(index, &subject);
            if include_declaration {
                out.extend(defs);
            }
            out.extend(uses);
        }
    }
    out
}

/// The range a rename replaces at the cursor, with the current text (prepare-rename).
pub fn rename_range(index: &Index, path: &Path, item: &Item) -> Option<(std::ops::Range<usize>, String)> {
    subject(index, path, item)?;
    Some(match item {
        Item::Heading(h) => (h.title_range.clone(), h.title.to_string()),
        Item::Link(l) => {
            let (_, h) = link_target(index, path, l)?;
            let f = l.fragment.clone()?;
            (f.1, h?.slug.to_string())
        }
        Item::Agent(n) | Item::Skill(n) | Item::OwnName(n) => (n.range.clone(), n.name.clone()),
    })
}

/// Edits per file.
pub type WorkspaceEdit = BTreeMap<PathBuf, Vec<TextEdit>>;

/// Renames a heading (its title, and the fragment of every link to it) or an agent or skill
/// name (its `name` values and every use). `new_name` is a heading title for headings, even
/// when the rename starts from a link.
pub fn rename(index: &Index, path: &Path, item: &Item, new_name: &str) -> Result<WorkspaceEdit, String> {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Err("the new name is empty".into());
    }
    let subject = subject(index, path, item).ok_or("nothing to rename here")?;
    let mut edits: WorkspaceEdit = BTreeMap::new();
    let mut push = |p: PathBuf, range: std::ops::Range<usize>, text: &str| {
        edits.entry(p).or_default().push(TextEdit {
            range,
            new_text: text.to_string(),
        })
    };
    match &subject {
        Subject::Heading(file, h) => {
            let entry: &FileEntry = index.get(file).ok_or("the heading's file is not indexed")?;
            let new_slug = slug(new_name);
            if new_slug.is_empty() {
                return Err(format!("`{new_name}` gives an empty anchor"));
            }
            if *new_slug != *h.slug && entry.scan.heading_by_slug(&new_slug).is_some() {
                return Err(format!(
                    "another heading in this file already has the anchor `#{new_slug}`"
                ));
            }
            push(file.clone(), h.title_range.clone(), new_name);
            for (p, l) in links_to_heading(index, file, &h.slug) {
                if let Some((_, r)) = l.fragment {
                    push(p, r, &new_slug);
                }
            }
        }
        _ => {
            if new_name.contains(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':')) {
                return Err(format!(
                    "`{new_name}` is not a valid name: use lowercase letters, digits and hyphens"
                ));
            }
            let (defs, uses) = name_places(index, &subject);
            for l in defs.into_iter().chain(uses) {
                push(l.path, l.range, new_name);
            }
        }
    }
    for list in edits.values_mut() {
        list.sort_by_key(|e| e.range.start);
        list.dedup_by_key(|e| e.range.clone());
    }
    Ok(edits)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Agent,
    Skill,
    Command,
    Heading,
}

/// A workspace symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub kind: SymbolKind,
    pub location: Location,
    /// The file name, for headings.
    pub container: Option<String>,
}

/// A fuzzy score: every query character appears in order (case-insensitively); runs, word
/// starts and a prefix score higher. `None` when it does not match.
pub fn fuzzy_score(query: &str, candidate: &str) -> Option<i64> {
    if query.is_empty() {
        return Some(0);
    }
    let cand: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
    let mut score = 0i64;
    let mut ci = 0;
    let mut prev: Option<usize> = None;
    for q in query.chars().flat_map(char::to_lowercase) {
        let found = (ci..cand.len()).find(|&i| cand[i] == q)?;
        score += 1;
        if prev == Some(found.wrapping_sub(1)) {
            score += 5;
        }
        if found == 0 || !cand[found - 1].is_alphanumeric() {
            score += 3;
        }
        prev = Some(found);
        ci = found + 1;
    }
    Some(score * 100 - cand.len() as i64)
}

/// Agents, skills, commands and headings whose name fuzzy-matches `query`, best first.
pub fn workspace_symbols(index: &Index, query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let mut found: Vec<(i64, WorkspaceSymbol)> = Vec::new();
    let file_name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    for e in index.files() {
        let mut add = |name: String, kind: SymbolKind, range: std::ops::Range<usize>, container: Option<String>| {
            if let Some(s) = fuzzy_score(query, &name) {
                found.push((
                    s,
                    WorkspaceSymbol {
                        name,
                        kind,
                        location: Location {
                            path: e.path.clone(),
                            range,
                        },
                        container,
                    },
                ));
            }
        };
        let name_range = e.refs.name.as_ref().map_or(0..0, |n| n.range.clone());
        if let Some(n) = e.agent_name() {
            add(n.name.clone(), SymbolKind::Agent, n.range.clone(), file_name(&e.path));
        }
        if let Some(n) = e.skill_name() {
            add(n, SymbolKind::Skill, name_range.clone(), file_name(&e.path));
        }
        if let Some(n) = e.command_name() {
            add(n, SymbolKind::Command, name_range, file_name(&e.path));
        }
        for h in &e.scan.headings {
            add(
                h.title.to_string(),
                SymbolKind::Heading,
                h.range.clone(),
                file_name(&e.path),
            );
        }
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.name.cmp(&b.1.name))
            .then_with(|| a.1.location.key().cmp(&b.1.location.key()))
    });
    found.truncate(limit);
    found.into_iter().map(|(_, s)| s).collect()
}
