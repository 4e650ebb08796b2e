//! The shell completions and the man page, generated from the CLI definition, checked with the
//! real shells and man-page tools that read them.

use std::io::Write;
use std::process::{Command, Stdio};

fn starcoach(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_starcoach"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "starcoach {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const SUBCOMMANDS: [&str; 12] = [
    "model",
    "transcribe",
    "score",
    "questions",
    "devices",
    "record",
    "history",
    "progress",
    "compare",
    "batch",
    "completions",
    "man",
];

#[test]
fn bash_completion_loads_and_completes_subcommands_and_flags() {
    let script = starcoach(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("starcoach.bash");
    std::fs::write(&path, script).unwrap();
    // Source it in a real bash, then ask its completion function what follows
    // `starcoach ` and `starcoach record --max`.
    let probe = format!(
        r#"source {path}
complete -p starcoach >/dev/null || exit 3
f=$(complete -p starcoach | sed -E 's/.*-F ([^ ]+).*/\1/')
COMP_WORDS=(starcoach ""); COMP_CWORD=1; COMP_LINE="starcoach "; COMP_POINT=${{#COMP_LINE}}
$f starcoach "" starcoach
printf 'top:%s\n' "${{COMPREPLY[@]}}"
COMP_WORDS=(starcoach record --max); COMP_CWORD=2; COMP_LINE="starcoach record --max"; COMP_POINT=${{#COMP_LINE}}
$f starcoach --max record
printf 'record:%s\n' "${{COMPREPLY[@]}}"
"#,
        path = path.display()
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &probe])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "bash: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for sub in SUBCOMMANDS {
        assert!(
            text.lines().any(|l| l == format!("top:{sub}")),
            "`starcoach <TAB>` does not offer {sub}:\n{text}"
        );
    }
    assert!(
        text.lines().any(|l| l == "record:--max-seconds"),
        "`starcoach record --max<TAB>` does not offer --max-seconds:\n{text}"
    );
}

#[test]
fn every_shell_gets_a_completion_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = starcoach(&["completions", shell]);
        assert!(
            script.contains("batch") && script.contains("max-seconds"),
            "{shell} completion lacks subcommands or flags"
        );
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_starcoach"))
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_man_page_renders_in_groff_cleanly_and_documents_every_command() {
    let page = starcoach(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH starcoach 1"));
    // groff with every warning on: the page must render without one.
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-rLL=100n"])
        .env("GROFF_NO_SGR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff is not installed (Debian: groff-base; scripts/setup.sh installs it)");
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = groff.wait_with_output().unwrap();
    assert!(out.status.success());
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(warnings.trim().is_empty(), "groff warnings:\n{warnings}");
    // Strip overstrike (bold/underline) so the text can be searched.
    let raw = String::from_utf8_lossy(&out.stdout);
    let mut text = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'\u{8}') {
            chars.next();
            continue;
        }
        text.push(c);
    }
    for sub in SUBCOMMANDS {
        let heading = format!("STARCOACH {}", sub.to_uppercase());
        assert!(text.contains(&heading), "man page lacks {heading}:\n{text}");
    }
    for flag in ["--max-seconds", "--manifest", "--no-history", "--threads"] {
        assert!(text.contains(flag), "man page lacks {flag}");
    }
    assert!(text.contains("STARCOACH HISTORY LIST"));
}
