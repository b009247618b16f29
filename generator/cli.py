"""The command line of CLI.md, thin over the rest of the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import ROOT


def cmd_check(args: argparse.Namespace) -> int:
    from generator.model.validate import load_portal

    portal = load_portal(Path(args.root))
    for problem in portal.problems:
        print(problem, file=sys.stderr)
    if portal.problems:
        print(f"{len(portal.problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(portal.schemes)} schemes")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import BuildError, build_site

    try:
        out = build_site(Path(args.root), Path(args.out) if args.out else None)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("build failed; the existing site was left untouched", file=sys.stderr)
        return 1
    print(f"built {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(Path(args.root) / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="质量奖公共服务门户 generator")
    parser.add_argument("--root", default=str(ROOT), help="project folder (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate schemes/ and public_lists/").set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="check, generate and build the site into site/ (or --out)")
    build.add_argument("--out", help="output folder (default: site/ of the project)")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="preview with live reload of YAML, templates and pages")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)
