//! Decoding and speech detection on the committed fixtures (fixtures/, made by
//! scripts/make-fixtures.sh) and, when present, real human speech (fixtures/cache/real/, made
//! by scripts/fetch-real-speech.sh; those tests print a note and pass when it is missing).

use std::path::{Path, PathBuf};

use starcoach::audio::{self, vad, AudioError, SAMPLE_RATE};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

#[test]
fn every_format_decodes_to_the_same_duration() {
    let reference = audio::load(&fixture("answers/answer.wav")).unwrap();
    assert_eq!(reference.source_rate, 16_000);
    assert_eq!(reference.source_channels, 1);
    assert!(!reference.truncated);
    assert!(
        (15.0..30.0).contains(&reference.duration_s),
        "{}",
        reference.duration_s
    );
    let ref_onset = vad::speech_onset(&reference.samples, SAMPLE_RATE).unwrap();

    for (ext, rate, channels) in [
        ("mp3", 44_100, 2),
        ("m4a", 48_000, 1),
        ("ogg", 22_050, 1),
        ("flac", 24_000, 1),
    ] {
        let a = audio::load(&fixture(&format!("answers/answer.{ext}"))).unwrap();
        assert_eq!(
            (a.source_rate, a.source_channels),
            (rate, channels),
            "{ext}"
        );
        assert!(!a.truncated, "{ext}");
        let diff = (a.duration_s - reference.duration_s).abs();
        assert!(
            diff < 0.050,
            "{ext}: {} s vs {} s",
            a.duration_s,
            reference.duration_s
        );
        let len_s = a.samples.len() as f64 / f64::from(SAMPLE_RATE);
        assert!(
            (len_s - a.duration_s).abs() < 0.002,
            "{ext}: samples {len_s} s"
        );
        // The same speech at the same place (codec delays are trimmed).
        let onset = vad::speech_onset(&a.samples, SAMPLE_RATE).unwrap();
        assert!(
            (onset - ref_onset).abs() < 0.050,
            "{ext}: onset {onset} vs {ref_onset}"
        );
        let peak = a.samples.iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!((0.3..=1.0).contains(&peak), "{ext}: peak {peak}");
    }
}

#[test]
fn extension_is_only_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("really-an-ogg.mp3");
    std::fs::copy(fixture("answers/answer.ogg"), &renamed).unwrap();
    let a = audio::load(&renamed).unwrap();
    assert_eq!(a.source_rate, 22_050);
}

fn expect_err(rel: &str) -> AudioError {
    let path = fixture(rel);
    let err = audio::load(&path).expect_err(rel);
    let msg = err.to_string();
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(msg.contains(name), "{msg}");
    assert!(!msg.contains('\n'), "{msg}");
    assert_eq!(err.path(), path);
    err
}

#[test]
fn bad_inputs_give_the_right_error() {
    assert!(matches!(
        expect_err("bad/empty.wav"),
        AudioError::Empty { .. }
    ));
    let e = expect_err("bad/notes.mp3");
    assert!(matches!(e, AudioError::NotAudio { .. }), "{e:?}");
    assert!(e
        .to_string()
        .ends_with("notes.mp3: not an audio file (unrecognised format)"));
    let e = expect_err("bad/truncated.wav");
    assert!(matches!(e, AudioError::Truncated { .. }), "{e:?}");
    let e = expect_err("bad/silence.wav");
    assert!(matches!(e, AudioError::SilenceOnly { .. }), "{e:?}");
    let e = expect_err("bad/opus.ogg");
    assert!(
        matches!(e, AudioError::UnsupportedCodec { ref codec, .. } if codec == "Opus"),
        "{e:?}"
    );
    let e = expect_err("bad/does-not-exist.wav");
    assert!(matches!(e, AudioError::Missing { .. }), "{e:?}");
    // A directory is not a recording.
    let e = audio::load(&fixture("bad")).unwrap_err();
    assert!(matches!(e, AudioError::Unreadable { .. }), "{e:?}");
}

#[test]
fn silence_still_decodes_with_load_any() {
    let a = audio::load_any(&fixture("bad/silence.wav")).unwrap();
    assert!((a.duration_s - 5.0).abs() < 0.01);
}

#[test]
fn message_uses_the_path_as_given() {
    let err = audio::load(Path::new("no/such/answer.mp3")).unwrap_err();
    assert_eq!(err.to_string(), "no/such/answer.mp3: file not found");
}

/// A long file cut short keeps the audio that is there; a header-only one is an error.
#[test]
fn truncation_policy() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("answers/answer.wav")).unwrap();
    let half = dir.path().join("half.wav");
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
    let a = audio::load(&half).unwrap();
    assert!(a.truncated);
    let full = audio::load(&fixture("answers/answer.wav")).unwrap();
    assert!((a.duration_s - full.duration_s / 2.0).abs() < 0.1);

    let header_only = dir.path().join("header.wav");
    std::fs::write(&header_only, &bytes[..30]).unwrap();
    assert!(matches!(
        audio::load(&header_only),
        Err(AudioError::Truncated { .. })
    ));

    let mp3 = std::fs::read(fixture("answers/answer.mp3")).unwrap();
    let cut = dir.path().join("cut.mp3");
    std::fs::write(&cut, &mp3[..mp3.len() * 3 / 4]).unwrap();
    let a = audio::load(&cut).unwrap();
    assert!(a.duration_s > 10.0, "{}", a.duration_s);
}

/// hound's integer widths and float, and multi-channel down-mixing.
#[test]
fn wav_sample_formats() {
    let dir = tempfile::tempdir().unwrap();
    let rate = 44_100;
    let n = rate as usize * 2;
    let tone = |i: usize| {
        let t = i as f32 / rate as f32;
        // Bursts of a 220 Hz tone so the recording is not "silent".
        let on = ((t * 2.0) as usize).is_multiple_of(2);
        if on {
            0.5 * (2.0 * std::f32::consts::PI * 220.0 * t).sin()
        } else {
            0.0
        }
    };
    for (bits, float, channels) in [
        (8, false, 1),
        (16, false, 2),
        (24, false, 1),
        (32, false, 2),
        (32, true, 3),
    ] {
        let spec = hound::WavSpec {
            channels,
            sample_rate: rate,
            bits_per_sample: bits,
            sample_format: if float {
                hound::SampleFormat::Float
            } else {
                hound::SampleFormat::Int
            },
        };
        let path = dir.path().join(format!("t{bits}{float}{channels}.wav"));
        let mut w = hound::WavWriter::create(&path, spec).unwrap();
        for i in 0..n {
            for _ in 0..channels {
                let v = tone(i);
                if float {
                    w.write_sample(v).unwrap();
                } else {
                    let max = ((1i64 << (bits - 1)) - 1) as f32;
                    w.write_sample((v * max) as i32).unwrap();
                }
            }
        }
        w.finalize().unwrap();
        let a = audio::load(&path).unwrap();
        assert_eq!(a.samples.len(), 32_000, "{bits} bits");
        assert_eq!(a.source_channels, channels);
        let peak = a.samples.iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!(
            (0.45..0.56).contains(&peak),
            "{bits} bits float={float}: peak {peak}"
        );
    }
}

#[test]
fn example_answer_has_its_pauses() {
    let a = audio::load(&fixture("example/answer.ogg")).unwrap();
    assert!((60.0..85.0).contains(&a.duration_s), "{}", a.duration_s);
    let map = vad::SpeechMap::analyze(&a.samples, SAMPLE_RATE);
    let onset = map.onset().unwrap();
    assert!((0.45..0.65).contains(&onset), "onset {onset}");
    let tail = a.duration_s - map.offset().unwrap();
    assert!((0.4..0.7).contains(&tail), "trailing silence {tail}");
    // The script joins its parts with 0.6, 1.4 and 0.9 s of silence, after Piper's own
    // 0.35 s sentence pause: only the middle one is over 1.2 s.
    let long = map.pauses(1.2);
    assert_eq!(long.len(), 1, "{long:?}");
    assert!(map.pauses(2.5).is_empty());
    // "Sure." and the lone "um"/"uh"s (set off by commas) are short isolated stretches.
    let short = map.short_stretches(0.08, 0.8, 0.15);
    assert!((3..=10).contains(&short.len()), "{short:?}");
    let pieces = map.split(28.0);
    assert!(pieces.len() >= 3);
    for &(s, e) in &pieces {
        assert!(e - s <= 28 * SAMPLE_RATE as usize);
    }
    for &(_, e) in &pieces[..pieces.len() - 1] {
        let t = e as f64 / f64::from(SAMPLE_RATE);
        assert!(
            map.regions.iter().all(|r| t <= r.start_s || t >= r.end_s),
            "cut at {t}"
        );
    }
}

fn real_clips() -> Vec<PathBuf> {
    let dir = fixture("cache/real");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} missing; run scripts/fetch-real-speech.sh",
            dir.display()
        );
        return Vec::new();
    };
    let mut clips: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wav"))
        .collect();
    clips.sort();
    clips
}

#[test]
fn real_speech_onset_and_regions() {
    for clip in real_clips() {
        let a = audio::load(&clip).unwrap();
        let map = vad::SpeechMap::analyze(&a.samples, SAMPLE_RATE);
        let onset = map.onset().unwrap();
        let offset = map.offset().unwrap();
        let name = clip.file_name().unwrap().to_string_lossy();
        // The clips start and end within 1.5 s of speech and hold mostly speech.
        assert!(onset < 1.5, "{name}: onset {onset}");
        assert!(
            offset > a.duration_s - 1.5,
            "{name}: offset {offset} of {}",
            a.duration_s
        );
        let share = map.speech_s() / a.duration_s;
        assert!((0.5..=1.0).contains(&share), "{name}: speech share {share}");
        eprintln!(
            "{name}: {:.2} s, onset {onset:.2}, offset {offset:.2}, {} regions, {} pauses > 1.2 s",
            a.duration_s,
            map.regions.len(),
            map.pauses(1.2).len()
        );
    }
}
