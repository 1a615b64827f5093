"""Reference for the `lang` group: CPython runs the same Benchmarks/lang_*.py programs.
lang_tensor_matmul's reference is the same triple loop over lists of floats."""
import os

from benchlib import run

HERE = os.path.dirname(os.path.abspath(__file__))


def program(file):
    def prepare():
        ns = {"__name__": "lang"}
        with open(os.path.join(HERE, file)) as f:
            exec(compile(f.read(), file, "exec"), ns)
        return ns["bench"]
    return prepare


def module_program(file):
    def prepare():
        with open(os.path.join(HERE, file)) as f:
            code = compile(f.read(), file, "exec")
        return lambda: exec(code, {"__name__": "lang"})
    return prepare


def tensor_matmul_on_lists():
    a = [[(i * 784 + k) % 7 * 0.125 for k in range(784)] for i in range(5)]
    b = [[(k + j) % 5 * 0.25 for j in range(10)] for k in range(784)]

    def matmul():
        c = [[0.0] * 10 for _ in range(5)]
        for i in range(5):
            for j in range(10):
                for k in range(784):
                    c[i][j] += a[i][k] * b[k][j]
        return c
    return matmul


run([
    ("lang_floatloop", 5, program("lang_floatloop.py")),
    ("lang_fib", 5, program("lang_fib.py")),
    ("lang_matmul", 5, program("lang_matmul.py")),
    ("lang_tensor_matmul", 5, tensor_matmul_on_lists),
    ("lang_module_loop", 3, module_program("lang_module_loop.py")),
])
