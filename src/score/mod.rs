//! Scoring: the pure core that turns a transcript into a verdict. No audio, no model.
