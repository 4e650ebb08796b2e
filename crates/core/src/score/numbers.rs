//! Numbers in an answer, and whether each one measures a result.
//!
//! Whisper writes numbers as digits or words ("25%", "twenty percent", "one fourteen"), and
//! results also come as multipliers ("doubled", "three times faster", "cut in half"). A number
//! is a result when it measures the outcome (DOMAIN.md); years, team sizes and how long the work
//! took are context.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::doc::Doc;

/// Whether a number measures the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberRole {
    Result,
    Context,
}

/// One number mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words as said ("from 2.1 to 3.4 percent", "doubled").
    pub text: String,
    /// The value read ("from X to Y": Y; "doubled": 2; "a third": 0.333).
    pub value: Option<f64>,
    /// "percent", "currency", "factor", "fraction", "time", "people", "year" or "count".
    pub unit: String,
    pub role: NumberRole,
    pub start_s: f64,
    pub end_s: f64,
    pub sentence: String,
    pub sentence_index: usize,
    /// Word range in the answer (end exclusive).
    pub first_word: usize,
    pub end_word: usize,
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("k", 1e3),
    ("m", 1e6),
    ("bn", 1e9),
];
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
    ("tenth", 0.1),
];
const MULTIPLIER_WORDS: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("doubling", 2.0),
    ("tripled", 3.0),
    ("tripling", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
    ("twice", 2.0),
    ("tenfold", 10.0),
    ("threefold", 3.0),
    ("twofold", 2.0),
];
const COMPARATIVES: &[&str] = &[
    "early",
    "earlier",
    "ahead",
    "sooner",
    "faster",
    "fewer",
    "less",
    "more",
    "higher",
    "lower",
    "shorter",
    "cheaper",
    "quicker",
    "smaller",
    "bigger",
    "larger",
    "better",
    "slower",
    "increase",
    "decrease",
    "reduction",
    "improvement",
    "growth",
    "drop",
    "lift",
    "uplift",
    "savings",
    "saved",
    "off",
];
const TIME_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "quarter", "quarters", "sprint", "sprints",
];
const PEOPLE_UNITS: &[&str] = &[
    "people",
    "person",
    "engineers",
    "developers",
    "designers",
    "members",
    "reports",
    "analysts",
    "nurses",
    "teachers",
    "students",
    "volunteers",
    "colleagues",
    "staff",
    "employees",
    "folks",
    "interns",
    "managers",
    "teams",
    "stakeholders",
    "countries",
    "offices",
    "stores",
    "sites",
];

/// Verbs and phrases that state an outcome.
static RESULT_CUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\b(increas\w*|grew|grow\w*|cut|cuts|reduc\w*|sav(ed|ing|es)|dropp?\w*|fell|rose|rais\w*|improv\w*|boost\w*|lower\w*|decreas\w*|climb\w*|jump\w*|shr[au]nk|generat\w*|gain\w*|won|recover\w*|hit|reach\w*|exceed\w*|doubl\w*|tripl\w*|halv\w*|brought (it |them |that )?(down|up|in)|went (up|down|from)|sped|speed up|eliminat\w*|freed|shorten\w*|lift\w*|up by|down by|as a result|result\w*|led to|ended up|by the end|in the end|outcome|beat|closed|sold|signed|retain\w*|renew\w*|converted|landed|brought|took it from|stopped|prevented|resolved|solved)\b",
    )
    .unwrap()
});

/// Sentences that assume, suppose or set a goal rather than report an outcome.
static HYPOTHETICAL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(let's say|let us say|assume|assuming|suppose|if|i'd|i would|we'd|we would|would be|could be|might|(the|our|my) (target|goal|quota|aim|objective|budget) (was|is))\b").unwrap()
});

fn unit_value(w: &str) -> Option<u64> {
    UNITS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

fn scale_value(w: &str) -> Option<f64> {
    SCALES.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// Parses a digit token: "25%", "$1.2", "1,200", "3x", "2.5k". Returns (value, unit hint).
fn parse_digits(w: &str) -> Option<(f64, &'static str)> {
    static RE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^([$£€])?(\d[\d,]*(?:\.\d+)?)(%|k|m|bn|x|s)?$").unwrap());
    let c = RE.captures(w)?;
    let mut v: f64 = c[2].replace(',', "").parse().ok()?;
    let mut unit = if c.get(1).is_some() {
        "currency"
    } else {
        "count"
    };
    match c.get(3).map(|m| m.as_str()) {
        Some("%") => unit = "percent",
        Some("k") => v *= 1e3,
        Some("m") => v *= 1e6,
        Some("bn") => v *= 1e9,
        Some("x") => unit = "factor",
        _ => {}
    }
    Some((v, unit))
}

/// Reads a run of number words from `i`; returns (value, words used).
fn parse_words(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut used = 0;
    let mut last_small: Option<u64> = None;
    let mut concat: Option<f64> = None;
    let mut j = i;
    while let Some(t) = doc.toks.get(j) {
        let parts: Vec<&str> = t.norm.split('-').collect();
        let mut ok = true;
        let mut local_used = false;
        for p in &parts {
            if let Some(v) = unit_value(p) {
                // "one fourteen" / "two forty": a digit then a two-digit number, read as digits.
                if let Some(ls) = last_small {
                    if ls < 10 && (10..100).contains(&v) && total == 0.0 && group == ls as f64 {
                        concat = Some(ls as f64 * 100.0 + v as f64);
                        group = concat.unwrap();
                        last_small = None;
                        local_used = true;
                        continue;
                    }
                    if ls >= 20 && ls % 10 == 0 && v < 10 && v > 0 {
                        group += v as f64;
                        last_small = Some(v);
                        local_used = true;
                        continue;
                    }
                    if concat.is_some() || !(ls >= 100 || group >= 100.0) {
                        ok = false;
                        break;
                    }
                }
                group += v as f64;
                last_small = Some(v);
                local_used = true;
            } else if let Some(s) = scale_value(p).filter(|_| !matches!(*p, "k" | "m" | "bn")) {
                if used == 0 && !local_used {
                    ok = false;
                    break;
                }
                if s == 100.0 {
                    group = group.max(1.0) * 100.0;
                    last_small = Some(100);
                } else {
                    total += group.max(1.0) * s;
                    group = 0.0;
                    last_small = Some(1000);
                }
                local_used = true;
            } else if *p == "and" && used > 0 && last_small == Some(100) {
                local_used = true;
            } else if *p == "point" && used > 0 {
                // "two point five"
                if let Some(next) = doc.toks.get(j + 1).and_then(|n| unit_value(&n.norm)) {
                    if next < 10 {
                        group += next as f64 / 10.0;
                        used += 2;
                        j += 2;
                        ok = false;
                        local_used = false;
                        break;
                    }
                }
                ok = false;
                break;
            } else {
                ok = false;
                break;
            }
        }
        if local_used && ok {
            used += 1;
            j += 1;
        } else {
            break;
        }
        if t.break_after() {
            break;
        }
    }
    if used == 0 {
        return None;
    }
    // Trailing "and" is not part of the number.
    while used > 0 && doc.toks[i + used - 1].norm == "and" {
        used -= 1;
    }
    Some((total + group, used))
}

struct Raw {
    first: usize,
    end: usize,
    value: f64,
    unit: &'static str,
    /// Multipliers and fractions-of-change are results by their nature.
    inherent_result: bool,
}

/// Scans one token position for a number; returns the mention if one starts here.
fn scan_at(doc: &Doc, i: usize) -> Option<Raw> {
    let t = &doc.toks[i];
    let w = t.norm.as_str();
    let next = doc.norm(i as isize + 1);
    let next2 = doc.norm(i as isize + 2);
    // "cut in half", "by half"
    if w == "half" && matches!(doc.norm(i as isize - 1), "in" | "by") {
        // Keep the verb: "cut in half", "cut the backlog in half".
        let sent = doc.toks[i].sentence;
        let verb = (2..=4).find(|&k| {
            i >= k && doc.toks[i - k].sentence == sent && RESULT_CUE.is_match(&doc.toks[i - k].norm)
        });
        let first = i - verb.unwrap_or(1);
        return Some(Raw {
            first,
            end: i + 1,
            value: 0.5,
            unit: "fraction",
            inherent_result: true,
        });
    }
    if w == "twice" {
        // "twice as fast" is a result; "charged him twice" is not.
        let inherent = next == "as" || COMPARATIVES.contains(&next);
        return Some(Raw {
            first: i,
            end: i + 1 + usize::from(next == "as") * 2,
            value: 2.0,
            unit: "factor",
            inherent_result: inherent,
        });
    }
    if let Some((_, v)) = MULTIPLIER_WORDS.iter().find(|(n, _)| *n == w) {
        return Some(Raw {
            first: i,
            end: i + 1,
            value: *v,
            unit: "factor",
            inherent_result: true,
        });
    }
    // "a third", "a quarter", "two thirds"
    if matches!(w, "a" | "one") {
        if let Some((_, v)) = FRACTIONS.iter().find(|(n, _)| *n == next) {
            let cmp = COMPARATIVES.contains(&next2);
            // "a half hour", "a quarter" (of a year) are not results unless compared.
            if cmp || !matches!(next, "half" | "quarter") {
                let end = i + 2 + usize::from(cmp);
                return Some(Raw {
                    first: i,
                    end,
                    value: *v,
                    unit: "fraction",
                    inherent_result: cmp,
                });
            }
        }
        // "a week later", "a day early": one unit of time, compared.
        let later_than = next2 == "later" && doc.norm(i as isize + 3) == "than";
        if TIME_UNITS.contains(&next) && (COMPARATIVES.contains(&next2) || later_than) {
            return Some(Raw {
                first: i,
                end: i + 3,
                value: 1.0,
                unit: "time",
                inherent_result: true,
            });
        }
        if w == "a" {
            return None;
        }
    }
    let (mut value, mut unit, mut end) = if let Some((v, u)) = parse_digits(w) {
        (v, u, i + 1)
    } else if let Some((v, used)) = parse_words(doc, i) {
        // A lone "one" is a pronoun more often than a number ("one of the", "the one").
        if used == 1 && w == "one" {
            let nx = next;
            let counted = TIME_UNITS.contains(&nx) || PEOPLE_UNITS.contains(&nx) || nx == "percent";
            if !counted {
                return None;
            }
        }
        (v, "count", i + used)
    } else {
        return None;
    };
    // Fraction words after a count: "two thirds" (but "two quarters" of a year is time).
    if let Some((_, f)) = FRACTIONS.iter().find(|(n, _)| *n == doc.norm(end as isize)) {
        let fw = doc.norm(end as isize);
        let is_time = fw.starts_with("quarter") && doc.norm(end as isize + 1) != "of";
        if unit == "count" && value < 10.0 && fw != "half" && !is_time {
            return Some(Raw {
                first: i,
                end: end + 1,
                value: value * f,
                unit: "fraction",
                inherent_result: false,
            });
        }
    }
    // Trailing scale and unit words.
    loop {
        let nx = doc.norm(end as isize);
        if let Some(s) = scale_value(nx) {
            if !doc.toks[end - 1].break_after() {
                value *= s;
                end += 1;
                continue;
            }
        }
        break;
    }
    let nx = doc.norm(end as isize);
    let nx2 = doc.norm(end as isize + 1);
    if unit != "percent" && (nx == "percent" || nx == "percentage" || nx == "%") {
        unit = "percent";
        end += if nx == "percentage" && matches!(nx2, "points" | "point") {
            2
        } else {
            1
        };
    } else if matches!(nx, "dollars" | "euros" | "pounds" | "bucks") {
        unit = "currency";
        end += 1;
    }
    let nx = doc.norm(end as isize);
    let mut inherent = false;
    if nx == "times" || unit == "factor" {
        // "three times faster", "3x more"
        let cmp = if nx == "times" {
            doc.norm(end as isize + 1)
        } else {
            nx
        };
        if nx == "times" && (COMPARATIVES.contains(&cmp) || cmp == "as") {
            unit = "factor";
            end += 2;
            inherent = true;
        } else if unit == "factor" {
            inherent = COMPARATIVES.contains(&cmp);
            if inherent {
                end += 1;
            }
        }
    } else if unit == "count" {
        if TIME_UNITS.contains(&nx) {
            unit = "time";
            end += 1;
        } else if PEOPLE_UNITS.contains(&nx) {
            unit = "people";
            end += 1;
        } else if (1900.0..=2100.0).contains(&value)
            && value.fract() == 0.0
            && parse_digits(w).is_some()
        {
            unit = "year";
        }
    }
    // "20% faster", "two hours less"
    let cmp = doc.norm(end as isize);
    // "two weeks later than planned" compares; "six months later" only tells time.
    let later_than = cmp == "later" && doc.norm(end as isize + 1) == "than";
    if !inherent && (COMPARATIVES.contains(&cmp) || later_than) && unit != "year" {
        // "five more" (days) is not a result by itself; "four fewer agents", "20% more" are.
        inherent = !(unit == "count" && cmp == "more");
        end += 1;
    }
    Some(Raw {
        first: i,
        end,
        value,
        unit,
        inherent_result: inherent,
    })
}

/// Finds every number mention and classifies it.
pub fn detect(doc: &Doc) -> Vec<Quantity> {
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        if let Some(r) = scan_at(doc, i) {
            i = r.end.max(i + 1);
            raws.push(r);
        } else {
            i += 1;
        }
    }
    let mut out: Vec<Quantity> = Vec::new();
    let mut k = 0;
    while k < raws.len() {
        let r = &raws[k];
        let sent_idx = doc.toks[r.first].sentence;
        let sentence = &doc.sentences[sent_idx];
        // "from X to Y": one mention.
        let from = r.first > 0 && doc.toks[r.first - 1].norm == "from";
        let mut first = r.first;
        let mut end = r.end;
        let mut value = r.value;
        let mut unit = r.unit;
        let mut role;
        let mut paired = false;
        if from {
            if let Some(n) = raws.get(k + 1) {
                let gap = n.first.saturating_sub(r.end);
                let between_to = (r.end..n.first)
                    .any(|j| matches!(doc.toks[j].norm.as_str(), "to" | "down" | "up"));
                if gap <= 4 && between_to && doc.toks[n.first].sentence == sent_idx {
                    first = r.first - 1;
                    end = n.end;
                    value = n.value;
                    if unit == "count" {
                        unit = n.unit;
                    }
                    paired = true;
                }
            }
        }
        let prev = doc.norm(first as isize - 1);
        let prev2 = doc.norm(first as isize - 2);
        let cue = RESULT_CUE.is_match(&sentence.norm);
        let near_verb = [prev, prev2]
            .iter()
            .any(|w| !w.is_empty() && RESULT_CUE.is_match(w))
            || prev == "by";
        role = if HYPOTHETICAL.is_match(&sentence.norm) {
            // "Let's say the market grows 8%", "if it saves five hours": assumptions.
            NumberRole::Context
        } else if r.inherent_result || paired || (r.value == 0.0 && cue) {
            NumberRole::Result
        } else {
            match unit {
                "year" => NumberRole::Context,
                "time" | "people" => {
                    if near_verb && prev != "of" && cue {
                        NumberRole::Result
                    } else {
                        NumberRole::Context
                    }
                }
                "fraction" | "factor" => {
                    if cue {
                        NumberRole::Result
                    } else {
                        NumberRole::Context
                    }
                }
                _ => {
                    if cue
                        && (near_verb
                            || matches!(unit, "percent" | "currency")
                            || is_outcome_count(doc, end))
                    {
                        NumberRole::Result
                    } else {
                        NumberRole::Context
                    }
                }
            }
        };
        // "hired all eight", "replaced all 43 pens": a completed count is an outcome.
        if role == NumberRole::Context
            && prev == "all"
            && matches!(unit, "count" | "people")
            && (prev2.ends_with("ed")
                || matches!(
                    prev2,
                    "won" | "hit" | "met" | "got" | "made" | "sold" | "built" | "kept"
                ))
        {
            role = NumberRole::Result;
            first -= 1;
        }
        // "a team of five", "for three years" stay context even in a result sentence.
        if role == NumberRole::Result
            && !paired
            && !r.inherent_result
            && matches!(
                prev,
                "of" | "for" | "over" | "about" | "in" | "after" | "within"
            )
            && matches!(unit, "count" | "time" | "people")
        {
            role = NumberRole::Context;
        }
        let text = doc.toks[first..end]
            .iter()
            .map(|t| t.raw.trim_end_matches([',', '.', ';', ':', '?', '!']))
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Quantity {
            text,
            value: Some(value),
            unit: unit.to_string(),
            role,
            start_s: doc.toks[first].start_s,
            end_s: doc.toks[end - 1].end_s,
            sentence: sentence.text.clone(),
            sentence_index: sent_idx,
            first_word: first,
            end_word: end,
        });
        k += if paired { 2 } else { 1 };
    }
    out
}

/// A bare count counts as an outcome when followed by an outcome noun ("300 new customers").
fn is_outcome_count(doc: &Doc, end: usize) -> bool {
    const NOUNS: &[&str] = &[
        "new",
        "customers",
        "users",
        "signups",
        "clients",
        "deals",
        "leads",
        "tickets",
        "bugs",
        "incidents",
        "complaints",
        "points",
        "accounts",
        "subscribers",
        "downloads",
        "orders",
        "sales",
        "hires",
        "errors",
        "defects",
        "returns",
        "calls",
        "escalations",
    ];
    NOUNS.contains(&doc.norm(end as isize))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Transcript;

    fn q(text: &str) -> Vec<(String, NumberRole)> {
        let d = Doc::new(&Transcript::from_plain_text(text, None));
        detect(&d).into_iter().map(|q| (q.text, q.role)).collect()
    }
    use NumberRole::*;

    #[test]
    fn digit_and_word_forms() {
        assert_eq!(q("We increased sales by 25%."), [("25%".into(), Result)]);
        assert_eq!(
            q("Churn dropped by twenty percent."),
            [("twenty percent".into(), Result)]
        );
        assert_eq!(
            q("We saved $1.2 million a year."),
            [("$1.2 million".into(), Result)]
        );
        assert_eq!(
            q("Conversion went from 2.1 to 3.4 percent."),
            [("from 2.1 to 3.4 percent".into(), Result)]
        );
    }

    #[test]
    fn multipliers() {
        assert_eq!(q("Signups doubled."), [("doubled".into(), Result)]);
        assert_eq!(
            q("The build got three times faster."),
            [("three times faster".into(), Result)]
        );
        assert_eq!(
            q("We cut the backlog in half."),
            [("cut the backlog in half".into(), Result)]
        );
        assert_eq!(
            q("We had a third fewer tickets."),
            [("a third fewer".into(), Result)]
        );
        assert_eq!(
            q("It launched a week later than planned."),
            [("a week later".into(), Result)]
        );
        assert_eq!(
            q("We hired all eight on time."),
            [("all eight".into(), Result)]
        );
    }

    #[test]
    fn context_numbers() {
        assert_eq!(
            q("I led a team of five engineers for two years in 2019."),
            [
                ("five engineers".into(), Context),
                ("two years".into(), Context),
                ("2019".into(), Context),
            ]
        );
        assert!(q("One of the clients called.").is_empty());
    }

    #[test]
    fn spoken_digit_pairs() {
        let d = Doc::new(&Transcript::from_plain_text(
            "Handle time fell from two forty to one fourteen.",
            None,
        ));
        let v = detect(&d);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].value, Some(114.0));
        assert_eq!(v[0].role, Result);
    }

    #[test]
    fn compound_words() {
        let d = Doc::new(&Transcript::from_plain_text(
            "We reached three hundred and twenty-five thousand users.",
            None,
        ));
        let v = detect(&d);
        assert_eq!(v[0].value, Some(325_000.0));
    }
}
