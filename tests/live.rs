//! Issue 27: live coaching, tested the way desktops run. A private PulseAudio server with a null
//! sink stands in for the microphone (its monitor is the source), fed in real time by `paplay`;
//! `starcoach record` runs in tmux (a terminal), reading it through ALSA's `pulse` device, so
//! pacing, the live line and the time from the stop to the report are those of a real answer.
//!
//! Needs `pulseaudio`, `paplay` (pulseaudio-utils), ALSA's pulse plugin (libasound2-plugins),
//! tmux and sox: `scripts/setup.sh` installs them with STARCOACH_SETUP_TEST=1. A missing one
//! fails the test, naming it.
#![cfg(all(feature = "model-tests", feature = "device-tests"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const BIN: &str = env!("CARGO_BIN_EXE_starcoach");
const QUESTION: &str = "Tell me about a time you disagreed with a colleague.";
/// The recording's length (`--max-seconds`); the answer in it is 55 s.
const RECORD_S: f64 = 62.0;

fn need(tool: &str, arg: &str) {
    let ok = Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    assert!(
        ok,
        "{tool} is not installed: run STARCOACH_SETUP_TEST=1 scripts/setup.sh (pulseaudio, pulseaudio-utils, libasound2-plugins, tmux, sox)"
    );
}

/// A PulseAudio server of our own (its socket in a private runtime folder), killed on drop.
struct Pulse {
    dir: tempfile::TempDir,
}

impl Pulse {
    fn start() -> Pulse {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("run")).unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        let p = Pulse { dir };
        let o = p
            .cmd("pulseaudio")
            .args([
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-native-protocol-unix",
                "--load=module-null-sink sink_name=vmic rate=48000 channels=2",
            ])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "pulseaudio: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        while !p
            .cmd("pactl")
            .arg("info")
            .output()
            .unwrap()
            .status
            .success()
        {
            assert!(Instant::now() < deadline, "pulseaudio did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        p
    }

    fn env(&self) -> [(&'static str, PathBuf); 2] {
        [
            ("XDG_RUNTIME_DIR", self.dir.path().join("run")),
            ("HOME", self.dir.path().join("home")),
        ]
    }

    fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.envs(self.env());
        c
    }
}

impl Drop for Pulse {
    fn drop(&mut self) {
        let _ = self.cmd("pulseaudio").arg("--kill").status();
    }
}

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str) -> Tmux {
        let socket = format!("starcoach-live-{}", std::process::id());
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "220", "-y", "50", command])
            .status()
            .unwrap();
        assert!(ok.success());
        Tmux { socket }
    }

    fn screen(&self) -> String {
        let o = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-S", "-100"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// Polls the screen until `text` shows; returns the screen and when it was first seen.
    fn wait_for(&self, text: &str, timeout: Duration) -> (String, Instant) {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return (screen, Instant::now());
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

/// The first channel of a 16-bit WAV, as floats.
fn first_channel(path: &Path) -> (u32, u16, Vec<f32>) {
    let mut r = hound::WavReader::open(path).unwrap();
    let spec = r.spec();
    let ch = spec.channels as usize;
    let s: Vec<f32> = r
        .samples::<i16>()
        .step_by(ch)
        .map(|x| x.unwrap() as f32 / 32768.0)
        .collect();
    (spec.sample_rate, spec.channels, s)
}

#[test]
fn live_line_while_speaking_and_the_report_right_after_the_stop() {
    for (tool, arg) in [
        ("pulseaudio", "--version"),
        ("paplay", "--version"),
        ("pactl", "--version"),
        ("tmux", "-V"),
        ("sox", "--version"),
    ] {
        need(tool, arg);
    }
    let pulse = Pulse::start();
    // Item 5: listing devices on a PulseAudio desktop prints the devices and nothing else (no
    // "ALSA lib ..." or "jack server is not running" from the libraries underneath).
    let o = pulse.cmd(BIN).arg("devices").output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("pulse"));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "",
        "devices: library noise"
    );
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("answer48k.wav");
    let o = Command::new("sox")
        .arg(fixture("fillers/a01_conflict_star.ogg"))
        .args(["-D", "-r", "48000", "-c", "2", "-b", "16"])
        .arg(&source)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "sox: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = work.path().join("session");
    let env: String = pulse
        .env()
        .iter()
        .map(|(k, v)| format!("{k}='{}' ", v.display()))
        .collect();
    let command = format!(
        "env {env} PULSE_SOURCE=vmic.monitor STARCOACH_HISTORY='{hist}' '{BIN}' record \
         --device pulse --no-countdown --max-seconds {RECORD_S} --question '{QUESTION}' \
         --out '{out}'; echo EXIT=$?; sleep 120",
        hist = work.path().join("history.sqlite3").display(),
        out = out.display()
    );
    let tmux = Tmux::start(&command);
    let (_, rec_seen) = tmux.wait_for("REC ", Duration::from_secs(30));
    // The answer, spoken into the microphone at its own pace.
    // (paplay reads the WAV; pacat would play the file raw, header and all, at 44.1 kHz.)
    let mut player = pulse
        .cmd("paplay")
        .args(["--device=vmic"])
        .arg(&source)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // While it is spoken: the live line hears fillers and the STAR parts as they come.
    let mut lines = Vec::new();
    while rec_seen.elapsed() < Duration::from_secs_f64(RECORD_S - 3.0) {
        if let Some(l) = tmux.screen().lines().rev().find(|l| l.starts_with("REC ")) {
            if lines.last() != Some(&l.to_string()) {
                lines.push(l.to_string());
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let fillers_heard = |l: &str| -> Option<usize> {
        let at = l.find(" filler")?;
        l[..at].rsplit(' ').next()?.parse().ok()
    };
    let at_30 = lines
        .iter()
        .find(|l| l.contains("REC 0:3"))
        .unwrap_or_else(|| panic!("no live line at 0:3x: {lines:#?}"));
    assert!(fillers_heard(at_30).is_some_and(|n| n >= 2), "{at_30}");
    assert!(
        at_30.contains("S T A"),
        "situation, task, action heard by 0:30: {at_30}"
    );
    let late = lines.last().unwrap();
    assert!(
        late.contains("S T A R"),
        "the result heard by the end: {late}"
    );
    assert!(late.contains(" wpm"), "{late}");

    // The stop (--max-seconds), then the report.
    let (_, saved_seen) = tmux.wait_for("saved ", Duration::from_secs(20));
    let (screen, report_seen) = tmux.wait_for("Score ", Duration::from_secs(20));
    let after_saved = report_seen.duration_since(saved_seen).as_secs_f64();
    // "saved" is printed the moment the 62nd second of audio is in the file (the stream starts
    // a little after the timer shows, so the timer is no reference for the end).
    eprintln!(
        "report {after_saved:.2} s after the recording ended (\"saved\"; {:.2} s after the \
         timer first showed + {RECORD_S} s), {} live lines",
        report_seen
            .saturating_duration_since(rec_seen + Duration::from_secs_f64(RECORD_S))
            .as_secs_f64(),
        lines.len()
    );
    assert!(after_saved <= 1.5, "{after_saved:.2} s\n{screen}");
    let (screen, _) = tmux.wait_for("EXIT=", Duration::from_secs(30));
    assert!(screen.contains("EXIT=0"), "{screen}");
    for noise in ["ALSA lib", "jack", "Jack", "Cannot connect"] {
        assert!(
            !screen.contains(noise),
            "library noise {noise:?}:\n{screen}"
        );
    }
    let _ = player.wait();

    // Every frame the microphone delivered is in the file: 62 s to the frame, nothing dropped.
    let wav = out.join("answer-01.wav");
    let (rate, channels, got) = first_channel(&wav);
    assert_eq!((rate, channels), (48_000, 2));
    assert_eq!(got.len(), (RECORD_S * 48_000.0) as usize, "frames");
    let session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("session.json")).unwrap()).unwrap();
    assert_eq!(session["answers"][0]["overruns"], 0);
    assert_eq!(session["answers"][0]["dropped_frames"], 0);
    // And it is the answer, sample for sample (both channels): found in the recording where
    // its first sound is, every sample of it equal from there on.
    let all = |p: &Path| -> Vec<i16> {
        hound::WavReader::open(p)
            .unwrap()
            .samples::<i16>()
            .map(Result::unwrap)
            .collect()
    };
    let (played, got) = (all(&source), all(&wav));
    let first = played.iter().position(|x| x.abs() > 1000).unwrap() & !1;
    let probe = &played[first..first + 4000];
    let at = (0..got.len() - probe.len())
        .step_by(2)
        .find(|&k| &got[k..k + probe.len()] == probe)
        .expect("the answer's first second is not in the recording, sample for sample");
    let offset = at as i64 - first as i64;
    let from = (-offset).max(0) as usize;
    let to = played.len().min((got.len() as i64 - offset) as usize);
    let differ = (from..to)
        .filter(|&i| played[i] != got[(i as i64 + offset) as usize])
        .count();
    assert_eq!(differ, 0, "samples that differ from what was played");
    assert!(
        played[..from].iter().all(|x| x.abs() <= 4),
        "only the silence before the answer may be missing ({} samples)",
        from
    );
    assert_eq!(to, played.len(), "the whole answer is in the recording");

    // The score `record` gave is the one `score` gives on the saved file.
    let o = Command::new(BIN)
        .env("STARCOACH_HISTORY", work.path().join("h2.sqlite3"))
        .args([
            "score",
            "--no-history",
            "--format",
            "json",
            "--type",
            "behavioral",
        ])
        .args(["--question", QUESTION])
        .arg(&wav)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let scored: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("answer-01.json")).unwrap())
            .unwrap();
    assert_eq!(
        scored["answers"][0], recorded["answers"][0],
        "record and score disagree"
    );
}
