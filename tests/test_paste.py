"""The office editor's spreadsheet paste parser (site_src/assets/javascripts/office/paste.mjs) under Node's test
runner (tests/node/paste.test.mjs): Excel's quoted cells stay whole, 10,000 rows are read in well under a second."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from generator import ROOT


def test_paste_parser_in_node():
    if shutil.which("node") is None:
        pytest.fail("node not found: the paste parser's tests need Node.js")
    out = subprocess.run(["node", "--test", "tests/node/paste.test.mjs"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout and "# pass 6" in out.stdout
