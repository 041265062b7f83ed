//! `agentls check`: walk the given paths, analyse every agent spec file, report.

use super::fix;
use super::output::{self, Finding, OutputFormat};
use crate::analysis::diagnostics::{self, Diagnostic, Severity};
use crate::config::{self, CONFIG_INVALID, ConfigCache};
use crate::document::Document;
use crate::formats;
use crate::workspace;
use crate::workspace::index::{FileEntry, Index};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Options {
    paths: Vec<PathBuf>,
    format: OutputFormat,
    kind: Option<&'static formats::Format>,
    verbose: bool,
    quiet: bool,
    /// Apply the safe fixes to the files, then report what is left.
    fix: bool,
    /// Print the safe fixes as a diff; change nothing.
    diff: bool,
    /// `--config FILE`: this configuration for every file instead of the nearest one.
    config: Option<PathBuf>,
    /// The least severe finding that makes the run fail (`--fail-on`); `None`: never.
    fail_on: Option<Severity>,
}

fn usage_error(msg: &str) -> i32 {
    let _ = writeln!(
        std::io::stderr(),
        "agentls check: {msg}\nrun `agentls --help` for usage"
    );
    2
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        paths: Vec::new(),
        format: OutputFormat::Text,
        kind: None,
        verbose: false,
        quiet: false,
        fix: false,
        diff: false,
        config: None,
        fail_on: Some(Severity::Error),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<String, String> {
            match a.split_once('=') {
                Some((_, v)) => Ok(v.to_string()),
                None => it.next().cloned().ok_or(format!("`{name}` needs a value")),
            }
        };
        match a.split('=').next().unwrap_or("") {
            "--format" => {
                let f = value("--format")?;
                o.format = OutputFormat::parse(&f)
                    .ok_or_else(|| format!("unknown output format `{f}` (expected text, json, github or sarif)"))?;
            }
            "--kind" => {
                let k = value("--kind")?;
                o.kind = Some(formats::by_id_or_alias(&k).ok_or_else(|| {
                    let known: Vec<&str> = formats::ID_ALIASES
                        .iter()
                        .map(|(a, _)| *a)
                        .chain(formats::FORMATS.iter().map(|f| f.id))
                        .collect();
                    format!("unknown kind `{k}` (known: {})", known.join(", "))
                })?);
            }
            "--config" => o.config = Some(PathBuf::from(value("--config")?)),
            "--fail-on" => {
                o.fail_on = match value("--fail-on")?.as_str() {
                    "error" => Some(Severity::Error),
                    "warning" => Some(Severity::Warning),
                    "info" | "information" => Some(Severity::Hint),
                    "never" => None,
                    other => {
                        return Err(format!(
                            "unknown level `{other}` for --fail-on (expected error, warning, info or never)"
                        ));
                    }
                }
            }
            "--verbose" | "-v" => o.verbose = true,
            "--fix" => o.fix = true,
            "--diff" => o.diff = true,
            "--quiet" | "-q" => o.quiet = true,
            "--" => o.paths.extend(it.by_ref().map(PathBuf::from)),
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown flag `{a}`")),
            _ => o.paths.push(PathBuf::from(a)),
        }
    }
    if o.paths.is_empty() {
        return Err("no PATH given".into());
    }
    Ok(o)
}

/// What checking one file produced.
enum Outcome {
    /// The findings, positioned already, so the document can go as soon as it is checked.
    Checked(Vec<Finding>, &'static formats::Format),
    Skipped(&'static str),
    /// The file could not be read as text: one `file/unreadable` finding, in every output
    /// format (a CI job that fails must say why on stdout, not only on stderr).
    Unreadable(Finding),
}

/// The code of a file `check` could not read; listed in the rule table.
const UNREADABLE: &str = "file/unreadable";
/// The code of an agent file that is not UTF-8, checked as the tool reads it.
const NOT_UTF8: &str = "file/not-utf8";

fn unreadable_finding(
    path: &Path,
    message: String,
    severity: Severity,
    (line, column): (usize, usize),
    width: usize,
) -> Finding {
    Finding {
        path: path.display().to_string(),
        line,
        column,
        end_line: line,
        end_column: column + width,
        severity,
        effect: crate::formats::Effect::Unchecked,
        code: UNREADABLE.into(),
        message,
        tool: None,
    }
}

/// 1-based line and character column of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

pub fn run(args: &[String]) -> i32 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let mut files = Vec::new();
    for p in &opts.paths {
        if !p.exists() {
            return usage_error(&format!("{}: no such file or directory", p.display()));
        }
        files.extend(workspace::walk(p));
    }
    files.sort();
    files.dedup();

    let configs = match &opts.config {
        Some(file) if !file.is_file() => {
            return usage_error(&format!("--config {}: no such file", file.display()));
        }
        Some(file) => ConfigCache::with_file(file),
        None => ConfigCache::default(),
    };
    if opts.diff || opts.fix {
        let (files_changed, fixes) = fix_files(&files, opts.kind, &configs, opts.diff);
        if opts.diff {
            if !opts.quiet {
                let _ = writeln!(
                    std::io::stderr(),
                    "{} would change {}",
                    plural(fixes, "fix"),
                    plural(files_changed, "file")
                );
            }
            return i32::from(files_changed > 0);
        }
        if !opts.quiet && files_changed > 0 {
            let _ = writeln!(
                std::io::stderr(),
                "fixed {} in {}",
                plural(fixes, "problem"),
                plural(files_changed, "file")
            );
        }
    }
    let (results, entries): (Vec<Outcome>, Vec<Option<FileEntry>>) =
        check_files(&files, opts.kind, &configs).into_iter().unzip();
    // Cross-file rules (duplicate names, unknown skills and agents, links) over the files given,
    // from the summaries made while checking. Few files have such findings: only those are read
    // again, to place them.
    let mut index = Index::new(true);
    for entry in entries.into_iter().flatten() {
        index.upsert(entry);
    }
    let results: Vec<Outcome> = results
        .into_iter()
        .zip(&files)
        .map(|(outcome, path)| match outcome {
            Outcome::Checked(mut findings, format) => {
                let cross = workspace::cross_file::check(&index, path);
                if !cross.is_empty()
                    && let Ok(text) = workspace::read_text(path)
                {
                    let doc = Document::without_outline(&text, Some(path.to_path_buf()));
                    let config = configs.for_path(path);
                    let judge = config.judge(&doc, format.id);
                    let diags: Vec<Diagnostic> = cross
                        .into_iter()
                        .filter_map(|c| {
                            let mut d = c.diagnostic;
                            d.severity = judge.verdict(&d)?;
                            Some(d)
                        })
                        .collect();
                    findings.extend(to_findings(path, &doc, diags));
                    findings.sort_by_key(|f| (f.line, f.column, f.end_line, f.end_column));
                }
                Outcome::Checked(findings, format)
            }
            other => other,
        })
        .collect();
    let (mut errors, mut warnings, mut checked) = (0, 0, 0);
    let mut stderr = std::io::stderr();
    let mut findings = Vec::new();
    // A bad configuration is a finding (an error); the files were checked with the defaults.
    // Configurations are found from absolute paths: show them relative to the working
    // directory, as the files are, so that a CI annotation lands on the file.
    let cwd = std::env::current_dir().unwrap_or_default();
    for (file, problems) in configs.errors() {
        let shown = file.strip_prefix(&cwd).unwrap_or(&file).display().to_string();
        let text = workspace::read_text(&file).unwrap_or_default();
        for p in problems {
            let ((line, column), (end_line, end_column)) = p
                .range
                .as_ref()
                .map_or(((1, 1), (1, 1)), |r| (line_col(&text, r.start), line_col(&text, r.end)));
            errors += 1;
            findings.push(Finding {
                path: shown.clone(),
                line,
                column,
                end_line,
                end_column,
                severity: Severity::Error,
                effect: crate::formats::Effect::Unchecked,
                code: CONFIG_INVALID.into(),
                message: format!("{} (using the defaults)", p.message),
                tool: None,
            });
        }
    }
    for (path, outcome) in files.iter().zip(results) {
        let shown = path.display().to_string();
        match outcome {
            Outcome::Skipped(why) => {
                if opts.verbose {
                    let _ = writeln!(stderr, "{shown}: skipped ({why})");
                }
            }
            Outcome::Unreadable(finding) => {
                match finding.severity {
                    Severity::Error => errors += 1,
                    Severity::Warning => warnings += 1,
                    _ => {}
                }
                findings.push(finding);
            }
            Outcome::Checked(file_findings, _) => {
                checked += 1;
                for f in &file_findings {
                    match f.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                        _ => {}
                    }
                }
                findings.extend(file_findings);
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(output::render(opts.format, &findings).as_bytes());
    let _ = stdout.flush();
    if !opts.quiet {
        let _ = writeln!(
            stderr,
            "checked {}: {}, {}",
            plural(checked, "file"),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    // Severities order from error (most severe) to hint: `--fail-on warning` fails on a
    // warning or an error.
    let fails = opts
        .fail_on
        .is_some_and(|least| findings.iter().any(|f| f.severity <= least));
    i32::from(fails)
}

/// Checks files on all cores; results come back in the order of `files`.
fn check_files(files: &[PathBuf], kind: Option<&'static formats::Format>, configs: &ConfigCache) -> Vec<Checked> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Checked>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(files.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let outcome = check_file(path, kind, configs);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
                }
            });
        }
    });
    slots
        .into_iter()
        .zip(files)
        .map(|(m, path)| {
            m.into_inner().unwrap_or_else(|e| e.into_inner()).unwrap_or_else(|| {
                let message = "not checked: agentls stopped on this file".to_string();
                (
                    Outcome::Unreadable(unreadable_finding(path, message, Severity::Error, (1, 1), 0)),
                    None,
                )
            })
        })
        .collect()
}

/// What checking one file gives: the outcome, and the file's summary for the workspace index
/// when it could be read.
type Checked = (Outcome, Option<FileEntry>);

/// Checks one file; also returns its summary for the workspace index when it could be read.
fn check_file(path: &Path, kind: Option<&'static formats::Format>, configs: &ConfigCache) -> Checked {
    let config = configs.for_path(path);
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if config.is_ignored(&abs) {
        return (Outcome::Skipped("ignored by the configuration"), None);
    }
    let kind = kind.or_else(|| config.format_for(&abs));
    // At `(line, column)`, covering `width` characters (0: the whole file).
    let unreadable = |message: String, (line, column): (usize, usize), width: usize| match config
        .severity(UNREADABLE, Severity::Error)
    {
        Some(severity) => Outcome::Unreadable(unreadable_finding(path, message, severity, (line, column), width)),
        None => Outcome::Skipped("unreadable, and `file/unreadable` is off"),
    };
    let text = match workspace::read_text(path) {
        Ok(t) => t,
        Err(workspace::ReadError::Io(e)) => return (unreadable(format!("cannot read: {e}"), (1, 1), 0), None),
        Err(workspace::ReadError::TooLarge(n)) => {
            let limit = workspace::MAX_FILE_BYTES >> 20;
            let message = format!("{n} bytes is over the {limit} MB limit; not checked");
            return (unreadable(message, (1, 1), 0), None);
        }
        Err(workspace::ReadError::NotUtf8(at)) => {
            // Binary or mis-encoded: only worth reporting when it claims to be an agent file.
            if kind
                .or_else(|| formats::detect(Some(path), &[]).filter(|d| d.by_path).map(|d| d.format))
                .is_none()
            {
                return (Outcome::Skipped("not UTF-8 text"), None);
            }
            // Claude Code reads such a file with each bad byte as U+FFFD and loads it (truth
            // case `mutation/claude-agent/front-matter/invalid-utf8`): check it that way too.
            let bytes = std::fs::read(path).unwrap_or_default();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            // Windows editors often save UTF-16; its byte-order mark says so.
            let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                ", and starts with a UTF-16 byte-order mark"
            } else {
                ""
            };
            let valid = std::str::from_utf8(&bytes[..at.min(bytes.len())]).unwrap_or_default();
            let doc = Document::without_outline(&lossy, Some(path.to_path_buf()));
            let format = kind.or_else(|| diagnostics::detect(&doc).map(|d| d.format));
            let Some(format) = format else {
                return (Outcome::Skipped("not UTF-8 text"), None);
            };
            let mut findings = to_findings(
                path,
                &doc,
                config::apply(
                    &config,
                    &doc,
                    format.id,
                    diagnostics::diagnostics_for(&doc, format, config.targets()),
                ),
            );
            if let Some(severity) = config.severity(NOT_UTF8, Severity::Warning) {
                let (line, column) = line_col(valid, valid.len());
                findings.insert(
                    0,
                    Finding {
                        path: path.display().to_string(),
                        line,
                        column,
                        end_line: line,
                        end_column: column + 1,
                        severity,
                        effect: crate::formats::Effect::ReadDifferently,
                        code: NOT_UTF8.into(),
                        message: format!(
                            "not valid UTF-8 (first bad byte at offset {at}{utf16}): {} reads each bad byte as U+FFFD (�); save the file as UTF-8",
                            format.product.name
                        ),
                        tool: None,
                    },
                );
            }
            findings.sort_by_key(|f| (f.line, f.column));
            return (Outcome::Checked(findings, format), None);
        }
    };
    let doc = Document::without_outline(&text, Some(path.to_path_buf()));
    // The cross-file rules need each file's names and links, not its text.
    let entry =
        workspace::is_candidate(path).then(|| FileEntry::from_document(&doc, path.to_path_buf()).without_text());
    let Some(format) = kind.or_else(|| diagnostics::detect(&doc).map(|d| d.format)) else {
        return (Outcome::Skipped("not an agent spec file"), entry);
    };
    let diags = config::apply(
        &config,
        &doc,
        format.id,
        diagnostics::diagnostics_for(&doc, format, config.targets()),
    );
    (Outcome::Checked(to_findings(path, &doc, diags), format), entry)
}

/// Applies (or, with `diff_only`, prints as a diff) the safe fixes of every file; returns how
/// many files change and how many fixes that takes. A file without a fix is never written.
fn fix_files(
    files: &[PathBuf],
    kind: Option<&'static formats::Format>,
    configs: &ConfigCache,
    diff_only: bool,
) -> (usize, usize) {
    let (mut changed, mut fixes) = (0, 0);
    let mut stdout = std::io::stdout().lock();
    for path in files {
        let config = configs.for_path(path);
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if config.is_ignored(&abs) {
            continue;
        }
        let Ok(text) = workspace::read_text(path) else { continue };
        let format = kind.or_else(|| config.format_for(&abs)).or_else(|| {
            diagnostics::detect(&Document::without_outline(&text, Some(path.to_path_buf()))).map(|d| d.format)
        });
        let Some(format) = format else { continue };
        let Some((fixed, n)) = fix::fixed_text(&text, path, format, &config) else {
            continue;
        };
        changed += 1;
        fixes += n;
        if diff_only {
            let _ = stdout.write_all(fix::unified_diff(&path.display().to_string(), &text, &fixed).as_bytes());
        } else if let Err(e) = fix::write_atomically(path, &fixed) {
            let _ = writeln!(
                std::io::stderr(),
                "{}: error: cannot write the fixes: {e}",
                path.display()
            );
        }
    }
    (changed, fixes)
}

/// `1 file`, `2 files`; `1 fix`, `2 fixes`.
fn plural(n: usize, word: &str) -> String {
    match (n, word.ends_with('x')) {
        (1, _) => format!("{n} {word}"),
        (_, true) => format!("{n} {word}es"),
        _ => format!("{n} {word}s"),
    }
}

/// Positions a document's diagnostics for people (1-based lines, character columns).
fn to_findings(path: &Path, doc: &Document, diags: Vec<Diagnostic>) -> Vec<Finding> {
    let shown = path.display().to_string();
    diags
        .into_iter()
        .map(|d| {
            let (line, col) = crate::document::line_col_chars(doc.rope(), d.range.start);
            let (end_line, end_col) = crate::document::line_col_chars(doc.rope(), d.range.end);
            Finding {
                path: shown.clone(),
                line: line + 1,
                column: col + 1,
                end_line: end_line + 1,
                end_column: end_col + 1,
                severity: d.severity,
                effect: d.effect,
                code: d.code,
                message: d.message,
                tool: d.tool,
            }
        })
        .collect()
}
