// starcoach: CPU kernels for whisper.cpp (see starcoach-kernels.h and ../../../README.md):
// the encoder's self-attention as one fused operation (float32, its scores in int8 with VNNI or AVX2), the encoder's matrix products on
// packed weights (int8 with VNNI or AVX2, else float32) with their bias, GELU and residual fused, the
// input convolutions and the mel spectrogram's DFT as the same float32 products, a
// vectorised q8_0 quantizer that writes the reference one's bytes, and for the decoder the
// cross-attention on int8 copies of K and V and the output projection screened by a 4-bit copy.
//
// ggml computes the encoder's attention as three graph nodes: K x Q for every head (1500 x 1500
// scores from 64-value dot products), a softmax, and V x scores. Its matrix kernels (tinyBLAS)
// multiply dot-product style, with a horizontal sum per output value, which is slow when the
// inner dimension is only the head size (64): on an AVX-512 Xeon they ran at about a tenth of
// the CPU's float32 FMA rate, and the attention took half the encoder's time.
//
// Here each thread takes a band of query rows of every head and, six rows at a time:
//   1. scores = Q_rows x K^T, outer-product style: each step broadcasts one query value and
//      multiplies it into 64 keys' values (K transposed once per head into a scratch buffer);
//   2. a softmax over each row (vectorised exp), kept in the scratch rows;
//   3. out = P x V, outer-product style again: each key's 64 values times the row's weight.
// All in float32 (ggml's graph used the model's intermediate type, float16 or bfloat16, for K
// and V), with no 1500 x 1500 matrix in memory: the scratch is 6 rows of scores.
//
// A CPU without AVX-512 but with AVX2, FMA and F16C (most laptops) runs these kernels in 256-bit
// registers: see "AVX2" below. The int8 ones (encoder products, attention scores, cross-attention,
// the logits' screen) use AVX-VNNI's vpdpbusd where the CPU has it, else vpmaddubsw, with the
// same integer sums as the AVX-512 VNNI kernels.
//
// An aarch64 CPU runs the float32 kernels in 128-bit NEON registers, and the screened logits
// with sdot where it has the dot-product instructions: see "NEON" below.

#include "starcoach-kernels.h"

#include "ggml-cpu.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SC_X86 1
#elif defined(__aarch64__) && (defined(__GNUC__) || defined(__clang__))
#define SC_ARM 1  // starcoach (issue 24): the NEON section below
#endif

// The screened logits (starcoach-kernels.h): text rows in panels of 16 rows; per panel and block
// of 32 inputs, 16 float16 scales (32 bytes) then 4 x 64 bytes of nibbles, byte 4 r + t of the
// v-th holding row r's 4-bit values (stored + 8) for inputs 8 v + t (low) and 8 v + 4 + t (high).
struct starcoach_logits {
    const struct ggml_tensor * w = nullptr;  // the exact q8_0 matrix [n_in, n_vocab]
    int n_in = 0, n_vocab = 0, n_text = 0, n_panels = 0;
    float window = 0.0f;
    std::vector<uint8_t> packed;
    std::vector<float> skip;  // n_panels * 16: 0, or 1e30 for the unsure rows and the padding
};

static std::atomic<int> sc_switches{0};

extern "C" void starcoach_set_switches(int bits) {
    sc_switches.store(bits, std::memory_order_relaxed);
}

bool starcoach_switch(int bit) {
    return (sc_switches.load(std::memory_order_relaxed) & bit) != 0;
}

constexpr int SCREEN_BLOCK = 32 + 256;  // bytes per panel and block of 32 inputs

// starcoach_sum_exp and starcoach_exp_where without vectors, over [i, n): whisper.cpp's own loops,
// used where the CPU has no AVX-512 and for the vector kernels' last values.
static float sum_exp_scalar(const float * x, int i, int n, float sub, float sum) {
    for (; i < n; ++i) {
        if (x[i] > -INFINITY) sum += expf(x[i] - sub);
    }
    return sum;
}

static void exp_where_scalar(const float * keep, const float * x, int i, int n, float * out) {
    for (; i < n; ++i) out[i] = keep[i] == -INFINITY ? 0.0f : expf(x[i]);
}

// ---- Shared by the vector paths (x86-64: AVX-512 and AVX2; aarch64: NEON), without target
// attributes: the packed layouts, the products' and convolutions' drivers (which take a path's
// tiles as a LinearRows), the DFT matrix, the attention's key transpose.
#if defined(SC_X86) || defined(SC_ARM)

// ggml's GELU table (ggml-cpu/vec.cpp): float16 GELU of every float16 value, filled by ggml_cpu_init.
extern ggml_fp16_t ggml_table_gelu_f16[1 << 16];

namespace {

constexpr int HEAD = 64;         // values per head (every Whisper size)
constexpr int ROWS = 6;          // query rows per tile (6 x 4 accumulators)

// A 64-byte aligned view of buf, resized to hold n values.
template <typename T>
static T * aligned64(std::vector<T> & buf, size_t n) {
    buf.resize(n + 64 / sizeof(T));
    return (T *) (((uintptr_t) buf.data() + 63) & ~(uintptr_t) 63);
}

// K_h transposed: kt[d][n], zero-padded to np keys (no target: every path uses it).
static void transpose_head(const float * K, int n_state, int h, int n_ctx, int np, float * kt) {
    for (int d = 0; d < HEAD; ++d) {
        std::memset(kt + (size_t) d * np + n_ctx, 0, sizeof(float) * (np - n_ctx));
    }
    for (int n = 0; n < n_ctx; ++n) {
        const float * k = K + (size_t) n * n_state + h * HEAD;
        for (int d = 0; d < HEAD; ++d) kt[(size_t) d * np + n] = k[d];
    }
}

// What a product's output goes through before it is stored (see starcoach_linear_op): ggml's
// separate add, GELU and add nodes, in their order and with their rounding, so the values are
// the same bits.
struct Epilogue {
    const float * bias;  // + bias[column], or null
    bool gelu;           // then ggml's GELU (its float16 table)
    const float * res;   // then + res[row][column] (row stride as y), or null
};

// ggml's GELU, vectorised: 0 at or below -10, x at or above 10, between them the float16 table
// ggml fills at start-up, looked up by x rounded to float16 (to nearest even, as _cvtss_sh(x, 0)).
static const float * gelu_table() {
    static const std::vector<float> table = [] {
        std::vector<float> t(1 << 16);
        for (size_t i = 0; i < t.size(); ++i) t[i] = ggml_fp16_to_fp32(ggml_table_gelu_f16[i]);
        return t;
    }();
    return table.data();
}

constexpr int BLOCK_ROWS = 8 * ROWS;  // rows per block: 48 rows of x stay in cache across the panels

// The thread's share [r0, r1) of n_rows rows, in whole tiles.
static void thread_rows(int n_rows, int ith, int nth, int & r0, int & r1) {
    const int tiles = (n_rows + ROWS - 1) / ROWS;
    r0 = std::min(n_rows, tiles * ith / nth * ROWS);
    r1 = std::min(n_rows, tiles * (ith + 1) / nth * ROWS);
}

// linear_rows or its twins (linear_rows_avx2, linear_rows_neon): a block of rows times every panel.
typedef void (*LinearRows)(const float * x, int ldx, int n_in, int n_rows, const float * wp, int n_out, float * y, int ldy,
                           const Epilogue & e, const float * table);

// starcoach_linear_op's float32 product, in blocks of rows (the thread's share) by `rows`.
static void linear_f32(LinearRows rows, const float * x, int n_in, int n_rows, const float * wp, int n_out, float * y, const Epilogue & e,
                       int ith, int nth) {
    int r0, r1;
    thread_rows(n_rows, ith, nth, r0, r1);
    const float * table = e.gelu ? gelu_table() : nullptr;
    for (int b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
        const int nb = std::min(r1 - b0, BLOCK_ROWS);
        const size_t out0 = (size_t) b0 * n_out;
        const Epilogue eb = { e.bias, e.gelu, e.res ? e.res + out0 : nullptr };
        rows(x + (size_t) b0 * n_in, n_in, n_in, nb, wp, n_out, y + out0, n_out, eb, table);
    }
}

// A 3-tap convolution (padding 1, stride s) with bias and GELU, as products of packed weights:
// output frame o reads input frames o s - 1, o s, o s + 1, which a channel-contiguous copy of
// the block's frames holds side by side, so x's rows are windows into that copy (row stride s IC).
static void conv_f32(LinearRows rows, const float * x, bool time_major, int n_in_frames, int ic, int stride, const float * wp, int oc,
                     const float * bias, float * y, int n_out_frames, int ith, int nth) {
    int r0, r1;
    thread_rows(n_out_frames, ith, nth, r0, r1);
    const float * table = gelu_table();
    thread_local std::vector<float> buf;
    for (int b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
        const int nb = std::min(r1 - b0, BLOCK_ROWS);
        const int f_lo = b0 * stride - 1;
        const int nf = (nb - 1) * stride + 3;
        buf.resize((size_t) nf * ic);
        for (int f = 0; f < nf; ++f) {
            float * row = buf.data() + (size_t) f * ic;
            const int t = f_lo + f;
            if (t < 0 || t >= n_in_frames) {
                std::fill(row, row + ic, 0.0f);
            } else if (time_major) {
                for (int c = 0; c < ic; ++c) row[c] = x[(size_t) c * n_in_frames + t];
            } else {
                std::memcpy(row, x + (size_t) t * ic, sizeof(float) * ic);
            }
        }
        const Epilogue e = { bias, true, nullptr };
        rows(buf.data(), stride * ic, 3 * ic, nb, wp, oc, y + (size_t) b0 * oc, oc, e, table);
    }
}

// The real DFT of n points as a matrix for linear_f32: column j < bins is cos(2 pi j k / n),
// column bins + j is -sin(2 pi j k / n), zero columns up to a multiple of 64; packed as panels.
struct DftMatrix {
    int n = 0, bins = 0, cols = 0;
    std::vector<float> buf;
    float * packed = nullptr;
};

static const DftMatrix & dft_matrix(int n) {
    static const DftMatrix m = [n] {
        DftMatrix d;
        d.n = n;
        d.bins = n / 2 + 1;
        d.cols = (2 * d.bins + 63) / 64 * 64;
        d.buf.assign((size_t) n * d.cols + 16, 0.0f);
        d.packed = (float *) (((uintptr_t) d.buf.data() + 63) & ~(uintptr_t) 63);
        for (int j = 0; j < d.cols; ++j) {
            float * panel = d.packed + (size_t) (j / 64) * n * 64 + j % 64;
            for (int k = 0; k < n; ++k) {
                double v = 0.0;
                if (j < 2 * d.bins) {
                    const int f = j < d.bins ? j : j - d.bins;
                    const double t = 2.0 * M_PI * (double) ((int64_t) f * k % n) / n;
                    v = j < d.bins ? std::cos(t) : -std::sin(t);
                }
                panel[(size_t) k * 64] = (float) v;
            }
        }
        return d;
    }();
    return m;
}

// starcoach_conv_op with a path's tiles.
static void conv_op_f32(LinearRows rows, struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const int flags = (int) (intptr_t) userdata;
    const struct ggml_tensor * wp = dst->src[0];
    const struct ggml_tensor * x = dst->src[1];
    const struct ggml_tensor * b = dst->src[2];
    const bool time_major = (flags & STARCOACH_CONV_TIME_MAJOR) != 0;
    const int stride = (flags & STARCOACH_CONV_STRIDE_2) ? 2 : 1;
    const int ic = (int) (time_major ? x->ne[1] : x->ne[0]);
    const int n_in_frames = (int) (time_major ? x->ne[0] : x->ne[1]);
    conv_f32(rows, (const float *) x->data, time_major, n_in_frames, ic, stride, (const float *) wp->data, (int) wp->ne[1],
             (const float *) b->data, (float *) dst->data, (int) dst->ne[1], ith, nth);
}

// starcoach_dft_power with a path's tiles.
static void dft_power_f32(LinearRows rows, const float * frames, int n_frames, int n, float * power) {
    const DftMatrix & d = dft_matrix(n);
    thread_local std::vector<float> y;
    y.resize((size_t) n_frames * d.cols);
    const Epilogue none = { nullptr, false, nullptr };
    linear_f32(rows, frames, n, n_frames, d.packed, d.cols, y.data(), none, 0, 1);
    for (int f = 0; f < n_frames; ++f) {
        const float * re = y.data() + (size_t) f * d.cols;
        const float * im = re + d.bins;
        float * out = power + (size_t) f * d.bins;
        for (int j = 0; j < d.bins; ++j) out[j] = re[j] * re[j] + im[j] * im[j];
    }
}

}  // namespace

void starcoach_linear_pack(const struct ggml_tensor * w, float * out) {
    const int64_t n_in = w->ne[0];
    const int64_t n_out = w->ne[1];
    std::vector<float> row(n_in);
    for (int64_t o = 0; o < n_out; ++o) {
        if (w->type == GGML_TYPE_BF16) {
            ggml_bf16_to_fp32_row((const ggml_bf16_t *) w->data + o * n_in, row.data(), n_in);
        } else {
            ggml_fp16_to_fp32_row((const ggml_fp16_t *) w->data + o * n_in, row.data(), n_in);
        }
        float * panel = out + (o / 64) * n_in * 64 + o % 64;
        for (int64_t k = 0; k < n_in; ++k) panel[k * 64] = row[k];
    }
}

void starcoach_conv_pack(const struct ggml_tensor * w, float * out) {
    const int64_t ic = w->ne[1];
    const int64_t oc = w->ne[2];
    const int64_t n_in = 3 * ic;
    std::vector<float> row(n_in);
    for (int64_t o = 0; o < oc; ++o) {
        if (w->type == GGML_TYPE_BF16) {
            ggml_bf16_to_fp32_row((const ggml_bf16_t *) w->data + o * n_in, row.data(), n_in);
        } else {
            ggml_fp16_to_fp32_row((const ggml_fp16_t *) w->data + o * n_in, row.data(), n_in);
        }
        // row[3 c + k] is tap k of input channel c; the packed input index is k IC + c
        float * panel = out + (o / 64) * n_in * 64 + o % 64;
        for (int64_t c = 0; c < ic; ++c) {
            for (int64_t k = 0; k < 3; ++k) panel[(k * ic + c) * 64] = row[3 * c + k];
        }
    }
}

// ---- The screened logits' preparation and exact pass, whichever CPU screens.

// h's nb q8_0 blocks (hq) as the screen reads them: per block 8 dwords of 4 values (hw), the
// scale (dh) and 8 x the sum of the values (corr).
struct ScreenQuery {
    std::vector<int32_t> hw;
    std::vector<float> dh;
    std::vector<int32_t> corr;
};

static const ScreenQuery & screen_query(const uint8_t * hq, int nb) {
    thread_local ScreenQuery q;
    q.hw.resize((size_t) nb * 8);
    q.dh.resize(nb);
    q.corr.resize(nb);
    for (int b = 0; b < nb; ++b) {
        const uint8_t * blk = hq + (size_t) b * 34;
        ggml_fp16_t d;
        std::memcpy(&d, blk, 2);
        q.dh[b] = ggml_fp16_to_fp32(d);
        std::memcpy(q.hw.data() + (size_t) b * 8, blk + 2, 32);
        int32_t s = 0;
        for (int k = 0; k < 32; ++k) s += (int8_t) blk[2 + k];
        q.corr[b] = 8 * s;
    }
    return q;
}

// q8_0 blocks of one column of h, as ggml_mul_mat quantizes it.
static const uint8_t * screen_quantize(const starcoach_logits & l, const float * x) {
    thread_local std::vector<uint8_t> hq;
    hq.resize((size_t) l.n_in / 32 * 34);
    ggml_get_type_traits_cpu(GGML_TYPE_Q8_0)->from_float(x, hq.data(), l.n_in);
    return hq.data();
}

// starcoach_logits_new once the CPU's screen is known to run here.
static starcoach_logits * logits_pack(const struct ggml_tensor * w, int n_text, const int * unsure, int n_unsure, float window) {
    if (w->type != GGML_TYPE_Q8_0 || ggml_n_dims(w) != 2 || w->ne[0] % 32 != 0 || n_text <= 0 || n_text > w->ne[1] ||
        !ggml_is_contiguous(w)) {
        return nullptr;
    }
    starcoach_logits * l = new starcoach_logits;
    l->w = w;
    l->n_in = (int) w->ne[0];
    l->n_vocab = (int) w->ne[1];
    l->n_text = n_text;
    l->n_panels = (n_text + 15) / 16;
    l->window = window;
    const int nb = l->n_in / 32;
    l->packed.assign((size_t) l->n_panels * nb * SCREEN_BLOCK, 0);
    l->skip.assign((size_t) l->n_panels * 16, 1e30f);
    std::fill(l->skip.begin(), l->skip.begin() + n_text, 0.0f);
    const ggml_to_float_t to_float = ggml_get_type_traits(GGML_TYPE_Q8_0)->to_float;
    std::vector<float> row(l->n_in);
    for (int i = 0; i < n_text; ++i) {
        to_float((const char *) w->data + (size_t) i * w->nb[1], row.data(), l->n_in);
        const int p = i / 16;
        const int r = i % 16;
        for (int b = 0; b < nb; ++b) {
            const float * x = row.data() + 32 * b;
            float amax = 0.0f, m = 0.0f;
            for (int k = 0; k < 32; ++k) {
                if (std::fabs(x[k]) > amax) {
                    amax = std::fabs(x[k]);
                    m = x[k];
                }
            }
            const ggml_fp16_t dh = ggml_fp32_to_fp16(m / -8.0f);
            const float d = ggml_fp16_to_fp32(dh);
            const float id = d != 0.0f ? 1.0f / d : 0.0f;
            uint8_t * blk = l->packed.data() + ((size_t) p * nb + b) * SCREEN_BLOCK;
            std::memcpy(blk + 2 * r, &dh, 2);
            for (int k = 0; k < 32; ++k) {
                const int q = (int) std::max(-8.0f, std::min(7.0f, std::nearbyint(x[k] * id)));
                blk[32 + 64 * (k / 8) + 4 * r + k % 4] |= (uint8_t) ((q + 8) << (k % 8 >= 4 ? 4 : 0));
            }
        }
    }
    for (int j = 0; j < n_unsure; ++j) {
        if (unsure[j] >= 0 && unsure[j] < n_text) l->skip[unsure[j]] = 1e30f;
    }
    return l;
}

// starcoach_logits_exact_op with the CPU's screen_best.
static void logits_exact(float (*best)(const starcoach_logits &, const float *), struct ggml_tensor * dst, int ith, int nth,
                         void * userdata) {
    const starcoach_logits_call & call = *(const starcoach_logits_call *) userdata;
    const starcoach_logits & l = *call.l;
    const struct ggml_tensor * screen = dst->src[0];
    const struct ggml_tensor * h = dst->src[1];
    const ggml_vec_dot_t vec_dot = ggml_get_type_traits_cpu(GGML_TYPE_Q8_0)->vec_dot;
    const int r0 = (int) ((int64_t) l.n_vocab * ith / nth);
    const int r1 = (int) ((int64_t) l.n_vocab * (ith + 1) / nth);
    const size_t row_size = l.w->nb[1];
    const char * w = (const char *) l.w->data;
    for (int64_t j = 0; j < h->ne[1]; ++j) {
        if (call.need && !call.need[j]) continue;
        const float * a = (const float *) ((const char *) screen->data + j * screen->nb[1]);
        float * y = (float *) ((char *) dst->data + j * dst->nb[1]);
        const uint8_t * hq = screen_quantize(l, (const float *) ((const char *) h->data + j * h->nb[1]));
        const float thr = best(l, a) - l.window;
        for (int i = r0; i < r1; ++i) {
            if (i >= l.n_text || a[i] >= thr) {
                vec_dot(l.n_in, y + i, 0, w + (size_t) i * row_size, 0, hq, 0, 1);
            } else {
                y[i] = a[i];
            }
        }
    }
}

#endif  // SC_X86 || SC_ARM

#ifdef SC_X86

#include <immintrin.h>

namespace {

// starcoach: the generic-CPU switch (STARCOACH_CPU=generic, set by the application before the
// first kernel query) makes has_avx512, has_vnni and has_avx2 say no, so every kernel here takes
// the path of a CPU without AVX-512 or AVX2 kernels (ggml's graph and quantizer, the scalar
// loops): that path, and its transcripts, can be tested on any machine.
static bool cpu_generic() {
    static const bool yes = starcoach_switch(STARCOACH_SWITCH_GENERIC_CPU);
    return yes;
}

// starcoach: the AVX2 switch (STARCOACH_CPU=avx2) makes has_avx512 and has_vnni say no but not
// has_avx2: the path of a laptop CPU with AVX2, FMA and F16C, testable on an AVX-512 machine.
static bool cpu_avx2() {
    static const bool yes = starcoach_switch(STARCOACH_SWITCH_AVX2_CPU);
    return yes;
}

// Whether this CPU runs the kernels below (compiled for AVX-512 through target attributes,
// whatever the build's own flags); false with STARCOACH_CPU=generic or avx2.
static bool has_avx512() {
    static const bool yes = !cpu_generic() && !cpu_avx2() && __builtin_cpu_supports("avx512f") &&
                            __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq");
    return yes;
}

// Whether the float32 kernels run in 256-bit registers ("AVX2" below): a CPU with AVX2, FMA and
// F16C (GELU's float16 rounding) but without the AVX-512 kernels (or STARCOACH_CPU=avx2).
static bool has_avx2() {
    static const bool yes = !cpu_generic() && !has_avx512() && __builtin_cpu_supports("avx2") &&
                            __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    return yes;
}

// Either: the float32 kernels run here.
static bool has_f32_kernels() {
    return has_avx512() || has_avx2();
}

typedef float   v16f __attribute__((vector_size(64), aligned(64)));
typedef int32_t v16i __attribute__((vector_size(64), aligned(64)));
typedef float   v16f_u __attribute__((vector_size(64), aligned(4)));

constexpr int VPH  = HEAD / 16;  // vectors per head row

#define SC_TARGET __attribute__((target("avx512f,avx512dq,fma,f16c")))
#define SC_TARGET8 __attribute__((target("avx512f,avx512dq,avx512bw,avx512vnni,fma,f16c")))

// One value in every lane. _mm512_set1_ps lets the compiler broadcast straight from memory (a
// load); `v16f{} + x` made it add 0 and broadcast from a register, a shuffle that competes with
// the FMAs for port 5 and held the tiles below to about 55 % of the FMA rate.
SC_TARGET static inline v16f splat(float x) {
    return (v16f) _mm512_set1_ps(x);
}

SC_TARGET static inline v16f loadu(const float * p) {
    return *(const v16f_u *) p;
}

SC_TARGET static inline void storeu(float * p, v16f v) {
    *(v16f_u *) p = v;
}

SC_TARGET static inline v16f vmax(v16f a, v16f b) {
    return a > b ? a : b;
}

// exp(x) for x <= 0 (a softmax argument minus its row's maximum): 2^n * p(r), r = x - n ln 2,
// with a degree-6 polynomial on |r| <= ln2/2 (relative error about 2e-7). Below -87 it returns
// about 1e-38 instead of less: harmless next to the row maximum's 1.
SC_TARGET static inline v16f vexp(v16f x) {
    x = vmax(x, splat(-87.0f));
    const v16f magic = splat(12582912.0f);  // 1.5 * 2^23: adding it rounds to an integer
    v16f n = (x * splat(1.44269504088896341f) + magic) - magic;
    v16f r = x - n * splat(0.693145751953125f);
    r      = r - n * splat(1.428606765330187e-06f);
    v16f p = splat(1.0f / 720.0f);
    p = p * r + splat(1.0f / 120.0f);
    p = p * r + splat(1.0f / 24.0f);
    p = p * r + splat(1.0f / 6.0f);
    p = p * r + splat(0.5f);
    p = p * r + splat(1.0f);
    p = p * r + splat(1.0f);
    v16i e = __builtin_convertvector(n, v16i) << 23;
    return (v16f) ((v16i) p + e);
}

SC_TARGET static inline float hmax(v16f v) {
    float m = v[0];
    for (int i = 1; i < 16; ++i) m = std::max(m, v[i]);
    return m;
}

SC_TARGET static inline float hsum(v16f v) {
    float s = 0.0f;
    for (int i = 0; i < 16; ++i) s += v[i];
    return s;
}

// scores[r][0..np) = scale * q_r . k_n for R query rows (q: row stride ldq) against the keys
// transposed into kt (HEAD rows of np values, np a multiple of 64).
template <int R>
SC_TARGET static void scores_tile(const float * q, int ldq, const float * kt, int np, float scale, float * s) {
    for (int n0 = 0; n0 < np; n0 += 64) {
        v16f acc[R][4];
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) acc[r][j] = v16f{};
        }
        const float * k = kt + n0;
        for (int d = 0; d < HEAD; ++d, k += np) {
            const v16f k0 = *(const v16f *) (k);
            const v16f k1 = *(const v16f *) (k + 16);
            const v16f k2 = *(const v16f *) (k + 32);
            const v16f k3 = *(const v16f *) (k + 48);
            for (int r = 0; r < R; ++r) {
                const v16f qv = splat(q[r * ldq + d]);
                acc[r][0] += qv * k0;
                acc[r][1] += qv * k1;
                acc[r][2] += qv * k2;
                acc[r][3] += qv * k3;
            }
        }
        const v16f sv = splat(scale);
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) *(v16f *) (s + r * np + n0 + 16 * j) = acc[r][j] * sv;
        }
    }
}

// out_r[0..HEAD) = sum_n p[r][n] v_n / sums[r] for R rows of weights (row stride np) over the
// n_ctx values v_n (row stride ldv).
template <int R>
SC_TARGET static void values_tile(const float * p, int np, const float * v, int ldv, int n_ctx, const float * inv, float * out, int ldo) {
    v16f acc[R][VPH];
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < VPH; ++j) acc[r][j] = v16f{};
    }
    for (int n = 0; n < n_ctx; ++n, v += ldv) {
        const v16f v0 = loadu(v);
        const v16f v1 = loadu(v + 16);
        const v16f v2 = loadu(v + 32);
        const v16f v3 = loadu(v + 48);
        for (int r = 0; r < R; ++r) {
            const v16f pv = splat(p[r * np + n]);
            acc[r][0] += pv * v0;
            acc[r][1] += pv * v1;
            acc[r][2] += pv * v2;
            acc[r][3] += pv * v3;
        }
    }
    for (int r = 0; r < R; ++r) {
        const v16f iv = splat(inv[r]);
        for (int j = 0; j < VPH; ++j) storeu(out + r * ldo + 16 * j, acc[r][j] * iv);
    }
}

// Row-wise softmax numerators in place (the padded columns n_ctx..np hold 0 afterwards);
// inv[r] = 1 / the row's sum.
SC_TARGET static void softmax_rows(float * s, int np, int n_ctx, int rows, float * inv) {
    for (int r = 0; r < rows; ++r) {
        float * row = s + r * np;
        for (int n = n_ctx; n < np; ++n) row[n] = -INFINITY;
        v16f m = splat(-INFINITY);
        for (int n = 0; n < np; n += 16) m = vmax(m, *(v16f *) (row + n));
        const v16f mx = splat(hmax(m));
        v16f sum = v16f{};
        for (int n = 0; n < np; n += 16) {
            const v16f e = vexp(*(v16f *) (row + n) - mx);
            *(v16f *) (row + n) = e;
            sum += e;
        }
        for (int n = n_ctx; n < np; ++n) row[n] = 0.0f;
        inv[r] = 1.0f / hsum(sum);
    }
}

template <int R>
SC_TARGET static void rows_tile(const float * q, int ld, const float * kt, const float * v, int n_ctx, int np, float scale, float * s, float * out) {
    float inv[ROWS];
    scores_tile<R>(q, ld, kt, np, scale, s);
    softmax_rows(s, np, n_ctx, R, inv);
    values_tile<R>(s, np, v, ld, n_ctx, inv, out, ld);
}

// ---- Encoder self-attention with int8 scores (VNNI): per head, K as panels of 16 keys
// ([16 groups of 4 values][16 keys][4] bytes, stored + 128, a scale per key), each query row
// as int8 with its own scale; softmax and the weighted sum of V as in attn_avx512 (float32).

// A query row as int8: its values as 16 dwords of 4 (for vpdpbusd), its scale times the
// attention's, and the sum of its values (the keys are stored + 128).
struct Query8 {
    int32_t qw[HEAD / 4];
    float sq;
    int32_t qsum;
};

// The mask of a 16-lane block when `left` values remain (none when left <= 0).
static inline __mmask16 tail_mask(int left) {
    return left >= 16 ? (__mmask16) 0xFFFF : left <= 0 ? (__mmask16) 0 : (__mmask16) ((1u << left) - 1);
}

// s[r][0..np) = sq_r sk_n (q8_r . k8_n) for R rows, np a multiple of 64; kp, ks and s 64-byte aligned.
template <int R>
SC_TARGET8 static void scores8_tile(const Query8 * q, const uint8_t * kp, const float * ks, int np, float * s) {
    for (int n0 = 0; n0 < np; n0 += 64) {
        __m512i acc[R][4];
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) acc[r][j] = _mm512_setzero_si512();
        }
        const uint8_t * p = kp + (size_t) (n0 / 16) * 16 * HEAD;
        for (int g = 0; g < HEAD / 4; ++g) {
            const __m512i k0 = _mm512_load_si512(p + g * 64);
            const __m512i k1 = _mm512_load_si512(p + 1024 + g * 64);
            const __m512i k2 = _mm512_load_si512(p + 2048 + g * 64);
            const __m512i k3 = _mm512_load_si512(p + 3072 + g * 64);
            for (int r = 0; r < R; ++r) {
                const __m512i qv = _mm512_set1_epi32(q[r].qw[g]);
                acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], k0, qv);
                acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], k1, qv);
                acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], k2, qv);
                acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], k3, qv);
            }
        }
        for (int r = 0; r < R; ++r) {
            const __m512i corr = _mm512_set1_epi32(128 * q[r].qsum);
            const __m512 f = _mm512_set1_ps(q[r].sq);
            for (int j = 0; j < 4; ++j) {
                const __m512 v = _mm512_cvtepi32_ps(_mm512_sub_epi32(acc[r][j], corr));
                _mm512_store_ps(s + r * np + n0 + 16 * j, _mm512_mul_ps(_mm512_mul_ps(v, f), _mm512_load_ps(ks + n0 + 16 * j)));
            }
        }
    }
}

// HEAD values as int8 (round to nearest) with scale max|x| / 127; returns the scale.
SC_TARGET8 static float quantize_head(const float * x, int8_t * q) {
    __m512 m = _mm512_setzero_ps();
    for (int i = 0; i < HEAD; i += 16) m = _mm512_max_ps(m, _mm512_abs_ps(_mm512_loadu_ps(x + i)));
    const float amax = _mm512_reduce_max_ps(m);
    const float sc = amax / 127.0f;
    const __m512 inv = _mm512_set1_ps(sc != 0.0f ? 1.0f / sc : 0.0f);
    for (int i = 0; i < HEAD; i += 16) {
        const __m512i qi = _mm512_cvtps_epi32(
            _mm512_roundscale_ps(_mm512_mul_ps(_mm512_loadu_ps(x + i), inv), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
        _mm_storeu_si128((__m128i *) (q + i), _mm512_cvtsepi32_epi8(qi));
    }
    return sc;
}

// x (HEAD values) as a Query8, its scale multiplied by `scale`.
SC_TARGET8 static void query8(const float * x, float scale, Query8 & q) {
    alignas(16) int8_t q8[HEAD];
    q.sq = quantize_head(x, q8) * scale;
    int32_t t = 0;
    for (int i = 0; i < HEAD; ++i) t += q8[i];
    q.qsum = t;
    std::memcpy(q.qw, q8, HEAD);
}

// Key x (HEAD values) into its panel: `slot` is the panel's start plus 4 x the key's place in it.
// Returns the key's scale.
SC_TARGET8 static float put_key8(const float * x, uint8_t * slot) {
    alignas(16) int8_t k8[HEAD];
    const float sk = quantize_head(x, k8);
    for (int g = 0; g < HEAD / 4; ++g) {
        for (int t = 0; t < 4; ++t) slot[g * 64 + t] = (uint8_t) (k8[4 * g + t] + 128);
    }
    return sk;
}

template <int R>
SC_TARGET8 static void rows8_tile(const float * q, int ld, const uint8_t * kp, const float * ks, const float * v, int n_ctx, int np,
                                  float scale, float * s, float * out) {
    Query8 q8[ROWS];
    for (int r = 0; r < R; ++r) query8(q + (size_t) r * ld, scale, q8[r]);
    float inv[ROWS];
    scores8_tile<R>(q8, kp, ks, np, s);
    softmax_rows(s, np, n_ctx, R, inv);
    values_tile<R>(s, np, v, ld, n_ctx, inv, out, ld);
}

// K_h as int8 panels and their scales; the padding keys are zero with scale 0.
SC_TARGET8 static void pack_head8(const float * K, int n_state, int h, int n_ctx, int np, uint8_t * kp, float * ks) {
    std::memset(kp + (size_t) n_ctx / 16 * 16 * HEAD, 128, (size_t) (np - n_ctx / 16 * 16) * HEAD);
    for (int n = 0; n < n_ctx; ++n) {
        ks[n] = put_key8(K + (size_t) n * n_state + h * HEAD, kp + (size_t) (n / 16) * 16 * HEAD + (n % 16) * 4);
    }
    for (int n = n_ctx; n < np; ++n) ks[n] = 0.0f;
}

// One tile of R query rows: int8 scores (kt holds pack_head8's panels) or float32 ones.
template <int R>
SC_TARGET static void head_tile(bool int8, const float * q, int ld, const float * kt, const float * ks, const float * v, int n_ctx,
                                int np, float scale, float * s, float * out) {
    if (int8) {
        rows8_tile<R>(q, ld, (const uint8_t *) kt, ks, v, n_ctx, np, scale, s, out);
    } else {
        rows_tile<R>(q, ld, kt, v, n_ctx, np, scale, s, out);
    }
}

SC_TARGET static void attn_avx512(const float * Q, const float * K, const float * V, float * O, int n_ctx, int n_state, float scale,
                                  bool int8, int ith, int nth) {
    const int n_head = n_state / HEAD;
    const int np = (n_ctx + 63) / 64 * 64;
    thread_local std::vector<float> k_buf;
    thread_local std::vector<float> s_buf;
    // the head's keys (float32 transposed, or int8 panels), then their scales (int8)
    float * kt = aligned64(k_buf, (size_t) (HEAD + 1) * np);
    float * ks = kt + (size_t) HEAD * np;
    float * s  = aligned64(s_buf, (size_t) ROWS * np);

    // This thread's band of query rows, in whole tiles.
    const int tiles = (n_ctx + ROWS - 1) / ROWS;
    const int t0 = tiles * ith / nth;
    const int t1 = tiles * (ith + 1) / nth;
    if (t0 >= t1) {
        return;
    }
    for (int h = 0; h < n_head; ++h) {
        if (int8) {
            pack_head8(K, n_state, h, n_ctx, np, (uint8_t *) kt, ks);
        } else {
            transpose_head(K, n_state, h, n_ctx, np, kt);
        }
        for (int t = t0; t < t1; ++t) {
            const int m0 = t * ROWS;
            const int rows = std::min(ROWS, n_ctx - m0);
            const float * q = Q + (size_t) m0 * n_state + h * HEAD;
            const float * v = V + h * HEAD;
            float * out = O + (size_t) m0 * n_state + h * HEAD;
            switch (rows) {
                case 6: head_tile<6>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 5: head_tile<5>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 4: head_tile<4>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 3: head_tile<3>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 2: head_tile<2>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                default: head_tile<1>(int8, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
            }
        }
    }
}

SC_TARGET static inline v16f gelu(v16f x, const float * table) {
    const __m512 v = (__m512) x;
    const __m512i idx = _mm512_cvtepu16_epi32(_mm512_cvtps_ph(v, 0));
    __m512 g = _mm512_i32gather_ps(idx, table, 4);
    g = _mm512_mask_mov_ps(g, _mm512_cmp_ps_mask(v, _mm512_set1_ps(10.0f), _CMP_GE_OQ), v);
    g = _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(v, _mm512_set1_ps(-10.0f), _CMP_GT_OQ), g);
    return (v16f) g;
}

// y[r][0..64) = x_r . w_j for R rows of x (row stride ldx) against one panel of 64 packed output
// columns (wp[k][0..64) = the k-th input value's weights of those columns), then the epilogue
// (bias and residual already offset to this panel's columns and these rows).
template <int R>
SC_TARGET static void linear_tile(const float * x, int ldx, int n_in, const float * wp, float * y, int ldy, const Epilogue & e, const float * table) {
    v16f acc[R][4];
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 4; ++j) acc[r][j] = v16f{};
    }
    for (int k = 0; k < n_in; ++k, wp += 64) {
        const v16f w0 = *(const v16f *) (wp);
        const v16f w1 = *(const v16f *) (wp + 16);
        const v16f w2 = *(const v16f *) (wp + 32);
        const v16f w3 = *(const v16f *) (wp + 48);
        for (int r = 0; r < R; ++r) {
            const v16f xv = splat(x[r * ldx + k]);
            acc[r][0] += xv * w0;
            acc[r][1] += xv * w1;
            acc[r][2] += xv * w2;
            acc[r][3] += xv * w3;
        }
    }
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 4; ++j) {
            v16f v = acc[r][j];
            if (e.bias) v += loadu(e.bias + 16 * j);
            if (e.gelu) v = gelu(v, table);
            if (e.res) v += loadu(e.res + r * ldy + 16 * j);
            storeu(y + r * ldy + 16 * j, v);
        }
    }
}

// y = x W^T then the epilogue, for n_rows (a few dozen) rows of x (row stride ldx; y's ldy),
// panel by panel so that the rows stay in cache.
SC_TARGET static void linear_rows(const float * x, int ldx, int n_in, int n_rows, const float * wp, int n_out, float * y, int ldy,
                                  const Epilogue & e, const float * table) {
    for (int p = 0; p < n_out / 64; ++p) {
        const float * w = wp + (size_t) p * n_in * 64;
        for (int m0 = 0; m0 < n_rows; m0 += ROWS) {
            const int rows = std::min(ROWS, n_rows - m0);
            const float * xr = x + (size_t) m0 * ldx;
            const size_t out0 = (size_t) m0 * ldy + p * 64;
            float * yr = y + out0;
            const Epilogue et = { e.bias ? e.bias + p * 64 : nullptr, e.gelu, e.res ? e.res + out0 : nullptr };
            switch (rows) {
                case 6: linear_tile<6>(xr, ldx, n_in, w, yr, ldy, et, table); break;
                case 5: linear_tile<5>(xr, ldx, n_in, w, yr, ldy, et, table); break;
                case 4: linear_tile<4>(xr, ldx, n_in, w, yr, ldy, et, table); break;
                case 3: linear_tile<3>(xr, ldx, n_in, w, yr, ldy, et, table); break;
                case 2: linear_tile<2>(xr, ldx, n_in, w, yr, ldy, et, table); break;
                default: linear_tile<1>(xr, ldx, n_in, w, yr, ldy, et, table); break;
            }
        }
    }
}

// ---- int8 products (VNNI): weights as int8 with a scale per output column, each row of x as
// uint8 over the row's own range (x = lo + s q, q in 0..255); int32 sums q . w, then
// y = s_w (s q.w + lo sum(w)). Packed: n_out scales (float), n_out column sums of the int8
// weights (float), then panels of 64 columns, each [n_in / 4][64][4] bytes.

template <int R>
SC_TARGET8 static void linear8_tile(const uint8_t * xq, int ldx, int n_in, const int8_t * wp, const float * sx, const float * lo,
                                    const float * sw, const float * csum, float * y, int ldy, const Epilogue & e, const float * table) {
    __m512i acc[R][4];
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 4; ++j) acc[r][j] = _mm512_setzero_si512();
    }
    for (int k = 0; k < n_in; k += 4, wp += 256) {
        const __m512i w0 = _mm512_loadu_si512((const void *) (wp));
        const __m512i w1 = _mm512_loadu_si512((const void *) (wp + 64));
        const __m512i w2 = _mm512_loadu_si512((const void *) (wp + 128));
        const __m512i w3 = _mm512_loadu_si512((const void *) (wp + 192));
        for (int r = 0; r < R; ++r) {
            int32_t q;
            std::memcpy(&q, xq + r * ldx + k, 4);
            const __m512i xv = _mm512_set1_epi32(q);
            acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], xv, w0);
            acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], xv, w1);
            acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], xv, w2);
            acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], xv, w3);
        }
    }
    for (int r = 0; r < R; ++r) {
        const __m512 srow = _mm512_set1_ps(sx[r]);
        const __m512 lrow = _mm512_set1_ps(lo[r]);
        for (int j = 0; j < 4; ++j) {
            const __m512 dot = _mm512_fmadd_ps(_mm512_cvtepi32_ps(acc[r][j]), srow, _mm512_mul_ps(lrow, _mm512_loadu_ps(csum + 16 * j)));
            v16f v = (v16f) _mm512_mul_ps(dot, _mm512_loadu_ps(sw + 16 * j));
            if (e.bias) v += loadu(e.bias + 16 * j);
            if (e.gelu) v = gelu(v, table);
            if (e.res) v += loadu(e.res + r * ldy + 16 * j);
            storeu(y + r * ldy + 16 * j, v);
        }
    }
}

// Row r of x as uint8 over its range: q = round((x - lo) / s), s = (max - lo) / 255.
SC_TARGET8 static void quantize_rows_u8(const float * x, int n_in, int n_rows, uint8_t * xq, float * sx, float * lo) {
    for (int r = 0; r < n_rows; ++r) {
        const float * xr = x + (size_t) r * n_in;
        __m512 mn = _mm512_set1_ps(INFINITY);
        __m512 mx = _mm512_set1_ps(-INFINITY);
        for (int k = 0; k < n_in; k += 16) {
            const __m512 v = _mm512_loadu_ps(xr + k);
            mn = _mm512_min_ps(mn, v);
            mx = _mm512_max_ps(mx, v);
        }
        const float l = _mm512_reduce_min_ps(mn);
        const float s = (_mm512_reduce_max_ps(mx) - l) / 255.0f;
        sx[r] = s;
        lo[r] = l;
        const __m512 inv = _mm512_set1_ps(s != 0.0f ? 1.0f / s : 0.0f);
        const __m512 vl = _mm512_set1_ps(l);
        for (int k = 0; k < n_in; k += 16) {
            __m512i q = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(xr + k), vl), inv));
            q = _mm512_min_epi32(_mm512_max_epi32(q, _mm512_setzero_si512()), _mm512_set1_epi32(255));
            _mm_storeu_si128((__m128i *) (xq + (size_t) r * n_in + k), _mm512_cvtepi32_epi8(q));
        }
    }
}

SC_TARGET8 static void linear8_avx512(const float * x, int n_in, int n_rows, const char * packed, int n_out, float * y, const Epilogue & e,
                                      int ith, int nth) {
    const float * sw = (const float *) packed;
    const float * csum = (const float *) (packed + 4 * (size_t) n_out);
    const int8_t * panels = (const int8_t *) (packed + 8 * (size_t) n_out);
    int r0, r1;
    thread_rows(n_rows, ith, nth, r0, r1);
    const float * table = e.gelu ? gelu_table() : nullptr;
    thread_local std::vector<uint8_t> xq;
    thread_local std::vector<float> sx, lo;
    xq.resize((size_t) BLOCK_ROWS * n_in);
    sx.resize(BLOCK_ROWS);
    lo.resize(BLOCK_ROWS);
    for (int b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
        const int nb = std::min(r1 - b0, BLOCK_ROWS);
        quantize_rows_u8(x + (size_t) b0 * n_in, n_in, nb, xq.data(), sx.data(), lo.data());
        for (int p = 0; p < n_out / 64; ++p) {
            const int8_t * w = panels + (size_t) p * n_in * 64;
            for (int m0 = 0; m0 < nb; m0 += ROWS) {
                const int rows = std::min(ROWS, nb - m0);
                const uint8_t * xr = xq.data() + (size_t) m0 * n_in;
                const size_t out0 = (size_t) (b0 + m0) * n_out + p * 64;
                const Epilogue et = { e.bias ? e.bias + p * 64 : nullptr, e.gelu, e.res ? e.res + out0 : nullptr };
                const float * s = sx.data() + m0;
                const float * l = lo.data() + m0;
                switch (rows) {
                    case 6: linear8_tile<6>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                    case 5: linear8_tile<5>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                    case 4: linear8_tile<4>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                    case 3: linear8_tile<3>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                    case 2: linear8_tile<2>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                    default: linear8_tile<1>(xr, n_in, n_in, w, s, l, sw + p * 64, csum + p * 64, y + out0, n_out, et, table); break;
                }
            }
        }
    }
}

// starcoach: false with STARCOACH_CPU=generic too (through has_avx512, checked first).
static bool has_vnni() {
    static const bool yes = has_avx512() && __builtin_cpu_supports("avx512vnni");
    return yes;
}

// ggml's reference q8_0 quantizer (quantize_row_q8_0_ref), vectorised to give the same bytes:
// per 32 values d = max|x| / 127, q = roundf(x / d) (half away from zero, as roundf; ggml's
// own vectorised quantizer rounds half to even and changed transcripts).
__attribute__((target("avx512f,avx512bw,avx512dq"))) static void quantize_q8_0_avx512(const float * x, void * out, int64_t n) {
    uint8_t * y = (uint8_t *) out;
    for (int64_t i = 0; i < n; i += 32, y += 34) {
        const __m512 a = _mm512_loadu_ps(x + i);
        const __m512 b = _mm512_loadu_ps(x + i + 16);
        const float amax = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(a), _mm512_abs_ps(b)));
        const float d = amax / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        const ggml_fp16_t dh = ggml_fp32_to_fp16(d);
        std::memcpy(y, &dh, 2);
        const __m512 vid = _mm512_set1_ps(id);
        for (int h = 0; h < 2; ++h) {
            const __m512 v = _mm512_mul_ps(h ? b : a, vid);
            __m512 t = _mm512_roundscale_ps(v, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
            // |v - t| >= 0.5: one step away from zero (v - t is exact)
            const __mmask16 up = _mm512_cmp_ps_mask(_mm512_abs_ps(_mm512_sub_ps(v, t)), _mm512_set1_ps(0.5f), _CMP_GE_OQ);
            const __m512 one = _mm512_or_ps(_mm512_set1_ps(1.0f), _mm512_and_ps(v, _mm512_set1_ps(-0.0f)));
            t = _mm512_mask_add_ps(t, up, t, one);
            _mm_storeu_si128((__m128i *) (y + 2 + 16 * h), _mm512_cvtepi32_epi8(_mm512_cvtps_epi32(t)));
        }
    }
}

// sum of exp(x[i] - sub) over the x[i] > -inf (x[i] <= sub).
SC_TARGET static float sum_exp_avx512(const float * x, int n, float sub) {
    v16f acc = v16f{};
    const v16f s = splat(sub);
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512 v = _mm512_loadu_ps(x + i);
        const __mmask16 m = _mm512_cmp_ps_mask(v, _mm512_set1_ps(-INFINITY), _CMP_GT_OQ);
        acc += (v16f) _mm512_maskz_mov_ps(m, (__m512) vexp((v16f) v - s));
    }
    return sum_exp_scalar(x, i, n, sub, hsum(acc));
}

// out[i] = keep[i] == -inf ? 0 : exp(x[i]) (x[i] <= 0).
SC_TARGET static void exp_where_avx512(const float * keep, const float * x, int n, float * out) {
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        const __mmask16 m = _mm512_cmp_ps_mask(_mm512_loadu_ps(keep + i), _mm512_set1_ps(-INFINITY), _CMP_NEQ_OQ);
        _mm512_storeu_ps(out + i, _mm512_maskz_mov_ps(m, (__m512) vexp((v16f) _mm512_loadu_ps(x + i))));
    }
    exp_where_scalar(keep, x, i, n, out);
}

// ---- AVX2 (starcoach: issue 24): the float32 kernels above in 256-bit registers, for CPUs with
// AVX2, FMA and F16C but without AVX-512 (STARCOACH_CPU=avx2 takes this path on any such CPU).
// There are 16 registers of 8 floats instead of 32 of 16: a tile is 6 rows x 16 columns (12
// accumulators, 2 loaded vectors and 1 broadcast: 15 registers), so a panel of 64 columns (the
// packed layouts above, unchanged) is four tiles side by side, each reading its quarter of the
// panel's rows. Every output is summed in the same order as by the AVX-512 tiles (one FMA per
// input value), so the products, convolutions, DFT and attention scores are the same bits as
// there; only the softmax sums (8 lanes instead of 16) round differently. The int8 kernels
// follow (issue 24, second part): the same integer sums and float steps as the AVX-512 VNNI ones.

#define SC_TARGET2 __attribute__((target("avx2,fma,f16c")))

typedef float   v8f __attribute__((vector_size(32), aligned(32)));
typedef int32_t v8i __attribute__((vector_size(32), aligned(32)));
typedef float   v8f_u __attribute__((vector_size(32), aligned(4)));

constexpr int COLS2 = 16;  // columns (or keys) per AVX2 tile: two vectors

// starcoach: AVX-VNNI, the VEX-encoded vpdpbusd on 256-bit registers (Intel since Alder Lake, AMD
// since Zen 5), where the AVX2 kernels run; STARCOACH_CPU=avx2-novnni says no (to test the
// vpmaddubsw paths of the AVX2 int8 kernels on such a CPU).
static bool has_avxvnni() {
    static const bool yes = has_avx2() && !starcoach_switch(STARCOACH_SWITCH_NO_AVXVNNI) && __builtin_cpu_supports("avxvnni");
    return yes;
}

// The AVX2 int8 kernels' target, with or without AVX-VNNI: their VNNI = false copies have no
// vpdpbusd (checked with objdump).
#define SC_TARGET_AVXVNNI __attribute__((target("avx2,fma,f16c,avxvnni")))

// acc + the sums of four bytes u (unsigned) times four s (signed) in each dword: vpdpbusd with
// AVX-VNNI, else vpmaddubsw (pairs into int16, which saturate beyond 32767: exact only where u is
// small, as in screen_panels_avx2) then vpmaddwd by ones.
template <bool VNNI>
SC_TARGET_AVXVNNI static inline __m256i dot4(__m256i acc, __m256i u, __m256i s) {
    if constexpr (VNNI) {
        return _mm256_dpbusd_avx_epi32(acc, u, s);
    } else {
        return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1)));
    }
}

// As splat: _mm256_set1_ps broadcasts from memory (a load, not a port-5 shuffle).
SC_TARGET2 static inline v8f splat8(float x) {
    return (v8f) _mm256_set1_ps(x);
}

SC_TARGET2 static inline v8f loadu8(const float * p) {
    return *(const v8f_u *) p;
}

SC_TARGET2 static inline void storeu8(float * p, v8f v) {
    *(v8f_u *) p = v;
}

SC_TARGET2 static inline v8f vmax8(v8f a, v8f b) {
    return a > b ? a : b;
}

// vexp in 8 lanes: the same steps and polynomial.
SC_TARGET2 static inline v8f vexp8(v8f x) {
    x = vmax8(x, splat8(-87.0f));
    const v8f magic = splat8(12582912.0f);
    v8f n = (x * splat8(1.44269504088896341f) + magic) - magic;
    v8f r = x - n * splat8(0.693145751953125f);
    r     = r - n * splat8(1.428606765330187e-06f);
    v8f p = splat8(1.0f / 720.0f);
    p = p * r + splat8(1.0f / 120.0f);
    p = p * r + splat8(1.0f / 24.0f);
    p = p * r + splat8(1.0f / 6.0f);
    p = p * r + splat8(0.5f);
    p = p * r + splat8(1.0f);
    p = p * r + splat8(1.0f);
    v8i e = __builtin_convertvector(n, v8i) << 23;
    return (v8f) ((v8i) p + e);
}

SC_TARGET2 static inline float hmax8(v8f v) {
    float m = v[0];
    for (int i = 1; i < 8; ++i) m = std::max(m, v[i]);
    return m;
}

SC_TARGET2 static inline float hsum8(v8f v) {
    float s = 0.0f;
    for (int i = 0; i < 8; ++i) s += v[i];
    return s;
}

// gelu in 8 lanes: the same table look-up (an AVX2 gather), x at or above 10, 0 at or below -10.
SC_TARGET2 static inline v8f gelu8(v8f x, const float * table) {
    const __m256 v = (__m256) x;
    const __m256i idx = _mm256_cvtepu16_epi32(_mm256_cvtps_ph(v, 0));
    __m256 g = _mm256_i32gather_ps(table, idx, 4);
    g = _mm256_blendv_ps(g, v, _mm256_cmp_ps(v, _mm256_set1_ps(10.0f), _CMP_GE_OQ));
    g = _mm256_and_ps(g, _mm256_cmp_ps(v, _mm256_set1_ps(-10.0f), _CMP_GT_OQ));
    return (v8f) g;
}

// As linear_tile, for 16 of a panel's 64 columns: wp, y and the epilogue's pointers are offset to
// them (wp's row stride stays 64).
template <int R>
SC_TARGET2 static void linear_tile_avx2(const float * x, int ldx, int n_in, const float * wp, float * y, int ldy, const Epilogue & e,
                                        const float * table) {
    v8f acc[R][2];
    for (int r = 0; r < R; ++r) {
        acc[r][0] = v8f{};
        acc[r][1] = v8f{};
    }
    for (int k = 0; k < n_in; ++k, wp += 64) {
        const v8f w0 = *(const v8f *) (wp);
        const v8f w1 = *(const v8f *) (wp + 8);
        for (int r = 0; r < R; ++r) {
            const v8f xv = splat8(x[r * ldx + k]);
            acc[r][0] += xv * w0;
            acc[r][1] += xv * w1;
        }
    }
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 2; ++j) {
            v8f v = acc[r][j];
            if (e.bias) v += loadu8(e.bias + 8 * j);
            if (e.gelu) v = gelu8(v, table);
            if (e.res) v += loadu8(e.res + r * ldy + 8 * j);
            storeu8(y + r * ldy + 8 * j, v);
        }
    }
}

// As linear_rows (a LinearRows), each panel as four tiles of 16 columns.
SC_TARGET2 static void linear_rows_avx2(const float * x, int ldx, int n_in, int n_rows, const float * wp, int n_out, float * y, int ldy,
                                        const Epilogue & e, const float * table) {
    for (int p = 0; p < n_out / 64; ++p) {
        const float * w = wp + (size_t) p * n_in * 64;
        for (int m0 = 0; m0 < n_rows; m0 += ROWS) {
            const int rows = std::min(ROWS, n_rows - m0);
            const float * xr = x + (size_t) m0 * ldx;
            for (int c = 0; c < 64; c += COLS2) {
                const size_t out0 = (size_t) m0 * ldy + p * 64 + c;
                float * yr = y + out0;
                const Epilogue et = { e.bias ? e.bias + p * 64 + c : nullptr, e.gelu, e.res ? e.res + out0 : nullptr };
                switch (rows) {
                    case 6: linear_tile_avx2<6>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 5: linear_tile_avx2<5>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 4: linear_tile_avx2<4>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 3: linear_tile_avx2<3>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 2: linear_tile_avx2<2>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    default: linear_tile_avx2<1>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                }
            }
        }
    }
}

// As scores_tile, 16 keys at a time.
template <int R>
SC_TARGET2 static void scores_tile_avx2(const float * q, int ldq, const float * kt, int np, float scale, float * s) {
    for (int n0 = 0; n0 < np; n0 += COLS2) {
        v8f acc[R][2];
        for (int r = 0; r < R; ++r) {
            acc[r][0] = v8f{};
            acc[r][1] = v8f{};
        }
        const float * k = kt + n0;
        for (int d = 0; d < HEAD; ++d, k += np) {
            const v8f k0 = *(const v8f *) (k);
            const v8f k1 = *(const v8f *) (k + 8);
            for (int r = 0; r < R; ++r) {
                const v8f qv = splat8(q[r * ldq + d]);
                acc[r][0] += qv * k0;
                acc[r][1] += qv * k1;
            }
        }
        const v8f sv = splat8(scale);
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 2; ++j) *(v8f *) (s + r * np + n0 + 8 * j) = acc[r][j] * sv;
        }
    }
}

// As values_tile, 16 of the head's 64 output values at a time.
template <int R>
SC_TARGET2 static void values_tile_avx2(const float * p, int np, const float * v, int ldv, int n_ctx, const float * inv, float * out,
                                        int ldo) {
    for (int c = 0; c < HEAD; c += COLS2) {
        v8f acc[R][2];
        for (int r = 0; r < R; ++r) {
            acc[r][0] = v8f{};
            acc[r][1] = v8f{};
        }
        const float * vn = v + c;
        for (int n = 0; n < n_ctx; ++n, vn += ldv) {
            const v8f v0 = loadu8(vn);
            const v8f v1 = loadu8(vn + 8);
            for (int r = 0; r < R; ++r) {
                const v8f pv = splat8(p[r * np + n]);
                acc[r][0] += pv * v0;
                acc[r][1] += pv * v1;
            }
        }
        for (int r = 0; r < R; ++r) {
            const v8f iv = splat8(inv[r]);
            for (int j = 0; j < 2; ++j) storeu8(out + r * ldo + c + 8 * j, acc[r][j] * iv);
        }
    }
}

// As softmax_rows.
SC_TARGET2 static void softmax_rows_avx2(float * s, int np, int n_ctx, int rows, float * inv) {
    for (int r = 0; r < rows; ++r) {
        float * row = s + r * np;
        for (int n = n_ctx; n < np; ++n) row[n] = -INFINITY;
        v8f m = splat8(-INFINITY);
        for (int n = 0; n < np; n += 8) m = vmax8(m, *(v8f *) (row + n));
        const v8f mx = splat8(hmax8(m));
        v8f sum = v8f{};
        for (int n = 0; n < np; n += 8) {
            const v8f e = vexp8(*(v8f *) (row + n) - mx);
            *(v8f *) (row + n) = e;
            sum += e;
        }
        for (int n = n_ctx; n < np; ++n) row[n] = 0.0f;
        inv[r] = 1.0f / hsum8(sum);
    }
}

template <int R>
SC_TARGET2 static void rows_tile_avx2(const float * q, int ld, const float * kt, const float * v, int n_ctx, int np, float scale, float * s,
                                      float * out) {
    float inv[ROWS];
    scores_tile_avx2<R>(q, ld, kt, np, scale, s);
    softmax_rows_avx2(s, np, n_ctx, R, inv);
    values_tile_avx2<R>(s, np, v, ld, n_ctx, inv, out, ld);
}

// ---- int8 kernels in 256-bit registers (starcoach: issue 24): the encoder self-attention's int8
// scores (attn_avx512's int8 ones), the encoder's int8 products (linear8_avx512's) and the decoder's int8
// cross-attention (cross_head's), on the same packed layouts, quantized the same way, with the
// same integer sums. With AVX-VNNI (has_avxvnni) the sums are vpdpbusd on ymm, as there. Without
// it, vpmaddubsw would saturate (a pair of a uint8 up to 255 and an int8 up to 127 reaches
// 64,770 > 32,767), so the unsigned side is made signed (minus 128, added back from a known sum)
// and the product is |a| (0..128, unsigned) times b with a's sign (vpsignb, -127..127): a pair is
// at most 2 x 128 x 127 = 32,512, exact, then vpmaddwd by ones into int32. Same sums, so the same
// bits as with VNNI.

// In every int8 kernel without VNNI: acc + the sums of 4 products a b, a given as |a| (ua) and a.
SC_TARGET_AVXVNNI static inline __m256i dot4_signed(__m256i acc, __m256i ua, __m256i a, __m256i b) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(ua, _mm256_sign_epi8(b, a)), _mm256_set1_epi16(1)));
}

// 16 int32 (two vectors) as 16 bytes, saturated (signed, or unsigned with U).
template <bool U>
SC_TARGET2 static inline __m128i pack16_bytes(__m256i a, __m256i b) {
    const __m256i w = _mm256_permute4x64_epi64(U ? _mm256_packus_epi32(a, b) : _mm256_packs_epi32(a, b), 0xD8);
    return U ? _mm_packus_epi16(_mm256_castsi256_si128(w), _mm256_extracti128_si256(w, 1))
             : _mm_packs_epi16(_mm256_castsi256_si128(w), _mm256_extracti128_si256(w, 1));
}

// As quantize_head (the same bytes and scale).
SC_TARGET2 static float quantize_head_avx2(const float * x, int8_t * q) {
    const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
    __m256 m = _mm256_setzero_ps();
    for (int i = 0; i < HEAD; i += 8) m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + i), abs_mask));
    const float amax = hmax8((v8f) m);
    const float sc = amax / 127.0f;
    const __m256 inv = _mm256_set1_ps(sc != 0.0f ? 1.0f / sc : 0.0f);
    constexpr int nearest = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
    for (int i = 0; i < HEAD; i += 16) {
        const __m256i q0 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + i), inv), nearest));
        const __m256i q1 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + i + 8), inv), nearest));
        _mm_storeu_si128((__m128i *) (q + i), pack16_bytes<false>(q0, q1));
    }
    return sc;
}

// A Query8 and, for the kernels without VNNI, its values' magnitudes as 16 dwords of 4.
struct Query8a {
    Query8 q;
    int32_t qa[HEAD / 4];
};

// As query8.
SC_TARGET2 static void query8_avx2(const float * x, float scale, Query8a & q) {
    alignas(16) int8_t q8[HEAD];
    q.q.sq = quantize_head_avx2(x, q8) * scale;
    int32_t t = 0;
    for (int i = 0; i < HEAD; ++i) t += q8[i];
    q.q.qsum = t;
    std::memcpy(q.q.qw, q8, HEAD);
    for (int i = 0; i < HEAD; i += 32) {
        _mm256_storeu_si256((__m256i *) ((int8_t *) q.qa + i), _mm256_abs_epi8(_mm256_loadu_si256((const __m256i *) (q8 + i))));
    }
}

// As put_key8.
SC_TARGET2 static float put_key8_avx2(const float * x, uint8_t * slot) {
    alignas(16) int8_t k8[HEAD];
    const float sk = quantize_head_avx2(x, k8);
    for (int g = 0; g < HEAD / 4; ++g) {
        for (int t = 0; t < 4; ++t) slot[g * 64 + t] = (uint8_t) (k8[4 * g + t] + 128);
    }
    return sk;
}

// As pack_head8.
SC_TARGET2 static void pack_head8_avx2(const float * K, int n_state, int h, int n_ctx, int np, uint8_t * kp, float * ks) {
    std::memset(kp + (size_t) n_ctx / 16 * 16 * HEAD, 128, (size_t) (np - n_ctx / 16 * 16) * HEAD);
    for (int n = 0; n < n_ctx; ++n) {
        ks[n] = put_key8_avx2(K + (size_t) n * n_state + h * HEAD, kp + (size_t) (n / 16) * 16 * HEAD + (n % 16) * 4);
    }
    for (int n = n_ctx; n < np; ++n) ks[n] = 0.0f;
}

// As scores8_tile, NV x 8 keys at a time (a panel of 16 keys is two vectors): with VNNI the sums
// of the stored keys (+ 128) times q minus 128 sum(q), as there; without, the keys minus 128
// (xor) times q directly (dot4_signed), the same integers.
template <bool VNNI, int R>
SC_TARGET_AVXVNNI static void scores8_tile_avx2(const Query8a * q, const uint8_t * kp, const float * ks, int np, float * s) {
    constexpr int NV = VNNI ? 2 : 1;  // 12 accumulators with VNNI; without, room for the extra vectors
    const __m256i flip = _mm256_set1_epi8((char) 0x80);
    for (int n0 = 0; n0 < np; n0 += 8 * NV) {
        __m256i acc[R][NV];
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < NV; ++j) acc[r][j] = _mm256_setzero_si256();
        }
        const uint8_t * p = kp + (size_t) (n0 / 16) * 16 * HEAD + (n0 % 16) * 4;
        for (int g = 0; g < HEAD / 4; ++g) {
            __m256i k[NV];
            for (int j = 0; j < NV; ++j) {
                k[j] = _mm256_load_si256((const __m256i *) (p + g * 64 + 32 * j));
                if constexpr (!VNNI) k[j] = _mm256_xor_si256(k[j], flip);
            }
            for (int r = 0; r < R; ++r) {
                const __m256i qv = _mm256_set1_epi32(q[r].q.qw[g]);
                if constexpr (VNNI) {
                    for (int j = 0; j < NV; ++j) acc[r][j] = _mm256_dpbusd_avx_epi32(acc[r][j], k[j], qv);
                } else {
                    const __m256i qa = _mm256_set1_epi32(q[r].qa[g]);
                    for (int j = 0; j < NV; ++j) acc[r][j] = dot4_signed(acc[r][j], qa, qv, k[j]);
                }
            }
        }
        for (int r = 0; r < R; ++r) {
            const __m256i corr = _mm256_set1_epi32(VNNI ? 128 * q[r].q.qsum : 0);
            const __m256 f = _mm256_set1_ps(q[r].q.sq);
            for (int j = 0; j < NV; ++j) {
                const __m256 v = _mm256_cvtepi32_ps(_mm256_sub_epi32(acc[r][j], corr));
                _mm256_store_ps(s + r * np + n0 + 8 * j, _mm256_mul_ps(_mm256_mul_ps(v, f), _mm256_load_ps(ks + n0 + 8 * j)));
            }
        }
    }
}

// As rows8_tile.
template <bool VNNI, int R>
SC_TARGET_AVXVNNI static void rows8_tile_avx2(const float * q, int ld, const uint8_t * kp, const float * ks, const float * v, int n_ctx,
                                              int np, float scale, float * s, float * out) {
    Query8a q8[ROWS];
    for (int r = 0; r < R; ++r) query8_avx2(q + (size_t) r * ld, scale, q8[r]);
    float inv[ROWS];
    scores8_tile_avx2<VNNI, R>(q8, kp, ks, np, s);
    softmax_rows_avx2(s, np, n_ctx, R, inv);
    values_tile_avx2<R>(s, np, v, ld, n_ctx, inv, out, ld);
}

// How attn_avx2 computes its scores.
enum class Scores2 { F32, INT8_VNNI, INT8 };

// One tile of R query rows (as head_tile).
template <int R>
SC_TARGET2 static void head_tile_avx2(Scores2 mode, const float * q, int ld, const float * kt, const float * ks, const float * v, int n_ctx,
                                      int np, float scale, float * s, float * out) {
    if (mode == Scores2::INT8_VNNI) {
        rows8_tile_avx2<true, R>(q, ld, (const uint8_t *) kt, ks, v, n_ctx, np, scale, s, out);
    } else if (mode == Scores2::INT8) {
        rows8_tile_avx2<false, R>(q, ld, (const uint8_t *) kt, ks, v, n_ctx, np, scale, s, out);
    } else {
        rows_tile_avx2<R>(q, ld, kt, v, n_ctx, np, scale, s, out);
    }
}

// As attn_avx512: float32 scores, or int8 ones (with or without AVX-VNNI).
SC_TARGET2 static void attn_avx2(const float * Q, const float * K, const float * V, float * O, int n_ctx, int n_state, float scale,
                                 Scores2 mode, int ith, int nth) {
    const int n_head = n_state / HEAD;
    const int np = (n_ctx + 63) / 64 * 64;
    thread_local std::vector<float> k_buf;
    thread_local std::vector<float> s_buf;
    // the head's keys (float32 transposed, or int8 panels), then their scales (int8)
    float * kt = aligned64(k_buf, (size_t) (HEAD + 1) * np);
    float * ks = kt + (size_t) HEAD * np;
    float * s  = aligned64(s_buf, (size_t) ROWS * np);
    const int tiles = (n_ctx + ROWS - 1) / ROWS;
    const int t0 = tiles * ith / nth;
    const int t1 = tiles * (ith + 1) / nth;
    if (t0 >= t1) {
        return;
    }
    for (int h = 0; h < n_head; ++h) {
        if (mode != Scores2::F32) {
            pack_head8_avx2(K, n_state, h, n_ctx, np, (uint8_t *) kt, ks);
        } else {
            transpose_head(K, n_state, h, n_ctx, np, kt);
        }
        for (int t = t0; t < t1; ++t) {
            const int m0 = t * ROWS;
            const int rows = std::min(ROWS, n_ctx - m0);
            const float * q = Q + (size_t) m0 * n_state + h * HEAD;
            const float * v = V + h * HEAD;
            float * out = O + (size_t) m0 * n_state + h * HEAD;
            switch (rows) {
                case 6: head_tile_avx2<6>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 5: head_tile_avx2<5>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 4: head_tile_avx2<4>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 3: head_tile_avx2<3>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                case 2: head_tile_avx2<2>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
                default: head_tile_avx2<1>(mode, q, n_state, kt, ks, v, n_ctx, np, scale, s, out); break;
            }
        }
    }
}

// As sum_exp_avx512.
SC_TARGET2 static float sum_exp_avx2(const float * x, int n, float sub) {
    v8f acc = v8f{};
    const v8f s = splat8(sub);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 v = _mm256_loadu_ps(x + i);
        const __m256 m = _mm256_cmp_ps(v, _mm256_set1_ps(-INFINITY), _CMP_GT_OQ);
        acc += (v8f) _mm256_and_ps(m, (__m256) vexp8((v8f) v - s));
    }
    return sum_exp_scalar(x, i, n, sub, hsum8(acc));
}

// As exp_where_avx512.
SC_TARGET2 static void exp_where_avx2(const float * keep, const float * x, int n, float * out) {
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 m = _mm256_cmp_ps(_mm256_loadu_ps(keep + i), _mm256_set1_ps(-INFINITY), _CMP_NEQ_OQ);
        _mm256_storeu_ps(out + i, _mm256_and_ps(m, (__m256) vexp8((v8f) _mm256_loadu_ps(x + i))));
    }
    exp_where_scalar(keep, x, i, n, out);
}

// As linear8_tile for NV x 8 of a panel's 64 columns (wp, sw, csum, y and the epilogue's pointers
// offset to them; wp's stride stays 256 bytes per 4 inputs). With VNNI, xq holds the rows as
// uint8 (q) and the sums are vpdpbusd, as there; without, xq holds q - 128 and xa |q - 128|, and
// 128 times the column's weight sum is added back. The same float steps after the sums.
template <bool VNNI, int R, int NV>
SC_TARGET_AVXVNNI static void linear8_tile_avx2(const uint8_t * xq, const uint8_t * xa, int ldx, int n_in, const int8_t * wp, const float * sx,
                                                const float * lo, const float * sw, const float * csum, float * y, int ldy, const Epilogue & e,
                                                const float * table) {
    __m256i acc[R][NV];
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < NV; ++j) acc[r][j] = _mm256_setzero_si256();
    }
    for (int k = 0; k < n_in; k += 4, wp += 256) {
        __m256i w[NV];
        for (int j = 0; j < NV; ++j) w[j] = _mm256_loadu_si256((const __m256i *) (wp + 32 * j));
        for (int r = 0; r < R; ++r) {
            int32_t q;
            std::memcpy(&q, xq + r * ldx + k, 4);
            const __m256i xv = _mm256_set1_epi32(q);
            if constexpr (VNNI) {
                for (int j = 0; j < NV; ++j) acc[r][j] = _mm256_dpbusd_avx_epi32(acc[r][j], xv, w[j]);
            } else {
                int32_t a;
                std::memcpy(&a, xa + r * ldx + k, 4);
                const __m256i av = _mm256_set1_epi32(a);
                for (int j = 0; j < NV; ++j) acc[r][j] = dot4_signed(acc[r][j], av, xv, w[j]);
            }
        }
    }
    for (int r = 0; r < R; ++r) {
        const __m256 srow = _mm256_set1_ps(sx[r]);
        const __m256 lrow = _mm256_set1_ps(lo[r]);
        for (int j = 0; j < NV; ++j) {
            const __m256 cs = _mm256_loadu_ps(csum + 8 * j);
            __m256i a = acc[r][j];
            if constexpr (!VNNI) a = _mm256_add_epi32(a, _mm256_slli_epi32(_mm256_cvtps_epi32(cs), 7));
            const __m256 dot = _mm256_fmadd_ps(_mm256_cvtepi32_ps(a), srow, _mm256_mul_ps(lrow, cs));
            v8f v = (v8f) _mm256_mul_ps(dot, _mm256_loadu_ps(sw + 8 * j));
            // a product the compiler may not fuse with the bias or residual add that follows (as
            // it did in one instantiation but not the other, 1 ulp apart): the AVX-512 tile's
            // separate multiply and add
            __asm__("" : "+x"(v));
            if (e.bias) v += loadu8(e.bias + 8 * j);
            if (e.gelu) v = gelu8(v, table);
            if (e.res) v += loadu8(e.res + r * ldy + 8 * j);
            storeu8(y + r * ldy + 8 * j, v);
        }
    }
}

// As quantize_rows_u8 (the same bytes, scales and minima); without VNNI, the bytes minus 128 in
// xq and their magnitudes in xa (linear8_tile_avx2).
template <bool VNNI>
SC_TARGET2 static void quantize_rows_u8_avx2(const float * x, int n_in, int n_rows, uint8_t * xq, uint8_t * xa, float * sx, float * lo) {
    for (int r = 0; r < n_rows; ++r) {
        const float * xr = x + (size_t) r * n_in;
        __m256 mn = _mm256_set1_ps(INFINITY);
        __m256 mx = _mm256_set1_ps(-INFINITY);
        for (int k = 0; k < n_in; k += 8) {
            const __m256 v = _mm256_loadu_ps(xr + k);
            mn = _mm256_min_ps(mn, v);
            mx = _mm256_max_ps(mx, v);
        }
        float l = mn[0];
        for (int i = 1; i < 8; ++i) l = std::min(l, mn[i]);
        const float s = (hmax8((v8f) mx) - l) / 255.0f;
        sx[r] = s;
        lo[r] = l;
        const __m256 inv = _mm256_set1_ps(s != 0.0f ? 1.0f / s : 0.0f);
        const __m256 vl = _mm256_set1_ps(l);
        const __m256i zero = _mm256_setzero_si256();
        const __m256i top = _mm256_set1_epi32(255);
        for (int k = 0; k < n_in; k += 16) {
            __m256i q0 = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(xr + k), vl), inv));
            __m256i q1 = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(xr + k + 8), vl), inv));
            q0 = _mm256_min_epi32(_mm256_max_epi32(q0, zero), top);
            q1 = _mm256_min_epi32(_mm256_max_epi32(q1, zero), top);
            __m128i b = pack16_bytes<true>(q0, q1);
            if constexpr (!VNNI) {
                b = _mm_xor_si128(b, _mm_set1_epi8((char) 0x80));
                _mm_storeu_si128((__m128i *) (xa + (size_t) r * n_in + k), _mm_abs_epi8(b));
            }
            _mm_storeu_si128((__m128i *) (xq + (size_t) r * n_in + k), b);
        }
    }
}

// As linear8_avx512, each panel as tiles of NV x 8 columns: 16 with VNNI (12 accumulators), 8
// without (room for |x|, the signed weights and the pairs).
template <bool VNNI>
SC_TARGET_AVXVNNI static void linear8_avx2(const float * x, int n_in, int n_rows, const char * packed, int n_out, float * y, const Epilogue & e,
                                           int ith, int nth) {
    constexpr int NV = VNNI ? 2 : 1;
    const float * sw = (const float *) packed;
    const float * csum = (const float *) (packed + 4 * (size_t) n_out);
    const int8_t * panels = (const int8_t *) (packed + 8 * (size_t) n_out);
    int r0, r1;
    thread_rows(n_rows, ith, nth, r0, r1);
    const float * table = e.gelu ? gelu_table() : nullptr;
    thread_local std::vector<uint8_t> xq, xa;
    thread_local std::vector<float> sx, lo;
    xq.resize((size_t) BLOCK_ROWS * n_in);
    xa.resize(VNNI ? 0 : (size_t) BLOCK_ROWS * n_in);
    sx.resize(BLOCK_ROWS);
    lo.resize(BLOCK_ROWS);
    for (int b0 = r0; b0 < r1; b0 += BLOCK_ROWS) {
        const int nb = std::min(r1 - b0, BLOCK_ROWS);
        quantize_rows_u8_avx2<VNNI>(x + (size_t) b0 * n_in, n_in, nb, xq.data(), xa.data(), sx.data(), lo.data());
        for (int p = 0; p < n_out / 64; ++p) {
            const int8_t * wpan = panels + (size_t) p * n_in * 64;
            for (int m0 = 0; m0 < nb; m0 += ROWS) {
                const int rows = std::min(ROWS, nb - m0);
                const uint8_t * xr = xq.data() + (size_t) m0 * n_in;
                const uint8_t * ar = VNNI ? nullptr : xa.data() + (size_t) m0 * n_in;
                const float * s = sx.data() + m0;
                const float * l = lo.data() + m0;
                for (int c = 0; c < 64; c += 8 * NV) {
                    const size_t out0 = (size_t) (b0 + m0) * n_out + p * 64 + c;
                    const Epilogue et = { e.bias ? e.bias + p * 64 + c : nullptr, e.gelu, e.res ? e.res + out0 : nullptr };
                    const int8_t * w = wpan + 4 * c;
                    const float * swc = sw + p * 64 + c;
                    const float * csc = csum + p * 64 + c;
                    float * yr = y + out0;
                    switch (rows) {
                        case 6: linear8_tile_avx2<VNNI, 6, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                        case 5: linear8_tile_avx2<VNNI, 5, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                        case 4: linear8_tile_avx2<VNNI, 4, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                        case 3: linear8_tile_avx2<VNNI, 3, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                        case 2: linear8_tile_avx2<VNNI, 2, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                        default: linear8_tile_avx2<VNNI, 1, NV>(xr, ar, n_in, n_in, w, s, l, swc, csc, yr, n_out, et, table); break;
                    }
                }
            }
        }
    }
}

// The float32 products' tiles for this CPU (has_f32_kernels).
static LinearRows f32_rows() {
    return has_avx512() ? linear_rows : linear_rows_avx2;
}

}  // namespace

bool starcoach_attn_supported(int n_state, int n_head) {
    return has_f32_kernels() && n_head > 0 && n_state / n_head == HEAD && n_state % n_head == 0;
}

void starcoach_attn_op(struct ggml_tensor * dst, const struct ggml_tensor * q, const struct ggml_tensor * k, const struct ggml_tensor * v, int ith, int nth, void * /*userdata*/) {
    const float scale = 1.0f / std::sqrt((float) HEAD);
    const int n_state = (int) q->ne[0];
    const int n_ctx   = (int) q->ne[1];
    if (!has_avx512()) {
        // int8 scores unless the float32-attention switch, as below
        static const Scores2 mode = starcoach_switch(STARCOACH_SWITCH_F32_ATTN) ? Scores2::F32
                                    : has_avxvnni()                             ? Scores2::INT8_VNNI
                                                                                : Scores2::INT8;
        attn_avx2((const float *) q->data, (const float *) k->data, (const float *) v->data, (float *) dst->data, n_ctx, n_state, scale, mode,
                  ith, nth);
        return;
    }
    static const bool int8 = has_vnni() && !starcoach_switch(STARCOACH_SWITCH_F32_ATTN);
    attn_avx512((const float *) q->data, (const float *) k->data, (const float *) v->data, (float *) dst->data,
                n_ctx, n_state, scale, int8, ith, nth);
}

bool starcoach_linear_supported(const struct ggml_tensor * w) {
    return has_f32_kernels() && (w->type == GGML_TYPE_BF16 || w->type == GGML_TYPE_F16) &&
           ggml_n_dims(w) == 2 && w->ne[1] % 64 == 0;
}

void starcoach_linear_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const int flags = (int) (intptr_t) userdata;
    const struct ggml_tensor * wp = dst->src[0];
    const struct ggml_tensor * x = dst->src[1];
    int next = 2;
    Epilogue e = { nullptr, (flags & STARCOACH_LINEAR_GELU) != 0, nullptr };
    if (flags & STARCOACH_LINEAR_BIAS) e.bias = (const float *) dst->src[next++]->data;
    if (flags & STARCOACH_LINEAR_RES) e.res = (const float *) dst->src[next++]->data;
    if (wp->type == GGML_TYPE_I8) {
        const float * xd = (const float *) x->data;
        if (has_vnni()) {
            linear8_avx512(xd, (int) x->ne[0], (int) x->ne[1], (const char *) wp->data, (int) wp->ne[1], (float *) dst->data, e, ith, nth);
        } else if (has_avxvnni()) {
            linear8_avx2<true>(xd, (int) x->ne[0], (int) x->ne[1], (const char *) wp->data, (int) wp->ne[1], (float *) dst->data, e, ith, nth);
        } else {
            linear8_avx2<false>(xd, (int) x->ne[0], (int) x->ne[1], (const char *) wp->data, (int) wp->ne[1], (float *) dst->data, e, ith, nth);
        }
        return;
    }
    linear_f32(f32_rows(), (const float *) x->data, (int) x->ne[0], (int) x->ne[1], (const float *) wp->data, (int) wp->ne[1],
               (float *) dst->data, e, ith, nth);
}

bool starcoach_linear8_supported(const struct ggml_tensor * w) {
    return (has_vnni() || has_avx2()) && starcoach_linear_supported(w) && w->ne[0] % 16 == 0;
}

void starcoach_linear8_pack(const struct ggml_tensor * w, void * out) {
    const int64_t n_in = w->ne[0];
    const int64_t n_out = w->ne[1];
    float * sw = (float *) out;
    float * csum = (float *) ((char *) out + 4 * n_out);
    int8_t * panels = (int8_t *) ((char *) out + 8 * n_out);
    std::vector<float> row(n_in);
    for (int64_t o = 0; o < n_out; ++o) {
        if (w->type == GGML_TYPE_BF16) {
            ggml_bf16_to_fp32_row((const ggml_bf16_t *) w->data + o * n_in, row.data(), n_in);
        } else {
            ggml_fp16_to_fp32_row((const ggml_fp16_t *) w->data + o * n_in, row.data(), n_in);
        }
        float amax = 0.0f;
        for (float v : row) amax = std::max(amax, std::fabs(v));
        const float s = amax / 127.0f;
        const float inv = s != 0.0f ? 1.0f / s : 0.0f;
        sw[o] = s;
        int32_t sum = 0;
        int8_t * panel = panels + (o / 64) * n_in * 64;
        for (int64_t k = 0; k < n_in; ++k) {
            const int q = (int) std::max(-127.0f, std::min(127.0f, std::nearbyint(row[k] * inv)));
            sum += q;
            panel[(k / 4) * 256 + (o % 64) * 4 + k % 4] = (int8_t) q;
        }
        csum[o] = (float) sum;
    }
}

bool starcoach_conv_supported(const struct ggml_tensor * w) {
    return has_f32_kernels() && (w->type == GGML_TYPE_BF16 || w->type == GGML_TYPE_F16) && ggml_n_dims(w) == 3 && w->ne[0] == 3 &&
           w->ne[2] % 64 == 0;
}

void starcoach_conv_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    conv_op_f32(f32_rows(), dst, ith, nth, userdata);
}

float starcoach_sum_exp(const float * x, int n, float sub) {
    if (has_avx512()) {
        return sum_exp_avx512(x, n, sub);
    }
    return has_avx2() ? sum_exp_avx2(x, n, sub) : sum_exp_scalar(x, 0, n, sub, 0.0f);
}

void starcoach_exp_where(const float * keep, const float * x, int n, float * out) {
    if (has_avx512()) {
        exp_where_avx512(keep, x, n, out);
    } else if (has_avx2()) {
        exp_where_avx2(keep, x, n, out);
    } else {
        exp_where_scalar(keep, x, 0, n, out);
    }
}

bool starcoach_dft_supported(int n) {
    return has_f32_kernels() && n == 400;
}

void starcoach_dft_power(const float * frames, int n_frames, int n, float * power) {
    dft_power_f32(f32_rows(), frames, n_frames, n, power);
}

bool starcoach_f16_q8_copies() {
    return has_avx2();
}

void starcoach_quantize_q8_0(const float * x, void * out, int64_t nrows, int64_t n_per_row) {
    if (has_avx512() && n_per_row % 32 == 0) {
        quantize_q8_0_avx512(x, out, nrows * n_per_row);
    } else {
        ggml_quantize_chunk(GGML_TYPE_Q8_0, x, out, 0, nrows, n_per_row, nullptr);
    }
}

// ---- Cross-attention on int8 copies (starcoach-kernels.h). Per layer: K as panels of 16
// positions per head, [16 groups of 4 values][16 positions][4] bytes stored + 128 (unsigned for
// vpdpbusd; pack_head8's layout); K's scales [n_head][n_pad]; V as int8 rows [n_pad][n_state]; V's scales [n_head][n_pad].

// Positions padded to 64 (scores8_tile's step).
static int cross_pad(int n_ctx) {
    return (n_ctx + 63) / 64 * 64;
}

// Where a layer's copies are in c.data (64-byte aligned, as every section's size is a multiple of 64).
struct CrossView {
    int n_pad;
    uint8_t * kp;  // K panels, head h at kp + h n_pad HEAD
    float * ks;    // K scales [n_head][n_pad]
    int8_t * vr;   // V rows [n_pad][n_state]
    float * vs;    // V scales [n_head][n_pad]
};

static CrossView cross_view(const starcoach_cross & c) {
    CrossView w;
    w.n_pad = cross_pad(c.n_ctx);
    w.kp = c.data;
    w.ks = (float *) (c.data + (size_t) c.n_state * w.n_pad);
    w.vr = (int8_t *) (w.ks + (size_t) c.n_head * w.n_pad);
    w.vs = (float *) (w.vr + (size_t) c.n_state * w.n_pad);
    return w;
}

SC_TARGET8 static void cross_pack(const starcoach_cross & c, const float * k, const float * v, int j0, int j1) {
    const CrossView w = cross_view(c);
    for (int j = j0; j < j1; ++j) {
        for (int h = 0; h < c.n_head; ++h) {
            const size_t at = (size_t) j * c.n_state + HEAD * h;
            w.ks[(size_t) h * w.n_pad + j] =
                put_key8(k + at, w.kp + (size_t) h * w.n_pad * HEAD + (size_t) (j / 16) * 16 * HEAD + (j % 16) * 4);
            w.vs[(size_t) h * w.n_pad + j] = quantize_head(v + at, w.vr + at);
        }
    }
    if (j1 == c.n_ctx) {
        // the padding positions: zero K (their scores are never read) and V
        for (int j = c.n_ctx; j < w.n_pad; ++j) {
            for (int h = 0; h < c.n_head; ++h) {
                w.ks[(size_t) h * w.n_pad + j] = 0.0f;
                w.vs[(size_t) h * w.n_pad + j] = 0.0f;
            }
            std::memset(w.vr + (size_t) j * c.n_state, 0, c.n_state);
        }
    }
}

// One head of one token: out[0..64) = softmax(scale q K^T) V; scores 64-byte aligned.
SC_TARGET8 static void cross_head(const starcoach_cross & c, int h, const float * qf, float * out, float * scores) {
    const CrossView w = cross_view(c);
    const float * ks = w.ks + (size_t) h * w.n_pad;
    const float * vs = w.vs + (size_t) h * w.n_pad;
    Query8 q;
    query8(qf, c.scale, q);
    scores8_tile<1>(&q, w.kp + (size_t) h * w.n_pad * HEAD, ks, w.n_pad, scores);
    __m512 vmx = _mm512_set1_ps(-INFINITY);
    for (int b = 0; b < w.n_pad / 16; ++b) {
        vmx = _mm512_mask_max_ps(vmx, tail_mask(c.n_ctx - 16 * b), vmx, _mm512_load_ps(scores + 16 * b));
    }
    const float mx = _mm512_reduce_max_ps(vmx);
    // exp, sum, and the weights times V's scales
    v16f sum = splat(0.0f);
    for (int b = 0; b < w.n_pad / 16; ++b) {
        v16f e = vexp(loadu(scores + 16 * b) - splat(mx));
        e = (v16f) _mm512_maskz_mov_ps(tail_mask(c.n_ctx - 16 * b), (__m512) e);
        sum += e;
        storeu(scores + 16 * b, e * loadu(vs + 16 * b));
    }
    const float inv_sum = 1.0f / hsum(sum);
    __m512 o0 = _mm512_setzero_ps(), o1 = o0, o2 = o0, o3 = o0;
    const int8_t * v = w.vr + HEAD * h;
    for (int j = 0; j < c.n_ctx; ++j, v += c.n_state) {
        const __m512 wj = _mm512_set1_ps(scores[j]);
        const __m512i raw = _mm512_loadu_si512(v);
        o0 = _mm512_fmadd_ps(wj, _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm512_castsi512_si128(raw))), o0);
        o1 = _mm512_fmadd_ps(wj, _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm512_extracti32x4_epi32(raw, 1))), o1);
        o2 = _mm512_fmadd_ps(wj, _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm512_extracti32x4_epi32(raw, 2))), o2);
        o3 = _mm512_fmadd_ps(wj, _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm512_extracti32x4_epi32(raw, 3))), o3);
    }
    const __m512 is = _mm512_set1_ps(inv_sum);
    _mm512_storeu_ps(out, _mm512_mul_ps(o0, is));
    _mm512_storeu_ps(out + 16, _mm512_mul_ps(o1, is));
    _mm512_storeu_ps(out + 32, _mm512_mul_ps(o2, is));
    _mm512_storeu_ps(out + 48, _mm512_mul_ps(o3, is));
}

// starcoach (issue 24): cross_pack and cross_head in 256-bit registers (the AVX2 kernels; with
// AVX-VNNI or without, see scores8_tile_avx2): the same copies and the same scores; the softmax
// sum in 8 lanes.
SC_TARGET2 static void cross_pack_avx2(const starcoach_cross & c, const float * k, const float * v, int j0, int j1) {
    const CrossView w = cross_view(c);
    for (int j = j0; j < j1; ++j) {
        for (int h = 0; h < c.n_head; ++h) {
            const size_t at = (size_t) j * c.n_state + HEAD * h;
            w.ks[(size_t) h * w.n_pad + j] =
                put_key8_avx2(k + at, w.kp + (size_t) h * w.n_pad * HEAD + (size_t) (j / 16) * 16 * HEAD + (j % 16) * 4);
            w.vs[(size_t) h * w.n_pad + j] = quantize_head_avx2(v + at, w.vr + at);
        }
    }
    if (j1 == c.n_ctx) {
        for (int j = c.n_ctx; j < w.n_pad; ++j) {
            for (int h = 0; h < c.n_head; ++h) {
                w.ks[(size_t) h * w.n_pad + j] = 0.0f;
                w.vs[(size_t) h * w.n_pad + j] = 0.0f;
            }
            std::memset(w.vr + (size_t) j * c.n_state, 0, c.n_state);
        }
    }
}

// The lanes of a block of 8 when `left` values remain, as a mask (all ones below left).
SC_TARGET2 static inline __m256 live8(int left) {
    return _mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(left), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)));
}

template <bool VNNI>
SC_TARGET_AVXVNNI static void cross_head_avx2(const starcoach_cross & c, int h, const float * qf, float * out, float * scores) {
    const CrossView w = cross_view(c);
    const float * ks = w.ks + (size_t) h * w.n_pad;
    const float * vs = w.vs + (size_t) h * w.n_pad;
    Query8a q;
    query8_avx2(qf, c.scale, q);
    scores8_tile_avx2<VNNI, 1>(&q, w.kp + (size_t) h * w.n_pad * HEAD, ks, w.n_pad, scores);
    __m256 vmx = _mm256_set1_ps(-INFINITY);
    for (int b = 0; b < w.n_pad / 8; ++b) {
        vmx = _mm256_max_ps(vmx, _mm256_blendv_ps(_mm256_set1_ps(-INFINITY), _mm256_load_ps(scores + 8 * b), live8(c.n_ctx - 8 * b)));
    }
    const float mx = hmax8((v8f) vmx);
    v8f sum = splat8(0.0f);
    for (int b = 0; b < w.n_pad / 8; ++b) {
        v8f e = vexp8(loadu8(scores + 8 * b) - splat8(mx));
        e = (v8f) _mm256_and_ps((__m256) e, live8(c.n_ctx - 8 * b));
        sum += e;
        storeu8(scores + 8 * b, e * loadu8(vs + 8 * b));
    }
    const float inv_sum = 1.0f / hsum8(sum);
    __m256 o[8];
    for (int i = 0; i < 8; ++i) o[i] = _mm256_setzero_ps();
    const int8_t * v = w.vr + HEAD * h;
    for (int j = 0; j < c.n_ctx; ++j, v += c.n_state) {
        const __m256 wj = _mm256_set1_ps(scores[j]);
        for (int i = 0; i < 8; ++i) {
            const __m256i vi = _mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *) (v + 8 * i)));
            o[i] = _mm256_fmadd_ps(wj, _mm256_cvtepi32_ps(vi), o[i]);
        }
    }
    const __m256 is = _mm256_set1_ps(inv_sum);
    for (int i = 0; i < 8; ++i) _mm256_storeu_ps(out + 8 * i, _mm256_mul_ps(o[i], is));
}

bool starcoach_cross_supported(int n_state, int n_head) {
    return (has_vnni() || has_avx2()) && n_head > 0 && n_state == HEAD * n_head;
}

size_t starcoach_cross_size(int n_state, int n_ctx) {
    const size_t n_pad = cross_pad(n_ctx);
    return 2 * (size_t) n_state * n_pad + 2 * sizeof(float) * (n_state / HEAD) * n_pad;
}

void starcoach_cross_pack_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const starcoach_cross & c = *(const starcoach_cross *) userdata;
    const int j0 = (int) ((int64_t) c.n_ctx * ith / nth);
    const int j1 = (int) ((int64_t) c.n_ctx * (ith + 1) / nth);
    if (has_vnni()) {
        cross_pack(c, (const float *) dst->src[0]->data, (const float *) dst->src[1]->data, j0, j1);
    } else {
        cross_pack_avx2(c, (const float *) dst->src[0]->data, (const float *) dst->src[1]->data, j0, j1);
    }
}

void starcoach_cross_attn_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const starcoach_cross & c = *(const starcoach_cross *) userdata;
    const struct ggml_tensor * q = dst->src[0];
    thread_local std::vector<float> buf;
    float * scores = aligned64(buf, cross_pad(c.n_ctx));
    const int n_tokens = (int) q->ne[1];
    const int total = n_tokens * c.n_head;
    for (int u = (int) ((int64_t) total * ith / nth); u < (int) ((int64_t) total * (ith + 1) / nth); ++u) {
        const int t = u / c.n_head;
        const int h = u % c.n_head;
        const float * qh = (const float *) ((const char *) q->data + t * q->nb[1]) + HEAD * h;
        float * oh = (float *) ((char *) dst->data + t * dst->nb[1]) + HEAD * h;
        if (has_vnni()) {
            cross_head(c, h, qh, oh, scores);
        } else if (has_avxvnni()) {
            cross_head_avx2<true>(c, h, qh, oh, scores);
        } else {
            cross_head_avx2<false>(c, h, qh, oh, scores);
        }
    }
}

// ---- Screened logits (starcoach-kernels.h)

// out[16 p + r] for panels [p0, p1): the 4-bit rows times h (q8_0 blocks), sum over blocks of
// d_w d_h (sum (q_w + 8) q_h - 8 sum q_h), the + 8 making the weights unsigned for vpdpbusd.
SC_TARGET8 static void screen_panels(const starcoach_logits & l, const uint8_t * hq, int p0, int p1, float * out) {
    const int nb = l.n_in / 32;
    const ScreenQuery & q = screen_query(hq, nb);
    const std::vector<int32_t> & hw = q.hw;
    const std::vector<float> & dh = q.dh;
    const std::vector<int32_t> & corr = q.corr;
    const __m512i low = _mm512_set1_epi8(0x0F);
    for (int p = p0; p < p1; ++p) {
        const uint8_t * blk = l.packed.data() + (size_t) p * nb * SCREEN_BLOCK;
        __m512 acc = _mm512_setzero_ps();
        for (int b = 0; b < nb; ++b, blk += SCREEN_BLOCK) {
            const int32_t * h = hw.data() + (size_t) b * 8;
            __m512i a0 = _mm512_setzero_si512();
            __m512i a1 = _mm512_setzero_si512();
            for (int v = 0; v < 4; ++v) {
                const __m512i raw = _mm512_loadu_si512(blk + 32 + 64 * v);
                a0 = _mm512_dpbusd_epi32(a0, _mm512_and_si512(raw, low), _mm512_set1_epi32(h[2 * v]));
                a1 = _mm512_dpbusd_epi32(a1, _mm512_and_si512(_mm512_srli_epi16(raw, 4), low), _mm512_set1_epi32(h[2 * v + 1]));
            }
            const __m512i s = _mm512_sub_epi32(_mm512_add_epi32(a0, a1), _mm512_set1_epi32(corr[b]));
            const __m512 d = _mm512_mul_ps(_mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *) blk)), _mm512_set1_ps(dh[b]));
            acc = _mm512_fmadd_ps(_mm512_cvtepi32_ps(s), d, acc);
        }
        _mm512_mask_storeu_ps(out + 16 * p, tail_mask(l.n_text - 16 * p), acc);
    }
}

// As screen_panels in 256-bit registers: rows 0-7 of a panel in one vector, 8-15 in another, the
// same integer sums and the same float steps (so the same bits). Four bytes u (unsigned) times
// four s (signed) summed into each dword by dot4: here u is a nibble, 0..15, so a vpmaddubsw pair
// is at most 2 x 15 x 128 = 3840.
template <bool VNNI>
SC_TARGET_AVXVNNI static void screen_panels_avx2(const starcoach_logits & l, const uint8_t * hq, int p0, int p1, float * out) {
    const int nb = l.n_in / 32;
    const ScreenQuery & q = screen_query(hq, nb);
    const __m256i low = _mm256_set1_epi8(0x0F);
    for (int p = p0; p < p1; ++p) {
        const uint8_t * blk = l.packed.data() + (size_t) p * nb * SCREEN_BLOCK;
        __m256 acc0 = _mm256_setzero_ps();
        __m256 acc1 = _mm256_setzero_ps();
        for (int b = 0; b < nb; ++b, blk += SCREEN_BLOCK) {
            const int32_t * h = q.hw.data() + (size_t) b * 8;
            __m256i a00 = _mm256_setzero_si256(), a01 = a00, a10 = a00, a11 = a00;
            for (int v = 0; v < 4; ++v) {
                const __m256i r0 = _mm256_loadu_si256((const __m256i *) (blk + 32 + 64 * v));
                const __m256i r1 = _mm256_loadu_si256((const __m256i *) (blk + 64 + 64 * v));
                const __m256i hl = _mm256_set1_epi32(h[2 * v]);
                const __m256i hh = _mm256_set1_epi32(h[2 * v + 1]);
                a00 = dot4<VNNI>(a00, _mm256_and_si256(r0, low), hl);
                a01 = dot4<VNNI>(a01, _mm256_and_si256(_mm256_srli_epi16(r0, 4), low), hh);
                a10 = dot4<VNNI>(a10, _mm256_and_si256(r1, low), hl);
                a11 = dot4<VNNI>(a11, _mm256_and_si256(_mm256_srli_epi16(r1, 4), low), hh);
            }
            const __m256i corr = _mm256_set1_epi32(q.corr[b]);
            const __m256 dh = _mm256_set1_ps(q.dh[b]);
            const __m256 d0 = _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *) blk)), dh);
            const __m256 d1 = _mm256_mul_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *) (blk + 16))), dh);
            acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_add_epi32(a00, a01), corr)), d0, acc0);
            acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_add_epi32(a10, a11), corr)), d1, acc1);
        }
        // the last panel's rows past n_text are not stored
        const __m256i left = _mm256_set1_epi32(l.n_text - 16 * p);
        const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        _mm256_maskstore_ps(out + 16 * p, _mm256_cmpgt_epi32(left, lane), acc0);
        _mm256_maskstore_ps(out + 16 * p + 8, _mm256_cmpgt_epi32(left, _mm256_add_epi32(lane, _mm256_set1_epi32(8))), acc1);
    }
}

// As screen_best.
SC_TARGET2 static float screen_best_avx2(const starcoach_logits & l, const float * a) {
    __m256 best = _mm256_set1_ps(-INFINITY);
    int i = 0;
    for (; i + 8 <= l.n_text; i += 8) {
        best = _mm256_max_ps(best, _mm256_sub_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(l.skip.data() + i)));
    }
    float m = hmax8((v8f) best);
    for (; i < l.n_text; ++i) m = std::max(m, a[i] - l.skip[i]);
    return m;
}

// The best estimate among the text rows that set the threshold.
SC_TARGET8 static float screen_best(const starcoach_logits & l, const float * a) {
    __m512 best = _mm512_set1_ps(-INFINITY);
    int i = 0;
    for (; i + 16 <= l.n_text; i += 16) {
        best = _mm512_max_ps(best, _mm512_sub_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(l.skip.data() + i)));
    }
    float m = _mm512_reduce_max_ps(best);
    for (; i < l.n_text; ++i) m = std::max(m, a[i] - l.skip[i]);
    return m;
}

struct starcoach_logits * starcoach_logits_new(const struct ggml_tensor * w, int n_text, const int * unsure, int n_unsure, float window) {
    if (!(has_vnni() || has_avx2())) {
        return nullptr;
    }
    return logits_pack(w, n_text, unsure, n_unsure, window);
}

void starcoach_logits_screen_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const starcoach_logits_call & call = *(const starcoach_logits_call *) userdata;
    const starcoach_logits & l = *call.l;
    const struct ggml_tensor * h = dst->src[0];
    const int p0 = (int) ((int64_t) l.n_panels * ith / nth);
    const int p1 = (int) ((int64_t) l.n_panels * (ith + 1) / nth);
    for (int64_t j = 0; j < h->ne[1]; ++j) {
        if (call.need && !call.need[j]) continue;
        const uint8_t * hq = screen_quantize(l, (const float *) ((const char *) h->data + j * h->nb[1]));
        float * out = (float *) ((char *) dst->data + j * dst->nb[1]);
        if (has_vnni()) {
            screen_panels(l, hq, p0, p1, out);
        } else if (has_avxvnni()) {
            screen_panels_avx2<true>(l, hq, p0, p1, out);
        } else {
            screen_panels_avx2<false>(l, hq, p0, p1, out);
        }
    }
}

void starcoach_logits_exact_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    logits_exact(has_vnni() ? screen_best : screen_best_avx2, dst, ith, nth, userdata);
}

void starcoach_logits_free(struct starcoach_logits * l) {
    delete l;
}

// Which kernels run here, for the application's log: "avx512-vnni", "avx512", "avx2-avxvnni",
// "avx2" (x86-64), "neon-dotprod", "neon" (aarch64) or "none" (ggml's graph only).
extern "C" const char * starcoach_kernels() {
    if (has_avx512()) {
        return has_vnni() ? "avx512-vnni" : "avx512";
    }
    if (has_avx2()) {
        return has_avxvnni() ? "avx2-avxvnni" : "avx2";
    }
    return "none";
}

#elif defined(SC_ARM)

// ---- NEON (starcoach: issue 24): the float32 kernels of the x86-64 section for aarch64, where
// ASIMD (128-bit registers, 32 of them, fused multiply-add) is part of the base architecture.
// A tile is 6 rows x 16 columns: 24 accumulators, 4 loaded vectors of weights and 1 broadcast
// (29 registers), so a panel of 64 columns (the shared packed layouts) is four tiles side by
// side, as on AVX2. Each output is summed in the x86 tiles' order, one fused multiply-add per
// input value (vfmaq_f32), so the products and convolutions (bias, GELU and residual included)
// are the same bits as there (compared under qemu); the softmax sums (4 lanes) round differently,
// and so may the DFT's re^2 + im^2 where the compiler fuses it. The int8 kernels (VNNI) and the
// cross-attention copies have no NEON version: ggml's graph does those. Speed is not measured:
// this was checked for correctness under qemu-user only (scripts/cross-test).

#include <arm_neon.h>
#if defined(__linux__)
#include <sys/auxv.h>
#endif

namespace {

// STARCOACH_CPU=generic turns every kernel off (ggml's graph and quantizer, the scalar loops);
// so does STARCOACH_CPU=avx2 (avx2-novnni), as on an x86-64 CPU without AVX2.
static bool has_neon() {
    static const bool yes = !starcoach_switch(STARCOACH_SWITCH_GENERIC_CPU) && !starcoach_switch(STARCOACH_SWITCH_AVX2_CPU);
    return yes;
}

static bool has_f32_kernels() {
    return has_neon();
}

#ifndef HWCAP_ASIMDDP
#define HWCAP_ASIMDDP (1 << 20)
#endif

// The dot-product instructions (sdot, Armv8.2's optional FEAT_DotProd, in every Armv8.4 CPU):
// the screened logits run where they are.
static bool has_dotprod() {
#if defined(__linux__)
    static const bool yes = has_neon() && (getauxval(AT_HWCAP) & HWCAP_ASIMDDP) != 0;
#elif defined(__ARM_FEATURE_DOTPROD)
    static const bool yes = has_neon();
#else
    static const bool yes = false;
#endif
    return yes;
}

#if defined(__clang__)
#define SC_DOTPROD __attribute__((target("dotprod")))
#else
#define SC_DOTPROD __attribute__((target("arch=armv8.2-a+dotprod")))
#endif

constexpr int COLSN = 16;  // columns (or keys) per NEON tile: four vectors

static inline float32x4_t splat4(float x) {
    return vdupq_n_f32(x);
}

// vexp of the x86 section in 4 lanes: the same steps and polynomial.
static inline float32x4_t vexp4(float32x4_t x) {
    x = vmaxq_f32(x, splat4(-87.0f));
    const float32x4_t magic = splat4(12582912.0f);
    const float32x4_t n = vsubq_f32(vfmaq_f32(magic, x, splat4(1.44269504088896341f)), magic);
    float32x4_t r = vfmsq_f32(x, n, splat4(0.693145751953125f));
    r = vfmsq_f32(r, n, splat4(1.428606765330187e-06f));
    float32x4_t p = splat4(1.0f / 720.0f);
    p = vfmaq_f32(splat4(1.0f / 120.0f), p, r);
    p = vfmaq_f32(splat4(1.0f / 24.0f), p, r);
    p = vfmaq_f32(splat4(1.0f / 6.0f), p, r);
    p = vfmaq_f32(splat4(0.5f), p, r);
    p = vfmaq_f32(splat4(1.0f), p, r);
    p = vfmaq_f32(splat4(1.0f), p, r);
    const int32x4_t e = vshlq_n_s32(vcvtq_s32_f32(n), 23);
    return vreinterpretq_f32_s32(vaddq_s32(vreinterpretq_s32_f32(p), e));
}

// ggml's GELU (the shared table): x rounded to float16 (to nearest even, FPCR's default mode) as
// the index, x at or above 10, 0 at or below -10.
static inline float32x4_t gelu4(float32x4_t x, const float * table) {
    const uint16x4_t h = vreinterpret_u16_f16(vcvt_f16_f32(x));
    const float g[4] = { table[vget_lane_u16(h, 0)], table[vget_lane_u16(h, 1)], table[vget_lane_u16(h, 2)],
                         table[vget_lane_u16(h, 3)] };
    float32x4_t v = vbslq_f32(vcgeq_f32(x, splat4(10.0f)), x, vld1q_f32(g));
    return vreinterpretq_f32_u32(vandq_u32(vreinterpretq_u32_f32(v), vcgtq_f32(x, splat4(-10.0f))));
}

// As linear_tile (x86), for 16 of a panel's 64 columns: wp, y and the epilogue's pointers are
// offset to them (wp's row stride stays 64).
template <int R>
static void linear_tile_neon(const float * x, int ldx, int n_in, const float * wp, float * y, int ldy, const Epilogue & e,
                             const float * table) {
    float32x4_t acc[R][4];
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 4; ++j) acc[r][j] = vdupq_n_f32(0.0f);
    }
    for (int k = 0; k < n_in; ++k, wp += 64) {
        const float32x4_t w0 = vld1q_f32(wp);
        const float32x4_t w1 = vld1q_f32(wp + 4);
        const float32x4_t w2 = vld1q_f32(wp + 8);
        const float32x4_t w3 = vld1q_f32(wp + 12);
        for (int r = 0; r < R; ++r) {
            const float32x4_t xv = vld1q_dup_f32(x + r * ldx + k);
            acc[r][0] = vfmaq_f32(acc[r][0], xv, w0);
            acc[r][1] = vfmaq_f32(acc[r][1], xv, w1);
            acc[r][2] = vfmaq_f32(acc[r][2], xv, w2);
            acc[r][3] = vfmaq_f32(acc[r][3], xv, w3);
        }
    }
    for (int r = 0; r < R; ++r) {
        for (int j = 0; j < 4; ++j) {
            float32x4_t v = acc[r][j];
            if (e.bias) v = vaddq_f32(v, vld1q_f32(e.bias + 4 * j));
            if (e.gelu) v = gelu4(v, table);
            if (e.res) v = vaddq_f32(v, vld1q_f32(e.res + r * ldy + 4 * j));
            vst1q_f32(y + r * ldy + 4 * j, v);
        }
    }
}

// A LinearRows: each panel as four tiles of 16 columns.
static void linear_rows_neon(const float * x, int ldx, int n_in, int n_rows, const float * wp, int n_out, float * y, int ldy,
                             const Epilogue & e, const float * table) {
    for (int p = 0; p < n_out / 64; ++p) {
        const float * w = wp + (size_t) p * n_in * 64;
        for (int m0 = 0; m0 < n_rows; m0 += ROWS) {
            const int rows = std::min(ROWS, n_rows - m0);
            const float * xr = x + (size_t) m0 * ldx;
            for (int c = 0; c < 64; c += COLSN) {
                const size_t out0 = (size_t) m0 * ldy + p * 64 + c;
                float * yr = y + out0;
                const Epilogue et = { e.bias ? e.bias + p * 64 + c : nullptr, e.gelu, e.res ? e.res + out0 : nullptr };
                switch (rows) {
                    case 6: linear_tile_neon<6>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 5: linear_tile_neon<5>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 4: linear_tile_neon<4>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 3: linear_tile_neon<3>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    case 2: linear_tile_neon<2>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                    default: linear_tile_neon<1>(xr, ldx, n_in, w + c, yr, ldy, et, table); break;
                }
            }
        }
    }
}

// scores[r][0..np) = scale * q_r . k_n for R query rows, 16 keys at a time (kt: transpose_head's).
template <int R>
static void scores_tile_neon(const float * q, int ldq, const float * kt, int np, float scale, float * s) {
    for (int n0 = 0; n0 < np; n0 += COLSN) {
        float32x4_t acc[R][4];
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) acc[r][j] = vdupq_n_f32(0.0f);
        }
        const float * k = kt + n0;
        for (int d = 0; d < HEAD; ++d, k += np) {
            const float32x4_t k0 = vld1q_f32(k);
            const float32x4_t k1 = vld1q_f32(k + 4);
            const float32x4_t k2 = vld1q_f32(k + 8);
            const float32x4_t k3 = vld1q_f32(k + 12);
            for (int r = 0; r < R; ++r) {
                const float32x4_t qv = vld1q_dup_f32(q + r * ldq + d);
                acc[r][0] = vfmaq_f32(acc[r][0], qv, k0);
                acc[r][1] = vfmaq_f32(acc[r][1], qv, k1);
                acc[r][2] = vfmaq_f32(acc[r][2], qv, k2);
                acc[r][3] = vfmaq_f32(acc[r][3], qv, k3);
            }
        }
        const float32x4_t sv = splat4(scale);
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) vst1q_f32(s + r * np + n0 + 4 * j, vmulq_f32(acc[r][j], sv));
        }
    }
}

// out_r[0..HEAD) = sum_n p[r][n] v_n / sums[r], 16 of the head's 64 values at a time.
template <int R>
static void values_tile_neon(const float * p, int np, const float * v, int ldv, int n_ctx, const float * inv, float * out, int ldo) {
    for (int c = 0; c < HEAD; c += COLSN) {
        float32x4_t acc[R][4];
        for (int r = 0; r < R; ++r) {
            for (int j = 0; j < 4; ++j) acc[r][j] = vdupq_n_f32(0.0f);
        }
        const float * vn = v + c;
        for (int n = 0; n < n_ctx; ++n, vn += ldv) {
            const float32x4_t v0 = vld1q_f32(vn);
            const float32x4_t v1 = vld1q_f32(vn + 4);
            const float32x4_t v2 = vld1q_f32(vn + 8);
            const float32x4_t v3 = vld1q_f32(vn + 12);
            for (int r = 0; r < R; ++r) {
                const float32x4_t pv = vld1q_dup_f32(p + r * np + n);
                acc[r][0] = vfmaq_f32(acc[r][0], pv, v0);
                acc[r][1] = vfmaq_f32(acc[r][1], pv, v1);
                acc[r][2] = vfmaq_f32(acc[r][2], pv, v2);
                acc[r][3] = vfmaq_f32(acc[r][3], pv, v3);
            }
        }
        for (int r = 0; r < R; ++r) {
            const float32x4_t iv = splat4(inv[r]);
            for (int j = 0; j < 4; ++j) vst1q_f32(out + r * ldo + c + 4 * j, vmulq_f32(acc[r][j], iv));
        }
    }
}

// Row-wise softmax numerators in place (the padded columns n_ctx..np hold 0 afterwards);
// inv[r] = 1 / the row's sum.
static void softmax_rows_neon(float * s, int np, int n_ctx, int rows, float * inv) {
    for (int r = 0; r < rows; ++r) {
        float * row = s + r * np;
        for (int n = n_ctx; n < np; ++n) row[n] = -INFINITY;
        float32x4_t m = splat4(-INFINITY);
        for (int n = 0; n < np; n += 4) m = vmaxq_f32(m, vld1q_f32(row + n));
        const float32x4_t mx = splat4(vmaxvq_f32(m));
        float32x4_t sum = vdupq_n_f32(0.0f);
        for (int n = 0; n < np; n += 4) {
            const float32x4_t e = vexp4(vsubq_f32(vld1q_f32(row + n), mx));
            vst1q_f32(row + n, e);
            sum = vaddq_f32(sum, e);
        }
        for (int n = n_ctx; n < np; ++n) row[n] = 0.0f;
        inv[r] = 1.0f / vaddvq_f32(sum);
    }
}

template <int R>
static void rows_tile_neon(const float * q, int ld, const float * kt, const float * v, int n_ctx, int np, float scale, float * s,
                           float * out) {
    float inv[ROWS];
    scores_tile_neon<R>(q, ld, kt, np, scale, s);
    softmax_rows_neon(s, np, n_ctx, R, inv);
    values_tile_neon<R>(s, np, v, ld, n_ctx, inv, out, ld);
}

// The fused self-attention (float32 scores) of the x86 section: each thread a band of query
// rows of every head, six rows at a time.
static void attn_neon(const float * Q, const float * K, const float * V, float * O, int n_ctx, int n_state, float scale, int ith,
                      int nth) {
    const int n_head = n_state / HEAD;
    const int np = (n_ctx + 63) / 64 * 64;
    thread_local std::vector<float> k_buf;
    thread_local std::vector<float> s_buf;
    float * kt = aligned64(k_buf, (size_t) HEAD * np);
    float * s  = aligned64(s_buf, (size_t) ROWS * np);
    const int tiles = (n_ctx + ROWS - 1) / ROWS;
    const int t0 = tiles * ith / nth;
    const int t1 = tiles * (ith + 1) / nth;
    if (t0 >= t1) {
        return;
    }
    for (int h = 0; h < n_head; ++h) {
        transpose_head(K, n_state, h, n_ctx, np, kt);
        for (int t = t0; t < t1; ++t) {
            const int m0 = t * ROWS;
            const int rows = std::min(ROWS, n_ctx - m0);
            const float * q = Q + (size_t) m0 * n_state + h * HEAD;
            const float * v = V + h * HEAD;
            float * out = O + (size_t) m0 * n_state + h * HEAD;
            switch (rows) {
                case 6: rows_tile_neon<6>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
                case 5: rows_tile_neon<5>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
                case 4: rows_tile_neon<4>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
                case 3: rows_tile_neon<3>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
                case 2: rows_tile_neon<2>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
                default: rows_tile_neon<1>(q, n_state, kt, v, n_ctx, np, scale, s, out); break;
            }
        }
    }
}

// sum of exp(x[i] - sub) over the x[i] > -inf (x[i] <= sub).
static float sum_exp_neon(const float * x, int n, float sub) {
    float32x4_t acc = vdupq_n_f32(0.0f);
    const float32x4_t s = splat4(sub);
    const float32x4_t ninf = splat4(-INFINITY);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        const float32x4_t v = vld1q_f32(x + i);
        const uint32x4_t m = vcgtq_f32(v, ninf);
        acc = vaddq_f32(acc, vreinterpretq_f32_u32(vandq_u32(m, vreinterpretq_u32_f32(vexp4(vsubq_f32(v, s))))));
    }
    return sum_exp_scalar(x, i, n, sub, vaddvq_f32(acc));
}

// out[i] = keep[i] == -inf ? 0 : exp(x[i]) (x[i] <= 0).
static void exp_where_neon(const float * keep, const float * x, int n, float * out) {
    const float32x4_t ninf = splat4(-INFINITY);
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        const uint32x4_t m = vmvnq_u32(vceqq_f32(vld1q_f32(keep + i), ninf));
        vst1q_f32(out + i, vreinterpretq_f32_u32(vandq_u32(m, vreinterpretq_u32_f32(vexp4(vld1q_f32(x + i))))));
    }
    exp_where_scalar(keep, x, i, n, out);
}

// As screen_panels (x86): sdot multiplies four signed bytes by four and sums them into each
// dword; the nibbles (0..15) are signed bytes as they are, so the integer sums and the float
// steps are the x86 screens', and so are the estimates. A panel's rows in four vectors of 4.
SC_DOTPROD static void screen_panels_dot(const starcoach_logits & l, const uint8_t * hq, int p0, int p1, float * out) {
    const int nb = l.n_in / 32;
    const ScreenQuery & q = screen_query(hq, nb);
    const uint8x16_t low = vdupq_n_u8(0x0F);
    for (int p = p0; p < p1; ++p) {
        const uint8_t * blk = l.packed.data() + (size_t) p * nb * SCREEN_BLOCK;
        float32x4_t acc[4];
        for (int i = 0; i < 4; ++i) acc[i] = vdupq_n_f32(0.0f);
        for (int b = 0; b < nb; ++b, blk += SCREEN_BLOCK) {
            const int32_t * h = q.hw.data() + (size_t) b * 8;
            int32x4_t a[4];
            for (int i = 0; i < 4; ++i) a[i] = vdupq_n_s32(0);
            for (int v = 0; v < 4; ++v) {
                const int8x16_t hl = vreinterpretq_s8_s32(vdupq_n_s32(h[2 * v]));
                const int8x16_t hh = vreinterpretq_s8_s32(vdupq_n_s32(h[2 * v + 1]));
                for (int i = 0; i < 4; ++i) {
                    const uint8x16_t raw = vld1q_u8(blk + 32 + 64 * v + 16 * i);
                    a[i] = vdotq_s32(a[i], vreinterpretq_s8_u8(vandq_u8(raw, low)), hl);
                    a[i] = vdotq_s32(a[i], vreinterpretq_s8_u8(vshrq_n_u8(raw, 4)), hh);
                }
            }
            const int32x4_t corr = vdupq_n_s32(q.corr[b]);
            const float32x4_t dh = vdupq_n_f32(q.dh[b]);
            for (int i = 0; i < 4; ++i) {
                uint16_t sc[4];
                std::memcpy(sc, blk + 8 * i, 8);
                const float32x4_t d = vmulq_f32(vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(sc))), dh);
                acc[i] = vfmaq_f32(acc[i], vcvtq_f32_s32(vsubq_s32(a[i], corr)), d);
            }
        }
        // the last panel's rows past n_text are not stored
        float rows[16];
        for (int i = 0; i < 4; ++i) vst1q_f32(rows + 4 * i, acc[i]);
        std::memcpy(out + 16 * p, rows, sizeof(float) * std::min(16, l.n_text - 16 * p));
    }
}

// The best estimate among the text rows that set the threshold.
static float screen_best_neon(const starcoach_logits & l, const float * a) {
    float32x4_t best = splat4(-INFINITY);
    int i = 0;
    for (; i + 4 <= l.n_text; i += 4) best = vmaxq_f32(best, vsubq_f32(vld1q_f32(a + i), vld1q_f32(l.skip.data() + i)));
    float m = vmaxvq_f32(best);
    for (; i < l.n_text; ++i) m = std::max(m, a[i] - l.skip[i]);
    return m;
}

}  // namespace

bool starcoach_attn_supported(int n_state, int n_head) {
    return has_f32_kernels() && n_head > 0 && n_state / n_head == HEAD && n_state % n_head == 0;
}

void starcoach_attn_op(struct ggml_tensor * dst, const struct ggml_tensor * q, const struct ggml_tensor * k, const struct ggml_tensor * v,
                       int ith, int nth, void * /*userdata*/) {
    const float scale = 1.0f / std::sqrt((float) HEAD);
    attn_neon((const float *) q->data, (const float *) k->data, (const float *) v->data, (float *) dst->data, (int) q->ne[1],
              (int) q->ne[0], scale, ith, nth);
}

bool starcoach_linear_supported(const struct ggml_tensor * w) {
    return has_f32_kernels() && (w->type == GGML_TYPE_BF16 || w->type == GGML_TYPE_F16) && ggml_n_dims(w) == 2 && w->ne[1] % 64 == 0;
}

void starcoach_linear_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const int flags = (int) (intptr_t) userdata;
    const struct ggml_tensor * wp = dst->src[0];
    const struct ggml_tensor * x = dst->src[1];
    int next = 2;
    Epilogue e = { nullptr, (flags & STARCOACH_LINEAR_GELU) != 0, nullptr };
    if (flags & STARCOACH_LINEAR_BIAS) e.bias = (const float *) dst->src[next++]->data;
    if (flags & STARCOACH_LINEAR_RES) e.res = (const float *) dst->src[next++]->data;
    linear_f32(linear_rows_neon, (const float *) x->data, (int) x->ne[0], (int) x->ne[1], (const float *) wp->data, (int) wp->ne[1],
               (float *) dst->data, e, ith, nth);
}

bool starcoach_linear8_supported(const struct ggml_tensor *) {
    return false;
}

void starcoach_linear8_pack(const struct ggml_tensor *, void *) {
}

bool starcoach_conv_supported(const struct ggml_tensor * w) {
    return has_f32_kernels() && (w->type == GGML_TYPE_BF16 || w->type == GGML_TYPE_F16) && ggml_n_dims(w) == 3 && w->ne[0] == 3 &&
           w->ne[2] % 64 == 0;
}

void starcoach_conv_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    conv_op_f32(linear_rows_neon, dst, ith, nth, userdata);
}

float starcoach_sum_exp(const float * x, int n, float sub) {
    return has_neon() ? sum_exp_neon(x, n, sub) : sum_exp_scalar(x, 0, n, sub, 0.0f);
}

void starcoach_exp_where(const float * keep, const float * x, int n, float * out) {
    if (has_neon()) {
        exp_where_neon(keep, x, n, out);
    } else {
        exp_where_scalar(keep, x, 0, n, out);
    }
}

bool starcoach_dft_supported(int n) {
    return has_f32_kernels() && n == 400;
}

void starcoach_dft_power(const float * frames, int n_frames, int n, float * power) {
    dft_power_f32(linear_rows_neon, frames, n_frames, n, power);
}

// As on x86-64 with the AVX2 kernels: a float16 model's decoder multiplies q8_0 copies (half the
// bytes read per token; ggml's NEON q8_0 dot product, with sdot where ggml was built for it).
bool starcoach_f16_q8_copies() {
    return has_neon();
}

void starcoach_quantize_q8_0(const float * x, void * out, int64_t nrows, int64_t n_per_row) {
    ggml_quantize_chunk(GGML_TYPE_Q8_0, x, out, 0, nrows, n_per_row, nullptr);
}

// With sdot only (nullptr elsewhere: ggml's product over the whole q8_0 matrix).
struct starcoach_logits * starcoach_logits_new(const struct ggml_tensor * w, int n_text, const int * unsure, int n_unsure, float window) {
    if (!has_dotprod()) {
        return nullptr;
    }
    return logits_pack(w, n_text, unsure, n_unsure, window);
}

void starcoach_logits_screen_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const starcoach_logits_call & call = *(const starcoach_logits_call *) userdata;
    const starcoach_logits & l = *call.l;
    const struct ggml_tensor * h = dst->src[0];
    const int p0 = (int) ((int64_t) l.n_panels * ith / nth);
    const int p1 = (int) ((int64_t) l.n_panels * (ith + 1) / nth);
    for (int64_t j = 0; j < h->ne[1]; ++j) {
        if (call.need && !call.need[j]) continue;
        const uint8_t * hq = screen_quantize(l, (const float *) ((const char *) h->data + j * h->nb[1]));
        screen_panels_dot(l, hq, p0, p1, (float *) ((char *) dst->data + j * dst->nb[1]));
    }
}

void starcoach_logits_exact_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    logits_exact(screen_best_neon, dst, ith, nth, userdata);
}

void starcoach_logits_free(struct starcoach_logits * l) {
    delete l;
}

bool starcoach_cross_supported(int, int) {
    return false;
}

size_t starcoach_cross_size(int, int) {
    return 0;
}

void starcoach_cross_pack_op(struct ggml_tensor *, int, int, void *) {
}

void starcoach_cross_attn_op(struct ggml_tensor *, int, int, void *) {
}

extern "C" const char * starcoach_kernels() {
    return has_dotprod() ? "neon-dotprod" : has_neon() ? "neon" : "none";
}

#else  // neither x86-64 nor aarch64 with GCC or Clang: ggml's own graph and quantizer are used

bool starcoach_attn_supported(int, int) {
    return false;
}

void starcoach_attn_op(struct ggml_tensor *, const struct ggml_tensor *, const struct ggml_tensor *, const struct ggml_tensor *, int, int, void *) {
}

bool starcoach_linear_supported(const struct ggml_tensor *) {
    return false;
}

void starcoach_linear_pack(const struct ggml_tensor *, float *) {
}

void starcoach_linear_op(struct ggml_tensor *, int, int, void *) {
}

float starcoach_sum_exp(const float * x, int n, float sub) {
    return sum_exp_scalar(x, 0, n, sub, 0.0f);
}

void starcoach_exp_where(const float * keep, const float * x, int n, float * out) {
    exp_where_scalar(keep, x, 0, n, out);
}

bool starcoach_linear8_supported(const struct ggml_tensor *) {
    return false;
}

void starcoach_linear8_pack(const struct ggml_tensor *, void *) {
}

bool starcoach_conv_supported(const struct ggml_tensor *) {
    return false;
}

void starcoach_conv_pack(const struct ggml_tensor *, float *) {
}

void starcoach_conv_op(struct ggml_tensor *, int, int, void *) {
}

bool starcoach_dft_supported(int) {
    return false;
}

void starcoach_dft_power(const float *, int, int, float *) {
}

bool starcoach_f16_q8_copies() {
    return false;
}

void starcoach_quantize_q8_0(const float * x, void * out, int64_t nrows, int64_t n_per_row) {
    ggml_quantize_chunk(GGML_TYPE_Q8_0, x, out, 0, nrows, n_per_row, nullptr);
}

struct starcoach_logits * starcoach_logits_new(const struct ggml_tensor *, int, const int *, int, float) {
    return nullptr;
}

void starcoach_logits_screen_op(struct ggml_tensor *, int, int, void *) {
}

void starcoach_logits_exact_op(struct ggml_tensor *, int, int, void *) {
}

void starcoach_logits_free(struct starcoach_logits * l) {
    delete l;
}

bool starcoach_cross_supported(int, int) {
    return false;
}

size_t starcoach_cross_size(int, int) {
    return 0;
}

void starcoach_cross_pack_op(struct ggml_tensor *, int, int, void *) {
}

void starcoach_cross_attn_op(struct ggml_tensor *, int, int, void *) {
}

extern "C" const char * starcoach_kernels() {
    return "none";
}

#endif
