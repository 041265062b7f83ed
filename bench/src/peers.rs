//! The servers people use today, installed into `target/bench-peers/` only with
//! `--with-peers`: yaml-language-server and vscode-markdown-languageserver from npm, agnix
//! (CLI) from PyPI in a venv, agnix-lsp from crates.io with `cargo install --root`. Each
//! install that fails (no registry, no node) leaves a note and the peer is skipped.

use crate::lsp::{ServerSpec, file_uri};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const YAML_LS: &str = "yaml-language-server@2.0.0";
pub const MARKDOWN_LS: &str = "vscode-markdown-languageserver@0.5.0";
pub const MARKDOWN_IT: &str = "markdown-it@14";
pub const AGNIX: &str = "agnix==0.59.3";

#[derive(Default)]
pub struct Peers {
    pub dir: PathBuf,
    npm: bool,
    agnix_cli: Option<PathBuf>,
    agnix_lsp: Option<PathBuf>,
    pub notes: Vec<String>,
}

fn run(cmd: &mut Command, what: &str, notes: &mut Vec<String>) -> bool {
    eprintln!("bench: installing {what}");
    match cmd.output() {
        Ok(out) if out.status.success() => true,
        Ok(out) => {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
            notes.push(format!("{what}: install failed ({}), skipped: {last}", out.status));
            false
        }
        Err(e) => {
            notes.push(format!("{what}: cannot run the installer ({e}), skipped"));
            false
        }
    }
}

pub fn install(root: &Path) -> Peers {
    let dir = root.join("target").join("bench-peers");
    let _ = std::fs::create_dir_all(&dir);
    let mut p = Peers {
        dir: dir.clone(),
        ..Default::default()
    };
    let npm_dir = dir.join("npm");
    let modules = npm_dir.join("node_modules");
    p.npm = (modules.join("yaml-language-server").is_dir()
        && modules.join("vscode-markdown-languageserver").is_dir()
        && modules.join("markdown-it").is_dir())
        || run(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(&npm_dir)
                .args([YAML_LS, MARKDOWN_LS, MARKDOWN_IT]),
            "yaml-language-server, vscode-markdown-languageserver, markdown-it (npm)",
            &mut p.notes,
        );
    let venv = dir.join("venv");
    let agnix = venv.join("bin").join("agnix");
    if agnix.exists()
        || (run(
            Command::new("python3").arg("-m").arg("venv").arg(&venv),
            "a Python venv for agnix",
            &mut p.notes,
        ) && run(
            Command::new(venv.join("bin").join("pip")).args(["install", "-q", AGNIX]),
            "agnix (PyPI)",
            &mut p.notes,
        ))
    {
        p.agnix_cli = agnix.exists().then_some(agnix);
    }
    let lsp = dir.join("bin").join("agnix-lsp");
    if !lsp.exists() {
        eprintln!("bench: agnix-lsp builds from source: about 5 minutes on 2 cores");
        run(
            Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
                .args(["install", "agnix-lsp", "--root"])
                .arg(&dir),
            "agnix-lsp (crates.io, cargo install)",
            &mut p.notes,
        );
    }
    p.agnix_lsp = lsp.exists().then_some(lsp);
    p
}

impl Peers {
    pub fn schema_path(root: &Path) -> PathBuf {
        root.join("bench").join("peers").join("subagent.schema.json")
    }

    pub fn schema_uri(&self, root: &Path) -> String {
        file_uri(&Self::schema_path(root))
    }

    fn node_env(&self) -> Vec<(String, String)> {
        vec![(
            "NODE_PATH".into(),
            self.dir.join("npm").join("node_modules").display().to_string(),
        )]
    }

    /// yaml-language-server with the subagent schema: associated by the modeline in each
    /// document and by `yaml.schemas`, given both in `workspace/configuration` answers and in
    /// `workspace/didChangeConfiguration`.
    pub fn yaml_ls(&self, root: &Path) -> Option<ServerSpec> {
        if !self.npm {
            return None;
        }
        let bin = self
            .dir
            .join("npm/node_modules/yaml-language-server/bin/yaml-language-server");
        Some(ServerSpec {
            name: "yaml-language-server".into(),
            command: vec!["node".into(), bin.display().to_string(), "--stdio".into()],
            env: self.node_env(),
            settings: json!({
                "yaml": {
                    "validate": true, "hover": true, "completion": true, "format": {"enable": false},
                    "schemas": {self.schema_uri(root): ["*.yaml"]},
                    "schemaStore": {"enable": false},
                },
                "http": {"proxy": "", "proxyStrictSSL": false},
                "[yaml]": {},
                "editor": {"tabSize": 2, "detectIndentation": false},
                "files": {"associations": {}},
            }),
            markdown_shim: None,
        })
    }

    pub fn markdown_ls(&self, root: &Path) -> Option<ServerSpec> {
        if !self.npm {
            return None;
        }
        let main = self
            .dir
            .join("npm/node_modules/vscode-markdown-languageserver/dist/node/workerMain.js");
        Some(ServerSpec {
            name: "vscode-markdown-languageserver".into(),
            command: vec!["node".into(), main.display().to_string(), "--stdio".into()],
            env: self.node_env(),
            settings: serde_json::Value::Null,
            markdown_shim: Some(root.join("bench").join("peers").join("markdown-parse-shim.js")),
        })
    }

    pub fn agnix_lsp(&self) -> Option<ServerSpec> {
        Some(ServerSpec {
            name: "agnix-lsp".into(),
            command: vec![self.agnix_lsp.as_ref()?.display().to_string()],
            env: Vec::new(),
            settings: serde_json::Value::Null,
            markdown_shim: None,
        })
    }

    pub fn agnix_cli(&self) -> Option<PathBuf> {
        self.agnix_cli.clone()
    }
}
