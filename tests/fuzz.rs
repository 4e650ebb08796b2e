//! Property tests over everything that reads outside input: the audio decoders (every format,
//! damaged in the ways files get damaged: cut at any byte, bytes flipped in the header or the
//! stream, garbage appended), transcript files (`score --transcript`), JSON reports (`compare`)
//! and the scorer on arbitrary text. Each property must hold for every generated input: no
//! panic, and an error is one line naming the file.
//!
//! Bounded for CI: a fixed number of cases per property (`PROPTEST_CASES` overrides it); a
//! failing case is shrunk and saved under `tests/proptest-regressions/` to be replayed first
//! on every later run.

mod common;

use std::path::Path;

use proptest::prelude::*;
use starcoach::history::compare;
use starcoach::pipeline::read_transcript;
use starcoach::report;
use starcoach::score::{score_answer, AnswerContext, AnswerScore, ScoringConfig};
use starcoach::transcript::Transcript;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    }
}

/// How a file gets damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut at this fraction of its length.
    Cut(f64),
    /// These (fraction of the first 4 kB, new byte) pairs: the header.
    Header(Vec<(f64, u8)>),
    /// These (fraction of the file, new byte) pairs: anywhere.
    Flip(Vec<(f64, u8)>),
    /// Garbage appended.
    Append(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Cut),
        prop::collection::vec((0.0..1.0f64, any::<u8>()), 1..8).prop_map(Damage::Header),
        prop::collection::vec((0.0..1.0f64, any::<u8>()), 1..64).prop_map(Damage::Flip),
        prop::collection::vec(any::<u8>(), 1..4096).prop_map(Damage::Append),
    ]
}

fn apply(mut bytes: Vec<u8>, d: &Damage) -> Vec<u8> {
    let at = |f: f64, n: usize| ((f * n as f64) as usize).min(n.saturating_sub(1));
    match d {
        Damage::Cut(f) => bytes.truncate(at(*f, bytes.len())),
        Damage::Header(edits) => {
            let n = bytes.len().min(4096);
            for (f, b) in edits {
                let i = at(*f, n);
                bytes[i] = *b;
            }
        }
        Damage::Flip(edits) => {
            let n = bytes.len();
            for (f, b) in edits {
                let i = at(*f, n);
                bytes[i] = *b;
            }
        }
        Damage::Append(extra) => bytes.extend_from_slice(extra),
    }
    bytes
}

/// An error from a damaged file is one line that starts with the file's path.
fn assert_one_line_naming(err: &str, path: &Path) {
    assert!(
        err.starts_with(&path.display().to_string()) && !err.contains('\n'),
        "not one line naming {}: {err:?}",
        path.display()
    );
}

fn decodes_or_says_why(ext: &str, d: &Damage) {
    let original = std::fs::read(common::fixture(&format!("answers/answer.{ext}"))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("damaged.{ext}"));
    std::fs::write(&path, apply(original, d)).unwrap();
    match starcoach::audio::load_any(&path) {
        Ok(a) => {
            assert!(
                a.samples.iter().all(|x| x.is_finite()),
                "{ext}: non-finite samples"
            );
            assert!(
                a.duration_s >= 0.0 && a.duration_s < 60.0,
                "{ext}: {}",
                a.duration_s
            );
        }
        Err(e) => assert_one_line_naming(&e.to_string(), &path),
    }
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn damaged_wav_decodes_or_says_why(d in damage()) { decodes_or_says_why("wav", &d) }
    #[test]
    fn damaged_mp3_decodes_or_says_why(d in damage()) { decodes_or_says_why("mp3", &d) }
    #[test]
    fn damaged_m4a_decodes_or_says_why(d in damage()) { decodes_or_says_why("m4a", &d) }
    #[test]
    fn damaged_ogg_decodes_or_says_why(d in damage()) { decodes_or_says_why("ogg", &d) }
    #[test]
    fn damaged_flac_decodes_or_says_why(d in damage()) { decodes_or_says_why("flac", &d) }
}

/// Scores and renders in every format; nothing may panic and the numbers stay in range.
fn score_and_render(t: &Transcript) -> AnswerScore {
    let a = score_answer(
        t,
        &AnswerContext::new(None, None),
        &ScoringConfig::default(),
    );
    assert!(a.score <= 100);
    for r in [
        a.ratings.length,
        a.ratings.structure,
        a.ratings.evidence,
        a.ratings.delivery,
    ] {
        assert!((1..=5).contains(&r), "rating {r}");
    }
    let one = std::slice::from_ref(&a);
    let _ = report::render_text(one, true);
    let _ = report::render_markdown(one);
    let json = report::render_json(one);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    let _ = report::render_html(&a, &[]);
    a
}

/// Words people say in answers, and odd tokens.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "um",
            "uh",
            "like",
            "so",
            "I",
            "we",
            "led",
            "the",
            "team",
            "result",
            "because",
            "40%",
            "$2.5M",
            "from",
            "to",
            "3x",
            "twice",
            "learned",
            "next",
            "time",
            "situation",
            "my",
            "manager",
            "asked",
            "me",
            "goal",
            "was",
            "cut",
            "by",
            "half",
            "you",
            "know",
            "basically",
            ".",
            ",",
            "?",
            "--",
            "1,000",
            "2019",
            "0",
            "-5",
            "1e308",
            "NaN",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z']{1,12}",
        "\\PC{1,6}",
    ]
}

proptest! {
    #![proptest_config(cases(500))]

    #[test]
    fn any_text_scores_in_range(words in prop::collection::vec(word(), 0..300)) {
        let t = Transcript::from_plain_text(&words.join(" "), None);
        score_and_render(&t);
    }

    /// `score --transcript` on any file content: a transcript, or one line naming the file.
    #[test]
    fn any_transcript_file_reads_or_says_why(text in prop_oneof![
        "\\PC{0,400}",
        "\\{\"text\": \"\\PC{0,40}\", \"segments\": \\[\\PC{0,80}\\]\\}",
    ]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, &text).unwrap();
        match read_transcript(&path) {
            Ok(t) => { score_and_render(&t); }
            Err(e) => assert_one_line_naming(&format!("{e:#}"), &path),
        }
    }

    /// A transcript JSON (as `transcribe --format json` writes) with its numbers replaced by
    /// arbitrary ones, negative and huge included.
    #[test]
    fn transcript_json_with_any_numbers_scores(values in prop::collection::vec(
        prop_oneof![Just(0.0f64), -1e6..1e6f64, Just(f64::MAX), Just(-0.0)], 1..64)) {
        let base = Transcript::from_plain_text(
            "Um, in my last role our deploys failed weekly. I rewrote the pipeline. \
             Failures fell by 80% and I learned to measure first.",
            Some("a.wav".into()),
        );
        let mut v = serde_json::to_value(&base).unwrap();
        let mut i = 0;
        replace_numbers(&mut v, &mut |_| {
            i += 1;
            values[i % values.len()]
        });
        // Straight into the scorer (the library API): nothing may hang or panic.
        if let Ok(t) = serde_json::from_value::<Transcript>(v.clone()) {
            score_and_render(&t);
        }
        // Through the file reader: a transcript, or one line naming the file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.json");
        std::fs::write(&path, v.to_string()).unwrap();
        match read_transcript(&path) {
            Ok(t) => { score_and_render(&t); }
            Err(e) => assert_one_line_naming(&format!("{e:#}"), &path),
        }
    }

    /// `compare` on JSON reports whose numbers were replaced by arbitrary ones.
    #[test]
    fn report_json_with_any_numbers_compares(values in prop::collection::vec(
        prop_oneof![Just(0.0f64), -1e6..1e6f64, 0.0..300.0f64, Just(1e300)], 1..64)) {
        let t = Transcript::from_plain_text(
            "So I led the migration. We cut costs from $40k to $25k a month. Next time I would \
             start with the data.",
            Some("b.wav".into()),
        );
        let a = score_and_render(&t);
        let mut v = serde_json::to_value(&a).unwrap();
        let mut i = 0;
        replace_numbers(&mut v, &mut |x| {
            i += 1;
            // Integers (ratings, score, counts) stay integers, perhaps out of range.
            let y = values[i % values.len()];
            if x.fract() == 0.0 { y.trunc() } else { y }
        });
        if let Ok(b) = serde_json::from_value::<AnswerScore>(v) {
            let c = compare::compare("a".into(), &a, "b".into(), &b);
            let _ = compare::render_text(&c);
            let one = std::slice::from_ref(&b);
            let _ = report::render_text(one, false);
            let _ = report::render_markdown(one);
            let _ = report::render_html(&b, &[]);
        }
    }
}

fn replace_numbers(v: &mut serde_json::Value, f: &mut impl FnMut(f64) -> f64) {
    match v {
        serde_json::Value::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            let y = f(x);
            *v = if y.fract() == 0.0 && y.abs() < 9e15 {
                serde_json::json!(y as i64)
            } else {
                serde_json::json!(y)
            };
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| replace_numbers(x, f)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|x| replace_numbers(x, f)),
        _ => {}
    }
}
