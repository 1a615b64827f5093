// Internal to CGemm: a small pool of worker threads for the AVX2 kernel (medium.c), and the
// per-thread scratch buffers of both kernels. Not part of the module's interface.
#ifndef NNBOOK_CGEMM_POOL_H
#define NNBOOK_CGEMM_POOL_H

#include <sched.h>
#include <stddef.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define HIDDEN __attribute__((visibility("hidden")))

/// Step `step` of a thread's wait for the others of a product (a task, a barrier, the next
/// job): a pause, and on every 64th step a yield. The scheduler may put a worker on its
/// caller's core; a waiter that only paused would then hold that core for thousands of pauses
/// (tens of microseconds) before the thread it waits for could run. Alone on its core, a yield
/// returns at once.
static inline void nnb_wait_step(unsigned step) {
#if defined(__x86_64__)
    _mm_pause();
#endif
    if ((step & 63) == 63) sched_yield();
}

/// Runs body(context, t, threads) for t in 0 ..< threads, t = 0 on the calling thread and the
/// others on pool workers, and returns when all have returned. `threads` is how many took part:
/// fewer than asked when workers could not be started or another caller holds the pool (then
/// the caller runs alone, threads = 1). The body must split its work by (t, threads).
HIDDEN void nnb_pool_run(int threads, void (*body)(void *context, int t, int threads), void *context);

/// This thread's scratch buffer of at least `floats` floats, 64-byte aligned, or NULL. It is
/// kept for the thread's next call (grown when too small) and freed when the thread exits:
/// a fresh block per product cost page faults on every call, since the allocator hands blocks
/// of this size back to the system on free. Valid until this thread's next call.
HIDDEN float *nnb_thread_scratch(size_t floats);

#endif
