//! The Cline cases: rules (`cline-rule`), workflows (`cline-workflow`) and skills
//! (`cline-skill`), each a mistake or a variant people write, at the place Cline reads it from.
//! Ids are `mutation/<format>/<group>/<mistake>`; the case's name (`{name}` in a template) is
//! `<group>-<mistake>`, unique, so that a batch can tell the files apart. Every body names the
//! case (`… of {name}.`): the oracle finds a file's text in what the model was sent by it.
//!
//! Paths starting with `~/` are in the home folder of the run (Cline's global folders).

use crate::cases::Case;

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

struct Gen {
    format: &'static str,
    out: Vec<Case>,
}

impl Gen {
    /// A file at `path` (`{name}` in it and in the text is the case's name).
    fn at(&mut self, group: &str, mistake: &str, path: &str, template: &str) -> &mut Case {
        let name = format!("{}-{}", slug(group), slug(mistake));
        let id = format!("mutation/{}/{group}/{mistake}", self.format);
        let fill = |t: &str| t.replace("{name}", &name);
        self.out.push(Case::ours(id, self.format, fill(path), fill(template)));
        self.out.last_mut().expect("just pushed")
    }

    /// The same file given as bytes (line ends, BOM, invalid UTF-8).
    fn bytes(&mut self, group: &str, mistake: &str, path: &str, template: &str, map: impl Fn(String) -> Vec<u8>) {
        let case = self.at(group, mistake, path, template);
        case.bytes = map(case.text());
    }
}

fn crlf(t: String) -> Vec<u8> {
    t.replace('\n', "\r\n").into_bytes()
}

fn bom(t: String) -> Vec<u8> {
    let mut b = vec![0xef, 0xbb, 0xbf];
    b.extend(t.into_bytes());
    b
}

/// A rule whose front matter is `lines` (none when empty).
fn rule(lines: &str) -> String {
    if lines.is_empty() {
        "Rule body of {name}.\n".to_string()
    } else {
        format!("---\n{lines}---\nRule body of {{name}}.\n")
    }
}

/// The file the `paths` cases are about: the oracle's prompt names it and the fake model reads
/// it, so that a rule scoped to it has every reason to apply.
pub const CONTEXT_FILE: &str = "src/app.ts";

pub fn rules() -> Vec<Case> {
    let mut g = Gen {
        format: "cline-rule",
        out: Vec::new(),
    };
    let at = ".clinerules/{name}.md";
    g.at("base", "plain", at, &rule(""));
    g.at("base", "front-matter", at, &rule("description: A probe rule.\n"));

    // --- `paths`: the conditional rules of Cline's docs -------------------------------------
    g.at("paths", "matching", at, &rule("paths:\n  - \"src/**\"\n"));
    g.at("paths", "not-matching", at, &rule("paths:\n  - \"docs/**\"\n"));
    g.at("paths", "matching-flow", at, &rule("paths: [\"src/**/*.ts\"]\n"));
    g.at("paths", "string", at, &rule("paths: \"docs/**\"\n"));
    g.at("paths", "empty-list", at, &rule("paths: []\n"));
    g.at(
        "paths",
        "cursor-globs",
        at,
        &rule("globs: docs/**\nalwaysApply: false\n"),
    );
    g.at("paths", "leading-slash", at, &rule("paths:\n  - \"/docs/**\"\n"));

    // --- the front matter block ---------------------------------------------------------
    g.at("front-matter", "empty", at, "---\n---\nRule body of {name}.\n");
    g.at(
        "front-matter",
        "unclosed",
        at,
        "---\npaths:\n  - \"docs/**\"\nRule body of {name}.\n",
    );
    g.at("front-matter", "no-body", at, "---\npaths:\n  - \"docs/**\"\n---\n");
    g.at(
        "front-matter",
        "blank-line-first",
        at,
        "\n---\npaths: [\"docs/**\"]\n---\nRule body of {name}.\n",
    );
    g.at(
        "front-matter",
        "list",
        at,
        "---\n- one\n- two\n---\nRule body of {name}.\n",
    );
    g.at(
        "front-matter",
        "scalar",
        at,
        "---\njust text\n---\nRule body of {name}.\n",
    );
    g.at(
        "front-matter",
        "fenced",
        at,
        "```yaml\n---\npaths: [\"docs/**\"]\n---\n```\nRule body of {name}.\n",
    );
    g.at("yaml-error", "flow-list-unclosed", at, &rule("paths: [\"docs/**\"\n"));
    g.at(
        "yaml-error",
        "quote-unclosed",
        at,
        &rule("paths:\n  - \"docs/**\ndescription: x\n"),
    );
    g.at("yaml-error", "tab-indent", at, &rule("paths:\n\t- \"docs/**\"\n"));
    g.at(
        "yaml-error",
        "bad-indent",
        at,
        &rule("paths:\n  - \"docs/**\"\n - \"src/**\"\n"),
    );
    g.at(
        "yaml-error",
        "duplicate-key",
        at,
        &rule("paths: [\"docs/**\"]\npaths: [\"lib/**\"]\n"),
    );
    g.at("yaml-error", "glob-unquoted-star", at, &rule("paths:\n  - **/*.md\n"));
    g.bytes("encoding", "crlf", at, &rule("paths:\n  - \"docs/**\"\n"), crlf);
    g.bytes("encoding", "bom", at, &rule("paths:\n  - \"docs/**\"\n"), bom);
    g.bytes("encoding", "crlf-plain", at, &rule(""), crlf);
    g.bytes("encoding", "invalid-utf8", at, &rule(""), |t| {
        let mut b = t.into_bytes();
        b.extend([0xff, 0xfe, b'\n']);
        b
    });

    // --- keys -----------------------------------------------------------------------------
    g.at("key", "name", at, &rule("name: Renamed {name}\n"));
    g.at("key", "name-number", at, &rule("name: 42\n"));
    g.at("key", "name-empty", at, &rule("name: \"\"\n"));
    g.at("key", "disabled-true", at, &rule("disabled: true\n"));
    g.at("key", "enabled-false", at, &rule("enabled: false\n"));
    g.at("key", "disabled-string", at, &rule("disabled: \"yes\"\n"));
    g.at("key", "unknown", at, &rule("priority: high\ntags: [a, b]\n"));
    g.at("key", "description-list", at, &rule("description:\n  - a\n  - b\n"));
    g.at(
        "size",
        "large",
        at,
        &format!(
            "Rule body of {{name}}.\n{}",
            "Keep every line short and clear. ".repeat(2000)
        ),
    );

    // --- where the file is ------------------------------------------------------------------
    g.at("location", "txt", ".clinerules/{name}.txt", &rule(""));
    g.at("location", "markdown-ext", ".clinerules/{name}.markdown", &rule(""));
    g.at("location", "upper-ext", ".clinerules/{name}.MD", &rule(""));
    g.at("location", "no-ext", ".clinerules/{name}", &rule(""));
    g.at("location", "mdc", ".clinerules/{name}.mdc", &rule(""));
    g.at("location", "subfolder", ".clinerules/sub/{name}.md", &rule(""));
    g.at("location", "cline-rules", ".cline/rules/{name}.md", &rule(""));
    g.at("location", "global-cline", "~/.cline/rules/{name}.md", &rule(""));
    g.at(
        "location",
        "global-documents",
        "~/Documents/Cline/Rules/{name}.md",
        &rule(""),
    );
    g.at("location", "cursorrules", ".cursorrules", &rule(""));
    g.at("location", "windsurfrules", ".windsurfrules", &rule(""));
    g.at("location", "cursor-rules-dir", ".cursor/rules/{name}.mdc", &rule(""));
    g.at("location", "agents-md", "AGENTS.md", &rule(""));
    g.at(
        "location",
        "clinerules-file",
        ".clinerules",
        &rule("paths:\n  - \"docs/**\"\n"),
    );
    g.at("location", "clinerules-file-plain", ".clinerules", &rule(""));
    // Two files that give the same name: which one is kept. (Two in one folder: the one
    // `readdir` gives last, an order that differs between file systems; so two folders here.)
    g.at(
        "collision",
        "same-name",
        ".clinerules/{name}.md",
        &rule("name: shared-{name}\n"),
    )
    .extra
    .push((
        ".cline/rules/collision-same-name.md".into(),
        "---\nname: shared-collision-same-name\n---\nSecond rule body of collision-same-name.\n".into(),
    ));
    g.at("collision", "workspace-and-global", ".clinerules/{name}.md", &rule(""))
        .extra
        .push((
            "~/.cline/rules/collision-workspace-and-global.md".into(),
            "Global rule body of collision-workspace-and-global.\n".into(),
        ));
    g.out
}

pub fn workflows() -> Vec<Case> {
    let mut g = Gen {
        format: "cline-workflow",
        out: Vec::new(),
    };
    let at = ".clinerules/workflows/{name}.md";
    let body = "Workflow body of {name}.\n1. Step one.\n";
    let with = |lines: &str| format!("---\n{lines}---\n{body}");
    g.at("base", "plain", at, body);
    g.at(
        "base",
        "arguments",
        at,
        "Workflow body of {name} for $ARGUMENTS and $1.\n",
    );
    g.at("key", "description", at, &with("description: Deploys the app.\n"));
    g.at("key", "name", at, &with("name: renamed-{name}\n"));
    g.at("key", "disabled-true", at, &with("disabled: true\n"));
    g.at("key", "name-number", at, &with("name: 42\n"));
    g.at("key", "unknown", at, &with("argument-hint: <target>\nmodel: haiku\n"));
    g.at("front-matter", "yaml-error", at, &with("description: \"Deploys\n"));
    g.at(
        "front-matter",
        "no-body",
        at,
        "---\ndescription: Deploys the app.\n---\n",
    );
    g.bytes("encoding", "crlf", at, &with("description: Deploys the app.\n"), crlf);
    g.bytes("encoding", "bom", at, &with("description: Deploys the app.\n"), bom);
    g.at("name", "spaces", ".clinerules/workflows/{name} with spaces.md", body);
    g.at("name", "upper", ".clinerules/workflows/{name}-UPPER.md", body);
    g.at("location", "txt", ".clinerules/workflows/{name}.txt", body);
    g.at("location", "subfolder", ".clinerules/workflows/sub/{name}.md", body);
    g.at("location", "cline-workflows", ".cline/workflows/{name}.md", body);
    g.at("location", "global-cline", "~/.cline/workflows/{name}.md", body);
    g.at(
        "location",
        "global-documents",
        "~/Documents/Cline/Workflows/{name}.md",
        body,
    );
    g.at("location", "windsurf", ".windsurf/workflows/{name}.md", body);
    // Invoked with the `.md` the VS Code extension's autocomplete inserts (a full prompt).
    g.at("invoke", "md-suffix", at, body).args = Some("/invoke-md-suffix.md alpha beta".into());
    // Two workflows with the same name in the project's two folders: which one is kept.
    g.at("collision", "same-name", at, body).extra.push((
        ".cline/workflows/collision-same-name.md".into(),
        "Second workflow body of collision-same-name.\n".into(),
    ));
    // A workflow and a skill with the same name: which one `/name` runs.
    g.at("collision", "skill", at, body).extra.push((
        ".cline/skills/collision-skill/SKILL.md".into(),
        "---\nname: collision-skill\ndescription: A skill of the same name.\n---\nSkill body of collision-skill.\n"
            .into(),
    ));
    g.out
}

/// A skill whose front matter is `lines` after the name line `name`.
fn skill(name: &str, lines: &str) -> String {
    format!("---\n{name}description: Probe skill {{name}}.\n{lines}---\nSkill body of {{name}}.\n")
}

pub fn skills() -> Vec<Case> {
    let mut g = Gen {
        format: "cline-skill",
        out: Vec::new(),
    };
    let at = ".cline/skills/{name}/SKILL.md";
    let named = "name: {name}\n";
    g.at("base", "valid", at, &skill(named, ""));
    // --- name -------------------------------------------------------------------------------
    g.at("name", "differs-from-folder", at, &skill("name: other-{name}\n", ""));
    g.at("name", "missing", at, &skill("", ""));
    g.at("name", "empty", at, &skill("name: \"\"\n", ""));
    g.at("name", "number", at, &skill("name: 42\n", ""));
    g.at("name", "upper", at, &skill("name: Name-Upper\n", ""));
    g.at("name", "spaces", at, &skill("name: name spaces\n", ""));
    // --- description ------------------------------------------------------------------------
    g.at(
        "description",
        "missing",
        at,
        "---\nname: {name}\n---\nSkill body of {name}. Second sentence.\n",
    );
    g.at(
        "description",
        "empty",
        at,
        "---\nname: {name}\ndescription: \"\"\n---\nSkill body of {name}.\n",
    );
    g.at(
        "description",
        "list",
        at,
        "---\nname: {name}\ndescription:\n  - a\n  - b\n---\nSkill body of {name}.\n",
    );
    g.at(
        "description",
        "long",
        at,
        &format!(
            "---\nname: {{name}}\ndescription: {}\n---\nSkill body of {{name}}.\n",
            "Probe skill. ".repeat(120)
        ),
    );
    // --- the front matter block -------------------------------------------------------------
    g.at("front-matter", "none", at, "Skill body of {name}.\n");
    g.at(
        "front-matter",
        "unclosed",
        at,
        "---\nname: {name}\ndescription: Probe skill.\nSkill body of {name}.\n",
    );
    g.at(
        "front-matter",
        "yaml-error",
        at,
        "---\nname: {name}\ndescription: \"Probe\n---\nSkill body of {name}.\n",
    );
    g.at(
        "front-matter",
        "no-body",
        at,
        "---\nname: {name}\ndescription: Probe skill.\n---\n",
    );
    g.bytes("encoding", "crlf", at, &skill(named, ""), crlf);
    g.bytes("encoding", "bom", at, &skill(named, ""), bom);
    // --- keys -------------------------------------------------------------------------------
    g.at("key", "disabled-true", at, &skill(named, "disabled: true\n"));
    g.at("key", "enabled-false", at, &skill(named, "enabled: false\n"));
    g.at("key", "disabled-string", at, &skill(named, "disabled: \"yes\"\n"));
    g.at(
        "key",
        "agentskills-optional",
        at,
        &skill(
            named,
            "license: MIT\ncompatibility: Needs nothing.\nmetadata:\n  author: probe\nallowed-tools: Read Grep\n",
        ),
    );
    g.at(
        "key",
        "claude-only",
        at,
        &skill(named, "context: fork\nmodel: haiku\nuser-invocable: false\n"),
    );
    // --- where the file is ------------------------------------------------------------------
    g.at(
        "location",
        "clinerules-skills",
        ".clinerules/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "agents-skills",
        ".agents/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "claude-skills",
        ".claude/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "global-cline",
        "~/.cline/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "global-agents",
        "~/.agents/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "global-claude",
        "~/.claude/skills/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "lowercase-file",
        ".cline/skills/{name}/skill.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "nested",
        ".cline/skills/group/{name}/SKILL.md",
        &skill(named, ""),
    );
    g.at(
        "location",
        "root-file",
        ".clinerules/skills/SKILL.md",
        &skill(named, ""),
    );
    g.at("location", "bare-md", ".cline/skills/{name}.md", &skill(named, ""));
    // The project's two skill folders, one skill name: which one is kept.
    g.at(
        "collision",
        "same-name",
        ".clinerules/skills/{name}/SKILL.md",
        &skill(named, ""),
    )
    .extra
    .push((
        ".cline/skills/collision-same-name/SKILL.md".into(),
        "---\nname: collision-same-name\ndescription: The second one.\n---\nSecond skill body of collision-same-name.\n".into(),
    ));
    // Two folders whose skills give the same name: which one is kept.
    g.at("collision", "workspace-and-global", at, &skill(named, "")).extra.push((
        "~/.cline/skills/collision-workspace-and-global/SKILL.md".into(),
        "---\nname: collision-workspace-and-global\ndescription: The global one.\n---\nGlobal skill body of collision-workspace-and-global.\n".into(),
    ));
    g.out
}

/// Every Cline case.
pub fn all() -> Vec<Case> {
    let mut out = rules();
    out.extend(workflows());
    out.extend(skills());
    out
}

/// Whether the Cline oracle reads a case.
pub fn observes(c: &Case) -> bool {
    matches!(c.format.as_str(), "cline-rule" | "cline-workflow" | "cline-skill")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_bodies_name_their_case() {
        let cases = super::all();
        let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        for c in &cases {
            let name = c.id.splitn(3, '/').nth(2).unwrap().replace('/', "-");
            let text = c.text();
            let empty_body = c.id.ends_with("/no-body");
            assert!(
                empty_body || text.contains(&format!("of {name}")),
                "{}: the body does not name it",
                c.id
            );
        }
    }
}
