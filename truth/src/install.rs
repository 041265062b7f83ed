//! Installing the real tools: the versions pinned in `truth/tools.toml`, from npm, into a cache
//! outside the repository (`$AGENTLS_TRUTH_CACHE`, else `~/.cache/agentls-truth`). An install is
//! done once per version; a fresh machine downloads each tool once.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One tool of `tools.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct Pin {
    pub package: String,
    pub version: String,
}

/// The pinned tools, by the name `tools.toml` gives them (`claude-code`, `code-server`, …).
pub fn pins() -> BTreeMap<String, Pin> {
    let text = include_str!("../tools.toml");
    toml::from_str(text).expect("truth/tools.toml is valid")
}

/// The pin of one tool; panics on a name `tools.toml` does not have (a programming error).
pub fn pin(tool: &str) -> Pin {
    pins()
        .remove(tool)
        .unwrap_or_else(|| panic!("truth/tools.toml has no [{tool}]"))
}

/// Where installs go.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("AGENTLS_TRUTH_CACHE") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("agentls-truth")
}

/// The newest version of an npm package (`npm view PKG version`).
pub fn latest_version(package: &str) -> Result<String, String> {
    let out = Command::new("npm")
        .args(["view", package, "version"])
        .output()
        .map_err(|e| format!("npm could not be started: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "npm view {package} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Installs `package@version` into its own folder of the cache (once) and returns that folder,
/// which holds `node_modules/`.
pub fn npm_install(package: &str, version: &str) -> Result<PathBuf, String> {
    let slug = package.trim_start_matches('@').replace('/', "+");
    let dir = cache_dir().join(format!("{slug}@{version}"));
    let marker = dir.join(".installed");
    if marker.exists() {
        return Ok(dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    eprintln!("truth: installing {package}@{version} into {}", dir.display());
    let out = Command::new("npm")
        .current_dir(&dir)
        .args([
            "install",
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            &format!("{package}@{version}"),
        ])
        .output()
        .map_err(|e| format!("npm could not be started: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "npm install {package}@{version} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    std::fs::write(&marker, "").map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(dir)
}

/// An installed tool: its executable and the version it was installed as.
#[derive(Debug, Clone)]
pub struct Installed {
    pub bin: PathBuf,
    pub version: String,
}

/// Which version to install: the pinned one, or with `latest` the newest on npm.
pub fn version_of(tool: &str, latest: bool) -> Result<(Pin, String), String> {
    let pin = pin(tool);
    let version = if latest {
        latest_version(&pin.package)?
    } else {
        pin.version.clone()
    };
    Ok((pin, version))
}

/// Claude Code: the npm package ships the native binary as `bin/claude.exe`.
pub fn claude_code(latest: bool) -> Result<Installed, String> {
    let (pin, version) = version_of("claude-code", latest)?;
    let dir = npm_install(&pin.package, &version)?;
    let bin = dir.join("node_modules/@anthropic-ai/claude-code/bin/claude.exe");
    check_version(&bin, &["--version"], &version)?;
    Ok(Installed { bin, version })
}

/// OpenCode: the npm package's postinstall puts the platform package's native binary at
/// `bin/opencode.exe`. The version check runs hermetically (`crate::opencode::run`), since the
/// binary reads its configuration and data folders even for `--version`.
pub fn opencode(latest: bool) -> Result<Installed, String> {
    let (pin, version) = version_of("opencode", latest)?;
    let dir = npm_install(&pin.package, &version)?;
    let bin = dir.join("node_modules/opencode-ai/bin/opencode.exe");
    Ok(Installed { bin, version })
}

/// Kilo Code's CLI: the npm package's postinstall puts the platform package's native binary at
/// `bin/.kilo` (`bin/kilo` is a Node wrapper that starts it). Checked hermetically, as OpenCode.
pub fn kilo(latest: bool) -> Result<Installed, String> {
    let (pin, version) = version_of("kilo", latest)?;
    let dir = npm_install(&pin.package, &version)?;
    let bin = dir.join("node_modules/@kilocode/cli/bin/.kilo");
    Ok(Installed { bin, version })
}

/// The GitHub Copilot CLI: `@github/copilot` is a Node loader; npm brings the native binary as
/// the optional dependency `@github/copilot-linux-x64`, which is run directly.
pub fn copilot_cli(latest: bool) -> Result<Installed, String> {
    let (pin, version) = version_of("copilot-cli", latest)?;
    let dir = npm_install(&pin.package, &version)?;
    let bin = dir.join("node_modules/@github/copilot-linux-x64/copilot");
    check_version(&bin, &["--version"], &version)?;
    Ok(Installed { bin, version })
}

/// Runs `cmd` (a tool's `--version`) and checks that it prints `version`.
pub fn check_printed_version(mut cmd: Command, what: &str, version: &str) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{what} could not be started: {e}"))?;
    let printed = String::from_utf8_lossy(&out.stdout);
    if !printed.contains(version) {
        return Err(format!(
            "{what} --version printed {:?}, not version {version}",
            printed.trim()
        ));
    }
    Ok(())
}

/// Runs `bin ARGS` and checks that it prints `version` (a half-finished install, or a package
/// whose binary was not put in place by its postinstall, fails here with a clear message).
fn check_version(bin: &Path, args: &[&str], version: &str) -> Result<(), String> {
    let out = Command::new(bin)
        .args(args)
        .output()
        .map_err(|e| format!("{} could not be started: {e}", bin.display()))?;
    let printed = String::from_utf8_lossy(&out.stdout);
    if !printed.contains(version) {
        return Err(format!(
            "{} {} printed {:?}, not version {version}",
            bin.display(),
            args.join(" "),
            printed.trim()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_pin_names_a_package_and_an_exact_version() {
        let pins = super::pins();
        for name in ["claude-code", "code-server", "opencode", "kilo", "copilot-cli"] {
            let pin = &pins[name];
            assert!(!pin.package.is_empty());
            assert!(
                pin.version.split('.').all(|p| p.parse::<u32>().is_ok()),
                "{name}: {} is not an exact version",
                pin.version
            );
        }
    }
}
