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

/// Damaged copies of the real model: each must be refused in one line naming the file and
/// what is wrong, before whisper.cpp reads it (which aborted the process on several of them).
#[cfg(feature = "model-tests")]
mod damaged_models {
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
