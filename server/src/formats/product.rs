//! A product: the program that reads a family of formats (Claude Code, VS Code's Copilot,
//! OpenCode, Cursor), as one value of plain data. It holds what the formats of one product
//! share and the analysis must not hard-code: the name messages use, its tool names and how a
//! tool list is written, its model names and how they resolve, how it names models of another
//! product, its built-in agents, and the few formats some checks single out.
//!
//! The analysis reads these values and names no product: it matches on the *shape* of a
//! vocabulary ([`Tools`], [`Models`]), never on whose it is. The entries of each shape (a
//! tool, a model) are the types below; each product module fills them with its own data.

use super::{Choice, Delegation, Format};

/// One product. Adding a product is one module that fills this and one line in
/// [`super::PRODUCTS`] (see `formats/README.md`).
pub struct Product {
    /// The program, as messages name it ("Claude Code ignores it").
    pub name: &'static str,
    /// Where the product documents its files.
    pub docs_url: &'static str,
    /// The release its claims were checked against (`truth/recorded/`), if any.
    pub verified_with: Option<&'static str>,
    /// Why no oracle can run the product here (closed source, not in a package registry), for
    /// the rule pages of its formats; `None` when one can, or until one is tried.
    pub no_oracle: Option<&'static str>,
    /// Its formats, in [`super::FORMATS`] order.
    pub formats: &'static [&'static Format],
    /// How its tool lists are written and which names they take.
    pub tools: Tools,
    /// Which model names its `model` fields take and what becomes of them.
    pub models: Models,
    /// Agents that ship with the product: a reference to one needs no file.
    pub builtin_agents: &'static [BuiltinAgent],
    /// What a message about an unknown agent says of the agents the workspace does not hold.
    pub agents_elsewhere: AgentsElsewhere,
    /// Other files call an agent by its file name too, not only by its `name`.
    pub file_name_names_agent: bool,
    /// Two agents of one folder with the same `name`: the product documents that only one
    /// loads (`duplicate-name`).
    pub one_agent_per_name: bool,
    /// `${name}` prompt variables of bodies (and, with them, `#tool` references); empty when
    /// the product has none.
    pub prompt_variables: &'static [(&'static str, &'static str)],
    /// The format whose keys pick the agent that runs a file (`agent:`, `mode:`).
    pub agent_picker: Option<AgentPicker>,
    /// A format kept for old files, with the format that replaced it.
    pub legacy_format: Option<(&'static Format, &'static Format)>,
    /// Deprecated keys the product still reads: `(format, old key, the key to write)`.
    pub deprecated_keys: &'static [(&'static Format, &'static str, &'static str)],
    /// A format whose files apply only when their front matter says when; without a readable
    /// front matter nothing triggers them.
    pub triggered_by_front_matter: Option<&'static Format>,
    /// Where the product puts front matter keys it does not know: `None` when it ignores
    /// them, else the key it passes them on under (OpenCode: the provider `options`).
    pub unknown_keys_go_to: Option<&'static str>,
    /// Keys of other products' formats people copy into this one: `(key, this product's key
    /// for the same thing, whose key it is)`.
    pub foreign_keys: &'static [(&'static str, &'static str, &'static str)],
    /// Sampling values a provider clamps: `(key, model prefix, low, high)`.
    pub clamped: &'static [(&'static str, &'static str, f64, f64)],
    /// How agents are offered to other agents, if by their description.
    pub delegation: Option<&'static Delegation>,
    /// How it reads Agent Skills (`SKILL.md`): folders, naming, what drops a skill; `None`
    /// when it reads none or nothing is known (the tables: [`super::skills_by_tool`]).
    pub skills: Option<&'static super::skills_by_tool::SkillReading>,
    /// How a command file's path becomes the name it is invoked by; `None`: Claude Code's way
    /// (`commands/gsd/plan.md` is `/gsd:plan`).
    pub command_naming: Option<&'static super::CommandNaming>,
    /// What the product does with a command whose `agent` it does not have, when it is more
    /// than a name it may find elsewhere ("finds no agent to run it, and every run of this
    /// command fails"): the unknown-agent message then lists its built-in agents.
    pub unknown_agent: Option<&'static str>,
}

// By hand: a product's formats point back to it, and a derived `Debug` would never end.
impl std::fmt::Debug for Product {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Product")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Messages write a product as its name.
impl std::fmt::Display for Product {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// A product is one static value: two are the same when they are the same value.
impl PartialEq for Product {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
impl Eq for Product {}

impl Product {
    /// The range `key` is clamped to for a model starting with the prefix.
    pub fn clamped(&self, key: &str) -> Option<(&'static str, f64, f64)> {
        self.clamped
            .iter()
            .find(|(k, ..)| *k == key)
            .map(|&(_, p, lo, hi)| (p, lo, hi))
    }

    /// The keys of `format` that pick the agent running it, if it is the picking format.
    pub fn agent_keys(&self, format: &Format) -> &'static [&'static str] {
        match &self.agent_picker {
            Some(p) if std::ptr::eq(p.format, format) => p.keys,
            _ => &[],
        }
    }

    /// The format that replaced `format`, when `format` is this product's legacy one.
    pub fn replacement_of(&self, format: &Format) -> Option<&'static Format> {
        self.legacy_format
            .filter(|(old, _)| std::ptr::eq(*old, format))
            .map(|(_, new)| new)
    }

    /// Deprecated keys of `format`: `(old, new)`.
    pub fn deprecated_keys_of<'a>(
        &self,
        format: &'a Format,
    ) -> impl Iterator<Item = (&'static str, &'static str)> + 'a {
        self.deprecated_keys
            .iter()
            .filter(move |(f, ..)| std::ptr::eq(*f, format))
            .map(|&(_, old, new)| (old, new))
    }

    pub fn builtin_agent(&self, name: &str) -> Option<&'static BuiltinAgent> {
        self.builtin_agents.iter().find(|a| a.name == name)
    }
}

/// Where agents come from besides the workspace, in the words of an unknown-agent message:
/// "no agent named `x` in this workspace and no {builtin}; fine if it is {outside}".
#[derive(Debug)]
pub struct AgentsElsewhere {
    pub builtin: &'static str,
    pub outside: &'static str,
}

/// The format whose keys name the agent that runs a file, and those keys.
#[derive(Debug)]
pub struct AgentPicker {
    pub format: &'static Format,
    pub keys: &'static [&'static str],
}

/// An agent a product ships, which a file may name without defining it.
#[derive(Debug)]
pub struct BuiltinAgent {
    pub name: &'static str,
    pub doc: &'static str,
    /// The agent runs tools; a prompt's `tools` are ignored with one that does not.
    pub runs_tools: bool,
}

/// How a product writes a tool list, with its catalog.
#[derive(Debug, Clone, Copy)]
pub enum Tools {
    /// No tool lists.
    None,
    /// A comma-separated string or a YAML list of tool names and permission rules:
    /// `Read`, `Bash(git *)`, `mcp__server__tool` (Claude Code).
    Rules(&'static RuleTools),
    /// A YAML list (or comma string) of namespaced tools, tool sets and `server/*` (VS Code).
    Sets(&'static SetTools),
    /// A mapping of tool id → `true`/`false`, next to a `permission` mapping (OpenCode).
    Switches(&'static SwitchTools),
    /// A YAML list of plain tool names that a loader validates: a string, or a name it does
    /// not accept, is a bad value of the key (Gemini CLI refuses the agent).
    Names(&'static NameTools),
}

/// Tool names checked one by one, with wildcards: `*`, `mcp_*`, `mcp_server_tool`.
#[derive(Debug)]
pub struct NameTools {
    pub tools: &'static [NameTool],
    /// Old names the loader still maps: `(old, current)`.
    pub aliases: &'static [(&'static str, &'static str)],
    /// The loader accepts the name (a tool, an alias, a wildcard, an MCP name).
    pub valid: fn(&str) -> bool,
    /// A name the loader accepts though it is no tool of the catalog (MCP names, wildcards):
    /// what it stands for, for messages and hovers.
    pub pattern_doc: fn(&str) -> Option<&'static str>,
    /// Another product's tool name written here (`Read`): this product's name for it.
    pub from_foreign: fn(&str) -> Option<&'static str>,
    /// Whose names `from_foreign` knows ("Claude Code").
    pub foreign: &'static str,
}

impl NameTools {
    pub fn tool(&self, name: &str) -> Option<&'static NameTool> {
        let name = self.aliases.iter().find(|(a, _)| *a == name).map_or(name, |(_, to)| to);
        self.tools.iter().find(|t| t.name == name)
    }
}

/// A tool of a [`NameTools`] catalog.
#[derive(Debug)]
pub struct NameTool {
    pub name: &'static str,
    pub doc: &'static str,
    /// A subagent that lists it gets it in a plain headless session; `Some(why)` when it gets
    /// nothing there (the session lacks the tool, or subagents never get it).
    pub not_given: Option<&'static str>,
}

/// Tool names with permission rules: `Tool` or `Tool(specifier)`.
#[derive(Debug)]
pub struct RuleTools {
    pub tools: &'static [RuleTool],
    /// Tools a subagent never gets, even when its list names them.
    pub never_in_subagents: &'static [&'static str],
    /// Specifiers offered after `Tool(`.
    pub rule_forms: &'static [RuleForm],
    /// The tool whose specifier names agent types (`Agent(name)`).
    pub agent_tool: &'static str,
    /// The tool that runs shell commands, whose presence withholds some search tools.
    pub shell_tool: &'static str,
    /// The prefix of MCP tool names (`mcp__server__tool`).
    pub mcp_prefix: &'static str,
    pub lookup: fn(&str) -> Option<&'static RuleTool>,
    /// The tool a name stands for: itself, or the one an alias maps to.
    pub resolve: fn(&str) -> Option<&'static RuleTool>,
    /// A name that gives a subagent nothing in any session.
    pub never_resolves_in_subagents: fn(&str) -> bool,
}

impl RuleTools {
    /// Names a user can be pointed to (current tools and working aliases).
    pub fn suggestable(&'static self) -> impl Iterator<Item = &'static str> {
        self.tools
            .iter()
            .filter(|t| !matches!(t.status, ToolStatus::Retired(_)))
            .map(|t| t.name)
    }

    /// A tool's current name (`Task` → `Agent`).
    pub fn canonical<'a>(&self, name: &'a str) -> &'a str {
        match (self.lookup)(name).map(|t| t.status) {
            Some(ToolStatus::Alias(to)) => to,
            _ => name,
        }
    }
}

/// Namespaced tools and tool sets (`search/codebase`, `search`), renamed old names, and tools
/// of MCP servers and extensions (`server/*`).
#[derive(Debug)]
pub struct SetTools {
    pub tool_sets: &'static [SetTool],
    pub tools: &'static [SetTool],
    pub lookup: fn(&str) -> SetLookup,
}

impl SetTools {
    /// Every current name, for completion and did-you-mean.
    pub fn names(&'static self) -> impl Iterator<Item = &'static str> {
        self.tool_sets.iter().chain(self.tools).map(|t| t.name)
    }

    pub fn is_set(&self, name: &str) -> bool {
        self.tool_sets.iter().any(|s| s.name == name)
    }

    /// The tools of a set, by full name (`search/codebase` for `search`).
    pub fn tools_of<'a>(&'static self, set: &'a str) -> impl Iterator<Item = &'static SetTool> + 'a {
        self.tools
            .iter()
            .filter(move |t| t.name.split_once('/').is_some_and(|(s, _)| s == set))
    }
}

/// Tools switched on and off by id, and the permissions asked for them.
#[derive(Debug)]
pub struct SwitchTools {
    /// `(id, doc)` of the tools every session has.
    pub tools: &'static [(&'static str, &'static str)],
    /// `(id, doc)` of the tools only some sessions have.
    pub session_tools: &'static [(&'static str, &'static str)],
    pub permissions: &'static [ToolPermission],
    /// Keys accepted and never consulted: `(key, why, what to write instead)`.
    pub no_effect: &'static [(&'static str, &'static str, Option<&'static str>)],
    /// Tool ids that all stand for the edit permission.
    pub as_edit: &'static [&'static str],
    pub permission_values: &'static [Choice],
}

impl SwitchTools {
    /// Every built-in tool id with its doc.
    pub fn all(&'static self) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
        self.tools.iter().chain(self.session_tools)
    }

    pub fn no_effect(&self, key: &str) -> Option<&'static (&'static str, &'static str, Option<&'static str>)> {
        self.no_effect.iter().find(|(k, ..)| *k == key)
    }

    pub fn permission(&self, key: &str) -> Option<&'static ToolPermission> {
        self.permissions.iter().find(|p| p.key == key)
    }
}

/// Which model names a product takes, with its catalog.
#[derive(Debug, Clone, Copy)]
pub enum Models {
    None,
    /// Aliases and ids, sent to the API as written when unknown (Claude Code).
    Aliases(&'static AliasModels),
    /// Names as a model picker shows them, checked against the user's setup (VS Code).
    Picker(&'static PickerModels),
    /// `provider/model-id`, looked up in the product's catalogue (OpenCode).
    Providers(&'static ProviderModels),
}

#[derive(Debug)]
pub struct AliasModels {
    pub models: &'static [Model],
    pub lookup: fn(&str) -> Option<&'static Model>,
    /// A cloud provider's id of a model (Bedrock, Vertex AI), sent as is.
    pub provider_id: fn(&str) -> bool,
}

#[derive(Debug)]
pub struct PickerModels {
    /// Whose models these are, as messages name them ("Copilot model `gpt-4.1`").
    pub brand: &'static str,
    /// `(display name, model id, doc)`.
    pub models: &'static [(&'static str, &'static str, &'static str)],
    pub lookup: fn(&str) -> Option<&'static (&'static str, &'static str, &'static str)>,
    /// Whose model names people write here by mistake, and the name to write instead.
    pub foreign: &'static super::Product,
    pub from_foreign: fn(&str) -> Option<&'static str>,
    /// What the `model` key's snippet starts with.
    pub example: &'static str,
}

#[derive(Debug)]
pub struct ProviderModels {
    /// The providers whose catalogue the product ships.
    pub providers: &'static [Provider],
    /// What the `model` key's snippet starts with, and what messages show as an example.
    pub example: &'static str,
    /// Another product's model name written here (`sonnet`): this product's name for it.
    pub from_foreign: fn(&str) -> Option<String>,
}

#[derive(Debug)]
pub struct Provider {
    pub name: &'static str,
    /// The model ids its catalogue has.
    pub ids: &'static [&'static str],
    /// Another product's catalog that documents these models (for completion and hover).
    pub described_by: Option<&'static AliasModels>,
}

// The entries of each catalog shape.

/// Whether a tool name still resolves in the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolStatus {
    Current,
    /// An old name the loader still maps to the named tool.
    Alias(&'static str),
    /// No longer exists: the loader drops it. The payload is what to use instead.
    Retired(&'static str),
}

/// When a tool exists in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAvailability {
    /// In every session (`claude -p` included): a subagent that lists it gets it.
    Always,
    /// Only in some sessions (a platform, a setting, a connected service, the interactive UI);
    /// in a plain `claude -p` session the name resolves to nothing.
    Sometimes,
    /// Never given to a subagent, even when its `tools` lists it.
    NotInSubagents,
    /// Withheld from an agent that has Bash, wherever Bash runs (Linux, macOS, Windows with
    /// Git Bash): Claude Code's native build searches with `grep` and `find` through Bash
    /// instead. An agent without Bash gets it.
    NotBesideBash,
}

/// A tool of a [`RuleTools`] catalog.
#[derive(Debug)]
pub struct RuleTool {
    pub name: &'static str,
    pub doc: &'static str,
    /// Does not change files, processes or outside state.
    pub read_only: bool,
    pub status: ToolStatus,
    pub availability: RuleAvailability,
}

/// A permission-rule form offered after `Tool(` (formats.md §6, docs/format-sources.md §1
/// "Specifier grammar", from the Claude Code tools reference).
#[derive(Debug)]
pub struct RuleForm {
    pub tool: &'static str,
    /// What goes between the parentheses.
    pub specifier: &'static str,
    pub doc: &'static str,
}

/// What a model name of an [`AliasModels`] catalog is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelStatus {
    /// A documented subagent alias (matched case-insensitively).
    Alias,
    /// Accepted by `--model` but not documented for subagents.
    CliAlias,
    Active,
    /// Requests fail: the payload is the retirement date.
    Retired(&'static str),
    /// Needs special access.
    Restricted,
    /// Not a model, though Claude Code sends it as one (every request fails).
    Verbatim,
}

impl ModelStatus {
    /// A short label for completion details and hovers.
    pub fn describe(self) -> String {
        match self {
            ModelStatus::Alias => "alias".into(),
            ModelStatus::CliAlias => "`--model` alias, not documented for subagents".into(),
            ModelStatus::Active => "model id".into(),
            ModelStatus::Retired(date) => format!("retired {date}: requests fail"),
            ModelStatus::Restricted => "model id, restricted access".into(),
            ModelStatus::Verbatim => "not a model: sent as is, and requests fail".into(),
        }
    }
}

/// A model of an [`AliasModels`] catalog.
#[derive(Debug)]
pub struct Model {
    pub id: &'static str,
    pub doc: &'static str,
    pub status: ModelStatus,
    /// What to use instead (retired models).
    pub replacement: Option<&'static str>,
    /// The model id Claude Code sends when a subagent names this value, where it is not the
    /// value itself (an alias, a retired id it maps to a current one).
    pub sends: Option<&'static str>,
}

/// Whether every setup of the product has a tool, or only some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAvailability {
    Always,
    /// Only where this holds (a setting, the desktop app); the text says what.
    Setup(&'static str),
}

/// A current tool or tool set name.
#[derive(Debug)]
pub struct SetTool {
    pub name: &'static str,
    pub doc: &'static str,
    pub availability: SetAvailability,
}

/// An old name VS Code still maps: the names it stands for now (VS Code lists all of them,
/// sorted; the first is the one to write), and whether every VS Code maps it.
#[derive(Debug)]
pub struct Renamed {
    pub old: &'static str,
    pub new: &'static [&'static str],
    pub availability: SetAvailability,
}

/// What a name of a [`SetTools`] list is.
pub enum SetLookup {
    /// A current tool or tool set.
    Known(&'static SetTool),
    /// An old name and what it stands for now.
    Renamed(&'static Renamed),
    /// `server/*` (an MCP server), `server/tool`, `publisher.ext/tool`, `github/*`: tools of MCP
    /// servers and extensions, which only the user's setup has.
    External,
    Unknown,
}

/// One permission a [`SwitchTools`] product asks for.
#[derive(Debug)]
pub struct ToolPermission {
    pub key: &'static str,
    /// Takes a mapping of patterns to actions as well as one action; the others take an action
    /// only, and a mapping is a configuration error.
    pub patterns: bool,
    pub doc: &'static str,
}
