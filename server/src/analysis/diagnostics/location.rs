//! Where the file is, for formats whose tool's loader is modelled ([`crate::formats::Loader`]):
//! a file under one of the folders the tool reads, but deeper than it looks or with a name it
//! skips, is not loaded at all, whatever it holds.

use super::Sink;
use crate::formats::Layout;

pub(super) fn check(sink: &mut Sink) {
    let Some(loader) = crate::formats::loader(sink.format.id) else {
        return;
    };
    let Some(path) = sink.doc.path() else { return };
    let Some(at) = loader.locate(path) else { return };
    let (folders, file) = (&at.folders[..], &at.file);
    let root = loader.roots[at.root].join("/");
    let noun = sink.format.noun;
    let product = loader.product;
    let problem = match loader.layout {
        Layout::Files { extensions } => {
            let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            if !folders.is_empty() {
                Some(format!(
                    "{product} reads only the files directly in `{root}/`, not those in its subfolders (`{}/`): it does not load this {noun}; move it up to `{root}/`",
                    folders.join("/")
                ))
            } else if !ext.as_deref().is_some_and(|e| extensions.contains(&e)) {
                let list: Vec<String> = extensions.iter().map(|e| format!("`.{e}`")).collect();
                Some(format!(
                    "{product} reads only {} files in `{root}/`: it does not load `{file}`; rename it to end in `.md`",
                    list.join(", ")
                ))
            } else {
                None
            }
        }
        Layout::SkillFolders { file: wanted } => match (folders, file == wanted) {
            ([] | [_], true) => None,
            ([] | [_], false) if file.eq_ignore_ascii_case(wanted) => Some(format!(
                "{product} reads a skill only from a file named exactly `{wanted}`, so it does not load `{file}`; rename it to `{wanted}`"
            )),
            ([], false) => Some(format!(
                "`{root}/{file}` is not a skill: {product} reads `{root}/<name>/{wanted}`, and does not load this file; move it to `{root}/<name>/{wanted}`"
            )),
            ([_], false) => Some(format!(
                "{product} reads skills from files named `{wanted}`: it does not load `{file}`"
            )),
            (deeper, _) => Some(format!(
                "{product} reads skills one folder deep (`{root}/<name>/{wanted}`), so it does not load this one in `{root}/{}/`; move its folder up to `{root}/`",
                deeper.join("/")
            )),
        },
    };
    if let Some(msg) = problem {
        let rope = sink.doc.rope();
        let first = rope.line(0).to_string();
        let end = first.trim_end_matches(['\n', '\r']).len();
        sink.push("/unread-location", 0..end, msg);
    }
}
