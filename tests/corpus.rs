//! Measured accuracy on the labelled corpus in `fixtures/corpus/` (see its README).
//!
//! Scores every answer at text level (`Transcript::from_plain_text`), compares fillers, STAR
//! parts and result metrics with the labels, prints precision and recall per component and
//! asserts the Done thresholds. Run with `cargo test --test corpus -- --nocapture` to see figures.

use serde::Deserialize;
use starcoach::questions::guess_kind;
use starcoach::score::doc::Doc;
use starcoach::score::star::StarPart;
use starcoach::score::{score_answer, AnswerContext, QuestionKind, ScoringConfig};
use starcoach::transcript::Transcript;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Deserialize)]
struct FillerLabel {
    text: String,
    n: usize,
}

#[derive(Deserialize)]
struct Labelled {
    question: String,
    kind: QuestionKind,
    #[allow(dead_code)]
    hard: bool,
    /// Written after tuning and scored once without further tuning.
    #[serde(default)]
    holdout: bool,
    star: Vec<String>,
    results: Vec<String>,
    fillers: Vec<FillerLabel>,
    answer: String,
    #[allow(dead_code)]
    annotated: String,
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn add<T: Ord + Clone>(&mut self, pred: &BTreeSet<T>, gold: &BTreeSet<T>) -> (Vec<T>, Vec<T>) {
        let fp: Vec<T> = pred.difference(gold).cloned().collect();
        let fn_: Vec<T> = gold.difference(pred).cloned().collect();
        self.tp += pred.intersection(gold).count();
        self.fp += fp.len();
        self.fn_ += fn_.len();
        (fp, fn_)
    }
}

fn load() -> Vec<(String, Labelled)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let l: Labelled = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), l)
        })
        .collect()
}

/// n-th occurrence (1-based) of `phrase` among the answer's words, counting to `word_index`.
fn occurrence(doc: &Doc, phrase: &str, word_index: usize) -> usize {
    let words: Vec<&str> = phrase.split(' ').collect();
    (0..=word_index)
        .filter(|&i| doc.matches_at(i, &words))
        .count()
}

fn key(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '%' | '$' | '.'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches('.')
        .to_string()
}

/// Counts for one component: [whole corpus, tuning set, held-out set].
#[derive(Default)]
struct Sets([Counts; 3]);

impl Sets {
    fn add<T: Ord + Clone>(
        &mut self,
        holdout: bool,
        pred: &BTreeSet<T>,
        gold: &BTreeSet<T>,
    ) -> (Vec<T>, Vec<T>) {
        self.0[if holdout { 2 } else { 1 }].add(pred, gold);
        self.0[0].add(pred, gold)
    }
    fn count(&mut self, holdout: bool, tp: usize, fp: usize, fn_: usize) {
        for k in [0, if holdout { 2 } else { 1 }] {
            self.0[k].tp += tp;
            self.0[k].fp += fp;
            self.0[k].fn_ += fn_;
        }
    }
}

#[test]
fn corpus_accuracy() {
    let corpus = load();
    assert!(corpus.len() >= 40, "corpus has {} answers", corpus.len());
    let cfg = ScoringConfig::default();
    let (mut fill, mut star, mut res) = (Sets::default(), Sets::default(), Sets::default());
    let mut kinds_right = 0;
    for (name, l) in &corpus {
        let t = Transcript::from_plain_text(&l.answer, Some(name.clone()));
        let a = score_answer(
            &t,
            &AnswerContext::new(Some(&l.question), Some(l.kind)),
            &cfg,
        );
        if guess_kind(&l.question) == l.kind {
            kinds_right += 1;
        } else {
            println!(
                "{name}: kind guessed {} for {:?}",
                guess_kind(&l.question),
                l.question
            );
        }
        // Fillers: (words, n-th occurrence).
        let doc = Doc::new(&t);
        let pred: BTreeSet<(String, usize)> = a
            .fillers
            .iter()
            .map(|f| (f.text.clone(), occurrence(&doc, &f.text, f.word_index)))
            .collect();
        let gold: BTreeSet<(String, usize)> =
            l.fillers.iter().map(|f| (f.text.clone(), f.n)).collect();
        let (fp, fn_) = fill.add(l.holdout, &pred, &gold);
        if !fp.is_empty() || !fn_.is_empty() {
            println!("{name}: fillers extra {fp:?} missed {fn_:?}");
        }
        // STAR parts present (behavioral only).
        if l.kind == QuestionKind::Behavioral {
            let s = a.star.as_ref().expect("behavioral answers have STAR");
            let pred: BTreeSet<String> = StarPart::ALL
                .into_iter()
                .filter(|p| s.part(*p).present)
                .map(|p| p.as_str().to_string())
                .collect();
            let gold: BTreeSet<String> = l.star.iter().cloned().collect();
            let (fp, fn_) = star.add(l.holdout, &pred, &gold);
            if !fp.is_empty() || !fn_.is_empty() {
                println!("{name}: star extra {fp:?} missed {fn_:?}");
                for si in &a.sentences {
                    println!(
                        "    {:?}/{:?}: {}",
                        si.part.map(|p| p.as_str()),
                        si.also.map(|p| p.as_str()),
                        si.text
                    );
                }
            }
        } else {
            assert!(
                a.star.is_none(),
                "{name}: {} answers are not judged as STAR",
                l.kind
            );
        }
        // Result metrics: matched one to one when either text contains the other.
        let mut gold: Vec<String> = l.results.iter().map(|r| key(r)).collect();
        let (mut tp, mut extra) = (0, Vec::new());
        for q in &a.quantified_results {
            let p = key(&q.text);
            if let Some(i) = gold
                .iter()
                .position(|g| g.contains(&p) || p.contains(g.as_str()))
            {
                gold.remove(i);
                tp += 1;
            } else {
                extra.push(q.text.clone());
            }
        }
        res.count(l.holdout, tp, extra.len(), gold.len());
        if !extra.is_empty() || !gold.is_empty() {
            let ctx: Vec<_> = a.context_numbers.iter().map(|q| q.text.as_str()).collect();
            println!("{name}: results extra {extra:?} missed {gold:?} (context: {ctx:?})");
        }
    }
    let held = corpus.iter().filter(|(_, l)| l.holdout).count();
    for (k, set) in ["whole corpus", "tuning set", "held-out set"]
        .iter()
        .enumerate()
    {
        let n = [corpus.len(), corpus.len() - held, held][k];
        println!("\n{set}: {n} answers");
        for (what, c) in [
            ("fillers", &fill.0[k]),
            ("star parts", &star.0[k]),
            ("result metrics", &res.0[k]),
        ] {
            println!(
                "{what:>15}: precision {:.3} recall {:.3} (tp {}, fp {}, fn {})",
                c.precision(),
                c.recall(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
    }
    println!(
        "  kind guessing: {kinds_right}/{} from the question text",
        corpus.len()
    );
    let (f, s, r) = (&fill.0[0], &star.0[0], &res.0[0]);
    assert!(
        f.precision() >= 0.95 && f.recall() >= 0.95,
        "fillers below 0.95/0.95"
    );
    assert!(
        s.precision() >= 0.85 && s.recall() >= 0.85,
        "STAR below 0.85/0.85"
    );
    assert!(
        r.precision() >= 0.90 && r.recall() >= 0.90,
        "result metrics below 0.90/0.90"
    );
}
