//! Multi-file fixtures, as rust-analyzer writes them: one string, each file introduced by a
//! `//- /path` line. Used by tests and rule examples that need more than one file.

use std::path::PathBuf;

/// Splits a fixture into `(path, text)` pairs. Text before the first header is ignored; a
/// string without any header is one file at `default_path`.
pub fn parse(fixture: &str, default_path: &str) -> Vec<(PathBuf, String)> {
    if !fixture.lines().any(|l| l.starts_with("//- ")) {
        return vec![(PathBuf::from(default_path), fixture.to_string())];
    }
    let mut out: Vec<(PathBuf, String)> = Vec::new();
    for line in fixture.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix("//- ") {
            out.push((PathBuf::from(path.trim()), String::new()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_files() {
        let files = super::parse("//- /a.md\n# A\n//- /b/c.md\ntext\n", "x.md");
        assert_eq!(files.len(), 2);
        assert_eq!(files[1].0, std::path::PathBuf::from("/b/c.md"));
        assert_eq!(files[0].1, "# A\n");
        assert_eq!(super::parse("plain", "x.md")[0].0, std::path::PathBuf::from("x.md"));
    }
}
