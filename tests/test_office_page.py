"""The office editor's page modules under Node's test runner (tests/node/office-page.test.mjs): no module but the
page's entry (office/editor.mjs) touches the document when imported, and the pure pieces split out of the editor
(state, draft, count line, the check's state line, placing a problem and whether it shows) work without one."""

from __future__ import annotations

from tests.conftest import node_tests


def test_office_page_modules_in_node():
    node_tests("office-page.test.mjs", 5)
