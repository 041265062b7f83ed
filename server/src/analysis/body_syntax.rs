//! The special syntax of a body, as hover (and later highlighting) needs it: a command's
//! `$ARGUMENTS` and `$1`…`$9`, its `` !`command` `` lines and `@path` includes, a memory file's
//! `@path` imports, and in Copilot files the `${variable}`s and `#tool` / `#file:path`
//! references. Which of them a body has depends on its format ([`crate::formats::BodySyntax`],
//! [`crate::formats::Product::prompt_variables`]). Nothing here runs a command or reads a file.

use super::diagnostics::body::{ArgRef, argument_refs, shell_lines};
use super::links::{self, Link, LinkKind};
use crate::document::{Document, TextRange};
use crate::formats::Format;

/// One piece of body syntax with its range in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    /// `$ARGUMENTS`, `$N` or `$ARGUMENTS[N]`.
    Argument(ArgRef),
    /// `` !`cmd` ``: the command.
    Shell(String),
    /// `@path`: the link, whose `path` is relative to the file's folder.
    AtPath(Link),
    /// `${name}` or `${input:name:placeholder}`: the text between the braces.
    Variable(String),
    /// `#name` or `#tool:name`: the tool's name.
    ToolRef(String),
    /// `#file:path`.
    FileRef(String),
    /// `#[[file:path]]` (Kiro steering): the path as written, relative to the workspace root.
    Include(String),
}

/// The body item at byte `offset` of `doc`, read as `format`, with its range.
pub fn item_at(doc: &Document, format: &Format, offset: usize) -> Option<(TextRange, BodyItem)> {
    let syntax = doc.syntax();
    if syntax.front_matter.as_ref().is_some_and(|f| f.close.is_none()) {
        return None;
    }
    let body_start = syntax.body_start();
    if offset < body_start {
        return None;
    }
    let text = doc.text();
    let within = |r: &TextRange| r.start <= offset && offset <= r.end;
    let bs = format.body_syntax;
    if let Some(args) = &bs.arguments
        && let Some((r, n)) = argument_refs(&text, body_start, args)
            .into_iter()
            .find(|(r, _)| within(r))
    {
        return Some((r, BodyItem::Argument(n)));
    }
    let scan = links::scan_doc(doc, Some(format));
    // Tools that expand inside code run the commands there too.
    let code: &[TextRange] = if bs.expands_in_code { &[] } else { &scan.code_blocks };
    if bs.shell
        && let Some((r, cmd)) = shell_lines(&text, body_start, code)
            .into_iter()
            .find(|(r, _)| within(r))
    {
        return Some((r, BodyItem::Shell(cmd)));
    }
    if bs.at_paths
        && let Some(l) = scan
            .links
            .iter()
            .find(|l| l.kind == LinkKind::Import && within(&l.range))
    {
        return Some((l.range.clone(), BodyItem::AtPath(l.clone())));
    }
    if bs.file_refs
        && let Some(l) = scan
            .links
            .iter()
            .find(|l| l.kind == LinkKind::FileRef && within(&l.range))
    {
        return Some((l.range.clone(), BodyItem::FileRef(l.path.clone().unwrap_or_default())));
    }
    if bs.bracketed_file_refs.is_some()
        && let Some((r, p)) = doc.scan().bracketed_refs.iter().find(|(r, _)| within(r))
    {
        return Some((r.clone(), BodyItem::Include(p.clone())));
    }
    if format.vocabulary().is_some_and(|p| !p.prompt_variables.is_empty()) {
        return variable_item(&text, body_start, &scan.code_blocks, offset);
    }
    None
}

/// `${…}` and `#…` around `offset`, outside code blocks and code spans.
fn variable_item(text: &str, body_start: usize, code: &[TextRange], offset: usize) -> Option<(TextRange, BodyItem)> {
    if code.iter().any(|c| c.contains(&offset)) {
        return None;
    }
    // Only the cursor's line matters: neither syntax spans lines.
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1).max(body_start);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let bytes = line.as_bytes();
    let in_span = |at: usize| line[..at].matches('`').count() % 2 == 1;
    let mut i = 0;
    while i < line.len() {
        let abs = line_start + i;
        if line[i..].starts_with("${")
            && let Some(close) = line[i + 2..].find('}')
        {
            let end = i + 2 + close + 1;
            let r = abs..line_start + end;
            if r.start <= offset && offset < r.end && !in_span(i) {
                return Some((r, BodyItem::Variable(line[i + 2..end - 1].to_string())));
            }
            i = end;
            continue;
        }
        if bytes[i] == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'(') {
            let rest = &line[i + 1..];
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '`' | '"' | '\'' | '#'))
                .unwrap_or(rest.len());
            let word = rest[..len].trim_end_matches(['.', ':']);
            let r = abs..abs + 1 + word.len();
            if !word.is_empty() && r.start <= offset && offset <= r.end && !in_span(i) {
                let item = if let Some(p) = word.strip_prefix("file:") {
                    BodyItem::FileRef(p.to_string())
                } else if let Some(t) = word.strip_prefix("tool:") {
                    BodyItem::ToolRef(t.to_string())
                } else if word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    BodyItem::ToolRef(word.to_string())
                } else {
                    return None;
                };
                return Some((r, item));
            }
            i += 1 + len;
            continue;
        }
        i += line[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The argument groups of an `argument-hint`, in order: `[pr-number] [priority]` → `[pr-number]`,
/// `[priority]`; `<file> [mode]` → `<file>`, `[mode]`.
pub fn hint_groups(hint: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut depth = 0usize;
    for (i, c) in hint.char_indices() {
        match c {
            '[' | '<' => {
                if depth == 0 {
                    start = Some(i);
                }
                depth += 1;
            }
            ']' | '>' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(s) = start.take()
                {
                    out.push(&hint[s..i + 1]);
                }
            }
            _ => {}
        }
    }
    out
}

/// The `/name` a command file is invoked by: its path below `commands/`, with sub-folders as
/// namespaces (`commands/gsd/plan.md` → `/gsd:plan`).
pub fn command_name(path: &std::path::Path) -> Option<String> {
    command_name_as(path, crate::formats::CommandNaming::default_naming())
}

/// [`command_name`], the way `naming` says (OpenCode: `command/gsd/plan.md` → `/gsd/plan`).
pub fn command_name_as(path: &std::path::Path, naming: &crate::formats::CommandNaming) -> Option<String> {
    let comps: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
    let at = comps.iter().rposition(|c| naming.folders.contains(c))?;
    let mut parts: Vec<&str> = comps[at + 1..].to_vec();
    let last = parts.pop()?.strip_suffix(".md")?;
    parts.push(last);
    Some(format!("/{}", parts.join(naming.separator)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_groups_and_command_names() {
        assert_eq!(hint_groups("[pr-number] [priority]"), vec!["[pr-number]", "[priority]"]);
        assert_eq!(hint_groups("<file> [mode|fast]"), vec!["<file>", "[mode|fast]"]);
        assert!(hint_groups("a file name").is_empty());
        assert_eq!(
            command_name(std::path::Path::new("p/.claude/commands/gsd/plan.md")).as_deref(),
            Some("/gsd:plan")
        );
        assert_eq!(
            command_name(std::path::Path::new("p/.claude/commands/review.md")).as_deref(),
            Some("/review")
        );
    }
}
