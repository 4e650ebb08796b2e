//! `starcoach model install|list`.

use anyhow::Result;

use crate::cli::{ModelChoice, ModelCommand};
use crate::model::{self, ModelName};

pub fn run(cmd: ModelCommand) -> Result<i32> {
    match cmd {
        ModelCommand::Install { name, force, dir } => {
            let name = match name {
                ModelChoice::TinyEn => ModelName::TinyEn,
                ModelChoice::Base => ModelName::Base,
                ModelChoice::TinyEnQ8 => ModelName::TinyEnQ8,
                ModelChoice::TinyEnBf16 => ModelName::TinyEnBf16,
            };
            let dir = dir.unwrap_or_else(model::default_models_dir);
            let path = model::install(name, &dir, force)?;
            crate::outln!("installed {}", path.display())?;
            // On a CPU with bfloat16 instructions the default model also gets its faster
            // copy, which `resolve` then prefers.
            if name == ModelName::TinyEn {
                if let Some(variant) = model::faster_variant() {
                    let path = model::install(variant, &dir, force)?;
                    crate::outln!("installed {} (used by default on this CPU)", path.display())?;
                }
            }
            Ok(super::exit::OK)
        }
        ModelCommand::List => {
            let models = model::list();
            if models.is_empty() {
                crate::outln!(
                    "no models installed in {}; run `starcoach model install`",
                    model::default_models_dir().display()
                )?;
            }
            for m in models {
                crate::outln!(
                    "{:<13} {:>7.1} MB  {}  {}",
                    m.name,
                    m.size as f64 / 1e6,
                    if m.verified { "verified" } else { "unverified" },
                    m.path.display()
                )?;
            }
            Ok(super::exit::OK)
        }
    }
}
