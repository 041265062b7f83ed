//! The outline of one document (formats.md §14): the front matter's fields, then the heading
//! hierarchy, with balanced `<example>`-style blocks under the section that holds them.

use super::folding::tag_blocks;
use super::links::Scan;
use crate::document::{Document, TextRange};
use crate::syntax::yaml::{Node, NodeKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    FrontMatter,
    Field,
    Heading,
    Tag,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    /// A short summary of a field's value.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// All of it (a whole section, a whole field).
    pub range: TextRange,
    /// What to highlight (the key, the heading line).
    pub selection: TextRange,
    pub children: Vec<Symbol>,
}

const MAX_DETAIL: usize = 60;

fn detail(doc: &Document, node: &Node) -> String {
    let s = match &node.kind {
        NodeKind::Scalar { value, .. } => value.clone(),
        NodeKind::Seq { items, .. } => items.iter().filter_map(Node::as_str).collect::<Vec<_>>().join(", "),
        NodeKind::Map { entries, .. } => format!("{} keys", entries.len()),
        NodeKind::Alias => doc.slice(&node.span),
    };
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX_DETAIL {
        let cut: String = one_line.chars().take(MAX_DETAIL - 1).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// The outline. `scan` is the body's [`Scan`]; headings come from the Markdown tree when the
/// document has one, so they nest by level exactly as folding does.
pub fn document_symbols(doc: &Document, scan: &Scan) -> Vec<Symbol> {
    let mut out = Vec::new();
    let syntax = doc.syntax();
    if let Some(fm) = &syntax.front_matter {
        let end = fm.close.as_ref().map_or(fm.body_start, |c| c.end);
        let fields = syntax.yaml.root.as_ref().map_or_else(Vec::new, |root| {
            root.entries()
                .iter()
                .filter_map(|e| {
                    let key = e.key.as_str()?;
                    Some(Symbol {
                        name: key.to_string(),
                        detail: Some(detail(doc, &e.value)),
                        kind: SymbolKind::Field,
                        range: e.key.span.start..e.value.span.end.max(e.key.span.end),
                        selection: e.key.span.clone(),
                        children: Vec::new(),
                    })
                })
                .collect()
        });
        out.push(Symbol {
            name: "front matter".into(),
            detail: None,
            kind: SymbolKind::FrontMatter,
            range: fm.open.start..end,
            selection: fm.open.clone(),
            children: fields,
        });
    }
    let body_start = syntax.body_start();
    // Sections from the tree (nested by level); a document without a tree falls back to the
    // scan's headings, each spanning only its own line.
    let mut sections: Vec<(u8, TextRange, TextRange, String)> = match &syntax.body {
        Some(body) => body
            .sections()
            .iter()
            .filter(|s| s.heading.start >= body_start)
            .map(|s| {
                let title = doc.slice(&s.title);
                let heading_end = s.heading.start + doc.slice(&s.heading).trim_end().len();
                (
                    s.level,
                    s.range.clone(),
                    s.heading.start..heading_end,
                    title.trim().to_string(),
                )
            })
            .collect(),
        None => scan
            .headings
            .iter()
            .map(|h| (h.level, h.range.clone(), h.range.clone(), h.title.to_string()))
            .collect(),
    };
    let text = doc.text();
    let mut tags: Vec<Symbol> = tag_blocks(&text, &scan.code_blocks)
        .into_iter()
        .filter(|b| b.range.start >= body_start)
        .map(|b| Symbol {
            name: format!("<{}>", b.name),
            detail: None,
            kind: SymbolKind::Tag,
            range: b.range.clone(),
            selection: b.name_range.start - 1..b.name_range.end + 1,
            children: Vec::new(),
        })
        .collect();
    // Build the heading tree with a stack of open sections, then hang each tag on the
    // innermost section (or tag) that contains it.
    let mut roots: Vec<Symbol> = Vec::new();
    let mut stack: Vec<(u8, Symbol)> = Vec::new();
    fn close(stack: &mut Vec<(u8, Symbol)>, roots: &mut Vec<Symbol>) {
        if let Some((_, sym)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(sym),
                None => roots.push(sym),
            }
        }
    }
    sections.sort_by_key(|s| s.1.start);
    for (level, range, selection, title) in sections {
        while stack
            .last()
            .is_some_and(|(l, s)| *l >= level || s.range.end <= range.start)
        {
            close(&mut stack, &mut roots);
        }
        stack.push((
            level,
            Symbol {
                name: if title.is_empty() {
                    "(empty heading)".into()
                } else {
                    title
                },
                detail: None,
                kind: SymbolKind::Heading,
                range,
                selection,
                children: Vec::new(),
            },
        ));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    // Tags: nested tags first go inside their enclosing tag, then into sections.
    tags.sort_by_key(|t| std::cmp::Reverse(t.range.start));
    let mut placed: Vec<Symbol> = Vec::new();
    for tag in tags {
        let (inner, rest): (Vec<Symbol>, Vec<Symbol>) = placed
            .into_iter()
            .partition(|p| tag.range.start <= p.range.start && p.range.end <= tag.range.end);
        let mut tag = tag;
        tag.children = inner;
        tag.children.sort_by_key(|c| c.range.start);
        placed = rest;
        placed.push(tag);
    }
    for tag in placed {
        if !insert(&mut roots, tag.clone()) {
            roots.push(tag);
        }
    }
    sort(&mut roots);
    out.extend(roots);
    out
}

/// Puts `sym` into the innermost heading of `list` that contains it.
fn insert(list: &mut [Symbol], sym: Symbol) -> bool {
    for s in list.iter_mut() {
        if s.kind == SymbolKind::Heading && s.range.start <= sym.range.start && sym.range.end <= s.range.end {
            if !insert(&mut s.children, sym.clone()) {
                s.children.push(sym);
            }
            return true;
        }
    }
    false
}

fn sort(list: &mut [Symbol]) {
    list.sort_by_key(|s| s.range.start);
    for s in list {
        sort(&mut s.children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::links;
    use expect_test::expect;

    fn show(text: &str) -> String {
        let doc = Document::new(text, None);
        let scan = links::scan(text, doc.syntax().body_start());
        let mut out = String::new();
        fn walk(doc: &Document, s: &[Symbol], depth: usize, out: &mut String) {
            for sym in s {
                let (line, _) = crate::document::line_col_chars(doc.rope(), sym.range.start);
                out.push_str(&format!(
                    "{}{:?} {} @{}{}\n",
                    "  ".repeat(depth),
                    sym.kind,
                    sym.name,
                    line,
                    sym.detail.as_ref().map(|d| format!(" = {d}")).unwrap_or_default()
                ));
                walk(doc, &sym.children, depth + 1, out);
            }
        }
        walk(&doc, &document_symbols(&doc, &scan), 0, &mut out);
        out
    }

    #[test]
    fn outline_of_an_agent() {
        let text = "---\nname: reviewer\ndescription: Reviews code\ntools: [Read, Grep]\n---\n# Role\n\nYou \
                    review.\n\n## Examples\n\n<example>\nuser: hi\n</example>\n\n### Edge cases\n\n# Output\n";
        expect![[r#"
            FrontMatter front matter @0
              Field name @1 = reviewer
              Field description @2 = Reviews code
              Field tools @3 = Read, Grep
            Heading Role @5
              Heading Examples @9
                Tag <example> @11
                Heading Edge cases @15
            Heading Output @17
        "#]]
        .assert_eq(&show(text));
    }

    #[test]
    fn skipped_levels_and_no_front_matter() {
        expect![[r#"
            Heading A @0
              Heading deep @1
              Heading B @2
            Heading C @3
        "#]]
        .assert_eq(&show("# A\n### deep\n## B\n# C\n"));
    }
}
