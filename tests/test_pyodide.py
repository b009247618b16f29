"""The engine inside Pyodide (Node + the npm package, with the wheel and lockfile the build ships)
gives the same JSON as on CPython, for every engine case (tests/cases/engine.yaml) and two whole
profiles. It reads the cases itself, so it runs on its own."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import ROOT
from generator.assess.api import assess_json
from tests.engine_cases import runs

RUNNER = ROOT / "tests" / "node" / "run_engine.mjs"


def test_pyodide_gives_identical_json(site: Path, tmp_path: Path):
    if shutil.which("node") is None:
        pytest.fail("node not found: the Pyodide parity test needs Node.js")
    data = (site / "data" / "schemes.json").read_text(encoding="utf-8")
    cases = runs()
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "schemes.json").write_text(data, encoding="utf-8")
    pyodide_dir = next((site / "assets" / "pyodide").iterdir())
    out = subprocess.run(
        ["node", str(RUNNER), f"{pyodide_dir}/", str(pyodide_dir / "pyodide-lock.json"),
         str(tmp_path / "schemes.json"), str(tmp_path / "cases.json")],
        capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    in_pyodide = json.loads(out.stdout)
    on_cpython = [json.loads(assess_json(json.dumps(c["profile"]), data, c.get("schemes"))) for c in cases]
    assert len(in_pyodide) == len(cases) > 60
    for case, a, b in zip(cases, in_pyodide, on_cpython, strict=True):
        assert a == b, case
