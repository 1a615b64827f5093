// Internal to CGemm: the blocking constants shared by the kernel (kernel.c) and the driver
// (sgemm.c), and the kernel's entry points. Not part of the module's interface.
#ifndef NNBOOK_CGEMM_BLOCKING_H
#define NNBOOK_CGEMM_BLOCKING_H

#include <stddef.h>

/// The register tile: MR rows x NR columns of C in 28 zmm accumulators, plus two for B's row and
/// one for a broadcast value: 31 of the 32 registers.
#define MR 14
#define NV 2
#define NR (16 * NV)
/// Depth of a slice: long runs of multiply-adds per load and store of C's tile (tuned on a
/// Zen 5: 1024 beat 256-768; the B panel then lives in L2, not L1).
#define KC 1024
/// Row stride of a row-layout A panel: KC plus a cache line, so the MR rows of a panel do not
/// fall on the same few L1 sets.
#define KCP (KC + 16)
/// Rows of A packed at a time (6 panels, about 350 KB: L2-resident beside B's panel).
#define MC (MR * 6)
/// Columns of B packed at a time (with KC, an 8 MB slice at most).
#define NC 2048

#define AVX512 __attribute__((target("avx512f,avx512vl,fma")))
#define HIDDEN __attribute__((visibility("hidden")))

/// The first mr rows and nr columns (1 <= mr <= MR, 1 <= nr <= NR) of the tile at c (row stride
/// ldc) = or += sum over p < kc of A(:, p) * B(p, :), B(p, :) being the NR floats at b + p * ldb
/// (of which only the first nr are read when nr < NR: B may lie in place), in chains of `chunk`
/// terms each added to the tile in turn. A's panel in row layout
/// (`rows_layout`): A(r, p) at a[r * KCP + p]; else column layout: A(r, p) at a[p * MR + r].
/// Rows past mr and columns past nr are not touched.
HIDDEN void nnb_kernel(int rows_layout, int mr, int nr, ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb,
                       float *c, ptrdiff_t ldc, int accumulate, ptrdiff_t chunk);
/// B(p0 .. p0+kc, j0 .. j0+nr), B(p, j) at b[p * brs + j * bcs], into one panel at dst (64-byte
/// aligned): row p holds NR floats, zero past nr.
HIDDEN AVX512 void nnb_pack_b_panel(const float *b, ptrdiff_t brs, ptrdiff_t bcs, ptrdiff_t p0, ptrdiff_t kc,
                                    ptrdiff_t j0, ptrdiff_t nr, float *dst);
/// A(i0 .. i0+mr, p0 .. p0+kc), A(i, p) at a[i * ars + p * acs], into one panel at dst, rows past
/// mr zero: row layout when acs == 1, else column layout.
HIDDEN AVX512 void nnb_pack_a_panel(const float *a, ptrdiff_t ars, ptrdiff_t acs, ptrdiff_t i0, ptrdiff_t mr,
                                    ptrdiff_t p0, ptrdiff_t kc, float *dst);

#endif
