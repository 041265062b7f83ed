//! agentls's per-tool skill findings (`skill/rejected-by-tool`, from
//! `server/src/formats/skills_by_tool.rs`) against what Gemini CLI, Cline and the GitHub Copilot
//! CLI were recorded doing with skills (`truth/recorded/`; offline, no tool runs here). For each recorded skill
//! case, agentls is asked about that one tool (`targets = [tool]`): a claim that the tool does
//! not load a skill it listed is contradicted; a skill it did not list that agentls says
//! nothing about is a miss. Both must stay at the figures below: a new contradiction is a
//! wrong table entry, a new miss a cause the table lacks.

use agentls::analysis::diagnostics::diagnostics_for;
use agentls::document::Document;
use std::path::PathBuf;
use truth::cases::Case;

struct Tally {
    cases: usize,
    agree: usize,
    contradicted: Vec<String>,
    missed: Vec<String>,
}

fn judge<'a>(tool: &str, cases: impl Iterator<Item = (&'a Case, bool)>) -> Tally {
    let skill = agentls::formats::by_id("skill").unwrap();
    let targets = vec![tool.to_string()];
    let mut t = Tally {
        cases: 0,
        agree: 0,
        contradicted: Vec::new(),
        missed: Vec::new(),
    };
    for (case, loaded) in cases {
        // Home-folder cases (`~/.cline/skills/…`) are written under a fake home; the roots
        // match on the path's last components all the same.
        let doc = Document::new(&case.text(), Some(PathBuf::from(&case.path)));
        let claims: Vec<String> = diagnostics_for(&doc, skill, Some(&targets))
            .into_iter()
            .filter(|d| d.tool == Some(tool))
            .map(|d| d.message)
            .collect();
        t.cases += 1;
        match (loaded, claims.is_empty()) {
            (true, true) | (false, false) => t.agree += 1,
            (true, false) => t.contradicted.push(format!("{}: {}", case.id, claims.join("; "))),
            (false, true) => t.missed.push(case.id.clone()),
        }
    }
    t
}

fn render(t: &Tally) -> String {
    let mut out = format!(
        "{} cases, {} agree, {} contradicted, {} missed\n",
        t.cases,
        t.agree,
        t.contradicted.len(),
        t.missed.len()
    );
    for c in &t.contradicted {
        out.push_str(&format!("contradicted: {c}\n"));
    }
    for m in &t.missed {
        out.push_str(&format!("missed: {m}\n"));
    }
    out
}

#[test]
fn cline_skills() {
    let version = truth::install::pin("cline").version;
    let rec = truth::cline::recorded(&version).expect("the recording reads");
    let cases = rec
        .current
        .iter()
        .filter(|(c, _)| c.format == "cline-skill")
        .map(|(c, o)| (c, o.listed.is_some()));
    let t = judge("cline", cases);
    assert!(t.contradicted.is_empty(), "{}", render(&t));
    expect_test::expect_file!["skills_by_tool-cline.txt"].assert_eq(&render(&t));
}

#[test]
fn gemini_skills() {
    let version = truth::install::pin("gemini-cli").version;
    let mut lines: Vec<truth::recording::Line<truth::gemini::Observation>> =
        truth::recording::read(truth::gemini::cli::TOOL, &version).expect("the recording reads");
    // The corpus cases need `../shared`; the figures below are those of the mutations.
    lines.retain(|l| !l.id.starts_with("corpus/"));
    let rec = truth::judge::pair(truth::gemini::cli::select(&[], None), &lines, truth::gemini::observes);
    let cases = rec
        .current
        .iter()
        .filter(|(c, _)| c.format == "gemini-skill")
        .map(|(c, o)| (c, o.skill.is_some()));
    let t = judge("gemini-cli", cases);
    assert!(t.contradicted.is_empty(), "{}", render(&t));
    expect_test::expect_file!["skills_by_tool-gemini.txt"].assert_eq(&render(&t));
}

/// The 131 corpus skills Gemini CLI discovered: agentls claims none of them is dropped.
#[test]
fn gemini_corpus_skills_load() {
    if truth::cases::shared_dir().is_none() {
        return;
    }
    let version = truth::install::pin("gemini-cli").version;
    let lines: Vec<truth::recording::Line<truth::gemini::Observation>> =
        truth::recording::read(truth::gemini::cli::TOOL, &version).expect("the recording reads");
    let rec = truth::judge::pair(truth::gemini::cli::select(&[], None), &lines, truth::gemini::observes);
    let cases = rec
        .current
        .iter()
        .filter(|(c, _)| c.format == "gemini-skill" && c.id.starts_with("corpus/"))
        .map(|(c, o)| (c, o.skill.is_some()));
    let t = judge("gemini-cli", cases);
    assert!(t.cases >= 100, "{}", render(&t));
    assert!(t.contradicted.is_empty() && t.missed.is_empty(), "{}", render(&t));
}

#[test]
fn copilot_cli_skills() {
    let rec = truth::copilot_cli::recorded(&truth::install::pin(truth::copilot_cli::TOOL).version)
        .expect("the recording reads");
    // The corpus skills need `../shared`; the figures below are those of the other cases.
    let cases = rec
        .current
        .iter()
        .filter(|(c, _)| c.format == "skill" && !c.id.starts_with("corpus/"))
        .map(|(c, o)| (c, o.skill().is_some()));
    let t = judge("copilot-cli", cases);
    assert!(t.contradicted.is_empty(), "{}", render(&t));
    expect_test::expect_file!["skills_by_tool-copilot-cli.txt"].assert_eq(&render(&t));
}

/// The corpus skills the Copilot CLI was asked about: agentls claims none it lists is dropped.
#[test]
fn copilot_cli_corpus_skills() {
    if truth::cases::shared_dir().is_none() {
        return;
    }
    let rec = truth::copilot_cli::recorded(&truth::install::pin(truth::copilot_cli::TOOL).version)
        .expect("the recording reads");
    let cases = rec
        .current
        .iter()
        .filter(|(c, _)| c.format == "skill" && c.id.starts_with("corpus/"))
        .map(|(c, o)| (c, o.skill().is_some()));
    let t = judge("copilot-cli", cases);
    assert!(t.cases >= 100, "{}", render(&t));
    assert!(t.contradicted.is_empty() && t.missed.is_empty(), "{}", render(&t));
}
