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
