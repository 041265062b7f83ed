//! Kiro steering files: `.kiro/steering/*.md` in a workspace and `~/.kiro/steering/*.md` for
//! every workspace (the workspace file wins on a conflict).
//!
//! Sources (docs/format-sources.md, "Kiro", read 2026-12-01): Kiro docs "Steering"
//! (kiro.dev/docs/steering, as cited by Kiro staff in kirodotdev/Kiro#9176 and #4438, and its
//! mirrors); staff comments and user reports in kirodotdev/Kiro: #3643 (`fileMatchPattern` a
//! string or a list), #11095 (a comma-separated string is one pattern that matches nothing;
//! a front matter the schema rejects loads as `always`), #9176 and #5027 (global `fileMatch`
//! steering never triggers), #10804 and #7787 (`auto` reported never to activate). How sure
//! each fact is: truth/FINDINGS-kiro-windsurf.md §1. Kiro is closed source and not on npm
//! (`@kiro/cli`: 404): no oracle can run it here, so nothing in this module is observed.

use crate::formats::claude_agent::{c, f};
use crate::formats::{BodySyntax, Check, Field, Format, Kind, NameMatch, NeededWith, PathRule, ValueKind};

/// Why no oracle checks these claims, for the rule pages.
pub const NO_ORACLE: &str = "Kiro (the IDE and `kiro-cli`) is closed source and not on npm or PyPI, so no oracle can run it here: the claim follows Kiro's documentation (kiro.dev/docs) and, where this page names them, staff comments and user reports in kirodotdev/Kiro (docs/format-sources.md, \"Kiro\"), not a recorded run.";

const INCLUSION: &[crate::formats::Choice] = &[
    c(
        "always",
        "Included in every chat (the default, also without front matter).",
    ),
    c(
        "fileMatch",
        "Included when a file matching `fileMatchPattern` is open in the editor (reports: not for files the agent only reads or edits).",
    ),
    c(
        "manual",
        "Included only when referenced as `#name` in chat (reports: typed `#name` works for workspace steering, not for global steering).",
    ),
    c(
        "auto",
        "The agent includes it when the request matches its `description` (with `name`). Reported never to activate on Kiro IDE 1.0.293 (kirodotdev/Kiro#10804).",
    ),
];

static FIELDS: &[Field] = &[
    Field {
        bad_value_then: Some(
            "Kiro falls back to including this file in every chat, as `inclusion: always` (kirodotdev/Kiro#11095)",
        ),
        ..f(
            "inclusion",
            ValueKind::OneOf(INCLUSION),
            false,
            "When Kiro includes this steering file: `always` (default), `fileMatch` (with `fileMatchPattern`), `manual` (`#name` in chat) or `auto` (by `name` and `description`). Kiro docs, \"Steering\". `kiro-cli` is reported to honour it only with `--no-interactive` (kirodotdev/Kiro#10794). Not verified by a run: Kiro cannot be run here.",
        )
    },
    Field {
        needed_with: Some(NeededWith {
            key: "inclusion",
            value: "fileMatch",
            only_then: true,
            without: "Kiro has no pattern to match, so this file is never included",
        }),
        ..f(
            "fileMatchPattern",
            ValueKind::GlobOrList,
            false,
            "With `inclusion: fileMatch`: one glob (`\"components/**/*.tsx\"`) or a list of globs (`[\"**/*.ts\", \"**/*.tsx\"]`, kirodotdev/Kiro#3643). A comma inside a string is part of the pattern, not a separator (kirodotdev/Kiro#11095).",
        )
    },
    // The docs' `auto` example sets `name` too, but what it is for is not said: not required.
    f(
        "name",
        ValueKind::Text,
        false,
        "With `inclusion: auto`: the steering file's name (`api-design`), as in the docs' example.",
    ),
    Field {
        needed_with: Some(NeededWith {
            key: "inclusion",
            value: "auto",
            only_then: false,
            without: "the agent has nothing to match a request against, so this file is never included",
        }),
        ..f(
            "description",
            ValueKind::Text,
            false,
            "With `inclusion: auto`: what the file is about; the agent includes it when a request matches.",
        )
    },
];

pub static FORMAT: Format = Format {
    id: "kiro-steering",
    name: "Kiro steering file",
    noun: "steering file",
    docs_url: "https://kiro.dev/docs/steering/",
    strong_paths: &[PathRule::Under(&[".kiro", "steering"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BodySyntax {
        bracketed_file_refs: Some(".kiro"),
        template_inputs: None,
        ..BodySyntax::NONE
    },
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    checks: &[
        Check::NotInUserLevel {
            marker: ".kiro",
            key: "inclusion",
            value: "fileMatch",
            then: "Kiro never includes global `fileMatch` steering (reported on Kiro IDE 0.8.140 and 0.12.263, kirodotdev/Kiro#9176, #5027): this file never loads; copy it into the workspace's `.kiro/steering/`, or use `inclusion: always`",
        },
        // Seen in real steering files: Cursor's and Claude Code's keys for the same thing.
        Check::ForeignKey {
            key: "globs",
            ours: "fileMatchPattern",
            whose: "Cursor",
        },
        Check::ForeignKey {
            key: "paths",
            ours: "fileMatchPattern",
            whose: "Claude Code",
        },
        Check::Unreliable {
            key: "inclusion",
            value: "auto",
            evidence: "Kiro accepts `inclusion: auto`, but it is reported never to activate on Kiro IDE 1.0.293 (kirodotdev/Kiro#10804, #7787): the file may never be included; `manual` or `fileMatch` are the reliable modes",
        },
    ],
    fields: FIELDS,
};
