# typing names import and subscript; annotations are never checked. time basics.
from typing import List, Dict, Tuple, Optional, Union, Any, Callable, Iterable, Iterator, Sequence, TypeVar, Generator
import typing
import time
T = TypeVar("T")
def first(xs: Sequence[T], default: Optional[T] = None) -> Optional[T]:
    return xs[0] if xs else default
def apply(f: Callable[[int], int], xs: List[int]) -> Dict[str, Union[int, float]]:
    return {str(x): f(x) for x in xs}
scores: Dict[str, List[int]] = {"a": [1]}
pair: Tuple[int, ...] = (1, 2)
print(first([3, 4]), first([], "none"), apply(lambda x: x * x, [1, 2]), scores, pair)
class Box:
    items: List[Any]
    def __init__(self, items: Iterable[Any]) -> None:
        self.items = list(items)
    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)
print(list(Box("ab")), typing.Optional is Optional, typing.cast(int, "x"))
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.02)
print(time.time() - t0 >= 0.015, time.perf_counter() - p0 >= 0.015, type(time.time()).__name__, type(time.perf_counter()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
