//! How `check` prints its findings: plain text, a JSON array, GitHub Actions annotations, or a
//! SARIF 2.1.0 log for code scanning. Positions are 1-based, columns counted in characters.

use crate::analysis::Severity;
use crate::analysis::diagnostics::rules;

/// One finding, positioned for people (1-based line and character column).
#[derive(Debug, Clone)]
pub struct Finding {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    /// What the finding claims the tool does (`ignored`, `not-loaded`…).
    pub effect: crate::formats::Effect,
    pub code: String,
    pub message: String,
    /// The tool the claim is about when it is not the format's own (`cline`), by `targets` id.
    pub tool: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
    Github,
    Sarif,
}

impl OutputFormat {
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "text" => Self::Text,
            "json" => Self::Json,
            "github" => Self::Github,
            "sarif" => Self::Sarif,
            _ => return None,
        })
    }
}

pub fn render(format: OutputFormat, findings: &[Finding]) -> String {
    match format {
        OutputFormat::Text => findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{}: {}[{}]: {}\n",
                    f.path,
                    f.line,
                    f.column,
                    f.severity.as_str(),
                    f.code,
                    f.message
                )
            })
            .collect(),
        OutputFormat::Json => {
            let items: Vec<serde_json::Value> = findings
                .iter()
                .map(|f| {
                    let mut v = serde_json::json!({
                        "path": f.path,
                        "line": f.line,
                        "column": f.column,
                        "end_line": f.end_line,
                        "end_column": f.end_column,
                        "severity": f.severity.as_str(),
                        "effect": f.effect.as_str(),
                        "code": f.code,
                        "message": f.message,
                    });
                    if let Some(tool) = f.tool {
                        v["tool"] = tool.into();
                    }
                    v
                })
                .collect();
            format!("{}\n", serde_json::Value::Array(items))
        }
        OutputFormat::Github => findings.iter().map(github).collect(),
        OutputFormat::Sarif => format!(
            "{}\n",
            serde_json::to_string_pretty(&sarif(findings)).unwrap_or_default()
        ),
    }
}

/// `%`, CR and LF are escaped in every part of a workflow command; `:` and `,` in properties too.
fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub Actions workflow command, shown as an annotation on the file in the pull request.
fn github(f: &Finding) -> String {
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "notice",
    };
    format!(
        "::{level} file={},line={},endLine={},col={},endColumn={},title={}::{}\n",
        escape(&f.path, true),
        f.line,
        f.end_line,
        f.column,
        f.end_column,
        escape(&format!("agentls {}", f.code), true),
        escape(&f.message, false)
    )
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A SARIF 2.1.0 log with one run: every rule agentls knows, and one result per finding.
fn sarif(findings: &[Finding]) -> serde_json::Value {
    let codes = rules::all_codes();
    let rules: Vec<serde_json::Value> = codes
        .iter()
        .map(|(code, severity, summary)| {
            serde_json::json!({
                "id": code,
                "shortDescription": {"text": summary},
                "helpUri": rules::doc_url(code),
                "defaultConfiguration": {"level": sarif_level(*severity)},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let mut result = serde_json::json!({
                "ruleId": f.code,
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "properties": {"effect": f.effect.as_str()},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri_path(&f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    },
                }],
            });
            if let Some(i) = codes.iter().position(|(c, ..)| *c == f.code) {
                result["ruleIndex"] = i.into();
            }
            result
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "agentls",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": rules::DOCS_BASE,
                "rules": rules,
            }},
            // Our columns count characters, not SARIF's default UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// A relative path as a URI reference: `/` separators, spaces and `%` escaped.
fn uri_path(path: &str) -> String {
    let mut out = String::new();
    for c in path.replace('\\', "/").chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out.trim_start_matches("./").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding() -> Finding {
        Finding {
            path: "a dir/x.md".into(),
            line: 3,
            column: 8,
            end_line: 3,
            end_column: 13,
            severity: Severity::Warning,
            effect: crate::formats::Effect::RunsFail,
            code: "claude-agent/unknown-model".into(),
            message: "unknown model `sonet`: did you mean `sonnet`?\n100%".into(),
            tool: None,
        }
    }

    #[test]
    fn github_annotations_escape_properties_and_message() {
        assert_eq!(
            render(OutputFormat::Github, &[finding()]),
            "::warning file=a dir/x.md,line=3,endLine=3,col=8,endColumn=13,title=agentls claude-agent/unknown-model::unknown model `sonet`: did you mean `sonnet`?%0A100%25\n"
        );
    }

    #[test]
    fn sarif_results_point_at_rules() {
        let log: serde_json::Value = serde_json::from_str(&render(OutputFormat::Sarif, &[finding()])).unwrap();
        let run = &log["runs"][0];
        let result = &run["results"][0];
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            run["tool"]["driver"]["rules"][index]["id"],
            "claude-agent/unknown-model"
        );
        assert_eq!(result["level"], "warning");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "a%20dir/x.md"
        );
    }
}
