"""The command line of docs/CLI.md, thin over the rest of the package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import ROOT
from generator.assess.terms import NOTICE_KINDS


def cmd_check(args: argparse.Namespace) -> int:
    from generator.load.portal import load_portal

    portal = load_portal(Path(args.root), ledger_base=args.ledger_base)
    for problem in portal.problems:
        print(problem, file=sys.stderr)
    for warning in portal.warnings:  # reminders: they stop nothing
        print(warning, file=sys.stderr)
    if portal.problems:
        print(f"共 {len(portal.problems)} 个问题，未发布任何内容", file=sys.stderr)
        return 1
    from generator.views.coverage import coverage, report_lines

    # A report, not a problem: clauses no quote covers leave the exit code alone.
    print("\n".join(report_lines(coverage(portal.schemes, portal.sources))))
    scheduled = f", {len(portal.scheduled)} scheduled" if portal.scheduled else ""
    print(f"ok: {len(portal.schemes)} schemes, {len(portal.notices)} notices{scheduled}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import BuildError, build_site

    try:
        out = build_site(Path(args.root), Path(args.out) if args.out else None, production=args.production,
                         remind=lambda line: print(line, file=sys.stderr))
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("构建失败：已发布的网站保持不变", file=sys.stderr)
        return 1
    print(f"built {out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(Path(args.root) / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from generator.assess.api import load_profile_json, result_json
    from generator.assess.engine import assess
    from generator.assess.profile import ProfileError, check_size, parse_profile
    from generator.assess.report import text_report
    from generator.load.portal import load_portal
    from generator.load.yamlload import YamlError, load_text
    from generator.views.export import engine_data

    try:
        text = sys.stdin.read() if args.profile == "-" else Path(args.profile).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = {UnicodeDecodeError: "不是 UTF-8 编码的文本", FileNotFoundError: "文件不存在",
               IsADirectoryError: "这是一个文件夹", PermissionError: "没有读取权限"}.get(type(exc), "读取出错")
        print(f"profile: 无法读取 {args.profile}（{why}）：档案应为 UTF-8 编码的 JSON 或 YAML 文件，例如 "
              f"examples/profile-suzhou-manufacturer.json", file=sys.stderr)
        return 2
    try:
        check_size(text)  # before YAML reads it, too
        raw = (
            load_profile_json(text)
            if args.profile.endswith(".json") or text.lstrip().startswith(("{", "["))
            else load_text(text, args.profile)
        )
        profile = parse_profile(raw)
    except (YamlError, ProfileError) as exc:
        print(exc, file=sys.stderr)
        return 2
    portal = load_portal(Path(args.root))
    if portal.problems:
        print("\n".join(str(p) for p in portal.problems), file=sys.stderr)
        return 1
    try:
        result = assess(profile, engine_data(portal), args.scheme or None)
    except KeyError as exc:
        print(f"--scheme: {exc.args[0]}", file=sys.stderr)
        return 2
    except ProfileError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(result_json(result, indent=2))
    else:
        print(text_report(result))
    return 0


def _notice_spec(root: Path, scheme_id: str, kind: str):
    """(scheme, notice spec, working-day calendar, error message or None)."""
    from generator.assess.terms import NOTICE_KINDS
    from generator.load.portal import load_portal

    portal = load_portal(root)
    scheme = next((s for s in portal.schemes if s.id == scheme_id), None)
    if scheme is None:
        return (
            None,
            None,
            portal.calendar,
            f"--scheme：没有编号为 {scheme_id} 的方案；应为以下之一：{'、'.join(s.id for s in portal.schemes)}，"
            "例如 --scheme haizhou-quality-award",
        )
    spec = scheme.notice_rule(kind)
    if spec is None:
        kinds = "、".join(f"{n.kind}（{NOTICE_KINDS[n.kind].label}）" for n in scheme.notices)
        return scheme, None, portal.calendar, f"--kind：{scheme.name}的规则没有 {kind} 这类公示；规则规定的有：{kinds}"
    return scheme, spec, portal.calendar, None


def cmd_notice_period(args: argparse.Namespace) -> int:
    import datetime as dt
    import json

    from generator.core.periods import PeriodError, required_period

    scheme, spec, calendar, error = _notice_spec(Path(args.root), args.scheme, args.kind)
    if error:
        print(error, file=sys.stderr)
        return 2
    if spec.period is None:
        print(f"{scheme.name}的规则（{spec.cite.clause}）没有规定这类公示的期限：由发布机关确定，在 end 中写明最后一日",
              file=sys.stderr)
        return 2
    from generator.model.notice import EARLIEST, LATEST

    try:
        published = dt.date.fromisoformat(args.published)
    except ValueError:
        published = None
    if published is None or not EARLIEST <= published <= LATEST:
        print(f"--published: 应为 {EARLIEST} 至 {LATEST} 之间实际存在的日期（YYYY-MM-DD），例如 2026-11-20，"
              f"而不是 {args.published!r}", file=sys.stderr)
        return 2
    try:
        period = required_period(published, spec.period.days, spec.period.unit, calendar)
    except PeriodError as exc:
        print(exc, file=sys.stderr)
        return 1
    result = period.as_json() | {"rule": f"{scheme.name} {spec.cite.clause}：{period.rule}"}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"公示期：{result['start']} 至 {result['end']}（{result['rule']}）")
    return 0


def cmd_new_notice(args: argparse.Namespace) -> int:
    from generator.core.clock import build_date
    from generator.views.notice_skeleton import skeleton

    root = Path(args.root)
    scheme, spec, calendar, error = _notice_spec(root, args.scheme, args.kind)
    if error:
        print(error, file=sys.stderr)
        return 2
    if NOTICE_KINDS[args.kind].by_applicant:
        print(f"--kind: {NOTICE_KINDS[args.kind].label}由申报组织在本组织内部发布，不在本门户发布；"
              "公示期用 notice-period 计算", file=sys.stderr)
        return 2
    today = build_date()  # China's today (or SOURCE_DATE_EPOCH's), as the check and the build count it
    name = f"{today.isoformat()}-{args.kind.replace('_', '-')}.yaml"
    path = root / "public_lists" / scheme.id / str(today.year) / name
    if path.exists():
        print(f"{path.relative_to(root)} exists already; edit it, or rename it first", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(scheme, spec, today, calendar), encoding="utf-8")
    print(path.relative_to(root))
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    from generator.core.clock import build_date
    from generator.load.ledger import seal
    from generator.load.portal import load_portal

    root = Path(args.root)
    portal = load_portal(root)
    if portal.problems:
        print("\n".join(str(p) for p in portal.problems), file=sys.stderr)
        return 1
    ledger = seal(root, portal.notices, build_date())
    print(f"sealed {len(ledger)} published notice(s) in public_lists/ledger.json")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="质量奖公共服务门户 generator")
    parser.add_argument("--root", default=str(ROOT), help="project folder (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate schemes/ and public_lists/")
    check.add_argument("--ledger-base", help="git revision whose public_lists/ledger.json was published "
                       "(default: HEAD); CI passes the branch a change is merged into")
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="check, generate and build the site into site/ (or --out)")
    build.add_argument("--out", help="output folder (default: site/ of the project)")
    build.add_argument("--production", action="store_true", help="refuse sample notices")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="preview with live reload of YAML, templates and pages")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    assess = sub.add_parser("assess", help="self-assessment of an applicant profile (docs/PROFILE.md)")
    assess.add_argument("profile", help="profile .json or .yaml file, or - for standard input")
    assess.add_argument("--scheme", action="append", help="scheme id (repeatable; default: every scheme)")
    assess.add_argument("--json", action="store_true", help="one JSON document on stdout")
    assess.set_defaults(func=cmd_assess)
    period = sub.add_parser("notice-period", help="the period the rules require for a notice")
    period.add_argument("--scheme", required=True)
    period.add_argument(
        "--kind", required=True, choices=list(NOTICE_KINDS)
    )
    period.add_argument("--published", required=True, help="publication date YYYY-MM-DD")
    period.add_argument("--json", action="store_true")
    period.set_defaults(func=cmd_notice_period)
    new = sub.add_parser("new-notice", help="write a notice skeleton with today's date and the required period")
    new.add_argument("--scheme", required=True)
    new.add_argument(
        "--kind", required=True, choices=list(NOTICE_KINDS)
    )
    new.set_defaults(func=cmd_new_notice)
    sub.add_parser("seal", help="record published notices in public_lists/ledger.json").set_defaults(func=cmd_seal)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:  # a defect of ours: one plain line, never a traceback
        print(f"内部错误（{type(exc).__name__}: {exc}）：请把这条信息和所用的输入报告给门户维护者", file=sys.stderr)
        return 2 if args.command == "assess" else 1
