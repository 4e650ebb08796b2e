//! The HTML pages in a real browser: a batch of real recordings scored with the real model,
//! then the answer report, the client summary and the index loaded in headless Chromium.
//! Asserts on the rendered DOM, checks links resolve and nothing is fetched from outside, and
//! leaves screenshots in `target/screenshots/` for people to look at.
#![cfg(all(feature = "model-tests", feature = "browser-tests"))]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// Every `href="..."` of a page resolves to an existing file (relative links only).
fn assert_links_resolve(page: &Path, html: &str) -> usize {
    let mut n = 0;
    // The player's recording (unless it is inside the page) must be there too.
    for part in html.split(" src=\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        if !target.starts_with("data:") {
            let p = page.parent().unwrap().join(percent_decode(target));
            assert!(
                p.is_file(),
                "{} plays missing {}",
                page.display(),
                p.display()
            );
        }
    }
    for part in html.split("href=\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        assert!(
            !target.contains(':') && !target.starts_with("//"),
            "external link {target} in {}",
            page.display()
        );
        let decoded = percent_decode(target);
        let p = page.parent().unwrap().join(&decoded);
        assert!(
            p.is_file(),
            "{} links to missing {}",
            page.display(),
            p.display()
        );
        n += 1;
    }
    n
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn assert_self_contained(html: &str) {
    // A recording inside the page (base64, which may hold "//") is not a fetch.
    let mut html = html.to_string();
    while let Some(at) = html.find("\"data:") {
        let end = at + 1 + html[at + 1..].find('"').unwrap();
        html.replace_range(at..=end, "\"\"");
    }
    // An inline script (the player's) is fine; one fetched from elsewhere is not.
    for bad in [
        "http:",
        "https:",
        "//",
        "<script src",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(bad), "{bad} found");
    }
}

#[test]
fn report_summary_and_index_render_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let out = dir.path().join("reports");
    for (from, to) in [
        ("answers/answer.ogg", "dana/2026-01-answer.ogg"),
        ("answers/answer.m4a", "dana/2026-02-answer.m4a"),
        ("bad/notes.mp3", "dana/notes.mp3"),
    ] {
        let p = inbox.join(to);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(fixture(from), &p).unwrap();
    }
    let o = Command::new(assert_cmd::cargo::cargo_bin("starcoach"))
        .env("STARCOACH_HISTORY", dir.path().join("history.sqlite3"))
        .arg("batch")
        .arg(&inbox)
        .arg("--out")
        .arg(&out)
        .arg("--model")
        .arg(model_path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let report = out.join("dana/2026-01-answer.html");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("dana/2026-01-answer.json")).unwrap(),
    )
    .unwrap();
    let a = &json["answers"][0];
    let raw = std::fs::read_to_string(&report).unwrap();
    assert_self_contained(&raw);
    assert!(assert_links_resolve(&report, &raw) >= 2);
    let d = dom(&report);
    assert!(
        d.contains(&format!("<span id=\"score\">{}</span>", a["score"])),
        "score {} not in DOM",
        a["score"]
    );
    let next = a["next_step"].as_str().unwrap();
    let next_html = next
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(d.contains(&next_html), "next step not in DOM");
    assert!(d.contains("<svg id=\"timeline\""));
    assert!(d.contains("<svg id=\"length-gauge\""));
    assert!(d.contains("<h1>"));
    if !a["fillers"].as_array().unwrap().is_empty() {
        assert!(d.contains("<mark class=\"filler\""), "filler marks");
    }
    if !a["quantified_results"].as_array().unwrap().is_empty() {
        assert!(d.contains("<mark class=\"metric\""), "metric marks");
    }
    assert!(d.contains("class=\"sent "), "sentences coloured");
    screenshot(&report, "answer-report");

    let client = out.join("dana/index.html");
    let raw = std::fs::read_to_string(&client).unwrap();
    assert_self_contained(&raw);
    // Two reports, the progress page, back to the index.
    assert_eq!(assert_links_resolve(&client, &raw), 4);
    let d = dom(&client);
    assert!(d.contains("<span id=\"client\">dana</span>"));
    assert_eq!(
        d.matches("<svg class=\"spark\"").count(),
        3,
        "three trend lines"
    );
    assert!(d.contains("not an audio file"));
    screenshot(&client, "client-summary");

    // Issue 26: the client's progress page, from the practice history this batch wrote.
    let progress = out.join("dana/progress.html");
    let raw = std::fs::read_to_string(&progress).unwrap();
    assert_self_contained(&raw);
    let d = dom(&progress);
    assert!(
        d.contains("client dana: every answer in the practice history"),
        "scope"
    );
    assert!(
        d.contains("<b id=\"overall-attempts\">2</b>"),
        "both scored answers"
    );
    // No question given: both are attempts at a behavioral answer, one series of two.
    assert!(
        d.contains("<span class=\"attempts\">2</span> attempts"),
        "{d}"
    );
    assert_eq!(d.matches("<section class=\"question\"").count(), 1);
    screenshot(&progress, "client-progress");

    let index = out.join("index.html");
    let raw = std::fs::read_to_string(&index).unwrap();
    assert_self_contained(&raw);
    // Client, progress, 2 reports, summary.csv.
    assert!(assert_links_resolve(&index, &raw) >= 5);
    let d = dom(&index);
    assert!(d.contains("href=\"dana/progress.html\""));
    assert!(d.contains("dana/2026-02-answer.html"));
    assert!(d.contains("Failed files"));
    screenshot(&index, "index");
}

/// Issue 27 (4): a click on a filler in the transcript plays the recording from that moment,
/// in headless Chromium, on the report `score --out` writes beside the recording and on one
/// with the recording embedded.
#[test]
fn the_player_seeks_to_the_clicked_moment() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("my answer.ogg");
    std::fs::copy(fixture("example/answer.ogg"), &rec).unwrap();
    let out = dir.path().join("reports");
    let o = bin()
        .args(["score", "--no-history", "--out"])
        .arg(&out)
        .arg(&rec)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = out.join("my answer.html");
    let raw = std::fs::read_to_string(&report).unwrap();
    assert_self_contained(&raw);
    assert!(raw.contains("src=\"../my%20answer.ogg\""), "linked beside");
    assert_links_resolve(&report, &raw);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("my answer.json")).unwrap())
            .unwrap();
    let duration = json["answers"][0]["duration_s"].as_f64().unwrap();
    let check = |page: &Path, raw: &str, name: &str| {
        // The page as a user would click it: a copy beside it with a few lines that click the
        // first filler in the transcript once the page has loaded, and write down where the
        // player went.
        let clicker = r#"<script>
window.addEventListener('load', function () {
  var p = document.getElementById('player');
  var m = document.querySelector('#transcript mark.filler[data-t]');
  p.muted = true;
  m.click();
  // Loaded (readyState 4: the whole recording is there), moved to the moment, playing.
  document.body.setAttribute('data-ready', p.readyState);
  document.body.setAttribute('data-seeked', p.currentTime.toFixed(2));
  document.body.setAttribute('data-duration', p.duration.toFixed(2));
  document.body.setAttribute('data-playing', p.paused ? 0 : 1);
  document.body.setAttribute('data-want', m.getAttribute('data-t'));
});
</script></body>"#;
        let harness = page.with_file_name(format!("{name}-click.html"));
        std::fs::write(&harness, raw.replace("</body>", clicker)).unwrap();
        let o = browser(
            &harness,
            &[
                "--dump-dom".into(),
                "--virtual-time-budget=15000".into(),
                "--autoplay-policy=no-user-gesture-required".into(),
                "--allow-file-access-from-files".into(),
            ],
        );
        let d = String::from_utf8_lossy(&o.stdout).into_owned();
        let attr = |k: &str| -> f64 {
            let at = d
                .find(&format!("{k}=\""))
                .unwrap_or_else(|| panic!("{name}: no {k} in the DOM"));
            let rest = &d[at + k.len() + 2..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        };
        let (seeked, want, dur) = (
            attr("data-seeked"),
            attr("data-want"),
            attr("data-duration"),
        );
        assert!(want > 1.0, "{name}: a filler after the start ({want})");
        assert!(
            (seeked - (want - 0.25).max(0.0)).abs() < 0.05,
            "{name}: seeked to {seeked}, filler at {want}"
        );
        assert!(
            (dur - duration).abs() < 0.5,
            "{name}: the recording ({dur} s, {duration} s)"
        );
        screenshot(page, name);
    };
    check(&report, &raw, "player-linked");

    let o = bin()
        .args(["score", "--no-history", "--format", "html", "--embed-audio"])
        .arg(&rec)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let raw = String::from_utf8(o.stdout).unwrap();
    assert!(raw.contains("src=\"data:audio/wav;base64,"), "embedded");
    assert_self_contained(&raw);
    let alone = dir.path().join("sent/answer.html");
    std::fs::create_dir_all(alone.parent().unwrap()).unwrap();
    std::fs::write(&alone, &raw).unwrap();
    check(&alone, &raw, "player-embedded");
}

#[test]
fn score_prints_and_writes_html() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("answer.txt");
    std::fs::write(
        &t,
        "Um, at my last job our <b>deploys</b> kept failing. I rewrote the checks. As a result, failures dropped by 80%.",
    )
    .unwrap();
    let o = bin()
        .args(["score", "--transcript", "--format", "html"])
        .arg(&t)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("&lt;b&gt;deploys&lt;/b&gt;"));
    assert_self_contained(&page);
    let written = dir.path().join("out/answer.html");
    assert_eq!(std::fs::read_to_string(written).unwrap(), page);
}

/// A whole mock interview's report in Chromium: the timeline bar, one row per question with a
/// link to that answer's page, each answer's page linking back, the recording beside it, and
/// nothing fetched from outside.
#[test]
fn interview_report_renders_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let file = fixture("interviews/i01_budget_two_questions.ogg");
    let o = bin()
        .env("STARCOACH_HISTORY", dir.path().join("history.sqlite3"))
        .args(["score", "--interview", "--out"])
        .arg(&out)
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = out.join("i01_budget_two_questions.html");
    let html = read(&page);
    assert_self_contained(&html);
    assert!(assert_links_resolve(&page, &html) >= 2);
    let dom = dom(&page);
    assert!(dom.contains("id=\"timeline\""), "{dom}");
    assert!(
        dom.matches("class=\"question\"").count() >= 2,
        "two questions on the timeline"
    );
    assert!(
        dom.contains("class=\"follow-up\""),
        "the follow-up on the timeline"
    );
    let rows = dom
        .split("<tbody>")
        .nth(1)
        .and_then(|b| b.split("</tbody>").next())
        .unwrap_or_default();
    assert_eq!(rows.matches("<tr>").count(), 2, "{rows}");
    assert!(rows.contains("href=\"i01_budget_two_questions.q1.html\""));
    assert!(
        dom.contains("id=\"player\""),
        "the recording plays from the page"
    );
    for q in ["q1", "q2"] {
        let answer = out.join(format!("i01_budget_two_questions.{q}.html"));
        let html = read(&answer);
        assert_self_contained(&html);
        assert!(html.contains("href=\"i01_budget_two_questions.html\""));
        assert_links_resolve(&answer, &html);
    }
    screenshot(&page, "interview");
}
