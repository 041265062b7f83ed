//! Colour swatches: every value of a field whose allowed values carry a colour (`color: blue`)
//! or that takes `#rrggbb`, and, for a colour picked in the editor, the allowed values nearest
//! to it (or its `#rrggbb`).

use super::diagnostics::detect;
use crate::document::{Document, TextEdit, TextRange};
use crate::formats::{Choice, Format, ValueKind};
use crate::syntax::yaml::{NodeKind, Style};

/// A colour shown at `range` (the value as written, quotes included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorInfo {
    pub range: TextRange,
    pub rgb: (u8, u8, u8),
}

/// One way to write a picked colour: the allowed value nearest to it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorPresentation {
    pub label: String,
    pub edit: TextEdit,
}

fn colour_choices(format: &Format, key: &str) -> Option<&'static [Choice]> {
    match &format.field(key)?.value {
        ValueKind::OneOf(choices) if choices.iter().any(|c| c.rgb.is_some()) => Some(choices),
        _ => None,
    }
}

/// Whether the key takes `#rrggbb` colours.
fn takes_hex(format: &Format, key: &str) -> bool {
    matches!(format.field(key).map(|f| &f.value), Some(ValueKind::Color(_)))
}

/// `#rrggbb`, read.
pub(crate) fn hex_rgb(value: &str) -> Option<(u8, u8, u8)> {
    let h = value
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

/// The colour values of the document's front matter.
pub fn document_colors(doc: &Document) -> Vec<ColorInfo> {
    let Some(format) = detect(doc).map(|d| d.format) else {
        return Vec::new();
    };
    let Some(root) = &doc.syntax().yaml.root else {
        return Vec::new();
    };
    root.entries()
        .iter()
        .filter_map(|e| {
            let key = e.key.as_str()?;
            let value = e.value.as_str()?;
            let rgb = match takes_hex(format, key) {
                true => hex_rgb(value)?,
                false => colour_choices(format, key)?.iter().find(|c| c.value == value)?.rgb?,
            };
            Some(ColorInfo {
                range: e.value.span.clone(),
                rgb,
            })
        })
        .collect()
}

/// The allowed colours for the value at `range`, nearest to `rgb` (components 0..=1) first,
/// each replacing the value and keeping its quotes.
pub fn color_presentations(doc: &Document, range: &TextRange, rgb: (f32, f32, f32)) -> Vec<ColorPresentation> {
    let Some(format) = detect(doc).map(|d| d.format) else {
        return Vec::new();
    };
    let Some(root) = &doc.syntax().yaml.root else {
        return Vec::new();
    };
    let Some(entry) = root
        .entries()
        .iter()
        .find(|e| e.value.span.start <= range.start && range.end <= e.value.span.end)
    else {
        return Vec::new();
    };
    let hex = entry.key.as_str().is_some_and(|k| takes_hex(format, k));
    let choices = entry.key.as_str().and_then(|k| colour_choices(format, k));
    if choices.is_none() && !hex {
        return Vec::new();
    }
    let quote = match &entry.value.kind {
        NodeKind::Scalar {
            style: Style::SingleQuoted,
            ..
        } => "'",
        NodeKind::Scalar {
            style: Style::DoubleQuoted,
            ..
        } => "\"",
        _ => "",
    };
    let distance = |(r, g, b): (u8, u8, u8)| {
        let d = |c: u8, x: f32| (f32::from(c) / 255.0 - x).powi(2);
        d(r, rgb.0) + d(g, rgb.1) + d(b, rgb.2)
    };
    if hex {
        // `#` starts a comment in a plain YAML value: a hex colour is always quoted.
        let q = if quote.is_empty() { "\"" } else { quote };
        let byte = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
        let value = format!("#{:02x}{:02x}{:02x}", byte(rgb.0), byte(rgb.1), byte(rgb.2));
        return vec![ColorPresentation {
            label: value.clone(),
            edit: TextEdit {
                range: entry.value.span.clone(),
                new_text: format!("{q}{value}{q}"),
            },
        }];
    }
    let choices = choices.unwrap_or_default();
    let mut ranked: Vec<(&Choice, f32)> = choices.iter().filter_map(|c| Some((c, distance(c.rgb?)))).collect();
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    ranked
        .into_iter()
        .map(|(c, _)| ColorPresentation {
            label: c.value.to_string(),
            edit: TextEdit {
                range: entry.value.span.clone(),
                new_text: format!("{quote}{}{quote}", c.value),
            },
        })
        .collect()
}
