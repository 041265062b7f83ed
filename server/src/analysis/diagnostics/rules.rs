//! The rule table: every diagnostic code, its default severity and a one-line summary. `/x`
//! entries are per format (`claude-agent/x`); the others are shared by every format.

use super::Severity::{self, *};

pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

const fn r(code: &'static str, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        code,
        severity,
        summary,
    }
}

pub static RULES: &[Rule] = &[
    r(
        "front-matter/missing",
        Error,
        "The file has no front matter, so the tool reads no name or description.",
    ),
    r(
        "front-matter/unclosed",
        Error,
        "The front matter's opening `---` has no closing `---`.",
    ),
    r(
        "front-matter/closed-by-rule",
        Warning,
        "The front matter is closed by a longer `-----` rule: Claude Code stops there, strict tools do not.",
    ),
    r(
        "yaml/syntax",
        Error,
        "The front matter is not YAML the tool can read; it loads without its metadata.",
    ),
    r(
        "yaml/needs-quotes",
        Warning,
        "A plain value holds `: `: Claude Code recovers it, strict YAML tools reject the file.",
    ),
    r(
        "yaml/duplicate-key",
        Warning,
        "A key appears twice; only the last one counts.",
    ),
    r(
        "yaml/not-a-mapping",
        Error,
        "The front matter is not a set of `key: value` pairs.",
    ),
    r(
        "/unknown-key",
        Warning,
        "A key this format does not define; the tool ignores it.",
    ),
    r("/missing-field", Error, "A required field is missing or empty."),
    r(
        "/wrong-type",
        Error,
        "A value of the wrong type (a list where text is expected, text for a number…).",
    ),
    r(
        "/invalid-value",
        Warning,
        "A value outside the documented set; the tool ignores it.",
    ),
    r(
        "/invalid-name",
        Error,
        "A name the tool rejects (containing `:` or starting with `-`).",
    ),
    r(
        "/name-format",
        Warning,
        "A name with capitals, spaces or symbols instead of lowercase letters, digits and hyphens.",
    ),
    r("/name-mismatch", Information, "The name differs from the file name."),
    r(
        "/unknown-model",
        Warning,
        "A model that is neither a known alias nor a known model id.",
    ),
    r(
        "/retired-model",
        Warning,
        "A model id that was retired; requests with it fail.",
    ),
    r(
        "/cli-only-model",
        Information,
        "A `--model` alias not documented for this field.",
    ),
    r(
        "/unknown-tool",
        Warning,
        "A tool name that is not a known tool; it is ignored.",
    ),
    r("/removed-tool", Warning, "A tool that no longer exists; it is ignored."),
    r(
        "/invalid-tool-rule",
        Error,
        "A permission rule with unbalanced parentheses, which can never match.",
    ),
    r("/duplicate-tool", Warning, "The same tool is listed twice."),
    r("/tool-conflict", Warning, "A tool is both allowed and disallowed."),
    r(
        "/empty-tools",
        Warning,
        "An empty tool list gives the agent no tools at all.",
    ),
    r(
        "/empty-body",
        Warning,
        "Nothing after the front matter: the agent has no instructions.",
    ),
    // Cross-file rules (`workspace::cross_file`) and links (`analysis::links`).
    r(
        "/duplicate-name",
        Warning,
        "Another agent in the same folder has the same `name`; only one of them loads.",
    ),
    r(
        "/unknown-skill",
        Warning,
        "A `skills:` entry names no skill in the workspace.",
    ),
    r(
        "/unknown-agent",
        Warning,
        "`Agent(name)` or `Task(name)` names neither a workspace agent nor a built-in one.",
    ),
    r(
        "link/missing-file",
        Warning,
        "A relative link points at a file that does not exist.",
    ),
    r(
        "link/missing-anchor",
        Warning,
        "A link's `#anchor` matches no heading of the target file.",
    ),
];

/// The default severity of a code (`claude-agent/unknown-key` finds `/unknown-key`).
pub fn severity(code: &str) -> Severity {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    RULES
        .iter()
        .find(|r| r.code == code || r.code == short)
        .map_or(Warning, |r| r.severity)
}

/// Where the rule pages (`docs/rules/<code>.md`) are published; diagnostics link there.
pub const DOCS_BASE: &str = "https://github.com/agentls/agentls/blob/main/docs/rules/";

/// The page of one rule, e.g. `…/docs/rules/claude-agent/unknown-tool.md`.
pub fn doc_url(code: &str) -> String {
    format!("{DOCS_BASE}{code}.md")
}

/// Every code as users see it: per-format rules once for each format, then the shared ones
/// (`(code, severity, summary)`), in table order.
pub fn all_codes() -> Vec<(String, Severity, &'static str)> {
    let mut out = Vec::new();
    for rule in RULES {
        match rule.code.strip_prefix('/') {
            Some(short) => {
                for f in crate::formats::FORMATS {
                    out.push((format!("{}/{short}", f.id), rule.severity, rule.summary));
                }
            }
            None => out.push((rule.code.to_string(), rule.severity, rule.summary)),
        }
    }
    out
}
