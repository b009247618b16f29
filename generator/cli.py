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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="质量奖公共服务门户 generator")
    parser.add_argument("--root", default=str(ROOT), help="project folder (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate schemes/ and public_lists/").set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    return args.func(args)
