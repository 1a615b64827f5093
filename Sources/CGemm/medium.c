// nnbook's float32 GEMM for medium products on x86-64 CPUs with AVX2 and FMA (see
// include/CGemm.h). Written for this project; no code is copied.
//
// A minibatch's products (64x784 @ 784x50, 784x64 @ 64x50, 64x50 @ 50x784 and their transposed
// forms) are a few million multiply-adds: too big for small.c's unpacked kernel to keep its
// loads fed, too small for OpenBLAS's blocking and thread start-up to pay off. The scheme:
//
//   for each 16-column panel of B (8 columns for a narrow last one)
//     pack the panel, all k rows, contiguous (transposing 8x8 blocks when B is a transposed
//     view; a full panel of a row-major B is read where it lies)
//     for each tile of up to 6 rows of A (8 for an 8-column panel)
//       keep the tile of C in up to 12 AVX registers, one fused multiply-add chain per element
//       over p = 0, 1, ..., k-1, reading A in place with any strides (a broadcast per row and p)
//
// So each element of C is the left-to-right FMA sum of its k products in MKL's chains (order.h:
// blocks of 192 from zero, added to C in order, two halves for 192 < k < 384),
// whatever the shape, strides or thread count. Threads (pool.c) split the rows of C; each packs the panels
// it uses. The callers keep k small enough for a panel to sit in L2.
#include "CGemm.h"

#if defined(__x86_64__)

#include "order.h"
#include "pool.h"

#include <immintrin.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

// The odd last term is a multiply, then an add: keep the compiler from fusing them.
#pragma clang fp contract(off)

#define AVX __attribute__((target("avx2,fma")))
#define INLINE static inline __attribute__((always_inline))
/// Panel width of the main tiles (two registers) and rows of a tile for it and for the narrow one.
#define NR 16
#define MR_WIDE 6
#define MR_NARROW 8

static const int mask_table[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

/// A load mask of the first w lanes (w <= 0: none, w >= 8: all).
AVX INLINE __m256i lanes(ptrdiff_t w) {
    if (w <= 0) return _mm256_setzero_si256();
    if (w >= 8) return _mm256_set1_epi32(-1);
    return _mm256_loadu_si256((const __m256i *)(mask_table + 8 - w));
}

/// Stores the first r (1...8) lanes of v at p with plain stores.
AVX INLINE void store_lanes(float *p, ptrdiff_t r, __m256 v) {
    if (r >= 8) { _mm256_storeu_ps(p, v); return; }
    __m128 x = _mm256_castps256_ps128(v);
    if (r >= 4) { _mm_storeu_ps(p, x); p += 4; x = _mm256_extractf128_ps(v, 1); r -= 4; }
    if (r >= 2) { _mm_storel_pi((__m64 *)p, x); p += 2; x = _mm_movehl_ps(x, x); r -= 2; }
    if (r >= 1) _mm_store_ss(p, x);
}

/// Writes the 8x8 block whose row i is the 8 floats at s + i * ld, transposed, to dst with row
/// stride w: dst[r * w + i] = s[i * ld + r].
AVX INLINE void transpose8(const float *s, ptrdiff_t ld, float *dst, ptrdiff_t w) {
    __m256 r0 = _mm256_loadu_ps(s), r1 = _mm256_loadu_ps(s + ld), r2 = _mm256_loadu_ps(s + 2 * ld),
           r3 = _mm256_loadu_ps(s + 3 * ld), r4 = _mm256_loadu_ps(s + 4 * ld), r5 = _mm256_loadu_ps(s + 5 * ld),
           r6 = _mm256_loadu_ps(s + 6 * ld), r7 = _mm256_loadu_ps(s + 7 * ld);
    __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
    __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
    __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
    __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
    __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
    __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
    __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
    __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
    _mm256_store_ps(dst + 0 * w, _mm256_permute2f128_ps(u0, u4, 0x20));
    _mm256_store_ps(dst + 1 * w, _mm256_permute2f128_ps(u1, u5, 0x20));
    _mm256_store_ps(dst + 2 * w, _mm256_permute2f128_ps(u2, u6, 0x20));
    _mm256_store_ps(dst + 3 * w, _mm256_permute2f128_ps(u3, u7, 0x20));
    _mm256_store_ps(dst + 4 * w, _mm256_permute2f128_ps(u0, u4, 0x31));
    _mm256_store_ps(dst + 5 * w, _mm256_permute2f128_ps(u1, u5, 0x31));
    _mm256_store_ps(dst + 6 * w, _mm256_permute2f128_ps(u2, u6, 0x31));
    _mm256_store_ps(dst + 7 * w, _mm256_permute2f128_ps(u3, u7, 0x31));
}

/// Packs B(0 ..< k, 0 ..< nr), B(p, j) at b[p * brs + j * bcs], into dst (32-byte aligned) with
/// row stride w (8 or 16): dst[p * w + j], zero for j >= nr.
AVX static void pack_panel(const float *b, ptrdiff_t brs, ptrdiff_t bcs, ptrdiff_t k, ptrdiff_t nr, ptrdiff_t w,
                           float *dst) {
    if (bcs == 1) {
        __m256i m0 = lanes(nr), m1 = lanes(nr - 8);
        for (ptrdiff_t p = 0; p < k; p++) {
            const float *s = b + p * brs;
            _mm256_store_ps(dst + p * w, _mm256_maskload_ps(s, m0));
            if (w == 16) _mm256_store_ps(dst + p * w + 8, _mm256_maskload_ps(s + 8, m1));
        }
        return;
    }
    ptrdiff_t p = 0;
    if (brs == 1 && nr == w) {
        // A transposed view (x @ w.T): B's columns are rows in memory; 8x8 blocks at a time.
        for (; p + 8 <= k; p += 8)
            for (ptrdiff_t j = 0; j < w; j += 8) transpose8(b + p + j * bcs, bcs, dst + p * w + j, w);
    }
    for (; p < k; p++)
        for (ptrdiff_t j = 0; j < w; j++) dst[p * w + j] = j < nr ? b[p * brs + j * bcs] : 0.0f;
}

/// C(0 ..< MR, 0 ..< nr) = A(0 ..< MR, 0 ..< k) * panel (plus C when `add`), the panel NV
/// registers wide with row stride ldb (packed, or B itself). MR and NV are constants at every
/// call, so the accumulators live in registers. k is walked in blocks of `depth`: each block is its
/// own fused multiply-add chain from zero, added to C (the first one stored when not `add`).
AVX INLINE void tile(const int MR, const int NV, ptrdiff_t k, const float *a, ptrdiff_t ars, ptrdiff_t acs,
                     const float *bp, ptrdiff_t ldb, float *c, ptrdiff_t ldc, ptrdiff_t nr, int add,
                     ptrdiff_t depth) {
    __m256 acc[MR_NARROW][2];
    // Fixed row pointers and one moving offset: no chain of pointer bumps inside the loop.
    const float *row[MR_NARROW];
    for (int r = 0; r < MR; r++) row[r] = a + r * ars;
    ptrdiff_t at = 0, k0 = 0;
    const __m256i m0 = lanes(nr), m1 = lanes(nr - 8);
    do {
        const ptrdiff_t kb = k - k0 < depth ? k - k0 : depth;
        for (int r = 0; r < MR; r++)
            for (int v = 0; v < NV; v++) acc[r][v] = _mm256_setzero_ps();
        for (ptrdiff_t p = 0; p < kb; p++) {
            __m256 b0 = _mm256_loadu_ps(bp), b1 = NV == 2 ? _mm256_loadu_ps(bp + 8) : b0;
            for (int r = 0; r < MR; r++) {
                __m256 x = _mm256_broadcast_ss(row[r] + at);
                acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
                if (NV == 2) acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
            }
            at += acs;
            bp += ldb;
        }
        if (add || k0 > 0) {
            for (int r = 0; r < MR; r++) {
                acc[r][0] = _mm256_add_ps(_mm256_maskload_ps(c + r * ldc, m0), acc[r][0]);
                if (NV == 2) acc[r][1] = _mm256_add_ps(_mm256_maskload_ps(c + r * ldc + 8, m1), acc[r][1]);
            }
        }
        if (nr == 8 * NV) {
            for (int r = 0; r < MR; r++)
                for (int v = 0; v < NV; v++) _mm256_storeu_ps(c + r * ldc + 8 * v, acc[r][v]);
        } else {
            for (int r = 0; r < MR; r++) {
                store_lanes(c + r * ldc, nr, acc[r][0]);
                if (NV == 2 && nr > 8) store_lanes(c + r * ldc + 8, nr - 8, acc[r][1]);
            }
        }
        k0 += kb;
    } while (k0 < k);
}

#define WIDE(R) case R: tile(R, 2, k, a, ARS, acs, bp, ldb, c, ldc, nr, add, depth); break;
#define NARROW(R) case R: tile(R, 1, k, a, ARS, acs, bp, ldb, c, ldc, nr, add, depth); break;
#define TILES                                                                                                 \
    if (w == 16) {                                                                                            \
        switch (mr) { WIDE(6) WIDE(5) WIDE(4) WIDE(3) WIDE(2) default: tile(1, 2, k, a, ARS, acs, bp, ldb, c, ldc, nr, add, depth); } \
        return;                                                                                               \
    }                                                                                                         \
    switch (mr) { NARROW(8) NARROW(7) NARROW(6) NARROW(5) NARROW(4) NARROW(3) NARROW(2)                       \
                  default: tile(1, 1, k, a, ARS, acs, bp, ldb, c, ldc, nr, add, depth); }

/// One tile of mr rows (1 ... MR_WIDE for a 16-wide panel, 1 ... MR_NARROW for an 8-wide one).
/// A transposed view (ars == 1, as `x.T @ g` has) gets its own copies: its rows are then
/// neighbours in memory, one pointer reaches them all.
AVX static void tile_any(ptrdiff_t mr, ptrdiff_t w, ptrdiff_t k, const float *a, ptrdiff_t ars, ptrdiff_t acs,
                         const float *bp, ptrdiff_t ldb, float *c, ptrdiff_t ldc, ptrdiff_t nr, int add,
                         ptrdiff_t depth) {
    if (ars == 1) {
#define ARS 1
        TILES
#undef ARS
    } else {
#define ARS ars
        TILES
#undef ARS
    }
}

typedef struct {
    ptrdiff_t m, n, k;
    const float *a;
    ptrdiff_t ars, acs;
    const float *b;
    ptrdiff_t brs, bcs;
    float *c;
    ptrdiff_t ldc;
    /// 1: C += A * B (C holds its start, e.g. a broadcast bias); 0: C = A * B.
    int add;
    /// Depth of the chains (order.h); k here is the terms they cover.
    ptrdiff_t depth;
    /// Set by a thread whose panel buffer could not be allocated.
    _Atomic int failed;
} product_t;

/// Thread t of T: rows m * t / T ..< m * (t + 1) / T of C, every panel.
AVX static void product_part(void *context, int t, int T) {
    product_t *job = context;
    const ptrdiff_t r0 = job->m * t / T, r1 = job->m * (t + 1) / T, k = job->k;
    float *panel = nnb_thread_scratch((size_t)k * NR);
    if (!panel) {
        atomic_store(&job->failed, 1);
        return;
    }
    for (ptrdiff_t j0 = 0; j0 < job->n; j0 += NR) {
        const ptrdiff_t nr = job->n - j0 < NR ? job->n - j0 : NR, w = nr > 8 ? 16 : 8;
        const ptrdiff_t most = w == 16 ? MR_WIDE : MR_NARROW;
        // A full panel of a row-major B is read where it lies (measured: packing a 784x50 B
        // cost ~5 us, more than aligned loads saved); others are packed.
        const int direct = job->bcs == 1 && nr == w;
        if (!direct) pack_panel(job->b + j0 * job->bcs, job->brs, job->bcs, k, nr, w, panel);
        const float *bp = direct ? job->b + j0 : panel;
        const ptrdiff_t ldb = direct ? job->brs : w;
        for (ptrdiff_t i = r0; i < r1;) {
            // Full tiles, but never leave a remainder of fewer than 4 rows behind one: two
            // half tiles keep more multiply-adds in flight than a full one and a sliver.
            ptrdiff_t left = r1 - i, mr = left;
            if (left > most) mr = left < most + 4 ? (left + 1) / 2 : most;
            tile_any(mr, w, k, job->a + i * job->ars, job->ars, job->acs, bp, ldb, job->c + i * job->ldc + j0,
                     job->ldc, nr, job->add, job->depth);
            i += mr;
        }
    }
}

static int medium(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                  const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads, int add) {
    if (m <= 0 || n <= 0) return 0;
    int T = threads < 1 ? 1 : threads;
    // At least one full tile of rows per thread.
    if (T > m / MR_WIDE) T = m / MR_WIDE < 1 ? 1 : (int)(m / MR_WIDE);
    ptrdiff_t depth, chained;
    mkl_chains(k, &depth, &chained);
    product_t job = {m, n, chained, a, a_row, a_col, b, b_row, b_col, c, ldc, add, depth, 0};
    if (T == 1) product_part(&job, 0, 1);
    else nnb_pool_run(T, product_part, &job);
    if (atomic_load(&job.failed)) return -1;
    if (chained < k) nnb_add_last_term(m, n, a + chained * a_col, a_row, b + chained * b_row, b_col, c, ldc);
    return 0;
}

void nnb_add_last_term(ptrdiff_t m, ptrdiff_t n, const float *a, ptrdiff_t ars, const float *b, ptrdiff_t bcs,
                       float *c, ptrdiff_t ldc) {
    for (ptrdiff_t i = 0; i < m; i++) {
        const float x = a[i * ars];
        float *row = c + i * ldc;
        for (ptrdiff_t j = 0; j < n; j++) {
            const float t = x * b[j * bcs];
            row[j] = row[j] + t;
        }
    }
}

int nnb_sgemm_medium(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    return medium(m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, threads, 0);
}

int nnb_sgemm_medium_add(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                         const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    return medium(m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, threads, 1);
}

#else

int nnb_sgemm_medium(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    (void)m, (void)n, (void)k, (void)a, (void)a_row, (void)a_col, (void)b, (void)b_row, (void)b_col, (void)c;
    (void)ldc, (void)threads;
    return -1;
}

int nnb_sgemm_medium_add(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                         const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    return nnb_sgemm_medium(m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, threads);
}

#endif
