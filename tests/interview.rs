//! Whole mock interviews in one recording (fixtures/interviews: synthetic interviews with an
//! interviewer and a candidate in different voices, or one voice reading the questions, with
//! every turn's time labelled). For each interview: which labelled questions were found,
//! whether each answer starts within 1.5 s of its label, whether any interviewer word landed
//! in an answer, and whether each answer scores within 3 points of the same answer cut out
//! of the recording by its labels and scored alone. The held-out interviews (`held_out` in
//! their labels) were kept out of all tuning and are reported apart.
//!
//! `cargo test --release --features model-tests --test interview -- --nocapture`
#![cfg(feature = "model-tests")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use serde::Deserialize;
use starcoach::audio::{self, Audio};
use starcoach::interview::{self, Speaker};
use starcoach::pipeline;
use starcoach::score::{score_answer, AnswerContext, ScoringConfig};
use starcoach::transcriber::{self, TranscribeOptions};

use common::{fixture, read, transcriber};

#[derive(Deserialize)]
struct Labels {
    name: String,
    held_out: bool,
    /// 1: held out, then looked at during development; 2 to 14: held out, each written after
    /// the ones before had been seen, first run recorded in docs/interview.md, then looked at.
    #[serde(default)]
    held_out_set: Option<u8>,
    one_voice: bool,
    turns: Vec<LabelTurn>,
    questions: Vec<LabelQuestion>,
}

#[derive(Deserialize)]
struct LabelTurn {
    speaker: String,
    text: String,
    start_s: f64,
    end_s: f64,
}

#[derive(Deserialize)]
struct LabelQuestion {
    q: usize,
    question: String,
    question_start_s: f64,
    question_end_s: f64,
    answer_start_s: f64,
    candidate_spans: Vec<[f64; 2]>,
}

/// Tallies over a group of interviews.
#[derive(Default)]
struct Tally {
    interviews: usize,
    questions: usize,
    found: usize,
    extra: usize,
    start_ok: usize,
    interviewer_words: usize,
    candidate_words_lost: usize,
    scored: usize,
    within_3: usize,
    diffs: Vec<i32>,
    /// One-voice recordings that gave speech to an interviewer (heard as two voices).
    one_voice_split: usize,
    /// Seconds in the interview pipeline, and in transcribing the hand cuts.
    pipeline_s: f64,
    hand_cut_s: f64,
}

impl Tally {
    fn add(&mut self, t: &Tally) {
        self.interviews += t.interviews;
        self.questions += t.questions;
        self.found += t.found;
        self.extra += t.extra;
        self.start_ok += t.start_ok;
        self.interviewer_words += t.interviewer_words;
        self.candidate_words_lost += t.candidate_words_lost;
        self.scored += t.scored;
        self.within_3 += t.within_3;
        self.diffs.extend(&t.diffs);
        self.one_voice_split += t.one_voice_split;
        self.pipeline_s += t.pipeline_s;
        self.hand_cut_s += t.hand_cut_s;
    }

    fn print(&self, what: &str) {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "{what}: {} interviews, {} questions: found {} ({:.1}%), {} extra; answer start within 1.5 s: {} of {} found ({:.1}%); interviewer words in answers: {}; candidate answer words left out: {}; score within 3 points of the hand cut: {} of {} ({:.1}%), differences {:?}",
            self.interviews,
            self.questions,
            self.found,
            pct(self.found, self.questions),
            self.extra,
            self.start_ok,
            self.found,
            pct(self.start_ok, self.found),
            self.interviewer_words,
            self.candidate_words_lost,
            self.within_3,
            self.scored,
            pct(self.within_3, self.scored),
            self.diffs
        );
        if self.one_voice_split > 0 {
            println!(
                "  one-voice recordings that gave speech to an interviewer: {}",
                self.one_voice_split
            );
        }
    }
}

fn interviews() -> Vec<PathBuf> {
    common::ogg_files("interviews")
}

/// The labelled candidate stretches of one answer, cut out with 0.3 s either side and joined
/// by 0.5 s of silence: the answer as a person would cut it out by hand.
fn hand_cut(audio: &Audio, spans: &[[f64; 2]]) -> Audio {
    let rate = f64::from(audio::SAMPLE_RATE);
    let mut samples = Vec::new();
    for (i, [from, to]) in spans.iter().enumerate() {
        if i > 0 {
            samples.extend(std::iter::repeat_n(0.0, (0.5 * rate) as usize));
        }
        let a = (((from - 0.3).max(0.0)) * rate) as usize;
        let b = (((to + 0.3) * rate) as usize).min(audio.samples.len());
        samples.extend_from_slice(&audio.samples[a.min(b)..b]);
    }
    Audio {
        duration_s: samples.len() as f64 / rate,
        samples,
        ..audio.clone()
    }
}

/// What one interview gives: its set, its tallies, and the lines to print.
fn measure(
    path: &Path,
    opts: &TranscribeOptions,
    cfg: &ScoringConfig,
    sets: usize,
) -> (usize, Tally, String) {
    let mut tally = Tally::default();
    let mut out = String::new();
    let labels: Labels = serde_json::from_str(&read(&path.with_extension("json"))).unwrap();
    let audio = audio::load(path).unwrap();
    // With the first pass's transcript, for checking where the words fell.
    let started = Instant::now();
    let (scored, t) =
        pipeline::interview_audio_with_transcript(transcriber(), opts, &audio, "x", cfg).unwrap();
    tally.pipeline_s += started.elapsed().as_secs_f64();
    let set = if labels.held_out {
        usize::from(labels.held_out_set.unwrap_or(1)).clamp(1, sets - 1)
    } else {
        0
    };
    tally.interviews += 1;
    tally.questions += labels.questions.len();
    let mut matched = vec![false; scored.answers.len()];
    let mut line = Vec::new();
    for lq in &labels.questions {
        // Found: a question found over the labelled question (1.5 s either side).
        let hit = scored.answers.iter().map(|a| &a.question).position(|f| {
            f.start_s <= lq.question_end_s + 1.5 && f.end_s >= lq.question_start_s - 1.5
        });
        let Some(k) = hit else {
            line.push(format!("Q{} missed", lq.q));
            continue;
        };
        matched[k] = true;
        tally.found += 1;
        let f = &scored.answers[k].question;
        let start_err = f.answer_start_s - lq.answer_start_s;
        if start_err.abs() <= 1.5 {
            tally.start_ok += 1;
        }
        // Score against the same answer cut out by its labels and scored alone.
        let cut = hand_cut(&audio, &lq.candidate_spans);
        let started = Instant::now();
        let ct = transcriber().transcribe(&cut, "x", opts).unwrap();
        tally.hand_cut_s += started.elapsed().as_secs_f64();
        let reference = score_answer(&ct, &AnswerContext::new(Some(&lq.question), None), cfg);
        let ours = &scored.answers[k].score;
        let diff = i32::from(ours.score) - i32::from(reference.score);
        tally.scored += 1;
        tally.diffs.push(diff);
        if diff.abs() <= 3 {
            tally.within_3 += 1;
        } else {
            out.push_str(&format!(
                "  {} Q{}: {diff:+} points\n    ours ({} words, lost {:?}): {}\n    cut  ({} words, lost {:?}): {}\n",
                labels.name,
                lq.q,
                ours.words,
                starcoach::report::losses(ours),
                ours.transcript,
                reference.words,
                starcoach::report::losses(&reference),
                reference.transcript
            ));
        }
        // Words of the labelled candidate answer that the found answer left out.
        let in_answer = |mid: f64| {
            scored.answers[k]
                .runs
                .iter()
                .any(|(a, b)| *a - 0.05 <= mid && mid <= *b + 0.05)
        };
        let lost = t
            .words()
            .filter(|w| {
                let mid = (w.start_s + w.end_s) / 2.0;
                lq.candidate_spans
                    .iter()
                    .any(|[a, b]| *a <= mid && mid <= *b)
                    && !in_answer(mid)
            })
            .count();
        tally.candidate_words_lost += lost;
        line.push(format!(
            "Q{} start {:+.2} s, score {} vs cut {} ({:+}), {} {}, lost {lost}",
            lq.q,
            start_err,
            ours.score,
            reference.score,
            diff,
            ours.question_type,
            if ours.question_type == reference.question_type {
                "="
            } else {
                "KIND DIFFERS"
            },
        ));
    }
    let extra = matched.iter().filter(|m| !**m).count();
    tally.extra += extra;
    // Interviewer words inside any answer: a word timed inside an interviewer's turn that
    // the interviewer said there (Whisper sometimes starts a candidate's first word a
    // little early, inside the question: that word is not the interviewer's).
    let interviewer: Vec<(f64, f64, Vec<String>)> = labels
        .turns
        .iter()
        .filter(|t| t.speaker == "interviewer")
        .map(|t| (t.start_s, t.end_s, common::normalise(&t.text)))
        .collect();
    let leaked: Vec<&str> = t
        .words()
        .filter(|w| {
            let mid = (w.start_s + w.end_s) / 2.0;
            let said = common::normalise(&w.text);
            interviewer.iter().any(|(a, b, words)| {
                *a <= mid && mid <= *b && said.iter().all(|x| words.contains(x))
            }) && scored
                .answers
                .iter()
                .any(|c| c.runs.iter().any(|(a, b)| *a <= mid && mid <= *b))
        })
        .map(|w| w.text.as_str())
        .collect();
    tally.interviewer_words += leaked.len();
    out.push_str(&format!(
        "{}{}: {:?} (separation {}), {} of {} questions, {extra} extra, interviewer words in answers {leaked:?}; {}\n",
        labels.name,
        if labels.held_out {
            format!(" [held-out set {set}]")
        } else {
            String::new()
        },
        scored.voices,
        scored
            .voice_separation
            .map_or("-".to_string(), |s| format!("{s:.2}")),
        scored.answers.len() - extra,
        labels.questions.len(),
        line.join("; ")
    ));
    if labels.one_voice
        && !scored.turns.iter().all(|t| {
            t.speaker != Speaker::Interviewer
                || t.role == interview::Role::Question
                || t.role == interview::Role::FollowUp
        })
    {
        out.push_str(&format!(
            "  {}: one voice, yet small talk given to an interviewer\n",
            labels.name
        ));
        tally.one_voice_split += 1;
    }
    (set, tally, out)
}

#[test]
fn interviews_split_and_score_like_hand_cuts() {
    let files = interviews();
    assert!(
        files.len() >= 8,
        "the labelled interview set is in fixtures/interviews"
    );
    let cfg = ScoringConfig::default();
    // Tuning interviews, then held-out sets 1 to 14.
    const SETS: usize = 15;
    let mut sets: Vec<Tally> = (0..SETS).map(|_| Tally::default()).collect();
    // The interviews spread over one worker per core, each decoding on one thread: on two
    // cores, two files at once on one thread each take 0.76 of the time of one after the other
    // on two (docs/interview.md, Cost). Printed in file order when all are done.
    let workers = transcriber::default_threads().min(files.len()).max(1);
    let opts = TranscribeOptions {
        threads: 1,
        ..TranscribeOptions::default()
    };
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<(usize, Tally, String)>>> =
        Mutex::new((0..files.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                let r = measure(path, &opts, &cfg, SETS);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    for (set, tally, out) in results.into_inner().unwrap().into_iter().flatten() {
        print!("{out}");
        sets[set].add(&tally);
    }
    for (i, t) in sets.iter().enumerate().filter(|(_, t)| t.interviews > 0) {
        t.print(&if i == 0 {
            "tuning set".to_string()
        } else {
            format!("held-out set {i}")
        });
    }
    let sum = |picked: &[usize]| {
        let mut s = Tally::default();
        for &i in picked {
            s.add(&sets[i]);
        }
        // Each set's line lists its differences.
        s.diffs.clear();
        s
    };
    let held = sum(&(1..SETS).collect::<Vec<_>>());
    let all = sum(&(0..SETS).collect::<Vec<_>>());
    held.print("all held-out sets");
    all.print("whole set");
    println!(
        "time over {workers} workers: the interview pipeline {:.0} s, the hand cuts' transcription {:.0} s",
        all.pipeline_s, all.hand_cut_s
    );
    // The issue asks, on held-out interviews: 95% of questions found, every answer start
    // within 1.5 s, no interviewer word in an answer, 90% of answers within 3 points of the
    // hand cut. Held-out set 4, run once (docs/interview.md), fell short: the voice decision
    // took two voices for one on two of its five interviews. The decision was then changed
    // (set 4 seen). Sets 6, 7, 8 and 9, each run once (sessions 19-21), fell short too
    // (docs/interview.md), and so did set 10 (session 22), set 11 (session 23), sets 12
    // and 13 (session 24) and set 14 (session 25). These are regression floors a little under
    // what the code measures today on sets 0-14, not that bar.
    let tuning = &sets[0];
    assert_eq!(
        tuning.found, tuning.questions,
        "tuning: every question found"
    );
    assert_eq!(tuning.extra, 0, "tuning: no extra question");
    assert_eq!(
        tuning.start_ok, tuning.found,
        "tuning: every answer start within 1.5 s"
    );
    assert_eq!(
        tuning.interviewer_words, 0,
        "tuning: no interviewer word in an answer"
    );
    assert!(
        tuning.within_3 * 10 >= tuning.scored * 9,
        "tuning: 90% of answers within 3 points of the hand cut"
    );
    assert!(
        all.found * 100 >= all.questions * 93,
        "whole set: at least 93% of questions found (94.8% measured)"
    );
    assert!(
        all.start_ok * 100 >= all.found * 93,
        "whole set: 93% of answer starts within 1.5 s (95.6% measured)"
    );
    assert!(
        all.within_3 * 100 >= all.scored * 85,
        "whole set: 85% of answers within 3 points of the hand cut (86.3% measured)"
    );
    assert_eq!(
        tuning.one_voice_split, 0,
        "tuning: no one-voice recording gives speech to an interviewer"
    );
    assert!(
        all.one_voice_split <= 2,
        "whole set: at most two one-voice recordings heard as two voices (i58 of set 10, i64 of set 11)"
    );
    assert!(
        held.interviewer_words <= 21,
        "held out: at most 21 interviewer words in answers (19 measured)"
    );
}

/// The two-question recording of the bug report (an interviewer in a second voice asks about
/// a budget, follows up, then asks about a disagreement): two answers, each with its own
/// question, kind and verdict, in every report format, and each kept in the history.
#[test]
fn a_two_question_interview_gives_two_answers_in_every_format() {
    let file = fixture("interviews/i01_budget_two_questions.ogg");
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history.sqlite");
    let run = |format: &str| {
        let out = common::bin()
            .env("STARCOACH_HISTORY", &history)
            .args(["score", "--interview", "--format", format])
            .arg(&file)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let q1 = "Tell me about a time you had to manage a budget.";
    let q2 = "Describe a situation where you disagreed with your manager.";
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let answers = json["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 2, "{json:#}");
    assert_eq!(answers[0]["question"], q1);
    assert_eq!(answers[1]["question"], q2);
    for a in answers {
        assert_eq!(a["question_type"], "behavioral");
        assert!(a["score"].as_u64().unwrap() > 0);
        // The follow-up and the small talk are the interviewer's, not the answer's.
        let text = a["transcript"].as_str().unwrap();
        assert!(!text.contains("how did it turn out"), "{text}");
        assert!(!text.contains("Next one"), "{text}");
    }
    assert_eq!(json["interview"]["voices"], "two");
    let follow_up = json["interview"]["questions"][0]["follow_ups"][0]
        .as_str()
        .unwrap();
    assert!(follow_up.contains("how did it turn out"), "{follow_up}");
    for format in ["text", "md", "html"] {
        let out = run(format);
        assert!(out.contains(q1) && out.contains(q2), "{format}: {out}");
    }
    // Written reports: the interview's and each answer's, linked.
    let reports = dir.path().join("reports");
    common::bin()
        .env("STARCOACH_HISTORY", &history)
        .args(["score", "--interview", "--out"])
        .arg(&reports)
        .arg(&file)
        .assert()
        .success();
    for name in [
        "i01_budget_two_questions.html",
        "i01_budget_two_questions.md",
        "i01_budget_two_questions.json",
        "i01_budget_two_questions.q1.html",
        "i01_budget_two_questions.q2.json",
    ] {
        assert!(reports.join(name).is_file(), "{name} written");
    }
    let page = common::read(&reports.join("i01_budget_two_questions.html"));
    assert!(page.contains("href=\"i01_budget_two_questions.q2.html\""));
    // Every answer is in the history under its own question (two runs above kept them).
    let listed = common::bin()
        .env("STARCOACH_HISTORY", &history)
        .args(["history", "list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed = String::from_utf8(listed).unwrap();
    assert!(listed.contains(q1) && listed.contains(q2), "{listed}");
}
