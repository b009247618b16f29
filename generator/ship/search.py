"""Site search: a Pagefind index of the built pages, loaded in chunks by the search page.

Pagefind's extended binary (it segments Chinese) comes from its pinned npm package for this
platform (@pagefind/linux-x64 or linux-arm64 in package-lock.json; the npm registry reachable here
carries no other platforms, which Pagefind's own wrapper package would require). Only each page's
article is indexed. The search page is the only page that runs its WebAssembly, so the
Content-Security-Policy allows 'wasm-unsafe-eval' there and nowhere else but /assess/.
"""

from __future__ import annotations

import platform
import subprocess
from pathlib import Path

# Static labels (".qp-facts dt": 状态, 公示期, 发布机关 ...) would make every notice match them. The document line and
# the draft banner repeat on every page of a scheme and drew its name to its least useful pages
# (bench/search_ranking.py: 盐城市市长质量奖 found 原文 first). Column heads ran together into the excerpt of many
# results ("序号类别材料由谁提供原文依据"); each table's caption says what it holds instead.
EXCLUDE = (".headerlink", ".qp-ln", ".qp-noprint", ".md-source-file", "#qp-assess", "#qp-search", ".qp-facts dt",
           ".qp-notice-status", ".qp-doc-line", ".qp-draft", "thead")


class SearchIndexError(Exception):
    pass


def pagefind_binary(root: Path) -> Path:
    """The installed Pagefind extended binary for this machine."""
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine().lower())
    package = root / "node_modules" / "@pagefind" / f"{platform.system().lower()}-{arch}"
    if not (package / "package.json").is_file():
        raise SearchIndexError(f"{package.relative_to(root)} is missing: run `npm ci` (./dev does it) to install the "
                               "pinned Pagefind (Linux x64 and arm64 only)")
    return package / "bin" / "pagefind_extended"


def index_site(root: Path, site: Path) -> int:
    """Write site/pagefind/ with the Pagefind installed under root; returns its size in bytes."""
    binary = pagefind_binary(root)
    command = [str(binary), "--site", str(site), "--root-selector", "article.md-content__inner",
               "--force-language", "zh", "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
    return sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
