"""Site search: a Pagefind index of the built pages, loaded in chunks by the search page.

Pagefind (the pinned `pagefind[extended]` from PyPI, which segments Chinese) indexes each
page's article only; the search page is the only page that runs its WebAssembly, so the
Content-Security-Policy allows 'wasm-unsafe-eval' there and nowhere else but /assess/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Static labels (".qp-facts dt": 状态, 公示期, 发布机关 ...) would make every notice match them.
EXCLUDE = (".headerlink", ".qp-ln", ".qp-noprint", ".md-source-file", "#qp-assess", "#qp-search", ".qp-facts dt",
           ".qp-notice-status")


class SearchIndexError(Exception):
    pass


def index_site(site: Path) -> int:
    """Write site/pagefind/; returns its size in bytes."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article.md-content__inner",
               "--force-language", "zh", "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
    return sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
