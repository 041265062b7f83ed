//! Hover: what a key means, what a value resolves to (a model alias, a tool and whether it is
//! read-only, an MCP tool and where its server is declared, a colour), and how Claude Code reads
//! a `\n`-escaped description. All text comes from the format catalogs.

use super::diagnostics::detect;
use super::diagnostics::tools::{items, tool_name};
use crate::document::{Document, TextRange};
use crate::formats::claude_models::{self, ModelStatus};
use crate::formats::claude_tools::{self, ToolStatus};
use crate::formats::{Field, Format, ValueKind};
use crate::syntax::yaml::{Node, NodeKind};
use crate::workspace::mcp::{McpCatalog, split_mcp_name};

/// A hover: Markdown text about `range`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverInfo {
    pub range: TextRange,
    pub markdown: String,
}

impl HoverInfo {
    /// The same text without Markdown markup, for clients that only show plain text.
    pub fn plain(&self) -> String {
        self.markdown
            .replace("**", "")
            .replace("```text\n", "")
            .replace("\n```", "")
            .replace('`', "")
    }
}

fn contains(range: &TextRange, offset: usize) -> bool {
    range.start <= offset && offset <= range.end
}

/// The hover at byte `offset`, if there is anything to say there.
pub fn hover(doc: &Document, offset: usize, mcp: &McpCatalog) -> Option<HoverInfo> {
    let format = detect(doc)?.format;
    let root = doc.syntax().yaml.root.as_ref()?;
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        let Some(field) = format.field(key) else { continue };
        if contains(&e.key.span, offset) {
            return Some(HoverInfo {
                range: e.key.span.clone(),
                markdown: key_doc(field),
            });
        }
        if contains(&e.value.span, offset) && !e.value.span.is_empty() {
            return value_hover(doc, format, field, &e.value, offset, mcp);
        }
    }
    None
}

fn key_doc(field: &Field) -> String {
    let required = if field.required { ", required" } else { "" };
    let mut md = format!(
        "**`{}`**: {}{required}\n\n{}",
        field.key,
        field.value.describe(),
        field.doc
    );
    if let ValueKind::OneOf(choices) = &field.value {
        let list: Vec<String> = choices.iter().map(|c| format!("`{}`", c.value)).collect();
        md.push_str(&format!("\n\nValues: {}.", list.join(", ")));
    }
    md
}

fn value_hover(
    doc: &Document,
    format: &Format,
    field: &Field,
    v: &Node,
    offset: usize,
    mcp: &McpCatalog,
) -> Option<HoverInfo> {
    let at_value = |markdown: String| {
        Some(HoverInfo {
            range: v.span.clone(),
            markdown,
        })
    };
    match &field.value {
        ValueKind::Model => {
            let m = claude_models::lookup(v.as_str()?.trim())?;
            let mut md = format!("**`{}`**: {}\n\n{}", m.id, m.status.describe(), m.doc);
            if let (ModelStatus::Retired(_), Some(r)) = (m.status, m.replacement) {
                md.push_str(&format!(" Use `{r}` instead."));
            }
            at_value(md)
        }
        ValueKind::OneOf(choices) => {
            let c = choices.iter().find(|c| Some(c.value) == v.as_str())?;
            let mut md = format!("**`{}`** (`{}`)", c.value, field.key);
            if !c.doc.is_empty() {
                md.push_str(&format!("\n\n{}", c.doc));
            }
            if let Some((r, g, b)) = c.rgb {
                md.push_str(&format!("\n\nColour: `#{r:02x}{g:02x}{b:02x}`"));
            }
            at_value(md)
        }
        ValueKind::Tools => {
            let list = items(&|r| doc.slice(r), v);
            let item = list.iter().find(|i| contains(&i.range, offset))?;
            let md = tool_doc(doc, format, &item.text, mcp)?;
            Some(HoverInfo {
                range: item.range.clone(),
                markdown: md,
            })
        }
        ValueKind::McpServers => {
            let NodeKind::Seq { items, .. } = &v.kind else {
                return None;
            };
            // `(name, range, defined inline as a `{name: config}` mapping)`.
            let (name, range, inline) = items.iter().find_map(|i| match &i.kind {
                NodeKind::Scalar { value, .. } if contains(&i.span, offset) => {
                    Some((value.clone(), i.span.clone(), false))
                }
                NodeKind::Map { entries, .. } => entries
                    .iter()
                    .find(|e| contains(&e.key.span, offset))
                    .and_then(|e| Some((e.key.as_str()?.to_string(), e.key.span.clone(), true))),
                _ => None,
            })?;
            let md = match mcp.server(&name) {
                _ if inline => format!("**`{name}`**: MCP server defined here, for this agent only."),
                Some(s) => format!("**`{name}`**: MCP server declared in `{}`.", s.declared_in.display()),
                None => format!(
                    "**`{name}`**: not declared in the project's `.mcp.json`; fine if it is configured in user settings."
                ),
            };
            Some(HoverInfo { range, markdown: md })
        }
        ValueKind::Text if field.unescapes_newlines => {
            let value = v.as_str()?;
            if !value.contains("\\n") {
                return None;
            }
            let rendered = value.replace("\\n", "\n");
            at_value(format!(
                "Claude Code reads each `\\n` here as a line break:\n\n```text\n{}\n```",
                rendered.trim_end()
            ))
        }
        _ => None,
    }
}

/// Where an MCP server is declared: the project's configuration or the agent's `mcpServers`.
fn mcp_server_origin(doc: &Document, format: &Format, server: &str, mcp: &McpCatalog) -> Option<String> {
    if let Some(s) = mcp.server(server) {
        return Some(format!("declared in `{}`", s.declared_in.display()));
    }
    let root = doc.syntax().yaml.root.as_ref()?;
    let own = format
        .fields
        .iter()
        .filter(|f| matches!(f.value, ValueKind::McpServers))
        .filter_map(|f| root.get(f.key))
        .any(|list| match &list.kind {
            NodeKind::Seq { items, .. } => items
                .iter()
                .any(|i| i.as_str() == Some(server) || i.entries().iter().any(|e| e.key.as_str() == Some(server))),
            _ => false,
        });
    own.then(|| "declared in this agent's `mcpServers`".to_string())
}

fn tool_doc(doc: &Document, format: &Format, item: &str, mcp: &McpCatalog) -> Option<String> {
    if item == "*" {
        return Some("**`*`**: every tool.".into());
    }
    if let Some((server, tool)) = split_mcp_name(item) {
        let what = match tool {
            "" | "*" => format!("every tool of the MCP server `{server}`"),
            t => format!("the tool `{t}` of the MCP server `{server}`"),
        };
        let origin = mcp_server_origin(doc, format, server, mcp).unwrap_or_else(|| {
            "not declared in the project's `.mcp.json` or in this agent's `mcpServers`; fine if it is configured in user settings".into()
        });
        return Some(format!("**`{item}`**: {what}\n\nServer {origin}."));
    }
    let name = tool_name(item);
    let tool = claude_tools::lookup(name)?;
    let mut md = match tool.status {
        ToolStatus::Current => {
            let ro = if tool.read_only {
                "read-only"
            } else {
                "can change files or state"
            };
            format!("**`{name}`**: built-in tool, {ro}\n\n{}", tool.doc)
        }
        ToolStatus::Alias(to) => {
            let target = claude_tools::lookup(to).map_or("", |t| t.doc);
            format!("**`{name}`**: old name of `{to}`, still accepted\n\n{target}")
        }
        ToolStatus::Retired(instead) => {
            format!(
                "**`{name}`**: removed from Claude Code, ignored; use `{instead}`\n\n{}",
                tool.doc
            )
        }
    };
    if let Some(spec) = item
        .strip_prefix(name)
        .and_then(|r| r.trim().strip_prefix('(')?.strip_suffix(')'))
    {
        md.push_str(&format!("\n\nPermission rule: only `{name}` calls matching `{spec}`."));
        if let Some(form) = claude_tools::RULE_FORMS
            .iter()
            .find(|r| r.tool == name && r.specifier == spec)
        {
            md.push_str(&format!(" {}", form.doc));
        }
    }
    Some(md)
}
