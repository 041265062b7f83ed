//! Reading what Gemini CLI loaded: the subagents and skills its main request lists to the
//! model, a subagent's own request (model, tools, system prompt, sampling), the load errors it
//! printed at start-up, and the lines of `gemini skills list --all`.

use super::fake_api::Request;
use serde::{Deserialize, Serialize};

/// A subagent or skill as the main session's system instruction lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    pub name: String,
    pub description: String,
}

/// The request a subagent made when it was invoked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spawn {
    /// The model id of the request's path.
    pub model: String,
    /// The function declarations offered, in order.
    pub tools: Vec<String>,
    /// Its own system prompt (the file's body), cut to 160 characters.
    pub prompt: String,
    /// The own prompt's length in characters.
    pub prompt_len: usize,
    /// `generationConfig.temperature`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<serde_json::Value>,
}

/// A skill's entry in `gemini skills list --all`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillLine {
    pub name: String,
    /// `[Enabled]`, `[Disabled]`, with ` [Built-in]` for the bundled ones.
    pub status: String,
    pub description: String,
    /// The file it was read from (relative to the project, `~/…` in the home).
    pub location: String,
}

/// `<tag>…</tag>` entries of a section: the text between `<section>` and `</section>`, split
/// into entries of `entry` tags, each read as the fields `fields` (in order). Gemini CLI does
/// not escape the values, so a field ends at the next field's opening tag (or the entry's end).
fn xml_entries(text: &str, section: &str, entry: &str, fields: &[&str]) -> Vec<Vec<String>> {
    let open = format!("<{section}>\n");
    let close = format!("\n</{section}>");
    let Some(start) = text.find(&open) else {
        return Vec::new();
    };
    let body = &text[start + open.len()..];
    let body = &body[..body.find(&close).unwrap_or(body.len())];
    let entry_open = format!("  <{entry}>\n");
    let entry_close = format!("\n  </{entry}>");
    let mut out = Vec::new();
    for chunk in body.split(&entry_open).skip(1) {
        let chunk = chunk.strip_suffix('\n').unwrap_or(chunk);
        let chunk = chunk.rsplit_once(&entry_close).map(|(c, _)| c).unwrap_or(chunk);
        let mut values = Vec::new();
        let mut rest = chunk;
        for (i, f) in fields.iter().enumerate() {
            let o = format!("<{f}>");
            let Some(s) = rest.find(&o) else { break };
            let after = &rest[s + o.len()..];
            let end_tag = match fields.get(i + 1) {
                Some(next) => format!("</{f}>\n    <{next}>"),
                None => format!("</{f}>"),
            };
            let end = if fields.get(i + 1).is_some() {
                after.find(&end_tag)
            } else {
                after.rfind(&end_tag)
            }
            .unwrap_or(after.len());
            values.push(after[..end].to_string());
            rest = &after[end..];
        }
        if values.len() == fields.len() {
            out.push(values);
        }
    }
    out
}

/// The subagents a main-session request lists, in listed order.
pub fn agents_listed(req: &Request) -> Vec<Listed> {
    xml_entries(
        &req.system_text(),
        "available_subagents",
        "subagent",
        &["name", "description"],
    )
    .into_iter()
    .map(|v| Listed {
        name: v[0].clone(),
        description: v[1].clone(),
    })
    .collect()
}

/// The skills a request lists: (name, description, location).
pub fn skills_listed(req: &Request) -> Vec<(String, String, String)> {
    xml_entries(
        &req.system_text(),
        "available_skills",
        "skill",
        &["name", "description", "location"],
    )
    .into_iter()
    .map(|v| (v[0].clone(), v[1].clone(), v[2].clone()))
    .collect()
}

/// Sent by a subagent: it is offered `complete_task`, which the main session never is.
pub fn is_subagent(req: &Request) -> bool {
    req.tool_names().iter().any(|t| t == "complete_task")
}

/// What Gemini CLI appends to a subagent's own prompt (the first of these starts it).
const APPENDED: &[&str] = &[
    "\n\n# Available Agent Skills",
    "\n\n# Contextual Instructions",
    "\n\n# Environment Context",
];

/// A subagent's request, read.
pub fn spawn(req: &Request) -> Spawn {
    let system = req.system_text();
    let cut = APPENDED
        .iter()
        .filter_map(|m| system.find(m))
        .min()
        .unwrap_or(system.len());
    let prompt = &system[..cut];
    let temperature = req.body["generationConfig"]["temperature"].clone();
    Spawn {
        model: req.model(),
        tools: req.tool_names(),
        prompt: prompt.chars().take(160).collect(),
        prompt_len: prompt.chars().count(),
        temperature: (!temperature.is_null()).then_some(temperature),
    }
}

/// The messages Gemini CLI printed to stderr, each with its continuation lines (a
/// validation error spans lines: the issues, a YAML excerpt). A message starts at a line that
/// starts one of the known kinds or a `[Tag] ` prefix; anything else continues the message
/// before it. Stack frames (`    at …`) are left out: they name lines of the bundle.
pub fn stderr_messages(stderr: &str) -> Vec<String> {
    const STARTS: &[&str] = &[
        "Agent loading error: ",
        "Error registering ",
        "Duplicate agent name ",
        "Subagent '",
        "Skill conflict detected: ",
        "Error discovering skills ",
        "Warning: ",
        "YOLO mode is enabled",
        "Ripgrep is not available",
        "Skipping project agents",
    ];
    let tagged = |l: &str| {
        l.strip_prefix('[')
            .and_then(|r| r.split_once("] "))
            .is_some_and(|(tag, _)| !tag.is_empty() && !tag.contains(' '))
    };
    let mut out: Vec<String> = Vec::new();
    for line in stderr.lines() {
        let t = line.trim_start();
        if t.starts_with("at ") && line.starts_with(char::is_whitespace) || line == "}" {
            continue;
        }
        if STARTS.iter().any(|s| line.starts_with(s)) || tagged(line) || out.is_empty() {
            out.push(line.to_string());
        } else if let Some(last) = out.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    out.into_iter().map(|m| m.trim_end().to_string()).collect()
}

/// The entries of `gemini skills list --all`.
pub fn skills_list(stdout: &str) -> Vec<SkillLine> {
    let mut out = Vec::new();
    let mut lines = stdout.lines();
    while let Some(line) = lines.next() {
        let Some(i) = line.find(" [Enabled]").or_else(|| line.find(" [Disabled]")) else {
            continue;
        };
        let name = line[..i].to_string();
        let status = line[i + 1..].to_string();
        let mut location = String::new();
        // The description may span lines; the location line ends the entry.
        let mut description: Vec<&str> = Vec::new();
        for next in lines.by_ref() {
            if let Some(l) = next.strip_prefix("  Location:    ") {
                location = l.to_string();
                break;
            }
            description.push(next.strip_prefix("  Description: ").unwrap_or(next));
        }
        let description = description.join("\n");
        out.push(SkillLine {
            name,
            status,
            description,
            location,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn req(system: &str) -> Request {
        Request {
            seq: 0,
            method: "POST".into(),
            path: "/v1beta/models/m:streamGenerateContent?alt=sse".into(),
            body: json!({"systemInstruction": {"parts": [{"text": system}]}}),
        }
    }

    #[test]
    fn reads_subagents_and_skills_with_unescaped_text() {
        let system = "x\n<available_subagents>\n  <subagent>\n    <name>a</name>\n    <description>Does <b>a</b>\non two lines</description>\n  </subagent>\n  <subagent>\n    <name>b-2</name>\n    <description></description>\n  </subagent>\n</available_subagents>\n\n<available_skills>\n  <skill>\n    <name>s</name>\n    <description>S.</description>\n    <location>/p/SKILL.md</location>\n  </skill>\n</available_skills>";
        let r = req(system);
        assert_eq!(
            agents_listed(&r),
            vec![
                Listed {
                    name: "a".into(),
                    description: "Does <b>a</b>\non two lines".into()
                },
                Listed {
                    name: "b-2".into(),
                    description: String::new()
                },
            ]
        );
        assert_eq!(skills_listed(&r), vec![("s".into(), "S.".into(), "/p/SKILL.md".into())]);
    }

    #[test]
    fn splits_stderr_into_messages() {
        let err = "Warning: 256-color support not detected.\nAgent loading error: Failed to load agent from /p/a.md: Validation failed: Agent Definition:\nUnrecognized key(s) in object: 'x'\nAgent loading error: Failed to load agent from /p/b.md: YAML frontmatter parsing failed: bad (2:1)\n\n 1 | a\n-----^\nRipgrep is not available. Falling back to GrepTool.\nSubagent 'a' failed: Error: no\n    at f (file:///x.js:1:2)\n[AgentRegistry] Error loading A2A agent \"r\": TypeError: fetch failed\n  [cause]: Error: bad port\n";
        let m = stderr_messages(err);
        assert_eq!(m.len(), 6, "{m:#?}");
        assert_eq!(m[4], "Subagent 'a' failed: Error: no");
        assert_eq!(
            m[5],
            "[AgentRegistry] Error loading A2A agent \"r\": TypeError: fetch failed\n  [cause]: Error: bad port"
        );
        assert!(m[1].ends_with("Unrecognized key(s) in object: 'x'"));
        assert!(m[2].ends_with("-----^"));
    }

    #[test]
    fn reads_the_skills_list() {
        let out = "Discovered Agent Skills:\n\nsk [Enabled]\n  Description: One.\n  Location:    /p/.gemini/skills/sk/SKILL.md\n\nb [Enabled] [Built-in]\n  Description: Two\nlines.\n  Location:    /x/SKILL.md\n\n";
        let l = skills_list(out);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].name, "sk");
        assert_eq!(l[0].description, "One.");
        assert_eq!(l[1].status, "[Enabled] [Built-in]");
        assert_eq!(l[1].description, "Two\nlines.");
        assert_eq!(l[1].location, "/x/SKILL.md");
    }
}
