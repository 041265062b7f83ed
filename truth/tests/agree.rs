//! agentls against recorded truth: every case the harness asked Claude Code about, judged
//! without running any tool (the recordings in `truth/recorded/` are data). A failure here
//! means agentls says something the real tool, at the pinned version, contradicts; or the
//! recording is stale (`cargo run -p truth -- record --only ID` re-records a case).

use agentls::analysis::diagnostics::rules;
use agentls::analysis::rule_docs;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use truth::claude::Observation;
use truth::judge::{self, Outcome, Recorded, Report};

fn pinned() -> String {
    truth::install::pin("claude-code").version
}

/// Every recorded case judged once, shared by the tests.
fn judged() -> &'static (Report, Recorded<Observation>) {
    static JUDGED: OnceLock<(Report, Recorded<Observation>)> = OnceLock::new();
    JUDGED.get_or_init(|| judge::claude_report(&pinned()).expect("the recording reads"))
}

#[test]
fn the_recording_is_current() {
    let (_, rec) = judged();
    assert!(
        rec.stale.is_empty() && rec.unrecorded.is_empty(),
        "the recording of Claude Code {} is not current: re-record these cases with `cargo run -p truth -- record --only ID`\nstale: {:#?}\nunrecorded: {:#?}",
        pinned(),
        rec.stale,
        rec.unrecorded
    );
}

#[test]
fn no_claim_is_contradicted_and_nothing_is_missed() {
    let (report, _) = judged();
    let contradicted = report.count(Outcome::Contradicted);
    assert!(
        contradicted == 0 && report.misses.is_empty(),
        "agentls disagrees with Claude Code {}:\n{}",
        pinned(),
        report.render()
    );
    assert!(report.count(Outcome::Confirmed) > 1000, "{}", report.render());
}

/// The corpus: which files Claude Code loads, and which agentls calls broken. Pinned, so a
/// change in either shows here.
#[test]
fn load_verdicts_agree_on_the_corpus() {
    let (report, _) = judged();
    let a = report.load_agreement("corpus/");
    if a.cases == 0 {
        eprintln!("skipped: ../shared/corpus is not beside the repository");
        return;
    }
    assert!(
        a.false_errors.is_empty() && a.missed.is_empty(),
        "false errors: {:#?}\nmissed: {:#?}",
        a.false_errors,
        a.missed
    );
    let figures = format!(
        "{} corpus files: Claude Code loads {}, agentls agrees on all; it loads none of the other {}, and agentls reports each\n",
        a.cases, a.both_load, a.both_not
    );
    expect_test::expect![[r#"
        1470 corpus files: Claude Code loads 1423, agentls agrees on all; it loads none of the other 47, and agentls reports each
    "#]]
    .assert_eq(&figures);
}

/// A rule page that says "checked against the real tool" must be true: for every such code
/// of a Claude Code format, some recorded case has a finding of it that the recording
/// confirms.
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
        let format = code.split('/').next().unwrap_or_default();
        let claude = matches!(
            format,
            "claude-agent" | "claude-command" | "skill" | "yaml" | "front-matter"
        );
        let page = rule_docs::page(&code).unwrap_or_default();
        // The sentence that says which tools confirm the claim (a page may name Claude Code's
        // version elsewhere, as the per-tool skill table does).
        let says = page.lines().any(|l| {
            l.starts_with("Checked against the real tool") && l.contains(agentls::formats::CLAUDE_CODE_VERSION)
        });
        if claude && says && !confirmed.contains(code.as_str()) {
            unconfirmed.push(code);
        }
    }
    assert!(
        unconfirmed.is_empty(),
        "these rule pages say the real tool confirms them, but no recorded case does: add a case (truth/src/cases/mutations.rs) or say on the page why no oracle can see it\n{unconfirmed:#?}"
    );
}

/// agentls's catalogs equal what Claude Code showed: each tool name alone, each model value,
/// the agent keys and their values (`truth drift --latest` prints what a newer release changed).
#[test]
fn catalogs_match_the_pinned_claude_code() {
    let lines = truth::recording::read::<truth::claude::Observation>("claude-code", &pinned()).unwrap();
    let drift = judge::drift::claude(&lines);
    assert!(
        drift.is_empty(),
        "catalog drift against Claude Code {}:\n{}",
        pinned(),
        drift.join("\n")
    );
}

/// The version agentls's messages and rule pages name is the pinned one.
#[test]
fn the_verified_version_is_the_pinned_one() {
    assert_eq!(
        agentls::formats::CLAUDE_CODE_VERSION,
        format!("Claude Code {}", pinned()),
        "bump `CLAUDE_CODE_VERSION` in server/src/formats/mod.rs with truth/tools.toml"
    );
}

/// The same recording seen from the other end: every fact it shows (a file not loaded, an
/// agent refused, a model that fails every run, a key ignored, a tool dropped, a file that
/// works) and whether agentls reports it at the level its effect calls for. This is the view
/// `truth compare` scores other checkers by.
#[test]
fn agentls_reports_every_recorded_fact_at_its_level() {
    let c = truth::judge::peer::compare(&pinned(), &[], &[]).expect("the recording reads");
    let (_, score) = &c.checkers[0];
    let (facts, _, at_level) = score.total();
    assert!(facts > 400, "{}", c.render());
    assert!(score.wrong.is_empty(), "{}\n{}", c.render(), c.render_wrong());
    assert_eq!(facts, at_level);
}
