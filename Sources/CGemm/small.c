// nnbook's small float32 GEMM for x86-64 CPUs with AVX2 and FMA (see include/CGemm.h).
//
// Products of a few ten thousand multiply-adds (a minibatch's 64x50 @ 50x10, the lessons'
// 5x784 @ 784x10 and their backward transposes) cost OpenBLAS more in its fixed work per call
// (argument checks, buffer set-up, packing both operands) than in arithmetic. This kernel packs
// nothing: it walks A with any strides, reads rows of B in place, and keeps a 4x16 block of C in
// eight AVX registers, so the multiply-adds are the whole cost.
#include "CGemm.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define AVX __attribute__((target("avx2,fma")))

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

AVX static void small_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t ars, ptrdiff_t acs,
                     const float *b, ptrdiff_t brs, float *c, ptrdiff_t ldc) {
    for (ptrdiff_t j0 = 0; j0 < n; j0 += 16) {
        ptrdiff_t w = n - j0 < 16 ? n - j0 : 16;
        __m256i m0 = lanes(w), m1 = lanes(w - 8);
        ptrdiff_t i0 = 0;
        for (; i0 + 4 <= m; i0 += 4) {
            __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
            const float *ap = a + i0 * ars, *bp = b + j0;
            for (ptrdiff_t p = 0; p < k; p++) {
                __m256 b0 = _mm256_maskload_ps(bp, m0), b1 = _mm256_maskload_ps(bp + 8, m1);
                __m256 x = _mm256_broadcast_ss(ap);
                c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
                x = _mm256_broadcast_ss(ap + ars);
                c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
                x = _mm256_broadcast_ss(ap + 2 * ars);
                c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
                x = _mm256_broadcast_ss(ap + 3 * ars);
                c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
                ap += acs; bp += brs;
            }
            float *cp = c + i0 * ldc + j0;
            store16(cp, w, c00, c01);
            store16(cp + ldc, w, c10, c11);
            store16(cp + 2 * ldc, w, c20, c21);
            store16(cp + 3 * ldc, w, c30, c31);
        }
        for (; i0 < m; i0++) {
            // One row: two accumulator pairs over alternate p hide the FMA latency.
            __m256 e0 = _mm256_setzero_ps(), e1 = e0, o0 = e0, o1 = e0;
            const float *ap = a + i0 * ars, *bp = b + j0;
            ptrdiff_t p = 0;
            for (; p + 2 <= k; p += 2) {
                __m256 x = _mm256_broadcast_ss(ap), y = _mm256_broadcast_ss(ap + acs);
                e0 = _mm256_fmadd_ps(x, _mm256_maskload_ps(bp, m0), e0);
                e1 = _mm256_fmadd_ps(x, _mm256_maskload_ps(bp + 8, m1), e1);
                o0 = _mm256_fmadd_ps(y, _mm256_maskload_ps(bp + brs, m0), o0);
                o1 = _mm256_fmadd_ps(y, _mm256_maskload_ps(bp + brs + 8, m1), o1);
                ap += 2 * acs; bp += 2 * brs;
            }
            if (p < k) {
                __m256 x = _mm256_broadcast_ss(ap);
                e0 = _mm256_fmadd_ps(x, _mm256_maskload_ps(bp, m0), e0);
                e1 = _mm256_fmadd_ps(x, _mm256_maskload_ps(bp + 8, m1), e1);
            }
            store16(c + i0 * ldc + j0, w, _mm256_add_ps(e0, o0), _mm256_add_ps(e1, o1));
        }
    }
}

int nnb_sgemm_small_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

void nnb_sgemm_small(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, float *c, ptrdiff_t ldc) {
    small_avx2(m, n, k, a, a_row, a_col, b, b_row, c, ldc);
}

#else

int nnb_sgemm_small_supported(void) { return 0; }

void nnb_sgemm_small(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)a_row, (void)a_col, (void)b, (void)b_row, (void)c, (void)ldc;
}

#endif
