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
// This file is the driver; the kernel and the packing live in kernel.c, the constants in
// blocking.h. With few rows of A to reuse a packed B panel, the kernel reads row-major B where
// it lies instead. Edge tiles read and write C (and B in place) with masked loads and stores.
//
// Threads (a pool that outlives the call) split either the rows of C, sharing the packed B
// slice and meeting at a barrier around each, or its columns, each packing its own B panels
// and all of A: whichever operand is smaller gets packed twice.
#include "CGemm.h"

#if defined(__x86_64__)

#include "blocking.h"
#include "order.h"
#include "pool.h"

#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_THREADS 64
/// Read B in place when a thread multiplies each B panel by at most this many A panels (a
/// minibatch's 64 rows are 5; packing B then cost more than it saved: 64x784 @ 784x50 took
/// 17.7 us packed, 15.7 us in place, on a 2-core Zen 5).
#define DIRECT_TILES 5
/// How long an idle pool worker polls for its next job before it sleeps.
#define SPIN_SECONDS 200e-6

int nnb_sgemm_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
}

// MARK: The driver

typedef struct {
    ptrdiff_t m, n, k;
    const float *a;
    ptrdiff_t ars, acs;
    const float *b;
    ptrdiff_t brs, bcs;
    float *c;
    ptrdiff_t ldc;
    /// Depth of the k slices (the last may be shorter), of the chains the kernel sums a slice
    /// in (each added to C in turn), and 1 when the first chain is added to what C holds rather
    /// than stored.
    ptrdiff_t kcstep, chunk;
    int add;
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
    for (unsigned spins = 0; atomic_load_explicit(&job->phase, memory_order_acquire) == phase; spins++)
        nnb_wait_step(spins);
}

/// The number of KC slices k is cut into, and their depth: about equal, multiples of 16.
static ptrdiff_t kslices(ptrdiff_t k) { return (k + KC - 1) / KC; }
static ptrdiff_t kslice_depth(ptrdiff_t k) { return ((k + kslices(k) - 1) / kslices(k) + 15) / 16 * 16; }


/// Packs rows ic ..< ic+mc of A's slice and multiplies them by B panels jp0 ..< jp1 of the
/// current slice into C.
AVX512 static void multiply_block(job_t *job, float *apack, ptrdiff_t ic, ptrdiff_t mc, ptrdiff_t jc, ptrdiff_t nc,
                                  ptrdiff_t pc, ptrdiff_t kc, ptrdiff_t jp0, ptrdiff_t jp1) {
    const int rows_layout = job->acs == 1, accumulate = pc > 0 || job->add;
    const ptrdiff_t ldc = job->ldc, apanels = (mc + MR - 1) / MR;
    for (ptrdiff_t ip = 0; ip < apanels; ip++) {
        const ptrdiff_t mr = mc - ip * MR < MR ? mc - ip * MR : MR;
        nnb_pack_a_panel(job->a, job->ars, job->acs, ic + ip * MR, mr, pc, kc, apack + ip * MR * KCP);
    }
    for (ptrdiff_t jp = jp0; jp < jp1; jp++) {
        const ptrdiff_t nr = nc - jp * NR < NR ? nc - jp * NR : NR;
        const int in_place = job->direct_b;
        const float *bp = in_place ? job->b + pc * job->brs + jc + jp * NR : job->bpack + jp * NR * KC;
        const ptrdiff_t ldb = in_place ? job->brs : NR;
        for (ptrdiff_t ip = 0; ip < apanels; ip++) {
            const ptrdiff_t mr = mc - ip * MR < MR ? mc - ip * MR : MR;
            const float *ap = apack + ip * MR * KCP;
            float *cp = job->c + (ic + ip * MR) * ldc + jc + jp * NR;
            nnb_kernel(rows_layout, (int)mr, (int)nr, kc, ap, bp, ldb, cp, ldc, accumulate, job->chunk);
        }
    }
}

/// Thread t's share of the job.
AVX512 static void run(job_t *job, int t) {
    float *apack = job->apack + (size_t)t * MC * KCP;
    const ptrdiff_t m = job->m, n = job->n, k = job->k;
    const int T = job->threads;
    const ptrdiff_t kcstep = job->kcstep, tiles = (m + MR - 1) / MR;
    // Splitting rows: blocks of whole tiles, at most MC rows, their number a multiple of T. When
    // that is one block per thread, the rows are split evenly instead: the edge tiles' kernels
    // cost what their rows do, and 64 rows as 28 + 36 (whole tiles) kept one thread waiting.
    const ptrdiff_t blocks = ((tiles * MR + MC - 1) / MC + T - 1) / T * T;
    const int even = blocks == T;
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
                    if (job->direct_b) continue;
                    nnb_pack_b_panel(job->b, job->brs, job->bcs, pc, kc, jc + jp * NR, nr, job->bpack + jp * NR * KC);
                }
                for (ptrdiff_t ic = 0; ic < m; ic += MC)
                    multiply_block(job, apack, ic, m - ic < MC ? m - ic : MC, jc, nc, pc, kc, jp0, jp1);
                // The next column block deals panels out afresh: a thread could then pack a
                // panel slot that another is still reading for this block. Wait for all.
                if (pc + kcstep >= k && jc + NC < n) barrier(job);
                continue;
            }
            for (ptrdiff_t jp; (jp = atomic_fetch_add_explicit(&job->next_panel[slice], 1, memory_order_relaxed)) < npanels;) {
                const ptrdiff_t nr = nc - jp * NR < NR ? nc - jp * NR : NR;
                if (job->direct_b) continue;
                nnb_pack_b_panel(job->b, job->brs, job->bcs, pc, kc, jc + jp * NR, nr, job->bpack + jp * NR * KC);
            }
            // Wait for B's panels (none to wait for when B is read in place).
            if (!job->direct_b) barrier(job);
            for (ptrdiff_t blk; (blk = atomic_fetch_add_explicit(&job->next_block[slice], 1, memory_order_relaxed)) < blocks;) {
                const ptrdiff_t i0 = even ? m * blk / blocks : tiles * blk / blocks * MR;
                const ptrdiff_t i1 = even ? m * (blk + 1) / blocks : tiles * (blk + 1) / blocks * MR;
                if (i0 >= m) continue;
                multiply_block(job, apack, i0, (i1 < m ? i1 : m) - i0, jc, nc, pc, kc, 0, npanels);
            }
            // The next slice adds to rows another thread may still be adding this one to, and
            // repacks B's panels: wait for all. After the last, the caller waits for the workers.
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
            for (unsigned spins = 0; spins < 64 && !job; spins++) {
                nnb_wait_step(spins);
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

static int product(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                   const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads,
                   ptrdiff_t kcstep, ptrdiff_t chunk, int add) {
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0) {
        if (add) return 0;
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
    const ptrdiff_t slices = (n + NC - 1) / NC * ((k + kcstep - 1) / kcstep);
    const size_t floats = bsize + asize * (size_t)T, bytes = sizeof(float) * floats + sizeof(_Atomic int) * 2 * (size_t)slices;
    float *buffer = nnb_thread_scratch((bytes + sizeof(float) - 1) / sizeof(float));
    if (!buffer) {
        if (pooled) pthread_mutex_unlock(&pool_lock);
        return -1;
    }
    _Atomic int *counters = (_Atomic int *)(buffer + floats);
    job_t job = {m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, kcstep, chunk, add, T, split_columns, direct_b, buffer, buffer + bsize, counters, counters + slices, 0, 0, 0};
    for (ptrdiff_t i = 0; i < 2 * slices; i++) atomic_init(&counters[i], 0);
    for (int t = 1; t < T; t++) {
        worker_t *w = &pool[t];
        atomic_store_explicit(&w->job, &job, memory_order_release);
        pthread_mutex_lock(&w->lock);
        pthread_cond_signal(&w->wake);
        pthread_mutex_unlock(&w->lock);
    }
    run(&job, 0);
    for (unsigned spins = 0; atomic_load_explicit(&job.finished, memory_order_acquire) < T - 1; spins++)
        nnb_wait_step(spins);
    if (pooled) pthread_mutex_unlock(&pool_lock);
    return 0;
}

int nnb_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
              const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads) {
    return product(m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, threads, kslice_depth(k), kslice_depth(k), 0);
}

int nnb_sgemm_ordered(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                      const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads, int add) {
    ptrdiff_t depth, chained;
    mkl_chains(k, &depth, &chained);
    // Slices of whole chains (5 of 192 fit in KC), the kernel summing each chain on its own.
    const ptrdiff_t slice = depth == MKL_KC ? KC / MKL_KC * MKL_KC : chained;
    const int status = product(m, n, chained, a, a_row, a_col, b, b_row, b_col, c, ldc, threads, slice, depth,
                               add != 0);
    if (status == 0 && chained < k && m > 0 && n > 0)
        nnb_add_last_term(m, n, a + chained * a_col, a_row, b + chained * b_row, b_col, c, ldc);
    return status;
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

int nnb_sgemm_ordered(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const float *a, ptrdiff_t a_row, ptrdiff_t a_col,
                      const float *b, ptrdiff_t b_row, ptrdiff_t b_col, float *c, ptrdiff_t ldc, int threads, int add) {
    (void)add;
    return nnb_sgemm(m, n, k, a, a_row, a_col, b, b_row, b_col, c, ldc, threads);
}

#endif
