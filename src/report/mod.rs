//! Reports: one or many scored answers rendered as terminal text, Markdown or JSON.
//!
//! Pure functions returning `String`: the CLI decides where to write them and whether to use
//! colour. JSON follows the contract in `docs/report.schema.json`.

pub mod json;
pub mod markdown;
pub mod text;

pub use crate::score::fmt_time;
pub use json::{render_json, SCHEMA_VERSION};
pub use markdown::render_markdown;
pub use text::render_text;
