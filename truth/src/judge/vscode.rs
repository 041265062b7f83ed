//! Judging agentls's findings on Copilot files (agents, chat modes, prompt files,
//! instructions) against what VS Code's own validator said about them: its markers and, for
//! the broken-YAML cases, its hovers (which key its header parser saw on a line).
//!
//! Each finding's effect is checked against VS Code's behaviour at the finding's place:
//! `rejected` ↔ an error marker there; `ignored` ↔ VS Code's marker that it ignores that very
//! thing (an unsupported attribute, an unknown tool or model, an attribute "ignored when
//! running locally"), or, for keys its parser lost, the absence of any sign that it read
//! them; `read-differently` ↔ what its reading shows (the keys of an unclosed header read,
//! no header read at all); `style` and `portability` ↔ VS Code reads it without an error
//! (and says "renamed" where agentls says so). A miss is an error or warning marker of VS Code
//! on a line where agentls says nothing; hints are left out (VS Code's Problems panel hides them
//! too), and so are markers that depend on the user's setup or workspace (which agents and
//! models exist). Skills are judged only where agentls's claim names VS Code (`skill/rejected-by-tool`).

use super::{Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::vscode::{Marker, Observation, copilot_format};
use agentls::analysis::diagnostics::{Diagnostic, Effect, diagnostics};
use agentls::analysis::links::{LinkTargets, Target, link_diagnostics, scan_doc};
use agentls::document::{Document, TextRange};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// VS Code's id in `targets`, which per-tool findings name.
const VSCODE_TOOL: &str = "copilot";

/// The files of the recorded workspace, for link checks as VS Code made them.
pub struct Workspace(pub HashSet<PathBuf>);

impl LinkTargets for Workspace {
    fn target(&self, path: &Path) -> Target {
        if self.0.contains(path) || self.0.iter().any(|p| p.starts_with(path)) {
            Target::Exists
        } else {
            Target::Missing
        }
    }
}

/// A case analysed as VS Code's workspace held it: the diagnostics of one file, and its links
/// against the other files of the recording.
pub struct Analysed {
    pub doc: Document,
    pub findings: Vec<Diagnostic>,
}

impl Analysed {
    pub fn of(case: &Case, ws: &Workspace) -> Analysed {
        let path = PathBuf::from(&case.path);
        let doc = Document::new(&case.text(), Some(path.clone()));
        let mut findings = diagnostics(&doc);
        let format = agentls::analysis::diagnostics::detect(&doc).map(|d| d.format);
        findings.extend(link_diagnostics(Some(&path), &scan_doc(&doc, format), ws));
        Analysed { doc, findings }
    }
}

/// A marker as a byte range of the document (VS Code counts UTF-16 units and leaves out the
/// byte order mark).
fn byte_range(doc: &Document, m: &Marker) -> TextRange {
    let rope = doc.rope();
    let at = |line: u32, ch: u32| -> usize {
        let line = (line as usize).min(rope.len_lines().saturating_sub(1));
        let start = rope.line_to_byte(line);
        let text = rope.line(line).to_string();
        let mut units = 0u32;
        let mut bytes = 0;
        let mut chars = text.chars().peekable();
        if line == 0 && text.starts_with('\u{feff}') {
            chars.next();
            bytes += 3;
        }
        for c in chars {
            if units >= ch || c == '\n' || c == '\r' {
                break;
            }
            units += c.len_utf16() as u32;
            bytes += c.len_utf8();
        }
        start + bytes
    };
    let s = at(m.range[0], m.range[1]);
    let e = at(m.range[2], m.range[3]);
    s..e.max(s)
}

fn lines(doc: &Document, r: &TextRange) -> (usize, usize) {
    let rope = doc.rope();
    let len = rope.len_bytes();
    let a = rope.byte_to_line(r.start.min(len));
    // A range ending at a line start does not take that line.
    let end = if r.end > r.start { r.end - 1 } else { r.end };
    (a, rope.byte_to_line(end.min(len)).max(a))
}

/// Two ranges meet: they overlap, touch, or (for an empty one) one holds the other's point.
fn meet(a: &TextRange, b: &TextRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn same_lines(doc: &Document, a: &TextRange, b: &TextRange) -> bool {
    let (a0, a1) = lines(doc, a);
    let (b0, b1) = lines(doc, b);
    a0 <= b1 && b0 <= a1
}

/// The quoted subject of a VS Code message: `Unknown tool 'x'` → `x`.
fn subject(message: &str) -> Option<&str> {
    let start = message.find('\'')? + 1;
    let end = message[start..].find('\'')? + start;
    Some(&message[start..end])
}

/// The first backtick-quoted subject of an agentls message.
fn our_subject(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = message[start..].find('`')? + start;
    Some(&message[start..end])
}

struct Markers<'a> {
    doc: &'a Document,
    list: Vec<(TextRange, &'a Marker)>,
}

impl<'a> Markers<'a> {
    fn at(&self, r: &TextRange) -> impl Iterator<Item = &'a Marker> + '_ {
        let r = r.clone();
        self.list.iter().filter(move |(m, _)| meet(m, &r)).map(|(_, m)| *m)
    }

    fn on_lines(&self, r: &TextRange) -> impl Iterator<Item = &'a Marker> + '_ {
        let r = r.clone();
        self.list
            .iter()
            .filter(move |(m, _)| same_lines(self.doc, m, &r))
            .map(|(_, m)| *m)
    }

    fn describe(&self, r: &TextRange) -> String {
        let on: Vec<String> = self
            .on_lines(r)
            .map(|m| format!("{}: {}", m.severity, m.message))
            .collect();
        if on.is_empty() {
            "VS Code shows nothing there".into()
        } else {
            format!("VS Code there: {}", on.join("; "))
        }
    }
}

/// Markers whose presence depends on the user's setup or workspace, not on the file: they are
/// no misses (which agents, models and settings exist).
fn setup_dependent(m: &Marker) -> bool {
    let s = m.message.as_str();
    s.starts_with("Unknown agent '")
        || s.starts_with("Model '")
        || s.contains("context: fork")
        || s.starts_with("Unknown model '")
}

/// VS Code reads every `[text](target)` of a body as a file to attach, in-page anchors and
/// absolute paths included, and warns when there is no such file: for `(#section)` the
/// link is an anchor, for `(/spec/)` a path on the user's disk, so the warning says nothing
/// about the file. (A relative target, or a `#file:` reference, is checked as a link.)
fn link_quirk(m: &Marker) -> bool {
    m.message
        .strip_prefix("File '")
        .and_then(|rest| rest.split('\'').next())
        .is_some_and(|target| target.starts_with('#') || target.starts_with('/'))
}

/// Judges one case of the VS Code recording.
pub fn judge(case: &Case, obs: &Observation, ws: &Workspace, report: &mut Report) {
    let skill = case.format == "skill";
    if !copilot_format(&case.format) && !skill {
        return;
    }
    let a = Analysed::of(case, ws);
    let markers = Markers {
        doc: &a.doc,
        list: obs.markers.iter().map(|m| (byte_range(&a.doc, m), m)).collect(),
    };
    for d in &a.findings {
        // In a skill, only the claims about VS Code are VS Code's to judge: the findings that
        // name it (the others are about Claude Code, the format's product, or other tools).
        if skill && d.tool != Some(VSCODE_TOOL) {
            continue;
        }
        // In an agent, a claim about another tool reading the same file (the GitHub Copilot
        // CLI) is that tool's judge's.
        if d.tool.is_some_and(|t| t != VSCODE_TOOL) {
            continue;
        }
        let (outcome, why) = if !obs.validated() {
            (
                Outcome::Unverifiable,
                format!("VS Code did not read it as a prompt file (language `{}`)", obs.language),
            )
        } else {
            claim(&a, d, obs, &markers)
        };
        report.verdicts.push(Verdict {
            case: case.id.clone(),
            code: d.code.clone(),
            effect: d.effect,
            message: d.message.clone(),
            outcome,
            why,
        });
    }
    if skill || !obs.validated() {
        return;
    }
    for (range, m) in &markers.list {
        if !matches!(m.severity.as_str(), "error" | "warning") || setup_dependent(m) || link_quirk(m) {
            continue;
        }
        let covered = a.findings.iter().any(|d| same_lines(&a.doc, &d.range, range));
        if !covered {
            let (l, _) = lines(&a.doc, range);
            report.misses.push(Miss {
                case: case.id.clone(),
                effect: if m.severity == "error" {
                    Effect::Rejected
                } else {
                    Effect::Ignored
                },
                what: format!("VS Code {}s on line {}: {}", m.severity, l + 1, m.message),
            });
        }
    }
}

fn claim(a: &Analysed, d: &Diagnostic, obs: &Observation, markers: &Markers) -> (Outcome, String) {
    let short = d.code.split('/').nth(1).unwrap_or_default();
    let shared = d.code.split('/').next().unwrap_or_default();
    let r = &d.range;
    let errors_at: Vec<&Marker> = markers.at(r).filter(|m| m.severity == "error").collect();
    let errors_on_lines = markers.on_lines(r).any(|m| m.severity == "error");
    let named = |prefixes: &[&str], what: &str| {
        markers
            .on_lines(r)
            .find(|m| prefixes.iter().any(|p| m.message.starts_with(p)) && subject(&m.message) == Some(what))
    };
    match d.effect {
        // A skill's name is one per file; Claude Code reads the last of two copies, VS Code the
        // first, so the error can sit on the other copy.
        Effect::Rejected if d.code == "skill/rejected-by-tool" => match markers
            .list
            .iter()
            .find(|(_, m)| m.severity == "error" && m.message.starts_with("Skill name may only contain"))
        {
            Some((_, m)) => (Outcome::Confirmed, format!("VS Code reports an error: {}", m.message)),
            None => (
                Outcome::Contradicted,
                "VS Code reports no error about the skill's name".into(),
            ),
        },
        Effect::Rejected => match errors_at.first() {
            Some(m) => (Outcome::Confirmed, format!("VS Code reports an error: {}", m.message)),
            None => (Outcome::Contradicted, markers.describe(r)),
        },
        Effect::Ignored => match (shared, short) {
            (_, "unknown-key" | "ignored-key" | "deprecated-key") => {
                let key = a.doc.slice(r);
                let key = key.trim();
                let said = markers.on_lines(r).find(|m| {
                    (m.message.starts_with("Attribute '") && subject(&m.message) == Some(key))
                        || m.message
                            .starts_with("The 'tools' attribute is only supported when using agents")
                        || m.message.starts_with("When 'agents' and 'tools' are specified")
                        || m.message.starts_with(
                            "The 'mode' attribute has been deprecated. The 'agent' attribute is used instead",
                        )
                });
                match said {
                    Some(m) => (Outcome::Confirmed, format!("VS Code: {}", m.message)),
                    None => (Outcome::Contradicted, markers.describe(r)),
                }
            }
            (_, "unknown-tool") => {
                let tool = a.doc.slice(r);
                let tool = tool.trim().trim_matches(['\'', '"']);
                match named(&["Unknown tool '", "Unknown extension tool '"], tool) {
                    Some(m) => (Outcome::Confirmed, format!("VS Code: {}", m.message)),
                    None => (Outcome::Contradicted, markers.describe(r)),
                }
            }
            (_, "unknown-model") => {
                let model = a.doc.slice(r);
                let model = model.trim().trim_matches(['\'', '"']);
                match named(&["Unknown model '"], model) {
                    Some(m) => (
                        Outcome::Confirmed,
                        format!("VS Code (signed out, no models but `Auto`): {}", m.message),
                    ),
                    None => (Outcome::Contradicted, markers.describe(r)),
                }
            }
            ("link", "missing-file") => match markers
                .on_lines(r)
                .find(|m| m.message.starts_with("File '") && m.message.contains("not found"))
            {
                Some(m) => (Outcome::Confirmed, format!("VS Code: {}", m.message)),
                None => (Outcome::Contradicted, markers.describe(r)),
            },
            ("yaml", "lost-keys") => lost_key(a, d, obs, markers),
            // VS Code marks a nested value where agentls marks its key: the same line counts.
            _ => match markers.on_lines(r).find(|m| m.severity != "information") {
                Some(m) => (Outcome::Confirmed, format!("VS Code: {} ({})", m.message, m.severity)),
                None => (
                    Outcome::Unverifiable,
                    "VS Code shows nothing there, and ignoring it shows no effect the recording holds".into(),
                ),
            },
        },
        Effect::ReadDifferently => match (shared, short) {
            ("front-matter", "unclosed") => match keys_read(a, obs, markers) {
                Some(line) => (
                    Outcome::Confirmed,
                    format!("VS Code reads the keys of the unclosed header (line {line})"),
                ),
                None => (
                    Outcome::Unverifiable,
                    "no key of the header shows in the recording".into(),
                ),
            },
            ("front-matter", "missing") => match keys_read(a, obs, markers) {
                Some(line) => (
                    Outcome::Contradicted,
                    format!("VS Code reads a key of the front matter (line {line})"),
                ),
                None if obs.hovers.is_some() => {
                    (Outcome::Confirmed, "VS Code reads no key: no marker, no hover".into())
                }
                None => (
                    Outcome::Confirmed,
                    "VS Code reports nothing about the keys below `---`".into(),
                ),
            },
            _ => (
                Outcome::Unverifiable,
                "how VS Code reads the value shows in no marker or hover".into(),
            ),
        },
        Effect::Portability => match short {
            "conditional-tool" => (
                Outcome::Unverifiable,
                "it depends on the setup, and the recording is one setup".into(),
            ),
            _ if errors_on_lines => (Outcome::Contradicted, markers.describe(r)),
            _ => (Outcome::Confirmed, "VS Code reads it without an error".into()),
        },
        Effect::Style => match short {
            "renamed-tool" => {
                let old = a.doc.slice(r);
                let old = old.trim().trim_matches(['\'', '"']);
                let to = d.message.split('`').nth(3).unwrap_or_default();
                match named(&["Tool or toolset '"], old) {
                    Some(m) if m.message.contains(&format!("'{to}'")) || m.message.contains(&format!(": {to}")) => {
                        (Outcome::Confirmed, format!("VS Code: {}", m.message))
                    }
                    Some(m) => (Outcome::Contradicted, format!("VS Code: {}", m.message)),
                    None => (Outcome::Contradicted, markers.describe(r)),
                }
            }
            "legacy-chatmode" => match markers
                .list
                .iter()
                .find(|(_, m)| m.message.starts_with("Chat modes have been renamed to agents"))
            {
                Some((_, m)) => (Outcome::Confirmed, format!("VS Code: {}", m.message)),
                None => (Outcome::Contradicted, "VS Code does not call it a chat mode".into()),
            },
            "deprecated-key" => match markers
                .on_lines(r)
                .find(|m| m.message.starts_with("The 'mode' attribute has been deprecated"))
            {
                Some(m) => (Outcome::Confirmed, format!("VS Code: {}", m.message)),
                None => (Outcome::Contradicted, markers.describe(r)),
            },
            _ if errors_on_lines => (Outcome::Contradicted, markers.describe(r)),
            _ => (Outcome::Confirmed, "VS Code reads it without an error".into()),
        },
        Effect::NotLoaded | Effect::Refused | Effect::RunsFail | Effect::BreaksTool | Effect::Unchecked => (
            Outcome::Unverifiable,
            format!(
                "no claim of this kind is checked against VS Code ({})",
                our_subject(&d.message).unwrap_or("")
            ),
        ),
    }
}

/// A line after the opening `---` where the recording shows VS Code read a key: a hover, or a
/// marker about an attribute.
fn keys_read(a: &Analysed, obs: &Observation, markers: &Markers) -> Option<usize> {
    if let Some(h) = obs.hovers.as_ref().and_then(|hs| hs.iter().find(|h| h.line > 0)) {
        return Some(h.line as usize + 1);
    }
    markers
        .list
        .iter()
        .filter(|(_, m)| !m.message.starts_with("Chat modes have been renamed"))
        .map(|(r, _)| lines(&a.doc, r).0)
        .find(|&l| l > 0)
        .map(|l| l + 1)
}

/// A key agentls says VS Code's parser lost: VS Code must show no sign of reading it as a key
/// (no `Attribute 'K'` marker, and a hover on its line, if any, that belongs to the key whose
/// value swallowed it).
fn lost_key(a: &Analysed, d: &Diagnostic, obs: &Observation, markers: &Markers) -> (Outcome, String) {
    let key = a.doc.slice(&d.range);
    let key = key.trim();
    if let Some(m) = markers
        .on_lines(&d.range)
        .find(|m| m.message.starts_with("Attribute '") && subject(&m.message) == Some(key))
    {
        return (Outcome::Contradicted, format!("VS Code reads the key: {}", m.message));
    }
    let Some(hovers) = &obs.hovers else {
        return (
            Outcome::Confirmed,
            format!("VS Code shows nothing for `{key}` (no hovers recorded for this case)"),
        );
    };
    let (line, _) = lines(&a.doc, &d.range);
    let here = hovers.iter().find(|h| h.line as usize == line);
    // The line of the key whose value swallowed this one, from agentls's own message.
    let holder = d
        .message
        .split("line ")
        .skip(1)
        .find_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok());
    match (here, holder) {
        (None, _) => (
            Outcome::Confirmed,
            format!("VS Code has no hover on `{key}`: not a key to it"),
        ),
        (Some(h), Some(l)) if hovers.iter().any(|o| o.line as usize + 1 == l && o.text == h.text) => (
            Outcome::Confirmed,
            format!("VS Code's hover on `{key}` is that of the value that swallowed it (line {l})"),
        ),
        (Some(h), _) => (
            Outcome::Contradicted,
            format!("VS Code has a hover of its own on `{key}`: {}", h.text),
        ),
    }
}

/// The recorded workspace's files.
pub fn workspace(cases: &[Case]) -> Workspace {
    let mut files: HashSet<PathBuf> = cases.iter().map(|c| PathBuf::from(&c.path)).collect();
    for c in cases {
        files.extend(c.extra.iter().map(|(p, _)| PathBuf::from(p)));
    }
    Workspace(files)
}
