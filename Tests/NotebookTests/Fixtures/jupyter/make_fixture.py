"""Writes fixture.ipynb (nbformat 4.5, cell ids) and fixture_v44.ipynb (4.4, no ids): a
notebook built with the real nbformat package and executed by a real Jupyter kernel (nbclient +
ipykernel), for the import tests. Not run by the tests; re-run it by hand to regenerate:

    python3 -m venv /tmp/jv && /tmp/jv/bin/pip install nbformat nbclient ipykernel
    /tmp/jv/bin/python Tests/NotebookTests/Fixtures/jupyter/make_fixture.py
"""
import base64
import os
import struct
import zlib

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))


def png(width, height, pixel):
    """A tiny RGB PNG, written by hand so the fixture needs no imaging library."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


dot = base64.b64encode(png(4, 4, lambda x, y: (255, 0, 0) if x == y else (255, 255, 255))).decode()

cells = [
    new_markdown_cell("# Squares, from Jupyter\n\nThe sum $\\sum_i x_i^2$ of a list, and its mean:\n\n"
                      "$$\n\\bar{x} = \\frac{1}{n} \\sum_i x_i\n$$"),
    new_code_cell("%load_ext autoreload\nxs = [1, 2, 3, 4]\nprint(sum(x * x for x in xs))\nsum(xs) / len(xs)"),
    new_code_cell("%time total = sum(xs)"),
    new_code_cell("for x in xs:\n    print(x, x ** 2)"),
    new_code_cell("[x * 10 for x in xs]"),
    new_markdown_cell("A picture kept as an attachment:\n\n![a red diagonal](attachment:diagonal.png)",
                      attachments={"diagonal.png": {"image/png": dot}}),
    new_code_cell("from IPython.display import Image, display\n"
                  "display(Image(data=__import__('base64').b64decode('" + dot + "')))\nprint('shown')"),
    new_code_cell("!echo from the shell"),
    new_code_cell("import sys\nprint('to stderr', file=sys.stderr)\nprint('to stdout')"),
    new_markdown_cell("The end."),
]
nb = new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}})
NotebookClient(nb, timeout=60, kernel_name="python3").execute()
nbformat.validate(nb)
nbformat.write(nb, os.path.join(HERE, "fixture.ipynb"))

old = nbformat.from_dict(nb)
old.nbformat_minor = 4
for cell in old.cells:
    cell.pop("id", None)
nbformat.validate(old)
nbformat.write(old, os.path.join(HERE, "fixture_v44.ipynb"))
print("wrote fixture.ipynb and fixture_v44.ipynb")
