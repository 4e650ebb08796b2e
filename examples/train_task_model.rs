//! Trains the STAR task sentence model (`crates/core/src/score/task_model.rs`) on the corpus's TUNING
//! answers and writes its weights to `crates/core/src/score/task_weights.rs`.
//!
//! Run: `scripts/train-task-model` (= `cargo run --release --example train_task_model`).
//! Held-out answers (`holdout = true`) are skipped before anything is read from them. The
//! sentence labels are the `task_sentences` of each tuning answer (fixtures/corpus/build.py).
//! Logistic regression (L2, full-batch gradient descent, deterministic). The regularisation,
//! whether the cue rules' own task sentences are kept, and the threshold are chosen by 10-fold
//! cross-validation over answers (answer-level task precision and recall, out of fold), then
//! the model is trained on every tuning answer.

use serde::Deserialize;
use starcoach::score::doc::Doc;
use starcoach::score::star::{classify_rules, StarPart};
use starcoach::score::task_model::{features, may_state_task};
use starcoach::score::{numbers, QuestionKind};
use starcoach::transcript::Transcript;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
struct Labelled {
    kind: QuestionKind,
    #[serde(default)]
    holdout: bool,
    star: Vec<String>,
    answer: String,
    #[serde(default)]
    task_sentences: Vec<String>,
}

struct Answer {
    name: String,
    has_task: bool,
    rule_task: bool,
    /// Per sentence: features, label.
    sentences: Vec<(Vec<String>, bool)>,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn load(dir: &Path) -> Vec<Answer> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for p in files {
        let l: Labelled = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        if l.holdout || l.kind != QuestionKind::Behavioral {
            continue;
        }
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        let has_task = l.star.iter().any(|s| s == "task");
        assert_eq!(
            has_task,
            !l.task_sentences.is_empty(),
            "{name}: task label without task_sentences (or the reverse)"
        );
        let doc = Doc::new(&Transcript::from_plain_text(&l.answer, None));
        let nums = numbers::detect(&doc);
        let parts = classify_rules(&doc, &nums, false);
        let with_task = classify_rules(&doc, &nums, true);
        let labels: Vec<String> = l.task_sentences.iter().map(|s| squash(s)).collect();
        let mut found = 0;
        let sentences: Vec<(Vec<String>, bool)> = (0..doc.sentences.len())
            .map(|k| {
                let text = squash(&doc.sentences[k].text);
                let y = labels
                    .iter()
                    .any(|t| !text.is_empty() && (t.contains(&text) || text.contains(t.as_str())));
                found += usize::from(y);
                let f = features(&doc, k, &parts);
                (f, y)
            })
            .collect();
        assert!(
            !has_task || found > 0,
            "{name}: no sentence matches its task_sentences"
        );
        let rule_task = with_task.iter().any(|p| p.contains(&StarPart::Task));
        out.push(Answer {
            name,
            has_task,
            rule_task,
            sentences,
        });
    }
    out
}

struct Model {
    bias: f64,
    weights: BTreeMap<String, f64>,
}

impl Model {
    fn prob(&self, f: &[String]) -> f64 {
        let z = self.bias + f.iter().filter_map(|x| self.weights.get(x)).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Features seen in at least two training sentences.
fn train(data: &[&(Vec<String>, bool)], lambda: f64) -> Model {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, _) in data {
        for x in f {
            *count.entry(x.as_str()).or_default() += 1;
        }
    }
    let vocab: Vec<&str> = count
        .iter()
        .filter(|(_, c)| **c >= 2)
        .map(|(k, _)| *k)
        .collect();
    let index: BTreeMap<&str, usize> = vocab.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let rows: Vec<(Vec<usize>, f64)> = data
        .iter()
        .map(|(f, y)| {
            (
                f.iter()
                    .filter_map(|x| index.get(x.as_str()).copied())
                    .collect(),
                if *y { 1.0 } else { 0.0 },
            )
        })
        .collect();
    let n = rows.len() as f64;
    let mut w = vec![0.0; vocab.len()];
    let mut b = 0.0;
    let rate = 0.5;
    for _ in 0..3000 {
        let mut g = vec![0.0; vocab.len()];
        let mut gb = 0.0;
        for (xs, y) in &rows {
            let z = b + xs.iter().map(|&i| w[i]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let e = p - y;
            gb += e;
            for &i in xs {
                g[i] += e;
            }
        }
        b -= rate * gb / n;
        for i in 0..w.len() {
            w[i] -= rate * (g[i] / n + lambda * w[i]);
        }
    }
    Model {
        bias: b,
        weights: vocab
            .iter()
            .zip(w)
            .filter(|(_, x)| x.abs() >= 1e-4)
            .map(|(k, x)| (k.to_string(), x))
            .collect(),
    }
}

fn fold(name: &str, seed: u64) -> usize {
    // Deterministic: FNV-1a of the answer's name and the seed.
    let mut h: u64 = 0xcbf29ce484222325 ^ seed.wrapping_mul(0x9e3779b97f4a7c15);
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    (h % FOLDS as u64) as usize
}

const FOLDS: usize = 10;
/// Cross-validation is repeated with this many fold assignments, its counts pooled.
const SEEDS: u64 = 5;

/// Sentences that may state the task (see `task_model::may_state_task`).
fn eligible(f: &[String]) -> bool {
    may_state_task(f)
}

/// Out-of-fold highest sentence probability of every answer, for one fold assignment.
fn out_of_fold(answers: &[Answer], lambda: f64, seed: u64) -> Vec<f64> {
    let mut max_p = vec![0.0; answers.len()];
    for f in 0..FOLDS {
        let rows: Vec<&(Vec<String>, bool)> = answers
            .iter()
            .filter(|a| fold(&a.name, seed) != f)
            .flat_map(|a| a.sentences.iter())
            .collect();
        let m = train(&rows, lambda);
        for (i, a) in answers.iter().enumerate() {
            if fold(&a.name, seed) == f {
                max_p[i] = a
                    .sentences
                    .iter()
                    .filter(|s| eligible(&s.0))
                    .map(|s| m.prob(&s.0))
                    .fold(0.0, f64::max);
            }
        }
    }
    max_p
}

/// Answer-level task counts (tp, fp, fn) over a subset of answers.
fn counts(
    answers: &[Answer],
    pick: &[usize],
    max_p: &[f64],
    theta: f64,
    keep_rules: bool,
) -> [usize; 3] {
    let mut c = [0; 3];
    for &i in pick {
        let a = &answers[i];
        let pred = max_p[i] >= theta || (keep_rules && a.rule_task);
        match (pred, a.has_task) {
            (true, true) => c[0] += 1,
            (true, false) => c[1] += 1,
            (false, true) => c[2] += 1,
            _ => {}
        }
    }
    c
}

fn pr(c: [usize; 3]) -> (f64, f64) {
    let p = if c[0] + c[1] == 0 {
        1.0
    } else {
        c[0] as f64 / (c[0] + c[1]) as f64
    };
    let r = if c[0] + c[2] == 0 {
        1.0
    } else {
        c[0] as f64 / (c[0] + c[2]) as f64
    };
    (p, r)
}

fn add(a: [usize; 3], b: [usize; 3]) -> [usize; 3] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let answers = load(&root.join("fixtures/corpus"));
    let pos: usize = answers
        .iter()
        .map(|a| a.sentences.iter().filter(|s| s.1).count())
        .sum();
    let total: usize = answers.iter().map(|a| a.sentences.len()).sum();
    println!(
        "tuning answers: {} ({} with a task), sentences: {total} ({pos} task)",
        answers.len(),
        answers.iter().filter(|a| a.has_task).count()
    );
    let rules = counts(
        &answers,
        &(0..answers.len()).collect::<Vec<_>>(),
        &vec![0.0; answers.len()],
        2.0,
        true,
    );
    println!(
        "cue rules alone (tuned on most of these answers): P {:.3} R {:.3} (tp/fp/fn {rules:?})",
        pr(rules).0,
        pr(rules).1
    );
    let every: Vec<usize> = (0..answers.len()).collect();
    // Answers 172-193: the fourth held-out set. The cue rules were not tuned on them until the
    // sixth round, which added task cues for misses among all tuning answers (three of them
    // in 172-193), so the figures with the rules there are now partly in-sample.
    let set4: Vec<usize> = every
        .iter()
        .copied()
        .filter(|&i| {
            answers[i].name[..3]
                .parse::<u32>()
                .is_ok_and(|n| (172..=193).contains(&n))
        })
        .collect();
    let thetas: Vec<f64> = (4..=12).map(|t| t as f64 * 0.05).collect();
    // (min(P, R) of the model alone, lambda, theta, pooled counts alone, pooled counts on
    // 172-193 alone and with the rules)
    type Best = (f64, f64, f64, [usize; 3], [usize; 3], [usize; 3]);
    let mut best: Option<Best> = None;
    for lambda in [0.001, 0.003, 0.01, 0.03] {
        let runs: Vec<Vec<f64>> = (0..SEEDS)
            .map(|s| out_of_fold(&answers, lambda, s))
            .collect();
        for &theta in &thetas {
            let pool = |pick: &[usize], keep: bool| {
                runs.iter()
                    .map(|m| counts(&answers, pick, m, theta, keep))
                    .fold([0; 3], add)
            };
            let (alone, s4, s4u) = (pool(&every, false), pool(&set4, false), pool(&set4, true));
            let ((p, r), (p4, r4), (pu, ru)) = (pr(alone), pr(s4), pr(s4u));
            println!(
                "lambda {lambda:<5} theta {theta:.2}: model alone P {p:.3} R {r:.3} | on 172-193 model alone P {p4:.3} R {r4:.3}, with the rules P {pu:.3} R {ru:.3}"
            );
            // Chosen on the model alone over every tuning answer: the cue rules were tuned on
            // most of them, so figures with the rules are not an estimate for new answers.
            // Both must clear 0.9: scored by the weaker of the two.
            if best.is_none_or(|b| p.min(r) > b.0 + 1e-9) {
                best = Some((p.min(r), lambda, theta, alone, s4, s4u));
            }
        }
    }
    let (score, lambda, theta, alone, s4, s4u) = best.unwrap();
    // The rules' own tasks are kept beside the model's: on the four earlier held-out sets their
    // task precision was 1.00, 1.00, 0.92 and 0.89 (fixtures/corpus/README.md), so they add
    // recall at little cost in precision.
    let keep_rules = true;
    let per_seed = |c: [usize; 3]| c.map(|x| x as f64 / SEEDS as f64);
    let (p, r) = pr(alone);
    let (pu, ru) = pr(s4u);
    let summary = format!(
        "lambda {lambda}, threshold {theta:.2}; cross-validated ({FOLDS} folds, {SEEDS} fold assignments pooled), answer-level task:\n\
         model alone on the {n} tuning answers: precision {p:.3}, recall {r:.3} (per assignment tp/fp/fn {:?});\n\
         on 172-193 (rules' task cues tuned on 3 of them): model alone {:.3}/{:.3}, with the rules {pu:.3}/{ru:.3}",
        per_seed(alone),
        pr(s4).0,
        pr(s4).1,
        n = answers.len()
    );
    println!("chosen (min(P, R) {score:.3}): {summary}; rules' tasks kept: {keep_rules}");
    if std::env::var_os("TASK_MODEL_ERRORS").is_some() {
        // Out-of-fold misses of the model alone (tuning answers only), first fold assignment.
        let m = out_of_fold(&answers, lambda, 0);
        for (a, p) in answers.iter().zip(&m) {
            if (*p >= theta) != a.has_task {
                let what = if a.has_task { "missed" } else { "extra" };
                println!("  {what} {}: max p {p:.2}", a.name);
            }
        }
    }
    let all: Vec<&(Vec<String>, bool)> = answers.iter().flat_map(|a| a.sentences.iter()).collect();
    let m = train(&all, lambda);
    let mut out = String::new();
    writeln!(
        out,
        "//! Weights of the STAR task sentence model (`task_model.rs`). GENERATED by"
    )
    .unwrap();
    writeln!(
        out,
        "//! `scripts/train-task-model` from the corpus's tuning answers: do not edit by hand."
    )
    .unwrap();
    writeln!(
        out,
        "//! {} tuning answers, {total} sentences ({pos} of them stating the task).",
        answers.len()
    )
    .unwrap();
    for line in summary.lines() {
        writeln!(out, "//! {line}").unwrap();
    }
    writeln!(
        out,
        "//! The cue rules' own tasks are kept beside the model's."
    )
    .unwrap();
    writeln!(out).unwrap();
    writeln!(out, "/// Intercept.").unwrap();
    writeln!(out, "pub const BIAS: f64 = {:?};", m.bias).unwrap();
    writeln!(
        out,
        "/// A sentence at or above this probability states the task."
    )
    .unwrap();
    writeln!(out, "pub const THRESHOLD: f64 = {theta:.2};").unwrap();
    writeln!(
        out,
        "/// Whether the cue rules' own task sentences are kept beside the model's."
    )
    .unwrap();
    writeln!(out, "pub const KEEP_RULE_TASKS: bool = {keep_rules};").unwrap();
    writeln!(out, "/// Feature weights, sorted by name (binary search).").unwrap();
    writeln!(out, "pub const WEIGHTS: &[(&str, f64)] = &[").unwrap();
    for (k, w) in &m.weights {
        writeln!(out, "    ({k:?}, {:.4}),", w).unwrap();
    }
    writeln!(out, "];").unwrap();
    let path = root.join("crates/core/src/score/task_weights.rs");
    std::fs::write(&path, out).unwrap();
    let strongest: BTreeSet<(i64, &String)> = m
        .weights
        .iter()
        .map(|(k, w)| ((-w.abs() * 1000.0) as i64, k))
        .collect();
    println!("strongest features:");
    for (w, k) in strongest.iter().take(25) {
        println!(
            "  {k} {:.3}",
            m.weights[*k].signum() * (-*w as f64) / 1000.0
        );
    }
    println!("wrote {} ({} weights)", path.display(), m.weights.len());
}
