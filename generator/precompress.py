"""Gzip large compressible files once at build time, so the server sends ``file.gz`` (nginx
``gzip_static``) instead of compressing a 9.6 MB wasm on every request."""

from __future__ import annotations

import gzip
from pathlib import Path

COMPRESSIBLE = {".wasm", ".js", ".mjs", ".json", ".css", ".html", ".xml", ".atom", ".rss", ".svg", ".txt"}
MIN_BYTES = 64 * 1024


def precompress(site: Path, min_bytes: int = MIN_BYTES) -> dict[str, int]:
    """Write ``name.gz`` beside every compressible file of at least ``min_bytes``; returns
    {path: compressed size}. Deterministic (no timestamp or name in the header)."""
    written: dict[str, int] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in COMPRESSIBLE or path.is_symlink() or not path.is_file():
            continue
        if path.stat().st_size < min_bytes:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < 0.9 * len(data):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written[str(path.relative_to(site))] = len(packed)
    return written
