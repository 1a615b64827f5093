// Internal to CGemm: a small pool of worker threads for the AVX2 kernel (medium.c), and the
// per-thread scratch buffers of both kernels. Not part of the module's interface.
#ifndef NNBOOK_CGEMM_POOL_H
#define NNBOOK_CGEMM_POOL_H

#include <stddef.h>

#define HIDDEN __attribute__((visibility("hidden")))

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
