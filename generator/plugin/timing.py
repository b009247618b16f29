"""Wall time spent in our own code during a build, by part (read by bench/build_scale.py)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

_SPENT: dict[str, float] = defaultdict(float)
_EXTERNAL: set[str] = set()


@contextmanager
def section(name: str, external: bool = False) -> Iterator[None]:
    """Time a part of the build; ``external`` parts run another tool (not our code)."""
    if external:
        _EXTERNAL.add(name)
    started = time.perf_counter()
    try:
        yield
    finally:
        _SPENT[name] += time.perf_counter() - started


def reset() -> None:
    _SPENT.clear()
    _EXTERNAL.clear()


def total() -> float:
    """Seconds in our own code."""
    return sum(v for k, v in _SPENT.items() if k not in _EXTERNAL)


def summary() -> str:
    return ",".join(f"{k}:{v:.1f}" for k, v in sorted(_SPENT.items()))
