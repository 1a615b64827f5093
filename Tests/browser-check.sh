#!/usr/bin/env bash
# Real-browser check of a rendered site: headless Chromium loads every page of SITE_DIR and
# the DOM it builds must hold what nnbook wrote - every cell output (elements of class
# nn-output), every formula as a <math> element, every notebook on the index.
#
#   bash Tests/browser-check.sh site
#
# The expected counts come from the page's own <meta name="nnbook-outputs|nnbook-math|
# nnbook-plots|nnbook-pages|nnbook-parts"> (written by the Site module): every plot must be an
# <svg> drawn with its axes, and the index must show each part's heading. One line per page, then
# `browser: N passed, N failed`; exit 1 on any failure (0 with no pages at all).
set -u
dir=${1:-site}
shopt -s nullglob
pages=("$dir"/*.html)
pass=0
fail=0

if [ ${#pages[@]} -eq 0 ]; then
    echo "browser: 0 passed, 0 failed"
    exit 0
fi

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
    done
fi
if [ -z "$browser" ]; then
    echo "browser-check: chromium not found (apt-get install chromium)" >&2
    echo "browser: 0 passed, ${#pages[@]} failed"
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
absdir=$(cd "$dir" && pwd)

# The number in <meta name="$2" content="N"> of file $1, or empty.
meta() { grep -o "<meta name=\"$2\" content=\"[0-9]*\"" "$1" | head -1 | sed 's/.*content="//; s/"$//'; }
# How many times the regex $1 matches in stdin.
count() { grep -oE "$1" | wc -l | tr -d ' '; }

for page in "${pages[@]}"; do
    name=$(basename "$page")
    url="file://$absdir/$(printf '%s' "$name" | sed 's/%/%25/g; s/ /%20/g; s/#/%23/g; s/?/%3F/g')"
    dom=$(timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
          --enable-logging=stderr --v=0 --dump-dom "$url" 2>"$profile/stderr")
    problems=()
    # Every page carries a Content-Security-Policy, and nothing on it breaks that policy (a
    # blocked stylesheet, image or script shows as a console message).
    if ! grep -q '<meta http-equiv="Content-Security-Policy"' <<<"$dom"; then
        problems+=("no Content-Security-Policy meta tag")
    fi
    if grep -q 'Content Security Policy' "$profile/stderr"; then
        problems+=("CSP violation: $(grep -m1 'Content Security Policy' "$profile/stderr" | sed 's/.*\] //' | head -c 200)")
    fi
    if ! grep -q '<main class="nn-page"' <<<"$dom"; then
        problems+=("page did not load (no <main class=\"nn-page\"> in the DOM)")
    fi
    summary=""
    want_out=$(meta "$page" nnbook-outputs)
    want_math=$(meta "$page" nnbook-math)
    want_pages=$(meta "$page" nnbook-pages)
    want_plots=$(meta "$page" nnbook-plots)
    want_parts=$(meta "$page" nnbook-parts)
    if [ -n "$want_out" ]; then
        got=$(count 'class="nn-output[ "]' <<<"$dom")
        [ "$got" -ge "$want_out" ] || problems+=("$got of $want_out outputs in the DOM")
        summary+="$got outputs"
    fi
    if [ -n "$want_math" ]; then
        got=$(count '<math[ >]' <<<"$dom")
        [ "$got" -ge "$want_math" ] || problems+=("$got of $want_math <math> elements in the DOM")
        summary+="${summary:+, }$got math"
    fi
    if [ -n "$want_plots" ] && [ "$want_plots" -gt 0 ]; then
        got=$(count '<svg class="nn-plot"' <<<"$dom")
        axes=$(count '<g class="nn-axes"' <<<"$dom")
        [ "$got" -ge "$want_plots" ] || problems+=("$got of $want_plots plots in the DOM")
        [ "$axes" -ge "$want_plots" ] || problems+=("$axes of $want_plots plots have axes")
        summary+="${summary:+, }$got plots"
    fi
    if [ -n "$want_parts" ] && [ "$want_parts" -gt 0 ]; then
        got=$(count '<h2 class="nn-part"' <<<"$dom")
        [ "$got" -ge "$want_parts" ] || problems+=("$got of $want_parts part headings")
        summary+="${summary:+, }$got parts"
    fi
    if [ -n "$want_pages" ]; then
        got=$(count 'class="nn-index-title"' <<<"$dom")
        [ "$got" -ge "$want_pages" ] || problems+=("$got of $want_pages notebooks listed")
        summary+="${summary:+, }$got notebooks listed"
    fi
    if [ -z "$want_out$want_math$want_pages" ]; then
        problems+=("not an nnbook page (no nnbook-* meta)")
    fi
    if [ ${#problems[@]} -eq 0 ]; then
        echo "ok   $name: $summary"
        pass=$((pass + 1))
    else
        msg=$(printf '%s; ' "${problems[@]}")
        echo "FAIL $name: ${msg%; }"
        fail=$((fail + 1))
    fi
done

echo "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
