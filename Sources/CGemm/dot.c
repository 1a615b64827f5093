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

/// Four columns j ..< j + 4 of row x: 4 lanes each, x's loads shared.
AVX static void four(const float *x, const float *w, ptrdiff_t ldw, ptrdiff_t k, ptrdiff_t peel, float *c) {
    const float *y0 = w, *y1 = w + ldw, *y2 = w + 2 * ldw, *y3 = w + 3 * ldw;
    __m128 a0 = _mm_set_ss(head(x, y0, peel)), a1 = _mm_set_ss(head(x, y1, peel));
    __m128 a2 = _mm_set_ss(head(x, y2, peel)), a3 = _mm_set_ss(head(x, y3, peel));
    const ptrdiff_t end = peel + (k - peel) / 4 * 4;
    for (ptrdiff_t p = peel; p < end; p += 4) {
        __m128 v = _mm_load_ps(x + p);
        a0 = _mm_add_ps(a0, _mm_mul_ps(v, _mm_loadu_ps(y0 + p)));
        a1 = _mm_add_ps(a1, _mm_mul_ps(v, _mm_loadu_ps(y1 + p)));
        a2 = _mm_add_ps(a2, _mm_mul_ps(v, _mm_loadu_ps(y2 + p)));
        a3 = _mm_add_ps(a3, _mm_mul_ps(v, _mm_loadu_ps(y3 + p)));
    }
    c[0] = tail(sum4(a0), x, y0, end, k);
    c[1] = tail(sum4(a1), x, y1, end, k);
    c[2] = tail(sum4(a2), x, y2, end, k);
    c[3] = tail(sum4(a3), x, y3, end, k);
}

/// One column of row x: 8 lanes.
AVX static float one(const float *x, const float *y, ptrdiff_t k, ptrdiff_t peel) {
    __m256 a = _mm256_castps128_ps256(_mm_set_ss(head(x, y, peel)));
    a = _mm256_insertf128_ps(a, _mm_setzero_ps(), 1);
    const ptrdiff_t end = peel + (k - peel) / 8 * 8;
    for (ptrdiff_t p = peel; p < end; p += 8)
        a = _mm256_add_ps(a, _mm256_mul_ps(_mm256_loadu_ps(x + p), _mm256_loadu_ps(y + p)));
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    return tail(sum4(h), x, y, end, k);
}

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    const ptrdiff_t groups = n - n % 4;
    for (ptrdiff_t i = 0; i < m; i++) {
        const float *x = a + i * lda;
        ptrdiff_t peel = (ptrdiff_t)((16 - (uintptr_t)x % 16) % 16) / 4;
        if (peel > k) peel = k;
        float *row = c + i * ldc;
        for (ptrdiff_t j = 0; j < groups; j += 4) four(x, w + j * ldw, ldw, k, peel, row + j);
        for (ptrdiff_t j = groups; j < n; j++) row[j] = one(x, w + j * ldw, k, peel);
    }
}

#else

void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc) {
    (void)m, (void)n, (void)k, (void)a, (void)lda, (void)w, (void)ldw, (void)c, (void)ldc;
}

#endif
