//! `GEMINI.md`, Gemini CLI's context file: plain Markdown it puts in every session's system
//! prompt, found in `~/.gemini/` and from the working folder up to the project root (the folder
//! holding `.git`). Source: the 0.61.0 bundle's `processImports` / `findImports`
//! (`bundle/chunk-JDPZ4CE3.js`, read in the installed npm package; not recorded by a run):
//! - `@path` imports a file: an `@` at the start or after a blank, then a path starting with
//!   `.`, `/` or a letter, up to the next blank; resolved from the importing file's folder.
//! - Inside backticks (a code span or block) it is left alone.
//! - The import is replaced by the file's text; a file that cannot be read becomes the comment
//!   `<!-- Import failed: PATH - … -->`, so the model sees neither the file nor the `@PATH`.
//! - Imports nest five deep; a path outside the project root is refused.

use crate::formats::{BodySyntax, Format, Kind, NameMatch, PathRule};

pub static FORMAT: Format = Format {
    id: "gemini-memory",
    name: "Gemini CLI context file",
    noun: "context file",
    docs_url: "https://github.com/google-gemini/gemini-cli/blob/main/docs/cli/gemini-md.md",
    strong_paths: &[PathRule::Suffix("/GEMINI.md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: false,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BodySyntax {
        arguments: None,
        shell: false,
        expands_in_code: false,
        at_paths: true,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    },
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    // Read in the bundle's source, not observed by a run.
    verified_with: None,
    checks: &[],
    // Plain Markdown: Gemini CLI reads no key of it, so none is unknown either.
    fields: &[],
};
