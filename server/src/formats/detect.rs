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
        PathRule::Under(seq, ext) => {
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

/// Files that belong to formats agentls has no catalog for yet (Copilot, skills, commands,
/// OpenCode, Cursor; formats.md §3). Their front matter often looks like a Claude agent's, so
/// they are claimed here to keep the content rule from misreading them.
static NOT_YET_CATALOGED: &[(&str, &[PathRule])] = &[
    (
        "copilot",
        &[
            PathRule::Suffix(".agent.md"),
            PathRule::Suffix(".chatmode.md"),
            PathRule::Suffix(".prompt.md"),
            PathRule::Suffix(".instructions.md"),
            PathRule::Under(&[".github", "agents"], ".md"),
            PathRule::Under(&[".github"], "copilot-instructions.md"),
        ],
    ),
    ("skill", &[PathRule::Suffix("/SKILL.md")]),
    (
        "claude-command",
        &[
            PathRule::Under(&[".claude", "commands"], ".md"),
            PathRule::InDirNamed("commands", ".md"),
        ],
    ),
    (
        "opencode-agent",
        &[
            PathRule::Under(&[".opencode", "agent"], ".md"),
            PathRule::Under(&[".opencode", "agents"], ".md"),
        ],
    ),
    ("cursor-rule", &[PathRule::Under(&[".cursor", "rules"], "")]),
];

/// `keys`: the top-level keys of the front matter, if it parsed (empty otherwise).
pub fn detect(path: Option<&Path>, keys: &[&str]) -> Option<Detection> {
    let comps = path.map(components).unwrap_or_default();
    let has = |k: &&str| keys.contains(k);
    for format in FORMATS {
        if format.strong_paths.iter().any(|r| matches(r, &comps)) {
            return Some(Detection { format, by_path: true });
        }
    }
    if NOT_YET_CATALOGED
        .iter()
        .any(|(_, rules)| rules.iter().any(|r| matches(r, &comps)))
    {
        return None;
    }
    for format in FORMATS {
        if format.weak_paths.iter().any(|r| matches(r, &comps)) && format.weak_path_keys.iter().any(has) {
            return Some(Detection { format, by_path: false });
        }
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
        assert_eq!(id("agents/x.agent.md", &["name", "description", "tools"]), None);
        assert_eq!(id("skills/x/SKILL.md", &["name", "description", "model"]), None);
        assert_eq!(id("plugin/commands/x.md", &["name", "description", "model"]), None);
    }
}
