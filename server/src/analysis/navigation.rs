//! What stands at a position of one document, for go-to-definition, references and rename:
//! a heading, a link, the agent's own `name`, or a name that refers to another file (a
//! `skills:` entry, `Agent(x)` / `Task(x)` in `tools`, a skill's `agent:`). Also the
//! selection ranges around a position. Cross-file answers are the workspace's job
//! (`crate::workspace::references`); this module reads one document only.

use super::folding::tag_blocks;
use super::links::{Heading, Link, Scan};
use crate::document::{Document, TextRange};
use crate::syntax::yaml::{Node, NodeKind};

/// A name with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub range: TextRange,
}

/// The names a front matter defines and uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatterRefs {
    /// The `name` value.
    pub name: Option<Named>,
    /// The `description` value, cut at [`DESCRIPTION_MAX`] characters (completion shows it
    /// beside the name when another file uses it).
    pub description: Option<String>,
    /// `skills:` entries.
    pub skills: Vec<Named>,
    /// Agents named by `Agent(x)` / `Task(x)` in `tools` or `disallowedTools`, and by a
    /// skill's `agent:`.
    pub agents: Vec<Named>,
}

/// How much of a `description` the index keeps, in characters.
pub const DESCRIPTION_MAX: usize = 500;

/// Reads the names out of `doc`'s front matter.
pub fn front_matter_refs(doc: &Document) -> FrontMatterRefs {
    let mut out = FrontMatterRefs::default();
    let Some(root) = &doc.syntax().yaml.root else {
        return out;
    };
    if let Some(name) = root.get("name").and_then(|n| scalar(doc, n)) {
        out.name = Some(name);
    }
    out.description = root
        .get("description")
        .and_then(Node::as_str)
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| match d.char_indices().nth(DESCRIPTION_MAX) {
            Some((cut, _)) => format!("{}…", &d[..cut]),
            None => d.to_string(),
        });
    if let Some(skills) = root.get("skills") {
        for item in items(skills) {
            if let Some(n) = scalar(doc, item) {
                // `skills: a, b` is one string in YAML; split it the way a list reads.
                out.skills.extend(split_commas(&n));
            }
        }
    }
    for key in ["tools", "disallowedTools"] {
        if let Some(tools) = root.get(key) {
            for item in items(tools) {
                agent_rules(doc, item, &mut out.agents);
            }
        }
    }
    if let Some(agent) = root.get("agent").and_then(|n| scalar(doc, n)) {
        out.agents.push(agent);
    }
    // `handoffs: [{agent: x}]`, in the files of a product that has handoffs (others ignore
    // the key).
    let handoffs = crate::analysis::diagnostics::detect(doc).is_some_and(|d| has_handoffs(d.format));
    if let Some(handoffs) = root.get("handoffs").filter(|_| handoffs) {
        for h in items(handoffs) {
            if let Some(agent) = h.get("agent").and_then(|n| scalar(doc, n)) {
                out.agents.push(agent);
            }
        }
    }
    out
}

/// Whether a format names agents in `handoffs`: one that reads tools and models, of a product
/// whose formats have the key.
fn has_handoffs(format: &crate::formats::Format) -> bool {
    let handoffs = |f: &crate::formats::Format| {
        f.fields
            .iter()
            .any(|k| matches!(k.value, crate::formats::ValueKind::Handoffs))
    };
    format
        .vocabulary()
        .is_some_and(|p| p.formats.iter().any(|f| handoffs(f)))
}

fn items(node: &Node) -> Vec<&Node> {
    match &node.kind {
        NodeKind::Seq { items, .. } => items.iter().collect(),
        _ => vec![node],
    }
}

/// A scalar's value with the range of the value text (inside quotes, if any). Values whose
/// source is not the value itself (escapes, folded lines) get the whole span.
fn scalar(doc: &Document, node: &Node) -> Option<Named> {
    let value = node.as_str()?.trim();
    if value.is_empty() {
        return None;
    }
    let source = doc.slice(&node.span);
    let range = match source.find(value) {
        Some(i) => node.span.start + i..node.span.start + i + value.len(),
        None => node.span.clone(),
    };
    Some(Named {
        name: value.to_string(),
        range,
    })
}

fn split_commas(n: &Named) -> Vec<Named> {
    if !n.name.contains(',') || n.range.len() != n.name.len() {
        return vec![n.clone()];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for part in n.name.split(',') {
        let lead = part.len() - part.trim_start().len();
        let name = part.trim();
        if !name.is_empty() {
            let start = n.range.start + at + lead;
            out.push(Named {
                name: name.to_string(),
                range: start..start + name.len(),
            });
        }
        at += part.len() + 1;
    }
    out
}

/// `Agent(a, b)` and `Task(a)` rules in the source of a tools value.
fn agent_rules(doc: &Document, node: &Node, out: &mut Vec<Named>) {
    if node.as_str().is_none() {
        return;
    }
    let source = doc.slice(&node.span);
    let base = node.span.start;
    for prefix in ["Agent(", "Task("] {
        let mut from = 0;
        while let Some(i) = source[from..].find(prefix) {
            let at = from + i;
            from = at + prefix.len();
            let starts_item = source[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '"' | '\'' | '['));
            if !starts_item {
                continue;
            }
            let Some(close) = source[from..].find(')') else {
                continue;
            };
            let args = &source[from..from + close];
            let mut pos = from;
            for part in args.split(',') {
                let lead = part.len() - part.trim_start().len();
                let name = part.trim();
                if !name.is_empty() && name != "*" {
                    out.push(Named {
                        name: name.to_string(),
                        range: base + pos + lead..base + pos + lead + name.len(),
                    });
                }
                pos += part.len() + 1;
            }
        }
    }
}

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A heading (the cursor is on its line).
    Heading(Heading),
    /// A relative link.
    Link(Link),
    /// This file's own `name` value.
    OwnName(Named),
    /// A `skills:` entry.
    Skill(Named),
    /// An agent named by `Agent(x)`, `Task(x)` or `agent:`.
    Agent(Named),
}

fn within(r: &TextRange, offset: usize) -> bool {
    r.start <= offset && offset <= r.end
}

/// The item at `offset`, innermost first (a link inside a heading is the link).
pub fn item_at(doc: &Document, scan: &Scan, offset: usize) -> Option<Item> {
    if offset < doc.syntax().body_start() {
        let refs = front_matter_refs(doc);
        if let Some(n) = refs.name.filter(|n| within(&n.range, offset)) {
            return Some(Item::OwnName(n));
        }
        if let Some(n) = refs.skills.into_iter().find(|n| within(&n.range, offset)) {
            return Some(Item::Skill(n));
        }
        return refs
            .agents
            .into_iter()
            .find(|n| within(&n.range, offset))
            .map(Item::Agent);
    }
    if let Some(l) = scan.links.iter().find(|l| within(&l.range, offset)) {
        return Some(Item::Link(l.clone()));
    }
    scan.headings
        .iter()
        .find(|h| within(&(h.range.start..h.range.end.max(h.title_range.end)), offset))
        .map(|h| Item::Heading(h.clone()))
}

/// Links of this document that point at its own heading `slug`.
pub fn local_links_to<'a>(scan: &'a Scan, slug: &str) -> impl Iterator<Item = &'a Link> {
    scan.links
        .iter()
        .filter(move |l| l.path.is_none() && l.fragment.as_ref().is_some_and(|(f, _)| f == slug))
}

/// The ranges around `offset`, innermost first, each containing the one before: the word,
/// the value or link, the field or heading, enclosing tags and sections, the front matter,
/// the whole document.
pub fn selection_ranges(doc: &Document, scan: &Scan, offset: usize) -> Vec<TextRange> {
    let text = doc.text();
    let mut candidates: Vec<TextRange> = Vec::new();
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80;
    let (mut s, mut e) = (offset.min(text.len()), offset.min(text.len()));
    while s > 0 && is_word(bytes[s - 1]) {
        s -= 1;
    }
    while e < bytes.len() && is_word(bytes[e]) {
        e += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    if s < e {
        candidates.push(s..e);
    }
    let syntax = doc.syntax();
    if let Some(root) = &syntax.yaml.root {
        let mut node = Some(root);
        while let Some(n) = node {
            node = None;
            match &n.kind {
                NodeKind::Map { entries, .. } => {
                    for en in entries {
                        let whole = en.key.span.start..en.value.span.end.max(en.key.span.end);
                        if within(&whole, offset) {
                            candidates.push(whole);
                            candidates.push(en.value.span.clone());
                            node = Some(&en.value);
                        }
                    }
                }
                NodeKind::Seq { items, .. } => {
                    if let Some(it) = items.iter().find(|i| within(&i.span, offset)) {
                        candidates.push(it.span.clone());
                        node = Some(it);
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(fm) = &syntax.front_matter {
        candidates.push(fm.yaml.clone());
        candidates.push(fm.open.start..fm.close.as_ref().map_or(fm.body_start, |c| c.end));
    }
    for l in &scan.links {
        candidates.push(l.dest_range.clone());
        candidates.push(l.range.clone());
    }
    for h in &scan.headings {
        candidates.push(h.title_range.clone());
        candidates.push(h.range.clone());
    }
    for c in &scan.code_blocks {
        candidates.push(c.clone());
    }
    for b in tag_blocks(&text, &scan.code_blocks) {
        candidates.push(b.range);
    }
    if let Some(body) = &syntax.body {
        for sec in body.sections() {
            candidates.push(sec.range.clone());
        }
    }
    candidates.push(0..text.len());
    let mut inside: Vec<TextRange> = candidates.into_iter().filter(|r| within(r, offset)).collect();
    inside.sort_by_key(|r| (r.len(), std::cmp::Reverse(r.start)));
    let mut out: Vec<TextRange> = Vec::new();
    for r in inside {
        if out
            .last()
            .is_none_or(|l| r.start <= l.start && l.end <= r.end && r != *l)
        {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::links;

    #[test]
    fn front_matter_names_and_agent_rules() {
        let text = "---\nname: lead\ntools: Read, Agent(worker, Explore), Task(old)\nskills:\n  - pdf\n  - \"docx\"\n\
                    disallowedTools: [\"Agent(rogue)\"]\n---\nbody\n";
        let doc = Document::new(text, None);
        let refs = front_matter_refs(&doc);
        let show = |v: &[Named]| {
            v.iter()
                .map(|n| format!("{}@{}", n.name, &text[n.range.clone()]))
                .collect::<Vec<_>>()
        };
        assert_eq!(refs.name.as_ref().map(|n| &text[n.range.clone()]), Some("lead"));
        assert_eq!(show(&refs.skills), vec!["pdf@pdf", "docx@docx"]);
        assert_eq!(
            show(&refs.agents),
            vec!["worker@worker", "Explore@Explore", "old@old", "rogue@rogue"]
        );
    }

    #[test]
    fn item_at_finds_links_headings_and_names() {
        let text = "---\nname: lead\nskills: [pdf]\n---\n# Setup\n\nSee [it](#setup).\n";
        let doc = Document::new(text, None);
        let scan = links::scan(text, doc.syntax().body_start());
        let at = |needle: &str| item_at(&doc, &scan, text.find(needle).unwrap() + 1);
        assert!(matches!(at("lead"), Some(Item::OwnName(n)) if n.name == "lead"));
        assert!(matches!(at("pdf"), Some(Item::Skill(n)) if n.name == "pdf"));
        assert!(matches!(at("Setup"), Some(Item::Heading(h)) if &*h.slug == "setup"));
        assert!(matches!(at("(#setup)"), Some(Item::Link(l)) if l.fragment.as_ref().unwrap().0 == "setup"));
        assert_eq!(local_links_to(&scan, "setup").count(), 1);
    }

    #[test]
    fn selection_grows_outwards() {
        let text = "---\nname: lead\ntools: [Read, Grep]\n---\n# A\n\n## B\n\ntext here\n";
        let doc = Document::new(text, None);
        let scan = links::scan(text, doc.syntax().body_start());
        let shown: Vec<&str> = selection_ranges(&doc, &scan, text.find("Grep").unwrap())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            shown,
            vec![
                "Grep",
                "[Read, Grep]",
                "tools: [Read, Grep]",
                "name: lead\ntools: [Read, Grep]\n",
                "---\nname: lead\ntools: [Read, Grep]\n---",
                text
            ]
        );
        let shown: Vec<&str> = selection_ranges(&doc, &scan, text.find("here").unwrap())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(shown[0], "here");
        assert!(shown.contains(&"## B\n\ntext here\n"), "{shown:?}");
    }
}
