//! starcoach's speech: Whisper models and whisper.cpp transcription.
//!
//! [`model`] finds, installs, converts and checks the GGML model files; [`transcriber`] turns
//! decoded audio into a [`starcoach_core::transcript::Transcript`] with word timings, in pieces
//! cut at pauses, with the filler pass that writes the "um"s plain decoding drops.

pub mod model;
pub mod switches;
pub mod transcriber;

use starcoach_audio as audio;
use starcoach_core::transcript;
