//! HTML: one self-contained page per answer that a coach can email or print to PDF.
//!
//! No network fetches: the CSS is inline, the charts are inline SVG, there are no fonts or
//! images, and no script unless the page plays its recording ([`Recording`]: a few inline
//! lines that seek the player to the clicked moment). Every piece of user text (question, transcript, file names) goes through
//! [`esc`]. Colour is never the only signal: STAR parts carry a letter tag, fillers and
//! metrics are `<mark>`s with a title, and each chart has a legend and an `aria-label`.
//! The building blocks ([`page`], [`sparkline`], [`esc`]) are shared with `batch`'s summaries.

use std::fmt::Write;

use super::{answer_name, findings, fmt_points, fmt_time, kind_note, pace_name, points_line};
use crate::score::delivery::PauseKind;
use crate::score::star::StarPart;
use crate::score::AnswerScore;

/// Escapes text for HTML content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a relative link target: each path segment percent-encoded where needed.
pub fn href(rel: &str) -> String {
    let mut out = String::new();
    for b in rel.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// The shared stylesheet (screen and print).
pub const CSS: &str = r#"
:root{--s:#2563eb;--t:#7c3aed;--a:#15803d;--r:#c2410c;--l:#0f766e;--filler:#fde047;--metric:#bbf7d0;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.5;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
nav{font-size:.9rem;margin-bottom:.5rem}nav a{margin-right:1rem}
.muted{color:var(--muted)}
.summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.score{font-size:3rem;font-weight:700;line-height:1;margin:0}.score small{font-size:1rem;color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;padding:.25rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.dots{letter-spacing:2px;color:var(--ink)}
.next{background:#eff6ff;border-left:4px solid var(--s);padding:.6rem 1rem;font-size:1.1rem}
.warning{background:#fef3c7;border-left:4px solid #b45309;padding:.6rem 1rem}
.legend{font-size:.85rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.3rem 0}
.legend span{display:inline-flex;align-items:center;gap:.3rem}
.sw{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;border:1px solid #0003}
.sent{border-left:4px solid transparent;padding-left:.35rem;margin:.15rem 0;display:block}
.sent.situation{border-color:var(--s);background:#eff6ff}.sent.task{border-color:var(--t);background:#f5f3ff}
.sent.action{border-color:var(--a);background:#f0fdf4}.sent.result{border-color:var(--r);background:#fff7ed}
.sent.reflection{border-color:var(--l);background:#f0fdfa}
.tag{font-size:.7rem;font-weight:700;border-radius:3px;padding:0 .25rem;margin-right:.3rem;color:#fff;background:var(--muted)}
.tag.situation{background:var(--s)}.tag.task{background:var(--t)}.tag.action{background:var(--a)}.tag.result{background:var(--r)}.tag.reflection{background:var(--l)}
.time{font-size:.75rem;color:var(--muted);margin-right:.3rem;font-variant-numeric:tabular-nums}
mark.filler{background:var(--filler);text-decoration:underline wavy #a16207;padding:0 .1rem}
mark.metric{background:var(--metric);font-weight:700;border-bottom:2px solid var(--a);padding:0 .1rem}
svg{max-width:100%;height:auto;display:block}
svg text{font-family:inherit}
.failed{color:#b91c1c}
footer{margin-top:2rem;font-size:.8rem;color:var(--muted)}
@media print{
 body{max-width:none;padding:0;font-size:11pt}
 nav{display:none}
 h2{break-after:avoid}
 section,table,svg,.next{break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
}
"#;

/// A whole page: doctype, inline stylesheet, optional navigation links, the body.
pub fn page(title: &str, nav: &[(&str, &str)], body: &str) -> String {
    let mut out = String::with_capacity(body.len() + CSS.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    if !nav.is_empty() {
        out.push_str("<nav aria-label=\"Reports\">");
        for (label, target) in nav {
            let _ = write!(out, "<a href=\"{}\">{}</a>", href(target), esc(label));
        }
        out.push_str("</nav>\n");
    }
    out.push_str(body);
    let _ = write!(
        out,
        "<footer>Made by starcoach {} on this computer; no audio or text left it.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Where the report's player finds the recording.
#[derive(Debug, Clone, PartialEq)]
pub enum Recording {
    /// A relative address from the report to the recording (e.g. `answer-1.wav`).
    Beside(String),
    /// The recording inside the page (a `data:` address): one file to send.
    Embedded { mime: String, bytes: Vec<u8> },
}

impl Recording {
    /// The recording at `file`, linked from a report written into `report_dir` (`None` when no
    /// relative path leads there, e.g. another drive).
    pub fn beside(report_dir: &std::path::Path, file: &std::path::Path) -> Option<Recording> {
        let abs = |p: &std::path::Path| std::path::absolute(p).ok();
        let rel = pathdiff::diff_paths(abs(file)?, abs(report_dir)?)?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(Recording::Beside(parts.join("/")))
    }

    pub(crate) fn src(&self) -> String {
        match self {
            Recording::Beside(rel) => href(rel),
            Recording::Embedded { mime, bytes } => {
                use base64::Engine as _;
                format!(
                    "data:{mime};base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(bytes)
                )
            }
        }
    }
}

/// Seeks the player to the moment a clicked element names (`data-t`, seconds) and plays.
pub(crate) const PLAYER_JS: &str = "(function(){var p=document.getElementById('player');document.addEventListener('click',function(e){var el=e.target.closest('[data-t]');if(!el)return;p.currentTime=Math.max(0,parseFloat(el.getAttribute('data-t'))-0.25);var r=p.play();if(r&&r.catch)r.catch(function(){});});})();";

/// Renders one answer's report as a standalone page; `nav` links (label, relative href) go on
/// top (e.g. back to a client's summary).
pub fn render_html(a: &AnswerScore, nav: &[(&str, &str)]) -> String {
    render_html_with(a, nav, None)
}

/// [`render_html`] with a player for the recording: a click on a sentence, a filler or a pause
/// (on the timeline or in the transcript) plays that moment.
pub fn render_html_with(
    a: &AnswerScore,
    nav: &[(&str, &str)],
    recording: Option<&Recording>,
) -> String {
    let name = answer_name(a, 0);
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<header><h1>Answer report: {}</h1><p class=\"muted\">{} question{}; recording {}, speaking {}</p></header>\n<main>",
        esc(&name),
        a.question_type,
        kind_note(a).map_or(String::new(), |n| format!(" ({})", esc(&n))),
        fmt_time(a.duration_s),
        fmt_time(a.speaking_s)
    );
    b.push_str("<section aria-labelledby=\"h-question\"><h2 id=\"h-question\">Question</h2>");
    match &a.question {
        Some(q) => {
            let _ = write!(b, "<p id=\"question\">{}</p>", esc(q));
        }
        None => b.push_str("<p id=\"question\" class=\"muted\">Not given.</p>"),
    }
    b.push_str("</section>\n");
    for w in &a.warnings {
        let _ = writeln!(
            b,
            "<p class=\"warning\" role=\"alert\"><strong>Warning:</strong> {}</p>",
            esc(w)
        );
    }
    summary(&mut b, a);
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"h-next\"><h2 id=\"h-next\">Next step</h2><p class=\"next\" id=\"next-step\">{}</p></section>",
        esc(&a.next_step)
    );
    if a.words > 0 {
        points(&mut b, a);
    }
    let fs = findings(a, 10);
    if !fs.is_empty() {
        b.push_str(
            "<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">What we found</h2><ul>",
        );
        for f in fs {
            let _ = write!(b, "<li>{}</li>", esc(&f));
        }
        b.push_str("</ul></section>\n");
    }
    b.push_str("<section aria-labelledby=\"h-timeline\"><h2 id=\"h-timeline\">Timeline</h2>");
    if let Some(r) = recording {
        let _ = write!(
            b,
            "<div id=\"listen\"><audio id=\"player\" controls preload=\"metadata\" src=\"{}\"></audio> \
             <span class=\"muted\">Click a sentence, a filler or a pause, here or in the transcript, to hear it.</span>\
             <style>[data-t]{{cursor:pointer}}#listen{{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}}</style></div>",
            r.src()
        );
    }
    b.push_str(&timeline(a));
    b.push_str("</section>\n<section aria-labelledby=\"h-length\"><h2 id=\"h-length\">Length</h2>");
    b.push_str(&gauge(a));
    b.push_str("</section>\n");
    transcript(&mut b, a);
    b.push_str("</main>\n");
    if recording.is_some() {
        let _ = writeln!(b, "<script>{PLAYER_JS}</script>");
    }
    page(&format!("starcoach: {name}"), nav, &b)
}

/// Why the score is what it is: each rubric item's points and the ceiling (docs/scoring.md).
fn points(b: &mut String, a: &AnswerScore) {
    let _ = write!(
        b,
        "<section aria-labelledby=\"h-points\"><h2 id=\"h-points\">Points</h2><p>{}.</p>\
         <table id=\"points\" aria-label=\"Points per rubric item\"><thead><tr><th>Item</th><th>Dimension</th><th class=\"num\">Points</th><th>Lost because</th></tr></thead><tbody>",
        esc(&points_line(a))
    );
    for i in &a.breakdown.items {
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}/{}</td><td>{}</td></tr>",
            esc(&i.label),
            i.dimension.as_str(),
            fmt_points(i.points),
            fmt_points(i.max),
            esc(i.why.as_deref().unwrap_or(""))
        );
    }
    b.push_str("</tbody></table>");
    if let Some(c) = &a.breakdown.ceiling {
        let _ = write!(
            b,
            "<p id=\"ceiling\">Points earned {}; while {} {} missing the score is held at {} or less.</p>",
            fmt_points(a.breakdown.earned),
            esc(&c.because.join(" and ")),
            if c.because.len() == 1 { "is" } else { "are" },
            c.max_score
        );
    }
    b.push_str("</section>\n");
}

fn dots(n: u8) -> String {
    let n = n.min(5) as usize;
    format!("{}{}", "●".repeat(n), "○".repeat(5 - n))
}

fn summary(b: &mut String, a: &AnswerScore) {
    let r = &a.ratings;
    let _ = write!(
        b,
        "<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Verdict</h2><div class=\"summary\">\
         <div><p class=\"score\"><span id=\"score\">{}</span><small>/100</small></p><p class=\"muted\">overall score</p></div>\
         <table aria-label=\"Ratings, 1 to 5\"><thead><tr><th>Rating</th><th class=\"num\">1-5</th><th>Scale</th></tr></thead><tbody>",
        a.score
    );
    for (label, v) in [
        ("Length", r.length),
        ("Structure", r.structure),
        ("Evidence", r.evidence),
        ("Delivery", r.delivery),
    ] {
        let _ = write!(
            b,
            "<tr><td>{label}</td><td class=\"num rating\">{v}</td><td class=\"dots\" aria-hidden=\"true\">{}</td></tr>",
            dots(v)
        );
    }
    b.push_str("</tbody></table><table aria-label=\"Verdicts\"><tbody>");
    let _ = write!(
        b,
        "<tr><th>Length</th><td>{} ({} against {}-{})</td></tr>",
        a.length.verdict.as_str(),
        fmt_time(a.speaking_s),
        fmt_time(a.length.target_min_s),
        fmt_time(a.length.target_max_s)
    );
    if a.timing_estimated {
        b.push_str("<tr><th>Pace</th><td>not measured (no word times)</td></tr>");
    } else {
        let _ = write!(
            b,
            "<tr><th>Pace</th><td>{:.0} words/min ({})</td></tr>",
            a.wpm,
            pace_name(a.pace)
        );
    }
    let fs = &a.filler_stats;
    let _ = write!(
        b,
        "<tr><th>Fillers</th><td>{} ({:.1}/min), {} hedge{}</td></tr>",
        fs.count,
        fs.per_min,
        fs.hedges,
        if fs.hedges == 1 { "" } else { "s" }
    );
    match &a.star {
        Some(star) => {
            let present: Vec<&str> = StarPart::ALL
                .iter()
                .filter(|p| star.part(**p).present)
                .map(|p| p.as_str())
                .collect();
            let _ = write!(
                b,
                "<tr><th>Structure</th><td>STAR parts present: {}</td></tr>",
                if present.is_empty() {
                    "none".to_string()
                } else {
                    present.join(", ")
                }
            );
        }
        None => {
            let passed = a.checks.iter().filter(|c| c.passed).count();
            let _ = write!(
                b,
                "<tr><th>Structure</th><td>{passed} of {} checks met</td></tr>",
                a.checks.len()
            );
        }
    }
    let _ = writeln!(
        b,
        "<tr><th>Results</th><td>{} quantified</td></tr></tbody></table></div></section>",
        a.quantified_results.len()
    );
}

/// Colour variable of a STAR part.
fn part_color(p: StarPart) -> &'static str {
    match p {
        StarPart::Situation => "#2563eb",
        StarPart::Task => "#7c3aed",
        StarPart::Action => "#15803d",
        StarPart::Result => "#c2410c",
        StarPart::Reflection => "#0f766e",
    }
}

fn part_letter(p: StarPart) -> &'static str {
    p.letter()
}

fn part_label(p: StarPart) -> &'static str {
    match p {
        StarPart::Situation => "Situation",
        StarPart::Task => "Task",
        StarPart::Action => "Action",
        StarPart::Result => "Result",
        StarPart::Reflection => "Learning",
    }
}

fn star_legend(b: &mut String) {
    b.push_str("<div class=\"legend\">");
    for p in StarPart::ALL {
        let _ = write!(
            b,
            "<span><span class=\"sw\" style=\"background:{}\"></span>{} ({})</span>",
            part_color(p),
            part_label(p),
            part_letter(p)
        );
    }
}

/// A finite, non-negative number.
fn fin(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// The answer on a time axis: STAR parts per sentence, fillers, long pauses.
fn timeline(a: &AnswerScore) -> String {
    const W: f64 = 1000.0;
    const L: f64 = 70.0;
    let span = fin(a.duration_s).max(fin(a.speech_end_s)).max(1.0);
    let x = |t: f64| L + fin(t).min(span) / span * (W - L - 10.0);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"timeline\" viewBox=\"0 0 {W} 150\" width=\"{W}\" height=\"150\" role=\"img\" aria-label=\"Timeline of the answer: {} sentences, {} fillers, {} long pauses over {}\">",
        a.sentences.len(),
        a.fillers.len(),
        a.pauses.len(),
        fmt_time(span)
    );
    s.push_str("<text x=\"0\" y=\"35\" font-size=\"13\">Structure</text><text x=\"0\" y=\"77\" font-size=\"13\">Fillers</text><text x=\"0\" y=\"107\" font-size=\"13\">Pauses</text>");
    let _ = write!(
        s,
        "<rect x=\"{L}\" y=\"15\" width=\"{}\" height=\"30\" fill=\"#f3f4f6\"/>",
        W - L - 10.0
    );
    for sent in &a.sentences {
        let (x0, x1) = (x(sent.start_s), x(sent.end_s.max(sent.start_s)));
        let w = (x1 - x0).max(1.5);
        let (fill, letter, label) = match sent.part {
            Some(p) => (part_color(p), part_letter(p), part_label(p)),
            None => ("#d1d5db", "", "Unclassified"),
        };
        let _ = write!(
            s,
            "<g data-t=\"{:.2}\"><title>{} {}-{}: {}</title><rect x=\"{x0:.1}\" y=\"15\" width=\"{w:.1}\" height=\"30\" fill=\"{fill}\" stroke=\"#fff\" stroke-width=\"1\"/>",
            fin(sent.start_s),
            label,
            fmt_time(sent.start_s),
            fmt_time(sent.end_s),
            esc(&sent.text)
        );
        if w > 14.0 && !letter.is_empty() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"35\" font-size=\"13\" fill=\"#fff\" text-anchor=\"middle\" font-weight=\"700\">{letter}</text>",
                x0 + w / 2.0
            );
        }
        s.push_str("</g>");
    }
    for f in &a.fillers {
        let xf = x(f.start_s);
        let _ = write!(
            s,
            "<g class=\"filler-tick\" data-t=\"{:.2}\"><title>{} at {}</title><path d=\"M{xf:.1} 62 l-5 18 h10 z\" fill=\"#eab308\" stroke=\"#a16207\"/></g>",
            fin(f.start_s),
            esc(&f.text),
            fmt_time(f.start_s)
        );
    }
    for p in &a.pauses {
        let (x0, x1) = (x(p.start_s), x(p.end_s));
        let lost = p.kind == PauseKind::LostThread;
        let _ = write!(
            s,
            "<g class=\"pause\" data-t=\"{:.2}\"><title>{} pause {:.1} s at {}</title><rect x=\"{x0:.1}\" y=\"95\" width=\"{:.1}\" height=\"16\" fill=\"{}\" stroke=\"#374151\"/></g>",
            fin(p.start_s),
            if lost { "Long" } else { "Hesitation" },
            p.end_s - p.start_s,
            fmt_time(p.start_s),
            (x1 - x0).max(2.0),
            if lost { "#6b7280" } else { "#d1d5db" }
        );
    }
    // Axis with ticks every 10, 15, 30 or 60 s.
    let step = [5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0]
        .into_iter()
        .find(|st| span / st <= 12.0)
        .unwrap_or_else(|| (span / 12.0 / 600.0).ceil().max(1.0) * 600.0);
    let _ = write!(
        s,
        "<line x1=\"{L}\" y1=\"125\" x2=\"{}\" y2=\"125\" stroke=\"#6b7280\"/>",
        W - 10.0
    );
    // At most 13 ticks, whatever the times say (a transcript file may claim anything).
    let ticks = if span.is_finite() {
        (span / step + 0.01) as usize
    } else {
        0
    };
    for k in 0..=ticks.min(12) {
        let t = k as f64 * step;
        let xt = x(t);
        let _ = write!(
            s,
            "<line x1=\"{xt:.1}\" y1=\"121\" x2=\"{xt:.1}\" y2=\"129\" stroke=\"#6b7280\"/><text x=\"{xt:.1}\" y=\"145\" font-size=\"12\" text-anchor=\"middle\" fill=\"#374151\">{}</text>",
            fmt_time(t)
        );
    }
    s.push_str("</svg>");
    let mut b = s;
    star_legend(&mut b);
    b.push_str("<span><span class=\"sw\" style=\"background:#d1d5db\"></span>Unclassified</span><span><span class=\"sw\" style=\"background:#eab308\"></span>Filler (▲)</span><span><span class=\"sw\" style=\"background:#6b7280\"></span>Long pause (lost thread)</span><span><span class=\"sw\" style=\"background:#d1d5db\"></span>Hesitation pause</span></div>");
    b
}

/// The speaking time against the question kind's target band.
fn gauge(a: &AnswerScore) -> String {
    const W: f64 = 1000.0;
    let (lo, hi) = (fin(a.length.target_min_s), fin(a.length.target_max_s));
    let spoke = fin(a.speaking_s);
    let max = (hi * 1.5).max(spoke * 1.1).max(1.0);
    let x = |t: f64| 10.0 + t.min(max) / max * (W - 20.0);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"length-gauge\" viewBox=\"0 0 {W} 80\" width=\"{W}\" height=\"80\" role=\"img\" aria-label=\"Speaking time {} against a target of {} to {}: {}\">",
        fmt_time(spoke),
        fmt_time(lo),
        fmt_time(hi),
        a.length.verdict.as_str()
    );
    let _ = write!(
        s,
        "<rect x=\"10\" y=\"25\" width=\"{:.1}\" height=\"20\" rx=\"4\" fill=\"#e5e7eb\"/>",
        W - 20.0
    );
    let _ = write!(
        s,
        "<rect x=\"{:.1}\" y=\"25\" width=\"{:.1}\" height=\"20\" fill=\"#86efac\" stroke=\"#15803d\"/>",
        x(lo),
        (x(hi) - x(lo)).max(1.0)
    );
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"18\" font-size=\"12\" text-anchor=\"middle\">target {}-{}</text>",
        (x(lo) + x(hi)) / 2.0,
        fmt_time(lo),
        fmt_time(hi)
    );
    let xs = x(spoke);
    let _ = write!(
        s,
        "<path d=\"M{xs:.1} 22 v26\" stroke=\"#111827\" stroke-width=\"4\"/><text x=\"{xs:.1}\" y=\"68\" font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\">you: {} ({})</text></svg>",
        fmt_time(spoke),
        a.length.verdict.as_str()
    );
    s
}

/// The transcript, one line per sentence tagged with its STAR part; fillers and result
/// metrics marked.
fn transcript(b: &mut String, a: &AnswerScore) {
    b.push_str("<section aria-labelledby=\"h-transcript\"><h2 id=\"h-transcript\">Transcript</h2>");
    if a.transcript.trim().is_empty() {
        b.push_str("<p class=\"muted\">No speech found.</p></section>\n");
        return;
    }
    star_legend(b);
    b.push_str("<span><mark class=\"filler\">filler</mark></span><span><mark class=\"metric\">result metric</mark></span></div>");
    let words: Vec<&str> = a.transcript.split_whitespace().collect();
    #[derive(Clone, Copy, PartialEq)]
    enum M {
        None,
        Filler,
        Metric,
    }
    let mut marks = vec![M::None; words.len()];
    // Where each filler starts (by its first word), for the player.
    let filler_at: std::collections::HashMap<usize, f64> = a
        .fillers
        .iter()
        .map(|f| (f.word_index, fin(f.start_s)))
        .collect();
    for q in &a.quantified_results {
        for m in marks
            .iter_mut()
            .take(q.end_word.min(words.len()))
            .skip(q.first_word)
        {
            *m = M::Metric;
        }
    }
    for f in &a.fillers {
        let n = f.text.split(' ').count();
        for m in marks
            .iter_mut()
            .take((f.word_index + n).min(words.len()))
            .skip(f.word_index)
        {
            *m = M::Filler;
        }
    }
    // Sentence boundaries by word count; if they do not add up, one block without parts.
    let counts: Vec<usize> = a
        .sentences
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .collect();
    let ranges: Vec<(usize, usize, Option<&crate::score::star::SentenceInfo>)> =
        if counts.iter().sum::<usize>() == words.len() && !counts.is_empty() {
            let mut at = 0;
            a.sentences
                .iter()
                .zip(&counts)
                .map(|(s, n)| {
                    at += n;
                    (at - n, at, Some(s))
                })
                .collect()
        } else {
            vec![(0, words.len(), None)]
        };
    b.push_str("<div id=\"transcript\">");
    for (from, to, sent) in ranges {
        let part = sent.and_then(|s| s.part);
        let class = part.map_or("none", StarPart::as_str);
        match sent {
            Some(s) => {
                let _ = write!(
                    b,
                    "<p class=\"sent {class}\" data-t=\"{:.2}\">",
                    fin(s.start_s)
                );
            }
            None => {
                let _ = write!(b, "<p class=\"sent {class}\">");
            }
        }
        if let Some(s) = sent {
            let _ = write!(b, "<span class=\"time\">{}</span>", fmt_time(s.start_s));
        }
        if let Some(p) = part {
            let _ = write!(
                b,
                "<span class=\"tag {class}\" title=\"{}\">{}</span>",
                part_label(p),
                part_letter(p)
            );
        }
        let mut i = from;
        while i < to {
            let m = marks[i];
            let mut j = i;
            while j < to && marks[j] == m {
                j += 1;
            }
            let text = esc(&words[i..j].join(" "));
            match m {
                M::None => b.push_str(&text),
                M::Filler => match filler_at.get(&i) {
                    Some(t) => {
                        let _ = write!(
                            b,
                            "<mark class=\"filler\" title=\"filler\" data-t=\"{t:.2}\">{text}</mark>"
                        );
                    }
                    None => {
                        let _ = write!(b, "<mark class=\"filler\" title=\"filler\">{text}</mark>");
                    }
                },
                M::Metric => {
                    let _ = write!(
                        b,
                        "<mark class=\"metric\" title=\"result metric\">{text}</mark>"
                    );
                }
            }
            if j < to {
                b.push(' ');
            }
            i = j;
        }
        b.push_str("</p>");
    }
    b.push_str("</div></section>\n");
}

/// A small line chart of `values` (in order), with its first and last value labelled.
/// Returns an empty string for no values.
pub fn sparkline(values: &[f64], label: &str, unit: &str) -> String {
    let vals: Vec<f64> = values.iter().map(|v| fin(*v)).collect();
    if vals.is_empty() {
        return String::new();
    }
    const W: f64 = 220.0;
    const H: f64 = 48.0;
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let range = (hi - lo).max(1e-9);
    let n = vals.len();
    let px = |i: usize| {
        if n == 1 {
            W / 2.0
        } else {
            6.0 + i as f64 / (n - 1) as f64 * (W - 12.0)
        }
    };
    let py = |v: f64| {
        if hi - lo < 1e-9 {
            H / 2.0
        } else {
            H - 6.0 - (v - lo) / range * (H - 12.0)
        }
    };
    let points: Vec<String> = vals
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", px(i), py(*v)))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"spark\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{}: from {:.1}{unit} to {:.1}{unit} over {n} answers\">",
        esc(label),
        vals[0],
        vals[n - 1]
    );
    let _ = write!(
        s,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>",
        points.join(" ")
    );
    for (i, v) in vals.iter().enumerate() {
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#2563eb\"><title>{:.1}{unit}</title></circle>",
            px(i),
            py(*v),
            v
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn escapes_user_text() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        let mut a = fixtures::closing();
        a.question = Some("<img src=x onerror=alert(1)>".into());
        let html = render_html(&a, &[]);
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;img src=x"));
    }

    #[test]
    fn href_encodes_odd_names() {
        assert_eq!(href("(none)/a b.html"), "%28none%29/a%20b.html");
        assert_eq!(href("x\"y"), "x%22y");
    }

    #[test]
    fn self_contained_and_complete() {
        let a = fixtures::timed();
        let html = render_html(&a, &[("All clients", "../index.html")]);
        for bad in ["http:", "https:", "//", "url("] {
            assert!(!html.contains(bad), "{bad}");
        }
        assert!(html.contains("<mark class=\"filler\""));
        assert!(html.contains("<mark class=\"metric\""));
        assert!(html.contains("class=\"sent result\""));
        assert!(html.contains("id=\"timeline\""));
        assert!(html.contains("@media print"));
        assert!(html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn a_player_only_with_a_recording() {
        let a = fixtures::timed();
        let plain = render_html(&a, &[]);
        assert!(!plain.contains("<script") && !plain.contains("<audio"));
        let linked = render_html_with(&a, &[], Some(&Recording::Beside("my answer.wav".into())));
        assert!(linked.contains(
            "<audio id=\"player\" controls preload=\"metadata\" src=\"my%20answer.wav\">"
        ));
        assert!(linked.contains("<script>") && !linked.contains("<script src"));
        // Every filler in the transcript and on the timeline says when it was said.
        assert_eq!(
            linked.matches("class=\"filler-tick\" data-t=").count(),
            a.fillers.len()
        );
        let embedded = render_html_with(
            &a,
            &[],
            Some(&Recording::Embedded {
                mime: "audio/wav".into(),
                bytes: b"RIFF".to_vec(),
            }),
        );
        assert!(embedded.contains("src=\"data:audio/wav;base64,UklGRg==\""));
        // Paths only: nothing needs to exist.
        let d = std::env::temp_dir();
        let rec = d.join("in/client x/a.m4a");
        let out = d.join("out/client x");
        assert_eq!(
            Recording::beside(&out, &rec),
            Some(Recording::Beside("../../in/client x/a.m4a".into()))
        );
    }

    #[test]
    fn empty_answer_renders() {
        let html = render_html(&fixtures::empty(), &[]);
        assert!(html.contains("No speech found."));
        assert!(sparkline(&[], "x", "").is_empty());
        assert!(sparkline(&[1.0], "x", "").contains("<circle"));
    }

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render_html(&fixtures::timed(), &[("Client", "index.html")]));
    }
}
