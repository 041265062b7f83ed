//! Completion in the front matter: keys not yet present (required first), the values of
//! enumerated fields, models, booleans, the items of tool lists (built-in tools, MCP tools,
//! permission-rule forms after `Tool(`, agent names after `Agent(`) and the skills of a
//! `skills:` list. Everything offered comes from the format catalogs and from the
//! [`ProjectContext`] the caller gathered: the MCP servers read from disk and the agent and skill
//! names of the workspace index. Nothing here reads the disk or the index.

use super::context::{self, Place, Slot};
use super::diagnostics::{detect, fields};
use super::hover::{set_tool_doc, switch_tool_doc};
use crate::document::{Document, TextRange};
use crate::formats::product::{ModelStatus, Models, ToolStatus, Tools};
use crate::formats::{Field, Format, Product, ValueKind};
use crate::syntax::yaml::NodeKind;
use crate::workspace::mcp::McpCatalog;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Key,
    /// An enumerated value, a boolean or a name.
    Value,
    Model,
    Color,
    Tool,
    McpTool,
    /// A permission-rule specifier (`git diff:*` after `Bash(`).
    Rule,
    McpServer,
    /// An agent (a workspace file or a built-in agent type), after `Agent(`.
    Agent,
    /// A skill of the workspace, in `skills:`.
    Skill,
}

/// A name another file of the workspace defines (an agent, a skill).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInfo {
    pub name: String,
    /// The defining file as shown to the user: relative to a workspace root when possible.
    pub path: String,
    /// The file's `description`, if it has one.
    pub description: Option<String>,
    /// Whose tool and model names the defining file's format takes: `Agent(…)` offers the
    /// agents of the document's own product only (a Copilot agent is no Claude Code subagent).
    pub vocabulary: Option<&'static Product>,
}

/// The agents and skills defined in the workspace, in any order (completion sorts them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectNames {
    pub agents: Vec<NameInfo>,
    pub skills: Vec<NameInfo>,
}

/// What completion knows beyond the document, gathered by the caller: the project's MCP
/// servers (see [`crate::workspace::mcp::discover`]) and the names the workspace defines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectContext {
    pub mcp: McpCatalog,
    pub names: ProjectNames,
}

impl From<McpCatalog> for ProjectContext {
    fn from(mcp: McpCatalog) -> Self {
        ProjectContext {
            mcp,
            names: ProjectNames::default(),
        }
    }
}

/// One completion: replace `range` with `text` (or, for clients with snippet support, with
/// `snippet` when there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// One line shown beside the label.
    pub detail: String,
    /// Markdown documentation.
    pub doc: String,
    pub range: TextRange,
    pub text: String,
    pub snippet: Option<String>,
    /// Orders the list (clients sort by it, then by label).
    pub sort: String,
}

/// Completions at byte `offset`. `project`: what the caller knows of the project (MCP servers,
/// the workspace's agents and skills). Ordinary Markdown gets none.
pub fn completions(doc: &Document, offset: usize, project: &ProjectContext) -> Vec<Completion> {
    let Some(detection) = detect(doc) else {
        return Vec::new();
    };
    let format = detection.format;
    let mcp = &project.mcp;
    match context::place_at(doc, format, offset) {
        Some(Place::Key { range, has_colon }) => keys(doc, format, range, has_colon),
        Some(Place::Value { key, slot }) => match format.field(&key) {
            // `skills: pdf, do|`: one string, read as a comma-separated list.
            Some(field) if lists_skills(field) => {
                let (part, _) = comma_part(doc, &slot, offset);
                let current = doc.slice(&part.range);
                let mut listed: Vec<String> = crate::analysis::navigation::front_matter_refs(doc)
                    .skills
                    .into_iter()
                    .map(|n| n.name)
                    .collect();
                if let Some(i) = listed.iter().position(|s| *s == current) {
                    listed.remove(i);
                }
                skills(&part, &listed, &project.names)
            }
            Some(field) => values(doc, format, field, &slot),
            None => Vec::new(),
        },
        Some(Place::ListItem {
            key,
            slot,
            rule_of,
            siblings,
        }) => match format.field(&key).map(|f| (f, &f.value)) {
            Some((field, _)) if lists_skills(field) => skills(&slot, &siblings, &project.names),
            Some((_, ValueKind::Tools)) => match rule_of {
                Some(tool) => rule_forms(doc, format, &tool, &slot, offset, &project.names),
                None => tools(doc, format, mcp, &slot, &siblings),
            },
            Some((_, ValueKind::McpServers)) => mcp
                .servers
                .iter()
                .filter(|s| !siblings.contains(&s.name))
                .enumerate()
                .map(|(i, s)| Completion {
                    label: s.name.clone(),
                    kind: CompletionKind::McpServer,
                    detail: "MCP server".into(),
                    doc: format!("Declared in `{}`.", s.declared_in.display()),
                    range: slot.range.clone(),
                    text: insertion(&slot, &s.name),
                    snippet: None,
                    sort: format!("{i:04}"),
                })
                .collect(),
            _ => Vec::new(),
        },
        Some(Place::MapKey { key, range, has_colon }) => match format.field(&key) {
            Some(field) => map_keys(doc, format, field, range, has_colon),
            None => Vec::new(),
        },
        Some(Place::MapValue { key, sub, slot }) => match format.field(&key).map(|f| &f.value) {
            Some(ValueKind::ToolMap) => [("true", "on"), ("false", "off")]
                .iter()
                .enumerate()
                .map(|(i, (v, what))| Completion {
                    label: v.to_string(),
                    kind: CompletionKind::Value,
                    detail: "boolean".into(),
                    doc: format!("Turns the `{sub}` tool {what} for this agent."),
                    range: slot.range.clone(),
                    text: insertion(&slot, v),
                    snippet: None,
                    sort: format!("{i:04}"),
                })
                .collect(),
            Some(ValueKind::Permission) => switch_catalog(format)
                .map_or(&[][..], |t| t.permission_values)
                .iter()
                .enumerate()
                .map(|(i, c)| Completion {
                    label: c.value.to_string(),
                    kind: CompletionKind::Value,
                    detail: format!("`{sub}` permission"),
                    doc: c.doc.to_string(),
                    range: slot.range.clone(),
                    text: insertion(&slot, c.value),
                    snippet: None,
                    sort: format!("{i:04}"),
                })
                .collect(),
            _ => Vec::new(),
        },
        Some(Place::Body) | None => Vec::new(),
    }
}

/// The product's switchable tools, for `tools` and `permission` mappings.
fn switch_catalog(format: &Format) -> Option<&'static crate::formats::product::SwitchTools> {
    match format.product.tools {
        Tools::Switches(t) => Some(t),
        _ => None,
    }
}

/// Keys of `tools` and `permission` mappings: the tool ids not yet there.
fn map_keys(doc: &Document, format: &Format, field: &Field, range: TextRange, has_colon: bool) -> Vec<Completion> {
    let Some(switches) = switch_catalog(format) else {
        return Vec::new();
    };
    let product = format.product.name;
    let ids: Vec<(&str, String)> = match field.value {
        ValueKind::ToolMap => switches
            .all()
            .map(|(t, _)| (*t, switch_tool_doc(switches, product, t)))
            .collect(),
        ValueKind::Permission => switches
            .permissions
            .iter()
            .map(|p| (p.key, switch_tool_doc(switches, product, p.key)))
            .collect(),
        _ => return Vec::new(),
    };
    let typed = doc.slice(&range);
    let present: Vec<String> = doc
        .syntax()
        .yaml
        .root
        .as_ref()
        .and_then(|r| r.get(field.key))
        .map(|m| {
            m.entries()
                .iter()
                .filter_map(|e| e.key.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    ids.into_iter()
        .filter(|(id, _)| !present.iter().any(|p| p == id && *p != typed))
        .enumerate()
        .map(|(i, (id, doc))| Completion {
            label: id.to_string(),
            kind: CompletionKind::Tool,
            detail: format!("{} tool, in `{}`", format.product, field.key),
            doc,
            range: range.clone(),
            text: if has_colon { id.to_string() } else { format!("{id}: ") },
            snippet: None,
            sort: format!("{i:04}"),
        })
        .collect()
}

/// The text to insert for `value` in `slot`: a space after a bare `:` or `-`, and the closing
/// quote when the user opened one.
fn insertion(slot: &Slot, value: &str) -> String {
    let mut s = String::new();
    if slot.needs_space {
        s.push(' ');
    }
    s.push_str(value);
    if let (true, Some(q)) = (slot.close_quote, slot.quote) {
        s.push(q);
    }
    s
}

/// Escapes a value for a snippet choice (`${1|a,b|}`).
fn snippet_choice(values: impl Iterator<Item = String>) -> String {
    let escaped: Vec<String> = values
        .map(|v| {
            v.chars()
                .flat_map(|c| match c {
                    '$' | '}' | '\\' | ',' | '|' => vec!['\\', c],
                    c => vec![c],
                })
                .collect()
        })
        .collect();
    format!("${{1|{}|}}", escaped.join(","))
}

/// The value part of a key's snippet, from the catalog.
fn key_snippet(doc: &Document, format: &Format, field: &Field) -> String {
    if let Some(s) = field.snippet {
        return format!(" {s}");
    }
    match &field.value {
        ValueKind::OneOf(choices) | ValueKind::Effort(choices) | ValueKind::Target { choices, .. } => {
            format!(" {}", snippet_choice(choices.iter().map(|c| c.value.to_string())))
        }
        // Quoted: `#` starts a comment in a plain value.
        ValueKind::Color(_) => " \"${1:#4f46e5}\"".into(),
        ValueKind::Bool | ValueKind::Flag | ValueKind::PlainBool => {
            format!(" {}", snippet_choice(["true", "false"].iter().map(|s| s.to_string())))
        }
        ValueKind::Model => match format.product.models {
            Models::Providers(m) => format!(" ${{1:{}}}", m.example),
            Models::Aliases(m) => format!(
                " {}",
                snippet_choice(
                    m.models
                        .iter()
                        .filter(|m| m.status == ModelStatus::Alias)
                        .map(|m| m.id.to_string())
                )
            ),
            Models::Picker(_) | Models::None => " $0".into(),
        },
        ValueKind::Name | ValueKind::Slug => match fields::name_from_path(doc) {
            Some(name) => format!(" ${{1:{name}}}"),
            None => " $0".into(),
        },
        ValueKind::List
        | ValueKind::McpServers
        | ValueKind::StringOrList
        | ValueKind::Handoffs
        | ValueKind::AgentNames { .. } => "\n  - $0".into(),
        ValueKind::Mapping
        | ValueKind::ToolMap
        | ValueKind::Permission
        | ValueKind::StringMap
        | ValueKind::Hooks(_) => "\n  $0".into(),
        ValueKind::Permissions(_) => "\n  permissions:\n    $0".into(),
        ValueKind::Tools if matches!(format.product.tools, Tools::Sets(_) | Tools::Names(_)) => " [$0]".into(),
        ValueKind::Models => match format.product.models {
            Models::Picker(m) => format!(" ${{1:{}}}", m.example),
            _ => " $0".into(),
        },
        ValueKind::Text
        | ValueKind::Scalar
        | ValueKind::PositiveInt
        | ValueKind::Count { .. }
        | ValueKind::Tools
        | ValueKind::Globs
        | ValueKind::CommaGlobs
        | ValueKind::Any
        | ValueKind::NotRead(_) => " $0".into(),
        ValueKind::GlobOrList => " \"$0\"".into(),
        ValueKind::Number { .. } => " ${1:0.2}".into(),
    }
}

/// What a field's value is, in the words of the format's product (a Copilot `tools` is a list).
pub(crate) fn describe(format: &Format, field: &Field) -> &'static str {
    match (&field.value, format.product.tools, format.product.models) {
        (ValueKind::Tools, Tools::Sets(_), _) => "list of tools and tool sets, or a comma-separated string",
        (ValueKind::Tools, Tools::Names(_), _) => "YAML list of tool names",
        (ValueKind::Model, _, Models::Providers(_)) => "`provider/model-id`",
        (v, ..) => v.describe(),
    }
}

fn field_doc(field: &Field) -> String {
    let mut doc = field.doc.to_string();
    if let ValueKind::OneOf(choices) | ValueKind::Target { choices, .. } = &field.value {
        let list: Vec<String> = choices.iter().map(|c| format!("`{}`", c.value)).collect();
        doc.push_str(&format!("\n\nValues: {}.", list.join(", ")));
    }
    doc
}

fn keys(doc: &Document, format: &Format, range: TextRange, has_colon: bool) -> Vec<Completion> {
    let typed = doc.slice(&range);
    let present = doc.syntax().top_level_keys(doc.rope());
    let mut out = Vec::new();
    for (i, field) in format.fields.iter().enumerate() {
        // A key the tool does not read is no help to write (its hover says why).
        if matches!(field.value, ValueKind::NotRead(_)) {
            continue;
        }
        // The key under the cursor is being edited, so it does not count as present.
        if present.iter().any(|k| k == field.key && *k != typed) {
            continue;
        }
        let (text, snippet) = if has_colon {
            (field.key.to_string(), None)
        } else {
            let plain_value = match field.value {
                ValueKind::List | ValueKind::McpServers => "\n  - ",
                ValueKind::Mapping => "\n  ",
                _ => " ",
            };
            (
                format!("{}:{plain_value}", field.key),
                Some(format!("{}:{}", field.key, key_snippet(doc, format, field))),
            )
        };
        let required = if field.required { ", required" } else { "" };
        out.push(Completion {
            label: field.key.to_string(),
            kind: CompletionKind::Key,
            detail: format!("{}{required}", describe(format, field)),
            doc: field_doc(field),
            range: range.clone(),
            text,
            snippet,
            sort: format!("{}{i:04}", if field.required { 0 } else { 1 }),
        });
    }
    out
}

fn values(doc: &Document, format: &Format, field: &Field, slot: &Slot) -> Vec<Completion> {
    let item = |i: usize, label: &str, kind, detail: String, doc: String| Completion {
        label: label.to_string(),
        kind,
        detail,
        doc,
        range: slot.range.clone(),
        text: insertion(slot, label),
        snippet: None,
        sort: format!("{i:04}"),
    };
    match &field.value {
        ValueKind::OneOf(choices) | ValueKind::Effort(choices) | ValueKind::Target { choices, .. } => choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let kind = if c.rgb.is_some() {
                    CompletionKind::Color
                } else {
                    CompletionKind::Value
                };
                let detail = match c.rgb {
                    Some((r, g, b)) => format!("#{r:02x}{g:02x}{b:02x}"),
                    None => format!("`{}`", field.key),
                };
                item(i, c.value, kind, detail, c.doc.to_string())
            })
            .collect(),
        ValueKind::Bool | ValueKind::Flag | ValueKind::PlainBool => ["true", "false"]
            .iter()
            .enumerate()
            .map(|(i, v)| item(i, v, CompletionKind::Value, "boolean".into(), field.doc.to_string()))
            .collect(),
        ValueKind::Models | ValueKind::Model if let Models::Picker(picker) = format.product.models => picker
            .models
            .iter()
            .enumerate()
            .map(|(i, (name, id, d))| {
                item(
                    i,
                    name,
                    CompletionKind::Model,
                    format!("{} model `{id}`", picker.brand),
                    d.to_string(),
                )
            })
            .collect(),
        // The models of the providers another product's catalog describes, without dated ids.
        ValueKind::Model if let Models::Providers(providers) = format.product.models => providers
            .providers
            .iter()
            .filter_map(|p| Some((p.name, p.described_by?)))
            .flat_map(|(p, d)| d.models.iter().map(move |m| (p, m)))
            .filter(|(_, m)| m.status == ModelStatus::Active && m.id.matches('-').count() <= 3)
            .enumerate()
            .map(|(i, (p, m))| {
                let id = format!("{p}/{}", m.id);
                item(
                    i,
                    &id,
                    CompletionKind::Model,
                    "provider/model".into(),
                    m.doc.to_string(),
                )
            })
            .collect(),
        ValueKind::Model if let Models::Aliases(aliases) = format.product.models => {
            let rank = |s: ModelStatus| match s {
                ModelStatus::Alias => 0,
                ModelStatus::Active => 1,
                ModelStatus::CliAlias => 2,
                ModelStatus::Restricted => 3,
                ModelStatus::Retired(_) | ModelStatus::Verbatim => 4,
            };
            let mut models: Vec<_> = aliases
                .models
                .iter()
                .filter(|m| !matches!(m.status, ModelStatus::Retired(_) | ModelStatus::Verbatim))
                .collect();
            models.sort_by_key(|m| rank(m.status));
            models
                .into_iter()
                .enumerate()
                .map(|(i, m)| item(i, m.id, CompletionKind::Model, m.status.describe(), m.doc.to_string()))
                .collect()
        }
        ValueKind::Scalar if format.product.agent_keys(format).contains(&field.key) => format
            .product
            .builtin_agents
            .iter()
            .enumerate()
            .map(|(i, a)| {
                item(
                    i,
                    a.name,
                    CompletionKind::Value,
                    "built-in agent".into(),
                    a.doc.to_string(),
                )
            })
            .collect(),
        ValueKind::Globs | ValueKind::CommaGlobs | ValueKind::GlobOrList => [
            ("**", "glob", "Every file."),
            ("**/*.md", "example glob", "Markdown files in every folder."),
            ("src/**", "example glob", "Every file under `src/`."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (g, detail, d))| item(i, g, CompletionKind::Value, detail.to_string(), d.to_string()))
        .collect(),
        ValueKind::Name | ValueKind::Slug => fields::name_from_path(doc)
            .map(|name| {
                let what = match format.name_matches {
                    crate::formats::NameMatch::Folder => "folder name",
                    _ => "file name",
                };
                vec![item(
                    0,
                    &name,
                    CompletionKind::Value,
                    format!("the {what}"),
                    format!(
                        "{} identifies it by this name; matching the {what} keeps them easy to find.",
                        format.product.name
                    ),
                )]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Server names the agent declares in its own `mcpServers` (names or `{name: config}`).
fn own_mcp_servers(doc: &Document, format: &Format) -> Vec<String> {
    let Some(root) = &doc.syntax().yaml.root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for field in format
        .fields
        .iter()
        .filter(|f| matches!(f.value, ValueKind::McpServers))
    {
        if let Some(NodeKind::Seq { items, .. }) = root.get(field.key).map(|n| &n.kind) {
            for item in items {
                match &item.kind {
                    NodeKind::Scalar { value, .. } if !value.is_empty() => out.push(value.clone()),
                    NodeKind::Map { entries, .. } => {
                        out.extend(entries.iter().filter_map(|e| e.key.as_str().map(str::to_string)))
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

fn tools(doc: &Document, format: &Format, mcp: &McpCatalog, slot: &Slot, siblings: &[String]) -> Vec<Completion> {
    let listed = |name: &str| siblings.iter().any(|s| s == name || s.split('(').next() == Some(name));
    let mut out = Vec::new();
    let mut push = |label: String, kind, detail: String, doc: String, group: u8| {
        let sort = format!("{group}{:04}", out.len());
        out.push(Completion {
            text: insertion(slot, &label),
            label,
            kind,
            detail,
            doc,
            range: slot.range.clone(),
            snippet: None,
            sort,
        });
    };
    if let Tools::Sets(sets) = format.product.tools {
        for name in sets.tool_sets.iter().map(|t| t.name) {
            if !listed(name) {
                push(
                    name.to_string(),
                    CompletionKind::Tool,
                    "tool set".into(),
                    set_tool_doc(sets, format.product, name, mcp),
                    0,
                );
            }
        }
        for name in sets.tools.iter().map(|t| t.name) {
            if !listed(name) {
                push(
                    name.to_string(),
                    CompletionKind::Tool,
                    "built-in tool".into(),
                    set_tool_doc(sets, format.product, name, mcp),
                    1,
                );
            }
        }
        for s in &mcp.servers {
            let all = format!("{}/*", s.name);
            if !listed(&all) {
                push(
                    all,
                    CompletionKind::McpTool,
                    format!("every tool of MCP server `{}`", s.name),
                    format!(
                        "All tools of the MCP server `{}`, declared in `{}`.",
                        s.name,
                        s.declared_in.display()
                    ),
                    2,
                );
            }
        }
        return out;
    }
    if let Tools::Names(names) = format.product.tools {
        // Tools a subagent gets first, then those it would get nothing for.
        for t in names.tools {
            if !listed(t.name) {
                let (detail, group) = match t.not_given {
                    None => ("built-in tool", 0),
                    Some(_) => ("built-in tool, not given to subagents here", 2),
                };
                let doc = t
                    .not_given
                    .map_or(t.doc.to_string(), |w| format!("{}\n\nAccepted, but {w}.", t.doc));
                push(t.name.to_string(), CompletionKind::Tool, detail.into(), doc, group);
            }
        }
        return out;
    }
    let Tools::Rules(rules) = format.product.tools else {
        return out;
    };
    for t in rules.tools.iter().filter(|t| t.status == ToolStatus::Current) {
        if listed(t.name) {
            continue;
        }
        // Offered last: listing them is allowed, but a subagent never gets them.
        let (detail, group) = if rules.never_in_subagents.contains(&t.name) {
            ("built-in tool, not available to subagents", 2)
        } else if t.read_only {
            ("built-in tool, read-only", 0)
        } else {
            ("built-in tool", 0)
        };
        push(
            t.name.to_string(),
            CompletionKind::Tool,
            detail.into(),
            t.doc.to_string(),
            group,
        );
    }
    let mut servers: Vec<(String, String, Vec<String>)> = mcp
        .servers
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                format!("declared in `{}`", s.declared_in.display()),
                s.tools.clone(),
            )
        })
        .collect();
    for name in own_mcp_servers(doc, format) {
        if !servers.iter().any(|(n, _, _)| *n == name) {
            servers.push((name, "declared in this agent's `mcpServers`".into(), Vec::new()));
        }
    }
    for (server, declared, known) in servers {
        let prefix = rules.mcp_prefix;
        let all = format!("{prefix}{server}__*");
        if !listed(&all) && !listed(&format!("{prefix}{server}")) {
            push(
                all,
                CompletionKind::McpTool,
                format!("every tool of MCP server `{server}`"),
                format!("All tools of the MCP server `{server}`, {declared}."),
                1,
            );
        }
        for tool in known {
            let name = format!("{prefix}{server}__{tool}");
            if !listed(&name) {
                push(
                    name,
                    CompletionKind::McpTool,
                    format!("MCP tool of `{server}`"),
                    format!("The tool `{tool}` of the MCP server `{server}`, {declared}."),
                    1,
                );
            }
        }
    }
    out
}

/// Whether completion at `offset` uses the workspace's names (after `Agent(`, in `skills:`),
/// so that a caller gathers [`ProjectNames`] only then.
pub fn wants_project_names(doc: &Document, offset: usize) -> bool {
    let Some(detection) = detect(doc) else {
        return false;
    };
    let format = detection.format;
    match context::place_at(doc, format, offset) {
        Some(Place::Value { key, .. }) => format.field(&key).is_some_and(lists_skills),
        Some(Place::ListItem { key, rule_of, .. }) => format.field(&key).is_some_and(|f| {
            lists_skills(f)
                || (matches!(f.value, ValueKind::Tools) && rule_of.is_some_and(|t| names_agents(format, &t)))
        }),
        _ => false,
    }
}

/// A tool's current name (`Task` → `Agent`), in the product's tool names.
fn canonical_tool<'a>(format: &Format, tool: &'a str) -> &'a str {
    match format.product.tools {
        Tools::Rules(rules) => rules.canonical(tool),
        _ => tool,
    }
}

/// Whether `Tool(…)` in a tool list of `format` names agent types.
fn names_agents(format: &Format, tool: &str) -> bool {
    match format.product.tools {
        Tools::Rules(rules) => rules.canonical(tool) == rules.agent_tool,
        _ => false,
    }
}

/// A field whose items name skills of the workspace: a subagent's `skills`.
fn lists_skills(field: &Field) -> bool {
    field.key == "skills" && matches!(field.value, ValueKind::StringOrList)
}

/// The document's own `name`, which `Agent(…)` does not offer (an agent spawning itself).
fn own_name(doc: &Document) -> Option<String> {
    let root = doc.syntax().yaml.root.as_ref()?;
    root.get("name")?.as_str().map(|n| n.trim().to_string())
}

/// The comma-separated part of `slot` around `offset` (`worker, Ex|` → `Ex`), and the other
/// parts of the slot's text, trimmed.
fn comma_part(doc: &Document, slot: &Slot, offset: usize) -> (Slot, Vec<String>) {
    let text = doc.slice(&slot.range);
    let at = offset.clamp(slot.range.start, slot.range.start + text.len()) - slot.range.start;
    let start = text[..at].rfind(',').map_or(0, |i| i + 1);
    let end = text[at..].find(',').map_or(text.len(), |i| at + i);
    let lead = text[start..at].len() - text[start..at].trim_start().len();
    let others = text[..start]
        .split(',')
        .chain(text[end..].split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let part = Slot {
        range: slot.range.start + start + lead..slot.range.start + end,
        needs_space: slot.needs_space && start == 0,
        ..slot.clone()
    };
    (part, others)
}

/// Whether the parenthesis opened before byte `at` is closed later on its line: a `)` comes
/// before any other `(` (`Agent(|, Plan)`, not `Agent(|, Bash(x)`).
fn paren_closed(doc: &Document, at: usize) -> bool {
    let rope = doc.rope();
    let line = rope.byte_to_line(at.min(rope.len_bytes()));
    let line_end = if line + 1 < rope.len_lines() {
        rope.line_to_byte(line + 1)
    } else {
        rope.len_bytes()
    };
    doc.slice(&(at..line_end))
        .chars()
        .find(|c| matches!(c, '(' | ')'))
        .is_some_and(|c| c == ')')
}

/// Names sorted by name, then path, each name once (the first file by path stands for it).
fn distinct(names: &[NameInfo]) -> Vec<&NameInfo> {
    let mut sorted: Vec<&NameInfo> = names.iter().collect();
    sorted.sort_by(|a, b| (&a.name, &a.path).cmp(&(&b.name, &b.path)));
    sorted.dedup_by(|a, b| a.name == b.name);
    sorted
}

/// The skills of the workspace not already in the list.
fn skills(slot: &Slot, siblings: &[String], names: &ProjectNames) -> Vec<Completion> {
    distinct(&names.skills)
        .into_iter()
        .filter(|s| !siblings.contains(&s.name))
        .enumerate()
        .map(|(i, s)| Completion {
            label: s.name.clone(),
            kind: CompletionKind::Skill,
            detail: format!("skill in {}", s.path),
            doc: s.description.clone().unwrap_or_default(),
            range: slot.range.clone(),
            text: insertion(slot, &s.name),
            snippet: None,
            sort: format!("{i:04}"),
        })
        .collect()
}

/// Permission-rule specifiers after `Tool(`, closing the parenthesis when it is not there yet.
/// After `Agent(` (or `Task(`), the workspace's agents and the built-in agent types come first;
/// after a comma there (`Agent(worker, |`), only the names not yet listed.
fn rule_forms(
    doc: &Document,
    format: &Format,
    tool: &str,
    slot: &Slot,
    offset: usize,
    names: &ProjectNames,
) -> Vec<Completion> {
    let tool = canonical_tool(format, tool);
    let rule_forms = match format.product.tools {
        Tools::Rules(rules) => rules.rule_forms,
        _ => &[],
    };
    let closed = paren_closed(doc, slot.range.end);
    let close = |s: &str| if closed { s.to_string() } else { format!("{s})") };
    let mut out = Vec::new();
    let mut range = slot.range.clone();
    let mut whole_specifier = true;
    if names_agents(format, tool) {
        let (part, listed) = comma_part(doc, slot, offset);
        whole_specifier = !doc.slice(&(slot.range.start..part.range.start)).contains(',');
        range = part.range;
        let mut taken: Vec<String> = listed;
        taken.extend(own_name(doc));
        let workspace = distinct(&names.agents)
            .into_iter()
            .filter(|a| a.vocabulary == format.vocabulary())
            .map(|a| (a.name.as_str(), format!("agent in {}", a.path), a.description.clone()));
        // A built-in type's documentation: its rule form's, when there is one.
        let builtin = format.product.builtin_agents.iter().map(|b| b.name).map(|b| {
            let doc = rule_forms
                .iter()
                .find(|r| r.tool == tool && r.specifier == b)
                .map_or_else(
                    || format!("`{b}` ships with {}; no file needed.", format.product.name),
                    |r| r.doc.to_string(),
                );
            (b, "built-in agent type".to_string(), Some(doc))
        });
        for (group, (name, detail, description)) in workspace.map(|a| (0, a)).chain(builtin.map(|b| (1, b))) {
            if taken.iter().any(|t| t == name) {
                continue;
            }
            taken.push(name.to_string());
            out.push(Completion {
                label: name.to_string(),
                kind: CompletionKind::Agent,
                detail,
                doc: description.unwrap_or_default(),
                range: range.clone(),
                text: close(name),
                snippet: None,
                sort: format!("{group}{:04}", out.len()),
            });
        }
    }
    if whole_specifier {
        for r in rule_forms.iter().filter(|r| r.tool == tool) {
            if out.iter().any(|c| c.label == r.specifier) {
                continue;
            }
            out.push(Completion {
                label: r.specifier.to_string(),
                kind: CompletionKind::Rule,
                detail: format!("{tool}({})", r.specifier),
                doc: r.doc.to_string(),
                range: range.clone(),
                text: close(r.specifier),
                snippet: None,
                sort: format!("2{:04}", out.len()),
            });
        }
    }
    out
}
