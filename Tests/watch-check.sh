#!/usr/bin/env bash
# Real-browser check of `nnbook watch`: headless Chromium shows a lesson served by the watch
# server; the check edits the notebook and the page must show the new output within 3 s with
# no reload from here (live reload), then the error (with the later cell's output kept, stale)
# after a broken edit. Also: a save during a run cancels it, paths leaving the site are
# refused over HTTP, and Ctrl-C stops the server cleanly.
#
#   bash Tests/watch-check.sh [NNBOOK]       # default .build/release/nnbook
#
# Ends with `watch: N passed, N failed`; exit 1 on any failure.
set -u
nnbook=${1:-.build/release/nnbook}
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
ok() { echo "ok    $1"; pass=$((pass + 1)); }
bad() { echo "FAIL  $1"; fail=$((fail + 1)); }
finish() {
    echo "watch: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit $?
}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
    done
fi
[ -n "$browser" ] || { bad "chromium not found (apt-get install chromium)"; finish; }
[ -x "$nnbook" ] || { bad "no nnbook binary at $nnbook"; finish; }

work=$(mktemp -d)
watch_pid=""
browser_pid=""
cleanup() {
    [ -n "$browser_pid" ] && kill "$browser_pid" 2>/dev/null
    [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# A two-cell lesson: the first cell's output is what the test edits; the second cell's output
# must survive (stale) while the first is broken.
mkdir -p "$work/nb"
write_lesson() {
    cat >"$work/nb/01_live.md.tmp" <<EOF
# Live

Some prose so the page has a body.

\`\`\`nn
x = $1
print("value", x + 1)
\`\`\`

\`\`\`nn
print("second", x * ${2:-2})
\`\`\`
EOF
    mv "$work/nb/01_live.md.tmp" "$work/nb/01_live.md"
}
write_lesson 41

"$nnbook" watch "$work/nb" --out "$work/site" --port 0 --no-cache >"$work/watch.log" 2>&1 &
watch_pid=$!
url=""
for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/watch.log" | head -1)
    [ -n "$url" ] && break
    kill -0 "$watch_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    bad "nnbook watch did not start serving: $(tr '\n' ' ' <"$work/watch.log" | head -c 600)"
    finish
fi
ok "nnbook watch serves at $url (bound to 127.0.0.1)"

"$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --remote-debugging-port=0 "${url}01_live.html" >/dev/null 2>&1 &
browser_pid=$!
cdp() { timeout 60 python3 "$here/cdp.py" "$work/profile" "$@"; }

if cdp wait-text "value 42" 30 >/dev/null; then ok "page shows the first run's output"; else bad "first output not shown"; finish; fi

# An edit: the new output must be on the page within 3 s, with no reload from here.
start=$(date +%s.%N)
write_lesson 99
if msg=$(cdp wait-text "value 100" 3); then
    ok "edited output shown without a manual reload ($(python3 -c "print('%.2f s' % ($(date +%s.%N) - $start))"))"
else
    bad "edited output not shown within 3 s: $msg"
fi

# A broken edit: the page shows the error and keeps the second cell's last output, stale.
start=$(date +%s.%N)
write_lesson "(99"
if msg=$(cdp wait-text "SyntaxError" 3); then ok "the error of a broken edit is shown"; else bad "error not shown within 3 s: $msg"; fi
if msg=$(cdp wait-text "01_live.md:6:" 3); then ok "the error banner gives file:line:col"; else bad "no file:line:col in the page: $msg"; fi
if msg=$(cdp wait-text "second 198" 3); then ok "the later cell's last good output is kept"; else bad "stale output missing: $msg"; fi
if msg=$(cdp wait-text "stale" 3); then ok "... and marked stale"; else bad "stale output not marked: $msg"; fi
if kill -0 "$watch_pid" 2>/dev/null; then ok "a broken edit leaves the server running"; else bad "the server died"; fi

# A save during a run cancels it and the newer save wins.
write_lesson "sum(i for i in range(10**9)) * 0 + 5"
sleep 1
write_lesson 7
if msg=$(cdp wait-text "value 8" 10); then ok "a save during a run starts the new run"; else bad "the newer save did not show: $msg"; fi
for _ in $(seq 1 50); do grep -q "cancelled" "$work/watch.log" && break; sleep 0.1; done
if grep -q "cancelled.*01_live.md" "$work/watch.log"; then ok "the older run was cancelled"; else bad "no cancelled run in the log"; fi
# Edits below the first cell: after one, a spare interpreter holds cell 1's state, so the
# next edit of cell 2 runs only cell 2.
write_lesson 7 3
if msg=$(cdp wait-text "second 21" 3); then ok "an edit of the second cell is shown"; else bad "second-cell edit not shown: $msg"; fi
sleep 1
write_lesson 7 4
if msg=$(cdp wait-text "second 28" 3); then ok "a second edit of it is shown"; else bad "second edit not shown: $msg"; fi
for _ in $(seq 1 30); do grep -q "from cell 2" "$work/watch.log" && break; sleep 0.1; done
if grep -q "01_live.md .*from cell 2" "$work/watch.log"; then ok "... re-run from cell 2, not from the top"; else bad "no run from cell 2 in the log"; fi
lines=$(grep -cE '^[0-9]{2}:[0-9]{2}:[0-9]{2}  .*01_live\.md' "$work/watch.log")
if [ "$lines" -ge 6 ]; then ok "one terminal line per re-run ($lines)"; else bad "$lines re-run lines in the log"; fi

# Nothing outside the site folder: raw paths with .. (http.client sends them as written).
echo secret >"$work/secret.txt"
ln -s "$work/secret.txt" "$work/site/leak.txt"
for path in "/../secret.txt" "/%2e%2e/secret.txt" "/leak.txt"; do
    code=$(python3 -c 'import http.client, sys
c = http.client.HTTPConnection(sys.argv[1], int(sys.argv[2]), timeout=10)
c.request("GET", sys.argv[3])
print(c.getresponse().status)' 127.0.0.1 "$(echo "$url" | sed 's/.*:\([0-9]*\)\/$/\1/')" "$path")
    if [ "$code" = 404 ]; then ok "refused $path"; else bad "$path answered $code"; fi
done

# Ctrl-C: a clean exit, status 0.
kill -INT "$watch_pid"
status=""
for _ in $(seq 1 100); do
    if ! kill -0 "$watch_pid" 2>/dev/null; then wait "$watch_pid"; status=$?; break; fi
    sleep 0.1
done
watch_pid_done=$watch_pid
watch_pid=""
if [ "$status" = 0 ]; then ok "Ctrl-C stops the server (exit 0)"; else bad "after Ctrl-C: status '${status:-still running}'"; kill "$watch_pid_done" 2>/dev/null; fi
finish
