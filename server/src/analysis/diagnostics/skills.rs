//! Per-tool findings on a `SKILL.md`: which of the targeted tools does not load it (or reports
//! it as an error), and why, one finding per tool and cause, at the severity of the effect.
//! The tools and their rules are data (`formats::skills_by_tool`); this file names none.
//!
//! Targets are the tools `agentls.toml`'s `targets` names, else the tools that scan the file's
//! folder. A targeted tool that does not scan the folder gets one finding saying so, and no
//! other: what it would do with the file elsewhere is moot here.

use super::{Effect, Sink};
use crate::formats::skills_by_tool::{SkillCause, SkillReading, Want, targeted};
use crate::syntax::yaml::{Node, NodeKind, ScalarType};

pub(crate) fn check(sink: &mut Sink, targets: Option<&[String]>) {
    let path = sink.doc.path().map(std::path::Path::to_path_buf);
    let readings = targeted(path.as_deref(), targets);
    if readings.is_empty() {
        return;
    }
    let facts = Facts::of(sink);
    for reading in readings {
        match path.as_deref().map(|p| (p, reading.reads(p))) {
            Some((p, Some(false))) => not_scanned(sink, reading, p),
            Some((_, None)) => {}
            _ => {
                for d in reading.drops {
                    if let Some((range, why)) = facts.cause(sink, d.cause) {
                        push(sink, reading, d.effect, range, &why);
                    }
                }
            }
        }
    }
}

fn push(sink: &mut Sink, reading: &SkillReading, effect: Effect, range: crate::document::TextRange, why: &str) {
    let what = match effect {
        Effect::Rejected => format!("{} reports this skill as an error", reading.name),
        Effect::Style => format!("{} does not offer this skill", reading.name),
        _ => format!("{} does not load this skill", reading.name),
    };
    sink.push_as("/rejected-by-tool", effect, range, format!("{what}: {why}"))
        .tool = Some(reading.tool);
}

fn not_scanned(sink: &mut Sink, reading: &'static SkillReading, path: &std::path::Path) {
    let list = |roots: &[&str]| roots.iter().map(|r| format!("`{r}/`")).collect::<Vec<_>>().join(", ");
    let here = path
        .parent()
        .and_then(|p| p.parent())
        .and_then(|p| {
            let comps: Vec<&str> = p.components().filter_map(|c| c.as_os_str().to_str()).collect();
            let n = comps.len();
            (n >= 1).then(|| comps[n.saturating_sub(2)..].join("/"))
        })
        .unwrap_or_default();
    let first = super::front_matter::line_range(sink, 0);
    let why = format!(
        "it reads skills from {} (and {}), not from `{here}/`",
        list(reading.project_roots),
        list(reading.user_roots)
    );
    push(sink, reading, Effect::NotLoaded, first, &why);
}

/// What the file holds that a tool's rules test (a skill's readers, and a second reader of
/// another format: `file_checks`).
pub(super) struct Facts {
    /// A closed front matter block.
    front_matter: bool,
    /// It is not strict YAML.
    yaml_error: bool,
    /// It is not YAML to libyaml: [`Facts::yaml_error`], unless the only complaint of the
    /// strict parser is a flow collection's closing bracket at the key's indentation, which
    /// libyaml takes.
    libyaml_error: bool,
    /// The second line of a top-level key that was already there, found in the text: a
    /// reader that keeps one of the two (VS Code's) has no trace of it in its tree.
    duplicate: Option<(crate::document::TextRange, String)>,
    /// The top-level mapping, when the front matter is YAML that reads.
    root: Option<Node>,
    body_empty: bool,
}

impl Facts {
    pub(super) fn of(sink: &Sink) -> Facts {
        let r = &sink.reading;
        let front_matter = r.front_matter.as_ref().is_some_and(|f| f.close.is_some());
        let rope = sink.doc.rope();
        let start = r.body_start().min(rope.len_bytes());
        let body_empty = rope.byte_slice(start..).chars().all(char::is_whitespace);
        let closing_bracket = |at: usize| {
            let line = rope.byte_to_line(at.min(rope.len_bytes()));
            rope.line(line)
                .chars()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c == ']' || c == '}')
        };
        let strict_only =
            r.yaml.error.is_none() && r.strict_error.as_ref().is_some_and(|e| closing_bracket(e.at.start));
        let duplicate = r
            .front_matter
            .as_ref()
            .filter(|f| f.close.is_some())
            .and_then(|f| duplicate_key(&rope.byte_slice(f.yaml.clone()).to_string(), f.yaml.start));
        Facts {
            duplicate,
            front_matter,
            yaml_error: front_matter && (r.yaml.error.is_some() || r.strict_error.is_some()),
            libyaml_error: front_matter && (r.yaml.error.is_some() || r.strict_error.is_some()) && !strict_only,
            root: r.yaml.root.clone().filter(|n| matches!(n.kind, NodeKind::Map { .. })),
            body_empty: front_matter && body_empty,
        }
    }

    /// Where the cause shows in the file and what it is, or `None` when the file is free of it.
    pub(super) fn cause(&self, sink: &Sink, cause: SkillCause) -> Option<(crate::document::TextRange, String)> {
        let first = || super::front_matter::line_range(sink, 0);
        // The keys count only in a front matter that reads.
        // `a.b`: the key `b` of the mapping `a`.
        let key = |k: &str| -> Option<Option<&Node>> {
            if !self.front_matter || self.yaml_error {
                return None;
            }
            Some(
                self.root
                    .as_ref()
                    .and_then(|r| k.split('.').try_fold(r, |n, part| n.get(part))),
            )
        };
        let at = |n: &Node| n.span.clone();
        match cause {
            SkillCause::NoFrontMatter => (!self.front_matter).then(|| {
                (
                    first(),
                    "it has no closed front matter (a `---` block at the top of the file)".to_string(),
                )
            }),
            SkillCause::YamlError => self
                .yaml_error
                .then(|| (first(), "its front matter is not valid YAML".to_string())),
            SkillCause::EmptyBody => self
                .body_empty
                .then(|| (first(), "it has no instructions after the front matter".to_string())),
            SkillCause::FrontMatterNotAtStart => {
                let rope = sink.doc.rope();
                let head: String = rope.chars().take(4096).collect();
                let rest = head.trim_start_matches('\u{feff}');
                let bom = rest.len() != head.len();
                let blank = rest.starts_with(['\n', '\r'])
                    || rest
                        .lines()
                        .next()
                        .is_some_and(|l| l.trim().is_empty() && !l.is_empty());
                let fence_later = rest.trim_start().starts_with("---");
                ((bom || blank) && fence_later).then(|| {
                    let what = if bom { "a byte order mark" } else { "a blank line" };
                    (
                        first(),
                        format!("{what} comes before its opening `---`, so its front matter is not found"),
                    )
                })
            }
            SkillCause::Disabled => {
                let off = |k: &str, v: &str| key(k).flatten().and_then(|n| n.as_str()).is_some_and(|s| s.trim() == v);
                (off("disabled", "true") || off("enabled", "false")).then(|| {
                    (
                        first(),
                        "it is turned off (`disabled: true` or `enabled: false`)".to_string(),
                    )
                })
            }
            SkillCause::SwitchNotBool => ["disabled", "enabled"].into_iter().find_map(|k| {
                let v = key(k)??;
                let bool_ = matches!(v.scalar_type(), Some(ScalarType::Bool(_)));
                (!bool_).then(|| (at(v), format!("its `{k}` is not `true` or `false`")))
            }),
            SkillCause::NameMissing => {
                matches!(key("name"), Some(None)).then(|| (first(), "it has no `name`".to_string()))
            }
            SkillCause::DescriptionMissing => {
                matches!(key("description"), Some(None)).then(|| (first(), "it has no `description`".to_string()))
            }
            SkillCause::NameNotText => {
                let v = key("name")??;
                not_text(v).then(|| (at(v), format!("its `name` is {}, not text", kind_of(v))))
            }
            SkillCause::DescriptionNotText => {
                let v = key("description")??;
                not_text(v).then(|| (at(v), format!("its `description` is {}, not text", kind_of(v))))
            }
            SkillCause::NameCharset => {
                let v = key("name")??;
                let name = v.as_str()?.trim();
                let ok = name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                (!ok && !name.is_empty()).then(|| {
                    (
                        at(v),
                        format!("its `name` `{name}` may hold only lowercase letters, digits and hyphens"),
                    )
                })
            }
            SkillCause::WrongType(k, want) => {
                let v = key(k)??;
                (!fits(v, want)).then(|| (at(v), format!("its `{k}` is {}, not {}", described(v), want.describe())))
            }
            SkillCause::LibyamlError => self
                .libyaml_error
                .then(|| (first(), "its front matter is not valid YAML".to_string())),
            SkillCause::DuplicateKey => self.duplicate.clone(),
            SkillCause::EntryNeeds { key: k, with, needs } => {
                let NodeKind::Map { entries, .. } = &key(k)??.kind else {
                    return None;
                };
                entries.iter().find_map(|e| {
                    let has = |x: &str| e.value.get(x).is_some();
                    let name = e.key.as_str().unwrap_or_default();
                    (matches!(e.value.kind, NodeKind::Map { .. }) && has(with) && !has(needs)).then(|| {
                        (
                            e.key.span.clone(),
                            format!("its `{k}` entry `{name}` has `{with}` but no `{needs}`"),
                        )
                    })
                })
            }
            SkillCause::NameTooLong(max) => too_long(key("name")??, "name", max),
            SkillCause::DescriptionTooLong(max) => too_long(key("description")??, "description", max),
        }
    }
}

fn too_long(v: &Node, key: &str, max: usize) -> Option<(crate::document::TextRange, String)> {
    let n = v.as_str()?.chars().count();
    (n > max).then(|| {
        (
            v.span.clone(),
            format!("its `{key}` is {n} characters long, over its limit of {max}"),
        )
    })
}

/// The first top-level key written a second time (`key:` at the start of a line), in a
/// front matter's text starting at byte `base`.
fn duplicate_key(yaml: &str, base: usize) -> Option<(crate::document::TextRange, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut at = base;
    for line in yaml.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let key = line
            .split_once(':')
            .map(|(k, _)| k)
            .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        if let Some(k) = key
            && !seen.insert(k.to_string())
        {
            return Some((start..start + k.len(), format!("its key `{k}` appears twice")));
        }
    }
    None
}

/// Whether a value has the type a tool wants. A null (a blank value) has none of them.
fn fits(v: &Node, want: Want) -> bool {
    let text =
        |n: &Node| matches!(n.kind, NodeKind::Scalar { .. }) && matches!(n.scalar_type(), Some(ScalarType::Str) | None);
    let texts = |n: &Node| match &n.kind {
        NodeKind::Seq { items, .. } => Some(items.iter().all(text).then_some(items.len())),
        _ => None,
    };
    let blank = matches!(v.scalar_type(), Some(ScalarType::Null));
    match want {
        Want::Text => text(v),
        Want::NonEmptyText => text(v) && v.as_str().is_some_and(|s| !s.trim().is_empty()),
        Want::Bool => matches!(v.scalar_type(), Some(ScalarType::Bool(_))),
        Want::Map => matches!(v.kind, NodeKind::Map { .. }),
        Want::MapOrBlank => blank || matches!(v.kind, NodeKind::Map { .. }),
        Want::TextOrBlank => blank || text(v),
        Want::TextOrTexts => text(v) || texts(v).flatten().is_some(),
        Want::TextOrSomeTexts => {
            let filled = |n: &Node| n.as_str().is_some_and(|s| !s.is_empty());
            text(v)
                || (texts(v).flatten().is_some_and(|n| n > 0)
                    && matches!(&v.kind, NodeKind::Seq { items, .. } if items.iter().all(filled)))
        }
    }
}

/// What a value is, for messages.
fn described(v: &Node) -> &'static str {
    match (&v.kind, v.scalar_type()) {
        (NodeKind::Seq { items, .. }, _) if items.is_empty() => "an empty list",
        (NodeKind::Seq { .. }, _) => "a list holding something else than text",
        (NodeKind::Map { .. }, _) => "a mapping",
        (_, Some(ScalarType::Bool(_))) => "a boolean",
        (_, Some(ScalarType::Null)) => "blank",
        (_, Some(ScalarType::Str) | None) => "text",
        _ => "a number",
    }
}

/// A value a tool wanting text does not take: a list, a mapping, a number, a boolean. A null
/// (`name:`) is a key left blank, which tools read as absent.
fn not_text(v: &Node) -> bool {
    match &v.kind {
        NodeKind::Scalar { .. } => matches!(
            v.scalar_type(),
            Some(ScalarType::Int | ScalarType::Float | ScalarType::Bool(_))
        ),
        NodeKind::Seq { .. } | NodeKind::Map { .. } => true,
        NodeKind::Alias => false,
    }
}

fn kind_of(v: &Node) -> &'static str {
    match (&v.kind, v.scalar_type()) {
        (NodeKind::Seq { .. }, _) => "a list",
        (NodeKind::Map { .. }, _) => "a mapping",
        (_, Some(ScalarType::Bool(_))) => "a boolean",
        _ => "a number",
    }
}
