//! The cases the tools are asked about: one agent spec file each, with the place it has in a
//! project. Four sources: the rules' fixtures (`server/tests/fixtures`), the examples of the rule
//! pages (`docs/rules`), the third-party corpus (`../shared/corpus`) and generated mutations
//! (every field × typical mistakes), for Claude Code (`mutations`) and VS Code
//! (`vscode_mutations`).

pub mod corpus;
pub mod fixtures;
pub mod gemini;
pub mod mutations;
pub mod opencode;
pub mod vscode_mutations;

use crate::util::fnv64;
use std::path::{Path, PathBuf};

/// Where a case comes from; decides what the harness may do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written by agentls (mutations, fixtures, rule examples): safe to run, to spawn and to
    /// expand; their shell lines are harmless `echo`s.
    Ours,
    /// Written by others (the corpus): only ever loaded and listed. Never expanded (a
    /// `` !`cmd` `` would run), never spawned when it declares hooks or MCP servers (they start
    /// processes).
    Theirs,
}

/// One file to ask the tools about.
#[derive(Debug, Clone)]
pub struct Case {
    /// Stable id: `mutation/claude-agent/tools/lowercase`, `corpus/<repo>/<path>`…
    pub id: String,
    /// The agentls format id the file is meant as (`claude-agent`, `claude-command`, `skill`…).
    pub format: String,
    /// Where the file lives in the project the tool runs in, relative, `/`-separated.
    pub path: String,
    /// The file's bytes (not always UTF-8: a mutation may hold invalid bytes).
    pub bytes: Vec<u8>,
    pub origin: Origin,
    /// Other files the case needs in the project (a file an `@path` names), relative path and
    /// text.
    pub extra: Vec<(String, String)>,
    /// For commands and skills of ours: the arguments to expand it with (`/name ARGS`).
    pub args: Option<String>,
}

impl Case {
    /// A case of ours with UTF-8 text.
    pub fn ours(id: impl Into<String>, format: &str, path: impl Into<String>, text: impl Into<String>) -> Case {
        Case {
            id: id.into(),
            format: format.to_string(),
            path: path.into(),
            bytes: text.into().into_bytes(),
            origin: Origin::Ours,
            extra: Vec::new(),
            args: None,
        }
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// Names the content: a recording made from other content is stale.
    pub fn sha(&self) -> String {
        let mut parts: Vec<&[u8]> = vec![self.path.as_bytes(), &self.bytes];
        for (p, t) in &self.extra {
            parts.push(p.as_bytes());
            parts.push(t.as_bytes());
        }
        if let Some(a) = &self.args {
            parts.push(a.as_bytes());
        }
        fnv64(&parts)
    }

    /// The file name without `.md` (a command's name; an agent's file stem).
    pub fn stem(&self) -> &str {
        let file = self.path.rsplit('/').next().unwrap_or(&self.path);
        file.strip_suffix(".md").unwrap_or(file)
    }

    /// The `name:` line's value, read by a regex-like scan as a tool's lenient fallback would:
    /// enough to tell cases apart in a batch, not a YAML reading.
    pub fn declared_name(&self) -> Option<String> {
        let text = self.text();
        let mut lines = text.lines();
        if lines.next()?.trim_start_matches('\u{feff}').trim_end() != "---" {
            return None;
        }
        for line in lines {
            if line.trim_end() == "---" {
                break;
            }
            if let Some(v) = line.strip_prefix("name:") {
                let v = v.trim().trim_matches(['"', '\'']).trim();
                return (!v.is_empty()).then(|| v.to_string());
            }
        }
        None
    }
}

/// The repository root (the folder holding `truth/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("truth/ has a parent")
        .to_path_buf()
}

/// `../shared` beside the repository, when it is there.
pub fn shared_dir() -> Option<PathBuf> {
    let p = repo_root().parent()?.join("shared");
    p.is_dir().then_some(p)
}

/// Where a file of `format` lives in a project (the place the tools load it from).
pub fn project_path(format: &str, stem: &str) -> String {
    match format {
        "claude-agent" => format!(".claude/agents/{stem}.md"),
        "claude-command" => format!(".claude/commands/{stem}.md"),
        "skill" => format!(".claude/skills/{stem}/SKILL.md"),
        "claude-memory" => "CLAUDE.md".to_string(),
        "claude-rule" => format!(".claude/rules/{stem}.md"),
        "claude-output-style" => format!(".claude/output-styles/{stem}.md"),
        "copilot-agent" => format!(".github/agents/{stem}.agent.md"),
        "copilot-chatmode" => format!(".github/chatmodes/{stem}.chatmode.md"),
        "copilot-prompt" => format!(".github/prompts/{stem}.prompt.md"),
        "copilot-instructions" => format!(".github/instructions/{stem}.instructions.md"),
        "opencode-agent" => format!(".opencode/agent/{stem}.md"),
        "opencode-command" => format!(".opencode/commands/{stem}.md"),
        "kilo-agent" => format!(".kilo/agents/{stem}.md"),
        "kilo-command" => format!(".kilo/commands/{stem}.md"),
        "gemini-agent" => format!(".gemini/agents/{stem}.md"),
        "gemini-skill" => format!(".gemini/skills/{stem}/SKILL.md"),
        "cursor-rule" => format!(".cursor/rules/{stem}.mdc"),
        "cline-rule" => format!(".clinerules/{stem}.md"),
        "cline-workflow" => format!(".clinerules/workflows/{stem}.md"),
        "cline-skill" => format!(".cline/skills/{stem}/SKILL.md"),
        _ => format!("{stem}.md"),
    }
}

/// Every case, from all sources (the corpus only when `../shared` is there).
pub fn all() -> Vec<Case> {
    let mut out = mutations::all();
    out.extend(vscode_mutations::all());
    out.extend(fixtures::all());
    out.extend(corpus::all());
    out.extend(crate::cline::cases::all());
    out.extend(gemini::all());
    out.extend(opencode::all());
    out.extend(crate::copilot_cli::cases::all());
    out
}
