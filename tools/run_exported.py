"""Runs notebooks written by `nnbook export` in a real Jupyter kernel and compares each code
cell's text output with the one the lesson recorded (`torch.` removed, whitespace ignored;
`%time`/`%timeit` cells skipped: their times differ). A developer check, like torch_check.py:
it needs PyTorch plus nbformat, nbclient and ipykernel, which CI does not have.

    nnbook export Notebooks/01_matmul.md -o /tmp/01.ipynb
    python3 tools/run_exported.py /tmp/01.ipynb
"""
import sys
import time

import nbformat
from nbclient import NotebookClient


def text(cell):
    out = ""
    for o in cell.outputs:
        if o.output_type == "stream" and o.name == "stdout":
            out += o.text
        elif o.output_type in ("execute_result", "display_data"):
            out += o.data.get("text/plain", "") + "\n"
        elif o.output_type == "error":
            out += f"{o.ename}: {o.evalue}\n"
    return out.replace("torch.", "").split()


failed = 0
for path in sys.argv[1:]:
    recorded = nbformat.read(path, as_version=4)
    ran = nbformat.read(path, as_version=4)
    start = time.time()
    # Cells tagged raises-exception may raise; any other error stops the run.
    NotebookClient(ran, timeout=600, kernel_name="python3").execute()
    differ = [a for a, b in zip(recorded.cells, ran.cells)
              if a.cell_type == "code" and "%time" not in a.source and text(a) != text(b)]
    for cell in differ:
        print(f"{path}: output differs for cell:\n{cell.source}\n")
    print(f"{'OK  ' if not differ else 'FAIL'} {path}  ({time.time() - start:.1f} s, {len(differ)} cells differ)")
    failed += bool(differ)
sys.exit(1 if failed else 0)
