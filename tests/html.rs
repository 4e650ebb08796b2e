//! The HTML pages in a real browser: a batch of real recordings scored with the real model,
//! then the answer report, the client summary and the index loaded in headless Chromium.
//! Asserts on the rendered DOM, checks links resolve and nothing is fetched from outside, and
//! leaves screenshots in `target/screenshots/` for people to look at.
#![cfg(feature = "model-tests")]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// Every `href="..."` of a page resolves to an existing file (relative links only).
fn assert_links_resolve(page: &Path, html: &str) -> usize {
    let mut n = 0;
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
    for bad in [
        "http:", "https:", "//", "<script", "<link", "@import", "url(",
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
