//! Small helpers: temporary folders and a stable content hash.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A folder under the system's temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> std::io::Result<TempDir> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "agentls-truth-{label}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("AGENTLS_TRUTH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Writes `text` at `root/rel`, creating folders.
pub fn write_file(root: &Path, rel: &str, text: &[u8]) -> std::io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across Rust versions and machines, which
/// `std::hash` is not. Names a case's content in a recording.
pub fn fnv64(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0xff;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in *p {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv_is_stable_and_separates_parts() {
        assert_eq!(super::fnv64(&[b""]), "cbf29ce484222325");
        assert_ne!(super::fnv64(&[b"ab", b"c"]), super::fnv64(&[b"a", b"bc"]));
    }
}

/// Replaces every path of a harness temporary folder (`/tmp/agentls-truth-home-123-4/…`) by its
/// label in angle brackets (`<home>/…`): recordings name no machine paths, and a run's folders
/// differ from the next run's.
pub fn scrub_temp_dirs(text: &str) -> String {
    let tmp = std::env::temp_dir();
    let mut prefixes = vec![format!(
        "{}/agentls-truth-",
        tmp.to_string_lossy().trim_end_matches('/')
    )];
    if let Ok(c) = std::fs::canonicalize(&tmp) {
        prefixes.push(format!("{}/agentls-truth-", c.to_string_lossy().trim_end_matches('/')));
    }
    let mut out = text.to_string();
    for prefix in prefixes {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(&prefix) {
            result.push_str(&rest[..i]);
            let after = &rest[i + prefix.len()..];
            // `<label>-<pid>-<n>`: the label is letters, then two numbers.
            let label_len = after.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(after.len());
            let tail = &after[label_len..];
            let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let ok = label_len > 0 && tail.starts_with('-') && {
                let a = digits(&tail[1..]);
                a > 0 && tail[1 + a..].starts_with('-') && digits(&tail[2 + a..]) > 0
            };
            if ok {
                let a = digits(&tail[1..]);
                let b = digits(&tail[2 + a..]);
                result.push_str(&format!("<{}>", &after[..label_len]));
                rest = &tail[2 + a + b..];
            } else {
                result.push_str(&prefix);
                rest = after;
            }
        }
        result.push_str(rest);
        out = result;
    }
    out
}

#[cfg(test)]
mod scrub_tests {
    #[test]
    fn temp_dirs_become_their_labels() {
        let tmp = std::env::temp_dir();
        let t = tmp.to_string_lossy().trim_end_matches('/').to_string();
        let text = format!("set it in {t}/agentls-truth-home-11712-139/.claude.json and {t}/agentls-truth-project-1-2");
        assert_eq!(
            super::scrub_temp_dirs(&text),
            "set it in <home>/.claude.json and <project>"
        );
        let other = format!("{t}/agentls-truth-x");
        assert_eq!(super::scrub_temp_dirs(&other), other);
    }
}

/// Runs `cmd` to its end, or kills it after `timeout`: its stdout, its stderr and its exit
/// status (`None` when killed). `tool` names it in the error when it cannot be started. Both
/// pipes are drained on threads, so a tool that writes a lot cannot block on a full pipe.
pub fn run_with_timeout(
    mut cmd: std::process::Command,
    tool: &str,
    timeout: std::time::Duration,
) -> Result<(String, String, Option<i32>), String> {
    let mut child = cmd.spawn().map_err(|e| format!("{tool} could not be started: {e}"))?;
    let (mut so, mut se) = (child.stdout.take(), child.stderr.take());
    let t_out = std::thread::spawn(move || read_all(so.as_mut()));
    let t_err = std::thread::spawn(move || read_all(se.as_mut()));
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(s) => break s.code(),
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    };
    Ok((
        t_out.join().unwrap_or_default(),
        t_err.join().unwrap_or_default(),
        status,
    ))
}

/// All of a pipe, as text (lossy: a tool's output is for reading, not for bytes).
fn read_all(r: Option<&mut impl std::io::Read>) -> String {
    let mut buf = Vec::new();
    if let Some(r) = r {
        let _ = r.read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}
