//! Filler words and hedges, told apart from their look-alikes.
//!
//! "um" is always a filler; "like" and "you know" only when they carry no meaning ("it was,
//! like, a mess" but not "I like it" or "do you know what"). The decisions use the words
//! around and the transcriber's commas. Hedges ("kind of", "I guess") are their own category.

use serde::{Deserialize, Serialize};

use super::config::FillerConfig;
use super::doc::Doc;

/// Category of a filler, by how much it costs the listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FillerKind {
    /// um, uh, er, ah, hmm: weighted highest.
    Hesitation,
    /// "like", "you know", sentence-initial "so,": discourse markers.
    Discourse,
    /// "I mean", "basically", "actually", "literally": softer, weighted less.
    Soft,
    /// "kind of", "sort of", "I guess", "maybe", "I think": hedges, reported apart.
    Hedge,
}

impl FillerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FillerKind::Hesitation => "hesitation",
            FillerKind::Discourse => "discourse",
            FillerKind::Soft => "soft",
            FillerKind::Hedge => "hedge",
        }
    }
}

/// One filler occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Filler {
    /// Normalised words ("um", "you know").
    pub text: String,
    pub kind: FillerKind,
    pub start_s: f64,
    pub end_s: f64,
    /// Index of its first word in the answer.
    pub word_index: usize,
    /// How sure the transcriber was of its words, 0-1: their lowest probability. A hesitation
    /// heard in the audio that Whisper did not write has 0.5 (`transcriber::timing`).
    #[serde(default = "one")]
    pub confidence: f32,
}

fn one() -> f32 {
    1.0
}

/// Several fillers close together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Burst {
    pub start_s: f64,
    pub end_s: f64,
    pub count: usize,
}

/// Counts and rates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FillerStats {
    /// Fillers other than hedges.
    pub count: usize,
    pub hesitation: usize,
    pub discourse: usize,
    pub soft: usize,
    pub hedges: usize,
    /// Fillers (not hedges) per minute of speaking time.
    pub per_min: f64,
    /// Fillers (not hedges) per 100 words.
    pub per_100_words: f64,
    /// Weighted by kind (um/uh 1.0, like/you know less), per minute.
    pub weighted_per_min: f64,
    pub bursts: Vec<Burst>,
}

const HESITATIONS: &[&str] = &[
    "um", "umm", "ummm", "uh", "uhh", "uhm", "er", "erm", "ah", "ahh", "hmm", "hm", "mm",
];
const SOFT: &[&str] = &["basically", "actually", "literally"];
/// Subjects and modals before "like" the verb.
const LIKE_SUBJECT: &[&str] = &[
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "would",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "don't",
    "didn't",
    "not",
    "really",
    "also",
    "to",
    "genuinely",
    "who",
    "people",
    "customers",
    "users",
];
/// Words after which "like" is a verb or a comparison, not a filler.
const LIKE_BEFORE_VERB: &[&str] = &[
    "i",
    "you",
    "we",
    "they",
    "he",
    "she",
    "would",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "looks",
    "look",
    "looked",
    "looking",
    "seems",
    "seemed",
    "sounds",
    "sounded",
    "feel",
    "feels",
    "felt",
    "something",
    "things",
    "much",
    "more",
    "just",
    "don't",
    "didn't",
    "not",
    "really",
    "also",
    "people",
    "customers",
    "users",
    "to",
    "anything",
    "nothing",
    "is",
    "what",
    "exactly",
    "things",
    "stuff",
    "tools",
    "tool",
    "a",
    "lot",
    "did",
    "do",
    "does",
    "really",
    "genuinely",
];
const NUMBERISH: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "dozen",
];
const INTENSIFIERS: &[&str] = &[
    "really",
    "super",
    "totally",
    "so",
    "very",
    "just",
    "basically",
    "literally",
    "completely",
    "insanely",
    "crazy",
    "um",
    "uh",
];
/// Words after "you know" that make it a real question or verb ("you know what", "you know how to").
const KNOW_OBJECT: &[&str] = &[
    "what", "how", "where", "when", "why", "who", "whether", "if", "about", "the", "a", "an",
    "him", "her", "them", "it", "this", "that", "your", "my", "our", "their", "each", "everyone",
    "exactly", "which",
];
const KNOW_BEFORE: &[&str] = &[
    "do", "did", "don't", "didn't", "if", "whether", "as", "would", "wouldn't", "let", "to",
    "will", "might", "may", "can", "could", "you'll", "so", "that", "i", "we",
];
const KIND_OF_DETERMINERS: &[&str] = &[
    "a",
    "what",
    "the",
    "this",
    "that",
    "one",
    "any",
    "every",
    "some",
    "which",
    "same",
    "these",
    "those",
    "no",
    "all",
    "right",
    "other",
    "different",
    "new",
    "first",
    "only",
    "our",
    "my",
    "your",
    "their",
    "exact",
    "wrong",
    "type",
    "whatever",
];

/// Finds fillers and hedges in order.
pub fn detect(doc: &Doc, cfg: &FillerConfig) -> Vec<Filler> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        let w = doc.toks[i].norm.as_str();
        let prev = doc.norm(i as isize - 1);
        let next = doc.norm(i as isize + 1);
        let sent_start = i == 0 || doc.toks[i - 1].sentence != doc.toks[i].sentence;
        let prev_break = i > 0 && doc.toks[i - 1].break_after() || sent_start;
        let mut found: Option<(usize, FillerKind)> = None;
        if HESITATIONS.contains(&w) {
            found = Some((1, FillerKind::Hesitation));
        } else if w == "like" {
            if is_filler_like(doc, i, prev, next, prev_break) {
                found = Some((1, FillerKind::Discourse));
            }
        } else if w == "you" && next == "know" {
            if is_filler_you_know(doc, i, prev, prev_break) {
                found = Some((2, FillerKind::Discourse));
            }
        } else if w == "so"
            && doc.toks[i].comma_after()
            && (sent_start
                || matches!(prev, "okay" | "ok" | "well" | "right" | "alright" | "yeah")
                || out
                    .last()
                    .is_some_and(|f: &Filler| f.word_index + f.text.split(' ').count() == i))
        {
            found = Some((1, FillerKind::Discourse));
        } else if w == "i" && next == "mean" {
            let mean = &doc.toks[i + 1];
            let after = doc.norm(i as isize + 2);
            if mean.break_after()
                || (prev_break && matches!(after, "we" | "i" | "the" | "they" | "like" | "you"))
            {
                found = Some((2, FillerKind::Soft));
            }
        } else if SOFT.contains(&w) {
            found = Some((1, FillerKind::Soft));
        } else if (w == "kind" || w == "sort") && next == "of" {
            if !KIND_OF_DETERMINERS.contains(&prev) {
                found = Some((2, FillerKind::Hedge));
            }
        } else if w == "i" && matches!(next, "guess" | "think" | "suppose") {
            found = Some((2, FillerKind::Hedge));
        } else if matches!(w, "maybe" | "perhaps") {
            found = Some((1, FillerKind::Hedge));
        }
        match found {
            Some((len, kind)) if kind != FillerKind::Soft || cfg.report_soft => {
                let last = &doc.toks[(i + len - 1).min(n - 1)];
                out.push(Filler {
                    text: doc.toks[i..(i + len).min(n)]
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    kind,
                    start_s: doc.toks[i].start_s,
                    end_s: last.end_s,
                    word_index: i,
                    confidence: doc.toks[i..(i + len).min(n)]
                        .iter()
                        .map(|t| t.probability)
                        .fold(1.0, f32::min),
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_filler_like(doc: &Doc, i: usize, prev: &str, next: &str, prev_break: bool) -> bool {
    let tok = &doc.toks[i];
    let flanked = prev_break && tok.comma_after();
    if LIKE_SUBJECT.contains(&prev) && !flanked {
        // "I like", "would like", "don't like": the verb.
        return false;
    }
    // "we had like twenty people", "I did like a few jobs": an approximator.
    if is_approximator(doc, i) {
        return !matches!(
            prev,
            "something"
                | "anything"
                | "looks"
                | "look"
                | "looked"
                | "seems"
                | "sounds"
                | "feel"
                | "felt"
        );
    }
    if LIKE_BEFORE_VERB.contains(&prev) && !flanked {
        // "looks like", "something like", "a tool like this": meaning, not filler.
        return false;
    }
    if tok.comma_after() || (prev_break && i > 0) {
        // "it was, like, chaos", but not sentence-initial "Like most teams".
        return tok.comma_after() || INTENSIFIERS.contains(&next);
    }
    // "it was like really hard".
    INTENSIFIERS.contains(&next)
}

/// "like" before a rough quantity: "like twenty", "like a few", "like many".
fn is_approximator(doc: &Doc, i: usize) -> bool {
    let next = doc.norm(i as isize + 1);
    let next2 = doc.norm(i as isize + 2);
    if next == "a" {
        return matches!(
            next2,
            "few"
                | "couple"
                | "hundred"
                | "thousand"
                | "dozen"
                | "million"
                | "bunch"
                | "third"
                | "quarter"
        );
    }
    is_number(next)
        || matches!(
            next,
            "many" | "several" | "hundreds" | "thousands" | "dozens" | "half"
        )
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit() || c == '$') || NUMBERISH.contains(&w)
}

fn is_filler_you_know(doc: &Doc, i: usize, prev: &str, prev_break: bool) -> bool {
    if KNOW_BEFORE.contains(&prev) && !prev_break {
        return false;
    }
    let know = &doc.toks[i + 1];
    let after = doc.norm(i as isize + 2);
    if know.break_after() || after.is_empty() {
        return true;
    }
    if know.raw.ends_with('?') {
        return false;
    }
    // "you know how to", "you know the answer": real verb.
    if KNOW_OBJECT.contains(&after) {
        return false;
    }
    // Set off before ("..., you know we had") or mid-clause ("it was you know hard").
    true
}

/// Rates, weighted rate and bursts.
pub fn stats(fillers: &[Filler], words: usize, speaking_s: f64, cfg: &FillerConfig) -> FillerStats {
    let mut s = FillerStats::default();
    let mut weighted = 0.0;
    for f in fillers {
        match f.kind {
            FillerKind::Hesitation => {
                s.hesitation += 1;
                weighted += cfg.weight_hesitation
            }
            FillerKind::Discourse => {
                s.discourse += 1;
                weighted += cfg.weight_discourse
            }
            FillerKind::Soft => {
                s.soft += 1;
                weighted += cfg.weight_soft
            }
            FillerKind::Hedge => {
                s.hedges += 1;
                weighted += cfg.weight_hedge
            }
        }
    }
    s.count = s.hesitation + s.discourse + s.soft;
    let minutes = speaking_s / 60.0;
    if minutes > 0.0 {
        s.per_min = s.count as f64 / minutes;
        s.weighted_per_min = weighted / minutes;
    }
    if words > 0 {
        s.per_100_words = s.count as f64 * 100.0 / words as f64;
    }
    // Bursts: maximal runs where `burst_count` non-hedge fillers fall within the window.
    let times: Vec<(f64, f64)> = fillers
        .iter()
        .filter(|f| f.kind != FillerKind::Hedge)
        .map(|f| (f.start_s, f.end_s))
        .collect();
    let k = cfg.burst_count.max(2);
    let mut i = 0;
    while i + k <= times.len() {
        if times[i + k - 1].0 - times[i].0 <= cfg.burst_window_s {
            let mut j = i + k - 1;
            while j + 1 < times.len() && times[j + 1].0 - times[j + 2 - k].0 <= cfg.burst_window_s {
                j += 1;
            }
            s.bursts.push(Burst {
                start_s: times[i].0,
                end_s: times[j].1,
                count: j - i + 1,
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Transcript;

    fn found(text: &str) -> Vec<String> {
        let d = Doc::new(&Transcript::from_plain_text(text, None));
        detect(&d, &FillerConfig::default())
            .into_iter()
            .map(|f| format!("{}:{}", f.text, f.kind.as_str()))
            .collect()
    }

    #[test]
    fn hesitations() {
        assert_eq!(
            found("Um, I think, uh, yes."),
            ["um:hesitation", "i think:hedge", "uh:hesitation"]
        );
    }

    #[test]
    fn like_lookalikes_are_not_fillers() {
        for t in [
            "I like it.",
            "We needed a tool like this.",
            "It looks like the data was wrong.",
            "I would like to lead.",
            "Like most teams, we struggled.",
            "Things like billing broke.",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn like_as_filler() {
        assert_eq!(found("It was, like, a mess."), ["like:discourse"]);
        assert_eq!(found("We had like twenty people."), ["like:discourse"]);
        assert_eq!(found("It was like really hard."), ["like:discourse"]);
    }

    #[test]
    fn you_know() {
        assert!(found("Do you know what happened?").is_empty());
        assert!(found("You know how to do it.").is_empty());
        assert_eq!(found("It was, you know, hard."), ["you know:discourse"]);
        assert_eq!(found("We shipped it, you know."), ["you know:discourse"]);
    }

    #[test]
    fn hedges_and_soft() {
        assert_eq!(found("It was kind of slow."), ["kind of:hedge"]);
        assert!(found("What kind of tool?").is_empty());
        assert_eq!(
            found("I mean, basically it worked."),
            ["i mean:soft", "basically:soft"]
        );
        assert!(found("I mean it.").is_empty());
    }

    #[test]
    fn bursts_and_rates() {
        let d = Doc::new(&Transcript::from_plain_text(
            "um uh so um we did it and it was fine really",
            None,
        ));
        let cfg = FillerConfig::default();
        let f = detect(&d, &cfg);
        let s = stats(&f, d.toks.len(), d.speaking_s(), &cfg);
        assert_eq!(s.count, 3);
        assert_eq!(s.bursts.len(), 1);
        assert_eq!(s.bursts[0].count, 3);
        assert!(s.per_100_words > 20.0);
        let empty = stats(&[], 0, 0.0, &cfg);
        assert_eq!(empty.per_min, 0.0);
    }

    #[test]
    fn confidence_is_the_lowest_word_probability() {
        let mut t = Transcript::from_plain_text("So uh we did it, you know.", None);
        for (w, p) in t.segments[0]
            .words
            .iter_mut()
            .zip([0.9, 0.5, 0.9, 0.9, 0.9, 0.8, 0.6])
        {
            w.probability = p;
        }
        let f = detect(&Doc::new(&t), &FillerConfig::default());
        let c: Vec<(String, f32)> = f.iter().map(|f| (f.text.clone(), f.confidence)).collect();
        assert!(c.contains(&("uh".into(), 0.5)), "{c:?}");
        assert!(c.contains(&("you know".into(), 0.6)), "{c:?}");
        let plain = detect(
            &Doc::new(&Transcript::from_plain_text("Um, yes.", None)),
            &FillerConfig::default(),
        );
        assert_eq!(plain[0].confidence, 1.0);
    }
}
