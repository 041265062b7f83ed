//! Finding and reading agent spec files on disk.

pub mod cross_file;
pub mod fixture;
pub mod index;
pub mod mcp;
pub mod references;

use std::path::{Path, PathBuf};

/// Files larger than this are not read: no agent spec is anywhere near it, and a language
/// server must not stall on a log file that happens to end in `.md`.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The extensions agent spec files use, and files a format claims by their path whatever
/// their extension (Cline's `.clinerules` file, its `.txt` rules).
pub fn is_candidate(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "mdc"))
        || crate::formats::detect(Some(path), &[]).is_some_and(|d| d.by_path)
}

/// Every candidate file under `root` (or `root` itself when it is a file, whatever its
/// extension), honouring `.gitignore` and skipping `.git`, `node_modules` and `target`.
pub fn walk(root: &Path) -> Vec<PathBuf> {
    if root.is_file() {
        return vec![root.to_path_buf()];
    }
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false) // `.claude/` and `.github/` hold the files we are after
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some(".git" | "node_modules" | "target")))
        .build();
    walker
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && is_candidate(e.path()))
        .map(|e| e.into_path())
        .collect()
}

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooLarge(u64),
    /// The byte offset of the first invalid sequence.
    NotUtf8(usize),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::TooLarge(n) => write!(f, "{n} bytes is over the {} MiB limit", MAX_FILE_BYTES >> 20),
            ReadError::NotUtf8(at) => write!(f, "not valid UTF-8 text (first bad byte at offset {at})"),
        }
    }
}

/// Reads a file as UTF-8 text, refusing huge files without reading them, and anything that is
/// not a regular file (opening a FIFO would block; a device never ends).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::Io(std::io::Error::other("not a regular file")));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map_err(ReadError::Io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` also bounds special files that report a length of 0 (`/dev/zero`).
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
}
