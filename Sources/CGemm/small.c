// nnbook's small float32 GEMM for x86-64 CPUs with AVX2 and FMA (see include/CGemm.h).
//
// Products of a few ten thousand multiply-adds (a minibatch's 64x50 @ 50x10, the lessons'
// 5x784 @ 784x10 and their backward transposes) cost OpenBLAS more in its fixed work per call
// (argument checks, buffer set-up, packing both operands) than in arithmetic. This kernel packs
// nothing: it walks A with any strides, reads rows of B in place, and keeps a 4x16 block of C in
// eight AVX registers, so the multiply-adds are the whole cost.
//
// Each element is summed in the order MKL's sgemm gives it on this kind of product (PyTorch's
// x86 float32 bits; measured against torch, see Tests/NNLangTests/Conformance/
// pytorch_bits.py, section 3):
//   - with at most 11 columns, every row is "narrow": each element a plain chain of
//     multiplies and adds over p (no fused multiply-add), except the first elements of a row of
//     C that does not start on a 16-byte boundary, up to that boundary, when at least 4 columns
//     follow it (`peeled`);
//   - else with at most 11 rows, the rows in whole groups of 4 are fused multiply-add chains and
//     the m % 4 rows after them narrow;
//   - else every row is a fused multiply-add chain.
#include "CGemm.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>
#define AVX __attribute__((target("avx2,fma")))

// Narrow rows must multiply and add separately: keep the compiler from fusing them.
#pragma clang fp contract(off)

/// The widest output, and the most rows, that MKL sums in its narrow order (see above).
#define NARROW_MAX 11

static const int mask_table[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

/// A load mask of the first w lanes (w <= 0: none, w >= 8: all).
AVX static inline __m256i lanes(ptrdiff_t w) {
    if (w <= 0) return _mm256_setzero_si256();
    if (w >= 8) return _mm256_set1_epi32(-1);
    return _mm256_loadu_si256((const __m256i *)(mask_table + 8 - w));
}
/// Stores the first r (0...8) lanes of v at p with at most three plain stores (masked stores
/// are slow microcode on some CPUs).
AVX static inline void store8(float *p, ptrdiff_t r, __m256 v) {
    if (r >= 8) { _mm256_storeu_ps(p, v); return; }
    __m128 x = _mm256_castps256_ps128(v);
    if (r >= 4) { _mm_storeu_ps(p, x); p += 4; x = _mm256_extractf128_ps(v, 1); r -= 4; }
    if (r >= 2) { _mm_storel_pi((__m64 *)p, x); p += 2; x = _mm_movehl_ps(x, x); r -= 2; }
    if (r >= 1) _mm_store_ss(p, x);
}

/// Stores the first w (1...16) lanes of (lo, hi) at p.
AVX static inline void store16(float *p, ptrdiff_t w, __m256 lo, __m256 hi) {
    store8(p, w, lo);
    if (w > 8) store8(p + 8, w - 8, hi);
}

/// An element of a narrow row before its row's 16-byte boundary: p in blocks of 8, the first 4
/// added to the sum one by one, the next 4 summed on their own and that added; the k % 8 left
/// added one by one.
static float peeled(ptrdiff_t k, const float *x, ptrdiff_t acs, const float *y, ptrdiff_t brs) {
    float s = 0.0f;
    ptrdiff_t p = 0;
    for (; p + 8 <= k; p += 8) {
        for (ptrdiff_t q = p; q < p + 4; q++) {
            float t = x[q * acs] * y[q * brs];
            s = s + t;
        }
        float u = x[(p + 4) * acs] * y[(p + 4) * brs];
        for (ptrdiff_t q = p + 5; q < p + 8; q++) {
            float t = x[q * acs] * y[q * brs];
            u = u + t;
        }
        s = s + u;
    }
    for (; p < k; p++) {
        float t = x[p * acs] * y[p * brs];
        s = s + t;
    }
    return s;
}

/// Rows 0 ..< R (1 ... 4) of C, 16 columns at a time: fused multiply-add chains (`fused`), or in
/// the narrow order, chains of multiplies and adds with each row's peeled elements redone after.
/// R and `fused` are constants at each call.
AVX static inline __attribute__((always_inline)) void chain_rows(int R, int fused, ptrdiff_t n, ptrdiff_t k, const float *a,
                                                                 ptrdiff_t ars, ptrdiff_t acs, const float *b, ptrdiff_t brs,
                                                                 float *c, ptrdiff_t ldc) {
    for (ptrdiff_t j0 = 0; j0 < n; j0 += 16) {
        const ptrdiff_t w = n - j0 < 16 ? n - j0 : 16;
        const __m256i m0 = lanes(w), m1 = lanes(w - 8);
        __m256 acc[4][2];
        for (int r = 0; r < R; r++) acc[r][0] = acc[r][1] = _mm256_setzero_ps();
        const float *bp = b + j0;
        for (ptrdiff_t p = 0; p < k; p++, bp += brs) {
            const __m256 b0 = _mm256_maskload_ps(bp, m0), b1 = _mm256_maskload_ps(bp + 8, m1);
            for (int r = 0; r < R; r++) {
                const __m256 x = _mm256_broadcast_ss(a + r * ars + p * acs);
                if (fused) {
                    acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
                    acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
                } else {
                    acc[r][0] = _mm256_add_ps(acc[r][0], _mm256_mul_ps(x, b0));
                    acc[r][1] = _mm256_add_ps(acc[r][1], _mm256_mul_ps(x, b1));
                }
            }
        }
        for (int r = 0; r < R; r++) store16(c + r * ldc + j0, w, acc[r][0], acc[r][1]);
    }
    if (fused) return;
    for (int r = 0; r < R; r++) {
        float *row = c + r * ldc;
        ptrdiff_t peel = (ptrdiff_t)((16 - (uintptr_t)row % 16) % 16) / 4;
        if (n - peel < 4) peel = 0;  // no whole vector after the boundary: all plain chains
        for (ptrdiff_t j = 0; j < peel; j++) row[j] = peeled(k, a + r * ars, acs, b + j, brs);
    }
}

#define AVX512 __attribute__((target("avx512f")))

/// Rows 0 ..< R (1 ... 8) of C in the narrow order on AVX-512, for n <= 16: one register per
/// row. A row before its 16-byte boundary also keeps the peeled order's two sums (s: terms 0-3
/// of each block of 8 and the leftovers; u: terms 4-7, added to s after each block) in the same
/// lanes, and its first `peel` elements are taken from them.
AVX512 static inline __attribute__((always_inline)) void narrow16(int R, ptrdiff_t n, ptrdiff_t k, const float *a,
                                                                  ptrdiff_t ars, ptrdiff_t acs, const float *b,
                                                                  ptrdiff_t brs, float *c, ptrdiff_t ldc) {
    const __mmask16 mk = (__mmask16)((1u << n) - 1);
    __m512 acc[8], sv[8], uv[8];
    ptrdiff_t peel[8];
    int any = 0;
    for (int r = 0; r < R; r++) {
        acc[r] = sv[r] = uv[r] = _mm512_setzero_ps();
        peel[r] = (ptrdiff_t)((16 - (uintptr_t)(c + r * ldc) % 16) % 16) / 4;
        // Fewer than 8 terms, or no whole vector after the boundary: the plain chain.
        if (n - peel[r] < 4 || k < 8) peel[r] = 0;
        any |= peel[r] > 0;
    }
    ptrdiff_t p = 0;
    if (any) {
        for (; p + 8 <= k; p += 8) {
            for (int q = 0; q < 8; q++) {
                const __m512 bv = _mm512_maskz_loadu_ps(mk, b + (p + q) * brs);
                for (int r = 0; r < R; r++) {
                    const __m512 t = _mm512_mul_ps(_mm512_set1_ps(a[r * ars + (p + q) * acs]), bv);
                    acc[r] = _mm512_add_ps(acc[r], t);
                    if (q < 4) sv[r] = _mm512_add_ps(sv[r], t);
                    else uv[r] = q == 4 ? t : _mm512_add_ps(uv[r], t);
                }
            }
            for (int r = 0; r < R; r++) sv[r] = _mm512_add_ps(sv[r], uv[r]);
        }
    }
    for (; p < k; p++) {
        const __m512 bv = _mm512_maskz_loadu_ps(mk, b + p * brs);
        for (int r = 0; r < R; r++) {
            const __m512 t = _mm512_mul_ps(_mm512_set1_ps(a[r * ars + p * acs]), bv);
            acc[r] = _mm512_add_ps(acc[r], t);
            if (any) sv[r] = _mm512_add_ps(sv[r], t);
        }
    }
    for (int r = 0; r < R; r++) {
        const __mmask16 front = (__mmask16)((1u << peel[r]) - 1);
        _mm512_mask_storeu_ps(c + r * ldc, mk, _mm512_mask_blend_ps(front, acc[r], sv[r]));
    }
}

/// Every row of a product with n <= 11 columns in the narrow order, 8 rows at a time.
AVX512 static void narrow_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t ars,
                                 ptrdiff_t acs, const float *b, ptrdiff_t brs, float *c, ptrdiff_t ldc) {
    ptrdiff_t i = 0;
    for (; i + 8 <= m; i += 8) narrow16(8, n, k, a + i * ars, ars, acs, b, brs, c + i * ldc, ldc);
    const float *ai = a + i * ars;
    float *ci = c + i * ldc;
    switch (m - i) {
    case 7: narrow16(7, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 6: narrow16(6, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 5: narrow16(5, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 4: narrow16(4, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 3: narrow16(3, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 2: narrow16(2, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    case 1: narrow16(1, n, k, ai, ars, acs, b, brs, ci, ldc); break;
    default: break;
    }
}

/// Rows i0 ..< i0 + R of C, narrow or fused; R is a constant at each call.
#define ROWS(kind, R, i0) chain_rows(R, kind, n, k, a + (i0) * ars, ars, acs, b, brs, c + (i0) * ldc, ldc)
enum { narrow_order = 0, fused_order = 1 };

AVX static void small_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t ars, ptrdiff_t acs,
                           const float *b, ptrdiff_t brs, float *c, ptrdiff_t ldc) {
    const int narrow = n <= NARROW_MAX;
    ptrdiff_t i0 = 0;
    for (; i0 + 4 <= m; i0 += 4) {
        if (narrow) ROWS(narrow_order, 4, i0);
        else ROWS(fused_order, 4, i0);
    }
    // The m % 4 rows left: narrow with few rows (MKL's remainder kernel), else fused.
    const ptrdiff_t left = m - i0;
    if (left == 0) return;
    if (narrow || m <= NARROW_MAX) {
        switch (left) { case 3: ROWS(narrow_order, 3, i0); break; case 2: ROWS(narrow_order, 2, i0); break; default: ROWS(narrow_order, 1, i0); }
    } else {
        switch (left) { case 3: ROWS(fused_order, 3, i0); break; case 2: ROWS(fused_order, 2, i0); break; default: ROWS(fused_order, 1, i0); }
    }
}

int nnb_sgemm_small_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

void nnb_sgemm_small(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, float *c, ptrdiff_t ldc) {
    // Narrow products on AVX-512: the same chains, one register per row (half the adds).
    static int wide = -1;
    if (wide < 0) wide = nnb_sgemm_supported();
    if (n <= NARROW_MAX && wide) {
        narrow_avx512(m, n, k, a, a_row, a_col, b, b_row, c, ldc);
        return;
    }
    small_avx2(m, n, k, a, a_row, a_col, b, b_row, c, ldc);
}

#else

int nnb_sgemm_small_supported(void) { return 0; }

void nnb_sgemm_small(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)a_row, (void)a_col, (void)b, (void)b_row, (void)c, (void)ldc;
}

#endif
