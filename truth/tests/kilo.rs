//! agentls against recorded truth for Kilo Code, OpenCode's fork: the Kilo cases (OpenCode's
//! commands and a sample of its agent mutations, at Kilo's paths) judged against
//! `truth/recorded/kilo@<version>.jsonl` without running Kilo. Where Kilo differs from OpenCode
//! the recording wins (`cargo run -p truth -- record --tool kilo --only ID` re-records a case).

use agentls::analysis::diagnostics::rules;
use agentls::analysis::rule_docs;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use truth::judge::{self, Outcome, Recorded, Report};
use truth::opencode::Observation;

fn pinned() -> String {
    truth::install::pin("kilo").version
}

fn judged() -> &'static (Report, Recorded<Observation>) {
    static JUDGED: OnceLock<(Report, Recorded<Observation>)> = OnceLock::new();
    JUDGED.get_or_init(|| judge::kilo_report(&pinned()).expect("the recording reads"))
}

#[test]
fn the_recording_is_current() {
    let (_, rec) = judged();
    assert!(
        rec.stale.is_empty() && rec.unrecorded.is_empty(),
        "the recording of Kilo Code {} is not current: re-record with `cargo run -p truth -- record --tool kilo --only ID`\nstale: {:#?}\nunrecorded: {:#?}",
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
        "agentls disagrees with Kilo Code {}:\n{}",
        pinned(),
        report.render()
    );
    assert!(report.count(Outcome::Confirmed) > 50, "{}", report.render());
}

/// Which files Kilo loads, and which agentls says it does not. Pinned, so a change shows here.
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
            "{prefix}: {} cases: Kilo loads {} and agentls agrees on all; the other {} it skips or refuses its configuration for, and agentls reports each\n",
            a.cases, a.both_load, a.both_not
        ));
    }
    expect_test::expect![[r#"
        mutation/: 97 cases: Kilo loads 74 and agentls agrees on all; the other 23 it skips or refuses its configuration for, and agentls reports each
        fixture/: 1 cases: Kilo loads 0 and agentls agrees on all; the other 1 it skips or refuses its configuration for, and agentls reports each
        docs/: 34 cases: Kilo loads 30 and agentls agrees on all; the other 4 it skips or refuses its configuration for, and agentls reports each
    "#]].assert_eq(&figures);
}

/// Every Kilo rule page that says "checked against the real tool" has a confirming case.
#[test]
fn every_checked_claim_has_a_confirming_case() {
    let (report, _) = judged();
    let confirmed: BTreeSet<&str> = report
        .verdicts
        .iter()
        .filter(|v| v.outcome == Outcome::Confirmed)
        .map(|v| v.code.as_str())
        .collect();
    let checked = format!("Checked against the real tool, {}", agentls::formats::kilo::VERSION);
    let unconfirmed: Vec<String> = rules::all_codes()
        .into_iter()
        .map(|(code, ..)| code)
        .filter(|code| code.starts_with("kilo-"))
        .filter(|code| {
            rule_docs::page(code).unwrap_or_default().contains(&checked) && !confirmed.contains(code.as_str())
        })
        .collect();
    assert!(
        unconfirmed.is_empty(),
        "these rule pages say Kilo Code confirms them, but no recorded case does\n{unconfirmed:#?}"
    );
}

/// Kilo's skill rules (`skills_by_tool::KILO`) predict every recorded Kilo skill case.
#[test]
fn the_skill_table_matches_the_pinned_kilo() {
    let lines = truth::recording::read::<Observation>("kilo", &pinned()).unwrap();
    let drift = truth::judge::opencode::skill_drift(&agentls::formats::skills_by_tool::KILO, &lines);
    assert!(drift.is_empty(), "{}", drift.join("\n"));
    assert!(lines.iter().filter(|l| l.obs.skill.is_some()).count() >= 10);
}

#[test]
fn the_verified_version_is_the_pinned_one() {
    assert_eq!(
        agentls::formats::kilo::VERSION,
        format!("Kilo Code {}", pinned()),
        "bump `VERSION` in server/src/formats/kilo.rs with truth/tools.toml"
    );
}

#[test]
fn the_recording_is_clean() {
    let path = truth::recording::path("kilo", &pinned());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(!text.is_empty(), "{} is missing", path.display());
    for bad in ["agentls-truth-", "/home/", "/root/", "sk-ant-", "Message time"] {
        assert!(!text.contains(bad), "{} holds `{bad}`", path.display());
    }
}

/// What Kilo Code did with each project agent and command file, as facts (`truth compare --tool
/// kilo`, which adds agnix beside it): agentls reports every one at the level its effect calls
/// for. A fact agentls stops getting right changes this table.
#[test]
fn every_fact_is_reported_at_its_level() {
    let c = judge::peer::compare_opencode("kilo", &pinned(), &[], &[]).unwrap();
    expect_test::expect![[r#"
        What Kilo Code 7.7.7 did, and how often each checker said so

        | fact | cases | agentls 0.1.0 |
        |---|---:|---:|
        | configuration refused | 1 | 100.0 % (100.0 % at the level) |
        | every run fails (model or agent) | 7 | 100.0 % (100.0 % at the level) |
        | file loads and runs | 80 | 100.0 % (100.0 % at the level) |
        | file not loaded | 27 | 100.0 % (100.0 % at the level) |
        | key ignored | 1 | 100.0 % (100.0 % at the level) |
        | all facts | 116 | 100.0 % (100.0 % at the level) |
    "#]]
    .assert_eq(&c.render());
}
