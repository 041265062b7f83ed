//! The CI-facing output formats of `agentls check`: GitHub Actions annotations and SARIF, and
//! that every format reports what the text output reports (unreadable files and configuration
//! errors included).

use agentls_e2e::{Project, repo_root, run_in};

fn check(args: &[&str]) -> (i32, String) {
    let (code, stdout, _) = run_in(&repo_root(), &[&["check"], args].concat());
    (code, stdout)
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let (code, stdout) = check(&["--format", "sarif", "examples"]);
    assert_eq!(code, 1, "the examples hold errors");
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);

    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    let unclosed = results
        .iter()
        .find(|r| r["ruleId"] == "front-matter/unclosed")
        .expect("unclosed finding");
    assert_eq!(unclosed["level"], "error");
    let location = &unclosed["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "examples/.claude/agents/unclosed.md"
    );
    assert_eq!(location["region"]["startLine"], 1);
}

/// Validates a log against the SARIF 2.1.0 schema, and checks that every result names a rule
/// the driver lists (by `ruleIndex`), with a rule page.
fn assert_valid_sarif(log: &serde_json::Value) {
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("tests/schemas/sarif-2.1.0.json")).unwrap())
            .unwrap();
    // The published rtm.5 schema has one pattern (`run.language`) with a stray `]` that strict
    // ECMA-262 checking rejects when the schema itself is validated; later schema versions fix
    // it to this. agentls never writes `language`.
    fix_language_pattern(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema violations:\n{}", errors.join("\n"));
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in log["runs"][0]["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap_or_else(|| panic!("no ruleIndex: {r}")) as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let page = rules[i]["helpUri"].as_str().unwrap();
        let local = page.replace("https://github.com/agentls/agentls/blob/main/", "");
        assert!(
            repo_root().join(&local).is_file(),
            "{page}: no such page in the repository"
        );
    }
}

fn fix_language_pattern(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            if map.get("pattern").and_then(|p| p.as_str()) == Some("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") {
                map.insert("pattern".into(), "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into());
            }
            map.values_mut().for_each(fix_language_pattern);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_pattern),
        _ => {}
    }
}

#[test]
fn github_annotations_one_per_finding() {
    let (code, stdout) = check(&["--format", "github", "examples"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 9);
    assert!(lines.contains(
        &"::error file=examples/.claude/agents/unclosed.md,line=1,endLine=1,col=1,endColumn=4,title=agentls front-matter/unclosed::front matter is never closed: no line `---` ends it, so Claude Code ends it at the `---` inside line 13 and cannot read what comes before as YAML; add a line `---` after the last key; Claude Code does not load this agent"
    ), "{stdout}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "))
    );
}

/// A CI run must say why it failed in the output it parses: an agent file that is not UTF-8
/// and a broken `agentls.toml` are findings in every format, as in the text output.
#[test]
fn every_format_reports_unreadable_files_and_config_errors() {
    let project = Project::new(
        "formats-unreadable",
        &[
            ("agentls.toml", "[rules]\n\"claude-agent/unknown-modle\" = \"off\"\n"),
            (
                ".claude/agents/ok.md",
                "---\nname: ok\ndescription: Fine.\nmodel: sonet\n---\nDo things.\n",
            ),
        ],
    );
    // Latin-1 (`é` is 0xE9 on line 2, after 10 characters) and UTF-16 with its byte-order mark.
    std::fs::write(
        project.path(".claude/agents/latin1.md"),
        b"---\nname: caf\xe9\ndescription: x\n---\nbody\n",
    )
    .unwrap();
    std::fs::write(project.path(".claude/agents/utf16.md"), b"\xff\xfe-\x00-\x00-\x00").unwrap();
    // Not at an agent path: skipped, not reported.
    std::fs::write(project.path("notes.md"), b"caf\xe9\n").unwrap();
    let run = |format: &str| run_in(&project.0, &["check", "--format", format, "."]);

    let (code, text, stderr) = run("text");
    assert_eq!(code, 1);
    assert_eq!(stderr, "checked 3 files: 3 errors, 2 warnings\n");
    // The files that are not UTF-8 are checked as Claude Code reads them: each bad byte a
    // U+FFFD (the UTF-16 one then has no front matter).
    assert_eq!(
        text,
        "agentls.toml:2:1: error[config/invalid]: unknown rule `claude-agent/unknown-modle`: did you mean `claude-agent/unknown-model`? (using the defaults)\n\
         ./.claude/agents/latin1.md:2:7: information[claude-agent/name-format]: `caf\u{fffd}` has capitals, spaces or symbols: Claude Code accepts it, but names are identifiers people type (`@caf`), conventionally lowercase with hyphens\n\
         ./.claude/agents/latin1.md:2:7: information[claude-agent/name-mismatch]: the name `caf\u{fffd}` differs from the file name `latin1`; Claude Code uses the name\n\
         ./.claude/agents/latin1.md:2:10: warning[file/not-utf8]: not valid UTF-8 (first bad byte at offset 13): Claude Code reads each bad byte as U+FFFD (\u{fffd}); save the file as UTF-8\n\
         ./.claude/agents/ok.md:4:8: error[claude-agent/unknown-model]: unknown model `sonet`: did you mean `sonnet`? Claude Code sends `sonet` to the API as is, and every run of this agent fails\n\
         ./.claude/agents/utf16.md:1:1: warning[file/not-utf8]: not valid UTF-8 (first bad byte at offset 0, and starts with a UTF-16 byte-order mark): Claude Code reads each bad byte as U+FFFD (\u{fffd}); save the file as UTF-8\n\
         ./.claude/agents/utf16.md:1:1: error[front-matter/missing]: this agent has no front matter (a `---` block with `name` and `description` at the top of the file): Claude Code does not load this agent\n"
    );
    let want: Vec<(String, usize, usize, String)> = text
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let path = parts.next().unwrap().to_string();
            let line = parts.next().unwrap().parse().unwrap();
            let column = parts.next().unwrap().parse().unwrap();
            let code = l.split('[').nth(1).unwrap().split(']').next().unwrap().to_string();
            (path, line, column, code)
        })
        .collect();

    let (code, json, _) = run("json");
    assert_eq!(code, 1);
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let got: Vec<(String, usize, usize, String)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["line"].as_u64().unwrap() as usize,
                i["column"].as_u64().unwrap() as usize,
                i["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got, want, "json: {json}");
    let bad_byte = items.iter().find(|i| i["code"] == "file/not-utf8").unwrap();
    assert_eq!(
        (&bad_byte["severity"], &bad_byte["effect"]),
        (&"warning".into(), &"read-differently".into())
    );
    assert_eq!(
        (&bad_byte["end_line"], &bad_byte["end_column"]),
        (&2.into(), &11.into())
    );

    let (code, github, _) = run("github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), want.len(), "{github}");
    assert!(lines.contains(
        &"::warning file=./.claude/agents/latin1.md,line=2,endLine=2,col=10,endColumn=11,title=agentls file/not-utf8::not valid UTF-8 (first bad byte at offset 13): Claude Code reads each bad byte as U+FFFD (\u{fffd}); save the file as UTF-8"
    ), "{github}");
    assert!(lines[0].starts_with("::error file=agentls.toml,line=2,"), "{github}");

    let (code, sarif, _) = run("sarif");
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_valid_sarif(&log);
    let results: Vec<(String, String)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["ruleId"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want_sarif: Vec<(String, String)> = want
        .iter()
        .map(|(p, _, _, c)| (p.trim_start_matches("./").to_string(), c.clone()))
        .collect();
    assert_eq!(results, want_sarif, "{sarif}");
}

/// `[rules]` re-levels `file/not-utf8` like any other code.
#[test]
fn file_not_utf8_follows_the_configured_level() {
    let text = b"---\nname: caf\xe9\ndescription: x\n---\nbody\n";
    let project = Project::new(
        "formats-not-utf8-level",
        &[(
            "agentls.toml",
            "[rules]\n\"file/not-utf8\" = \"error\"\n\"claude-agent/name-format\" = \"off\"\n\"claude-agent/name-mismatch\" = \"off\"\n",
        )],
    );
    std::fs::create_dir_all(project.path(".claude/agents")).unwrap();
    std::fs::write(project.path(".claude/agents/latin1.md"), text).unwrap();
    let (code, stdout, stderr) = run_in(&project.0, &["check", "--format", "json", "."]);
    assert_eq!((code, stderr.as_str()), (1, "checked 1 file: 1 error, 0 warnings\n"));
    let items: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(items.len(), 1, "{stdout}");
    assert_eq!(
        (&items[0]["code"], &items[0]["severity"]),
        (&"file/not-utf8".into(), &"error".into())
    );
    std::fs::write(project.path("agentls.toml"), "[rules]\n\"file/not-utf8\" = \"off\"\n\"claude-agent/name-format\" = \"off\"\n\"claude-agent/name-mismatch\" = \"off\"\n").unwrap();
    let (code, stdout, _) = run_in(&project.0, &["check", "--format", "json", "."]);
    assert_eq!((code, stdout.as_str()), (0, "[]\n"));
}
