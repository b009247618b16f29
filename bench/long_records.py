"""Time the engine on profiles with long record lists (issue 25, part 5): time should grow with the list, not
with its square.

    .venv/bin/python bench/long_records.py [--sizes 1000,4000,8000] [--field violations]

Each profile holds N dated records in one list (distinct days inside and around the schemes' windows) and is
assessed for every scheme through the entry point the browser uses (``assess_json``). Prints N, the seconds
taken (best of --repeat runs) and what the engine answered (a verdict per scheme, or its refusal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.assess.api import assess_json  # noqa: E402
from generator.load.portal import load_portal  # noqa: E402
from generator.views.export import engine_data  # noqa: E402

RECORDS = {
    "violations": lambda day: {"date": day, "severity": "general", "penalized": True},
    "incidents": lambda day: {"date": day, "kind": "quality", "severity": "general"},
    "export_failures": lambda day: day,
    "major_quality_complaints": lambda day: day,
}


def profile(field: str, n: int) -> dict:
    start = dt.date(2000, 1, 1)
    days = [(start + dt.timedelta(days=k * 3)).isoformat() for k in range(n)]  # 2000 … past 2026 from n ≈ 3,200
    return {"as_of": "2026-05-01", field: [RECORDS[field](d) for d in days]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,8000")
    parser.add_argument("--field", default="violations", choices=sorted(RECORDS))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    data = json.dumps(engine_data(load_portal(ROOT)), ensure_ascii=False)
    print(f"{'records':>8}  {'seconds':>8}  answer")
    for n in (int(s) for s in args.sizes.split(",")):
        text = json.dumps(profile(args.field, n))
        best, answer = float("inf"), ""
        for _ in range(args.repeat):
            began = time.perf_counter()
            doc = json.loads(assess_json(text, data))
            best = min(best, time.perf_counter() - began)
        answer = doc["error"] if "error" in doc else " ".join(f"{r['scheme'].split('-')[0]}:{r['verdict']}"
                                                            for r in doc["results"])
        print(f"{n:>8}  {best:>8.3f}  {answer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
