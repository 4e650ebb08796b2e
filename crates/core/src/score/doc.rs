//! The transcript as the scorer reads it: timed tokens grouped into sentences.
//!
//! Every detector (fillers, STAR, numbers) needs the same view: each word normalised, its raw
//! punctuation kept (commas tell a filler "like" from a verb), its time, and its sentence.

use crate::transcript::Transcript;

/// One word, normalised.
#[derive(Debug, Clone)]
pub struct Tok {
    /// As transcribed, trimmed ("like,").
    pub raw: String,
    /// Lowercase, outer punctuation stripped, inner apostrophes/digits kept ("like", "2.1", "$1.2").
    pub norm: String,
    pub start_s: f64,
    pub end_s: f64,
    pub sentence: usize,
    /// The transcriber's confidence in the word, 0-1 (1.0 for a plain-text transcript).
    pub probability: f32,
}

impl Tok {
    /// True when the raw word ends with a comma, dash or other soft break.
    pub fn comma_after(&self) -> bool {
        self.raw.ends_with([',', ';', ':', '-', '—'])
    }
    /// True when the raw word ends a sentence.
    pub fn ends_sentence(&self) -> bool {
        let r = self.raw.trim_end_matches(['"', '\'', ')', '”', '’']);
        r.ends_with(['.', '?', '!', '…'])
    }
    /// Any break after the word (comma or sentence end).
    pub fn break_after(&self) -> bool {
        self.comma_after() || self.ends_sentence()
    }
}

/// A sentence: a range of tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub first: usize,
    /// Exclusive.
    pub end: usize,
    pub text: String,
    /// Normalised words joined by single spaces, for phrase regexes.
    pub norm: String,
    pub start_s: f64,
    pub end_s: f64,
}

/// Tokens and sentences of one answer.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub toks: Vec<Tok>,
    pub sentences: Vec<Sentence>,
}

/// Normalises one word: lowercase, strip outer punctuation, keep `$`, `%`, inner `.`/`'`/`-`.
pub fn normalize(raw: &str) -> String {
    let lower = raw.trim().to_lowercase().replace(['’', '‘'], "'");
    let trimmed = lower
        .trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '$' || c == '£' || c == '€'))
        .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '%'));
    trimmed.to_string()
}

/// Words of a sentence longer than this with no punctuation are split at connectives.
const MAX_UNPUNCTUATED: usize = 35;

impl Doc {
    pub fn new(t: &Transcript) -> Doc {
        // Times are made finite and non-decreasing so later arithmetic never sees NaN.
        let mut last = 0.0_f64;
        let mut toks: Vec<Tok> = t
            .words()
            .filter(|w| !w.text.trim().is_empty())
            .map(|w| {
                let start = if w.start_s.is_finite() {
                    w.start_s.max(last)
                } else {
                    last
                };
                let end = if w.end_s.is_finite() {
                    w.end_s.max(start)
                } else {
                    start
                };
                last = end;
                Tok {
                    raw: w.text.trim().to_string(),
                    norm: normalize(&w.text),
                    start_s: start,
                    end_s: end,
                    sentence: 0,
                    probability: w.probability,
                }
            })
            .collect();
        // Drop pure punctuation tokens but keep their punctuation on the previous word.
        let mut i = 0;
        while i < toks.len() {
            if toks[i].norm.is_empty() {
                let raw = toks[i].raw.clone();
                if i > 0 {
                    toks[i - 1].raw.push_str(&raw);
                }
                toks.remove(i);
            } else {
                i += 1;
            }
        }
        let mut bounds = Vec::new();
        let mut start = 0;
        for (i, tok) in toks.iter().enumerate() {
            if tok.ends_sentence() {
                bounds.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < toks.len() {
            bounds.push((start, toks.len()));
        }
        // Split very long unpunctuated runs at connectives so STAR still has sentences to read.
        let mut split = Vec::new();
        for (a, b) in bounds {
            let mut s = a;
            for i in a..b {
                let n = &toks[i].norm;
                let is_conn = matches!(n.as_str(), "so" | "then" | "but" | "and")
                    && (i == 0 || !toks[i - 1].comma_after());
                if is_conn && i - s >= 8 && b - a > MAX_UNPUNCTUATED && b - i >= 4 {
                    split.push((s, i));
                    s = i;
                }
            }
            split.push((s, b));
        }
        let mut sentences = Vec::new();
        for (k, (a, b)) in split.into_iter().enumerate() {
            for tok in &mut toks[a..b] {
                tok.sentence = k;
            }
            let text = toks[a..b]
                .iter()
                .map(|t| t.raw.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let norm = toks[a..b]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            sentences.push(Sentence {
                first: a,
                end: b,
                text,
                norm,
                start_s: toks[a].start_s,
                end_s: toks[b - 1].end_s,
            });
        }
        Doc { toks, sentences }
    }

    /// Normalised word at `i`, or "" past either end.
    pub fn norm(&self, i: isize) -> &str {
        if i < 0 {
            return "";
        }
        self.toks.get(i as usize).map_or("", |t| t.norm.as_str())
    }

    /// True when the words starting at `i` are `phrase`.
    pub fn matches_at(&self, i: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.toks.get(i + k).is_some_and(|t| t.norm == *p))
    }

    /// Seconds from first to last word (0 when empty).
    pub fn speaking_s(&self) -> f64 {
        match (self.toks.first(), self.toks.last()) {
            (Some(a), Some(b)) => (b.end_s - a.start_s).max(0.0),
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_words() {
        assert_eq!(normalize("Like,"), "like");
        assert_eq!(normalize("20%."), "20%");
        assert_eq!(normalize("$1.2"), "$1.2");
        assert_eq!(normalize("\"I'm"), "i'm");
        assert_eq!(normalize("..."), "");
    }

    #[test]
    fn splits_sentences() {
        let t = Transcript::from_plain_text("We had a problem. So I fixed it! Done", None);
        let d = Doc::new(&t);
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.sentences[1].norm, "so i fixed it");
    }

    #[test]
    fn splits_long_unpunctuated_text() {
        let text = "we had a problem with the release process at work and nobody owned it \
            so I decided to write a checklist and I went through it with every engineer on the team \
            and then the releases got much faster and nobody complained after that at all";
        let d = Doc::new(&Transcript::from_plain_text(text, None));
        assert!(d.sentences.len() >= 3, "{:?}", d.sentences.len());
    }

    #[test]
    fn empty_is_fine() {
        let d = Doc::new(&Transcript::from_plain_text("", None));
        assert!(d.toks.is_empty() && d.sentences.is_empty());
        assert_eq!(d.speaking_s(), 0.0);
        assert_eq!(d.norm(-1), "");
    }
}
