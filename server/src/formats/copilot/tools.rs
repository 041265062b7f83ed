//! Tool and tool-set names of GitHub Copilot in VS Code, as written in `tools:` lists and
//! `#tool` references. Built-in names are namespaced by tool set (`search/codebase`); a set
//! alone (`search`) enables all of its tools; MCP servers and extensions contribute more
//! (`github/*`, `server/tool`, `publisher.ext/tool`), and the user's own tool sets are bare
//! names. Older names still work and are mapped to the new ones (`codebase` → `search/codebase`;
//! VS Code reports them as information: "has been renamed").
//!
//! Every entry is what VS Code 1.139.1 with its built-in Copilot Chat 0.67.0 (code-server
//! 4.139.1, signed out) did with the name listed alone in an agent's `tools` (the recording
//! `truth/recorded/code-server@4.139.1.json`, cases `mutation/vscode/agent/tools-*`, and every
//! tool list of the recorded corpus); a test in `truth/` keeps the two equal. Names that only
//! some setups have are marked with what they need ([`Availability::Setup`]): there the
//! recording shows the name as unknown, which says nothing about a setup that has it. See
//! docs/format-sources.md, "VS Code 1.139.1".

// The entry types are those of the catalog shape (`formats::product`), under the names
// this module gave them before products were values.
pub use crate::formats::product::{Renamed, SetAvailability as Availability, SetLookup as Lookup, SetTool as Tool};

const fn t(name: &'static str, doc: &'static str) -> Tool {
    Tool {
        name,
        doc,
        availability: Availability::Always,
    }
}

const fn setup(name: &'static str, doc: &'static str, needs: &'static str) -> Tool {
    Tool {
        name,
        doc,
        availability: Availability::Setup(needs),
    }
}

/// Copilot Chat declares `fetch` with `when: !isWeb`: the web build (code-server, vscode.dev)
/// has no such tool.
const DESKTOP: &str = "the desktop app (VS Code in a browser, such as code-server, has no `fetch` tool)";
const CHANGED_FILES: &str = "the setting `github.copilot.chat.getChangedFilesTool.enabled` (off by default)";
const SKILL_TOOL: &str = "the setting `github.copilot.chat.skillTool.enabled`";
const SWITCH_AGENT: &str = "the setting `github.copilot.chat.switchAgent.enabled`";
const EXECUTION_SUBAGENT: &str = "the setting `github.copilot.chat.executionSubagent.enabled`";
const SEARCH_SUBAGENT: &str =
    "the settings `github.copilot.chat.searchSubagent.enabled` and `github.copilot.chat.exploreAgent.enabled`";
/// VS Code's chat setup registers `new` (`setup_tools_createNewWorkspace`) for its built-in
/// setup agents; the recording is signed out, so whether it stays once Copilot is set up is
/// not observed.
const CHAT_SETUP: &str = "VS Code's chat setup, which registers it before Copilot is signed in (signed in, the tool is `vscode/newWorkspace`)";

/// Tool sets: a name alone enables every tool in it.
pub static TOOL_SETS: &[Tool] = &[
    t("read", "Read workspace files and execution output."),
    t("search", "Search the workspace."),
    t("edit", "Create and edit files in the workspace."),
    t("execute", "Run commands, tasks, tests and notebooks."),
    t("web", "Fetch web pages and search GitHub repositories."),
    t(
        "vscode",
        "VS Code features: extensions, commands, memory, questions to the user.",
    ),
    t("agent", "Run subagents (custom agents listed in `agents`)."),
    t("todo", "Keep a todo list for the task."),
];

/// Built-in tools, by full reference name.
pub static TOOLS: &[Tool] = &[
    t("read/readFile", "Read a file."),
    t("read/problems", "Diagnostics from the Problems panel."),
    t("read/terminalSelection", "The selection in the terminal."),
    t("read/terminalLastCommand", "The last terminal command and its output."),
    t("read/getTaskOutput", "The output of a task."),
    t("read/getNotebookSummary", "A summary of a notebook's cells."),
    t("read/readNotebookCellOutput", "The output of a notebook cell."),
    t("read/viewImage", "Look at an image file."),
    setup("read/skill", "Load a skill.", SKILL_TOOL),
    setup("search/changes", "Source control changes.", CHANGED_FILES),
    t("search/codebase", "Find relevant code with workspace code search."),
    t("search/fileSearch", "Find files by glob pattern."),
    t("search/listDirectory", "List a directory."),
    t("search/textSearch", "Find text in files."),
    t(
        "search/usages",
        "References, implementations and definitions of a symbol.",
    ),
    setup("search/searchSubagent", "Search with a subagent.", SEARCH_SUBAGENT),
    t("edit/editFiles", "Edit files."),
    t("edit/createFile", "Create a file."),
    t("edit/createDirectory", "Create a directory."),
    t("edit/editNotebook", "Edit a notebook."),
    t("edit/createJupyterNotebook", "Create a Jupyter notebook."),
    t("edit/rename", "Rename a symbol."),
    t("execute/runInTerminal", "Run a shell command in the terminal."),
    t(
        "execute/getTerminalOutput",
        "Output of a command started in the terminal.",
    ),
    t("execute/runTask", "Run a workspace task."),
    t("execute/createAndRunTask", "Create and run a task."),
    t("execute/runTests", "Run unit tests."),
    t("execute/testFailure", "Information about failing tests."),
    t("execute/runNotebookCell", "Run a notebook cell."),
    t("execute/killTerminal", "Stop a terminal started in the background."),
    t("execute/sendToTerminal", "Send input to a running terminal command."),
    setup(
        "execute/executionSubagent",
        "Run commands with a subagent.",
        EXECUTION_SUBAGENT,
    ),
    setup("web/fetch", "Fetch a web page.", DESKTOP),
    t("web/githubRepo", "Search a GitHub repository."),
    t("web/githubTextSearch", "Search code on GitHub."),
    t("vscode/extensions", "Search and ask about VS Code extensions."),
    t("vscode/vscodeAPI", "VS Code API documentation."),
    t("vscode/newWorkspace", "Create a new workspace."),
    t("vscode/installExtension", "Install an extension."),
    t("vscode/runCommand", "Run a VS Code command."),
    t("vscode/askQuestions", "Ask the user questions."),
    t("vscode/memory", "Read and write the agent's memory."),
    t("vscode/resolveMemoryFileUri", "Locate the agent's memory file."),
    t("vscode/toolSearch", "Find a tool by what it does."),
    setup("vscode/switchAgent", "Switch to another agent.", SWITCH_AGENT),
    t("agent/runSubagent", "Run a subagent."),
    // A bare name: not in a set.
    setup("new", "Scaffold a new workspace.", CHAT_SETUP),
];

const fn r(old: &'static str, new: &'static [&'static str]) -> Renamed {
    Renamed {
        old,
        new,
        availability: Availability::Always,
    }
}

/// Old names VS Code 1.139.1 still maps (it reports "has been renamed, use …" as information),
/// with the new names exactly as it lists them. Where it lists several, the extra ones are
/// VS Code's internal tool sets (`vscodeNotebooks/…`, `vscodeTasks/…`, `vscodeGeneral/…`).
pub static RENAMED: &[Renamed] = &[
    r("askQuestions", &["vscode/askQuestions"]),
    r("codebase", &["search/codebase"]),
    r(
        "createAndRunTask",
        &["execute/createAndRunTask", "vscodeTasks/createAndRunTask"],
    ),
    r("createDirectory", &["edit/createDirectory"]),
    r("createFile", &["edit/createFile"]),
    r(
        "createJupyterNotebook",
        &["edit/createJupyterNotebook", "vscodeNotebooks/createJupyterNotebook"],
    ),
    r("editFiles", &["edit/editFiles"]),
    r("editNotebook", &["edit/editNotebook", "vscodeNotebooks/editNotebook"]),
    r("extensions", &["vscode/extensions"]),
    r("fileSearch", &["search/fileSearch"]),
    r(
        "getNotebookSummary",
        &["read/getNotebookSummary", "vscodeNotebooks/getNotebookSummary"],
    ),
    r("getTaskOutput", &["read/getTaskOutput", "vscodeTasks/getTaskOutput"]),
    r("getTerminalOutput", &["execute/getTerminalOutput"]),
    r("githubRepo", &["web/githubRepo"]),
    r("githubTextSearch", &["web/githubTextSearch"]),
    r("installExtension", &["vscode/installExtension"]),
    r("killTerminal", &["execute/killTerminal"]),
    r("listDirectory", &["search/listDirectory"]),
    r("memory", &["vscode/memory"]),
    r("newWorkspace", &["vscode/newWorkspace"]),
    r("problems", &["read/problems", "vscodeTasks/problems"]),
    r("readFile", &["read/readFile"]),
    r(
        "readNotebookCellOutput",
        &["read/readNotebookCellOutput", "vscodeNotebooks/readNotebookCellOutput"],
    ),
    r("rename", &["edit/rename", "vscodeGeneral/rename"]),
    r("resolveMemoryFileUri", &["vscode/resolveMemoryFileUri"]),
    r("runCommand", &["vscode/runCommand"]),
    r(
        "runCommands",
        &[
            "execute/getTerminalOutput",
            "execute/runInTerminal",
            "read/terminalLastCommand",
            "read/terminalSelection",
        ],
    ),
    r("runCommands/runInTerminal", &["execute/runInTerminal"]),
    r("runInTerminal", &["execute/runInTerminal"]),
    r("runCommands/terminalLastCommand", &["read/terminalLastCommand"]),
    r("runCommands/terminalSelection", &["read/terminalSelection"]),
    r(
        "runNotebookCell",
        &["execute/runNotebookCell", "vscodeNotebooks/runNotebookCell"],
    ),
    r(
        "runNotebooks",
        &[
            "execute/runNotebookCell",
            "read/getNotebookSummary",
            "read/readNotebookCellOutput",
            "vscodeNotebooks/getNotebookSummary",
            "vscodeNotebooks/readNotebookCellOutput",
            "vscodeNotebooks/runNotebookCell",
        ],
    ),
    r("runSubagent", &["agent"]),
    r(
        "runTasks",
        &[
            "execute/createAndRunTask",
            "execute/runTask",
            "read/getTaskOutput",
            "vscodeTasks/createAndRunTask",
            "vscodeTasks/getTaskOutput",
            "vscodeTasks/runTask",
        ],
    ),
    r(
        "runTasks/createAndRunTask",
        &["execute/createAndRunTask", "vscodeTasks/createAndRunTask"],
    ),
    r("runTask", &["execute/runTask", "vscodeTasks/runTask"]),
    r("runTests", &["execute/runTests", "vscodeGeneral/runTests"]),
    r("sendToTerminal", &["execute/sendToTerminal"]),
    r("shell", &["execute"]),
    r("terminalLastCommand", &["read/terminalLastCommand"]),
    r("terminalSelection", &["read/terminalSelection"]),
    r("testFailure", &["execute/testFailure", "vscodeGeneral/testFailure"]),
    r("textSearch", &["search/textSearch"]),
    r("todos", &["todo"]),
    r("toolSearch", &["vscode/toolSearch", "vscodeGeneral/toolSearch"]),
    r("usages", &["search/usages", "vscodeGeneral/usages"]),
    r("viewImage", &["read/viewImage"]),
    r("vscodeAPI", &["vscode/vscodeAPI"]),
    Renamed {
        old: "fetch",
        new: &["web/fetch"],
        availability: Availability::Setup(DESKTOP),
    },
    Renamed {
        old: "changes",
        new: &["search/changes"],
        availability: Availability::Setup(CHANGED_FILES),
    },
];

pub fn lookup(name: &str) -> Lookup {
    if let Some(tool) = TOOL_SETS.iter().chain(TOOLS).find(|t| t.name == name) {
        return Lookup::Known(tool);
    }
    if let Some(r) = RENAMED.iter().find(|r| r.old == name) {
        return Lookup::Renamed(r);
    }
    match name.split_once('/') {
        Some((set, _)) if TOOL_SETS.iter().any(|s| s.name == set) => Lookup::Unknown,
        Some(_) => Lookup::External,
        None => Lookup::Unknown,
    }
}

/// Every current name, for completion and did-you-mean.
pub fn names() -> impl Iterator<Item = &'static str> {
    TOOL_SETS.iter().chain(TOOLS).map(|t| t.name)
}

/// The tools of a set, by full name (`search/codebase` for `search`).
pub fn tools_of(set: &str) -> impl Iterator<Item = &'static Tool> + '_ {
    TOOLS
        .iter()
        .filter(move |t| t.name.split_once('/').is_some_and(|(s, _)| s == set))
}
