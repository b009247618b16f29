"""Wall time spent in our own code during a build, by part (read by bench/build_scale.py)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

_SPENT: dict[str, float] = defaultdict(float)


@contextmanager
def section(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        _SPENT[name] += time.perf_counter() - started


def reset() -> None:
    _SPENT.clear()


def total() -> float:
    return sum(_SPENT.values())


def summary() -> str:
    return ",".join(f"{k}:{v:.1f}" for k, v in sorted(_SPENT.items()))
