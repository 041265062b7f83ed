//! Windsurf (Devin Desktop) rules: `.windsurf/rules/*.md` (in the workspace, its subfolders and
//! parent folders up to the git root) and `.devin/rules/*.md`; the global
//! `~/.codeium/windsurf/memories/global_rules.md`; and the legacy `.windsurfrules` at a
//! project's root.
//!
//! Sources (docs/format-sources.md, "Windsurf / Devin", read 2026-12-01): Windsurf docs
//! "Memories & Rules" (docs.windsurf.com/windsurf/cascade/memories, the older English page and
//! the newer localized ones), Devin CLI docs "Rules" (cli.devin.ai/docs/extensibility/rules), the
//! old Codeium page (docs.codeium.com/windsurf/memories) for `.windsurfrules`; the facts and how
//! sure each is are in truth/FINDINGS-kiro-windsurf.md §3–4. Windsurf is closed source and not on
//! npm: no oracle can run it here, so nothing in this module is observed.
//!
//! `.devin/rules/` is named only by third parties (no Devin page lists it): it is read the same
//! way and nothing more is claimed about it.

use crate::formats::claude_agent::{c, f};
use crate::formats::{BodySyntax, Check, Field, Format, Kind, NameMatch, NeededWith, PathRule, ValueKind};

/// Why no oracle checks these claims, for the rule pages.
pub const NO_ORACLE: &str = "Windsurf (Devin Desktop) is closed source and not on npm or PyPI, so no oracle can run it here: the claim follows the vendor's documentation (docs.windsurf.com/windsurf/cascade; docs/format-sources.md, \"Windsurf / Devin\"), not a recorded run.";

/// The per-file limit. The newer docs (localized pages with the "rules discovery" section) say
/// 12,000 characters per file; the older English page said 6,000, and that content past the
/// limit is truncated so that Cascade is not aware of it.
pub const CHAR_LIMIT: Check = Check::CharLimit {
    max: 12_000,
    older: Some(6_000),
    source: "Windsurf's current docs",
};

const TRIGGERS: &[crate::formats::Choice] = &[
    c("always_on", "Always on: the rule is in every Cascade request."),
    c(
        "manual",
        "Manual: applied only when you `@mention` the rule in Cascade's input.",
    ),
    c(
        "model_decision",
        "Model decision: Cascade reads the `description` and decides whether to apply the rule.",
    ),
    c("glob", "Glob: applied when Cascade works on files matching `globs`."),
];

static FIELDS: &[Field] = &[
    Field {
        bad_value_then: Some("Windsurf does not document what it does with it, and the rule may never apply"),
        ..f(
            "trigger",
            ValueKind::OneOf(TRIGGERS),
            false,
            "How the rule is activated: `always_on`, `manual` (`@mention`), `model_decision` (by its `description`) or `glob` (by `globs`). Windsurf docs, \"Memories & Rules\", activation modes; only `always_on` appears in a vendor page's front matter (Devin CLI docs), the other spellings in the rules Windsurf writes. Not verified by a run: Windsurf cannot be run here.",
        )
    },
    Field {
        needed_with: Some(NeededWith {
            key: "trigger",
            value: "model_decision",
            only_then: false,
            without: "Cascade has nothing to decide by, so the rule is never applied as meant",
        }),
        ..f(
            "description",
            ValueKind::Text,
            false,
            "What the rule is for: with `trigger: model_decision`, Cascade reads it to decide whether to apply the rule.",
        )
    },
    Field {
        needed_with: Some(NeededWith {
            key: "trigger",
            value: "glob",
            only_then: false,
            without: "Windsurf has no files to attach this rule to, so it is never applied",
        }),
        ..f(
            "globs",
            ValueKind::Globs,
            false,
            "With `trigger: glob`: the files the rule applies to, e.g. `**/*.test.ts`. The vendor's pages show one glob; tools that write several join them with commas (list form not verified).",
        )
    },
];

pub static RULE: Format = Format {
    id: "windsurf-rule",
    name: "Windsurf rule",
    noun: "rule",
    docs_url: "https://docs.windsurf.com/windsurf/cascade/memories",
    strong_paths: &[
        PathRule::Under(&[".windsurf", "rules"], ".md"),
        PathRule::Under(&[".devin", "rules"], ".md"),
    ],
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
    checks: &[
        CHAR_LIMIT,
        // Seen in real rules: Claude Code's key for the same thing.
        Check::ForeignKey {
            key: "paths",
            ours: "globs",
            whose: "Claude Code",
        },
    ],
    fields: FIELDS,
};

/// The global rules file: plain Markdown, always on, in every workspace. Devin also imports a
/// workspace's `.windsurf/global_rules.md` (Devin CLI docs, "Rules").
pub static GLOBAL_RULES: Format = Format {
    id: "windsurf-global-rules",
    name: "Windsurf global rules",
    noun: "global rules file",
    docs_url: "https://docs.windsurf.com/windsurf/cascade/memories",
    strong_paths: &[
        PathRule::Under(&[".codeium", "windsurf", "memories"], "global_rules.md"),
        PathRule::Under(&[".windsurf"], "global_rules.md"),
    ],
    body_required: false,
    checks: &[CHAR_LIMIT],
    // A memory file is plain Markdown: no key is read, so none is unknown either.
    fields: &[],
    ..RULE
};

/// The legacy single rules file at a project's root ("no specific formatting is required").
pub static LEGACY: Format = Format {
    id: "windsurf-legacy-rules",
    name: "Windsurf legacy rules file",
    noun: "rules file",
    docs_url: "https://docs.windsurf.com/windsurf/cascade/memories",
    strong_paths: &[PathRule::Suffix("/.windsurfrules")],
    body_required: false,
    checks: &[
        CHAR_LIMIT,
        Check::MoveTo {
            dir: &[".windsurf", "rules"],
            name: "project-rules.md",
            front_matter: "trigger: always_on",
            why: "`.windsurfrules` is the old single rules file: Windsurf's docs now describe rules in `.windsurf/rules/`, one file per rule with a `trigger`",
        },
    ],
    fields: &[],
    ..RULE
};
