//! The environment, read in this one place, once: every `STARCOACH_*` variable (and
//! `NO_COLOR`). Other modules take what they need from [`Env`] (through [`crate::config::Config`]
//! or [`get`]); the vendored whisper.cpp gets its switches through one call,
//! [`starcoach_speech::switches::set`], never by reading the environment itself.

use std::path::PathBuf;
use std::sync::OnceLock;

use starcoach_speech::model::CpuMode;
use starcoach_speech::switches::Switches;

/// A Whisper model file to use instead of the installed default (`--model` wins over it).
pub const MODEL: &str = "STARCOACH_MODEL";
/// `generic`: only ggml's own kernels (no starcoach kernel); `avx2`: the path of a CPU with AVX2,
/// FMA and F16C but no AVX-512 (`avx2-novnni`: nor AVX-VNNI); `native`, the default: all this CPU
/// has.
pub const CPU: &str = "STARCOACH_CPU";
/// The practice history's database file.
pub const HISTORY: &str = "STARCOACH_HISTORY";
/// Tests only: milliseconds to wait inside a history write's transaction (to kill it there).
pub const HISTORY_TEST_PAUSE_MS: &str = "STARCOACH_HISTORY_TEST_PAUSE_MS";
/// The filler pass's logit bias (a measurement knob: docs/fillers.md).
pub const FILLER_BIAS: &str = "STARCOACH_FILLER_BIAS";
/// A tracing filter (`info`, `debug`, `starcoach=debug`...) instead of the `-v` levels.
pub const LOG: &str = "STARCOACH_LOG";
/// Kernel switches of the vendored whisper.cpp (docs/performance.md; vendor/README.md): set to
/// anything but empty or `0` to take the slower reference path.
pub const F32_ENCODER: &str = "STARCOACH_F32_ENCODER";
pub const F32_ATTN: &str = "STARCOACH_F32_ATTN";
pub const EXACT_LOGITS: &str = "STARCOACH_EXACT_LOGITS";
pub const BF16_CROSS: &str = "STARCOACH_BF16_CROSS";

/// Everything starcoach takes from the environment.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub model: Option<PathBuf>,
    pub history: Option<PathBuf>,
    pub history_test_pause_ms: Option<u64>,
    pub filler_bias: Option<f32>,
    pub log: Option<String>,
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
    pub switches: Switches,
}

/// A variable that is set but cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{name}={value:?} is not understood: {expected}")]
pub struct EnvError {
    pub name: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl Env {
    /// Reads the process environment.
    pub fn read() -> Result<Env, EnvError> {
        let text = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let on = |name| text(name).is_some_and(|v| v != "0");
        let cpu = match text(CPU) {
            None => CpuMode::Native,
            Some(v) if v == "native" => CpuMode::Native,
            Some(v) if v == "generic" => CpuMode::Generic,
            Some(v) if v == "avx2" => CpuMode::Avx2,
            Some(v) if v == "avx2-novnni" => CpuMode::Avx2NoVnni,
            Some(v) => {
                return Err(EnvError {
                    name: CPU,
                    value: v.to_string_lossy().into_owned(),
                    expected: "use `generic` (ggml's kernels only), `avx2` (the path of a CPU \
                               with AVX2 but no AVX-512), `avx2-novnni` (nor AVX-VNNI) or \
                               `native` (the default)",
                })
            }
        };
        Ok(Env {
            model: text(MODEL).map(PathBuf::from),
            history: text(HISTORY).map(PathBuf::from),
            history_test_pause_ms: text(HISTORY_TEST_PAUSE_MS)
                .and_then(|v| v.to_str()?.parse().ok()),
            filler_bias: text(FILLER_BIAS).and_then(|v| v.to_str()?.parse().ok()),
            log: text(LOG).map(|v| v.to_string_lossy().into_owned()),
            no_color: text("NO_COLOR").is_some(),
            switches: Switches {
                cpu,
                f32_encoder: on(F32_ENCODER),
                f32_attn: on(F32_ATTN),
                exact_logits: on(EXACT_LOGITS),
                bf16_cross: on(BF16_CROSS),
            },
        })
    }
}

static ENV: OnceLock<Env> = OnceLock::new();

/// Reads the environment once for the whole process and hands whisper.cpp its switches;
/// later calls return the same [`Env`]. Call it before loading a model (`run` does, first).
pub fn init() -> Result<&'static Env, EnvError> {
    if let Some(env) = ENV.get() {
        return Ok(env);
    }
    let env = Env::read()?;
    starcoach_speech::switches::set(env.switches);
    Ok(ENV.get_or_init(|| env))
}

/// The environment as [`init`] read it (read now if nothing did yet; an unusable variable is
/// then left at its default, as `run` has already refused it).
pub fn get() -> &'static Env {
    init().unwrap_or_else(|_| ENV.get_or_init(Env::default))
}
