#!/usr/bin/env python3
"""Record (or check) the expected output of nn conformance programs with real CPython + PyTorch.

    python3 tools/record_conformance.py Tests/NNLangTests/Conformance/foo.py ...   # write foo.out
    python3 tools/record_conformance.py --check Tests/NNLangTests/Conformance/*.py # compare

A program runs as `python3 foo.py` would, with the nn names of tools/torch_prelude.py in scope
when torch is installed (so tensor programs may use `tensor(...)` without the prefix). Its `.out`
is what it printed, then, if it ended with an uncaught exception, the line `Type: message`
(`Type` alone for an empty message), with every `torch.` removed, as nnbook prints reprs.
Programs under `displays/` also print their displays' text forms (the prelude does that).
Never write a `.out` by hand or from nnbook's own output: this script is the only source.
"""
import argparse
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def prelude():
    try:
        import nn_pyplot  # our matplotlib stand-in: prints figures' text forms
        nn_pyplot._install()
        import torch_prelude  # noqa: F401  (imports torch)
    except ModuleNotFoundError as e:
        if e.name != "torch":
            raise
        return {}
    return {name: getattr(torch_prelude, name) for name in torch_prelude.__all__}


def record(path, names):
    """The text the program at `path` prints, plus its uncaught error's summary line."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    ns = {"__name__": "__main__", "__file__": path, **names}
    out = io.StringIO()
    if "manual_seed" in names:
        names["manual_seed"](0)  # nnbook seeds every interpreter with 0
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, os.path.basename(path), "exec"), ns)
        except BaseException as error:  # noqa: BLE001 - the error is the program's output
            if isinstance(error, KeyboardInterrupt):
                raise
            summary = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            print(summary)
    return out.getvalue().replace("torch.", "")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("programs", nargs="+")
    p.add_argument("--check", action="store_true", help="compare with the committed .out files")
    a = p.parse_args()
    names = prelude()
    differ = 0
    for path in a.programs:
        text = record(path, names)
        out = os.path.splitext(path)[0] + ".out"
        if a.check:
            try:
                with open(out, encoding="utf-8") as f:
                    old = f.read()
            except FileNotFoundError:
                old = None
            if old != text:
                differ += 1
                print(f"{path}: recorded output differs from CPython's")
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{out}: {len(text.splitlines())} lines")
    if a.check:
        print(f"{len(a.programs) - differ} passed, {differ} failed")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
