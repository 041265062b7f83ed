//! Claude Code's tool names, as used in `tools`, `disallowedTools` and `allowed-tools`.
//! Source: Claude Code "Tools reference" and "Create custom subagents" docs, and the 2.1.88
//! loader's alias table; see docs/format-sources.md §1 (checked 2026-11-25).

/// Whether a name still resolves in Claude Code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolStatus {
    Current,
    /// An old name the loader still maps to the named tool.
    Alias(&'static str),
    /// No longer exists: the loader drops it. The payload is what to use instead.
    Retired(&'static str),
}

#[derive(Debug)]
pub struct Tool {
    pub name: &'static str,
    pub doc: &'static str,
    /// Does not change files, processes or outside state.
    pub read_only: bool,
    pub status: ToolStatus,
}

const fn t(name: &'static str, read_only: bool, doc: &'static str) -> Tool {
    Tool {
        name,
        doc,
        read_only,
        status: ToolStatus::Current,
    }
}

const fn alias(name: &'static str, to: &'static str) -> Tool {
    Tool {
        name,
        doc: "",
        read_only: false,
        status: ToolStatus::Alias(to),
    }
}

const fn retired(name: &'static str, instead: &'static str, doc: &'static str) -> Tool {
    Tool {
        name,
        doc,
        read_only: false,
        status: ToolStatus::Retired(instead),
    }
}

pub static TOOLS: &[Tool] = &[
    t(
        "Agent",
        false,
        "Spawns a subagent with its own context window. `Agent(type, …)` limits which agents it may start (main thread only).",
    ),
    t(
        "Artifact",
        false,
        "Publishes an HTML or Markdown file as a private claude.ai artifact.",
    ),
    t(
        "AskUserQuestion",
        true,
        "Asks the user multiple-choice questions. Never available to subagents.",
    ),
    t(
        "Bash",
        false,
        "Executes shell commands. Rules: `Bash(npm run *)`, legacy prefix form `Bash(git diff:*)`.",
    ),
    t("CronCreate", false, "Creates a session-scoped scheduled prompt."),
    t("CronDelete", false, "Cancels a scheduled prompt."),
    t("CronList", true, "Lists scheduled prompts."),
    t(
        "Edit",
        false,
        "Makes targeted edits to files. Rules: `Edit(path glob)` (also covers Write and NotebookEdit).",
    ),
    t(
        "EndConversation",
        false,
        "Ends the session. Never available to subagents.",
    ),
    t(
        "EnterPlanMode",
        true,
        "Switches to plan mode. Never available to subagents.",
    ),
    t("EnterWorktree", false, "Creates or enters a git worktree."),
    t(
        "ExitPlanMode",
        true,
        "Presents a plan and leaves plan mode. Available to a subagent only with `permissionMode: plan`.",
    ),
    t("ExitWorktree", false, "Leaves the worktree session."),
    t("Glob", true, "Finds files by name pattern."),
    t("Grep", true, "Searches file contents."),
    t("ListAgents", true, "Lists agents reachable with SendMessage."),
    t("ListMcpResourcesTool", true, "Lists the resources of MCP servers."),
    t("LSP", true, "Code intelligence through language servers."),
    t(
        "Monitor",
        false,
        "Runs a background command and streams its output lines as events.",
    ),
    t("NotebookEdit", false, "Modifies Jupyter notebook cells."),
    t(
        "PowerShell",
        false,
        "Executes PowerShell commands. Rules: `PowerShell(…)`.",
    ),
    t("PushNotification", false, "Sends a desktop or phone notification."),
    t(
        "Read",
        true,
        "Reads files. Rules: `Read(path glob)` (also covers Grep, Glob and LSP).",
    ),
    t("ReadMcpResourceTool", true, "Reads an MCP resource by URI."),
    t("RemoteTrigger", false, "Manages claude.ai routines (`/schedule`)."),
    t("ReportFindings", true, "Reports structured code-review findings."),
    t(
        "ScheduleWakeup",
        false,
        "Reschedules a self-paced `/loop`. Never available to subagents.",
    ),
    t("SendFeedback", false, "Drafts a local feedback report."),
    t(
        "SendMessage",
        false,
        "Messages a teammate, resumes a subagent or another session.",
    ),
    t("SendUserFile", false, "Sends files to the user's device."),
    t(
        "ShareOnboardingGuide",
        false,
        "Uploads ONBOARDING.md and returns a share link.",
    ),
    t(
        "Skill",
        false,
        "Runs a skill in the main conversation. Rules: `Skill(name *)`.",
    ),
    t(
        "SubagentHandback",
        false,
        "Report channel some subagents use to hand results back.",
    ),
    t("TaskCreate", false, "Creates an entry in the task list."),
    t("TaskGet", true, "Reads an entry of the task list."),
    t("TaskList", true, "Lists the task list."),
    t(
        "TaskOutput",
        true,
        "Reads the output of a background task (deprecated in favour of `Read` on its output file).",
    ),
    t("TaskStop", false, "Stops a background task or teammate."),
    t("TaskUpdate", false, "Updates an entry of the task list."),
    t(
        "TodoWrite",
        false,
        "Session checklist (off by default in favour of the Task* tools).",
    ),
    t("ToolSearch", true, "Loads deferred tools when tool search is on."),
    t(
        "WaitForMcpServers",
        true,
        "Waits for MCP servers that are still connecting. Never available to subagents.",
    ),
    t(
        "WebFetch",
        true,
        "Fetches a URL. Rules: `WebFetch(domain:example.com)`.",
    ),
    t("WebSearch", true, "Searches the web. Takes no rule specifier."),
    t(
        "Workflow",
        false,
        "Runs a dynamic multi-subagent workflow. Never available to subagents.",
    ),
    t("Write", false, "Creates or overwrites files."),
    alias("Task", "Agent"),
    alias("KillShell", "TaskStop"),
    alias("BashOutputTool", "TaskOutput"),
    alias("AgentOutputTool", "TaskOutput"),
    retired(
        "MultiEdit",
        "Edit",
        "Made several edits to one file; removed from Claude Code.",
    ),
    retired("LS", "Glob", "Listed a directory; removed from Claude Code."),
    retired("NotebookRead", "Read", "Read a notebook; `Read` reads notebooks now."),
    retired("SlashCommand", "Skill", "Ran slash commands; folded into `Skill`."),
    retired(
        "TeamCreate",
        "SendMessage",
        "Created an agent team; removed around Claude Code 2.1.180.",
    ),
    retired(
        "TeamDelete",
        "SendMessage",
        "Deleted an agent team; removed around Claude Code 2.1.180.",
    ),
    retired(
        "BashOutput",
        "TaskOutput",
        "Read background shell output; only `BashOutputTool` is still mapped (to `TaskOutput`).",
    ),
];

/// Tools a subagent never gets, even when its `tools` lists them (docs/format-sources.md §1,
/// "Tools a subagent never gets"; `ExitPlanMode` is the exception with `permissionMode: plan`).
pub static NEVER_IN_SUBAGENTS: &[&str] = &[
    "AskUserQuestion",
    "EndConversation",
    "EnterPlanMode",
    "ExitPlanMode",
    "ScheduleWakeup",
    "WaitForMcpServers",
    "Workflow",
];

pub fn lookup(name: &str) -> Option<&'static Tool> {
    TOOLS.iter().find(|t| t.name == name)
}

/// Names a user can be pointed to (current tools and working aliases).
pub fn suggestable() -> impl Iterator<Item = &'static str> {
    TOOLS
        .iter()
        .filter(|t| !matches!(t.status, ToolStatus::Retired(_)))
        .map(|t| t.name)
}

/// A permission-rule form offered after `Tool(` (formats.md §6, docs/format-sources.md §1
/// "Specifier grammar", from the Claude Code tools reference).
#[derive(Debug)]
pub struct RuleForm {
    pub tool: &'static str,
    /// What goes between the parentheses.
    pub specifier: &'static str,
    pub doc: &'static str,
}

const fn rule(tool: &'static str, specifier: &'static str, doc: &'static str) -> RuleForm {
    RuleForm { tool, specifier, doc }
}

pub static RULE_FORMS: &[RuleForm] = &[
    rule(
        "Bash",
        "git diff *",
        "Commands starting with `git diff` (glob form: `*` matches any rest of the command).",
    ),
    rule(
        "Bash",
        "git diff:*",
        "Legacy prefix form: commands starting with `git diff`.",
    ),
    rule("Bash", "npm run *", "Any `npm run` script. Also applies to `Monitor`."),
    rule(
        "PowerShell",
        "Get-ChildItem *",
        "PowerShell commands matching the glob.",
    ),
    rule(
        "Read",
        "./src/**",
        "Files under `src/`, relative to the working directory. Also covers Grep, Glob and LSP.",
    ),
    rule(
        "Edit",
        "/docs/**",
        "Files under `docs/` at the project root. Also covers Write and NotebookEdit.",
    ),
    rule(
        "Edit",
        "./src/**",
        "Files under `src/`, relative to the working directory.",
    ),
    rule("WebFetch", "domain:example.com", "Fetches from this domain only."),
    rule("Skill", "deploy *", "The `deploy` skill with any arguments."),
    rule(
        "Agent",
        "Explore",
        "Only the `Explore` agent type may be spawned (honoured for the main thread, ignored inside subagents).",
    ),
    rule(
        "Agent",
        "Explore, Plan",
        "Only these agent types may be spawned (main thread only).",
    ),
];
