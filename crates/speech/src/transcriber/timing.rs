//! Word times after decoding: Whisper's token times are rough, so every word is put back on
//! the speech the voice activity detector found (see `docs/fillers.md`): text over silence is
//! dropped, words that start in a pause move to the speech after it, each sentence is re-timed
//! on its pauses (`retime.rs`), and fillers are snapped onto the short voiced stretches where
//! they were said.

use crate::audio::vad::SpeechMap;
use crate::transcript::Segment;

/// A filler written right after another, with no word between them and at most
/// [`ECHO_GAP_S`] apart, whose probability is under [`ECHO_MAX_P`]: Whisper writing the
/// filler again that it barely believed ("Uh, uh I managed"). It is dropped. On
/// fixtures/fillers-voices (seen files), every such echo was a filler where none was said
/// (v29, v33, v73 twice), and no labelled filler there follows another; a second filler Whisper
/// believes ("and, uh, um, er" in v75 at 0.48 and 0.52) is kept.
pub(crate) fn drop_echoed_fillers(segments: &mut Vec<Segment>) {
    let mut prev_filler_end: Option<f64> = None;
    for seg in segments.iter_mut() {
        let before = seg.words.len();
        seg.words.retain(|w| {
            let filler = is_hesitation(&w.text);
            let echo = filler
                && w.probability < ECHO_MAX_P
                && prev_filler_end.is_some_and(|end| w.start_s - end <= ECHO_GAP_S);
            if !echo {
                prev_filler_end = filler.then_some(w.end_s);
            }
            !echo
        });
        if seg.words.len() != before {
            seg.text = super::retime::joined(&seg.words);
            if let (Some(a), Some(b)) = (seg.words.first(), seg.words.last()) {
                seg.start_s = a.start_s;
                seg.end_s = b.end_s;
            }
        }
    }
    segments.retain(|s| !s.words.is_empty());
}

/// See [`drop_echoed_fillers`].
const ECHO_MAX_P: f32 = 0.1;
const ECHO_GAP_S: f64 = 0.3;

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

/// A word that ends a clause or a phrase: a pause after it is expected.
pub(super) fn ends_with_punctuation(word: &str) -> bool {
    word.ends_with([',', '.', '?', '!', ';', ':'])
}

/// Token times smear a filler over its neighbours; a lone "um" is usually a short voiced
/// stretch with a pause on both sides. Moves each filler onto the nearest such stretch that
/// starts after the previous word and near the filler's own time, when there is one not
/// already taken. The speech map for this uses a short hangover, since pauses around fillers
/// can be as short as 0.1 s.
pub(crate) fn snap_fillers(segments: &mut [Segment], fine: &SpeechMap) {
    const REACH_S: f64 = 1.2;
    let stretches = fine.short_stretches(0.08, 0.8, 0.08);
    let mut taken = vec![false; stretches.len()];
    let words: Vec<(f64, f64, bool)> = segments
        .iter()
        .flat_map(|s| s.words.iter())
        // A filler without punctuation was run into the next word ("Um I booked"): there is
        // no stretch of its own to move it to.
        .map(|w| {
            let alone = ends_with_punctuation(&w.text);
            (w.start_s, w.end_s, alone && is_hesitation(&w.text))
        })
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
    use crate::transcriber::retime::Speech;
    use crate::transcriber::test_audio::{seg, silence, tone, word};
    use crate::transcriber::RATE;

    #[test]
    fn a_filler_written_again_and_barely_believed_is_dropped() {
        let mut echo = word("uh", 1.2, 1.6);
        echo.probability = 0.03;
        let mut believed = word("um,", 3.3, 3.6);
        believed.probability = 0.48;
        let mut s = vec![
            seg(vec![
                word("Uh,", 0.8, 1.2),
                echo.clone(),
                word("I", 1.6, 1.7),
            ]),
            seg(vec![
                word("and,", 2.5, 2.9),
                word("uh,", 3.0, 3.3),
                believed,
            ]),
            // Not after a filler: kept, however unsure.
            seg(vec![word("so", 4.0, 4.2), echo.clone()]),
        ];
        s[2].words[1].start_s = 4.3;
        drop_echoed_fillers(&mut s);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Uh, I", "and, uh, um,", "so uh"]);
        assert_eq!(s[0].words.len(), 2);
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
        snap_fillers(&mut s, &Speech::new(&map, &samples).fine);
        let um = &s[0].words[1];
        assert!(
            (um.start_s - 1.5).abs() < 0.1 && (um.end_s - 1.8).abs() < 0.1,
            "{um:?}"
        );
    }
}
