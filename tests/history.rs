//! The practice history end to end: answers scored at text level from `fixtures/history/`
//! (several attempts at the same questions with known differences), then progress, compare,
//! themes, the story bank, the HTML page in headless Chromium, crash safety, migration and
//! corrupt stores. Every test uses its own store through `STARCOACH_HISTORY` and a temp HOME,
//! so the user's real history is never touched.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use starcoach::history::{migrations, Filter, Meta, Store};
use starcoach::score::{score_answer, AnswerContext, ScoringConfig};
use starcoach::transcript::Transcript;

const FAILED: &str = "Tell me about a time you failed.";
const LED: &str = "Tell me about a time you led a team through a difficult project.";
const CONFLICT: &str = "Describe a conflict with a coworker and how you resolved it.";
const CLOSING: &str = "Why should we hire you?";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/history")
        .join(name)
}

/// A temp folder with its own history file and HOME.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn store_path(&self) -> PathBuf {
        self.dir.path().join("data/history.sqlite3")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_starcoach"));
        let home = self.dir.path().join("home");
        c.env("STARCOACH_HISTORY", self.store_path())
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("NO_COLOR", "1")
            .env_remove("STARCOACH_HISTORY_TEST_PAUSE_MS");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// Runs and expects exit code 0; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn score(&self, question: &str, file: &str, extra: &[&str]) {
        let f = fixture(file);
        let mut args = vec![
            "score",
            "--transcript",
            "--question",
            question,
            f.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// The fixture history, in this order (IDs 1-7):
    /// 1 failed-1 (fillers, no result), 2 led-1 (STAR, no metric), 3 failed-2 (STAR, no metric),
    /// 4 conflict-1 (client "zed"), 5 led-2 (two metrics), 6 failed-3 (metric, long enough),
    /// 7 closing-1.
    fn build(&self) {
        self.score(FAILED, "failed-1.txt", &[]);
        self.score(LED, "led-1.txt", &[]);
        self.score(FAILED, "failed-2.txt", &[]);
        self.score(CONFLICT, "conflict-1.txt", &["--client", "zed"]);
        self.score(LED, "led-2.txt", &[]);
        self.score(FAILED, "failed-3.txt", &[]);
        self.score(CLOSING, "closing-1.txt", &[]);
    }

    fn progress(&self, extra: &[&str]) -> Value {
        let cfg = fixture("themes.toml");
        let mut args = vec!["progress", "--json", "--config", cfg.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.json(&args)
    }
}

fn series<'a>(p: &'a Value, question: &str) -> &'a Value {
    p["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["question"] == question)
        .unwrap_or_else(|| panic!("no series for {question}: {p:#}"))
}

#[test]
fn progress_follows_first_latest_and_best() {
    let env = Env::new();
    env.build();
    let p = env.progress(&[]);
    assert_eq!(p["overall"]["attempts"], 7);
    assert_eq!(p["questions"].as_array().unwrap().len(), 4);

    let f = series(&p, FAILED);
    assert_eq!(f["attempts"], 3);
    assert_eq!(f["first"]["id"], 1);
    assert_eq!(f["latest"]["id"], 6);
    assert_eq!(f["best"]["id"], 6);
    let scores: Vec<u64> = f["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert!(scores[0] < scores[1] && scores[1] < scores[2], "{scores:?}");
    assert!(f["first"]["fillers_per_min"].as_f64().unwrap() > 10.0);
    assert_eq!(f["latest"]["fillers_per_min"], 0.0);
    assert_eq!(f["first"]["result_metrics"], 0);
    assert_eq!(f["latest"]["result_metrics"], 1);
    assert_eq!(f["first"]["verdict"], "short");
    assert_eq!(f["latest"]["verdict"], "ok");
    assert_eq!(f["first"]["star"], "ST--");
    assert_eq!(f["latest"]["star"], "STAR");

    let l = series(&p, LED);
    assert_eq!(
        (l["first"]["id"].as_i64(), l["latest"]["id"].as_i64()),
        (Some(2), Some(5))
    );
    assert_eq!(l["latest"]["result_metrics"], 2);
    assert_eq!(series(&p, CLOSING)["latest"]["star"], "");
    // Each answer by its own kind's rubric: the closing answer shows its checks, not STAR.
    let closing = &series(&p, CLOSING)["latest"];
    assert_eq!(closing["kind"], "closing");
    assert!(
        closing["structure"].as_str().unwrap().ends_with(" checks"),
        "{closing}"
    );
    assert_eq!(f["latest"]["structure"], "STAR");

    // Overall: latest against first attempt at the same question, never across questions.
    let c = &p["overall_change"];
    let repeated: Vec<&Value> = p["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["attempts"].as_u64().unwrap() > 1)
        .collect();
    assert_eq!(c["compared"], repeated.len() as u64);
    assert_eq!(repeated.len(), 2);
    let deltas: Vec<i64> = repeated
        .iter()
        .map(|s| s["latest"]["score"].as_i64().unwrap() - s["first"]["score"].as_i64().unwrap())
        .collect();
    let mean = deltas.iter().sum::<i64>() as f64 / deltas.len() as f64;
    assert!(
        (c["mean_change"].as_f64().unwrap() - mean).abs() < 0.051,
        "{c}"
    );
    assert_eq!(
        c["improved"].as_u64().unwrap(),
        deltas.iter().filter(|d| **d > 0).count() as u64
    );

    // Filters narrow the view.
    let p = env.progress(&["--question", "failed"]);
    assert_eq!(p["overall"]["attempts"], 3);
    let p = env.progress(&["--client", "zed"]);
    assert_eq!(p["overall"]["attempts"], 1);
    let p = env.progress(&["--since", "2999-01-01"]);
    assert!(p["overall"].is_null());

    // The terminal view: trend characters and arrows.
    let text = env.ok(&["progress", "--question", "failed"]);
    assert!(text.contains("3 attempts"), "{text}");
    assert!(text.contains("▂▆█") || text.contains('█'), "{text}");
    assert!(text.contains("↑ better"), "{text}");
    assert!(text.contains("↓ better"), "fillers went down: {text}");
    assert!(text.contains("ST--") && text.contains("STAR"), "{text}");
    assert!(text.contains("practised more than once"), "{text}");
}

#[test]
fn themes_and_story_bank() {
    let env = Env::new();
    env.build();
    let p = env.progress(&[]);
    let theme = |name: &str| -> Vec<(i64, String)> {
        p["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["theme"] == name)
            .unwrap()["backed_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["id"].as_i64().unwrap(),
                    b["why"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let calm = theme("calm under pressure");
    assert!(calm.contains(&(6, "\"stayed calm\"".into())), "{calm:?}");
    assert!(calm.iter().all(|(id, _)| *id != 1), "{calm:?}");
    let grows = theme("grows people");
    assert!(
        grows.contains(&(2, "leadership question".into())),
        "{grows:?}"
    );
    assert!(grows.contains(&(5, "\"mentored\"".into())), "{grows:?}");
    assert!(theme("customer focus").is_empty());

    let area = |name: &str| {
        p["stories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["area"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(area("leadership")["strong"], serde_json::json!([5]));
    assert_eq!(area("resilience")["strong"], serde_json::json!([6]));
    assert_eq!(area("resilience")["attempts"], 3);
    // One conflict answer (→ collaboration), but without a result metric.
    assert_eq!(area("collaboration")["strong"], serde_json::json!([]));
    assert_eq!(area("collaboration")["attempts"], 1);
    assert_eq!(area("problem-solving")["attempts"], 0);

    let cfg = fixture("themes.toml");
    let text = env.ok(&["progress", "--config", cfg.to_str().unwrap()]);
    assert!(
        text.contains("customer focus") && text.contains("no answer backs this theme yet"),
        "{text}"
    );
    assert!(text.contains("problem-solving  none yet"), "{text}");
}

#[test]
fn theme_coverage_helper_for_session_reports() {
    let cfg = ScoringConfig::load(&fixture("themes.toml")).unwrap();
    assert_eq!(cfg.themes.len(), 4);
    let answers: Vec<_> = [("failed-3.txt", FAILED), ("led-1.txt", LED)]
        .iter()
        .map(|(f, q)| {
            let text = std::fs::read_to_string(fixture(f)).unwrap();
            score_answer(
                &Transcript::from_plain_text(&text, None),
                &AnswerContext::new(Some(q), None),
                &cfg,
            )
        })
        .collect();
    let c = starcoach::themes::coverage(&answers, &cfg.themes);
    let backers = |i: usize| c[i].backed_by.iter().map(|b| b.answer).collect::<Vec<_>>();
    assert_eq!(backers(0), [0]); // calm under pressure: failed-3 only
    assert_eq!(backers(2), [1]); // grows people: the leadership question
    assert!(c[3].is_unbacked());
}

#[test]
fn compare_says_when_rubrics_differ() {
    let env = Env::new();
    env.build();
    // #6 is a behavioral story, #7 a closing pitch: different rubrics, no STAR for the pitch.
    let c = env.json(&["compare", "6", "7", "--json"]);
    assert_eq!(c["same_kind"], false);
    assert_eq!(c["later"]["kind"], "closing");
    assert!(c["later"]["structure"]
        .as_str()
        .unwrap()
        .ends_with(" checks"));
    let all: Vec<&str> = c["improved"]
        .as_array()
        .unwrap()
        .iter()
        .chain(c["worse"].as_array().unwrap())
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!all.iter().any(|s| s.contains("STAR")), "{all:?}");
    let text = env.ok(&["compare", "6", "7"]);
    assert!(text.contains("different kinds"), "{text}");
}

#[test]
fn compare_two_attempts() {
    let env = Env::new();
    env.build();
    // Given in reverse order: history IDs are put in time order.
    let c = env.json(&["compare", "6", "#1", "--json"]);
    assert_eq!(c["earlier"]["label"], "#1");
    assert_eq!(c["later"]["label"], "#6");
    assert_eq!(c["same_question"], true);
    let improved: Vec<&str> = c["improved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        improved.iter().any(|s| s.starts_with("score ")),
        "{improved:?}"
    );
    assert!(improved.contains(&"result metrics 0 → 1"), "{improved:?}");
    assert!(improved.contains(&"STAR parts ST-- → STAR"), "{improved:?}");
    assert!(
        improved.iter().any(|s| s.starts_with("fillers ")),
        "{improved:?}"
    );
    assert!(
        improved.iter().any(|s| s.starts_with("length short")),
        "{improved:?}"
    );
    assert!(c["worse"].as_array().unwrap().is_empty(), "{c:#}");
    let entries = env.json(&["history", "list", "--json"]);
    assert_eq!(c["next_step"], entries[5]["answer"]["next_step"]);

    // A step back is reported as worse.
    let c = env.json(&["compare", "5", "2", "--json"]);
    assert_eq!(c["earlier"]["label"], "#2");
    assert!(c["worse"].as_array().unwrap().is_empty());
    let text = env.ok(&["compare", "3", "6"]);
    assert!(
        text.contains("Improved:") && text.contains("Next step:"),
        "{text}"
    );

    // JSON reports from `score --out` work too (taken in the order given).
    let out = env.dir.path().join("reports");
    let (f1, f3) = (fixture("failed-1.txt"), fixture("failed-3.txt"));
    env.ok(&[
        "score",
        "--transcript",
        "--no-history",
        "--question",
        FAILED,
        f1.to_str().unwrap(),
        f3.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let (r3, r1) = (out.join("failed-3.json"), out.join("failed-1.json"));
    let c = env.json(&[
        "compare",
        r3.to_str().unwrap(),
        r1.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(c["earlier"]["label"], "failed-3.json");
    assert!(c["worse"]
        .as_array()
        .unwrap()
        .contains(&Value::from("result metrics 1 → 0")));
    let bad = env.run(&["compare", "99", "1"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no answer #99"));
}

#[test]
fn list_forget_and_no_history() {
    let env = Env::new();
    env.build();
    let f1 = fixture("failed-1.txt");
    let out = env.run(&[
        "score",
        "--transcript",
        "--no-history",
        f1.to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stderr.is_empty());
    let out = env.run(&[
        "score",
        "--transcript",
        "--client",
        "x",
        f1.to_str().unwrap(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "kept in the history as #8 (see `starcoach progress`)\n"
    );
    env.ok(&["history", "forget", "8"]);
    let list = env.ok(&["history", "list"]);
    assert_eq!(list.lines().count(), 8, "{list}"); // header + 7
    let failed = env.ok(&["history", "list", "--question", "TIME YOU FAILED"]);
    assert_eq!(failed.lines().count(), 4, "{failed}");
    let zed = env.json(&["history", "list", "--client", "zed", "--json"]);
    assert_eq!(zed.as_array().unwrap().len(), 1);
    assert_eq!(zed[0]["id"], 4);
    assert!(zed[0]["source_path"]
        .as_str()
        .unwrap()
        .ends_with("conflict-1.txt"));

    let out = env.ok(&["history", "forget", "--client", "zed"]);
    assert!(
        out.contains("deleted #4") && out.contains("deleted 1 answer"),
        "{out}"
    );
    let out = env.ok(&["history", "forget", "1", "2"]);
    assert!(out.contains("deleted 2 answers"), "{out}");
    let missing = env.run(&["history", "forget", "3", "42"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("#42"));
    let out = env.ok(&["history", "forget", "--question", "led a team"]);
    assert!(out.contains("deleted 1 answer"), "{out}"); // #2 went already
    let out = env.ok(&["history", "forget", "--all"]);
    assert!(out.contains("deleted 2 answers"), "{out}");
    assert_eq!(
        env.json(&["history", "list", "--json"]),
        serde_json::json!([])
    );
    // Forget needs to be told what.
    assert_eq!(env.run(&["history", "forget"]).status.code(), Some(2));
}

#[test]
fn since_filter_and_library_api() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("h.sqlite3")).unwrap();
    assert_eq!(store.version().unwrap(), migrations::LATEST);
    let text = std::fs::read_to_string(fixture("led-2.txt")).unwrap();
    let a = score_answer(
        &Transcript::from_plain_text(&text, None),
        &AnswerContext::new(Some(LED), None),
        &ScoringConfig::default(),
    );
    for day in ["2026-01-05T10:00:00Z", "2026-02-01T10:00:00Z"] {
        let meta = Meta {
            client: Some("ana".into()),
            source_path: Some("led-2.txt".into()),
            audio_sha256: None,
            recorded_at: day.parse().unwrap(),
        };
        store.record(&a, &meta).unwrap();
    }
    let since = Filter {
        since: Some("2026-01-20T00:00:00Z".parse().unwrap()),
        ..Filter::default()
    };
    let got = store.list(&since).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].answer, a);
    assert_eq!(got[0].client.as_deref(), Some("ana"));
    assert_eq!(
        got[0].competency,
        Some(starcoach::questions::Competency::Leadership)
    );
}

/// Issue 26: a recording is kept once per client; scoring it again replaces its own entry
/// (same ID and time), the same score again changes nothing.
#[test]
fn a_recording_is_kept_once_per_client() {
    use starcoach::history::Kept;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("h.sqlite3")).unwrap();
    let text = std::fs::read_to_string(fixture("led-2.txt")).unwrap();
    let t = Transcript::from_plain_text(&text, None);
    let cfg = ScoringConfig::default();
    let asked = score_answer(&t, &AnswerContext::new(Some(LED), None), &cfg);
    let guessed = score_answer(&t, &AnswerContext::new(None, None), &cfg);
    let meta = |client: &str, day: &str| Meta {
        client: Some(client.into()),
        source_path: Some("week1.m4a".into()),
        audio_sha256: Some("ab".repeat(32)),
        recorded_at: day.parse().unwrap(),
    };
    let (id, kept) = store
        .keep_recording(&asked, &meta("ana", "2026-01-05T10:00:00Z"))
        .unwrap();
    assert_eq!(kept, Kept::Added);
    let again = store
        .keep_recording(&asked, &meta("ana", "2026-03-01T10:00:00Z"))
        .unwrap();
    assert_eq!(again, (id, Kept::Unchanged));
    let replaced = store
        .keep_recording(&guessed, &meta("ana", "2026-03-01T10:00:00Z"))
        .unwrap();
    assert_eq!(replaced, (id, Kept::Replaced));
    // Another client with the same file is another answer.
    let (other, kept) = store
        .keep_recording(&asked, &meta("bo", "2026-01-05T10:00:00Z"))
        .unwrap();
    assert_eq!(kept, Kept::Added);
    assert_ne!(other, id);
    let all = store.list(&Filter::default()).unwrap();
    assert_eq!(all.len(), 2);
    let ana = all.iter().find(|e| e.id == id).unwrap();
    assert_eq!(ana.answer, guessed, "replaced in place");
    assert_eq!(
        ana.recorded_at,
        "2026-01-05T10:00:00Z".parse::<jiff::Timestamp>().unwrap(),
        "keeps its time"
    );
    // `record` (score, record) still adds every attempt.
    store
        .record(&asked, &meta("ana", "2026-03-02T10:00:00Z"))
        .unwrap();
    assert_eq!(store.list(&Filter::default()).unwrap().len(), 3);
}

/// Opens the store file read-only with plain SQLite (what any tool would see).
fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

#[test]
fn survives_being_killed_mid_write() {
    let env = Env::new();
    let f = fixture("failed-2.txt");
    let f = f.to_str().unwrap();
    // Many answers in one run, each written in its own transaction that stays open 40 ms.
    let mut args = vec![
        "score",
        "--transcript",
        "--question",
        FAILED,
        "--format",
        "json",
    ];
    args.extend(std::iter::repeat_n(f, 400));
    let mut child = env
        .cmd()
        .args(&args)
        .env("STARCOACH_HISTORY_TEST_PAUSE_MS", "40")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let path = env.store_path();
    let count = |p: &Path| -> i64 {
        raw(p)
            .query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
            .unwrap_or(0)
    };
    let started = std::time::Instant::now();
    let mut seen = 0;
    while seen < 5 {
        assert!(started.elapsed().as_secs() < 60, "the child never wrote");
        std::thread::sleep(std::time::Duration::from_millis(20));
        if path.exists() {
            seen = count(&path);
        }
    }
    // Land the kill inside a transaction most of the time (40 ms of every ~41 are inside one).
    std::thread::sleep(std::time::Duration::from_millis(15));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&path).expect("the store opens after a crash");
    let ok: String = raw(&path)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let entries = store.list(&Filter::default()).unwrap();
    assert!(entries.len() as i64 >= seen, "{} < {seen}", entries.len());
    assert!(entries.len() < 400, "killed before the end");
    assert!(entries
        .iter()
        .all(|e| e.answer.question.as_deref() == Some(FAILED)));
    // And it keeps working.
    env.score(FAILED, "failed-3.txt", &[]);
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .list(&Filter::default())
            .unwrap()
            .len(),
        entries.len() + 1
    );
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let env = Env::new();
    let f = fixture("led-1.txt");
    let f = f.to_str().unwrap();
    let spawn = |client: &str| {
        let mut args = vec![
            "score",
            "--transcript",
            "--format",
            "json",
            "--client",
            client,
        ];
        args.extend(std::iter::repeat_n(f, 25));
        env.cmd()
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children = [spawn("a"), spawn("b")];
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("kept in the history as #"), "{err}");
    }
    let store = Store::open(&env.store_path()).unwrap();
    for client in ["a", "b"] {
        let f = Filter {
            client: Some(client.into()),
            ..Filter::default()
        };
        assert_eq!(store.list(&f).unwrap().len(), 25);
    }
}

#[test]
fn a_v1_store_migrates_to_the_latest_schema_with_its_data() {
    let env = Env::new();
    let path = env.store_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = std::fs::read_to_string(fixture("failed-3.txt")).unwrap();
    let a = score_answer(
        &Transcript::from_plain_text(&text, None),
        &AnswerContext::new(Some(FAILED), None),
        &ScoringConfig::default(),
    );
    {
        // What a v1 starcoach wrote.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(migrations::V1).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute(
            "INSERT INTO answers (recorded_at, question, question_key, client, kind, score,
                fillers_per_min, wpm, speaking_s, verdict, star_parts, result_metrics,
                source_path, audio_sha256, answer_json)
             VALUES (1767225600000, ?1, 'tell me about a time you failed', 'bo', 'behavioral',
                ?2, 0, 150, 70, 'ok', 'situation,task,action,result', 1, 'failed-3.txt', NULL, ?3)",
            rusqlite::params![FAILED, a.score, serde_json::to_string(&a).unwrap()],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), migrations::LATEST);
    assert_eq!(
        migrations::LATEST,
        3,
        "v3: the index batches find recordings by"
    );
    let entries = store.list(&Filter::default()).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].answer, a);
    assert_eq!(entries[0].client.as_deref(), Some("bo"));
    assert_eq!(
        entries[0].competency,
        Some(starcoach::questions::Competency::Failure),
        "backfilled by the v2 migration"
    );
    let idx: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'answers_by_client'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(idx, 1);
    drop(store);
    // The CLI sees the migrated answer and adds to it.
    env.score(FAILED, "failed-1.txt", &[]);
    let p = env.progress(&[]);
    assert_eq!(series(&p, FAILED)["attempts"], 2);
    assert_eq!(p["stories"][3]["strong"], serde_json::json!([1]));
}

#[test]
fn a_corrupt_store_is_named_and_left_untouched() {
    let env = Env::new();
    let path = env.store_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    for args in [
        &["history", "list"][..],
        &["progress"][..],
        &["history", "forget", "--all"][..],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains("not a starcoach history"), "{err}");
        assert!(err.contains("move it aside"), "{err}");
    }
    // Scoring still works; the history problem is a warning.
    let f = fixture("led-1.txt");
    let out = env.run(&["score", "--transcript", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("warning: answer not kept in the history"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), garbage, "file untouched");
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no -wal/-shm created: {names:?}");

    // The SQLite header followed by garbage: refused, untouched.
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.extend_from_slice(&garbage);
    std::fs::write(&path, &damaged).unwrap();
    let out = env.run(&["history", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a starcoach history") && err.contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
    std::fs::remove_file(&path).unwrap();

    // A store from a newer starcoach: refused, untouched.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE answers (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let out = env.run(&["history", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema v99") && err.contains("newer starcoach"),
        "{err}"
    );
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Another program's SQLite file: refused, untouched.
    std::fs::remove_file(&path).unwrap();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes (t TEXT);").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let out = env.run(&["progress"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another program"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(feature = "browser-tests")]
#[test]
fn html_progress_page_in_headless_chromium() {
    let env = Env::new();
    env.build();
    let page = env.dir.path().join("out/progress.html");
    let cfg = fixture("themes.toml");
    env.ok(&[
        "progress",
        "--config",
        cfg.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    for external in ["http://", "https://", "<script", "<link", "@import", "url("] {
        assert!(!html.contains(external), "external resource: {external}");
    }

    let dom = common::dom(&page);
    assert!(dom.contains(r#"<b id="overall-attempts">7</b>"#), "{dom}");
    // Overall progress compares attempts at the same question: 2 questions were repeated.
    assert!(dom.contains(r#"<b id="overall-repeated">2</b>"#), "{dom}");
    assert!(!dom.contains("overall-first"));
    assert_eq!(
        dom.matches("<svg").count(),
        2 + 2 * 4,
        "two charts overall, two per question"
    );
    assert!(dom.contains("<polyline"));
    assert!(dom.contains("Tell me about a time you failed."));
    assert!(dom.contains(r#"<span class="attempts">3</span>"#));
    assert!(dom.contains("customer focus"));
    assert!(dom.contains("no answer backs this theme yet"));
    assert!(dom.contains(r#"<tr class="area-leadership"><th>leadership</th><td><span class="ok">✓</span> #5</td></tr>"#), "{dom}");
    assert!(dom.contains(r#"<tr class="row-result-metrics"><th>result metrics</th><td class="first">0</td><td class="latest">1 <span class="up""#), "{dom}");

    common::screenshot(&page, "progress");
    let png = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/progress.png");
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
}
