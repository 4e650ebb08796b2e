//! Whisper models: where they live, how they are provisioned (registry wheel + conversion).
//!
//! BUILD STUB on the `record` branch only (so this branch compiles while the real module is
//! written elsewhere): drop this file's body in favour of the real module when merging.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy)]
pub enum ModelName {
    TinyEn,
    Base,
}

pub struct InstalledModel {
    pub name: String,
    pub size: u64,
    pub verified: bool,
    pub path: PathBuf,
}

pub fn default_models_dir() -> PathBuf {
    PathBuf::from("models")
}

pub fn install(_name: ModelName, _dir: &Path, _force: bool) -> anyhow::Result<PathBuf> {
    anyhow::bail!("model provisioning is not built on this branch")
}

pub fn list() -> Vec<InstalledModel> {
    Vec::new()
}

pub fn resolve(_path: Option<&Path>) -> anyhow::Result<PathBuf> {
    anyhow::bail!("model provisioning is not built on this branch")
}
