//! Filler detection on the labelled audio sets (fixtures/fillers, one natural-sounding voice
//! with "um"/"uh" at known times; fixtures/fillers-voices, six voices in seven conditions):
//! precision, recall, timing, and the cost to the other words, against plain decoding. Also:
//! no filler on real read speech.
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
    let files = ogg_files("fillers");
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

/// The newest held-out group (run once in session 25): `STARCOACH_SKIP_FRESH=1` leaves it out.
const FRESH_GROUP: u8 = 9;
/// Where the whole set's counts are kept (every file, tuning and held out).
const WHOLE_SET: u8 = u8::MAX;

/// One file of fixtures/fillers-voices: who speaks, in what condition, held out or not.
#[derive(Deserialize)]
struct VoiceLabels {
    /// The script as said, fillers included.
    text: String,
    text_clean: String,
    fillers: Vec<LabelledFiller>,
    voice_id: String,
    condition: String,
    held_out: bool,
    /// 2 for the second held-out group (voice fest_kal, condition memo; fresh in session 19,
    /// read since), 3 for the third (session 21, read since), 4 for the fourth (session 22, read
    /// since), 5 for the fifth (session 23, read since), 6 for the sixth (session 23, read since),
    /// 7 for the seventh (session 24);
    /// absent on the first held-out group (fest_ked, phone), which has been read while tuning.
    #[serde(default)]
    held_out_group: Option<u8>,
}

impl VoiceLabels {
    /// 0 tuning files, 1-8 the first eight held-out groups (seen), 9 the fresh one.
    fn group(&self) -> u8 {
        match (self.held_out, self.held_out_group) {
            (false, _) => 0,
            (true, Some(g)) => g,
            (true, None) => 1,
        }
    }
}

/// Filler counts of one group (a voice, a condition, a kind).
#[derive(Default, Clone, Copy)]
struct Counts {
    labelled: usize,
    found: usize,
    /// Found and written as the kind that was said.
    same_kind: usize,
    /// Detected where no filler was said (only for groups of whole files).
    false_found: usize,
}

impl Counts {
    fn recall(&self) -> f64 {
        self.found as f64 / self.labelled.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.false_found).max(1) as f64
    }
}

/// A detected filler written in the labelled filler's place among the other words (the same
/// gap between the same two words, by a word alignment of the transcript to the script) counts
/// when it starts within this of the labelled one, however far Whisper's timestamp drifted.
const PLACED_TOLERANCE_S: f64 = 1.5;

/// How a detection is matched to a labelled filler.
#[derive(Clone, Copy, PartialEq)]
enum Matching {
    /// By time alone: it starts within [`TOLERANCE_S`] of the labelled filler.
    Time,
    /// By time, or by its place in the text within [`PLACED_TOLERANCE_S`].
    Placed,
}

/// The gap between words each filler of a script sits in (0 before the first other word), and
/// the script's other words.
fn script_gaps(text: &str) -> (Vec<String>, Vec<usize>) {
    let mut words = Vec::new();
    let mut gaps = Vec::new();
    for w in normalise(text) {
        if is_hesitation(&w) {
            gaps.push(words.len());
        } else {
            words.push(w);
        }
    }
    (words, gaps)
}

/// Every filler written in `t`: its start, what was written, and the gaps of `script` (its
/// words without fillers) it can stand in, by a word alignment of `t`'s other words to them
/// (a range when script words were left out there).
fn written_fillers(t: &Transcript, script: &[String]) -> Vec<(f64, String, (usize, usize))> {
    let mut heard: Vec<String> = Vec::new();
    let mut fillers = Vec::new();
    for w in t.words() {
        if is_hesitation(&w.text) {
            fillers.push((w.start_s, w.text.to_lowercase(), heard.len()));
        } else {
            heard.extend(normalise(&w.text));
        }
    }
    // Edit-distance table, then the alignment walked back from its end.
    let (r, h) = (script.len(), heard.len());
    let mut d = vec![vec![0usize; h + 1]; r + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=h).collect();
    for i in 1..=r {
        for j in 1..=h {
            d[i][j] = (d[i - 1][j - 1] + usize::from(script[i - 1] != heard[j - 1]))
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
        }
    }
    // script_at[j]: script words consumed when heard word j is aligned (before it).
    let (mut lo, mut hi) = (vec![0; h + 1], vec![r; h + 1]);
    let (mut i, mut j) = (r, h);
    while j > 0 {
        if i > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(script[i - 1] != heard[j - 1]) {
            // Heard word j-1 stands for script word i-1.
            hi[j - 1] = i - 1;
            lo[j] = i;
            i -= 1;
            j -= 1;
        } else if i > 0 && d[i][j] == d[i - 1][j] + 1 {
            i -= 1;
        } else {
            // Heard word j-1 was not in the script.
            hi[j - 1] = i;
            lo[j] = i;
            j -= 1;
        }
    }
    fillers
        .into_iter()
        .map(|(s, w, g)| (s, w, (lo[g], hi[g].max(lo[g]))))
        .collect()
}

/// Matches each labelled filler to the nearest unused detection that `how` accepts; returns,
/// per labelled filler, the index of its detection among the written fillers (if any), and the
/// written fillers.
#[allow(clippy::type_complexity)]
fn match_fillers(
    t: &Transcript,
    labels: &VoiceLabels,
    how: Matching,
) -> (Vec<Option<usize>>, Vec<(f64, String, (usize, usize))>) {
    let (script, gaps) = script_gaps(&labels.text);
    let found = written_fillers(t, &script);
    let placed = how == Matching::Placed && gaps.len() == labels.fillers.len();
    let mut used = vec![false; found.len()];
    let matched = labels
        .fillers
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let accepts = |(s, _, (lo, hi)): &(f64, String, (usize, usize))| {
                let off = (s - f.start_s).abs();
                off <= TOLERANCE_S
                    || (placed && off <= PLACED_TOLERANCE_S && (*lo..=*hi).contains(&gaps[k]))
            };
            let best = found
                .iter()
                .enumerate()
                .filter(|(i, x)| !used[*i] && accepts(x))
                .min_by(|a, b| {
                    (a.1 .0 - f.start_s)
                        .abs()
                        .total_cmp(&(b.1 .0 - f.start_s).abs())
                })
                .map(|(i, _)| i);
            if let Some(i) = best {
                used[i] = true;
            }
            best
        })
        .collect();
    (matched, found)
}

/// The kind a detected filler was written as ("Um," -> "um").
fn kind_of(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// Issue 23: "um" and "uh" on voices, rooms and microphones beyond the one voice of
/// fixtures/fillers. Prints precision and recall per voice, per condition and per kind, for
/// the tuning files, the first held-out group (voice fest_ked, condition phone: read while
/// tuning since, so "seen"), the second (voice fest_kal, condition memo: fresh in session 19,
/// seen since), the third (session 21, seen since), the fourth (run once in session 22, seen
/// since), the fifth (voice pico_us, condition car: run once in session 23, seen since), the
/// sixth (voice gnuspeech_male, condition earbuds: run once in session 23, seen since) and the
/// seventh (voice pico_gb, condition meeting: run once in session 24) apart, then the
/// whole set, with plain decoding's figures and the filler pass's cost.
/// A filler counts as found when it is written in its place among the words (within
/// [`PLACED_TOLERANCE_S`]) or within [`TOLERANCE_S`] of the label: what a reader of the
/// transcript sees. The figures by time alone (the test's measure until session 24) are
/// printed beside them: Whisper often dates a drawn-out filler 0.5-1 s off while writing it
/// in the right gap, which that measure counted as one miss plus one false filler.
/// Asserts floors on the tuning files only (docs/fillers.md), so that a change cannot quietly
/// lose ground; the held-out files are reported, never asserted on. `STARCOACH_SKIP_FRESH=1`
/// leaves the newest group out (for a group still to be read once).
#[test]
fn fillers_on_many_voices_and_conditions() {
    let skip_fresh = std::env::var_os("STARCOACH_SKIP_FRESH").is_some_and(|v| v == "1");
    let files = ogg_files("fillers-voices");
    assert!(
        files.len() >= 30,
        "the multi-voice set is in fixtures/fillers-voices"
    );
    let plain = TranscribeOptions {
        fillers: false,
        ..TranscribeOptions::default()
    };
    let ours = TranscribeOptions::default();
    // (held-out group; group) -> counts, for ours and for plain decoding, and for ours matched
    // by time alone.
    let mut groups: std::collections::BTreeMap<(u8, String), [Counts; 3]> = Default::default();
    let (mut ours_s, mut plain_s) = (0.0, 0.0);
    let (mut wer_ours, mut wer_plain) = ((0, 0), (0, 0));
    for path in &files {
        let l: VoiceLabels = serde_json::from_str(&read(&path.with_extension("json"))).unwrap();
        let h = l.group();
        if h == FRESH_GROUP && skip_fresh {
            continue;
        }
        let audio = audio::load(path).unwrap();
        let started = std::time::Instant::now();
        let p = transcriber().transcribe(&audio, "x", &plain).unwrap();
        plain_s += started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let t = transcriber().transcribe(&audio, "x", &ours).unwrap();
        ours_s += started.elapsed().as_secs_f64();
        for (which, tr, how) in [
            (0, &t, Matching::Placed),
            (1, &p, Matching::Placed),
            (2, &t, Matching::Time),
        ] {
            let (matched, written) = match_fillers(tr, &l, how);
            let false_found = written.len() - matched.iter().flatten().count();
            let file_groups = [
                "all".to_string(),
                format!("voice {}", l.voice_id),
                format!("condition {}", l.condition),
            ];
            for set in [h, WHOLE_SET] {
                for g in &file_groups {
                    let c = &mut groups.entry((set, g.clone())).or_default()[which];
                    c.labelled += l.fillers.len();
                    c.found += matched.iter().flatten().count();
                    c.false_found += false_found;
                }
                for (f, m) in l.fillers.iter().zip(&matched) {
                    let c = &mut groups
                        .entry((set, format!("kind {}", f.word.to_lowercase())))
                        .or_default()[which];
                    c.labelled += 1;
                    c.found += usize::from(m.is_some());
                    c.same_kind += usize::from(
                        m.map(|i| kind_of(&written[i].1)) == Some(f.word.to_lowercase()),
                    );
                }
            }
            if which == 2 {
                continue;
            }
            let (e, n) = wer_counts(&l.text_clean, &without_fillers(tr));
            let w = if which == 0 {
                &mut wer_ours
            } else {
                &mut wer_plain
            };
            w.0 += e;
            w.1 += n;
        }
        let (matched, written) = match_fillers(&t, &l, Matching::Placed);
        let false_found = written.len() - matched.iter().flatten().count();
        println!(
            "{}{}: {} of {} found, {} false",
            path.file_name().unwrap().to_string_lossy(),
            [
                "",
                " (seen held out)",
                " (seen held out, group 2)",
                " (seen held out, group 3)",
                " (seen held out, group 4)",
                " (seen held out, group 5)",
                " (seen held out, group 6)",
                " (seen held out, group 7)",
                " (seen held out, group 8)",
                " (held out, group 9, run once)"
            ][usize::from(h)],
            matched.iter().flatten().count(),
            l.fillers.len(),
            false_found
        );
        for (f, m) in l.fillers.iter().zip(&matched) {
            if m.is_none() {
                println!(
                    "  missed {} at {:.2} s: {}",
                    f.word,
                    f.start_s,
                    near(&t, f.start_s)
                );
            }
        }
        for (i, (s, w, _)) in written.iter().enumerate() {
            if !matched.contains(&Some(i)) {
                println!("  false {w} at {s:.2} s: {}", near(&t, *s));
            }
        }
    }
    for held in [0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9, WHOLE_SET] {
        if !groups.keys().any(|(h, _)| *h == held) {
            continue;
        }
        println!(
            "\n{}",
            match held {
                0 => "tuning files",
                1 => "SEEN HELD OUT (voice fest_ked, condition phone): held out until session 19, read while tuning since",
                2 => "SEEN HELD OUT, group 2 (voice fest_kal, condition memo): fresh in session 19, read since",
                3 => "SEEN HELD OUT, group 3 (voice espeak_rp_linda, condition laptop): run once in session 21, read since (docs/fillers.md)",
                4 => "SEEN HELD OUT, group 4 (voice espeak_nyc_robert, condition headset): run once in session 22, read since (docs/fillers.md)",
                5 => "SEEN HELD OUT, group 5 (voice pico_us, condition car): run once in session 23, read since (docs/fillers.md)",
                6 => "SEEN HELD OUT, group 6 (voice gnuspeech_male, condition earbuds): run once in session 23, read since (docs/fillers.md)",
                7 => "SEEN HELD OUT, group 7 (voice pico_gb, condition meeting): run once in session 24, read since (docs/fillers.md)",
                8 => "SEEN HELD OUT, group 8 (voice dectalk_paul, condition kitchen): run once in session 25, read since (docs/fillers.md)",
                9 => "HELD OUT, group 9 (voice dectalk_betty, condition screenrec): written blind by a helper, run once in session 25 (docs/fillers.md), never tuned on",
                _ => "WHOLE SET (every file above)",
            }
        );
        for ((_, g), [o, p, by_time]) in groups.iter().filter(|((h, _), _)| *h == held) {
            if g.starts_with("kind") {
                println!(
                    "  {g:<22} recall {:.2} ({} of {}), written as said {} | plain recall {:.2} | by time alone recall {:.2}",
                    o.recall(),
                    o.found,
                    o.labelled,
                    o.same_kind,
                    p.recall(),
                    by_time.recall()
                );
            } else {
                println!(
                    "  {g:<22} precision {:.2} recall {:.2} ({} of {}, {} false) | plain precision {:.2} recall {:.2} | by time alone precision {:.2} recall {:.2}",
                    o.precision(),
                    o.recall(),
                    o.found,
                    o.labelled,
                    o.false_found,
                    p.precision(),
                    p.recall(),
                    by_time.precision(),
                    by_time.recall()
                );
            }
        }
    }
    let pct = |w: (usize, usize)| w.0 as f64 / w.1.max(1) as f64 * 100.0;
    println!(
        "\nnon-filler WER: filler pass {:.2} %, plain {:.2} %; time: filler pass {ours_s:.1} s, plain {plain_s:.1} s ({:.2}x)",
        pct(wer_ours),
        pct(wer_plain),
        ours_s / plain_s.max(1e-9)
    );
    let tuning = |g: &str| groups[&(0, g.to_string())][0];
    // both laptop paths (generic and avx2) take the float16 model
    let generic = starcoach::env::init().unwrap().switches.cpu != starcoach::model::CpuMode::Native;
    let floors = if generic {
        &TUNING_FLOORS_GENERIC
    } else {
        &TUNING_FLOORS
    };
    for (g, floor) in &floors[..2] {
        assert!(
            tuning(g).recall() >= *floor,
            "tuning files, {g}: recall {:.2} under its floor {floor}",
            tuning(g).recall()
        );
    }
    assert!(
        tuning("all").precision() >= floors[2].1,
        "tuning files: precision {:.2} under its floor {}",
        tuning("all").precision(),
        floors[2].1
    );
}

/// Floors on the tuning files of fixtures/fillers-voices (see the test above): um recall, uh
/// recall, um/uh precision, a little under the figures measured: um 0.80, uh 0.87, precision
/// 0.87 when the set was added; um 0.90, uh 0.89, precision 0.94 with the steadiness cue of the
/// re-timing (session 17; issue 23 asks for 0.9 each on the held-out files); um 0.96, uh 0.98,
/// precision 0.96 with the sound-tag retry, the mixed steadiness and the edge bonus (session 19);
/// um 0.92, uh 0.96, precision 0.92 once the transcriber also reads only the speech and 0.25 s
/// around it (session 19; that framing alone, before the helper's changes, had moved the
/// figures to 0.88 / 0.91 / 0.88: how far they move by chance).
const TUNING_FLOORS: [(&str, f64); 3] = [("kind um", 0.88), ("kind uh", 0.90), ("all", 0.88)];
/// The same on the laptop path (`STARCOACH_CPU=generic` on ggml without AVX-512, float16
/// model, run by scripts/test-generic), which heard more false fillers there: um 0.80, uh
/// 0.83, precision 0.75 measured.
const TUNING_FLOORS_GENERIC: [(&str, f64); 3] =
    [("kind um", 0.75), ("kind uh", 0.78), ("all", 0.70)];

/// The matcher itself: a filler written in its place among the words matches within
/// [`PLACED_TOLERANCE_S`], one written in another gap only within [`TOLERANCE_S`].
#[test]
fn a_filler_matches_by_its_place_among_the_words_or_by_time() {
    let t = Transcript::from_plain_text("So I, uh, checked it, and um, we left.", None);
    let at = |w: &str| t.words().find(|x| x.text == w).unwrap().start_s;
    let labels = |text: &str, uh_s: f64, um_s: f64| -> VoiceLabels {
        serde_json::from_value(serde_json::json!({
            "text": text,
            "text_clean": "So I checked it, and we left.",
            "fillers": [{"word": "uh", "start_s": uh_s}, {"word": "um", "start_s": um_s}],
            "voice_id": "v", "condition": "c", "held_out": false,
        }))
        .unwrap()
    };
    // Both in their places, timestamps a second late: matched by place only.
    let l = labels(
        "So I uh checked it and um we left",
        at("uh,") - 1.0,
        at("um,") - 1.0,
    );
    let (placed, written) = match_fillers(&t, &l, Matching::Placed);
    assert_eq!(placed, [Some(0), Some(1)]);
    assert_eq!(written.len(), 2);
    assert_eq!(match_fillers(&t, &l, Matching::Time).0, [None, None]);
    // "um" said in another gap ("we um left"): 1.2 s off is too far; 0.3 s is near enough.
    let l = labels(
        "So I uh checked it and we um left",
        at("uh,"),
        at("um,") + 1.2,
    );
    assert_eq!(match_fillers(&t, &l, Matching::Placed).0, [Some(0), None]);
    let l = labels(
        "So I uh checked it and we um left",
        at("uh,"),
        at("um,") + 0.3,
    );
    assert_eq!(
        match_fillers(&t, &l, Matching::Placed).0,
        [Some(0), Some(1)]
    );
    // Words heard wrong around it ("checked" as "jacket") keep the place.
    let t = Transcript::from_plain_text("So I, uh, jacket it, and um, we left.", None);
    let l = labels("So I uh checked it and um we left", 0.0, 0.0);
    let (_, written) = match_fillers(&t, &l, Matching::Placed);
    assert_eq!(written[0].2, (2, 2));
    assert_eq!(written[1].2, (5, 5));
}
