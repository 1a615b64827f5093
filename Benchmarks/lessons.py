"""The lesson figure of `make bench`: every lesson re-run by nnbook against the same cells run by
CPython + PyTorch (tools/torch_check.py), in alternating rounds of one run.

usage: lessons.py NNBOOK TORCH_PYTHON [ROUNDS]

Per lesson: the wall time of `nnbook test LESSON` against the time torch_check.py reports for
running that lesson's cells (torch's import not counted); target <= 1x. The whole suite: the
wall time of `nnbook test Notebooks` against that of `torch_check.py --check Notebooks/*.md`
(import counted); target <= 0.5x. Prints the same table as report.py. With BENCH_NNBOOK_BEFORE
set to another nnbook binary (an earlier build), that one runs in the same rounds too and its
time and ratio follow each line, for before/after figures from one run."""
import glob
import os
import re
import statistics
import subprocess
import sys
import time

from report import fmt_time

nnbook, torch_py = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2
before_bin = os.environ.get("BENCH_NNBOOK_BEFORE")
lessons = sorted(glob.glob("Notebooks/*.md"))
TOOK = re.compile(r"^(\S+): \d+ cells, ([0-9.]+) s", re.M)


def wall(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t0, p


def torch_cells(lesson):
    """Seconds torch_check.py spent running the lesson's cells (after its imports)."""
    _, p = wall([torch_py, "tools/torch_check.py", "--check", lesson])
    m = TOOK.search(p.stderr)
    if not m:
        sys.exit(f"torch_check.py gave no time for {lesson}:\n{p.stderr[-2000:]}")
    return float(m.group(2))


ours = {name: [] for name in lessons + ["suite"]}
ref = {name: [] for name in lessons + ["suite"]}
before = {name: [] for name in lessons + ["suite"]}
for _ in range(rounds):
    for lesson in lessons:
        t, p = wall([nnbook, "test", "--no-cache", lesson])
        if p.returncode != 0:
            sys.exit(f"nnbook test {lesson} failed:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
        ours[lesson].append(t)
        if before_bin:
            before[lesson].append(wall([before_bin, "test", "--no-cache", lesson])[0])
        ref[lesson].append(torch_cells(lesson))
    ours["suite"].append(wall([nnbook, "test", "--no-cache", "Notebooks"])[0])
    if before_bin:
        before["suite"].append(wall([before_bin, "test", "--no-cache", "Notebooks"])[0])
    ref["suite"].append(wall([torch_py, "tools/torch_check.py", "--check"] + lessons)[0])

held = 0
for name in lessons + ["suite"]:
    a, b = statistics.median(ours[name]), statistics.median(ref[name])
    bound = 0.5 if name == "suite" else 1.0
    label = "lessons_suite_wall" if name == "suite" else "lesson_" + name.split("/")[-1][:-3]
    ok = a / b <= bound
    held += ok
    was = ""
    if before_bin:
        t = statistics.median(before[name])
        was = f"  (before: {fmt_time(t)}, {t / b:.3f}x)"
    print(f"{label:<24} {fmt_time(a):>12} {fmt_time(b):>12} {a / b:>7.3f}x  {'time <= %gx' % bound:<16} "
          f"{'ok' if ok else 'MISSED'}{was}")
print(f"# {held} of {len(lessons) + 1} targets hold (lesson_*: torch's import not counted; suite: counted)")
