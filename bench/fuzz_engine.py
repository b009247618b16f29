"""Fuzz the assessment engine for longer than the test suite does, and print what it found.

    .venv/bin/python bench/fuzz_engine.py [--examples 20000] [--seed N]

Every profile goes through the JSON entry point the browser uses (``assess_json``). A crash is an
exception, a result whose JSON holds NaN or Infinity, or an error message that is not Chinese. Prints
the count of profiles tried, refused (a Chinese error naming the field) and answered, and each kind of
crash with the smallest profile seen for it. Exit 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from generator.assess.api import assess_json  # noqa: E402
from generator.load.portal import load_portal  # noqa: E402
from generator.views.export import engine_data  # noqa: E402
from tests.profile_strategies import PROFILES  # noqa: E402


def _strict(name: str) -> float:
    raise ValueError(f"{name} in the result")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=None, help="default: a random seed, printed")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    data = json.dumps(engine_data(load_portal(ROOT)), ensure_ascii=False)
    counts = {"tried": 0, "refused": 0, "answered": 0}
    crashes: dict[str, str] = {}

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(PROFILES)
    def run(profile: dict) -> None:
        counts["tried"] += 1
        text = json.dumps(profile, ensure_ascii=False)
        try:
            doc = json.loads(assess_json(text, data), parse_constant=_strict)
            if "error" in doc:
                if not any("\u4e00" <= ch <= "\u9fff" for ch in doc["error"]):
                    raise ValueError(f"error message not in Chinese: {doc['error']}")
                counts["refused"] += 1
            else:
                counts["answered"] += 1
        except Exception as exc:  # record and go on: a fuzz run reports every kind it meets
            kind = f"{type(exc).__name__}: {str(exc)[:80]}"
            if kind not in crashes or len(text) < len(crashes[kind]):
                crashes[kind] = text

    started = time.perf_counter()
    run._hypothesis_internal_use_seed = seed  # reproducible with --seed
    run()
    elapsed = time.perf_counter() - started
    print(f"seed {seed}: {counts['tried']} profiles in {elapsed:.0f} s — {counts['answered']} answered, "
          f"{counts['refused']} refused with a Chinese message, {len(crashes)} kind(s) of crash")
    for kind, example in sorted(crashes.items()):
        print(f"  {kind}\n    smallest profile: {example[:300]}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
