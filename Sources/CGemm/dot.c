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
#include "CGemm.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <stdint.h>

// The order above has no fused multiply-add anywhere: keep the compiler from making any.
#pragma clang fp contract(off)

#define AVX __attribute__((target("avx2")))

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

/// (l0 + l2) + (l1 + l3).
AVX static inline float sum4(__m128 v) {
    __m128 h = _mm_add_ps(v, _mm_movehl_ps(v, v));
    return _mm_cvtss_f32(_mm_add_ss(h, _mm_shuffle_ps(h, h, 1)));
}

/// Row x of C, every column at once (n <= 11: up to 2 groups of 4 columns with 4 lanes each,
/// up to 3 more with 8): p advances 8 at a time through all the chains, so the adds of up to
/// 11 independent chains overlap. Each chain sees its terms in the order described above.
AVX static inline __attribute__((always_inline)) void row(const float *x, const float *w, ptrdiff_t ldw,
                                                          const int n, ptrdiff_t k, ptrdiff_t peel, float *c) {
    const int groups = n - n % 4, left = n - groups;
    __m128 g[8];
    __m256 r[3];
    for (int j = 0; j < groups; j++) g[j] = _mm_set_ss(head(x, w + j * ldw, peel));
    for (int t = 0; t < left; t++)
        r[t] = _mm256_castps128_ps256(_mm_set_ss(head(x, w + (groups + t) * ldw, peel)));
    for (int t = 0; t < left; t++) r[t] = _mm256_insertf128_ps(r[t], _mm_setzero_ps(), 1);
    const ptrdiff_t end4 = peel + (k - peel) / 4 * 4, end8 = peel + (k - peel) / 8 * 8;
    ptrdiff_t p = peel;
    for (; p < end8; p += 8) {
        const __m128 lo = _mm_load_ps(x + p), hi = _mm_load_ps(x + p + 4);
        for (int j = 0; j < groups; j++) {
            const float *y = w + j * ldw + p;
            g[j] = _mm_add_ps(g[j], _mm_mul_ps(lo, _mm_loadu_ps(y)));
            g[j] = _mm_add_ps(g[j], _mm_mul_ps(hi, _mm_loadu_ps(y + 4)));
        }
        const __m256 v = _mm256_set_m128(hi, lo);
        for (int t = 0; t < left; t++)
            r[t] = _mm256_add_ps(r[t], _mm256_mul_ps(v, _mm256_loadu_ps(w + (groups + t) * ldw + p)));
    }
    if (p < end4) {
        const __m128 lo = _mm_load_ps(x + p);
        for (int j = 0; j < groups; j++) g[j] = _mm_add_ps(g[j], _mm_mul_ps(lo, _mm_loadu_ps(w + j * ldw + p)));
    }
    for (int j = 0; j < groups; j++) c[j] = tail(sum4(g[j]), x, w + j * ldw, end4, k);
    for (int t = 0; t < left; t++) {
        const __m128 h = _mm_add_ps(_mm256_castps256_ps128(r[t]), _mm256_extractf128_ps(r[t], 1));
        c[groups + t] = tail(sum4(h), x, w + (groups + t) * ldw, end8, k);
    }
}

/// Every row of C with n a constant (so the chains live in registers).
AVX static inline __attribute__((always_inline)) void rows(const int n, ptrdiff_t m, ptrdiff_t k, const float *a,
                                                           ptrdiff_t lda, const float *w, ptrdiff_t ldw, float *c,
                                                           ptrdiff_t ldc) {
    for (ptrdiff_t i = 0; i < m; i++) {
        const float *x = a + i * lda;
        ptrdiff_t peel = (ptrdiff_t)((16 - (uintptr_t)x % 16) % 16) / 4;
        if (peel > k) peel = k;
        row(x, w, ldw, n, k, peel, c + i * ldc);
    }
}

#define ROWS(N) case N: rows(N, m, k, a, lda, w, ldw, c, ldc); break;

AVX static void dot_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                         ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    switch (n) { ROWS(2) ROWS(3) ROWS(4) ROWS(5) ROWS(6) ROWS(7) ROWS(8) ROWS(9) ROWS(10) ROWS(11) default: break; }
}

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    dot_avx2(m, n, k, a, lda, w, ldw, c, ldc);
}

#else

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)w, (void)ldw, (void)c, (void)ldc;
}

#endif
