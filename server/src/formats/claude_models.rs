//! Claude Code's `model` values. Source: Claude Code "Model configuration" and "Create custom
//! subagents" docs, the model catalogue bundled with Claude Code (cached 2026-10-06) and the
//! platform deprecation page; see docs/format-sources.md §2 (checked 2026-11-25).

use ModelStatus::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelStatus {
    /// A documented subagent alias (matched case-insensitively).
    Alias,
    /// Accepted by `--model` but not documented for subagents.
    CliAlias,
    Active,
    /// Requests fail: the payload is the retirement date.
    Retired(&'static str),
    /// Needs special access.
    Restricted,
}

impl ModelStatus {
    /// A short label for completion details and hovers.
    pub fn describe(self) -> String {
        match self {
            Alias => "alias".into(),
            CliAlias => "`--model` alias, not documented for subagents".into(),
            Active => "model id".into(),
            Retired(date) => format!("retired {date}: requests fail"),
            Restricted => "model id, restricted access".into(),
        }
    }
}

#[derive(Debug)]
pub struct Model {
    pub id: &'static str,
    pub doc: &'static str,
    pub status: ModelStatus,
    /// What to use instead (retired models).
    pub replacement: Option<&'static str>,
}

const fn m(id: &'static str, status: ModelStatus, doc: &'static str) -> Model {
    Model {
        id,
        doc,
        status,
        replacement: None,
    }
}

const fn gone(id: &'static str, date: &'static str, instead: &'static str, doc: &'static str) -> Model {
    Model {
        id,
        doc,
        status: ModelStatus::Retired(date),
        replacement: Some(instead),
    }
}

pub static MODELS: &[Model] = &[
    m("inherit", Alias, "Use the main conversation's model (the default)."),
    m(
        "sonnet",
        Alias,
        "Latest Sonnet (Sonnet 5.5 on the Anthropic API since Claude Code 2.1.284).",
    ),
    m("opus", Alias, "Latest Opus (Opus 5.5 since Claude Code 2.1.280)."),
    m("haiku", Alias, "Latest Haiku (Haiku 5.5)."),
    m("fable", Alias, "Fable 5.1 (Claude Code 2.1.257+)."),
    m("best", CliAlias, "`--model` alias: Fable where available, else Opus."),
    m(
        "opusplan",
        CliAlias,
        "`--model` alias: Opus in plan mode, Sonnet otherwise.",
    ),
    m(
        "sonnet[1m]",
        CliAlias,
        "`--model` alias: Sonnet with a 1M-token context.",
    ),
    m("opus[1m]", CliAlias, "`--model` alias: Opus with a 1M-token context."),
    m("fable[1m]", CliAlias, "`--model` alias: Fable with a 1M-token context."),
    m("default", CliAlias, "Not a model: clears any model override."),
    m("claude-fable-5-1", Active, "Claude Fable 5.1."),
    m("claude-fable-5", Active, "Claude Fable 5."),
    m("claude-opus-5-5", Active, "Claude Opus 5.5."),
    m("claude-opus-5", Active, "Claude Opus 5."),
    m("claude-opus-4-8", Active, "Claude Opus 4.8."),
    m("claude-opus-4-7", Active, "Claude Opus 4.7."),
    m("claude-opus-4-6", Active, "Claude Opus 4.6."),
    m("claude-opus-4-5", Active, "Claude Opus 4.5 (legacy)."),
    m(
        "claude-opus-4-5-20251101",
        Active,
        "Claude Opus 4.5, dated snapshot (legacy).",
    ),
    m("claude-sonnet-5-5", Active, "Claude Sonnet 5.5."),
    m("claude-sonnet-5", Active, "Claude Sonnet 5."),
    m("claude-sonnet-4-6", Active, "Claude Sonnet 4.6."),
    m("claude-sonnet-4-5", Active, "Claude Sonnet 4.5 (legacy)."),
    m(
        "claude-sonnet-4-5-20250929",
        Active,
        "Claude Sonnet 4.5, dated snapshot (legacy).",
    ),
    m("claude-haiku-5-5", Active, "Claude Haiku 5.5."),
    m("claude-haiku-4-5", Active, "Claude Haiku 4.5."),
    m("claude-haiku-4-5-20251001", Active, "Claude Haiku 4.5, dated snapshot."),
    m(
        "claude-mythos-5-1",
        Restricted,
        "Claude Mythos 5.1 (Project Glasswing only).",
    ),
    m(
        "claude-mythos-5",
        Restricted,
        "Claude Mythos 5 (Project Glasswing only).",
    ),
    m(
        "claude-mythos-preview",
        Restricted,
        "Claude Mythos Preview (invitation only).",
    ),
    gone("claude-opus-4-1", "2026-08-05", "opus", "Claude Opus 4.1."),
    gone("claude-opus-4-1-20250805", "2026-08-05", "opus", "Claude Opus 4.1."),
    gone("claude-opus-4-0", "2026-06-15", "opus", "Claude Opus 4."),
    gone("claude-opus-4-20250514", "2026-06-15", "opus", "Claude Opus 4."),
    gone("claude-sonnet-4-0", "2026-06-15", "sonnet", "Claude Sonnet 4."),
    gone("claude-sonnet-4-20250514", "2026-06-15", "sonnet", "Claude Sonnet 4."),
    gone(
        "claude-3-7-sonnet-20250219",
        "2026-02-19",
        "sonnet",
        "Claude Sonnet 3.7.",
    ),
    gone("claude-3-7-sonnet-latest", "2026-02-19", "sonnet", "Claude Sonnet 3.7."),
    gone("claude-3-5-haiku-20241022", "2026-02-19", "haiku", "Claude Haiku 3.5."),
    gone("claude-3-5-haiku-latest", "2026-02-19", "haiku", "Claude Haiku 3.5."),
];

/// Finds a model value. Aliases match case-insensitively, as the loader lower-cases them; a
/// `[1m]` suffix on a full id is accepted.
pub fn lookup(value: &str) -> Option<&'static Model> {
    let exact = |v: &str| MODELS.iter().find(|m| m.id == v);
    exact(value)
        .or_else(|| {
            let lower = value.to_ascii_lowercase();
            MODELS
                .iter()
                .find(|m| matches!(m.status, Alias | CliAlias) && m.id == lower)
        })
        .or_else(|| value.strip_suffix("[1m]").and_then(exact))
}
