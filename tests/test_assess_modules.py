"""The calculator's pure modules under Node's test runner (tests/node/assess-modules.test.mjs): a share link
(assess/share.mjs) reads and writes exactly what Python's base64url of the profile's JSON gives, and a region code
finds its place in the GB/T 2260 table (assess/regions.mjs). Split out of the page's modules, which wire the DOM."""

from __future__ import annotations

import base64
import json

from generator.views.export import fields_json
from tests.conftest import node_tests


def test_calculator_modules_in_node():
    profile = {"organisation": "盐城某某电子有限公司", "region_code": "320902", "as_of": "2026-05-01",
               "incidents": [{"date": "2025-02-01", "kind": "quality", "severity": "major"}]}
    raw = json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode()  # as JSON.stringify writes it
    link = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    shared = json.dumps([link, profile], ensure_ascii=False)
    node_tests("assess-modules.test.mjs", 3, env={"QP_SHARED": shared})


def test_calculator_page_modules_in_node():
    """The page's modules (tests/node/assess-page.test.mjs): no DOM at import, a widget for every kind the exported
    field spec's questions have, the pure pieces."""
    node_tests("assess-page.test.mjs", 5, env={"QP_FIELDS": fields_json()})
