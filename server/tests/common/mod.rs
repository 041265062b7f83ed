//! Helpers shared by the fixture tests of completion and hover (each test binary uses a part).
#![allow(dead_code)]

use agentls::document::Document;
use agentls::workspace::mcp::{McpCatalog, McpServer};
use std::path::PathBuf;

/// The document at `path` holding `fixture` without its `$0`, and the byte offset of `$0`.
pub fn at_cursor(path: &str, fixture: &str) -> (Document, usize) {
    let offset = fixture.find("$0").expect("the fixture has a `$0` cursor");
    let text = fixture.replacen("$0", "", 1);
    (Document::new(&text, Some(PathBuf::from(path))), offset)
}

/// A project with one MCP server, `github`, whose `create_issue` tool is known.
pub fn mcp() -> McpCatalog {
    McpCatalog {
        servers: vec![McpServer {
            name: "github".into(),
            declared_in: PathBuf::from("project/.mcp.json"),
            tools: vec!["create_issue".into()],
        }],
    }
}
