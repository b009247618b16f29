"""Versions only grow (issue 25, part 2): every profile an earlier version of the page or examples/ wrote is
read, and gives the verdict that version's engine gave, or a more decided one, never an opposite one. The corpus
and its old verdicts: tests/profile_corpus/ (rebuilt from git history by rebuild.py).

A less decided verdict is allowed only where the contract itself asks for one more fact, and the fact, given,
brings the old verdict back:
- ``kind``: an ``export_failures`` record given by its date alone is of unknown kind (PROFILE.md, 2026-12-04),
  and a rule naming some kinds asks for it (versions before it read every such record as a return);
- ``veto``: 江苏 附件1's vetoes at level A are for the reviewers (08779c9, 三（二）1 names 附件1 for AA/AAA only).
Each is counted; anything else less decided fails."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from generator import ROOT
from generator.assess.engine import assess
from generator.assess.profile import parse_profile
from generator.assess.terms import EXPORT_FAILURE_KINDS
from generator.views.export import engine_data

CORPUS = ROOT / "tests" / "profile_corpus" / "corpus.json"
DECIDED = {"eligible", "ineligible"}


def outcome(before: str, now: str) -> str:
    """kept, more_decided, less_decided or opposite."""
    if before == now:
        return "kept"
    if before == "undetermined":
        return "more_decided"
    return "less_decided" if now == "undetermined" else "opposite"


def _verdict(profile: dict, data: dict, scheme: str) -> dict:
    return assess(parse_profile(json.loads(json.dumps(profile))), data, [scheme])["results"][0]


def explained(profile: dict, data: dict, scheme: str, before: str) -> str:
    """Which fact the contract asks for that brings ``before`` back ("kind", "veto"), or ""."""
    plain = [r for r in profile.get("export_failures") or [] if not isinstance(r, dict)]
    if plain:
        for kind in EXPORT_FAILURE_KINDS:
            records = [r if isinstance(r, dict) else {"date": r, "kind": kind} for r in profile["export_failures"]]
            if _verdict(profile | {"export_failures": records}, data, scheme)["verdict"] == before:
                return "kind"
    result = _verdict(profile, data, scheme)
    open_vetoes = [c for c in result["conditions"] if c["id"].startswith("veto-") and c["status"] == "unknown"
                   and c["judged_by"] == "reviewers"]
    if before == "ineligible" and open_vetoes and result.get("level") == "A":
        return "veto"
    return ""


def compare(data: dict) -> tuple[Counter, list[str], int, int]:
    """(outcomes over every version's verdict of every profile and scheme, the unexplained worse ones, profiles,
    versions)."""
    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    tally: Counter = Counter()
    worse: list[str] = []
    for n, entry in enumerate(corpus):
        result = assess(parse_profile(json.loads(json.dumps(entry["profile"]))), data)  # every version is read
        now = {r["scheme"]: r["verdict"] for r in result["results"]}
        for judged in entry["judged"]:
            version, verdicts = judged["versions"][0], judged["verdicts"]
            for scheme, before in verdicts.items():
                if scheme not in now:
                    continue
                how = outcome(before, now[scheme])
                if how == "less_decided":
                    how = f"less_decided ({explained(entry['profile'], data, scheme, before) or 'unexplained'})"
                tally[how] += len(judged["versions"])
                if how in ("less_decided (unexplained)", "opposite"):
                    worse.append(f"#{n} ({entry['source']}, {version}) {scheme}: {before} -> {now[scheme]}")
    return tally, worse, len(corpus), len({v for e in corpus for j in e["judged"] for v in j["versions"]})


@pytest.fixture(scope="module")
def data(portal) -> dict:
    return engine_data(portal)


def test_every_earlier_profile_keeps_its_answer_or_gains_one(data):
    tally, worse, profiles, versions = compare(data)
    assert profiles >= 100 and versions >= 10, (profiles, versions)
    assert tally["kept"] + tally["more_decided"] > 0
    assert not worse, f"{len(worse)} verdicts worse than their version's:\n" + "\n".join(worse[:40])


def test_outcomes_are_classified():
    assert [outcome(*p) for p in [("eligible", "eligible"), ("undetermined", "ineligible"),
                                  ("ineligible", "undetermined"), ("eligible", "ineligible")]] == [
        "kept", "more_decided", "less_decided", "opposite"]
