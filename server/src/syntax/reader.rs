//! How a tool finds and reads a front matter. Tools disagree on both: Claude Code closes the
//! block at the first `---` anywhere and retries a failed YAML with quoted values and spaces
//! for tabs; most others close at a `---` line and read strict YAML. Diagnostics check what
//! the tool will read, so each format names its reader; editing help (outline, completion,
//! hover) uses the document's own tolerant parse ([`super::Syntax`]).

use super::front_matter::{self, FrontMatterSplit, NoFrontMatter};
use super::yaml::{self, ParsedYaml, Retry};
use crate::document::Document;

/// Where a front matter ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// The next line that is `---` or `...`; a longer `-----` rule when there is none
    /// ([`front_matter::split`]).
    Lines,
    /// The first `---` after the opening line, anywhere ([`front_matter::split_first_dashes`]).
    FirstDashes,
}

/// A tool's way of reading front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub split: Split,
    pub retry: Retry,
}

impl Reader {
    /// The reading agentls uses where a tool's loader is not modelled: `---` lines, YAML with
    /// a tolerant retry for values holding `: `.
    pub const LENIENT: Reader = Reader {
        split: Split::Lines,
        retry: Retry::Lenient,
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
    pub fn body_start(&self) -> usize {
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
