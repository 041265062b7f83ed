//! Runs `agentls check` over the third-party corpus in `../shared/corpus` (when it is there) and
//! pins what it finds: the number of files checked and the number of findings per code. A change
//! in these numbers is a change in behaviour on real files; review it (docs/corpus-review.md)
//! and update the snapshot with `UPDATE_EXPECT=1 cargo test -p agentls-e2e --test corpus`.

use agentls_e2e::{agentls_bin, shared_dir};
use expect_test::expect;
use std::collections::BTreeMap;
use std::process::Command;

#[test]
fn corpus_findings_per_code() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared (the corpus) is not beside the repository");
        return;
    };
    let corpus = shared.join("corpus");
    let out = Command::new(agentls_bin())
        .args(["check", "--format", "json"])
        .arg(&corpus)
        .output()
        .expect("agentls runs");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "check must finish (exit 0 or 1), got {code:?}\nstderr:\n{stderr}"
    );

    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("stdout is a JSON array");
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &findings {
        *per_code
            .entry(f["code"].as_str().expect("every finding has a code"))
            .or_default() += 1;
    }

    let summary = stderr
        .lines()
        .find_map(|l| l.strip_prefix("checked "))
        .unwrap_or_else(|| panic!("no `checked N files` summary in stderr:\n{stderr}"));
    let files: usize = summary
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("cannot read the file count in `checked {summary}`"));
    // Files that could not be read are reported on stderr, one `path: error: …` line each.
    let unreadable = stderr.lines().filter(|l| l.contains(": error: ")).count();
    assert_eq!(
        code == Some(1),
        !summary.contains(": 0 errors"),
        "the exit status follows the error count: `checked {summary}`"
    );

    let mut report = format!(
        "files checked: {files}\nunreadable: {unreadable}\nfindings: {}\n",
        findings.len()
    );
    for (code, n) in &per_code {
        report.push_str(&format!("{code} {n}\n"));
    }
    expect![[r#"
        files checked: 1713
        unreadable: 0
        findings: 2876
        claude-agent/duplicate-name 4
        claude-agent/duplicate-tool 4
        claude-agent/empty-tools 1
        claude-agent/invalid-value 3
        claude-agent/name-format 5
        claude-agent/name-mismatch 107
        claude-agent/removed-tool 374
        claude-agent/retired-model 136
        claude-agent/session-tools 3
        claude-agent/unknown-key 213
        claude-agent/unknown-tool 10
        claude-agent/withheld-tool 461
        claude-command/argument-hint-list 9
        claude-command/argument-mismatch 7
        claude-command/argument-numbering 2
        claude-command/removed-tool 2
        claude-command/retired-model 8
        claude-command/unknown-key 154
        copilot-agent/conditional-tool 58
        copilot-agent/ignored-key 5
        copilot-agent/renamed-tool 224
        copilot-agent/unknown-key 8
        copilot-agent/unknown-model 1
        copilot-agent/unknown-tool 2
        copilot-chatmode/conditional-tool 133
        copilot-chatmode/duplicate-tool 1
        copilot-chatmode/legacy-chatmode 91
        copilot-chatmode/renamed-tool 538
        copilot-chatmode/unknown-key 7
        copilot-chatmode/unknown-tool 1
        copilot-prompt/conditional-tool 24
        copilot-prompt/deprecated-key 1
        copilot-prompt/duplicate-tool 2
        copilot-prompt/renamed-tool 69
        copilot-prompt/unknown-key 4
        front-matter/closed-by-rule 1
        front-matter/missing 1
        link/missing-anchor 1
        link/missing-file 90
        skill/argument-numbering 4
        skill/long-body 16
        skill/name-mismatch 1
        skill/nested-metadata 2
        skill/too-long 2
        skill/unknown-key 26
        yaml/needs-quotes 16
        yaml/syntax 44
    "#]]
    .assert_eq(&report);
}
