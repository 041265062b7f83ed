//! Tool lists (`tools`, `disallowedTools`): each item a known tool, an MCP tool, `*`, or a
//! permission rule `Tool(specifier)`; no duplicates; nothing both allowed and disallowed.

use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::document::TextRange;
use crate::formats::product::{
    NameTools, RuleAvailability, RuleTool, RuleTools, SetAvailability as Availability, SetLookup as Lookup, SetTools,
    ToolStatus, Tools,
};
use crate::formats::{Effect, ValueKind};
use crate::syntax::yaml::{Node, NodeKind, ScalarType, Style};

/// One entry of a tool list with its exact range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolItem {
    pub text: String,
    /// The name as written, inside any quotes.
    pub range: TextRange,
    /// The whole entry, quotes included: what removing it removes.
    pub span: TextRange,
}

/// Splits a tool list value into items. A string is split on commas outside parentheses
/// (`Agent(Explore, Plan)` is one item); a list gives one item per scalar entry.
pub fn items(doc_text: &dyn Fn(&TextRange) -> String, v: &Node) -> Vec<ToolItem> {
    items_split(doc_text, v, false)
}

/// [`items`]; with `spaces`, a string is also split on blanks outside parentheses, as
/// `allowed-tools: Read Grep Bash(git *)` is (the Agent Skills standard's form).
pub fn items_split(doc_text: &dyn Fn(&TextRange) -> String, v: &Node, spaces: bool) -> Vec<ToolItem> {
    match &v.kind {
        NodeKind::Scalar { value, style } => {
            // Offsets inside the value map 1:1 onto the source when the value is written on
            // one line as-is (plain) or inside quotes without escapes.
            let src = doc_text(&v.span);
            let base = match style {
                Style::Plain if src == *value => Some(v.span.start),
                Style::SingleQuoted | Style::DoubleQuoted
                    if src.len() == value.len() + 2 && src[1..src.len() - 1] == *value =>
                {
                    Some(v.span.start + 1)
                }
                _ => None,
            };
            split_on(value, spaces)
                .into_iter()
                .map(|(r, text)| {
                    let range = base.map_or(v.span.clone(), |b| b + r.start..b + r.end);
                    ToolItem {
                        text: text.to_string(),
                        span: range.clone(),
                        range,
                    }
                })
                .collect()
        }
        NodeKind::Seq { items, .. } => items
            .iter()
            .filter_map(|i| {
                let text = i.as_str()?.trim().to_string();
                // The name inside its quotes, when the source holds it as written.
                let src = doc_text(&i.span);
                let range = match src.find(text.as_str()) {
                    Some(at) if !text.is_empty() => i.span.start + at..i.span.start + at + text.len(),
                    _ => i.span.clone(),
                };
                Some(ToolItem {
                    text,
                    range,
                    span: i.span.clone(),
                })
            })
            .filter(|i| !i.text.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn split_commas(s: &str) -> Vec<(TextRange, &str)> {
    split_on(s, false)
}

fn split_on(s: &str, spaces: bool) -> Vec<(TextRange, &str)> {
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => cuts.push(i),
            ' ' | '\t' if spaces && depth <= 0 => cuts.push(i),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(s.len())) {
        let raw = &s[start..end];
        let t = raw.trim();
        if !t.is_empty() {
            let lead = start + (raw.len() - raw.trim_start().len());
            out.push((lead..lead + t.len(), t));
        }
        start = end + 1;
    }
    out
}

/// The tool name of an item: `Bash` for `Bash(git diff:*)`.
pub fn tool_name(item: &str) -> &str {
    item.split('(').next().unwrap_or(item).trim()
}

pub(super) fn check_list(sink: &mut Sink, key_node: &Node, v: &Node) {
    let key = key_node.as_str().unwrap_or_default();
    let catalog = match sink.format.product.tools {
        Tools::Sets(sets) => return set_list(sink, sets, key, v),
        Tools::Names(names) => return name_list(sink, names, key, v),
        Tools::Rules(rules) => rules,
        // A product without tool lists has no such key; one with tool maps checks them as
        // values.
        Tools::Switches(_) | Tools::None => return,
    };
    let product = sink.format.product.name;
    // Claude Code reads a tool list so: no value, `""`, `[]`, `0` or `false` is an empty list; a
    // text is one entry; a list keeps its text entries; anything else is an empty list too.
    let empty =
        v.is_null() || v.as_text() == Some("") || matches!(&v.kind, NodeKind::Seq { items, .. } if items.is_empty());
    let not_a_list = matches!(v.kind, NodeKind::Map { .. })
        || matches!(
            v.scalar_type(),
            Some(ScalarType::Int | ScalarType::Float | ScalarType::Bool(_))
        );
    if empty || not_a_list {
        if key != "tools" {
            if not_a_list {
                let got = v.type_name();
                sink.push(
                    "/wrong-type",
                    v.span.clone(),
                    format!(
                        "`{key}` must be a comma-separated string or a list of tools, not a {got}: {product} ignores it"
                    ),
                );
            }
            return;
        }
        if not_a_list {
            let got = v.type_name();
            sink.push_as(
                "/wrong-type",
                Effect::ReadDifferently,
                v.span.clone(),
                format!("`tools` must be a comma-separated string or a list of tools, not a {got}: {product} reads it as an empty list, so the agent gets no tools at all"),
            );
            return;
        }
        // Delete the whole `tools:` line.
        let rope = sink.doc.rope();
        let line = rope.byte_to_line(key_node.span.start);
        let start = rope.line_to_byte(line);
        let end = rope.line_to_byte((line + 1).min(rope.len_lines()));
        let fix = (key_node.span.start == start && v.span.end <= end)
            .then(|| Fix::replace("Remove `tools` (the agent gets every tool)", start..end, "").not_in_fix_all());
        sink.push(
            "/empty-tools",
            key_node.span.clone(),
            format!(
                "`tools` is empty: {product} gives the agent no tools at all; remove the key to let it use every tool"
            ),
        )
        .with_fix(fix);
        return;
    }
    if matches!(v.kind, NodeKind::Alias) {
        return;
    }
    if let NodeKind::Seq { items: list, .. } = &v.kind {
        for i in list
            .iter()
            .filter(|i| !matches!(i.kind, NodeKind::Alias) && i.as_text().is_none())
        {
            let got = i.type_name();
            sink.push(
                "/wrong-type",
                i.span.clone(),
                format!("each `{key}` entry must be a tool name, not a {got}: {product} drops it"),
            );
        }
    }
    let doc = sink.doc;
    // Claude Code splits each entry on commas and blanks outside parentheses.
    let list = items_split(&|r| doc.slice(r), v, true);
    if list.iter().any(|i| i.text == "*") {
        return;
    }
    // The Agent Skills standard writes `allowed-tools` with spaces; only `tools` is a comma list.
    let spaced = key == "tools"
        && matches!(v.kind, NodeKind::Scalar { .. })
        && list.len() > 1
        && !sink.doc.slice(&v.span).contains(',')
        && list.iter().all(|i| (catalog.lookup)(tool_name(&i.text)).is_some());
    if spaced {
        let joined = list.iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join(", ");
        let exact = list.iter().all(|it| maps_exactly(sink, it));
        let fix = exact.then(|| {
            Fix::replace(
                format!("Separate with commas: `{joined}`"),
                v.span.clone(),
                joined.clone(),
            )
        });
        sink.push(
            "/space-separated-tools",
            v.span.clone(),
            format!("tools separated by spaces: {product} splits on spaces too and gives the agent each of them, but tools that split the list only on commas see one name; write `{joined}`"),
        )
        .with_fix(fix);
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        check_item(sink, catalog, v, &list, i, key);
        if seen.contains(&item.text.as_str()) {
            let fix = remove_item(sink, v, &list, i)
                .map(|e| Fix::replace(format!("Remove the second `{}`", item.text), e.0, e.1));
            sink.push(
                "/duplicate-tool",
                item.range.clone(),
                format!("`{}` is listed twice in `{key}`; {product} gives it once", item.text),
            )
            .with_fix(fix);
        } else {
            seen.push(&item.text);
        }
    }
    // Every entry surely resolves to nothing: Claude Code refuses to start the agent.
    let agent = sink.format.kind == crate::formats::Kind::Agent;
    if key != "tools" || !agent || list.is_empty() {
        return;
    }
    withheld_beside_bash(sink, catalog, &list);
    let names = list
        .iter()
        .map(|i| format!("`{}`", i.text))
        .collect::<Vec<_>>()
        .join(", ");
    if list.iter().all(|i| resolves_to_nothing(catalog, &i.text)) {
        sink.push(
            "/no-tools",
            key_node.span.clone(),
            format!("none of the listed tools ({names}) exists for a subagent: {product} refuses to start this agent (its tools resolve to nothing)"),
        );
    } else if list
        .iter()
        .all(|i| resolves_to_nothing(catalog, &i.text) || only_in_some_sessions(catalog, &i.text))
    {
        sink.push(
            "/session-tools",
            key_node.span.clone(),
            format!("every listed tool ({names}) is an MCP tool or one that only some sessions have: in a session with none of them (a plain `claude -p` has none), {product} refuses to start this agent; list a tool every session has, or make sure the server or setting is there"),
        );
    }
}

/// Search tools an agent with Bash does not get: one note for the list, on the first of them.
fn withheld_beside_bash(sink: &mut Sink, catalog: &RuleTools, list: &[ToolItem]) {
    let is = |it: &ToolItem, pred: &dyn Fn(&RuleTool) -> bool| {
        (catalog.lookup)(tool_name(&it.text)).is_some_and(|t| pred((catalog.resolve)(t.name).unwrap_or(t)))
    };
    // A `Bash(…` whose parentheses do not balance gives no Bash.
    let Some(bash) = list
        .iter()
        .find(|it| !unbalanced(&it.text) && is(it, &|t| t.name == catalog.shell_tool))
    else {
        return;
    };
    let mut withheld: Vec<&ToolItem> = Vec::new();
    for it in list {
        if is(it, &|t| t.availability == RuleAvailability::NotBesideBash)
            && !withheld.iter().any(|w| tool_name(&w.text) == tool_name(&it.text))
        {
            withheld.push(it);
        }
    }
    let Some(first) = withheld.first() else {
        return;
    };
    let names = withheld
        .iter()
        .map(|w| format!("no `{}`", tool_name(&w.text)))
        .collect::<Vec<_>>()
        .join(" and ");
    let product = sink.format.product.name;
    let start = first.range.start;
    let d = sink.push(
        "/withheld-tool",
        start..start + tool_name(&first.text).len(),
        format!("with `Bash` in its tools, {product} gives this agent {names}: it searches with `grep` and `find` through Bash instead. They take effect only where Bash cannot run (Windows without Git Bash)"),
    );
    for w in &withheld[1..] {
        let start = w.range.start;
        d.related.push((
            start..start + tool_name(&w.text).len(),
            format!("`{}` withheld too", tool_name(&w.text)),
        ));
    }
    d.related.push((bash.range.clone(), "`Bash` listed here".to_string()));
}

/// An MCP tool (there only when its server is configured) or a built-in tool that only some
/// sessions have.
fn only_in_some_sessions(catalog: &RuleTools, item: &str) -> bool {
    item.starts_with(catalog.mcp_prefix)
        || (catalog.resolve)(tool_name(item)).is_some_and(|t| t.availability == RuleAvailability::Sometimes)
}

/// An entry that gives a subagent no tool in any session: not a tool name, a retired one, one
/// subagents never get, or a rule whose parentheses do not balance.
fn resolves_to_nothing(catalog: &RuleTools, item: &str) -> bool {
    if item.starts_with(catalog.mcp_prefix) {
        return false;
    }
    unbalanced(item) || (catalog.never_resolves_in_subagents)(tool_name(item))
}

/// A permission rule whose parentheses do not balance (`Bash(npm test*`): it matches nothing.
fn unbalanced(item: &str) -> bool {
    let opens = item.matches('(').count();
    let closes = item.matches(')').count();
    opens != closes || (opens > 0 && !item.ends_with(')'))
}

/// Whether an item's range holds exactly its text, so edits at that range are safe (not so for
/// a quoted string with escapes, whose items all point at the whole value).
fn maps_exactly(sink: &Sink, item: &ToolItem) -> bool {
    sink.doc.slice(&item.range) == item.text
}

/// The edit that deletes item `i` of a list with its separator: `, Grep` in a string or flow
/// list, the whole `- Grep` line in a block list. `None` for the only item (an empty list means
/// no tools at all) or when the item's text cannot be located exactly.
fn remove_item(sink: &Sink, v: &Node, list: &[ToolItem], i: usize) -> Option<(TextRange, String)> {
    let item = &list[i];
    if list.len() < 2 || !list.iter().all(|it| maps_exactly(sink, it)) {
        return None;
    }
    if let NodeKind::Seq { flow: false, .. } = v.kind {
        let rope = sink.doc.rope();
        let line = rope.byte_to_line(item.range.start);
        let start = rope.line_to_byte(line);
        let end = rope.line_to_byte((line + 1).min(rope.len_lines()));
        let text = sink.doc.slice(&(start..end));
        // The line must hold this item alone: `  - Grep`.
        let alone = text
            .trim()
            .strip_prefix('-')
            .is_some_and(|r| r.trim().trim_matches(['"', '\'']) == item.text);
        return alone.then(|| (start..end, String::new()));
    }
    Some(match i {
        0 => (item.span.start..list[1].span.start, String::new()),
        _ => (list[i - 1].span.end..item.span.end, String::new()),
    })
}

fn check_item(sink: &mut Sink, catalog: &'static RuleTools, v: &Node, list: &[ToolItem], i: usize, key: &str) {
    let item = &list[i];
    let exact = maps_exactly(sink, item);
    let product = sink.format.product.name;
    // What a bad entry costs: a tool list drops it, a permission list grants nothing with it.
    let drops = if key == "allowed-tools" {
        format!("{product} grants nothing with it")
    } else {
        format!("{product} drops it")
    };
    // Replacing `name` by `to`, or removing the item when `to` is listed already.
    let rename = |sink: &Sink, name: &str, to: &str| -> Option<Fix> {
        if !exact {
            return None;
        }
        let listed = list.iter().any(|it| tool_name(&it.text) == to && it.text == to);
        if listed {
            let (range, text) = remove_item(sink, v, list, i)?;
            return Some(Fix::replace(
                format!("Remove `{}` (`{to}` is listed already)", item.text),
                range,
                text,
            ));
        }
        let range = item.range.start..item.range.start + name.len();
        Some(Fix::replace(format!("Change to `{to}`"), range, to))
    };
    let text = item.text.as_str();
    if text == "*" || text.starts_with(catalog.mcp_prefix) {
        return;
    }
    if unbalanced(text) {
        sink.push(
            "/invalid-tool-rule",
            item.range.clone(),
            format!("`{text}` has unbalanced parentheses: a permission rule is `Tool(specifier)`, and this one matches nothing: {drops}"),
        );
        return;
    }
    let name = tool_name(text);
    let subagent = key != "allowed-tools" && sink.format.kind == crate::formats::Kind::Agent;
    match (catalog.lookup)(name).map(|t| (t.status, t)) {
        Some((ToolStatus::Current | ToolStatus::Alias(_), t)) => {
            if subagent && (catalog.never_resolves_in_subagents)(t.name) && key == "tools" {
                sink.push(
                    "/unknown-tool",
                    item.range.start..item.range.start + name.len(),
                    format!("`{name}` is never given to a subagent: {drops}"),
                );
            }
        }
        Some((ToolStatus::Retired(instead), _)) => {
            let range = item.range.start..item.range.start + name.len();
            let fix = rename(sink, name, instead);
            sink.push(
                "/removed-tool",
                range,
                format!("`{name}` is no longer a {product} tool: {drops}; use `{instead}`"),
            )
            .with_fix(fix);
        }
        None => {
            let range = item.range.start..item.range.start + name.len().min(item.range.len());
            let suggestion = nearest(name, catalog.suggestable());
            let fix = suggestion.and_then(|s| rename(sink, name, s));
            let msg = match suggestion {
                Some(s) if s.eq_ignore_ascii_case(name) => {
                    format!("unknown tool `{name}`: tool names are case-sensitive, did you mean `{s}`? {drops}")
                }
                Some(s) => format!("unknown tool `{name}`: did you mean `{s}`? {drops}"),
                None => format!(
                    "unknown tool `{name}`: not a {product} tool, nor an MCP tool (`mcp__server__tool`): {drops}"
                ),
            };
            sink.push("/unknown-tool", range, msg).with_fix(fix);
        }
    }
}

/// A tool both in `tools` and in `disallowedTools`.
pub(super) fn check_conflicts(sink: &mut Sink, root: &Node) {
    let lists: Vec<&str> = sink
        .format
        .fields
        .iter()
        .filter(|f| matches!(f.value, ValueKind::Tools))
        .map(|f| f.key)
        .collect();
    let (Some(allow_key), Some(deny_key)) = (lists.first(), lists.get(1)) else {
        return;
    };
    let (Some(allow), Some(deny)) = (root.get(allow_key), root.get(deny_key)) else {
        return;
    };
    let doc = sink.doc;
    let allowed = items(&|r| doc.slice(r), allow);
    for d in items(&|r| doc.slice(r), deny) {
        if let Some(a) = allowed.iter().find(|a| tool_name(&a.text) == tool_name(&d.text)) {
            let name = tool_name(&d.text).to_string();
            let first = a.range.clone();
            sink.push(
                "/tool-conflict",
                d.range.clone(),
                format!("`{name}` is both in `{allow_key}` and in `{deny_key}`: the deny list wins, and {} does not give the agent `{name}`", sink.format.product.name),
            )
            .related
            .push((first, format!("`{name}` allowed here")));
        }
    }
}

/// A Copilot `tools` list as VS Code's validator reads it (`validateTools`): a list, or one
/// string VS Code splits on commas; each item a tool or tool set name. With the remote target
/// (`target: github-copilot`) VS Code checks only the shape, not the names: the names are
/// github.com's.
fn set_list(sink: &mut Sink, catalog: &'static SetTools, key: &str, v: &Node) {
    let product = sink.format.product.name;
    let on_bad = sink.format.field(key).map_or(Effect::Rejected, |f| f.on_bad);
    let items: Vec<(TextRange, String, bool)> = match &v.kind {
        NodeKind::Seq { items, .. } => {
            let mut out = Vec::new();
            for item in items {
                match item.as_str() {
                    Some(name) => {
                        let exact = sink.doc.slice(&item.span) == name;
                        out.push((item.span.clone(), name.to_string(), exact));
                    }
                    None => {
                        let got = item.type_name();
                        sink.push_as(
                            "/wrong-type",
                            on_bad,
                            item.span.clone(),
                            format!(
                                "each `{key}` entry must be a tool name, not a {got}: {product} reports it as an error"
                            ),
                        );
                    }
                }
            }
            out
        }
        NodeKind::Scalar { value, style } => {
            // VS Code splits the value as text; offsets map onto the source for a one-line
            // plain or quoted value without escapes.
            let src = sink.doc.slice(&v.span);
            let base = match style {
                Style::Plain if src == *value => Some(v.span.start),
                Style::SingleQuoted | Style::DoubleQuoted
                    if src.len() == value.len() + 2 && src[1..src.len() - 1] == *value =>
                {
                    Some(v.span.start + 1)
                }
                _ => None,
            };
            crate::syntax::vscode_yaml::split_comma_list(value)
                .into_iter()
                .map(|(r, text)| {
                    let range = base.map_or(v.span.clone(), |b| b + r.start..b + r.end);
                    let exact = base.is_some() && sink.doc.slice(&range) == text;
                    (range, text, exact)
                })
                .collect()
        }
        NodeKind::Alias => return,
        NodeKind::Map { .. } => {
            let got = v.type_name();
            sink.push_as(
                "/wrong-type",
                on_bad,
                v.span.clone(),
                format!("`{key}` must be a list (`['search', 'edit']`) or a comma-separated string, not a {got}: {product} reports it as an error"),
            );
            return;
        }
    };
    if sink.remote_target {
        return;
    }
    let mut seen: Vec<String> = Vec::new();
    for (range, name, exact) in items {
        let name = name.trim().to_string();
        if name.is_empty() {
            continue;
        }
        if seen.contains(&name) {
            sink.push(
                "/duplicate-tool",
                range,
                format!("`{name}` is listed twice in `{key}`; {product} enables it once"),
            );
            continue;
        }
        seen.push(name.clone());
        let change = |to: &str| exact.then(|| Fix::replace(format!("Change to `{to}`"), range.clone(), to));
        match (catalog.lookup)(&name) {
            Lookup::Known(tool) => {
                if let Availability::Setup(needs) = tool.availability {
                    sink.push(
                        "/conditional-tool",
                        range,
                        format!("`{name}` is a {product} tool only some setups have: it needs {needs}; where it is missing, {product} ignores it"),
                    );
                }
            }
            Lookup::Renamed(r) => {
                let to = r.new.first().copied().unwrap_or_default();
                let all = if r.new.len() > 1 {
                    let list: Vec<String> = r.new.iter().map(|n| format!("`{n}`")).collect();
                    format!(" (with {})", list[1..].join(", "))
                } else {
                    String::new()
                };
                match r.availability {
                    Availability::Always => {
                        let fix = change(to);
                        sink.push(
                            "/renamed-tool",
                            range,
                            format!("`{name}` has been renamed `{to}`{all}: {product} still maps the old name; write the new one"),
                        )
                        .with_fix(fix);
                    }
                    Availability::Setup(needs) => {
                        let fix = change(to).map(Fix::not_in_fix_all);
                        sink.push(
                            "/conditional-tool",
                            range,
                            format!("`{name}` is the old name of `{to}`, a {product} tool only some setups have: it needs {needs}; there {product} maps the old name, elsewhere it ignores it"),
                        )
                        .with_fix(fix);
                    }
                }
            }
            Lookup::External => {}
            Lookup::Unknown if name == "*" => {
                sink.push(
                    "/unknown-tool",
                    range,
                    format!("`*` is no {product} tool name ({product} has no wildcard for every tool): it ignores it; leave `{key}` out for the default tools, or list the tool sets"),
                );
            }
            Lookup::Unknown => {
                // A bare name may be one of the user's own tool sets, and a namespaced one an
                // MCP or extension tool of the user's setup: only a near miss of a built-in
                // name is reported.
                let Some(s) = nearest(&name, catalog.names()) else {
                    continue;
                };
                let fix = change(s);
                let msg = if s.eq_ignore_ascii_case(&name) {
                    format!(
                        "unknown tool `{name}`: tool names are case-sensitive, did you mean `{s}`? {product} ignores it"
                    )
                } else {
                    format!("unknown tool `{name}`: did you mean `{s}`? {product} ignores it")
                };
                sink.push("/unknown-tool", range, msg).with_fix(fix);
            }
        }
    }
}

/// A list of plain tool names that the product's loader validates: anything but a list of
/// accepted names is a bad value of the key (`on_bad`); an accepted name that gives the agent
/// nothing is a warning.
fn name_list(sink: &mut Sink, catalog: &'static NameTools, key: &str, v: &Node) {
    let product = sink.format.product.name;
    let on_bad = sink.format.field(key).map_or(Effect::NotLoaded, |f| f.on_bad);
    let then = super::fields::consequence(sink, on_bad);
    let items = match &v.kind {
        NodeKind::Seq { items, .. } => items,
        NodeKind::Scalar { value, .. } => {
            // `tools: Read, Grep` (Claude Code's form): say what the list would be.
            let names: Vec<&str> = value.split(',').map(str::trim).filter(|n| !n.is_empty()).collect();
            let mapped: Option<Vec<String>> = names
                .iter()
                .map(|n| {
                    if (catalog.valid)(n) {
                        Some(n.to_string())
                    } else {
                        (catalog.from_foreign)(n).map(String::from)
                    }
                })
                .collect();
            let list = mapped.filter(|m| !m.is_empty()).map(|m| format!("[{}]", m.join(", ")));
            let hint = list.as_ref().map_or(String::new(), |l| format!("; write `{key}: {l}`"));
            let fix = list.map(|l| Fix::replace(format!("Change to `{l}`"), v.span.clone(), l));
            sink.push_as(
                "/wrong-type",
                on_bad,
                v.span.clone(),
                format!(
                    "`{key}` must be a YAML list of tool names, not a {}: {then}{hint}",
                    v.type_name()
                ),
            )
            .with_fix(fix);
            return;
        }
        _ => {
            sink.push_as(
                "/wrong-type",
                on_bad,
                v.span.clone(),
                format!(
                    "`{key}` must be a YAML list of tool names, not a {}: {then}",
                    v.type_name()
                ),
            );
            return;
        }
    };
    if items.is_empty() {
        sink.push_as(
            "/empty-tools",
            Effect::Ignored,
            v.span.clone(),
            format!(
                "an empty `{key}` gives the {} no tools at all; remove the key for the session's tools",
                sink.format.noun
            ),
        );
        return;
    }
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        let Some(name) = item.as_text() else {
            sink.push_as(
                "/wrong-type",
                on_bad,
                item.span.clone(),
                format!(
                    "each `{key}` entry must be a tool name, not a {}: {then}",
                    item.type_name()
                ),
            );
            continue;
        };
        let exact = sink.doc.slice(&item.span) == name;
        let change = |to: &str| exact.then(|| Fix::replace(format!("Change to `{to}`"), item.span.clone(), to));
        if !(catalog.valid)(name) {
            let foreign = (catalog.from_foreign)(name);
            let near = foreign.or_else(|| nearest(name, catalog.tools.iter().map(|t| t.name)));
            let msg = match (foreign, near) {
                (Some(to), _) => format!(
                    "`{name}` is {}'s tool name, not one of {product}'s (`{to}`): {then}",
                    catalog.foreign
                ),
                (None, Some(to)) => format!("`{name}` is not a {product} tool name: did you mean `{to}`? {then}"),
                (None, None) => format!("`{name}` is not a {product} tool name: {then}"),
            };
            sink.push_as("/unknown-tool", on_bad, item.span.clone(), msg)
                .with_fix(near.and_then(change));
            continue;
        }
        if let Some(tool) = catalog.tool(name) {
            if seen.contains(&tool.name.to_string()) {
                sink.push(
                    "/duplicate-tool",
                    item.span.clone(),
                    format!("`{name}` is listed twice in `{key}`; {product} gives it once"),
                );
                continue;
            }
            seen.push(tool.name.to_string());
            if let Some(why) = tool.not_given {
                sink.push_as(
                    "/unavailable-tool",
                    Effect::Ignored,
                    item.span.clone(),
                    format!("`{name}` is accepted, but {why}"),
                );
            }
        }
    }
}
