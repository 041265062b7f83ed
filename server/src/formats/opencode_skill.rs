//! How OpenCode 1.18.33 finds and reads Agent Skills, observed with `opencode debug skill` and
//! `GET /skill` (`truth/recorded/opencode@1.18.33.jsonl`, the `mutation/opencode-skill/…` cases;
//! a test in `truth/` keeps this table equal to the recording). Data only: the `skill` format
//! is the standard as Claude Code reads it; a per-tool check of skills reads [`LOADER`].

use super::Effect;
use super::skill::SkillLoader;

pub static LOADER: SkillLoader = SkillLoader {
    product: "OpenCode",
    project_dirs: &[".opencode/skill", ".opencode/skills", ".agents/skills"],
    home_dirs: &[".config/opencode/skill", ".config/opencode/skills", ".agents/skills"],
    compat_dirs: &[".claude/skills"],
    compat_switch: Some("OPENCODE_DISABLE_CLAUDE_CODE"),
    file_name: "SKILL.md",
    nested: true,
    keys: &["name", "description"],
    named_by_folder: false,
    checks_name_syntax: false,
    without_name: Effect::NotLoaded,
    description_not_text: Effect::NotLoaded,
    unreadable: Effect::NotLoaded,
    without_description: Effect::Ignored,
    duplicate_name: "OpenCode keeps one of them, and logs `duplicate skill name`",
};
