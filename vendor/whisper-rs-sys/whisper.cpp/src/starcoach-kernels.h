// starcoach: CPU kernels for whisper.cpp (starcoach-kernels.cpp): the encoder's self-attention,
// matrix products (float32, or int8 with VNNI or AVX2), convolutions and mel DFT (AVX-512, or AVX2
// and FMA on CPUs without AVX-512, or NEON in float32 on aarch64); a q8_0 quantizer for the
// decoder's copies; the decoder's cross-attention and screened logits (int8: AVX-512 VNNI, or
// AVX2 with AVX-VNNI or not; the screen also with sdot on aarch64).
#pragma once

#include "ggml.h"

// The switches the application sets once, before it loads a model (starcoach's env module
// reads them from STARCOACH_* variables; nothing here reads the environment). Bits:
#define STARCOACH_SWITCH_GENERIC_CPU  1  // every kernel takes the path of a CPU without AVX-512
#define STARCOACH_SWITCH_F32_ENCODER  2  // the encoder's float32 panels instead of int8
#define STARCOACH_SWITCH_F32_ATTN     4  // float32 scores in the encoder's self-attention
#define STARCOACH_SWITCH_EXACT_LOGITS 8  // ggml_mul_mat for the logits, no 4-bit screen
#define STARCOACH_SWITCH_BF16_CROSS  16  // ggml's cross-attention over the bfloat16 kv_cross
#define STARCOACH_SWITCH_AVX2_CPU    32  // as a CPU with AVX2, FMA and F16C but no AVX-512
#define STARCOACH_SWITCH_NO_AVXVNNI  64  // with the AVX2 kernels: as a CPU without AVX-VNNI
extern "C" void starcoach_set_switches(int bits);
// Whether a switch (one STARCOACH_SWITCH_* bit) is on.
bool starcoach_switch(int bit);
// Which kernels run on this CPU with these switches (for the application's log): "avx512-vnni",
// "avx512", "avx2-avxvnni", "avx2" (x86-64), "neon-dotprod", "neon" (aarch64), or "none" where
// ggml's graph does everything (STARCOACH_CPU=generic, or another CPU).
extern "C" const char * starcoach_kernels();

// Whether the kernel can run here: an x86-64 CPU with AVX-512 (or AVX2, FMA and F16C) or any
// aarch64 CPU (NEON), and 64 values per head.
bool starcoach_attn_supported(int n_state, int n_head);

// A ggml_map_custom3 operation: dst = the heads of softmax(Q K^T / 8) V side by side, from q, k,
// v: contiguous float32 [n_state, n_ctx] (the encoder's Q, K and V projections); dst as q.
void starcoach_attn_op(struct ggml_tensor * dst, const struct ggml_tensor * q, const struct ggml_tensor * k,
                       const struct ggml_tensor * v, int ith, int nth, void * userdata);

// Whether a weight matrix can be multiplied by starcoach_linear_op: float16 or bfloat16, 2-D, its output
// count a multiple of 64, on a CPU the kernels run on.
bool starcoach_linear_supported(const struct ggml_tensor * w);

// Writes w ([n_in, n_out] float16 or bfloat16) into out (n_in * n_out floats) as float32 panels of 64
// output columns: out[p][k][j] = w[64 p + j][k].
void starcoach_linear_pack(const struct ggml_tensor * w, float * out);

// Whether w can also be multiplied in int8 (AVX-512 VNNI or AVX2): a GGML_TYPE_I8 copy of [n_in + 8, n_out]
// written by starcoach_linear8_pack, used by starcoach_linear_op in place of the float32 panels.
bool starcoach_linear8_supported(const struct ggml_tensor * w);
void starcoach_linear8_pack(const struct ggml_tensor * w, void * out);

// What starcoach_linear_op does to the product before storing it, in this order (userdata holds
// the flags, cast to a pointer): + a bias row, ggml's GELU, + a residual of dst's shape.
enum {
    STARCOACH_LINEAR_BIAS = 1,  // the next src: float32 [n_out]
    STARCOACH_LINEAR_GELU = 2,
    STARCOACH_LINEAR_RES  = 4,  // the next src: contiguous float32 [n_out, n_rows]
};

// A ggml_custom_4d operation: dst [n_out, n_rows] = x W^T, with src[0] the packed weights (an
// F32 tensor [n_in, n_out]) and src[1] x (contiguous float32 [n_in, n_rows]), then the
// STARCOACH_LINEAR_* steps in userdata; the same bits as ggml's add and gelu nodes would give.
void starcoach_linear_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);

// Whether a convolution weight ([3, IC, OC], float16 or bfloat16, OC a multiple of 64) can be used
// by starcoach_conv_op on this CPU.
bool starcoach_conv_supported(const struct ggml_tensor * w);

// Writes w into out (3 IC OC floats) as float32 panels of 64 output channels, input index k IC + c.
void starcoach_conv_pack(const struct ggml_tensor * w, float * out);

enum {
    STARCOACH_CONV_TIME_MAJOR = 1,  // x is [T, IC] (ggml order, time contiguous), else [IC, T]
    STARCOACH_CONV_STRIDE_2   = 2,
};

// A ggml_custom_4d operation: GELU(conv1d(x, W, padding 1, stride 1 or 2) + b), dst [OC, T_out]
// (channels contiguous); src[0] the packed weights (F32 [3 IC, OC]), src[1] x (float32, layout
// per STARCOACH_CONV_TIME_MAJOR in userdata), src[2] b (OC floats).
void starcoach_conv_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);

// Whether starcoach_dft_power runs here for frames of n samples (Whisper's 400, with AVX-512, AVX2 or NEON).
bool starcoach_dft_supported(int n);

// power[f][j] = |DFT(frames[f])_j|^2 for j in 0..n/2, for n_frames rows of n (windowed) samples:
// the frames' DFTs as one float32 matrix product (no per-frame FFT).
void starcoach_dft_power(const float * frames, int n_frames, int n, float * power);

// The sum of exp(x[i] - sub) over the x[i] > -inf (all x[i] <= sub): whisper.cpp's log-softmax
// over the 51,864 logits of every decoded token, vectorised where the CPU has AVX-512, AVX2 or NEON.
float starcoach_sum_exp(const float * x, int n, float sub);

// out[i] = 0 where keep[i] is -inf, else exp(x[i]) (x[i] <= 0): the token probabilities.
void starcoach_exp_where(const float * keep, const float * x, int n, float * out);

// Whether a float16 model's decoder also multiplies q8_0 copies of its matrices (as a bfloat16
// model's does): on CPUs with the AVX2 kernels but not the AVX-512 ones, and on aarch64 (NEON),
// where that decoder otherwise reads float16 (ggml_vec_dot_f16). Elsewhere a float16 model loads
// as upstream.
bool starcoach_f16_q8_copies();

// nrows rows of n_per_row floats as q8_0 blocks: the same bytes as ggml's reference quantizer
// (ggml_quantize_chunk), vectorised where the CPU has AVX-512.
void starcoach_quantize_q8_0(const float * x, void * out, int64_t nrows, int64_t n_per_row);

// ---- The decoder's logits, screened. Every decoded token multiplies the whole q8_0 token matrix
// (tiny.en: 51,864 rows x 384, 21 MB read per token), yet greedy decoding only needs the rows
// near the top. starcoach_logits keeps a 4-bit copy of the text rows (half the bytes) to estimate
// every text row's logit; the exact q8_0 product (ggml's own vec_dot on the activation quantised
// as ggml_mul_mat does, so the same bits) is then computed for every special and timestamp row
// and for every text row whose estimate is within `window` of the best estimate among the text
// rows whisper.cpp never suppresses. The other rows keep their estimate, which only enters the
// log-softmax's normalisation, far below the top.
struct starcoach_logits;

// nullptr where the CPU has neither AVX-512 VNNI nor the AVX2 kernels (AVX2, FMA, F16C; with
// AVX-VNNI or without) nor, on aarch64, the dot-product instructions (sdot), or w is not a contiguous 2-D q8_0 matrix [n_in, n_vocab]
// with n_in a multiple of 32. Rows from n_text on are always exact; `unsure` lists the text rows
// whisper.cpp may suppress (blank, non-speech tokens), which set no threshold.
struct starcoach_logits * starcoach_logits_new(const struct ggml_tensor * w, int n_text, const int * unsure, int n_unsure,
                                               float window);
void starcoach_logits_free(struct starcoach_logits * l);

// The userdata of both operations below: the screened matrix, and which token columns need
// logits (whisper_batch.logits; nullptr: all).
struct starcoach_logits_call {
    const struct starcoach_logits * l;
    const int8_t * need;
};

// A ggml_custom_4d operation: dst [n_vocab, n_tokens] = the 4-bit estimates of the text rows'
// logits for h = src[0] (contiguous float32 [n_in, n_tokens]).
void starcoach_logits_screen_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);

// A ggml_custom_4d operation: dst [n_vocab, n_tokens] = the logits, exact where they can matter,
// from src[0] (starcoach_logits_screen_op's output) and src[1] (h).
void starcoach_logits_exact_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);

// ---- The decoder's cross-attention on int8 copies of the encoder's K and V. Every decoded
// token reads each decoder layer's cross-attention K and V (1500 positions x 384 values, 2.3 MB
// as bfloat16 per layer); as int8 (a scale per position and head) they are half that. Scores by
// AVX-512 VNNI or AVX2 (query as int8 per head), softmax and the weighted sum of V in float32.
struct starcoach_cross {
    int n_state = 0, n_head = 0, n_ctx = 0;  // n_ctx positions, padded to 64 in the copies
    float scale = 1.0f;                      // applied to the scores (on top of K's own scale)
    uint8_t * data = nullptr;                // starcoach_cross_size bytes, 64-byte aligned
};

// Whether the CPU has AVX-512 VNNI or the AVX2 kernels and the heads have 64 values.
bool starcoach_cross_supported(int n_state, int n_head);
size_t starcoach_cross_size(int n_state, int n_ctx);

// A ggml_custom_4d operation writing userdata's (a starcoach_cross) copies from src[0] K and
// src[1] V (contiguous float32 [n_state, n_ctx]); dst is a placeholder.
void starcoach_cross_pack_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);

// A ggml_custom_4d operation: dst [n_state, n_tokens] = the heads of softmax(scale Q K^T) V side
// by side, from src[0] Q (contiguous float32 [n_state, n_tokens]) and userdata's copies.
void starcoach_cross_attn_op(struct ggml_tensor * dst, int ith, int nth, void * userdata);
