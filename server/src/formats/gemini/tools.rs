//! Gemini CLI 0.61.0's tool names as a subagent's `tools` takes them (`isValidToolName`), and
//! which of them a subagent gets in a headless session (`A/tool/<name>`, `A/tools/*` in
//! `truth/gemini/FINDINGS.md`).

use crate::formats::product::NameTool;

const fn given(name: &'static str, doc: &'static str) -> NameTool {
    NameTool {
        name,
        doc,
        not_given: None,
    }
}

const fn lacking(name: &'static str, doc: &'static str, why: &'static str) -> NameTool {
    NameTool {
        name,
        doc,
        not_given: Some(why),
    }
}

const SESSION: &str =
    "a headless session with a Gemini 3 model does not have this tool, so the subagent gets nothing for it";

/// The 27 built-in names the loader accepts.
pub static TOOLS: &[NameTool] = &[
    given("read_file", "Read a file."),
    given("list_directory", "List a directory."),
    given("grep_search", "Search file contents."),
    given("glob", "Find files by pattern."),
    given("replace", "Edit a file by replacing text."),
    given("write_file", "Create or overwrite a file."),
    given("web_fetch", "Fetch a web page."),
    given("run_shell_command", "Run a shell command."),
    given("google_web_search", "Search the web with Google."),
    given("enter_plan_mode", "Enter plan mode."),
    given("activate_skill", "Load a skill's instructions."),
    // Always added to every subagent: naming it changes nothing.
    given("complete_task", "Ends the subagent's task; every subagent has it."),
    lacking("ask_user", "Ask the user a question.", SESSION),
    lacking("exit_plan_mode", "Leave plan mode.", SESSION),
    lacking("get_internal_docs", "Read Gemini CLI's own documentation.", SESSION),
    lacking("read_many_files", "Read several files at once.", SESSION),
    lacking(
        "write_todos",
        "Update the todo list (offered with Gemini 2.5 models).",
        SESSION,
    ),
    lacking("tracker_create_task", "Task tracker: create a task.", SESSION),
    lacking("tracker_update_task", "Task tracker: update a task.", SESSION),
    lacking("tracker_get_task", "Task tracker: read a task.", SESSION),
    lacking("tracker_list_tasks", "Task tracker: list tasks.", SESSION),
    lacking("tracker_add_dependency", "Task tracker: add a dependency.", SESSION),
    lacking("tracker_visualize", "Task tracker: show the tasks.", SESSION),
    lacking("read_mcp_resource", "Read an MCP resource.", SESSION),
    lacking("list_mcp_resources", "List MCP resources.", SESSION),
    lacking(
        "invoke_agent",
        "Start a subagent.",
        "subagents cannot start agents: Gemini CLI never gives it to one",
    ),
    lacking(
        "update_topic",
        "Set the session's topic.",
        "Gemini CLI never gives it to a subagent",
    ),
];

/// Legacy names the loader maps (`A/tool/search_file_content` became `grep_search`).
pub static ALIASES: &[(&str, &str)] = &[("search_file_content", "grep_search")];

/// `^[a-z0-9_.:-]+$` without regard to case, as MCP server and tool names must match.
fn mcp_part(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'))
}

/// `mcp_*`, `mcp_<server>_*`, `mcp_<server>_<tool>`: the server is the text up to the first
/// `_` after `mcp_`, and the tool is not all underscores.
fn mcp(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("mcp_") else {
        return false;
    };
    if rest == "*" {
        return true;
    }
    let Some((server, tool)) = rest.split_once('_') else {
        return false;
    };
    mcp_part(server) && (tool == "*" || mcp_part(tool) && !tool.chars().all(|c| c == '_'))
}

/// Whether Gemini CLI 0.61.0 accepts `name` in `tools` (case-sensitive).
pub fn valid(name: &str) -> bool {
    TOOLS.iter().any(|t| t.name == name)
        || ALIASES.iter().any(|(a, _)| *a == name)
        || name == "*"
        || name.starts_with("discovered_tool_")
        || mcp(name)
}

/// What an accepted name that is not a catalog tool stands for.
pub fn pattern_doc(name: &str) -> Option<&'static str> {
    if name == "*" {
        Some("Every tool of the session (as with no `tools` key).")
    } else if name.starts_with("discovered_tool_") {
        Some("A tool found by the configured tool discovery command.")
    } else if mcp(name) {
        Some("Tools of a configured MCP server: with no such server, the subagent gets nothing for it.")
    } else {
        None
    }
}

/// Claude Code's tool names (any case), which people copy into Gemini agents: Gemini CLI's
/// tool for the same thing.
pub fn from_claude_code(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "read" => "read_file",
        "write" => "write_file",
        "edit" | "multiedit" => "replace",
        "bash" => "run_shell_command",
        "grep" => "grep_search",
        "glob" => "glob",
        "ls" => "list_directory",
        "webfetch" => "web_fetch",
        "websearch" => "google_web_search",
        "todowrite" => "write_todos",
        "skill" => "activate_skill",
        "askuserquestion" => "ask_user",
        _ => return None,
    })
}
