//! What Gemini CLI 0.61.0 does with a subagent's `model` (`A/model/*`): aliases and promoted
//! ids are resolved, other `gemini-*` ids are sent as written, and any other string is sent to
//! the API as the model id (which the real API answers with an error).

use crate::formats::product::{Model, ModelStatus};

const fn alias(id: &'static str, doc: &'static str, sends: Option<&'static str>) -> Model {
    Model {
        id,
        doc,
        status: ModelStatus::Alias,
        replacement: None,
        sends,
    }
}

const fn id(id: &'static str, doc: &'static str, sends: Option<&'static str>) -> Model {
    Model {
        id,
        doc,
        status: ModelStatus::Active,
        replacement: None,
        sends,
    }
}

pub static MODELS: &[Model] = &[
    alias(
        "inherit",
        "The session's model (also when `model` is absent or empty).",
        None,
    ),
    alias("auto", "Routed per turn by Gemini CLI's classifier.", None),
    alias(
        "pro",
        "The latest Pro model.",
        Some("gemini-3.1-pro-preview-customtools"),
    ),
    alias("flash", "The latest Flash model.", Some("gemini-3.8-flash")),
    alias(
        "flash-lite",
        "The latest Flash-Lite model.",
        Some("gemini-3.5-flash-lite"),
    ),
    id("gemini-3.1-pro-preview", "Gemini 3.1 Pro (preview).", None),
    id(
        "gemini-3-pro-preview",
        "Gemini 3 Pro (preview), promoted to 3.1.",
        Some("gemini-3.1-pro-preview-customtools"),
    ),
    id("gemini-3-flash-preview", "Gemini 3 Flash (preview).", None),
    id(
        "gemini-3.5-flash",
        "Gemini 3.5 Flash, promoted.",
        Some("gemini-3.8-flash"),
    ),
    id("gemini-3.8-flash", "Gemini 3.8 Flash.", None),
    id("gemini-3.5-flash-lite", "Gemini 3.5 Flash-Lite.", None),
    id("gemini-2.5-pro", "Gemini 2.5 Pro.", None),
    id("gemini-2.5-flash", "Gemini 2.5 Flash.", None),
];

/// Case-sensitive: `Gemini-2.5-Pro` is sent as written (`A/model/uppercase`).
pub fn lookup(value: &str) -> Option<&'static Model> {
    MODELS.iter().find(|m| m.id == value)
}
