//! Analysis: pure functions from a parsed [`Document`](crate::document::Document) to plain
//! results. No protocol types, no I/O, no async.

pub mod body_syntax;
pub mod code_actions;
pub mod colors;
pub mod completion;
pub mod context;
pub mod diagnostics;
pub mod folding;
pub mod hover;
pub mod links;
pub mod navigation;
pub mod rule_docs;
pub mod suggest;
pub mod symbols;

pub use diagnostics::{Diagnostic, Fix, Severity, diagnostics};
