#!/usr/bin/env bash
# The floors (ARCHITECTURE.md): every target under Sources/ imports only targets below it.
# SwiftPM alone does not hold this line: a module built earlier in the same build can be
# imported without a declared dependency, so an upward import could creep in unnoticed.
# `make test` runs this before building; it prints each offending import and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ours='NNSyntax|NNEngine|NNLang|Tensors|Autograd|Notebook|Site|NNBookCLI|Preview'
status=0
# floor DIR ALLOWED: the files under DIR may import only ALLOWED (a regex) of our modules.
floor() {
  local dir=$1 allowed=$2
  local bad
  bad=$(grep -rnE "^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*import[[:space:]]+((struct|class|enum|protocol|func|var|let|typealias)[[:space:]]+)?($ours)\b" \
          --include='*.swift' "$dir" \
        | grep -vE "import[[:space:]]+((struct|class|enum|protocol|func|var|let|typealias)[[:space:]]+)?($allowed)\b" || true)
  if [ -n "$bad" ]; then
    echo "floors-check: $dir may import only ($allowed) of our targets:" >&2
    echo "$bad" >&2
    status=1
  fi
}
floor Sources/Tensors  'NONE'
floor Sources/Autograd 'Tensors'
floor Sources/NNSyntax 'NONE'
floor Sources/NNEngine 'NNSyntax|Tensors|Autograd'
floor Sources/NNLang   'NNEngine|NNSyntax|Tensors|Autograd'
[ "$status" = 0 ] && echo "floors-check: every floor imports only the floors below it"
exit "$status"
