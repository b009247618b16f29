"""The house's layers (README "Layout"): each package of generator/ imports only from the layers below it, so the
folders say the architecture and no arrow runs back up. A module at the top level of generator/ is one of the
few named here; a new module belongs in a package."""

from __future__ import annotations

import ast
from pathlib import Path

from generator import ROOT

# Bottom to top. A module may import from its own layer and any layer before it.
LAYERS: list[tuple[str, ...]] = [
    ("generator", "generator.urls"),  # the project root and the site's URLs: leaves
    ("generator.assess",),  # the engine: standard library only (tests/test_core.py checks that)
    ("generator.core",),  # messages, the build's day, working-day periods, numerals
    ("generator.model",),  # the typed model and its validation
    ("generator.load",),  # YAML, sources, regions, problems; loading the portal
    ("generator.views",),  # what is derived from the model: comparison, feeds, exports, …
    ("generator.ship",),  # engine.zip, offline, CSP, search index, compression
    ("generator.office",),  # the office editor's bundle and its in-browser check
    ("generator.plugin",),  # the mkdocs plugin: pages, nav, templates
    ("generator.build", "generator.cli", "generator.__main__"),  # the commands
]


def layer_of(module: str) -> int:
    best = None
    for n, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best[1])):
                best = (n, name)
    assert best is not None, f"{module} is in no layer: put it in a package (tests/test_layers.py)"
    return best[0]


def modules() -> dict[str, Path]:
    found = {}
    for path in (ROOT / "generator").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m == "generator" or m.startswith("generator.")}


def test_no_import_runs_back_up():
    upward = []
    for module, path in modules().items():
        for target in imports(path):
            if layer_of(target) > layer_of(module):
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_the_top_level_holds_only_the_named_modules():
    top = sorted(p.stem for p in (ROOT / "generator").glob("*.py"))
    assert top == ["__init__", "__main__", "build", "cli", "urls"]


def test_one_project_root_passed_down_from_the_entry_points():
    """generator.ROOT (this checkout) is only the command line's default ``--root``: every module below it takes
    the project root it is given (``--root``, PortalConfig.root), so a build of another folder reads nothing of the
    checkout's but the code (generator.PACKAGE)."""
    readers = []
    for module, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "generator" and any(
                    a.name == "ROOT" for a in node.names):
                readers.append(module)
            if isinstance(node, ast.Attribute) and node.attr == "ROOT" and getattr(node.value, "id", "") == "generator":
                readers.append(module)
    assert readers == ["generator.cli"]
