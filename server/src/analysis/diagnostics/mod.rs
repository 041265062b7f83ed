//! Diagnostics: one file per rule family. Each rule has a stable code and a default severity
//! in [`rules::RULES`]; a finding names the key or value at fault and says what to do.

pub(crate) mod body;
pub(crate) mod fields;
mod file_checks;
pub(crate) mod front_matter;
mod location;
pub mod rules;
pub(crate) mod skills;
mod structured;
pub(crate) mod tools;
mod values;

pub use crate::formats::Effect;

impl Effect {
    /// Severity follows the effect: the tool does not load the file, refuses to run it or
    /// reports it as an error, every run fails, or the tool fails as a whole → error; something
    /// written has no effect or a different one → warning; style and portability → information.
    pub fn severity(self) -> Severity {
        match self {
            Effect::NotLoaded
            | Effect::Refused
            | Effect::RunsFail
            | Effect::Rejected
            | Effect::BreaksTool
            | Effect::Unchecked => Severity::Error,
            Effect::Ignored | Effect::ReadDifferently => Severity::Warning,
            Effect::Portability | Effect::Style => Severity::Information,
        }
    }
}

use crate::document::{Document, TextRange};
use crate::formats::{self, Detection, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the document.
    pub range: TextRange,
    pub severity: Severity,
    /// What this finding claims the tool does; `severity` follows from it unless the user's
    /// configuration re-levels the code.
    pub effect: Effect,
    /// Stable code, e.g. `claude-agent/unknown-tool`.
    pub code: String,
    pub message: String,
    /// Other places in the same document that explain this one (the first of two duplicate keys).
    pub related: Vec<(TextRange, String)>,
    /// Repairs a user can apply with one keystroke (quick fixes), best first.
    pub fixes: Vec<Fix>,
    /// The tool whose behaviour the claim is about, by its `targets` id, when it is not the
    /// format's own product (one `SKILL.md`, read by several tools). The ground-truth judges
    /// of one tool judge only the findings about it.
    pub tool: Option<&'static str>,
}

/// A quick fix: edits to this document, in byte offsets of its current text, and optionally a
/// rename of the file itself (applied after the edits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<crate::document::TextEdit>,
    /// Safe to apply without looking, so "fix all" applies it. Fixes that pick one of several
    /// reasonable outcomes (renaming an agent) are offered one by one only.
    pub in_fix_all: bool,
    /// Move the document to this path (a `.chatmode.md` file becoming `.agent.md`). Only
    /// clients that can rename files get such a fix; it is never part of "fix all".
    pub rename_to: Option<std::path::PathBuf>,
}

impl Fix {
    /// One replacement, applied by "fix all".
    pub fn replace(title: impl Into<String>, range: TextRange, new_text: impl Into<String>) -> Self {
        Fix {
            title: title.into(),
            edits: vec![crate::document::TextEdit {
                range,
                new_text: new_text.into(),
            }],
            in_fix_all: true,
            rename_to: None,
        }
    }

    /// Renames the document's file to `to`, with no text edit; offered one by one only.
    pub fn rename_file(title: impl Into<String>, to: std::path::PathBuf) -> Self {
        Fix {
            title: title.into(),
            edits: Vec::new(),
            in_fix_all: false,
            rename_to: Some(to),
        }
    }

    /// The same fix, offered one by one only.
    pub fn not_in_fix_all(self) -> Self {
        Fix {
            in_fix_all: false,
            ..self
        }
    }
}

impl Diagnostic {
    pub fn with_fix(&mut self, fix: Option<Fix>) -> &mut Self {
        self.fixes.extend(fix);
        self
    }
}

/// Collects findings for one document, filling in each rule's code and severity.
pub(crate) struct Sink<'a> {
    pub doc: &'a Document,
    pub format: &'a Format,
    /// The front matter as the format's tool reads it.
    pub reading: std::sync::Arc<crate::syntax::reader::Reading>,
    /// The file runs on the format's remote target (a Copilot agent with `target:
    /// github-copilot`), where other keys count ([`crate::formats::Scope`]).
    pub remote_target: bool,
    pub out: Vec<Diagnostic>,
}

impl Sink<'_> {
    /// `rule` is a code from [`rules::RULES`]; a leading `/` means "prefix with the format id".
    /// The finding claims the rule's effect.
    pub fn push(&mut self, rule: &str, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        let code = self.code(rule);
        let effect = rules::effect(&code);
        self.push_as(rule, effect, range, message)
    }

    /// [`Sink::push`] for a finding whose effect is not the rule's usual one (a shared rule
    /// such as `yaml/syntax` loses the whole file in one format and only the front matter in
    /// another).
    pub fn push_as(
        &mut self,
        rule: &str,
        effect: Effect,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let code = self.code(rule);
        self.out.push(Diagnostic {
            range,
            severity: effect.severity(),
            effect,
            code,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
            tool: None,
        });
        self.out.last_mut().expect("just pushed")
    }
}

impl Sink<'_> {
    fn code(&self, rule: &str) -> String {
        match rule.strip_prefix('/') {
            Some(short) => format!("{}/{}", self.format.id, short),
            None => rule.to_string(),
        }
    }

    /// The document's line end, for inserted lines (`\n` unless its first line ends otherwise).
    pub fn line_end(&self) -> &'static str {
        line_end(self.doc)
    }
}

/// The line end a document uses, judged from its first line.
pub fn line_end(doc: &Document) -> &'static str {
    let rope = doc.rope();
    let first = rope.line(0);
    let n = first.len_bytes();
    match (n >= 2).then(|| (first.byte(n - 2), first.byte(n - 1))) {
        Some((b'\r', b'\n')) => "\r\n",
        _ if n >= 1 && first.byte(n - 1) == b'\r' => "\r",
        _ => "\n",
    }
}

/// Which format the document is, if any (`None` for ordinary Markdown).
pub fn detect(doc: &Document) -> Option<Detection> {
    let keys = doc.syntax().top_level_keys(doc.rope());
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    formats::detect(doc.path(), &keys).or_else(|| {
        // Read the body only when the keys could be a command's.
        if !formats::detect::command_keys_only(&keys) {
            return None;
        }
        let rope = doc.rope();
        let body = rope
            .byte_slice(doc.syntax().body_start().min(rope.len_bytes())..)
            .to_string();
        formats::detect::detect_with_body(doc.path(), &keys, &body)
    })
}

/// All diagnostics of a document, sorted by position. Ordinary Markdown gets none.
pub fn diagnostics(doc: &Document) -> Vec<Diagnostic> {
    match detect(doc) {
        Some(d) => diagnostics_as(doc, d.format),
        None => Vec::new(),
    }
}

/// Diagnostics of a document read as `format` (`check --kind` forces one), for the tools that
/// read its folder.
pub fn diagnostics_as(doc: &Document, format: &Format) -> Vec<Diagnostic> {
    diagnostics_for(doc, format, None)
}

/// [`diagnostics_as`] for the tools `targets` names (`agentls.toml`'s `targets`); `None`:
/// the tools that scan the file's folder.
pub fn diagnostics_for(doc: &Document, format: &Format, targets: Option<&[String]>) -> Vec<Diagnostic> {
    let reading = std::sync::Arc::new(crate::syntax::reader::read(doc, format.reader));
    let remote_target = remote_target(format, &reading);
    let mut sink = Sink {
        doc,
        format,
        reading,
        remote_target,
        out: Vec::new(),
    };
    location::check(&mut sink);
    if let Some(why) = doc
        .path()
        .and_then(|p| format.strong_paths.iter().find_map(|r| r.skips(p)))
    {
        sink.push(
            "file/not-loaded-here",
            0..0,
            format!("{} does not load this {}: {why}", format.product.name, format.noun),
        );
    }
    if front_matter::check(&mut sink) {
        let reading = sink.reading.clone();
        let yaml = &reading.yaml;
        if let Some(root) = &yaml.root {
            fields::check(&mut sink, root);
        } else if yaml.error.is_none() {
            fields::check_empty(&mut sink);
        }
    }
    fields::undescribed_without_keys(&mut sink);
    body::check(&mut sink);
    file_checks::check(&mut sink, targets);
    if format.kind == formats::Kind::Skill {
        skills::check(&mut sink, targets);
    }
    sink.out.sort_by_key(|d| (d.range.start, d.range.end));
    sink.out
}

/// Whether the file's target field names the format's remote target.
fn remote_target(format: &Format, reading: &crate::syntax::reader::Reading) -> bool {
    let Some(root) = &reading.yaml.root else { return false };
    format.fields.iter().any(|f| match f.value {
        crate::formats::ValueKind::Target { remote, .. } => {
            root.get(f.key).and_then(|v| v.as_str()).map(str::trim) == Some(remote)
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests;
