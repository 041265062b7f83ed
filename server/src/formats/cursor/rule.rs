//! Cursor project rules (`.cursor/rules/**/*.mdc`). Source: Cursor docs "Rules"
//! (docs.cursor.com/context/rules); formats.md §12; docs/format-sources.md §11, checked
//! 2026-11-25. The rule type follows from the keys: `alwaysApply: true` → always; `globs` →
//! auto-attached; only `description` → agent-requested; none → manual.

use crate::formats::claude_agent::f;
use crate::formats::{BodySyntax, Format, Kind, NameMatch, PathRule, ValueKind};

pub static FORMAT: Format = Format {
    id: "cursor-rule",
    name: "Cursor rule",
    noun: "rule",
    docs_url: "https://docs.cursor.com/context/rules",
    strong_paths: &[
        PathRule::Under(&[".cursor", "rules"], ".mdc"),
        PathRule::Under(&[".cursor", "rules"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &crate::formats::cursor::PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    checks: &[],
    fields: &[
        f(
            "description",
            ValueKind::Text,
            false,
            "When the agent should pull this rule in (an \"agent requested\" rule when neither `globs` nor `alwaysApply` is set).",
        ),
        f(
            "globs",
            ValueKind::Globs,
            false,
            "Files that attach this rule automatically: a glob, comma-separated globs, or a list.",
        ),
        f(
            "alwaysApply",
            ValueKind::Bool,
            false,
            "`true`: the rule is in every request, whatever the files.",
        ),
    ],
};
