//! Configuration in the server: `agentls.toml` files (found per document, reloaded when they
//! change on disk) under the editor's settings (`initializationOptions`,
//! `workspace/didChangeConfiguration`), which win. A broken file is reported as diagnostics on
//! the file itself and the defaults apply; the server never refuses to run over it.

use super::Backend;
use super::convert;
use super::types::*;
use crate::config::{Config, ConfigCache, ConfigError, Settings};
use dashmap::DashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

#[derive(Default)]
pub(super) struct ConfigState {
    /// The files, as last read from disk (replaced wholesale when one changes).
    files: RwLock<Arc<ConfigCache>>,
    /// The editor's settings, if it sent any.
    editor: RwLock<Option<Settings>>,
    /// File settings with the editor's on top, by config file (`None`: no file applies).
    merged: DashMap<Option<PathBuf>, Arc<Config>>,
    /// Config files whose errors are currently shown, so fixing one clears its diagnostics.
    reported: std::sync::Mutex<BTreeMap<PathBuf, usize>>,
}

/// The editor's settings object: either the settings themselves or `{"agentls": {...}}`.
fn settings_section(value: &serde_json::Value) -> Option<&serde_json::Value> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::Object(map) if map.is_empty() => None,
        v => Some(v.get("agentls").unwrap_or(v)),
    }
}

impl ConfigState {
    /// The configuration that applies to a document at `path` (or, without a path, the
    /// editor's settings alone).
    pub(super) fn for_path(&self, path: Option<&Path>) -> Arc<Config> {
        let files = self.files.read().unwrap_or_else(|e| e.into_inner()).clone();
        let file_config = path.map(|p| files.for_path(p));
        let key = file_config.as_ref().and_then(|c| c.file.clone());
        if let Some(c) = self.merged.get(&key) {
            return c.clone();
        }
        let editor = self.editor.read().unwrap_or_else(|e| e.into_inner()).clone();
        let (base, root) = match &file_config {
            Some(c) => (c.settings.clone(), c.root.clone()),
            None => (Settings::default(), std::env::current_dir().unwrap_or_default()),
        };
        let settings = match &editor {
            Some(e) => base.overlay(e),
            None => base,
        };
        let merged = Arc::new(Config::new(settings, root, key.clone()));
        self.merged.insert(key, merged.clone());
        merged
    }

    /// Takes the editor's settings; returns the problems found in them.
    pub(super) fn set_editor(&self, value: &serde_json::Value) -> Vec<ConfigError> {
        let (settings, errors) = match settings_section(value).map(Settings::from_json) {
            None => (None, Vec::new()),
            Some(Ok(s)) => (Some(s), Vec::new()),
            Some(Err(errors)) => (None, errors),
        };
        *self.editor.write().unwrap_or_else(|e| e.into_inner()) = settings;
        self.merged.clear();
        errors
    }

    /// Forgets every file read so far (one changed on disk).
    pub(super) fn reload_files(&self) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(ConfigCache::default());
        self.merged.clear();
    }

    fn errors(&self) -> BTreeMap<PathBuf, Vec<ConfigError>> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).errors()
    }
}

/// Whether a path is a configuration file.
pub(super) fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| crate::config::FILE_NAMES.contains(&n))
}

impl Backend {
    pub(super) fn settings_initialize(&self, params: &InitializeParams) {
        if let Some(options) = &params.initialization_options {
            let errors = self.config.set_editor(options);
            for e in errors {
                super::server::log(format!("ignoring the editor's agentls settings: {}", e.message));
            }
        }
    }

    /// New editor settings: every open document is diagnosed again.
    pub(super) async fn settings_changed(&self, params: DidChangeConfigurationParams) {
        let errors = self.config.set_editor(&params.settings);
        if !errors.is_empty() {
            let msg = errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ");
            self.client
                .show_message(MessageType::WARNING, format!("agentls settings ignored: {msg}"))
                .await;
        }
        self.republish_open().await;
    }

    /// A configuration file changed on disk: read them again and diagnose the open documents.
    pub(super) async fn settings_files_changed(&self) {
        self.config.reload_files();
        self.republish_open().await;
    }

    /// Publishes the problems of configuration files (and clears the ones fixed since).
    pub(super) async fn publish_config_errors(&self) {
        let errors = self.config.errors();
        let mut updates = Vec::new();
        {
            let mut reported = self.config.reported.lock().unwrap_or_else(|e| e.into_inner());
            for (file, errs) in &errors {
                if reported.get(file) != Some(&errs.len()) {
                    updates.push((file.clone(), errs.clone()));
                }
            }
            for file in reported.keys() {
                if !errors.contains_key(file) {
                    updates.push((file.clone(), Vec::new()));
                }
            }
            *reported = errors.iter().map(|(f, e)| (f.clone(), e.len())).collect();
        }
        for (file, errs) in updates {
            let Some(uri) = Uri::from_file_path(&file) else {
                continue;
            };
            let text = crate::workspace::read_text(&file).unwrap_or_default();
            let rope = ropey::Rope::from_str(&text);
            let enc = self.encoding();
            let mut diagnostics: Vec<Diagnostic> = errs
                .into_iter()
                .map(|e| Diagnostic {
                    range: convert::range(&rope, &e.range.unwrap_or(0..0), enc),
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(NumberOrString::String(crate::config::CONFIG_INVALID.into())),
                    source: Some("agentls".into()),
                    message: format!("{} (agentls uses its defaults until this is fixed)", e.message),
                    ..Default::default()
                })
                .collect();
            // `config/invalid` has a rule page like every other code.
            self.feat_code_descriptions(&mut diagnostics);
            self.client.publish_diagnostics(uri, diagnostics, None).await;
        }
    }

    /// Diagnoses every open document again and publishes with its current version.
    pub(super) async fn republish_open(&self) {
        let uris: Vec<Uri> = self.docs.iter().map(|e| e.key().clone()).collect();
        self.republish(uris).await;
        self.publish_config_errors().await;
    }
}
