//! agentls against VS Code's recorded behaviour: every Copilot case the harness asked VS Code
//! (code-server, as pinned in `truth/tools.toml`) about, judged without running VS Code (the
//! recording in `truth/recorded/` is data). A failure means agentls says something about a
//! Copilot file that VS Code, at the pinned version, contradicts; or misses an error or warning
//! VS Code reports; or the recording is stale (`cargo run -p truth -- record --tool vscode
//! --only ID` re-records a case, without `--only` all of them, in about ten minutes).

use agentls::analysis::diagnostics::rules;
use agentls::analysis::rule_docs;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use truth::judge::{self, Outcome, Report};
use truth::vscode::{self, Paired, Recording};

fn recording() -> &'static Recording {
    static REC: OnceLock<Recording> = OnceLock::new();
    REC.get_or_init(|| {
        vscode::read(&vscode::pinned())
            .expect("the recording reads")
            .expect("a recording of the pinned code-server")
    })
}

fn judged() -> &'static (Report, Paired) {
    static JUDGED: OnceLock<(Report, Paired)> = OnceLock::new();
    JUDGED.get_or_init(|| judge::vscode_report(&vscode::pinned()).expect("the recording reads"))
}

#[test]
fn the_recording_is_current() {
    let (_, paired) = judged();
    assert!(
        paired.stale.is_empty() && paired.unrecorded.is_empty(),
        "the VS Code recording is not current: re-record with `cargo run -p truth -- record --tool vscode [--only ID]`\nstale: {:#?}\nunrecorded: {:#?}",
        paired.stale,
        paired.unrecorded
    );
}

#[test]
fn no_claim_is_contradicted_and_nothing_is_missed() {
    let (report, _) = judged();
    assert!(
        report.count(Outcome::Contradicted) == 0 && report.misses.is_empty(),
        "agentls disagrees with VS Code {}:\n{}",
        recording().vscode,
        report.render()
    );
    assert!(report.count(Outcome::Confirmed) > 1000, "{}", report.render());
}

/// The figures per format, pinned: a change in agentls or in the recording shows here.
#[test]
fn figures_per_format() {
    let (report, _) = judged();
    if !report.verdicts.iter().any(|v| v.case.starts_with("corpus/")) {
        eprintln!("skipped: ../shared/corpus is not beside the repository");
        return;
    }
    expect_test::expect_file!["vscode_figures.md"].assert_eq(&judge::by_format(report));
}

/// A Copilot rule page that says "checked against VS Code" must be true: some recorded case has
/// a finding of that code that VS Code's behaviour confirms.
#[test]
fn every_checked_claim_has_a_confirming_case() {
    let (report, _) = judged();
    let confirmed: BTreeSet<&str> = report
        .verdicts
        .iter()
        .filter(|v| v.outcome == Outcome::Confirmed)
        .map(|v| v.code.as_str())
        .collect();
    let mut unconfirmed = Vec::new();
    for (code, ..) in rules::all_codes() {
        let page = rule_docs::page(&code).unwrap_or_default();
        let says = page.contains("Checked against the real tool") && page.contains(agentls::formats::VSCODE_VERSION);
        if says && !confirmed.contains(code.as_str()) {
            unconfirmed.push(code);
        }
    }
    assert!(
        unconfirmed.is_empty(),
        "these rule pages say VS Code confirms them, but no recorded case does: add a case (truth/src/cases/vscode_mutations.rs) or say on the page why no oracle can see it\n{unconfirmed:#?}"
    );
}

/// agentls's Copilot catalogs equal what VS Code showed: tool names and renames, the keys of
/// each file type, hook events, permission scopes, the built-in agents.
#[test]
fn catalogs_match_the_pinned_vscode() {
    let drift = judge::vscode_drift::vscode(recording());
    assert!(
        drift.is_empty(),
        "catalog drift against VS Code {}:\n{}",
        recording().vscode,
        drift.join("\n")
    );
}

/// The recorded setup is the one the claims assume: the web build, signed out (no model but
/// the agent host's `Auto`, so no model claim rests on the model list), Copilot Chat on.
#[test]
fn the_recorded_setup_is_the_assumed_one() {
    let rec = recording();
    assert_eq!(rec.setup["ui"], "web");
    assert_eq!(rec.setup["models"], serde_json::json!(["Auto (copilotcli)"]));
    assert!(rec.copilot_chat.is_some(), "Copilot Chat was not on");
}

/// The version agentls's messages and rule pages name is the pinned one.
#[test]
fn the_verified_version_is_the_pinned_one() {
    let rec = recording();
    assert_eq!(
        agentls::formats::VSCODE_VERSION,
        format!("VS Code {} (code-server {})", rec.vscode, vscode::pinned()),
        "bump `VSCODE_VERSION` in server/src/formats/mod.rs with truth/tools.toml and re-record"
    );
}
