// CGemm's register-tiled kernel and the packing of its operands (the driver: sgemm.c).
//
// The kernel keeps an MR x NR tile of C in 28 zmm registers, reads B's panel row by row (two
// vectors per step) and broadcasts A's values from memory into fused multiply-adds. A panel is
// laid out as rows (a copy of row-major A, so packing it is a plain copy) or as columns (for
// transposed A); the kernel addresses both with constant offsets.
#if defined(__x86_64__)

#include "blocking.h"

#include <immintrin.h>
#include <string.h>

// MARK: The kernel

/// tile (R x 16V at c, row stride ldc; R <= MR, V <= NV) = or += sum over p < kc of
/// A(:, p) * B(p, :), with A(r, p) at a[r * rs + p * ps] and B(p, :) the 16V floats at
/// b + p * ldb. Only the columns in `cols` (a mask per vector of 16) of C are written, and of
/// B read when `edge`: an edge panel's tile goes to C directly, and its B may be read where it
/// lies.
AVX512 static inline __attribute__((always_inline)) void
kernel_body(const int R, const int V, const int edge, ptrdiff_t kc, const float *restrict a, const ptrdiff_t rs, const ptrdiff_t ps,
            const float *restrict b, ptrdiff_t ldb, float *restrict c, ptrdiff_t ldc, int accumulate,
            const __mmask16 cols[NV]) {
    __m512 acc[MR][NV];
#pragma unroll
    for (int r = 0; r < R; r++) {
#pragma unroll
        for (int v = 0; v < V; v++) acc[r][v] = _mm512_setzero_ps();
    }
    // C's tile is read and written only after the loop; fetching it now hides a miss to memory.
#pragma unroll
    for (int r = 0; r < R; r++) {
        _mm_prefetch((const char *)(c + r * ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + NR - 1), _MM_HINT_T0);
    }
    for (ptrdiff_t p = 0; p < kc; p++) {
        __m512 bv[NV];
#pragma unroll
        for (int v = 0; v < V; v++) bv[v] = edge ? _mm512_maskz_loadu_ps(cols[v], b + 16 * v) : _mm512_loadu_ps(b + 16 * v);
#pragma unroll
        for (int r = 0; r < R; r++) {
            __m512 ar = _mm512_set1_ps(a[r * rs]);
#pragma unroll
            for (int v = 0; v < V; v++) acc[r][v] = _mm512_fmadd_ps(ar, bv[v], acc[r][v]);
        }
        a += ps;
        b += ldb;
    }
    if (accumulate) {
#pragma unroll
        for (int r = 0; r < R; r++) {
#pragma unroll
            for (int v = 0; v < V; v++) {
                float *q = c + r * ldc + 16 * v;
                _mm512_mask_storeu_ps(q, cols[v], _mm512_add_ps(_mm512_maskz_loadu_ps(cols[v], q), acc[r][v]));
            }
        }
    } else {
#pragma unroll
        for (int r = 0; r < R; r++) {
#pragma unroll
            for (int v = 0; v < V; v++) _mm512_mask_storeu_ps(c + r * ldc + 16 * v, cols[v], acc[r][v]);
        }
    }
}

/// An edge panel's tile of 16 + T columns (T <= 8) with A in column layout (A(r, p) at
/// a[p * MR + r]): the first 16 columns as kernel_body computes them (A's values broadcast, a
/// vector of B per step), the last t as columns (the MR values of A's step times B's value
/// broadcast), their chains running beside the 16 others rather than in a whole vector of
/// mostly unused lanes. Every value of C is the same chain of multiply-adds in the same order as
/// in kernel_body: the same bits.
AVX512 static inline __attribute__((always_inline)) void
tail_body(const int R, const int T, ptrdiff_t kc, const float *restrict a, const float *restrict b,
          ptrdiff_t ldb, float *restrict c, ptrdiff_t ldc, int accumulate) {
    __m512 acc[MR], tacc[T];
#pragma unroll
    for (int r = 0; r < R; r++) acc[r] = _mm512_setzero_ps();
#pragma unroll
    for (int j = 0; j < T; j++) tacc[j] = _mm512_setzero_ps();
#pragma unroll
    for (int r = 0; r < R; r++) {
        _mm_prefetch((const char *)(c + r * ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + 16 + T - 1), _MM_HINT_T0);
    }
    const __mmask16 panel_rows = (__mmask16)((1u << MR) - 1);
    for (ptrdiff_t p = 0; p < kc; p++) {
        const __m512 bv = _mm512_loadu_ps(b);
        const __m512 av = _mm512_maskz_loadu_ps(panel_rows, a);
#pragma unroll
        for (int r = 0; r < R; r++) acc[r] = _mm512_fmadd_ps(_mm512_set1_ps(a[r]), bv, acc[r]);
#pragma unroll
        for (int j = 0; j < T; j++) tacc[j] = _mm512_fmadd_ps(av, _mm512_set1_ps(b[16 + j]), tacc[j]);
        a += MR;
        b += ldb;
    }
#pragma unroll
    for (int r = 0; r < R; r++) {
        float *q = c + r * ldc;
        _mm512_storeu_ps(q, accumulate ? _mm512_add_ps(_mm512_loadu_ps(q), acc[r]) : acc[r]);
    }
    float cols[T][16];
#pragma unroll
    for (int j = 0; j < T; j++) _mm512_storeu_ps(cols[j], tacc[j]);
    for (int r = 0; r < R; r++) {
        float *q = c + r * ldc + 16;
        for (int j = 0; j < T; j++) q[j] = accumulate ? q[j] + cols[j][r] : cols[j][r];
    }
}

#define KERNEL_LAYOUTS(R, V, EDGE, SUFFIX)                                                                      \
    AVX512 static void rows##SUFFIX##_##R(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,   \
                                          ptrdiff_t ldc, int accumulate, ptrdiff_t chunk, const __mmask16 *cols) { \
        for (ptrdiff_t p0 = 0; p0 < kc; p0 += chunk) {                                                          \
            const ptrdiff_t n = kc - p0 < chunk ? kc - p0 : chunk;                                              \
            kernel_body(R, V, EDGE, n, a + p0, KCP, 1, b + p0 * ldb, ldb, c, ldc, accumulate || p0 > 0, cols);  \
        }                                                                                                       \
    }                                                                                                           \
    AVX512 static void cols##SUFFIX##_##R(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,   \
                                          ptrdiff_t ldc, int accumulate, ptrdiff_t chunk, const __mmask16 *cols) { \
        for (ptrdiff_t p0 = 0; p0 < kc; p0 += chunk) {                                                          \
            const ptrdiff_t n = kc - p0 < chunk ? kc - p0 : chunk;                                              \
            kernel_body(R, V, EDGE, n, a + p0 * MR, 1, MR, b + p0 * ldb, ldb, c, ldc, accumulate || p0 > 0,      \
                        cols);                                                                                  \
        }                                                                                                       \
    }
/// The edge-panel kernel for R rows and T trailing columns (tail_body), column layout.
#define KERNEL_TAIL(R, T)                                                                                       \
    AVX512 static void tail##T##_##R(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,       \
                                     ptrdiff_t ldc, int accumulate, ptrdiff_t chunk) {                          \
        for (ptrdiff_t p0 = 0; p0 < kc; p0 += chunk) {                                                          \
            const ptrdiff_t n = kc - p0 < chunk ? kc - p0 : chunk;                                              \
            tail_body(R, T, n, a + p0 * MR, b + p0 * ldb, ldb, c, ldc, accumulate || p0 > 0);                  \
        }                                                                                                       \
    }
/// The kernels for R rows (a panel's first R; the tile's rows past the edge of C are not
/// computed), A in row layout (A(r, p) at a[r * KCP + p]) or column layout (A(r, p) at
/// a[p * MR + r]): a full panel, an edge panel of two vectors or of one (at most 16 columns),
/// their B read through masks, and the edge kernels for 16 + 1 ... 8 columns. The kc terms are
/// summed in chains of `chunk`, each added to the tile in turn (the first stored unless
/// `accumulate`).
#define KERNEL_ROWS(R)                                                                                          \
    KERNEL_LAYOUTS(R, NV, 0, ) KERNEL_LAYOUTS(R, NV, 1, e) KERNEL_LAYOUTS(R, 1, 1, 1)                            \
    KERNEL_TAIL(R, 1) KERNEL_TAIL(R, 2) KERNEL_TAIL(R, 3) KERNEL_TAIL(R, 4)                                     \
    KERNEL_TAIL(R, 5) KERNEL_TAIL(R, 6) KERNEL_TAIL(R, 7) KERNEL_TAIL(R, 8)

KERNEL_ROWS(1) KERNEL_ROWS(2) KERNEL_ROWS(3) KERNEL_ROWS(4) KERNEL_ROWS(5) KERNEL_ROWS(6) KERNEL_ROWS(7)
KERNEL_ROWS(8) KERNEL_ROWS(9) KERNEL_ROWS(10) KERNEL_ROWS(11) KERNEL_ROWS(12) KERNEL_ROWS(13) KERNEL_ROWS(14)

typedef void (*kernel_t)(ptrdiff_t, const float *, const float *, ptrdiff_t, float *, ptrdiff_t, int, ptrdiff_t,
                         const __mmask16 *);
typedef void (*tail_kernel_t)(ptrdiff_t, const float *, const float *, ptrdiff_t, float *, ptrdiff_t, int, ptrdiff_t);
#define BY_ROWS(PREFIX) {NULL, PREFIX##_1, PREFIX##_2, PREFIX##_3, PREFIX##_4, PREFIX##_5, PREFIX##_6, PREFIX##_7, \
                         PREFIX##_8, PREFIX##_9, PREFIX##_10, PREFIX##_11, PREFIX##_12, PREFIX##_13, PREFIX##_14}
/// [full panel, edge panel, edge of one vector][row layout][rows]
static const kernel_t kernels[3][2][MR + 1] = {
    {BY_ROWS(cols), BY_ROWS(rows)}, {BY_ROWS(colse), BY_ROWS(rowse)}, {BY_ROWS(cols1), BY_ROWS(rows1)}};
/// [trailing columns - 1][rows]: each reads exactly its columns of B (which may lie in place).
static const tail_kernel_t tail_kernels[8][MR + 1] = {BY_ROWS(tail1), BY_ROWS(tail2), BY_ROWS(tail3), BY_ROWS(tail4),
                                                     BY_ROWS(tail5), BY_ROWS(tail6), BY_ROWS(tail7), BY_ROWS(tail8)};
_Static_assert(MR == 14, "one kernel per row count up to MR");

HIDDEN void nnb_kernel(int rows_layout, int mr, int nr, ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb,
                       float *c, ptrdiff_t ldc, int accumulate, ptrdiff_t chunk) {
    const int t = nr - 16;
    if (!rows_layout && t > 0 && t <= 8) {
        // 16 + t columns (a minibatch's x.T @ g with 50 outputs ends in 16 + 2): 16 + t chains a
        // row instead of 32.
        tail_kernels[t - 1][mr](kc, a, b, ldb, c, ldc, accumulate, chunk);
        return;
    }
    __mmask16 cols[NV];
    for (int v = 0; v < NV; v++) {
        const int n = nr - 16 * v;
        cols[v] = n >= 16 ? 0xffff : n <= 0 ? 0 : (__mmask16)((1u << n) - 1);
    }
    kernels[nr == NR ? 0 : nr > 16 ? 1 : 2][rows_layout != 0][mr](kc, a, b, ldb, c, ldc, accumulate, chunk, cols);
}

// MARK: Packing

/// Transposes 16 vectors in place: afterwards r[i][j] is what r[j][i] was. Three rounds of
/// interleaving: single floats within 128-bit lanes, then pairs, then whole lanes.
AVX512 static inline __attribute__((always_inline)) void transpose16(__m512 r[16]) {
    __m512 t[16];
#pragma unroll
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    // u[4g + q], lane L: rows 4g .. 4g+3 of column 4L + q.
    __m512 u[16];
#pragma unroll
    for (int g = 0; g < 4; g++) {
        __m512d x0 = _mm512_castps_pd(t[4 * g]), x1 = _mm512_castps_pd(t[4 * g + 1]);
        __m512d x2 = _mm512_castps_pd(t[4 * g + 2]), x3 = _mm512_castps_pd(t[4 * g + 3]);
        u[4 * g] = _mm512_castpd_ps(_mm512_unpacklo_pd(x0, x2));
        u[4 * g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(x0, x2));
        u[4 * g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(x1, x3));
        u[4 * g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(x1, x3));
    }
    // Column 4L + q gathers lane L of u[q], u[4 + q], u[8 + q], u[12 + q]: a 4x4 transpose of lanes.
#pragma unroll
    for (int q = 0; q < 4; q++) {
        __m512 s0 = _mm512_shuffle_f32x4(u[q], u[4 + q], _MM_SHUFFLE(2, 0, 2, 0));
        __m512 s1 = _mm512_shuffle_f32x4(u[q], u[4 + q], _MM_SHUFFLE(3, 1, 3, 1));
        __m512 s2 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], _MM_SHUFFLE(2, 0, 2, 0));
        __m512 s3 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], _MM_SHUFFLE(3, 1, 3, 1));
        r[q] = _mm512_shuffle_f32x4(s0, s2, _MM_SHUFFLE(2, 0, 2, 0));
        r[4 + q] = _mm512_shuffle_f32x4(s1, s3, _MM_SHUFFLE(2, 0, 2, 0));
        r[8 + q] = _mm512_shuffle_f32x4(s0, s2, _MM_SHUFFLE(3, 1, 3, 1));
        r[12 + q] = _mm512_shuffle_f32x4(s1, s3, _MM_SHUFFLE(3, 1, 3, 1));
    }
}

/// pack_b_panel for B stored column by column (B(p, j) at b[p + j * bcs], a transposed view):
/// 16 x 16 blocks are read along columns and transposed in registers.
AVX512 static void pack_b_panel_transposed(const float *b, ptrdiff_t bcs, ptrdiff_t p0, ptrdiff_t kc,
                                           ptrdiff_t j0, ptrdiff_t nr, float *restrict dst) {
    ptrdiff_t p = 0;
    for (; p + 16 <= kc; p += 16) {
        for (int h = 0; h < NV; h++) {
            __m512 r[16];
#pragma unroll
            for (int j = 0; j < 16; j++) {
                ptrdiff_t col = 16 * h + j;
                r[j] = col < nr ? _mm512_loadu_ps(b + p0 + p + (j0 + col) * bcs) : _mm512_setzero_ps();
            }
            transpose16(r);
#pragma unroll
            for (int i = 0; i < 16; i++) _mm512_store_ps(dst + (p + i) * NR + 16 * h, r[i]);
        }
    }
    for (; p < kc; p++) {
        for (ptrdiff_t j = 0; j < NR; j++) dst[p * NR + j] = j < nr ? b[p0 + p + (j0 + j) * bcs] : 0;
    }
}

/// B(p0 .. p0+kc, j0 .. j0+nr) into one panel: row p holds NR floats, zero past nr.
HIDDEN AVX512 void nnb_pack_b_panel(const float *b, ptrdiff_t brs, ptrdiff_t bcs, ptrdiff_t p0, ptrdiff_t kc,
                                    ptrdiff_t j0, ptrdiff_t nr, float *restrict dst) {
    if (bcs == 1) {
        const float *src = b + p0 * brs + j0;
        if (nr == NR) {
            for (ptrdiff_t p = 0; p < kc; p++, src += brs, dst += NR) {
#pragma unroll
                for (int v = 0; v < NV; v++) _mm512_store_ps(dst + 16 * v, _mm512_loadu_ps(src + 16 * v));
            }
        } else {
            __mmask16 mask[NV];
            for (int v = 0; v < NV; v++) {
                ptrdiff_t left = nr - 16 * v;
                mask[v] = left >= 16 ? 0xffff : left <= 0 ? 0 : (__mmask16)((1u << left) - 1);
            }
            for (ptrdiff_t p = 0; p < kc; p++, src += brs, dst += NR) {
                for (int v = 0; v < NV; v++)
                    _mm512_store_ps(dst + 16 * v, _mm512_maskz_loadu_ps(mask[v], src + 16 * v));
            }
        }
        return;
    }
    if (brs == 1) {
        pack_b_panel_transposed(b, bcs, p0, kc, j0, nr, dst);
        return;
    }
    for (ptrdiff_t p = 0; p < kc; p++, dst += NR) {
        const float *src = b + (p0 + p) * brs + j0 * bcs;
        for (ptrdiff_t j = 0; j < NR; j++) dst[j] = j < nr ? src[j * bcs] : 0;
    }
}

/// A(i0 .. i0+mr, p0 .. p0+kc) into one panel, rows past mr zero: row layout when A's rows are
/// contiguous, else column layout.
HIDDEN AVX512 void nnb_pack_a_panel(const float *a, ptrdiff_t ars, ptrdiff_t acs, ptrdiff_t i0, ptrdiff_t mr,
                                    ptrdiff_t p0, ptrdiff_t kc, float *restrict dst) {
    if (acs == 1) {
        for (ptrdiff_t r = 0; r < MR; r++) {
            float *d = dst + r * KCP;
            if (r >= mr) {
                memset(d, 0, (size_t)kc * sizeof(float));
                continue;
            }
            const float *src = a + (i0 + r) * ars + p0;
            ptrdiff_t p = 0;
            for (; p + 16 <= kc; p += 16) _mm512_storeu_ps(d + p, _mm512_loadu_ps(src + p));
            if (p < kc) {
                __mmask16 m = (__mmask16)((1u << (kc - p)) - 1);
                _mm512_mask_storeu_ps(d + p, m, _mm512_maskz_loadu_ps(m, src + p));
            }
        }
        return;
    }
    if (ars == 1) {
        __mmask16 m = (__mmask16)((1u << mr) - 1);
        const float *src = a + i0 + p0 * acs;
        for (ptrdiff_t p = 0; p < kc; p++, src += acs, dst += MR) {
            // MR < 16: one masked vector per column, written with the next column's overlap.
            _mm512_mask_storeu_ps(dst, 0x3fff, _mm512_maskz_loadu_ps(m, src));
        }
        return;
    }
    for (ptrdiff_t p = 0; p < kc; p++, dst += MR) {
        for (ptrdiff_t r = 0; r < MR; r++) dst[r] = r < mr ? a[(i0 + r) * ars + (p0 + p) * acs] : 0;
    }
}

#endif
