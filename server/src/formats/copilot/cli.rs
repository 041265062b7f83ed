//! The GitHub Copilot CLI reads the same custom agent files as VS Code, by rules of its own:
//! what makes it skip one, as recorded with `truth record --tool copilot-cli`
//! (`truth/recorded/copilot-cli@1.0.102.jsonl`, cases `mutation/copilot-cli/*`; the log line
//! it writes for each is quoted below). VS Code loads every one of these files.
//! docs/format-sources.md, "GitHub Copilot CLI 1.0.102", has the rest of what was found.

use crate::formats::Effect;
use crate::formats::OtherReader;
use crate::formats::skills_by_tool::{Evidence, SkillCause, SkillDrop, Want};

/// The release the recording was made with (`truth/tools.toml`; a test in `truth/` keeps the
/// two equal).
pub const COPILOT_CLI_VERSION: &str = "GitHub Copilot CLI 1.0.102";

const fn skips(cause: SkillCause, evidence: &'static str) -> SkillDrop {
    SkillDrop {
        cause,
        effect: Effect::NotLoaded,
        evidence,
    }
}

pub static AGENTS: OtherReader = OtherReader {
    tool: "copilot-cli",
    name: "the GitHub Copilot CLI",
    evidence: Evidence::Recorded {
        version: COPILOT_CLI_VERSION,
        cases: "`mutation/copilot-cli/location/*`, `front-matter/*`",
    },
    // `.github/agents/` at any depth (`team/x.agent.md` is the agent `team--x`), any `.md`
    // there (`x.md`, even `x.chatmode.md`), and `~/.copilot/agents/`. Not `.github-private/`,
    // `.agents/agents/`, `.github/chatmodes/` or a `*.agent.md` elsewhere (`location/*`).
    dirs: &[&[".github", "agents"], &[".copilot", "agents"]],
    // Its schema checks the type of every key it knows and skips the file on a mismatch; of the
    // sub-keys, `github.permissions` and an MCP server's `args` are modelled here, the hook
    // events and actions are not.
    drops: &[
        skips(
            SkillCause::DescriptionMissing,
            "`front-matter/description-missing`: \"custom agent markdown frontmatter is malformed: description: Required\"",
        ),
        skips(
            SkillCause::WrongType("description", Want::Text),
            "`front-matter/description-number`: \"description: Expected string, received number\"",
        ),
        skips(
            SkillCause::WrongType("name", Want::Text),
            "`mutation/vscode/agent/value-name-number`: \"name: Expected string, received number\"",
        ),
        skips(
            SkillCause::WrongType("tools", Want::TextOrTexts),
            "`front-matter/tools-number`: \"tools: Expected array, received number\"; `mutation/vscode/agent/tools-map-item`: \"tools: 0: Expected string, received object\"",
        ),
        skips(
            SkillCause::WrongType("model", Want::TextOrSomeTexts),
            "`mutation/vscode/agent/model-list-map-item`: \"model: 0: Expected string, received object\"; `model-list-empty-item` (`['', 'GPT-5']`): \"model: Expected a non-empty list of model names\"",
        ),
        skips(
            SkillCause::WrongType("infer", Want::Bool),
            "`mutation/vscode/agent/value-infer-hidden`: \"infer: Expected boolean, received string\"",
        ),
        skips(
            SkillCause::WrongType("user-invocable", Want::Bool),
            "\"user-invocable: Expected boolean, received string\"",
        ),
        skips(
            SkillCause::WrongType("disable-model-invocation", Want::Bool),
            "\"disable-model-invocation: Expected boolean, received string\"",
        ),
        skips(
            SkillCause::WrongType("reasoning-effort", Want::Text),
            "\"reasoning-effort: Expected string, received object\"",
        ),
        skips(
            SkillCause::WrongType("github", Want::Map),
            "`mutation/vscode/agent/value-github-string`: \"github: Expected object, received string\"",
        ),
        skips(
            SkillCause::WrongType("mcp-servers", Want::MapOrBlank),
            "`mutation/vscode/agent/value-mcp-servers-list`: \"mcp-servers: Expected object, received array\"; left blank it loads (`empty-mcp-servers`)",
        ),
        skips(
            SkillCause::WrongType("github.permissions", Want::Map),
            "`mutation/vscode/agent/value-github-permissions-string`: \"github.permissions: Expected object, received string\"",
        ),
        skips(
            SkillCause::EntryNeeds {
                key: "mcp-servers",
                with: "command",
                needs: "args",
            },
            "`mutation/vscode/agent/key-mcp-servers`, `fixture/copilot-agent/remote`: \"mcp-servers.docs.args: Required\" for a server with `command` and no `args`",
        ),
        skips(
            SkillCause::WrongType("hooks", Want::Map),
            "`mutation/vscode/agent/value-hooks-string`: \"hooks: hooks must be an object\"",
        ),
        skips(
            SkillCause::NoFrontMatter,
            "`front-matter/none`: \"missing or malformed YAML frontmatter\"",
        ),
        skips(
            SkillCause::LibyamlError,
            "`front-matter/unclosed-quote`, `yaml-mapping-in-value`: \"failed to parse YAML frontmatter: …\"; a `]` at the key's indentation loads (`mutation/vscode/agent/yaml-flow-list-closing-at-key-indent`)",
        ),
        skips(
            SkillCause::DuplicateKey,
            "`mutation/vscode/agent/duplicate-*`: \"failed to parse YAML frontmatter: duplicate entry with key …\"",
        ),
    ],
};
