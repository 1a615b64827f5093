"""The nn names and lesson helpers, for running nn cells under CPython + PyTorch.

The prelude's text has one home: the raw string in Sources/Notebook/Jupyter/TorchPrelude.swift,
which nnbook also puts first in every exported notebook. This module reads it from there and runs
it as its own body, so `import torch_prelude` gives exactly the names an exported notebook gets.
`python3 tools/torch_prelude.py` prints the text (a test compares it with nnbook's export).
"""
import os
import sys

SWIFT_SOURCE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                                             "Sources", "Notebook", "Jupyter", "TorchPrelude.swift"))
_OPEN = 'static let source = #"""\n'
_CLOSE = '\n"""#\n'


def prelude_source(path=SWIFT_SOURCE):
    """The prelude's Python text and the line of `path` it starts on."""
    with open(path, encoding="utf-8") as f:
        swift = f.read()
    start = swift.find(_OPEN)
    end = swift.find(_CLOSE, start + 1)
    if start < 0 or end < 0:
        raise RuntimeError(f"{path}: the prelude's #\"\"\" ... \"\"\"# string was not found")
    start += len(_OPEN)
    return swift[start:end], swift.count("\n", 0, start) + 1


if __name__ == "__main__":
    sys.stdout.write(prelude_source()[0] + "\n")
else:
    _text, _line = prelude_source()
    # Padded so that tracebacks name the Swift file's own line numbers.
    exec(compile("\n" * (_line - 1) + _text, SWIFT_SOURCE, "exec"), globals())
    del _text, _line
