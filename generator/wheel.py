"""The assessment engine as a pure-Python wheel, the only Python shipped to the browser.

Built straight with zipfile so that the same sources give the same bytes (fixed times,
sorted entries); its version carries a hash of its contents for long-lived caching.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

from generator import ROOT

NAME = "quality_portal_engine"
DIST = "quality-portal-engine"
VERSION = "0.1.0"
_EPOCH = (2000, 1, 1, 0, 0, 0)


def engine_files(root: Path = ROOT) -> dict[str, bytes]:
    """arcname -> bytes: the package marker and every module of generator/assess/, subpackages included."""
    files = {"generator/__init__.py": (root / "generator" / "__init__.py").read_bytes()}
    for path in sorted((root / "generator" / "assess").rglob("*.py")):
        files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest},{len(data)}"


def build_wheel(out_dir: Path, root: Path = ROOT) -> Path:
    """Write the wheel into ``out_dir``; returns its path."""
    files = engine_files(root)
    content_hash = hashlib.sha256(b"".join(k.encode() + v for k, v in sorted(files.items()))).hexdigest()[:12]
    version = f"{VERSION}+{content_hash}"
    info = f"{NAME}-{version}.dist-info"
    files[f"{info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {DIST}\nVersion: {version}\n"
        "Summary: Self-assessment engine of the Quality Award Portal (standard library only)\n"
    ).encode()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: quality-portal\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{info}/top_level.txt"] = b"generator\n"
    record = "".join(f"{name},{_record_hash(data)}\n" for name, data in sorted(files.items()))
    files[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{NAME}-{version}-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in sorted(files.items()):
            entry = zipfile.ZipInfo(name, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            wheel.writestr(entry, data)
    path.write_bytes(buffer.getvalue())
    return path
