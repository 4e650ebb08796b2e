//! JSON: the machine-readable report, the contract other tools build on.
//!
//! Top level `schema_version` and `answers`; each answer is an [`AnswerScore`]. The schema is
//! documented in `docs/report.schema.json` and checked by `tests/report_schema.rs`. Floats are
//! rounded to milliseconds so output is stable and readable.

use serde::Serialize;
use serde_json::Value;

use crate::score::AnswerScore;

/// Bumped when a field is renamed or removed (adding fields does not bump it).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    answers: &'a [AnswerScore],
}

pub(crate) fn round(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                let r = (f * 1000.0).round() / 1000.0;
                if let Some(x) = serde_json::Number::from_f64(r) {
                    *n = x;
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(round),
        Value::Object(o) => o.values_mut().for_each(round),
        _ => {}
    }
}

/// Renders the report as pretty-printed JSON.
pub fn render_json(answers: &[AnswerScore]) -> String {
    let mut v = serde_json::to_value(Report {
        schema_version: SCHEMA_VERSION,
        answers,
    })
    .unwrap_or(Value::Null);
    round(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn contract_fields() {
        let v: Value =
            serde_json::from_str(&render_json(&[fixtures::timed(), fixtures::closing()])).unwrap();
        assert_eq!(v["schema_version"], 1);
        let a = &v["answers"][0];
        for k in [
            "source",
            "question",
            "question_type",
            "duration_s",
            "speaking_s",
            "length",
            "words",
            "wpm",
            "transcript",
            "fillers",
            "star",
            "quantified_results",
            "ratings",
            "score",
            "next_step",
        ] {
            assert!(a.get(k).is_some(), "missing {k}");
        }
        assert_eq!(a["question_type"], "behavioral");
        assert_eq!(a["length"]["verdict"], "ok");
        assert!(a["star"]["result"]["present"].as_bool().unwrap());
        assert_eq!(a["quantified_results"][0]["text"], "80%");
        assert_eq!(a["fillers"][0]["kind"], "hesitation");
        assert!(v["answers"][1]["star"].is_null());
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_json(&[fixtures::closing()]));
    }

    #[test]
    fn empty() {
        let v: Value = serde_json::from_str(&render_json(&[])).unwrap();
        assert_eq!(v["answers"].as_array().unwrap().len(), 0);
        let v: Value = serde_json::from_str(&render_json(&[fixtures::empty()])).unwrap();
        assert_eq!(v["answers"][0]["words"], 0);
    }
}
