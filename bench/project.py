"""A copy of a project, for the tests and benchmarks that change one: the folders and files the build reads from its
project root (PortalConfig.root), with the checkout's installed tools linked in: node_modules (Pyodide, Pagefind,
the region codes) and .cache (the downloaded Pyodide wheel, the bundles compiled by content)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import ROOT

DATA = ("schemes", "standards", "templates", "site_src", "holidays")
FILES = ("mkdocs.yml", "requirements-pyodide.txt")
TOOLS = ("node_modules", ".cache")


def copy_project(dest: Path, source: Path = ROOT, *, notices: bool = False, symlinks: bool = False) -> Path:
    """Copy the project at ``source`` to ``dest``: with its notices (public_lists/) or with none; ``symlinks`` keeps
    links as links (a hostile project's)."""
    for name in (*DATA, *(("public_lists",) if notices else ())):
        if (source / name).exists():
            shutil.copytree(source / name, dest / name, symlinks=symlinks)
    (dest / "public_lists").mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy(source / name, dest / name)
    for name in TOOLS:
        (source / name).mkdir(exist_ok=True)
        (dest / name).symlink_to((source / name).resolve())
    return dest
