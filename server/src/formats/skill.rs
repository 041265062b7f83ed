//! Agent Skills (`<name>/SKILL.md`): the open standard (agentskills.io/specification) plus
//! the fields Claude Code adds (the same as a command's). Sources: agentskills.io
//! "Specification", Claude Code docs "Extend Claude with skills", VS Code `promptValidator.ts`
//! (skill name vs folder); docs/format-sources.md §7, checked 2026-11-25.

use super::claude_agent::{MODEL, f};
use super::claude_command as cc;
use super::{BodySyntax, Field, Format, Kind, NameMatch, PathRule, ValueKind};

/// The standard's limits (agentskills.io "Specification").
pub const NAME_MAX: usize = 64;
pub const DESCRIPTION_MAX: usize = 1024;
pub const COMPATIBILITY_MAX: usize = 500;
/// The standard recommends keeping `SKILL.md` under 500 lines.
pub const BODY_LINES_MAX: usize = 500;

pub static FORMAT: Format = Format {
    id: "skill",
    name: "Agent Skill",
    noun: "skill",
    docs_url: "https://agentskills.io/specification",
    strong_paths: &[PathRule::Suffix("/SKILL.md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    // Claude Code loads a skill without one (named after its folder, described by its first
    // line); the Agent Skills standard and stricter tools require it.
    no_front_matter: Some(super::Effect::Portability),
    body_required: true,
    name_matches: NameMatch::Folder,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: BodySyntax {
        arguments: Some(super::CLAUDE_ARGUMENTS),
        shell: true,
        expands_in_code: true,
        at_paths: false,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    },
    kind: Kind::Skill,
    reader: super::CLAUDE_READER,
    guard_hooks_outside: &[],
    verified_with: Some(super::CLAUDE_CODE_VERSION),
    checks: &[],
    fields: &[
        Field {
            on_bad: super::Effect::Portability,
            ..f(
                "name",
                ValueKind::Name,
                true,
                "The skill's id: 1–64 lowercase letters, digits and hyphens, no leading, trailing or double hyphen, and the same as the skill's folder name. Claude Code lists a skill under its folder's name whatever `name` says; the standard and stricter tools require the two to match.",
            )
        },
        Field {
            on_bad: super::Effect::Portability,
            ..f(
                "description",
                ValueKind::Text,
                true,
                "What the skill does and when to use it (1–1,024 characters). Agents read it to decide when to load the skill; without one, Claude Code uses the body's first line.",
            )
        },
        f(
            "license",
            ValueKind::Text,
            false,
            "The license: an SPDX id (`Apache-2.0`) or the name of a bundled license file.",
        ),
        f(
            "compatibility",
            ValueKind::Text,
            false,
            "Environment requirements (product, system packages, network access), at most 500 characters.",
        ),
        f(
            "metadata",
            ValueKind::StringMap,
            false,
            "Extra properties as a mapping of text keys to text values (`author`, `version`).",
        ),
        Field {
            doc: "Pre-approved tools, space-separated in the standard (experimental); Claude Code also takes commas or a YAML list. Permission rules such as `Bash(git *)` work.",
            ..cc::ALLOWED_TOOLS
        },
        cc::ARGUMENT_HINT,
        cc::DISABLE_MODEL_INVOCATION,
        cc::USER_INVOCABLE,
        MODEL,
        cc::WHEN_TO_USE,
        cc::EFFORT_FIELD,
        cc::CONTEXT_FIELD,
        cc::AGENT,
        cc::HOOKS,
        cc::PATHS,
    ],
};
