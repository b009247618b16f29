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


def test_both_workers_boot_pyodide_through_one_helper():
    """The calculator's and the editor's workers start Pyodide through pyodide-boot.mjs, not each by itself."""
    for name in ("assess/worker.mjs", "office/worker.mjs"):
        text = (ROOT / "site_src" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert 'from "../pyodide-boot.mjs"' in text and "loadPyodide" not in text and "pyodide.mjs" not in text, name
