//! Code actions: the quick fixes the diagnostics carry, "fix all" for a file, and refactors that
//! need no diagnostic (a tool list as a comma-separated string ⇄ a YAML list; a `\n`-escaped
//! description ⇄ a `|` block). Every edit is in byte offsets of the current text.

use super::diagnostics::front_matter::block_scalar;
use super::diagnostics::tools::items;
use super::diagnostics::{Diagnostic, detect, diagnostics, line_end};
use crate::document::{Document, TextEdit, TextRange};
use crate::formats::ValueKind;
use crate::syntax::yaml::{Node, NodeKind, Style, double_quote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    /// Every safe fix of the file at once.
    FixAll,
    RefactorRewrite,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub kind: ActionKind,
    /// Non-overlapping edits, sorted by position.
    pub edits: Vec<TextEdit>,
    /// The diagnostic a quick fix repairs.
    pub diagnostic: Option<Diagnostic>,
    /// The fix to apply when the user asks for "the" fix.
    pub preferred: bool,
    /// Then rename the document's file to this path (see [`crate::analysis::Fix::rename_to`]).
    pub rename_to: Option<std::path::PathBuf>,
}

fn touches(a: &TextRange, b: &TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The actions for the selection `range`: quick fixes of the diagnostics it touches, then the
/// refactors available there.
pub fn code_actions(doc: &Document, range: &TextRange) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in diagnostics(doc).into_iter().filter(|d| touches(&d.range, range)) {
        for (i, fix) in d.fixes.iter().enumerate() {
            out.push(CodeAction {
                title: fix.title.clone(),
                kind: ActionKind::QuickFix,
                edits: fix.edits.clone(),
                diagnostic: Some(d.clone()),
                preferred: i == 0,
                rename_to: fix.rename_to.clone(),
            });
        }
    }
    out.extend(refactors(doc, range));
    out
}

/// Applies the first fix of every diagnostic that is safe to apply unattended, skipping fixes
/// whose edits would overlap one already taken. `None` when there is nothing to fix.
pub fn fix_all(doc: &Document) -> Option<CodeAction> {
    let edits = safe_fixes(&diagnostics(doc));
    if edits.is_empty() {
        return None;
    }
    Some(CodeAction {
        title: "Fix all agentls problems".into(),
        kind: ActionKind::FixAll,
        edits,
        diagnostic: None,
        preferred: false,
        rename_to: None,
    })
}

/// The edits of the first safe fix of each of `diags`, skipping fixes that would overlap one
/// already taken; sorted, ready for [`apply`]. Shared by "fix all" and `check --fix`.
pub fn safe_fixes(diags: &[crate::analysis::Diagnostic]) -> Vec<TextEdit> {
    let mut edits: Vec<TextEdit> = Vec::new();
    for d in diags {
        let Some(fix) = d.fixes.first().filter(|f| f.in_fix_all && f.rename_to.is_none()) else {
            continue;
        };
        let clashes = fix.edits.iter().any(|e| {
            edits.iter().any(|t| {
                (e.range.start < t.range.end && t.range.start < e.range.end)
                    || (e.range.is_empty() || t.range.is_empty()) && touches(&e.range, &t.range)
            })
        });
        if !clashes {
            edits.extend(fix.edits.iter().cloned());
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
}

/// `text` with `edits` applied (non-overlapping, in offsets of `text`).
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse((e.range.start, e.range.end)));
    let mut out = text.to_string();
    for e in sorted {
        out.replace_range(e.range.clone(), &e.new_text);
    }
    out
}

fn refactors(doc: &Document, range: &TextRange) -> Vec<CodeAction> {
    let Some(format) = detect(doc).map(|d| d.format) else {
        return Vec::new();
    };
    let Some(root) = &doc.syntax().yaml.root else {
        return Vec::new();
    };
    let recovered = &doc.syntax().yaml.recovered;
    let mut out = Vec::new();
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        let Some(field) = format.field(key) else { continue };
        let whole = e.key.span.start..e.value.span.end.max(e.key.span.end);
        // Values the loader had to re-quote are served by the `needs-quotes` fixes.
        if !touches(&whole, range) || recovered.iter().any(|r| r.key == key) {
            continue;
        }
        let rewrite = |title: String, range: TextRange, new_text: String| CodeAction {
            title,
            kind: ActionKind::RefactorRewrite,
            edits: vec![TextEdit { range, new_text }],
            diagnostic: None,
            preferred: false,
            rename_to: None,
        };
        match &field.value {
            ValueKind::Tools => {
                if let Some((range, text, title)) = toggle_tool_list(doc, &e.key, &e.value) {
                    out.push(rewrite(title, range, text));
                }
            }
            ValueKind::Text if field.unescapes_newlines => {
                let one_line = matches!(
                    &e.value.kind,
                    NodeKind::Scalar {
                        style: Style::Plain | Style::SingleQuoted | Style::DoubleQuoted,
                        ..
                    }
                ) && !doc.slice(&e.value.span).contains(['\n', '\r']);
                if let Some(value) = e.value.as_str().filter(|v| one_line && v.contains("\\n")) {
                    let text = block_scalar(&value.replace("\\n", "\n"), line_end(doc));
                    out.push(rewrite(
                        format!("Turn the `\\n`-escaped `{key}` into a `|` block"),
                        e.value.span.clone(),
                        text,
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a list item can be written as a plain YAML scalar.
fn plain_ok(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.starts_with(' ')
        && !s.ends_with(' ')
}

fn yaml_scalar(s: &str) -> String {
    if plain_ok(s) { s.to_string() } else { double_quote(s) }
}

/// The rewrite of a tool list into its other form: `(range, new text, title)`. The range starts
/// right after the key's `:`.
fn toggle_tool_list(doc: &Document, key: &Node, v: &Node) -> Option<(TextRange, String, String)> {
    let name = key.as_str()?;
    let rest = doc.slice(&(key.span.end..v.span.end.max(key.span.end)));
    let colon = key.span.end + rest.find(':')? + 1;
    let list = items(&|r| doc.slice(r), v);
    if list.is_empty() {
        return None;
    }
    let replaced = colon..v.span.end;
    let source = doc.slice(&replaced);
    match &v.kind {
        NodeKind::Scalar {
            style: Style::Plain | Style::SingleQuoted | Style::DoubleQuoted,
            ..
        } if !source.contains(['\n', '\r']) => {
            let le = line_end(doc);
            let lines: String = list
                .iter()
                .map(|i| format!("{le}  - {}", yaml_scalar(&i.text)))
                .collect();
            Some((replaced, lines, format!("Write `{name}` as a YAML list")))
        }
        NodeKind::Seq { items: nodes, .. } if nodes.iter().all(|n| matches!(n.kind, NodeKind::Scalar { .. })) => {
            // Comments between the items would be lost.
            if source.contains('#') && !list.iter().any(|i| i.text.contains('#')) {
                return None;
            }
            let joined = list.iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join(", ");
            Some((
                replaced,
                format!(" {}", yaml_scalar(&joined)),
                format!("Write `{name}` as a comma-separated string"),
            ))
        }
        _ => None,
    }
}
