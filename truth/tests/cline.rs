//! What the Cline CLI does with rules, workflows and skills, from the recording in
//! `truth/recorded/cline@<version>.jsonl` (offline: no tool runs here). A failure means the
//! recording is stale (`cargo run -p truth -- record --tool cline --only ID` re-records a case),
//! or that a re-recording changed what Cline does: review the snapshot diff.

use truth::cline::{self, Observation};

fn pinned() -> String {
    truth::install::pin("cline").version
}

fn recorded() -> cline::Recorded {
    cline::recorded(&pinned()).expect("the recording reads")
}

#[test]
fn the_recording_is_current() {
    let r = recorded();
    assert!(
        r.stale.is_empty() && r.unrecorded.is_empty() && r.orphans.is_empty(),
        "the recording of Cline {} is not current: run `cargo run -p truth -- record --tool cline`\nstale: {:#?}\nunrecorded: {:#?}\nof no case: {:#?}",
        pinned(),
        r.stale,
        r.unrecorded,
        r.orphans
    );
    assert!(r.current.len() >= 100, "{} cases", r.current.len());
}

fn obs(id: &str) -> Observation {
    recorded()
        .current
        .into_iter()
        .find(|(c, _)| c.id == id)
        .map(|(_, o)| o)
        .unwrap_or_else(|| panic!("no recorded case {id}"))
}

/// The facts FINDINGS.md rests on, one assertion each.
#[test]
fn the_findings_hold() {
    // `paths` is not read: a rule scoped to docs/ is in the prompt while the model works on
    // src/app.ts, before and after it reads the file.
    let o = obs("mutation/cline-rule/paths/not-matching");
    assert!(
        o.listed.is_some() && !o.prompt.is_empty() && o.after_read == Some(true),
        "{o:?}"
    );
    // Broken YAML drops the rule (it does not fail open).
    for id in ["flow-list-unclosed", "quote-unclosed", "tab-indent", "duplicate-key"] {
        let o = obs(&format!("mutation/cline-rule/yaml-error/{id}"));
        assert!(o.listed.is_none() && o.prompt.is_empty(), "{id}: {o:?}");
    }
    // An unclosed front matter is no front matter: the whole file is the rule's text.
    let o = obs("mutation/cline-rule/front-matter/unclosed");
    assert!(o.prompt[0].text.starts_with("---\npaths:"), "{o:?}");
    // A name that is not a string, a `disabled` that is not a boolean, or no body: dropped.
    for id in ["key/name-number", "key/disabled-string", "front-matter/no-body"] {
        assert!(obs(&format!("mutation/cline-rule/{id}")).listed.is_none(), "{id}");
    }
    // The heading is `name:`, else the file stem.
    assert_eq!(
        obs("mutation/cline-rule/key/name").prompt[0].heading,
        "Renamed key-name"
    );
    // Skills: a name that differs from the folder, or no description, still loads.
    assert_eq!(
        obs("mutation/cline-skill/name/differs-from-folder")
            .listed
            .unwrap()
            .name,
        "other-name-differs-from-folder"
    );
    let o = obs("mutation/cline-skill/description/missing");
    assert!(o.listed.as_ref().is_some_and(|l| l.description.is_none()) && o.offered == Some(true));
    // The model is offered skill names only: a description is not in what it is sent.
    let o = obs("mutation/cline-skill/base/valid");
    assert!(o.offered == Some(true) && o.description_sent == Some(false), "{o:?}");
    // Claude's skill folders are not read; `.agents/skills` is.
    assert!(obs("mutation/cline-skill/location/claude-skills").listed.is_none());
    assert!(obs("mutation/cline-skill/location/global-claude").listed.is_none());
    assert!(obs("mutation/cline-skill/location/agents-skills").listed.is_some());
    // A workflow expands to its body with the arguments appended; `$ARGUMENTS` stays as is.
    let o = obs("mutation/cline-workflow/base/arguments");
    assert_eq!(
        o.invoked.as_deref(),
        Some("Workflow body of base-arguments for $ARGUMENTS and $1. alpha beta")
    );
}

/// Every case's verdict, pinned: a change in what Cline does shows here as a readable diff.
#[test]
fn load_verdicts() {
    let r = recorded();
    let mut lines: Vec<String> = r
        .current
        .iter()
        .map(|(c, o)| format!("{}: {}", c.id.trim_start_matches("mutation/"), cline::verdict(c, o)))
        .collect();
    lines.sort();
    let text = lines.join("\n") + "\n";
    expect_test::expect_file!["cline-verdicts.txt"].assert_eq(&text);
}

/// agentls's claims on Cline's files against the recording: no claim contradicted, nothing
/// Cline does left unsaid. The figures are pinned, and so are the cases left out of the
/// judgement (other tools' files, collisions between two files): a Cline file that agentls
/// stops recognising shows up there as a diff.
#[test]
fn agentls_agrees_with_cline() {
    let (judged, rec) = truth::judge::cline_report(&pinned()).expect("the recording reads");
    assert!(
        rec.stale.is_empty() && rec.unrecorded.is_empty(),
        "the recording is not current"
    );
    let r = &judged.report;
    assert!(
        r.count(truth::judge::Outcome::Contradicted) == 0 && r.misses.is_empty(),
        "{}",
        r.render()
    );
    let loads = r.load_agreement("mutation/");
    assert!(loads.false_errors.is_empty() && loads.missed.is_empty(), "{loads:?}");
    expect_test::expect![[r#"
        claims: 84 confirmed, 0 contradicted, 10 unverifiable; misses: 0
        not judged: 10 files of other formats, 2 collisions with a file in the home folder
            other format: mutation/cline-rule/location/no-ext (not an agent spec file to agentls)
            other format: mutation/cline-rule/location/cursorrules (not an agent spec file to agentls)
            other format: mutation/cline-rule/location/windsurfrules (agentls reads it as `windsurf-legacy-rules`)
            other format: mutation/cline-rule/location/cursor-rules-dir (agentls reads it as `cursor-rule`)
            other format: mutation/cline-rule/location/agents-md (agentls reads it as `claude-memory`)
            other format: mutation/cline-workflow/location/windsurf (agentls reads it as `windsurf-workflow`)
            other format: mutation/cline-skill/location/agents-skills (agentls reads it as `skill`)
            other format: mutation/cline-skill/location/claude-skills (agentls reads it as `skill`)
            other format: mutation/cline-skill/location/global-agents (agentls reads it as `skill`)
            other format: mutation/cline-skill/location/global-claude (agentls reads it as `skill`)
            kept instead: a file in the home folder: mutation/cline-rule/collision/workspace-and-global
            kept instead: a file in the home folder: mutation/cline-skill/collision/workspace-and-global
    "#]]
    .assert_eq(&judged.render());
}

/// Every rule page that says it was checked against Cline has a recorded Cline case that
/// confirms its claim.
#[test]
fn checked_pages_have_a_confirming_case() {
    let (judged, _) = truth::judge::cline_report(&pinned()).expect("the recording reads");
    let confirmed: std::collections::BTreeSet<&str> = judged
        .report
        .verdicts
        .iter()
        .filter(|v| v.outcome == truth::judge::Outcome::Confirmed)
        .map(|v| v.code.as_str())
        .collect();
    let checked_by_cline = format!(
        "{}, by agentls's ground-truth harness",
        agentls::formats::cline::CLINE_VERSION
    );
    let mut unconfirmed = Vec::new();
    for (code, ..) in agentls::analysis::diagnostics::rules::all_codes() {
        let page = agentls::analysis::rule_docs::page(&code).unwrap_or_default();
        if page.contains(&checked_by_cline) && !confirmed.contains(code.as_str()) {
            unconfirmed.push(code);
        }
    }
    assert!(
        unconfirmed.is_empty(),
        "pages that say Cline confirms them, with no confirming case: {unconfirmed:?}"
    );
    assert_eq!(
        agentls::formats::cline::CLINE_VERSION,
        format!("Cline CLI {}", pinned()),
        "the formats' verified_with names another Cline than truth/tools.toml pins"
    );
}
