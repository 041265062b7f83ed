//! agentls: a language server and checker for agent spec files.
//!
//! Layers, inner to outer: [`document`] (text and positions), [`syntax`] (front matter, YAML,
//! Markdown), [`formats`] (the catalogs), [`analysis`] (diagnostics and other features as pure
//! functions), [`workspace`] (finding files), and the two edges: [`lsp`] and [`cli`].

pub mod analysis;
pub mod cli;
pub mod config;
pub mod document;
pub mod formats;
pub mod lsp;
pub mod syntax;
pub mod workspace;
