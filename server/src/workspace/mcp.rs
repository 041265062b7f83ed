//! MCP servers a document can name in its tool lists (`mcp__<server>__<tool>`), read from disk:
//! the project's `.mcp.json` (`{"mcpServers": {"name": {...}}}`), found by walking up from the
//! document, and the MCP tool names its `.claude/settings.json` / `settings.local.json`
//! permission lists already use (formats.md §7). Servers declared in the agent's own
//! `mcpServers` are read from the document by the analysis, not here.
//!
//! Only small files are read: a project's configuration is a few kilobytes, and a server must not
//! stall on a huge file that happens to have the name.

use std::path::{Path, PathBuf};

/// Configuration files larger than this are ignored.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// How many directories above the document are searched for `.mcp.json`.
const MAX_ANCESTORS: usize = 32;

/// One MCP server and what is known of its tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct McpServer {
    pub name: String,
    /// The file that declares it.
    pub declared_in: PathBuf,
    /// Tool names (without the `mcp__server__` prefix) seen in the project's permission lists,
    /// sorted; empty when none is known.
    pub tools: Vec<String>,
}

/// The MCP servers of a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct McpCatalog {
    pub servers: Vec<McpServer>,
}

impl McpCatalog {
    pub fn server(&self, name: &str) -> Option<&McpServer> {
        self.servers.iter().find(|s| s.name == name)
    }
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_CONFIG_BYTES {
        return None;
    }
    // Read through the bounded reader: the file may grow after the check above.
    let text = super::read_text(path).ok()?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return None;
    }
    serde_json::from_str(&text).ok()
}

/// The servers of the nearest `.mcp.json` above `doc_path` (the walk stops at a folder holding
/// `.git`, the project root), plus the MCP tool names in that project's Claude settings.
pub fn discover(doc_path: &Path) -> McpCatalog {
    let mut catalog = McpCatalog::default();
    let Some(start) = doc_path.parent() else {
        return catalog;
    };
    for dir in start.ancestors().take(MAX_ANCESTORS) {
        let config = dir.join(".mcp.json");
        if config.exists() {
            // The nearest one decides, even when it is unreadable or too large.
            if let Some(json) = read_json(&config) {
                catalog = from_config(&json, &config);
                add_settings_tools(&mut catalog, dir);
            }
            break;
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    catalog
}

/// The servers declared in one parsed `.mcp.json`.
pub fn from_config(json: &serde_json::Value, path: &Path) -> McpCatalog {
    let mut servers: Vec<McpServer> = json
        .get("mcpServers")
        .and_then(|s| s.as_object())
        .map(|m| {
            m.keys()
                .filter(|k| !k.is_empty())
                .map(|k| McpServer {
                    name: k.clone(),
                    declared_in: path.to_path_buf(),
                    tools: Vec::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    servers.sort_by(|a, b| a.name.cmp(&b.name));
    McpCatalog { servers }
}

/// Adds the `mcp__server__tool` names of `.claude/settings*.json` `permissions` lists to the
/// servers they belong to.
fn add_settings_tools(catalog: &mut McpCatalog, root: &Path) {
    for file in ["settings.json", "settings.local.json"] {
        let Some(json) = read_json(&root.join(".claude").join(file)) else {
            continue;
        };
        let Some(perms) = json.get("permissions") else { continue };
        for list in ["allow", "deny", "ask"] {
            for entry in perms.get(list).and_then(|l| l.as_array()).into_iter().flatten() {
                if let Some((server, tool)) = entry.as_str().and_then(split_mcp_name)
                    && !tool.is_empty()
                    && tool != "*"
                    && let Some(s) = catalog.servers.iter_mut().find(|s| s.name == server)
                    && !s.tools.iter().any(|t| t == tool)
                {
                    s.tools.push(tool.to_string());
                    s.tools.sort();
                }
            }
        }
    }
}

/// `mcp__server__tool` → (`server`, `tool`); `mcp__server` → (`server`, ``).
pub fn split_mcp_name(name: &str) -> Option<(&str, &str)> {
    let rest = name.strip_prefix("mcp__")?;
    Some(match rest.split_once("__") {
        Some((server, tool)) => (server, tool),
        None => (rest, ""),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_mcp_names() {
        assert_eq!(
            split_mcp_name("mcp__github__create_issue"),
            Some(("github", "create_issue"))
        );
        assert_eq!(split_mcp_name("mcp__github"), Some(("github", "")));
        assert_eq!(split_mcp_name("mcp__github__*"), Some(("github", "*")));
        assert_eq!(split_mcp_name("Read"), None);
    }

    #[test]
    fn reads_the_nearest_config_and_settings_tools() {
        let root = std::env::temp_dir().join(format!("agentls-mcp-{}", std::process::id()));
        let agents = root.join(".claude/agents");
        std::fs::create_dir_all(&agents).unwrap();
        std::fs::write(
            root.join(".mcp.json"),
            r#"{"mcpServers": {"github": {"command": "gh"}, "db": {"url": "x"}}}"#,
        )
        .unwrap();
        std::fs::write(
            root.join(".claude/settings.json"),
            r#"{"permissions": {"allow": ["mcp__github__create_issue", "mcp__other__x", "Read"], "deny": ["mcp__github__delete_repo"]}}"#,
        )
        .unwrap();
        let catalog = discover(&agents.join("a.md"));
        let names: Vec<_> = catalog.servers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["db", "github"]);
        assert_eq!(catalog.server("github").unwrap().tools, ["create_issue", "delete_repo"]);
        assert_eq!(catalog.server("github").unwrap().declared_in, root.join(".mcp.json"));

        // Over the size limit: ignored.
        let big = format!(
            r#"{{"mcpServers": {{"a": {{}}}}, "pad": "{}"}}"#,
            "x".repeat(MAX_CONFIG_BYTES as usize)
        );
        std::fs::write(root.join(".mcp.json"), big).unwrap();
        assert_eq!(discover(&agents.join("a.md")), McpCatalog::default());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
