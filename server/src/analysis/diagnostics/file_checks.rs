//! The whole-file checks a format asks for as data ([`crate::formats::Check`]): a length past
//! which the tool cuts the file off, a value that does nothing in a user-level file, a value
//! the tool is reported not to honour, and a legacy file with its move to the current place.

use super::{Fix, Sink};
use crate::document::TextEdit;
use crate::formats::{Check, Effect};
use std::path::{Path, PathBuf};

pub(super) fn check(sink: &mut Sink, targets: Option<&[String]>) {
    for c in sink.format.checks {
        match c {
            Check::CharLimit { max, older, source } => char_limit(sink, *max, *older, source),
            Check::NotInUserLevel {
                marker,
                key,
                value,
                then,
            } => {
                let user_level = sink
                    .doc
                    .path()
                    .is_some_and(|p| crate::formats::detect::user_level(p, marker));
                if user_level && let Some(range) = value_range(sink, key, value) {
                    let dir = format!("~/{marker}/");
                    sink.push(
                        "/not-in-user-level",
                        range,
                        format!("`{key}: {value}` in a user-level file (`{dir}`): {then}"),
                    );
                }
            }
            Check::Unreliable { key, value, evidence } => {
                if let Some(range) = value_range(sink, key, value) {
                    sink.push("/unreliable-value", range, *evidence);
                }
            }
            // Read with the keys (`fields::check`).
            Check::ForeignKey { .. } => {}
            Check::MoveTo {
                dir,
                name,
                front_matter,
                why,
            } => move_to(sink, dir, name, front_matter, why),
            Check::ReadBy(reader) => read_by(sink, reader, targets),
        }
    }
}

/// What a second reader of the file skips it for, in its name. Only where it reads the file,
/// and only when `targets` (if given) names it.
fn read_by(sink: &mut Sink, reader: &crate::formats::OtherReader, targets: Option<&[String]>) {
    if targets.is_some_and(|t| !t.iter().any(|id| id == reader.tool)) {
        return;
    }
    if !sink.doc.path().is_some_and(|p| reader.reads(p)) {
        return;
    }
    let facts = super::skills::Facts::of(sink);
    let noun = sink.format.noun;
    // The format's own product loads the file (its claims are the other findings): the message
    // says which tool does what.
    let product = sink.format.product.name;
    for d in reader.drops {
        if let Some((range, why)) = facts.cause(sink, d.cause) {
            sink.push_as(
                "/skipped-by-tool",
                d.effect,
                range,
                format!("{} does not load this {noun} ({product} does): {why}", reader.name),
            )
            .tool = Some(reader.tool);
        }
    }
}

/// Where `key: value` is written, if the front matter says so.
fn value_range(sink: &Sink, key: &str, value: &str) -> Option<crate::document::TextRange> {
    let root = sink.reading.yaml.root.as_ref()?;
    let v = root.get(key)?;
    (v.as_str().map(str::trim) == Some(value)).then(|| v.span.clone())
}

/// A file longer than the tool reads: from the first character past the limit to the end of
/// its line. With an `older` smaller limit, a file between the two is information.
fn char_limit(sink: &mut Sink, max: usize, older: Option<usize>, source: &str) {
    let rope = sink.doc.rope();
    let len = rope.len_chars();
    let product = sink.format.product;
    let noun = sink.format.noun;
    let at = |limit: usize| {
        let start = rope.char_to_byte(limit);
        let line = rope.byte_to_line(start);
        let end = if line + 1 < rope.len_lines() {
            rope.line_to_byte(line + 1)
        } else {
            rope.len_bytes()
        };
        // Without the line end, and never empty.
        let text = rope.byte_slice(start..end).to_string();
        let trimmed = text.trim_end_matches(['\n', '\r']).len().max(1).min(end - start);
        start..start + trimmed
    };
    if len > max {
        let older_note = older.map_or_else(String::new, |o| format!(" (older ones: {})", thousands(o)));
        sink.push(
            "/truncated",
            at(max),
            format!(
                "this {noun} is {} characters long, over the {} that {source} allow{older_note}: {product} cuts it off here, and the model never sees the last {}; split it into several files",
                thousands(len),
                thousands(max),
                thousands(len - max)
            ),
        );
    } else if let Some(older) = older.filter(|o| len > *o) {
        sink.push_as(
            "/truncated",
            Effect::Portability,
            at(older),
            format!(
                "this {noun} is {} characters long: within the {} of the current docs, but older {product} versions ({} in the older docs) cut it off here",
                thousands(len),
                thousands(max),
                thousands(older)
            ),
        );
    }
}

/// `12000` → `12,000`, as the docs write it.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A legacy file: an information finding, and a fix that moves it to `dir/name` with the front
/// matter the current form needs (a client renames the file, or creates the new one and
/// deletes this one).
fn move_to(sink: &mut Sink, dir: &[&str], name: &str, front_matter: &str, why: &str) {
    let rope = sink.doc.rope();
    let first_line = rope.line(0).to_string();
    let at = 0..first_line.trim_end_matches(['\n', '\r']).len();
    let target: PathBuf = dir.iter().collect::<PathBuf>().join(name);
    let shown = target.to_string_lossy().replace('\\', "/");
    let fix = sink.doc.path().map(|p| {
        let to = p.parent().unwrap_or(Path::new("")).join(&target);
        // A file that has a front matter already keeps it as it is.
        let edits = match sink.reading.front_matter {
            Some(_) => Vec::new(),
            None => {
                let nl = sink.line_end();
                vec![TextEdit {
                    range: 0..0,
                    new_text: format!("---{nl}{front_matter}{nl}---{nl}"),
                }]
            }
        };
        Fix {
            title: format!("Move to `{shown}` with `{front_matter}`"),
            edits,
            in_fix_all: false,
            rename_to: Some(to),
        }
    });
    sink.push(
        "/legacy-file",
        at,
        format!("{why}: move it to `{shown}` with `{front_matter}` in its front matter"),
    )
    .with_fix(fix);
}
