"""Timing for the reference side of `make bench`, the same scheme as Sources/NNBench/Bench.swift:
one warm-up call, enough calls per sample to last >= 50 ms, the median of `repeats` samples.
A group script calls `run(benches)` with (name, repeats, prepare) triples, where `prepare()`
returns the call to time, and prints one tab-separated line per figure: name, seconds per call."""
import sys
import time


def measure(call, repeats, min_sample=0.05):
    call()
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter() - start
        if elapsed >= min_sample or calls >= 1 << 20:
            break
        calls *= min(max(2, int(min_sample / elapsed * 1.2)), 64) if elapsed > 0 else 64
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        samples.append((time.perf_counter() - start) / calls)
    samples.sort()
    return samples[len(samples) // 2]


def run(benches):
    """benches: list of (name, repeats, prepare). Only the names given on the command line run
    (all when none are given)."""
    wanted = set(sys.argv[1:])
    for name, repeats, prepare in benches:
        if wanted and name not in wanted:
            continue
        seconds = measure(prepare(), repeats)
        print(f"{name}\t{seconds!r}", flush=True)
