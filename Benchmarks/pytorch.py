"""Reference for the `pytorch` group: PyTorch (CPU) on the same calls (torch_mlp_epoch: the same
program, Benchmarks/torch_mlp_epoch.py). bench: needs torch (run.sh runs
it with $BENCH_TORCH_PYTHON, default python3, and skips the group when torch is missing)."""
import os
import sys

import torch

from benchlib import run

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import torch_prelude  # noqa: E402

torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))


def seeded(call):
    def prepare():
        torch.manual_seed(0)
        return call
    return prepare


def add10():
    a, b = torch.rand(10), torch.rand(10)
    return lambda: a + b


def program(file):
    """bench() of an nn program run under CPython with the prelude's names (get_data...)."""
    def prepare():
        ns = dict(vars(torch_prelude), __name__="bench")
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), file)
        with open(path) as f:
            exec(compile(f.read(), path, "exec"), ns)
        return ns["bench"]
    return prepare


run([
    ("randn_512x512", 7, seeded(lambda: torch.randn(512, 512))),
    ("rand_512x512", 7, seeded(lambda: torch.rand(512, 512))),
    ("randint_100k", 7, seeded(lambda: torch.randint(0, 10, (100_000,)))),
    ("randperm_50k", 7, seeded(lambda: torch.randperm(50_000))),
    ("add_10", 11, add10),
    ("get_data", 5, lambda: torch_prelude.get_data),
    ("torch_mlp_epoch", 3, program("torch_mlp_epoch.py")),
])
