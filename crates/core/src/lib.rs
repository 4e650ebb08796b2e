//! starcoach's core: what an answer says and how it scores, with no audio, no model and no
//! native code.
//!
//! A [`transcript::Transcript`] (words with timings) goes in; [`score::score_answer`] judges it
//! against the rubric of its kind of question ([`score`], docs/scoring.md) and the [`report`]
//! module renders the result as text, Markdown, JSON or HTML. [`questions`] is the question
//! bank and [`themes`] the story-bank themes. Everything here builds and tests in seconds on
//! any platform, wasm32 included (`cargo test -p starcoach-core`).

pub mod digest;
pub mod interview;
pub mod kind;
pub mod questions;
pub mod report;
pub mod score;
pub mod themes;
pub mod tomlfile;
pub mod transcript;
