//! Writing reports to disk: the one place an answer's reports (Markdown, JSON, HTML) and a
//! session's report are written, each file atomically. `score`, `record` and `batch` all come
//! here; what the reports say is rendered by [`crate::report`] (starcoach-core).

use std::path::Path;

use anyhow::{Context, Result};

use crate::fsutil::write_atomic;
use crate::interview::InterviewScore;
use crate::questions;
use crate::report::{self, Recording};
use crate::score::AnswerScore;

/// Writes one answer's reports into `dir` as `NAME.md`, `NAME.json` and `NAME.html`,
/// atomically. The HTML page shows `links` at its top and plays `recording` when given.
pub fn write_answer(
    dir: &Path,
    name: &str,
    a: &AnswerScore,
    links: &[(&str, &str)],
    recording: Option<&Recording>,
) -> Result<()> {
    let one = std::slice::from_ref(a);
    let path = |ext: &str| dir.join(format!("{name}.{ext}"));
    write_atomic(&path("md"), report::render_markdown(one).as_bytes())
        .context("writing the Markdown report")?;
    write_atomic(&path("json"), report::render_json(one).as_bytes())
        .context("writing the JSON report")?;
    write_atomic(
        &path("html"),
        report::render_html_with(a, links, recording).as_bytes(),
    )
    .context("writing the HTML report")?;
    Ok(())
}

/// A `record` session's report in its folder: every answer in Markdown and JSON, plus which
/// competencies the answers covered.
pub fn write_session(dir: &Path, scored: &[AnswerScore]) -> Result<()> {
    let mut md = report::render_markdown(scored);
    md.push_str(&competency_summary(scored));
    write_atomic(&dir.join("report.md"), md.as_bytes()).context("writing the session report")?;
    write_atomic(
        &dir.join("report.json"),
        report::render_json(scored).as_bytes(),
    )
    .context("writing the session report")?;
    Ok(())
}

/// Which competencies of the bank the session's questions probed, and each answer's score.
fn competency_summary(scored: &[AnswerScore]) -> String {
    let bank = questions::bank();
    let mut out = String::from(
        "\n## Competencies this session covered\n\n| competency | question | score |\n|---|---|---|\n",
    );
    for a in scored {
        let q = a.question.as_deref().unwrap_or("");
        let competency = questions::find(&bank, q)
            .and_then(|b| serde_json::to_value(b.competency).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "(your own question)".into());
        out.push_str(&format!("| {competency} | {q} | {} |\n", a.score));
    }
    out
}

/// Writes a whole interview's reports into `dir`: `NAME.md`, `NAME.json` and `NAME.html` for
/// the interview, and each answer's own `NAME.qN.md`, `.json` and `.html` (its page linked
/// from the interview's and back). `links` go at the top of every page (a batch's client
/// summary). Every file atomically.
pub fn write_interview(
    dir: &Path,
    name: &str,
    s: &InterviewScore,
    recording: Option<&Recording>,
    links: &[(&str, &str)],
) -> Result<()> {
    let path = |ext: &str| dir.join(format!("{name}.{ext}"));
    let back = format!("{name}.html");
    let mut answer_links = vec![("Whole interview", back.as_str())];
    answer_links.extend_from_slice(links);
    let mut pages = Vec::new();
    for a in &s.answers {
        let answer_name = format!("{name}.q{}", a.question.number);
        write_answer(dir, &answer_name, &a.score, &answer_links, None)?;
        pages.push(format!("{answer_name}.html"));
    }
    write_atomic(&path("md"), report::render_interview_markdown(s).as_bytes())
        .context("writing the interview's Markdown report")?;
    write_atomic(&path("json"), report::render_interview_json(s).as_bytes())
        .context("writing the interview's JSON report")?;
    write_atomic(
        &path("html"),
        report::render_interview_html(s, links, &pages, recording).as_bytes(),
    )
    .context("writing the interview's HTML report")?;
    Ok(())
}
