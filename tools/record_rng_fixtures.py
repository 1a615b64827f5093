#!/usr/bin/env python3
"""Record what PyTorch's CPU generator draws, for nnbook's bit-for-bit RNG property test.

    /work/venv/bin/python3 tools/record_rng_fixtures.py > Tests/TensorsTests/Fixtures/rng.tsv

Each line is one call made on a stream that runs on from the line before (a line `seed S` calls
torch.manual_seed(S) first): `op<TAB>args<TAB>count<TAB>hash<TAB>head`, where hash is the
64-bit FNV-1a of the result's bytes in memory order (float32 or int64, little-endian) and head
its first values' bit patterns in hex. Tests/TensorsTests/RNGFixtureTests.swift replays every
line with nnbook's Generator and compares. Never edit the output by hand: this script, run with
real PyTorch, is its only source. A developer tool (CI has no torch).
"""
import struct
import sys

import torch

FNV_OFFSET, FNV_PRIME = 0xCBF29CE484222325, 0x100000001B3
SEEDS = [0, 1, 42, 12345, -1]
LARGE = [1000, 4103, 65536, 100003, 512 * 512]


def fnv1a(data):
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return h


def emit(op, args, t):
    t = t.contiguous()
    if t.dtype == torch.float32:
        raw = t.numpy().astype("<f4").tobytes()
        head = [f"{v:08x}" for v in struct.unpack(f"<{min(t.numel(), 8)}I", raw[:4 * min(t.numel(), 8)])]
    else:
        raw = t.numpy().astype("<i8").tobytes()
        head = [str(v) for v in t.flatten()[:8].tolist()]
    print(f"{op}\t{args}\t{t.numel()}\t{fnv1a(raw):016x}\t{','.join(head)}")


def seed(s):
    torch.manual_seed(s)
    print(f"seed\t{s}")


def main():
    sizes = list(range(1, 101)) + LARGE
    for s in SEEDS:
        seed(s)
        for n in sizes:
            emit("randn", "", torch.randn(n))
        seed(s)
        for n in sizes:
            emit("rand", "", torch.rand(n))
    for mean, std in [(1.5, 0.25), (-3.0, 2.0)]:
        for s in SEEDS[:3]:
            seed(s)
            for n in list(range(1, 41)) + LARGE[:3]:
                emit("normal", f"{mean!r},{std!r}", torch.empty(n).normal_(mean, std))
    for lo, hi in [(-2.0, 3.0), (0.5, 0.75), (-1e-3, 1e6)]:
        for s in SEEDS[:3]:
            seed(s)
            for n in list(range(1, 41)) + LARGE[:2]:
                emit("uniform", f"{lo!r},{hi!r}", torch.empty(n).uniform_(lo, hi))
    for lo, hi in [(0, 10), (-5, 5), (0, (1 << 28) - 1), (0, (1 << 28) + 3), (7, (1 << 32) + 5),
                   (-(1 << 40), 1 << 41)]:
        for s in SEEDS[:3]:
            seed(s)
            for n in list(range(1, 31)) + [1000]:
                emit("randint", f"{lo},{hi}", torch.randint(lo, hi, (n,)))
    for s in SEEDS[:3]:
        seed(s)
        for n in list(range(0, 60)) + [1000, 100000]:
            emit("randperm", "", torch.randperm(n))
    # One stream mixing every kind of draw, with shapes whose fills take different paths.
    seed(7)
    for _ in range(3):
        emit("randn", "", torch.randn(3))
        emit("randint", "0,100", torch.randint(0, 100, (5,)))
        emit("randn", "", torch.randn(33))
        emit("rand", "", torch.rand(17))
        emit("randperm", "", torch.randperm(10))
        emit("normal", "0.0,0.1", torch.empty(50).normal_(0.0, 0.1))
        emit("randn", "", torch.randn(1))
        emit("uniform", "-1.0,1.0", torch.empty(19).uniform_(-1.0, 1.0))


if __name__ == "__main__":
    main()
