//! Decoding any supported recording into 16 kHz mono f32 samples for Whisper.
