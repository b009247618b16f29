"""The office editor's page modules under Node's test runner (tests/node/office-page.test.mjs): no module but the
page's entry (office/editor.mjs) touches the document when imported, and the pure pieces split out of the editor
(state, draft, count line, the check's state line, placing a problem and whether it shows) work without one."""

from __future__ import annotations

from tests.conftest import node_tests


def test_office_page_modules_in_node():
    node_tests("office-page.test.mjs", 5)


def test_page_names_every_editor_module(site):
    """The built page preloads every module editor.mjs imports, found from their import lines
    (generator/ship/modules.py) rather than listed by hand, so that they load in parallel (and the calculator's
    service worker caches them): every module of its folder but the entry and what only the worker imports."""
    import posixpath
    import re

    html = (site / "office/editor" / "index.html").read_text(encoding="utf-8")
    preloaded = {posixpath.normpath(posixpath.join("office/editor", href))
                 for href in re.findall(r'<link rel="modulepreload" href="([^"]+)"', html)}
    folder = site / "assets/javascripts/office"
    modules = {p.relative_to(site).as_posix() for p in folder.glob("*.mjs")}
    entry = "assets/javascripts/office/editor.mjs"
    worker_only = {'assets/javascripts/office/worker.mjs', 'assets/javascripts/office/check-boot.mjs'}
    assert sorted(modules - {entry, *worker_only} - preloaded) == []
    assert all((site / path).is_file() for path in preloaded) and entry not in preloaded
