//! End-to-end tests of `agentls check` and the other CLI entry points: they run the real binary
//! on `examples/` and on files written to a temporary directory.

use agentls_e2e::{Project, repo_root, run_in};
use expect_test::expect;
use std::path::{Path, PathBuf};

/// What one run of the binary produced.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `agentls ARGS` from the repository root, so relative paths in the output are stable.
fn agentls(args: &[&str]) -> Run {
    let (code, stdout, stderr) = run_in(&repo_root(), args);
    Run { code, stdout, stderr }
}

/// A fresh, empty directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("agentls-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Writes `bytes` to `rel` (creating parent folders) and returns the full path.
    fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("create parent");
        std::fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

#[test]
fn examples_report_the_documented_findings() {
    let run = agentls(&["check", "examples"]);
    assert_eq!(
        run.code, 1,
        "the examples contain errors, so check exits 1\nstderr: {}",
        run.stderr
    );
    expect![[r#"
        examples/.claude/agents/broken.md:4:26: warning[claude-agent/unknown-tool]: unknown tool `Raed`: did you mean `Read`? Claude Code drops it
        examples/.claude/agents/broken.md:4:32: warning[claude-agent/removed-tool]: `MultiEdit` is no longer a Claude Code tool: Claude Code drops it; use `Edit`
        examples/.claude/agents/broken.md:4:43: information[claude-agent/duplicate-tool]: `Grep` is listed twice in `tools`; Claude Code gives it once
        examples/.claude/agents/broken.md:4:49: warning[claude-agent/invalid-tool-rule]: `Bash(npm test*` has unbalanced parentheses: a permission rule is `Tool(specifier)`, and this one matches nothing: Claude Code drops it
        examples/.claude/agents/broken.md:5:8: error[claude-agent/unknown-model]: unknown model `sonet`: did you mean `sonnet`? Claude Code sends `sonet` to the API as is, and every run of this agent fails
        examples/.claude/agents/broken.md:6:8: warning[claude-agent/invalid-value]: `magenta` is not a valid `color`: Claude Code ignores it (allowed: `red`, `blue`, `green`, `yellow`, `purple`, `orange`, `pink`, `cyan`)
        examples/.claude/agents/broken.md:7:1: warning[claude-agent/unknown-key]: unknown key `permisionMode`: did you mean `permissionMode`? Claude Code ignores it
        examples/.claude/agents/one-line-examples.md:3:14: information[yaml/needs-quotes]: the value of `description` holds `: ` or starts with a YAML indicator, which strict YAML rejects: Claude Code quotes it and reads it as written, but strict YAML tools and other agent runners reject the file. Quote the value or use a `|` block
        examples/.claude/agents/unclosed.md:1:1: error[front-matter/unclosed]: front matter is never closed: no line `---` ends it, so Claude Code ends it at the `---` inside line 13 and cannot read what comes before as YAML; add a line `---` after the last key; Claude Code does not load this agent
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.stderr, "checked 4 files: 2 errors, 5 warnings\n");
}

#[test]
fn valid_agent_is_clean() {
    let run = agentls(&["check", "examples/.claude/agents/code-reviewer.md"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "checked 1 file: 0 errors, 0 warnings\n");
}

#[test]
fn one_line_examples_description_is_information_not_an_error() {
    // Claude Code quotes the value and loads the agent (truth case
    // `docs/yaml/needs-quotes/example`): only strict tools fail, so it is information.
    let run = agentls(&["check", "examples/.claude/agents/one-line-examples.md"]);
    assert_eq!(run.code, 0, "information does not fail the run\nstdout: {}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one finding: {lines:#?}");
    assert!(
        lines[0].starts_with("examples/.claude/agents/one-line-examples.md:3:14: information[yaml/needs-quotes]: the value of `description` holds `: `"),
        "{}",
        lines[0]
    );
    assert_eq!(run.stderr, "checked 1 file: 0 errors, 0 warnings\n");
}

#[test]
fn ordinary_markdown_gets_nothing() {
    for readme in ["README.md", "examples/README.md"] {
        let run = agentls(&["check", readme]);
        assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{readme}: {}", run.stderr);
        assert_eq!(run.stderr, "checked 0 files: 0 errors, 0 warnings\n", "{readme}");
        let verbose = agentls(&["check", "--verbose", readme]);
        assert!(
            verbose
                .stderr
                .contains(&format!("{readme}: skipped (not an agent spec file)")),
            "{}",
            verbose.stderr
        );
    }
}

#[test]
fn json_format_prints_an_array_with_the_documented_keys() {
    let run = agentls(&["check", "--format", "json", "examples"]);
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("stdout is one JSON document");
    let items = value.as_array().expect("a JSON array");
    assert_eq!(items.len(), 9, "{value:#}");
    let keys = [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "effect",
        "code",
        "message",
    ];
    for item in items {
        let obj = item.as_object().expect("each finding is an object");
        let mut got: Vec<&str> = obj.keys().map(String::as_str).collect();
        got.sort_unstable();
        let mut want = keys.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "{item:#}");
    }
    let model = items
        .iter()
        .find(|i| i["code"] == "claude-agent/unknown-model")
        .expect("the unknown model is reported");
    assert_eq!(
        model,
        &serde_json::json!({
            "path": "examples/.claude/agents/broken.md",
            "line": 5,
            "column": 8,
            "end_line": 5,
            "end_column": 13,
            "severity": "error",
            "effect": "runs-fail",
            "code": "claude-agent/unknown-model",
            "message": "unknown model `sonet`: did you mean `sonnet`? Claude Code sends `sonet` to the API as is, and every run of this agent fails",
        })
    );
    // The summary still goes to stderr, so stdout stays machine-readable.
    assert_eq!(run.stderr, "checked 4 files: 2 errors, 5 warnings\n");

    let clean = agentls(&["check", "--format=json", "examples/.claude/agents/code-reviewer.md"]);
    assert_eq!((clean.code, clean.stdout.trim()), (0, "[]"));
}

#[test]
fn missing_path_is_a_usage_error() {
    let run = agentls(&["check", "examples/no-such-file.md"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("examples/no-such-file.md: no such file or directory"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let run = agentls(&["check", "--frobnicate", "examples"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("unknown flag `--frobnicate`"), "{}", run.stderr);

    let top = agentls(&["--frobnicate"]);
    assert_eq!(top.code, 2);
    assert!(
        top.stderr.contains("unknown command or flag `--frobnicate`"),
        "{}",
        top.stderr
    );

    let no_path = agentls(&["check"]);
    assert_eq!(no_path.code, 2);
    assert!(no_path.stderr.contains("no PATH given"), "{}", no_path.stderr);

    let bad_format = agentls(&["check", "--format", "xml", "examples"]);
    assert_eq!(bad_format.code, 2);
    assert!(
        bad_format.stderr.contains("unknown output format `xml`"),
        "{}",
        bad_format.stderr
    );
}

#[test]
fn kind_agent_checks_a_file_outside_agent_folders() {
    let tmp = TempDir::new("kind");
    // `name` + `description` alone, in an ordinary folder: not recognised as an agent.
    let file = tmp.write(
        "notes/reviewer.md",
        b"---\nname: reviewer\ndescription: Reviews code.\nmodle: opus\n---\n\nYou review code.\n",
    );
    let plain = agentls(&["check", s(&file)]);
    assert_eq!((plain.code, plain.stdout.as_str()), (0, ""));
    assert_eq!(plain.stderr, "checked 0 files: 0 errors, 0 warnings\n");

    let forced = agentls(&["check", "--kind", "agent", s(&file)]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(
        forced.stdout,
        format!(
            "{}:4:1: warning[claude-agent/unknown-key]: unknown key `modle`: did you mean `model`? Claude Code ignores it\n",
            file.display()
        )
    );
    assert_eq!(forced.stderr, "checked 1 file: 0 errors, 1 warning\n");

    let by_id = agentls(&["check", "--kind=claude-agent", s(&file)]);
    assert_eq!(by_id.stdout, forced.stdout);

    let unknown = agentls(&["check", "--kind", "robot", s(&file)]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("unknown kind `robot`"), "{}", unknown.stderr);
}

#[test]
fn non_utf8_agent_file_is_reported_and_the_run_continues() {
    let tmp = TempDir::new("utf8");
    let bad = tmp.write(
        ".claude/agents/latin1.md",
        b"---\nname: caf\xe9\ndescription: x\n---\nbody\n",
    );
    tmp.write(
        ".claude/agents/ok.md",
        b"---\nname: ok\ndescription: Fine.\nmodel: sonet\n---\n\nDo things.\n",
    );
    // A non-UTF-8 file that does not claim to be an agent is skipped silently.
    tmp.write("docs/notes.md", b"caf\xe9\n");

    let run = agentls(&["check", s(&tmp.0)]);
    assert_eq!(run.code, 1, "the other file's unknown model is an error");
    // Checked as Claude Code reads it (each bad byte a U+FFFD), with a finding at the bad byte.
    assert!(
        run.stdout.contains(&format!(
            "{}:2:10: warning[file/not-utf8]: not valid UTF-8 (first bad byte at offset 13): Claude Code reads each bad byte as U+FFFD (�); save the file as UTF-8\n",
            bad.display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "{}:2:7: information[claude-agent/name-format]: `caf�`",
            bad.display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("ok.md:4:8: error[claude-agent/unknown-model]"),
        "the other file is still checked: {}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("notes.md") && !run.stdout.contains("notes.md"),
        "{run:?}"
    );
    assert!(
        run.stderr.ends_with("checked 2 files: 1 error, 1 warning\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn version_and_help() {
    let run = agentls(&["--version"]);
    assert_eq!(run.code, 0);
    // `agentls 0.1.0 (<commit>)` in a git checkout, as this repository is.
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(repo_root())
        .output()
        .unwrap();
    let commit = String::from_utf8(commit.stdout).unwrap();
    let expected = match commit.trim() {
        "" => format!("agentls {}\n", env!("CARGO_PKG_VERSION")),
        c => format!("agentls {} ({c})\n", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(run.stdout, expected);

    let help = agentls(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("agentls check [OPTIONS] PATH..."),
        "{}",
        help.stdout
    );
}

#[test]
fn readme_lists_every_diagnostic_code() {
    let table = agentls(&["rules", "--format", "markdown"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.lines().count() >= 20, "too few rules:\n{}", table.stdout);
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("read README.md");
    assert!(
        readme.contains(&table.stdout),
        "README.md's diagnostic code table is out of date; paste `agentls rules --format markdown`:\n{}",
        table.stdout
    );
}

/// The README's formats table is `agentls formats --format markdown`: every format, with the
/// release it was verified against.
#[test]
fn readme_lists_every_format() {
    let table = agentls(&["formats", "--format", "markdown"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.contains("(`gemini-agent`)") && table.stdout.contains("by recording"));
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("read README.md");
    assert!(
        readme.contains(&table.stdout),
        "README.md's formats table is out of date; paste `agentls formats --format markdown`:\n{}",
        table.stdout
    );
}

#[test]
fn readme_sample_output_is_current() {
    let run = agentls(&["check", "examples"]);
    let block = format!("```text\n{}{}```", run.stdout, run.stderr);
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("read README.md");
    assert!(
        readme.contains(&block),
        "README.md's sample output is out of date; paste the real output:\n{block}"
    );
}

/// Cline's files are checked where Cline reads them, whatever their extension: `.clinerules`
/// as a file, a `.txt` rule, a workflow; a README beside them is ordinary Markdown.
#[test]
fn check_finds_cline_files_by_their_path() {
    let p = Project::new(
        "cli-cline",
        &[
            (
                ".clinerules/docs.txt",
                "---\npaths: [\"docs/**\"]\n---\nWrite short sentences.\n",
            ),
            (".clinerules/workflows/deploy.md", "Deploy $ARGUMENTS.\n"),
            ("sub/.clinerules", "---\nname: 42\n---\nA rule Cline drops.\n"),
            ("README.md", "---\npaths: [\"docs/**\"]\n---\n# Readme\n"),
        ],
    );
    let (code, stdout, stderr) = run_in(&p.0, &["check", "."]);
    assert_eq!(code, 1, "`name: 42` drops the rule: an error\n{stdout}{stderr}");
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines.sort();
    expect_test::expect![[r#"
        ./.clinerules/docs.txt:2:1: warning[cline-rule/ignored-key]: `paths` is not read by Cline 3.0.65: the rule is in every request, whatever files the task touches (only the classic VS Code extension up to 3.89.2 applied a rule to matching paths)
        ./.clinerules/workflows/deploy.md:1:8: warning[cline-workflow/literal-placeholder]: Cline does not replace `$ARGUMENTS`: the model reads it as written, and what follows `/name` is appended after the body; refer to "the arguments after the command" instead
        ./sub/.clinerules:2:7: error[cline-rule/wrong-type]: `name` must be text, not a number: Cline does not load this rule
    "#]]
    .assert_eq(&(lines.join("\n") + "\n"));
}

/// `GEMINI.md` is Gemini CLI's context file: its `@path` imports resolve from its own folder,
/// a missing one is reported, one inside backticks is text, and a README beside it is plain
/// Markdown.
#[test]
fn check_reads_gemini_md_imports() {
    let p = Project::new(
        "cli-gemini-md",
        &[
            (
                "GEMINI.md",
                "# Project\n\nSee @./docs/style.md and @./docs/gone.md.\n\n`@./docs/also-gone.md` is an example.\n",
            ),
            ("docs/style.md", "# Style\n"),
            ("README.md", "See @./docs/gone.md.\n"),
        ],
    );
    let (code, stdout, stderr) = run_in(&p.0, &["check", "--format", "json", "."]);
    assert_eq!(code, 0, "a missing import is a warning\n{stdout}{stderr}");
    let found: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let found: Vec<(String, String)> = found
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(found, [("./GEMINI.md".to_string(), "link/missing-file".to_string())]);
}
