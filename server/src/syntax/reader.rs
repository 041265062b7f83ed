//! How a tool finds and reads a front matter. Tools disagree on both: Claude Code closes the
//! block at the first `---` anywhere and retries a failed YAML with quoted values and spaces
//! for tabs; OpenCode (gray-matter, js-yaml 3) closes it at the first line that starts with
//! `---` and retries with colon values as blocks; most others close at a `---` line and read
//! strict YAML. Diagnostics check what
//! the tool will read, so each format names its reader; editing help (outline, completion,
//! hover) uses the document's own tolerant parse ([`super::Syntax`]).

use super::front_matter::{self, FrontMatterSplit, NoFrontMatter};
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
    /// gray-matter's: the first line that starts with `---`, the rest of the file when there
    /// is none ([`front_matter::split_gray_matter`]). Its YAML is read as js-yaml 3 reads it,
    /// with the reader's retry.
    GrayMatter,
}

/// A tool's way of reading front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub split: Split,
    pub retry: Retry,
    /// How it types and checks what YAML parses (js-yaml 3 is not YAML 1.2).
    pub dialect: Dialect,
}

impl Reader {
    /// The reading agentls uses where a tool's loader is not modelled: `---` lines, YAML with
    /// a tolerant retry for values holding `: `.
    pub const LENIENT: Reader = Reader {
        split: Split::Lines,
        retry: Retry::Lenient,
        dialect: Dialect::Yaml12,
    };
}

/// The front matter as one tool reads it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub front_matter: Option<FrontMatterSplit>,
    /// Why there is none, for readers that tell.
    pub none_because: Option<NoFrontMatter>,
    pub yaml: ParsedYaml,
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
    match reader.split {
        // The document's own split and parse are this reading: no second pass.
        Split::Lines if reader.retry == Retry::Lenient => Reading {
            front_matter: syntax.front_matter.clone(),
            none_because: None,
            yaml: syntax.yaml.clone(),
        },
        Split::Lines => {
            let fm = syntax.front_matter.clone();
            let yaml = parse(doc, fm.as_ref(), reader.retry);
            Reading {
                front_matter: fm,
                none_because: None,
                yaml,
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
                        reader.retry == Retry::SanitizeColons && g.retry_applies,
                    )
                };
                Reading {
                    front_matter: Some(g.split),
                    none_because: None,
                    yaml,
                }
            }
            Err(why) => Reading {
                front_matter: None,
                none_because: Some(why),
                yaml: ParsedYaml::default(),
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
                let yaml = if same && syntax.yaml.error.is_none() && syntax.yaml.retried_after.is_none() {
                    syntax.yaml.clone()
                } else {
                    parse(doc, Some(&fm), reader.retry)
                };
                Reading {
                    front_matter: Some(fm),
                    none_because: None,
                    yaml,
                }
            }
            Err(why) => Reading {
                front_matter: None,
                none_because: Some(why),
                yaml: ParsedYaml::default(),
            },
        },
    }
}

fn parse(doc: &Document, fm: Option<&FrontMatterSplit>, retry: Retry) -> ParsedYaml {
    match fm {
        Some(fm) if fm.close.is_some() => {
            let text = doc.rope().byte_slice(fm.yaml.clone()).to_string();
            yaml::parse_with(&text, fm.yaml.start, retry)
        }
        _ => ParsedYaml::default(),
    }
}
