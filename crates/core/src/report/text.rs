//! Terminal text: the quick verdict a candidate reads after each attempt.
//!
//! Verdict line, ratings, a few findings and the one next step. ANSI colour only when the
//! caller asks for it; whether stdout is a terminal is the CLI's business.

use std::fmt::Write;

use super::{answer_name, findings, fmt_time, kind_note, losses, mean_score, points_line};
use crate::score::star::StarPart;
use crate::score::AnswerScore;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn warning(&self, s: &str) -> String {
        self.paint("1;33", s)
    }
    /// Green for 4-5, yellow for 3, red below (DOMAIN.md: below 3 is a priority).
    fn rating(&self, r: u8) -> String {
        let code = match r {
            4..=5 => "32",
            3 => "33",
            _ => "31",
        };
        self.paint(code, &r.to_string())
    }
    fn score(&self, s: u8) -> String {
        let code = match s {
            70..=100 => "32",
            50..=69 => "33",
            _ => "31",
        };
        self.paint(code, &format!("{s}/100"))
    }
}

/// Renders a short summary of each answer (and a one-line total when there are several).
pub fn render_text(answers: &[AnswerScore], color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    for (i, a) in answers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let q = a
            .question
            .as_deref()
            .map_or(String::new(), |q| format!(": \"{q}\""));
        let _ = writeln!(
            out,
            "{} {}",
            st.bold(&answer_name(a, i)),
            st.dim(&format!(
                "({}{}{q})",
                a.question_type,
                kind_note(a).map_or(String::new(), |n| format!(", {n}"))
            ))
        );
        let _ = writeln!(
            out,
            "Score {} · {} speaking (target {}-{}, {}) · {:.0} wpm{} · {} filler{}",
            st.score(a.score),
            fmt_time(a.speaking_s),
            fmt_time(a.length.target_min_s),
            fmt_time(a.length.target_max_s),
            a.length.verdict.as_str(),
            a.wpm,
            if a.timing_estimated {
                " (estimated)"
            } else {
                ""
            },
            a.filler_stats.count,
            if a.filler_stats.count == 1 { "" } else { "s" },
        );
        for w in &a.warnings {
            let _ = writeln!(out, "{} {w}", st.warning("Warning:"));
        }
        let r = &a.ratings;
        let _ = writeln!(
            out,
            "Length {}  Structure {}  Evidence {}  Delivery {}",
            st.rating(r.length),
            st.rating(r.structure),
            st.rating(r.evidence),
            st.rating(r.delivery)
        );
        if a.words > 0 {
            let lost = losses(a);
            let _ = writeln!(
                out,
                "Points: {}{}",
                points_line(a),
                if lost.is_empty() {
                    String::new()
                } else {
                    format!(" · lost: {}", lost.join(", "))
                }
            );
        }
        if let Some(star) = &a.star {
            let parts: Vec<String> = StarPart::ALL
                .iter()
                .map(|p| {
                    let pr = star.part(*p);
                    match pr.start_s {
                        Some(t) if pr.present => format!("{} {}", p.as_str(), fmt_time(t)),
                        _ => st.paint("31", &format!("{} -", p.as_str())),
                    }
                })
                .collect();
            let _ = writeln!(out, "STAR: {}", parts.join("  "));
        } else if !a.checks.is_empty() {
            let checks: Vec<String> = a
                .checks
                .iter()
                .map(|c| {
                    if c.passed {
                        format!("{} ok", c.id)
                    } else {
                        st.paint("31", &format!("{} no", c.id))
                    }
                })
                .collect();
            let _ = writeln!(out, "Structure: {}", checks.join("  "));
        }
        for f in findings(a, 4) {
            let _ = writeln!(out, "  - {f}");
        }
        let _ = writeln!(out, "{} {}", st.bold("Next step:"), a.next_step);
    }
    if answers.len() > 1 {
        let _ = writeln!(
            out,
            "\n{} answers, mean score {:.0}/100",
            answers.len(),
            mean_score(answers)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn snapshot_plain() {
        insta::assert_snapshot!(render_text(
            &[fixtures::timed(), fixtures::closing()],
            false
        ));
    }

    #[test]
    fn snapshot_colour() {
        insta::assert_snapshot!(render_text(&[fixtures::timed()], true));
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(render_text(&[], false), "");
        let s = render_text(&[fixtures::empty()], false);
        assert!(s.contains("No speech"));
        assert!(!s.contains('\x1b'));
    }
}
