//! How each tool reads one `SKILL.md`: the folders it scans, how it names the skill, and what
//! makes it drop the skill (or report it as an error), each with the effect and what shows it.
//! One Agent Skills file is read by many tools with different rules; the `skill` format holds
//! what the standard says, these tables hold what each tool does.
//!
//! Kept in one file, keyed by tool id, so that each table can move into its product's module
//! (`gemini/`, `cline/`…) once that product exists, with `Product::skills` pointing at it.
//! The analysis reads [`READINGS`] and names no tool.
//!
//! Facts come from recordings (`truth/recorded/`, `truth/gemini/FINDINGS.md` "Skills",
//! `truth/cline/FINDINGS.md` §3) where the tool was run, and from sources where it was not
//! (Codex: `shared/spec/formats-landscape.md` §3); [`Evidence`] says which.

use super::Effect;

/// One tool's reading of skills.
#[derive(Debug)]
pub struct SkillReading {
    /// The id `targets` in `agentls.toml` names it by.
    pub tool: &'static str,
    /// The tool as messages name it ("Cline does not load this skill").
    pub name: &'static str,
    /// What shows the folders and the naming.
    pub evidence: Evidence,
    /// Skill roots in a project, as path components under which `<folder>/SKILL.md` sits.
    pub project_roots: &'static [&'static str],
    /// Skill roots in the user's home (`~/…`) or the system.
    pub user_roots: &'static [&'static str],
    /// A `SKILL.md` directly in a root (`.cline/skills/SKILL.md`) is a skill too: `Some`
    /// when recorded, `None` when unknown (then agentls says nothing about such a file).
    pub root_file: Option<bool>,
    /// A `SKILL.md` deeper than one folder below a root (`<root>/group/x/SKILL.md`) is a skill
    /// too (recorded); `false` where only one level is known.
    pub nested: bool,
    pub naming: SkillNaming,
    /// What makes it not load the skill, or report it as an error.
    pub drops: &'static [SkillDrop],
}

/// Where a fact comes from.
#[derive(Debug, Clone, Copy)]
pub enum Evidence {
    /// Observed running the tool at this version (cases in `truth/`).
    Recorded { version: &'static str, cases: &'static str },
    /// Read in the tool's source or documentation; the tool was not run.
    Source(&'static str),
}

impl Evidence {
    /// A short sentence for docs and hovers.
    pub fn describe(&self) -> String {
        match self {
            Evidence::Recorded { version, cases } => format!("recorded with {version} ({cases})"),
            Evidence::Source(s) => format!("from source, not recorded: {s}"),
        }
    }
}

/// How a tool names a skill (what it lists and what `/…` invokes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillNaming {
    /// By its folder, whatever `name` says (shown as `folder (name)` when they differ).
    Folder,
    /// By its `name`, or by its folder when there is none.
    NameElseFolder,
    /// By its `name`, which it requires.
    Name,
    /// Not observed.
    Unrecorded,
}

/// A cause a tool drops a skill for, or reports it as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkillCause {
    /// `name` holds something else than lowercase letters, digits and hyphens.
    NameCharset,
    NameTooLong(usize),
    /// No `name` key.
    NameMissing,
    /// `name` is not text (a number, a list, a mapping).
    NameNotText,
    DescriptionMissing,
    DescriptionNotText,
    DescriptionTooLong(usize),
    /// No front matter block, or one never closed.
    NoFrontMatter,
    /// The front matter is not strict YAML.
    YamlError,
    /// Nothing after the front matter.
    EmptyBody,
    /// A byte order mark or a blank line before the opening `---`.
    FrontMatterNotAtStart,
    /// `disabled: true` or `enabled: false`: turned off on purpose.
    Disabled,
    /// `disabled` or `enabled` is not `true` or `false`.
    SwitchNotBool,
    /// The key is there with a value of another type than `Want` (a blank value counts as
    /// one: `name:` is a null, not text). `a.b` is the key `b` of the mapping `a`.
    WrongType(&'static str, Want),
    /// The front matter is not YAML as libyaml reads it (serde_yaml): strict YAML, except that
    /// a flow collection's closing `]` or `}` may stand at any indentation.
    LibyamlError,
    /// A key appears twice at the top of the front matter.
    DuplicateKey,
    /// An entry of the mapping `key` that has `with` lacks `needs` (an MCP server with a
    /// `command` and no `args`).
    EntryNeeds {
        key: &'static str,
        with: &'static str,
        needs: &'static str,
    },
}

/// The type a tool wants a key's value to have ([`SkillCause::WrongType`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// Text (a quoted or plain string, not a number or a boolean); may be empty.
    Text,
    /// Text that is not empty.
    NonEmptyText,
    /// `true` or `false`.
    Bool,
    /// A mapping.
    Map,
    /// A mapping, or nothing (`key:` left blank reads as absent).
    MapOrBlank,
    /// Text, or nothing.
    TextOrBlank,
    /// Text, or a list of texts.
    TextOrTexts,
    /// Text, or a list of texts that is not empty.
    TextOrSomeTexts,
}

impl Want {
    pub fn describe(self) -> &'static str {
        match self {
            Want::Text => "text",
            Want::NonEmptyText => "text that is not empty",
            Want::Bool => "`true` or `false`",
            Want::Map => "a mapping",
            Want::MapOrBlank => "a mapping",
            Want::TextOrBlank => "text",
            Want::TextOrTexts => "text or a list of texts",
            Want::TextOrSomeTexts => "text or a non-empty list of non-empty texts",
        }
    }
}

impl SkillCause {
    /// The cause in words, for docs and hovers.
    pub fn describe(self) -> String {
        match self {
            SkillCause::NameCharset => "`name` holds anything but lowercase letters, digits and hyphens".into(),
            SkillCause::NameTooLong(n) => format!("`name` is over {n} characters"),
            SkillCause::NameMissing => "no `name`".into(),
            SkillCause::NameNotText => "`name` is not text (a number, a list…)".into(),
            SkillCause::DescriptionMissing => "no `description`".into(),
            SkillCause::DescriptionNotText => "`description` is not text (a list…)".into(),
            SkillCause::DescriptionTooLong(n) => format!("`description` is over {n} characters"),
            SkillCause::NoFrontMatter => "no front matter, or one never closed".into(),
            SkillCause::YamlError => "the front matter is not valid YAML".into(),
            SkillCause::EmptyBody => "nothing after the front matter".into(),
            SkillCause::FrontMatterNotAtStart => "a byte order mark or a blank line before the opening `---`".into(),
            SkillCause::Disabled => "`disabled: true` or `enabled: false`".into(),
            SkillCause::SwitchNotBool => "`disabled` or `enabled` is not `true` or `false`".into(),
            SkillCause::WrongType(k, want) => format!("`{k}` is not {}", want.describe()),
            SkillCause::LibyamlError => "the front matter is not valid YAML to libyaml".into(),
            SkillCause::DuplicateKey => "a key appears twice".into(),
            SkillCause::EntryNeeds { key, with, needs } => {
                format!("an entry of `{key}` with `{with}` has no `{needs}`")
            }
        }
    }
}

impl SkillNaming {
    pub fn describe(self) -> &'static str {
        match self {
            SkillNaming::Folder => "its folder, whatever `name` says",
            SkillNaming::NameElseFolder => "its `name`, else its folder",
            SkillNaming::Name => "its `name`",
            SkillNaming::Unrecorded => "not recorded",
        }
    }
}

/// One cause with its effect and what shows it.
#[derive(Debug)]
pub struct SkillDrop {
    pub cause: SkillCause,
    /// `NotLoaded` (the tool skips the skill) or `Rejected` (it reports an error).
    pub effect: Effect,
    /// The recorded cases, or the source.
    pub evidence: &'static str,
}

const fn drop(cause: SkillCause, evidence: &'static str) -> SkillDrop {
    SkillDrop {
        cause,
        effect: Effect::NotLoaded,
        evidence,
    }
}

pub static CLAUDE_CODE: SkillReading = SkillReading {
    tool: "claude-code",
    name: "Claude Code",
    evidence: Evidence::Recorded {
        version: "Claude Code 2.1.332",
        cases: "`mutation/skill/*`",
    },
    project_roots: &[".claude/skills"],
    user_roots: &["~/.claude/skills"],
    // `name/differs-from-folder` is listed as `name-differs-from-folder (other-…)`, and
    // `name/missing`, `front-matter/none`, `yaml-error`, `description/missing` all load.
    root_file: None,
    nested: false,
    naming: SkillNaming::Folder,
    drops: &[],
};

pub static COPILOT: SkillReading = SkillReading {
    tool: "copilot",
    name: "VS Code",
    evidence: Evidence::Source(
        "roots from shared/spec/formats-landscape.md §3 (GitHub Copilot CLI / VS Code); the recording has `.github/skills/` cases only",
    ),
    project_roots: &[".github/skills", ".claude/skills", ".agents/skills"],
    user_roots: &["~/.copilot/skills"],
    // VS Code's validator only says the name "should match the folder"; the recording does
    // not show which name the chat offers.
    root_file: None,
    nested: false,
    naming: SkillNaming::Unrecorded,
    drops: &[SkillDrop {
        cause: SkillCause::NameCharset,
        effect: Effect::Rejected,
        evidence: "recorded with VS Code 1.139.1 (`mutation/vscode/skill/value-name-capital`, `value-name-uppercase`, `value-name-underscore`: \"Skill name may only contain lowercase letters, numbers, and hyphens.\", an error)",
    }],
};

/// Recorded with `copilot skill list` (`truth record --tool copilot-cli`: every `SKILL.md` case
/// and `mutation/copilot-cli/skill-location/*`; `truth/tests/skills_by_tool.rs` holds this table
/// to the recording). Not `~/.claude/skills/` (`home-claude-skills`), though `.claude/skills/`
/// in the project is read.
pub static COPILOT_CLI: SkillReading = SkillReading {
    tool: "copilot-cli",
    name: "the GitHub Copilot CLI",
    evidence: Evidence::Recorded {
        version: super::COPILOT_CLI_VERSION,
        cases: "`mutation/copilot-cli/skill-location/*`, `mutation/skill/*`",
    },
    project_roots: &[".github/skills", ".agents/skills", ".claude/skills"],
    user_roots: &["~/.copilot/skills", "~/.agents/skills"],
    // `.github/skills/SKILL.md` is listed (`skill-location/root-file`), and so is
    // `.github/skills/group/x/SKILL.md` (`skill-location/nested`).
    root_file: Some(true),
    nested: true,
    // Its `name` (`name/differs-from-folder` is listed as `other-…`), else its folder.
    naming: SkillNaming::NameElseFolder,
    drops: &[
        drop(
            SkillCause::NoFrontMatter,
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/skill/front-matter/none`, `unclosed`: \"missing or malformed YAML frontmatter\")",
        ),
        drop(
            SkillCause::LibyamlError,
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/skill/front-matter/yaml-error`: \"failed to parse YAML frontmatter\")",
        ),
        drop(
            SkillCause::DuplicateKey,
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/vscode/skill/duplicate-*`: \"duplicate entry with key …\")",
        ),
        drop(
            SkillCause::WrongType("name", Want::NonEmptyText),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/vscode/skill/list-for-name`, `empty-name`: \"Skill name must be a string\"; `empty-quoted-name`: \"must not be empty\")",
        ),
        drop(
            SkillCause::WrongType("description", Want::Text),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/skill/description/number`, `mutation/vscode/skill/empty-description`: \"Skill description must be a string\")",
        ),
        drop(
            SkillCause::DescriptionTooLong(1024),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/skill/description/long`: \"Skill description must be at most 1024 characters\")",
        ),
        drop(
            SkillCause::WrongType("argument-hint", Want::TextOrBlank),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/skill/key/argument-hint-list`: \"argument-hint must be a string\")",
        ),
        drop(
            SkillCause::WrongType("user-invocable", Want::Bool),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/vscode/skill/bool-user-invocable-*`: \"user-invocable must be a boolean\")",
        ),
        drop(
            SkillCause::WrongType("disable-model-invocation", Want::Bool),
            "recorded with GitHub Copilot CLI 1.0.102 (`mutation/vscode/skill/bool-disable-model-invocation-*`: \"disable-model-invocation must be a boolean\")",
        ),
    ],
};

pub static GEMINI_CLI: SkillReading = SkillReading {
    tool: "gemini-cli",
    name: "Gemini CLI",
    evidence: Evidence::Recorded {
        version: "Gemini CLI 0.61.0",
        cases: "`S/base/*`; truth/gemini/FINDINGS.md \"Skills\"",
    },
    project_roots: &[".gemini/skills", ".agents/skills"],
    user_roots: &["~/.gemini/skills", "~/.agents/skills"],
    // Its `name:`, with `:\/<>*?"|` turned into `-`; case and spaces kept.
    root_file: Some(true),
    nested: false,
    naming: SkillNaming::Name,
    drops: &[
        drop(
            SkillCause::NoFrontMatter,
            "recorded with Gemini CLI 0.61.0 (`S/front-matter/*`: not found, no message)",
        ),
        drop(
            SkillCause::NameMissing,
            "recorded with Gemini CLI 0.61.0 (`S/name/missing`: skipped, no message)",
        ),
        drop(
            SkillCause::DescriptionMissing,
            "recorded with Gemini CLI 0.61.0 (`S/description/missing`: skipped, no message)",
        ),
        drop(
            SkillCause::FrontMatterNotAtStart,
            "recorded with Gemini CLI 0.61.0 (`S/front-matter/bom`, `blank-line-first`: not found, no message)",
        ),
    ],
};

pub static CLINE: SkillReading = SkillReading {
    tool: "cline",
    name: "Cline",
    evidence: Evidence::Recorded {
        version: "Cline CLI 3.0.65",
        cases: "`location/*`; truth/cline/FINDINGS.md §3 S1–S3",
    },
    // Not `.claude/skills`: the classic extension ≤ 3.89.2 read it, current Cline does not.
    project_roots: &[".clinerules/skills", ".cline/skills", ".agents/skills"],
    user_roots: &["~/.cline/skills", "~/.agents/skills"],
    // Current Cline lists a skill under its `name:` even when it differs from the folder
    // (`name/differs-from-folder`); only the classic extension ≤ 3.89.2 dropped it.
    root_file: Some(true),
    nested: false,
    naming: SkillNaming::NameElseFolder,
    drops: &[
        drop(
            SkillCause::NameNotText,
            "recorded with Cline CLI 3.0.65 (`name/number`: dropped)",
        ),
        drop(
            SkillCause::DescriptionNotText,
            "recorded with Cline CLI 3.0.65 (`description/list`: dropped)",
        ),
        drop(
            SkillCause::YamlError,
            "recorded with Cline CLI 3.0.65 (`front-matter/yaml-error`: dropped)",
        ),
        drop(
            SkillCause::EmptyBody,
            "recorded with Cline CLI 3.0.65 (`front-matter/no-body`: \"Missing instructions body in skill file.\")",
        ),
        drop(
            SkillCause::SwitchNotBool,
            "recorded with Cline CLI 3.0.65 (`key/disabled-string`: dropped)",
        ),
        SkillDrop {
            cause: SkillCause::Disabled,
            // Turned off on purpose: worth knowing, not a mistake.
            effect: Effect::Style,
            evidence: "recorded with Cline CLI 3.0.65 (`key/disabled-true`, `key/enabled-false`: not listed, not offered)",
        },
    ],
};

/// Recorded with `opencode debug skill` and `GET /skill` (`mutation/opencode-skill/*`; a test
/// in `truth/` keeps this table equal to the recording). Unlike its documentation says, a
/// skill without a `description` loads (`description/missing`), and the singular
/// `.opencode/skill/` is read too (`layout/singular`).
pub static OPENCODE: SkillReading = SkillReading {
    tool: "opencode",
    name: "OpenCode",
    evidence: Evidence::Recorded {
        version: "OpenCode 1.18.33",
        cases: "`mutation/opencode-skill/*`",
    },
    // `.claude/skills` unless `OPENCODE_DISABLE_CLAUDE_CODE` is set.
    project_roots: &[
        ".opencode/skill",
        ".opencode/skills",
        ".claude/skills",
        ".agents/skills",
    ],
    user_roots: &[
        "~/.config/opencode/skill",
        "~/.config/opencode/skills",
        "~/.claude/skills",
        "~/.agents/skills",
    ],
    root_file: None,
    // `**/SKILL.md`: a skill in a group folder loads (`layout/nested`).
    nested: true,
    // Its `name`, whatever the folder is called (`name/other-folder`), any case
    // (`name/uppercase`).
    naming: SkillNaming::Name,
    drops: &[
        drop(
            SkillCause::NameMissing,
            "recorded with OpenCode 1.18.33 (`mutation/opencode-skill/name/missing`: not listed)",
        ),
        drop(
            SkillCause::NameNotText,
            "recorded with OpenCode 1.18.33 (`mutation/opencode-skill/name/number`: not listed)",
        ),
        drop(
            SkillCause::DescriptionNotText,
            "recorded with OpenCode 1.18.33 (`mutation/opencode-skill/description/number`: not listed)",
        ),
        drop(
            SkillCause::NoFrontMatter,
            "recorded with OpenCode 1.18.33 (`mutation/opencode-skill/front-matter/none`: not listed)",
        ),
        drop(
            SkillCause::YamlError,
            "recorded with OpenCode 1.18.33 (`mutation/opencode-skill/front-matter/yaml-error`: not listed)",
        ),
    ],
};

/// Kilo Code, a fork of OpenCode, reads skills as OpenCode does, from its own folders
/// (`mutation/kilo-skill/*`: `layout/opencode-dir` is not listed, `layout/kilo-dir` is).
pub static KILO: SkillReading = SkillReading {
    tool: "kilo",
    name: "Kilo Code",
    evidence: Evidence::Recorded {
        version: "Kilo Code 7.7.7",
        cases: "`mutation/kilo-skill/*`",
    },
    // `.claude/skills` unless `KILO_DISABLE_CLAUDE_CODE` is set.
    project_roots: &[
        ".kilo/skill",
        ".kilo/skills",
        ".kilocode/skill",
        ".kilocode/skills",
        ".claude/skills",
        ".agents/skills",
    ],
    user_roots: &[
        "~/.config/kilo/skill",
        "~/.config/kilo/skills",
        "~/.claude/skills",
        "~/.agents/skills",
    ],
    root_file: None,
    nested: true,
    naming: SkillNaming::Name,
    drops: &[
        drop(
            SkillCause::NameMissing,
            "recorded with Kilo Code 7.7.7 (`mutation/kilo-skill/name/missing`: not listed)",
        ),
        drop(
            SkillCause::NameNotText,
            "recorded with Kilo Code 7.7.7 (`mutation/kilo-skill/name/number`: not listed)",
        ),
        drop(
            SkillCause::DescriptionNotText,
            "recorded with Kilo Code 7.7.7 (`mutation/kilo-skill/description/number`: not listed)",
        ),
        drop(
            SkillCause::NoFrontMatter,
            "recorded with Kilo Code 7.7.7 (`mutation/kilo-skill/front-matter/none`: not listed)",
        ),
        drop(
            SkillCause::YamlError,
            "recorded with Kilo Code 7.7.7 (`mutation/kilo-skill/front-matter/yaml-error`: not listed)",
        ),
    ],
};

pub static CODEX: SkillReading = SkillReading {
    tool: "codex",
    name: "Codex",
    evidence: Evidence::Source(
        "openai/codex `codex-rs/core-skills/src/loader.rs`, as shared/spec/formats-landscape.md §3 reads it",
    ),
    project_roots: &[".agents/skills", ".codex/skills"],
    user_roots: &["~/.agents/skills", "~/.codex/skills", "/etc/codex/skills"],
    root_file: None,
    nested: false,
    naming: SkillNaming::NameElseFolder,
    drops: &[
        drop(
            SkillCause::YamlError,
            "from source, not recorded: the loader reads the front matter with serde_yaml (strict YAML) and records an error for the file",
        ),
        drop(
            SkillCause::NameTooLong(64),
            "from source, not recorded: `name` at most 64 characters",
        ),
        drop(
            SkillCause::DescriptionTooLong(1024),
            "from source, not recorded: `description` at most 1,024 characters",
        ),
    ],
};

/// Every tool whose reading of skills agentls knows, in the order findings list them.
pub static READINGS: &[&SkillReading] = &[
    &CLAUDE_CODE,
    &COPILOT,
    &COPILOT_CLI,
    &GEMINI_CLI,
    &CLINE,
    &OPENCODE,
    &KILO,
    &CODEX,
];

pub fn by_tool(id: &str) -> Option<&'static SkillReading> {
    READINGS.iter().copied().find(|r| r.tool == id)
}

/// The ids `targets` accepts.
pub fn ids() -> Vec<&'static str> {
    READINGS.iter().map(|r| r.tool).collect()
}

impl SkillReading {
    /// Every root, project ones first.
    pub fn roots(&self) -> impl Iterator<Item = &'static str> {
        self.project_roots.iter().chain(self.user_roots).copied()
    }

    /// Whether the tool reads a skill at `path`: `Some(true)` for `<root>/<folder>/SKILL.md`
    /// (exactly that name, one level), and for `<root>/SKILL.md` where it reads those;
    /// `Some(false)` elsewhere; `None` where nothing is known (a file in a root of a tool not
    /// recorded on such files).
    pub fn reads(&self, path: &std::path::Path) -> Option<bool> {
        if path.file_name().and_then(|n| n.to_str()) != Some("SKILL.md") {
            return Some(false);
        }
        let in_root = |dir: Option<&std::path::Path>| {
            let comps: Vec<&str> = dir
                .into_iter()
                .flat_map(|d| d.components())
                .filter_map(|c| c.as_os_str().to_str())
                .collect();
            self.roots().any(|r| {
                let want: Vec<&str> = r.trim_start_matches("~/").trim_start_matches('/').split('/').collect();
                comps.ends_with(&want)
            })
        };
        let parent = path.parent();
        if in_root(parent.and_then(|p| p.parent())) {
            return Some(true);
        }
        if self.nested
            && parent
                .and_then(|p| p.parent())
                .is_some_and(|g| g.ancestors().skip(1).any(|a| in_root(Some(a))))
        {
            return Some(true);
        }
        if in_root(parent) {
            return self.root_file;
        }
        Some(false)
    }

    /// Whether the tool surely reads a skill at `path`.
    pub fn scans(&self, path: &std::path::Path) -> bool {
        self.reads(path) == Some(true)
    }
}

/// The readings to judge a skill at `path` for: the named `targets` (unknown ids are left to
/// the configuration's validation), or, without targets, every tool that scans its folder.
pub fn targeted(path: Option<&std::path::Path>, targets: Option<&[String]>) -> Vec<&'static SkillReading> {
    match targets {
        Some(ids) => READINGS
            .iter()
            .copied()
            .filter(|r| ids.iter().any(|i| i == r.tool))
            .collect(),
        None => READINGS
            .iter()
            .copied()
            .filter(|r| path.is_some_and(|p| r.scans(p)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn scans_by_root() {
        let found = |p: &str| -> Vec<&str> { targeted(Some(Path::new(p)), None).iter().map(|r| r.tool).collect() };
        assert_eq!(
            found("/p/.claude/skills/x/SKILL.md"),
            ["claude-code", "copilot", "copilot-cli", "opencode", "kilo"]
        );
        assert_eq!(
            found("/p/.agents/skills/x/SKILL.md"),
            [
                "copilot",
                "copilot-cli",
                "gemini-cli",
                "cline",
                "opencode",
                "kilo",
                "codex"
            ]
        );
        assert_eq!(found("/home/u/.config/opencode/skills/x/SKILL.md"), ["opencode"]);
        assert_eq!(found("/p/.opencode/skill/x/SKILL.md"), ["opencode"]);
        // One level only, but for the tools recorded reading `**/SKILL.md`.
        assert_eq!(
            found("/p/.claude/skills/group/x/SKILL.md"),
            ["copilot-cli", "opencode", "kilo"]
        );
        assert_eq!(found("/home/u/.copilot/skills/x/SKILL.md"), ["copilot", "copilot-cli"]);
        assert!(found("/p/.gemini/skills/group/x/SKILL.md").is_empty());
        assert!(found("/p/skills/x/SKILL.md").is_empty());
    }

    #[test]
    fn products_point_at_their_own_reading() {
        for p in crate::formats::PRODUCTS {
            if let Some(r) = p.skills {
                assert_eq!(r.name, p.name, "{}", r.tool);
                assert!(READINGS.iter().any(|x| std::ptr::eq(*x, r)), "{}", r.tool);
            }
        }
    }

    #[test]
    fn every_drop_says_what_shows_it() {
        for r in READINGS {
            for d in r.drops {
                assert!(!d.evidence.is_empty(), "{}", r.tool);
                assert!(
                    matches!(d.effect, Effect::NotLoaded | Effect::Rejected | Effect::Style),
                    "{}",
                    r.tool
                );
            }
        }
    }
}
