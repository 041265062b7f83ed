//! Windsurf (Devin Desktop) workflows: `.windsurf/workflows/*.md` in the workspace, its
//! subfolders and parent folders up to the git root, each run as `/[name-of-workflow]` in
//! Cascade. Source: Windsurf docs "Workflows" (docs.windsurf.com/windsurf/cascade/workflows,
//! localized pages pt-BR, es, de, zh, read 2026-12-01); truth/FINDINGS-kiro-windsurf.md §4.
//!
//! The docs say a workflow holds a title, a description and steps; they do not say whether a
//! `description` front matter is read, nor give a size limit for workflows. So agentls claims
//! neither: it offers `description` and checks no key and no length. Windsurf cannot be run
//! here.

use crate::formats::claude_agent::f;
use crate::formats::{BodySyntax, Format, Kind, NameMatch, PathRule, ValueKind};

pub static FORMAT: Format = Format {
    id: "windsurf-workflow",
    name: "Windsurf workflow",
    noun: "workflow",
    docs_url: "https://docs.windsurf.com/windsurf/cascade/workflows",
    strong_paths: &[PathRule::Under(&[".windsurf", "workflows"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    checks: &[],
    fields: &[f(
        "description",
        ValueKind::Text,
        false,
        "What the workflow does. Windsurf's docs say a workflow has a title, a description and steps, and that you run it as `/[name-of-workflow]`; whether this front matter key is read is not documented (not verified: Windsurf cannot be run here).",
    )],
};
