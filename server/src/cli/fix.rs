//! `check --fix` and `check --diff`: the safe quick fixes of every finding, applied to files on
//! disk (written atomically, and only when something changes) or shown as a unified diff.

use crate::analysis::code_actions::{apply, safe_fixes};
use crate::analysis::diagnostics;
use crate::config::{self, Config};
use crate::document::Document;
use crate::formats::Format;
use std::path::Path;

/// Fixing can uncover or shift other findings; a few rounds reach a fixed point.
const MAX_ROUNDS: usize = 4;

/// `text` with every safe fix applied, and how many fixes that took; `None` when nothing
/// changes. Only findings the configuration keeps are fixed.
pub fn fixed_text(text: &str, path: &Path, format: &'static Format, config: &Config) -> Option<(String, usize)> {
    let mut current = text.to_string();
    let mut count = 0;
    for _ in 0..MAX_ROUNDS {
        let doc = Document::without_outline(&current, Some(path.to_path_buf()));
        let diags = config::apply(
            config,
            &doc,
            format.id,
            diagnostics::diagnostics_for(&doc, format, config.targets()),
        );
        let edits = safe_fixes(&diags);
        if edits.is_empty() {
            break;
        }
        let next = apply(&current, &edits);
        if next == current {
            break;
        }
        count += diags
            .iter()
            .filter(|d| d.fixes.first().is_some_and(|f| f.in_fix_all))
            .count()
            .min(edits.len());
        current = next;
    }
    (current != text).then_some((current, count))
}

/// Replaces `path`'s contents in one step: a temporary file beside it, renamed over it, with the
/// original's permissions. A reader sees the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.agentls-{}.tmp", std::process::id()));
    let result = (|| {
        std::fs::write(&tmp, contents)?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context) between two texts.
pub fn unified_diff(shown: &str, before: &str, after: &str) -> String {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let ops = line_ops(&old, &new);
    let mut out = format!("--- a/{shown}\n+++ b/{shown}\n");
    const CONTEXT: usize = 3;
    // Indices (into `ops`) of changes, grouped when their context would touch.
    let changes: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &i in &changes {
        match groups.last_mut() {
            Some((_, end)) if i <= *end + 2 * CONTEXT + 1 => *end = i,
            _ => groups.push((i, i)),
        }
    }
    for (first, last) in groups {
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(ops.len());
        let (mut old_start, mut new_start) = (None, None);
        let (mut old_len, mut new_len) = (0, 0);
        let mut body = String::new();
        for op in &ops[start..end] {
            let (line, prefix) = match *op {
                Op::Same(o, n) => {
                    old_start.get_or_insert(o);
                    new_start.get_or_insert(n);
                    old_len += 1;
                    new_len += 1;
                    (old[o], ' ')
                }
                Op::Delete(o, n) => {
                    old_start.get_or_insert(o);
                    new_start.get_or_insert(n);
                    old_len += 1;
                    (old[o], '-')
                }
                Op::Insert(o, n) => {
                    old_start.get_or_insert(o);
                    new_start.get_or_insert(n);
                    new_len += 1;
                    (new[n], '+')
                }
            };
            body.push(prefix);
            body.push_str(line);
            if !line.ends_with('\n') {
                body.push_str("\n\\ No newline at end of file\n");
            }
        }
        let show = |start: Option<usize>, len: usize| {
            let s = start.unwrap_or(0);
            if len == 0 {
                format!("{s},0")
            } else {
                format!("{},{len}", s + 1)
            }
        };
        out.push_str(&format!(
            "@@ -{} +{} @@\n{body}",
            show(old_start, old_len),
            show(new_start, new_len)
        ));
    }
    out
}

/// One line of the edit script: positions in the old and new line lists.
#[derive(Debug, Clone, Copy)]
enum Op {
    Same(usize, usize),
    Delete(usize, usize),
    Insert(usize, usize),
}

/// The edit script between two line lists. Fixes change a few lines of a file, so the common
/// prefix and suffix are taken first and a plain LCS table runs on the (small) middle.
fn line_ops(old: &[&str], new: &[&str]) -> Vec<Op> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[prefix..old.len() - suffix], &new[prefix..new.len() - suffix]);
    let mut ops: Vec<Op> = (0..prefix).map(|i| Op::Same(i, i)).collect();
    if a.len() * b.len() > 4_000_000 {
        // Too large a middle for the table: show it as replaced wholesale.
        ops.extend((0..a.len()).map(|i| Op::Delete(prefix + i, prefix)));
        ops.extend((0..b.len()).map(|j| Op::Insert(prefix + a.len(), prefix + j)));
    } else {
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                ops.push(Op::Same(prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                // Deletions before insertions, as diff tools print them.
                ops.push(Op::Delete(prefix + i, prefix + j));
                i += 1;
            } else {
                ops.push(Op::Insert(prefix + i, prefix + j));
                j += 1;
            }
        }
    }
    let (o, n) = (old.len() - suffix, new.len() - suffix);
    ops.extend((0..suffix).map(|k| Op::Same(o + k, n + k)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_hunks_with_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        let after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n";
        assert_eq!(
            unified_diff("x.md", before, after),
            "--- a/x.md\n+++ b/x.md\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n+L\n"
        );
        assert_eq!(
            unified_diff("x.md", "a\n", "a\nb"),
            "--- a/x.md\n+++ b/x.md\n@@ -1,1 +1,2 @@\n a\n+b\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn fixes_reach_a_fixed_point() {
        let text = "---\nname: x\ndescription: Use when: reviewing\ntools: Read, Grpe, Read\nmodel: sonet\ncolour: red\n---\nBody\n";
        let format = crate::formats::by_id("claude-agent").unwrap();
        let (fixed, n) = fixed_text(text, Path::new("p/.claude/agents/x.md"), format, &Config::default()).unwrap();
        assert!(n >= 4, "{n}");
        let doc = Document::without_outline(&fixed, Some("p/.claude/agents/x.md".into()));
        let left: Vec<String> = diagnostics::diagnostics_as(&doc, format)
            .into_iter()
            .map(|d| d.code)
            .collect();
        assert!(left.is_empty(), "{left:?}\n{fixed}");
    }
}
