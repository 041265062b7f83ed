//! Configuration: `agentls.toml` (or `.agentls.toml`) found by walking up from a file, and the
//! same settings from the editor (LSP `initializationOptions` / `workspace/didChangeConfiguration`),
//! where the editor's settings win over the file.
//!
//! Settings never change how a rule looks at a file; they are applied to its findings
//! afterwards ([`apply`]), together with inline `agentls-ignore` comments. So the CLI and the
//! server share one path, and a rule file never needs to know about configuration. The one
//! exception is `targets` ([`Config::targets`]): which tools a skill is for decides which
//! per-tool findings exist at all, so it goes to the analysis as an input.

pub mod schema;
mod suppress;

use crate::analysis::{Diagnostic, Severity};
use crate::document::{Document, TextRange};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file names looked for, in each directory from the file's own up to the root.
pub const FILE_NAMES: &[&str] = &["agentls.toml", ".agentls.toml"];

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    #[serde(alias = "information")]
    Info,
    Hint,
    Off,
}

/// Per-format settings (`[formats.claude-agent]`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FormatSettings {
    /// Extra path globs whose files are this format (relative to the config file).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Tool names to accept besides the catalog's (in-house MCP gateways, new tools).
    #[serde(default)]
    pub extra_tools: Vec<String>,
    /// Model names to accept besides the catalog's (proxies, new releases).
    #[serde(default)]
    pub extra_models: Vec<String>,
    /// Front matter keys to accept besides the catalog's (a collection's own `category`…).
    #[serde(default)]
    pub extra_keys: Vec<String>,
}

/// The settings, as written in `agentls.toml` or sent by the editor.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// Severity per rule code: `error`, `warning`, `info`, `hint` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Files to leave alone (globs relative to the config file).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// MCP servers configured outside the project (user settings agentls cannot see).
    #[serde(default)]
    pub mcp_servers: Vec<String>,
    #[serde(default)]
    pub formats: BTreeMap<String, FormatSettings>,
    /// The tools the project's skills are for, by id (`claude-code`, `cline`…): a `SKILL.md`
    /// gets a finding for each of them that would not load it. Unset: the tools that scan
    /// the file's folder.
    #[serde(default)]
    pub targets: Option<Vec<String>>,
}

/// The code every problem in a configuration file is reported with (CLI and editor alike).
pub const CONFIG_INVALID: &str = "config/invalid";

/// A problem in a configuration, with its byte range in the file when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub range: Option<TextRange>,
}

/// Settings ready to apply: globs compiled, relative to `root`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub settings: Settings,
    /// The directory the globs are relative to.
    pub root: PathBuf,
    /// The file these settings came from, if any.
    pub file: Option<PathBuf>,
    ignore: Option<globset::GlobSet>,
    format_paths: Vec<(&'static str, globset::GlobSet)>,
}

fn glob_set(globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        let glob = globset::GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("bad glob `{g}`: {e}"))?;
        b.add(glob);
    }
    b.build().map_err(|e| e.to_string())
}

/// Where a key or value sits in the TOML text, for errors found after parsing.
fn find_in(text: &str, needle: &str) -> Option<TextRange> {
    let quoted = format!("\"{needle}\"");
    text.find(&quoted)
        .map(|i| i..i + quoted.len())
        .or_else(|| text.find(needle).map(|i| i..i + needle.len()))
}

impl Settings {
    /// Parses `agentls.toml` text. Every error has a position in the file when one is known.
    pub fn from_toml(text: &str) -> Result<Settings, Vec<ConfigError>> {
        let settings: Settings = toml::from_str(text).map_err(|e| {
            vec![ConfigError {
                message: e.message().to_string(),
                range: e.span(),
            }]
        })?;
        let errors = settings.validate(|needle| find_in(text, needle));
        if errors.is_empty() { Ok(settings) } else { Err(errors) }
    }

    /// Parses the editor's settings (the same shape, as JSON).
    pub fn from_json(value: &serde_json::Value) -> Result<Settings, Vec<ConfigError>> {
        let settings: Settings = serde_json::from_value(value.clone()).map_err(|e| {
            vec![ConfigError {
                message: e.to_string(),
                range: None,
            }]
        })?;
        let errors = settings.validate(|_| None);
        if errors.is_empty() { Ok(settings) } else { Err(errors) }
    }

    /// Rule codes and format ids must exist, and globs must compile.
    fn validate(&self, locate: impl Fn(&str) -> Option<TextRange>) -> Vec<ConfigError> {
        let codes: Vec<String> = crate::analysis::diagnostics::rules::all_codes()
            .into_iter()
            .map(|(c, ..)| c)
            .collect();
        let mut errors = Vec::new();
        for code in self.rules.keys() {
            if !codes.contains(code) {
                let hint = crate::analysis::suggest::nearest(code, codes.iter().map(String::as_str))
                    .map(|s| format!(": did you mean `{s}`?"))
                    .unwrap_or_else(|| " (see `agentls rules`)".into());
                errors.push(ConfigError {
                    message: format!("unknown rule `{code}`{hint}"),
                    range: locate(code),
                });
            }
        }
        for (id, f) in &self.formats {
            if crate::formats::by_id(id).is_none() {
                let ids: Vec<&str> = crate::formats::FORMATS.iter().map(|f| f.id).collect();
                errors.push(ConfigError {
                    message: format!("unknown format `{id}` (known: {})", ids.join(", ")),
                    range: locate(id),
                });
            }
            if let Err(e) = glob_set(&f.paths) {
                errors.push(ConfigError {
                    message: e,
                    range: None,
                });
            }
        }
        let known = crate::formats::skills_by_tool::ids();
        for id in self.targets.iter().flatten() {
            if !known.contains(&id.as_str()) {
                let hint = crate::analysis::suggest::nearest(id, known.iter().copied())
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                errors.push(ConfigError {
                    message: format!(
                        "unknown product `{id}` in `targets`: {hint}(known: {})",
                        known.join(", ")
                    ),
                    range: locate(id),
                });
            }
        }
        if let Err(e) = glob_set(&self.ignore) {
            errors.push(ConfigError {
                message: e,
                range: None,
            });
        }
        errors
    }

    /// `self` with `over`'s settings on top (the editor's over the file's).
    pub fn overlay(&self, over: &Settings) -> Settings {
        let mut s = self.clone();
        s.rules.extend(over.rules.clone());
        s.ignore.extend(over.ignore.iter().cloned());
        s.mcp_servers.extend(over.mcp_servers.iter().cloned());
        // A list of tools is one choice: the editor's replaces the file's.
        if over.targets.is_some() {
            s.targets = over.targets.clone();
        }
        for (id, f) in &over.formats {
            let mine = s.formats.entry(id.clone()).or_default();
            mine.paths.extend(f.paths.iter().cloned());
            mine.extra_tools.extend(f.extra_tools.iter().cloned());
            mine.extra_models.extend(f.extra_models.iter().cloned());
            mine.extra_keys.extend(f.extra_keys.iter().cloned());
        }
        s
    }
}

impl Config {
    /// Compiles validated settings; globs are relative to `root`.
    pub fn new(settings: Settings, root: PathBuf, file: Option<PathBuf>) -> Config {
        let ignore = glob_set(&settings.ignore).ok().filter(|s| !s.is_empty());
        let format_paths = settings
            .formats
            .iter()
            .filter_map(|(id, f)| {
                let format = crate::formats::by_id(id)?;
                Some((format.id, glob_set(&f.paths).ok().filter(|s| !s.is_empty())?))
            })
            .collect();
        Config {
            settings,
            root,
            file,
            ignore,
            format_paths,
        }
    }

    /// The tools `targets` names, `None` when it is not set (the tools that scan each file's
    /// folder). Unlike the other settings, it decides which findings a rule makes, so callers
    /// hand it to the analysis.
    pub fn targets(&self) -> Option<&[String]> {
        self.settings.targets.as_deref()
    }

    fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Whether the user asked agentls to leave this file alone.
    pub fn is_ignored(&self, path: &Path) -> bool {
        self.ignore.as_ref().is_some_and(|g| g.is_match(self.relative(path)))
    }

    /// The format a user's extra path glob assigns to this file.
    pub fn format_for(&self, path: &Path) -> Option<&'static crate::formats::Format> {
        let rel = self.relative(path);
        self.format_paths
            .iter()
            .find(|(_, g)| g.is_match(rel))
            .and_then(|(id, _)| crate::formats::by_id(id))
    }

    /// The severity `[rules]` gives `code`, `default` when it sets none, `None` when it is off.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.settings.rules.get(code).copied() {
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Information),
            Some(Level::Hint) => Some(Severity::Hint),
            None => Some(default),
        }
    }
}

/// Finds the configuration file that applies to `path`: the nearest `agentls.toml` or
/// `.agentls.toml` in its directory or any parent.
pub fn find_file(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() { Some(path) } else { path.parent() };
    start?
        .ancestors()
        .find_map(|dir| FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.exists()))
}

/// Loads the configuration that applies to `path` (defaults when there is none). A bad file
/// gives its errors and the defaults: agentls never refuses to run over its configuration.
pub fn load_for(path: &Path) -> (Config, Option<(PathBuf, Vec<ConfigError>)>) {
    match find_file(path) {
        Some(file) => {
            let root = file.parent().map(Path::to_path_buf).unwrap_or_default();
            load_file(file, root)
        }
        None => (Config::default(), None),
    }
}

/// Loads one configuration file, its globs relative to `root`.
pub fn load_file(file: PathBuf, root: PathBuf) -> (Config, Option<(PathBuf, Vec<ConfigError>)>) {
    let text = match crate::workspace::read_text(&file) {
        Ok(t) => t,
        Err(e) => {
            let err = ConfigError {
                message: format!("cannot read: {e}"),
                range: None,
            };
            return (
                Config {
                    root,
                    ..Default::default()
                },
                Some((file, vec![err])),
            );
        }
    };
    match Settings::from_toml(&text) {
        Ok(settings) => (Config::new(settings, root, Some(file)), None),
        Err(errors) => (
            Config {
                root,
                ..Default::default()
            },
            Some((file, errors)),
        ),
    }
}

/// Configurations by directory, loaded once each: `check` asks for every file, the server for
/// every open document. Errors of bad files are kept to be reported once.
#[derive(Default)]
pub struct ConfigCache {
    inner: std::sync::Mutex<CacheInner>,
    /// `check --config FILE`: this file applies everywhere, instead of the nearest one, with
    /// its globs relative to this folder.
    only: Option<(PathBuf, PathBuf)>,
}

#[derive(Default)]
struct CacheInner {
    /// Directory → the config file that applies there.
    dirs: std::collections::HashMap<PathBuf, Option<PathBuf>>,
    /// Config file → its compiled settings.
    files: std::collections::HashMap<Option<PathBuf>, std::sync::Arc<Config>>,
    errors: BTreeMap<PathBuf, Vec<ConfigError>>,
}

impl ConfigCache {
    /// A cache in which `file` applies to every path, whatever configuration files sit
    /// nearer. Its globs are relative to the current directory, not to its folder: a file
    /// named on the command line (`.github/agentls.toml` in CI) speaks of the project it is
    /// run on, as ESLint's `--config` does.
    pub fn with_file(file: &Path) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        ConfigCache {
            only: Some((cwd.join(file), cwd)),
            ..Default::default()
        }
    }

    /// The configuration that applies to `path` (absolute or relative to the current directory).
    pub fn for_path(&self, path: &Path) -> std::sync::Arc<Config> {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let file = match (&self.only, inner.dirs.get(&dir)) {
            (Some((only, _)), _) => Some(only.clone()),
            (None, Some(f)) => f.clone(),
            (None, None) => {
                let f = find_file(&abs);
                inner.dirs.insert(dir, f.clone());
                f
            }
        };
        if let Some(c) = inner.files.get(&file) {
            return c.clone();
        }
        let (config, errors) = match (&file, &self.only) {
            (Some(f), Some((_, root))) => load_file(f.clone(), root.clone()),
            (Some(f), None) => load_for(f),
            (None, _) => (Config::default(), None),
        };
        if let Some((f, errs)) = errors {
            inner.errors.insert(f, errs);
        }
        let config = std::sync::Arc::new(config);
        inner.files.insert(file, config.clone());
        config
    }

    /// The problems found in configuration files so far, by file.
    pub fn errors(&self) -> BTreeMap<PathBuf, Vec<ConfigError>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).errors.clone()
    }
}

/// Decides, finding by finding, what the settings and the inline suppressions of one document
/// make of it. Built once per document; [`Judge::verdict`] is cheap.
pub struct Judge<'a> {
    config: &'a Config,
    doc: &'a Document,
    extras: Option<&'a FormatSettings>,
    suppressed: suppress::Suppressions,
}

impl Config {
    pub fn judge<'a>(&'a self, doc: &'a Document, format_id: &str) -> Judge<'a> {
        Judge {
            config: self,
            doc,
            extras: self.settings.formats.get(format_id),
            suppressed: suppress::Suppressions::of(doc),
        }
    }
}

impl Judge<'_> {
    /// The severity to report `d` with, or `None` when it is turned off, suppressed inline, or
    /// names something an `extra-*` list accepts.
    pub fn verdict(&self, d: &Diagnostic) -> Option<Severity> {
        if self.suppressed.covers(self.doc, d) {
            return None;
        }
        if let Some(extras) = self.extras {
            let subject = self.doc.slice(&d.range);
            let allowed = |list: &[String]| list.contains(&subject);
            let accepted = match d.code.rsplit('/').next().unwrap_or("") {
                "unknown-key" => allowed(&extras.extra_keys),
                "unknown-tool" | "removed-tool" => allowed(&extras.extra_tools),
                "unknown-model" | "retired-model" | "cli-only-model" => allowed(&extras.extra_models),
                _ => false,
            };
            if accepted {
                return None;
            }
        }
        self.config.severity(&d.code, d.severity)
    }
}

/// [`apply`] with a judge already built.
pub fn apply_judged(judge: &Judge, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter_map(|mut d| {
            d.severity = judge.verdict(&d)?;
            Some(d)
        })
        .collect()
}

/// Applies settings and inline suppressions to one document's findings: drops what is turned
/// off, suppressed or allowed by `extra-*` lists, and re-levels the rest.
pub fn apply(config: &Config, doc: &Document, format_id: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    apply_judged(&config.judge(doc, format_id), diags)
}

#[cfg(test)]
mod tests;
