"""The office editor's data and its Python (/office/editor/): the portal's own notice check, run in Pyodide.

The editor runs ``generator.office.check`` in the browser, on the same modules as ``python -m generator check``: the
generator's notice models and checks, pydantic, PyYAML (its pure-Python code), python-stdnum, phonenumbers (its
matcher and numbering data) and chinesecalendar, at the versions the build itself runs (copied from this
interpreter's installed packages, so the two cannot drift), plus pydantic_core's Pyodide wheel from PyPI (pinned
with its hash in requirements-pyodide.txt and downloaded by ./dev). Pyodide's whole stock standard library is
shipped beside them, not a traced part as for the calculator: pydantic imports parts of it lazily, on paths a trace
may miss. Both zips are compiled to ``.pyc`` by the pinned Pyodide at build time (generator/ship/bundle.py), so the
browser unmarshals instead of compiling.

Written under ``assets/office/`` (not Pyodide's versioned folder, which the calculator's service worker caches):
``office.zip`` (the check and its packages), ``stdlib.zip``, their brotli and gzip copies, and the wheel; and
``data/office.json`` (what the form offers), ``data/office-schemes.json`` (the validated schemes, which the
check reads back into the same models) and ``data/office-published.json`` (the notices published on the build day,
which the editor opens to correct or withdraw).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from generator import PACKAGE
from generator.assess.terms import NOTICE_KINDS, SECTORS
from generator.core.messages import FIELDS
from generator.load.ledger import LEDGER, parse_ledger, seal_of
from generator.load.notices import objections_required
from generator.model.notice import LoadedNotice
from generator.model.scheme import Scheme
from generator.ship.bundle import STDLIB_OPTIMIZE, BundleError, brotli_of, cache_of, compiled_zip, pyodide_source
from generator.views import compare

FOLDER = "assets/office"
STDLIB = "stdlib.zip"  # Pyodide's stock standard library, compiled
PYTHON = "office.zip"  # the check and its packages, compiled
WHEELS = Path(".cache") / "wheels"  # in the project root: where ./dev downloads the pinned wheel
PIN = "requirements-pyodide.txt"
# Third-party packages of the check, copied whole (pydantic imports parts of itself lazily).
PACKAGES = ("pydantic", "typing_extensions", "annotated_types", "typing_inspection", "yaml", "chinese_calendar")
# The modules of python-stdnum, phonenumbers and of this package are those that importing the check loads (traced on
# CPython).
ENTRY = "generator.office.check"
_TRACED = ("stdnum", "phonenumbers")
_EPOCH = (2000, 1, 1, 0, 0, 0)


def period_text(rule: Any) -> str | None:
    """A notice kind's period in words, with its clause: 公示期不少于5个工作日（第九条（二））."""
    return None if rule.period is None else f"公示期{compare.period_text(rule.period)}（{rule.cite.clause}）"


def office_data(schemes: list[Scheme], today: str, repository: dict | None) -> dict:
    """What the editor's form offers: schemes, their notice kinds, tiers and caps, the sectors, the repository, and
    the Chinese name of each key (generator.core.messages.FIELDS: the form labels its fields as the messages name
    them)."""
    return {
        "today": today,
        "labels": {key: name for key, (name, _example) in FIELDS.items()},
        "repository": repository,
        "sectors": dict(SECTORS.items()),
        "schemes": [{
            "id": s.id, "name": s.name, "short_name": s.short_name,
            "area": {"name": s.area.name, "code_prefixes": list(s.area.code_prefixes),
                     "exceptions": [{"place": e.place, "reason": e.reason, "clause": e.cite.clause,
                                     "quote": e.cite.quote} for e in s.area.exceptions]},
            "kinds": [{"kind": n.kind, "label": NOTICE_KINDS[n.kind].label, "title": n.title,
                       "ranked": NOTICE_KINDS[n.kind].ranked, "period": period_text(n),
                       "objections_required": objections_required(n, n.kind)}
                      for n in s.notices if not NOTICE_KINDS[n.kind].by_applicant],
            "tiers": [{"id": t.id, "name": t.name, "cap": t.cap} for t in s.tiers]
            + [{"id": lv.id, "name": lv.name, "cap": None} for lv in s.levels],
        } for s in schemes],
    }


def schemes_json(schemes: list[Scheme]) -> str:
    """The validated schemes, which ``generator.office.check`` validates back into ``Scheme``."""
    return json.dumps([s.model_dump(mode="json", exclude_unset=True) for s in schemes], ensure_ascii=False,
                      sort_keys=True)


def published_json(notices: list[LoadedNotice], root: Path) -> str:
    """The notices on the site (published by the build day) that may still be corrected or withdrawn, for the
    editor: each with its file's text (the sealed version, against which the browser checks a correction), the day
    that version was sealed (the ledger's, when it seals this very version; else the day of its last change, which
    no correction may predate) and the notice as validated (what fills the form). Withdrawn notices are left out:
    nothing follows a withdrawal."""
    ledger_file = root / LEDGER
    sealed = parse_ledger(ledger_file.read_text(encoding="utf-8"))[0] if ledger_file.is_file() else {}
    out = []
    for loaded in notices:
        notice = loaded.notice
        if notice.withdrawn is not None:
            continue
        entry = sealed.get(loaded.path)
        if entry is not None and entry == seal_of(notice) and entry.sealed_on is not None:
            sealed_on = entry.sealed_on
        else:
            sealed_on = max([notice.published, *(c.date for c in notice.corrections)])
        out.append({"path": loaded.path, "title": notice.title, "scheme": notice.scheme, "kind": notice.kind,
                    "published": notice.published.isoformat(), "sealed_on": sealed_on.isoformat(),
                    "text": (root / loaded.path).read_text(encoding="utf-8"),
                    "notice": notice.model_dump(mode="json", exclude_none=True)})
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def repository(extra: dict) -> dict | None:
    """mkdocs.yml ``extra.office.repository``: {host: github|gitlab|gitea, url, branch}; None when unset."""
    repo = (extra.get("office") or {}).get("repository") or None
    if not repo:
        return None
    if repo.get("host") not in ("github", "gitlab", "gitea") or not str(repo.get("url", "")).startswith("https://"):
        raise BundleError("mkdocs.yml extra.office.repository 应写明 host（github、gitlab 或 gitea）和 https:// 开头的 "
                          "url，例如 {host: github, url: https://github.com/org/portal, branch: main}")
    return {"host": repo["host"], "url": str(repo["url"]).rstrip("/"), "branch": str(repo.get("branch") or "main")}


def _traced(cache: Path) -> str:
    """The files of the modules that importing the check loads, one per line: traced in a fresh interpreter (the
    build's own has loaded much more), once for each state of the generator's sources and the installed packages."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE.parent).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _TRACED:
        module = importlib.import_module(name)
        digest.update(f"{module.__file__} {module.__version__}".encode())
    stored = cache / f"office-trace-{digest.hexdigest()[:24]}.txt"
    if stored.is_file():
        return stored.read_text(encoding="utf-8")
    trace = subprocess.run(
        [sys.executable, "-c", f"import sys, {ENTRY}; print(chr(10).join(getattr(m, '__file__', None) or '' "
                               "for m in list(sys.modules.values())))"],
        capture_output=True, text=True, cwd=PACKAGE.parent, check=True)
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_text(trace.stdout, encoding="utf-8")
    return trace.stdout


def _package_files(cache: Path) -> dict[str, Path]:
    """arcname -> file: the pure-Python packages the check imports, from this interpreter's installation."""
    files: dict[str, Path] = {}
    for name in PACKAGES:
        module = importlib.import_module(name)
        origin = Path(module.__file__)
        if origin.name == "__init__.py":
            base = origin.parent.parent
            for path in sorted(origin.parent.rglob("*")):
                if path.is_file() and path.suffix in (".py", ".json", ".typed") and "__pycache__" not in path.parts:
                    files[path.relative_to(base).as_posix()] = path
        else:
            files[origin.name] = origin
    traced = [Path(importlib.import_module(name).__file__).parent for name in _TRACED]
    for line in _traced(cache).splitlines():
        path = Path(line)
        if path.is_relative_to(PACKAGE):
            files[path.relative_to(PACKAGE.parent).as_posix()] = path
        for package in traced:
            if path.is_relative_to(package):
                files[path.relative_to(package.parent).as_posix()] = path
    # phonenumbers loads a country's data when a number of that country turns up in a text: all of them (not the
    # geocoding, carrier and time-zone data, which the check never asks for).
    numbers_data = Path(importlib.import_module("phonenumbers.data").__file__).parent
    for path in sorted(numbers_data.glob("*.py")):
        files[path.relative_to(numbers_data.parent.parent).as_posix()] = path
    return files


def office_zip(cache: Path) -> bytes:
    """The Python sources of the check, as one zip with fixed times (same sources, same bytes)."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for arc, path in sorted(_package_files(cache).items()):
            info = zipfile.ZipInfo(arc, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes())
    return out.getvalue()


def pinned_wheel(root: Path) -> tuple[str, str]:
    """(file name, sha256) of pydantic_core's Pyodide wheel from the project's requirements-pyodide.txt, for this
    pydantic_core."""
    import pydantic_core

    for line in (root / PIN).read_text(encoding="utf-8").splitlines():
        if line.startswith("pydantic_core=="):
            version = line.split("==")[1].split()[0]
            digest = line.split("--hash=sha256:")[1].strip()
            if version != pydantic_core.__version__:
                raise BundleError(f"requirements-pyodide.txt pins pydantic_core {version}, but the build runs "
                                  f"{pydantic_core.__version__}: the two must be the same version")
            info = json.loads((pyodide_source(root)[0] / "pyodide-lock.json").read_text())["info"]
            abi, tag = info["abi_version"], "cp" + "".join(info["python"].split(".")[:2])
            return f"pydantic_core-{version}-{tag}-{tag}-pyemscripten_{abi}_wasm32.whl", digest
    raise BundleError("requirements-pyodide.txt 中没有 pydantic_core 的版本")


def bundle_office(root: Path, site_dir: Path) -> dict[str, int]:
    """Write assets/office/: the standard library and office.zip compiled to .pyc by the pinned Pyodide (with brotli
    and gzip copies), pydantic_core's wheel and a manifest for the worker; from the project at ``root``."""
    dest = site_dir / FOLDER
    dest.mkdir(parents=True, exist_ok=True)
    cache = cache_of(root)
    name, digest = pinned_wheel(root)
    wheel = root / WHEELS / name
    if not wheel.is_file() or hashlib.sha256(wheel.read_bytes()).hexdigest() != digest:
        raise BundleError(f"{wheel} 缺失或与 requirements-pyodide.txt 的散列不符：运行 ./dev build（它按该文件下载）")
    shutil.copyfile(wheel, dest / name)
    source, version = pyodide_source(root)
    # The whole standard library, not a traced part: pydantic imports some of it lazily, on paths a trace may miss.
    zips = {STDLIB: compiled_zip(source, version, (source / "python_stdlib.zip").read_bytes(), STDLIB_OPTIMIZE, cache),
            PYTHON: compiled_zip(source, version, office_zip(cache), 0, cache)}
    for zip_name, data in zips.items():
        (dest / zip_name).write_bytes(data)
        (dest / f"{zip_name}.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        packed = brotli_of(data, cache)
        if packed is not None:
            (dest / f"{zip_name}.br").write_bytes(packed)
    manifest = {"pyodide": version, "wheel": name, "stdlib": STDLIB, "python": PYTHON}
    (dest / "manifest.json").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    return {p.name: p.stat().st_size for p in sorted(dest.iterdir())}
