//! Models a Copilot file may name in `model`: display names as VS Code's model picker shows
//! them (`Claude Sonnet 4.5`), optionally qualified by vendor (`GPT-5 (copilot)`), or model ids
//! (`gpt-4.1`). VS Code checks them against the models the user's plan and extensions provide
//! (`promptValidator.ts` `validateModel`), which agentls cannot see, so only the known ones are
//! listed here and an unlisted name is not reported, except a Claude Code model name (`sonnet`,
//! `claude-sonnet-4-5`), which Copilot never accepts. Source: VS Code docs "Custom agent file
//! reference" and "Prompt files", VS Code's validator tests, the awesome-copilot corpus;
//! docs/format-sources.md §9 (checked 2026-11-25).

/// (display name, model id, doc)
pub static MODELS: &[(&str, &str, &str)] = &[
    ("Auto", "auto", "Copilot picks the model per request."),
    ("GPT-4.1", "gpt-4.1", "OpenAI GPT-4.1."),
    ("GPT-4o", "gpt-4o", "OpenAI GPT-4o."),
    ("GPT-5", "gpt-5", "OpenAI GPT-5."),
    ("GPT-5 mini", "gpt-5-mini", "OpenAI GPT-5 mini."),
    ("GPT-5-Codex (Preview)", "gpt-5-codex", "OpenAI GPT-5-Codex."),
    ("GPT-5.1", "gpt-5.1", "OpenAI GPT-5.1."),
    ("GPT-5.2", "gpt-5.2", "OpenAI GPT-5.2."),
    ("GPT-5.4", "gpt-5.4", "OpenAI GPT-5.4."),
    ("Claude Sonnet 4", "claude-sonnet-4", "Anthropic Claude Sonnet 4."),
    ("Claude Sonnet 4.5", "claude-sonnet-4.5", "Anthropic Claude Sonnet 4.5."),
    ("Claude Sonnet 4.6", "claude-sonnet-4.6", "Anthropic Claude Sonnet 4.6."),
    ("Claude Opus 4.5", "claude-opus-4.5", "Anthropic Claude Opus 4.5."),
    ("Claude Opus 4.6", "claude-opus-4.6", "Anthropic Claude Opus 4.6."),
    ("Claude Opus 4.7", "claude-opus-4.7", "Anthropic Claude Opus 4.7."),
    ("Claude Haiku 4.5", "claude-haiku-4.5", "Anthropic Claude Haiku 4.5."),
    ("Gemini 2.5 Pro", "gemini-2.5-pro", "Google Gemini 2.5 Pro."),
    ("Grok Code Fast 1", "grok-code-fast-1", "xAI Grok Code Fast 1."),
];

/// The entry a value names: a display name or id, any case, with an optional ` (vendor)`.
pub fn lookup(value: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    let v = value.trim();
    let base = match v.rfind(" (") {
        Some(i) if v.ends_with(')') && !v[..i].ends_with("(Preview") => &v[..i],
        _ => v,
    };
    let same = |a: &str| a.eq_ignore_ascii_case(v) || a.eq_ignore_ascii_case(base);
    MODELS.iter().find(|(name, id, _)| same(name) || same(id))
}

/// A Claude Code model name (alias or hyphenated id) written where Copilot expects its own:
/// the display name to use instead.
pub fn claude_code_name(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let m = crate::formats::claude_models::lookup(v)?;
    let lower = m.id.to_ascii_lowercase();
    let family = ["opus", "sonnet", "haiku"].into_iter().find(|f| lower.contains(f))?;
    // The newest Copilot model of the same family.
    MODELS
        .iter()
        .rev()
        .find(|(name, ..)| name.to_ascii_lowercase().contains(family))
        .map(|(name, ..)| *name)
}
