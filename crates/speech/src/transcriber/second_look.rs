//! A second look at the decoding steps where a filler nearly won.
//!
//! A filler run into the next word ("Um I booked") has no pause to set it apart, and greedy
//! decoding writes a word there instead ("I'm I booked"), often with the filler a few logits
//! behind. At each such step (recorded by the logit filter during `full()`) the decoder is run
//! again on the same encoded audio, twice from that step: once on what greedy decoding wrote,
//! once starting with the filler and continuing greedily, until the two agree again on two
//! tokens in a row. The filler's branch replaces the written one when the decoder finds it
//! nearly as likely ([`BRANCH_MARGIN`]), counting the tokens up to and including that
//! agreement; never in place of a filler already written. Only the decoder
//! runs (a few tokens, on the encoder output `full()` left in the state), no second encoder
//! pass.

use whisper_rs::{WhisperError, WhisperState};

/// A step where a filler came within [`CANDIDATE_GAP`] logits of the word greedy decoding took.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The tokens decoded before the step (after the prompt).
    pub prefix: Vec<i32>,
    /// The token written there.
    pub top: i32,
    /// The most likely filler there.
    pub filler: i32,
}

/// Greatest logit gap (after the filler bias) between the word written and a filler for the
/// step to be looked at again.
pub(crate) const CANDIDATE_GAP: f32 = 4.0;
/// How much less likely (natural log) the filler's branch may be and still replace the written
/// text: the +2 filler bias of the greedy pass ([`super::FILLER_BIAS`]) and 1.5 more. Measured on
/// fixtures/fillers (docs/fillers.md): 3.5 found 3 more run-in fillers and invented none, 4.0
/// invented one; 2.0 and 3.0 found none of them.
const BRANCH_MARGIN: f32 = 3.5;
/// Tokens the filler's branch may write before it agrees with the written text again.
const MAX_BRANCH: usize = 3;
/// Tokens of the written text the filler's branch may replace.
const MAX_REPLACED: usize = 3;
/// Tokens of a context decoded per call (see [`Decoder::start`]).
const CONTEXT_BATCH: usize = 8;

/// A change to the decoded tokens: `remove` tokens at `at` make way for `insert` (id, probability).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edit {
    pub at: usize,
    pub remove: usize,
    pub insert: Vec<(i32, f32)>,
}

/// The decoder, driven token by token on a state whose encoder output is already there.
struct Decoder<'s> {
    state: &'s mut WhisperState,
    threads: usize,
    /// Ids at or above this are not text.
    eot: i32,
    /// The tokens in the decoder's cache, by position: a context that starts with them is
    /// decoded from where they end (the prompt and the text before the previous step).
    cached: Vec<i32>,
}

impl Decoder<'_> {
    /// Log-probabilities over the text tokens after `context`.
    fn start(&mut self, context: &[i32]) -> Result<Vec<f32>, WhisperError> {
        let (last, head) = context.split_last().expect("the prompt is never empty");
        let common = self
            .cached
            .iter()
            .zip(head)
            .take_while(|(a, b)| a == b)
            .count();
        // In short batches: whisper.cpp computes and keeps the logits of every token of a
        // batch (200 KB each), and only the last is needed.
        for (i, chunk) in head[common..].chunks(CONTEXT_BATCH).enumerate() {
            self.state
                .decode(chunk, common + i * CONTEXT_BATCH, self.threads)?;
        }
        self.cached.truncate(common);
        self.cached.extend_from_slice(&head[common..]);
        self.step(*last, head.len())
    }

    /// Feeds one token at position `n_past`; log-probabilities of the next text token.
    fn step(&mut self, token: i32, n_past: usize) -> Result<Vec<f32>, WhisperError> {
        self.state.decode(&[token], n_past, self.threads)?;
        self.cached.truncate(n_past);
        self.cached.push(token);
        let logits = self.state.get_logits()?;
        Ok(log_softmax(&logits[..self.eot as usize]))
    }
}

fn log_softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|l| (l - max).exp()).sum();
    let log_z = max + sum.ln();
    logits.iter().map(|l| l - log_z).collect()
}

fn argmax(v: &[f32]) -> i32 {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = i;
        }
    }
    best as i32
}

/// Where the filler's branch `branch` (filler first) agrees again with the written tokens
/// `written` (the word replaced first) on two tokens in a row: (tokens of the branch before
/// the agreement, tokens of the written text before it). The earliest point in the branch,
/// then in the written text.
pub(crate) fn rejoin(branch: &[i32], written: &[i32]) -> Option<(usize, usize)> {
    for q in 1..branch.len().saturating_sub(1) {
        for r in 0..written.len().saturating_sub(1) {
            if branch[q] == written[r] && branch[q + 1] == written[r + 1] {
                return Some((q, r));
            }
        }
    }
    None
}

/// Looks again at each candidate step and returns the edits where the filler's branch wins.
/// `prompt` is what whisper.cpp put before the decoded tokens, `decoded` all the tokens it
/// decoded (timestamps included), in order. `in_cache` is what the state's decoder cache
/// holds from position 0 after `full()` (the prompt, then the tokens of its one attempt), so
/// a candidate's context is not decoded again; empty when that is not known.
#[allow(clippy::too_many_arguments)]
pub(crate) fn second_look(
    state: &mut WhisperState,
    threads: usize,
    eot: i32,
    fillers: &[i32],
    prompt: &[i32],
    decoded: &[i32],
    candidates: &[Candidate],
    in_cache: Vec<i32>,
) -> Result<Vec<Edit>, WhisperError> {
    let mut dec = Decoder {
        state,
        threads: threads.max(1),
        eot,
        cached: in_cache,
    };
    let mut edits: Vec<Edit> = Vec::new();
    // Where each text token of `decoded` is (timestamps do not all reach the segments).
    let text_at: Vec<usize> = (0..decoded.len()).filter(|&i| decoded[i] < eot).collect();
    for c in candidates {
        let prefix_text: Vec<i32> = c.prefix.iter().copied().filter(|&t| t < eot).collect();
        // A step of a decoding whisper.cpp threw away (temperature fallback), or one inside a
        // change already made: not what was written.
        let Some(&k) = text_at.get(prefix_text.len()) else {
            continue;
        };
        let same = text_at[..prefix_text.len()]
            .iter()
            .map(|&i| decoded[i])
            .eq(prefix_text.iter().copied());
        if !same || decoded[k] != c.top {
            continue;
        }
        if edits.last().is_some_and(|e| k < e.at + e.remove.max(1)) {
            continue;
        }
        // The written text from the step on, while it is text.
        let written: Vec<i32> = decoded[k..]
            .iter()
            .take(MAX_REPLACED + 2)
            .take_while(|&&t| t < eot)
            .copied()
            .collect();
        if written.len() < 2 {
            continue;
        }
        let mut context: Vec<i32> = prompt.to_vec();
        context.extend_from_slice(&c.prefix);
        let n0 = context.len();
        let first = dec.start(&context)?;
        // The filler's branch, greedy after the filler.
        let mut branch = vec![c.filler];
        let mut branch_lp = vec![first[c.filler as usize]];
        while branch.len() < MAX_BRANCH + 2 {
            let n_past = n0 + branch.len() - 1;
            let lp = dec.step(*branch.last().expect("not empty"), n_past)?;
            let next = argmax(&lp);
            branch_lp.push(lp[next as usize]);
            branch.push(next);
        }
        let Some((q, r)) = rejoin(&branch, &written) else {
            continue;
        };
        // Never in place of a filler already written.
        if written[..r].iter().any(|t| fillers.contains(t)) {
            continue;
        }
        // The written branch, up to and including the two tokens where they agree.
        let mut written_lp = vec![first[written[0] as usize]];
        for i in 1..r + 2 {
            let lp = dec.step(written[i - 1], n0 + i - 1)?;
            written_lp.push(lp[written[i] as usize]);
        }
        let lp_branch: f32 = branch_lp[..q + 2].iter().sum();
        let lp_written: f32 = written_lp.iter().sum();
        tracing::debug!(
            "second look at token {k}: filler branch {lp_branch:.2} ({q} tokens), written \
             {lp_written:.2} ({r} tokens)"
        );
        if lp_branch + BRANCH_MARGIN >= lp_written {
            edits.push(Edit {
                at: k,
                remove: r,
                insert: branch[..q]
                    .iter()
                    .zip(&branch_lp)
                    .map(|(&t, lp)| (t, lp.exp()))
                    .collect(),
            });
        }
    }
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branches_rejoin_at_the_first_two_tokens_in_common() {
        // "Um I booked a" against "I'm I booked a": the filler replaces "I", "'m".
        let (um, i, m, booked, a) = (1, 2, 3, 4, 5);
        assert_eq!(
            rejoin(&[um, i, booked, a], &[i, m, i, booked, a]),
            Some((1, 2))
        );
        // "Um I might" against "I might": the filler is put before the written text.
        let might = 6;
        assert_eq!(rejoin(&[um, i, might], &[i, might]), Some((1, 0)));
        // Never agreeing again: no change.
        assert_eq!(rejoin(&[um, a, a], &[i, m, booked]), None);
        // Agreement must be on two tokens in a row.
        assert_eq!(rejoin(&[um, i, a], &[i, m]), None);
    }

    #[test]
    fn log_softmax_normalises() {
        let lp = log_softmax(&[1.0, 2.0, 3.0]);
        let total: f32 = lp.iter().map(|l| l.exp()).sum();
        assert!((total - 1.0).abs() < 1e-5);
        assert!(lp[2] > lp[1] && lp[1] > lp[0]);
    }
}
