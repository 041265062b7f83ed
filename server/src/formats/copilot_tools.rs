//! Tool and tool-set names of GitHub Copilot in VS Code, as written in `tools:` lists and
//! `#tool` references. Built-in names are namespaced by tool set (`search/codebase`); a set
//! alone (`search`) enables all of its tools; MCP servers and extensions contribute more
//! (`github/*`, `server/tool`, `publisher.ext/tool`). Older names still work and are mapped to
//! the new ones (`codebase` → `search/codebase`; VS Code reports them as information: "has been
//! renamed"). Sources: VS Code docs "Tools and context reference"
//! (code.visualstudio.com/docs/agents/reference/tools-reference), VS Code's tool data
//! (`legacyToolReferenceFullNames`, e.g. `findFiles`, `runTasks/createAndRunTask`),
//! `promptValidator.ts`, and the awesome-copilot corpus; docs/format-sources.md §9 (checked
//! 2026-11-25).

/// Tool sets: a name alone enables every tool in it.
pub static TOOL_SETS: &[(&str, &str)] = &[
    ("read", "Read workspace files and execution output."),
    ("search", "Search the workspace."),
    ("edit", "Create and edit files in the workspace."),
    ("execute", "Run commands, tasks, tests and notebooks."),
    ("web", "Fetch web pages and GitHub repositories."),
    (
        "vscode",
        "VS Code features: extensions, commands, the simple browser, questions to the user.",
    ),
    ("agent", "Run subagents (custom agents listed in `agents`)."),
    ("todo", "Keep a todo list for the task."),
];

/// Built-in tools, by full reference name.
pub static TOOLS: &[(&str, &str)] = &[
    ("read/readFile", "Read a file."),
    ("read/problems", "Diagnostics from the Problems panel."),
    ("read/terminalSelection", "The selection in the terminal."),
    ("read/terminalLastCommand", "The last terminal command and its output."),
    ("read/getTaskOutput", "The output of a task."),
    ("search/changes", "Source control changes."),
    ("search/codebase", "Find relevant code with workspace code search."),
    ("search/fileSearch", "Find files by glob pattern."),
    ("search/listDirectory", "List a directory."),
    ("search/textSearch", "Find text in files."),
    (
        "search/usages",
        "References, implementations and definitions of a symbol.",
    ),
    ("search/searchResults", "The results of the Search view."),
    ("edit/editFiles", "Edit files."),
    ("edit/createFile", "Create a file."),
    ("edit/createDirectory", "Create a directory."),
    ("edit/editNotebook", "Edit a notebook."),
    ("edit/createJupyterNotebook", "Create a Jupyter notebook."),
    ("execute/runInTerminal", "Run a shell command in the terminal."),
    (
        "execute/getTerminalOutput",
        "Output of a command started in the terminal.",
    ),
    ("execute/runTask", "Run a workspace task."),
    ("execute/createAndRunTask", "Create and run a task."),
    ("execute/getTaskOutput", "The output of a task."),
    ("execute/runTests", "Run unit tests."),
    ("execute/testFailure", "Information about failing tests."),
    ("execute/runNotebookCell", "Run a notebook cell."),
    ("web/fetch", "Fetch a web page."),
    ("web/githubRepo", "Search a GitHub repository."),
    ("vscode/extensions", "Search and ask about VS Code extensions."),
    ("vscode/vscodeAPI", "VS Code API documentation."),
    ("vscode/openSimpleBrowser", "Open a page in the simple browser."),
    ("vscode/newWorkspace", "Create a new workspace."),
    ("vscode/getProjectSetupInfo", "Project scaffolding information."),
    ("vscode/installExtension", "Install an extension."),
    ("vscode/runCommand", "Run a VS Code command."),
    ("vscode/askQuestions", "Ask the user questions."),
    ("vscode/memory", "Read and write the agent's memory."),
    ("agent/runSubagent", "Run a subagent."),
];

/// Old names VS Code still maps (it reports "renamed, use …" as information).
pub static RENAMED: &[(&str, &str)] = &[
    ("codebase", "search/codebase"),
    ("editFiles", "edit/editFiles"),
    ("fetch", "web/fetch"),
    ("githubRepo", "web/githubRepo"),
    ("problems", "read/problems"),
    ("changes", "search/changes"),
    ("usages", "search/usages"),
    ("searchResults", "search/searchResults"),
    ("findFiles", "search/fileSearch"),
    ("testFailure", "execute/testFailure"),
    ("runTests", "execute/runTests"),
    ("runCommands", "execute"),
    ("runTasks", "execute"),
    ("runNotebooks", "execute"),
    ("runCommands/runInTerminal", "execute/runInTerminal"),
    ("runCommands/terminalLastCommand", "read/terminalLastCommand"),
    ("runCommands/terminalSelection", "read/terminalSelection"),
    ("runTasks/createAndRunTask", "execute/createAndRunTask"),
    ("terminalLastCommand", "read/terminalLastCommand"),
    ("terminalSelection", "read/terminalSelection"),
    ("openSimpleBrowser", "vscode/openSimpleBrowser"),
    ("extensions", "vscode/extensions"),
    ("vscodeAPI", "vscode/vscodeAPI"),
    ("new", "vscode/newWorkspace"),
    ("todos", "todo"),
    ("runSubagent", "agent"),
];

pub enum Lookup {
    /// A current tool or tool set, with its doc.
    Known(&'static str),
    /// An old name and the one to use now.
    Renamed(&'static str),
    /// `server/*`, or a name under a namespace that is not built in (an MCP server or an
    /// extension): not knowable offline.
    External,
    Unknown,
}

pub fn lookup(name: &str) -> Lookup {
    if let Some((_, doc)) = TOOL_SETS.iter().chain(TOOLS).find(|(n, _)| *n == name) {
        return Lookup::Known(doc);
    }
    if let Some((_, to)) = RENAMED.iter().find(|(n, _)| *n == name) {
        return Lookup::Renamed(to);
    }
    match name.split_once('/') {
        Some((set, _)) if TOOL_SETS.iter().any(|(s, _)| *s == set) => Lookup::Unknown,
        Some(_) => Lookup::External,
        None if name == "*" => Lookup::External,
        None => Lookup::Unknown,
    }
}

/// Every current name, for completion and did-you-mean.
pub fn names() -> impl Iterator<Item = &'static str> {
    TOOL_SETS.iter().chain(TOOLS).map(|(n, _)| *n)
}
