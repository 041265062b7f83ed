//! The format catalogs: what each agent spec format is, where its files live, how to recognise
//! it, and every field with its type, allowed values and docs. Diagnostics, and later
//! completion and hover, read these tables; adding a field or a tool is a one-line change here.
//!
//! Formats are grouped by product: one module per product (`claude/`, `copilot/`,
//! `opencode/`, `kilo/`, `cursor/`, `windsurf/`, `kiro/`) exports a [`Product`] (its name, tool and model catalogs, built-in
//! agents…) and its formats, each of which points back to it (`format.product`). `skill` is the
//! Agent Skills standard, which several products read. [`PRODUCTS`] lists the products; the
//! analysis reads them and names none. How to add a product: `formats/README.md`.
//!
//! Facts are checked against the sources in `docs/format-sources.md` (2026-11-25).

pub mod claude;
pub mod cline;
pub mod copilot;
pub mod cursor;
pub mod detect;
pub mod effect;
pub mod gemini;
pub mod kilo;
pub mod kiro;
pub mod opencode;
pub mod product;
pub mod skill;
pub mod skills_by_tool;
pub mod windsurf;

// The paths formats had before products were modules of their own, so that a format written
// against them (`use super::claude_agent::{c, f}`) still compiles. The analysis uses neither
// these nor the modules above: it reads `format.product` (a test checks it).
pub use claude::agent as claude_agent;
pub use claude::command as claude_command;
pub use claude::memory as claude_memory;
pub use claude::models as claude_models;
pub use claude::tools as claude_tools;
pub use copilot::models as copilot_models;
pub use copilot::tools as copilot_tools;
pub use cursor::rule as cursor_rule;
pub use opencode::agent as opencode_agent;
pub use opencode::command as opencode_command;

pub use cline::CLINE_VERSION;
pub use copilot::cli::COPILOT_CLI_VERSION;
pub use detect::{Detection, detect};
pub use effect::Effect;
pub use product::{BuiltinAgent, Product};

/// One agent spec format.
#[derive(Debug)]
pub struct Format {
    /// Stable id, also the prefix of this format's diagnostic codes (`claude-agent/unknown-key`).
    pub id: &'static str,
    /// What users call it.
    pub name: &'static str,
    /// What one file of it is, in a sentence that already names the product ("Claude Code
    /// does not load this agent").
    pub noun: &'static str,
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
    /// What the tool does with a file of this format that has no front matter it can read:
    /// does not load it (agents), loads it all the same while a standard requires one
    /// (skills), or `None` when a front matter is optional (commands).
    pub no_front_matter: Option<Effect>,
    /// A file with nothing after the front matter is a mistake (the body is the prompt).
    pub body_required: bool,
    pub fields: &'static [Field],
    /// What `name` is expected to equal.
    pub name_matches: NameMatch,
    /// The program that reads these files: its name in messages ("Claude Code ignores it"),
    /// and whose tool names and model names `Tools` and `Model` fields take. Each product has
    /// its own: Copilot's `Claude Sonnet 4` is not Claude Code's `sonnet`.
    pub product: &'static Product,
    /// What the body may hold besides Markdown (`$ARGUMENTS`, `` !`cmd` ``, `@path`).
    pub body_syntax: BodySyntax,
    /// Names rules as `Kind`s for the workspace: which files define agents, skills, commands.
    pub kind: Kind,
    /// How the tool finds and reads the front matter; diagnostics judge what it reads.
    pub reader: crate::syntax::reader::Reader,
    /// The real tool and version this format's claims were checked against by the ground-truth
    /// harness (`truth/recorded/`); `None` while no recording covers the format.
    pub verified_with: Option<&'static str>,
    /// Hook events that make the tool skip the whole file when written as top-level keys
    /// instead of under `hooks:` (Claude Code: the guarding events).
    pub guard_hooks_outside: &'static [&'static str],
    /// Whole-file checks beyond the fields, as data: a size limit, a value that does nothing
    /// in a user-level file, a legacy file to migrate ([`Check`]).
    pub checks: &'static [Check],
}

/// A whole-file check a format asks for. Each is named for what it checks; the format module
/// holds the numbers and the sources.
#[derive(Debug)]
pub enum Check {
    /// The tool reads at most `max` characters of the file and cuts the rest off: the model
    /// never sees it. `older`: a smaller limit older documentation gave, reported as
    /// information. `source` is named in the message.
    CharLimit {
        max: usize,
        older: Option<usize>,
        source: &'static str,
    },
    /// `key: value` has no effect in a user-level file (one in `marker`, e.g. `.kiro`, in the
    /// user's home folder): `then` says what the tool does instead.
    NotInUserLevel {
        marker: &'static str,
        key: &'static str,
        value: &'static str,
        then: &'static str,
    },
    /// `key: value` is accepted, but the tool is reported not to honour it; `evidence` says
    /// where and in which versions.
    Unreliable {
        key: &'static str,
        value: &'static str,
        evidence: &'static str,
    },
    /// `key` is another tool's key for what this format calls `ours` (Cursor's `globs` in a
    /// Kiro steering file): the tool ignores it, and the finding names the right key.
    ForeignKey {
        key: &'static str,
        ours: &'static str,
        whose: &'static str,
    },
    /// The file is a legacy form the tool replaced: it goes to `dir/name` (relative to the
    /// folder holding the file), with `front_matter` (YAML lines, without `---`) put before its
    /// text.
    MoveTo {
        dir: &'static [&'static str],
        name: &'static str,
        front_matter: &'static str,
        why: &'static str,
    },
    /// A second tool reads the same files by rules of its own (the GitHub Copilot CLI reads
    /// VS Code's agent files): what makes it skip one, said with that tool's name
    /// (`/skipped-by-tool`).
    ReadBy(&'static OtherReader),
}

/// A second tool that reads a format's files ([`Check::ReadBy`]), and what makes it skip one.
/// Its findings carry its `targets` id: `targets` without it leaves them out.
#[derive(Debug)]
pub struct OtherReader {
    /// The id `targets` in `agentls.toml` names it by.
    pub tool: &'static str,
    /// The tool as messages name it.
    pub name: &'static str,
    /// What shows its folders and its drops.
    pub evidence: skills_by_tool::Evidence,
    /// The folders it reads the files from, as consecutive path components somewhere above the
    /// file (`.github/agents`; `.copilot/agents` in the home). Files elsewhere get no finding.
    pub dirs: &'static [&'static [&'static str]],
    /// What makes it skip a file (the causes are those of skills: a missing `description`, no
    /// front matter, YAML that is not strict…).
    pub drops: &'static [skills_by_tool::SkillDrop],
}

impl OtherReader {
    /// Whether the tool reads a file at `path`.
    pub fn reads(&self, path: &std::path::Path) -> bool {
        let comps: Vec<&str> = path
            .parent()
            .into_iter()
            .flat_map(|p| p.components())
            .filter_map(|c| c.as_os_str().to_str())
            .collect();
        path.extension().is_some_and(|e| e == "md") && self.dirs.iter().any(|d| comps.windows(d.len()).any(|w| w == *d))
    }
}

/// The Claude Code release the Claude formats were checked against (`truth/tools.toml`; a test
/// in `truth/` keeps the two equal).
pub const CLAUDE_CODE_VERSION: &str = "Claude Code 2.1.332";

/// The VS Code release the Copilot formats were checked against (`truth/tools.toml` pins
/// code-server 4.139.1, which is VS Code 1.139.1 with its built-in Copilot Chat 0.67.0; a test in
/// `truth/` keeps the two equal).
pub const VSCODE_VERSION: &str = "VS Code 1.139.1 (code-server 4.139.1)";

/// Claude Code's loader (2.1.332): the front matter ends at the first `---` anywhere, and YAML
/// that fails is read again with quoted values and spaces for leading tabs.
pub const CLAUDE_READER: crate::syntax::reader::Reader = crate::syntax::reader::Reader {
    split: crate::syntax::reader::Split::FirstDashes,
    parser: crate::syntax::reader::Parser::Yaml(crate::syntax::yaml::Retry::QuoteLinesAndTabs),
    dialect: crate::syntax::yaml::Dialect::Yaml12,
};

/// What a file of a format is, for cross-file rules and navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Defines an agent (by `name`, or by its file name).
    Agent,
    Skill,
    Command,
    /// Prompts, instructions, rules, memory files, output styles: used, never named by others.
    Other,
}

/// What a format's `name` must equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    Nothing,
    /// The file name without `.md` (information when it differs: allowed).
    FileStem,
    /// The folder holding the file (`skills/<name>/SKILL.md`; a warning when it differs).
    Folder,
}

/// Body syntax a format understands (formats.md §5, §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BodySyntax {
    /// `$ARGUMENTS` and numbered placeholders are replaced by the command's arguments.
    pub arguments: Option<Arguments>,
    /// `` !`command` `` runs a shell command before the prompt is sent.
    pub shell: bool,
    /// Placeholders, `` !`command` `` and `@path` are expanded inside code spans and blocks too
    /// (Claude Code commands and skills); otherwise code is left alone.
    pub expands_in_code: bool,
    /// `@path` includes (commands) or imports (memory files) a file.
    pub at_paths: bool,
    /// `#file:path` attaches a file (Copilot prompt files, agents, instructions), relative to
    /// the file's folder.
    pub file_refs: bool,
    /// `#[[file:path]]` includes a file (Kiro steering), relative to the folder that holds the
    /// folder named here (the workspace root, above `.kiro`).
    pub bracketed_file_refs: Option<&'static str>,
    /// `${name}` is a template placeholder filled in from these inputs, anywhere in the body
    /// (code included); a name outside them makes every run fail (Gemini CLI subagents).
    pub template_inputs: Option<&'static [&'static str]>,
}

/// How a tool fills in a command's arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arguments {
    /// The number of the first argument: `$0` (Claude Code 2.1.332) or `$1`.
    pub first: u8,
    /// `$ARGUMENTS[N]` is argument N (counted from `first`).
    pub indexed: bool,
    /// A body without any placeholder gets the arguments appended (`ARGUMENTS: …`).
    pub appended_when_unused: bool,
    /// The highest numbered placeholder takes that argument and all after it (OpenCode).
    pub last_takes_rest: bool,
    /// A placeholder past the arguments typed becomes empty; otherwise it stays as written.
    pub missing_becomes_empty: bool,
}

/// Claude Code 2.1.332, as seen expanding `/name alpha beta gamma`: `$0` is `alpha`, `$1` is
/// `beta`, `$ARGUMENTS[0]` is `alpha`; `$3` stays as written; `${1}` is not a placeholder; `\$1`
/// is a literal `$1`; a body without placeholders ends with `ARGUMENTS: alpha beta gamma`.
pub const CLAUDE_ARGUMENTS: Arguments = Arguments {
    first: 0,
    indexed: true,
    appended_when_unused: true,
    last_takes_rest: false,
    missing_becomes_empty: false,
};

impl BodySyntax {
    pub const NONE: BodySyntax = BodySyntax {
        arguments: None,
        shell: false,
        expands_in_code: false,
        at_paths: false,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    };
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
    /// Detected as [`PathRule::Under`], but the tool reads only files directly in these
    /// directories whose name does not start with `_`: a file deeper down or named `_x.md` is
    /// this format and is not loaded (`file/not-loaded-here`).
    Directly(&'static [&'static str], &'static str),
}

impl PathRule {
    /// For a [`PathRule::Directly`] rule the file matches: why the tool skips it, if it does.
    pub fn skips(&self, path: &std::path::Path) -> Option<String> {
        let PathRule::Directly(seq, ext) = self else {
            return None;
        };
        let comps: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let (file, dirs) = comps.split_last()?;
        let at = dirs
            .windows(seq.len())
            .rposition(|w| w.iter().zip(seq.iter()).all(|(a, b)| a == b))?;
        if !file.ends_with(ext) {
            return None;
        }
        let folder = seq.join("/");
        if at + seq.len() != dirs.len() {
            Some(format!(
                "it is in a subfolder, and only the files directly in `{folder}/` are read"
            ))
        } else if file.starts_with('_') {
            Some(format!(
                "its name starts with `_`, and files of `{folder}/` named so are skipped"
            ))
        } else {
            None
        }
    }
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
    /// What the tool does with the file when this value is missing, empty or bad: ignores the
    /// key (the usual case), does not load the file at all (an agent's `name`), or refuses its
    /// whole configuration (OpenCode's schema).
    pub on_bad: Effect,
    /// What the tool does with a blank value of an optional key (`description: ""`), when it
    /// does something worth saying (VS Code reports an empty `name` as an error).
    pub on_empty: Option<Effect>,
    /// Where the key counts, for files that run in two places ([`Scope`]).
    pub scope: Scope,
    /// The tool checks the value on the remote target too (VS Code leaves a github.com
    /// agent's `model`, `handoffs` and `agents` to github.com).
    pub checked_remotely: bool,
    /// An empty value (`key:`, YAML null) is a bad value of the tool's schema, not a key left
    /// out.
    pub rejects_null: bool,
    /// The tool takes this value from elsewhere and ignores the key (OpenCode's `prompt`, which
    /// in a Markdown agent is the body): what it takes it from.
    pub overridden_by: Option<&'static str>,
    /// The tool uses this key only when that one is set too (OpenCode's `variant` needs the
    /// agent's own `model`).
    pub only_with: Option<&'static str>,
    /// Deprecated: the tool still reads it, and documents that key instead.
    pub replaced_by: Option<&'static str>,
    /// The key is needed, and counts only, when another key has one value (`globs` with
    /// `trigger: glob`).
    pub needed_with: Option<NeededWith>,
    /// What the tool does with a value outside the allowed set, when it is not "ignores it"
    /// (Kiro loads a steering file with a bad `inclusion` as `always`).
    pub bad_value_then: Option<&'static str>,
}

/// `key: value` needs the field: without it, `without` happens.
#[derive(Debug)]
pub struct NeededWith {
    pub key: &'static str,
    pub value: &'static str,
    /// The tool reads the field only with that value: with another one (or none), the field
    /// has no effect. Only where the source says so.
    pub only_then: bool,
    /// What the tool ends up with when the field is missing ("Windsurf has no files to attach
    /// this rule to").
    pub without: &'static str,
}

/// Where a key counts. A Copilot agent runs in VS Code, or with `target: github-copilot` as a
/// Copilot agent on github.com, and each reads its own keys ([`ValueKind::Target`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    /// Not for the remote target: VS Code calls the key unsupported there.
    Local,
    /// Only for the remote target: VS Code ignores the key when the agent runs locally.
    Remote,
}

/// What a field's value must be.
#[derive(Debug)]
pub enum ValueKind {
    /// Any non-empty scalar.
    Text,
    /// Any scalar, read as the text written (VS Code's parser has no numbers or booleans).
    Scalar,
    /// The plain words `true` or `false`: VS Code rejects `True`, `'true'` and `yes`.
    PlainBool,
    /// Where the file runs: one of `choices`; `remote` makes the keys of [`Scope::Local`]
    /// unsupported and those of [`Scope::Remote`] count.
    Target {
        choices: &'static [Choice],
        remote: &'static str,
    },
    /// Names of agents this one may run as subagents (`*` for all), which need `tool` in the
    /// file's tool list.
    AgentNames {
        tool: &'static str,
    },
    /// A mapping with one key, `permissions`, of scope → allowed value (Copilot `github`).
    Permissions(&'static [Permission]),
    /// Hook events → commands, as VS Code validates them (Copilot agents' `hooks`).
    Hooks(&'static HookSchema),
    /// One glob, or a list of globs; a comma inside a string is part of the pattern, not a
    /// separator (Kiro `fileMatchPattern`).
    GlobOrList,
    /// One string of comma-separated globs (VS Code `applyTo`): a list is rejected, and so is
    /// an empty pattern; any other text is accepted.
    CommaGlobs,
    /// Anything: the tool does not check it.
    Any,
    /// A key the tool does not read at all (documented elsewhere, or read by an older release):
    /// writing it has no effect. The text says so, after the key (`is not read by …: …`).
    NotRead(&'static str),
    /// An identifier (the agent's name).
    Name,
    /// A name of lowercase ASCII letters, digits, `-` and `_` only (`^[a-z0-9-_]+$`); anything
    /// else is a bad value (the field's `on_bad`).
    Slug,
    Bool,
    /// `true` or `false`, also written as the text `"true"` / `"false"` (Claude Code reads both).
    Flag,
    /// A whole number ≥ 1.
    PositiveInt,
    /// A whole number of at least `min`, written as a number or as text (`"5"`); Claude Code
    /// reads `String(value)` as a number.
    Count {
        min: u64,
    },
    /// Reasoning effort: a level (any case), `med` for `medium`, or a whole number.
    Effort(&'static [Choice]),
    /// One of these values (case-sensitive unless stated).
    OneOf(&'static [Choice]),
    /// A model alias or id from the format's model vocabulary.
    Model,
    /// One model, or a list of models tried in order (Copilot).
    Models,
    /// A glob or a comma-separated list of globs (`applyTo`, `globs`), or a list of globs.
    Globs,
    /// A number, usually in `0..=max` (OpenCode `temperature`).
    Number {
        max: u8,
    },
    /// A colour: `#rrggbb`, or one of these names.
    Color(&'static [Choice]),
    /// OpenCode's `tools` mapping: tool id (or `mcp_*` wildcard) → `true`/`false`.
    ToolMap,
    /// OpenCode's `permission` mapping: `edit`/`bash`/`webfetch`… → `allow`/`ask`/`deny`, or for
    /// `bash` a mapping of command globs to those values.
    Permission,
    /// Copilot `handoffs`: a list of `{label, agent, prompt, send?, showContinueOn?}`.
    Handoffs,
    /// A mapping of string keys to string values (skill `metadata`).
    StringMap,
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

/// A permission scope and the values it takes.
#[derive(Debug)]
pub struct Permission {
    pub scope: &'static str,
    pub values: &'static [&'static str],
}

/// What a `hooks` mapping may hold: event names, and per command its keys, the keys of which
/// one must be there (what runs), and the keys that hold numbers.
#[derive(Debug)]
pub struct HookSchema {
    pub events: &'static [&'static str],
    pub keys: &'static [&'static str],
    pub runs: &'static [&'static str],
    pub numbers: &'static [&'static str],
    /// The same for the remote target, which names its events and keys its own way.
    pub remote: Option<&'static HookSchema>,
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

    /// Where the tool puts front matter keys it does not know ([`Product::unknown_keys_go_to`]):
    /// only an agent's go anywhere (OpenCode drops a command's).
    pub fn unknown_keys_go_to(&self) -> Option<&'static str> {
        self.agent_only(self.product.unknown_keys_go_to)
    }

    /// Keys of other tools' agents people copy into this format ([`Product::foreign_keys`]).
    pub fn foreign_keys(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        self.agent_only(Some(self.product.foreign_keys)).unwrap_or(&[])
    }

    /// How files of this format are offered to agents, if by their description
    /// ([`Product::delegation`]): agents only, not the commands of the same product.
    pub fn delegation(&self) -> Option<&'static Delegation> {
        self.agent_only(self.product.delegation)
    }

    fn agent_only<T>(&self, v: Option<T>) -> Option<T> {
        v.filter(|_| self.kind == Kind::Agent)
    }

    /// How a command file's path becomes the name it is invoked by: its product's way
    /// ([`Product::command_naming`]), Claude Code's for a product that says nothing.
    pub fn command_naming(&self) -> &'static CommandNaming {
        self.product.command_naming.unwrap_or(CommandNaming::default_naming())
    }

    /// The product whose tool and model names this format's values take: its own product,
    /// or `None` for a format with no tool list and no model (memory files, instructions,
    /// Cursor rules), where nothing is read in any product's vocabulary.
    pub fn vocabulary(&self) -> Option<&'static Product> {
        let named = |f: &Field| {
            matches!(
                f.value,
                ValueKind::Tools | ValueKind::ToolMap | ValueKind::Model | ValueKind::Models
            )
        };
        self.fields.iter().any(named).then_some(self.product)
    }

    /// The same format (formats are statics, compared by address).
    pub fn is(&self, other: &Format) -> bool {
        std::ptr::eq(self, other)
    }
}

/// How a tool offers agents to other agents, for formats whose agents are offered by their
/// description (OpenCode's `task` tool).
#[derive(Debug)]
pub struct Delegation {
    pub description_key: &'static str,
    /// The key and the values that keep an agent from being offered (`mode: primary`).
    pub mode_key: &'static str,
    pub not_offered: &'static [&'static str],
    /// `true` here keeps it from being offered too.
    pub hidden_key: &'static str,
    /// What other agents are told about an agent without a description.
    pub undescribed: &'static str,
}

impl ValueKind {
    /// What a user would call the expected value, for completion details and hovers.
    pub fn describe(&self) -> &'static str {
        match self {
            ValueKind::Text | ValueKind::Scalar => "text",
            ValueKind::PlainBool => "`true` or `false`",
            ValueKind::Target { .. } => "one of a fixed set",
            ValueKind::AgentNames { .. } => "list of agent names, or `*`",
            ValueKind::Permissions(_) => "`permissions:` mapping of scope → access",
            ValueKind::Hooks(_) => "mapping of hook event → commands",
            ValueKind::CommaGlobs => "comma-separated globs",
            ValueKind::Any => "any value",
            ValueKind::NotRead(_) => "any value (not read)",
            ValueKind::Name => "identifier (lowercase, digits, hyphens)",
            ValueKind::Slug => "identifier (lowercase letters, digits, `-` and `_` only)",
            ValueKind::Bool | ValueKind::Flag => "`true` or `false`",
            ValueKind::PositiveInt => "whole number ≥ 1",
            ValueKind::Count { .. } => "whole number",
            ValueKind::Effort(_) => "effort level or whole number",
            ValueKind::OneOf(_) => "one of a fixed set",
            ValueKind::Model => "model alias or id",
            ValueKind::Models => "model name or list of model names",
            ValueKind::Globs => "glob or comma-separated globs",
            ValueKind::GlobOrList => "glob or list of globs",
            ValueKind::Number { .. } => "number",
            ValueKind::Color(_) => "`#rrggbb` or a colour name",
            ValueKind::ToolMap => "mapping of tool → `true`/`false`",
            ValueKind::Permission => "mapping of tool → `allow`/`ask`/`deny`",
            ValueKind::Handoffs => "list of `{label, agent, prompt}` mappings",
            ValueKind::StringMap => "mapping of text keys to text values",
            ValueKind::Tools => "comma-separated string or list of tools",
            ValueKind::StringOrList => "name or list of names",
            ValueKind::List => "list",
            ValueKind::McpServers => "list of MCP server names or `{name: config}` mappings",
            ValueKind::Mapping => "mapping",
        }
    }
}

/// Every format agentls knows, most specific first: a file matching the strong path rule of
/// several (`.github/agents/x.chatmode.md`) is the first one's.
pub static FORMATS: &[&Format] = &[
    // Before Claude Code's agents: a `.gemini/agents/` file is Gemini's, whatever its keys.
    &gemini::agent::FORMAT,
    &claude_agent::FORMAT,
    &copilot::CHATMODE,
    &copilot::PROMPT,
    &copilot::INSTRUCTIONS,
    &copilot::AGENT,
    &cline::SKILL,
    &cline::WORKFLOW,
    &cline::RULE,
    &skill::FORMAT,
    &claude_memory::MEMORY,
    // Before Claude Code's commands, whose `commands/` folder rule matches these too.
    &opencode_command::FORMAT,
    &kilo::COMMAND,
    &gemini::memory::FORMAT,
    &claude_command::FORMAT,
    &claude_memory::RULE,
    &claude_memory::OUTPUT_STYLE,
    &opencode_agent::FORMAT,
    &kilo::AGENT,
    &cursor_rule::FORMAT,
    &windsurf::rule::RULE,
    &windsurf::workflow::FORMAT,
    &windsurf::rule::GLOBAL_RULES,
    &windsurf::rule::LEGACY,
    &kiro::steering::FORMAT,
    &kiro::agent::FORMAT,
];

/// Where a file of this format typically lives, for examples and fixtures that need a path
/// (`stem` is the file's name without extension; a skill's folder).
pub fn example_path(format: &Format, stem: &str) -> String {
    match format.id {
        "claude-agent" => format!("project/.claude/agents/{stem}.md"),
        "claude-command" => format!("project/.claude/commands/{stem}.md"),
        "skill" => format!("project/.claude/skills/{stem}/SKILL.md"),
        "claude-memory" => format!("project/{stem}/CLAUDE.md"),
        "claude-rule" => format!("project/.claude/rules/{stem}.md"),
        "claude-output-style" => format!("project/.claude/output-styles/{stem}.md"),
        "copilot-agent" => format!("project/.github/agents/{stem}.agent.md"),
        "copilot-chatmode" => format!("project/.github/chatmodes/{stem}.chatmode.md"),
        "copilot-prompt" => format!("project/.github/prompts/{stem}.prompt.md"),
        "copilot-instructions" => format!("project/.github/instructions/{stem}.instructions.md"),
        "opencode-agent" => format!("project/.opencode/agent/{stem}.md"),
        "opencode-command" => format!("project/.opencode/commands/{stem}.md"),
        "kilo-agent" => format!("project/.kilo/agents/{stem}.md"),
        "kilo-command" => format!("project/.kilo/commands/{stem}.md"),
        "cursor-rule" => format!("project/.cursor/rules/{stem}.mdc"),
        "cline-rule" => format!("project/.clinerules/{stem}.md"),
        "cline-workflow" => format!("project/.clinerules/workflows/{stem}.md"),
        "cline-skill" => format!("project/.cline/skills/{stem}/SKILL.md"),
        "windsurf-rule" => format!("project/.windsurf/rules/{stem}.md"),
        "windsurf-global-rules" => "home/.codeium/windsurf/memories/global_rules.md".to_string(),
        "windsurf-legacy-rules" => "project/.windsurfrules".to_string(),
        "windsurf-workflow" => format!("project/.windsurf/workflows/{stem}.md"),
        "kiro-steering" => format!("project/.kiro/steering/{stem}.md"),
        "kiro-agent" => format!("project/.kiro/agents/{stem}.md"),
        "gemini-agent" => format!("project/.gemini/agents/{stem}.md"),
        _ => format!("project/{stem}.md"),
    }
}

/// How a command file's path becomes the name it is invoked by.
#[derive(Debug)]
pub struct CommandNaming {
    /// The folders commands live in; the name is the path below the nearest one.
    pub folders: &'static [&'static str],
    /// What joins sub-folders in the name (`commands/gsd/plan.md` → `/gsd:plan` in Claude Code,
    /// `/gsd/plan` in OpenCode).
    pub separator: &'static str,
    /// A front matter key whose value replaces the name derived from the path.
    pub name_key: Option<&'static str>,
}

impl CommandNaming {
    /// The naming of a product that says nothing of its own: Claude Code's
    /// (`commands/gsd/plan.md` is `/gsd:plan`).
    pub fn default_naming() -> &'static CommandNaming {
        &claude_command::NAMING
    }
}

pub fn by_id(id: &str) -> Option<&'static Format> {
    FORMATS.iter().copied().find(|f| f.id == id)
}

/// The first format of a kind, for files recognised by their place alone
/// (`skills/<name>/SKILL.md`, `commands/**.md`).
///
/// A format of that kind that takes any folder of a name (`commands/`) comes first: a bare
/// `commands/` folder is not one of a product's own folders (`.opencode/commands/`).
pub fn first_of(kind: Kind) -> Option<&'static Format> {
    let of_kind = || FORMATS.iter().copied().filter(move |f| f.kind == kind);
    of_kind()
        .find(|f| f.strong_paths.iter().any(|r| matches!(r, PathRule::InDirNamed(..))))
        .or_else(|| of_kind().next())
}

/// Short names the command line accepts for a format id (`--kind agent`).
pub static ID_ALIASES: &[(&str, &str)] = &[("agent", "claude-agent")];

/// A format by its id or one of its [`ID_ALIASES`].
pub fn by_id_or_alias(id: &str) -> Option<&'static Format> {
    let id = ID_ALIASES.iter().find(|(a, _)| *a == id).map_or(id, |(_, to)| to);
    by_id(id)
}

/// Every product agentls knows. A new product is a module under `formats/` exporting a
/// [`Product`], and one line here (see `formats/README.md`).
pub static PRODUCTS: &[&Product] = &[
    &claude::PRODUCT,
    &copilot::PRODUCT,
    &opencode::PRODUCT,
    &cline::PRODUCT,
    &cursor::PRODUCT,
    &windsurf::PRODUCT,
    &kiro::PRODUCT,
    &gemini::PRODUCT,
    &kilo::PRODUCT,
];

pub fn all() -> &'static [&'static Product] {
    PRODUCTS
}

/// How a tool finds and reads the files of a format, where its loader is modelled and differs
/// from what the shared rules assume: which folders it reads and how deep, and what it does with
/// a front matter or body it cannot use. Kept beside [`Format`] (by id, [`loader`]) so that the
/// formats that do not model their loader say nothing about it.
#[derive(Debug)]
pub struct Loader {
    /// Named in messages.
    pub product: &'static str,
    /// The folders it reads, as consecutive path components (the last match in a path counts).
    pub roots: &'static [&'static [&'static str]],
    pub layout: Layout,
    /// A front matter that is not YAML it can read.
    pub unreadable_yaml: Effect,
    /// A key written twice (the YAML parser rejects it).
    pub duplicate_key: Effect,
    /// A front matter that is a list or a scalar.
    pub not_a_mapping: Effect,
    /// A `---` line right after the opening one is no front matter: both lines are text.
    pub empty_block_is_text: bool,
    /// `$ARGUMENTS` and `$1` are not substituted: they reach the model as written, and the
    /// arguments are appended after the body.
    pub placeholders_literal: bool,
    /// Two files of the same name (`name`, else the file's or folder's; any case): the one in
    /// the later of [`Loader::roots`] is kept, the other is not loaded.
    pub later_root_wins: bool,
    /// A file of this other format with the same command name takes `/name` (Cline: a skill
    /// over a workflow), and this one is never run.
    pub command_taken_by: Option<&'static str>,
}

/// Where a file is among a loader's roots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InRoot {
    /// The root's place in [`Loader::roots`].
    pub root: usize,
    /// The path components up to the root (the project, or the home folder).
    pub base: Vec<String>,
    /// The folders between the root and the file.
    pub folders: Vec<String>,
    pub file: String,
}

impl Loader {
    /// The root a file is in: the last one above it (`.clinerules/workflows` wins over
    /// `.clinerules`); `None` outside every root.
    pub fn locate(&self, path: &std::path::Path) -> Option<InRoot> {
        let comps: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let (file, dirs) = comps.split_last()?;
        let (start, end, root) = self
            .roots
            .iter()
            .enumerate()
            .filter_map(|(i, root)| {
                dirs.windows(root.len())
                    .rposition(|w| w.iter().zip(root.iter()).all(|(a, b)| a == b))
                    .map(|at| (at, at + root.len(), i))
            })
            .max_by_key(|&(_, end, i)| (end, self.roots[i].len()))?;
        Some(InRoot {
            root,
            base: dirs[..start].to_vec(),
            folders: dirs[end..].to_vec(),
            file: file.clone(),
        })
    }

    /// What `/name` is for a file of this name: lower case, whitespace and symbols as one `-`
    /// (Cline's `normalizeRuntimeCommandName`).
    pub fn command_of(name: &str) -> String {
        let mut out = String::new();
        for ch in name.trim().to_lowercase().chars() {
            let keep = ch.is_alphanumeric() || matches!(ch, '_' | '.' | ':' | '@' | '-');
            let ch = if keep { ch } else { '-' };
            if !(ch == '-' && out.ends_with('-')) {
                out.push(ch);
            }
        }
        out.trim_matches('-').to_string()
    }

    /// Whether the tool reads a file at this place in a root (not too deep, the right name).
    pub fn reads(&self, at: &InRoot) -> bool {
        match self.layout {
            Layout::Files { extensions } => {
                at.folders.is_empty()
                    && at
                        .file
                        .rsplit_once('.')
                        .is_some_and(|(_, e)| extensions.contains(&e.to_ascii_lowercase().as_str()))
            }
            Layout::SkillFolders { file } => at.folders.len() <= 1 && at.file == file,
        }
    }

    /// The name the tool gives a file: its `name`, else the file name without extension, or
    /// the folder's name for a skill.
    pub fn name_of(&self, path: &std::path::Path, name: Option<&str>) -> Option<String> {
        if let Some(n) = name.map(str::trim).filter(|n| !n.is_empty()) {
            return Some(n.to_string());
        }
        match self.layout {
            Layout::SkillFolders { .. } => path.parent()?.file_name(),
            Layout::Files { .. } => path.file_stem(),
        }
        .map(|n| n.to_string_lossy().into_owned())
    }
}

/// Where in a root a file must be for the tool to read it.
#[derive(Debug, Clone, Copy)]
pub enum Layout {
    /// Directly in the root, with one of these extensions (any case).
    Files { extensions: &'static [&'static str] },
    /// `<root>/<folder>/<file>` (or `<root>/<file>`), the file name exact.
    SkillFolders { file: &'static str },
}

/// The loaders agentls models, by format id.
static LOADERS: &[(&str, &Loader)] = &[
    ("cline-rule", &cline::RULE_LOADER),
    ("cline-workflow", &cline::WORKFLOW_LOADER),
    ("cline-skill", &cline::SKILL_LOADER),
];

/// The modelled loader of a format, if any.
pub fn loader(format_id: &str) -> Option<&'static Loader> {
    LOADERS.iter().find(|(id, _)| *id == format_id).map(|(_, l)| *l)
}
