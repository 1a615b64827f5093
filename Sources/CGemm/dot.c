// nnbook's float32 product for narrow outputs with a transposed right operand (x @ w.T with w
// of 2 to 11 rows: a classifier's last Linear), on x86-64 CPUs with AVX2 (see include/CGemm.h).
// Written for this project; no code is copied.
//
// PyTorch's x86 build hands such products to MKL, which computes each element as a dot product
// of A's row and w's row, in an order we measured against torch (bit for bit, shapes from
// 2x50x10 to 10000x50x10 and 64x5000x10):
//
//   - the first `peel` terms, up to the first 16-byte boundary of A's row, in a plain sum;
//   - then lanes over k: 4 lanes for the columns of C in whole groups of 4, 8 lanes for the
//     n % 4 columns after them; term q after the peel goes to lane q % lanes, the peeled sum
//     starts lane 0, and every step is a multiply then an add (no fused multiply-add);
//   - the lanes summed as a tree, lane q + h into lane q for h = lanes / 2, ..., 1;
//   - the (k - peel) % lanes terms left added one by one.
//
// The peel depends on where A's rows lie in memory: storage is 64-byte aligned here as in
// PyTorch, so a row's address modulo 16 is the same in both.
//
// How we keep that order fast: the 4-lane chains of two columns share a 256-bit register (four
// on AVX-512, one column per 128-bit lane), a row's lanes are summed for all its columns at
// once in a transposed tree that pairs them as the per-column tree does, and the terms outside
// the lanes run 8 columns wide. From PACK_ROWS rows, w is packed per peel so each register of
// terms is one aligned load, and on AVX-512 two rows of the same peel share those loads.
// 64x50 @ (10x50).T: 1.85 us before this (per column, 128-bit), 1.05 us on AVX2, 0.90 us on
// AVX-512 (Zen 5).
#include "CGemm.h"
#include "pool.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <stdint.h>

// The order above has no fused multiply-add anywhere: keep the compiler from making any.
#pragma clang fp contract(off)

#define AVX __attribute__((target("avx2")))
#define AVX512 __attribute__((target("avx512f")))


/// The terms 0 ..< peel of x . y summed one by one.
static inline float head(const float *x, const float *y, ptrdiff_t peel) {
    float s = 0.0f;
    for (ptrdiff_t p = 0; p < peel; p++) {
        float t = x[p] * y[p];
        s = s + t;
    }
    return s;
}

/// The terms from ..< k of x . y added to s one by one.
static inline float tail(float s, const float *x, const float *y, ptrdiff_t from, ptrdiff_t k) {
    for (ptrdiff_t p = from; p < k; p++) {
        float t = x[p] * y[p];
        s = s + t;
    }
    return s;
}

/// The peel of row x: its terms up to the first 16-byte boundary (at most k).
static inline ptrdiff_t peel_of(const float *x, ptrdiff_t k) {
    const ptrdiff_t peel = (ptrdiff_t)((16 - (uintptr_t)x % 16) % 16) / 4;
    return peel > k ? k : peel;
}

/// (l0 + l2) + (l1 + l3).
AVX static inline float sum4(__m128 v) {
    __m128 h = _mm_add_ps(v, _mm_movehl_ps(v, v));
    return _mm_cvtss_f32(_mm_add_ss(h, _mm_shuffle_ps(h, h, 1)));
}

/// w's columns p for the terms a row may add outside its lane chains (the peel, at most 3, and
/// the last 3 after them), transposed: cols[slot(p)] holds w[j][p] in lane j for the columns
/// of the 4-lane groups (up to 8).
typedef struct { __m256 v[6]; } Columns;

static inline int slot(ptrdiff_t p, ptrdiff_t k) { return p < 3 ? (int)p : (int)(p - (k - 3) + 3); }

AVX static inline Columns columns(const float *w, ptrdiff_t ldw, int groups, ptrdiff_t k) {
    Columns c;
    for (int i = 0; i < 6; i++) c.v[i] = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < k; p = (p == 2 && k - 3 > 3) ? k - 3 : p + 1) {
        float t[8] = {0};
        for (int j = 0; j < groups; j++) t[j] = w[j * ldw + p];
        c.v[slot(p, k)] = _mm256_loadu_ps(t);
    }
    return c;
}

/// Row x of C, every column at once (n <= 11): the whole groups of 4 columns (4 or 8 columns)
/// as chains of 4 lanes, two columns to a 256-bit register (column 2i in the low half, 2i + 1
/// in the high), and the n % 4 columns after them with 8 lanes each. p advances 8 at a time
/// through all the chains, so the adds of up to 7 independent registers overlap. Each chain
/// sees its terms in the order described above; the lanes of 4 or 8 columns are summed in one
/// transposed tree whose adds pair the lanes as (l0 + l2) + (l1 + l3) does.
/// Two columns' 4 terms from p as one register: column 2q in the low half, 2q + 1 in the high;
/// from `block` (the pairs packed for this row's peel, see `pack`) when `packed`.
AVX static inline __attribute__((always_inline)) __m256 pair(const float *w, ptrdiff_t ldw, const int packed,
                                                             const float *block, int q, ptrdiff_t p) {
    if (packed) return _mm256_load_ps(block + q * 8);
    const float *y = w + 2 * q * ldw + p;
    return _mm256_loadu2_m128(y + ldw, y);
}

/// The peeled terms of the group columns (up to 8), lane j for column j, summed one by one.
AVX static inline __attribute__((always_inline)) __m256 heads(const float *x, ptrdiff_t peel, ptrdiff_t k,
                                                              const Columns *cols) {
    __m256 h = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < peel; p++) h = _mm256_add_ps(h, _mm256_mul_ps(_mm256_set1_ps(x[p]), cols->v[slot(p, k)]));
    return h;
}

/// The group columns' sums s (lane j for column j) with the terms end4 ..< k added one by one,
/// stored to c[0 ..< groups].
AVX static inline __attribute__((always_inline)) void finish(__m256 s, const float *x, ptrdiff_t end4, ptrdiff_t k,
                                                             const Columns *cols, const int groups, float *c) {
    for (ptrdiff_t t = end4; t < k; t++) s = _mm256_add_ps(s, _mm256_mul_ps(_mm256_set1_ps(x[t]), cols->v[slot(t, k)]));
    if (groups == 8) _mm256_storeu_ps(c, s); else _mm_storeu_ps(c, _mm256_castps256_ps128(s));
}

/// The whole groups of 4 columns (4 or 8) of row x, as chains of 4 lanes, two columns to a
/// register (column 2q in the low half, 2q + 1 in the high). p advances 8 at a time through
/// all the chains. The lanes are summed in one transposed tree whose adds pair them as
/// (l0 + l2) + (l1 + l3) does.
AVX static inline __attribute__((always_inline)) void groups_avx2(const float *x, const float *w, ptrdiff_t ldw,
                                                                  const int groups, ptrdiff_t k, ptrdiff_t peel,
                                                                  const Columns *cols, const int packed,
                                                                  const float *block, float *c) {
    const int pairs = groups / 2;
    __m256 g[4];
    const __m256 h = heads(x, peel, k, cols);
    for (int q = 0; q < pairs; q++)
        g[q] = _mm256_blend_ps(_mm256_setzero_ps(),
                               _mm256_permutevar8x32_ps(h, _mm256_setr_epi32(2 * q, 0, 0, 0, 2 * q + 1, 0, 0, 0)), 0x11);
    const ptrdiff_t end4 = peel + (k - peel) / 4 * 4;
    for (ptrdiff_t p = peel; p < end4; p += 4, block += pairs * 8) {
        const __m256 v = _mm256_broadcast_ps((const __m128 *)(x + p));
        for (int q = 0; q < pairs; q++) g[q] = _mm256_add_ps(g[q], _mm256_mul_ps(v, pair(w, ldw, packed, block, q, p)));
    }
    // Per half: (l0 + l2, l1 + l3) of two registers side by side, then their adjacent sums.
    const __m256 a = _mm256_add_ps(_mm256_shuffle_ps(g[0], g[1], 0x44), _mm256_shuffle_ps(g[0], g[1], 0xee));
    __m256 s;
    if (pairs == 4) {
        const __m256 b = _mm256_add_ps(_mm256_shuffle_ps(g[2], g[3], 0x44), _mm256_shuffle_ps(g[2], g[3], 0xee));
        // Lanes: columns 0 2 4 6 | 1 3 5 7.
        s = _mm256_permutevar8x32_ps(_mm256_hadd_ps(a, b), _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
    } else {
        s = _mm256_permutevar8x32_ps(_mm256_hadd_ps(a, a), _mm256_setr_epi32(0, 4, 1, 5, 0, 4, 1, 5));
    }
    finish(s, x, end4, k, cols, groups, c);
}

/// The same chains on AVX-512, four columns to a register (column 4u + i in the 128-bit lane
/// i of register u), from the packed pairs (the same bytes: pairs 2u and 2u + 1 side by side),
/// for R rows of the same peel at once (x[r], c[r]): they share the loads of w.
AVX512 static inline __attribute__((always_inline)) void groups_avx512(const int R, const float *const x[],
                                                                       const int groups, ptrdiff_t k, ptrdiff_t peel,
                                                                       const Columns *cols, const float *block,
                                                                       float *const c[]) {
    const int quads = groups / 4;
    __m512 g[2][2];
    for (int r = 0; r < R; r++) {
        const __m512 h = _mm512_castps256_ps512(heads(x[r], peel, k, cols));
        for (int u = 0; u < quads; u++)
            g[r][u] = _mm512_maskz_permutexvar_ps(
                0x1111, _mm512_setr_epi32(4 * u, 0, 0, 0, 4 * u + 1, 0, 0, 0, 4 * u + 2, 0, 0, 0, 4 * u + 3, 0, 0, 0), h);
    }
    const ptrdiff_t end4 = peel + (k - peel) / 4 * 4;
    for (ptrdiff_t p = peel; p < end4; p += 4, block += quads * 16) {
        __m512 v[2];
        for (int r = 0; r < R; r++) v[r] = _mm512_broadcast_f32x4(_mm_load_ps(x[r] + p));
        for (int u = 0; u < quads; u++) {
            const __m512 y = _mm512_load_ps(block + u * 16);
            for (int r = 0; r < R; r++) g[r][u] = _mm512_add_ps(g[r][u], _mm512_mul_ps(v[r], y));
        }
    }
    for (int r = 0; r < R; r++) {
        // Per 128-bit lane i: (l0 + l2, l1 + l3) of columns i and 4 + i, then the adjacent sums.
        const __m512 g1 = quads == 2 ? g[r][1] : g[r][0];
        const __m512 a = _mm512_add_ps(_mm512_shuffle_ps(g[r][0], g1, 0x44), _mm512_shuffle_ps(g[r][0], g1, 0xee));
        const __m512 b = _mm512_add_ps(_mm512_shuffle_ps(a, a, 0x88), _mm512_shuffle_ps(a, a, 0xdd));
        // Lane 4i: column i, lane 4i + 1: column 4 + i.
        const __m512 s = _mm512_permutexvar_ps(_mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 0, 0, 0, 0, 0, 0, 0, 0), b);
        finish(_mm512_castps512_ps256(s), x[r], end4, k, cols, groups, c[r]);
    }
}

/// The n % 4 columns after the groups of row x (at most 3), with 8 lanes each.
AVX static inline __attribute__((always_inline)) void lefts(const float *x, const float *w, ptrdiff_t ldw,
                                                            const int left, ptrdiff_t k, ptrdiff_t peel, float *c) {
    __m256 r[3];
    for (int t = 0; t < left; t++)
        r[t] = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_set_ss(head(x, w + t * ldw, peel))), _mm_setzero_ps(), 1);
    const ptrdiff_t end8 = peel + (k - peel) / 8 * 8;
    for (ptrdiff_t p = peel; p < end8; p += 8) {
        const __m256 v = _mm256_loadu_ps(x + p);
        for (int t = 0; t < left; t++) r[t] = _mm256_add_ps(r[t], _mm256_mul_ps(v, _mm256_loadu_ps(w + t * ldw + p)));
    }
    for (int t = 0; t < left; t++) {
        const __m128 h = _mm_add_ps(_mm256_castps256_ps128(r[t]), _mm256_extractf128_ps(r[t], 1));
        c[t] = tail(sum4(h), x, w + t * ldw, end8, k);
    }
}

/// `lefts` for two rows of the same peel on AVX-512: each column's chains of both rows in one
/// register (row x[0] in the low half, x[1] in the high), summed as `lefts` sums them.
AVX512 static inline __attribute__((always_inline)) void lefts2(const float *const x[2], const float *w,
                                                                ptrdiff_t ldw, const int left, ptrdiff_t k,
                                                                ptrdiff_t peel, float *const c[2]) {
    __m512 r[3];
    for (int t = 0; t < left; t++)
        r[t] = _mm512_maskz_mov_ps(0x0101, _mm512_setr_ps(head(x[0], w + t * ldw, peel), 0, 0, 0, 0, 0, 0, 0,
                                                          head(x[1], w + t * ldw, peel), 0, 0, 0, 0, 0, 0, 0));
    const ptrdiff_t end8 = peel + (k - peel) / 8 * 8;
    for (ptrdiff_t p = peel; p < end8; p += 8) {
        const __m512 v = _mm512_insertf64x4(_mm512_castps256_ps512(_mm256_loadu_ps(x[0] + p)),
                                            _mm256_castps_pd(_mm256_loadu_ps(x[1] + p)), 1);
        for (int t = 0; t < left; t++) {
            const __m256 y = _mm256_loadu_ps(w + t * ldw + p);
            const __m512 yy = _mm512_insertf64x4(_mm512_castps256_ps512(y), _mm256_castps_pd(y), 1);
            r[t] = _mm512_add_ps(r[t], _mm512_mul_ps(v, yy));
        }
    }
    for (int t = 0; t < left; t++) {
        // Per half: lanes q + 4 into q, then (l0 + l2) + (l1 + l3).
        const __m512 h = _mm512_add_ps(r[t], _mm512_shuffle_f32x4(r[t], r[t], 0xb1));
        const __m512 u = _mm512_add_ps(h, _mm512_shuffle_ps(h, h, 0x4e));
        const __m512 s = _mm512_add_ps(u, _mm512_shuffle_ps(u, u, 0xb1));
        c[0][t] = tail(_mm512_cvtss_f32(s), x[0], w + t * ldw, end8, k);
        c[1][t] = tail(_mm_cvtss_f32(_mm512_extractf32x4_ps(s, 2)), x[1], w + t * ldw, end8, k);
    }
}

/// The pairs of columns laid out for rows whose peel is `peel`: block b holds, for each pair q,
/// the terms peel + 4b ..< peel + 4b + 4 of columns 2q and 2q + 1 (8 floats, aligned), so a
/// row loads each pair with one load instead of two halves.
AVX static void pack(const float *w, ptrdiff_t ldw, int pairs, ptrdiff_t k, ptrdiff_t peel, float *out) {
    for (ptrdiff_t p = peel; p + 4 <= k; p += 4, out += pairs * 8)
        for (int q = 0; q < pairs; q++) _mm256_store_ps(out + q * 8, pair(w, ldw, 0, NULL, q, p));
}

/// Rows from which packing the pairs pays for itself (about one row's loads per peel).
#define PACK_ROWS 32



/// The per-peel packed pairs of one product: packed lazily, when a row first needs its peel.
typedef struct {
    float *scratch;
    ptrdiff_t stride;
    const float *packed[4];
} Packing;

/// Packing for a product of m rows: none (scratch NULL) below PACK_ROWS rows or without groups.
static inline Packing packing(int groups, ptrdiff_t m, ptrdiff_t k) {
    Packing p = {NULL, (groups * k + 15) / 16 * 16, {NULL, NULL, NULL, NULL}};  // stride: 64-byte aligned
    if (groups && m >= PACK_ROWS) p.scratch = nnb_thread_scratch((size_t)(4 * p.stride));
    return p;
}

/// The pairs packed for `peel` (packing them on first use).
static inline const float *packed_for(Packing *p, const float *w, ptrdiff_t ldw, int groups, ptrdiff_t k,
                                      ptrdiff_t peel) {
    if (!p->packed[peel]) {
        float *out = p->scratch + peel * p->stride;
        pack(w, ldw, groups / 2, k, peel, out);
        p->packed[peel] = out;
    }
    return p->packed[peel];
}

/// Every row of C with n a constant (so the chains live in registers).
AVX static inline __attribute__((always_inline)) void rows(const int n, ptrdiff_t m, ptrdiff_t k, const float *a,
                                                           ptrdiff_t lda, const float *w, ptrdiff_t ldw, float *c,
                                                           ptrdiff_t ldc) {
    const int groups = n - n % 4;
    const Columns cols = columns(w, ldw, groups, k);
    Packing pk = packing(groups, m, k);
    for (ptrdiff_t i = 0; i < m; i++) {
        const float *x = a + i * lda;
        const ptrdiff_t peel = peel_of(x, k);
        if (groups && pk.scratch)
            groups_avx2(x, w, ldw, groups, k, peel, &cols, 1, packed_for(&pk, w, ldw, groups, k, peel), c + i * ldc);
        else if (groups)
            groups_avx2(x, w, ldw, groups, k, peel, &cols, 0, NULL, c + i * ldc);
        lefts(x, w + groups * ldw, ldw, n - groups, k, peel, c + i * ldc + groups);
    }
}

/// The same on AVX-512 when the pairs are packed (else `rows`).
AVX512 static inline __attribute__((always_inline)) void rows_wide(const int n, ptrdiff_t m, ptrdiff_t k,
                                                                   const float *a, ptrdiff_t lda, const float *w,
                                                                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    const int groups = n - n % 4;
    const Columns cols = columns(w, ldw, groups, k);
    Packing pk = packing(groups, m, k);
    if (!pk.scratch) return rows(n, m, k, a, lda, w, ldw, c, ldc);
    // Rows two at a time when their peels agree: each peel's row waits for the next of its peel.
    const float *waiting[4] = {NULL, NULL, NULL, NULL};
    float *waitingC[4] = {NULL, NULL, NULL, NULL};
    const float *wl = w + groups * ldw;
    for (ptrdiff_t i = 0; i < m; i++) {
        const float *x = a + i * lda;
        const ptrdiff_t peel = peel_of(x, k);
        const float *block = packed_for(&pk, w, ldw, groups, k, peel);
        if (!waiting[peel]) {
            waiting[peel] = x;
            waitingC[peel] = c + i * ldc;
            continue;
        }
        const float *const xs[2] = {waiting[peel], x};
        float *const cs[2] = {waitingC[peel], c + i * ldc};
        groups_avx512(2, xs, groups, k, peel, &cols, block, cs);
        if (n > groups) {
            float *const ls[2] = {cs[0] + groups, cs[1] + groups};
            lefts2(xs, wl, ldw, n - groups, k, peel, ls);
        }
        waiting[peel] = NULL;
    }
    for (int peel = 0; peel < 4; peel++)
        if (waiting[peel]) {
            groups_avx512(1, &waiting[peel], groups, k, peel, &cols, pk.packed[peel], &waitingC[peel]);
            lefts(waiting[peel], wl, ldw, n - groups, k, peel, waitingC[peel] + groups);
        }
}

#define ROWS(N) case N: rows(N, m, k, a, lda, w, ldw, c, ldc); break;
#define ROWS_WIDE(N) case N: rows_wide(N, m, k, a, lda, w, ldw, c, ldc); break;

AVX static void dot_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                         ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    switch (n) { ROWS(2) ROWS(3) ROWS(4) ROWS(5) ROWS(6) ROWS(7) ROWS(8) ROWS(9) ROWS(10) ROWS(11) default: break; }
}

AVX512 static void dot_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                              ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    switch (n) {
        ROWS(2) ROWS(3) ROWS_WIDE(4) ROWS_WIDE(5) ROWS_WIDE(6) ROWS_WIDE(7) ROWS_WIDE(8) ROWS_WIDE(9) ROWS_WIDE(10)
        ROWS_WIDE(11) default: break;
    }
}

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    static int wide = -1;
    if (wide < 0) wide = nnb_sgemm_supported();
    if (wide) dot_avx512(m, n, k, a, lda, w, ldw, c, ldc); else dot_avx2(m, n, k, a, lda, w, ldw, c, ldc);
}

void nnb_sgemm_dot_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                        ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    dot_avx2(m, n, k, a, lda, w, ldw, c, ldc);
}

#else

void nnb_sgemm_dot_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                        ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)w, (void)ldw, (void)c, (void)ldc;
}

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)w, (void)ldw, (void)c, (void)ldc;
}

#endif
