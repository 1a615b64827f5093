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
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${NNBENCH:-.build/release/NNBench}
ROUNDS=${BENCH_ROUNDS:-3}
THREADS=${BENCH_THREADS:-2}
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
  for _ in $(seq "$ROUNDS"); do
    OPENBLAS_NUM_THREADS=$THREADS "$BIN" "$group" >>"$tmp/$group.ours"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$THREADS OMP_NUM_THREADS=$THREADS \
      python3 "Benchmarks/$group.py" >>"$tmp/$group.ref"
  done
  python3 Benchmarks/report.py "$tmp/$group.ours" "$tmp/$group.ref"
done
