"""The whole test suite in a fresh clone with the machine's clock moved (Debian's ``faketime``), one run per date.

Usage: .venv/bin/python bench/faketime_suite.py [--dates 2027-06-15 2028-01-02 2031-02-01] [--repo .]

The clone is set up once with the clock as it is (``./dev test --collect-only``: pip, npm and apt talk to the
registries, whose certificates a far date would reject), then ``faketime '<date> 10:00:00' ./dev test`` runs per
date; prints each run's closing line (passed / failed counts) and the failed tests. Requires ``faketime``
(``apt-get install faketime``) and ../shared beside the repository, as CI has it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", nargs="+", default=["2027-06-15", "2028-01-02", "2031-02-01"])
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    args = parser.parse_args()
    if shutil.which("faketime") is None:
        print("faketime not found: apt-get install faketime", file=sys.stderr)
        return 2
    parent = Path(tempfile.mkdtemp(prefix="faketime-suite-"))
    shared = Path(args.repo).resolve().parent / "shared"
    if shared.is_dir():
        (parent / "shared").symlink_to(shared)
    clone = parent / "repo"
    subprocess.run(["git", "clone", "-q", args.repo, str(clone)], check=True)
    env = os.environ | {"CI": "true"}
    setup = subprocess.run(["./dev", "test", "--collect-only", "-q"], cwd=clone, env=env, capture_output=True,
                           text=True, stdin=subprocess.DEVNULL)
    if setup.returncode != 0:
        print(setup.stdout[-3000:], setup.stderr[-3000:], file=sys.stderr)
        return 1
    failures = 0
    for date in args.dates:
        started = time.perf_counter()
        run = subprocess.run(["faketime", f"{date} 10:00:00", "./dev", "test", "-q", "-p", "no:cacheprovider"],
                             cwd=clone, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        lines = run.stdout.strip().splitlines()
        closing = next((line for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)), "(no summary)")
        print(f"{date}: exit {run.returncode}, {closing.strip('= ')} ({time.perf_counter() - started:.0f} s wall)")
        for line in lines:
            if line.startswith(("FAILED", "ERROR")):
                print(f"  {line}")
        failures += run.returncode != 0
    if not args.keep:
        shutil.rmtree(parent, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
