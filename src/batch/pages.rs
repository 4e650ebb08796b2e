//! The batch summaries, rebuilt from every answer's record after each file: `summary.csv`
//! (one row per answer, failures with their reason), one `CLIENT/index.html` per client with
//! trends across their answers, and `index.html` over all clients. All written atomically.

use std::fmt::Write;
use std::path::Path;

use anyhow::Result;

use super::clients::ClientHistories;
use super::{group, Record};
use crate::fsutil::write_atomic;
use crate::report::fmt_time;
use crate::report::html::{esc, href, page, sparkline};
use crate::score::star::StarPart;
use crate::score::AnswerScore;
use crate::themes::Theme;

/// Header of `summary.csv`.
pub const CSV_HEADER: [&str; 17] = [
    "client",
    "file",
    "question",
    "type",
    "duration_s",
    "verdict",
    "wpm",
    "fillers_per_min",
    "star_parts",
    "result_metrics",
    "score",
    "error",
    "warnings",
    "attempt",
    "change",
    "interview_question",
    "answer_start_s",
];

/// STAR parts present, as letters in order (`S T A R`); `n/a` for kinds not judged as STAR.
pub fn star_parts(a: &AnswerScore) -> String {
    match &a.star {
        Some(star) => StarPart::ALL
            .iter()
            .filter(|p| star.part(**p).present)
            .map(|p| p.letter())
            .collect::<Vec<_>>()
            .join(" "),
        None => "n/a".to_string(),
    }
}

fn metrics(a: &AnswerScore) -> String {
    a.quantified_results
        .iter()
        .map(|q| q.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `summary.csv`, rows in client then file order. `attempt` is the answer's attempt number at
/// its question for its client and `change` its score minus the previous attempt's. An
/// interview's answers have a row each: `interview_question` is the question's number in the
/// recording and `answer_start_s` where its answer starts (both empty for one-answer files).
pub fn render_csv(records: &[Record], clients: &ClientHistories) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for rs in group(records).values() {
        for r in rs {
            let q = r.question.clone().unwrap_or_default();
            let kind = r.kind.map(|k| k.to_string()).unwrap_or_default();
            let file = r.part.as_ref().map_or(r.rel.as_str(), |p| &p.recording);
            let number = r
                .part
                .as_ref()
                .map_or(String::new(), |p| p.number.to_string());
            let start = r
                .part
                .as_ref()
                .map_or(String::new(), |p| format!("{:.1}", p.offset_s));
            match (r.answer(), r.error()) {
                (Some(a), _) => {
                    let attempt = clients.attempt(r);
                    w.write_record([
                        r.client.as_str(),
                        file,
                        a.question.as_deref().unwrap_or(""),
                        a.question_type.as_str(),
                        &format!("{:.1}", a.duration_s),
                        a.length.verdict.as_str(),
                        &format!("{:.0}", a.wpm),
                        &format!("{:.1}", a.filler_stats.per_min),
                        &star_parts(a),
                        &metrics(a),
                        &a.score.to_string(),
                        "",
                        &a.warnings.join(" "),
                        &attempt.map_or(String::new(), |t| t.number.to_string()),
                        &attempt
                            .and_then(|t| t.change)
                            .map_or(String::new(), |c| format!("{c:+}")),
                        &number,
                        &start,
                    ])?
                }
                (None, err) => w.write_record([
                    r.client.as_str(),
                    file,
                    &q,
                    &kind,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    err.unwrap_or("failed"),
                    "",
                    "",
                    "",
                    "",
                    "",
                ])?,
            }
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// An answer's cell in a table: its file name linked to its report; for an interview's
/// answer, "file, Q2" and a link to the whole interview's page too.
fn answer_cell(r: &Record, link_prefix: &str) -> String {
    let link = format!("{link_prefix}{}.html", r.name);
    match &r.part {
        None => format!("<a href=\"{}\">{}</a>", href(&link), esc(file_name(&r.rel))),
        Some(p) => format!(
            "<a href=\"{}\">{}, Q{}</a> <a class=\"interview\" href=\"{}\">(interview)</a>",
            href(&link),
            esc(file_name(&p.recording)),
            p.number,
            href(&format!("{link_prefix}{}.html", p.interview_name))
        ),
    }
}

fn answers_table(b: &mut String, rs: &[&Record], link_prefix: &str) {
    b.push_str(
        "<table class=\"answers\"><thead><tr><th>Answer</th><th>Question</th><th>Type</th>\
         <th class=\"num\">Length</th><th>Verdict</th><th class=\"num\">WPM</th>\
         <th class=\"num\">Fillers/min</th><th>STAR</th><th>Result metrics</th>\
         <th class=\"num\">Score</th></tr></thead><tbody>",
    );
    for r in rs {
        match r.answer() {
            Some(a) => {
                let _ = write!(
                    b,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>\
                     <td class=\"num\">{:.0}</td><td class=\"num\">{:.1}</td><td>{}</td><td>{}</td><td class=\"num\"><strong>{}</strong></td></tr>",
                    answer_cell(r, link_prefix),
                    esc(a.question.as_deref().unwrap_or("")),
                    a.question_type,
                    fmt_time(a.speaking_s),
                    a.length.verdict.as_str(),
                    a.wpm,
                    a.filler_stats.per_min,
                    esc(&star_parts(a)),
                    esc(&metrics(a)),
                    a.score
                );
            }
            None => {
                let _ = write!(
                    b,
                    "<tr class=\"failed\"><td>{}</td><td colspan=\"9\">failed: {}</td></tr>",
                    esc(file_name(&r.rel)),
                    esc(r.error().unwrap_or(""))
                );
            }
        }
    }
    b.push_str("</tbody></table>\n");
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// One client's page: trends, then every answer with a link to its report.
pub fn render_client(client: &str, rs: &[&Record]) -> String {
    let ok: Vec<&AnswerScore> = rs.iter().filter_map(|r| r.answer()).collect();
    let failed = rs.len() - ok.len();
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header><h1>Client: <span id=\"client\">{}</span></h1><p class=\"muted\">{} answer{} scored{}; mean score {:.0}/100.</p></header>\n<main>",
        esc(client),
        ok.len(),
        if ok.len() == 1 { "" } else { "s" },
        if failed > 0 {
            format!(", <span class=\"failed\">{failed} failed</span>")
        } else {
            String::new()
        },
        mean(&ok.iter().map(|a| a.score as f64).collect::<Vec<_>>())
    );
    b.push_str("<section aria-labelledby=\"h-trends\"><h2 id=\"h-trends\">Trends</h2>");
    if ok.len() < 2 {
        b.push_str("<p class=\"muted\">Trends appear from two scored answers on.</p>");
    } else {
        b.push_str("<p class=\"muted\">Across this client's answers in file-name order (name recordings by date, e.g. <code>2026-05-01-conflict.m4a</code>, to read these as progress).</p>");
        b.push_str("<table class=\"trends\"><thead><tr><th>Measure</th><th>First</th><th>Last</th><th>Trend</th></tr></thead><tbody>");
        let series: [(&str, &str, Vec<f64>); 3] = [
            ("Score", "", ok.iter().map(|a| a.score as f64).collect()),
            (
                "Fillers per minute",
                "/min",
                ok.iter().map(|a| a.filler_stats.per_min).collect(),
            ),
            (
                "Words per minute",
                " wpm",
                ok.iter().map(|a| a.wpm).collect(),
            ),
        ];
        for (label, unit, vals) in series {
            let digits = usize::from(label.starts_with("Fillers"));
            let _ = write!(
                b,
                "<tr><td>{label}</td><td class=\"num\">{:.digits$}</td><td class=\"num\">{:.digits$}</td><td>{}</td></tr>",
                vals[0],
                vals[vals.len() - 1],
                sparkline(&vals, label, unit)
            );
        }
        b.push_str("</tbody></table>");
    }
    b.push_str(
        "<p><a id=\"progress\" href=\"progress.html\">Progress across attempts</a>: each question's attempts over time, from every batch kept in the practice history.</p>",
    );
    b.push_str(
        "</section>\n<section aria-labelledby=\"h-answers\"><h2 id=\"h-answers\">Answers</h2>",
    );
    answers_table(&mut b, rs, "");
    b.push_str("</section>\n</main>\n");
    page(
        &format!("starcoach: {client}"),
        &[("All clients", "../index.html")],
        &b,
    )
}

/// The index over all clients.
pub fn render_index(records: &[Record]) -> String {
    let groups = group(records);
    let total = records.len();
    let failed = records.iter().filter(|r| r.answer().is_none()).count();
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header><h1>starcoach batch</h1><p class=\"muted\">{} client{}, {total} answer{}, {} failed. Table: <a href=\"summary.csv\">summary.csv</a>.</p></header>\n<main>",
        groups.len(),
        if groups.len() == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
        failed
    );
    b.push_str("<section aria-labelledby=\"h-clients\"><h2 id=\"h-clients\">Clients</h2>");
    b.push_str("<table class=\"clients\"><thead><tr><th>Client</th><th class=\"num\">Answers</th><th class=\"num\">Failed</th><th class=\"num\">Mean score</th><th class=\"num\">Last score</th><th>Score trend (file-name order)</th><th>Progress</th></tr></thead><tbody>");
    for (dir, rs) in &groups {
        let scores: Vec<f64> = rs
            .iter()
            .filter_map(|r| r.answer())
            .map(|a| a.score as f64)
            .collect();
        let client = rs.first().map_or(dir.as_str(), |r| r.client.as_str());
        let _ = write!(
            b,
            "<tr><td><a href=\"{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td><a class=\"progress\" href=\"{}\">progress</a></td></tr>",
            href(&format!("{dir}/index.html")),
            esc(client),
            rs.len(),
            rs.len() - scores.len(),
            if scores.is_empty() {
                "-".to_string()
            } else {
                format!("{:.0}", mean(&scores))
            },
            scores.last().map_or("-".to_string(), |s| format!("{s:.0}")),
            sparkline(&scores, &format!("{client} score"), ""),
            href(&format!("{dir}/progress.html")),
        );
    }
    b.push_str("</tbody></table></section>\n");
    if failed > 0 {
        b.push_str("<section aria-labelledby=\"h-failed\"><h2 id=\"h-failed\">Failed files</h2><ul class=\"failed\">");
        for r in records.iter().filter(|r| r.answer().is_none()) {
            let _ = write!(
                b,
                "<li><strong>{}</strong>: {}</li>",
                esc(&r.rel),
                esc(r.error().unwrap_or(""))
            );
        }
        b.push_str("</ul></section>\n");
    }
    for (dir, rs) in &groups {
        let client = rs.first().map_or(dir.as_str(), |r| r.client.as_str());
        let _ = write!(b, "<section><h2>{}</h2>", esc(client));
        answers_table(&mut b, rs, &format!("{dir}/"));
        b.push_str("</section>\n");
    }
    b.push_str("</main>\n");
    page("starcoach batch", &[], &b)
}

/// Rewrites `summary.csv`, every client's page and progress page, and the index from
/// `records`.
pub fn write_all(
    out: &Path,
    records: &[Record],
    clients: &ClientHistories,
    themes: &[Theme],
) -> Result<()> {
    write_atomic(
        &out.join("summary.csv"),
        render_csv(records, clients)?.as_bytes(),
    )?;
    for (dir, rs) in group(records) {
        let client = rs.first().map_or(dir.as_str(), |r| r.client.as_str());
        write_atomic(
            &out.join(&dir).join("index.html"),
            render_client(client, &rs).as_bytes(),
        )?;
        write_atomic(
            &out.join(&dir).join("progress.html"),
            clients.progress_page(&dir, client, themes).as_bytes(),
        )?;
    }
    write_atomic(&out.join("index.html"), render_index(records).as_bytes())
}
