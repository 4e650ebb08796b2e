//! `starcoach completions SHELL` and `starcoach man`: both generated from the CLI definition
//! in `cli.rs`, so they never drift from the flags the program really takes.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the completion script for `shell` to stdout.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<i32> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "starcoach", &mut out);
    write_stdout(&out)
}

/// Writes the manual page, in roff, to stdout: the top-level page followed by one section per
/// subcommand, so `man -l` shows every command's flags on one page.
pub fn man() -> anyhow::Result<i32> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(&mut out)?;
    page.render_name_section(&mut out)?;
    page.render_synopsis_section(&mut out)?;
    page.render_description_section(&mut out)?;
    page.render_options_section(&mut out)?;
    // The commands, each described in full in its own section below (one page, not one per
    // command as clap_mangen's own list assumes).
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            out,
            ".TP\n\\fBstarcoach {}\\fR\n{}",
            sub.get_name(),
            roff_escape(&about)
        )?;
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_subcommand(&mut out, &[], sub)?;
    }
    out.extend_from_slice(ENVIRONMENT_AND_EXIT.as_bytes());
    page.render_version_section(&mut out)?;
    page.render_authors_section(&mut out)?;
    write_stdout(&out)
}

/// One `.SH` section for `sub` (named by its path, e.g. "STARCOACH HISTORY LIST") with its
/// synopsis, description and options, then its own subcommands.
fn render_subcommand(
    out: &mut Vec<u8>,
    parents: &[&str],
    sub: &clap::Command,
) -> std::io::Result<()> {
    let mut path: Vec<&str> = parents.to_vec();
    path.push(sub.get_name());
    let title = format!("starcoach {}", path.join(" "));
    writeln!(out, ".SH \"{}\"", title.to_uppercase())?;
    let mut named = sub.clone().display_name(title.clone()).bin_name(title);
    named.build();
    let page = clap_mangen::Man::new(named.clone());
    // The section renderers start with their own `.SH` headings; demote them to `.SS` so each
    // subcommand reads as one section with sub-headings.
    let mut section = Vec::new();
    page.render_synopsis_section(&mut section)?;
    page.render_description_section(&mut section)?;
    if named.get_arguments().any(|a| !a.is_hide_set()) {
        page.render_options_section(&mut section)?;
    }
    let text = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
    out.extend_from_slice(text.as_bytes());
    for child in sub.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_subcommand(out, &path, child)?;
    }
    Ok(())
}

/// Text for roff: a backslash as `\e`, hyphens as minus signs, and a leading dot or quote
/// kept from starting a request.
fn roff_escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// What the CLI definition does not hold: the environment it reads and its exit codes.
const ENVIRONMENT_AND_EXIT: &str = r#".SH ENVIRONMENT
.TP
\fBSTARCOACH_MODEL\fR
A whisper.cpp GGML model file to use instead of the installed tiny.en (\fB\-\-model\fR wins).
.TP
\fBSTARCOACH_HISTORY\fR
The practice history file (default: history.sqlite3 in the user's data folder).
.TP
\fBSTARCOACH_CPU\fR
\fBgeneric\fR takes ggml's own kernels only (the float16 model) on any machine; \fBavx2\fR
the path of a CPU with AVX2, FMA and F16C but no AVX\-512 (the float16 model),
\fBavx2\-novnni\fR the same without AVX\-VNNI;
\fBnative\fR (the default) uses all this CPU has.
.TP
\fBNO_COLOR\fR
Set and not empty: no colour with \fB\-\-color auto\fR.
.SH FILES
.TP
\fBconfig.toml\fR in the user's config folder (~/.config/starcoach/ on Linux)
Scoring rules and themes (\fB\-\-config\fR to use another file).
.SH EXIT STATUS
0 when everything worked; 1 when the command ran but at least one input failed (the others
were processed); 2 on a usage error or a failure that stopped the whole command; 130 when
interrupted.
"#;

fn write_stdout(bytes: &[u8]) -> anyhow::Result<i32> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(crate::out::StdoutError)?;
    Ok(super::exit::OK)
}
