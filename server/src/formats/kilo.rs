//! Kilo Code (`@kilocode/cli`, a fork of OpenCode): OpenCode's agent and command formats at
//! Kilo's paths, named after Kilo in messages. Observed with Kilo Code 7.7.7
//! (`truth/recorded/kilo@7.7.7.jsonl`; docs/format-sources.md):
//! - agents in `.kilo/agent(s)/`, the legacy `.kilocode/agent(s)/` and `~/.config/kilo/agent(s)/`;
//!   commands in the same folders' `command(s)/`;
//! - `.opencode/` is not read at all: an OpenCode file is not a Kilo file;
//! - skills in `.kilo/skill(s)/` and `.agents/skills/`, not `.opencode/skills/` ([`SKILLS`]).

use super::skill::SkillLoader;
use super::{Format, Kind, NameMatch, PathRule, Vocab, opencode_agent, opencode_command};

/// The Kilo Code release these facts were checked against (`truth/tools.toml`; a test in
/// `truth/` keeps the two equal).
pub const VERSION: &str = "Kilo Code 7.7.7";

/// The agents Kilo Code 7.7.7 ships (`kilo agent list` in an empty project), and `build`,
/// OpenCode's name of its main agent, which Kilo's commands still run with
/// (`mutation/kilo-command/agent/build`).
pub static BUILTIN_AGENTS: &[&str] = &[
    "code",
    "build",
    "ask",
    "plan",
    "debug",
    "orchestrator",
    "general",
    "explore",
    "compaction",
    "summary",
    "title",
];

pub static AGENT: Format = Format {
    id: "kilo-agent",
    name: "Kilo Code agent",
    noun: "agent",
    docs_url: "https://kilo.ai/docs/customize/custom-subagents",
    strong_paths: &[
        PathRule::Under(&[".kilo", "agent"], ".md"),
        PathRule::Under(&[".kilo", "agents"], ".md"),
        PathRule::Under(&[".kilocode", "agent"], ".md"),
        PathRule::Under(&[".kilocode", "agents"], ".md"),
        PathRule::Under(&["kilo", "agent"], ".md"),
        PathRule::Under(&["kilo", "agents"], ".md"),
    ],
    product: "Kilo Code",
    verified_with: Some(VERSION),
    fields: AGENT_FIELDS,
    ..opencode_agent::FORMAT
};

/// OpenCode's agent keys, but a bad value makes Kilo Code 7.7.7 skip the file, not refuse its
/// whole configuration (`mutation/kilo-agent/mode/helper`: no agent listed, the others load).
const AGENT_FIELDS: &[super::Field] = {
    use super::claude_agent::f;
    use super::opencode_agent::{COLORS, strict_as};
    use super::{Effect, Field, ValueKind};
    use opencode_agent::MODES;
    opencode_agent::agent_fields!(Effect::NotLoaded, Effect::BreaksTool)
};

/// OpenCode's command keys; a bad value makes Kilo Code skip the command
/// (`mutation/kilo-command/subtask/yes`: not listed, the others load).
const COMMAND_FIELDS: &[super::Field] = {
    use super::claude_agent::f;
    use super::opencode_agent::strict_as;
    use super::{Field, ValueKind};
    opencode_command::command_fields!(super::Effect::NotLoaded)
};

pub static COMMAND: Format = Format {
    id: "kilo-command",
    name: "Kilo Code command",
    noun: "command",
    docs_url: "https://kilo.ai/docs/customize/custom-commands",
    strong_paths: &[
        PathRule::Under(&[".kilo", "command"], ".md"),
        PathRule::Under(&[".kilo", "commands"], ".md"),
        PathRule::Under(&[".kilocode", "command"], ".md"),
        PathRule::Under(&[".kilocode", "commands"], ".md"),
        PathRule::Under(&["kilo", "command"], ".md"),
        PathRule::Under(&["kilo", "commands"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: "Kilo Code",
    vocab: Vocab::OpenCode,
    body_syntax: opencode_command::BODY_SYNTAX,
    kind: Kind::Command,
    reader: opencode_agent::READER,
    guard_hooks_outside: &[],
    verified_with: Some(VERSION),
    fields: COMMAND_FIELDS,
};

/// How Kilo Code 7.7.7 finds skills (`kilo debug skill`).
pub static SKILLS: SkillLoader = SkillLoader {
    product: "Kilo Code",
    project_dirs: &[
        ".kilo/skill",
        ".kilo/skills",
        ".kilocode/skill",
        ".kilocode/skills",
        ".agents/skills",
    ],
    home_dirs: &[".config/kilo/skill", ".config/kilo/skills", ".agents/skills"],
    compat_dirs: &[".claude/skills"],
    compat_switch: Some("KILO_DISABLE_CLAUDE_CODE"),
    ..super::opencode_skill::LOADER
};
