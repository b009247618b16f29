"""The office editor's spreadsheet paste parser (site_src/assets/javascripts/office/paste.mjs) under Node's test
runner (tests/node/paste.test.mjs): Excel's quoted cells stay whole, 10,000 rows are read in well under a second."""

from __future__ import annotations

from tests.conftest import node_tests


def test_paste_parser_in_node():
    node_tests("paste.test.mjs", 6)
