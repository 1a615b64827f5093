// nnbook's float32 GEMM for AVX-512 CPUs: C = A * B with any operand strides. Written for this
// project from the textbook scheme (Goto and van de Geijn's blocking); no code is copied.
//
// Why it exists: Debian's OpenBLAS 0.3.21 has to run its AVX2 (Haswell) kernels on the newest
// CPUs (OPENBLAS_CORETYPE=Haswell; its AVX-512 code misbehaves there), which leaves half of an
// AVX-512 machine's multiply-add width unused. The scheme:
//
//   for each NC-wide block of columns of B and C
//     for each KC-deep slice of the shared dimension
//       pack B's slice into NR-wide panels
//       for each MC-high block of rows of A:
//         pack A's block into MR-high panels
//         for every (B panel, A panel) pair: the register-tiled kernel adds an MR x NR tile
//
// The kernel keeps an MR x NR tile of C in 28 zmm registers, reads B's panel row by row (two
// vectors per step) and broadcasts A's values from memory into fused multiply-adds. A panel is
// laid out as rows (a copy of row-major A, so packing it is a plain copy) or as columns (for
// transposed A); the kernel addresses both with constant offsets. With few rows of A to reuse
// a packed B panel, the kernel reads row-major B where it lies instead. Edge tiles run the
// same kernel into a scratch tile and copy the valid part out.
//
// Threads (a pool that outlives the call) split either the rows of C, sharing the packed B
// slice and meeting at a barrier around each, or its columns, each packing its own B panels
// and all of A: whichever operand is smaller gets packed twice.
#include "CGemm.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

#define MAX_THREADS 64
/// Read B in place when a thread multiplies each B panel by at most this many A panels.
#define DIRECT_TILES 2
/// How long an idle pool worker polls for its next job before it sleeps.
#define SPIN_SECONDS 200e-6

#define AVX512 __attribute__((target("avx512f,avx512vl,fma")))

int nnb_sgemm_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
}

// MARK: The kernel

/// tile (MR x NR at c, row stride ldc) = or += sum over p < kc of A(:, p) * B(p, :), with
/// A(r, p) at a[r * rs + p * ps] and B(p, :) the NR floats at b + p * ldb.
AVX512 static inline __attribute__((always_inline)) void
kernel_body(ptrdiff_t kc, const float *restrict a, const ptrdiff_t rs, const ptrdiff_t ps,
            const float *restrict b, ptrdiff_t ldb, float *restrict c, ptrdiff_t ldc, int accumulate) {
    __m512 acc[MR][NV];
#pragma unroll
    for (int r = 0; r < MR; r++) {
#pragma unroll
        for (int v = 0; v < NV; v++) acc[r][v] = _mm512_setzero_ps();
    }
    // C's tile is read and written only after the loop; fetching it now hides a miss to memory.
#pragma unroll
    for (int r = 0; r < MR; r++) {
        _mm_prefetch((const char *)(c + r * ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(c + r * ldc + NR - 1), _MM_HINT_T0);
    }
    for (ptrdiff_t p = 0; p < kc; p++) {
        __m512 bv[NV];
#pragma unroll
        for (int v = 0; v < NV; v++) bv[v] = _mm512_loadu_ps(b + 16 * v);
#pragma unroll
        for (int r = 0; r < MR; r++) {
            __m512 ar = _mm512_set1_ps(a[r * rs]);
#pragma unroll
            for (int v = 0; v < NV; v++) acc[r][v] = _mm512_fmadd_ps(ar, bv[v], acc[r][v]);
        }
        a += ps;
        b += ldb;
    }
    if (accumulate) {
#pragma unroll
        for (int r = 0; r < MR; r++) {
#pragma unroll
            for (int v = 0; v < NV; v++) {
                float *q = c + r * ldc + 16 * v;
                _mm512_storeu_ps(q, _mm512_add_ps(_mm512_loadu_ps(q), acc[r][v]));
            }
        }
    } else {
#pragma unroll
        for (int r = 0; r < MR; r++) {
#pragma unroll
            for (int v = 0; v < NV; v++) _mm512_storeu_ps(c + r * ldc + 16 * v, acc[r][v]);
        }
    }
}

/// A panel in row layout: A(r, p) at a[r * KCP + p].
AVX512 static void kernel_rows(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,
                               ptrdiff_t ldc, int accumulate) {
    kernel_body(kc, a, KCP, 1, b, ldb, c, ldc, accumulate);
}

/// A panel in column layout: A(r, p) at a[p * MR + r].
AVX512 static void kernel_cols(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,
                               ptrdiff_t ldc, int accumulate) {
    kernel_body(kc, a, 1, MR, b, ldb, c, ldc, accumulate);
}

// MARK: Packing

/// Transposes 16 vectors in place: afterwards r[i][j] is what r[j][i] was. Three rounds of
/// interleaving: single floats within 128-bit lanes, then pairs, then whole lanes.
AVX512 static inline __attribute__((always_inline)) void transpose16(__m512 r[16]) {
    __m512 t[16];
#pragma unroll
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    // u[4g + q], lane L: rows 4g .. 4g+3 of column 4L + q.
    __m512 u[16];
#pragma unroll
    for (int g = 0; g < 4; g++) {
        __m512d x0 = _mm512_castps_pd(t[4 * g]), x1 = _mm512_castps_pd(t[4 * g + 1]);
        __m512d x2 = _mm512_castps_pd(t[4 * g + 2]), x3 = _mm512_castps_pd(t[4 * g + 3]);
        u[4 * g] = _mm512_castpd_ps(_mm512_unpacklo_pd(x0, x2));
        u[4 * g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(x0, x2));
        u[4 * g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(x1, x3));
        u[4 * g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(x1, x3));
    }
    // Column 4L + q gathers lane L of u[q], u[4 + q], u[8 + q], u[12 + q]: a 4x4 transpose of lanes.
#pragma unroll
    for (int q = 0; q < 4; q++) {
        __m512 s0 = _mm512_shuffle_f32x4(u[q], u[4 + q], _MM_SHUFFLE(2, 0, 2, 0));
        __m512 s1 = _mm512_shuffle_f32x4(u[q], u[4 + q], _MM_SHUFFLE(3, 1, 3, 1));
        __m512 s2 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], _MM_SHUFFLE(2, 0, 2, 0));
        __m512 s3 = _mm512_shuffle_f32x4(u[8 + q], u[12 + q], _MM_SHUFFLE(3, 1, 3, 1));
        r[q] = _mm512_shuffle_f32x4(s0, s2, _MM_SHUFFLE(2, 0, 2, 0));
        r[4 + q] = _mm512_shuffle_f32x4(s1, s3, _MM_SHUFFLE(2, 0, 2, 0));
        r[8 + q] = _mm512_shuffle_f32x4(s0, s2, _MM_SHUFFLE(3, 1, 3, 1));
        r[12 + q] = _mm512_shuffle_f32x4(s1, s3, _MM_SHUFFLE(3, 1, 3, 1));
    }
}

/// pack_b_panel for B stored column by column (B(p, j) at b[p + j * bcs], a transposed view):
/// 16 x 16 blocks are read along columns and transposed in registers.
AVX512 static void pack_b_panel_transposed(const float *b, ptrdiff_t bcs, ptrdiff_t p0, ptrdiff_t kc,
                                           ptrdiff_t j0, ptrdiff_t nr, float *restrict dst) {
    ptrdiff_t p = 0;
    for (; p + 16 <= kc; p += 16) {
        for (int h = 0; h < NV; h++) {
            __m512 r[16];
#pragma unroll
            for (int j = 0; j < 16; j++) {
                ptrdiff_t col = 16 * h + j;
                r[j] = col < nr ? _mm512_loadu_ps(b + p0 + p + (j0 + col) * bcs) : _mm512_setzero_ps();
            }
            transpose16(r);
#pragma unroll
            for (int i = 0; i < 16; i++) _mm512_store_ps(dst + (p + i) * NR + 16 * h, r[i]);
        }
    }
    for (; p < kc; p++) {
        for (ptrdiff_t j = 0; j < NR; j++) dst[p * NR + j] = j < nr ? b[p0 + p + (j0 + j) * bcs] : 0;
    }
}

/// B(p0 .. p0+kc, j0 .. j0+nr) into one panel: row p holds NR floats, zero past nr.
AVX512 static void pack_b_panel(const float *b, ptrdiff_t brs, ptrdiff_t bcs, ptrdiff_t p0, ptrdiff_t kc,
                                ptrdiff_t j0, ptrdiff_t nr, float *restrict dst) {
    if (bcs == 1) {
        const float *src = b + p0 * brs + j0;
        if (nr == NR) {
            for (ptrdiff_t p = 0; p < kc; p++, src += brs, dst += NR) {
#pragma unroll
                for (int v = 0; v < NV; v++) _mm512_store_ps(dst + 16 * v, _mm512_loadu_ps(src + 16 * v));
            }
        } else {
            __mmask16 mask[NV];
            for (int v = 0; v < NV; v++) {
                ptrdiff_t left = nr - 16 * v;
                mask[v] = left >= 16 ? 0xffff : left <= 0 ? 0 : (__mmask16)((1u << left) - 1);
            }
            for (ptrdiff_t p = 0; p < kc; p++, src += brs, dst += NR) {
                for (int v = 0; v < NV; v++)
                    _mm512_store_ps(dst + 16 * v, _mm512_maskz_loadu_ps(mask[v], src + 16 * v));
            }
        }
        return;
    }
    if (brs == 1) {
        pack_b_panel_transposed(b, bcs, p0, kc, j0, nr, dst);
        return;
    }
    for (ptrdiff_t p = 0; p < kc; p++, dst += NR) {
        const float *src = b + (p0 + p) * brs + j0 * bcs;
        for (ptrdiff_t j = 0; j < NR; j++) dst[j] = j < nr ? src[j * bcs] : 0;
    }
}

/// A(i0 .. i0+mr, p0 .. p0+kc) into one panel, rows past mr zero: row layout when A's rows are
/// contiguous, else column layout.
AVX512 static void pack_a_panel(const float *a, ptrdiff_t ars, ptrdiff_t acs, ptrdiff_t i0, ptrdiff_t mr,
                                ptrdiff_t p0, ptrdiff_t kc, float *restrict dst) {
    if (acs == 1) {
        for (ptrdiff_t r = 0; r < MR; r++) {
            float *d = dst + r * KCP;
            if (r >= mr) {
                memset(d, 0, (size_t)kc * sizeof(float));
                continue;
            }
            const float *src = a + (i0 + r) * ars + p0;
            ptrdiff_t p = 0;
            for (; p + 16 <= kc; p += 16) _mm512_storeu_ps(d + p, _mm512_loadu_ps(src + p));
            if (p < kc) {
                __mmask16 m = (__mmask16)((1u << (kc - p)) - 1);
                _mm512_mask_storeu_ps(d + p, m, _mm512_maskz_loadu_ps(m, src + p));
            }
        }
        return;
    }
    if (ars == 1) {
        __mmask16 m = (__mmask16)((1u << mr) - 1);
        const float *src = a + i0 + p0 * acs;
        for (ptrdiff_t p = 0; p < kc; p++, src += acs, dst += MR) {
            // MR < 16: one masked vector per column, written with the next column's overlap.
            _mm512_mask_storeu_ps(dst, 0x3fff, _mm512_maskz_loadu_ps(m, src));
        }
        return;
    }
    for (ptrdiff_t p = 0; p < kc; p++, dst += MR) {
        for (ptrdiff_t r = 0; r < MR; r++) dst[r] = r < mr ? a[(i0 + r) * ars + (p0 + p) * acs] : 0;
    }
}

// MARK: Threads

typedef struct {
    ptrdiff_t m, n, k;
    const float *a;
    ptrdiff_t ars, acs;
    const float *b;
    ptrdiff_t brs, bcs;
    float *c;
    ptrdiff_t ldc;
    /// Threads taking part: the caller (thread 0) and pool workers 1 ..< threads.
    int threads;
    /// 0: each thread takes a run of MR-row tiles and they share the packed B. 1: each takes a
    /// run of B's panels, packs them and needs no one else (but packs all of A).
    int split_columns;
    /// 1: the kernel reads B's full panels where B lies (row-major B, few rows of A to reuse a
    /// packed panel); only the last, partial panel is packed.
    int direct_b;
    /// Packed slice of B, shared; then one packed block of A per thread.
    float *bpack, *apack;
    /// Splitting rows: for each slice (NC block, KC slice) in turn, the next B panel to pack
    /// and the next block of rows to multiply, claimed by whichever thread comes first, so a
    /// thread slowed by other work on its core does less of it.
    _Atomic int *next_panel, *next_block;
    _Atomic int arrived;
    _Atomic int phase;
    /// Workers done with this job (they touch it no more).
    _Atomic int finished;
} job_t;

static void barrier(job_t *job) {
    if (job->threads == 1) return;
    int phase = atomic_load_explicit(&job->phase, memory_order_relaxed);
    if (atomic_fetch_add_explicit(&job->arrived, 1, memory_order_acq_rel) == job->threads - 1) {
        atomic_store_explicit(&job->arrived, 0, memory_order_relaxed);
        atomic_store_explicit(&job->phase, phase + 1, memory_order_release);
        return;
    }
    for (unsigned spins = 0; atomic_load_explicit(&job->phase, memory_order_acquire) == phase; spins++) {
        if (spins < 4096) _mm_pause();
        else sched_yield();
    }
}

/// The number of KC slices k is cut into, and their depth: about equal, multiples of 16.
static ptrdiff_t kslices(ptrdiff_t k) { return (k + KC - 1) / KC; }
static ptrdiff_t kslice_depth(ptrdiff_t k) { return ((k + kslices(k) - 1) / kslices(k) + 15) / 16 * 16; }

/// Packs rows ic ..< ic+mc of A's slice and multiplies them by B panels jp0 ..< jp1 of the
/// current slice into C.
AVX512 static void multiply_block(job_t *job, float *apack, ptrdiff_t ic, ptrdiff_t mc, ptrdiff_t jc, ptrdiff_t nc,
                                  ptrdiff_t pc, ptrdiff_t kc, ptrdiff_t jp0, ptrdiff_t jp1) {
    const int rows_layout = job->acs == 1, accumulate = pc > 0;
    const ptrdiff_t ldc = job->ldc, apanels = (mc + MR - 1) / MR;
    float tile[MR * NR] __attribute__((aligned(64)));
    for (ptrdiff_t ip = 0; ip < apanels; ip++) {
        const ptrdiff_t mr = mc - ip * MR < MR ? mc - ip * MR : MR;
        pack_a_panel(job->a, job->ars, job->acs, ic + ip * MR, mr, pc, kc, apack + ip * MR * KCP);
    }
    for (ptrdiff_t jp = jp0; jp < jp1; jp++) {
        const ptrdiff_t nr = nc - jp * NR < NR ? nc - jp * NR : NR;
        const int in_place = job->direct_b && nr == NR;
        const float *bp = in_place ? job->b + pc * job->brs + jc + jp * NR : job->bpack + jp * NR * KC;
        const ptrdiff_t ldb = in_place ? job->brs : NR;
        for (ptrdiff_t ip = 0; ip < apanels; ip++) {
            const ptrdiff_t mr = mc - ip * MR < MR ? mc - ip * MR : MR;
            const float *ap = apack + ip * MR * KCP;
            float *cp = job->c + (ic + ip * MR) * ldc + jc + jp * NR;
            if (mr == MR && nr == NR) {
                if (rows_layout) kernel_rows(kc, ap, bp, ldb, cp, ldc, accumulate);
                else kernel_cols(kc, ap, bp, ldb, cp, ldc, accumulate);
                continue;
            }
            if (rows_layout) kernel_rows(kc, ap, bp, ldb, tile, NR, 0);
            else kernel_cols(kc, ap, bp, ldb, tile, NR, 0);
            for (ptrdiff_t r = 0; r < mr; r++) {
                float *row = cp + r * ldc;
                for (ptrdiff_t j = 0; j < nr; j++) row[j] = accumulate ? row[j] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }
}

/// Thread t's share of the job.
AVX512 static void run(job_t *job, int t) {
    float *apack = job->apack + (size_t)t * MC * KCP;
    const ptrdiff_t m = job->m, n = job->n, k = job->k;
    const int T = job->threads;
    const ptrdiff_t kcstep = kslice_depth(k), tiles = (m + MR - 1) / MR;
    // Splitting rows: blocks of whole tiles, at most MC rows, their number a multiple of T.
    const ptrdiff_t blocks = ((tiles * MR + MC - 1) / MC + T - 1) / T * T;
    ptrdiff_t slice = 0;
    for (ptrdiff_t jc = 0; jc < n; jc += NC) {
        const ptrdiff_t nc = n - jc < NC ? n - jc : NC;
        const ptrdiff_t npanels = (nc + NR - 1) / NR;
        for (ptrdiff_t pc = 0; pc < k; pc += kcstep, slice++) {
            const ptrdiff_t kc = k - pc < kcstep ? k - pc : kcstep;
            if (job->split_columns) {
                // This thread's run of panels, all rows: packs and multiplies only its own.
                const ptrdiff_t jp0 = npanels * t / T, jp1 = npanels * (t + 1) / T;
                for (ptrdiff_t jp = jp0; jp < jp1; jp++) {
                    const ptrdiff_t nr = nc - jp * NR < NR ? nc - jp * NR : NR;
                    if (job->direct_b && nr == NR) continue;
                    pack_b_panel(job->b, job->brs, job->bcs, pc, kc, jc + jp * NR, nr, job->bpack + jp * NR * KC);
                }
                for (ptrdiff_t ic = 0; ic < m; ic += MC)
                    multiply_block(job, apack, ic, m - ic < MC ? m - ic : MC, jc, nc, pc, kc, jp0, jp1);
                continue;
            }
            for (ptrdiff_t jp; (jp = atomic_fetch_add_explicit(&job->next_panel[slice], 1, memory_order_relaxed)) < npanels;) {
                const ptrdiff_t nr = nc - jp * NR < NR ? nc - jp * NR : NR;
                if (job->direct_b && nr == NR) continue;
                pack_b_panel(job->b, job->brs, job->bcs, pc, kc, jc + jp * NR, nr, job->bpack + jp * NR * KC);
            }
            barrier(job);
            for (ptrdiff_t blk; (blk = atomic_fetch_add_explicit(&job->next_block[slice], 1, memory_order_relaxed)) < blocks;) {
                const ptrdiff_t i0 = tiles * blk / blocks * MR, i1 = tiles * (blk + 1) / blocks * MR;
                if (i0 >= m) continue;
                multiply_block(job, apack, i0, (i1 < m ? i1 : m) - i0, jc, nc, pc, kc, 0, npanels);
            }
            barrier(job);
        }
    }
}

// MARK: The thread pool
//
// Workers start on first use and then wait for jobs: spinning briefly (back-to-back products
// then cost no wake-up), then asleep on a condition variable. One caller at a time uses the
// pool; a caller that finds it busy runs on its own thread.

typedef struct {
    pthread_t id;
    int t;
    /// The job to take part in, or NULL; set by the caller, cleared by the worker when done.
    job_t *_Atomic job;
    pthread_mutex_t lock;
    pthread_cond_t wake;
} worker_t;

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static worker_t pool[MAX_THREADS];
static int pool_size = 1;  // pool[1 ..< pool_size] are running
static _Atomic int thread_count = 1;

int nnb_sgemm_threads(void) { return atomic_load_explicit(&thread_count, memory_order_relaxed); }

void nnb_sgemm_set_threads(int threads) {
    atomic_store_explicit(&thread_count, threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads,
                          memory_order_relaxed);
}

static double seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *worker_main(void *arg) {
    worker_t *w = arg;
    for (;;) {
        job_t *job = atomic_load_explicit(&w->job, memory_order_acquire);
        for (double start = seconds(); !job && seconds() - start < SPIN_SECONDS;) {
            for (int i = 0; i < 64 && !job; i++) {
                _mm_pause();
                job = atomic_load_explicit(&w->job, memory_order_acquire);
            }
        }
        if (!job) {
            pthread_mutex_lock(&w->lock);
            while (!(job = atomic_load_explicit(&w->job, memory_order_acquire))) pthread_cond_wait(&w->wake, &w->lock);
            pthread_mutex_unlock(&w->lock);
        }
        run(job, w->t);
        atomic_store_explicit(&w->job, NULL, memory_order_relaxed);
        atomic_fetch_add_explicit(&job->finished, 1, memory_order_release);
    }
    return NULL;
}

/// Starts workers until there are `wanted` threads in all (the caller included), as far as
/// the system allows; returns how many there are. Holds pool_lock.
static int pool_grow(int wanted) {
    while (pool_size < wanted) {
        worker_t *w = &pool[pool_size];
        w->t = pool_size;
        atomic_store_explicit(&w->job, NULL, memory_order_relaxed);
        pthread_mutex_init(&w->lock, NULL);
        pthread_cond_init(&w->wake, NULL);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&w->id, &attr, worker_main, w);
        pthread_attr_destroy(&attr);
        if (failed) {
            pthread_cond_destroy(&w->wake);
            pthread_mutex_destroy(&w->lock);
            break;
        }
        pool_size++;
    }
    return pool_size < wanted ? pool_size : wanted;
}

int nnb_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
              const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0) {
        for (ptrdiff_t i = 0; i < m; i++) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        return 0;
    }
    const ptrdiff_t ncap = n < NC ? n : NC;
    const ptrdiff_t tiles = (m + MR - 1) / MR, panels = (ncap + NR - 1) / NR;
    int T = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
    // Splitting rows shares the packed B between the threads (each reads the half the other
    // packed, from the other core's cache); splitting columns makes each pack all of A. So:
    // columns when A is the smaller operand (m < n), rows otherwise.
    const int split_columns = n > m || tiles < T;
    const ptrdiff_t units = split_columns ? panels : tiles;
    if (T > units) T = (int)units;
    const int pooled = T > 1 && pthread_mutex_trylock(&pool_lock) == 0;
    T = pooled ? pool_grow(T) : 1;
    const int direct_b = b_col == 1 && (split_columns ? tiles : (tiles + T - 1) / T) <= DIRECT_TILES;
    const size_t bsize = (size_t)((ncap + NR - 1) / NR) * NR * KC, asize = (size_t)MC * KCP;
    const ptrdiff_t slices = (n + NC - 1) / NC * kslices(k);
    const size_t floats = bsize + asize * (size_t)T, bytes = sizeof(float) * floats + sizeof(_Atomic int) * 2 * (size_t)slices;
    float *buffer = aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (!buffer) {
        if (pooled) pthread_mutex_unlock(&pool_lock);
        return -1;
    }
    _Atomic int *counters = (_Atomic int *)(buffer + floats);
    job_t job = {m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, T, split_columns, direct_b, buffer,
                 buffer + bsize, counters, counters + slices, 0, 0, 0};
    for (ptrdiff_t i = 0; i < 2 * slices; i++) atomic_init(&counters[i], 0);
    for (int t = 1; t < T; t++) {
        worker_t *w = &pool[t];
        atomic_store_explicit(&w->job, &job, memory_order_release);
        pthread_mutex_lock(&w->lock);
        pthread_cond_signal(&w->wake);
        pthread_mutex_unlock(&w->lock);
    }
    run(&job, 0);
    for (unsigned spins = 0; atomic_load_explicit(&job.finished, memory_order_acquire) < T - 1; spins++) {
        if (spins < 4096) _mm_pause();
        else sched_yield();
    }
    if (pooled) pthread_mutex_unlock(&pool_lock);
    free(buffer);
    return 0;
}

#else  // Not x86-64: no kernel here, callers use BLAS.

static int thread_count = 1;

int nnb_sgemm_supported(void) { return 0; }

int nnb_sgemm_threads(void) { return thread_count; }

void nnb_sgemm_set_threads(int threads) { thread_count = threads < 1 ? 1 : threads; }

int nnb_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
              const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    (void)m, (void)n, (void)k, (void)a, (void)a_row, (void)a_col, (void)b, (void)b_row, (void)b_col;
    (void)c, (void)ldc, (void)threads;
    return -1;
}

#endif
