//! Cases for OpenCode's commands and skills, and for Kilo Code (OpenCode's fork): every command
//! key × the usual mistakes, the body syntax run with arguments, where commands and skills live,
//! and what OpenCode drops of a skill. Kilo gets the same commands at its own paths and a sample
//! of the OpenCode agent mutations moved to `.kilo/`.
//!
//! Ids are `mutation/<format>/<group>/<mistake>`; file names are `<group>-<mistake>`, unique.
//! Shell lines are harmless `echo`s, and only these cases of ours are ever run.

use super::Case;

/// A command whose front matter is `description`, then `lines`; its body takes the arguments.
fn command_with(lines: &str) -> String {
    format!("---\ndescription: Probe command {{name}}.\n{lines}---\nProbe {{name}} with $ARGUMENTS.\n")
}

/// The arguments every command case of ours is run with.
const ARGS: &str = "alpha beta gamma";

struct Gen {
    format: &'static str,
    dir: &'static str,
    out: Vec<Case>,
}

impl Gen {
    /// A command file at `<dir>/commands/<group>-<mistake>.md`; `{name}` becomes that name.
    fn raw(&mut self, group: &str, mistake: &str, template: &str) -> &mut Case {
        let name = format!("{group}-{mistake}");
        let path = format!("{}/commands/{name}.md", self.dir);
        self.at(group, mistake, &path, &template.replace("{name}", &name))
    }

    fn at(&mut self, group: &str, mistake: &str, path: &str, text: &str) -> &mut Case {
        let mut case = Case::ours(
            format!("mutation/{}/{group}/{mistake}", self.format),
            self.format,
            path,
            text,
        );
        case.args = Some(ARGS.to_string());
        self.out.push(case);
        self.out.last_mut().expect("just pushed")
    }
}

/// Commands of one flavour (`opencode-command` in `.opencode`, `kilo-command` in `.kilo`).
fn commands(format: &'static str, dir: &'static str, config: &'static str) -> Vec<Case> {
    let mut g = Gen {
        format,
        dir,
        out: Vec::new(),
    };
    let ok = command_with("");
    g.raw("base", "valid", &ok);
    g.raw(
        "base",
        "no-description",
        "---\nsubtask: false\n---\nProbe {name} with $ARGUMENTS.\n",
    );

    // --- the front matter block ----------------------------------------------------------
    let blocks: &[(&str, &str)] = &[
        ("none", "Probe {name} with no front matter, $ARGUMENTS.\n"),
        ("empty", "---\n---\nProbe {name} with $ARGUMENTS.\n"),
        (
            "unclosed",
            "---\ndescription: Probe command {name}.\nProbe {name} with $ARGUMENTS.\n",
        ),
        ("list", "---\n- description\n---\nProbe {name} with $ARGUMENTS.\n"),
        (
            "yaml-error",
            "---\ndescription: [Probe command {name}\n---\nProbe {name} with $ARGUMENTS.\n",
        ),
        (
            "needs-quotes",
            "---\ndescription: Use when: the probe {name} runs.\n---\nProbe {name} with $ARGUMENTS.\n",
        ),
        (
            "crlf",
            "---\r\ndescription: Probe command {name}.\r\n---\r\nProbe {name} with $ARGUMENTS.\r\n",
        ),
    ];
    for (mistake, text) in blocks {
        g.raw("front-matter", mistake, text);
    }

    // --- each key × the usual mistakes ---------------------------------------------------
    let values: &[(&str, &[(&str, &str)])] = &[
        (
            "description",
            &[("number", "5"), ("empty", ""), ("list", "[a, b]"), ("blank", "\"\"")],
        ),
        (
            "agent",
            &[
                ("build", "build"),
                ("plan", "plan"),
                ("general", "general"),
                ("unknown", "no-such-agent"),
                ("typo", "biuld"),
                ("number", "5"),
                ("empty", ""),
                ("list", "[build]"),
            ],
        ),
        (
            "model",
            &[
                ("haiku", "anthropic/claude-haiku-4-5"),
                ("alias", "sonnet"),
                ("typo", "anthropic/claude-sonet-4-5"),
                ("no-provider-id", "claude-sonnet-4-5"),
                ("number", "5"),
                ("empty", ""),
            ],
        ),
        ("variant", &[("without-model", "high"), ("number", "5"), ("empty", "")]),
        (
            "subtask",
            &[
                ("true", "true"),
                ("false", "false"),
                ("capital", "True"),
                ("yes", "yes"),
                ("quoted", "\"true\""),
                ("number", "1"),
                ("empty", ""),
            ],
        ),
        ("template", &[("text", "Ignored template")]),
    ];
    for (key, mistakes) in values {
        for (mistake, value) in *mistakes {
            let line = if value.is_empty() {
                format!("{key}:\n")
            } else {
                format!("{key}: {value}\n")
            };
            let text = if *key == "description" {
                format!("---\n{line}---\nProbe {{name}} with $ARGUMENTS.\n")
            } else {
                command_with(&line)
            };
            g.raw(key, mistake, &text);
        }
    }
    g.raw(
        "variant",
        "with-model",
        &command_with("model: anthropic/claude-sonnet-4-5\nvariant: high\n"),
    );
    g.raw(
        "name",
        "other",
        "---\ndescription: Probe.\nname: name-other-renamed\n---\nProbe {name} with $ARGUMENTS.\n",
    );
    g.raw("agent", "project-agent", &command_with("agent: cmd-helper\n"))
        .extra
        .push((
            format!("{dir}/agent/cmd-helper.md"),
            "---\ndescription: The commands' helper agent.\nmode: subagent\n---\nHelp.\n".to_string(),
        ));
    // Keys of Claude Code's commands, copied over.
    for (mistake, line) in [
        ("argument-hint", "argument-hint: \"[file]\"\n"),
        ("allowed-tools", "allowed-tools: Bash(git *)\n"),
        ("disable-model-invocation", "disable-model-invocation: true\n"),
        ("typo", "descriptoin: Probe.\n"),
    ] {
        g.raw("unknown-key", mistake, &command_with(line));
    }

    // --- the body: arguments, shell lines, files -------------------------------------------
    let bodies: &[(&str, &str)] = &[
        ("positional", "First $1, second $2."),
        ("last-takes-rest", "First $1, rest $2."),
        ("all", "All: $ARGUMENTS."),
        ("none", "No placeholder here."),
        ("beyond", "Fourth $4, first $1."),
        ("zero", "Zero $0, first $1."),
        ("indexed", "Indexed $ARGUMENTS[0]."),
        ("braces", "Braces ${1}."),
        ("escaped", "Escaped \\$1, first $1."),
        ("in-code", "Code `$1` and\n\n```\n$2\n```\n"),
        ("mixed", "First $1, all $ARGUMENTS."),
    ];
    for (mistake, body) in bodies {
        g.raw(
            "arguments",
            mistake,
            &format!("---\ndescription: Probe command {{name}}.\n---\n{body}\n"),
        );
    }
    g.raw(
        "shell",
        "line",
        "---\ndescription: Probe command {name}.\n---\nShell: !`echo shell-ran-{name}`\n",
    );
    g.raw(
        "shell",
        "in-code",
        "---\ndescription: Probe command {name}.\n---\nCode: `!`echo code-ran-{name}``\n\n```\n!`echo block-ran-{name}`\n```\n",
    );
    g.raw(
        "at-path",
        "file",
        "---\ndescription: Probe command {name}.\n---\nRead @notes-at-path.txt please.\n",
    )
    .extra
    .push(("notes-at-path.txt".to_string(), "NOTES-CONTENT-AT-PATH\n".to_string()));
    g.raw(
        "at-path",
        "missing",
        "---\ndescription: Probe command {name}.\n---\nRead @no-such-file.txt please.\n",
    );
    g.raw("body", "empty", "---\ndescription: Probe command {name}.\n---\n");

    // --- where commands live -------------------------------------------------------------
    let layouts = [
        ("singular", format!("{dir}/command/layout-singular.md")),
        ("nested", format!("{dir}/commands/team/layout-nested.md")),
        ("global", format!("~/.config/{config}/commands/layout-global.md")),
        (
            "global-singular",
            format!("~/.config/{config}/command/layout-global-singular.md"),
        ),
    ];
    for (mistake, path) in layouts {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".md")
            .to_string();
        g.at("layout", mistake, &path, &ok.replace("{name}", &stem));
    }
    g.out
}

/// Skills as OpenCode looks for them: where (`GET /skill`), and what it drops.
fn skills(format: &'static str, dir: &'static str) -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |group: &str, mistake: &str, path: String, text: String| {
        out.push(Case::ours(
            format!("mutation/{format}/{group}/{mistake}"),
            format,
            path,
            text,
        ));
    };
    let ok = |name: &str| format!("---\nname: {name}\ndescription: Probe skill {name}.\n---\nBody of {name}.\n");
    let prefix = format.trim_end_matches("-skill");
    let at = |group: &str, mistake: &str| format!("{dir}/skills/{prefix}-{group}-{mistake}/SKILL.md");
    let name = |group: &str, mistake: &str| format!("{prefix}-{group}-{mistake}");
    add("base", "valid", at("base", "valid"), ok(&name("base", "valid")));
    let layouts: &[(&str, String)] = &[
        ("singular", format!("{dir}/skill/{prefix}-layout-singular/SKILL.md")),
        ("nested", format!("{dir}/skills/deep/{prefix}-layout-nested/SKILL.md")),
        ("agents", format!(".agents/skills/{prefix}-layout-agents/SKILL.md")),
        (
            "lowercase-file",
            format!("{dir}/skills/{prefix}-layout-lowercase-file/skill.md"),
        ),
        (
            "opencode-dir",
            format!(".opencode/skills/{prefix}-layout-opencode-dir/SKILL.md"),
        ),
        ("kilo-dir", format!(".kilo/skills/{prefix}-layout-kilo-dir/SKILL.md")),
    ];
    for (mistake, path) in layouts {
        add("layout", mistake, path.clone(), ok(&name("layout", mistake)));
    }
    let n = name("name", "other-folder");
    add("name", "other-folder", at("name", "folder"), ok(&n));
    let n = name("name", "uppercase").replace('-', "_").to_uppercase();
    add("name", "uppercase", at("name", "uppercase"), ok(&n));
    let mistakes: &[(&str, &str, &str)] = &[
        ("name", "missing", "---\ndescription: Probe skill.\n---\nBody.\n"),
        (
            "name",
            "number",
            "---\nname: 5\ndescription: Probe skill.\n---\nBody.\n",
        ),
        ("description", "missing", "---\nname: {name}\n---\nBody.\n"),
        (
            "description",
            "number",
            "---\nname: {name}\ndescription: 5\n---\nBody.\n",
        ),
        (
            "description",
            "blank",
            "---\nname: {name}\ndescription: \"\"\n---\nBody.\n",
        ),
        ("front-matter", "none", "Body of a skill without front matter.\n"),
        (
            "front-matter",
            "yaml-error",
            "---\nname: {name}\ndescription: [Probe\n---\nBody.\n",
        ),
        (
            "keys",
            "others",
            "---\nname: {name}\ndescription: Probe skill.\nlicense: MIT\nallowed-tools: Read\nmodel: anthropic/claude-haiku-4-5\n---\nBody.\n",
        ),
    ];
    for (group, mistake, text) in mistakes {
        add(
            group,
            mistake,
            at(group, mistake),
            text.replace("{name}", &name(group, mistake)),
        );
    }
    out
}

/// The Kilo command cases that are also run (a Kilo run takes about ten seconds): the
/// arguments, the shell, and what makes a run fail.
const KILO_RUNS: &[&str] = &[
    "base/valid",
    "arguments/positional",
    "arguments/none",
    "arguments/zero",
    "shell/line",
    "agent/unknown",
    "agent/build",
    "model/typo",
    "model/alias",
];

/// OpenCode agent mutations Kilo is asked about, moved to Kilo's folders: every third one of
/// the groups that are only listed, every other model case (which are run), where agents live,
/// and the base cases.
fn kilo_agents() -> Vec<Case> {
    super::mutations::all()
        .into_iter()
        .filter(|c| c.format == "opencode-agent")
        .enumerate()
        .filter(|(i, c)| {
            let group = c.id.split('/').nth(2).unwrap_or_default();
            let listed_only = !crate::opencode::RUN_GROUPS.contains(&group);
            (listed_only && i % 3 == 0)
                || (group == "model" && i % 2 == 0)
                || c.id.contains("/layout/")
                || c.id.contains("/base/")
        })
        .map(|(_, c)| kilo_path(c))
        .collect()
}

fn kilo_path(mut c: Case) -> Case {
    c.id = c.id.replacen("/opencode-agent/", "/kilo-agent/", 1);
    c.format = "kilo-agent".into();
    c.path = c
        .path
        .replacen(".opencode/", ".kilo/", 1)
        .replacen("~/.config/opencode/", "~/.config/kilo/", 1);
    c
}

pub fn all() -> Vec<Case> {
    let mut out = commands("opencode-command", ".opencode", "opencode");
    out.extend(skills("opencode-skill", ".opencode"));
    let mut kilo = commands("kilo-command", ".kilo", "kilo");
    for c in &mut kilo {
        let tail =
            c.id.splitn(3, '/')
                .nth(2)
                .unwrap_or_default()
                .trim_start_matches("kilo-command/");
        if !KILO_RUNS.contains(&tail) {
            c.args = None;
        }
    }
    out.extend(kilo);
    out.extend(skills("kilo-skill", ".kilo"));
    out.extend(kilo_agents());
    out
}
