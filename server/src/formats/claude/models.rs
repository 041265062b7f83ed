//! Claude Code's `model` values. Source: Claude Code "Model configuration" and "Create custom
//! subagents" docs, the model catalogue bundled with Claude Code (cached 2026-10-06) and the
//! platform deprecation page; see docs/format-sources.md §2 (checked 2026-11-25). What each
//! value becomes (`sends`) is what Claude Code 2.1.332 was seen sending for a subagent with that
//! `model` (truth/recorded/claude-code@2.1.332.jsonl, cases `model-id/*`); a test keeps the two
//! equal.

// The entry types are those of the catalog shape (`formats::product`), under the names
// this module gave them before products were values.
pub use crate::formats::product::{Model, ModelStatus};

use ModelStatus::*;

const fn m(id: &'static str, status: ModelStatus, doc: &'static str) -> Model {
    Model {
        id,
        doc,
        status,
        replacement: None,
        sends: None,
    }
}

/// An alias and the id Claude Code sends for it.
const fn alias(id: &'static str, status: ModelStatus, sends: &'static str, doc: &'static str) -> Model {
    Model {
        sends: Some(sends),
        ..m(id, status, doc)
    }
}

const fn gone(id: &'static str, date: &'static str, instead: &'static str, doc: &'static str) -> Model {
    Model {
        id,
        doc,
        status: ModelStatus::Retired(date),
        replacement: Some(instead),
        sends: None,
    }
}

/// A retired id that Claude Code replaces with a current model itself.
const fn remapped(
    id: &'static str,
    date: &'static str,
    instead: &'static str,
    sends: &'static str,
    doc: &'static str,
) -> Model {
    Model {
        sends: Some(sends),
        ..gone(id, date, instead, doc)
    }
}

pub static MODELS: &[Model] = &[
    m("inherit", Alias, "Use the main conversation's model (the default)."),
    alias(
        "sonnet",
        Alias,
        "claude-sonnet-5-5",
        "Latest Sonnet: Claude Code 2.1.332 sends `claude-sonnet-5-5`.",
    ),
    alias(
        "opus",
        Alias,
        "claude-opus-5-5",
        "Latest Opus: Claude Code 2.1.332 sends `claude-opus-5-5`.",
    ),
    alias(
        "haiku",
        Alias,
        "claude-haiku-5-5",
        "Latest Haiku: Claude Code 2.1.332 sends `claude-haiku-5-5`.",
    ),
    alias(
        "fable",
        Alias,
        "claude-fable-5-2",
        "Latest Fable: Claude Code 2.1.332 sends `claude-fable-5-2`.",
    ),
    alias(
        "best",
        CliAlias,
        "claude-opus-5-5",
        "`--model` alias for the most capable model: in a subagent Claude Code 2.1.332 sends `claude-opus-5-5`.",
    ),
    alias(
        "opusplan",
        CliAlias,
        "claude-sonnet-5-5",
        "`--model` alias: Opus in plan mode, Sonnet otherwise; a subagent gets `claude-sonnet-5-5`.",
    ),
    alias(
        "sonnet[1m]",
        CliAlias,
        "claude-sonnet-5-5",
        "`--model` alias: Sonnet with a 1M-token context; a subagent gets `claude-sonnet-5-5`.",
    ),
    alias(
        "opus[1m]",
        CliAlias,
        "claude-opus-5-5",
        "`--model` alias: Opus with a 1M-token context; a subagent gets `claude-opus-5-5`.",
    ),
    alias(
        "fable[1m]",
        CliAlias,
        "claude-fable-5-2",
        "`--model` alias: Fable with a 1M-token context; a subagent gets `claude-fable-5-2`.",
    ),
    m(
        "default",
        Verbatim,
        "`default` only clears a `--model` override on the command line; use `inherit` for the main conversation's model.",
    ),
    m("claude-fable-5-2", Active, "Claude Fable 5.2."),
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
    remapped(
        "claude-opus-4-1",
        "2026-08-05",
        "opus",
        "claude-opus-5-5",
        "Claude Opus 4.1.",
    ),
    remapped(
        "claude-opus-4-1-20250805",
        "2026-08-05",
        "opus",
        "claude-opus-5-5",
        "Claude Opus 4.1.",
    ),
    remapped(
        "claude-opus-4-0",
        "2026-06-15",
        "opus",
        "claude-opus-5-5",
        "Claude Opus 4.",
    ),
    remapped(
        "claude-opus-4-20250514",
        "2026-06-15",
        "opus",
        "claude-opus-5-5",
        "Claude Opus 4.",
    ),
    gone("claude-sonnet-4-0", "2026-06-15", "sonnet", "Claude Sonnet 4."),
    gone("claude-sonnet-4-20250514", "2026-06-15", "sonnet", "Claude Sonnet 4."),
    gone(
        "claude-3-7-sonnet-20250219",
        "2026-02-19",
        "sonnet",
        "Claude Sonnet 3.7.",
    ),
    gone("claude-3-7-sonnet-latest", "2026-02-19", "sonnet", "Claude Sonnet 3.7."),
    gone(
        "claude-3-5-sonnet-20241022",
        "2025-10-22",
        "sonnet",
        "Claude Sonnet 3.5.",
    ),
    gone(
        "claude-3-5-sonnet-20240620",
        "2025-10-22",
        "sonnet",
        "Claude Sonnet 3.5.",
    ),
    gone("claude-3-5-haiku-20241022", "2026-02-19", "haiku", "Claude Haiku 3.5."),
    gone("claude-3-5-haiku-latest", "2026-02-19", "haiku", "Claude Haiku 3.5."),
    gone("claude-3-opus-20240229", "2026-01-05", "opus", "Claude Opus 3."),
    gone("claude-3-haiku-20240307", "2026-04-19", "haiku", "Claude Haiku 3."),
];

/// A model id of a cloud provider (Bedrock inference profiles and ARNs, Vertex AI `@date`
/// ids), which the Anthropic API does not serve.
pub fn provider_id(value: &str) -> bool {
    value.contains("anthropic.claude")
        || value.starts_with("arn:aws")
        || (value.starts_with("claude-") && value.contains('@'))
}

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

/// The model id Claude Code sends for a subagent's `model: value` (`None`: the main
/// conversation's model).
pub fn sent_for(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("inherit") {
        return None;
    }
    Some(match lookup(v) {
        Some(m) => m.sends.unwrap_or(m.id).to_string(),
        None => v.to_string(),
    })
}
