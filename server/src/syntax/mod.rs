//! Parsing: the front matter split, its YAML tree with spans, and the Markdown body sections.
//! Plain data in, plain data out; no knowledge of formats or of the protocol.

pub mod front_matter;
pub mod markdown;
pub mod reader;
pub mod scan;
pub mod vscode_yaml;
pub mod yaml;

use crate::document::AppliedEdit;
use front_matter::FrontMatterSplit;
use markdown::Body;
use ropey::Rope;
use std::sync::{Arc, Mutex};
use yaml::ParsedYaml;

/// Documents larger than this get no Markdown tree (no outline): tree-sitter-md needs seconds
/// for them, and no agent spec is anywhere near this size. Front matter checks still run.
pub const MAX_OUTLINE_BYTES: usize = 16 << 20;

/// Everything parsed from one document, kept current edit by edit.
#[derive(Debug)]
pub struct Syntax {
    pub front_matter: Option<FrontMatterSplit>,
    /// The front matter's YAML; empty when there is none or it is never closed (its "YAML"
    /// would be the whole body: formats.md §2 says not to cascade errors from it).
    pub yaml: ParsedYaml,
    /// The Markdown tree and its sections; `None` when the caller asked for none (a one-shot
    /// `check` whose rules need no outline skips the most expensive parse).
    pub body: Option<Body>,
    /// How many times the YAML was parsed (tests use it to prove body edits skip it).
    pub yaml_parses: usize,
    /// The body's headings, links and code blocks, read on demand and re-read only where
    /// edits touched it.
    scan: Mutex<scan::Incremental>,
}

fn parse_yaml(rope: &Rope, fm: Option<&FrontMatterSplit>) -> ParsedYaml {
    match fm {
        Some(fm) if fm.close.is_some() => {
            let text = rope.byte_slice(fm.yaml.clone()).to_string();
            yaml::parse(&text, fm.yaml.start)
        }
        _ => ParsedYaml::default(),
    }
}

impl Syntax {
    pub fn new(rope: &Rope, with_body: bool) -> Self {
        let with_body = with_body && rope.len_bytes() <= MAX_OUTLINE_BYTES;
        let front_matter = front_matter::split(rope);
        let yaml = parse_yaml(rope, front_matter.as_ref());
        Syntax {
            body: with_body.then(|| Body::new(rope)),
            yaml,
            front_matter,
            yaml_parses: 1,
            scan: Mutex::default(),
        }
    }

    /// Whether an edit starting at `start` (in `before`) leaves the front matter as it was.
    fn front_matter_untouched(&self, before: &Rope, start: usize) -> bool {
        match &self.front_matter {
            Some(fm) => fm.untouched_by_edit_at(before, start),
            // Only the first line can turn into an opening fence.
            None => before.len_lines() > 1 && start >= before.line_to_byte(1),
        }
    }

    /// Brings the parse up to date after `edit` turned `before` into `after`: the YAML is
    /// re-parsed only when the edit touched the front matter; the body tree always gets an
    /// incremental re-parse, which re-walks only the sections around the change.
    pub fn edit(&mut self, before: &Rope, after: &Rope, edit: AppliedEdit) {
        if !self.front_matter_untouched(before, edit.start) {
            let split = front_matter::split(after);
            self.yaml = parse_yaml(after, split.as_ref());
            self.yaml_parses += 1;
            self.front_matter = split;
        }
        if let Some(body) = &mut self.body {
            body.edit(before, after, edit);
        }
        self.scan.get_mut().unwrap_or_else(|e| e.into_inner()).edit(edit);
    }

    /// The body's scan for the current text (`rope`).
    pub fn scan(&self, rope: &Rope) -> Arc<scan::BodyScan> {
        let mut inc = self.scan.lock().unwrap_or_else(|e| e.into_inner());
        inc.get(rope, self.body_start())
    }

    /// How many bytes of the body the scan has read so far.
    pub fn scan_bytes_read(&self) -> usize {
        self.scan.lock().unwrap_or_else(|e| e.into_inner()).bytes_read
    }

    /// Where the body starts (0 without a front matter).
    pub fn body_start(&self) -> usize {
        self.front_matter.as_ref().map_or(0, |f| f.body_start)
    }

    /// The top-level keys of the front matter, for format detection. When the YAML did not
    /// parse (or the block is unclosed or indented), the `key:` lines at the top of the file
    /// still tell an agent from a README.
    pub fn top_level_keys(&self, rope: &Rope) -> Vec<String> {
        if let Some(root) = &self.yaml.root {
            return root
                .entries()
                .iter()
                .filter_map(|e| e.key.as_str().map(str::to_string))
                .collect();
        }
        let mut lines = rope.lines().take(64).map(|l| l.to_string());
        let Some(first) = lines.by_ref().find(|l| !l.trim().is_empty()) else {
            return Vec::new();
        };
        if first.trim_start_matches('\u{feff}').trim() != "---" {
            return Vec::new();
        }
        lines
            .take_while(|l| !matches!(l.trim(), "---" | "..."))
            .filter_map(|l| {
                let l = l.trim_start();
                let (key, _) = l.split_once(':')?;
                (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
                    .then(|| key.to_string())
            })
            .collect()
    }
}
