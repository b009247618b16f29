"""Lighthouse (npm, pinned) on every page type, served by deploy/nginx.conf; prints the scores.

    .venv/bin/python bench/lighthouse.py [--site site]

Lighthouse is installed on first use into .cache/lighthouse (not part of the test run).
Chromium is Debian's (/usr/bin/chromium), headless, with background networking off.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = "13.5.0"
CACHE = ROOT / ".cache" / "lighthouse"
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
         "--disable-sync --no-first-run")
PAGES = {
    "home": "", "scheme overview": "schemes/suzhou-quality-award/",
    "eligibility": "schemes/suzhou-quality-award/eligibility/", "source text": "schemes/haizhou-quality-award/source/",
    "comparison": "compare/", "notices": "notices/",
    "a notice": "notices/yancheng-mayor-quality-award/2026/2026-06-30-winners/",
    "winners": "winners/", "self-assessment": "assess/", "search": "search/?q=%E5%85%AC%E7%A4%BA%E6%9C%9F",
    "office guide": "office/",
}


def lighthouse() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{VERSION}"], check=True)
    return binary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    args = parser.parse_args()
    binary = lighthouse()
    spec = importlib.util.spec_from_file_location("serve_nginx", ROOT / "deploy" / "serve_nginx.py")
    serve_nginx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_nginx)
    print(f"{'page':18} perf  a11y  best  seo")
    with serve_nginx.running(Path(args.site)) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            out = Path(tmp) / "report.json"
            subprocess.run([str(binary), base + path, "--quiet", f"--chrome-flags={FLAGS}", "--output=json",
                            f"--output-path={out}", "--only-categories=performance,accessibility,best-practices,seo"],
                           env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"}, check=True, timeout=300)
            scores = {k: round(v["score"] * 100) for k, v in json.loads(out.read_text())["categories"].items()}
            print(f"{name:18} {scores['performance']:4}  {scores['accessibility']:4}  {scores['best-practices']:4}  "
                  f"{scores['seo']:4}", flush=True)


if __name__ == "__main__":
    main()
