"""The engine's sources, the only Python of ours shipped to the browser.

The build compiles them, with the part of the standard library that Pyodide and the engine import, into
``engine.zip`` (generator/ship/bundle.py), which Pyodide mounts as its standard library: no wheel to install,
no package loader to import. (The name of this module is from when the engine was shipped as a wheel.)
"""

from __future__ import annotations

from pathlib import Path

from generator import ROOT


def engine_files(root: Path = ROOT) -> dict[str, bytes]:
    """arcname -> bytes: the package marker and every module of generator/assess/, subpackages included."""
    files = {"generator/__init__.py": (root / "generator" / "__init__.py").read_bytes()}
    for path in sorted((root / "generator" / "assess").rglob("*.py")):
        files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files
