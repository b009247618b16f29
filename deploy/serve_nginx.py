"""Serve a built site locally with deploy/nginx.conf (the same file production uses).

    .venv/bin/python deploy/serve_nginx.py [--site site] [--port 8080]

The tests and benchmarks start it through ``running()``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CONF = Path(__file__).with_name("nginx.conf")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running(site: Path, port: int | None = None) -> Iterator[str]:
    """nginx serving ``site`` on 127.0.0.1; yields the base URL."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        raise RuntimeError("nginx not found (Debian: apt-get install nginx; ./dev test installs it)")
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="portal-nginx-") as tmp:
        prefix = Path(tmp)
        (prefix / "tmp").mkdir()
        conf = CONF.read_text().replace("PORTAL_ROOT", str(site.resolve())).replace("PORTAL_PORT", str(port))
        (prefix / "nginx.conf").write_text(conf)
        # Workers run as www-data, which may not read a private folder when we are root.
        extra = "daemon off; user root;" if os.geteuid() == 0 else "daemon off;"
        proc = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", extra],
                                stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    if proc.poll() is not None:
                        raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode()}") from None
                    time.sleep(0.05)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    with running(Path(args.site), args.port) as url:
        print(f"serving {args.site} with deploy/nginx.conf on {url} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
