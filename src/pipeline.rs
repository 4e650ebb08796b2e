//! From an input (a recording or a transcript file) to an [`AnswerScore`]: the one path that
//! `score`, `record` and `batch` share, so they cannot drift apart.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::audio;
use crate::audio::voiceprint::VoicePrints;
use crate::interview::{self, InterviewScore};
use crate::score::{self, AnswerContext, AnswerScore, QuestionKind, ScoringConfig};
use crate::transcriber::{PieceCache, TranscribeOptions, Transcriber};
use crate::transcript::Transcript;

/// The loaded model (if any input needs one) and the scoring rules.
pub struct Pipeline {
    transcriber: Option<Transcriber>,
    pub opts: TranscribeOptions,
    pub config: ScoringConfig,
}

impl Pipeline {
    /// A pipeline that can transcribe (loads the model at `model`).
    pub fn with_model(
        model: &Path,
        opts: TranscribeOptions,
        config: ScoringConfig,
    ) -> Result<Self> {
        Ok(Pipeline {
            transcriber: Some(Transcriber::load(model)?),
            opts,
            config,
        })
    }

    /// A pipeline for transcripts only (no model loaded).
    pub fn text_only(config: ScoringConfig) -> Self {
        Pipeline {
            transcriber: None,
            opts: TranscribeOptions::default(),
            config,
        }
    }

    /// Decodes and transcribes one recording.
    pub fn transcribe(&self, path: &Path) -> Result<Transcript> {
        let shown = path.display().to_string();
        if self.transcriber.is_none() {
            anyhow::bail!("internal: no model loaded for audio input");
        }
        let audio = audio::load(path)?;
        self.transcribe_audio(&audio, &shown)
    }

    /// Reads the recording at `path` as a whole mock interview ([`interview_audio`]).
    pub fn interview(&self, path: &Path) -> Result<InterviewScore> {
        let shown = path.display().to_string();
        let audio = audio::load(path)?;
        self.interview_decoded(&audio, &shown)
    }

    /// [`Pipeline::interview`] of a recording already decoded (`batch --interview`); `shown`
    /// names it in messages.
    pub fn interview_decoded(&self, audio: &audio::Audio, shown: &str) -> Result<InterviewScore> {
        let transcriber = self
            .transcriber
            .as_ref()
            .context("internal: no model loaded for audio input")?;
        audio::check_judgeable(Path::new(shown), audio)?;
        interview_audio(transcriber, &self.opts, audio, shown, &self.config)
    }

    /// Transcribes a recording already decoded with [`audio::load`] (`batch` decodes on one
    /// thread while Whisper works on another). `shown` names it in messages. A recording with
    /// too little speech to judge, or without words, is an error: it is not scored.
    pub fn transcribe_audio(&self, audio: &audio::Audio, shown: &str) -> Result<Transcript> {
        self.transcribe_audio_cached(audio, shown, None)
    }

    /// [`Pipeline::transcribe_audio`] reusing the pieces `cache` holds (decoded from the
    /// same samples while the answer was recorded): the same transcript, sooner.
    pub fn transcribe_audio_cached(
        &self,
        audio: &audio::Audio,
        shown: &str,
        cache: Option<&PieceCache>,
    ) -> Result<Transcript> {
        let transcriber = self
            .transcriber
            .as_ref()
            .context("internal: no model loaded for audio input")?;
        audio::check_judgeable(Path::new(shown), audio)?;
        let t = transcriber
            .transcribe_cached(audio, shown, &self.opts, cache)
            .with_context(|| format!("{shown}: transcription failed"))?;
        if t.words().next().is_none() {
            return Err(audio::AudioError::NotSpeech {
                path: PathBuf::from(shown),
                what: format!(
                    "Whisper heard no words in {:.0} s of sound (noise, music, or not English?)",
                    audio.duration_s
                ),
            }
            .into());
        }
        Ok(t)
    }

    /// The transcript of an answer still being recorded (no judgement of whether it is long
    /// enough) on `threads` threads, its pieces kept in `cache` for the final transcription.
    /// (The thread count changes the speed, not the transcript: the pieces are the same.)
    pub fn transcribe_so_far(
        &self,
        audio: &audio::Audio,
        cache: &PieceCache,
        threads: usize,
    ) -> Result<Transcript> {
        let transcriber = self
            .transcriber
            .as_ref()
            .context("internal: no model loaded for audio input")?;
        let opts = TranscribeOptions {
            threads,
            ..self.opts
        };
        Ok(transcriber.transcribe_cached(audio, "live", &opts, Some(cache))?)
    }

    /// Scores a transcript.
    pub fn score(
        &self,
        t: &Transcript,
        question: Option<&str>,
        kind: Option<QuestionKind>,
    ) -> AnswerScore {
        score::score_answer(t, &AnswerContext::new(question, kind), &self.config)
    }
}

/// A whole mock interview read from a transcript alone: questions found from the words.
pub fn interview_from_transcript(t: &Transcript, config: &ScoringConfig) -> InterviewScore {
    let split = interview::split(t, None);
    interview::score_interview(t, &split, config)
}

/// A whole mock interview read from its recording, in two passes. The first transcribes the
/// whole recording and finds each question and its answer, telling the interviewer's voice
/// from the candidate's by voice prints. The second cuts each answer out of the recording
/// (the interviewer's follow-ups left out) and transcribes it alone, as if it had been
/// recorded on its own: so it scores as the same answer cut out by hand would, and a
/// sentence Whisper skipped in the long recording is heard again.
pub fn interview_audio(
    transcriber: &Transcriber,
    opts: &TranscribeOptions,
    audio: &audio::Audio,
    shown: &str,
    config: &ScoringConfig,
) -> Result<InterviewScore> {
    interview_audio_with_transcript(transcriber, opts, audio, shown, config).map(|(s, _)| s)
}

/// [`interview_audio`], also returning the first pass's transcript of the whole recording.
pub fn interview_audio_with_transcript(
    transcriber: &Transcriber,
    opts: &TranscribeOptions,
    audio: &audio::Audio,
    shown: &str,
    config: &ScoringConfig,
) -> Result<(InterviewScore, Transcript)> {
    let t = transcriber
        .transcribe(audio, shown, opts)
        .with_context(|| format!("{shown}: transcription failed"))?;
    let prints = VoicePrints::analyze(&audio.samples);
    let print = |from: f64, to: f64| prints.print(from, to);
    let mut split = interview::split(&t, Some(&print));
    // The interviewer's turns heard again on their own, and the recording read again with
    // them: a question Whisper skipped or broke in the whole recording reads as asked.
    let runs = interview::interviewer_runs(&split);
    if !runs.is_empty() {
        let piece = audio::splice(audio, &runs, interview::CLOSED_GAP_S);
        let heard = transcriber
            .transcribe(&piece, shown, opts)
            .with_context(|| format!("{shown}: transcription failed"))?;
        if heard.words().next().is_some() && !interview::loops(&heard) {
            let again =
                interview::with_words_heard_again(&t, &runs, &heard, interview::CLOSED_GAP_S);
            split = interview::split(&again, Some(&print));
        }
    }
    tracing::debug!(
        voices = ?split.voices,
        separation = ?split.separation,
        questions = split.questions.len(),
        "interview split"
    );
    for (cut, q) in split.answers.iter_mut().zip(&mut split.questions) {
        if cut.runs.is_empty() {
            continue;
        }
        let piece = audio::splice(audio, &cut.runs, interview::CLOSED_GAP_S);
        match transcriber.transcribe(&piece, shown, opts) {
            Ok(mut alone) if alone.words().next().is_some() && !interview::loops(&alone) => {
                alone.source = t.source.clone();
                cut.transcript =
                    interview::narrow_to_words_heard(q, cut, alone, interview::CLOSED_GAP_S);
            }
            // Nothing heard alone, or Whisper stuck repeating itself on the cut: the words
            // the first pass heard there stand.
            Ok(_) => {}
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!("{shown}: transcription failed")))
            }
        }
    }
    let mut scored = interview::score_interview(&t, &split, config);
    if audio.truncated {
        scored.warnings.push(format!(
            "The file is cut short ({:.0} s of {:.0} s); the feedback covers only what is there.",
            audio.duration_s, audio.promised_s
        ));
    }
    Ok((scored, t))
}

/// Reads a transcript file: the JSON that `starcoach transcribe --format json` writes (first
/// transcript), a single transcript object, or plain text (times estimated).
pub fn read_transcript(path: &Path) -> Result<Transcript> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow::anyhow!("{shown}: file not found"),
        std::io::ErrorKind::InvalidData => anyhow::anyhow!("{shown}: not a text file"),
        _ => anyhow::anyhow!("{shown}: cannot read ({e})"),
    })?;
    if text.trim().is_empty() {
        anyhow::bail!("{shown}: empty transcript");
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(trimmed)
            .with_context(|| format!("{shown}: not valid transcript JSON"))?;
        let one = match v.get("transcripts").and_then(|t| t.get(0)) {
            Some(first) => first.clone(),
            None => v,
        };
        let mut t: Transcript = serde_json::from_value(one)
            .with_context(|| format!("{shown}: JSON is not a starcoach transcript"))?;
        t.check_times()
            .map_err(|problem| anyhow::anyhow!("{shown}: not a usable transcript: {problem}"))?;
        if t.source.is_none() {
            t.source = Some(shown);
        }
        return Ok(t);
    }
    Ok(Transcript::from_plain_text(&text, Some(shown)))
}

/// The file stem used to name an answer's reports (`answer.m4a` → `answer`).
pub fn report_name(path: &Path) -> String {
    path.file_stem()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}
