//! Scoring and rendering cost for one 90 s answer (about 225 words with measured word times).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use starcoach::report::{render_json, render_markdown, render_text};
use starcoach::score::{score_answer, AnswerContext, ScoringConfig};
use starcoach::transcript::{Segment, Transcript, Word};

const ANSWER: &str = "At my last job I was a backend engineer at a payments company, and um our deploys \
failed almost every week, which meant late nights for the whole team. My role was to make releases \
safe again without slowing the team down. So, uh, I started by reading every incident report from the \
last six months, and I found that most failures came from, like, three services. I wrote a short \
checklist for every merge, I automated the integration tests for those three services, and I set up \
canary releases so a bad build only reached a few users. I also ran a session with the team to walk \
through the new flow and, you know, collect their objections, because I think people follow a process \
they helped shape. There was some pushback at first, kind of expected, so I paired with the two most \
sceptical engineers for a week. As a result, failed deploys dropped from four a month to zero over the \
next quarter, our release time was cut in half, and on-call pages fell by forty percent. The checklist \
is still used by the three other teams that adopted it. Looking back, I would automate earlier instead of \
waiting for a crisis, and I now always ask the people who run a process to help design its fix.";

fn ninety_second_answer() -> Transcript {
    let words: Vec<&str> = ANSWER.split_whitespace().collect();
    let step = 88.0 / words.len() as f64;
    let ws: Vec<Word> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let pause = if i > 100 { 1.5 } else { 0.0 };
            Word {
                text: w.to_string(),
                start_s: 1.0 + i as f64 * step + pause,
                end_s: 1.0 + i as f64 * step + pause + step * 0.8,
                probability: 0.9,
            }
        })
        .collect();
    let end = ws.last().map_or(0.0, |w| w.end_s);
    Transcript {
        source: Some("bench.m4a".into()),
        duration_s: end + 1.0,
        text: ANSWER.into(),
        segments: vec![Segment {
            start_s: 1.0,
            end_s: end,
            text: ANSWER.into(),
            words: ws,
        }],
        timing_estimated: false,
        cut_short: None,
    }
}

fn bench(c: &mut Criterion) {
    let t = ninety_second_answer();
    let ctx = AnswerContext::new(Some("Tell me about a time you improved a process."), None);
    let cfg = ScoringConfig::default();
    c.bench_function("score_answer_90s", |b| {
        b.iter(|| score_answer(black_box(&t), &ctx, &cfg))
    });
    c.bench_function("score_and_render_all_90s", |b| {
        b.iter(|| {
            let a = [score_answer(black_box(&t), &ctx, &cfg)];
            (render_text(&a, true), render_markdown(&a), render_json(&a))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
