//! Claude Code memory files (`CLAUDE.md`, `CLAUDE.local.md`, `AGENTS.md`), rules
//! (`.claude/rules/**/*.md`) and output styles (`.claude/output-styles/*.md`). Sources: Claude
//! Code docs "Manage Claude's memory" (code.claude.com/docs/en/memory: `@path` imports, rules
//! with `paths`) and "Output styles" (code.claude.com/docs/en/output-styles); formats.md §9;
//! docs/format-sources.md §8, checked 2026-11-25.

use crate::formats::claude_agent::f;
use crate::formats::{BodySyntax, Format, Kind, NameMatch, PathRule, ValueKind};

/// Imports nest at most this deep (memory docs: "a maximum depth of five hops").
pub const IMPORT_DEPTH_MAX: usize = 5;

pub static MEMORY: Format = Format {
    id: "claude-memory",
    name: "Claude Code memory file",
    noun: "memory file",
    docs_url: "https://code.claude.com/docs/en/memory",
    strong_paths: &[
        PathRule::Suffix("/CLAUDE.md"),
        PathRule::Suffix("/CLAUDE.local.md"),
        PathRule::Suffix("/AGENTS.md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: false,
    name_matches: NameMatch::Nothing,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: BodySyntax {
        arguments: None,
        shell: false,
        expands_in_code: false,
        at_paths: true,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    },
    kind: Kind::Other,
    reader: crate::formats::CLAUDE_READER,
    guard_hooks_outside: &[],
    verified_with: Some(crate::formats::CLAUDE_CODE_VERSION),
    checks: &[],
    // A memory file is plain Markdown: no key is read, so none is unknown either.
    fields: &[],
};

pub static RULE: Format = Format {
    id: "claude-rule",
    name: "Claude Code rule",
    noun: "rule",
    docs_url: "https://code.claude.com/docs/en/memory",
    strong_paths: &[PathRule::Under(&[".claude", "rules"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: BodySyntax {
        arguments: None,
        shell: false,
        expands_in_code: false,
        at_paths: true,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    },
    kind: Kind::Other,
    reader: crate::formats::CLAUDE_READER,
    guard_hooks_outside: &[],
    verified_with: Some(crate::formats::CLAUDE_CODE_VERSION),
    checks: &[],
    fields: &[f(
        "paths",
        ValueKind::Globs,
        false,
        "Globs of the files this rule applies to: Claude loads it only when it works on a matching file. Without `paths` the rule is always loaded.",
    )],
};

pub static OUTPUT_STYLE: Format = Format {
    id: "claude-output-style",
    name: "Claude Code output style",
    noun: "output style",
    docs_url: "https://code.claude.com/docs/en/output-styles",
    strong_paths: &[PathRule::Under(&[".claude", "output-styles"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: crate::formats::CLAUDE_READER,
    guard_hooks_outside: &[],
    verified_with: Some(crate::formats::CLAUDE_CODE_VERSION),
    checks: &[],
    fields: &[
        f(
            "name",
            ValueKind::Text,
            false,
            "The style's name in `/output-style`. Defaults to the file name.",
        ),
        f(
            "description",
            ValueKind::Text,
            false,
            "Shown in the `/output-style` menu.",
        ),
        f(
            "keep-coding-instructions",
            ValueKind::Bool,
            false,
            "`true` keeps the parts of Claude Code's system prompt about coding; by default a custom style replaces them.",
        ),
    ],
};
