//! Re-timing each sentence's words on the speech the voice activity detector found (see
//! `docs/fillers.md`): the pauses inside a sentence are matched to word boundaries, and a short
//! voiced stretch that none of the written words explains becomes a filler Whisper did not
//! write.

use std::ops::Range;

use crate::audio::vad::{SpeechMap, VadConfig};
use crate::audio::voiceprint::VoicePrints;
use crate::transcript::{Segment, Word};

use super::timing::{ends_with_punctuation, is_hesitation};
use super::RATE;

/// What the re-timing looks at: the speech map, a finer map of the same audio (short hangover:
/// it separates a filler from the words around it, which can be 0.1 s away), and the samples.
pub(crate) struct Speech<'a> {
    pub map: &'a SpeechMap,
    pub fine: SpeechMap,
    pub samples: &'a [f32],
    /// How each stretch sounds: a filler is steadier than the words beside it.
    pub prints: VoicePrints,
}

impl<'a> Speech<'a> {
    pub fn new(map: &'a SpeechMap, samples: &'a [f32]) -> Self {
        let cfg = VadConfig {
            hangover_s: 0.06,
            ..VadConfig::default()
        };
        Speech {
            map,
            fine: SpeechMap::analyze_with(samples, RATE, &cfg),
            samples,
            prints: VoicePrints::analyze(samples),
        }
    }
}

/// Re-times each sentence's words on the speech map. Whisper's token times (outside its rare
/// timestamp anchors) interpolate over the sentence's whole span, pauses included, and drift by
/// seconds inside long sentences. Here the pauses inside the sentence are matched to word
/// boundaries, preferring boundaries with punctuation, so that the letters spoken between two
/// matched pauses fit the time spoken there (dynamic programming over pauses x boundaries);
/// the words between two matched pauses then share that speech in proportion to their letters.
///
/// A short voiced stretch with a pause on both sides may also be left without words: speech
/// that none of the written words explains. When that fits the sentence better than giving
/// the stretch to a word, it is a filler Whisper did not write ("Uh, at my internship" written
/// as "At my internship", with "At" stretched over the "uh"), and one is put there.
///
/// Then a written filler the letters put on the wrong side of a pause moves to the side that
/// sounds like the speaker's other fillers ([`move_fillers_to_their_sound`]).
pub(crate) fn retime_on_speech(segments: &mut [Segment], speech: &Speech) {
    let mut alone = Vec::new();
    for seg in segments.iter_mut() {
        retime_sentence(seg, speech, &mut alone);
    }
    if let Some(sound) = FillerSound::of(&alone, speech) {
        move_fillers_to_their_sound(segments, speech, &sound);
    }
}

/// A filler Whisper wrote at the end of a run of words, before a pause, may belong after it,
/// run into the next word ("and um | keep" for "and | um keep": the letters alone cannot
/// tell). The fillers found alone on a stretch of their own show how this speaker says them; a
/// filler that sounds unlike them where it is moves across the pause when the other side
/// sounds clearly more like them. (The other way, from the head of a run back over a pause,
/// moved more right fillers than wrong ones on fixtures/fillers: not done.)
fn move_fillers_to_their_sound(segments: &mut [Segment], speech: &Speech, sound: &FillerSound) {
    // The flat index of each sentence's last word, and the fillers that moved.
    let last_of: Vec<Option<usize>> = segments
        .iter()
        .scan(0usize, |n, seg| {
            *n += seg.words.len();
            Some(n.checked_sub(1).filter(|_| !seg.words.is_empty()))
        })
        .collect();
    let mut moved = Vec::new();
    let mut words: Vec<&mut Word> = segments
        .iter_mut()
        .flat_map(|s| s.words.iter_mut())
        .collect();
    for i in 0..words.len() {
        if !is_hesitation(&words[i].text) || words[i].probability == UNWRITTEN_PROBABILITY {
            continue;
        }
        let (a, b) = (words[i].start_s, words[i].end_s);
        let len = (b - a).clamp(UNWRITTEN_MIN_S, UNWRITTEN_MAX_S);
        let Some(here) = sound.distance(speech, a, b).filter(|&d| d >= MOVE_MIN_HERE) else {
            continue;
        };
        // After it: a pause, then a word that is not a filler; the filler's length there.
        let to = (i + 1 < words.len())
            .then(|| (words[i + 1].start_s, words[i + 1].end_s))
            .filter(|&(x, _)| x - b >= MOVE_PAUSE_S && !is_hesitation(&words[i + 1].text))
            .map(|(x, y)| (x, (x + len).min(y)));
        let there = to.and_then(|(x, y)| sound.distance(speech, x, y));
        tracing::trace!("filler {a:.2}-{b:.2} here {here:.1} after {there:?}");
        if let (Some(to), Some(d)) = (to, there) {
            if d < MOVE_MAX && d < MOVE_RATIO * here {
                tracing::debug!(
                    "filler moved from {a:.2} to {:.2} s (sounds like the others)",
                    to.0
                );
                words[i].start_s = to.0;
                words[i].end_s = to.1;
                words[i + 1].start_s = to.1;
                if i > 0 && words[i - 1].end_s >= a - 0.01 {
                    words[i - 1].end_s = b;
                }
                moved.push(i);
            }
        }
    }
    // A filler that ended its sentence and moved over the pause opens the next one.
    for k in 1..segments.len() {
        let crossed = last_of[k - 1].is_some_and(|i| moved.contains(&i));
        let (head, tail) = segments.split_at_mut(k);
        let (prev, next) = (&mut head[k - 1], &mut tail[0]);
        if crossed && prev.words.len() > 1 && !next.words.is_empty() {
            let w = prev.words.pop().expect("checked");
            next.start_s = next.start_s.min(w.start_s);
            next.words.insert(0, w);
            for seg in [prev, next] {
                seg.text = joined(&seg.words);
            }
        }
    }
}

/// The words' text, one space between them (a segment's text after its words changed).
pub(super) fn joined(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A filler moves across a pause of at least MOVE_PAUSE_S to a stretch that measures under
/// MOVE_MAX from the speaker's fillers and under MOVE_RATIO of where it was, when where it was
/// measures MOVE_MIN_HERE or more (fillers measure about 4-20 from their mean, words 50-100).
/// On fixtures/fillers-voices (tuning files and held-out groups 1-3, all seen; found / false
/// of 97, 42, 47, 47): without the move 91 / 8, 36 / 8, 43 / 2, 40 / 7; with it 92 / 7, 40 / 4,
/// 42 / 3, 42 / 5; fixtures/fillers unchanged (session 22, docs/fillers.md).
const MOVE_PAUSE_S: f64 = 0.08;
const MOVE_MAX: f64 = 40.0;
const MOVE_RATIO: f64 = 0.85;
const MOVE_MIN_HERE: f64 = 13.0;

/// How this speaker's fillers sound: the mean print (cepstrum) of the fillers Whisper wrote
/// that the first pass found alone on a filler-shaped stretch.
struct FillerSound {
    mean: Vec<f32>,
}

impl FillerSound {
    fn of(stretches: &[(f64, f64)], speech: &Speech) -> Option<Self> {
        let prints: Vec<Vec<f32>> = stretches
            .iter()
            .filter_map(|&(a, b)| speech.prints.print(a, b))
            .collect();
        let first = prints.first()?;
        let mut mean = vec![0.0f32; first.len()];
        for p in &prints {
            for (m, x) in mean.iter_mut().zip(p) {
                *m += x / prints.len() as f32;
            }
        }
        Some(FillerSound { mean })
    }

    /// How far the sound of `a..b` s is from this speaker's fillers (the cepstra only: the last
    /// value of a print is the pitch).
    fn distance(&self, speech: &Speech, a: f64, b: f64) -> Option<f64> {
        let p = speech.prints.print(a, b)?;
        let n = p.len() - 1;
        let d2: f32 = p[..n]
            .iter()
            .zip(&self.mean[..n])
            .map(|(x, y)| (x - y).powi(2))
            .sum();
        Some(f64::from(d2.sqrt()))
    }
}

/// Cost per second of a pause left inside a run of words (not at a word boundary).
const UNMATCHED_PAUSE_COST: f64 = 20.0;
/// Upper bound on the re-timing search per sentence (about 0.1 s of work).
const MAX_RETIME_STEPS: usize = 40_000_000;
/// Cost of a pause at a word boundary with no punctuation.
const BARE_BOUNDARY_COST: f64 = 1.0;
/// How long a stretch that may be an unwritten filler lasts, and the silence around it.
const UNWRITTEN_MIN_S: f64 = 0.15;
const UNWRITTEN_MAX_S: f64 = 0.8;
const UNWRITTEN_GAP_S: f64 = 0.08;
/// Cost of leaving a stretch without words: this share of the letters its time would hold at
/// the sentence's rate, plus a constant. Lower finds more unwritten fillers, and invents more
/// (measured on fixtures/fillers: docs/fillers.md).
const UNWRITTEN_SHARE: f64 = 0.2;
const UNWRITTEN_BASE: f64 = 0.5;
/// Taken off the cost of a filler Whisper wrote when it sits alone on a filler-shaped stretch:
/// the stretch is evidence the letter count alone does not weigh ("table, uh, moving" had the
/// "uh" run into "moving" by letters). 1.0-1.5 gave the same result on fixtures/fillers; 0.5
/// left that "uh" misplaced, 2.0 drew another onto a slow "So I," (docs/fillers.md).
const WRITTEN_FILLER_BONUS: f64 = 1.0;
/// A written filler's bonus grows by STEADY_WEIGHT for each unit its stretch's change rate
/// (`VoicePrints::change_rate`) is under STEADY_REF, and shrinks likewise above it. On the
/// tuning files of fixtures/fillers-voices (found / false of 97): weight 0, 81 / 12; 0.5, 85 / 8;
/// 1, 86 / 7; 2, 87 / 6; 3, 85 / 8; at weight 2 a reference of 6.0 gave 84 / 9, 7.0 87 / 6
/// (session 17, full-band change rate; the mixed one of session 19 keeps the fillers' median).
const STEADY_REF: f64 = 6.5;
const STEADY_WEIGHT: f64 = 2.0;
/// A filler Whisper wrote at the edge of a run of words ("simply. Um, now", "I, uh, check"
/// with the filler run into the next word, no pause of its own) sits better at the edge that
/// sounds held: the bonus is EDGE_WEIGHT for each unit the change rate of the run's first (or
/// last) EDGE_S of speech is under STEADY_REF (none above it). On the tuning files and the
/// seen held-out files of fixtures/fillers-voices (found / false of 97 and of 42, session 19):
/// weight 0, 89 / 4 and 36 / 6; 1, 89 / 4 and 37 / 5; 2, 88 / 5 and 37 / 5.
const EDGE_WEIGHT: f64 = 1.0;
const EDGE_S: f64 = 0.3;
/// Probability given to a filler found this way (Whisper's own words carry their token's).
pub const UNWRITTEN_PROBABILITY: f32 = 0.5;
/// Highest zero-crossing rate (crossings per sample, in a 20 ms frame) in a filler: "um" and
/// "uh" are voiced all through (measured at most 0.20 on the labelled set), while fricatives
/// and bursts ("s", "f", "t") reach 0.3-0.6.
const MAX_FILLER_ZCR: f64 = 0.25;

fn letters(w: &Word) -> f64 {
    if is_hesitation(&w.text) {
        // Hesitations are drawn out.
        return 5.0;
    }
    let (mut n, mut digits) = (0usize, 0usize);
    for c in w.text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphanumeric() {
            n += 1;
        }
    }
    (n + 3 * digits).max(1) as f64
}

/// True when every loud enough 20 ms frame of `a..b` s has a low zero-crossing rate.
fn voiced_throughout(samples: &[f32], a: f64, b: f64) -> bool {
    let (win, hop) = (RATE as usize / 50, RATE as usize / 100);
    let from = ((a * RATE as f64) as usize).min(samples.len());
    let to = ((b * RATE as f64) as usize).min(samples.len());
    let part = &samples[from..to];
    let peak = part.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    if peak <= 0.0 || part.len() < win {
        return false;
    }
    part.windows(win).step_by(hop).all(|f| {
        let rms = (f.iter().map(|x| x * x).sum::<f32>() / win as f32).sqrt();
        if rms < peak * 0.1 {
            return true; // the quiet edges of the stretch
        }
        let crossings = f
            .windows(2)
            .filter(|p| (p[0] >= 0.0) != (p[1] >= 0.0))
            .count();
        (crossings as f64 / win as f64) < MAX_FILLER_ZCR
    })
}

/// A stretch of speech in a sentence, for the re-timing search.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    start_s: f64,
    end_s: f64,
    /// The pause before it lies inside one region of the coarse map (costs nothing unmatched).
    soft_before: bool,
    /// It may be left without words (an unwritten filler).
    may_be_filler: bool,
}

/// The sentence's speech: the coarse map's regions, with each filler-shaped stretch of the
/// fine map split off as a stretch of its own.
fn stretches(s0: f64, s1: f64, speech: &Speech) -> Vec<Stretch> {
    let candidates: Vec<(f64, f64)> = speech
        .fine
        .short_stretches(UNWRITTEN_MIN_S, UNWRITTEN_MAX_S, UNWRITTEN_GAP_S)
        .into_iter()
        .filter(|r| (s0..=s1).contains(&((r.start_s + r.end_s) / 2.0)))
        .filter(|r| voiced_throughout(speech.samples, r.start_s, r.end_s))
        .map(|r| (r.start_s, r.end_s))
        .collect();
    let mut out: Vec<Stretch> = Vec::new();
    for r in &speech.map.regions {
        let (a, b) = (r.start_s.max(s0), r.end_s.min(s1));
        if b - a <= 0.01 {
            continue;
        }
        let before = out.len();
        let push = |out: &mut Vec<Stretch>, x: f64, y: f64, filler: bool| {
            if y - x > 0.01 {
                let soft_before = out.len() > before;
                out.push(Stretch {
                    start_s: x,
                    end_s: y,
                    soft_before,
                    may_be_filler: filler,
                });
            }
        };
        // Fine regions inside this one: consecutive non-candidates merge back together.
        let mut open: Option<(f64, f64)> = None;
        for f in speech.fine.regions.iter() {
            let (x, y) = (f.start_s.max(a), f.end_s.min(b));
            if y <= x {
                continue;
            }
            if candidates
                .iter()
                .any(|c| c.0 == f.start_s && c.1 == f.end_s)
            {
                if let Some((p, q)) = open.take() {
                    push(&mut out, p, q, false);
                }
                push(&mut out, x, y, true);
            } else {
                // The first piece starts where the coarse region does (the fine map may have
                // dropped a blip there).
                let from = if out.len() == before { a } else { x };
                open = Some(open.map_or((from, y), |(p, _)| (p, y)));
            }
        }
        if let Some((p, _)) = open {
            push(&mut out, p, b, false);
        }
        if out.len() == before {
            push(&mut out, a, b, false);
        }
    }
    out
}

fn retime_sentence(seg: &mut Segment, speech: &Speech, alone: &mut Vec<(f64, f64)>) {
    let n = seg.words.len();
    if n < 2 {
        return;
    }
    let regions = stretches(seg.start_s, seg.end_s, speech);
    trace_stretches(seg, &regions);
    // The search is (regions x words)^2: keep Whisper's times for a sentence too long for it
    // (a 28 s piece of fast speech is about 40 x 90).
    let m = regions.len();
    if m == 0 || (m * n).pow(2) > MAX_RETIME_STEPS {
        return;
    }
    let fit = Fit::new(&seg.words, regions, speech);
    let Some(steps) = fit.search() else {
        return;
    };
    let mut found: Vec<(usize, Stretch)> = Vec::new();
    for step in steps {
        match step {
            Step::Words { regions, words } => fit.spread(regions, words, &mut seg.words),
            Step::Written { region, word } => {
                alone.push((fit.regions[region].start_s, fit.regions[region].end_s));
                let w = &mut seg.words[word];
                w.start_s = fit.regions[region].start_s;
                w.end_s = fit.regions[region].end_s;
            }
            Step::Unwritten { region, before } => found.push((before, fit.regions[region])),
        }
    }
    if found.is_empty() {
        return;
    }
    // `found` runs from the end of the sentence backwards: insert from the back.
    for (at, r) in found {
        tracing::debug!("unwritten filler at {:.2}-{:.2} s", r.start_s, r.end_s);
        seg.words.insert(
            at,
            Word {
                text: "uh".into(),
                start_s: r.start_s,
                end_s: r.end_s,
                probability: UNWRITTEN_PROBABILITY,
            },
        );
    }
    seg.text = joined(&seg.words);
}

/// `STARCOACH_LOG=starcoach_speech=trace` shows what each sentence was re-timed over: "|" a
/// real pause before the stretch, "~" one inside a region, "f" filler-shaped.
fn trace_stretches(seg: &Segment, regions: &[Stretch]) {
    tracing::trace!(
        "re-timing {:.2}-{:.2} s over {}",
        seg.start_s,
        seg.end_s,
        regions
            .iter()
            .map(|r| format!(
                "{}{:.2}-{:.2}{}",
                if r.soft_before { "~" } else { "|" },
                r.start_s,
                r.end_s,
                if r.may_be_filler { "f" } else { "" }
            ))
            .collect::<String>()
    );
}

/// One step of the best re-timing, as the search walks back from the sentence's end.
enum Step {
    /// Words `words` spoken over the stretches `regions`, sharing them by their letters.
    Words {
        regions: Range<usize>,
        words: Range<usize>,
    },
    /// A filler Whisper wrote, alone on its filler-shaped stretch.
    Written { region: usize, word: usize },
    /// A stretch left without words: a filler Whisper did not write, before word `before`.
    Unwritten { region: usize, before: usize },
}

/// A sentence's words against its stretches of speech: the running sums the search's costs
/// are made of.
struct Fit {
    regions: Vec<Stretch>,
    /// Letters of words [0, i).
    cum_w: Vec<f64>,
    /// Speech before region k, counting the pauses inside coarse regions as speech (as the
    /// coarse map does): cum_s[k] up to the start of region k, cum_s_end[k] to the end of k-1.
    cum_s: Vec<f64>,
    cum_s_end: Vec<f64>,
    /// Cost of the pauses before regions 1..k left inside a run of words.
    cum_p: Vec<f64>,
    /// Letters per second of speech over the whole sentence.
    rate: f64,
    /// Word i-1 ends a clause (`punct[i]`); word i is a filler.
    punct: Vec<bool>,
    hesitation: Vec<bool>,
    /// What a filler Whisper wrote gains by sitting alone on region k.
    filler_bonus: Vec<f64>,
    /// What a filler Whisper wrote gains by starting a run of words on region k (`head`) or
    /// ending one on region k (`tail`).
    head_bonus: Vec<f64>,
    tail_bonus: Vec<f64>,
}

/// The search's states after regions [0, l) and words [0, j): how the last step ended.
/// Chunk: a run of words ended at a real pause (one of the coarse map's). Pending: a run of
/// words ended at a pause inside a coarse region, which only an unwritten filler right after
/// it can justify. Filler: region l-1 was left without words, or given to a filler Whisper
/// wrote, alone. A run of words starts at a pause inside a coarse region only after such a
/// filler; so without filler-shaped stretches the search is the one over the coarse regions.
const CHUNK: usize = 0;
const PENDING: usize = 1;
const FILLER: usize = 2;

impl Fit {
    fn new(words: &[Word], regions: Vec<Stretch>, speech: &Speech) -> Self {
        let (n, m) = (words.len(), regions.len());
        let mut cum_w = vec![0.0; n + 1];
        for (i, w) in words.iter().enumerate() {
            cum_w[i + 1] = cum_w[i] + letters(w);
        }
        let mut cum_s = vec![0.0; m + 1];
        let mut cum_s_end = vec![0.0; m + 1];
        for k in 0..m {
            let soft_gap = if k > 0 && regions[k].soft_before {
                regions[k].start_s - regions[k - 1].end_s
            } else {
                0.0
            };
            let start = cum_s_end[k] + soft_gap;
            cum_s_end[k + 1] = start + regions[k].end_s - regions[k].start_s;
            cum_s[k] = start;
        }
        // The cost of leaving pause k (between region k-1 and region k) inside a run of words.
        let mut cum_p = vec![0.0; m + 1];
        for k in 1..m {
            let cost = if regions[k].soft_before {
                0.0
            } else {
                UNMATCHED_PAUSE_COST * (regions[k].start_s - regions[k - 1].end_s)
            };
            cum_p[k + 1] = cum_p[k] + cost;
        }
        let speech_total = cum_s_end[m] - cum_s[0];
        let rate = cum_w[n] / speech_total.max(1e-3);
        let mut punct = vec![false; n + 1];
        for j in 1..=n {
            punct[j] = ends_with_punctuation(&words[j - 1].text);
        }
        let hesitation = words.iter().map(|w| is_hesitation(&w.text)).collect();
        // A filler Whisper wrote fits a steady stretch better than a changing one ("I, um,
        // wrote": a drawn-out "I," glides, the "um" holds).
        let filler_bonus = regions
            .iter()
            .map(|r| {
                let steady = if r.may_be_filler {
                    speech
                        .prints
                        .change_rate(r.start_s, r.end_s)
                        .map_or(0.0, |c| STEADY_REF - f64::from(c))
                } else {
                    0.0
                };
                WRITTEN_FILLER_BONUS + STEADY_WEIGHT * steady
            })
            .collect();
        let edge = |a: f64, b: f64| {
            speech
                .prints
                .change_rate(a, b)
                .map_or(0.0, |c| EDGE_WEIGHT * (STEADY_REF - f64::from(c)).max(0.0))
        };
        let head_bonus = regions
            .iter()
            .map(|r| edge(r.start_s, (r.start_s + EDGE_S).min(r.end_s)))
            .collect();
        let tail_bonus = regions
            .iter()
            .map(|r| edge((r.end_s - EDGE_S).max(r.start_s), r.end_s))
            .collect();
        Fit {
            regions,
            head_bonus,
            tail_bonus,
            cum_w,
            cum_s,
            cum_s_end,
            cum_p,
            rate,
            punct,
            hesitation,
            filler_bonus,
        }
    }

    /// Speech spoken over regions [k, l).
    fn span_speech(&self, k: usize, l: usize) -> f64 {
        self.cum_s_end[l] - self.cum_s[k]
    }

    /// Words [i, j) spoken over regions [k, l): how badly they fit, plus the pauses inside.
    fn chunk(&self, i: usize, j: usize, k: usize, l: usize) -> f64 {
        let c = self.cum_w[j] - self.cum_w[i];
        let e = self.rate * self.span_speech(k, l);
        let inner = if l > k + 1 {
            self.cum_p[l] - self.cum_p[k + 1]
        } else {
            0.0
        };
        let mut edges = 0.0;
        if j > i + 1 {
            if self.hesitation(i) {
                edges -= self.head_bonus[k];
            }
            if self.hesitation(j - 1) {
                edges -= self.tail_bonus[l - 1];
            }
        }
        (c - e).powi(2) / (c + e).max(1e-6) + inner + edges
    }

    /// The cost of leaving region k without words.
    fn unwritten(&self, k: usize) -> f64 {
        let r = &self.regions[k];
        UNWRITTEN_SHARE * self.rate * (r.end_s - r.start_s) + UNWRITTEN_BASE
    }

    fn hesitation(&self, i: usize) -> bool {
        self.hesitation.get(i).copied().unwrap_or(false)
    }

    /// The cheapest way through the sentence (dynamic programming over regions x words), as
    /// steps from its end back to its start; None when no way fits.
    fn search(&self) -> Option<Vec<Step>> {
        let (m, n) = (self.regions.len(), self.cum_w.len() - 1);
        let regions = &self.regions;
        let inf = f64::INFINITY;
        let mut best = vec![vec![vec![inf; n + 1]; m + 1]; 3];
        // Where each state came from: (state, regions start, words start).
        let mut from = vec![vec![vec![(0usize, 0usize, 0usize); n + 1]; m + 1]; 3];
        best[CHUNK][0][0] = 0.0;
        for l in 1..=m {
            let end_state = if l == m || !regions[l].soft_before {
                Some(CHUNK)
            } else if regions[l].may_be_filler {
                Some(PENDING)
            } else {
                None
            };
            if let Some(to) = end_state {
                for j in 1..=n {
                    let edge = if j == n || self.punct[j] {
                        0.0
                    } else {
                        BARE_BOUNDARY_COST
                    };
                    for k in 0..l {
                        let starts = if k > 0 && regions[k].soft_before {
                            &[FILLER][..]
                        } else {
                            &[CHUNK, FILLER][..]
                        };
                        for &st in starts {
                            for i in 0..j {
                                let b = best[st][k][i];
                                if b == inf {
                                    continue;
                                }
                                let c = b + self.chunk(i, j, k, l) + edge;
                                if c < best[to][l][j] {
                                    best[to][l][j] = c;
                                    from[to][l][j] = (st, k, i);
                                }
                            }
                        }
                    }
                }
            }
            if regions[l - 1].may_be_filler {
                // A filler Whisper wrote, alone on a filler-shaped stretch: like any run of
                // words, but it may start and end at the pauses inside a coarse region.
                for i in (0..n).filter(|&i| self.hesitation(i)) {
                    for st in [CHUNK, PENDING, FILLER] {
                        let c = best[st][l - 1][i] + self.chunk(i, i + 1, l - 1, l)
                            - self.filler_bonus[l - 1];
                        if c < best[FILLER][l][i + 1] {
                            best[FILLER][l][i + 1] = c;
                            from[FILLER][l][i + 1] = (st, l - 1, i);
                        }
                    }
                }
                // Not beside a filler Whisper wrote: that one is the speech here.
                for i in
                    (0..=n).filter(|&i| !(self.hesitation(i) || i > 0 && self.hesitation(i - 1)))
                {
                    for st in [CHUNK, PENDING, FILLER] {
                        let c = best[st][l - 1][i] + self.unwritten(l - 1);
                        if c < best[FILLER][l][i] {
                            best[FILLER][l][i] = c;
                            from[FILLER][l][i] = (st, l - 1, i);
                        }
                    }
                }
            }
        }
        let mut state = if best[CHUNK][m][n] <= best[FILLER][m][n] {
            CHUNK
        } else {
            FILLER
        };
        if best[state][m][n] == inf {
            return None;
        }
        let mut steps = Vec::new();
        let (mut l, mut j) = (m, n);
        while l > 0 {
            let (st, k, i) = from[state][l][j];
            steps.push(match state {
                FILLER if i == j => Step::Unwritten {
                    region: k,
                    before: i,
                },
                FILLER => Step::Written { region: k, word: i },
                _ => Step::Words {
                    regions: k..l,
                    words: i..j,
                },
            });
            (state, l, j) = (st, k, i);
        }
        Some(steps)
    }

    /// Spreads words over regions (as the coarse map has them: joined across the pauses
    /// inside it) in proportion to their letters.
    fn spread(&self, regions: Range<usize>, words: Range<usize>, all: &mut [Word]) {
        let mut span: Vec<(f64, f64)> = Vec::new();
        for (q, r) in self.regions[regions.clone()].iter().enumerate() {
            match span.last_mut() {
                Some(last) if q > 0 && r.soft_before => last.1 = r.end_s,
                _ => span.push((r.start_s, r.end_s)),
            }
        }
        let speech = self.span_speech(regions.start, regions.end);
        let total = self.cum_w[words.end] - self.cum_w[words.start];
        let at = |x: f64, is_end: bool| -> f64 {
            let mut left = x;
            for (q, &(a, b)) in span.iter().enumerate() {
                let d = b - a;
                if left < d || (is_end && left <= d) || q + 1 == span.len() {
                    return (a + left.min(d)).min(b);
                }
                left -= d;
            }
            span[span.len() - 1].1
        };
        let mut acc = 0.0;
        for w in &mut all[words] {
            let x0 = acc / total * speech;
            acc += letters(w);
            let x1 = acc / total * speech;
            w.start_s = at(x0, false);
            w.end_s = at(x1, true).max(w.start_s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcriber::test_audio::{seg, silence, tone, word};

    /// Speech for a sentence: `(speech_s, pause_s)` tone stretches after 0.5 s of silence.
    fn spoken(parts: &[(f64, f64)]) -> Vec<f32> {
        let mut samples = silence(0.5);
        for &(speech, pause) in parts {
            samples.extend(tone(speech));
            samples.extend(silence(pause));
        }
        samples
    }

    /// A sentence whose words Whisper spread evenly from `start_s`, 0.4 s each.
    fn sentence(texts: &[&str], start_s: f64, end_s: f64) -> Segment {
        let mut s = seg(texts
            .iter()
            .enumerate()
            .map(|(i, t)| word(t, start_s + i as f64 * 0.4, start_s + 0.35 + i as f64 * 0.4))
            .collect());
        s.start_s = start_s;
        s.end_s = end_s;
        s
    }

    #[test]
    fn a_filler_put_before_a_pause_moves_after_it_when_it_sounds_like_the_others_there() {
        // A speaker's "uh" alone (0.5-0.9 s), a word (1.3-2.3 s), a pause, then an "um" run
        // into the next word (2.6-2.9 s, 2.9-3.9 s), with the "um" put at the end of the word
        // before the pause, as the letters alone can put it.
        let word_sound = |secs: f64| -> Vec<f32> {
            (0..(secs * f64::from(RATE)) as usize)
                .map(|i| 0.2 * (i as f32 * 0.41).sin() + 0.1 * (i as f32 * 1.7).sin())
                .collect()
        };
        let mut samples = silence(0.5);
        samples.extend(tone(0.4));
        samples.extend(silence(0.4));
        samples.extend(word_sound(1.0));
        samples.extend(silence(0.3));
        samples.extend(tone(0.3));
        samples.extend(word_sound(1.0));
        samples.extend(silence(0.5));
        let map = SpeechMap::analyze(&samples, RATE);
        let speech = Speech::new(&map, &samples);
        let sound = FillerSound::of(&[(0.5, 0.9)], &speech).unwrap();
        let written = || {
            vec![seg(vec![
                word("Uh,", 0.5, 0.9),
                word("alpha", 1.3, 2.0),
                word("um", 2.0, 2.3),
                word("keep", 2.6, 3.9),
            ])]
        };
        let mut s = written();
        move_fillers_to_their_sound(&mut s, &speech, &sound);
        let w = &s[0].words;
        assert!((w[2].start_s - 2.6).abs() < 0.05, "{w:?}");
        assert!(w[3].start_s >= 2.8 && w[1].end_s >= 2.25, "{w:?}");

        // Said at the end of a sentence, it moves to the head of the next one.
        let mut s = vec![
            seg(vec![
                word("Uh,", 0.5, 0.9),
                word("alpha.", 1.3, 2.0),
                word("Um,", 2.0, 2.3),
            ]),
            seg(vec![word("keep", 2.6, 3.9)]),
        ];
        move_fillers_to_their_sound(&mut s, &speech, &sound);
        assert_eq!(s[0].text, "Uh, alpha.", "{s:?}");
        assert_eq!(s[1].text, "Um, keep", "{s:?}");
        assert!((s[1].start_s - 2.6).abs() < 0.05, "{s:?}");

        // Where the word after the pause starts like a word, the filler stays.
        let mut plain = samples.clone();
        let from = (2.6 * f64::from(RATE)) as usize;
        let len = (0.3 * f64::from(RATE)) as usize;
        plain[from..from + len].copy_from_slice(&word_sound(0.3));
        let map = SpeechMap::analyze(&plain, RATE);
        let speech = Speech::new(&map, &plain);
        let sound = FillerSound::of(&[(0.5, 0.9)], &speech).unwrap();
        let mut s = written();
        move_fillers_to_their_sound(&mut s, &speech, &sound);
        assert!(
            (s[0].words[2].start_s - 2.0).abs() < 0.01,
            "{:?}",
            s[0].words
        );
    }

    #[test]
    fn a_drawn_out_filler_whisper_did_not_write_is_put_where_it_was_said() {
        // "Uhh, at hello, alpha bravo, ..." written without the "uhh": a 0.7 s voiced
        // stretch, 0.12 s of silence, then the words at 10 letters a second, with a pause
        // after each comma.
        let mut parts = vec![(0.7, 0.12), (0.7, 0.4)];
        parts.extend([(1.0, 0.4); 6]);
        parts.push((1.0, 1.0));
        let samples = spoken(&parts);
        let map = SpeechMap::analyze(&samples, RATE);
        let speech = Speech::new(&map, &samples);
        let mut texts = vec!["At", "hello,"];
        for _ in 0..6 {
            texts.extend(["alpha", "bravo,"]);
        }
        texts.extend(["alpha", "bravo."]);
        let end_s = samples.len() as f64 / f64::from(RATE) - 1.0;
        let mut s = sentence(&texts, 0.5, end_s);
        retime_sentence(&mut s, &speech, &mut Vec::new());
        assert_eq!(s.words.len(), texts.len() + 1, "{s:?}");
        let uh = &s.words[0];
        assert!(
            is_hesitation(&uh.text) && uh.probability == UNWRITTEN_PROBABILITY,
            "{s:?}"
        );
        assert!(
            (uh.start_s - 0.5).abs() < 0.05 && (uh.end_s - 1.2).abs() < 0.05,
            "{s:?}"
        );
        assert!(s.words[1].start_s >= 1.3, "'At' after the filler: {s:?}");
        assert!(s.text.starts_with("uh At hello,"), "{}", s.text);

        // The same speech with the filler written: nothing is added.
        let mut texts = texts.clone();
        texts.insert(0, "Uh,");
        let mut s = sentence(&texts, 0.5, end_s);
        retime_sentence(&mut s, &speech, &mut Vec::new());
        assert_eq!(s.words.len(), texts.len(), "{s:?}");
        assert!((s.words[0].start_s - 0.5).abs() < 0.05, "{s:?}");

        // A stretch full of hiss (a fricative, not a filler) is never taken for one.
        let mut hissy = samples.clone();
        let from = (0.5 * RATE as f64) as usize;
        for (i, x) in hissy[from..from + (0.7 * RATE as f64) as usize]
            .iter_mut()
            .enumerate()
        {
            *x = if i % 2 == 0 { 0.3 } else { -0.3 };
        }
        let map = SpeechMap::analyze(&hissy, RATE);
        let speech = Speech::new(&map, &hissy);
        let mut s = sentence(&texts[1..], 0.5, end_s);
        retime_sentence(&mut s, &speech, &mut Vec::new());
        assert!(
            s.words
                .iter()
                .all(|w| !is_hesitation(&w.text) || w.start_s >= 1.2),
            "{s:?}"
        );
    }

    #[test]
    fn words_are_retimed_so_that_punctuated_boundaries_fall_in_the_pauses() {
        // "Well I think so, uh, yes." spoken as 1.2 s of speech, 0.4 s pause, 0.3 s (the
        // "uh"), 0.4 s pause, 0.4 s; Whisper's times spread evenly over the whole span.
        let mut samples = silence(0.5);
        for (speech, pause) in [(1.2, 0.4), (0.3, 0.4), (0.4, 1.0)] {
            samples.extend(tone(speech));
            samples.extend(silence(pause));
        }
        let map = SpeechMap::analyze(&samples, RATE);
        let speech = Speech::new(&map, &samples);
        let texts = ["Well", "I", "think", "so,", "uh,", "yes."];
        let mut s = seg(texts
            .iter()
            .enumerate()
            .map(|(i, t)| word(t, 0.5 + i as f64 * 0.45, 0.95 + i as f64 * 0.45))
            .collect());
        s.start_s = 0.5;
        s.end_s = 3.2;
        retime_sentence(&mut s, &speech, &mut Vec::new());
        let at = |i: usize| (s.words[i].start_s, s.words[i].end_s);
        assert!((at(0).0 - 0.5).abs() < 0.08, "{s:?}");
        assert!(at(3).1 <= 1.75, "'so,' ends before the first pause: {s:?}");
        assert!((at(4).0 - 2.1).abs() < 0.08, "'uh' starts after it: {s:?}");
        assert!(
            (at(5).0 - 2.8).abs() < 0.08,
            "'yes' after the second: {s:?}"
        );
        let mut prev = 0.0;
        for w in &s.words {
            assert!(w.start_s >= prev && w.end_s >= w.start_s, "{s:?}");
            prev = w.end_s;
        }
    }
}
