//! Checks a whisper.cpp GGML model file before whisper.cpp reads it.
//!
//! whisper.cpp trusts its input: a wrong weight type is a `GGML_ASSERT` (the process aborts), an
//! absurd vocabulary size a C++ exception that Rust cannot catch (abort again), a truncated file
//! a bare "failed to create a context". This walks the file the way `whisper_model_load` reads
//! it (header, mel filters, vocabulary, then tensors until the end) without reading tensor
//! data, and names the first problem: a field out of range, a tensor whisper.cpp does not
//! expect or of the wrong size, a missing tensor, or a file that ends early. It takes a few
//! milliseconds (tiny.en: 167 tensor headers and 51,864 tokens).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use super::convert::GGML_MAGIC;

/// What was found wrong, in words (the caller adds the file's name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Problem(pub String);

impl Problem {
    /// The file does not start with the GGML magic (perhaps not a model at all).
    pub fn not_ggml() -> Self {
        Problem("it does not start with the GGML magic 0x67676d6c".into())
    }
}

/// The header fields of a model that passed the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hparams {
    pub n_vocab: u32,
    pub n_audio_ctx: u32,
    pub n_audio_state: u32,
    pub n_audio_head: u32,
    pub n_audio_layer: u32,
    pub n_text_ctx: u32,
    pub n_text_state: u32,
    pub n_text_head: u32,
    pub n_text_layer: u32,
    pub n_mels: u32,
    pub ftype: u32,
}

/// Upper bounds far above any Whisper model (large-v3: 51,866 tokens, 1,280 wide, 32 layers,
/// 128 mel bands) and far below what would make whisper.cpp allocate absurdly.
const LIMITS: [(&str, u32); 10] = [
    ("n_vocab", 1 << 20),
    ("n_audio_ctx", 1 << 16),
    ("n_audio_state", 1 << 14),
    ("n_audio_head", 1 << 8),
    ("n_audio_layer", 1 << 8),
    ("n_text_ctx", 1 << 16),
    ("n_text_state", 1 << 14),
    ("n_text_head", 1 << 8),
    ("n_text_layer", 1 << 8),
    ("n_mels", 1 << 10),
];

/// `GGML_QNT_VERSION_FACTOR`: quantised files add a multiple of it to `ftype`.
const QNT_VERSION_FACTOR: u32 = 1000;
/// The longest token in any Whisper vocabulary is a few dozen bytes.
const MAX_TOKEN_BYTES: u32 = 1 << 12;
const MAX_NAME_BYTES: i32 = 256;

/// Checks the file at `path`; an I/O error other than an early end is returned as such.
pub fn check(path: &Path) -> io::Result<Result<Hparams, Problem>> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut r = Reader {
        inner: BufReader::with_capacity(1 << 16, file),
        pos: 0,
        len,
    };
    match walk(&mut r) {
        Ok(h) => Ok(Ok(h)),
        Err(Failure::Problem(p)) => Ok(Err(p)),
        Err(Failure::Io(e)) => Err(e),
    }
}

enum Failure {
    Problem(Problem),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn problem<T>(text: String) -> Result<T, Failure> {
    Err(Failure::Problem(Problem(text)))
}

struct Reader {
    inner: BufReader<File>,
    pos: u64,
    len: u64,
}

impl Reader {
    fn left(&self) -> u64 {
        self.len - self.pos
    }

    /// Fails with "ends early" when fewer than `n` bytes are left.
    fn need(&self, n: u64, what: &str) -> Result<(), Failure> {
        if n > self.left() {
            return problem(format!(
                "the file ends early ({} bytes, truncated?): {what} needs {n} more bytes at offset {}",
                self.len, self.pos
            ));
        }
        Ok(())
    }

    fn i32(&mut self, what: &str) -> Result<i32, Failure> {
        self.need(4, what)?;
        let mut b = [0u8; 4];
        self.inner.read_exact(&mut b)?;
        self.pos += 4;
        Ok(i32::from_le_bytes(b))
    }

    fn bytes(&mut self, n: u64, what: &str) -> Result<Vec<u8>, Failure> {
        self.need(n, what)?;
        let mut v = vec![0u8; n as usize];
        self.inner.read_exact(&mut v)?;
        self.pos += n;
        Ok(v)
    }

    fn skip(&mut self, n: u64, what: &str) -> Result<(), Failure> {
        self.need(n, what)?;
        self.inner.seek_relative(n as i64)?;
        self.pos += n;
        Ok(())
    }
}

fn walk(r: &mut Reader) -> Result<Hparams, Failure> {
    if r.len < 4 || r.i32("the magic")? as u32 != GGML_MAGIC {
        return Err(Failure::Problem(Problem::not_ggml()));
    }
    let mut v = [0u32; 10];
    for (slot, (name, max)) in v.iter_mut().zip(LIMITS) {
        let x = r.i32(name)?;
        if x < 1 || x as u32 > max {
            return problem(format!(
                "header field {name} is {x}, outside 1..={max} (damaged header?)"
            ));
        }
        *slot = x as u32;
    }
    let [n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels] =
        v;
    for (state, head, what) in [
        (n_audio_state, n_audio_head, "n_audio_state"),
        (n_text_state, n_text_head, "n_text_state"),
    ] {
        if state % head != 0 {
            return problem(format!(
                "header field {what} ({state}) is not a multiple of its head count ({head})"
            ));
        }
    }
    let ftype = r.i32("ftype")?;
    if ftype < 0 || weight_type(ftype as u32 % QNT_VERSION_FACTOR).is_none() {
        return problem(format!(
            "header field ftype is {ftype}, not a weight type whisper.cpp knows"
        ));
    }
    let hp = Hparams {
        n_vocab,
        n_audio_ctx,
        n_audio_state,
        n_audio_head,
        n_audio_layer,
        n_text_ctx,
        n_text_state,
        n_text_head,
        n_text_layer,
        n_mels,
        ftype: ftype as u32,
    };

    // Mel filters: n_mel x n_fft float32.
    let n_mel = r.i32("n_mel")?;
    let n_fft = r.i32("n_fft")?;
    if !(1..=1 << 10).contains(&n_mel) || !(1..=1 << 14).contains(&n_fft) {
        return problem(format!(
            "the mel filter bank is {n_mel} x {n_fft}, not a plausible size"
        ));
    }
    r.skip(4 * n_mel as u64 * n_fft as u64, "the mel filter bank")?;

    // Vocabulary: a count, then (u32 length, bytes) per token.
    let count = r.i32("the vocabulary size")?;
    if count < 0 || count as u32 > 1 << 20 {
        return problem(format!(
            "the vocabulary holds {count} tokens, not a plausible count"
        ));
    }
    for i in 0..count {
        let n = r.i32("a token")? as u32;
        if n > MAX_TOKEN_BYTES {
            return problem(format!(
                "vocabulary token {i} is {n} bytes long (at most {MAX_TOKEN_BYTES} expected)"
            ));
        }
        r.skip(n as u64, "a token")?;
    }

    // Tensors until the end of the file, each exactly one whisper.cpp expects.
    let mut expected = expected_tensors(&hp);
    let n_expected = expected.len();
    while r.left() > 0 {
        let n_dims = r.i32("a tensor header")?;
        let name_len = r.i32("a tensor header")?;
        let ttype = r.i32("a tensor header")?;
        if !(1..=4).contains(&n_dims) || !(1..=MAX_NAME_BYTES).contains(&name_len) {
            return problem(format!(
                "a tensor header at offset {} is damaged ({n_dims} dimensions, a {name_len}-byte name)",
                r.pos - 12
            ));
        }
        let mut ne = [1u64; 4];
        for d in ne.iter_mut().take(n_dims as usize) {
            let x = r.i32("a tensor's shape")?;
            if x < 1 {
                return problem(format!(
                    "a tensor at offset {} has dimension {x}",
                    r.pos - 4
                ));
            }
            *d = x as u64;
        }
        let name =
            String::from_utf8_lossy(&r.bytes(name_len as u64, "a tensor name")?).into_owned();
        let Some(shape) = expected.remove(&name) else {
            return problem(format!(
                "tensor {name:?} is not one whisper.cpp expects for this header (or appears twice)"
            ));
        };
        if ne[..3] != shape[..3] || ne[3] != 1 {
            return problem(format!(
                "tensor {name:?} is {}, expected {}",
                dims(&ne),
                dims(&shape)
            ));
        }
        let Some((block, size)) = u32::try_from(ttype).ok().and_then(type_layout) else {
            return problem(format!(
                "tensor {name:?} has type {ttype}, which ggml does not know"
            ));
        };
        let elements = ne.iter().product::<u64>();
        if elements % block != 0 {
            return problem(format!(
                "tensor {name:?} has {elements} elements, not whole blocks of {block} for its type {ttype}"
            ));
        }
        r.skip(elements / block * size, &format!("tensor {name:?}"))?;
    }
    if let Some(name) = expected.keys().next() {
        return problem(format!(
            "it holds {} of the {n_expected} tensors whisper.cpp needs ({name:?} is missing)",
            n_expected - expected.len()
        ));
    }
    Ok(hp)
}

fn dims(ne: &[u64; 4]) -> String {
    let n = ne.iter().rposition(|&d| d != 1).map_or(1, |i| i + 1);
    let parts: Vec<String> = ne[..n].iter().map(u64::to_string).collect();
    format!("[{}]", parts.join(", "))
}

/// The tensors `whisper_model_load` creates for these hyperparameters, with their `ne` shapes.
fn expected_tensors(hp: &Hparams) -> BTreeMap<String, [u64; 4]> {
    let [s, c, m] = [hp.n_audio_state, hp.n_audio_ctx, hp.n_mels].map(u64::from);
    let [t, tc, v] = [hp.n_text_state, hp.n_text_ctx, hp.n_vocab].map(u64::from);
    let mut map = BTreeMap::new();
    let mut add = |name: String, ne: &[u64]| {
        let mut shape = [1u64; 4];
        shape[..ne.len()].copy_from_slice(ne);
        map.insert(name, shape);
    };
    add("encoder.positional_embedding".into(), &[s, c]);
    add("encoder.conv1.weight".into(), &[3, m, s]);
    add("encoder.conv1.bias".into(), &[1, s]);
    add("encoder.conv2.weight".into(), &[3, s, s]);
    add("encoder.conv2.bias".into(), &[1, s]);
    add("encoder.ln_post.weight".into(), &[s]);
    add("encoder.ln_post.bias".into(), &[s]);
    let block = |add: &mut dyn FnMut(String, &[u64]), prefix: String, w: u64, attn: &[&str]| {
        add(format!("{prefix}.mlp_ln.weight"), &[w]);
        add(format!("{prefix}.mlp_ln.bias"), &[w]);
        add(format!("{prefix}.mlp.0.weight"), &[w, 4 * w]);
        add(format!("{prefix}.mlp.0.bias"), &[4 * w]);
        add(format!("{prefix}.mlp.2.weight"), &[4 * w, w]);
        add(format!("{prefix}.mlp.2.bias"), &[w]);
        for a in attn {
            add(format!("{prefix}.{a}_ln.weight"), &[w]);
            add(format!("{prefix}.{a}_ln.bias"), &[w]);
            for p in ["query", "key", "value", "out"] {
                add(format!("{prefix}.{a}.{p}.weight"), &[w, w]);
                if p != "key" {
                    add(format!("{prefix}.{a}.{p}.bias"), &[w]);
                }
            }
        }
    };
    for i in 0..hp.n_audio_layer {
        block(&mut add, format!("encoder.blocks.{i}"), s, &["attn"]);
    }
    add("decoder.positional_embedding".into(), &[t, tc]);
    add("decoder.token_embedding.weight".into(), &[t, v]);
    add("decoder.ln.weight".into(), &[t]);
    add("decoder.ln.bias".into(), &[t]);
    for i in 0..hp.n_text_layer {
        block(
            &mut add,
            format!("decoder.blocks.{i}"),
            t,
            &["attn", "cross_attn"],
        );
    }
    map
}

/// `ggml_ftype_to_ggml_type`: the weight type of a file type, `None` where ggml has none.
fn weight_type(ftype: u32) -> Option<u32> {
    Some(match ftype {
        0 => 0,   // all f32
        1 => 1,   // f16
        2 => 2,   // q4_0
        3 => 3,   // q4_1
        7 => 8,   // q8_0
        8 => 6,   // q5_0
        9 => 7,   // q5_1
        10 => 10, // q2_K
        11 => 11, // q3_K
        12 => 12, // q4_K
        13 => 13, // q5_K
        14 => 14, // q6_K
        15 => 16, // iq2_xxs
        16 => 17, // iq2_xs
        17 => 18, // iq3_xxs
        18 => 19, // iq1_s
        19 => 20, // iq4_nl
        20 => 21, // iq3_s
        21 => 22, // iq2_s
        22 => 23, // iq4_xs
        23 => 29, // iq1_m
        24 => 30, // bf16
        25 => 39, // mxfp4
        _ => return None,
    })
}

/// ggml's (block size, bytes per block) for a tensor type (`type_traits` in ggml.c, block
/// sizes from the `static_assert`s of ggml-common.h); `None` for removed or unknown types.
fn type_layout(ttype: u32) -> Option<(u64, u64)> {
    const K: u64 = 256;
    Some(match ttype {
        0 => (1, 4),                                  // f32
        1 => (1, 2),                                  // f16
        2 => (32, 2 + 16),                            // q4_0
        3 => (32, 4 + 16),                            // q4_1
        6 => (32, 2 + 4 + 16),                        // q5_0
        7 => (32, 4 + 4 + 16),                        // q5_1
        8 => (32, 2 + 32),                            // q8_0
        9 => (32, 4 + 32),                            // q8_1
        10 => (K, 4 + K / 16 + K / 4),                // q2_K
        11 => (K, 2 + K / 4 + K / 8 + 12),            // q3_K
        12 => (K, 4 + 12 + K / 2),                    // q4_K
        13 => (K, 4 + 12 + K / 2 + K / 8),            // q5_K
        14 => (K, 2 + K / 16 + 3 * K / 4),            // q6_K
        15 => (K, 4 + K + K / 16 * 2),                // q8_K
        16 => (K, 2 + K / 8 * 2),                     // iq2_xxs
        17 => (K, 2 + K / 8 * 2 + K / 32),            // iq2_xs
        18 => (K, 2 + 3 * (K / 8)),                   // iq3_xxs
        19 => (K, 2 + K / 8 + K / 16),                // iq1_s
        20 => (32, 2 + 16),                           // iq4_nl
        21 => (K, 2 + 13 * (K / 32) + K / 64),        // iq3_s
        22 => (K, 2 + K / 4 + K / 16),                // iq2_s
        23 => (K, 2 + 2 + K / 64 + K / 2),            // iq4_xs
        24 => (1, 1),                                 // i8
        25 => (1, 2),                                 // i16
        26 => (1, 4),                                 // i32
        27 => (1, 8),                                 // i64
        28 => (1, 8),                                 // f64
        29 => (K, K / 8 + K / 16 + K / 32),           // iq1_m
        30 => (1, 2),                                 // bf16
        34 => (K, 2 + K / 64 + (K - 4 * K / 64) / 5), // tq1_0
        35 => (K, 2 + K / 4),                         // tq2_0
        39 => (32, 1 + 16),                           // mxfp4
        _ => return None,
    })
}
