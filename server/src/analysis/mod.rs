//! Analysis: pure functions from a parsed [`Document`](crate::document::Document) to plain
//! results. No protocol types, no I/O, no async.

pub mod diagnostics;
pub mod rule_docs;
pub mod suggest;

pub use diagnostics::{Diagnostic, Fix, Severity, diagnostics};
