"""How many questions the calculator's guided form shows for a profile, against the full form: the guided form
asks FIRST_QUESTIONS, then whatever the engine's ``open_questions`` says could still change a verdict, answering
each from the profile, until nothing new is asked. The records nobody wants to have (profile.SCREENED) are one
question, as on the page, when two or more of them are asked at once. Prints figures and checks the verdicts end
the same.

    .venv/bin/python bench/questions_shown.py [PROFILE.json ...]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.assess.engine import assess  # noqa: E402
from generator.assess.profile import FIRST_QUESTIONS, FORM_GROUPS, SCREENED, parse_profile  # noqa: E402
from generator.load.portal import load_portal  # noqa: E402
from generator.views.export import engine_data  # noqa: E402

FACTS = [name for group, names in FORM_GROUPS.items() if group != "answers" for name in names]


def verdicts(profile: dict, data: dict) -> dict[str, str]:
    return {r["scheme"]: r["verdict"] for r in assess(parse_profile(profile), data)["results"]}


def guided(full: dict, data: dict) -> tuple[list[str], int, dict]:
    """(questions shown, in order; rounds; the profile the guided form ends with), as the page's guided form
    shows them: the first questions, then group by group (profile.FORM_GROUPS) only the questions the engine
    says could still change a verdict; a group whose open questions the person cannot answer is skipped."""
    answers = {k: v for k, v in full.items() if k not in FACTS}  # the item-by-item blocks, asked either way
    profile = answers | {n: full[n] for n in FIRST_QUESTIONS if n in full}
    shown: list[str] = list(FIRST_QUESTIONS)
    skipped: set[str] = set()
    rounds = 1
    while True:
        rounds += 1
        answer = assess(parse_profile(profile), data)
        open_now = list(answer["open_questions"])
        # The credit scheme's level sought is asked while it is unset (site_src/.../assess/guide.mjs, asks()).
        if any("level" in r for r in answer["results"]) and not (profile.get("credit") or {}).get("target_level"):
            open_now.append("credit")
        group = next((g for g, names in FORM_GROUPS.items() if g != "answers" and g not in skipped
                      and any(n in open_now and n not in profile for n in names)), None)
        if group is None:
            return shown, rounds, profile
        asked = [n for n in FORM_GROUPS[group] if n in open_now and n not in profile]
        screened = [n for n in asked if n in SCREENED]
        if len(screened) >= 2 and all(isinstance(full.get(n), list) for n in screened):
            # One question for the records (profile.SCREENED): the kinds the person has are ticked and their lists
            # open; the rest are answered by "以上都没有". A kind the profile leaves open could not be answered so.
            shown.append(f"records question ({len(screened)} kinds)")
            asked = [n for n in asked if n not in screened or full[n]]
            profile.update({n: [] for n in screened if not full[n]})
        shown += [n for n in asked if n not in shown]
        new = {n: full[n] for n in asked if n in full}
        if not new:
            skipped.add(group)  # "下一组": nothing here the person can answer
        profile.update(new)


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [ROOT / "examples" / "profile-suzhou-manufacturer.json"]
    data = json.loads(json.dumps(engine_data(load_portal(ROOT)), default=str))
    for path in paths:
        full = json.loads(path.read_text(encoding="utf-8"))
        started = time.perf_counter()
        shown, rounds, end = guided(full, data)
        ms = (time.perf_counter() - started) * 1000
        same = verdicts(end, data) == verdicts(full, data)
        print(f"{path.name}: full form {len(FACTS)} questions; guided form showed {len(shown)} "
              f"({100 * (1 - len(shown) / len(FACTS)):.0f} % fewer) in {rounds} rounds ({ms:.0f} ms); "
              f"verdicts the same as with every answer: {same}")
        print(f"  asked: {', '.join(shown)}")
        answered = [n for n in FACTS if n in end]
        left = [n for n in FACTS if n not in end and n not in shown]
        print(f"  answered: {len(answered)} facts; not asked: {', '.join(left)}")


if __name__ == "__main__":
    main()
