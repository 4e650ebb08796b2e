//! Hostile but fair input, as a new user gives it: closed pipes, full disks, damaged models.
//! Nothing may end with a panic (exit 101) or an abort (134); every failure is one line that
//! names the file and the problem.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn starcoach(history: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_starcoach"));
    c.env("STARCOACH_HISTORY", history)
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1");
    c
}

/// Runs with stdout a pipe whose reader is already gone.
fn with_closed_stdout(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

fn with_full_stdout(mut cmd: Command) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    cmd.stdout(full).stderr(Stdio::piped()).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A history with one answer in it, so that `history list`, `progress` and `compare` print.
fn history_with_answers(dir: &Path) -> PathBuf {
    let history = dir.join("history.sqlite3");
    for _ in 0..2 {
        let o = starcoach(&history)
            .args(["score", "--transcript", "--question"])
            .arg("Tell me about a time you had to deliver under a tight deadline.")
            .arg(common::fixture("example/answer.txt"))
            .output()
            .unwrap();
        assert!(o.status.success(), "score: {}", stderr(&o));
    }
    history
}

const PRINTING: &[&[&str]] = &[
    &["history", "list"],
    &["history", "list", "--json"],
    &["progress"],
    &["progress", "--json"],
    &["compare", "1", "2"],
    &["questions"],
    &["model", "list"],
    &["completions", "bash"],
    &["man"],
    &["score", "--transcript", "--no-history", "FIXTURE"],
    &[
        "score",
        "--transcript",
        "--no-history",
        "--format",
        "json",
        "FIXTURE",
    ],
];

fn printing_commands(history: &Path) -> Vec<(String, Command)> {
    let answer = common::fixture("example/answer.txt");
    PRINTING
        .iter()
        .map(|args| {
            let mut c = starcoach(history);
            for a in *args {
                if *a == "FIXTURE" {
                    c.arg(&answer);
                } else {
                    c.arg(a);
                }
            }
            (args.join(" "), c)
        })
        .collect()
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let history = history_with_answers(dir.path());
    for (name, cmd) in printing_commands(&history) {
        let o = with_closed_stdout(cmd);
        assert_eq!(
            o.status.code(),
            Some(0),
            "`starcoach {name} | (closed)`: {}",
            stderr(&o)
        );
        assert!(
            !stderr(&o).contains("panicked") && !stderr(&o).contains("Broken pipe"),
            "`starcoach {name}` complained about the closed pipe: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_full_disk_is_one_error_line_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let history = history_with_answers(dir.path());
    for (name, cmd) in printing_commands(&history) {
        let o = with_full_stdout(cmd);
        assert_eq!(o.status.code(), Some(2), "`starcoach {name} > /dev/full`");
        assert_eq!(
            stderr(&o),
            "error: writing to standard output: No space left on device (os error 28)\n",
            "`starcoach {name} > /dev/full`"
        );
    }
}

/// A broken default config (~/.config/starcoach/config.toml) is named with the key and the
/// place, once; values out of range are refused rather than scored against.
#[cfg(target_os = "linux")]
#[test]
fn bad_config_is_refused_naming_file_and_key_once() {
    let dir = tempfile::tempdir().unwrap();
    let history = history_with_answers(dir.path());
    let config_dir = dir.path().join("xdg/starcoach");
    std::fs::create_dir_all(&config_dir).unwrap();
    let config = config_dir.join("config.toml");
    let cases = [
        (
            "[length]\nmin_s = 1\n",
            "line 2, column 1: unknown field `min_s`, expected one of `behavioral`, `case`, \
             `technical`, `closing`, `motivation`, `intro`",
        ),
        (
            "[length.behavioral]\nmin_s = nan\nmax_s = inf\n",
            "length.behavioral.min_s is NaN: allowed 1 to 3600",
        ),
        (
            "[length.behavioral]\nmin_s = 90\nmax_s = 60\n",
            "length.behavioral.max_s is 60: must be above min_s (90)",
        ),
    ];
    for (toml, expected) in cases {
        std::fs::write(&config, toml).unwrap();
        let answer = common::fixture("example/answer.txt");
        let score = ["score", "--transcript", "--no-history"];
        for args in [&score[..], &["progress"][..]] {
            let o = starcoach(&history)
                .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
                .args(args)
                .args(if args[0] == "score" {
                    Some(&answer)
                } else {
                    None
                })
                .output()
                .unwrap();
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{args:?} with {toml:?}: {err}");
            assert_eq!(
                err.trim_end(),
                format!("error: {}: {expected}", config.display()).trim_end(),
                "{args:?} with {toml:?}"
            );
        }
    }
}

/// On a machine without a sound card, `record` says so in one line: ALSA's own messages
/// ("ALSA lib confmisc.c:855:(parse_card) cannot find card '0'", ten of them) stay off stderr.
#[cfg(target_os = "linux")]
#[test]
fn no_sound_card_is_one_clear_line_without_alsa_noise() {
    let dir = tempfile::tempdir().unwrap();
    let empty_alsa = dir.path().join("asound.conf");
    std::fs::write(&empty_alsa, "").unwrap();
    let o = starcoach(&dir.path().join("h.sqlite3"))
        .env_remove("PULSE_SERVER")
        .env("ALSA_CONFIG_PATH", &empty_alsa)
        .args([
            "record",
            "--no-score",
            "--no-countdown",
            "--max-seconds",
            "1",
            "--out",
        ])
        .arg(dir.path().join("session"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("ALSA lib"), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].contains("cannot open input device"), "{err}");
}

/// A history that cannot be written is one warning line naming it; the score is still printed.
#[test]
fn an_unwritable_history_is_one_warning_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let history = file.join("history.sqlite3");
    let o = starcoach(&history)
        .args(["score", "--transcript"])
        .arg(common::fixture("example/answer.txt"))
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("Score "));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("warning: answer not kept in the history: history")
            && err.contains(&history.display().to_string()),
        "{err}"
    );
}

/// `history list`, `progress` and `compare` only read: a missing history is not created.
#[test]
fn reading_commands_never_create_a_history() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("sub/history.sqlite3");
    for args in [&["history", "list"][..], &["progress"][..]] {
        let o = starcoach(&history).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    let o = starcoach(&history)
        .args(["compare", "1", "2"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!history.exists() && !dir.path().join("sub").exists());
}

/// With the real model. Damaged copies of it: each must be refused in one line naming the file and
/// what is wrong, before whisper.cpp reads it (which aborted the process on several of them).
#[cfg(feature = "model-tests")]
mod with_the_model {
    use super::*;

    fn i32_at(bytes: &mut [u8], offset: usize, value: i32) {
        bytes[offset..offset + 4].copy_from_slice(&value.to_le_bytes());
    }

    /// Offset of the first tensor header (after the header, mel filters and vocabulary).
    fn first_tensor(bytes: &[u8]) -> usize {
        let word = |at: usize| i32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        let mut at = 48;
        let (n_mel, n_fft) = (word(at) as usize, word(at + 4) as usize);
        at += 8 + 4 * n_mel * n_fft;
        let n_vocab = word(at) as usize;
        at += 4;
        for _ in 0..n_vocab {
            at += 4 + word(at) as usize;
        }
        at
    }

    /// xorshift: the same "random" bytes every run.
    fn noise(n: usize) -> Vec<u8> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn damaged_models_are_named_in_one_line_and_never_abort() {
        let real = std::fs::read(common::model_path()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let tensors = first_tensor(&real);
        let mut cases: Vec<(&str, Vec<u8>, &str)> = Vec::new();
        let mut random = real[..4].to_vec();
        random.extend(noise(200_000));
        cases.push(("random-after-magic", random, "header field n_vocab is"));
        cases.push((
            "truncated",
            real[..real.len() / 2].to_vec(),
            "the file ends early",
        ));
        cases.push(("header-only", real[..48].to_vec(), "the file ends early"));
        let mut vocab = real.clone();
        i32_at(&mut vocab, 4, i32::MAX);
        cases.push((
            "absurd-n-vocab",
            vocab,
            "header field n_vocab is 2147483647",
        ));
        let mut ftype = real.clone();
        i32_at(&mut ftype, 44, 4);
        cases.push(("bad-ftype", ftype, "header field ftype is 4"));
        let mut token = real.clone();
        let first_token = 48 + 8 + 4 * 80 * 201 + 4;
        i32_at(&mut token, first_token, 0x7fff_0000);
        cases.push(("absurd-token", token, "vocabulary token 0 is"));
        let mut ttype = real.clone();
        i32_at(&mut ttype, tensors + 8, 4);
        cases.push(("removed-tensor-type", ttype, "which ggml does not know"));
        let mut layers = real.clone();
        i32_at(&mut layers, 4 * 9, 5);
        cases.push((
            "one-layer-too-many",
            layers,
            "of the 191 tensors whisper.cpp needs",
        ));
        let mut extra = real.clone();
        extra.extend(noise(64));
        cases.push(("trailing-bytes", extra, "tensor header at offset"));

        for (name, bytes, expected) in cases {
            let path = dir.path().join(format!("{name}.bin"));
            std::fs::write(&path, bytes).unwrap();
            let o = starcoach(&dir.path().join("h.sqlite3"))
                .args(["transcribe", "--model"])
                .arg(&path)
                .arg(common::fixture("answers/answer.wav"))
                .output()
                .unwrap();
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{name}: {err}");
            assert_eq!(err.lines().count(), 1, "{name}: one line, got {err}");
            assert!(
                err.starts_with(&format!(
                    "error: {}: not a usable Whisper model: ",
                    path.display()
                )) && err.contains(expected),
                "{name}: expected {expected:?} in {err}"
            );
        }
    }

    /// whisper.cpp's own log goes to stderr with -v; a closed stderr used to abort inside
    /// its log callback (tracing-subscriber reported the failed write with a panicking
    /// `eprintln!`).
    #[test]
    fn a_closed_stderr_does_not_abort_verbose_transcription() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = starcoach(&dir.path().join("h.sqlite3"))
            .args(["-v", "transcribe"])
            .arg(common::fixture("answers/answer.wav"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&o.stdout).contains("checkout page"));
    }

    /// `--color never` leaves no ANSI codes in warnings and logs (they came from tracing).
    #[test]
    fn color_never_means_no_escape_codes_on_stderr() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::copy(common::fixture("answers/answer.wav"), inbox.join("a.wav")).unwrap();
        let manifest = dir.path().join("m.csv");
        std::fs::write(&manifest, "file,client\nmissing.wav,zoe\n").unwrap();
        let o = starcoach(&dir.path().join("h.sqlite3"))
            .env_remove("NO_COLOR")
            .args(["--color", "never", "-v", "batch"])
            .arg(&inbox)
            .arg("--out")
            .arg(dir.path().join("out"))
            .arg("--manifest")
            .arg(&manifest)
            .output()
            .unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{err}");
        assert!(err.contains("no such recording in the inbox"), "{err}");
        assert!(!err.contains('\x1b'), "{err:?}");
    }

    /// A background job started by a script has SIGINT ignored (POSIX); SIGTERM, what `kill`
    /// sends, still stops `score` at once.
    #[test]
    fn a_background_score_with_sigint_ignored_stops_on_sigterm() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new("sh")
            .arg("-c")
            .arg("trap '' INT; exec \"$0\" score --no-history \"$1\"")
            .arg(env!("CARGO_BIN_EXE_starcoach"))
            .arg(common::fixture("example/answer.ogg"))
            .env("STARCOACH_HISTORY", dir.path().join("h.sqlite3"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(400));
        let pid = child.id().to_string();
        assert!(Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success());
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(
            child.try_wait().unwrap().is_none(),
            "SIGINT is ignored, as asked"
        );
        let sent = std::time::Instant::now();
        assert!(Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        let status = child.wait().unwrap();
        assert!(sent.elapsed() < std::time::Duration::from_secs(2));
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(15), "{status}");
    }

    #[test]
    fn transcribe_json_into_a_closed_pipe_ends_quietly() {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = starcoach(&dir.path().join("h.sqlite3"));
        cmd.args(["transcribe", "--format", "json"])
            .arg(common::fixture("answers/answer.wav"));
        let o = with_closed_stdout(cmd);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
    }
}

/// Recordings that cannot be judged are not scored, and say why; a recording cut short is
/// scored on what is there with a warning in every format and in summary.csv.
#[cfg(feature = "model-tests")]
mod damaged_recordings {
    use super::*;

    fn write_wav(path: &Path, samples: impl Iterator<Item = f32>) {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: 16_000,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut w = hound::WavWriter::create(path, spec).unwrap();
        for x in samples {
            w.write_sample((x.clamp(-1.0, 1.0) * 32767.0) as i16)
                .unwrap();
        }
        w.finalize().unwrap();
    }

    /// The inputs of the issue: each (file name, what the one error line must say).
    fn unjudgeable(dir: &Path) -> Vec<(PathBuf, &'static str)> {
        let mp3 = std::fs::read(common::fixture("answers/answer.mp3")).unwrap();
        let cut = dir.join("first-20kB.mp3");
        std::fs::write(&cut, &mp3[..20_000]).unwrap();
        let mut reader = hound::WavReader::open(common::fixture("answers/answer.wav")).unwrap();
        let speech: Vec<f32> = reader
            .samples::<i16>()
            .map(|s| f32::from(s.unwrap()) / 32768.0)
            .collect();
        let short = dir.join("short.wav");
        write_wav(&short, speech[16_000..20_800].iter().copied());
        let tone = dir.join("tone.wav");
        write_wav(
            &tone,
            (0..80_000).map(|i| 0.5 * (i as f32 * 440.0 * std::f32::consts::TAU / 16_000.0).sin()),
        );
        let noise = dir.join("noise.wav");
        let mut x: u32 = 12345;
        write_wav(
            &noise,
            (0..80_000).map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (x >> 8) as f32 / (1u32 << 24) as f32 - 0.5
            }),
        );
        vec![
            (
                cut,
                "too short to judge: 2.1 s of speech (at least 3 s needed), and the file is cut \
                 short: it holds 0:02 of the 0:19 its header promises",
            ),
            (short, "too short to judge: 0."),
            (tone, "no speech found: "),
            (noise, "no speech found: "),
        ]
    }

    #[test]
    fn unjudgeable_recordings_are_not_scored_and_say_why() {
        let dir = tempfile::tempdir().unwrap();
        for (path, expected) in unjudgeable(dir.path()) {
            let o = starcoach(&dir.path().join("h.sqlite3"))
                .args(["score", "--format", "json"])
                .arg(&path)
                .output()
                .unwrap();
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{}: {err}", path.display());
            assert!(o.stdout.is_empty(), "{}: no score printed", path.display());
            assert!(
                err.starts_with(&format!("error: {}: {expected}", path.display()))
                    && err.lines().count() == 1,
                "{}: {err}",
                path.display()
            );
        }
        for path in ["tone.wav", "noise.wav"] {
            let o = starcoach(&dir.path().join("h.sqlite3"))
                .arg("score")
                .arg(dir.path().join(path))
                .output()
                .unwrap();
            assert!(
                stderr(&o).contains("but not speech"),
                "{path}: {}",
                stderr(&o)
            );
        }
    }

    #[test]
    fn a_recording_cut_short_is_flagged_in_every_format_and_in_the_summary() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox/dana");
        std::fs::create_dir_all(&inbox).unwrap();
        let mp3 = std::fs::read(common::fixture("answers/answer.mp3")).unwrap();
        let cut = inbox.join("cut.mp3");
        std::fs::write(&cut, &mp3[..60_000]).unwrap();
        for (path, expected) in unjudgeable(&inbox) {
            assert!(path.is_file(), "{expected}");
        }
        let warning = "The file is cut short: it holds 0:07 of the 0:19 its header promises; \
                       the feedback covers only what is there.";
        let history = dir.path().join("h.sqlite3");
        for (format, shown) in [
            ("text", format!("Warning: {warning}")),
            ("md", format!("> **Warning:** {warning}")),
            ("json", format!("\"{warning}\"")),
            ("html", format!("<strong>Warning:</strong> {warning}")),
        ] {
            let o = starcoach(&history)
                .args(["score", "--no-history", "--format", format])
                .arg(&cut)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(out.contains(&shown), "{format}: {out}");
        }
        let out = dir.path().join("reports");
        let o = starcoach(&history)
            .arg("batch")
            .arg(dir.path().join("inbox"))
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let mut r = csv::Reader::from_path(out.join("summary.csv")).unwrap();
        let header = r.headers().unwrap().clone();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5);
        for row in &rows {
            let (file, score, error, warnings) = (
                &row[col("file")],
                &row[col("score")],
                &row[col("error")],
                &row[col("warnings")],
            );
            if file == "dana/cut.mp3" {
                assert!(!score.is_empty() && error.is_empty(), "{row:?}");
                assert_eq!(warnings, warning);
            } else {
                assert!(score.is_empty(), "{file} must not be scored: {row:?}");
                assert!(
                    error.starts_with("too short to judge") || error.starts_with("no speech found"),
                    "{file}: {error}"
                );
            }
        }
    }
}
