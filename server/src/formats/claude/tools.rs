//! Claude Code's tool names, as used in `tools`, `disallowedTools` and `allowed-tools`.
//! Sources: the tool-name and alias tables of Claude Code 2.1.332, and what it did with a
//! subagent listing each name alone (truth/recorded/claude-code@2.1.332.jsonl, cases
//! `mutation/claude-agent/tool/*`): which names resolve in a plain `claude -p` session, which it
//! maps to another tool, which it does not recognise. Docs: "Tools reference" and "Create
//! custom subagents"; see docs/format-sources.md §1. A test keeps this table and the recording
//! equal.

// The entry types are those of the catalog shape (`formats::product`), under the names
// this module gave them before products were values.
pub use crate::formats::product::{RuleAvailability as Availability, RuleForm, RuleTool as Tool, ToolStatus};

const fn t(name: &'static str, read_only: bool, doc: &'static str) -> Tool {
    Tool {
        name,
        doc,
        read_only,
        status: ToolStatus::Current,
        availability: Availability::Always,
    }
}

/// A tool that only some sessions have.
const fn some(name: &'static str, read_only: bool, doc: &'static str) -> Tool {
    Tool {
        availability: Availability::Sometimes,
        ..t(name, read_only, doc)
    }
}

/// A search tool an agent with Bash does not get.
const fn not_beside_bash(name: &'static str, read_only: bool, doc: &'static str) -> Tool {
    Tool {
        availability: Availability::NotBesideBash,
        ..t(name, read_only, doc)
    }
}

/// A tool a subagent never gets.
const fn main_only(name: &'static str, read_only: bool, doc: &'static str) -> Tool {
    Tool {
        availability: Availability::NotInSubagents,
        ..t(name, read_only, doc)
    }
}

const fn alias(name: &'static str, to: &'static str) -> Tool {
    Tool {
        name,
        doc: "",
        read_only: false,
        status: ToolStatus::Alias(to),
        availability: Availability::Always,
    }
}

const fn retired(name: &'static str, instead: &'static str, doc: &'static str) -> Tool {
    Tool {
        name,
        doc,
        read_only: false,
        status: ToolStatus::Retired(instead),
        availability: Availability::Always,
    }
}

pub static TOOLS: &[Tool] = &[
    t(
        "Agent",
        false,
        "Spawns a subagent with its own context window. `Agent(type, …)` limits which agents it may start (main thread only).",
    ),
    some(
        "Artifact",
        false,
        "Publishes an HTML or Markdown file as a private claude.ai artifact (signed-in sessions).",
    ),
    some(
        "AskUserQuestion",
        true,
        "Asks the user multiple-choice questions (interactive sessions). Never available to subagents.",
    ),
    t(
        "Bash",
        false,
        "Executes shell commands. Rules: `Bash(npm run *)`, legacy prefix form `Bash(git diff:*)`.",
    ),
    some(
        "ClaudeDesign",
        false,
        "Works on a Claude Design project (connected sessions).",
    ),
    t("CronCreate", false, "Creates a session-scoped scheduled prompt."),
    t("CronDelete", false, "Cancels a scheduled prompt."),
    t("CronList", true, "Lists scheduled prompts."),
    t(
        "Edit",
        false,
        "Makes targeted edits to files. Rules: `Edit(path glob)` (also covers Write and NotebookEdit).",
    ),
    some(
        "EndConversation",
        false,
        "Ends the session (interactive sessions). Never available to subagents.",
    ),
    some(
        "EnterPlanMode",
        true,
        "Switches to plan mode (interactive sessions). Never available to subagents.",
    ),
    t("EnterWorktree", false, "Creates or enters a git worktree."),
    some(
        "ExitPlanMode",
        true,
        "Presents a plan and leaves plan mode. A subagent gets it only with `permissionMode: plan`.",
    ),
    t("ExitWorktree", false, "Leaves the worktree session."),
    not_beside_bash(
        "Glob",
        true,
        "Finds files by name pattern. Withheld from an agent that has Bash (it runs `find` there).",
    ),
    not_beside_bash(
        "Grep",
        true,
        "Searches file contents. Withheld from an agent that has Bash (it runs `grep` there).",
    ),
    t("ListAgents", true, "Lists agents reachable with SendMessage."),
    some(
        "ListMcpResourcesTool",
        true,
        "Lists the resources of MCP servers (sessions with an MCP server).",
    ),
    some(
        "LSP",
        true,
        "Code intelligence through language servers (sessions with one configured).",
    ),
    t(
        "Monitor",
        false,
        "Runs a background command and streams its output lines as events.",
    ),
    t("NotebookEdit", false, "Modifies Jupyter notebook cells."),
    some(
        "OfferChromeSetup",
        false,
        "Offers to set up Claude in Chrome (interactive sessions).",
    ),
    some(
        "PowerShell",
        false,
        "Executes PowerShell commands (Windows). Rules: `PowerShell(…)`.",
    ),
    some("Projects", false, "Reads claude.ai projects (signed-in sessions)."),
    some(
        "propose_skills",
        false,
        "Proposes new skills from the session (signed-in sessions).",
    ),
    some(
        "PushNotification",
        false,
        "Sends a desktop or phone notification (Remote Control).",
    ),
    t(
        "Read",
        true,
        "Reads files. Rules: `Read(path glob)` (also covers Grep, Glob and LSP).",
    ),
    some(
        "ReadMcpResourceDirTool",
        true,
        "Lists an MCP resource directory (sessions with an MCP server).",
    ),
    some(
        "ReadMcpResourceTool",
        true,
        "Reads an MCP resource by URI (sessions with an MCP server).",
    ),
    some(
        "ReadNotifications",
        true,
        "Reads pending notifications (connected sessions).",
    ),
    some(
        "RemoteTrigger",
        false,
        "Manages claude.ai routines (`/schedule`; signed-in sessions).",
    ),
    t("ReportFindings", true, "Reports structured code-review findings."),
    main_only(
        "ScheduleWakeup",
        false,
        "Reschedules a self-paced `/loop`. Never available to subagents.",
    ),
    some(
        "SendFeedback",
        false,
        "Drafts a local feedback report (interactive sessions).",
    ),
    t(
        "SendMessage",
        false,
        "Messages a teammate, resumes a subagent or another session.",
    ),
    some(
        "SendUserFile",
        false,
        "Sends files to the user's device (Remote Control, cloud).",
    ),
    some(
        "SendUserMessage",
        false,
        "Sends a message to the user's device (Remote Control, cloud).",
    ),
    some("SetGoal", false, "Sets the session's goal (interactive sessions)."),
    some(
        "ShareOnboardingGuide",
        false,
        "Uploads ONBOARDING.md and returns a share link (signed-in sessions).",
    ),
    some(
        "ShowOnboardingRolePicker",
        false,
        "Shows the onboarding role picker (interactive sessions).",
    ),
    t(
        "Skill",
        false,
        "Runs a skill in the main conversation. Rules: `Skill(name *)`.",
    ),
    some(
        "SubagentHandback",
        false,
        "Report channel some built-in subagents use to hand results back.",
    ),
    some(
        "TaskCreate",
        false,
        "Creates an entry in the task list (when the task list is on).",
    ),
    some(
        "TaskGet",
        true,
        "Reads an entry of the task list (when the task list is on).",
    ),
    some("TaskList", true, "Lists the task list (when the task list is on)."),
    t("TaskStop", false, "Stops a background task or teammate."),
    some(
        "TaskUpdate",
        false,
        "Updates an entry of the task list (when the task list is on).",
    ),
    some(
        "TodoWrite",
        false,
        "Session checklist (off by default in favour of the Task* tools).",
    ),
    some(
        "ToolSearch",
        true,
        "Loads deferred tools when tool search is on. An agent gets it only with tools to defer: listed with none, it is dropped.",
    ),
    some(
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
    main_only(
        "Workflow",
        false,
        "Runs a dynamic multi-subagent workflow. Never available to subagents.",
    ),
    t("Write", false, "Creates or overwrites files."),
    alias("Task", "Agent"),
    alias("KillShell", "TaskStop"),
    alias("KillBash", "TaskStop"),
    alias("ListPeers", "ListAgents"),
    alias("Brief", "SendUserMessage"),
    alias("ListMcpResources", "ListMcpResourcesTool"),
    alias("ReadMcpResource", "ReadMcpResourceTool"),
    alias("ReadMcpResourceDir", "ReadMcpResourceDirTool"),
    alias("ProposeGoal", "SetGoal"),
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
        "TaskOutput",
        "Read",
        "Read the output of a background task; removed in favour of `Read` on its output file.",
    ),
    retired(
        "BashOutput",
        "Read",
        "Read background shell output; removed in favour of `Read` on the task's output file.",
    ),
    retired(
        "BashOutputTool",
        "Read",
        "Old name of `TaskOutput`, which was removed; `Read` the task's output file.",
    ),
    retired(
        "AgentOutputTool",
        "Read",
        "Old name of `TaskOutput`, which was removed; `Read` the task's output file.",
    ),
];

/// Tools a subagent never gets, even when its `tools` lists them (`ExitPlanMode` is the
/// exception with `permissionMode: plan`).
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

/// The tool a name stands for: itself, or the tool an alias maps to.
pub fn resolve(name: &str) -> Option<&'static Tool> {
    let t = lookup(name)?;
    match t.status {
        ToolStatus::Alias(to) => lookup(to),
        _ => Some(t),
    }
}

/// Names a user can be pointed to (current tools and working aliases).
pub fn suggestable() -> impl Iterator<Item = &'static str> {
    TOOLS
        .iter()
        .filter(|t| !matches!(t.status, ToolStatus::Retired(_)))
        .map(|t| t.name)
}

/// Whether a name surely resolves to nothing for a subagent, in any session: not a tool,
/// retired, or one subagents never get.
pub fn never_resolves_in_subagents(name: &str) -> bool {
    match resolve(name) {
        None => true,
        Some(t) => {
            matches!(t.status, ToolStatus::Retired(_))
                || t.availability == Availability::NotInSubagents
                || NEVER_IN_SUBAGENTS.contains(&t.name) && t.name != "ExitPlanMode"
        }
    }
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
