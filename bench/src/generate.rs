//! Deterministic generators: agent files of a given size (front matter plus many Markdown
//! sections), the text a user types, and the files of the indexing workspace. Everything is
//! ASCII, so byte columns, UTF-8 columns and UTF-16 columns agree.

/// A small xorshift generator: the same seed gives the same files on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "review",
    "code",
    "changes",
    "tests",
    "security",
    "the",
    "agent",
    "checks",
    "every",
    "diff",
    "for",
    "bugs",
    "and",
    "style",
    "issues",
    "before",
    "merge",
    "reads",
    "files",
    "runs",
    "commands",
    "reports",
    "findings",
    "clearly",
    "with",
    "line",
    "numbers",
    "suggests",
    "fixes",
    "keeps",
    "answers",
    "short",
    "focused",
    "on",
    "correctness",
    "performance",
    "readability",
    "naming",
    "errors",
    "edge",
    "cases",
    "documentation",
];

const TOOLS: &[&str] = &[
    "Bash",
    "Edit",
    "Write",
    "WebFetch",
    "WebSearch",
    "TodoWrite",
    "NotebookEdit",
    "mcp__github__create_issue",
    "mcp__github__list_pulls",
    "mcp__jira__search",
    "Bash(git diff:*)",
    "Bash(npm test:*)",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(10);
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().expect("words are not empty").to_ascii_uppercase();
            s.push(first);
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 3 + rng.below(4);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// The front matter every generated agent starts with.
pub fn front_matter(name: &str) -> String {
    format!(
        "---\nname: {name}\ndescription: Use this agent to review code changes for correctness, style and security before they are merged. Use it proactively after every commit.\ntools: Read, Grep, Glob\nmodel: sonnet\ncolor: blue\n---\n"
    )
}

/// An agent file of about `target` bytes: the front matter, a title, then `##` sections with
/// paragraphs, lists, `###` subsections and the odd fenced code block, until the size is reached.
pub fn agent(name: &str, target: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = front_matter(name);
    s.push_str("\n# Code reviewer\n\nYou are a senior engineer who reviews code. ");
    s.push_str(&paragraph(&mut rng));
    s.push('\n');
    let mut section: usize = 1;
    while s.len() < target {
        s.push_str(&format!("\n## Section {section}: {}\n\n", rng.pick(WORDS)));
        s.push_str(&paragraph(&mut rng));
        s.push_str("\n\n");
        for _ in 0..2 + rng.below(3) {
            s.push_str("- ");
            s.push_str(&sentence(&mut rng));
            s.push('\n');
        }
        if section.is_multiple_of(3) {
            s.push_str(&format!("\n### Details {section}\n\n"));
            s.push_str(&paragraph(&mut rng));
            s.push('\n');
        }
        if section.is_multiple_of(5) {
            s.push_str("\n```sh\ngit diff --stat\ncargo test --workspace\n```\n");
        }
        section += 1;
    }
    s
}

/// The text a user types: `len` characters of sentences (a paragraph, or a description).
pub fn typed_prose(len: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::new();
    while s.len() < len {
        s.push(' ');
        s.push_str(&sentence(&mut rng));
    }
    s.truncate(len);
    s
}

/// The text typed at the end of the `tools:` line: `, Bash, Edit, …`, `len` characters.
pub fn typed_tools(len: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < len {
        s.push_str(", ");
        s.push_str(TOOLS[i % TOOLS.len()]);
        if i >= TOOLS.len() {
            s.push_str(&format!("_{i}")); // later rounds: new names, as MCP tools would be
        }
        i += 1;
    }
    s.truncate(len);
    s
}

/// One file of the indexing workspace (about 1.5 KB); one in seven has a finding or two.
pub fn index_agent(i: usize) -> String {
    let mut rng = Rng::new(i as u64 + 7);
    let tools = if i.is_multiple_of(7) {
        "Read, Raed, Grep"
    } else {
        "Read, Grep, Glob"
    };
    let model = if i.is_multiple_of(11) { "sonet" } else { "sonnet" };
    let mut s = format!(
        "---\nname: agent-{i:05}\ndescription: {}\ntools: {tools}\nmodel: {model}\n---\n\n# Agent {i}\n\n",
        sentence(&mut rng)
    );
    while s.len() < 1500 {
        s.push_str(&format!("## {}\n\n{}\n\n", rng.pick(WORDS), paragraph(&mut rng)));
    }
    s
}

/// Byte offset of the end of the first line that starts with `prefix`.
pub fn end_of_line_starting(text: &str, prefix: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(prefix) {
            return Some(at + line.trim_end_matches(['\n', '\r']).len());
        }
        at += line.len();
    }
    None
}

/// Where the paragraph is typed: on the blank line before the first `##` heading past the
/// middle of the file (so big files are edited in the middle, not at an end).
pub fn paragraph_point(text: &str) -> usize {
    let mid = text.len() / 2;
    let from = text[..mid].rfind('\n').map_or(0, |i| i + 1);
    match text[from..].find("\n\n## ") {
        Some(i) => from + i + 1,
        None => text.len(),
    }
}

/// 0-based line and column (bytes = UTF-16 units here: the text is ASCII) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let col = offset - before.rfind('\n').map_or(0, |i| i + 1);
    (line as u32, col as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_are_deterministic_and_sized() {
        let a = agent("x", 5_000, 1);
        assert_eq!(a, agent("x", 5_000, 1));
        assert!(a.len() >= 5_000 && a.len() < 6_500, "{}", a.len());
        assert!(a.is_ascii());
        assert_eq!(typed_prose(300, 3).len(), 300);
        assert_eq!(typed_tools(300).len(), 300);
        assert!(index_agent(14).contains("Raed"));
    }

    #[test]
    fn points_are_where_the_workloads_type() {
        let a = agent("x", 20_000, 1);
        let d = end_of_line_starting(&a, "description:").unwrap();
        assert_eq!(&a[d..d + 1], "\n");
        let p = paragraph_point(&a);
        assert!(p > a.len() / 2 - 2000 && a[p..].starts_with("\n## "), "{p}");
        assert_eq!(line_col("ab\ncd", 4), (1, 1));
    }
}
