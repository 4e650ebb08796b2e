//! Two voices or one: clustering the sentences of a recording by how they sound.
//!
//! Each sentence comes with a voice print (a vector of acoustic features the caller measured
//! over the sentence's audio, e.g. cepstral means and pitch). Sentences that read like
//! interview questions seed the interviewer; long sentences that do not, the candidate. Two
//! means then settle, weighted by duration. The recording has two voices when the two groups
//! sit far apart compared with their spread; otherwise it is one voice (a candidate reading
//! the questions aloud) and the split rests on the words alone.

/// One sentence as the clustering sees it.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub print: Option<Vec<f32>>,
    pub duration_s: f64,
    /// Seeds the interviewer side.
    pub question: bool,
}

/// The outcome: which side each sentence is on (true: interviewer), and how far apart the two
/// sides sit (between-centre distance over within-side spread).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sides {
    pub interviewer: Vec<bool>,
    pub separation: f64,
}

/// Sides of at least this separation are two voices.
pub(crate) const TWO_VOICES_MIN_SEPARATION: f64 = 2.0;

/// Clusters `samples` into interviewer and candidate; `None` when there is too little to tell
/// (no seeds on one side, or no voice prints).
pub(crate) fn sides(samples: &[Sample]) -> Option<Sides> {
    let dims = samples.iter().find_map(|s| s.print.as_ref())?.len();
    if dims == 0 {
        return None;
    }
    // Standardise each feature over the recording (duration-weighted), so no one feature's
    // scale decides.
    let usable: Vec<(usize, &Vec<f32>, f64)> = samples
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            s.print
                .as_ref()
                .filter(|p| p.len() == dims && p.iter().all(|x| x.is_finite()))
                .map(|p| (i, p, s.duration_s.clamp(0.2, 10.0)))
        })
        .collect();
    if usable.len() < 3 {
        return None;
    }
    let total_w: f64 = usable.iter().map(|u| u.2).sum();
    let mut mean = vec![0.0f64; dims];
    for (_, p, w) in &usable {
        for (m, x) in mean.iter_mut().zip(p.iter()) {
            *m += f64::from(*x) * w / total_w;
        }
    }
    let mut sd = vec![0.0f64; dims];
    for (_, p, w) in &usable {
        for ((s, x), m) in sd.iter_mut().zip(p.iter()).zip(&mean) {
            *s += (f64::from(*x) - m).powi(2) * w / total_w;
        }
    }
    let sd: Vec<f64> = sd.into_iter().map(|v| v.sqrt().max(1e-6)).collect();
    let z: Vec<Vec<f64>> = usable
        .iter()
        .map(|(_, p, _)| {
            p.iter()
                .zip(&mean)
                .zip(&sd)
                .map(|((x, m), s)| (f64::from(*x) - m) / s)
                .collect()
        })
        .collect();
    let weights: Vec<f64> = usable.iter().map(|u| u.2).collect();
    // Seeds: questions for the interviewer; sentences of 2 s or more that are not questions
    // for the candidate.
    let mut side: Vec<Option<bool>> = usable
        .iter()
        .map(|(i, _, _)| {
            let s = &samples[*i];
            if s.question {
                Some(true)
            } else if s.duration_s >= 2.0 {
                Some(false)
            } else {
                None
            }
        })
        .collect();
    if !side.contains(&Some(true)) || !side.contains(&Some(false)) {
        return None;
    }
    let mut assign = vec![false; z.len()];
    for _ in 0..20 {
        let ci = centre(&z, &weights, |k| side[k] == Some(true), dims)?;
        let cc = centre(&z, &weights, |k| side[k] == Some(false), dims)?;
        let next: Vec<bool> = z.iter().map(|v| dist2(v, &ci) < dist2(v, &cc)).collect();
        if next == assign && side.iter().all(Option::is_some) {
            break;
        }
        assign = next;
        side = assign.iter().map(|&a| Some(a)).collect();
    }
    let ci = centre(&z, &weights, |k| assign[k], dims)?;
    let cc = centre(&z, &weights, |k| !assign[k], dims)?;
    let between = dist2(&ci, &cc).sqrt();
    let mut within = 0.0;
    let mut w_sum = 0.0;
    for (k, v) in z.iter().enumerate() {
        let c = if assign[k] { &ci } else { &cc };
        within += dist2(v, c) * weights[k];
        w_sum += weights[k];
    }
    let spread = (within / w_sum.max(1e-9)).sqrt().max(1e-6);
    let mut interviewer = vec![false; samples.len()];
    for (k, (i, _, _)) in usable.iter().enumerate() {
        interviewer[*i] = assign[k];
    }
    // Sentences without a print take the side of their neighbour in time (the one before,
    // else after).
    for i in 0..samples.len() {
        if samples[i].print.is_none() || !usable.iter().any(|u| u.0 == i) {
            let near = usable
                .iter()
                .min_by_key(|u| u.0.abs_diff(i) * 2 + usize::from(u.0 > i))
                .map(|u| u.0);
            if let Some(n) = near {
                interviewer[i] = interviewer[n];
            }
        }
    }
    Some(Sides {
        interviewer,
        separation: between / spread,
    })
}

fn centre(
    z: &[Vec<f64>],
    w: &[f64],
    pick: impl Fn(usize) -> bool,
    dims: usize,
) -> Option<Vec<f64>> {
    let mut c = vec![0.0; dims];
    let mut total = 0.0;
    for (k, v) in z.iter().enumerate().filter(|(k, _)| pick(*k)) {
        for (ci, x) in c.iter_mut().zip(v) {
            *ci += x * w[k];
        }
        total += w[k];
    }
    if total <= 0.0 {
        return None;
    }
    Some(c.into_iter().map(|x| x / total).collect())
}

fn dist2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).powi(2)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(print: &[f32], dur: f64, question: bool) -> Sample {
        Sample {
            print: Some(print.to_vec()),
            duration_s: dur,
            question,
        }
    }

    #[test]
    fn two_voices_apart() {
        let samples = vec![
            s(&[5.0, 1.0], 2.0, true),
            s(&[0.0, 0.1], 4.0, false),
            s(&[0.2, 0.0], 5.0, false),
            s(&[5.1, 0.9], 1.0, false), // "Great, thanks." in the interviewer's voice
            s(&[4.9, 1.1], 2.5, true),
            s(&[0.1, -0.1], 6.0, false),
        ];
        let got = sides(&samples).unwrap();
        assert_eq!(got.interviewer, vec![true, false, false, true, true, false]);
        assert!(got.separation > TWO_VOICES_MIN_SEPARATION, "{got:?}");
    }

    #[test]
    fn one_voice_is_not_split_far() {
        // One voice: prints scattered around one centre, questions no different.
        let samples: Vec<Sample> = (0..12)
            .map(|i| {
                let x = ((i * 7919) % 13) as f32 / 13.0;
                let y = ((i * 104_729) % 17) as f32 / 17.0;
                s(&[x, y], 3.0, i % 4 == 0)
            })
            .collect();
        let got = sides(&samples).unwrap();
        assert!(got.separation < TWO_VOICES_MIN_SEPARATION, "{got:?}");
    }

    #[test]
    fn too_little_to_tell() {
        assert!(sides(&[]).is_none());
        assert!(sides(&[
            s(&[1.0], 3.0, false),
            s(&[1.0], 3.0, false),
            s(&[1.0], 3.0, false)
        ])
        .is_none());
    }
}
