"""Shared fixtures: the validated portal, one built site, one static server and one browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from bench.chromium import ARGS as CHROMIUM_ARGS
from bench.chromium import CHROMIUM
from generator import ROOT
from generator.build import build_site
from generator.load.portal import Portal, load_portal


@pytest.fixture(scope="session")
def portal() -> Portal:
    loaded = load_portal(ROOT)
    assert loaded.problems == []
    return loaded


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built once into a temporary folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")


def copy_project(dest: Path) -> Path:
    """A copy of the project's data, templates and config, for tests that change them."""
    for name in ("schemes", "standards", "templates", "site_src"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "public_lists").mkdir(exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


@pytest.fixture
def notices_project(tmp_path: Path) -> Path:
    """A copy of the project with its notices, in a folder of its own (tmp_path stays free for outputs)."""
    root = copy_project(tmp_path / "p")
    (root / "public_lists").rmdir()
    shutil.copytree(ROOT / "public_lists", root / "public_lists")
    return root


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
        yield b
        b.close()
