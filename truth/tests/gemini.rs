//! What Gemini CLI did with agent and skill files, read from its recording
//! (`truth/recorded/gemini-cli@VERSION.jsonl`, made by `truth record --tool gemini-cli`).
//! No tool runs here and nothing goes to the network. A failure means a case changed since it
//! was recorded (re-record it: `cargo run -p truth -- record --tool gemini-cli --only ID`), or
//! Gemini CLI did something else than these pinned facts say (look at the diff: it is what
//! `truth/gemini/FINDINGS.md` and the agentls format are built from).

use std::collections::BTreeMap;
use std::sync::OnceLock;
use truth::cases::Case;
use truth::gemini::{self, Observation};
use truth::recording::{self, Line};

fn pinned() -> String {
    truth::install::pin("gemini-cli").version
}

/// The recorded cases that are current, by id, and the ids of the stale and the unrecorded.
type Recorded = (BTreeMap<String, (Case, Observation)>, Vec<String>, Vec<String>);

/// Every recorded Gemini case with its current case (corpus lines only when `../shared` is
/// beside the repository).
fn recorded() -> &'static Recorded {
    static REC: OnceLock<Recorded> = OnceLock::new();
    REC.get_or_init(|| {
        let mut lines: Vec<Line<Observation>> =
            recording::read(gemini::cli::TOOL, &pinned()).expect("the recording reads");
        if truth::cases::shared_dir().is_none() {
            lines.retain(|l| !l.id.starts_with("corpus/"));
        }
        let cases = gemini::cli::select(&[], None);
        let rec = truth::judge::pair(cases, &lines, gemini::observes);
        let current = rec.current.into_iter().map(|(c, o)| (c.id.clone(), (c, o))).collect();
        (current, rec.stale, rec.unrecorded)
    })
}

fn obs(id: &str) -> &'static Observation {
    &recorded().0.get(id).unwrap_or_else(|| panic!("{id} is not recorded")).1
}

#[test]
fn the_recording_is_current() {
    let (current, stale, unrecorded) = recorded();
    assert!(
        stale.is_empty() && unrecorded.is_empty(),
        "the recording of Gemini CLI {} is not current: re-record with `cargo run -p truth -- record --tool gemini-cli --only ID`\nstale: {stale:#?}\nunrecorded: {unrecorded:#?}",
        pinned()
    );
    assert!(current.len() >= 240, "{}", current.len());
}

/// The load verdict of every mutation, one line each, in `truth/gemini/verdicts.txt`
/// (`UPDATE_EXPECT=1 cargo test -p truth --test gemini` rewrites it after a re-recording).
#[test]
fn the_verdict_of_every_mutation() {
    let mut text = format!(
        "# What Gemini CLI {} did with each mutation (from truth/recorded/gemini-cli@{}.jsonl)\n",
        pinned(),
        pinned()
    );
    for (id, (case, o)) in recorded().0.iter().filter(|(id, _)| id.starts_with("mutation/")) {
        text.push_str(&format!(
            "{}  {}\n",
            id.trim_start_matches("mutation/"),
            gemini::verdict(&case.format, o)
        ));
    }
    expect_test::expect_file!["../gemini/verdicts.txt"].assert_eq(&text);
}

#[test]
fn unknown_keys_refuse_the_whole_agent() {
    for (id, key) in [
        ("key/mcpServers", "mcpServers"),
        ("key/claude-color", "color"),
        ("key/unknown", "colour"),
        ("key/maxTurns", "maxTurns"),
        ("base/user-level-unknown-key", "color"),
    ] {
        let o = obs(&format!("mutation/gemini-agent/{id}"));
        assert!(o.agent.is_none(), "{id} loaded");
        let e = o.error.as_deref().unwrap_or_default();
        assert!(
            e.ends_with(&format!("Unrecognized key(s) in object: '{key}'")),
            "{id}: {e}"
        );
    }
    // `mcp_servers` (snake case) is the key the schema knows.
    assert!(obs("mutation/gemini-agent/key/mcp_servers").agent.is_some());
}

#[test]
fn a_claude_agent_copied_as_it_is_does_not_load() {
    let e = obs("mutation/gemini-agent/claude/verbatim")
        .error
        .clone()
        .unwrap_or_default();
    assert!(e.contains("tools: Expected array, received string"), "{e}");
    assert!(e.contains("Unrecognized key(s) in object: 'color'"), "{e}");
    // Claude tool names are not Gemini tool names, even as a list.
    let e = obs("mutation/gemini-agent/tools/claude-names")
        .error
        .clone()
        .unwrap_or_default();
    assert!(
        e.contains("tools.0: Invalid tool name") && e.contains("tools.1: Invalid tool name"),
        "{e}"
    );
    // A Claude model alias loads and is sent to the API as it is.
    let s = obs("mutation/gemini-agent/claude/model-only")
        .spawn
        .clone()
        .expect("spawned");
    assert_eq!(s.model, "sonnet");
}

#[test]
fn front_matter_is_read_by_a_regex_that_takes_crlf_but_not_a_bom() {
    assert!(obs("mutation/gemini-agent/front-matter/crlf").agent.is_some());
    for id in [
        "bom",
        "lone-cr",
        "blank-line-first",
        "indented-open",
        "trailing-spaces",
        "unclosed",
        "none",
    ] {
        let o = obs(&format!("mutation/gemini-agent/front-matter/{id}"));
        let e = o.error.as_deref().unwrap_or_default();
        assert!(e.contains("Missing mandatory YAML frontmatter"), "{id}: {e}");
    }
    // `-----` closes the block (the regex wants `\n---`, no line end), and the body is lost.
    let o = obs("mutation/gemini-agent/front-matter/closed-by-rule");
    assert!(o.agent.is_some());
    assert!(
        o.refused
            .as_deref()
            .unwrap_or_default()
            .contains("PromptConfig must define")
    );
}

#[test]
fn subagent_tools_model_and_temperature() {
    let valid = obs("mutation/gemini-agent/base/valid").spawn.clone().expect("spawned");
    assert_eq!(valid.tools, gemini::DEFAULT_SUBAGENT_TOOLS);
    assert_eq!(
        valid.model,
        truth::gemini::run::MAIN_MODEL,
        "inherit: the session's model"
    );
    let listed = obs("mutation/gemini-agent/tools/list").spawn.clone().expect("spawned");
    assert_eq!(listed.tools, ["read_file", "grep_search", "complete_task"]);
    // A legacy alias resolves to the current tool.
    let alias = obs("mutation/gemini-agent/tool/search_file_content")
        .spawn
        .clone()
        .expect("spawned");
    assert_eq!(alias.tools, ["grep_search", "complete_task"]);
    // A well-formed MCP name passes validation and gives nothing when no server has it.
    let mcp = obs("mutation/gemini-agent/tools/mcp-tool")
        .spawn
        .clone()
        .expect("spawned");
    assert_eq!(mcp.tools, ["complete_task"]);
    // `temperature` is validated as a number but not sent: the request has the model's own.
    for id in ["zero", "half", "two", "above-two", "negative"] {
        let s = obs(&format!("mutation/gemini-agent/temperature/{id}"))
            .spawn
            .clone()
            .expect("spawned");
        assert_eq!(s.temperature, Some(serde_json::json!(1)), "{id}");
    }
}

#[test]
fn skills_are_named_by_their_front_matter_and_need_a_description() {
    let s = obs("mutation/gemini-skill/name/differs-from-folder")
        .skill
        .clone()
        .expect("listed");
    assert_eq!(s.name, "skill-other-than-the-folder");
    assert!(obs("mutation/gemini-skill/description/missing").skill.is_none());
    assert!(obs("mutation/gemini-skill/name/missing").skill.is_none());
    assert!(obs("mutation/gemini-skill/front-matter/bom").skill.is_none());
    // Invalid YAML falls back to a line reader.
    let s = obs("mutation/gemini-skill/description/needs-quotes")
        .skill
        .clone()
        .expect("listed");
    assert_eq!(s.description, "Use when: the probe runs.");
    // `.claude/skills` is not a Gemini skill root.
    assert!(obs("mutation/gemini-skill/base/claude-folder").skill.is_none());
    assert!(obs("mutation/gemini-skill/base/agents-folder").skill.is_some());
}

/// The corpus's Claude Code agents put into `.gemini/agents/`: how many Gemini CLI loads.
#[test]
fn the_corpus_of_claude_agents_in_gemini() {
    let (current, ..) = recorded();
    let agents: Vec<&Observation> = current
        .iter()
        .filter(|(id, _)| id.starts_with("corpus/gemini-agent/"))
        .map(|(_, (_, o))| o)
        .collect();
    if agents.is_empty() {
        eprintln!("skipped: ../shared/corpus is not beside the repository");
        return;
    }
    let loads = agents.iter().filter(|o| o.agent.is_some()).count();
    let refused = agents.iter().filter(|o| o.error.is_some()).count();
    let figures = format!(
        "{} Claude Code agents of the corpus in .gemini/agents: Gemini CLI loads {loads}, refuses {refused} with a load error, {} otherwise\n",
        agents.len(),
        agents.len() - loads - refused
    );
    expect_test::expect![[r#"
        1132 Claude Code agents of the corpus in .gemini/agents: Gemini CLI loads 347, refuses 785 with a load error, 0 otherwise
    "#]]
    .assert_eq(&figures);
}

/// agentls's findings judged against the recording (`truth judge --tool gemini-cli`).
fn judged() -> &'static truth::judge::Report {
    static JUDGED: OnceLock<truth::judge::Report> = OnceLock::new();
    JUDGED.get_or_init(|| {
        let mut report = truth::judge::Report::default();
        for (case, o) in recorded().0.values() {
            truth::judge::gemini::judge(case, o, &mut report);
        }
        report
    })
}

#[test]
fn agentls_is_not_contradicted_and_misses_nothing_in_the_corpus() {
    use truth::judge::Outcome;
    let report = judged();
    assert_eq!(
        report.count(Outcome::Contradicted),
        0,
        "agentls disagrees with Gemini CLI {}:\n{}",
        pinned(),
        report.render()
    );
    for prefix in ["corpus/", "fixture/", "docs/"] {
        let a = report.load_agreement(prefix);
        assert!(
            a.false_errors.is_empty() && a.missed.is_empty(),
            "{prefix}: false errors: {:#?}\nmissed: {:#?}",
            a.false_errors,
            a.missed
        );
    }
    assert!(
        !report.misses.iter().any(|m| m.case.starts_with("corpus/")),
        "{}",
        report.render()
    );
}

/// The agreement figures, pinned: a change in agentls or in the recording shows here. The
/// mutations agentls misses are remote (A2A) agents, which it does not model, an unknown YAML
/// tag, an MCP server's `type`, and a `${word}` placeholder in the body.
#[test]
fn the_agreement_figures() {
    use truth::judge::Outcome;
    let report = judged();
    if !recorded().0.keys().any(|id| id.starts_with("corpus/")) {
        eprintln!("skipped: ../shared/corpus is not beside the repository");
        return;
    }
    let mut figures = format!(
        "claims: {} confirmed, {} contradicted, {} unverifiable; misses: {}\n",
        report.count(Outcome::Confirmed),
        report.count(Outcome::Contradicted),
        report.count(Outcome::Unverifiable),
        report.misses.len()
    );
    for prefix in ["mutation/", "fixture/", "docs/", "corpus/"] {
        let a = report.load_agreement(prefix);
        figures.push_str(&format!(
            "{prefix}: {} Gemini agents: both load {}, both not {}, false errors {}, missed {}\n",
            a.cases,
            a.both_load,
            a.both_not,
            a.false_errors.len(),
            a.missed.len()
        ));
    }
    for m in report.misses.iter().filter(|m| !m.case.contains("/remote/")) {
        figures.push_str(&format!("missed: {} [{}]\n", m.case, m.effect.as_str()));
    }
    expect_test::expect![[r#"
        claims: 2016 confirmed, 0 contradicted, 868 unverifiable; misses: 11
        mutation/: 200 Gemini agents: both load 100, both not 90, false errors 0, missed 10
        fixture/: 9 Gemini agents: both load 3, both not 6, false errors 0, missed 0
        docs/: 30 Gemini agents: both load 22, both not 8, false errors 0, missed 0
        corpus/: 1132 Gemini agents: both load 347, both not 785, false errors 0, missed 0
        missed: mutation/gemini-agent/key/mcp_servers-bad-type [not-loaded]
    "#]]
    .assert_eq(&figures);
}

/// Every rule page that says it was checked against Gemini CLI has a recorded case whose
/// finding of that code Gemini CLI confirmed.
#[test]
fn every_checked_claim_has_a_confirming_case() {
    use agentls::analysis::{diagnostics::rules, rule_docs};
    use truth::judge::Outcome;
    let confirmed: std::collections::BTreeSet<&str> = judged()
        .verdicts
        .iter()
        .filter(|v| v.outcome == Outcome::Confirmed)
        .map(|v| v.code.as_str())
        .collect();
    let checked = format!("Checked against the real tool, {}", agentls::formats::gemini::VERSION);
    let unconfirmed: Vec<String> = rules::all_codes()
        .into_iter()
        .map(|(code, ..)| code)
        .filter(|code| {
            rule_docs::page(code).unwrap_or_default().contains(&checked) && !confirmed.contains(code.as_str())
        })
        .collect();
    assert!(
        unconfirmed.is_empty(),
        "these rule pages say Gemini CLI confirms them, but no recorded case does:\n{unconfirmed:#?}"
    );
}
