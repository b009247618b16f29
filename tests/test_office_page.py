"""The office editor's page modules under Node's test runner (tests/node/office-page.test.mjs): no module but the
page's entry (office/editor.mjs) touches the document when imported, and the pure pieces split out of the editor
(state, draft, count line, the check's state line, placing a problem and whether it shows) work without one."""

from __future__ import annotations

from generator import ROOT, urls
from tests.conftest import node_tests


def test_office_page_modules_in_node():
    node_tests("office-page.test.mjs", 5)


def test_page_names_every_editor_module():
    """The editor's page preloads every module editor.mjs imports, so that they load in parallel, not one level of
    imports after another."""
    folder = ROOT / "site_src" / urls.OFFICE_EDITOR_JS.rsplit("/", 1)[0]
    modules = {p.relative_to(ROOT / "site_src").as_posix() for p in folder.glob("*.mjs")}
    assert modules - {urls.OFFICE_EDITOR_JS, urls.OFFICE_WORKER} == set(urls.OFFICE_MODULES)
