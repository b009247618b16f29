"""Shared fixtures: the validated portal, one built site, one static server and one browser.

No test reads the wall clock. The suite's day is pinned here, before anything is imported or built: every build,
check and command line run by the tests (subprocesses inherit the environment) sees ``SOURCE_DATE_EPOCH`` of
``TEST_DAY``, and every page the shared browser opens reads ``TEST_NOW`` unless the test sets its own clock.
tests/test_any_day.py builds the repository on other days (a year end, a year no library covers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.chromium import ARGS as CHROMIUM_ARGS
from bench.chromium import CHROMIUM
from bench.project import copy_project  # noqa: F401 (the tests take it from here)
from generator import ROOT
from generator.build import build_site
from generator.load.portal import Portal, load_portal

CHINA = dt.timezone(dt.timedelta(hours=8))
# The sample notices' season: 海州's acceptance notice (11-18) is open, 嘉兴's (11-20) published today, and 苏州's
# call (12-01) still scheduled.
TEST_DAY = dt.date(2026, 11, 20)
TEST_NOW = dt.datetime.combine(TEST_DAY, dt.time(10, 0), CHINA)


def epoch_of(day: dt.date) -> int:
    """SOURCE_DATE_EPOCH for ``day``: noon in China."""
    return int(dt.datetime.combine(day, dt.time(12, 0), CHINA).timestamp())


os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(TEST_DAY))


@contextlib.contextmanager
def on_day(day: dt.date) -> Iterator[None]:
    """Inside the block the build date is ``day``: for this process and every command it starts."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(epoch_of(day)))
        yield


def node_tests(script: str, passes: int, env: dict[str, str] | None = None) -> None:
    """Run ``tests/node/<script>`` under Node's test runner and require all of it to pass: ``passes`` tests (so a
    file that silently ran fewer fails too)."""
    import subprocess

    if shutil.which("node") is None:
        pytest.fail(f"node not found: tests/node/{script} runs under Node.js")
    out = subprocess.run(["node", "--test", f"tests/node/{script}"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env={**os.environ, **(env or {})})
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout and f"# pass {passes}\n" in out.stdout, out.stdout[-2000:]


def share_link(profile: dict) -> str:
    """What follows ``#p=`` in the calculator's address for ``profile``: its UTF-8 JSON in unpadded base64url, as the
    page writes a share link (docs/decisions/0001-profile-in-url-fragment.md)."""
    import base64
    import json

    return base64.urlsafe_b64encode(json.dumps(profile, ensure_ascii=False).encode()).decode().rstrip("=")


def open_calculator(browser, server: str, viewport: dict, profile: dict | None = None):  # noqa: ANN001, ANN201
    """A new browser context at ``viewport`` on the calculator, ``profile`` in its link if given, once the page has
    given its first answer: (context, page)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(server + "assess/" + ("" if profile is None else "#p=" + share_link(profile)))
    page.wait_for_function("document.getElementById('qp-assess').dataset.resultId")
    return context, page


def settle(page) -> None:  # noqa: ANN001 (a Playwright page)
    """Wait until the calculator has answered the last profile it was asked about."""
    page.wait_for_function("() => { const d = document.getElementById('qp-assess').dataset;"
                           " return d.resultId === d.askedId; }")


@pytest.fixture(scope="session")
def portal() -> Portal:
    loaded = load_portal(ROOT)
    assert loaded.problems == []
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built once into a temporary folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")


@pytest.fixture
def notices_project(tmp_path: Path) -> Path:
    """A copy of the project with its notices, in a folder of its own (tmp_path stays free for outputs)."""
    return copy_project(tmp_path / "p", notices=True)


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the one occurrence of ``old`` in ``root/rel``; return the line it starts on."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    """Serve the built site on a free loopback port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def nginx(site: Path):
    """The built site behind nginx, configured by deploy/nginx.conf; yields the base URL."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    serve_nginx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_nginx)
    try:
        with serve_nginx.running(site) as url:
            yield url
    except RuntimeError as exc:
        pytest.fail(f"{exc}: run the tests with ./dev test")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for all browser tests (Debian chromium, installed by ./dev test)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run the tests with ./dev test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield PinnedBrowser(b)
        b.close()


class PinnedBrowser:
    """The shared browser, whose every new context starts at ``TEST_NOW`` (time then flows): a page's "today" is
    the suite's, never the machine's. A test that needs another moment sets the page's clock itself."""

    def __init__(self, browser) -> None:  # noqa: ANN001 (playwright's Browser)
        self._browser = browser

    def new_context(self, **options):  # noqa: ANN003, ANN201
        context = self._browser.new_context(**options)
        context.clock.install(time=TEST_NOW)
        return context

    def new_page(self, **options):  # noqa: ANN003, ANN201
        context = self.new_context(**options)
        page = context.new_page()
        page._impl_obj._owned_context = context._impl_obj  # closing the page closes its context, as Browser.new_page
        return page

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._browser, name)
