//! Markdown: the full report a coach sends back or a candidate keeps.
//!
//! Summary, length, a structure table with evidence and times, results, fillers, pace and
//! pauses, and the transcript with fillers marked. Several answers get a summary table first.

use std::fmt::Write;

use super::{answer_name, fmt_points, fmt_time, kind_note, mean_score, pace_name, points_line};
use crate::score::delivery::PauseKind;
use crate::score::numbers::Quantity;
use crate::score::star::StarPart;
use crate::score::AnswerScore;

/// Escapes text for a Markdown paragraph or table cell.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders the full report for one or many answers.
pub fn render_markdown(answers: &[AnswerScore]) -> String {
    let mut out = String::from("# starcoach report\n\n");
    if answers.is_empty() {
        out.push_str("No answers.\n");
        return out;
    }
    if answers.len() > 1 {
        let _ = writeln!(
            out,
            "{} answers, mean score {:.0}/100.\n",
            answers.len(),
            mean_score(answers)
        );
        out.push_str("| # | Answer | Kind | Score | Length | Structure | Evidence | Delivery | Next step |\n");
        out.push_str("|---|---|---|---|---|---|---|---|---|\n");
        for (i, a) in answers.iter().enumerate() {
            let r = &a.ratings;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                i + 1,
                esc(&answer_name(a, i)),
                a.question_type,
                a.score,
                r.length,
                r.structure,
                r.evidence,
                r.delivery,
                esc(&a.next_step)
            );
        }
        out.push('\n');
    }
    for (i, a) in answers.iter().enumerate() {
        answer(&mut out, a, i);
    }
    out
}

fn answer(out: &mut String, a: &AnswerScore, i: usize) {
    let _ = writeln!(out, "## {}\n", esc(&answer_name(a, i)));
    let note = kind_note(a).map_or(String::new(), |n| format!(", {n}"));
    if let Some(q) = &a.question {
        let _ = writeln!(
            out,
            "**Question** ({}{note}): {}\n",
            a.question_type,
            esc(q)
        );
    } else {
        let _ = writeln!(out, "**Kind:** {}{note}\n", a.question_type);
    }
    for w in &a.warnings {
        let _ = writeln!(out, "> **Warning:** {}\n", esc(w));
    }
    let r = &a.ratings;
    let _ = writeln!(
        out,
        "**Score {}/100**: length {}/5, structure {}/5, evidence {}/5, delivery {}/5.\n",
        a.score, r.length, r.structure, r.evidence, r.delivery
    );
    let _ = writeln!(out, "**Next step:** {}\n", esc(&a.next_step));
    if a.timing_estimated {
        out.push_str("_Times are estimated from the text at 150 words a minute; pace and pauses are not measured._\n\n");
    }
    if a.words > 0 {
        points_table(out, a);
    }

    out.push_str("### Length\n\n");
    let _ = writeln!(
        out,
        "Speaking time {} (first to last word), target {}-{}: **{}**. Silence before the first word {:.1} s, after the last {:.1} s.\n",
        fmt_time(a.speaking_s),
        fmt_time(a.length.target_min_s),
        fmt_time(a.length.target_max_s),
        a.length.verdict.as_str(),
        a.length.leading_silence_s,
        a.length.trailing_silence_s
    );

    out.push_str("### Structure\n\n");
    if let Some(star) = &a.star {
        out.push_str("| Part | Present | Time | Share | Evidence |\n|---|---|---|---|---|\n");
        for p in StarPart::ALL {
            let pr = star.part(p);
            let time = match (pr.start_s, pr.end_s) {
                (Some(s), Some(e)) => format!("{}-{}", fmt_time(s), fmt_time(e)),
                _ => "-".into(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.0}% | {} |",
                p.as_str(),
                if pr.present { "yes" } else { "**no**" },
                time,
                pr.share * 100.0,
                esc(pr.evidence.as_deref().unwrap_or("-"))
            );
        }
        let _ = writeln!(
            out,
            "\nSetup (situation + task): {:.0}% of speaking time{}. Parts {}. In the action: \"I\" {} times, \"we\" {} times.\n",
            star.setup_share * 100.0,
            if star.long_setup { " (**long**)" } else { "" },
            if star.out_of_order { "**out of STAR order**" } else { "in order" },
            star.action_i,
            star.action_we
        );
    } else {
        out.push_str("| Check | Met | Time | Evidence |\n|---|---|---|---|\n");
        for c in &a.checks {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                esc(&c.label),
                if c.passed { "yes" } else { "**no**" },
                c.start_s.map_or("-".into(), fmt_time),
                esc(c.evidence.as_deref().unwrap_or("-"))
            );
        }
        out.push('\n');
    }

    out.push_str("### Results\n\n");
    if a.quantified_results.is_empty() {
        out.push_str("No quantified result.\n\n");
    } else {
        numbers_table(out, &a.quantified_results);
    }
    if !a.context_numbers.is_empty() {
        out.push_str("Context numbers (not results):\n\n");
        numbers_table(out, &a.context_numbers);
    }

    out.push_str("### Fillers\n\n");
    let fs = &a.filler_stats;
    let _ = writeln!(
        out,
        "{} fillers ({} um/uh, {} like/you know/so, {} softer), {:.1} a minute, {:.1} per 100 words; {} hedges.\n",
        fs.count, fs.hesitation, fs.discourse, fs.soft, fs.per_min, fs.per_100_words, fs.hedges
    );
    if !a.fillers.is_empty() {
        out.push_str("| Time | Words | Kind | Confidence |\n|---|---|---|---|\n");
        for f in &a.fillers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.2} |",
                fmt_time(f.start_s),
                esc(&f.text),
                f.kind.as_str(),
                f.confidence
            );
        }
        out.push('\n');
    }
    for b in &fs.bursts {
        let _ = writeln!(
            out,
            "- Burst: {} fillers between {} and {}.",
            b.count,
            fmt_time(b.start_s),
            fmt_time(b.end_s)
        );
    }
    if !fs.bursts.is_empty() {
        out.push('\n');
    }

    out.push_str("### Pace and pauses\n\n");
    let _ = writeln!(
        out,
        "{} words, {:.0} words a minute ({}).\n",
        a.words,
        a.wpm,
        pace_name(a.pace)
    );
    if !a.pauses.is_empty() {
        out.push_str("| Time | Length | Reads as | After |\n|---|---|---|---|\n");
        for p in &a.pauses {
            let _ = writeln!(
                out,
                "| {} | {:.1} s | {} | {} |",
                fmt_time(p.start_s),
                p.end_s - p.start_s,
                match p.kind {
                    PauseKind::Hesitation => "hesitation",
                    PauseKind::LostThread => "lost thread",
                },
                esc(&p.after_word)
            );
        }
        out.push('\n');
    }

    out.push_str("### Transcript\n\nFillers in **[brackets]**.\n\n> ");
    out.push_str(&marked_transcript(a));
    out.push_str("\n\n");
}

/// Why the score is what it is: every rubric item's points, and the ceiling (docs/scoring.md).
fn points_table(out: &mut String, a: &AnswerScore) {
    let _ = writeln!(out, "### Points\n\n{}.\n", points_line(a));
    out.push_str("| Item | Dimension | Points | Lost because |\n|---|---|---|---|\n");
    for i in &a.breakdown.items {
        let _ = writeln!(
            out,
            "| {} | {} | {}/{} | {} |",
            esc(&i.label),
            i.dimension.as_str(),
            fmt_points(i.points),
            fmt_points(i.max),
            esc(i.why.as_deref().unwrap_or("-"))
        );
    }
    let b = &a.breakdown;
    match &b.ceiling {
        Some(c) => {
            let _ = writeln!(
                out,
                "\nPoints earned {}; while {} {} missing the score is held at {} or less{}.\n",
                fmt_points(b.earned),
                c.because.join(" and "),
                if c.because.len() == 1 { "is" } else { "are" },
                c.max_score,
                if c.lost > 0.0 {
                    format!(" (-{})", fmt_points(c.lost))
                } else {
                    String::new()
                }
            );
        }
        None => {
            let _ = writeln!(out, "\nPoints earned {}.\n", fmt_points(b.earned));
        }
    }
}

fn numbers_table(out: &mut String, qs: &[Quantity]) {
    out.push_str("| Time | Number | Sentence |\n|---|---|---|\n");
    for q in qs {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            fmt_time(q.start_s),
            esc(&q.text),
            esc(&q.sentence)
        );
    }
    out.push('\n');
}

/// The transcript with each filler's words wrapped in bold brackets.
fn marked_transcript(a: &AnswerScore) -> String {
    let words: Vec<&str> = a.transcript.split_whitespace().collect();
    let mut marks = vec![None; words.len()];
    for f in &a.fillers {
        let n = f.text.split(' ').count();
        if f.word_index + n <= words.len() {
            marks[f.word_index] = Some(n);
        }
    }
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(n) = marks[i] {
            out.push(format!("**\\[{}\\]**", esc(&words[i..i + n].join(" "))));
            i += n;
        } else {
            out.push(esc(words[i]));
            i += 1;
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn snapshot_many() {
        insta::assert_snapshot!(render_markdown(&[fixtures::timed(), fixtures::closing()]));
    }

    #[test]
    fn empty_inputs() {
        assert!(render_markdown(&[]).contains("No answers"));
        let s = render_markdown(&[fixtures::empty()]);
        assert!(s.contains("No quantified result"));
    }

    #[test]
    fn escapes_table_breakers() {
        assert_eq!(esc("a|b *c*"), "a\\|b \\*c\\*");
    }
}
