//! The switches of the vendored whisper.cpp's kernels, set once by the application before it
//! loads a model (the application reads them from its environment; this crate never does).

use crate::model::CpuMode;
use std::sync::OnceLock;

/// Which code paths transcription may take. The default is every fast path this CPU has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Switches {
    /// [`CpuMode::Generic`]: no starcoach kernel; [`CpuMode::Avx2`]: the AVX2 ones only
    /// ([`CpuMode::Avx2NoVnni`]: and no AVX-VNNI).
    pub cpu: CpuMode,
    /// The encoder's float32 panels instead of its int8 copies (VNNI).
    pub f32_encoder: bool,
    /// Float32 scores in the encoder's self-attention instead of int8.
    pub f32_attn: bool,
    /// ggml's exact product for the logits instead of the 4-bit screen.
    pub exact_logits: bool,
    /// ggml's cross-attention over the bfloat16 cache instead of int8 copies.
    pub bf16_cross: bool,
}

static SET: OnceLock<Switches> = OnceLock::new();

// The bits of vendor/whisper-rs-sys/whisper.cpp/src/starcoach-kernels.h.
const GENERIC_CPU: i32 = 1;
const F32_ENCODER: i32 = 2;
const F32_ATTN: i32 = 4;
const EXACT_LOGITS: i32 = 8;
const BF16_CROSS: i32 = 16;
const AVX2_CPU: i32 = 32;
const NO_AVXVNNI: i32 = 64;

#[allow(unsafe_code)]
mod ffi {
    unsafe extern "C" {
        // In starcoach-kernels.cpp, linked into whisper.cpp's library by whisper-rs-sys.
        pub safe fn starcoach_set_switches(bits: i32);
        // A static NUL-terminated string.
        fn starcoach_kernels() -> *const std::ffi::c_char;
    }

    pub fn kernels() -> String {
        // SAFETY: starcoach_kernels takes no argument and returns a string literal.
        let name = unsafe { std::ffi::CStr::from_ptr(starcoach_kernels()) };
        name.to_string_lossy().into_owned()
    }
}

/// Which of the vendored whisper.cpp's kernels run in this process, with the switches in force:
/// `avx512-vnni`, `avx512`, `avx2-avxvnni`, `avx2` (x86-64), `neon-dotprod`, `neon` (aarch64),
/// or `none` (ggml's own kernels only, as with `STARCOACH_CPU=generic`). The kernels read the
/// switches at their first use: ask after [`set`].
pub fn kernels() -> String {
    ffi::kernels()
}

/// Sets the switches for this process: the first call wins (the kernels read them once, at
/// their first use), later ones are ignored. Call it before loading a model.
pub fn set(switches: Switches) {
    let s = *SET.get_or_init(|| switches);
    let bit = |on: bool, b: i32| if on { b } else { 0 };
    ffi::starcoach_set_switches(
        bit(s.cpu == CpuMode::Generic, GENERIC_CPU)
            | bit(
                matches!(s.cpu, CpuMode::Avx2 | CpuMode::Avx2NoVnni),
                AVX2_CPU,
            )
            | bit(s.cpu == CpuMode::Avx2NoVnni, NO_AVXVNNI)
            | bit(s.f32_encoder, F32_ENCODER)
            | bit(s.f32_attn, F32_ATTN)
            | bit(s.exact_logits, EXACT_LOGITS)
            | bit(s.bf16_cross, BF16_CROSS),
    );
}

/// The switches in force: as [`set`], or the defaults.
pub fn current() -> Switches {
    SET.get().copied().unwrap_or_default()
}
