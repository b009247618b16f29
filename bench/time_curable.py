"""Per scheme: how many conditions time alone can cure, found by trying generated profiles (hypothesis,
fixed seed): a condition counts when, for some profile, it fails and has a passes_from. Also how many are
judged by reviewers. Prints figures.

    .venv/bin/python bench/time_curable.py [--examples 400]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.assess import rules  # noqa: E402
from generator.assess.profile import parse_profile  # noqa: E402
from generator.load.portal import load_portal  # noqa: E402
from tests.profile_strategies import VALID_PROFILES  # noqa: E402


def decisive(scheme) -> list[tuple[str, dict]]:
    """(result id, rule) of every entry a rule decides: conditions, the levels' prerequisites, the vetoes."""
    found = [(c.id, c.rule) for c in scheme.conditions if c.rule]
    found += [(f"level-{lv.id}", lv.rule) for lv in scheme.levels if lv.rule]
    if scheme.scoring.credit:
        found += [(f"veto-{v.id}", v.rule) for v in scheme.scoring.credit.vetoes]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=400)
    args = parser.parse_args()
    portal = load_portal(ROOT)
    curable: dict[str, set[str]] = defaultdict(set)

    @settings(max_examples=args.examples, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(VALID_PROFILES, st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)))
    def run(raw: dict, as_of: dt.date) -> None:
        profile = parse_profile(raw | {"as_of": as_of.isoformat()})
        for scheme in portal.schemes:
            for cid, rule in decisive(scheme):
                if rules.evaluate(rule, profile)[0] == rules.FAIL and rules.passes_from(rule, profile):
                    curable[scheme.id].add(cid)

    run()
    for scheme in portal.schemes:
        reviewers = sum(1 for c in scheme.conditions if c.judged_by == "reviewers")
        found = sorted(curable[scheme.id])
        print(f"{scheme.name}: {len(decisive(scheme))} rule-judged entries of {len(scheme.conditions)} conditions "
              f"(with levels and vetoes), {len(found)} time-curable "
              f"(failed with a passes_from in {args.examples} generated profiles), {reviewers} judged by reviewers")
        print(f"  {', '.join(found) or '—'}")


if __name__ == "__main__":
    main()
