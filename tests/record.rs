//! End-to-end tests of `starcoach devices` and `starcoach record` through the real capture
//! path: cpal's ALSA backend reading ALSA's `file` plugin, which serves a raw PCM file made from
//! real speech as a microphone (see /work/shared/AUDIO.md). No mocks.
//!
//! What the `file` plugin does (and what these tests rely on): over the `null` slave it
//! delivers samples as fast as they are read, far faster than real time, starting exactly at
//! the first sample of the file; at the end of the file it keeps delivering, repeating stale
//! buffer content rather than silence. So every source here is cut to exactly `--max-seconds`,
//! and the recorder counts its length limit in samples, not wall time.

#![cfg(feature = "device-tests")]

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const BIN: &str = env!("CARGO_BIN_EXE_starcoach");

/// ALSA's tools (alsa-utils) must be here: without them these tests fail, never skip.
fn require_alsa() {
    let ok = StdCommand::new("arecord")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "arecord (alsa-utils) is not installed: the fake-microphone tests need it \
         (scripts/setup.sh with STARCOACH_SETUP_TEST=1 installs it)"
    );
}

fn run_tool(cmd: &mut StdCommand) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A clip of real read speech (LibriVox, 16 kHz mono, 7.1 s), fetched at set-up by
/// scripts/fetch-real-speech.sh (never downloaded here).
fn speech_wav() -> PathBuf {
    let clip = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/cache/real/sense_and_sensibility_01_austen_64kb-0870.wav");
    assert!(
        clip.is_file(),
        "{}: missing: run scripts/fetch-real-speech.sh (scripts/test does)",
        clip.display()
    );
    clip
}

/// A temporary HOME whose `.asoundrc` defines `fakemic` (serving `raw`) and `brokenmic`
/// (whose file is missing, so it cannot be opened).
struct FakeHome {
    dir: tempfile::TempDir,
    raw: PathBuf,
}

impl FakeHome {
    fn new(raw: &Path) -> FakeHome {
        let dir = tempfile::tempdir().unwrap();
        let conf = format!(
            r#"pcm.fakemic {{
  type file
  slave.pcm "null"
  file "/dev/null"
  infile "{}"
  format "raw"
}}
pcm.fifomic {{
  type file
  slave.pcm "null"
  file "/dev/null"
  infile "{}/fifo.raw"
  format "raw"
}}
pcm.brokenmic {{
  type file
  slave.pcm "null"
  file "/dev/null"
  infile "{}/missing.raw"
  format "raw"
}}
"#,
            raw.display(),
            dir.path().display(),
            dir.path().display()
        );
        std::fs::write(dir.path().join(".asoundrc"), conf).unwrap();
        FakeHome {
            dir,
            raw: raw.to_path_buf(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env("HOME", self.path())
            .env_remove("ALSA_CONFIG_PATH")
            .current_dir(self.path())
            .timeout(Duration::from_secs(120));
        c
    }
}

/// The default configuration `starcoach devices` reports for `fakemic`.
fn fakemic_default(home: &FakeHome) -> (u32, u16, String) {
    // The device only opens (and so only lists) when its file exists.
    if !home.raw.exists() {
        std::fs::write(&home.raw, [0u8; 4096]).unwrap();
    }
    let out = home.cmd().arg("devices").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let line = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some("fakemic"))
        .unwrap_or_else(|| panic!("fakemic not listed by `starcoach devices`:\n{text}"));
    // "  fakemic  48000 Hz, 2 ch, f32"
    let words: Vec<&str> = line.split_whitespace().collect();
    let rate = words[1].parse().unwrap();
    let channels = words[3].parse().unwrap();
    (rate, channels, words[5].trim_end_matches(',').to_string())
}

/// sox encoding flags for a cpal sample format (the `file` plugin reads the raw file as
/// whatever format the stream was opened in).
fn sox_encoding(format: &str) -> [&'static str; 4] {
    match format {
        "f32" => ["-e", "floating-point", "-b", "32"],
        "f64" => ["-e", "floating-point", "-b", "64"],
        "i16" => ["-e", "signed", "-b", "16"],
        "i32" => ["-e", "signed", "-b", "32"],
        "u8" => ["-e", "unsigned", "-b", "8"],
        other => panic!("no sox encoding for {other}"),
    }
}

/// Writes the speech clip as raw PCM, exactly `seconds` long, at this rate and channel count;
/// in stereo the right channel is the left at half level, so swapped channels would show.
/// Returns the interleaved samples as f32.
fn make_source(out: &Path, seconds: f64, rate: u32, channels: u16, format: &str) -> Vec<f32> {
    let wav = speech_wav();
    let mut cmd = StdCommand::new("sox");
    cmd.arg(&wav).args(["-t", "raw", "-r", &rate.to_string()]);
    cmd.args(sox_encoding(format)).arg(out);
    if channels == 2 {
        cmd.args(["remix", "1", "1v0.5"]);
    } else {
        cmd.args(["remix", "1"]);
    }
    cmd.args([
        "pad",
        "0",
        &seconds.to_string(),
        "trim",
        "0",
        &seconds.to_string(),
    ]);
    run_tool(&mut cmd);
    let bytes = std::fs::read(out).unwrap();
    match format {
        "f32" => bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect(),
        "f64" => bytes
            .chunks_exact(8)
            .map(|b| f64::from_le_bytes(b.try_into().unwrap()) as f32)
            .collect(),
        "i16" => bytes
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes(b.try_into().unwrap()) as f32 / 32768.0)
            .collect(),
        "i32" => bytes
            .chunks_exact(4)
            .map(|b| i32::from_le_bytes(b.try_into().unwrap()) as f32 / 2147483648.0)
            .collect(),
        "u8" => bytes.iter().map(|&b| (b as f32 - 128.0) / 128.0).collect(),
        other => panic!("no reader for {other}"),
    }
}

struct Wav {
    rate: u32,
    channels: u16,
    samples: Vec<f32>,
}

fn read_wav(path: &Path) -> Wav {
    let mut r = hound::WavReader::open(path)
        .unwrap_or_else(|e| panic!("{} is not a readable WAV: {e}", path.display()));
    let spec = r.spec();
    assert_eq!(spec.bits_per_sample, 16);
    assert_eq!(spec.sample_format, hound::SampleFormat::Int);
    let samples = r
        .samples::<i16>()
        .map(|s| s.unwrap() as f32 / 32768.0)
        .collect();
    Wav {
        rate: spec.sample_rate,
        channels: spec.channels,
        samples,
    }
}

/// Normalised correlation of one channel of two interleaved signals, over their common length.
fn correlation(a: &[f32], b: &[f32], channels: usize, channel: usize) -> f64 {
    let (mut ab, mut aa, mut bb) = (0.0f64, 0.0f64, 0.0f64);
    for (x, y) in a
        .iter()
        .skip(channel)
        .step_by(channels)
        .zip(b.iter().skip(channel).step_by(channels))
    {
        ab += (*x as f64) * (*y as f64);
        aa += (*x as f64) * (*x as f64);
        bb += (*y as f64) * (*y as f64);
    }
    ab / (aa.sqrt() * bb.sqrt()).max(1e-12)
}

fn session_json(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("session.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Records `seconds` from the fake microphone non-interactively and checks the WAV against the
/// source: same format, same length (within 100 ms), same samples (correlation).
fn record_and_compare(rate_channels: Option<(u32, u16)>) {
    require_alsa();
    const SECONDS: f64 = 5.0;
    let scratch = tempfile::tempdir().unwrap();
    let raw = scratch.path().join("answer.raw");
    let home = FakeHome::new(&raw);
    let (def_rate, def_channels, format) = fakemic_default(&home);
    let (rate, channels) = rate_channels.unwrap_or((def_rate, def_channels));
    let source = make_source(&raw, SECONDS, rate, channels, &format);

    let out = home.path().join("session");
    let mut cmd = home.cmd();
    cmd.args(["record", "--device", "fakemic", "--max-seconds", "5"])
        .args(["--question", "Tell me about a hard problem you solved."])
        .arg("--out")
        .arg(&out)
        .write_stdin("");
    if let Some((r, c)) = rate_channels {
        cmd.args(["--rate", &r.to_string(), "--channels", &c.to_string()]);
    }
    // With the real model, the recorded answer is also transcribed and scored.
    if cfg!(not(feature = "model-tests")) {
        cmd.arg("--no-score");
    }
    let assert = cmd.assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("answer-01.wav"), "{stderr}");

    let wav = read_wav(&out.join("answer-01.wav"));
    assert_eq!((wav.rate, wav.channels), (rate, channels));
    let frames = wav.samples.len() / channels as usize;
    let got_s = frames as f64 / rate as f64;
    let want_s = source.len() as f64 / channels as f64 / rate as f64;
    assert!(
        (got_s - want_s).abs() <= 0.1,
        "recorded {got_s:.3} s, source {want_s:.3} s"
    );
    for ch in 0..channels as usize {
        let r = correlation(&wav.samples, &source, channels as usize, ch);
        assert!(r > 0.99, "channel {ch}: correlation with the source {r:.4}");
    }
    if channels == 2 {
        // The right channel is the left at half level: check the levels, not just the shape.
        let energy = |ch: usize| -> f64 {
            wav.samples
                .iter()
                .skip(ch)
                .step_by(2)
                .map(|s| (*s as f64).powi(2))
                .sum()
        };
        let ratio = (energy(1) / energy(0)).sqrt();
        assert!((ratio - 0.5).abs() < 0.02, "right/left level {ratio:.3}");
    }

    let doc = session_json(&out);
    let a = &doc["answers"][0];
    assert_eq!(a["status"], "completed");
    assert_eq!(a["file"], "answer-01.wav");
    assert_eq!(a["ended_by"], "max_length");
    assert_eq!(a["overruns"], 0, "{a}");
    assert_eq!(a["sample_rate"], rate);
    assert!((a["duration_s"].as_f64().unwrap() - SECONDS).abs() < 0.1);

    if cfg!(feature = "model-tests") {
        // The transcript of what was recorded equals the transcript of the source itself.
        let src_wav = scratch.path().join("source.wav");
        let spec = hound::WavSpec {
            channels,
            sample_rate: rate,
            bits_per_sample: 32,
            sample_format: hound::SampleFormat::Float,
        };
        let mut w = hound::WavWriter::create(&src_wav, spec).unwrap();
        for s in &source {
            w.write_sample(*s).unwrap();
        }
        w.finalize().unwrap();
        let out_t = Command::new(BIN)
            .arg("transcribe")
            .arg(&src_wav)
            .output()
            .unwrap();
        let want = String::from_utf8_lossy(&out_t.stdout).trim().to_string();
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap())
                .unwrap();
        let got = report["answers"][0]["transcript"].as_str().unwrap().trim();
        println!("source: {want}\nrecorded: {got}");
        assert!(want.len() > 20, "{want}");
        assert_eq!(got, want);
        assert!(out.join("answer-01.md").is_file() && out.join("report.md").is_file());

        // The session can be scored again later from its folder, with its question.
        std::fs::remove_file(out.join("report.md")).unwrap();
        let rescored = Command::new(BIN)
            .env("HOME", home.path())
            .args(["score", "--no-history", "--format", "json"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            rescored.status.success(),
            "{}",
            String::from_utf8_lossy(&rescored.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&rescored.stdout).unwrap();
        assert_eq!(
            v["answers"][0]["question"],
            "Tell me about a hard problem you solved."
        );
        assert_eq!(v["answers"][0]["transcript"].as_str().unwrap().trim(), got);
        assert!(out.join("report.md").is_file());
    }
}

#[test]
fn records_fake_mic_at_48k_stereo_default_config() {
    record_and_compare(None);
}

#[test]
fn records_fake_mic_at_16k_mono() {
    record_and_compare(Some((16_000, 1)));
}

#[test]
fn devices_lists_the_fake_mic() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let home = FakeHome::new(&scratch.path().join("x.raw"));
    std::fs::write(scratch.path().join("x.raw"), [0u8; 64]).unwrap();
    let (rate, channels, _) = fakemic_default(&home);
    assert!(rate > 0 && channels > 0);
}

#[test]
fn unknown_device_fails_clearly_and_leaves_nothing() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let raw = scratch.path().join("answer.raw");
    std::fs::write(&raw, [0u8; 64]).unwrap();
    let home = FakeHome::new(&raw);
    let out = home.path().join("session");
    let assert = home
        .cmd()
        .args([
            "record",
            "--no-score",
            "--device",
            "nosuch",
            "--max-seconds",
            "2",
            "--question",
            "q",
        ])
        .arg("--out")
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(r#"error: no input device named "nosuch"; available: "#)
            && stderr.contains("fakemic"),
        "{stderr}"
    );
    assert!(!out.exists(), "a failed start left {}", out.display());
}

#[test]
fn device_that_cannot_open_fails_clearly_and_leaves_nothing() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let raw = scratch.path().join("answer.raw");
    std::fs::write(&raw, [0u8; 64]).unwrap();
    let home = FakeHome::new(&raw);
    let out = home.path().join("session");
    let assert = home
        .cmd()
        .args([
            "record",
            "--no-score",
            "--device",
            "brokenmic",
            "--max-seconds",
            "2",
        ])
        .args(["--question", "q"])
        .arg("--out")
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(r#"error: cannot open input device "brokenmic": "#),
        "{stderr}"
    );
    assert!(!out.exists(), "a failed start left {}", out.display());
}

#[test]
fn non_interactive_needs_max_seconds() {
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("session");
    let assert = Command::new(BIN)
        .current_dir(scratch.path())
        .args(["record", "--no-score", "--question", "q", "--out"])
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("--max-seconds is required"), "{stderr}");
    assert!(!out.exists());
}

/// Starts a long non-interactive recording and returns the child once the WAV has data.
fn start_long_recording(home: &FakeHome, out: &Path) -> std::process::Child {
    let child = StdCommand::new(BIN)
        .env("HOME", home.path())
        .current_dir(home.path())
        .args([
            "record",
            "--no-score",
            "--device",
            "fakemic",
            "--max-seconds",
            "3000",
        ])
        .args(["--question", "Walk me through your last project."])
        .arg("--out")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the header has been refreshed at least once with data behind it.
    let wav = out.join("answer-01.wav");
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if hound::WavReader::open(&wav).is_ok_and(|r| r.duration() > 0) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    child
}

fn speech_raw(dir: &Path, home_format: impl FnOnce(&FakeHome) -> (u32, u16, String)) -> FakeHome {
    let raw = dir.join("answer.raw");
    let home = FakeHome::new(&raw);
    let (rate, channels, format) = home_format(&home);
    make_source(&raw, 5.0, rate, channels, &format);
    home
}

#[test]
fn sigint_keeps_the_answer_and_exits_130() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let home = speech_raw(scratch.path(), fakemic_default);
    let out = home.path().join("session");
    let child = start_long_recording(&home, &out);
    run_tool(StdCommand::new("kill").args(["-INT", &child.id().to_string()]));
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("session.json"), "{stderr}");
    let doc = session_json(&out);
    assert_eq!(doc["interrupted"], true);
    let a = &doc["answers"][0];
    assert_eq!(a["status"], "interrupted");
    // Finalised: the header accounts for every byte of the file.
    let wav = read_wav(&out.join("answer-01.wav"));
    let frames = (wav.samples.len() / wav.channels as usize) as f64;
    assert!(frames > 0.0);
    let size = std::fs::metadata(out.join("answer-01.wav")).unwrap().len();
    assert_eq!(size, 44 + wav.samples.len() as u64 * 2);
    assert!((a["duration_s"].as_f64().unwrap() - frames / wav.rate as f64).abs() < 1e-6);
}

#[test]
fn kill_9_leaves_a_readable_wav() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let home = speech_raw(scratch.path(), fakemic_default);
    let out = home.path().join("session");
    let mut child = start_long_recording(&home, &out);
    std::thread::sleep(Duration::from_millis(1200));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let wav = read_wav(&out.join("answer-01.wav"));
    assert!(
        wav.samples.len() > wav.rate as usize,
        "only {} samples readable after kill -9",
        wav.samples.len()
    );
}

// ---- interactive mode, driven through tmux ----

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str) -> Tmux {
        let socket = format!("starcoach-test-{}", std::process::id());
        run_tool(
            StdCommand::new("tmux")
                .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
                .args(["-x", "200", "-y", "50", command]),
        );
        Tmux { socket }
    }

    fn screen(&self) -> String {
        let out = StdCommand::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-S", "-100"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn keys(&self, keys: &str) {
        run_tool(StdCommand::new("tmux").args(["-L", &self.socket, "send-keys", keys]));
    }

    /// Waits until `text` appears `count` times on the screen.
    fn wait_for(&self, text: &str, count: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if screen.matches(text).count() >= count {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?} x{count}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = StdCommand::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn interactive_keys_redo_skip_and_ctrl_c() {
    require_alsa();
    if StdCommand::new("tmux").arg("-V").output().is_err() {
        eprintln!("\n!!!!! SKIPPING interactive test: tmux not found !!!!!\n");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let home = speech_raw(scratch.path(), fakemic_default);
    let out = home.path().join("session");
    let command = format!(
        "cd '{home}' && env HOME='{home}' '{BIN}' record --no-score --device fakemic \
         --question 'First question' --question 'Second question' --question 'Third question' \
         --out '{out}'; echo EXIT=$?; sleep 60",
        home = home.path().display(),
        out = out.display()
    );
    let tmux = Tmux::start(&command);

    // Question 1: countdown, then record, redo, record again, Enter.
    tmux.wait_for("Question 1/3", 1);
    tmux.wait_for("starting in", 1);
    tmux.wait_for("REC ", 1);
    tmux.keys("r");
    tmux.wait_for("redo: recording again", 1);
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys("Enter");
    tmux.wait_for("answer-01.wav", 1);

    // Question 2: skip during the countdown.
    tmux.wait_for("Question 2/3", 1);
    tmux.keys("s");
    tmux.wait_for("skipped", 1);

    // Question 3: any key cuts the countdown short; then Ctrl-C mid-answer.
    tmux.wait_for("Question 3/3", 1);
    tmux.keys("x");
    tmux.wait_for("REC ", 1);
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys("C-c");
    let screen = tmux.wait_for("EXIT=", 1);
    assert!(screen.contains("EXIT=130"), "{screen}");
    assert!(
        screen.contains("answer-03.wav") && screen.contains("interrupted"),
        "{screen}"
    );
    assert!(screen.contains("session.json"), "{screen}");

    let doc = session_json(&out);
    assert_eq!(doc["interrupted"], true);
    let answers = doc["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 3, "{doc}");
    assert_eq!(answers[0]["status"], "completed");
    assert_eq!(answers[0]["redos"], 1);
    assert_eq!(answers[0]["file"], "answer-01.wav");
    assert_eq!(answers[1]["status"], "skipped");
    assert!(answers[1]["file"].is_null());
    assert_eq!(answers[2]["status"], "interrupted");
    assert_eq!(answers[2]["file"], "answer-03.wav");
    assert!(!out.join("answer-02.wav").exists());
    for name in ["answer-01.wav", "answer-03.wav"] {
        let wav = read_wav(&out.join(name));
        assert!(!wav.samples.is_empty(), "{name} is empty");
        let size = std::fs::metadata(out.join(name)).unwrap().len();
        assert_eq!(
            size,
            44 + wav.samples.len() as u64 * 2,
            "{name} not finalised"
        );
    }
}

/// A microphone that goes quiet mid-answer (a FIFO whose writer stops writing): the recorder
/// gives up after its stall timeout, keeps and finalises what it had, and says why.
#[test]
fn device_that_stops_delivering_keeps_what_was_said() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let home = speech_raw(scratch.path(), fakemic_default);
    let (rate, channels, format) = fakemic_default(&home);
    let one = scratch.path().join("one.raw");
    make_source(&one, 1.0, rate, channels, &format);
    let data = std::fs::read(&one).unwrap();
    let fifo = home.path().join("fifo.raw");
    run_tool(StdCommand::new("mkfifo").arg(&fifo));

    // Feeds one second, then holds the FIFO open without writing, then closes it. Opening the
    // device to read its configuration also opens the FIFO and closes it unread: start over
    // on a broken pipe.
    let feeder = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            loop {
                let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
                match f.write_all(&data) {
                    Ok(()) => {
                        std::thread::sleep(Duration::from_secs(7));
                        return;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => continue,
                    Err(e) => panic!("writing the FIFO: {e}"),
                }
            }
        })
    };
    let out = home.path().join("session");
    let assert = home
        .cmd()
        .args([
            "record",
            "--no-score",
            "--device",
            "fifomic",
            "--max-seconds",
            "60",
        ])
        .args(["--question", "q", "--rate", &rate.to_string()])
        .arg("--out")
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(1);
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("no audio from the device"), "{stderr}");
    let a = &session_json(&out)["answers"][0];
    assert_eq!(a["status"], "failed", "{a}");
    assert_eq!(a["ended_by"], "device_error");
    let wav = read_wav(&out.join("answer-01.wav"));
    let secs = wav.samples.len() as f64 / channels as f64 / rate as f64;
    assert!(
        (0.9..1.6).contains(&secs),
        "kept {secs:.3} s of the 1 s said"
    );
}

/// Issue 28: a questions file of 7 and `--count 3` asks 3 different questions (the old
/// `(start + i * 7) % len` asked the same one three times), in every session.
#[test]
fn seven_questions_count_three_asks_three_different() {
    require_alsa();
    let scratch = tempfile::tempdir().unwrap();
    let raw = scratch.path().join("answer.raw");
    let home = FakeHome::new(&raw);
    let (rate, channels, format) = fakemic_default(&home);
    make_source(&raw, 4.0, rate, channels, &format);
    let file = home.path().join("questions.toml");
    let mut toml = String::new();
    for i in 1..=7 {
        toml.push_str(&format!(
            "[[question]]\ntext = \"Question number {i}?\"\nkind = \"behavioral\"\ncompetency = \"leadership\"\n\n"
        ));
    }
    std::fs::write(&file, toml).unwrap();
    for round in 0..3 {
        let out = home.path().join(format!("session-{round}"));
        home.cmd()
            .env("STARCOACH_HISTORY", home.path().join("history.sqlite3"))
            .args(["record", "--device", "fakemic", "--max-seconds", "0.5"])
            .args(["--no-score", "--count", "3", "--questions-file"])
            .arg(&file)
            .arg("--out")
            .arg(&out)
            .write_stdin("")
            .assert()
            .success();
        let doc = session_json(&out);
        let mut asked: Vec<String> = doc["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["question"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(asked.len(), 3, "{doc}");
        asked.sort();
        asked.dedup();
        assert_eq!(asked.len(), 3, "round {round}: {asked:?}");
    }
}
