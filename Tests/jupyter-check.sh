#!/usr/bin/env bash
# `make test`: every lesson exported by the built nnbook must be a valid nbformat 4.5 notebook
# by the real nbformat validator (Debian's python3-nbformat), and import back byte for byte;
# the real-Jupyter fixture must import and export again to a valid notebook.
set -euo pipefail
NNBOOK=${NNBOOK:-.build/release/nnbook}
PYTHON=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "jupyter: FAIL $name"; failed=$((failed + 1)); fi
}
validate() {
  "$PYTHON" - "$@" <<'PY'
import sys
import nbformat
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert (nb.nbformat, nb.nbformat_minor) == (4, 5), f"{path}: nbformat {nb.nbformat}.{nb.nbformat_minor}"
    nbformat.validate(nb)
    # nnbook writes the layout nbformat writes, so saving in Jupyter changes nothing.
    with open(path, encoding="utf-8") as f:
        assert f.read() == nbformat.writes(nb) + "\n", f"{path}: not nbformat's layout"
PY
}
for lesson in Notebooks/*.md; do
  name=$(basename "$lesson" .md)
  check "export $lesson" "$NNBOOK" export "$lesson" -o "$out/$name.ipynb" >/dev/null
  check "nbformat validates $name.ipynb" validate "$out/$name.ipynb"
  check "import $name.ipynb" "$NNBOOK" import "$out/$name.ipynb" -o "$out/$name.md" >/dev/null
  check "$lesson round trip is byte-identical" cmp "$lesson" "$out/$name.md"
done
cp Tests/NotebookTests/Fixtures/jupyter/fixture.ipynb "$out/fixture.ipynb"
check "import the Jupyter fixture" "$NNBOOK" import "$out/fixture.ipynb" >/dev/null 2>&1
check "export it again" "$NNBOOK" export "$out/fixture.md" -o "$out/fixture2.ipynb" >/dev/null
check "nbformat validates fixture2.ipynb" validate "$out/fixture2.ipynb"
echo "jupyter: $passed passed, $failed failed"
[ "$failed" = 0 ]
