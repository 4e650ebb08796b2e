//! Whisper models: where they live, how they are provisioned (registry wheel + conversion).
