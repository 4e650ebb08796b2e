//! The whole pipeline on real recordings: decode, transcribe with the real model, score, and
//! check the verdicts a person would give these answers.
#![cfg(feature = "model-tests")]

mod common;

use common::*;
use serde_json::Value;

fn score_json(args: &[&str]) -> Value {
    let out = bin()
        .arg("score")
        .args(args)
        .args(["--format", "json", "--no-history"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON report")
}

#[test]
fn the_example_star_answer_is_complete_on_time_and_quantified() {
    let path = fixture("example/answer.ogg");
    let question = read(&fixture("example/question.txt"));
    let v = score_json(&[path.to_str().unwrap(), "--question", question.trim()]);
    let a = &v["answers"][0];
    println!("{}", serde_json::to_string_pretty(&a["length"]).unwrap());
    assert_eq!(a["question_type"], "behavioral");
    assert_eq!(
        a["length"]["verdict"], "ok",
        "a 71 s answer to a behavioral question"
    );
    for part in ["situation", "task", "action", "result"] {
        assert_eq!(a["star"][part]["present"], true, "{part}");
    }
    let results: Vec<&str> = a["quantified_results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(results.iter().any(|r| r.contains("0.04")), "{results:?}");
    let fillers = a["fillers"].as_array().unwrap();
    let hesitations = fillers.iter().filter(|f| f["kind"] == "hesitation").count();
    assert!(
        hesitations >= 2,
        "the answer says um twice and uh twice: {fillers:?}"
    );
    let wpm = a["wpm"].as_f64().unwrap();
    assert!((130.0..=185.0).contains(&wpm), "{wpm}");
    // No reflection in this answer: the next step asks for one, with a time.
    assert_eq!(a["star"]["reflection"]["present"], false);
    let next = a["next_step"].as_str().unwrap();
    assert!(next.contains("1:1"), "{next}");
    assert!(a["score"].as_u64().unwrap() >= 70);
}

#[test]
fn a_short_answer_is_called_short_and_the_next_step_says_so() {
    let path = fixture("answers/answer.mp3");
    let v = score_json(&[
        path.to_str().unwrap(),
        "--question",
        "Tell me about a time you improved a system's reliability.",
    ]);
    let a = &v["answers"][0];
    assert_eq!(a["length"]["verdict"], "short");
    assert!(a["ratings"]["length"].as_u64().unwrap() <= 2);
    assert!(
        a["next_step"].as_str().unwrap().contains("0:1"),
        "{}",
        a["next_step"]
    );
}

#[test]
fn a_closing_pitch_is_judged_against_its_own_band() {
    let path = fixture("answers/answer.wav");
    let v = score_json(&[
        path.to_str().unwrap(),
        "--question",
        "Why should we hire you?",
    ]);
    let a = &v["answers"][0];
    assert_eq!(a["question_type"], "closing");
    assert_eq!(a["length"]["target_min_s"], 30.0);
    assert!(
        a["star"].is_null(),
        "closing answers are not forced into STAR"
    );
}
