"""Requests per second for the calculator's largest file (pyodide.asm.wasm, gzip accepted) through
deploy/nginx.conf, with 4 concurrent clients on loopback: with the build's precompressed .gz and, for
comparison, with it removed (nginx then compresses on every request). Prints figures, asserts nothing.

    .venv/bin/python bench/serve_throughput.py [--site site] [--seconds 10]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 4


def serve_nginx():
    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rate(url: str, seconds: float) -> tuple[float, int]:
    """(requests per second, bytes per response) with CLIENTS threads for ``seconds``."""
    done, size = [0], [0]
    stop = time.perf_counter() + seconds

    def client() -> None:
        while time.perf_counter() < stop:
            request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                size[0] = len(response.read())
            done[0] += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.perf_counter() - started), size[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site, symlinks=True)
        wasm = next(site.glob("assets/pyodide/*/pyodide.asm.wasm"))
        path = str(wasm.relative_to(site))
        with serve_nginx().running(site) as url:
            static, size = rate(url + path, args.seconds)
            print(f"precompressed .gz (gzip_static): {static:6.1f} req/s, {size / 1e6:.2f} MB per response")
            wasm.with_name(wasm.name + ".gz").unlink()
            dynamic, size = rate(url + path, args.seconds)
            print(f"compressed per request (gzip 6): {dynamic:6.1f} req/s, {size / 1e6:.2f} MB per response")
    print(f"{CLIENTS} clients, {args.seconds:g} s each")


if __name__ == "__main__":
    main()
