"""What the build ships for the calculator (generator/ship/bundle.py, generator/ship/offline.py): engine.zip instead of
Pyodide's full standard library, .pyc only; a lockfile that installs nothing; brotli copies; the service
worker's list of files and its version."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from generator import ROOT
from generator.ship.bundle import OPTIONAL, STDLIB, pyodide_source
from generator.ship.offline import SW, manifest
from generator.ship.wheel import engine_files


def pyodide_dir(site: Path) -> Path:
    return next((site / "assets" / "pyodide").iterdir())


def test_engine_zip_is_the_engine_and_a_trimmed_stdlib_compiled(site: Path):
    folder = pyodide_dir(site)
    names = zipfile.ZipFile(folder / STDLIB).namelist()
    assert names and all(n.endswith(".pyc") for n in names)
    assert {f"{arc}c" for arc in engine_files()} <= set(names)  # every engine module, compiled
    stdlib = [n for n in names if not n.startswith("generator/")]
    stock = zipfile.ZipFile(pyodide_source(ROOT)[0] / "python_stdlib.zip")
    assert 100 < len(stdlib) < len(stock.namelist()) / 3  # what Pyodide and the engine import, no more
    assert {"json/__init__.pyc", "datetime.pyc", "re/__init__.pyc", "_pyodide/_base.pyc"} <= set(names)
    assert not any(n.split("/")[0].removesuffix(".pyc") in OPTIONAL for n in names)
    assert not (folder / "python_stdlib.zip").exists() and not list(folder.glob("*.whl"))
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    assert lock["packages"] == {} and lock["info"]["abi_version"]


def test_large_files_have_brotli_copies(site: Path):
    folder = pyodide_dir(site)
    try:
        import brotli
    except ImportError:  # the build writes no .br without it (requirements.txt pins it)
        assert not list(folder.glob("*.br"))
        return
    for name in ("pyodide.asm.wasm", STDLIB):
        packed = folder / f"{name}.br"
        assert brotli.decompress(packed.read_bytes()) == (folder / name).read_bytes()
    assert (folder / "pyodide.asm.wasm.br").stat().st_size < 0.8 * (folder / "pyodide.asm.wasm.gz").stat().st_size


def test_service_worker_lists_what_the_calculator_needs(site: Path):
    paths, version = manifest(site)
    pyodide = f"assets/pyodide/{pyodide_dir(site).name}/"
    assert {"assess/", "data/schemes.json", "data/profile-fields.json", "data/regions.json",
            "assets/javascripts/assess/app.mjs", "assets/javascripts/assess/worker.mjs",
            *(pyodide + n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB,
                                    "pyodide-lock.json"))} <= set(paths)
    assert not [p for p in paths if p.endswith((".br", ".gz"))]
    for sw in SW:
        text = (site / sw).read_text()
        assert f'const VERSION = "{version}";' in text
        versioned = json.loads(re.search(r"const VERSIONED = new Set\((\[.*?\])\.map", text).group(1))
        assert any(v.endswith("pyodide.asm.wasm") for v in versioned)
        mutable = ("engine.zip", "app.mjs", "worker.mjs", "assess/")
        mutable = [v for v in versioned if v.endswith(mutable) or "/data/" in v or "/javascripts/assess/" in v]
        assert mutable == []
    page = (site / "assess" / "index.html").read_text()
    assert 'data-sw="sw.js ../assets/javascripts/assess/sw.js"' in page


def test_service_worker_lists_every_module_the_scripts_import(site: Path):
    """The page names the modules it starts; the modules they import (notices.js imports status-steps.mjs, which
    the page does not preload) are cached too, or the page's scripts fail offline: every module of the calculator's
    folder and every shared module one of them (or notices.js) names; the office editor's are not."""
    paths = set(manifest(site)[0])
    scripts = site / "assets" / "javascripts"
    users = [*(scripts / "assess").glob("*.mjs"), scripts / "notices.js"]
    named = " ".join(f.read_text(encoding="utf-8") for f in users)
    shared = {f"assets/javascripts/{p.name}" for p in scripts.glob("*.mjs") if f'/{p.name}"' in named}
    modules = {p.relative_to(site).as_posix() for p in (scripts / "assess").glob("*.mjs")} | shared
    assert {"assets/javascripts/status-steps.mjs", "assets/javascripts/pyodide-boot.mjs"} <= shared
    assert sorted(modules - paths) == []
    assert not [p for p in paths if "/office/" in p or p.endswith("page-tree.mjs")]


def test_service_worker_version_follows_every_file(site: Path, tmp_path: Path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    _, before = manifest(copy)
    data = copy / "data" / "schemes.json"
    data.write_text(data.read_text() + " ")
    assert manifest(copy)[1] != before


@pytest.mark.parametrize(("page", "entry", "worker_only"), [
    ("assess", "assets/javascripts/assess/app.mjs", {"assets/javascripts/assess/worker.mjs"}),
    ("office/editor", "assets/javascripts/office/editor.mjs",
     {"assets/javascripts/office/worker.mjs", "assets/javascripts/office/check-boot.mjs"}),
])
def test_each_page_preloads_every_module_its_script_imports(site: Path, page: str, entry: str, worker_only: set):
    """The built page preloads every module its script imports, found from their import lines
    (generator/ship/modules.py) rather than listed by hand, so that they load in parallel (and the calculator's
    service worker caches them): every module of its folder but the entry and what only the worker imports."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    preloaded = {posixpath.normpath(posixpath.join(page, href))
                 for href in re.findall(r'<link rel="modulepreload" href="([^"]+)"', html)}
    folder = site / entry.rsplit("/", 1)[0]
    modules = {p.relative_to(site).as_posix() for p in folder.glob("*.mjs")}
    assert sorted(modules - {entry, *worker_only} - preloaded) == []
    assert all((site / path).is_file() for path in preloaded) and entry not in preloaded
