"""The engine inside Pyodide gives the same JSON as on CPython, for every engine case (tests/cases/<scheme>.yaml)
and two whole profiles. Pyodide runs under Node from the built site's own files, as the calculator's worker
loads them: Pyodide's core, its lockfile and engine.zip (the trimmed standard library and the engine, .pyc
only) as its standard library; and again restored from a memory snapshot, as the worker restores it on later
visits. It reads the cases itself, so it runs on its own."""

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


@pytest.mark.parametrize("mode", ["boot", "snapshot"])
def test_pyodide_gives_identical_json(site: Path, tmp_path: Path, mode: str):
    if shutil.which("node") is None:
        pytest.fail("node not found: the Pyodide parity test needs Node.js")
    data = (site / "data" / "schemes.json").read_text(encoding="utf-8")
    cases = runs()
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "schemes.json").write_text(data, encoding="utf-8")
    pyodide_dir = next((site / "assets" / "pyodide").iterdir())
    # The shipped bundle, not Pyodide's full standard library: the run fails if engine.zip lacks a module.
    assert (pyodide_dir / "engine.zip").is_file() and not (pyodide_dir / "python_stdlib.zip").exists()
    out = subprocess.run(
        ["node", str(RUNNER), str(pyodide_dir), str(tmp_path / "schemes.json"), str(tmp_path / "cases.json"), mode],
        capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    in_pyodide = json.loads(out.stdout)
    on_cpython = [json.loads(assess_json(json.dumps(c["profile"]), data, c.get("schemes"))) for c in cases]
    assert len(in_pyodide) == len(cases) > 60
    for case, a, b in zip(cases, in_pyodide, on_cpython, strict=True):
        assert a == b, case
