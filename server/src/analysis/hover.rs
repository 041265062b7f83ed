//! Hover: what a key means, what a value resolves to (a model, a tool and whether it is
//! read-only, an MCP tool and where its server is declared, a colour), how Claude Code reads
//! a `\n`-escaped description, and what the body syntax does (`$ARGUMENTS`, `` !`cmd` ``,
//! `@path`, Copilot's `${variables}` and `#tool` references). All text comes from the format
//! catalogs, and from the vocabulary of the file's own product: a Copilot `model` is looked up
//! among Copilot's models, never Claude Code's.

use super::body_syntax::{self, BodyItem};
use super::diagnostics::detect;
use super::diagnostics::tools::{items, tool_name};
use super::links::{self, LinkTargets, Target};
use crate::document::{Document, TextRange};
use crate::formats::product::{
    AliasModels, ModelStatus, Models, PickerModels, ProviderModels, RuleTools, SetAvailability, SetLookup, SetTools,
    SwitchTools, ToolStatus, Tools,
};
use crate::formats::{Field, Format, Product, ValueKind};
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

/// The hover at byte `offset`, if there is anything to say there. `@path` hovers do not say
/// whether the file exists; see [`hover_with`].
pub fn hover(doc: &Document, offset: usize, mcp: &McpCatalog) -> Option<HoverInfo> {
    hover_with(doc, offset, mcp, None)
}

/// [`hover`], asking `targets` (the workspace index, which only stats files) whether the file
/// an `@path` names exists.
pub fn hover_with(
    doc: &Document,
    offset: usize,
    mcp: &McpCatalog,
    targets: Option<&dyn LinkTargets>,
) -> Option<HoverInfo> {
    hover_for(doc, offset, mcp, targets, None)
}

/// [`hover_with`] for the tools `tools` names (`agentls.toml`'s `targets`; `None`: the tools
/// that scan the file's folder): a skill's `name` says how each of them names the skill.
pub fn hover_for(
    doc: &Document,
    offset: usize,
    mcp: &McpCatalog,
    targets: Option<&dyn LinkTargets>,
    tools: Option<&[String]>,
) -> Option<HoverInfo> {
    let found = hover_inner(doc, offset, mcp, targets);
    let format = detect(doc)?.format;
    let root = doc.syntax().yaml.root.as_ref();
    let name = root
        .and_then(|r| r.entries().iter().rev().find(|e| e.key.as_str() == Some("name")))
        .filter(|e| contains(&e.key.span, offset) || contains(&e.value.span, offset));
    match name {
        Some(e) if format.kind == crate::formats::Kind::Skill => {
            let (range, md) = match found {
                Some(h) => (h.range, h.markdown),
                None => (e.value.span.clone(), String::new()),
            };
            Some(HoverInfo {
                range,
                markdown: format!("{md}{}", skill_names(doc, tools)).trim_start().to_string(),
            })
        }
        _ => found,
    }
}

/// How each targeted tool names the skill, from its reading of skills.
fn skill_names(doc: &Document, tools: Option<&[String]>) -> String {
    use crate::formats::skills_by_tool::{SkillNaming, targeted};
    let readings = targeted(doc.path(), tools);
    if readings.is_empty() {
        return "\n\nNo tool scans this folder for skills (set `targets` in `agentls.toml` to name the tools it is for).".into();
    }
    let folder = doc
        .path()
        .and_then(|p| p.parent())
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let name = doc
        .syntax()
        .yaml
        .root
        .as_ref()
        .and_then(|r| r.get("name"))
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let mut md = String::from("\n\n**How each tool names this skill:**\n");
    for r in readings {
        let named = match (r.naming, name) {
            (SkillNaming::Folder, _) | (SkillNaming::NameElseFolder, None) => format!("`{folder}`"),
            (SkillNaming::NameElseFolder | SkillNaming::Name, Some(n)) => format!("`{n}`"),
            (SkillNaming::Name, None) => "nothing: it needs a `name`".into(),
            (SkillNaming::Unrecorded, _) => "not recorded".into(),
        };
        match r.naming {
            SkillNaming::Unrecorded => md.push_str(&format!("\n- {}: {named}", r.name)),
            _ => md.push_str(&format!("\n- {}: {named} ({})", r.name, r.naming.describe())),
        }
    }
    md
}

fn hover_inner(
    doc: &Document,
    offset: usize,
    mcp: &McpCatalog,
    targets: Option<&dyn LinkTargets>,
) -> Option<HoverInfo> {
    let format = detect(doc)?.format;
    if let Some((range, item)) = body_syntax::item_at(doc, format, offset) {
        return Some(HoverInfo {
            range,
            markdown: body_doc(doc, format, &item, mcp, targets)?,
        });
    }
    let root = doc.syntax().yaml.root.as_ref()?;
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        let Some(field) = format.field(key) else { continue };
        if contains(&e.key.span, offset) {
            return Some(HoverInfo {
                range: e.key.span.clone(),
                markdown: key_doc(format, field),
            });
        }
        if contains(&e.value.span, offset) && !e.value.span.is_empty() {
            return value_hover(doc, format, field, &e.value, offset, mcp);
        }
    }
    None
}

fn key_doc(format: &Format, field: &Field) -> String {
    let required = if field.required { ", required" } else { "" };
    let mut md = format!(
        "**`{}`**: {}{required}\n\n{}",
        field.key,
        super::completion::describe(format, field),
        field.doc
    );
    if let ValueKind::OneOf(choices) | ValueKind::Target { choices, .. } = &field.value {
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
        ValueKind::Model | ValueKind::Models => {
            // One model, or the list item under the cursor.
            let node = match &v.kind {
                NodeKind::Seq { items, .. } => items.iter().find(|i| contains(&i.span, offset))?,
                _ => v,
            };
            let md = model_doc(format.product, node.as_str()?.trim())?;
            Some(HoverInfo {
                range: node.span.clone(),
                markdown: md,
            })
        }
        ValueKind::ToolMap | ValueKind::Permission => {
            let e = v
                .entries()
                .iter()
                .find(|e| contains(&e.key.span, offset) || contains(&e.value.span, offset))?;
            let name = e.key.as_str()?;
            let Tools::Switches(switches) = format.product.tools else {
                return None;
            };
            let product = format.product.name;
            if contains(&e.key.span, offset) {
                return Some(HoverInfo {
                    range: e.key.span.clone(),
                    markdown: switch_tool_doc(switches, product, name),
                });
            }
            let md = match (&field.value, e.value.as_str()?) {
                (ValueKind::ToolMap, "true") => {
                    format!("**`{name}: true`**: {product} turns the `{name}` tool on for this agent.")
                }
                (ValueKind::ToolMap, "false") => {
                    format!("**`{name}: false`**: {product} turns the `{name}` tool off for this agent.")
                }
                (ValueKind::Permission, value) => {
                    let c = switches.permission_values.iter().find(|c| c.value == value)?;
                    format!("**`{value}`** (`{name}`)\n\n{}", c.doc)
                }
                _ => return None,
            };
            Some(HoverInfo {
                range: e.value.span.clone(),
                markdown: md,
            })
        }
        ValueKind::Scalar if format.product.agent_keys(format).contains(&field.key) => {
            let name = v.as_str()?.trim();
            let md = match format.product.builtin_agent(name) {
                Some(a) => format!("**`{name}`**: built-in {} agent\n\n{}", format.product, a.doc),
                None => {
                    format!("**`{name}`**: a custom agent (`{name}.agent.md`, or an agent whose `name` is `{name}`)")
                }
            };
            at_value(md)
        }
        ValueKind::OneOf(choices) | ValueKind::Target { choices, .. } => {
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
            let md = match format.product.tools {
                Tools::Sets(sets) => set_tool_doc(sets, format.product, item.text.trim(), mcp),
                Tools::Rules(rules) => rule_tool_doc(doc, format, rules, &item.text, mcp)?,
                Tools::Names(names) => name_tool_doc(names, format.product, item.text.trim())?,
                Tools::Switches(_) | Tools::None => return None,
            };
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
                "{} reads each `\\n` here as a line break:\n\n```text\n{}\n```",
                format.product,
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

/// A tool or permission rule of a [`RuleTools`] list (`Bash(git *)`, `mcp__server__tool`).
fn rule_tool_doc(doc: &Document, format: &Format, rules: &RuleTools, item: &str, mcp: &McpCatalog) -> Option<String> {
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
    let tool = (rules.lookup)(name)?;
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
            let target = (rules.lookup)(to).map_or("", |t| t.doc);
            format!("**`{name}`**: old name of `{to}`, still accepted\n\n{target}")
        }
        ToolStatus::Retired(instead) => {
            format!(
                "**`{name}`**: removed from {}, ignored; use `{instead}`\n\n{}",
                format.product, tool.doc
            )
        }
    };
    if let Some(spec) = item
        .strip_prefix(name)
        .and_then(|r| r.trim().strip_prefix('(')?.strip_suffix(')'))
    {
        md.push_str(&format!("\n\nPermission rule: only `{name}` calls matching `{spec}`."));
        if let Some(form) = rules.rule_forms.iter().find(|r| r.tool == name && r.specifier == spec) {
            md.push_str(&format!(" {}", form.doc));
        }
    }
    Some(md)
}

/// What a `model` value names, in the vocabulary of the file's product.
pub(crate) fn model_doc(product: &Product, value: &str) -> Option<String> {
    match product.models {
        Models::Picker(models) => Some(picker_model_doc(models, product, value)),
        Models::Providers(models) => Some(provider_model_doc(models, product, value)),
        Models::Aliases(models) => alias_model_doc(models, value),
        Models::None => None,
    }
}

fn alias_model_doc(models: &AliasModels, value: &str) -> Option<String> {
    let m = (models.lookup)(value)?;
    let mut md = format!("**`{}`**: {}\n\n{}", m.id, m.status.describe(), m.doc);
    if let (ModelStatus::Retired(_), Some(r)) = (m.status, m.replacement) {
        md.push_str(&format!(" Use `{r}` instead."));
    }
    Some(md)
}

fn picker_model_doc(models: &PickerModels, product: &Product, value: &str) -> String {
    let brand = models.brand;
    if let Some((name, id, doc)) = (models.lookup)(value) {
        let vendor = value
            .strip_suffix(')')
            .and_then(|v| v.rsplit_once(" ("))
            .map(|(_, vendor)| vendor)
            .filter(|v| *v != "Preview")
            .map_or(String::new(), |v| format!(", from the `{v}` vendor"));
        return format!("**`{value}`**: {brand} model `{name}` (id `{id}`){vendor}\n\n{doc}");
    }
    if let Some(instead) = (models.from_foreign)(value) {
        return format!(
            "**`{value}`**: a {} model name, which {brand} does not know: {brand} names models as its model picker does, e.g. `{instead}`.",
            models.foreign
        );
    }
    format!(
        "**`{value}`**: not a model agentls knows. {product} looks it up among the models your {brand} plan and model extensions provide; names are as in the model picker (`{}`, `GPT-5 (copilot)`).",
        models.example
    )
}

fn provider_model_doc(models: &ProviderModels, product: &Product, value: &str) -> String {
    let Some((provider, id)) = value.split_once('/') else {
        return format!(
            "**`{value}`**: names no provider. {product} models are written `provider/model-id` (`{}`).",
            models.example
        );
    };
    let described = models
        .providers
        .iter()
        .find(|p| p.name == provider)
        .and_then(|p| p.described_by)
        .and_then(|d| (d.lookup)(id));
    let doc = described.map_or(String::new(), |m| format!("\n\n{}", m.doc));
    format!("**`{value}`**: model `{id}` of the provider `{provider}`, as configured in {product}{doc}")
}

/// A tool, tool set, renamed tool, or MCP / extension tool (`server/*`) of a [`SetTools`] list.
pub(crate) fn set_tool_doc(sets: &'static SetTools, product: &Product, name: &str, mcp: &McpCatalog) -> String {
    let needs = |a: SetAvailability| match a {
        SetAvailability::Always => String::new(),
        SetAvailability::Setup(what) => format!("\n\nOnly some setups have it: it needs {what}."),
    };
    match (sets.lookup)(name) {
        SetLookup::Known(tool) => {
            let (doc, only) = (tool.doc, needs(tool.availability));
            if sets.is_set(name) {
                let tools: Vec<String> = sets.tools_of(name).map(|t| format!("`{}`", t.name)).collect();
                let list = if tools.is_empty() {
                    String::new()
                } else {
                    format!("\n\nTools: {}.", tools.join(", "))
                };
                format!("**`{name}`**: {product} tool set, enables all of its tools\n\n{doc}{list}{only}")
            } else if let Some((set, _)) = name.split_once('/') {
                format!("**`{name}`**: built-in {product} tool (tool set `{set}`)\n\n{doc}{only}")
            } else {
                format!("**`{name}`**: built-in {product} tool\n\n{doc}{only}")
            }
        }
        SetLookup::Renamed(r) => {
            let to = r.new.first().copied().unwrap_or_default();
            let doc = match (sets.lookup)(to) {
                SetLookup::Known(t) => format!("\n\n{}", t.doc),
                _ => String::new(),
            };
            let all = if r.new.len() > 1 {
                let list: Vec<String> = r.new.iter().map(|n| format!("`{n}`")).collect();
                format!(" ({product} maps it to {})", list.join(", "))
            } else {
                String::new()
            };
            format!(
                "**`{name}`**: old name of `{to}`{all}; {product} still maps it{doc}{}",
                needs(r.availability)
            )
        }
        SetLookup::External => {
            let (server, tool) = name.split_once('/').unwrap_or((name, ""));
            let what = match tool {
                "*" | "" => format!("every tool of the MCP server or extension `{server}`"),
                t => format!("the tool `{t}` of the MCP server or extension `{server}`"),
            };
            let origin = match mcp.server(server) {
                Some(s) => format!("\n\nMCP server declared in `{}`.", s.declared_in.display()),
                None => {
                    format!(
                        "\n\nNot a built-in tool: {product} finds it among the installed MCP servers and extensions."
                    )
                }
            };
            format!("**`{name}`**: {what}{origin}")
        }
        SetLookup::Unknown if name == "*" => {
            format!(
                "**`*`**: not a {product} tool name: {product} has no wildcard for every tool and ignores it; leave `tools` out to get the default tools."
            )
        }
        SetLookup::Unknown => {
            format!("**`{name}`**: not a built-in {product} tool or tool set; fine if it is one of your own tool sets.")
        }
    }
}

/// A tool id of a [`SwitchTools`] product (a key of `tools` or `permission`).
pub(crate) fn switch_tool_doc(switches: &SwitchTools, product: &str, name: &str) -> String {
    if let Some((_, doc)) = switches.tools.iter().find(|(t, _)| *t == name) {
        return format!("**`{name}`**: built-in {product} tool\n\n{doc}");
    }
    if let Some((_, doc)) = switches.session_tools.iter().find(|(t, _)| *t == name) {
        return format!("**`{name}`**: built-in {product} tool of some sessions\n\n{doc}");
    }
    if let Some(p) = switches.permission(name) {
        return format!("**`{name}`**: {product} permission\n\n{}", p.doc);
    }
    if let Some((_, why, _)) = switches.no_effect(name) {
        return format!("**`{name}`**: has no effect: {why}");
    }
    if name.contains('*') {
        return format!("**`{name}`**: every tool whose id matches this pattern (MCP tools are `server_tool`)");
    }
    format!(
        "**`{name}`**: not a built-in {product} tool; fine if an MCP server (`server_tool`) or a plugin provides it"
    )
}

fn ordinal(n: usize) -> String {
    let words = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    words.get(n).map_or_else(|| format!("{n}th"), |w| (*w).to_string())
}

/// What a piece of body syntax does.
fn body_doc(
    doc: &Document,
    format: &Format,
    item: &BodyItem,
    mcp: &McpCatalog,
    targets: Option<&dyn LinkTargets>,
) -> Option<String> {
    let root = doc.syntax().yaml.root.as_ref();
    Some(match item {
        BodyItem::Argument(arg) => {
            let naming = format.command_naming();
            let invoke = doc
                .path()
                .and_then(|p| body_syntax::command_name_as(p, naming))
                .unwrap_or_else(|| "/command".into());
            let hint = root
                .and_then(|r| r.get("argument-hint"))
                .and_then(|h| h.as_str())
                .map(str::trim)
                .filter(|h| !h.is_empty());
            let syntax = format.body_syntax.arguments?;
            let product = format.product.name;
            let position = match arg {
                crate::analysis::diagnostics::body::ArgRef::All => None,
                crate::analysis::diagnostics::body::ArgRef::Index(k) => {
                    Some(usize::from(*k).saturating_sub(usize::from(syntax.first)))
                }
            };
            let fewer = if syntax.missing_becomes_empty {
                "with fewer arguments it is replaced by nothing"
            } else {
                "with fewer arguments it leaves the placeholder as written"
            };
            let rest = if syntax.last_takes_rest {
                " The highest numbered placeholder of the body also takes every argument after its own."
            } else {
                ""
            };
            let mut md = match position {
                None => format!("**`$ARGUMENTS`**: replaced by everything typed after `{invoke}`, as one string."),
                Some(p) => format!(
                    "**Argument {}**: replaced by the {} argument typed after `{invoke}` (arguments are separated by spaces; quote one to keep its spaces). {product} counts from `{}`; {fewer}.{rest}",
                    p + 1,
                    ordinal(p + 1),
                    crate::analysis::diagnostics::body::placeholder(&syntax, 0)
                ),
            };
            match (hint, position) {
                (Some(h), None) => md.push_str(&format!("\n\n`argument-hint`: `{h}`")),
                (Some(h), Some(p)) => {
                    let groups = body_syntax::hint_groups(h);
                    match groups.get(p) {
                        Some(g) => md.push_str(&format!("\n\nIn `argument-hint` (`{h}`) this is `{g}`.")),
                        None if groups.is_empty() => md.push_str(&format!("\n\n`argument-hint`: `{h}`")),
                        None => md.push_str(&format!(
                            "\n\n`argument-hint` (`{h}`) names only {} argument{}: this one stays as written unless the user types more.",
                            groups.len(),
                            if groups.len() == 1 { "" } else { "s" }
                        )),
                    }
                }
                (None, _) if format.field("argument-hint").is_some() => {
                    md.push_str("\n\nNo `argument-hint` says what to type.")
                }
                (None, _) => {}
            }
            md
        }
        BodyItem::Shell(cmd) => format!(
            "**Shell command**: {} runs\n\n```text\n{cmd}\n```\n\nwhen the command is invoked, and puts its output here before the prompt is sent.\n\nagentls only shows it: it never runs it.",
            format.product.name
        ),
        BodyItem::AtPath(link) => {
            let written = doc.slice(&link.dest_range);
            let what = if format.kind == crate::formats::Kind::Command {
                "includes the contents of"
            } else {
                "imports"
            };
            let Some((from, p)) = doc.path().zip(link.path.as_deref()) else {
                return Some(format!("**`@{written}`**: {} {what} this file.", format.product.name));
            };
            let resolved = links::resolve(from, p);
            let state = match targets.map(|t| t.target(&resolved)) {
                Some(Target::Missing) => "\n\nThe file does not exist: nothing is included.",
                Some(_) => "",
                None => "",
            };
            format!(
                "**`@{written}`**: {} {what}\n\n`{}`{state}",
                format.product.name,
                resolved.display()
            )
        }
        BodyItem::Variable(v) => {
            let (name, rest) = v.split_once(':').unwrap_or((v.as_str(), ""));
            let variables = format.product.prompt_variables;
            match variables.iter().find(|(n, _)| *n == name) {
                Some(("input", doc)) => {
                    let (var, placeholder) = rest.split_once(':').unwrap_or((rest, ""));
                    let mut md = format!("**`${{{v}}}`**: input variable `{var}`\n\n{doc}");
                    if !placeholder.is_empty() {
                        md.push_str(&format!("\n\nPlaceholder: `{placeholder}`."));
                    }
                    md
                }
                Some((_, doc)) => format!("**`${{{v}}}`**: {} prompt variable\n\n{doc}", format.product),
                None => format!(
                    "**`${{{v}}}`**: not a {} prompt variable; it stays as written. Known: {}.",
                    format.product,
                    variables
                        .iter()
                        .map(|(n, _)| format!("`${{{n}}}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
        BodyItem::ToolRef(name) => {
            // A bare `#word` is only a tool when VS Code knows it (`#123` is an issue).
            let Tools::Sets(sets) = format.product.tools else {
                return None;
            };
            if matches!((sets.lookup)(name), SetLookup::Unknown) && !name.contains('/') {
                return None;
            }
            format!("Tool reference: {}", set_tool_doc(sets, format.product, name, mcp))
        }
        BodyItem::FileRef(p) => format!("**`#file:{p}`**: attaches the file `{p}` to the prompt as context."),
        BodyItem::Include(p) => format!(
            "**`#[[file:{p}]]`**: includes the file `{p}` (relative to the workspace root) with this steering file. Kiro docs, \"Steering\", file references; kiro-cli 2.19.2 is reported not to load them (kirodotdev/Kiro#11081)."
        ),
    })
}

/// A name of a [`crate::formats::product::NameTools`] list: the tool, what a pattern stands
/// for, or why the loader refuses it.
fn name_tool_doc(names: &'static crate::formats::product::NameTools, product: &Product, name: &str) -> Option<String> {
    if let Some(t) = names.tool(name) {
        let alias = if t.name != name {
            format!("\n\nAn old name of `{}`.", t.name)
        } else {
            String::new()
        };
        let given = t
            .not_given
            .map(|w| format!("\n\nAccepted, but {w}."))
            .unwrap_or_default();
        return Some(format!("**`{}`** ({product} tool)\n\n{}{alias}{given}", t.name, t.doc));
    }
    if let Some(doc) = (names.pattern_doc)(name) {
        return Some(format!("**`{name}`**\n\n{doc}"));
    }
    let to = (names.from_foreign)(name)?;
    Some(format!(
        "**`{name}`** is {}'s name; {product}'s tool is `{to}`, and {product} does not load an agent that lists `{name}`.",
        names.foreign
    ))
}
