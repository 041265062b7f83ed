//! GitHub Copilot files in VS Code and on github.com: custom agents (`*.agent.md`,
//! `.github/agents/*.md`), chat modes (`*.chatmode.md`, the legacy name of agents), prompt
//! files (`*.prompt.md`) and instructions (`*.instructions.md`, `copilot-instructions.md`).
//!
//! Every fact here is what VS Code 1.139.1 (code-server 4.139.1, with its built-in Copilot Chat
//! 0.67.0) did, recorded in `truth/recorded/code-server@4.139.1.json` and judged by `truth/`:
//! the keys each file type supports (its "Attribute 'K' is not supported… Supported: …"
//! messages), what its validator reports as an error (a wrong type, an empty `name`, `infer`,
//! a `target` outside its set), and how it reads the header (its own parser, ported in
//! `syntax::vscode_yaml`). Where the validator's rules were read in VS Code's shipped code
//! (`promptValidator`, in `out/vs/code/browser/workbench/workbench.js`), a recorded case shows
//! each of them. docs/format-sources.md, "VS Code 1.139.1", lists the cases.

pub mod cli;
pub mod models;
pub mod tools;

use super::claude_agent::{c, f};
use super::product::{AgentPicker, AgentsElsewhere, BuiltinAgent, Models, PickerModels, Product, SetTools, Tools};
use super::{
    BodySyntax, Choice, Effect, Field, Format, HookSchema, Kind, NameMatch, PathRule, Permission, Scope, ValueKind,
};

/// `target`'s values; `github-copilot` runs the agent as a Copilot agent on github.com, where
/// other keys count ([`Scope`]).
static TARGETS: &[Choice] = &[
    c("vscode", "Runs in VS Code chat (local)."),
    c(
        "github-copilot",
        "Runs as a Copilot agent on github.com; VS Code then supports only `name`, `description`, `tools`, `target`, `model`, `reasoning-effort`, `mcp-servers`, `github` and `infer`.",
    ),
];

/// The remote target, for messages.
pub const REMOTE_TARGET: &str = "github-copilot";

/// A field as VS Code's validator treats it: a value of the wrong type is an error marker.
const fn v(key: &'static str, value: ValueKind, doc: &'static str) -> Field {
    Field {
        on_bad: Effect::Rejected,
        ..f(key, value, false, doc)
    }
}

const fn unchecked_remotely(field: Field) -> Field {
    Field {
        checked_remotely: false,
        ..field
    }
}

const fn local(field: Field) -> Field {
    Field {
        scope: Scope::Local,
        ..field
    }
}

const NAME: Field = Field {
    on_empty: Some(Effect::Rejected),
    ..v(
        "name",
        ValueKind::Scalar,
        "Display name, shown in the picker. Defaults to the file name. VS Code reports an empty one, or one that is not text, as an error.",
    )
};
const DESCRIPTION: Field = Field {
    on_empty: Some(Effect::Rejected),
    ..v(
        "description",
        ValueKind::Scalar,
        "What it is for; shown in the picker and read when choosing a subagent. VS Code reports an empty one, or one that is not text, as an error.",
    )
};
const TOOLS: Field = v(
    "tools",
    ValueKind::Tools,
    "A list of tools and tool sets (or one comma-separated string): built-in names (`search/codebase`, `edit`), `server/*` for every tool of an MCP server, extension tools (`publisher.extension/tool`), or your own tool sets. Omitted: the default tools.",
);
const MODEL: Field = Field {
    checked_remotely: false,
    ..v(
        "model",
        ValueKind::Models,
        "The model by its qualified picker name (`Claude Sonnet 4.5 (copilot)`), or a list tried in order. VS Code checks it against the models your sign-in and model extensions provide. Omitted: the model selected in the picker.",
    )
};
const ARGUMENT_HINT: Field = Field {
    on_empty: Some(Effect::Ignored),
    ..v(
        "argument-hint",
        ValueKind::Scalar,
        "Hint shown in the chat input for what to type. It must be text: VS Code reports a list as an error.",
    )
};

/// VS Code's hook events for agents that run locally, and a hook command's keys (its
/// `validateHooks`).
static HOOKS_LOCAL: HookSchema = HookSchema {
    events: &[
        "SessionStart",
        "SessionEnd",
        "UserPromptSubmit",
        "PreToolUse",
        "PostToolUse",
        "PreCompact",
        "SubagentStart",
        "SubagentStop",
        "Stop",
        "ErrorOccurred",
    ],
    keys: &[
        "type",
        "command",
        "windows",
        "linux",
        "osx",
        "bash",
        "powershell",
        "cwd",
        "env",
        "timeout",
    ],
    runs: &["command", "windows", "linux", "osx", "bash", "powershell"],
    numbers: &["timeout"],
    remote: Some(&HOOKS_REMOTE),
};

/// The same for `target: github-copilot`, which names events and keys its own way.
static HOOKS_REMOTE: HookSchema = HookSchema {
    events: &[
        "sessionStart",
        "sessionEnd",
        "userPromptSubmitted",
        "preToolUse",
        "postToolUse",
        "agentStop",
        "subagentStop",
        "errorOccurred",
    ],
    keys: &["type", "bash", "powershell", "cwd", "env", "timeoutSec"],
    runs: &["bash", "powershell"],
    numbers: &["timeoutSec"],
    remote: None,
};

/// `github: permissions:` scopes and the access each takes (VS Code's validator).
static GITHUB_PERMISSIONS: &[Permission] = &[
    Permission {
        scope: "actions",
        values: &["read", "write", "none"],
    },
    Permission {
        scope: "checks",
        values: &["read", "none"],
    },
    Permission {
        scope: "contents",
        values: &["read", "write", "none"],
    },
    Permission {
        scope: "discussions",
        values: &["read", "write", "none"],
    },
    Permission {
        scope: "issues",
        values: &["read", "write", "none"],
    },
    Permission {
        scope: "metadata",
        values: &["read"],
    },
    Permission {
        scope: "pull-requests",
        values: &["read", "write", "none"],
    },
    Permission {
        scope: "security-events",
        values: &["read", "none"],
    },
    Permission {
        scope: "workflows",
        values: &["write", "none"],
    },
];

/// The keys of an agent (and a chat mode, which VS Code reads as an agent), in the order of
/// VS Code's list.
const AGENT_FIELDS: &[Field] = &[
    DESCRIPTION,
    NAME,
    TOOLS,
    MODEL,
    local(ARGUMENT_HINT),
    Field {
        on_empty: Some(Effect::Rejected),
        ..v(
            "target",
            ValueKind::Target {
                choices: TARGETS,
                remote: REMOTE_TARGET,
            },
            "Where the agent runs: `vscode` or `github-copilot`. Omitted: both. VS Code reports any other value as an error.",
        )
    },
    unchecked_remotely(local(v(
        "handoffs",
        ValueKind::Handoffs,
        "Buttons offered after a response to continue with another agent: a list of `{label, agent, prompt}` with optional `send`, `showContinueOn` and `model`.",
    ))),
    unchecked_remotely(local(v(
        "agents",
        ValueKind::AgentNames { tool: "agent" },
        "Custom agents this one may run as subagents (`['*']` for all, `[]` for none); needs the `agent` tool in `tools`. VS Code reports a string, even `'*'`, as an error.",
    ))),
    local(v(
        "user-invocable",
        ValueKind::PlainBool,
        "`false` hides the agent from the picker: only other agents can run it. Only the plain words `true` and `false` count.",
    )),
    local(v(
        "disable-model-invocation",
        ValueKind::PlainBool,
        "`true`: other agents cannot run it as a subagent. Only the plain words `true` and `false` count.",
    )),
    v(
        "infer",
        ValueKind::Any,
        "Deprecated: VS Code reports it as an error; use `user-invocable` and `disable-model-invocation`.",
    ),
    v(
        "reasoning-effort",
        ValueKind::Any,
        "How much the model reasons before answering, for models that take it (VS Code does not check the value).",
    ),
    local(v(
        "advancedOptions",
        ValueKind::Any,
        "Extra options of the agent (VS Code reads the key and does not check its value).",
    )),
    v(
        "github",
        ValueKind::Permissions(GITHUB_PERMISSIONS),
        "GitHub access of the agent: `permissions:` with scopes (`contents`, `issues`, `pull-requests`…) set to `read`, `write` or `none`.",
    ),
    local(v(
        "hooks",
        ValueKind::Hooks(&HOOKS_LOCAL),
        "Hooks scoped to this agent: event names (`PreToolUse`, `PostToolUse`…) with lists of `{type: command, command: …}`.",
    )),
    Field {
        scope: Scope::Remote,
        ..v(
            "mcp-servers",
            ValueKind::Any,
            "MCP servers for the agent on github.com (`target: github-copilot`); VS Code ignores the key when the agent runs locally.",
        )
    },
];

/// Agents, chat modes, prompt files and instructions share one body parser in VS Code
/// (`PromptBody` in `src/vs/workbench/contrib/chat/common/promptSyntax/promptFileParser.ts`,
/// microsoft/vscode commit 01a59900, read 2026-11-25): `#file:path` is a file reference, and
/// `resolveFilePath` joins a relative path to the folder of the file that contains it (no
/// workspace-root fallback; `/abs` and `scheme:/` paths are taken as they are). Found with the
/// `search` tool on 2026-11-25; see docs/format-sources.md §9.
const COPILOT_BODY: BodySyntax = BodySyntax {
    file_refs: true,
    ..BodySyntax::NONE
};

pub static AGENT: Format = Format {
    id: "copilot-agent",
    name: "Copilot custom agent",
    noun: "agent",
    docs_url: "https://code.visualstudio.com/docs/agents/reference/custom-agent-file-reference",
    strong_paths: &[
        PathRule::Suffix(".agent.md"),
        PathRule::Under(&[".github", "agents"], ".md"),
        // The GitHub Copilot CLI's user-level agents, `.md` or `.agent.md` (recorded).
        PathRule::Under(&[".copilot", "agents"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &PRODUCT,
    body_syntax: COPILOT_BODY,
    kind: Kind::Agent,
    reader: crate::syntax::reader::Reader::VSCODE,
    guard_hooks_outside: &[],
    verified_with: Some(super::VSCODE_VERSION),
    // The GitHub Copilot CLI reads the same files and skips some VS Code loads.
    checks: &[super::Check::ReadBy(&cli::AGENTS)],
    fields: AGENT_FIELDS,
};

pub static CHATMODE: Format = Format {
    id: "copilot-chatmode",
    name: "Copilot chat mode",
    noun: "chat mode",
    docs_url: "https://code.visualstudio.com/docs/agents/reference/custom-agent-file-reference",
    strong_paths: &[PathRule::Suffix(".chatmode.md")],
    // The Copilot CLI reads no `.github/chatmodes/`.
    checks: &[],
    ..AGENT
};

pub static PROMPT: Format = Format {
    id: "copilot-prompt",
    name: "Copilot prompt file",
    noun: "prompt file",
    docs_url: "https://code.visualstudio.com/docs/copilot/customization/prompt-files",
    strong_paths: &[PathRule::Suffix(".prompt.md")],
    kind: Kind::Other,
    checks: &[],
    fields: &[
        DESCRIPTION,
        NAME,
        ARGUMENT_HINT,
        Field {
            on_empty: Some(Effect::Rejected),
            ..v(
                "agent",
                ValueKind::Scalar,
                "The agent that runs the prompt: `agent` (the default), `ask`, `edit`, or a custom agent's name. `ask` and `edit` run no tools, so VS Code ignores `tools` with them.",
            )
        },
        v(
            "mode",
            ValueKind::Scalar,
            "Deprecated name of `agent`: VS Code reads it as `agent` (and ignores it when `agent` is there too).",
        ),
        MODEL,
        TOOLS,
    ],
    ..AGENT
};

pub static INSTRUCTIONS: Format = Format {
    id: "copilot-instructions",
    name: "Copilot instructions file",
    noun: "instructions file",
    docs_url: "https://code.visualstudio.com/docs/copilot/customization/custom-instructions",
    strong_paths: &[
        PathRule::Suffix(".instructions.md"),
        PathRule::Suffix("/copilot-instructions.md"),
    ],
    kind: Kind::Other,
    checks: &[],
    fields: &[
        v(
            "applyTo",
            ValueKind::CommaGlobs,
            "Files the instructions apply to: one string of globs, comma-separated, relative to the workspace (`**/*.ts,**/*.tsx`). VS Code reports a list, or an empty pattern, as an error. Omitted: applied only when attached by hand or chosen from `description`.",
        ),
        DESCRIPTION,
        NAME,
        v(
            "excludeAgent",
            ValueKind::StringOrList,
            "Agents on github.com that should not use these instructions: `code-review` or `coding-agent`.",
        ),
    ],
    ..AGENT
};

/// VS Code 1.139.1's built-in agents (its "Available agents: agent, ask, edit, …"). `Plan` is
/// not one of them in the recorded setup (signed out: `agent: plan` is "Unknown agent"), so
/// agentls neither offers nor flags it.
pub static BUILTIN: &[BuiltinAgent] = &[
    BuiltinAgent {
        name: "agent",
        doc: "Agent mode (the default): plans and makes changes with tools, runs commands, iterates.",
        runs_tools: true,
    },
    BuiltinAgent {
        name: "ask",
        doc: "Answers questions about the code; makes no changes and runs no tools.",
        runs_tools: false,
    },
    BuiltinAgent {
        name: "edit",
        doc: "Edits the files in the working set; runs no tools.",
        runs_tools: false,
    },
];

/// Variables a prompt file's body may use (VS Code docs "Prompt files": variables), without
/// the `${…}`; `input` takes `:name` and an optional `:placeholder`.
pub static PROMPT_VARIABLES: &[(&str, &str)] = &[
    (
        "input",
        "A value the user types when running the prompt: `${input:name}` asks for `name`, `${input:name:placeholder}` shows a placeholder. Passed on the chat input as `name=value`.",
    ),
    ("selection", "The text selected in the editor."),
    ("selectedText", "The text selected in the editor."),
    ("file", "The path of the file open in the editor."),
    ("fileBasename", "The file name of the file open in the editor."),
    ("fileDirname", "The folder of the file open in the editor."),
    (
        "fileBasenameNoExtension",
        "The file name of the file open in the editor, without its extension.",
    ),
    ("workspaceFolder", "The path of the workspace folder."),
    ("workspaceFolderBasename", "The name of the workspace folder."),
];

pub static PRODUCT: Product = Product {
    name: "VS Code",
    docs_url: "https://code.visualstudio.com/docs/copilot/customization/overview",
    verified_with: Some(super::VSCODE_VERSION),
    no_oracle: None,
    formats: &[&CHATMODE, &PROMPT, &INSTRUCTIONS, &AGENT],
    tools: Tools::Sets(&TOOL_CATALOG),
    models: Models::Picker(&MODEL_CATALOG),
    builtin_agents: BUILTIN,
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent (`agent`, `ask`, `edit`, `plan`)",
        outside: "a user-level agent",
    },
    file_name_names_agent: true,
    one_agent_per_name: false,
    prompt_variables: PROMPT_VARIABLES,
    agent_picker: Some(AgentPicker {
        format: &PROMPT,
        keys: &["agent", "mode"],
    }),
    legacy_format: Some((&CHATMODE, &AGENT)),
    deprecated_keys: &[
        (&PROMPT, "mode", "agent"),
        (&AGENT, "infer", "user-invocable"),
        (&CHATMODE, "infer", "user-invocable"),
    ],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
    skills: Some(&super::skills_by_tool::COPILOT),
    command_naming: None,
    unknown_agent: None,
};

pub static TOOL_CATALOG: SetTools = SetTools {
    tool_sets: tools::TOOL_SETS,
    tools: tools::TOOLS,
    lookup: tools::lookup,
};

pub static MODEL_CATALOG: PickerModels = PickerModels {
    brand: "Copilot",
    models: models::MODELS,
    lookup: models::lookup,
    foreign: &super::claude::PRODUCT,
    from_foreign: models::claude_code_name,
    example: "Claude Sonnet 4.5",
};
