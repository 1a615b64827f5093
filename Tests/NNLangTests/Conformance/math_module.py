import math
from math import sqrt, pi as PI, floor
print(math.pi, math.e, math.inf, -math.inf, math.nan, PI)
print(math.sqrt(16), sqrt(2), math.exp(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.floor(2.7), math.ceil(2.1), floor(-2.5), math.ceil(-2.5))
print(math.fabs(-3), math.pow(2, 10), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isnan(math.nan), math.isinf(math.inf), math.isnan(1.0), math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([0.1] * 10))
print(math.factorial(10), math.factorial(0), math.gcd(12, 18), math.gcd(0, 5), math.trunc(-3.7), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.floor(3), type(math.floor(3.5)).__name__)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    import no_such_module_nn
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from math import nothing
except ImportError as e:
    print(type(e).__name__)
import math as m
print(m.sqrt(9))
