"""The pages' side of the Pyodide workers (site_src/assets/javascripts/worker-client.mjs), shared by the calculator and
the office editor, under Node's test runner (tests/node/worker-client.test.mjs): one promise per call, stale answers
dropped, progress passed on, a failure answering every waiting call."""

from __future__ import annotations

from generator import ROOT
from tests.conftest import node_tests


def test_worker_client_in_node():
    node_tests("worker-client.test.mjs", 4)


def test_both_front_ends_use_it():
    """Neither front end talks to its worker by hand any more."""
    for name in ("assess/engine.mjs", "office/check.mjs"):
        text = (ROOT / "site_src" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert "workerClient(" in text and ".onmessage" not in text and ".postMessage(" not in text, name


def test_pyodide_is_started_in_one_place():
    """Every runner of Python in Pyodide (the two workers and the two Node runners of the tests) starts it through
    pyodide-boot.mjs, and the office check is set up by check-boot.mjs alone: no file loads Pyodide by itself."""
    scripts = ROOT / "site_src" / "assets" / "javascripts"
    files = sorted([*scripts.rglob("*.mjs"), *(ROOT / "tests" / "node").glob("*.mjs")])
    texts = {f.relative_to(ROOT).as_posix(): f.read_text(encoding="utf-8") for f in files}
    assert [name for name, text in texts.items() if "loadPyodide" in text] == [
        "site_src/assets/javascripts/pyodide-boot.mjs"]
    assert [name for name, text in texts.items() if "generator.office.check" in text] == [
        "site_src/assets/javascripts/office/check-boot.mjs"]
    for runner in ("site_src/assets/javascripts/assess/worker.mjs", "tests/node/run_engine.mjs"):
        assert "pyodide-boot.mjs\";" in (ROOT / runner).read_text(encoding="utf-8"), runner
    for runner in ("site_src/assets/javascripts/office/worker.mjs", "tests/node/run_office.mjs"):
        assert "check-boot.mjs\";" in (ROOT / runner).read_text(encoding="utf-8"), runner
