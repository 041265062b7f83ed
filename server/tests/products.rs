//! The analysis names no product. What a product is (its tools, models, built-in agents, the
//! formats some checks single out) lives in its module under `src/formats/`, and the analysis
//! reads it from `format.product`; so `src/analysis`, `src/workspace` and `src/cli` must not
//! name a product module (`formats::claude::…`, `claude_tools::…`), a product-named constant
//! (`CLAUDE_…`, `VSCODE_…`), the old `Vocab`, or a format id (`"copilot-prompt"`). Rule tables
//! (`rules.rs`, `rule_docs.rs`) may list format ids; tests (`tests.rs`, `#[cfg(test)]`) and
//! comments may name anything.

use std::path::{Path, PathBuf};

const SCANNED: &[&str] = &["src/analysis", "src/workspace", "src/cli"];

/// Per-product rule entries may stay in these tables (they list format ids, in constants
/// named after products, as data).
const RULE_TABLES: &[&str] = &["src/analysis/diagnostics/rules.rs", "src/analysis/rule_docs.rs"];

/// What counts as naming a product.
struct Names {
    /// Product modules (`claude`) and the old paths kept for formats (`claude_tools`).
    modules: Vec<String>,
    /// Prefixes of product-named constants (`CLAUDE_`).
    constants: Vec<String>,
    /// Every format id.
    ids: Vec<String>,
}

fn names() -> Names {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let formats = root.join("src/formats");
    // A product module is a folder under `src/formats/` …
    let mut modules: Vec<String> = std::fs::read_dir(&formats)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // … and every alias `formats/mod.rs` keeps for one of its modules (`pub use claude::tools
    // as claude_tools;`).
    let mod_rs = std::fs::read_to_string(formats.join("mod.rs")).unwrap();
    for line in mod_rs.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((path, alias)) = rest.trim_end_matches(';').split_once(" as ") else {
            continue;
        };
        if modules.iter().any(|m| path.starts_with(&format!("{m}::"))) {
            modules.push(alias.trim().to_string());
        }
    }
    let mut constants: Vec<String> = modules
        .iter()
        .filter(|m| !m.contains('_'))
        .map(|m| format!("{}_", m.to_uppercase()))
        .collect();
    // Products are also named by what messages call them (`VS Code` → `VSCODE_`).
    for p in agentls::formats::PRODUCTS {
        constants.push(format!("{}_", p.name.replace(' ', "").to_uppercase()));
    }
    let ids = agentls::formats::FORMATS.iter().map(|f| f.id.to_string()).collect();
    assert!(modules.len() >= 4, "found the product modules: {modules:?}");
    Names {
        modules,
        constants,
        ids,
    }
}

/// The offending places of one file's source: `(line, what)`.
fn violations(source: &str, names: &Names, rule_table: bool) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // `use` statements, joined across lines: a product module in a `use` group names it too.
    let mut statement = String::new();
    let mut statement_line = 0;
    // Inside a `#[cfg(test)]` item (tests may name any product): the braces still open, or
    // `Some(0)` right after the attribute.
    let mut test_item: Option<usize> = None;
    for (i, line) in source.lines().enumerate() {
        let n = i + 1;
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            test_item = Some(0);
            continue;
        }
        if let Some(depth) = test_item {
            let opened = depth + code.matches('{').count();
            let left = opened.saturating_sub(code.matches('}').count());
            // The item ends where its braces close, or at its `;` when it has none.
            let ends = if opened > 0 { left == 0 } else { code.ends_with(';') };
            test_item = (!ends).then_some(left);
            continue;
        }
        if code.starts_with("//") {
            continue;
        }
        let code = code.split(" //").next().unwrap_or(code);
        if statement.is_empty()
            && (code.starts_with("use ") || code.starts_with("pub use ") || code.starts_with("pub(crate) use "))
        {
            statement_line = n;
        }
        if statement_line != 0 {
            statement.push_str(code);
            statement.push(' ');
            if code.contains(';') {
                for t in idents(&statement) {
                    if names.modules.iter().any(|m| m == t.0) {
                        out.push((statement_line, format!("imports the product module `{}`", t.0)));
                    }
                }
                statement.clear();
                statement_line = 0;
            }
            continue;
        }
        for (ident, next) in idents(code) {
            if ident == "Vocab" {
                out.push((n, "names `Vocab`".into()));
            }
            if next.starts_with("::") && names.modules.iter().any(|m| m == ident) {
                out.push((n, format!("uses the product module `{ident}::`")));
            }
            if let Some(c) = names
                .constants
                .iter()
                .find(|c| ident.starts_with(c.as_str()))
                .filter(|_| !rule_table)
            {
                out.push((n, format!("uses the product constant `{ident}` ({c}…)")));
            }
        }
        if !rule_table {
            for id in &names.ids {
                if code.contains(&format!("\"{id}\"")) || code.contains(&format!("\"{id}/")) {
                    out.push((n, format!("names the format id `{id}`")));
                }
            }
        }
    }
    out
}

/// Identifiers of a line, each with the text right after it.
fn idents(line: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' {
            // Skip string literals: a message may say `Claude Code`.
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((&line[start..i], &line[i..]));
            continue;
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && p.file_name().is_some_and(|n| n != "tests.rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_analysis_names_no_product() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let names = names();
    let mut files = Vec::new();
    for dir in SCANNED {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 20, "scanned {} files", files.len());
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let source = std::fs::read_to_string(f).unwrap();
        let table = RULE_TABLES.contains(&rel.as_str());
        for (line, what) in violations(&source, &names, table) {
            found.push(format!("{rel}:{line}: {what}"));
        }
    }
    assert!(
        found.is_empty(),
        "{} product references outside the product modules (read it from `format.product` instead):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The scan finds each kind of reference it forbids, and lets the allowed ones be.
#[test]
fn the_scan_finds_product_references() {
    let names = names();
    let bad = r#"
use crate::formats::{Field, copilot_models};
use crate::formats::{
    claude,
};
fn f(format: &Format) {
    let t = claude_tools::lookup("Read");
    let p = crate::formats::opencode::PRODUCT;
    if format.vocab == Vocab::Copilot {}
    if format.id == "copilot-prompt" {}
    let code = "claude-agent/unknown-model";
    let v = crate::formats::CLAUDE_CODE_VERSION;
}
#[cfg(test)]
mod tests {
    const F: &str = "claude-agent";
}
fn after_the_tests() -> bool { claude::PRODUCT.one_agent_per_name }
"#;
    let found: Vec<String> = violations(bad, &names, false)
        .into_iter()
        .map(|(n, w)| format!("{n}: {w}"))
        .collect();
    assert_eq!(
        found,
        [
            "2: imports the product module `copilot_models`",
            "3: imports the product module `claude`",
            "7: uses the product module `claude_tools::`",
            "8: uses the product module `opencode::`",
            "9: names `Vocab`",
            "10: names the format id `copilot-prompt`",
            "11: names the format id `claude-agent`",
            "12: uses the product constant `CLAUDE_CODE_VERSION` (CLAUDE_…)",
            "18: uses the product module `claude::`",
        ],
        "{found:#?}"
    );
    let fine = r#"
// Claude Code's `claude_tools::lookup` is fine in a comment.
fn f(sink: &Sink) {
    let claude = sink.format.product.name;
    let msg = format!("{claude} reads claude::x as text");
    if format.kind == Kind::Skill {}
}
#[cfg(test)]
mod tests {
    fn t() {
        const F: &str = "claude-agent";
    }
}
#[cfg(test)]
use crate::formats::claude_tools;
"#;
    assert_eq!(violations(fine, &names, false), Vec::<(usize, String)>::new());
    // Rule tables list format ids, but import no product module.
    let table = "const CLAUDE_TOOLS: &[&str] = &[\"claude-agent\"];\nuse crate::formats::copilot_tools;\n";
    let found: Vec<String> = violations(table, &names, true)
        .into_iter()
        .map(|(n, w)| format!("{n}: {w}"))
        .collect();
    assert_eq!(found, ["2: imports the product module `copilot_tools`"]);
}

/// A format and its product agree: the product lists the format, the registry lists both, and
/// a product's formats are in `FORMATS` (so detection finds them).
#[test]
fn every_format_belongs_to_a_registered_product() {
    use agentls::formats::{FORMATS, PRODUCTS};
    for f in FORMATS {
        assert!(
            PRODUCTS.contains(&f.product),
            "{}: product {} is not in PRODUCTS",
            f.id,
            f.product
        );
        assert!(
            f.product.formats.iter().any(|g| g.is(f)),
            "{}: {} does not list it in its formats",
            f.id,
            f.product
        );
    }
    for p in PRODUCTS {
        for f in p.formats {
            assert_eq!(f.product, *p, "{} lists {}, which points to {}", p, f.id, f.product);
            assert!(FORMATS.iter().any(|g| g.is(f)), "{}: {} is not in FORMATS", p, f.id);
        }
    }
}
