//! GitHub Copilot files in VS Code and on github.com: custom agents (`*.agent.md`,
//! `.github/agents/*.md`), chat modes (`*.chatmode.md`, the legacy name of agents), prompt
//! files (`*.prompt.md`) and instructions (`*.instructions.md`, `copilot-instructions.md`).
//! Sources: VS Code docs "Custom agent file reference", "Prompt files", "Custom instructions";
//! VS Code's own validator `promptValidator.ts` (microsoft/vscode, `src/vs/workbench/contrib/
//! chat/common/promptSyntax/languageProviders/`, read at 01a59900 on 2026-11-25); formats.md §10;
//! docs/format-sources.md §9.

use super::claude_agent::{c, f};
use super::{BodySyntax, Choice, Field, Format, Kind, NameMatch, PathRule, ValueKind, Vocab};

static TARGETS: &[Choice] = &[
    c("vscode", "Runs in VS Code chat (local)."),
    c(
        "github-copilot",
        "Runs as a Copilot cloud agent on github.com; VS Code-only keys are ignored.",
    ),
];

const NAME: Field = f(
    "name",
    ValueKind::Text,
    false,
    "Display name, shown in the agent picker. Defaults to the file name.",
);
const DESCRIPTION: Field = f(
    "description",
    ValueKind::Text,
    false,
    "What it is for; shown in the picker and read when choosing a subagent.",
);
const TOOLS: Field = f(
    "tools",
    ValueKind::Tools,
    false,
    "A list of tools and tool sets: built-in names (`search/codebase`, `edit`), `server/*` for every tool of an MCP server, or extension tools. Omitted: the default tools.",
);
const MODEL: Field = f(
    "model",
    ValueKind::Models,
    false,
    "The model by its picker name (`Claude Sonnet 4.5`, `GPT-5 (copilot)`), or a list tried in order. Omitted: the model selected in the picker.",
);
const ARGUMENT_HINT: Field = f(
    "argument-hint",
    ValueKind::Text,
    false,
    "Hint shown in the chat input for what to type.",
);

const AGENT_FIELDS: &[Field] = &[
    DESCRIPTION,
    NAME,
    TOOLS,
    MODEL,
    ARGUMENT_HINT,
    f(
        "target",
        ValueKind::OneOf(TARGETS),
        false,
        "Where the agent runs: `vscode` or `github-copilot`. Omitted: both.",
    ),
    f(
        "handoffs",
        ValueKind::Handoffs,
        false,
        "Buttons offered after a response to continue with another agent: a list of `{label, agent, prompt, send?, showContinueOn?}`.",
    ),
    f(
        "agents",
        ValueKind::StringOrList,
        false,
        "Custom agents this one may run as subagents (`*` for all, `[]` for none); needs the `agent` tool in `tools`.",
    ),
    f(
        "user-invocable",
        ValueKind::Bool,
        false,
        "`false` hides the agent from the picker: only other agents can run it.",
    ),
    f(
        "disable-model-invocation",
        ValueKind::Bool,
        false,
        "`true`: other agents cannot run it as a subagent.",
    ),
    f(
        "infer",
        ValueKind::Text,
        false,
        "Deprecated: use `user-invocable` and `disable-model-invocation`. A boolean, or `all`, `user`, `agent`, `hidden`.",
    ),
    f(
        "mcp-servers",
        ValueKind::Mapping,
        false,
        "MCP servers for the agent on github.com (`target: github-copilot`).",
    ),
    f(
        "hooks",
        ValueKind::Mapping,
        false,
        "Hooks scoped to this agent (preview, VS Code).",
    ),
    f(
        "metadata",
        ValueKind::StringMap,
        false,
        "Extra properties as text keys and values (github.com).",
    ),
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
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: "VS Code",
    vocab: Vocab::Copilot,
    body_syntax: COPILOT_BODY,
    kind: Kind::Agent,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    fields: AGENT_FIELDS,
};

pub static CHATMODE: Format = Format {
    id: "copilot-chatmode",
    name: "Copilot chat mode",
    noun: "chat mode",
    docs_url: "https://code.visualstudio.com/docs/agents/reference/custom-agent-file-reference",
    strong_paths: &[PathRule::Suffix(".chatmode.md")],
    ..AGENT
};

pub static PROMPT: Format = Format {
    id: "copilot-prompt",
    name: "Copilot prompt file",
    noun: "prompt file",
    docs_url: "https://code.visualstudio.com/docs/copilot/customization/prompt-files",
    strong_paths: &[PathRule::Suffix(".prompt.md")],
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    fields: &[
        DESCRIPTION,
        NAME,
        ARGUMENT_HINT,
        f(
            "agent",
            ValueKind::Text,
            false,
            "The agent that runs the prompt: `ask`, `edit`, `agent` (the default), `plan`, or a custom agent's name.",
        ),
        f("mode", ValueKind::Text, false, "Deprecated name of `agent`."),
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
    vocab: Vocab::None,
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    fields: &[
        f(
            "applyTo",
            ValueKind::Globs,
            false,
            "Files the instructions apply to: a glob or comma-separated globs relative to the workspace (`**/*.ts,**/*.tsx`). Omitted: applied only when attached by hand or chosen from `description`.",
        ),
        DESCRIPTION,
        NAME,
        f(
            "excludeAgent",
            ValueKind::StringOrList,
            false,
            "Agents on github.com that should not use these instructions: `code-review` or `coding-agent`.",
        ),
    ],
    ..AGENT
};

/// Agents VS Code ships, which a prompt's `agent` or a handoff may name without a file.
pub const BUILTIN_AGENTS: &[&str] = &["agent", "ask", "edit", "plan"];

/// What each built-in agent does, for completion and hover of a prompt's `agent`.
pub static BUILTIN_AGENT_DOCS: &[Choice] = &[
    c(
        "agent",
        "Agent mode (the default): plans and makes changes with tools, runs commands, iterates.",
    ),
    c("ask", "Answers questions about the code; makes no changes."),
    c("edit", "Edits the files in the working set; runs no commands."),
    c("plan", "Researches and writes a step-by-step plan before any change."),
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
