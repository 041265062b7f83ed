//! Where the cursor is, for completion: typing a top-level key, the value of key K, an item of
//! a list (a tool list written as a comma-separated string, a flow list or a block list), or
//! the body. Read from the text of the cursor's line (and the lines above it for a block list),
//! not from the YAML tree: while a user types, the front matter is usually not valid YAML.

use super::diagnostics::tools::split_commas;
use crate::document::{Document, TextRange, clamp_offset};
use crate::formats::{Format, ValueKind};

/// How a value is written where the cursor is, so an insertion keeps the user's style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Slot {
    /// The text to replace: the word (or partial value) around the cursor.
    pub range: TextRange,
    /// The quote the user opened (`"` or `'`), if any.
    pub quote: Option<char>,
    /// The opened quote is not closed on this line: an insertion should close it.
    pub close_quote: bool,
    /// The cursor sits right after `:` or `-`: an insertion needs a leading space.
    pub needs_space: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A top-level key is being typed (or the line is empty). `has_colon`: a `:` already
    /// follows the word, so only the key itself should be inserted.
    Key { range: TextRange, has_colon: bool },
    /// The scalar value of a top-level key.
    Value { key: String, slot: Slot },
    /// One item of the list value of `key`. `rule_of`: the cursor is inside `Tool(`, after the
    /// parenthesis. `siblings`: the other items already in the list.
    ListItem {
        key: String,
        slot: Slot,
        rule_of: Option<String>,
        siblings: Vec<String>,
    },
    /// A key of the mapping value of `key` (OpenCode's `tools:` and `permission:`), one level
    /// in: `  wri|` under `tools:`. `has_colon`: a `:` already follows the word.
    MapKey {
        key: String,
        range: TextRange,
        has_colon: bool,
    },
    /// The value of `sub` in the mapping value of `key`: `  write: |` under `tools:`.
    MapValue { key: String, sub: String, slot: Slot },
    /// The Markdown body.
    Body,
}

fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn is_item_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '*' | '.')
}

/// The text of a line without its line end.
fn line_text(doc: &Document, line: usize) -> String {
    let text = doc.rope().line(line).to_string();
    text.trim_end_matches(['\n', '\r']).to_string()
}

/// `key: rest` at column 0: the key and the byte index just after the colon. The colon must be
/// followed by a blank or the end of the line (`a:b` is a plain scalar, not a key).
fn key_colon(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let after = &line[colon + 1..];
    (!key.is_empty() && key.chars().all(is_key_char) && (after.is_empty() || after.starts_with([' ', '\t'])))
        .then_some((key, colon + 1))
}

/// The cursor's place in `doc` at byte `offset`, for a document of `format`. `None` outside any
/// place that completion serves (prose in the front matter, a nested mapping, the fences).
pub fn place_at(doc: &Document, format: &Format, offset: usize) -> Option<Place> {
    let rope = doc.rope();
    let offset = clamp_offset(rope, offset);
    let fm = doc.syntax().front_matter.as_ref()?;
    if fm.close.is_some() && offset >= fm.body_start {
        return Some(Place::Body);
    }
    let in_yaml = offset >= fm.yaml.start && fm.close.as_ref().is_none_or(|c| offset < c.start);
    if !in_yaml {
        return None;
    }
    let line_idx = rope.byte_to_line(offset);
    let line_start = rope.line_to_byte(line_idx);
    let line = line_text(doc, line_idx);
    let col = (offset - line_start).min(line.len());
    let (before, after) = line.split_at(col);

    let trimmed = before.trim_start();
    if let Some(rest) = trimmed.strip_prefix('-')
        && (rest.is_empty() || rest.starts_with(' '))
    {
        // A block list item: `- Re|` under `tools:`.
        let key = parent_key(doc, line_idx)?;
        let item_at = col - rest.len();
        let siblings = block_siblings(doc, line_idx);
        return Some(list_item(&key, &line, item_at, col, line_start, siblings, false));
    }
    if before.starts_with([' ', '\t']) && !trimmed.starts_with('#') {
        return map_place(doc, line_idx, &line, col, line_start);
    }
    if before.starts_with([' ', '\t', '#']) {
        return None;
    }
    if let Some((key, value_at)) = key_colon(&line).filter(|&(_, at)| at <= col) {
        let key = key.to_string();
        let is_tools = format.field(&key).is_some_and(|f| matches!(f.value, ValueKind::Tools));
        let value = line[value_at..].trim_start();
        let flow = value.starts_with('[');
        if is_tools || flow {
            let all = value
                .trim_start_matches(['[', '"', '\''])
                .trim_end_matches([']', '"', '\'']);
            let siblings = split_commas(all)
                .into_iter()
                .map(|(_, t)| t.trim().trim_matches(['"', '\'']).to_string())
                .collect();
            return Some(list_item(&key, &line, value_at, col, line_start, siblings, true));
        }
        let slot = slot_in(&line, value_at, col, line_start, |c| !c.is_whitespace());
        return Some(Place::Value { key, slot });
    }
    if !before.chars().all(is_key_char) {
        return None;
    }
    let word_len: usize = after.chars().take_while(|&c| is_key_char(c)).map(char::len_utf8).sum();
    let has_colon = after[word_len..].trim_start().starts_with(':');
    Some(Place::Key {
        range: line_start..offset + word_len,
        has_colon,
    })
}

/// The slot of a scalar starting at byte `value_at` of `line` (after `key:` or `- `), with the
/// cursor at `col`; `word` says which characters after the cursor belong to the value.
fn slot_in(line: &str, value_at: usize, col: usize, line_start: usize, word: impl Fn(char) -> bool) -> Slot {
    let typed = &line[value_at..col];
    let lead = typed.len() - typed.trim_start().len();
    let mut start = value_at + lead;
    let quote = line[start..col].chars().next().filter(|c| matches!(c, '"' | '\''));
    if quote.is_some() {
        start += 1;
    }
    let after = &line[col..];
    let end = col
        + after
            .chars()
            .take_while(|&c| word(c) && Some(c) != quote)
            .map(char::len_utf8)
            .sum::<usize>();
    Slot {
        range: line_start + start..line_start + end,
        quote,
        close_quote: quote.is_some_and(|q| !line[end..].contains(q)),
        needs_space: typed.is_empty(),
    }
}

/// An item of a list whose text starts at `value_at` (after `key:` for a string or flow list,
/// after `-` for a block item). `commas`: items are separated by commas on this line.
fn list_item(
    key: &str,
    line: &str,
    value_at: usize,
    col: usize,
    line_start: usize,
    mut siblings: Vec<String>,
    commas: bool,
) -> Place {
    let typed = &line[value_at..col];
    let lead = typed.len() - typed.trim_start().len();
    let mut start = value_at + lead;
    let mut quote = None;
    for c in line[start..col].chars() {
        match c {
            '[' if commas && quote.is_none() => start += 1,
            '"' | '\'' if quote.is_none() => {
                quote = Some(c);
                start += 1;
            }
            _ => break,
        }
    }
    // The current item starts after the last top-level comma before the cursor.
    let mut item_start = start;
    if commas {
        let mut depth = 0i32;
        for (i, c) in line[start..col].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                ',' if depth <= 0 => item_start = start + i + 1,
                _ => {}
            }
        }
    }
    let item_typed = &line[item_start..col];
    item_start += item_typed.len() - item_typed.trim_start().len();
    // A later item of a flow list opens its own quote: `['a', 'b|`.
    if item_start > start
        && let Some(q) = line[item_start..col].chars().next().filter(|c| matches!(c, '"' | '\''))
    {
        quote = Some(q);
        item_start += 1;
    }
    let item_typed = &line[item_start..col];
    // Inside `Tool(`: the slot is the specifier.
    let mut rule_of = None;
    let mut depth = 0i32;
    let mut open_at = None;
    for (i, c) in item_typed.char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth == 1 {
                    open_at = Some(i);
                }
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    let slot_start;
    let end;
    if let (true, Some(open)) = (depth > 0, open_at) {
        rule_of = Some(item_typed[..open].trim().to_string());
        slot_start = item_start + open + 1;
        end = col
            + line[col..]
                .chars()
                .take_while(|&c| !matches!(c, ')' | ',') && Some(c) != quote)
                .map(char::len_utf8)
                .sum::<usize>();
    } else {
        slot_start = item_start;
        end = col
            + line[col..]
                .chars()
                .take_while(|&c| is_item_char(c))
                .map(char::len_utf8)
                .sum::<usize>();
    }
    let current = line[item_start..end].trim().to_string();
    if let Some(i) = siblings.iter().position(|s| *s == current) {
        siblings.remove(i);
    }
    Place::ListItem {
        key: key.to_string(),
        slot: Slot {
            range: line_start + slot_start..line_start + end,
            quote,
            close_quote: quote.is_some_and(|q| !line[end..].contains(q)),
            needs_space: typed.is_empty(),
        },
        rule_of,
        siblings,
    }
}

/// The top-level key a block list item at `line` belongs to: the nearest line above at column 0
/// that is not itself a list item, when it is `key:` with nothing after it.
fn parent_key(doc: &Document, line: usize) -> Option<String> {
    for l in (0..line).rev() {
        let text = line_text(doc, l);
        if text.trim().is_empty() || text.starts_with([' ', '\t']) || text.starts_with("- ") || text == "-" {
            continue;
        }
        let (key, at) = key_colon(&text)?;
        let rest = text[at..].trim();
        return (rest.is_empty() || rest.starts_with('#')).then(|| key.to_string());
    }
    None
}

/// The items of the other lines of the block list around `line`.
fn block_siblings(doc: &Document, line: usize) -> Vec<String> {
    let rope = doc.rope();
    let item = |l: usize| -> Option<String> {
        let text = line_text(doc, l);
        let t = text.trim_start();
        let rest = t.strip_prefix('-').filter(|r| r.is_empty() || r.starts_with(' '))?;
        Some(rest.trim().trim_matches(['"', '\'']).to_string())
    };
    let mut out = Vec::new();
    for l in (0..line).rev() {
        match item(l) {
            Some(s) => out.push(s),
            None => break,
        }
    }
    for l in line + 1..rope.len_lines() {
        match item(l) {
            Some(s) => out.push(s),
            None => break,
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// An indented line one level under a top-level `key:` whose value is a block mapping.
fn map_place(doc: &Document, line_idx: usize, line: &str, col: usize, line_start: usize) -> Option<Place> {
    let indent = line.len() - line.trim_start().len();
    if col < indent {
        return None;
    }
    // The parent: the nearest line above with less indentation must be `key:` at column 0.
    let mut parent = None;
    for l in (0..line_idx).rev() {
        let text = line_text(doc, l);
        if text.trim().is_empty() {
            continue;
        }
        let ind = text.len() - text.trim_start().len();
        if ind >= indent {
            if text.trim_start().starts_with('-') {
                return None; // a list, not a mapping
            }
            continue;
        }
        if ind > 0 {
            return None; // nested deeper than one level
        }
        let (key, at) = key_colon(&text)?;
        let rest = text[at..].trim();
        parent = (rest.is_empty() || rest.starts_with('#')).then(|| key.to_string());
        break;
    }
    let key = parent?;
    let inner = &line[indent..];
    let is_word = |c: char| is_key_char(c) || c == '*';
    if let Some((sub, value_at)) = key_colon(inner).filter(|&(_, at)| indent + at <= col) {
        let slot = slot_in(line, indent + value_at, col, line_start, |c| !c.is_whitespace());
        return Some(Place::MapValue {
            key,
            sub: sub.to_string(),
            slot,
        });
    }
    let (before, after) = line.split_at(col);
    if !before[indent..].chars().all(is_word) {
        return None;
    }
    let word_len: usize = after.chars().take_while(|&c| is_word(c)).map(char::len_utf8).sum();
    Some(Place::MapKey {
        key,
        range: line_start + indent..line_start + col + word_len,
        has_colon: after[word_len..].trim_start().starts_with(':'),
    })
}
