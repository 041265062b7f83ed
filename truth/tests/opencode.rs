//! agentls against recorded truth for OpenCode: every OpenCode agent case the harness asked
//! OpenCode about, judged without running it (`truth/recorded/opencode@<version>.jsonl` is
//! data). A failure means agentls says something OpenCode, at the pinned version, contradicts,
//! misses something it does, or the recording is stale
//! (`cargo run -p truth -- record --tool opencode --only ID` re-records a case).

use agentls::analysis::diagnostics::rules;
use agentls::analysis::rule_docs;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use truth::judge::{self, Outcome, Recorded, Report};
use truth::opencode::Observation;

fn pinned() -> String {
    truth::install::pin("opencode").version
}

fn judged() -> &'static (Report, Recorded<Observation>) {
    static JUDGED: OnceLock<(Report, Recorded<Observation>)> = OnceLock::new();
    JUDGED.get_or_init(|| judge::opencode_report(&pinned()).expect("the recording reads"))
}

#[test]
fn the_recording_is_current() {
    let (_, rec) = judged();
    assert!(
        rec.stale.is_empty() && rec.unrecorded.is_empty(),
        "the recording of OpenCode {} is not current: re-record these cases with `cargo run -p truth -- record --tool opencode --only ID`\nstale: {:#?}\nunrecorded: {:#?}",
        pinned(),
        rec.stale,
        rec.unrecorded
    );
}

#[test]
fn no_claim_is_contradicted_and_nothing_is_missed() {
    let (report, _) = judged();
    assert!(
        report.count(Outcome::Contradicted) == 0 && report.misses.is_empty(),
        "agentls disagrees with OpenCode {}:\n{}",
        pinned(),
        report.render()
    );
    assert!(report.count(Outcome::Confirmed) > 200, "{}", report.render());
}

/// Which files OpenCode loads, and which agentls says it does not (or that it refuses its
/// configuration for). Pinned, so a change in either shows here.
#[test]
fn load_verdicts_agree() {
    let (report, _) = judged();
    let mut figures = String::new();
    for prefix in ["mutation/", "fixture/", "docs/"] {
        let a = report.load_agreement(prefix);
        assert!(
            a.false_errors.is_empty() && a.missed.is_empty(),
            "{prefix}: false errors: {:#?}\nmissed: {:#?}",
            a.false_errors,
            a.missed
        );
        figures.push_str(&format!(
            "{prefix}: {} cases: OpenCode loads {} and agentls agrees on all; the other {} it skips or refuses its configuration for, and agentls reports each\n",
            a.cases, a.both_load, a.both_not
        ));
    }
    expect_test::expect![[r#"
        mutation/: 348 cases: OpenCode loads 269 and agentls agrees on all; the other 79 it skips or refuses its configuration for, and agentls reports each
        fixture/: 9 cases: OpenCode loads 6 and agentls agrees on all; the other 3 it skips or refuses its configuration for, and agentls reports each
        docs/: 36 cases: OpenCode loads 32 and agentls agrees on all; the other 4 it skips or refuses its configuration for, and agentls reports each
    "#]]
    .assert_eq(&figures);
}

/// Every OpenCode rule page that says "checked against the real tool" has a recorded case
/// whose finding of that code OpenCode confirmed.
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
    // The OpenCode format's pages, and shared pages shown with an OpenCode agent.
    let checked = format!(
        "Checked against the real tool, {}",
        agentls::formats::opencode_agent::VERSION
    );
    for (code, ..) in rules::all_codes() {
        let page = rule_docs::page(&code).unwrap_or_default();
        if page.contains(&checked) && !confirmed.contains(code.as_str()) {
            unconfirmed.push(code);
        }
    }
    assert!(
        unconfirmed.is_empty(),
        "these rule pages say OpenCode confirms them, but no recorded case does: add a case (truth/src/cases/mutations.rs) or say on the page why no oracle can see it\n{unconfirmed:#?}"
    );
}

/// agentls's OpenCode catalog equals what OpenCode showed: keys, `mode` values, colour names,
/// permission keys and which take patterns, tools, keys without effect, Anthropic models, the
/// clamped temperature (`truth drift --tool opencode --latest` shows what a newer release
/// changed).
#[test]
fn the_catalog_matches_the_pinned_opencode() {
    let lines = truth::recording::read::<Observation>("opencode", &pinned()).unwrap();
    let drift = judge::drift::opencode(&lines);
    assert!(
        drift.is_empty(),
        "catalog drift against OpenCode {}:\n{}",
        pinned(),
        drift.join("\n")
    );
}

/// The version agentls's rule pages name is the pinned one.
#[test]
fn the_verified_version_is_the_pinned_one() {
    assert_eq!(
        agentls::formats::opencode_agent::VERSION,
        format!("OpenCode {}", pinned()),
        "bump `VERSION` in server/src/formats/opencode_agent.rs with truth/tools.toml"
    );
}

/// The recording names no machine path and holds no credential.
#[test]
fn the_recording_is_clean() {
    let path = truth::recording::path("opencode", &pinned());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for bad in ["agentls-truth-", "/home/", "/root/", "sk-ant-"] {
        assert!(!text.contains(bad), "{} holds `{bad}`", path.display());
    }
}

/// OpenCode's skill rules (`skills_by_tool::OPENCODE`: where it looks, what names a skill, what
/// it drops) predict every recorded skill case.
#[test]
fn the_skill_table_matches_the_pinned_opencode() {
    let lines = truth::recording::read::<Observation>("opencode", &pinned()).unwrap();
    let drift = truth::judge::opencode::skill_drift(&agentls::formats::skills_by_tool::OPENCODE, &lines);
    assert!(drift.is_empty(), "{}", drift.join("\n"));
    assert!(lines.iter().filter(|l| l.obs.skill.is_some()).count() >= 10);
}

/// What OpenCode did with each project agent and command file, as facts (`truth compare --tool
/// opencode`, which adds agnix beside it): agentls reports every one at the level its effect
/// calls for. A fact agentls stops getting right changes this table.
#[test]
fn every_fact_is_reported_at_its_level() {
    let c = judge::peer::compare_opencode("opencode", &pinned(), &[], &[]).unwrap();
    expect_test::expect![[r#"
        What OpenCode 1.18.33 did, and how often each checker said so

        | fact | cases | agentls 0.1.0 |
        |---|---:|---:|
        | configuration refused | 84 | 100.0 % (100.0 % at the level) |
        | every run fails (model or agent) | 13 | 100.0 % (100.0 % at the level) |
        | file loads and runs | 279 | 100.0 % (100.0 % at the level) |
        | file not loaded | 2 | 100.0 % (100.0 % at the level) |
        | key ignored | 14 | 100.0 % (100.0 % at the level) |
        | all facts | 392 | 100.0 % (100.0 % at the level) |
    "#]]
    .assert_eq(&c.render());
}
