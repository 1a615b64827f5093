#!/usr/bin/env python3
"""Run the nn cells of nnbook notebooks under CPython + PyTorch (the oracle for nnbook).

    python3 tools/torch_check.py Notebooks/01_matmul.md ...           # print each cell's output
    python3 tools/torch_check.py --update Notebooks/*.md              # (re)write the output blocks
    python3 tools/torch_check.py --check Notebooks/*.md               # compare with the blocks

A developer tool (CI has no torch): see tools/README.md.
"""
import argparse
import ast
import contextlib
import io
import math
import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import nn_pyplot  # noqa: E402  (our matplotlib stand-in: prints figures' text forms)
import torch_prelude  # noqa: E402

nn_pyplot._install()

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
HELP = re.compile(r"^\s*[^#'\"]+\?{1,2}\s*$")
MAGIC = re.compile(r"^%(time|timeit)(?:\s+(.*))?$")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf")


class Block:
    """A fenced block: lines [start, end) of the file, its info string and body."""
    def __init__(self, start, end, info, body):
        self.start, self.end, self.info, self.body = start, end, info, body


def fenced_blocks(lines):
    """Top-level fenced code blocks of a Markdown file (CommonMark fence rules, no nesting)."""
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i].rstrip("\n"))
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
            j, body = i + 1, []
            while j < len(lines):
                c = FENCE.match(lines[j].rstrip("\n"))
                if c and c.group(2)[0] == fence[0] and len(c.group(2)) >= len(fence) and not c.group(3).strip():
                    break
                body.append(lines[j][min(indent, len(lines[j]) - len(lines[j].lstrip(" "))):])
                j += 1
            blocks.append(Block(i, min(j + 1, len(lines)), info, "".join(body)))
            i = j + 1
        else:
            i += 1
    return blocks


def cell_options(info):
    """('nn hide raises=ValueError') -> {'hide': True, 'raises': 'ValueError'}."""
    opts = {}
    for word in info.split()[1:]:
        key, _, value = word.partition("=")
        opts[key] = value or True
    return opts


# --- IPython-style timing ----------------------------------------------------------------------

def format_time(seconds):
    """A duration as IPython prints it: 3 significant digits in s, ms, µs or ns."""
    if seconds >= 60:
        parts, left = [], seconds
        for suffix, length in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
            value = int(left // length)
            if value > 0:
                left -= value * length
                parts.append(f"{value}{suffix}")
            if left < 1:
                break
        return " ".join(parts)
    order = min(-int(math.floor(math.log10(seconds)) // 3), 3) if seconds > 0 else 3
    return "%.*g %s" % (3, seconds * (1, 1e3, 1e6, 1e9)[order], ("s", "ms", "\u00b5s", "ns")[order])


class Magics:
    """Runs `%time` / `%timeit` lines; they mark the cell's output volatile."""
    def __init__(self, ns):
        self.ns, self.lines, self.used = ns, [], False

    def __call__(self, index):
        kind, rest = self.lines[index]
        self.used = True
        if kind == "time":
            return self.time(rest)
        self.timeit(rest)

    def time(self, src):
        tree = ast.parse(src)
        is_expr = len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr)
        code = compile(ast.Expression(tree.body[0].value) if is_expr else tree, "<magic>",
                       "eval" if is_expr else "exec")
        c0, w0 = os.times(), time.perf_counter()
        value = eval(code, self.ns) if is_expr else exec(code, self.ns)
        c1, w1 = os.times(), time.perf_counter()
        user, sys_ = c1.user - c0.user, c1.system - c0.system
        print(f"CPU times: user {format_time(user)}, sys: {format_time(sys_)}, "
              f"total: {format_time(user + sys_)}")
        print(f"Wall time: {format_time(w1 - w0)}")
        return value

    def timeit(self, src):
        words, n, r = src.split(), None, 7
        while words and words[0] in ("-n", "-r") and len(words) > 1:
            if words[0] == "-n":
                n = int(words[1])
            else:
                r = int(words[1])
            words = words[2:]
        code = compile(src[src.index(words[0]):] if words else "pass", "<magic>", "exec")

        def run(loops):
            t0 = time.perf_counter()
            for _ in range(loops):
                exec(code, self.ns)
            return time.perf_counter() - t0
        if n is None:
            n = 1
            while run(n) < 0.2:
                n *= 10
        per = [run(n) / n for _ in range(r)]
        mean = sum(per) / r
        std = math.sqrt(sum((p - mean) ** 2 for p in per) / r)
        print(f"{format_time(mean)} \u00b1 {format_time(std)} per loop (mean \u00b1 std. dev. of "
              f"{r} run{'' if r == 1 else 's'}, {n:,} loop{'' if n == 1 else 's'} each)")


# --- running cells -----------------------------------------------------------------------------

def run_cell(source, ns, magics, path, first_line):
    """Run one cell; return (output text, error or None)."""
    lines = source.splitlines()
    for k, line in enumerate(lines):
        if HELP.match(line):  # IPython's `obj?` / `obj??`: shown by nnbook, volatile, not compared
            magics.used = True
            lines[k] = line[:len(line) - len(line.lstrip())] + "pass"
            continue
        m = MAGIC.match(line)
        if m:
            magics.lines.append((m.group(1), m.group(2) or ""))
            lines[k] = f"__nn_magic__({len(magics.lines) - 1})"
    tree = ast.parse("\n".join(lines) + "\n", path)
    ast.increment_lineno(tree, first_line - 1)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if last is not None and suppresses_result(lines):
        tree.body.append(last)  # IPython: a cell whose last line ends with `;` shows no Out[n]
        last = None
    out, error = io.StringIO(), None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(tree, path, "exec"), ns)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), path, "eval"), ns)
                if value is not None:
                    print(repr(value))
            nn_pyplot.show()  # the inline backend draws the cell's open figure after Out[n]
        except Exception as e:  # the cell's error is its output
            error = e
    text = out.getvalue()
    if text and not text.endswith("\n"):
        text += "\n"
    return text.replace("torch.", ""), error


def suppresses_result(lines):
    """IPython's rule: the last line of code ends with `;` (comments aside)."""
    for line in reversed(lines):
        code = line.split("#", 1)[0].rstrip() if "#" in line and "'" not in line and '"' not in line else line.rstrip()
        if code.strip():
            return code.endswith(";")
    return False


def run_notebook(path):
    """Run every nn cell of a notebook; yield (block, options, output, volatile)."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    ns = {name: getattr(torch_prelude, name) for name in torch_prelude.__all__}
    ns["__name__"] = "__main__"
    magics = Magics(ns)
    ns["__nn_magic__"] = magics
    torch.manual_seed(0)
    for block in fenced_blocks(lines):
        if block.info.split()[:1] != ["nn"]:
            continue
        opts = cell_options(block.info)
        if "skip" in opts:
            yield block, opts, None, False
            continue
        magics.used, t0 = False, time.perf_counter()
        text, error = run_cell(block.body, ns, magics, path, block.start + 2)
        opts["seconds"] = time.perf_counter() - t0
        expected = opts.get("raises")
        if error is not None:
            summary = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            text = text + summary.replace("torch.", "") + "\n"
            if expected is None or (expected is not True and type(error).__name__ != expected):
                traceback.print_exception(error, file=sys.stderr)
                raise SystemExit(f"{path}:{block.start + 1}: cell raised {summary}")
        elif expected is not None:
            raise SystemExit(f"{path}:{block.start + 1}: cell was expected to raise but did not")
        yield block, opts, text, magics.used or "volatile" in opts


def output_after(blocks, lines, k):
    """The output block right after blocks[k] (blank lines only in between), or None."""
    if k + 1 < len(blocks) and blocks[k + 1].info.split()[:1] == ["output"]:
        if all(not line.strip() for line in lines[blocks[k].end:blocks[k + 1].start]):
            return blocks[k + 1]
    return None


def numbers_match(a, b, rtol=1e-4):
    """Equal text, except that numbers may differ by a relative 1e-4."""
    if NUMBER.sub("#", a) != NUMBER.sub("#", b):
        return False
    for x, y in zip(NUMBER.findall(a), NUMBER.findall(b)):
        fx, fy = float(x), float(y)
        if not (fx == fy or (math.isnan(fx) and math.isnan(fy))
                or abs(fx - fy) <= rtol * max(abs(fx), abs(fy))):
            return False
    return True


def fence_for(text):
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=2)
    return "`" * max(3, longest + 1)


def process(path, mode):
    t0 = time.perf_counter()
    results = {b.start: (opts, text, vol) for b, opts, text, vol in run_notebook(path)}
    seconds = time.perf_counter() - t0
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    blocks = fenced_blocks(lines)
    failures, edits = 0, []  # edits: (start, end, replacement lines), applied bottom-up
    for k, block in enumerate(blocks):
        if block.start not in results:
            continue
        opts, text, volatile = results[block.start]
        old = output_after(blocks, lines, k)
        if mode == "print":
            took = f" ({opts['seconds']:.2f} s)" if "seconds" in opts else ""
            print(f"--- {path}:{block.start + 1}{took}{'  (volatile)' if volatile else ''}")
            print(text or "", end="")
        elif mode == "check" and text is not None and not volatile:
            recorded = old.body if old else ""
            if not numbers_match(recorded, text):
                failures += 1
                print(f"{path}:{block.start + 1}: output differs\n--- recorded\n{recorded}--- got\n{text}")
        elif mode == "update" and text is not None:
            fence = fence_for(text)
            new = [f"{fence}output\n"] + text.splitlines(keepends=True) + [f"{fence}\n"] if text else []
            if old:
                start = old.start if new else block.end
                edits.append((start, old.end, new))
            elif new:
                edits.append((block.end, block.end, ["\n"] + new))
    if mode == "update" and edits:
        for start, end, new in reversed(edits):
            lines[start:end] = new
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(lines)
        os.replace(tmp, path)
    print(f"{path}: {len(results)} cells, {seconds:.3f} s" + (f", {failures} differ" if mode == "check" else ""),
          file=sys.stderr)
    return failures


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="+")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--update", action="store_true", help="write output blocks after the cells")
    g.add_argument("--check", action="store_true", help="compare outputs with the recorded blocks")
    a = p.parse_args()
    mode = "update" if a.update else "check" if a.check else "print"
    failures = sum(process(f, mode) for f in a.files)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
