// nnbook's own single-precision GEMMs: a packed AVX-512 kernel for big products
// (Sources/CGemm/sgemm.c), an unpacked AVX2 kernel for small ones (small.c), a B-packed AVX2
// kernel for medium ones (medium.c, threads from pool.c) and MKL's dot-product order for
// narrow x @ w.T (dot.c); and the fused multiply-add the
// optimizers step with (axpy.c).
// Only Sources/Tensors/Tensor+Matmul.swift calls it; no pointer it takes is kept after return.
#ifndef NNBOOK_CGEMM_H
#define NNBOOK_CGEMM_H

#include <stddef.h>

/// 1 when this CPU runs the AVX-512 kernel (AVX-512F + FMA), else 0: callers then use BLAS.
int nnb_sgemm_supported(void);

/// The thread count the caller keeps for nnb_sgemm (1 until set; the Swift side passes it).
int nnb_sgemm_threads(void);

/// Sets that count (clamped to 1 ... 64).
void nnb_sgemm_set_threads(int threads);

/// C = A * B for float32. A is m x k with element (i, p) at a[i * a_row + p * a_col]; B is k x n
/// with element (p, j) at b[p * b_row + j * b_col] (any strides, zero included); C is m x n
/// row-major with row stride ldc (>= n) and is overwritten. `threads` workers at most (>= 1).
/// Returns 0, or -1 when its buffers could not be allocated (C is then untouched).
/// Only call when nnb_sgemm_supported() returned 1.
int nnb_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
               const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
               const float *b, ptrdiff_t b_row, ptrdiff_t b_col,
               float *c, ptrdiff_t ldc, int threads);

/// nnb_sgemm with k cut in MKL's chains (slices of exactly 192, the last shorter; two halves
/// and an odd last term for 192 < k < 384), each a fused multiply-add chain from zero added to C
/// in turn, so each element has nnb_sgemm_medium's bits (MKL's AVX2 order), at AVX-512 speed; with `add`, C holds each element's start (addmm's bias) as in
/// nnb_sgemm_medium_add. Returns 0, or -1 when its buffers could not be allocated (C untouched).
/// Only call when nnb_sgemm_supported() returned 1.
int nnb_sgemm_ordered(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                      const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads, int add);

/// 1 when this CPU runs nnb_sgemm_small (x86-64 with AVX2 and FMA), else 0.
int nnb_sgemm_small_supported(void);

/// C = A * B for float32 without packing, for small products. A is m x k with element (i, p) at
/// a[i * a_row + p * a_col] (any strides); B is k x n with element (p, j) at b[p * b_row + j]
/// (unit column stride); C is m x n row-major with row stride ldc and is overwritten.
/// Only call when nnb_sgemm_small_supported() returned 1.
void nnb_sgemm_small(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, float *c, ptrdiff_t ldc);

/// C = A * B for float32 products of up to a few million multiply-adds (minibatch shapes), with
/// AVX2 and FMA: B is packed 16 columns at a time, A read in place. A is m x k with element
/// (i, p) at a[i * a_row + p * a_col]; B is k x n with element (p, j) at b[p * b_row + j * b_col]
/// (any strides); C is m x n row-major with row stride ldc and is overwritten. Each element is
/// a fused multiply-add chain over p = 0 ..< k in order, restarted from zero every 192 p with
/// the chains added up in order (two halves and an odd last term multiplied and added on its own
/// for 192 < k < 384: MKL's AVX2 sgemm blocking, so PyTorch's bits), so the result
/// does not depend on `threads` (the most threads to split C's rows between; >= 1). Returns 0, or -1 when a
/// thread's buffer could not be allocated (C is then partly written: do the product again).
/// Only call when nnb_sgemm_small_supported() returned 1.
int nnb_sgemm_medium(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                     const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads);

/// nnb_sgemm_medium's C += A * B: C holds the start of every element (addmm's broadcast bias,
/// which MKL adds first), each 192-deep chain is added to it in turn.
int nnb_sgemm_medium_add(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                         const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads);

/// C = A * W^T for float32 with 2 to 11 columns, in MKL's order for such products (dot.c): A is
/// m x k with rows contiguous (element (i, p) at a[i * lda + p]), W is n x k with rows
/// contiguous (w[j * ldw + p]); C is m x n row-major with row stride ldc and is overwritten.
/// Each element depends on its A row's address modulo 16 (MKL's too).
/// Only call when nnb_sgemm_small_supported() returned 1.
void nnb_sgemm_dot(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                   ptrdiff_t ldw, float *c, ptrdiff_t ldc);

/// nnb_sgemm_dot on its AVX2 path whatever the CPU (AVX-512 CPUs run the same order 512 bits
/// wide); for tests that the two give the same bits.
void nnb_sgemm_dot_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t lda, const float *w,
                        ptrdiff_t ldw, float *c, ptrdiff_t ldc);

/// out[i] = a[i] + alpha * b[i] for i < n, each a single fused multiply-add (fmaf's bits), as
/// PyTorch's `a.add(b, alpha=alpha)`. The arrays are contiguous; out may be a or b.
void nnb_fused_add(ptrdiff_t n, const float *a, const float *b, float alpha, float *out);

#endif
