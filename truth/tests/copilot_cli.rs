//! What the GitHub Copilot CLI does with custom agents and skills, from the recording in
//! `truth/recorded/copilot-cli@<version>.jsonl` (offline: no tool runs here). A failure means
//! the recording is stale (`cargo run -p truth -- record --tool copilot-cli --only ID`
//! re-records a case), or that a re-recording changed what the CLI does: review the diff.

use truth::copilot_cli::{self, Observation};

fn pinned() -> String {
    truth::install::pin(copilot_cli::TOOL).version
}

fn recorded() -> truth::judge::Recorded<Observation> {
    copilot_cli::recorded(&pinned()).expect("the recording reads")
}

/// The corpus cases need `../shared`; without it they are neither current nor unrecorded.
fn without_corpus(ids: &[String]) -> Vec<&String> {
    ids.iter()
        .filter(|id| truth::cases::shared_dir().is_some() || !id.starts_with("corpus/"))
        .collect()
}

#[test]
fn the_recording_is_current() {
    let r = recorded();
    let stale = without_corpus(&r.stale);
    assert!(
        stale.is_empty() && r.unrecorded.is_empty(),
        "the recording of the Copilot CLI {} is not current: run `cargo run -p truth -- record --tool copilot-cli`\nstale: {stale:#?}\nunrecorded: {:#?}",
        pinned(),
        r.unrecorded
    );
    assert!(r.current.len() >= 400, "{} cases", r.current.len());
}

fn obs(id: &str) -> Observation {
    recorded()
        .current
        .into_iter()
        .find(|(c, _)| c.id == id)
        .map(|(_, o)| o)
        .unwrap_or_else(|| panic!("no recorded case {id}"))
}

fn agent(probe: &str) -> Option<String> {
    obs(&format!("mutation/copilot-cli/{probe}")).agent().map(String::from)
}

fn skill(probe: &str) -> Option<String> {
    obs(&format!("mutation/copilot-cli/skill-location/{probe}"))
        .skill()
        .map(|s| s.name.clone())
}

/// The facts docs/format-sources.md ("GitHub Copilot CLI 1.0.102") rests on, one each.
#[test]
fn the_findings_hold() {
    // Where agents are read: `.github/agents/` at any depth, any `.md` there, the home's
    // `~/.copilot/agents/`, and Claude Code's `.claude/agents/` in the project.
    assert_eq!(agent("location/github-agents").as_deref(), Some("loc-a"));
    assert_eq!(agent("location/github-agents-plain-md").as_deref(), Some("loc-b"));
    assert_eq!(agent("location/github-agents-nested").as_deref(), Some("team--loc-c"));
    assert_eq!(
        agent("location/github-agents-chatmode").as_deref(),
        Some("loc-d.chatmode")
    );
    assert_eq!(agent("location/home-copilot-agents").as_deref(), Some("loc-j"));
    assert_eq!(agent("location/home-copilot-agents-plain-md").as_deref(), Some("loc-k"));
    assert_eq!(agent("location/claude-agents").as_deref(), Some("loc-i"));
    // … and not: VS Code's chat modes folder, `.github-private/`, `.agents/agents/`, a
    // `*.agent.md` elsewhere, the home's `~/.claude/agents/`, a file that is not `.md`.
    for probe in [
        "github-chatmodes",
        "github-private-agents",
        "agents-agents",
        "agent-md-elsewhere",
        "home-claude-agents",
        "github-agents-not-md",
    ] {
        assert_eq!(agent(&format!("location/{probe}")), None, "{probe}");
    }
    // Skipped with a log line where VS Code loads the agent.
    for (probe, says) in [
        ("description-missing", "description: Required"),
        ("description-number", "description: Expected string, received number"),
        ("none", "missing or malformed YAML frontmatter"),
        ("unclosed-quote", "failed to parse YAML frontmatter"),
        ("yaml-mapping-in-value", "failed to parse YAML frontmatter"),
        ("tools-number", "tools: Expected array, received number"),
    ] {
        let o = obs(&format!("mutation/copilot-cli/front-matter/{probe}"));
        assert!(o.agent().is_none(), "{probe}: {o:?}");
        assert!(o.log.iter().any(|l| l.contains(says)), "{probe}: {o:?}");
    }
    // Loaded: an empty description, `infer`, no body; an unknown key (and `target`, which VS
    // Code reads) with a warning in the log.
    for probe in ["description-empty", "infer", "no-body", "user-invocable-false", "model"] {
        assert!(agent(&format!("front-matter/{probe}")).is_some(), "{probe}");
    }
    let o = obs("mutation/copilot-cli/front-matter/target-vscode");
    assert!(o.agent().is_some() && o.log.iter().any(|l| l.ends_with("unknown field ignored: target")));
    // The name is `name:`, as written.
    assert_eq!(
        agent("front-matter/name-differs").as_deref(),
        Some("Other Display Name")
    );
    // Tools: VS Code's aliases and Claude Code's names map onto the CLI's own tools; unknown
    // names are dropped silently; `[]` leaves only `skill` and `sql`; a string is split.
    let tools = |probe: &str| {
        obs(&format!("mutation/copilot-cli/front-matter/{probe}"))
            .selected
            .unwrap_or_else(|| panic!("{probe} was not selected"))
            .tools
    };
    let has = |probe: &str, want: &[&str]| {
        let t = tools(probe);
        assert!(want.iter().all(|w| t.iter().any(|x| x == w)), "{probe}: {t:?}");
        t
    };
    has(
        "tools-aliases",
        &["view", "create", "edit", "grep", "glob", "bash", "task"],
    );
    has("tools-claude-names", &["view", "edit", "bash", "grep", "glob"]);
    assert_eq!(tools("tools-empty"), ["skill", "sql"]);
    assert_eq!(tools("tools-unknown"), ["view", "skill", "sql"]);
    assert_eq!(tools("tools-string"), ["view", "create", "edit", "skill", "sql"]);
    // The body is the agent's instructions in the system prompt.
    assert!(
        obs("mutation/copilot-cli/front-matter/valid")
            .selected
            .unwrap()
            .body_in_prompt
    );
    // Skills: `.github/skills/`, `.agents/skills/`, `.claude/skills/`, nested, a root
    // `SKILL.md`; `~/.copilot/skills/` and `~/.agents/skills/`, not `~/.claude/skills/`.
    for probe in [
        "github-skills",
        "agents-skills",
        "claude-skills",
        "nested",
        "root-file",
        "home-copilot-skills",
        "home-agents-skills",
    ] {
        assert!(skill(probe).is_some(), "{probe}");
    }
    for probe in ["home-claude-skills", "github-private-skills", "lowercase-file"] {
        assert!(skill(probe).is_none(), "{probe}");
    }
}

/// Every case's verdict, pinned: a change in what the CLI does shows as a readable diff.
#[test]
fn load_verdicts() {
    let r = recorded();
    let mut lines: Vec<String> = r
        .current
        .iter()
        .filter(|(c, _)| c.id.starts_with("mutation/") || c.id.starts_with("fixture/") || c.id.starts_with("docs/"))
        .map(|(c, o)| {
            format!(
                "{}: {}",
                c.id.trim_start_matches("mutation/"),
                copilot_cli::verdict(c, o)
            )
        })
        .collect();
    lines.sort();
    let text = lines.join("\n") + "\n";
    expect_test::expect_file!["copilot_cli-verdicts.txt"].assert_eq(&text);
}

/// agentls's claims on the files the Copilot CLI reads, against the recording: no claim
/// contradicted, no file it loads called unloadable. What it skips that agentls does not say
/// (the hook events and actions under `hooks`, which agentls checks only as VS Code does, and
/// `~/.claude/skills/`, which a path alone does not tell from a project's) is pinned
/// with the figures and the cases left out: a new miss, or a file agentls stops recognising,
/// shows as a diff.
#[test]
fn agentls_agrees_with_the_copilot_cli() {
    let (judged, _) = truth::judge::copilot_cli_report(&pinned()).expect("the recording reads");
    let r = &judged.report;
    assert!(r.count(truth::judge::Outcome::Contradicted) == 0, "{}", r.render());
    for prefix in ["mutation/", "fixture/", "docs/", "corpus/"] {
        let loads = r.load_agreement(prefix);
        assert!(loads.false_errors.is_empty(), "{prefix}: {loads:?}");
    }
    let mut figures = String::new();
    for prefix in ["mutation/", "fixture/", "docs/"] {
        let a = r.load_agreement(prefix);
        figures.push_str(&format!(
            "{prefix} {} cases, both load {}, both not {}\n",
            a.cases, a.both_load, a.both_not
        ));
    }
    // The corpus needs `../shared`: its cases stay out of the pinned text.
    let misses: String = r
        .misses
        .iter()
        .filter(|m| !m.case.starts_with("corpus/"))
        .map(|m| format!("missed: {} ({})\n", m.case, m.what))
        .collect();
    let left_out: String = judged
        .render_left_out()
        .lines()
        .filter(|l| !l.contains("corpus/"))
        .map(|l| format!("{l}\n"))
        .collect();
    expect_test::expect_file!["copilot_cli-judged.txt"].assert_eq(&format!("{figures}{misses}{left_out}"));
}

/// Every rule page that says it was checked against the Copilot CLI has a recorded case that
/// confirms its claim, and the formats name the pinned version.
#[test]
fn checked_pages_have_a_confirming_case() {
    let (judged, _) = truth::judge::copilot_cli_report(&pinned()).expect("the recording reads");
    let confirmed: std::collections::BTreeSet<&str> = judged
        .report
        .verdicts
        .iter()
        .filter(|v| v.outcome == truth::judge::Outcome::Confirmed)
        .map(|v| v.code.as_str())
        .collect();
    let checked = format!(
        "{}, by agentls's ground-truth harness",
        agentls::formats::COPILOT_CLI_VERSION
    );
    let mut unconfirmed = Vec::new();
    for (code, ..) in agentls::analysis::diagnostics::rules::all_codes() {
        let page = agentls::analysis::rule_docs::page(&code).unwrap_or_default();
        if page.contains(&checked) && !confirmed.contains(code.as_str()) {
            unconfirmed.push(code);
        }
    }
    assert!(unconfirmed.is_empty(), "{unconfirmed:?}");
    assert!(confirmed.contains("copilot-agent/skipped-by-tool"), "{confirmed:?}");
    assert_eq!(
        agentls::formats::COPILOT_CLI_VERSION,
        format!("GitHub Copilot CLI {}", pinned())
    );
}
