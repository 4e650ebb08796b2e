//! CTranslate2 Whisper model → whisper.cpp GGML file, in pure Rust.
//!
//! The only Whisper weights this project can reach come from package registries, and they
//! are CTranslate2 models (`model.bin` binary version 6, spec `WhisperSpec`). whisper.cpp
//! reads its own GGML layout, so provisioning means converting: hyper-parameters, the
//! Slaney mel filterbank, the byte-level vocabulary and every tensor under whisper.cpp's
//! names and types. The layouts and the name mapping are described in `shared/MODEL.md`.
//!
//! The output is streamed, written to a temporary file beside the target and renamed into
//! place, and is byte-for-byte deterministic.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use half::{bf16, f16};
use regex::Regex;

use super::{mel, ModelError};

/// The GGML magic whisper.cpp checks first (`"ggml"` read as a little-endian u32).
pub const GGML_MAGIC: u32 = 0x6767_6d6c;

/// The CTranslate2 binary version this reader understands.
const CT2_BINARY_VERSION: u32 = 6;

/// Vocabulary size of the English-only Whisper models; multilingual ones have more.
const N_VOCAB_ENGLISH: usize = 51_864;

/// Where a CTranslate2 Whisper model lies on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ct2Input {
    /// `model.bin`, or its pieces in the order they must be concatenated.
    pub model_bin: Vec<PathBuf>,
    /// `vocabulary.txt`: one GPT-2 byte-level token per line.
    pub vocabulary: PathBuf,
}

impl Ct2Input {
    /// The usual model directory: `model.bin` (or `model.bin.part1`, `model.bin.part2`, …)
    /// and `vocabulary.txt`. `config.json` and `tokenizer.json` are not needed.
    pub fn from_dir(dir: &Path) -> Result<Self, ModelError> {
        let whole = dir.join("model.bin");
        let model_bin = if whole.is_file() {
            vec![whole]
        } else {
            let parts: Vec<PathBuf> = (1..)
                .map(|i| dir.join(format!("model.bin.part{i}")))
                .take_while(|p| p.is_file())
                .collect();
            if parts.is_empty() {
                return Err(ModelError::Format {
                    path: whole,
                    reason: "no model.bin (nor model.bin.part1) in the model directory".into(),
                });
            }
            parts
        };
        Ok(Self {
            model_bin,
            vocabulary: dir.join("vocabulary.txt"),
        })
    }
}

/// What a conversion wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub path: PathBuf,
    pub hparams: HParams,
    pub tensors: usize,
    pub bytes: u64,
}

/// whisper.cpp's hyper-parameters, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HParams {
    pub n_vocab: usize,
    pub n_audio_ctx: usize,
    pub n_audio_state: usize,
    pub n_audio_head: usize,
    pub n_audio_layer: usize,
    pub n_text_ctx: usize,
    pub n_text_state: usize,
    pub n_text_head: usize,
    pub n_text_layer: usize,
    pub n_mels: usize,
}

impl HParams {
    /// English-only models have a smaller vocabulary (no language tokens).
    pub fn is_multilingual(&self) -> bool {
        self.n_vocab > N_VOCAB_ENGLISH
    }

    /// Regular (non-special) tokens the file carries: everything before `<|endoftext|>`.
    pub fn n_regular_tokens(&self) -> usize {
        if self.is_multilingual() {
            50_257
        } else {
            50_256
        }
    }
}

/// How the large weight matrices are stored in the GGML file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weights {
    /// float16, as in the CTranslate2 model: the reference conversion.
    #[default]
    F16,
    /// whisper.cpp's q8_0: each run of 32 values of a row becomes an f16 scale and 32 int8
    /// (`block_q8_0` in ggml-common.h). Only 2-D weights are quantised, as whisper.cpp's own
    /// quantize tool does; convolutions, biases, norms and positional embeddings keep their type.
    Q8_0,
    /// bfloat16 weight matrices (`GGML_FTYPE_MOSTLY_BF16`): the top 16 bits of each float32,
    /// rounded to nearest even. ggml multiplies them with AVX-512 BF16 instructions where the
    /// CPU has them.
    Bf16,
}

/// `GGML_QNT_VERSION * GGML_QNT_VERSION_FACTOR`, added to `ftype` in quantised files.
const QNT_VERSION_FTYPE: usize = 2 * 1000;
/// `GGML_FTYPE_MOSTLY_Q8_0`.
const FTYPE_MOSTLY_Q8_0: usize = 7;
/// Values per q8_0 block (`QK8_0`).
const QK8_0: usize = 32;
/// `GGML_FTYPE_MOSTLY_BF16`.
const FTYPE_MOSTLY_BF16: usize = 24;

/// Converts the CTranslate2 model at `input` into a whisper.cpp GGML file at `out` (f16).
pub fn convert(input: &Ct2Input, out: &Path) -> Result<Converted, ModelError> {
    convert_as(input, out, Weights::F16)
}

/// [`convert`], storing the weight matrices as `weights`.
pub fn convert_as(input: &Ct2Input, out: &Path, weights: Weights) -> Result<Converted, ModelError> {
    let bin_path = input.model_bin.first().cloned().unwrap_or_default();
    let mut bytes = Vec::new();
    for part in &input.model_bin {
        let mut data = fs::read(part).map_err(|source| ModelError::io(part, source))?;
        bytes.append(&mut data);
    }
    let model = Ct2Model::parse(bytes, &bin_path)?;
    let hparams = model.hparams()?;
    let vocab = read_vocabulary(&input.vocabulary, &hparams)?;

    // A uniquely named temporary file beside the target (`<name>.XXXXXX.tmp`), so the
    // rename that publishes it is atomic and concurrent conversions cannot collide.
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut prefix = out.file_name().unwrap_or_default().to_os_string();
    prefix.push(".");
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|source| ModelError::io(out, source))?;
    let (tensors, written) =
        write_ggml(&model, &hparams, &vocab, weights, tmp.as_file(), tmp.path())?;
    // Temporary files are private (0600); a model is an ordinary readable file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644))
            .map_err(|source| ModelError::io(tmp.path(), source))?;
    }
    tmp.persist(out).map_err(|e| ModelError::io(out, e.error))?;
    Ok(Converted {
        path: out.to_path_buf(),
        hparams,
        tensors,
        bytes: written,
    })
}

// ---------------------------------------------------------------------------------------
// CTranslate2 model.bin
// ---------------------------------------------------------------------------------------

/// Element types of CTranslate2 variables (`ctranslate2::DataType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ct2Type {
    F32,
    I8,
    I16,
    I32,
    F16,
    Bf16,
}

impl Ct2Type {
    fn from_id(id: u8) -> Option<Self> {
        Some(match id {
            0 => Self::F32,
            1 => Self::I8,
            2 => Self::I16,
            3 => Self::I32,
            4 => Self::F16,
            5 => Self::Bf16,
            _ => return None,
        })
    }

    fn size(self) -> usize {
        match self {
            Self::I8 => 1,
            Self::I16 | Self::F16 | Self::Bf16 => 2,
            Self::F32 | Self::I32 => 4,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::F32 => "float32",
            Self::I8 => "int8",
            Self::I16 => "int16",
            Self::I32 => "int32",
            Self::F16 => "float16",
            Self::Bf16 => "bfloat16",
        }
    }
}

#[derive(Debug, Clone)]
struct Variable {
    shape: Vec<usize>,
    dtype: Ct2Type,
    data: Range<usize>,
}

impl Variable {
    fn len(&self) -> usize {
        self.shape.iter().product()
    }
}

/// A parsed `model.bin`: variables point into the file's bytes.
struct Ct2Model {
    path: PathBuf,
    bytes: Vec<u8>,
    variables: BTreeMap<String, Variable>,
    aliases: BTreeMap<String, String>,
}

/// Little-endian cursor over `model.bin`.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<Range<usize>, ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(ModelError::Format {
                path: self.path.to_path_buf(),
                reason: format!("file ends inside {what} at byte {}", self.pos),
            });
        };
        let range = self.pos..end;
        self.pos = end;
        Ok(range)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], ModelError> {
        let r = self.take(N, what)?;
        let mut out = [0u8; N];
        out.copy_from_slice(&self.bytes[r]);
        Ok(out)
    }

    fn u8(&mut self, what: &str) -> Result<u8, ModelError> {
        Ok(self.array::<1>(what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    /// u16 length, then that many bytes ending in NUL.
    fn string(&mut self, what: &str) -> Result<String, ModelError> {
        let len = usize::from(self.u16(what)?);
        let r = self.take(len, what)?;
        let raw = &self.bytes[r];
        let raw = raw.strip_suffix(&[0]).unwrap_or(raw);
        String::from_utf8(raw.to_vec()).map_err(|_| ModelError::Format {
            path: self.path.to_path_buf(),
            reason: format!("{what} is not UTF-8"),
        })
    }
}

impl Ct2Model {
    fn parse(bytes: Vec<u8>, path: &Path) -> Result<Self, ModelError> {
        let mut r = Reader {
            bytes: &bytes,
            pos: 0,
            path,
        };
        let version = r.u32("the binary version")?;
        if version != CT2_BINARY_VERSION {
            return Err(ModelError::Format {
                path: path.to_path_buf(),
                reason: format!(
                    "CTranslate2 binary version {version}, expected {CT2_BINARY_VERSION}"
                ),
            });
        }
        let spec = r.string("the spec name")?;
        if spec != "WhisperSpec" {
            return Err(ModelError::Format {
                path: path.to_path_buf(),
                reason: format!("spec {spec:?} is not a Whisper model (WhisperSpec)"),
            });
        }
        let _revision = r.u32("the spec revision")?;
        let count = r.u32("the variable count")?;
        let mut variables = BTreeMap::new();
        for _ in 0..count {
            let name = r.string("a variable name")?;
            let rank = usize::from(r.u8(&name)?);
            let mut shape = Vec::with_capacity(rank);
            for _ in 0..rank {
                shape.push(r.u32(&name)? as usize);
            }
            let type_id = r.u8(&name)?;
            let dtype = Ct2Type::from_id(type_id).ok_or_else(|| ModelError::Tensor {
                name: name.clone(),
                reason: format!("unknown CTranslate2 data type {type_id}"),
            })?;
            let n_bytes = r.u32(&name)? as usize;
            let elements: usize = shape.iter().product();
            if elements * dtype.size() != n_bytes {
                return Err(ModelError::Tensor {
                    name,
                    reason: format!(
                        "{n_bytes} bytes do not hold shape {shape:?} of {}",
                        dtype.label()
                    ),
                });
            }
            let data = r.take(n_bytes, &name)?;
            variables.insert(name, Variable { shape, dtype, data });
        }
        let mut aliases = BTreeMap::new();
        let n_aliases = r.u32("the alias count")?;
        for _ in 0..n_aliases {
            let alias = r.string("an alias")?;
            let target = r.string("an alias target")?;
            aliases.insert(alias, target);
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Format {
                path: path.to_path_buf(),
                reason: format!(
                    "{} unexpected bytes after the aliases (are the parts complete and in order?)",
                    bytes.len() - r.pos
                ),
            });
        }
        Ok(Self {
            path: path.to_path_buf(),
            bytes,
            variables,
            aliases,
        })
    }

    /// The variable called `name`, following an alias if that is what the name is.
    fn get(&self, name: &str) -> Result<&Variable, ModelError> {
        let target = self.aliases.get(name).map_or(name, String::as_str);
        self.variables
            .get(target)
            .ok_or_else(|| ModelError::Tensor {
                name: name.to_string(),
                reason: format!("missing from {}", self.path.display()),
            })
    }

    /// A tensor `name` whose shape must be `shape`, as float16 or float32.
    fn tensor(&self, name: &str, shape: &[usize]) -> Result<&Variable, ModelError> {
        let v = self.get(name)?;
        match v.dtype {
            Ct2Type::F16 | Ct2Type::F32 | Ct2Type::Bf16 => {}
            Ct2Type::I8 => {
                return Err(ModelError::Tensor {
                    name: name.to_string(),
                    reason: "int8-quantized weights are not supported: use a float16 or float32 CTranslate2 model".into(),
                })
            }
            other => {
                return Err(ModelError::Tensor {
                    name: name.to_string(),
                    reason: format!("{} weights are not supported", other.label()),
                })
            }
        }
        if v.shape != shape {
            return Err(ModelError::Tensor {
                name: name.to_string(),
                reason: format!("shape {:?}, expected {shape:?}", v.shape),
            });
        }
        Ok(v)
    }

    /// Element `i` of `v` as f32.
    fn value(&self, v: &Variable, i: usize) -> f32 {
        let b = &self.bytes[v.data.clone()];
        match v.dtype {
            Ct2Type::F32 => {
                f32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
            }
            Ct2Type::F16 => f16::from_le_bytes([b[2 * i], b[2 * i + 1]]).to_f32(),
            Ct2Type::Bf16 => bf16::from_le_bytes([b[2 * i], b[2 * i + 1]]).to_f32(),
            Ct2Type::I8 => f32::from(b[i] as i8),
            Ct2Type::I16 => f32::from(i16::from_le_bytes([b[2 * i], b[2 * i + 1]])),
            Ct2Type::I32 => {
                i32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]) as f32
            }
        }
    }

    /// An integer scalar such as `encoder/num_heads`.
    fn scalar(&self, name: &str) -> Result<usize, ModelError> {
        let v = self.get(name)?;
        if v.len() != 1 {
            return Err(ModelError::Tensor {
                name: name.to_string(),
                reason: format!("expected a scalar, found shape {:?}", v.shape),
            });
        }
        let x = self.value(v, 0);
        if x < 1.0 || x.fract() != 0.0 {
            return Err(ModelError::Tensor {
                name: name.to_string(),
                reason: format!("expected a positive integer, found {x}"),
            });
        }
        Ok(x as usize)
    }

    fn shape(&self, name: &str) -> Result<&[usize], ModelError> {
        Ok(&self.get(name)?.shape)
    }

    /// Layers are `<side>/layer_<N>/…`; a plain `layer_` prefix would also match `layer_norm`.
    fn count_layers(&self, side: &str) -> usize {
        let re = Regex::new(&format!(r"^{side}/layer_(\d+)/")).expect("static regex");
        self.variables
            .keys()
            .filter_map(|k| re.captures(k)?.get(1)?.as_str().parse::<usize>().ok())
            .max()
            .map_or(0, |m| m + 1)
    }

    fn hparams(&self) -> Result<HParams, ModelError> {
        let dim = |name: &str, i: usize| -> Result<usize, ModelError> {
            self.shape(name)?
                .get(i)
                .copied()
                .ok_or_else(|| ModelError::Tensor {
                    name: name.to_string(),
                    reason: format!("has fewer than {} dimensions", i + 1),
                })
        };
        let hp = HParams {
            n_vocab: dim("decoder/embeddings/weight", 0)?,
            n_audio_ctx: dim("encoder/position_encodings/encodings", 0)?,
            n_audio_state: dim("encoder/conv1/weight", 0)?,
            n_audio_head: self.scalar("encoder/num_heads")?,
            n_audio_layer: self.count_layers("encoder"),
            n_text_ctx: dim("decoder/position_encodings/encodings", 0)?,
            n_text_state: dim("decoder/embeddings/weight", 1)?,
            n_text_head: self.scalar("decoder/num_heads")?,
            n_text_layer: self.count_layers("decoder"),
            n_mels: dim("encoder/conv1/weight", 1)?,
        };
        if hp.n_audio_layer == 0 || hp.n_text_layer == 0 {
            return Err(ModelError::Format {
                path: self.path.clone(),
                reason: "no encoder or decoder layers (layer_<N>/…)".into(),
            });
        }
        if hp.n_mels != mel::N_MELS {
            return Err(ModelError::Format {
                path: self.path.clone(),
                reason: format!(
                    "{} mel bands; only {}-band models are supported",
                    hp.n_mels,
                    mel::N_MELS
                ),
            });
        }
        Ok(hp)
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

/// GPT-2's `bytes_to_unicode`, inverted: the printable character that stands for each byte.
fn byte_decoder() -> HashMap<char, u8> {
    let mut map = HashMap::with_capacity(256);
    let mut extra = 0u32;
    for b in 0u8..=255 {
        let printable = matches!(b, b'!'..=b'~' | 0xA1..=0xAC | 0xAE..=0xFF);
        let c = if printable {
            char::from(b)
        } else {
            let c = char::from_u32(256 + extra).unwrap_or('\u{0}');
            extra += 1;
            c
        };
        map.insert(c, b);
    }
    map
}

/// The regular tokens of `vocabulary.txt` as raw bytes (the loader adds the special ones).
fn read_vocabulary(path: &Path, hp: &HParams) -> Result<Vec<Vec<u8>>, ModelError> {
    let text = fs::read_to_string(path).map_err(|source| ModelError::io(path, source))?;
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(&text)
        .split('\n')
        .collect();
    let bad = |reason: String| ModelError::Format {
        path: path.to_path_buf(),
        reason,
    };
    if lines.len() != hp.n_vocab {
        return Err(bad(format!(
            "{} tokens, but decoder/embeddings/weight has {} rows",
            lines.len(),
            hp.n_vocab
        )));
    }
    let n_regular = hp.n_regular_tokens();
    let eot = lines.get(n_regular).copied().unwrap_or_default();
    if eot != "<|endoftext|>" {
        return Err(bad(format!(
            "token {n_regular} is {eot:?}, expected <|endoftext|>"
        )));
    }
    let decoder = byte_decoder();
    lines[..n_regular]
        .iter()
        .enumerate()
        .map(|(i, token)| {
            token
                .chars()
                .map(|c| decoder.get(&c).copied())
                .collect::<Option<Vec<u8>>>()
                .ok_or_else(|| {
                    bad(format!(
                        "token {i} ({token:?}) is not GPT-2 byte-level text"
                    ))
                })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// GGML output
// ---------------------------------------------------------------------------------------

/// Tensor element types of the GGML file (`ggml_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GgmlType {
    F32 = 0,
    F16 = 1,
    Q8_0 = 8,
    Bf16 = 30,
}

/// One tensor to write: a contiguous element range of a CTranslate2 variable.
struct Out<'m> {
    name: String,
    /// numpy-order shape (written reversed as `ne`).
    shape: Vec<usize>,
    ttype: GgmlType,
    src: &'m Variable,
    elements: Range<usize>,
}

/// Counts bytes on their way to the file.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn i32_of(x: usize, what: &str) -> Result<i32, ModelError> {
    i32::try_from(x).map_err(|_| ModelError::Tensor {
        name: what.to_string(),
        reason: format!("{x} does not fit the file's i32 fields"),
    })
}

fn write_ggml(
    model: &Ct2Model,
    hp: &HParams,
    vocab: &[Vec<u8>],
    weights: Weights,
    file: &File,
    tmp: &Path,
) -> Result<(usize, u64), ModelError> {
    let mut tensors = plan_tensors(model, hp)?;
    // The weight matrices (2-D float16 tensors) take the chosen type; q8_0 needs whole blocks.
    let (ftype, matrices) = match weights {
        Weights::F16 => (1, GgmlType::F16),
        Weights::Q8_0 => (QNT_VERSION_FTYPE + FTYPE_MOSTLY_Q8_0, GgmlType::Q8_0),
        Weights::Bf16 => (FTYPE_MOSTLY_BF16, GgmlType::Bf16),
    };
    for t in &mut tensors {
        let rows_fit =
            matrices != GgmlType::Q8_0 || t.shape.last().is_some_and(|&n| n % QK8_0 == 0);
        if t.ttype == GgmlType::F16 && t.shape.len() == 2 && rows_fit {
            t.ttype = matrices;
        }
    }
    let io = |source| ModelError::io(tmp, source);
    let mut w = Counting {
        inner: BufWriter::with_capacity(1 << 20, file),
        bytes: 0,
    };

    w.write_all(&GGML_MAGIC.to_le_bytes()).map_err(io)?;
    for (what, x) in [
        ("n_vocab", hp.n_vocab),
        ("n_audio_ctx", hp.n_audio_ctx),
        ("n_audio_state", hp.n_audio_state),
        ("n_audio_head", hp.n_audio_head),
        ("n_audio_layer", hp.n_audio_layer),
        ("n_text_ctx", hp.n_text_ctx),
        ("n_text_state", hp.n_text_state),
        ("n_text_head", hp.n_text_head),
        ("n_text_layer", hp.n_text_layer),
        ("n_mels", hp.n_mels),
        ("ftype", ftype),
    ] {
        w.write_all(&i32_of(x, what)?.to_le_bytes()).map_err(io)?;
    }

    let filters = mel::whisper_filterbank();
    let n_freqs = 1 + mel::N_FFT / 2;
    w.write_all(&i32_of(mel::N_MELS, "n_mel")?.to_le_bytes())
        .map_err(io)?;
    w.write_all(&i32_of(n_freqs, "n_fft")?.to_le_bytes())
        .map_err(io)?;
    for x in &filters {
        w.write_all(&x.to_le_bytes()).map_err(io)?;
    }

    w.write_all(&i32_of(vocab.len(), "vocab")?.to_le_bytes())
        .map_err(io)?;
    for token in vocab {
        w.write_all(&i32_of(token.len(), "token")?.to_le_bytes())
            .map_err(io)?;
        w.write_all(token).map_err(io)?;
    }

    let mut buf = Vec::with_capacity(1 << 16);
    for t in &tensors {
        w.write_all(&i32_of(t.shape.len(), &t.name)?.to_le_bytes())
            .map_err(io)?;
        w.write_all(&i32_of(t.name.len(), &t.name)?.to_le_bytes())
            .map_err(io)?;
        w.write_all(&(t.ttype as i32).to_le_bytes()).map_err(io)?;
        for &d in t.shape.iter().rev() {
            w.write_all(&i32_of(d, &t.name)?.to_le_bytes())
                .map_err(io)?;
        }
        w.write_all(t.name.as_bytes()).map_err(io)?;
        write_data(model, t, &mut w, &mut buf).map_err(io)?;
    }
    let written = w.bytes;
    let file = w
        .inner
        .into_inner()
        .map_err(|e| ModelError::io(tmp, e.into_error()))?;
    file.sync_all().map_err(io)?;
    Ok((tensors.len(), written))
}

/// Writes the elements of `t`, converting to its GGML type in chunks.
fn write_data(
    model: &Ct2Model,
    t: &Out<'_>,
    w: &mut impl Write,
    buf: &mut Vec<u8>,
) -> std::io::Result<()> {
    let src = t.src;
    let size = src.dtype.size();
    let same = matches!(
        (src.dtype, t.ttype),
        (Ct2Type::F16, GgmlType::F16) | (Ct2Type::F32, GgmlType::F32)
    );
    if same {
        let start = src.data.start + t.elements.start * size;
        let end = src.data.start + t.elements.end * size;
        return w.write_all(&model.bytes[start..end]);
    }
    const CHUNK: usize = 16_384;
    if t.ttype == GgmlType::Q8_0 {
        let mut block = [0f32; QK8_0];
        let mut i = t.elements.start;
        buf.clear();
        while i < t.elements.end {
            for (k, x) in block.iter_mut().enumerate() {
                *x = model.value(src, i + k);
            }
            quantize_q8_0(&block, buf);
            i += QK8_0;
            if buf.len() >= CHUNK {
                w.write_all(buf)?;
                buf.clear();
            }
        }
        return w.write_all(buf);
    }
    let mut i = t.elements.start;
    while i < t.elements.end {
        let end = (i + CHUNK).min(t.elements.end);
        buf.clear();
        for j in i..end {
            let x = model.value(src, j);
            match t.ttype {
                GgmlType::F32 => buf.extend_from_slice(&x.to_le_bytes()),
                GgmlType::F16 => buf.extend_from_slice(&f16::from_f32(x).to_le_bytes()),
                GgmlType::Bf16 => buf.extend_from_slice(&bf16_bits(x).to_le_bytes()),
                GgmlType::Q8_0 => unreachable!("q8_0 is written block by block above"),
            }
        }
        w.write_all(buf)?;
        i = end;
    }
    Ok(())
}

/// float32 to bfloat16, rounded to nearest even (ggml's `ggml_compute_fp32_to_bf16`).
fn bf16_bits(x: f32) -> u16 {
    let u = x.to_bits();
    if (u & 0x7fff_ffff) > 0x7f80_0000 {
        return ((u >> 16) | 64) as u16; // quiet NaN
    }
    ((u + (0x7fff + ((u >> 16) & 1))) >> 16) as u16
}

/// Appends one `block_q8_0`: f16 scale `d = max|x| / 127`, then `round(x / d)` as int8
/// (ggml's `quantize_row_q8_0_ref`).
fn quantize_q8_0(x: &[f32; QK8_0], out: &mut Vec<u8>) {
    let amax = x.iter().fold(0f32, |m, v| m.max(v.abs()));
    let d = amax / 127.0;
    let id = if d != 0.0 { 1.0 / d } else { 0.0 };
    out.extend_from_slice(&f16::from_f32(d).to_le_bytes());
    out.extend(x.iter().map(|v| ((v * id).round() as i8) as u8));
}

/// Every tensor whisper.cpp loads, in a fixed order, with shapes checked.
fn plan_tensors<'m>(model: &'m Ct2Model, hp: &HParams) -> Result<Vec<Out<'m>>, ModelError> {
    let mut plan = Planner { model, out: vec![] };
    let (da, dt) = (hp.n_audio_state, hp.n_text_state);

    plan.whole(
        "encoder/position_encodings/encodings",
        "encoder.positional_embedding",
        &[hp.n_audio_ctx, da],
        GgmlType::F32,
    )?;
    plan.whole(
        "encoder/conv1/weight",
        "encoder.conv1.weight",
        &[da, hp.n_mels, 3],
        GgmlType::F16,
    )?;
    plan.conv_bias("encoder/conv1/bias", "encoder.conv1.bias", da)?;
    plan.whole(
        "encoder/conv2/weight",
        "encoder.conv2.weight",
        &[da, da, 3],
        GgmlType::F16,
    )?;
    plan.conv_bias("encoder/conv2/bias", "encoder.conv2.bias", da)?;
    for n in 0..hp.n_audio_layer {
        let src = format!("encoder/layer_{n}");
        let dst = format!("encoder.blocks.{n}");
        plan.self_attention(&src, &dst, da)?;
        plan.ffn(&src, &dst, da)?;
    }
    plan.norm("encoder/layer_norm", "encoder.ln_post", da)?;

    plan.whole(
        "decoder/position_encodings/encodings",
        "decoder.positional_embedding",
        &[hp.n_text_ctx, dt],
        GgmlType::F32,
    )?;
    plan.whole(
        "decoder/embeddings/weight",
        "decoder.token_embedding.weight",
        &[hp.n_vocab, dt],
        GgmlType::F16,
    )?;
    for n in 0..hp.n_text_layer {
        let src = format!("decoder/layer_{n}");
        let dst = format!("decoder.blocks.{n}");
        plan.self_attention(&src, &dst, dt)?;
        plan.cross_attention(&src, &dst, dt)?;
        plan.ffn(&src, &dst, dt)?;
    }
    plan.norm("decoder/layer_norm", "decoder.ln", dt)?;

    // whisper.cpp has no separate output layer: it multiplies by the token embedding.
    // CTranslate2 ties them with an alias; anything else cannot be represented.
    let projection = "decoder/projection/weight";
    let tied =
        model.aliases.get(projection).map(String::as_str) == Some("decoder/embeddings/weight");
    if !tied && model.variables.contains_key(projection) {
        return Err(ModelError::Tensor {
            name: projection.into(),
            reason: "output projection is not tied to decoder/embeddings/weight; whisper.cpp needs them tied".into(),
        });
    }
    Ok(plan.out)
}

struct Planner<'m> {
    model: &'m Ct2Model,
    out: Vec<Out<'m>>,
}

impl<'m> Planner<'m> {
    fn push(
        &mut self,
        src: &'m Variable,
        elements: Range<usize>,
        name: String,
        shape: Vec<usize>,
        ttype: GgmlType,
    ) {
        self.out.push(Out {
            name,
            shape,
            ttype,
            src,
            elements,
        });
    }

    fn whole(
        &mut self,
        src: &str,
        dst: &str,
        shape: &[usize],
        ttype: GgmlType,
    ) -> Result<(), ModelError> {
        let v = self.model.tensor(src, shape)?;
        self.push(v, 0..v.len(), dst.into(), shape.to_vec(), ttype);
        Ok(())
    }

    /// Conv biases become `(d, 1)` so they broadcast over time in whisper.cpp.
    fn conv_bias(&mut self, src: &str, dst: &str, d: usize) -> Result<(), ModelError> {
        let v = self.model.tensor(src, &[d])?;
        self.push(v, 0..d, dst.into(), vec![d, 1], GgmlType::F32);
        Ok(())
    }

    fn linear(&mut self, src: &str, dst: &str, rows: usize, cols: usize) -> Result<(), ModelError> {
        self.whole(
            &format!("{src}/weight"),
            &format!("{dst}.weight"),
            &[rows, cols],
            GgmlType::F16,
        )?;
        self.whole(
            &format!("{src}/bias"),
            &format!("{dst}.bias"),
            &[rows],
            GgmlType::F32,
        )
    }

    fn norm(&mut self, src: &str, dst: &str, d: usize) -> Result<(), ModelError> {
        self.whole(
            &format!("{src}/gamma"),
            &format!("{dst}.weight"),
            &[d],
            GgmlType::F32,
        )?;
        self.whole(
            &format!("{src}/beta"),
            &format!("{dst}.bias"),
            &[d],
            GgmlType::F32,
        )
    }

    /// Row block `block` (of `d` rows) of a fused `(k·d, d)` projection and its bias.
    /// Whisper's key projections have no bias: that slice must be zero and is left out.
    fn fused_part(
        &mut self,
        src: &str,
        dst: &str,
        d: usize,
        parts: usize,
        block: usize,
        has_bias: bool,
    ) -> Result<(), ModelError> {
        let weight = format!("{src}/weight");
        let w = self.model.tensor(&weight, &[parts * d, d])?;
        self.push(
            w,
            block * d * d..(block + 1) * d * d,
            format!("{dst}.weight"),
            vec![d, d],
            GgmlType::F16,
        );
        let bias = format!("{src}/bias");
        let b = self.model.tensor(&bias, &[parts * d])?;
        let range = block * d..(block + 1) * d;
        if has_bias {
            self.push(b, range, format!("{dst}.bias"), vec![d], GgmlType::F32);
        } else if let Some(i) = range.clone().find(|&i| self.model.value(b, i) != 0.0) {
            return Err(ModelError::Tensor {
                name: bias,
                reason: format!(
                    "key bias element {} is non-zero; whisper.cpp has no key bias",
                    i - range.start
                ),
            });
        }
        Ok(())
    }

    fn self_attention(&mut self, src: &str, dst: &str, d: usize) -> Result<(), ModelError> {
        let fused = format!("{src}/self_attention/linear_0");
        self.fused_part(&fused, &format!("{dst}.attn.query"), d, 3, 0, true)?;
        self.fused_part(&fused, &format!("{dst}.attn.key"), d, 3, 1, false)?;
        self.fused_part(&fused, &format!("{dst}.attn.value"), d, 3, 2, true)?;
        self.linear(
            &format!("{src}/self_attention/linear_1"),
            &format!("{dst}.attn.out"),
            d,
            d,
        )?;
        self.norm(
            &format!("{src}/self_attention/layer_norm"),
            &format!("{dst}.attn_ln"),
            d,
        )
    }

    fn cross_attention(&mut self, src: &str, dst: &str, d: usize) -> Result<(), ModelError> {
        self.linear(
            &format!("{src}/attention/linear_0"),
            &format!("{dst}.cross_attn.query"),
            d,
            d,
        )?;
        let fused = format!("{src}/attention/linear_1");
        self.fused_part(&fused, &format!("{dst}.cross_attn.key"), d, 2, 0, false)?;
        self.fused_part(&fused, &format!("{dst}.cross_attn.value"), d, 2, 1, true)?;
        self.linear(
            &format!("{src}/attention/linear_2"),
            &format!("{dst}.cross_attn.out"),
            d,
            d,
        )?;
        self.norm(
            &format!("{src}/attention/layer_norm"),
            &format!("{dst}.cross_attn_ln"),
            d,
        )
    }

    fn ffn(&mut self, src: &str, dst: &str, d: usize) -> Result<(), ModelError> {
        let hidden = self.model.shape(&format!("{src}/ffn/linear_0/weight"))?[0];
        self.linear(
            &format!("{src}/ffn/linear_0"),
            &format!("{dst}.mlp.0"),
            hidden,
            d,
        )?;
        self.linear(
            &format!("{src}/ffn/linear_1"),
            &format!("{dst}.mlp.2"),
            d,
            hidden,
        )?;
        self.norm(
            &format!("{src}/ffn/layer_norm"),
            &format!("{dst}.mlp_ln"),
            d,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q8_0_block_is_scale_then_rounded_int8() {
        let mut x = [0f32; QK8_0];
        x[0] = 1.27;
        x[1] = -0.637;
        x[2] = 0.004;
        let mut out = Vec::new();
        quantize_q8_0(&x, &mut out);
        assert_eq!(out.len(), 2 + QK8_0, "block_q8_0 is 34 bytes");
        let d = f16::from_le_bytes([out[0], out[1]]).to_f32();
        assert!((d - 0.01).abs() < 1e-5, "scale {d}");
        assert_eq!(out[2] as i8, 127);
        assert_eq!(out[3] as i8, -64);
        assert_eq!(out[4] as i8, 0);
        let mut zeros = Vec::new();
        quantize_q8_0(&[0.0; QK8_0], &mut zeros);
        assert!(
            zeros.iter().all(|&b| b == 0),
            "an all-zero block stays zero"
        );
    }

    #[test]
    fn bf16_is_the_rounded_top_half_of_f32() {
        assert_eq!(bf16_bits(1.0), 0x3f80);
        assert_eq!(bf16_bits(-2.0), 0xc000);
        // 1 + 2^-8 is halfway between two bf16 values: to even (1.0); a bit more rounds up.
        assert_eq!(bf16_bits(1.0 + 1.0 / 256.0), 0x3f80);
        assert_eq!(bf16_bits(1.0 + 1.0 / 256.0 + 1.0 / 4096.0), 0x3f81);
        assert_eq!(bf16_bits(f32::INFINITY), 0x7f80);
        assert!(bf16_bits(f32::NAN) & 0x7f != 0, "NaN stays NaN");
    }

    #[test]
    fn byte_decoder_covers_all_bytes() {
        let d = byte_decoder();
        assert_eq!(d.len(), 256);
        assert_eq!(d[&'Ġ'], b' ');
        assert_eq!(d[&'Ċ'], b'\n');
        assert_eq!(d[&'!'], b'!');
        assert_eq!(d[&'\u{100}'], 0);
        assert_eq!(d[&'\u{143}'], 0xAD);
    }

    #[test]
    fn layer_count_ignores_layer_norm() {
        let mut variables = BTreeMap::new();
        let v = Variable {
            shape: vec![1],
            dtype: Ct2Type::F32,
            data: 0..4,
        };
        for name in [
            "encoder/layer_0/ffn/linear_0/weight",
            "encoder/layer_3/ffn/linear_0/weight",
            "encoder/layer_norm/gamma",
            "decoder/layer_norm/gamma",
        ] {
            variables.insert(name.to_string(), v.clone());
        }
        let m = Ct2Model {
            path: PathBuf::new(),
            bytes: vec![0; 4],
            variables,
            aliases: BTreeMap::new(),
        };
        assert_eq!(m.count_layers("encoder"), 4);
        assert_eq!(m.count_layers("decoder"), 0);
    }

    /// Builds a `model.bin` (version 6) with the given variables and aliases.
    fn ct2_bytes(vars: &[(String, Vec<usize>, u8, Vec<u8>)], aliases: &[(&str, &str)]) -> Vec<u8> {
        fn string(out: &mut Vec<u8>, s: &str) {
            out.extend_from_slice(&((s.len() + 1) as u16).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
            out.push(0);
        }
        let mut out = 6u32.to_le_bytes().to_vec();
        string(&mut out, "WhisperSpec");
        out.extend_from_slice(&3u32.to_le_bytes());
        out.extend_from_slice(&(vars.len() as u32).to_le_bytes());
        for (name, shape, dtype, data) in vars {
            string(&mut out, name);
            out.push(shape.len() as u8);
            for d in shape {
                out.extend_from_slice(&(*d as u32).to_le_bytes());
            }
            out.push(*dtype);
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(data);
        }
        out.extend_from_slice(&(aliases.len() as u32).to_le_bytes());
        for (a, t) in aliases {
            string(&mut out, a);
            string(&mut out, t);
        }
        out
    }

    /// A one-layer Whisper with d = 4 (float16 weights, float32 for the rest).
    fn synthetic_vars() -> Vec<(String, Vec<usize>, u8, Vec<u8>)> {
        let d = 4;
        let mut vars = Vec::new();
        let mut counter = 0u32;
        let mut add = |name: &str, shape: Vec<usize>, f16: bool| {
            let n: usize = shape.iter().product();
            let mut data = Vec::new();
            for _ in 0..n {
                counter += 1;
                let x = (counter % 97) as f32 / 97.0 - 0.5;
                if f16 {
                    data.extend_from_slice(&half::f16::from_f32(x).to_le_bytes());
                } else {
                    data.extend_from_slice(&x.to_le_bytes());
                }
            }
            vars.push((name.to_string(), shape, if f16 { 4 } else { 0 }, data));
        };
        add("encoder/conv1/weight", vec![d, 80, 3], true);
        add("encoder/conv1/bias", vec![d], false);
        add("encoder/conv2/weight", vec![d, d, 3], true);
        add("encoder/conv2/bias", vec![d], false);
        add("encoder/position_encodings/encodings", vec![1500, d], true);
        add("decoder/position_encodings/encodings", vec![448, d], true);
        add("decoder/embeddings/weight", vec![51_864, d], true);
        for side in ["encoder", "decoder"] {
            let l = format!("{side}/layer_0");
            add(
                &format!("{l}/self_attention/linear_0/weight"),
                vec![3 * d, d],
                true,
            );
            add(
                &format!("{l}/self_attention/linear_1/weight"),
                vec![d, d],
                true,
            );
            add(&format!("{l}/self_attention/linear_1/bias"), vec![d], false);
            add(&format!("{l}/ffn/linear_0/weight"), vec![4 * d, d], true);
            add(&format!("{l}/ffn/linear_0/bias"), vec![4 * d], false);
            add(&format!("{l}/ffn/linear_1/weight"), vec![d, 4 * d], true);
            add(&format!("{l}/ffn/linear_1/bias"), vec![d], false);
            for norm in ["self_attention/layer_norm", "ffn/layer_norm"] {
                add(&format!("{l}/{norm}/gamma"), vec![d], false);
                add(&format!("{l}/{norm}/beta"), vec![d], false);
            }
            add(&format!("{side}/layer_norm/gamma"), vec![d], false);
            add(&format!("{side}/layer_norm/beta"), vec![d], false);
        }
        let l = "decoder/layer_0/attention";
        add(&format!("{l}/linear_0/weight"), vec![d, d], true);
        add(&format!("{l}/linear_0/bias"), vec![d], false);
        add(&format!("{l}/linear_1/weight"), vec![2 * d, d], true);
        add(&format!("{l}/linear_2/weight"), vec![d, d], true);
        add(&format!("{l}/linear_2/bias"), vec![d], false);
        add(&format!("{l}/layer_norm/gamma"), vec![d], false);
        add(&format!("{l}/layer_norm/beta"), vec![d], false);
        // Fused biases with a zero key slice, as CTranslate2 writes them.
        let fused_bias = |parts: usize, key: usize| {
            (0..parts * d)
                .flat_map(|i| {
                    let x = if i / d == key { 0.0f32 } else { 0.25 };
                    x.to_le_bytes()
                })
                .collect::<Vec<u8>>()
        };
        for side in ["encoder", "decoder"] {
            let name = format!("{side}/layer_0/self_attention/linear_0/bias");
            vars.push((name, vec![3 * d], 0, fused_bias(3, 1)));
        }
        vars.push((
            format!("{l}/linear_1/bias"),
            vec![2 * d],
            0,
            fused_bias(2, 0),
        ));
        for side in ["encoder", "decoder"] {
            vars.push((
                format!("{side}/num_heads"),
                vec![],
                2,
                2i16.to_le_bytes().to_vec(),
            ));
        }
        vars
    }

    fn write_synthetic(dir: &Path, vars: &[(String, Vec<usize>, u8, Vec<u8>)]) -> Ct2Input {
        let bytes = ct2_bytes(
            vars,
            &[("decoder/projection/weight", "decoder/embeddings/weight")],
        );
        // Split in two, like the base model's wheels.
        let mid = bytes.len() / 2;
        fs::write(dir.join("model.bin.part1"), &bytes[..mid]).unwrap();
        fs::write(dir.join("model.bin.part2"), &bytes[mid..]).unwrap();
        let mut vocab = String::new();
        for i in 0..51_864 {
            vocab.push_str(match i {
                0..50_256 => "Ġhello",
                50_256 => "<|endoftext|>",
                _ => "<|x|>",
            });
            vocab.push('\n');
        }
        fs::write(dir.join("vocabulary.txt"), vocab).unwrap();
        Ct2Input::from_dir(dir).unwrap()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn synthetic_model_converts_deterministically() {
        let dir = tempfile::tempdir().unwrap();
        let input = write_synthetic(dir.path(), &synthetic_vars());
        assert_eq!(input.model_bin.len(), 2);
        let a = dir.path().join("a.bin");
        let b = dir.path().join("b.bin");
        let converted = convert(&input, &a).unwrap();
        convert(&input, &b).unwrap();
        let bytes = fs::read(&a).unwrap();
        assert_eq!(bytes, fs::read(&b).unwrap());
        assert_eq!(converted.bytes, bytes.len() as u64);
        // 5 encoder + 15 per encoder layer + 2, 2 decoder + 24 per decoder layer + 2.
        assert_eq!(converted.tensors, 5 + 15 + 2 + 2 + 24 + 2);
        let hp = converted.hparams;
        assert_eq!(
            (hp.n_audio_state, hp.n_audio_head, hp.n_audio_layer),
            (4, 2, 1)
        );
        assert_eq!((hp.n_vocab, hp.n_text_ctx, hp.n_mels), (51_864, 448, 80));

        let word = |i: usize| i32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().unwrap());
        assert_eq!(word(0) as u32, GGML_MAGIC);
        assert_eq!(word(11), 1, "ftype f16");
        assert_eq!((word(12), word(13)), (80, 201));
        let vocab_at = 4 * (14 + 80 * 201);
        assert_eq!(
            i32::from_le_bytes(bytes[vocab_at..vocab_at + 4].try_into().unwrap()),
            50_256
        );
        assert_eq!(&bytes[vocab_at + 8..vocab_at + 14], b" hello");

        assert!(contains(&bytes, b"encoder.blocks.0.attn.key.weight"));
        assert!(!contains(&bytes, b"attn.key.bias"));
        assert!(contains(&bytes, b"decoder.blocks.0.cross_attn.value.bias"));
        assert!(!contains(&bytes, b"projection"));
        // Conv bias: 2 dims, f32, ne = [1, 4].
        let name = b"encoder.conv1.bias";
        let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
        let header: Vec<i32> = (0..5)
            .map(|k| {
                let p = at - 20 + 4 * k;
                i32::from_le_bytes(bytes[p..p + 4].try_into().unwrap())
            })
            .collect();
        assert_eq!(header, vec![2, name.len() as i32, 0, 1, 4]);
    }

    #[test]
    fn int8_weights_are_refused_with_the_tensor_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut vars = synthetic_vars();
        let v = vars
            .iter_mut()
            .find(|v| v.0 == "encoder/layer_0/ffn/linear_0/weight")
            .unwrap();
        v.2 = 1;
        v.3.truncate(v.3.len() / 2);
        let input = write_synthetic(dir.path(), &vars);
        let err = convert(&input, &dir.path().join("out.bin")).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("encoder/layer_0/ffn/linear_0/weight") && msg.contains("int8"),
            "{msg}"
        );
        assert!(!dir.path().join("out.bin").exists());
    }

    #[test]
    fn non_zero_key_bias_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut vars = synthetic_vars();
        let v = vars
            .iter_mut()
            .find(|v| v.0 == "encoder/layer_0/self_attention/linear_0/bias")
            .unwrap();
        v.3[4 * 4..4 * 5].copy_from_slice(&1.0f32.to_le_bytes());
        let input = write_synthetic(dir.path(), &vars);
        let err = convert(&input, &dir.path().join("out.bin")).unwrap_err();
        assert!(
            err.to_string().contains("self_attention/linear_0/bias"),
            "{err}"
        );
    }

    #[test]
    fn truncated_model_is_a_format_error() {
        let dir = tempfile::tempdir().unwrap();
        let input = write_synthetic(dir.path(), &synthetic_vars());
        fs::remove_file(dir.path().join("model.bin.part2")).unwrap();
        let input = Ct2Input {
            model_bin: vec![input.model_bin[0].clone()],
            ..input
        };
        let err = convert(&input, &dir.path().join("out.bin")).unwrap_err();
        assert!(matches!(err, ModelError::Format { .. }), "{err}");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
