//! Navigation and cross-file rules over multi-file fixtures (`//- /path` headers, as in
//! rust-analyzer), indexed in memory. `$0` marks the cursor in the first file that has it.
//! Results are snapshots: `UPDATE_EXPECT=1 cargo test -p agentls --test navigation`.

use agentls::analysis::navigation::Item;
use agentls::document::Document;
use agentls::workspace::cross_file;
use agentls::workspace::fixture;
use agentls::workspace::index::{FileEntry, Index, Location};
use agentls::workspace::references;
use expect_test::{Expect, expect};
use std::path::{Path, PathBuf};

struct World {
    index: Index,
    /// The file with the cursor, and the cursor's offset.
    cursor: Option<(PathBuf, usize)>,
}

fn world(text: &str) -> World {
    let mut files = fixture::parse(text, "/p/.claude/agents/a.md");
    let mut cursor = None;
    for (path, text) in &mut files {
        if let Some(at) = text.find("$0") {
            text.replace_range(at..at + 2, "");
            cursor.get_or_insert((path.clone(), at));
        }
    }
    let index = Index::from_files(files.iter().map(|(p, t)| (p.clone(), t.as_str())));
    World { index, cursor }
}

impl World {
    fn text(&self, path: &Path) -> String {
        self.index.get(path).expect("indexed").text.to_string()
    }

    fn item(&self) -> Item {
        let (path, offset) = self.cursor.clone().expect("a $0 cursor");
        let doc = Document::new(&self.text(&path), Some(path.clone()));
        references::item(&doc, &self.index, &path, offset).expect("an item at the cursor")
    }

    fn show(&self, l: &Location) -> String {
        let text = self.text(&l.path);
        let line = text[..l.range.start].matches('\n').count() + 1;
        format!("{}:{line} `{}`", l.path.display(), &text[l.range.clone()])
    }

    fn shown(&self, locs: &[Location]) -> String {
        locs.iter().map(|l| self.show(l) + "\n").collect()
    }
}

fn check_diagnostics(fixture_text: &str, expect: Expect) {
    let w = world(fixture_text);
    let mut paths: Vec<&PathBuf> = w.index.files().map(|e| &e.path).collect();
    paths.sort();
    let mut out = String::new();
    for p in paths {
        for d in cross_file::check(&w.index, p) {
            let text = w.text(p);
            let line = text[..d.diagnostic.range.start].matches('\n').count() + 1;
            out.push_str(&format!(
                "{}:{line} {} `{}`: {}\n",
                p.display(),
                d.diagnostic.code,
                &text[d.diagnostic.range.clone()],
                d.diagnostic.message
            ));
            for r in &d.related {
                out.push_str(&format!("    related {}: {}\n", w.show(&r.location), r.message));
            }
        }
    }
    expect.assert_eq(&out);
}

const TEAM: &str = r#"
//- /p/.claude/agents/lead.md
---
name: lead
description: Leads the team.
tools: Read, Agent(worker, Explore, ghost), Task(reviewer)
skills:
  - pdf
  - docx
---
# Lead

Read [the worker's rules](worker.md#rules) and [setup](#set-up).
See [missing](nowhere.md) and [bad anchor](worker.md#nope).

## Set up
//- /p/.claude/agents/worker.md
---
name: worker
description: Does the work.
---
# Worker

## Rules

Follow [the lead](lead.md#lead).
//- /p/.claude/agents/worker-copy.md
---
name: worker
description: A copy.
---
Copy.
//- /p/other/agents/worker.md
---
name: worker
description: Same name, other scope.
---
Other.
//- /p/.claude/skills/pdf/SKILL.md
---
name: pdf
description: PDF tools.
---
# PDF
//- /p/README.md
# Readme
"#;

#[test]
fn cross_file_rules() {
    check_diagnostics(
        TEAM,
        expect![[r#"
            /p/.claude/agents/lead.md:4 claude-agent/unknown-agent `ghost`: no agent named `ghost` in this workspace and no built-in agent type of that name; fine if it is a personal agent in ~/.claude/agents
            /p/.claude/agents/lead.md:4 claude-agent/unknown-agent `reviewer`: no agent named `reviewer` in this workspace and no built-in agent type of that name; fine if it is a personal agent in ~/.claude/agents
            /p/.claude/agents/lead.md:7 claude-agent/unknown-skill `docx`: no skill named `docx` in this workspace (looked for `skills/<name>/SKILL.md`); fine if it is a personal skill in ~/.claude/skills
            /p/.claude/agents/lead.md:12 link/missing-file `nowhere.md`: `nowhere.md` does not exist (relative to this file's folder)
            /p/.claude/agents/lead.md:12 link/missing-anchor `nope`: `worker.md` has no heading with the anchor `#nope`
            /p/.claude/agents/worker-copy.md:2 claude-agent/duplicate-name `worker`: another agent in this folder is also named `worker` (/p/.claude/agents/worker.md): Claude Code loads only one of them; rename one
                related /p/.claude/agents/worker.md:2 `worker`: `worker` is also defined here
            /p/.claude/agents/worker.md:2 claude-agent/duplicate-name `worker`: another agent in this folder is also named `worker` (/p/.claude/agents/worker-copy.md): Claude Code loads only one of them; rename one
                related /p/.claude/agents/worker-copy.md:2 `worker`: `worker` is also defined here
        "#]],
    );
}

fn with_cursor(fixture_text: &str, needle: &str) -> String {
    // Puts `$0` right after the first `needle` in the first file.
    let at = fixture_text.find(needle).expect("needle") + needle.len();
    format!("{}$0{}", &fixture_text[..at], &fixture_text[at..])
}

#[test]
fn definition_of_links_skills_and_agents() {
    let cases = [
        (
            "(worker.md#ru",
            expect![[r#"
            /p/.claude/agents/worker.md:7 `## Rules`
        "#]],
        ),
        (
            "[setup](#se",
            expect![[r#"
            /p/.claude/agents/lead.md:14 `## Set up`
        "#]],
        ),
        ("  - pd", expect![["/p/.claude/skills/pdf/SKILL.md:2 `pdf`\n"]]),
        (
            "Agent(wor",
            expect![[r#"
            /p/.claude/agents/worker-copy.md:2 `worker`
            /p/.claude/agents/worker.md:2 `worker`
            /p/other/agents/worker.md:2 `worker`
        "#]],
        ),
    ];
    for (needle, expect) in cases {
        let w = world(&with_cursor(TEAM, needle));
        let path = w.cursor.clone().unwrap().0;
        let mut locs = references::definition(&w.index, &path, &w.item());
        locs.sort_by(|a, b| a.key().cmp(&b.key()));
        expect.assert_eq(&w.shown(&locs));
    }
}

#[test]
fn references_of_a_heading_across_files() {
    // From the heading itself, and from a link to it: the same answer.
    let fixture_text = "//- /p/.claude/agents/worker.md\n---\nname: worker\ndescription: d\n---\n## Ru$0les\n\
                        [again](#rules)\n//- /p/.claude/agents/lead.md\n---\nname: lead\ndescription: d\n---\n\
                        [r](worker.md#rules) [r2](./worker.md#rules) [other](worker.md#x)\n";
    let w = world(fixture_text);
    let path = w.cursor.clone().unwrap().0;
    let mut locs = references::references(&w.index, &path, &w.item(), true);
    locs.sort_by(|a, b| a.key().cmp(&b.key()));
    expect![[r#"
        /p/.claude/agents/lead.md:5 `rules`
        /p/.claude/agents/lead.md:5 `rules`
        /p/.claude/agents/worker.md:5 `Rules`
        /p/.claude/agents/worker.md:6 `rules`
    "#]]
    .assert_eq(&w.shown(&locs));
}

#[test]
fn rename_a_heading_updates_links() {
    let fixture_text = "//- /p/.claude/agents/worker.md\n---\nname: worker\ndescription: d\n---\n## Ru$0les\n\
                        [again](#rules)\n//- /p/.claude/agents/lead.md\n---\nname: lead\ndescription: d\n---\n\
                        [r](worker.md#rules) [keep](worker.md#other)\n";
    let w = world(fixture_text);
    let path = w.cursor.clone().unwrap().0;
    let edits = references::rename(&w.index, &path, &w.item(), "House Rules").unwrap();
    let mut out = String::new();
    for (p, list) in &edits {
        let mut text = w.text(p).to_string();
        for e in list.iter().rev() {
            text.replace_range(e.range.clone(), &e.new_text);
        }
        out.push_str(&format!("{}\n{text}", p.display()));
    }
    expect![[r#"
        /p/.claude/agents/lead.md
        ---
        name: lead
        description: d
        ---
        [r](worker.md#house-rules) [keep](worker.md#other)
        /p/.claude/agents/worker.md
        ---
        name: worker
        description: d
        ---
        ## House Rules
        [again](#house-rules)
    "#]]
    .assert_eq(&out);
}

#[test]
fn rename_an_agent_renames_its_name_and_uses() {
    let w = world(&with_cursor(TEAM, "name: wor"));
    // The first `name: wor` is worker.md's own name.
    let w = &w;
    let path = w.cursor.clone().unwrap().0;
    assert_eq!(path, PathBuf::from("/p/.claude/agents/worker.md"));
    let edits = references::rename(&w.index, &path, &w.item(), "builder").unwrap();
    let shown: Vec<String> = edits
        .iter()
        .flat_map(|(p, list)| {
            list.iter()
                .map(move |e| format!("{} `{}` -> {}", p.display(), &w.text(p)[e.range.clone()], e.new_text))
        })
        .collect();
    expect![[r#"
        /p/.claude/agents/lead.md `worker` -> builder
        /p/.claude/agents/worker-copy.md `worker` -> builder
        /p/.claude/agents/worker.md `worker` -> builder
        /p/other/agents/worker.md `worker` -> builder"#]]
    .assert_eq(&shown.join("\n"));
    assert!(references::rename(&w.index, &path, &w.item(), "two words").is_err());
}

#[test]
fn workspace_symbols_are_fuzzy() {
    let w = world(TEAM);
    let shown: Vec<String> = references::workspace_symbols(&w.index, "wrk", 10)
        .iter()
        .map(|s| format!("{:?} {} ({})", s.kind, s.name, s.location.path.display()))
        .collect();
    expect![[r#"
        Heading Worker (/p/.claude/agents/worker.md)
        Agent worker (/p/.claude/agents/worker-copy.md)
        Agent worker (/p/.claude/agents/worker.md)
        Agent worker (/p/other/agents/worker.md)"#]]
    .assert_eq(&shown.join("\n"));
    assert!(references::workspace_symbols(&w.index, "zzz", 10).is_empty());
}

#[test]
fn an_edit_updates_the_index_and_reports_who_is_affected() {
    let mut w = world(TEAM);
    let lead = PathBuf::from("/p/.claude/agents/lead.md");
    assert!(!cross_file::check(&w.index, &lead).is_empty());
    // The copy renames itself: both duplicates are affected, the lead (which uses `worker`)
    // too; the skill and the README are not.
    let copy = PathBuf::from("/p/.claude/agents/worker-copy.md");
    let new_text = w.text(&copy).replace("name: worker", "name: helper");
    let affected = w.index.upsert(FileEntry::from_text(&new_text, copy.clone()));
    let shown: Vec<String> = affected.iter().map(|p| p.display().to_string()).collect();
    expect![[r#"
        /p/.claude/agents/lead.md
        /p/.claude/agents/worker-copy.md
        /p/.claude/agents/worker.md
        /p/other/agents/worker.md"#]]
    .assert_eq(&shown.join("\n"));
    let codes: Vec<String> = cross_file::check(&w.index, &PathBuf::from("/p/.claude/agents/worker.md"))
        .into_iter()
        .map(|d| d.diagnostic.code)
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
    // Deleting the skill makes `pdf` unknown.
    let affected = w.index.remove(Path::new("/p/.claude/skills/pdf/SKILL.md"));
    assert!(affected.contains(&lead));
    let codes: Vec<String> = cross_file::check(&w.index, &lead)
        .into_iter()
        .map(|d| d.diagnostic.code)
        .collect();
    assert_eq!(codes.iter().filter(|c| *c == "claude-agent/unknown-skill").count(), 2);
}

#[test]
fn definition_of_at_paths_and_prompt_links() {
    let cases = [
        // A command includes relative to the project root (the folder holding `.claude`).
        (
            "//- /p/.claude/commands/git/review.md\n---\ndescription: d\n---\nStyle: @do$0cs/style.md\n\
             //- /p/docs/style.md\n# Style\n",
            expect![[r#"
                /p/docs/style.md:1 ``
            "#]],
        ),
        // A memory file imports relative to its own folder.
        (
            "//- /p/CLAUDE.md\n# P\n\nSee @.claude/rul$0es.md and @missing.md\n//- /p/.claude/rules.md\n# Rules\n",
            expect![[r#"
                /p/.claude/rules.md:1 ``
            "#]],
        ),
        ("//- /p/AGENTS.md\n# P\n\nSee @missi$0ng.md\n", expect![[""]]),
        // A prompt file's Markdown link, to a heading of another file.
        (
            "//- /p/.github/prompts/explain.prompt.md\n---\nagent: ask\n---\nFollow [the guide](../../docs/gu$0ide.md#setup).\n\
             //- /p/docs/guide.md\n# Guide\n## Setup\n",
            expect![[r#"
                /p/docs/guide.md:2 `## Setup`
            "#]],
        ),
        // A `#file:` reference, relative to the prompt file's folder.
        (
            "//- /p/.github/prompts/explain.prompt.md\n---\nagent: ask\n---\nUse #file:../../docs/gu$0ide.md\n\
             //- /p/docs/guide.md\n# Guide\n",
            expect![[r#"
                /p/docs/guide.md:1 ``
            "#]],
        ),
    ];
    for (text, expect) in cases {
        let w = world(text);
        let path = w.cursor.clone().unwrap().0;
        let locs = references::definition(&w.index, &path, &w.item());
        expect.assert_eq(&w.shown(&locs));
    }
}

/// `#file:` references in the Copilot formats are checked like links, relative to the file's
/// folder; in a Claude file the same text is just text.
#[test]
fn missing_file_refs_in_copilot_files() {
    check_diagnostics(
        "//- /p/.github/prompts/explain.prompt.md\n---\nagent: ask\n---\n\
         Read #file:../../docs/guide.md, then #file:gone.md and not `#file:span.md`.\n\
         //- /p/.github/instructions/ts.instructions.md\n---\napplyTo: '**/*.ts'\n---\nSee #file:../../docs/old.md\n\
         //- /p/.claude/agents/a.md\n---\nname: a\ndescription: d\n---\nSee #file:nothing.md\n\
         //- /p/docs/guide.md\n# Guide\n",
        expect![[r#"
            /p/.github/instructions/ts.instructions.md:4 link/missing-file `../../docs/old.md`: `#file:../../docs/old.md` names a file that does not exist (relative to this file's folder), so nothing is attached
            /p/.github/prompts/explain.prompt.md:4 link/missing-file `../../docs/guide.md,`: `#file:../../docs/guide.md,` names no file: the `,` after `../../docs/guide.md` is read as part of the path, so nothing is attached; put a blank before it
            /p/.github/prompts/explain.prompt.md:4 link/missing-file `gone.md`: `#file:gone.md` names a file that does not exist (relative to this file's folder), so nothing is attached
        "#]],
    );
}
