//! The versions that keep batch results fresh move with the output they name.
//!
//! A batch skips a recording whose stored result came from the same model, options and
//! versions (`SCORER_VERSION`, `TRANSCRIBER_VERSION`). That is only right while a version
//! changes whenever its output does. `tests/output-version.toml` holds, for each version, a
//! fingerprint of what it produces on fixed inputs; these tests fail when the output changes and
//! the version does not (bump it), or the version changes and the fingerprint was not recorded
//! (run with `STARCOACH_BLESS=1` to record it).
//!
//! - Scoring: every corpus answer up to [`CORPUS_UP_TO`] (later answers may be added without
//!   touching this), scored with the default rules; floats rounded to 6 significant digits so
//!   a platform's last-bit differences in `ln`/`exp` do not count as a change.
//! - Transcription (`--features model-tests`): the words of two fixture recordings through the
//!   batch's own path (`Pipeline::transcribe_audio`, filler pass on, one thread). Words only,
//!   not times: times can differ in the last digits between CPU paths.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use starcoach::score::{score_answer, AnswerContext, QuestionKind, ScoringConfig, SCORER_VERSION};
use starcoach::transcript::Transcript;

/// Corpus answers in the scoring fingerprint: `01` to this number.
const CORPUS_UP_TO: u32 = 193;

fn lock_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output-version.toml")
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
struct Lock {
    scorer_version: u32,
    scorer_output: String,
    transcriber_version: u32,
    transcriber_output: String,
}

fn read_lock() -> Lock {
    toml::from_str(&std::fs::read_to_string(lock_path()).expect("read the lock"))
        .expect("parse tests/output-version.toml")
}

fn bless() -> bool {
    std::env::var_os("STARCOACH_BLESS").is_some_and(|v| v == "1")
}

/// Records a new fingerprint (under `STARCOACH_BLESS=1`) or checks it.
fn check(
    what: &str,
    constant: &str,
    version: u32,
    output: String,
    field: fn(&mut Lock) -> (&mut u32, &mut String),
) {
    // The two tests may record at once: one at a time reads and writes the file.
    static LOCK_FILE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = LOCK_FILE.lock().unwrap_or_else(|e| e.into_inner());
    let mut lock = read_lock();
    let (v, o) = field(&mut lock);
    if (*v, o.as_str()) == (version, output.as_str()) {
        return;
    }
    if bless() {
        *v = version;
        *o = output;
        let text = format!(
            "# Written by `STARCOACH_BLESS=1 cargo test --release --features model-tests --test output_version`:\n\
             # what each output version produces on fixed inputs (see tests/output_version.rs).\n{}",
            toml::to_string(&lock).unwrap()
        );
        std::fs::write(lock_path(), text).unwrap();
        return;
    }
    if *v == version {
        panic!(
            "{what} output changed but {constant} is still {version}: batches would keep stale \
             results. Bump {constant}, then record the new output with \
             STARCOACH_BLESS=1 cargo test --release --features model-tests --test output_version \
             (fingerprint was {o}, now {output})"
        );
    }
    panic!(
        "{constant} is {version} but tests/output-version.toml records {what} output for {v}: \
         record it with STARCOACH_BLESS=1 cargo test --release --features model-tests --test output_version"
    );
}

/// Floats to 6 significant digits, recursively.
fn canonical(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or(0.0);
            Value::String(format!("{x:.5e}"))
        }
        Value::Array(a) => Value::Array(a.into_iter().map(canonical).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, canonical(v))).collect()),
        other => other,
    }
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(serde::Deserialize)]
struct CorpusAnswer {
    question: String,
    kind: QuestionKind,
    answer: String,
}

#[test]
fn scorer_version_moves_with_scoring_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut files: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| {
            let n: u32 = p.file_stem()?.to_str()?.split('-').next()?.parse().ok()?;
            (n <= CORPUS_UP_TO).then_some((n, p))
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        CORPUS_UP_TO as usize,
        "corpus answers 01-{CORPUS_UP_TO}"
    );
    let cfg = ScoringConfig::default();
    let mut all = Vec::new();
    for (_, p) in &files {
        let c: CorpusAnswer = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let t = Transcript::from_plain_text(&c.answer, Some(name));
        // Once as asked, once with the kind left to the guesser.
        for ctx in [
            AnswerContext::new(Some(&c.question), Some(c.kind)),
            AnswerContext::new(None, None),
        ] {
            let a = score_answer(&t, &ctx, &cfg);
            all.push(canonical(serde_json::to_value(&a).unwrap()));
        }
    }
    let output = sha(serde_json::to_string(&all).unwrap().as_bytes());
    check("scoring", "SCORER_VERSION", SCORER_VERSION, output, |l| {
        (&mut l.scorer_version, &mut l.scorer_output)
    });
}

#[cfg(feature = "model-tests")]
#[test]
fn transcriber_version_moves_with_transcripts() {
    use starcoach::pipeline::Pipeline;
    use starcoach::transcriber::{TranscribeOptions, TRANSCRIBER_VERSION};
    let env = starcoach::env::init().expect("a usable environment");
    let model =
        starcoach::model::resolve(env.model.as_deref()).expect("the tiny.en model is installed");
    let pipeline = Pipeline::with_model(
        &model,
        TranscribeOptions {
            threads: 1,
            fillers: true,
            filler_bias: None,
        },
        ScoringConfig::default(),
    )
    .expect("load the model");
    let mut words = Vec::new();
    for f in ["answers/answer.wav", "example/answer.ogg"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(f);
        let audio = starcoach::audio::load(&path).unwrap();
        let t = pipeline.transcribe_audio(&audio, f).unwrap();
        words.push(
            t.words()
                .map(|w| w.text.clone())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let output = sha(words.join("\n").as_bytes());
    check(
        "transcription",
        "TRANSCRIBER_VERSION",
        TRANSCRIBER_VERSION,
        output,
        |l| (&mut l.transcriber_version, &mut l.transcriber_output),
    );
}
