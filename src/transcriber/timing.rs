//! Word times after decoding: Whisper's token times are rough, so every word is put back on
//! the speech the voice activity detector found (see `docs/fillers.md`): text over silence is
//! dropped, words that start in a pause move to the speech after it, each sentence is re-timed
//! on its pauses, and fillers are snapped onto the short voiced stretches where they were said.

use crate::audio::vad::{SpeechMap, VadConfig};
use crate::transcript::{Segment, Word};

use super::RATE;

/// Whisper's token times can run past the audio it was given (it pads to 30 s): keep every
/// word inside its piece.
pub(crate) fn clamp_times(segments: &mut [Segment], from_s: f64, to_s: f64) {
    for seg in segments {
        seg.start_s = seg.start_s.clamp(from_s, to_s);
        seg.end_s = seg.end_s.clamp(seg.start_s, to_s);
        for w in &mut seg.words {
            w.start_s = w.start_s.clamp(from_s, to_s);
            w.end_s = w.end_s.clamp(w.start_s, to_s);
        }
    }
}

/// Drops segments that lie wholly in silence: Whisper's hallucinated tails ("Thank you.")
/// over a quiet end of the recording.
pub(crate) fn drop_segments_over_silence(segments: &mut Vec<Segment>, map: &SpeechMap) {
    const MARGIN_S: f64 = 0.2;
    segments.retain(|seg| {
        let (a, b) = match (seg.words.first(), seg.words.last()) {
            (Some(f), Some(l)) => (f.start_s.min(seg.start_s), l.end_s.max(seg.end_s)),
            _ => (seg.start_s, seg.end_s),
        };
        let keep = map
            .regions
            .iter()
            .any(|r| r.start_s < b + MARGIN_S && r.end_s > a - MARGIN_S);
        if !keep {
            tracing::debug!("dropped text over silence at {a:.2}-{b:.2} s: {}", seg.text);
        }
        keep
    });
}

/// Whisper dates a word that follows silence (a piece's first word above all) from inside the
/// silence. A word that starts in a silent gap, after the word before it has ended, starts where
/// the speech after the gap does.
pub(crate) fn starts_at_speech(segments: &mut [Segment], map: &SpeechMap) {
    let mut prev_end = f64::NEG_INFINITY;
    for seg in segments.iter_mut() {
        for w in &mut seg.words {
            let next = map.regions.iter().position(|r| r.end_s > w.start_s);
            if let Some(i) = next {
                let r = map.regions[i];
                let gap_start = if i == 0 {
                    0.0
                } else {
                    map.regions[i - 1].end_s
                };
                if r.start_s > w.start_s && prev_end <= gap_start + 0.05 {
                    let len = (w.end_s - w.start_s).max(0.0);
                    w.start_s = r.start_s;
                    w.end_s = w.end_s.max(r.start_s + len.min(r.end_s - r.start_s));
                }
            }
            prev_end = w.end_s;
        }
        if let Some(first) = seg.words.first() {
            seg.start_s = seg.start_s.max(first.start_s);
        }
    }
}

/// Word starts never go backwards (token times are rough at segment edges).
pub(crate) fn make_monotonic(segments: &mut [Segment]) {
    let mut last_start = 0.0f64;
    for seg in segments {
        for w in &mut seg.words {
            if w.start_s < last_start {
                w.start_s = last_start;
            }
            if w.end_s < w.start_s {
                w.end_s = w.start_s;
            }
            last_start = w.start_s;
        }
    }
}

/// True for a hesitation filler as Whisper writes it ("Um,", "uh", "Hmm.").
pub fn is_hesitation(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        w.as_str(),
        "um" | "umm" | "uh" | "uhh" | "uhm" | "er" | "erm" | "ah" | "hmm" | "hm" | "mm" | "mmm"
    )
}

/// Re-times each sentence's words on the speech map. Whisper's token times (outside its rare
/// timestamp anchors) interpolate over the sentence's whole span, pauses included, and drift by
/// seconds inside long sentences. Here the pauses inside the sentence are matched to word
/// boundaries, preferring boundaries with punctuation, so that the letters spoken between two
/// matched pauses fit the time spoken there (dynamic programming over pauses x boundaries);
/// the words between two matched pauses then share that speech in proportion to their letters.
pub(crate) fn retime_on_speech(segments: &mut [Segment], map: &SpeechMap) {
    for seg in segments.iter_mut() {
        retime_sentence(seg, map);
    }
}

/// Cost per second of a pause left inside a run of words (not at a word boundary).
const UNMATCHED_PAUSE_COST: f64 = 20.0;
/// Upper bound on the re-timing search per sentence (about 0.1 s of work).
const MAX_RETIME_STEPS: usize = 40_000_000;
/// Cost of a pause at a word boundary with no punctuation.
const BARE_BOUNDARY_COST: f64 = 1.0;

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

fn retime_sentence(seg: &mut Segment, map: &SpeechMap) {
    let n = seg.words.len();
    if n < 2 {
        return;
    }
    let (s0, s1) = (seg.start_s, seg.end_s);
    let regions: Vec<(f64, f64)> = map
        .regions
        .iter()
        .map(|r| (r.start_s.max(s0), r.end_s.min(s1)))
        .filter(|(a, b)| b - a > 0.01)
        .collect();
    let m = regions.len();
    // The search is (regions x words)^2: keep Whisper's times for a sentence too long for it
    // (a 28 s piece of fast speech is about 40 x 90).
    if m == 0 || (m * n).pow(2) > MAX_RETIME_STEPS {
        return;
    }
    let speech_total: f64 = regions.iter().map(|(a, b)| b - a).sum();
    let weights: Vec<f64> = seg.words.iter().map(letters).collect();
    let mut cum_w = vec![0.0; n + 1];
    for i in 0..n {
        cum_w[i + 1] = cum_w[i] + weights[i];
    }
    let mut cum_s = vec![0.0; m + 1];
    for k in 0..m {
        cum_s[k + 1] = cum_s[k] + regions[k].1 - regions[k].0;
    }
    // pause k lies between region k-1 and region k (k = 1..m-1).
    let pause = |k: usize| regions[k].0 - regions[k - 1].1;
    let mut cum_p = vec![0.0; m + 1];
    for k in 1..m {
        cum_p[k + 1] = cum_p[k] + pause(k);
    }
    cum_p[1] = 0.0;
    let rate = cum_w[n] / speech_total.max(1e-3);
    let punct = |j: usize| {
        seg.words[j - 1]
            .text
            .ends_with([',', '.', '?', '!', ';', ':'])
    };
    // Words [i, j) spoken over regions [k, l): how badly they fit, plus the pauses inside.
    let chunk = |i: usize, j: usize, k: usize, l: usize| -> f64 {
        let c = cum_w[j] - cum_w[i];
        let e = rate * (cum_s[l] - cum_s[k]);
        let inner = if l > k + 1 {
            cum_p[l] - cum_p[k + 1]
        } else {
            0.0
        };
        (c - e).powi(2) / (c + e).max(1e-6) + UNMATCHED_PAUSE_COST * inner
    };
    // best[k][i]: words [0, i) spoken over regions [0, k), a pause matched after word i-1.
    let inf = f64::INFINITY;
    let mut best = vec![vec![inf; n + 1]; m + 1];
    let mut from = vec![vec![(0usize, 0usize); n + 1]; m + 1];
    best[0][0] = 0.0;
    for l in 1..=m {
        for j in 1..=n {
            // The last region must end with the last word, and vice versa.
            if (l == m) != (j == n) {
                continue;
            }
            let edge = if j == n || punct(j) {
                0.0
            } else {
                BARE_BOUNDARY_COST
            };
            for k in 0..l {
                for i in 0..j {
                    let b = best[k][i];
                    if b == inf || (k == 0) != (i == 0) {
                        continue;
                    }
                    let c = b + chunk(i, j, k, l) + edge;
                    if c < best[l][j] {
                        best[l][j] = c;
                        from[l][j] = (k, i);
                    }
                }
            }
        }
    }
    if best[m][n] == inf {
        return;
    }
    // Walk back and spread each run of words over its regions.
    let (mut l, mut j) = (m, n);
    while l > 0 {
        let (k, i) = from[l][j];
        let span = &regions[k..l];
        let speech = cum_s[l] - cum_s[k];
        let total = cum_w[j] - cum_w[i];
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
        for w in &mut seg.words[i..j] {
            let x0 = acc / total * speech;
            acc += letters(w);
            let x1 = acc / total * speech;
            w.start_s = at(x0, false);
            w.end_s = at(x1, true).max(w.start_s);
        }
        l = k;
        j = i;
    }
}

/// Token times smear a filler over its neighbours; a lone "um" is usually a short voiced
/// stretch with a pause on both sides. Moves each filler onto the nearest such stretch that
/// starts after the previous word and near the filler's own time, when there is one not
/// already taken. The speech map for this uses a short hangover, since pauses around fillers
/// can be as short as 0.1 s.
pub(crate) fn snap_fillers(segments: &mut [Segment], samples: &[f32]) {
    const REACH_S: f64 = 1.2;
    let cfg = VadConfig {
        hangover_s: 0.06,
        ..VadConfig::default()
    };
    let map = SpeechMap::analyze_with(samples, RATE, &cfg);
    let stretches = map.short_stretches(0.08, 0.8, 0.08);
    let mut taken = vec![false; stretches.len()];
    let words: Vec<(f64, f64, bool)> = segments
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.start_s, w.end_s, is_hesitation(&w.text)))
        .collect();
    let mut snapped: Vec<Option<(f64, f64)>> = vec![None; words.len()];
    for (k, &(start, _, filler)) in words.iter().enumerate() {
        if !filler {
            continue;
        }
        let prev_start = k.checked_sub(1).map_or(f64::NEG_INFINITY, |j| words[j].0);
        let next_end = words.get(k + 1).map_or(f64::INFINITY, |w| w.1);
        let best = stretches
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                !taken[*i]
                    && r.start_s >= prev_start + 0.1
                    && r.start_s <= next_end + 0.5
                    && (r.start_s - start).abs() <= REACH_S
            })
            .min_by(|a, b| {
                (a.1.start_s - start)
                    .abs()
                    .total_cmp(&(b.1.start_s - start).abs())
            });
        if let Some((i, r)) = best {
            taken[i] = true;
            snapped[k] = Some((r.start_s, r.end_s));
        }
    }
    let mut k = 0;
    for seg in segments.iter_mut() {
        for w in seg.words.iter_mut() {
            if let Some((a, b)) = snapped[k] {
                w.start_s = a;
                w.end_s = b;
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, a: f64, b: f64) -> Word {
        Word {
            text: text.into(),
            start_s: a,
            end_s: b,
            probability: 0.9,
        }
    }

    fn seg(words: Vec<Word>) -> Segment {
        Segment {
            start_s: words.first().map_or(0.0, |w| w.start_s),
            end_s: words.last().map_or(0.0, |w| w.end_s),
            text: words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            words,
        }
    }

    #[test]
    fn hesitations_are_recognised_with_punctuation_and_case() {
        for w in ["Um,", "uh", "Uh.", "hmm", "Er,", "ah"] {
            assert!(is_hesitation(w), "{w}");
        }
        for w in ["umbrella", "I", "a", "her", "huh?", "like"] {
            assert!(!is_hesitation(w), "{w}");
        }
    }

    #[test]
    fn a_first_word_dated_in_leading_silence_starts_with_the_speech() {
        let rate = RATE as usize;
        let mut samples = vec![0.0f32; rate];
        samples.extend((0..rate).map(|i| 0.3 * (i as f32 * 0.07).sin()));
        let map = SpeechMap::analyze(&samples, RATE);
        let mut s = vec![seg(vec![word("Sure,", 0.0, 1.3), word("yes", 1.4, 1.8)])];
        starts_at_speech(&mut s, &map);
        assert!(
            (s[0].words[0].start_s - 1.0).abs() < 0.05,
            "{:?}",
            s[0].words[0]
        );
        assert_eq!(s[0].words[1].start_s, 1.4);
    }

    #[test]
    fn times_are_clamped_and_made_monotonic() {
        let mut s = vec![seg(vec![
            word("launch", 20.0, 21.0),
            word("date.", 27.4, 28.4),
        ])];
        clamp_times(&mut s, 0.0, 25.5);
        assert_eq!(s[0].words[1].start_s, 25.5);
        s.push(seg(vec![word("So", 25.2, 25.4)]));
        make_monotonic(&mut s);
        assert!(s[1].words[0].start_s >= s[0].words[1].start_s);
    }

    /// A steady tone standing in for speech, `secs` long.
    fn tone(secs: f64) -> Vec<f32> {
        (0..(secs * f64::from(RATE)) as usize)
            .map(|i| 0.3 * (i as f32 * 0.07).sin())
            .collect()
    }

    fn silence(secs: f64) -> Vec<f32> {
        vec![0.0f32; (secs * f64::from(RATE)) as usize]
    }

    #[test]
    fn text_over_silence_is_dropped_and_fillers_snap_to_short_stretches() {
        // 1 s tone, 0.5 s silence, 0.3 s tone (the "um"), 0.5 s silence, 1 s tone, 3 s silence.
        let mut samples = tone(1.0);
        samples.extend(silence(0.5));
        samples.extend(tone(0.3));
        samples.extend(silence(0.5));
        samples.extend(tone(1.0));
        samples.extend(silence(3.0));
        let map = SpeechMap::analyze(&samples, RATE);
        let mut s = vec![
            seg(vec![
                word("So", 0.0, 0.5),
                word("um,", 1.0, 2.0),
                word("yes", 2.3, 3.2),
            ]),
            seg(vec![word("Thank", 4.5, 4.8), word("you.", 4.8, 5.2)]),
        ];
        drop_segments_over_silence(&mut s, &map);
        assert_eq!(s.len(), 1, "{s:?}");
        snap_fillers(&mut s, &samples);
        let um = &s[0].words[1];
        assert!(
            (um.start_s - 1.5).abs() < 0.1 && (um.end_s - 1.8).abs() < 0.1,
            "{um:?}"
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
        let texts = ["Well", "I", "think", "so,", "uh,", "yes."];
        let mut s = seg(texts
            .iter()
            .enumerate()
            .map(|(i, t)| word(t, 0.5 + i as f64 * 0.45, 0.95 + i as f64 * 0.45))
            .collect());
        s.start_s = 0.5;
        s.end_s = 3.2;
        retime_sentence(&mut s, &map);
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
