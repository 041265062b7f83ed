//! The GitHub Copilot CLI's own cases: where it looks for custom agents and skills, and the
//! front-matter mistakes whose effect differs from VS Code's (a missing `description`, no front
//! matter, strict YAML, `tools` that is not a list). The rest of what it is asked about are the
//! existing cases of the same files: the VS Code agent cases (`copilot-agent`) and every
//! `SKILL.md` case (`skill`), see [`super::observes`].
//!
//! Ids are `mutation/copilot-cli/<group>/<probe>`; paths starting with `~/` are in the run's
//! home folder (`~/.copilot/…`, `~/.agents/…`, `~/.claude/…`). Every body names its case.

use crate::cases::Case;

fn probe(group: &str, name: &str, path: &str, text: String) -> Case {
    Case::ours(
        format!("mutation/copilot-cli/{group}/{name}"),
        if group.starts_with("skill") {
            "skill"
        } else {
            "copilot-agent"
        },
        path,
        text,
    )
}

fn agent(front: &str, name: &str) -> String {
    format!("---\n{front}---\nAgent body of {name}.\n")
}

fn skill(name: &str) -> String {
    format!("---\nname: {name}\ndescription: Skill {name} for the location probes.\n---\nSkill body of {name}.\n")
}

/// Where agents are looked for: each probe is one valid agent at one place.
fn agent_locations() -> Vec<Case> {
    let places = [
        ("github-agents", ".github/agents/loc-a.agent.md"),
        ("github-agents-plain-md", ".github/agents/loc-b.md"),
        ("github-agents-nested", ".github/agents/team/loc-c.agent.md"),
        ("github-agents-chatmode", ".github/agents/loc-d.chatmode.md"),
        ("github-chatmodes", ".github/chatmodes/loc-e.chatmode.md"),
        ("github-private-agents", ".github-private/agents/loc-f.agent.md"),
        ("agent-md-elsewhere", "docs/agents/loc-g.agent.md"),
        ("agents-agents", ".agents/agents/loc-h.agent.md"),
        ("claude-agents", ".claude/agents/loc-i.md"),
        ("home-copilot-agents", "~/.copilot/agents/loc-j.agent.md"),
        ("home-copilot-agents-plain-md", "~/.copilot/agents/loc-k.md"),
        ("home-claude-agents", "~/.claude/agents/loc-l.md"),
        ("github-agents-not-md", ".github/agents/loc-m.txt"),
    ];
    places
        .iter()
        .map(|(probe_name, path)| {
            let name = format!("location-{probe_name}");
            probe(
                "location",
                probe_name,
                path,
                agent(&format!("description: Agent {name} at {path}.\n"), &name),
            )
        })
        .collect()
}

/// Front matter that VS Code and Copilot CLI may judge differently.
fn agent_front_matter() -> Vec<Case> {
    let each: &[(&str, &str)] = &[
        ("valid", "description: A valid agent.\n"),
        ("description-missing", "name: fm-description-missing\n"),
        ("description-empty", "description: ''\n"),
        ("description-number", "description: 42\n"),
        (
            "name-differs",
            "name: Other Display Name\ndescription: Named apart from its file.\n",
        ),
        ("unclosed-quote", "description: \"never closed\n"),
        ("yaml-mapping-in-value", "description: a: b: c\n"),
        ("unknown-key", "description: Has an unknown key.\nfrobnicate: 3\n"),
        ("infer", "description: Uses infer.\ninfer: false\n"),
        ("tools-number", "description: Tools as a number.\ntools: 5\n"),
        (
            "tools-string",
            "description: Tools as one string.\ntools: 'read, edit'\n",
        ),
        ("tools-empty", "description: No tools.\ntools: []\n"),
        ("tools-wildcard", "description: Every tool.\ntools: ['*']\n"),
        (
            "tools-aliases",
            "description: The alias names.\ntools: [read, edit, search, execute, agent, web, todo]\n",
        ),
        (
            "tools-claude-names",
            "description: Claude Code's tool names.\ntools: [Read, Edit, Bash, Grep, Glob, WebFetch]\n",
        ),
        (
            "tools-cli-names",
            "description: Copilot CLI's own tool names.\ntools: [view, create, bash, grep, glob, task]\n",
        ),
        (
            "tools-unknown",
            "description: An unknown tool.\ntools: [read, frobnicate]\n",
        ),
        ("model", "description: Names a model.\nmodel: claude-sonnet-4\n"),
        ("target-vscode", "description: For VS Code only.\ntarget: vscode\n"),
        ("user-invocable-false", "description: Hidden.\nuser-invocable: false\n"),
    ];
    let mut out: Vec<Case> = each
        .iter()
        .map(|(probe_name, front)| {
            let name = format!("fm-{probe_name}");
            probe(
                "front-matter",
                probe_name,
                &format!(".github/agents/{name}.agent.md"),
                agent(front, &name),
            )
        })
        .collect();
    out.push(probe(
        "front-matter",
        "none",
        ".github/agents/fm-none.agent.md",
        "Agent body of fm-none, with no front matter.\n".into(),
    ));
    out.push(probe(
        "front-matter",
        "no-body",
        ".github/agents/fm-no-body.agent.md",
        "---\ndescription: Nothing after the front matter (fm-no-body).\n---\n".into(),
    ));
    out
}

/// Where skills are looked for.
fn skill_locations() -> Vec<Case> {
    let places = [
        ("github-skills", ".github/skills/sl-a/SKILL.md", "sl-a"),
        ("agents-skills", ".agents/skills/sl-b/SKILL.md", "sl-b"),
        ("claude-skills", ".claude/skills/sl-c/SKILL.md", "sl-c"),
        ("nested", ".github/skills/group/sl-d/SKILL.md", "sl-d"),
        ("root-file", ".github/skills/SKILL.md", "sl-e"),
        ("lowercase-file", ".github/skills/sl-f/skill.md", "sl-f"),
        ("home-copilot-skills", "~/.copilot/skills/sl-g/SKILL.md", "sl-g"),
        ("home-agents-skills", "~/.agents/skills/sl-h/SKILL.md", "sl-h"),
        ("home-claude-skills", "~/.claude/skills/sl-i/SKILL.md", "sl-i"),
        ("github-private-skills", ".github-private/skills/sl-j/SKILL.md", "sl-j"),
    ];
    places
        .iter()
        .map(|(probe_name, path, name)| probe("skill-location", probe_name, path, skill(name)))
        .collect()
}

pub fn all() -> Vec<Case> {
    let mut out = agent_locations();
    out.extend(agent_front_matter());
    out.extend(skill_locations());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_bodies_name_their_case() {
        let cases = super::all();
        let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        for c in &cases {
            let tail = c.id.rsplit('/').next().unwrap();
            assert!(
                c.text().contains(tail) || c.text().contains("sl-"),
                "{}: the file does not name it",
                c.id
            );
        }
    }
}
