"""Ship Pyodide (from the pinned npm package) and the engine wheel inside the site.

Only the assessment page loads them. The lockfile is Pyodide's own with our wheel added
by pyodide-lock (sha256 included, so the browser checks the wheel), pruned to the one
package we load: the npm package ships no other wheels.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.wheel import DIST, build_wheel

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# The large files whose bytes the calculator's worker counts as Pyodide reads them (its progress bar).
DOWNLOADED = ("pyodide.asm.wasm", "python_stdlib.zip")  # pyodide.asm.mjs is imported, not fetched


class BundleError(Exception):
    pass


def pyodide_source(root: Path) -> tuple[Path, str]:
    folder = root / "node_modules" / "pyodide"
    if not (folder / "package.json").is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (./dev does it) to install the pinned Pyodide")
    return folder, json.loads((folder / "package.json").read_text())["version"]


def bundle_pyodide(root: Path, site_dir: Path) -> dict[str, int]:
    """Copy Pyodide's core, write the wheel and the lockfile; returns bytes per file written."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    source, version = pyodide_source(root)
    dest = site_dir / "assets" / "pyodide" / version
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, dest / name)
    wheel = build_wheel(dest)  # the engine code is this package, whatever data folder is built
    spec = add_wheels_to_spec(PyodideLockSpec.from_json(source / "pyodide-lock.json"), [wheel], base_path=dest)
    spec.packages = {name: pkg for name, pkg in spec.packages.items() if name == DIST}
    lock = dest / "pyodide-lock.json"
    lock.write_text(json.dumps(spec.to_dict(), sort_keys=True, separators=(",", ":")) + "\n")
    return {p.name: p.stat().st_size for p in sorted(dest.iterdir())}
