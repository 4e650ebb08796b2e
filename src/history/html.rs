//! The progress page: one self-contained HTML file (inline CSS and SVG charts, no scripts, no
//! external resources) that opens anywhere and can be sent to a client.

use std::fmt::Write as _;

use super::progress::{Progress, Series, Snapshot};
use crate::score::fmt_time;

use crate::report::html::esc;

/// A line chart of `values` (oldest first) from 0 to `y_max`, with a labelled point per attempt.
fn line_chart(class: &str, title: &str, values: &[f64], y_max: f64, decimals: usize) -> String {
    const W: f64 = 420.0;
    const H: f64 = 180.0;
    const L: f64 = 36.0;
    const R: f64 = 14.0;
    const T: f64 = 36.0;
    const B: f64 = 26.0;
    const PAD: f64 = 18.0;
    let y_max = if y_max > 0.0 { y_max } else { 1.0 };
    let n = values.len();
    let x = |i: usize| {
        if n <= 1 {
            L + (W - L - R) / 2.0
        } else {
            L + PAD + (W - L - R - 2.0 * PAD) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| T + (H - T - B) * (1.0 - (v.clamp(0.0, y_max) / y_max));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart {class}" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(title)
    );
    let _ = write!(
        s,
        r#"<text x="{L}" y="16" class="ct">{}</text>"#,
        esc(title)
    );
    for frac in [0.0, 0.5, 1.0] {
        let v = y_max * frac;
        let _ = write!(
            s,
            r#"<line x1="{L}" x2="{}" y1="{y:.1}" y2="{y:.1}" class="grid"/><text x="{}" y="{:.1}" class="ax" text-anchor="end">{}</text>"#,
            W - R,
            L - 4.0,
            y(v) + 4.0,
            fmt_num(v, if y_max >= 10.0 { 0 } else { 1 }),
            y = y(v)
        );
    }
    let pts: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect();
    if n > 1 {
        let _ = write!(s, r#"<polyline class="line" points="{}"/>"#, pts.join(" "));
    }
    for (i, v) in values.iter().enumerate() {
        let _ = write!(
            s,
            r#"<circle class="pt" cx="{:.1}" cy="{:.1}" r="4"><title>attempt {}: {}</title></circle><text class="val" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text><text class="ax" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            x(i),
            y(*v),
            i + 1,
            fmt_num(*v, decimals),
            x(i),
            y(*v) - 8.0,
            fmt_num(*v, decimals),
            x(i),
            H - 8.0,
            i + 1
        );
    }
    s.push_str("</svg>");
    s
}

fn fmt_num(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

fn arrow_cell(from: f64, to: f64, higher_is_better: bool, eps: f64) -> String {
    let a = super::progress::arrow(from, to, eps);
    let (class, word) = match super::progress::better(from, to, higher_is_better, eps) {
        Some(true) => ("up", "better"),
        Some(false) => ("down", "worse"),
        None => ("same", "same"),
    };
    format!(r#" <span class="{class}" title="{word}">{a}</span>"#)
}

fn table(s: &Series) -> String {
    let cells = |x: &Snapshot| {
        [
            format!("#{}", x.id),
            esc(&x.recorded_at),
            x.score.to_string(),
            format!("{} ({})", x.verdict, fmt_time(x.speaking_s)),
            format!("{:.1}", x.fillers_per_min),
            esc(&x.structure),
            x.result_metrics.to_string(),
        ]
    };
    let (f, l, b) = (cells(&s.first), cells(&s.latest), cells(&s.best));
    let arrow_cell = |from: f64, to: f64, hib: bool, eps: f64| {
        if s.attempts == 1 {
            String::new()
        } else {
            arrow_cell(from, to, hib, eps)
        }
    };
    let arrows = [
        String::new(),
        String::new(),
        arrow_cell(s.first.score.into(), s.latest.score.into(), true, 0.0),
        String::new(),
        arrow_cell(
            s.first.fillers_per_min,
            s.latest.fillers_per_min,
            false,
            0.05,
        ),
        arrow_cell(
            s.first.star_parts as f64,
            s.latest.star_parts as f64,
            true,
            0.0,
        ),
        arrow_cell(
            s.first.result_metrics as f64,
            s.latest.result_metrics as f64,
            true,
            0.0,
        ),
    ];
    let mut t = String::from(
        "<table><thead><tr><th></th><th>first</th><th>latest</th><th>best</th></tr></thead><tbody>",
    );
    for (i, label) in [
        "attempt",
        "when",
        "score",
        "length",
        "fillers/min",
        "structure",
        "result metrics",
    ]
    .iter()
    .enumerate()
    {
        let key = label.replace([' ', '/'], "-");
        let _ = write!(
            t,
            r#"<tr class="row-{key}"><th>{label}</th><td class="first">{}</td><td class="latest">{}{}</td><td class="best">{}</td></tr>"#,
            f[i], l[i], arrows[i], b[i]
        );
    }
    t.push_str("</tbody></table>");
    t
}

/// The whole page. `scope` says what the page covers (client, since...), shown under the title.
pub fn render(p: &Progress, scope: &str) -> String {
    render_with_links(p, scope, &[])
}

/// The page with links (text, relative address) above the title, e.g. back to a batch's
/// client summary.
pub fn render_with_links(p: &Progress, scope: &str, links: &[(&str, &str)]) -> String {
    let mut h = String::new();
    h.push_str(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>starcoach progress</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330;background:#fafbfc}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.3rem}
.scope{color:#5b6475;margin-top:0}
section.question{background:#fff;border:1px solid #e1e5ec;border-radius:8px;padding:1rem 1.2rem;margin:1rem 0}
section.question h3{margin:.2rem 0 .6rem;font-size:1.05rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1rem}
.chart{background:#fff;border:1px solid #eef0f4;border-radius:6px;max-width:100%;height:auto}
.chart .grid{stroke:#e6e9ef;stroke-width:1}.chart .ax{font-size:10px;fill:#7a8394}
.chart .ct{font-size:12px;font-weight:600;fill:#1d2330}
.chart .line{fill:none;stroke-width:2.5}.chart .val{font-size:11px;fill:#1d2330}
.score .line{stroke:#2f6fdf}.score .pt{fill:#2f6fdf}.fillers .line{stroke:#d9822b}.fillers .pt{fill:#d9822b}
table{border-collapse:collapse;margin-top:.6rem;font-size:.92rem}
th,td{padding:.25rem .8rem;text-align:left;border-bottom:1px solid #eef0f4}thead th{color:#5b6475;font-weight:600}
.up{color:#1a8a3a;font-weight:700}.down{color:#c0392b;font-weight:700}.same{color:#7a8394}
.summary{display:flex;gap:1.5rem;flex-wrap:wrap}.stat{background:#fff;border:1px solid #e1e5ec;border-radius:8px;padding:.6rem 1rem;min-width:7rem}
.stat b{display:block;font-size:1.6rem}.stat span{color:#5b6475;font-size:.85rem}
.missing{color:#c0392b}.ok{color:#1a8a3a}
ul{margin:.3rem 0}
</style></head><body>
"#,
    );
    if !links.is_empty() {
        h.push_str("<nav>");
        for (i, (text, to)) in links.iter().enumerate() {
            let _ = write!(
                h,
                "{}<a href=\"{}\">{}</a>",
                if i > 0 { " · " } else { "" },
                crate::report::html::href(to),
                esc(text)
            );
        }
        h.push_str("</nav>\n");
    }
    h.push_str("<h1>Interview practice: progress</h1>\n");
    let _ = writeln!(h, r#"<p class="scope">{}</p>"#, esc(scope));
    let Some(all) = &p.overall else {
        h.push_str("<p id=\"empty\">No answers in the history yet.</p></body></html>\n");
        return h;
    };
    let _ = write!(
        h,
        r#"<div class="summary" id="overall"><div class="stat"><b id="overall-attempts">{}</b><span>answers</span></div><div class="stat"><b>{}</b><span>questions</span></div><div class="stat"><b id="overall-repeated">{}</b><span>practised again</span></div><div class="stat"><b id="overall-change">{}</b><span>mean change, latest against first attempt at the same question</span></div></div>"#,
        all.attempts,
        p.questions.len(),
        p.overall_change.as_ref().map_or(0, |c| c.compared),
        p.overall_change
            .as_ref()
            .map_or("-".to_string(), |c| format!("{:+.1}", c.mean_change)),
    );
    let _ = write!(
        h,
        r#"<div class="charts">{}{}</div>"#,
        line_chart(
            "score",
            "Score, all attempts in order (different questions)",
            &all.scores.iter().map(|s| f64::from(*s)).collect::<Vec<_>>(),
            100.0,
            0
        ),
        line_chart(
            "fillers",
            "Fillers per minute, all attempts",
            &all.fillers_per_min,
            nice_max(&all.fillers_per_min),
            1
        )
    );

    h.push_str("<h2>By question</h2>\n");
    for (i, s) in p.questions.iter().enumerate() {
        let q = if s.question.is_empty() {
            "(no question given)".to_string()
        } else {
            s.question.clone()
        };
        let _ = write!(
            h,
            r#"<section class="question" id="q{}"><h3>{}</h3><p><span class="attempts">{}</span> attempt{}</p><div class="charts">{}{}</div>{}</section>"#,
            i + 1,
            esc(&q),
            s.attempts,
            if s.attempts == 1 { "" } else { "s" },
            line_chart(
                "score",
                "Score over attempts",
                &s.scores.iter().map(|x| f64::from(*x)).collect::<Vec<_>>(),
                100.0,
                0
            ),
            line_chart(
                "fillers",
                "Fillers per minute",
                &s.fillers_per_min,
                nice_max(&s.fillers_per_min),
                1
            ),
            table(s)
        );
        h.push('\n');
    }

    if !p.themes.is_empty() {
        h.push_str("<h2>Themes</h2>\n<table id=\"themes\"><tbody>");
        for t in &p.themes {
            let body = if t.backed_by.is_empty() {
                r#"<span class="missing">no answer backs this theme yet</span>"#.to_string()
            } else {
                t.backed_by
                    .iter()
                    .map(|b| {
                        format!(
                            "#{} {} <small>({})</small>",
                            b.id,
                            esc(b.question.as_deref().unwrap_or("(no question given)")),
                            esc(&b.why)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let _ = write!(h, "<tr><th>{}</th><td>{body}</td></tr>", esc(&t.theme));
        }
        h.push_str("</tbody></table>\n");
    }

    h.push_str("<h2>Story bank</h2>\n<p class=\"scope\">Strong: situation, task, action and result, with a result metric.</p><table id=\"stories\"><tbody>");
    for a in &p.stories {
        let body = if a.strong.is_empty() {
            format!(
                r#"<span class="missing">none yet</span>{}"#,
                if a.attempts > 0 {
                    format!(
                        " ({} attempt{}, none strong)",
                        a.attempts,
                        if a.attempts == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                }
            )
        } else {
            format!(
                r#"<span class="ok">✓</span> {}"#,
                a.strong
                    .iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let _ = write!(
            h,
            r#"<tr class="area-{0}"><th>{0}</th><td>{body}</td></tr>"#,
            a.area.as_str()
        );
    }
    h.push_str("</tbody></table>\n<h2>Priorities</h2>\n");
    if p.priorities.is_empty() {
        h.push_str("<p id=\"priorities\">None: every rating averages 3 or more on your latest attempts.</p>\n");
    } else {
        h.push_str("<ul id=\"priorities\">");
        for x in &p.priorities {
            let _ = write!(
                h,
                "<li>{} — {:.1}/5 on your latest attempts</li>",
                x.dimension, x.average
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    h
}

/// A round upper bound for a fillers chart (at least 5 a minute, the no-penalty line).
fn nice_max(values: &[f64]) -> f64 {
    let m = values.iter().copied().fold(0.0_f64, f64::max);
    let m = m.max(5.0);
    (m / 5.0).ceil() * 5.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::progress::build;

    #[test]
    fn empty_page_and_escaping() {
        let page = render(&build(&[], &[]), "client <b>&</b>");
        assert!(page.contains("No answers in the history yet"));
        assert!(page.contains("client &lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(!page.contains("<b>&</b>"));
    }

    #[test]
    fn charts_scale_and_label_every_point() {
        let svg = line_chart("score", "t", &[10.0, 50.0, 90.0], 100.0, 0);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<polyline"));
        assert!(line_chart("score", "t", &[42.0], 100.0, 0).contains(">42<"));
        assert_eq!(nice_max(&[0.0]), 5.0);
        assert_eq!(nice_max(&[12.3]), 15.0);
    }
}
