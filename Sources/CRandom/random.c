// MT19937 in bulk and PyTorch's vectorised Box-Muller (see include/CRandom.h).
//
// The Box-Muller transform must equal what PyTorch's CPU build computes: its AVX2 kernel
// evaluates the Cephes float32 log and sincos polynomials, and its compiler fuses some of their
// multiply-adds into FMA instructions. Every `fmadd` below stands exactly where that build has
// one, and every other step is a separate rounding; this file is compiled with
// -ffp-contract=off so our compiler adds no fusion of its own.
#include "CRandom.h"

#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NNB_X86 1
#define NNB_AVX2 __attribute__((target("avx2")))
#define NNB_AVX2_FMA __attribute__((target("avx2,fma")))
#endif

enum { MT_N = 624, MT_M = 397 };
static const uint32_t MT_UPPER = 0x80000000u, MT_LOWER = 0x7fffffffu, MT_MATRIX_A = 0x9908b0dfu;

// MARK: MT19937

/// The new word i from words i, i + 1 and i + 397 (mod 624).
static inline uint32_t mt_mix(uint32_t cur, uint32_t next, uint32_t far) {
    uint32_t y = (cur & MT_UPPER) | (next & MT_LOWER);
    return far ^ (y >> 1) ^ ((0u - (y & 1u)) & MT_MATRIX_A);
}

static inline uint32_t mt_temper(uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static void twist_scalar(uint32_t *s) {
    for (int i = 0; i < MT_N - MT_M; i++) s[i] = mt_mix(s[i], s[i + 1], s[i + MT_M]);
    for (int i = MT_N - MT_M; i < MT_N - 1; i++) s[i] = mt_mix(s[i], s[i + 1], s[i + MT_M - MT_N]);
    s[MT_N - 1] = mt_mix(s[MT_N - 1], s[0], s[MT_M - 1]);
}

static void temper_scalar(const uint32_t *s, float *out, ptrdiff_t count) {
    for (ptrdiff_t j = 0; j < count; j++) out[j] = (float)(mt_temper(s[j]) & 0xffffffu) * 0x1p-24f;
}

#ifdef NNB_X86
/// Eight new words at once. Words i + 1 ... i + 8 are read before i ... i + 7 are stored, and
/// the far words are either all old (first range) or all already new (second range), as in the
/// one-at-a-time loop, because 227 > 8.
NNB_AVX2 static inline void twist8(uint32_t *s, int i, int far) {
    const __m256i upper = _mm256_set1_epi32((int)MT_UPPER), lower = _mm256_set1_epi32((int)MT_LOWER);
    const __m256i one = _mm256_set1_epi32(1), matrix = _mm256_set1_epi32((int)MT_MATRIX_A);
    __m256i cur = _mm256_loadu_si256((const __m256i *)(s + i));
    __m256i next = _mm256_loadu_si256((const __m256i *)(s + i + 1));
    __m256i f = _mm256_loadu_si256((const __m256i *)(s + far));
    __m256i y = _mm256_or_si256(_mm256_and_si256(cur, upper), _mm256_and_si256(next, lower));
    __m256i odd = _mm256_sub_epi32(_mm256_setzero_si256(), _mm256_and_si256(y, one));
    __m256i v = _mm256_xor_si256(_mm256_xor_si256(f, _mm256_srli_epi32(y, 1)), _mm256_and_si256(odd, matrix));
    _mm256_storeu_si256((__m256i *)(s + i), v);
}

NNB_AVX2 static void twist_avx2(uint32_t *s) {
    int i = 0;
    for (; i + 8 <= MT_N - MT_M; i += 8) twist8(s, i, i + MT_M);
    for (; i < MT_N - MT_M; i++) s[i] = mt_mix(s[i], s[i + 1], s[i + MT_M]);
    for (; i + 8 <= MT_N - 1; i += 8) twist8(s, i, i + MT_M - MT_N);
    for (; i < MT_N - 1; i++) s[i] = mt_mix(s[i], s[i + 1], s[i + MT_M - MT_N]);
    s[MT_N - 1] = mt_mix(s[MT_N - 1], s[0], s[MT_M - 1]);
}

NNB_AVX2 static void temper_avx2(const uint32_t *s, float *out, ptrdiff_t count) {
    const __m256i b1 = _mm256_set1_epi32((int)0x9d2c5680u), b2 = _mm256_set1_epi32((int)0xefc60000u);
    const __m256i low24 = _mm256_set1_epi32(0xffffff);
    const __m256 scale = _mm256_set1_ps(0x1p-24f);
    ptrdiff_t j = 0;
    for (; j + 8 <= count; j += 8) {
        __m256i y = _mm256_loadu_si256((const __m256i *)(s + j));
        y = _mm256_xor_si256(y, _mm256_srli_epi32(y, 11));
        y = _mm256_xor_si256(y, _mm256_and_si256(_mm256_slli_epi32(y, 7), b1));
        y = _mm256_xor_si256(y, _mm256_and_si256(_mm256_slli_epi32(y, 15), b2));
        y = _mm256_xor_si256(y, _mm256_srli_epi32(y, 18));
        // Exact: a 24-bit integer converts exactly and 2^-24 only moves the exponent.
        _mm256_storeu_ps(out + j, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_and_si256(y, low24)), scale));
    }
    temper_scalar(s + j, out + j, count - j);
}
#endif

static int has_avx2(void) {
#ifdef NNB_X86
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return cached;
#else
    return 0;
#endif
}

int nnb_random_simd_supported(void) {
#ifdef NNB_X86
    return has_avx2() && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

void nnb_mt_twist(uint32_t *state) {
#ifdef NNB_X86
    if (has_avx2()) { twist_avx2(state); return; }
#endif
    twist_scalar(state);
}

void nnb_mt_uniform_floats(uint32_t *state, int *index, float *out, ptrdiff_t count) {
    ptrdiff_t i = 0;
    int k = *index;
    int avx2 = has_avx2();
    while (i < count) {
        if (k >= MT_N) {
            nnb_mt_twist(state);
            k = 0;
        }
        ptrdiff_t run = count - i < MT_N - k ? count - i : MT_N - k;
#ifdef NNB_X86
        if (avx2) temper_avx2(state + k, out + i, run);
        else temper_scalar(state + k, out + i, run);
#else
        (void)avx2;
        temper_scalar(state + k, out + i, run);
#endif
        i += run;
        k += (int)run;
    }
    *index = k;
}

// MARK: Box-Muller

#ifdef NNB_X86
#define PS(v) _mm256_set1_ps((float)(v))
#define PI32(v) _mm256_set1_epi32(v)

/// Natural log of lanes in (0, 1]: Cephes' float polynomial.
NNB_AVX2_FMA static inline __m256 log8(__m256 x) {
    const __m256 one = PS(1.0);
    x = _mm256_max_ps(x, _mm256_castsi256_ps(PI32(0x00800000)));
    __m256i exponent = _mm256_srli_epi32(_mm256_castps_si256(x), 23);
    x = _mm256_and_ps(x, _mm256_castsi256_ps(PI32(~0x7f800000)));
    x = _mm256_or_ps(x, PS(0.5));
    exponent = _mm256_sub_epi32(exponent, PI32(0x7f));
    __m256 e = _mm256_add_ps(_mm256_cvtepi32_ps(exponent), one);
    __m256 small = _mm256_cmp_ps(x, PS(0.707106781186547524), _CMP_LT_OS);
    __m256 tmp = _mm256_and_ps(x, small);
    x = _mm256_sub_ps(x, one);
    e = _mm256_sub_ps(e, _mm256_and_ps(one, small));
    x = _mm256_add_ps(x, tmp);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = _mm256_fmadd_ps(PS(7.0376836292E-2), x, PS(-1.1514610310E-1));
    y = _mm256_fmadd_ps(y, x, PS(1.1676998740E-1));
    y = _mm256_fmadd_ps(y, x, PS(-1.2420140846E-1));
    y = _mm256_fmadd_ps(y, x, PS(1.4249322787E-1));
    y = _mm256_fmadd_ps(y, x, PS(-1.6668057665E-1));
    y = _mm256_fmadd_ps(y, x, PS(2.0000714765E-1));
    y = _mm256_fmadd_ps(y, x, PS(-2.4999993993E-1));
    y = _mm256_fmadd_ps(y, x, PS(3.3333331174E-1));
    y = _mm256_mul_ps(y, x);
    y = _mm256_fmadd_ps(y, z, _mm256_mul_ps(e, PS(-2.12194440e-4)));
    y = _mm256_fnmadd_ps(z, PS(0.5), y);
    x = _mm256_add_ps(x, y);
    return _mm256_fmadd_ps(e, PS(0.693359375), x);
}

/// Sine and cosine of 8 lanes: octant reduction in three steps, then Cephes' two polynomials.
NNB_AVX2_FMA static inline void sincos8(__m256 x, __m256 *sin_out, __m256 *cos_out) {
    const __m256 sign_mask = _mm256_castsi256_ps(PI32((int)0x80000000));
    __m256 sign_sin = _mm256_and_ps(x, sign_mask);
    x = _mm256_andnot_ps(sign_mask, x);
    __m256 y = _mm256_mul_ps(x, PS(1.27323954473516));
    __m256i j = _mm256_cvttps_epi32(y);
    j = _mm256_and_si256(_mm256_add_epi32(j, PI32(1)), PI32(~1));
    y = _mm256_cvtepi32_ps(j);
    __m256 swap_sin = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_and_si256(j, PI32(4)), 29));
    __m256 poly_mask = _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(j, PI32(2)), _mm256_setzero_si256()));
    x = _mm256_fmadd_ps(y, PS(-0.78515625), x);
    x = _mm256_fmadd_ps(y, PS(-2.4187564849853515625e-4), x);
    x = _mm256_fmadd_ps(y, PS(-3.77489497744594108e-8), x);
    __m256i jc = _mm256_andnot_si256(_mm256_sub_epi32(j, PI32(2)), PI32(4));
    __m256 sign_cos = _mm256_castsi256_ps(_mm256_slli_epi32(jc, 29));
    sign_sin = _mm256_xor_ps(sign_sin, swap_sin);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 c = _mm256_fmadd_ps(PS(2.443315711809948E-005), z, PS(-1.388731625493765E-003));
    c = _mm256_fmadd_ps(c, z, PS(4.166664568298827E-002));
    c = _mm256_mul_ps(c, z);
    c = _mm256_fmsub_ps(c, z, _mm256_mul_ps(z, PS(0.5)));
    c = _mm256_add_ps(c, PS(1.0));
    __m256 s = _mm256_fmadd_ps(PS(-1.9515295891E-4), z, PS(8.3321608736E-3));
    s = _mm256_fmadd_ps(s, z, PS(-1.6666654611E-1));
    s = _mm256_mul_ps(s, z);
    s = _mm256_fmadd_ps(s, x, x);
    __m256 sin_part = _mm256_and_ps(poly_mask, s);
    __m256 cos_part = _mm256_andnot_ps(poly_mask, c);
    s = _mm256_sub_ps(s, sin_part);
    c = _mm256_sub_ps(c, cos_part);
    *sin_out = _mm256_xor_ps(_mm256_add_ps(cos_part, sin_part), sign_sin);
    *cos_out = _mm256_xor_ps(_mm256_add_ps(c, s), sign_cos);
}

NNB_AVX2_FMA static void normal_fill16_avx2(float *data, ptrdiff_t blocks, float mean, float std) {
    const __m256 vmean = _mm256_set1_ps(mean), vstd = _mm256_set1_ps(std);
    const __m256 two_pi = PS(2.0 * 3.14159265358979323846), one = PS(1.0), minus_two = PS(-2.0);
    for (ptrdiff_t b = 0; b < blocks; b++) {
        float *p = data + 16 * b;
        __m256 u1 = _mm256_sub_ps(one, _mm256_loadu_ps(p));
        __m256 u2 = _mm256_loadu_ps(p + 8);
        __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(minus_two, log8(u1)));
        __m256 theta = _mm256_mul_ps(two_pi, u2);
        __m256 s, c;
        sincos8(theta, &s, &c);
        _mm256_storeu_ps(p, _mm256_fmadd_ps(_mm256_mul_ps(radius, c), vstd, vmean));
        _mm256_storeu_ps(p + 8, _mm256_fmadd_ps(_mm256_mul_ps(radius, s), vstd, vmean));
    }
}
#endif

void nnb_normal_fill16(float *data, ptrdiff_t blocks, float mean, float std) {
#ifdef NNB_X86
    normal_fill16_avx2(data, blocks, mean, std);
#else
    (void)data, (void)blocks, (void)mean, (void)std;
#endif
}

// MARK: uniform_ with bounds

#ifdef NNB_X86
NNB_AVX2_FMA static void uniform_scale_fma(float *data, ptrdiff_t count, float from, float to) {
    const __m256 vfrom = _mm256_set1_ps(from), vto = _mm256_set1_ps(to), width = _mm256_set1_ps(to - from);
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 v = _mm256_fmadd_ps(_mm256_loadu_ps(data + i), width, vfrom);
        v = _mm256_blendv_ps(v, vfrom, _mm256_cmp_ps(v, vto, _CMP_EQ_OQ));
        _mm256_storeu_ps(data + i, v);
    }
    for (; i < count; i++) {
        float v = fmaf(data[i], to - from, from);
        data[i] = v == to ? from : v;
    }
}
#endif

void nnb_uniform_scale(float *data, ptrdiff_t count, float from, float to) {
#ifdef NNB_X86
    if (nnb_random_simd_supported()) { uniform_scale_fma(data, count, from, to); return; }
#endif
    // fmaf is correctly rounded on every libm, with or without an FMA instruction.
    for (ptrdiff_t i = 0; i < count; i++) {
        float v = fmaf(data[i], to - from, from);
        data[i] = v == to ? from : v;
    }
}
