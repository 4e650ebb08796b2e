//! `starcoach devices`: which microphones there are, so `record --device` can name one.

use anyhow::Result;

use crate::capture;

pub fn run() -> Result<i32> {
    let devices = capture::list_devices()?;
    if devices.is_empty() {
        crate::outln!("no input devices found")?;
        return Ok(super::exit::SOME_FAILED);
    }
    for d in devices {
        let mut line = format!(
            "{}{}  {} Hz, {} ch, {}",
            if d.is_default { "* " } else { "  " },
            d.name,
            d.sample_rate,
            d.channels,
            d.sample_format
        );
        if let Some(desc) = &d.description {
            line.push_str(&format!("  ({desc})"));
        }
        crate::outln!("{line}")?;
    }
    Ok(super::exit::OK)
}
