//! "Did you mean": the nearest known name to a misspelt one.

/// The closest candidate, if it is close enough to be what the user meant. A case-insensitive
/// match always wins; otherwise edit distance must be small relative to the word.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    let limit = match word.chars().count() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    let mut best: Option<(&str, f64)> = None;
    // Runs for every unknown name on every keystroke: each candidate is lowercased once, and
    // the distances are computed only for candidates that can still qualify.
    for c in candidates {
        let lc = c.to_lowercase();
        if lc == lower {
            return Some(c);
        }
        // `WriteFile` → `Write`: a known name plus a common suffix.
        let extends = c.len() >= 4 && lower.starts_with(&lc) && word.len() <= c.len() + 5;
        // The length difference is a lower bound of the edit distance.
        if !extends && len.abs_diff(lc.chars().count()) > limit {
            continue;
        }
        if !extends && strsim::levenshtein(&lower, &lc) > limit {
            continue;
        }
        let score = strsim::jaro_winkler(&lower, &lc);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_names_only() {
        let tools = ["Read", "Write", "Grep", "Glob", "WebFetch"];
        assert_eq!(nearest("read", tools), Some("Read"));
        assert_eq!(nearest("Wirte", tools), Some("Write"));
        assert_eq!(nearest("WebFecth", tools), Some("WebFetch"));
        assert_eq!(nearest("Deploy", tools), None);
        assert_eq!(nearest("sonet", ["sonnet", "opus"]), Some("sonnet"));
        assert_eq!(nearest("WriteFile", tools), Some("Write"));
    }
}
