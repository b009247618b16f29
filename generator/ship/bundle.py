"""Ship Pyodide (from the pinned npm package) and the engine inside the site.

Only the assessment page loads them. Pyodide's core files are copied as they are; its 2.5 MB standard library
zip is not: the build writes ``engine.zip`` instead, which the worker passes as Pyodide's ``stdLibURL``. It holds
the modules that Pyodide's own start-up and the engine import (found by booting the pinned Pyodide under Node,
importing every engine module and every module the engine's sources name), plus the engine itself, all as
``.pyc`` compiled by that same Pyodide (so the browser unmarshals instead of compiling: about a second of wasm
CPU), stored uncompressed so that the transfer encoding (brotli, gzip) compresses the zip as one stream.
Modules that the start-up imports only inside ``try: ... except ImportError`` and that the engine does not need
(``OPTIONAL``) are left out. The lockfile keeps Pyodide's ``info`` and lists no package: nothing is installed.

Large files get a ``.br`` (brotli 11) and the zip a ``.gz`` beside them, for nginx's ``brotli_static`` and
``gzip_static``; both are cached by content under ``.cache/bundle/`` of this repository, like the zip (compiling
it boots Pyodide under Node, a few seconds; brotli 11 of the 9.6 MB wasm takes about 35 s, once).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.ship.wheel import engine_files

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB = "engine.zip"  # the trimmed standard library and the engine, .pyc only: Pyodide's stdLibURL
# The large files whose bytes the calculator's worker counts as Pyodide reads them (its progress bar).
DOWNLOADED = ("pyodide.asm.wasm",)  # pyodide.asm.mjs is imported, not fetched; engine.zip is small beside it
BROTLI = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB)
# Imported by Pyodide's start-up only under `except ImportError` (asyncio: ssl; shutil and zipfile: bz2, lzma, zstd).
OPTIONAL = ("ssl", "_ssl", "bz2", "lzma", "compression")
# Standard library: docstrings and asserts dropped (python -OO); the engine keeps both, as on CPython.
STDLIB_OPTIMIZE = 2
ENGINE_OPTIMIZE = 0


def cache_of(root: Path) -> Path:
    """Where a project keeps the bundles it built (the zips, their brotli copies): by content, so kept across builds."""
    return root / ".cache" / "bundle"


# Runs under Node: boots the pinned Pyodide with its full standard library, imports the engine, and writes
# the zip of every module then loaded from the standard library, and of the engine, compiled.
# PYTHONNODEBUGRANGES drops the column tables from the code objects (tracebacks lose their ^^^ marks only).
_COMPILE_JS = r"""
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
const [pyodideDir, inputFile, outputFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.globals.set("job", JSON.parse(await readFile(inputFile, "utf8")));
pyodide.runPython(String.raw`
import ast, importlib, importlib.util, io, os, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

job = job.to_py()
stdlib = "/lib/python%d%d.zip" % sys.version_info[:2]
engine_dir = "/tmp/engine"
named = set()
engine_modules = []
for arc, text in job["files"].items():
    path = os.path.join(engine_dir, arc)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    name = arc[:-3].replace("/", ".").removesuffix(".__init__")
    engine_modules.append(name)
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            named.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            named.add(node.module)
sys.path.insert(0, engine_dir)
for name in sorted(engine_modules):
    importlib.import_module(name)
for name in sorted(named):
    if name.split(".")[0] not in ("generator", "__future__"):
        importlib.import_module(name)
optional = tuple(job["optional"])
members = set()
for name, module in list(sys.modules.items()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(stdlib + "/") and name.split(".")[0] not in optional:
        members.add(origin[len(stdlib) + 1:])
source_zip = zipfile.ZipFile(stdlib)
entries = {m: (source_zip.read(m), job["stdlib_optimize"]) for m in members}
entries.update({arc: (text.encode(), job["engine_optimize"]) for arc, text in job["files"].items()})
out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    for arc in sorted(entries):
        source, optimize = entries[arc]
        code = compile(source, stdlib + "/" + arc, "exec", dont_inherit=True, optimize=optimize)
        info = zipfile.ZipInfo(arc + "c", date_time=(2000, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        z.writestr(info, _code_to_hash_pyc(code, importlib.util.source_hash(source), False))
with open("/tmp/engine.zip", "wb") as f:
    f.write(out.getvalue())
`);
await writeFile(outputFile, pyodide.FS.readFile("/tmp/engine.zip"));
"""


class BundleError(Exception):
    pass


def pyodide_source(root: Path) -> tuple[Path, str]:
    folder = root / "node_modules" / "pyodide"
    if not (folder / "package.json").is_file():
        raise BundleError("node_modules/pyodide is missing: run `npm ci` (./dev does it) to install the pinned Pyodide")
    return folder, json.loads((folder / "package.json").read_text())["version"]


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _under_node(script: str, source: Path, job: bytes, what: str) -> bytes:
    """Run ``script`` under Node with Pyodide's folder, a job file and an output file; returns the output's bytes."""
    node = shutil.which("node")
    if node is None:
        raise BundleError(f"node not found: the build compiles {what} with Pyodide under Node.js")
    with tempfile.TemporaryDirectory(prefix="pyodide-compile-") as tmp:
        script_file, job_file, out = Path(tmp, "compile.mjs"), Path(tmp, "job"), Path(tmp, "out.zip")
        script_file.write_text(script, encoding="utf-8")
        job_file.write_bytes(job)
        run = subprocess.run([node, str(script_file), str(source.resolve()), str(job_file), str(out)],
                             capture_output=True, text=True, timeout=600)
        if run.returncode != 0 or not out.is_file():
            raise BundleError(f"compiling {what} under Node failed:\n{run.stderr[-3000:]}")
        return out.read_bytes()


def _cached(cache: Path, name: str, make) -> bytes:  # noqa: ANN001 (a thunk)
    stored = cache / name
    if stored.is_file():
        return stored.read_bytes()
    data = make()
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(data)
    return data


def engine_zip(source: Path, version: str, cache: Path) -> bytes:
    """The bytes of ``engine.zip`` for the Pyodide in ``source``: built under Node once, then from the cache."""
    files = {k: v.decode("utf-8") for k, v in engine_files().items()}
    job = {"files": files, "optional": list(OPTIONAL), "stdlib_optimize": STDLIB_OPTIMIZE,
           "engine_optimize": ENGINE_OPTIMIZE}
    job_bytes = json.dumps(job, sort_keys=True).encode()
    name = f"engine-{_digest(version.encode(), _COMPILE_JS.encode(), job_bytes)[:24]}.zip"
    return _cached(cache, name, lambda: _under_node(_COMPILE_JS, source, job_bytes, "engine.zip"))


# Runs under Node: compiles every .py of a zip with the pinned Pyodide's Python, keeping other members as they
# are; the job is the zip, preceded by one line of JSON ({"optimize": n}).
_PYC_JS = r"""
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
const [pyodideDir, jobFile, outputFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.writeFile("/tmp/job", await readFile(jobFile));
pyodide.runPython(String.raw`
import importlib.util, io, json, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

raw = open("/tmp/job", "rb").read()
head, _, body = raw.partition(b"\n")
optimize = json.loads(head)["optimize"]
out = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(body)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
    for name in sorted(src.namelist()):
        data = src.read(name)
        if name.endswith(".py"):
            try:
                code = compile(data, name, "exec", dont_inherit=True, optimize=optimize)
            except SyntaxError:
                pass  # kept as source: whoever imports it gets the same error as with the stock file
            else:
                name, data = name + "c", _code_to_hash_pyc(code, importlib.util.source_hash(data), False)
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
open("/tmp/out.zip", "wb").write(out.getvalue())
`);
await writeFile(outputFile, pyodide.FS.readFile("/tmp/out.zip"));
"""


def compiled_zip(source: Path, version: str, sources: bytes, optimize: int, cache: Path) -> bytes:
    """``sources`` (a zip) with every module compiled to ``.pyc`` by the Pyodide in ``source``, stored uncompressed
    (the transfer encoding compresses it whole); built under Node once, then from the cache."""
    job = json.dumps({"optimize": optimize}).encode() + b"\n" + sources
    name = f"pyc-{_digest(version.encode(), _PYC_JS.encode(), job)[:24]}.zip"
    return _cached(cache, name, lambda: _under_node(_PYC_JS, source, job, "a zip of Python modules"))


def brotli_of(data: bytes, cache: Path) -> bytes | None:
    """Brotli 11 of ``data``, cached by content; None when the brotli package is not installed."""
    try:
        import brotli
    except ImportError:
        return None
    stored = cache / "br" / f"{hashlib.sha256(data).hexdigest()}.br"
    if stored.is_file():
        return stored.read_bytes()
    packed = brotli.compress(data, quality=11, lgwin=21)  # 21: 20 KB less than the default 22 for the wasm
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(packed)
    return packed


def lockfile(source: Path) -> str:
    """Pyodide's lockfile with no package: loadPyodide checks its ABI version and installs nothing."""
    info = json.loads((source / "pyodide-lock.json").read_text())["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True, separators=(",", ":")) + "\n"


def bundle_pyodide(root: Path, site_dir: Path) -> dict[str, int]:
    """Copy Pyodide's core, write engine.zip, the lockfile and the precompressed copies; returns bytes per file."""
    source, version = pyodide_source(root)
    dest = site_dir / "assets" / "pyodide" / version
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, dest / name)
    cache = cache_of(root)
    zipped = engine_zip(source, version, cache)
    (dest / STDLIB).write_bytes(zipped)
    # gzip_static's copy for clients without brotli (precompress.py leaves .zip files alone).
    (dest / f"{STDLIB}.gz").write_bytes(gzip.compress(zipped, compresslevel=9, mtime=0))
    (dest / "pyodide-lock.json").write_text(lockfile(source))
    for name in BROTLI:
        data = (dest / name).read_bytes()
        packed = brotli_of(data, cache)
        if packed is not None and len(packed) < 0.9 * len(data):
            (dest / f"{name}.br").write_bytes(packed)
    return {p.name: p.stat().st_size for p in sorted(dest.iterdir())}
