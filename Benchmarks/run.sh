#!/usr/bin/env bash
# `make bench`: for every group NNBench lists, time our side (Sources/NNBench) and the reference
# (Benchmarks/<group>.py, numpy) in alternating rounds of the same run, then print one line per
# figure: name, ours, reference, ratio, target, ok. Medians over samples and over rounds.
#
# Adding benchmarks: see Sources/NNBench/Registry.swift (a Swift group plus a .py of the same name).
#
# OpenBLAS: our binary keeps OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE from the environment (Debian's
# OpenBLAS 0.3.21 needs them on some CPUs); numpy's bundled, newer OpenBLAS runs with both unset,
# since they would pin it to a slower kernel. Both sides use the same thread count.
# BENCH_OURS_CORETYPE=SkylakeX (say) overrides OPENBLAS_CORETYPE for our binary only, to compare
# Debian's kernels; BENCH_ROUNDS and BENCH_THREADS change the rounds (3) and threads (2);
# BENCH_GROUPS="linalg" runs only the groups named.
# PyTorch: a group script whose docstring says "bench: needs torch", and the lesson figure
# (Benchmarks/lessons.py), run with $BENCH_TORCH_PYTHON (default python3); without torch there
# they are skipped with a message. BENCH_LESSONS=0 skips the lesson figure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${NNBENCH:-.build/release/NNBench}
ROUNDS=${BENCH_ROUNDS:-3}
THREADS=${BENCH_THREADS:-2}
TORCH_PY=${BENCH_TORCH_PYTHON:-python3}
HAVE_TORCH=0
"$TORCH_PY" -c 'import torch' >/dev/null 2>&1 && HAVE_TORCH=1
[ -x "$BIN" ] || swift build -c release --product NNBench
if [ -n "${BENCH_OURS_CORETYPE:-}" ]; then export OPENBLAS_CORETYPE=$BENCH_OURS_CORETYPE; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "# ours:  $(OPENBLAS_NUM_THREADS=$THREADS "$BIN" --blas) (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset})"
echo "# numpy: $(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$THREADS python3 -c \
  'import numpy, numpy._core._multiarray_umath as m; c = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]; print(numpy.__version__, c["name"], c["version"])' 2>/dev/null || python3 -c 'import numpy; print(numpy.__version__)')"
echo "# $ROUNDS rounds alternating ours and the reference (numpy; CPython for lang_*); medians"
printf '%-24s %12s %12s %8s  %-16s %s\n' figure ours reference ratio target ok
for group in ${BENCH_GROUPS:-$("$BIN" --groups)}; do
  [ -f "Benchmarks/$group.py" ] || { echo "missing Benchmarks/$group.py" >&2; exit 1; }
  py=python3
  if grep -q "bench: needs torch" "Benchmarks/$group.py"; then
    if [ "$HAVE_TORCH" = 0 ]; then
      echo "# $group: skipped, no torch in $TORCH_PY (set BENCH_TORCH_PYTHON)"
      continue
    fi
    py=$TORCH_PY
  fi
  for _ in $(seq "$ROUNDS"); do
    OPENBLAS_NUM_THREADS=$THREADS "$BIN" "$group" >>"$tmp/$group.ours"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$THREADS OMP_NUM_THREADS=$THREADS \
      "$py" "Benchmarks/$group.py" >>"$tmp/$group.ref"
  done
  python3 Benchmarks/report.py "$tmp/$group.ours" "$tmp/$group.ref"
done
if [ "${BENCH_LESSONS:-1}" = 0 ] || [ -n "${BENCH_GROUPS:-}" ]; then
  :
elif [ "$HAVE_TORCH" = 0 ]; then
  echo "# lessons: skipped, no torch in $TORCH_PY (set BENCH_TORCH_PYTHON)"
else
  # The same thread count on both sides; PyTorch's own OpenBLAS/MKL variables are left alone.
  OPENBLAS_NUM_THREADS=$THREADS OMP_NUM_THREADS=$THREADS \
    python3 Benchmarks/lessons.py "${NNBOOK:-.build/release/nnbook}" "$TORCH_PY" "${BENCH_LESSON_ROUNDS:-2}"
fi
