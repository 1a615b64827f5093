// Internal to CGemm: how MKL's AVX2 sgemm cuts the shared dimension k into fused multiply-add
// chains (measured against PyTorch's x86 build), shared by the medium kernel (medium.c) and the
// AVX-512 kernel's ordered mode (sgemm.c). Not part of the module's interface.
//
//   k <= 192        one chain;
//   192 < k < 384   two chains of k / 2 (rounded down), the second added to the first, and for
//                   an odd k the last term added on its own (a multiply, then an add);
//   k >= 384        chains of 192 (the last shorter), added in order.
//
// Every chain starts from zero and is added to C (or stored, for the first chain of C = A * B).
#ifndef NNBOOK_CGEMM_ORDER_H
#define NNBOOK_CGEMM_ORDER_H

#include <stddef.h>

/// Depth of MKL's AVX2 chains for long k.
#define MKL_KC 192

/// The depth of every chain but the last for a k-term sum, and how many terms the chains cover
/// (k, or k - 1 when the last term is added on its own).
static inline void mkl_chains(ptrdiff_t k, ptrdiff_t *depth, ptrdiff_t *chained) {
    if (k > MKL_KC && k < 2 * MKL_KC) {
        *depth = k / 2;
        *chained = 2 * (k / 2);
    } else {
        *depth = MKL_KC;
        *chained = k;
    }
}

/// C(i, j) += A(i, p) * B(p, j) for one p, multiplied then added (rows 0 ..< m, columns
/// 0 ..< n; a points at A(0, p), b at B(p, 0)): the odd last term of a 192 < k < 384 sum.
__attribute__((visibility("hidden"))) void nnb_add_last_term(ptrdiff_t m, ptrdiff_t n, const float *a, ptrdiff_t ars,
                                                             const float *b, ptrdiff_t bcs, float *c, ptrdiff_t ldc);

#endif
