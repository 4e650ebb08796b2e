//! Helpers shared by the integration tests: fixture paths, the real model, word error rate.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use starcoach::transcriber::Transcriber;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The Ogg recordings of a fixtures folder, sorted by name.
#[allow(dead_code)] // not every test file lists a folder
pub fn ogg_files(rel: &str) -> Vec<PathBuf> {
    let dir = fixture(rel);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ogg"))
        .collect();
    files.sort();
    files
}

/// Real read speech (LibriVox, asterisk), fetched at set-up by `scripts/fetch-real-speech.sh`
/// (`scripts/test` runs it); a test never downloads it.
pub fn real_speech_dir() -> PathBuf {
    let dir = fixture("cache/real");
    assert!(
        dir.join("demo-instruct.wav").is_file(),
        "{}: the real speech clips are missing: run scripts/fetch-real-speech.sh (scripts/test does)",
        dir.display()
    );
    dir
}

/// The installed default model (scripts/test installs it before the tests run), or
/// `$STARCOACH_MODEL`. Reads the environment as the program does first (`STARCOACH_CPU`
/// included, so `scripts/test-generic` runs these tests on the generic path).
pub fn model_path() -> PathBuf {
    let env = starcoach::env::init().expect("a usable environment");
    starcoach::model::resolve(env.model.as_deref())
        .expect("the tiny.en model is installed (run `starcoach model install`)")
}

/// One transcriber for the whole test binary: the model loads once.
pub fn transcriber() -> &'static Transcriber {
    static T: OnceLock<Transcriber> = OnceLock::new();
    T.get_or_init(|| Transcriber::load(&model_path()).expect("load model"))
}

pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("starcoach").expect("binary")
}

/// Lowercase words without punctuation; hyphens split words; "mr" is "mister"; digits kept.
pub fn normalise(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || c == '-') {
        let mut w: String = raw
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '\'')
            .collect::<String>()
            .to_lowercase();
        // Keep a decimal point only between digits ("28.8"), drop sentence full stops.
        while w.ends_with('.') || w.ends_with('\'') {
            w.pop();
        }
        if !w.chars().any(|c| c.is_ascii_digit()) {
            w.retain(|c| c != '.');
        }
        let w = match w.as_str() {
            "mr" => "mister".to_string(),
            _ => w,
        };
        if !w.is_empty() {
            out.push(w);
        }
    }
    out
}

/// Word-level edit distance.
pub fn edit_distance(a: &[String], b: &[String]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// (errors, reference words) for one hypothesis.
pub fn wer_counts(reference: &str, hypothesis: &str) -> (usize, usize) {
    let r = normalise(reference);
    let h = normalise(hypothesis);
    (edit_distance(&r, &h), r.len())
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// Headless Chromium, for the HTML pages (Debian's chromium; scripts/setup.sh installs it).

pub fn chromium() -> PathBuf {
    for c in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(c).is_file() {
            return PathBuf::from(c);
        }
    }
    panic!("chromium is not installed (scripts/setup.sh with STARCOACH_SETUP_TEST=1 installs it)");
}

pub fn browser(page: &Path, extra: &[String]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("run chromium")
}

/// The DOM after Chromium rendered the page.
pub fn dom(page: &Path) -> String {
    let o = browser(page, &["--dump-dom".to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn screenshot(page: &Path, name: &str) {
    let dir = root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&png);
    browser(
        page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1200,2000".to_string(),
        ],
    );
    assert!(png.is_file(), "no screenshot of {}", page.display());
}
