"""The static imports between the site's JavaScript modules, read from their import lines: which modules a page
must preload (templates/assess.md.j2, office-editor.md.j2) and the calculator's service worker must cache
(offline.py), found from the code rather than listed by hand."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

# `import … from "./x.mjs"`, `import "./x.mjs"`, `export … from "../y.mjs"`: the only forms our scripts use for
# their own modules (a dynamic import() names Pyodide, which the pages list apart).
_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?["'](\.{1,2}/[^"']+)["']""", re.M)


def imports_of(folder: Path, script: str) -> list[str]:
    """The site paths (under ``folder``: the built site or site_src/) of the modules ``script`` imports,
    transitively, each once, in the order first met; ``script`` itself is not among them."""
    found: list[str] = []
    todo = [script]
    while todo:
        current = todo.pop(0)
        file = folder / current
        if not file.is_file():
            continue
        for ref in _IMPORT.findall(file.read_text(encoding="utf-8")):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(current), ref))
            if path != script and path not in found and not path.startswith("../"):
                found.append(path)
                todo.append(path)
    return found
