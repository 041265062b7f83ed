//! OpenCode commands (`.opencode/command(s)/**/*.md`, `~/.config/opencode/command(s)/**/*.md`),
//! and the same format at Kilo Code's paths ([`crate::formats::kilo::COMMAND`]).
//!
//! Every fact here was observed with OpenCode 1.18.33 (`truth/recorded/opencode@1.18.33.jsonl`,
//! the `mutation/opencode-command/…` cases; docs/format-sources.md):
//! - The command is named by its path below `command/` or `commands/` without `.md`
//!   (`team/review`), unless the front matter has a `name`, which wins. The body is its
//!   template; a file without a front matter is a command with the whole file as template.
//! - The front matter is read as an agent's is ([`super::agent::READER`]); a value of
//!   the wrong type, an empty one included, makes OpenCode refuse its whole configuration.
//! - Keys it does not know are dropped (not passed on, as an agent's are).
//! - `opencode run --command NAME a b c` sends the template with `$1`, `$2`… replaced by the
//!   arguments, the last placeholder taking the rest, and `$ARGUMENTS` by all of them; a
//!   template without placeholders gets the arguments appended.

use crate::formats::claude_agent::f;
use crate::formats::opencode_agent::strict_as;
use crate::formats::{Arguments, BodySyntax, Field, Format, Kind, NameMatch, PathRule, ValueKind};

/// How OpenCode 1.18.33 fills in a command's arguments (`opencode run --command x alpha beta
/// gamma`, recorded as `mutation/opencode-command/arguments/…`): `$1` is `alpha`, the highest
/// placeholder takes the rest; `$4` with three arguments becomes empty (and `$0` the word
/// `undefined`); no `$ARGUMENTS[N]`; a template without any placeholder gets the arguments
/// appended after a blank line.
pub const ARGUMENTS: Arguments = Arguments {
    first: 1,
    indexed: false,
    appended_when_unused: true,
    last_takes_rest: true,
    missing_becomes_empty: true,
};

/// What a command body may hold: placeholders, `` !`cmd` `` lines run before the prompt is
/// sent, and `@path` files put into the prompt.
pub const BODY_SYNTAX: BodySyntax = BodySyntax {
    arguments: Some(ARGUMENTS),
    shell: true,
    expands_in_code: true,
    at_paths: true,
    file_refs: false,
    bracketed_file_refs: None,
    template_inputs: None,
};

/// `commands/team/review.md` is `/team/review`, unless `name` says otherwise.
pub static NAMING: crate::formats::CommandNaming = crate::formats::CommandNaming {
    folders: &["command", "commands"],
    separator: "/",
    name_key: Some("name"),
};

/// What OpenCode 1.18.33 does with a command whose `agent` names no agent it has (recorded as
/// `mutation/opencode-command/agent/unknown`): it lists the command, and every run of it ends
/// with `UnknownError` before any request is sent.
pub const UNKNOWN_AGENT: &str = "finds no agent to run it, and every run of this command fails";

/// The keys of a command (OpenCode's `Command` schema), with what a bad value does: OpenCode
/// refuses its configuration, Kilo Code skips the file.
macro_rules! command_fields {
    ($bad:expr) => {
        &[
    strict_as($bad, f(
        "description",
        ValueKind::Text,
        false,
        "What the command does, shown beside `/name` in the command menu.",
    )),
    strict_as($bad, f(
        "agent",
        ValueKind::Text,
        false,
        "The agent that runs the command (default: the current one): a built-in agent (`build`, `plan`, `general`, `explore`) or one of the project's agents. A subagent runs it as a subtask.",
    )),
    strict_as($bad, f(
        "model",
        ValueKind::Model,
        false,
        "`provider/model-id` for this command, e.g. `anthropic/claude-haiku-4-5`. Omitted: the agent's model.",
    )),
    Field {
        only_with: Some("model"),
        ..strict_as($bad, f(
            "variant",
            ValueKind::Text,
            false,
            "The model variant (`high`, `max`…); used only together with this command's own `model`.",
        ))
    },
    strict_as($bad, f(
        "subtask",
        ValueKind::Bool,
        false,
        "`true` runs the command in a subagent, so its work does not fill the main conversation.",
    )),
    f(
        "name",
        ValueKind::Text,
        false,
        "The command's name instead of the file's (`/name`). Not in OpenCode's documentation; OpenCode 1.18.33 reads it.",
    ),
    Field {
        overridden_by: Some("the body"),
        ..f(
            "template",
            ValueKind::Text,
            false,
            "In a Markdown command the body is the template, and this key is ignored (`template` is for commands in `opencode.json`).",
        )
    },
]
    };
}
pub(crate) use command_fields;

/// The keys of an OpenCode command.
pub const FIELDS: &[Field] = command_fields!(crate::formats::Effect::BreaksTool);

pub static FORMAT: Format = Format {
    id: "opencode-command",
    name: "OpenCode command",
    noun: "command",
    docs_url: "https://opencode.ai/docs/commands",
    strong_paths: &[
        PathRule::Under(&[".opencode", "command"], ".md"),
        PathRule::Under(&[".opencode", "commands"], ".md"),
        PathRule::Under(&["opencode", "command"], ".md"),
        PathRule::Under(&["opencode", "commands"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BODY_SYNTAX,
    kind: Kind::Command,
    reader: super::agent::READER,
    guard_hooks_outside: &[],
    verified_with: Some(super::agent::VERSION),
    checks: &[],
    fields: FIELDS,
};
