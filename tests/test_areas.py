"""Area codes in the scheme data are GB/T 2260 divisions of the pinned table, inside the scheme's area, and `check`
says so with `path:line` in Chinese (it used to be the build alone, in English, without a line)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.load.portal import load_portal
from tests.conftest import copy_project, edit


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


@pytest.mark.parametrize(("rel", "old", "new", "code"), [
    # The cases: codes that are no division.
    ("schemes/haizhou-quality-award.yaml", 'rule: {fact: region_code, prefix_in: ["320706"]}',
     'rule: {fact: region_code, prefix_in: ["999999"]}', "scheme.area_unknown"),
    ("schemes/jiaxing-mayor-quality-award.yaml", 'rule: {fact: region_code, prefix_in: ["3304"]}',
     'rule: {fact: region_code, prefix_in: ["9904"]}', "scheme.area_unknown"),
    # A real division outside the scheme's area.
    ("schemes/yancheng-mayor-quality-award.yaml", '- {fact: region_code, prefix_in: ["3209"]}',
     '- {fact: region_code, prefix_in: ["3205"]}', "scheme.area_outside"),
    # The area's own code names another place.
    ("schemes/haizhou-quality-award.yaml", 'code_prefixes: ["320706"]', 'code_prefixes: ["320583"]',
     "scheme.area_other"),
])
def test_a_wrong_area_code_is_refused_at_its_line(project, rel, old, new, code):
    line = edit(project, rel, old, new)
    found = [p for p in load_portal(project).problems if p.code == code]
    assert [(p.path, p.line) for p in found] == [(rel, line)], load_portal(project).problems
    if code == "scheme.area_unknown":
        assert "GB/T 2260" in found[0].message
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "check"], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1 and f"{rel}:{line}: " in out.stderr and "Traceback" not in out.stderr


def test_the_shipped_codes_pass(portal):
    assert not [p for p in portal.problems if p.code.startswith("scheme.area")]
