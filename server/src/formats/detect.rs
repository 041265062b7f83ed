//! Which format a file is: by path first, then by front matter content (formats.md §3).
//! Ordinary Markdown is `None`, and gets no diagnostics at all.

use super::{FORMATS, Format, PathRule};
use std::path::Path;

#[derive(Debug, Clone, Copy)]
pub struct Detection {
    pub format: &'static Format,
    /// Decided by a strong path rule (a file there is this format even when its front matter
    /// is missing or broken).
    pub by_path: bool,
}

fn components(path: &Path) -> Vec<String> {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

fn matches(rule: &PathRule, comps: &[String]) -> bool {
    let Some((file, dirs)) = comps.split_last() else {
        return false;
    };
    match rule {
        PathRule::Under(seq, ext) | PathRule::Directly(seq, ext) => {
            file.ends_with(ext)
                && dirs
                    .windows(seq.len())
                    .any(|w| w.iter().zip(seq.iter()).all(|(a, b)| a == b))
        }
        PathRule::InDirNamed(dir, ext) => file.ends_with(ext) && dirs.iter().any(|d| d == dir),
        PathRule::Suffix(suffix) => match suffix.strip_prefix('/') {
            Some(whole) => file == whole,
            None => file.ends_with(suffix),
        },
    }
}

/// Whether `path` is in a user-level folder: under a `marker` folder (`.kiro`) that sits in
/// the user's home folder (`~/.kiro/steering/x.md`). The home folder is `$HOME` (or
/// `%USERPROFILE%`), or has the shape of one (`/root`, `/home/<user>`, `/Users/<user>`,
/// `C:\Users\<user>`), so that the answer does not depend on who runs agentls.
pub fn user_level(path: &Path, marker: &str) -> bool {
    let Some(holder) = path
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == marker))
        .and_then(Path::parent)
    else {
        return false;
    };
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    if home.is_some_and(|h| !h.is_empty() && Path::new(&h) == holder) {
        return true;
    }
    let names: Vec<String> = holder
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let absolute = holder.has_root();
    match names.as_slice() {
        [root] => absolute && root == "root",
        [top, _user] => absolute && (top == "home" || top == "Users"),
        _ => false,
    }
}

/// `keys`: the top-level keys of the front matter, if it parsed (empty otherwise).
pub fn detect(path: Option<&Path>, keys: &[&str]) -> Option<Detection> {
    detect_with_body(path, keys, "")
}

/// Keys only a Claude Code command (or skill) takes, never a subagent.
const COMMAND_KEYS: &[&str] = &[
    "allowed-tools",
    "argument-hint",
    "disable-model-invocation",
    "model",
    "description",
];

/// A command kept outside `commands/` (collections use `tools/`, `workflows/`): no `name`,
/// only command keys, and a body that takes the command's arguments.
fn looks_like_command(keys: &[&str], body: &str) -> bool {
    command_keys_only(keys) && body.contains("$ARGUMENTS")
}

/// The front matter has keys, and only keys a command takes.
pub fn command_keys_only(keys: &[&str]) -> bool {
    !keys.is_empty() && keys.iter().all(|k| COMMAND_KEYS.contains(k))
}

/// [`detect`], with the document's text for content rules that look at the body.
pub fn detect_with_body(path: Option<&Path>, keys: &[&str], body: &str) -> Option<Detection> {
    let comps = path.map(components).unwrap_or_default();
    let has = |k: &&str| keys.contains(k);
    for format in FORMATS {
        if format.strong_paths.iter().any(|r| matches(r, &comps)) {
            return Some(Detection { format, by_path: true });
        }
    }
    for format in FORMATS {
        if format.weak_paths.iter().any(|r| matches(r, &comps)) && format.weak_path_keys.iter().any(has) {
            return Some(Detection { format, by_path: false });
        }
    }
    if looks_like_command(keys, body) {
        return Some(Detection {
            format: &super::claude_command::FORMAT,
            by_path: false,
        });
    }
    for format in FORMATS {
        if !format.content_all.is_empty() && format.content_all.iter().all(has) && format.content_any.iter().any(has) {
            return Some(Detection { format, by_path: false });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str, keys: &[&str]) -> Option<&'static str> {
        detect(Some(Path::new(path)), keys).map(|d| d.format.id)
    }

    #[test]
    fn path_then_content() {
        assert_eq!(id("p/.claude/agents/x.md", &[]), Some("claude-agent"));
        assert_eq!(id("p/.claude/agents/sub/x.md", &["title"]), Some("claude-agent"));
        assert_eq!(id("p/agents/x.md", &["name", "description"]), Some("claude-agent"));
        assert_eq!(id("p/agents/README.md", &[]), None);
        assert_eq!(id("docs/post.md", &["title", "date"]), None);
        assert_eq!(id("docs/post.md", &["name", "description"]), None);
        assert_eq!(id("cat/x.md", &["name", "description", "tools"]), Some("claude-agent"));
        assert_eq!(id("p/.claude/agents/notes.txt", &[]), None);
        // Copilot agents and skills look like Claude agents but are other formats.
        assert_eq!(
            id("agents/x.agent.md", &["name", "description", "tools"]),
            Some("copilot-agent")
        );
        assert_eq!(
            id("skills/x/SKILL.md", &["name", "description", "model"]),
            Some("skill")
        );
        assert_eq!(
            id("plugin/commands/x.md", &["name", "description", "model"]),
            Some("claude-command")
        );
        assert_eq!(id("p/.github/agents/x.md", &[]), Some("copilot-agent"));
        assert_eq!(id("p/.github/x.chatmode.md", &[]), Some("copilot-chatmode"));
        assert_eq!(id("p/.github/prompts/x.prompt.md", &[]), Some("copilot-prompt"));
        assert_eq!(
            id("p/.github/copilot-instructions.md", &[]),
            Some("copilot-instructions")
        );
        assert_eq!(id("p/x/go.instructions.md", &[]), Some("copilot-instructions"));
        assert_eq!(id("p/CLAUDE.md", &[]), Some("claude-memory"));
        assert_eq!(id("p/AGENTS.md", &[]), Some("claude-memory"));
        assert_eq!(id("p/.claude/rules/api.md", &[]), Some("claude-rule"));
        assert_eq!(id("p/.claude/output-styles/terse.md", &[]), Some("claude-output-style"));
        assert_eq!(id("p/.opencode/agent/review.md", &[]), Some("opencode-agent"));
        assert_eq!(id("p/.cursor/rules/style.mdc", &[]), Some("cursor-rule"));
        // OpenCode commands, not Claude Code's (whose rule takes any `commands/` folder).
        assert_eq!(id("p/.opencode/commands/x.md", &[]), Some("opencode-command"));
        assert_eq!(id("p/.opencode/command/team/x.md", &[]), Some("opencode-command"));
        assert_eq!(
            id("home/.config/opencode/commands/x.md", &["description"]),
            Some("opencode-command")
        );
        assert_eq!(id("p/.opencode/README.md", &[]), None);
        // Kilo Code: OpenCode's formats at Kilo's paths, the legacy `.kilocode/` included.
        assert_eq!(id("p/.kilo/agents/x.md", &[]), Some("kilo-agent"));
        assert_eq!(id("p/.kilocode/agent/x.md", &[]), Some("kilo-agent"));
        assert_eq!(id("home/.config/kilo/agents/x.md", &[]), Some("kilo-agent"));
        assert_eq!(id("p/.kilo/commands/x.md", &[]), Some("kilo-command"));
        assert_eq!(id("p/.kilo/README.md", &[]), None);
        // A `.gemini/agents/` file is Gemini's, even with Claude Code's keys; deeper files and
        // `_x.md` are Gemini's too, and told that Gemini CLI skips them.
        let claude_keys = &["name", "description", "tools", "model", "color"];
        assert_eq!(id("p/.gemini/agents/x.md", claude_keys), Some("gemini-agent"));
        assert_eq!(id("~/.gemini/agents/x.md", &[]), Some("gemini-agent"));
        assert_eq!(id("p/.gemini/agents/sub/x.md", claude_keys), Some("gemini-agent"));
        assert_eq!(id("p/.gemini/agents/_x.md", &[]), Some("gemini-agent"));
        assert_eq!(id("p/.gemini/README.md", &[]), None);
        let skips = |p: &str| crate::formats::gemini::agent::FORMAT.strong_paths[0].skips(Path::new(p));
        assert_eq!(skips("p/.gemini/agents/x.md"), None);
        assert!(skips("p/.gemini/agents/sub/x.md").is_some_and(|w| w.contains("subfolder")));
        assert!(skips("p/.gemini/agents/_x.md").is_some_and(|w| w.contains("`_`")));
        assert_eq!(id("p/README.md", &[]), None);
        // Cline: `.clinerules` is a file or a folder; workflows and skills inside it are theirs.
        assert_eq!(id("p/.clinerules", &[]), Some("cline-rule"));
        assert_eq!(id("p/.clinerules/testing.md", &[]), Some("cline-rule"));
        assert_eq!(id("p/.clinerules/notes.txt", &[]), Some("cline-rule"));
        assert_eq!(id("p/.clinerules/README.md", &[]), Some("cline-rule"));
        assert_eq!(id("p/.clinerules/workflows/deploy.md", &[]), Some("cline-workflow"));
        assert_eq!(id("p/.clinerules/skills/x/SKILL.md", &[]), Some("cline-skill"));
        assert_eq!(id("p/.cline/skills/x/SKILL.md", &[]), Some("cline-skill"));
        assert_eq!(id("p/.cline/rules/x.md", &[]), Some("cline-rule"));
        assert_eq!(id("home/Documents/Cline/Workflows/x.md", &[]), Some("cline-workflow"));
        // `.agents/skills` is shared by several tools: the Agent Skills format.
        assert_eq!(id("p/.agents/skills/x/SKILL.md", &[]), Some("skill"));
        assert_eq!(id("p/docs/clinerules.md", &[]), None);
        assert_eq!(id("p/.clinerules.md", &[]), None);
        // A command outside `commands/`, by its content.
        let cmd =
            |keys: &[&str], body| detect_with_body(Some(Path::new("tools/x.md")), keys, body).map(|d| d.format.id);
        assert_eq!(cmd(&["model"], "Design: $ARGUMENTS"), Some("claude-command"));
        assert_eq!(cmd(&["model"], "Design it"), None);
        assert_eq!(cmd(&["name", "model"], "Design: $ARGUMENTS"), None);
    }
}
