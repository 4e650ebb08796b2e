//! A learned sentence model for the STAR task: "does this sentence state the candidate's goal,
//! responsibility or the constraint they had to meet?"
//!
//! Cue phrases alone missed a third of the tasks on fresh answers: a task is said in too many
//! ways ("Making the report readable was the job I was given", "Both needed the work by
//! Monday"). This is a logistic regression over sparse features of one sentence: its words and
//! word pairs, a few hand-made signals (obligation and deadline words, "me/my" framing, a
//! sentence opening with a gerund, "was to"), where it stands relative to the story's first
//! action, and what the cue rules (with their task cues left out) made of it and its neighbours.
//!
//! The weights (`task_weights.rs`) are trained on the corpus's tuning answers only, with their
//! sentence-level task labels (`task_sentences` in `fixtures/corpus/*.toml`), by
//! `scripts/train-task-model` (`cargo run --release --example train_task_model`); never on
//! held-out answers. Pure Rust at run time: the table is compiled in.

use once_cell::sync::Lazy;
use regex::Regex;

use super::doc::Doc;
use super::star::StarPart;
use super::task_weights::{BIAS, KEEP_RULE_TASKS, THRESHOLD, WEIGHTS};

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap()
}

/// Hand-made signals, each a binary feature named after it.
static SIGNALS: Lazy<Vec<(&'static str, Regex)>> = Lazy::new(|| {
    vec![
        (
            "obligation",
            re(
                r"\b(need|needs|needed|had to|have to|has to|must|supposed to|expected|required|wanted|want|depended on|was asked|were asked)\b",
            ),
        ),
        (
            "deadline",
            re(
                r"\bby (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|the next|then|noon|midnight|morning|tonight|\w+ o'clock)\b|\bbefore (the|a|an|it|they|we|he|she|anyone|someone)\b|\buntil\b|\bdeadline\b|\bdue\b|\bin time\b",
            ),
        ),
        ("me_my", re(r"\b(me|my|mine|myself)\b")),
        ("mine", re(r"\b(mine|on me|up to me|down to me|to me)\b")),
        ("gerund_start", re(r"^(so |and |but )?\w+ing\b")),
        ("was_to", re(r"\b(was|were|is) (\w+ )?to \w+")),
        (
            "goal_noun",
            re(
                r"\b(job|task|challenge|goal|project|responsibility|remit|priority|target|brief|mission|aim|focus|point|plan|ask|role|duty)\b",
            ),
        ),
        (
            "without",
            re(r"\bwithout\b|\bno (more|smaller|bigger|extra|less)\b"),
        ),
        (
            "future_in_past",
            re(
                r"\b(would have to|would need to|was going to|were going to|was about to|were about to|would be)\b",
            ),
        ),
        (
            "someone_wanted",
            re(r"\b\w+ (wanted|asked|expected|needed|told) (me|us|it|the|a|an|\w+ to|to)\b"),
        ),
        (
            "keep_without",
            re(
                r"\bwithout (losing|closing|changing|hurting|slowing|turning|burning|going|cutting|missing|breaking|delaying|spending|adding|upsetting|\w+ing)\b",
            ),
        ),
        (
            "within_time",
            re(r"\bwithin (a|an|\w+) (day|days|week|weeks|month|months|hour|hours|minutes)\b"),
        ),
        (
            "the_one",
            re(r"\b(i was|i'm) the (only|one|person|newest|most senior|lead)\b"),
        ),
        (
            "what_mattered",
            re(r"\bwhat (mattered|counted|i had to|we had to|i needed|we needed)\b|\bthe point\b"),
        ),
        ("i_start", re(r"^(so |then |and |but )?i\b")),
        ("we_start", re(r"^(so |then |and |but )?we\b")),
        ("i_did_list", re(r"\bi \w+.*\band i \w+")),
        ("past_i_verb", re(r"^(so |then |and )?i \w+ed\b")),
        (
            "number",
            re(
                r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|percent)\b",
            ),
        ),
        (
            "when_clause",
            re(r"^(when|while|after|during|at|in|on|as|last|one|back)\b"),
        ),
        (
            "negation",
            re(r"\b(not|no|never|nobody|couldn't|wasn't|didn't)\b"),
        ),
    ]
});

/// The class the task-blind rules gave a sentence (`star::classify_rules` without the task:
/// the rules' task cues were tuned on the same answers the model is trained on, so a feature
/// made of them would look far better in training than on new answers).
fn part_name(p: &[StarPart]) -> &'static str {
    p.first().map_or("none", |p| p.as_str())
}

/// Features of sentence `k`, given the task-blind cue rules' classes of every sentence.
#[doc(hidden)]
pub fn features(doc: &Doc, k: usize, rule_parts: &[Vec<StarPart>]) -> Vec<String> {
    let s = &doc.sentences[k];
    let norm = s.norm.as_str();
    let n = doc.sentences.len();
    let mut f: Vec<String> = Vec::new();
    // The cue rules' view.
    f.push(format!("part:{}", part_name(&rule_parts[k])));
    if k > 0 {
        f.push(format!("prev:{}", part_name(&rule_parts[k - 1])));
    } else {
        f.push("first".into());
    }
    if k + 1 < n {
        f.push(format!("next:{}", part_name(&rule_parts[k + 1])));
    } else {
        f.push("last".into());
    }
    // Where it stands in the story.
    let first_action = rule_parts
        .iter()
        .position(|p| p.first() == Some(&StarPart::Action));
    f.push(
        match first_action {
            None => "no_action",
            Some(a) if k < a => "before_action",
            Some(a) if k == a => "first_action",
            Some(_) => "after_action",
        }
        .into(),
    );
    if k == 1 {
        f.push("second".into());
    }
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    f.push(
        match words.len() {
            0..=7 => "short",
            8..=24 => "medium",
            _ => "long",
        }
        .into(),
    );
    for (name, r) in SIGNALS.iter() {
        if r.is_match(norm) {
            f.push(format!("sig:{name}"));
        }
    }
    // Words and word pairs, as crude stems ("needed", "needs" → "need").
    let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
    for w in &stems {
        f.push(format!("w:{w}"));
    }
    for p in stems.windows(2) {
        f.push(format!("b:{}_{}", p[0], p[1]));
    }
    // How it opens and how it ends ("My job was...", "...was the job I was given").
    if let Some(w) = stems.first() {
        f.push(format!("start:{w}"));
    }
    if stems.len() >= 2 {
        f.push(format!("start2:{}_{}", stems[0], stems[1]));
        let n = stems.len();
        f.push(format!("end2:{}_{}", stems[n - 2], stems[n - 1]));
    }
    if let Some(w) = stems.last() {
        f.push(format!("end:{w}"));
    }
    // Where a sentence stands, together with what it says.
    let place = f
        .iter()
        .find(|x| {
            matches!(
                x.as_str(),
                "no_action" | "before_action" | "first_action" | "after_action"
            )
        })
        .cloned()
        .unwrap_or_default();
    let signals: Vec<String> = f
        .iter()
        .filter(|x| x.starts_with("sig:"))
        .cloned()
        .collect();
    for sig in signals {
        f.push(format!("{place}&{sig}"));
    }
    f.sort();
    f.dedup();
    f
}

/// A crude stem: common inflections cut from words of five letters or more.
fn stem(w: &str) -> String {
    if w.len() >= 5 && w.is_ascii() {
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(base) = w.strip_suffix(suffix) {
                if base.len() >= 3 {
                    return base.to_string();
                }
            }
        }
    }
    w.to_string()
}

/// A task is told before the story's actions or with the first of them ("I was responsible for
/// the night shift, so I decided..."); later sentences are not read as the task.
pub fn may_state_task(features: &[String]) -> bool {
    !features.iter().any(|x| x == "after_action")
}

/// Probability that the sentence states the task, from its features.
pub fn probability(features: &[String]) -> f64 {
    let z = BIAS
        + features
            .iter()
            .filter_map(|name| {
                WEIGHTS
                    .binary_search_by(|(w, _)| (*w).cmp(name.as_str()))
                    .ok()
                    .map(|i| WEIGHTS[i].1)
            })
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The probability at or above which a sentence is read as the task (chosen by
/// cross-validation on the tuning answers when the weights were trained).
pub fn threshold() -> f64 {
    THRESHOLD
}

/// Whether the cue rules' own task sentences stand beside the model's (chosen by
/// cross-validation with the weights).
pub fn keep_rule_tasks() -> bool {
    KEEP_RULE_TASKS
}

/// Task probability of every sentence (0 for those that may not state it).
pub fn probabilities(doc: &Doc, rule_parts: &[Vec<StarPart>]) -> Vec<f64> {
    (0..doc.sentences.len())
        .map(|k| {
            let f = features(doc, k, rule_parts);
            if may_state_task(&f) {
                probability(&f)
            } else {
                0.0
            }
        })
        .collect()
}
