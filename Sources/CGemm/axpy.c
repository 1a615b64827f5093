// out = a + alpha * b, each element one fused multiply-add (one rounding), as PyTorch's CPU
// `add(b, alpha=...)` computes it: the optimizers' step. Eight lanes at a time on CPUs with
// AVX2 and FMA; fmaf otherwise, which gives the same bits.
#include "CGemm.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2,fma")))
static void fused_add_avx2(ptrdiff_t n, const float *a, const float *b, float alpha, float *out) {
    __m256 s = _mm256_set1_ps(alpha);
    ptrdiff_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 x0 = _mm256_fmadd_ps(s, _mm256_loadu_ps(b + i), _mm256_loadu_ps(a + i));
        __m256 x1 = _mm256_fmadd_ps(s, _mm256_loadu_ps(b + i + 8), _mm256_loadu_ps(a + i + 8));
        _mm256_storeu_ps(out + i, x0);
        _mm256_storeu_ps(out + i + 8, x1);
    }
    for (; i < n; i++) out[i] = fmaf(alpha, b[i], a[i]);
}
#endif

void nnb_fused_add(ptrdiff_t n, const float *a, const float *b, float alpha, float *out) {
#if defined(__x86_64__)
    if (nnb_sgemm_small_supported()) {
        fused_add_avx2(n, a, b, alpha, out);
        return;
    }
#endif
    for (ptrdiff_t i = 0; i < n; i++) out[i] = fmaf(alpha, b[i], a[i]);
}
