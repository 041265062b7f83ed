//! How a tool finds and reads a front matter. Tools disagree on both: Claude Code closes the
//! block at the first `---` anywhere and retries a failed YAML with quoted values and spaces
//! for tabs; VS Code closes it at the next `---` line (or not at all) and reads it with its own
//! small parser; OpenCode (gray-matter, js-yaml 3) closes it at the first line that starts with
//! `---` and retries with colon values as blocks; most others close at a `---` line and read
//! strict YAML. Diagnostics check what the tool will read, so each format names its reader;
//! editing help (outline, completion, hover) uses the document's own tolerant parse
//! ([`super::Syntax`]).

use super::front_matter::{self, FrontMatterSplit, NoFrontMatter};
use super::vscode_yaml::{self, HeaderError};
use super::yaml::{self, Dialect, ParsedYaml, Retry, SyntaxError};
use crate::document::Document;

/// Where a front matter ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// The next line that is `---` or `...`; a longer `-----` rule when there is none
    /// ([`front_matter::split`]).
    Lines,
    /// The first `---` after the opening line, anywhere ([`front_matter::split_first_dashes`]).
    FirstDashes,
    /// VS Code's prompt file parser: the next line that is `---` (trailing blanks allowed);
    /// with none, the whole rest of the file ([`vscode_yaml::read`]).
    DashLinesOrEnd,
    /// gray-matter's: the first line that starts with `---`, the rest of the file when there
    /// is none ([`front_matter::split_gray_matter`]). Its YAML is read as js-yaml 3 reads it,
    /// with the reader's retry.
    GrayMatter,
    /// `^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n([\s\S]*))?`: exactly `---` and a line end first
    /// (no BOM), closed by the first line that starts with `---`, the body lost when no line end
    /// follows those dashes ([`front_matter::split_dash_line_start`]).
    DashLineStart,
}

/// What reads the YAML between the fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// A YAML parser, and what the tool does when the text is not valid YAML.
    Yaml(Retry),
    /// VS Code's own YAML-like parser (`src/vs/base/common/yaml.ts`): it reads what it can
    /// and reports the rest as errors ([`vscode_yaml`]).
    VsCode,
}

/// A tool's way of reading front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub split: Split,
    pub parser: Parser,
    /// How it types and checks what YAML parses (js-yaml 3 is not YAML 1.2).
    pub dialect: Dialect,
}

impl Reader {
    /// The reading agentls uses where a tool's loader is not modelled: `---` lines, YAML with
    /// a tolerant retry for values holding `: `.
    pub const LENIENT: Reader = Reader {
        split: Split::Lines,
        parser: Parser::Yaml(Retry::Lenient),
        dialect: Dialect::Yaml12,
    };

    /// VS Code's prompt file parser (VS Code 1.139.1): agents, chat modes, prompt files,
    /// instructions and skills as VS Code reads them.
    pub const VSCODE: Reader = Reader {
        split: Split::DashLinesOrEnd,
        parser: Parser::VsCode,
        dialect: Dialect::Yaml12,
    };

    /// The retry of a YAML 1.2 reader (`None` for a tool with its own parser).
    pub fn retry(self) -> Option<Retry> {
        match self.parser {
            Parser::Yaml(r) => Some(r),
            Parser::VsCode => None,
        }
    }

    /// The tool reads an unclosed front matter as a header that runs to the end of the file
    /// (VS Code) instead of losing it.
    pub fn reads_unclosed(self) -> bool {
        self.split == Split::DashLinesOrEnd
    }
}

/// The front matter as one tool reads it.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub front_matter: Option<FrontMatterSplit>,
    /// Why there is none, for readers that tell.
    pub none_because: Option<NoFrontMatter>,
    pub yaml: ParsedYaml,
    /// What a tool with its own parser reports as errors while still reading the rest (VS
    /// Code: `Missing value`, `Duplicate key`…); empty for YAML 1.2 readers, whose one error
    /// is [`ParsedYaml::error`].
    pub errors: Vec<HeaderError>,
    /// Where strict YAML 1.2 stops on a front matter that the tool's own parser reads: what
    /// other tools reading the same file would reject.
    pub strict_error: Option<SyntaxError>,
}

impl Reading {
    /// Where the tool's body (the prompt) starts: after the front matter, or at 0 when the
    /// tool reads the whole file as the body.
    pub fn body_start(&self) -> usize {
        if self.yaml.whole_file_is_body {
            return 0;
        }
        self.front_matter.as_ref().map_or(0, |f| f.body_start)
    }
}

/// Reads `doc`'s front matter the way `reader` does.
pub fn read(doc: &Document, reader: Reader) -> Reading {
    let syntax = doc.syntax();
    let retry = match reader.parser {
        Parser::VsCode => return read_vscode(doc),
        Parser::Yaml(r) => r,
    };
    match reader.split {
        // The document's own split and parse are this reading: no second pass.
        Split::Lines if retry == Retry::Lenient && reader.dialect == Dialect::Yaml12 => Reading {
            front_matter: syntax.front_matter.clone(),
            yaml: syntax.yaml.clone(),
            ..Reading::default()
        },
        Split::Lines | Split::DashLinesOrEnd => {
            let fm = syntax.front_matter.clone();
            let yaml = parse(doc, fm.as_ref(), retry, reader.dialect);
            Reading {
                front_matter: fm,
                yaml,
                ..Reading::default()
            }
        }
        Split::GrayMatter => match front_matter::split_gray_matter(doc.rope()) {
            Ok(g) => {
                let text = doc.rope().byte_slice(g.split.yaml.clone()).to_string();
                // `matter.replace(/^\s*#[^\n]+/gm, "").trim() === ""`: no keys, and the
                // language is never looked up.
                let blank = text
                    .lines()
                    .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
                let yaml = if blank {
                    ParsedYaml::default()
                } else if !matches!(g.language.as_str(), "" | "yaml" | "yml") {
                    let at = g.split.open.end;
                    ParsedYaml {
                        error: Some(SyntaxError {
                            at: at..at,
                            message: format!(
                                "`{}` after the opening `---` names a front matter language, and only YAML is read",
                                g.language.chars().take(40).collect::<String>()
                            ),
                        }),
                        whole_file_is_body: true,
                        ..ParsedYaml::default()
                    }
                } else {
                    yaml::parse_gray_matter(
                        &text,
                        g.split.yaml.start,
                        retry == Retry::SanitizeColons && g.retry_applies,
                    )
                };
                Reading {
                    front_matter: Some(g.split),
                    yaml,
                    ..Reading::default()
                }
            }
            Err(why) => Reading {
                none_because: Some(why),
                ..Reading::default()
            },
        },
        Split::DashLineStart => match front_matter::split_dash_line_start(doc.rope()) {
            Ok(fm) => {
                let yaml = parse(doc, Some(&fm), retry, reader.dialect);
                Reading {
                    front_matter: Some(fm),
                    yaml,
                    ..Reading::default()
                }
            }
            Err(why) => Reading {
                none_because: Some(why),
                ..Reading::default()
            },
        },
        Split::FirstDashes => match front_matter::split_first_dashes(doc.rope()) {
            Ok(fm) => {
                // Same block as the document's own split: reuse its parse when the retry is
                // the same and it did not need one.
                let same = syntax
                    .front_matter
                    .as_ref()
                    .is_some_and(|s| s.yaml == fm.yaml && s.close.is_some());
                // The document's own parse is YAML 1.2's: another dialect parses again.
                let yaml = if same
                    && reader.dialect == Dialect::Yaml12
                    && syntax.yaml.error.is_none()
                    && syntax.yaml.retried_after.is_none()
                {
                    syntax.yaml.clone()
                } else {
                    parse(doc, Some(&fm), retry, reader.dialect)
                };
                Reading {
                    front_matter: Some(fm),
                    yaml,
                    ..Reading::default()
                }
            }
            Err(why) => Reading {
                none_because: Some(why),
                ..Reading::default()
            },
        },
    }
}

/// VS Code's reading: its split and its parser, plus where strict YAML would stop on the same
/// header (only for a closed header: an unclosed one is no YAML front matter to anyone else).
fn read_vscode(doc: &Document) -> Reading {
    // Only the text up to the closing `---` line matters (the whole file when there is none):
    // a long body is not copied on every keystroke.
    let rope = doc.rope();
    let fence = |line: ropey::RopeSlice| {
        line.len_bytes() <= 256 && vscode_yaml::is_fence(line.to_string().trim_start_matches('\u{feff}'))
    };
    let mut lines = rope.lines();
    let mut end = rope.len_bytes();
    if let Some(first) = lines.next() {
        let mut offset = first.len_bytes();
        if fence(first) {
            for line in lines {
                offset += line.len_bytes();
                if fence(line) {
                    end = offset;
                    break;
                }
            }
        } else {
            end = offset;
        }
    }
    let text = rope.byte_slice(..end).to_string();
    let header = vscode_yaml::read(&text);
    let strict_error = header
        .split
        .as_ref()
        .filter(|s| s.close.is_some())
        .and_then(|s| yaml::parse_with(&text[s.yaml.clone()], s.yaml.start, Retry::None).error);
    Reading {
        front_matter: header.split,
        none_because: None,
        yaml: ParsedYaml {
            root: header.root,
            ..ParsedYaml::default()
        },
        errors: header.errors,
        strict_error,
    }
}

fn parse(doc: &Document, fm: Option<&FrontMatterSplit>, retry: Retry, dialect: Dialect) -> ParsedYaml {
    match fm {
        Some(fm) if fm.close.is_some() => {
            let text = doc.rope().byte_slice(fm.yaml.clone()).to_string();
            yaml::parse_with_in(&text, fm.yaml.start, retry, dialect)
        }
        _ => ParsedYaml::default(),
    }
}
