"""Issue 27: the calculator never strands an applicant. The guided form's decision (site_src/assets/javascripts/
assess/guide.mjs, a pure function) is run under Node, in one process, on the real engine's answers for 1,200
generated profiles (fixed seed), and must keep its invariant: every fact that could change an undetermined verdict
is shown or lies in a group still ahead; after every "下一组" nothing that could change a verdict is hidden; every
fact any result's next step needs is shown once its link asks for it; "没有其他可能改变结论的问题了" only when no
result needs a fact; "以上都没有" answers every kind still unticked, and ticking one never shrinks the list."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import FORM_GROUPS, SCREENED, ProfileError, parse_profile
from generator.views.export import engine_data, fields_json
from tests.profile_strategies import VALID_PROFILES, valid_for

RUNNER = ROOT / "tests" / "node" / "run_guide.mjs"
NOTHING_LEFT = "没有其他可能改变结论的问题了"
PROFILES = 1200
GROUP_OF = {n: g for g, names in FORM_GROUPS.items() for n in names}

# Applicants as they fill the form: the first questions mostly answered, then a few facts of any kind.
from generator.assess.profile import BY_NAME  # noqa: E402

_FIRST = st.fixed_dictionaries({}, optional={
    "region_code": st.sampled_from(["320506", "330402", "320706", "320583", "320902", "110101"]),
    "sector": valid_for(BY_NAME["sector"]),
    "credit": valid_for(BY_NAME["credit"]),
    "violations": valid_for(BY_NAME["violations"]),
})
_EXAMPLE = json.loads((ROOT / "examples" / "profile-suzhou-manufacturer.json").read_text(encoding="utf-8"))
# The example applicant answered to the end: its award record says which award and whether it was revoked (a flag
# left unfilled in a record is unknown, issue 25), and 盐城's facts are given. Nothing is left to ask for it, so the
# guide's closing sentence has profiles where it is true.
_EXAMPLE |= {"awards": [{"scheme": "suzhou-quality-award", "level": "city", "tier": "award", "year": 2022,
                         "revoked": False, "fraud": False}],
             "in_hu_su_dafeng_zone": False, "related_awards": [], "related_applicant_this_cycle": False}
# That applicant (eligible for several schemes) with some answers taken away and a few changed: the states of a
# form nearly filled in.
_NEARLY = st.tuples(st.sets(st.sampled_from(sorted(_EXAMPLE))), VALID_PROFILES).map(
    lambda pair: {k: v for k, v in _EXAMPLE.items() if k not in pair[0]} | pair[1])
_APPLICANTS = st.one_of(st.tuples(_FIRST, VALID_PROFILES).map(lambda pair: pair[0] | pair[1]), _NEARLY)


def _cases(portal) -> list[dict]:
    data = json.loads(json.dumps(engine_data(portal), ensure_ascii=False, default=str))
    found: list[dict] = []

    @settings(max_examples=PROFILES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(profile=_APPLICANTS, tick=st.sampled_from(SCREENED))
    def collect(profile, tick):
        try:
            answer = assess(parse_profile(json.loads(json.dumps(profile))), data)
        except ProfileError:
            return  # a profile the page would refuse at its field: nothing for the guide
        # What the page hands the guide: the engine's JSON (dates as text).
        found.append({"profile": profile, "answer": json.loads(json.dumps(answer, default=str)), "tick": tick})

    collect()
    return found


@pytest.fixture(scope="module")
def guided(portal, tmp_path_factory) -> list[tuple[dict, dict]]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    cases = _cases(portal)
    work = tmp_path_factory.mktemp("guide")
    (work / "fields.json").write_text(fields_json(), encoding="utf-8")
    (work / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([node, str(RUNNER), str(work / "fields.json"), str(work / "cases.json")],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    return list(zip(cases, json.loads(run.stdout), strict=True))


def test_enough_profiles(guided):
    assert len(guided) >= 1000
    # The cases reach the interesting states: undetermined verdicts, decided ones with open conditions, skips.
    verdicts = {r["verdict"] for case, _ in guided for r in case["answer"]["results"]}
    assert verdicts == {"eligible", "ineligible", "undetermined"}
    assert sum(len(out["steps"]) > 2 for _, out in guided) > 100


def _needs(answer: dict) -> set[str]:
    return {n for r in answer["results"] for c in r["conditions"] if c["status"] == "unknown"
            for n in c["next_step"]["needs"]}


def _order(group_title: str) -> int:
    return next(i for i, (_, names) in enumerate(json.loads(fields_json())["groups"]) if _ == group_title)


def test_nothing_that_decides_is_out_of_reach(guided):
    titles = [title for title, _ in json.loads(fields_json())["groups"]]
    title_of = {n: title for title, names in json.loads(fields_json())["groups"] for n in names}
    stranded = []
    for case, out in guided:
        open_questions = set(case["answer"]["open_questions"])
        for step in out["steps"]:
            decisive = set(step["decisive"])
            assert open_questions <= decisive
            shown = set(step["shown"])
            here = titles.index(step["current"]) if step["current"] else len(titles)
            # Shown now, or in a group still ahead of the current one (reached by "下一组").
            hidden = {n for n in decisive - shown if titles.index(title_of[n]) <= here}
            if hidden:
                stranded.append((case["profile"], step["current"], sorted(hidden)))
        last = out["steps"][-1]
        assert last["current"] is None
        assert set(last["decisive"]) <= set(last["shown"]), case["profile"]
    assert not stranded, stranded[:3]


def test_every_needed_fact_has_a_question(guided):
    for case, out in guided:
        needs = _needs(case["answer"])
        assert needs <= set(out["reveal"]), case["profile"]
        assert all(out["reveal"].values()), (case["profile"], out["reveal"])


def test_nothing_left_only_when_no_result_needs_a_fact(guided):
    said = 0
    for case, out in guided:
        needs = _needs(case["answer"])
        for step in out["steps"]:
            if NOTHING_LEFT in step["text"]:
                said += 1
                assert not needs, (case["profile"], sorted(needs))
                assert not case["answer"]["open_questions"]
    assert said > 0  # the sentence is still said where it is true


def test_none_of_the_above_answers_every_unticked_kind(guided):
    checked = 0
    for _case, out in guided:
        for screen in out["screens"].values():
            checked += 1
            assert set(screen["before"]) <= set(screen["after"]), screen  # ticking never shrinks the list
            # "有": ticked now, or holding records already; "以上都没有" answers all the others.
            assert set(screen["ticked"]) <= set(screen["yes"])
            assert set(screen["none"]) == set(screen["after"]) - set(screen["yes"]), screen
            assert screen["noneChecked"] is bool(screen["none"]), screen  # nothing left unticked: nothing to say
    assert checked > 50


def test_records_kinds_are_screened_in_one_group():
    assert {GROUP_OF[n] for n in SCREENED} == {"records"}
