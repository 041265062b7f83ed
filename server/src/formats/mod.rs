//! The format catalogs: what each agent spec format is, where its files live, how to recognise
//! it, and every field with its type, allowed values and docs. Diagnostics, and later
//! completion and hover, read these tables; adding a field or a tool is a one-line change here.
//!
//! Facts are checked against the sources in `docs/format-sources.md` (2026-11-25).

pub mod claude_agent;
pub mod claude_models;
pub mod claude_tools;
pub mod detect;

pub use detect::{Detection, detect};

/// One agent spec format.
#[derive(Debug)]
pub struct Format {
    /// Stable id, also the prefix of this format's diagnostic codes (`claude-agent/unknown-key`).
    pub id: &'static str,
    /// What users call it.
    pub name: &'static str,
    /// Where the tool documents it.
    pub docs_url: &'static str,
    /// Path patterns that make a file this format regardless of its content.
    pub strong_paths: &'static [PathRule],
    /// Path patterns that make a file this format when its front matter has one of
    /// `weak_path_keys` (collections keep agents in `agents/` next to READMEs).
    pub weak_paths: &'static [PathRule],
    pub weak_path_keys: &'static [&'static str],
    /// Anywhere else: the front matter has all of `content_all` and one of `content_any`.
    pub content_all: &'static [&'static str],
    pub content_any: &'static [&'static str],
    /// A file of this format with no front matter at all is broken.
    pub front_matter_required: bool,
    /// A file with nothing after the front matter is a mistake (the body is the prompt).
    pub body_required: bool,
    pub fields: &'static [Field],
    /// Whether `name` is expected to equal the file name (without `.md`).
    pub name_must_match_file: bool,
}

/// A path pattern, matched against the path's `/`-separated components.
#[derive(Debug, Clone, Copy)]
pub enum PathRule {
    /// These consecutive directories appear somewhere above the file, and the file ends in one
    /// of the extensions (e.g. `.claude/agents` + `.md`).
    Under(&'static [&'static str], &'static str),
    /// Some directory above the file has this name.
    InDirNamed(&'static str, &'static str),
    /// The file name ends with this (`.prompt.md`); with a leading `/`, is exactly this.
    Suffix(&'static str),
}

/// One front matter key.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub value: ValueKind,
    pub required: bool,
    /// Markdown, shown in hover and completion.
    pub doc: &'static str,
    /// The value part of the completion snippet (LSP snippet syntax), when the default one for
    /// the value kind is not the best start (`description` opens a `|` block).
    pub snippet: Option<&'static str>,
    /// The tool turns literal `\n` sequences in this value into line breaks (Claude Code does
    /// so for `description`), so a `|` block may spell them as real lines.
    pub unescapes_newlines: bool,
}

/// What a field's value must be.
#[derive(Debug)]
pub enum ValueKind {
    /// Any non-empty scalar.
    Text,
    /// An identifier (the agent's name).
    Name,
    Bool,
    /// A whole number ≥ 1.
    PositiveInt,
    /// One of these values (case-sensitive unless stated).
    OneOf(&'static [Choice]),
    /// A model alias or id from the format's model vocabulary.
    Model,
    /// A tool list: a comma-separated string or a YAML list of tool names/permission rules.
    Tools,
    /// A string or a list of strings.
    StringOrList,
    /// A list whose items are strings or single-key mappings.
    List,
    /// MCP servers: a list of configured server names or inline `{name: config}` mappings. The
    /// names are offered as `mcp__<name>__*` in the format's tool lists.
    McpServers,
    Mapping,
}

/// An allowed value of an enumerated field.
#[derive(Debug)]
pub struct Choice {
    pub value: &'static str,
    pub doc: &'static str,
    /// sRGB colour for `color`-like fields, so editors can show a swatch.
    pub rgb: Option<(u8, u8, u8)>,
}

impl Format {
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

impl ValueKind {
    /// What a user would call the expected value, for completion details and hovers.
    pub fn describe(&self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Name => "identifier (lowercase, digits, hyphens)",
            ValueKind::Bool => "`true` or `false`",
            ValueKind::PositiveInt => "whole number ≥ 1",
            ValueKind::OneOf(_) => "one of a fixed set",
            ValueKind::Model => "model alias or id",
            ValueKind::Tools => "comma-separated string or list of tools",
            ValueKind::StringOrList => "name or list of names",
            ValueKind::List => "list",
            ValueKind::McpServers => "list of MCP server names or `{name: config}` mappings",
            ValueKind::Mapping => "mapping",
        }
    }
}

/// Every format agentls knows, most specific first.
pub static FORMATS: &[&Format] = &[&claude_agent::FORMAT];

pub fn by_id(id: &str) -> Option<&'static Format> {
    FORMATS.iter().copied().find(|f| f.id == id)
}
