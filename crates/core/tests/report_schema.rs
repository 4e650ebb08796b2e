//! The JSON report validates against `docs/report.schema.json`, for every corpus answer and
//! for odd inputs (empty, one word), with measured and estimated times.

use starcoach_core::report::render_json;
use starcoach_core::score::{score_answer, AnswerContext, QuestionKind, ScoringConfig};
use starcoach_core::transcript::{Segment, Transcript, Word};
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("docs/report.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("schema is valid")
}

fn check(v: &jsonschema::Validator, json: &str) {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn corpus_reports_validate() {
    let v = validator();
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("fixtures/corpus");
    let mut answers = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let t: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let kind: QuestionKind = t["kind"].as_str().unwrap().parse().unwrap();
        let tr = Transcript::from_plain_text(
            t["answer"].as_str().unwrap(),
            Some(p.display().to_string()),
        );
        answers.push(score_answer(
            &tr,
            &AnswerContext::new(t["question"].as_str(), Some(kind)),
            &ScoringConfig::default(),
        ));
    }
    assert!(answers.len() >= 40);
    check(&v, &render_json(&answers));
}

#[test]
fn odd_inputs_validate() {
    let v = validator();
    let cfg = ScoringConfig::default();
    let mut answers = Vec::new();
    for text in ["", "um", "no punctuation at all just words and words"] {
        for k in QuestionKind::ALL {
            let tr = Transcript::from_plain_text(text, None);
            answers.push(score_answer(&tr, &AnswerContext::new(None, Some(k)), &cfg));
        }
    }
    let w = |t: &str, s: f64| Word {
        text: t.into(),
        start_s: s,
        end_s: s + 0.3,
        probability: 0.8,
    };
    let timed = Transcript {
        source: Some("a.wav".into()),
        duration_s: 12.0,
        text: "Um I, uh, led it. We grew 20%.".into(),
        segments: vec![Segment {
            start_s: 1.0,
            end_s: 11.0,
            text: String::new(),
            words: vec![
                w("Um", 1.0),
                w("I,", 1.5),
                w("uh,", 4.5),
                w("led", 6.0),
                w("it.", 6.4),
                w("We", 9.0),
                w("grew", 9.4),
                w("20%.", 9.8),
            ],
        }],
        timing_estimated: false,
        cut_short: None,
    };
    answers.push(score_answer(&timed, &AnswerContext::default(), &cfg));
    check(&v, &render_json(&answers));
    check(&v, &render_json(&[]));
}

#[test]
fn schema_rejects_broken_contract() {
    let v = validator();
    let tr = Transcript::from_plain_text("We grew sales by 25%.", None);
    let a = score_answer(&tr, &AnswerContext::default(), &ScoringConfig::default());
    let good: serde_json::Value = serde_json::from_str(&render_json(&[a])).unwrap();
    assert!(v.is_valid(&good));
    for (path, value) in [
        ("/answers/0/score", serde_json::json!(101)),
        ("/answers/0/length/verdict", serde_json::json!("fine")),
        ("/answers/0/question_type", serde_json::json!("star")),
        ("/answers/0/ratings/delivery", serde_json::json!(0)),
    ] {
        let mut bad = good.clone();
        *bad.pointer_mut(path).unwrap() = value;
        assert!(!v.is_valid(&bad), "{path} should be rejected");
    }
    let mut bad = good.clone();
    bad["answers"][0]
        .as_object_mut()
        .unwrap()
        .remove("next_step");
    assert!(!v.is_valid(&bad));
}
