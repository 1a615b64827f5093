#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer + libFuzzer, a separate build in Fuzz/.build)
# and runs each for SECONDS, seeded from the conformance programs, lessons and fixtures, with
# the nn dictionary. A crash, trap, sanitizer report or hang is a finding: its input is copied
# into Fuzz/Regressions/TARGET/ (commit it: `swift test` replays every file there) and the
# script exits 1. Prints one line per target with the executions run.
#
#   bash Fuzz/run.sh 600          # make fuzz: 10 minutes each
#   bash Fuzz/run.sh 7            # make test's short run
set -u
seconds=${1:-600}
# An input running longer than this is a hang (the VM target's own deadline is 0.25 s).
hang=$(( seconds < 60 ? 10 : 20 ))
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
cd "$fuzz" || exit 2

echo "fuzz: building the targets (-sanitize=fuzzer,address)"
if ! swift build -c release -Xswiftc -sanitize=fuzzer,address \
        >"$fuzz/.build-log" 2>&1; then
    tail -30 "$fuzz/.build-log"
    echo "fuzz: the targets did not build"
    exit 2
fi
bin=$(swift build -c release --show-bin-path -Xswiftc -sanitize=fuzzer,address)

seeds_for() {
    case $1 in
        parser|vm) echo "$root/Tests/NNLangTests/Conformance" ;;
        notebook) echo "$root/Notebooks $root/Tests/NotebookTests/Fixtures" ;;
    esac
}

status=0
# Leaks are not findings (the interpreter keeps reference cycles); traps are. Swift's own
# backtracer does not run under ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export SWIFT_BACKTRACE=enable=no
total=0
for pair in parser:FuzzParser notebook:FuzzNotebook vm:FuzzVM; do
    name=${pair%%:*}; exe=${pair##*:}
    corpus="$fuzz/.corpus/$name"; findings="$fuzz/.findings/$name"
    mkdir -p "$corpus" "$findings" "$fuzz/Regressions/$name"
    log="$fuzz/.findings/$name.log"
    # Only .py/.md seeds (the .out files beside them are outputs, not programs).
    seeddir="$fuzz/.seeds/$name"; mkdir -p "$seeddir"
    for d in $(seeds_for "$name"); do
        find "$d" -maxdepth 1 -type f \( -name '*.py' -o -name '*.md' \) -exec cp {} "$seeddir/" \;
    done
    # Programs that make temporary folders (`tempfile.mkdtemp`, seeded from mod_pathlib.py)
    # make them here, removed after the run, not in /tmp.
    scratch="$fuzz/.scratch/$name"; mkdir -p "$scratch"
    TMPDIR="$scratch" "$bin/$exe" "$corpus" "$seeddir" "$fuzz/Regressions/$name" -dict="$fuzz/nn.dict" \
        -max_total_time="$seconds" -timeout="$hang" -rss_limit_mb=6000 -max_len=8192 -detect_leaks=0 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    rm -rf "$scratch"
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    found=$(ls "$findings" 2>/dev/null | grep -E '^(crash|timeout|oom|leak)-' || true)
    if [ $rc -ne 0 ] || [ -n "$found" ]; then
        for f in $found; do cp "$findings/$f" "$fuzz/Regressions/$name/$f"; done
        echo "FAIL fuzz $name: $runs executions, finding(s): ${found:-exit $rc} (see $log; inputs copied to Fuzz/Regressions/$name/)"
        grep -m3 -E 'Fatal error|ERROR: |SUMMARY' "$log" | sed 's/^/    /'
        status=1
    else
        echo "ok   fuzz $name: $runs executions in ${seconds}s, no finding"
    fi
    rm -f "$findings"/crash-* "$findings"/timeout-* "$findings"/oom-* "$findings"/leak-*
done
echo "fuzz: $total executions in all"
exit $status
