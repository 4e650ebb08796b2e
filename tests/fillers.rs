//! Filler detection on the labelled audio set (fixtures/fillers, natural-sounding voice with
//! "um"/"uh" at known times): precision, recall, timing, and the cost to the other words,
//! against plain decoding. Also: no filler on real read speech.
#![cfg(feature = "model-tests")]

mod common;

use common::*;
use serde::Deserialize;
use starcoach::audio;
use starcoach::transcriber::{is_hesitation, TranscribeOptions};
use starcoach::transcript::Transcript;

#[derive(Deserialize)]
struct Labels {
    text_clean: String,
    fillers: Vec<LabelledFiller>,
}

#[derive(Deserialize)]
struct LabelledFiller {
    word: String,
    start_s: f64,
}

/// A detected filler counts when it starts within this of a labelled one.
const TOLERANCE_S: f64 = 0.5;

fn without_fillers(t: &Transcript) -> String {
    t.words()
        .filter(|w| !is_hesitation(&w.text))
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words within 2 s of `at_s`, with their start times, for the listing of misses.
fn near(t: &Transcript, at_s: f64) -> String {
    t.words()
        .filter(|w| (w.start_s - at_s).abs() <= 2.0)
        .map(|w| format!("{}@{:.2}", w.text, w.start_s))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    time_err: Vec<f64>,
    wer_errors: usize,
    wer_words: usize,
}

impl Tally {
    /// Adds one answer; `list` prints each miss and false detection with the words around it.
    fn add(&mut self, t: &Transcript, labels: &Labels, only_um_uh: bool, list: bool) {
        let found: Vec<f64> = t
            .words()
            .filter(|w| is_hesitation(&w.text))
            .map(|w| w.start_s)
            .collect();
        let truth: Vec<&LabelledFiller> = labels
            .fillers
            .iter()
            .filter(|f| !only_um_uh || matches!(f.word.to_lowercase().as_str(), "um" | "uh"))
            .collect();
        let others: Vec<&LabelledFiller> = labels
            .fillers
            .iter()
            .filter(|f| !truth.iter().any(|t| std::ptr::eq(*t, *f)))
            .collect();
        let mut used = vec![false; found.len()];
        for f in &truth {
            let best = found
                .iter()
                .enumerate()
                .filter(|(i, s)| !used[*i] && (**s - f.start_s).abs() <= TOLERANCE_S)
                .min_by(|a, b| (a.1 - f.start_s).abs().total_cmp(&(b.1 - f.start_s).abs()));
            match best {
                Some((i, s)) => {
                    used[i] = true;
                    self.tp += 1;
                    self.time_err.push((s - f.start_s).abs());
                }
                None => {
                    self.fn_ += 1;
                    if list {
                        println!(
                            "  missed {} at {:.2} s: {}",
                            f.word,
                            f.start_s,
                            near(t, f.start_s)
                        );
                    }
                }
            }
        }
        // A detection that matches a labelled filler of another kind (er, ah, hmm) is not false.
        for (i, s) in found.iter().enumerate() {
            if !used[i] && !others.iter().any(|f| (s - f.start_s).abs() <= TOLERANCE_S) {
                self.fp += 1;
                if list {
                    println!("  false filler at {s:.2} s: {}", near(t, *s));
                }
            }
        }
        let (e, n) = wer_counts(&labels.text_clean, &without_fillers(t));
        self.wer_errors += e;
        self.wer_words += n;
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn wer(&self) -> f64 {
        self.wer_errors as f64 / self.wer_words.max(1) as f64 * 100.0
    }
}

#[test]
fn um_and_uh_are_heard_on_time_without_hurting_the_other_words() {
    let dir = fixture("fillers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ogg"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 12,
        "the labelled filler set is in fixtures/fillers"
    );
    // STARCOACH_FILLER_BIAS, when set, measures another bias (docs/fillers.md).
    let filler_aware = TranscribeOptions {
        filler_bias: starcoach::env::init().unwrap().filler_bias,
        ..TranscribeOptions::default()
    };
    let plain = TranscribeOptions {
        fillers: false,
        ..TranscribeOptions::default()
    };
    let (mut ours, mut base) = (Tally::default(), Tally::default());
    for path in &files {
        let labels: Labels = serde_json::from_str(&read(&path.with_extension("json"))).unwrap();
        let audio = audio::load(path).unwrap();
        let t = transcriber()
            .transcribe(&audio, "x", &filler_aware)
            .unwrap();
        let p = transcriber().transcribe(&audio, "x", &plain).unwrap();
        let before = (ours.tp, ours.fp, ours.fn_);
        ours.add(&t, &labels, true, true);
        base.add(&p, &labels, true, false);
        println!(
            "{}: tp {} fp {} fn {}",
            path.file_name().unwrap().to_string_lossy(),
            ours.tp - before.0,
            ours.fp - before.1,
            ours.fn_ - before.2
        );
    }
    let mean_err = ours.time_err.iter().sum::<f64>() / ours.time_err.len().max(1) as f64;
    let max_err = ours.time_err.iter().cloned().fold(0.0, f64::max);
    println!(
        "um/uh filler-aware: precision {:.3} recall {:.3} (tp {} fp {} fn {}); start error mean {:.3} s, max {:.3} s",
        ours.precision(), ours.recall(), ours.tp, ours.fp, ours.fn_, mean_err, max_err
    );
    println!(
        "um/uh plain decoding: precision {:.3} recall {:.3} (tp {} fp {} fn {})",
        base.precision(),
        base.recall(),
        base.tp,
        base.fp,
        base.fn_
    );
    println!(
        "non-filler WER: filler-aware {:.2} %, plain {:.2} %",
        ours.wer(),
        base.wer()
    );
    // Issue 4 asks for precision and recall of at least 0.90 (0.982 and 0.933 when this was
    // written: 56 of 60, 1 false).
    assert!(
        ours.precision() >= 0.90,
        "precision {:.3}",
        ours.precision()
    );
    assert!(ours.recall() >= 0.90, "recall {:.3}", ours.recall());
    assert!(
        ours.recall() >= base.recall() + 0.4,
        "no better than plain decoding"
    );
    assert!(max_err <= TOLERANCE_S);
    assert!(
        ours.wer() <= base.wer() + 1.0,
        "WER {:.2} vs plain {:.2}",
        ours.wer(),
        base.wer()
    );
}

#[test]
fn no_filler_is_reported_on_real_read_speech() {
    let dir = real_speech_dir();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "wav") {
            continue;
        }
        let audio = audio::load(&path).unwrap();
        let t = transcriber()
            .transcribe(&audio, "x", &TranscribeOptions::default())
            .unwrap();
        let fillers: Vec<_> = t.words().filter(|w| is_hesitation(&w.text)).collect();
        assert!(fillers.is_empty(), "{}: {fillers:?}", path.display());
    }
}
