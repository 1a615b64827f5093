// A pool of worker threads for the AVX2 kernel (medium.c): workers start on first use and then
// wait for work, spinning briefly (a training loop's products come a few microseconds apart,
// and a sleeping thread takes tens of microseconds to wake), then asleep on a condition
// variable, so an idle pool costs nothing. One caller at a time; a caller that finds the pool
// busy (another thread of the process multiplying) runs its product alone.
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>


#define POOL_MAX 16
/// How long an idle worker polls for its next task before it sleeps.
#define SPIN_SECONDS 200e-6

typedef struct {
    void (*body)(void *, int, int);
    void *context;
    int threads;
    /// Workers done with this task (they touch it no more).
    _Atomic int finished;
} task_t;

typedef struct {
    pthread_t id;
    int t;
    /// The task to take part in, or NULL; set by the caller, cleared by the worker when done.
    task_t *_Atomic task;
    /// 1 while the worker waits on `wake` (or is about to): only then does a caller signal it.
    _Atomic int sleeping;
    pthread_mutex_t lock;
    pthread_cond_t wake;
} worker_t;

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static worker_t workers[POOL_MAX];
static int started = 1;  // workers[1 ..< started] are running

static double seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *worker_main(void *arg) {
    worker_t *w = arg;
    for (;;) {
        task_t *task = atomic_load_explicit(&w->task, memory_order_acquire);
        for (double start = seconds(); !task && seconds() - start < SPIN_SECONDS;) {
            for (unsigned spins = 0; spins < 64 && !task; spins++) {
                nnb_wait_step(spins);
                task = atomic_load_explicit(&w->task, memory_order_acquire);
            }
        }
        if (!task) {
            // `sleeping` is set before `task` is read again (both sequentially consistent), and
            // a caller stores `task` before it reads `sleeping`: one of the two sees the other.
            pthread_mutex_lock(&w->lock);
            atomic_store(&w->sleeping, 1);
            while (!(task = atomic_load(&w->task))) pthread_cond_wait(&w->wake, &w->lock);
            atomic_store(&w->sleeping, 0);
            pthread_mutex_unlock(&w->lock);
        }
        task->body(task->context, w->t, task->threads);
        atomic_store_explicit(&w->task, NULL, memory_order_relaxed);
        atomic_fetch_add_explicit(&task->finished, 1, memory_order_release);
    }
    return NULL;
}

/// Starts workers until `wanted` threads (the caller included) can run, as far as the system
/// allows; returns how many can. Holds pool_lock.
static int grow(int wanted) {
    while (started < wanted) {
        worker_t *w = &workers[started];
        w->t = started;
        atomic_store_explicit(&w->task, NULL, memory_order_relaxed);
        atomic_store_explicit(&w->sleeping, 0, memory_order_relaxed);
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
        started++;
    }
    return started < wanted ? started : wanted;
}

void nnb_pool_run(int threads, void (*body)(void *, int, int), void *context) {
    int T = threads < 1 ? 1 : threads > POOL_MAX ? POOL_MAX : threads;
    const int pooled = T > 1 && pthread_mutex_trylock(&pool_lock) == 0;
    T = pooled ? grow(T) : 1;
    task_t task = {body, context, T, 0};
    for (int t = 1; t < T; t++) {
        worker_t *w = &workers[t];
        atomic_store(&w->task, &task);
        // A spinning worker sees the task by itself; locking its mutex could wait for a worker
        // preempted while holding it.
        if (atomic_load(&w->sleeping)) {
            pthread_mutex_lock(&w->lock);
            pthread_cond_signal(&w->wake);
            pthread_mutex_unlock(&w->lock);
        }
    }
    body(context, 0, T);
    for (unsigned spins = 0; atomic_load_explicit(&task.finished, memory_order_acquire) < T - 1; spins++)
        nnb_wait_step(spins);
    if (pooled) pthread_mutex_unlock(&pool_lock);
}

// The per-thread scratch buffers (pool.h). A 64x784 @ 784x50 product's fresh 100 KB panel cost
// ~10 us of page faults; the big kernel's 4 MB packing buffer, 177k faults in 06_minibatch.
typedef struct {
    size_t floats;
    float *p;
} scratch_t;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static int scratch_ready;

static void scratch_free(void *s) {
    free(((scratch_t *)s)->p);
    free(s);
}

static void scratch_init(void) { scratch_ready = pthread_key_create(&scratch_key, scratch_free) == 0; }

float *nnb_thread_scratch(size_t floats) {
    pthread_once(&scratch_once, scratch_init);
    if (!scratch_ready) return NULL;
    scratch_t *s = pthread_getspecific(scratch_key);
    if (!s) {
        if (!(s = calloc(1, sizeof *s))) return NULL;
        if (pthread_setspecific(scratch_key, s)) {
            free(s);
            return NULL;
        }
    }
    if (s->floats < floats) {
        float *p = aligned_alloc(64, (floats * sizeof(float) + 63) / 64 * 64);
        if (!p) return NULL;
        free(s->p);
        s->p = p;
        s->floats = floats;
    }
    return s->p;
}
