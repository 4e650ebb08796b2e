//! `starcoach batch` end to end with the real model on the short (19 s) fixtures: clients,
//! every kind of bad file, summary.csv, resuming, `--force`, and Ctrl-C (SIGINT) mid-run.
#![cfg(feature = "model-tests")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(fixture(from), to).unwrap();
}

/// `starcoach batch` with the history beside the output folder (never the user's own).
fn starcoach_batch(out: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("starcoach"));
    c.env("STARCOACH_HISTORY", history_of(out)).arg("batch");
    c
}

fn history_of(out: &Path) -> PathBuf {
    out.parent().unwrap().join("history.sqlite3")
}

fn batch(inbox: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = starcoach_batch(out)
        .arg(inbox)
        .arg("--out")
        .arg(out)
        .arg("--model")
        .arg(model_path())
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .expect("run starcoach batch");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code().unwrap_or(-1), stderr)
}

/// `starcoach batch merge --out MERGED SHARDS...`: exit code and stderr.
fn merge(merged: &Path, shards: &[PathBuf]) -> (i32, String) {
    let o = Command::new(assert_cmd::cargo::cargo_bin("starcoach"))
        .env("STARCOACH_HISTORY", history_of(merged))
        .args(["batch", "merge", "--out"])
        .arg(merged)
        .args(shards)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn summary_rows(out: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    r.records().map(Result::unwrap).collect()
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Every report is whole: JSON parses, HTML is complete, no temp file is left.
fn assert_whole(out: &Path) {
    for p in all_files(out) {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "temp file left: {}", p.display());
        if name.ends_with(".json") {
            let text = std::fs::read_to_string(&p).unwrap();
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
        if name.ends_with(".html") {
            let text = std::fs::read_to_string(&p).unwrap();
            assert!(text.trim_end().ends_with("</html>"), "{}", p.display());
        }
    }
}

fn mtime(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

#[test]
fn clients_failures_summary_resume_and_force() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    copy("answers/answer.m4a", &inbox.join("alice/answer.m4a"));
    copy("answers/answer.mp3", &inbox.join("alice/answer.mp3"));
    copy("answers/answer.ogg", &inbox.join("bob/week 1/answer.ogg"));
    copy("bad/truncated.wav", &inbox.join("bob/corrupt.wav"));
    copy("bad/notes.mp3", &inbox.join("bob/notes.mp3"));
    copy("bad/empty.wav", &inbox.join("empty.WAV"));
    std::fs::write(inbox.join("alice/notes.txt"), "not a recording").unwrap();
    let manifest = dir.path().join("manifest.csv");
    std::fs::write(
        &manifest,
        "file,client,question,type\nalice/answer.m4a,,Tell me about a time you fixed a slow system.,behavioral\n",
    )
    .unwrap();
    let m = manifest.to_str().unwrap();

    let (code, log) = batch(&inbox, &out, &["--manifest", m]);
    assert_eq!(code, 1, "{log}");
    let rows = summary_rows(&out);
    let by_file = |f: &str| {
        rows.iter()
            .find(|r| &r[1] == f)
            .unwrap_or_else(|| panic!("no row for {f}: {rows:?}"))
            .clone()
    };
    assert_eq!(rows.len(), 6, "{rows:?}");
    for f in [
        "alice/answer.m4a",
        "alice/answer.mp3",
        "bob/week 1/answer.ogg",
    ] {
        let r = by_file(f);
        assert_eq!(&r[11], "", "{r:?}");
        let score: u32 = r[10].parse().unwrap();
        assert!(score > 0 && score <= 100);
        assert!(
            (18.0..21.0).contains(&r[4].parse::<f64>().unwrap()),
            "{r:?}"
        );
        assert!(r[8].contains('A'), "STAR parts: {r:?}");
    }
    let m4a = by_file("alice/answer.m4a");
    assert_eq!(&m4a[0], "alice");
    assert_eq!(&m4a[2], "Tell me about a time you fixed a slow system.");
    assert_eq!(&m4a[3], "behavioral");
    assert!(by_file("bob/notes.mp3")[11].contains("not an audio file"));
    assert!(!by_file("bob/corrupt.wav")[11].is_empty());
    let empty = by_file("empty.WAV");
    assert_eq!(&empty[0], "(none)");
    assert!(empty[11].contains("empty"), "{empty:?}");
    assert_eq!(&empty[10], "");
    for f in [
        "alice/answer-m4a.md",
        "alice/answer-m4a.json",
        "alice/answer-m4a.html",
        "alice/answer-mp3.html",
        "bob/week 1-answer.html",
        "alice/index.html",
        "bob/index.html",
        "(none)/index.html",
        "index.html",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("notes.mp3") && index.contains("not an audio file"));
    assert_whole(&out);
    assert_eq!(ok_lines(&log), 3, "{log}");

    // Re-run: nothing rescored, reports untouched.
    let report = out.join("alice/answer-m4a.html");
    let before = mtime(&report);
    std::thread::sleep(Duration::from_millis(20));
    let (code, log) = batch(&inbox, &out, &["--manifest", m]);
    assert_eq!(code, 1, "{log}");
    assert_eq!(log.matches("skipped ").count(), 6, "{log}");
    assert!(!log.contains("ok "), "{log}");
    assert_eq!(mtime(&report), before);
    assert_eq!(summary_rows(&out).len(), 6);

    // A changed question rescores from the stored transcript, without Whisper.
    std::fs::write(
        &manifest,
        "file,client,question,type\nalice/answer.m4a,,Why should we hire you?,closing\n",
    )
    .unwrap();
    let (_, log) = batch(&inbox, &out, &["--manifest", m]);
    assert!(log.contains("rescored alice/answer.m4a"), "{log}");
    assert_eq!(
        &summary_rows(&out)
            .iter()
            .find(|r| &r[1] == "alice/answer.m4a")
            .unwrap()[3],
        "closing"
    );

    // --force transcribes again (bob's folder removed first to keep it short).
    std::fs::remove_dir_all(inbox.join("bob")).unwrap();
    let report = out.join("alice/answer-mp3.html");
    let before = mtime(&report);
    let (code, log) = batch(&inbox, &out, &["--force"]);
    assert_eq!(code, 1, "{log}");
    assert_eq!(ok_lines(&log), 2, "{log}");
    assert!(!log.contains("skipped alice"), "{log}");
    assert!(mtime(&report) > before);
    assert_eq!(summary_rows(&out).len(), 3);
}

fn ok_lines(log: &str) -> usize {
    log.lines().filter(|l| l.starts_with("ok ")).count()
}

#[test]
fn ctrl_c_stops_cleanly_and_the_next_run_continues() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    copy("answers/answer.ogg", &inbox.join("carol/1.ogg"));
    copy("answers/answer.flac", &inbox.join("carol/2.flac"));
    copy("answers/answer.wav", &inbox.join("carol/3.wav"));
    let mut child = starcoach_batch(&out)
        .arg(&inbox)
        .arg("--out")
        .arg(&out)
        .arg("--model")
        .arg(model_path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let first = out.join("carol/1.json");
    let start = Instant::now();
    while !first.is_file() {
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "no report after 10 min"
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("batch ended before the interrupt: {status}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let o = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(130), "{log}");
    assert!(log.contains("interrupted"), "{log}");
    assert_whole(&out);
    let done = summary_rows(&out).len();
    assert!((1..3).contains(&done), "{done} rows after the interrupt");

    let (code, log) = batch(&inbox, &out, &[]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("skipped carol/1.ogg"), "{log}");
    assert_eq!(summary_rows(&out).len(), 3);
    for n in ["1", "2", "3"] {
        assert!(out.join(format!("carol/{n}.html")).is_file());
    }
    assert_whole(&out);
}

/// `kill -9` at any moment of a `--force` run: summary.csv and index.html still list every
/// answer (the earlier result stands until its redo is written), every listed answer has its
/// reports, and a second batch on the same folder is refused while the first runs.
#[test]
fn kill_9_never_shrinks_the_summary_and_one_batch_runs_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    copy("answers/answer.m4a", &inbox.join("alice/answer.m4a"));
    copy("answers/answer.mp3", &inbox.join("alice/answer.mp3"));
    copy("answers/answer.ogg", &inbox.join("bob/answer.ogg"));
    copy("answers/answer.flac", &inbox.join("bob/answer.flac"));
    copy("answers/answer.wav", &inbox.join("carol/1.wav"));
    copy("answers/answer.ogg", &inbox.join("carol/2.ogg"));
    copy("answers/answer.mp3", &inbox.join("carol/3.mp3"));
    copy("bad/truncated.wav", &inbox.join("bob/corrupt.wav"));
    let (code, log) = batch(&inbox, &out, &[]);
    assert_eq!(code, 1, "{log}");
    const ROWS: usize = 8;
    assert_eq!(summary_rows(&out).len(), ROWS);

    // A --force run of 7 answers takes several seconds; kill it early, mid-way and late.
    for (round, delay_ms) in [100u64, 400, 900, 1600, 2500].into_iter().enumerate() {
        let mut child = starcoach_batch(&out)
            .arg(&inbox)
            .arg("--out")
            .arg(&out)
            .arg("--model")
            .arg(model_path())
            .arg("--force")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if round == 1 {
            let (code, log) = batch(&inbox, &out, &[]);
            assert_eq!(code, 2, "a second batch while one runs: {log}");
            assert!(
                log.contains("another starcoach batch is writing to this folder (pid ")
                    && log.lines().count() == 1,
                "{log}"
            );
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let rows = summary_rows(&out);
        assert_eq!(
            rows.len(),
            ROWS,
            "round {round}: summary.csv after kill -9 at {delay_ms} ms"
        );
        for row in &rows {
            let rel = &row[1];
            let (client, file) = rel.split_once('/').unwrap();
            let page = std::fs::read_to_string(out.join(client).join("index.html")).unwrap();
            assert!(
                page.contains(file),
                "round {round}: {rel} missing from {client}/index.html"
            );
            if row[11].is_empty() {
                // Its three reports are on disk, whole.
                let json = std::fs::read_dir(out.join(client))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .find(|p| {
                        let v: serde_json::Value =
                            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                        v["answers"][0]["source"] == rel
                    })
                    .unwrap_or_else(|| panic!("round {round}: no JSON report for {rel}"));
                for ext in ["md", "html"] {
                    assert!(
                        json.with_extension(ext).is_file(),
                        "round {round}: {rel}: {ext}"
                    );
                }
            }
        }
    }
    // The next run continues and leaves nothing half-written behind.
    let (code, log) = batch(&inbox, &out, &[]);
    assert_eq!(code, 1, "{log}");
    assert_eq!(summary_rows(&out).len(), ROWS);
    assert_whole(&out);
}

/// The history's answers, as `history list --json` prints them.
fn history_entries(history: &Path, client: Option<&str>) -> Vec<serde_json::Value> {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("starcoach"));
    c.env("STARCOACH_HISTORY", history)
        .args(["history", "list", "--json"]);
    if let Some(name) = client {
        c.args(["--client", name]);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice::<Vec<serde_json::Value>>(&o.stdout).unwrap()
}

fn set_mtime(p: &Path, days_ago: u64) {
    let t = std::time::SystemTime::now() - Duration::from_secs(days_ago * 86_400);
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn column(out: &Path, name: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(out.join("summary.csv")).unwrap();
    let i = r.headers().unwrap().iter().position(|h| h == name).unwrap();
    r.records().map(|x| x.unwrap()[i].to_string()).collect()
}

/// Issue 26: a batch a week keeps each client's answers in the practice history, once.
#[test]
fn weekly_batches_feed_each_clients_progress_once() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    let history = history_of(&out);
    let manifest = dir.path().join("m.csv");
    let q = "Tell me about a time you improved a process.";
    std::fs::write(
        &manifest,
        format!("file,client,question,type\nerin/week1.wav,,{q},\nerin/week2.ogg,,{q},\n"),
    )
    .unwrap();
    copy("answers/answer.wav", &inbox.join("erin/week1.wav"));
    copy("answers/answer.m4a", &inbox.join("finn/intro.m4a"));
    set_mtime(&inbox.join("erin/week1.wav"), 8);
    let (code, log) = batch(&inbox, &out, &["--manifest", manifest.to_str().unwrap()]);
    assert_eq!(code, 0, "{log}");
    assert_eq!(history_entries(&history, None).len(), 2);
    assert_eq!(column(&out, "attempt"), ["1", "1"]);

    // A week later: a new recording of the same question from erin.
    copy("answers/answer.ogg", &inbox.join("erin/week2.ogg"));
    set_mtime(&inbox.join("erin/week2.ogg"), 1);
    let (code, log) = batch(&inbox, &out, &["--manifest", manifest.to_str().unwrap()]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("1 scored, 0 rescored, 2 skipped"), "{log}");
    let erin = history_entries(&history, Some("erin"));
    assert_eq!(erin.len(), 2, "both weeks under erin");
    let o = Command::new(assert_cmd::cargo::cargo_bin("starcoach"))
        .env("STARCOACH_HISTORY", &history)
        .args(["progress", "--client", "erin", "--json"])
        .output()
        .unwrap();
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["questions"].as_array().unwrap().len(), 1, "{p}");
    assert_eq!(p["questions"][0]["attempts"], 2, "{p}");
    assert_eq!(p["questions"][0]["question"], q);
    // The older recording is the first attempt, whatever order the files were scored in.
    let first_src = erin[0]["source_path"].as_str().unwrap();
    assert!(first_src.ends_with("week1.wav"), "{first_src}");
    // summary.csv: erin's second attempt, with the change since her first.
    let files = column(&out, "file");
    let attempts = column(&out, "attempt");
    let changes = column(&out, "change");
    let scores = column(&out, "score");
    let w2 = files.iter().position(|f| f == "erin/week2.ogg").unwrap();
    let w1 = files.iter().position(|f| f == "erin/week1.wav").unwrap();
    assert_eq!(attempts[w2], "2");
    let delta = scores[w2].parse::<i32>().unwrap() - scores[w1].parse::<i32>().unwrap();
    assert_eq!(changes[w2], format!("{delta:+}"));
    assert_eq!(changes[w1], "");
    assert!(out.join("erin/progress.html").is_file());

    // Running either batch again adds nothing; nor does --force (it replaces its own).
    let (code, _) = batch(&inbox, &out, &["--manifest", manifest.to_str().unwrap()]);
    assert_eq!(code, 0);
    let (code, _) = batch(
        &inbox,
        &out,
        &["--manifest", manifest.to_str().unwrap(), "--force"],
    );
    assert_eq!(code, 0);
    let week1_only = dir.path().join("inbox-week1");
    copy("answers/answer.wav", &week1_only.join("erin/week1.wav"));
    let (code, log) = batch(&week1_only, &dir.path().join("reports-week1"), &[]);
    assert_eq!(code, 0, "{log}");
    assert_eq!(history_entries(&history, None).len(), 3, "no duplicates");
    // --no-history leaves it alone.
    copy("answers/answer.flac", &inbox.join("finn/second.flac"));
    let (code, _) = batch(&inbox, &out, &["--no-history"]);
    assert_eq!(code, 0);
    assert_eq!(history_entries(&history, None).len(), 3);
}

/// Issue 26: a replaced model re-transcribes every file; an unchanged one none.
#[test]
fn a_replaced_model_rescores_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    copy("answers/answer.wav", &inbox.join("gail/a.wav"));
    copy("answers/answer.ogg", &inbox.join("gail/b.ogg"));
    let model = dir.path().join("model.bin");
    std::fs::copy(model_path(), &model).unwrap();
    let run = |extra: &[&str]| {
        let o = starcoach_batch(&out)
            .arg(&inbox)
            .arg("--out")
            .arg(&out)
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let m = model.to_str().unwrap();
    assert!(run(&["--model", m]).contains("2 scored, 0 rescored, 0 skipped"));
    assert!(run(&["--model", m]).contains("0 scored, 0 rescored, 2 skipped"));
    // Another model in its place, same path, size and name: the same weights but for the
    // lowest bit of the last one (a model any machine has; it still loads and transcribes).
    let mut bytes = std::fs::read(model_path()).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    std::fs::write(&model, &bytes).unwrap();
    assert!(run(&["--model", m]).contains("2 scored, 0 rescored, 0 skipped"));
    assert!(run(&["--model", m]).contains("0 scored, 0 rescored, 2 skipped"));
    // `--model` naming another file, and plain decoding, re-transcribe too.
    let default = model_path();
    let log = run(&["--model", default.to_str().unwrap()]);
    assert!(log.contains("2 scored, 0 rescored, 0 skipped"), "{log}");
    let log = run(&["--model", default.to_str().unwrap(), "--no-filler-pass"]);
    assert!(log.contains("2 scored, 0 rescored, 0 skipped"), "{log}");
}

/// Issue 26: three shards and a merge give the rows of one plain run.
#[test]
fn three_shards_and_a_merge_equal_one_plain_run() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    copy("answers/answer.wav", &inbox.join("hana/one.wav"));
    copy("answers/answer.ogg", &inbox.join("hana/two.ogg"));
    copy("answers/answer.mp3", &inbox.join("ivan/one.mp3"));
    copy("answers/answer.flac", &inbox.join("ivan/two.flac"));
    copy("answers/answer.m4a", &inbox.join("top.m4a"));
    copy("bad/notes.mp3", &inbox.join("ivan/notes.mp3"));
    let one = ["--jobs", "1", "--threads", "1"];
    let plain = dir.path().join("plain/reports");
    let (code, log) = batch(&inbox, &plain, &one);
    assert_eq!(code, 1, "one bad file: {log}");

    let shards = dir.path().join("shards");
    let mut outs = Vec::new();
    let mut covered = 0;
    for i in 1..=3 {
        let out = shards.join(format!("out-{i}"));
        let (code, log) = batch(
            &inbox,
            &out,
            &[&one[..], &["--shard", &format!("{i}/3")]].concat(),
        );
        assert!(code == 0 || code == 1, "{log}");
        assert!(log.contains(&format!("(shard {i}/3)")), "{log}");
        let n = summary_rows(&out).len();
        assert!(n >= 1, "shard {i} has work");
        covered += n;
        outs.push(out);
    }
    assert_eq!(covered, 6, "every file in exactly one shard");
    let merged = dir.path().join("merged/reports");
    let (code, err) = merge(&merged, &outs);
    assert_eq!(code, 1, "one failed answer: {err}");
    assert!(err.contains("6 answers from 3 folders (1 failed)"), "{err}");
    assert_eq!(summary_rows(&merged), summary_rows(&plain));
    assert_eq!(
        std::fs::read_to_string(merged.join("summary.csv")).unwrap(),
        std::fs::read_to_string(plain.join("summary.csv")).unwrap()
    );
    for f in [
        "hana/one.html",
        "ivan/two.json",
        "(none)/top.md",
        "hana/progress.html",
    ] {
        assert!(merged.join(f).is_file(), "{f}");
    }
    assert_whole(&merged);
    assert_eq!(
        history_entries(&history_of(&merged), None).len(),
        5,
        "merge keeps the answers in the history"
    );
    // The same split again: every shard skips all its files.
    let (_, log) = batch(&inbox, &outs[1], &[&one[..], &["--shard", "2/3"]].concat());
    assert!(log.contains("0 scored, 0 rescored"), "{log}");
    // A folder that is not a batch output is named.
    let o = Command::new(assert_cmd::cargo::cargo_bin("starcoach"))
        .args(["batch", "merge", "--no-history", "--out"])
        .arg(dir.path().join("m2"))
        .arg(&inbox)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("not a starcoach batch output folder"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// Issue 25: `batch --interview` scores every answer of a whole mock interview against its own
/// question: one summary.csv row and one history entry per answer, each answer's page linked
/// from the client's summary, resumable, and the same after shards and a merge. A manifest
/// row keeps a one-answer file as one answer; a run without `--interview` scores it again.
#[test]
fn interviews_give_one_row_per_answer_resume_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    copy(
        "interviews/i01_budget_two_questions.ogg",
        &inbox.join("alice/mock.ogg"),
    );
    copy("answers/answer.ogg", &inbox.join("alice/single.ogg"));
    let manifest = dir.path().join("manifest.csv");
    std::fs::write(&manifest, "file,interview\nsingle.ogg,no\n").unwrap();
    let m = manifest.to_str().unwrap();
    let args = [
        "--interview",
        "--manifest",
        m,
        "--jobs",
        "1",
        "--threads",
        "2",
    ];
    let out = dir.path().join("a/reports");
    let (code, log) = batch(&inbox, &out, &args);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("alice/mock.ogg (2 questions, scores"), "{log}");

    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("interviews/i01_budget_two_questions.json")).unwrap(),
    )
    .unwrap();
    // Each question's first answer turn (a follow-up splits the first answer in two).
    let answer_starts: Vec<f64> = (1..=2)
        .map(|q| {
            labels["turns"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["role"] == "answer" && t["q"] == q)
                .unwrap()["start_s"]
                .as_f64()
                .unwrap()
        })
        .collect();
    let files = column(&out, "file");
    let numbers = column(&out, "interview_question");
    let questions = column(&out, "question");
    let starts = column(&out, "answer_start_s");
    assert_eq!(
        files,
        ["alice/mock.ogg", "alice/mock.ogg", "alice/single.ogg"]
    );
    assert_eq!(numbers, ["1", "2", ""]);
    assert!(questions[0].contains("manage a budget"), "{questions:?}");
    assert!(questions[1].contains("disagreed"), "{questions:?}");
    assert_eq!(questions[2], "");
    for (i, label) in answer_starts.iter().enumerate() {
        let found: f64 = starts[i].parse().unwrap();
        assert!(
            (found - label).abs() <= 1.5,
            "answer {} starts at {found} s, label {label} s",
            i + 1
        );
    }
    assert_eq!(starts[2], "");
    for f in [
        "mock.html",
        "mock.json",
        "mock.md",
        "mock.q1.html",
        "mock.q2.json",
        "single.html",
    ] {
        assert!(out.join("alice").join(f).is_file(), "{f}");
    }
    let client = std::fs::read_to_string(out.join("alice/index.html")).unwrap();
    for link in [
        "href=\"mock.q1.html\"",
        "href=\"mock.q2.html\"",
        "href=\"mock.html\"",
    ] {
        assert!(client.contains(link), "client page links {link}");
    }
    let q1 = std::fs::read_to_string(out.join("alice/mock.q1.html")).unwrap();
    assert!(q1.contains("href=\"mock.html\"") && q1.contains("href=\"index.html\""));
    assert_whole(&out);
    let kept = history_entries(&history_of(&out), Some("alice"));
    assert_eq!(kept.len(), 3, "each answer kept once: {kept:?}");

    // Resumed: nothing to do, nothing kept twice.
    let (code, log) = batch(&inbox, &out, &args);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("0 scored, 0 rescored, 2 skipped"), "{log}");
    assert_eq!(history_entries(&history_of(&out), Some("alice")).len(), 3);

    // Two shards and a merge give the same summary.
    let mut outs = Vec::new();
    for i in 1..=2 {
        let shard_out = dir.path().join(format!("shards/out-{i}"));
        let shard = format!("{i}/2");
        let (code, log) = batch(
            &inbox,
            &shard_out,
            &[&args[..], &["--shard", &shard]].concat(),
        );
        assert_eq!(code, 0, "{log}");
        outs.push(shard_out);
    }
    let merged = dir.path().join("merged/reports");
    let (code, err) = merge(&merged, &outs);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 answers from 2 folders (0 failed)"), "{err}");
    assert_eq!(
        std::fs::read_to_string(merged.join("summary.csv")).unwrap(),
        std::fs::read_to_string(out.join("summary.csv")).unwrap()
    );
    assert!(merged.join("alice/mock.q2.html").is_file());
    assert_whole(&merged);

    // Without --interview the interview is one answer again (transcribed anew).
    let (code, log) = batch(&inbox, &out, &["--manifest", m, "--jobs", "1"]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("1 scored, 0 rescored, 1 skipped"), "{log}");
    assert_eq!(column(&out, "interview_question"), ["", ""]);
}
