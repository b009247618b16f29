"""The engine's sources, the only Python of ours shipped to the browser.

The build compiles them, with the part of the standard library that Pyodide and the engine import, into
``engine.zip`` (generator/ship/bundle.py), which Pyodide mounts as its standard library: no wheel to install,
no package loader to import. (The name of this module is from when the engine was shipped as a wheel.)
"""

from __future__ import annotations

from generator import PACKAGE


def engine_files() -> dict[str, bytes]:
    """arcname -> bytes: the package marker and every module of generator/assess/, subpackages included."""
    files = {"generator/__init__.py": (PACKAGE / "__init__.py").read_bytes()}
    for path in sorted((PACKAGE / "assess").rglob("*.py")):
        files[path.relative_to(PACKAGE.parent).as_posix()] = path.read_bytes()
    return files
