//! The interview report: a whole mock interview read from one recording. A timeline of the
//! interview (who spoke when, each question marked, each answer's verdict), the pattern
//! across answers, one next step for the next mock, then each answer's own report.
//! Every format says the same: terminal text, Markdown, JSON and a self-contained HTML page.

use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;

use super::html::{esc as html_esc, page};
use super::json::SCHEMA_VERSION;
use super::markdown::esc;
use super::{file_name, findings, fmt_time, render_markdown, render_text};
use crate::interview::{
    short, InterviewAnswer, InterviewScore, Pattern, Role, Speaker, Turn, Voices,
};
use crate::score::length::Verdict;
use crate::score::star::StarPart;
use crate::score::AnswerScore;

fn voices_line(v: Voices) -> &'static str {
    match v {
        Voices::Two => "two voices heard: the interviewer's words are left out of the answers",
        Voices::One => "one voice heard: questions found from the words",
        Voices::Unknown => "from a transcript: questions found from the words",
    }
}

fn verdict(a: &AnswerScore) -> &'static str {
    match a.length.verdict {
        Verdict::Short => "short",
        Verdict::Ok => "on length",
        Verdict::Long => "long",
    }
}

fn role_name(t: &Turn) -> &'static str {
    match (t.role, t.speaker) {
        (Role::Question, _) => "question",
        (Role::FollowUp, _) => "follow-up",
        (Role::Answer, _) => "answer",
        (Role::SmallTalk, Speaker::Interviewer) => "interviewer",
        (Role::SmallTalk, Speaker::Candidate) => "candidate",
    }
}

/// The pattern across answers as sentences, most useful first.
pub fn pattern_lines(p: &Pattern) -> Vec<String> {
    let mut out = Vec::new();
    if p.answers == 0 {
        return out;
    }
    let list = |v: &[usize]| {
        v.iter()
            .map(|n| format!("Q{n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(format!(
        "{} answer{}, mean score {:.0}/100{}.",
        p.answers,
        if p.answers == 1 { "" } else { "s" },
        p.mean_score,
        p.weakest
            .map_or(String::new(), |w| format!("; weakest Q{w}"))
    ));
    if !p.long.is_empty() {
        out.push(format!("Ran long: {}.", list(&p.long)));
    }
    if !p.short.is_empty() {
        out.push(format!("Ran short: {}.", list(&p.short)));
    }
    if p.long.is_empty() && p.short.is_empty() {
        out.push("Every answer was within its target length.".to_string());
    }
    for (part, n) in &p.missing {
        let name = match part {
            StarPart::Situation => "situation/task",
            other => other.as_str(),
        };
        out.push(format!("Missing {name} in {n} of {} stories.", p.stories));
    }
    if !p.no_number.is_empty() {
        out.push(format!("No quantified result: {}.", list(&p.no_number)));
    }
    out.push(format!(
        "Fillers per answer: {}.",
        p.fillers
            .iter()
            .enumerate()
            .map(|(i, f)| format!("Q{} {f}", i + 1))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out
}

/// Terminal text: the timeline of questions, the pattern, the next step, then each answer.
pub fn render_interview_text(s: &InterviewScore, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Interview {}: {} question{} found ({})",
        s.source.as_deref().map(file_name).unwrap_or_default(),
        s.answers.len(),
        if s.answers.len() == 1 { "" } else { "s" },
        voices_line(s.voices)
    );
    for w in &s.warnings {
        let _ = writeln!(out, "Warning: {w}");
    }
    for a in &s.answers {
        let q = &a.question;
        let _ = writeln!(
            out,
            "  Q{} at {}: \"{}\" ({}) -> answer {}-{}, {}/100, {}{}",
            q.number,
            fmt_time(q.start_s),
            short(&q.text, 70),
            a.score.question_type,
            fmt_time(q.answer_start_s),
            fmt_time(q.answer_end_s),
            a.score.score,
            verdict(&a.score),
            follow_up_note(a)
        );
    }
    for line in pattern_lines(&s.pattern) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "Next mock: {}", s.next_step);
    if !s.answers.is_empty() {
        out.push('\n');
        out.push_str(&render_text(&answer_scores(s), color));
    }
    out
}

fn follow_up_note(a: &InterviewAnswer) -> String {
    match a.question.follow_ups.len() {
        0 => String::new(),
        n => format!(", {n} follow-up{}", if n == 1 { "" } else { "s" }),
    }
}

/// The answers' own scores, in question order.
pub fn answer_scores(s: &InterviewScore) -> Vec<AnswerScore> {
    s.answers.iter().map(|a| a.score.clone()).collect()
}

/// Markdown: the interview summary, then every answer's full report.
pub fn render_interview_markdown(s: &InterviewScore) -> String {
    let mut out = String::from("# Interview report\n\n");
    if let Some(src) = &s.source {
        let _ = writeln!(
            out,
            "Recording: {} ({}).\n",
            esc(src),
            fmt_time(s.duration_s)
        );
    }
    let _ = writeln!(
        out,
        "{} question{} found; {}.\n",
        s.answers.len(),
        if s.answers.len() == 1 { "" } else { "s" },
        voices_line(s.voices)
    );
    for w in &s.warnings {
        let _ = writeln!(out, "> **Warning:** {}\n", esc(w));
    }
    let _ = writeln!(
        out,
        "## Next step for the next mock\n\n{}\n",
        esc(&s.next_step)
    );
    if !s.answers.is_empty() {
        out.push_str("## Questions\n\n| # | At | Question | Kind | Answer | Score | Length | Fillers |\n|---|---|---|---|---|---|---|---|\n");
        for a in &s.answers {
            let q = &a.question;
            let _ = writeln!(
                out,
                "| Q{} | {} | {} | {} | {}-{}{} | {} | {} | {} |",
                q.number,
                fmt_time(q.start_s),
                esc(&q.text),
                a.score.question_type,
                fmt_time(q.answer_start_s),
                fmt_time(q.answer_end_s),
                esc(&follow_up_note(a)),
                a.score.score,
                verdict(&a.score),
                a.score.filler_stats.count
            );
        }
        out.push_str("\n## Pattern across answers\n\n");
        for line in pattern_lines(&s.pattern) {
            let _ = writeln!(out, "- {}", esc(&line));
        }
    }
    out.push_str("\n## Timeline\n\n| From | To | Who | What | Words |\n|---|---|---|---|---|\n");
    for t in &s.turns {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}{} | {} |",
            fmt_time(t.start_s),
            fmt_time(t.end_s),
            match t.speaker {
                Speaker::Interviewer => "interviewer",
                Speaker::Candidate => "candidate",
            },
            role_name(t),
            t.question.map_or(String::new(), |q| format!(" (Q{q})")),
            esc(&short(&t.text, 90))
        );
    }
    if !s.answers.is_empty() {
        out.push_str("\n## Each answer\n\n");
        for a in &s.answers {
            let _ = writeln!(
                out,
                "### Q{}: {}\n\nTimes in this answer's report count from {} of the recording.\n",
                a.question.number,
                esc(&a.question.text),
                fmt_time(a.offset_s)
            );
            let one = render_markdown(std::slice::from_ref(&a.score));
            // Each answer's own report, its headings pushed two levels down.
            for line in one
                .lines()
                .skip_while(|l| l.starts_with("# ") || l.is_empty())
            {
                if line.starts_with('#') {
                    let _ = writeln!(out, "###{line}");
                } else {
                    let _ = writeln!(out, "{line}");
                }
            }
            out.push('\n');
        }
    }
    out
}

#[derive(Serialize)]
struct InterviewJson<'a> {
    schema_version: u32,
    interview: Summary<'a>,
    /// Each answer as `score` reports one (question order).
    answers: Vec<AnswerScore>,
}

#[derive(Serialize)]
struct Summary<'a> {
    source: &'a Option<String>,
    duration_s: f64,
    voices: Voices,
    questions: Vec<QuestionJson<'a>>,
    timeline: &'a [Turn],
    pattern: &'a Pattern,
    next_step: &'a str,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    number: usize,
    text: &'a str,
    start_s: f64,
    end_s: f64,
    answer_start_s: f64,
    answer_end_s: f64,
    follow_ups: &'a [String],
    /// Recording time of time 0 in this answer's entry of `answers`.
    offset_s: f64,
    score: u8,
}

/// JSON: `schema_version`, an `interview` object (questions, timeline, pattern, next step)
/// and `answers`, each as `score --format json` reports one.
pub fn render_interview_json(s: &InterviewScore) -> String {
    let doc = InterviewJson {
        schema_version: SCHEMA_VERSION,
        interview: Summary {
            source: &s.source,
            duration_s: s.duration_s,
            voices: s.voices,
            questions: s
                .answers
                .iter()
                .map(|a| QuestionJson {
                    number: a.question.number,
                    text: &a.question.text,
                    start_s: a.question.start_s,
                    end_s: a.question.end_s,
                    answer_start_s: a.question.answer_start_s,
                    answer_end_s: a.question.answer_end_s,
                    follow_ups: &a.question.follow_ups,
                    offset_s: a.offset_s,
                    score: a.score.score,
                })
                .collect(),
            timeline: &s.turns,
            pattern: &s.pattern,
            next_step: &s.next_step,
            warnings: &s.warnings,
        },
        answers: answer_scores(s),
    };
    let mut v = serde_json::to_value(doc).unwrap_or(Value::Null);
    super::json::round(&mut v);
    let mut out = serde_json::to_string_pretty(&v).unwrap_or_default();
    out.push('\n');
    out
}

const INTERVIEW_CSS: &str = "<style>.tl{display:flex;height:2.2rem;border:1px solid var(--line);border-radius:4px;overflow:hidden;margin:.4rem 0}.tl span{display:block;height:100%;min-width:1px}.tl .question{background:var(--t)}.tl .follow-up{background:#a78bfa}.tl .answer{background:var(--a)}.tl .interviewer{background:#9ca3af}.tl .candidate{background:#86efac}.tl .gap{background:#fff}.tl span[data-t]{cursor:pointer}</style>\n";

/// A self-contained HTML page: the timeline as a bar (click a stretch to play it when the
/// recording is there), the questions with their verdicts (linked to each answer's page when
/// `answer_pages` gives them), the pattern, the next step, and each answer's findings.
pub fn render_interview_html(
    s: &InterviewScore,
    nav: &[(&str, &str)],
    answer_pages: &[String],
    recording: Option<&super::Recording>,
) -> String {
    let name = s.source.as_deref().map(file_name).unwrap_or_default();
    let mut b = String::from(INTERVIEW_CSS);
    let _ = writeln!(
        b,
        "<header><h1>Interview report: {}</h1><p class=\"muted\">Recording {}; {} question{} found; {}.</p></header>\n<main>",
        html_esc(&name),
        fmt_time(s.duration_s),
        s.answers.len(),
        if s.answers.len() == 1 { "" } else { "s" },
        voices_line(s.voices)
    );
    for w in &s.warnings {
        let _ = writeln!(
            b,
            "<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> {}</p>",
            html_esc(w)
        );
    }
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"h-next\"><h2 id=\"h-next\">Next step for the next mock</h2><p class=\"next\" id=\"next-step\">{}</p></section>",
        html_esc(&s.next_step)
    );
    if let Some(r) = recording {
        let _ = writeln!(
            b,
            "<audio id=\"player\" controls preload=\"metadata\" src=\"{}\"></audio>",
            r.src()
        );
    }
    timeline(&mut b, s, recording.is_some());
    if !s.answers.is_empty() {
        b.push_str("<section aria-labelledby=\"h-questions\"><h2 id=\"h-questions\">Questions</h2><table id=\"questions\"><thead><tr><th>#</th><th>At</th><th>Question</th><th>Kind</th><th>Answer</th><th class=\"num\">Score</th><th>Length</th><th class=\"num\">Fillers</th></tr></thead><tbody>\n");
        for (i, a) in s.answers.iter().enumerate() {
            let q = &a.question;
            let text = match answer_pages.get(i) {
                Some(p) => format!(
                    "<a href=\"{}\">{}</a>",
                    super::html::href(p),
                    html_esc(&q.text)
                ),
                None => format!("<a href=\"#q{}\">{}</a>", q.number, html_esc(&q.text)),
            };
            let _ = writeln!(
                b,
                "<tr><td>Q{}</td><td>{}</td><td>{text}</td><td>{}</td><td>{}-{}{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                q.number,
                fmt_time(q.start_s),
                a.score.question_type,
                fmt_time(q.answer_start_s),
                fmt_time(q.answer_end_s),
                html_esc(&follow_up_note(a)),
                a.score.score,
                verdict(&a.score),
                a.score.filler_stats.count
            );
        }
        b.push_str("</tbody></table></section>\n<section aria-labelledby=\"h-pattern\"><h2 id=\"h-pattern\">Pattern across answers</h2><ul id=\"pattern\">");
        for line in pattern_lines(&s.pattern) {
            let _ = write!(b, "<li>{}</li>", html_esc(&line));
        }
        b.push_str("</ul></section>\n");
        for a in &s.answers {
            let q = &a.question;
            let _ = writeln!(
                b,
                "<section class=\"answer\" id=\"q{}\"><h2>Q{}: {}</h2><p><span class=\"score\">{}<small>/100</small></span> <span class=\"muted\">{} question; speaking {}, {}; answer at {}</span></p><p class=\"next\">{}</p><ul>{}</ul><details><summary>Transcript</summary><p>{}</p></details></section>",
                q.number,
                q.number,
                html_esc(&q.text),
                a.score.score,
                a.score.question_type,
                fmt_time(a.score.speaking_s),
                verdict(&a.score),
                fmt_time(q.answer_start_s),
                html_esc(&a.score.next_step),
                findings(&a.score, 6)
                    .iter()
                    .map(|f| format!("<li>{}</li>", html_esc(f)))
                    .collect::<String>(),
                html_esc(&a.score.transcript)
            );
        }
    }
    b.push_str("</main>\n");
    if recording.is_some() {
        let _ = writeln!(b, "<script>{}</script>", super::html::PLAYER_JS);
    }
    page(&format!("Interview report: {name}"), nav, &b)
}

fn timeline(b: &mut String, s: &InterviewScore, playable: bool) {
    let total = s
        .duration_s
        .max(s.turns.last().map_or(0.0, |t| t.end_s))
        .max(1e-3);
    b.push_str("<section aria-labelledby=\"h-timeline\"><h2 id=\"h-timeline\">Timeline</h2>");
    b.push_str("<div class=\"legend\"><span><i class=\"sw\" style=\"background:var(--t)\"></i>question</span><span><i class=\"sw\" style=\"background:#a78bfa\"></i>follow-up</span><span><i class=\"sw\" style=\"background:var(--a)\"></i>answer</span><span><i class=\"sw\" style=\"background:#9ca3af\"></i>interviewer, other</span><span><i class=\"sw\" style=\"background:#86efac\"></i>candidate, other</span></div>");
    let _ = write!(
        b,
        "<div class=\"tl\" id=\"timeline\" role=\"img\" aria-label=\"{} stretches of speech over {}\">",
        s.turns.len(),
        fmt_time(total)
    );
    let mut at = 0.0;
    for t in &s.turns {
        if t.start_s > at {
            let _ = write!(
                b,
                "<span class=\"gap\" style=\"width:{:.3}%\"></span>",
                (t.start_s - at) / total * 100.0
            );
        }
        let label = format!(
            "{}-{} {}{}: {}",
            fmt_time(t.start_s),
            fmt_time(t.end_s),
            role_name(t),
            t.question.map_or(String::new(), |q| format!(" Q{q}")),
            short(&t.text, 80)
        );
        let _ = write!(
            b,
            "<span class=\"{}\" style=\"width:{:.3}%\" title=\"{}\"{}></span>",
            role_name(t),
            (t.end_s - t.start_s).max(0.0) / total * 100.0,
            html_esc(&label),
            if playable {
                format!(" data-t=\"{:.2}\"", t.start_s)
            } else {
                String::new()
            }
        );
        at = t.end_s;
    }
    b.push_str("</div><ol id=\"turns\" class=\"muted\">");
    for t in s.turns.iter().filter(|t| t.role != Role::Answer) {
        let _ = write!(
            b,
            "<li><span class=\"time\">{}</span>{}{}: {}</li>",
            fmt_time(t.start_s),
            role_name(t),
            t.question.map_or(String::new(), |q| format!(" Q{q}")),
            html_esc(&t.text)
        );
    }
    b.push_str("</ol></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::{score_interview, split};
    use crate::score::ScoringConfig;
    use crate::transcript::Transcript;

    fn scored() -> InterviewScore {
        let text = "Tell me about a time you had to manage a budget.\n\
            Last year I ran our sales offsite for forty people on twenty thousand dollars.\n\
            I renegotiated catering and we came in twelve percent under budget.\n\
            Why do you want to work here?\n\
            I want to build software for clinics, and your team does exactly that.\n";
        let t = Transcript::from_plain_text(text, Some("mock.m4a".into()));
        let s = split(&t, None);
        score_interview(&t, &s, &ScoringConfig::default())
    }

    #[test]
    fn every_format_names_both_questions() {
        let s = scored();
        assert_eq!(s.answers.len(), 2);
        let text = render_interview_text(&s, false);
        let md = render_interview_markdown(&s);
        let html = render_interview_html(&s, &[], &[], None);
        let json = render_interview_json(&s);
        for out in [&text, &md, &html, &json] {
            assert!(
                out.contains("Tell me about a time you had to manage a budget."),
                "{out}"
            );
            assert!(out.contains("Why do you want to work here?"), "{out}");
        }
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["answers"].as_array().unwrap().len(), 2);
        assert_eq!(v["answers"][1]["question_type"], "motivation");
        assert_eq!(v["interview"]["questions"][0]["number"], 1);
        assert!(html.contains("id=\"timeline\""));
        assert!(!html.contains("<script"), "no script without a recording");
        assert!(md.contains("## Pattern across answers"));
    }
}
