//! Cline's rules (`.clinerules`, a file or a folder, `.cline/rules/`, the global rules folders),
//! workflows (`.clinerules/workflows/*.md`, run as `/name`) and skills (`<root>/<name>/SKILL.md`
//! under the folders Cline scans), as the Cline CLI 3.0.65 (`@cline/core` 0.0.86) loads them.
//! Every fact is from the recording `truth/recorded/cline@3.0.65.jsonl`; the write-up, with the
//! loader's source lines, is `truth/cline/FINDINGS.md` (R*, W*, S* below are its rows).
//!
//! Cline's reader: a front matter is `^---\r?\n(…)\r?\n---` at byte 0 (after a BOM), read by the
//! `yaml` package 2.x (YAML 1.2, duplicate keys are errors). A file that does not match has no
//! front matter and its whole text is the rule (R6); YAML that fails drops the file (R5, W5, S7).
//! The classic extension (≤ 3.89.2) behaved differently on both, and read `paths`; current
//! Cline does not (R4).

use super::claude_agent::f;
use super::product::{AgentsElsewhere, Models, Product, Tools};
use super::{BodySyntax, Effect, Field, Format, Kind, Layout, Loader, NameMatch, PathRule, ValueKind};

/// The Cline release these formats were checked against (`truth/tools.toml`).
pub const CLINE_VERSION: &str = "Cline CLI 3.0.65";

/// Cline: its rules name no tools and no models, and no file names another.
pub static PRODUCT: Product = Product {
    name: "Cline",
    docs_url: "https://docs.cline.bot/customization/cline-rules",
    verified_with: Some(CLINE_VERSION),
    skills: Some(&super::skills_by_tool::CLINE),
    command_naming: None,
    unknown_agent: None,
    no_oracle: None,
    formats: &[&SKILL, &WORKFLOW, &RULE],
    tools: Tools::None,
    models: Models::None,
    builtin_agents: &[],
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent of that name",
        outside: "a user-level agent",
    },
    file_name_names_agent: false,
    one_agent_per_name: false,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
};

/// Cline reads strict YAML, with no retry (R5).
const READER: crate::syntax::reader::Reader = crate::syntax::reader::Reader {
    split: crate::syntax::reader::Split::Lines,
    parser: crate::syntax::reader::Parser::Yaml(crate::syntax::yaml::Retry::None),
    dialect: crate::syntax::yaml::Dialect::Yaml12,
};

/// The extensions Cline reads in a rules or workflows folder, compared case-insensitively (R2).
const TEXT_FILES: &[&str] = &["md", "markdown", "txt"];

/// `name`: a string, trimmed; another type drops the file (R10, S7), an empty one falls back to
/// the file's (or folder's) name.
const fn name(doc: &'static str) -> Field {
    Field {
        on_bad: Effect::NotLoaded,
        ..f("name", ValueKind::Text, false, doc)
    }
}

/// `disabled` / `enabled`: a boolean turns the file off, anything else drops it (R11, S9).
const DISABLED: Field = Field {
    on_bad: Effect::NotLoaded,
    ..f(
        "disabled",
        ValueKind::Bool,
        false,
        "`true` turns this file off: Cline does not load it. Anything but `true` or `false` makes Cline drop the file.",
    )
};
const ENABLED: Field = Field {
    on_bad: Effect::NotLoaded,
    ..f(
        "enabled",
        ValueKind::Bool,
        false,
        "`false` turns this file off, as `disabled: true` does. Anything but `true` or `false` makes Cline drop the file.",
    )
};

pub static RULE: Format = Format {
    id: "cline-rule",
    name: "Cline rule",
    noun: "rule",
    docs_url: "https://docs.cline.bot/customization/cline-rules",
    strong_paths: &[
        // `.clinerules` as a single file (R1, R9).
        PathRule::Suffix("/.clinerules"),
        PathRule::Under(&[".clinerules"], ".md"),
        PathRule::Under(&[".clinerules"], ".MD"),
        PathRule::Under(&[".clinerules"], ".markdown"),
        PathRule::Under(&[".clinerules"], ".txt"),
        // Not read (R2), but clearly meant as a rule: said so rather than left silent.
        PathRule::Under(&[".clinerules"], ".mdc"),
        PathRule::Under(&[".cline", "rules"], ".md"),
        PathRule::Under(&[".cline", "rules"], ".txt"),
        PathRule::Under(&["Cline", "Rules"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: READER,
    guard_hooks_outside: &[],
    verified_with: Some(CLINE_VERSION),
    checks: &[],
    fields: &[
        name(
            "The rule's heading in the system prompt (`## name`); without it, the file name without extension. A value that is not text makes Cline drop the rule.",
        ),
        f(
            "paths",
            ValueKind::NotRead(
                "is not read by Cline 3.0.65: the rule is in every request, whatever files the task touches (only the classic VS Code extension up to 3.89.2 applied a rule to matching paths)",
            ),
            false,
            "Globs of the files this rule is for. **Cline 3.0.65 does not read it**: every rule applies everywhere. The classic extension (up to 3.89.2) applied the rule only while a matching file was in context.",
        ),
        f(
            "description",
            ValueKind::Any,
            false,
            "A note for people: Cline keeps it with the rule and does nothing with it.",
        ),
        // Cursor's scoping keys, copied into Cline rules: they scope nothing here either.
        f(
            "globs",
            ValueKind::NotRead(
                "is Cursor's key, and Cline reads no scope at all: the rule is in every request, whatever files the task touches",
            ),
            false,
            "Cursor's scoping key. **Cline does not read it**: every rule applies everywhere.",
        ),
        f(
            "alwaysApply",
            ValueKind::NotRead("is Cursor's key, and Cline reads no scope at all: the rule is in every request"),
            false,
            "Cursor's key. **Cline does not read it**: every rule applies everywhere.",
        ),
        DISABLED,
        ENABLED,
    ],
};

pub static WORKFLOW: Format = Format {
    id: "cline-workflow",
    name: "Cline workflow",
    noun: "workflow",
    docs_url: "https://docs.cline.bot/customization/workflows",
    strong_paths: &[
        PathRule::Under(&[".clinerules", "workflows"], ".md"),
        PathRule::Under(&[".clinerules", "workflows"], ".markdown"),
        PathRule::Under(&[".clinerules", "workflows"], ".txt"),
        PathRule::Under(&[".cline", "workflows"], ".md"),
        PathRule::Under(&["Cline", "Workflows"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &PRODUCT,
    body_syntax: BodySyntax::NONE,
    // Not `Command`: the workspace's commands and skills are Claude Code's (their names, the
    // agents and skills they refer to); no other file names a Cline workflow or skill.
    kind: Kind::Other,
    reader: READER,
    guard_hooks_outside: &[],
    verified_with: Some(CLINE_VERSION),
    checks: &[],
    fields: &[
        name(
            "The workflow's name; `/name` runs it, lower-cased with spaces and symbols as `-`. Without it, the file name without extension. A value that is not text makes Cline drop the workflow.",
        ),
        f(
            "description",
            ValueKind::NotRead(
                "is not read by Cline 3.0.65: a workflow has no description, it is neither listed nor sent to the model",
            ),
            false,
            "**Not read by Cline 3.0.65**: a workflow has no description.",
        ),
        DISABLED,
        ENABLED,
    ],
};

pub static SKILL: Format = Format {
    id: "cline-skill",
    name: "Cline skill",
    noun: "skill",
    docs_url: "https://docs.cline.bot/customization/skills",
    // Cline's own skill folders; `.agents/skills` is shared with other tools and stays the
    // Agent Skills format, with Cline's facts in `skills_by_tool::CLINE`.
    strong_paths: &[
        PathRule::Under(&[".clinerules", "skills"], ".md"),
        PathRule::Under(&[".cline", "skills"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: READER,
    guard_hooks_outside: &[],
    verified_with: Some(CLINE_VERSION),
    checks: &[],
    fields: &[
        name(
            "The skill's name, as the model is offered it and `/name` invokes it; Cline does not require it to equal the folder (the Agent Skills standard does). Without it, the folder's name. A value that is not text makes Cline drop the skill.",
        ),
        Field {
            on_bad: Effect::NotLoaded,
            ..f(
                "description",
                ValueKind::Text,
                false,
                "What the skill is for. Optional for Cline, which offers the model skill names only and shows the description once the skill is invoked. A value that is not text makes Cline drop the skill.",
            )
        },
        DISABLED,
        ENABLED,
        f(
            "license",
            ValueKind::Any,
            false,
            "Agent Skills metadata: Cline loads it and does nothing with it.",
        ),
        f(
            "compatibility",
            ValueKind::Any,
            false,
            "Agent Skills metadata: Cline loads it and does nothing with it.",
        ),
        f(
            "metadata",
            ValueKind::Any,
            false,
            "Agent Skills metadata: Cline loads it and does nothing with it.",
        ),
        f(
            "allowed-tools",
            ValueKind::NotRead(
                "is not read by Cline 3.0.65: the skill gets no tools of its own and none are pre-approved",
            ),
            false,
            "Pre-approved tools in Claude Code and the standard. **Not read by Cline.**",
        ),
        f(
            "model",
            ValueKind::NotRead("is not read by Cline 3.0.65: the skill runs with the session's model"),
            false,
            "Claude Code's model for the skill. **Not read by Cline.**",
        ),
    ],
};

/// How Cline finds and reads each of these formats (R1, R2, W1, S1, S2): a file under a root
/// but elsewhere than the layout says is not loaded.
const LOADER: Loader = Loader {
    product: "Cline",
    roots: &[&[".clinerules"], &[".cline", "rules"], &["Documents", "Cline", "Rules"]],
    layout: Layout::Files { extensions: TEXT_FILES },
    unreadable_yaml: Effect::NotLoaded,
    duplicate_key: Effect::NotLoaded,
    not_a_mapping: Effect::Ignored,
    empty_block_is_text: true,
    placeholders_literal: false,
    // R13, S11: the later folder's file replaces the earlier one's (`records.set` by the
    // lower-cased name).
    later_root_wins: true,
    command_taken_by: None,
};

pub static RULE_LOADER: Loader = LOADER;

pub static WORKFLOW_LOADER: Loader = Loader {
    roots: &[
        &[".clinerules", "workflows"],
        &[".cline", "workflows"],
        &["Documents", "Cline", "Workflows"],
    ],
    // `/name args` appends the arguments after the body; `$ARGUMENTS` reaches the model as
    // written (W2).
    placeholders_literal: true,
    // W7: `/name` goes to a skill of the same name ("workflows are effectively deprecated in
    // favor of skills").
    command_taken_by: Some("cline-skill"),
    ..LOADER
};

pub static SKILL_LOADER: Loader = Loader {
    roots: &[
        &[".clinerules", "skills"],
        &[".cline", "skills"],
        &[".agents", "skills"],
    ],
    layout: Layout::SkillFolders { file: "SKILL.md" },
    ..LOADER
};
